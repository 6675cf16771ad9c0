"""Sample resolved relative date mentions from the news corpus, for checking by hand.

    python scripts/sample_relative.py [--count 100] [--seed 7] > sample.tsv

Writes one row per mention: article id, publication date (and its weekday), the
mention, its value (and weekday), the rule, and the sentence around it, so a
reader can judge whether the value is the day the article means.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import sys
from pathlib import Path

from persnews import JalaliDate, find_dates

SHARED = Path(__file__).resolve().parent.parent.parent / "shared"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=100)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--shared", type=Path, default=SHARED)
    args = parser.parse_args()
    found = []
    for path in sorted((args.shared / "data" / "news").glob("*.jsonl")):
        for line in path.open(encoding="utf-8"):
            article = json.loads(line)
            if not article.get("published"):
                continue
            published = dt.date.fromisoformat(article["published"][:10])
            text = article["text"]
            for mention in find_dates(text, published=published):
                if mention.calendar == "relative" and mention.value is not None:
                    context = text[max(0, mention.start - 120) : mention.end + 80]
                    found.append((article["id"], published, mention, context))
    random.Random(args.seed).shuffle(found)
    write = sys.stdout.write
    write("n\tid\tpublished\tmention\tvalue\tend_value\trule\tcontext\n")
    for number, (ident, published, mention, context) in enumerate(found[: args.count], 1):
        day = JalaliDate.from_gregorian(published)
        value = mention.jalali
        write(
            f"{number}\t{ident}\t{published} ({day.isoformat()} {day.weekday_name})\t"
            f"{mention.text}\t{mention.value} ({value.isoformat() if value else ''} "
            f"{value.weekday_name if value else ''})\t{mention.end_value}\t{mention.rule}\t"
            + " ".join(context.split())
            + "\n"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
