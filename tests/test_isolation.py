"""Issue #8, isolation: persnews makes no network access, reads its data only from
its own package and hazm's, and writes nothing outside the output path it is given.

Every run is a fresh interpreter whose ``PYTHONPATH`` starts with a folder holding
``sitecustomize.py`` (:data:`SITECUSTOMIZE`).  Python imports that module in every
interpreter it starts, before any other code: the test's subprocess, the workers
``pipe(..., start_method="spawn")`` starts, multiprocessing's resource tracker.
Forked workers inherit it.  It

- blocks the network twice over: ``socket.socket``, ``create_connection``,
  ``getaddrinfo`` (and the other module-level entry points) are replaced by
  functions that raise, and an audit hook raises on every ``socket.*`` audit
  event (:data:`SOCKET_EVENTS`), which ``_socket`` raises however it is called;
- records every file event (``open``, ``os.*``, ``shutil.*``, ``tempfile.*``) of
  every process in one log, which the tests then check.

:func:`test_guard_blocks_the_network_and_the_checks_catch_violations` is the
positive control: the same guard stops a real connection in the main process and
in forked and spawned workers, and the same checks flag a stray read, a stray
write, a stray folder.  :func:`test_system_calls_agree` runs the driver again
without the guard under ``strace``, to see what audit hooks cannot: files C code
opens (crfsuite, OpenSSL, glibc) and multiprocessing's semaphores in /dev/shm.

Run ``pytest -s -k "data_is_read or system_calls"`` to see the files opened.
"""

from __future__ import annotations

import ast
import json
import os
import re
import shutil
import subprocess
import sys
import sysconfig
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from importlib.util import find_spec
from pathlib import Path
from typing import Any

import pytest
from conftest import EXAMPLES, ROOT

_HAZM = find_spec("hazm")
if _HAZM is None or not _HAZM.submodule_search_locations:
    pytest.skip("needs the hazm package (a persnews dependency)", allow_module_level=True)
#: the installed hazm package: persnews reads its data files (_hazm.py)
HAZM = Path(next(iter(_HAZM.submodule_search_locations))).resolve()
#: the persnews package the subprocesses import (the source tree, via PYTHONPATH)
PACKAGE = (ROOT / "persnews").resolve()
EXAMPLE = EXAMPLES / "article.txt"
PUBLISHED = "1402/07/17"

#: the socket.* audit events of CPython 3.11 (Modules/socketmodule.c, checked against
#: the strings in _socket*.so); the guard raises on every event starting "socket."
SOCKET_EVENTS = (
    "socket.__new__",
    "socket.bind",
    "socket.connect",
    "socket.getaddrinfo",
    "socket.gethostbyaddr",
    "socket.gethostbyname",
    "socket.gethostname",
    "socket.getnameinfo",
    "socket.getservbyname",
    "socket.getservbyport",
    "socket.sendmsg",
    "socket.sendto",
    "socket.sethostname",
)

SITECUSTOMIZE = '''\
"""The isolation guard of tests/test_isolation.py (not part of persnews): in every
interpreter, block the network and log every file event to $PERSNEWS_ISOLATION_LOG."""

import os
import sys

_LOG = os.environ.get("PERSNEWS_ISOLATION_LOG")

if _LOG:
    import socket
    import stat

    _FD = os.open(_LOG, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
    _RECORDED = ("open", "os.", "shutil.", "tempfile.")
    #: events whose first argument may be a file descriptor (``os.kill``'s is a pid)
    _FD_EVENTS = frozenset(
        ["open", "os.truncate", "os.chmod", "os.chown", "os.utime", "os.listdir",
         "os.scandir", "os.chdir"]
    )

    class NetworkAccessBlocked(RuntimeError):
        """What the guard raises for any network call."""

    def _plain(value):
        """``value`` as a literal ast.literal_eval reads back (an IntEnum is an int)."""
        if value is None or isinstance(value, bool):
            return value
        for kind in (int, float, str, bytes):
            if isinstance(value, kind):
                return kind(value)
        if isinstance(value, os.PathLike):
            return os.fspath(value)
        if isinstance(value, (tuple, list)):
            return tuple(_plain(item) for item in value)
        return "<" + type(value).__name__ + ">"

    def _descriptor(fd):
        """("fd", n, what /proc/self/fd/n points at: a path, "pipe:[..]", ...)."""
        try:
            target = os.readlink(f"/proc/self/fd/{fd}")
        except OSError:
            try:
                target = "mode:" + oct(stat.S_IFMT(os.fstat(fd).st_mode))
            except OSError:
                target = None
        return ("fd", fd, target)

    def _write(event, args):
        try:
            cwd = os.getcwd()
        except OSError:
            cwd = None
        try:
            args = _plain(args)
            if event in _FD_EVENTS and args and type(args[0]) is int:
                args = (_descriptor(args[0]), *args[1:])
            line = repr((os.getpid(), event, args, cwd))
        except Exception as error:  # never break the program being watched
            line = repr((os.getpid(), "guard.error", (event, repr(error)), None))
        os.write(_FD, (line + "\\n").encode("utf-8", "backslashreplace"))

    def _block(event, args):
        _write("guard.blocked", (event, args))
        raise NetworkAccessBlocked(f"isolation guard: no network ({event})")

    def _hook(event, args):
        if event.startswith("socket."):
            _block(event, args)
        if event.startswith(_RECORDED):
            _write(event, args)

    class _GuardedSocket(socket.socket):
        def __init__(self, *args, **kwargs):
            _block("socket.socket", args)

    def _guarded(name):
        def blocked(*args, **kwargs):
            _block("socket." + name, args)

        blocked.__name__ = name
        return blocked

    socket.socket = _GuardedSocket
    for _name in (
        "create_connection", "create_server", "getaddrinfo", "gethostbyname",
        "gethostbyname_ex", "gethostbyaddr", "getnameinfo", "socketpair", "fromfd",
    ):
        setattr(socket, _name, _guarded(_name))
    sys.addaudithook(_hook)
    os.register_at_fork(after_in_child=lambda: _write("guard.forked", (os.getppid(),)))
    _write("guard.installed", (os.getppid(), tuple(sys.orig_argv), tuple(sys.path)))
'''

