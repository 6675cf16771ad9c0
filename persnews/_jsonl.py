"""``persnews analyze --jsonl IN --out OUT``: many articles, resumable, robust.

Each line of IN is a record ``{"id", "text", "published"}``; each analysis is
appended to OUT as one JSON line, in input order, with the record's "id" (the
line number when the record has none).  A record that cannot be analyzed (not
JSON, no "text", a wrong type, a bad date) is reported on standard error with
its line number and skipped; the run goes on.  Ids OUT already holds are
skipped, so running the same command again after an interruption finishes the
job.
"""

from __future__ import annotations

import io
import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

import attrs

from persnews.batch import _Task, outcomes, task
from persnews.calendar import reference_date
from persnews.errors import InvalidValueError, PersnewsError, convert_advice

__all__ = ["analyze_jsonl"]


@attrs.define
class _Tally:
    """What became of the input lines."""

    analyzed: int = 0
    resumed: int = 0
    bad: int = 0


class _Report:
    """Problems go to standard error, above the progress bar."""

    def __init__(self, name: str, bar: Any) -> None:
        self.name = name
        self.bar = bar
        self.tally = _Tally()

    def bad(self, line: int, message: str) -> None:
        self.tally.bad += 1
        self.bar.write(f"persnews: {self.name}:{line}: {message}; skipped", file=sys.stderr)
        self.bar.update()


def analyze_jsonl(
    source: str,
    out: str | None,
    *,
    published: object = None,
    workers: int = 1,
    progress: bool = True,
) -> int:
    """Analyze the records of ``source`` into ``out``; return the exit status
    (0: every record analyzed or already there; 1: some records were skipped)."""
    from tqdm import tqdm  # not at import time

    default = reference_date(published)
    if workers < 1:
        raise InvalidValueError(field="--workers", value=workers, valid="a number >= 1")
    stream = sys.stdin.buffer if source == "-" else _open(source)
    try:  # a bad input or output changes nothing: checked before OUT is touched
        _check_not_utf16(stream, source)
        done = _done(Path(out)) if out not in (None, "-") else set()
        sink = sys.stdout if out in (None, "-") else _sink(out)
    except BaseException:
        if source != "-":
            stream.close()
        raise
    total = None if source == "-" else _count_lines(Path(source))
    name = "<stdin>" if source == "-" else source
    with (
        stream,
        tqdm(
            total=total,
            unit=" articles",
            file=sys.stderr,
            disable=not progress,
            dynamic_ncols=True,
        ) as bar,
    ):
        report = _Report(name, bar)
        tasks = _tasks(stream, default, done, report)
        try:
            for outcome in outcomes(tasks, form="json", workers=workers):
                if outcome.error is not None:
                    error = outcome.error
                    report.bad(outcome.index, f"analysis failed ({type(error).__name__}: {error})")
                    continue
                sink.write(f"{outcome.result}\n")
                sink.flush()
                report.tally.analyzed += 1
                bar.update()
        except KeyboardInterrupt:
            print(
                f"persnews: interrupted after {report.tally.analyzed} articles; run the same "
                "command again to resume",
                file=sys.stderr,
            )
            return 130
        finally:
            if sink is not sys.stdout:
                sink.close()
    tally = report.tally
    resumed = f", {tally.resumed} already in {out}" if tally.resumed else ""
    bad = f", {tally.bad} bad records skipped (listed above)" if tally.bad else ""
    print(f"persnews: {tally.analyzed} analyzed{resumed}{bad}", file=sys.stderr)
    return 1 if tally.bad else 0


def _open(source: str) -> IO[bytes]:
    try:
        return open(source, "rb")
    except OSError as error:
        raise InvalidValueError(
            field="--jsonl", value=source, valid=f"a readable file ({error.strerror})"
        ) from None


