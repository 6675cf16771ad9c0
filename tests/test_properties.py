"""Properties that hold for any input: exact offsets, idempotence, no crash."""

from __future__ import annotations

import functools
import importlib
import json
import os
import random
import subprocess
import sys
from collections.abc import Iterator
from importlib import resources
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import example, given
from hypothesis import strategies as st
from strategies import examples, texts

import persnews
from persnews.text import NormalizedText


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
def test_the_characters_kept_after_each_step_cover_its_output(text: str) -> None:
    """Normalization reads a text's characters once, then keeps them up to date
    from each step's edits to decide which later steps to skip: what it keeps
    must include every character of the step's output, or a step that would
    change the text could be skipped."""
    module = importlib.import_module("persnews.normalize")
    doc = NormalizedText.identity(text)
    characters = "".join(set(text))
    for step in module.STEPS:
        edits = list(step.edits(doc.text, None))
        doc = doc.edited(edits, step.name)
        characters = step.characters_after(characters, edits)
        assert set(doc.text) <= set(characters), step.name


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
@example("سال ۱۲ م. و ۱۳ ه.ش. گفت. «کتاب.» آری!. رفت.. م.", 0)  # full stops in runs
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


@functools.cache
def _scanner_without_shortcuts() -> Any:
    import regex

    from persnews import _atoms

    return regex.compile(_atoms._atom_source(shortcuts=False), regex.VERBOSE | regex.VERSION1)


@given(st.lists(texts, min_size=1, max_size=8).map(" ".join), st.integers(0, 50))
def test_the_scanners_shortcuts_change_no_atom(text: str, start: int) -> None:
    """The commonest atoms are tried first in the scanner, where nothing before
    them could match: it reads the same atoms as without them."""
    from persnews import _atoms

    for candidate in (text, persnews.normalize(text).text):
        begin = min(start, len(candidate))
        fast = _atoms.atom_pattern().finditer(candidate, begin)
        plain = _scanner_without_shortcuts().finditer(candidate, begin)
        assert [(m.span(), m.lastgroup) for m in fast] == [(m.span(), m.lastgroup) for m in plain]


#: pieces of edits: spaces, half-spaces, and what the scanner reads with context
#: (dots, @, slashes, digits, the abbreviation that holds a space)
_EDIT_PIECES = st.sampled_from(
    ["", " ", "\n", "\u200c", ".", "@", "/", "۲", "3", "x", "ها", "می", "،", "«", "م. ق.ر.ر.ک"]
)


@st.composite
def _edited(draw: st.DrawFn) -> tuple[str, list[tuple[int, int, str]], str]:
    """A text, sorted non-overlapping edits of it, and the edited text."""
    text = draw(st.lists(texts, min_size=1, max_size=4).map(" ".join))
    steps = draw(st.lists(st.tuples(st.integers(0, 30), st.integers(0, 3), _EDIT_PIECES)))
    edits = []
    position = 0
    for skip, length, replacement in steps:
        position += skip
        if position > len(text):
            break
        end = min(len(text), position + length)
        edits.append((position, end, replacement))
        position = end
    pieces, done = [], 0
    for begin, end, replacement in edits:
        pieces += [text[done:begin], replacement]
        done = end
    return text, edits, "".join([*pieces, text[done:]])


@given(_edited())
def test_atoms_brought_up_to_date_equal_a_new_scan(case: tuple[str, list[Any], str]) -> None:
    """Scanning again only around edits gives the atoms of the whole edited text."""
    from persnews import _atoms

    old, edits, new = case
    assert _atoms.updated(_atoms.atom_list(old), old, edits, new) == _atoms.atom_list(new)


@given(texts)
def test_normalization_remembers_the_atoms_of_its_text(text: str) -> None:
    """Tokens reuse the atoms the spacing step read, kept up to date through its edits."""
    from persnews import _atoms

    doc = persnews.normalize(text)
    assert doc.memo("atoms", lambda d: _atoms.atom_list(d.text)) == _atoms.atom_list(doc.text)


# ------------------------------------------------------------ the whole analysis

PUBLISHED = "1402/07/17"


def _records(value: object) -> Iterator[object]:
    """Every attrs record reachable from ``value`` (through records, lists, tuples)."""
    if attrs.has(type(value)):
        yield value
        for field in attrs.fields(type(value)):
            yield from _records(getattr(value, field.name))
    elif isinstance(value, list | tuple):
        for item in value:
            yield from _records(item)


def _json_spans(value: object) -> Iterator[dict[str, Any]]:
    """Every JSON object with start, end and text."""
    if isinstance(value, dict):
        # an argument's text is the canonical name, located by start and end
        if {"start", "end", "text"} <= value.keys() and "entity" not in value:
            yield value
        for item in value.values():
            yield from _json_spans(item)
    elif isinstance(value, list):
        for item in value:
            yield from _json_spans(item)


