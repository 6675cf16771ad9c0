"""The generated table persnews/data/nowruz.tsv, read straight from the package data.

The table is made by scripts/make_nowruz_table.py (the astronomical rule: Nowruz is the day
whose apparent noon at 52.5°E comes at or after the March equinox).  These tests read it with
importlib.resources, not through persnews.calendar, so they check the data itself.
"""

from __future__ import annotations

import datetime
import functools
import itertools
from importlib.resources import files
from typing import NamedTuple

import pytest
from conftest import shared_path

HEADER = "year\tnowruz\tleap\tmargin_minutes\tprovisional"
MONTH_STARTS = (0, 0, 31, 62, 93, 124, 155, 186, 216, 246, 276, 306, 336)  # days before month m

#: Years of 1..3000 AP whose Nowruz jdatetime's plain 33-year rule puts on another day than the
#: table (measured with jdatetime 6.1.1).  The calendar README's 148 comes from a Calendrical
#: Calculations-style computation whose ΔT extrapolation (Espenak & Meeus 2006) runs 150-900 s
#: above today's beyond 2050 CE; that computation and the table differ in 21 years (785 AP and
#: 20 years from 1503 AP on), every one of them provisional in the table, and jdatetime sides
#: with the table in all 21: 148-150 - 21 = 127-129.
JDATETIME_DIFFERS = (
    1, 22, 26, 30, 34, 55, 59, 63, 67, 88, 92, 96, 100, 121, 125, 129, 133, 154, 158, 162, 187,
    191, 195, 220, 224, 228, 253, 257, 261, 286, 290, 294, 319, 323, 327, 352, 356, 360, 385,
    389, 393, 418, 422, 451, 455, 484, 488, 517, 521, 550, 554, 583, 587, 616, 620, 649, 653,
    682, 715, 748, 781, 814, 847, 880, 913, 946, 979, 1012, 1045, 1078, 1177, 1635, 1668, 1767,
    1800, 1833, 1866, 1899, 1932, 1965, 1998, 2031, 2064, 2097, 2130, 2163, 2196, 2229, 2262,
    2295, 2324, 2328, 2357, 2361, 2394, 2427, 2456, 2460, 2489, 2493, 2522, 2526, 2555, 2559,
    2592, 2621, 2625, 2654, 2658, 2687, 2691, 2720, 2724, 2753, 2757, 2786, 2790, 2819, 2823,
    2852, 2856, 2885, 2889, 2918, 2922, 2951, 2955, 2984, 2988,
)  # fmt: skip


class Row(NamedTuple):
    year: int
    nowruz: datetime.date
    leap: int
    margin: float
    provisional: int


def _text() -> str:
    return (files("persnews") / "data" / "nowruz.tsv").read_text(encoding="utf-8")


@functools.cache
def table_rows() -> dict[int, Row]:
    """The rows of persnews/data/nowruz.tsv, read here, by year."""
    lines = [line for line in _text().splitlines() if line and not line.startswith("#")]
    table = {}
    for line in lines[1:]:
        year, nowruz, leap, margin, provisional = line.split("\t")
        day = datetime.date.fromisoformat(nowruz)
        table[int(year)] = Row(int(year), day, int(leap), float(margin), int(provisional))
    return table


@pytest.fixture(scope="module")
def rows() -> dict[int, Row]:
    return table_rows()


def _to_gregorian(rows: dict[int, Row], year: int, month: int, day: int) -> datetime.date:
    length = 31 if month <= 6 else 30 if month <= 11 else 29 + rows[year].leap
    assert 1 <= month <= 12, (year, month, day)
    assert 1 <= day <= length, (year, month, day)
    return rows[year].nowruz + datetime.timedelta(days=MONTH_STARTS[month] + day - 1)


def _to_jalali(rows: dict[int, Row], day: datetime.date) -> tuple[int, int, int]:
    following = rows.get(day.year - 621)  # none after 3000: a day before its Nowruz
    year = day.year - 621 - (following is None or day < following.nowruz)
    days = (day - rows[year].nowruz).days
    month = max(m for m in range(1, 13) if MONTH_STARTS[m] <= days)
    return year, month, days - MONTH_STARTS[month] + 1


