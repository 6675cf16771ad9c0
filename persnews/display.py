"""Articles and mentions as HTML, for notebooks and reports.

:func:`render` draws an :class:`~persnews.Article` right to left with its
entities, titles, dates, numbers and quotes highlighted by type (the label and
value on hover), a legend, and tables of roles, quotes, attributions and
meetings.  In Jupyter an ``Article`` shows itself this way.
:func:`render_mentions` draws a list of mentions (what ``find_dates``,
``find_entities`` … return) as a table.

The HTML is one self-contained ``<div class="persnews">`` fragment: its CSS is
inline and scoped under ``.persnews``, it has no script, loads no font, image
or anything else, and every piece of article text is escaped, so a text can
never inject markup.

>>> from persnews import analyze
>>> from persnews.display import render
>>> html = render(analyze("علی سلاجقه گفت: «کار تمام است.»"))
>>> html.startswith('<div class="persnews" dir="rtl" lang="fa"><style>')
True
>>> 'data-kind="entity" data-label="PER" data-start="0" data-end="10"' in html
True
>>> "<script" in render(analyze("<script>alert(1)</script>"))
False
"""

from __future__ import annotations

import html
import itertools
from collections.abc import Iterable, Sequence
from typing import Final, NamedTuple

import regex

from persnews import _patterns
from persnews._style import STYLE
from persnews.article import Article
from persnews.errors import InputTypeError, InvalidValueError, check_iterable
from persnews.model import (
    Argument,
    DateMention,
    Entity,
    NumberMention,
    Quote,
    Sentence,
    Span,
    Token,
    jalali_or_none,
    on_both_calendars,
)
from persnews.text import NormalizedText

__all__ = ["HTML", "render", "render_mentions"]

#: what a table cell shows of a long text (quote content, sentence), in characters
EXCERPT: Final = 120
#: characters of context on each side of a mention in :func:`render_mentions`
CONTEXT: Final = 40

#: entity labels (and TITLE) in legend order, with what they mean
ENTITY_NAMES: Final = {
    "PER": "person",
    "ORG": "organization",
    "LOC": "place",
    "FAC": "facility",
    "EVENT": "event",
    "PRODUCT": "product",
    "TITLE": "title",
}

#: the legend: (CSS class, label shown, meaning), in order
_LEGEND: Final = (
    *((f"pn-{label}", label, name) for label, name in ENTITY_NAMES.items()),
    ("pn-DATE", "DATE", "date, time or period"),
    ("pn-NUM", "NUM", "number or amount"),
    ("pn-QUOTE", "QUOTE", "quoted or reported speech"),
)

#: nesting order of marks with the same span: quotes outermost, numbers innermost
_RANK: Final = {"quote": 0, "date": 1, "title": 2, "entity": 3, "number": 4}

#: characters HTML text cannot carry (NUL, lone surrogates) and the carriage
#: return a browser would turn into a newline
_UNSAFE: Final = _patterns.compile(r"[\x00\r\p{Cs}]")


def _safe(match: regex.Match[str]) -> str:
    return "&#13;" if match.group() == "\r" else "\ufffd"


def _escape(text: str, *, quote: bool = False) -> str:
    """``text`` escaped for HTML text (``quote`` for an attribute value).

    NUL and lone surrogates become U+FFFD (as a browser would show them, and
    so the string can be encoded); ``\\r`` is kept as ``&#13;``.
    """
    return _UNSAFE.sub(_safe, html.escape(text, quote=quote))


def _attrs(**values: object) -> str:
    """`` name="value"`` pairs (``data_start`` → ``data-start``); None is left out."""
    return "".join(
        f' {name.replace("_", "-")}="{_escape(str(value), quote=True)}"'
        for name, value in values.items()
        if value is not None
    )


def _tip(*lines: str | None) -> str:
    """A tooltip: the non-empty lines, one per line."""
    return "\n".join(line for line in lines if line)


def _offsets(start: int, end: int) -> str:
    return f"{start}:{end}"


# --- the marks in the text ---------------------------------------------------------------