DRIVER = '''\
"""Every call tests/test_isolation.py covers, on the bundled example article."""

import json
import multiprocessing
import sys

import persnews

PUBLISHED = "1402/07/17"
OTHERS = [
    "دیروز در تهران باران آمد.",
    "سرگئی لاوروف وزیر امور خارجه روسیه با حسین امیرعبداللهیان دیدار کرد.",
]


def main():
    article_path, out_path = sys.argv[1:]
    with open(article_path, encoding="utf-8") as stream:
        text = stream.read()
    article = persnews.analyze(text, published=PUBLISHED)
    assert article.entities and article.dates and article.quotes
    assert persnews.find_dates(text, published=PUBLISHED)
    assert persnews.find_entities(text)
    assert persnews.find_relations(text, published=PUBLISHED).quotes
    assert json.loads(article.to_json())["text"] == text
    assert "<" in persnews.render(article)
    assert persnews.to_conll(article)
    txt, ann = persnews.to_brat(article)
    assert persnews.from_brat(txt, ann, published=PUBLISHED).entities == article.entities
    assert persnews.brat_conf()
    assert persnews.to_displacy(article)["ents"]
    texts = [text, *OTHERS, text]  # one batch: fork starts both workers, spawn one
    expected = [persnews.analyze(t, published=PUBLISHED) for t in texts]
    methods = [None] if multiprocessing.get_start_method() == "spawn" else [None, "spawn"]
    for method in methods:  # None: the default, fork on Linux
        found = persnews.pipe(
            texts, published=PUBLISHED, workers=2, batch_size=4, start_method=method
        )
        assert list(found) == expected, method
    assert persnews.write_jsonl(expected, out_path) == len(texts)
    print(json.dumps({"persnews": persnews.__file__, "start_methods": methods}))


if __name__ == "__main__":
    main()
'''


# ---------------------------------------------------------------- the runs


@dataclass
class Run:
    """One isolated session: its folders, its commands' results, its event log."""

    base: Path
    cwd: Path
    home: Path
    tmp: Path
    out: Path
    inputs: Path
    guard: Path
    log: Path
    env: dict[str, str]
    results: list[subprocess.CompletedProcess[str]] = field(default_factory=list)
    #: recursive listings of the working folder, HOME, TMPDIR and the inputs' folder
    before: dict[str, list[str]] = field(default_factory=dict)
    after: dict[str, list[str]] = field(default_factory=dict)

    @property
    def empty_dirs(self) -> tuple[Path, ...]:
        """The folders nothing may be written to: the working folder, HOME, TMPDIR."""
        return self.cwd, self.home, self.tmp

    def run(self, *arguments: str | Path) -> subprocess.CompletedProcess[str]:
        result = subprocess.run(
            [str(a) for a in arguments],
            cwd=self.cwd,
            env=self.env,
            capture_output=True,
            text=True,
            timeout=300,
            check=False,
        )
        self.results.append(result)
        return result

    def events(self) -> list[Event]:
        if not self.log.exists():
            return []
        lines = self.log.read_text(encoding="utf-8").splitlines()
        return [Event(*ast.literal_eval(line)) for line in lines]


@dataclass(frozen=True)
class Event:
    """One audit event the guard logged (or one of its own: guard.installed,
    guard.forked, guard.blocked)."""

    pid: int
    name: str
    args: tuple[Any, ...]
    cwd: str | None


