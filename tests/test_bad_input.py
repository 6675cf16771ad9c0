"""Bad input, table-driven (issue #8): every public function with wrong types,
blank text, bad dates, malformed files; each row gets the documented typed
error with a message that names the argument and what to do, or an empty
result.  Side effects are checked too: an error raised while checking the
arguments leaves no file behind (write_jsonl, the command line's --out).

A row is ``(function, args, kwargs, expected, check)``: ``expected`` is a
persnews error class and ``check`` a regular expression its message must
match, or ``expected`` is ``EMPTY`` and ``check`` says what "empty" means for
that function.
"""

from __future__ import annotations

import datetime
import io
import json
import re
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import numpy as np
import pytest

import persnews
from persnews import (
    HijriDate,
    InputTypeError,
    InvalidDateError,
    InvalidValueError,
    JalaliDate,
    PersnewsError,
    UnsupportedDateError,
    calendar,
)
from persnews.cli import main
from persnews.errors import InvalidOffsetError

TEXT = "سرگئی لاوروف دیروز در مسکو گفت: «مذاکرات ادامه دارد.»"
ARTICLE = persnews.analyze(TEXT, published="1402/07/17")
EMPTY_ARTICLE = persnews.analyze("")
DOC = persnews.normalize("سلام  دنیا")  # 10 original characters, 9 normalized
UTC = datetime.UTC
EMPTY = "empty"

#: the builtin each persnews error must also be
BUILTIN = {
    InputTypeError: TypeError,
    InvalidValueError: ValueError,
    InvalidDateError: ValueError,
    UnsupportedDateError: ValueError,
    InvalidOffsetError: IndexError,
}


def listed(function: Callable[..., Any]) -> Callable[..., list[Any]]:
    """``function``'s lazy result, read to the end (pipe, read_jsonl)."""

    def read(*args: Any, **kwargs: Any) -> list[Any]:
        return list(function(*args, **kwargs))

    read.__name__ = function.__name__
    return read


# ---------------------------------------------------------------- what "empty" means


def no_mentions(article: persnews.Article) -> bool:
    return not (
        article.sentences
        or article.dates
        or article.numbers
        or article.entities
        or article.titles
        or article.roles
        or article.quotes
        or article.attributions
        or article.meetings
    )


def empty_article(text: str) -> Callable[[Any], bool]:
    """An Article of ``text`` with nothing in it."""
    return lambda result: (
        isinstance(result, persnews.Article) and (result.text == text and no_mentions(result))
    )


def empty_list(result: Any) -> bool:
    return result == []


def empty_relations(result: Any) -> bool:
    return isinstance(result, persnews.Relations) and not any(
        (result.entities, result.roles, result.quotes, result.attributions, result.meetings)
    )


def empty_doc(text: str) -> Callable[[Any], bool]:
    return lambda doc: doc.original == text and doc.text == "" and len(doc) == 0


def empty_arrays(result: Any) -> bool:
    arrays = result if isinstance(result, tuple) else (result,)
    return all(array.size == 0 for array in arrays)


def no_rows(html: str) -> bool:
    return "no mentions" in html and "<tr data-start=" not in html


def no_highlights(html: str) -> bool:
    return isinstance(html, str) and 'class="pn-m ' not in html


# ---------------------------------------------------------------- the table

TEXT_FUNCTIONS: list[Callable[..., Any]] = [
    persnews.analyze,
    persnews.normalize,
    persnews.tokenize,
    persnews.sentences,
    persnews.find_dates,
    persnews.find_numbers,
    persnews.find_entities,
    persnews.find_titles,
    persnews.find_relations,
    persnews.parse_number,
]

WRONG_TYPES: list[tuple[Any, str]] = [
    (None, "NoneType"),
    (b"bytes", r"bytes; decode it first, e\.g\. data\.decode\(\"utf-8\"\)"),
    (12, "int"),
    (["list"], "list"),
]
BLANK = ["", "  \n\t", "\u200c"]


def blank_result(function: Callable[..., Any], text: str) -> tuple[Any, Any]:
    """What ``function`` gives for blank ``text``."""
    if function is persnews.analyze:
        return EMPTY, empty_article(text)
    if function is persnews.normalize:
        return EMPTY, empty_doc(text)
    if function is persnews.find_relations:
        return EMPTY, empty_relations
    if function is persnews.parse_number:  # one number is asked for: there is none
        return InvalidValueError, r"invalid text .*: expected one number in words and/or digits"
    return EMPTY, empty_list


ROWS: list[Any] = []


def row(
    function: Callable[..., Any],
    args: tuple[Any, ...],
    kwargs: dict[str, Any] | None,
    expected: Any,
    check: Any,
    name: str,
) -> None:
    ROWS.append(pytest.param(function, args, kwargs or {}, expected, check, id=name))


for function in TEXT_FUNCTIONS:
    for value, shown in WRONG_TYPES:
        row(
            function,
            (value,),
            None,
            InputTypeError,
            rf"^text must be str, not {shown}$",
            f"{function.__name__}-{type(value).__name__}",
        )
    for text in BLANK:
        expected, check = blank_result(function, text)
        row(function, (text,), None, expected, check, f"{function.__name__}-blank{text!r}")

# every function that takes published=: analyze, find_dates, find_relations,
# from_brat and pipe (which checks its default before reading any item)
PUBLISHED: list[tuple[Any, Any, str]] = [
    (
        "1402-13-01",
        InvalidValueError,
        r"^invalid published '1402-13-01': expected a Jalali date that exists "
        r"\(invalid month 13: expected 1\.\.12\)$",
    ),
    (
        "tomorrow",
        InvalidValueError,
        r"^invalid published 'tomorrow': expected a date like \"2021-11-23\" \(Gregorian\)",
    ),
    (
        datetime.datetime(2021, 11, 23, tzinfo=UTC),
        InvalidValueError,
        r"^invalid published .*expected a local date without a time zone.*"
        r"astimezone\(ZoneInfo\(\"Asia/Tehran\"\)\)\.date\(\)",
    ),
    (
        20211123,
        InputTypeError,
        r"^published must be a datetime\.date, a JalaliDate or a date string, not int$",
    ),
    ("", InvalidValueError, r"^invalid published '': expected a date like"),
    (True, InputTypeError, r"^published must be .*, not bool$"),
    ("2021-13-01", InvalidValueError, r"^invalid published '2021-13-01': expected"),
    ("1402/12/30", InvalidValueError, r"^invalid published '1402/12/30': expected a Jalali date"),
    ("2021/11/23", InvalidValueError, r"^invalid published '2021/11/23': expected a date like"),
    ("21-11-23", InvalidValueError, r"^invalid published '21-11-23': expected a date like"),
]
PUBLISHED_CALLS: list[tuple[Callable[..., Any], tuple[Any, ...]]] = [
    (persnews.analyze, ("متن",)),
    (persnews.find_dates, ("متن",)),
    (persnews.find_relations, ("متن",)),
    (persnews.from_brat, ("متن", "")),
    (persnews.pipe, (["متن"],)),
]
for function, args in PUBLISHED_CALLS:
    for value, expected, check in PUBLISHED:
        row(
            function,
            args,
            {"published": value},
            expected,
            check,
            f"{function.__name__}-published={value!r}",
        )

