"""find_relations: roles, quotes, attributions and meetings, pattern by pattern."""

from __future__ import annotations

import datetime
import json
from pathlib import Path
from typing import Any

import pytest
from conftest import script
from hypothesis import given
from strategies import examples, texts

import persnews
from persnews import _hazm, relations
from persnews.model import Argument, Attribution, Meeting, Quote, Role

PUBLISHED = "2023-05-16"  # a Tuesday


def found(text: str) -> persnews.Relations:
    return persnews.find_relations(text, published=PUBLISHED)


def name(argument: Argument | None) -> str | None:
    return None if argument is None else argument.text


def roles(text: str) -> list[tuple[str | None, str, str | None]]:
    return [(name(r.person), r.title, name(r.org)) for r in found(text).roles]


def quotes(text: str) -> list[tuple[str | None, str, bool]]:
    return [(name(q.speaker), q.content.text, q.direct) for q in found(text).quotes]


def attributions(text: str) -> list[tuple[str, list[str | None]]]:
    return [(a.source.text, [name(v) for v in a.via]) for a in found(text).attributions]


def meetings(text: str) -> list[tuple[list[str | None], str | None, str | None]]:
    return [
        (
            [name(p) for p in m.participants],
            str(m.date.value) if m.date else None,
            m.mode,
        )
        for m in found(text).meetings
    ]


# -- roles -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "سرگئی لاوروف وزیر امور خارجه روسیه امروز وارد تهران شد.",
            ("سرگئی لاوروف", "وزیر امور خارجه", "روسیه"),
        ),
        (
            "وزیر خارجه روسیه سرگئی لاوروف امروز وارد تهران شد.",
            ("سرگئی لاوروف", "وزیر خارجه", "روسیه"),
        ),
        (
            "ناصر کنعانی، سخنگوی وزارت امور خارجه، در نشست خبری هفتگی حاضر شد.",
            ("ناصر کنعانی", "سخنگو", "وزارت امور خارجه"),
        ),
        (
            "رئیس سازمان برنامه و بودجه، داوود منظور، از طرح‌ها بازدید کرد.",
            ("داوود منظور", "رئیس", "سازمان برنامه و بودجه"),
        ),
        (
            "«فرحان حق» از سخنگویان سازمان ملل در این باره حرفی نزد.",
            ("فرحان حق", "سخنگو", "سازمان ملل متحد"),
        ),
    ],
)
def test_roles(text: str, expected: tuple[str, str, str]) -> None:
    assert roles(text) == [expected]


def test_role_of_a_governor_names_the_province() -> None:
    [(person, title, org)] = roles("استاندار فارس، محمدهادی ایمانیه، از شیراز بازدید کرد.")
    assert (person, title) == ("محمدهادی ایمانیه", "استاندار")
    assert org is not None
    assert "فارس" in org


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "سازمان جهانی بهداشت هشدار داد. تدروس ادهانوم دبیرکل این سازمان گفت که وضعیت بد است.",
            ("تدروس ادهانوم", "دبیرکل", "سازمان جهانی بهداشت"),
        ),
        (
            "چین اعلام کرد که شی جین‌پینگ رئیس جمهور این کشور به روسیه سفر می‌کند.",
            ("شی جین\u200cپینگ", "رئیس جمهور", "چین"),
        ),
        # a country in an organization's name («وزارت خارجه لهستان»), after another
        (
            "سفیر از عراق خارج شد. وزارت خارجه لهستان اعلام کرد بیتا پکسا سفیر این کشور "
            "در عراق به لهستان بازگشته است.",
            ("بیتا پکسا", "سفیر", "لهستان"),
        ),
    ],
)
def test_this_body_after_a_title_is_its_organization(
    text: str, expected: tuple[str, str, str]
) -> None:
    """«دبیرکل این سازمان»: the organization named before; the argument spans «این
    سازمان» in the text."""
    [role] = found(text).roles
    assert (name(role.person), role.title, name(role.org)) == expected
    assert role.org is not None
    assert text[role.org.start : role.org.end] in ("این سازمان", "این کشور")


def test_a_serving_title_of_another_title_is_one_role() -> None:
    """«معاون اقتصادی رئیس جمهور» is one title (find_titles), so one role."""
    text = (
        "در این جلسه محمد نهاوندیان معاون اقتصادی رئیس جمهور، سعید نمکی وزیر بهداشت و "
        "حسام‌الدین آشنا مشاور رئیس جمهور حضور داشتند."
    )
    assert roles(text) == [
        ("محمد نهاوندیان", "معاون اقتصادی رئیس جمهور", None),
        ("سعید نمکی", "وزیر بهداشت", None),
        ("حسام\u200cالدین آشنا", "مشاور رئیس جمهور", None),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "حمید ملانوری مدیرکل سیاسی وزارت کشور گفت که انتخابات برگزار می‌شود.",
            ("حمید ملانوری", "مدیرکل سیاسی", "وزارت کشور"),
        ),
        (
            "ستار هاشمی معاون فناوری و نوآوری وزارت ارتباطات و فناوری اطلاعات گفت که آماده است.",
            ("ستار هاشمی", "معاون فناوری و نوآوری", "وزارت ارتباطات و فناوری اطلاعات"),
        ),
    ],
)
def test_words_before_an_organizations_head_qualify_the_role(
    text: str, expected: tuple[str, str, str]
) -> None:
    """The entity model may read «سیاسی وزارت کشور» as one organization: the words
    before the head word («وزارت») belong to the role."""
    assert roles(text) == [expected]


