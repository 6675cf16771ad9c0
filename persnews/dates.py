"""Dates in running text: find every date expression and resolve it to a value.

Each expression is found by a named rule (``DateMention.rule`` says which),
on the normalized text, and reported with offsets into the ORIGINAL text.
Relative expressions (``دیروز``, ``روز دوشنبه``) are resolved against the
publication date given as ``published``; without it they are still found, with
``value`` None — never today's date.

>>> from persnews.dates import find_dates
>>> for m in find_dates("در چهارم آبان ۱۳۹۹ و 9 نوامبر 2020"):
...     print(m.text, m.value, m.rule)
چهارم آبان ۱۳۹۹ 2020-10-25 jalali_day_month_year
9 نوامبر 2020 2020-11-09 gregorian_day_month_year
>>> [(m.text, str(m.value)) for m in find_dates("روز دوشنبه گفت", published="2021-11-23")]
[('روز دوشنبه', '2021-11-22')]
"""

from __future__ import annotations

import datetime
import functools
from bisect import bisect_left
from collections.abc import Callable, Mapping
from typing import Final

import regex

from persnews._datetext import (
    ERAS,
    GREGORIAN_MONTHS,
    WEEKDAYS,
    Calendar,
    day_words,
    fold,
    month_keys,
    month_names,
    trie_pattern,
    weekday_keys,
)
from persnews.calendar import HijriDate, JalaliDate, reference_date
from persnews.errors import InvalidDateError
from persnews.model import DateMention
from persnews.normalize import as_document
from persnews.numbers import ONES, parse_number
from persnews.text import NormalizedText

__all__ = ["GREGORIAN_MONTHS", "DateMention", "Rule", "find_dates", "rules"]

#: month names that are also common words («مه» fog, «می» the verb prefix): only read
#: as months next to a day number
_AMBIGUOUS_MONTHS: Final = frozenset({"مه", "می"})
#: relative day words → days from the publication date
RELATIVE_DAYS: Final[Mapping[str, int]] = {
    "امروز": 0,
    "امشب": 0,
    "امروزصبح": 0,
    "دیروز": -1,
    "دیشب": -1,
    "پریروز": -2,
    "پریشب": -2,
    "فردا": 1,
    "فرداشب": 1,
    "پسفردا": 2,
}
#: words after a weekday that put it in the past or the future
_PAST: Final = frozenset({"گذشته", "قبل", "پیش", "اخیر"})
_FUTURE: Final = frozenset({"آینده", "بعد", "دیگر", "آتی"})


#: future-tense cues in the rest of a sentence, for a bare weekday
@functools.cache
def _future_cues() -> regex.Pattern[str]:
    return regex.compile(r"(?<!\w)(?:خواهد|خواهند|خواهیم|قرار\s+است|آینده)(?!\w)")


_W: Final = r"(?<![\w\d])"  # a word starts here (ZWNJ is a word character for regex)
_E: Final = r"(?![\w\d])"  # a word ends here


def _alternation(names: list[str]) -> str:
    """One pattern for ``names`` (a trie), a half-space matching a space or nothing."""
    return trie_pattern(regex.escape(n).replace("\u200c", "[\u200c ]?") for n in set(names))


@functools.cache
def _month_pattern(calendar: Calendar, unambiguous: bool) -> str:
    names, variants = month_names(calendar)
    spelled = list(names) + list(variants)
    if calendar == "hijri":  # «ربیع‌الاول» is also written «ربیع الاول»
        spelled += [name.replace("\u200c", " ") for name in spelled]
    if unambiguous:
        spelled = [name for name in spelled if fold(name) not in _AMBIGUOUS_MONTHS]
    return _alternation(spelled)


@functools.cache
def _day_pattern() -> str:
    # day words are folded (no spaces): «بیستویکم» matches «بیست و یکم»
    words = trie_pattern(_spaced(word) for word in day_words())
    return rf"(?:\d{{1,2}}(?:ام|م)?|{words})"


