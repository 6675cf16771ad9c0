"""Measure persnews.find_dates against the shared data.

    python scripts/eval_dates.py [--shared DIR] [--limit N] [--show N]

1. parstdex cases (../shared/data/dates/parstdex_cases.json): span-overlap
   recall (gold spans overlapped by a mention) and precision (mentions that
   overlap a gold span).
2. PEYMA dev (../shared/data/ner/peyma/dev.txt): the share of DAT spans that a
   mention overlaps (sentences rebuilt by joining tokens with spaces).
3. The seed article (../shared/examples): every expected date found with its value.
4. News (../shared/data/news/*.jsonl): the share of "day + month name" mentions
   that get a value, given each article's publication date.

Prints the figures; ``--show N`` prints N missed gold spans of each kind.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from collections.abc import Sequence
from pathlib import Path

from persnews import find_dates

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"


def overlaps(span: tuple[int, int], others: Sequence[tuple[int, int]]) -> bool:
    return any(span[0] < end and start < span[1] for start, end in others)


def parstdex(shared: Path, show: int) -> dict[str, float]:
    cases = json.loads((shared / "data" / "dates" / "parstdex_cases.json").read_text("utf-8-sig"))
    gold_total = gold_hit = found_total = found_hit = 0
    missed = []
    for case in cases:
        text = case["test_input"]
        gold = [tuple(span) for span in json.loads(case["expected"])]
        found = [(m.start, m.end) for m in find_dates(text)]
        gold_total += len(gold)
        found_total += len(found)
        for span in gold:
            if overlaps(span, found):
                gold_hit += 1
            else:
                missed.append(text[span[0] : span[1]])
        found_hit += sum(overlaps(span, gold) for span in found)
    for text in missed[:show]:
        print(f"  parstdex missed: {text}")
    return {
        "cases": len(cases),
        "gold": gold_total,
        "recall": gold_hit / gold_total,
        "mentions": found_total,
        "precision": found_hit / max(found_total, 1),
    }


def peyma(shared: Path, show: int) -> dict[str, float]:
    sentences: list[list[tuple[str, str]]] = [[]]
    for line in (shared / "data" / "ner" / "peyma" / "dev.txt").read_text("utf-8").splitlines():
        if not line.strip():
            sentences.append([])
            continue
        word, _, tag = line.rpartition("|")
        sentences[-1].append((word, tag))
    total = hit = 0
    missed = []
    for sentence in filter(None, sentences):
        text, spans, position = "", [], 0
        current: list[int] | None = None
        for word, tag in sentence:
            start = position
            text += word + " "
            position = len(text)
            if tag == "B_DAT":
                current = [start, start + len(word)]
                spans.append(current)
            elif tag == "I_DAT" and current is not None:
                current[1] = start + len(word)
            else:
                current = None
        found = [(m.start, m.end) for m in find_dates(text)]
        for start, end in spans:
            total += 1
            if overlaps((start, end), found):
                hit += 1
            else:
                missed.append(text[start:end])
    for text in missed[:show]:
        print(f"  PEYMA missed: {text}")
    return {"dat_spans": total, "overlapped": hit / max(total, 1)}


def seed(shared: Path) -> dict[str, float]:
    folder = shared / "examples"
    text = (folder / "seed_article.txt").read_text("utf-8")
    expected = json.loads((folder / "seed_article.expected.json").read_text("utf-8"))
    found = {m.text: m for m in find_dates(text, published=expected["published"])}
    right = sum(
        1
        for date in expected["dates"]
        if date["text"] in found and str(found[date["text"]].value) == date["value"]
    )
    return {"expected": len(expected["dates"]), "right": right}


def news(shared: Path, limit: int) -> dict[str, float]:
    total = valued = articles = 0
    for path in sorted((shared / "data" / "news").glob("*.jsonl")):
        with path.open(encoding="utf-8") as lines:
            for line in lines:
                if articles >= limit:
                    break
                article = json.loads(line)
                articles += 1
                if not article.get("published"):
                    continue
                published = dt.date.fromisoformat(article["published"][:10])
                for mention in find_dates(article["text"], published=published):
                    if mention.rule.endswith("_day_month") or mention.rule.endswith(
                        "_day_month_year"
                    ):
                        total += 1
                        valued += mention.value is not None
    return {"articles": articles, "day_month_mentions": total, "valued": valued / max(total, 1)}


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=SHARED)
    parser.add_argument("--limit", type=int, default=2000, help="news articles to read")
    parser.add_argument("--show", type=int, default=0, help="missed spans to print")
    args = parser.parse_args(argv)
    if not (args.shared / "data").is_dir():
        print(f"eval_dates: {args.shared} not found; nothing measured", file=sys.stderr)
        return 2
    results = {
        "parstdex": parstdex(args.shared, args.show),
        "peyma_dev": peyma(args.shared, args.show),
        "seed": seed(args.shared),
        "news": news(args.shared, args.limit),
    }
    print(json.dumps(results, indent=2, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
