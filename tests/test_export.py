"""persnews.export: CoNLL/IOB, BRAT standoff, displaCy and JSON Lines, written and read back."""

from __future__ import annotations

import datetime
import gzip
import io
import itertools
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from conftest import script, shared_path
from hypothesis import given
from strategies import examples, texts

import persnews
from persnews import Article, InputTypeError, InvalidValueError, analyze, export
from persnews._conll import SPACE_CLASS
from persnews.export import (
    brat_conf,
    from_brat,
    from_conll,
    read_jsonl,
    to_brat,
    to_conll,
    to_displacy,
    write_jsonl,
)
from persnews.model import Sentence, Token

#: every kind of record BRAT carries
RECORDS = ("entities", "titles", "dates", "numbers", "roles", "quotes", "attributions", "meetings")
#: texts with every kind of relation (docs/relations.md)
RELATIONS_TEXT = (
    "به گزارش آران نیوز به نقل از خبرگزاری فارس، «سرگئی لاوروف» وزیر امور خارجه روسیه "
    "و «جیحون بایراموف» وزیر خارجه جمهوری آذربایجان روز دوشنبه تلفنی گفت و گو کردند.\n\n"
    "وزارت خارجه روسیه در بیانیه‌ای اعلام کرد: «دو وزیر درباره مرزها تبادل نظر کردند.»\n\n"
    "لاوروف افزود که گفت‌وگوها ادامه می‌یابد. وی همچنین گفت: «قراردادها امضا شد.»"
)
ANALYZED = (
    RELATIONS_TEXT,
    "ابراهیم رئیسی با ولادیمیر پوتین در تهران دیدار کرد.",
    "وزیر نفت جواد اوجی روز شنبه گفت: «تولید افزایش یافته است.» وزیر نفت افزود: "
    "«صادرات هم بیشتر شد.» وی همچنین گفت: «قراردادها امضا شد.»",
    "قیمت دلار دیروز ۵۰ هزار تومان شد و تورم به ۴۰ درصد رسید.\r\nپایان",
)


@pytest.fixture(scope="module")
def article(example_article: str) -> Article:
    return analyze(example_article, published="1402/07/17")


def spans(records: Any) -> list[tuple[int, int, str]]:
    return [(r.start, r.end, r.label) for r in records]


# ---------------------------------------------------------------- surface


def test_public_surface() -> None:
    assert sorted(export.__all__) == [
        "DISPLACY_COLORS",
        "brat_conf",
        "from_brat",
        "from_conll",
        "read_jsonl",
        "to_brat",
        "to_conll",
        "to_displacy",
        "write_jsonl",
    ]