def _spaced(folded: str) -> str:
    """A folded day word as a pattern: «بیستویکم» matches «بیست و یکم», «بیست‌ویکم» …"""
    for tens in ("بیست", "سی"):
        if folded.startswith(tens + "و") and len(folded) > len(tens) + 1:
            rest = folded[len(tens) + 1 :]
            return rf"{tens}[\u200c ]?و[\u200c ]?{regex.escape(rest)}"
    if folded.startswith("سی") and folded.endswith("ام"):  # «سی‌ام», «سی ام», «سیام»
        return r"سی[\u200c ]?ام"
    return regex.escape(folded)


def _day_value(text: str) -> int | None:
    digits = text.rstrip("ام")
    if digits.isdigit():
        return int(digits)
    return day_words().get(fold(text))


# -- rules --------------------------------------------------------------------------------

Resolve = Callable[["Match", datetime.date | None], "Found"]


class Found:
    """What a rule's resolver says: the value (or None and why), kind and precision."""

    __slots__ = ("calendar", "end_value", "kind", "precision", "reason", "time", "value")

    def __init__(
        self,
        value: datetime.date | None,
        *,
        calendar: str,
        precision: str = "day",
        kind: str = "date",
        end_value: datetime.date | None = None,
        reason: str | None = None,
    ) -> None:
        self.value = value
        self.calendar = calendar
        self.precision = precision
        self.kind = kind
        self.end_value = end_value
        self.reason = reason
        self.time: datetime.time | None = None


class Match:
    """A rule's match on the normalized text."""

    __slots__ = ("groups", "sentence_rest")

    def __init__(self, groups: dict[str, str | None], sentence_rest: str) -> None:
        self.groups = groups
        self.sentence_rest = sentence_rest


class Rule:
    """A named pattern and how to resolve what it matches."""

    __slots__ = ("compiled", "name", "pattern", "resolve")

    def __init__(self, name: str, pattern: str, resolve: Resolve) -> None:
        self.name = name
        self.pattern = pattern
        self.resolve = resolve
        self.compiled = regex.compile(pattern, regex.VERSION1)

    def __repr__(self) -> str:
        return f"Rule({self.name!r})"


def _year(text: str, calendar: Calendar, published: datetime.date | None) -> int:
    """A written year; two-digit years are the nearest such year to publication."""
    year = int(text)
    if len(text) > 2:
        return year
    anchor = _year_at(calendar, published)
    century = anchor - anchor % 100
    candidates = (century - 100 + year, century + year, century + 100 + year)
    return min(candidates, key=lambda c: (abs(c - anchor), c))


#: the year two-digit years are read near when there is no publication date
_DEFAULT_YEARS: Final[Mapping[Calendar, int]] = {"jalali": 1400, "hijri": 1445, "gregorian": 2020}


def _year_at(calendar: Calendar, published: datetime.date | None) -> int:
    """The publication date's year on ``calendar``."""
    if published is None:
        return _DEFAULT_YEARS[calendar]
    if calendar == "jalali":
        return JalaliDate.from_gregorian(published).year
    if calendar == "hijri":
        return HijriDate.from_gregorian(published).year
    return published.year


def _to_date(calendar: Calendar, year: int, month: int, day: int) -> datetime.date:
    if calendar == "jalali":
        return JalaliDate(year, month, day).to_gregorian()
    if calendar == "hijri":
        return HijriDate(year, month, day).to_gregorian()
    return datetime.date(year, month, day)


