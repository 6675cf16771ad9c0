"""Coverage-guided fuzzing of persnews.analyze and persnews.find_dates with atheris.

How it is meant to be called (``nox -s fuzz`` is to run the first two, one after the other,
never at the same time)::

    python scripts/fuzz.py --target analyze --seconds 300 --crashes fuzz-crashes
    python scripts/fuzz.py --target find_dates --seconds 300 --crashes fuzz-crashes
    python scripts/fuzz.py --target analyze --seconds 60          # a quick look
    python scripts/fuzz.py --target analyze --replay fuzz-crashes/crash-0123abcd
    python scripts/fuzz.py --target analyze --seconds 60 -- -minimize_crash=1 \\
        fuzz-crashes/crash-0123abcd      # writes fuzz-crashes/minimized-from-0123abcd

It needs atheris (``pip install atheris``: 3.0.0 has a prebuilt cp311 manylinux
wheel) and persnews importable: from a checkout, ``PYTHONPATH=.`` or
``pip install -e .``.  It fuzzes in ONE process (no -jobs, no -workers, no -fork).

What counts as a crash (libFuzzer writes the input to ``--crashes``/crash-<sha1>):

* any exception from ``analyze(text, published=...)`` or
  ``find_dates(text, published=...)`` that is not a :class:`persnews.PersnewsError`;
* a span whose slice of the text is not its ``text``: sentences, tokens, dates,
  numbers, entities, titles, quote contents and meeting dates; relation spans
  (roles, quotes, attributions, meetings and their arguments) outside the text;
* ``Article.to_json()`` failing, writing NaN/Infinity, or not giving the same
  article back through ``json.loads`` and ``Article.from_dict`` (find_dates: each
  ``DateMention`` through ``to_dict``/JSON/``from_dict``).

libFuzzer also writes ``timeout-*`` (an input slower than ``--timeout`` seconds)
and ``oom-*`` artifacts there.  PersnewsErrors are allowed, but tallied: the
summary lists each kind with a first example.

How the fuzzer's bytes become text: the last byte picks one of four decoders and
the one before it the ``published`` date (``_published_choices``: None, usual
days, and the edges of the Jalali calendar); the rest is read as
(0) ``ConsumeUnicodeNoSurrogates``, (1) ``ConsumeUnicode`` (lone surrogates
allowed), (2) a sequence of dictionary pieces — month and weekday names, relative
words, numbers in Persian, Arabic-Indic and Latin digits, quote marks, ZWNJ and
bidi marks, and words from persnews' own tables — or (3) UTF-8, undecodable bytes
becoming lone surrogates (``surrogateescape``).  The seed corpus is mode 3: the
example article (``examples/article.txt``), its paragraphs and sentences, and the
Persian strings of the target's test modules (``SEED_TESTS``: tests/test_dates.py
and more); a libFuzzer ``-dict`` of the same pieces in UTF-8 helps the mutator
splice them into the seeds.

libFuzzer leaves by C ``exit()``, which runs no Python ``atexit`` handler, so the
script runs it in a child process (``--worker``, instrumented) that counts its
runs in a stats file; the parent passes libFuzzer's output through and ends with
one summary line (``cov``/``ft``: libFuzzer's last figures)::

    fuzz analyze: 39787 runs in 606 s, cov 2507, ft 12524, 0 crash(es) in fuzz-crashes/

The exit status is 1 when a new crash, timeout or out-of-memory input was
written (or libFuzzer failed), 0 otherwise.

Options: ``--target analyze|find_dates``; ``--seconds N`` (libFuzzer's
``-max_total_time``, default 60; with ``-minimize_crash=1`` it bounds each
step); ``--corpus DIR`` (kept and grown between runs; the seeds are written into
it; default: a temporary directory); ``--crashes DIR`` (``-artifact_prefix``,
default ``fuzz-crashes/``); ``--max-len`` (bytes, default 4096); ``--timeout``
(seconds per input, default 30); ``--replay FILE...`` decodes saved inputs,
prints each as a Python literal and runs the checks without libFuzzer; anything
after ``--`` goes to libFuzzer as is (with input files, no corpus is used).
"""

