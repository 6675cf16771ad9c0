"""The shipped named-entity model: its file, its checksum, and what it finds."""

from __future__ import annotations

import hashlib
import shutil
import subprocess
import sys
from collections.abc import Iterator
from importlib import resources
from pathlib import Path

import pytest
import regex
from hypothesis import given
from hypothesis import strategies as st
from strategies import any_text, examples

from persnews import _ner


@pytest.fixture
def shipped_model() -> Iterator[None]:
    """Whatever a test points the tagger at, the shipped model is back afterwards."""
    _ner.use_model(None)
    yield
    _ner.use_model(None)


def labelled(text: str) -> list[tuple[str, str]]:
    return [(text[start:end], label) for start, end, label, _ in _ner.find(text)]


def test_shipped_model_matches_its_checksum(shipped_model: None) -> None:
    data = resources.files("persnews").joinpath("data")
    recorded = data.joinpath(_ner.CHECKSUM).read_text("ascii").split()
    model = data.joinpath(_ner.MODEL).read_bytes()
    assert recorded[0] == hashlib.sha256(model).hexdigest()
    assert len(model) <= 25_000_000
    labels = set(_ner._tagger().labels())
    assert labels == {"O"} | {f"{p}-{t}" for p in "BI" for t in _ner.LABELS}


def test_wrong_checksum_raises(shipped_model: None) -> None:
    with _ner.model_path() as (path, _):
        _ner.use_model(path, "0" * 64)
        with pytest.raises(_ner.ModelChecksumError, match="does not match") as caught:
            _ner.tag(["تهران"])
    assert isinstance(caught.value, ValueError)
    assert caught.value.expected == "0" * 64


def test_damaged_model_file_raises(shipped_model: None, tmp_path: Path) -> None:
    with _ner.model_path() as (path, expected):
        copy = tmp_path / "ner.crfsuite"
        shutil.copyfile(path, copy)
    data = bytearray(copy.read_bytes())
    data[len(data) // 2] ^= 0xFF
    copy.write_bytes(bytes(data))
    _ner.use_model(copy, expected)
    with pytest.raises(_ner.ModelChecksumError):
        _ner.find("سفر به تهران")


def test_import_persnews_does_not_load_the_model() -> None:
    code = "import sys, persnews; assert 'persnews._ner' not in sys.modules; print('ok')"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.stdout.strip() == "ok", done.stderr


def test_features_one_list_per_token() -> None:
    words = ["سرگئی", "لاوروف", "به", "تهران", "آمد", "."]
    result = _ner.features(words)
    assert len(result) == len(words)
    assert "w=تهران" in result[3]
    assert "w-1=به" in result[3]
    assert _ner.features([]) == []
    assert _ner.features(words) == result  # cached per word, same answer


@pytest.mark.parametrize(
    ("word", "form"),
    [
        ("۱۴۰۲", "0000"),
        ("Tehran2024", "tehran0000"),
        ("٣٤x5", "00x0"),  # Arabic-Indic digits, one run, a letter, another run
        ("کووید۱۹", "کووید00"),
        ("a1-" * 30_000, "a0-" * 30_000),  # translated, not matched digit by digit
        ("\U0001e4f1\u0967x", "00x"),  # Nag Mundari and Devanagari digits
        ("تهران", "تهران"),
    ],
)
def test_a_words_form_has_every_digit_as_zero(word: str, form: str) -> None:
    assert _ner._form(word) == form


@given(any_text)
@examples(300)
def test_a_words_form_is_the_word_with_each_digit_zero(word: str) -> None:
    assert _ner._form(word) == regex.sub(r"\d", "0", word.lower())


def test_tag_gives_a_label_and_a_probability_per_token(shipped_model: None) -> None:
    tagged = _ner.tag(["سفر", "به", "تهران"])
    assert [label for label, _ in tagged] == ["O", "O", "B-LOC"]
    assert all(0.5 < score <= 1.0 for _, score in tagged)
    assert tagged[0][1] == tagged[1][1] == 1.0  # an O is not scored
    tagger, known = _ner._model()
    tagger.set(_ner._items(["سفر", "به", "تهران"], known))
    assert tagged[2][1] == tagger.marginal("B-LOC", 2)  # a name's label is
    assert _ner.tag([]) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "سرگئی لاوروف وزیر امور خارجه روسیه امروز به تهران سفر کرد.",
            [("سرگئی لاوروف", "PER"), ("تهران", "LOC")],
        ),
        (
            "به گزارش خبرگزاری فارس، رئیس‌جمهور امروز به مشهد رفت.",
            [("خبرگزاری فارس", "ORG"), ("مشهد", "LOC")],
        ),
        (
            "حسن روحانی رئیس جمهور ایران در سازمان ملل متحد سخنرانی کرد.",
            [("حسن روحانی", "PER"), ("ایران", "LOC"), ("سازمان ملل متحد", "ORG")],
        ),
        (
            "آنگلا مرکل دیروز وارد پاریس شد.",
            [("آنگلا مرکل", "PER"), ("پاریس", "LOC")],
        ),
        (
            "تیم ملی فوتبال آلمان دیروز وارد برلین شد.",  # teams are ORG in both corpora
            [("تیم ملی فوتبال آلمان", "ORG"), ("برلین", "LOC")],
        ),
    ],
)
def test_clear_sentences(shipped_model: None, text: str, expected: list[tuple[str, str]]) -> None:
    found = labelled(text)
    for entity in expected:
        assert entity in found, found