def _session(base: Path, *, guarded: bool = True) -> Run:
    """Fresh, empty working folder, HOME and TMPDIR; the guard on PYTHONPATH."""
    base.mkdir(exist_ok=True)
    dirs = {name: base / name for name in ("cwd", "home", "tmp", "out", "inputs", "guard")}
    for path in dirs.values():
        path.mkdir()
    if guarded:
        (dirs["guard"] / "sitecustomize.py").write_text(SITECUSTOMIZE, encoding="utf-8")
    (dirs["guard"] / "driver.py").write_text(DRIVER, encoding="utf-8")
    records = [
        {"id": "example", "text": EXAMPLE.read_text(encoding="utf-8"), "published": PUBLISHED},
        {"id": 2, "text": "دیروز در تهران باران آمد."},
        {"id": 3, "text": "قیمت دلار ۲۵ درصد بالا رفت.", "published": "2021-11-23"},
    ]
    (dirs["inputs"] / "in.jsonl").write_text(
        "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8"
    )
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("PYTHON", "XDG_", "PERSNEWS")) and k not in ("TMP", "TEMP")
    }
    env |= {
        "PYTHONPATH": os.pathsep.join([str(dirs["guard"]), str(ROOT)]),
        "PYTHONDONTWRITEBYTECODE": "1",
        "HOME": str(dirs["home"]),
        "TMPDIR": str(dirs["tmp"]),
    }
    if guarded:
        env["PERSNEWS_ISOLATION_LOG"] = str(base / "events.log")
    return Run(base=base, log=base / "events.log", env=env, **dirs)


def _listing(*roots: Path) -> dict[str, list[str]]:
    return {str(root): sorted(str(p.relative_to(root)) for p in root.rglob("*")) for root in roots}


_CLI = (sys.executable, "-m", "persnews", "analyze")


def _analyze_everything(session: Run) -> Run:
    """The driver (API calls, pipe on fork and spawn, write_jsonl) and the CLI."""
    inputs = session.inputs / "in.jsonl"
    session.run(sys.executable, session.guard / "driver.py", EXAMPLE, session.out / "api.jsonl")
    session.run(*_CLI, EXAMPLE, "--published", PUBLISHED)
    session.run(*_CLI, "--jsonl", inputs, "--out", session.out / "cli.jsonl", "--workers", "2")
    return session


@pytest.fixture(scope="module")
def session(tmp_path_factory: pytest.TempPathFactory) -> Run:
    session = _session(tmp_path_factory.mktemp("isolation"))
    session.before = _listing(*session.empty_dirs, session.inputs)
    _analyze_everything(session)
    session.after = _listing(*session.empty_dirs, session.inputs)
    for result in session.results:
        assert result.returncode == 0, f"{result.args}\n{result.stderr}"
    report = json.loads(session.results[0].stdout)
    assert Path(report["persnews"]) == PACKAGE / "__init__.py"  # this tree's persnews
    return session


# ---------------------------------------------------------------- the checks

#: code Python loads from its own installation and from installed packages
CODE_SUFFIXES = (".py", ".pyc", ".so")
_PATHS = sysconfig.get_paths()
#: where the stdlib and installed packages live (code only: data must be persnews's or hazm's)
PYTHON_DIRS = tuple(
    {Path(_PATHS[key]).resolve() for key in ("stdlib", "platstdlib", "purelib", "platlib")}
)
SITE_PACKAGES = tuple({Path(_PATHS[key]).resolve() for key in ("purelib", "platlib")})
#: package metadata read at run time, through importlib.metadata: the CLI imports
#: ``persnews.__version__`` (for --version), and tqdm its own ``__version__``
METADATA = re.compile(r"/(persnews|tqdm)-[^/]+\.dist-info/METADATA$")
WRITE_FLAGS = os.O_WRONLY | os.O_RDWR | os.O_CREAT | os.O_TRUNC | os.O_APPEND
#: audit events that change files, and which of their arguments are the changed paths
CHANGES: dict[str, tuple[int, ...]] = {
    "os.mkdir": (0,),
    "os.rename": (0, 1),  # os.replace too
    "os.remove": (0,),  # os.unlink too
    "os.rmdir": (0,),
    "os.link": (1,),
    "os.symlink": (1,),
    "os.truncate": (0,),
    "os.chmod": (0,),
    "os.chown": (0,),
    "os.utime": (0,),
    "os.chflags": (0,),
    "os.setxattr": (0,),
    "os.removexattr": (0,),
    "tempfile.mkstemp": (0,),
    "tempfile.mkdtemp": (0,),
    "shutil.copyfile": (1,),
    "shutil.copymode": (1,),
    "shutil.copystat": (1,),
    "shutil.copytree": (1,),
    "shutil.move": (0, 1),
    "shutil.rmtree": (0,),
    "shutil.chown": (0,),
    "shutil.make_archive": (0,),
    "shutil.unpack_archive": (1,),
}