from __future__ import annotations

import argparse
import ast
import datetime
import hashlib
import importlib
import json
import re
import shlex
import subprocess
import sys
import tempfile
import time
import traceback
from collections.abc import Callable, Iterator, Sequence
from importlib import resources
from pathlib import Path
from typing import Any

import atheris

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "article.txt"
#: the test modules whose strings seed each target's corpus
SEED_TESTS = {
    "find_dates": ("test_dates.py", "test_dates_rules.py"),
    "analyze": ("test_dates.py", "test_relations.py", "test_numbers.py", "test_entities.py"),
}

#: the persnews modules analyze and find_dates run, imported (and so instrumented)
#: before fuzzing: persnews loads some of them lazily
MODULES = (
    "persnews",
    "persnews.errors",
    "persnews.model",
    "persnews.text",
    "persnews.normalize",
    "persnews._spacing",
    "persnews._atoms",
    "persnews.tokens",
    "persnews._day",
    "persnews._hijri",
    "persnews._calendar_arrays",
    "persnews.calendar",
    "persnews._datetext",
    "persnews._daterules",
    "persnews.dates",
    "persnews.numbers",
    "persnews._ner",
    "persnews.entities",
    "persnews.relations",
    "persnews.article",
)

#: decoders, picked by the input's last byte
MODES = ("unicode_no_surrogates", "unicode", "dictionary", "utf8")
UTF8 = MODES.index("utf8")


def _published_choices() -> tuple[object, ...]:
    """The ``published`` values, picked by the input's last-but-one byte."""
    from persnews import JalaliDate

    return (
        None,
        datetime.date(2021, 11, 23),  # a Tuesday, 2 Azar 1400
        "1402/07/17",  # the example article's day
        JalaliDate(1399, 12, 30),  # the last day of a leap year
        datetime.date(2024, 2, 29),
        JalaliDate(1, 1, 1),  # the edges of the calendar (published dates past
        JalaliDate(3000, 12, 29),  # them are refused before any work)
        "2023-03-21",  # Nowruz 1402
    )


def _split(*lines: str) -> tuple[str, ...]:
    """Pieces written as "a|b|c" lines, so that a screen shows many at once."""
    return tuple(piece for line in lines for piece in line.split("|"))


