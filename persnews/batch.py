"""Many articles at once: :func:`pipe`, in order, optionally on several processes.

>>> from persnews import pipe
>>> texts = ["دیروز آمد.", "فردا می‌رود."]
>>> [a.dates[0].value.isoformat() for a in pipe(texts, published="2021-11-23")]
['2021-11-22', '2021-11-24']
>>> records = [{"id": "a1", "text": "امروز آمد.", "published": "1400/09/02"}]
>>> [(d["id"], d["dates"][0]["value"]) for d in pipe(records, as_dict=True)]
[('a1', '2021-11-23')]

With ``workers=2`` the articles are analyzed by two processes, each loading
hazm's word lists and the entity model once; the results come back in the
order the texts went in, whatever order they finish in.
"""

from __future__ import annotations

import collections
import datetime
import gc
import json
import pickle
from collections.abc import Iterable, Iterator, Mapping
from typing import TYPE_CHECKING, Any, Literal, overload

import attrs

from persnews.article import Article, analyze
from persnews.calendar import reference_date
from persnews.errors import InputTypeError, InvalidValueError, check_int
from persnews.text import no_collection

if TYPE_CHECKING:
    from concurrent.futures import Future

__all__ = ["pipe"]

#: a text, or a record ``{"id", "text", "published"}`` ("id" and "published" optional)
Item = str | Mapping[str, Any]


@attrs.frozen
class _Task:
    """One article to analyze: where it came from and what to analyze."""

    #: its position in the input, from 0
    index: int
    #: the record's "id", if it had one
    id: Any
    text: str
    published: datetime.date | None


@attrs.frozen
class _Outcome:
    """What became of one task: its result, or the error it raised."""

    index: int
    id: Any
    result: Article | dict[str, Any] | str | None = None
    #: what analysis raised (a persnews error, or a bug: any exception)
    error: Exception | None = None


def task(index: int, item: object, published: datetime.date | None = None) -> _Task:
    """Check one input item and make it a task; raise a typed error naming
    ``item[index]`` if it is not a text or a well-formed record."""
    if isinstance(item, str):
        return _Task(index, None, item, published)  # ``published`` was read by pipe()
    if not isinstance(item, Mapping):
        raise InputTypeError(
            argument=f"item {index}",
            expected='a str or a record {"id", "text", "published"}',
            got=type(item).__name__,
        )
    text = item.get("text")
    if not isinstance(text, str):
        if "text" not in item:
            raise InvalidValueError(
                field=f"item {index}", value=_short(item), valid='a record with a "text" field'
            )
        raise InputTypeError(
            argument=f'item {index} "text"', expected="str", got=type(text).__name__
        )
    own = item.get("published")
    if own is not None:
        own = reference_date(own, field=f'item {index} "published"')
    return _Task(index, item.get("id"), text, own if own is not None else published)


def _short(value: object) -> str:
    shown = repr(value)
    return shown if len(shown) <= 80 else shown[:77] + "..."


#: what a worker sends back: the Article, its to_dict(), or that as one JSON line
Form = Literal["article", "dict", "json"]


def run(task: _Task, form: Form) -> _Outcome:
    """Analyze one task; an exception is returned with the outcome, not raised,
    so one article cannot take a batch (or a worker) down with it."""
    try:
        article = analyze(task.text, published=task.published)
    except Exception as error:
        return _Outcome(task.index, task.id, error=error)
    if form == "article":
        return _Outcome(task.index, task.id, article)
    data = article.to_dict()
    if task.id is not None:
        data = {"id": task.id, **data}
    if form == "json":  # a str crosses between processes far faster than a dict
        return _Outcome(task.index, task.id, json.dumps(data, ensure_ascii=False))
    return _Outcome(task.index, task.id, data)


def _run_batch(tasks: list[_Task], form: Form) -> bytes:
    """Analyze a batch in a worker; the outcomes come back pickled by the worker
    itself, so that the parent unpickles them in :func:`_unpickled`, with the
    garbage collector paused, rather than in the pool's result thread."""
    return pickle.dumps([run(task, form) for task in tasks], pickle.HIGHEST_PROTOCOL)


def _unpickled(data: bytes) -> list[_Outcome]:
    """A batch's outcomes: thousands of records, none in a reference cycle,
    which the cyclic collector would otherwise scan again and again."""
    with no_collection():
        outcomes: list[_Outcome] = pickle.loads(data)  # sent by our own worker
    return outcomes


def _warm() -> None:
    """In each worker: load what analysis loads lazily (hazm's lists, the entity
    model) once; then set every object it has (those a forked worker shares with
    its parent too) aside from the cyclic collector, whose scans would otherwise
    write to each of them, copying the parent's memory page by page."""
    analyze("به گزارش ایرنا، علی رضایی وزیر کشور روز دوشنبه ۱۲ مهر ۱۴۰۲ گفت: «بله.»")
    gc.freeze()


