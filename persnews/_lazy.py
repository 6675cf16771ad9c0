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
"""

from __future__ import annotations

import functools
import threading
from collections.abc import Callable, Hashable
from typing import TypeVar

__all__ = ["once"]

T = TypeVar("T")


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
