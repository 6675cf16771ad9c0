"""pipe(): many articles, in order, on one process or several; and the CLI's
JSON Lines batch mode (bad records reported and skipped, runs resumable)."""

from __future__ import annotations

import itertools
import json
import pickle
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import persnews
from persnews.cli import main

TEXTS = [
    "به گزارش ایرنا، علی رضایی وزیر کشور روز دوشنبه گفت: «انتخابات برگزار می‌شود.»",
    "دیروز در تهران باران آمد.",
    "",
    "سرگئی لاوروف وزیر امور خارجه روسیه با حسین امیرعبداللهیان دیدار کرد.",
    "قیمت دلار ۲۵ درصد بالا رفت.",
] * 3


def _sequential(texts: list[str], published: str = "2021-11-23") -> list[persnews.Article]:
    return [persnews.analyze(text, published=published) for text in texts]


def test_pipe_equals_analyze_in_order() -> None:
    assert list(persnews.pipe(TEXTS, published="2021-11-23")) == _sequential(TEXTS)


def test_records_carry_their_own_date_and_id() -> None:
    records = [
        {"id": "a", "text": "امروز آمد.", "published": "1400/09/02"},
        {"id": 7, "text": "امروز آمد."},  # falls back to pipe's published
        {"text": "امروز آمد.", "published": "2020-01-07 15:32:00"},  # a time is ignored
    ]
    out = list(persnews.pipe(records, published="2022-03-21", as_dict=True))
    assert [d.get("id") for d in out] == ["a", 7, None]
    assert next(iter(out[0])) == "id"  # the id comes first in the JSON
    assert [d["dates"][0]["value"] for d in out] == ["2021-11-23", "2022-03-21", "2020-01-07"]
    articles = list(persnews.pipe(records, published="2022-03-21"))
    assert [a.to_dict() for a in articles] == [
        {k: v for k, v in d.items() if k != "id"} for d in out
    ]


@pytest.mark.parametrize("start_method", ["fork", "spawn"])
def test_two_workers_equal_sequential(start_method: str) -> None:
    texts = TEXTS * 3
    parallel = list(
        persnews.pipe(
            texts, published="2021-11-23", workers=2, batch_size=4, start_method=start_method
        )
    )
    assert parallel == _sequential(texts)


def test_two_workers_as_dict_equal_sequential() -> None:
    records = [{"id": n, "text": text} for n, text in enumerate(TEXTS)]
    parallel = list(persnews.pipe(records, workers=2, batch_size=2, as_dict=True))
    assert parallel == [{"id": n, **a.to_dict()} for n, a in enumerate(_sequential(TEXTS, None))]


@pytest.mark.parametrize("workers", [1, 2])
def test_input_is_read_lazily(workers: int) -> None:
    """An endless generator works: only a bounded window is in flight."""
    read = itertools.count()

    def endless() -> Iterator[str]:
        while True:
            next(read)
            yield "دیروز آمد."

    first = list(itertools.islice(persnews.pipe(endless(), workers=workers, batch_size=2), 5))
    assert len(first) == 5
    assert next(read) <= 5 + 2 * 2 * workers + 2  # the window: 2 batches per worker


def test_results_pickle_and_serialize() -> None:
    for article in persnews.pipe(TEXTS[:5], published="2021-11-23"):
        assert pickle.loads(pickle.dumps(article)) == article
        assert json.loads(article.to_json()) == article.to_dict()


@pytest.mark.parametrize("protocol", range(pickle.HIGHEST_PROTOCOL + 1))
def test_an_article_pickles_its_tokens_as_columns(protocol: int) -> None:
    """Sentences and tokens travel as offsets, norms and kinds; their texts are cut
    from the article's text again, and tokens stay shared with their sentences."""
    text = "به گزارش ايرنا، وزير گفت: «کار تمام است.»\n\nتیتر دوم\u200f\x00"
    article = persnews.analyze(text, published="1402/07/15")
    back = pickle.loads(pickle.dumps(article, protocol))
    assert back == article
    assert back.sentences[0].tokens[0] is back.tokens[0]
    empty = persnews.analyze("")
    assert pickle.loads(pickle.dumps(empty, protocol)) == empty


