"""Developer tasks: nox -s tests | lint | typing | docs | bench | fuzz | scale | build | visual."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import nox
from nox.command import CommandFailed

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
    session.install("-e", ".", "mypy", "types-regex", "types-tqdm")
    session.run("mypy")


@nox.session(python=PYTHON)
def docs(session: nox.Session) -> None:
    """Run every example in docs/, execute the tutorial notebook, and build the site
    offline (mkdocs --strict)."""
    session.install("-e", ".[docs,test]")
    session.run("pytest", "-p", "no:cacheprovider", "--doctest-glob=*.md", "docs", "README.md")
    session.run("python", "scripts/run_notebook.py", "docs/tutorial.ipynb")
    session.run("mkdocs", "build", "--strict", "--site-dir", str(ROOT / "build" / "site"))


@nox.session(python=PYTHON)
def bench(session: nox.Session) -> None:
    """Speed and memory: the text pipeline against hazm on ../shared/data/news, the
    calendar against jdatetime and persiantools, find_dates against parstdex,
    find_entities against hazm, pipe() on two workers against one (ratios
    in one run), and analyze() on adversarial input of 10 KB, 100 KB and 1 MB
    (the time per character must stay flat; --quick stops at 100 KB).  Arguments go to
    scripts/bench.py; with --quick the calendar uses 200,000 dates instead of 1,000,000."""
    session.install("-e", ".[bench]")
    env = dict(os.environ)
    count = ["--count", "200000"] if "--quick" in session.posargs else []
    quick = ["--quick"] if "--quick" in session.posargs else []
    missed = []
    for command in (
        ["python", "scripts/bench_calendar.py", *count],
        ["python", "scripts/bench_dates.py"],
        ["python", "scripts/bench_entities.py"],
        ["python", "scripts/bench_pipe.py"],
        ["python", "scripts/bench_redos.py", *quick],
        ["python", "scripts/bench.py", *session.posargs],
    ):
        try:
            session.run(*command, env=env)
        except CommandFailed:
            missed.append(command[1])
    if missed:
        session.error(f"targets missed or nothing measured: {', '.join(missed)}")


@nox.session(python=PYTHON)
def fuzz(session: nox.Session) -> None:
    """Every hypothesis property with 10,000 examples (HYPOTHESIS_PROFILE=fuzz),
    then the coverage-guided fuzzer (atheris) on analyze and find_dates for a
    bounded time each: ``nox -s fuzz -- --seconds 600`` (default 300).  Crash
    inputs go to build/fuzz/crashes/; each one found becomes a regression test
    in tests/test_fuzz_regressions.py."""
    session.install("-e", ".[test,fuzz]")
    seconds = "300"
    if "--seconds" in session.posargs:
        seconds = session.posargs[session.posargs.index("--seconds") + 1]
    session.run(
        "pytest",
        "-p",
        "no:cacheprovider",
        "-m",
        "hypothesis",
        "-q",
        "--durations=10",
        "tests",
        env={"HYPOTHESIS_PROFILE": "fuzz"},
    )
    work = ROOT / "build" / "fuzz"
    for target in ("analyze", "find_dates"):
        corpus = work / "corpus" / target
        corpus.mkdir(parents=True, exist_ok=True)
        (work / "crashes").mkdir(parents=True, exist_ok=True)
        session.run(
            "python",
            "scripts/fuzz.py",
            "--target",
            target,
            "--seconds",
            seconds,
            "--corpus",
            str(corpus),
            "--crashes",
            str(work / "crashes"),
        )


@nox.session(python=PYTHON)
def scale(session: nox.Session) -> None:
    """The Dask and PySpark recipes (docs/batch.md) on ../shared/data/news: Dask's
    local distributed scheduler, then Spark in local mode if Java is present."""
    session.install(".[scale,test]")
    session.run("pytest", "-p", "no:cacheprovider", "tests/test_scale.py")
    session.run("python", "scripts/scale_dask.py", *session.posargs)
    if shutil.which("java"):
        session.run("python", "scripts/scale_spark.py", *session.posargs)
    else:
        session.warn("no Java: the PySpark recipe was not run")


@nox.session(python=PYTHON)
def build(session: nox.Session) -> None:
    """Build the wheel and sdist, check what the wheel holds, and smoke-test both in
    clean environments (no source tree on the path)."""
    session.install("build")
    dist = ROOT / "build" / "dist"
    shutil.rmtree(dist, ignore_errors=True)
    session.run("python", "-m", "build", "--outdir", str(dist), str(ROOT))
    session.run("python", str(ROOT / "scripts" / "check_dist.py"), str(dist))


@nox.session(python=PYTHON)
def visual(session: nox.Session) -> None:
    """Render the seed article (else examples/article.txt) to build/visual/article.html
    and screenshot it with headless Chromium to build/visual/article.png, for a person
    to look at.  Needs Debian's chromium package (apt-get install chromium); arguments
    go to scripts/visual.py (--theme dark, --text FILE --published DATE)."""
    session.install("-e", ".")
    session.run("python", "scripts/visual.py", *session.posargs)
