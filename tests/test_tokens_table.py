"""Spec-driven tables for ``persnews.tokenize`` and ``persnews.sentences``.

Expectations come from the issue's specification and Persian orthography, not from
running the code.  ``\\u200c`` is the half-space (ZWNJ).
"""

from __future__ import annotations

import pytest

import persnews

ZWNJ = "\u200c"

KINDS = {"word", "number", "punct", "symbol", "url", "email", "hashtag", "mention", "abbrev"}


def _check_tokens(text: str, tokens: list[persnews.Token] | tuple[persnews.Token, ...]) -> None:
    for token in tokens:
        assert token.text == text[token.start : token.end], "text is the verbatim slice"
        assert token.kind in KINDS
        assert "_" not in token.norm or "_" in token.text, "no invented `_` joins"


# --------------------------------------------------------------------------- word splitting

WORDS = [
    pytest.param("سلام، دنیا!", ["سلام", "،", "دنیا", "!"], id="comma-and-bang"),
    pytest.param(
        f"کتاب{ZWNJ}ها را خواندم.", [f"کتاب{ZWNJ}ها", "را", "خواندم", "."], id="zwnj-word-whole"
    ),
    pytest.param(
        "«ایران» و (عراق)", ["«", "ایران", "»", "و", "(", "عراق", ")"], id="guillemets-parens"
    ),
    pytest.param("چرا؟", ["چرا", "؟"], id="question-mark"),
    pytest.param("انجام شده است", ["انجام", "شده", "است"], id="no-verb-joining"),
    pytest.param("نرخ ۱۲٫۵ درصد", ["نرخ", "۱۲٫۵", "درصد"], id="persian-decimal"),
    pytest.param(
        "در 1399/08/04 و ۱۴۰۲-۰۷-۱۵",
        ["در", "1399/08/04", "و", "۱۴۰۲-۰۷-۱۵"],
        id="dates",
    ),
    pytest.param(
        "ساعت ۱۰:۳۰ و تلفن ۰۲۱-۸۸۷۷۶۶۵۵",
        ["ساعت", "۱۰:۳۰", "و", "تلفن", "۰۲۱-۸۸۷۷۶۶۵۵"],
        id="time-and-phone",
    ),
    pytest.param(
        "منبع: https://www.irna.ir/news/85012345.",
        ["منبع", ":", "https://www.irna.ir/news/85012345", "."],
        id="url-then-period",
    ),
    pytest.param("ایمیل info@isna.ir است", ["ایمیل", "info@isna.ir", "است"], id="email"),
    pytest.param(
        "هشتگ #ایران_قوی و @IRNA_English",
        ["هشتگ", "#ایران_قوی", "و", "@IRNA_English"],
        id="hashtag-and-mention",
    ),
    pytest.param(
        "سال ۱۳۰۰ ه.ش. و ۱۳۴۰ ه.ق.",
        ["سال", "۱۳۰۰", "ه.ش.", "و", "۱۳۴۰", "ه.ق."],
        id="persian-abbreviations",
    ),
    pytest.param("در ۵۰۰ ق.م. زیست", ["در", "۵۰۰", "ق.م.", "زیست"], id="ق.م."),
    pytest.param("مقامات U.S. گفتند", ["مقامات", "U.S.", "گفتند"], id="U.S."),
    pytest.param(
        "ویروس COVID-19 و جنگنده F-35",
        ["ویروس", "COVID-19", "و", "جنگنده", "F-35"],
        id="latin-words-with-digits",
    ),
]


@pytest.mark.parametrize(("text", "expected"), WORDS)
def test_word_splitting(text: str, expected: list[str]) -> None:
    tokens = persnews.tokenize(text)
    assert [token.text for token in tokens] == expected
    _check_tokens(text, tokens)


TOKEN_KINDS = [
    pytest.param("تورم ۱۲٫۵ درصد", "۱۲٫۵", "number", id="number"),
    pytest.param("سلام، دنیا", "،", "punct", id="punct"),
    pytest.param(f"کتاب{ZWNJ}ها", f"کتاب{ZWNJ}ها", "word", id="word"),
    pytest.param(
        "منبع https://www.irna.ir/news/85012345",
        "https://www.irna.ir/news/85012345",
        "url",
        id="url",
    ),
    pytest.param("ایمیل info@isna.ir", "info@isna.ir", "email", id="email"),
    pytest.param("هشتگ #ایران_قوی", "#ایران_قوی", "hashtag", id="hashtag"),
    pytest.param("از @IRNA_English", "@IRNA_English", "mention", id="mention"),
    pytest.param("سال ۱۳۴۰ ه.ق.", "ه.ق.", "abbrev", id="abbrev-persian"),
]


