"""Dates in running text (persnews.dates): a first set of rules."""

from __future__ import annotations

import datetime
from itertools import pairwise
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from strategies import any_text, persian_text

import persnews
from persnews import DateMention, find_dates, normalize

PUBLISHED = datetime.date(2021, 11, 23)  # a Tuesday; 2 Azar 1400


@pytest.mark.parametrize(
    ("text", "mention", "value", "rule"),
    [
        ("در چهارم آبان ۱۳۹۹ رفت", "چهارم آبان ۱۳۹۹", "2020-10-25", "jalali_day_month_year"),
        ("در ۴ آبان ۱۳۹۹ رفت", "۴ آبان ۱۳۹۹", "2020-10-25", "jalali_day_month_year"),
        ("چهارم آبان‌ماه سال ۱۳۹۹", "چهارم آبان‌ماه سال ۱۳۹۹", "2020-10-25", "jalali_day_month_year"),
        ("روز یکشنبه ۱۲ تیر ۱۴۰۱", "روز یکشنبه ۱۲ تیر ۱۴۰۱", "2022-07-03", "jalali_day_month_year"),
        ("بیست و یکم اسفند ۱۴۰۲", "بیست و یکم اسفند ۱۴۰۲", "2024-03-11", "jalali_day_month_year"),
        ("۱۰ امرداد ۱۴۰۰", "۱۰ امرداد ۱۴۰۰", "2021-08-01", "jalali_day_month_year"),
        ("در آبان ۹۹ بود", "آبان ۹۹", "2020-10-22", "jalali_month_year"),
        ("اسفند سال 94", "اسفند سال 94", "2016-02-20", "jalali_month_year"),
        ("در ماه سپتامبر", "ماه سپتامبر", "2021-09-01", "gregorian_month"),
        ("سال 95", "سال 95", "2016-03-20", "year"),
        ("27/3/66", "27/3/66", "1987-06-17", "numeric_date"),  # read day first: 27 > 12, 66 > 31
        ("25/12/2020", "25/12/2020", "2020-12-25", "numeric_date_day_first"),
        ("سال گذشته", "سال گذشته", "2020-03-20", "relative_period"),
        ("امسال", "امسال", "2021-03-21", "relative_period"),
        ("سال جاری", "سال جاری", "2021-03-21", "relative_period"),
        ("ماه گذشته", "ماه گذشته", "2021-10-23", "relative_period"),  # 1 Aban 1400
        ("هفته آینده", "هفته آینده", "2021-11-27", "relative_period"),
        ("این هفته", "این هفته", "2021-11-20", "relative_period"),
        ("سه روز پیش", "سه روز پیش", "2021-11-20", "counted"),
        ("۴۴ روز بعد", "۴۴ روز بعد", "2022-01-06", "counted"),
        ("دو هفته قبل", "دو هفته قبل", "2021-11-09", "counted"),
        ("چهارشنبه اعلام شد", "چهارشنبه", "2021-11-17", "bare_weekday"),
        ("در ۴ آبان گفت", "۴ آبان", "2020-10-25", "jalali_day_month"),
        ("دی ۱۴۰۲", "دی ۱۴۰۲", "2023-12-22", "jalali_month_year"),
        ("۹ نوامبر ۲۰۲۰", "۹ نوامبر ۲۰۲۰", "2020-11-09", "gregorian_day_month_year"),
        ("۱۱ ژانویه 2021", "۱۱ ژانویه 2021", "2021-01-11", "gregorian_day_month_year"),
        ("ژانویه ۲۰۲۱", "ژانویه ۲۰۲۱", "2021-01-01", "gregorian_month_year"),
        ("اول مارس", "اول مارس", "2022-03-01", "gregorian_day_month"),  # the nearest
        ("۲۰ صفر ۱۴۴۵", "۲۰ صفر ۱۴۴۵", "2023-09-06", "hijri_day_month_year"),
        ("۱۲ ربیع الاول ۱۴۴۲", "۱۲ ربیع الاول ۱۴۴۲", "2020-10-29", "hijri_day_month_year"),
        ("۱۳۹۹/۰۸/۰۴", "۱۳۹۹/۰۸/۰۴", "2020-10-25", "numeric_date"),
        ("۹۹/۸/۴", "۹۹/۸/۴", "2020-10-25", "numeric_date"),
        ("1399-08-04", "1399-08-04", "2020-10-25", "numeric_date"),
        ("2020-11-09", "2020-11-09", "2020-11-09", "numeric_date"),
        ("در سال ۱۳۹۹", "سال ۱۳۹۹", "2020-03-20", "year"),
        ("سال ۲۰۲۶", "سال ۲۰۲۶", "2026-01-01", "year"),
        ("۲۰۲۰ میلادی", "۲۰۲۰ میلادی", "2020-01-01", "year_era"),
        ("۱۴۴۲ ه.ق.", "۱۴۴۲ ه.ق.", "2020-08-21", "year_era"),  # Iran began 1442 a day late
        ("دیروز گفت", "دیروز", "2021-11-22", "relative_day"),
        ("پس‌فردا", "پس‌فردا", "2021-11-25", "relative_day"),
        ("روز دوشنبه گفت", "روز دوشنبه", "2021-11-22", "weekday"),
        ("روز سه‌شنبه گفت", "روز سه‌شنبه", "2021-11-23", "weekday"),
        ("چهارشنبه گذشته", "چهارشنبه گذشته", "2021-11-17", "weekday"),
        ("دوشنبه آینده", "دوشنبه آینده", "2021-11-29", "weekday"),
        ("روز پنجشنبه برگزار خواهد شد", "روز پنجشنبه", "2021-11-25", "weekday"),
    ],
)
def test_rules(text: str, mention: str, value: str | None, rule: str | None) -> None:
    published = datetime.date(2020, 11, 1) if "۴ آبان گفت" in text else PUBLISHED
    found = find_dates(text, published=published)
    if rule is None:
        assert mention not in [m.text for m in found]
        return
    [hit] = [m for m in found if m.text == mention]
    assert str(hit.value) == value
    assert hit.rule == rule
    assert text[hit.start : hit.end] == hit.text


