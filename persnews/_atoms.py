"""The scanner that cuts text into atoms: words, numbers, URLs, punctuation.

Normalization decides spacing between atoms, and tokenization reports them, so
both use this one scanner.  Atoms never overlap and never contain whitespace;
a half-space (ZWNJ) belongs to an atom only between two letters.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable, Sequence
from itertools import accumulate, repeat
from operator import add
from typing import Final

import regex

from persnews import _hazm, _patterns
from persnews._lazy import once

__all__ = [
    "CLOSING",
    "NON_JOINING",
    "OPENING",
    "ZWNJ",
    "Atom",
    "atom_list",
    "atom_pattern",
    "updated",
]

ZWNJ: Final = "\u200c"
#: punctuation that hugs the word before it and wants a space after it
CLOSING: Final = frozenset(".,،؛;:!?؟»)]}…٪%")
#: punctuation that hugs the word after it and wants a space before it
OPENING: Final = frozenset("«([{")
#: letters that never join the letter after them: a half-space after one changes nothing
NON_JOINING: Final = frozenset("اآأإٱدذرزژوؤۀة")

#: top-level domains recognised in bare domain names (www-less URLs)
_TLDS: Final = (
    "com|org|net|ir|info|io|gov|edu|int|mil|co|uk|de|fr|ru|tv|me|news|app|biz|eu|af|tj|"
    "az|am|tr|iq|ae|us|ca|au|ch|in|cn|jp|ly|fm|ai|it|es|nl|se|no|pl|ua|kz|uz|pk|sa|qa|"
    "lb|sy|om|kw|bh|ge|eg|online|site|press|agency|ws"
)
#: Latin abbreviations that end with a full stop
_LATIN_ABBREVIATIONS: Final = (
    "Mr|Mrs|Ms|Dr|Prof|Jr|Sr|St|vs|etc|Inc|Ltd|Co|Corp|No|Gen|Col|Lt|Sgt|Capt|Gov|Sen|Rep"
)

LETTER: Final = r"[\p{Arabic}&&[\p{L}\p{M}]]"
LATIN: Final = r"[\p{Latin}\p{M}]"
OTHER_LETTER: Final = r"[[\p{L}\p{M}]--[\p{Arabic}\p{Latin}]]"


@once
def atom_pattern() -> _patterns.Pattern:
    """The compiled scanner (built on first use: it includes hazm's abbreviations)."""
    return _patterns.compile(_atom_source(), regex.VERBOSE | regex.VERSION1)


#: punctuation a word of a run may end with (each is one atom, but for runs of
#: ``!?؟``): nothing else the scanner knows ends with these after a word.  A full
#: stop only alone (``..`` is one atom) and not after a word that an abbreviation
#: begins with (``م.``, ``ه.ش.``); not ``(``, which opens «(ع)».
_RUN_CLOSERS: Final = ".،؛:»)!?؟"
_CLOSING: Final = frozenset(_RUN_CLOSERS)
#: ... and what it may begin with
_RUN_OPENER: Final = "«"
#: the marks the scanner reads as one atom when they follow each other
_GROUPED: Final = frozenset("!?؟")


@once
def _runs_and_atoms() -> _patterns.Pattern:
    """The scanner, trying first for a whole run of plain words (see :func:`atom_list`)."""
    word = rf"(?>{LETTER}+(?:\u200c{LETTER}+)*)"
    heads = _patterns.trie_pattern(
        regex.escape(head)
        for head in {a.split(".")[0] for a in _hazm.lexicon().abbreviations if "." in a}
        if head
    )
    stop = rf"(?<!(?<![^ \n{_RUN_OPENER}]){heads})\.(?!\.)"
    closer = rf"(?:[{regex.escape(_RUN_CLOSERS.replace('.', ''))}]|{stop})"
    piece = rf"{_RUN_OPENER}?{word}{closer}*"
    run = rf"(?P<run>(?<![^ \n]){piece}(?:\ {piece})*(?=[ \n]|$))"
    return _patterns.compile(run + "\n|" + _atom_source(), regex.VERBOSE | regex.VERSION1)


def _atom_source(shortcuts: bool = True) -> str:
    """The scanner's pattern.  With ``shortcuts``, the commonest atoms are tried
    first where nothing before them in the pattern can match: a word no full
    stop follows, punctuation that begins nothing else, digits that begin no URL
    or e-mail address (not ASCII ones).  They change no match, only how fast
    one is found (a test compares the two)."""
    abbreviations = _hazm.lexicon().abbreviations
    dotted = [a for a in abbreviations if "." in a]

    def alternation(words: list[str]) -> str:
        # a trie, not a list: the scanner tries this at every word that a full stop
        # follows, and a list of two hundred alternatives was most of its time
        return _patterns.trie_pattern(regex.escape(word) for word in words)

    persian_abbreviation = alternation([a for a in dotted if len(a.replace(".", "")) > 1])
    single_abbreviation = alternation([a for a in dotted if len(a.replace(".", "")) == 1])
    honorific = alternation([a for a in abbreviations if a.startswith("(")])
    # punctuation that begins no other kind of atom (not «(» of «(ع)», «@», «#»)
    others = regex.escape("".join(sorted({"@", "#", *(a[0] for a in abbreviations)})))
    fast = rf"""
      (?P<word>(?>{LETTER}+(?:\u200c+{LETTER}+)*)(?!\.))
    | (?P<punct>\.{{2,}}|[!?؟]+|[\p{{P}}--[{others}]])
    | (?P<number>(?![0-9])\d+(?:[.,٫٬/:\-]\d+)*)
    |"""
    # the first label of a domain is atomic: giving characters back never finds the dot
    # after it, and trying to made «a1-a1-a1-…» quadratic
    source = rf"""
      (?P<email>(?<![\w.%+\-])[A-Za-z0-9][A-Za-z0-9._%+\-]*@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)+)
    | (?P<url>
          (?:https?://|ftp://|www\.)[^\s«»"<>\[\]{{}}()،؛]+(?<![.,:;!?'’،؛\u200c])
        | (?<![\w@.\-/])(?>[A-Za-z0-9](?:[A-Za-z0-9\-]*[A-Za-z0-9])?)(?:\.[A-Za-z0-9\-]+)*
          \.(?:{_TLDS})(?![A-Za-z0-9\-])(?:/[^\s«»"<>()\[\]،؛]*(?<![.,:;!?'’،؛\u200c]))?
      )
    | (?P<abbrev>
          (?<!{LETTER})(?:{persian_abbreviation})(?!{LETTER}|\.{LETTER})
        | (?<=\d\s?)(?:{single_abbreviation})(?!{LETTER})
        | (?:{honorific})
        | (?<![A-Za-z.])(?:[A-Za-z]\.){{2,}}(?![A-Za-z])
        | \b(?:{_LATIN_ABBREVIATIONS})\.
      )
    | (?P<number>\d+(?:[.,٫٬/:\-]\d+)*)
    | (?P<mention>(?<![\w@])@[A-Za-z0-9_]+)
    | (?P<hashtag>\#(?:[\p{{L}}\p{{M}}\p{{N}}_]|\u200c(?=[\p{{L}}\p{{N}}_]))+)
    | (?P<word>
          {LETTER}+(?:\u200c+{LETTER}+)*
        | {LATIN}+(?:[0-9]+{LATIN}*)*(?:[\-'’.&](?=[\p{{Latin}}0-9])[\p{{Latin}}\p{{M}}0-9]+)*
        | {OTHER_LETTER}+
      )
    | (?P<punct>\.{{2,}}|[!?؟]+|[\p{{P}}])
    | (?P<symbol>[^\s\u200c])
    """
    return fast + source if shortcuts else source


#: an atom: (start, end, kind, text)
Atom = tuple[int, int, str, str]


def atom_list(text: str, start: int = 0, end: int | None = None) -> list[Atom]:
    """Every atom of ``text[start:end]`` as ``(start, end, kind, text)``, in order.

    The same as the scanner's matches (tests check it), but a run of plain
    Persian words separated by single spaces — most of a news text — is
    matched at once and cut with ``str.split``, which is several times faster
    (with the punctuation that closes a word, or the «» that opens one, peeled off).
    """
    result: list[Atom] = []
    append, extend = result.append, result.extend
    next_start = (1).__add__  # a word starts one space after the end of the one before
    for match in _runs_and_atoms().finditer(text, start, len(text) if end is None else end):
        kind = match.lastgroup or ""
        if kind != "run":
            append((match.start(), match.end(), kind, match.group()))
            continue
        run = match.group()
        words = run.split(" ")
        lengths = list(map(len, words))
        starts = list(accumulate(map(next_start, lengths), initial=match.start()))
        ends = list(map(add, starts, lengths))
        if _RUN_OPENER in run or any(mark in run for mark in _RUN_CLOSERS):
            # the words that open or close with a mark are peeled, the rest (most)
            # taken as they are
            done = 0
            for i in [
                i for i, word in enumerate(words) if word[0] == _RUN_OPENER or word[-1] in _CLOSING
            ]:
                if i > done:
                    extend(zip(starts[done:i], ends[done:i], repeat("word"), words[done:i]))
                _peeled(starts[i], words[i], append)
                done = i + 1
            extend(zip(starts[done:], ends[done:], repeat("word"), words[done:]))
        else:
            extend(zip(starts, ends, repeat("word"), words))
    return result


def _peeled(start: int, piece: str, append: Callable[[Atom], None]) -> None:
    """The atoms of one piece of a run: an opening «, the word, closing marks."""
    if piece[0] == _RUN_OPENER:
        append((start, start + 1, "punct", _RUN_OPENER))
        start, piece = start + 1, piece[1:]
    word = piece.rstrip(_RUN_CLOSERS)
    append((start, start + len(word), "word", word))
    index = len(word)
    while index < len(piece):
        end = index + 1
        if piece[index] in _GROUPED:
            while end < len(piece) and piece[end] in _GROUPED:
                end += 1
        append((start + index, start + end, "punct", piece[index:end]))
        index = end


#: how far the scanner looks past an atom on either side (its lookarounds)
_LOOKAROUND: Final = 2
#: stretches to scan again fewer atoms apart than this are scanned as one
_GAP: Final = 4


@once
def _spaced() -> tuple[int, tuple[str, ...]]:
    """How far an abbreviation that holds whitespace («م. ق.ر.ر.ک») reaches, and the
    parts after its first whitespace (a text without them has no such atom)."""
    spaced = [a for a in _hazm.lexicon().abbreviations if len(a.split()) > 1]
    return max(map(len, spaced), default=0), tuple(a.split(None, 1)[1] for a in spaced)


def _reach(*texts: str) -> int:
    """How far an edit can change the atoms around it: the scanner's lookarounds, or,
    where the texts hold an abbreviation with whitespace in it (the one kind of atom
    that crosses whitespace), that abbreviation's length."""
    longest, tails = _spaced()
    if any(tail in text for tail in tails for text in texts):
        return longest + _LOOKAROUND + 1
    return _LOOKAROUND + 1


@once
def _whitespace() -> frozenset[str]:
    """The characters the scanner's ``\\s`` matches (``str.isspace`` also says yes
    to a few control characters that regex does not)."""
    space = _patterns.compile(r"\s")
    candidates = (chr(code) for code in range(0x3001))
    return frozenset(c for c in candidates if c.isspace() and space.fullmatch(c))


def updated(
    atoms: Sequence[Atom], old: str, edits: Sequence[tuple[int, int, str]], new: str
) -> list[Atom]:
    """The atoms of ``new``, made from ``old`` by ``edits`` (sorted, not overlapping),
    given the ``atoms`` of ``old``: :func:`atom_list` of ``new``, but only the text
    around the edits is scanned again.

    Two kinds of edit need no scan: a half-space put between two Persian words (they
    become one word) and one put inside a Persian word (it stays one); the scanner's
    word is letters joined by half-spaces.  Around any other edit, the stretch scanned
    again starts and ends at an atom of ``old`` that follows whitespace and stands
    beyond the edit's reach (:func:`_reach`), so the scan starts where a scan of the
    whole text has an atom, and no atom crosses its end.  Stretches closer than
    :data:`_GAP` atoms are scanned as one (a call costs more than a few words).
    """
    if not edits:
        return list(atoms)
    starts = [atom[0] for atom in atoms]
    reach, space = _reach(old, new), _whitespace()

    def boundary(index: int) -> int:
        """The nearest atom at or before ``index`` that follows whitespace (or 0)."""
        while index > 0 and old[starts[index] - 1] not in space:
            index -= 1
        return max(index, 0)

    def boundary_after(index: int) -> int:
        """The nearest atom at or after ``index`` that follows whitespace (or the end)."""
        while index < len(starts) and old[starts[index] - 1] not in space:
            index += 1
        return index

    # groups of edits: [first atom, atom after the last, first edit, last edit + 1,
    # scanned again?]; an edit that needs no scan is a group of its own, unless a
    # stretch to scan touches the atoms it changes
    groups: list[list[int]] = []
    for number, (begin, end, replacement) in enumerate(edits):
        changed = _in_place(atoms, starts, old, begin, end, replacement)
        if changed is not None:
            first, after = changed
            if not groups or not groups[-1][4] or first >= groups[-1][1]:
                groups.append([first, after, number, number + 1, 0])
                continue
            # it changes atoms of the stretch before it: scanned with it
        else:
            first = boundary(bisect_right(starts, begin - reach) - 1)
            after = boundary_after(bisect_left(starts, end + reach))
        first_edit = number
        # a stretch to scan swallows the groups before it that it reaches
        while groups and (
            first <= groups[-1][1] - (not groups[-1][4])
            or (groups[-1][4] and first <= groups[-1][1] + _GAP)
        ):
            previous = groups.pop()
            first = boundary(min(first, previous[0]))
            after = boundary_after(max(after, previous[1]))
            first_edit = previous[2]
        groups.append([first, after, first_edit, number + 1, 1])
    result: list[Atom] = []
    shift = 0  # new position - old position, up to the group at hand
    copied = 0  # the old atoms before this one are in the result, or were scanned again
    for first, after, first_edit, last_edit, scan in groups:
        if scan:
            _shifted(atoms, copied, first, shift, result)
            low = (starts[first] if first > 0 else 0) + shift
            for begin, end, replacement in edits[first_edit:last_edit]:
                shift += len(replacement) - (end - begin)
            high = starts[after] + shift if after < len(starts) else len(new)
            result.extend(atom_list(new, low, high))
            copied = after
            continue
        begin, end, replacement = edits[first_edit]
        _shifted(atoms, copied, after, shift, result)
        copied = max(copied, after)
        delta = len(replacement) - (end - begin)
        if after - first == 2:  # two words joined: the second is the last one copied
            right = result.pop()
            left = result[-1]
            result[-1] = (left[0], right[1] + delta, "word", left[3] + replacement + right[3])
        else:  # a half-space inside a word
            word = result[-1]
            offset = begin + shift - word[0]
            text = word[3][:offset] + replacement + word[3][offset:]
            result[-1] = (word[0], word[1] + delta, "word", text)
        shift += delta
    _shifted(atoms, copied, len(atoms), shift, result)
    return result


def _in_place(
    atoms: Sequence[Atom], starts: list[int], old: str, begin: int, end: int, replacement: str
) -> tuple[int, int] | None:
    """The atoms an edit changes without a scan (a half-space between or inside Persian
    words), as ``(first, after)``; None for any other edit."""
    if replacement != ZWNJ:
        return None
    if begin == end:  # inside a word?
        index = bisect_right(starts, begin) - 1
        if index >= 0 and starts[index] < begin < atoms[index][1] and _persian_word(atoms[index]):
            return index, index + 1
        return None
    index = bisect_left(starts, end)  # the gap between two words, all of it?
    if (
        0 < index < len(atoms)
        and starts[index] == end
        and atoms[index - 1][1] == begin
        and _persian_word(atoms[index])
        and _persian_word(atoms[index - 1])
    ):
        return index - 1, index + 1
    return None


def _persian_word(atom: Atom) -> bool:
    """A word of Arabic-script letters (and half-spaces): its first letter says so, as
    the scanner's other words have no Arabic letter."""
    return atom[2] == "word" and "\u0600" <= atom[3][0] <= "\u06ff"


def _shifted(atoms: Sequence[Atom], first: int, last: int, shift: int, result: list[Atom]) -> None:
    """Append ``atoms[first:last]``, moved by ``shift``."""
    if not shift:
        result.extend(atoms[first:last])
    else:
        result.extend([(s + shift, e + shift, k, t) for s, e, k, t in atoms[first:last]])
