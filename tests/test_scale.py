"""The Dask and PySpark recipes of docs/batch.md, run as the programs in scripts/
on a few articles: every record comes out once and equals analyze()."""

from __future__ import annotations

import importlib.util
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "article.txt"


def _input(tmp_path: Path) -> Path:
    texts = [
        EXAMPLE.read_text(encoding="utf-8"),
        "دیروز در تهران باران آمد.",
        "سرگئی لاوروف وزیر امور خارجه روسیه با حسین امیرعبداللهیان دیدار کرد.",
        "",
    ]
    path = tmp_path / "in.jsonl"
    with path.open("w", encoding="utf-8") as stream:
        for number, text in enumerate(texts * 2):
            record = {"id": f"r{number}", "text": text, "published": "1402/07/17"}
            stream.write(json.dumps(record, ensure_ascii=False) + "\n")
    return path


def _run(script: str, source: Path, out: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(ROOT / "scripts" / f"{script}.py"), str(source), "--out", str(out)],
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )


@pytest.mark.skipif(
    importlib.util.find_spec("distributed") is None,
    reason="needs dask[distributed] (pip install 'persnews[test]')",
)
def test_dask_recipe(tmp_path: Path) -> None:
    done = _run("scale_dask", _input(tmp_path), tmp_path / "out")
    assert done.returncode == 0, done.stderr
    assert "dask: 8 articles" in done.stdout
    assert len(list((tmp_path / "out").glob("*.jsonl"))) >= 1


@pytest.mark.skipif(
    importlib.util.find_spec("pyspark") is None or shutil.which("java") is None,
    reason="needs pyspark and Java (nox -s scale installs pyspark)",
)
def test_spark_recipe(tmp_path: Path) -> None:
    done = _run("scale_spark", _input(tmp_path), tmp_path / "out")
    assert done.returncode == 0, done.stderr[-3000:]
    assert "spark: 8 articles" in done.stdout
