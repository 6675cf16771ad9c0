"""What the bench_*.py scripts share: a timing loop and the report of targets."""

from __future__ import annotations

import gc
import json
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, TypeVar

#: what a timed function is given: a text, or a text and its publication date
Item = TypeVar("Item")
#: texts timed in a row before the next function runs on them (see by_turns)
BLOCK = 50

#: (name, measured, ">=" or "<=", limit)
Check = tuple[str, float, str, float]


def best_pass(function: Callable[[str], object], texts: Sequence[str], runs: int) -> float:
    """Seconds for one pass of ``function`` over ``texts``, the best of ``runs``
    (garbage collector paused)."""
    block = max(len(texts), 1)  # the whole pass in one block
    return best_by_turns([function], texts, runs, block=block, pause_gc=True)[0]


def best_by_turns(
    functions: Sequence[Callable[[Item], object]],
    texts: Sequence[Item],
    rounds: int,
    *,
    block: int = BLOCK,
    pause_gc: bool = False,
) -> list[float]:
    """The best (least) seconds of each of ``functions`` over ``rounds`` rounds of
    :func:`by_turns`."""
    times = [by_turns(functions, texts, block=block, pause_gc=pause_gc) for _ in range(rounds)]
    return [min(column) for column in zip(*times, strict=True)]


def by_turns(
    functions: Sequence[Callable[[Item], object]],
    texts: Sequence[Item],
    *,
    block: int = BLOCK,
    pause_gc: bool = False,
) -> list[float]:
    """Seconds each of ``functions`` takes for one pass over ``texts``, timed by
    turns: every function runs on a block of ``block`` texts before the next
    block, and the one that goes first changes from block to block.

    The machine's speed drifts by a third within minutes; timed one whole pass
    after the other, that drift goes into the ratio of two functions' times
    (0.89 to 1.17 over three rounds of the same code), while by turns both meet
    the same load (1.00 to 1.04).  ``pause_gc``: the garbage collector is paused
    while a block is timed (and run between blocks).
    """
    totals = [0.0] * len(functions)
    order = list(range(len(functions)))
    for begin in range(0, len(texts), block):
        part = texts[begin : begin + block]
        for which in order:
            function = functions[which]
            if pause_gc:
                gc.collect()
                gc.disable()
            try:
                start = time.perf_counter()
                for text in part:
                    function(text)
                totals[which] += time.perf_counter() - start
            finally:
                if pause_gc:
                    gc.enable()
        order.append(order.pop(0))
    return totals


def finish(results: dict[str, Any], checks: Sequence[Check], output: Path) -> int:
    """Write ``results`` with the targets to ``output``, print them, and return
    the exit status: 0 if every target is met, 1 if one is missed."""
    results["targets"] = [
        {"name": name, "measured": value, "target": f"{sign} {limit:g}"}
        for name, value, sign, limit in checks
    ]
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    for key, value in results.items():
        if key != "targets" and not isinstance(value, dict):
            print(f"{key:32s} {value:.4g}" if isinstance(value, float) else f"{key:32s} {value}")
    missed = [
        name
        for name, value, sign, limit in checks
        if (value < limit if sign == ">=" else value > limit)
    ]
    for name, value, sign, limit in checks:
        verdict = "missed" if name in missed else "met"
        print(f"target: {name}: {value:.3g} (target {sign} {limit:g}) {verdict}")
    return 1 if missed else 0


def crfsuite_tagging(texts: Sequence[str]) -> Callable[[str], None]:
    """crfsuite's own ``set`` + ``tag`` of each sentence of a text with the shipped
    model, the attributes of every sentence of ``texts`` made now (so the function
    times crfsuite alone): the floor of the entity model's inference."""
    from persnews import _ner, sentences

    tagger, known = _ner._model()
    attributes = {
        text: [
            _ner._items([token.norm for token in sentence.tokens], known)
            for sentence in sentences(text)
        ]
        for text in texts
    }

    def crfsuite(text: str) -> None:
        for items in attributes[text]:
            tagger.set(items)
            tagger.tag()

    return crfsuite