class _Mark(NamedTuple):
    """A stretch of the text to highlight."""

    start: int
    end: int
    #: "entity", "title", "date", "number" or "quote"
    kind: str
    #: data-label: the entity label, date or number kind, "direct" or "reported"
    label: str
    #: CSS classes
    css: str
    #: the tooltip
    tip: str


def _date_value(date: DateMention) -> list[str]:
    """A date mention's value on both calendars (and a range's last day), its
    time and duration: one line each."""
    lines = []
    if date.value is not None:
        lines.append(on_both_calendars(date.value))
        if date.end_value is not None:
            lines.append(f".. {on_both_calendars(date.end_value)}")
    extra = " ".join(x for x in (date.time and date.time.isoformat(), date.duration) if x)
    if extra:
        lines.append(extra)
    return lines or ["no value"]


def _value_lines(date: DateMention) -> str:
    """:func:`_date_value` for a table cell."""
    return "".join(_line(_number(line)) for line in _date_value(date))


def _date_words(date: DateMention) -> str | None:
    """«دوشنبه ۱۷ مهر ۱۴۰۲» for a single day."""
    if date.value is None or date.end_value is not None or date.precision != "day":
        return None
    jalali = jalali_or_none(date.value)
    return None if jalali is None else jalali.format(weekday=True)


def _date_tip(date: DateMention) -> str:
    precision = f" · {date.precision}" if date.value is not None else ""
    return _tip(
        f"{date.kind}{precision} · {date.calendar}",
        *_date_value(date),
        _date_words(date),
        date.reason,
        f"rule {date.rule} · {_offsets(date.start, date.end)}" if date.rule else None,
    )


def _entity_tip(entity: Entity) -> str:
    name = "" if entity.label == "TITLE" else f" {ENTITY_NAMES.get(entity.label, '')}"
    return _tip(
        f"{entity.label}{name}" + (f" · {entity.kind}" if entity.kind else ""),
        entity.canonical if entity.canonical != entity.text else None,
        f"{entity.source}, score {entity.score:.2f} · {_offsets(entity.start, entity.end)}",
    )


def _number_value(number: NumberMention) -> str:
    value = f"{number.value}"
    if number.currency is not None and number.base_value is not None:
        value += f" = {number.base_value} {number.currency}"
    return value


def _number_tip(number: NumberMention) -> str:
    return _tip(
        f"{number.kind} {_number_value(number)} · {_offsets(number.start, number.end)}",
        number.unit,
    )


def _direct(quote: Quote) -> str:
    return "direct" if quote.direct else "reported"


def _quote_tip(quote: Quote) -> str:
    """The kind of quote and who said it, as a sentence: «علی سلاجقه گفت»."""
    said = "(speaker not named)" if quote.speaker is None else f"{quote.speaker.text} {quote.cue}"
    content = quote.content
    return _tip(f"{_direct(quote)} quote · {_offsets(content.start, content.end)}", said)


def _css(label: str) -> str:
    """The class of an entity label (a label persnews does not know is drawn plain)."""
    return f"pn-{label}" if label in ENTITY_NAMES else "pn-plain"


def _marks(article: Article) -> list[_Mark]:
    """Every highlight of the article, inside the text, once each."""
    marks = [
        *(
            _Mark(e.start, e.end, "entity", e.label, _css(e.label), _entity_tip(e))
            for e in article.entities
        ),
        *(
            _Mark(t.start, t.end, "title", "TITLE", "pn-TITLE", _entity_tip(t))
            for t in article.titles
        ),
        *(_Mark(d.start, d.end, "date", d.kind, "pn-DATE", _date_tip(d)) for d in article.dates),
        *(
            _Mark(n.start, n.end, "number", n.kind, "pn-NUM", _number_tip(n))
            for n in article.numbers
        ),
        *(
            _Mark(q.content.start, q.content.end, "quote", _direct(q), "pn-QUOTE", _quote_tip(q))
            for q in article.quotes
        ),
    ]
    size, seen, kept = len(article.text), set(), []
    for mark in marks:
        key = (mark.kind, mark.label, mark.start, mark.end)
        if 0 <= mark.start < mark.end <= size and key not in seen:
            seen.add(key)
            kept.append(mark)
    return kept


