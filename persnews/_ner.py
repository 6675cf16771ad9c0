"""The statistical sequence labeller behind entity finding: a linear-chain CRF.

A conditional random field (python-crfsuite, which hazm already installs)
labels each persnews token with an IOB tag: ``B-PER``, ``I-ORG``, ``O``, …
over six types — PER, ORG, LOC, FAC, EVENT and PRODUCT.  It was trained by
``scripts/train_ner.py`` on PEYMA and ARMAN (research-only corpora: the model
inherits their terms; see the README) and is read from
``persnews/data/ner.crfsuite`` once per process, after its SHA-256 is checked
against ``persnews/data/ner.sha256``.

Features are those of a classic CRF tagger: the word and its neighbours, word
bigrams, prefixes and suffixes, the shape, a word cluster from
``data/ner_clusters.tsv`` (word2vec + k-means over unlabelled news, made by
``scripts/make_ner_clusters.py``) and membership in the gazetteers of
``data/*.tsv`` (``surface canonical label kind``).  Everything that depends on
the word alone is computed once per distinct word and cached.

>>> from persnews import _ner
>>> [(label, text) for start, end, label, score in _ner.find("سفر وزیر به تهران")
...  for text in ["سفر وزیر به تهران"[start:end]]]
[('LOC', 'تهران')]
"""

from __future__ import annotations

import functools
import hashlib
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final

import attrs
import regex

from persnews.errors import PersnewsError

if TYPE_CHECKING:
    from persnews.model import Token
    from persnews.text import NormalizedText

__all__ = [
    "LABELS",
    "ModelChecksumError",
    "features",
    "find",
    "model_path",
    "tag",
    "use_model",
]

#: the entity types the model knows
LABELS: Final = ("PER", "ORG", "LOC", "FAC", "EVENT", "PRODUCT")
#: the model file and its checksum, in persnews/data
MODEL: Final = "ner.crfsuite"
CHECKSUM: Final = "ner.sha256"
#: the word clusters (a data/*.tsv table: word, cluster)
CLUSTERS: Final = "ner_clusters"
#: the columns of a gazetteer table in persnews/data
GAZETTEER_HEADER: Final = ("surface", "canonical", "label", "kind")
#: prefixes of a cluster path used as features (coarse to fine)
CLUSTER_LEVELS: Final = (1, 2, 3)
#: token kinds an entity never starts or ends with
_EDGE_KINDS: Final = frozenset({"punct", "symbol"})

_DIGIT = regex.compile(r"\d")
_SHAPES: Final = (
    ("digit", regex.compile(r"^[\d.,٫٬/:\-]+$")),
    ("persian", regex.compile(r"^[\p{Arabic}\u200c]+$")),
    ("latin", regex.compile(r"^[\p{Latin}\p{M}0-9.\-'&]+$")),
    ("punct", regex.compile(r"^[\p{P}\p{S}]+$")),
)
_OFFSETS: Final = (-2, -1, 1, 2)
#: what a neighbour past either end of the sentence looks like
_PAST_START: Final = {-2: ("w-2=<s>",), -1: ("w-1=<s>",)}
_PAST_END: Final = {1: ("w+1=</s>",), 2: ("w+2=</s>",)}


@attrs.define(auto_exc=True, eq=False, str=False)
class ModelChecksumError(PersnewsError, ValueError):
    """The model file is not the one persnews was released with."""

    #: the model file that was read
    path: str
    #: the SHA-256 recorded in ``ner.sha256``
    expected: str
    #: the SHA-256 of the file
    got: str

    def __str__(self) -> str:
        return (
            f"{self.path}: SHA-256 {self.got} does not match the recorded {self.expected}; "
            "the named-entity model is damaged or was replaced: reinstall persnews, or "
            "retrain it with scripts/train_ner.py (which rewrites ner.sha256)"
        )


# ---------------------------------------------------------------- the model

_override: list[tuple[Path, str | None]] = []


def use_model(path: str | Path | None, checksum: str | None = None) -> None:
    """For evaluation: tag with the model file at ``path`` (``None``: the shipped one).

    ``checksum``, if given, is its expected SHA-256.  Used by
    ``scripts/eval_ner.py`` to score models trained for cross-validation
    through the same public path users take.
    """
    _override.clear()
    if path is not None:
        _override.append((Path(path), checksum))
    _tagger.cache_clear()


@contextmanager
def model_path() -> Iterator[tuple[Path, str | None]]:
    """The model file to load and its expected SHA-256 (``None``: not checked)."""
    if _override:
        yield _override[0]
        return
    from importlib import resources  # not at import time: it is slow to import

    data = resources.files("persnews").joinpath("data")
    expected = data.joinpath(CHECKSUM).read_text("ascii").split()[0].lower()
    with resources.as_file(data.joinpath(MODEL)) as path:
        yield path, expected