# ---- the calendar: JalaliDate, HijriDate and persnews.calendar's functions
INT_NOT = r"^{} must be an int, not {}$"
for args, expected, check in [
    ((1402, 13, 1), InvalidDateError, r"^invalid month 13: expected 1\.\.12$"),
    ((1402, 12, 30), InvalidDateError, r"^invalid day 30: expected 1\.\.29 \(Esfand 1402"),
    ((1402, 7, 31), InvalidDateError, r"^invalid day 31: expected 1\.\.30 \(Mehr 1402"),
    ((1402, 1, 0), InvalidDateError, r"^invalid day 0: expected 1\.\.31"),
    ((0, 1, 1), UnsupportedDateError, r"^invalid year 0: expected a Jalali year in 1\.\.3000$"),
    ((3001, 1, 1), UnsupportedDateError, r"^invalid year 3001: expected a Jalali year in 1\.\."),
    (("1402", 1, 1), InputTypeError, INT_NOT.format("year", "str")),
    ((1402, 1.0, 1), InputTypeError, INT_NOT.format("month", "float")),
    ((1402, 1, True), InputTypeError, INT_NOT.format("day", "bool")),
    ((None, 1, 1), InputTypeError, INT_NOT.format("year", "NoneType")),
    # to_gregorian does not ask the year's type: a list of the years must refuse these
    ((1402.0, 1, 1), InputTypeError, INT_NOT.format("year", "float")),
    ((True, 1, 1), InputTypeError, INT_NOT.format("year", "bool")),
    ((False, 1, 1), InputTypeError, INT_NOT.format("year", "bool")),
    ((-1, 1, 1), UnsupportedDateError, r"^invalid year -1: expected a Jalali year in 1\.\."),
    ((-2999, 1, 1), UnsupportedDateError, r"^invalid year -2999: expected a Jalali year"),
    ((10**30, 1, 1), UnsupportedDateError, r"^invalid year 10{30}: expected a Jalali year"),
    ((1402, -1, 1), InvalidDateError, r"^invalid month -1: expected 1\.\.12$"),
    ((1402, -12, 1), InvalidDateError, r"^invalid month -12: expected 1\.\.12$"),
    ((1402, 0, 1), InvalidDateError, r"^invalid month 0: expected 1\.\.12$"),
    ((1402, 1, -1), InvalidDateError, r"^invalid day -1: expected 1\.\.31"),
]:
    row(JalaliDate, args, None, expected, check, f"JalaliDate{args}")
    row(calendar.to_gregorian, args, None, expected, check, f"to_gregorian{args}")
for args, kwargs, expected, check in [
    ((1445, 1, 31), {}, InvalidDateError, r"^invalid day 31: expected 1\.\.30 \(محرم 1445"),
    ((1445, 13, 1), {}, InvalidDateError, r"^invalid month 13: expected 1\.\.12$"),
    ((1445, 1, 0), {}, InvalidDateError, r"^invalid day 0: expected 1\.\.30"),
    (("1445", 1, 1), {}, InputTypeError, INT_NOT.format("year", "str")),
    ((1445, True, 1), {}, InputTypeError, INT_NOT.format("month", "bool")),
    ((1445, 1, 1.5), {}, InputTypeError, INT_NOT.format("day", "float")),
    ((1445, 1, 1), {"calendar": "egypt"}, InvalidValueError, r"^invalid calendar 'egypt': "),
    ((1100, 1, 1), {}, UnsupportedDateError, r"^invalid year 1100: expected"),
]:
    row(HijriDate, args, kwargs, expected, check, f"HijriDate{args}{kwargs or ''}")
