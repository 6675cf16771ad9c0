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

from typing import Final

from persnews import _atoms
from persnews.errors import check_text
from persnews.model import Sentence, Token, TokenKind
from persnews.normalize import normalize
from persnews.text import NormalizedText

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
#: a text is hard-wrapped when at least this share of its single line breaks
#: fall after something that cannot end a sentence ...
WRAPPED_SHARE: Final = 2 / 3
#: ... there are at least this many of them ...
WRAPPED_MIN_BREAKS: Final = 3
#: ... and the wrapped lines are on average at least this long
WRAPPED_MIN_LENGTH: Final = 40


def _document(text: str | NormalizedText) -> NormalizedText:
    if isinstance(text, NormalizedText):
        return text
    return normalize(check_text(text))


def _tokens(doc: NormalizedText, begin: int = 0, end: int | None = None) -> list[Token]:
    result = []
    for start, finish, kind in _atoms.atoms(doc.text, begin, end):
        a, b = doc.to_original(start, finish)
        if a < b:
            kind_: TokenKind = kind  # type: ignore[assignment]
            result.append(Token(a, b, doc.original[a:b], doc.text[start:finish], kind_))
    return result


def tokenize(text: str | NormalizedText) -> list[Token]:
    """Split text into word, number, punctuation, URL, … tokens.

    Words written with a half-space stay whole (``کتاب‌ها``), numbers, dates,
    URLs, e-mail addresses and abbreviations (``ه.ش.``) are single tokens, and
    nothing is invented: every token's ``text`` is a slice of the original.
    Pass a :class:`~persnews.NormalizedText` to reuse a normalization.

    >>> [(t.text, t.kind) for t in tokenize("info@irna.ir در ۱۲:۳۰ (ع)")]
    [('info@irna.ir', 'email'), ('در', 'word'), ('۱۲:۳۰', 'number'), ('(ع)', 'abbrev')]
    >>> tokenize("   ")
    []
    """
    doc = _document(text)
    return _tokens(doc)


def sentences(text: str | NormalizedText) -> list[Sentence]:
    """Split text into sentences (headlines included), each with its tokens.

    A full stop inside a «quotation» does not end the sentence until the
    quotation closes; abbreviations, decimals and dotted dates do not end
    one; a line break ends a headline, but not a hard-wrapped line of old
    newspaper text.

    >>> [s.text for s in sentences("تیتر خبر\\nمتن خبر در ۱۲.۵ درصد موارد درست است. پایان")]
    ['تیتر خبر', 'متن خبر در ۱۲.۵ درصد موارد درست است.', 'پایان']
    """
    doc = _document(text)
    atoms = list(_atoms.atoms(doc.text))
    if not atoms:
        return []
    norm = doc.text
    gaps = [norm[atoms[i][1] : atoms[i + 1][0]] for i in range(len(atoms) - 1)] + [""]
    matched = _matched_quotes(atoms, norm, gaps)
    wrapped = _is_wrapped(atoms, norm, gaps)
    result: list[Sentence] = []
    first = 0
    depth = 0
    for i, (start, end, kind) in enumerate(atoms):
        value = norm[start:end]
        boundary = False
        if i in matched:
            depth += 1
        elif value == "»" and depth:
            depth -= 1
        if kind == "punct" and depth == 0:
            if value[-1] in TERMINAL or value[0] in TERMINAL:
                boundary = not _closer_follows(atoms, norm, gaps, i)
            elif value in CLOSERS and i > first:
                previous = norm[atoms[i - 1][0] : atoms[i - 1][1]]
                if previous[-1] in TERMINAL or previous in CLOSERS:
                    boundary = not _closer_follows(atoms, norm, gaps, i)
        gap = gaps[i]
        if "\n\n" in gap:
            boundary = True
        elif "\n" in gap and not boundary:
            boundary = not _soft_break(value, kind, wrapped)
        if boundary or i == len(atoms) - 1:
            result.append(_sentence(doc, atoms[first : i + 1]))
            first = i + 1
            if "\n" in gap:
                depth = 0
    return result


def _closer_follows(atoms: list[tuple[int, int, str]], norm: str, gaps: list[str], i: int) -> bool:
    """True if a closing quote or bracket follows atom ``i`` on the same line."""
    if i + 1 >= len(atoms) or "\n" in gaps[i]:
        return False
    following = norm[atoms[i + 1][0] : atoms[i + 1][1]]
    return following in CLOSERS or following[0] in TERMINAL


def _soft_break(value: str, kind: str, wrapped: bool) -> bool:
    """A single line break after this atom continues the sentence."""
    if kind == "punct" and (value[-1] in TERMINAL or value in CLOSERS or value == "…"):
        return False
    if value in CONTINUATION or value in CONTINUING_PUNCT:
        return True
    return wrapped and not (kind == "punct" and value == ":")


def _is_wrapped(atoms: list[tuple[int, int, str]], norm: str, gaps: list[str]) -> bool:
    """Is this hard-wrapped text (line breaks in mid-sentence, Hamshahri style)?"""
    breaks = 0
    open_lines = 0
    open_length = 0
    line_start = 0
    for i, (start, end, kind) in enumerate(atoms):
        gap = gaps[i]
        if "\n" not in gap:
            continue
        if gap.count("\n") == 1:
            breaks += 1
            value = norm[start:end]
            if not (kind == "punct" and (value[-1] in TERMINAL or value in CLOSERS)):
                open_lines += 1
                open_length += end - line_start
        line_start = atoms[i + 1][0] if i + 1 < len(atoms) else end
    return (
        breaks >= WRAPPED_MIN_BREAKS
        and open_lines >= WRAPPED_SHARE * breaks
        and open_length >= WRAPPED_MIN_LENGTH * open_lines
    )


def _matched_quotes(atoms: list[tuple[int, int, str]], norm: str, gaps: list[str]) -> set[int]:
    """Indexes of «s that are closed by a » in the same paragraph."""
    matched: set[int] = set()
    stack: list[int] = []
    for i, (start, end, _) in enumerate(atoms):
        value = norm[start:end]
        if value == "«":
            stack.append(i)
        elif value == "»" and stack:
            matched.add(stack.pop())
        if "\n\n" in gaps[i]:
            stack.clear()
    return matched


def _sentence(doc: NormalizedText, atoms: list[tuple[int, int, str]]) -> Sentence:
    begin, finish = atoms[0][0], atoms[-1][1]
    tokens = _tokens(doc, begin, finish)
    start, end = doc.to_original(begin, finish)
    return Sentence(start, end, doc.original[start:end], doc.text[begin:finish], tuple(tokens))
