"""What a change to the relation rules changes on real news, for judging by hand.

    # in each checkout (e.g. a ``git worktree`` of the commit before, and this one):
    python scripts/diff_relations.py --dump before.jsonl [--count 400] [--seed 13]
    python scripts/diff_relations.py --dump after.jsonl
    python scripts/diff_relations.py --diff before.jsonl after.jsonl > changed.tsv
    python scripts/diff_relations.py --score changed.tsv

``--dump`` analyzes ``--count`` random articles (seeded) of ../shared/data/news and
writes every relation found, one JSON line per article.  ``--diff`` pairs the two
dumps' relations by type and end (a quote that gains a speaker starts earlier)
and writes one row per relation that is new,
gone or changed (a quote's speaker, a role's person), with the article's text around
it, so a reader can say which side is right: the ``verdict`` column takes
``after``, ``before``, ``both`` (right either way) or ``neither``.  ``--score``
counts the verdicts per type.

A sample of unchanged relations says nothing about a change; the rows of ``--diff``
are exactly what it changed, so judging them all measures it.
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
from collections import Counter
from pathlib import Path
from typing import Any

import persnews

sys.path.insert(0, str(Path(__file__).resolve().parent))
from eval_relations import TYPES, describe
from sample_relations import SHARED, shuffled

CONTEXT = 800


def dump(path: Path, count: int, seed: int) -> None:
    with path.open("w", encoding="utf-8") as out:
        for article in shuffled(seed)[:count]:
            published = (article.get("published") or "")[:10] or None
            analysis = persnews.analyze(article["text"], published=published)
            found = [
                {"type": kind[:-1], "start": item.start, "end": item.end, "found": describe(item)}
                for kind in TYPES
                for item in getattr(analysis, kind)
            ]
            row = {"id": article.get("id", ""), "published": published, "relations": found}
            out.write(json.dumps(row, ensure_ascii=False) + "\n")


def _read(path: Path) -> dict[str, dict[str, Any]]:
    with path.open(encoding="utf-8") as lines:
        return {row["id"]: row for row in map(json.loads, lines)}


def diff(before_path: Path, after_path: Path) -> None:
    before, after = _read(before_path), _read(after_path)
    texts = {article.get("id", ""): article["text"] for article in shuffled(0)}
    out = csv.writer(sys.stdout, delimiter="\t", lineterminator="\n")
    out.writerow(["n", "article", "type", "before", "after", "text", "verdict", "note"])
    n = 0
    for key, row in after.items():
        # paired by type and end: a quote that gains a speaker starts earlier
        old = {(r["type"], r["end"]): r for r in before[key]["relations"]}
        new = {(r["type"], r["end"]): r for r in row["relations"]}
        for where in sorted(old.keys() | new.keys(), key=lambda k: (k[1], k[0])):
            was, now = old.get(where), new.get(where)
            if was is not None and now is not None and was["found"] == now["found"]:
                continue
            kind, end = where
            start = min(r["start"] for r in (was, now) if r is not None)
            text = texts[key]
            low, high = max(0, start - CONTEXT), min(len(text), end + CONTEXT // 2)
            shown = text[low:start] + "[[" + text[start:end] + "]]" + text[end:high]
            n += 1
            out.writerow(
                [
                    n,
                    key,
                    kind,
                    "—" if was is None else was["found"],
                    "—" if now is None else now["found"],
                    shown.replace("\n", " ").replace("\t", " "),
                    "",
                    "",
                ]
            )


def score(path: Path) -> None:
    with path.open(encoding="utf-8") as lines:
        rows = list(csv.DictReader(lines, delimiter="\t"))
    counts = Counter((row["type"], row["verdict"].strip()) for row in rows)
    sides = ("after", "before", "both", "neither")
    print("| relation | changed | after right | before right | both right | neither |")
    print("|---|---|---|---|---|---|")
    for kind in sorted({kind for kind, _ in counts}):
        found = [counts[kind, side] for side in sides]
        print(f"| {kind} | {sum(found)} | " + " | ".join(map(str, found)) + " |")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--dump", type=Path, help="write the relations found to this file")
    parser.add_argument("--diff", type=Path, nargs=2, metavar=("BEFORE", "AFTER"))
    parser.add_argument("--score", type=Path, help="count the verdicts of a judged --diff")
    parser.add_argument("--count", type=int, default=400)
    parser.add_argument("--seed", type=int, default=13)
    args = parser.parse_args()
    if args.score:
        score(args.score)
    elif args.diff:
        diff(*args.diff)
    elif args.dump:
        if not (SHARED / "data" / "news").is_dir():
            print(f"no news corpus at {SHARED / 'data' / 'news'}", file=sys.stderr)
            return 2
        dump(args.dump, args.count, args.seed)
    else:
        parser.error("one of --dump, --diff, --score")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