def test_no_role_without_a_person_next_to_the_title() -> None:
    assert roles("وزیر امور خارجه روسیه امروز وارد تهران شد.") == []
    assert roles("یکی از سخنگویان سازمان ملل متحد از طرفین خواست آرام باشند.") == []


# -- quotes ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "verb",
    ["گفت", "افزود", "اعلام کرد", "تاکید کرد", "خاطرنشان کرد", "گفته است", "می‌گوید", "تصریح کرد"],
)
def test_direct_quote_after_a_reporting_verb(verb: str) -> None:
    text = f"محمد اسلامی {verb}: «ایران به تعهدات خود پایبند است.»"
    assert quotes(text) == [("محمد اسلامی", "ایران به تعهدات خود پایبند است.", True)]


def test_every_tense_and_person_of_a_verb_is_a_cue() -> None:
    forms = {form for form, verb in relations._verbs().items() if verb.reports}
    every = relations._verbs()
    for form in [("گفتم",), ("می\u200cگوییم",), ("بگوید",), ("اعلام", "کنند"), ("خواهد", "گفت")]:
        assert form in every, form  # known, but not a report of what someone said
        assert form not in forms, form
    for form in [
        ("گفتند",),
        ("می\u200cگویند",),
        ("گفته\u200cاند",),
        ("اعلام", "کرده", "است"),
        ("اعلام", "می\u200cکند"),
        ("تاکید", "کرده\u200cاند"),
        ("یادآور", "شد"),
        ("دیدار", "کردند"),
    ]:
        assert form in forms, form
    assert ("نگفت",) not in forms  # negated: nobody said it
    assert ("توضیح", "دهد") not in forms  # subjunctive: «باید توضیح دهد»
    assert ("خواهد", "گفت") not in forms  # future: not said yet


def test_reporting_verbs_are_hazm_verbs() -> None:
    known = set((_hazm.data_dir() / "verbs.dat").read_text(encoding="utf-8").split())
    from persnews import _data

    _header, rows = _data.table("relation_verbs")
    assert rows
    for _nonverbal, stems, relation, mode in rows:
        assert stems in known, stems
        assert relation in ("speech", "meeting")
        assert mode in ("-", "phone", "video", "in_person")


def test_quote_first_speaker_after() -> None:
    text = (
        "«ما به دنبال جنگ نیستیم و از راه دیپلماسی پیگیری می‌کنیم»، این را حسین امیرعبداللهیان گفت."
    )
    [(speaker, content, direct)] = quotes(text)
    assert speaker == "حسین امیرعبداللهیان"
    assert content.startswith("ما به دنبال جنگ")
    assert direct


@pytest.mark.parametrize(
    ("text", "speaker", "content"),
    [
        ("محمد اسلامی اعلام کرد که غنی‌سازی ادامه دارد.", "محمد اسلامی", "غنی‌سازی ادامه دارد"),
        ("محمد اسلامی گفت غنی‌سازی ادامه دارد.", "محمد اسلامی", "غنی‌سازی ادامه دارد"),
        (
            "به گفته جواد اوجی، تولید نفت افزایش یافته است.",
            "جواد اوجی",
            "تولید نفت افزایش یافته است",
        ),
    ],
)
def test_indirect_quotes(text: str, speaker: str, content: str) -> None:
    assert quotes(text) == [(speaker, content, False)]


def test_an_organization_speaks() -> None:
    text = "وزارت خارجه روسیه در بیانیه‌ای اعلام کرد: «دو طرف درباره راه‌های عادی‌سازی گفت‌وگو کردند.»"
    [(speaker, _content, direct)] = quotes(text)
    assert speaker is not None
    assert "وزارت" in speaker
    assert direct


def test_speaker_by_title_and_by_pronoun() -> None:
    text = (
        "وزیر نفت جواد اوجی روز شنبه گفت: «تولید افزایش یافته است.» "
        "وزیر نفت افزود: «صادرات هم بیشتر شد.» "
        "وی همچنین گفت: «قراردادهای جدیدی امضا شده است.»"
    )
    assert [speaker for speaker, _, _ in quotes(text)] == ["جواد اوجی"] * 3
    pronoun = found(text).quotes[2].speaker
    assert pronoun is not None
    assert text[pronoun.start : pronoun.end] == "وی"


