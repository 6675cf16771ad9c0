"""Jalali, Gregorian and Hijri-lunar dates (persnews.calendar)."""

from __future__ import annotations

import datetime
import itertools
import pickle
import subprocess
import sys

import pytest
from conftest import shared_path
from hypothesis import given
from hypothesis import strategies as st
from test_nowruz_table import JDATETIME_DIFFERS, _to_jalali, table_rows

from persnews import (
    HijriDate,
    InvalidDateError,
    InvalidValueError,
    JalaliDate,
    PersnewsError,
    UnsupportedDateError,
)
from persnews import calendar as cal

# -- Jalali ⇄ Gregorian ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("jalali", "gregorian"),
    [
        ((1399, 8, 4), datetime.date(2020, 10, 25)),
        ((1400, 9, 2), datetime.date(2021, 11, 23)),
        ((1404, 1, 1), datetime.date(2025, 3, 21)),  # khayyam's 2820-year cycle says 03-20
        ((1403, 12, 30), datetime.date(2025, 3, 20)),
        ((1357, 11, 22), datetime.date(1979, 2, 11)),
        ((1, 1, 1), datetime.date(622, 3, 22)),
    ],
)
def test_known_dates(jalali: tuple[int, int, int], gregorian: datetime.date) -> None:
    assert cal.to_gregorian(*jalali) == gregorian
    assert JalaliDate(*jalali).to_gregorian() == gregorian
    assert cal.to_jalali(gregorian) == jalali
    assert JalaliDate.from_gregorian(gregorian) == JalaliDate(*jalali)


def test_every_day_1200_to_1600_round_trips() -> None:
    """Each day of 1200-01-01 … 1600-12-29 AP, in calendar order, is the next ordinal."""
    ordinal = cal.to_gregorian(1200, 1, 1).toordinal()
    count = 0
    for year in range(1200, 1601):
        for month in range(1, 13):
            for day in range(1, cal.month_length(year, month) + 1):
                assert cal.to_gregorian(year, month, day).toordinal() == ordinal
                back = JalaliDate.fromordinal(ordinal)
                assert (back.year, back.month, back.day) == (year, month, day)
                ordinal += 1
                count += 1
    assert (
        count == cal.to_gregorian(1601, 1, 1).toordinal() - cal.to_gregorian(1200, 1, 1).toordinal()
    )


def test_datetime_counts_as_its_date() -> None:
    moment = datetime.datetime(2021, 11, 23, 23, 59)
    assert cal.to_jalali(moment) == (1400, 9, 2)
    assert JalaliDate.from_gregorian(moment) == JalaliDate(1400, 9, 2)


def test_leap_years_and_month_lengths() -> None:
    assert cal.is_leap(1403)
    assert not cal.is_leap(1404)
    assert [cal.month_length(1402, m) for m in range(1, 13)] == [31] * 6 + [30] * 5 + [29]
    assert cal.month_length(1403, 12) == 30
    assert JalaliDate(1403, 12, 1).days_in_month == 30
    assert cal.supported_years() == range(1, 3001)
    leaps = sum(cal.is_leap(year) for year in range(1, 3001))
    assert 3000 * 0.24 < leaps < 3000 * 0.25  # 8 in 33 on average


def test_provisional_years() -> None:
    assert cal.is_provisional(1503)  # the equinox falls seconds from noon
    assert not any(cal.is_provisional(year) for year in range(1206, 1499))


def test_agrees_with_every_published_conversion() -> None:
    path = shared_path("data", "calendar", "calendar_center_conversions.txt")
    count = 0
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        jd, jm, jy, hd, hm, hy, gd, gm, gy = map(int, line.split(","))
        gregorian = datetime.date(gy, gm, gd)
        assert cal.to_gregorian(jy, jm, jd) == gregorian
        assert cal.to_jalali(gregorian) == (jy, jm, jd)
        hijri = HijriDate(hy, hm, hd)
        assert hijri.to_gregorian() == gregorian
        assert HijriDate.from_gregorian(gregorian) == hijri
        assert not hijri.estimated
        count += 1
    assert count == 1161


