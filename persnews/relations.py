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
reporting verb (data/relation_verbs.tsv, every tense and person form built
on hazm's verb stems) followed by «...», a colon, «که» or a clause is a
quote; its speaker is the subject of the clause before the verb — a person,
else an organization — with «وی»/«او» and titles alone resolved to the person
they stand for.  «به گزارش X به نقل از Y» and a closing «(ایسنا)» are
attributions.  A meeting verb («دیدار کرد», «گفت‌وگو کردند») or «در دیدار با»
makes a meeting of the clause's subjects and partners, with the date mention
and the mode (تلفنی، ویدئوکنفرانس) written in the clause.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Sequence
from typing import Final, NamedTuple, TypeVar

import attrs

from persnews import _data, _hazm
from persnews._lazy import once
from persnews.calendar import reference_date
from persnews.dates import find_dates
from persnews.entities import (
    _gazetteer,
    _name_end,
    _organization_heads,
    find_entities,
    find_titles,
    lookup_words,
)
from persnews.errors import InputTypeError, check_iterable
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
    _attribution_tuple,
    _entity_tuple,
    _meeting_tuple,
    _quote_tuple,
    _role_tuple,
)
from persnews.normalize import as_document
from persnews.text import NormalizedText
from persnews.tokens import _scan, sentences

__all__ = ["Relations", "find_relations"]

T = TypeVar("T")

ZWNJ: Final = "\u200c"
#: personal endings of the past and present tenses (hazm's conjugation's), and the
#: auxiliaries of the perfect
_PAST_ENDINGS: Final = _hazm.PAST_ENDINGS
_PRESENT_ENDINGS: Final = _hazm.PRESENT_ENDINGS
_PERFECT: Final = ("ام", "ای", "است", "ایم", "اید", "اند")
_PAST_PERFECT: Final = ("بودم", "بودی", "بود", "بودیم", "بودید", "بودند")
_FUTURE: Final = ("خواهم", "خواهی", "خواهد", "خواهیم", "خواهید", "خواهند")
#: the third-person endings: what a report says someone said («گفت», «گفته‌اند»)
_THIRD: Final = frozenset({"", "د", "ند", "است", "اند", "بود", "بودند"})
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
#: words that may qualify a role before its organization: «معاون امور بین‌الملل وزارت نفت»
_MODIFIER_WORDS: Final = 3
#: the longest counterpart phrase: «همتای روس خود»
_COUNTERPART_WORDS: Final = 4
#: the longest source phrase read when no entity or list names the outlet
_SOURCE_WORDS: Final = 4
#: plural endings of titles: «سخنگویان» → «سخنگو», «نمایندگان» → «نماینده»
_PLURALS: Final = (("یان", ""), ("گان", "ه"), ("ان", ""), (ZWNJ + "ها", ""), ("ها", ""))


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
    attributions = _attributions(context)
    roles = context.roles = _roles(context)
    quotes = _quotes(context)
    meetings = _meetings(context)
    return Relations(found_entities, roles, quotes, attributions, meetings)


def _records(items: Iterable[T] | None, name: str, kind: type[T]) -> list[T] | None:
    """``items`` as a list, checked to hold ``kind`` records (None stays None)."""
    if items is None:
        return None
    expected = f"an iterable of {kind.__name__} records (or None)"
    listed = list(check_iterable(items, name, expected))
    for item in listed:
        if not isinstance(item, kind):
            raise InputTypeError(argument=name, expected=expected, got=type(item).__name__)
    return listed


# -- data ---------------------------------------------------------------------------------


class _Verb(NamedTuple):
    """A reporting or meeting verb, as data/relation_verbs.tsv lists it."""

    relation: str
    mode: MeetingMode | None
    #: a bare past participle («گفته»): a verb only before «:» or «که»
    participle: bool = False
    #: an indicative third-person form: reports what someone said or did («گفت»,
    #: not «گفتم», «باید بگوید», «خواهد گفت»)
    reports: bool = True


def _forms(past: str, present: str) -> dict[tuple[str, ...], bool]:
    """Every affirmative form of a verb — past, past continuous, present,
    subjunctive, perfect, past perfect, future, in every person — as token
    sequences (normalized: «می‌گوید» with a half-space), each with whether it
    reports what someone else said or did: the indicative third person does;
    «گفتم», «می‌گویید» (an interview's own voice), the subjunctive («باید توضیح
    دهد») and the future («اعلام خواهد کرد») do not."""
    forms: dict[tuple[str, ...], bool] = {}

    def add(form: tuple[str, ...], reports: bool) -> None:
        forms[form] = forms.get(form, False) or reports  # «می‌گوید»: 3rd singular or 2nd plural

    participle = past + "ه"
    for person in range(6):
        past_ending, present_ending = _PAST_ENDINGS[person], _PRESENT_ENDINGS[person]
        third = past_ending in _THIRD
        add((past + past_ending,), third)
        add(("می" + ZWNJ + past + past_ending,), third)
        add(("می" + ZWNJ + present + present_ending,), third)
        add((present + present_ending,), False)  # «اعلام کند» (a light verb's subjunctive)
        add(("ب" + present + present_ending,), False)
        perfect, past_perfect = _PERFECT[person], _PAST_PERFECT[person]
        add((participle, perfect), perfect in _THIRD)
        add((participle + ZWNJ + perfect,), perfect in _THIRD)
        add((participle, past_perfect), past_perfect in _THIRD)
        add((_FUTURE[person], past), False)
    add((participle,), True)  # «وی گفته:» (only before «:» or «که»)
    return forms


@once
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
            for form, reports in _forms(past, variant).items():
                known = verbs.get(lead + form)
                if known is None or (reports and not known.reports):
                    bare = form == (past + "ه",)
                    verbs[lead + form] = verb._replace(participle=bare, reports=reports)
    return verbs


@once
def _words() -> dict[str, dict[tuple[str, ...], str]]:
    """kind -> phrase (as words) -> the phrase, from data/relation_words.tsv."""
    _header, rows = _data.table("relation_words")
    words: dict[str, dict[tuple[str, ...], str]] = {}
    for phrase, kind in rows:
        words.setdefault(kind, {})[tuple(phrase.split())] = phrase
    return words


@once
def _single(kind: str) -> frozenset[str]:
    """The one-word phrases of a kind."""
    return frozenset(words[0] for words in _words()[kind] if len(words) == 1)


@once
def _phrases_by_first(kind: str) -> dict[str, tuple[tuple[str, ...], ...]]:
    """First word -> the phrases of ``kind`` starting with it, longest first."""
    index: dict[str, list[tuple[str, ...]]] = {}
    for phrase in _words()[kind]:
        index.setdefault(phrase[0], []).append(phrase)
    return {word: tuple(sorted(found, key=len, reverse=True)) for word, found in index.items()}