@pytest.mark.parametrize(("text", "token_text", "kind"), TOKEN_KINDS)
def test_token_kind(text: str, token_text: str, kind: str) -> None:
    tokens = persnews.tokenize(text)
    matches = [token for token in tokens if token.text == token_text]
    assert len(matches) == 1
    assert matches[0].kind == kind
    _check_tokens(text, tokens)


TOKEN_NORMS = [
    pytest.param("گفته میشود", "میشود", f"می{ZWNJ}شود", id="glued-prefix"),
    pytest.param("رشد 12.5 درصد", "12.5", "۱۲٫۵", id="latin-decimal"),
    pytest.param("كتاب ها را خواندم", "كتاب ها", f"کتاب{ZWNJ}ها", id="spaced-suffix"),
]


@pytest.mark.parametrize(("text", "token_text", "norm"), TOKEN_NORMS)
def test_token_norm(text: str, token_text: str, norm: str) -> None:
    tokens = persnews.tokenize(text)
    matches = [token for token in tokens if token.text == token_text]
    assert len(matches) == 1
    assert matches[0].norm == norm
    _check_tokens(text, tokens)


# --------------------------------------------------------------------------- sentence splitting


HEADLINE_BODY = (
    "افزایش قیمت بنزین\n"
    "به گزارش ایرنا، قیمت بنزین از امروز افزایش یافت. "
    "این تصمیم در جلسه سران قوا گرفته شد."
)

