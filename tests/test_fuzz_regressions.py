"""Inputs the fuzzer (scripts/fuzz.py) found to break persnews, kept as regression tests.

Each case says what broke.  ``check_dates`` and ``check_article`` are the
fuzzer's own checks: no error other than a PersnewsError, every span's slice is
its text, and the JSON round trip gives the same records back.
"""

from __future__ import annotations

import datetime
import json
from typing import Any

import pytest
from conftest import script

import persnews
from persnews import Article, DateMention, PersnewsError

PUBLISHED = datetime.date(2021, 11, 23)


def _same(text: str, mention: Any) -> None:
    assert 0 <= mention.start <= mention.end <= len(text)
    assert text[mention.start : mention.end] == mention.text


def check_dates(text: str, published: object) -> list[DateMention]:
    try:
        mentions = persnews.find_dates(text, published=published)
    except PersnewsError:
        return []
    for mention in mentions:
        _same(text, mention)
        assert DateMention.from_dict(json.loads(json.dumps(mention.to_dict()))) == mention
    return mentions


def check_article(text: str, published: object) -> Article | None:
    try:
        article = persnews.analyze(text, published=published)
    except PersnewsError:
        return None
    for sentence in article.sentences:
        _same(text, sentence)
        for token in sentence.tokens:
            _same(text, token)
    for mention in (*article.dates, *article.numbers, *article.entities, *article.titles):
        _same(text, mention)
    for quote in article.quotes:
        _same(text, quote.content)
    for meeting in article.meetings:
        if meeting.date is not None:
            _same(text, meeting.date)
    assert Article.from_dict(json.loads(article.to_json())) == article
    return article


# A count too large for the publication date: ``published - timedelta`` (or
# ``+``) left datetime.date's years 1..9999 and raised OverflowError out of the
# rule's resolver (_daterules._counted, _weekday, _relative_day, _period_from).
# The fuzzer found «یکشنبه» with published = date(1, 1, 1) at once (minimized:
# «شنبه», «فردا» with date(9999, 12, 31)); reading the resolvers gave the first
# case, which fails with an everyday publication date.  Now the mention is kept,
# with value None and a reason (dates._resolved).
OVERFLOWS = [
    # «۹۰۰۰ سال گذشته» (the last 9000 years): published - 9000 years
    ("\u06f9\u06f0\u06f0\u06f0 \u0633\u0627\u0644 \u06af\u0630\u0634\u062a\u0647", PUBLISHED),
    # «۹۰۰۰ سال بعد» (9000 years later): published + 9000 years
    ("\u06f9\u06f0\u06f0\u06f0 \u0633\u0627\u0644 \u0628\u0639\u062f", PUBLISHED),
]


@pytest.mark.parametrize(("text", "published"), OVERFLOWS)
def test_a_date_beyond_year_9999_has_no_value(text: str, published: datetime.date) -> None:
    [mention] = check_dates(text, published)
    assert mention.text == text
    assert mention.value is None
    assert "year" in mention.reason  # type: ignore[operator]
    check_article(text, published)


# The other inputs the fuzzer found had publication dates at datetime's ends;
# such a date (outside the Jalali years 1..3000) is now refused before any work,
# whatever the text: before, «۴ آبان» raised UnsupportedDateError with it and
# «فردا» did not, depending on the rule.
EXTREMES = [
    ("\u06cc\u06a9\u0634\u0646\u0628\u0647", datetime.date(1, 1, 1)),  # «یکشنبه»
    ("\u062f\u06cc\u0631\u0648\u0632", datetime.date(1, 1, 1)),  # «دیروز»
    ("\u0641\u0631\u062f\u0627", datetime.date(9999, 12, 31)),  # «فردا»
    ("\u06f4 \u0622\u0628\u0627\u0646", datetime.date(9999, 12, 31)),  # «۴ آبان»
    ("", datetime.date(9999, 12, 31)),
]


@pytest.mark.parametrize(("text", "published"), EXTREMES)
def test_a_publication_date_outside_the_calendar_is_refused(
    text: str, published: datetime.date
) -> None:
    for function in (persnews.find_dates, persnews.analyze, persnews.find_relations):
        with pytest.raises(ValueError, match=r"Jalali years 1\.\.3000") as caught:
            function(text, published=published)
        assert isinstance(caught.value, persnews.UnsupportedDateError)
        assert caught.value.field == "published"


