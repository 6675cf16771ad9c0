"""Tests for persnews.numbers: parse_number, find_numbers and the units table."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from strategies import examples, texts

import persnews
from persnews import _data, normalize
from persnews._datetext import fold
from persnews.errors import InputTypeError, InvalidValueError
from persnews.model import NumberMention
from persnews.numbers import find_numbers, parse_number

# ---------------------------------------------------------------- parse_number

PARSED = [
    ("پنج", 5),
    ("صفر", 0),
    ("بیست و سه هزار", 23000),
    ("یکصد و بیست و پنج", 125),
    ("یک‌صد و بیست و پنج", 125),
    ("یک صد", 100),
    ("صد و بیست و پنجم", 125),
    ("چهارم", 4),
    ("سوم", 3),
    ("سی و یکم", 31),
    ("سی‌ام", 30),
    ("سی ام", 30),
    ("دوازده‌ام", 12),
    ("اول", 1),
    ("نخست", 1),
    ("اولین", 1),
    ("نخستین", 1),
    ("دومین", 2),
    ("بیست و پنجمین", 25),
    ("سی‌امین", 30),
    ("دو میلیون و پانصد هزار", 2_500_000),
    ("یک و نیم", 1.5),
    ("دو و نیم میلیون", 2_500_000),
    ("سه میلیارد", 3_000_000_000),
    ("۱۲۳", 123),
    ("١٢٣", 123),
    ("123", 123),
    ("۱٬۲۳۴٬۵۶۷", 1_234_567),
    ("1,234,567", 1_234_567),
    ("۴۷٫۵", 47.5),
    ("47.5", 47.5),
    ("۲ میلیارد", 2_000_000_000),
    ("۱٫۵ میلیون", 1_500_000),
    ("۱/۵ میلیون", 1_500_000),
    ("۲ میلیارد و ۵۰۰ میلیون", 2_500_000_000),
    ("سی‌ویک", 31),
    ("بیست‌و‌سه", 23),
    ("بیست وسه", 23),
    ("سي و يك", 31),
    ("هیجده", 18),
    ("هجده", 18),
    ("پونزده", 15),
    ("دویست", 200),
    ("سیصد", 300),
    ("چهارصد", 400),
    ("پانصد", 500),
    ("ششصد", 600),
    ("هفتصد", 700),
    ("هشتصد", 800),
    ("نهصد", 900),
    ("هزار", 1000),
    ("میلیون", 1_000_000),
    ("بیلیون", 10**9),
    ("تریلیون", 10**12),
    ("هزار و سیصد و نود و نه", 1399),
    ("هزار میلیارد", 10**12),
    ("یک میلیون و هزار", 1_001_000),
    ("چهارصد و هفتاد و نه میلیون و هزار", 479_001_000),
    ("سه هزار و پانصد میلیارد", 3_500 * 10**9),
    ("  نود و نه  ", 99),
    ("۲۵ام", 25),
    ("۲۵مین", 25),
]


@pytest.mark.parametrize(("text", "value"), PARSED)
def test_parse_number(text: str, value: float) -> None:
    result = parse_number(text)
    assert result == value
    assert type(result) is type(value)


NOT_NUMBERS = [
    "ده‌ها",
    "ده ها",
    "صدها",
    "هزاران",
    "یکی",
    "",
    "   ",
    "نیم",
    "پنج و شش",
    "هزار سیصد",
    "صفر و یک",
    "سه و بیست",
    "دو میلیون و سه میلیون",
    "بیست و اول",
    "۴۷/۵",
    "۱۴۰۲/۰۷/۱۵",
    "۳.۱.۴",
    "۱۲:۳۰",
    "۰۹۱۲۱۲۳۴۵۶۷",
    "۱,۵",
    "کتاب",
    "پنج کتاب",
]


@pytest.mark.parametrize("text", NOT_NUMBERS)
def test_parse_number_rejects(text: str) -> None:
    with pytest.raises(InvalidValueError) as caught:
        parse_number(text)
    assert caught.value.field == "text"
    assert caught.value.value == text


@pytest.mark.parametrize("value", [5, None, b"\xd9\xbe"])
def test_parse_number_type(value: Any) -> None:
    with pytest.raises(InputTypeError):
        parse_number(value)


# ---------------------------------------------------------------- find_numbers

# (text, [(surface, value, kind, unit, currency, base_value)])
FOUND: list[tuple[str, list[tuple[str, float, str, str | None, str | None, float | None]]]] = [
    ("تورم ۴۷٫۵ درصد شد", [("۴۷٫۵ درصد", 47.5, "percent", "درصد", None, None)]),
    ("تورم 47.5 درصد شد", [("47.5 درصد", 47.5, "percent", "درصد", None, None)]),
    ("رشد ۵۰٪ بود", [("۵۰٪", 50, "percent", "درصد", None, None)]),
    ("رشد 50% بود", [("50%", 50, "percent", "درصد", None, None)]),
    ("افزایش ۵۰ درصدی", [("۵۰ درصدی", 50, "percent", "درصد", None, None)]),
    ("نرخ ۴۷/۵ درصد", [("۴۷/۵ درصد", 47.5, "percent", "درصد", None, None)]),
    ("صادرات ۲ میلیارد دلار", [("۲ میلیارد دلار", 2 * 10**9, "money", "دلار", "USD", 2 * 10**9)]),
    ("قیمت ۱۰۰ هزار تومان", [("۱۰۰ هزار تومان", 100_000, "money", "تومان", "IRR", 1_000_000)]),
    ("قیمت ۴۵۵ هزار ریال", [("۴۵۵ هزار ریال", 455_000, "money", "ریال", "IRR", 455_000)]),
    ("هزار میلیارد تومان", [("هزار میلیارد تومان", 10**12, "money", "تومان", "IRR", 10**13)]),
    ("۳ ریال عمان", [("۳ ریال عمان", 3, "money", "ریال عمان", "OMR", 3)]),
    ("۵ یورو", [("۵ یورو", 5, "money", "یورو", "EUR", 5)]),
    ("پنج کیلومتر راه", [("پنج کیلومتر", 5, "quantity", "کیلومتر", None, None)]),
    ("۱۰۵ میلیون لیتر", [("۱۰۵ میلیون لیتر", 105_000_000, "quantity", "لیتر", None, None)]),
    ("۵ متر مربع", [("۵ متر مربع", 5, "quantity", "متر مربع", None, None)]),
    ("دمای ۴۰ درجه سانتی‌گراد", [("۴۰ درجه سانتی‌گراد", 40, "quantity", "درجه سلسیوس", None, None)]),
    ("۲ کیلو گوشت", [("۲ کیلو", 2, "quantity", "کیلوگرم", None, None)]),
    ("بیست و سه هزار نفر", [("بیست و سه هزار", 23000, "cardinal", None, None, None)]),
    ("سال ۱۳۹۹ بود", [("۱۳۹۹", 1399, "cardinal", None, None, None)]),
    ("بیست و پنجمین نشست", [("بیست و پنجمین", 25, "ordinal", None, None, None)]),
    ("دومین بار", [("دومین", 2, "ordinal", None, None, None)]),
    ("نخستین دیدار", [("نخستین", 1, "ordinal", None, None, None)]),
    ("دولت دهم", [("دهم", 10, "ordinal", None, None, None)]),
    ("روز سی‌ام", [("سی‌ام", 30, "ordinal", None, None, None)]),
    (
        "فصل پنج و شش",
        [("پنج", 5, "cardinal", None, None, None), ("شش", 6, "cardinal", None, None, None)],
    ),
    (
        "۲ میلیون و ۵۰۰ نفر",
        [
            ("۲ میلیون", 2_000_000, "cardinal", None, None, None),
            ("۵۰۰", 500, "cardinal", None, None, None),
        ],
    ),
    ("يك و نيم ميليون", [("يك و نيم ميليون", 1_500_000, "cardinal", None, None, None)]),
    ("۱٬۲۳۴٬۵۶۷ نفر", [("۱٬۲۳۴٬۵۶۷", 1_234_567, "cardinal", None, None, None)]),
    ("در سی‌ویک استان", [("سی‌ویک", 31, "cardinal", None, None, None)]),
]


@pytest.mark.parametrize(("text", "expected"), FOUND)
def test_find_numbers(text: str, expected: list[tuple[Any, ...]]) -> None:
    found = find_numbers(text)
    got = [(m.text, m.value, m.kind, m.unit, m.currency, m.base_value) for m in found]
    assert got == expected
    for mention in found:
        assert text[mention.start : mention.end] == mention.text
    assert [m.start for m in found] == [text.index(e[0]) for e in expected]


# (text, what must not be found in it)
NOT_FOUND = [
    "در ۱۴۰۲/۰۷/۱۵ آمد",
    "در 1402/7/15 آمد",
    "تاریخ ۱۴۰۲.۰۷.۱۵",
    "نسخه ۳.۱.۴",
    "ساعت ۱۲:۳۰",
    "تلفن ۰۹۱۲۱۲۳۴۵۶۷",
    "تلفن ۰۲۱-۸۸۸۸۸۸۸۸",
    "https://www.irna.ir/news/85012345/پنج-کشته",
    "#۱۲ و #پنج",
    "نشانی a12@irna.ir",
    "یکی از آنها",
    "ده‌ها نفر",
    "صدها نفر و هزاران نفر و میلیون‌ها نفر",
    "نه تنها او",
    "نخست وزیر و نخست‌وزیر",
    "باید انجام دهم",
    "پنج‌شنبه و سه‌شنبه و یکشنبه",
    "سهام و سیب و دوستان",
    "نسبت ۱۴۰۲/۷ است",
    "مدل F16 و 4G",
    "",
    "   \n",
]


@pytest.mark.parametrize("text", NOT_FOUND)
def test_find_numbers_negative(text: str) -> None:
    assert find_numbers(text) == []


def test_find_numbers_accepts_normalized_text() -> None:
    text = "قيمت ۱۰۰ هزار تومان و  بیست و سه درصد"
    assert find_numbers(normalize(text)) == find_numbers(text)


def test_find_numbers_type() -> None:
    with pytest.raises(InputTypeError):
        find_numbers(b"123")  # type: ignore[arg-type]


def test_mention_round_trip() -> None:
    for mention in find_numbers("۲ میلیارد دلار و سوم و ۴۷٫۵ درصد"):
        assert NumberMention.from_dict(mention.to_dict()) == mention
    with pytest.raises(InvalidValueError):
        NumberMention.from_dict({**mention.to_dict(), "kind": "date"})


@examples(300)
@given(texts)
def test_find_numbers_spans(text: str) -> None:
    found = find_numbers(text)
    previous_end = 0
    for mention in found:
        assert text[mention.start : mention.end] == mention.text
        assert mention.start >= previous_end
        assert mention.start < mention.end
        previous_end = mention.end


# ---------------------------------------------------------------- round trip through words

_ONES = ("", "یک", "دو", "سه", "چهار", "پنج", "شش", "هفت", "هشت", "نه")
_TEENS = (
    "ده",
    "یازده",
    "دوازده",
    "سیزده",
    "چهارده",
    "پانزده",
    "شانزده",
    "هفده",
    "هجده",
    "نوزده",
)
_TENS = ("", "", "بیست", "سی", "چهل", "پنجاه", "شصت", "هفتاد", "هشتاد", "نود")
_HUNDREDS = ("", "صد", "دویست", "سیصد", "چهارصد", "پانصد", "ششصد", "هفتصد", "هشتصد", "نهصد")
_SCALES = ("", "هزار", "میلیون", "میلیارد", "تریلیون")


def _below_thousand(n: int) -> list[str]:
    hundreds, rest = divmod(n, 100)
    parts = [_HUNDREDS[hundreds]] if hundreds else []
    if 10 <= rest < 20:
        parts.append(_TEENS[rest - 10])
    else:
        tens, ones = divmod(rest, 10)
        parts += [word for word in (_TENS[tens], _ONES[ones]) if word]
    return parts


def number_to_words(n: int, joiner: str = " و ") -> str:
    """Persian words for ``0 <= n < 10**15`` (a test helper, the usual news spelling)."""
    if n == 0:
        return "صفر"
    groups = []
    scale = 0
    while n:
        n, group = divmod(n, 1000)
        if group:
            words = joiner.join(_below_thousand(group))
            if scale == 1 and group == 1:
                words = "هزار"
            elif scale:
                words += " " + _SCALES[scale]
            groups.append(words)
        scale += 1
    return joiner.join(reversed(groups))


def to_ordinal(words: str) -> str:
    if words.endswith("سه"):
        return words[:-2] + "سوم"
    if words.endswith("سی"):
        return words + "\u200cام"
    return words + "م"


@pytest.mark.parametrize(
    ("n", "words"),
    [
        (1399, "هزار و سیصد و نود و نه"),
        (23000, "بیست و سه هزار"),
        (2_500_000, "دو میلیون و پانصد هزار"),
    ],
)
def test_number_to_words_helper(n: int, words: str) -> None:
    assert number_to_words(n) == words


@examples(300)
@given(
    st.integers(min_value=0, max_value=10**12),
    st.sampled_from([" و ", "\u200cو\u200c", " و", "\u200cو"]),
)
def test_words_round_trip(n: int, joiner: str) -> None:
    words = number_to_words(n, joiner)
    assert parse_number(words) == n
    if n:
        assert parse_number(to_ordinal(words)) == n
    found = find_numbers(f"آمار {words} نفر")
    if words == "نه":  # alone, «نه» is read as "no", not 9
        assert found == []
        return
    assert [(m.text, m.value) for m in found] == [(words, n)]


@given(st.integers(min_value=0, max_value=10**15))
def test_digits_round_trip(n: int) -> None:
    assert parse_number(str(n)) == n
    assert parse_number(f"{n:,}") == n
    assert (
        parse_number(
            f"{n:,}".replace(",", "٬").translate(str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹"))
        )
        == n
    )


# ---------------------------------------------------------------- the units table


def test_units_table_is_normalized_and_unambiguous() -> None:
    header, rows = _data.table("units")
    assert header == ("surface", "name", "kind", "code", "factor", "source")
    meanings: dict[str, tuple[str, ...]] = {}
    for row in rows:
        surface, name, kind, code, factor, source = row
        assert normalize(surface).text == surface, surface
        assert normalize(name).text == name, name
        assert kind in {"quantity", "money", "percent"}
        assert source in {"cldr", "hand"}
        assert int(factor) >= 1
        if kind == "money":
            assert len(code) == 3, code
            assert code.isupper(), code
        meaning = (name, kind, code, factor)
        assert meanings.setdefault(fold(surface), meaning) == meaning, surface
    assert ("تومان", "تومان", "money", "IRR", "10", "hand") in rows


def test_every_unit_is_found_after_a_number() -> None:
    _, rows = _data.table("units")
    for surface, name, kind, *_ in rows:
        found = find_numbers(f"مقدار ۱۲ {surface} است")
        assert [(m.text, m.unit, m.kind) for m in found] == [(f"۱۲ {surface}", name, kind)], surface


@pytest.mark.parametrize("text", ["1" * 5000, "۱" * 41, "1,000" * 2000, "1" * 3000 + ".5"])
def test_a_huge_digit_run_is_a_code_not_a_number(text: str) -> None:
    """int() refuses 4,300 digits: a 10,000-digit run raised ValueError from analyze()
    (found by the adversarial-input benchmark)."""
    assert find_numbers(text) == []
    assert persnews.analyze(text).numbers == ()
    with pytest.raises(ValueError, match="invalid text"):
        parse_number(text)


def test_forty_digits_are_still_a_number() -> None:
    assert [m.value for m in find_numbers("1" * 40)] == [int("1" * 40)]
