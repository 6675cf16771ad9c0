"""Sample articles from the news corpus and list the relations found, for checking by hand.

    python scripts/sample_relations.py [--count 50] [--seed 11] > sample.tsv
    python scripts/sample_relations.py --score scripts/relations_check.tsv

The first form picks ``--count`` random articles (seeded) from
../shared/data/news that find at least one relation, and writes one row per
relation: article id, publication date, relation type, what was found, and the
original text of the relation's span with some context, so a reader can judge
it.  The checked file adds a ``verdict`` column (right / wrong); ``--score``
prints the precision per relation type from it.
"""

from __future__ import annotations

import argparse
import csv
import json
import random
import sys
from collections import Counter
from pathlib import Path
from typing import Any

import persnews

sys.path.insert(0, str(Path(__file__).resolve().parent))
from eval_relations import TYPES, describe

SHARED = Path(__file__).resolve().parent.parent.parent / "shared"
CONTEXT = 150


def shuffled(seed: int, shared: Path = SHARED) -> list[dict[str, Any]]:
    """Every article of ``shared``/data/news, in an order drawn from ``seed``."""
    articles = []
    for path in sorted((shared / "data" / "news").glob("*.jsonl")):
        with path.open(encoding="utf-8") as lines:
            articles += [json.loads(line) for line in lines]
    random.Random(seed).shuffle(articles)
    return articles


def sample(count: int, seed: int, shared: Path) -> None:
    articles = shuffled(seed, shared)
    out = csv.writer(sys.stdout, delimiter="\t", lineterminator="\n")
    out.writerow(["n", "article", "published", "type", "found", "text", "verdict", "note"])
    n = taken = 0
    for article in articles:
        if taken == count:
            break
        published = (article.get("published") or "")[:10] or None
        analysis = persnews.analyze(article["text"], published=published)
        rows = [(kind, item) for kind in TYPES for item in getattr(analysis, kind)]
        if not rows:
            continue
        taken += 1
        text = article["text"]
        for kind, item in rows:
            n += 1
            start, end = max(0, item.start - CONTEXT), min(len(text), item.end + CONTEXT)
            shown = (
                (
                    text[start : item.start]
                    + "[["
                    + text[item.start : item.end]
                    + "]]"
                    + text[item.end : end]
                )
                .replace("\n", " ")
                .replace("\t", " ")
            )
            out.writerow(
                [n, article.get("id", ""), published, kind[:-1], describe(item), shown, "", ""]
            )


def score(path: Path) -> None:
    with path.open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t"))
    verdicts: dict[str, Counter[str]] = {}
    for row in rows:
        verdicts.setdefault(row["type"], Counter())[row["verdict"].strip()] += 1
    print("| relation | checked | right | wrong | precision |\n|---|---|---|---|---|")
    for kind, counts in sorted(verdicts.items()):
        checked = counts["right"] + counts["wrong"]
        precision = counts["right"] / checked if checked else 0.0
        print(f"| {kind} | {checked} | {counts['right']} | {counts['wrong']} | {precision:.1%} |")
    articles = len({row["article"] for row in rows})
    print(f"\n{articles} articles, {len(rows)} relations")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=50)
    parser.add_argument("--seed", type=int, default=11)
    parser.add_argument("--shared", type=Path, default=SHARED)
    parser.add_argument("--score", type=Path, help="a checked sample: print precision")
    args = parser.parse_args()
    if args.score:
        score(args.score)
    else:
        sample(args.count, args.seed, args.shared)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
