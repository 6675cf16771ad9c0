"""Write an article in the formats annotation tools and NER corpora use, and read it back.

- CoNLL/IOB (:func:`to_conll`, :func:`from_conll`): a token and its tag a
  line, as PEYMA and ARMAN are written; the input of ``scripts/train_ner.py``.
- BRAT standoff (:func:`to_brat`, :func:`from_brat`, :func:`brat_conf`): the
  text, and every entity, title, date, number and relation with its offsets,
  to correct in the brat annotation tool and read back.
- displaCy's manual format (:func:`to_displacy`) to look at an article.
- JSON Lines (:func:`write_jsonl`, :func:`read_jsonl`): one
  :meth:`Article.to_dict() <persnews.Article.to_dict>` a line.

Every offset indexes the article's text: ``text[start:end]`` is the mention.

>>> from persnews import analyze
>>> from persnews.export import from_brat, from_conll, to_brat, to_conll
>>> article = analyze("سرگئی لاوروف به تهران رفت.", published="1402/07/17")
>>> print(to_conll(article, sep="|"), end="")
سرگئی|B-PER
لاوروف|I-PER
به|O
تهران|B-LOC
رفت|O
.|O
<BLANKLINE>
>>> [(e.text, e.label) for e in from_conll(to_conll(article), text=article.text).entities]
[('سرگئی لاوروف', 'PER'), ('تهران', 'LOC')]
>>> txt, ann = to_brat(article)
>>> from_brat(txt, ann, published="1402/07/17").entities == article.entities
True
"""

from __future__ import annotations

import io
import json
import os
import unicodedata
from collections.abc import Collection, Iterable, Iterator, Sequence
from typing import IO, Any, Final, Literal, cast

from persnews import _brat, _conll
from persnews.article import Article
from persnews.calendar import reference_date
from persnews.errors import (
    InputTypeError,
    InvalidValueError,
    check_iterable,
    check_text,
    convert_advice,
)
from persnews.model import DateMention, Entity, NumberMention
from persnews.text import no_collection

__all__ = [
    "DISPLACY_COLORS",
    "brat_conf",
    "from_brat",
    "from_conll",
    "read_jsonl",
    "to_brat",
    "to_conll",
    "to_displacy",
    "write_jsonl",
]

#: what to do with an annotation type persnews does not know
Unknown = Literal["raise", "skip"]
#: colours for the labels displaCy has none for (pass ``options={"colors": …}``)
DISPLACY_COLORS: Final[dict[str, str]] = {
    "PER": "#aa9cfc",
    "TITLE": "#f0d0ff",
    "DATETIME": "#bfe1d9",
    "DURATION": "#bfe1d9",
    "RANGE": "#bfe1d9",
    "SET": "#bfe1d9",
}
#: what :func:`to_displacy` can show
DISPLACY_KINDS: Final = ("entities", "titles", "dates", "numbers")
#: a path, or a file object
File = str | os.PathLike[str] | IO[str] | IO[bytes]


def _article(article: object) -> Article:
    if not isinstance(article, Article):
        raise InputTypeError(
            argument="article", expected="an Article (from analyze())", got=type(article).__name__
        )
    return article


def _include(include: object, allowed: Sequence[str]) -> tuple[str, ...]:
    names = (include,) if isinstance(include, str) else include
    if not isinstance(names, Iterable):
        raise InputTypeError(
            argument="include", expected="a tuple of names", got=type(include).__name__
        )
    result = tuple(names)
    for name in result:
        if name not in allowed:
            raise InvalidValueError(field="include", value=name, valid=" | ".join(allowed))
    return result


def _unknown(unknown: object) -> str:
    if unknown not in ("raise", "skip"):
        raise InvalidValueError(field="unknown", value=unknown, valid='"raise" | "skip"')
    return str(unknown)


def _by_position(mentions: Iterable[Entity]) -> list[Entity]:
    """Earlier first; at the same start, the longer first."""
    return sorted(mentions, key=lambda mention: (mention.start, -mention.end))


