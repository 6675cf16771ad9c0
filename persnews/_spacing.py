"""The ``spacing`` normalization step: decisions between and inside atoms.

Works on the atoms of :mod:`persnews._atoms`.  Between two atoms it decides
the gap: one space, a line break, a paragraph break, nothing (before closing
punctuation), or a half-space (ZWNJ) when hazm's lexicons say the two belong
together (``می رود``, ``کتاب ها``, ``منطقه ای``, ``بین المللی``).  Inside an atom
it repairs glued affixes (``منطقهای``, ``دیپلماتهای``, ``میشود``), turns Latin
digits of Persian numbers into Persian digits and ``...`` into ``…``.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterator
from itertools import pairwise
from typing import Final, NamedTuple, TypeVar

from persnews import _atoms, _hazm
from persnews._atoms import CLOSING, NON_JOINING, OPENING, ZWNJ
from persnews._lazy import Keys, keys, once
from persnews.text import Edit, EditList

__all__ = ["edits"]

T = TypeVar("T")


class _Atom(NamedTuple):
    start: int
    end: int
    kind: str
    text: str


#: suffixes written after a space or glued on; joined to their word with a half-space
SUFFIXES: Final = ("هایی", "های", "ها", "ترین", "تری", "تر")
#: suffixes joined with a half-space only after a word that ends in «ه»
AFTER_HEH: Final = ("ایم", "اید", "اند", "ای", "ام", "ات", "اش", "ی")
#: possessive endings also joined after a word that ends in «ی»: «زندگی ام»
AFTER_YEH: Final = frozenset({"ام", "اش", "ات"})
#: ... of which these are also repaired when glued on (not «ی»: آزمایشگاهی is right)
GLUED_AFTER_HEH: Final = ("ایم", "اید", "اند", "ای", "ام", "ات", "اش")
#: comparative suffixes: only after adjectives and adverbs
COMPARATIVES: Final = frozenset({"ترین", "تری", "تر"})
#: bound first halves of compounds: «بی سابقه» -> «بی‌سابقه»
COMPOUND_PREFIXES: Final = frozenset({"بی", "هم", "پیش", "پس", "فرا", "ضد", "غیر", "نیم"})
#: second halves that make a compound with the word before: «سه شنبه», «دی ماه»
COMPOUND_HEADS_AFTER: Final = frozenset({"شنبه", "ماه"})
#: verbal prefixes joined to a following verb form with a half-space
VERB_PREFIXES: Final = ("نمی", "می")
#: words that join the word before them when hazm's lexicons agree
JOIN_AFTER: Final = frozenset(SUFFIXES) | frozenset(AFTER_HEH)
#: words never joined to the next word as the first half of a compound
#: (prepositions and conjunctions: «به روز» is not «به‌روز» in «به روز دوشنبه»)
NOT_COMPOUND_HEADS: Final = frozenset(
    {"به", "در", "از", "با", "بر", "تا", "که", "را", "و", "یا", "این", "آن"}
)
#: ordinal endings glued to digits (۲۰ام, ۵مین): no space is put between
ORDINAL_ENDINGS: Final = frozenset({"م", "ام", "مین", "امین"})
#: Latin punctuation after a Persian word -> its Persian form
PERSIAN_PUNCTUATION: Final[dict[str, str]] = {",": "،", ";": "؛", "?": "؟"}
#: closing punctuation that wants a space after it when a word follows directly
SPACE_AFTER: Final = frozenset(".,،;؛:!?؟»)]}…")
#: whitespace-separated chunks read as context on each side of a stretch being spaced
CONTEXT_CHUNKS: Final = 3
#: atom kinds that read as words for spacing purposes
WORDLIKE: Final = frozenset({"word", "number", "abbrev", "url", "email", "hashtag", "mention"})
LATIN_DIGITS: Final = str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹")


def _persian(word: str) -> bool:
    return "\u0600" <= word[0] <= "\u06ff" or "\ufb50" <= word[0] <= "\ufeff"


def _latin(atom: _Atom | None) -> bool:
    return atom is not None and atom.kind == "word" and atom.text[0].isascii()


#: a window of text to space: (start, end, keeps); all of it is read, but only
#: edits that begin within one of the (start, end) stretches of ``keeps`` are kept
Window = tuple[int, int, list[tuple[int, int]]]


def edits(text: str, focus: list[int] | None = None) -> EditList:
    """The spacing edits for ``text`` (sorted, non-overlapping).

    Spacing is decided locally, a few words at a time, so ``focus`` can limit
    the work to the text around some positions (a few whitespace-separated
    chunks either side); by default, all of it.

    The result's ``recheck`` lists the positions of edits that put or took
    away a space next to something the scanner reads with context (``.www``
    is not an e-mail address, ``. www.x@y.ir`` is): the text around them must
    be spaced again until nothing changes.
    """
    result = EditList()
    if focus is None:
        result.atoms = _space(text, 0, len(text), result)
        return result
    for start, end, keeps in _windows(text, focus):
        window = EditList()
        _space(text, start, end, window)
        result.extend(_kept(window, keeps, lambda edit: edit[0]))
        result.recheck.extend(_kept(window.recheck, keeps, lambda position: position))
    return result


def _kept(items: list[T], keeps: list[tuple[int, int]], where: Callable[[T], int]) -> list[T]:
    """The items (sorted by position) that stand in one of the sorted ``keeps``."""
    kept: list[T] = []
    stretches = iter(keeps)
    start, end = next(stretches)
    for item in items:
        position = where(item)
        while position > end:
            following = next(stretches, None)
            if following is None:
                return kept
            start, end = following
        if position >= start:
            kept.append(item)
    return kept


@once
def _joinable() -> tuple[Keys[str], Keys[str]]:
    """Compounds this step would join, and their first halves.

    Two-word compounds as :func:`_joins` allows them (``بین‌المللی``), and the
    first two words of ``X و Y`` compounds (``گفت‌و``, for ``گفت‌وگو``).
    """
    joinable = set()
    for compound in _hazm.lexicon().compounds:
        left, _, right = compound.partition(ZWNJ)
        if right.startswith("و") and len(right) > 1:
            joinable.add(left + ZWNJ + "و")
        if ZWNJ not in right and _joins(left, right):
            joinable.add(compound)
    return keys(joinable), keys(c.partition(ZWNJ)[0] for c in joinable)


def _windows(text: str, positions: list[int]) -> list[Window]:
    """Windows around ``positions``: each keeps the few whitespace-separated chunks
    on either side of a position (on its line), and reads as many again beyond
    them as context.

    Windows whose context touches are merged, each keeping its stretches.
    """
    windows: list[Window] = []
    for position in positions:
        floor = text.rfind("\n", 0, position) + 1
        ceiling = text.find("\n", position)
        ceiling = len(text) if ceiling < 0 else ceiling
        keep_start = _chunks_left(text, position, CONTEXT_CHUNKS, floor)
        keep_end = _chunks_right(text, position, CONTEXT_CHUNKS, ceiling)
        start = _chunks_left(text, keep_start, CONTEXT_CHUNKS, floor)
        end = _chunks_right(text, keep_end, CONTEXT_CHUNKS, ceiling)
        if windows and start <= windows[-1][1]:
            windows[-1][2].append((keep_start, keep_end))
            windows[-1] = (windows[-1][0], max(end, windows[-1][1]), windows[-1][2])
        else:
            windows.append((start, end, [(keep_start, keep_end)]))
    return windows


def _chunks_left(text: str, position: int, count: int, floor: int) -> int:
    """Start of the ``count``-th whitespace-separated chunk left of ``position``."""
    for _ in range(count):
        while position > floor and text[position - 1] == " ":
            position -= 1
        while position > floor and not text[position - 1].isspace():
            position -= 1
    return position


def _chunks_right(text: str, position: int, count: int, ceiling: int) -> int:
    """End of the ``count``-th whitespace-separated chunk right of ``position``."""
    for _ in range(count):
        while position < ceiling and text[position] == " ":
            position += 1
        while position < ceiling and not text[position].isspace():
            position += 1
    return position


def _space(text: str, region_start: int, region_end: int, result: EditList) -> list[_atoms.Atom]:
    """Append the edits for ``text[region_start:region_end]`` to ``result``; return
    the atoms read there."""
    make = tuple.__new__  # builds the named tuples without their Python-level __new__
    items = _atoms.atom_list(text, region_start, region_end)  # plain tuples: made into
    # _Atom records only where something may need an edit (about half of them)
    if not items:
        if region_end > region_start:
            result.append((region_start, region_end, ""))
        return items
    lexicon = _hazm.lexicon()
    compounds = lexicon.compounds
    joined = _triple_joins(items, text)
    previous: _Atom | None = None  # what stands before, as this run leaves it (joins included)
    last: _Atom | None = None  # the atom before, as this run leaves it
    begin = region_start
    done = -1
    for index in _busy(items, text, joined):
        if index - 1 != done and index:  # the atoms in between needed nothing
            previous = last = make(_Atom, items[index - 1])
            begin = previous.end
        done = index
        atom = make(_Atom, items[index])
        start, end, kind, value = atom
        gap = text[begin:start]
        if previous is None:
            replacement = ""
        elif index in joined:
            replacement = joined[index]
        elif gap == " " and kind == "word" and previous.kind == "word":
            left = previous.text
            candidate = (
                value in JOIN_AFTER or left in VERB_PREFIXES or left + ZWNJ + value in compounds
            )
            replacement = ZWNJ if candidate and _joins(left, value) else " "
        else:
            replacement = _gap(previous, atom, gap)
        if kind == "word":  # the common case, inlined
            inside: list[Edit] = []
            if ZWNJ not in value and "\u0600" <= value[0] <= "\u06ff":
                repaired = _repair_word(value)
                if repaired != value:
                    inside = list(_word_edits(atom, repaired))
        else:
            following = make(_Atom, items[index + 1]) if index + 1 < len(items) else None
            before = previous if "\n" not in gap else None  # decisions stay on their line
            inside = list(_inside(atom, before, following, gap))
        current = edited = _after(atom, inside) if inside else atom
        if previous is not None and replacement in {"", ZWNJ} and replacement != gap:
            if replacement == "" and index not in joined and not _still_apart(last, edited):
                replacement = " "  # keep them apart
            if replacement == ZWNJ or index in joined:  # one word now: «ریزه‌کاری» + «ها»
                glued = previous.text + replacement + edited.text
                current = make(_Atom, (previous.start, end, kind, glued))
        if replacement != gap:
            result.append((begin, start, replacement))
            joins = replacement == ZWNJ or index in joined  # two words become one
            if not (joins or (_blank(gap) and _blank(replacement))):  # nor just fewer spaces
                result.recheck.append(begin)
        result.extend(inside)
        previous = current
        last = edited
        begin = end
    if items[-1][1] < region_end:
        result.append((items[-1][1], region_end, ""))
    return items


def _busy(items: list[_atoms.Atom], text: str, joined: dict[int, str]) -> list[int]:
    """Indexes of the atoms that may need an edit, or an edit of the gap before them.

    The rest — most of a text — spacing leaves as they are: a word that needs no
    repair after a word and a single space, with nothing to join (a word after one
    that may join the next is checked against it, if that one was left as it is);
    a word after punctuation that opens nothing and a single space; punctuation
    that closes, right after a word, that stays as it is.
    """
    quiet_words = _quiet_words()
    left_triggers = _left_triggers()
    # first the commonest case, a known word after a word that joins nothing and a
    # single space; then the rest, one by one
    maybe = [
        i
        for i, (before, atom) in enumerate(pairwise(items), 1)
        if not (
            atom[3] in quiet_words
            and atom[2] == "word"
            and before[2] == "word"
            and before[3] not in left_triggers
            and atom[0] == before[1] + 1
            and text[before[1]] == " "
        )
    ]
    busy = [0]
    quiet_at = -1  # the last of them left as it is
    last = 0  # the last of them looked at
    for i in maybe:
        before, (start, _, kind, value) = items[i - 1], items[i]
        quiet = False
        if start == before[1] + 1 and text[before[1]] == " ":
            if kind == "word" and (value in quiet_words or _stable(value)):
                if before[2] == "word":
                    left = before[3]
                    # the atom before is as it was (not a candidate, or a quiet one)
                    kept = i > 1 and (last != i - 1 or quiet_at == i - 1)
                    quiet = left not in left_triggers or (kept and not _joined(left, value))
                elif before[2] == "punct":
                    quiet = before[3][-1] not in OPENING
        elif start == before[1] and kind == "punct" and before[2] == "word":
            quiet = (
                value[0] in CLOSING
                and value not in _CHANGING_PUNCTUATION
                and not value.startswith("..")
            )
        if quiet:
            quiet_at = i
        else:
            busy.append(i)
        last = i
    if joined:
        busy = sorted(set(busy) | joined.keys())
    return busy


#: punctuation that spacing may change: the ellipsis (and ``..``, ``...``), Latin marks
#: after a Persian word, the percent sign after a number
_CHANGING_PUNCTUATION: Final = frozenset(("…", "%", *PERSIAN_PUNCTUATION))


@functools.lru_cache(maxsize=1 << 16)
def _stable(word: str) -> bool:
    """A word that joins nothing before it and that spacing does not repair."""
    if word in JOIN_AFTER:
        return False
    return ZWNJ in word or not "\u0600" <= word[0] <= "\u06ff" or _repair_word(word) == word


def _joined(left: str, right: str) -> bool:
    """Would the word ``right`` be joined to ``left`` (``right`` not one of :data:`JOIN_AFTER`)?"""
    candidate = left in VERB_PREFIXES or left + ZWNJ + right in _hazm.lexicon().compounds
    return candidate and _joins(left, right)


@once
def _left_triggers() -> Keys[str]:
    """Words that may join the word after them."""
    return keys([*_joinable()[1], *VERB_PREFIXES])


@once
def _quiet_words() -> Keys[str]:
    """Known words that join nothing before them."""
    quiet = dict(_hazm.lexicon().attested_words)
    for word in JOIN_AFTER:
        quiet.pop(word, None)
    return quiet


def _blank(text: str) -> bool:
    """Non-empty, and nothing but spaces and line breaks."""
    return bool(text) and not text.strip(" \n")


def _still_apart(left: _Atom | None, right: _Atom) -> bool:
    """Would gluing ``left`` to ``right`` still scan as the same two atoms?"""
    if left is None:
        return True
    glued = left.text + right.text
    expected = [(0, len(left.text)), (len(left.text), len(glued))]
    return [m.span() for m in _atoms.atom_pattern().finditer(glued)] == expected


def _after(atom: _Atom, inside: list[Edit]) -> _Atom:
    """The atom as its own edits leave it."""
    if not inside:
        return atom
    pieces = []
    done = atom.start
    source = atom.text
    for begin, end, replacement in inside:
        pieces.append(source[done - atom.start : begin - atom.start])
        pieces.append(replacement)
        done = end
    pieces.append(source[done - atom.start :])
    return atom._replace(text="".join(pieces))


def _triple_joins(items: list[_atoms.Atom], text: str) -> dict[int, str]:
    """«گفت و گو» -> «گفت‌وگو» where hazm's word list has the joined compound."""
    frequency = _hazm.lexicon().frequency
    heads = _and_heads()
    result: dict[int, str] = {}
    ands = [i for i, atom in enumerate(items) if atom[3] == "و"]
    for i in (i - 1 for i in ands if 0 < i < len(items) - 1):
        if items[i][3] not in heads:
            continue
        first, middle, last = (_Atom._make(items[j]) for j in range(i, i + 3))
        if first.kind != "word" or last.kind != "word":
            continue
        gaps = text[first.end : middle.start] + text[middle.end : last.start]
        if gaps.replace(ZWNJ, "") != "  ":  # two spaces, maybe with stray half-spaces
            continue
        if any(frequency.get(first.text + ZWNJ + "و" + stem, 0) > 0 for stem in _stems(last.text)):
            result[i + 1] = ZWNJ
            result[i + 2] = ""
    return result