def _phrase_at(kind: str, words: Sequence[str], i: int) -> int:
    """The length of the longest phrase of ``kind`` at ``words[i]`` (0 if none)."""
    if i >= len(words):
        return 0
    for phrase in _phrases_by_first(kind).get(words[i], ()):
        if tuple(words[i : i + len(phrase)]) == phrase:
            return len(phrase)
    return 0


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
        self.norms = [span[3] for span in scan.spans]
        self.words = lookup_words(doc)
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
        #: tokens inside a date or time mention
        self.dated = bytearray(len(self.tokens))
        for mention in dates:
            lo, hi = self.range_of(mention.start, mention.end)
            self.dated[lo:hi] = b"\1" * (hi - lo)
        #: tokens read as the organization of a role: not subjects or participants
        self.role_org = bytearray(len(self.tokens))
        #: tokens inside an attribution («به گزارش ایرنا،»)
        self.attributed = bytearray(len(self.tokens))
        #: title token index -> the person a role gives it
        self.title_person: dict[int, Argument] = {}
        #: title keys (canonical, role + org) -> (where, who) of each role giving it,
        #: in text order; ``bare_holders`` the same for roles that name no organization
        self.holders: dict[str, list[tuple[int, Argument]]] = {}
        self.bare_holders: dict[str, list[tuple[int, Argument]]] = {}
        #: token index -> the speaker of a quote whose subject starts there
        self.speakers: dict[int, Argument] = {}
        #: where each quote's content ends (a token index), for the quotes whose
        #: speaker is known, with that speaker
        self.said: list[tuple[int, Argument]] = []
        #: pronoun token -> the person it stands for (:func:`_antecedent`, once)
        self.antecedents: dict[int, Argument | None] = {}
        #: the roles found (people's organizations tell meetings of bodies apart)
        self.roles: list[Role] = []
        #: the reporting and meeting verbs, once read (:func:`_verb_occurrences`)
        self.verbs: list[tuple[int, int, _Verb]] | None = None
        #: the titles, read once (:func:`_all_titles_cached`), and by first token
        self.all_titles: list[_Title] | None = None
        self.title_at: dict[int, _Title] = {}

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
        """Is token ``i`` right after a preposition (quotation marks between, or «این»
        and the like before a noun: «از این بازیکن», but not «پیش از این پروانه
        مافی»: a name takes no demonstrative)?"""
        j = i - 1
        if j > 0 and self.words[j] in _single("demonstrative"):
            index = self.entity_at[i]
            if index is None or self.entities[index].label != "PER":
                j -= 1
        while j >= 0 and self.norms[j] in ("«", '"'):
            j -= 1
        return j >= 0 and self.words[j] in _single("preposition")

    def quote_end(self, i: int, hi: int) -> int:
        """The index of the «»» closing the «« at ``i`` (``hi`` if it is not closed)."""
        return _matching(self.norms, i, hi) if i < hi else hi


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
    ``role_last``; the words from ``org_first`` to ``last``, if any, name the
    organization («سخنگوی وزارت خارجه», «نماینده مردم شیراز در مجلس»)."""

    first: int
    last: int
    role_last: int
    org_first: int
    canonical: str
    plural: bool


class _Reading(NamedTuple):
    """A title read in its sentence: the role is ``[title.first, role_last)``,
    the organization ``[org_first, org_last)`` (empty if none)."""

    role_last: int
    org_first: int
    org_last: int


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
        role_last = org_first = last
        words = context.words[first:last]
        if words[0] == "نماینده" and "در" in words:  # «نماینده مردم شیراز در مجلس»
            role_last = first + words.index("در")
            org_first = role_last + 1
        for size in range(last - first - 1, 0, -1):
            if role_last < last:
                break
            *head, last_word = words[:size]
            role = (*head, _bare(last_word))
            rest = words[size:]
            if role in gazetteer.entries and (
                rest[0] in _organization_heads() or _known_name(rest) is not None
            ):
                role_last = org_first = first + size
        found.append(_Title(first, last, role_last, org_first, title.canonical, False))
    plurals = _plural_titles()
    for i, word in enumerate(context.words):
        if not covered[i] and word in plurals:
            found.append(_Title(i, i + 1, i + 1, i + 1, plurals[word], True))
    found.sort()
    return found


@once
def _plural_titles() -> dict[str, str]:
    """Plural of a one-word title -> the title: «سخنگویان» → «سخنگو»."""
    plurals: dict[str, str] = {}
    for words in _gazetteer(("titles",)).entries:
        if len(words) != 1:
            continue
        single = words[0]
        for ending, replacement in _PLURALS:
            stem = single[: -len(replacement)] if replacement else single
            if replacement and not single.endswith(replacement):
                continue
            plurals.setdefault(stem + ending, single)
    return plurals


def _roles(context: _Context) -> list[Role]:
    roles = []
    used: set[int] = set()  # person entities already given a role by a title after them
    honorifics = set(_words()["honorific"].values())
    for title in _all_titles_cached(context):
        if title.canonical in honorifics or " ".join(context.norms[title.first : title.last]) in (
            honorifics
        ):
            continue  # «آیت‌الله», «سردار»: a rank said before a name, not a role
        if context.attributed[title.first]:
            continue  # «به گزارش خبرنگار ایلنا»
        role_last, org_first, org_last = reading = _organization(context, title)
        end = max(title.last, org_last)
        person = _person_before(context, title.first, title.plural)
        # «در گفت‌وگو با خبرنگار ایلنا، X گفت»: X is not the reporter; «وکیل X»: X is
        # the one served
        after = (
            None
            if title.plural
            or context.after_preposition(title.first)
            or _served(context, title) is not None
            else (_person_after(context, end))
        )
        if after is not None and context.entity_ranges[after][1] in context.title_at:
            after = None  # «…، سعید نمکی وزیر بهداشت، …»: a list; the name has its own title
        if person is None or person in used:
            person = after
        elif after is not None and context.norms[title.first - 1] in ("،", ","):
            person = after  # «A، استاندار فارس، B»: the name after a title set off by commas
        if person is None:
            continue
        used.add(person)
        argument = context.entity(person)
        org = context.argument(org_first, org_last) if org_last > org_first else None
        body = _body_before(context, org_first) if org_last == org_first + 2 else None
        if body is not None:  # «این سازمان», «این کشور»: the body it stands for
            org = _standing(context, body, org_first, org_last)
        if org_last > org_first:
            context.role_org[org_first:org_last] = b"\1" * (org_last - org_first)
        role_words = context.words[title.first : role_last]
        role = " ".join([*role_words[:-1], _bare(role_words[-1])])
        if title.plural:
            role = title.canonical
        context.title_person[title.first] = argument
        for key in _title_keys(context, title, reading):
            context.holders.setdefault(key, []).append((title.first, argument))
            if org_last == org_first:  # «رئیس جمهور» named with no country
                context.bare_holders.setdefault(key, []).append((title.first, argument))
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


def _title_keys(context: _Context, title: _Title, reading: _Reading) -> list[str]:
    """What a title can be looked up by when it stands alone later on: its role
    with the organization's words («وزیر خارجه|کانادا»), and its role alone."""
    role = " ".join(context.words[title.first : reading.role_last])
    keys = [f"{role}|", f"{title.canonical}|"]
    if reading.org_last > reading.org_first:
        words = " ".join(context.words[reading.org_first : reading.org_last])
        keys += [f"{role}|{words}", f"{title.canonical}|{words}"]
    return keys


