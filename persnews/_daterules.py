"""The rules that find dates, times, durations and periods, and resolve what they match.

Each rule is a named pattern on the normalized text and a resolver that turns
the match into a :class:`Found` (value, precision, kind …).  The rules are
tried in priority order by :func:`persnews.dates.find_dates`, which then joins
neighbouring mentions (ranges, a date and its time, a part of a period).
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Iterable, Mapping
from fractions import Fraction
from typing import Final

import regex

from persnews import _data, _hazm, _hijri, _patterns
from persnews._datetext import (
    ERAS,
    WEEKDAYS,
    Calendar,
    day_words,
    fold,
    month_keys,
    month_names,
    weekday_keys,
)
from persnews._lazy import once
from persnews._patterns import trie_pattern
from persnews.calendar import HijriDate, JalaliDate
from persnews.errors import InvalidDateError
from persnews.numbers import (
    HUNDREDS,
    MOST_WORDS,
    ONES,
    SCALES,
    TEENS,
    TENS,
    ordinal_pattern,
    parse_number,
)

__all__ = [
    "DIGIT",
    "RELATIVE_GREGORIAN",
    "Branch",
    "Cue",
    "Found",
    "Match",
    "Needs",
    "Rule",
    "keywords",
    "period_end",
    "rules",
    "said_weekday",
    "shift_months",
    "year_of",
]

#: month names that are also common words («مه» fog, «می» the verb prefix): only read
#: as months next to a day number or a year
_AMBIGUOUS_MONTHS: Final = frozenset({"مه", "می"})
#: relative day words (folded) → days from the publication date
RELATIVE_DAYS: Final[Mapping[str, int]] = {
    "امروز": 0,
    "امشب": 0,
    "امروزصبح": 0,
    "دیروز": -1,
    "دیشب": -1,
    "شبگذشته": -1,
    "روزگذشته": -1,
    "پریروز": -2,
    "پریشب": -2,
    "فردا": 1,
    "فرداشب": 1,
    "پسفردا": 2,
}
#: words after a weekday or a period that put it in the past or the future
PAST: Final = frozenset({"گذشته", "قبل", "پیش", "اخیر"})
FUTURE: Final = frozenset({"آینده", "بعد", "دیگر", "آتی"})
#: «پیش رو» / «پیش روی» (folded): ahead, not ago («چهار سال پیش رو», «هفته پیش رو»)
AHEAD: Final = frozenset({"پیشرو", "پیشروی"})
#: how «پیش رو» is written after a unit (before «پیش» in an alternation)
_AHEAD: Final = r"پیش\s+روی?(?![\w\d])"
#: after «قبل», «پیش», «بعد»: not «از», which counts from an event the text names
#: («چهل و یک سال بعد از انقلاب», «دو روز قبل از انتخابات»), not from publication;
#: but «از سوی»/«از طرف»/«از جانب» (by) and «از نظر»/«از لحاظ»/«از حیث» (in terms of)
#: begin what follows: «چند روز قبل از سوی باشگاه», «مدت مشابه سال قبل از نظر وزنی»
_NOT_FROM: Final = r"(?!\s*از(?![\w\d])(?!\s*(?:سوی|طرف|جانب|نظر|لحاظ|حیث)(?![\w\d])))"
#: parts of the day, and whether a clock time before them is in the afternoon (written with
#: a half-space where a space or nothing may stand; looked up folded)
DAY_PARTS: Final[Mapping[str, bool]] = {
    "بامداد": False,
    "صبح": False,
    "صبحگاه": False,
    "سحر": False,
    "سحرگاه": False,
    "قبل‌از‌ظهر": False,
    "پیش‌از‌ظهر": False,
    "ظهر": True,
    "بعد‌از‌ظهر": True,
    "بعد‌ظهر": True,
    "عصر": True,
    "غروب": True,
    "شب": True,
    "نیمه‌شب": False,
}
#: day parts that are common words in other senses («عصر» era, «شب» night): only with a day
WEAK_DAY_PARTS: Final = frozenset({"عصر", "شب", "سحر"})
#: seasons, spring first (the Jalali year starts with spring)
SEASONS: Final[Mapping[str, int]] = {"بهار": 0, "تابستان": 1, "پاییز": 2, "پائیز": 2, "زمستان": 3}
#: time units of durations → (ISO 8601 designator, how many of it); looked up folded
UNITS: Final[Mapping[str, tuple[str, int]]] = {
    "ثانیه": ("S", 1),
    "دقیقه": ("TM", 1),
    "ساعت": ("H", 1),
    "روز": ("D", 1),
    "شبانه‌روز": ("D", 1),
    "شب": ("D", 1),
    "هفته": ("W", 1),
    "ماه": ("M", 1),
    "سال": ("Y", 1),
    "دهه": ("Y", 10),
    "قرن": ("Y", 100),
    "سده": ("Y", 100),
    "هزاره": ("Y", 1000),
}
#: how a fraction of one unit is carried to the next smaller one
_CARRY: Final[Mapping[str, tuple[str, int]]] = {
    "Y": ("M", 12),
    "M": ("D", 30),
    "W": ("D", 7),
    "D": ("H", 24),
    "H": ("TM", 60),
    "TM": ("S", 60),
}
#: a share of a period named by a head and an ordinal («نیمه دوم», «سه‌ماهه نخست»): how
#: many shares the head cuts the period into
PART_HEADS: Final[Mapping[str, int]] = {
    "نیمه": 2,
    "شش‌ماهه": 2,
    "شش‌ماه": 2,
    "سه‌ماهه": 4,
    "سه‌ماه": 4,
    "ربع": 4,
    "فصل": 4,
}
PART_ORDINALS: Final[Mapping[str, int]] = {"اول": 1, "نخست": 1, "دوم": 2, "سوم": 3, "چهارم": 4}
#: a stretch of a period, as shares of it («اوایل» the first third)
PART_STRETCHES: Final[Mapping[str, tuple[Fraction, Fraction]]] = {
    "اوایل": (Fraction(0), Fraction(1, 3)),
    "اوائل": (Fraction(0), Fraction(1, 3)),
    "اواسط": (Fraction(1, 3), Fraction(2, 3)),
    "میانه": (Fraction(1, 3), Fraction(2, 3)),
    "اواخر": (Fraction(2, 3), Fraction(1)),
}
#: a day of a period: its first (False) or its last (True)
PART_POINTS: Final[Mapping[str, bool]] = {
    "ابتدای": False,
    "ابتدا": False,
    "آغاز": False,
    "شروع": False,
    "اول": False,
    "پایان": True,
    "انتهای": True,
    "انتها": True,
    "آخر": True,
    "اتمام": True,
}
#: «تا», «الی», a dash: between the two ends of a range
RANGE_WORDS: Final = r"تا|الی|لغایت|[-–]"
#: vague expressions: found, with no value
_VAGUE_WORDS: Final = ("اخیرا", "اخیراً", "به تازگی", "به‌تازگی", "چندی پیش", "این روزها")

_W: Final = r"\b"  # a word starts here: every rule starts with a word character (ZWNJ is one)
_E: Final = r"(?![\w\d])"  # a word ends here
_H: Final = "[\u200c ]?"  # a half-space, a space or nothing


@once
def part_words(named: bool = True) -> str:
    """A part of a period, with its ezafe: «نیمه‌ی دوم», «اوایل», «پایانِ» (see :func:`part_of`).

    ``named``: with the groups ``head``, ``ordinal``, ``stretch`` and ``point``.
    """

    def group(name: str, words: list[str]) -> str:
        return f"(?P<{name}>{_alternation(words)})" if named else f"(?:{_alternation(words)})"

    share = (
        rf"{group('head', list(PART_HEADS))}(?:{_H}ی)?\s+{group('ordinal', list(PART_ORDINALS))}"
    )
    words = rf"{share}|{group('stretch', list(PART_STRETCHES))}|{group('point', list(PART_POINTS))}"
    return rf"(?<![\w\d])(?:{words})(?:{_H}ی)?"


def part_of(match: regex.Match[str]) -> tuple[Fraction, Fraction] | bool | None:
    """What a :func:`part_words` match means: shares of the period, a point in it (True for
    its last day), or None (an ordinal past the head's count: «نیمه سوم»)."""
    if match["point"]:
        return PART_POINTS[fold(match["point"])]
    if match["stretch"]:
        return PART_STRETCHES[fold(match["stretch"])]
    count = PART_HEADS[_folded_heads()[fold(match["head"])]]
    ordinal = PART_ORDINALS[fold(match["ordinal"])]
    if ordinal > count:
        return None
    return Fraction(ordinal - 1, count), Fraction(ordinal, count)


@once
def _folded_heads() -> dict[str, str]:
    return {fold(head): head for head in PART_HEADS}


def _weekday_words() -> list[str]:
    """Weekday names as the pattern takes them: folded, a half-space before «شنبه» (where
    a space or nothing may stand: «پنج شنبه»)."""
    words = []
    for name in WEEKDAYS:
        folded = fold(name)
        head = folded[: -len("شنبه")] if folded.endswith("شنبه") else ""
        words.append(head + "\u200cشنبه" if head else folded)
    return words


def _weekday_pattern() -> str:
    """Weekday names, «شنبه» joined with a half-space, a space or nothing: «پنج شنبه»."""
    return trie_pattern(regex.escape(word).replace("\u200c", _H) for word in _weekday_words())


def _part_words() -> list[str]:
    """The words of :func:`part_words` one of which each of its matches has."""
    return [*PART_HEADS, *PART_STRETCHES, *PART_POINTS]


def _alternation(names: list[str] | tuple[str, ...]) -> str:
    """One pattern for ``names`` (a trie), a half-space matching a space or nothing."""
    return trie_pattern(regex.escape(n).replace("\u200c", _H) for n in set(names))


@once
def _folded(table: str) -> dict[str, object]:
    """``DAY_PARTS`` or ``UNITS`` by folded name."""
    return {
        fold(name): value for name, value in {"parts": DAY_PARTS, "units": UNITS}[table].items()
    }


def _unit(name: str) -> tuple[str, int]:
    """A duration unit's (designator, size), by its name as written."""
    return _folded("units")[fold(name)]  # type: ignore[return-value]


# -- numbers, days, months ----------------------------------------------------------------


#: the most items in one list or duration
_MOST_ITEMS: Final = 31
#: how an ordinal in words ends: «دوم», «دومین», «سی‌ام», «اول», «نخست» (the ordinal
#: words of :mod:`persnews.numbers`; a test checks them): before «روز» in
#: ``ordinal_day``, before the unit in ``ordinal_period``
_ORDINAL_ENDS: Final = ("م", "ین", "ول", "ست")


@once
def _cardinal_words() -> str:
    """A run of number words («دویست و سی و چهار», «دوهزاروپنج») or digits."""
    small = [w for w, n in ONES.items() if n] + list(TEENS) + list(TENS) + list(HUNDREDS)
    word = _alternation([*small, *SCALES])
    scale = _alternation(list(SCALES))
    join = rf"(?:{_H}و{_H}| ?(?={scale}))"
    # bounded: the longest number in words has 15 («نهصد و نود و نه میلیارد و …»); an
    # unbounded run made every position scan to the end of «بیست و بیست و …» (quadratic)
    return rf"(?:{word})(?:{join}(?:{word})){{0,{MOST_WORDS}}}"


@once
def _count() -> str:
    return rf"(?:\d{{1,4}}(?:[.٫]\d+)?|{_cardinal_words()})"


@once
def _word_list() -> _patterns.Pattern:
    small = [w for w, n in ONES.items() if n] + list(TEENS) + list(TENS) + list(HUNDREDS)
    return _patterns.compile(trie_pattern(regex.escape(w) for w in [*small, *SCALES, "و"]))


def number_value(text: str) -> Fraction | None:
    """The value of a count, year or clock number as written (digits or words)."""
    text = text.strip()
    if text and text[0].isdigit():
        try:
            return Fraction(text.replace("٫", "."))
        except ValueError:
            return None
    words = _word_list().findall(fold(text))
    try:
        return Fraction(parse_number(" ".join(words)))
    except ValueError:
        return None


@once
def _day_pattern() -> str:
    # day words are folded (no spaces): «بیستویکم» matches «بیست و یکم»
    words = trie_pattern(_spaced(word) for word in day_words())
    return rf"(?:(?:[3۳][01۰۱]|[012۰۱۲]?\d)(?!\d)(?:ام|م)?|{words})"


def _spaced(folded: str) -> str:
    """A folded day word as a pattern: «بیستویکم» matches «بیست و یکم», «بیست‌ویکم» …"""
    for tens in ("بیست", "سی"):
        if folded.startswith(tens + "و") and len(folded) > len(tens) + 1:
            rest = folded[len(tens) + 1 :]
            return rf"{tens}{_H}و{_H}{regex.escape(rest)}"
    if folded.startswith("سی") and folded.endswith("ام"):  # «سی‌ام», «سی ام», «سیام»
        return rf"سی{_H}ام"
    return regex.escape(folded)


def day_value(text: str) -> int | None:
    digits = text.rstrip("ام")
    if digits.isdigit():
        return int(digits)
    return day_words().get(fold(text))


def _month_spellings(calendar: Calendar, unambiguous: bool) -> list[str]:
    """A calendar's month names as written (``unambiguous``: not «مه», «می»)."""
    names, variants = month_names(calendar)
    spelled = list(names) + list(variants)
    if calendar == "hijri":  # «ربیع‌الاول» is also written «ربیع الاول»
        spelled += [name.replace("\u200c", " ") for name in spelled]
    if unambiguous:
        spelled = [name for name in spelled if fold(name) not in _AMBIGUOUS_MONTHS]
    return spelled


def _word_year_words() -> list[str]:
    """The words a year in words starts with (:func:`_word_year`)."""
    return [*HUNDREDS, "هزار", "یک هزار", "دو هزار", "دوهزار"]


@once
def _word_year() -> str:
    """A year in words, from a hundred up: «هزار و سیصد و شصت و چهار», «دوهزاروپنج»."""
    big = _alternation(_word_year_words())
    return rf"(?:{big})(?:{_H}و{_H}(?:{_cardinal_words()}))?"


@once
def _year_pattern() -> str:
    """A written year: four or two digits, or words."""
    return rf"(?:\d{{4}}|\d{{2}}|{_word_year()})"


def _listed(item: str) -> str:
    """``item``, or a list of them: «۱۵ و ۱۶», «۱۵، ۱۶ و ۱۷», «۱۰ تا ۱۵», «مهر - آبان»."""
    return (
        rf"{item}(?:(?:\s*[،,]\s*{item}){{0,{_MOST_ITEMS}}}\s+و\s*{item}"
        rf"|\s*(?:{RANGE_WORDS})\s*{item})?"
    )


#: what may not follow a list of years: it was a count («سال ۹۸، ۲۰ هزار نفر»)
_NOT_A_YEAR_AFTER: Final = r"(?!\s*(?:درصد|نفر|هزار|میلیون|میلیارد|تن|دلار|ریال|تومان|سال))"


_ERA: Final = (
    r"\(?\s*(?:ه\.\s?ش\.?|هجری\s+شمسی|هجری\s+خورشیدی|شمسی|خورشیدی|میلادی|ه\.\s?ق\.?"
    r"|هجری\s+قمری|قمری)(?:\s*\))?"
)


# -- what a rule finds ---------------------------------------------------------------------


class Found:
    """What a rule's resolver says: the value (or None and why), kind and precision."""

    __slots__ = (
        "calendar",
        "duration",
        "end_value",
        "guessed_year",
        "kind",
        "precision",
        "reason",
        "rule",
        "time",
        "value",
        "weekday",
    )

    def __init__(
        self,
        value: datetime.date | None,
        *,
        calendar: str,
        precision: str = "day",
        kind: str = "date",
        end_value: datetime.date | None = None,
        reason: str | None = None,
        duration: str | None = None,
        time: datetime.time | None = None,
    ) -> None:
        self.value = value
        self.calendar = calendar
        self.precision = precision
        self.kind = kind
        self.end_value = end_value
        self.reason = reason
        self.duration = duration
        self.time = time
        #: the weekday written (Saturday = 0), for a check against a date beside it
        self.weekday: int | None = None
        #: the rule's name, when the resolver tells it (one pattern for three calendars)
        self.rule: str | None = None
        #: the year was not written but taken nearest the publication date
        self.guessed_year = False


class Match:
    """A rule's match on the normalized text."""

    __slots__ = ("groups", "sentence_rest")

    def __init__(self, groups: dict[str, str | None], sentence_rest: str) -> None:
        self.groups = groups
        self.sentence_rest = sentence_rest


Resolve = Callable[[Match, datetime.date | None], Found]


class Cue:
    """A keyword of :attr:`Rule.needs` with the context a match gives it: ``pattern``, a
    piece of a rule's pattern that every match of the rule has (in it, or in the text
    its lookarounds read), and ``key``, a literal every match of ``pattern`` has.

    «ربع» is in many texts, but «ربع به» only where a time is: ``Cue("ربع",
    r"ربع\\s+به")``.  Written to start with the literal (after a lookbehind, if any),
    a cue is a fast search for it, and it is tried only on a text that has ``key``.

    >>> Cue("ربع", r"ربع\\s+به").found("یک ربع به هفت"), Cue("ربع", r"ربع\\s+به").found("ربع")
    (True, False)
    """

    __slots__ = ("_compiled", "key", "pattern")

    def __init__(self, key: str, pattern: str) -> None:
        self.key = key
        self.pattern = pattern
        self._compiled: _patterns.Pattern | None = None

    def __repr__(self) -> str:
        return f"Cue({self.key!r}, {self.pattern[:40]!r})"

    def found(self, text: str) -> bool:
        """Whether ``text`` has a match of the cue."""
        return self.key in text and self.search(text)

    def search(self, text: str) -> bool:
        """Whether ``text`` has a match of :attr:`pattern` (compiled on first use)."""
        compiled = self._compiled
        if compiled is None:
            compiled = self._compiled = _patterns.compile(self.pattern, regex.VERSION1)
        return compiled.search(text) is not None


#: a cue for any digit ``\d`` matches (Persian, Arabic-Indic, Latin …: too many to list)
DIGIT: Final = Cue("", r"\d")
#: :attr:`Rule.needs`: groups of keywords and cues; a text must have one of every group
Needs = tuple[tuple[str | Cue, ...], ...]


#: one branch of a rule's alternation: its pattern and what its matches need
Branch = tuple[str, Needs]


class Rule:
    """A named pattern and how to resolve what it matches.

    ``split`` names a group that repeats in a list («۱۵ و ۱۶ تیر», «دهه‌های ۶۰ و ۷۰»):
    each capture is a mention of its own, resolved with the rest of the match.

    ``needs`` says what a match cannot do without: groups of keywords (substrings, see
    :func:`keywords`) and cues (see :class:`Cue`), each group with one in every match
    or in the text its lookarounds read, all derived from the pattern and the word
    lists it is built from.  On a text that lacks a group the rule cannot match, so
    it is not scanned (:meth:`scanner` is None): a substring test costs a few
    microseconds, a scan of a news article tens or hundreds.

    ``branches``: the pattern is ``head``, one of the branches, ``tail``
    (:meth:`branched`), and each branch has needs of its own.  A text is scanned with
    the branches it may have only: a branch that matches nowhere in the text changes
    no match, and the pattern without it is smaller and faster.

    Patterns are compiled when a text first needs them.
    """

    __slots__ = (
        "_compiled",
        "_variants",
        "branches",
        "head",
        "name",
        "needs",
        "pattern",
        "resolve",
        "split",
        "tail",
    )

    def __init__(
        self,
        name: str,
        pattern: str,
        resolve: Resolve,
        split: str | None = None,
        *,
        needs: Needs = (),
    ) -> None:
        self.name = name
        self.pattern = pattern
        self.resolve = resolve
        self.split = split
        self.needs = needs
        self.head = self.tail = ""
        self.branches: tuple[Branch, ...] = ()
        self._compiled: _patterns.Pattern | None = None
        #: the patterns without some branches, by the branches kept
        self._variants: dict[tuple[int, ...], _patterns.Pattern] = {}

    @classmethod
    def branched(
        cls,
        name: str,
        head: str,
        branches: tuple[Branch, ...],
        tail: str,
        resolve: Resolve,
        split: str | None = None,
        *,
        needs: Needs = (),
    ) -> Rule:
        """A rule whose pattern is ``head(?:branch|branch|…)tail``; ``needs``: what a
        match of every branch needs."""
        patterns = [pattern for pattern, _ in branches]
        rule = cls(name, cls._joined(head, patterns, tail), resolve, split, needs=needs)
        rule.head, rule.branches, rule.tail = head, branches, tail
        return rule

    @staticmethod
    def _joined(head: str, branches: list[str], tail: str) -> str:
        return f"{head}(?:{'|'.join(branches)}){tail}"

    def __repr__(self) -> str:
        return f"Rule({self.name!r})"

    @property
    def compiled(self) -> _patterns.Pattern:
        """The pattern, compiled on first use (two threads may both compile it: the
        results are equal, and one is kept)."""
        compiled = self._compiled
        if compiled is None:
            compiled = self._compiled = _patterns.compile(self.pattern, regex.VERSION1)
        return compiled

    def applies(self, text: str, found: dict[str | Cue, bool] | None = None) -> bool:
        """Whether ``text`` has what the rule's matches need (if not, it cannot match).
        ``found`` keeps what was found in ``text`` for the next rule (rules share
        keywords and cues)."""
        return self._kept(text, {} if found is None else found) is not None

    def scanner(
        self, text: str, found: dict[str | Cue, bool] | None = None
    ) -> _patterns.Pattern | None:
        """The pattern to scan ``text`` with: None if the rule cannot match it; without
        the branches that cannot (see :class:`Rule`)."""
        kept = self._kept(text, {} if found is None else found)
        if kept is None:
            return None
        if len(kept) == len(self.branches):
            return self.compiled
        variant = self._variants.get(kept)
        if variant is None:
            pattern = self._joined(self.head, [self.branches[i][0] for i in kept], self.tail)
            variant = self._variants[kept] = _patterns.compile(pattern, regex.VERSION1)
        return variant

    def _kept(self, text: str, found: dict[str | Cue, bool]) -> tuple[int, ...] | None:
        """The branches ``text`` may have a match of (all, for a rule without
        branches: ``()``), or None if it has none."""
        if not _has(self.needs, text, found):
            return None
        if not self.branches:
            return ()
        kept = tuple(i for i, (_, needs) in enumerate(self.branches) if _has(needs, text, found))
        return kept or None


def _has(needs: Needs, text: str, found: dict[str | Cue, bool]) -> bool:
    """Whether ``text`` has a keyword or cue of every group of ``needs`` (``found``:
    what was found in it before)."""
    for group in needs:
        for keyword in group:
            there = found.get(keyword)
            if there is None:
                if isinstance(keyword, str):
                    there = keyword in text
                else:
                    key = found.get(keyword.key)
                    if key is None:
                        key = found[keyword.key] = keyword.key in text
                    there = key and keyword.search(text)
                found[keyword] = there
            if there:
                break
        else:
            return False
    return True


def keywords(*words: Iterable[str]) -> tuple[str, ...]:
    """Substrings of which every match of an alternation of ``words`` contains one, as
    few as will do: for :attr:`Rule.needs`.

    A word is taken as :func:`_alternation` matches it: a half-space in it may be a
    space or nothing, so only the pieces between half-spaces are sure to be in the
    text.  Each word gives its longest piece, and a keyword is left out where the
    others already cover every word (a word contains one): «شب» covers «شبانه‌روز»,
    «ظهر» covers «بعد‌از‌ظهر».

    >>> keywords(["شب", "نیمه‌شب", "ظهر", "بعد‌از‌ظهر", "بعد‌ظهر"])
    ('شب', 'ظهر')
    """
    pieces = {
        word: [piece for piece in word.split("\u200c") if piece]
        for group in words
        for word in group
    }
    if any(not found for found in pieces.values()):
        raise ValueError("a word with no letters needs nothing")
    keys = {max(found, key=len) for found in pieces.values()}
    covers = {
        word: {key for key in keys if any(key in piece for piece in found)}
        for word, found in pieces.items()
    }
    for key in sorted(keys, key=lambda k: (-len(k), k)):
        if all(len(covered) > 1 for covered in covers.values() if key in covered):
            keys.discard(key)
            for covered in covers.values():
                covered.discard(key)
    return tuple(sorted(keys, key=lambda k: (len(k), k)))


# -- calendar arithmetic ------------------------------------------------------------------


def _to_date(calendar: Calendar, year: int, month: int, day: int) -> datetime.date:
    if calendar == "jalali":
        return JalaliDate(year, month, day).to_gregorian()
    if calendar == "hijri":
        # Iran's calendar where it has the year; the tabular one for history («قرن ششم ه.ق.»)
        on: _hijri.HijriCalendar = "iran" if year in _hijri.supported_years("iran") else "tabular"
        return HijriDate(year, month, day, calendar=on).to_gregorian()
    return datetime.date(year, month, day)


#: a Found's calendar for a relative period counted on the Gregorian calendar («سال گذشته
#: میلادی»): reported as "relative", its months and parts counted as Gregorian ones
RELATIVE_GREGORIAN: Final = "relative gregorian"


def _on(calendar: str) -> Calendar:
    if calendar == RELATIVE_GREGORIAN:
        return "gregorian"
    return calendar if calendar in ("gregorian", "hijri") else "jalali"  # type: ignore[return-value]


@once
def _iran_first() -> datetime.date:
    return HijriDate(_hijri.supported_years("iran").start, 1, 1).to_gregorian()


def _hijri_calendar(value: datetime.date) -> _hijri.HijriCalendar:
    return "iran" if value >= _iran_first() else "tabular"


def shift_months(calendar: str, value: datetime.date, months: int) -> datetime.date:
    """The first day of the month ``months`` after the one ``value`` is in."""
    on = _on(calendar)
    if on == "gregorian":
        year, month = value.year, value.month
    elif on == "hijri":
        hijri = HijriDate.from_gregorian(value, calendar=_hijri_calendar(value))
        year, month = hijri.year, hijri.month
    else:
        jalali = JalaliDate.from_gregorian(value)
        year, month = jalali.year, jalali.month
    index = year * 12 + month - 1 + months
    return _to_date(on, index // 12, index % 12 + 1, 1)


#: a period's length in months, by precision
_MONTHS: Final[Mapping[str, int]] = {
    "month": 1,
    "season": 3,
    "year": 12,
    "decade": 120,
    "century": 1200,
}


def year_of(calendar: str, value: datetime.date, other: datetime.date) -> datetime.date:
    """``value`` moved into the year ``other`` is in (on ``calendar``), or the year
    before if it would then come after ``other``: «از ۱ مهر تا ۱۵ آبان ۱۴۰۲»."""
    on = _on(calendar)
    if on == "gregorian":
        moved = value.replace(year=other.year)
        return moved if moved <= other else value.replace(year=other.year - 1)
    kind = HijriDate if on == "hijri" else JalaliDate
    mine, theirs = kind.from_gregorian(value), kind.from_gregorian(other)
    moved_day = mine.replace(year=theirs.year)
    if moved_day.to_gregorian() > other:
        moved_day = mine.replace(year=theirs.year - 1)
    return moved_day.to_gregorian()


def period_end(found: Found) -> datetime.date | None:
    """The last day of the period a mention means (its ``end_value``, or computed)."""
    if found.end_value is not None or found.value is None:
        return found.end_value
    if found.precision == "week":
        return found.value + datetime.timedelta(days=6)
    months = _MONTHS.get(found.precision)
    if months is None:
        return None
    try:
        return shift_months(found.calendar, found.value, months) - datetime.timedelta(days=1)
    except (InvalidDateError, ValueError, OverflowError):
        return None


def _year(text: str, calendar: Calendar, published: datetime.date | None) -> int | None:
    """A written year; two-digit years are the nearest such year to publication."""
    value = number_value(text)
    if value is None or value.denominator != 1:
        return None
    year = int(value)
    if year >= 100:
        return year
    anchor = _year_at(calendar, published)
    century = anchor - anchor % 100
    candidates = (century - 100 + year, century + year, century + 100 + year)
    return min(candidates, key=lambda c: (abs(c - anchor), c))


#: the year two-digit years are read near when there is no publication date
_DEFAULT_YEARS: Final[Mapping[Calendar, int]] = {"jalali": 1400, "hijri": 1445, "gregorian": 2020}


def _year_at(calendar: Calendar, published: datetime.date | None) -> int:
    """The publication date's year on ``calendar``."""
    if published is None:
        return _DEFAULT_YEARS[calendar]
    if calendar == "jalali":
        return JalaliDate.from_gregorian(published).year
    if calendar == "hijri":
        return HijriDate.from_gregorian(published).year
    return published.year


def _era(text: str | None) -> Calendar | None:
    if not text:
        return None
    return ERAS.get(fold(text).replace(".", "").strip("()"))


def _nearest_year(calendar: Calendar, month: int, day: int, published: datetime.date) -> int:
    """The year that puts ``day month`` nearest to the publication date."""
    anchor = _year_at(calendar, published)
    best, distance = anchor, None
    for year in (anchor - 1, anchor, anchor + 1):
        try:
            value = _to_date(calendar, year, month, min(day, 29))
        except (InvalidDateError, ValueError):
            continue
        gap = abs((value - published).days)
        if distance is None or gap < distance:
            best, distance = year, gap
    return best


def _calendar_of_year(year: int) -> Calendar:
    return "gregorian" if year >= 1700 else "jalali"


_NO_PUBLISHED: Final = "no publication date"


# -- resolvers ----------------------------------------------------------------------------


def _month_of(name: str) -> tuple[Calendar, int] | None:
    """The calendar a month name belongs to, and its number (no name is in two)."""
    key = fold(name)
    for calendar in _CALENDARS:
        month = month_keys(calendar).get(key)
        if month is not None:
            return calendar, month
    return None


_CALENDARS: Final[tuple[Calendar, ...]] = ("jalali", "gregorian", "hijri")


def _named(form: str) -> Resolve:
    """A date with a month name; the rule is named by calendar and ``form``."""

    def resolve(match: Match, published: datetime.date | None) -> Found:
        groups = match.groups
        calendar, month = _month_of(groups["month"] or "") or ("jalali", 0)
        found = _resolve_named(groups, calendar, month, published)
        written = "_year" if form == "day_month" and groups.get("year") else ""
        found.rule = f"{calendar}_{form}{written}"
        return found

    return resolve


def _resolve_named(
    groups: Mapping[str, str | None],
    calendar: Calendar,
    month: int,
    published: datetime.date | None,
) -> Found:
    raw_day = groups.get("day")
    day = day_value(raw_day) if raw_day else None
    precision = "month" if day is None else "day"
    if not month:
        return Found(None, calendar=calendar, precision=precision, reason="unknown month name")
    if not groups.get("year") and published is None:
        reason = "no year and " + _NO_PUBLISHED
        return Found(None, calendar=calendar, precision=precision, reason=reason)
    try:  # the publication date may lie outside the calendar's table (Hijri: 1785..2270)
        if groups.get("year"):
            year = _year(groups["year"] or "", calendar, published)
            if year is None:
                return Found(None, calendar=calendar, precision=precision, reason="not a year")
        else:
            year = _nearest_year(calendar, month, day or 15, published)  # type: ignore[arg-type]
        value = _to_date(calendar, year, month, day or 1)
    except (InvalidDateError, ValueError) as error:
        return Found(None, calendar=calendar, precision=precision, reason=str(error))
    found = Found(value, calendar=calendar, precision=precision)
    found.guessed_year = not groups.get("year")
    weekday = groups.get("weekday")
    if weekday and day is not None:
        found.reason = _weekday_mismatch(weekday, value)
    return found


def _weekday_mismatch(weekday: str, value: datetime.date) -> str | None:
    """Why a date and the weekday written with it disagree, or None if they agree."""
    return weekday_mismatch(weekday_keys().get(fold(weekday)), weekday, value)


#: how many days before and after the day «امروز», «دیروز» … give the weekday said with
#: them may be: the publication date may be a day or two after the writing (a story
#: filed in the evening, or before a weekend), or a day before it (a time in UTC)
WEEKDAY_SLACK: Final = (2, 1)


def said_weekday(
    expected: int | None, weekday: str, relative: str, value: datetime.date
) -> tuple[datetime.date, str | None]:
    """A relative day said with a weekday that it is not («امروز چهارشنبه» in an
    article dated a Thursday, written the day before it came out): the day with that
    weekday within :data:`WEEKDAY_SLACK` of ``value``, and why; ``value`` itself
    if they agree, or, with the plain mismatch, if that weekday is further away."""
    reason = weekday_mismatch(expected, weekday, value)
    if reason is None or expected is None:
        return value, None
    shift = (expected - (value.toordinal() + 1)) % 7  # 0..6 days on to that weekday
    shift = shift if shift <= 3 else shift - 7
    before, after = WEEKDAY_SLACK
    if not -before <= shift <= after:
        return value, reason
    nearest = value + datetime.timedelta(days=shift)
    return nearest, (
        f"the text says {relative} {weekday}, but {relative} is a"
        f" {WEEKDAYS[(value.toordinal() + 1) % 7]} ({value}): read as the nearest {weekday}"
    )


def weekday_mismatch(expected: int | None, weekday: str, value: datetime.date) -> str | None:
    """Why ``value`` is not the weekday ``expected`` (Saturday = 0), or None."""
    actual = (value.toordinal() + 1) % 7
    if expected is None or expected == actual:
        return None
    return f"the text says {weekday}, but the date is a {WEEKDAYS[actual]}"


def _numeric(match: Match, published: datetime.date | None) -> Found:
    groups = match.groups
    first, second, third = (groups["a"] or ""), (groups["b"] or ""), (groups["c"] or "")
    year = int(first)
    if len(first) == 2 and year <= 31 < int(third):  # «27/3/66»: the day comes first
        swapped = {**groups, "a": third, "c": first}
        return _numeric_day_first(Match(swapped, match.sentence_rest), published)
    calendar: Calendar = "gregorian" if year >= 1700 else "jalali"
    if len(first) == 2:
        calendar = "jalali"
        year = _year(first, "jalali", published) or year
    try:
        value = _to_date(calendar, year, int(second), int(third))
    except (InvalidDateError, ValueError) as error:
        return Found(None, calendar=calendar, reason=str(error))
    return Found(value, calendar=calendar)


def _numeric_day_first(match: Match, published: datetime.date | None) -> Found:
    groups = match.groups
    year_text, month_text, day_text = groups["a"] or "", groups["b"] or "", groups["c"] or ""
    year, first, second = int(year_text), int(day_text), int(month_text)
    if len(year_text) == 2 or year < 1700:
        calendar: Calendar = "jalali"
        year = (_year(year_text, "jalali", published) or year) if len(year_text) == 2 else year
        day, month = first, second
    else:
        calendar = "gregorian"
        if first > 12 >= second:
            day, month = first, second
        elif second > 12 >= first:
            day, month = second, first  # month first, as in the US
        else:
            return Found(None, calendar=calendar, reason="day and month could be either way")
    try:
        value = _to_date(calendar, year, month, day)
    except (InvalidDateError, ValueError) as error:
        return Found(None, calendar=calendar, reason=str(error))
    return Found(value, calendar=calendar)


def _year_only(match: Match, published: datetime.date | None) -> Found:
    groups = match.groups
    text = groups["year"] or ""
    if groups.get("bce"):
        return Found(None, calendar="gregorian", precision="year", reason="before the common era")
    read = number_value(text)
    if read is None:
        return Found(None, calendar="jalali", precision="year", reason="not a year")
    calendar = _era(groups.get("era")) or _calendar_of_year(int(read))
    year = _year(text, calendar, published)
    if year is None:
        return Found(None, calendar=calendar, precision="year", reason="not a year")
    try:
        value = _to_date(calendar, year, 1, 1)
    except (InvalidDateError, ValueError) as error:
        return Found(None, calendar=calendar, precision="year", reason=str(error))
    return Found(value, calendar=calendar, precision="year")


def _decade(match: Match, published: datetime.date | None) -> Found:
    groups = match.groups
    text = groups["decade"] or ""
    read = number_value(text)
    era = _era(groups.get("era"))
    if read is None or read.denominator != 1 or int(read) % 10:
        return Found(None, calendar=era or "jalali", precision="decade", reason="not a decade")
    number = int(read)
    calendar = era or _calendar_of_year(number if number >= 100 else 1300)
    if number < 100:  # «دهه ۶۰»: the latest such decade that has begun
        anchor = _year_at(calendar, published)
        number += anchor - anchor % 100
        if number > anchor:
            number -= 100
    try:
        value = _to_date(calendar, number, 1, 1)
    except (InvalidDateError, ValueError) as error:
        return Found(None, calendar=calendar, precision="decade", reason=str(error))
    return Found(value, calendar=calendar, precision="decade")


def _century(match: Match, published: datetime.date | None) -> Found:
    groups = match.groups
    era = _era(groups.get("era"))
    calendar: Calendar = era or "jalali"
    first = day_value(groups["ordinal"] or "")
    last = day_value(groups.get("ordinal_end") or "") or first
    if first is None or last is None:
        return Found(None, calendar=calendar, precision="century", reason="not a century")
    try:
        value = _to_date(calendar, (first - 1) * 100 + 1, 1, 1)
        end = _to_date(calendar, last * 100 + 1, 1, 1) - datetime.timedelta(days=1)
    except (InvalidDateError, ValueError) as error:
        return Found(None, calendar=calendar, precision="century", reason=str(error))
    kind = "range" if last != first else "date"
    return Found(value, calendar=calendar, precision="century", end_value=end, kind=kind)


def _season(match: Match, published: datetime.date | None) -> Found:
    groups = match.groups
    season = SEASONS[fold(groups["season"] or "")]
    era = _era(groups.get("era"))
    when = fold(groups.get("when") or "")
    calendar: Calendar = "jalali"
    if groups.get("year"):
        read = number_value(groups["year"] or "")
        if read is None:
            return Found(None, calendar="jalali", precision="season", reason="not a year")
        if (era or _calendar_of_year(int(read))) == "gregorian":
            calendar = "gregorian"
            year = int(read) - 621
        else:
            year = _year(groups["year"] or "", "jalali", published) or int(read)
    elif published is None:
        return Found(None, calendar="relative", precision="season", reason=_NO_PUBLISHED)
    else:
        calendar = "relative"  # type: ignore[assignment]
        today = JalaliDate.from_gregorian(published)
        now = today.year * 4 + (today.month - 1) // 3
        if when in {"امسال", "سالجاری"}:
            index = today.year * 4 + season
        elif when in {"پارسال", "سالگذشته", "سالقبل"}:
            index = (today.year - 1) * 4 + season
        elif when in {"سالآینده", "سالبعد"}:
            index = (today.year + 1) * 4 + season
        else:  # the nearest: «زمستان گذشته» the last one before now, «آینده» the next
            index = today.year * 4 + season
            if when in PAST and index >= now:
                index -= 4
            elif when in FUTURE and index <= now:
                index += 4
            elif not when and index - now > 2:
                index -= 4
            elif not when and now - index > 2:
                index += 4
        year, season = divmod(index, 4)
    try:
        value = JalaliDate(year, season * 3 + 1, 1).to_gregorian()
    except (InvalidDateError, ValueError) as error:
        return Found(None, calendar=calendar, precision="season", reason=str(error))
    found = Found(value, calendar=calendar, precision="season")
    found.end_value = period_end(Found(value, calendar="jalali", precision="season"))
    return found


def _relative_day(match: Match, published: datetime.date | None) -> Found:
    offset = RELATIVE_DAYS[fold(match.groups["word"] or "")]
    if published is None:
        return Found(None, calendar="relative", reason=_NO_PUBLISHED)
    value = published + datetime.timedelta(days=offset)
    weekday = match.groups.get("weekday")  # «امروزدوشنبه», written without a space
    if not weekday:
        return Found(value, calendar="relative")
    word = match.groups["word"] or ""
    value, reason = said_weekday(weekday_keys().get(fold(weekday)), weekday, word, value)
    return Found(value, calendar="relative", reason=reason)


#: future-tense cues in the rest of a sentence, for a bare weekday
@once
def _future_cues() -> _patterns.Pattern:
    return _patterns.compile(r"(?<!\w)(?:خواهد|خواهند|خواهیم|قرار\s+است|آینده)(?!\w)")


#: how many words after a weekday its verb is looked for (past verbs hazm's list does not
#: know, «لرزاند», «تاکیدکردند», would let a later clause's verb answer)
_VERB_REACH: Final = 12


@once
def _word_tokens() -> _patterns.Pattern:
    return _patterns.compile(r"[\p{L}\u200c]+")


@once
def _speech() -> tuple[frozenset[str], frozenset[str]]:
    """Every present stem of the verbs that report speech («گو», «گوی», «افزا»), and the
    nouns that make compound ones («اعلام» + کن), from data/relation_verbs.tsv:
    «می‌گوید» after a weekday reports what was said that day, and says nothing of when
    the rest happens."""
    _header, rows = _data.table("relation_verbs")
    simple = {row[1].partition("#")[0] for row in rows if row[0] == "-" and row[2] == "speech"}
    stems = {stem for past in simple for stem in _hazm.verb_stems().get(past, ())}
    nouns = {row[0] for row in rows if row[0] != "-" and row[2] == "speech"}
    return frozenset(stems), frozenset(nouns)


def _present_verb_first(rest: str) -> bool:
    """Whether the first verb of ``rest`` (hazm's verb list knows it) is in the present
    tense, «می‌» + a present stem («برگزار می‌شود», «می‌توانند … ثبت نام کنند»): news tells
    what is to come that way and what happened in the past tense («برگزار شد»). A verb
    of saying («می‌گوید», «اعلام می‌کند») is skipped: it may report a past event."""
    lexicon = _hazm.lexicon()
    stems, nouns = _speech()
    words = _word_tokens().findall(rest)[:_VERB_REACH]
    for index, word in enumerate(words):
        if word == "که":
            return False  # a relative clause's verb says nothing of the day
        if word not in lexicon.verb_forms or word == "است":
            continue  # «است» ends a perfect («شده است») as often as it is a present
        stem = lexicon.present_stem(word)
        if stem is None:
            return False  # a past form («شد», «می‌رفت»), or a subjunctive: not the present
        if stem in stems or (index and words[index - 1] in nouns):
            continue  # «می‌گوید», «اعلام می‌کند»: look on
        return True
    return False


def _weekday(match: Match, published: datetime.date | None) -> Found:
    groups = match.groups
    index = weekday_keys().get(fold(groups["weekday"] or ""))
    if index is None:
        return Found(None, calendar="relative", reason="unknown weekday")
    if published is None:
        found = Found(None, calendar="relative", reason=_NO_PUBLISHED)
        found.weekday = index
        return found
    direction = fold(groups.get("direction") or "")
    here = (published.toordinal() + 1) % 7
    if direction in FUTURE:
        days = (index - here) % 7 or 7
    elif direction in PAST:
        days = -((here - index) % 7 or 7)
    elif _future_cues().search(match.sentence_rest) or _present_verb_first(match.sentence_rest):
        days = (index - here) % 7
    else:  # past-tense reporting: the nearest such day not after publication
        days = -((here - index) % 7)
    found = Found(published + datetime.timedelta(days=days), calendar="relative")
    found.weekday = index
    return found


_PRECISIONS: Final[Mapping[str, str]] = {"هفته": "week", "ماه": "month", "سال": "year"}


def _relative_period(match: Match, published: datetime.date | None) -> Found:
    groups = match.groups
    word = groups.get("word")
    unit = groups.get("unit") or "سال"
    when = fold(groups.get("when") or "")
    if word == "پارسال" or when in PAST:
        step = -1
    elif when in FUTURE or when in AHEAD:
        step = 1
    else:  # امسال, جاری, این, همین
        step = 0
    era = _era(groups.get("era") or groups.get("era0"))
    if era == "gregorian" and unit in {"سال", "ماه"}:
        return _gregorian_period(published, unit, step)  # «سال جاری میلادی»
    return _period_from(published, unit, step)


def _gregorian_period(published: datetime.date | None, unit: str, step: int) -> Found:
    """The Gregorian year or month ``step`` from publication's: «سال گذشته میلادی»."""
    precision = _PRECISIONS[unit]
    if published is None:
        return Found(None, calendar="relative", precision=precision, reason=_NO_PUBLISHED)
    start = datetime.date(published.year, 1 if unit == "سال" else published.month, 1)
    try:
        value = shift_months("gregorian", start, step * (12 if unit == "سال" else 1))
    except (InvalidDateError, ValueError, OverflowError) as error:
        return Found(None, calendar="relative", precision=precision, reason=str(error))
    return Found(value, calendar=RELATIVE_GREGORIAN, precision=precision)


def _period_from(published: datetime.date | None, unit: str, step: int) -> Found:
    precision = _PRECISIONS[unit]
    if published is None:
        return Found(None, calendar="relative", precision=precision, reason=_NO_PUBLISHED)
    if unit == "هفته":  # the Persian week starts on Saturday
        saturday = published - datetime.timedelta(days=(published.toordinal() + 1) % 7)
        value = saturday + datetime.timedelta(weeks=step)
    else:
        today = JalaliDate.from_gregorian(published)
        start = JalaliDate(today.year, today.month if unit == "ماه" else 1, 1).to_gregorian()
        value = shift_months("jalali", start, step * (1 if unit == "ماه" else 12))
    return Found(value, calendar="relative", precision=precision)


def _counted(match: Match, published: datetime.date | None) -> Found:
    groups = match.groups
    unit = fold(groups["unit"] or "")
    count = _amount(groups)
    when = fold(groups["when"] or "")
    sign = -1 if when in PAST else 1
    designator, size = _unit(unit)
    precision = {"W": "week", "M": "month", "Y": "year"}.get(designator, "day")
    if count is None:
        return Found(None, calendar="relative", precision=precision, reason="no exact count")
    if published is None:
        return Found(None, calendar="relative", precision=precision, reason=_NO_PUBLISHED)
    if when in {"گذشته", "اخیر"} and count > 1:
        # «۴۰ سال گذشته», «۳۶ ماه اخیر»: the last forty years, up to publication
        return Found(
            published - _approximate(count, unit),
            calendar="relative",
            precision="day",
            kind="range",
            end_value=published,
        )
    if when in AHEAD:  # «چهار سال پیش رو»: the four years ahead, from publication
        return Found(
            published,
            calendar="relative",
            precision="day",
            kind="range",
            end_value=published + _approximate(count, unit),
        )
    amount = count * size * sign
    if designator in {"D", "W", "H", "TM", "S"}:
        days = {"D": 1, "W": 7}.get(designator, 0)  # less than a day: the same day
        value = published + datetime.timedelta(days=int(amount * days))
        return Found(value, calendar="relative", precision=precision)
    months = amount * (12 if designator == "Y" else 1)
    today = JalaliDate.from_gregorian(published)
    if designator == "Y":
        start = JalaliDate(today.year, 1, 1).to_gregorian()
        precision = precision if precision != "day" else "year"
    else:
        start = JalaliDate(today.year, today.month, 1).to_gregorian()
    try:
        value = shift_months("jalali", start, int(months))
    except (InvalidDateError, ValueError) as error:
        return Found(None, calendar="relative", precision=precision, reason=str(error))
    return Found(value, calendar="relative", precision=precision)


def _approximate(count: Fraction, unit: str) -> datetime.timedelta:
    """``count`` units as days, for the start of «the last N months/years»."""
    designator, size = _unit(unit)
    days = {"Y": 365.2425, "M": 30.436875, "W": 7, "H": 1 / 24, "TM": 1 / 1440, "S": 1 / 86400}
    return datetime.timedelta(days=round(float(count * size) * days.get(designator, 1)))


def _amount(groups: Mapping[str, str | None]) -> Fraction | None:
    """A count with its «و نیم» (and a lone «نیم» for a half)."""
    text = fold(groups.get("count") or "")
    if text in {"چند", "چندین", "یکیدو", "دوسه"}:
        return None
    count = Fraction(1, 2) if text == "نیم" else number_value(groups.get("count") or "")
    for half in ("half0", "half"):  # «شش و نیم سال», «شش سال و نیم»
        if count is not None and groups.get(half):
            count += Fraction(1, 2)
    return count


def _duration(match: Match, published: datetime.date | None) -> Found:
    found = Found(None, calendar="relative", kind="duration")
    parts: dict[str, Fraction] = {}
    for item in _duration_items().finditer(match.groups["whole"] or ""):
        count = _amount({"count": item["count"], "half0": item["half0"], "half": item["half"]})
        if count is None:
            found.reason = "no exact count"
            return found
        designator, size = _unit(item["unit"])
        parts[designator] = parts.get(designator, Fraction(0)) + count * size
    found.duration = iso_duration(parts)
    return found


def iso_duration(parts: Mapping[str, Fraction]) -> str:
    """An ISO 8601 duration from amounts by designator, fractions carried down."""
    amounts = dict(parts)
    for designator in ("Y", "M", "W", "D", "H", "TM"):
        amount = amounts.get(designator)
        if amount is not None and amount.denominator != 1:
            whole = Fraction(int(amount))
            smaller, factor = _CARRY[designator]
            amounts[designator] = whole
            amounts[smaller] = amounts.get(smaller, Fraction(0)) + (amount - whole) * factor
    if "W" in amounts and len([a for a in amounts.values() if a]) > 1:
        amounts["D"] = amounts.get("D", Fraction(0)) + amounts.pop("W") * 7

    def show(designator: str, letter: str) -> str:
        amount = amounts.get(designator)
        if not amount:
            return ""
        number = str(int(amount)) if amount.denominator == 1 else f"{float(amount):g}"
        return number + letter

    date = "".join(show(d, d) for d in ("Y", "M", "W", "D"))
    time = "".join(show(d, d[-1]) for d in ("H", "TM", "S"))
    return "P" + date + ("T" + time if time else "") if date or time else "PT0S"


def _set(match: Match, published: datetime.date | None) -> Found:
    groups = match.groups
    unit = fold(groups.get("unit") or "")
    if groups.get("part"):  # «صبح‌ها»: every morning
        unit = "روز"
    designator, size = _unit(unit) if unit in _folded("units") else ("D", 1)
    count = number_value(groups.get("count") or "") or Fraction(1)
    return Found(
        None,
        calendar="relative",
        kind="set",
        duration=iso_duration({designator: count * size}),
    )


def _vague(match: Match, published: datetime.date | None) -> Found:
    unit = fold(match.groups.get("unit") or "روز")
    precision = _PRECISIONS.get(unit, "day")
    if match.groups.get("season"):  # «هوای سرد زمستانی»: a season, not which one
        precision = "season"
    return Found(None, calendar="relative", precision=precision, reason="vague: no exact date")


def _clock(match: Match, published: datetime.date | None) -> Found:
    groups = match.groups
    found = Found(None, calendar="relative", kind="time")
    hour = number_value(groups.get("hour") or "")
    minute = number_value(groups.get("minute") or "0") or Fraction(0)
    second = number_value(groups.get("second") or "0") or Fraction(0)
    if groups.get("half"):
        minute += 30 if fold(groups["half"] or "") == "نیم" else 15
    if groups.get("quarter"):  # «یک ربع به هفت»
        minute = Fraction(-15)
    elif groups.get("before"):  # «۱۵ دقیقه به ساعت ۱۶»
        minute = -(number_value(groups["before"] or "") or Fraction(0))
    if hour is None or hour.denominator != 1:
        found.reason = "not a time of day"
        return found
    total = int(hour) * 60 + int(minute)
    part = fold(groups.get("part") or "")
    if (
        _folded("parts").get(part)
        and total < 12 * 60
        and not (part in {"ظهر", "بعدازظهر"} and hour == 12)
    ):
        total += 12 * 60
    if groups.get("meridiem") and fold(groups["meridiem"] or "").upper().startswith(("P", "ب")):
        total += 12 * 60 if total < 12 * 60 else 0
    if not (0 <= total <= 24 * 60 and 0 <= second < 60) or int(minute) >= 60:
        found.reason = "not a time of day"
        return found
    found.time = datetime.time(total // 60 % 24, total % 60, int(second))
    return found


def _day_part(match: Match, published: datetime.date | None) -> Found:
    """A time with no clock: «بامداد», «دقیقه ۹۰» of a match."""
    return Found(None, calendar="relative", kind="time")


# -- the rules ----------------------------------------------------------------------------


@once
def _duration_items() -> _patterns.Pattern:
    return _patterns.compile(_duration_item(), regex.VERSION1)


@once
def _duration_item() -> str:
    units = _alternation(list(UNITS))
    return (
        rf"(?P<count>{_count()}|نیم|چند)(?:\s*و\s*(?P<half0>نیم))?{_H}(?P<unit>{units})"
        rf"(?:\s*و\s*(?P<half>نیم)(?!{_H}(?:{units})))?"
    )


@once
def rules() -> tuple[Rule, ...]:
    """The rules, in priority order (longer, more specific first), built once."""
    day = _day_pattern()
    weekday = _weekday_pattern()
    year = _year_pattern()
    era = _ERA
    built: list[Rule] = []
    weekday_before = rf"(?:(?:روز\s+)?(?P<weekday>{weekday})[\s،,]+)?"
    suffix = rf"(?:{_H}ماه)?"
    all_months = [name for calendar in _CALENDARS for name in _month_spellings(calendar, False)]
    safe_months = [name for calendar in _CALENDARS for name in _month_spellings(calendar, True)]
    month, safe = _alternation(all_months), _alternation(safe_months)
    # what a rule needs (see Rule.needs): a month name; a year (digits or words)
    a_month, a_safe_month = keywords(all_months), keywords(safe_months)
    a_year: tuple[str | Cue, ...] = (*keywords(_word_year_words()), DIGIT)
    # a month name where a rule reads one: at a word's start (each rule's month is at
    # its start or after a space; in «مهر وآبان» the first one counts), then «ماه», and
    # a space, a mark or nothing more (_E), a range word («مهرتا آبان»: months) or a
    # half-space and a year («می‌۲۰۲۱»: month_year). Needed by the month rules and
    # vague's «مهر همان سال»; not by ordinal_day, where the month is optional.
    big = _alternation(_word_year_words())
    a_month_word = Cue(
        "",
        rf"\b(?:{month})(?:{_H}ماه)?(?:(?![\w\d])|{RANGE_WORDS}|\u200c(?:سال|\d|{big}))",
    )
    year_after = rf"\s+(?:سال\s+)?(?P<year>{year})(?:\s*(?P<era>{era}))?"
    # «۱۵ و ۱۶ تیر ۱۴۰۲», «از ۱۰ تا ۱۵ مهر»: one mention per day, month and year shared
    days = (
        rf"{_W}{weekday_before}{_listed(f'(?P<day>{day})')}\s+(?P<month>{month}){suffix}"
        rf"(?:{year_after})?{_E}"
    )
    months = (
        rf"{_W}(?P<month>{safe}){suffix}"
        rf"(?:(?:\s*[،,]\s*(?P<month>{month}){suffix}){{0,{_MOST_ITEMS}}}"
        rf"\s+و\s*(?P<month>{month}){suffix}"
        rf"|\s*(?:{RANGE_WORDS})\s*(?P<month>{month}){suffix})"
        rf"(?:{year_after})?{_E}"
    )
    my = (
        rf"{_W}(?:(?P<month>{safe}){suffix}\s+(?:سال\s+)?(?P<year>{year})"
        rf"|(?P<month2>{month}){suffix}(?:\s+|\u200c)(?:سال\s+)?"
        rf"(?P<year2>\d{{4}}|{_word_year()}))(?:\s*(?P<era>{era}))?{_E}"
    )
    # «ماه مهر», «مهرماه»; or a part before it («اواسط آذر», in the lookbehind)
    named_month: tuple[Branch, ...] = (
        (
            rf"ماه\s+(?:مبارک\s+)?(?P<month>{month})",
            ((Cue("ماه", rf"ماه\s+(?:مبارک\s+)?(?:{month})"),),),
        ),
        (
            rf"(?P<month2>{safe}){_H}ماه(?!\s+(?:گذشته|آینده|جاری|قبل|بعد|پیش))",
            ((Cue("ماه", rf"(?<=\b(?:{safe}){_H})ماه"),),),
        ),
        (
            rf"(?P<month3>{safe})(?<={part_words(named=False)}\s+\w+)",
            (keywords(_part_words()),),
        ),
    )
    named_month_tail = rf"(?:\s+(?P<when>امسال|پارسال|سال\s+(?:گذشته|جاری|آینده)))?{_E}"
    ordinal_day = (
        rf"{_W}(?P<ordinal>{ordinal_pattern()})\s+روز(?:\s+(?:از\s+)?(?:(?P<of>سال|ماه)"
        rf"(?:\s+(?P<year>{year})|\s+(?P<when>جاری))?|(?P<month>{month}){suffix}"
        rf"(?:\s+(?:سال\s+)?(?P<year2>{year}))?))?{_E}"
    )
    ordinal_end = "|".join(_ORDINAL_ENDS)
    built += [
        Rule(
            "ordinal_day",
            ordinal_day,
            _ordinal_day,
            needs=((Cue("روز", rf"(?<=(?:{ordinal_end})\s+)روز"),),),
        ),
        Rule(
            "day_month",
            days,
            _named("day_month"),
            split="day",
            needs=(a_month, (a_month_word,)),
        ),
        Rule(
            "months",
            months,
            _named("months"),
            split="month",
            needs=(a_safe_month, (a_month_word,)),
        ),
        Rule("month_year", my, _named("month_year"), needs=(a_month, a_year, (a_month_word,))),
        Rule.branched(
            "month",
            _W,
            named_month,
            named_month_tail,
            _month_this_year,
            needs=(a_month, (a_month_word,)),
        ),
    ]
    numeric = (
        r"(?<![\d/\-.\\])(?P<a>\d{4}|\d{2})\s?([/\-.\\])\s?(?P<b>\d{1,2})\s?\2\s?"
        r"(?P<c>\d{1,2})(?![\d/\-\\]|\.\d)"
    )
    numeric_day_first = (
        r"(?<![\d/\-.\\])(?P<c>\d{1,2})\s?([/\-.\\])\s?(?P<b>\d{1,2})\s?\2\s?"
        r"(?P<a>\d{4}|\d{2})(?![\d/\-\\]|\.\d)"
    )
    century = (
        rf"{_W}(?:قرن|سده)(?:{_H}ی)?\s+(?P<ordinal>{day})"
        rf"(?:\s+و\s+(?P<ordinal_end>{day}))?(?:\s+(?:(?P<era>{era})|هجری))?{_E}"
    )
    tens = _alternation(list(TENS))
    decade = _listed(rf"(?P<decade>\d{{4}}|\d{{2}}|{tens})")
    decades = (
        rf"{_W}دهه(?:{_H}(?:ها|های|ی))?\s+{decade}"
        rf"(?:\s*(?P<era>{era}))?{_E}"
    )
    seasons = _alternation(list(SEASONS))
    when = r"امسال|پارسال|سال\s+(?:گذشته|جاری|آینده|قبل|بعد)|گذشته|آینده|جاری"
    season = (
        rf"{_W}(?:فصل(?:{_H}های)?\s+{_listed(f'(?P<season>{seasons})')}"
        rf"|(?P<season2>{seasons})(?=\s+(?:سال\s+)?{year}{_E}|\s+(?:{when})))"
        rf"(?:\s+(?:سال\s+)?(?P<year>{year})(?:\s*(?P<era>{era}))?|\s+(?P<when>{when}))?{_E}"
    )
    digit_year = r"(?:\d{4}|\d{2})"
    listed_years = _listed(rf"(?:سال\s+)?(?P<year>{year})")
    years = (
        rf"{_W}(?:سال(?:{_H}(?:ها|های))?\s+"
        rf"|(?<=از\s+)(?={digit_year}\s+تا\s+(?:سال\s+)?(?:{digit_year}|کنون|اکنون)))"
        rf"{listed_years}"
        rf"(?:\s*(?:(?P<era>{era})|(?P<bce>قبل\s+از\s+میلاد|پیش\s+از\s+میلاد|ق\.\s?م\.?)))?"
        rf"{_E}{_NOT_A_YEAR_AFTER}"
    )
    year_era = (
        rf"{_W}(?:سال\s+)?(?:(?P<year>\d{{3,4}})\s*(?P<era>{era}|ق\.?)"
        rf"|(?P<year2>\d{{1,4}})\s*(?P<bce>قبل\s+از\s+میلاد|پیش\s+از\s+میلاد|ق\.\s?م\.?)){_E}"
    )
    directions = "|".join(sorted(PAST | FUTURE))
    a_weekday = keywords(_weekday_words())
    weekday_rule = (
        rf"{_W}(?:(?:روز\s+)?(?P<weekday>{weekday})(?:{_H}(?:شب|صبح|عصر))?(?:{_H}ی)?\s+"
        rf"(?P<direction>{directions}){_NOT_FROM}"
        rf"|روز\s+(?P<weekday2>{weekday})){_E}"
    )
    relative_words = [*RELATIVE_DAYS, "پس‌فردا", "شب گذشته", "روز گذشته", "امروز صبح"]
    relative = _alternation(relative_words)
    units = _alternation(list(UNITS))
    periods = (
        rf"{_W}(?:(?P<unit>هفته|ماه|سال)(?:{_H}ی)?(?:\s+(?P<era0>{_ERA}))?\s+"
        rf"(?P<when>گذشته|{_AHEAD}|(?:قبل|پیش|بعد){_NOT_FROM}|جاری|آینده|آتی|اخیر)"
        rf"(?:\s+(?P<era>{_ERA}))?"
        rf"|(?P<when2>این|همین)\s+(?P<unit2>هفته|ماه|سال)|(?P<word>امسال|پارسال)){_E}"
    )
    counted_when = ("پیش", "قبل", "بعد", "گذشته", "اخیر", "آینده", "دیگر")
    counted = (
        rf"{_W}(?P<count>{_count()}|نیم|چندین|چند|یکی\s+دو|دو\s+سه)(?:\s*و\s*(?P<half0>نیم))?"
        rf"{_H}(?P<unit>{units})(?:\s*و\s*(?P<half>نیم))?(?:{_H}ی)?\s+"
        rf"(?P<when>{_AHEAD}|(?:پیش|قبل|بعد){_NOT_FROM}|گذشته|اخیر|آینده|دیگر){_E}"
    )
    # «پایان سال», «نیمه دوم سال جاری»: the current period, for a part of it
    current = (
        rf"{_W}(?P<unit>سال|ماه|هفته)(?<={part_words(named=False)}\s+(?:سال|ماه|هفته))"
        rf"(?:\s+(?P<when>جاری))?(?!\s*(?:\d|گذشته|آینده|قبل|بعد|پیش))(?![\w\d]|{_H}(?:ها|ی\s))"
    )
    item = _patterns.compile(r"\(\?P<\w+>").sub("(?:", _duration_item())
    whole = rf"(?P<whole>{item}(?:\s*و\s*{item}){{0,{_MOST_ITEMS}}})"
    durations = rf"{_W}{whole}(?:ه|ی|گی)?(?:\u200c(?:ست|است|ای))?{_E}"
    set_parts = ("صبح", "شب", "عصر", "ظهر", "بعدازظهر")
    set_times, set_between = ("بار", "مرتبه", "دفعه", "نوبت"), ("میان", "میون")
    per_period = rf"(?:روز|هفته|ماه|سال)(?:{_H}ای|ی)\s+(?:{_count()})\s+"
    # «هر ماه»; «ماهی دو بار»; «یک روز در میان»; «صبح‌ها»
    sets: tuple[Branch, ...] = (
        (
            rf"هر\s+(?:(?P<count>{_count()})\s+)?(?P<unit>{units})",
            ((Cue("هر", rf"هر\s+(?:(?:{_count()})\s+)?(?:{units})"),),),
        ),
        (
            rf"(?P<unit2>روز|هفته|ماه|سال)(?:{_H}ای|ی)\s+(?:{_count()})\s+(?:{'|'.join(set_times)})",
            (tuple(Cue(word, rf"(?<={per_period}){word}") for word in set_times),),
        ),
        (
            rf"(?:یک\s+)?(?P<unit3>روز|هفته|ماه|سال|شب)\s+در\s+(?:{'|'.join(set_between)})",
            (tuple(Cue(word, rf"(?<=در\s+){word}") for word in set_between),),
        ),
        (
            rf"(?P<part>{'|'.join(set_parts)}){_H}ها",
            ((Cue("ها", rf"(?<=(?:{'|'.join(set_parts)}){_H})ها"),),),
        ),
    )
    season_words = ["بهاری", "بهاره", "تابستانی", "تابستانه", "پاییزی", "پاییزه", "پائیزی"]
    season_words += ["زمستانی", "زمستانه"]
    days_to_years = "روز|هفته|ماه|سال"
    after_plural = r"گذشته|اخیر|آینده|آتی|پیش\s+رو|اول|نخست|پایانی"
    that_period = ("روز", "هفته", "ماه", "سال", "شب", "زمان")
    ordinal_periods = "دهه|سال|ماه|هفته"
    which = ["اول", "نخست", "دوم", "سوم", "چهارم", "پنجم", "آخر", "پایانی"]
    # «آن روز», «مهر همان سال»: ``(?:month\s+)?(?:آن|همان)`` as two branches, with the
    # month and without (the same matches: no month starts with «آن» or «همان»)
    that = rf"(?:آن|همان)\s+(?P<unit3>{'|'.join(that_period)})"
    that_cues = tuple(
        Cue(word, rf"{word}\s+(?:{'|'.join(that_period)})") for word in ("آن", "همان")
    )
    vague: tuple[Branch, ...] = (
        (
            rf"(?:این|همین)\s+(?P<unit>{days_to_years}){_H}ها",
            ((Cue("ها", rf"(?<=(?:این|همین)\s+(?:{days_to_years}){_H})ها"),),),
        ),
        (
            rf"(?P<unit2>{days_to_years}){_H}(?:ها|های)\s+(?:{after_plural})",
            ((Cue("ها", rf"(?<=(?:{days_to_years}){_H})های?\s+(?:{after_plural})"),),),
        ),
        (_alternation(list(_VAGUE_WORDS)), (keywords(_VAGUE_WORDS),)),
        (rf"{month}{suffix}\s+{that}", (that_cues, (a_month_word,))),
        (that, (that_cues,)),
        (rf"این\s+روز(?!{_H}(?:ها|ی))|سالروز", ((Cue("روز", r"(?<=این\s+)روز"), "سالروز"),)),
        (rf"(?P<season>{'|'.join(season_words)})", (keywords(season_words),)),
        (
            rf"(?P<unit4>{days_to_years})(?:{_H}ها(?:ی)?|ی)\s+دیگر",
            ((Cue("دیگر", rf"(?<=(?:{days_to_years})(?:{_H}ها(?:ی)?|ی)\s+)دیگر"),),),
        ),
        (
            rf"(?P<unit5>{ordinal_periods})(?:{_H}ی)?\s+(?:{'|'.join(which)})"
            rf"(?:\s+(?:قرن|سال|ماه|دهه)(?:\s+(?:میلادی|شمسی|قمری|جاری|گذشته))?)?",
            (
                tuple(
                    Cue(unit, rf"{unit}(?:{_H}ی)?\s+(?:{'|'.join(which)})")
                    for unit in ordinal_periods.split("|")
                ),
            ),
        ),
    )
    parts = _alternation(list(DAY_PARTS))
    hour_words = _alternation(
        [w for w, n in (*ONES.items(), *TEENS.items()) if n]
        + ["بیست"]
        + [f"بیست و {w}" for w in ("یک", "دو", "سه", "چهار")]
    )
    hour = rf"(?:\d{{1,2}}|{hour_words})"
    minute = rf"(?:\d{{1,2}}|{_cardinal_words()})"
    # «ساعت ۱۰», «۱۰:۳۰», «هفت و نیم صبح», «ده دقیقه به هشت», «یک ربع به هفت»
    clock: tuple[Branch, ...] = (
        (
            rf"(?:در\s+)?ساعت\s+(?P<hour>{hour})"
            rf"(?:(?::|\s*و\s*)(?P<minute>{minute})(?:{_H}دقیقه)?)?"
            rf"(?:\s*و\s*(?P<second>{minute}){_H}ثانیه)?(?:\s*و\s*(?P<half>نیم|ربع))?",
            (("ساعت",),),
        ),
        (
            r"(?P<hour2>\d{1,2})\s?:\s?(?P<minute2>\d{2})(?:\s?:\s?(?P<second2>\d{2}))?"
            r"(?![\d:/])",
            ((Cue(":", r"(?<=\d\s?):(?=\s?\d)"),),),
        ),
        (
            rf"(?P<hour3>{hour})\s*و\s*(?P<half3>نیم|ربع)(?=\s+(?:{parts}))",
            ((Cue("نیم", rf"نیم(?=\s+(?:{parts}))"), Cue("ربع", rf"ربع(?=\s+(?:{parts}))")),),
        ),
        (
            rf"(?:(?P<before>{minute}){_H}دقیقه|(?P<quarter>(?:یک\s+)?ربع))\s+به\s+(?:ساعت\s+)?"
            rf"(?P<hour4>{hour})",
            ((Cue("دقیقه", r"دقیقه\s+به"), Cue("ربع", r"ربع\s+به")),),
        ),
    )
    clock_tail = rf"(?:\s*(?P<meridiem>AM|PM|am|pm|ق\.\s?ظ|ب\.\s?ظ))?(?:\s+(?P<part>{parts}))?{_E}"
    # «در دقیقه ۹۰», «دقایق ۵، ۶۱ و ۸۹»: minutes of a match, as sports news counts them
    minutes = _listed(r"\d{1,3}")
    match_minute = rf"{_W}(?:دقیقه|دقایق)(?:{_H}ی)?\s+{minutes}{_E}"
    not_prayer = rf"(?<!(?:امام|نماز|خطیب|ائمه|خطبه{_H}های|نمازهای)\s)"  # «امام جمعه»
    bare_weekday = (
        rf"{_W}{not_prayer}(?P<weekday>{weekday})(?:\u200c(?:شب|صبح|عصر))?"
        rf"(?![\w\d]|[\u200c ]سوری)"
    )
    occasion = (
        rf"{_W}(?:(?:روز|روزهای|ایام|شب|شب‌های|سالروز)\s+)?(?P<occasion>{_occasion_names()})"
        rf"(?:{_H}ی)?(?:\s+(?:سال\s+)?(?P<year>{year}))?{_E}"
    )
    # «شصت و چهارمین سال»: which year is not said
    ordinal_period = (
        rf"{_W}(?P<ordinal>{ordinal_pattern()})\s+(?P<unit>سالگرد|سالروز|سال|ماه|هفته|دهه){_E}"
    )
    numeric_needs = ((Cue("", r"\d\s?[/\-.\\]\s?\d"),),)  # digits on both sides
    built += [
        Rule("occasion", occasion, _occasion, needs=(keywords(_occasion_words()),)),
        Rule(
            "event_year",
            _event_years(),
            _year_only,
            needs=(keywords(_year_cue_words()), (DIGIT,)),
        ),
        Rule("numeric_date", numeric, _numeric, needs=numeric_needs),
        Rule("numeric_date_day_first", numeric_day_first, _numeric_day_first, needs=numeric_needs),
        Rule("century", century, _century, needs=(("قرن", "سده"),)),
        Rule("decade", decades, _decade, split="decade", needs=(("دهه",),)),
        Rule("season", season, _season, split="season", needs=(keywords(SEASONS),)),
        Rule.branched("time", _W, clock, clock_tail, _clock),
        Rule("match_minute", match_minute, _day_part, needs=(("دقیقه", "دقایق"),)),
        # a word of ``when`` after a unit
        Rule(
            "counted",
            counted,
            _counted,
            needs=(
                tuple(
                    Cue(when, rf"(?<=(?:{units})(?:\s*و\s*نیم)?(?:{_H}ی)?\s+){when}")
                    for when in counted_when
                ),
            ),
        ),
        Rule("relative_period", periods, _relative_period, needs=(("سال", "ماه", "هفته"),)),
        Rule(
            "current_period",
            current,
            _relative_period,
            needs=(("سال", "ماه", "هفته"), keywords(_part_words())),
        ),
        Rule.branched("vague", _W, vague, _E, _vague),
        Rule.branched("set", _W, sets, _E, _set),
        # «سال ۱۴۰۲», «از ۹۲ تا ۹۴»: «سال» or «تا», and a year
        Rule("year", years, _year_only, split="year", needs=(("سال", "تا"), a_year)),
        Rule("year_era", year_era, _year_only, needs=((DIGIT,),)),
        Rule("duration", durations, _duration, needs=(keywords(UNITS),)),
        Rule("weekday", weekday_rule, _weekday, needs=(a_weekday,)),
        Rule(
            "relative_day",
            rf"{_W}(?P<word>{relative})(?:(?<=روز)(?P<weekday>{weekday}))?{_E}",
            _relative_day,
            needs=(keywords(relative_words),),
        ),
        Rule("bare_weekday", bare_weekday, _weekday, needs=(a_weekday,)),
        Rule("day_part", rf"{_W}(?P<part>{parts}){_E}", _day_part, needs=(keywords(DAY_PARTS),)),
        # an ordinal's end before a unit («سالگرد», «سالروز» start with «سال»)
        Rule(
            "ordinal_period",
            ordinal_period,
            _ordinal_day,
            needs=(
                tuple(
                    Cue(unit, rf"(?<=(?:{ordinal_end})\s+){unit}")
                    for unit in ("سال", "ماه", "هفته", "دهه")
                ),
            ),
        ),
    ]
    return tuple(built)


def _year_cue_words(two_digit: bool = False) -> list[str]:
    """The cues of ``data/year_cues.tsv`` (``two_digit``: those a two-digit year follows)."""
    header, rows = _data.table("year_cues")
    cue, two = header.index("cue"), header.index("two_digit_years")
    return [row[cue] for row in rows if row[two] == "yes" or not two_digit]


@once
def _event_years() -> str:
    """A year after the name of an event or an act: «جام جهانی ۲۰۱۸», «انتخابات ۹۶».

    The names are ``data/year_cues.tsv``; four-digit years must be in 1300–1499 or
    1900–2099, two-digit ones only after cues marked so.
    """
    every = _alternation(_year_cue_words())
    short = _alternation(_year_cue_words(two_digit=True))
    four = r"(?:[1۱][34۳۴]|[1۱][9۹]|[2۲][0۰])\d\d"
    words = r"(?:\s+[\p{L}\u200c]+){0,2}"  # «جام جهانی قطر ۲۰۲۲», «انتخابات ریاست جمهوری ۹۶»
    return (
        rf"{_W}(?:(?P<year>{four})(?<=(?:{every}){words}\s*\d{{4}})"
        rf"|(?P<year2>\d{{2}})(?<=(?:{short}){words}\s*\d{{2}})){_E}{_NOT_A_YEAR_AFTER}"
    )


@once
def _occasions() -> dict[str, tuple[Calendar, int, int, int]]:
    """Folded occasion name → (calendar, month, day, days), from ``data/occasions.tsv``."""
    header, rows = _data.table("occasions")
    column = {name: index for index, name in enumerate(header)}
    return {
        fold(row[column["name"]]): (
            row[column["calendar"]],  # type: ignore[misc]
            int(row[column["month"]]),
            int(row[column["day"]]),
            int(row[column["days"]]),
        )
        for row in rows
    }


def _occasion_words() -> list[str]:
    """The names of ``data/occasions.tsv``."""
    header, rows = _data.table("occasions")
    column = header.index("name")
    return [row[column] for row in rows]


@once
def _occasion_names() -> str:
    return _alternation(_occasion_words())


def _occasion(match: Match, published: datetime.date | None) -> Found:
    """«شب یلدا», «اربعین», «عید فطر ۱۴۴۵»: the day of the year it falls on."""
    groups = match.groups
    calendar, month, day, days = _occasions()[fold(groups["occasion"] or "")]
    found = _resolve_named({**groups, "day": str(day)}, calendar, month, published)
    if found.value is not None and days > 1:
        found.kind = "range"
        found.end_value = found.value + datetime.timedelta(days=days - 1)
    return found


def _ordinal_day(match: Match, published: datetime.date | None) -> Found:
    """«چهل و هفتمین روز سال», «بیست و یکمین روز فروردین»; «شصت و چهارمین سال»: no value."""
    groups = match.groups
    if groups.get("unit"):
        unit = fold(groups["unit"] or "")
        precision = {"هفته": "week", "ماه": "month", "دهه": "decade"}.get(unit, "year")
        return Found(
            None, calendar="relative", precision=precision, reason="what it counts from is not said"
        )
    try:
        number = int(parse_number(groups["ordinal"] or ""))
    except ValueError:
        return Found(None, calendar="jalali", reason="not a day number")
    if groups.get("month"):
        day_groups = {**groups, "day": str(int(number))}
        if int(number) > 31:
            return Found(None, calendar="jalali", reason=f"day {number} of a month")
        calendar, month = _month_of(groups["month"] or "") or ("jalali", 0)
        return _resolve_named(day_groups, calendar, month, published)
    if groups.get("of") != "سال":
        return Found(None, calendar="relative", reason="the day of what is not said")
    if groups.get("year"):
        year = _year(groups["year"] or "", "jalali", published)
    elif published is not None:
        year = JalaliDate.from_gregorian(published).year
    else:
        return Found(None, calendar="relative", reason=_NO_PUBLISHED)
    if year is None:
        return Found(None, calendar="jalali", reason="not a year")
    try:
        first = JalaliDate(year, 1, 1).to_gregorian()
    except (InvalidDateError, ValueError) as error:
        return Found(None, calendar="jalali", reason=str(error))
    return Found(first + datetime.timedelta(days=int(number) - 1), calendar="jalali")


def _month_this_year(match: Match, published: datetime.date | None) -> Found:
    """«ماه سپتامبر», «آبان‌ماه امسال»: the month in the year ``when`` says, or the nearest."""
    when = fold(match.groups.get("when") or "")
    if when and published is not None:
        this = JalaliDate.from_gregorian(published).year
        step = -1 if when in {"پارسال", "سالگذشته"} else 1 if when == "سالآینده" else 0
        match = Match({**match.groups, "year": str(this + step)}, match.sentence_rest)
    return _named("month")(match, published)
