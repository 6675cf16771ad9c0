"""Odd input: no crash, exact offsets; publication dates that are accepted.

Bad input (wrong types, blank text, bad dates, malformed files, the command
line) is the table in test_bad_input.py."""

from __future__ import annotations

import datetime

import pytest

import persnews


@pytest.mark.parametrize(
    "text",
    [
        "سل\ud800ام",  # a lone surrogate
        "متن\x00با\x07کنترل",
        "\u202bمتن راست\u202c به چپ",
        "ZWJ\u200dدر\u200dمتن",
        "\ufeffبا BOM",
        "\u0651\u064e",  # diacritics with nothing to sit on
    ],
)
def test_odd_characters_do_not_crash_and_offsets_stay_exact(text: str) -> None:
    for token in persnews.tokenize(text):
        assert text[token.start : token.end] == token.text
    for sentence in persnews.sentences(text):
        assert text[sentence.start : sentence.end] == sentence.text


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2021-11-23", datetime.date(2021, 11, 23)),
        ("1400/09/02", datetime.date(2021, 11, 23)),
        ("1400-09-02", datetime.date(2021, 11, 23)),
        ("۱۴۰۰/۰۹/۰۲", datetime.date(2021, 11, 23)),
        (datetime.date(2021, 11, 23), datetime.date(2021, 11, 23)),
        (datetime.datetime(2021, 11, 23, 8, 30), datetime.date(2021, 11, 23)),
        (None, None),
    ],
)
def test_published_accepts_dates_and_strings(value: object, expected: object) -> None:
    assert persnews.analyze("متن", published=value).published == expected
