"""Loads persnews/data/*.tsv through importlib.resources, once per process."""

from __future__ import annotations

from persnews._lazy import once

__all__ = ["header", "table"]


def _text(name: str) -> str:
    from importlib import resources  # not at import time: it is slow to import

    return resources.files("persnews").joinpath("data", f"{name}.tsv").read_text("utf-8")


def header(name: str) -> tuple[str, ...]:
    """Return the header of ``persnews/data/<name>.tsv`` without reading its rows."""
    lines = (line for line in _text(name).splitlines() if line and not line.startswith("#"))
    return tuple(next(lines, "").split("\t"))


@once
def table(name: str) -> tuple[tuple[str, ...], tuple[tuple[str, ...], ...]]:
    """Return the header and rows of ``persnews/data/<name>.tsv``."""
    text = _text(name)
    lines = [line for line in text.splitlines() if line and not line.startswith("#")]
    header = tuple(lines[0].split("\t"))
    rows = tuple(tuple(line.split("\t")) for line in lines[1:])
    for number, row in enumerate(rows, start=2):
        if len(row) != len(header):
            raise ValueError(
                f"data/{name}.tsv line {number}: {len(row)} fields, expected {len(header)}"
            )
    return header, rows