def _check_not_utf16(stream: IO[bytes], source: str) -> None:
    """A whole file in UTF-16 is one error, not a bad record on every line."""
    head = stream.peek(2)[:2] if isinstance(stream, io.BufferedReader) else b""
    if head in (b"\xff\xfe", b"\xfe\xff"):
        raise InvalidValueError(
            field="--jsonl",
            value=source,
            valid=f"UTF-8 JSON Lines (it is UTF-16; {convert_advice(head)})",
        )


def _sink(out: str) -> IO[str]:
    try:
        return open(out, "a", encoding="utf-8")
    except OSError as error:
        raise InvalidValueError(
            field="--out", value=out, valid=f"a file that can be written ({error.strerror})"
        ) from None


def _count_lines(path: Path) -> int:
    """The lines of ``path`` (the progress bar's total), counted a megabyte at a time."""
    lines, last = 0, b"\n"
    with path.open("rb") as stream:
        while chunk := stream.read(1 << 20):
            lines += chunk.count(b"\n")
            last = chunk[-1:]
    return lines + (last != b"\n")


def _done(path: Path) -> set[Any]:
    """The ids ``path`` already holds.  A last line cut short (the run before
    was killed while writing it) is removed so the next record starts clean.
    A file that is not JSON Lines (swapped arguments, say) is refused untouched."""
    if not path.is_file():  # new, or not a file: opening it for writing says so
        return set()
    done: set[Any] = set()
    keep = 0  # bytes of whole lines
    try:
        with path.open("rb") as stream:
            for number, line in enumerate(stream, start=1):
                if not line.endswith(b"\n"):
                    if not line.lstrip().startswith(b"{"):
                        raise _not_ours(path, number)
                    break
                keep += len(line)
                if not line.strip():
                    continue
                try:
                    record = json.loads(line)
                except ValueError:
                    raise _not_ours(path, number) from None
                if not isinstance(record, dict):
                    raise _not_ours(path, number)
                if "id" in record:
                    done.add(_key(record["id"]))
    except OSError as error:
        raise InvalidValueError(
            field="--out", value=str(path), valid=f"a file that can be read ({error.strerror})"
        ) from None
    if keep < path.stat().st_size:
        with path.open("r+b") as stream:
            stream.truncate(keep)
    return done


def _not_ours(path: Path, number: int) -> InvalidValueError:
    return InvalidValueError(
        field="--out",
        value=str(path),
        valid=f"a JSON Lines file this command wrote, to resume (line {number} is not one); "
        "give a new file name",
    )


def _key(value: Any) -> Any:
    """An id as a set member (JSON ids are str or int; 1 and "1" stay apart)."""
    return (type(value).__name__, value)


def _tasks(stream: IO[bytes], published: Any, done: set[Any], report: _Report) -> Iterator[_Task]:
    """The records of ``stream`` as tasks; bad ones are reported and skipped."""
    seen: dict[Any, int] = {}
    for number, raw in enumerate(stream, start=1):
        if not raw.strip():
            report.bar.update()  # a blank line is not a record, but it was read
            continue
        try:
            line = raw.decode("utf-8-sig" if number == 1 else "utf-8")
        except UnicodeDecodeError as error:
            report.bad(
                number,
                f"not UTF-8 (byte 0x{raw[error.start]:02x} at column {error.start}); "
                + convert_advice(raw),
            )
            continue
        try:
            record = json.loads(line)
        except ValueError as error:
            report.bad(number, f"not JSON ({error})")
            continue
        if not isinstance(record, dict):
            report.bad(number, f"a JSON {type(record).__name__}, not an object with a text")
            continue
        identity = record.get("id", number)
        if not isinstance(identity, str | int) or isinstance(identity, bool):
            report.bad(number, f'"id" must be a string or an integer, not {identity!r}')
            continue
        key = _key(identity)
        if key in done:
            report.tally.resumed += 1
            report.bar.update()
            continue
        if key in seen:
            report.bad(number, f"id {identity!r} repeats line {seen[key]}")
            continue
        try:
            item = task(number, record, published)
        except PersnewsError as error:
            report.bad(number, str(error).replace(f"item {number} ", "", 1))
            continue
        seen[key] = number
        yield attrs.evolve(item, id=identity)