def _nesting(mark: _Mark) -> tuple[int, int, int, str, str]:
    """Outer marks first: earlier start, then longer, then lower rank."""
    return mark.start, -mark.end, _RANK[mark.kind], mark.kind, mark.label


def _open_tag(mark: _Mark, start: int, end: int) -> str:
    css = "pn-m " + mark.css + (" pn-badge" if mark.kind in ("entity", "title", "date") else "")
    if start > mark.start:
        css += " pn-cut-start"
    if end < mark.end:
        css += " pn-cut-end"
    return (
        "<span"
        + _attrs(
            **{"class": css},
            data_kind=mark.kind,
            data_label=mark.label,
            data_start=mark.start,
            data_end=mark.end,
            title=mark.tip,
        )
        + ">"
    )


def _highlighted(text: str, marks: Sequence[_Mark], lo: int, hi: int) -> str:
    """``text[lo:hi]`` escaped, with each mark (all inside it) a ``<span>``.

    Marks nest by their spans; where two cross, the inner one is closed and
    opened again, so the HTML stays well-formed.  Every piece carries the
    mark's own offsets; ``pn-cut-start``/``pn-cut-end`` say where it was cut.
    """
    starting: dict[int, list[_Mark]] = {}
    ending: dict[int, list[_Mark]] = {}
    for mark in marks:
        starting.setdefault(mark.start, []).append(mark)
        ending.setdefault(mark.end, []).append(mark)
    points = sorted({lo, hi, *starting, *ending})
    out: list[str] = []
    #: the open pieces: (mark, where the piece began, index of its opening tag in ``out``)
    stack: list[tuple[_Mark, int, int]] = []
    active: set[_Mark] = set()

    def close_to(depth: int, position: int) -> None:
        while len(stack) > depth:
            mark, begun, slot = stack.pop()
            out[slot] = _open_tag(mark, begun, position)
            out.append("</span>")

    for here, there in itertools.pairwise(points):
        active.difference_update(ending.get(here, ()))
        active.update(starting.get(here, ()))
        wanted = sorted(active, key=_nesting)
        depth = 0
        while depth < len(stack) and depth < len(wanted) and stack[depth][0] == wanted[depth]:
            depth += 1
        close_to(depth, here)
        for mark in wanted[depth:]:
            stack.append((mark, here, len(out)))
            out.append("")  # the opening tag, written when the piece closes
        out.append(_escape(text[here:there]))
    close_to(0, hi)
    return "".join(out)


def _body(text: str, marks: Sequence[_Mark]) -> str:
    """The text with its marks; blank lines and spaces before the first word and
    after the last are kept, hidden (``pn-trim``), so the text starts at the top."""
    first = min((mark.start for mark in marks), default=len(text))
    last = max((mark.end for mark in marks), default=0)
    lead = min(len(text) - len(text.lstrip()), first)
    tail = max(len(text.rstrip()), last, lead)
    body = _highlighted(text, marks, lead, tail)
    if lead:
        body = f'<span class="pn-trim">{_escape(text[:lead])}</span>' + body
    if tail < len(text):
        body += f'<span class="pn-trim">{_escape(text[tail:])}</span>'
    return body


# --- the parts of the page ---------------------------------------------------------------


def _stat(text: str) -> str:
    return f'<span class="pn-stat" lang="en">{_escape(text)}</span>'


def _info(article: Article) -> str:
    if article.published is None:
        published = "published: unknown"
    else:
        published = f"published {on_both_calendars(article.published)}"
    counts = (
        (len(article.sentences), "sentence"),
        (len(article.tokens), "token"),
        (len(article.entities), "entity"),
        (len(article.dates), "date"),
        (len(article.quotes), "quote"),
    )
    parts = [_stat(published)] + [
        _stat(f"{count} {name if count == 1 else _plural(name)}") for count, name in counts
    ]
    return f'<div class="pn-info">{"".join(parts)}</div>'