def test_agrees_with_the_leap_year_list() -> None:
    path = shared_path("data", "calendar", "calendar_center_leap_years.txt")
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            year, nowruz = line.split()
            assert cal.is_leap(int(year.rstrip("*"))) == year.endswith("*")
            assert cal.to_gregorian(int(year.rstrip("*")), 1, 1).isoformat() == nowruz


def test_jdatetime_agrees_except_where_it_is_wrong() -> None:
    """jdatetime's 33-year rule puts Nowruz on another day in the 129 years listed
    in test_nowruz_table (none of them 1206–1498); everywhere else every day agrees."""
    jdatetime = pytest.importorskip("jdatetime")
    wrong = {
        year
        for year in range(1, 3001)
        if jdatetime.date(year, 1, 1).togregorian() != cal.to_gregorian(year, 1, 1)
    }
    assert wrong == set(JDATETIME_DIFFERS)
    for year in range(1, 3000, 7):
        if year in wrong or year + 1 in wrong:
            continue
        for month, day in ((1, 1), (6, 31), (7, 1), (12, 29)):
            expected = jdatetime.date(year, month, day).togregorian()
            assert cal.to_gregorian(year, month, day) == expected
            assert cal.to_jalali(expected) == (year, month, day)


@given(st.dates(datetime.date(622, 3, 22), datetime.date(3621, 3, 19)))
def test_any_gregorian_date_round_trips(day: datetime.date) -> None:
    jalali = JalaliDate.from_gregorian(day)
    assert jalali.to_gregorian() == day
    assert cal.to_gregorian(*cal.to_jalali(day)) == day


# -- JalaliDate ------------------------------------------------------------------------------


def test_jalali_date_behaves_like_a_date() -> None:
    day = JalaliDate(1403, 12, 30)
    assert day + datetime.timedelta(days=1) == JalaliDate(1404, 1, 1)
    assert datetime.timedelta(days=1) + day == JalaliDate(1404, 1, 1)
    assert day - datetime.timedelta(days=365) == JalaliDate(1403, 1, 1)
    assert JalaliDate(1404, 1, 1) - JalaliDate(1403, 1, 1) == datetime.timedelta(days=366)
    assert day + datetime.timedelta(hours=30) == JalaliDate(1404, 1, 1)  # whole days, as date
    assert JalaliDate(1399, 8, 4) < JalaliDate(1399, 8, 5) < JalaliDate(1400, 1, 1)
    assert sorted([JalaliDate(1400, 1, 2), JalaliDate(1399, 12, 1)])[0] == JalaliDate(1399, 12, 1)
    assert len({JalaliDate(1399, 8, 4), JalaliDate(1399, 8, 4)}) == 1
    assert JalaliDate(1399, 8, 4) != (1399, 8, 4)
    assert JalaliDate(1399, 8, 4).replace(day=30) == JalaliDate(1399, 8, 30)
    assert pickle.loads(pickle.dumps(day)) == day
    assert repr(day) == "JalaliDate(1403, 12, 30)"
    assert str(day) == day.isoformat() == "1403-12-30"
    assert JalaliDate.fromisoformat("1403-12-30") == day
    with pytest.raises(AttributeError):
        day.year = 1400  # type: ignore[misc]
    with pytest.raises(TypeError):
        _ = day < datetime.date(2025, 3, 20)  # type: ignore[operator]


def test_weekdays() -> None:
    day = JalaliDate(1399, 8, 5)  # Monday 26 October 2020
    assert day.weekday() == 2
    assert day.isoweekday() == day.to_gregorian().isoweekday() == 1
    assert day.weekday_name == "دوشنبه"
    # Nowruz 1404 was a Friday (جمعه)
    assert [JalaliDate(1404, 1, d).weekday() for d in range(1, 8)] == [6, 0, 1, 2, 3, 4, 5]


