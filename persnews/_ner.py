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
import struct
import threading
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final, NamedTuple

import attrs

from persnews import _patterns
from persnews._lazy import Keys, keys, once
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

#: the digits news is written with (Latin, Persian, Arabic-Indic) -> 0, by ``str.translate``
_ZEROS: Final = str.maketrans(dict.fromkeys("0123456789۰۱۲۳۴۵۶۷۸۹٠١٢٣٤٥٦٧٨٩", "0"))
#: a digit of any other script (rare: matched one at a time, each match costing a
#: reading of the process clock for the time limit)
_OTHER_DIGIT = _patterns.compile(r"[^\P{Nd}0]")
#: a word's shape: the first of these it is made of (else "mixed"), in one match
_SHAPE: Final = _patterns.compile(
    r"^(?:(?P<digit>[\d.,٫٬/:\-]+)|(?P<persian>[\p{Arabic}\u200c]+)"
    r"|(?P<latin>[\p{Latin}\p{M}0-9.\-'&]+)|(?P<punct>[\p{P}\p{S}]+))$"
)
_OFFSETS: Final = (-2, -1, 1, 2)


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
    _open_model.cache_clear()
    _known_word.cache_clear()


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


class _Model(NamedTuple):
    """An open tagger and the attribute names its model knows."""

    tagger: Any
    known: Keys[bytes]


#: one sentence at a time through the shared tagger (crfsuite keeps it inside)
_TAGGING = threading.Lock()


def _model() -> _Model:
    """The CRF tagger, opened once per process after its checksum is verified."""
    return _open_model()


@once
def _open_model() -> _Model:
    import pycrfsuite  # type: ignore[import-untyped]

    with model_path() as (path, expected):
        data = path.read_bytes()
        got = hashlib.sha256(data).hexdigest()
        if expected is not None and got != expected:
            raise ModelChecksumError(path=str(path), expected=expected, got=got)
        tagger = pycrfsuite.Tagger()
        tagger.open(str(path))  # crfsuite reads the whole file into memory
    return _Model(tagger, _attributes(data))


def _tagger() -> Any:
    """The open ``pycrfsuite.Tagger``."""
    return _model().tagger


def _attributes(model: bytes) -> Keys[bytes]:
    """The attribute names a crfsuite model knows, read from its attribute table.

    Attributes the model does not know cost crfsuite as much as the others, so
    the tagger is given only these (a third faster).  The layout is crfsuite's
    (``crf1dm.c``: the header's ``off_attrs``; ``cqdb.c``: a CQDB chunk whose
    backward array points at ``id, size, name\0`` records).
    """
    (base,) = struct.unpack_from("<I", model, 36)
    if model[:4] != b"lCRF" or model[base : base + 4] != b"CQDB":
        return {}  # not a layout we know: give the tagger everything
    count, backward = struct.unpack_from("<2I", model, base + 16)
    starts = [base + offset for offset in struct.unpack_from(f"<{count}I", model, base + backward)]
    size = struct.Struct("<I").unpack_from
    return keys([model[start + 8 : start + 7 + size(model, start + 4)[0]] for start in starts])


# ---------------------------------------------------------------- word knowledge


@once
def _clusters() -> dict[str, str]:
    """Word -> its cluster's path («46/4/3»), from data/ner_clusters.tsv (empty if
    absent); :func:`_cluster_features` makes the features of one path."""
    from persnews import _data

    try:
        _, (words, paths) = _data.columns(CLUSTERS)
    except FileNotFoundError:
        return {}
    return dict(zip(words, paths, strict=True))


@functools.cache
def _cluster_features(path: str) -> tuple[bytes, ...]:
    """The features of a cluster path: «46/4/3» -> c1=46, c2=46/4, c3=46/4/3."""
    parts = path.split("/")
    return tuple(
        f"c{level}={'/'.join(parts[:level])}".encode()
        for level in CLUSTER_LEVELS
        if level <= len(parts)
    )


