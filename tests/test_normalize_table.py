"""Spec-driven tables for ``persnews.normalize``: one table per step, plus numbers and offsets.

Expectations come from the issue's specification and Persian orthography, not from
running the code.  Every case also checks that normalization is idempotent and that
every token of the original text points at its verbatim slice.

Invisible characters are written as escapes so they can be seen in review:
``\\u200c`` is the half-space (ZWNJ).
"""

from __future__ import annotations

import pytest

import persnews
from persnews.normalize import STEPS

ZWNJ = "\u200c"

#: the step names the specification lists
SPEC_STEPS = {
    "line_breaks",
    "invisible",
    "spaces",
    "ligatures",
    "letters",
    "compose",
    "diacritics",
    "kashida",
    "quotes",
    "half_spaces",
    "spacing",
}


def _check(text: str, expected: str | tuple[str, ...]) -> None:
    """``expected`` is the normalized text, or a tuple of forms the spec allows."""
    doc = persnews.normalize(text)
    assert doc.original == text
    if isinstance(expected, tuple):
        assert doc.text in expected
    else:
        assert doc.text == expected
    assert persnews.normalize(doc.text).text == doc.text, "normalize must be idempotent"
    for token in persnews.tokenize(text):
        assert token.text == text[token.start : token.end]


ORDER = [
    "line_breaks",
    "invisible",
    "spaces",
    "ligatures",
    "letters",
    "compose",
    "diacritics",
    "kashida",
    "quotes",
    "half_spaces",
    "spacing",
]


def test_steps_are_the_specified_ones() -> None:
    assert [step.name for step in STEPS] == [s for s in ORDER if s in SPEC_STEPS]


# --------------------------------------------------------------------------- line_breaks

LINE_BREAKS = [
    pytest.param("خبر اول\n\n\n\nخبر دوم", "خبر اول\n\nخبر دوم", id="four-breaks-to-blank-line"),
    pytest.param("تیتر\n\nمتن خبر", "تیتر\n\nمتن خبر", id="blank-line-kept"),
    pytest.param("خط اول\nخط دوم", "خط اول\nخط دوم", id="single-break-kept"),
    pytest.param("\n\n  سلام  \n\n", "سلام", id="leading-trailing-whitespace-dropped"),
]


@pytest.mark.parametrize(("text", "expected"), LINE_BREAKS)
def test_line_breaks(text: str, expected: str) -> None:
    _check(text, expected)


# --------------------------------------------------------------------------- invisible

INVISIBLE = [
    pytest.param("ایران\u200f است", "ایران است", id="rlm"),
    pytest.param("ویروس \u200eCOVID-19\u200e", "ویروس COVID-19", id="lrm"),
    pytest.param("وز\u200dارت", "وزارت", id="zwj"),
    pytest.param("\ufeffتهران", "تهران", id="bom"),
    pytest.param("سا\u00adزمان", "سازمان", id="soft-hyphen"),
    pytest.param("\u202bخبرگزاری\u202c ایرنا", "خبرگزاری ایرنا", id="bidi-embedding"),
    pytest.param(f"کتاب{ZWNJ}ها", f"کتاب{ZWNJ}ها", id="zwnj-is-not-removed"),
]


@pytest.mark.parametrize(("text", "expected"), INVISIBLE)
def test_invisible(text: str, expected: str) -> None:
    _check(text, expected)


# --------------------------------------------------------------------------- spaces

SPACES = [
    pytest.param("وزیر   امور خارجه", "وزیر امور خارجه", id="run-of-spaces"),
    pytest.param("وزیر\tامور خارجه", "وزیر امور خارجه", id="tab"),
    pytest.param("۲۵\u00a0درصد", "۲۵ درصد", id="no-break-space"),
]


@pytest.mark.parametrize(("text", "expected"), SPACES)
def test_spaces(text: str, expected: str) -> None:
    _check(text, expected)


# --------------------------------------------------------------------------- ligatures

LIGATURES = [
    pytest.param("عبد\ufdf2", "عبدالله", id="allah-ligature"),
    pytest.param("\ufefbریجانی", "لاریجانی", id="lam-alef-isolated"),
    pytest.param("\ufe97\ufeec\ufeaeان", "تهران", id="presentation-forms"),
    pytest.param("\ufedb\ufe98\ufe8eب", "کتاب", id="presentation-arabic-kaf"),
]