def test_pronoun_chains_back_through_sentences_whose_subject_is_a_pronoun() -> None:
    """«خانم X … اما او … کار می‌کرد … وی گفت»: the «او» that opens a sentence stands
    for X, and so does the «وی» after it, four sentences from the name."""
    text = (
        "خانم مریم حسینی در میان مراجعان این مرکز دیده می‌شود. "
        "سن فرزندانش بین ۱۱ تا ۲۳ سال است. "
        "اما او در یک هتل در تهران کار می‌کرد. "
        "دو تن از پسرهایش هم کار خود را از دست داده‌اند. "
        "وی گفت که این نخستین بار است که به این مرکز می‌آید."
    )
    [quote] = found(text).quotes
    assert quote.speaker is not None
    assert quote.speaker.text == "مریم حسینی"
    assert text[quote.speaker.start : quote.speaker.end] == "وی"
    # an object («او را») is no subject to chain through
    unchained = text.replace("اما او در یک هتل در تهران کار می‌کرد", "همه او را می‌شناسند")
    assert [speaker for speaker, _, _ in quotes(unchained)] == [None]


@pytest.mark.parametrize(
    ("opening", "pronoun", "expected"),
    [
        ("رئیس‌جمهور امروز به مشهد رفت.", "وی", "رئیس\u200cجمهور"),
        ("رهبر معظم انقلاب صبح امروز با کارگران دیدار کرد.", "ایشان", "رهبر معظم انقلاب"),
        ("اما وزیر امور خارجه دیروز به مسکو سفر کرد.", "او", "وزیر امور خارجه"),
        # a title that is no subject («را»), or that names its holder, is not it
        ("رئیس‌جمهور را همه می‌شناسند.", "وی", None),
        ("رئیس‌جمهور حسن روحانی امروز به مشهد رفت.", "وی", "حسن روحانی"),
        # its holder, named before
        ("حسن روحانی رئیس‌جمهور به مشهد رفت. رئیس‌جمهور در فرودگاه سخنرانی کرد.", "وی", "حسن روحانی"),
        # a sentence that names a person: not the title opening it
        ("سردار حسین رحیمی از کاهش جرایم خبر داد.", "وی", "حسین رحیمی"),
    ],
)
def test_pronoun_stands_for_a_title_opening_the_sentence_before(
    opening: str, pronoun: str, expected: str | None
) -> None:
    """A person known only by a title is still the one «وی» stands for."""
    text = f"{opening} {pronoun} گفت: «سفر خوبی بود و کارها پیش رفت.»"
    [quote] = found(text).quotes
    assert name(quote.speaker) == expected
    if quote.speaker is not None:
        assert text[quote.speaker.start : quote.speaker.end] == pronoun


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # «این» between a preposition and a noun: still after the preposition
        ("وقتی مدیران باشگاه به این فرد ایرانی گفتند که قرارداد امضا شده، تعجب کرد.", None),
        # a name takes no demonstrative: «پیش از این» ends before it
        ("پیش از این علی لاریجانی گفته بود که این طرح تصویب شد.", "علی لاریجانی"),
        # a subject without a name, after a connective
        ("اما مخالفان دولت می‌گویند که قیمت‌ها بالا رفته است.", "مخالفان دولت"),
    ],
)
def test_subject_past_demonstratives_and_connectives(text: str, expected: str | None) -> None:
    [quote] = found(text).quotes
    assert name(quote.speaker) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the stretch after a comma and a connective has a subject of its own
        (
            "بحث شکایت از این بازیکن نیز مطرح شده، اما مسئولان باشگاه می‌گویند حکمی نمی‌آید.",
            "مسئولان باشگاه",
        ),
        # «خطاب به …» is no part of the subject's noun phrase
        ("اما استراماچونی خطاب به بازیکنان گفت تمرینات باید ادامه پیدا کند.", "استراماچونی"),
    ],
)
def test_unnamed_subject_of_the_last_stretch(text: str, expected: str) -> None:
    [quote] = found(text).quotes
    assert name(quote.speaker) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a part of a group, named with the group
        ("یکی از مسئولان باشگاه گفت که قرارداد امضا شد.", ["یکی از مسئولان باشگاه"]),
        (
            "به گزارش ایسنا، برخی از ناظران بازار می‌گویند جنگ قیمت تمام شد.",
            ["برخی از ناظران بازار"],
        ),
        # ... or nobody, when the group is a pronoun
        ("کسانی که درآمد دارند، بخشی از آنها اعلام کردند که نیاز ندارند.", [None]),
        # an unnamed subject after any comma
        (
            "علاوه بر این، کادرهای پزشکی آمریکایی تصریح می‌کنند که شرایط بد است.",
            ["کادرهای پزشکی آمریکایی"],
        ),
        # «گفت وگو» (a dialogue, written apart) reports nothing; the verb after it does
        ("با او گفت وگویی انجام داده‌ایم که ماحصلش را پیش رو دارید.", []),
        ("علی لاریجانی در گفت وگو با خبرنگار فارس گفت: مجلس آماده است.", ["علی لاریجانی"]),
        # «به گفته وی» for a speaker known only by a title
        (
            "رئیس اداره زندان کاشان تأکید کرد: آموزش مهم است. به گفته وی، والدین نقش دارند.",
            ["رئیس اداره زندان کاشان"] * 2,
        ),
    ],
)
def test_unnamed_and_partitive_speakers(text: str, expected: list[str | None]) -> None:
    assert [speaker for speaker, _, _ in quotes(text)] == expected


