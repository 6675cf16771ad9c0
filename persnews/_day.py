"""What :class:`~persnews.JalaliDate` and :class:`~persnews.HijriDate` share.

A day of a calendar knows its year, month and day, its proleptic Gregorian
ordinal (``toordinal``, as ``datetime.date`` counts days) and how to make the
day some days away (``_shifted``); everything else — the week, ISO and Persian
text, ``timedelta`` arithmetic and ordering — follows from those here.
"""

from __future__ import annotations

import datetime
from typing import Any, ClassVar, Self

from persnews._datetext import DIGIT_SCRIPTS, WEEKDAYS, Calendar, Digits, parse_parts, to_digits
from persnews.errors import InputTypeError, InvalidDateError, InvalidValueError
from persnews.errors import check_int as integer

__all__ = ["Day", "integer"]


class Day:
    """A day of a calendar (a base class: use JalaliDate or HijriDate)."""

    __slots__ = ("_day", "_month", "_year")

    _year: int
    _month: int
    _day: int
    #: the calendar's month names, first month first
    MONTH_NAMES: ClassVar[tuple[str, ...]] = ()

    # -- what each calendar provides ------------------------------------------------------

    def toordinal(self) -> int:
        """The proleptic Gregorian ordinal, as ``datetime.date.toordinal()`` counts days."""
        raise NotImplementedError

    def _shifted(self, days: int) -> Self:
        """The day ``days`` days later (earlier if negative), on the same calendar."""
        raise NotImplementedError

    def _key(self) -> tuple[Any, ...]:
        """What equality, order and hashing compare."""
        raise NotImplementedError

    @property
    def days_in_month(self) -> int:
        """The length of this day's month."""
        raise NotImplementedError

    # -- fields -------------------------------------------------------------------------

    @property
    def year(self) -> int:
        """The year."""
        return self._year

    @property
    def month(self) -> int:
        """The month, 1 .. 12."""
        return self._month

    @property
    def day(self) -> int:
        """The day of the month."""
        return self._day

    @property
    def month_name(self) -> str:
        """The month's Persian name."""
        return self.MONTH_NAMES[self._month - 1]

    @property
    def weekday_name(self) -> str:
        """The weekday's Persian name: «دوشنبه»."""
        return WEEKDAYS[self.weekday()]

    # -- week and text ------------------------------------------------------------------

    def to_gregorian(self) -> datetime.date:
        """The same day as a ``datetime.date``."""
        return datetime.date.fromordinal(self.toordinal())

    def weekday(self) -> int:
        """Day of the Persian week: شنبه (Saturday) = 0 … جمعه (Friday) = 6."""
        return (self.toordinal() + 1) % 7

    def isoweekday(self) -> int:
        """ISO day of the week: Monday = 1 … Sunday = 7."""
        return (self.toordinal() - 1) % 7 + 1

    def isoformat(self) -> str:
        """``YYYY-MM-DD`` with Latin digits."""
        return f"{self._year:04d}-{self._month:02d}-{self._day:02d}"

    def __str__(self) -> str:
        return self.isoformat()

    def format(self, *, weekday: bool = False, digits: Digits = "persian") -> str:
        """The day as Persian text: day, month name, year; the weekday first if asked."""
        if digits not in DIGIT_SCRIPTS:
            raise InvalidValueError(field="digits", value=digits, valid='"persian" or "latin"')
        text = f"{to_digits(self._day, digits)} {self.month_name} {to_digits(self._year, digits)}"
        return f"{self.weekday_name} {text}" if weekday else text

    @staticmethod
    def _read(text: object, calendar: Calendar, valid: str) -> tuple[int, int, int, int | None]:
        """``(year, month, day, weekday or None)`` of one date string, or a typed error."""
        if not isinstance(text, str):
            raise InputTypeError(argument="text", expected="str", got=type(text).__name__)
        parts = parse_parts(text, calendar)
        if parts is None:
            raise InvalidDateError(field="text", value=text, valid=valid)
        return parts

    def _check_weekday(self, weekday: int | None) -> Self:
        """This day, if ``weekday`` (Saturday = 0) is None or its weekday."""
        if weekday is not None and weekday != self.weekday():
            raise InvalidDateError(
                field="weekday",
                value=WEEKDAYS[weekday],
                valid=f"{self.weekday_name}, the weekday of {self.format()}",
            )
        return self

    # -- arithmetic and order ---------------------------------------------------------------

    def __add__(self, other: datetime.timedelta) -> Self:
        if not isinstance(other, datetime.timedelta):
            return NotImplemented
        return self._shifted(other.days)

    __radd__ = __add__

    def __sub__(self, other: Any) -> Any:
        if isinstance(other, datetime.timedelta):
            return self._shifted(-other.days)
        if self._comparable(other):
            return datetime.timedelta(days=self.toordinal() - other.toordinal())
        return NotImplemented

    def _comparable(self, other: object) -> bool:
        return type(other) is type(self)

    def __eq__(self, other: object) -> bool:
        if type(other) is not type(self):
            return NotImplemented
        return self._key() == other._key()

    def __lt__(self, other: Self) -> bool:
        if not self._comparable(other):
            return NotImplemented
        return self._key() < other._key()

    def __le__(self, other: Self) -> bool:
        if not self._comparable(other):
            return NotImplemented
        return self._key() <= other._key()

    def __gt__(self, other: Self) -> bool:
        if not self._comparable(other):
            return NotImplemented
        return self._key() > other._key()

    def __ge__(self, other: Self) -> bool:
        if not self._comparable(other):
            return NotImplemented
        return self._key() >= other._key()

    def __hash__(self) -> int:
        return hash(self._key())
