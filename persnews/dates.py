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

import contextlib
import datetime
from bisect import bisect_left
from collections.abc import Mapping
from fractions import Fraction
from typing import Final

import regex

from persnews import _patterns
from persnews._daterules import (
    RANGE_WORDS,
    RELATIVE_GREGORIAN,
    WEAK_DAY_PARTS,
    Cue,
    Found,
    Match,
    Rule,
    part_of,
    part_words,
    period_end,
    rules,
    said_weekday,
    shift_months,
    weekday_mismatch,
    year_of,
)
from persnews._datetext import GREGORIAN_MONTHS, fold
from persnews._lazy import once
from persnews.calendar import reference_date
from persnews.errors import InvalidDateError, UnsupportedDateError
from persnews.model import DateMention
from persnews.normalize import as_document
from persnews.text import NormalizedText

__all__ = ["GREGORIAN_MONTHS", "DateMention", "Rule", "find_dates", "rules"]


class _Hit:
    """A mention while it is being found: offsets into the normalized text."""

    __slots__ = ("end", "found", "rule", "start")

    def __init__(self, start: int, end: int, rule: str, found: Found) -> None:
        self.start = start
        self.end = end
        self.rule = rule
        self.found = found


def find_dates(text: str | NormalizedText, *, published: object = None) -> list[DateMention]:
    """Every date, time, duration and period expression in ``text``, with offsets
    into the original text.

    ``published`` — a ``datetime.date``, a :class:`~persnews.JalaliDate`, or a
    string like "2021-11-23" or "1400/09/02" — resolves relative expressions
    and years left out; without it they are found with ``value`` None.

    >>> [(m.text, str(m.value), m.precision) for m in find_dates("در سال ۱۳۹۹ و دی ۱۴۰۲")]
    [('سال ۱۳۹۹', '2020-03-20', 'year'), ('دی ۱۴۰۲', '2023-12-22', 'month')]
    >>> found = find_dates("از ۱۰ تا ۱۵ مهر ۱۴۰۲")
    >>> [(m.text, m.kind, str(m.value), str(m.end_value)) for m in found]
    [('از ۱۰ تا ۱۵ مهر ۱۴۰۲', 'range', '2023-10-02', '2023-10-07')]
    >>> [(m.text, m.kind, m.duration) for m in find_dates("پس از یک سال و نیم")]
    [('یک سال و نیم', 'duration', 'P1Y6M')]
    """
    reference = reference_date(published)  # checked first: nothing half-done
    doc = as_document(text)
    norm = doc.text
    hits = _joined(norm, _scanned(norm, reference), reference)
    found = []
    for hit in hits:
        result = hit.found
        first, last = doc.to_original(hit.start, hit.end)
        end_value = result.end_value
        if end_value is None and result.kind == "date" and result.precision != "day":
            end_value = period_end(result)
        found.append(
            DateMention(
                start=first,
                end=last,
                text=doc.original[first:last],
                kind=result.kind,  # type: ignore[arg-type]
                value=result.value,
                end_value=end_value,
                precision=result.precision,  # type: ignore[arg-type]
                calendar="relative"  # counted on the Gregorian calendar, but relative
                if result.calendar == RELATIVE_GREGORIAN
                else result.calendar,  # type: ignore[arg-type]
                time=result.time,
                duration=result.duration,
                rule=hit.rule,
                reason=result.reason,
            )
        )
    return found


