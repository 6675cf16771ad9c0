"""Errors raised by persnews.

Every error is a :class:`PersnewsError` and also subclasses the builtin that
matches its meaning, so ``except TypeError`` and ``except ValueError`` keep
working in code that does not know about persnews.

>>> import persnews
>>> try:
...     persnews.normalize(b"bytes")
... except TypeError as error:
...     print(error)
text must be str, not bytes; decode it first, e.g. data.decode("utf-8")
"""

from __future__ import annotations

import operator
from collections.abc import Iterable, Mapping
from typing import Any

import attrs

__all__ = [
    "InputTypeError",
    "InvalidDateError",
    "InvalidOffsetError",
    "InvalidValueError",
    "MatchTimeoutError",
    "PersnewsError",
    "UnsupportedDateError",
]


class PersnewsError(Exception):
    """Base class of every error persnews raises on purpose."""


@attrs.define(auto_exc=True, eq=False, str=False)
class InputTypeError(PersnewsError, TypeError):
    """An argument has the wrong type.

    ``argument`` names the parameter, ``expected`` what it accepts and
    ``got`` the type name that was passed.
    """

    #: the parameter that was given the wrong type
    argument: str
    #: what the parameter accepts, in words
    expected: str
    #: the name of the type that was passed
    got: str

    def __str__(self) -> str:
        message = f"{self.argument} must be {self.expected}, not {self.got}"
        if self.got in {"bytes", "bytearray", "memoryview"}:
            message += '; decode it first, e.g. data.decode("utf-8")'
        return message


@attrs.define(auto_exc=True, eq=False, str=False)
class InvalidValueError(PersnewsError, ValueError):
    """An argument has the right type but a value persnews cannot use."""

    #: the parameter (or field) that has the bad value
    field: str
    #: the value that was given
    value: Any
    #: what would have been valid, in words
    valid: str

    def __str__(self) -> str:
        return f"invalid {self.field} {_shown(self.value)}: expected {self.valid}"


def _shown(value: object) -> str:
    """``repr(value)``, cut to 80 characters: a message must not repeat a whole article.

    >>> _shown("۱" * 5000)[-22:]
    "۱…' (5,000 characters)"
    """
    shown = repr(value)
    if len(shown) <= 80:
        return shown
    size = f" ({len(value):,} characters)" if isinstance(value, str) else ""
    return f"{shown[:60]}…{shown[-1] if shown[-1] in {chr(39), chr(34)} else ''}{size}"


class InvalidDateError(InvalidValueError):
    """A date that does not exist: 30 Esfand of a common year, month 13, day 0.

    >>> from persnews import JalaliDate
    >>> JalaliDate(1402, 12, 30)
    Traceback (most recent call last):
    ...
    persnews.errors.InvalidDateError: invalid day 30: expected 1..29 (Esfand 1402 has 29 days)
    """


class InvalidOffsetError(InvalidValueError, IndexError):
    """An offset or span outside the text it indexes (also an ``IndexError``).

    >>> from persnews import normalize
    >>> normalize("سلام").to_original(0, 9)
    Traceback (most recent call last):
    ...
    persnews.errors.InvalidOffsetError: invalid span (0, 9): expected 0 <= start <= end <= 4 (offsets into the normalized text)
    """  # noqa: E501


class UnsupportedDateError(InvalidDateError):
    """A date that exists but lies outside the range a calendar table covers.

    >>> from persnews import JalaliDate
    >>> JalaliDate(3100, 1, 1)
    Traceback (most recent call last):
    ...
    persnews.errors.UnsupportedDateError: invalid year 3100: expected a Jalali year in 1..3000
    """


@attrs.define(auto_exc=True, eq=False, str=False)
class MatchTimeoutError(PersnewsError, TimeoutError):
    """A pattern took far longer than it should on some text: a persnews bug.

    Every pattern is meant to take time in proportion to the text; this error
    is raised instead of hanging when one does not.
    """

    #: where the pattern comes from, e.g. "persnews.dates"
    pattern: str
    #: the length of the string it was matched against
    length: int
    #: the time it was given, in seconds
    seconds: float

    def __str__(self) -> str:
        return (
            f"a pattern of {self.pattern} took more than {self.seconds:.3g} s on "
            f"{self.length:,} characters; this is a persnews bug, please report it "
            "with the text. To go on, analyze the text in smaller pieces (paragraphs)"
        )


def check_text(text: object, argument: str = "text") -> str:
    """Return ``text`` if it is a ``str``; raise :class:`InputTypeError` otherwise."""
    if isinstance(text, str):
        return text
    raise InputTypeError(argument=argument, expected="str", got=type(text).__name__)


def check_int(value: object, argument: str) -> int:
    """``value`` as an int: ints and integer-like objects (numpy), not bools or floats."""
    if type(value) is int:
        return value
    if isinstance(value, bool) or not hasattr(value, "__index__"):
        raise InputTypeError(argument=argument, expected="an int", got=type(value).__name__)
    return operator.index(value)


def check_iterable(value: object, argument: str, expected: str) -> Iterable[Any]:
    """``value`` if it is an iterable of items; a single ``str``, ``bytes`` or
    ``dict`` (iterable, but one thing) raises :class:`InputTypeError` as well."""
    if isinstance(value, str | bytes | bytearray | Mapping) or not isinstance(value, Iterable):
        raise InputTypeError(argument=argument, expected=expected, got=type(value).__name__)
    return value


#: the byte-order marks of UTF-16
_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")


def convert_advice(data: bytes) -> str:
    """What to do with ``data`` that is not UTF-8: the iconv command that converts it."""
    source = "UTF-16" if data.startswith(_UTF16_BOMS) else "WINDOWS-1256"
    return f"convert it first, e.g. iconv -f {source} -t UTF-8"