@functools.cache
def _tagger() -> Any:
    """The CRF tagger, opened once per process after its checksum is verified."""
    import pycrfsuite  # type: ignore[import-untyped]

    with model_path() as (path, expected):
        got = hashlib.sha256(path.read_bytes()).hexdigest()
        if expected is not None and got != expected:
            raise ModelChecksumError(path=str(path), expected=expected, got=got)
        tagger = pycrfsuite.Tagger()
        tagger.open(str(path))  # crfsuite reads the whole file into memory
    return tagger


# ---------------------------------------------------------------- word knowledge


@functools.cache
def _clusters() -> dict[str, tuple[str, ...]]:
    """Word -> cluster features, from data/ner_clusters.tsv (empty if absent)."""
    from persnews import _data

    try:
        _, rows = _data.table(CLUSTERS)
    except FileNotFoundError:
        return {}
    result: dict[str, tuple[str, ...]] = {}
    for word, path in rows:
        parts = path.split("/")
        result[word] = tuple(
            f"c{level}={'/'.join(parts[:level])}" for level in CLUSTER_LEVELS if level <= len(parts)
        )
    return result


@functools.cache
def _gazetteer() -> tuple[dict[tuple[str, ...], tuple[str, ...]], int]:
    """Token sequence -> its labels and kinds (LOC, city), from every data/*.tsv
    with the gazetteer columns; and the longest sequence's length."""
    from importlib import resources

    from persnews import _data

    entries: dict[tuple[str, ...], set[str]] = {}
    names = sorted(
        item.name[:-4]
        for item in resources.files("persnews").joinpath("data").iterdir()
        if item.name.endswith(".tsv") and item.name[:-4] != CLUSTERS
    )
    for name in names:
        header, rows = _data.table(name)
        if header[: len(GAZETTEER_HEADER)] != GAZETTEER_HEADER:
            continue
        for row in rows:
            words = _surface_words(row[0])
            if words:
                entries.setdefault(words, set()).update((row[2], row[3]))
    longest = max(map(len, entries), default=0)
    return {words: tuple(sorted(labels)) for words, labels in entries.items()}, longest


def _surface_words(surface: str) -> tuple[str, ...]:
    """The token norms of a gazetteer surface form (plain words split on spaces)."""
    if regex.fullmatch(r"[\p{Arabic}\u200c ]+", surface):
        return tuple(surface.split())
    from persnews.tokens import tokenize

    return tuple(token.norm for token in tokenize(surface))


@functools.cache
def _lexicon() -> tuple[dict[str, tuple[str, ...]], dict[str, int]]:
    """hazm's parts of speech and word frequencies (read from its data files)."""
    from persnews import _hazm

    lexicon = _hazm.lexicon()
    return lexicon.pos, lexicon.frequency


def _form(word: str) -> str:
    """The word as features see it: digits as 0, Latin lower-cased."""
    return _DIGIT.sub("0", word.lower())


@functools.lru_cache(maxsize=1 << 17)
def _word(word: str) -> tuple[tuple[str, ...], dict[int, tuple[str, ...]], str]:
    """Features of ``word`` itself, of it as a neighbour at -2..2, and its form."""
    form = _form(word)
    own = [f"w={form}"]
    n = len(form)
    for k in (1, 2, 3):
        if n > k:
            own.append(f"p{k}={form[:k]}")
            own.append(f"s{k}={form[-k:]}")
    shape = next((name for name, pattern in _SHAPES if pattern.match(form)), "mixed")
    own.append(f"shape={shape}")
    if "\u200c" in form:
        own.append("zwnj")
    if n <= 2:
        own.append(f"len={n}")
    pos, frequency = _lexicon()
    count = frequency.get(word)
    own.append("f=none" if count is None else f"f={len(str(count)) if count else 0}")
    own.extend(f"pos={tag}" for tag in pos.get(word, ()) if tag != "0")
    clusters = _clusters().get(form, ("c=?",) if shape == "persian" else ())
    own.extend(clusters)
    fine = clusters[-1] if clusters else ""
    neighbour: dict[int, tuple[str, ...]] = {}
    for offset in _OFFSETS:
        sign = f"{offset:+d}"
        items = [f"w{sign}={form}"]
        if fine:
            items.append(f"c{sign}{fine[fine.index('=') :]}")
        if abs(offset) == 1:
            items.append(f"shape{sign}={shape}")
            if n > 2:
                items.append(f"s2{sign}={form[-2:]}")
        neighbour[offset] = tuple(items)
    return tuple(own), neighbour, form