def _inside(path: Path, *roots: Path) -> bool:
    return any(path.is_relative_to(root) for root in roots)


def _path(value: Any, cwd: str | None) -> Path | str:
    """An event's path argument, absolute and resolved.  A descriptor becomes the
    file it is open on, or stays a string naming what it is ("pipe:[…]")."""
    if isinstance(value, tuple) and value[:1] == ("fd",):
        target = value[2]
        return Path(target).resolve() if target and target.startswith("/") else str(target)
    if not isinstance(value, str | bytes):
        return repr(value)
    return (Path(cwd or "/") / os.fsdecode(value)).resolve()


def _is_write(event: Event) -> bool:
    _, mode, flags = event.args
    return bool(isinstance(mode, str) and set(mode) & set("wax+")) or bool(
        isinstance(flags, int) and flags & WRITE_FLAGS
    )


def _opened(events: Iterable[Event]) -> Iterator[tuple[Event, Path | str]]:
    for event in events:
        if event.name == "open":
            yield event, _path(event.args[0], event.cwd)


def changes(events: list[Event], allowed: Path) -> list[str]:
    """Every file change outside ``allowed``: opens for writing, and the os,
    shutil and tempfile events that change files.  Writing to a pipe is allowed:
    multiprocessing sends a spawned worker its preparation data down one
    (popen_spawn_posix.py)."""
    allowed = allowed.resolve()
    found = []
    for event, path in _opened(events):
        if not _is_write(event):
            continue
        if (isinstance(path, Path) and _inside(path, allowed)) or str(path).startswith("pipe:"):
            continue
        found.append(f"pid {event.pid}: open({path}, {event.args[1]!r}, {event.args[2]!r})")
    for event in events:
        if event.name in CHANGES:
            paths = [_path(event.args[n], event.cwd) for n in CHANGES[event.name]]
            if not all(isinstance(path, Path) and _inside(path, allowed) for path in paths):
                found.append(f"pid {event.pid}: {event.name}{event.args}")
        elif event.name.startswith(("shutil.", "tempfile.")):
            found.append(f"pid {event.pid}: {event.name}{event.args} (a change not in CHANGES)")
    return found


def reads(
    events: list[Event], inputs: Iterable[Path], out: Path, guard: Path
) -> tuple[list[str], list[str]]:
    """``(violations, data files)``.  A file opened for reading must be

    - in the persnews package (code and data);
    - in hazm's data folder (persnews reads hazm's word lists by design: _hazm.py);
    - code (.py, .pyc, .so) of hazm, of the Python installation, of an installed
      package (site-packages), or of the guard folder (sitecustomize, the driver);
    - an input the run was given, or in the output folder (--out is read to resume);
    - one of Python's own: os.devnull (multiprocessing gives a worker /dev/null as
      stdin), a .zip entry of sys.path (importlib.metadata looks into each), the
      METADATA of persnews and tqdm (:data:`METADATA`), a pipe.

    ``data files`` are all the non-code files opened, allowed or not.
    """
    inputs = tuple(path.resolve() for path in inputs)
    out, guard = out.resolve(), guard.resolve()
    zips = {
        Path(entry).resolve()
        for event in events
        if event.name == "guard.installed"
        for entry in event.args[2]
        if entry.endswith(".zip")
    }
    violations, data = [], set()
    for event, path in _opened(events):
        if _is_write(event):
            continue  # changes() checks those
        if isinstance(path, str):
            if not path.startswith("pipe:"):
                violations.append(f"pid {event.pid}: read from descriptor {event.args[0]}")
            continue
        code = path.suffix in CODE_SUFFIXES
        if not code:
            data.add(str(path))
        if (
            _inside(path, PACKAGE, HAZM / "data", out)
            or (code and _inside(path, HAZM, guard, *PYTHON_DIRS))
            or path in inputs
            or path == Path(os.devnull)
            or path in zips
            or (_inside(path, *SITE_PACKAGES) and METADATA.search(str(path)))
        ):
            continue
        violations.append(f"pid {event.pid}: open({path}, {event.args[1]!r})")
    return violations, sorted(data)


def listings(events: list[Event], cwd: Path, guard: Path) -> list[str]:
    """Folders listed (os.listdir, os.scandir) that are neither on the import path
    (the import machinery and importlib.metadata list those) nor in a package
    folder (importlib.resources)."""
    on_path = {
        Path(entry).resolve()
        for event in events
        if event.name == "guard.installed"
        for entry in event.args[2]
    } | {cwd.resolve(), guard.resolve()}  # sys.path[0]: `-m` adds the working folder
    found = []
    for event in events:
        if event.name in ("os.listdir", "os.scandir"):
            folder = _path(event.args[0] if event.args[0] is not None else ".", event.cwd)
            if isinstance(folder, Path) and (
                folder in on_path or _inside(folder, PACKAGE, HAZM, *PYTHON_DIRS)
            ):
                continue
            found.append(f"pid {event.pid}: {event.name}({folder})")
    return found