def test_import_is_light() -> None:
    code = (
        "import sys, persnews.export\n"
        "from persnews import _hazm\n"
        "print('hazm' in sys.modules, _hazm.lexicon.cache_info().currsize)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.split() == ["False", "0"]


def test_space_class_is_what_str_split_splits_on() -> None:
    import regex

    spaces = {chr(c) for c in range(sys.maxunicode + 1) if chr(c).isspace()}
    pattern = regex.compile(f"[{SPACE_CLASS}]")
    assert {chr(c) for c in range(sys.maxunicode + 1) if pattern.fullmatch(chr(c))} == spaces


# ---------------------------------------------------------------- CoNLL


def test_conll_layout(article: Article) -> None:
    data = to_conll(article)
    lines = data.split("\n")
    assert lines[:3] == ["نشست\tO", "وزیران\tO", "محیط\tO"]
    assert data.endswith("\tO\n\n")
    assert all(line == "" or line.count("\t") == 1 for line in lines)
    assert data.count("\n\n") == len(article.sentences)
    assert sum(line.endswith("\tB-PER") for line in lines) == 2
    assert "علی\tB-PER\nسلاجقه\tI-PER" in data


def test_conll_round_trip_with_text(article: Article) -> None:
    back = from_conll(to_conll(article), text=article.text)
    assert back.text == article.text
    assert back.tokens == article.tokens
    assert [(s.start, s.end) for s in back.sentences] == [
        (s.start, s.end) for s in article.sentences
    ]
    assert spans(back.entities) == spans(article.entities)
    for entity in back.entities:
        assert back.text[entity.start : entity.end] == entity.text
        assert (entity.source, entity.score, entity.kind) == ("rule", 1.0, None)
    assert back.published is None
    assert back.dates == back.titles == ()


def test_conll_round_trip_without_text(article: Article) -> None:
    back = from_conll(to_conll(article))
    assert back.text.split("\n") == [
        " ".join(t.text for t in sentence.tokens) for sentence in article.sentences
    ]
    assert [t.text for t in back.tokens] == [t.text for t in article.tokens]
    assert [t.norm for t in back.tokens] == [t.norm for t in article.tokens]
    assert [e.text for e in back.entities] == [e.text for e in article.entities]
    assert [e.label for e in back.entities] == [e.label for e in article.entities]
    for record in (*back.tokens, *back.sentences, *back.entities):
        assert back.text[record.start : record.end] == record.text
    assert to_conll(back) == to_conll(article)


def test_conll_in_the_corpora_styles(article: Article) -> None:
    peyma = to_conll(article, sep="|", tag_sep="_")
    assert "علی|B_PER\nسلاجقه|I_PER\n" in peyma
    arman = to_conll(article, sep=" ")
    assert "علی B-PER\nسلاجقه I-PER\n" in arman
    for data, sep in ((peyma, "|"), (arman, " "), (peyma, None)):
        assert spans(from_conll(data, sep=sep, text=article.text).entities) == spans(
            article.entities
        )


def test_train_ner_reads_what_to_conll_writes(article: Article, tmp_path: Path) -> None:
    path = tmp_path / "train.txt"
    path.write_text(to_conll(analyze("این کار می شود.")) + to_conll(article), encoding="utf-8")
    read = script("train_ner").read_iob(path)
    assert len(read) == len(article.sentences) + 1
    assert read[0][2] == ("می شود", "O")
    tags = [tag for sentence in read[1:] for _, tag in sentence]
    assert tags.count("B-PER") == 2
    assert [token for sentence in read[1:] for token, _ in sentence] == [
        t.text for t in article.tokens
    ]


def test_conll_token_with_a_space() -> None:
    article = analyze("این کار می شود.")
    assert "می شود" in [t.text for t in article.tokens]
    for sep in ("\t", " ", "|"):
        data = to_conll(article, sep=sep)
        assert f"می شود{sep}O" in data
        assert from_conll(data, sep=sep, text=article.text).tokens == article.tokens


def test_conll_line_break_inside_a_token() -> None:
    token = Token(0, 7, "الف\n\r\u2028ب", "الف ب", "word")
    sentence = Sentence(0, 7, token.text, token.norm, [token])
    article = Article(text=token.text, published=None, sentences=[sentence])
    data = to_conll(article)
    assert data == "الف ب\tO\n\n"
    assert len(data.splitlines()) == 2
    (back,) = from_conll(data, text=article.text).tokens
    assert (back.start, back.end, back.text) == (0, 7, token.text)


def test_conll_entity_inside_a_token_tags_the_token() -> None:
    article = from_brat("او تهرانی است.", "T1\tLOC 3 8\tتهران\n")
    assert "تهرانی\tB-LOC" in to_conll(article)
    assert spans(from_conll(to_conll(article), text=article.text).entities) == [(3, 9, "LOC")]


def test_conll_overlapping_mentions() -> None:
    article = analyze("سخنگوی وزارت امور خارجه گفت.")
    assert spans(article.titles) == [(0, 23, "TITLE")]
    assert spans(article.entities) == [(7, 23, "ORG")]
    first_entities = to_conll(article, include=("entities", "titles"))
    assert first_entities.startswith("سخنگوی\tO\nوزارت\tB-ORG\n")
    first_titles = to_conll(article, include=("titles", "entities"))
    assert first_titles.startswith("سخنگوی\tB-TITLE\nوزارت\tI-TITLE\n")
    back = from_conll(first_titles, text=article.text)
    assert (spans(back.titles), back.entities) == ([(0, 23, "TITLE")], ())
    assert to_conll(article, include="titles") == first_titles


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        ("علی\tB-PER\nرضایی\tI-PER\n", [("علی رضایی", "PER")]),
        ("علی\tB_PER\nرضایی\tI_PER\n", [("علی رضایی", "PER")]),
        ("علی B-pers\nرضایی I-pers\nو O\nایران B-loc\n", [("علی رضایی", "PER"), ("ایران", "LOC")]),
        ("علی\tB-PER\nرضایی\tE-PER\nایران\tS-GPE\n", [("علی رضایی", "PER"), ("ایران", "LOC")]),
        ("علی\tU-PERSON\nایران\tU-LOC\n", [("علی", "PER"), ("ایران", "LOC")]),
        ("علی\tB-PER\nایران\tB-PER\n", [("علی", "PER"), ("ایران", "PER")]),
        ("آیفون\tB-pro\nو\to\nتهران\tB-LOC\n", [("آیفون", "PRODUCT"), ("تهران", "LOC")]),
        ("-DOCSTART- -X- O O\n\nعلی\tB-PER\n-DOCSTART-\tO\nرفت\tO\n", [("علی", "PER")]),
        ("علی\tB-PER\r\nرفت\tO\r\n", [("علی", "PER")]),
    ],
)
def test_conll_tags_read(data: str, expected: list[tuple[str, str]]) -> None:
    article = from_conll(data)
    assert [(e.text, e.label) for e in article.entities] == expected


