"""Speed and memory of persnews, each figure against an anchor measured in the same run.

    python scripts/bench.py [--limit N] [--quick] [--no-big] [--repeat N] [--corpus F] [--output F]

Reads ../shared/data/news/ir_news.jsonl (next to the repository), prints a table
and writes bench-results/bench.json.  Measurements:

1. throughput on the corpus: the persnews pipeline against hazm's
   (normalize, sentences, words), chars/s and their ratio; the two take turns
   by blocks of 50 articles, so the machine's drift reaches both alike;
2. ``import persnews`` in a fresh interpreter, against the empty interpreter;
   hazm, scikit-learn and nltk must not be imported; for scale, ``import
   persnews`` and then every public name (they load on first use);
3. ``analyze()`` (everything) against the same hazm pipeline, ms per article,
   taking turns in the same way; and, on the first 300 articles, the floor of
   ``analyze`` as built: what it cannot do without — normalization, sentences
   and tokens, ``find_dates``, and crfsuite's own ``set`` + ``tag`` of the
   sentences' attributes (made beforehand, untimed) — each step added in turn,
   against the same anchor (best of three rounds);
4. cold start (import + first ``analyze`` of examples/article.txt) and its peak
   memory above the empty interpreter; ``import hazm`` and ``hazm.Normalizer()``
   for scale;
5. cost per character from 1 KB to 1 MB (no quadratic step), and one 10 MB text.

Exit status: 0 if every target is met, 1 if one is missed, 2 if the corpus is absent.
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import hashlib
import json
import math
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from benchkit import BLOCK, best_by_turns, by_turns, crfsuite_tagging

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
CORPUS = SHARED / "data" / "news" / "ir_news.jsonl"
EXAMPLE = ROOT / "examples" / "article.txt"
OUTPUT = ROOT / "bench-results" / "bench.json"
#: children keep their bytecode here (as an installed package would have it), even when
#: PYTHONDONTWRITEBYTECODE is set, and write nothing into the source tree
PYCACHE = ROOT / "bench-results" / "pycache"

QUICK_LIMIT = 300
#: the articles the floor of analyze() is measured on (their attributes are kept)
FLOOR_ARTICLES = 300
#: persnews passes over the corpus are repeated (best taken) below this many characters
CHEAP_CHARS = 2_000_000
SCALING_SIZES = {"1 KB": 1_000, "10 KB": 10_000, "100 KB": 100_000, "1 MB": 1_000_000}
BIG_SIZE = 10_000_000
#: a timed run of a small input repeats it until it lasts this long (timer and noise)
MIN_RUN_SECONDS = 0.2
SUBPROCESS_RUNS = 7
COLD_RUNS = 3
HEAVY_MODULES = ("hazm", "sklearn", "nltk")

Pipeline = Callable[[str], object]

EMPTY_CHILD = "pass"
IMPORT_CHILD = f"""
import sys, time
start = time.perf_counter()
import persnews
elapsed = time.perf_counter() - start
print(elapsed, *[name for name in {HEAVY_MODULES!r} if name in sys.modules])
"""
#: ``import persnews``, then every public name: all that loads on first use (no target)
API_CHILD = """
import time
start = time.perf_counter()
import persnews
for name in persnews.__all__:
    getattr(persnews, name)
print(time.perf_counter() - start)
"""
COLD_CHILD = """
import sys
import persnews
with open(sys.argv[1], encoding="utf-8") as handle:
    persnews.analyze(handle.read())