for function, args, expected, check in [
    (calendar.is_leap, (0,), UnsupportedDateError, r"^invalid year 0: expected a Jalali year"),
    (calendar.is_leap, ("1402",), InputTypeError, INT_NOT.format("year", "str")),
    (calendar.is_leap, (True,), InputTypeError, INT_NOT.format("year", "bool")),
    (calendar.is_provisional, (3001,), UnsupportedDateError, r"^invalid year 3001"),
    (calendar.is_provisional, (1402.0,), InputTypeError, INT_NOT.format("year", "float")),
    (calendar.month_length, (1402, 13), InvalidDateError, r"^invalid month 13: expected 1\.\.12"),
    (calendar.month_length, (1402, None), InputTypeError, INT_NOT.format("month", "NoneType")),
    (calendar.month_length, (-1, 1), UnsupportedDateError, r"^invalid year -1"),
    (
        calendar.to_jalali,
        ("2021-11-23",),
        InputTypeError,
        r"^date must be a datetime\.date, not str$",
    ),
    (calendar.to_jalali, (None,), InputTypeError, r"^date must be a datetime\.date, not NoneType"),
    (
        calendar.to_jalali,
        (JalaliDate(1402, 1, 1),),
        InputTypeError,
        r"^date must be a datetime\.date, not JalaliDate$",
    ),
    (
        calendar.to_jalali,
        (datetime.date(1, 1, 1),),
        UnsupportedDateError,
        r"^invalid date .*: expected a date in Jalali years 1\.\.3000",
    ),
    (
        calendar.reference_date,
        ("1402/12/30",),
        InvalidValueError,
        r"^invalid published '1402/12/30': expected a Jalali date that exists \(invalid day 30",
    ),
    (
        calendar.reference_date,
        ("2021-11-23T10:00+03:30",),
        InvalidValueError,
        r"^invalid published .*expected a local date without a time zone",
    ),
    (JalaliDate.parse, (None,), InputTypeError, r"^text must be str, not NoneType$"),
    (JalaliDate.parse, ("",), InvalidDateError, r"^invalid text '': expected a Jalali date like"),
    (JalaliDate.parse, ("1402/13/01",), InvalidDateError, r"^invalid month 13"),
    (JalaliDate.parse, ("tomorrow",), InvalidDateError, r"^invalid text 'tomorrow': expected"),
    (JalaliDate.fromisoformat, (b"1402-01-01",), InputTypeError, r"^text must be str, not bytes"),
    (JalaliDate.fromisoformat, ("1402/01/01",), InvalidDateError, r'expected "YYYY-MM-DD"$'),
    (JalaliDate.fromordinal, ("5",), InputTypeError, INT_NOT.format("ordinal", "str")),
    (JalaliDate.fromordinal, (0,), UnsupportedDateError, r"^invalid date 0: expected a date in"),
    (JalaliDate.from_gregorian, ("2021-11-23",), InputTypeError, r"^date must be a datetime\.date"),
    (HijriDate.parse, (1445,), InputTypeError, r"^text must be str, not int$"),
    (HijriDate.parse, ("x",), InvalidDateError, r"^invalid text 'x': expected a Hijri date like"),
    (HijriDate.fromordinal, (True,), InputTypeError, INT_NOT.format("ordinal", "bool")),
    (HijriDate.from_gregorian, (None,), InputTypeError, r"^date must be a datetime\.date"),
    (
        HijriDate.from_gregorian,
        (datetime.date(1, 1, 1),),
        UnsupportedDateError,
        r"^invalid date '0001-01-01': expected a date from 1785-11-05 to 2270-12-14",
    ),
    (JalaliDate(1402, 1, 1).replace, (), InputTypeError, INT_NOT.format("year", "str")),
    (JalaliDate(1402, 1, 1).format, (), InvalidValueError, r"^invalid digits 'arabic': expected"),
    (JalaliDate(1402, 1, 1).to_hijri, ("egypt",), InvalidValueError, r"^invalid calendar 'egypt'"),
]:
    kwargs = {}
    if function.__name__ == "replace":
        kwargs = {"year": "1403"}
    elif function.__name__ == "format":
        kwargs = {"digits": "arabic"}
    row(function, args, kwargs, expected, check, f"{function.__qualname__}{args}{kwargs or ''}")

# ---- numpy arrays
for function, args, expected, check in [
    (
        calendar.to_gregorian_array,
        ([1402], [13], [1]),
        InvalidDateError,
        r"^invalid months\[0\] 13: expected 1\.\.12$",
    ),
    (
        calendar.to_gregorian_array,
        ([1402, 1402], [12, 12], [29, 30]),
        InvalidDateError,
        r"^invalid days\[1\] 30: expected 1\.\.29 for 1402/12$",
    ),
    (
        calendar.to_gregorian_array,
        ([0], [1], [1]),
        UnsupportedDateError,
        r"^invalid years\[0\] 0: expected a Jalali year in 1\.\.3000$",
    ),
    (
        calendar.to_gregorian_array,
        (np.array([1402.0]), [1], [1]),
        InputTypeError,
        r"^years must be an array of integers, not an array of float64$",
    ),
    (
        calendar.to_gregorian_array,
        (["1402"], [1], [1]),
        InputTypeError,
        r"^years must be an array of integers, not an array of <U4$",
    ),
    (
        calendar.to_gregorian_array,
        ([1402], [True], [1]),
        InputTypeError,
        r"^months must be an array of integers, not an array of bool$",
    ),
    (
        calendar.to_gregorian_array,
        ([1402, 1403], [1, 1, 1], [1, 1]),
        InvalidValueError,
        r"^invalid shapes of years, months, days \(\(2,\), \(3,\), \(2,\)\): expected arrays "
        r"of one shape",
    ),
    (calendar.to_gregorian_array, ([], [], []), EMPTY, empty_arrays),
    (
        calendar.to_jalali_array,
        (np.array([1, 2]),),
        InputTypeError,
        r"^dates must be an array of numpy datetime64 or datetime\.date, not an array of int64$",
    ),
    (
        calendar.to_jalali_array,
        (["2021-11-23"],),
        InputTypeError,
        r"^dates must be an array of numpy datetime64 or datetime\.date, not an array of <U10$",
    ),
    (
        calendar.to_jalali_array,
        (None,),
        InputTypeError,
        r"^dates must be an array of numpy datetime64 or datetime\.date, not NoneType$",
    ),
    (
        calendar.to_jalali_array,
        ([datetime.date(2021, 11, 23), 5],),
        InputTypeError,
        r"^dates\[1\] must be a datetime\.date or numpy datetime64, not int$",
    ),
    (
        calendar.to_jalali_array,
        ([datetime.date(2021, 11, 23), "x"],),
        InputTypeError,
        r"^dates\[1\] must be a datetime\.date or numpy datetime64, not str$",
    ),
    (
        calendar.to_jalali_array,
        (np.array(["2021-11-23", "NaT"], dtype="datetime64[D]"),),
        UnsupportedDateError,
        r"^invalid dates\[1\] 'NaT': expected a date in Jalali years 1\.\.3000$",
    ),
    (calendar.to_jalali_array, (np.array([], dtype="datetime64[D]"),), EMPTY, empty_arrays),
]:
    row(function, args, None, expected, check, f"{function.__name__}{args!r}"[:60])

# ---- NormalizedText: offsets are ints inside the text
for function, args, expected, check in [
    (
        DOC.to_original,
        (-1, 2),
        InvalidOffsetError,
        r"^invalid span \(-1, 2\): expected 0 <= start <= end <= 9 \(offsets into the "
        r"normalized text\)$",
    ),
    (DOC.to_original, (3, 1), InvalidOffsetError, r"^invalid span \(3, 1\): expected 0 <= start"),
    (DOC.to_original, (0, 100), InvalidOffsetError, r"^invalid span \(0, 100\): expected"),
    (DOC.to_original, ("0", 3), InputTypeError, INT_NOT.format("start", "str")),
    (DOC.to_original, (0, None), InputTypeError, INT_NOT.format("end", "NoneType")),
    (DOC.to_original, (0.0, 2.0), InputTypeError, INT_NOT.format("start", "float")),
    (DOC.to_original, (True, 2), InputTypeError, INT_NOT.format("start", "bool")),
    (
        DOC.to_normalized,
        (0, 11),
        InvalidOffsetError,
        r"^invalid span \(0, 11\): expected 0 <= start <= end <= 10 \(offsets into the "
        r"original text\)$",
    ),
    (DOC.to_normalized, (0.0, 2.0), InputTypeError, INT_NOT.format("start", "float")),
    (
        DOC.origin,
        (-1,),
        InvalidOffsetError,
        r"^invalid index -1: expected 0 <= index < 9 \(a character of the normalized text\)$",
    ),
    (DOC.origin, (9,), InvalidOffsetError, r"^invalid index 9: expected 0 <= index < 9"),
    (DOC.origin, ("0",), InputTypeError, INT_NOT.format("index", "str")),
    (
        DOC.position,
        (10,),
        InvalidOffsetError,
        r"^invalid index 10: expected 0 <= index <= 9 \(an offset into the normalized text\)$",
    ),
    (DOC.position, (None,), InputTypeError, INT_NOT.format("index", "NoneType")),
    (
        persnews.normalize("").origin,
        (0,),
        InvalidOffsetError,
        r"^invalid index 0: expected 0 <= index < 0",
    ),
]:
    row(function, args, None, expected, check, f"NormalizedText.{function.__name__}{args!r}")