# ---------------------------------------------------------------- CoNLL


def to_conll(
    article: Article,
    *,
    sep: str = "\t",
    tag_sep: Literal["-", "_"] = "-",
    include: Sequence[str] = ("entities",),
) -> str:
    """The article's tokens, one a line with its IOB2 tag, a blank line after
    each sentence.

    ``sep`` goes between the token and its tag: a tab (default), ``" "``
    (ARMAN) or ``"|"`` (PEYMA); ``tag_sep`` inside the tag: ``B-PER`` or
    ``B_PER`` (PEYMA).  ``include`` names what is tagged: ``"entities"``
    (PER, ORG, LOC, FAC, EVENT, PRODUCT) and ``"titles"`` (TITLE).

    A token's text is written as it is in the article, except that a run of
    spaces or line breaks inside it becomes one space: persnews keeps
    «می شود» as one token, so a reader must split off the tag at the *last*
    separator (:func:`from_conll` and ``scripts/train_ner.py`` do).  A
    mention tags every token it overlaps; a mention overlapping one tagged
    before it (entities before titles, earlier and then longer first) is left
    out, as IOB tags cannot nest.

    >>> from persnews import analyze
    >>> article = analyze("علی سلاجقه رئیس سازمان حفاظت محیط زیست به تهران رفت.")
    >>> print(to_conll(article, sep=" ", tag_sep="_", include=("entities", "titles")), end="")
    علی B_PER
    سلاجقه I_PER
    رئیس B_TITLE
    سازمان B_ORG
    حفاظت I_ORG
    محیط I_ORG
    زیست I_ORG
    به O
    تهران B_LOC
    رفت O
    . O
    <BLANKLINE>
    """
    article = _article(article)
    check_text(sep, "sep")
    if (
        not sep
        or any(c.isspace() and c not in " \t" for c in sep)
        or any(c.isalnum() or c in "-_" for c in sep)
    ):
        raise InvalidValueError(
            field="sep", value=sep, valid='a separator such as "\\t", " " or "|" (no letters)'
        )
    if tag_sep not in ("-", "_"):
        raise InvalidValueError(field="tag_sep", value=tag_sep, valid='"-" | "_"')
    names = _include(include, _conll.WRITABLE)
    mentions = [
        mention
        for name in names
        for mention in _by_position(article.entities if name == "entities" else article.titles)
    ]
    return _conll.write(article.sentences, mentions, sep, tag_sep)


