"""Numbers written in words and digits: their values, and where they are in a text.

>>> from persnews import normalize
>>> from persnews.numbers import find_numbers, parse_number
>>> parse_number("بیست و سه هزار")
23000
>>> [(m.text, m.value, m.kind, m.unit) for m in find_numbers("تورم ۴۷٫۵ درصد شد")]
[('۴۷٫۵ درصد', 47.5, 'percent', 'درصد')]

Number words are a closed list, so they are typed constants here; units, currencies and
percent signs are an open list, ``persnews/data/units.tsv``, generated from CLDR by
``scripts/make_units.py``.  See ``docs/numbers.md``.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Mapping
from fractions import Fraction
from typing import Final, NamedTuple

import regex

from persnews import _data, _patterns
from persnews._datetext import fold
from persnews._lazy import once
from persnews._patterns import longest_first, trie_pattern
from persnews.errors import InvalidValueError, check_text
from persnews.model import NumberKind, NumberMention
from persnews.normalize import as_document, normalize
from persnews.text import NormalizedText

__all__ = ["find_numbers", "parse_number"]

# ---------------------------------------------------------------- closed lists

#: 0..9 (and spoken spellings)
ONES: Final[Mapping[str, int]] = {
    "صفر": 0,
    "یک": 1,
    "دو": 2,
    "سه": 3,
    "چهار": 4,
    "پنج": 5,
    "شش": 6,
    "شیش": 6,
    "هفت": 7,
    "هشت": 8,
    "نه": 9,
}
#: 10..19
TEENS: Final[Mapping[str, int]] = {
    "ده": 10,
    "یازده": 11,
    "دوازده": 12,
    "سیزده": 13,
    "چهارده": 14,
    "پانزده": 15,
    "پونزده": 15,
    "شانزده": 16,
    "شونزده": 16,
    "هفده": 17,
    "هیفده": 17,
    "هجده": 18,
    "هیجده": 18,
    "هیژده": 18,
    "هژده": 18,
    "نوزده": 19,
}
#: 20..90
TENS: Final[Mapping[str, int]] = {
    "بیست": 20,
    "سی": 30,
    "چهل": 40,
    "پنجاه": 50,
    "شصت": 60,
    "هفتاد": 70,
    "هشتاد": 80,
    "نود": 90,
}
#: 100..900 (``یکصد`` is also written ``یک‌صد`` and ``یک صد``)
HUNDREDS: Final[Mapping[str, int]] = {
    "صد": 100,
    "یکصد": 100,
    "دویست": 200,
    "سیصد": 300,
    "چهارصد": 400,
    "پانصد": 500,
    "پونصد": 500,
    "ششصد": 600,
    "هفتصد": 700,
    "هشتصد": 800,
    "نهصد": 900,
}
#: scale words, short scale: ``بیلیون`` is 10⁹ as in CLDR's «بخش در بیلیون» (ppb)
SCALES: Final[Mapping[str, int]] = {
    "هزار": 10**3,
    "میلیون": 10**6,
    "میلیارد": 10**9,
    "بیلیون": 10**9,
    "تریلیون": 10**12,
    "کوادریلیون": 10**15,
}
#: ordinal words for "first" that are not made from a cardinal
FIRST: Final = ("اول", "نخست")
#: nouns that make a verb with «دهم» ("I give"): «انجام دهم» is not "tenth"
LIGHT_VERB_NOUNS: Final = frozenset(
    {
        "انجام",
        "ادامه",
        "قرار",
        "نشان",
        "پاسخ",
        "جواب",
        "توضیح",
        "اجازه",
        "ترجیح",
        "گوش",
        "رای",
        "رأی",
        "تغییر",
        "شرح",
        "ارائه",
        "سفارش",
        "هدیه",
        "یاد",
        "فریب",
        "دست",
        "سر",
        "رخ",
        "تشخیص",
        "آموزش",
        "گزارش",
        "پیشنهاد",
        "تحویل",
        "اطلاع",
        "عادت",
        "خاتمه",
        "پایان",
        "ارجاع",
        "نجات",
        "شکست",
        "انتقال",
        "افزایش",
        "کاهش",
        "فرمان",
        "دستور",
        "سامان",
        "سوق",
    }
)
#: what a number may be, in words (for error messages)
VALID: Final = "one number in words and/or digits, e.g. «بیست و سه هزار», «۱٫۵ میلیون», «سوم»"

_ZWNJ: Final = "\u200c"
_WORD_CHAR: Final = r"[\p{L}\p{M}\p{N}\u200c_]"
_TO_LATIN: Final = str.maketrans("۰۱۲۳۴۵۶۷۸۹٠١٢٣٤٥٦٧٨٩", "01234567890123456789")
#: what may stand between the digits of one number
_SEPARATORS: Final = frozenset(".,٫٬/")

# atom kinds; the level orders the small words of one group (hundreds, tens, ones)
_ONE, _TEEN, _TEN, _HUNDRED, _SCALE, _HALF, _FIRST, _DIGITS = range(8)
_LEVEL: Final = {_HUNDRED: 3, _TEN: 2, _TEEN: 2, _ONE: 1}


class _Word(NamedTuple):
    kind: int
    value: int
    ordinal: bool


def _ordinals(word: str) -> list[str]:
    """The ordinal spellings of a cardinal word (folded): دوم، سوم، سی‌ام، دوازده‌ام."""
    if word == "سه":
        return ["سوم"]
    if word == "سی":
        return ["سیام"]
    forms = [word + "م"]
    if word.endswith(("ه", "ی")):
        forms.append(word + "ام")
    return forms


@once
def _words() -> dict[str, _Word]:
    """Folded number words (cardinal and ordinal) → what they are."""
    words: dict[str, _Word] = {}
    for kind, table in ((_ONE, ONES), (_TEEN, TEENS), (_TEN, TENS), (_HUNDRED, HUNDREDS)):
        for word, value in table.items():
            words[word] = _Word(kind, value, False)
            if value:
                for form in _ordinals(word):
                    words[form] = words[form + "ین"] = _Word(kind, value, True)
    for word, value in SCALES.items():
        words[word] = _Word(_SCALE, value, False)
        words[word + "م"] = words[word + "مین"] = _Word(_SCALE, value, True)
    words["نیم"] = _Word(_HALF, 0, False)
    for word in FIRST:
        words[word] = words[word + "ین"] = _Word(_FIRST, 1, True)
    return words


def _flexible(word: str) -> str:
    """A pattern for ``word`` that allows a half-space or space where one may be written."""
    splits = {"یکصد": "یک|صد", "سیام": "سی|ام", "سیامین": "سی|امین"}
    parts = splits.get(word)
    if parts is None and word.endswith(("ام", "امین")) and word not in {"اول", "اولین"}:
        cut = word.rindex("ام")
        parts = word[:cut] + "|" + word[cut:]
    if parts is None:
        return regex.escape(word)
    return r"[ \u200c]?".join(regex.escape(part) for part in parts.split("|"))


@once
def _units() -> dict[str, tuple[str, NumberKind, str, int]]:
    """Folded unit surface → (name, kind, code, factor), from ``data/units.tsv``."""
    header, rows = _data.table("units")
    columns = {name: index for index, name in enumerate(header)}
    units: dict[str, tuple[str, NumberKind, str, int]] = {}
    for row in rows:
        kind: NumberKind = row[columns["kind"]]  # type: ignore[assignment]
        units[fold(row[columns["surface"]])] = (
            row[columns["name"]],
            kind,
            row[columns["code"]],
            int(row[columns["factor"]]),
        )
    return units


@once
def _surfaces() -> tuple[str, ...]:
    """Unit surfaces as written in the table (not folded), longest first."""
    header, rows = _data.table("units")
    column = header.index("surface")
    return tuple(longest_first({row[column] for row in rows}))


def _alternation(words: list[str]) -> str:
    """One pattern for ``words``, as a trie so that the scanner does not try them one by one."""
    return trie_pattern(_flexible(word) for word in words)


@once
def ordinal_pattern() -> str:
    """A pattern for one ordinal number in words: «سوم», «چهل و هفتمین», «سی‌ام», «نخستین».

    For other readers of text (dates: «چهل و هفتمین روز سال»); read the value with
    :func:`parse_number`.
    """
    words = _words()
    cardinal = _alternation([w for w, info in words.items() if not info.ordinal])
    ordinal = _alternation([w for w, info in words.items() if info.ordinal])
    join = r"[ \u200c]*و[ \u200c]*"
    # bounded (an ordinal has at most 15 words before the last): unbounded, every
    # position of «دو و دو و …» scanned to the end (quadratic)
    return rf"(?:(?:{cardinal}){join}){{0,{MOST_WORDS}}}(?:{ordinal})"


@once
def _run_scanner() -> _patterns.Pattern:
    """A run of number words and digits (compiled once; :func:`parse_number` needs
    only this one of the three scanners)."""
    words = _words()
    cardinal = _alternation([w for w, info in words.items() if not info.ordinal])
    ordinal = _alternation([w for w, info in words.items() if info.ordinal and info.kind != _FIRST])
    first = _alternation([w for w, info in words.items() if info.kind == _FIRST])
    # \b is a word boundary in ``regex``, where a half-space is a word character (and it is
    # several times faster than a lookbehind for a character class)
    digits = r"(?<![#@/.,:٫٬\-])\d+(?:[.,٫٬/:\-]\d+)*(?![.,٫٬/:\-]?\d)"
    join = r"(?P<join>[ \u200c]+و[ \u200c]*|[ \u200c]*و[ \u200c]+| +)"
    card = rf"(?P<atom>{digits}|(?:{cardinal})(?![ \u200c]?ها\b))"
    ordn = rf"(?P<atom>{digits}(?:ا?مین|ام)|(?:{ordinal}))"
    run = (
        rf"\b(?:{card}(?:{join}{card})*(?:{join}{ordn})?|{ordn}"
        rf"|(?P<atom>(?:{first})(?![ \u200c]?وزیر)))"
        rf"\b"
    )
    return _patterns.compile(run, regex.VERSION1)


@once
def _scanners() -> tuple[_patterns.Pattern, _patterns.Pattern, _patterns.Pattern]:
    """URLs and tags to skip, a run of number words, a unit after a number (compiled once)."""
    skip = (
        r"(?:https?://|ftp://|www\.)[^\s«»]+"
        r"|(?<![\w.%+\-])[A-Za-z0-9._%+\-]+@[\w\-]+(?:\.[\w\-]+)+"
        r"|[#@][\p{L}\p{M}\p{N}_\u200c]+"
    )
    units = r"|".join(
        r"[ \u200c]?".join(regex.escape(part) for part in surface.replace("\u200c", " ").split(" "))
        for surface in _surfaces()
    )
    unit = rf"[ \u200c]?(?P<unit>{units})(?P<adjective>ی)?(?!{_WORD_CHAR})"
    flags = regex.VERSION1
    # two scans: one alternation of both is three times slower than the two
    return (
        _patterns.compile(skip, flags),
        _run_scanner(),
        _patterns.compile(unit, flags),
    )


# ---------------------------------------------------------------- reading atoms


class _Atom(NamedTuple):
    kind: int
    #: the number (for digits, the value; for a scale, its size)
    value: int | Fraction
    ordinal: bool
    #: written with a slash (۴۷/۵): a decimal only before a scale word or a unit
    slash: bool
    start: int
    end: int
    folded: str


@once
def _grouped() -> _patterns.Pattern:
    return _patterns.compile(r"\d{1,3}(?:([,٬])\d{3})(?:\1\d{3})*(?:[.٫]\d+)?")


#: the longest digit token read as a number, separators included (10^24 rials is far
#: more than the world's money)
_MAX_DIGITS: Final = 40

#: the most atoms (words, digit tokens) read as one number
_MOST_ATOMS: Final = 40
#: the most number words after the first in a pattern for one number (the longest
#: has 15: «نهصد و نود و نه میلیارد و …»); bounded, so that patterns stay linear
MOST_WORDS: Final = 20

#: the decimal point (or the slash of a fraction) in a digit token
_POINT: Final = _patterns.compile(r"[.٫/]")


@once
def _plain() -> _patterns.Pattern:
    return _patterns.compile(r"\d+(?:[.٫/]\d+)?")


@once
def _ordinal_suffix() -> _patterns.Pattern:
    return _patterns.compile(r"(\d)(ا?مین|ام)$")


def _digits(text: str) -> tuple[int | Fraction, bool, bool] | None:
    """(value, ordinal, slash) of a digit token, or None if it is not one number."""
    ordinal = False
    suffix = _ordinal_suffix().search(text)
    if suffix:
        text, ordinal = text[: suffix.start(2)], True
    text = text.translate(_TO_LATIN)
    if not text.isascii() and not all(c.isdigit() or c in _SEPARATORS for c in text):
        return None  # digits of a script newer than Python's Unicode tables (𞓰, U+1E4F0)
    if len(text) > _MAX_DIGITS:
        return None  # a code or a hash, not a quantity (and int() refuses 4,300 digits)
    if _plain().fullmatch(text):
        integer = _POINT.split(text)[0]
        if len(integer) > 1 and integer[0] == "0":
            return None  # a phone number, a code, a date part: «۰۹۱۲…», «۰۷»
        slash = "/" in text
        if ordinal and not text.isdigit():
            return None
        if text.isdigit():
            return int(text), ordinal, False
        return Fraction(text.replace("٫", ".").replace("/", ".")), ordinal, slash
    if _grouped().fullmatch(text) and not ordinal:
        return Fraction(text.replace(",", "").replace("٬", "").replace("٫", ".")), False, False
    return None


def _atoms(match: regex.Match[str]) -> tuple[list[_Atom | None], list[str]]:
    """The atoms of a run (None for a digit token that is not a number) and the joins."""
    words = _words()
    atoms: list[_Atom | None] = []
    for text, start, end in zip(
        match.captures("atom"), match.starts("atom"), match.ends("atom"), strict=True
    ):
        key = fold(text)
        word = words.get(key)
        if word is None:  # a digit token (regex may know more digits than str.isdigit)
            read = _digits(text)
            if read is None:
                atoms.append(None)
            else:
                atoms.append(_Atom(_DIGITS, read[0], read[1], read[2], start, end, text))
        else:
            atoms.append(_Atom(word.kind, word.value, word.ordinal, False, start, end, key))
    joins = ["and" if "و" in join else "space" for join in match.captures("join")]
    return atoms, joins


def _value(atoms: list[_Atom], joins: list[str]) -> int | Fraction | None:
    """The value of one number expression, or None if the atoms do not make one.

    ``joins[i]`` joins ``atoms[i]`` and ``atoms[i + 1]``: "and" (``و``) or "space".
    Additions need ``و`` (``بیست و سه``), multiplications a space (``سه هزار``);
    the small words of a group go down (hundreds, tens, ones); scales multiply what
    came before when they are bigger than it (``هزار میلیارد`` = 10¹²).
    """
    total: int | Fraction = 0
    group: int | Fraction | None = None  # the number below the next scale word
    level = 4  # the lowest level used in the group (hundreds 3, tens 2, ones 1, closed 0)
    last_scale = 0  # the scale last added to the total (scales must go down)
    previous: int | None = None
    needs_scale = False  # digits added after a scale word need a scale word of their own
    for index, atom in enumerate(atoms):
        join = joins[index - 1] if index else None
        kind = atom.kind
        if kind == _FIRST:
            if len(atoms) > 1:
                return None
            return 1
        if kind in _LEVEL:
            if group is None:
                if join == "space" or (join == "and" and previous != _SCALE):
                    return None
                group, level = atom.value, _LEVEL[kind]
            else:
                if join != "and" or _LEVEL[kind] >= level:
                    return None
                group += atom.value
                level = 1 if kind == _TEEN else _LEVEL[kind]
            if kind == _ONE and atom.value == 0 and len(atoms) > 1:
                return None  # «صفر» stands alone
        elif kind == _DIGITS:
            if group is not None or join == "space" or (join == "and" and previous != _SCALE):
                return None
            group, level = atom.value, 0
            # «۲ میلیون و ۵۰۰ میلیون» is one number, «۲ میلیون و ۵۰۰» two
            needs_scale = join == "and"
        elif kind == _HALF:
            if group is None or join != "and" or group.denominator != 1 or previous == _SCALE:
                return None
            group += Fraction(1, 2)
            level = 0
        else:  # a scale word
            size = int(atom.value)
            added = False  # a bare scale word after «و» can only be added
            if group is not None:
                if join == "and":
                    return None  # «بیست و هزار»
                multiplier: int | Fraction = group
            elif join is None:
                multiplier = 1  # a bare «هزار»
            elif previous != _SCALE:
                return None
            elif join == "space" and total < size:
                multiplier = 0  # «هزار میلیارد»: the total is multiplied
            elif join == "and" and size < last_scale:
                multiplier, added = 1, True  # «یک میلیون و هزار»
            else:
                return None
            if total < size and not added:
                total = (total + multiplier) * size
            elif total >= size and size < last_scale:
                total += multiplier * size
            else:
                return None
            last_scale = size
            group, level, needs_scale = None, 4, False
        previous = kind
    if needs_scale:
        return None
    return total + (group or 0)


def _number(value: int | Fraction) -> int | float:
    return int(value) if value.denominator == 1 else float(value)


# ---------------------------------------------------------------- parse_number


def parse_number(text: str) -> int | float:
    """The value of one number written in words and/or digits, cardinal or ordinal.

    Digits may be Persian, Arabic-Indic or Latin, grouped (``۱٬۲۳۴``, ``1,234``) or
    decimal (``۴۷٫۵``, ``47.5``); words may be spelled with or without half-spaces,
    with Arabic letters or in spoken forms (``هیجده``, ``پونزده``).  Whole numbers
    are ``int``, others ``float``.

    >>> parse_number("بیست و سه هزار")
    23000
    >>> parse_number("صد و بیست و پنجم"), parse_number("سی‌ام"), parse_number("نخستین")
    (125, 30, 1)
    >>> parse_number("دو و نیم میلیون"), parse_number("۱٫۵ میلیون"), parse_number("47.5")
    (2500000, 1500000, 47.5)
    >>> parse_number("ده‌ها")
    Traceback (most recent call last):
    ...
    persnews.errors.InvalidValueError: invalid text 'ده‌ها': expected one number in words and/or digits, e.g. «بیست و سه هزار», «۱٫۵ میلیون», «سوم»
    """  # noqa: E501
    check_text(text)
    norm = normalize(text).text.strip()
    match = _run_scanner().fullmatch(norm)
    if match is not None:
        atoms, joins = _atoms(match)
        if all(atom is not None for atom in atoms):
            clean = [atom for atom in atoms if atom is not None]
            value = _value(clean, joins)
            if value is not None and _slash_ok(clean, has_unit=False):
                return _number(value)
    raise InvalidValueError(field="text", value=text, valid=VALID)


def _slash_ok(atoms: list[_Atom], has_unit: bool) -> bool:
    """A slash decimal (``۴۷/۵``) counts only before a scale word or a unit."""
    for index, atom in enumerate(atoms):
        if atom.slash:
            following = atoms[index + 1] if index + 1 < len(atoms) else None
            if not (has_unit or (following is not None and following.kind == _SCALE)):
                return False
    return True


# ---------------------------------------------------------------- find_numbers


def find_numbers(text: str | NormalizedText) -> list[NumberMention]:
    """Every number in running text, with its value, kind and unit.

    Spans are offsets into the original text (``original[m.start:m.end] == m.text``).
    A percent, money or quantity mention covers the number and its unit.  Dates
    written with slashes or dots, times, phone numbers, version numbers, URLs,
    hashtags and words like «یکی», «ده‌ها», «نه» (no) are not numbers.

    >>> [(m.text, m.value, m.kind) for m in find_numbers("بیست و پنجمین نشست با ۳ هزار نفر")]
    [('بیست و پنجمین', 25, 'ordinal'), ('۳ هزار', 3000, 'cardinal')]
    >>> m = find_numbers("قیمت ۱۰۰ هزار تومان شد")[0]
    >>> m.text, m.value, m.unit, m.currency, m.base_value
    ('۱۰۰ هزار تومان', 100000, 'تومان', 'IRR', 1000000)
    >>> find_numbers("در ۱۴۰۲/۰۷/۱۵ نسخه ۳.۱.۴ آمد")
    []
    """
    doc = as_document(text)
    norm = doc.text
    if not norm.strip():
        return []
    skip_pattern, run_pattern, unit_pattern = _scanners()
    skipped = [span for match in skip_pattern.finditer(norm) for span in match.span()]
    found: list[NumberMention] = []
    for match in run_pattern.finditer(norm):
        if skipped and _inside(skipped, *match.span()):
            continue
        atoms, joins = _atoms(match)
        for first, last in _expressions(atoms, joins):
            mention = _mention(doc, atoms, joins, first, last, unit_pattern)
            # a unit may begin with a number word (سوم قرقیزستان): the unit wins
            if mention is not None and not (found and mention.start < found[-1].end):
                found.append(mention)
    return found


def _inside(skipped: list[int], start: int, end: int) -> bool:
    """Whether ``start..end`` overlaps a skipped span (``skipped``: flat, sorted bounds)."""
    index = bisect_right(skipped, start)
    return index % 2 == 1 or (index < len(skipped) and skipped[index] < end)


def _expressions(atoms: list[_Atom | None], joins: list[str]) -> list[tuple[int, int]]:
    """Cut a run of atoms into the longest number expressions, left to right."""
    result = []
    index = 0
    while index < len(atoms):
        if atoms[index] is None:
            index += 1
            continue
        # at most _MOST_ATOMS atoms: the longest number in words has 15, and trying every
        # length of «بیست و بیست و …» from each atom was cubic
        limit = min(len(atoms), index + _MOST_ATOMS)
        stop = index + 1
        while stop < limit and atoms[stop] is not None:
            stop += 1
        for end in range(stop, index, -1):
            part = [atom for atom in atoms[index:end] if atom is not None]
            if _value(part, joins[index : end - 1]) is not None:
                result.append((index, end))
                index = end
                break
        else:
            index += 1
    return result


def _mention(
    doc: NormalizedText,
    all_atoms: list[_Atom | None],
    all_joins: list[str],
    first: int,
    last: int,
    unit_pattern: _patterns.Pattern,
) -> NumberMention | None:
    atoms = [atom for atom in all_atoms[first:last] if atom is not None]
    value = _value(atoms, all_joins[first : last - 1])
    if value is None:
        return None
    norm = doc.text
    start, end = atoms[0].start, atoms[-1].end
    ordinal = atoms[-1].ordinal
    kind: NumberKind = "ordinal" if ordinal else "cardinal"
    unit = currency = base = None
    found_unit = None if ordinal else unit_pattern.match(norm, end)
    if found_unit is not None:
        name, kind, code, factor = _units()[fold(found_unit.group("unit"))]
        end = found_unit.end()
        unit = name
        if kind == "money":
            currency, base = code, _number(value * factor)
    if not _slash_ok(atoms, has_unit=unit is not None):
        return None
    if len(atoms) == 1 and unit is None and not _standalone(atoms[0], norm):
        return None
    first_char, last_char = doc.to_original(start, end)
    return NumberMention(
        first_char,
        last_char,
        doc.original[first_char:last_char],
        _number(value),
        kind,
        unit,
        currency,
        base,
    )


@once
def _previous_word() -> _patterns.Pattern:
    return _patterns.compile(r"([\p{L}\u200c]+) $", regex.VERSION1)


def _standalone(atom: _Atom, norm: str) -> bool:
    """Whether a lone word is a number here: «نه» is "no", «انجام دهم» is "I do"."""
    if atom.folded in {"نه", "نیم"}:
        return False
    if atom.folded == "دهم":
        previous = _previous_word().search(norm, max(0, atom.start - 20), atom.start)
        return previous is None or previous.group(1) not in LIGHT_VERB_NOUNS
    return True
