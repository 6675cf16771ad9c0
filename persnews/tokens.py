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

from bisect import bisect_right
from collections.abc import Sequence
from operator import eq
from typing import Final, NamedTuple

from persnews import _atoms
from persnews.model import Sentence, Token, tokens_from_columns
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
    texts = list(map(original.__getitem__, map(slice, firsts, lasts)))
    norms, kinds = [atom[3] for atom in atoms], [atom[2] for atom in atoms]
    tokens = tokens_from_columns(firsts, lasts, texts, norms, kinds)  # type: ignore[arg-type]
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
    # only punctuation and line breaks can end a sentence or open or close a
    # quotation: the loop visits those tokens, not the words between them
    breaks = _line_breaks(doc.text, spans)
    marks = [i for i, span in enumerate(spans) if span[2] == "punct"]
    events = sorted(breaks.keys() | marks) if breaks.keys() - set(marks) else marks
    matched = _matched_quotes(spans, marks, breaks)
    wrapped = _wrapped_paragraphs(tokens, spans, breaks)
    result: list[Sentence] = []
    first = 0
    depth = 0
    for i in events:
        _, _, kind, value = spans[i]
        if i in matched:
            depth += 1
        elif value == "»" and depth:
            depth -= 1
        boundary = False
        if kind == "punct" and depth == 0:
            if value[-1] in TERMINAL or value[0] in TERMINAL:
                boundary = not _closer_follows(spans, breaks, i)
            elif value in CLOSERS and i > first:
                before = spans[i - 1][3]
                if before[-1] in TERMINAL or before in CLOSERS:
                    boundary = not _closer_follows(spans, breaks, i)
        gap = breaks.get(i, "")
        if "\n\n" in gap:
            boundary = True
        elif gap and not boundary:
            boundary = not (depth or _soft_break(value, kind, wrapped.get(i, False)))
        if boundary:
            result.append(_sentence(doc, tokens, spans, first, i + 1))
            first = i + 1
            if gap:
                depth = 0
    return result


def _line_breaks(norm: str, spans: Sequence[tuple[int, int, str, str]]) -> dict[int, str]:
    """The gaps after tokens that hold a line break, by token index; the last
    token's gap is a paragraph break."""
    breaks: dict[int, str] = {}
    last = len(spans) - 1
    position = norm.find("\n")
    if position >= 0:
        ends = [span[1] for span in spans]
        while position >= 0:
            i = bisect_right(ends, position) - 1  # the token before the line break
            if 0 <= i < last:
                breaks[i] = norm[spans[i][1] : spans[i + 1][0]]
                position = spans[i + 1][0]
            position = norm.find("\n", position + 1)
    breaks[last] = "\n\n"
    return breaks


def _closer_follows(
    spans: Sequence[tuple[int, int, str, str]], breaks: dict[int, str], i: int
) -> bool:
    """True if a closing quote or bracket (or more final punctuation) follows on the line."""
    if i + 1 >= len(spans) or i in breaks:
        return False
    following = spans[i + 1][3]
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


def _wrapped_paragraphs(
    tokens: list[Token], spans: Sequence[tuple[int, int, str, str]], breaks: dict[int, str]
) -> dict[int, bool]:
    """For each token followed by a line break, is its paragraph hard-wrapped
    (Hamshahri style)?

    A paragraph is hard-wrapped if a line of it ends in a word that cannot end
    a sentence (``و``, ``در``, ``،``), or if most of its single line breaks fall
    after something that cannot end a sentence on lines of prose length.
    """
    result: dict[int, bool] = {}
    lines: list[int] = []  # the tokens before the single line breaks of this paragraph
    breaks_seen = open_lines = open_length = 0
    evidence = False
    line_start = tokens[0].start
    for i in sorted(breaks):
        if "\n\n" not in breaks[i]:
            lines.append(i)
            breaks_seen += 1
            _, _, kind, value = spans[i]
            if not _ends_sentence(value, kind):
                open_lines += 1
                open_length += tokens[i].end - line_start
                evidence = evidence or value in CONTINUATION or value in CONTINUING_PUNCT
        else:
            wrapped = evidence or (
                breaks_seen >= WRAPPED_MIN_BREAKS
                and open_lines >= WRAPPED_SHARE * breaks_seen
                and open_length >= WRAPPED_MIN_LENGTH * open_lines
            )
            result.update(dict.fromkeys(lines, wrapped))
            result[i] = wrapped
            lines.clear()
            breaks_seen = open_lines = open_length = 0
            evidence = False
        if i + 1 < len(tokens):
            line_start = tokens[i + 1].start
    return result


def _matched_quotes(
    spans: Sequence[tuple[int, int, str, str]], marks: list[int], breaks: dict[int, str]
) -> set[int]:
    """Indexes of «s that are closed by a » in the same paragraph."""
    matched: set[int] = set()
    stack: list[int] = []
    paragraphs = [i for i, gap in breaks.items() if "\n\n" in gap]
    ends = iter(sorted(paragraphs))
    paragraph_end = next(ends)
    for i in marks:
        while i > paragraph_end:  # a paragraph ended before this mark
            stack.clear()
            paragraph_end = next(ends)
        value = spans[i][3]
        if value == "«":
            stack.append(i)
        elif value == "»" and stack:
            matched.add(stack.pop())
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