def _scanned(norm: str, reference: datetime.date | None) -> list[_Hit]:
    """What the rules find, earlier rules first, none overlapping; in text order."""
    taken: list[tuple[int, int]] = []  # sorted, non-overlapping
    hits: list[_Hit] = []
    seen: dict[str | Cue, bool] = {}  # the rules' keywords and cues, found in ``norm`` or not
    for rule in rules():
        scanner = rule.scanner(norm, seen)
        if scanner is None:
            continue  # the text lacks a word every match of the rule has
        for match in scanner.finditer(norm):
            start, end = match.span()
            place = bisect_left(taken, (start, end))
            if (place and taken[place - 1][1] > start) or (
                place < len(taken) and taken[place][0] < end
            ):
                continue  # a mention found by an earlier rule overlaps
            taken.insert(place, (start, end))
            groups = _merged_groups(match)
            rest = norm[end : _sentence_end(norm, end)]
            items = match.spans(rule.split) if rule.split else []
            if len(items) < 2:
                found = _resolved(rule, Match(groups, rest), reference)
                hits.append(_Hit(start, end, found.rule or rule.name, found))
                continue
            split = rule.split or ""
            texts = match.captures(split)
            for index, ((item_start, item_end), item) in enumerate(zip(items, texts, strict=True)):
                mine: dict[str, str | None] = {**groups, split: item}
                if index:
                    mine["weekday"] = None  # «شنبه ۱ و ۲ مهر»: the weekday is the first day's
                found = _resolved(rule, Match(mine, rest), reference)
                first = start if index == 0 else item_start
                last = end if index == len(items) - 1 else item_end
                hits.append(_Hit(first, last, found.rule or rule.name, found))
    hits.sort(key=lambda hit: hit.start)
    return hits


def _resolved(rule: Rule, match: Match, reference: datetime.date | None) -> Found:
    """``rule.resolve``, with a date beyond ``datetime.date``'s years 1..9999 («۹۰۰۰
    سال گذشته») or the calendar's tables found without a value instead of an error."""
    try:
        return rule.resolve(match, reference)
    except OverflowError:
        return Found(None, calendar="relative", reason="beyond the years 1..9999")
    except UnsupportedDateError as error:  # «۳۶ ماه اخیر» published in 1 Farvardin 1
        return Found(None, calendar="relative", reason=str(error))


def _merged_groups(hit: regex.Match[str]) -> dict[str, str | None]:
    """Named groups, with ``name2``/``name3`` alternatives folded into ``name``."""
    groups: dict[str, str | None] = {}
    for name, value in hit.groupdict().items():
        base = name.rstrip("234")
        if value is not None or base not in groups:
            groups[base] = value if value is not None else groups.get(base)
    return groups


#: how far past a date its sentence is looked at (for a verb in the future tense)
_REST: Final = 500


def _sentence_end(text: str, position: int) -> int:
    """The end of the sentence ``position`` is in, at most :data:`_REST` characters on
    (unbounded, a text of dates with no full stop was quadratic)."""
    stop = min(len(text), position + _REST)
    ends = [i for i in (text.find(".", position, stop), text.find("\n", position, stop)) if i >= 0]
    return min(ends) if ends else stop


# -- joining neighbours -------------------------------------------------------------------

#: the finer precision a part of a period is given in
_FINER: Final[Mapping[str, str]] = {
    "century": "decade",
    "decade": "year",
    "year": "month",
    "season": "month",
    "month": "day",
    "week": "day",
}


@once
def _part_before() -> _patterns.Pattern:
    """A part of a period just before a mention («نیمه دوم», «اوایل», «پایان»)."""
    return _patterns.compile(rf"{part_words()}\s+(?:از\s+)?\Z", regex.VERSION1)


# \s{0,20}, not \s*: before a literal, ``regex`` looks for the literal from ``pos`` to
# the end of the string on every match() that fails, which made long texts quadratic
# (normalized text has single spaces anyway)
_RANGE_GAP: Final = _patterns.compile(rf"\s{{0,20}}(?:{RANGE_WORDS})\s*")
_FROM_BEFORE: Final = _patterns.compile(r"(?<![\w\d])(?:از|طی|بین|در\s+فاصله)\s+\Z")
_TO_NOW: Final = _patterns.compile(r"\s{0,20}تا[\u200c ]?(?:کنون|اکنون|حالا|به\s+امروز)(?![\w\d])")
_NEXT_TO: Final = _patterns.compile(r"[\s،,]*(?:[-–]\s*)?")
#: a day said again in brackets: «روز سه شنبه (۱۹ فروردین ماه)», «۱۹ فروردین (سه شنبه)»
_BRACKET_OPEN: Final = _patterns.compile(r"\s*\(\s*")
_BRACKET_CLOSE: Final = _patterns.compile(r"\s*\)")
_RELATIVE_RULES: Final = frozenset({"relative_day", "weekday", "bare_weekday"})


