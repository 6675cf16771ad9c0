"""The gazetteers in persnews/data: places, demonyms, agencies, organizations and titles.

countries.tsv, demonyms.tsv and cities.tsv are made by scripts/make_gazetteers.py (CLDR and
GeoNames); agencies.tsv, organizations.tsv and titles.tsv are kept by hand. All six share the
columns ``surface canonical label kind`` and are read here through persnews._data.table.
"""

from __future__ import annotations

from collections import defaultdict
from importlib import resources
from pathlib import Path
from typing import NamedTuple

import pytest
import regex

from persnews import _data, normalize
from persnews._data import header, table
from persnews._datetext import fold

FILES = ("countries", "demonyms", "cities", "agencies", "organizations", "titles")
HEADER = ("surface", "canonical", "label", "kind")
LABELS = frozenset({"PER", "ORG", "LOC", "FAC", "EVENT", "PRODUCT", "TITLE"})


class Row(NamedTuple):
    surface: str
    canonical: str
    label: str
    kind: str


def rows(name: str) -> list[Row]:
    return [Row(*row) for row in table(name)[1]]


ALL = [(name, row) for name in FILES for row in rows(name)]


def meanings() -> dict[tuple[str, str], set[tuple[str, str, str]]]:
    """(surface folded, label) → every (canonical, kind, file) it has across the files."""
    found: dict[tuple[str, str], set[tuple[str, str, str]]] = defaultdict(set)
    for name, row in ALL:
        found[fold(row.surface), row.label].add((row.canonical, row.kind, name))
    return found


@pytest.mark.parametrize("name", FILES)
def test_header(name: str) -> None:
    assert table(name)[0] == HEADER


def test_a_header_alone_is_the_tables_header() -> None:
    """What the entity model reads to choose its gazetteers (every data table)."""
    names = sorted(
        item.name[:-4]
        for item in resources.files("persnews").joinpath("data").iterdir()
        if item.name.endswith(".tsv")
    )
    assert len(names) > len(FILES)
    for name in names:
        assert header(name) == table(name)[0], name


@pytest.mark.parametrize("name", FILES)
def test_rows_are_complete_and_unique(name: str) -> None:
    data = rows(name)
    assert data, f"{name}.tsv has no rows"
    assert all(field and field == field.strip() for row in data for field in row)
    assert len(set(data)) == len(data), [row for row in data if data.count(row) > 1][:5]


@pytest.mark.parametrize("name", FILES)
def test_labels_and_kinds(name: str) -> None:
    data = rows(name)
    assert {row.label for row in data} <= LABELS
    assert all(regex.fullmatch(r"[a-z_]+", row.kind) for row in data)


@pytest.mark.parametrize("name", FILES)
def test_already_normalized(name: str) -> None:
    wrong = {
        text: normalize(text).text
        for row in rows(name)
        for text in (row.surface, row.canonical)
        if normalize(text).text != text
    }
    assert not wrong


def test_one_meaning_per_surface_and_label() -> None:
    """Across all files, a surface (compared exactly) with a label has one canonical and kind."""
    found: dict[tuple[str, str], set[tuple[str, str]]] = defaultdict(set)
    for _, row in ALL:
        found[row.surface, row.label].add((row.canonical, row.kind))
    assert not {key: value for key, value in found.items() if len(value) > 1}


def test_one_meaning_per_folded_surface() -> None:
    """Looked up as the readers do (persnews._datetext.fold), a surface still has one meaning."""
    clashes = {
        key: value
        for key, value in meanings().items()
        if len({(canonical, kind) for canonical, kind, _ in value}) > 1
    }
    assert not clashes


def test_every_canonical_is_a_name_of_its_own() -> None:
    """Each canonical is also a surface, with the same label, that stands for itself."""
    main_forms = {(row.surface, row.label) for _, row in ALL if row.surface == row.canonical}
    missing = {(row.canonical, row.label) for _, row in ALL} - main_forms
    assert not missing


