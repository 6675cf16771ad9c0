"""Things persnews builds on first use (tables, word lists, hazm's lexicon, the
model) are built once per process, also when threads ask at the same moment.

:func:`once` is ``functools.cache`` — the same C fast path once a value is
there — except that a miss takes a lock, so two threads that miss together
do not both build: the second waits and gets the first one's value.

>>> calls = []
>>> @once
... def table() -> tuple[str, ...]:
...     calls.append(1)
...     return ("a", "b")
>>> table() is table(), len(calls)
(True, 1)
>>> table.cache_clear(); _ = table(); len(calls)
2

What is built lives as long as the process, so large lookup sets are built
with :func:`keys`: a dict of keys without values, which the cyclic garbage
collector does not track, where a ``frozenset`` of 66,000 words would be
scanned again at every full collection of the user's program.
"""

from __future__ import annotations

import functools
import threading
from collections.abc import Callable, Hashable, Iterable
from typing import TypeAlias, TypeVar

__all__ = ["Keys", "keys", "once"]

T = TypeVar("T")
K = TypeVar("K", bound=Hashable)

#: a set for look-ups (``in``, iteration, ``len``) that the garbage collector leaves
#: alone: see :func:`keys`
Keys: TypeAlias = dict[K, None]


def keys(items: Iterable[K]) -> Keys[K]:
    """``items`` as a look-up set of strings or bytes the cyclic garbage collector does
    not track: a dict of keys without values (the collector untracks a dict that
    holds only atoms; every set stays tracked, and a full collection visits each
    of its entries: 20 ms a collection for hazm's word sets alone).

    >>> import gc
    >>> words = keys(["شهر", "شهرها"])
    >>> "شهر" in words, len(words), gc.is_tracked(words), gc.is_tracked(frozenset(words))
    (True, 2, False, True)
    """
    return dict.fromkeys(items)


def once(function: Callable[..., T]) -> functools._lru_cache_wrapper[T]:
    """Cache ``function`` (hashable arguments) and compute each
    value once per process; ``cache_clear()`` forgets every value."""
    built: dict[tuple[Hashable, ...], T] = {}
    # reentrant: a loader may call itself for another key; per function, so
    # nested loaders (the lexicon inside a word list) never wait on each other
    lock = threading.RLock()

    @functools.wraps(function)
    def build(*args: Hashable, **kwargs: Hashable) -> T:
        key = (*args, *sorted(kwargs.items())) if kwargs else args
        with lock:
            try:
                return built[key]
            except KeyError:
                value = built[key] = function(*args, **kwargs)
                return value

    cached = functools.cache(build)

    def cache_clear() -> None:
        with lock:
            built.clear()
            functools._lru_cache_wrapper.cache_clear(cached)

    cached.cache_clear = cache_clear  # type: ignore[method-assign]
    return cached
