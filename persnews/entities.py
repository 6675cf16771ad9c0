"""Named entities: people, organizations, places, facilities, events, products.

Three things find them, in this order of trust:

1. a statistical sequence labeller (a CRF trained on PEYMA and ARMAN, shipped
   in ``persnews/data/``) tags each sentence's tokens (``source="model"``);
2. rules read the words around a name (``source="rule"``): a head word decides
   what a name is (``data/entity_heads.tsv``: «استان فارس» is a province,
   «خبرگزاری فارس» a news agency, «روزنامه ایران» a newspaper), a news agency
   is named after «به گزارش» / «به نقل از», and a month name after a day
   number is a date, not «مهر» the agency;
3. the gazetteers (``data/countries.tsv``, ``cities.tsv``, ``agencies.tsv``,
   ``organizations.tsv``) add the names the model missed where they cannot be
   common words (``source="gazetteer"``) and give every name they know its
   standard form and finer ``kind``.

Mentions of one entity are then linked within the text: «لاوروف» after
«سرگئی لاوروف» gets ``canonical`` «سرگئی لاوروف»; «سازمان ملل» after
«سازمان ملل متحد» gets «سازمان ملل متحد».

>>> from persnews import find_entities
>>> text = "به گزارش ایرنا، سرگئی لاوروف به تهران رفت. لاوروف گفت: «ایران دوست ماست.»"
>>> [(e.text, e.label, e.canonical) for e in find_entities(text)]  # doctest: +NORMALIZE_WHITESPACE
[('ایرنا', 'ORG', 'خبرگزاری جمهوری اسلامی ایران'), ('سرگئی لاوروف', 'PER', 'سرگئی لاوروف'),
 ('تهران', 'LOC', 'تهران'), ('لاوروف', 'PER', 'سرگئی لاوروف'), ('ایران', 'LOC', 'ایران')]
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Final, NamedTuple

from persnews import _data, _patterns
from persnews._datetext import month_keys
from persnews._lazy import once
from persnews.model import Entity, Token
from persnews.normalize import as_document
from persnews.text import NormalizedText
from persnews.tokens import _scan, sentences

__all__ = ["find_entities", "find_titles"]

#: the gazetteers of names, in the order their entries are trusted
GAZETTEERS: Final = ("agencies", "organizations", "countries", "cities")
#: the gazetteer of titles and roles
TITLES: Final = "titles"
#: words after which a news agency or newspaper is named: «به گزارش ایسنا»
AGENCY_CUES: Final = (("به", "گزارش"), ("به", "نقل", "از"), ("گزارش",), ("خبرنگار",))
#: the longest name the gazetteers and linking look at, in words
MAX_WORDS: Final = 8
#: a name the model missed is added from a gazetteer only when it is at least
#: this long (in characters) or of several words: short ones are often words
MIN_GAZETTEER_LENGTH: Final = 4
#: gazetteer kinds trusted without the model (a city or company name is too
#: often an ordinary word or a person's name to be taken on its own)
GAZETTEER_KINDS: Final = frozenset(
    {"country", "news_agency", "newspaper", "broadcaster", "international", "ministry"}
)
#: a surname is looked for again across the text, and a one-word name taken
#: from a gazetteer without the model, only when it is rarer than this in
#: hazm's word counts («لاوروف» is; «حق» of «فرحان حق» and «میزان» are not)
COMMON_WORD: Final = 1_000_000
#: the labels a head word may change: the ORG/LOC reading of «فارس», «ایران»;
#: the model's FAC, EVENT and PRODUCT stand (ARMAN's «شبکه …» products)
HEAD_DECIDES: Final = frozenset({"ORG", "LOC"})
#: quotation marks around a name
QUOTES: Final = frozenset({"«", "»", '"', "'", "“", "”"})
#: punctuation that may stand inside a name («بنی-صدر», «ام.بی.سی», «A&T»)
JOINING: Final = frozenset({"-", ".", "&", "/"})
ZWNJ: Final = "\u200c"
#: the ezafe a name takes before a following word: «وزارت خارجه‌ی روسیه»
EZAFE: Final = ZWNJ + "ی"


class _Entry(NamedTuple):
    """What a gazetteer says about a surface form under one label."""

    canonical: str
    kind: str


class _Gazetteer(NamedTuple):
    """Surface forms (as word tuples) -> label -> entry, and the longest form
    starting with each word."""

    entries: dict[tuple[str, ...], dict[str, _Entry]]
    longest: dict[str, int]

    @classmethod
    def of(cls, entries: dict[tuple[str, ...], dict[str, _Entry]]) -> _Gazetteer:
        longest: dict[str, int] = {}
        for words in entries:
            longest[words[0]] = max(longest.get(words[0], 0), len(words))
        return cls(entries, longest)

    def starts(self, words: Sequence[str]) -> list[int]:
        """The indexes where a surface form may start (its first word is there): the
        only places :meth:`match` can find one, so loops over a text visit these."""
        longest = self.longest
        return [i for i, word in enumerate(words) if word in longest]

    def match(self, words: Sequence[str], i: int, free: bytearray | None = None) -> int:
        """The length of the longest surface form at ``words[i]`` (0 if none);
        with ``free``, the longest whose words are all unmarked there."""
        if i >= len(words):
            return 0
        most = self.longest.get(words[i], 0)
        for size in range(min(most, len(words) - i), 0, -1):
            if tuple(words[i : i + size]) in self.entries and (
                free is None or not any(free[i : i + size])
            ):
                return size
        return 0


class _Name(NamedTuple):
    """A name found among the tokens ``[first, last)``."""

    first: int
    last: int
    label: str
    score: float
    source: str
    kind: str | None = None
    canonical: str | None = None


def lookup_words(doc: NormalizedText) -> list[str]:
    """The text's tokens as names are looked up (:func:`_key`), computed once per
    text (entities, titles and relations share them); do not change the list."""
    return doc.memo("lookup_words", _lookup_words)


def _lookup_words(doc: NormalizedText) -> list[str]:
    return [_key(span[3]) for span in doc.memo("tokens", _scan).spans]


def _key(word: str) -> str:
    """A word as names are looked up: without the ezafe it may carry."""
    return word[: -len(EZAFE)] if word.endswith(EZAFE) and len(word) > len(EZAFE) + 1 else word


@once
def _gazetteer(names: tuple[str, ...]) -> _Gazetteer:
    entries: dict[tuple[str, ...], dict[str, _Entry]] = {}
    for name in names:
        _header, rows = _data.table(name)
        for surface, canonical, label, kind in rows:
            words = tuple(_key(word) for word in surface.split())
            entries.setdefault(words, {}).setdefault(label, _Entry(canonical, kind))
    return _Gazetteer.of(entries)


@once
def _heads() -> dict[str, tuple[str, str]]:
    """Head word -> (label, kind)."""
    _header, rows = _data.table("entity_heads")
    return {head: (label, kind) for head, label, kind in rows}


@once
def _months() -> frozenset[str]:
    return frozenset(month_keys("jalali")) | frozenset(month_keys("gregorian"))


def find_entities(text: str | NormalizedText) -> list[Entity]:
    """People, organizations, places, facilities, events and products named in
    ``text``, in text order, with offsets into the original text.

    Labels are the ARMAN types: "PER", "ORG", "LOC", "FAC", "EVENT",
    "PRODUCT". Quotes and punctuation around a name are never part of it.

    >>> [(e.text, e.label, e.kind) for e in find_entities("استاندار فارس در شیراز گفت")]
    [('فارس', 'LOC', 'province'), ('شیراز', 'LOC', 'city')]
    >>> [(e.text, e.label, e.kind) for e in find_entities("به گزارش فارس، او به شیراز رفت")]
    [('فارس', 'ORG', 'news_agency'), ('شیراز', 'LOC', 'city')]
    >>> find_entities("")
    []
    """
    doc = as_document(text)
    scan = doc.memo("tokens", _scan)
    tokens = scan.tokens
    if not tokens:
        return []
    words = lookup_words(doc)
    names = _tagged(doc, tokens)
    names = _by_context(words, tokens, names)
    names = _with_gazetteer(words, tokens, names)
    names = _linked(words, _repeated(words, names))
    names = _within_sentences(doc, names)
    found = []
    for name in names:
        start, end = tokens[name.first].start, _name_end(tokens[name.last - 1])
        canonical = (
            name.canonical or doc.text[scan.spans[name.first][0] : scan.spans[name.last - 1][1]]
        )
        found.append(
            Entity(
                start=start,
                end=end,
                text=doc.original[start:end],
                label=name.label,  # type: ignore[arg-type]
                canonical=canonical,
                kind=name.kind,
                score=round(name.score, 4),
                source=name.source,  # type: ignore[arg-type]
            )
        )
    return found


def _within_sentences(doc: NormalizedText, names: list[_Name]) -> list[_Name]:
    """Drop a name that runs across the end of a sentence: the model tags one
    sentence at a time, but a name found again («ʹ.0» after «ʹ.0») or taken from
    a gazetteer could straddle a sentence end, which no reader of sentences
    (CoNLL, spaCy) can hold."""
    starts = set()
    first = 0
    for sentence in sentences(doc):
        starts.add(first)
        first += len(sentence.tokens)
    return [n for n in names if not any(i in starts for i in range(n.first + 1, n.last))]


def _name_end(token: Token) -> int:
    """Where a name ending with ``token`` ends: before an ezafe it carries."""
    if token.norm.endswith(EZAFE) and token.text.endswith("ی"):
        end = token.end - 1
        while end > token.start + 1 and token.text[end - token.start - 1] == ZWNJ:
            end -= 1
        return end
    return token.end


def _tagged(doc: NormalizedText, tokens: list[Token]) -> list[_Name]:
    """What the model finds, sentence by sentence; punctuation other than a
    joining mark ends a name (a quote the model took in: «خبرگزاری «تاس»)."""
    from persnews import _ner

    names: list[_Name] = []
    first = 0
    for sentence in sentences(doc):
        size = len(sentence.tokens)
        chunk = tokens[first : first + size]
        tags = _ner.tag([token.norm for token in chunk])
        names.extend(
            _Name(first + start, first + end, label, score, "model")
            for start, end, label, score in _ner.runs(chunk, tags, _breaks)
        )
        first += size
    return names


def _breaks(token: Token) -> bool:
    return token.kind in ("punct", "symbol") and token.norm not in JOINING


def _by_context(words: list[str], tokens: list[Token], names: list[_Name]) -> list[_Name]:
    """Head words decide a name's label and kind; agencies after «به گزارش»; a
    month name beside a number is a date, not a name."""
    heads, months = _heads(), _months()
    agencies = _gazetteer(("agencies",))
    kept: list[_Name] = []
    for name in names:
        first, last = name.first, name.last
        if last - first == 1 and words[first] in months and _beside_number(tokens, first):
            continue
        if last - first == 1 and words[first] in heads:
            continue  # a head alone names nothing
        head = heads.get(words[first]) if last - first > 1 else None
        before = None if head is not None else _head_before(words, first, heads)
        rule = head or before
        if rule is None:
            kept.append(name)
            continue
        label, kind = rule
        if label == name.label:
            kept.append(name._replace(kind=kind))
        elif name.label not in HEAD_DECIDES or label not in HEAD_DECIDES:
            kept.append(name)  # the model's FAC, EVENT or PRODUCT stands
        elif before is not None and words[first - 1] in heads:
            # «دانشگاه [تهران]», «استان [فارس]»: the model left the head out
            kept.append(name._replace(first=first - 1, label=label, kind=kind, source="rule"))
        else:  # «خبرگزاری فارس», or خبرگزاری «[تاس]» with the head outside the quotes
            kept.append(name._replace(label=label, kind=kind, source="rule"))
    # a news agency named after a cue the model did not take as one
    taken = {i: name for name in kept for i in range(name.first, name.last)}
    cue_ends = {cue[-1] for cue in AGENCY_CUES}
    for i in (i for i, word in enumerate(words) if word in cue_ends):
        after = _after_cue(words, i)
        if after is None or after >= len(words):
            continue
        size = agencies.match(words, after)
        if not size:
            continue
        span = range(after, after + size)
        clashing = {taken[j] for j in span if j in taken}
        if any(name.label == "ORG" for name in clashing):
            continue
        kept = [name for name in kept if name not in clashing]
        entry = agencies.entries[tuple(words[after : after + size])]["ORG"]
        kept.append(_Name(after, after + size, "ORG", 1.0, "rule", entry.kind, entry.canonical))
        taken.update(dict.fromkeys(span, kept[-1]))
    kept.sort()
    return kept


def _head_before(
    words: list[str], first: int, heads: dict[str, tuple[str, str]]
) -> tuple[str, str] | None:
    """The label and kind a head word just before ``words[first]`` (or before the
    quote it opens with) gives the name there."""
    if first > 0 and words[first - 1] in heads:
        return heads[words[first - 1]]
    if first > 1 and words[first - 1] in QUOTES and words[first - 2] in heads:
        return heads[words[first - 2]]
    return None


def _after_cue(words: list[str], i: int) -> int | None:
    """The index just past an agency cue ending at ``words[i]``, if one does."""
    for cue in AGENCY_CUES:
        if i + 1 >= len(cue) and tuple(words[i + 1 - len(cue) : i + 1]) == cue:
            return i + 1
    return None


def _beside_number(tokens: list[Token], i: int) -> bool:
    return (i > 0 and tokens[i - 1].kind == "number") or (
        i + 1 < len(tokens) and tokens[i + 1].kind == "number"
    )


def _with_gazetteer(words: list[str], tokens: list[Token], names: list[_Name]) -> list[_Name]:
    """Give known names their standard form and kind; add the safe ones the model missed."""
    from persnews._hazm import lexicon

    gazetteer, heads, frequency = _gazetteer(GAZETTEERS), _heads(), lexicon().frequency
    known: list[_Name] = []
    for name in names:
        entry = gazetteer.entries.get(tuple(words[name.first : name.last]), {}).get(name.label)
        if entry is None and words[name.first] in heads and name.last - name.first > 1:
            # «استان فارس»: the name after its head may be known
            entry = gazetteer.entries.get(tuple(words[name.first + 1 : name.last]), {}).get(
                name.label
            )
            if entry is not None:
                entry = _Entry(canonical="", kind=name.kind or entry.kind)
        if entry is not None:
            name = name._replace(kind=name.kind or entry.kind, canonical=entry.canonical or None)
        known.append(name)
    taken = {i for name in known for i in range(name.first, name.last)}
    after = 0  # the end of the last form read
    for i in gazetteer.starts(words):
        if i < after:
            continue
        size = gazetteer.match(words, i) if i not in taken else 0
        if size and not taken.intersection(range(i, i + size)):
            surface = tuple(words[i : i + size])
            for label, entry in gazetteer.entries[surface].items():
                if entry.kind in GAZETTEER_KINDS and (
                    size > 1 or _rare_enough(surface[0], entry.kind, frequency)
                ):
                    known.append(
                        _Name(i, i + size, label, 1.0, "gazetteer", entry.kind, entry.canonical)
                    )
                    break
            after = i + size
    known.sort()
    return known


def _repeated(words: list[str], names: list[_Name]) -> list[_Name]:
    """Find again what was found once: every other occurrence of a name of
    several words, and of the surname of a person named in full (when it is not
    a common word), that nothing else covers."""
    from persnews._hazm import lexicon

    frequency = lexicon().frequency
    wanted: dict[tuple[str, ...], _Name] = {}
    for name in names:
        size = name.last - name.first
        if size < 2 or size > MAX_WORDS:
            continue
        surface = tuple(words[name.first : name.last])
        wanted.setdefault(surface, name)
        surname = surface[-1]
        if name.label == "PER" and len(surname) > 2 and frequency.get(surname, 0) < COMMON_WORD:
            wanted.setdefault((surname,), name)
    if not wanted:
        return names
    index = _Gazetteer.of({surface: {} for surface in wanted})
    taken = bytearray(len(words))
    for name in names:
        taken[name.first : name.last] = b"\x01" * (name.last - name.first)
    found = list(names)
    after = 0
    for i in index.starts(words):
        if i < after:
            continue
        size = index.match(words, i, taken)
        if size:
            like = wanted[tuple(words[i : i + size])]
            found.append(_Name(i, i + size, like.label, 1.0, "rule", like.kind, like.canonical))
            taken[i : i + size] = b"\x01" * size
            after = i + size
    found.sort()
    return found


def _rare_enough(word: str, kind: str, frequency: dict[str, int]) -> bool:
    """May a one-word name be taken from a gazetteer without the model? Only if
    it is long enough and, unless it names a country, not a common word
    («میزان», "amount", is also a news agency)."""
    if len(word) < MIN_GAZETTEER_LENGTH:
        return False
    return kind == "country" or frequency.get(word, 0) < COMMON_WORD


def _linked(words: list[str], names: list[_Name]) -> list[_Name]:
    """Each mention's canonical name: the longest mention of the same label in
    the text that it is the end (a surname) or, for organizations and places,
    the start («سازمان ملل» of «سازمان ملل متحد») of."""
    fullest: dict[tuple[str, tuple[str, ...]], _Name] = {}
    for name in names:
        size = name.last - name.first
        if size < 2 or size > MAX_WORDS:
            continue
        surface = tuple(words[name.first : name.last])
        parts: Iterable[tuple[str, ...]]
        if name.label == "PER":
            parts = (surface[cut:] for cut in range(1, size))
        else:
            parts = (surface[:cut] for cut in range(1, size))
        for part in parts:
            best = fullest.get((name.label, part))
            if best is None or best.last - best.first < size:
                fullest[(name.label, part)] = name
    if not fullest:
        return names
    linked = []
    for name in names:
        full = fullest.get((name.label, tuple(words[name.first : name.last])))
        if full is not None and name.canonical is None and not _contradicted(words, name, full):
            canonical = full.canonical or " ".join(words[full.first : full.last])
            name = name._replace(canonical=canonical, kind=name.kind or full.kind)
        linked.append(name)
    return linked


def _contradicted(words: list[str], name: _Name, full: _Name) -> bool:
    """Does the text after ``name`` join another name to it with «و» where
    ``full`` joins its own? The model cut the name short: «اتاق مشترک ایران» +
    «و استرالیا» is no «اتاق مشترک ایران و ایتالیا» (a surname, «روحانی» of «حسن
    روحانی», is never contradicted)."""
    if name.label == "PER":
        return False
    rest = words[full.first + (name.last - name.first) : full.last]
    following = words[name.last : name.last + 2]
    return len(rest) > 1 and rest[0] == "و" and following[:1] == ["و"] and following != rest[:2]


def find_titles(text: str | NormalizedText) -> list[Entity]:
    """Titles and roles («وزیر امور خارجه», «سخنگوی وزارت خارجه», «سرمربی»,
    «نماینده مردم تهران در مجلس») with ``label`` "TITLE", a role class as
    ``kind`` and the standard form as ``canonical``.

    >>> [(t.text, t.canonical, t.kind) for t in find_titles("وزیر خارجه روسیه گفت")]
    [('وزیر خارجه', 'وزیر امور خارجه', 'minister')]
    """
    doc = as_document(text)
    scan = doc.memo("tokens", _scan)
    tokens = scan.tokens
    found: list[Entity] = []
    titles = _titles(lookup_words(doc)) if tokens else []
    for title in _within_sentences(doc, titles):
        start, end = tokens[title.first].start, _name_end(tokens[title.last - 1])
        canonical = (
            title.canonical or doc.text[scan.spans[title.first][0] : scan.spans[title.last - 1][1]]
        )
        found.append(
            Entity(
                start,
                end,
                doc.original[start:end],
                "TITLE",
                canonical,
                title.kind,
                1.0,
                "gazetteer",
            )
        )
    return found


def _titles(words: list[str]) -> list[_Name]:
    """The titles among ``words``, longest first, not overlapping."""
    titles = _gazetteer((TITLES,))
    found: list[_Name] = []
    after = 0
    for i in titles.starts(words):
        if i < after:
            continue
        size = titles.match(words, i)
        if not size:
            continue
        entry = titles.entries[tuple(words[i : i + size])]["TITLE"]
        last = i + size + (_represented(words, i + size) if words[i] == "نماینده" else 0)
        canonical = entry.canonical if last == i + size else None
        if size == 1 and words[i] in _serving_titles():
            served = _served_title(words, i + 1)
            if served is not None:  # «معاون اقتصادی رئیس جمهور»: one title
                last, tail = served
                canonical = " ".join([entry.canonical, *words[i + 1 : last - tail[0]], tail[1]])
        found.append(_Name(i, last, "TITLE", 1.0, "gazetteer", entry.kind, canonical))
        after = last
    return found


#: how many words may qualify a serving title before the title it serves
#: («معاون امور حقوقی رئیس جمهور»)
SERVED_QUALIFIERS: Final = 3
#: the kinds of title a serving title may be «of» (not a rank or an honorific said
#: before a name: «مشاور آیت‌الله خامنه‌ای» is the Ayatollah's adviser, no title)
SERVED_KINDS: Final = frozenset(
    {
        "head_of_state",
        "head_of_government",
        "executive",
        "minister",
        "judiciary",
        "legislator",
        "international",
        "security",
        "spokesperson",
        "diplomat",
    }
)


#: a plain word: letters of the Arabic script and half-spaces, nothing else
_PLAIN_WORD: Final = _patterns.compile(r"[\p{Arabic}\u200c]+(?<!\p{Nd})(?<=\p{L})")
#: hazm's parts of speech of words that qualify no title: a preposition, a
#: postposition («را»), a pronoun, a conjunction, a determiner
_NOT_QUALIFYING: Final = frozenset({"P", "POSTP", "PRO", "CONJ", "DET"})


@once
def _organization_heads() -> frozenset[str]:
    """Head words that open an organization's name («وزارت», «سازمان»)."""
    return frozenset(head for head, (label, _kind) in _heads().items() if label == "ORG")