@once
def _and_heads() -> frozenset[str]:
    """What stands before «‌و» in the words hazm's list has seen (گفت of گفت‌وگو);
    those words are among its compounds (seen, with a half-space)."""
    heads = set()
    for word in _hazm.lexicon().compounds:
        if ZWNJ + "و" in word:
            position = word.find(ZWNJ + "و")
            while position > 0:
                heads.add(word[:position])
                position = word.find(ZWNJ + "و", position + 1)
    return frozenset(heads)


def _stems(word: str) -> Iterator[str]:
    """The word itself, and the word without each plural/comparative suffix it ends with."""
    yield word
    for suffix in SUFFIXES:
        if word.endswith(suffix) and len(word) > len(suffix) + 1:
            yield word[: -len(suffix)]


def _gap(left: _Atom, right: _Atom, gap: str) -> str:
    """What the whitespace between two atoms should be."""
    newlines = gap.count("\n")
    if newlines:
        return "\n\n" if newlines > 1 else "\n"
    core = gap.replace(ZWNJ, "")
    ellipsis = right.text == "…" or right.text.startswith("..")
    if right.kind == "punct" and right.text[0] in CLOSING and not ellipsis:
        return ""
    if left.kind == "punct" and left.text[-1] in OPENING:
        return ""
    if not core:
        if (
            left.kind == "punct"
            and left.text[-1] in SPACE_AFTER
            and (right.kind in WORDLIKE or (right.kind == "punct" and right.text[0] in OPENING))
        ):
            return " "
        if right.kind == "punct" and right.text[0] in OPENING and left.kind in WORDLIKE:
            return " "
        if left.kind == "number" and right.kind == "word" and _persian(right.text):
            return "" if right.text in ORDINAL_ENDINGS and not gap else " "
        if left.kind == "word" and _persian(left.text) and right.kind == "number":
            return " "
        if gap and left.kind in WORDLIKE and right.kind in WORDLIKE:
            return " "  # a stray half-space between two words: keep them apart
        return ""
    if left.kind == "word" and right.kind == "word" and _joins(left.text, right.text):
        return ZWNJ
    return " "


