"""Relations in news text: roles, quotes, attributions and meetings.

Who holds which title where, who said what, who reports the story on whose
authority, and who met whom, when and how.  The finder reads the tokens,
entities (:func:`~persnews.find_entities`), titles (:func:`~persnews.find_titles`)
and dates (:func:`~persnews.find_dates`) of a text; pass them in when you have
them, so nothing is computed twice.

>>> from persnews import find_relations
>>> found = find_relations(
...     "به گزارش ایرنا، سرگئی لاوروف وزیر امور خارجه روسیه گفت: «ما آماده‌ایم.»"
... )
>>> [(r.person.text, r.title, r.org.text) for r in found.roles]
[('سرگئی لاوروف', 'وزیر امور خارجه', 'روسیه')]
>>> [(q.speaker.text, q.cue, q.content.text) for q in found.quotes]
[('سرگئی لاوروف', 'گفت', 'ما آماده\u200cایم.')]
>>> [a.source.text for a in found.attributions]
['خبرگزاری جمهوری اسلامی ایران']

How it reads, in short: a title next to a person's name (before or after it,
with commas, honorifics and «از سخنگویان» between) is a role, and the name of
an organization or country right after the title is its organization.  A
reporting verb (data/relation_verbs.tsv, every tense and person form made
from hazm's verb stems) followed by «...», a colon, «که» or a clause is a
quote; its speaker is the subject of the clause before the verb — a person,
else an organization — with «وی»/«او» and titles alone resolved to the person
they stand for.  «به گزارش X به نقل از Y» and a closing «(ایسنا)» are
attributions.  A meeting verb («دیدار کرد», «گفت‌وگو کردند») or «در دیدار با»
makes a meeting of the clause's subjects and partners, with the date mention
and the mode (تلفنی، ویدئوکنفرانس) written in the clause.
"""

from __future__ import annotations

import bisect
import functools
from collections.abc import Iterable, Sequence
from typing import Final, NamedTuple, TypeVar

import attrs

from persnews import _data, _hazm
from persnews.calendar import reference_date
from persnews.dates import find_dates
from persnews.entities import _gazetteer, _heads, _key, _name_end, find_entities, find_titles
from persnews.errors import InputTypeError
from persnews.model import (
    Argument,
    Attribution,
    DateMention,
    Entity,
    Meeting,
    MeetingMode,
    Quote,
    Role,
    Span,
    Token,
)
from persnews.normalize import as_document
from persnews.text import NormalizedText
from persnews.tokens import _scan, sentences

__all__ = ["Relations", "find_relations"]

T = TypeVar("T")

ZWNJ: Final = "\u200c"
#: personal endings of the past and present tenses, and the auxiliaries of the perfect
_PAST_ENDINGS: Final = ("م", "ی", "", "یم", "ید", "ند")
_PRESENT_ENDINGS: Final = ("م", "ی", "د", "یم", "ید", "ند")
_PERFECT: Final = ("است", "اند", "ام", "ای", "ایم", "اید")
_PAST_PERFECT: Final = ("بود", "بودند")
_FUTURE: Final = ("خواهد", "خواهند", "خواهم", "خواهیم", "خواهید")
#: labels that can speak, report and meet besides persons
_BODIES: Final = frozenset({"ORG", "LOC"})
#: punctuation that may stand between a name and its title
_APPOSITION: Final = frozenset({"،", ",", "«", "»", '"', "(", ")", "-", "–"})
#: punctuation that closes a clause: a speaker is not looked for across it
_CLAUSE_BREAKS: Final = frozenset({":", "؛", ";", ".", "!", "؟", "?"})
#: a quotation this short is a name or a term in quotation marks, not a quote
_MIN_QUOTE_TOKENS: Final = 4
#: how many sentences back «وی» looks for the person it stands for
_PRONOUN_REACH: Final = 3
#: the longest counterpart phrase: «همتای روس خود»
_COUNTERPART_WORDS: Final = 4
#: the longest source phrase read when no entity or list names the outlet
_SOURCE_WORDS: Final = 4
#: plural endings of titles: «سخنگویان» → «سخنگو», «نمایندگان» → «نماینده»
_PLURALS: Final = (("یان", ""), ("گان", "ه"), ("ان", ""), (ZWNJ + "ها", ""), ("ها", ""))


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


@attrs.frozen
class Relations:
    """What :func:`find_relations` found, with the entities its arguments refer to."""

    #: the entities the relations were read with (argument ``entity`` ids index this)
    entities: tuple[Entity, ...] = attrs.field(converter=_entity_tuple)
    #: person – title – organization
    roles: tuple[Role, ...] = attrs.field(converter=_role_tuple)
    #: who said what
    quotes: tuple[Quote, ...] = attrs.field(converter=_quote_tuple)
    #: who reports, on whose authority
    attributions: tuple[Attribution, ...] = attrs.field(converter=_attribution_tuple)
    #: who met whom, when and how
    meetings: tuple[Meeting, ...] = attrs.field(converter=_meeting_tuple)

    def to_dict(self) -> dict[str, object]:
        """JSON-ready: entities with their ``id`` and the relations pointing at them."""
        ids = {entity: i for i, entity in enumerate(self.entities)}
        return {
            "entities": [{"id": i, **entity.to_dict()} for i, entity in enumerate(self.entities)],
            "roles": [role.to_dict(ids) for role in self.roles],
            "quotes": [quote.to_dict(ids) for quote in self.quotes],
            "attributions": [item.to_dict(ids) for item in self.attributions],
            "meetings": [meeting.to_dict(ids) for meeting in self.meetings],
        }


