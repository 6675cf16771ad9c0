"""Jalali (Solar Hijri), Gregorian and Hijri-lunar dates, exact on Iran's official calendar.

Iran's Jalali calendar is astronomical: 1 Farvardin is the day whose true
noon at 52.5°E comes at or after the March equinox.  The rule is evaluated once,
by ``scripts/make_nowruz_table.py`` with an ephemeris and a ΔT model, into a
table of Nowruz dates for 1–3000 AP (``persnews/data/nowruz.tsv``); at run
time conversion is integer arithmetic on that table.  It agrees with every
leap year (1206–1498 AP) and every conversion the Iranian calendar authority
publishes.

>>> from persnews import JalaliDate
>>> day = JalaliDate(1399, 8, 4)
>>> day.to_gregorian()
datetime.date(2020, 10, 25)
>>> day.format(weekday=True)
'یکشنبه ۴ آبان ۱۳۹۹'
>>> JalaliDate.from_gregorian(datetime.date(2025, 3, 21))
JalaliDate(1404, 1, 1)
>>> JalaliDate.parse("چهارم آبان ۱۳۹۹") == day
True
"""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING, Final, Self

from persnews import _data
from persnews._datetext import (
    HIJRI_MONTHS,
    JALALI_MONTHS,
    WEEKDAYS,
)
from persnews._day import Day, integer
from persnews._hijri import HijriCalendar, HijriDate
from persnews._lazy import once
from persnews.errors import (
    InputTypeError,
    InvalidDateError,
    InvalidValueError,
    UnsupportedDateError,
)

if TYPE_CHECKING:
    pass

__all__ = [
    "HIJRI_MONTHS",
    "JALALI_MONTHS",
    "WEEKDAYS",
    "HijriCalendar",
    "HijriDate",
    "JalaliDate",
    "is_leap",
    "is_provisional",
    "month_length",
    "reference_date",
    "supported_years",
    "to_gregorian",
    "to_gregorian_array",
    "to_jalali",
    "to_jalali_array",
]

#: days in the year before the first of each month (index = month; 0 unused)
_BEFORE: Final = (0, 0, 31, 62, 93, 124, 155, 186, 216, 246, 276, 306, 336)


class _Table:
    """The Nowruz table, as loaded."""

    __slots__ = ("first", "leap", "ordinals", "provisional")

    def __init__(
        self,
        first: int,
        ordinals: list[int],
        leap: bytes,
        provisional: bytes,
    ) -> None:
        self.first = first  # the first year of the table
        self.ordinals = ordinals  # ordinal of 1 Farvardin, years first .. last + 1
        self.leap = leap  # 1 for leap years, by year - first
        self.provisional = provisional  # 1 for provisional years


