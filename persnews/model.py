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
import json
import operator
from collections import deque
from collections.abc import Iterable, Mapping, Sequence
from itertools import repeat
from typing import TYPE_CHECKING, Any, Final, Literal, Self, TypeVar, cast

import attrs

from persnews.errors import InputTypeError, InvalidValueError

if TYPE_CHECKING:
    from persnews.calendar import JalaliDate

__all__ = [
    "Argument",
    "Attribution",
    "DateMention",
    "Entity",
    "Meeting",
    "MeetingMode",
    "NumberKind",
    "NumberMention",
    "Quote",
    "Role",
    "Sentence",
    "Span",
    "Token",
    "TokenKind",
]

#: what kind of thing a token is
TokenKind = Literal[
    "word", "number", "punct", "symbol", "url", "email", "hashtag", "mention", "abbrev"
]
TOKEN_KINDS: tuple[TokenKind, ...] = (
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


def _fields(data: object, record: str, keys: tuple[str, ...]) -> None:
    """What every ``from_dict`` checks first: ``data`` is a dict holding ``keys``."""
    if not isinstance(data, Mapping):
        raise InputTypeError(
            argument="data", expected=f"a dict ({record}.to_dict() output)", got=type(data).__name__
        )
    for key in keys:
        if key not in data:
            shown = json.dumps(data, ensure_ascii=False, default=repr)
            raise InvalidValueError(
                field="".join(f" {c.lower()}" if c.isupper() else c for c in record).strip(),
                value=shown if len(shown) <= 60 else shown[:60] + "…",
                valid=f"{record}.to_dict() output (missing key {key!r})",
            )


def _checked_span(data: dict[str, Any]) -> tuple[int, int]:
    """``start`` and ``end`` of a record read back from JSON, checked."""
    start, end = data["start"], data["end"]
    if not (isinstance(start, int) and isinstance(end, int) and 0 <= start <= end):
        raise InvalidValueError(field="start/end", value=(start, end), valid="0 <= start <= end")
    return start, end


def jalali_or_none(value: datetime.date | None) -> JalaliDate | None:
    """``value`` on the Jalali calendar, or None if it is None or outside the
    Jalali years persnews knows (1..3000 AP)."""
    from persnews.calendar import JalaliDate
    from persnews.errors import UnsupportedDateError

    if value is None:
        return None
    try:
        return JalaliDate.from_gregorian(value)
    except UnsupportedDateError:
        return None


def on_both_calendars(value: datetime.date) -> str:
    """``2023-10-09 = 1402-07-17 AP`` (the Gregorian date alone before 622 CE)."""
    jalali = jalali_or_none(value)
    return value.isoformat() + ("" if jalali is None else f" = {jalali.isoformat()} AP")


#: any record class
_R = TypeVar("_R")


def _pickled_by_init(cls: type[_R]) -> type[_R]:
    """Pickle records as a call of their constructor with the field values.

    attrs pickles a frozen record as a dictionary of fields that are set one
    by one on load; the constructor is twice as fast, and :func:`~persnews.pipe`
    sends thousands of records per article between processes."""
    values = operator.attrgetter(*(field.name for field in attrs.fields(cast(Any, cls))))

    def __reduce__(self: _R) -> tuple[type[_R], tuple[Any, ...]]:
        return cls, values(self)  # every record has two fields or more: a tuple

    cls.__reduce__ = __reduce__  # type: ignore[assignment,method-assign]
    return cls


@_pickled_by_init
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
        _fields(data, "Span", ("start", "end", "text"))
        start, end = _checked_span(data)
        return cls(start=start, end=end, text=data["text"])


@_pickled_by_init
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
        _fields(data, "Token", ("start", "end", "text", "norm", "kind"))
        (start, end), kind = _checked_span(data), data["kind"]
        if kind not in TOKEN_KINDS:
            raise InvalidValueError(field="kind", value=kind, valid=" | ".join(TOKEN_KINDS))
        return cls(start=start, end=end, text=data["text"], norm=data["norm"], kind=kind)


def tokens_from_columns(
    starts: Sequence[int],
    ends: Sequence[int],
    texts: Sequence[str],
    norms: Sequence[str],
    kinds: Sequence[TokenKind],
) -> list[Token]:
    """Tokens with the given fields, column by column (not validated, like the
    constructor): the same records as ``list(map(Token, starts, ends, texts, norms,
    kinds))`` in half the time, as each field is set on every token by one C-level
    pass (an article has thousands of tokens)."""
    columns = (starts, ends, texts, norms, kinds)
    if len(set(map(len, columns))) > 1:
        raise ValueError(f"token columns of unequal lengths: {list(map(len, columns))}")
    tokens: list[Token] = list(map(_new, repeat(Token, len(starts))))
    for field, values in zip(_TOKEN_SLOTS, columns, strict=True):
        deque(map(field.__set__, tokens, values), maxlen=0)
    return tokens


_new = object.__new__
#: the slots of a token, whose ``__set__`` sets a field without the frozen ``__setattr__``
_TOKEN_SLOTS: Final = tuple(Token.__dict__[field.name] for field in attrs.fields(Token))


def _token_tuple(tokens: Iterable[Token]) -> tuple[Token, ...]:
    return tuple(tokens)


@_pickled_by_init
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
        _fields(data, "Sentence", ("start", "end", "text", "norm", "tokens"))
        start, end = _checked_span(data)
        return cls(
            start=start,
            end=end,
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


#: the keys of :meth:`DateMention.to_dict`
DATE_KEYS = (
    "start",
    "end",
    "text",
    "kind",
    "value",
    "end_value",
    "precision",
    "calendar",
    "time",
    "duration",
    "rule",
    "reason",
)


def _iso(value: datetime.date | None) -> str | None:
    return None if value is None else value.isoformat()


def _date(value: object, field: str) -> datetime.date | None:
    """An ISO date read back from JSON, or None."""
    if value is None:
        return None
    try:
        return datetime.date.fromisoformat(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        raise InvalidValueError(
            field=field, value=value, valid='an ISO date "YYYY-MM-DD" or null'
        ) from None


@_pickled_by_init
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
        """``value`` on the Jalali calendar (None before 1 Farvardin 1 AP, 622 CE:
        «سال ۵۰۰ میلادی» has a Gregorian value and no Jalali one)."""
        return jalali_or_none(self.value)

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
        _fields(data, "DateMention", DATE_KEYS)
        start, end = _checked_span(data)
        return cls(
            start=start,
            end=end,
            text=data["text"],
            kind=data["kind"],
            value=_date(data["value"], "value"),
            end_value=_date(data["end_value"], "end_value"),
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


@_pickled_by_init
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
        _fields(data, "NumberMention", ("start", "end", "text", "value", "kind"))
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


@_pickled_by_init
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
        _fields(data, "Entity", ("start", "end", "text", "label", "canonical", "source"))
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


#: how a meeting was held, when the text says
MeetingMode = Literal["phone", "video", "in_person"]
MEETING_MODES: tuple[str, ...] = ("phone", "video", "in_person")


def _entity_id(entity: Entity | None, ids: Mapping[Entity, int] | None) -> int | None:
    if entity is None or ids is None:
        return None
    return ids.get(entity)


# typed tuple converters for attrs fields (mypy's attrs plugin cannot check a generic one)
def _argument_tuple(items: Iterable[Argument]) -> tuple[Argument, ...]:
    return tuple(items)


def _sentence_tuple(items: Iterable[Sentence]) -> tuple[Sentence, ...]:
    return tuple(items)


def _date_tuple(items: Iterable[DateMention]) -> tuple[DateMention, ...]:
    return tuple(items)


def _number_tuple(items: Iterable[NumberMention]) -> tuple[NumberMention, ...]:
    return tuple(items)


def _entity_tuple(items: Iterable[Entity]) -> tuple[Entity, ...]:
    return tuple(items)


def _role_tuple(items: Iterable[Role]) -> tuple[Role, ...]:
    return tuple(items)


def _quote_tuple(items: Iterable[Quote]) -> tuple[Quote, ...]:
    return tuple(items)


def _attribution_tuple(items: Iterable[Attribution]) -> tuple[Attribution, ...]:
    return tuple(items)


def _meeting_tuple(items: Iterable[Meeting]) -> tuple[Meeting, ...]:
    return tuple(items)


def _entity_of(index: object, entities: Sequence[Entity]) -> Entity | None:
    if index is None:
        return None
    if not isinstance(index, int) or isinstance(index, bool) or not 0 <= index < len(entities):
        raise InvalidValueError(
            field="entity", value=index, valid=f"null or an entity id in 0..{len(entities) - 1}"
        )
    return entities[index]


def _argument(data: object, entities: Sequence[Entity]) -> Argument | None:
    return None if data is None else Argument.from_dict(data, entities)  # type: ignore[arg-type]


@_pickled_by_init
@attrs.frozen
class Argument:
    """A participant of a relation: a person, organization or place.

    ``text`` is the canonical name when the argument is an entity mention
    (``entity``), else the phrase as normalized («همتای روس خود», or the
    person a pronoun «وی» refers to).  ``start``/``end`` locate the words
    the relation was read from — the pronoun or title, when it stands for a
    person named elsewhere.
    """

    #: the canonical name (linked) or the normalized phrase
    text: str
    #: offset of the first character in the original text
    start: int = attrs.field(validator=_check_offsets)
    #: offset just past the last character in the original text
    end: int = attrs.field(validator=_check_offsets)
    #: the entity mention this argument is, or refers to; None for a plain phrase
    entity: Entity | None = None

    def to_dict(self, ids: Mapping[Entity, int] | None = None) -> dict[str, Any]:
        """Return a JSON-ready dictionary; ``entity`` is the entity's id in ``ids``
        (its index in :attr:`Article.entities <persnews.Article.entities>`), or None."""
        return {
            "entity": _entity_id(self.entity, ids),
            "text": self.text,
            "start": self.start,
            "end": self.end,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any], entities: Sequence[Entity] = ()) -> Self:
        """Build the record back from :meth:`to_dict` output; ``entity`` ids index
        ``entities``."""
        _fields(data, "Argument", ("start", "end", "text"))
        start, end = _checked_span(data)
        return cls(data["text"], start, end, _entity_of(data.get("entity"), entities))


@_pickled_by_init
@attrs.frozen
class Role:
    """A person holding a title, and the organization or country it is in:
    «سرگئی لاوروف وزیر امور خارجه روسیه»."""

    person: Argument
    #: the title as written, in the singular («سخنگو» for «سخنگویان»)
    title: str
    #: the organization, country or province, if written
    org: Argument | None
    #: span of the whole phrase in the original text
    start: int = attrs.field(validator=_check_offsets)
    end: int = attrs.field(validator=_check_offsets)

    def to_dict(self, ids: Mapping[Entity, int] | None = None) -> dict[str, Any]:
        """Return a JSON-ready dictionary (see :meth:`Argument.to_dict` for ``ids``)."""
        return {
            "person": self.person.to_dict(ids),
            "title": self.title,
            "org": self.org.to_dict(ids) if self.org else None,
            "start": self.start,
            "end": self.end,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any], entities: Sequence[Entity] = ()) -> Self:
        """Build the record back from :meth:`to_dict` output."""
        _fields(data, "Role", ("start", "end", "person", "title"))
        start, end = _checked_span(data)
        person = Argument.from_dict(data["person"], entities)
        return cls(person, data["title"], _argument(data.get("org"), entities), start, end)


@_pickled_by_init
@attrs.frozen
class Quote:
    """A reported statement: who said it (``speaker``, None if nobody can be
    named), the reporting verb or phrase (``cue``), and what was said."""

    speaker: Argument | None
    #: the reporting verb or phrase, normalized: «گفت», «اعلام کرد», «به گفته»
    cue: str
    #: what was said: inside «…» for direct speech, the clause after the verb otherwise
    content: Span
    #: True for quoted (verbatim) speech, False for reported speech
    direct: bool
    #: span of the speaker, cue and content together
    start: int = attrs.field(validator=_check_offsets)
    end: int = attrs.field(validator=_check_offsets)

    def to_dict(self, ids: Mapping[Entity, int] | None = None) -> dict[str, Any]:
        """Return a JSON-ready dictionary (see :meth:`Argument.to_dict` for ``ids``)."""
        return {
            "speaker": self.speaker.to_dict(ids) if self.speaker else None,
            "cue": self.cue,
            "content": self.content.to_dict(),
            "direct": self.direct,
            "start": self.start,
            "end": self.end,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any], entities: Sequence[Entity] = ()) -> Self:
        """Build the record back from :meth:`to_dict` output."""
        _fields(data, "Quote", ("start", "end", "cue", "content", "direct"))
        start, end = _checked_span(data)
        speaker = _argument(data.get("speaker"), entities)
        content = Span.from_dict(data["content"])
        return cls(speaker, data["cue"], content, bool(data["direct"]), start, end)


@_pickled_by_init
@attrs.frozen
class Attribution:
    """Who reports a story and whom they cite: «به گزارش X به نقل از Y»."""

    #: the outlet that reports
    source: Argument
    #: the outlets it cites, in order
    via: tuple[Argument, ...] = attrs.field(converter=_argument_tuple)
    start: int = attrs.field(validator=_check_offsets)
    end: int = attrs.field(validator=_check_offsets)

    def to_dict(self, ids: Mapping[Entity, int] | None = None) -> dict[str, Any]:
        """Return a JSON-ready dictionary (see :meth:`Argument.to_dict` for ``ids``)."""
        return {
            "source": self.source.to_dict(ids),
            "via": [argument.to_dict(ids) for argument in self.via],
            "start": self.start,
            "end": self.end,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any], entities: Sequence[Entity] = ()) -> Self:
        """Build the record back from :meth:`to_dict` output."""
        _fields(data, "Attribution", ("start", "end", "source"))
        start, end = _checked_span(data)
        via = tuple(Argument.from_dict(item, entities) for item in data.get("via", ()))
        return cls(Argument.from_dict(data["source"], entities), via, start, end)


