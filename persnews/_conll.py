"""CoNLL/IOB writing and reading for :mod:`persnews.export`.

One token a line, ``token<sep>TAG``, a blank line after every sentence.  A
token's text may hold spaces (persnews keeps «می شود» as one word); a reader
must split off the tag at the *last* separator, as :func:`read` and
``scripts/train_ner.py`` do.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Sequence
from typing import Final, NamedTuple, cast

import regex

from persnews import _patterns
from persnews.errors import InvalidValueError
from persnews.model import Entity, EntityLabel, Sentence, Token, TokenKind

#: every character ``str.isspace()`` accepts: ``str.split()`` and ``str.splitlines()``
#: break on them, so a token written to a line has each run of them made one space
SPACE_CLASS: Final = (
    "\t\n\x0b\x0c\r\x1c-\x20\x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000"
)
#: characters that may stand between two tokens of the text when tokens are
#: found back in it: spaces, invisible marks, combining marks, kashida
_GAP: Final = _patterns.compile(
    rf"[{SPACE_CLASS}\p{{Cf}}\p{{Cc}}\p{{Cs}}\p{{Cn}}\p{{Mn}}\p{{Me}}\u0640]*"
)
_SPACES: Final = _patterns.compile(rf"[{SPACE_CLASS}]+")
#: a tag: a prefix (IOB2, and the IOBES/BILOU ones on reading), "-" or "_", a type
_TAG: Final = _patterns.compile(r"(?i)([BIESLU])[-_](\S+)")
#: the entity types of other corpora and conventions, read as persnews labels
ALIASES: Final[dict[str, str]] = {
    "PER": "PER",
    "PERS": "PER",
    "PERSON": "PER",
    "ORG": "ORG",
    "ORGANIZATION": "ORG",
    "ORGANISATION": "ORG",
    "LOC": "LOC",
    "LOCATION": "LOC",
    "GPE": "LOC",
    "FAC": "FAC",
    "FACILITY": "FAC",
    "EVENT": "EVENT",
    "PRO": "PRODUCT",
    "PRODUCT": "PRODUCT",
    "TITLE": "TITLE",
}
#: what ``include`` may name, in the order tags are given out
WRITABLE: Final = ("entities", "titles")
#: lines that only separate documents (CoNLL-2003)
DOCSTART: Final = "-DOCSTART-"


def surface(text: str) -> str:
    """A token's text as written on its line: every run of spaces one space."""
    return " ".join(text.split())


def tags(tokens: Sequence[Token], mentions: Iterable[Entity], tag_sep: str) -> list[str]:
    """The IOB2 tag of each token.

    A mention tags every token it overlaps; a mention overlapping a token
    already tagged (by an earlier mention in ``mentions``) is left out whole.
    """
    result = ["O"] * len(tokens)
    starts = [token.start for token in tokens]
    ends = [token.end for token in tokens]
    for mention in mentions:
        first, last = (
            bisect.bisect_right(ends, mention.start),
            bisect.bisect_left(starts, mention.end),
        )
        if first >= last or any(tag != "O" for tag in result[first:last]):
            continue
        result[first] = f"B{tag_sep}{mention.label}"
        for i in range(first + 1, last):
            result[i] = f"I{tag_sep}{mention.label}"
    return result


def write(sentences: Sequence[Sentence], mentions: Iterable[Entity], sep: str, tag_sep: str) -> str:
    tokens = [token for sentence in sentences for token in sentence.tokens]
    labels = iter(tags(tokens, mentions, tag_sep))
    lines: list[str] = []
    for sentence in sentences:
        if sentence.tokens:
            lines += [f"{surface(token.text)}{sep}{next(labels)}" for token in sentence.tokens]
            lines.append("")
    return "\n".join(lines) + "\n" if lines else ""


class Row(NamedTuple):
    """A token line: its number (from 1), the token, the tag."""

    line: int
    token: str
    tag: str


def rows(data: str, sep: str | None) -> list[list[Row]]:
    """The sentences of a CoNLL text, as rows."""
    sentences: list[list[Row]] = []
    current: list[Row] = []
    for number, line in enumerate(data.split("\n"), start=1):
        line = line.removesuffix("\r")
        if not line.strip() or line.split(maxsplit=1)[0] == DOCSTART:
            if current:
                sentences.append(current)
                current = []
            continue
        if sep is None:
            cut, width = max(line.rfind(" "), line.rfind("\t"), line.rfind("|")), 1
        else:
            cut, width = line.rfind(sep), len(sep)
        token = line[:cut].strip() if cut > 0 else ""
        if not token:
            shown = "a space, a tab or |" if sep is None else repr(sep)
            raise InvalidValueError(
                field=f"line {number}",
                value=line,
                valid=f"a token, {shown}, and a tag (e.g. {'علی' + (sep or chr(9)) + 'B-PER'!r})",
            )
        current.append(Row(number, token, line[cut + width :].strip()))
    if current:
        sentences.append(current)
    return sentences


class Span(NamedTuple):
    """An entity read from the tags: first and last + 1 token of its sentence."""

    first: int
    last: int
    label: str