def test_country_after_a_ministry_follows_the_corpora(shipped_model: None) -> None:
    """PEYMA and ARMAN tag «(وزیر) امور خارجه روسیه» as one ORG, so the model does
    too; either way «روسیه» is inside an entity, and «وزیر» is not."""
    text = "سرگئی لاوروف وزیر امور خارجه روسیه امروز به تهران سفر کرد."
    found = labelled(text)
    assert any("روسیه" in span and label in {"LOC", "ORG"} for span, label in found), found
    assert not any("وزیر" in span for span, _ in found), found


def test_spans_leave_quotes_out(shipped_model: None) -> None:
    text = "«سرگئی لاوروف» گفت که «مسکو» آماده است."
    found = labelled(text)
    assert ("سرگئی لاوروف", "PER") in found
    assert all(not span.startswith(("«", "»", '"')) for span, _ in found)
    assert all(not span.endswith(("«", "»", '"', ".", "،")) for span, _ in found)


def test_offsets_index_the_original_text(shipped_model: None) -> None:
    text = "  سفر  وزير امور خارجه روسيه به تهران.  "  # Arabic ي, doubled spaces
    spans = _ner.find(text)
    assert ("تهران", "LOC") in [(text[s:e], label) for s, e, label, _ in spans]
    for start, end, _, score in spans:
        assert text[start:end] == text[start:end].strip()
        assert 0.0 < score <= 1.0


@pytest.mark.parametrize("text", ["", "   ", "\n\n\u200c", "۱۲۳ ... ؟!"])
def test_nothing_to_find(shipped_model: None, text: str) -> None:
    assert _ner.find(text) == []


@pytest.mark.parametrize("text", ["Hello, world! 123", "Ünïcödé — 東京 🙂", "a" * 500])
def test_no_persian_no_crash(shipped_model: None, text: str) -> None:
    for start, end, label, _ in _ner.find(text):
        assert 0 <= start < end <= len(text)
        assert label in _ner.LABELS


def test_spans_from_iob() -> None:
    from persnews import tokenize

    tokens = tokenize("« علی » و رضا")
    tagged = [("B-PER", 0.5), ("I-PER", 0.9), ("I-PER", 0.7), ("O", 1.0), ("I-PER", 0.8)]
    spans = _ner.spans(tokens, tagged)
    assert [(s, e, label) for s, e, label, _ in spans] == [(2, 5, "PER"), (10, 13, "PER")]
    assert spans[0][3] == pytest.approx(0.9)


@pytest.mark.parametrize(
    "words",
    [
        ["به", "گزارش", "خبرگزاری", "فارس", "،", "علی", "لاریجانی", "به", "مشهد", "رفت", "."],
        ["a|b", "|", "تهران", "||", "b|", "|c", "x"],
        ["تهران"],
    ],
)
def test_the_tagger_is_given_exactly_the_known_attributes(words: list[str]) -> None:
    """Attributes are looked up by word (bigrams by form, «|» in a form included): the
    tagger gets every attribute of the full feature set that the model knows, in
    the same order, and no other."""
    _, known = _ner._model()
    if not known:
        pytest.skip("the model's attribute table could not be read")
    full = _ner._items(words)
    assert _ner._items(words, known) == [[a for a in row if a in known] for row in full]


@given(
    st.lists(st.text(st.sampled_from("تهران\u200c کaB1۱-\r\t\u2028()ﻻ")))
    | any_text.map(lambda text: text.split("\t"))
)
def test_plain_gazetteer_surfaces_are_those_made_of_persian_words(surfaces: list[str]) -> None:
    """One scan of all the surfaces picks the ones the gazetteer splits on spaces
    (the others are tokenized): those made of Arabic-script letters, half-spaces
    and spaces, each checked alone."""
    surfaces = [surface.replace("\n", " ") for surface in surfaces]  # a row has no line break
    alone = {s for s in surfaces if regex.fullmatch(r"[\p{Arabic}\u200c ]+", s)}
    assert _ner._plain_surfaces(surfaces) == alone
