"""Could numpy tag faster than crfsuite? An experiment, measured in one run.

    python scripts/bench_crf_numpy.py [--articles N]

crfsuite's ``set`` (turning each token's attribute strings into the model's ids)
is about nine tenths of its time.  This script reads the shipped model's weights
itself (crfsuite's file layout: the FEAT chunk of (type, source, target, weight)
records and the CQDB string tables) and tags the same sentences in numpy, a
whole article at a time:

1. state scores: each token's attribute ids (looked up beforehand, untimed, as
   crfsuite's strings are made beforehand) -> one gather of the weight rows and
   one ``np.add.reduceat`` per article (in crfsuite's order of addition);
2. Viterbi: the article's sentences side by side, longest first, one numpy step
   per token position over the sentences still running there; ties go to the
   lower label id, as crfsuite's strict ``<``;
3. forward-backward (crfsuite's scaled passes) for the marginals, for every
   sentence.

It checks that numpy's labels are crfsuite's for every sentence and reports the
largest marginal difference, then times, per article (best of three rounds,
taking turns): crfsuite ``set``; ``set`` + ``tag``; numpy 1; 1 + 2; 1 + 2 + 3.
Writes bench-results/bench_crf_numpy.json.  Not part of ``nox -s bench``: it
measures a road not taken (see docs/performance.md, "Entities").
"""

from __future__ import annotations

import argparse
import json
import struct
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np
from benchkit import best_by_turns

ROOT = Path(__file__).resolve().parent.parent
NEWS = ROOT.parent / "shared" / "data" / "news" / "ir_news.jsonl"
OUTPUT = ROOT / "bench-results" / "bench_crf_numpy.json"
FEATURE = np.dtype([("type", "<u4"), ("source", "<u4"), ("target", "<u4"), ("weight", "<f8")])


def strings(data: bytes, base: int) -> dict[bytes, int]:
    """A CQDB chunk's strings -> ids (its backward array points at id, size, string\\0)."""
    count, backward = struct.unpack_from("<2I", data, base + 16)
    table = {}
    for offset in struct.unpack_from(f"<{count}I", data, base + backward):
        i, size = struct.unpack_from("<II", data, base + offset)
        table[data[base + offset + 8 : base + offset + 7 + size]] = i
    return table


def read(data: bytes) -> tuple[list[str], dict[bytes, int], np.ndarray, np.ndarray]:
    """Labels, attribute ids, state weights (a last row of zeros) and transitions."""
    header = struct.unpack_from("<4sI4sIIIIIIIII", data)
    labels, attributes, features, label_db, attribute_db = header[5:10]
    names = strings(data, label_db)
    (count,) = struct.unpack_from("<I", data, features + 8)
    table = np.frombuffer(data, dtype=FEATURE, count=count, offset=features + 12)
    state = np.zeros((attributes + 1, labels))
    transition = np.zeros((labels, labels))
    for kind, weights in ((0, state), (1, transition)):
        rows = table[table["type"] == kind]
        weights[rows["source"], rows["target"]] = rows["weight"]
    by_id = sorted(names, key=names.__getitem__)
    return [name.decode() for name in by_id], strings(data, attribute_db), state, transition


class Layout:
    """Sentences side by side, longest first: ``[t, r]`` is position ``t`` of the
    sentence ranked ``r``; the first ``running[t]`` sentences reach position ``t``."""

    def __init__(self, lengths: Sequence[int]) -> None:
        sizes = np.asarray(lengths)
        order = np.argsort(-sizes, kind="stable")
        rank = np.empty_like(order)
        rank[order] = np.arange(len(order))
        position = np.arange(sizes.sum()) - np.repeat(np.cumsum(sizes) - sizes, sizes)
        self.width, self.depth = len(sizes), int(sizes.max())
        self.place = position * self.width + np.repeat(rank, sizes)
        self.sizes = sizes[order]
        self.running = (self.sizes[None, :] > np.arange(self.depth)[:, None]).sum(1).tolist()

    def grid(self, rows: np.ndarray) -> np.ndarray:
        grid = np.zeros((self.depth * self.width, rows.shape[1]))
        grid[self.place] = rows
        return grid.reshape(self.depth, self.width, rows.shape[1])


def viterbi(scores: np.ndarray, transition: np.ndarray, layout: Layout) -> np.ndarray:
    grid = layout.grid(scores)
    best = grid[0].copy()
    back = np.zeros((layout.depth, layout.width, transition.shape[0]), dtype=np.intp)
    for t in range(1, layout.depth):
        k = layout.running[t]
        paths = best[:k, :, None] + transition
        back[t, :k] = paths.argmax(1)
        best[:k] = paths.max(1) + grid[t, :k]
    labels = np.zeros((layout.depth, layout.width), dtype=np.intp)
    labels[layout.sizes - 1, np.arange(layout.width)] = best.argmax(1)
    for t in range(layout.depth - 1, 0, -1):
        k = layout.running[t]
        labels[t - 1, :k] = back[t, np.arange(k), labels[t, :k]]
    result: np.ndarray = labels.reshape(-1)[layout.place]
    return result