def test_according_to_a_pronoun_with_no_comma_after_it() -> None:
    """«به گفته وی برخی از این شرکت‌ها …، همه قطعات را وارد می‌کنند»: the pronoun is
    all of the speaker, and what was said starts right after it."""
    text = (
        "فرامرز رستگار گفت: بازار راکد است. "
        "به گفته وی برخی از این شرکت‌ها از همان کشورها، همه قطعات را وارد می‌کنند."
    )
    second = found(text).quotes[1]
    assert name(second.speaker) == "فرامرز رستگار"
    assert second.content.text.startswith("برخی از این شرکت")
    # «گفت گو» written apart without «و» is a dialogue too («گفتگو»), no quote
    assert quotes("دو وزیر امروز با هم گفت گو کردند.") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("به گفته منابع آمریکایی، مقامات اروپایی موافقت کردند.", "منابع آمریکایی"),
        ("به گفته برخی منابع، اعضای کارگروه موافقت کردند.", "برخی منابع"),
        # a pronoun, or a phrase with «این», stands for someone named before
        ("به گفته آنان، مدارس پول زیادی دریافت کردند.", None),
        ("به گفته این کارشناسان، نباید معرق را کف مال کرد.", None),
    ],
)
def test_according_to_a_source_named_by_what_it_is(text: str, expected: str | None) -> None:
    [quote] = found(text).quotes
    assert name(quote.speaker) == expected


def test_an_unnamed_source_is_none_that_a_pronoun_stands_for() -> None:
    text = (
        "عباسعلی کدخدایی گفت: بودجه بررسی شد. به گفته برخی نمایندگان، بودجه کامل نبود. "
        "او اظهار کرد: این‌ها موارد مهمی است."
    )
    assert [speaker for speaker, _, _ in quotes(text)] == [
        "عباسعلی کدخدایی",
        "برخی نمایندگان",
        "عباسعلی کدخدایی",
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "کارشناس خانواده با اشاره به تحقیق ۲۰ ساله گاتمن بر روی ۲ هزار زوج "
            "تصریح کرد: خروجی این تحقیق مهم است.",
            "کارشناس خانواده",
        ),
        ("کاربر دیگری نیز با اشاره به کیت‌های نمایندگان گفت: «این عادلانه نیست.»", "کاربر دیگری"),
        # not any phrase between a noun and the verb: «با حمله به» is none of them
        ("ارتش با حمله به مواضع دشمن اعلام کرد که منطقه آزاد شد.", None),
    ],
)
def test_an_unnamed_subject_before_a_formula_of_news_style(text: str, expected: str | None) -> None:
    """«X با اشاره به …، گفت»: X is the subject however long the phrase after it."""
    [quote] = found(text).quotes
    assert name(quote.speaker) == expected


def test_a_plural_unnamed_speaker_is_none_that_a_pronoun_stands_for() -> None:
    """«او» after «مسئولان باشگاه می‌گویند …» is not the officials (a plural verb, no
    name, no title); after «رهبر انقلاب تأکید کردند» (a title honoured with the
    plural) «ایشان» is the Leader."""
    plural = "مسئولان باشگاه می‌گویند که قرارداد امضا شده است. او گفت که به تهران می‌آید."
    assert [speaker for speaker, _, _ in quotes(plural)] == ["مسئولان باشگاه", None]
    honoured = (
        "رهبر معظم انقلاب در این دیدار تأکید کردند که کار ارزش دارد. "
        "ایشان افزودند که تولید باید رونق بگیرد."
    )
    assert [speaker for speaker, _, _ in quotes(honoured)] == ["رهبر معظم انقلاب"] * 2


def test_a_title_alone_stands_for_its_holder_named_with_no_organization() -> None:
    """«رئیس جمهور» alone, in a text that names Rouhani as «رئیس جمهور» and Macron
    as «رئیس جمهور فرانسه», is Rouhani; a holder named later does not take the
    title from the one named before it."""
    text = (
        "حسن روحانی رئیس جمهور در تماس تلفنی با امانوئل مکرون رئیس جمهور فرانسه گفت: "
        "«همه کشورها باید همکاری کنند.» "
        "رئیس جمهور همچنین گفت: «تحریم‌ها باید برداشته شود.»"
    )
    assert [speaker for speaker, _, _ in quotes(text)] == ["حسن روحانی"] * 2
    later = (
        "بیژن زنگنه وزیر نفت گفت: «تولید بالا رفت.» وزیر نفت افزود: «صادرات هم بیشتر شد.» "
        "جواد اوجی وزیر نفت در سال بعد گفت: «قراردادها امضا شد.»"
    )
    assert [speaker for speaker, _, _ in quotes(later)] == ["بیژن زنگنه"] * 2 + ["جواد اوجی"]