_TABLE: _Table | None = None
# Lookups for the scalar fast paths, filled with the table on first use (empty until then,
# so a fast path that finds nothing falls back to the checked path, which loads the table):
#: by year: the ordinal of day 0 of each month (index 1..12); lists indexed by the
#: year, with an empty row for each year before the table, which no month indexes.
#: A list takes nothing but an int (or numpy's) as an index, so ``to_gregorian``
#: need not ask the year's type, as it would of a dict (``1399.0`` finds 1399 there)
_MONTH_BASES: list[tuple[int, ...]] = []
#: by year: the length of each month (index 1..12), as above
_MONTH_LENGTHS: list[tuple[int, ...]] = []
#: by year: day 0 of each month (index 1..12) as a ``datetime.date``, a row filled the
#: first time the checked path converts a date of its year (None until then, which the
#: fast path cannot index): ``date + timedelta`` is a third of the time of
#: ``date.fromordinal``, which works out the Gregorian year, month and day each time
_MONTH_STARTS: list[tuple[datetime.date, ...] | None] = []
#: ``timedelta(days=n)`` for n = 0..31, to add to a month's day 0
_DAY_DELTAS: Final = tuple(datetime.timedelta(days=days) for days in range(32))
#: day of the year (0..365) → (month, day)
_MONTH_DAY: list[tuple[int, int]] = [
    (doy // 31 + 1, doy % 31 + 1) if doy < 186 else ((doy - 186) // 30 + 7, (doy - 186) % 30 + 1)
    for doy in range(366)
]
#: days ``ordinal >> _BUCKET_BITS`` make a bucket: each bucket of 256 days holds at most
#: one Nowruz, so a day's year is the bucket's or the next
_BUCKET_BITS: Final = 8
#: for each bucket of every day a ``datetime.date`` can be: the ordinal of the first
#: Nowruz after its first day, that of the Nowruz before, and their years as 1-tuples;
#: None for a year outside the table, so that ``to_jalali`` need not test the day's
#: range (adding None to a tuple fails, as does a day of the year past 365)
#: (tuples, which the cyclic garbage collector stops tracking, where lists of 14,000
#: items would be scanned at every full collection)
_BUCKET_NEXT: tuple[int, ...] = ()
_BUCKET_START: tuple[int, ...] = ()
_BUCKET_NEXT_YEAR: tuple[tuple[int] | None, ...] = ()
_BUCKET_YEAR: tuple[tuple[int] | None, ...] = ()
#: the table's first year, its first day and its number of days (set when it loads)
_FIRST_YEAR = _LOW = 1
_DAYS = 0


@once
def _table() -> _Table:
    """Load the Nowruz table and fill the fast paths' lookups (once, under a lock).

    Everything is built aside and each lookup published whole, ``_DAYS`` last: a
    thread on a fast path that finds a lookup still empty (an IndexError) takes the
    checked path, which waits here; the checked paths look at ``_DAYS``.
    """
    global _TABLE, _FIRST_YEAR, _LOW, _DAYS
    global _BUCKET_NEXT, _BUCKET_START, _BUCKET_NEXT_YEAR, _BUCKET_YEAR
    column = dict(zip(*_data.columns("nowruz"), strict=True))
    first = int(column["year"][0])
    fromisoformat = datetime.date.fromisoformat
    ordinals = [fromisoformat(nowruz).toordinal() for nowruz in column["nowruz"]]
    leap = bytes(map(int, column["leap"]))
    ordinals.append(ordinals[-1] + 365 + leap[-1])
    table = _Table(first, ordinals, leap, bytes(map(int, column["provisional"])))
    bases: list[tuple[int, ...]] = [()] * first
    year_lengths = [(0, *[31] * 6, *[30] * 5, 29 + extra) for extra in (0, 1)]  # shared
    lengths: list[tuple[int, ...]] = [()] * first
    for index, nowruz in enumerate(ordinals[:-1]):
        bases.append(tuple(nowruz + before - 1 for before in _BEFORE))
        lengths.append(year_lengths[leap[index]])
    # for each bucket, the index of the last Nowruz on or before its first day (-1 if none)
    buckets: list[int] = []
    index = -1
    for bucket in range((_MAX_ORDINAL >> _BUCKET_BITS) + 1):
        day = bucket << _BUCKET_BITS
        while index + 1 < len(ordinals) and ordinals[index + 1] <= day:
            index += 1
        buckets.append(index)
    years = [(first + index,) for index in range(len(leap))]  # (year,) + (month, day)
    last = len(leap) - 1  # the last year's index
    _BUCKET_NEXT = tuple(ordinals[i + 1] if i <= last else 0 for i in buckets)
    _BUCKET_START = tuple(ordinals[i] if 0 <= i <= last else 0 for i in buckets)
    _BUCKET_NEXT_YEAR = tuple(years[i + 1] if i < last else None for i in buckets)
    _BUCKET_YEAR = tuple(years[i] if 0 <= i <= last else None for i in buckets)
    _MONTH_BASES[:] = bases  # before the lengths: the fast paths look at those first
    _MONTH_LENGTHS[:] = lengths
    _MONTH_STARTS[:] = [None] * len(lengths)
    _FIRST_YEAR, _LOW, _TABLE = first, ordinals[0], table
    _DAYS = ordinals[-1] - ordinals[0]
    return table


def supported_years() -> range:
    """The Jalali years this module converts: 1..3000 AP.

    >>> supported_years()
    range(1, 3001)
    """
    table = _table()
    return range(table.first, table.first + len(table.leap))


def _year_index(year: object) -> int:
    """``year``'s row in the table; typed errors for anything else."""
    table = _table()
    if type(year) is not int:
        year = integer(year, "year")
    index: int = year - table.first
    if not 0 <= index < len(table.leap):
        span = supported_years()
        raise UnsupportedDateError(
            field="year", value=year, valid=f"a Jalali year in {span.start}..{span.stop - 1}"
        )
    return index


def is_leap(year: int) -> bool:
    """True if Jalali ``year`` has 366 days (Esfand has 30 days).

    >>> is_leap(1403), is_leap(1404)
    (True, False)
    """
    return bool(_table().leap[_year_index(year)])


def is_provisional(year: int) -> bool:
    """True if the equinox of ``year`` falls so close to noon at 52.5°E that
    the uncertainty of the computation (mostly ΔT, the slowing of the Earth's
    rotation) could move Nowruz by a day.  Such years may be decided
    differently when the time comes.

    >>> is_provisional(1404), is_provisional(1503)
    (False, True)
    """
    return bool(_table().provisional[_year_index(year)])


def month_length(year: int, month: int) -> int:
    """Number of days in a Jalali month.

    >>> [month_length(1403, month) for month in (1, 7, 12)]
    [31, 30, 30]
    """
    index = _year_index(year)
    if type(month) is not int:
        month = integer(month, "month")
    if not 1 <= month <= 12:
        raise InvalidDateError(field="month", value=month, valid="1..12")
    if month <= 6:
        return 31
    if month <= 11:
        return 30
    return 29 + _table().leap[index]


def _check(year: object, month: object, day: object) -> tuple[int, int, int]:
    """Validate a Jalali date; return it as ints."""
    index = _year_index(year)
    year = _table().first + index
    if type(month) is not int:
        month = integer(month, "month")
    if type(day) is not int:
        day = integer(day, "day")
    length = month_length(year, month)
    if not 1 <= day <= length:
        note = f" ({JALALI_MONTH_LATIN[month - 1]} {year} has {length} days)"
        raise InvalidDateError(field="day", value=day, valid=f"1..{length}" + note)
    return year, month, day


#: Latin transcriptions of the month names, for error messages
JALALI_MONTH_LATIN: Final = (
    "Farvardin",
    "Ordibehesht",
    "Khordad",
    "Tir",
    "Mordad",
    "Shahrivar",
    "Mehr",
    "Aban",
    "Azar",
    "Dey",
    "Bahman",
    "Esfand",
)

_fromordinal = datetime.date.fromordinal


def to_gregorian(year: int, month: int, day: int) -> datetime.date:
    """Convert a Jalali date to a Gregorian ``datetime.date``.

    >>> to_gregorian(1399, 8, 4)
    datetime.date(2020, 10, 25)
    """
    if type(month) is type(day) is int:
        # the year's type is not asked (a third of the time of a call): a float or a
        # string is a TypeError, here or as a list index, and a bool is not > 1; a year
        # outside the table and a month past 12 are an IndexError
        try:
            if (
                year > 1
                and month > 0
                and day > 0
                and (day < 30 or day <= _MONTH_LENGTHS[year][month])
            ):
                return _MONTH_STARTS[year][month] + _DAY_DELTAS[day]  # type: ignore[index]
        except (TypeError, IndexError):  # also a year whose row is not filled yet
            pass
    year, month, day = _check(year, month, day)
    if _MONTH_STARTS[year] is None:
        _MONTH_STARTS[year] = tuple(map(_fromordinal, _MONTH_BASES[year]))
    return _fromordinal(_MONTH_BASES[year][month] + day)


def _jalali_from_ordinal(ordinal: int) -> tuple[int, int, int]:
    if 0 <= ordinal - _LOW < _DAYS:
        bucket = ordinal >> _BUCKET_BITS
        start = _BUCKET_NEXT[bucket]
        if ordinal >= start:
            return _BUCKET_NEXT_YEAR[bucket] + _MONTH_DAY[ordinal - start]  # type: ignore[operator, return-value]
        return _BUCKET_YEAR[bucket] + _MONTH_DAY[ordinal - _BUCKET_START[bucket]]  # type: ignore[operator, return-value]
    if not _DAYS:  # nothing loaded yet (published last)
        _table()
        return _jalali_from_ordinal(ordinal)
    raise _outside("date", _fromordinal(ordinal) if 0 < ordinal <= _MAX_ORDINAL else ordinal)


def _outside(field: str, value: object) -> UnsupportedDateError:
    """The error for a date outside the table (which is loaded)."""
    span = supported_years()
    return UnsupportedDateError(
        field=field,
        value=value,
        valid=f"a date in Jalali years {span.start}..{span.stop - 1}"
        f" ({_fromordinal(_LOW)} .. {_fromordinal(_LOW + _DAYS - 1)})",
    )


_MAX_ORDINAL: Final = datetime.date.max.toordinal()
_toordinal: Final = datetime.date.toordinal


def to_jalali(date: datetime.date) -> tuple[int, int, int]:
    """Convert a Gregorian date (a ``datetime.date`` or ``datetime``) to Jalali
    ``(year, month, day)``; :meth:`JalaliDate.from_gregorian` gives a :class:`JalaliDate`.

    >>> to_jalali(datetime.date(2025, 3, 21))
    (1404, 1, 1)
    """
    try:  # _jalali_from_ordinal, inlined and with no range test: this is the hot path
        # date.toordinal called as a function refuses anything but a date (a
        # jdatetime.date has a toordinal of its own, counted from 1 Farvardin 1 AP)
        day = _toordinal(date)
        bucket = day >> _BUCKET_BITS
        start = _BUCKET_NEXT[bucket]
        if day >= start:
            return _BUCKET_NEXT_YEAR[bucket] + _MONTH_DAY[day - start]  # type: ignore[operator, return-value]
        return _BUCKET_YEAR[bucket] + _MONTH_DAY[day - _BUCKET_START[bucket]]  # type: ignore[operator, return-value]
    except (TypeError, IndexError):  # not a date, outside the table, or no table yet
        pass
    if not isinstance(date, datetime.date):
        got = type(date).__name__
        if got == "date":  # another library's date: named with its module (jdatetime.date)
            got = f"{type(date).__module__}.date"
        raise InputTypeError(argument="date", expected="a datetime.date", got=got)
    return _jalali_from_ordinal(date.toordinal())


_new = object.__new__


class JalaliDate(Day):
    """A day of Iran's official (Solar Hijri) calendar.

    Immutable, hashable and ordered like ``datetime.date``; adding or
    subtracting a ``timedelta`` gives another day, and the difference of two
    days is a ``timedelta``.

    >>> day = JalaliDate(1403, 12, 30)
    >>> day + datetime.timedelta(days=1)
    JalaliDate(1404, 1, 1)
    >>> JalaliDate(1404, 1, 1) - JalaliDate(1403, 1, 1)
    datetime.timedelta(days=366)
    >>> day.isoformat(), day.month_name, day.weekday_name
    ('1403-12-30', 'اسفند', 'پنجشنبه')
    """

    __slots__ = ()
    MONTH_NAMES = JALALI_MONTHS

    def __init__(self, year: int, month: int, day: int) -> None:
        if not (
            type(year) is type(month) is type(day) is int
            and 0 < month < 13
            and day > 0
            and _FIRST_YEAR <= year < len(_MONTH_LENGTHS)
            and (day < 30 or day <= _MONTH_LENGTHS[year][month])
        ):
            year, month, day = _check(year, month, day)
        self._year = year
        self._month = month
        self._day = day

    @property
    def days_in_month(self) -> int:
        """The length of this day's month: 31, 30 or 29."""
        return _MONTH_LENGTHS[self._year][self._month]

    def toordinal(self) -> int:
        """The proleptic Gregorian ordinal, as ``datetime.date.toordinal()`` counts days."""
        return _MONTH_BASES[self._year][self._month] + self._day

    def to_gregorian(self) -> datetime.date:
        """The same day as a ``datetime.date``."""
        return _fromordinal(_MONTH_BASES[self._year][self._month] + self._day)

    def _shifted(self, days: int) -> Self:
        return self.fromordinal(self.toordinal() + days)

    def _key(self) -> tuple[int, int, int]:
        return self._year, self._month, self._day

    @classmethod
    def fromordinal(cls, ordinal: int) -> Self:
        """The day with this proleptic Gregorian ordinal."""
        new = _new(cls)
        new._year, new._month, new._day = _jalali_from_ordinal(integer(ordinal, "ordinal"))
        return new

    @classmethod
    def from_gregorian(cls, date: datetime.date) -> Self:
        """The Jalali day of a ``datetime.date`` (or the date of a ``datetime``)."""
        new = _new(cls)
        new._year, new._month, new._day = to_jalali(date)
        return new

    def to_hijri(self, calendar: HijriCalendar = "iran") -> HijriDate:
        """The same day on a Hijri-lunar calendar (see :class:`HijriDate`)."""
        return HijriDate.fromordinal(self.toordinal(), calendar=calendar)

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self._year}, {self._month}, {self._day})"

    @classmethod
    def fromisoformat(cls, text: str) -> Self:
        """Read ``YYYY-MM-DD`` (as :meth:`isoformat` writes it)."""
        if not isinstance(text, str):
            raise InputTypeError(argument="text", expected="str", got=type(text).__name__)
        parts = text.split("-")
        if len(parts) != 3 or not all(part.isascii() and part.isdigit() for part in parts):
            raise InvalidDateError(field="text", value=text, valid='"YYYY-MM-DD"')
        return cls(*map(int, parts))

    @classmethod
    def parse(cls, text: str) -> Self:
        """Read one Jalali date string, in Persian or Latin digits.

        Numeric dates are year first (``1399/08/04``, ``۱۳۹۹-۰۸-۰۴``,
        ``1399.8.4``); written dates are day, month name and year, with the
        day in digits or words, optionally after a weekday, which must then
        be right, and before ``ماه`` or an era (``ه.ش.``).

        >>> JalaliDate.parse("چهارشنبه ۲۱ آبان‌ماه ۱۳۹۹ ه.ش.")
        JalaliDate(1399, 8, 21)
        >>> JalaliDate.parse("۱۳۹۹-۰۸-۰۴")
        JalaliDate(1399, 8, 4)
        """
        example = '"1399/08/04", "۴ آبان ۱۳۹۹" or "چهارم آبان ۱۳۹۹"'
        year, month, day, weekday = cls._read(text, "jalali", f"a Jalali date like {example}")
        return cls(year, month, day)._check_weekday(weekday)

    def replace(
        self, year: int | None = None, month: int | None = None, day: int | None = None
    ) -> Self:
        """The same day with some fields changed (validated like the constructor)."""
        return type(self)(
            self._year if year is None else year,
            self._month if month is None else month,
            self._day if day is None else day,
        )

    def __reduce__(self) -> tuple[type[Self], tuple[int, int, int]]:
        return type(self), self._key()