# ---- exports: an Article is asked for
NOT_ARTICLES: list[Any] = [None, "متن", b"x", 12, ["list"], ARTICLE.to_dict(), DOC]
for function in [persnews.to_conll, persnews.to_brat, persnews.to_displacy, persnews.render]:
    for value in NOT_ARTICLES:
        row(
            function,
            (value,),
            None,
            InputTypeError,
            rf"^article must be (an |a persnews\.)Article \(from (persnews\.)?analyze(\(\))?\), "
            rf"not {type(value).__name__}",
            f"{function.__name__}-{type(value).__name__}",
        )
for function, check in [
    (persnews.to_conll, lambda result: result == ""),
    (persnews.to_brat, lambda result: result == ("", "")),
    (persnews.to_displacy, lambda result: result["text"] == "" and result["ents"] == []),
    (persnews.render, no_highlights),
]:
    row(function, (EMPTY_ARTICLE,), None, EMPTY, check, f"{function.__name__}-empty-article")
for function, args, kwargs, expected, check in [
    (persnews.to_conll, (ARTICLE,), {"sep": None}, InputTypeError, r"^sep must be str, not None"),
    (persnews.to_conll, (ARTICLE,), {"sep": ""}, InvalidValueError, r"^invalid sep '': expected"),
    (persnews.to_conll, (ARTICLE,), {"tag_sep": "x"}, InvalidValueError, r"^invalid tag_sep 'x'"),
    (
        persnews.to_conll,
        (ARTICLE,),
        {"include": ("bogus",)},
        InvalidValueError,
        r"^invalid include 'bogus': expected entities \| titles$",
    ),
    (
        persnews.to_conll,
        (ARTICLE,),
        {"include": None},
        InputTypeError,
        r"^include must be a tuple of names, not NoneType$",
    ),
    (
        persnews.to_displacy,
        (ARTICLE,),
        {"title": 5},
        InputTypeError,
        r"^title must be str, not int",
    ),
    (
        persnews.to_displacy,
        (ARTICLE,),
        {"include": ("bogus",)},
        InvalidValueError,
        r"^invalid include 'bogus': expected entities \| titles \| dates \| numbers$",
    ),
    # CoNLL in
    (persnews.from_conll, (None,), {}, InputTypeError, r"^data must be str, not NoneType$"),
    (persnews.from_conll, (b"x",), {}, InputTypeError, r"^data must be str, not bytes; decode"),
    (persnews.from_conll, (12,), {}, InputTypeError, r"^data must be str, not int$"),
    (persnews.from_conll, (["l"],), {}, InputTypeError, r"^data must be str, not list$"),
    (persnews.from_conll, ("",), {}, EMPTY, empty_article("")),
    (persnews.from_conll, ("  \n\t",), {}, EMPTY, empty_article("")),
    (persnews.from_conll, ("\u200c",), {}, EMPTY, empty_article("")),
    (persnews.from_conll, ("\u200c\n\u200f\n",), {}, EMPTY, empty_article("")),
    (
        persnews.from_conll,
        ("a\tB-PER\nb\n",),
        {},
        InvalidValueError,
        r"^invalid line 2 'b': expected a token, a space, a tab or \|, and a tag",
    ),
    (
        persnews.from_conll,
        ("a\tI-PER\n",),
        {},
        InvalidValueError,
        r"^invalid tag on line 1 'I-PER': expected B-PER first",
    ),
    (
        persnews.from_conll,
        ("a\tX\n",),
        {},
        InvalidValueError,
        r"^invalid tag on line 1 'X': expected O, or B-TYPE / I-TYPE",
    ),
    (
        persnews.from_conll,
        ("a\tB-FOO\n",),
        {},
        InvalidValueError,
        r"^invalid entity type on line 1 'FOO': .*pass unknown='skip' to read it as O$",
    ),
    (
        persnews.from_conll,
        ("a\tO\n",),
        {"text": "b"},
        InvalidValueError,
        r"^invalid token on line 1 'a': expected the next token of the text at offset 0",
    ),
    (persnews.from_conll, ("a\tO\n",), {"text": 5}, InputTypeError, r"^text must be str, not int"),
    (persnews.from_conll, ("a\tO\n",), {"sep": 5}, InputTypeError, r"^sep must be str, not int$"),
    (
        persnews.from_conll,
        ("a\tO\n",),
        {"unknown": "bad"},
        InvalidValueError,
        r"^invalid unknown 'bad': expected \"raise\" \| \"skip\"$",
    ),
    # BRAT in
    (persnews.from_brat, (None, ""), {}, InputTypeError, r"^txt must be str, not NoneType$"),
    (persnews.from_brat, ("x", b""), {}, InputTypeError, r"^ann must be str, not bytes; decode"),
    (persnews.from_brat, (12, ""), {}, InputTypeError, r"^txt must be str, not int$"),
    (persnews.from_brat, ("", ""), {}, EMPTY, empty_article("")),
    (persnews.from_brat, ("  \n\t", ""), {}, EMPTY, empty_article("  \n\t")),
    (persnews.from_brat, ("\u200c", ""), {}, EMPTY, empty_article("\u200c")),
    (
        persnews.from_brat,
        ("abc", "T1\tPER 0 3\tabd"),
        {},
        InvalidValueError,
        r"^invalid text of T1 on line 1 'abd': expected the text at 0 3: 'abc'$",
    ),
    (
        persnews.from_brat,
        ("abc", "T1\tPER 0 9\tabc"),
        {},
        InvalidValueError,
        r"^invalid offsets of T1 on line 1 '0 9': expected fragments in order, within the text",
    ),
    (
        persnews.from_brat,
        ("abc", "garbage"),
        {},
        InvalidValueError,
        r"^invalid annotation on line 1 'garbage': expected ID<tab>…",
    ),
    (
        persnews.from_brat,
        ("abc", "T1\tFOO 0 3\tabc"),
        {},
        InvalidValueError,
        r"^invalid type on line 1 'FOO': .*\(see brat_conf\(\)\); pass unknown='skip'$",
    ),
    (
        persnews.from_brat,
        ("abc", "T1\tPER 0 3\tabc\nT1\tPER 0 3\tabc"),
        {},
        InvalidValueError,
        r"^invalid ID on line 2 'T1': expected an ID not used on an earlier line$",
    ),
    (
        persnews.from_brat,
        ("abc", ""),
        {"unknown": None},
        InvalidValueError,
        r"^invalid unknown None: expected",
    ),
    # HTML
    (
        persnews.render_mentions,
        (None,),
        {},
        InputTypeError,
        r"^mentions must be an iterable of Span, Token, Sentence, DateMention, NumberMention "
        r"or Entity records, not NoneType$",
    ),
    (persnews.render_mentions, (12,), {}, InputTypeError, r"^mentions must be an iterable .*int$"),
    (persnews.render_mentions, ("متن",), {}, InputTypeError, r"^mentions must be .*, not str$"),
    (
        persnews.render_mentions,
        ([ARTICLE],),
        {},
        InputTypeError,
        r"^mentions must be .* records; use render\(\) for an Article, not Article$",
    ),
    (persnews.render_mentions, ([5],), {}, InputTypeError, r"^mentions must be .*, not int$"),
    (persnews.render_mentions, ([],), {}, EMPTY, no_rows),
    (
        persnews.render_mentions,
        (ARTICLE.entities,),
        {"text": b"x"},
        InputTypeError,
        r"^text must be str or None, not bytes; decode",
    ),
    (
        persnews.render_mentions,
        (ARTICLE.entities,),
        {"text": "ab"},
        InvalidValueError,
        r"^invalid text 'ab': expected the text the mentions were found in \(mention 0",
    ),
    # relations given their mentions
    (
        persnews.find_relations,
        (TEXT,),
        {"entities": 5},
        InputTypeError,
        r"^entities must be an iterable of Entity records \(or None\), not int$",
    ),
    (
        persnews.find_relations,
        (TEXT,),
        {"titles": "x"},
        InputTypeError,
        r"^titles must be an iterable of Entity records \(or None\), not str$",
    ),
    (
        persnews.find_relations,
        (TEXT,),
        {"dates": b"x"},
        InputTypeError,
        r"^dates must be an iterable of DateMention records \(or None\), not bytes",
    ),
    (
        persnews.find_relations,
        (TEXT,),
        {"dates": ARTICLE.entities},
        InputTypeError,
        r"^dates must be an iterable of DateMention records \(or None\), not Entity$",
    ),
    (
        persnews.find_relations,
        (TEXT,),
        {"entities": [None]},
        InputTypeError,
        r"^entities must be an iterable of Entity records \(or None\), not NoneType$",
    ),
    # numbers
    (persnews.parse_number, ("abc",), {}, InvalidValueError, r"^invalid text 'abc': expected one"),
]:
    shown = "TEXT" if args[:1] == (TEXT,) else repr(args)
    row(function, args, kwargs, expected, check, f"{function.__name__}{shown}{kwargs}"[:70])