def find_relations(
    text: str | NormalizedText,
    *,
    published: object = None,
    entities: Iterable[Entity] | None = None,
    titles: Iterable[Entity] | None = None,
    dates: Iterable[DateMention] | None = None,
) -> Relations:
    """Find roles, quotes, attributions and meetings in a text.

    ``published`` resolves the dates of meetings («روز دوشنبه»), as in
    :func:`~persnews.find_dates`.  ``entities``, ``titles`` and ``dates`` are
    what :func:`~persnews.find_entities`, :func:`~persnews.find_titles` and
    :func:`~persnews.find_dates` return for the same text; they are computed
    when not given.

    >>> found = find_relations(
    ...     "وزیر خارجه روسیه سرگئی لاوروف روز دوشنبه با همتای ترک خود دیدار کرد.",
    ...     published="2021-11-23",
    ... )
    >>> [(r.person.text, r.title, r.org.text) for r in found.roles]
    [('سرگئی لاوروف', 'وزیر خارجه', 'روسیه')]
    >>> meeting = found.meetings[0]
    >>> [p.text for p in meeting.participants], str(meeting.date.value), meeting.mode
    (['سرگئی لاوروف', 'همتای ترک خود'], '2021-11-22', 'in_person')
    """
    reference = reference_date(published)
    doc = as_document(text)
    found_entities = _records(entities, "entities", Entity)
    found_titles = _records(titles, "titles", Entity)
    found_dates = _records(dates, "dates", DateMention)
    if found_entities is None:
        found_entities = find_entities(doc)
    if found_titles is None:
        found_titles = find_titles(doc)
    if found_dates is None:
        found_dates = find_dates(doc, published=reference)
    context = _Context(doc, found_entities, found_titles, found_dates)
    roles = context.roles = _roles(context)
    attributions = _attributions(context)
    quotes = _quotes(context)
    meetings = _meetings(context)
    return Relations(found_entities, roles, quotes, attributions, meetings)


def _records(items: Iterable[T] | None, name: str, kind: type[T]) -> list[T] | None:
    """``items`` as a list, checked to hold ``kind`` records (None stays None)."""
    if items is None:
        return None
    if isinstance(items, (str, bytes)):
        raise InputTypeError(argument=name, expected=f"{kind.__name__} records", got="str")
    listed = list(items)
    for item in listed:
        if not isinstance(item, kind):
            raise InputTypeError(
                argument=name, expected=f"{kind.__name__} records", got=type(item).__name__
            )
    return listed


# -- data ---------------------------------------------------------------------------------


class _Verb(NamedTuple):
    """A reporting or meeting verb, as data/relation_verbs.tsv lists it."""

    relation: str
    mode: MeetingMode | None
    #: a bare past participle («گفته»): a verb only before «:» or «که»
    participle: bool = False


def _forms(past: str, present: str, light: bool) -> set[tuple[str, ...]]:
    """Every affirmative tense and person form of a verb, as token sequences
    (normalized: «می‌گوید» with a half-space).  A light verb («اعلام کند»)
    takes no «ب» in the subjunctive."""
    forms: set[tuple[str, ...]] = set()
    for ending in _PAST_ENDINGS:
        forms |= {(past + ending,), ("می" + ZWNJ + past + ending,)}
    for ending in _PRESENT_ENDINGS:
        forms.add(("می" + ZWNJ + present + ending,))
        forms.add(((present if light else "ب" + present) + ending,))
    participle = past + "ه"
    forms.add((participle,))
    for auxiliary in _PERFECT:
        forms |= {(participle, auxiliary), (participle + ZWNJ + auxiliary,)}
    forms |= {(participle, auxiliary) for auxiliary in _PAST_PERFECT}
    forms |= {(auxiliary, past) for auxiliary in _FUTURE}
    return forms


@functools.cache
def _verbs() -> dict[tuple[str, ...], _Verb]:
    """Token sequence -> verb, for every form of every verb in the table."""
    _header, rows = _data.table("relation_verbs")
    verbs: dict[tuple[str, ...], _Verb] = {}
    for nonverbal, stems, relation, mode in rows:
        past, _, present = stems.partition("#")
        lead = () if nonverbal == "-" else tuple(nonverbal.split())
        verb = _Verb(relation, None if mode == "-" else mode)  # type: ignore[arg-type]
        # hazm lists spelling variants of the present stem (گفت#گو، گفت#گوی): take them all
        for variant in _hazm.verb_stems().get(past, (present,)):
            for form in _forms(past, variant, light=bool(lead)):
                bare = form == (past + "ه",)
                verbs.setdefault(lead + form, verb._replace(participle=bare))
    return verbs


@functools.cache
def _longest_verb() -> int:
    return max(map(len, _verbs()))


@functools.cache
def _words() -> dict[str, dict[tuple[str, ...], str]]:
    """kind -> phrase (as words) -> the phrase, from data/relation_words.tsv."""
    _header, rows = _data.table("relation_words")
    words: dict[str, dict[tuple[str, ...], str]] = {}
    for phrase, kind in rows:
        words.setdefault(kind, {})[tuple(phrase.split())] = phrase
    return words


