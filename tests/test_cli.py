"""The command line: JSON, --pretty, and one-line errors without tracebacks."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

import persnews.article
from persnews.cli import main

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "article.txt"


def test_analyze_writes_json(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["analyze", str(EXAMPLE), "--published", "1402/07/17"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["published"] == "2023-10-09"
    text = EXAMPLE.read_text(encoding="utf-8")
    assert data["text"] == text
    assert len(data["sentences"]) > 5
    for sentence in data["sentences"]:
        for token in sentence["tokens"]:
            assert text[token["start"] : token["end"]] == token["text"]


def test_pretty_view(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["analyze", str(EXAMPLE), "--pretty", "--published", "2023-10-09"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("published: 2023-10-09\n")
    assert "[1] 0:" in out
    assert "word" in out


def test_pretty_view_lists_relations_with_both_calendars(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    article = tmp_path / "a.txt"
    article.write_text(
        "به گزارش ایرنا، سرگئی لاوروف وزیر امور خارجه روسیه روز دوشنبه با "
        "حسین امیرعبداللهیان دیدار کرد و گفت: «ما آماده‌ایم.»",
        encoding="utf-8",
    )
    assert main(["analyze", str(article), "--format", "pretty", "--published", "2021-11-23"]) == 0
    out = capsys.readouterr().out
    for heading in ("dates:", "entities:", "roles:", "quotes:", "attributions:", "meetings:"):
        assert f"\n{heading}\n" in out
    assert "2021-11-22 = 1400-09-01 AP" in out  # Gregorian and Jalali
    assert "\u2068سرگئی لاوروف\u2069" in out  # Persian text isolated from the numbers


def test_format_json_is_the_default(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["analyze", str(EXAMPLE), "--format", "json"]) == 0
    first = capsys.readouterr().out
    assert main(["analyze", str(EXAMPLE)]) == 0
    assert capsys.readouterr().out == first
    assert json.loads(first)["schema_version"] == persnews.article.SCHEMA_VERSION


def test_reads_standard_input(monkeypatch: pytest.MonkeyPatch, capsys) -> None:  # type: ignore[no-untyped-def]
    class Stdin:
        buffer = __import__("io").BytesIO("\ufeffسلام.".encode())

    monkeypatch.setattr(sys, "stdin", Stdin)
    assert main(["analyze", "-"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["text"] == "سلام."


@pytest.mark.parametrize(
    ("arguments", "status", "message"),
    [
        (["analyze", "/no/such/file.txt"], 1, "cannot read /no/such/file.txt"),
        (["analyze", str(EXAMPLE), "--published", "1402/13/01"], 2, "invalid published"),
        (["analyze", str(EXAMPLE), "--bogus"], 2, "unrecognized arguments"),
        (["analyze"], 2, "give a FILE (or -), or --jsonl IN"),
        ([], 2, "required"),
    ],
)
def test_errors_are_one_line(
    arguments: list[str], status: int, message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(arguments) == status
    captured = capsys.readouterr()
    assert captured.out == ""
    assert message in captured.err
    assert captured.err.count("\n") == 1


def test_undecodable_bytes(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "cp1256.txt"
    path.write_bytes("سلام".encode("cp1256"))
    assert main(["analyze", str(path)]) == 1
    err = capsys.readouterr().err
    assert "is not UTF-8" in err
    assert "offset 0" in err


def test_module_and_console_script_run_without_traceback(tmp_path: Path) -> None:
    missing = tmp_path / "missing.txt"
    result = subprocess.run(
        [sys.executable, "-m", "persnews", "analyze", str(missing)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert result.stderr.strip() == f"persnews: cannot read {missing}: No such file or directory"
    ok = subprocess.run(
        [sys.executable, "-m", "persnews", "analyze", str(EXAMPLE), "--pretty"],
        capture_output=True,
        text=True,
        check=True,
    )
    assert "sentences:" in ok.stdout


def test_output_is_utf8_whatever_the_locale(tmp_path: Path) -> None:
    env = {**os.environ, "PYTHONIOENCODING": "latin-1"}
    done = subprocess.run(
        [sys.executable, "-m", "persnews", "analyze", str(EXAMPLE), "--pretty"],
        capture_output=True,
        env=env,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert "ایرنا".encode() in done.stdout