#: pieces the dictionary decoder glues together (persnews' own tables add more)
PIECES = _split(
    # Jalali, Hijri and Gregorian months, weekdays
    "فروردین|اردیبهشت|خرداد|تیر|مرداد|امرداد|شهریور|مهر|آبان",
    "آذر|دی|بهمن|اسفند|محرم|صفر|ربیع الاول|رمضان|ذی\u200cالحجه",
    "ژانویه|فوریه|مارس|آوریل|مه|می|ژوئن|ژوئیه|سپتامبر|دسامبر",
    "شنبه|یکشنبه|دوشنبه|سه\u200cشنبه|سه شنبه|چهارشنبه|پنجشنبه|جمعه",
    # numbers and dates in three digit scripts
    "۱۴۰۲|۱۳۹۹|۱۷|۳۱|۰|٢٠٢١|١٤٤٥|٣٠|2021|1402|12|99",
    "۱۴۰۲/۰۷/۱۷|1399-12-30|۲۹/۲/۱۴۰۳|12:30|۱۸:۴۵|1.5|۱٫۵|۲۰٪|3,000",
    "یک|دو|سه|ده|بیست|صد|هزار|میلیون|میلیارد|اول|دوم|سوم",
    "چهارم|بیست و یکم|نیم|ربع|درصد|دلار|تومان|ریال|کیلومتر",
    # relative and calendar words
    "روز|روزه|هفته|ماه|ماهه|سال|ساله|قرن|دهه|ساعت|دقیقه",
    "گذشته|آینده|پیش|قبل|بعد|دیگر|اخیر|امروز|دیروز|فردا",
    "پریروز|امسال|پارسال|جاری|این|آن|همان|از|تا|الی|لغایت",
    "در|به|و|یا|اوایل|اواسط|اواخر|نیمه|ابتدای|پایان|صبح",
    "ظهر|عصر|شب|بامداد|ساعت ۱۰ صبح|بهار|تابستان|پاییز|زمستان",
    "میلادی|شمسی|قمری|هجری|ه.ش.|ه.ق.|م.|نوروز|عید|ماه رمضان",
    # news and relations
    "به گزارش|به نقل از|به گفته|ایرنا|فارس|خبرگزاری|خبرنگار|گفت",
    "افزود|اعلام کرد|تاکید کرد|گفت\u200cوگو|دیدار|تلفنی|نشست|وزیر",
    "امور خارجه|رئیس|رئیس\u200cجمهور|سخنگوی|سازمان|ملل|ایران|روسیه",
    "تهران|مسکو|آقای|خانم|دکتر|علی|حسن|روحانی|سرگئی|لاوروف",
    "وی|او|ایشان|همتای|خود|است|بود|شد|کرد|می|نمی|ها",
    # punctuation, spaces, joiners, bidi marks, Arabic variants
    '«|»|“|”|"|(|)|[|]|:|،|.|؛|!|؟|?|,',
    "-|–|—|/|\\|%|٪|…| |  |\u2009|\u202f|\n|\n\n|\t|\r\n",
    "\xa0|\u200c|\u200d|\u200e|\u200f|\u202a|\u202b|\u202c",
    "\u2066|\u2067|\u2069|\ufeff|\xad|\u0640|\u064b|\u0650",
    "\u0651|\u0670|ي|ك|ى|ة|ۀ|أ|إ|ؤ|ﻻ|ﷲ|ﺑ",
)

DIGITS = {
    "latin": "0123456789",
    "persian": "۰۱۲۳۴۵۶۷۸۹",
    "arabic": "٠١٢٣٤٥٦٧٨٩",
}

#: persnews tables whose entries join the dictionary: (module, constant)
_TABLES = (
    ("persnews._datetext", "JALALI_VARIANTS"),
    ("persnews._datetext", "HIJRI_VARIANTS"),
    ("persnews._datetext", "GREGORIAN_VARIANTS"),
    ("persnews._datetext", "ERAS"),
    ("persnews._daterules", "RELATIVE_DAYS"),
    ("persnews._daterules", "DAY_PARTS"),
    ("persnews._daterules", "UNITS"),
    ("persnews._daterules", "PART_HEADS"),
    ("persnews._daterules", "PART_STRETCHES"),
    ("persnews._daterules", "PART_POINTS"),
    ("persnews.numbers", "ONES"),
    ("persnews.numbers", "TEENS"),
    ("persnews.numbers", "TENS"),
    ("persnews.numbers", "HUNDREDS"),
    ("persnews.numbers", "SCALES"),
)
#: data files whose first column joins the dictionary (the first rows of each)
_DATA = (
    "relation_words.tsv",
    "relation_verbs.tsv",
    "titles.tsv",
    "agencies.tsv",
    "occasions.tsv",
    "year_cues.tsv",
    "units.tsv",
    "entity_heads.tsv",
    "organizations.tsv",
    "countries.tsv",
)
_ROWS_PER_FILE = 40


def dictionary() -> tuple[str, ...]:
    """``PIECES`` and the words of persnews' date, number and relation tables."""
    words = dict.fromkeys(PIECES)
    for module_name, constant in _TABLES:
        table = getattr(importlib.import_module(module_name), constant, {})
        words.update(dict.fromkeys(str(key) for key in table))
    data = resources.files("persnews") / "data"
    for name in _DATA:
        lines = (data / name).read_text("utf-8").splitlines()
        rows = [line for line in lines if line and not line.startswith("#")][1:]
        for row in rows[:_ROWS_PER_FILE]:
            cell = row.split("\t")[0]
            if "#" in cell:  # relation_verbs: past#present stems
                words.update(dict.fromkeys(cell.split("#")))
            elif cell != "-":
                words[cell] = None
    return tuple(word for word in words if word)