def from_conll(
    data: str,
    *,
    text: str | None = None,
    sep: str | None = None,
    unknown: Unknown = "raise",
) -> Article:
    """Read tokens and IOB tags back into an :class:`~persnews.Article`.

    Each line is a token and its tag, split at the last ``sep`` (``None``:
    the last space, tab or ``|``); a blank line ends a sentence (so does a
    ``-DOCSTART-`` line).  Tags are IOB2 (``B-PER``, ``I-PER``, ``O``; also
    ``B_PER``, and IOBES/BILOU prefixes); types are persnews labels or the
    corpora's names for them (``pers``, ``pro``, ``PERSON``, ``GPE`` …),
    ``TITLE`` goes to ``titles``.  A type persnews does not know (PEYMA's
    ``DAT``, ``MON``) raises, or with ``unknown="skip"`` is read as ``O``.

    With ``text``, the text the tokens were cut from, each token is found
    in it in order (only spaces and invisible characters may lie between
    two tokens) and offsets index it exactly.  Without, the text is rebuilt:
    tokens joined by a space, sentences by a line break.  Entities read back
    have ``canonical`` the normalized text, ``source`` ``"rule"`` and ``score``
    1.0; ``published`` is None.

    Blank data (spaces and invisible marks only) gives an empty article.  A
    tag that does not parse, an ``I-`` that continues nothing, a token not
    found in ``text`` raise :class:`~persnews.InvalidValueError` naming the
    line.

    >>> article = from_conll("علی\\tB-PER\\nآمد\\tO\\n\\nرفت\\tO\\n")
    >>> article.text
    'علی آمد\\nرفت'
    >>> [(e.text, e.label, e.start, e.end) for e in article.entities]
    [('علی', 'PER', 0, 3)]
    >>> from_conll("علی\\tI-PER\\n")
    Traceback (most recent call last):
    ...
    persnews.errors.InvalidValueError: invalid tag on line 1 'I-PER': expected B-PER first: an I- tag continues an entity of the same type
    """  # noqa: E501
    check_text(data, "data")
    if text is not None:
        check_text(text, "text")
    if sep is not None and (not check_text(sep, "sep") or "\n" in sep):
        raise InvalidValueError(field="sep", value=sep, valid="None or a separator such as '|'")
    policy = _unknown(unknown)
    if all(c.isspace() or unicodedata.category(c) == "Cf" for c in data):
        data = ""  # only spaces and invisible marks (ZWNJ, bidi marks): blank, no rows
    with no_collection():  # a corpus makes millions of small records, none in a cycle
        sentences = _conll.rows(data, sep)
        for sentence in sentences:  # tags are checked before any text work
            _conll.spans(sentence, policy)
        if text is None:
            text, offsets = _conll.rebuild(sentences)
        else:
            offsets = _conll.align(sentences, text)
        records, mentions = _conll.records(text, sentences, offsets, policy)
    return Article(
        text=text,
        published=None,
        sentences=records,
        entities=[mention for mention in mentions if mention.label != "TITLE"],
        titles=[mention for mention in mentions if mention.label == "TITLE"],
    )


# ---------------------------------------------------------------- BRAT


def to_brat(article: Article) -> tuple[str, str]:
    """The article as BRAT standoff: the text of the ``.txt`` file and of the ``.ann`` file.

    Entities, titles, dates, numbers and the relations are all written
    (see ``docs/export.md`` for how); what brat has no field for —
    canonical names, date values, a role's title, a quote's cue — goes into
    an ``AnnotatorNotes`` comment as JSON, so :func:`from_brat` gives the
    same article back.  An annotation whose text runs over a line break is
    written in fragments (``start end;start end``).  Line breaks are written
    as brat reads them (CR LF as space + LF), so offsets do not move; write
    both files as UTF-8 with ``newline=""``.  Put :func:`brat_conf` beside
    them as ``annotation.conf``.

    >>> from persnews import analyze
    >>> txt, ann = to_brat(analyze("به گزارش ایرنا، علی سلاجقه گفت: «آب کم است.»"))
    >>> print(ann, end="")  # doctest: +NORMALIZE_WHITESPACE
    T1  ORG 9 14  ایرنا
    T2  PER 16 26  علی سلاجقه
    T3  Content 33 43  آب کم است.
    T4  Quote 16 44  علی سلاجقه گفت: «آب کم است.»
    T5  Attribution 0 15  به گزارش ایرنا،
    E1  Quote:T4 Speaker:T2 Content:T3
    E2  Attribution:T5 Source:T1
    A1  Direct E1
    #1  AnnotatorNotes T1  {"canonical": "خبرگزاری جمهوری اسلامی ایران", "kind": "news_agency", "score": 1.0, "source": "model"}
    #2  AnnotatorNotes T2  {"canonical": "علی سلاجقه", "kind": null, "score": 1.0, "source": "model"}
    #3  AnnotatorNotes E1  {"cue": "گفت"}
    """  # noqa: E501
    article = _article(article)
    relations = (article.roles, article.quotes, article.attributions, article.meetings)
    return _brat.write(
        article.text, article.entities, article.titles, article.dates, article.numbers, relations
    )


def brat_conf() -> str:
    """An ``annotation.conf`` for the files :func:`to_brat` writes.

    >>> print(brat_conf().split("[attributes]")[1].strip())  # doctest: +NORMALIZE_WHITESPACE
    Direct  Arg:Quote
    Mode  Arg:Meeting, Value:phone|video|in_person
    """
    return _brat.conf()


