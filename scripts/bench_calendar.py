"""Speed of persnews.calendar against jdatetime and persiantools, measured in the same run.

    python scripts/bench_calendar.py [--count N] [--output F]

One million random dates in 1300–1500 AP (seeded), converted:

1. scalar Jalali → Gregorian: ``persnews.calendar.to_gregorian(y, m, d)`` against
   ``jdatetime.date(y, m, d).togregorian()`` and
   ``persiantools.jdatetime.JalaliDate(y, m, d).to_gregorian()``;
2. scalar Gregorian → Jalali: ``to_jalali(date)`` against
   ``jdatetime.date.fromgregorian(date=date)`` and ``JalaliDate.to_jalali(date)``;
3. building ``JalaliDate(y, m, d)`` objects (validated), in dates per second;
4. the numpy path: ``to_gregorian_array`` and ``to_jalali_array`` on the whole array;
5. for scale, the ceiling of a scalar conversion in pure Python: a table lookup
   that checks nothing (:func:`ceilings`), against jdatetime.

Each figure is the best of 5 runs, interleaved (one run of each per round, so
the libraries in a ratio see the same machine load), with the garbage collector
paused as ``timeit`` does.  Targets: scalar ≥ 25× jdatetime and ≥ 5× persiantools (both directions);
JalaliDate ≥ 2 M/s; numpy ≥ 100 M/s Jalali → Gregorian and ≥ 20 M/s
Gregorian → Jalali.  Writes
bench-results/bench_calendar.json; exit status 0 if every target is met, 1 if not.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gc
import json
import platform
import random
import sys
import time
from collections.abc import Callable, Sequence
from itertools import starmap
from pathlib import Path
from typing import Any

import numpy as np

from persnews import calendar as cal

ROOT = Path(__file__).resolve().parent.parent
OUTPUT = ROOT / "bench-results" / "bench_calendar.json"
RUNS = 5


def timed(function: Callable[[], object]) -> float:
    """One run of ``function``, in seconds of process time.

    The cyclic garbage collector is paused while a run is timed, as ``timeit``
    does, for every library alike: otherwise the figures measure how many
    objects happen to be alive in this process.
    """
    gc.collect()
    gc.disable()
    try:
        start = time.process_time()
        function()
        return time.process_time() - start
    finally:
        gc.enable()


def best(runs: dict[str, Callable[[], object]]) -> dict[str, float]:
    """The fastest of RUNS runs of each function, in seconds.

    The runs are interleaved (one of each per round), so that the libraries
    compared in a ratio see the same load on a shared machine.
    """
    times: dict[str, list[float]] = {name: [] for name in runs}
    for _ in range(RUNS):
        for name, function in runs.items():
            times[name].append(timed(function))
    return {name: min(values) for name, values in times.items()}


def sample(count: int) -> list[tuple[int, int, int]]:
    rng = random.Random(1404)
    dates = []
    for _ in range(count):
        year, month = rng.randint(1300, 1500), rng.randint(1, 12)
        dates.append((year, month, rng.randint(1, cal.month_length(year, month))))
    return dates


def measure(count: int) -> dict[str, Any]:
    import jdatetime
    from persiantools.jdatetime import JalaliDate as PersiantoolsDate

    jalali = sample(count)
    gregorian = [cal.to_gregorian(*t) for t in jalali]
    results: dict[str, Any] = {"count": count}

    def rate(seconds: float) -> float:
        return count / seconds

    print(f"{count:,} random dates in 1300–1500 AP; best of {RUNS}", file=sys.stderr)
    runs: dict[str, Callable[[], object]] = {
        "to_gregorian": lambda: list(starmap(cal.to_gregorian, jalali)),
        "jdatetime to_gregorian": lambda: [jdatetime.date(*t).togregorian() for t in jalali],
        "persiantools to_gregorian": lambda: [PersiantoolsDate(*t).to_gregorian() for t in jalali],
        "to_jalali": lambda: list(map(cal.to_jalali, gregorian)),
        "jdatetime to_jalali": lambda: [jdatetime.date.fromgregorian(date=g) for g in gregorian],
        "persiantools to_jalali": lambda: list(map(PersiantoolsDate.to_jalali, gregorian)),
        "JalaliDate()": lambda: list(starmap(cal.JalaliDate, jalali)),
    }
    runs.update(ceilings(jalali, gregorian))
    years, months, days = (np.array(column, dtype=np.int64) for column in zip(*jalali, strict=True))
    stamps = np.array(gregorian, dtype="datetime64[D]")
    runs["to_gregorian_array"] = lambda: cal.to_gregorian_array(years, months, days)
    runs["to_jalali_array"] = lambda: cal.to_jalali_array(stamps)
    for name, seconds in best(runs).items():
        results[name] = rate(seconds)
        print(f"  {name:28s} {results[name] / 1e6:8.3f} M/s", file=sys.stderr)
    return results


def ceilings(
    jalali: list[tuple[int, int, int]], gregorian: list[dt.date]
) -> dict[str, Callable[[], object]]:
    """The fastest a scalar conversion can be in pure Python, for scale: a function
    that only looks its answer up in a table and checks nothing (no types, no
    ranges), called the way persnews's is.  Jalali → Gregorian: one table entry
    per month, ``month_start[y][m] + timedelta(days=d)`` (day 0 of the month as a
    ``date``, the timedeltas made beforehand); Gregorian → Jalali: one entry per day,
    ``table[date.toordinal() - first]``, a triple made beforehand for every day."""
    deltas = [dt.timedelta(days=day) for day in range(32)]
    bases = {
        year: (None, *(cal.to_gregorian(year, month, 1) - deltas[1] for month in range(1, 13)))
        for year in {year for year, _, _ in jalali}
    }
    first = min(gregorian).toordinal()
    days: list[tuple[int, int, int] | None] = [None] * (max(gregorian).toordinal() - first + 1)
    for date, triple in zip(gregorian, jalali, strict=True):
        days[date.toordinal() - first] = triple

    def to_gregorian(year: int, month: int, day: int) -> dt.date:
        return bases[year][month] + deltas[day]  # type: ignore[operator]

    def to_jalali(date: dt.date) -> tuple[int, int, int] | None:
        return days[date.toordinal() - first]

    return {
        "ceiling to_gregorian": lambda: list(starmap(to_gregorian, jalali)),
        "ceiling to_jalali": lambda: list(map(to_jalali, gregorian)),
    }


def targets(results: dict[str, Any]) -> list[tuple[str, float, str, bool]]:
    checks = []
    for direction in ("to_gregorian", "to_jalali"):
        for other, floor in (("jdatetime", 25.0), ("persiantools", 5.0)):
            ratio = results[direction] / results[f"{other} {direction}"]
            checks.append((f"{direction} / {other}", ratio, f"≥ {floor:g}×", ratio >= floor))
    for name, floor in (
        ("JalaliDate()", 2e6),
        ("to_gregorian_array", 100e6),
        ("to_jalali_array", 20e6),
    ):
        value = results[name]
        checks.append((name, value / 1e6, f"≥ {floor / 1e6:g} M/s", value >= floor))
    return checks


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=1_000_000)
    parser.add_argument("--output", type=Path, default=OUTPUT)
    args = parser.parse_args(argv)
    results = measure(args.count)
    checks = targets(results)
    print("\n| Measurement | Figure | Target | Result |\n|---|---|---|---|")
    for name, figure, target, met in checks:
        print(f"| {name} | {figure:,.2f} | {target} | {'met' if met else '**missed**'} |")
    print("\nFor scale, a table lookup that checks nothing (see ceilings()):")
    for direction in ("to_gregorian", "to_jalali"):
        ceiling = results[f"ceiling {direction}"] / results[f"jdatetime {direction}"]
        ours = results[direction] / results[f"ceiling {direction}"]
        results[f"ceiling {direction} / jdatetime"] = ceiling
        print(
            f"  {direction}: {ceiling:.1f}× jdatetime;"
            f" persnews's (validated) runs at {ours:.2f} of its speed"
        )
    results["targets"] = [
        {"name": name, "figure": figure, "target": target, "met": met}
        for name, figure, target, met in checks
    ]
    results["when"] = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
    results["machine"] = (
        f"{platform.machine()} {platform.system()} Python {platform.python_version()}"
    )
    args.output.parent.mkdir(exist_ok=True)
    args.output.write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n")
    return 0 if all(met for *_, met in checks) else 1


if __name__ == "__main__":
    sys.exit(main())
