"""Reading BRAT standoff back into records, for :func:`persnews.export.from_brat`.

:class:`Parsed` reads the lines of an ``.ann`` file and checks each against
the text; :class:`_Builder` turns them into persnews records, the
representation being the one :mod:`persnews._brat` writes.
"""

from __future__ import annotations

import datetime
import json
from collections.abc import Callable, Iterable, Mapping
from typing import Any, Final, NamedTuple, Protocol, TypeVar, cast, get_args

from persnews import _patterns
from persnews._brat import (
    CONTENT,
    DATE_KEYS,
    DATE_TYPES,
    DIRECT,
    ENTITY_KEYS,
    ENTITY_TYPES,
    EVENTS,
    MENTION,
    MODE,
    NOTE,
    NUMBER_KEYS,
    NUMBER_TYPES,
    REFERS,
    TITLE,
)
from persnews.errors import InvalidValueError
from persnews.model import (
    MEETING_MODES,
    Argument,
    Attribution,
    DateCalendar,
    DateMention,
    Entity,
    Meeting,
    MeetingMode,
    NumberMention,
    Precision,
    Quote,
    Role,
    Span,
)

#: every T type persnews reads
KNOWN: Final = frozenset(
    {*ENTITY_TYPES, TITLE, *DATE_TYPES, *NUMBER_TYPES, MENTION, CONTENT, *EVENTS}
)
_OFFSETS: Final = _patterns.compile(r"\s*(\d+) (\d+)\s*")
_ARGUMENT: Final = _patterns.compile(r"([^\s:]+):([^\s:]+)")
_ROLE: Final = _patterns.compile(r"(.*?)(\d*)")
_ID: Final = _patterns.compile(r"(?:[A-Za-z]+|#[A-Za-z]*)\d+\S*|\*")


class Bound(NamedTuple):
    """A T line: its number, type and span (first fragment to last)."""

    line: int
    kind: str
    start: int
    end: int


class Event(NamedTuple):
    """An E line: its number, type, trigger and ``(role, ID)`` arguments."""

    line: int
    kind: str
    trigger: str
    arguments: list[tuple[str, str]]


class Link(NamedTuple):
    """An A line: its number, type, target and value."""

    line: int
    kind: str
    target: str
    value: str | None


def _error(what: str, line: int, value: object, valid: str) -> InvalidValueError:
    return InvalidValueError(field=f"{what} on line {line}", value=value, valid=valid)


def _pairs(fields: Iterable[str], ident: str, line: int, form: str) -> list[tuple[str, str]]:
    """``NAME:ID`` fields as pairs."""
    result = []
    for field in fields:
        match = _ARGUMENT.fullmatch(field)
        if match is None:
            raise _error(ident, line, field, form)
        result.append((match.group(1), match.group(2)))
    return result


