"""persnews: read Persian (Farsi) news the way an analyst does.

>>> import persnews
>>> [t.text for t in persnews.tokenize("سلام، دنیا!")]
['سلام', '،', 'دنیا', '!']
"""

from __future__ import annotations

import sys
import types

TYPE_CHECKING = False  # typing.TYPE_CHECKING, without importing typing (a fifth of a bare import)
if TYPE_CHECKING:  # for type checkers; at run time each name loads on first use
    from typing import Any

    from persnews.article import Article, analyze
    from persnews.batch import pipe
    from persnews.calendar import HijriDate, JalaliDate
    from persnews.dates import find_dates
    from persnews.display import render, render_mentions
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

#: where the public names are defined, by module. ``import persnews`` loads none of these
#: modules (they need attrs, regex and each other: 100-170 ms here); a name's
#: module loads the first time the name is used, as PEP 562 allows, and only
#: what it needs with it: ``persnews.JalaliDate`` reads no word list and
#: compiles no date rule.
_MODULES = {
    "persnews.article": ("Article", "analyze"),
    "persnews.batch": ("pipe",),
    "persnews.calendar": ("HijriDate", "JalaliDate"),
    "persnews.dates": ("find_dates",),
    "persnews.display": ("render", "render_mentions"),
    "persnews.entities": ("find_entities", "find_titles"),
    "persnews.errors": (
        "InputTypeError",
        "InvalidDateError",
        "InvalidOffsetError",
        "InvalidValueError",
        "MatchTimeoutError",
        "PersnewsError",
        "UnsupportedDateError",
    ),
    "persnews.export": (
        "brat_conf",
        "from_brat",
        "from_conll",
        "read_jsonl",
        "to_brat",
        "to_conll",
        "to_displacy",
        "write_jsonl",
    ),
    "persnews.model": (
        "Argument",
        "Attribution",
        "DateMention",
        "Entity",
        "Meeting",
        "NumberMention",
        "Quote",
        "Role",
        "Sentence",
        "Span",
        "Token",
    ),
    "persnews.normalize": ("normalize",),
    "persnews.numbers": ("find_numbers", "parse_number"),
    "persnews.relations": ("Relations", "find_relations"),
    "persnews.text": ("NormalizedText",),
    "persnews.tokens": ("sentences", "tokenize"),
}
#: public name -> its module
_LAZY = {name: module for module, names in _MODULES.items() for name in names}


def __getattr__(name: str) -> Any:
    """A public name, from its module on first use (then kept here); a submodule
    (``persnews.calendar``); or ``__version__``, read from the package metadata
    (importing importlib.metadata would cost ``import persnews`` a third of its time)."""
    import importlib
    import importlib.util

    if name in _LAZY:
        value = getattr(importlib.import_module(_LAZY[name]), name)
        globals()[name] = value
        return value
    if name == "__version__":
        from importlib.metadata import PackageNotFoundError, version

        try:
            return version("persnews")
        except PackageNotFoundError:  # pragma: no cover - running from a source tree
            return "0.0.0"
    if not name.startswith("__") and importlib.util.find_spec(f"{__name__}.{name}") is not None:
        return importlib.import_module(f"{__name__}.{name}")
    raise AttributeError(f"module 'persnews' has no attribute {name!r}")


class _Package(types.ModuleType):
    """The package's module type: loading the submodule ``persnews.normalize``
    must not replace the function ``persnews.normalize`` (Python sets a
    submodule as an attribute of its package when it loads it)."""

    def __setattr__(self, name: str, value: object) -> None:
        if isinstance(value, types.ModuleType) and name in _LAZY:
            return  # the public name stays what __getattr__ gives
        super().__setattr__(name, value)


sys.modules[__name__].__class__ = _Package

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