def _joined(norm: str, hits: list[_Hit], published: datetime.date | None) -> list[_Hit]:
    """Join neighbours: a part of a period, a date and its time, a range, a checked day."""
    hits = [_with_part(norm, hit) for hit in hits]
    hits = _without_inner(hits)
    joined: list[_Hit] = []
    for hit in hits:
        while joined:
            merged = _merge(norm, joined[-1], hit, published)
            if merged is None:
                break
            joined.pop()
            hit = merged
        joined.append(hit)
    out = []
    for index, hit in enumerate(joined):
        if hit.found.kind == "date" and hit.found.value is not None:
            match = _TO_NOW.match(norm, hit.end)
            if match and published is not None:
                hit = _range(norm, hit, match.end(), published)
        if hit.rule == "day_part" and fold(norm[hit.start : hit.end]) in WEAK_DAY_PARTS:
            # «عصر», «شب» are times only beside a day: «عصر یکشنبه», «دوشنبه شب»
            beside = [joined[i] for i in (index - 1, index + 1) if 0 <= i < len(joined)]
            if not any(
                other.found.kind in {"date", "datetime"}
                and _NEXT_TO.fullmatch(norm, min(hit.end, other.end), max(hit.start, other.start))
                for other in beside
            ):
                continue
        out.append(hit)
    return out


def _without_inner(hits: list[_Hit]) -> list[_Hit]:
    """Drop mentions inside another (a count inside «سه‌ماهه نخست سال»)."""
    out: list[_Hit] = []
    for hit in sorted(hits, key=lambda h: (h.start, -h.end)):
        if out and hit.end <= out[-1].end:
            continue
        while out and out[-1].start >= hit.start:
            out.pop()
        out.append(hit)
    return out


def _with_part(norm: str, hit: _Hit) -> _Hit:
    found = hit.found
    finer = _FINER.get(found.precision)
    if found.kind not in {"date", "range"} or finer is None:
        return hit
    match = _part_before().search(norm, max(0, hit.start - 40), hit.start)
    meaning = None if match is None else part_of(match)
    if match is None or meaning is None:
        return hit
    end = period_end(found) if found.kind == "date" else found.end_value
    value = found.value
    part = Found(None, calendar=found.calendar, precision=finer, reason=found.reason)
    if value is not None and end is not None:
        try:
            if isinstance(meaning, bool):
                part.value = end if meaning else value
                part.precision = "day"
            else:
                shares = _share(found.calendar, found.precision, value, end, meaning)
                part.value, part.end_value = shares
                part.kind = "range"
        except (InvalidDateError, ValueError, OverflowError) as error:
            part.value, part.reason = None, str(error)
    return _Hit(match.start(), hit.end, hit.rule, part)


def _share(
    calendar: str,
    precision: str,
    value: datetime.date,
    end: datetime.date,
    shares: tuple[Fraction, Fraction],
) -> tuple[datetime.date, datetime.date]:
    """The days from ``low`` to ``high`` (shares) of a period, in whole months or years."""
    low, high = shares
    months = {"year": 12, "season": 3}.get(precision)
    years = {"decade": 10, "century": 100}.get(precision)
    if years:
        months, low, high = (
            years * 12,
            Fraction(round(years * low) * 12, years * 12),
            Fraction(round(years * high) * 12, years * 12),
        )
    if months:
        first = shift_months(calendar, value, round(months * low))
        last = shift_months(calendar, value, round(months * high)) - datetime.timedelta(days=1)
        return first, last
    days = (end - value).days + 1
    first = value + datetime.timedelta(days=round(days * low))
    last = value + datetime.timedelta(days=round(days * high) - 1)
    return first, last


