"""Dates in running text: ranges, lists, periods, durations, times, sets and vague mentions.

Each rule of persnews._daterules has positive cases here (or in test_dates.py) and the
negative cases below; values are checked against the publication date 2021-11-23
(2 Azar 1400, a Tuesday).
"""

from __future__ import annotations

import datetime
import subprocess
import sys
from itertools import pairwise

import pytest
from hypothesis import given
from hypothesis import strategies as st

from persnews import find_dates, normalize
from persnews._daterules import (
    _ORDINAL_ENDS,
    DAY_PARTS,
    DIGIT,
    PART_HEADS,
    UNITS,
    Found,
    Rule,
    keywords,
    rules,
)
from persnews._datetext import HIJRI_MONTHS, HIJRI_VARIANTS, JALALI_MONTHS
from persnews._patterns import Pattern
from persnews.numbers import _words as _number_words

PUBLISHED = datetime.date(2021, 11, 23)


def _one(text: str, mention: str) -> object:
    found = [m for m in find_dates(text, published=PUBLISHED) if m.text == mention]
    assert len(found) == 1, [(m.text, m.rule) for m in find_dates(text, published=PUBLISHED)]
    return found[0]


@pytest.mark.parametrize(
    ("text", "mention", "kind", "value", "end_value", "rule"),
    [
        # ranges and lists
        ("از ۱۰ تا ۱۵ مهر ۱۴۰۲", "از ۱۰ تا ۱۵ مهر ۱۴۰۲", "range", "2023-10-02", "2023-10-07",
         "jalali_day_month_year"),
        ("4 الی 7 آذر ماه", "4 الی 7 آذر ماه", "range", "2021-11-25", "2021-11-28",
         "jalali_day_month"),
        ("از ۱ مهر تا ۱۵ آبان ۱۴۰۲", "از ۱ مهر تا ۱۵ آبان ۱۴۰۲", "range", "2023-09-23",
         "2023-11-06", "jalali_day_month"),
        ("مهر - آبان ۱۳۹۹", "مهر - آبان ۱۳۹۹", "range", "2020-09-22", "2020-11-20",
         "jalali_months"),
        ("سال‌های ۵۹ تا ۷۲", "سال‌های ۵۹ تا ۷۲", "range", "1980-03-21", "1994-03-20", "year"),
        ("از سال ۸۹ تا ۹۴", "از سال ۸۹ تا ۹۴", "range", "2010-03-21", "2016-03-19", "year"),
        ("از ۹۲ تا کنون", "از ۹۲ تا کنون", "range", "2013-03-21", "2021-11-23", "year"),
        ("از ابتدای سال تا کنون", "از ابتدای سال تا کنون", "range", "2021-03-21",
         "2021-11-23", "current_period"),
        # parts of a period
        ("نیمه دوم سال ۱۴۰۲", "نیمه دوم سال ۱۴۰۲", "range", "2023-09-23", "2024-03-19", "year"),
        ("نیمه نخست امسال", "نیمه نخست امسال", "range", "2021-03-21", "2021-09-22",
         "relative_period"),
        ("سه ماهه نخست سال", "سه ماهه نخست سال", "range", "2021-03-21", "2021-06-21",
         "current_period"),
        ("اواسط آذر", "اواسط آذر", "range", "2021-12-02", "2021-12-11", "jalali_month"),
        ("اوایل دهه ۶۰", "اوایل دهه ۶۰", "range", "1981-03-21", "1984-03-20", "decade"),
        ("تا پایان سال", "پایان سال", "date", "2022-03-20", "None", "current_period"),
        # seasons, decades, centuries
        ("بهار ۱۴۰۲", "بهار ۱۴۰۲", "date", "2023-03-21", "2023-06-21", "season"),
        ("در فصل زمستان", "فصل زمستان", "date", "2021-12-22", "2022-03-20", "season"),
        ("زمستان گذشته", "زمستان گذشته", "date", "2020-12-21", "2021-03-20", "season"),
        ("تابستان 1395", "تابستان 1395", "date", "2016-06-21", "2016-09-21", "season"),
        ("دهه ۶۰", "دهه ۶۰", "date", "1981-03-21", "1991-03-20", "decade"),
        ("دهه شصت", "دهه شصت", "date", "1981-03-21", "1991-03-20", "decade"),
        ("دهه ۱۹۸۰ میلادی", "دهه ۱۹۸۰ میلادی", "date", "1980-01-01", "1989-12-31", "decade"),
        ("قرن پانزدهم میلادی", "قرن پانزدهم میلادی", "date", "1401-01-01", "1500-12-31",
         "century"),
        # years in words, eras, event years
        ("در سال هزار و سیصد و شصت و چهار هجری شمسی",
         "سال هزار و سیصد و شصت و چهار هجری شمسی", "date", "1985-03-21", "1986-03-20", "year"),
        ("از سال هزارونهصدونود", "سال هزارونهصدونود", "date", "1990-01-01", "1990-12-31",
         "year"),
        ("جام جهانی ۲۰۱۸", "۲۰۱۸", "date", "2018-01-01", "2018-12-31", "event_year"),
        ("انتخابات ریاست جمهوری ۹۶", "۹۶", "date", "2017-03-21", "2018-03-20", "event_year"),
        ("سال ۷۷۶ قبل از میلاد", "سال ۷۷۶ قبل از میلاد", "date", "None", "None", "year_era"),
        # ordinal days and occasions
        ("چهل و هفتمین روز سال", "چهل و هفتمین روز سال", "date", "2021-05-06", "None",
         "ordinal_day"),
        ("بیست و یکمین روز فروردین ۱۴۰۰", "بیست و یکمین روز فروردین ۱۴۰۰", "date",
         "2021-04-10", "None", "ordinal_day"),
        ("شب یلدا", "شب یلدا", "date", "2021-12-21", "None", "occasion"),
        ("اربعین", "اربعین", "date", "2021-09-27", "None", "occasion"),
        ("عید فطر ۱۴۴۵", "عید فطر ۱۴۴۵", "date", "2024-04-10", "None", "occasion"),
        ("دهه فجر", "دهه فجر", "range", "2022-02-01", "2022-02-11", "occasion"),
        # more relative forms
        ("روز گذشته گفت", "روز گذشته", "date", "2021-11-22", "None", "relative_day"),
        ("هفته ی قبل", "هفته ی قبل", "date", "2021-11-13", "2021-11-19", "relative_period"),
        ("پنج شنبه گذشته", "پنج شنبه گذشته", "date", "2021-11-18", "None", "weekday"),
        ("نیم‌قرن پیش", "نیم‌قرن پیش", "date", "1971-03-21", "1972-03-20", "counted"),
        ("آبان‌ماه امسال", "آبان‌ماه امسال", "date", "2021-10-23", "2021-11-21", "jalali_month"),
        ("ماه مبارک رمضان", "ماه مبارک رمضان", "date", "2022-04-03", "2022-05-02",
         "hijri_month"),
        ("۶ ربیع ثانی", "۶ ربیع ثانی", "date", "2021-11-12", "None", "hijri_day_month"),
        ("در می دو هزار و بیست و یک", "می دو هزار و بیست و یک", "date", "2021-05-01",
         "2021-05-31", "gregorian_month_year"),
        ("1395 . 8 . 24", "1395 . 8 . 24", "date", "2016-11-14", "None", "numeric_date"),
        ("11\\11\\1370", "11\\11\\1370", "date", "1992-01-31", "None", "numeric_date_day_first"),
    ],
)  # fmt: skip
def test_periods_ranges_and_lists(
    text: str, mention: str, kind: str, value: str, end_value: str, rule: str
) -> None:
    hit = _one(text, mention)
    assert (hit.kind, str(hit.value), str(hit.end_value), hit.rule) == (  # type: ignore[attr-defined]
        kind,
        value,
        end_value,
        rule,
    )