def test_a_speech_goes_on_after_its_quotation() -> None:
    """«وی» sentences after a quotation, with nobody named since, is its speaker; with
    another person named in between (not as a subject), it is left unknown."""
    text = (
        "حسن روحانی گفت: رشد اقتصادی کشور در سال ۹۵ بالاترین رشد را داشت. "
        "تورم به ۹ درصد رسید. {}صادرات غیرنفتی افزایش یافت. بیکاری کاهش پیدا کرد. "
        "وی در خصوص صادرات غیرنفتی نیز گفت: تراز تجاری مثبت شد."
    )
    speakers = [speaker for speaker, _, _ in quotes(text.format(""))]
    assert speakers == ["حسن روحانی", "حسن روحانی"]
    named = text.format("نامه‌ای هم از علی لاریجانی رسید. ")
    assert [speaker for speaker, _, _ in quotes(named)] == ["حسن روحانی", None]


def test_this_title_is_not_any_last_speaker() -> None:
    """«این تحلیلگر …» sentences after a president's quotation is someone else: the
    title says who, and without a holder of it the title phrase is the speaker."""
    text = (
        "رجب طیب اردوغان گفت: ترکیه عقب‌نشینی نمی‌کند. ارتش سوریه پیشروی کرد. "
        "مرزها باز شد. پناهجویان به اروپا رفتند. این تحلیلگر مسائل خاورمیانه "
        "اضافه کرد: ترک‌ها سطح تماس خود را بالا بردند."
    )
    first, second = found(text).quotes
    assert first.speaker is not None
    assert first.speaker.text == "رجب طیب اردوغان"
    assert second.speaker is not None
    assert (second.speaker.text, second.speaker.entity) == ("تحلیلگر مسائل خاورمیانه", None)


def test_this_person_points_back_to_someone_named() -> None:
    """«این مقام مسئول افزود» (a noun for a person, not a title, after «این»): the
    person named before; not «این مقام را …» (an object)."""
    text = (
        "محمد باقری در نشست خبری حاضر شد و گفت: «تحریم‌ها اثری نداشته است.» "
        "او به مسائل منطقه هم پرداخت. {}"
    )
    said = text.format("این مقام مسئول افزود: «ما آماده همکاری هستیم.»")
    speaker = found(said).quotes[1].speaker
    assert speaker is not None
    assert speaker.text == "محمد باقری"
    assert said[speaker.start : speaker.end] == "این مقام"
    according = text.format("به گفته این شهروند، ما آماده همکاری هستیم.")
    assert [s for s, _, _ in quotes(according)] == ["محمد باقری", "محمد باقری"]
    taken = text.format("وزیر این مقام را پذیرفت و افزود: «ما آماده همکاری هستیم.»")
    assert [s for s, _, _ in quotes(taken)] == ["محمد باقری", "وزیر"]


@pytest.mark.parametrize(
    "phrase", ["این کنشگر سیاسی اصولگرا", "این کاندیدای اصلاح‌طلب", "این دولتمرد دوران اصلاحات"]
)
def test_this_activist_or_candidate_points_back(phrase: str) -> None:
    """More nouns for a person (data kind person_noun), and their ezafe forms."""
    text = (
        "علی صوفی در نشست خبری گفت: «انتخابات رقابتی نبود.» او به مسائل حزبی هم پرداخت. "
        f"{phrase} افزود: «ما آماده رقابت هستیم.»"
    )
    assert [speaker for speaker, _, _ in quotes(text)] == ["علی صوفی"] * 2


def test_this_body_points_back_to_the_body_named_with_its_noun() -> None:
    """«این بانک تاکید کرد» opening its clause: the last organization named with
    «بانک»; «این کشور» the last country; not «رسانه‌های این کشور» (no subject)."""
    bank = "بانک مرکزی ایران امروز گزارشی منتشر کرد. این بانک تاکید کرد: بانک‌ها باید پاسخگو باشند."
    [quote] = found(bank).quotes
    assert quote.speaker is not None
    assert quote.speaker.text == "بانک مرکزی جمهوری اسلامی ایران"
    assert bank[quote.speaker.start : quote.speaker.end] == "این بانک"
    country = "فرانسه از این طرح حمایت کرد. این کشور اعلام کرد: آزادی تردد دریایی مهم است."
    assert [s for s, _, _ in quotes(country)] == ["فرانسه"]
    media = "فرانسه از این طرح حمایت کرد. رسانه‌های این کشور نوشتند: آزادی تردد مهم است."
    assert "فرانسه" not in [s for s, _, _ in quotes(media)]