class Parsed:
    """The lines of an .ann file, checked against the text, by kind."""

    def __init__(self, text: str, ann: str, unknown: str) -> None:
        self.text, self.unknown = text, unknown
        self.bounds: dict[str, Bound] = {}
        self.events: dict[str, Event] = {}
        self.refers: dict[str, tuple[int, str]] = {}  # Mention -> (line, entity)
        self.attributes: list[Link] = []
        self.notes: dict[str, tuple[int, dict[str, Any]]] = {}  # target -> (line, note)
        self.skipped: set[str] = set()
        seen: set[str] = set()
        for number, line in enumerate(ann.split("\n"), start=1):
            line = line.removesuffix("\r")
            if not line.strip():
                continue
            ident, tab, body = line.partition("\t")
            if not tab or _ID.fullmatch(ident) is None:
                raise _error("annotation", number, line, "ID<tab>… (T1, E1, R1, A1, #1, *)")
            if ident in seen and ident != "*":
                raise _error("ID", number, ident, "an ID not used on an earlier line")
            seen.add(ident)
            self._line(number, ident, body)

    def skip(self, what: str, line: int, value: str, ident: str) -> None:
        """Leave out an annotation of a type persnews does not know, or raise."""
        if self.unknown == "raise":
            known = "a type persnews knows (see brat_conf()); pass unknown='skip'"
            raise _error(what, line, value, known)
        self.skipped.add(ident)

    def _line(self, number: int, ident: str, body: str) -> None:
        first, fields = ident[0], body.split("\t")[0].split()
        if first == "T":
            self._bound(number, ident, body)
        elif first == "E":
            pairs = _pairs(fields, ident, number, "TYPE:TRIGGER ROLE:ID …")
            if not pairs:
                raise _error(ident, number, body, "TYPE:TRIGGER ROLE:ID …")
            (kind, trigger), arguments = pairs[0], pairs[1:]
            if kind not in EVENTS:
                self.skip("event type", number, kind, ident)
            self.events[ident] = Event(number, kind, trigger, arguments)
        elif first == "R":
            if len(fields) != 3:
                raise _error(ident, number, body, "TYPE Arg1:ID Arg2:ID")
            (_, source), (_, target) = _pairs(fields[1:], ident, number, "TYPE Arg1:ID Arg2:ID")
            if fields[0] != REFERS:
                self.skip("relation type", number, fields[0], ident)
            else:
                self.refers[source] = (number, target)
        elif first in "AM":
            if len(fields) not in (2, 3):
                raise _error(ident, number, body, "TYPE TARGET [VALUE]")
            if fields[0] not in (DIRECT, MODE):
                self.skip("attribute", number, fields[0], ident)
            else:
                value = fields[2] if len(fields) == 3 else None
                self.attributes.append(Link(number, fields[0], fields[1], value))
        elif first == "#":
            self._note(number, ident, body)
        else:  # N (normalizations), * (equivalences)
            self.skip("annotation", number, fields[0] if fields else body, ident)

    def _bound(self, number: int, ident: str, body: str) -> None:
        head, tab, covered = body.partition("\t")
        kind, _, offsets = head.partition(" ")
        pieces: list[tuple[int, int]] = []
        for part in offsets.split(";"):
            match = _OFFSETS.fullmatch(part)
            if match is None:
                raise _error(f"offsets of {ident}", number, offsets, "START END[;START END]…")
            start, end = int(match.group(1)), int(match.group(2))
            if not (pieces[-1][1] if pieces else 0) <= start <= end <= len(self.text):
                valid = f"fragments in order, within the text (0..{len(self.text)})"
                raise _error(f"offsets of {ident}", number, offsets, valid)
            pieces.append((start, end))
        expected = " ".join(self.text[a:b] for a, b in pieces)
        rest = covered[len(expected) :]
        if tab and not (covered.startswith(expected) and (not rest or rest[0].isspace())):
            valid = f"the text at {offsets}: {expected!r}"
            raise _error(f"text of {ident}", number, covered, valid)
        if kind not in KNOWN:
            self.skip("type", number, kind, ident)
        else:
            self.bounds[ident] = Bound(number, kind, pieces[0][0], pieces[-1][1])

    def _note(self, number: int, ident: str, body: str) -> None:
        head, _, note = body.partition("\t")
        fields = head.split()
        if len(fields) != 2:
            raise _error(ident, number, body, "AnnotatorNotes TARGET<tab>note")
        if fields[0] != NOTE:
            return  # another kind of comment
        data: dict[str, Any] = {}
        if note.strip().startswith("{"):  # a note persnews wrote, or one in its form
            try:
                data = json.loads(note)
            except ValueError as error:
                valid = f"a JSON object ({error}), or a note not starting with {{"
                raise _error("note", number, note, valid) from error
            if not isinstance(data, dict):
                raise _error("note", number, note, "a JSON object")
        line, before = self.notes.get(fields[1], (number, {}))
        self.notes[fields[1]] = (line if before else number, {**before, **data})


class Read(NamedTuple):
    """The records of an .ann file, each list sorted by position."""

    entities: list[Entity]
    titles: list[Entity]
    dates: list[DateMention]
    numbers: list[NumberMention]
    roles: list[Role]
    quotes: list[Quote]
    attributions: list[Attribution]
    meetings: list[Meeting]


def read(
    text: str,
    ann: str,
    unknown: str,
    norm: Callable[[int, int], str],
    resolve: Callable[[str], DateMention | None],
    count: Callable[[str], NumberMention | None],
) -> Read:
    """The records an .ann file holds.

    ``norm(start, end)`` is the normalized text of a span (an entity's default
    canonical name); ``resolve(text)`` reads a date annotated by hand,
    ``count(text)`` a number.
    """
    return _Builder(Parsed(text, ann, unknown), norm, resolve, count).build()