def processes(events: list[Event]) -> dict[str, list[int]]:
    """The run's pids by kind: started (by the test, or multiprocessing's resource
    tracker), forked, spawned (multiprocessing's spawn_main), in order of appearance."""
    kinds: dict[str, list[int]] = {"started": [], "forked": [], "spawned": []}
    for event in events:
        if event.name == "guard.forked":
            kinds["forked"].append(event.pid)
        elif event.name == "guard.installed":
            argv = " ".join(event.args[1])
            kinds["spawned" if "spawn_main" in argv else "started"].append(event.pid)
    return kinds


# ---------------------------------------------------------------- the tests

CONTROL = '''\
import concurrent.futures, multiprocessing, os, shutil, socket, sys, tempfile
import _socket

def probe(_=None):
    """Try the network every way; report what stopped each attempt."""
    attempts = {
        "create_connection": lambda: socket.create_connection(("127.0.0.1", 9), timeout=2),
        "getaddrinfo": lambda: socket.getaddrinfo("localhost", 80),
        "socket.socket": lambda: socket.socket(socket.AF_INET, socket.SOCK_STREAM),
        "_socket.socket (audit hook only)": lambda: _socket.socket(),
        "_socket.getaddrinfo (audit hook only)": lambda: _socket.getaddrinfo("localhost", 80),
        "_socket.gethostbyname (audit hook only)": lambda: _socket.gethostbyname("localhost"),
    }
    outcome = {}
    for name, attempt in attempts.items():
        try:
            attempt()
            outcome[name] = "allowed"
        except Exception as error:
            outcome[name] = type(error).__name__
    return outcome

if __name__ == "__main__":
    home, stray, out = sys.argv[1:]
    outcomes = {"main": probe()}
    for method in ("fork", "spawn"):
        context = multiprocessing.get_context(method)
        with concurrent.futures.ProcessPoolExecutor(1, mp_context=context) as pool:
            outcomes[method] = pool.submit(probe).result()
    open(stray, encoding="utf-8").read()  # a data file outside persnews and hazm
    with open(os.path.join(out, "fine.txt"), "w") as allowed:  # the one place allowed
        allowed.write("ok")
    os.mkdir(os.path.join(out, "sub"))  # allowed too
    with open("written-to-cwd.txt", "w") as stream:  # relative: the working folder
        stream.write("x")
    os.makedirs(os.path.join(home, ".cache", "persnews"))
    os.rename("written-to-cwd.txt", "renamed.txt")
    shutil.copyfile("renamed.txt", os.path.join(home, "copy.txt"))
    os.remove("renamed.txt")
    handle, name = tempfile.mkstemp()
    os.close(handle)
    print(repr(outcomes))
'''


def test_guard_blocks_the_network_and_the_checks_catch_violations(tmp_path: Path) -> None:
    """The positive control.  With the same guard, a connection to 127.0.0.1:9 and
    name look-ups fail in the main process and in fork and spawn workers, and the
    audit hook alone stops ``_socket`` (past the patched module).  The checks the
    other tests use report a stray data file read, writes to the working folder
    and HOME, a folder made, a rename, a copy, a removal, a temporary file."""
    session = _session(tmp_path)
    stray = tmp_path / "stray.tsv"
    stray.write_text("a\tb\n", encoding="utf-8")
    control = session.guard / "control.py"
    control.write_text(CONTROL, encoding="utf-8")
    result = session.run(sys.executable, control, session.home, stray, session.out)
    assert result.returncode == 0, result.stderr
    outcomes = ast.literal_eval(result.stdout)
    assert set(outcomes) == {"main", "fork", "spawn"}
    for where, outcome in outcomes.items():
        assert set(outcome.values()) == {"NetworkAccessBlocked"}, (where, outcome)
    events = session.events()
    blocked = {e.args[0] for e in events if e.name == "guard.blocked"}
    assert {"socket.__new__", "socket.getaddrinfo", "socket.gethostbyname"} <= blocked
    assert blocked <= {*SOCKET_EVENTS, "socket.socket", "socket.create_connection"}

    found = changes(events, session.out)
    cwd, home, tmp = (p.resolve() for p in session.empty_dirs)
    for expected in (
        f"open({cwd}/written-to-cwd.txt, 'w'",
        f"os.mkdir('{session.home}/.cache'",
        f"os.mkdir('{session.home}/.cache/persnews'",
        "os.rename('written-to-cwd.txt', 'renamed.txt'",
        f"shutil.copyfile('renamed.txt', '{session.home}/copy.txt'",
        f"open({home}/copy.txt, 'w'",
        "os.remove('renamed.txt'",
        f"tempfile.mkstemp('{session.tmp}/tmp",
        f"open({tmp}/tmp",
    ):
        assert sum(expected in line for line in found) == 1, (expected, found)
    # (tempfile also writes and removes a probe file in $TMPDIR: found as well)
    assert not [line for line in found if "/out/" in line or "/out'" in line]  # allowed
    violations, data = reads(events, [], session.out, session.guard)
    main = processes(events)["started"][0]
    assert violations == [
        f"pid {main}: open({stray.resolve()}, 'r')",
        f"pid {main}: open({cwd}/renamed.txt, 'r')",  # shutil.copyfile's source
    ]
    assert str(stray.resolve()) in data


