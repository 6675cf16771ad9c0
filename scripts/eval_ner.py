"""Score persnews's named-entity recognition on the shared corpora (conlleval-style).

    python scripts/eval_ner.py [--shared DIR] [--only peyma|arman] [--recipe combined|arman]
                               [--model-only]

Exact-span, entity-level precision, recall and F1 per type and overall (micro):

a. PEYMA dev (``DIR/data/ner/peyma/dev.txt``) with the shipped model, on PER,
   ORG and LOC together (PEYMA's dates, times, money and percentages are not
   persnews entities; PEYMA's LOC covers facilities, so a predicted FAC
   counts as LOC; predicted EVENT/PRODUCT, which PEYMA never tags, are left
   out).
b. ARMAN (``DIR/data/ner/arman/train.txt``) by 3-fold cross-validation over the
   six types: sentence ``i`` is in fold ``i % 3``; each fold is tagged by a
   model trained on the other two folds with the shipped recipe (``combined``:
   + PEYMA train completed by an ARMAN-only model; ``arman``: ARMAN folds only).
   Fold models are written to a temporary folder and loaded with
   ``persnews._ner.use_model`` (which exists for this).

Text is scored as users give it: each corpus sentence is joined with spaces
into a string, entities are found by ``persnews.find_entities`` if the package
has it (else ``persnews._ner.find``), and each found span is mapped back to
the corpus tokens it overlaps, to be compared with the gold token spans.
``--model-only`` scores ``persnews._ner.find`` instead: the CRF alone, without
the rules and gazetteers ``find_entities`` adds.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable, Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

import train_ner  # noqa: E402

import persnews  # noqa: E402
from persnews import _ner  # noqa: E402

SHARED = ROOT.parent / "shared"
PEYMA_TYPES = frozenset({"PER", "ORG", "LOC"})
ALL_TYPES = frozenset(_ner.LABELS)
FOLDS = 3

#: counts per type: true positives, predicted, gold
Counts = Counter[tuple[str, str]]


#: score ``persnews._ner.find`` (the model alone) even where find_entities exists
MODEL_ONLY = False


def found(text: str) -> list[tuple[int, int, str]]:
    """Entities in ``text`` by the public path: (start, end, label)."""
    if hasattr(persnews, "find_entities") and not MODEL_ONLY:
        return [(e.start, e.end, e.label) for e in persnews.find_entities(text)]
    return [(start, end, label) for start, end, label, _ in _ner.find(text)]


def score(
    sentences: Sequence[Sequence[tuple[str, str]]],
    types: frozenset[str],
    finder: Callable[[str], list[tuple[int, int, str]]] = found,
) -> Counts:
    """Compare the entities found in each joined sentence with its gold token spans."""
    counts: Counts = Counter()
    for sentence in sentences:
        tokens = [token for token, _ in sentence]
        tags = [train_ner.map_tag(tag, types) for _, tag in sentence]
        gold = set(train_ner.entity_spans(tags))
        text, ranges = train_ner.detokenize(tokens)
        predicted = set()
        for start, end, found_label in finder(text):
            # PEYMA has no FAC: its LOC covers airports, ports, streets, squares
            label = "LOC" if found_label == "FAC" and "FAC" not in types else found_label
            if label not in types:
                continue
            inside = [i for i, (s, e) in enumerate(ranges) if s < end and start < e]
            if inside:
                predicted.add((inside[0], inside[-1] + 1, label))
        for kind in types:
            counts[kind, "gold"] += sum(1 for g in gold if g[2] == kind)
            counts[kind, "found"] += sum(1 for p in predicted if p[2] == kind)
            counts[kind, "right"] += sum(1 for p in predicted & gold if p[2] == kind)
    return counts


def score_file(path: Path, separator: str | None, types: frozenset[str]) -> Counts:
    return score(train_ner.read_iob(path, separator), types)


def prf(right: int, found_: int, gold: int) -> tuple[float, float, float]:
    precision = right / found_ if found_ else 0.0
    recall = right / gold if gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return 100 * precision, 100 * recall, 100 * f1


def report(title: str, counts: Counts) -> float:
    """Print the table; return the overall F1."""
    types = sorted({kind for kind, _ in counts})
    print(f"{title}:  {'type':8} {'P':>6} {'R':>6} {'F1':>6} {'gold':>6}")
    for kind in [*types, "overall"]:
        if kind == "overall":
            right, found_, gold = (
                sum(counts[k, f] for k in types) for f in ("right", "found", "gold")
            )
        else:
            right, found_, gold = counts[kind, "right"], counts[kind, "found"], counts[kind, "gold"]
        p, r, f = prf(right, found_, gold)
        print(f"{'':{len(title) + 3}}{kind:8} {p:6.2f} {r:6.2f} {f:6.2f} {gold:6d}")
    return f


def cross_validate(shared: Path, recipe: str) -> Counts:
    """ARMAN 3-fold cross-validation; fold ``k`` holds sentences ``i % 3 == k``."""
    raw = train_ner.read_iob(shared / "data" / "ner" / "arman" / "train.txt", " ")
    labels = frozenset(train_ner.LABEL_MAP)
    converted = [train_ner.to_persnews(sentence, labels) for sentence in raw]
    peyma_train = train_ner.peyma(shared, "train") if recipe == "combined" else []
    counts: Counts = Counter()
    with tempfile.TemporaryDirectory() as folder:
        for fold in range(FOLDS):
            began = time.perf_counter()
            model = Path(folder) / f"fold{fold}.crfsuite"
            training = [s for i, s in enumerate(converted) if i % FOLDS != fold]
            if recipe == "combined":
                train_ner.train_combined(training, peyma_train, model)
            else:
                train_ner.train(training, model)
            _ner.use_model(model)
            test = [s for i, s in enumerate(raw) if i % FOLDS == fold]
            fold_counts = score(test, ALL_TYPES)
            print(f"fold {fold}: {time.perf_counter() - began:.0f} s")
            report(f"fold {fold}", fold_counts)
            counts.update(fold_counts)
    _ner.use_model(None)
    return counts


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--shared", type=Path, default=SHARED, help="the shared folder")
    parser.add_argument("--only", choices=["peyma", "arman"], help="run one evaluation")
    parser.add_argument("--recipe", choices=["combined", "arman"], default="combined")
    parser.add_argument(
        "--model-only",
        action="store_true",
        help="score persnews._ner.find, the model without find_entities' rules and gazetteers",
    )
    args = parser.parse_args(argv)
    global MODEL_ONLY
    MODEL_ONLY = args.model_only
    public = hasattr(persnews, "find_entities") and not MODEL_ONLY
    path = "find_entities" if public else "_ner.find"
    print(f"scoring persnews.{path}")
    if args.only in {None, "peyma"}:
        dev = args.shared / "data" / "ner" / "peyma" / "dev.txt"
        report("PEYMA dev", score_file(dev, "|", PEYMA_TYPES))
    if args.only in {None, "arman"}:
        report(f"ARMAN 3-fold CV ({args.recipe})", cross_validate(args.shared, args.recipe))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