def outcomes(
    tasks: Iterable[_Task],
    *,
    form: Form = "article",
    workers: int = 1,
    batch_size: int = 4,
    start_method: str | None = None,
) -> Iterator[_Outcome]:
    """Analyze ``tasks`` and yield one outcome per task, in input order.

    With ``workers > 1`` batches of ``batch_size`` tasks go to a pool of
    processes; at most ``2 * workers`` batches are in flight, so memory stays
    bounded however long ``tasks`` is.
    """
    if workers == 1:
        for item in tasks:
            yield run(item, form)
        return
    import multiprocessing  # not at import time: ``import persnews`` stays fast
    from concurrent.futures import ProcessPoolExecutor

    context = multiprocessing.get_context(start_method)
    pending: collections.deque[Future[bytes]] = collections.deque()
    with ProcessPoolExecutor(workers, mp_context=context, initializer=_warm) as pool:
        batch: list[_Task] = []
        failure: Exception | None = None
        iterator = iter(tasks)
        while True:
            try:
                item = next(iterator)
            except StopIteration:
                break
            except Exception as error:  # a bad item: what came before it comes out first
                failure = error
                break
            batch.append(item)
            if len(batch) == batch_size:
                pending.append(pool.submit(_run_batch, batch, form))
                batch = []
                while len(pending) >= 2 * workers:
                    yield from _unpickled(pending.popleft().result())
        if batch:
            pending.append(pool.submit(_run_batch, batch, form))
        while pending:
            yield from _unpickled(pending.popleft().result())
        if failure is not None:
            raise failure


@overload
def pipe(
    items: Iterable[Item],
    *,
    published: object = ...,
    workers: int = ...,
    batch_size: int = ...,
    as_dict: Literal[False] = ...,
    start_method: str | None = ...,
) -> Iterator[Article]: ...
@overload
def pipe(
    items: Iterable[Item],
    *,
    published: object = ...,
    workers: int = ...,
    batch_size: int = ...,
    as_dict: Literal[True],
    start_method: str | None = ...,
) -> Iterator[dict[str, Any]]: ...
def pipe(
    items: Iterable[Item],
    *,
    published: object = None,
    workers: int = 1,
    batch_size: int = 4,
    as_dict: bool = False,
    start_method: str | None = None,
) -> Iterator[Article] | Iterator[dict[str, Any]]:
    """Analyze many articles; yield one result per item, in input order.

    ``items`` are texts or records ``{"id": ..., "text": ..., "published": ...}``
    ("id" and "published" may be left out); it may be any iterable, a generator
    over a file of millions of lines included: it is read as results are
    needed.  ``published`` is the publication date of the texts that do not
    carry their own.  ``as_dict=True`` yields :meth:`Article.to_dict`
    dictionaries, with the record's ``"id"`` first when it has one (what you
    write to JSON Lines); otherwise :class:`Article` objects.

    ``workers > 1`` analyzes on that many processes (``start_method``:
    "fork", "spawn" or "forkserver"; the platform's default if ``None``).
    Each process loads hazm's word lists and the entity model once.
    ``batch_size`` texts travel to a process together.

    A bad item (not a text or a record, a record without "text", a bad
    "published") raises a typed error naming its position when the
    generator reaches it; the results before it have been yielded.
    """
    if isinstance(items, str | bytes | Mapping) or not isinstance(items, Iterable):
        raise InputTypeError(
            argument="items",
            expected="an iterable of texts or records (wrap a single text in a list)",
            got=type(items).__name__,
        )
    workers, batch_size = check_int(workers, "workers"), check_int(batch_size, "batch_size")
    if workers < 1:
        raise InvalidValueError(field="workers", value=workers, valid="an int >= 1")
    if batch_size < 1:
        raise InvalidValueError(field="batch_size", value=batch_size, valid="an int >= 1")
    import multiprocessing

    methods = multiprocessing.get_all_start_methods()
    if start_method is not None and start_method not in methods:
        raise InvalidValueError(
            field="start_method", value=start_method, valid=" or ".join(methods)
        )
    default = reference_date(published)  # a bad default fails now, before any work
    return _pipe(items, default, workers, batch_size, as_dict, start_method)


def _pipe(
    items: Iterable[Item],
    published: datetime.date | None,
    workers: int,
    batch_size: int,
    as_dict: bool,
    start_method: str | None,
) -> Iterator[Any]:
    tasks = (task(index, item, published) for index, item in enumerate(items))
    for outcome in outcomes(
        tasks,
        form="dict" if as_dict else "article",
        workers=workers,
        batch_size=batch_size,
        start_method=start_method,
    ):
        if outcome.error is not None:
            raise outcome.error
        yield outcome.result
