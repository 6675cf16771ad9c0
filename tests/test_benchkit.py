"""The timing helper the benchmarks share (scripts/benchkit.py): what it runs, in what order."""

from __future__ import annotations

import gc
from typing import Any

import pytest
from conftest import script


@pytest.mark.parametrize("pause_gc", [False, True])
def test_by_turns_runs_each_function_once_on_every_text_taking_turns(pause_gc: bool) -> None:
    by_turns = script("benchkit").by_turns
    calls: list[tuple[str, int]] = []
    collecting: list[bool] = []

    def first(text: int) -> None:
        calls.append(("first", text))
        collecting.append(gc.isenabled())

    def second(text: int) -> None:
        calls.append(("second", text))

    was_enabled = gc.isenabled()
    times = by_turns([first, second], list(range(7)), block=3, pause_gc=pause_gc)
    assert len(times) == 2
    assert all(seconds >= 0 for seconds in times)
    # blocks 0-2, 3-5, 6: both functions on each block, the first to go alternating
    assert calls == [
        *[("first", i) for i in range(3)],
        *[("second", i) for i in range(3)],
        *[("second", i) for i in range(3, 6)],
        *[("first", i) for i in range(3, 6)],
        ("first", 6),
        ("second", 6),
    ]
    assert collecting == [not pause_gc and was_enabled] * 7
    assert gc.isenabled() == was_enabled


def test_by_turns_with_no_texts() -> None:
    assert script("benchkit").by_turns([len, len], []) == [0.0, 0.0]


def test_best_by_turns_keeps_each_functions_least_time(monkeypatch: pytest.MonkeyPatch) -> None:
    rounds = iter([[3.0, 1.0], [2.0, 4.0], [5.0, 0.5]])
    calls: list[tuple[int, int, bool]] = []

    def fake(functions: Any, texts: Any, *, block: int, pause_gc: bool) -> list[float]:
        calls.append((len(functions), block, pause_gc))
        return next(rounds)

    benchkit = script("benchkit")
    monkeypatch.setattr(benchkit, "by_turns", fake)
    assert benchkit.best_by_turns([len, len], ["a"], 3, block=7, pause_gc=True) == [2.0, 0.5]
    assert calls == [(2, 7, True)] * 3
