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
    InvalidOffsetError,
    InvalidValueError,
    MatchTimeoutError,
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

if TYPE_CHECKING:  # imported on first use, by __getattr__ (see _LAZY)
    from persnews.display import render, render_mentions
    from persnews.export import (
        brat_conf,
        from_brat,
        from_conll,
        read_jsonl,
        to_brat,
        to_conll,
        to_displacy,
        write_jsonl,
    )

#: public names whose modules load on first use: HTML and file formats are not
#: what every script needs, and ``import persnews`` should stay fast
_LAZY = {
    "render": "persnews.display",
    "render_mentions": "persnews.display",
    **dict.fromkeys(
        [
            "brat_conf",
            "from_brat",
            "from_conll",
            "read_jsonl",
            "to_brat",
            "to_conll",
            "to_displacy",
            "write_jsonl",
        ],
        "persnews.export",
    ),
}


def __getattr__(name: str) -> Any:
    """``__version__``, read from the package metadata on first use (importing
    importlib.metadata would cost ``import persnews`` a third of its time);
    the names in ``_LAZY`` from their modules on first use."""
    if name in _LAZY:
        import importlib

        return getattr(importlib.import_module(_LAZY[name]), name)
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
    "InvalidOffsetError",
    "InvalidValueError",
    "JalaliDate",
    "MatchTimeoutError",
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
    "brat_conf",
    "find_dates",
    "find_entities",
    "find_numbers",
    "find_relations",
    "find_titles",
    "from_brat",
    "from_conll",
    "normalize",
    "parse_number",
    "pipe",
    "read_jsonl",
    "render",
    "render_mentions",
    "sentences",
    "to_brat",
    "to_conll",
    "to_displacy",
    "tokenize",
    "write_jsonl",
]


def __dir__() -> list[str]:
    """The module's names, the ones loaded on first use included (tab completion)."""
    return sorted(set(globals()) | set(__all__))