def test_no_network_at_import_or_during_analysis(session: Run) -> None:
    """``import persnews``; analyze, find_dates/entities/relations, to_json, render,
    to_conll/brat/displacy; pipe on fork and on spawn workers; write_jsonl; the CLI
    on one file and on JSON Lines (--jsonl IN --out OUT --workers 2): all exit 0 with
    every socket call blocked, and none was even tried (a blocked call is logged
    before it raises, so one caught and ignored would still show)."""
    events = session.events()
    assert [e for e in events if e.name == "guard.blocked"] == []
    kinds = processes(events)
    assert len(kinds["started"]) >= 3  # driver and 2 CLI runs (+ resource trackers)
    assert len(kinds["forked"]) >= 4  # 2 pipe workers and 2 CLI workers
    assert kinds["spawned"]  # pipe(start_method="spawn"): workers start as needed, here 1
    # the guard ran in every worker: each has logged file events of its own
    busy = {e.pid for e in events if e.name == "open"}
    assert set(kinds["forked"]) | set(kinds["spawned"]) <= busy


def test_data_is_read_only_from_persnews_and_hazm(session: Run) -> None:
    """Every file any process opened for reading is in the persnews package,
    hazm's data folder, an input, or Python's own code and machinery (see
    :func:`reads`); folders listed are on the import path or in a package.
    The non-code files opened are printed (pytest -s) for a reviewer."""
    events = session.events()
    inputs = [EXAMPLE, session.inputs / "in.jsonl"]
    violations, data = reads(events, inputs, session.out, session.guard)
    print("non-code files opened:", *data, sep="\n    ")
    assert violations == []
    assert str(PACKAGE / "data" / "ner.crfsuite") in data  # the log did see data reads
    assert str(HAZM / "data" / "words.dat") in data
    assert listings(events, session.cwd, session.guard) == []


def test_nothing_is_written_outside_the_output_dir(session: Run) -> None:
    """Files written, folders made, renames, removals and temporary files are all
    in the output folder; the working folder, HOME and TMPDIR (fresh and empty)
    stay empty, and the inputs' folder is unchanged.

    multiprocessing's semaphores (``/dev/shm/sem.mp-*``, made by glibc's sem_open,
    in C) are invisible to audit hooks; :func:`test_system_calls_agree` checks
    that each is unlinked before the run ends."""
    events = session.events()
    assert changes(events, session.out) == []
    assert session.after == session.before
    for folder in session.empty_dirs:
        assert session.after[str(folder)] == [], folder
    written = sorted(p.name for p in session.out.iterdir())
    assert written == ["api.jsonl", "cli.jsonl"]
    assert len((session.out / "api.jsonl").read_text(encoding="utf-8").splitlines()) == 4
    lines = (session.out / "cli.jsonl").read_text(encoding="utf-8").splitlines()
    assert [json.loads(line)["id"] for line in lines] == ["example", 2, 3]
    assert json.loads(session.results[1].stdout)["text"] == EXAMPLE.read_text(encoding="utf-8")


# ---------------------------------------------------------------- system calls

