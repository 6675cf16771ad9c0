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

import json
from collections.abc import Mapping, Sequence
from typing import Any, Final, get_args

from persnews import _patterns
from persnews.model import (
    ENTITY_LABELS,
    MEETING_MODES,
    NUMBER_KINDS,
    Argument,
    Attribution,
    DateKind,
    DateMention,
    Entity,
    Meeting,
    NumberMention,
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

_LINE: Final = _patterns.compile(r"[^\r\n]+")


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