def test_same_surface_may_have_other_labels() -> None:
    found = meanings()
    assert ("خبرگزاری فارس", "news_agency", "agencies") in found["فارس", "ORG"]
    assert ("استان فارس", "province", "cities") in found["فارس", "LOC"]


@pytest.mark.parametrize(
    ("surface", "label", "canonical", "kind"),
    [
        ("ایران", "LOC", "ایران", "country"),
        ("آمریکا", "LOC", "ایالات متحده آمریکا", "country"),
        ("اروپا", "LOC", "اروپا", "region"),
        ("تهران", "LOC", "تهران", "city"),
        ("مشهد", "LOC", "مشهد", "city"),
        ("مسکو", "LOC", "مسکو", "city"),
        ("استان تهران", "LOC", "استان تهران", "province"),
        ("خوزستان", "LOC", "استان خوزستان", "province"),
        ("فارس", "LOC", "استان فارس", "province"),
        ("ایرانی", "LOC", "ایران", "demonym"),
        ("فرانسوی", "LOC", "فرانسه", "demonym"),
        ("فارس", "ORG", "خبرگزاری فارس", "news_agency"),
        ("ایرنا", "ORG", "خبرگزاری جمهوری اسلامی ایران", "news_agency"),
        ("بی‌بی‌سی", "ORG", "بی‌بی‌سی", "broadcaster"),
        ("سازمان ملل", "ORG", "سازمان ملل متحد", "international"),
        ("وزارت خارجه", "ORG", "وزارت امور خارجه", "ministry"),
        ("پرسپولیس", "ORG", "پرسپولیس", "team"),
        ("وزیر خارجه", "TITLE", "وزیر امور خارجه", "minister"),
        ("رئیس‌جمهور", "TITLE", "رئیس‌جمهور", "head_of_state"),
    ],
)
def test_spot_checks(surface: str, label: str, canonical: str, kind: str) -> None:
    found = {
        (row.canonical, row.kind) for _, row in ALL if (row.surface, row.label) == (surface, label)
    }
    assert found == {(canonical, kind)}


@pytest.mark.parametrize(
    ("surface", "label"),
    [
        ("جهان", "LOC"),  # CLDR's "world": an ordinary word
        ("مالی", "LOC"),  # "financial" before Mali (kept as «جمهوری مالی»)
        ("کویت", "city"),  # the country, not its capital
        ("انار", "LOC"),  # "pomegranate", a town in Kerman
        ("اطلاعات", "ORG"),  # "information" before the newspaper
    ],
)
def test_left_out(surface: str, label: str) -> None:
    assert not [row for _, row in ALL if row.surface == surface and label in (row.label, row.kind)]


def test_a_row_of_the_wrong_width_is_an_error_naming_its_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "odd.tsv").write_text(
        "# a comment\nsurface\tlabel\nتهران\tLOC\n\nکرج\n", encoding="utf-8"
    )
    monkeypatch.setattr(_data, "_file", lambda name: tmp_path / f"{name}.tsv")
    for read in (_data.table, _data.columns):
        with pytest.raises(ValueError, match=r"^data/odd\.tsv line 5: 1 fields, expected 2$"):
            read("odd")
    (tmp_path / "even.tsv").write_text("surface\tlabel\nتهران\tLOC\n", encoding="utf-8")
    assert _data.table("even") == (("surface", "label"), (("تهران", "LOC"),))
    assert _data.columns("even") == (("surface", "label"), (("تهران",), ("LOC",)))
    (tmp_path / "empty.tsv").write_text("# nothing yet\nsurface\tlabel\n", encoding="utf-8")
    assert _data.columns("empty") == (("surface", "label"), ((), ()))
    assert _data.table("empty") == (("surface", "label"), ())


def test_the_columns_of_every_table_are_its_rows_read_down() -> None:
    names = sorted(
        item.name[:-4]
        for item in resources.files("persnews").joinpath("data").iterdir()
        if item.name.endswith(".tsv")
    )
    for name in names:
        header, rows = _data.table(name)
        assert _data.columns(name) == (header, tuple(zip(*rows, strict=True))), name
