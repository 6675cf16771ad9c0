"""Train the named-entity model that persnews ships (persnews/data/ner.crfsuite).

    python scripts/train_ner.py [--shared DIR] [--out DIR]
    python scripts/train_ner.py --data my_train.txt [--data more.txt] [--dev my_dev.txt]

With no ``--data``, this reproduces the shipped model from ``DIR/data/ner``
(default ``../shared`` beside the repository):

1. PEYMA (``peyma/train.txt``, ``token|tag`` split on the last ``|``) and ARMAN
   (``arman/train.txt``, ``token tag``) are read; PEYMA's PER/ORG/LOC and
   ARMAN's pers/org/loc/fac/pro/event become PER/ORG/LOC/FAC/PRODUCT/EVENT;
   PEYMA's DAT/TIM/MON/PCT become O.
2. Each sentence is joined with spaces and cut by ``persnews.tokenize``, and the
   gold labels are carried over to those tokens by character overlap, so the
   model learns from exactly the tokens (``Token.norm``) it sees at run time.
3. PEYMA never tags facilities, events or products, so its sentences would
   teach the model that «فرودگاه مهرآباد» is O.  A first model is trained on
   ARMAN alone; its FAC/EVENT/PRODUCT spans in PEYMA that overlap no PEYMA
   entity are added to PEYMA's labels ("completion").  The final model is then
   trained on ARMAN (twice) + completed PEYMA.
4. The model is written to ``OUT/ner.crfsuite`` with its SHA-256 in
   ``OUT/ner.sha256`` (OUT defaults to persnews/data), and PEYMA dev is scored
   through the public path (see ``scripts/eval_ner.py``).

Retraining on other data: pass one or more ``--data FILE`` (the built-in
corpora are then not used).  Each file is IOB2 with one token per line and a
blank line between sentences; the tag is the last field after a space, tab or
``|`` (``B-PER``, ``I_ORG``, ``O``; ARMAN's lower-case names are understood).
Tags outside ``--labels`` (default: the six above) become O.  ``--dev FILE``
(same format) is scored after training.  Rerun ``python -m pytest
tests/test_ner_model.py`` afterwards.

Fixed parameters (L-BFGS, ``C1``/``C2`` below, ``MAX_ITERATIONS``) make the
result reproducible: the same data and the same persnews give the same file.

What was tried (exact-span F1; "f0" = ARMAN fold 0 of scripts/eval_ner.py,
six types; "dev" = PEYMA dev, PER/ORG/LOC; both on persnews tokens):

=====================================================  =====  =====
model                                                  f0     dev
=====================================================  =====  =====
PEYMA only: words, ±2, bigrams, affixes, shape                72.5
  + clusters (min count 5) + countries/cities/demonyms        75.7
  300 iterations; c1 0.01; L2 only (c1 0, c2 0.05; 28 MB)     75.2, 74.9, 75.7
  + hazm's parts of speech and frequencies, all gazetteers    75.8
ARMAN only                                             72.7   54.4
ARMAN + PEYMA as it is (FAC/EVENT/PRODUCT = O)         71.2   74.5
ARMAN + PEYMA completed by the ARMAN model             71.5   74.4
  (EVENT 44.7 -> 52.1 on f0 against "as it is")
  with ARMAN twice                                     72.2   74.3
  + clusters of words seen 3+ times (29k, not 21k)     72.5   75.0
  - 1-letter affixes, length, ZWNJ, neighbours' shape  72.3   75.2  <- shipped
=====================================================  =====  =====

One model serves both conventions at a cost of about one point on each
corpus against a model of its own.
"""

from __future__ import annotations

import argparse
import hashlib
import sys
import time
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import NamedTuple

import pycrfsuite
import regex

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from persnews import _ner, tokenize  # noqa: E402

SHARED = ROOT.parent / "shared"
OUT = ROOT / "persnews" / "data"