def test_an_article_made_by_hand_pickles_as_it_is() -> None:
    """A record whose token text is not the slice of the article its offsets say
    (made by hand, or imported) is pickled field by field, unchanged."""
    token = persnews.Token(0, 3, "not", "نه", "word")
    sentence = persnews.Sentence(0, 3, "abc", "نه", (token,))
    article = persnews.Article("abc", None, (sentence,))
    assert pickle.loads(pickle.dumps(article)) == article
    odd = persnews.Article("a\x00b", None, (persnews.Sentence(0, 3, "a\x00b", "a\x00b", ()),))
    assert pickle.loads(pickle.dumps(odd)) == odd


@pytest.mark.parametrize(
    ("items", "error", "message"),
    [
        ("متن", TypeError, "items must be an iterable"),
        (b"x", TypeError, "items must be an iterable"),
        ({"text": "x"}, TypeError, "wrap a single text in a list"),
        (5, TypeError, "items must be an iterable"),
    ],
)
def test_bad_items_argument(items: Any, error: type[Exception], message: str) -> None:
    with pytest.raises(error, match=message):
        persnews.pipe(items)


@pytest.mark.parametrize(
    ("item", "error", "message"),
    [
        (None, TypeError, "item 1 must be a str or a record"),
        (b"x", TypeError, "item 1 must be a str or a record"),
        ({"id": 1}, ValueError, 'item 1.*a record with a "text" field'),
        ({"text": 5}, TypeError, 'item 1 "text" must be str, not int'),
        ({"text": "x", "published": "tomorrow"}, ValueError, 'item 1 "published"'),
        ({"text": "x", "published": "1402-13-01"}, ValueError, "invalid month 13"),
    ],
)
@pytest.mark.parametrize("workers", [1, 2])
def test_a_bad_item_raises_at_its_place(
    item: Any, error: type[Exception], message: str, workers: int
) -> None:
    results = persnews.pipe(["دیروز آمد.", item, "x"], workers=workers)
    assert next(results).text == "دیروز آمد."
    with pytest.raises(error, match=message):
        next(results)


@pytest.mark.parametrize(
    ("options", "error", "message"),
    [
        ({"workers": 0}, ValueError, "invalid workers 0"),
        ({"workers": 1.5}, TypeError, "workers must be an int, not float"),
        ({"batch_size": 0}, ValueError, "invalid batch_size 0"),
        ({"start_method": "thread"}, ValueError, "invalid start_method 'thread'"),
        ({"published": "1402-13-01"}, ValueError, "invalid published"),
    ],
)
def test_bad_options_fail_before_any_work(
    options: dict[str, Any], error: type[Exception], message: str
) -> None:
    with pytest.raises(error, match=message):
        persnews.pipe(TEXTS, **options)


def test_empty_input() -> None:
    assert list(persnews.pipe([])) == []
    assert list(persnews.pipe([], workers=2)) == []


# ---------------------------------------------------------------- the command line


def _write_jsonl(path: Path, lines: list[Any]) -> None:
    with path.open("w", encoding="utf-8") as stream:
        for line in lines:
            stream.write(line if isinstance(line, str) else json.dumps(line, ensure_ascii=False))
            stream.write("\n")


def _records(count: int) -> list[dict[str, Any]]:
    return [
        {"id": f"n{number}", "text": TEXTS[number % len(TEXTS)], "published": "1400/09/02"}
        for number in range(count)
    ]


