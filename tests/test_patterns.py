"""Every pattern goes through persnews._patterns, whose time limit turns a
runaway match into MatchTimeoutError instead of a hang."""

from __future__ import annotations

import ast
import pickle
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import persnews
from persnews import MatchTimeoutError, PersnewsError, _patterns

PACKAGE = Path(persnews.__file__).parent
#: the module-level functions of ``regex`` that compile or match
MATCHING = {
    "compile",
    "match",
    "fullmatch",
    "search",
    "finditer",
    "findall",
    "sub",
    "subf",
    "subn",
    "split",
    "splititer",
    "template",
}
#: exponential backtracking even in ``regex``
RUNAWAY = r"(x+x+)+y"


def _calls(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import | ast.ImportFrom):
            names = [alias.name for alias in node.names]
            module = node.module if isinstance(node, ast.ImportFrom) else None
            if "re" in names or module == "re" or (module == "regex" and set(names) & MATCHING):
                found.append(f"{path.name}:{node.lineno}: import of re or regex functions")
        elif (
            isinstance(node, ast.Attribute)
            and isinstance(node.value, ast.Name)
            and node.value.id == "regex"
            and node.attr in MATCHING
        ):
            found.append(f"{path.name}:{node.lineno}: regex.{node.attr}")
    return found


def test_no_module_matches_outside_the_time_limit() -> None:
    modules = sorted(PACKAGE.glob("*.py"))
    assert len(modules) > 20
    offending = [call for path in modules if path.name != "_patterns.py" for call in _calls(path)]
    assert offending == [], "compile patterns with persnews._patterns.compile"


def test_the_check_sees_direct_calls(tmp_path: Path) -> None:
    module = tmp_path / "m.py"
    module.write_text("import re\nimport regex\nfrom regex import sub\nregex.compile('a')\n")
    assert len(_calls(module)) == 3


@pytest.fixture
def tight(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(_patterns, "SECONDS", 0.05)
    monkeypatch.setattr(_patterns, "SECONDS_PER_CHAR", 0.0)


CALLS: list[Callable[[_patterns.Pattern, str], object]] = [
    lambda p, s: p.match(s),
    lambda p, s: p.fullmatch(s),
    lambda p, s: p.search(s),
    lambda p, s: list(p.finditer(s)),
    lambda p, s: p.findall(s),
    lambda p, s: p.sub("", s),
    lambda p, s: p.split(s),
]


@pytest.mark.parametrize("call", CALLS)
def test_a_runaway_pattern_raises_a_clear_error(tight: None, call: Callable[..., object]) -> None:
    pattern = _patterns.compile(RUNAWAY, name="tests.runaway")
    with pytest.raises(MatchTimeoutError) as caught:
        call(pattern, "x" * 5000)
    error = caught.value
    assert isinstance(error, TimeoutError)
    assert isinstance(error, PersnewsError)
    assert (error.pattern, error.length) == ("tests.runaway", 5000)
    assert "tests.runaway" in str(error)
    assert "5,000 characters" in str(error)
    assert "smaller pieces" in str(error)
    assert error.__cause__ is None
    assert error.__suppress_context__


def test_work_between_matches_is_not_charged_to_the_pattern(tight: None) -> None:
    pattern = _patterns.compile(r"\w+")
    count = 0
    for _ in pattern.finditer("یک دو سه چهار"):
        deadline = time.process_time() + 0.04  # the caller works longer than the limit
        while time.process_time() < deadline:
            count += 1
    assert count


def test_the_limit_grows_with_the_text(monkeypatch: pytest.MonkeyPatch) -> None:
    pattern = _patterns.compile("a")
    monkeypatch.setattr(_patterns, "SECONDS", 1.0)
    monkeypatch.setattr(_patterns, "SECONDS_PER_CHAR", 1e-5)
    assert pattern._limit("") == 1.0
    assert pattern._limit("x" * 1_000_000) == pytest.approx(11.0)


def test_the_default_name_is_the_compiling_module() -> None:
    assert _patterns.compile("a").name == __name__
    assert "persnews." in repr(persnews.normalize.__globals__["_ARABIC_LETTER"])


def test_a_pattern_behaves_like_regex() -> None:
    pattern = _patterns.compile(r"(\d)(\d)?")
    assert pattern.pattern == r"(\d)(\d)?"
    assert pattern.match("x12", 1).group() == "12"  # type: ignore[union-attr]
    assert pattern.match("x12", 1, 2).group() == "1"  # type: ignore[union-attr]
    assert pattern.fullmatch("12") is not None
    assert pattern.search("ab۳").group() == "۳"  # type: ignore[union-attr]
    assert [m.span() for m in pattern.finditer("1 23 4", 1)] == [(2, 4), (5, 6)]
    assert pattern.findall("1 23") == [("1", ""), ("2", "3")]
    assert pattern.sub(lambda m: "#", "1 23", 1) == "# 23"
    assert pattern.split("a1b") == ["a", "1", None, "b"]


def test_the_error_survives_pickling() -> None:
    error = MatchTimeoutError(pattern="persnews.dates", length=10, seconds=2.0)
    back = pickle.loads(pickle.dumps(error))
    assert (back.pattern, back.length, back.seconds) == ("persnews.dates", 10, 2.0)
    assert str(back) == str(error)


def test_analyze_turns_a_timeout_into_the_error(
    monkeypatch: pytest.MonkeyPatch, example_article: str
) -> None:
    persnews.analyze(example_article)  # everything loaded first
    monkeypatch.setattr(_patterns, "SECONDS", 1e-9)
    monkeypatch.setattr(_patterns, "SECONDS_PER_CHAR", 0.0)
    with pytest.raises(MatchTimeoutError, match="persnews"):
        persnews.analyze(example_article * 20)
    monkeypatch.undo()
    assert persnews.analyze(example_article).tokens  # and nothing is left broken


@given(st.text(st.characters(blacklist_characters="[\\")))
def test_a_pattern_without_classes_or_escapes_is_one_character_a_piece(pattern: str) -> None:
    """What trie_pattern takes for granted to cut such word patterns without a scan."""
    assert _patterns._PIECE.findall(pattern) == list(pattern)