def test_coordinated_days_are_two_dates() -> None:
    found = find_dates("۱۵ و ۱۶ تیر ۱۴۰۲", published=PUBLISHED)
    assert [(m.text, str(m.value)) for m in found] == [
        ("۱۵", "2023-07-06"),
        ("۱۶ تیر ۱۴۰۲", "2023-07-07"),
    ]
    found = find_dates("دهه‌های ۶۰ و ۷۰", published=PUBLISHED)
    assert [(m.text, str(m.value)) for m in found] == [
        ("دهه‌های ۶۰", "1981-03-21"),
        ("۷۰", "1991-03-21"),
    ]


def test_span_is_tight_a_date_and_a_separate_duration() -> None:
    found = find_dates("چهارم آبان ۱۳۹۹ بعد از ۴۴ روز", published=PUBLISHED)
    assert [(m.text, m.kind, str(m.value), m.duration) for m in found] == [
        ("چهارم آبان ۱۳۹۹", "date", "2020-10-25", None),
        ("۴۴ روز", "duration", "None", "P44D"),
    ]


@pytest.mark.parametrize(
    ("text", "mention", "duration"),
    [
        ("۴۴ روز", "۴۴ روز", "P44D"),
        ("مسابقه دو روزه", "دو روزه", "P2D"),
        ("سه ماه", "سه ماه", "P3M"),
        ("یک سال و نیم", "یک سال و نیم", "P1Y6M"),
        ("نیم ساعت", "نیم ساعت", "PT30M"),
        (
            "۲۳ ساعت و بیست و سه دقیقه و 3 ثانیه",
            "۲۳ ساعت و بیست و سه دقیقه و 3 ثانیه",
            "PT23H23M3S",
        ),
        ("دویست و سی و چهار روز", "دویست و سی و چهار روز", "P234D"),
        ("شش قرن و نیم", "شش قرن و نیم", "P650Y"),
        ("۱۵ ساله", "۱۵ ساله", "P15Y"),
        ("۲ هفته", "۲ هفته", "P2W"),
        ("۱٫۵ روز", "۱٫۵ روز", "P1DT12H"),
    ],
)
def test_durations(text: str, mention: str, duration: str) -> None:
    hit = _one(text, mention)
    assert (hit.kind, hit.duration, hit.value) == ("duration", duration, None)  # type: ignore[attr-defined]