# --- bytes to text -------------------------------------------------------------------


class Decoder:
    """Turns fuzzer bytes into ``(text, published)``."""

    def __init__(self) -> None:
        self.pieces = dictionary()
        self.published = _published_choices()

    def __call__(self, data: bytes) -> tuple[str, object]:
        provider = atheris.FuzzedDataProvider(data)
        mode = provider.ConsumeIntInRange(0, len(MODES) - 1)
        published = self.published[provider.ConsumeIntInRange(0, len(self.published) - 1)]
        if mode == 0:
            text = provider.ConsumeUnicodeNoSurrogates(provider.remaining_bytes())
        elif mode == 1:
            text = provider.ConsumeUnicode(provider.remaining_bytes())
        elif mode == 2:
            text = "".join(self._glued(provider))
        else:
            raw = provider.ConsumeBytes(provider.remaining_bytes())
            text = raw.decode("utf-8", "surrogateescape")
        return text, published

    def _glued(self, provider: Any) -> Iterator[str]:
        """Dictionary pieces, numbers in any digit script, now and then any character."""
        extra = ("number", "character", "space")
        while provider.remaining_bytes():
            choice = provider.ConsumeIntInRange(0, len(self.pieces) + len(extra) - 1)
            if choice < len(self.pieces):
                yield self.pieces[choice]
                continue
            kind = extra[choice - len(self.pieces)]
            if kind == "number":
                value = str(provider.ConsumeIntInRange(0, 99_999))
                script = DIGITS[("latin", "persian", "arabic")[provider.ConsumeIntInRange(0, 2)]]
                yield value.translate(str.maketrans("0123456789", script))
            elif kind == "character":
                yield provider.ConsumeUnicode(1)
            else:
                yield " "

    def encode(self, text: str, published: int = 0) -> bytes:
        """The input that decodes (mode utf8) to ``text`` and ``self.published[published]``."""
        body = text.encode("utf-8", "surrogateescape")
        for last in range(256):
            if (
                atheris.FuzzedDataProvider(bytes((last,))).ConsumeIntInRange(0, len(MODES) - 1)
                != UTF8
            ):
                continue
            for before in range(256):
                data = body + bytes((before, last))
                if self(data) == (text, self.published[published]):
                    return data
        raise AssertionError(f"cannot encode {text[:40]!r}")  # pragma: no cover


# --- the checks ----------------------------------------------------------------------


def _same(text: str, what: str, mention: Any) -> None:
    start, end = mention.start, mention.end
    if not (0 <= start <= end <= len(text)) or text[start:end] != mention.text:
        raise AssertionError(
            f"{what} span {start}:{end} gives {text[start:end]!r}, "
            f"but the {what} says {mention.text!r}"
        )


def _inside(text: str, what: str, record: Any) -> None:
    if record is not None and not 0 <= record.start <= record.end <= len(text):
        raise AssertionError(f"{what} span {record.start}:{record.end} outside 0:{len(text)}")


def _no_constant(name: str) -> None:
    raise AssertionError(f"to_json() wrote {name}, which is not JSON")


