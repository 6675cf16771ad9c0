"""How persnews reads hazm's word list (``persnews/_hazm.py``)."""

from __future__ import annotations

from pathlib import Path

import pytest

from persnews import _hazm

#: a word list in hazm's shape: word, corpus count, tags; «کتابها» is a glued
#: misspelling hazm lists without a count or a tag
WORDS = "آب\t311\tN\nآباد\t404003\tN,AJ\nکتابها\t0\t0\nنو\t0\tAJ\n"


def read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, text: str) -> _hazm._WordList:
    (tmp_path / "words.dat").write_text(text, encoding="utf-8")
    monkeypatch.setattr(_hazm, "data_dir", lambda: tmp_path)
    return _hazm._words()


def test_the_word_list_is_read_by_columns(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    frequency, pos, seen = read(tmp_path, monkeypatch, WORDS)
    assert frequency == {"آب": 311, "آباد": 404003, "کتابها": 0, "نو": 0}
    # a part of speech for the words hazm has seen (a count or a tag), not the others
    assert pos == {"آب": ("N",), "آباد": ("N", "AJ"), "نو": ("AJ",)}
    assert seen == ["آب", "آباد", "نو"]
    shared = read(tmp_path, monkeypatch, WORDS + "آبی\t3\tN")[1]
    assert shared["آب"] is shared["آبی"]  # one tuple for each spelling of the tags


def test_a_missing_final_line_break_changes_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert read(tmp_path, monkeypatch, WORDS.rstrip("\n")) == read(tmp_path, monkeypatch, WORDS)


@pytest.mark.parametrize(
    "text",
    [
        "آب\t311\tN\nآباد\t404003\n",  # a field missing
        "آب\t311\tN\textra\nآباد\t404003\tN\n",  # a field too many
        "آب\t311\tN\tx\nآباد\t4\nنو\t0\tAJ\n",  # both: the count of fields is right
        "آب\tN\t311\n",  # the columns swapped
    ],
)
def test_a_word_list_of_another_shape_is_an_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, text: str
) -> None:
    with pytest.raises(ValueError, match=r"words\.dat is not hazm 0\.10\.0's word list"):
        read(tmp_path, monkeypatch, text)


def test_the_installed_word_list() -> None:
    lexicon = _hazm.lexicon()
    assert len(lexicon.frequency) > 190_000
    assert lexicon.frequency["ایران"] > 0
    assert lexicon.attested("ایران")
    assert "کتابها" in lexicon.frequency
    assert not lexicon.attested("کتابها")
    assert "N" in lexicon.pos["کتاب"]
