"""persnews.display: the HTML an article renders to, read back as a tree and checked
the way a person would look at it (text intact, every mention highlighted, tables
complete) and the way an attacker would (no markup from the text gets through)."""

from __future__ import annotations

import itertools
import subprocess
import sys
from collections.abc import Iterator
from html.parser import HTMLParser
from typing import Any

import pytest
import regex
from hypothesis import given
from hypothesis import strategies as st
from strategies import texts

import persnews
from persnews import (
    Argument,
    Article,
    DateMention,
    Entity,
    NumberMention,
    Quote,
    Role,
    Span,
)
from persnews.display import render, render_mentions
from persnews.errors import InputTypeError, InvalidValueError

#: every tag the display may write
TAGS = {"div", "span", "style", "b", "details", "summary", "table", "thead", "tbody", "tr"}
TAGS |= {"th", "td"}
#: every attribute it may write (data-* aside)
ATTRIBUTES = {"class", "dir", "lang", "title", "open", "colspan"}
#: elements HTML closes by itself
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "wbr"}
#: what the text of an article looks like once rendered: NUL and lone surrogates
#: become U+FFFD, as a browser shows them
UNSHOWABLE = regex.compile(r"[\x00\p{Cs}]")

HOSTILE = (
    "<script>alert(1)</script>",
    '"><img src=x onerror=alert(1)>',
    "' onmouseover='alert(1)",
    "</span></div><iframe src=//evil>",
    "&amp; &lt; &#60; & < > \" '",
    "</style><style>*{background:url(http://evil)}</style>",
    "\u200f\u202e\u2066\u200c",
    "\r\n\n\r",
    "<!-- -->",
    "<![CDATA[x]]>",
)


class Node:
    """An element: its tag, attributes and children (nodes and strings)."""

    def __init__(self, tag: str, attrs: dict[str, str | None], parent: Node | None) -> None:
        self.tag, self.attrs, self.parent = tag, attrs, parent
        self.children: list[Node | str] = []

    def text(self) -> str:
        """The text of every text node under this one, in order."""
        return "".join(c if isinstance(c, str) else c.text() for c in self.children)

    def walk(self) -> Iterator[Node]:
        """This node and every element under it, in document order."""
        yield self
        for child in self.children:
            if isinstance(child, Node):
                yield from child.walk()

    def classes(self) -> set[str]:
        return set((self.attrs.get("class") or "").split())

    def find(self, css: str) -> list[Node]:
        return [node for node in self.walk() if css in node.classes()]