#: a word's cached features: its own, its features as the neighbour at -2, -1,
#: +1 and +2, and its form; all UTF-8 bytes, which crfsuite takes as they are
_Word = tuple[tuple[bytes, ...], tuple[tuple[bytes, ...], ...], bytes]
#: the words before the first and after the last of a sentence
_START: Final[_Word] = ((), ((b"w-2=<s>",), (b"w-1=<s>",), (), ()), b"<s>")
_END: Final[_Word] = ((), ((), (), (b"w+1=</s>",), (b"w+2=</s>",)), b"</s>")
#: a gazetteer label's marks: B-, I- on the token, and on its neighbours
_Marks = tuple[tuple[bytes, bytes], tuple[bytes, bytes], tuple[bytes, bytes]]


@once
def _gazetteer() -> dict[str, list[tuple[tuple[str, ...], tuple[_Marks, ...]]]]:
    """First word -> (the entry's words, its marks), longest entries first, from
    every data/*.tsv with the gazetteer columns (labels and kinds: LOC, city)."""
    from importlib import resources

    from persnews import _data

    entries: dict[tuple[str, ...], set[str]] = {}
    names = sorted(
        item.name[:-4]
        for item in resources.files("persnews").joinpath("data").iterdir()
        if item.name.endswith(".tsv") and item.name[:-4] != CLUSTERS
    )
    rows = [
        row
        for name in names
        # not a calendar table or a word list
        if _data.header(name)[: len(GAZETTEER_HEADER)] == GAZETTEER_HEADER
        for row in _data.table(name)[1]
    ]
    plain = _plain_surfaces([row[0] for row in rows])
    for row in rows:
        words = _surface_words(row[0], plain)
        if words:
            entries.setdefault(words, set()).update((row[2], row[3]))
    label_marks = {  # a label's marks, made once (a dozen labels and kinds)
        label: tuple(
            (f"gz{where}=B-{label}".encode(), f"gz{where}=I-{label}".encode())
            for where in ("", "-1", "+1")
        )
        for label in set().union(*entries.values())
    }
    index: dict[str, list[tuple[tuple[str, ...], tuple[_Marks, ...]]]] = {}
    for words, labels in sorted(entries.items(), key=lambda item: -len(item[0])):
        marks = tuple(label_marks[label] for label in sorted(labels))
        index.setdefault(words[0], []).append((words, marks))  # type: ignore[arg-type]
    return index


@once
def _plain_lines() -> _patterns.Pattern:
    return _patterns.compile(r"(?m)^[\p{Arabic}\u200c ]+$")


def _plain_surfaces(surfaces: list[str]) -> set[str]:
    """The surfaces that are plain words (Arabic-script letters, half-spaces and
    spaces), found by one scan of them all (not a pattern call per surface)."""
    return set(_plain_lines().findall("\n".join(surfaces)))


def _surface_words(surface: str, plain: set[str]) -> tuple[str, ...]:
    """The token norms of a gazetteer surface form (plain words split on spaces)."""
    if surface in plain:
        return tuple(surface.split())
    from persnews.tokens import tokenize

    return tuple(token.norm for token in tokenize(surface))


@once
def _lexicon() -> tuple[dict[str, tuple[str, ...]], dict[str, int]]:
    """hazm's parts of speech and word frequencies (read from its data files)."""
    from persnews import _hazm

    lexicon = _hazm.lexicon()
    return lexicon.pos, lexicon.frequency


def _form(word: str) -> str:
    """The word as features see it: digits as 0, Latin lower-cased."""
    form = word.lower().translate(_ZEROS)
    if form.isalpha() or _OTHER_DIGIT.search(form) is None:  # letters alone have no digit
        return form
    return _OTHER_DIGIT.sub("0", form)


#: the bytes that begin features, and whole features, made once
_AFFIXES: Final = ((2, b"p2=", b"s2="), (3, b"p3=", b"s3="))
_NEIGHBOURS: Final = tuple(
    (f"w{offset:+d}=".encode(), f"c{offset:+d}".encode(), f"s2{offset:+d}=".encode(), abs(offset))
    for offset in _OFFSETS
)
_SHAPE_FEATURES: Final = {
    name: f"shape={name}".encode() for name in ("digit", "persian", "latin", "punct", "mixed")
}
_NO_CLUSTER: Final = (b"c=?",)