def _organization(context: _Context, title: _Title) -> _Reading:
    """Where the title's role ends and its organization is: the title's own
    tail («سخنگوی وزارت خارجه»), a name right after it («وزیر خارجه روسیه»),
    one after a few words that qualify the role («معاون سیاسی وزارت خارجه»), or
    «این» + a body's noun standing for one named before («دبیرکل این سازمان»)."""
    role_last, org_first, org_last = title.role_last, title.org_first, title.last
    n = len(context.tokens)
    sentence = context.sentence_of[title.first]
    j = title.last
    if (  # «دبیرکل این سازمان»: an organization named before
        org_first == j
        and j + 1 < n
        and context.sentence_of[j + 1] == sentence
        and _body_before(context, j) is not None
    ):
        return _Reading(role_last, j, j + 2)
    for skip in range(_MODIFIER_WORDS + 1):
        j = title.last + skip
        if j >= n or context.sentence_of[j] != sentence or context.dated[j]:
            break
        if context.words[j] in _single("preposition"):
            break
        if skip and not _qualifies(context, j - 1, first=skip == 1):
            break
        index = context.entity_at[j]
        size = 0
        if index is not None and context.entities[index].label in _BODIES:
            if skip == 0 or context.entity_ranges[index][0] == j:
                size = context.entity_ranges[index][1] - j
        elif context.words[j] not in _single("preposition"):
            size = _gazetteer(("organizations", "countries", "cities", "agencies")).match(
                context.words, j
            )
            if not size and context.words[j] in _organization_heads() and j + 1 < n:
                size = 1 + (context.sentence_of[j + 1] == sentence and _qualifies(context, j + 1))
        if size:
            if org_first == title.last:  # no organization inside the title
                org_first = j
                role_last = j if skip else role_last
                head = _head_inside(context, j, j + size)
                if head is not None:  # «مدیرکل سیاسی وزارت کشور»: «سیاسی» is the role's
                    role_last = org_first = head
            return _Reading(role_last, org_first, j + size)
    return _Reading(role_last, org_first, org_last)


def _head_inside(context: _Context, first: int, last: int) -> int | None:
    """Where an organization's head word («وزارت», «سازمان») stands in the
    organization ``[first, last)`` after words that qualify a role, not at its
    start («سیاسی وزارت کشور», as the entity model may read it); None otherwise."""
    heads = _organization_heads()
    if context.words[first] in heads:
        return None
    for k in range(first + 1, min(last, first + _MODIFIER_WORDS + 1)):
        if not _qualifies(context, k - 1, first=k - 1 == first):
            return None
        if context.words[k] in heads:
            return k
    return None


def _qualifies(context: _Context, i: int, first: bool = False) -> bool:
    """Can token ``i`` stand in a role or organization's name («سیاسی», «امور»)?"""
    word = context.words[i]
    index = context.entity_at[i]
    return (
        context.tokens[i].kind == "word"
        and word not in _single("preposition")
        and word not in ("که", "را", "این", "آن")
        and not (first and word == "و")
        and not (index is not None and context.entities[index].label == "PER")
        and not context.dated[i]
        and word not in _hazm.lexicon().verb_forms
    )


def _placed(context: _Context, end: int, hi: int) -> int:
    """Where a title ending at token ``end`` ends with the place it is held in, if
    «در» and a place follow it («نماینده ولی فقیه در استان کردستان»): the end of
    the place; else ``end``."""
    if end >= hi or context.words[end] != "در":
        return end
    for j in (end + 1, end + 2):  # «در کردستان», «در استان کردستان»
        index = context.entity_starting(j)
        if index is not None and context.entities[index].label == "LOC":
            return min(context.entity_ranges[index][1], hi)
        if j >= hi or context.words[j] not in _single("place"):
            break
    return end


def _served(context: _Context, title: _Title) -> int | None:
    """The person entity right after a title that serves someone («وکیل», «مشاور»;
    ``serves`` in data/relation_words.tsv) and names no organization: «وکیل
    محمدعلی نجفی» is Najafi's lawyer. None for any other title or neighbour."""
    if title.org_first < title.last or title.plural:
        return None
    if _bare(context.words[title.last - 1]) not in _single("serves"):
        return None
    index = context.entity_starting(title.last)
    if index is None or context.entities[index].label != "PER":
        return None
    return index


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
    j = i
    while j < len(context.tokens):
        if context.norms[j] in _APPOSITION:
            j += 1
            continue
        size = _phrase_at("honorific", context.words, j)
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
    _all_titles_cached(context)
    title_at = context.title_at
    body: Argument | None = None
    own = _past_connectives(context, lo, hi)
    i = lo
    while i < hi:
        skip = _passed_over(context, i, hi)
        if skip:
            i = skip
            continue
        if context.words[i] in pronouns and not context.after_preposition(i):
            return _antecedent(context, i)
        if _this(context, i, hi, "person_noun"):  # «این مقام مسئول افزود»: named before
            known = _antecedent(context, i, last_speaker=False)
            if known is not None:
                return _standing(context, known, i, i + 2)
        named = _this_body(context, i, hi) if i == own else None
        if named is not None:  # «این بانک تاکید کرد»: a body named before
            return _standing(context, named, i, i + 2)
        if i in title_at and not context.after_preposition(i):
            title = title_at[i]
            if i in context.title_person:
                person = context.title_person[i]
                return person
            served = _served(context, title)
            if served is not None:  # «وکیل محمدعلی نجفی گفت»: the lawyer, unnamed
                return context.phrase(title.first, context.entity_ranges[served][1])
            known = _holder(context, title)
            if known is None and i > lo and context.words[i - 1] == "این":
                # «این فرمانده ارشد انتظامی افزود»; not any last speaker: the title
                # says who it is («این تحلیلگر» after a passage quoting a president)
                known = _antecedent(context, i, last_speaker=False)
            if known is not None:
                return _standing(context, known, title.first, title.last)
            if body is None and not title.plural:
                body = _title_phrase(context, title, hi)
            i = title.last
            continue
        index = context.entity_starting(i)
        if index is not None and not context.after_preposition(i):
            label = context.entities[index].label
            if label == "PER":
                return context.entity(index)
            if bodies and body is None and label in _BODIES:
                head = _np_start(context, i, lo)
                end = context.entity_ranges[index][1]
                # «دولت آمریکا», «مخبر کمیسیون آموزش»: the body names whose noun it is;
                # «از سوی سازمان …»: a phrase after a preposition is no subject
                if head == i:
                    body = context.entity(index)
                elif not context.after_preposition(head):
                    body = context.phrase(head, end)
            i = context.entity_ranges[index][1]
            continue
        i += 1
    return body if bodies else (body if body is not None and body.entity is None else None)