def _absolute(calendar: Calendar) -> Resolve:
    def resolve(match: Match, published: datetime.date | None) -> Found:
        groups = match.groups
        calendar_here = _era(groups.get("era")) or calendar
        month = month_keys(calendar_here).get(fold(groups["month"] or ""))
        raw_day = groups.get("day")
        day = _day_value(raw_day) if raw_day else None
        if month is None:
            return Found(None, calendar=calendar_here, reason="unknown month name")
        if groups.get("year"):
            year = _year(groups["year"] or "", calendar_here, published)
        elif published is None:
            return Found(None, calendar=calendar_here, reason="no year and no publication date")
        else:
            year = _nearest_year(calendar_here, month, day or 1, published)
        if day is None:
            try:
                first = _to_date(calendar_here, year, month, 1)
            except (InvalidDateError, ValueError) as error:
                return Found(None, calendar=calendar_here, precision="month", reason=str(error))
            return Found(first, calendar=calendar_here, precision="month")
        try:
            value = _to_date(calendar_here, year, month, day)
        except (InvalidDateError, ValueError) as error:
            return Found(None, calendar=calendar_here, reason=str(error))
        weekday = groups.get("weekday")
        if weekday:
            expected = weekday_keys().get(fold(weekday))
            if expected is not None and expected != (value.toordinal() + 1) % 7:
                actual = WEEKDAYS[(value.toordinal() + 1) % 7]
                reason = f"the text says {weekday}, but the date is a {actual}"
                return Found(value, calendar=calendar_here, reason=reason)
        return Found(value, calendar=calendar_here)

    return resolve


def _era(text: str | None) -> Calendar | None:
    if not text:
        return None
    return ERAS.get(fold(text).replace(".", ""))


def _nearest_year(calendar: Calendar, month: int, day: int, published: datetime.date) -> int:
    """The year that puts ``day month`` nearest to the publication date."""
    anchor = _year_at(calendar, published)
    best, distance = anchor, None
    for year in (anchor - 1, anchor, anchor + 1):
        try:
            value = _to_date(calendar, year, month, min(day, 29))
        except (InvalidDateError, ValueError):
            continue
        gap = abs((value - published).days)
        if distance is None or gap < distance:
            best, distance = year, gap
    return best


def _numeric(match: Match, published: datetime.date | None) -> Found:
    groups = match.groups
    first, second, third = (groups["a"] or ""), (groups["b"] or ""), (groups["c"] or "")
    year = int(first)
    if len(first) == 2 and year <= 31 < int(third):  # «27/3/66»: the day comes first
        swapped = {**groups, "a": third, "c": first}
        return _numeric_day_first(Match(swapped, match.sentence_rest), published)
    calendar: Calendar = "gregorian" if year >= 1700 else "jalali"
    if len(first) == 2:
        calendar = "jalali"
        year = _year(first, "jalali", published)
    try:
        value = _to_date(calendar, year, int(second), int(third))
    except (InvalidDateError, ValueError) as error:
        return Found(None, calendar=calendar, reason=str(error))
    return Found(value, calendar=calendar)


def _year_only(match: Match, published: datetime.date | None) -> Found:
    groups = match.groups
    text = groups["year"] or ""
    calendar = _era(groups.get("era")) or _calendar_of_year(int(text))
    year = _year(text, calendar, published)
    try:
        value = _to_date(calendar, year, 1, 1)
    except (InvalidDateError, ValueError) as error:
        return Found(None, calendar=calendar, precision="year", reason=str(error))
    return Found(value, calendar=calendar, precision="year")


def _calendar_of_year(year: int) -> Calendar:
    return "gregorian" if year >= 1700 else "jalali"


def _relative_day(match: Match, published: datetime.date | None) -> Found:
    offset = RELATIVE_DAYS[fold(match.groups["word"] or "")]
    if published is None:
        return Found(None, calendar="relative", reason="no publication date")
    return Found(published + datetime.timedelta(days=offset), calendar="relative")


def _weekday(match: Match, published: datetime.date | None) -> Found:
    groups = match.groups
    index = weekday_keys().get(fold(groups["weekday"] or ""))
    if index is None:
        return Found(None, calendar="relative", reason="unknown weekday")
    if published is None:
        return Found(None, calendar="relative", reason="no publication date")
    direction = groups.get("direction")
    here = (published.toordinal() + 1) % 7
    if direction and fold(direction) in _FUTURE:
        days = (index - here) % 7 or 7
    elif direction and fold(direction) in _PAST:
        days = -((here - index) % 7 or 7)
    elif _future_cues().search(match.sentence_rest):
        days = (index - here) % 7
    else:  # past-tense reporting: the nearest such day not after publication
        days = -((here - index) % 7)
    return Found(published + datetime.timedelta(days=days), calendar="relative")


