"""Records: frozen, validated, JSON round trip."""

from __future__ import annotations

import json
from typing import Any

import attrs
import pytest

import persnews
from persnews import Sentence, Span, Token


def test_records_are_frozen() -> None:
    token = Token(0, 1, "x", "x", "word")
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        token.start = 3  # type: ignore[misc]


@pytest.mark.parametrize(("start", "end"), [(-1, 0), (3, 2)])
def test_offsets_are_validated(start: int, end: int) -> None:
    with pytest.raises(ValueError, match="must be"):
        Span(start, end, "")


def test_token_from_dict_validates() -> None:
    with pytest.raises(ValueError, match="kind"):
        Token.from_dict({"start": 0, "end": 1, "text": "x", "norm": "x", "kind": "noun"})
    with pytest.raises(ValueError, match="start"):
        Token.from_dict({"start": 3, "end": 1, "text": "x", "norm": "x", "kind": "word"})


def test_json_round_trip_of_every_record(example_article: str) -> None:
    article = persnews.analyze(example_article, published="1402/07/17")
    data = json.loads(article.to_json())
    assert persnews.Article.from_dict(data) == article
    for sentence in article.sentences:
        assert Sentence.from_dict(json.loads(json.dumps(sentence.to_dict()))) == sentence
    span = Span(0, 4, example_article[:4])
    assert Span.from_dict(json.loads(json.dumps(span.to_dict()))) == span


def test_article_offsets_index_the_text(example_article: str) -> None:
    data = persnews.analyze(example_article).to_dict()
    assert data["published"] is None
    for sentence in data["sentences"]:
        assert data["text"][sentence["start"] : sentence["end"]] == sentence["text"]
        for token in sentence["tokens"]:
            assert data["text"][token["start"] : token["end"]] == token["text"]


def test_tokens_from_columns_are_the_constructors_tokens() -> None:
    from persnews.model import tokens_from_columns

    columns: Any = ([0, 5], [4, 6], ["كتاب", "."], ["کتاب", "."], ["word", "punct"])
    built = tokens_from_columns(*columns)
    assert built == list(map(Token, *columns))
    assert [hash(token) for token in built] == [
        hash(Token(*row)) for row in zip(*columns, strict=True)
    ]
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        built[0].start = 1  # type: ignore[misc]
    assert tokens_from_columns([], [], [], [], []) == []


def test_tokens_from_columns_refuses_columns_of_unequal_lengths() -> None:
    from persnews.model import tokens_from_columns

    with pytest.raises(ValueError, match="unequal lengths"):
        tokens_from_columns([0, 5], [4, 6], ["a", "b"], ["a"], ["word", "word"])
