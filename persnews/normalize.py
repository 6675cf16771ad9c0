"""Normalization steps: small, named and table-driven.

Each step turns a :class:`~persnews.text.NormalizedText` into another one by
*edits* — replace ``text[start:end]`` with something — so every character of
the result still knows which original characters it came from.  Insertions
are zero-width edits, so neighbouring characters keep their exact spans.

The steps, in order (see ``docs/normalization.md`` for what each one does and
where persnews deliberately differs from hazm):

``line_breaks``  ``invisible``  ``spaces``  ``ligatures``  ``letters``
``compose``  ``diacritics``  ``kashida``  ``quotes``  ``half_spaces``  ``spacing``

>>> from persnews import normalize
>>> normalize("ميگويند   منطقهاي   است .").text
'می\u200cگویند منطقه\u200cای است.'
>>> normalize("قیمت 12.5 درصد(۱۴۰۲/۰۷/۱۵)").text
'قیمت ۱۲٫۵ درصد (۱۴۰۲/۰۷/۱۵)'
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Iterable, Iterator
from typing import Final

import attrs
import regex

from persnews import _atoms, _patterns, _spacing
from persnews._atoms import NON_JOINING
from persnews._lazy import once
from persnews.errors import check_text
from persnews.text import Edit, NormalizedText, no_collection

__all__ = ["STEPS", "Step", "normalize"]

# ---------------------------------------------------------------- tables

#: Arabic-script letters written with Arabic (or Urdu) code points -> Persian letters
LETTERS: Final[dict[str, str]] = {
    **dict.fromkeys("كڪګڬڭڮ", "ک"),
    **dict.fromkeys("يىېۍێۑےۓٸ", "ی"),
    **dict.fromkeys("ةۀہۂۃەھ", "ه"),
    **dict.fromkeys("ؤۄۅۆۇۈۉۊۋۏٶٷ", "و"),
    **dict.fromkeys("إأٱٲٳٵ", "ا"),
    **dict.fromkeys("ٹٺټٽ", "ت"),
    "ڀ": "پ",
    "ڤ": "ف",
    "ڨ": "ق",
    "ڜ": "ش",
}
#: Arabic-Indic digits -> Persian digits (Latin digits are handled per atom)
DIGITS: Final[dict[str, str]] = {
    **{chr(0x0660 + i): chr(0x06F0 + i) for i in range(10)},
}
#: letter + combining hamza/madda written as two code points -> one Persian letter
COMPOSE: Final[dict[str, str]] = {
    "ا\u0653": "آ",
    "ا\u0654": "ا",
    "ا\u0655": "ا",
    "و\u0654": "و",
    "ی\u0654": "ئ",
    "ه\u0654": "ه",
}
#: Arabic diacritics and Quranic marks (removed, folded into the letter they sit on)
DIACRITICS: Final = r"[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06dc\u06df-\u06e4\u06e7\u06e8\u06ea-\u06ed\u08d3-\u08ff]"  # noqa: E501
KASHIDA: Final = "\u0640"
#: invisible format and control characters, except the half-space (ZWNJ),
#: tab and line feed; lone surrogates too
INVISIBLE: Final = r"[\p{Cf}\p{Cc}\p{Cs}\p{Cn}--[\u200c\t\n]]"
#: invisible characters typed where a half-space was meant: between two letters,
#: after one that joins the next, they become one (سرمایه­گذاران، احمدی‫نژاد);
#: after a letter that never joins, a half-space would change nothing and they go
HALF_SPACE_STAND_INS: Final = frozenset(
    "\u200e\u200f\u061c\u200b\u00ad\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
)
#: line separators other than \n
LINE_BREAKS: Final = "\r\n|[\r\u2028\u2029\x0b\x0c\x85]"
#: spaces other than the plain one, and tabs
SPACES: Final = r"[\p{Zs}\t--[ ]]"
#: Arabic presentation forms
LIGATURES: Final = r"[\ufb50-\ufdff\ufe70-\ufeff]"


@once
def _presentation_forms() -> tuple[dict[int, str], dict[str, str]]:
    """Arabic presentation forms from Unicode's compatibility decompositions.

    Returns a one-to-one translation table (single letters) and a table of
    ligatures that expand to several letters (ﻻ -> لا, ﷲ -> الله).
    """
    single: dict[int, str] = {}
    ligatures: dict[str, str] = {}
    letters = str.maketrans(LETTERS)
    for code in (*range(0xFB50, 0xFE00), *range(0xFE70, 0xFF00)):
        char = chr(code)
        if not unicodedata.name(char, ""):
            continue
        folded = unicodedata.normalize("NFKC", char)
        folded = "".join(c for c in folded if not unicodedata.combining(c)).strip()
        folded = folded.translate(letters)
        if len(folded) == 1:
            single[code] = folded
        elif folded:
            ligatures[char] = folded
    return single, ligatures


# ---------------------------------------------------------------- steps


#: positions of a text to look at again, or None to work on all of it
Focus = list[int] | None


@attrs.frozen
class Step:
    """A named normalization step: a function from text to edits."""

    #: the name reported in ``NormalizedText.steps``
    name: str
    #: yields sorted, non-overlapping edits for a text, or only around some
    #: positions of it; an :class:`~persnews.text.EditList` it returns may
    #: ask for the text around some positions to be looked at again
    edits: Callable[[str, Focus], Iterable[Edit]]
    #: a character class (regex syntax, or a function that builds one): a text with
    #: none of these characters is left as it is, and the step is not run on it
    needs: str | Callable[[], str] | None = None
    #: for a step that maps each character to one other (its edits replace the
    #: whole text), the table: the characters of its output are those of its
    #: input, mapped
    table: Callable[[], dict[int, str]] | None = None

    def may_change(self, characters: str) -> bool:
        """Can the step change a text made of these ``characters`` (each once)?"""
        return self.needs is None or _needed(self.needs).search(characters) is not None

    def characters_after(self, characters: str, edits: Iterable[Edit]) -> str:
        """The characters of a text made of ``characters`` once ``edits`` of this
        step are applied to it: each once, and perhaps some no longer there (an
        edit may remove the last of them), so that :meth:`may_change` may run a
        step that then finds nothing, but never skips one that would not.
        Reading them again from the new text would cost a pass over it."""
        if self.table is not None:
            return "".join(set(characters.translate(self.table())))
        return "".join(set(characters).union(*(replacement for _, _, replacement in edits)))


@once
def _needed(needs: str | Callable[[], str]) -> _patterns.Pattern:
    return _patterns.compile(needs if isinstance(needs, str) else needs(), regex.VERSION1)


def _regex_step(
    name: str,
    pattern: str | Callable[[], str],
    replace: Callable[[regex.Match[str]], str],
    needs: str | None = None,
) -> Step:
    """A step that replaces every match of ``pattern`` (compiled on first use)."""

    @once
    def compiled() -> _patterns.Pattern:
        return _patterns.compile(pattern if isinstance(pattern, str) else pattern(), regex.VERSION1)

    def edits(text: str, focus: Focus = None) -> Iterator[Edit]:
        for match in compiled().finditer(text):
            replacement = replace(match)
            if replacement != match.group():
                yield match.start(), match.end(), replacement

    return Step(name, edits, needs)


def _translate_step(name: str, table: Callable[[], dict[int, str]]) -> Step:
    """A one-to-one character mapping: no offsets move."""

    def edits(text: str, focus: Focus = None) -> Iterator[Edit]:
        translated = text.translate(table())
        if translated != text:
            yield 0, len(text), translated

    def needs() -> str:
        return _character_class(table())

    return Step(name, edits, needs, table)


def _character_class(codes: Iterable[int]) -> str:
    """A regex character class of these code points, in ranges."""
    ranges: list[list[int]] = []
    for code in sorted(codes):
        if ranges and code == ranges[-1][1] + 1:
            ranges[-1][1] = code
        else:
            ranges.append([code, code])
    return "[" + "".join(f"\\U{low:08x}-\\U{high:08x}" for low, high in ranges) + "]"


@once
def _letter_table() -> dict[int, str]:
    single, _ = _presentation_forms()
    return single | {ord(k): v for k, v in (LETTERS | DIGITS).items()}


def _ligature(match: regex.Match[str]) -> str:
    return _presentation_forms()[1].get(match.group(), match.group())


def _fold_step(name: str, pattern: str) -> Step:
    """A step that removes every match, folding it into the character before.

    ``کِتاب`` -> ``کتاب`` with the kasra in the span of «ک», so a token ending
    in a removed mark still covers it.
    """
    compiled = _patterns.compile(pattern)

    def edits(text: str, focus: Focus = None) -> Iterator[Edit]:
        done = 0
        for match in compiled.finditer(text):
            start, end = match.span()
            if start > done:
                yield start - 1, end, text[start - 1]
            else:
                yield start, end, ""
            done = end

    return Step(name, edits, pattern.rstrip("+"))


def _quote_pairs(match: regex.Match[str]) -> str:
    """ "…" and “…” -> «…» when the quoted text is Persian."""
    inside = match.group()[1:-1]
    return "«" + inside + "»" if _ARABIC_LETTER.search(inside) else match.group()


def _invisible(match: regex.Match[str]) -> str:
    """Drop invisible marks; between two Persian letters a direction mark, soft
    hyphen or zero-width space stood for a half-space (آیت + RLM + الله)."""
    text, start, end = match.string, match.start(), match.end()
    between_letters = (
        start > 0
        and end < len(text)
        and _ARABIC_LETTER.match(text[start - 1])
        and _ARABIC_LETTER.match(text[end])
        and text[start - 1] not in NON_JOINING
    )
    if between_letters and any(char in HALF_SPACE_STAND_INS for char in match.group()):
        return "\u200c"
    return ""


_ARABIC_LETTER: Final = _patterns.compile(r"[\p{Arabic}&&\p{L}]", regex.VERSION1)


#: how often a step may look again around the places it changed (it settles in one or two)
MAX_REPEATS: Final = 4

#: the character-level steps, in order; ``spacing`` runs after them
STEPS: Final[tuple[Step, ...]] = (
    _regex_step("line_breaks", LINE_BREAKS, lambda m: "\n", "[\r\u2028\u2029\x0b\x0c\x85]"),
    _regex_step("invisible", INVISIBLE + "+", _invisible, INVISIBLE),
    _regex_step("spaces", SPACES, lambda m: " ", SPACES),
    _regex_step("ligatures", LIGATURES, _ligature, LIGATURES),
    _translate_step("letters", _letter_table),
    _regex_step("compose", "|".join(COMPOSE), lambda m: COMPOSE[m.group()], "[\u0653-\u0655]"),
    _fold_step("diacritics", DIACRITICS + "+"),
    _fold_step("kashida", KASHIDA + "+"),
    _regex_step("quotes", r'"[^"\n]*"|“[^”\n]*”', _quote_pairs, '["“]'),
    _regex_step("half_spaces", "\u200c{2,}", lambda m: "\u200c", "\u200c"),
    Step("spacing", _spacing.edits),
)


def normalize(text: str) -> NormalizedText:
    """Normalize Persian text and keep a map back to the original.

    Letters and digits are unified (Arabic ي ك ة → Persian ی ک ه, ٠١٢ → ۰۱۲;
    Latin digits become Persian except inside Latin words, URLs and e-mail
    addresses), diacritics, kashida and invisible marks are removed, spacing
    around punctuation is repaired and half-spaces (ZWNJ) are put where hazm's
    lexicons say a prefix or suffix belongs to its word.

    >>> doc = normalize("جمهوري اسلامي  ايران")
    >>> doc.text
    'جمهوری اسلامی ایران'
    >>> doc.to_original(7, 13)
    (7, 13)
    >>> normalize("") .text
    ''
    """
    doc = NormalizedText.identity(check_text(text))
    with no_collection():
        return _normalized(doc)


def as_document(text: str | NormalizedText) -> NormalizedText:
    """``text`` normalized, or as it is if it already is a :class:`NormalizedText`.

    Every function that reads a text takes either, so one normalization can serve
    them all (``analyze`` normalizes once for tokens, dates and numbers).
    """
    if isinstance(text, NormalizedText):
        return text
    return normalize(text)


def _normalized(doc: NormalizedText) -> NormalizedText:
    atoms: list[_atoms.Atom] | None = None  # the scanner's atoms of doc.text, once known
    # each character of doc.text once (read from the text once, then kept up to date
    # from the edits), to tell which steps may change it
    characters: str | None = None
    for step in STEPS:
        if step.needs is not None:
            if characters is None:
                characters = "".join(set(doc.text))
            if not step.may_change(characters):
                continue
        focus: Focus = None
        for _ in range(1 + MAX_REPEATS):  # a pass over the text, then looks again
            before = doc
            edits = _listed(step.edits(doc.text, focus))
            if focus is None:
                atoms = getattr(edits, "atoms", None) or atoms
            doc, atoms = _edited(doc, edits, step.name, atoms)
            if characters is not None and doc is not before:
                characters = step.characters_after(characters, edits)
            recheck = getattr(edits, "recheck", None)
            if not recheck:
                break
            focus = _moved(edits, recheck)
    if atoms is not None:  # the spacing step read them: tokens need not scan again
        known = atoms
        doc.memo("atoms", lambda _: known)
    return doc


def _listed(edits: Iterable[Edit]) -> list[Edit]:
    return edits if isinstance(edits, list) else list(edits)


def _edited(
    doc: NormalizedText, edits: list[Edit], step: str, atoms: list[_atoms.Atom] | None
) -> tuple[NormalizedText, list[_atoms.Atom] | None]:
    """``doc`` with ``edits`` applied, and its atoms brought up to date (scanning again
    only around the edits)."""
    edited = doc.edited(edits, step)
    if atoms is not None and edited is not doc:
        atoms = _atoms.updated(atoms, doc.text, edits, edited.text)
    return edited, atoms


def _moved(edits: Iterable[Edit], positions: list[int]) -> list[int]:
    """Where ``positions`` of a text stand once ``edits`` are applied to it."""
    moved = []
    shift = 0
    pending = iter(sorted(positions))
    position = next(pending, None)
    for begin, end, replacement in edits:
        while position is not None and position <= begin:
            moved.append(position + shift)
            position = next(pending, None)
        shift += len(replacement) - (end - begin)
    while position is not None:
        moved.append(position + shift)
        position = next(pending, None)
    return moved