def test_formatting() -> None:
    day = JalaliDate(1399, 8, 4)
    assert day.month_name == "آبان"
    assert day.format() == "۴ آبان ۱۳۹۹"
    assert day.format(weekday=True) == "یکشنبه ۴ آبان ۱۳۹۹"
    assert day.format(digits="latin") == "4 آبان 1399"
    with pytest.raises(InvalidValueError):
        day.format(digits="arabic")  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1399/08/04", (1399, 8, 4)),
        ("1399/8/4", (1399, 8, 4)),
        ("۱۳۹۹-۰۸-۰۴", (1399, 8, 4)),
        ("1399.08.04", (1399, 8, 4)),
        ("۴ آبان ۱۳۹۹", (1399, 8, 4)),
        ("4 آبان 1399", (1399, 8, 4)),
        ("چهارم آبان ۱۳۹۹", (1399, 8, 4)),
        ("چهار آبان ۱۳۹۹", (1399, 8, 4)),
        ("یکشنبه ۴ آبان ۱۳۹۹", (1399, 8, 4)),
        ("یکشنبه، چهارم آبان‌ماه ۱۳۹۹ ه.ش.", (1399, 8, 4)),
        ("بیست و یکم اسفند ۱۴۰۲", (1402, 12, 21)),
        ("سی‌ام شهریور ۱۴۰۲", (1402, 6, 30)),
        ("سی و یکم مرداد ۱۴۰۰", (1400, 5, 31)),
        ("اول فروردین ۱۴۰۴", (1404, 1, 1)),
        ("سوم ارديبهشت ۱۴۰۱", (1401, 2, 3)),  # Arabic yeh
        ("  ۱۵ خرداد  ۱۳۴۲ ", (1342, 3, 15)),
    ],
)
def test_parse(text: str, expected: tuple[int, int, int]) -> None:
    assert JalaliDate.parse(text) == JalaliDate(*expected)


@pytest.mark.parametrize(
    "text",
    ["", "آبان ۱۳۹۹", "۴ آبانی ۱۳۹۹", "99/8/4x", "دوشنبه ۴ آبان ۱۳۹۹", "۴ آبان ۱۳۹۹ میلادی"],
)
def test_parse_rejects(text: str) -> None:
    with pytest.raises(InvalidDateError):
        JalaliDate.parse(text)


@pytest.mark.parametrize(
    ("arguments", "field", "error"),
    [
        ((1402, 12, 30), "day", InvalidDateError),  # 1402 is not a leap year
        ((1402, 13, 1), "month", InvalidDateError),
        ((1402, 0, 1), "month", InvalidDateError),
        ((1402, 1, 0), "day", InvalidDateError),
        ((1402, 7, 31), "day", InvalidDateError),  # 31 Mehr
        ((1402, 1, 32), "day", InvalidDateError),
        ((3001, 1, 1), "year", UnsupportedDateError),
        ((0, 1, 1), "year", UnsupportedDateError),
        ((-5, 1, 1), "year", UnsupportedDateError),
    ],
)
def test_invalid_dates(arguments: tuple[int, int, int], field: str, error: type) -> None:
    for attempt in (lambda: JalaliDate(*arguments), lambda: cal.to_gregorian(*arguments)):
        with pytest.raises(error) as caught:
            attempt()
        assert caught.value.field == field
        assert isinstance(caught.value, ValueError)
        assert isinstance(caught.value, PersnewsError)


def test_invalid_date_message_names_field_value_and_range() -> None:
    with pytest.raises(InvalidDateError, match=r"invalid day 30: expected 1\.\.29"):
        JalaliDate(1402, 12, 30)


@pytest.mark.parametrize("bad", [True, 1402.0, "1402", None])
def test_non_integers_are_type_errors(bad: object) -> None:
    for arguments in ((bad, 1, 1), (1402, bad, 1), (1402, 1, bad)):
        with pytest.raises(TypeError):
            JalaliDate(*arguments)  # type: ignore[arg-type]
        with pytest.raises(TypeError):
            cal.to_gregorian(*arguments)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        cal.to_jalali("2021-11-23")  # type: ignore[arg-type]


