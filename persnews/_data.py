"""Loads persnews/data/*.tsv through importlib.resources, once per process."""

from __future__ import annotations

from operator import methodcaller
from typing import TYPE_CHECKING

from persnews._lazy import once

if TYPE_CHECKING:
    from importlib.resources.abc import Traversable

__all__ = ["header", "table"]


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
    text = _file(name).read_text("utf-8")
    lines = [line for line in text.splitlines() if line and not line.startswith("#")]
    header = tuple(lines[0].split("\t"))
    rows = tuple(map(tuple, map(methodcaller("split", "\t"), lines[1:])))
    width = len(header)
    if any(len(row) != width for row in rows):
        number, size = next(
            (number, line.count("\t") + 1)
            for number, line in enumerate(text.splitlines(), 1)
            if line and not line.startswith("#") and line.count("\t") + 1 != width
        )
        raise ValueError(f"data/{name}.tsv line {number}: {size} fields, expected {width}")
    return header, rows