# ---------------------------------------------------------------- checks of note values


def _number(value: object) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def _score(value: object) -> bool:
    return _number(value) and 0 <= cast(float, value) <= 1


def _optional_text(value: object) -> bool:
    return value is None or isinstance(value, str)


def _iso(parse: Callable[[str], object]) -> Callable[[object], bool]:
    def check(value: object) -> bool:
        if value is None:
            return True
        if not isinstance(value, str):
            return False
        try:
            parse(value)
        except ValueError:
            return False
        return True

    return check


Check = tuple[Callable[[object], bool], str]
ENTITY_CHECKS: Final[dict[str, Check]] = {
    "canonical": (lambda value: isinstance(value, str), "a string"),
    "kind": (_optional_text, "a string or null"),
    "score": (_score, "a number in [0, 1]"),
}
DATE_CHECKS: Final[dict[str, Check]] = {
    "value": (_iso(datetime.date.fromisoformat), "an ISO date (YYYY-MM-DD) or null"),
    "end_value": (_iso(datetime.date.fromisoformat), "an ISO date (YYYY-MM-DD) or null"),
    "time": (_iso(datetime.time.fromisoformat), "an ISO time (HH:MM) or null"),
    "duration": (_optional_text, "a string or null"),
    "reason": (_optional_text, "a string or null"),
    "rule": (lambda value: isinstance(value, str), "a string"),
    "precision": (lambda value: value in get_args(Precision), " | ".join(get_args(Precision))),
    "calendar": (lambda value: value in get_args(DateCalendar), " | ".join(get_args(DateCalendar))),
}
NUMBER_CHECKS: Final[dict[str, Check]] = {
    "value": (_number, "a number"),
    "base_value": (lambda value: value is None or _number(value), "a number or null"),
    "unit": (_optional_text, "a string or null"),
    "currency": (_optional_text, "a string or null"),
}
R = TypeVar("R")


def _record(
    build: Callable[[dict[str, Any]], R],
    data: dict[str, Any],
    checks: Mapping[str, Check],
    line: int,
) -> R:
    """``build(data)`` once every value passes its check, errors naming ``line``."""
    for key, (ok, valid) in checks.items():
        if not ok(data.get(key)):
            raise _error(key, line, data.get(key), valid)
    try:
        return build(data)
    except InvalidValueError as error:
        raise _error(error.field, line, error.value, error.valid) from error


class _Located(Protocol):
    @property
    def start(self) -> int: ...

    @property
    def end(self) -> int: ...


L = TypeVar("L", bound=_Located)


def _sorted(records: Iterable[L]) -> list[L]:
    return sorted(records, key=lambda record: (record.start, record.end))


# ---------------------------------------------------------------- records