def _gazetteer_features(words: Sequence[str]) -> list[list[str]]:
    """``gz=B-LOC``, ``gz=I-city``, … per token, from longest matches left to right."""
    entries, longest = _gazetteer()
    result: list[list[str]] = [[] for _ in words]
    if not entries:
        return result
    i, count = 0, len(words)
    while i < count:
        for size in range(min(longest, count - i), 0, -1):
            labels = entries.get(tuple(words[i : i + size]))
            if labels:
                for label in labels:
                    result[i].append(f"gz=B-{label}")
                    for j in range(i + 1, i + size):
                        result[j].append(f"gz=I-{label}")
                i += size
                break
        else:
            i += 1
    return result


def features(words: Sequence[str]) -> list[list[str]]:
    """crfsuite attributes for each token of a sentence.

    ``words`` are persnews-normalized token forms (``Token.norm``).

    >>> "w=تهران" in features(["به", "تهران"])[1]
    True
    """
    count = len(words)
    if not count:
        return []
    infos = [_word(word) for word in words]
    gazetteer = _gazetteer_features(words)
    result: list[list[str]] = []
    for i, (own, _, form) in enumerate(infos):
        items = list(own)
        for offset in _OFFSETS:
            j = i + offset
            if j < 0:
                if offset in _PAST_START:
                    items.extend(_PAST_START[offset])
            elif j >= count:
                if offset in _PAST_END:
                    items.extend(_PAST_END[offset])
            else:
                items.extend(infos[j][1][offset])
        before = infos[i - 1][2] if i else "<s>"
        after = infos[i + 1][2] if i + 1 < count else "</s>"
        items.append(f"b-={before}|{form}")
        items.append(f"b+={form}|{after}")
        if i == 0:
            items.append("first")
        for mark in gazetteer[i]:
            items.append(mark)
        if i:
            items.extend(f"{mark[:2]}-1{mark[2:]}" for mark in gazetteer[i - 1])
        if i + 1 < count:
            items.extend(f"{mark[:2]}+1{mark[2:]}" for mark in gazetteer[i + 1])
        result.append(items)
    return result


# ---------------------------------------------------------------- tagging


def tag(words: Sequence[str]) -> list[tuple[str, float]]:
    """IOB labels for the tokens of one sentence, with each label's marginal probability.

    >>> [label for label, score in tag(["سفر", "به", "تهران"])]
    ['O', 'O', 'B-LOC']
    """
    if not words:
        return []
    tagger = _tagger()
    tagger.set(features(words))
    labels: list[str] = tagger.tag()
    marginal = tagger.marginal
    return [(label, marginal(label, i)) for i, label in enumerate(labels)]


def spans(
    tokens: Sequence[Token], tagged: Sequence[tuple[str, float]]
) -> list[tuple[int, int, str, float]]:
    """Entity spans from IOB labels (an I- without its B- starts an entity, as in conlleval).

    Punctuation and symbols at either edge are left out of the span.
    """
    result: list[tuple[int, int, str, float]] = []
    current: list[int] = []
    kind = ""

    def close() -> None:
        while current and tokens[current[0]].kind in _EDGE_KINDS:
            current.pop(0)
        while current and tokens[current[-1]].kind in _EDGE_KINDS:
            current.pop()
        if current:
            score = sum(tagged[i][1] for i in current) / len(current)
            result.append((tokens[current[0]].start, tokens[current[-1]].end, kind, score))
        current.clear()

    for i, (label, _) in enumerate(tagged):
        prefix, _, name = label.partition("-")
        if prefix == "I" and current and name == kind:
            current.append(i)
            continue
        close()
        if prefix in {"B", "I"}:
            kind = name
            current.append(i)
    close()
    return result


def find(text: str | NormalizedText) -> list[tuple[int, int, str, float]]:
    """Entity spans ``(start, end, label, score)`` in ``text``, sentence by sentence.

    Offsets index the original ``text``; ``score`` is the mean marginal
    probability of the span's tokens.

    >>> text = "به گزارش خبرگزاری فارس، علی لاریجانی به مشهد رفت."
    >>> [(text[start:end], label) for start, end, label, _ in find(text)]
    [('خبرگزاری فارس', 'ORG'), ('علی لاریجانی', 'PER'), ('مشهد', 'LOC')]
    """
    from persnews.tokens import sentences

    result: list[tuple[int, int, str, float]] = []
    for sentence in sentences(text):
        tokens = sentence.tokens
        result.extend(spans(tokens, tag([token.norm for token in tokens])))
    return result


def find_in(chunks: Iterable[Sequence[Token]]) -> list[tuple[int, int, str, float]]:
    """:func:`find` for token sequences already cut into sentences."""
    result: list[tuple[int, int, str, float]] = []
    for tokens in chunks:
        result.extend(spans(tokens, tag([token.norm for token in tokens])))
    return result