@functools.cache
def _pos_feature(tag: str) -> bytes:
    return b"pos=" + tag.encode()


@functools.lru_cache(maxsize=1 << 17)
def _word(word: str) -> _Word:
    """Features of ``word`` itself, of it as a neighbour at -2..2, and its form."""
    form = _form(word)
    raw = form.encode()
    own = [b"w=" + raw]
    n = len(form)
    for k, prefix, suffix in _AFFIXES:
        if n > k:
            own.append(prefix + form[:k].encode())
            own.append(suffix + form[-k:].encode())
    shaped = _SHAPE.match(form)
    shape = shaped.lastgroup if shaped is not None and shaped.lastgroup else "mixed"
    own.append(_SHAPE_FEATURES[shape])
    pos, frequency = _lexicon()
    count = frequency.get(word)
    own.append(b"f=none" if count is None else b"f=%d" % (len(str(count)) if count else 0))
    own.extend(_pos_feature(tag) for tag in pos.get(word, ()) if tag != "0")
    path = _clusters().get(form)
    if path is not None:
        clusters = _cluster_features(path)
    else:
        clusters = _NO_CLUSTER if shape == "persian" else ()
    own.extend(clusters)
    fine = clusters[-1][clusters[-1].index(b"=") :] if clusters else b""
    last_two = form[-2:].encode() if n > 2 else b""
    neighbour = []
    for word_feature, cluster_feature, suffix_feature, distance in _NEIGHBOURS:
        items = [word_feature + raw]
        if fine:
            items.append(cluster_feature + fine)
        if distance == 1 and last_two:
            items.append(suffix_feature + last_two)
        neighbour.append(tuple(items))
    return tuple(own), tuple(neighbour), raw


@functools.lru_cache(maxsize=1 << 17)
def _known_word(word: str) -> _Word:
    """:func:`_word`, keeping only the attributes the model knows."""
    known = _model().known
    own, neighbour, form = _word(word)
    if not known:
        return own, neighbour, form
    return (
        tuple(item for item in own if item in known),
        tuple(tuple(item for item in items if item in known) for items in neighbour),
        form,
    )


def _gazetteer_marks(words: Sequence[str]) -> list[list[bytes]]:
    """For each token, ``gz=B-LOC``, ``gz=I-city``, … for the gazetteer span it is in
    (longest match, left to right), and ``gz-1=…`` / ``gz+1=…`` for its neighbours'."""
    index = _gazetteer()
    count = len(words)
    found: list[tuple[int, int, tuple[_Marks, ...]]] = []
    i = 0
    while i < count:
        for entry, marks in index.get(words[i], ()):
            size = len(entry)
            if tuple(words[i : i + size]) == entry:
                found.append((i, size, marks))
                i += size
                break
        else:
            i += 1
    result: list[list[bytes]] = [[] for _ in range(count)]
    for first, size, marks in found:
        for j in range(first, first + size):
            inside = int(j > first)
            for label in marks:
                result[j].append(label[0][inside])
                if j + 1 < count:
                    result[j + 1].append(label[1][inside])
                if j > 0:
                    result[j - 1].append(label[2][inside])
    return result


def _items(words: Sequence[str], known: Keys[bytes] | None = None) -> list[list[bytes]]:
    """crfsuite attributes for each token, as UTF-8 bytes (see :func:`features`);
    given the ``known`` attributes of the model, only those."""
    count = len(words)
    if not count:
        return []
    padded = [_START, _START, *map(_known_word if known else _word, words), _END, _END]
    marks = _gazetteer_marks(words) if _gazetteer() else None
    before_of, after_of = _bigrams() if known else ({}, {})
    result: list[list[bytes]] = []
    for p in range(2, count + 2):
        own, _, form = padded[p]
        items = [
            *own,
            *padded[p - 2][1][0],
            *padded[p - 1][1][1],
            *padded[p + 1][1][2],
            *padded[p + 2][1][3],
        ]
        if p == 2:
            items.append(b"first")
        if marks is not None and marks[p - 2]:
            items.extend(marks[p - 2])
        before, after = padded[p - 1][2], padded[p + 1][2]
        if not known:
            items.append(b"b-=" + before + b"|" + form)
            items.append(b"b+=" + form + b"|" + after)
            result.append(items)
            continue
        partners = before_of.get(form)  # the bigrams the model knows, looked up by form
        if partners is not None and before in partners:
            items.append(b"b-=" + before + b"|" + form)
        partners = after_of.get(form)
        if partners is not None and after in partners:
            items.append(b"b+=" + form + b"|" + after)
        result.append(items)
    return result


