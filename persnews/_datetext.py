"""Names of months and weekdays, day words, and reading one date string.

Shared by :class:`~persnews.JalaliDate` and :class:`~persnews.HijriDate`.
These are closed lists, so they are typed constants here (house style), not
data files.  Finding dates in running text is :mod:`persnews.dates`' job;
this reads one date string that is nothing but a date.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Final, Literal

from persnews import _patterns
from persnews._lazy import once

__all__ = [
    "ERAS",
    "GREGORIAN_MONTHS",
    "HIJRI_MONTHS",
    "JALALI_MONTHS",
    "WEEKDAYS",
    "Calendar",
    "Digits",
    "day_words",
    "fold",
    "month_keys",
    "month_names",
    "parse_parts",
    "to_digits",
    "weekday_keys",
]

ZWNJ: Final = "\u200c"

#: Jalali months, Farvardin first
JALALI_MONTHS: Final = (
    "فروردین",
    "اردیبهشت",
    "خرداد",
    "تیر",
    "مرداد",
    "شهریور",
    "مهر",
    "آبان",
    "آذر",
    "دی",
    "بهمن",
    "اسفند",
)
#: other spellings of Jalali months (keys are folded, see :func:`fold`)
JALALI_VARIANTS: Final[Mapping[str, int]] = {
    "امرداد": 5,
    "اردبهشت": 2,
    "ابان": 8,  # without the madda, as «أذر» and «ابان» are often typed
    "اذر": 9,
}

#: Hijri-lunar months, Muharram first, as Iranian calendars spell them
HIJRI_MONTHS: Final = (
    "محرم",
    "صفر",
    "ربیع‌الاول",
    "ربیع‌الثانی",
    "جمادی‌الاول",
    "جمادی‌الثانی",
    "رجب",
    "شعبان",
    "رمضان",
    "شوال",
    "ذی‌القعده",
    "ذی‌الحجه",
)
#: other spellings of Hijri-lunar months (a half-space where a space may be written)
HIJRI_VARIANTS: Final[Mapping[str, int]] = {
    "محرمالحرام": 1,
    "صفرالمظفر": 2,
    "ربیع‌اول": 3,
    "ربیع‌ثانی": 4,
    "جمادی‌اول": 5,
    "جمادی‌ثانی": 6,
    "ربیعالآخر": 4,
    "ربیعالاخر": 4,
    "ربیعالثانیه": 4,
    "جمادیالاولی": 5,
    "جمادیالآخر": 6,
    "جمادیالاخر": 6,
    "جمادیالآخره": 6,
    "جمادیالاخره": 6,
    "جمادیالثانیه": 6,
    "رجبالمرجب": 7,
    "شعبانالمعظم": 8,
    "رمضانالمبارک": 9,
    "شواللمکرم": 10,
    "شوالالمکرم": 10,
    "ذیقعده": 11,
    "ذوالقعده": 11,
    "ذوالقعدة": 11,
    "ذیحجه": 12,
    "ذوالحجه": 12,
    "ذوالحجة": 12,
}

#: Gregorian months as Persian writes them (CLDR's Persian names)
GREGORIAN_MONTHS: Final = (
    "ژانویه",
    "فوریه",
    "مارس",
    "آوریل",
    "مه",
    "ژوئن",
    "ژوئیه",
    "اوت",
    "سپتامبر",
    "اکتبر",
    "نوامبر",
    "دسامبر",
)
#: other spellings of Gregorian months (folded keys)
GREGORIAN_VARIANTS: Final[Mapping[str, int]] = {
    "ژانویهٔ": 1,
    "فبریه": 2,
    "آپریل": 4,
    "اپریل": 4,
    "می": 5,
    "جون": 6,
    "ژوين": 6,
    "جولای": 7,
    "ژوییه": 7,
    "آگوست": 8,
    "اگوست": 8,
    "اوت": 8,
    "سپتامبر": 9,
    "اکتبر": 10,
    "نوامبر": 11,
    "دسامبر": 12,
}

Calendar = Literal["jalali", "gregorian", "hijri"]

#: words after a year that say which calendar it is (folded, dots removed)
ERAS: Final[Mapping[str, Calendar]] = {
    "هش": "jalali",
    "هجریشمسی": "jalali",
    "شمسی": "jalali",
    "خورشیدی": "jalali",
    "هجریخورشیدی": "jalali",
    "میلادی": "gregorian",
    "م": "gregorian",
    "هق": "hijri",
    "هجریقمری": "hijri",
    "قمری": "hijri",
    "ق": "hijri",
}

#: the Persian week, Saturday (شنبه) first
WEEKDAYS: Final = ("شنبه", "یکشنبه", "دوشنبه", "سه‌شنبه", "چهارشنبه", "پنجشنبه", "جمعه")

Digits = Literal["persian", "latin"]
DIGIT_SCRIPTS: Final = ("persian", "latin")
_TO_PERSIAN: Final = str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹")
_TO_LATIN: Final = str.maketrans("۰۱۲۳۴۵۶۷۸۹٠١٢٣٤٥٦٧٨٩", "01234567890123456789")

#: letters folded to their Persian form, and marks dropped, before names are looked up
_FOLD: Final = str.maketrans(
    {
        "ي": "ی",
        "ى": "ی",
        "ك": "ک",
        "ة": "ه",
        "ۀ": "ه",
        "أ": "ا",
        "إ": "ا",
        "ٱ": "ا",
        "ـ": None,
        ZWNJ: None,
        " ": None,
        **{chr(mark): None for mark in range(0x064B, 0x0653)},
    }
)


def fold(name: str) -> str:
    """A name as looked up: Persian letters, no marks, no spaces or half-spaces."""
    return name.translate(_FOLD)


def to_digits(number: int, digits: Digits, width: int = 0) -> str:
    """``number`` in Persian or Latin digits, zero-padded to ``width``."""
    text = f"{number:0{width}d}"
    return text.translate(_TO_PERSIAN) if digits == "persian" else text


@once
def day_words() -> dict[str, int]:
    """Day numbers 1..31 written as words, cardinal and ordinal (folded keys).

    Made from the number words of :mod:`persnews.numbers` (spoken spellings
    such as «هیجده» included), so both read the same words.
    """
    from persnews.numbers import FIRST, ONES, TEENS, TENS  # numbers imports this module

    cardinals = [(word, n) for word, n in (*ONES.items(), *TEENS.items(), *TENS.items())]
    cardinals += [
        (f"{tens} و {ones}", t + o) for tens, t in TENS.items() for ones, o in ONES.items() if o
    ]
    words: dict[str, int] = {}
    for cardinal, number in cardinals:
        if not 1 <= number <= 31:
            continue
        words[fold(cardinal)] = number
        if cardinal.endswith("سه"):
            ordinal = cardinal[:-2] + "سوم"
        elif cardinal.endswith("سی"):
            ordinal = cardinal + "ام"
        else:
            ordinal = cardinal + "م"
        words[fold(ordinal)] = number
    words.update({fold(word): 1 for word in FIRST})
    return words


def month_names(calendar: Calendar) -> tuple[tuple[str, ...], Mapping[str, int]]:
    """A calendar's month names, first month first, and their other spellings."""
    if calendar == "jalali":
        return JALALI_MONTHS, JALALI_VARIANTS
    if calendar == "hijri":
        return HIJRI_MONTHS, HIJRI_VARIANTS
    return GREGORIAN_MONTHS, GREGORIAN_VARIANTS