#: corpus label names -> persnews labels
LABEL_MAP = {
    "PER": "PER",
    "PERS": "PER",
    "ORG": "ORG",
    "LOC": "LOC",
    "FAC": "FAC",
    "EVENT": "EVENT",
    "PRO": "PRODUCT",
    "PRODUCT": "PRODUCT",
}
#: the types only ARMAN tags: PEYMA is completed with them
COMPLETED = frozenset({"FAC", "EVENT", "PRODUCT"})
#: training parameters of the shipped model
C1 = 0.05
C2 = 0.01
MAX_ITERATIONS = 150
MIN_FREQ = 1
#: ARMAN is the smaller corpus and the only one with all six types: it is given twice
ARMAN_COPIES = 2


class Sentence(NamedTuple):
    """A training sentence: persnews tokens' norms and their IOB labels."""

    words: list[str]
    labels: list[str]


def read_iob(path: Path, separator: str | None = None) -> list[list[tuple[str, str]]]:
    """Sentences of ``(token, tag)`` from an IOB file.

    The tag is split off at the last ``separator``; ``None`` means the last
    space, tab or ``|``, whichever comes last.
    """
    sentences: list[list[tuple[str, str]]] = []
    current: list[tuple[str, str]] = []
    for line in path.read_text("utf-8").splitlines():
        line = line.rstrip("\r\n")
        if not line.strip():
            if current:
                sentences.append(current)
                current = []
            continue
        if separator is None:
            cut = max(line.rfind(" "), line.rfind("\t"), line.rfind("|"))
        else:
            cut = line.rfind(separator)
        if cut <= 0:
            raise ValueError(f"{path}: no tag in line {line!r}")
        current.append((line[:cut], line[cut + 1 :].strip()))
    if current:
        sentences.append(current)
    return sentences


def map_tag(tag: str, labels: frozenset[str]) -> str:
    """``B_PER``, ``B-pers`` -> ``B-PER``; types outside ``labels`` -> ``O``."""
    if tag in {"O", ""}:
        return "O"
    prefix, name = tag[0].upper(), tag[2:].upper()
    name = LABEL_MAP.get(name, name)
    if prefix not in {"B", "I"} or name not in labels:
        return "O"
    return f"{prefix}-{name}"


def entity_spans(tags: Sequence[str]) -> list[tuple[int, int, str]]:
    """``(first, last + 1, type)`` of each entity in IOB tags (conlleval's reading)."""
    result: list[tuple[int, int, str]] = []
    start, kind = -1, ""
    for i, tag in enumerate([*tags, "O"]):
        prefix, _, name = tag.partition("-")
        if prefix == "I" and start >= 0 and name == kind:
            continue
        if start >= 0:
            result.append((start, i, kind))
            start = -1
        if prefix in {"B", "I"}:
            start, kind = i, name
    return result


def detokenize(tokens: Sequence[str]) -> tuple[str, list[tuple[int, int]]]:
    """The tokens joined with spaces, and each token's character range in it."""
    ranges, position = [], 0
    for token in tokens:
        ranges.append((position, position + len(token)))
        position += len(token) + 1
    return " ".join(tokens), ranges


def to_persnews(sentence: Sequence[tuple[str, str]], labels: frozenset[str]) -> Sentence:
    """A corpus sentence as persnews tokenizes its text, with the gold labels carried over."""
    text, ranges = detokenize([token for token, _ in sentence])
    tags = [map_tag(tag, labels) for _, tag in sentence]
    tokens = tokenize(text)
    out = ["O"] * len(tokens)
    for first, last, kind in entity_spans(tags):
        start, end = ranges[first][0], ranges[last - 1][1]
        inside = [i for i, t in enumerate(tokens) if t.start < end and start < t.end]
        for n, i in enumerate(inside):
            if out[i] == "O":
                out[i] = f"{'B' if n == 0 else 'I'}-{kind}"
    return Sentence([t.norm for t in tokens], out)


def load(paths: Iterable[Path], labels: frozenset[str], separator: str | None) -> list[Sentence]:
    return [
        to_persnews(sentence, labels)
        for path in paths
        for sentence in read_iob(path, separator)
        if sentence
    ]


def peyma(shared: Path, split: str) -> list[Sentence]:
    return load([shared / "data" / "ner" / "peyma" / f"{split}.txt"], frozenset(LABEL_MAP), "|")


