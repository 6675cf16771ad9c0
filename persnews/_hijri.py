"""Hijri-lunar (qamari) dates on three calendars; re-exported by :mod:`persnews.calendar`.

- ``"iran"`` — the calendar as used in Iran: month starts decided by sighting
  the crescent.  Months 1265/1 … 1447/9 AH (1848–2026) come from a table of
  observed starts (``persnews/data/hijri_iran.tsv``) that reproduces the
  Iranian calendar authority's conversions.  Months before and after it, back
  to 1200 AH and on to 1699 AH, come from an astronomical estimate of crescent
  visibility at Tehran (``hijri_iran_estimated.tsv``), and dates in them carry
  ``estimated=True``: they may be a day off.
- ``"umm_al_qura"`` — Saudi Arabia's Umm al-Qura calendar, 1343–1500 AH, from
  its published table.
- ``"tabular"`` — the arithmetic (civil, "Kuwaiti") calendar: 30-year cycle
  with leap years 2, 5, 7, 10, 13, 16, 18, 21, 24, 26 and 29, epoch
  16 July 622 (Julian); exact by definition, for 1–9665 AH.

``scripts/make_hijri_tables.py`` generates both tables.
"""

from __future__ import annotations

import datetime
from bisect import bisect_right
from typing import Any, Final, Literal, Self

from persnews import _data
from persnews._datetext import (
    HIJRI_MONTHS,
)
from persnews._day import Day, integer
from persnews._lazy import once
from persnews.errors import (
    InputTypeError,
    InvalidDateError,
    InvalidValueError,
    UnsupportedDateError,
)

__all__ = ["CALENDARS", "HijriCalendar", "HijriDate"]

HijriCalendar = Literal["iran", "umm_al_qura", "tabular"]
#: the Hijri-lunar calendars :class:`HijriDate` knows
CALENDARS: Final = ("iran", "umm_al_qura", "tabular")
#: the tabular calendar's epoch, 1 Muharram 1 AH = 16 July 622 (Julian), as an ordinal
TABULAR_EPOCH: Final = 227015
#: the tabular calendar's last supported year (datetime.date ends in 9999 CE)
_TABULAR_LAST: Final = 9665


class _Months:
    """A table of month starts: month ``k`` is year ``first + k // 12``, month ``k % 12 + 1``."""

    __slots__ = ("estimated", "first", "starts")

    def __init__(self, first: int, starts: list[int], estimated: bytes) -> None:
        self.first = first
        #: ordinal of the first day of each month, and one past the last month
        self.starts = starts
        #: 1 for months whose start or end is estimated
        self.estimated = estimated


def _read(name: str) -> dict[int, int]:
    """Month number ``year * 12 + month - 1`` → ordinal of its first day."""
    header, rows = _data.table(name)
    column = {field: index for index, field in enumerate(header)}
    return {
        int(row[column["year"]]) * 12 + int(row[column["month"]]) - 1: datetime.date.fromisoformat(
            row[column["start"]]
        ).toordinal()
        for row in rows
    }


