"""Precision and recall of find_relations on hand-annotated articles.

    python scripts/eval_relations.py [FOLDER ...] [--details]

Each FOLDER holds ``NAME.txt`` articles beside ``NAME.json`` annotations (the
format of ../shared/examples/seed_article.expected.json: ``published``,
``roles``, ``quotes``, ``attributions``, ``meetings``).  By default it reads
tests/data/relations and the seed article in ../shared/examples.  Prints, per
relation type, how many were expected, found and matched, and precision,
recall and F1; ``--details`` lists every miss and every extra.

Matching is one to one.  Names match when, normalized (persnews.normalize,
half-spaces as spaces, quotation marks dropped), one is the other or contains
it as whole words («تاس» ~ «خبرگزاری تاس», «لاوروف» ~ «سرگئی لاوروف»).
A role matches on person, title and organization; a quote on speaker and the
first words of its content (and on ``direct`` where the annotation says);
an attribution on source and every outlet it cites; a meeting on its
participants, and on its date and mode where the annotation gives them.
A fact found twice («به گزارش تاس» in two paragraphs) counts once.
"""

from __future__ import annotations

import argparse
import functools
import json
import sys
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any

import persnews
from persnews.model import Argument, Attribution, Meeting, Quote, Role

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT / "tests" / "data" / "relations"
SEED = ROOT.parent / "shared" / "examples"
TYPES = ("roles", "quotes", "attributions", "meetings")


@functools.cache
def key(text: str | None) -> str:
    """A name or phrase as it is compared (normalized once per string)."""
    if text is None:
        return ""
    normalized = persnews.normalize(text).text.replace("\u200c", " ")
    for mark in "«»\"'“”":
        normalized = normalized.replace(mark, " ")
    return " ".join(normalized.split())


def same_name(expected: str | None, found: Argument | None) -> bool:
    """Does a found argument match an expected name (None matches None)?"""
    if expected is None or found is None:
        return expected is None and found is None
    wanted = key(expected)
    candidates = {key(found.text)}
    if found.entity is not None:
        candidates |= {key(found.entity.text), key(found.entity.canonical)}
    return any(_contains(wanted, other) or _contains(other, wanted) for other in candidates)


def _contains(longer: str, shorter: str) -> bool:
    return bool(shorter) and f" {shorter} " in f" {longer} "


def role_matches(expected: dict[str, Any], found: Role) -> bool:
    title = key(expected.get("role") or expected.get("title"))
    return (
        same_name(expected["person"], found.person)
        and (_contains(key(found.title), title) or _contains(title, key(found.title)))
        and same_name(expected.get("org"), found.org)
    )


def quote_matches(expected: dict[str, Any], found: Quote) -> bool:
    if "direct" in expected and expected["direct"] != found.direct:
        return False
    prefix = key(expected["prefix"])
    return same_name(expected.get("speaker"), found.speaker) and key(found.content.text).startswith(
        prefix
    )


def attribution_matches(expected: dict[str, Any], found: Attribution) -> bool:
    via = expected.get("via") or []
    if isinstance(via, str):
        via = [via]
    return (
        same_name(expected["source"], found.source)
        and len(via) == len(found.via)
        and all(same_name(name, argument) for name, argument in zip(via, found.via, strict=True))
    )


def meeting_matches(expected: dict[str, Any], found: Meeting) -> bool:
    if expected.get("date") and (found.date is None or str(found.date.value) != expected["date"]):
        return False
    if expected.get("mode") and expected["mode"] != found.mode:
        return False
    names = list(expected["participants"])
    if len(names) != len(found.participants):
        return False
    left = list(found.participants)
    for name in names:
        match = next((argument for argument in left if same_name(name, argument)), None)
        if match is None:
            return False
        left.remove(match)
    return True


MATCHERS: dict[str, Callable[[dict[str, Any], Any], bool]] = {
    "roles": role_matches,
    "quotes": quote_matches,
    "attributions": attribution_matches,
    "meetings": meeting_matches,
}


