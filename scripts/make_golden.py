"""Regenerate tests/golden/seed_sentences.json from the seed article.

The golden file records sentence boundaries (offsets, token counts and a
digest of each sentence's text) — not the text, which is not ours to copy.
Run it only after checking that a change in sentence splitting is an
improvement:

    python scripts/make_golden.py
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import persnews

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT.parent / "shared" / "examples" / "seed_article.txt"
TARGET = ROOT / "tests" / "golden" / "seed_sentences.json"


def digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def main() -> int:
    text = SEED.read_text(encoding="utf-8")
    sentences = [
        {"start": s.start, "end": s.end, "tokens": len(s.tokens), "sha256_16": digest(s.text)}
        for s in persnews.sentences(text)
    ]
    TARGET.parent.mkdir(exist_ok=True)
    TARGET.write_text(json.dumps({"sentences": sentences}, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {TARGET.relative_to(ROOT)}: {len(sentences)} sentences")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