def marginals(scores: np.ndarray, transition: np.ndarray, layout: Layout) -> np.ndarray:
    weights, step = np.exp(layout.grid(scores)), np.exp(transition)
    forward, backward = np.zeros_like(weights), np.zeros_like(weights)
    scale = np.ones((layout.depth, layout.width))
    scale[0] = 1 / weights[0].sum(1)
    forward[0] = weights[0] * scale[0][:, None]
    for t in range(1, layout.depth):
        k = layout.running[t]
        reached = (forward[t - 1, :k] @ step) * weights[t, :k]
        scale[t, :k] = 1 / reached.sum(1)
        forward[t, :k] = reached * scale[t, :k, None]
    ends = (layout.sizes - 1, np.arange(layout.width))
    backward[ends] = scale[ends][:, None]
    for t in range(layout.depth - 2, -1, -1):
        k = layout.running[t + 1]
        following = backward[t + 1, :k] * weights[t + 1, :k]
        backward[t, :k] = (following @ step.T) * scale[t, :k, None]
    probability = forward * backward / scale[:, :, None]
    result: np.ndarray = probability.reshape(-1, transition.shape[0])[layout.place]
    return result


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=300)
    parser.add_argument("--output", type=Path, default=OUTPUT)
    args = parser.parse_args(argv)
    if not NEWS.is_file():
        print(f"bench_crf_numpy: corpus not found: {NEWS}", file=sys.stderr)
        return 2
    from persnews import _ner, sentences

    texts = []
    with NEWS.open(encoding="utf-8") as lines:
        for line in lines:
            texts.append(json.loads(line)["text"])
            if len(texts) == args.articles:
                break
    tagger, known = _ner._model()
    with _ner.model_path() as (path, _):
        labels, ids, state, transition = read(path.read_bytes())
    zero = len(state) - 1
    articles = []  # per article: crfsuite's items per sentence; numpy's ids, starts, lengths
    for text in texts:
        items = [_ner._items([t.norm for t in s.tokens], known) for s in sentences(text)]
        items = [sentence for sentence in items if sentence]
        flat: list[int] = []
        starts: list[int] = []
        for sentence in items:
            for token in sentence:
                starts.append(len(flat))
                flat.append(zero)  # no token sums over nothing
                flat.extend(ids[a] for a in token if a in ids)  # crfsuite skips the rest
        articles.append((items, np.array(flat), np.array(starts), [len(s) for s in items]))

    differ = 0
    largest = 0.0
    for items, flat, starts, lengths in articles:
        scores = np.add.reduceat(state[flat], starts, axis=0)
        layout = Layout(lengths)
        best, spread = viterbi(scores, transition, layout), marginals(scores, transition, layout)
        done = 0
        for sentence in items:
            tagger.set(sentence)
            theirs = tagger.tag()
            ours = [labels[i] for i in best[done : done + len(sentence)]]
            differ += ours != theirs
            for i, label in enumerate(theirs):
                mine = spread[done + i, labels.index(label)]
                largest = max(largest, abs(mine - tagger.marginal(label, i)))
            done += len(sentence)

    def crfsuite_set(article: Any) -> None:
        for sentence in article[0]:
            tagger.set(sentence)

    def crfsuite_tag(article: Any) -> None:
        for sentence in article[0]:
            tagger.set(sentence)
            tagger.tag()

    def numpy_scores(article: Any) -> Any:
        return np.add.reduceat(state[article[1]], article[2], axis=0)

    def numpy_viterbi(article: Any) -> Any:
        return viterbi(numpy_scores(article), transition, Layout(article[3]))

    def numpy_all(article: Any) -> Any:
        scores, layout = numpy_scores(article), Layout(article[3])
        return viterbi(scores, transition, layout), marginals(scores, transition, layout)

    functions = [crfsuite_set, crfsuite_tag, numpy_scores, numpy_viterbi, numpy_all]
    times = best_by_turns(functions, articles, 3, pause_gc=True)
    per = 1000 / len(articles)
    results = {
        "articles": len(articles),
        "sentences": sum(len(a[0]) for a in articles),
        "tokens": sum(sum(a[3]) for a in articles),
        "sentences_labelled_differently": differ,
        "largest_marginal_difference": largest,
        **{f"{f.__name__}_ms_per_article": t * per for f, t in zip(functions, times, strict=True)},
    }
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    for key, value in results.items():
        print(f"{key:40s} {value:.4g}" if isinstance(value, float) else f"{key:40s} {value}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