@functools.cache
def _validator() -> Any:
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads(
        resources.files("persnews").joinpath("data", "article.schema.json").read_text("utf-8")
    )
    return jsonschema.Draft202012Validator(schema)


@given(texts)
def test_analyze_every_span_indexes_the_original(text: str) -> None:
    article = persnews.analyze(text, published=PUBLISHED)
    assert article.text == text
    spans = [r for r in _records(article) if all(hasattr(r, a) for a in ("start", "end", "text"))]
    for span in spans:
        start, end = span.start, span.end  # type: ignore[attr-defined]
        assert 0 <= start <= end <= len(text)
        if not isinstance(span, persnews.Argument):  # its text is the canonical name
            assert text[start:end] == span.text, type(span).__name__  # type: ignore[attr-defined]
    data = article.to_dict()
    json_spans = list(_json_spans(data))
    plain = [span for span in spans if not isinstance(span, persnews.Argument)]
    assert len(json_spans) >= len(plain) - len(article.tokens) - len(article.sentences)
    for span in json_spans:
        assert text[span["start"] : span["end"]] == span["text"]


@examples(40)
@given(texts)
def test_to_dict_is_json_that_follows_the_schema(text: str) -> None:
    article = persnews.analyze(text, published=PUBLISHED)
    data = article.to_dict()
    encoded = json.dumps(data, ensure_ascii=False, allow_nan=False)
    assert json.loads(encoded) == data
    errors = [error.message for error in _validator().iter_errors(data)]
    assert errors == []
    assert article.to_json() == persnews.analyze(text, published=PUBLISHED).to_json()


@examples(80)
@given(texts)
def test_every_public_function_takes_any_text(text: str) -> None:
    """Nothing raises on any str; every view of an article is produced."""
    article = persnews.analyze(text, published=PUBLISHED)
    assert persnews.find_dates(text) is not None
    assert persnews.find_numbers(text) == persnews.find_numbers(persnews.normalize(text))
    assert persnews.find_entities(text) == list(article.entities)
    assert persnews.find_titles(text) == list(article.titles)
    relations = persnews.find_relations(text, published=PUBLISHED)
    assert (relations.roles, relations.quotes) == (article.roles, article.quotes)
    assert isinstance(persnews.render(article), str)
    assert isinstance(persnews.render_mentions(list(article.dates), text=text), str)
    assert isinstance(persnews.to_conll(article), str)
    assert isinstance(persnews.to_brat(article)[1], str)
    assert isinstance(persnews.to_displacy(article), dict)


def test_output_is_the_same_in_other_processes_and_hash_seeds() -> None:
    """The same texts analyzed in fresh interpreters with different PYTHONHASHSEED
    (and here) give byte-identical JSON; and those interpreters compile the same
    patterns, character for character (one built from a set in a seed's order
    could match differently on some text not tried here)."""
    texts_ = _deterministic_texts(120)
    program = (
        "import gc, json, sys, persnews\n"
        "from persnews import _patterns\n"
        "texts = json.loads(sys.stdin.read())\n"
        f"found = [persnews.analyze(t, published={PUBLISHED!r}).to_json() for t in texts]\n"
        "compiled = sorted({o.compiled.pattern for o in gc.get_objects()\n"
        "    if isinstance(o, _patterns.Pattern)})\n"
        "print(json.dumps({'found': found, 'patterns': compiled}))"
    )
    here = [persnews.analyze(t, published=PUBLISHED).to_json() for t in texts_]
    patterns = []
    for seed in ("0", "1", "4242", "random"):
        done = subprocess.run(
            [sys.executable, "-c", program],
            input=json.dumps(texts_),
            capture_output=True,
            text=True,
            encoding="utf-8",
            env={**os.environ, "PYTHONHASHSEED": seed},
            timeout=300,
            check=True,
        )
        result = json.loads(done.stdout)
        assert result["found"] == here, f"PYTHONHASHSEED={seed}"
        patterns.append(result["patterns"])
    assert len(patterns[0]) > 50  # analysis compiled most of the library's patterns
    for seed, compiled in zip(("1", "4242", "random"), patterns[1:], strict=True):
        assert compiled == patterns[0], f"PYTHONHASHSEED={seed} compiled other patterns"


def _deterministic_texts(count: int) -> list[str]:
    """Texts from a seeded generator over the same pieces the strategies use: Persian
    words and dates, hostile characters, and sentences of the example article."""
    from strategies import _PIECES, PERSIAN_ALPHABET

    example = (Path(__file__).parent.parent / "examples" / "article.txt").read_text("utf-8")
    pool = [*_PIECES, *PERSIAN_ALPHABET, *example.split(), "\u2067", "\u2069", "😀", "\ud800"]
    generator = random.Random(20261125)
    texts_ = [example]
    for _ in range(count - 1):
        texts_.append("".join(generator.choice(pool) for _ in range(generator.randint(0, 60))))
    return texts_