#: parts of the day after a clock time, and whether they mean the afternoon
_DAY_PARTS: Final[Mapping[str, bool]] = {
    "بامداد": False,
    "صبح": False,
    "ظهر": True,
    "بعدازظهر": True,
    "بعد از ظهر": True,
    "عصر": True,
    "شب": True,
}
#: an unspecified count, as in «چند روز پیش»: found, without a value
_SOME: Final = "چند"


def _count_words() -> str:
    """Number words for small counts («سه روز پیش»), from :mod:`persnews.numbers`."""
    words = [word for word, n in ONES.items() if n] + ["ده", _SOME]
    return "|".join(sorted(words, key=len, reverse=True))


def _numeric_day_first(match: Match, published: datetime.date | None) -> Found:
    groups = match.groups
    year_text, month_text, day_text = groups["a"] or "", groups["b"] or "", groups["c"] or ""
    year, first, second = int(year_text), int(day_text), int(month_text)
    if len(year_text) == 2 or year < 1700:
        calendar: Calendar = "jalali"
        year = _year(year_text, "jalali", published) if len(year_text) == 2 else year
        day, month = first, second
    else:
        calendar = "gregorian"
        if first > 12 >= second:
            day, month = first, second
        elif second > 12 >= first:
            day, month = second, first  # month first, as in the US
        else:
            return Found(None, calendar=calendar, reason="day and month could be either way")
    try:
        value = _to_date(calendar, year, month, day)
    except (InvalidDateError, ValueError) as error:
        return Found(None, calendar=calendar, reason=str(error))
    return Found(value, calendar=calendar)