def from_brat(
    txt: str, ann: str, *, published: object = None, unknown: Unknown = "raise"
) -> Article:
    """Read BRAT standoff (as :func:`to_brat` writes it, and as brat saves it after
    corrections) back into an :class:`~persnews.Article`.

    Sentences and tokens are cut afresh from ``txt``.  Annotations made by
    hand get what their type implies: an entity ``canonical`` its normalized
    text, ``source`` ``"rule"``; a date the value persnews reads in its text
    (relative ones against ``published``); a number its value; a role its
    ``TITLE`` inside it.  A discontinuous annotation becomes the stretch from
    its first fragment to its last.  An annotation type persnews does not
    know (and N/``*`` lines) raises, or with ``unknown="skip"`` is left out;
    free-text notes are ignored.  A line that does not parse, or whose text
    is not the text at its offsets, raises :class:`~persnews.InvalidValueError`
    naming the line.

    >>> article = from_brat("علی سلاجقه آمد.", "T1\\tPER 0 10\\tعلی سلاجقه\\n")
    >>> [(e.text, e.label, e.canonical, e.source) for e in article.entities]
    [('علی سلاجقه', 'PER', 'علی سلاجقه', 'rule')]
    >>> from_brat("علی آمد.", "T1\\tPER 0 3\\tعلی\\nT2\\tLOC 4 7\\tرفت\\n")
    Traceback (most recent call last):
    ...
    persnews.errors.InvalidValueError: invalid text of T2 on line 2 'رفت': expected the text at 4 7: 'آمد'
    """  # noqa: E501
    check_text(txt, "txt")
    check_text(ann, "ann")
    reference = reference_date(published)
    policy = _unknown(unknown)
    from persnews import _brat_read  # the reader, and what it uses, only when reading
    from persnews.dates import find_dates
    from persnews.normalize import normalize
    from persnews.numbers import find_numbers, parse_number
    from persnews.tokens import sentences

    doc = normalize(txt)

    def norm(start: int, end: int) -> str:
        first, last = doc.to_normalized(start, end)
        return doc.text[first:last].strip()

    def resolve(covered: str) -> DateMention | None:
        found = find_dates(covered, published=reference)
        if len(found) == 1 and (found[0].start, found[0].end) == (0, len(covered)):
            return found[0]
        return None

    def count(covered: str) -> NumberMention | None:
        found = find_numbers(covered)
        if len(found) == 1 and (found[0].start, found[0].end) == (0, len(covered)):
            return found[0]
        try:
            return NumberMention(0, len(covered), covered, parse_number(covered), "cardinal")
        except InvalidValueError:
            return None

    read = _brat_read.read(txt, ann, policy, norm, resolve, count)
    return Article(
        text=txt,
        published=reference,
        sentences=sentences(doc),
        dates=read.dates,
        numbers=read.numbers,
        entities=read.entities,
        titles=read.titles,
        roles=read.roles,
        quotes=read.quotes,
        attributions=read.attributions,
        meetings=read.meetings,
    )


# ---------------------------------------------------------------- displaCy


