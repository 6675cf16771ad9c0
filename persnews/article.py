"""One call for a whole article: :func:`analyze` and the :class:`Article` it returns.

>>> from persnews import analyze
>>> article = analyze("به گزارش ایرنا، وزیر گفت: «کار تمام است.»", published="1402/07/15")
>>> article.published
datetime.date(2023, 10, 7)
>>> [s.text for s in article.sentences]
['به گزارش ایرنا، وزیر گفت: «کار تمام است.»']
>>> [(d.text, str(d.value)) for d in analyze("دیروز آمد.", published="2021-11-23").dates]
[('دیروز', '2021-11-22')]
>>> article.to_dict()["schema_version"]
'0.4'
>>> [a.source.text for a in article.attributions]
['خبرگزاری جمهوری اسلامی ایران']
"""

from __future__ import annotations

import bisect
import datetime
import json
from array import array
from typing import Any, Final, SupportsIndex

import attrs

from persnews.calendar import reference_date
from persnews.dates import find_dates
from persnews.entities import find_entities, find_titles
from persnews.errors import check_text
from persnews.model import (
    TOKEN_KINDS,
    Attribution,
    DateMention,
    Entity,
    Meeting,
    NumberMention,
    Quote,
    Role,
    Sentence,
    Token,
    _attribution_tuple,
    _date,
    _date_tuple,
    _entity_tuple,
    _fields,
    _meeting_tuple,
    _number_tuple,
    _quote_tuple,
    _role_tuple,
    _sentence_tuple,
    tokens_from_columns,
)
from persnews.normalize import normalize
from persnews.numbers import find_numbers
from persnews.relations import Relations, find_relations
from persnews.tokens import sentences

__all__ = ["SCHEMA_VERSION", "Article", "analyze"]

#: version of the JSON that :meth:`Article.to_dict` writes
SCHEMA_VERSION = "0.4"


@attrs.frozen
class Article:
    """Everything persnews found in one article."""

    #: the article text as given; every offset indexes it
    text: str
    #: the publication date relative expressions are resolved against, if known
    published: datetime.date | None
    #: sentences (headlines included), each with its tokens
    sentences: tuple[Sentence, ...] = attrs.field(converter=_sentence_tuple)
    #: date, time and relative-date expressions, resolved against ``published``
    dates: tuple[DateMention, ...] = attrs.field(default=(), converter=_date_tuple)
    #: numbers, percentages, money and quantities
    numbers: tuple[NumberMention, ...] = attrs.field(default=(), converter=_number_tuple)
    #: people, organizations, places, facilities, events and products
    entities: tuple[Entity, ...] = attrs.field(default=(), converter=_entity_tuple)
    #: titles and roles («وزیر امور خارجه», «سخنگو»), label "TITLE"
    titles: tuple[Entity, ...] = attrs.field(default=(), converter=_entity_tuple)
    #: person – title – organization («سرگئی لاوروف وزیر امور خارجه روسیه»)
    roles: tuple[Role, ...] = attrs.field(default=(), converter=_role_tuple)
    #: who said what, directly «…» or reported
    quotes: tuple[Quote, ...] = attrs.field(default=(), converter=_quote_tuple)
    #: «به گزارش X به نقل از Y»: who reports, on whose authority
    attributions: tuple[Attribution, ...] = attrs.field(default=(), converter=_attribution_tuple)
    #: meetings, calls and talks: who, when, how
    meetings: tuple[Meeting, ...] = attrs.field(default=(), converter=_meeting_tuple)

    @property
    def tokens(self) -> tuple[Token, ...]:
        """Every token of every sentence, in order."""
        return tuple(token for sentence in self.sentences for token in sentence.tokens)

    def __reduce_ex__(self, protocol: SupportsIndex) -> str | tuple[Any, ...]:
        """Pickle the sentences and tokens as columns (offsets, norms, kinds): their
        texts are slices of the article's text, so they need not be sent, and
        :func:`~persnews.pipe`'s parent process reads an article in half the time."""
        packed = _packed(self.text, self.sentences)
        if packed is None:  # a record made by hand whose texts are not its slices
            return super().__reduce_ex__(protocol)
        rest = attrs.astuple(self, recurse=False)[3:]
        return _unpacked, (self.text, self.published, packed, rest)

    def to_dict(self) -> dict[str, Any]:
        """Return a JSON-ready dictionary (see docs/json.md for the schema).

        Entities carry an ``id`` (their index in ``entities``); relation
        arguments point at them with ``"entity": id``.
        """
        relations = Relations(
            self.entities, self.roles, self.quotes, self.attributions, self.meetings
        ).to_dict()
        return {
            "schema_version": SCHEMA_VERSION,
            "published": self.published.isoformat() if self.published else None,
            "text": self.text,
            "sentences": [sentence.to_dict() for sentence in self.sentences],
            "dates": [mention.to_dict() for mention in self.dates],
            "numbers": [mention.to_dict() for mention in self.numbers],
            "entities": relations["entities"],
            "titles": [mention.to_dict() for mention in self.titles],
            "roles": relations["roles"],
            "quotes": relations["quotes"],
            "attributions": relations["attributions"],
            "meetings": relations["meetings"],
        }

    def _repr_html_(self) -> str:
        """The article as HTML, for Jupyter: :func:`persnews.display.render`."""
        from persnews.display import render  # only when a notebook asks

        return str(render(self))

    def to_json(self, *, indent: int | None = None) -> str:
        """Return :meth:`to_dict` as a JSON string (UTF-8 text, not escaped)."""
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=indent)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Article:
        """Build an article back from :meth:`to_dict` output."""
        _fields(data, "Article", ("text", "sentences"))
        check_text(data["text"], 'article "text"')
        published = _date(data.get("published") or None, "published")
        dates = tuple(DateMention.from_dict(d) for d in data.get("dates", ()))
        entities = tuple(Entity.from_dict(e) for e in data.get("entities", ()))
        return cls(
            text=data["text"],
            published=published,
            sentences=tuple(Sentence.from_dict(s) for s in data["sentences"]),
            dates=dates,
            numbers=tuple(NumberMention.from_dict(n) for n in data.get("numbers", ())),
            entities=entities,
            titles=tuple(Entity.from_dict(t) for t in data.get("titles", ())),
            roles=[Role.from_dict(r, entities) for r in data.get("roles", ())],
            quotes=[Quote.from_dict(q, entities) for q in data.get("quotes", ())],
            attributions=[Attribution.from_dict(a, entities) for a in data.get("attributions", ())],
            meetings=[Meeting.from_dict(m, entities, dates) for m in data.get("meetings", ())],
        )