@pytest.mark.parametrize(
    "text",
    [
        "می‌رود و می‌گوید",
        "هوا مه آلود است",
        "دی جی معروف",
        "بهار نارنج",
        "در ۱۳۹۹ نفر",
        "شماره ۰۹۱۲۱۲۳۴۵۶۷",
        "قیمت ۱۲۰۰ تومان",
        "نسخه ۳.۱.۴",
        "کتاب ها",
        "مراسم چهارشنبه‌سوری",
        "۰۵/۰۶/۲۰۲۰",  # day and month could be either way: found, but no value
    ],
)
def test_never_a_date(text: str) -> None:
    assert [m.value for m in find_dates(text, published=PUBLISHED)] in ([], [None])


@pytest.mark.parametrize(
    ("text", "mention", "time"),
    [
        ("ساعت ۱۹ رسید", "ساعت ۱۹", "19:00:00"),
        ("ساعت ۱۰ صبح", "ساعت ۱۰ صبح", "10:00:00"),
        ("ساعت ۴ عصر", "ساعت ۴ عصر", "16:00:00"),
        ("در ۲۰:۳۵ رسید", "۲۰:۳۵", "20:35:00"),
        ("ساعت 23:45", "ساعت 23:45", "23:45:00"),
    ],
)
def test_times(text: str, mention: str, time: str) -> None:
    [hit] = find_dates(text, published=PUBLISHED)
    assert (hit.text, hit.kind, str(hit.time)) == (mention, "time", time)


def test_relative_without_published_is_found_without_value() -> None:
    [hit] = find_dates("دیروز گفت")
    assert hit.value is None
    assert hit.reason == "no publication date"


def test_impossible_and_mismatched_dates_are_reported() -> None:
    [impossible] = find_dates("۳۱ اسفند ۱۴۰۲")
    assert impossible.value is None
    assert impossible.reason is not None
    assert "29" in impossible.reason
    [mismatch] = find_dates("دوشنبه ۱۲ تیر ۱۴۰۱")  # 12 Tir 1401 was a Sunday
    assert mismatch.value == datetime.date(2022, 7, 3)
    assert mismatch.reason is not None
    assert "یکشنبه" in mismatch.reason