def test_a_duration_without_a_count_has_no_value() -> None:
    [hit] = find_dates("چند روز", published=PUBLISHED)
    assert (hit.kind, hit.duration, hit.reason) == ("duration", None, "no exact count")


@pytest.mark.parametrize(
    ("text", "mention", "time"),
    [
        ("ساعت نه", "ساعت نه", "09:00:00"),
        ("ساعت چهارده و ده دقیقه", "ساعت چهارده و ده دقیقه", "14:10:00"),
        ("ساعت هفت و بیست و هشت دقیقه و ۹ ثانیه بعد از ظهر",
         "ساعت هفت و بیست و هشت دقیقه و ۹ ثانیه بعد از ظهر", "19:28:09"),
        ("۱۵ دقیقه به ساعت ۱۶", "۱۵ دقیقه به ساعت ۱۶", "15:45:00"),
        ("یک ربع به هفت عصر", "یک ربع به هفت عصر", "18:45:00"),
        ("ساعت ۵ و نیم عصر", "ساعت ۵ و نیم عصر", "17:30:00"),
        ("۵ و نیم عصر", "۵ و نیم عصر", "17:30:00"),
        ("17 : 32", "17 : 32", "17:32:00"),
        ("ساعت ۱۲ ظهر", "ساعت ۱۲ ظهر", "12:00:00"),
        ("10:13 ب.ظ", "10:13 ب.ظ", "22:13:00"),
    ],
)  # fmt: skip
def test_clock_times(text: str, mention: str, time: str) -> None:
    hit = _one(text, mention)
    assert (hit.kind, str(hit.time)) == ("time", time)  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("text", "mention", "kind", "value", "time"),
    [
        ("ساعت ۱۰ صبح روز دوشنبه", "ساعت ۱۰ صبح روز دوشنبه", "datetime", "2021-11-22", "10:00:00"),
        ("۷ آذر ۱۳۹۵ - ۲۰:۳۵", "۷ آذر ۱۳۹۵ - ۲۰:۳۵", "datetime", "2016-11-27", "20:35:00"),
        ("دیروز ساعت ۱۹", "دیروز ساعت ۱۹", "datetime", "2021-11-22", "19:00:00"),
    ],
)  # fmt: skip
def test_a_date_and_its_time_are_one_datetime(
    text: str, mention: str, kind: str, value: str, time: str
) -> None:
    hit = _one(text, mention)
    assert (hit.kind, str(hit.value), str(hit.time)) == (kind, value, time)  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("text", "parts"),
    [
        ("بامداد", ["بامداد"]),
        ("ظهر", ["ظهر"]),
        ("عصر یکشنبه", ["عصر", "یکشنبه"]),
        ("صبح چهارشنبه گذشته", ["صبح", "چهارشنبه گذشته"]),
        ("عصر حاضر", []),  # «عصر» is an era here: only a time beside a day
        ("شب خوبی بود", []),
    ],
)
def test_parts_of_the_day(text: str, parts: list[str]) -> None:
    assert [m.text for m in find_dates(text, published=PUBLISHED)] == parts