# ---- pipe: bad arguments raise at the call, bad items where they are read
for kwargs, expected, check in [
    ({"workers": 0}, InvalidValueError, r"^invalid workers 0: expected an int >= 1$"),
    ({"workers": -1}, InvalidValueError, r"^invalid workers -1: expected an int >= 1$"),
    ({"workers": "2"}, InputTypeError, INT_NOT.format("workers", "str")),
    ({"workers": 2.0}, InputTypeError, INT_NOT.format("workers", "float")),
    ({"workers": True}, InputTypeError, INT_NOT.format("workers", "bool")),
    ({"batch_size": 0}, InvalidValueError, r"^invalid batch_size 0: expected an int >= 1$"),
    ({"batch_size": "4"}, InputTypeError, INT_NOT.format("batch_size", "str")),
    (
        {"start_method": "bogus"},
        InvalidValueError,
        r"^invalid start_method 'bogus': expected fork",
    ),
]:
    row(persnews.pipe, (["متن"],), kwargs, expected, check, f"pipe-{kwargs}")
for items, expected, check in [
    (None, InputTypeError, r"^items must be an iterable of texts or records .*not NoneType$"),
    (5, InputTypeError, r"^items must be an iterable of texts or records .*not int$"),
    ("متن", InputTypeError, r"^items must be an iterable of texts or records \(wrap a single"),
    ({"text": "x"}, InputTypeError, r"^items must be an iterable .*, not dict$"),
]:
    row(persnews.pipe, (items,), None, expected, check, f"pipe({items!r})")
for items, expected, check in [
    (
        [{"id": 1}],
        InvalidValueError,
        r"^invalid item 0 .*: expected a record with a \"text\" field",
    ),
    ([{"text": None}], InputTypeError, r"^item 0 \"text\" must be str, not NoneType$"),
    ([5], InputTypeError, r"^item 0 must be a str or a record \{\"id\", \"text\", \"published\"\}"),
    (
        [{"text": "x", "published": "tomorrow"}],
        InvalidValueError,
        r"^invalid item 0 \"published\" 'tomorrow': expected a date like",
    ),
    ([], EMPTY, empty_list),
    (["", " \n"], EMPTY, lambda results: all(map(no_mentions, results)) and len(results) == 2),
]:
    row(listed(persnews.pipe), (items,), None, expected, check, f"list(pipe({items!r}))")

