"""Make persnews/data/ner_clusters.tsv: word clusters for the named-entity model.

    python scripts/make_ner_clusters.py [--shared DIR]

Words that occur in similar contexts (city names, first names, ministries)
get the same cluster, so the model can label a name it never saw in training
from names it did.  Recipe, fixed and single-threaded so that it reproduces:

1. every article of ``DIR/data/news/*.jsonl`` is cut by ``persnews.tokenize``;
   word forms are as the model sees them (``persnews._ner._form``: digits as
   0, Latin lower-cased), punctuation is dropped;
2. gensim word2vec (skip-gram, 100 dimensions, window 5, 5 epochs, seed 1,
   one worker, a hash that does not depend on PYTHONHASHSEED) embeds the
   words seen at least ``MIN_COUNT`` times;
3. k-means (scikit-learn, seed 1) on the unit vectors splits them into
   ``LEVELS[0]`` clusters, each of those into ``LEVELS[1]``, and so on: a
   word's cluster is the path ``12/3/1``, and its prefixes are coarser
   clusters.

The news texts belong to their outlets; only this derived table is shipped.
Retrain the model (``scripts/train_ner.py``) after regenerating it.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
import zlib
from collections.abc import Iterator, Sequence
from pathlib import Path

os.environ.setdefault("OMP_NUM_THREADS", "1")  # one core: other work shares the machine
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from persnews import _ner, tokenize  # noqa: E402

SHARED = ROOT.parent / "shared"
OUT = ROOT / "persnews" / "data" / "ner_clusters.tsv"
MIN_COUNT = 3
LEVELS = (64, 8, 4)
SEED = 1


def _hash(text: str) -> int:
    """gensim seeds each word's vector with this; Python's hash() varies per process."""
    return zlib.crc32(text.encode("utf-8"))


def news_sentences(shared: Path) -> Iterator[list[str]]:
    """Word forms of each paragraph of each article."""
    for path in sorted((shared / "data" / "news").glob("*.jsonl")):
        with path.open(encoding="utf-8") as lines:
            for line in lines:
                article = json.loads(line)
                for paragraph in f"{article['title']}\n{article['text']}".split("\n"):
                    words = [
                        _ner._form(token.norm)
                        for token in tokenize(paragraph)
                        if token.kind not in {"punct", "symbol"}
                    ]
                    if words:
                        yield words


def split(vectors: np.ndarray, k: int) -> np.ndarray:
    """Cluster labels of the rows (all in one cluster if there are too few)."""
    from sklearn.cluster import KMeans

    if len(vectors) < 2 * k:
        return np.zeros(len(vectors), dtype=int)
    return KMeans(n_clusters=k, n_init=1, random_state=SEED, max_iter=100).fit_predict(vectors)


def clusters(words: Sequence[str], vectors: np.ndarray) -> dict[str, str]:
    """Hierarchical k-means: each word's path of cluster numbers."""
    paths = [""] * len(words)
    groups = [np.arange(len(words))]
    for level, k in enumerate(LEVELS):
        next_groups = []
        for group in groups:
            labels = split(vectors[group], k)
            for label in sorted(set(labels.tolist())):
                members = group[labels == label]
                for i in members:
                    paths[i] = f"{paths[i]}/{label}" if level else str(label)
                next_groups.append(members)
        groups = next_groups
    return dict(zip(words, paths, strict=True))


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--shared", type=Path, default=SHARED, help="the shared folder")
    parser.add_argument("--out", type=Path, default=OUT, help="the table to write")
    args = parser.parse_args(argv)
    from gensim.models import Word2Vec

    began = time.perf_counter()
    corpus = list(news_sentences(args.shared))
    seconds = time.perf_counter() - began
    print(f"{len(corpus)} paragraphs, {sum(map(len, corpus))} words ({seconds:.0f} s)")
    model = Word2Vec(
        corpus,
        vector_size=100,
        window=5,
        min_count=MIN_COUNT,
        sg=1,
        negative=5,
        epochs=5,
        seed=SEED,
        workers=1,
        hashfxn=_hash,
    )
    words = sorted(model.wv.index_to_key)
    vectors = np.array([model.wv[word] for word in words], dtype=np.float64)
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True) + 1e-12
    print(f"{len(words)} words embedded ({time.perf_counter() - began:.0f} s)")
    table = clusters(words, vectors)
    lines = [
        "# word clusters for the named-entity model: scripts/make_ner_clusters.py",
        "word\tcluster",
        *(f"{word}\t{table[word]}" for word in words if not word.startswith("#")),
    ]
    args.out.write_text("\n".join(lines) + "\n", "utf-8")
    print(f"wrote {args.out} ({len(words)} words) in {time.perf_counter() - began:.0f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
