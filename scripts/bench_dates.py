"""Speed of persnews.find_dates against parstdex 1.3.1, measured in the same run.

    python scripts/bench_dates.py [--articles N] [--output F]

1. Per article: ``find_dates(text)`` on raw text (normalization included) and on a
   text normalized beforehand, against ``Parstdex().extract_span(text)``, on the
   same news articles of 2,000–2,600 characters from ../shared/data/news.
2. Startup in a fresh interpreter: from ``import persnews`` to the end of the first
   ``find_dates`` call; parstdex's from import to a built ``Parstdex()``.
3. For scale: ``normalize`` alone on the same articles, as a share of the time the
   raw-text target allows (parstdex's / 100), and from ``import persnews`` to the end
   of a first ``normalize`` (hazm's word lists are read then).
4. Where the startup goes (:func:`startup_parts`), stage by stage in one fresh
   interpreter: importing ``persnews.dates`` and what it imports, reading hazm's
   lexicon, the rest of a first ``normalize``, the Nowruz table, the rest of the
   first ``find_dates`` (the patterns of the rules the sentence may match), and, for
   scale, compiling every other rule; and the startup with both costs taken away as
   far as a cache on disk could (:func:`startup_with_caches`, an experiment that the
   library does not do: every pattern loaded from a pickle of the compiled patterns,
   hazm's lexicon from a ``marshal`` file).

Targets (issue #4): find_dates ≥ 100× faster than parstdex on raw text; startup
≤ 0.2 s.  Writes bench-results/bench_dates.json; exit status 0 if every target is
met, 1 if one is missed, 2 if the corpus or parstdex is absent.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from benchkit import best_pass, finish

ROOT = Path(__file__).resolve().parent.parent
NEWS = ROOT.parent / "shared" / "data" / "news"
OUTPUT = ROOT / "bench-results" / "bench_dates.json"
STARTUP = """
import time, sys
start = time.perf_counter()
if sys.argv[1] == "persnews":
    import persnews
    persnews.find_dates("در ۴ آبان ۱۳۹۹ و دیروز", published="2021-11-23")
elif sys.argv[1] == "normalize":
    import persnews
    persnews.normalize("در ۴ آبان ۱۳۹۹ و دیروز")
else:
    from parstdex import Parstdex
    Parstdex().extract_span("در ۴ آبان ۱۳۹۹ و دیروز")
print(time.perf_counter() - start)
"""


PARTS = """
import json, time
marks = [time.perf_counter()]
import persnews.dates
marks.append(time.perf_counter())
from persnews import _hazm
_hazm.lexicon()
marks.append(time.perf_counter())
import persnews
persnews.normalize("در ۴ آبان ۱۳۹۹ و دیروز")
marks.append(time.perf_counter())
from persnews import calendar
calendar._table()
marks.append(time.perf_counter())
persnews.find_dates("در ۴ آبان ۱۳۹۹ و دیروز", published="2021-11-23")
marks.append(time.perf_counter())
from persnews._daterules import rules
for rule in rules():
    rule.compiled
marks.append(time.perf_counter())
print(json.dumps([later - earlier for earlier, later in zip(marks, marks[1:])]))
"""
#: the stages of :data:`PARTS`, in order
PART_NAMES = ("imports", "lexicon", "normalize", "nowruz_table", "find_dates", "other_rules")
#: run in a fresh interpreter: every pattern persnews compiles while finding dates in
#: the articles given (a JSON file of texts), and every rule's, pickled compiled; and
#: hazm's lexicon, as ``marshal`` data
MAKE_CACHES = """
import json, marshal, pickle, sys
import attrs
from persnews import _hazm, _patterns
compiled = {}
compile_ = _patterns.compile
def keep(pattern, flags=0, *, name=None):
    made = compile_(pattern, flags, name=name or "persnews")
    compiled[(pattern, flags)] = made.compiled
    return made
_patterns.compile = keep
import persnews
from persnews._daterules import rules
for text in json.load(open(sys.argv[1], encoding="utf-8")):
    persnews.find_dates(text, published="2021-11-23")
for rule in rules():
    rule.compiled
open(sys.argv[2], "wb").write(pickle.dumps(compiled))
open(sys.argv[3], "wb").write(marshal.dumps(attrs.asdict(_hazm.lexicon(), recurse=False)))
"""
CACHED = """
import time, sys
start = time.perf_counter()
import marshal, pickle
import persnews
from persnews import _hazm, _patterns
compiled = pickle.loads(open(sys.argv[1], "rb").read())
compile_ = _patterns.compile
def cached(pattern, flags=0, *, name=None):
    found = compiled.get((pattern, flags))
    if found is None:
        return compile_(pattern, flags, name=name or "persnews")
    return _patterns.Pattern(found, name or "persnews")
