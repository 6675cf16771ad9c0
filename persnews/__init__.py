"""persnews: read Persian (Farsi) news the way an analyst does.

>>> import persnews
>>> [t.text for t in persnews.tokenize("سلام، دنیا!")]
['سلام', '،', 'دنیا', '!']
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from persnews.article import Article, analyze
from persnews.batch import pipe
from persnews.calendar import HijriDate, JalaliDate
from persnews.dates import find_dates
from persnews.entities import find_entities, find_titles
from persnews.errors import (
    InputTypeError,
    InvalidDateError,
    InvalidValueError,
    PersnewsError,
    UnsupportedDateError,
)
from persnews.model import (
    Argument,
    Attribution,
    DateMention,
    Entity,
    Meeting,
    NumberMention,
    Quote,
    Role,
    Sentence,
    Span,
    Token,
)
from persnews.normalize import normalize
from persnews.numbers import find_numbers, parse_number
from persnews.relations import Relations, find_relations
from persnews.text import NormalizedText
from persnews.tokens import sentences, tokenize

if TYPE_CHECKING:  # imported on first use, by __getattr__: HTML is for notebooks
    from persnews.display import render, render_mentions


def __getattr__(name: str) -> Any:
    """``__version__``, read from the package metadata on first use (importing
    importlib.metadata would cost ``import persnews`` a third of its time);
    ``render`` and ``render_mentions`` from :mod:`persnews.display` on first use."""
    if name in ("render", "render_mentions"):
        from persnews import display

        return getattr(display, name)
    if name == "__version__":
        from importlib.metadata import PackageNotFoundError, version

        try:
            return version("persnews")
        except PackageNotFoundError:  # pragma: no cover - running from a source tree
            return "0.0.0"
    raise AttributeError(f"module 'persnews' has no attribute {name!r}")


__all__ = [
    "Argument",
    "Article",
    "Attribution",
    "DateMention",
    "Entity",
    "HijriDate",
    "InputTypeError",
    "InvalidDateError",
    "InvalidValueError",
    "JalaliDate",
    "Meeting",
    "NormalizedText",
    "NumberMention",
    "PersnewsError",
    "Quote",
    "Relations",
    "Role",
    "Sentence",
    "Span",
    "Token",
    "UnsupportedDateError",
    "__version__",
    "analyze",
    "find_dates",
    "find_entities",
    "find_numbers",
    "find_relations",
    "find_titles",
    "normalize",
    "parse_number",
    "pipe",
    "render",
    "render_mentions",
    "sentences",
    "tokenize",
]