@pytest.mark.parametrize(("text", "expected"), LIGATURES)
def test_ligatures(text: str, expected: str) -> None:
    _check(text, expected)


# --------------------------------------------------------------------------- letters

LETTERS = [
    pytest.param("جمهوري اسلامي ايران", "جمهوری اسلامی ایران", id="arabic-yeh"),
    pytest.param("كشور", "کشور", id="arabic-kaf"),
    pytest.param("مصطفى", "مصطفی", id="alef-maksura"),
    pytest.param("علامة طباطبایی", "علامه طباطبایی", id="teh-marbuta"),
    pytest.param("خانۀ ملت", ("خانه ملت", f"خانه{ZWNJ}ی ملت"), id="heh-yeh-above"),
    pytest.param("مؤسسه", "موسسه", id="waw-hamza"),
    pytest.param("إسرائيل", "اسرائیل", id="alef-hamza-below"),
    pytest.param("تأثير", "تاثیر", id="alef-hamza-above"),
]


@pytest.mark.parametrize(("text", "expected"), LETTERS)
def test_letters(text: str, expected: str | tuple[str, ...]) -> None:
    _check(text, expected)


# --------------------------------------------------------------------------- compose

COMPOSE = [
    pytest.param("ا\u0653زادی", "آزادی", id="alef-plus-madda"),
    pytest.param("آمریکا", "آمریکا", id="precomposed-kept"),
]


@pytest.mark.parametrize(("text", "expected"), COMPOSE)
def test_compose(text: str, expected: str) -> None:
    _check(text, expected)


# --------------------------------------------------------------------------- diacritics

DIACRITICS = [
    pytest.param("مُحَمَّد", "محمد", id="damma-fatha-shadda"),
    pytest.param("حتماً", "حتما", id="tanwin"),
    pytest.param(
        f"مُعاوِنِ اوّل رئیس{ZWNJ}جمهور", f"معاون اول رئیس{ZWNJ}جمهور", id="ezafe-kasra-phrase"
    ),
]


@pytest.mark.parametrize(("text", "expected"), DIACRITICS)
def test_diacritics(text: str, expected: str) -> None:
    _check(text, expected)


# --------------------------------------------------------------------------- kashida

KASHIDA = [
    pytest.param("ایـــران", "ایران", id="kashida-run"),
    pytest.param("ســـلام بـــر شـــما", "سلام بر شما", id="kashida-in-every-word"),
]


@pytest.mark.parametrize(("text", "expected"), KASHIDA)
def test_kashida(text: str, expected: str) -> None:
    _check(text, expected)


# --------------------------------------------------------------------------- quotes

QUOTES = [
    pytest.param(
        'او گفت "مذاکرات ادامه دارد" و رفت',
        "او گفت «مذاکرات ادامه دارد» و رفت",
        id="persian-quotation",
    ),
    pytest.param('"ایران" و "عراق"', "«ایران» و «عراق»", id="two-quotations"),
    pytest.param('خبرگزاری "Reuters" گزارش داد', 'خبرگزاری "Reuters" گزارش داد', id="latin-kept"),
]


@pytest.mark.parametrize(("text", "expected"), QUOTES)
def test_quotes(text: str, expected: str) -> None:
    _check(text, expected)


# --------------------------------------------------------------------------- spacing

SPACING = [
    pytest.param("سلام ، دنیا", "سلام، دنیا", id="no-space-before-comma"),
    pytest.param("تهران .اصفهان", "تهران. اصفهان", id="period-spacing"),
    pytest.param("چرا ؟", "چرا؟", id="question-mark"),
    pytest.param("اول ؛دوم", "اول؛ دوم", id="semicolon"),
    pytest.param(f"وی گفت :ما آماده{ZWNJ}ایم", f"وی گفت: ما آماده{ZWNJ}ایم", id="colon"),
    pytest.param("« سلام »", "«سلام»", id="inside-guillemets"),
    pytest.param("او گفت«سلام»و رفت", "او گفت «سلام» و رفت", id="around-guillemets"),
    pytest.param("خبرگزاری(ایرنا)گزارش داد", "خبرگزاری (ایرنا) گزارش داد", id="around-parens"),
    pytest.param("ادامه دارد...", "ادامه دارد…", id="three-dots-to-ellipsis"),
]


@pytest.mark.parametrize(("text", "expected"), SPACING)
def test_spacing(text: str, expected: str) -> None:
    _check(text, expected)