def arman(shared: Path) -> list[Sentence]:
    return load([shared / "data" / "ner" / "arman" / "train.txt"], frozenset(LABEL_MAP), " ")


def train(
    sentences: Sequence[Sentence],
    path: Path,
    c1: float = C1,
    c2: float = C2,
    max_iterations: int = MAX_ITERATIONS,
) -> None:
    """Train a CRF on ``sentences`` and write it to ``path``."""
    trainer = pycrfsuite.Trainer(verbose=False)
    for sentence in sentences:
        if sentence.words:
            trainer.append(_ner.features(sentence.words), sentence.labels)
    trainer.select("lbfgs", "crf1d")
    trainer.set_params(
        {
            "c1": c1,
            "c2": c2,
            "max_iterations": max_iterations,
            "feature.minfreq": MIN_FREQ,
            "feature.possible_transitions": True,
        }
    )
    trainer.train(str(path))


def complete(sentences: Sequence[Sentence], model: Path) -> list[Sentence]:
    """Add the model's FAC/EVENT/PRODUCT spans that overlap no gold entity."""
    tagger = pycrfsuite.Tagger()
    tagger.open(str(model))
    result = []
    for sentence in sentences:
        labels = list(sentence.labels)
        if sentence.words:
            predicted = tagger.tag(_ner.features(sentence.words))
            for first, last, kind in entity_spans(predicted):
                if kind in COMPLETED and all(tag == "O" for tag in labels[first:last]):
                    labels[first:last] = [f"B-{kind}"] + [f"I-{kind}"] * (last - first - 1)
        result.append(Sentence(sentence.words, labels))
    tagger.close()
    return result


def train_combined(
    arman_train: Sequence[Sentence], peyma_train: Sequence[Sentence], path: Path
) -> None:
    """The shipped recipe: ARMAN alone, then ARMAN + PEYMA completed by that first model."""
    first = path.with_suffix(".arman.crfsuite")
    train(arman_train, first)
    completed = complete(peyma_train, first)
    first.unlink()
    train([*list(arman_train) * ARMAN_COPIES, *completed], path)


def write_checksum(model: Path) -> str:
    digest = hashlib.sha256(model.read_bytes()).hexdigest()
    model.with_name(_ner.CHECKSUM).write_text(f"{digest}  {model.name}\n", "ascii")
    return digest


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--shared", type=Path, default=SHARED, help="the shared folder")
    parser.add_argument("--out", type=Path, default=OUT, help="where to write the model")
    parser.add_argument("--data", type=Path, action="append", help="IOB training file(s)")
    parser.add_argument("--dev", type=Path, help="IOB file to score after training")
    parser.add_argument(
        "--labels", default=",".join(_ner.LABELS), help="entity types to learn (comma-separated)"
    )
    args = parser.parse_args(argv)
    labels = frozenset(regex.split(r"\s*,\s*", args.labels.strip().upper()))
    args.out.mkdir(parents=True, exist_ok=True)
    model = args.out / _ner.MODEL
    began = time.perf_counter()
    if args.data:
        data = load(args.data, labels, None)
        print(f"{len(data)} sentences from {len(args.data)} file(s)")
        train(data, model)
    else:
        arman_train, peyma_train = arman(args.shared), peyma(args.shared, "train")
        print(f"ARMAN {len(arman_train)} sentences, PEYMA {len(peyma_train)} sentences")
        train_combined(arman_train, peyma_train, model)
    digest = write_checksum(model)
    size, seconds = model.stat().st_size / 1e6, time.perf_counter() - began
    print(f"wrote {model} ({size:.1f} MB, sha256 {digest[:12]}…) in {seconds:.0f} s")

    import eval_ner  # beside this script

    _ner.use_model(model, digest)
    if args.dev:
        eval_ner.report("dev", eval_ner.score_file(args.dev, None, labels))
    elif not args.data:
        dev = args.shared / "data" / "ner" / "peyma" / "dev.txt"
        eval_ner.report("PEYMA dev", eval_ner.score_file(dev, "|", eval_ner.PEYMA_TYPES))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