def test_today_said_twice_is_checked() -> None:
    [hit] = find_dates("امروز دوم شهریور ماه", published=PUBLISHED)
    assert hit.value == datetime.date(2021, 8, 24)  # the written date wins
    assert hit.reason is not None
    assert "امروز" in hit.reason
    [hit] = find_dates("امروز سه‌شنبه ۲ آذر", published=PUBLISHED)
    assert (hit.value, hit.reason) == (PUBLISHED, None)
    # the weekday said is the day before publication: that day (written the day
    # before it came out), with a reason; further off, publication, with the mismatch
    [hit] = find_dates("امروزدوشنبه", published=PUBLISHED)
    assert hit.value == PUBLISHED - datetime.timedelta(days=1)
    assert hit.reason is not None
    assert "دوشنبه" in hit.reason
    [hit] = find_dates("امروزجمعه", published=PUBLISHED)
    assert hit.value == PUBLISHED
    assert hit.reason is not None
    assert "جمعه" in hit.reason


@pytest.mark.parametrize(
    ("text", "duration"),
    [("هر روز", "P1D"), ("هفته‌ای ۱۲ بار", "P1W"), ("روزی ۱۲ بار", "P1D"), ("صبح‌ها", "P1D")],
)
def test_sets(text: str, duration: str) -> None:
    [hit] = find_dates(text, published=PUBLISHED)
    assert (hit.kind, hit.duration, hit.value) == ("set", duration, None)


@pytest.mark.parametrize(
    "text",
    [
        "روزهای گذشته",
        "اخیرا",
        "این روزها",
        "سال‌های اخیر",
        "همان سال",
        "آبان همان سال",
        "سالی دیگر",
        "سومین روز",
        "شصت و چهارمین سال",
    ],
)
def test_vague_mentions_are_found_without_value(text: str) -> None:
    [hit] = find_dates(text, published=PUBLISHED)
    assert hit.text == text
    assert hit.value is None
    assert hit.reason


