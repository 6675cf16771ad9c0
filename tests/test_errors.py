"""Bad input: clear typed errors; odd input: no crash, exact offsets."""

from __future__ import annotations

import datetime

import pytest

import persnews
from persnews import InputTypeError, InvalidValueError, PersnewsError

FUNCTIONS = [persnews.normalize, persnews.tokenize, persnews.sentences, persnews.analyze]


@pytest.mark.parametrize("function", FUNCTIONS)
@pytest.mark.parametrize("value", [b"\xd8\xb3", None, 12, ["متن"], bytearray(b"x")])
def test_non_str_raises_a_type_error_naming_the_type(function, value) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(TypeError) as caught:
        function(value)
    assert isinstance(caught.value, InputTypeError)
    assert isinstance(caught.value, PersnewsError)
    assert type(value).__name__ in str(caught.value)


def test_bytes_error_says_how_to_decode() -> None:
    with pytest.raises(TypeError, match=r"decode it first"):
        persnews.tokenize(b"abc")  # type: ignore[arg-type]


@pytest.mark.parametrize("function", FUNCTIONS[1:3])
@pytest.mark.parametrize("text", ["", " ", "\n\n\t ", "\u200c", "\u200f\u200e"])
def test_empty_or_blank_text_gives_empty_results(function, text: str) -> None:  # type: ignore[no-untyped-def]
    assert function(text) == []


def test_blank_article() -> None:
    article = persnews.analyze("  \n")
    assert article.sentences == ()
    assert article.tokens == ()


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


@pytest.mark.parametrize(
    "value", ["2021-13-01", "1402/13/01", "1402/12/30", "yesterday", "2021/11/23", "21-11-23"]
)
def test_bad_published_raises_a_value_error_before_any_work(value: str) -> None:
    with pytest.raises(ValueError, match="invalid published") as caught:
        persnews.analyze("متن", published=value)
    assert isinstance(caught.value, InvalidValueError)
    assert caught.value.field == "published"
    assert caught.value.value == value


def test_published_of_the_wrong_type() -> None:
    with pytest.raises(TypeError, match="published must be"):
        persnews.analyze("متن", published=20211123)