SENTENCES = [
    pytest.param("", [], id="empty"),
    pytest.param("  \n\t \n ", [], id="whitespace-only"),
    pytest.param("او آمد. ما رفتیم.", ["او آمد.", "ما رفتیم."], id="full-stops"),
    pytest.param("چرا؟ زیرا دیر شد.", ["چرا؟", "زیرا دیر شد."], id="persian-question-mark"),
    pytest.param("چه خبر خوبی! همه شاد شدند.", ["چه خبر خوبی!", "همه شاد شدند."], id="exclamation"),
    pytest.param(
        "Is it true? بله درست است.", ["Is it true?", "بله درست است."], id="latin-question-mark"
    ),
    pytest.param(
        f"وزیر گفت: «ما آماده{ZWNJ}ایم. مذاکره ادامه دارد.» سپس جلسه پایان یافت.",
        [f"وزیر گفت: «ما آماده{ZWNJ}ایم. مذاکره ادامه دارد.»", "سپس جلسه پایان یافت."],
        id="quotation-closes-sentence",
    ),
    pytest.param(
        f"او گفت: «تحریم{ZWNJ}ها بی{ZWNJ}اثر است». سخنگو افزود.",
        [f"او گفت: «تحریم{ZWNJ}ها بی{ZWNJ}اثر است».", "سخنگو افزود."],
        id="stop-after-quotation",
    ),
    pytest.param(
        f"وی افزود: «این تصمیم نهایی است. تغییری نمی{ZWNJ}کند» و جلسه ادامه یافت.",
        [f"وی افزود: «این تصمیم نهایی است. تغییری نمی{ZWNJ}کند» و جلسه ادامه یافت."],
        id="quotation-internal-stop",
    ),
    pytest.param(
        "این بنا در سال ۱۲۵۰ ه.ق. ساخته شد. امروز موزه است.",
        ["این بنا در سال ۱۲۵۰ ه.ق. ساخته شد.", "امروز موزه است."],
        id="ه.ق.",
    ),
    pytest.param("انقلاب در سال ۱۳۵۷ ه.ش. رخ داد.", ["انقلاب در سال ۱۳۵۷ ه.ش. رخ داد."], id="ه.ش."),
    pytest.param(
        f"کوروش در قرن ششم ق.م. می{ZWNJ}زیست.",
        [f"کوروش در قرن ششم ق.م. می{ZWNJ}زیست."],
        id="ق.م.",
    ),
    pytest.param(
        f"همه{ZWNJ}گیری در سال ۲۰۲۰ م. آغاز شد.",
        [f"همه{ZWNJ}گیری در سال ۲۰۲۰ م. آغاز شد."],
        id="م.",
    ),
    pytest.param(
        "مقامات U.S. این خبر را تایید کردند.",
        ["مقامات U.S. این خبر را تایید کردند."],
        id="U.S.",
    ),
    pytest.param(
        "دیدار با Dr. Rouhani انجام شد. نتیجه مثبت بود.",
        ["دیدار با Dr. Rouhani انجام شد.", "نتیجه مثبت بود."],
        id="Dr.",
    ),
    pytest.param(
        f"نرخ تورم ۱۲٫۵ درصد شد. این رقم بی{ZWNJ}سابقه است.",
        ["نرخ تورم ۱۲٫۵ درصد شد.", f"این رقم بی{ZWNJ}سابقه است."],
        id="persian-decimal",
    ),
    pytest.param(
        "رشد اقتصادی 3.5 درصد بود. سپس کاهش یافت.",
        ["رشد اقتصادی 3.5 درصد بود.", "سپس کاهش یافت."],
        id="latin-decimal",
    ),
    pytest.param(
        "قرارداد در 11.17.2016 امضا شد. اجرای آن آغاز شد.",
        ["قرارداد در 11.17.2016 امضا شد.", "اجرای آن آغاز شد."],
        id="dotted-date",
    ),
    pytest.param(
        HEADLINE_BODY,
        [
            "افزایش قیمت بنزین",
            "به گزارش ایرنا، قیمت بنزین از امروز افزایش یافت.",
            "این تصمیم در جلسه سران قوا گرفته شد.",
        ],
        id="headline-line-break-body",
    ),
    pytest.param(
        f"حمله سایبری به بانک{ZWNJ}ها\n\nسامانه بانکی دیروز مختل شد.",
        [f"حمله سایبری به بانک{ZWNJ}ها", "سامانه بانکی دیروز مختل شد."],
        id="headline-blank-line-body",
    ),
    pytest.param(
        "به گزارش همشهری، شورای شهر تهران در جلسه\n"
        "دیروز خود طرح توسعه خطوط مترو را بررسی\n"
        "کرد. رئیس شورا در این جلسه گفت: «اجرای\n"
        "این طرح تا پایان سال آینده ادامه دارد.»\n"
        "اعضای شورا با کلیات طرح موافقت کردند.",
        [
            "به گزارش همشهری، شورای شهر تهران در جلسه\n"
            "دیروز خود طرح توسعه خطوط مترو را بررسی\nکرد.",
            "رئیس شورا در این جلسه گفت: «اجرای\nاین طرح تا پایان سال آینده ادامه دارد.»",
            "اعضای شورا با کلیات طرح موافقت کردند.",
        ],
        id="hamshahri-hard-wrapped",
    ),
    pytest.param(
        "رئيس جمهور امروز در سفر به استان\nفارس از چند طرح عمراني بازديد كرد و\n"
        "با مردم به گفت و گو نشست.",
        [
            "رئيس جمهور امروز در سفر به استان\nفارس از چند طرح عمراني بازديد كرد و\n"
            "با مردم به گفت و گو نشست."
        ],
        id="old-arabic-letters-hard-wrapped",
    ),
    pytest.param(
        "نتایج دیدارهای امروز\nسایپا صفر - مس کرمان صفر\nگل: علی رضایی ۲۱\nپیکان یک - داماش صفر",
        [
            "نتایج دیدارهای امروز",
            "سایپا صفر - مس کرمان صفر",
            "گل: علی رضایی ۲۱",
            "پیکان یک - داماش صفر",
        ],
        id="results-list-is-not-wrapped",
    ),
]


@pytest.mark.parametrize(("text", "expected"), SENTENCES)
def test_sentence_splitting(text: str, expected: list[str]) -> None:
    result = persnews.sentences(text)
    assert [sentence.text for sentence in result] == expected
    for sentence in result:
        assert sentence.text == text[sentence.start : sentence.end]
        _check_tokens(text, sentence.tokens)
        assert all(sentence.start <= t.start <= t.end <= sentence.end for t in sentence.tokens)