def _plural(name: str) -> str:
    return name[:-1] + "ies" if name.endswith("y") else name + "s"


def _legend(marks: Sequence[_Mark]) -> str:
    """The colour of every type of mark in the text, with how many there are."""
    counts: dict[str, int] = {}
    for mark in marks:
        counts[mark.css] = counts.get(mark.css, 0) + 1
    keys = [
        f'<span class="pn-key {css}" lang="en"><b>{label}</b>{meaning} · {counts[css]}</span>'
        for css, label, meaning in _LEGEND
        if css in counts
    ]
    return f'<div class="pn-legend">{"".join(keys)}</div>' if keys else ""


def _excerpt(text: str, limit: int = EXCERPT) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _argument(argument: Argument | None, text: str) -> str:
    """A relation argument: its name, coloured by entity type, and the words it
    was read from when they differ («وی», a surname, a title)."""
    if argument is None:
        return '<span class="pn-none" lang="en">-</span>'
    entity = argument.entity
    css = "pn-arg " + (_css(entity.label) if entity is not None else "pn-plain")
    what = f"{entity.label} entity" if entity is not None else "phrase"
    tip = f"{what} · {_offsets(argument.start, argument.end)}"
    cell = f"<span{_attrs(**{'class': css}, title=tip)}>{_escape(argument.text)}</span>"
    surface = text[argument.start : argument.end] if argument.end <= len(text) else ""
    if surface and surface != argument.text:
        cell += f'<span class="pn-note">({_escape(_excerpt(surface, 40))})</span>'
    return cell


def _cell(content: str, **attributes: object) -> str:
    return f"<td{_attrs(**attributes)}>{content}</td>"


def _number(text: str) -> str:
    """Latin digits and ISO values, kept left to right."""
    return f'<span class="pn-num">{_escape(text)}</span>'


def _line(content: str) -> str:
    """HTML on a line of its own in a table cell."""
    return f'<span class="pn-line">{content}</span>'


def _why(note: str | None) -> str:
    """A note on its own line (a date's ``reason``, an entity's kind and source)."""
    return f'<span class="pn-why" lang="en">{_escape(note)}</span>' if note else ""


def _table(name: str, head: Sequence[str], rows: Sequence[tuple[int, int, str]]) -> str:
    """A collapsible section with a table; nothing when there are no rows."""
    if not rows:
        return ""
    header = "".join(f'<th lang="en">{_escape(cell)}</th>' for cell in head)
    body = "".join(
        f"<tr{_attrs(data_start=start, data_end=end)}>{cells}</tr>" for start, end, cells in rows
    )
    return (
        f'<details class="pn-section" open><summary><span class="pn-ltr" lang="en">'
        f"{name.capitalize()} ({len(rows)})</span></summary>"
        f'<table class="pn-table pn-{name}"><thead><tr>{header}</tr></thead>'
        f"<tbody>{body}</tbody></table></details>"
    )


def _tables(article: Article) -> str:
    text = article.text
    roles = [
        (
            role.start,
            role.end,
            _cell(_argument(role.person, text))
            + _cell(_escape(role.title))
            + _cell(_argument(role.org, text))
            + _cell(_number(_offsets(role.start, role.end))),
        )
        for role in article.roles
    ]
    quotes = [
        (
            quote.start,
            quote.end,
            _cell(_argument(quote.speaker, text))
            + _cell(_escape(quote.cue), **{"class": "pn-nowrap"})
            + _cell(f'<span class="pn-ltr" lang="en">{_direct(quote)}</span>')
            + _cell(_escape(_excerpt(quote.content.text)), title=quote.content.text)
            + _cell(_number(_offsets(quote.start, quote.end))),
        )
        for quote in article.quotes
    ]
    attributions = [
        (
            item.start,
            item.end,
            _cell(_argument(item.source, text))
            + _cell("، ".join(_argument(via, text) for via in item.via) or _argument(None, text))
            + _cell(_number(_offsets(item.start, item.end))),
        )
        for item in article.attributions
    ]
    meetings = []
    for meeting in article.meetings:
        date = meeting.date
        when = _argument(None, text)
        if date is not None:
            when = _escape(date.text) + _value_lines(date)
        meetings.append(
            (
                meeting.start,
                meeting.end,
                _cell("، ".join(_argument(p, text) for p in meeting.participants))
                + _cell(when)
                + _cell(f'<span class="pn-ltr" lang="en">{meeting.mode or "-"}</span>')
                + _cell(_argument(meeting.place, text))
                + _cell(_number(_offsets(meeting.start, meeting.end))),
            )
        )
    return (
        _table("roles", ("person", "title", "organization", "offsets"), roles)
        + _table("quotes", ("speaker", "cue", "type", "content", "offsets"), quotes)
        + _table("attributions", ("source", "via", "offsets"), attributions)
        + _table("meetings", ("participants", "date", "mode", "place", "offsets"), meetings)
    )