def test_conll_docstart_ends_a_sentence() -> None:
    article = from_conll("الف\tO\n-DOCSTART-\tO\nب\tO\n")
    assert [s.text for s in article.sentences] == ["الف", "ب"]


def test_conll_titles_are_read_as_titles() -> None:
    article = from_conll("وزیر\tB-TITLE\nنفت\tI-TITLE\nآمد\tO\n")
    assert (spans(article.titles), article.entities) == ([(0, 8, "TITLE")], ())


def test_conll_unknown_types() -> None:
    data = "امروز\tB_DAT\nعلی\tB_PER\nو\tO\n۲۰\tB_PCT\nدرصد\tI_PCT\n"
    with pytest.raises(InvalidValueError, match=r"line 1 'DAT'.*unknown='skip'"):
        from_conll(data, sep="\t")
    assert spans(from_conll(data, unknown="skip").entities) == [(6, 9, "PER")]


@pytest.mark.parametrize(
    ("data", "kwargs", "message"),
    [
        ("علی\tO\nرضا\tI-PER\n", {}, r"invalid tag on line 2 'I-PER': expected B-PER first"),
        ("علی\tB-PER\nرضا\tI-ORG\n", {}, r"tag on line 2 'I-ORG'"),
        ("علی\tO\n\nرضا\tI-PER\n", {}, r"tag on line 3"),
        ("علی\tX-PER\n", {}, r"tag on line 1 'X-PER'"),
        ("علی\tB-\n", {}, r"tag on line 1"),
        ("علی\tO\nرضا\n", {"sep": "\t"}, r"invalid line 2 'رضا'"),
        ("\tO\n", {}, r"invalid line 1"),
        ("علی\tB-FOO\n", {}, r"entity type on line 1 'FOO'"),
        ("علی\tO\nرفت\tO\n", {"text": "علی آمد"}, r"token on line 2 'رفت'"),
        ("علی\tO\n", {"text": "علی آمد"}, r"text after line 1 'آمد'"),
        ("علی\tO\n", {"text": "و علی"}, r"token on line 1 'علی'"),
    ],
)
def test_conll_malformed(data: str, kwargs: dict[str, Any], message: str) -> None:
    with pytest.raises(InvalidValueError, match=message):
        from_conll(data, **kwargs)


def test_conll_wrong_arguments(article: Article) -> None:
    with pytest.raises(InputTypeError, match="data must be str, not bytes; decode it"):
        from_conll(b"x\tO")  # type: ignore[arg-type]
    with pytest.raises(InputTypeError, match="text must be str"):
        from_conll("x\tO", text=1)  # type: ignore[arg-type]
    with pytest.raises(InputTypeError, match="article must be an Article"):
        to_conll("متن")  # type: ignore[arg-type]
    for sep in ("", "\n", "x", "-"):
        with pytest.raises(InvalidValueError, match="invalid sep"):
            to_conll(article, sep=sep)
    with pytest.raises(InvalidValueError, match="invalid sep"):
        from_conll("x\tO", sep="")
    with pytest.raises(InvalidValueError, match="invalid tag_sep"):
        to_conll(article, tag_sep=":")  # type: ignore[arg-type]
    with pytest.raises(InvalidValueError, match="invalid include 'dates'"):
        to_conll(article, include=("dates",))
    with pytest.raises(InvalidValueError, match="invalid unknown 'ignore'"):
        from_conll("x\tO", unknown="ignore")  # type: ignore[arg-type]