def test_published_forms_and_errors() -> None:
    from persnews import JalaliDate

    for published in (PUBLISHED, "2021-11-23", "1400/09/02", JalaliDate(1400, 9, 2)):
        [hit] = find_dates("دیروز", published=published)
        assert hit.value == datetime.date(2021, 11, 22)
    with pytest.raises(ValueError, match="published"):
        find_dates("دیروز", published="yesterday")
    with pytest.raises(TypeError):
        find_dates(b"\xd8\xb3")  # type: ignore[arg-type]
    assert find_dates("") == []
    assert find_dates("   \n") == []


def test_mention_json_round_trip() -> None:
    [hit] = find_dates("چهارم آبان ۱۳۹۹")
    data = hit.to_dict()
    assert data["value"] == "2020-10-25"
    assert data["jalali"] == "1399-08-04"
    assert DateMention.from_dict(data) == hit


def test_normalized_text_is_reused() -> None:
    doc = normalize("در ۴ آبان ۱۳۹۹")
    assert find_dates(doc) == find_dates("در ۴ آبان ۱۳۹۹")


def test_seed_article_absolute_and_weekday_dates(seed: tuple[str, dict[str, Any]]) -> None:
    text, expected = seed
    found = {m.text: m for m in find_dates(text, published=expected["published"])}
    for date in expected["dates"]:
        assert date["text"] in found, date["text"]
        assert str(found[date["text"]].value) == date["value"], date["text"]


@given(st.one_of(any_text, persian_text))
def test_offsets_are_exact_on_any_text(text: str) -> None:
    mentions = find_dates(text, published=PUBLISHED)
    for mention in mentions:
        assert text[mention.start : mention.end] == mention.text
    spans = [(m.start, m.end) for m in mentions]
    assert spans == sorted(spans)
    assert all(a[1] <= b[0] for a, b in pairwise(spans))


def test_analyze_reports_dates_and_numbers_with_a_json_round_trip() -> None:
    import json

    from persnews import Article, analyze

    text = "روز دوشنبه ۱۷ مهر ۱۴۰۲ و دیروز، ۴۷٫۵ درصد رأی آورد."
    article = analyze(text, published="1402/07/18")
    assert [(d.text, str(d.value)) for d in article.dates] == [
        ("روز دوشنبه ۱۷ مهر ۱۴۰۲", "2023-10-09"),
        ("دیروز", "2023-10-09"),
    ]
    # «۱۷» and «۱۴۰۲» belong to the date; the percentage stands alone
    assert [(n.text, n.kind) for n in article.numbers] == [("۴۷٫۵ درصد", "percent")]
    for mention in (*article.dates, *article.numbers):
        assert text[mention.start : mention.end] == mention.text
    assert Article.from_dict(json.loads(article.to_json())) == article


@pytest.mark.parametrize("text", ["در سال ۵۰۰ میلادی ساخته شد.", "در قرن سوم میلادی"])
def test_a_date_before_the_jalali_era_has_no_jalali_value(text: str) -> None:
    """Found by running the news corpus through Dask: to_dict() raised."""
    article = persnews.analyze(text)
    (date,) = article.dates
    assert date.value is not None
    assert date.value.year < 622
    assert date.jalali is None
    assert article.to_dict()["dates"][0]["jalali"] is None


@pytest.mark.parametrize(
    ("text", "published", "mention", "value", "end"),
    [
        # a relative year or month said to be Gregorian is counted on that calendar
        ("در سال جاری میلادی", "2020-02-01", "سال جاری میلادی", "2020-01-01", "2020-12-31"),
        ("در سال گذشته (میلادی)", "2020-02-01", "سال گذشته (میلادی)", "2019-01-01", "2019-12-31"),
        ("ماه گذشته میلادی", "2020-03-25", "ماه گذشته میلادی", "2020-02-01", "2020-02-29"),
        (
            "اواخر سال گذشته میلادی",
            "2020-02-01",
            "اواخر سال گذشته میلادی",
            "2019-09-01",
            "2019-12-31",
        ),
        # ... and a Jalali one as before
        ("سال جاری شمسی", "2020-02-01", "سال جاری شمسی", "2019-03-21", "2020-03-19"),
        ("سال گذشته", "2020-02-01", "سال گذشته", "2018-03-21", "2019-03-20"),
    ],
)
def test_a_relative_period_on_the_calendar_it_names(
    text: str, published: str, mention: str, value: str, end: str
) -> None:
    (found,) = find_dates(text, published=published)
    assert (found.text, str(found.value), str(found.end_value)) == (mention, value, end)
    assert found.calendar == "relative"