def render(article: Article) -> HTML:
    """The article as a self-contained HTML fragment (what Jupyter shows for it).

    The text keeps its line breaks and reads right to left; entities, titles,
    dates, numbers and quotes are highlighted by type, with the label and value
    on hover; a legend and tables of roles, quotes, attributions and meetings
    follow.  Each highlight is a ``<span>`` with ``data-kind``, ``data-label``,
    ``data-start`` and ``data-end`` (offsets into ``article.text``).

    >>> from persnews import analyze
    >>> html = render(analyze("دیروز آمد.", published="2021-11-23"))
    >>> print(html[html.index('<div class="pn-legend">'):])  # doctest: +NORMALIZE_WHITESPACE
    <div class="pn-legend"><span class="pn-key pn-DATE" lang="en"><b>DATE</b>date, time or
    period · 1</span></div><div class="pn-text"><span class="pn-m pn-DATE pn-badge"
    data-kind="date" data-label="date" data-start="0" data-end="5" title="date · day · relative
    2021-11-22 = 1400-09-01 AP
    دوشنبه ۱ آذر ۱۴۰۰
    rule relative_day · 0:5">دیروز</span> آمد.</div></div>
    """
    if not isinstance(article, Article):
        raise InputTypeError(
            argument="article",
            expected="a persnews.Article (from persnews.analyze)",
            got=type(article).__name__,
        )
    marks = _marks(article)
    return HTML(
        '<div class="persnews" dir="rtl" lang="fa">'
        + STYLE
        + _info(article)
        + _legend(marks)
        + f'<div class="pn-text">{_body(article.text, marks)}</div>'
        + _tables(article)
        + "</div>"
    )


class HTML(str):
    """A string of HTML that Jupyter displays as HTML (it has ``_repr_html_``):
    ``render_mentions(find_dates(text))`` as the last line of a cell shows the
    table; everywhere else it is a plain ``str``."""

    __slots__ = ()

    def _repr_html_(self) -> str:
        return str(self)


# --- lists of mentions -------------------------------------------------------------------

_Mention = Span | Token | Sentence | DateMention | NumberMention | Entity
_MENTION_TYPES: Final = (Span, Token, Sentence, DateMention, NumberMention, Entity)


def _describe(mention: _Mention) -> tuple[str, str, str]:
    """(CSS class, label, value as HTML) of one mention."""
    if isinstance(mention, Entity):
        canonical = mention.canonical if mention.canonical != mention.text else ""
        details = " · ".join(x for x in (mention.kind, mention.source) if x)
        return _css(mention.label), mention.label, _escape(canonical) + _why(details)
    if isinstance(mention, DateMention):
        words = _date_words(mention)
        value = _value_lines(mention) + (_line(_escape(words)) if words else "")
        return "pn-DATE", mention.kind, value + _why(mention.reason)
    if isinstance(mention, NumberMention):
        unit = f" {_escape(mention.unit)}" if mention.unit else ""
        return "pn-NUM", mention.kind, _number(_number_value(mention)) + unit
    if isinstance(mention, Token):
        return (
            "pn-plain",
            mention.kind,
            _escape(mention.norm if mention.norm != mention.text else ""),
        )
    if isinstance(mention, Sentence):
        return "pn-plain", "sentence", ""
    return "pn-plain", "span", ""