_patterns.compile = cached
lexicon = _hazm.Lexicon(**marshal.loads(open(sys.argv[2], "rb").read()))
_hazm.lexicon = lambda: lexicon
persnews.find_dates("در ۴ آبان ۱۳۹۹ و دیروز", published="2021-11-23")
print(time.perf_counter() - start)
"""


def articles(count: int) -> list[str]:
    texts = []
    for path in sorted(NEWS.glob("*.jsonl")):
        with path.open(encoding="utf-8") as lines:
            for line in lines:
                text = json.loads(line)["text"]
                if 2000 <= len(text) <= 2600:
                    texts.append(text)
                if len(texts) >= count:
                    return texts
    return texts


def _fresh(script: str, *args: str) -> str:
    """The output of ``script`` in a fresh interpreter, its bytecode cached in
    bench-results/pycache (the first run of a script fills the cache)."""
    env = {key: value for key, value in os.environ.items() if key != "PYTHONDONTWRITEBYTECODE"}
    env["PYTHONPYCACHEPREFIX"] = str(ROOT / "bench-results" / "pycache")
    out = subprocess.run(
        [sys.executable, "-c", script, *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    return out.stdout


def _median(values: list[float]) -> float:
    return sorted(values)[len(values) // 2]


def startup(which: str, runs: int) -> float:
    _fresh(STARTUP, which)  # fills the bytecode cache
    return _median([float(_fresh(STARTUP, which)) for _ in range(runs)])


def startup_parts(runs: int) -> dict[str, float]:
    """Seconds of each stage of :data:`PARTS`, the median of ``runs`` fresh
    interpreters (after one that fills the bytecode cache)."""
    _fresh(PARTS)
    measured = [json.loads(_fresh(PARTS)) for _ in range(runs)]
    return {
        name: _median([run[index] for run in measured]) for index, name in enumerate(PART_NAMES)
    }


def startup_with_caches(texts: list[str], runs: int) -> float:
    """The startup of :func:`startup` with every compiled pattern and hazm's lexicon
    loaded from files made beforehand (the median of ``runs``): what caches on disk
    could give at best, for scale. The library keeps no such cache."""
    folder = ROOT / "bench-results" / "startup_caches"
    folder.mkdir(parents=True, exist_ok=True)
    sample, patterns, lexicon = (folder / name for name in ("texts.json", "patterns", "lexicon"))
    sample.write_text(json.dumps(texts, ensure_ascii=False), encoding="utf-8")
    _fresh(MAKE_CACHES, str(sample), str(patterns), str(lexicon))
    _fresh(CACHED, str(patterns), str(lexicon))
    return _median([float(_fresh(CACHED, str(patterns), str(lexicon))) for _ in range(runs)])


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=30)
    parser.add_argument("--output", type=Path, default=OUTPUT)
    args = parser.parse_args(argv)
    texts = articles(args.articles)
    if not texts:
        print(f"bench_dates: no articles in {NEWS}; nothing measured", file=sys.stderr)
        return 2
    try:
        from parstdex import Parstdex
    except ImportError:
        print("bench_dates: parstdex is not installed (pip install '.[bench]')", file=sys.stderr)
        return 2
    from persnews import find_dates, normalize

    find_dates(texts[0])
    model = Parstdex()
    model.extract_span(texts[0])
    docs = [normalize(text) for text in texts]
    doc_of = dict(zip(texts, docs, strict=True))
    raw = best_pass(find_dates, texts, 5) / len(texts)
    normalized = best_pass(lambda text: find_dates(doc_of[text]), texts, 5) / len(texts)
    alone = best_pass(normalize, texts, 5) / len(texts)
    theirs = best_pass(model.extract_span, texts, 1) / len(texts)
    ours_start, their_start = startup("persnews", 3), startup("parstdex", 1)
    normalize_start = startup("normalize", 3)
    results: dict[str, Any] = {
        "articles": len(texts),
        "mean_chars": sum(map(len, texts)) / len(texts),
        "find_dates_ms": raw * 1000,
        "find_dates_on_normalized_ms": normalized * 1000,
        "parstdex_ms": theirs * 1000,
        "ratio": theirs / raw,
        "ratio_on_normalized": theirs / normalized,
        "startup_s": ours_start,
        "parstdex_startup_s": their_start,
        # for scale: what normalization alone takes of the raw-text target's time
        # (parstdex / 100) and of the startup target
        "normalize_ms": alone * 1000,
        "normalize_share_of_target": alone / (theirs / 100),
        "normalize_startup_s": normalize_start,
        # where the startup goes, and what caches on disk could take away (not done)
        **{f"startup_{name}_s": value for name, value in startup_parts(3).items()},
        "startup_with_caches_s": startup_with_caches(texts, 3),
    }
    checks = [
        ("find_dates vs parstdex (raw text)", results["ratio"], ">=", 100.0),
        ("find_dates startup, seconds", ours_start, "<=", 0.2),
    ]
    return finish(results, checks, args.output)


if __name__ == "__main__":
    sys.exit(main())