def _single(kind: str) -> frozenset[str]:
    """The one-word phrases of a kind."""
    return frozenset(words[0] for words in _words()[kind] if len(words) == 1)


def _phrase_at(kind: str, words: Sequence[str], i: int) -> int:
    """The length of the longest phrase of ``kind`` at ``words[i]`` (0 if none)."""
    best = 0
    for phrase in _words()[kind]:
        if len(phrase) > best and tuple(words[i : i + len(phrase)]) == phrase:
            best = len(phrase)
    return best


@functools.cache
def _org_heads() -> frozenset[str]:
    """Head words that open an organization's name («وزارت», «سازمان»)."""
    return frozenset(head for head, (label, _kind) in _heads().items() if label == "ORG")


# -- the text as the finders read it -----------------------------------------------------


class _Context:
    """Tokens, sentences and mentions of one text, indexed by token."""

    def __init__(
        self,
        doc: NormalizedText,
        entities: Sequence[Entity],
        titles: Sequence[Entity],
        dates: Sequence[DateMention],
    ) -> None:
        scan = doc.memo("tokens", _scan)
        self.doc = doc
        self.tokens: list[Token] = scan.tokens
        self.spans = scan.spans
        self.norms = [token.norm for token in self.tokens]
        self.words = [_key(norm) for norm in self.norms]
        self.starts = [token.start for token in self.tokens]
        self.sentences: list[tuple[int, int]] = []
        first = 0
        for sentence in sentences(doc):
            self.sentences.append((first, first + len(sentence.tokens)))
            first += len(sentence.tokens)
        self.sentence_of = [0] * len(self.tokens)
        for index, (lo, hi) in enumerate(self.sentences):
            self.sentence_of[lo:hi] = [index] * (hi - lo)
        self.entities = [e for e in entities if e.label != "TITLE"]
        self.entity_ranges = [self.range_of(e.start, e.end) for e in self.entities]
        self.entity_at: list[int | None] = [None] * len(self.tokens)  # token -> entity
        for index, (lo, hi) in enumerate(self.entity_ranges):
            for i in range(lo, hi):
                self.entity_at[i] = index
        self.titles = list(titles)
        self.title_ranges = [self.range_of(t.start, t.end) for t in self.titles]
        self.dates = [d for d in dates if d.kind in ("date", "datetime", "range")]
        #: tokens read as the organization of a role: not subjects or participants
        self.role_org = bytearray(len(self.tokens))
        #: tokens inside an attribution («به گزارش ایرنا،»)
        self.attributed = bytearray(len(self.tokens))
        #: title token index -> the person a role gives it
        self.title_person: dict[int, Argument] = {}
        #: title keys (canonical, role + org) -> the last person seen holding it
        self.holders: dict[str, Argument] = {}
        #: token index -> the speaker of a quote whose subject starts there
        self.speakers: dict[int, Argument] = {}
        #: the roles found (people's organizations tell meetings of bodies apart)
        self.roles: list[Role] = []

    def range_of(self, start: int, end: int) -> tuple[int, int]:
        """The tokens ``[first, last)`` of an original span."""
        return bisect.bisect_left(self.starts, start), bisect.bisect_left(self.starts, end)

    def phrase(self, first: int, last: int, text: str | None = None) -> Argument:
        """An argument that is the plain phrase of tokens ``[first, last)``."""
        normalized = self.doc.text[self.spans[first][0] : self.spans[last - 1][1]]
        start, end = self.tokens[first].start, _name_end(self.tokens[last - 1])
        return Argument(text or normalized, start, end, None)

    def entity(self, index: int) -> Argument:
        entity = self.entities[index]
        return Argument(entity.canonical, entity.start, entity.end, entity)

    def entity_starting(self, i: int) -> int | None:
        """The entity that starts at token ``i``."""
        index = self.entity_at[i] if 0 <= i < len(self.tokens) else None
        if index is not None and self.entity_ranges[index][0] == i:
            return index
        return None

    def argument(self, first: int, last: int) -> Argument:
        """The entity that is exactly ``[first, last)``, else the phrase."""
        index = self.entity_starting(first)
        if index is not None and self.entity_ranges[index][1] == last:
            return self.entity(index)
        return self.phrase(first, last, _known_name(self.words[first:last]))

    def sentence_range(self, i: int) -> tuple[int, int]:
        return self.sentences[self.sentence_of[i]]

    def after_preposition(self, i: int) -> bool:
        return i > 0 and self.words[i - 1] in _single("preposition")

    def quote_end(self, i: int, hi: int) -> int:
        """The index of the «»» closing the «« at ``i`` (``hi`` if it is not closed)."""
        depth = 0
        for j in range(i, hi):
            if self.norms[j] == "«":
                depth += 1
            elif self.norms[j] == "»":
                depth -= 1
                if depth == 0:
                    return j
        return hi


def _known_name(words: Sequence[str]) -> str | None:
    """The gazetteers' canonical name for these words, if they list them."""
    gazetteer = _gazetteer(("agencies", "organizations", "countries", "cities"))
    labels = gazetteer.entries.get(tuple(words))
    if not labels:
        return None
    return next(iter(labels.values())).canonical


# -- roles -------------------------------------------------------------------------------


class _Title(NamedTuple):
    """A title among the tokens: ``[first, last)``, the role's words ending at
    ``role_last`` (the rest, if any, names the organization)."""

    first: int
    last: int
    role_last: int
    canonical: str
    plural: bool