def test_conll_empty() -> None:
    empty = from_conll("")
    assert (empty.text, empty.sentences) == ("", ())
    assert to_conll(empty) == ""
    assert from_conll("\n\n", text="  \n").sentences == ()


def test_conll_reads_peyma() -> None:
    path = shared_path("data", "ner", "peyma", "train.txt")
    blocks = path.read_text(encoding="utf-8").split("\n\n")[:200]
    data = "\n\n".join(blocks) + "\n"
    article = from_conll(data, sep="|", unknown="skip")
    assert len(article.sentences) == 200
    gold = [line.rsplit("|", 1) for block in blocks for line in block.splitlines()]
    assert [t.text for t in article.tokens] == [token.strip() for token, _ in gold]
    kept = sum(tag in {"B_PER", "B_ORG", "B_LOC"} for _, tag in gold)
    assert len(article.entities) == kept > 100
    for record in (*article.tokens, *article.entities):
        assert article.text[record.start : record.end] == record.text
    # written back PEYMA's way, the lines are PEYMA's but for the types persnews does not keep
    unkept = {"B_DAT", "I_DAT", "B_TIM", "I_TIM", "B_MON", "I_MON", "B_PCT", "I_PCT"}
    expected = [f"{token.strip()}|{'O' if tag in unkept else tag}" for token, tag in gold]
    written = to_conll(article, sep="|", tag_sep="_").split("\n")
    assert [line for line in written if line] == expected
    with pytest.raises(InvalidValueError, match=r"entity type on line \d+ 'DAT'"):
        from_conll(data, sep="|")


# ---------------------------------------------------------------- BRAT


def test_brat_round_trip_example(article: Article) -> None:
    txt, ann = to_brat(article)
    assert txt == article.text
    back = from_brat(txt, ann, published=article.published)
    for name in RECORDS:
        assert getattr(back, name) == getattr(article, name), name
    assert back == article
    assert all(getattr(article, name) for name in ("roles", "quotes", "attributions", "dates"))
    undated = from_brat(txt, ann)  # values travel in the notes, not through ``published``
    assert undated.published is None
    assert all(getattr(undated, name) == getattr(article, name) for name in RECORDS)


def test_brat_round_trip_seed(seed: tuple[str, dict[str, Any]]) -> None:
    text, _ = seed
    article = analyze(text, published="2021-11-23")
    assert from_brat(*to_brat(article), published="2021-11-23") == article


@pytest.mark.parametrize("text", ANALYZED)
def test_brat_round_trip_analyzed(text: str) -> None:
    article = analyze(text, published="2021-11-23")
    txt, ann = to_brat(article)
    assert len(txt) == len(text)
    back = from_brat(txt, ann, published="2021-11-23")
    for name in RECORDS:
        assert getattr(back, name) == getattr(article, name), name
    if "\r" not in text:
        assert back == article


def test_brat_lines() -> None:
    article = analyze(RELATIONS_TEXT, published="2021-11-23")
    txt, ann = to_brat(article)
    lines = ann.splitlines()
    ids = [line.split("\t")[0] for line in lines]
    assert len(ids) == len(set(ids))
    for line in lines:
        if line.startswith("T"):
            _, head, covered = line.split("\t")
            start, end = map(int, head.split(" ")[1:])
            assert txt[start:end] == covered
    assert "E7\tMeeting:T26 Participant:T3 Participant2:T5 Date:T12" in lines
    assert "E6\tAttribution:T25 Source:T1 Via:T2" in lines
    assert "R1\tRefers Arg1:T22 Arg2:T8" in lines  # «وی» stands for لاوروف
    assert "T22\tMention 286 288\tوی" in lines
    assert "A3\tMode E7 phone" in lines
    assert '#16\tAnnotatorNotes E3\t{"cue": "اعلام کرد"}' in lines
    assert "T12\tDATE 128 138\tروز دوشنبه" in lines
    note = json.loads(lines[ids.index("#12")].split("\t")[2])
    assert note["value"] == "2021-11-22"


