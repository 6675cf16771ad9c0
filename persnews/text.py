"""Normalized text that remembers where every character came from.

:func:`persnews.normalize` returns a :class:`NormalizedText`: the original
string, the normalized string and, for every normalized character, the range
of original characters it came from.  Spans found in the normalized text are
mapped back with :meth:`NormalizedText.to_original`, so that every span
persnews reports indexes the text the caller passed in.

>>> from persnews import normalize
>>> doc = normalize("منطقهاي  كه")
>>> doc.text
'منطقه\u200cای که'
>>> start, end = doc.to_original(0, 8)
>>> doc.original[start:end]
'منطقهاي'
"""

from __future__ import annotations

import gc
from array import array
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from typing import Final, TypeVar

import attrs

from persnews.errors import InvalidOffsetError, check_int

__all__ = ["Edit", "EditList", "NormalizedText", "apply_edits", "no_collection"]

T = TypeVar("T")


@contextmanager
def no_collection() -> Iterator[None]:
    """Pause Python's cyclic garbage collector while records are built.

    Cutting a long text makes hundreds of thousands of small objects, none of
    them in a reference cycle; the collector would scan them again and again
    (a megabyte took 1.6 times as long per character as a kilobyte). It is
    switched back on afterwards, if it was on.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


#: one change to a string: replace ``text[start:end]`` with ``replacement``
Edit = tuple[int, int, str]


class EditList(list[Edit]):
    """Edits, and the positions around which the step that made them must look again."""

    def __init__(self) -> None:
        super().__init__()
        #: positions (in the text the edits apply to) that need another look
        self.recheck: list[int] = []
        #: the scanner's atoms of the text the edits apply to, if the step read them all
        #: (``(start, end, kind, text)``, see :mod:`persnews._atoms`)
        self.atoms: list[tuple[int, int, str, str]] | None = None


@attrs.frozen(eq=False)
class NormalizedText:
    """An original string, its normalized form, and the map between them.

    ``starts[i]`` and ``ends[i]`` give the original range that normalized
    character ``i`` came from.  Characters inserted by normalization (a
    half-space between ``منطقه`` and ``ای``) have an empty range; characters
    deleted by it (diacritics, kashida, invisible marks) are either folded into
    their neighbour's range or fall between two ranges.  Both arrays never
    decrease, so a span maps to a span.
    """

    #: the text as the caller gave it
    original: str
    #: the normalized text
    text: str
    _starts: array[int] = attrs.field(repr=False)
    _ends: array[int] = attrs.field(repr=False)
    #: names of the normalization steps that were applied, in order
    steps: tuple[str, ...] = ()
    _memo: dict[str, object] = attrs.field(factory=dict, init=False, repr=False)

    @classmethod
    def identity(cls, text: str) -> NormalizedText:
        """A text mapped to itself, character for character."""
        positions = _counting(len(text) + 1)
        return cls(text, text, positions[:-1], positions[1:])

    def __len__(self) -> int:
        return len(self.text)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, NormalizedText):
            return NotImplemented
        return (
            self.original == other.original
            and self.text == other.text
            and self._starts == other._starts
            and self._ends == other._ends
        )

    __hash__ = None  # type: ignore[assignment]

    def position(self, index: int) -> int:
        """The original offset that corresponds to normalized offset ``index``."""
        if type(index) is not int or not 0 <= index <= len(self.text):
            _check_offset(index, len(self.text), "<=", "an offset into the normalized text")
        if index < len(self.text):
            return self._starts[index]
        return self._ends[-1] if self.text else len(self.original)

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """Map the normalized span ``[start, end)`` to an original span.

        The original span covers everything the normalized characters came
        from, so ``original[a:b]`` is exactly the mention as the user wrote it.
        """
        size = len(self.text)
        if type(start) is not int or type(end) is not int or not 0 <= start <= end <= size:
            start, end = _check_span(start, end, size, "normalized")
        if start == end:
            position = self.position(start)
            return position, position
        return self._starts[start], self._ends[end - 1]

    def to_normalized(self, start: int, end: int) -> tuple[int, int]:
        """Map the original span ``[start, end)`` to the smallest normalized span covering it."""
        size = len(self.original)
        if type(start) is not int or type(end) is not int or not 0 <= start <= end <= size:
            start, end = _check_span(start, end, size, "original")
        first = bisect_right(self._ends, start)
        last = bisect_left(self._starts, end)
        if start == end or last < first:
            return first, first
        return first, last

    def memo(self, key: str, compute: Callable[[NormalizedText], T]) -> T:
        """``compute(self)``, computed once per text (tokens are shared this way)."""
        if key not in self._memo:
            self._memo[key] = compute(self)
        return self._memo[key]  # type: ignore[return-value]

    @property
    def starts(self) -> array[int]:
        """For each normalized character, where its original range starts (read-only use)."""
        return self._starts

    @property
    def ends(self) -> array[int]:
        """For each normalized character, where its original range ends (read-only use)."""
        return self._ends

    def origin(self, index: int) -> tuple[int, int]:
        """The original range that normalized character ``index`` came from."""
        if type(index) is not int or not 0 <= index < len(self.text):
            _check_offset(index, len(self.text), "<", "a character of the normalized text")
        return self._starts[index], self._ends[index]

    def edited(self, edits: Iterable[Edit], step: str) -> NormalizedText:
        """Apply ``edits`` to the normalized text, keeping the map to the original."""
        edits = [edit for edit in edits if self.text[edit[0] : edit[1]] != edit[2]]
        if not edits:
            return self
        if all(len(replacement) == end - start for start, end, replacement in edits):
            # nothing moves: the map is shared (it is never changed in place)
            text, starts, ends = _replaced(self.text, edits), self._starts, self._ends
        else:
            text, starts, ends = apply_edits(self.text, self._starts, self._ends, edits)
        steps = self.steps if self.steps[-1:] == (step,) else (*self.steps, step)
        return NormalizedText(self.original, text, starts, ends, steps)


#: 0, 1, 2, …, kept to be sliced: a slice is a copy of memory, ten times as fast
#: as counting again (texts longer than this count for themselves)
_COUNTING: array[int] = array("q")
_COUNTING_MOST: Final = 1 << 20


def _counting(size: int) -> array[int]:
    """``array("q", range(size))``."""
    global _COUNTING
    counting = _COUNTING  # read once: another thread may replace it meanwhile
    if size <= len(counting):
        return counting[:size]
    if size > _COUNTING_MOST:
        return array("q", range(size))
    counting = array("q", range(min(max(size, 2 * len(counting), 1 << 14), _COUNTING_MOST)))
    _COUNTING = counting
    return counting[:size]


def _check_span(start: object, end: object, size: int, text: str) -> tuple[int, int]:
    """``start, end`` if they are ints with ``0 <= start <= end <= size``; a typed error
    (:class:`InputTypeError`, or :class:`InvalidOffsetError`, an ``IndexError``) otherwise."""
    first, last = check_int(start, "start"), check_int(end, "end")
    if not 0 <= first <= last <= size:
        raise InvalidOffsetError(
            field="span",
            value=(first, last),
            valid=f"0 <= start <= end <= {size} (offsets into the {text} text)",
        )
    return first, last


def _check_offset(index: object, size: int, below: str, what: str) -> None:
    """Raise the typed error for an ``index`` that is not an int with ``0 <= index < size``
    (``below`` "<") or ``0 <= index <= size`` (``below`` "<=")."""
    value = check_int(index, "index")
    if not (0 <= value < size if below == "<" else 0 <= value <= size):
        raise InvalidOffsetError(
            field="index", value=value, valid=f"0 <= index {below} {size} ({what})"
        )


def _replaced(text: str, edits: list[Edit]) -> str:
    """``text`` with same-length edits applied."""
    pieces = []
    done = 0
    for start, end, replacement in edits:
        pieces += [text[done:start], replacement]
        done = end
    pieces.append(text[done:])
    return "".join(pieces)


def apply_edits(
    text: str, starts: array[int], ends: array[int], edits: Iterable[Edit]
) -> tuple[str, array[int], array[int]]:
    """Apply sorted, non-overlapping edits; carry each character's original range.

    A replacement as long as what it replaces maps character for character.
    Any other replacement maps every new character to the whole replaced
    range; an insertion maps to the empty range where it stands; a deletion
    leaves a gap.  Both ``starts`` and ``ends`` stay non-decreasing.
    """
    pieces: list[str] = []
    new_starts: array[int] = array("q")
    new_ends: array[int] = array("q")
    size = len(text)
    done = 0
    for begin, finish, replacement in edits:
        if begin < done or finish < begin or finish > size:
            raise ValueError(f"edits overlap or are out of order at {begin}..{finish}")
        if begin > done:
            pieces.append(text[done:begin])
            new_starts.extend(starts[done:begin])
            new_ends.extend(ends[done:begin])
        length = len(replacement)
        if length == finish - begin:
            new_starts.extend(starts[begin:finish])
            new_ends.extend(ends[begin:finish])
        elif length:
            if finish > begin:
                low, high = starts[begin], ends[finish - 1]
            elif begin < size:
                # an insertion; inside a stretch that maps to one original range
                # (a ligature's letters) it takes that range, to keep the map monotone
                low = starts[begin]
                high = max(low, ends[begin - 1]) if begin else low
            else:
                low = high = ends[-1] if size else 0
            new_starts.extend([low] * length)
            new_ends.extend([high] * length)
        pieces.append(replacement)
        done = finish
    if done < size:
        pieces.append(text[done:])
        new_starts.extend(starts[done:])
        new_ends.extend(ends[done:])
    return "".join(pieces), new_starts, new_ends