#: hazm part-of-speech tags of words that cannot open or continue a subject's noun phrase
_NOT_NOUN: Final = frozenset({"PRO", "DET", "CONJ", "ADV", "NUM", "P", "POSTP", "PREP"})
#: the longest noun phrase read as a subject without a name: «مخبر کمیسیون»
_NP_WORDS: Final = 3


def _title_phrase(context: _Context, title: _Title, hi: int) -> Argument:
    """A title naming nobody, as an argument: with its organization and the place it
    is held in («وزیر امور خارجه», «نماینده ولی فقیه در استان کردستان»)."""
    end = _placed(context, max(_organization(context, title)[2], title.last), hi)
    return context.phrase(title.first, end)


def _title_subject(context: _Context, lo: int, hi: int) -> Argument | None:
    """The person a title opening the sentence ``[lo, hi)`` as its subject stands
    for, in a sentence that names nobody («رئیس‌جمهور امروز به مشهد رفت»,
    connectives aside): the title's holder named before, else the title itself;
    None if the sentence opens otherwise, or names a person (the one a pronoun
    after it is likelier to stand for: «حجت‌الاسلام عباسی …», «… از سخنان محسن
    هاشمی»)."""
    i = _past_connectives(context, lo, hi)
    _all_titles_cached(context)
    title = context.title_at.get(i)
    if (
        title is None
        or title.plural
        or context.words[title.last : title.last + 1] == ["را"]
        or _served(context, title) is not None
        or any(
            index is not None and context.entities[index].label == "PER"
            for index in context.entity_at[lo:hi]
        )
    ):
        return None
    return _holder(context, title) or _title_phrase(context, title, hi)


def _stopword(word: str) -> bool:
    """Is ``word`` one of hazm's stop words, half-spaces aside («آن‌ها» is «آنها»)?"""
    return word.replace("\u200c", "") in _hazm.lexicon().stopwords


def _noun_like(context: _Context, i: int) -> bool:
    """Can token ``i`` be part of a subject's noun phrase («ارتش», «مخالفان»)?"""
    word = context.words[i]
    return (
        context.tokens[i].kind == "word"
        and not context.dated[i]
        and not context.attributed[i]
        and word not in _single("preposition")
        and word not in _single("pronoun")
        and word not in _single("not_subject")
        and word not in _hazm.lexicon().verb_forms
        and not _NOT_NOUN.intersection(_hazm.lexicon().pos.get(word, ()))
    )


def _np_start(context: _Context, i: int, lo: int) -> int:
    """Where the noun phrase that the name at token ``i`` ends starts: «دولت» in
    «دولت آمریکا» (``i`` itself when nothing stands before it in the clause)."""
    j = i
    while j > lo and i - j < _NP_WORDS and _noun_like(context, j - 1):
        j -= 1
    return j


def _noun_subject(context: _Context, lo: int, hi: int) -> Argument | None:
    """A subject without a name: the noun phrase opening the clause ``[lo, hi)``
    (connectives aside) right before its verb («ارتش اعلام کرد», «اما مخالفان نیز
    می‌گویند»), or opening the last stretch of it after a comma («بحث شکایت مطرح
    شده، اما مسئولان باشگاه می‌گویند», «علاوه بر این، کادرهای پزشکی تصریح
    می‌کنند»)."""
    for k in range(hi - 2, lo, -1):
        if context.norms[k] in ("،", ","):
            found = _noun_phrase_before(context, k + 1, hi)
            if found is not None:
                return found
            break
    return _noun_phrase_before(context, lo, hi) or _noun_phrase_before(context, lo, hi, far=True)


def _noun_phrase_before(context: _Context, lo: int, hi: int, far: bool = False) -> Argument | None:
    """The noun phrase opening ``[lo, hi)`` (connectives aside), if the verb at
    ``hi`` follows it closely (:func:`_noun_subject`) or, with ``far``, if a phrase
    news puts between a subject and its verb follows it, whatever its length
    («کارشناس خانواده با اشاره به تحقیق … تصریح کرد»; ``adverbial`` in
    data/relation_words.tsv, after «نیز» or «همچنین» too)."""
    lo = _past_connectives(context, lo, hi)
    j = lo  # where the words of the phrase's noun begin
    if lo + 1 < hi and context.words[lo] in _single("partitive") and context.words[lo + 1] == "از":
        j = lo + 2  # «یکی از مسئولان باشگاه»: the group after «از» is part of it
        if j >= hi or not _noun_like(context, j) or _stopword(context.words[j]):
            return None  # «بخشی از آن‌ها»: nobody named
    limit = j + _NP_WORDS
    while j < min(hi, limit) and _noun_like(context, j):
        j += 1
    if far:
        k = j + (j < hi and context.words[j] in ("نیز", "همچنین"))
        if j == lo or k >= hi or not _phrase_at("adverbial", context.words, k):
            return None
        return context.phrase(lo, j)
    between = range(j, hi)
    if j == lo or len(between) > _NP_WORDS:
        return None
    if any(
        context.words[k] in ("و", "را") or context.words[k] in _hazm.lexicon().verb_forms
        for k in between
    ):
        return None
    return context.phrase(lo, j)


def _passed_over(context: _Context, i: int, hi: int) -> int:
    """Where reading for a subject or participant resumes if token ``i`` holds
    none: past a quotation (not a name in quotation marks), an attribution or a
    role's organization; 0 if token ``i`` is to be read."""
    if context.norms[i] == "«":
        close = context.quote_end(i, hi)
        if close - i > _MIN_QUOTE_TOKENS:
            return close + 1
    if context.attributed[i] or context.role_org[i]:
        return i + 1
    return 0


