"""Spot checks on real articles from ../shared/data/news."""

from __future__ import annotations

from typing import Any

import persnews


def test_real_articles_keep_offsets_and_normalize_idempotently(
    news_sample: list[dict[str, Any]],
) -> None:
    assert len(news_sample) > 200
    for article in news_sample:
        text = article["text"]
        doc = persnews.normalize(text)
        assert persnews.normalize(doc.text).text == doc.text, article["id"]
        sentences = persnews.sentences(doc)
        for sentence in sentences:
            assert text[sentence.start : sentence.end] == sentence.text
            for token in sentence.tokens:
                assert text[token.start : token.end] == token.text
        assert [t for s in sentences for t in s.tokens] == persnews.tokenize(doc)


def test_arabic_letters_of_old_fars_articles_are_unified(
    news_sample: list[dict[str, Any]],
) -> None:
    fars = [a for a in news_sample if a["source"] == "farsnews"]
    assert fars
    for article in fars:
        normalized = persnews.normalize(article["text"]).text
        assert "ي" not in normalized
        assert "ك" not in normalized


def test_a_one_megabyte_article_works(news_sample: list[dict[str, Any]]) -> None:
    text = "\n\n".join(a["text"] for a in news_sample)
    while len(text) < 1_000_000:
        text += "\n\n" + text
    tokens = persnews.tokenize(text)
    assert len(tokens) > 100_000
    assert all(text[t.start : t.end] == t.text for t in tokens[::97])


def test_split_plain_runs_equal_the_scanner_on_real_articles(
    news_sample: list[dict[str, Any]],
) -> None:
    from persnews import _atoms

    for article in news_sample:
        for text in (article["text"], persnews.normalize(article["text"]).text):
            scanned = [(m.start(), m.end(), m.lastgroup, m.group()) for m in _scanner(text)]
            assert _atoms.atom_list(text) == scanned, article["id"]


def _scanner(text: str):  # type: ignore[no-untyped-def]
    from persnews import _atoms

    return _atoms.atom_pattern().finditer(text)
