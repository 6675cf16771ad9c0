"""Developer tasks: nox -s tests | lint | typing | docs | bench."""

from __future__ import annotations

import os
from pathlib import Path

import nox

nox.options.sessions = ["tests", "lint", "typing", "docs"]
nox.options.reuse_existing_virtualenvs = True
nox.options.error_on_missing_interpreters = True

PYTHON = "3.11"
ROOT = Path(__file__).parent


@nox.session(python=PYTHON)
def tests(session: nox.Session) -> None:
    """Run the test suite against the installed (not the source-tree) package."""
    session.install(".[test]")
    # run from tests/ so the source tree's persnews/ is not importable: a data file
    # missing from the wheel fails here, not at a user's desk
    session.chdir(ROOT / "tests")
    session.run(
        "pytest",
        "-p",
        "no:cacheprovider",
        "--rootdir",
        str(ROOT),
        "-c",
        str(ROOT / "pyproject.toml"),
        *session.posargs,
        env={"PERSNEWS_TEST_INSTALLED": "1"},
    )


@nox.session(python=PYTHON)
def lint(session: nox.Session) -> None:
    """ruff check and format check."""
    session.install("ruff")
    session.run("ruff", "check", "persnews", "tests", "scripts", "noxfile.py")
    session.run("ruff", "format", "--check", "persnews", "tests", "scripts", "noxfile.py")


@nox.session(python=PYTHON)
def typing(session: nox.Session) -> None:
    """mypy --strict on the package."""
    session.install("-e", ".", "mypy", "types-regex")
    session.run("mypy")


@nox.session(python=PYTHON)
def docs(session: nox.Session) -> None:
    """Run every example in docs/ and build the site offline (mkdocs --strict)."""
    session.install("-e", ".[docs,test]")
    session.run("pytest", "-p", "no:cacheprovider", "--doctest-glob=*.md", "docs", "README.md")
    session.run("mkdocs", "build", "--strict", "--site-dir", str(ROOT / "build" / "site"))


@nox.session(python=PYTHON)
def bench(session: nox.Session) -> None:
    """Speed and memory against hazm on ../shared/data/news (ratios in one run)."""
    session.install("-e", ".[bench]")
    session.run("python", "scripts/bench.py", *session.posargs, env=dict(os.environ))