@once
def _bigrams() -> tuple[dict[bytes, Keys[bytes]], dict[bytes, Keys[bytes]]]:
    """The word bigrams the model has features for, by the token's form: the forms
    it knows before it (``b-=before|form``) and after it (``b+=form|after``)."""
    before_of: dict[bytes, Keys[bytes]] = {}
    after_of: dict[bytes, Keys[bytes]] = {}
    for attribute in _model().known:
        kind, pair = attribute[:3], attribute[3:]
        if kind not in (b"b-=", b"b+="):
            continue
        cut = pair.find(b"|")
        while cut >= 0:  # a form may hold «|» itself: every reading of the pair
            left, right = pair[:cut], pair[cut + 1 :]
            if kind == b"b-=":
                before_of.setdefault(right, {})[left] = None
            else:
                after_of.setdefault(left, {})[right] = None
            cut = pair.find(b"|", cut + 1)
    return before_of, after_of


def features(words: Sequence[str]) -> list[list[str]]:
    """crfsuite attributes for each token of a sentence.

    ``words`` are persnews-normalized token forms (``Token.norm``).

    >>> "w=تهران" in features(["به", "تهران"])[1]
    True
    """
    return [[item.decode() for item in items] for items in _items(words)]


# ---------------------------------------------------------------- tagging


def tag(words: Sequence[str]) -> list[tuple[str, float]]:
    """IOB labels for the tokens of one sentence, with each label's marginal
    probability; an O is given 1.0 instead (:func:`runs` reads the probabilities
    of names only, and a sentence without one is spared crfsuite's
    forward-backward pass: 12 % of the tagging time on news).

    >>> [(label, score) for label, score in tag(["سفر", "به", "تهران"])][:2]
    [('O', 1.0), ('O', 1.0)]
    >>> tag(["سفر", "به", "تهران"])[2][0]
    'B-LOC'
    """
    if not words:
        return []
    tagger, known = _model()
    items = _items(words, known)
    with _TAGGING:  # the tagger holds the sentence between set() and marginal()
        tagger.set(items)
        labels: list[str] = tagger.tag()
        marginal = tagger.marginal
        return [
            (label, 1.0 if label == "O" else marginal(label, i)) for i, label in enumerate(labels)
        ]


def spans(
    tokens: Sequence[Token], tagged: Sequence[tuple[str, float]]
) -> list[tuple[int, int, str, float]]:
    """Entity spans ``(start, end, label, score)`` in original offsets from IOB labels."""
    return [
        (tokens[first].start, tokens[last - 1].end, label, score)
        for first, last, label, score in runs(tokens, tagged)
    ]


def runs(
    tokens: Sequence[Token],
    tagged: Sequence[tuple[str, float]],
    breaks: Callable[[Token], bool] | None = None,
) -> list[tuple[int, int, str, float]]:
    """Entities as token runs ``(first, last, label, score)`` from IOB labels (an
    I- without its B- starts an entity, as in conlleval).

    A token for which ``breaks`` is true is read as O. Punctuation and symbols
    at either edge are left out; ``score`` is the mean probability of the rest.
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
            result.append((current[0], current[-1] + 1, kind, score))
        current.clear()

    # only the tokens not labelled O matter: an O (or a break) closes a run
    previous = -2
    for i in [i for i, (label, _) in enumerate(tagged) if label != "O"]:
        label = tagged[i][0]
        if breaks is not None and breaks(tokens[i]):
            label = "O"
        if i != previous + 1:
            close()
        previous = i
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