#: the system calls of strace's %network class a Python process could make
NETWORK_CALLS = frozenset(
    {
        "socket",
        "socketpair",
        "connect",
        "bind",
        "listen",
        "accept",
        "accept4",
        "sendto",
        "sendmsg",
        "sendmmsg",
        "recvfrom",
        "recvmsg",
        "recvmmsg",
        "getsockname",
        "getpeername",
        "setsockopt",
        "getsockopt",
        "shutdown",
    }
)
#: file system calls that change something: name -> which string arguments are the
#: changed paths (symlink's first string is the link's text, not a path)
CHANGING_CALLS: dict[str, tuple[int, ...]] = {
    **dict.fromkeys(["mkdir", "mkdirat", "unlink", "unlinkat", "rmdir", "truncate"], (0,)),
    **dict.fromkeys(["chmod", "fchmodat", "chown", "fchownat", "lchown"], (0,)),
    **dict.fromkeys(["utime", "utimes", "utimensat", "futimesat", "mknod", "mknodat"], (0,)),
    **dict.fromkeys(["rename", "renameat", "renameat2", "link", "linkat"], (0, 1)),
    **dict.fromkeys(["symlink", "symlinkat"], (1,)),
}
OPEN_CALLS = frozenset(["open", "openat", "openat2", "creat"])
WRITE_OPEN_FLAGS = frozenset(["O_WRONLY", "O_RDWR", "O_CREAT", "O_TRUNC", "O_APPEND"])
#: code: Python modules and shared libraries (libc.so.6 too)
CODE_FILE = re.compile(r"\.(py|pyc|so)(\.[\d.]+)?$")
_CALL = re.compile(r"^(\w+)\((.*)\)\s+=\s+(-?\d+|\?)(?:<(.*)>)?")
_STRING = re.compile(r'"((?:[^"\\]|\\.)*)"')
_DIRFD = re.compile(r"^(?:AT_FDCWD|\d+)<([^>]*)>,")
#: multiprocessing's locks are POSIX named semaphores: glibc's sem_open makes
#: /dev/shm/sem.XXXXXX, links it to /dev/shm/sem.mp-…, and unlinks the first; the
#: second is unlinked at once under fork, when the lock is collected under spawn
SEMAPHORE = re.compile(r"^/dev/shm/sem\.")


@dataclass(frozen=True)
class Call:
    """One system call, as ``strace -ff -y`` writes it."""

    pid: int
    name: str
    arguments: str
    result: int | None
    #: strace -y: the file a returned descriptor is open on
    opened: str | None

    def paths(self, positions: Iterable[int], cwd: Path) -> list[Path]:
        """The string arguments at ``positions``, as absolute paths."""
        strings = _STRING.findall(self.arguments)
        base = _DIRFD.match(self.arguments)  # strace -y: AT_FDCWD</the/folder>
        folder = Path(base.group(1)) if base else cwd  # every process starts in cwd
        return [Path(os.path.normpath(folder / strings[n])) for n in positions if n < len(strings)]

    def __str__(self) -> str:
        return f"pid {self.pid}: {self.name}({self.arguments}) = {self.result}"


def _calls(folder: Path) -> list[Call]:
    calls = []
    for trace in sorted(folder.iterdir()):
        pid = int(trace.suffix[1:])
        for line in trace.read_text(encoding="utf-8", errors="replace").splitlines():
            if match := _CALL.match(line):
                name, arguments, result, opened = match.groups()
                number = None if result == "?" else int(result)
                calls.append(Call(pid, name, arguments, number, opened))
    return calls


def _traced(session: Run, strace: str, *command: str | Path) -> list[Call]:
    """``command``'s system calls (file and network), every process's."""
    trace = session.base / f"trace{len(session.results)}"
    trace.mkdir()
    options = ["-ff", "-y", "-qq", "-e", "signal=none", "-e", "trace=%file,%network"]
    options += ["-o", str(trace / "call")]
    result = session.run(strace, "--seccomp-bpf", *options, *command)
    if result.returncode != 0 and "seccomp" in result.stderr:  # an older strace: slower
        shutil.rmtree(trace)
        trace.mkdir()
        result = session.run(strace, *options, *command)
    if result.returncode != 0 and "ptrace" in result.stderr.lower():
        pytest.skip(f"strace cannot trace here: {result.stderr.strip()[:200]}")
    assert result.returncode == 0, result.stderr
    return _calls(trace)


@dataclass
class Verdict:
    """What a traced run did, sorted for the assertions."""

    network: list[str] = field(default_factory=list)
    programs: set[Path] = field(default_factory=set)
    #: changes outside the output folder (semaphores apart)
    changed: list[str] = field(default_factory=list)
    semaphores_made: set[Path] = field(default_factory=set)
    semaphores_removed: set[Path] = field(default_factory=set)
    #: non-code files read from where data must not come from
    bad_reads: list[str] = field(default_factory=list)
    #: non-code files read elsewhere: the operating system's
    system_reads: set[str] = field(default_factory=set)


def _unremarkable(path: Path, flags: set[str], allowed: Iterable[Path], inputs: set[Path]) -> bool:
    """A file read that is code, a folder, allowed data, an input, or what Python
    reads at start-up: site-packages' .pth files (site.py), the venv's pyvenv.cfg."""
    return (
        "O_DIRECTORY" in flags
        or bool(CODE_FILE.search(path.name))
        or _inside(path, *allowed)
        or path in inputs
        or (path.suffix == ".pth" and _inside(path, *SITE_PACKAGES))
        or path == Path(sys.prefix).resolve() / "pyvenv.cfg"
    )