def test_brat_conf_declares_every_type(article: Article) -> None:
    conf = brat_conf()
    assert [line for line in conf.splitlines() if line.startswith("[")] == [
        "[entities]",
        "[relations]",
        "[events]",
        "[attributes]",
    ]
    entities = conf.split("[entities]")[1].split("[")[0].split()
    events = [line.split("\t")[0] for line in conf.split("[events]")[1].split("[")[0].splitlines()]
    _, ann = to_brat(analyze(RELATIONS_TEXT + " " + article.text, published="2021-11-23"))
    for line in ann.splitlines():
        if line.startswith("T"):
            kind = line.split("\t")[1].split(" ")[0]
            assert kind in entities or kind in events, kind
    assert "Mode\tArg:Meeting, Value:phone|video|in_person" in conf


def test_brat_annotation_over_a_line_break() -> None:
    txt = "علی\nرضایی آمد."
    article = from_brat(txt, "T1\tPER 0 3;4 9\tعلی رضایی\n")
    assert [(e.start, e.end, e.text) for e in article.entities] == [(0, 9, "علی\nرضایی")]
    _, ann = to_brat(article)
    assert ann.startswith("T1\tPER 0 3;4 9\tعلی رضایی\n")
    assert from_brat(txt, ann) == article


def test_brat_carriage_returns_keep_offsets() -> None:
    text = "علی رضایی\r\nبه تهران رفت.\rپایان"
    article = analyze(text)
    txt, ann = to_brat(article)
    assert txt == "علی رضایی \nبه تهران رفت.\nپایان"
    back = from_brat(txt, ann)
    assert spans(back.entities) == spans(article.entities)


def test_brat_annotations_made_by_hand() -> None:
    txt = "علي رضايي، وزیر نفت، دیروز گفت که ۲۵ درصد بیشتر شد."
    ann = "\n".join(
        [
            "T1\tPER 0 9\tعلي رضايي",
            "T2\tTITLE 11 19\tوزیر نفت",
            "T3\tDATE 21 26\tدیروز",
            "T4\tPERCENT 34 41\t۲۵ درصد",
            "T5\tRole 0 19\tعلي رضايي، وزیر نفت",
            "E1\tRole:T5 Person:T1",
            "T6\tQuote 0 50\tعلي رضايي، وزیر نفت، دیروز گفت که ۲۵ درصد بیشتر شد",
            "T7\tContent 34 50\t۲۵ درصد بیشتر شد",
            "T8\tMention 11 19\tوزیر نفت",
            "E2\tQuote:T6 Speaker:T8 Content:T7",
            "#1\tAnnotatorNotes T1\tchecked by hand",
        ]
    )
    article = from_brat(txt, ann, published="2023-10-09")
    (person,) = article.entities
    assert (person.canonical, person.source, person.score, person.kind) == (
        "علی رضایی",
        "rule",
        1.0,
        None,
    )
    (date,) = article.dates
    assert (date.value, date.kind, date.rule) == (
        datetime.date(2023, 10, 8),
        "date",
        "relative_day",
    )
    (number,) = article.numbers
    assert (number.value, number.kind) == (25, "percent")
    (role,) = article.roles
    assert (role.person.entity, role.title, role.org) == (person, "وزیر نفت", None)
    (quote,) = article.quotes
    assert quote.speaker is not None
    assert (quote.speaker.text, quote.speaker.entity, quote.cue, quote.direct) == (
        "وزیر نفت",
        None,
        "",
        False,
    )
    assert quote.content.text == "۲۵ درصد بیشتر شد"
    assert [s.text for s in article.sentences] == [txt]


def test_brat_corrections_are_read(article: Article) -> None:
    txt, ann = to_brat(article)
    lines = ann.splitlines()
    first = lines[0].split("\t")  # T1 LOC خزر
    lines[0] = "\t".join([first[0], first[1].replace("LOC", "ORG"), first[2]])
    lines.append("T999\tPER 811 823\tسرگئی ایوانف")
    back = from_brat(txt, "\n".join(lines), published=article.published)
    assert back.entities[0].label == "ORG"
    assert back.entities[0].canonical == article.entities[0].canonical
    assert [e for e in back.entities if e.text == "سرگئی ایوانف"][-1].source == "rule"
    assert len(back.entities) == len(article.entities) + 1