# ---- records read back: from_dict
MISSING = r"^invalid {} '.*': expected {}\.to_dict\(\) output \(missing key '{}'\)$"
for record, data, expected, check in [
    (
        persnews.Article,
        None,
        InputTypeError,
        r"^data must be a dict \(Article\.to_dict\(\) output\), not NoneType$",
    ),
    (persnews.Article, [], InputTypeError, r"^data must be a dict .*, not list$"),
    (persnews.Article, {}, InvalidValueError, MISSING.format("article", "Article", "text")),
    (
        persnews.Article,
        {"text": "x"},
        InvalidValueError,
        MISSING.format("article", "Article", "sentences"),
    ),
    (
        persnews.Article,
        {"text": 5, "sentences": []},
        InputTypeError,
        r"^article \"text\" must be str, not int$",
    ),
    (
        persnews.Article,
        {"text": "x", "sentences": [], "published": "tomorrow"},
        InvalidValueError,
        r"^invalid published 'tomorrow': expected an ISO date \"YYYY-MM-DD\" or null$",
    ),
    (
        persnews.Article,
        {"text": "x", "sentences": [5]},
        InputTypeError,
        r"^data must be a dict \(Sentence\.to_dict\(\) output\), not int$",
    ),
    (
        persnews.Article,
        {"text": "x", "sentences": [], "dates": [{"start": 0}]},
        InvalidValueError,
        MISSING.format("date mention", "DateMention", "end"),
    ),
    (persnews.Span, "x", InputTypeError, r"^data must be a dict \(Span\.to_dict\(\) output\)"),
    (persnews.Span, {}, InvalidValueError, MISSING.format("span", "Span", "start")),
    (
        persnews.Span,
        {"start": "a", "end": 1, "text": "x"},
        InvalidValueError,
        r"^invalid start/end \('a', 1\): expected 0 <= start <= end$",
    ),
    (persnews.Token, None, InputTypeError, r"^data must be a dict \(Token\.to_dict\(\) output\)"),
    (
        persnews.Token,
        {"start": 0, "end": 1, "text": "x", "norm": "x"},
        InvalidValueError,
        MISSING.format("token", "Token", "kind"),
    ),
    (
        persnews.Sentence,
        {"start": 0},
        InvalidValueError,
        MISSING.format("sentence", "Sentence", "end"),
    ),
    (
        persnews.Sentence,
        {"start": -1, "end": 1, "text": "x", "norm": "x", "tokens": []},
        InvalidValueError,
        r"^invalid start/end \(-1, 1\): expected 0 <= start <= end$",
    ),
    (persnews.DateMention, 5, InputTypeError, r"^data must be a dict \(DateMention\.to_dict"),
    (
        persnews.DateMention,
        {
            **ARTICLE.dates[0].to_dict(),
            "value": "yesterday",
        },
        InvalidValueError,
        r"^invalid value 'yesterday': expected an ISO date \"YYYY-MM-DD\" or null$",
    ),
    (
        persnews.NumberMention,
        {},
        InvalidValueError,
        MISSING.format("number mention", "NumberMention", "start"),
    ),
    (
        persnews.Entity,
        {"start": 0, "end": 1},
        InvalidValueError,
        MISSING.format("entity", "Entity", "text"),
    ),
    (persnews.Argument, None, InputTypeError, r"^data must be a dict \(Argument\.to_dict"),
    (persnews.Role, {}, InvalidValueError, MISSING.format("role", "Role", "start")),
    (persnews.Quote, {}, InvalidValueError, MISSING.format("quote", "Quote", "start")),
    (persnews.Attribution, [], InputTypeError, r"^data must be a dict \(Attribution\.to_dict"),
    (persnews.Meeting, {}, InvalidValueError, MISSING.format("meeting", "Meeting", "start")),
]:
    row(
        record.from_dict,
        (data,),
        None,
        expected,
        check,
        f"{record.__name__}.from_dict({data!r})"[:70],
    )

# ---- JSON Lines from open files and lists of lines
for file, expected, check in [
    (None, InputTypeError, r"^file must be a path or a file open for reading, not NoneType$"),
    (5, InputTypeError, r"^file must be a path or a file open for reading, not int$"),
    (b"x", InputTypeError, r"^file must be a path or a file open for reading, not bytes"),
    (
        io.StringIO("\n{not json\n"),
        InvalidValueError,
        r"^invalid line 2 '\{not json': expected one JSON object a line \(Expecting",
    ),
    (io.StringIO("[1]\n"), InvalidValueError, r"^invalid line 1 '\[1\]': expected a JSON object$"),
    (
        io.StringIO('{"text": "x"}\n'),
        InvalidValueError,
        r"^invalid article on line 1 '\{\"text\": \"x\"\}': expected Article\.to_dict\(\) output "
        r"\(missing key 'sentences'\)$",
    ),
    (
        io.BytesIO("سلام".encode("cp1256") + b"\n"),
        InvalidValueError,
        r"^invalid line 1 .*: expected UTF-8 text \(byte 0xd3 at column 0\); convert it first, "
        r"e\.g\. iconv -f WINDOWS-1256 -t UTF-8$",
    ),
    ([5], InputTypeError, r"^line 1 of file must be str or bytes, not int$"),
    (io.StringIO(""), EMPTY, empty_list),
    (io.StringIO("\n \n"), EMPTY, empty_list),
]:
    row(listed(persnews.read_jsonl), (file,), None, expected, check, f"read_jsonl({file!r})"[:60])
for articles, file, expected, check in [
    (ARTICLE, io.StringIO(), InputTypeError, r"^articles must be an iterable of Article \(a list"),
    (None, io.StringIO(), InputTypeError, r"^articles must be an iterable of Article .*NoneType$"),
    (
        "متن",
        io.StringIO(),
        InputTypeError,
        r"^articles must be an iterable of Article .*, not str$",
    ),
    ([ARTICLE], None, InputTypeError, r"^file must be a path or a file open for writing, not None"),
    ([ARTICLE], 5, InputTypeError, r"^file must be a path or a file open for writing, not int$"),
    ([], io.StringIO(), EMPTY, lambda count: count == 0),
]:
    row(
        persnews.write_jsonl,
        (articles, file),
        None,
        expected,
        check,
        f"write_jsonl({articles!r:.20})",
    )


@pytest.mark.parametrize(("function", "args", "kwargs", "expected", "check"), ROWS)
def test_bad_input(
    function: Callable[..., Any],
    args: tuple[Any, ...],
    kwargs: dict[str, Any],
    expected: Any,
    check: Any,
) -> None:
    if expected == EMPTY:
        result = function(*args, **kwargs)
        assert check(result), result
        return
    with pytest.raises(PersnewsError) as caught:
        function(*args, **kwargs)
    error = caught.value
    assert type(error) is expected, f"{type(error).__name__}: {error}"
    assert isinstance(error, BUILTIN[expected])
    message = str(error)
    assert re.search(check, message), message
    # the message names the argument and what it should be
    if isinstance(error, InputTypeError):
        assert message.startswith(f"{error.argument} must be {error.expected}, not {error.got}")
    else:
        assert isinstance(error, InvalidValueError)
        assert message.startswith(f"invalid {error.field} ")
        assert ": expected " in message
        assert error.valid