def test_comments_then_header() -> None:
    lines = _text().splitlines()
    comments = list(itertools.takewhile(lambda line: line.startswith("#"), lines))
    assert 2 <= len(comments) <= 4
    assert "make_nowruz_table.py" in comments[0]
    assert lines[len(comments)] == HEADER
    assert not any(line.startswith("#") for line in lines[len(comments) :])


def test_table_is_compact() -> None:
    assert len(_text().encode("utf-8")) < 100_000


def test_years_are_consecutive(rows: dict[int, Row]) -> None:
    assert list(rows) == list(range(1, 3001))


def test_fields_are_well_formed(rows: dict[int, Row]) -> None:
    for row in rows.values():
        assert row.leap in (0, 1)
        assert row.provisional in (0, 1)
        assert 0 <= row.margin <= 12 * 60
        assert round(row.margin, 1) == row.margin


def test_leap_matches_consecutive_nowruz(rows: dict[int, Row]) -> None:
    for row, following in itertools.pairwise(rows.values()):
        assert (following.nowruz - row.nowruz).days == 365 + row.leap, row


def test_leap_years_are_8_in_33_on_average(rows: dict[int, Row]) -> None:
    leaps = sum(row.leap for row in rows.values())
    assert 3000 * 0.24 < leaps < 3000 * 0.25


def test_nowruz_falls_on_march_19_to_23_of_year_plus_621(rows: dict[int, Row]) -> None:
    for row in rows.values():
        assert row.nowruz.year == row.year + 621
        assert row.nowruz.month == 3
        assert 19 <= row.nowruz.day <= 23, row


def test_known_nowruz_dates(rows: dict[int, Row]) -> None:
    assert rows[1403].nowruz == datetime.date(2024, 3, 20)
    assert rows[1404].nowruz == datetime.date(2025, 3, 21)  # the 2820-year rule gets this wrong
    assert rows[1403].leap == 1


def test_agrees_with_the_calendar_center_leap_list(rows: dict[int, Row]) -> None:
    path = shared_path("data", "calendar", "calendar_center_leap_years.txt")
    years = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        mark, iso = line.split()
        year = int(mark.rstrip("*"))
        years.append(year)
        assert rows[year].nowruz.isoformat() == iso, line
        assert rows[year].leap == int(mark.endswith("*")), line
    assert years == list(range(1206, 1499))


def test_agrees_with_every_calendar_center_conversion(rows: dict[int, Row]) -> None:
    path = shared_path("data", "calendar", "calendar_center_conversions.txt")
    count = 0
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        jd, jm, jy, _, _, _, gd, gm, gy = (int(field) for field in line.split(","))
        gregorian = datetime.date(gy, gm, gd)
        assert _to_gregorian(rows, jy, jm, jd) == gregorian, line
        assert _to_jalali(rows, gregorian) == (jy, jm, jd), line
        count += 1
    assert count == 1161


def test_provisional_years(rows: dict[int, Row]) -> None:
    assert rows[1503].provisional  # 2124 CE: the equinox falls seconds from noon
    assert rows[1503].margin < 1
    assert not any(rows[year].provisional for year in range(1206, 1499))


def test_delta_t_is_good_enough_over_1079_to_1502(rows: dict[int, Row]) -> None:
    assert rows[1078].provisional  # 1699 CE: 17 s from noon
    assert not any(rows[year].provisional for year in range(1079, 1503))


def test_jdatetime_33_year_rule_differs_in_129_years(rows: dict[int, Row]) -> None:
    jdatetime = pytest.importorskip("jdatetime")
    differs = tuple(
        year
        for year in range(1, 3001)
        if jdatetime.date(year, 1, 1).togregorian() != rows[year].nowruz
    )
    assert differs == JDATETIME_DIFFERS
    assert len(differs) == 129
    assert not any(1206 <= year <= 1498 for year in differs)