def _all_titles_cached(context: _Context) -> list[_Title]:
    """:func:`_all_titles`, read once per text."""
    if context.all_titles is None:
        context.all_titles = _all_titles(context)
        context.title_at = {title.first: title for title in context.all_titles}
    return context.all_titles


def _holder(context: _Context, title: _Title) -> Argument | None:
    """The person a title standing alone refers to («وزیر نفت» after «X وزیر نفت»):
    with an organization («وزیر خارجه کانادا»), only a holder of that title there."""
    keys = _title_keys(context, title, _organization(context, title))
    wanted = [key for key in keys if not key.endswith("|")] or keys
    role = " ".join(context.words[title.first : title.role_last])
    if title.canonical != role:  # «سخنگوی دستگاه دیپلماسی» names its organization
        wanted.append(f"{title.canonical}|")
    # a title naming no organization stands first for a holder named with none
    # («رئیس جمهور» for Rouhani, not for «امانوئل مکرون رئیس جمهور فرانسه»)
    bare = not wanted[0].split("|")[1]
    for table in [context.bare_holders, context.holders] if bare else [context.holders]:
        for key in wanted:
            if key in table:
                return _nearest_before(table[key], title.first)
    if wanted[0].split("|")[1]:  # «سرمربی ژاپن» after «سرمربی تیم ملی ژاپن»
        role, org = wanted[0].split("|")
        for key, held in reversed(context.holders.items()):
            name_role, name_org = key.split("|")
            if name_role == role and name_org and _overlaps(name_org, org):
                return _nearest_before(held, title.first)
    return None


def _nearest_before(held: list[tuple[int, Argument]], i: int) -> Argument:
    """Of the holders of a title (in text order), the last one named before token
    ``i``, else the first one after it («وزیر نفت گفت … بیژن زنگنه وزیر نفت»)."""
    before = [person for where, person in held if where < i]
    return before[-1] if before else held[0][1]


def _antecedent(context: _Context, i: int, *, last_speaker: bool = True) -> Argument | None:
    """The person «وی»/«او» at token ``i`` stands for: the speaker or subject of
    the nearest sentence before it that names one, by name or by a title opening
    it (:func:`_title_subject`: «رئیس‌جمهور امروز به مشهد رفت. وی گفت»; a sentence whose subject is
    itself «وی»/«او» names the person that one stands for: «خانم X … او در هتلی
    کار می‌کرد … وی گفت»); failing that (and if ``last_speaker``), the last
    speaker, if nobody has been named since (:func:`_last_speaker`)."""
    if last_speaker and i in context.antecedents:
        return context.antecedents[i]
    sentence = context.sentence_of[i]
    lo, _hi = context.sentences[sentence]
    person = _person_subject(context, lo, i)
    for back in range(sentence - 1, max(-1, sentence - 1 - _PRONOUN_REACH), -1):
        if person is not None:
            break
        lo, hi = context.sentences[back]
        person = next((s for t, s in reversed(context.speakers.items()) if lo <= t < hi), None)
        person = person or _title_subject(context, lo, hi) or _person_subject(context, lo, hi)
        if person is None:
            subject = _pronoun_subject(context, lo, hi)
            person = None if subject is None else _antecedent(context, subject)
    if person is None and last_speaker:
        person = _last_speaker(context, i)
    found = None if person is None else _standing(context, person, i, i + 1)
    if last_speaker:
        context.antecedents[i] = found
    return found


def _standing(context: _Context, argument: Argument, first: int, last: int) -> Argument:
    """``argument`` read from the tokens ``[first, last)``: a pronoun, a title or
    «این …» that stands for it."""
    return attrs.evolve(
        argument, start=context.tokens[first].start, end=context.tokens[last - 1].end
    )


def _last_speaker(context: _Context, i: int) -> Argument | None:
    """The speaker of the last quotation before token ``i`` whose speaker is known,
    if no other person is named between its end and ``i`` (a speech goes on for
    sentences after the one a quotation is read in: «وی … گفت: …. رشد اقتصادی ….
    وی در خصوص … نیز گفت»).

    Measured on the quotations it changed in 800 random articles of the news
    corpus, judged by hand: 33 more speakers right, none fewer once «این» + a
    title was kept out of it (see docs/performance.md, Relations)."""
    before = [(end, speaker) for end, speaker in context.said if end <= i]
    if not before:
        return None
    end, speaker = max(before, key=lambda item: item[0])
    for j in range(end, i):
        index = context.entity_starting(j)
        if index is not None and context.entities[index].label == "PER":
            named = context.entity(index)
            if named.text != speaker.text and (
                named.entity is None or named.entity != speaker.entity
            ):
                return None
    return speaker


def _this(context: _Context, i: int, hi: int, kind: str) -> bool:
    """Does «این» + a noun of ``kind`` (data/relation_words.tsv) stand at token ``i``
    as a subject: «این شهروند آمریکایی می‌گوید», not «این مقام را پذیرفت»?"""
    return (
        i + 1 < hi
        and context.words[i] == "این"
        and _bare(context.words[i + 1]) in _single(kind)  # «این کاندیدای اصلاح‌طلب»
        and _as_subject(context, i, i + 2, hi)
    )


def _as_subject(context: _Context, first: int, last: int, hi: int) -> bool:
    """Can the words ``[first, last)`` of a clause ending at ``hi`` be its subject:
    not after a preposition, not an object («او را»)?"""
    return not context.after_preposition(first) and not (last < hi and context.words[last] == "را")


#: how many sentences back «این بانک» looks for the bank it stands for
_BODY_REACH: Final = 3


def _past_connectives(context: _Context, lo: int, hi: int) -> int:
    """The first token of ``[lo, hi)`` that is no connective («اما», «همچنین», …):
    where a clause's own words begin."""
    while lo < hi and context.words[lo] in _single("connective"):
        lo += 1
    return lo


def _this_body(context: _Context, i: int, hi: int) -> Argument | None:
    """The body «این» + a body's head noun at token ``i`` stands for, as a subject
    (:func:`_body_before`); None if there is none or the phrase is no subject.
    (Read only where it opens its clause: «رسانه‌های این کشور» is no subject.)"""
    if not _this(context, i, hi, "body_noun"):
        return None
    return _body_before(context, i)