def to_displacy(
    article: Article,
    *,
    title: str | None = None,
    include: Sequence[str] = ("entities", "dates", "titles"),
) -> dict[str, Any]:
    """The article in displaCy's manual format, for ``spacy.displacy.render(…, manual=True)``.

    ``{"text", "ents": [{"start", "end", "label"}], "title", "settings"}``:
    labels are the entity labels, ``TITLE``, a date's kind and a number's
    kind in capitals (``DATE``, ``DURATION``, ``MONEY``, …); ``settings``
    makes displaCy lay the text out right to left.  ``include`` picks what is
    shown, from ``"entities"``, ``"titles"``, ``"dates"``, ``"numbers"``.
    displaCy needs spans sorted and not overlapping: a mention that overlaps
    one already kept is dropped, trying the kinds in ``include`` order and,
    within a kind, earlier and then longer mentions first.  Pass
    ``options={"colors": DISPLACY_COLORS}`` for the labels spaCy has no
    colour for.

    >>> from persnews import analyze
    >>> text = "سخنگوی وزارت امور خارجه دیروز گفت: «سفیر می‌آید.»"
    >>> article = analyze(text, published="2023-10-09")
    >>> def shown(doc):
    ...     return [(doc["text"][e["start"] : e["end"]], e["label"]) for e in doc["ents"]]
    >>> shown(to_displacy(article))
    [('وزارت امور خارجه', 'ORG'), ('دیروز', 'DATE'), ('سفیر', 'TITLE')]
    >>> shown(to_displacy(article, include=("titles", "entities")))
    [('سخنگوی وزارت امور خارجه', 'TITLE'), ('سفیر', 'TITLE')]
    """
    article = _article(article)
    if title is not None:
        check_text(title, "title")
    names = _include(include, DISPLACY_KINDS)
    kept: list[tuple[int, int, str]] = []
    for name in names:
        spans: list[tuple[int, int, str]] = []
        if name == "entities":
            spans = [(e.start, e.end, e.label) for e in article.entities]
        elif name == "titles":
            spans = [(t.start, t.end, "TITLE") for t in article.titles]
        elif name == "dates":
            spans = [(d.start, d.end, d.kind.upper()) for d in article.dates]
        else:
            spans = [(n.start, n.end, n.kind.upper()) for n in article.numbers]
        for start, end, label in sorted(spans, key=lambda span: (span[0], -span[1])):
            if start < end and all(end <= a or b <= start for a, b, _ in kept):
                kept.append((start, end, label))
    return {
        "text": article.text,
        "ents": [{"start": a, "end": b, "label": label} for a, b, label in sorted(kept)],
        "title": title,
        "settings": {"lang": "fa", "direction": "rtl"},
    }


# ---------------------------------------------------------------- JSON Lines


def _is_path(file: object) -> bool:
    return isinstance(file, str | os.PathLike)


def _open(path: str | os.PathLike[str], mode: Literal["rb", "w"]) -> IO[Any]:
    """A UTF-8 text file to write, or a file to read bytes from, gzip-compressed
    when its name ends in ``.gz``."""
    import gzip

    name = os.fspath(path)
    if mode == "rb":  # bytes: each line is decoded on its own, so a bad one is named
        return cast(
            IO[bytes], gzip.GzipFile(name, "rb") if name.endswith(".gz") else open(name, "rb")
        )
    newline = "\n"
    if name.endswith(".gz"):
        return io.TextIOWrapper(gzip.GzipFile(name, f"{mode}b"), encoding="utf-8", newline=newline)
    return open(name, mode, encoding="utf-8", newline=newline)


def write_jsonl(articles: Iterable[Article], file: File) -> int:
    """Write articles as JSON Lines, one :meth:`Article.to_dict` a line; return how many.

    ``file`` is a path (``.gz`` is compressed) or an open file, text or
    binary.  The JSON is UTF-8 text, not ``\\u`` escapes (line and paragraph
    separators excepted, so that every line reader splits it right).  A list
    of articles is checked before the file is opened; a generator as it is
    written.

    >>> import io
    >>> from persnews import analyze
    >>> out = io.StringIO()
    >>> write_jsonl([analyze("سلام."), analyze("خداحافظ.")], out)
    2
    >>> [article.text for article in read_jsonl(io.StringIO(out.getvalue()))]
    ['سلام.', 'خداحافظ.']
    """
    check_iterable(articles, "articles", "an iterable of Article (a list: [article])")
    if not (_is_path(file) or hasattr(file, "write")):
        raise InputTypeError(
            argument="file", expected="a path or a file open for writing", got=type(file).__name__
        )
    if isinstance(articles, Collection):  # a list is checked whole, before the file is opened
        for index, article in enumerate(articles):
            _article_at(article, index)
    if _is_path(file):
        with _open(file, "w") as out:  # type: ignore[arg-type]
            return _write_lines(articles, out)
    return _write_lines(articles, file)  # type: ignore[arg-type]