def check_article(text: str, published: object) -> Exception | None:
    """``analyze``: no unexpected error, every span exact, JSON round trip; returns
    the PersnewsError it raised, if any."""
    from persnews import Article, PersnewsError, analyze

    try:
        article = analyze(text, published=published)
    except PersnewsError as error:
        return error
    if article.text != text:
        raise AssertionError("Article.text is not the text given")
    for sentence in article.sentences:
        _same(text, "sentence", sentence)
        for token in sentence.tokens:
            _same(text, "token", token)
    for kind in ("dates", "numbers", "entities", "titles"):
        for mention in getattr(article, kind):
            _same(text, kind, mention)
    for role in article.roles:
        for what, record in (("role", role), ("role person", role.person), ("org", role.org)):
            _inside(text, what, record)
    for quote in article.quotes:
        _inside(text, "quote", quote)
        _inside(text, "speaker", quote.speaker)
        _same(text, "quote content", quote.content)
    for attribution in article.attributions:
        for record in (attribution, attribution.source, *attribution.via):
            _inside(text, "attribution", record)
    for meeting in article.meetings:
        for record in (meeting, *meeting.participants, meeting.place):
            _inside(text, "meeting", record)
        if meeting.date is not None:
            _same(text, "meeting date", meeting.date)
    data = json.loads(article.to_json(), parse_constant=_no_constant)
    if Article.from_dict(data) != article:
        raise AssertionError("Article.from_dict(json.loads(article.to_json())) != article")
    return None


def check_dates(text: str, published: object) -> Exception | None:
    """``find_dates``: no unexpected error, every span exact, JSON round trip; returns
    the PersnewsError it raised, if any."""
    from persnews import DateMention, PersnewsError, find_dates

    try:
        mentions = find_dates(text, published=published)
    except PersnewsError as error:
        return error
    for mention in mentions:
        _same(text, "date", mention)
        data = json.loads(json.dumps(mention.to_dict()), parse_constant=_no_constant)
        if DateMention.from_dict(data) != mention:
            raise AssertionError(f"DateMention.from_dict(to_dict()) != {mention!r}")
    return None


TARGETS: dict[str, Callable[[str, object], Exception | None]] = {
    "analyze": check_article,
    "find_dates": check_dates,
}


# --- the seed corpus -----------------------------------------------------------------


def seed_texts(target: str) -> list[str]:
    """The example article, its paragraphs and sentences, and the Persian or
    numeric strings of the target's test modules (``SEED_TESTS``)."""
    from persnews import sentences

    article = EXAMPLE.read_text("utf-8")
    texts = [article]
    texts += [paragraph for paragraph in article.split("\n\n") if paragraph.strip()]
    texts += [sentence.text for sentence in sentences(article)]
    for name in SEED_TESTS[target]:
        path = ROOT / "tests" / name
        if not path.exists():  # pragma: no cover - a source tree without tests
            continue
        texts += [
            node.value
            for node in ast.walk(ast.parse(path.read_text("utf-8")))
            if isinstance(node, ast.Constant)
            and isinstance(node.value, str)
            and re.search(r"[\u0600-\u06ff0-9]", node.value)
            and len(node.value) < 400
        ]
    return list(dict.fromkeys(texts))


def write_seeds(directory: Path, target: str, decoder: Decoder, max_len: int) -> int:
    """Write the seeds into ``directory``, the ``published`` values taking turns."""
    directory.mkdir(parents=True, exist_ok=True)
    count = 0
    for index, text in enumerate(seed_texts(target)):
        data = decoder.encode(text, index % len(decoder.published))
        if len(data) > max_len:  # libFuzzer would cut the mode bytes off
            continue
        path = directory / f"seed-{hashlib.sha1(data).hexdigest()[:16]}"
        if not path.exists():
            path.write_bytes(data)
        count += 1
    return count


def write_dictionary(path: Path, pieces: Sequence[str]) -> None:
    """A libFuzzer ``-dict`` file: each piece in UTF-8, as a C-escaped string."""
    lines = []
    for piece in pieces:
        body = "".join(
            chr(byte) if 0x20 <= byte < 0x7F and byte not in b'"\\' else f"\\x{byte:02x}"
            for byte in piece.encode("utf-8", "surrogateescape")
        )
        lines.append(f'"{body}"')
    path.write_text("\n".join(lines) + "\n", encoding="ascii")


# --- the child: libFuzzer ------------------------------------------------------------