def _bare(word: str) -> str:
    """A title word without the ezafe «ی» it takes after a vowel: «سخنگوی» → «سخنگو»."""
    if word.endswith(("وی", "ای")) and len(word) > 3:
        return word[:-1]
    return word


def _all_titles(context: _Context) -> list[_Title]:
    """The titles found, split into role and organization, and plural titles
    («سخنگویان») that find_titles does not report."""
    gazetteer = _gazetteer(("titles",))
    found: list[_Title] = []
    covered = bytearray(len(context.tokens))
    for title, (first, last) in zip(context.titles, context.title_ranges, strict=True):
        covered[first:last] = b"\1" * (last - first)
        role_last = last
        for size in range(last - first - 1, 0, -1):
            *head, last_word = context.words[first : first + size]
            role = (*head, _bare(last_word))
            rest = context.words[first + size : last]
            if role in gazetteer.entries and (
                rest[0] in _org_heads() or _known_name(rest) is not None
            ):
                role_last = first + size
                break
        found.append(_Title(first, last, role_last, title.canonical, False))
    for i, word in enumerate(context.words):
        if covered[i]:
            continue
        for ending, replacement in _PLURALS:
            if word.endswith(ending) and len(word) > len(ending) + 2:
                single = word[: -len(ending)] + replacement
                if (single,) in gazetteer.entries:
                    found.append(_Title(i, i + 1, i + 1, single, True))
                    break
    found.sort()
    return found


def _roles(context: _Context) -> list[Role]:
    roles = []
    used: set[int] = set()  # person entities already given a role by a title after them
    for title in _all_titles(context):
        org_first, org_last = _organization(context, title)
        end = max(title.last, org_last)
        person = _person_before(context, title.first, title.plural)
        if person is None or person in used:
            person = None if title.plural else _person_after(context, end)
        if person is None:
            continue
        used.add(person)
        argument = context.entity(person)
        org = context.argument(org_first, org_last) if org_last > org_first else None
        if org_last > org_first:
            context.role_org[org_first:org_last] = b"\1" * (org_last - org_first)
        role_words = context.words[title.first : title.role_last]
        role = " ".join([*role_words[:-1], _bare(role_words[-1])])
        if title.plural:
            role = title.canonical
        context.title_person[title.first] = argument
        for key in _title_keys(context, title, org):
            context.holders[key] = argument
        person_first = context.entity_ranges[person][0]
        first_token = min(person_first, title.first)
        last_token = max(context.entity_ranges[person][1], end)
        roles.append(
            Role(
                argument,
                role,
                org,
                context.tokens[first_token].start,
                _name_end(context.tokens[last_token - 1]),
            )
        )
    return roles


def _title_keys(context: _Context, title: _Title, org: Argument | None) -> list[str]:
    """What a title can be looked up by when it stands alone later on."""
    written = " ".join(context.words[title.first : title.last])
    keys = [title.canonical, written]
    if org is not None:
        keys.append(" ".join(context.words[title.first : title.role_last]) + " " + org.text)
    return keys


def _organization(context: _Context, title: _Title) -> tuple[int, int]:
    """The tokens naming the title's organization: the title's own tail
    («سخنگوی وزارت خارجه») and a name right after it («وزیر خارجه روسیه»)."""
    first = title.role_last if title.role_last < title.last else title.last
    last = title.last
    following = title.last
    if (
        following < len(context.tokens)
        and context.sentence_of[following] == context.sentence_of[title.first]
    ):
        index = context.entity_at[following]
        if index is not None and context.entities[index].label in _BODIES:
            last = context.entity_ranges[index][1]
        else:
            size = _gazetteer(("organizations", "countries", "cities", "agencies")).match(
                context.words, following
            )
            last = following + size
    return (first, last) if last > first else (first, first)


def _person_before(context: _Context, i: int, plural: bool) -> int | None:
    """The person entity just before token ``i`` (commas, quotation marks and,
    before a plural title, «از» between)."""
    j = i - 1
    if plural:
        if j < 0 or context.words[j] != "از":
            return None
        j -= 1
    while j >= 0 and context.norms[j] in _APPOSITION:
        j -= 1
    if j < 0:
        return None
    index = context.entity_at[j]
    if index is None or context.entities[index].label != "PER":
        return None
    if context.sentence_of[j] != context.sentence_of[i]:
        return None
    return index


def _person_after(context: _Context, i: int) -> int | None:
    """The person entity just after token ``i`` (commas, quotation marks and
    honorifics between)."""
    honorifics = _words()["honorific"]
    j = i
    while j < len(context.tokens):
        if context.norms[j] in _APPOSITION:
            j += 1
            continue
        size = max(
            (len(h) for h in honorifics if tuple(context.words[j : j + len(h)]) == h), default=0
        )
        if not size:
            break
        j += size
    index = context.entity_starting(j)
    if index is None or context.entities[index].label != "PER":
        return None
    if context.sentence_of[j] != context.sentence_of[min(i, len(context.tokens) - 1)]:
        return None
    return index


# -- who: subjects, pronouns and titles --------------------------------------------------