def _body_before(context: _Context, i: int) -> Argument | None:
    """The body «این» + a body's head noun at token ``i`` stands for: the last
    organization named in this sentence or the three before whose name has that
    noun («بانک مرکزی … این بانک اعلام کرد»), or for «این کشور» the last country,
    alone or in an organization's name («وزارت خارجه لهستان»); None if there is
    none (or no such phrase at ``i``)."""
    if not (
        i + 1 < len(context.tokens)
        and context.words[i] == "این"
        and _bare(context.words[i + 1]) in _single("body_noun")
    ):
        return None
    noun = _bare(context.words[i + 1])
    lo = context.sentences[max(0, context.sentence_of[i] - _BODY_REACH)][0]
    for index in range(len(context.entities) - 1, -1, -1):
        first, last = context.entity_ranges[index]
        if last > i:
            continue
        if first < lo:
            break
        entity = context.entities[index]
        if noun != "کشور":
            if entity.label == "ORG" and noun in context.words[first:last]:
                return context.entity(index)
        elif entity.kind == "country":
            return context.entity(index)
        elif entity.label == "ORG":  # «وزارت خارجه لهستان … سفیر این کشور»
            countries = _gazetteer(("countries",))
            for k in range(last - 1, first - 1, -1):
                size = countries.match(context.words, k)
                if size and k + size <= last:
                    return context.argument(k, k + size)
    return None


def _pronoun_subject(context: _Context, lo: int, hi: int) -> int | None:
    """The «وی»/«او» opening the sentence ``[lo, hi)`` as its subject (connectives
    aside: «اما وی …»), not its object («او را»)."""
    i = _past_connectives(context, lo, hi)
    if i < hi and context.words[i] in _single("pronoun") and _as_subject(context, i, i + 1, hi):
        return i
    return None


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


@once
def _verb_starts() -> dict[str, int]:
    """First word of a verb form -> the longest form starting with it."""
    longest: dict[str, int] = {}
    for form in _verbs():
        longest[form[0]] = max(longest.get(form[0], 0), len(form))
    return longest


def _verb_occurrences(context: _Context) -> list[tuple[int, int, _Verb]]:
    """Every reporting and meeting verb: ``(first, last, verb)``, longest first
    (read once per text)."""
    if context.verbs is None:
        context.verbs = _find_verbs(context.norms)
    return context.verbs


def _find_verbs(norms: list[str]) -> list[tuple[int, int, _Verb]]:
    verbs, starts = _verbs(), _verb_starts()
    found = []
    after = 0  # the end of the last verb read
    for i in [i for i, norm in enumerate(norms) if norm in starts]:  # where a verb may start
        if i < after:
            continue
        longest = starts[norms[i]]
        for size in range(min(longest, len(norms) - i), 0, -1):
            verb = verbs.get(tuple(norms[i : i + size]))
            if verb is not None:
                break
        else:
            continue
        # «گفت و گو» written apart is a meeting noun, not «گفت»
        if norms[i] == "گفت" and i + 1 < len(norms) and norms[i + 1] == "و":
            continue
        found.append((i, i + size, verb))
        after = i + size
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
    return _matching(context.norms, close, lo - 1, default=lo)


def _matching(norms: list[str], i: int, stop: int, default: int | None = None) -> int:
    """The quotation mark matching the one at ``i``, scanning towards ``stop``
    (excluded): forwards from a «, backwards from a »; ``default`` (else ``stop``)
    if there is none."""
    step = 1 if stop > i else -1
    opening, closing = ("«", "»") if step == 1 else ("»", "«")
    depth = 0
    for j in range(i, stop, step):
        if norms[j] == opening:
            depth += 1
        elif norms[j] == closing:
            depth -= 1
            if depth == 0:
                return j
    return stop if default is None else default


def _content(context: _Context, first: int, last: int) -> Span:
    """The original text of tokens ``[first, last)``."""
    start, end = context.tokens[first].start, context.tokens[last - 1].end
    return Span(start, end, context.doc.original[start:end])


def _quotes(context: _Context) -> list[Quote]:
    quotes: list[Quote] = []
    inside = bytearray(len(context.tokens))  # tokens of a quotation already reported
    according = _according(context)
    in_phrase = bytearray(len(context.tokens))  # «گفته» in «به گفته» is no verb
    for first, last in according:
        in_phrase[first:last] = b"\1" * (last - first)
    items = [
        (first, last, "verb")
        for first, last, verb in _verb_occurrences(context)
        if verb.relation == "speech"
        and verb.reports
        and not in_phrase[first]
        and not (verb.participle and not _introduces(context, last))
        and not (first and context.words[first - 1] in _single("modal"))
        and not _first_half(context, first, last)
    ]
    items += [(first, last, "according") for first, last in according]
    for first, last, how in sorted(items):
        if inside[first]:
            continue
        found = (
            _according_quote(context, first, last)
            if how == "according"
            else _verb_quotes(context, first, last)
        )
        for quote, (lo, hi) in found:
            if inside[lo]:
                continue
            inside[lo:hi] = b"\1" * (hi - lo)
            if quote.speaker is not None and not _group_speaker(
                context, quote.speaker, None if how == "according" else last
            ):
                context.speakers[first] = quote.speaker
                context.said.append((hi, quote.speaker))
            quotes.append(quote)
    quotes.sort(key=lambda quote: quote.content.start)
    return quotes


#: endings a compound written apart may carry after its second half («گفت وگویی»)
_COMPOUND_ENDINGS: Final = ("", "ی", "یی", "ها", "های", "هایی")


def _first_half(context: _Context, first: int, last: int) -> bool:
    """Is the one-word verb at ``[first, last)`` the first half of a compound written
    apart that hazm's word list knows, with or without a half-space («گفت وگویی»:
    «گفت‌وگو»; «گفت گو کردند»: «گفتگو»), not a verb at all?"""
    if last - first != 1 or last >= len(context.tokens):
        return False
    frequency = _hazm.lexicon().frequency
    return any(
        joined.endswith(ending) and frequency.get(joined[: len(joined) - len(ending)], 0) > 0
        for joiner in ("\u200c", "")  # «گفت‌وگو», «گفتگو»
        for joined in [context.words[first] + joiner + context.words[last]]
        for ending in _COMPOUND_ENDINGS
        if len(joined) - len(ending) > len(context.words[first]) + len(joiner)
    )


