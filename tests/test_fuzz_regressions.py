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
    # «یکشنبه» (Sunday): the last Sunday before 0001-01-01 (a Monday)
    ("\u06cc\u06a9\u0634\u0646\u0628\u0647", datetime.date(1, 1, 1)),
    # «دیروز» (yesterday)
    ("\u062f\u06cc\u0631\u0648\u0632", datetime.date(1, 1, 1)),
    # «فردا» (tomorrow)
    ("\u0641\u0631\u062f\u0627", datetime.date(9999, 12, 31)),
    # «هفته آینده» (next week)
    ("\u0647\u0641\u062a\u0647 \u0622\u06cc\u0646\u062f\u0647", datetime.date(9999, 12, 31)),
    # «سه روز بعد» (three days later)
    ("\u0633\u0647 \u0631\u0648\u0632 \u0628\u0639\u062f", datetime.date(9999, 12, 31)),
]


@pytest.mark.parametrize(("text", "published"), OVERFLOWS)
def test_a_date_beyond_year_9999_has_no_value(text: str, published: datetime.date) -> None:
    [mention] = check_dates(text, published)
    assert mention.text == text
    assert mention.value is None
    assert mention.reason == "beyond the years 1..9999"
    check_article(text, published)


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