def _merge(norm: str, left: _Hit, right: _Hit, published: datetime.date | None) -> _Hit | None:
    """One mention for two neighbours, or None if they stay two."""
    gap = norm[left.end : right.start]
    a, b = left.found, right.found
    if _RANGE_GAP.fullmatch(gap) and a.kind in {"date", "time"} and a.kind == b.kind:
        return _range(norm, left, right.end, b.end_value or period_end(b) or b.value, b)
    if not _NEXT_TO.fullmatch(gap):
        closing = _BRACKET_CLOSE.match(norm, right.end) if _BRACKET_OPEN.fullmatch(gap) else None
        if closing is None or not _same_day_twice(left, right):
            return None
        checked = _checked(norm, left, right)  # the bracket closed inside the mention
        return _Hit(checked.start, closing.end(), checked.rule, checked.found)
    day = {"date", "datetime"}
    if a.kind in day and b.time is not None and a.precision == "day" and a.time is None:
        return _with_time(left, right, left, right)
    if b.kind in day and a.time is not None and b.precision == "day" and b.time is None:
        return _with_time(left, right, right, left)
    if _same_day_twice(left, right):
        return _checked(norm, left, right)
    return None


def _same_day_twice(left: _Hit, right: _Hit) -> bool:
    """Whether two neighbours name one day twice: a relative day or weekday and a date
    («روز دوشنبه ۱۲ تیر»), or a relative day and a weekday («امروز دوشنبه»)."""
    a, b = left.found, right.found
    if not (a.kind == b.kind == "date" and a.precision == b.precision == "day"):
        return False
    relative = (left.rule in _RELATIVE_RULES, right.rule in _RELATIVE_RULES)
    return relative in {(True, False), (False, True)} or (
        "relative_day" in {left.rule, right.rule} and all(relative)
    )


def _range(
    norm: str, left: _Hit, end: int, end_value: datetime.date | None, right: Found | None = None
) -> _Hit:
    a = left.found
    if a.guessed_year and a.value is not None and right is not None and right.value is not None:
        # «از ۱ مهر تا ۱۵ آبان ۱۴۰۲»: the year written at the end is the start's too
        with contextlib.suppress(InvalidDateError, ValueError):
            a.value = year_of(a.calendar, a.value, right.value)
    start = left.start
    before = _FROM_BEFORE.search(norm, max(0, start - 20), start)
    if before is not None:
        start = before.start()
    found = Found(
        a.value,
        calendar=a.calendar,
        precision=a.precision,
        kind="range",
        end_value=end_value,
        reason=a.reason or (right.reason if right else None),
        time=a.time,
    )
    if a.value is not None and end_value is not None and end_value < a.value:
        found.reason = "the range ends before it begins"
    return _Hit(start, end, left.rule, found)


def _with_time(left: _Hit, right: _Hit, date: _Hit, time: _Hit) -> _Hit:
    found = Found(
        date.found.value,
        calendar=date.found.calendar,
        precision="day",
        kind="datetime" if time.found.time is not None or date.found.time else "date",
        reason=date.found.reason or time.found.reason,
        time=time.found.time or date.found.time,
    )
    return _Hit(left.start, right.end, date.rule, found)


def _checked(norm: str, left: _Hit, right: _Hit) -> _Hit:
    """«امروز دوم شهریور», «امروز دوشنبه»: one day, said twice; a disagreement is reported."""
    if left.rule == "relative_day" or (
        right.rule != "relative_day" and left.rule in _RELATIVE_RULES
    ):
        relative, other = left, right
    else:
        relative, other = right, left
    if other.rule in _RELATIVE_RULES:  # «امروز دوشنبه»: today's day, said by its weekday
        value, weekday, said = relative.found.value, other.found.weekday, other
    else:  # «امروز دوم شهریور», «یکشنبه‌شب ۹۵.۹.۷»: the written date, checked
        value, weekday, said = other.found.value, relative.found.weekday, relative
    found = Found(
        value,
        calendar=other.found.calendar,
        reason=other.found.reason or relative.found.reason,
    )
    words = norm[said.start : said.end]
    if value is not None and weekday is not None and other.rule in _RELATIVE_RULES:
        # the weekday is what the writer wrote; «امروز» is the day the article came out
        relative_words = norm[relative.start : relative.end]
        found.value, mismatch = said_weekday(weekday, words, relative_words, value)
        found.reason = mismatch or found.reason
    elif value is not None and weekday is not None:
        found.reason = weekday_mismatch(weekday, words, value) or found.reason
    elif value is not None and said.found.value not in (None, value):
        found.reason = f"the text says {words} ({said.found.value}), but the date is {value}"
    return _Hit(left.start, right.end, other.rule, found)
