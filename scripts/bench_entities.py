"""Speed and memory of persnews.find_entities, against hazm in the same run.

    python scripts/bench_entities.py [--articles N] [--output F]

1. Speed: ``find_entities(text)`` on raw text (normalization and tokenization
   included) against hazm 0.10's ``Normalizer().normalize`` + ``sent_tokenize``
   + ``word_tokenize`` on the same articles of ../shared/data/news/ir_news.jsonl
   (best of three rounds, the two taking turns by blocks of 50 articles, garbage
   collector paused).
2. Memory: the peak resident size of a fresh interpreter that imports persnews
   and runs ``analyze`` on one article (model loaded), minus that of an empty
   interpreter.

3. Scale: the time for 40,000 names in one text over the time for 10,000.
4. For scale, the floor of find_entities as built (crfsuite on persnews tokens): ``sentences(text)``
   (normalization and tokenization, which find_entities needs first) plus
   crfsuite's own ``set`` + ``tag`` of those sentences' attributes with the
   shipped model (the attributes made beforehand, untimed), taking turns with
   hazm as in 1.  ``floor_ratio`` (hazm / that) is the most find_entities could
   reach if every other step of it cost nothing.

Targets (issue #5): find_entities no slower than hazm (ratio hazm/persnews
≥ 1.0); peak memory ≤ 250 MB above an empty interpreter; linear time (the
growth for 4× the names ≤ 5). Writes
bench-results/bench_entities.json; exit status 0 if every target is met, 1 if
one is missed, 2 if the corpus is absent.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from benchkit import best_by_turns, best_pass, crfsuite_tagging, finish

ROOT = Path(__file__).resolve().parent.parent
NEWS = ROOT.parent / "shared" / "data" / "news" / "ir_news.jsonl"
OUTPUT = ROOT / "bench-results" / "bench_entities.json"
# VmHWM, not ru_maxrss: Linux carries ru_maxrss over exec() from the (large) parent
PEAK = """
import sys
if sys.argv[1] == "analyze":
    import persnews
    persnews.analyze(open(sys.argv[2], encoding="utf-8").read(), published="2021-11-23")
status = open("/proc/self/status").read().split("VmHWM:")[1]
print(status.split()[0])
"""


def articles(count: int) -> list[str]:
    """Every k-th article of ir_news.jsonl, ``count`` of them."""
    with NEWS.open(encoding="utf-8") as lines:
        texts = [json.loads(line)["text"] for line in lines]
    step = max(1, len(texts) // count)
    return texts[::step][:count]


def peak_kib(*args: str) -> int:
    out = subprocess.run(
        [sys.executable, "-c", PEAK, *args], cwd=ROOT, capture_output=True, text=True, check=True
    )
    return int(out.stdout)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=300)
    parser.add_argument("--output", type=Path, default=OUTPUT)
    args = parser.parse_args(argv)
    if not NEWS.exists():
        print(f"bench_entities: {NEWS} is absent; nothing measured", file=sys.stderr)
        return 2
    texts = articles(args.articles)
    from persnews import _hazm, find_entities

    normalizer = _hazm.hazm_normalizer()
    sent_tokenize, word_tokenize = _hazm.hazm_tokenizers()

    def hazm_pipeline(text: str) -> object:  # as scripts/bench.py runs it
        normalized = normalizer(text)
        sent_tokenize(normalized)
        return word_tokenize(normalized)

    find_entities(texts[0])
    hazm_pipeline(texts[0])
    ours, theirs = best_by_turns([find_entities, hazm_pipeline], texts, 3, pause_gc=True)
    cut, tagging, floor_hazm = measure_floor(texts, hazm_pipeline)
    floor = cut + tagging
    entities = sum(len(find_entities(text)) for text in texts)
    # linear time: 10,000 and 40,000 names in one text
    small, large = ("تهران و مشهد و شیراز و تبریز. " * n for n in (2_500, 10_000))
    growth = best_pass(find_entities, [large], 3) / best_pass(find_entities, [small], 3)
    one = ROOT / "examples" / "article.txt"
    above = (peak_kib("analyze", str(one)) - peak_kib("empty")) / 1024
    chars = sum(map(len, texts))
    results: dict[str, Any] = {
        "articles": len(texts),
        "chars": chars,
        "entities": entities,
        "find_entities_s": ours,
        "find_entities_chars_per_s": chars / ours,
        "hazm_s": theirs,
        "hazm_chars_per_s": chars / theirs,
        "ratio": theirs / ours,
        "floor_sentences_s": cut,
        "floor_crfsuite_s": tagging,
        "floor_hazm_s": floor_hazm,
        "floor_ratio": floor_hazm / floor,
        "peak_mb_above_empty": above,
        "time_growth_4x_names": growth,
    }
    checks = [
        ("find_entities speed vs hazm normalize+tokenize", results["ratio"], ">=", 1.0),
        ("analyze peak memory above an empty interpreter, MB", above, "<=", 250.0),
        ("time for 4x the names, times the time (linear: 4)", growth, "<=", 5.0),
    ]
    per = 1e3 / len(texts)
    print(
        f"for scale, ms an article: sentences {cut * per:.2f} + crfsuite set/tag alone"
        f" {tagging * per:.2f}, hazm {floor_hazm * per:.2f}: a CRF on persnews tokens"
        f" reaches at most {floor_hazm / floor:.2f} of hazm's speed",
        file=sys.stderr,
    )
    return finish(results, checks, args.output)


def measure_floor(
    texts: Sequence[str], hazm_pipeline: Callable[[str], object]
) -> tuple[float, float, float]:
    """Seconds (best of three by-turns rounds) over ``texts`` for ``sentences``, for
    crfsuite's ``set`` + ``tag`` alone on those sentences' attributes, and for the
    hazm pipeline."""
    from persnews import sentences

    crfsuite = crfsuite_tagging(texts)
    cut, tagging, theirs = best_by_turns(
        [sentences, crfsuite, hazm_pipeline], texts, 3, pause_gc=True
    )
    return cut, tagging, theirs


if __name__ == "__main__":
    sys.exit(main())