def _read_out(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


@pytest.mark.parametrize("workers", ["1", "2"])
def test_cli_batch_skips_bad_records_and_keeps_the_rest(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], workers: str
) -> None:
    good = _records(6)
    source = tmp_path / "in.jsonl"
    _write_jsonl(
        source,
        [
            good[0],
            "not json",  # line 2
            good[1],
            {"id": "t", "text": 5},  # line 4
            ["a list"],  # line 5
            good[2],
            "",  # a blank line is not a record
            {"id": "p", "text": "x", "published": "tomorrow"},  # line 8
            good[3],
            {"id": True, "text": "x"},  # line 10
            good[4],
            good[0],  # line 12: a repeated id
            good[5],
        ],
    )
    with source.open("ab") as stream:
        stream.write(b'{"id": "b", "text": "\xff"}\n')  # line 14: not UTF-8
    out = tmp_path / "out.jsonl"
    status = main(["analyze", "--jsonl", str(source), "--out", str(out), "--workers", workers])
    assert status == 1
    err = capsys.readouterr().err
    for line in (2, 4, 5, 8, 10, 12, 14):
        assert f"in.jsonl:{line}: " in err
    assert "in.jsonl:12: id 'n0' repeats line 1; skipped" in err
    assert "6 analyzed, 7 bad records skipped" in err
    written = _read_out(out)
    assert [d["id"] for d in written] == [r["id"] for r in good]
    for record, data in zip(good, written, strict=True):
        assert data["text"] == record["text"]
        assert data == {"id": record["id"], **persnews.analyze(**_args(record)).to_dict()}


def _args(record: dict[str, Any]) -> dict[str, Any]:
    return {"text": record["text"], "published": record["published"]}


def test_cli_batch_resumes(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    records = _records(8)
    source, out = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    _write_jsonl(source, records)
    # an earlier run was killed after three records, in the middle of the fourth
    _write_jsonl(source.with_name("part.jsonl"), records[:3])
    assert main(["analyze", "--jsonl", str(source.with_name("part.jsonl")), "--out", str(out)]) == 0
    with out.open("a", encoding="utf-8") as stream:
        stream.write('{"id": "n3", "text": "cut sho')
    capsys.readouterr()
    assert main(["analyze", "--jsonl", str(source), "--out", str(out), "--quiet"]) == 0
    captured = capsys.readouterr()
    assert captured.err == "persnews: 5 analyzed, 3 already in " + str(out) + "\n"
    assert [d["id"] for d in _read_out(out)] == [r["id"] for r in records]
    assert main(["analyze", "--jsonl", str(source), "--out", str(out), "--quiet"]) == 0
    assert "0 analyzed, 8 already in" in capsys.readouterr().err
    assert len(_read_out(out)) == 8


def test_cli_batch_without_ids_uses_line_numbers(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "in.jsonl"
    _write_jsonl(source, [{"text": "دیروز آمد."}, "", {"text": "فردا"}])
    assert main(["analyze", "--jsonl", str(source), "--quiet", "--published", "2021-11-23"]) == 0
    lines = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [line["id"] for line in lines] == [1, 3]
    assert lines[0]["dates"][0]["value"] == "2021-11-22"


def test_cli_batch_progress_on_stderr(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source, out = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    _write_jsonl(source, _records(3))
    assert main(["analyze", "--jsonl", str(source), "--out", str(out)]) == 0
    captured = capsys.readouterr()
    assert captured.out == ""
    assert "3/3" in captured.err
    assert "articles/s" in captured.err


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["analyze"], "give a FILE (or -), or --jsonl IN"),
        (["analyze", "x.txt", "--workers", "2"], "--out and --workers go with --jsonl"),
        (["analyze", "x.txt", "--jsonl", "y.jsonl"], "give a FILE or --jsonl IN, not both"),
        (["analyze", "--jsonl", "missing.jsonl"], "invalid --jsonl 'missing.jsonl'"),
        (["analyze", "--jsonl", "-", "--workers", "0"], "invalid --workers 0"),
        (["analyze", "--jsonl", "-", "--published", "tomorrow"], "invalid published 'tomorrow'"),
    ],
)
def test_cli_batch_usage_errors(
    argv: list[str], message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(argv) == 2
    assert message in capsys.readouterr().err


def test_jsonl_output_follows_the_schema_and_reads_back(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    jsonschema = pytest.importorskip("jsonschema")
    from importlib import resources

    schema = json.loads(
        resources.files("persnews").joinpath("data", "article.schema.json").read_text("utf-8")
    )
    source, out = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    _write_jsonl(source, [*_records(2), {"text": "فردا"}])
    assert main(["analyze", "--jsonl", str(source), "--out", str(out), "--quiet"]) == 0
    for data in _read_out(out):
        jsonschema.validate(data, schema)
    articles = list(persnews.read_jsonl(out))
    assert [a.text for a in articles] == [TEXTS[0], TEXTS[1], "فردا"]