def _group_speaker(context: _Context, speaker: Argument, last: int | None) -> bool:
    """Is ``speaker`` a group, none that «وی»/«او» may stand for: no name and no
    title, and either the subject of a plural verb ending at token ``last``
    («مسئولان باشگاه می‌گویند»; a name or a title with a plural verb is a person
    honoured: «رهبر انقلاب تأکید کردند») or, with ``last`` None, a source after
    «به گفته» («به گفته منابع آگاه»)?"""
    if speaker.entity is not None or (last is not None and _singular(context.norms[last - 1])):
        return False
    _all_titles_cached(context)
    first = context.range_of(speaker.start, speaker.end)[0]
    # a pronoun or «این …» standing for someone named by title: «ایشان افزودند»
    word = context.words[first]
    return first not in context.title_at and word != "این" and word not in _single("pronoun")


def _introduces(context: _Context, i: int) -> bool:
    """Does token ``i`` open what was said: «:», «که» or «««?"""
    return i < len(context.tokens) and context.words[i] in (":", "که", "«")


def _verb_quotes(context: _Context, first: int, last: int) -> list[tuple[Quote, tuple[int, int]]]:
    """What the reporting verb at ``[first, last)`` reports: the quotation or
    clause after it, and a quotation before it that the clause points back to
    («...»؛ این را X گفت / «...» X با بیان این مطلب افزود: «...»)."""
    norms = context.norms
    lo, hi = context.sentence_range(first)
    while hi > lo and norms[hi - 1] in _CLAUSE_BREAKS - {":"}:
        hi -= 1
    j = last
    colon = j < hi and norms[j] == ":"
    if colon:
        j += 1
    own: tuple[int, int] | None = None
    direct = True
    if j < hi and norms[j] == "«":
        own = (j + 1, context.quote_end(j, hi))
    elif colon and j < hi:
        own = (j, hi)
    elif j < hi and context.words[j] == "که":
        own, direct = (j + 1, hi), False
    elif (
        j < hi
        and norms[j] not in _CLAUSE_BREAKS | _APPOSITION
        and context.words[j] not in ("و", "تا")
    ):
        own, direct = (j, hi), False
    clause = _clause_start(context, first)
    prior = _prior_quotation(context, first, lo, pointed=own is not None)
    if prior is not None:
        clause = max(clause, prior[1] + 1)
    speaker = _subject(context, clause, first)
    if speaker is None and clause == _clause_start(context, first) and _singular(norms[last - 1]):
        speaker = _dropped_subject(context, first)  # «... گفت:» with its subject left out
    if speaker is None:
        speaker = _noun_subject(context, clause, first)
    cue = " ".join(norms[first:last])
    found = []
    for content, is_direct in ((prior, True), (own, direct)):
        if content is None or content[1] <= content[0]:
            continue
        span = _content(context, *content)
        start = min(span.start, context.tokens[first].start)
        if speaker is not None:
            start = min(start, speaker.start)
        end = max(span.end, context.tokens[last - 1].end)
        if content[1] < len(norms) and norms[content[1]] == "»":
            end = max(end, context.tokens[content[1]].end)
        found.append((Quote(speaker, cue, span, is_direct, start, end), content))
    return found


def _singular(verb: str) -> bool:
    """Is this verb form third person singular (not «ند»/«اند»)?"""
    return not verb.endswith("ند")


def _dropped_subject(context: _Context, first: int) -> Argument | None:
    """The speaker of a verb whose clause names nobody (Persian drops a subject
    that stays the same): the person the sentences before were about."""
    if any(context.tokens[k].kind == "word" for k in range(_clause_start(context, first), first)):
        return None  # the clause has words of its own: «ارتش اعلام کرد» without a known name
    return _antecedent(context, first)


def _prior_quotation(
    context: _Context, first: int, lo: int, pointed: bool
) -> tuple[int, int] | None:
    """The quotation before the verb at ``first`` that its clause reports: in the
    same sentence with nothing but the speaker's clause between («...»، این را X
    گفت), or — when the clause points back («با بیان این مطلب», «این را») — the
    quotation that is the sentence before.  With ``pointed`` (the verb has its own
    content) only a pointed-back quotation counts."""
    norms = context.norms
    close = next((k for k in range(first - 1, lo - 1, -1) if norms[k] == "»"), None)
    back = _points_back(context, lo, first)
    if close is None and back and lo > 0:  # the quotation is the sentence before
        k = lo - 1
        while k > 0 and norms[k] in _CLAUSE_BREAKS | {"؛", "،"}:
            k -= 1
        if norms[k] == "»":
            close = k
            lo = context.sentence_range(k)[0]
    if close is None or (pointed and not back):
        return None
    opening = _opening(context, close, lo)
    if close - opening <= _MIN_QUOTE_TOKENS or norms[opening] != "«":
        return None
    between = range(close + 1, first)
    breaks = [k for k in between if norms[k] in _CLAUSE_BREAKS | {"؛"}]
    if any(k != close + 1 for k in breaks):  # only «»؛» right after the quotation
        return None
    return opening + 1, close


def _points_back(context: _Context, lo: int, hi: int) -> bool:
    """Does the clause ``[lo, hi)`` refer back to what was just quoted?"""
    return any(_phrase_at("this", context.words, i) for i in range(lo, hi))


def _is_title_phrase(context: _Context, i: int) -> bool:
    """Does a title start at token ``i``?"""
    _all_titles_cached(context)
    return i in context.title_at


def _according(context: _Context) -> list[tuple[int, int]]:
    """«به گفته»-like phrases: ``(first, last)``."""
    found = []
    starts = _phrases_by_first("according")
    for i in [i for i, word in enumerate(context.words) if word in starts]:
        size = _phrase_at("according", context.words, i)
        if size:
            found.append((i, i + size))
    return found


def _according_quote(
    context: _Context, first: int, last: int
) -> list[tuple[Quote, tuple[int, int]]]:
    """«به گفته X، ...»: X said the rest of the sentence."""
    lo, hi = context.sentence_range(first)
    while hi > lo and context.norms[hi - 1] in _CLAUSE_BREAKS:
        hi -= 1
    pronoun = last < hi and context.words[last] in _single("pronoun")
    if pronoun:
        # «به گفته وی برخی از این شرکت‌ها …»: the pronoun is all of the speaker,
        # with or without a comma after it
        comma = last + 1 if last + 1 < hi and context.norms[last + 1] in ("،", ",") else last
    else:
        found = next((k for k in range(last, hi) if context.norms[k] in ("،", ",")), None)
        if found is None or found == last:
            return []
        comma = found
    speaker = _subject(context, last, max(comma, last + 1))
    # after a pronoun comes what was said; after a name, maybe its apposition
    following = (
        None
        if pronoun
        else next((k for k in range(comma + 1, hi) if context.norms[k] in ("،", ",")), None)
    )
    index = context.entity_starting(comma + 1)
    if (
        following is not None
        and index is not None
        and context.entities[index].label == "PER"
        and context.entity_ranges[index][1] == following
    ):  # «به گفته استاندار آذربایجان شرقی، عابدین خرم، ...»
        speaker, comma = context.entity(index), following
    elif following is not None and _is_title_phrase(context, comma + 1):
        comma = following  # «به گفته مجید چگنی، معاون امور بین‌الملل وزارت نفت، ...»
    unnamed = tuple(context.words[first:last]) in _words()["unnamed"]
    if (
        speaker is None or (speaker.entity is None and not _is_title_phrase(context, last))
    ) and not pronoun:
        # «به گفته منابع آمریکایی»: the sources, unnamed; «از نظر فرهنگی» names nobody
        speaker = _unnamed_source(context, last, comma) if unnamed else None
    if speaker is None and not unnamed:
        return []  # «از نظر فرهنگی، …» names no speaker: no quote
    if comma + 1 >= hi:
        return []
    span = _content(context, comma + 1, hi)
    cue = " ".join(context.norms[first:last])
    quote = Quote(speaker, cue, span, False, context.tokens[first].start, span.end)
    return [(quote, (comma + 1, hi))]


