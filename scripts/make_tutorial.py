"""Write docs/tutorial.ipynb (outputs stripped) from the cells below.

    python scripts/make_tutorial.py

The notebook is the tutorial; this script keeps its source reviewable as
Python.  ``nox -s docs`` executes the notebook (every cell must run) and
tests/test_docs_notebook.py checks it is committed without outputs.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent

CELLS: list[tuple[str, str]] = [
    (
        "markdown",
        """# persnews tutorial

This notebook walks through persnews on the example article bundled with the
project (`examples/article.txt`, a report on a Caspian environment ministers'
meeting, published on 17 Mehr 1402). Run it top to bottom; nothing is
downloaded.""",
    ),
    (
        "code",
        """from pathlib import Path

import persnews

root = Path.cwd() if (Path.cwd() / "examples").is_dir() else Path.cwd().parent
text = (root / "examples" / "article.txt").read_text(encoding="utf-8")
print(text[:300])""",
    ),
    (
        "markdown",
        """## 1. Normalization with offsets

`normalize` fixes Arabic letters, half-spaces (ZWNJ) and spacing the way hazm
does, but keeps a map back to the original: every span persnews reports indexes
the text **you** gave it.""",
    ),
    (
        "code",
        """doc = persnews.normalize(text)
word = "جدی ترین"
start = text.index(word)
print(repr(text[start : start + len(word)]))
print(repr(doc.text[doc.text.index("جدی\\u200cترین") :][:8]))""",
    ),
    (
        "code",
        """tokens = persnews.tokenize(text)
changed = [t for t in tokens if t.text != t.norm][:5]
for token in changed:
    assert text[token.start : token.end] == token.text  # offsets index the original
    print(token.start, token.end, repr(token.text), "->", repr(token.norm))""",
    ),
    (
        "code",
        """for sentence in persnews.sentences(text)[:3]:
    print(sentence.start, sentence.end, sentence.text[:60])""",
    ),
    (
        "markdown",
        """## 2. Calendars

`JalaliDate` follows Iran's official calendar; `HijriDate` the lunar
calendar as Iran announces it.""",
    ),
    (
        "code",
        """import datetime

from persnews import HijriDate, JalaliDate

published = JalaliDate(1402, 7, 17)
gregorian = published.to_gregorian()
print(published, "=", gregorian, "=", HijriDate.from_gregorian(gregorian))
print(JalaliDate.from_gregorian(datetime.date(2024, 3, 20)))  # Nowruz 1403""",
    ),
    (
        "markdown",
        """## 3. Dates, times and numbers in the text

Relative dates («فردا», «روز سه شنبه») resolve against the publication date,
never against today.""",
    ),
    (
        "code",
        """for date in persnews.find_dates(text, published=published):
    value = date.value.isoformat() if date.value else None
    print(f"{date.kind:9} {value}  {date.text!r}  ({date.rule})")""",
    ),
    (
        "code",
        """for number in persnews.find_numbers(text)[:6]:
    print(number.kind, number.value, number.unit, repr(number.text))""",
    ),
    (
        "markdown",
        """## 4. Entities and titles""",
    ),
    (
        "code",
        """for entity in persnews.find_entities(text):
    print(f"{entity.label:6} {entity.text}")""",
    ),
    (
        "markdown",
        """## 5. Relations: roles, quotes, attributions, meetings

`analyze` runs everything at once and links the relations to the entities.""",
    ),
    (
        "code",
        """article = persnews.analyze(text, published=published)

def name(argument):
    return argument.text if argument else None


for role in article.roles:
    print("role:", name(role.person), "|", role.title, "|", name(role.org))
for quote in article.quotes:
    print("quote:", name(quote.speaker), "->", quote.content.text[:50])
for attribution in article.attributions:
    print("attribution:", attribution.source.text, [v.text for v in attribution.via])
for meeting in article.meetings:
    print("meeting:", [p.text for p in meeting.participants], meeting.mode)""",
    ),
    (
        "markdown",
        """## 6. The HTML view

In a notebook an `Article` displays itself: the text right to left with every
mention highlighted (hover for labels and values), a legend, and tables of the
relations. `persnews.render(article)` returns the same HTML as a string.""",
    ),
    ("code", "article"),
    (
        "markdown",
        """## 7. JSON and many articles

`to_dict()`/`to_json()` give the JSON documented in the JSON Schema shipped with
the package; `pipe` analyzes many articles in order, on several processes if
asked.""",
    ),
    (
        "code",
        """data = article.to_dict()
print(data["schema_version"], sorted(data))
results = list(persnews.pipe(["دیروز آمد.", "فردا می‌رود."], published=published))
print([a.dates[0].value.isoformat() for a in results])""",
    ),
]


def notebook() -> Any:
    import nbformat

    cells = [
        nbformat.v4.new_markdown_cell(source)
        if kind == "markdown"
        else nbformat.v4.new_code_cell(source)
        for kind, source in CELLS
    ]
    for number, cell in enumerate(cells):
        cell["id"] = f"cell-{number}"
    book = nbformat.v4.new_notebook(cells=cells)
    book.metadata["kernelspec"] = {
        "name": "python3",
        "display_name": "Python 3",
        "language": "python",
    }
    book.metadata["language_info"] = {"name": "python"}
    return book


def main() -> int:
    path = ROOT / "docs" / "tutorial.ipynb"
    import nbformat

    nbformat.write(notebook(), path)
    print(f"wrote {path}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