def test_the_table_covers_the_public_api() -> None:
    """Every public function and class of persnews and persnews.calendar has rows."""
    covered = {getattr(param.values[0], "__name__", None) for param in ROWS}
    covered |= {getattr(param.values[0], "__qualname__", "").split(".")[0] for param in ROWS}
    public = {
        name
        for name in [*persnews.__all__, *calendar.__all__]
        if callable(getattr(persnews, name, None) or getattr(calendar, name, None))
        and not name.endswith("Error")
        and name not in {"brat_conf", "supported_years", "Relations"}  # no arguments to get wrong
    }
    assert public - covered == {"HijriCalendar"}  # a Literal type, not a function
    assert len(ROWS) >= 300


# ---------------------------------------------------------------- files: JSON Lines paths

CP1256 = "سلام".encode("cp1256")


@pytest.mark.parametrize(
    ("name", "content", "expected", "check"),
    [
        ("missing.jsonl", None, FileNotFoundError, r"No such file or directory"),
        ("adir", "dir", IsADirectoryError, r"Is a directory"),
        ("empty.jsonl", b"", EMPTY, None),
        ("blank.jsonl", b"\n  \n", EMPTY, None),
        (
            "cp1256.jsonl",
            CP1256 + b"\n",
            InvalidValueError,
            r"^invalid line 1 .*: expected UTF-8 text \(byte 0xd3 at column 0\); convert it "
            r"first, e\.g\. iconv -f WINDOWS-1256 -t UTF-8$",
        ),
        (
            "second.jsonl",
            ARTICLE.to_json().encode() + b"\n" + CP1256 + b"\n",
            InvalidValueError,
            r"^invalid line 2 .*: expected UTF-8 text \(byte 0xd3 at column 0\)",
        ),
        (
            "utf16.jsonl",
            (ARTICLE.to_json() + "\n").encode("utf-16"),
            InvalidValueError,
            r"^invalid line 1 .*: expected UTF-8 text \(byte 0xff at column 0\); convert it "
            r"first, e\.g\. iconv -f UTF-16 -t UTF-8$",
        ),
        ("bom.jsonl", b"\xef\xbb\xbf" + ARTICLE.to_json().encode() + b"\r\n", EMPTY, None),
        ("notjson.jsonl", b"not json\n", InvalidValueError, r"^invalid line 1 'not json'"),
        ("bad.jsonl.gz", b"not gzip", OSError, r"Not a gzipped file"),
    ],
)
def test_read_jsonl_files(
    tmp_path: Path, name: str, content: bytes | str | None, expected: Any, check: str | None
) -> None:
    path = tmp_path / name
    if content == "dir":
        path.mkdir()
    elif isinstance(content, bytes):
        path.write_bytes(content)
    if expected == EMPTY:
        articles = list(persnews.read_jsonl(path))
        assert articles == ([ARTICLE] if name == "bom.jsonl" else [])
        return
    with pytest.raises(expected, match=check) as caught:
        list(persnews.read_jsonl(path))
    if issubclass(expected, PersnewsError):
        assert isinstance(caught.value, ValueError)


# ---------------------------------------------------------------- nothing half-done: write_jsonl


def bad_later() -> Iterator[Any]:
    yield ARTICLE
    yield "not an article"


@pytest.mark.parametrize(
    ("articles", "expected", "check"),
    [
        (ARTICLE, InputTypeError, r"^articles must be an iterable of Article"),
        ("متن", InputTypeError, r"^articles must be an iterable of Article .*, not str$"),
        ([ARTICLE, "x"], InputTypeError, r"^articles\[1\] must be an Article, not str$"),
        ((ARTICLE, None), InputTypeError, r"^articles\[1\] must be an Article, not NoneType$"),
        ([ARTICLE.to_dict()], InputTypeError, r"^articles\[0\] must be an Article, not dict$"),
        (bad_later, InputTypeError, r"^articles\[1\] must be an Article, not str$"),
    ],
)
@pytest.mark.parametrize("suffix", [".jsonl", ".jsonl.gz"])
@pytest.mark.parametrize("existing", [False, True])
def test_write_jsonl_leaves_nothing_half_written(
    tmp_path: Path, articles: Any, expected: Any, check: str, suffix: str, existing: bool
) -> None:
    path = tmp_path / f"out{suffix}"
    before = b"an earlier file\n"
    if existing:
        path.write_bytes(before)
    with pytest.raises(expected, match=check):
        persnews.write_jsonl(articles() if callable(articles) else articles, path)
    if callable(articles):  # a generator is written as it is read: the lines before it
        assert list(persnews.read_jsonl(path)) == [ARTICLE]
    elif existing:  # refused before the file was opened: untouched
        assert path.read_bytes() == before
    else:
        assert not path.exists()
    assert [p.name for p in tmp_path.iterdir()] == [path.name] * path.exists()


def test_write_jsonl_to_an_open_file_checks_a_list_first() -> None:
    out = io.StringIO()
    with pytest.raises(InputTypeError, match=r"articles\[1\]"):
        persnews.write_jsonl([ARTICLE, 5], out)
    assert out.getvalue() == ""


# ---------------------------------------------------------------- the command line


def _files(tmp: Path) -> None:
    (tmp / "cp1256.txt").write_bytes(CP1256)
    (tmp / "utf16.txt").write_bytes("سلام ایران".encode("utf-16"))
    (tmp / "random.bin").write_bytes(bytes(range(128, 256)) * 2)
    (tmp / "bom.txt").write_bytes(b"\xef\xbb\xbf" + "سرگئی لاوروف در مسکو گفت.".encode())
    (tmp / "empty.txt").write_bytes(b"")
    (tmp / "blank.txt").write_bytes(b"  \n\t")
    (tmp / "adir").mkdir()
    good = [json.dumps({"id": i, "text": "دیروز آمد."}, ensure_ascii=False) for i in (1, 3)]
    (tmp / "in.jsonl").write_bytes(
        good[0].encode() + b'\n{"id": 2, "text": "' + CP1256 + b'"}\n' + good[1].encode() + b"\n"
    )
    (tmp / "utf16.jsonl").write_bytes((good[0] + "\n").encode("utf-16"))
    (tmp / "notes.txt").write_bytes("یادداشت‌های من\nبدون خط آخر".encode())
    cut = ARTICLE.to_json()[:40]
    (tmp / "cut.jsonl").write_bytes(('{"id": 1, ' + ARTICLE.to_json()[1:] + "\n" + cut).encode())