def test_a_title_that_serves_someone_is_not_their_role() -> None:
    """«وکیل محمدعلی نجفی گفت»: the lawyer spoke, unnamed; Najafi holds no title
    «وکیل». With a name before it, the title is that person's («حمیدرضا گودرزی وکیل
    مدافع …»); with an organization, the name after it holds it as before."""
    text = (
        "وکیل محمدعلی نجفی گفت: نظریه جدید کارشناسی ابهام دارد. حمیدرضا گودرزی وکیل "
        "مدافع محمدعلی نجفی درباره این نظریه اظهار کرد: گزارش جدید ابهام دارد."
    )
    assert [speaker for speaker, _, _ in quotes(text)] == [
        "وکیل محمدعلی نجفی",
        "حمیدرضا گودرزی",
    ]
    assert [person for person, _, _ in roles(text)] == ["حمیدرضا گودرزی"]
    assert roles("مشاور روحانی گفت: انتخابات آزاد است.") == []
    spokesman = "سخنگوی وزارت خارجه سعید خطیب‌زاده گفت: مذاکرات ادامه دارد."
    assert roles(spokesman) == [("سعید خطیب‌زاده", "سخنگو", "وزارت امور خارجه")]


def test_a_list_of_names_with_their_titles() -> None:
    """«…، سعید نمکی وزیر بهداشت، حسام الدین آشنا مشاور رئیس جمهور، …»: each name
    holds the title after it; a title is not passed on to the next name of the list,
    which has its own («… معاون اقتصادی رئیس جمهور، سعید نمکی وزیر بهداشت»)."""
    text = (
        "در این جلسه، محمود واعظی رئیس دفتر رئیس جمهور، محمد نهاوندیان معاون اقتصادی "
        "رئیس جمهور، سعید نمکی وزیر بهداشت، حسام الدین آشنا مشاور رئیس جمهور، "
        "عبدالرضا رحمانی فضلی وزیر کشور حضور داشتند."
    )
    held = {person: title for person, title, _ in roles(text)}
    assert held["محمود واعظی"] == "رئیس دفتر رئیس جمهور"
    assert held["سعید نمکی"] == "وزیر بهداشت"
    assert held["حسام\u200cالدین آشنا"] == "مشاور رئیس جمهور"
    assert held["عبدالرضا رحمانی فضلی"] == "وزیر کشور"
    assert roles("رئیس جمهور، حسن روحانی، گفت: مذاکرات ادامه دارد.") == [
        ("حسن روحانی", "رئیس جمهور", None)
    ]


def test_an_unnamed_speakers_title_keeps_its_place() -> None:
    """«نماینده ولی فقیه در استان کردستان گفت»: an unnamed speaker is the title
    with the place it is held in, not «نماینده ولی فقیه» (any province's)."""
    assert [
        s for s, _, _ in quotes("نماینده ولی فقیه در استان کردستان گفت: امر به معروف واجب است.")
    ] == ["نماینده ولی فقیه در استان کردستان"]
    assert [s for s, _, _ in quotes("سفیر ایران در روسیه گفت: روابط خوب است.")] == [
        "سفیر ایران در روسیه"
    ]
    assert [s for s, _, _ in quotes("مدیرکل در جلسه گفت: درمان رایگان است.")] == ["مدیرکل"]


def test_person_nouns_are_not_titles() -> None:
    """A title after «این» is read as a title (with its organization); the person
    nouns of relation_words.tsv are the nouns find_titles does not read."""
    nouns = sorted(relations._single("person_noun"))
    assert nouns
    assert [n for n in nouns if persnews.find_titles(f"این {n} گفت")] == []


def test_speaker_by_surname() -> None:
    text = "ناصر کنعانی در نشست خبری حاضر شد. کنعانی گفت: «ما آماده گفت‌وگو هستیم.»"
    assert [speaker for speaker, _, _ in quotes(text)] == ["ناصر کنعانی"]


def test_no_quote_without_a_reporting_verb_or_with_a_negated_one() -> None:
    assert quotes("محمد اسلامی امروز به وین رفت.") == []
    assert quotes("محمد اسلامی درباره این موضوع چیزی نگفت.") == []
    assert quotes("این گفت‌وگو ادامه دارد.") == []


# -- attributions ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "source", "via"),
    [
        ("به گزارش ایسنا به نقل از رویترز، قیمت نفت افزایش یافت.", "ایسنا", ["رویترز"]),
        ("به گزارش خبرنگار ایرنا، جلسه امروز برگزار شد.", "ایرنا", []),
        ("به نقل از رویترز، قیمت نفت افزایش یافت.", "رویترز", []),
        ("به گزارش گروه سیاسی خبرگزاری تسنیم، جلسه برگزار شد.", "تسنیم", []),
        ("قیمت نفت امروز افزایش یافت. (ایسنا)\n\nخبر بعدی آمد.", "ایسنا", []),
    ],
)
def test_attributions(text: str, source: str, via: list[str]) -> None:
    [(found_source, found_via)] = attributions(text)
    assert source in found_source or source in persnews.find_entities(text)[0].text
    assert len(found_via) == len(via)