def test_outside_the_table() -> None:
    with pytest.raises(UnsupportedDateError):
        cal.to_jalali(datetime.date(600, 1, 1))
    with pytest.raises(UnsupportedDateError):
        cal.to_jalali(datetime.date(3700, 1, 1))
    with pytest.raises(UnsupportedDateError):
        JalaliDate(3000, 12, 29) + datetime.timedelta(days=400)


def _independent(ordinal: int) -> tuple[int, int, int] | None:
    """A day's Jalali date worked out from the Nowruz table file by
    test_nowruz_table's own converter (None outside 1 Farvardin 1 .. the end of 3000),
    independently of the bucket lookups ``to_jalali`` uses."""
    rows = table_rows()
    last = rows[3000]
    end = last.nowruz + datetime.timedelta(days=365 + last.leap)
    day = datetime.date.fromordinal(ordinal)
    return _to_jalali(rows, day) if rows[1].nowruz <= day < end else None


def test_to_jalali_at_every_edge() -> None:
    """Every day near the ends of the table and of ``datetime.date``'s range (where the
    fast path's out-of-range buckets are), and a sample between: the right date, or
    UnsupportedDateError exactly outside 1 Farvardin 1 .. 29 Esfand 3000."""
    import random

    table = cal._table()
    first, end = table.ordinals[0], table.ordinals[-1]
    top = datetime.date.max.toordinal()
    ordinals = [
        *range(1, 2000),
        *range(first - 1000, first + 1000),
        *range(end - 1000, end + 1000),
        *range(top - 2000, top + 1),
        *random.Random(3).sample(range(1, top + 1), 20_000),
    ]
    for ordinal in ordinals:
        day = datetime.date.fromordinal(ordinal)
        expected = _independent(ordinal)
        if expected is None:
            with pytest.raises(UnsupportedDateError):
                cal.to_jalali(day)
        else:
            assert cal.to_jalali(day) == expected, day
            assert cal.to_jalali(datetime.datetime.combine(day, datetime.time(23))) == expected


@given(st.dates())
def test_to_jalali_of_any_date(day: datetime.date) -> None:
    """Any date ``datetime.date`` can hold: the Nowruz table file's answer, or
    UnsupportedDateError outside the table (never a wrong year from a bucket)."""
    expected = _independent(day.toordinal())
    if expected is None:
        with pytest.raises(UnsupportedDateError):
            cal.to_jalali(day)
    else:
        assert cal.to_jalali(day) == expected


def test_to_jalali_names_a_date_of_another_library() -> None:
    """jdatetime.date has a toordinal() of its own (counted from 1 Farvardin 1 AP): it
    is refused, by its full name, not read as a Gregorian date."""
    jdatetime = pytest.importorskip("jdatetime")
    with pytest.raises(TypeError, match=r"must be a datetime\.date, not jdatetime\.date"):
        cal.to_jalali(jdatetime.date(1400, 1, 1))  # type: ignore[arg-type]

    class Stamp(datetime.datetime):  # a subclass, as pandas' Timestamp is
        pass

    assert cal.to_jalali(Stamp(2021, 11, 23, 10)) == (1400, 9, 2)


def test_to_gregorian_before_and_after_a_year_is_first_converted() -> None:
    """A year's first conversion takes the checked path and fills its row of month
    starts; later ones take the fast path: the same dates either way, on every day."""
    year = 1357
    cal._table()
    cal._MONTH_STARTS[year] = None
    first = [cal.to_gregorian(year, m, d) for m in range(1, 13) for d in range(1, 30)]
    assert cal._MONTH_STARTS[year] is not None
    again = [cal.to_gregorian(year, m, d) for m in range(1, 13) for d in range(1, 30)]
    assert first == again
    assert first[0] == datetime.date(1978, 3, 21)
    assert all(type(day) is datetime.date for day in again)
    steps = [later - earlier for earlier, later in itertools.pairwise(again)]
    assert steps.count(datetime.timedelta(days=1)) == len(again) - 12  # 28 a month


def test_numpy_integers_are_accepted() -> None:
    np = pytest.importorskip("numpy")
    assert JalaliDate(np.int64(1399), np.int32(8), np.int16(4)) == JalaliDate(1399, 8, 4)


# -- Hijri ---------------------------------------------------------------------------------