@pytest.mark.parametrize(
    "text",
    [
        "حل و فصل شد",
        "مهر و محبت",
        "تیر و ترکش",
        "یلدا به مدرسه رفت",  # a name: only «شب یلدا» is the night
        "۳۸ تا ۴۰ نفر",
        "مرسدس کلاس E 2017",
        "۲ به ۱ برد",
        "عصر ایران نوشت",
        "۱۰ تا ۱۵ نفر",
    ],
)
def test_not_dates(text: str) -> None:
    assert [m.text for m in find_dates(text, published=PUBLISHED) if m.kind != "duration"] == []


def test_a_count_after_a_year_is_not_a_second_year() -> None:
    found = find_dates("در سال ۹۸، ۲۰ هزار نفر آمدند", published=PUBLISHED)
    assert [m.text for m in found] == ["سال ۹۸"]


def test_relative_periods_without_published_have_no_value() -> None:
    for text in ("بهار", "از ابتدای سال تا کنون", "شب یلدا", "زمستان گذشته"):
        assert all(m.value is None for m in find_dates(text))


_PIECES = [
    "۱۵", "و", "تا", "از", "مهر", "ماه", "۱۴۰۲", "سال", "های", "دهه", "۶۰", "نیمه", "دوم",
    "اوایل", "بهار", "فصل", "ساعت", "۱۰", "صبح", "روز", "دوشنبه", "گذشته", "امروز", "۴۴",
    "هفته", "پیش", "دو", "روزه", "هر", "قرن", "پانزدهم", "۲۰:۳۵", "-", "،", "\u200c", "ی",
    "شب", "یلدا", "کنون", "جام", "جهانی", "۲۰۱۸", "1395", ".", "8", "24", "سه", "ماهه",
]  # fmt: skip


@given(st.lists(st.sampled_from(_PIECES), max_size=14), st.sampled_from([" ", "", "  "]))
def test_offsets_are_exact_on_date_like_text(pieces: list[str], joint: str) -> None:
    text = joint.join(pieces)
    mentions = find_dates(text, published=PUBLISHED)
    for mention in mentions:
        assert text[mention.start : mention.end] == mention.text
        assert (
            mention.end_value is None
            or mention.value is None
            or (mention.end_value >= mention.value or mention.reason)
        )
    spans = [(m.start, m.end) for m in mentions]
    assert all(a[1] <= b[0] for a, b in pairwise(spans))


@pytest.mark.parametrize(
    ("text", "value", "end_value", "reason"),
    [
        ("۴۰ سال گذشته", "1981-11-23", "2021-11-23", None),  # the past forty years
        ("۳۶ ماه اخیر", "2018-11-23", "2021-11-23", None),
        ("دو هفته اخیر", "2021-11-09", "2021-11-23", None),
        ("یکی دو سال اخیر", "None", "None", "no exact count"),
        ("چندین سال گذشته", "None", "None", "no exact count"),
    ],
)
def test_the_past_n_units_is_a_range_up_to_publication(
    text: str, value: str, end_value: str, reason: str | None
) -> None:
    [hit] = find_dates(text, published=PUBLISHED)
    assert (hit.text, str(hit.value), str(hit.end_value), hit.reason) == (
        text,
        value,
        end_value,
        reason,
    )


@pytest.mark.parametrize("text", ["امام جمعه تهران گفت", "در نماز جمعه"])
def test_friday_prayer_is_not_a_friday(text: str) -> None:
    assert find_dates(text, published=PUBLISHED) == []


@pytest.mark.parametrize(
    ("text", "value", "end_value"),
    [
        ("نیمه‌ی دوم سال ۱۴۰۲", "2023-09-23", "2024-03-19"),
        ("نیمه ی دوم سال ۱۴۰۲", "2023-09-23", "2024-03-19"),
        ("سه ماهه‌ی نخست سال ۱۴۰۲", "2023-03-21", "2023-06-21"),
    ],
)
def test_a_part_of_a_period_with_its_ezafe(text: str, value: str, end_value: str) -> None:
    [hit] = find_dates(text, published=PUBLISHED)
    assert (hit.text, str(hit.value), str(hit.end_value)) == (text, value, end_value)