@pytest.mark.parametrize("desk", ["امور مجلس", "حوزه دولت", "ورزشی", "گروه فضای مجازی"])
def test_a_desk_of_several_words_before_its_agency(desk: str) -> None:
    """«به گزارش خبرنگار امور مجلس خبرگزاری فارس»: the source is the agency, not the
    desk's words with it."""
    text = f"به گزارش خبرنگار {desk} خبرگزاری فارس، جلسه امروز برگزار شد."
    assert attributions(text) == [("خبرگزاری فارس", [])]


def test_attribution_chain_reads_every_cited_outlet() -> None:
    text = "به گزارش آران نیوز به نقل از خبرگزاری فارس، دو وزیر گفت‌وگو کردند."
    [(source, via)] = attributions(text)
    assert source == "آران نیوز"
    assert via == ["خبرگزاری فارس"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "به گزارش خبرگزاری فارس از زنجان و به نقل از روابط عمومی شرکت آبفای استان زنجان، "
            "طرح اجرا شد.",
            ("خبرگزاری فارس", ["روابط عمومی شرکت آبفای استان زنجان"]),
        ),
        (
            "به گزارش ایسنا و به نقل از الرای، السد شکست خورد.",
            ("خبرگزاری دانشجویان ایران", ["الرای"]),
        ),
        (
            "به گزارش روز نو : به نقل از پایگاه اطلاع رسانی ریاست جمهوری، جلسه برگزار شد.",
            ("روز نو", ["پایگاه اطلاع\u200cرسانی ریاست جمهوری"]),
        ),
        # not across a full stop
        (
            "به گزارش ایسنا، جلسه برگزار شد. به نقل از رویترز، قیمت نفت بالا رفت.",
            ("خبرگزاری دانشجویان ایران", []),
        ),
    ],
)
def test_an_attribution_chain_across_its_joins(text: str, expected: tuple[str, list[str]]) -> None:
    """«و», «:» and «از» + the place reported from join an outlet to what it cites."""
    assert attributions(text)[0] == expected


def test_no_attribution_in_plain_reports() -> None:
    assert attributions("بر اساس گزارش‌های منتشرشده، قیمت‌ها بالا رفت.") == []
    assert attributions("وزارت خارجه به نقل از سرگئی لاوروف اعلام کرد که دیدار لغو شد.") == []


# -- meetings ----------------------------------------------------------------------------


def test_meeting_of_two_named_people_on_a_weekday() -> None:
    text = "امیرعبداللهیان و لاوروف روز دوشنبه در مسکو دیدار و گفت‌وگو کردند."
    assert meetings(text) == [(["امیرعبداللهیان", "لاوروف"], "2023-05-15", "in_person")]
    [meeting] = found(text).meetings
    assert meeting.place is not None
    assert meeting.place.text == "مسکو"


def test_meeting_with_a_partner_and_a_counterpart() -> None:
    assert meetings("ابراهیم رئیسی با ولادیمیر پوتین در تهران دیدار کرد.") == [
        (["ابراهیم رئیسی", "ولادیمیر پوتین"], None, "in_person")
    ]
    text = "حسین امیرعبداللهیان در تماس تلفنی با همتای عمانی خود درباره تحولات منطقه رایزنی کرد."
    assert meetings(text) == [(["حسین امیرعبداللهیان", "همتای عمانی خود"], None, "phone")]


def test_meeting_by_video() -> None:
    text = "وزیران خارجه ایران و ترکیه در ویدئوکنفرانسی با یکدیگر گفت‌وگو کردند."
    assert meetings(text) == [(["ایران", "ترکیه"], None, "video")]


def test_no_meeting_in_a_match_an_interview_or_a_noun() -> None:
    assert meetings("دیدار تیم‌های استقلال و پرسپولیس روز جمعه برگزار می‌شود.") == []
    assert (
        meetings("حسین امیرعبداللهیان در گفت‌وگو با خبرنگار ایرنا گفت که مذاکره ادامه دارد.") == []
    )
    assert meetings("این گفت‌وگو ادامه دارد.") == []


# -- the API -----------------------------------------------------------------------------


def test_empty_text_has_no_relations() -> None:
    result = persnews.find_relations("")
    assert result.roles == result.quotes == result.attributions == result.meetings == ()


def test_bad_input_is_a_typed_error() -> None:
    with pytest.raises(TypeError, match="text"):
        persnews.find_relations(42)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="entities"):
        persnews.find_relations("متن", entities=["سرگئی لاوروف"])  # type: ignore[list-item]
    with pytest.raises(TypeError, match="entities"):
        persnews.find_relations("متن", entities="سرگئی لاوروف")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="published"):
        persnews.find_relations("متن", published="not a date")


