"""The ``persnews`` command line.

    persnews analyze article.txt --published 2021-11-23      # JSON on stdout
    persnews analyze - --pretty < article.txt                # a readable view

Errors (a missing file, bytes that are not UTF-8, a bad option) print one line
on stderr and exit with a non-zero status; there is no traceback.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import NoReturn, TextIO

from persnews import __version__
from persnews.article import Article, analyze
from persnews.errors import PersnewsError

__all__ = ["main"]

#: exit status for bad usage and bad input
USAGE_ERROR = 2
INPUT_ERROR = 1


class _CommandError(Exception):
    def __init__(self, message: str, status: int = INPUT_ERROR) -> None:
        super().__init__(message)
        self.status = status


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        raise _CommandError(f"{self.prog}: {message} (see --help)", USAGE_ERROR)


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="persnews", description="Read Persian news the way an analyst does.")
    parser.add_argument("--version", action="version", version=f"persnews {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)
    analyze_ = commands.add_parser(
        "analyze", help="analyze one article", description="Analyze one article (UTF-8 text)."
    )
    analyze_.add_argument("file", help="a UTF-8 text file, or - for standard input")
    analyze_.add_argument(
        "--published",
        metavar="DATE",
        help="publication date, Gregorian YYYY-MM-DD or Jalali YYYY/MM/DD (e.g. 1402/07/15)",
    )
    analyze_.add_argument(
        "--pretty", action="store_true", help="print a human-readable view instead of JSON"
    )
    return parser


def _read(name: str) -> str:
    try:
        data = sys.stdin.buffer.read() if name == "-" else Path(name).read_bytes()
    except OSError as error:
        raise _CommandError(f"persnews: cannot read {name}: {error.strerror}") from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        label = "standard input" if name == "-" else name
        raise _CommandError(
            f"persnews: {label} is not UTF-8 text (byte 0x{data[error.start]:02x} at offset "
            f"{error.start}); convert it first, e.g. iconv -f WINDOWS-1256 -t UTF-8"
        ) from None


def _pretty(article: Article, out: TextIO) -> None:
    published = article.published.isoformat() if article.published else "unknown"
    out.write(f"published: {published}\n")
    out.write(f"sentences: {len(article.sentences)}, tokens: {len(article.tokens)}\n")
    if article.dates:
        out.write("\ndates:\n")
        for date in article.dates:
            value = date.value.isoformat() if date.value else "-"
            time = f" {date.time.isoformat()}" if date.time else ""
            note = f"  ({date.reason})" if date.reason else ""
            out.write(f"    {date.start:>6}:{date.end:<6} {value}{time}  {date.text}{note}\n")
    if article.numbers:
        out.write("\nnumbers:\n")
        for mention in article.numbers:
            unit = f" {mention.unit}" if mention.unit else ""
            line = f"{mention.kind:<9} {mention.value}{unit}  {mention.text}"
            out.write(f"    {mention.start:>6}:{mention.end:<6} {line}\n")
    if article.entities:
        out.write("\nentities:\n")
        for entity in article.entities:
            kind = f"/{entity.kind}" if entity.kind else ""
            also = f"  → {entity.canonical}" if entity.canonical != entity.text else ""
            line = f"{entity.label + kind:<18} {entity.text}{also}"
            out.write(f"    {entity.start:>6}:{entity.end:<6} {line}\n")
    if article.titles:
        out.write("\ntitles:\n")
        for title in article.titles:
            line = f"{title.kind or '-':<18} {title.text}"
            out.write(f"    {title.start:>6}:{title.end:<6} {line}\n")
    for number, sentence in enumerate(article.sentences, start=1):
        out.write(f"\n[{number}] {sentence.start}:{sentence.end}  {sentence.norm}\n")
        for token in sentence.tokens:
            shown = token.text if token.text == token.norm else f"{token.text} → {token.norm}"
            out.write(f"    {token.start:>6}:{token.end:<6} {token.kind:<8} {shown}\n")


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit status."""
    try:
        arguments = _parser().parse_args(argv)
        text = _read(arguments.file)
        article = analyze(text, published=arguments.published)
    except _CommandError as error:
        print(error, file=sys.stderr)
        return error.status
    except PersnewsError as error:
        print(f"persnews: {error}", file=sys.stderr)
        return USAGE_ERROR
    try:
        if arguments.pretty:
            _pretty(article, sys.stdout)
        else:
            sys.stdout.write(article.to_json() + "\n")
        sys.stdout.flush()
    except BrokenPipeError:  # e.g. persnews analyze x.txt | head
        sys.stdout = open(os.devnull, "w")  # noqa: SIM115 - silence the flush at exit
    return 0


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