"""
HAZM_CHILD = """
import time
start = time.perf_counter()
import hazm
imported = time.perf_counter()
hazm.Normalizer()
print(imported - start, time.perf_counter() - imported)
"""


@dataclasses.dataclass(frozen=True)
class Target:
    """One pass/fail figure: ``measured`` against ``limit``."""

    name: str
    measured: float
    limit: float
    unit: str
    at_least: bool = False

    @property
    def passed(self) -> bool:
        if self.at_least:
            return self.measured >= self.limit
        return self.measured <= self.limit

    def as_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "measured": self.measured,
            "comparison": ">=" if self.at_least else "<=",
            "target": self.limit,
            "unit": self.unit,
            "passed": self.passed,
        }


@dataclasses.dataclass(frozen=True)
class Child:
    """One finished fresh interpreter."""

    wall: float  # seconds, from spawn to exit
    maxrss_mb: float  # the child's peak resident set size
    stdout: str


def source_digest() -> str:
    """sha256 of persnews/**/*.py, to tie figures to the code measured (the tree may be dirty)."""
    digest = hashlib.sha256()
    for path in sorted((ROOT / "persnews").rglob("*.py")):
        digest.update(path.relative_to(ROOT).as_posix().encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


def git_commit() -> str | None:
    try:
        out = subprocess.run(
            ["git", "rev-parse", "HEAD"], cwd=ROOT, capture_output=True, text=True, check=True
        )
    except (OSError, subprocess.CalledProcessError):
        return None
    return out.stdout.strip()


def progress(message: str) -> None:
    print(f"[bench] {message}", file=sys.stderr, flush=True)


# -- inputs -----------------------------------------------------------------------------


def load_articles(path: Path) -> list[str]:
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line)["text"] for line in handle if line.strip()]


def concatenated(articles: Sequence[str], size: int) -> str:
    """About ``size`` characters of articles separated by blank lines, cut at a space."""
    parts: list[str] = []
    total = 0
    while total < size:
        for article in articles:
            parts.append(article)
            total += len(article) + 2
            if total >= size:
                break
    text = "\n\n".join(parts)
    cut = max(text.rfind(" ", 0, size), text.rfind("\n", 0, size))
    return text[: cut if cut > size // 2 else size]


# -- fresh interpreters -----------------------------------------------------------------


def child_env() -> dict[str, str]:
    env = {key: value for key, value in os.environ.items() if key != "PYTHONDONTWRITEBYTECODE"}
    env["PYTHONPYCACHEPREFIX"] = str(PYCACHE)
    return env


def run_child(code: str, *args: str) -> Child:
    """Run ``python -c code args`` from the repository root; time it and read its peak RSS."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        proc = subprocess.Popen(
            [sys.executable, "-c", code, *args], cwd=ROOT, env=child_env(), stdout=out, stderr=err
        )
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
        if proc.returncode != 0:
            err.seek(0)
            raise RuntimeError(f"child failed ({proc.returncode}):\n{err.read().decode()}")
        out.seek(0)
        # ru_maxrss is in kilobytes on Linux
        return Child(wall, usage.ru_maxrss / 1024, out.read().decode())


def run_children(code: str, runs: int, *args: str) -> list[Child]:
    """``runs`` timed children after one untimed one (which fills the bytecode cache)."""
    run_child(code, *args)
    return [run_child(code, *args) for _ in range(runs)]


def median(values: Sequence[float]) -> float:
    return statistics.median(values)


def measure_import(runs: int) -> dict[str, Any]:
    empty = run_children(EMPTY_CHILD, runs)
    children = run_children(IMPORT_CHILD, runs)
    fields = [child.stdout.split() for child in children]
    heavy = sorted({name for row in fields for name in row[1:]})
    import_ms = median([float(row[0]) for row in fields]) * 1000
    startup_ms = median([child.wall for child in empty]) * 1000
    wall_ms = median([child.wall for child in children]) * 1000
    api_ms = median([float(child.stdout) for child in run_children(API_CHILD, runs)]) * 1000
    return {
        "runs": runs,
        "import_ms": import_ms,
        "import_and_every_public_name_ms": api_ms,
        "empty_interpreter_ms": startup_ms,
        "python_c_import_wall_ms": wall_ms,
        "wall_ratio_to_empty": wall_ms / startup_ms,
        "heavy_modules_imported": heavy,
    }


def measure_cold_start(runs: int) -> dict[str, Any]:
    empty = run_children(EMPTY_CHILD, runs)
    children = run_children(COLD_CHILD, runs, str(EXAMPLE))
    empty_rss = median([child.maxrss_mb for child in empty])
    peak_rss = max(child.maxrss_mb for child in children)
    startup = median([child.wall for child in empty])
    wall = median([child.wall for child in children])
    return {
        "runs": runs,
        "input": str(EXAMPLE.relative_to(ROOT)),
        "input_chars": len(EXAMPLE.read_text(encoding="utf-8")),
        "wall_s": wall,
        "empty_interpreter_s": startup,
        "ratio_to_empty": wall / startup,
        "peak_rss_mb": peak_rss,
        "empty_interpreter_rss_mb": empty_rss,
        "memory_above_empty_mb": peak_rss - empty_rss,
    }


def measure_hazm_startup(runs: int) -> dict[str, Any]:
    empty = run_children(EMPTY_CHILD, runs)
    children = run_children(HAZM_CHILD, runs)
    fields = [[float(value) for value in child.stdout.split()] for child in children]
    return {
        "runs": runs,
        "import_hazm_s": median([row[0] for row in fields]),
        "hazm_normalizer_s": median([row[1] for row in fields]),
        "wall_s": median([child.wall for child in children]),
        "memory_above_empty_mb": max(child.maxrss_mb for child in children)
        - median([child.maxrss_mb for child in empty]),
    }


