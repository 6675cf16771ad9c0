"""find_entities and find_titles: labels, kinds, context, linking, offsets, bad input."""

from __future__ import annotations

import pytest
from hypothesis import given
from strategies import examples, texts

from persnews import (
    Entity,
    InputTypeError,
    InvalidValueError,
    find_entities,
    find_titles,
    normalize,
)


def found(text: str) -> list[tuple[str, str]]:
    return [(e.text, e.label) for e in find_entities(text)]


def test_people_places_and_organizations() -> None:
    text = "سرگئی لاوروف وزیر امور خارجه روسیه امروز با همتای ترکیه‌ای خود در آنکارا دیدار کرد."
    names = found(text)
    assert ("سرگئی لاوروف", "PER") in names
    assert ("آنکارا", "LOC") in names


def test_quotes_are_never_part_of_a_name() -> None:
    for text in ("«سرگئی لاوروف» به مسکو بازگشت.", '"سرگئی لاوروف" به مسکو بازگشت.'):
        names = found(text)
        assert ("سرگئی لاوروف", "PER") in names
        assert all(
            not name.startswith(("«", '"')) and not name.endswith(("»", '"')) for name, _ in names
        )


@pytest.mark.parametrize(
    ("text", "name", "label", "kind"),
    [
        ("به گزارش خبرگزاری فارس، بارش‌ها ادامه دارد.", "خبرگزاری فارس", "ORG", "news_agency"),
        ("به گزارش فارس، بارش‌ها ادامه دارد.", "فارس", "ORG", "news_agency"),
        ("بارش باران در استان فارس ادامه دارد.", "استان فارس", "LOC", "province"),
        ("به گزارش مهر، بارش‌ها ادامه دارد.", "مهر", "ORG", "news_agency"),
        ("این مطلب را روزنامه ایران منتشر کرد.", "روزنامه ایران", "ORG", "newspaper"),
        ("سفیر ایران در لندن احضار شد.", "ایران", "LOC", "country"),
    ],
)
def test_ambiguous_names_are_read_from_context(text: str, name: str, label: str, kind: str) -> None:
    entities = {e.text: e for e in find_entities(text)}
    assert name in entities, entities
    assert (entities[name].label, entities[name].kind) == (label, kind)


def test_a_month_is_not_an_agency() -> None:
    assert all(e.text != "مهر" for e in find_entities("جلسه روز ۱۵ مهر ۱۴۰۲ برگزار شد."))


def test_mentions_link_to_the_full_name() -> None:
    text = (
        "سرگئی لاوروف با جیحون بایراموف گفت‌وگو کرد. لاوروف گفت که بایراموف موافق است. "
        "سازمان ملل متحد از این گفت‌وگو استقبال کرد و سازمان ملل خواستار آرامش شد."
    )
    canonical = {e.text: e.canonical for e in find_entities(text)}
    assert canonical.get("لاوروف") == "سرگئی لاوروف"
    assert canonical.get("بایراموف") == "جیحون بایراموف"
    assert canonical.get("سازمان ملل") == "سازمان ملل متحد"


def test_a_name_cut_short_is_not_linked_to_another_it_parts_from() -> None:
    """«اتاق مشترک ایران» followed by «و استرالیا» is no «اتاق مشترک ایران و
    ایتالیا» named before; «سازمان ملل» still is «سازمان ملل متحد», and a cut
    name that goes on as the full one does («شورای سنجش و پذیرش …») is linked."""
    from persnews.entities import _linked, _Name

    def linked(text: str, spans: list[tuple[int, int]]) -> list[str | None]:
        words = text.split()
        names = [_Name(first, last, "ORG", 1.0, "model") for first, last in spans]
        return [name.canonical for name in _linked(words, names)]

    text = "اتاق مشترک ایران و ایتالیا گفت . اتاق مشترک ایران و استرالیا گفت"
    assert linked(text, [(0, 5), (7, 10)]) == [None, None]
    text = "سازمان ملل متحد گفت . سازمان ملل گفت"
    assert linked(text, [(0, 3), (5, 7)]) == [None, "سازمان ملل متحد"]
    text = "شورای سنجش و پذیرش دانشجو دانشگاه آزاد گفت . شورای سنجش و پذیرش دانشجو گفت"
    assert linked(text, [(0, 7), (9, 11)]) == [None, "شورای سنجش و پذیرش دانشجو دانشگاه آزاد"]


def test_gazetteer_gives_the_standard_form() -> None:
    [entity] = [e for e in find_entities("به گزارش ایرنا، جلسه برگزار شد.") if e.text == "ایرنا"]
    assert (entity.label, entity.kind, entity.canonical) == (
        "ORG",
        "news_agency",
        "خبرگزاری جمهوری اسلامی ایران",
    )


