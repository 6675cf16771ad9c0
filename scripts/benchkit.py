"""What the bench_*.py scripts share: a timing loop and the report of targets."""

from __future__ import annotations

import gc
import json
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

#: (name, measured, ">=" or "<=", limit)
Check = tuple[str, float, str, float]


def best_pass(function: Callable[[str], object], texts: Sequence[str], runs: int) -> float:
    """Seconds for one pass of ``function`` over ``texts``, the best of ``runs``
    (garbage collector paused)."""
    best = float("inf")
    for _ in range(runs):
        gc.collect()
        gc.disable()
        try:
            start = time.perf_counter()
            for text in texts:
                function(text)
            best = min(best, time.perf_counter() - start)
        finally:
            gc.enable()
    return best


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