def _subject(context: _Context, lo: int, hi: int, bodies: bool = True) -> Argument | None:
    """The subject of the clause ``[lo, hi)``: the first person named there
    (by name, by title, or by «وی»), else the first organization."""
    pronouns = _single("pronoun")
    title_at = {title.first: title for title in _all_titles_cached(context)}
    body: Argument | None = None
    i = lo
    while i < hi:
        if context.norms[i] == "«":
            close = context.quote_end(i, hi)
            if close - i > _MIN_QUOTE_TOKENS:  # a quotation, not a name in quotation marks
                i = close + 1
                continue
        if context.attributed[i] or context.role_org[i]:
            i += 1
            continue
        if context.words[i] in pronouns and not context.after_preposition(i):
            return _antecedent(context, i)
        if i in title_at and not context.after_preposition(i):
            title = title_at[i]
            if i in context.title_person:
                person = context.title_person[i]
                return person
            known = _holder(context, title)
            if known is not None:
                start, end = context.tokens[title.first].start, context.tokens[title.last - 1].end
                return Argument(known.text, start, end, known.entity)
            if body is None and not title.plural:
                body = context.phrase(
                    title.first, max(_organization(context, title)[1], title.last)
                )
            i = title.last
            continue
        index = context.entity_starting(i)
        if index is not None and not context.after_preposition(i):
            label = context.entities[index].label
            if label == "PER":
                return context.entity(index)
            if bodies and body is None and label in _BODIES:
                body = context.entity(index)
            i = context.entity_ranges[index][1]
            continue
        i += 1
    return body if bodies else (body if body is not None and body.entity is None else None)


def _all_titles_cached(context: _Context) -> list[_Title]:
    cached: list[_Title] | None = getattr(context, "_titles_cache", None)
    if cached is None:
        cached = _all_titles(context)
        context._titles_cache = cached  # type: ignore[attr-defined]
    return cached


def _holder(context: _Context, title: _Title) -> Argument | None:
    """The person a title standing alone refers to («وزیر نفت» after «X وزیر نفت»)."""
    written = " ".join(context.words[title.first : title.last])
    return context.holders.get(written) or context.holders.get(title.canonical)


def _antecedent(context: _Context, i: int) -> Argument | None:
    """The person «وی»/«او» at token ``i`` stands for: the speaker or subject of
    the nearest sentence before it that names one."""
    sentence = context.sentence_of[i]
    lo, _hi = context.sentences[sentence]
    person = _person_subject(context, lo, i)
    candidates = [person] if person is not None else []
    for back in range(sentence - 1, max(-1, sentence - 1 - _PRONOUN_REACH), -1):
        if candidates:
            break
        lo, hi = context.sentences[back]
        found = next((s for t, s in reversed(context.speakers.items()) if lo <= t < hi), None)
        found = found or _person_subject(context, lo, hi)
        if found is not None:
            candidates.append(found)
    if not candidates:
        return None
    person = candidates[0]
    token = context.tokens[i]
    return Argument(person.text, token.start, token.end, person.entity)


def _person_subject(context: _Context, lo: int, hi: int) -> Argument | None:
    """The first person named in ``[lo, hi)`` (by name or title), not after a preposition."""
    for i in range(lo, hi):
        if context.attributed[i] or context.role_org[i] or context.after_preposition(i):
            continue
        if i in context.title_person:
            return context.title_person[i]
        index = context.entity_starting(i)
        if index is not None and context.entities[index].label == "PER":
            return context.entity(index)
    return None


# -- quotes ------------------------------------------------------------------------------


def _verb_occurrences(context: _Context) -> list[tuple[int, int, _Verb]]:
    """Every reporting and meeting verb: ``(first, last, verb)``, longest first."""
    verbs, longest = _verbs(), _longest_verb()
    norms = context.norms
    found = []
    i = 0
    while i < len(norms):
        for size in range(min(longest, len(norms) - i), 0, -1):
            verb = verbs.get(tuple(norms[i : i + size]))
            if verb is not None:
                break
        else:
            i += 1
            continue
        # «گفت و گو» written apart is a meeting noun, not «گفت»
        if norms[i] == "گفت" and i + 1 < len(norms) and norms[i + 1] == "و":
            i += 1
            continue
        found.append((i, i + size, verb))
        i += size
    return found


def _clause_start(context: _Context, first: int) -> int:
    """Where the clause ending at token ``first`` starts (within its sentence)."""
    lo, _hi = context.sentence_range(first)
    for j in range(first - 1, lo - 1, -1):
        if context.norms[j] in _CLAUSE_BREAKS or context.attributed[j]:
            return j + 1
        if context.norms[j] == "»":
            opening = _opening(context, j, lo)
            if j - opening > _MIN_QUOTE_TOKENS:
                return j + 1
    return lo


def _opening(context: _Context, close: int, lo: int) -> int:
    """The index of the «« that the «»» at ``close`` closes (``lo`` if none)."""
    depth = 0
    for j in range(close, lo - 1, -1):
        if context.norms[j] == "»":
            depth += 1
        elif context.norms[j] == "«":
            depth -= 1
            if depth == 0:
                return j
    return lo


def _content(context: _Context, first: int, last: int) -> Span:
    """The original text of tokens ``[first, last)``."""
    start, end = context.tokens[first].start, context.tokens[last - 1].end
    return Span(start, end, context.doc.original[start:end])