class Counter:
    """Counts runs and the PersnewsErrors raised (by kind, with a first example);
    saves them to a file now and then, and before a crash."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.runs = 0
        self.started = time.monotonic()
        self.saved = self.started
        self.errors: dict[str, list[Any]] = {}

    def save(self) -> None:
        elapsed = time.monotonic() - self.started
        stats = {"runs": self.runs, "seconds": elapsed, "errors": self.errors}
        self.path.write_text(json.dumps(stats, ensure_ascii=False))

    def error(self, error: Exception, text: str, published: object) -> None:
        kind = f"{type(error).__name__}: {re.sub(r'[0-9]+', 'N', str(error))[:100]}"
        if kind in self.errors:
            self.errors[kind][0] += 1
        else:
            self.errors[kind] = [1, repr(text)[:300], repr(published)]

    def tick(self) -> None:
        self.runs += 1
        now = time.monotonic()
        if now - self.saved >= 1:
            self.saved = now
            self.save()


def worker(options: argparse.Namespace) -> None:
    """Instrument persnews, then hand the target to libFuzzer (which exits)."""
    with atheris.instrument_imports(include=["persnews"]):
        for name in MODULES:
            importlib.import_module(name)
        decoder = Decoder()
        check = TARGETS[options.target]
        for text in seed_texts(options.target)[:3]:  # warm the caches: lazy tables load here
            check(text, decoder.published[2])
    counter = Counter(Path(options.stats))

    def one_input(data: bytes) -> None:
        counter.tick()
        text, published = decoder(data)
        try:
            error = check(text, published)
        except BaseException:
            counter.save()
            print(f"\n=== input: {text!r}\n=== published: {published!r}", file=sys.stderr)
            raise
        if error is not None:
            counter.error(error, text, published)

    # libFuzzer runs argv[0] through the shell to minimize a crash (-minimize_crash=1):
    # make it this worker again, the flags libFuzzer adds going after "--"
    again = [sys.executable, str(Path(__file__).resolve()), *_worker_options(options), "--"]
    argv = [
        " ".join(shlex.quote(part) for part in again),
        f"-max_total_time={options.seconds}",
        f"-max_len={options.max_len}",
        f"-timeout={options.timeout}",
        f"-artifact_prefix={options.crashes.rstrip('/')}/",
        f"-dict={options.dict}",
        *options.libfuzzer,
    ]
    if options.corpus:
        argv.insert(1, options.corpus)
    atheris.Setup(argv, one_input)
    atheris.Fuzz()


# --- the parent ----------------------------------------------------------------------

_COV = re.compile(r"\bcov: (\d+) ft: (\d+)")
_DONE = re.compile(r"^Done (\d+) runs in (\d+) second")
_EXECUTED = re.compile(r"^Executed .* in \d+ ms")  # libFuzzer run on given files
_ARTIFACT = re.compile(r"^(crash|timeout|oom|leak|slow-unit)-")


def _worker_options(options: argparse.Namespace) -> list[str]:
    """The worker's command line options (the corpus and libFuzzer's flags aside)."""
    return [
        "--worker",
        f"--target={options.target}",
        f"--seconds={options.seconds}",
        f"--max-len={options.max_len}",
        f"--timeout={options.timeout}",
        f"--crashes={Path(options.crashes).resolve()}",
        f"--dict={options.dict}",
        f"--stats={options.stats}",
    ]


def _artifacts(directory: Path) -> set[str]:
    if not directory.is_dir():
        return set()
    return {path.name for path in directory.iterdir() if _ARTIFACT.match(path.name)}


def fuzz(options: argparse.Namespace) -> int:
    """Seed, run the worker, stream its output, print the summary; 1 if it found a crash."""
    crashes = Path(options.crashes)
    crashes.mkdir(parents=True, exist_ok=True)
    before = _artifacts(crashes)
    decoder = Decoder()
    with tempfile.TemporaryDirectory(prefix="persnews-fuzz-") as scratch:
        corpus = Path(options.corpus) if options.corpus else Path(scratch) / "corpus"
        seeds = write_seeds(corpus, options.target, decoder, options.max_len)
        dictionary_file = Path(scratch) / "persnews.dict"
        write_dictionary(dictionary_file, decoder.pieces)
        stats = Path(scratch) / "stats.json"
        passthrough = options.libfuzzer
        if passthrough and passthrough[0] == "--":
            passthrough = passthrough[1:]
        on_files = [arg for arg in passthrough if not arg.startswith("-")]
        options.dict, options.stats = str(dictionary_file), str(stats)
        command = [sys.executable, str(Path(__file__).resolve()), *_worker_options(options)]
        if not on_files:  # given inputs (-minimize_crash, reruns): no corpus
            command.append(f"--corpus={corpus}")
        command += ["--", *passthrough]
        print(
            f"fuzz {options.target}: {seeds} seeds in {corpus}, "
            f"{len(decoder.pieces)} dictionary pieces",
            file=sys.stderr,
        )
        started = time.monotonic()
        cov = ft = done = None
        executed = 0
        with subprocess.Popen(
            command, stderr=subprocess.PIPE, text=True, errors="replace"
        ) as child:
            assert child.stderr is not None
            for line in child.stderr:
                sys.stderr.write(line)
                if found := _COV.search(line):
                    cov, ft = found.groups()
                if found := _DONE.match(line):
                    done = int(found.group(1))
                executed += bool(_EXECUTED.match(line))
        elapsed = time.monotonic() - started
        counted = json.loads(stats.read_text("utf-8")) if stats.exists() else {}
    new = sorted(_artifacts(crashes) - before)
    runs = max(counted.get("runs", 0), done or 0, executed)
    for kind, (count, text, published) in counted.get("errors", {}).items():
        print(f"  raised {count}x (a PersnewsError, allowed) {kind}\n    e.g. {text} {published}")
    print(
        f"fuzz {options.target}: {runs} runs in {elapsed:.0f} s, cov {cov or '-'}, ft {ft or '-'}, "
        f"{len(new)} crash(es) in {crashes}/" + "".join(f"\n  {crashes / name}" for name in new),
        flush=True,
    )
    return 1 if new or child.returncode else 0


def replay(options: argparse.Namespace) -> int:
    """Decode saved inputs, print them as Python literals and run the check."""
    decoder = Decoder()
    check = TARGETS[options.target]
    failed = 0
    for name in options.replay:
        text, published = decoder(Path(name).read_bytes())
        print(f"{name}:\n  text = {text!r}\n  published = {published!r}")
        try:
            error = check(text, published)
        except Exception:
            failed += 1
            traceback.print_exc()
        else:
            print(f"  ok (raised {error!r})" if error else "  ok")
    return 1 if failed else 0


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--target", choices=sorted(TARGETS), default="analyze")
    parser.add_argument("--seconds", type=int, default=60, help="libFuzzer -max_total_time")
    parser.add_argument("--corpus", help="corpus directory (default: a temporary one)")
    parser.add_argument("--crashes", default="fuzz-crashes", help="where crash inputs go")
    parser.add_argument("--max-len", type=int, default=4096, help="libFuzzer -max_len (bytes)")
    parser.add_argument("--timeout", type=int, default=30, help="seconds an input may take")
    parser.add_argument("--replay", nargs="+", metavar="FILE", help="decode and check inputs")
    parser.add_argument("--worker", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--dict", help=argparse.SUPPRESS)
    parser.add_argument("--stats", help=argparse.SUPPRESS)
    parser.add_argument("libfuzzer", nargs="*", help="after --: arguments for libFuzzer")
    options = parser.parse_args(argv)
    if options.replay:
        return replay(options)
    if options.worker:
        worker(options)
        return 0  # not reached: libFuzzer exits
    return fuzz(options)


if __name__ == "__main__":
    sys.exit(main())