def _write_lines(articles: Iterable[Article], out: IO[str] | IO[bytes]) -> int:
    mode = getattr(out, "mode", "")
    binary = isinstance(out, io.RawIOBase | io.BufferedIOBase) or (
        isinstance(mode, str) and "b" in mode
    )
    count = 0
    for count, article in enumerate(articles, start=1):
        line = _brat.dumps(_article_at(article, count - 1).to_dict()) + "\n"
        out.write(line.encode("utf-8") if binary else line)  # type: ignore[arg-type]
    return count


def _article_at(article: object, index: int) -> Article:
    """``articles[index]``, checked to be an Article."""
    if not isinstance(article, Article):
        raise InputTypeError(
            argument=f"articles[{index}]", expected="an Article", got=type(article).__name__
        )
    return article


def read_jsonl(file: File) -> Iterator[Article]:
    """Read articles from JSON Lines (as :func:`write_jsonl` writes them), lazily.

    ``file`` is a path (``.gz`` is decompressed) or an open file, text or
    binary; blank lines are skipped.  A line that is not UTF-8, not JSON, or
    not an article raises :class:`~persnews.InvalidValueError` naming the line.

    >>> import io
    >>> next(read_jsonl(io.StringIO('{"text": "x"}\\n')))
    Traceback (most recent call last):
    ...
    persnews.errors.InvalidValueError: invalid article on line 1 '{"text": "x"}': expected Article.to_dict() output (missing key 'sentences')
    """  # noqa: E501
    if _is_path(file):
        return _read_lines(_open(file, "rb"), close=True)  # type: ignore[arg-type]
    if isinstance(file, Iterable) and not isinstance(file, bytes | bytearray):
        return _read_lines(file, close=False)
    raise InputTypeError(
        argument="file", expected="a path or a file open for reading", got=type(file).__name__
    )


def _read_lines(lines: Iterable[str | bytes], *, close: bool) -> Iterator[Article]:
    try:
        for number, raw in enumerate(lines, start=1):
            line = raw if isinstance(raw, str) else _decoded(raw, number)
            if number == 1:
                line = line.removeprefix("\ufeff")
            if not line.strip():
                continue
            yield _article_line(line, number)
    finally:
        if close and hasattr(lines, "close"):
            lines.close()


def _decoded(raw: object, number: int) -> str:
    """Line ``number`` of a file read as bytes, as text; a typed error naming it otherwise."""
    if not isinstance(raw, bytes):
        raise InputTypeError(
            argument=f"line {number} of file", expected="str or bytes", got=type(raw).__name__
        )
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as error:
        shown = raw.decode("utf-8", "replace").strip()
        raise InvalidValueError(
            field=f"line {number}",
            value=shown if len(shown) <= 60 else shown[:60] + "…",
            valid=f"UTF-8 text (byte 0x{raw[error.start]:02x} at column {error.start}); "
            + convert_advice(raw),
        ) from None


def _article_line(line: str, number: int) -> Article:
    shown = line.strip()
    shown = shown if len(shown) <= 60 else shown[:60] + "…"
    try:
        data = json.loads(line)
    except ValueError as error:
        raise InvalidValueError(
            field=f"line {number}", value=shown, valid=f"one JSON object a line ({error})"
        ) from error
    if not isinstance(data, dict):
        raise InvalidValueError(field=f"line {number}", value=shown, valid="a JSON object")
    try:
        return Article.from_dict(data)
    except InvalidValueError as error:
        raise InvalidValueError(
            field=f"{error.field} on line {number}", value=error.value, valid=error.valid
        ) from error
    except KeyError as error:
        raise InvalidValueError(
            field=f"article on line {number}",
            value=shown,
            valid=f"Article.to_dict() output (missing key {error})",
        ) from error
    except (TypeError, ValueError, AttributeError) as error:
        raise InvalidValueError(
            field=f"article on line {number}",
            value=shown,
            valid=f"Article.to_dict() output ({error})",
        ) from error
