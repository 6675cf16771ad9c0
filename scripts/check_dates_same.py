"""Check that find_dates says exactly what it said before a change (for speed work).

    python scripts/check_dates_same.py --save bench-results/dates_before.json
    ... change persnews/dates.py or persnews/_daterules.py ...
    python scripts/check_dates_same.py --compare bench-results/dates_before.json

(``--save`` in a checkout of the commit before, e.g. a ``git worktree``, works as well;
the run takes about a minute and a half.)

Runs ``find_dates`` on
1. every article of ../shared/data/news/*.jsonl, with its ``published`` date (the first
   10 characters; None where it is missing),
2. every sentence of ../shared/data/dates/parstdex_cases.json,
3. every sentence of the PEYMA dev set (../shared/data/ner/peyma/dev.txt, tokens joined
   by spaces),

the sentences (2 and 3) once without a publication date and once with 2021-11-23, and
keeps a SHA-256 of ``[m.to_dict() for m in mentions]`` (JSON, sorted keys) per item.
``--save`` writes the hashes; ``--compare`` reads them and lists every item whose
mentions differ (exit status 1 if any does, 2 if an item is missing on either side).

``--needs`` checks instead what find_dates scans each text with: on every item's
normalized text, each rule's ``scanner`` (None where the rule's needs say it cannot
match, the pattern without the branches that cannot: ``Rule.needs``, ``Rule.branched``
in persnews/_daterules.py) must find the matches the whole pattern finds, with the same
groups; exit status 1 if one does not.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
import time
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT.parent / "shared" / "data"
#: the publication date the sentences are also resolved against
SENTENCE_DATE = "2021-11-23"

Item = tuple[str, str, str | None]  # key, text, published


def items(data: Path) -> Iterator[Item]:
    """Every (key, text, published) to run, in a fixed order."""
    for path in sorted((data / "news").glob("*.jsonl")):
        with path.open(encoding="utf-8") as lines:
            for number, line in enumerate(lines):
                article = json.loads(line)
                published = (article.get("published") or "")[:10] or None
                yield f"news/{path.name}:{number}", article["text"], published
    sentences: list[tuple[str, str]] = []
    cases = json.loads((data / "dates" / "parstdex_cases.json").read_text("utf-8-sig"))
    sentences += [(f"parstdex:{n}", case["test_input"]) for n, case in enumerate(cases)]
    words: list[list[str]] = [[]]
    for line in (data / "ner" / "peyma" / "dev.txt").read_text("utf-8").splitlines():
        if not line.strip():
            words.append([])
            continue
        words[-1].append(line.rpartition("|")[0])
    sentences += [
        (f"peyma:{n}", " ".join(sentence)) for n, sentence in enumerate(filter(None, words))
    ]
    for published in (None, SENTENCE_DATE):
        for key, text in sentences:
            yield f"{key}@{published}", text, published


def hashes(data: Path) -> dict[str, str]:
    """The hash of every item's mentions, by key."""
    from persnews import find_dates

    out = {}
    for key, text, published in items(data):
        mentions = [m.to_dict() for m in find_dates(text, published=published)]
        blob = json.dumps(mentions, ensure_ascii=False, sort_keys=True, default=str)
        out[key] = hashlib.sha256(blob.encode("utf-8")).hexdigest()
    return out


def unmet_needs(data: Path) -> list[str]:
    """Items and rules where what the rule is scanned with finds other matches than
    its whole pattern."""
    from persnews import normalize
    from persnews._daterules import rules

    def found(pattern: Any, norm: str, split: str | None) -> list[object]:
        return [
            (
                match.span(),
                {name: value for name, value in match.groupdict().items() if value is not None},
                match.captures(split) if split else None,
            )
            for match in pattern.finditer(norm)
        ]

    unmet = []
    for key, text, _ in items(data):
        if key.endswith(f"@{SENTENCE_DATE}"):
            continue  # the same text as @None
        norm = normalize(text).text
        seen: dict[Any, bool] = {}
        for rule in rules():
            scanner = rule.scanner(norm, seen)
            whole = found(rule.compiled, norm, rule.split)
            if (found(scanner, norm, rule.split) if scanner else []) != whole:
                unmet.append(f"{key}: {rule.name}")
    return unmet


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    which = parser.add_mutually_exclusive_group(required=True)
    which.add_argument("--save", type=Path, help="write the hashes here")
    which.add_argument("--compare", type=Path, help="compare with the hashes saved here")
    which.add_argument("--needs", action="store_true", help="check the rules' needs")
    parser.add_argument("--data", type=Path, default=DATA, help="the shared data folder")
    args = parser.parse_args(argv)
    start = time.perf_counter()
    if args.needs:
        unmet = unmet_needs(args.data)
        for line in unmet:
            print(f"other matches than the whole pattern's: {line}")
        print(f"needs: {len(unmet)} unmet ({time.perf_counter() - start:.0f} s)")
        return 1 if unmet else 0
    now = hashes(args.data)
    seconds = time.perf_counter() - start
    if args.save:
        args.save.parent.mkdir(parents=True, exist_ok=True)
        args.save.write_text(json.dumps(now, indent=0, sort_keys=True) + "\n", encoding="utf-8")
        print(f"saved {len(now)} items to {args.save} ({seconds:.0f} s)")
        return 0
    before = json.loads(args.compare.read_text("utf-8"))
    missing = sorted(set(before) ^ set(now))
    differ = sorted(key for key in set(before) & set(now) if before[key] != now[key])
    for key in differ:
        print(f"differs: {key}")
    for key in missing:
        print(f"only on one side: {key}")
    print(
        f"compared {len(set(before) & set(now))} items: {len(differ)} differ, "
        f"{len(missing)} missing ({seconds:.0f} s)"
    )
    return 2 if missing else 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main())