# -- in-process timings -----------------------------------------------------------------


def persnews_pipeline() -> Pipeline:
    import persnews

    def run(text: str) -> object:
        doc = persnews.normalize(text)
        persnews.sentences(doc)
        return persnews.tokenize(doc)

    return run


def hazm_pipeline() -> Pipeline:
    from persnews import _hazm

    normalizer = _hazm.hazm_normalizer()
    sent_tokenize, word_tokenize = _hazm.hazm_tokenizers()

    def run(text: str) -> object:
        normalized = normalizer(text)
        sent_tokenize(normalized)
        return word_tokenize(normalized)

    return run


def time_pass(pipeline: Pipeline, texts: Sequence[str]) -> float:
    """Seconds for one pass of ``pipeline`` over ``texts`` (collector running)."""
    return by_turns([pipeline], texts, block=max(len(texts), 1))[0]


def best_of_3(pipeline: Pipeline, text: str) -> tuple[float, int]:
    """Seconds per call: best of 3 runs, each of enough calls to last MIN_RUN_SECONDS."""
    loops = max(1, math.ceil(MIN_RUN_SECONDS / max(time_pass(pipeline, [text]), 1e-9)))
    best = min(time_pass(pipeline, [text] * loops) for _ in range(3))
    return best / loops, loops


def measure_throughput(texts: Sequence[str], repeat: int) -> dict[str, Any]:
    ours = persnews_pipeline()
    start = time.perf_counter()
    theirs = hazm_pipeline()
    hazm_setup = time.perf_counter() - start
    ours(texts[0])  # warm-up: lazy tables, regex compilation
    theirs(texts[0])
    chars = sum(len(text) for text in texts)
    ours_best = theirs_best = float("inf")
    for rep in range(repeat):  # interleaved, so both see the same machine load
        progress(f"throughput pass {rep + 1}/{repeat}: persnews and hazm on {chars:,} chars")
        ours_s, theirs_s = by_turns([ours, theirs], texts)
        ours_best, theirs_best = min(ours_best, ours_s), min(theirs_best, theirs_s)
    timing = "one pass" if repeat == 1 else f"best of {repeat} passes"
    return {
        "articles": len(texts),
        "chars": chars,
        "passes": repeat,
        "timing": f"{timing}, interleaved by blocks of {BLOCK} articles",
        "hazm_setup_s": hazm_setup,
        "persnews_s": ours_best,
        "hazm_s": theirs_best,
        "persnews_chars_per_s": chars / ours_best,
        "hazm_chars_per_s": chars / theirs_best,
        "ratio": theirs_best / ours_best,
    }


def load_published(path: Path) -> list[str | None]:
    """The publication date of each article (ISO date or None), in corpus order."""
    with path.open(encoding="utf-8") as handle:
        dates = [json.loads(line).get("published") for line in handle if line.strip()]
    return [date[:10] if date else None for date in dates]


def measure_analyze(texts: Sequence[str], published: Sequence[str | None]) -> dict[str, Any]:
    """``analyze()`` (everything, with the publication date) against hazm's
    normalize + sent_tokenize + word_tokenize on the same articles, one pass each,
    taking turns by blocks (:func:`benchkit.by_turns`)."""
    import persnews

    theirs = hazm_pipeline()
    persnews.analyze(texts[0], published=published[0])  # warm-up: model, tables, rules
    theirs(texts[0])
    articles = list(zip(texts, published, strict=True))

    def analyze(article: tuple[str, str | None]) -> object:
        return persnews.analyze(article[0], published=article[1])

    def anchor(article: tuple[str, str | None]) -> object:
        return theirs(article[0])

    progress(f"analyze and hazm (anchor), interleaved: {len(texts):,} articles")
    ours, hazm_s = by_turns([analyze, anchor], articles)
    return {
        "articles": len(texts),
        "analyze_s": ours,
        "hazm_s": hazm_s,
        "analyze_ms_per_article": ours / len(texts) * 1000,
        "hazm_ms_per_article": hazm_s / len(texts) * 1000,
        "ratio": ours / hazm_s,
    }