def test_brat_unknown_types() -> None:
    txt = "علی به تهران رفت."
    ann = (
        "T1\tPER 0 3\tعلی\nT2\tVERB 13 16\tرفت\nN1\tReference T1 Wikidata:Q1\tعلی\n"
        "*\tEquiv T1 T1\nR1\tLikes Arg1:T1 Arg2:T1\nA1\tNegated T1\n#1\tAnnotatorNotes T2\tx\n"
    )
    with pytest.raises(InvalidValueError, match=r"type on line 2 'VERB'.*unknown='skip'"):
        from_brat(txt, ann)
    article = from_brat(txt, ann, unknown="skip")
    assert spans(article.entities) == [(0, 3, "PER")]


@pytest.mark.parametrize(
    ("ann", "message"),
    [
        ("T1\tPER 0 3\tعلی\nT2\tLOC 4 6\tتهران\n", r"text of T2 on line 2 'تهران'"),
        ("T1\tPER 0 3\tعلی\nT2\tLOC 7 99\tتهران\n", r"offsets of T2 on line 2"),
        ("T1\tPER 3 0\tعلی\n", r"offsets of T1 on line 1"),
        ("T1\tPER 0 3;2 5\tعلی\n", r"offsets of T1 on line 1"),
        ("T1\tPER zero 3\tعلی\n", r"offsets of T1 on line 1"),
        ("T1 PER 0 3 علی\n", r"annotation on line 1"),
        ("T1\tPER 0 3\tعلی\nT1\tPER 0 3\tعلی\n", r"ID on line 2 'T1'"),
        ("T1\tPER 0 3\tعلی\n#1\tAnnotatorNotes T1\t{bad json\n", r"note on line 2"),
        ('T1\tPER 0 3\tعلی\n#1\tAnnotatorNotes T1\t{"score": 2}\n', r"score on line 2 2"),
        ('T1\tPER 0 3\tعلی\n#1\tAnnotatorNotes T1\t{"source": "x"}\n', r"source on line 2"),
        (
            'T1\tDATE 0 3\tعلی\n#1\tAnnotatorNotes T1\t{"value": "1402"}\n',
            r"value on line 2 '1402': expected an ISO date",
        ),
        ("T1\tCARDINAL 0 3\tعلی\n", r"number on line 1 'علی'"),
        ("T1\tPER 0 3\tعلی\nE1\tRole:T1 Person:T1\n", r"trigger on line 2 'T1'"),
        ("T1\tRole 0 3\tعلی\nE1\tRole:T1\n", r"Role event on line 2 'Person'"),
        ("T1\tRole 0 3\tعلی\nT2\tPER 0 3\tعلی\nE1\tRole:T1 Person:T2\n", r"Role event on line 3"),
        ("T1\tQuote 0 3\tعلی\nE1\tQuote:T1 Content:T9\n", r"Content on line 2 'T9'"),
        ("T1\tQuote 0 3\tعلی\nE1\tQuote:T1 Content:T1\n", r"Content on line 2 'T1'"),
        (
            "T1\tQuote 0 3\tعلی\nT2\tContent 4 6\tبه\nE1\tQuote:T1 Content:T2\nA1\tMode E1 phone\n",
            r"Mode on line 4",
        ),
        ("T1\tMeeting 0 3\tعلی\nE1\tMeeting:T1\nA1\tMode E1 fax\n", r"Mode on line 3 'fax'"),
        (
            "T1\tMeeting 0 3\tعلی\nT2\tPER 0 3\tعلی\nE1\tMeeting:T1 Date:T2\n",
            r"Date on line 3 'T2'",
        ),
        ("T1\tMention 0 3\tعلی\nR1\tRefers Arg1:T1 Arg2:T1\n", r"Arg2 on line 2 'T1'"),
        ("#1\tAnnotatorNotes T5\tx\n", r"note on line 1 'T5'"),
        ("E1\tMeeting T1\n", r"E1 on line 1"),
        ("X1\tfoo\n", r"annotation on line 1"),
    ],
)
def test_brat_malformed(ann: str, message: str) -> None:
    with pytest.raises(InvalidValueError, match=message):
        from_brat("علی به تهران رفت.", ann)


