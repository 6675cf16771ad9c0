"""Check built distributions: what the wheel holds, and that wheel and sdist install
in clean virtual environments and work (run by ``nox -s build``).

    python scripts/check_dist.py DIST_DIR [--tests]

1. The wheel holds every file of persnews/data/ (gazetteers, calendar tables,
   the entity model and its checksum, the JSON Schema), py.typed and the
   command line entry point, and nothing outside persnews/.
2. The wheel and the sdist each install into a fresh venv (``pip install
   FILE[test]``: the test extra must bring all the tests need); from an empty
   working directory, ``persnews analyze`` on the bundled example article prints
   JSON with dates, entities and a quote, and ``import persnews`` finds the data
   through importlib.resources.  With ``--tests``, the sdist's test suite runs
   against the installed wheel.

Exit status 0 if all is well, 1 otherwise.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tarfile
import tempfile
import venv
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SMOKE = """
import json, sys
from importlib import resources
import persnews
assert resources.files("persnews").joinpath("data", "ner.crfsuite").is_file()
article = persnews.analyze(sys.stdin.read(), published="1402/07/17")
assert article.dates and article.entities and article.quotes, article
json.dumps(article.to_dict())
print(persnews.__version__, len(article.entities), "entities")
"""


def wheel_problems(wheel: Path) -> list[str]:
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
        entry = next((n for n in names if n.endswith(".dist-info/entry_points.txt")), None)
        entry_points = archive.read(entry).decode() if entry else ""
    problems = []
    for path in sorted((ROOT / "persnews").rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts:
            name = path.relative_to(ROOT).as_posix()
            if name not in names:
                problems.append(f"{wheel.name} lacks {name}")
    outside = sorted(n for n in names if not n.startswith(("persnews/", "persnews-")))
    if outside:
        problems.append(f"{wheel.name} holds files outside persnews/: {outside[:5]}")
    if "persnews = persnews.cli:main" not in entry_points:
        problems.append(f"{wheel.name} has no persnews command")
    return problems


def install_problems(artifact: Path, run_tests: bool) -> list[str]:
    with tempfile.TemporaryDirectory(prefix="persnews-dist-") as scratch:
        home = Path(scratch)
        venv.create(home / "venv", with_pip=True)
        python = home / "venv" / "bin" / "python"
        pip = [str(python), "-m", "pip", "install", "-q", f"{artifact}[test]"]
        done = subprocess.run(pip, capture_output=True, text=True, check=False)
        if done.returncode:
            return [f"{artifact.name} does not install: {done.stderr[-2000:]}"]
        example = (ROOT / "examples" / "article.txt").read_text(encoding="utf-8")
        work = home / "empty"
        work.mkdir()
        problems = []
        smoke = subprocess.run(
            [str(python), "-c", SMOKE], input=example, capture_output=True, text=True, cwd=work
        )
        if smoke.returncode:
            problems.append(f"{artifact.name}: import/analyze failed: {smoke.stderr[-2000:]}")
        else:
            print(f"{artifact.name}: analyze ok ({smoke.stdout.strip()})")
        command = home / "venv" / "bin" / "persnews"
        cli = subprocess.run(
            [str(command), "analyze", "-", "--published", "1402/07/17"],
            input=example,
            capture_output=True,
            text=True,
            cwd=work,
        )
        if cli.returncode or not json.loads(cli.stdout or "{}").get("entities"):
            problems.append(f"{artifact.name}: persnews analyze failed: {cli.stderr[-2000:]}")
        if run_tests and artifact.suffix == ".gz":
            with tarfile.open(artifact) as archive:
                archive.extractall(home / "sdist", filter="data")
            source = next((home / "sdist").iterdir())
            tests = subprocess.run(
                [str(python), "-m", "pytest", "-q", "-p", "no:cacheprovider", "-x"],
                cwd=source / "tests",
                capture_output=True,
                text=True,
                check=False,
            )
            print(tests.stdout[-500:])
            if tests.returncode:
                problems.append(f"{artifact.name}: the test suite failed")
        return problems


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("dist", type=Path)
    parser.add_argument("--tests", action="store_true")
    args = parser.parse_args()
    wheels = sorted(args.dist.glob("persnews-*.whl"))
    sdists = sorted(args.dist.glob("persnews-*.tar.gz"))
    if len(wheels) != 1 or len(sdists) != 1:
        print(f"check_dist: expected one wheel and one sdist in {args.dist}", file=sys.stderr)
        return 1
    problems = wheel_problems(wheels[0])
    for artifact in (wheels[0], sdists[0]):
        problems += install_problems(artifact, args.tests)
    for problem in problems:
        print(f"check_dist: {problem}", file=sys.stderr)
    if not problems:
        print(f"check_dist: {wheels[0].name} and {sdists[0].name} install and work")
    return 1 if problems else 0


if __name__ == "__main__":
    raise SystemExit(main())
