"""analyze() from many threads at once gives exactly the sequential results
(the entity model's tagger is shared, and holds one sentence at a time)."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import pytest

import persnews


@pytest.fixture
def busy_switching() -> Iterator[None]:
    """Switch threads every microsecond, so a race shows up in a short test."""
    interval = sys.getswitchinterval()
    sys.setswitchinterval(1e-6)
    yield
    sys.setswitchinterval(interval)


def test_eight_threads_equal_sequential(example_article: str, busy_switching: None) -> None:
    paragraphs = [p for p in example_article.split("\n") if p.strip()]
    texts = [*paragraphs, example_article] * 4
    expected = [persnews.analyze(text, published="1402/07/17") for text in texts]
    for _ in range(2):
        with ThreadPoolExecutor(8) as pool:
            got = list(pool.map(lambda t: persnews.analyze(t, published="1402/07/17"), texts))
        assert got == expected


#: run in a fresh interpreter: N threads start analysis at the same moment, on a
#: cold process (nothing loaded), while an audit hook counts the files opened
COLD_START = r"""
import collections, datetime, json, sys, threading
opened = collections.Counter()
def hook(event, args):
    if event == "open" and isinstance(args[0], str) and not args[0].endswith((".py", ".pyc")):
        opened[args[0]] += 1
sys.addaudithook(hook)
sys.setswitchinterval(1e-6)
import persnews
from persnews import calendar
texts = json.loads(sys.stdin.read())
threads = int(sys.argv[1])
barrier = threading.Barrier(threads)
results = [None] * threads
def work(index):
    barrier.wait()
    days = [datetime.date(1990, 1, 1) + datetime.timedelta(days=n * 37) for n in range(300)]
    jalali = [calendar.to_jalali(day) for day in days]
    back = [str(calendar.to_gregorian(*triple)) for triple in jalali]
    articles = [persnews.analyze(text, published="1402/07/17").to_dict() for text in texts]
    results[index] = [jalali, back, articles]
workers = [threading.Thread(target=work, args=(index,)) for index in range(threads)]
for worker in workers:
    worker.start()
for worker in workers:
    worker.join()
json.dump({"opened": opened, "results": results}, sys.stdout)
"""


def _cold_start(threads: int, texts: list[str]) -> dict[str, Any]:
    done = subprocess.run(
        [sys.executable, "-c", COLD_START, str(threads)],
        input=json.dumps(texts),
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    assert done.stderr == "", "no thread may fail"
    result: dict[str, Any] = json.loads(done.stdout)
    return result


def test_cold_start_in_eight_threads_loads_everything_once(example_article: str) -> None:
    """Eight threads on a cold process open every data file as often as one thread
    does (each loader builds once; the others wait) and get the same results."""
    texts = [example_article, example_article.split("\n")[0]]
    alone = _cold_start(1, texts)
    assert any(path.endswith(".crfsuite") for path in alone["opened"])
    assert any(path.endswith(".tsv") for path in alone["opened"])
    for _ in range(2):
        raced = _cold_start(8, texts)
        assert raced["opened"] == alone["opened"]
        assert raced["results"] == alone["results"] * 8