@functools.lru_cache(maxsize=1 << 16)
def _joins(left: str, right: str) -> bool:
    """Should ``left right`` be written ``left‌right``?  Decided by hazm's lexicons."""
    lexicon = _hazm.lexicon()
    if left in VERB_PREFIXES:
        return left + ZWNJ + right in lexicon.spaced_verb_forms
    if right in SUFFIXES:  # «ها», «ترین» … never stand alone after a word
        return _persian(left)
    if right in AFTER_HEH:
        return _persian(left) and (
            left.endswith("ه") or (left.endswith("ی") and right in AFTER_YEH)
        )
    if (
        lexicon.frequency.get(left + ZWNJ + right, 0) <= 0
        or left in NOT_COMPOUND_HEADS
        or right in lexicon.participles
        or right in lexicon.verb_forms
    ):
        return False
    return (
        right.startswith("ال")  # Arabic compounds: بین‌المللی، آیت‌الله
        or right in lexicon.present_stems  # اصلاح‌طلب
        or (right.endswith("ی") and right[:-1] in lexicon.present_stems)  # پیش‌بینی، عادی‌سازی
        or left in COMPOUND_PREFIXES
        or right in COMPOUND_HEADS_AFTER
    )


def _inside(
    atom: _Atom, previous: _Atom | None, following: _Atom | None, gap: str
) -> Iterator[Edit]:
    """Edits inside one atom."""
    if atom.kind == "number":
        if not ((_latin(previous) and gap == " ") or _latin_follows(atom, following)):
            converted = atom.text.translate(LATIN_DIGITS)
            if converted.count(".") == 1 and converted.replace(".", "").isdigit():
                converted = converted.replace(".", "٫")
            if converted != atom.text:
                yield atom.start, atom.end, converted
    elif atom.kind == "punct":
        if atom.text.startswith("...") and set(atom.text) == {"."}:
            yield atom.start, atom.end, "…"
        elif atom.text in PERSIAN_PUNCTUATION and previous and previous.kind == "word":
            if _persian(previous.text):
                yield atom.start, atom.end, PERSIAN_PUNCTUATION[atom.text]
        elif atom.text == "%" and previous and previous.kind == "number":
            yield atom.start, atom.end, "٪"