@once
def month_keys(calendar: Calendar) -> dict[str, int]:
    """Folded month names (and variants) → month number."""
    names, variants = month_names(calendar)
    keys = {fold(name): number for number, name in enumerate(names, 1)}
    keys.update({fold(name): number for name, number in variants.items()})
    return keys


@once
def weekday_keys() -> dict[str, int]:
    """Folded weekday names → day of the Persian week (Saturday = 0)."""
    return {fold(name): index for index, name in enumerate(WEEKDAYS)}


_NUMERIC: Final = _patterns.compile(r"(\d{1,4})\s*([/\-.])\s*(\d{1,2})\s*\2\s*(\d{1,2})")
_SEPARATORS: Final = str.maketrans({"،": " ", ",": " "})


def parse_parts(text: str, calendar: Calendar) -> tuple[int, int, int, int | None] | None:
    """Read ``(year, month, day, weekday or None)`` from one date string, or None.

    Numeric dates are year first (``1399/08/04``, ``۱۳۹۹-۰۸-۰۴``); written
    ones are day, month name, year (``۴ آبان ۱۳۹۹``, ``چهارم آبان ماه ۱۳۹۹``),
    optionally after a weekday and before an era (``ه.ش.``, ``هجری قمری``);
    the weekday is returned Saturday = 0.
    """
    text = " ".join(text.translate(_TO_LATIN).split())
    numeric = _NUMERIC.fullmatch(text)
    if numeric:
        year, _, month, day = numeric.groups()
        return int(year), int(month), int(day), None
    words = text.translate(_SEPARATORS).split()
    months = month_keys(calendar)
    for first in range(1, len(words)):
        for last in range(first + 1, min(first + 4, len(words)) + 1):
            key = fold("".join(words[first:last]))
            month = months.get(key) or (months.get(key[:-3]) if key.endswith("ماه") else None)
            if month is None:
                continue
            following = words[last:]
            if following and following[0] == "ماه":
                following = following[1:]
            if not following or not following[0].isdigit():
                continue
            era = fold("".join(following[1:])).replace(".", "")
            if era and ERAS.get(era) != calendar:
                continue
            found = _day_and_weekday(words[:first])
            if found is not None:
                return int(following[0]), month, found[0], found[1]
    return None


def _day_and_weekday(words: list[str]) -> tuple[int, int | None] | None:
    """The day (digits or words) at the end of ``words``, after an optional weekday."""
    weekdays = weekday_keys()
    for split in range(len(words)):
        day_part, weekday_part = words[split:], words[:split]
        joined = "".join(day_part)
        day = int(joined) if len(day_part) == 1 and joined.isdigit() else None
        if day is None:
            day = day_words().get(fold(joined))
        if day is None:
            continue
        if not weekday_part:
            return day, None
        weekday = weekdays.get(fold("".join(weekday_part)))
        if weekday is not None:
            return day, weekday
    return None