@pytest.mark.parametrize(
    ("text", "mention", "kind", "value", "end"),
    [
        # «پیش رو»: ahead, not ago
        ("در چهار سال پیش رو دیدیم", "چهار سال پیش رو", "range", "2021-11-23", "2025-11-23"),
        ("در هفته پیش رو", "هفته پیش رو", "date", "2021-11-27", "2021-12-03"),
        ("در سال پیش روی", "سال پیش روی", "date", "2022-03-21", "2023-03-20"),
        # «پیش» then a word that begins with «رو»: ago, as before
        ("سه سال پیش روزنامه نوشت", "سه سال پیش", "date", "2018-03-21", "2019-03-20"),
        ("هفته پیش", "هفته پیش", "date", "2021-11-13", "2021-11-19"),
    ],
)
def test_ahead_is_not_ago(text: str, mention: str, kind: str, value: str, end: str) -> None:
    (found,) = find_dates(text, published=PUBLISHED)
    assert (found.text, found.kind, str(found.value), str(found.end_value)) == (
        mention,
        kind,
        value,
        end,
    )


@pytest.mark.parametrize(
    ("text", "mention", "value", "mismatch"),
    [
        ("در روز سه شنبه (۲ آذر ۱۴۰۰) گفت", "روز سه شنبه (۲ آذر ۱۴۰۰)", "2021-11-23", False),
        ("۲ آذر ۱۴۰۰ (سه‌شنبه) گفت", "۲ آذر ۱۴۰۰ (سه‌شنبه)", "2021-11-23", False),
        ("امروز (سه‌شنبه) گفت", "امروز (سه‌شنبه)", "2021-11-23", False),
        # «دیروز» is a Monday; the Saturday said with it is two days before: that day
        ("روز شنبه( دیروز ) گفت", "روز شنبه( دیروز )", "2021-11-20", True),
        # the written date wins over the weekday, and the disagreement is reported
        ("روز سه شنبه (۱ آذر ۱۴۰۰) گفت", "روز سه شنبه (۱ آذر ۱۴۰۰)", "2021-11-22", True),
    ],
)
def test_a_day_said_again_in_brackets_is_one_mention(
    text: str, mention: str, value: str, mismatch: bool
) -> None:
    (found,) = find_dates(text, published=PUBLISHED)
    assert (found.text, str(found.value)) == (mention, value)
    assert (found.reason is not None) is mismatch
    assert text[found.start : found.end] == found.text


def test_brackets_that_do_not_close_or_hold_no_day_keep_two_mentions() -> None:
    assert [m.text for m in find_dates("روز سه شنبه (۲ آذر ۱۴۰۰ گفت", published=PUBLISHED)] == [
        "روز سه شنبه",
        "۲ آذر ۱۴۰۰",
    ]
    assert [m.text for m in find_dates("روز سه شنبه (ساعت ۱۰) گفت", published=PUBLISHED)] == [
        "روز سه شنبه",
        "ساعت ۱۰",
    ]


@pytest.mark.parametrize(
    ("text", "value", "moved"),
    [
        ("امروز سه‌شنبه گفت", "2021-11-23", False),  # the publication date's weekday
        ("امروز دوشنبه گفت", "2021-11-22", True),  # written the day before it came out
        ("امروز یکشنبه گفت", "2021-11-21", True),  # two days before
        ("امروزچهارشنبه گفت", "2021-11-24", True),  # a day after (a time in UTC)
        ("دیروز یکشنبه گفت", "2021-11-21", True),  # «دیروز» is a Monday: one day off
        ("امروز پنجشنبه گفت", "2021-11-23", False),  # two days after: not moved, reported
    ],
)
def test_a_relative_day_said_with_another_weekday(text: str, value: str, moved: bool) -> None:
    """The weekday is what the writer wrote; «امروز» is the day the article came out:
    within two days before it and one after, the weekday names the day."""
    (found,) = find_dates(text, published=PUBLISHED)
    assert str(found.value) == value
    if value == "2021-11-23" and not moved and "سه‌شنبه" in text:
        assert found.reason is None
    else:
        assert found.reason is not None
        assert ("read as the nearest" in found.reason) is moved