def spans(sentence: Sequence[Row], unknown: str) -> list[Span]:
    """The entities the tags of one sentence mark (IOB2; IOBES and BILOU read too)."""
    result: list[Span] = []
    open_: tuple[int, str] | None = None  # first token and label of the entity being read

    def close(end: int) -> None:
        nonlocal open_
        if open_ is not None:
            result.append(Span(open_[0], end, open_[1]))
            open_ = None

    for i, row in enumerate(sentence):
        if row.tag.upper() == "O":
            close(i)
            continue
        match = _TAG.fullmatch(row.tag)
        if match is None:
            raise InvalidValueError(
                field=f"tag on line {row.line}",
                value=row.tag,
                valid="O, or B-TYPE / I-TYPE (also B_TYPE, and E-, S-, L-, U- prefixes)",
            )
        prefix, name = match.group(1).upper(), match.group(2).upper()
        label = ALIASES.get(name)
        if label is None:
            if unknown == "raise":
                known = ", ".join(sorted(set(ALIASES.values())))
                raise InvalidValueError(
                    field=f"entity type on line {row.line}",
                    value=match.group(2),
                    valid=f"one of {known} (or their aliases); pass unknown='skip' to read it as O",
                )
            close(i)  # read as O
            continue
        if prefix in "BSU":
            close(i)
            open_ = (i, label)
        elif open_ is None or open_[1] != label:
            raise InvalidValueError(
                field=f"tag on line {row.line}",
                value=row.tag,
                valid=f"B{row.tag[1]}{match.group(2)} first: an {prefix}- tag continues an "
                "entity of the same type",
            )
        if prefix in "SUEL":
            close(i + 1)
    close(len(sentence))
    return result


def align(sentences: Sequence[Sequence[Row]], text: str) -> list[list[tuple[int, int]]]:
    """Each token's offsets in ``text``; tokens are looked for in order, with only
    spaces and invisible characters between them."""
    result: list[list[tuple[int, int]]] = []
    position = 0
    for sentence in sentences:
        found: list[tuple[int, int]] = []
        for row in sentence:
            span = _find(row.token, text, position)
            if span is None:
                seen = text[position : position + len(row.token) + 10]
                raise InvalidValueError(
                    field=f"token on line {row.line}",
                    value=row.token,
                    valid=f"the next token of the text at offset {position} ({seen!r})",
                )
            found.append(span)
            position = span[1]
        result.append(found)
    rest = _GAP.match(text, position)
    if rest is not None and rest.end() < len(text):
        last = sentences[-1][-1].line if sentences else 0
        raise InvalidValueError(
            field=f"text after line {last}",
            value=text[rest.end() : rest.end() + 20],
            valid="nothing but spaces after the last token: the CoNLL data ends too soon",
        )
    return result


def _find(token: str, text: str, position: int) -> tuple[int, int] | None:
    """Where ``token`` starts at or after ``position``, past a gap, or None."""
    gap = _GAP.match(text, position)
    stop = gap.end() if gap is not None else position
    pieces = token.split(" ")
    for start in range(position, stop + 1):
        if len(pieces) == 1:
            if text.startswith(token, start):
                return start, start + len(token)
            continue
        pattern = rf"[{SPACE_CLASS}]+".join(regex.escape(piece) for piece in pieces)
        match = _patterns.compile(pattern).match(text, start)
        if match is not None:
            return match.start(), match.end()
    return None


def rebuild(sentences: Sequence[Sequence[Row]]) -> tuple[str, list[list[tuple[int, int]]]]:
    """A text for tokens that come without one: tokens joined by a space,
    sentences by a line break; and each token's offsets in it."""
    lines: list[str] = []
    result: list[list[tuple[int, int]]] = []
    position = 0
    for sentence in sentences:
        found = []
        for row in sentence:
            found.append((position, position + len(row.token)))
            position += len(row.token) + 1
        result.append(found)
        lines.append(" ".join(row.token for row in sentence))
    return "\n".join(lines), result


def records(
    text: str,
    sentences: Sequence[Sequence[Row]],
    offsets: Sequence[Sequence[tuple[int, int]]],
    unknown: str,
) -> tuple[list[Sentence], list[Entity]]:
    """Sentences with their tokens, and the entities (titles too) the tags mark."""
    from persnews.normalize import normalize
    from persnews.tokens import tokenize

    doc = normalize(text)
    known = {(t.start, t.end): t for t in tokenize(doc)}
    starts = sorted(known)

    def norm(start: int, end: int) -> str:
        first, last = doc.to_normalized(start, end)
        return doc.text[first:last].strip()

    def kind(start: int, end: int) -> TokenKind:
        place = bisect.bisect_left(starts, (start, -1))
        if place < len(starts) and starts[place][0] < end:
            return known[starts[place]].kind
        return "word"

    result: list[Sentence] = []
    mentions: list[Entity] = []
    for sentence, spans_ in zip(sentences, offsets, strict=True):
        tokens = []
        for start, end in spans_:
            same = known.get((start, end))
            if same is not None:
                tokens.append(same)
            else:
                tokens.append(
                    Token(start, end, text[start:end], norm(start, end), kind(start, end))
                )
        first, last = tokens[0].start, tokens[-1].end
        result.append(Sentence(first, last, text[first:last], norm(first, last), tokens))
        for span in spans(sentence, unknown):
            start, end = tokens[span.first].start, tokens[span.last - 1].end
            label = cast(EntityLabel, span.label)
            mentions.append(
                Entity(start, end, text[start:end], label, norm(start, end), source="rule")
            )
    return result, mentions
