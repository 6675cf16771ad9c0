"""The offset map: NormalizedText and apply_edits."""

from __future__ import annotations

from array import array

import pytest

from persnews import NormalizedText, normalize
from persnews.text import apply_edits


def _map(text: str) -> tuple[array[int], array[int]]:
    positions = array("q", range(len(text) + 1))
    return positions[:-1], positions[1:]


@pytest.mark.parametrize(
    ("text", "edits", "expected", "starts", "ends"),
    [
        pytest.param("abc", [], "abc", [0, 1, 2], [1, 2, 3], id="nothing"),
        pytest.param("abc", [(1, 2, "x")], "axc", [0, 1, 2], [1, 2, 3], id="same-length"),
        pytest.param("abc", [(1, 1, "-")], "a-bc", [0, 1, 1, 2], [1, 1, 2, 3], id="insertion"),
        pytest.param("abc", [(1, 2, "")], "ac", [0, 2], [1, 3], id="deletion-gap"),
        pytest.param("a  b", [(1, 3, " ")], "a b", [0, 1, 3], [1, 3, 4], id="shrink"),
        pytest.param(
            "aﷲb", [(1, 2, "الله")], "aاللهb", [0, 1, 1, 1, 1, 2], [1, 2, 2, 2, 2, 3], id="expand"
        ),
        pytest.param("ab", [(2, 2, "!")], "ab!", [0, 1, 2], [1, 2, 2], id="insert-at-end"),
    ],
)
def test_apply_edits(
    text: str, edits: list[tuple[int, int, str]], expected: str, starts: list[int], ends: list[int]
) -> None:
    result, new_starts, new_ends = apply_edits(text, *_map(text), edits)
    assert result == expected
    assert list(new_starts) == starts
    assert list(new_ends) == ends


def test_apply_edits_rejects_overlapping_edits() -> None:
    with pytest.raises(ValueError, match="overlap"):
        apply_edits("abcd", *_map("abcd"), [(0, 2, "x"), (1, 3, "y")])


def test_insertion_inside_an_expansion_keeps_the_map_monotone() -> None:
    text, starts, ends = apply_edits("ﷲ", *_map("ﷲ"), [(0, 1, "الله")])
    _, starts, ends = apply_edits(text, starts, ends, [(2, 2, "\u200c")])
    assert list(starts) == sorted(starts)
    assert list(ends) == sorted(ends)


def test_identity() -> None:
    doc = NormalizedText.identity("سلام")
    assert doc.text == doc.original == "سلام"
    assert doc.to_original(1, 3) == (1, 3)
    assert doc.steps == ()


def test_to_original_covers_what_the_characters_came_from() -> None:
    doc = normalize("كِتاب  ها")
    assert doc.text == "کتاب\u200cها"
    assert doc.to_original(0, len(doc.text)) == (0, len(doc.original))
    assert doc.original[slice(*doc.to_original(0, 4))] == "كِتاب"
    assert doc.to_original(0, 0) == (0, 0)


def test_to_normalized_maps_back() -> None:
    doc = normalize("ديپلماتهاي  منطقه اي")
    start, end = doc.to_original(12, 20)
    assert doc.to_normalized(start, end) == (12, 20)


@pytest.mark.parametrize("span", [(-1, 2), (0, 99), (3, 2)])
def test_out_of_range_spans_raise(span: tuple[int, int]) -> None:
    doc = normalize("سلام")
    with pytest.raises(IndexError):
        doc.to_original(*span)
    with pytest.raises(IndexError):
        doc.to_normalized(*span)


def test_equality_compares_the_map() -> None:
    assert normalize("سلام") == normalize("سلام")
    assert normalize("سلام") != normalize("سلام ")
    assert normalize("سلام").__eq__("سلام") is NotImplemented


def test_the_garbage_collector_is_left_as_it_was() -> None:
    import gc

    import persnews

    assert gc.isenabled()
    persnews.sentences(persnews.normalize("سلام. خداحافظ."))
    assert gc.isenabled()
    gc.disable()
    try:
        persnews.tokenize("سلام")
        assert not gc.isenabled()
    finally:
        gc.enable()
