"""Shared fixtures: where ../shared is, and a skip with a reason where it is not."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest
import strategies  # noqa: F401  (registers and loads the hypothesis profiles)

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("PERSNEWS_SHARED", ROOT.parent / "shared"))
EXAMPLES = ROOT / "examples"


def shared_path(*parts: str) -> Path:
    """Path under ../shared, or skip the test with a clear reason."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"needs {path} (the read-only ../shared folder beside the project)")
    return path


@pytest.fixture(scope="session")
def seed() -> tuple[str, dict[str, Any]]:
    text = shared_path("examples", "seed_article.txt").read_text(encoding="utf-8")
    expected = json.loads(shared_path("examples", "seed_article.expected.json").read_text("utf-8"))
    return text, expected


@pytest.fixture(scope="session")
def news_sample() -> list[dict[str, Any]]:
    """Every 25th article of ../shared/data/news (about 260 articles)."""
    articles = []
    for name in ("ir_news.jsonl", "fars_news.jsonl"):
        with shared_path("data", "news", name).open(encoding="utf-8") as lines:
            articles += [json.loads(line) for i, line in enumerate(lines) if i % 25 == 0]
    return articles


@pytest.fixture(scope="session")
def example_article() -> str:
    return (EXAMPLES / "article.txt").read_text(encoding="utf-8")


def script(name: str) -> Any:
    """scripts/<name>.py as a module (the evaluation code tests share), or skip."""
    import importlib.util

    path = ROOT / "scripts" / f"{name}.py"
    spec = importlib.util.spec_from_file_location(f"persnews_scripts_{name}", path)
    if not path.exists() or spec is None or spec.loader is None:
        pytest.skip(f"needs {path}")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module