def _quotes(context: _Context) -> list[Quote]:
    quotes: list[Quote] = []
    inside = bytearray(len(context.tokens))  # tokens of a direct quote already found
    according = _according(context)
    in_phrase = bytearray(len(context.tokens))  # «گفته» in «به گفته» is no verb
    for first, last in according:
        in_phrase[first:last] = b"\1" * (last - first)
    items = [
        (first, last, "verb")
        for first, last, verb in _verb_occurrences(context)
        if verb.relation == "speech"
        and not in_phrase[first]
        and not (verb.participle and not _introduces(context, last))
    ]
    items += [(first, last, "according") for first, last in according]
    for first, last, how in sorted(items):
        if inside[first]:
            continue
        found = (
            _according_quote(context, first, last)
            if how == "according"
            else _verb_quote(context, first, last)
        )
        if found is None:
            continue
        quote, content_range = found
        inside[content_range[0] : content_range[1]] = b"\1" * (content_range[1] - content_range[0])
        if quote.speaker is not None:
            context.speakers[first] = quote.speaker
        quotes.append(quote)
    return quotes


def _introduces(context: _Context, i: int) -> bool:
    """Does token ``i`` open what was said: «:», «که» or «««?"""
    return i < len(context.tokens) and context.words[i] in (":", "که", "«")


def _verb_quote(context: _Context, first: int, last: int) -> tuple[Quote, tuple[int, int]] | None:
    norms = context.norms
    lo, hi = context.sentence_range(first)
    while hi > lo and norms[hi - 1] in _CLAUSE_BREAKS - {":"}:
        hi -= 1
    j = last
    colon = j < hi and norms[j] == ":"
    if colon:
        j += 1
    clause = _clause_start(context, first)
    if j < hi and norms[j] == "«":
        close = context.quote_end(j, hi)
        content = (j + 1, close)
        direct = True
    elif colon and j < hi:
        content, direct = (j, hi), True
    elif j < hi and context.words[j] == "که":
        content, direct = (j + 1, hi), False
    elif (
        j < hi
        and norms[j] not in _CLAUSE_BREAKS | _APPOSITION
        and context.words[j] not in ("و", "تا")
    ):
        content, direct = (j, hi), False
    else:  # the verb ends its clause: «...»، این را X گفت
        closing = next((k for k in range(first - 1, lo - 1, -1) if norms[k] == "»"), None)
        if closing is None:
            return None
        close = closing
        opening = _opening(context, close, lo)
        if close - opening <= _MIN_QUOTE_TOKENS:
            return None
        if any(norms[k] in _CLAUSE_BREAKS for k in range(close + 1, first)):
            return None
        content, direct, clause = (opening + 1, close), True, close + 1
    if content[1] <= content[0]:
        return None
    speaker = _subject(context, clause, first)
    cue = " ".join(norms[first:last])
    span = _content(context, *content)
    start = min(
        context.tokens[clause].start if speaker else context.tokens[first].start, span.start
    )
    if speaker is not None:
        start = min(start, speaker.start)
    end = span.end
    if content[1] < len(norms) and norms[content[1]] == "»":
        end = context.tokens[content[1]].end
    end = max(end, context.tokens[last - 1].end)
    return Quote(speaker, cue, span, direct, start, end), content


def _according(context: _Context) -> list[tuple[int, int]]:
    """«به گفته»-like phrases: ``(first, last)``."""
    found = []
    for i in range(len(context.words)):
        size = _phrase_at("according", context.words, i)
        if size:
            found.append((i, i + size))
    return found


def _according_quote(
    context: _Context, first: int, last: int
) -> tuple[Quote, tuple[int, int]] | None:
    """«به گفته X، ...»: X said the rest of the sentence."""
    lo, hi = context.sentence_range(first)
    while hi > lo and context.norms[hi - 1] in _CLAUSE_BREAKS:
        hi -= 1
    comma = next((k for k in range(last, hi) if context.norms[k] in ("،", ",")), None)
    if comma is None or comma == last:
        return None
    speaker = _subject(context, last, comma)
    if speaker is None:
        speaker = context.phrase(last, comma)
    if comma + 1 >= hi:
        return None
    span = _content(context, comma + 1, hi)
    cue = " ".join(context.norms[first:last])
    return Quote(speaker, cue, span, False, context.tokens[first].start, span.end), (comma + 1, hi)


# -- attributions ------------------------------------------------------------------------


def _attributions(context: _Context) -> list[Attribution]:
    words = context.words
    found: list[Attribution] = []
    i = 0
    while i < len(words):
        report = words[i : i + 2] == ["به", "گزارش"]
        cite = words[i : i + 3] == ["به", "نقل", "از"]
        if not (report or cite):
            i += 1
            continue
        source = _outlet(context, i + (2 if report else 3), reported=report)
        if source is None:
            i += 1
            continue
        argument, end = source
        if cite and not _is_outlet(argument):
            i = end
            continue
        via = []
        j = end
        while True:
            k = j + 1 if j < len(words) and context.norms[j] in ("،", ",") else j
            if words[k : k + 3] != ["به", "نقل", "از"]:
                break
            cited = _outlet(context, k + 3, reported=False)
            if cited is None:
                break
            via.append(cited[0])
            j = cited[1]
        if j < len(words) and context.norms[j] in ("،", ","):
            j += 1
        context.attributed[i:j] = b"\1" * (j - i)
        found.append(Attribution(argument, via, context.tokens[i].start, context.tokens[j - 1].end))
        i = j
    found += _trailing_tags(context)
    found.sort(key=lambda attribution: attribution.start)
    return found


