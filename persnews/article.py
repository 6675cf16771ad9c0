"""One call for a whole article: :func:`analyze` and the :class:`Article` it returns.

>>> from persnews import analyze
>>> article = analyze("به گزارش ایرنا، وزیر گفت: «کار تمام است.»", published="1402/07/15")
>>> article.published
datetime.date(2023, 10, 7)
>>> [s.text for s in article.sentences]
['به گزارش ایرنا، وزیر گفت: «کار تمام است.»']
>>> article.to_dict()["schema_version"]
'0.1'
"""

from __future__ import annotations

import datetime
import json
from collections.abc import Iterable
from typing import Any

import attrs

from persnews.calendar import reference_date
from persnews.errors import check_text
from persnews.model import Sentence, Token
from persnews.normalize import normalize
from persnews.tokens import sentences

__all__ = ["SCHEMA_VERSION", "Article", "analyze"]

#: version of the JSON that :meth:`Article.to_dict` writes
SCHEMA_VERSION = "0.1"


def _sentence_tuple(sentences: Iterable[Sentence]) -> tuple[Sentence, ...]:
    return tuple(sentences)


@attrs.frozen
class Article:
    """Everything persnews found in one article."""

    #: the article text as given; every offset indexes it
    text: str
    #: the publication date relative expressions are resolved against, if known
    published: datetime.date | None
    #: sentences (headlines included), each with its tokens
    sentences: tuple[Sentence, ...] = attrs.field(converter=_sentence_tuple)

    @property
    def tokens(self) -> tuple[Token, ...]:
        """Every token of every sentence, in order."""
        return tuple(token for sentence in self.sentences for token in sentence.tokens)

    def to_dict(self) -> dict[str, Any]:
        """Return a JSON-ready dictionary (see docs/json.md for the schema)."""
        return {
            "schema_version": SCHEMA_VERSION,
            "published": self.published.isoformat() if self.published else None,
            "text": self.text,
            "sentences": [sentence.to_dict() for sentence in self.sentences],
        }

    def to_json(self, *, indent: int | None = None) -> str:
        """Return :meth:`to_dict` as a JSON string (UTF-8 text, not escaped)."""
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=indent)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Article:
        """Build an article back from :meth:`to_dict` output."""
        published = data.get("published")
        return cls(
            text=data["text"],
            published=datetime.date.fromisoformat(published) if published else None,
            sentences=tuple(Sentence.from_dict(s) for s in data["sentences"]),
        )


def analyze(text: str, *, published: object = None) -> Article:
    """Analyze one article.

    ``published`` is the publication date: a ``datetime.date`` or a string,
    Gregorian ("2021-11-23") or Jalali ("1400/09/02").  Bad arguments raise
    before any work is done.
    """
    check_text(text)
    reference = reference_date(published)
    doc = normalize(text)
    return Article(text=text, published=reference, sentences=tuple(sentences(doc)))