# -- what a rule needs (Rule.needs): a rule is skipped on a text without it --------------

#: a text for each branch of each rule
_BRANCHES: dict[str, list[str]] = {
    "ordinal_day": ["چهل و هفتمین روز سال", "بیست و یکمین روز فروردین"],
    "day_month": ["۱۵ و ۱۶ تیر ۱۴۰۲", "شنبه ۴ آبان", "۱۰ می", "از ۱۰ تا ۱۵ مهر"],
    "months": ["مهر - آبان ۱۳۹۹", "مهر، آبان و آذر", "مهرتا آبان"],
    "month_year": ["دی ۱۴۰۲", "می ۲۰۲۱", "ربیع الاول ۱۴۴۵", "می‌۲۰۲۱", "آبان ماه سال ۹۹"],
    "month": ["ماه مبارک رمضان", "آبان‌ماه امسال", "اواسط آذر", "ماه می"],
    "occasion": ["شب یلدا", "عید سعید فطر ۱۴۴۵", "سیزده به در", "روز طبیعت"],
    "event_year": ["جام جهانی ۲۰۱۸", "انتخابات ۹۶", "بازی‌های آسیایی ۲۰۱۸"],
    "numeric_date": ["1399/08/04", "۱۴۰۲-۰۷-۱۷", "1399.8.4"],
    "numeric_date_day_first": ["04/08/1399", "27\\3\\66"],
    "century": ["قرن ششم هجری", "سده بیستم"],
    "decade": ["دهه ۶۰", "دهه‌های ۶۰ و ۷۰"],
    "season": ["فصل زمستان", "بهار ۱۴۰۲", "زمستان گذشته"],
    "time": ["ساعت ۱۰ صبح", "۲۰:۳۵", "هفت و نیم صبح", "ده دقیقه به هشت", "یک ربع به هفت"],
    "match_minute": ["دقیقه ۹۰", "دقایق ۵، ۶۱ و ۸۹"],
    "counted": ["دو هفته پیش", "سه سال بعد", "چند شبانه‌روز گذشته", "یک سال و نیم قبل"],
    "relative_period": ["هفته گذشته", "همین ماه", "امسال"],
    "current_period": ["پایان سال", "نیمه دوم سال جاری", "اوایل هفته"],
    "vague": [
        "این روزها",
        "سال‌های اخیر",
        "اخیرا",
        "به تازگی",
        "چندی پیش",
        "همان روز",
        "آن زمان",
        "مهر همان سال",
        "در این روز",
        "سالروز",
        "هوای زمستانی",
        "روزهای دیگر",
        "ماهی دیگر",
        "دهه اول",
        "سال آخر",
    ],
    "set": [
        "هر ماه",
        "هر دو هفته",
        "ماهی دو بار",
        "هفته‌ای سه مرتبه",
        "یک روز در میان",
        "شب در میون",
        "صبح‌ها",
        "عصرها",
    ],
    "year": ["سال ۱۴۰۲", "از ۹۲ تا ۹۴", "سال هزار و سیصد"],
    "year_era": ["۱۳۹۹ ه.ش", "۵۰۰ قبل از میلاد"],
    "duration": ["یک سال و نیم", "سه ساعت", "نیم قرن"],
    "weekday": ["دوشنبه گذشته", "روز پنج‌شنبه", "جمعه آینده"],
    "relative_day": ["دیروز", "پس‌فردا", "شب گذشته", "امروز صبح"],
    "bare_weekday": ["سه‌شنبه", "جمعه", "پنج شنبه"],
    "day_part": ["بامداد", "بعد از ظهر", "نیمه‌شب"],
    "ordinal_period": ["شصت و چهارمین سال", "دومین سالگرد", "نخستین ماه", "سی ام دهه"],
}


