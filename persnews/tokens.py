"""Sentences and word tokens, with offsets into the original text.

>>> from persnews import sentences, tokenize
>>> [t.text for t in tokenize("کتابها را در ۱۴۰۲/۰۷/۱۵ خرید.")]
['کتابها', 'را', 'در', '۱۴۰۲/۰۷/۱۵', 'خرید', '.']
>>> [t.norm for t in tokenize("کتابها")]
['کتاب\u200cها']
>>> [s.text for s in sentences("او گفت: «این کار شدنی است. ما آماده‌ایم.» سپس رفت. تمام")]
['او گفت: «این کار شدنی است. ما آماده\u200cایم.»', 'سپس رفت.', 'تمام']
"""

from __future__ import annotations

from collections.abc import Sequence
from operator import eq
from typing import Final, NamedTuple

from persnews import _atoms
from persnews.model import Sentence, Token
from persnews.normalize import as_document
from persnews.text import NormalizedText, no_collection

__all__ = ["sentences", "tokenize"]

#: punctuation that ends a sentence
TERMINAL: Final = frozenset(".!?؟")
#: punctuation that may follow a sentence's final stop and still belong to it
CLOSERS: Final = frozenset({"»", ")", "]", "}", '"'})
#: words a sentence cannot end with: a line break after one is a wrapped line
CONTINUATION: Final = frozenset(
    {
        "و",
        "در",
        "از",
        "به",
        "با",
        "که",
        "را",
        "تا",
        "یا",
        "برای",
        "بر",
        "این",
        "آن",
        "اما",
        "ولی",
        "چون",
        "اگر",
        "هم",
        "نیز",
        "پس",
        "بین",
        "میان",
        "درباره",
        "روی",
        "زیر",
        "مانند",
        "همچون",
        "طی",
        "بدون",
        "جز",
        "تحت",
        "علیه",
        "توسط",
        "ضمن",
    }
)
#: line-final punctuation that continues on the next line
CONTINUING_PUNCT: Final = frozenset({"،", ",", "؛", ";", "-", "–", "—", "«", "("})
#: a paragraph is hard-wrapped when at least this share of its single line
#: breaks fall after something that cannot end a sentence ...
WRAPPED_SHARE: Final = 2 / 3
#: ... there are at least this many of them ...
WRAPPED_MIN_BREAKS: Final = 2
#: ... and those lines are on average at least this long (lists, results
#: tables and verse have short lines)
WRAPPED_MIN_LENGTH: Final = 30


class _Scan(NamedTuple):
    """Tokens of a normalized text and where each sits in the normalized text."""

    tokens: list[Token]
    #: where each token sits in the normalized text: ``[0]`` its start and ``[1]`` its
    #: end (the scanner's atoms, whose ``[2]`` and ``[3]`` are its kind and text)
    spans: Sequence[tuple[int, int, str, str]]


def _scan(doc: NormalizedText) -> _Scan:
    """Cut the normalized text into tokens once; map each to the original."""
    with no_collection():
        return _cut(doc)


def _cut(doc: NormalizedText) -> _Scan:
    starts, ends, original = doc.starts, doc.ends, doc.original
    atoms = doc.memo("atoms", _scanned)
    firsts = [starts[atom[0]] for atom in atoms]
    lasts = [ends[atom[1] - 1] for atom in atoms]
    tokens = [
        Token(first, last, original[first:last], atom[3], atom[2])  # type: ignore[arg-type]
        for first, last, atom in zip(firsts, lasts, atoms, strict=True)
    ]
    if any(map(eq, firsts, lasts)):  # made of inserted characters only
        kept = [i for i, token in enumerate(tokens) if token.start < token.end]
        return _Scan([tokens[i] for i in kept], [atoms[i] for i in kept])
    return _Scan(tokens, atoms)


def _scanned(doc: NormalizedText) -> list[_atoms.Atom]:
    """The scanner's atoms of the normalized text (known already if normalization
    ended with the spacing step)."""
    return _atoms.atom_list(doc.text)


def tokenize(text: str | NormalizedText) -> list[Token]:
    """Split text into word, number, punctuation, URL, … tokens.

    Words written with a half-space stay whole (``کتاب‌ها``), numbers, dates,
    URLs, e-mail addresses and abbreviations (``ه.ش.``) are single tokens, and
    nothing is invented: every token's ``text`` is a slice of the original.
    Pass a :class:`~persnews.NormalizedText` to reuse a normalization (its
    tokens are computed once and shared with :func:`sentences`).

    >>> [(t.text, t.kind) for t in tokenize("info@irna.ir در ۱۲:۳۰ (ع)")]
    [('info@irna.ir', 'email'), ('در', 'word'), ('۱۲:۳۰', 'number'), ('(ع)', 'abbrev')]
    >>> tokenize("   ")
    []
    """
    return list(as_document(text).memo("tokens", _scan).tokens)


