"""The ``persnews`` command line.

    persnews analyze article.txt --published 2021-11-23      # JSON on stdout
    persnews analyze - --format pretty < article.txt         # a readable view
    persnews analyze - --pretty < article.txt                # the same

Errors (a missing file, bytes that are not UTF-8, a bad option) print one line
on stderr and exit with a non-zero status; there is no traceback.
"""

from __future__ import annotations

import argparse
import io
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import NoReturn, TextIO

from persnews import __version__
from persnews.article import Article, analyze
from persnews.errors import PersnewsError, convert_advice
from persnews.model import Argument, DateMention, Meeting, on_both_calendars

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
    analyze_.add_argument(
        "file", nargs="?", help="a UTF-8 text file, or - for standard input (one article)"
    )
    batch = analyze_.add_argument_group(
        "many articles",
        "JSON Lines in, JSON Lines out: one record per line, "
        '{"id": ..., "text": ..., "published": ...} ("id" and "published" optional)',
    )
    batch.add_argument(
        "--jsonl", metavar="IN", help="analyze every record of this JSON Lines file (- for stdin)"
    )
    batch.add_argument(
        "--out",
        metavar="OUT",
        help="append the analyses here, one JSON line each, skipping the ids it already "
        "holds (resume an interrupted run); standard output if left out",
    )
    batch.add_argument(
        "--workers", type=int, default=1, metavar="N", help="processes to analyze on (default 1)"
    )
    batch.add_argument("--quiet", action="store_true", help="no progress bar on standard error")
    analyze_.add_argument(
        "--published",
        metavar="DATE",
        help="publication date, Gregorian YYYY-MM-DD or Jalali YYYY/MM/DD (e.g. 1402/07/15)",
    )
    analyze_.add_argument(
        "--format",
        choices=("json", "pretty"),
        default="json",
        help="json (the default): the analysis as one JSON document; pretty: a readable view",
    )
    analyze_.add_argument(
        "--pretty",
        action="store_const",
        const="pretty",
        dest="format",
        help="the same as --format pretty",
    )
    return parser


#: Unicode isolates: Persian text between them cannot reorder the offsets and
#: values around it in a terminal (FIRST STRONG ISOLATE … POP DIRECTIONAL ISOLATE)
_ISOLATE, _POP = "\u2068", "\u2069"


def _rtl(text: str | None) -> str:
    """``text`` as a directional isolate, safe to print among left-to-right fields."""
    return "-" if text is None else f"{_ISOLATE}{text}{_POP}"


def _argument(argument: Argument | None) -> str:
    if argument is None:
        return "-"
    return _rtl(argument.text) + (f" [{argument.start}:{argument.end}]")


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
            f"{error.start}); {convert_advice(data)}"
        ) from None