def _is_outlet(argument: Argument) -> bool:
    """Is this argument a news outlet or another organization (not a person)?"""
    if argument.entity is not None:
        return argument.entity.label in _BODIES
    return _known_name(argument.text.split()) is not None


def _outlet(context: _Context, i: int, *, reported: bool) -> tuple[Argument, int] | None:
    """The outlet named from token ``i``: ``(argument, index after it)``.  After
    «به گزارش», a reporter or desk («خبرنگار», «گروه سیاسی») comes first."""
    words, norms = context.words, context.norms
    n = len(words)
    if reported:
        while i < n and words[i] in _single("reporter"):
            i += 1
        if i < n and words[i] in _single("desk"):
            i += 2 if context.entity_starting(i + 1) is None else 1
    first = i
    while i < n and norms[i] in ("«", '"'):
        i += 1
    head = i
    if i < n and words[i] in _org_heads() and i + 1 < n and norms[i + 1] in ("«", '"'):
        i += 2  # خبرگزاری «تاس»
    index = context.entity_starting(i)
    if index is None and head != i:
        index = context.entity_starting(head)
        i = head
    if index is not None and context.entities[index].label in _BODIES | {"PER"}:
        last = context.entity_ranges[index][1]
        end = last
        while end < n and norms[end] in ("»", '"'):
            end += 1
        return context.entity(index), end
    size = _gazetteer(("agencies", "organizations")).match(words, i)
    if size:
        return context.argument(i, i + size), i + size
    stop = i
    while (
        stop < n
        and stop - i < _SOURCE_WORDS
        and context.tokens[stop].kind == "word"
        and words[stop] not in ("و", "به", "که", "در", "از")
    ):
        stop += 1
    if stop == i or (stop < n and norms[stop] not in ("،", ",", ":", ".", "»")):
        return None
    del first
    return context.phrase(i, stop), stop


def _trailing_tags(context: _Context) -> list[Attribution]:
    """«... اعلام کرد. (ایسنا)» and «/ایرنا» at the end of a paragraph."""
    found = []
    norms, n = context.norms, len(context.norms)
    agencies = _gazetteer(("agencies",))
    for i in range(n):
        if norms[i] not in ("(", "/"):
            continue
        size = agencies.match(context.words, i + 1)
        if not size:
            index = context.entity_starting(i + 1)
            entity = context.entities[index] if index is not None else None
            if entity is None or entity.kind != "news_agency":
                continue
            size = context.entity_ranges[index][1] - (i + 1)  # type: ignore[index]
        end = i + 1 + size
        if norms[i] == "(":
            if end >= n or norms[end] != ")":
                continue
            end += 1
        following = (
            context.doc.text[context.spans[end - 1][1] : context.spans[end][0]] if end < n else "\n"
        )
        if "\n" not in following:
            continue
        argument = context.argument(i + 1, i + 1 + size)
        found.append(
            Attribution(argument, (), context.tokens[i].start, context.tokens[end - 1].end)
        )
    return found


# -- meetings ----------------------------------------------------------------------------


def _meetings(context: _Context) -> list[Meeting]:
    meetings: list[Meeting] = []
    seen: set[tuple[int, frozenset[str]]] = set()
    candidates: list[tuple[int, int, int, MeetingMode | None]] = []  # clause lo, first, last, mode
    for first, last, verb in _verb_occurrences(context):
        if verb.relation == "meeting":
            candidates.append((_clause_start(context, first), first, last, verb.mode))
    candidates += _meeting_phrases(context)
    for lo, first, last, mode in sorted(candidates, key=lambda item: item[1]):
        participants, place = _participants(context, lo, first, last)
        if len(participants) < 2:
            continue
        key = (context.sentence_of[first], frozenset(p.text for p in participants))
        if key in seen:
            continue
        seen.add(key)
        sentence_lo, sentence_hi = context.sentence_range(first)
        mode = _mode(context, lo, last) or mode
        date = _date(context, lo, last, sentence_lo, sentence_hi)
        start = min([p.start for p in participants] + [context.tokens[lo].start])
        end = context.tokens[last - 1].end
        meetings.append(Meeting(participants, date, mode, place, start, end))
    return _merged(context, meetings)


def _merged(context: _Context, meetings: list[Meeting]) -> list[Meeting]:
    """Drop a meeting of bodies («روسای دستگاه دیپلماسی روسیه و جمهوری آذربایجان
    ... تبادل نظر کردند») that restates a meeting of people holding roles in them."""
    org_of: dict[str, list[str]] = {}
    for role in context.roles:
        if role.org is not None:
            org_of.setdefault(role.person.text, []).append(role.org.text)
    kept = []
    for meeting in meetings:
        people = [p for p in meeting.participants if p.entity is None or p.entity.label == "PER"]
        restated = not people and any(
            other is not meeting
            and all(
                any(
                    _overlaps(body.text, org)
                    for person in other.participants
                    for org in org_of.get(person.text, ())
                )
                for body in meeting.participants
            )
            for other in meetings
        )
        if not restated:
            kept.append(meeting)
    return kept


def _overlaps(one: str, other: str) -> bool:
    """Does one name contain the other, word for word?"""
    a, b = f" {one} ", f" {other} "
    return a in b or b in a