@once
def _months(calendar: str) -> _Months:
    if calendar == "umm_al_qura":
        starts = _read("hijri_umm_al_qura")
        keys = sorted(starts)
        return _Months(keys[0] // 12, [starts[k] for k in keys], bytes(len(keys) - 1))
    observed = _read("hijri_iran")
    estimate = _read("hijri_iran_estimated")
    keys = sorted(estimate)
    merged = dict(estimate) | observed
    low, high = min(observed), max(observed)
    # walk out of the observed table, keeping every month 29 or 30 days long:
    # the estimate takes over within a month or two of the edge
    for key in range(high + 1, keys[-1] + 1):
        merged[key] = min(max(estimate[key], merged[key - 1] + 29), merged[key - 1] + 30)
    for key in range(low - 1, keys[0] - 1, -1):
        merged[key] = min(max(estimate[key], merged[key + 1] - 30), merged[key + 1] - 29)
    estimated = bytes(0 if low <= key < high else 1 for key in keys[:-1])
    return _Months(keys[0] // 12, [merged[k] for k in keys], estimated)


def _tabular_ordinal(year: int, month: int, day: int) -> int:
    return (
        TABULAR_EPOCH
        - 1
        + (year - 1) * 354
        + (3 + 11 * year) // 30
        + 29 * (month - 1)
        + month // 2
        + day
    )


def _tabular_from_ordinal(ordinal: int) -> tuple[int, int, int]:
    year = (30 * (ordinal - TABULAR_EPOCH) + 10646) // 10631
    month = min(12, (11 * (ordinal - _tabular_ordinal(year, 1, 1)) + 330) // 325)
    return year, month, ordinal - _tabular_ordinal(year, month, 1) + 1


def _tabular_leap(year: int) -> bool:
    return (14 + 11 * year) % 30 < 11


def supported_years(calendar: HijriCalendar = "iran") -> range:
    """The Hijri years a calendar converts.

    >>> supported_years("umm_al_qura")
    range(1343, 1501)
    """
    _check_calendar(calendar)
    if calendar == "tabular":
        return range(1, _TABULAR_LAST + 1)
    table = _months(calendar)
    return range(table.first, table.first + (len(table.starts) - 1) // 12)


def _check_calendar(calendar: object) -> None:
    if calendar not in CALENDARS:
        raise InvalidValueError(
            field="calendar", value=calendar, valid=" | ".join(f'"{c}"' for c in CALENDARS)
        )


def month_length(year: int, month: int, calendar: HijriCalendar = "iran") -> int:
    """Number of days in a Hijri month: 29 or 30 (and on the Umm al-Qura calendar,
    eight months of 1343–1364 AH with 28 or 31 days, as they were published).

    >>> month_length(1445, 9), month_length(1445, 9, "umm_al_qura")  # Ramadan 2024
    (29, 30)
    """
    _check_calendar(calendar)
    year, month = integer(year, "year"), integer(month, "month")
    span = supported_years(calendar)
    if year not in span:
        raise UnsupportedDateError(
            field="year",
            value=year,
            valid=f"a Hijri year in {span.start}..{span.stop - 1} on the {calendar} calendar",
        )
    if not 1 <= month <= 12:
        raise InvalidDateError(field="month", value=month, valid="1..12")
    if calendar == "tabular":
        return 30 if month % 2 or (month == 12 and _tabular_leap(year)) else 29
    table = _months(calendar)
    key = (year - table.first) * 12 + month - 1
    return table.starts[key + 1] - table.starts[key]


_new = object.__new__


class HijriDate(Day):
    """A day of a Hijri-lunar calendar: Iran's (default), Umm al-Qura or tabular.

    Immutable, hashable, and ordered among days of the same calendar.
    ``estimated`` is True where the day comes from a computed estimate rather
    than a table of observed or published month starts.

    >>> day = HijriDate(1442, 3, 12)
    >>> day.to_gregorian(), day.format()
    (datetime.date(2020, 10, 29), '۱۲ ربیع\u200cالاول ۱۴۴۲')
    >>> HijriDate.from_gregorian(datetime.date(2024, 4, 10))
    HijriDate(1445, 10, 1, calendar='iran')
    >>> HijriDate.from_gregorian(datetime.date(2024, 4, 10), calendar="umm_al_qura")
    HijriDate(1445, 10, 1, calendar='umm_al_qura')
    """

    __slots__ = ("_calendar", "_ordinal")
    MONTH_NAMES = HIJRI_MONTHS

    _calendar: HijriCalendar
    _ordinal: int

    def __init__(self, year: int, month: int, day: int, calendar: HijriCalendar = "iran") -> None:
        year, month, day = integer(year, "year"), integer(month, "month"), integer(day, "day")
        length = month_length(year, month, calendar)
        if not 1 <= day <= length:
            name = HIJRI_MONTHS[month - 1]
            raise InvalidDateError(
                field="day",
                value=day,
                valid=f"1..{length} ({name} {year} has {length} days on the {calendar} calendar)",
            )
        self._year, self._month, self._day, self._calendar = year, month, day, calendar
        if calendar == "tabular":
            self._ordinal = _tabular_ordinal(year, month, day)
        else:
            table = _months(calendar)
            self._ordinal = table.starts[(year - table.first) * 12 + month - 1] + day - 1

    @property
    def calendar(self) -> HijriCalendar:
        """``"iran"``, ``"umm_al_qura"`` or ``"tabular"``."""
        return self._calendar

    @property
    def estimated(self) -> bool:
        """True if this day's month comes from a computed estimate, not a table."""
        if self._calendar == "tabular":
            return False
        table = _months(self._calendar)
        return bool(table.estimated[(self._year - table.first) * 12 + self._month - 1])

    @property
    def days_in_month(self) -> int:
        """The length of this day's month: 29 or 30."""
        return month_length(self._year, self._month, self._calendar)

    def toordinal(self) -> int:
        """The proleptic Gregorian ordinal, as ``datetime.date.toordinal()`` counts days."""
        return self._ordinal

    def _shifted(self, days: int) -> Self:
        return self.fromordinal(self._ordinal + days, self._calendar)

    def _key(self) -> tuple[str, int]:
        return self._calendar, self._ordinal

    def _comparable(self, other: object) -> bool:
        return type(other) is type(self) and other._calendar == self._calendar

    @classmethod
    def fromordinal(cls, ordinal: int, calendar: HijriCalendar = "iran") -> Self:
        """The day with this proleptic Gregorian ordinal."""
        _check_calendar(calendar)
        ordinal = integer(ordinal, "ordinal")
        if calendar == "tabular":
            first = _tabular_ordinal(1, 1, 1)
            last = _tabular_ordinal(_TABULAR_LAST + 1, 1, 1)
            if not first <= ordinal < last:
                _outside(ordinal, first, last, calendar)
            year, month, day = _tabular_from_ordinal(ordinal)
        else:
            table = _months(calendar)
            starts = table.starts
            if not starts[0] <= ordinal < starts[-1]:
                _outside(ordinal, starts[0], starts[-1], calendar)
            key = bisect_right(starts, ordinal) - 1
            year, month, day = table.first + key // 12, key % 12 + 1, ordinal - starts[key] + 1
        new = _new(cls)
        new._year, new._month, new._day = year, month, day
        new._calendar, new._ordinal = calendar, ordinal
        return new

    @classmethod
    def from_gregorian(cls, date: datetime.date, calendar: HijriCalendar = "iran") -> Self:
        """The Hijri day of a ``datetime.date`` (or the date of a ``datetime``)."""
        if not isinstance(date, datetime.date):
            raise InputTypeError(
                argument="date", expected="a datetime.date", got=type(date).__name__
            )
        return cls.fromordinal(date.toordinal(), calendar=calendar)

    def to_jalali(self) -> Any:
        """The same day as a :class:`~persnews.JalaliDate`."""
        from persnews.calendar import JalaliDate

        return JalaliDate.fromordinal(self._ordinal)

    def __repr__(self) -> str:
        return (
            f"{type(self).__name__}({self._year}, {self._month}, {self._day},"
            f" calendar={self._calendar!r})"
        )

    @classmethod
    def parse(cls, text: str, calendar: HijriCalendar = "iran") -> Self:
        """Read one Hijri date string: ``1442/03/12``, ``۱۲ ربیع‌الاول ۱۴۴۲ ه.ق.``,
        ``دوازدهم ربیع الاول ۱۴۴۲``.

        >>> HijriDate.parse("۱۲ ربیع الاول ۱۴۴۲ ه.ق.")
        HijriDate(1442, 3, 12, calendar='iran')
        """
        example = '"1442/03/12" or "۱۲ ربیع‌الاول ۱۴۴۲"'
        year, month, day, weekday = cls._read(text, "hijri", f"a Hijri date like {example}")
        return cls(year, month, day, calendar)._check_weekday(weekday)

    def replace(
        self,
        year: int | None = None,
        month: int | None = None,
        day: int | None = None,
        calendar: HijriCalendar | None = None,
    ) -> Self:
        """The same fields with some changed (validated like the constructor).

        To convert a day to another calendar, use :meth:`fromordinal` with
        :meth:`toordinal`: ``replace(calendar=...)`` keeps the numbers.
        """
        return type(self)(
            self._year if year is None else year,
            self._month if month is None else month,
            self._day if day is None else day,
            self._calendar if calendar is None else calendar,
        )

    def __reduce__(self) -> tuple[type[Self], tuple[int, int, int, str]]:
        return type(self), (self._year, self._month, self._day, self._calendar)


def _outside(ordinal: int, first: int, last: int, calendar: str) -> None:
    def show(value: int) -> str:
        return datetime.date.fromordinal(value).isoformat() if value > 0 else str(value)

    raise UnsupportedDateError(
        field="date",
        value=show(ordinal) if 0 < ordinal <= datetime.date.max.toordinal() else ordinal,
        valid=f"a date from {show(first)} to {show(last - 1)} on the {calendar} calendar",
    )