def _pretty(article: Article, out: TextIO) -> None:
    published = article.published.isoformat() if article.published else "unknown"
    out.write(f"published: {published}\n")
    out.write(f"sentences: {len(article.sentences)}, tokens: {len(article.tokens)}\n")

    def section(title: str, lines: list[tuple[int, int, str]]) -> None:
        if lines:
            out.write(f"\n{title}:\n")
            for start, end, line in lines:
                out.write(f"    {start:>6}:{end:<6} {line}\n")

    section("dates", [(d.start, d.end, _date_line(d)) for d in article.dates])
    section(
        "numbers",
        [
            (
                n.start,
                n.end,
                f"{n.kind:<9} {n.value}{' ' + _rtl(n.unit) if n.unit else ''}  {_rtl(n.text)}",
            )
            for n in article.numbers
        ],
    )
    section(
        "entities",
        [
            (
                e.start,
                e.end,
                f"{e.label + (f'/{e.kind}' if e.kind else ''):<18} {_rtl(e.text)}"
                + (f"  → {_rtl(e.canonical)}" if e.canonical != e.text else ""),
            )
            for e in article.entities
        ],
    )
    section(
        "titles", [(t.start, t.end, f"{t.kind or '-':<18} {_rtl(t.text)}") for t in article.titles]
    )
    section(
        "roles",
        [
            (
                r.start,
                r.end,
                f"person {_argument(r.person)}  title {_rtl(r.title)}  org {_argument(r.org)}",
            )
            for r in article.roles
        ],
    )
    section(
        "quotes",
        [
            (
                q.start,
                q.end,
                f"{'direct' if q.direct else 'reported':<8} speaker {_argument(q.speaker)}  "
                f"cue {_rtl(q.cue)}  said {_rtl(q.content.text)}",
            )
            for q in article.quotes
        ],
    )
    section(
        "attributions",
        [
            (
                a.start,
                a.end,
                f"source {_argument(a.source)}" + "".join(f"  via {_argument(v)}" for v in a.via),
            )
            for a in article.attributions
        ],
    )
    section("meetings", [(m.start, m.end, _meeting_line(m)) for m in article.meetings])
    for number, sentence in enumerate(article.sentences, start=1):
        out.write(f"\n[{number}] {sentence.start}:{sentence.end}  {_rtl(sentence.norm)}\n")
        for token in sentence.tokens:
            shown = (
                _rtl(token.text)
                if token.text == token.norm
                else f"{_rtl(token.text)} → {_rtl(token.norm)}"
            )
            out.write(f"    {token.start:>6}:{token.end:<6} {token.kind:<8} {shown}\n")


def _date_line(date: DateMention) -> str:
    """A date's Gregorian and Jalali values and its text."""
    if date.value is None:
        value = "-"
    else:
        value = on_both_calendars(date.value)
        if date.end_value is not None:
            value += f" .. {on_both_calendars(date.end_value)}"
    time = f" {date.time.isoformat()}" if date.time else ""
    duration = f" {date.duration}" if date.duration else ""
    note = f"  ({date.reason})" if date.reason else ""
    return f"{date.kind:<9} {value}{time}{duration}  {_rtl(date.text)}{note}"


def _meeting_line(meeting: Meeting) -> str:
    parties = " + ".join(_argument(p) for p in meeting.participants)
    when = "-"
    if meeting.date is not None:
        when = meeting.date.value.isoformat() if meeting.date.value else "-"
        when += f" ({_rtl(meeting.date.text)})"
    return f"{parties}  on {when}  mode {meeting.mode or '-'}  place {_argument(meeting.place)}"


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit status."""
    for stream in (sys.stdout, sys.stderr):  # Persian text out, whatever the locale says
        if isinstance(stream, io.TextIOWrapper) and stream.encoding.lower() != "utf-8":
            stream.reconfigure(encoding="utf-8")
    try:
        arguments = _parser().parse_args(argv)
        if arguments.jsonl is not None:
            if arguments.file is not None:
                raise _CommandError(
                    "persnews analyze: give a FILE or --jsonl IN, not both", USAGE_ERROR
                )
            from persnews._jsonl import analyze_jsonl

            return analyze_jsonl(
                arguments.jsonl,
                arguments.out,
                published=arguments.published,
                workers=arguments.workers,
                progress=not arguments.quiet,
            )
        if arguments.file is None:
            raise _CommandError(
                "persnews analyze: give a FILE (or -), or --jsonl IN (see --help)", USAGE_ERROR
            )
        if arguments.out is not None or arguments.workers != 1:
            raise _CommandError(
                "persnews analyze: --out and --workers go with --jsonl (see --help)", USAGE_ERROR
            )
        text = _read(arguments.file)
        article = analyze(text, published=arguments.published)
    except _CommandError as error:
        print(error, file=sys.stderr)
        return error.status
    except PersnewsError as error:
        print(f"persnews: {error}", file=sys.stderr)
        return USAGE_ERROR
    try:
        if arguments.format == "pretty":
            _pretty(article, sys.stdout)
        else:
            sys.stdout.write(article.to_json() + "\n")
        sys.stdout.flush()
    except BrokenPipeError:  # e.g. persnews analyze x.txt | head
        sys.stdout = open(os.devnull, "w")  # noqa: SIM115 - silence the flush at exit
    return 0


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
