"""BRAT standoff writing and reading for :mod:`persnews.export`.

The representation (``docs/export.md`` shows it with examples):

- ``T`` lines: entities (their label), titles (``TITLE``), dates (their kind in
  capitals: ``DATE``, ``TIME``, ``DURATION`` …), numbers (``CARDINAL``,
  ``MONEY`` …); for relations, the arguments that are not an entity's own
  span (``Mention``), a quote's content (``Content``), and each relation's
  span, the trigger of its event (``Role``, ``Quote``, ``Attribution``,
  ``Meeting``);
- ``E`` lines: one event per relation — ``Role:T Person:T Org:T``,
  ``Quote:T Speaker:T Content:T``, ``Attribution:T Source:T Via:T Via2:T``,
  ``Meeting:T Participant:T Participant2:T Date:T Place:T``;
- ``R`` lines: ``Refers Arg1:<Mention> Arg2:<entity>``: the pronoun, surname
  or title (``Mention``) stands for that entity;
- ``A`` lines: ``Direct`` on a quote, ``Mode`` (phone, video, in_person) on a
  meeting;
- ``#`` lines: ``AnnotatorNotes`` holding, as one JSON object, what brat has
  no place for: an entity's canonical name, kind, score and source; a date's
  value; a number's value and unit; a role's title; a quote's cue; an
  argument's text when it is not the text it covers.
"""

from __future__ import annotations

import datetime
import json
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any, Final, NamedTuple, Protocol, TypeVar, cast, get_args

import regex