def matched(
    expected: Sequence[dict[str, Any]], found: Sequence[Any], kind: str
) -> tuple[list[dict[str, Any]], list[Any]]:
    """One-to-one matching: the expected items missed and the found items left over."""
    left = list(found)
    missed = []
    for item in expected:
        match = next((candidate for candidate in left if MATCHERS[kind](item, candidate)), None)
        if match is None:
            missed.append(item)
        else:
            left.remove(match)
    return missed, left


def articles(folders: Iterable[Path]) -> list[tuple[str, str, dict[str, Any]]]:
    """(name, text, annotation) of every annotated article in the folders."""
    found = []
    for folder in folders:
        for path in sorted(folder.glob("*.json")):
            annotation = json.loads(path.read_text(encoding="utf-8"))
            text_path = folder / annotation.get("file", path.with_suffix(".txt").name)
            if not text_path.exists() or not any(kind in annotation for kind in TYPES):
                continue
            found.append((path.stem, text_path.read_text(encoding="utf-8"), annotation))
    return found


def evaluate(
    items: Sequence[tuple[str, str, dict[str, Any]]], details: bool = False
) -> dict[str, dict[str, float]]:
    totals = {kind: {"expected": 0, "found": 0, "matched": 0} for kind in TYPES}
    for name, text, annotation in items:
        article = persnews.analyze(text, published=annotation.get("published"))
        for kind in TYPES:
            if kind not in annotation:
                continue
            # the same fact found again («به گزارش تاس» twice) counts once
            expected, found = annotation[kind], _distinct(getattr(article, kind))
            missed, extra = matched(expected, found, kind)
            totals[kind]["expected"] += len(expected)
            totals[kind]["found"] += len(found)
            totals[kind]["matched"] += len(expected) - len(missed)
            if details:
                for item in missed:
                    print(f"{name}: missed {kind[:-1]} {json.dumps(item, ensure_ascii=False)}")
                for item in extra:
                    print(f"{name}: extra  {kind[:-1]} {describe(item)}")
    scores: dict[str, dict[str, float]] = {}
    for kind, count in totals.items():
        precision = count["matched"] / count["found"] if count["found"] else 1.0
        recall = count["matched"] / count["expected"] if count["expected"] else 1.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        scores[kind] = {**count, "precision": precision, "recall": recall, "f1": f1}
    return scores


def _distinct(items: Sequence[Any]) -> list[Any]:
    """The items, each fact (as :func:`describe` puts it) once."""
    seen: set[str] = set()
    kept = []
    for item in items:
        if describe(item) not in seen:
            seen.add(describe(item))
            kept.append(item)
    return kept


def describe(item: Any) -> str:
    """A one-line summary of a found relation."""

    def name(argument: Argument | None) -> str | None:
        return argument.text if argument is not None else None

    if isinstance(item, Role):
        return f"{name(item.person)} | {item.title} | {name(item.org)}"
    if isinstance(item, Quote):
        return f"{name(item.speaker)} | {item.cue} | {item.content.text[:40]}"
    if isinstance(item, Attribution):
        return f"{name(item.source)} via {[name(v) for v in item.via]}"
    if isinstance(item, Meeting):
        date = item.date.value if item.date else None
        return f"{[name(p) for p in item.participants]} {date} {item.mode}"
    return repr(item)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folders", nargs="*", type=Path)
    parser.add_argument("--details", action="store_true")
    args = parser.parse_args(argv)
    folders = args.folders or [folder for folder in (GOLD, SEED) if folder.exists()]
    items = articles(folders)
    if not items:
        print("no annotated articles found", file=sys.stderr)
        return 2
    scores = evaluate(items, details=args.details)
    print(f"\n{len(items)} articles")
    print("| relation | expected | found | matched | precision | recall | F1 |")
    print("|---|---|---|---|---|---|---|")
    for kind, score in scores.items():
        print(
            f"| {kind} | {score['expected']:.0f} | {score['found']:.0f} | {score['matched']:.0f} "
            f"| {score['precision']:.1%} | {score['recall']:.1%} | {score['f1']:.1%} |"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