def _latin_follows(atom: _Atom, following: _Atom | None) -> bool:
    return _latin(following) and following is not None and following.start - atom.end <= 1


def _word_edits(atom: _Atom, repaired: str) -> Iterator[Edit]:
    """Express a repair as zero-width ZWNJ insertions when that is all it is."""
    if repaired.replace(ZWNJ, "") == atom.text:
        offset = 0
        for index, char in enumerate(repaired):
            if char == ZWNJ:
                position = atom.start + index - offset
                offset += 1
                yield position, position, ZWNJ
    else:
        yield atom.start, atom.end, repaired


@functools.lru_cache(maxsize=1 << 16)
def _repair_word(word: str) -> str:
    """Fix a word written without its half-space, or with a letter stretched."""
    lexicon = _hazm.lexicon()
    if lexicon.attested(word):
        return word
    word = _unrepeat(word)
    if lexicon.attested(word):
        return word
    for prefix in VERB_PREFIXES:
        joined = prefix + ZWNJ + word[len(prefix) :]
        if word.startswith(prefix) and joined in lexicon.glued_verb_forms:
            return joined
    # every reading of the word as stem + suffix, scored by the stem's frequency;
    # an empty stem stands for "leave it as it is"
    for cut in (1, 2):  # a vowel-final word plus ی or یی: انتهای، بهای، تنهایی
        vowel_final = word[-cut - 1 : -cut] in {"ا", "و"}
        if word.endswith("ی" * cut) and vowel_final and lexicon.attested(word[:-cut]):
            return word
    for cut in (1, 2):  # a listed word plus ی or ین: کمتری، بیشترین، ریشتری
        if word.endswith(("ی", "ین")[cut - 1]) and lexicon.attested(word[:-cut]):
            return word
    readings: list[tuple[int, int, str]] = []  # (frequency, preference, stem)
    for preference, suffixes in enumerate((GLUED_AFTER_HEH, COMPARATIVES, SUFFIXES)):
        for suffix in suffixes:
            stem = word[: -len(suffix)]
            if not word.endswith(suffix) or stem not in lexicon.frequency or len(stem) < 2:
                continue
            if suffix in COMPARATIVES and (
                word in lexicon.frequency or not {"AJ", "ADV"} & set(lexicon.pos.get(stem, ()))
            ):
                continue  # فیلتر، دفتر، شوشتری are listed words, not comparatives
            if suffix in GLUED_AFTER_HEH and not (stem.endswith("ه") and lexicon.attested(stem)):
                continue  # تیمهای is تیم‌های, not تیمه‌ای
            readings.append((lexicon.frequency[stem], preference, stem))
    if readings:
        stem = max(readings)[2]  # the most frequent stem; plurals win a tie
        if stem[-1] not in NON_JOINING:
            return stem + ZWNJ + word[len(stem) :]
    return word


def _unrepeat(word: str) -> str:
    """سلاممممم -> سلام: a letter written three or more times, shortened by the lexicon."""
    runs = []
    index = 0
    while index < len(word):
        end = index
        while end < len(word) and word[end] == word[index]:
            end += 1
        runs.append((word[index], end - index))
        index = end
    if all(count < 3 for _, count in runs):
        return word
    once = "".join(char * (1 if count >= 3 else count) for char, count in runs)
    twice = "".join(char * (2 if count >= 3 else count) for char, count in runs)
    known = _hazm.lexicon().known
    if known(once) != known(twice):
        return once if known(once) else twice
    return twice