def measure_analyze_floor(texts: Sequence[str], published: Sequence[str | None]) -> dict[str, Any]:
    """The least ``analyze()`` could cost as built, against hazm's pipeline: the
    steps it cannot skip, each added to the ones before (so each one's cost is a
    difference), taking turns with the anchor, best of three rounds.

    1. ``normalize`` + ``sentences`` (the tokens come with them);
    2. + ``find_dates`` on that normalization, with the publication date;
    3. + crfsuite's ``set`` + ``tag`` of every sentence's attributes, made
       beforehand and not timed (the CRF's own inference; ``find_entities``
       also builds those attributes, reads gazetteers and links names).

    Numbers, titles, relations and the entities' own steps are left out: the
    floor is what remains if they cost nothing.
    """
    import persnews

    theirs = hazm_pipeline()
    crfsuite = crfsuite_tagging(texts)
    articles = list(zip(texts, published, strict=True))

    def cut(article: tuple[str, str | None]) -> object:
        return persnews.sentences(persnews.normalize(article[0]))

    def dated(article: tuple[str, str | None]) -> object:
        doc = persnews.normalize(article[0])
        persnews.sentences(doc)
        return persnews.find_dates(doc, published=article[1])

    def tagged(article: tuple[str, str | None]) -> object:
        dated(article)
        crfsuite(article[0])
        return None

    def anchor(article: tuple[str, str | None]) -> object:
        return theirs(article[0])

    for function in (tagged, anchor):
        function(articles[0])
    progress(f"floor of analyze, steps added in turn, and hazm: {len(texts):,} articles x 3")
    times = best_by_turns([cut, dated, tagged, anchor], articles, 3)
    per = 1000 / len(texts)
    hazm_s = times[3]
    return {
        "articles": len(texts),
        "timing": "best of 3 rounds, interleaved by blocks",
        "sentences_ms_per_article": times[0] * per,
        "plus_find_dates_ms_per_article": times[1] * per,
        "plus_crfsuite_ms_per_article": times[2] * per,
        "hazm_ms_per_article": hazm_s * per,
        "ratio_sentences": times[0] / hazm_s,
        "ratio_plus_find_dates": times[1] / hazm_s,
        "ratio": times[2] / hazm_s,
    }


def chunks(text: str, size: int) -> list[str]:
    """``text`` in pieces of about ``size`` characters, each cut at a space or line break."""
    pieces = []
    start = 0
    while start < len(text):
        end = start + size
        if end < len(text):
            cut = max(text.rfind(" ", start, end), text.rfind("\n", start, end))
            end = cut if cut > start else end
        pieces.append(text[start:end])
        start = end
    return pieces


def time_size(pipeline: Pipeline, label: str, text: str, size: int) -> dict[str, Any]:
    """Best of 3 below 1 MB, one run from 1 MB up."""
    progress(f"scaling: {label} ({len(text):,} chars)")
    if size < SCALING_SIZES["1 MB"]:
        seconds, loops = best_of_3(pipeline, text)
        timing = f"best of 3 runs of {loops} call{'s' if loops > 1 else ''}"
    else:
        seconds, timing = time_pass(pipeline, [text]), "one run"
    return {
        "chars": len(text),
        "timing": timing,
        "seconds": seconds,
        "us_per_char": seconds / len(text) * 1e6,
    }


def measure_scaling(articles: Sequence[str], big: bool) -> dict[str, Any]:
    pipeline = persnews_pipeline()
    megabyte = concatenated(articles, SCALING_SIZES["1 MB"])
    # persnews memoizes per-word decisions (LRU caches); fill them for this text first,
    # so every size below (all prefixes of it) is timed with the same caches
    progress("scaling: warm-up on 1 MB")
    pipeline(megabyte)
    rows = {
        label: time_size(pipeline, label, concatenated(articles, size), size)
        for label, size in SCALING_SIZES.items()
    }
    # the same megabyte cut into 1 KB pieces: separates length from content
    pieces = chunks(megabyte, SCALING_SIZES["1 KB"])
    progress(f"scaling: 1 MB as {len(pieces):,} pieces of 1 KB")
    seconds = time_pass(pipeline, pieces)
    chars = sum(len(piece) for piece in pieces)
    split = {"pieces": len(pieces), "chars": chars, "seconds": seconds}
    split["us_per_char"] = seconds / chars * 1e6
    if big:
        rows["10 MB"] = time_size(pipeline, "10 MB", concatenated(articles, BIG_SIZE), BIG_SIZE)
    whole = rows["1 MB"]["us_per_char"]
    return {
        "sizes": rows,
        "ratio_1mb_to_1kb": whole / rows["1 KB"]["us_per_char"],
        "1mb_in_1kb_pieces": split,
        "ratio_1mb_whole_to_pieces": whole / split["us_per_char"],
    }


