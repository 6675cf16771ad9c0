"""docs/tutorial.ipynb: committed without outputs, and the same cells as
scripts/make_tutorial.py writes (nox -s docs executes it)."""

from __future__ import annotations

import json
from pathlib import Path

from conftest import script

NOTEBOOK = Path(__file__).resolve().parent.parent / "docs" / "tutorial.ipynb"


def _book() -> dict:  # type: ignore[type-arg]
    return json.loads(NOTEBOOK.read_text(encoding="utf-8"))


def test_notebook_is_stripped() -> None:
    for cell in _book()["cells"]:
        if cell["cell_type"] == "code":
            assert cell["outputs"] == []
            assert cell["execution_count"] is None


def test_notebook_matches_its_source() -> None:
    cells = script("make_tutorial").CELLS
    book = _book()["cells"]
    assert [(c["cell_type"], "".join(c["source"])) for c in book] == cells