def test_names_carry_no_ezafe() -> None:
    text = "وزارت خارجه‌ی روسیه بیانیه داد."
    for entity in find_entities(text):
        assert not entity.text.endswith("ی") or entity.text.endswith("روسیه")
        assert text[entity.start : entity.end] == entity.text


def test_empty_and_non_persian_text() -> None:
    assert find_entities("") == []
    assert find_entities("   \n ") == []
    find_entities("Sergei Lavrov met Jeyhun Bayramov in Moscow.")  # no crash
    find_entities("ب" * 20_000)  # a very long token


def test_many_entities_in_one_text() -> None:
    text = "تهران و مشهد و شیراز و تبریز. " * 2_500  # 10,000 names
    entities = find_entities(text)
    assert len(entities) >= 9_000
    assert all(text[e.start : e.end] == e.text for e in entities)


def test_normalized_text_is_reused() -> None:
    text = "به گزارش ایسنا، حسن روحانی در تهران سخنرانی کرد."
    assert find_entities(normalize(text)) == find_entities(text)


def test_bad_input() -> None:
    with pytest.raises(InputTypeError, match="text"):
        find_entities(None)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        find_titles(b"\xd8\xa7")  # type: ignore[arg-type]


@examples(150)
@given(texts)
def test_offsets_index_the_original(text: str) -> None:
    for entity in find_entities(text) + find_titles(text):
        assert text[entity.start : entity.end] == entity.text
        assert entity.start < entity.end
        assert 0.0 <= entity.score <= 1.0


def test_entity_round_trips_and_is_validated() -> None:
    [entity] = [e for e in find_entities("حسن روحانی سخنرانی کرد.") if e.label == "PER"]
    assert Entity.from_dict(entity.to_dict()) == entity
    with pytest.raises(InvalidValueError, match="label"):
        Entity.from_dict({**entity.to_dict(), "label": "PERSON"})
    with pytest.raises(InvalidValueError, match="start"):
        Entity.from_dict({**entity.to_dict(), "start": -1})


@pytest.mark.parametrize(
    ("text", "title", "canonical", "kind"),
    [
        ("وزیر خارجه روسیه گفت", "وزیر خارجه", "وزیر امور خارجه", "minister"),
        ("سخنگوی وزارت خارجه گفت", "سخنگوی وزارت خارجه", None, "spokesperson"),
        ("سرمربی تیم ملی گفت", "سرمربی تیم ملی", None, "sports"),
        ("نخست‌وزیر عراق گفت", "نخست‌وزیر", "نخست‌وزیر", None),
    ],
)
def test_titles(text: str, title: str, canonical: str | None, kind: str | None) -> None:
    [found_title, *_] = find_titles(text)
    assert (found_title.text, found_title.label) == (title, "TITLE")
    if canonical is not None:
        assert found_title.canonical == canonical
    if kind is not None:
        assert found_title.kind == kind


@pytest.mark.parametrize(
    ("text", "titles"),
    [
        # a title held in someone's service, «of» another title, is one title
        (
            "محمد نهاوندیان معاون اقتصادی رئیس جمهور گفت",
            [("معاون اقتصادی رئیس جمهور", "معاون اقتصادی رئیس\u200cجمهور")],
        ),
        ("معاون اول رئیس‌جمهوری گفت", [("معاون اول رئیس\u200cجمهوری", "معاون اول رئیس\u200cجمهور")]),
        (
            "علی ربیعی دستیار ارتباطات اجتماعی رئیس‌جمهور گفت",
            [
                (
                    "دستیار ارتباطات اجتماعی رئیس\u200cجمهور",
                    "دستیار ارتباطات اجتماعی رئیس\u200cجمهور",
                )
            ],
        ),
        # not across a pronoun, an organization's head or a rank said before a name
        ("معاون او رئیس جمهور را دید", [("معاون", "معاون"), ("رئیس جمهور", "رئیس\u200cجمهور")]),
        ("معاون وزارت کشور رئیس ستاد را دید", [("معاون", "معاون"), ("رئیس", "رئیس")]),
        ("مشاور آیت‌الله خامنه‌ای گفت", [("مشاور", "مشاور"), ("آیت\u200cالله", "آیت\u200cالله")]),
    ],
)
def test_a_serving_title_of_another_title_is_one_title(
    text: str, titles: list[tuple[str, str]]
) -> None:
    assert [(title.text, title.canonical) for title in find_titles(text)] == titles


def test_member_of_parliament_with_constituency() -> None:
    text = "نماینده مردم تهران در مجلس شورای اسلامی گفت"
    [title] = find_titles(text)
    assert title.text == "نماینده مردم تهران در مجلس شورای اسلامی"
    assert find_titles("") == []


def test_a_common_word_is_not_taken_from_a_gazetteer() -> None:
    # «میزان» is a news agency, and the word for "amount"
    assert all(e.text != "میزان" for e in find_entities("میزان تورم در سال گذشته افزایش یافت."))
