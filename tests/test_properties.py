"""Properties that hold for any input: exact offsets, idempotence, no crash."""

from __future__ import annotations

import os

from hypothesis import given, settings
from hypothesis import strategies as st
from strategies import texts

import persnews

settings.register_profile("ci", max_examples=300, deadline=None)
settings.register_profile("deep", max_examples=5000, deadline=None)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))


@given(texts)
def test_normalize_never_raises_and_maps_every_character(text: str) -> None:
    doc = persnews.normalize(text)
    assert doc.original == text
    previous = (0, 0)
    for index in range(len(doc.text)):
        start, end = doc.origin(index)
        assert 0 <= start <= end <= len(text)
        assert start >= previous[0], "the map must never go backwards"
        assert end >= previous[1], "the map must never go backwards"
        previous = (start, end)


@given(texts)
def test_normalize_is_idempotent(text: str) -> None:
    once = persnews.normalize(text).text
    assert persnews.normalize(once).text == once


@given(texts)
def test_token_offsets_round_trip(text: str) -> None:
    tokens = persnews.tokenize(text)
    for token in tokens:
        assert text[token.start : token.end] == token.text
        assert token.text.strip() == token.text != ""
    starts = [t.start for t in tokens]
    assert starts == sorted(starts)


@given(texts)
def test_sentence_offsets_round_trip(text: str) -> None:
    sentences = persnews.sentences(text)
    previous_end = 0
    for sentence in sentences:
        assert text[sentence.start : sentence.end] == sentence.text
        assert sentence.start >= previous_end
        assert sentence.tokens, "a sentence has at least one token"
        assert sentence.tokens[0].start == sentence.start
        assert sentence.tokens[-1].end == sentence.end
        previous_end = sentence.end
    flat = [t for s in sentences for t in s.tokens]
    assert flat == persnews.tokenize(text)


@given(texts, st.integers(0, 400), st.integers(0, 400))
def test_to_original_is_a_valid_slice_for_any_span(text: str, a: int, b: int) -> None:
    doc = persnews.normalize(text)
    a, b = sorted((min(a, len(doc.text)), min(b, len(doc.text))))
    start, end = doc.to_original(a, b)
    assert 0 <= start <= end <= len(text)
    back = doc.to_normalized(start, end)
    assert 0 <= back[0] <= back[1] <= len(doc.text)


@given(texts)
def test_whitespace_only_or_empty_gives_empty_results(text: str) -> None:
    blank = "".join(c for c in text if c.isspace())
    assert persnews.tokenize(blank) == []
    assert persnews.sentences(blank) == []
    assert persnews.normalize(blank).text == ""


@given(st.lists(texts, min_size=1, max_size=8).map(" ".join), st.integers(0, 50))
def test_atom_list_equals_the_scanner(text: str, start: int) -> None:
    """Cutting plain runs of words with split gives exactly the scanner's atoms."""
    from persnews import _atoms

    for candidate in (text, persnews.normalize(text).text):
        begin = min(start, len(candidate))
        while begin and not candidate[begin - 1].isspace():
            begin -= 1  # atom_list is asked for stretches that start at whitespace
        scanned = [
            (m.start(), m.end(), m.lastgroup, m.group())
            for m in _atoms.atom_pattern().finditer(candidate, begin)
        ]
        assert _atoms.atom_list(candidate, begin) == scanned
