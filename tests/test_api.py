"""The public surface, lazy loading, and the installed package's data files."""

from __future__ import annotations

import os
import subprocess
import sys
from importlib import resources
from pathlib import Path

import pytest

import persnews

ROOT = Path(__file__).resolve().parent.parent


def test_exact_public_surface() -> None:
    assert sorted(persnews.__all__) == sorted(
        [
            "Argument",
            "Article",
            "Attribution",
            "DateMention",
            "Entity",
            "HijriDate",
            "InputTypeError",
            "InvalidDateError",
            "InvalidOffsetError",
            "InvalidValueError",
            "JalaliDate",
            "MatchTimeoutError",
            "Meeting",
            "NormalizedText",
            "NumberMention",
            "PersnewsError",
            "Quote",
            "Relations",
            "Role",
            "Sentence",
            "Span",
            "Token",
            "UnsupportedDateError",
            "__version__",
            "analyze",
            "find_dates",
            "find_entities",
            "find_numbers",
            "find_relations",
            "find_titles",
            "normalize",
            "parse_number",
            "pipe",
            "brat_conf",
            "from_brat",
            "from_conll",
            "read_jsonl",
            "to_brat",
            "to_conll",
            "to_displacy",
            "write_jsonl",
            "render",
            "render_mentions",
            "sentences",
            "tokenize",
        ]
    )
    for name in persnews.__all__:
        assert hasattr(persnews, name), name


def test_calendar_public_surface() -> None:
    from persnews import calendar

    assert sorted(calendar.__all__) == sorted(
        [
            "HIJRI_MONTHS",
            "JALALI_MONTHS",
            "WEEKDAYS",
            "HijriCalendar",
            "HijriDate",
            "JalaliDate",
            "is_leap",
            "is_provisional",
            "month_length",
            "reference_date",
            "supported_years",
            "to_gregorian",
            "to_gregorian_array",
            "to_jalali",
            "to_jalali_array",
        ]
    )
    for name in calendar.__all__:
        assert hasattr(calendar, name), name


def test_version_comes_from_package_metadata() -> None:
    from importlib.metadata import version

    assert persnews.__version__ == version("persnews")


def test_import_does_not_load_hazm_or_lexicons() -> None:
    code = (
        "import sys, persnews\n"
        "heavy = [m for m in ('hazm', 'sklearn', 'nltk', 'numpy', 'gensim') if m in sys.modules]\n"
        "from persnews import _hazm\n"
        "assert _hazm.lexicon.cache_info().currsize == 0\n"
        "print(heavy)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"


def test_analysis_does_not_import_hazm() -> None:
    code = (
        "import sys, persnews\npersnews.analyze('سلام. خداحافظ.')\nprint('hazm' in sys.modules)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "False"


def test_only_the_adapter_imports_hazm() -> None:
    for path in resources.files("persnews").iterdir():
        if path.name.endswith(".py") and path.name != "_hazm.py":
            source = path.read_text(encoding="utf-8")
            assert "import hazm" not in source, path.name
            assert "\nimport re\n" not in source, path.name
            assert "from re import" not in source, path.name


def test_data_files_ship_with_the_package() -> None:
    data = resources.files("persnews").joinpath("data")
    assert data.joinpath("nowruz.tsv").is_file()
    assert resources.files("persnews").joinpath("py.typed").is_file()


@pytest.mark.skipif(
    os.environ.get("PERSNEWS_TEST_INSTALLED") != "1", reason="only under nox -s tests"
)
def test_tests_run_against_the_installed_package() -> None:
    installed = Path(persnews.__file__).resolve().parent
    assert installed != ROOT / "persnews"
    assert "site-packages" in installed.parts