def test_hijri_iran_known_dates() -> None:
    day = HijriDate(1442, 3, 12)
    assert day.calendar == "iran"
    assert day.to_gregorian() == datetime.date(2020, 10, 29)
    assert day.to_jalali() == JalaliDate(1399, 8, 8)
    assert JalaliDate(1399, 8, 8).to_hijri() == day
    assert not day.estimated
    assert day.format() == "۱۲ ربیع‌الاول ۱۴۴۲"
    assert day.month_name == "ربیع‌الاول"


def test_hijri_iran_estimates_outside_the_observed_table() -> None:
    later = HijriDate(1450, 1, 1)
    assert later.estimated
    earlier = HijriDate(1250, 1, 1)
    assert earlier.estimated
    # the estimate joins the observed table without a month of 28 or 31 days
    for year in (1264, 1265, 1447, 1448):
        for month in range(1, 13):
            first = HijriDate(year, month, 1)
            following = first + datetime.timedelta(days=first.days_in_month)
            assert first.days_in_month in (29, 30)
            assert (following.day, following.month) == (1, month % 12 + 1)


def test_umm_al_qura_agrees_with_hijridate() -> None:
    hijridate = pytest.importorskip("hijridate")
    for year in range(1343, 1501):
        for month in range(1, 13):
            expected = hijridate.Hijri(year, month, 1).to_gregorian()
            day = HijriDate(year, month, 1, calendar="umm_al_qura")
            assert day.to_gregorian() == expected
            assert HijriDate.from_gregorian(expected, calendar="umm_al_qura") == day
            assert not day.estimated


def test_tabular_calendar() -> None:
    assert HijriDate(1, 1, 1, calendar="tabular").to_gregorian() == datetime.date(622, 7, 19)
    # a 30-year cycle has 10631 days and 11 leap years
    start = HijriDate(1441, 1, 1, calendar="tabular")
    assert (HijriDate(1471, 1, 1, calendar="tabular") - start).days == 10631
    lasts = [HijriDate(y, 12, 1, calendar="tabular") for y in range(1441, 1471)]
    assert sum(d.days_in_month == 30 for d in lasts) == 11


@given(
    st.dates(datetime.date(1786, 1, 1), datetime.date(2270, 1, 1)),  # iran: 1200–1699 AH
    st.sampled_from(["iran", "tabular"]),
)
def test_any_date_round_trips_through_hijri(day: datetime.date, calendar: str) -> None:
    hijri = HijriDate.from_gregorian(day, calendar=calendar)  # type: ignore[arg-type]
    assert hijri.to_gregorian() == day
    again = HijriDate(hijri.year, hijri.month, hijri.day, calendar=hijri.calendar)
    assert again == hijri


def test_hijri_errors_and_comparisons() -> None:
    with pytest.raises(InvalidDateError):
        HijriDate(1445, 13, 1)
    with pytest.raises(InvalidDateError):
        HijriDate(1445, 1, 31)
    with pytest.raises(UnsupportedDateError):
        HijriDate(1600, 1, 1, calendar="umm_al_qura")
    with pytest.raises(InvalidValueError):
        HijriDate(1445, 1, 1, calendar="lunar")  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        HijriDate(1445.0, 1, 1)  # type: ignore[arg-type]
    iran = HijriDate(1445, 9, 1)
    saudi = HijriDate.from_gregorian(iran.to_gregorian(), calendar="umm_al_qura")
    assert iran != saudi or iran.calendar == saudi.calendar
    with pytest.raises(TypeError):
        _ = iran < saudi
    assert iran < iran + datetime.timedelta(days=1)
    assert pickle.loads(pickle.dumps(saudi)) == saudi
    assert HijriDate.parse("۱۲ ربیع الاول ۱۴۴۲ ه.ق.") == HijriDate(1442, 3, 12)
    assert HijriDate.parse("1445/09/01", calendar="tabular").calendar == "tabular"


# -- arrays -----------------------------------------------------------------------------------