NOT_UTF8 = r"^persnews: {} is not UTF-8 text \(byte 0x{} at offset 0\); convert it first, e\.g\. "


@pytest.mark.parametrize(
    ("arguments", "status", "stderr", "out_after"),
    [
        (["cp1256.txt"], 1, NOT_UTF8.format("cp1256.txt", "d3") + "iconv -f WINDOWS-1256", None),
        (["utf16.txt"], 1, NOT_UTF8.format("utf16.txt", "ff") + "iconv -f UTF-16 -t UTF-8$", None),
        (["random.bin"], 1, NOT_UTF8.format("random.bin", "80"), None),
        (["adir"], 1, r"^persnews: cannot read adir: Is a directory$", None),
        (
            ["missing.txt"],
            1,
            r"^persnews: cannot read missing.txt: No such file or directory$",
            None,
        ),
        (
            ["bom.txt", "--published", "tomorrow"],
            2,
            r"^persnews: invalid published 'tomorrow'",
            None,
        ),
        (
            ["bom.txt", "--published", "2021-11-23T10:00+03:30"],
            2,
            r"^persnews: invalid published .*without a time zone",
            None,
        ),
        (
            ["--jsonl", "utf16.jsonl", "--out", "out.jsonl"],
            2,
            r"^persnews: invalid --jsonl 'utf16.jsonl': expected UTF-8 JSON Lines \(it is UTF-16; "
            r"convert it first, e\.g\. iconv -f UTF-16 -t UTF-8\)$",
            "absent",
        ),
        (
            ["--jsonl", "adir", "--out", "out.jsonl"],
            2,
            r"^persnews: invalid --jsonl 'adir': expected a readable file \(Is a directory\)$",
            "absent",
        ),
        (
            ["--jsonl", "missing.jsonl", "--out", "out.jsonl"],
            2,
            r"^persnews: invalid --jsonl 'missing.jsonl': expected a readable file",
            "absent",
        ),
        (
            ["--jsonl", "in.jsonl", "--out", "out.jsonl", "--workers", "0"],
            2,
            r"^persnews: invalid --workers 0: expected a number >= 1$",
            "absent",
        ),
        (
            ["--jsonl", "in.jsonl", "--out", "out.jsonl", "--published", "1402-13-01"],
            2,
            r"^persnews: invalid published '1402-13-01'",
            "absent",
        ),
        (
            ["--jsonl", "in.jsonl", "--out", "adir"],
            2,
            r"^persnews: invalid --out 'adir': expected a file that can be written "
            r"\(Is a directory\)$",
            None,
        ),
        (
            ["--jsonl", "in.jsonl", "--out", "nodir/out.jsonl"],
            2,
            r"^persnews: invalid --out 'nodir/out.jsonl': expected a file that can be written "
            r"\(No such file or directory\)$",
            None,
        ),
        (
            ["--jsonl", "in.jsonl", "--out", "notes.txt"],
            2,
            r"^persnews: invalid --out 'notes.txt': expected a JSON Lines file this command "
            r"wrote, to resume \(line 1 is not one\); give a new file name$",
            "unchanged",
        ),
    ],
)
def test_cli_errors(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    arguments: list[str],
    status: int,
    stderr: str,
    out_after: str | None,
) -> None:
    _files(tmp_path)
    monkeypatch.chdir(tmp_path)
    before = {p.name: p.read_bytes() for p in tmp_path.iterdir() if p.is_file()}
    assert main(["analyze", *arguments, "--quiet"]) == status
    captured = capsys.readouterr()
    assert captured.out == ""
    assert re.search(stderr, captured.err.strip()), captured.err
    assert captured.err.count("\n") == 1, captured.err  # one line, no traceback
    if out_after == "absent":
        assert not (tmp_path / "out.jsonl").exists()
    after = {p.name: p.read_bytes() for p in tmp_path.iterdir() if p.is_file()}
    assert after == before  # nothing created, nothing changed


@pytest.mark.parametrize("name", ["empty.txt", "blank.txt"])
def test_cli_blank_file_gives_an_empty_analysis(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], name: str
) -> None:
    _files(tmp_path)
    monkeypatch.chdir(tmp_path)
    assert main(["analyze", name]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["text"] == (tmp_path / name).read_text(encoding="utf-8")
    assert data["sentences"] == data["entities"] == data["dates"] == []


def test_cli_utf8_bom_is_dropped_and_offsets_index_the_text(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    _files(tmp_path)
    monkeypatch.chdir(tmp_path)
    assert main(["analyze", "bom.txt"]) == 0
    data = json.loads(capsys.readouterr().out)
    text = data["text"]
    assert text == "سرگئی لاوروف در مسکو گفت."  # no U+FEFF
    assert [(e["text"], e["start"]) for e in data["entities"]] == [
        ("سرگئی لاوروف", 0),
        ("مسکو", 16),
    ]
    for entity in data["entities"]:
        assert text[entity["start"] : entity["end"]] == entity["text"]


def test_cli_jsonl_skips_a_line_that_is_not_utf8(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    _files(tmp_path)
    monkeypatch.chdir(tmp_path)
    assert main(["analyze", "--jsonl", "in.jsonl", "--out", "out.jsonl", "--quiet"]) == 1
    err = capsys.readouterr().err
    assert (
        "persnews: in.jsonl:2: not UTF-8 (byte 0xd3 at column 19); convert it first, "
        "e.g. iconv -f WINDOWS-1256 -t UTF-8; skipped\n" in err
    )
    assert "Traceback" not in err
    lines = (tmp_path / "out.jsonl").read_text(encoding="utf-8").splitlines()
    assert [json.loads(line)["id"] for line in lines] == [1, 3]


def test_cli_jsonl_resume_removes_only_a_cut_short_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """The documented resume: a last line cut short (it starts like JSON) is removed."""
    _files(tmp_path)
    monkeypatch.chdir(tmp_path)
    assert main(["analyze", "--jsonl", "in.jsonl", "--out", "cut.jsonl", "--quiet"]) == 1
    assert "1 already in cut.jsonl" in capsys.readouterr().err
    lines = (tmp_path / "cut.jsonl").read_text(encoding="utf-8").splitlines()
    assert [json.loads(line)["id"] for line in lines] == [1, 3]