#: the longest unnamed source read after «به گفته» («مرکز مراقبت و پیشگیری بیماری‌های چین»)
_UNNAMED_WORDS: Final = 7


def _unnamed_source(context: _Context, first: int, last: int) -> Argument | None:
    """The words ``[first, last)`` after «به گفته» as a source named by what it is
    («منابع آگاه», «برخی منابع», «مقامات کشور»): plain words, no verb, at most
    :data:`_UNNAMED_WORDS`; None for a pronoun or a phrase with «این», which stand for
    someone named before."""
    if not 0 < last - first <= _UNNAMED_WORDS:
        return None
    lexicon = _hazm.lexicon()
    words = context.words[first:last]
    if (
        words[0] == "این"  # «به گفته این استاد کهنه‌کار»: someone named before
        or all(map(_stopword, words))  # «آنان»
        or any(
            context.tokens[k].kind != "word"
            # a verb form with no other part of speech («برخی» is also a determiner)
            or (context.words[k] in lexicon.verb_forms and not lexicon.pos.get(context.words[k]))
            for k in range(first, last)
        )
    ):
        return None
    return context.phrase(first, last)


# -- attributions ------------------------------------------------------------------------


def _attributions(context: _Context) -> list[Attribution]:
    words = context.words
    found: list[Attribution] = []
    after = 0  # the end of the last attribution read
    for i in [i for i, word in enumerate(words) if word == "به"]:  # «به گزارش», «به نقل از»
        if i < after:
            continue
        opens = (
            i == 0
            or context.tokens[i - 1].kind == "punct"
            or context.sentence_of[i - 1] != (context.sentence_of[i])
        )
        # «به گزارش X» opens its clause («با اشاره به گزارش هواشناسی» is no attribution)
        report = words[i : i + 2] == ["به", "گزارش"] and opens
        cite = words[i : i + 3] == ["به", "نقل", "از"]
        if not (report or cite):
            continue
        source = _outlet(context, i + (2 if report else 3), reported=report)
        if source is None:
            continue
        argument, end = source
        if cite and not _is_outlet(argument):
            after = end
            continue
        via = []
        j = end
        while True:
            k = _bridge(context, j)
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
        after = j
    found += _trailing_tags(context)
    found.sort(key=lambda attribution: attribution.start)
    return found


#: what may stand between an outlet and the «به نقل از» after it: «،», «:», «و»
_BRIDGE: Final = frozenset({"،", ",", ":", "و"})
#: how many tokens the bridge may cross
_BRIDGE_TOKENS: Final = 6


def _bridge(context: _Context, j: int) -> int:
    """Past what joins an outlet ending at token ``j`` to an «به نقل از» after it:
    punctuation, «و», and «از» + the place it reports from («به گزارش خبرگزاری
    فارس از زنجان و به نقل از …»); ``j`` itself if nothing joins them."""
    n = len(context.tokens)
    k = j
    while k < n and k - j < _BRIDGE_TOKENS:
        if context.norms[k] in _BRIDGE:
            k += 1
            continue
        index = context.entity_starting(k + 1) if context.words[k] == "از" else None
        if index is not None and context.entities[index].label == "LOC":
            k = context.entity_ranges[index][1]
            continue
        break
    return k


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
        agency = _agency_ahead(context, i)
        if agency is not None:  # «خبرنگار امور مجلس خبرگزاری فارس»: past the desk's words
            i = agency
        elif i < n and words[i] in _single("desk"):
            i += 2 if context.entity_starting(i + 1) is None else 1
    first = i
    while i < n and norms[i] in ("«", '"'):
        i += 1
    head = i
    if i < n and words[i] in _organization_heads() and i + 1 < n and norms[i + 1] in ("«", '"'):
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


#: how many words of a desk («امور مجلس», «گروه فضای مجازی») may stand before its agency
_DESK_WORDS: Final = 3


def _agency_ahead(context: _Context, i: int) -> int | None:
    """Where a news agency's name starts at token ``i`` or after at most
    :data:`_DESK_WORDS` words (none of them punctuation or ``not_desk`` words) —
    the agency whose desk or reporter is named first — or None."""
    agencies = _gazetteer(("agencies",))
    for j in range(i, min(i + _DESK_WORDS + 1, len(context.words))):
        if context.tokens[j].kind != "word" or (j > i and context.words[j] in _single("not_desk")):
            return None
        index = context.entity_starting(j)
        if agencies.match(context.words, j) or (
            index is not None and context.entities[index].kind == "news_agency"
        ):
            return j
    return None


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
        if verb.relation == "meeting" and verb.reports:
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
        mode = _mode(context, i + 1, with_at, ("phone", "video", "in_person"))
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
    _all_titles_cached(context)
    title_at = context.title_at
    i = lo
    chained = False  # the last name read was an object: «درباره X و Y»
    while i < last:
        before = context.words[i - 1] if i > lo else ""
        partner = before == "با"
        blocked = context.after_preposition(i) and before != "با"
        blocked = blocked or (chained and before in ("و", "،", ","))
        skip = _passed_over(context, i, last)
        if skip:
            i = skip
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


def _mode(
    context: _Context,
    lo: int,
    last: int,
    kinds: tuple[MeetingMode, ...] = ("phone", "video"),
) -> MeetingMode | None:
    """How the meeting in ``[lo, last)`` was held, if a word there says (the first
    of ``kinds`` found; a meeting verb's own mode is the fallback for the clause)."""
    for kind in kinds:
        if any(_phrase_at(kind, context.words, i) for i in range(lo, last)):
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