# -- report -----------------------------------------------------------------------------


def targets(results: dict[str, Any]) -> list[Target]:
    imp, cold = results["import"], results["cold_start"]
    return [
        Target("throughput persnews/hazm", results["throughput"]["ratio"], 1.0, "x", True),
        Target("analyze() time / hazm pipeline", results["analyze"]["ratio"], 2.0, "x"),
        Target("import persnews", imp["import_ms"], 150.0, "ms"),
        Target("heavy modules after import", len(imp["heavy_modules_imported"]), 0, "modules"),
        Target("cold start (import + analyze)", cold["wall_s"], 1.5, "s"),
        Target("cold start memory above empty", cold["memory_above_empty_mb"], 250.0, "MB"),
        Target("per-char cost 1 MB / 1 KB", results["scaling"]["ratio_1mb_to_1kb"], 2.0, "x"),
    ]


def table(results: dict[str, Any], checks: Sequence[Target]) -> str:
    tp, imp, an = results["throughput"], results["import"], results["analyze"]
    fl = results["analyze_floor"]
    cold, hz, sc = results["cold_start"], results["hazm_startup"], results["scaling"]
    load = results["load_average_at_start"], results["load_average_at_end"]
    rows = [
        ("load average (1 min) at start, end", f"{load[0][0]:.2f}, {load[1][0]:.2f}"),
        (f"throughput, {tp['articles']:,} articles, {tp['chars']:,} chars ({tp['timing']})", ""),
        ("  persnews", f"{tp['persnews_chars_per_s']:,.0f} chars/s ({tp['persnews_s']:.1f} s)"),
        ("  hazm (anchor)", f"{tp['hazm_chars_per_s']:,.0f} chars/s ({tp['hazm_s']:.1f} s)"),
        ("  ratio persnews/hazm", f"{tp['ratio']:.2f}"),
        (
            f"analyze(), everything, {an['articles']:,} articles"
            f" (one pass, interleaved by blocks of {BLOCK} articles)",
            "",
        ),
        ("  persnews analyze()", f"{an['analyze_ms_per_article']:.1f} ms/article"),
        ("  hazm pipeline (anchor)", f"{an['hazm_ms_per_article']:.1f} ms/article"),
        ("  ratio analyze/hazm (time)", f"{an['ratio']:.2f}"),
        (
            f"floor of analyze(), {fl['articles']:,} articles ({fl['timing']}), ms/article",
            "",
        ),
        (
            "  normalize + sentences",
            f"{fl['sentences_ms_per_article']:.1f} ({fl['ratio_sentences']:.2f} x hazm)",
        ),
        (
            "  + find_dates",
            f"{fl['plus_find_dates_ms_per_article']:.1f}"
            f" ({fl['ratio_plus_find_dates']:.2f} x hazm)",
        ),
        (
            "  + crfsuite set/tag (attributes made beforehand)",
            f"{fl['plus_crfsuite_ms_per_article']:.1f} ({fl['ratio']:.2f} x hazm)",
        ),
        ("  hazm pipeline (anchor)", f"{fl['hazm_ms_per_article']:.1f}"),
        (f"import persnews (median of {imp['runs']})", f"{imp['import_ms']:.0f} ms"),
        ("  empty interpreter (anchor)", f"{imp['empty_interpreter_ms']:.0f} ms"),
        ("  python -c 'import persnews'", f"{imp['python_c_import_wall_ms']:.0f} ms"),
        (
            "  import persnews, then every public name (loaded on first use)",
            f"{imp['import_and_every_public_name_ms']:.0f} ms",
        ),
        ("  heavy modules imported", ", ".join(imp["heavy_modules_imported"]) or "none"),
        (f"cold start, import + analyze (median of {cold['runs']})", f"{cold['wall_s']:.2f} s"),
        ("  empty interpreter (anchor)", f"{cold['empty_interpreter_s']:.3f} s"),
        ("  peak memory above empty", f"{cold['memory_above_empty_mb']:.0f} MB"),
        ("  empty interpreter peak (anchor)", f"{cold['empty_interpreter_rss_mb']:.0f} MB"),
        (f"hazm for scale (median of {hz['runs']})", ""),
        ("  import hazm", f"{hz['import_hazm_s']:.2f} s"),
        ("  hazm.Normalizer()", f"{hz['hazm_normalizer_s']:.2f} s"),
        ("  memory above empty", f"{hz['memory_above_empty_mb']:.0f} MB"),
        ("cost per character, persnews pipeline", ""),
    ]
    for label, row in sc["sizes"].items():
        call = f"{row['seconds']:.3f} s per call, {row['timing']}"
        value = f"{row['us_per_char']:.2f} µs/char ({call})"
        rows.append((f"  {label} ({row['chars']:,} chars)", value))
    rows.append(("  ratio 1 MB / 1 KB", f"{sc['ratio_1mb_to_1kb']:.2f}"))
    split = sc["1mb_in_1kb_pieces"]
    value = f"{split['us_per_char']:.2f} µs/char ({split['seconds']:.3f} s, one run)"
    rows.append((f"  1 MB as {split['pieces']:,} pieces of 1 KB (anchor)", value))
    rows.append(("  ratio 1 MB whole / in pieces", f"{sc['ratio_1mb_whole_to_pieces']:.2f}"))
    rows.append(("targets", ""))
    for check in checks:
        sign = "≥" if check.at_least else "≤"
        verdict = "pass" if check.passed else "FAIL"
        value = f"{check.measured:.4g} {check.unit} (target {sign} {check.limit:g}) {verdict}"
        rows.append((f"  {check.name}", value))
    width = max(len(label) for label, _ in rows) + 2
    return "\n".join(f"{label:<{width}}{value}".rstrip() for label, value in rows)


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--limit", type=int, help="use only the first N articles for throughput")
    parser.add_argument("--quick", action="store_true", help=f"--limit {QUICK_LIMIT} --no-big")
    parser.add_argument("--big", action=argparse.BooleanOptionalAction, default=True)
    parser.add_argument("--repeat", type=int, help="throughput passes (default: 1, or 2 if cheap)")
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--output", type=Path, default=OUTPUT)
    args = parser.parse_args(argv)
    if args.quick:
        args.limit = args.limit or QUICK_LIMIT
        args.big = False
    for name in ("limit", "repeat"):
        if getattr(args, name) is not None and getattr(args, name) < 1:
            parser.error(f"--{name} must be at least 1")
    return args


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    if not args.corpus.is_file():
        print(
            f"bench: corpus not found: {args.corpus}\n"
            f"bench: the benchmark needs the shared data folder next to the repository "
            f"({SHARED}); nothing was measured",
            file=sys.stderr,
        )
        return 2
    articles = load_articles(args.corpus)
    texts = articles[: args.limit] if args.limit else articles
    chars = sum(len(text) for text in texts)
    repeat = args.repeat or (2 if chars <= CHEAP_CHARS else 1)

    results: dict[str, Any] = {
        "date": dt.datetime.now().astimezone().isoformat(timespec="seconds"),
        "machine": {
            "python": platform.python_version(),
            "platform": platform.platform(),
            "cpus": os.cpu_count(),
        },
        "options": {"limit": args.limit, "big": args.big, "repeat": repeat},
        "corpus": str(args.corpus),
        "git_commit": git_commit(),
        "persnews_source_sha256": source_digest(),
        "load_average_at_start": os.getloadavg(),
    }
    progress("import persnews in fresh interpreters")
    results["import"] = measure_import(SUBPROCESS_RUNS)
    progress("cold start in fresh interpreters")
    results["cold_start"] = measure_cold_start(COLD_RUNS)
    progress("import hazm and hazm.Normalizer() in fresh interpreters")
    results["hazm_startup"] = measure_hazm_startup(1 if args.quick else COLD_RUNS)
    results["throughput"] = measure_throughput(texts, repeat)
    published = load_published(args.corpus)[: len(texts)]
    results["analyze"] = measure_analyze(texts, published)
    floor = min(FLOOR_ARTICLES, len(texts))
    results["analyze_floor"] = measure_analyze_floor(texts[:floor], published[:floor])
    results["scaling"] = measure_scaling(articles, args.big)

    results["load_average_at_end"] = os.getloadavg()
    if source_digest() != results["persnews_source_sha256"]:
        results["warning"] = "persnews/ changed during the run; the figures mix two versions"
        progress(results["warning"])
    checks = targets(results)
    results["targets"] = [check.as_dict() for check in checks]
    results["passed"] = all(check.passed for check in checks)
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n")
    print(table(results, checks))
    print(f"\nwrote {args.output}")
    if not results["passed"]:
        failed = ", ".join(check.name for check in checks if not check.passed)
        print(f"bench: target missed: {failed}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