class Tree(HTMLParser):
    """HTML → a tree of :class:`Node`; raises on any tag that is not closed where it
    should be (HTMLParser itself forgives everything)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Node("#root", {}, None)
        self.current = self.root

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        names = [name for name, _ in attrs]
        assert len(names) == len(set(names)), f"repeated attribute in <{tag} {names}>"
        node = Node(tag, dict(attrs), self.current)
        self.current.children.append(node)
        if tag not in VOID:
            self.current = node

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        raise AssertionError(f"self-closing <{tag}/>")

    def handle_endtag(self, tag: str) -> None:
        assert self.current.tag == tag, f"</{tag}> closes <{self.current.tag}>"
        assert self.current.parent is not None
        self.current = self.current.parent

    def handle_data(self, data: str) -> None:
        self.current.children.append(data)

    def handle_comment(self, data: str) -> None:
        raise AssertionError(f"comment <!--{data}-->")

    def handle_decl(self, decl: str) -> None:
        raise AssertionError(f"declaration <!{decl}>")

    def handle_pi(self, data: str) -> None:
        raise AssertionError(f"processing instruction <?{data}>")

    def unknown_decl(self, data: str) -> None:
        raise AssertionError(f"<![{data}]>")


def parse(html: str) -> Node:
    """The one root element of ``html``, checked to be well-formed and harmless."""
    tree = Tree()
    tree.feed(html)
    tree.close()
    assert tree.current is tree.root, f"<{tree.current.tag}> is never closed"
    roots = tree.root.children
    assert len(roots) == 1, "one element, nothing around it"
    root = roots[0]
    assert isinstance(root, Node)
    assert root.tag == "div"
    assert root.classes() == {"persnews"}
    assert (root.attrs["dir"], root.attrs["lang"]) == ("rtl", "fa")
    for node in root.walk():
        assert node.tag in TAGS, f"<{node.tag}>"
        for name, value in node.attrs.items():
            assert name in ATTRIBUTES or regex.fullmatch(r"data-[a-z]+", name), name
            if name != "title":  # titles carry article text; the rest is ours
                assert value is None or regex.fullmatch(r"[\w \-]*", value), (name, value)
    styles = [node for node in root.walk() if node.tag == "style"]
    assert len(styles) == 1
    assert styles[0].parent is root
    check_style(styles[0].text())
    lowered = html.lower()
    assert "<script" not in lowered
    assert "<iframe" not in lowered
    assert "<img" not in lowered
    return root


def check_style(css: str) -> None:
    """Scoped, self-contained CSS: every rule under .persnews, nothing fetched."""
    for banned in ("url(", "@import", "@font-face", "http", "expression(", "<"):
        assert banned not in css.lower(), banned
    rules = regex.findall(r"([^{}]+)\{([^{}]*)\}", css)
    assert rules
    assert "".join(f"{s}{{{d}}}" for s, d in rules) == css, "plain rules only"
    for selectors, _ in rules:
        for selector in selectors.split(","):
            assert selector == ".persnews" or selector.startswith(".persnews "), selector


def shown(text: str) -> str:
    """``text`` as the page shows it."""
    return UNSHOWABLE.sub("\ufffd", text)


def body(root: Node) -> Node:
    (text,) = root.find("pn-text")
    return text


def pieces(root: Node) -> dict[tuple[str, str, int, int], list[Node]]:
    """The highlighted pieces of the text, by (kind, label, start, end)."""
    found: dict[tuple[str, str, int, int], list[Node]] = {}
    for node in body(root).walk():
        if "pn-m" in node.classes():
            key = (
                node.attrs["data-kind"] or "",
                node.attrs["data-label"] or "",
                int(node.attrs["data-start"] or -1),
                int(node.attrs["data-end"] or -1),
            )
            found.setdefault(key, []).append(node)
    return found


def expected_marks(article: Article) -> set[tuple[str, str, int, int]]:
    return {
        *(("entity", e.label, e.start, e.end) for e in article.entities),
        *(("title", "TITLE", t.start, t.end) for t in article.titles),
        *(("date", d.kind, d.start, d.end) for d in article.dates),
        *(("number", n.kind, n.start, n.end) for n in article.numbers),
        *(
            ("quote", "direct" if q.direct else "reported", q.content.start, q.content.end)
            for q in article.quotes
        ),
    }


def check_article(article: Article) -> Node:
    """Everything a reader relies on in the rendering of ``article``."""
    html = render(article)
    root = parse(html)
    assert body(root).text() == shown(article.text), "the text, every character, in order"
    found = pieces(root)
    wanted = {key for key in expected_marks(article) if key[2] < key[3]}
    assert set(found) == wanted
    for (_, _, start, end), nodes in found.items():
        assert "".join(node.text() for node in nodes) == shown(article.text[start:end])
        assert len({node.attrs["title"] for node in nodes}) == 1
        for first, second in itertools.pairwise(nodes):
            assert "pn-cut-end" in first.classes()
            assert "pn-cut-start" in second.classes()
        assert "pn-cut-start" not in nodes[0].classes()
        assert "pn-cut-end" not in nodes[-1].classes()
    tables = {
        "pn-roles": article.roles,
        "pn-quotes": article.quotes,
        "pn-attributions": article.attributions,
        "pn-meetings": article.meetings,
    }
    for css, records in tables.items():
        rows = [row for table in root.find(css) for row in table.walk() if row.tag == "tr"]
        data = [row for row in rows if "data-start" in row.attrs]
        assert len(data) == len(records), css
        assert [(int(r.attrs["data-start"] or 0), int(r.attrs["data-end"] or 0)) for r in data] == [
            (record.start, record.end) for record in records
        ]
        assert len(rows) == (len(records) + 1 if records else 0), "a header row, or no table"
    assert html == render(article), "deterministic"
    return root


# --- the bundled example and the seed article ----------------------------------------------


@pytest.fixture(scope="module")
def example(example_article: str) -> Article:
    return persnews.analyze(example_article, published="1402/07/17")


def test_example_article_renders_whole(example: Article) -> None:
    root = check_article(example)
    assert example.entities
    assert example.dates
    assert example.quotes
    assert example.roles
    legend = root.find("pn-legend")[0].text()
    for word in ("PER", "ORG", "LOC", "TITLE", "DATE", "NUM", "QUOTE"):
        assert word in legend
    assert "EVENT" not in legend, "only the types the article has"


def test_example_tooltips_say_label_and_value(example: Article) -> None:
    found = pieces(parse(render(example)))
    (date,) = found[("date", "date", 143, 165)]
    assert date.text() == "روز دوشنبه ۱۷ مهر ۱۴۰۲"
    assert "2023-10-09 = 1402-07-17 AP" in (date.attrs["title"] or "")
    assert "دوشنبه ۱۷ مهر ۱۴۰۲" in (date.attrs["title"] or "")
    (irna,) = found[("entity", "ORG", 77, 82)]
    assert "خبرگزاری جمهوری اسلامی ایران" in (irna.attrs["title"] or ""), "the canonical name"
    quote = found[("quote", "direct", 340, 483)][0]
    assert "علی سلاجقه گفت" in (quote.attrs["title"] or ""), "who said it"


def test_example_published_on_both_calendars(example: Article) -> None:
    info = parse(render(example)).find("pn-info")[0].text()
    assert "published 2023-10-09 = 1402-07-17 AP" in info


def test_seed_article(seed: tuple[str, dict[str, Any]]) -> None:
    text, _ = seed
    article = persnews.analyze(text, published="2021-11-23")
    root = check_article(article)
    assert len(article.meetings) >= 1
    assert len(article.attributions) >= 2
    hidden = root.find("pn-trim")
    assert hidden
    assert text.startswith(hidden[0].text())
    assert not hidden[0].text().strip()


# --- nesting ---------------------------------------------------------------------------------


def entity(text: str, start: int, end: int, label: str = "PER") -> Entity:
    return Entity(start, end, text[start:end], label, text[start:end])  # type: ignore[arg-type]


def quote(text: str, start: int, end: int) -> Quote:
    speaker = Argument("علی", 0, 0)
    return Quote(speaker, "گفت", Span(start, end, text[start:end]), True, start, end)


def test_crossing_spans_are_split_not_misnested() -> None:
    text = "abcdefghijklmnop"
    article = Article(text, None, (), entities=[entity(text, 2, 8)], quotes=[quote(text, 5, 12)])
    root = check_article(article)
    found = pieces(root)
    assert [n.text() for n in found[("entity", "PER", 2, 8)]] == ["cdefgh"]
    assert [n.text() for n in found[("quote", "direct", 5, 12)]] == ["fgh", "ijkl"]


def test_same_span_nests_quote_outside_entity() -> None:
    text = "x سلام y"
    article = Article(
        text,
        None,
        (),
        entities=[entity(text, 2, 6)],
        quotes=[quote(text, 2, 6)],
        numbers=[NumberMention(2, 6, "سلام", 1, "cardinal")],
    )
    root = check_article(article)
    outer = pieces(root)[("quote", "direct", 2, 6)][0]
    assert [n.attrs["data-kind"] for n in outer.walk()] == ["quote", "entity", "number"]


def test_marks_outside_the_text_are_left_out() -> None:
    text = "abc"
    article = Article(text, None, (), entities=[entity("abcdef", 1, 6), entity(text, 2, 2)])
    root = check_article(Article(text, None, ()))
    assert not pieces(root)
    assert not pieces(parse(render(article)))


@st.composite
def marked_articles(draw: st.DrawFn) -> Article:
    """A text with arbitrary (overlapping, nested, crossing, repeated) marks."""
    text = draw(st.one_of(texts, st.sampled_from(HOSTILE)))
    size = len(text)
    spans = st.tuples(st.integers(0, size), st.integers(0, size)).map(sorted)
    labels = st.sampled_from(["PER", "ORG", "LOC", "FAC", "EVENT", "PRODUCT"])
    entities = [entity(text, a, b, draw(labels)) for a, b in draw(st.lists(spans, max_size=6))]
    titles = [entity(text, a, b, "TITLE") for a, b in draw(st.lists(spans, max_size=3))]
    dates = [
        DateMention(a, b, text[a:b], "date", None) for a, b in draw(st.lists(spans, max_size=3))
    ]
    quotes = [quote(text, a, b) for a, b in draw(st.lists(spans, max_size=3))]
    return Article(text, None, (), dates=dates, entities=entities, titles=titles, quotes=quotes)


@given(marked_articles())
def test_any_marks_nest_into_well_formed_html(article: Article) -> None:
    check_article(article)


# --- hostile text ---------------------------------------------------------------------------


@given(st.one_of(texts, st.lists(st.sampled_from((*HOSTILE, "سلام", " ", "\n"))).map("".join)))
def test_any_text_round_trips_and_injects_nothing(text: str) -> None:
    check_article(persnews.analyze(text, published="2021-11-23"))


@pytest.mark.parametrize("text", HOSTILE)
def test_hostile_text_stays_text(text: str) -> None:
    article = persnews.analyze(f"علی سلاجقه گفت: «{text}» در تهران", published="2021-11-23")
    root = check_article(article)
    assert text in body(root).text()


def test_hostile_text_in_attributes_and_cells_stays_text() -> None:
    evil = '"><script>alert(1)</script><b onclick="x'
    text = f"a{evil}b"
    person = Entity(0, len(text), text, "PER", evil + "'")
    article = Article(
        text,
        None,
        (),
        entities=[person],
        roles=[Role(Argument(evil, 0, 1, person), evil, Argument(evil, 1, 2), 0, 2)],
    )
    root = check_article(article)
    (mark,) = pieces(root)[("entity", "PER", 0, len(text))]
    assert evil + "'" in (mark.attrs["title"] or "")
    (cell,) = [n for n in root.find("pn-roles")[0].walk() if n.tag == "td"][1:2]
    assert cell.text() == evil


def test_carriage_return_and_nul_survive_as_a_browser_shows_them() -> None:
    html = render(persnews.analyze("a\r\nb\x00c\ud800"))
    assert "&#13;" in html
    assert "\r" not in html
    assert "\x00" not in html
    html.encode("utf-8")  # no lone surrogate left
    assert body(parse(html)).text() == "a\r\nb\ufffdc\ufffd"


# --- small cases and errors -----------------------------------------------------------------


def test_empty_article_is_a_small_valid_fragment() -> None:
    html = render(persnews.analyze(""))
    root = check_article(persnews.analyze(""))
    assert body(root).text() == ""
    assert not root.find("pn-legend")
    assert not root.find("pn-table")
    assert len(html) < 8000
    assert "published: unknown" in root.find("pn-info")[0].text()


def test_render_wants_an_article() -> None:
    with pytest.raises(InputTypeError, match=r"article must be a persnews\.Article"):
        render("متن")  # type: ignore[arg-type]


def test_article_repr_html_is_render() -> None:
    article = persnews.analyze("دیروز آمد.", published="2021-11-23")
    assert article._repr_html_() == render(article)


def test_round_tripped_article_renders_the_same(example: Article) -> None:
    assert render(Article.from_dict(example.to_dict())) == render(example)


def test_import_persnews_does_not_import_display() -> None:
    code = (
        "import sys, persnews\npersnews.analyze('دیروز آمد.')\n"
        "print('persnews.display' in sys.modules)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "False"


# --- render_mentions -------------------------------------------------------------------------


def rows(root: Node) -> list[Node]:
    return [node for node in root.walk() if node.tag == "tr" and "data-start" in node.attrs]


def cells(row: Node) -> list[str]:
    return [node.text() for node in row.children if isinstance(node, Node)]


def test_render_mentions_of_dates_with_context() -> None:
    text = "خبر دیروز و ۱۷ مهر ۱۴۰۲ منتشر شد."
    dates = persnews.find_dates(text, published="2021-11-23")
    root = parse(render_mentions(dates, text=text))
    found = rows(root)
    assert [(r.attrs["data-start"], r.attrs["data-end"]) for r in found] == [
        (str(d.start), str(d.end)) for d in dates
    ]
    first = cells(found[0])
    assert first[:3] == ["0", "دیروز", "date"]
    assert "2021-11-22 = 1400-09-01 AP" in first[3]
    assert first[-1] == "خبر دیروز و ۱۷ مهر ۱۴۰۲ منتشر شد."
    assert [n.tag for n in root.walk() if n.tag == "th"] == ["th"] * 7


def test_render_mentions_of_every_record_type(example_article: str) -> None:
    doc = persnews.normalize(example_article)
    mentions: list[Any] = [
        *persnews.find_entities(doc),
        *persnews.find_titles(doc),
        *persnews.find_numbers(doc),
        *persnews.tokenize(doc)[:5],
        *persnews.sentences(doc)[:2],
        Span(0, 4, example_article[:4]),
    ]
    root = parse(render_mentions(mentions, text=doc))
    found = rows(root)
    assert len(found) == len(mentions)
    for row, mention in zip(found, mentions, strict=True):
        assert cells(row)[1] == " ".join(mention.text.split())[:119] or cells(row)[1].endswith("…")
    irna = next(r for r in found if cells(r)[1] == "ایرنا")
    assert "خبرگزاری جمهوری اسلامی ایران" in cells(irna)[3]


def test_render_mentions_without_text_and_empty() -> None:
    root = parse(render_mentions(persnews.find_entities("علی سلاجقه در تهران")))
    assert len(rows(root)) == 2
    assert "in context" not in root.text()
    empty = parse(render_mentions([]))
    assert "no mentions" in empty.text()


def test_render_mentions_checks_its_arguments() -> None:
    with pytest.raises(InputTypeError, match="use render"):
        render_mentions([persnews.analyze("سلام")])  # type: ignore[list-item]
    with pytest.raises(InputTypeError):
        render_mentions("سلام")  # type: ignore[arg-type]
    dates = persnews.find_dates("دیروز آمد.", published="2021-11-23")
    with pytest.raises(InvalidValueError, match="the text the mentions were found in"):
        render_mentions(dates, text="فردا آمد.")


def test_rendered_html_is_a_str_that_jupyter_displays(example_article: str) -> None:
    article = persnews.analyze(example_article, published="1402/07/17")
    page = persnews.render(article)
    assert isinstance(page, str)
    assert page._repr_html_() == page == article._repr_html_()
    table = persnews.render_mentions(article.dates, text=example_article)
    assert isinstance(table, str)
    assert table._repr_html_() == table