def _rule(name: str) -> Rule:
    [rule] = [rule for rule in rules() if rule.name == name]
    return rule


def _matches(rule: Rule, norm: str, pattern: Pattern | None = None) -> list[object]:
    """What ``pattern`` (the rule's whole pattern) finds: spans, groups, the split's items."""
    pattern = pattern or rule.compiled
    return [
        (
            match.span(),
            {name: value for name, value in match.groupdict().items() if value is not None},
            match.captures(rule.split) if rule.split else None,
        )
        for match in pattern.finditer(norm)
    ]


def _scanned_as_whole(rule: Rule, norm: str) -> bool:
    """Whether the rule's scanner for ``norm`` finds what its whole pattern finds."""
    scanner = rule.scanner(norm)
    return (_matches(rule, norm, scanner) if scanner else []) == _matches(rule, norm)


def test_every_rule_has_needs_and_examples() -> None:
    assert {rule.name for rule in rules()} == set(_BRANCHES)
    for rule in rules():
        assert rule.needs or (rule.branches and all(needs for _, needs in rule.branches))


@pytest.mark.parametrize(
    ("name", "text"), [(name, text) for name, texts in _BRANCHES.items() for text in texts]
)
def test_a_rule_needs_what_its_matches_have(name: str, text: str) -> None:
    rule, norm = _rule(name), normalize(text).text
    assert rule.compiled.search(norm) is not None, "the example is one of the rule's"
    assert rule.applies(norm)
    assert _scanned_as_whole(rule, norm)


_RULE_WORDS = sorted(
    {word for texts in _BRANCHES.values() for text in texts for word in text.split()}
)


@given(
    st.lists(st.sampled_from([*_RULE_WORDS, *_PIECES]), max_size=8),
    st.sampled_from([" ", "", "\u200c", "، "]),
)
def test_a_rule_is_scanned_with_what_finds_its_matches(pieces: list[str], joint: str) -> None:
    norm = normalize(joint.join(pieces)).text
    assert [rule.name for rule in rules() if not _scanned_as_whole(rule, norm)] == []


def test_an_ordinal_ends_as_the_ordinal_cues_say() -> None:
    ordinals = [word for word, info in _number_words().items() if info.ordinal]
    assert len(ordinals) > 100
    assert all(word.endswith(_ORDINAL_ENDS) for word in ordinals)


@pytest.mark.parametrize(
    "words",
    [
        [name for names in (JALALI_MONTHS, HIJRI_MONTHS, HIJRI_VARIANTS) for name in names],
        list(DAY_PARTS),
        list(UNITS),
        list(PART_HEADS),
        ["شب", "نیمه‌شب", "ظهر", "بعد‌از‌ظهر", "بعد‌ظهر", "روز طبیعت"],
    ],
)
def test_keywords_cover_every_way_of_writing_a_half_space(words: list[str]) -> None:
    keys = keywords(words)
    assert len(keys) <= len(words)
    for word in words:
        for half_space in ("\u200c", " ", ""):
            written = word.replace("\u200c", half_space)
            assert any(key in written for key in keys), written


def test_digit_is_any_digit_and_a_rule_compiles_when_first_needed() -> None:
    rule = Rule("test", r"\d", lambda match, published: Found(None, calendar="relative"),
                needs=((DIGIT,),))  # fmt: skip
    assert not rule.applies("بدون رقم")
    assert rule._compiled is None
    assert all(rule.applies(f"x{digit}") for digit in "5۵٥५")
    assert rule.compiled.search("x5") is not None
    assert rule._compiled is not None


def test_a_cold_start_compiles_only_the_rules_a_text_needs() -> None:
    code = (
        "import persnews; from persnews._daterules import rules; "
        "persnews.find_dates('فردا', published='2021-11-23'); "
        "print(*sorted(r.name for r in rules() if r._compiled is not None))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["relative_day"]