class _Builder:
    def __init__(
        self,
        parsed: Parsed,
        norm: Callable[[int, int], str],
        resolve: Callable[[str], DateMention | None],
        count: Callable[[str], NumberMention | None],
    ) -> None:
        self.parsed, self.text = parsed, parsed.text
        self.norm, self.resolve, self.count = norm, resolve, count
        self.entities: dict[str, Entity] = {}
        self.dates: dict[str, DateMention] = {}
        self.refers: dict[str, Entity] = {}
        for target, (line, _) in parsed.notes.items():
            self._exists(target, line, "note")

    def _exists(self, target: str, line: int, what: str) -> bool:
        """False if ``target`` was skipped; raise if it does not exist."""
        if target in self.parsed.bounds or target in self.parsed.events:
            return True
        if target in self.parsed.skipped:
            return False
        raise _error(what, line, target, "the ID of an annotation in the file")

    def _note(self, ident: str, line: int) -> tuple[dict[str, Any], int]:
        """The note on ``ident`` and its line (``line`` if there is none)."""
        found, note = self.parsed.notes.get(ident, (line, {}))
        return note, found

    def build(self) -> Read:
        parsed = self.parsed
        entities: list[Entity] = []
        titles: list[Entity] = []
        numbers: list[NumberMention] = []
        for ident, bound in parsed.bounds.items():
            if bound.kind in ENTITY_TYPES:
                self.entities[ident] = self._entity(ident, bound)
                entities.append(self.entities[ident])
            elif bound.kind == TITLE:
                titles.append(self._entity(ident, bound))
            elif bound.kind in DATE_TYPES:
                self.dates[ident] = self._date(ident, bound)
            elif bound.kind in NUMBER_TYPES:
                numbers.append(self._number(ident, bound))
        for source, (line, target) in parsed.refers.items():
            if self._exists(source, line, "Arg1") and self._exists(target, line, "Arg2"):
                if target not in self.entities:
                    valid = f"an entity ({', '.join(ENTITY_TYPES)})"
                    raise _error("Arg2", line, target, valid)
                self.refers[source] = self.entities[target]
        direct, modes = self._attributes()
        roles: list[Role] = []
        quotes: list[Quote] = []
        attributions: list[Attribution] = []
        meetings: list[Meeting] = []
        for ident, event in parsed.events.items():
            if ident in parsed.skipped:
                continue
            trigger = parsed.bounds.get(event.trigger)
            if trigger is None or trigger.kind != event.kind:
                valid = f"the ID of a {event.kind} T"
                raise _error("trigger", event.line, event.trigger, valid)
            slots = self._slots(ident, event)
            start, end = trigger.start, trigger.end
            if event.kind == "Role":
                person = self._argument(self._required(slots, "Person", event))
                org = self._optional(self._one(slots, "Org", event))
                roles.append(Role(person, self._title(ident, event, trigger), org, start, end))
            elif event.kind == "Quote":
                speaker = self._optional(self._one(slots, "Speaker", event))
                content = parsed.bounds[self._required(slots, "Content", event)]
                span = Span(content.start, content.end, self.text[content.start : content.end])
                cue = self._text(self._note(ident, event.line), "cue", "")
                quotes.append(Quote(speaker, cue, span, ident in direct, start, end))
            elif event.kind == "Attribution":
                reporter = self._argument(self._required(slots, "Source", event))
                via = [self._argument(target) for target in slots.get("Via", [])]
                attributions.append(Attribution(reporter, via, start, end))
            else:
                participants = [self._argument(t) for t in slots.get("Participant", [])]
                date = self._one(slots, "Date", event)
                if date is not None and date not in self.dates:
                    raise _error("Date", event.line, date, "the ID of a date (DATE, TIME, …)")
                place = self._optional(self._one(slots, "Place", event))
                mode = cast(MeetingMode | None, modes.get(ident))
                when = None if date is None else self.dates[date]
                meetings.append(Meeting(participants, when, mode, place, start, end))
        return Read(
            _sorted(entities),
            _sorted(titles),
            _sorted(self.dates.values()),
            _sorted(numbers),
            _sorted(roles),
            _sorted(quotes),
            _sorted(attributions),
            _sorted(meetings),
        )

    def _attributes(self) -> tuple[set[str], dict[str, str]]:
        """The quotes marked ``Direct``, and each meeting's ``Mode``."""
        direct: set[str] = set()
        modes: dict[str, str] = {}
        for link in self.parsed.attributes:
            if not self._exists(link.target, link.line, link.kind):
                continue
            event = self.parsed.events.get(link.target)
            wanted = "Quote" if link.kind == DIRECT else "Meeting"
            if event is None or event.kind != wanted:
                raise _error(link.kind, link.line, link.target, f"the ID of a {wanted} event")
            if link.kind == DIRECT:
                direct.add(link.target)
            elif link.value is None or link.value not in MEETING_MODES:
                raise _error(MODE, link.line, link.value, " | ".join(MEETING_MODES))
            else:
                modes[link.target] = link.value
        return direct, modes

    def _slots(self, ident: str, event: Event) -> dict[str, list[str]]:
        """Argument IDs by role, in the order of their numbers (Via, Via2, …)."""
        numbered: dict[str, list[tuple[int, str]]] = {}
        for role, target in event.arguments:
            match = _ROLE.fullmatch(role)
            name, number = (match.group(1), int(match.group(2) or 1)) if match else (role, 1)
            if name not in EVENTS[event.kind]:
                self.parsed.skip(f"{event.kind} argument", event.line, role, f"{ident}:{role}")
                continue
            if not self._exists(target, event.line, role):
                continue
            if target in self.parsed.events or self.parsed.bounds[target].kind in EVENTS:
                raise _error(role, event.line, target, "the ID of a T that is not a trigger")
            numbered.setdefault(name, []).append((number, target))
        return {name: [target for _, target in sorted(items)] for name, items in numbered.items()}

    @staticmethod
    def _one(slots: Mapping[str, list[str]], role: str, event: Event) -> str | None:
        found = slots.get(role, [])
        if len(found) > 1:
            raise _error(f"{event.kind} event", event.line, role, f"at most one {role} argument")
        return found[0] if found else None

    def _required(self, slots: Mapping[str, list[str]], role: str, event: Event) -> str:
        found = self._one(slots, role, event)
        if found is None:
            raise _error(f"{event.kind} event", event.line, role, f"one {role} argument")
        return found

    def _optional(self, target: str | None) -> Argument | None:
        return None if target is None else self._argument(target)

    def _argument(self, target: str) -> Argument:
        """An entity's T is that entity; any other T a phrase, or what it Refers to."""
        entity = self.entities.get(target)
        if entity is not None:
            return Argument(entity.canonical, entity.start, entity.end, entity)
        bound = self.parsed.bounds[target]
        entity = self.refers.get(target)
        default = entity.canonical if entity is not None else self.text[bound.start : bound.end]
        text = self._text(self._note(target, bound.line), "text", default)
        return Argument(text, bound.start, bound.end, entity)

    def _title(self, ident: str, event: Event, trigger: Bound) -> str:
        note = self._note(ident, event.line)
        if "title" in note[0]:
            return self._text(note, "title", "")
        for bound in self.parsed.bounds.values():
            if bound.kind == TITLE and trigger.start <= bound.start and bound.end <= trigger.end:
                return self.norm(bound.start, bound.end)
        valid = 'a note {"title": "…"} or a TITLE annotation inside the role'
        raise _error("Role event", event.line, ident, valid)

    @staticmethod
    def _text(note: tuple[dict[str, Any], int], key: str, default: str) -> str:
        value = note[0].get(key, default)
        if not isinstance(value, str):
            raise _error(f"note {key!r}", note[1], value, "a string")
        return value

    def _entity(self, ident: str, bound: Bound) -> Entity:
        note, line = self._note(ident, bound.line)
        data: dict[str, Any] = {
            "start": bound.start,
            "end": bound.end,
            "text": self.text[bound.start : bound.end],
            "label": bound.kind,
            "canonical": self.norm(bound.start, bound.end),
            "kind": None,
            "score": 1.0,
            "source": "rule",  # annotated by hand
            **{key: note[key] for key in ENTITY_KEYS if key in note},
        }
        return _record(Entity.from_dict, data, ENTITY_CHECKS, line)

    def _date(self, ident: str, bound: Bound) -> DateMention:
        covered = self.text[bound.start : bound.end]
        note, line = self._note(ident, bound.line)
        if not note:  # annotated by hand: read its value
            found = self.resolve(covered)
            note = {"reason": "annotated by hand; no value read"}
            if found is not None:
                note = {key: found.to_dict()[key] for key in DATE_KEYS}
        data: dict[str, Any] = {
            "start": bound.start,
            "end": bound.end,
            "text": covered,
            "kind": DATE_TYPES[bound.kind],
            **dict.fromkeys(("value", "end_value", "time", "duration", "reason")),
            "precision": "day",
            "calendar": "relative",
            "rule": "",
            **{key: note[key] for key in DATE_KEYS if key in note},
        }
        return _record(DateMention.from_dict, data, DATE_CHECKS, line)

    def _number(self, ident: str, bound: Bound) -> NumberMention:
        covered = self.text[bound.start : bound.end]
        note, line = self._note(ident, bound.line)
        if "value" not in note:  # annotated by hand: read its value
            found = self.count(covered)
            if found is None:
                valid = 'a number persnews reads («۲۵ درصد», «سه هزار»), or a note {"value": …}'
                raise _error("number", bound.line, covered, valid)
            note = {**{key: found.to_dict()[key] for key in NUMBER_KEYS}, **note}
        data: dict[str, Any] = {
            "start": bound.start,
            "end": bound.end,
            "text": covered,
            "kind": NUMBER_TYPES[bound.kind],
            **dict.fromkeys(NUMBER_KEYS),
            **{key: note[key] for key in NUMBER_KEYS if key in note},
        }
        return _record(NumberMention.from_dict, data, NUMBER_CHECKS, line)
