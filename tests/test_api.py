"""The public surface, lazy loading, and the installed package's data files."""

from __future__ import annotations

import ast
import importlib
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


def run_fresh(code: str) -> str:
    """What ``code`` prints in a fresh interpreter."""
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    return result.stdout.strip()


def test_import_loads_no_module_of_the_package() -> None:
    code = (
        "import sys, persnews\n"
        "print(sorted(m for m in sys.modules if m.startswith(('persnews.', 'attr', 'regex'))))"
    )
    assert run_fresh(code) == "[]"


def test_a_name_loads_only_what_it_needs() -> None:
    code = (
        "import sys, persnews\n"
        "assert persnews.JalaliDate(1399, 8, 4).isoformat() == '1399-08-04'\n"
        "print(sorted(m for m in ('persnews._hazm', 'persnews.dates', 'persnews._ner',"
        " 'persnews.normalize', 'persnews.entities') if m in sys.modules))"
    )
    assert run_fresh(code) == "[]"


@pytest.mark.parametrize("name", sorted(set(persnews.__all__) - {"__version__"}))
def test_each_name_is_the_one_its_module_defines(name: str) -> None:
    module = importlib.import_module(persnews._LAZY[name])
    assert getattr(persnews, name) is getattr(module, name)


def test_normalize_stays_the_function_when_its_module_loads_first() -> None:
    """Loading the submodule persnews.normalize (tokenize needs it) sets it as an
    attribute of the package; the public name must stay the function."""
    code = (
        "import persnews\n"
        "persnews.tokenize('سلام')\n"
        "import persnews.normalize\n"
        "print(persnews.normalize('ي').text, callable(persnews.normalize))"
    )
    assert run_fresh(code) == "ی True"


def test_submodules_are_reached_as_attributes() -> None:
    code = "import persnews\nprint(persnews.calendar.to_jalali.__module__)"
    assert run_fresh(code) == "persnews.calendar"
    with pytest.raises(AttributeError, match="no attribute 'no_such_thing'"):
        persnews.no_such_thing  # noqa: B018


def test_from_import_and_star_import() -> None:
    code = (
        "from persnews import normalize, find_dates\n"
        "namespace = {}\n"
        "exec('from persnews import *', namespace)\n"
        "import persnews\n"
        "print(callable(normalize), find_dates.__module__,"
        " all(n in namespace for n in persnews.__all__))"
    )
    assert run_fresh(code) == "True persnews.dates True"


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


def test_what_analysis_keeps_costs_the_garbage_collector_little() -> None:
    """The word lists, model attributes and tables persnews keeps for the life of the
    process are containers the cyclic collector does not track (dicts of atoms,
    tuples), not sets or lists it would scan at every full collection of the user's
    program: after an analysis, no tracked container of 5,000 items or more."""
    code = (
        "import gc, persnews\n"
        "persnews.analyze('به گزارش ایرنا، علی رضایی وزیر کشور روز دوشنبه ۱۲ مهر ۱۴۰۲"
        " در تهران گفت: «کتابها و دیپلماتهای منطقهای میگویند.»', published='2023-10-04')\n"
        "gc.collect()\n"
        "big = [(type(o).__name__, len(o)) for o in gc.get_objects()\n"
        "       if isinstance(o, (set, frozenset, list, dict, tuple)) and len(o) >= 5000]\n"
        "print(big)"
    )
    assert run_fresh(code) == "[]"


def test_the_package_names_its_public_names_alike_in_its_three_lists() -> None:
    """``persnews/__init__.py`` lists each public name three times, for three readers
    that cannot share one list: the imports under TYPE_CHECKING (type checkers),
    ``_MODULES`` (the loader on first use) and ``__all__`` (a literal, for type
    checkers and ``import *``). They name the same names, from the same modules."""
    source = Path(persnews.__file__).read_text(encoding="utf-8")
    checking = next(
        node
        for node in ast.parse(source).body
        if isinstance(node, ast.If) and getattr(node.test, "id", None) == "TYPE_CHECKING"
    )
    imported = {
        alias.name: node.module
        for node in checking.body
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("persnews")
        for alias in node.names
    }
    assert imported == persnews._LAZY
    assert sorted(persnews.__all__) == sorted([*persnews._LAZY, "__version__"])