@_pickled_by_init
@attrs.frozen
class Meeting:
    """A meeting, call or talks between two or more parties."""

    participants: tuple[Argument, ...] = attrs.field(converter=_argument_tuple)
    #: the date mention attached to the event, if any
    date: DateMention | None
    #: "phone", "video", "in_person", or None when the text does not say
    mode: MeetingMode | None
    #: where it took place, if written
    place: Argument | None
    start: int = attrs.field(validator=_check_offsets)
    end: int = attrs.field(validator=_check_offsets)

    def to_dict(self, ids: Mapping[Entity, int] | None = None) -> dict[str, Any]:
        """Return a JSON-ready dictionary (see :meth:`Argument.to_dict` for ``ids``)."""
        date = self.date
        return {
            "participants": [argument.to_dict(ids) for argument in self.participants],
            "date": (
                {
                    "value": date.value.isoformat() if date.value else None,
                    "text": date.text,
                    "start": date.start,
                    "end": date.end,
                }
                if date
                else None
            ),
            "mode": self.mode,
            "place": self.place.to_dict(ids) if self.place else None,
            "start": self.start,
            "end": self.end,
        }

    @classmethod
    def from_dict(
        cls,
        data: dict[str, Any],
        entities: Sequence[Entity] = (),
        dates: Sequence[DateMention] = (),
    ) -> Self:
        """Build the record back from :meth:`to_dict` output; the date is looked up
        in ``dates`` by its offsets."""
        _fields(data, "Meeting", ("start", "end", "participants"))
        start, end = _checked_span(data)
        mode = data.get("mode")
        if mode is not None and mode not in MEETING_MODES:
            raise InvalidValueError(field="mode", value=mode, valid=" | ".join(MEETING_MODES))
        date = None
        if data.get("date") is not None:
            span = _checked_span(data["date"])
            date = next((d for d in dates if (d.start, d.end) == span), None)
            if date is None:
                raise InvalidValueError(
                    field="date", value=span, valid="the offsets of one of the dates"
                )
        participants = tuple(Argument.from_dict(item, entities) for item in data["participants"])
        place = _argument(data.get("place"), entities)
        return cls(participants, date, mode, place, start, end)
