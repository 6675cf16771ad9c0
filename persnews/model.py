"""Immutable records that persnews returns.

Every record that points into a text has ``start`` and ``end``: offsets into
the ORIGINAL string the caller passed in, so ``original[start:end] == record.text``.
Records convert to plain JSON-ready dictionaries with ``to_dict()`` and back
with ``from_dict()``.

>>> from persnews import Token
>>> token = Token(start=0, end=4, text="كتاب", norm="کتاب", kind="word")
>>> Token.from_dict(token.to_dict()) == token
True
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, Literal, Self

import attrs

from persnews.errors import InvalidValueError

__all__ = ["Sentence", "Span", "Token", "TokenKind"]

#: what kind of thing a token is
TokenKind = Literal[
    "word", "number", "punct", "symbol", "url", "email", "hashtag", "mention", "abbrev"
]
TOKEN_KINDS: tuple[str, ...] = (
    "word",
    "number",
    "punct",
    "symbol",
    "url",
    "email",
    "hashtag",
    "mention",
    "abbrev",
)


def _check_offsets(instance: Any, attribute: attrs.Attribute[int], value: int) -> None:
    if value < 0:
        raise ValueError(f"{attribute.name} must be >= 0, got {value}")
    if attribute.name == "end" and value < instance.start:
        raise ValueError(f"end ({value}) must be >= start ({instance.start})")


@attrs.frozen
class Span:
    """A stretch of the original text."""

    #: offset of the first character in the original text
    start: int = attrs.field(validator=_check_offsets)
    #: offset just past the last character in the original text
    end: int = attrs.field(validator=_check_offsets)
    #: the original text, verbatim: ``original[start:end]``
    text: str

    def to_dict(self) -> dict[str, Any]:
        """Return a JSON-ready dictionary."""
        return {"start": self.start, "end": self.end, "text": self.text}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Self:
        """Build the record back from :meth:`to_dict` output."""
        return cls(start=data["start"], end=data["end"], text=data["text"])


@attrs.frozen
class Token:
    """A word, number, punctuation mark or other unit of running text.

    Tokens are made by the hundred thousand, so they are not validated when
    built; :meth:`from_dict` validates what it reads.
    """

    #: offset of the first character in the original text
    start: int
    #: offset just past the last character in the original text
    end: int
    #: the original text, verbatim: ``original[start:end]``
    text: str
    #: the normalized form (Persian letters and digits, repaired half-spaces)
    norm: str
    #: "word", "number", "punct", "symbol", "url", "email", "hashtag", "mention" or "abbrev"
    kind: TokenKind

    def to_dict(self) -> dict[str, Any]:
        """Return a JSON-ready dictionary."""
        return {
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "norm": self.norm,
            "kind": self.kind,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Self:
        """Build the record back from :meth:`to_dict` output (validated)."""
        start, end, kind = data["start"], data["end"], data["kind"]
        if not (isinstance(start, int) and isinstance(end, int) and 0 <= start <= end):
            raise InvalidValueError(
                field="start/end", value=(start, end), valid="0 <= start <= end"
            )
        if kind not in TOKEN_KINDS:
            raise InvalidValueError(field="kind", value=kind, valid=" | ".join(TOKEN_KINDS))
        return cls(start=start, end=end, text=data["text"], norm=data["norm"], kind=kind)


def _token_tuple(tokens: Iterable[Token]) -> tuple[Token, ...]:
    return tuple(tokens)


@attrs.frozen
class Sentence:
    """A sentence (or a headline) with its tokens."""

    #: offset of the first character of the first token in the original text
    start: int = attrs.field(validator=_check_offsets)
    #: offset just past the last token in the original text
    end: int = attrs.field(validator=_check_offsets)
    #: the original text, verbatim: ``original[start:end]``
    text: str
    #: the normalized form of the sentence
    norm: str
    #: the tokens, in order
    tokens: tuple[Token, ...] = attrs.field(converter=_token_tuple)

    def to_dict(self) -> dict[str, Any]:
        """Return a JSON-ready dictionary."""
        return {
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "norm": self.norm,
            "tokens": [token.to_dict() for token in self.tokens],
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Self:
        """Build the record back from :meth:`to_dict` output."""
        return cls(
            start=data["start"],
            end=data["end"],
            text=data["text"],
            norm=data["norm"],
            tokens=tuple(Token.from_dict(t) for t in data["tokens"]),
        )