def test_brat_wrong_arguments() -> None:
    with pytest.raises(InputTypeError, match="txt must be str, not bytes"):
        from_brat(b"x", "")  # type: ignore[arg-type]
    with pytest.raises(InputTypeError, match="ann must be str, not NoneType"):
        from_brat("x", None)  # type: ignore[arg-type]
    with pytest.raises(InputTypeError, match="published must be"):
        from_brat("x", "", published=1402)
    with pytest.raises(InputTypeError, match="article must be an Article"):
        to_brat({"text": "x"})  # type: ignore[arg-type]


def test_brat_empty() -> None:
    empty = analyze("")
    assert to_brat(empty) == ("", "")
    assert from_brat("", "") == empty


# ---------------------------------------------------------------- displaCy


def test_displacy(article: Article) -> None:
    doc = to_displacy(article, title="خزر")
    assert set(doc) == {"text", "ents", "title", "settings"}
    assert (doc["text"], doc["title"]) == (article.text, "خزر")
    assert doc["settings"] == {"lang": "fa", "direction": "rtl"}
    ents = doc["ents"]
    assert ents == sorted(ents, key=lambda e: (e["start"], e["end"]))
    assert all(a["end"] <= b["start"] for a, b in itertools.pairwise(ents))
    labels = {e["label"] for e in ents}
    assert {"PER", "ORG", "LOC", "TITLE", "DATE", "DURATION", "RANGE"} <= labels
    assert len([e for e in ents if e["label"] in export._brat.ENTITY_TYPES]) == len(
        article.entities
    )
    json.dumps(doc)  # plain JSON
    numbers = to_displacy(article, include=("numbers",))["ents"]
    assert "۱.۵ متر" in [article.text[e["start"] : e["end"]] for e in numbers]
    assert to_displacy(article, include=())["ents"] == []


def test_displacy_overlaps_follow_include_order() -> None:
    article = analyze("سخنگوی وزارت امور خارجه گفت.")
    assert to_displacy(article)["ents"] == [{"start": 7, "end": 23, "label": "ORG"}]
    titles_first = to_displacy(article, include=("titles", "entities"))
    assert titles_first["ents"] == [{"start": 0, "end": 23, "label": "TITLE"}]


def test_displacy_renders(article: Article) -> None:
    displacy = pytest.importorskip("spacy.displacy")
    html = displacy.render(
        to_displacy(article), style="ent", manual=True, options={"colors": export.DISPLACY_COLORS}
    )
    assert 'dir="rtl"' in html
    assert "علی سلاجقه" in html


def test_displacy_wrong_arguments(article: Article) -> None:
    with pytest.raises(InputTypeError, match="article must be an Article"):
        to_displacy(None)  # type: ignore[arg-type]
    with pytest.raises(InvalidValueError, match="invalid include 'quotes'"):
        to_displacy(article, include=("entities", "quotes"))
    with pytest.raises(InputTypeError, match="title must be str"):
        to_displacy(article, title=1)  # type: ignore[arg-type]


# ---------------------------------------------------------------- JSON Lines


def test_jsonl_path_round_trip(article: Article, tmp_path: Path) -> None:
    articles = [article, analyze(RELATIONS_TEXT, published="2021-11-23"), analyze("")]
    for name in ("articles.jsonl", "articles.jsonl.gz"):
        path = tmp_path / name
        assert write_jsonl(articles, path) == 3
        assert list(read_jsonl(path)) == articles
        assert list(read_jsonl(str(path))) == articles
    raw = (tmp_path / "articles.jsonl").read_text(encoding="utf-8")
    assert len(raw.splitlines()) == 3
    assert "سلاجقه" in raw  # not \u escapes
    assert json.loads(raw.splitlines()[0]) == article.to_dict()
    with gzip.open(tmp_path / "articles.jsonl.gz", "rt", encoding="utf-8") as lines:
        assert lines.read() == raw


def test_jsonl_file_objects(article: Article) -> None:
    text_out = io.StringIO()
    assert write_jsonl(iter([article, article]), text_out) == 2
    assert list(read_jsonl(io.StringIO(text_out.getvalue()))) == [article, article]
    binary_out = io.BytesIO()
    assert write_jsonl([article], binary_out) == 1
    assert binary_out.getvalue().decode("utf-8") == text_out.getvalue().split("\n")[0] + "\n"
    assert list(read_jsonl(io.BytesIO(binary_out.getvalue()))) == [article]
    assert list(read_jsonl(text_out.getvalue().splitlines())) == [article, article]
    assert write_jsonl([], io.StringIO()) == 0


