"""Jalali ⇄ Gregorian on the calendar authority's table."""

from __future__ import annotations

import datetime

import pytest
from conftest import shared_path
from hypothesis import given
from hypothesis import strategies as st

from persnews import InvalidValueError
from persnews.calendar import is_leap, month_length, supported_years, to_gregorian, to_jalali


@pytest.mark.parametrize(
    ("jalali", "gregorian"),
    [
        ((1399, 8, 4), datetime.date(2020, 10, 25)),
        ((1400, 9, 2), datetime.date(2021, 11, 23)),
        ((1404, 1, 1), datetime.date(2025, 3, 21)),
        ((1403, 12, 30), datetime.date(2025, 3, 20)),
        ((1357, 11, 22), datetime.date(1979, 2, 11)),
    ],
)
def test_known_dates(jalali: tuple[int, int, int], gregorian: datetime.date) -> None:
    assert to_gregorian(*jalali) == gregorian
    assert to_jalali(gregorian) == jalali


def test_leap_years_and_month_lengths() -> None:
    assert is_leap(1403)
    assert not is_leap(1404)
    assert [month_length(1402, m) for m in range(1, 13)] == [31] * 6 + [30] * 5 + [29]


@pytest.mark.parametrize(
    ("arguments", "field"),
    [((1402, 13, 1), "month"), ((1402, 12, 30), "day"), ((3000, 1, 1), "year")],
)
def test_invalid_dates(arguments: tuple[int, int, int], field: str) -> None:
    with pytest.raises(InvalidValueError) as caught:
        to_gregorian(*arguments)
    assert caught.value.field == field


@given(st.dates(datetime.date(1827, 3, 22), datetime.date(2120, 3, 20)))
def test_round_trip(day: datetime.date) -> None:
    assert to_gregorian(*to_jalali(day)) == day


def test_outside_the_table() -> None:
    with pytest.raises(InvalidValueError):
        to_jalali(datetime.date(1700, 1, 1))
    assert supported_years() == range(1206, 1499)


def test_agrees_with_every_published_conversion() -> None:
    path = shared_path("data", "calendar", "calendar_center_conversions.txt")
    count = 0
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        jd, jm, jy, _, _, _, gd, gm, gy = map(int, line.split(","))
        assert to_gregorian(jy, jm, jd) == datetime.date(gy, gm, gd)
        assert to_jalali(datetime.date(gy, gm, gd)) == (jy, jm, jd)
        count += 1
    assert count == 1161


def test_agrees_with_the_leap_year_list() -> None:
    path = shared_path("data", "calendar", "calendar_center_leap_years.txt")
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            year, nowruz = line.split()
            assert is_leap(int(year.rstrip("*"))) == year.endswith("*")
            assert to_gregorian(int(year.rstrip("*")), 1, 1).isoformat() == nowruz
