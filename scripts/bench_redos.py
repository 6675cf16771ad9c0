"""Adversarial input: analyze() must take time in proportion to the text.

Each input repeats one troublesome piece — «, nested quotes, digits of two
scripts, ZWNJ, one letter, alternating Persian and Latin, chains of number
words joined by «و», lists, dates, titles — to 10 KB, 100 KB and 1 MB, and
runs the whole analysis (every pattern of the library, the tokenizer, the
entity model, the relation rules) on it.  The figure is the time per
character; a linear pipeline keeps it flat, so the target is on the ratio of
the 1 MB figure to the 10 KB one (issue #8: "the ratio must stay flat").

An input whose 100 KB figure is already 4× its 10 KB one is not run at 1 MB
(it would take hours if it is quadratic); its ratio is extrapolated and fails.
A pattern that runs out of time raises ``MatchTimeoutError``: also a failure.

    python scripts/bench_redos.py            # 10 KB, 100 KB, 1 MB
    python scripts/bench_redos.py --quick    # 10 KB and 100 KB
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from benchkit import best_pass, finish

OUTPUT = Path(__file__).resolve().parent.parent / "bench-results" / "redos.json"
PUBLISHED = "1402/07/17"
#: the ratio 1 MB / 10 KB of the time per character that counts as flat
FLAT = 2.0
#: at 100 KB, a ratio past this means the input is not linear: 1 MB is not run
GROWING = 4.0


def _repeat(piece: str) -> Callable[[int], str]:
    return lambda size: (piece * (size // len(piece) + 1))[:size]


def _nested(size: int) -> str:
    return "«" * (size // 2) + "»" * (size - size // 2)


def _quotes_inside_quotes(size: int) -> str:
    return _repeat("او گفت: «وزیر گفت: «")(size - size // 10) + "»" * (size // 10)


#: name -> text of a given size
INPUTS: dict[str, Callable[[int], str]] = {
    "repeated «": _repeat("«"),
    "nested « »": _nested,
    "quotes in quotes": _quotes_inside_quotes,
    "Persian digits": _repeat("۱"),
    "Latin digits": _repeat("7"),
    "digits and slashes": _repeat("۱۲/"),
    "ZWNJ": _repeat("\u200c"),
    "می‌ and ZWNJ": _repeat("می\u200c"),
    "Persian/Latin": _repeat("aب"),
    "Latin word, digits, dashes": _repeat("a1-"),
    "one letter": _repeat("ا"),
    "number words (و)": _repeat("بیست و "),
    "short number words (و)": _repeat("دو و "),
    "list of days": _repeat("۱۵، "),
    "dates": _repeat("۱۷ مهر ۱۴۰۲ و "),
    "titles": _repeat("وزیر "),
    "spaces": _repeat(" "),
    "dots": _repeat("."),
}


def _label(size: int) -> str:
    return f"{size // 1_000_000} MB" if size >= 1_000_000 else f"{size // 1000} KB"


def per_char(text: str, runs: int) -> float:
    """Microseconds per character of ``analyze(text)``, the best of ``runs``."""
    import persnews

    seconds = best_pass(lambda t: persnews.analyze(t, published=PUBLISHED), [text], runs)
    return seconds / len(text) * 1e6


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="10 KB and 100 KB only")
    parser.add_argument("--only", help="run the inputs whose name contains this")
    parser.add_argument("--output", type=Path, default=OUTPUT)
    args = parser.parse_args(argv)
    import persnews

    persnews.analyze("به گزارش ایرنا، وزیر کشور روز دوشنبه ۱۷ مهر ۱۴۰۲ گفت: «بله.»")
    sizes = [10_000, 100_000] if args.quick else [10_000, 100_000, 1_000_000]
    results: dict[str, object] = {}
    worst = ("", 0.0)
    failures: list[str] = []
    header = "".join(f"{_label(size):>11}" for size in sizes)
    print(f"{'µs per character':30s}{header}   ratio")
    for name, make in INPUTS.items():
        if args.only and args.only not in name:
            continue
        figures: list[float] = []
        try:
            for size in sizes:
                if len(figures) == 2 and figures[1] > GROWING * figures[0]:
                    figures.append(figures[1] * (figures[1] / figures[0]))  # extrapolated
                    failures.append(f"{name}: not linear (1 MB not run)")
                    break
                figures.append(per_char(make(size), runs=3 if size <= 10_000 else 1))
        except persnews.MatchTimeoutError as error:
            failures.append(f"{name}: {error}")
            print(f"{name:30s} MatchTimeoutError: {error}")
            worst = (name, float("inf"))
            continue
        ratio = figures[-1] / figures[0]
        cells = "".join(f"{figure:11.2f}" for figure in figures)
        print(f"{name:30s}{cells}   {ratio:5.2f}", flush=True)
        results[name] = {"us_per_char": figures, "ratio": ratio}
        if ratio > worst[1]:
            worst = (name, ratio)
    results["sizes"] = sizes
    results["worst_input"] = worst[0]
    for failure in failures:
        print(f"failure: {failure}", file=sys.stderr)
    largest = _label(sizes[-1])
    checks = [
        (f"time per character {largest} / 10 KB, worst input", worst[1], "<=", FLAT),
        ("inputs that timed out or grew faster than the text", float(len(failures)), "<=", 0),
    ]
    return finish(results, checks, args.output)


if __name__ == "__main__":
    raise SystemExit(main())