_DIGITS = str.maketrans("۰۱۲۳۴۵۶۷۸۹٠١٢٣٤٥٦٧٨٩", "01234567890123456789")
#: years below this are read as Jalali in reference-date strings
_JALALI_BELOW = 1700


_VALID: Final = 'a date like "2021-11-23" (Gregorian) or "1400/09/02" (Jalali)'
_NO_ZONE: Final = (
    "a local date without a time zone: the day depends on where the article was "
    'published; convert first, e.g. value.astimezone(ZoneInfo("Asia/Tehran")).date()'
)


def _is_time(text: str) -> bool:
    """Is ``text`` a time of day, HH:MM, HH:MM:SS or HH:MM:SS.ffffff?"""
    clock, _, fraction = text.partition(".")
    parts = clock.split(":")
    return (
        2 <= len(parts) <= 3
        and all(len(p) == 2 and p.isdigit() for p in parts[1:])
        and 1 <= len(parts[0]) <= 2
        and parts[0].isdigit()
        and int(parts[0]) < 24
        and all(int(p) < 60 for p in parts[1:])
        and (not fraction or fraction.isdigit())
    )


def reference_date(value: object, field: str = "published") -> datetime.date | None:
    """Read a reference (publication) date: a ``date``, a :class:`JalaliDate` (or
    :class:`HijriDate`), or a Gregorian or Jalali string.

    Strings are ``YYYY-MM-DD`` (Gregorian, e.g. "2021-11-23") or a Jalali
    ``YYYY/MM/DD`` or ``YYYY-MM-DD`` with a year below 1700 (e.g. "1400/09/02"),
    in Latin or Persian digits, optionally followed by a time of day, which
    is ignored ("2020-01-07 15:32:00", "2020-01-07T15:32").  ``None`` stays
    ``None``.

    A time zone (a ``datetime`` with ``tzinfo``, a string ending in "Z" or
    "+03:30") is refused: which day it is depends on where the article was
    published, so give the local date, e.g.
    ``value.astimezone(ZoneInfo("Asia/Tehran")).date()``.  So is a date outside
    the Jalali years the calendar covers (1..3000, 622..3621 CE): the whole
    analysis is done on the Jalali calendar.

    >>> reference_date("1400/09/02")
    datetime.date(2021, 11, 23)
    >>> reference_date("۲۰۲۱-۱۱-۲۳")
    datetime.date(2021, 11, 23)
    >>> reference_date(JalaliDate(1400, 9, 2))
    datetime.date(2021, 11, 23)
    """
    date = _read_reference(value, field)
    if date is not None and not _DAYS:
        _table()
    if date is not None and not 0 <= date.toordinal() - _LOW < _DAYS:
        raise _outside(field, value)
    return date