def test_arrays_match_the_scalar_functions() -> None:
    np = pytest.importorskip("numpy")
    rng = np.random.default_rng(7)
    ordinals = rng.integers(
        cal.to_gregorian(1, 1, 1).toordinal(), cal.to_gregorian(3000, 12, 29).toordinal(), 5000
    )
    dates = [datetime.date.fromordinal(int(o)) for o in ordinals]
    years, months, days = cal.to_jalali_array(np.array(dates, dtype="datetime64[D]"))
    expected = [cal.to_jalali(d) for d in dates]
    assert list(zip(years.tolist(), months.tolist(), days.tolist(), strict=True)) == expected
    back = cal.to_gregorian_array(years, months, days)
    assert back.dtype == np.dtype("datetime64[D]")
    assert back.astype(object).tolist() == dates
    # object arrays of dates, other units, and broadcasting
    assert cal.to_jalali_array(np.array(dates[:3], dtype=object))[0].tolist() == years[:3].tolist()
    assert cal.to_jalali_array(np.array(dates[:3], dtype="datetime64[s]"))[1].tolist() == (
        months[:3].tolist()
    )
    assert cal.to_gregorian_array(1404, 1, np.arange(1, 4)).tolist() == [
        datetime.date(2025, 3, 21),
        datetime.date(2025, 3, 22),
        datetime.date(2025, 3, 23),
    ]


def test_arrays_reject_invalid_dates() -> None:
    np = pytest.importorskip("numpy")
    with pytest.raises(InvalidDateError, match=r"days\[1\]"):
        cal.to_gregorian_array([1402, 1402], [12, 12], [29, 30])
    with pytest.raises(InvalidDateError, match="months"):
        cal.to_gregorian_array([1402], [13], [1])
    with pytest.raises(UnsupportedDateError):
        cal.to_gregorian_array([3001], [1], [1])
    with pytest.raises(TypeError):
        cal.to_gregorian_array([1402.0], [1], [1])
    with pytest.raises(UnsupportedDateError):
        cal.to_jalali_array(np.array(["2020-01-01", "NaT"], dtype="datetime64[D]"))
    with pytest.raises(TypeError):
        cal.to_jalali_array(np.array([1, 2]))


@pytest.mark.parametrize(
    ("column", "value", "error", "field"),
    [
        (0, 0, UnsupportedDateError, "years"),
        (0, 3001, UnsupportedDateError, "years"),
        (0, -1402, UnsupportedDateError, "years"),
        (1, 0, InvalidDateError, "months"),
        (1, 13, InvalidDateError, "months"),
        (1, 15, InvalidDateError, "months"),
        (1, 17, InvalidDateError, "months"),
        (1, -1, InvalidDateError, "months"),
        (2, 0, InvalidDateError, "days"),
        (2, -3, InvalidDateError, "days"),
        (2, 31, InvalidDateError, "days"),  # Mehr has 30
        (2, 64, InvalidDateError, "days"),
    ],
)
def test_arrays_name_the_first_invalid_date_in_any_chunk(
    column: int, value: int, error: type[Exception], field: str
) -> None:
    """Arrays are converted a chunk at a time: a bad date deep in a long array (and
    the values that the packed table could alias, like month 17 or day 64) is still
    found and named, and nothing is returned."""
    np = pytest.importorskip("numpy")
    from persnews import _calendar_arrays

    size = 3 * _calendar_arrays._CHUNK + 5
    columns = [np.full(size, 1403), np.full(size, 7), np.full(size, 30)]
    where = 2 * _calendar_arrays._CHUNK + 3
    columns[column][where] = value
    with pytest.raises(error, match=rf"^invalid {field}\[{where}\] {value}:"):
        cal.to_gregorian_array(*columns)