def sentences(text: str | NormalizedText) -> list[Sentence]:
    """Split text into sentences (headlines included), each with its tokens.

    A full stop inside a «quotation» does not end the sentence until the
    quotation closes; abbreviations, decimals and dotted dates do not end
    one; a line break ends a headline, but not a hard-wrapped line of old
    newspaper text.

    >>> [s.text for s in sentences("تیتر خبر\\nمتن خبر در ۱۲.۵ درصد موارد درست است. پایان")]
    ['تیتر خبر', 'متن خبر در ۱۲.۵ درصد موارد درست است.', 'پایان']
    """
    return list(as_document(text).memo("sentences", _split_quietly))


def _split_quietly(doc: NormalizedText) -> list[Sentence]:
    """:func:`_split`, once per text (``analyze`` and ``find_entities`` share it)."""
    with no_collection():
        return _split(doc)


def _split(doc: NormalizedText) -> list[Sentence]:
    tokens, spans = doc.memo("tokens", _scan)
    if not tokens:
        return []
    norm = doc.text
    values = [token.norm for token in tokens]
    gaps = [norm[spans[i][1] : spans[i + 1][0]] for i in range(len(spans) - 1)] + ["\n\n"]
    matched = _matched_quotes(values, gaps)
    wrapped = _wrapped_paragraphs(tokens, values, gaps)
    result: list[Sentence] = []
    first = 0
    depth = 0
    for i, value in enumerate(values):
        if i in matched:
            depth += 1
        elif value == "»" and depth:
            depth -= 1
        boundary = False
        if tokens[i].kind == "punct" and depth == 0:
            if value[-1] in TERMINAL or value[0] in TERMINAL:
                boundary = not _closer_follows(values, gaps, i)
            elif value in CLOSERS and i > first:
                before = values[i - 1]
                if before[-1] in TERMINAL or before in CLOSERS:
                    boundary = not _closer_follows(values, gaps, i)
        gap = gaps[i]
        if "\n\n" in gap:
            boundary = True
        elif "\n" in gap and not boundary:
            boundary = not (depth or _soft_break(value, tokens[i].kind, wrapped[i]))
        if boundary:
            result.append(_sentence(doc, tokens, spans, first, i + 1))
            first = i + 1
            if "\n" in gap:
                depth = 0
    return result


def _closer_follows(values: list[str], gaps: list[str], i: int) -> bool:
    """True if a closing quote or bracket (or more final punctuation) follows on the line."""
    if i + 1 >= len(values) or "\n" in gaps[i]:
        return False
    following = values[i + 1]
    return following in CLOSERS or following[0] in TERMINAL


def _ends_sentence(value: str, kind: str) -> bool:
    return kind == "punct" and (value[-1] in TERMINAL or value in CLOSERS or value == "…")


def _soft_break(value: str, kind: str, wrapped: bool) -> bool:
    """A single line break after this token continues the sentence."""
    if _ends_sentence(value, kind):
        return False
    if value in CONTINUATION or value in CONTINUING_PUNCT:
        return True
    return wrapped and value != ":"


def _wrapped_paragraphs(tokens: list[Token], values: list[str], gaps: list[str]) -> list[bool]:
    """For each token, is its paragraph hard-wrapped (Hamshahri style)?

    A paragraph is hard-wrapped if a line of it ends in a word that cannot end
    a sentence (``و``, ``در``, ``،``), or if most of its single line breaks fall
    after something that cannot end a sentence on lines of prose length.
    """
    result: list[bool] = []
    paragraph_start = 0
    breaks = open_lines = open_length = 0
    evidence = False
    line_start = tokens[0].start
    for i, value in enumerate(values):
        gap = gaps[i]
        if "\n" not in gap:
            continue
        if "\n\n" not in gap:
            breaks += 1
            if not _ends_sentence(value, tokens[i].kind):
                open_lines += 1
                open_length += tokens[i].end - line_start
                evidence = evidence or value in CONTINUATION or value in CONTINUING_PUNCT
        else:
            wrapped = evidence or (
                breaks >= WRAPPED_MIN_BREAKS
                and open_lines >= WRAPPED_SHARE * breaks
                and open_length >= WRAPPED_MIN_LENGTH * open_lines
            )
            result.extend([wrapped] * (i + 1 - paragraph_start))
            paragraph_start = i + 1
            breaks = open_lines = open_length = 0
            evidence = False
        if i + 1 < len(tokens):
            line_start = tokens[i + 1].start
    return result


def _matched_quotes(values: list[str], gaps: list[str]) -> set[int]:
    """Indexes of «s that are closed by a » in the same paragraph."""
    matched: set[int] = set()
    stack: list[int] = []
    for i, value in enumerate(values):
        if value == "«":
            stack.append(i)
        elif value == "»" and stack:
            matched.add(stack.pop())
        if "\n\n" in gaps[i]:
            stack.clear()
    return matched


def _sentence(
    doc: NormalizedText,
    tokens: list[Token],
    spans: Sequence[tuple[int, int, str, str]],
    first: int,
    last: int,
) -> Sentence:
    start, end = tokens[first].start, tokens[last - 1].end
    norm = doc.text[spans[first][0] : spans[last - 1][1]]
    return Sentence(start, end, doc.original[start:end], norm, tuple(tokens[first:last]))
