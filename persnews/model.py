"""Immutable records that persnews returns.

Every record that points into a text has ``start`` and ``end``: offsets into
the ORIGINAL string the caller passed in, so ``original[start:end] == record.text``.
Records convert to plain JSON-ready dictionaries with ``to_dict()`` and back
with ``from_dict()``.

>>> from persnews import Token
>>> token = Token(start=0, end=4, text="كتاب", norm="کتاب", kind="word")
>>> Token.from_dict(token.to_dict()) == token
True
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any, Literal, Self

import attrs

from persnews.errors import InvalidValueError

if TYPE_CHECKING:
    from persnews.calendar import JalaliDate

__all__ = [
    "DateMention",
    "Entity",
    "NumberKind",
    "NumberMention",
    "Sentence",
    "Span",
    "Token",
    "TokenKind",
]

#: what kind of thing a token is
TokenKind = Literal[
    "word", "number", "punct", "symbol", "url", "email", "hashtag", "mention", "abbrev"
]
TOKEN_KINDS: tuple[str, ...] = (
    "word",
    "number",
    "punct",
    "symbol",
    "url",
    "email",
    "hashtag",
    "mention",
    "abbrev",
)


def _check_offsets(instance: Any, attribute: attrs.Attribute[int], value: int) -> None:
    if value < 0:
        raise ValueError(f"{attribute.name} must be >= 0, got {value}")
    if attribute.name == "end" and value < instance.start:
        raise ValueError(f"end ({value}) must be >= start ({instance.start})")


def _checked_span(data: dict[str, Any]) -> tuple[int, int]:
    """``start`` and ``end`` of a record read back from JSON, checked."""
    start, end = data["start"], data["end"]
    if not (isinstance(start, int) and isinstance(end, int) and 0 <= start <= end):
        raise InvalidValueError(field="start/end", value=(start, end), valid="0 <= start <= end")
    return start, end


@attrs.frozen
class Span:
    """A stretch of the original text."""

    #: offset of the first character in the original text
    start: int = attrs.field(validator=_check_offsets)
    #: offset just past the last character in the original text
    end: int = attrs.field(validator=_check_offsets)
    #: the original text, verbatim: ``original[start:end]``
    text: str

    def to_dict(self) -> dict[str, Any]:
        """Return a JSON-ready dictionary."""
        return {"start": self.start, "end": self.end, "text": self.text}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Self:
        """Build the record back from :meth:`to_dict` output."""
        return cls(start=data["start"], end=data["end"], text=data["text"])


@attrs.frozen
class Token:
    """A word, number, punctuation mark or other unit of running text.

    Tokens are made by the hundred thousand, so they are not validated when
    built; :meth:`from_dict` validates what it reads.
    """

    #: offset of the first character in the original text
    start: int
    #: offset just past the last character in the original text
    end: int
    #: the original text, verbatim: ``original[start:end]``
    text: str
    #: the normalized form (Persian letters and digits, repaired half-spaces)
    norm: str
    #: "word", "number", "punct", "symbol", "url", "email", "hashtag", "mention" or "abbrev"
    kind: TokenKind

    def to_dict(self) -> dict[str, Any]:
        """Return a JSON-ready dictionary."""
        return {
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "norm": self.norm,
            "kind": self.kind,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Self:
        """Build the record back from :meth:`to_dict` output (validated)."""
        (start, end), kind = _checked_span(data), data["kind"]
        if kind not in TOKEN_KINDS:
            raise InvalidValueError(field="kind", value=kind, valid=" | ".join(TOKEN_KINDS))
        return cls(start=start, end=end, text=data["text"], norm=data["norm"], kind=kind)


def _token_tuple(tokens: Iterable[Token]) -> tuple[Token, ...]:
    return tuple(tokens)


@attrs.frozen
class Sentence:
    """A sentence (or a headline) with its tokens."""

    #: offset of the first character of the first token in the original text
    start: int = attrs.field(validator=_check_offsets)
    #: offset just past the last token in the original text
    end: int = attrs.field(validator=_check_offsets)
    #: the original text, verbatim: ``original[start:end]``
    text: str
    #: the normalized form of the sentence
    norm: str
    #: the tokens, in order
    tokens: tuple[Token, ...] = attrs.field(converter=_token_tuple)

    def to_dict(self) -> dict[str, Any]:
        """Return a JSON-ready dictionary."""
        return {
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "norm": self.norm,
            "tokens": [token.to_dict() for token in self.tokens],
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Self:
        """Build the record back from :meth:`to_dict` output."""
        return cls(
            start=data["start"],
            end=data["end"],
            text=data["text"],
            norm=data["norm"],
            tokens=tuple(Token.from_dict(t) for t in data["tokens"]),
        )


#: what a date mention is
DateKind = Literal["date", "time", "datetime", "duration", "range", "set"]
#: how precise its value is
Precision = Literal["day", "week", "month", "season", "year", "decade", "century"]
#: the calendar it was written in ("relative": resolved against the publication date)
DateCalendar = Literal["jalali", "gregorian", "hijri", "relative"]


def _iso(value: datetime.date | None) -> str | None:
    return None if value is None else value.isoformat()


def _date(value: str | None) -> datetime.date | None:
    return None if value is None else datetime.date.fromisoformat(value)


@attrs.frozen
class DateMention:
    """A date (or time, duration, range) expression found in a text, and its value."""

    #: offset of the first character in the original text
    start: int
    #: offset just past the last character in the original text
    end: int
    #: the original text, verbatim: ``original[start:end]``
    text: str
    #: "date", "time", "datetime", "duration", "range" or "set"
    kind: DateKind
    #: the (first) day it means, or None when it cannot be resolved (see ``reason``)
    value: datetime.date | None
    #: the last day, for ranges
    end_value: datetime.date | None = None
    #: "day", "week", "month", "season", "year", "decade" or "century"
    precision: Precision = "day"
    #: the calendar it was written in, or "relative"
    calendar: DateCalendar = "jalali"
    #: the time of day, when one is given
    time: datetime.time | None = None
    #: an ISO 8601 duration ("P44D") for durations
    duration: str | None = None
    #: the name of the rule that found it
    rule: str = ""
    #: why ``value`` is None, or what is wrong with it (a weekday that does not match)
    reason: str | None = None

    @property
    def jalali(self) -> JalaliDate | None:
        """``value`` on the Jalali calendar."""
        from persnews.calendar import JalaliDate

        return None if self.value is None else JalaliDate.from_gregorian(self.value)

    def to_dict(self) -> dict[str, Any]:
        """Return a JSON-ready dictionary (dates as ISO strings)."""
        jalali = self.jalali
        return {
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "kind": self.kind,
            "value": _iso(self.value),
            "end_value": _iso(self.end_value),
            "precision": self.precision,
            "calendar": self.calendar,
            "jalali": None if jalali is None else jalali.isoformat(),
            "time": None if self.time is None else self.time.isoformat(),
            "duration": self.duration,
            "rule": self.rule,
            "reason": self.reason,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Self:
        """Build the record back from :meth:`to_dict` output."""
        return cls(
            start=data["start"],
            end=data["end"],
            text=data["text"],
            kind=data["kind"],
            value=_date(data["value"]),
            end_value=_date(data["end_value"]),
            precision=data["precision"],
            calendar=data["calendar"],
            time=None if data["time"] is None else datetime.time.fromisoformat(data["time"]),
            duration=data["duration"],
            rule=data["rule"],
            reason=data["reason"],
        )


#: what a number mention is
NumberKind = Literal["cardinal", "ordinal", "percent", "money", "quantity"]
NUMBER_KINDS: tuple[str, ...] = ("cardinal", "ordinal", "percent", "money", "quantity")


@attrs.frozen
class NumberMention:
    """A number found in a text: its value and, for amounts, its unit.

    ``value`` is the number as written (``۱۰۰ هزار تومان`` → 100000, ``unit``
    ``"تومان"``); ``base_value`` is the same amount in the ISO 4217 currency
    ``currency`` (a toman is 10 rials: 1000000 ``"IRR"``), so amounts can be
    compared.
    """

    #: offset of the first character in the original text
    start: int
    #: offset just past the last character in the original text
    end: int
    #: the original text, verbatim: ``original[start:end]``
    text: str
    #: the number as written: an int when whole, else a float (``۴۷٫۵`` → 47.5)
    value: int | float
    #: "cardinal", "ordinal", "percent", "money" or "quantity"
    kind: NumberKind
    #: the normalized unit or currency name ("درصد", "کیلومتر", "دلار", "تومان"), or None
    unit: str | None = None
    #: the ISO 4217 code when ``kind == "money"`` ("USD", "IRR"), else None
    currency: str | None = None
    #: for money, the amount in ``currency`` units (tomans × 10 = rials), else None
    base_value: int | float | None = None

    def to_dict(self) -> dict[str, Any]:
        """Return a JSON-ready dictionary."""
        return {
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "value": self.value,
            "kind": self.kind,
            "unit": self.unit,
            "currency": self.currency,
            "base_value": self.base_value,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Self:
        """Build the record back from :meth:`to_dict` output (validated)."""
        (start, end), kind = _checked_span(data), data["kind"]
        if kind not in NUMBER_KINDS:
            raise InvalidValueError(field="kind", value=kind, valid=" | ".join(NUMBER_KINDS))
        return cls(
            start=start,
            end=end,
            text=data["text"],
            value=data["value"],
            kind=kind,
            unit=data.get("unit"),
            currency=data.get("currency"),
            base_value=data.get("base_value"),
        )


#: what an entity is (the ARMAN types; PEYMA's PER/ORG/LOC are among them) or a title
EntityLabel = Literal["PER", "ORG", "LOC", "FAC", "EVENT", "PRODUCT", "TITLE"]
ENTITY_LABELS: tuple[str, ...] = ("PER", "ORG", "LOC", "FAC", "EVENT", "PRODUCT", "TITLE")
#: what found it
EntitySource = Literal["model", "gazetteer", "rule"]
ENTITY_SOURCES: tuple[str, ...] = ("model", "gazetteer", "rule")


@attrs.frozen
class Entity:
    """A named entity (or, from :func:`~persnews.find_titles`, a title) in a text.

    ``canonical`` is the full name the mention refers to within the article:
    «لاوروف» after «سرگئی لاوروف» has ``canonical`` «سرگئی لاوروف»; names the
    gazetteers know get their standard form («وزارت خارجه» → «وزارت امور خارجه»).
    """

    #: offset of the first character in the original text
    start: int
    #: offset just past the last character in the original text
    end: int
    #: the original text, verbatim: ``original[start:end]``
    text: str
    #: "PER", "ORG", "LOC", "FAC", "EVENT", "PRODUCT" (or "TITLE")
    label: EntityLabel
    #: the full, normalized name this mention refers to within the text
    canonical: str
    #: a finer type where known ("news_agency", "ministry", "country", "city", …), else None
    kind: str | None = None
    #: confidence in [0, 1]: the model's mean token probability, 1.0 for lists and rules
    score: float = 1.0
    #: "model", "gazetteer" or "rule"
    source: EntitySource = "model"

    def to_dict(self) -> dict[str, Any]:
        """Return a JSON-ready dictionary."""
        return {
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "label": self.label,
            "canonical": self.canonical,
            "kind": self.kind,
            "score": self.score,
            "source": self.source,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Self:
        """Build the record back from :meth:`to_dict` output (validated)."""
        (start, end), label, source = _checked_span(data), data["label"], data["source"]
        if label not in ENTITY_LABELS:
            raise InvalidValueError(field="label", value=label, valid=" | ".join(ENTITY_LABELS))
        if source not in ENTITY_SOURCES:
            raise InvalidValueError(field="source", value=source, valid=" | ".join(ENTITY_SOURCES))
        return cls(
            start=start,
            end=end,
            text=data["text"],
            label=label,
            canonical=data["canonical"],
            kind=data.get("kind"),
            score=data.get("score", 1.0),
            source=source,
        )