# --------------------------------------------------------------------------- half-spaces

HALF_SPACES = [
    pytest.param("منطقهای", f"منطقه{ZWNJ}ای", id="glued-ای"),
    pytest.param("دیپلماتهای اروپایی", f"دیپلمات{ZWNJ}های اروپایی", id="glued-های"),
    pytest.param("راههای ارتباطی", f"راه{ZWNJ}های ارتباطی", id="glued-های-after-ه"),
    pytest.param("گفته میشود", f"گفته می{ZWNJ}شود", id="glued-می"),
    pytest.param("او می رود", f"او می{ZWNJ}رود", id="spaced-می"),
    pytest.param("کتاب ها را خواندم", f"کتاب{ZWNJ}ها را خواندم", id="spaced-ها"),
    pytest.param("گفت و گو", f"گفت{ZWNJ}وگو", id="گفت-و-گو"),
    pytest.param("بین المللی", f"بین{ZWNJ}المللی", id="بین-المللی"),
    pytest.param("بزرگترین کشور", f"بزرگ{ZWNJ}ترین کشور", id="glued-ترین"),
    pytest.param("دانشجویان رفته اند", f"دانشجویان رفته{ZWNJ}اند", id="spaced-اند"),
    pytest.param(f"کتاب{ZWNJ}ها می{ZWNJ}خوانند", f"کتاب{ZWNJ}ها می{ZWNJ}خوانند", id="already-ok"),
]


@pytest.mark.parametrize(("text", "expected"), HALF_SPACES)
def test_half_spaces(text: str, expected: str) -> None:
    _check(text, expected)


# --------------------------------------------------------------------------- digits

DIGITS = [
    pytest.param("سال 1402", "سال ۱۴۰۲", id="latin-digits"),
    pytest.param("\u0663\u0665 درصد", "۳۵ درصد", id="arabic-indic-digits"),
    pytest.param("ویروس COVID-19 شایع شد", "ویروس COVID-19 شایع شد", id="COVID-19-kept"),
    pytest.param("جنگنده F-35 آمریکا", "جنگنده F-35 آمریکا", id="F-35-kept"),
]


@pytest.mark.parametrize(("text", "expected"), DIGITS)
def test_digits(text: str, expected: str) -> None:
    _check(text, expected)


# --------------------------------------------------------------------------- numbers survive

NUMBERS = [
    pytest.param("نرخ تورم ۱۲٫۵ درصد", "نرخ تورم ۱۲٫۵ درصد", id="persian-decimal"),
    pytest.param("رشد 12.5 درصدی", "رشد ۱۲٫۵ درصدی", id="latin-decimal"),
    pytest.param("در تاریخ 1399/08/04 برگزار شد", "در تاریخ ۱۳۹۹/۰۸/۰۴ برگزار شد", id="slash-date"),
    pytest.param("تاریخ ۱۴۰۲-۰۷-۱۵", "تاریخ ۱۴۰۲-۰۷-۱۵", id="dash-date"),
    pytest.param(
        "در تاریخ 11.17.2016 امضا شد",
        ("در تاریخ ۱۱.۱۷.۲۰۱۶ امضا شد", "در تاریخ 11.17.2016 امضا شد"),
        id="dotted-date",
    ),
    pytest.param("ساعت 10:30 صبح", "ساعت ۱۰:۳۰ صبح", id="clock-time"),
    pytest.param("تلفن 021-88776655", "تلفن ۰۲۱-۸۸۷۷۶۶۵۵", id="phone"),
    pytest.param(
        "سایت https://www.irna.ir/news/85012345/ را ببینید",
        "سایت https://www.irna.ir/news/85012345/ را ببینید",
        id="url",
    ),
    pytest.param("هشتگ #ایران_قوی ترند شد", "هشتگ #ایران_قوی ترند شد", id="hashtag"),
]


@pytest.mark.parametrize(("text", "expected"), NUMBERS)
def test_numbers_survive(text: str, expected: str | tuple[str, ...]) -> None:
    _check(text, expected)


# --------------------------------------------------------------------------- no over-joining

NO_OVER_JOINING = [
    pytest.param("وزارت خارجه", id="وزارت-خارجه"),
    pytest.param("انجام شده است", id="انجام-شده-است"),
    pytest.param("شورای امنیت سازمان ملل", id="شورای-امنیت"),
    pytest.param("تهران امروز میزبان بود", id="ام-and-می-word-starts"),
    pytest.param("اندونزی و مالزی", id="اند-word-start"),
    pytest.param("هاشمی رفسنجانی به ترکیه رفت", id="ها-and-تر-word-starts"),
]