def _read_reference(value: object, field: str) -> datetime.date | None:
    if value is None:
        return None
    if isinstance(value, Day):
        return value.to_gregorian()
    if isinstance(value, datetime.datetime):
        if value.tzinfo is not None:
            raise InvalidValueError(field=field, value=value, valid=_NO_ZONE)
        return value.date()
    if isinstance(value, datetime.date):
        return value
    if not isinstance(value, str):
        from persnews.errors import InputTypeError

        raise InputTypeError(
            argument=field,
            expected="a datetime.date, a JalaliDate or a date string",
            got=type(value).__name__,
        )
    text = value.strip().translate(_DIGITS)
    text, _, time = text.replace("T", " ", 1).partition(" ")
    if time and not _is_time(time.strip()):
        zoned = time.endswith(("Z", "z")) or "+" in time or "-" in time
        raise InvalidValueError(field=field, value=value, valid=_NO_ZONE if zoned else _VALID)
    parts = text.replace("/", "-").split("-")
    valid = _VALID
    if len(parts) != 3 or not all(p.isdigit() for p in parts) or len(parts[0]) != 4:
        raise InvalidValueError(field=field, value=value, valid=valid)
    year, month, day = map(int, parts)
    if year < _JALALI_BELOW:
        try:
            return to_gregorian(year, month, day)
        except InvalidValueError as error:
            valid = f"a Jalali date that exists ({error})"
            raise InvalidValueError(field=field, value=value, valid=valid) from None
    if "/" in text:
        raise InvalidValueError(field=field, value=value, valid=valid)
    try:
        return datetime.date(year, month, day)
    except ValueError as error:
        raise InvalidValueError(field=field, value=value, valid=f"{valid} ({error})") from None


from persnews._calendar_arrays import to_gregorian_array, to_jalali_array  # noqa: E402