#: a run of white space, shown as one space in a table
_SPACES: Final = _patterns.compile(r"\s+")


def _context(text: str, mention: _Mention, css: str) -> str:
    """The mention with up to CONTEXT characters either side."""
    before = text[max(0, mention.start - CONTEXT) : mention.start]
    after = text[mention.end : mention.end + CONTEXT]
    dots_before = "…" if mention.start > CONTEXT else ""
    dots_after = "…" if mention.end + CONTEXT < len(text) else ""
    return (
        f'<span class="pn-ctx">{dots_before}{_escape(_SPACES.sub(" ", before))}</span>'
        f'<span class="pn-arg {css}">{_escape(_excerpt(mention.text))}</span>'
        f'<span class="pn-ctx">{_escape(_SPACES.sub(" ", after))}{dots_after}</span>'
    )


def render_mentions(
    mentions: Iterable[_Mention], *, text: str | NormalizedText | None = None
) -> HTML:
    """A table of mentions as a self-contained HTML fragment, one row each:
    the text, its label or kind, its value, and its offsets.

    ``mentions`` is what :func:`~persnews.find_dates`,
    :func:`~persnews.find_entities`, :func:`~persnews.find_titles`,
    :func:`~persnews.find_numbers`, :func:`~persnews.tokenize` or
    :func:`~persnews.sentences` return (a mix is fine).  Given the ``text``
    they were found in, a column shows each in context.  In Jupyter, wrap the
    result in ``IPython.display.HTML``.

    >>> from persnews import find_dates
    >>> text = "دیروز و ۱۷ مهر ۱۴۰۲"
    >>> html = render_mentions(find_dates(text, published="2021-11-23"), text=text)
    >>> html.count("<tr data-start=")
    2
    >>> "2023-10-09 = 1402-07-17 AP" in html
    True
    """
    records = "Span, Token, Sentence, DateMention, NumberMention or Entity records"
    items = list(check_iterable(mentions, "mentions", f"an iterable of {records}"))
    for item in items:
        if not isinstance(item, _MENTION_TYPES):
            hint = "; use render() for an Article" if isinstance(item, Article) else ""
            raise InputTypeError(
                argument="mentions", expected=records + hint, got=type(item).__name__
            )
    original = text.original if isinstance(text, NormalizedText) else text
    if original is not None and not isinstance(original, str):
        raise InputTypeError(argument="text", expected="str or None", got=type(text).__name__)
    for number, item in enumerate(items):
        if original is not None and original[item.start : item.end] != item.text:
            raise InvalidValueError(
                field="text",
                value=_excerpt(original, 40),
                valid=f"the text the mentions were found in (mention {number}, "
                f"{item.text!r} at {item.start}:{item.end}, is not there)",
            )
    head = ["#", "text", "label", "value", "start", "end"]
    if original is not None:
        head.append("in context")
    rows = []
    for number, item in enumerate(items):
        css, label, value = _describe(item)
        cells = (
            _cell(_number(str(number)))
            + _cell(
                f"<span{_attrs(**{'class': f'pn-arg {css}'}, title=item.text)}>"
                f"{_escape(_excerpt(item.text))}</span>"
            )
            + _cell(f'<span class="pn-ltr" lang="en">{_escape(label)}</span>')
            + _cell(value)
            + _cell(_number(str(item.start)))
            + _cell(_number(str(item.end)))
        )
        if original is not None:
            cells += _cell(_context(original, item, css), **{"class": "pn-context"})
        rows.append(f"<tr{_attrs(data_start=item.start, data_end=item.end)}>{cells}</tr>")
    header = "".join(f'<th lang="en">{cell}</th>' for cell in head)
    body = "".join(rows) or (
        f'<tr><td colspan="{len(head)}" class="pn-none" lang="en">no mentions</td></tr>'
    )
    return HTML(
        '<div class="persnews" dir="rtl" lang="fa">'
        + STYLE
        + f'<table class="pn-table pn-mentions"><thead><tr>{header}</tr></thead>'
        + f"<tbody>{body}</tbody></table></div>"
    )