@pytest.mark.parametrize("text", NO_OVER_JOINING)
def test_no_over_joining(text: str) -> None:
    _check(text, text)


# --------------------------------------------------------------------------- offsets

OFFSETS = [
    pytest.param("منطقهاي  كه", f"منطقه{ZWNJ}ای", "منطقهاي", id="glued-suffix"),
    pytest.param("سال 1402 شمسی", "۱۴۰۲", "1402", id="digits"),
    pytest.param("کتاب ها را", f"کتاب{ZWNJ}ها", "کتاب ها", id="space-to-zwnj"),
    pytest.param("\ufefbریجانی گفت", "لاریجانی", "\ufefbریجانی", id="ligature"),
    pytest.param("ادامه دارد...", "…", "...", id="ellipsis"),
    pytest.param('او گفت "مذاکره" را', "«مذاکره»", '"مذاکره"', id="quotes"),
]


@pytest.mark.parametrize(("text", "mention", "original"), OFFSETS)
def test_offsets(text: str, mention: str, original: str) -> None:
    doc = persnews.normalize(text)
    start = doc.text.index(mention)
    a, b = doc.to_original(start, start + len(mention))
    assert text[a:b] == original
    for token in persnews.tokenize(text):
        assert token.text == text[token.start : token.end]


# --------------------------------------------------------------------------- half_spaces step


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(f"کتاب{ZWNJ}{ZWNJ}{ZWNJ}ها", f"کتاب{ZWNJ}ها", id="zwnj-run"),
        pytest.param(f"{ZWNJ}سلام{ZWNJ} دنیا", "سلام دنیا", id="zwnj-at-word-edges"),
    ],
)
def test_half_space_runs(text: str, expected: str) -> None:
    _check(text, expected)


# ------------------------------------------- cases the hazm agreement study found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("گوشی های", f"گوشی{ZWNJ}های", id="plural-after-unlisted-word"),
        pytest.param("مساله ای", f"مساله{ZWNJ}ای", id="ای-after-unlisted-heh-word"),
        pytest.param("اصلی ترین", f"اصلی{ZWNJ}ترین", id="superlative-apart"),
        pytest.param("می توان گفت", f"می{ZWNJ}توان گفت", id="impersonal-می-توان"),
        pytest.param("نمی توان", f"نمی{ZWNJ}توان", id="impersonal-نمی-توان"),
        pytest.param("می کرده است", f"می{ZWNJ}کرده است", id="می-participle"),
        pytest.param("نمی دونم", f"نمی{ZWNJ}دونم", id="colloquial-verb"),
        pytest.param("می زنه", f"می{ZWNJ}زنه", id="colloquial-third-person"),
        pytest.param("زندگی ام", f"زندگی{ZWNJ}ام", id="possessive-after-ی"),
        pytest.param("هسته ای اش", f"هسته{ZWNJ}ای{ZWNJ}اش", id="possessive-after-ای"),
        pytest.param("آیت\u200eالله", f"آیت{ZWNJ}الله", id="lrm-as-half-space"),
        pytest.param("بین\u200fالمللی", f"بین{ZWNJ}المللی", id="rlm-as-half-space"),
        pytest.param("سرمایه\u00adگذاران", f"سرمایه{ZWNJ}گذاران", id="soft-hyphen-as-half-space"),
        pytest.param("احمدی\u202bنژاد", f"احمدی{ZWNJ}نژاد", id="rle-as-half-space"),
        pytest.param("تیمهای ملی", f"تیم{ZWNJ}های ملی", id="plural-wins-a-tie"),
        pytest.param("کمتری", "کمتری", id="listed-comparative-plus-ی"),
        pytest.param("زلزله ۵ ریشتری", "زلزله ۵ ریشتری", id="richter"),
        pytest.param("“عشق”", "«عشق»", id="curly-quotes"),
        pytest.param(f"گفت{ZWNJ} و گو", f"گفت{ZWNJ}وگو", id="x-و-y-with-stray-half-space"),
        pytest.param("۵ می ۲۰۲۰", "۵ می ۲۰۲۰", id="may-is-not-a-prefix"),
    ],
)
def test_agreement_findings(text: str, expected: str) -> None:
    _check(text, expected)