def _relative_period(match: Match, published: datetime.date | None) -> Found:
    groups = match.groups
    word = groups.get("word")
    unit = groups.get("unit") or "سال"
    when = groups.get("when") or ""
    if word == "امسال":
        step = 0
    elif word == "پارسال" or when in {"گذشته", "قبل", "پیش", "اخیر"}:
        step = -1
    elif when in {"آینده", "بعد", "آتی"}:
        step = 1
    else:  # جاری, این
        step = 0
    precision = {"هفته": "week", "ماه": "month", "سال": "year"}[unit]
    if published is None:
        return Found(None, calendar="relative", precision=precision, reason="no publication date")
    today = JalaliDate.from_gregorian(published)
    if unit == "هفته":  # the Persian week starts on Saturday
        start = (
            published - datetime.timedelta(days=today.weekday()) + datetime.timedelta(weeks=step)
        )
        return Found(start, calendar="relative", precision="week")
    if unit == "ماه":
        index = today.year * 12 + today.month - 1 + step
        start = JalaliDate(index // 12, index % 12 + 1, 1).to_gregorian()
        return Found(start, calendar="relative", precision="month")
    return Found(
        JalaliDate(today.year + step, 1, 1).to_gregorian(), calendar="relative", precision="year"
    )


def _counted(match: Match, published: datetime.date | None) -> Found:
    groups = match.groups
    text = groups["count"] or ""
    count = int(text) if text.isdigit() else 0 if text == _SOME else int(parse_number(text))
    unit = groups["unit"] or ""
    sign = -1 if groups["when"] in {"پیش", "قبل", "گذشته"} else 1
    days = {"روز": 1, "هفته": 7}.get(unit)
    precision = {"روز": "day", "هفته": "week", "ماه": "month", "سال": "year"}.get(unit, "year")
    if count == 0:
        return Found(None, calendar="relative", precision=precision, reason="no exact count")
    if published is None:
        return Found(None, calendar="relative", precision=precision, reason="no publication date")
    if days is not None:
        return Found(
            published + datetime.timedelta(days=sign * count * days),
            calendar="relative",
            precision=precision,
        )
    today = JalaliDate.from_gregorian(published)
    if unit == "ماه":
        index = today.year * 12 + today.month - 1 + sign * count
        value = JalaliDate(index // 12, index % 12 + 1, 1).to_gregorian()
        return Found(value, calendar="relative", precision="month")
    if unit == "سال":
        value = JalaliDate(today.year + sign * count, 1, 1).to_gregorian()
        return Found(value, calendar="relative", precision="year")
    return Found(None, calendar="relative", precision=precision, reason=f"a count of {unit}s")


def _clock(match: Match, published: datetime.date | None) -> Found:
    groups = match.groups
    hour, minute = int(groups["hour"] or 0), int(groups["minute"] or 0)
    part = groups.get("part")
    if part and _DAY_PARTS.get(part) and hour < 12:
        hour += 12
    found = Found(None, calendar="relative", kind="time")
    if not (0 <= hour <= 24 and 0 <= minute < 60):
        found.reason = "not a time of day"
        return found
    found.time = datetime.time(hour % 24, minute)
    return found


@functools.cache
def rules() -> tuple[Rule, ...]:
    """The rules, in priority order (longer, more specific first), built once."""
    day = _day_pattern()
    weekday = _alternation([*WEEKDAYS, *(w.replace("\u200c", " ") for w in WEEKDAYS)])
    era = r"(?:ه\.\s?ش\.?|هجری\s+شمسی|شمسی|خورشیدی|میلادی|ه\.\s?ق\.?|هجری\s+قمری|قمری)"
    year = r"\d{4}|\d{2}"
    built = []
    calendars: tuple[Calendar, ...] = ("jalali", "gregorian", "hijri")
    for calendar in calendars:
        month = _month_pattern(calendar, unambiguous=False)
        safe = _month_pattern(calendar, unambiguous=True)
        dmy = (
            rf"{_W}(?:(?:روز\s+)?(?P<weekday>{weekday})[\s،,]+)?(?P<day>{day})\s+"
            rf"(?P<month>{month})(?:[\u200c ]?ماه)?\s+(?:سال\s+)?(?P<year>{year})"
            rf"(?:\s*(?P<era>{era}))?{_E}"
        )
        dm = (
            rf"{_W}(?:(?:روز\s+)?(?P<weekday>{weekday})[\s،,]+)?(?P<day>{day})\s+"
            rf"(?P<month>{month})(?:[\u200c ]?ماه)?{_E}"
        )
        my = (
            rf"{_W}(?:(?P<month>{safe})(?:[\u200c ]?ماه)?\s+(?:سال\s+)?(?P<year>{year})"
            rf"|(?P<month2>{month})(?:[\u200c ]?ماه)?\s+(?:سال\s+)?(?P<year2>\d{{4}}))"
            rf"(?:\s*(?P<era>{era}))?{_E}"
        )
        named_month = rf"{_W}ماه\s+(?P<month>{month}){_E}"
        resolve = _absolute(calendar)
        built += [
            Rule(f"{calendar}_day_month_year", dmy, resolve),
            Rule(f"{calendar}_month_year", my, resolve),
            Rule(f"{calendar}_day_month", dm, resolve),
            Rule(f"{calendar}_month", named_month, resolve),
        ]
    numeric = r"(?<![\d/\-.])(?P<a>\d{4}|\d{2})([/\-.])(?P<b>\d{1,2})\2(?P<c>\d{1,2})(?![\d/\-.])"
    numeric_day_first = (
        r"(?<![\d/\-.])(?P<c>\d{1,2})([/\-.])(?P<b>\d{1,2})\2(?P<a>\d{4}|\d{2})(?![\d/\-.])"
    )
    year_only = (
        rf"{_W}(?:سال\s+(?P<year>\d{{4}}|\d{{2}}(?![\d/]))(?:\s*(?P<era>{era}))?"
        rf"|(?P<year2>\d{{4}})\s*(?P<era2>{era})){_E}"
    )
    directions = "|".join(sorted(_PAST | _FUTURE))
    weekday_rule = (
        rf"{_W}(?:(?:روز\s+)?(?P<weekday>{weekday})\s+(?P<direction>{directions})"
        rf"|روز\s+(?P<weekday2>{weekday})){_E}"
    )
    relative = _alternation([*RELATIVE_DAYS, "پس‌فردا"])
    units = "روز|هفته|ماه|سال|قرن|دهه"
    periods = (
        rf"{_W}(?:(?P<unit>هفته|ماه|سال)\s+(?P<when>گذشته|قبل|پیش|جاری|آینده|بعد|آتی|اخیر)"
        rf"|(?P<when2>این)\s+(?P<unit2>هفته|ماه)|(?P<word>امسال|پارسال)){_E}"
    )
    counted = (
        rf"{_W}(?P<count>\d{{1,3}}|{_count_words()})\s+(?P<unit>{units})\s+"
        rf"(?P<when>پیش|قبل|بعد|گذشته|آینده|دیگر){_E}"
    )
    bare_weekday = rf"{_W}(?P<weekday>{weekday})(?![\w\d]|[\u200c ]سوری)"
    clock = (
        rf"{_W}(?:ساعت\s+(?P<hour>\d{{1,2}})(?::(?P<minute>\d{{2}}))?"
        rf"(?:\s+(?P<part>{'|'.join(_DAY_PARTS)}))?"
        rf"|(?P<hour2>\d{{1,2}}):(?P<minute2>\d{{2}})(?![\d:/])){_E}"
    )
    built += [
        Rule("numeric_date", numeric, _numeric),
        Rule("numeric_date_day_first", numeric_day_first, _numeric_day_first),
        Rule("counted", counted, _counted),
        Rule("relative_period", periods, _relative_period),
        Rule("time", clock, _clock),
        Rule("year", year_only, _year_only),
        Rule("weekday", weekday_rule, _weekday),
        Rule("relative_day", rf"{_W}(?P<word>{relative}){_E}", _relative_day),
        Rule("bare_weekday", bare_weekday, _weekday),
    ]
    return tuple(built)


def find_dates(text: str | NormalizedText, *, published: object = None) -> list[DateMention]:
    """Every date expression in ``text``, with offsets into the original text.

    ``published`` — a ``datetime.date``, a :class:`~persnews.JalaliDate`, or a
    string like "2021-11-23" or "1400/09/02" — resolves relative expressions
    and years left out; without it they are found with ``value`` None.

    >>> [(m.text, str(m.value), m.precision) for m in find_dates("در سال ۱۳۹۹ و دی ۱۴۰۲")]
    [('سال ۱۳۹۹', '2020-03-20', 'year'), ('دی ۱۴۰۲', '2023-12-22', 'month')]
    """
    reference = reference_date(published)  # checked first: nothing half-done
    doc = as_document(text)
    norm = doc.text
    taken: list[tuple[int, int]] = []  # sorted, non-overlapping
    found: list[DateMention] = []
    for rule in rules():
        for hit in rule.compiled.finditer(norm):
            start, end = hit.span()
            place = bisect_left(taken, (start, end))
            if (place and taken[place - 1][1] > start) or (
                place < len(taken) and taken[place][0] < end
            ):
                continue  # a mention found by an earlier rule overlaps
            groups = _merged_groups(hit)
            sentence_end = _sentence_end(norm, end)
            result = rule.resolve(Match(groups, norm[end:sentence_end]), reference)
            first, last = doc.to_original(start, end)
            taken.insert(place, (start, end))
            found.append(
                DateMention(
                    start=first,
                    end=last,
                    text=doc.original[first:last],
                    kind=result.kind,  # type: ignore[arg-type]
                    value=result.value,
                    end_value=result.end_value,
                    precision=result.precision,  # type: ignore[arg-type]
                    calendar=result.calendar,  # type: ignore[arg-type]
                    time=result.time,
                    rule=rule.name,
                    reason=result.reason,
                )
            )
    found.sort(key=lambda m: (m.start, m.end))
    return found


def _merged_groups(hit: regex.Match[str]) -> dict[str, str | None]:
    """Named groups, with ``name2``/``name3`` alternatives folded into ``name``."""
    groups: dict[str, str | None] = {}
    for name, value in hit.groupdict().items():
        base = name.rstrip("23")
        if value is not None or base not in groups:
            groups[base] = value if value is not None else groups.get(base)
    return groups


def _sentence_end(text: str, position: int) -> int:
    ends = [i for i in (text.find(".", position), text.find("\n", position)) if i >= 0]
    return min(ends) if ends else len(text)
