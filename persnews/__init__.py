"""persnews: read Persian (Farsi) news the way an analyst does.

>>> import persnews
>>> [t.text for t in persnews.tokenize("سلام، دنیا!")]
['سلام', '،', 'دنیا', '!']
"""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version

from persnews.article import Article, analyze
from persnews.errors import InputTypeError, InvalidValueError, PersnewsError
from persnews.model import Sentence, Span, Token
from persnews.normalize import normalize
from persnews.text import NormalizedText
from persnews.tokens import sentences, tokenize

try:
    __version__ = version("persnews")
except PackageNotFoundError:  # pragma: no cover - running from a source tree
    __version__ = "0.0.0"

__all__ = [
    "Article",
    "InputTypeError",
    "InvalidValueError",
    "NormalizedText",
    "PersnewsError",
    "Sentence",
    "Span",
    "Token",
    "__version__",
    "analyze",
    "normalize",
    "sentences",
    "tokenize",
]