def judge(calls: list[Call], session: Run, inputs: Iterable[Path]) -> Verdict:
    """Sort the calls of a traced run into what the test asserts on."""
    verdict = Verdict()
    out, cwd = session.out.resolve(), session.cwd.resolve()
    allowed = (PACKAGE, HAZM / "data", out)
    inputs = {path.resolve() for path in inputs}
    #: the folder the project sits in (../shared, the other work trees), Python's
    #: folders, and the run's working folder, HOME and TMPDIR
    forbidden = (ROOT.resolve().parent, *PYTHON_DIRS, *(p.resolve() for p in session.empty_dirs))
    for call in calls:
        if call.name in NETWORK_CALLS:
            verdict.network.append(str(call))
        if call.result is None or call.result < 0:
            continue
        if call.name == "execve":
            verdict.programs |= {path.resolve() for path in call.paths([0], cwd)}
        elif call.name in CHANGING_CALLS:
            paths = call.paths(CHANGING_CALLS[call.name], cwd)
            if all(SEMAPHORE.match(str(path)) for path in paths):
                if call.name.startswith("unlink"):
                    verdict.semaphores_removed |= set(paths)
                elif call.name.startswith("link"):
                    verdict.semaphores_made.add(paths[1])
            elif not all(_inside(path, out) for path in paths):
                verdict.changed.append(str(call))
        elif call.name in OPEN_CALLS:
            flags = set(re.findall(r"O_[A-Z]+", call.arguments))
            path = Path(call.opened) if call.opened else call.paths([0], cwd)[0]
            if flags & WRITE_OPEN_FLAGS:
                if SEMAPHORE.match(str(path)):
                    if "O_CREAT" in flags:
                        verdict.semaphores_made.add(path)
                elif not (_inside(path, out) or path == Path(os.devnull)):
                    verdict.changed.append(str(call))
            elif _unremarkable(path, flags, allowed, inputs):
                continue
            elif _inside(path, *forbidden):
                verdict.bad_reads.append(str(call))
            else:
                verdict.system_reads.add(str(path))
    return verdict


#: the control for :func:`judge`: a stray read, a stray write, a connection
STRAY = """
import os, socket
open(os.path.join(os.environ["HOME"], "stray.tsv")).read()
open("cache.txt", "w").write("x")
try:
    socket.create_connection(("127.0.0.1", 9), timeout=2)
except OSError:
    pass
"""


def test_system_calls_agree(tmp_path: Path) -> None:
    """The driver again, without the guard, under ``strace -f``: no network
    system call at all; the only program run is Python; every file made,
    changed or removed is in the output folder, but for multiprocessing's
    semaphores, each unlinked before the end; no non-code file is read from the
    folder the project sits in (../shared, other work trees) outside persnews/
    and the input, from Python's folders outside hazm/data, or from the working
    folder, HOME or TMPDIR.  Files the operating system's libraries read
    (glibc's locale and loader cache, the time zone, OpenSSL's configuration when
    hashlib loads) are printed (pytest -s), not checked.  A control run (a stray
    read, a stray write, a connection to 127.0.0.1:9) shows the checks see them."""
    strace = shutil.which("strace")
    if strace is None:
        pytest.skip("needs strace (apt-get install strace) to see system calls")
    control = _session(tmp_path / "control", guarded=False)
    (control.home / "stray.tsv").write_text("a\tb\n", encoding="utf-8")
    seen = judge(_traced(control, strace, sys.executable, "-c", STRAY), control, [])
    assert {"socket", "connect"} <= {call.split("(")[0].split()[-1] for call in seen.network}
    assert [call.split('"')[1] for call in seen.changed] == ["cache.txt"]
    assert [call.split('"')[1] for call in seen.bad_reads] == [str(control.home / "stray.tsv")]

    session = _session(tmp_path / "driver", guarded=False)
    driver = (sys.executable, session.guard / "driver.py")
    calls = _traced(session, strace, *driver, EXAMPLE, session.out / "api.jsonl")
    assert len({call.pid for call in calls}) >= 4  # driver, 2 forked, 1 spawned (+ tracker)
    verdict = judge(calls, session, [EXAMPLE])
    system = sorted(verdict.system_reads)
    print("files the operating system's libraries read:", *system, sep="\n    ")
    assert verdict.network == []
    assert verdict.programs == {Path(sys.executable).resolve()}
    assert verdict.changed == []
    assert verdict.semaphores_made, "no semaphore seen: does multiprocessing use sem_open?"
    assert verdict.semaphores_made <= verdict.semaphores_removed
    assert verdict.bad_reads == []
    assert [p.name for p in session.out.iterdir()] == ["api.jsonl"]
