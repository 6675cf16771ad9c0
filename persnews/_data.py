"""Loads persnews/data/*.tsv through importlib.resources, once per process."""

from __future__ import annotations

from operator import methodcaller
from typing import TYPE_CHECKING

from persnews._lazy import once

if TYPE_CHECKING:
    from importlib.resources.abc import Traversable

__all__ = ["columns", "header", "split_columns", "table"]


def _file(name: str) -> Traversable:
    from importlib import resources  # not at import time: it is slow to import

    return resources.files("persnews").joinpath("data", f"{name}.tsv")


def header(name: str) -> tuple[str, ...]:
    """Return the header of ``persnews/data/<name>.tsv``, reading no further."""
    with _file(name).open(encoding="utf-8") as lines:
        for line in lines:
            line = line.rstrip("\r\n")
            if line and not line.startswith("#"):
                return tuple(line.split("\t"))
    return ("",)


@once
def table(name: str) -> tuple[tuple[str, ...], tuple[tuple[str, ...], ...]]:
    """Return the header and rows of ``persnews/data/<name>.tsv``."""
    header, lines = _lines(name)
    return header, tuple(map(tuple, map(methodcaller("split", "\t"), lines)))


@once
def columns(name: str) -> tuple[tuple[str, ...], tuple[tuple[str, ...], ...]]:
    """Return the header and the columns of ``persnews/data/<name>.tsv``, each a
    tuple of its fields from the first row to the last: for a large table read
    column by column (no object per row).  Tuples, not lists: a tuple of
    strings is left alone by the cyclic garbage collector once it has seen it,
    a list is scanned again at every full collection."""
    header, lines = _lines(name)
    width = len(header)
    if not lines:
        return header, tuple(() for _ in header)
    return header, tuple(map(tuple, split_columns("\n".join(lines), width)))


def split_columns(rows: str, width: int) -> list[list[str]]:
    """The columns of ``rows``, lines of ``width`` tab-separated fields, cut by one
    split of the whole text (no object per row): column ``i`` holds every line's
    ``i``-th field.  A line with another number of fields shifts the fields after
    it into other columns; callers check the lines' width."""
    fields = rows.replace("\t", "\n").split("\n")
    return [fields[index::width] for index in range(width)]


def _lines(name: str) -> tuple[tuple[str, ...], list[str]]:
    """The header and the rows' lines of a table (neither comments nor blank
    lines), each row checked to have as many fields as the header."""
    text = _file(name).read_text("utf-8")
    lines = [line for line in text.splitlines() if line and not line.startswith("#")]
    header = tuple(lines[0].split("\t"))
    tabs = len(header) - 1
    if set(map(methodcaller("count", "\t"), lines[1:])) - {tabs}:
        number, size = next(
            (number, line.count("\t") + 1)
            for number, line in enumerate(text.splitlines(), 1)
            if line and not line.startswith("#") and line.count("\t") != tabs
        )
        raise ValueError(f"data/{name}.tsv line {number}: {size} fields, expected {tabs + 1}")
    return header, lines[1:]