def test_arrays_keep_their_shape_across_chunks() -> None:
    np = pytest.importorskip("numpy")
    from persnews import _calendar_arrays

    rng = np.random.default_rng(11)
    size = 2 * _calendar_arrays._CHUNK + 7
    years = rng.integers(1, 3001, size)
    months = rng.integers(1, 13, size)
    days = rng.integers(1, 30, size)
    flat = cal.to_gregorian_array(years, months, days)
    triples = zip(years.tolist(), months.tolist(), days.tolist(), strict=True)
    expected = [cal.to_gregorian(*triple) for triple in triples]
    assert flat.astype(object).tolist() == expected
    chunk = _calendar_arrays._CHUNK
    shaped = cal.to_gregorian_array(years[:-7].reshape(2, -1), months[:-7].reshape(2, -1), 1)
    assert shaped.shape == (2, chunk)
    first = cal.to_gregorian(int(years[chunk + 5]), int(months[chunk + 5]), 1)
    assert shaped[1, 5] == np.datetime64(first)


def test_to_jalali_array_on_every_day_of_the_table() -> None:
    """Each day's packed date (the per-day table of to_jalali_array) is the scalar
    function's, from the first Nowruz to the last day of 3000 AP, and a 2-D array
    longer than a chunk keeps its shape."""
    np = pytest.importorskip("numpy")
    from persnews import _calendar_arrays

    first = cal.to_gregorian(1, 1, 1).toordinal()
    last = cal.to_gregorian(3000, 12, cal.month_length(3000, 12)).toordinal()
    ordinals = np.arange(first, last + 1)
    stamps = (ordinals - _calendar_arrays._UNIX_ORDINAL).astype("datetime64[D]")
    years, months, days = cal.to_jalali_array(stamps)
    expected = [cal.to_jalali(datetime.date.fromordinal(o)) for o in range(first, last + 1)]
    assert list(zip(years.tolist(), months.tolist(), days.tolist(), strict=True)) == expected
    assert years.dtype == months.dtype == days.dtype == np.dtype(np.int64)
    rows = _calendar_arrays._CHUNK + 3
    shaped = cal.to_jalali_array(stamps[: 2 * rows].reshape(2, rows))
    assert all(part.shape == (2, rows) for part in shaped)
    assert shaped[2][1, rows - 1] == days[2 * rows - 1]
    assert shaped[0][1, 0] == years[rows]


def test_everything_but_arrays_works_without_numpy() -> None:
    code = (
        "import sys; sys.modules['numpy'] = None\n"
        "import datetime, persnews\n"
        "from persnews import calendar\n"
        "assert persnews.JalaliDate(1399, 8, 4).to_gregorian() == datetime.date(2020, 10, 25)\n"
        "assert persnews.HijriDate(1442, 3, 12).to_jalali() == persnews.JalaliDate(1399, 8, 8)\n"
        "try:\n"
        "    calendar.to_gregorian_array([1399], [8], [4])\n"
        "except ImportError as error:\n"
        "    print(error)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert "to_gregorian_array needs numpy" in done.stdout


def test_reference_dates() -> None:
    expected = datetime.date(2021, 11, 23)
    for value in (
        expected,
        datetime.datetime(2021, 11, 23, 8, 30),
        JalaliDate(1400, 9, 2),
        HijriDate.from_gregorian(expected),
        "2021-11-23",
        "1400/09/02",
        "۱۴۰۰-۰۹-۰۲",
    ):
        assert cal.reference_date(value) == expected
    assert cal.reference_date(None) is None
    with pytest.raises(InvalidValueError, match="published"):
        cal.reference_date("1402/13/01")
    with pytest.raises(TypeError, match="JalaliDate"):
        cal.reference_date(20211123)


@pytest.mark.parametrize(
    "year", [1, 2, 1399, 3000, "numpy"], ids=["first", "second", "1399", "last", "numpy"]
)
def test_to_gregorian_takes_every_year_of_the_table_and_integer_like_years(
    year: int | str,
) -> None:
    """The fast path looks the year up in a list: years 1 and 2 (either side of its
    ``year > 1``), the last year, and numpy's integers give the checked answer."""
    np = pytest.importorskip("numpy")
    value = np.int64(1399) if year == "numpy" else year
    expected = cal.JalaliDate(int(value), 12, 29).to_gregorian()
    assert cal.to_gregorian(value, 12, 29) == expected
    assert cal.to_jalali(cal.to_gregorian(value, 12, 29)) == (int(value), 12, 29)