def test_the_fuzz_harness_passes_its_seeds() -> None:
    """scripts/fuzz.py decodes its seed inputs back to the seed texts, and its
    find_dates check passes on them (a PersnewsError is allowed): the harness
    itself does not rot."""
    pytest.importorskip("atheris")
    fuzz = script("fuzz")
    decoder = fuzz.Decoder()
    for index, text in enumerate(fuzz.seed_texts("find_dates")):
        published = index % len(decoder.published)
        assert decoder(decoder.encode(text, published)) == (text, decoder.published[published])
        fuzz.check_dates(text, decoder.published[published])  # raises on a failure


# A Hijri day and month without a year is read in the Hijri year of publication;
# the Hijri tables cover 1785..2270 CE, so with a publication date past them (the
# Jalali calendar goes on to 3621) find_dates raised UnsupportedDateError for
# «۶ ربیع ثانی» part-way. Found by fuzzing with the calendar's last day.
@pytest.mark.parametrize(
    "text",
    [
        "\u06f6 \u0631\u0628\u06cc\u0639 \u062b\u0627\u0646\u06cc",  # «۶ ربیع ثانی»
        # «ماه مبارک رمضان»
        "\u0645\u0627\u0647 \u0645\u0628\u0627\u0631\u06a9 \u0631\u0645\u0636\u0627\u0646",
        "\u0639\u06cc\u062f \u0641\u0637\u0631",  # «عید فطر»
    ],
)
def test_a_hijri_date_past_the_tables_has_no_value(text: str) -> None:
    last = persnews.JalaliDate(3000, 12, 29)
    mentions = persnews.find_dates(text, published=last)  # no PersnewsError either
    assert mentions
    for mention in mentions:
        assert mention.value is None
        assert mention.reason
    persnews.analyze(text, published=last)


def test_a_period_before_the_first_jalali_year_has_no_value() -> None:
    """«ماه اخیر» (the last month) published on 1 Farvardin 1 ends in Jalali year 0:
    find_dates raised UnsupportedDateError part-way. Found by fuzzing."""
    text = "\u06f3\u06f6!\u0645\u0627\u0647 \u0627\u062e\u06cc\u0631"  # «۳۶!ماه اخیر»
    first = persnews.JalaliDate(1, 1, 1)
    [mention] = persnews.find_dates(text, published=first)
    assert (mention.text, mention.value) == (text[3:], None)
    assert "year 0" in mention.reason  # type: ignore[operator]
    persnews.analyze(text, published=first).to_json()


def test_no_entity_runs_across_a_sentence_end() -> None:
    """«ʹ.0» found again after a sentence end («ʹ.» ends one, «0» starts the next):
    the repeated name straddled the sentences, and to_conll wrote an I- tag first
    in a sentence, which from_conll refuses. Found by the export property on a
    fresh clone (hypothesis)."""
    text = "\u00ab\u02b9.0\u00bb\u02b9.0"
    article = persnews.analyze(text, published="2023-10-09")
    bounds = {s.start for s in article.sentences[1:]}
    for entity in (*article.entities, *article.titles):
        assert not any(entity.start < b < entity.end for b in bounds)
    conll = persnews.to_conll(article, include=("entities", "titles"))
    back = persnews.from_conll(conll, text=text)
    assert [(e.start, e.end) for e in back.entities] == [(e.start, e.end) for e in article.entities]


# regex's Unicode tables are newer than Python's: regex reads U+1E4F0 (NAG MUNDARI
# DIGIT ZERO, Unicode 15) as a digit, str.isdigit() does not, so find_numbers took
# the digit token for a number word and raised KeyError. Found by the analyze-span
# property (hypothesis). A digit token is now whatever is not a number word, and one
# Python cannot read is not a number.
NEWER_DIGITS = [
    "\U0001e4f0",
    "\U0001e4f0\U0001e4f1",
    "۱۲ \U00010d40\U00010d41 سه",
    "\U00010d40٫\U00010d41 درصد",
]


@pytest.mark.parametrize("text", NEWER_DIGITS)
def test_digits_newer_than_python_are_no_number(text: str) -> None:
    numbers = persnews.find_numbers(text)
    assert all(mention.text in {"۱۲", "سه"} for mention in numbers)
    check_article(text, PUBLISHED)