def test_jsonl_line_separators_stay_escaped() -> None:
    articles = [analyze("یک\u2028دو\x85سه\u2029چهار"), analyze("پنج")]
    out = io.StringIO()
    write_jsonl(articles, out)
    assert len(out.getvalue().splitlines()) == 2
    assert list(read_jsonl(out.getvalue().splitlines())) == articles


def test_jsonl_blank_lines_and_bom(article: Article) -> None:
    line = persnews.Article.to_json(article)
    assert list(read_jsonl(io.StringIO(f"\ufeff{line}\n\n  \n{line}\n"))) == [article, article]


@pytest.mark.parametrize(
    ("second", "message"),
    [
        ("{not json", r"invalid line 2 '\{not json': expected one JSON object a line"),
        ("[1, 2]", r"invalid line 2 '\[1, 2\]': expected a JSON object"),
        ('{"text": "x"}', r"article on line 2 .*missing key 'sentences'"),
        (
            '{"text": "x", "sentences": [], "entities": [{"start": 0, "end": 1, "text": "x", '
            '"label": "CITY", "canonical": "x", "source": "model"}]}',
            r"invalid label on line 2 'CITY'",
        ),
        ('{"text": "x", "sentences": [1]}', r"article on line 2"),
    ],
)
def test_jsonl_bad_lines(article: Article, second: str, message: str) -> None:
    lines = read_jsonl(io.StringIO(article.to_json() + "\n" + second + "\n"))
    assert next(lines) == article
    with pytest.raises(InvalidValueError, match=message):
        next(lines)


def test_jsonl_wrong_arguments(article: Article, tmp_path: Path) -> None:
    with pytest.raises(InputTypeError, match="articles must be an iterable of Article"):
        write_jsonl(article, io.StringIO())  # type: ignore[arg-type]
    with pytest.raises(InputTypeError, match=r"articles\[1\] must be an Article, not dict"):
        write_jsonl([article, article.to_dict()], io.StringIO())  # type: ignore[list-item]
    with pytest.raises(InputTypeError, match="file must be a path or a file open for writing"):
        write_jsonl([article], 5)  # type: ignore[arg-type]
    with pytest.raises(InputTypeError, match="file must be a path or a file open for reading"):
        read_jsonl(5)  # type: ignore[arg-type]
    with pytest.raises(FileNotFoundError):
        read_jsonl(tmp_path / "missing.jsonl")


# ---------------------------------------------------------------- properties


@examples(150)
@given(texts)
def test_export_and_import_keep_every_span(text: str) -> None:
    article = analyze(text, published="2023-10-09")
    back = from_conll(to_conll(article, include=("entities", "titles")), text=text)
    assert back.tokens == article.tokens
    assert spans(back.entities) == spans(article.entities)
    rebuilt = from_conll(to_conll(article))
    assert [t.text for t in rebuilt.tokens] == [" ".join(t.text.split()) for t in article.tokens]
    assert [e.label for e in rebuilt.entities] == [e.label for e in article.entities]
    for owner in (rebuilt, back):
        for record in (*owner.tokens, *owner.entities):
            assert owner.text[record.start : record.end] == record.text
    txt, ann = to_brat(article)
    assert len(txt) == len(text)
    from_ann = from_brat(txt, ann, published="2023-10-09")
    for name in RECORDS:
        assert [(r.start, r.end) for r in getattr(from_ann, name)] == [
            (r.start, r.end) for r in getattr(article, name)
        ], name
    assert spans(from_ann.entities) == spans(article.entities)
    assert spans(from_ann.titles) == spans(article.titles)
    assert [d.kind for d in from_ann.dates] == [d.kind for d in article.dates]
    if "\r" not in text:
        assert from_ann == article
    doc = to_displacy(article, include=("entities", "titles", "dates", "numbers"))
    ents = doc["ents"]
    assert all(0 <= e["start"] < e["end"] <= len(text) for e in ents)
    assert all(a["end"] <= b["start"] for a, b in itertools.pairwise(ents))
    out = io.StringIO()
    write_jsonl([article], out)
    assert list(read_jsonl(io.StringIO(out.getvalue()))) == [article]