@once
def _serving_titles() -> frozenset[str]:
    """Titles held in someone's service («معاون», «مشاور», «سخنگو»): ``serves`` in
    data/relation_words.tsv."""
    _header, rows = _data.table("relation_words")
    return frozenset(_key(phrase) for phrase, kind in rows if kind == "serves")


def _served_title(words: list[str], i: int) -> tuple[int, tuple[int, str]] | None:
    """The title a serving title before ``words[i]`` is «of»: a title of
    :data:`SERVED_KINDS` at ``i`` or after up to :data:`SERVED_QUALIFIERS` plain
    words («اول», «اقتصادی», «امور حقوقی») -> (its end, (its length, its
    canonical form)); None if there is none."""
    from persnews._hazm import lexicon

    titles = _gazetteer((TITLES,))
    heads = _organization_heads()
    pos, verbs = lexicon().pos, lexicon().verb_forms
    for k in range(i, min(len(words), i + SERVED_QUALIFIERS + 1)):
        size = titles.match(words, k)
        if size:
            entry = titles.entries[tuple(words[k : k + size])]["TITLE"]
            if entry.kind not in SERVED_KINDS:
                return None
            return k + size, (size, entry.canonical)
        word = words[k]
        if _PLAIN_WORD.fullmatch(word) is None or word in heads:
            return None  # punctuation, a number, an organization's head («وزارت»)
        if word in verbs or _NOT_QUALIFYING.intersection(pos.get(word, ())):
            return None  # a verb, a preposition, a pronoun: another clause or phrase
    return None


def _represented(words: list[str], i: int) -> int:
    """How many words after «نماینده» say whom a member of parliament represents:
    «مردم تهران، ری، شمیرانات و اسلامشهر در مجلس شورای اسلامی»."""
    if i >= len(words) or words[i] != "مردم":
        return 0
    for j in range(i + 1, min(len(words), i + 3 * MAX_WORDS)):
        if words[j] == "در" and j + 1 < len(words) and words[j + 1] == "مجلس":
            end = j + 2
            if words[end : end + 2] == ["شورای", "اسلامی"]:
                end += 2
            return end - i
        if words[j] in (".", "!", "؟", ":", "«", "»", "،"):
            break
    return 2 if i + 1 < len(words) and words[i + 1].isalpha() else 1