def test_given_mentions_are_used_not_recomputed(monkeypatch: pytest.MonkeyPatch) -> None:
    text = "به گزارش ایرنا، سرگئی لاوروف وزیر امور خارجه روسیه روز دوشنبه گفت: «ما آماده‌ایم.»"
    doc = persnews.normalize(text)
    entities, titles = persnews.find_entities(doc), persnews.find_titles(doc)
    dates = persnews.find_dates(doc, published=PUBLISHED)
    expected = persnews.find_relations(doc, published=PUBLISHED)

    def fail(*args: object, **kwargs: object) -> None:
        raise AssertionError("recomputed")

    for function in ("find_entities", "find_titles", "find_dates"):
        monkeypatch.setattr(relations, function, fail)
    given_ = persnews.find_relations(doc, entities=entities, titles=titles, dates=dates)
    assert given_ == expected


def test_arguments_link_to_entity_ids_in_json() -> None:
    text = "به گزارش ایرنا، سرگئی لاوروف وزیر امور خارجه روسیه گفت: «ما آماده‌ایم.»"
    result = persnews.find_relations(text)
    data = result.to_dict()
    person = data["roles"][0]["person"]
    assert data["entities"][person["entity"]]["text"] == "سرگئی لاوروف"
    assert data["quotes"][0]["speaker"]["entity"] == person["entity"]


def _spans(record: Any) -> list[tuple[int, int]]:
    spans = [(record.start, record.end)]
    arguments: list[Argument | None] = []
    if isinstance(record, Role):
        arguments = [record.person, record.org]
    elif isinstance(record, Quote):
        arguments = [record.speaker]
        spans.append((record.content.start, record.content.end))
    elif isinstance(record, Attribution):
        arguments = [record.source, *record.via]
    elif isinstance(record, Meeting):
        arguments = [*record.participants, record.place]
    spans += [(a.start, a.end) for a in arguments if a is not None]
    return spans


@examples(60)
@given(texts)
def test_every_span_indexes_the_original(text: str) -> None:
    result = persnews.find_relations(text)
    for kind in (result.roles, result.quotes, result.attributions, result.meetings):
        for record in kind:
            for start, end in _spans(record):
                assert 0 <= start <= end <= len(text)
            if isinstance(record, Quote):
                assert text[record.content.start : record.content.end] == record.content.text


def test_spans_in_a_news_text_cover_what_they_name() -> None:
    text = (
        "به گزارش آران نیوز به نقل از خبرگزاری فارس، «سرگئی لاوروف» وزیر امور خارجه روسیه "
        "و «جیحون بایراموف» وزیر خارجه جمهوری آذربایجان روز دوشنبه تلفنی گفت و گو کردند."
    )
    result = found(text)
    [role, _second] = result.roles
    assert text[role.person.start : role.person.end] == "سرگئی لاوروف"
    assert text[role.org.start : role.org.end] == "روسیه"  # type: ignore[union-attr]
    [meeting] = result.meetings
    assert meeting.mode == "phone"
    assert meeting.date is not None
    assert meeting.date.value == datetime.date(2023, 5, 15)
    assert text[meeting.date.start : meeting.date.end] == "روز دوشنبه"


# -- the article and its JSON ------------------------------------------------------------


def _schema() -> dict[str, Any]:
    path = Path(persnews.__file__).parent / "data" / "article.schema.json"
    schema: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return schema


def test_schema_file_is_generated_from_the_model() -> None:
    assert json.loads(script("make_schema").rendered()) == _schema()


@pytest.mark.parametrize("published", [None, "2023-10-07"])
def test_analyze_json_follows_the_schema(example_article: str, published: str | None) -> None:
    jsonschema = pytest.importorskip("jsonschema")
    article = persnews.analyze(example_article, published=published)
    jsonschema.validate(json.loads(article.to_json()), _schema())
    jsonschema.validate(json.loads(persnews.analyze("").to_json()), _schema())


def test_article_round_trips_through_json(example_article: str) -> None:
    article = persnews.analyze(example_article, published="2023-10-07")
    assert article.roles or article.quotes or article.attributions
    again = persnews.Article.from_dict(json.loads(article.to_json()))
    assert again == article


def test_from_dict_rejects_a_dangling_entity_id() -> None:
    data = {"entity": 3, "text": "x", "start": 0, "end": 1}
    with pytest.raises(ValueError, match="entity"):
        Argument.from_dict(data, [])


def test_a_subject_without_a_name_is_its_noun_phrase() -> None:
    assert quotes("ارتش اعلام کرد که وارد سرکوب مخالفان نمی‌شود.") == [
        ("ارتش", "وارد سرکوب مخالفان نمی‌شود", False)
    ]
    text = "دولت آمریکا روز دوشنبه اعلام کرد که تحریم‌ها ادامه دارد."
    [(speaker, _content, _direct)] = quotes(text)
    assert speaker is not None
    assert speaker.startswith("دولت")


def test_what_should_be_said_is_no_quote() -> None:
    assert quotes("در پایان باید گفت که این موضوع مهم است.") == []


def test_a_report_mentioned_mid_sentence_is_no_attribution() -> None:
    assert attributions("وی با اشاره به گزارش هواشناسی، از بارش باران خبر داد.") == []
