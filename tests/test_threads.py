"""analyze() from many threads at once gives exactly the sequential results
(the entity model's tagger is shared, and holds one sentence at a time)."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor

import pytest

import persnews


@pytest.fixture
def busy_switching() -> Iterator[None]:
    """Switch threads every microsecond, so a race shows up in a short test."""
    interval = sys.getswitchinterval()
    sys.setswitchinterval(1e-6)
    yield
    sys.setswitchinterval(interval)


def test_eight_threads_equal_sequential(example_article: str, busy_switching: None) -> None:
    paragraphs = [p for p in example_article.split("\n") if p.strip()]
    texts = [*paragraphs, example_article] * 4
    expected = [persnews.analyze(text, published="1402/07/17") for text in texts]
    for _ in range(2):
        with ThreadPoolExecutor(8) as pool:
            got = list(pool.map(lambda t: persnews.analyze(t, published="1402/07/17"), texts))
        assert got == expected