from persnews.errors import InvalidValueError
from persnews.model import (
    ENTITY_LABELS,
    MEETING_MODES,
    NUMBER_KINDS,
    Argument,
    Attribution,
    DateCalendar,
    DateKind,
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

#: entity labels (titles are written as ``TITLE``)
ENTITY_TYPES: Final = tuple(label for label in ENTITY_LABELS if label != "TITLE")
TITLE: Final = "TITLE"
#: brat type -> date mention kind
DATE_TYPES: Final = {kind.upper(): kind for kind in get_args(DateKind)}
#: brat type -> number kind
NUMBER_TYPES: Final = {kind.upper(): kind for kind in NUMBER_KINDS}
MENTION: Final = "Mention"
CONTENT: Final = "Content"
#: event types and the roles of their arguments
EVENTS: Final = {
    "Role": ("Person", "Org"),
    "Quote": ("Speaker", "Content"),
    "Attribution": ("Source", "Via"),
    "Meeting": ("Participant", "Date", "Place"),
}
REFERS: Final = "Refers"
DIRECT: Final = "Direct"
MODE: Final = "Mode"
NOTE: Final = "AnnotatorNotes"
#: what a date's note holds (``DateMention.to_dict`` keys)
DATE_KEYS: Final = (
    "value",
    "end_value",
    "precision",
    "calendar",
    "time",
    "duration",
    "rule",
    "reason",
)
NUMBER_KEYS: Final = ("value", "unit", "currency", "base_value")
ENTITY_KEYS: Final = ("canonical", "kind", "score", "source")

_LINE: Final = regex.compile(r"[^\r\n]+")
_OFFSETS: Final = regex.compile(r"\s*(\d+) (\d+)\s*")
_ARGUMENT: Final = regex.compile(r"([^\s:]+):([^\s:]+)")
_ROLE: Final = regex.compile(r"(.*?)(\d*)")
_ID: Final = regex.compile(r"(?:[A-Za-z]+|#[A-Za-z]*)\d+\S*|\*")


def dumps(data: Mapping[str, Any]) -> str:
    """One line of JSON, UTF-8 text; the line separators that ``str.splitlines``
    would break on (U+0085, U+2028, U+2029) escaped."""
    line = json.dumps(data, ensure_ascii=False)
    return line.replace("\x85", "\\u0085").replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")


def brat_text(text: str) -> str:
    """``text`` as brat reads it, at the same offsets: brat opens files with
    universal newlines, so CR LF is written as space + LF and a lone CR as LF."""
    return text.replace("\r\n", " \n").replace("\r", "\n")


def fragments(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """``start:end`` cut at line breaks (an annotation's text stays on its line)."""
    return [(m.start(), m.end()) for m in _LINE.finditer(text, start, end)] or [(start, start)]


# ---------------------------------------------------------------- writing


class _Writer:
    def __init__(self, text: str) -> None:
        self.text = text
        self.lines: dict[str, list[str]] = {kind: [] for kind in ("T", "E", "R", "A", "#")}
        self.entities: dict[Entity, str] = {}
        self.mentions: dict[tuple[int, int, str, str | None], str] = {}

    def _id(self, kind: str) -> str:
        return f"{kind}{len(self.lines[kind]) + 1}"

    def bound(self, kind: str, start: int, end: int, note: Mapping[str, Any] | None = None) -> str:
        ident, pieces = self._id("T"), fragments(self.text, start, end)
        offsets = ";".join(f"{a} {b}" for a, b in pieces)
        covered = " ".join(self.text[a:b] for a, b in pieces)
        self.lines["T"].append(f"{ident}\t{kind} {offsets}\t{covered}")
        if note is not None:
            self.note(ident, note)
        return ident

    def note(self, target: str, data: Mapping[str, Any]) -> None:
        self.lines["#"].append(f"{self._id('#')}\t{NOTE} {target}\t{dumps(data)}")

    def event(self, kind: str, start: int, end: int, arguments: Sequence[tuple[str, str]]) -> str:
        ident, trigger = self._id("E"), self.bound(kind, start, end)
        numbered: dict[str, int] = {}
        parts = [f"{ident}\t{kind}:{trigger}"]
        for role, target in arguments:
            numbered[role] = numbered.get(role, 0) + 1
            parts.append(f"{role}{numbered[role] if numbered[role] > 1 else ''}:{target}")
        self.lines["E"].append(" ".join(parts))
        return ident

    def attribute(self, kind: str, target: str, value: str | None = None) -> None:
        line = f"{self._id('A')}\t{kind} {target}" + (f" {value}" if value else "")
        self.lines["A"].append(line)

    def argument(self, argument: Argument) -> str:
        """The T of an argument: its entity's, or a Mention (with Refers and a note)."""
        entity = argument.entity
        known = self.entities.get(entity) if entity is not None else None
        if (
            entity is not None
            and known is not None
            and (argument.start, argument.end) == (entity.start, entity.end)
            and argument.text == entity.canonical
        ):
            return known
        key = (argument.start, argument.end, argument.text, known)
        if key not in self.mentions:
            ident = self.bound(MENTION, argument.start, argument.end)
            if entity is not None and known is not None:
                relation = self._id("R")
                self.lines["R"].append(f"{relation}\t{REFERS} Arg1:{ident} Arg2:{known}")
                default = entity.canonical
            else:
                default = self.text[argument.start : argument.end]
            if argument.text != default:
                self.note(ident, {"text": argument.text})
            self.mentions[key] = ident
        return self.mentions[key]

    def annotations(self) -> str:
        lines = [line for kind in ("T", "E", "R", "A", "#") for line in self.lines[kind]]
        return "\n".join(lines) + "\n" if lines else ""


def entity_note(entity: Entity) -> dict[str, Any]:
    return {key: getattr(entity, key) for key in ENTITY_KEYS}


def write(
    text: str,
    entities: Sequence[Entity],
    titles: Sequence[Entity],
    dates: Sequence[DateMention],
    numbers: Sequence[NumberMention],
    relations: tuple[Sequence[Role], Sequence[Quote], Sequence[Attribution], Sequence[Meeting]],
) -> tuple[str, str]:
    writer = _Writer(brat_text(text))
    for entity in entities:
        writer.entities.setdefault(entity, writer.bound(entity.label, entity.start, entity.end))
        writer.note(writer.entities[entity], entity_note(entity))
    for title in titles:
        writer.bound(TITLE, title.start, title.end, entity_note(title))
    date_ids: dict[tuple[int, int], str] = {}
    for date in dates:
        note = {key: date.to_dict()[key] for key in DATE_KEYS}
        date_ids.setdefault(
            (date.start, date.end), writer.bound(date.kind.upper(), *_span(date), note)
        )
    for number in numbers:
        note = {key: number.to_dict()[key] for key in NUMBER_KEYS}
        writer.bound(number.kind.upper(), number.start, number.end, note)
    roles, quotes, attributions, meetings = relations
    for role in roles:
        arguments = [("Person", writer.argument(role.person))]
        if role.org is not None:
            arguments.append(("Org", writer.argument(role.org)))
        writer.note(writer.event("Role", role.start, role.end, arguments), {"title": role.title})
    for quote in quotes:
        arguments = [] if quote.speaker is None else [("Speaker", writer.argument(quote.speaker))]
        arguments.append(("Content", writer.bound(CONTENT, *_span(quote.content))))
        ident = writer.event("Quote", quote.start, quote.end, arguments)
        writer.note(ident, {"cue": quote.cue})
        if quote.direct:
            writer.attribute(DIRECT, ident)
    for attribution in attributions:
        arguments = [("Source", writer.argument(attribution.source))]
        arguments += [("Via", writer.argument(via)) for via in attribution.via]
        writer.event("Attribution", attribution.start, attribution.end, arguments)
    for meeting in meetings:
        arguments = [("Participant", writer.argument(p)) for p in meeting.participants]
        if meeting.date is not None:
            date = meeting.date
            if (date.start, date.end) not in date_ids:  # not among the dates: written as one
                note = {key: date.to_dict()[key] for key in DATE_KEYS}
                date_ids[date.start, date.end] = writer.bound(date.kind.upper(), *_span(date), note)
            arguments.append(("Date", date_ids[date.start, date.end]))
        if meeting.place is not None:
            arguments.append(("Place", writer.argument(meeting.place)))
        ident = writer.event("Meeting", meeting.start, meeting.end, arguments)
        if meeting.mode is not None:
            writer.attribute(MODE, ident, meeting.mode)
    return writer.text, writer.annotations()


def _span(record: DateMention | Span) -> tuple[int, int]:
    return record.start, record.end


def conf() -> str:
    """annotation.conf for the types :func:`write` uses."""
    kinds = "|".join([*ENTITY_TYPES, TITLE, MENTION])
    dates = "|".join(DATE_TYPES)
    return "\n".join(
        [
            "# persnews: entities, titles, dates, numbers and relations (persnews.export.to_brat)",
            "[entities]",
            *ENTITY_TYPES,
            TITLE,
            *DATE_TYPES,
            *NUMBER_TYPES,
            MENTION,
            CONTENT,
            "",
            "[relations]",
            f"{REFERS}\tArg1:{MENTION}, Arg2:{'|'.join(ENTITY_TYPES)}",
            "<OVERLAP>\tArg1:<ENTITY>, Arg2:<ENTITY>, <OVL-TYPE>:<ANY>",
            "",
            "[events]",
            f"Role\tPerson:{kinds}, Org?:{kinds}",
            f"Quote\tSpeaker?:{kinds}, Content:{CONTENT}",
            f"Attribution\tSource:{kinds}, Via*:{kinds}",
            f"Meeting\tParticipant*:{kinds}, Date?:{dates}, Place?:{kinds}",
            "",
            "[attributes]",
            f"{DIRECT}\tArg:Quote",
            f"{MODE}\tArg:Meeting, Value:{'|'.join(MEETING_MODES)}",
            "",
        ]
    )


# ---------------------------------------------------------------- reading


class Bound(NamedTuple):
    line: int
    kind: str
    start: int
    end: int


class Event(NamedTuple):
    line: int
    kind: str
    trigger: str
    arguments: list[tuple[str, str]]


class Link(NamedTuple):
    line: int
    kind: str
    target: str
    value: str | None


def _error(what: str, line: int, value: object, valid: str) -> InvalidValueError:
    return InvalidValueError(field=f"{what} on line {line}", value=value, valid=valid)


class Parsed:
    """The lines of an .ann file, checked against the text, by kind."""

    def __init__(self, text: str, ann: str, unknown: str) -> None:
        self.text, self.unknown = text, unknown
        self.bounds: dict[str, Bound] = {}
        self.events: dict[str, Event] = {}
        self.refers: dict[str, tuple[int, str, str]] = {}
        self.attributes: list[Link] = []
        self.notes: dict[str, tuple[int, dict[str, Any]]] = {}
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
        if self.unknown == "raise":
            raise _error(
                what, line, value, "a type persnews knows (see brat_conf()); pass unknown='skip'"
            )
        self.skipped.add(ident)

    def _line(self, number: int, ident: str, body: str) -> None:
        first = ident[0]
        if first == "T":
            self._bound(number, ident, body)
        elif first == "E":
            fields = body.split("\t")[0].split()
            parts = [_ARGUMENT.fullmatch(field) for field in fields]
            if not parts or any(part is None for part in parts):
                raise _error(ident, number, body, "TYPE:TRIGGER ROLE:ID …")
            pairs = [(part.group(1), part.group(2)) for part in parts if part is not None]
            (kind, trigger), arguments = pairs[0], pairs[1:]
            if kind not in EVENTS:
                self.skip("event type", number, kind, ident)
            self.events[ident] = Event(number, kind, trigger, arguments)
        elif first == "R":
            fields = body.split("\t")[0].split()
            parts = [_ARGUMENT.fullmatch(field) for field in fields[1:]]
            if len(fields) != 3 or any(part is None for part in parts):
                raise _error(ident, number, body, "TYPE Arg1:ID Arg2:ID")
            if fields[0] != REFERS:
                self.skip("relation type", number, fields[0], ident)
                return
            source, target = (part.group(2) for part in parts)  # type: ignore[union-attr]
            self.refers[source] = (number, target, ident)
        elif first in "AM":
            fields = body.split("\t")[0].split()
            if len(fields) not in (2, 3):
                raise _error(ident, number, body, "TYPE TARGET [VALUE]")
            if fields[0] not in (DIRECT, MODE):
                self.skip("attribute", number, fields[0], ident)
                return
            value = fields[2] if len(fields) == 3 else None
            self.attributes.append(Link(number, fields[0], fields[1], value))
        elif first == "#":
            head, _, note = body.partition("\t")
            fields = head.split()
            if len(fields) != 2:
                raise _error(ident, number, body, "AnnotatorNotes TARGET<tab>note")
            if fields[0] != NOTE:
                return  # another kind of comment
            data: dict[str, Any] = {}
            if note.strip().startswith("{"):
                try:
                    data = json.loads(note)
                except ValueError as error:
                    raise _error(
                        "note",
                        number,
                        note,
                        f"a JSON object ({error}), or a note not starting with {{",
                    ) from error
                if not isinstance(data, dict):
                    raise _error("note", number, note, "a JSON object")
            line, before = self.notes.get(fields[1], (number, {}))
            self.notes[fields[1]] = (line if before else number, {**before, **data})
        else:  # N (normalizations), * (equivalences)
            self.skip("annotation", number, body.split(" ")[0], ident)

    def _bound(self, number: int, ident: str, body: str) -> None:
        head, tab, covered = body.partition("\t")
        kind, _, offsets = head.partition(" ")
        pieces: list[tuple[int, int]] = []
        for part in offsets.split(";"):
            match = _OFFSETS.fullmatch(part)
            if match is None:
                raise _error(f"offsets of {ident}", number, offsets, "START END[;START END]…")
            start, end = int(match.group(1)), int(match.group(2))
            low = pieces[-1][1] if pieces else 0
            if not low <= start <= end <= len(self.text):
                raise _error(
                    f"offsets of {ident}",
                    number,
                    offsets,
                    f"fragments in order, within the text (0..{len(self.text)})",
                )
            pieces.append((start, end))
        expected = " ".join(self.text[a:b] for a, b in pieces)
        tail = covered[len(expected) :]
        if tab and not (covered.startswith(expected) and (not tail or tail[0].isspace())):
            raise _error(
                f"text of {ident}", number, covered, f"the text at {offsets}: {expected!r}"
            )
        known = (*ENTITY_TYPES, TITLE, *DATE_TYPES, *NUMBER_TYPES, MENTION, CONTENT, *EVENTS)
        if kind not in known:
            self.skip("type", number, kind, ident)
            return
        self.bounds[ident] = Bound(number, kind, pieces[0][0], pieces[-1][1])


class Read(NamedTuple):
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
    resolve: Callable[[str, str], DateMention | None],
    count: Callable[[str], NumberMention | None],
) -> Read:
    """The records an .ann file holds.

    ``norm(start, end)`` is the normalized text of a span (an entity's default
    canonical name), ``resolve(text, kind)`` reads a date annotated by hand,
    ``count(text)`` a number annotated by hand.
    """
    parsed = Parsed(text, ann, unknown)
    builder = _Builder(parsed, norm, resolve, count)
    return builder.build()


class _Builder:
    def __init__(
        self,
        parsed: Parsed,
        norm: Callable[[int, int], str],
        resolve: Callable[[str, str], DateMention | None],
        count: Callable[[str], NumberMention | None],
    ) -> None:
        self.parsed, self.text = parsed, parsed.text
        self.norm, self.resolve, self.count = norm, resolve, count
        self.entities: dict[str, Entity] = {}
        self.dates: dict[str, DateMention] = {}
        self.refers: dict[str, Entity] = {}
        for target, (line, _) in parsed.notes.items():
            self._check_target(target, line, "note")

    def _check_target(self, target: str, line: int, what: str) -> bool:
        """False if ``target`` was skipped; raise if it does not exist."""
        parsed = self.parsed
        if target in parsed.bounds or target in parsed.events:
            return True
        if target in parsed.skipped:
            return False
        raise _error(what, line, target, "the ID of an annotation in the file")

    def note(self, ident: str) -> dict[str, Any]:
        return self.parsed.notes.get(ident, (0, {}))[1]

    def build(self) -> Read:
        parsed, text = self.parsed, self.text
        entities: list[Entity] = []
        titles: list[Entity] = []
        numbers: list[NumberMention] = []
        for ident, bound in parsed.bounds.items():
            if bound.kind in ENTITY_TYPES or bound.kind == TITLE:
                entity = self._entity(ident, bound)
                (titles if bound.kind == TITLE else entities).append(entity)
                if bound.kind != TITLE:
                    self.entities[ident] = entity
            elif bound.kind in DATE_TYPES:
                self.dates[ident] = self._date(ident, bound)
            elif bound.kind in NUMBER_TYPES:
                numbers.append(self._number(ident, bound))
        for source, (line, target, _) in parsed.refers.items():
            if not (
                self._check_target(source, line, "Arg1")
                and self._check_target(target, line, "Arg2")
            ):
                continue
            if target not in self.entities:
                raise _error("Arg2", line, target, "an entity (PER, ORG, LOC, FAC, EVENT, PRODUCT)")
            self.refers[source] = self.entities[target]
        direct: set[str] = set()
        modes: dict[str, str] = {}
        for link in parsed.attributes:
            if not self._check_target(link.target, link.line, link.kind):
                continue
            event = parsed.events.get(link.target)
            wanted = "Quote" if link.kind == DIRECT else "Meeting"
            if event is None or event.kind != wanted:
                raise _error(link.kind, link.line, link.target, f"the ID of a {wanted} event")
            if link.kind == DIRECT:
                direct.add(link.target)
            elif link.value is None or link.value not in MEETING_MODES:
                raise _error(MODE, link.line, link.value, " | ".join(MEETING_MODES))
            else:
                modes[link.target] = link.value
        roles: list[Role] = []
        quotes: list[Quote] = []
        attributions: list[Attribution] = []
        meetings: list[Meeting] = []
        for ident, event in parsed.events.items():
            if ident in parsed.skipped:
                continue
            trigger = parsed.bounds.get(event.trigger)
            if trigger is None or trigger.kind != event.kind:
                if event.trigger in parsed.skipped:
                    raise _error("trigger", event.line, event.trigger, f"a {event.kind} T")
                raise _error("trigger", event.line, event.trigger, f"the ID of a {event.kind} T")
            slots = self._slots(ident, event)
            start, end = trigger.start, trigger.end
            if event.kind == "Role":
                person = self._required(slots, "Person", event)
                org = self._one(slots, "Org", event)
                title = self._title(ident, event, start, end)
                roles.append(Role(self._argument(person), title, self._optional(org), start, end))
            elif event.kind == "Quote":
                speaker = self._one(slots, "Speaker", event)
                content = self._required(slots, "Content", event)
                bound = parsed.bounds[content]
                cue = self._text_field(self.note(ident), "cue", "", event.line)
                span = Span(bound.start, bound.end, text[bound.start : bound.end])
                quotes.append(
                    Quote(self._optional(speaker), cue, span, ident in direct, start, end)
                )
            elif event.kind == "Attribution":
                reporter = self._argument(self._required(slots, "Source", event))
                via = [self._argument(target) for target in slots.get("Via", [])]
                attributions.append(Attribution(reporter, via, start, end))
            else:
                participants = [self._argument(t) for t in slots.get("Participant", [])]
                date_id = self._one(slots, "Date", event)
                if date_id is not None and date_id not in self.dates:
                    raise _error("Date", event.line, date_id, "the ID of a date (DATE, TIME, …)")
                date = None if date_id is None else self.dates[date_id]
                place = self._optional(self._one(slots, "Place", event))
                mode = cast(MeetingMode | None, modes.get(ident))
                meetings.append(Meeting(participants, date, mode, place, start, end))
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

    def _slots(self, ident: str, event: Event) -> dict[str, list[str]]:
        """Argument IDs by role, in the order of their numbers (Via, Via2, …)."""
        numbered: dict[str, list[tuple[int, str]]] = {}
        for role, target in event.arguments:
            match = _ROLE.fullmatch(role)
            assert match is not None
            name, number = match.group(1), int(match.group(2) or 1)
            if name not in EVENTS[event.kind]:
                self.parsed.skip(f"{event.kind} argument", event.line, role, f"{ident}:{role}")
                continue
            if not self._check_target(target, event.line, role):
                continue
            if target in self.parsed.events or self.parsed.bounds[target].kind in EVENTS:
                raise _error(role, event.line, target, "the ID of a T that is not a trigger")
            numbered.setdefault(name, []).append((number, target))
        return {name: [target for _, target in sorted(items)] for name, items in numbered.items()}

    def _one(self, slots: Mapping[str, list[str]], role: str, event: Event) -> str | None:
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
        entity = self.entities.get(target)
        if entity is not None:
            return Argument(entity.canonical, entity.start, entity.end, entity)
        bound = self.parsed.bounds[target]
        entity = self.refers.get(target)
        default = entity.canonical if entity is not None else self.text[bound.start : bound.end]
        text = self._text_field(self.note(target), "text", default, bound.line)
        return Argument(text, bound.start, bound.end, entity)

    def _title(self, ident: str, event: Event, start: int, end: int) -> str:
        note = self.note(ident)
        if "title" in note:
            return self._text_field(note, "title", "", event.line)
        inside = [
            b
            for b in self.parsed.bounds.values()
            if b.kind == TITLE and start <= b.start and b.end <= end
        ]
        if not inside:
            raise _error(
                "Role event",
                event.line,
                ident,
                'a note {"title": "…"} or a TITLE annotation inside the role',
            )
        return self.norm(inside[0].start, inside[0].end)

    @staticmethod
    def _text_field(note: Mapping[str, Any], key: str, default: str, line: int) -> str:
        value = note.get(key, default)
        if not isinstance(value, str):
            raise _error(f"note {key!r}", line, value, "a string")
        return value

    def _entity(self, ident: str, bound: Bound) -> Entity:
        note = self.note(ident)
        data: dict[str, Any] = {
            "start": bound.start,
            "end": bound.end,
            "text": self.text[bound.start : bound.end],
            "label": bound.kind,
            "canonical": self.norm(bound.start, bound.end),
            "kind": None,
            "score": 1.0,
            "source": "rule",
            **{key: note[key] for key in ENTITY_KEYS if key in note},
        }
        line = self.parsed.notes.get(ident, (bound.line, {}))[0]
        _check(isinstance(data["canonical"], str), "canonical", data["canonical"], "a string", line)
        _check(
            data["kind"] is None or isinstance(data["kind"], str),
            "kind",
            data["kind"],
            "a string or null",
            line,
        )
        score = data["score"]
        _check(
            isinstance(score, int | float) and not isinstance(score, bool) and 0 <= score <= 1,
            "score",
            score,
            "a number in [0, 1]",
            line,
        )
        return _from_dict(Entity.from_dict, data, line)

    def _date(self, ident: str, bound: Bound) -> DateMention:
        kind, covered = DATE_TYPES[bound.kind], self.text[bound.start : bound.end]
        note = self.note(ident)
        line = self.parsed.notes.get(ident, (bound.line, {}))[0]
        if not note:
            found = self.resolve(covered, kind)
            if found is not None:
                note = {key: found.to_dict()[key] for key in DATE_KEYS}
            else:
                note = {"reason": "annotated by hand; no value read"}
        data: dict[str, Any] = {
            "start": bound.start,
            "end": bound.end,
            "text": covered,
            "kind": kind,
            "value": None,
            "end_value": None,
            "precision": "day",
            "calendar": "relative",
            "time": None,
            "duration": None,
            "rule": "",
            "reason": None,
            **{key: note[key] for key in DATE_KEYS if key in note},
        }
        for key in ("value", "end_value", "time", "duration", "reason"):
            _check(
                data[key] is None or isinstance(data[key], str),
                key,
                data[key],
                "a string or null",
                line,
            )
        for key, parse, form in (
            ("value", datetime.date.fromisoformat, "an ISO date (YYYY-MM-DD)"),
            ("end_value", datetime.date.fromisoformat, "an ISO date (YYYY-MM-DD)"),
            ("time", datetime.time.fromisoformat, "an ISO time (HH:MM)"),
        ):
            if data[key] is not None:
                try:
                    parse(data[key])
                except ValueError as error:
                    raise _error(key, line, data[key], f"{form} or null") from error
        _check(isinstance(data["rule"], str), "rule", data["rule"], "a string", line)
        for key, allowed in (
            ("precision", get_args(Precision)),
            ("calendar", get_args(DateCalendar)),
        ):
            _check(data[key] in allowed, key, data[key], " | ".join(allowed), line)
        return _from_dict(DateMention.from_dict, data, line)

    def _number(self, ident: str, bound: Bound) -> NumberMention:
        covered, note = self.text[bound.start : bound.end], self.note(ident)
        line = self.parsed.notes.get(ident, (bound.line, {}))[0]
        data: dict[str, Any] = {
            "start": bound.start,
            "end": bound.end,
            "text": covered,
            "kind": NUMBER_TYPES[bound.kind],
            **{key: note[key] for key in NUMBER_KEYS if key in note},
        }
        if "value" not in data:
            found = self.count(covered)
            if found is None:
                raise _error(
                    "number",
                    bound.line,
                    covered,
                    'a number persnews reads («۲۵ درصد», «سه هزار»), or a note {"value": …}',
                )
            data = {**{key: found.to_dict()[key] for key in NUMBER_KEYS}, **data}
        for key in ("value", "base_value"):
            value = data.get(key)
            ok = isinstance(value, int | float) and not isinstance(value, bool)
            _check(ok or (key == "base_value" and value is None), key, value, "a number", line)
        for key in ("unit", "currency"):
            value = data.get(key)
            _check(value is None or isinstance(value, str), key, value, "a string or null", line)
        return _from_dict(NumberMention.from_dict, data, line)


def _check(ok: bool, key: str, value: object, valid: str, line: int) -> None:
    if not ok:
        raise _error(key, line, value, valid)


R = TypeVar("R")


def _from_dict(build: Callable[[dict[str, Any]], R], data: dict[str, Any], line: int) -> R:
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