@pytest.mark.parametrize(
    ("text", "mention", "kind", "value"),
    [
        # counted from an event the text names, not from publication: a duration
        ("چهل و یک سال بعد از انقلاب", "چهل و یک سال", "duration", None),
        ("دو روز قبل از انتخابات", "دو روز", "duration", None),
        ("یک هفته پیش از آغاز مسابقات", "یک هفته", "duration", None),
        ("در ماه قبل از آن", None, None, None),
        # «از سوی», «از نظر» … begin what follows: still counted from publication
        ("دو روز قبل از سوی باشگاه اعلام شد", "دو روز قبل", "date", "2021-11-21"),
        ("مدت مشابه سال قبل از نظر وزنی", "سال قبل", "date", "2020-03-20"),
        ("دو روز قبل اعلام شد", "دو روز قبل", "date", "2021-11-21"),
    ],
)
def test_counted_from_an_event_is_not_counted_from_publication(
    text: str, mention: str | None, kind: str | None, value: str | None
) -> None:
    found = [m for m in find_dates(text, published=PUBLISHED) if m.kind != "time"]
    if mention is None:
        assert found == []
        return
    (date,) = found
    assert (date.text, date.kind) == (mention, kind)
    assert (None if date.value is None else str(date.value)) == value


@pytest.mark.parametrize(
    ("text", "mention", "duration", "value", "end"),
    [
        # a half before the unit: «شش و نیم سال»
        ("شش و نیم سال", "شش و نیم سال", "P6Y6M", None, None),
        ("یک و نیم ساعت", "یک و نیم ساعت", "PT1H30M", None, None),
        ("در شش و نیم سال گذشته", "شش و نیم سال گذشته", None, "2015-05-25", "2021-11-23"),
        # the era between the unit and its word: «سال میلادی گذشته»
        ("اواخر سال میلادی گذشته", "اواخر سال میلادی گذشته", None, "2020-09-01", "2020-12-31"),
    ],
)
def test_half_before_the_unit_and_era_before_the_word(
    text: str, mention: str, duration: str | None, value: str | None, end: str | None
) -> None:
    (found,) = find_dates(text, published=PUBLISHED)
    assert (found.text, found.duration) == (mention, duration)
    assert (None if found.value is None else str(found.value)) == value
    assert (None if found.end_value is None else str(found.end_value)) == end


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # the first verb after the weekday is in the present: what is to come
        ("جلسه روز شنبه برگزار می‌شود", "2021-11-27"),
        ("اولین نفت‌کش روز یکشنبه به ساحل ونزوئلا می‌رسد", "2021-11-28"),
        ("روز سه شنبه آن را در صحن مطرح می‌کنیم", "2021-11-23"),
        # ... in the past, or not a present verb: what happened (the nearest day not after)
        ("جلسه روز شنبه برگزار شد", "2021-11-20"),
        ("او روز شنبه به تهران می‌رفت", "2021-11-20"),  # «می» + a past stem
        # a verb of saying reports what was said that day; a relative clause's verb and
        # a verb more than twelve words on say nothing of the day
        ("وی روز شنبه می‌گوید جلسه برگزار شد", "2021-11-20"),
        ("آنها روز شنبه می‌گویند جلسه برگزار شد", "2021-11-20"),  # «گوی», a stem of گفت too
        ("وزیر روز شنبه اعلام می‌کند", "2021-11-20"),
        ("پمپئو روز شنبه به خبرنگارانی که او را همراهی می‌کنند گفت", "2021-11-20"),
        (
            "زلزله روز دوشنبه بالکان را لرزاند و یکی از قدرتمندترین زلزله‌ها در دهه‌های اخیر"
            " به شمار می‌آید",
            "2021-11-22",
        ),
    ],
)
def test_a_bare_weekday_takes_the_tense_of_its_verb(text: str, value: str) -> None:
    (found,) = find_dates(text, published=PUBLISHED)
    assert str(found.value) == value