def _meeting_phrases(context: _Context) -> list[tuple[int, int, int, MeetingMode | None]]:
    """«در دیدار با», «در تماس تلفنی با» …: ``(clause start, first, last, mode)``,
    ``last`` just past the partner's name."""
    words = context.words
    found: list[tuple[int, int, int, MeetingMode | None]] = []
    for i, word in enumerate(words):
        if word != "در":
            continue
        size = _phrase_at("meeting", words, i + 1)
        if not size:
            continue
        with_at = i + 1 + size
        if with_at >= len(words) or words[with_at] != "با":
            continue
        partner = with_at + 1
        if partner >= len(words) or _phrase_at("interview", words, partner):
            continue
        index = context.entity_starting(partner)
        if index is not None and context.entities[index].kind in (
            "news_agency",
            "newspaper",
            "broadcaster",
        ):
            continue
        phrase = tuple(words[i + 1 : with_at])
        mode: MeetingMode | None = None
        for kind in ("phone", "video", "in_person"):
            if any(w in _single(kind) for w in phrase) or phrase in _words()[kind]:
                mode = kind
                break
        end = _partner_end(context, partner)
        if end is None:
            continue
        lo, _hi = context.sentence_range(i)
        found.append((lo, i, end, mode))
    return found


def _partner_end(context: _Context, i: int) -> int | None:
    """Just past the participant named at token ``i`` (entity, title, counterpart)."""
    index = context.entity_starting(i)
    if index is not None:
        return context.entity_ranges[index][1]
    for title in _all_titles_cached(context):
        if title.first == i:
            end = title.last
            person = _person_after(context, end)
            return context.entity_ranges[person][1] if person is not None else end
    if context.words[i] in _single("counterpart"):
        return _counterpart_end(context, i)
    return None


def _counterpart_end(context: _Context, i: int) -> int:
    """Just past «همتای روس خود» / «همتای خود» / «همتایش» starting at token ``i``."""
    for j in range(i + 1, min(len(context.words), i + _COUNTERPART_WORDS)):
        if context.words[j] in ("خود", "خویش"):
            return j + 1
        if context.tokens[j].kind != "word":
            return j
    return i + 1


def _participants(
    context: _Context, lo: int, first: int, last: int
) -> tuple[list[Argument], Argument | None]:
    """The parties of a meeting whose clause is ``[lo, last)`` and the place."""
    people: list[Argument] = []
    bodies: list[Argument] = []
    place: Argument | None = None
    pronouns = _single("pronoun")
    title_at = {title.first: title for title in _all_titles_cached(context)}
    i = lo
    chained = False  # the last name read was an object: «درباره X و Y»
    while i < last:
        before = context.words[i - 1] if i > lo else ""
        partner = before == "با"
        blocked = context.after_preposition(i) and before != "با"
        blocked = blocked or (chained and before in ("و", "،", ","))
        if context.norms[i] == "«":
            close = context.quote_end(i, last)
            if close - i > _MIN_QUOTE_TOKENS:
                i = close + 1
                continue
        if context.attributed[i] or context.role_org[i]:
            i += 1
            continue
        if context.words[i] in _single("counterpart") and before != "از":
            end = _counterpart_end(context, i)
            after = _person_after(context, end)
            if after is None and (before == "با" or not blocked):
                people.append(context.phrase(i, end))
                i = end
                continue
        if context.words[i] in pronouns and not blocked:
            person = _antecedent(context, i)
            if person is not None:
                people.append(person)
            i += 1
            continue
        if i in title_at and not blocked:
            title = title_at[i]
            if i in context.title_person:
                i = title.last
                continue  # the person is named next to it
            known = _holder(context, title)
            if known is not None:
                people.append(known)
            i = title.last
            continue
        index = context.entity_starting(i)
        if index is not None:
            entity = context.entities[index]
            chained = blocked and not partner
            if before == "در" and entity.label == "LOC" and place is None:
                place = context.entity(index)
            elif not blocked or partner:
                if entity.label == "PER":
                    people.append(context.entity(index))
                elif entity.label in _BODIES and entity.kind not in ("city", "province", "region"):
                    bodies.append(context.entity(index))
            i = context.entity_ranges[index][1]
            continue
        i += 1
    chosen = people if len(people) >= 2 else sorted(people + bodies, key=lambda a: a.start)
    unique: list[Argument] = []
    for argument in chosen:
        if argument.text not in {u.text for u in unique}:
            unique.append(argument)
    return unique, place


def _mode(context: _Context, lo: int, last: int) -> MeetingMode | None:
    """How the meeting in ``[lo, last)`` was held, if a word there says."""
    words = context.words
    for kind in ("phone", "video"):
        singles = _single(kind)
        for i in range(lo, last):
            if words[i] in singles or _phrase_at(kind, words, i):
                return kind
    return None


def _date(
    context: _Context, lo: int, last: int, sentence_lo: int, sentence_hi: int
) -> DateMention | None:
    """The date mention of the meeting: in its clause, else in its sentence."""
    start, end = context.tokens[lo].start, context.tokens[last - 1].end
    in_clause = [d for d in context.dates if start <= d.start and d.end <= end]
    if in_clause:
        return in_clause[-1]
    start, end = context.tokens[sentence_lo].start, context.tokens[sentence_hi - 1].end
    in_sentence = [d for d in context.dates if start <= d.start and d.end <= end]
    return in_sentence[0] if in_sentence else None
