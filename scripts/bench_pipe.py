"""Throughput of persnews.pipe with two worker processes against one, in the same run.

    python scripts/bench_pipe.py [--articles N] [--rounds R] [--output F]

``pipe(records, workers=1)`` (analysis in this process) and
``pipe(records, workers=2)`` on the same N records ({"id", "text",
"published"}) of ../shared/data/news/ir_news.jsonl, consumed as Articles and
as dictionaries (``as_dict=True``, what the JSON Lines command writes).  The
runs alternate, one of each per round, and the best of R rounds counts, so a
busy machine slows both alike.  The two-worker time includes starting the
processes and loading the model in each.

Target (issue #7): with 2 workers on this 2-core machine, ≥ 1.7× the
throughput of one.  Writes bench-results/bench_pipe.json; exit status 0 if the
target is met, 1 if missed, 2 if the corpus is absent.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from benchkit import finish

ROOT = Path(__file__).resolve().parent.parent
NEWS = ROOT.parent / "shared" / "data" / "news" / "ir_news.jsonl"
OUTPUT = ROOT / "bench-results" / "bench_pipe.json"


def records(count: int) -> list[dict[str, Any]]:
    """Every k-th record of ir_news.jsonl, ``count`` of them."""
    with NEWS.open(encoding="utf-8") as lines:
        rows = [json.loads(line) for line in lines]
    step = max(1, len(rows) // count)
    return [
        {"id": row["id"], "text": row["text"], "published": row["published"]}
        for row in rows[::step][:count]
    ]


def seconds(items: list[dict[str, Any]], workers: int, as_dict: bool) -> float:
    import persnews

    gc.collect()
    start = time.perf_counter()
    count = sum(1 for _ in persnews.pipe(items, workers=workers, as_dict=as_dict))
    elapsed = time.perf_counter() - start
    assert count == len(items)
    return elapsed


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=300)
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--output", type=Path, default=OUTPUT)
    args = parser.parse_args(argv)
    if not NEWS.exists():
        print(f"bench_pipe: {NEWS} is absent; nothing measured", file=sys.stderr)
        return 2
    items = records(args.articles)
    import persnews

    persnews.analyze(items[0]["text"])  # load hazm's lists and the model before timing
    best: dict[tuple[int, bool], float] = {}
    for _ in range(args.rounds):
        for as_dict in (False, True):
            for workers in (1, 2):
                elapsed = seconds(items, workers, as_dict)
                key = (workers, as_dict)
                best[key] = min(best.get(key, float("inf")), elapsed)
    n = len(items)
    results: dict[str, Any] = {
        "articles": n,
        "cpus": len(os.sched_getaffinity(0)),
        "one_worker_articles_per_s": n / best[1, False],
        "two_workers_articles_per_s": n / best[2, False],
        "speedup": best[1, False] / best[2, False],
        "one_worker_dicts_per_s": n / best[1, True],
        "two_workers_dicts_per_s": n / best[2, True],
        "speedup_dicts": best[1, True] / best[2, True],
    }
    checks = [
        ("pipe workers=2 / workers=1 (Articles)", results["speedup"], ">=", 1.7),
        ("pipe workers=2 / workers=1 (dicts)", results["speedup_dicts"], ">=", 1.7),
    ]
    return finish(results, checks, args.output)


if __name__ == "__main__":
    raise SystemExit(main())