#: a separator no norm holds (normalization removes control characters)
_SEPARATOR: Final = "\x00"
_KIND_CODES: Final = {kind: code for code, kind in enumerate(TOKEN_KINDS)}


def _packed(
    text: str, sentences: tuple[Sentence, ...]
) -> tuple[bytes, bytes, str, bytes, bytes, bytes, str] | None:
    """Sentences and tokens as columns, or None if a text is not the slice of
    ``text`` its offsets say, or a norm holds the separator."""
    tokens = [token for sentence in sentences for token in sentence.tokens]
    starts, ends = array("q", [t.start for t in tokens]), array("q", [t.end for t in tokens])
    norms = [t.norm for t in tokens]
    sentence_norms = [sentence.norm for sentence in sentences]
    joined, joined_sentences = _SEPARATOR.join(norms), _SEPARATOR.join(sentence_norms)
    if (
        joined.count(_SEPARATOR) != max(len(norms) - 1, 0)
        or joined_sentences.count(_SEPARATOR) != max(len(sentences) - 1, 0)
        or any(t.text != text[t.start : t.end] for t in tokens)
        or any(s.text != text[s.start : s.end] for s in sentences)
    ):
        return None
    try:
        kinds = bytes(_KIND_CODES[t.kind] for t in tokens)
    except KeyError:
        return None
    sizes = array("q", [len(sentence.tokens) for sentence in sentences])
    bounds = array("q", [x for sentence in sentences for x in (sentence.start, sentence.end)])
    return (
        starts.tobytes(),
        ends.tobytes(),
        joined,
        kinds,
        sizes.tobytes(),
        bounds.tobytes(),
        joined_sentences,
    )


def _unpacked(
    text: str,
    published: datetime.date | None,
    packed: tuple[bytes, bytes, str, bytes, bytes, bytes, str],
    rest: tuple[Any, ...],
) -> Article:
    """The article :meth:`Article.__reduce__` packed."""
    start_bytes, end_bytes, joined, kinds, size_bytes, bound_bytes, joined_sentences = packed
    starts, ends, sizes, bounds = array("q"), array("q"), array("q"), array("q")
    starts.frombytes(start_bytes)
    ends.frombytes(end_bytes)
    sizes.frombytes(size_bytes)
    bounds.frombytes(bound_bytes)
    norms = joined.split(_SEPARATOR) if starts else []
    tokens = tokens_from_columns(
        starts,
        ends,
        list(map(text.__getitem__, map(slice, starts, ends))),
        norms,
        [TOKEN_KINDS[code] for code in kinds],
    )
    sentence_norms = joined_sentences.split(_SEPARATOR) if sizes else []
    sentences = []
    first = 0
    for index, (size, norm) in enumerate(zip(sizes, sentence_norms, strict=True)):
        start, end = bounds[2 * index], bounds[2 * index + 1]
        sentences.append(
            Sentence(start, end, text[start:end], norm, tuple(tokens[first : first + size]))
        )
        first += size
    return Article(text, published, tuple(sentences), *rest)


def analyze(text: str, *, published: object = None) -> Article:
    """Analyze one article.

    ``published`` is the publication date: a ``datetime.date``, a
    :class:`~persnews.JalaliDate` or a string, Gregorian ("2021-11-23") or
    Jalali ("1400/09/02").  Bad arguments raise before any work is done.
    ``numbers`` leaves out the numbers inside a date mention («۱۴۰۲» in
    «۱۷ مهر ۱۴۰۲»): :func:`~persnews.find_numbers` reports them all.
    """
    check_text(text)
    reference = reference_date(published)
    doc = normalize(text)
    dates = find_dates(doc, published=reference)
    spans = [(date.start, date.end) for date in dates]  # numbers in a date belong to it
    entities, titles = find_entities(doc), find_titles(doc)
    relations = find_relations(doc, entities=entities, titles=titles, dates=dates)
    return Article(
        text=text,
        published=reference,
        sentences=tuple(sentences(doc)),
        dates=dates,
        numbers=[n for n in find_numbers(doc) if not _inside(n.start, n.end, spans)],
        entities=entities,
        titles=titles,
        roles=relations.roles,
        quotes=relations.quotes,
        attributions=relations.attributions,
        meetings=relations.meetings,
    )


def _inside(start: int, end: int, spans: list[tuple[int, int]]) -> bool:
    """Does ``start:end`` overlap one of ``spans`` (sorted, not overlapping)?"""
    place = bisect.bisect_left(spans, (end, end))  # the spans starting before ``end``
    return place > 0 and spans[place - 1][1] > start
