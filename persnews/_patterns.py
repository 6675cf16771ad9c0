"""Every regular expression persnews matches with is compiled here, with a time limit.

The patterns are written to be linear (``nox -s bench`` measures them on
adversarial text of 10 KB to 1 MB); the time limit is the last line of
defence.  Each matching call gets :data:`SECONDS` plus :data:`SECONDS_PER_CHAR`
for every character of the string it searches — far more than any pattern
needs, so only a pattern gone quadratic or exponential reaches it — and a
timeout becomes a :class:`~persnews.errors.MatchTimeoutError` that names the
pattern, never a hang.  (``regex`` measures the process's CPU time, so other
threads' work counts too: one more reason the limit is generous.)

No other module calls ``regex.compile`` or the module-level matching functions
(a test checks the source), so every pattern goes through :func:`compile`.

>>> digits = compile(r"\\d+", name="digits")
>>> [m.group() for m in digits.finditer("ساعت ۱۰ و 20 دقیقه")]
['۱۰', '20']
>>> digits.sub("#", "۱۴۰۲/۰۷/۱۷")
'#/#/#'
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterable, Iterator
from typing import Any, Final, TypeVar, final

import regex

from .errors import MatchTimeoutError

__all__ = [
    "SECONDS",
    "SECONDS_PER_CHAR",
    "Pattern",
    "compile",
    "longest_first",
    "trie_pattern",
]

#: the allowance of every matching call, in seconds ...
SECONDS: float = 2.0
#: ... plus this much for every character of the string searched (20 s a megabyte);
#: the whole analysis costs about 2.5 µs a character
SECONDS_PER_CHAR: float = 2e-5

_T = TypeVar("_T")
_Replacement = str | Callable[["regex.Match[str]"], str]


@final
class Pattern:
    """A compiled ``regex`` pattern whose matching calls have a time limit.

    The methods are those of ``regex.Pattern`` that persnews uses, with the
    same arguments and results; a call that runs out of time raises
    :class:`~persnews.errors.MatchTimeoutError`.
    """

    __slots__ = ("compiled", "name")

    def __init__(self, compiled: regex.Pattern[str], name: str) -> None:
        #: the ``regex`` pattern object
        self.compiled: Final = compiled
        #: where the pattern comes from, for error messages ("persnews.dates")
        self.name: Final = name

    def __repr__(self) -> str:
        return f"<Pattern {self.name}: {self.compiled.pattern[:60]!r}>"

    @property
    def pattern(self) -> str:
        """The source of the pattern."""
        return self.compiled.pattern

    def _limit(self, string: str) -> float:
        return SECONDS + len(string) * SECONDS_PER_CHAR

    def _timeout(self, string: str) -> MatchTimeoutError:
        return MatchTimeoutError(pattern=self.name, length=len(string), seconds=self._limit(string))

    def _call(self, string: str, method: Callable[..., _T], *args: Any) -> _T:
        """``method(*args)`` with the time limit for ``string``; a timeout raises
        :class:`~persnews.errors.MatchTimeoutError`."""
        try:
            return method(*args, timeout=self._limit(string))
        except TimeoutError:
            raise self._timeout(string) from None

    def match(
        self, string: str, pos: int = 0, endpos: int | None = None
    ) -> regex.Match[str] | None:
        return self._call(string, self.compiled.match, string, pos, endpos)

    def fullmatch(
        self, string: str, pos: int = 0, endpos: int | None = None
    ) -> regex.Match[str] | None:
        return self._call(string, self.compiled.fullmatch, string, pos, endpos)

    def search(
        self, string: str, pos: int = 0, endpos: int | None = None
    ) -> regex.Match[str] | None:
        return self._call(string, self.compiled.search, string, pos, endpos)

    def finditer(
        self, string: str, pos: int = 0, endpos: int | None = None
    ) -> Iterator[regex.Match[str]]:
        # all matches at once: ``regex`` counts the process's CPU time from the
        # start of the iteration, so a lazy iterator would charge the caller's
        # work between matches (and other threads') to the pattern
        return iter(self._call(string, self._findlist, string, pos, endpos))

    def _findlist(
        self, string: str, pos: int = 0, endpos: int | None = None, timeout: float | None = None
    ) -> list[regex.Match[str]]:
        """Every match, as a list (no time limit of its own: see :meth:`finditer`)."""
        return list(self.compiled.finditer(string, pos, endpos, timeout=timeout))

    def findall(self, string: str, pos: int = 0, endpos: int | None = None) -> list[Any]:
        return self._call(string, self.compiled.findall, string, pos, endpos)

    def sub(self, repl: _Replacement, string: str, count: int = 0) -> str:
        return self._call(string, self.compiled.sub, repl, string, count)

    def split(self, string: str, maxsplit: int = 0) -> list[str]:
        return self._call(string, self.compiled.split, string, maxsplit)


def compile(pattern: str, flags: int = 0, *, name: str | None = None) -> Pattern:
    """Compile ``pattern`` with ``regex`` into a :class:`Pattern`.

    ``name`` says where it is used in an error message; by default the module
    that compiles it.
    """
    if name is None:
        name = sys._getframe(1).f_globals.get("__name__", "persnews")
    return Pattern(regex.compile(pattern, flags), name)


#: one piece of a word pattern: a character class (maybe optional), an escape, a character
_PIECE: Final = compile(r"\[[^\]]*\]\??|\\.|.", regex.DOTALL, name=__name__)


def longest_first(alternatives: Iterable[str]) -> list[str]:
    """``alternatives`` in the order an alternation tries them: longest first, and
    those of one length alphabetically, whatever order they came in (a set's
    order changes with PYTHONHASHSEED, and so would the pattern)."""
    return sorted(alternatives, key=lambda alternative: (-len(alternative), alternative))


def trie_pattern(patterns: Iterable[str]) -> str:
    """One regular expression for a list of word patterns, as a trie.

    The scanner then follows shared beginnings once instead of trying every
    word at every position: «بیست و یکم» and «بیست و دوم» share «بیست و ».
    Each pattern is literal characters, escapes and character classes (with an
    optional ``?``); longer branches come first, so «سیصد» is not read as «سی».

    For literal words it matches what their alternation in the order of
    :func:`longest_first` matches, and gives back in the same order when what
    follows fails: the words that match at one place are prefixes of each
    other, and the trie tries the longest of them first, then the next
    shorter, as the alternation does.

    >>> trie_pattern(["ab", "abc", "b"])
    '(?:ab(?:c)?|b)'
    """
    trie: dict[str, dict[str, Any]] = {}
    for pattern in patterns:
        node = trie
        # one character a piece where there is neither a class nor an escape
        special = "[" in pattern or "\\" in pattern
        for piece in _PIECE.findall(pattern) if special else pattern:
            node = node.setdefault(piece, {})
        node[""] = {}
    return _from_trie(trie)


def _from_trie(node: dict[str, dict[str, Any]]) -> str:
    branches = longest_first(piece + _from_trie(child) for piece, child in node.items() if piece)
    if "" in node:
        return f"(?:{'|'.join(branches)})?" if branches else ""
    return branches[0] if len(branches) == 1 else f"(?:{'|'.join(branches)})"
