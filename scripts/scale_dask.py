"""Analyze JSON Lines files with Dask's distributed scheduler (the recipe of docs/batch.md).

    python scripts/scale_dask.py [FILE ...] [--out DIR] [--workers N] [--check K]

Reads every line of the files (default: ../shared/data/news/*.jsonl) into a
``dask.bag``, analyzes each partition with ``persnews.pipe(..., as_dict=True)``
on a local cluster of N worker processes (one thread each), writes the
analyses to DIR/*.jsonl (default build/scale/dask), then checks that every
record came out once and that K of them, spread over the input, equal
``persnews.analyze`` run in this process.  Prints the articles per second.
Exit status 0 if the check passes, 1 if not, 2 if there is no input.
"""

from __future__ import annotations

import argparse
import collections
import json
import shutil
import sys
import time
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
NEWS = ROOT.parent / "shared" / "data" / "news"


def analyze_lines(lines: Iterable[str]) -> list[str]:
    """One partition of JSON lines in, one list of JSON lines out."""
    import persnews

    records = (json.loads(line) for line in lines if line.strip())
    return [json.dumps(d, ensure_ascii=False) for d in persnews.pipe(records, as_dict=True)]


def run(files: Sequence[Path], out: Path, workers: int) -> float:
    """Analyze ``files`` into ``out``; return the seconds it took (cluster start included)."""
    import dask.bag as db
    from dask.distributed import Client, LocalCluster

    if out.exists():
        shutil.rmtree(out)
    start = time.perf_counter()
    with (
        LocalCluster(
            n_workers=workers, threads_per_worker=1, dashboard_address=None, processes=True
        ) as cluster,
        Client(cluster),
    ):
        lines = db.read_text([str(f) for f in files], blocksize="2MiB")
        lines.map_partitions(analyze_lines).to_textfiles(str(out / "*.jsonl"))
    return time.perf_counter() - start


def check(
    files: Sequence[Path], out: Path, sample: int, pattern: str = "*.jsonl"
) -> tuple[int, list[str]]:
    """The records read and the problems found comparing ``out`` with ``files``."""
    import persnews

    records = [
        json.loads(line)
        for path in files
        for line in path.read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]
    wanted = collections.Counter(record["id"] for record in records)  # the corpus repeats ids
    written: collections.Counter[Any] = collections.Counter()
    analyses = {}
    for path in sorted(out.glob(pattern)):
        for line in path.read_text(encoding="utf-8").splitlines():
            data = json.loads(line)
            written[data["id"]] += 1
            analyses[data["id"]] = data
    problems = [
        f"id {key!r}: {wanted[key]} records in, {written[key]} analyses out"
        for key in wanted.keys() | written.keys()
        if wanted[key] != written[key]
    ]
    step = max(1, len(records) // max(1, sample))
    for record in [r for r in records if wanted[r["id"]] == 1][::step][:sample]:
        expected = persnews.analyze(record["text"], published=record.get("published"))
        got = dict(analyses.get(record["id"], {}))
        got.pop("id", None)
        if got != expected.to_dict():
            problems.append(f"id {record['id']!r} differs from analyze()")
    return len(records), problems


def main(
    argv: Sequence[str] | None = None,
    *,
    name: str = "dask",
    analyze: Callable[[Sequence[Path], Path, int], float] | None = None,
    pattern: str = "*.jsonl",
) -> int:
    """The command line of scale_dask.py, and of scale_spark.py with its own
    ``name``, ``analyze`` (its ``run``) and output file ``pattern``."""
    parser = argparse.ArgumentParser(description=f"Analyze JSON Lines files with {name}.")
    parser.add_argument("files", nargs="*", type=Path)
    parser.add_argument("--out", type=Path, default=ROOT / "build" / "scale" / name)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--check", type=int, default=30)
    args = parser.parse_args(argv)
    files = args.files or sorted(NEWS.glob("*.jsonl"))
    if not files:
        print(f"scale_{name}: no input ({NEWS} is absent)", file=sys.stderr)
        return 2
    seconds = (analyze or run)(files, args.out, args.workers)
    count, problems = check(files, args.out, args.check, pattern)
    print(
        f"{name}: {count} articles in {seconds:.1f} s with {args.workers} workers: "
        f"{count / seconds:.1f} articles/s -> {args.out}"
    )
    for problem in problems:
        print(f"scale_{name}: {problem}", file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    raise SystemExit(main())
