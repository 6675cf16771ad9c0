"""Measure how persnews's tokens agree with hazm's on real news, and why they differ.

    python scripts/agreement.py [--limit N] [--every K] [--jobs J] [--examples N] [--out PATH]

Reads every article ("text" field) of ../shared/data/news/ir_news.jsonl and
fars_news.jsonl (``--limit N``: only the first N of each; ``--every K``: every
K-th of those), in ``--jobs`` processes (default 2).  The full run takes about
three minutes on two cores.  Prints a summary; ``--out`` writes the figures, the
classes and the ``--examples`` commonest examples of each class (default 10) as
JSON.  See docs/agreement.md for the results.

For each article:

* hazm's tokens are ``word_tokenize(Normalizer().normalize(text))`` (hazm 0.10,
  default settings, so multi-word verbs come as one token joined by «_»);
* persnews's tokens are ``[t.norm for t in persnews.tokenize(text)]``.

The two token lists are aligned with ``difflib.SequenceMatcher`` (per article,
``autojunk=False``; matches of one or two tokens between two differences are
folded into them, see :func:`regions`).  A hazm token *agrees exactly* when it
lies in a matching block, i.e. persnews produced the identical string at the
aligned place.  Each stretch between matching blocks is cut into the smallest
*differences*: groups of hazm tokens and persnews tokens that cover the same
characters (compared without ZWNJ, spaces, «_» and invisible format characters).
Every difference is put into one class (``CLASSES``), with a verdict: persnews
differs on purpose, looks wrong, makes a questionable documented choice, or other.
A difference is *spacing only* when both sides are made of letters alone and spell
the same letters: they differ only in where a space, a half-space (ZWNJ) or
hazm's verb joiner «_» goes.

Figures, per corpus and overall: the share of hazm tokens that persnews
reproduces exactly; that share counting hazm's «_» verb tokens as agreement; and
counting every spacing-only difference as agreement.
"""

from __future__ import annotations

import argparse
import collections
import difflib
import itertools
import json
import multiprocessing
import subprocess
import sys
import time
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any, NamedTuple

import regex

import persnews
from persnews import _hazm

ROOT = Path(__file__).resolve().parent.parent
NEWS = ROOT.parent / "shared" / "data" / "news"
CORPORA = {"ir_news": NEWS / "ir_news.jsonl", "fars_news": NEWS / "fars_news.jsonl"}
ZWNJ = "\u200c"
#: characters ignored when deciding which tokens of the two sides cover the same text
INVISIBLE = regex.compile(r"[\s_\p{Cf}]")
#: invisible format characters other than ZWNJ (LRM, soft hyphen, ...)
FORMAT = regex.compile(r"[\p{Cf}--\u200c]", regex.VERSION1)
INNER_FORMAT = regex.compile(r"(?<=\p{L})[\p{Cf}--\u200c]+\u200c?(?=\p{L})", regex.VERSION1)
LETTERS_ONLY = regex.compile(r"[\p{L}\p{M}\u200c_]+")
LATIN_DIGIT = regex.compile(r"[0-9]")
PERSIAN_DIGITS = str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹")
#: letters hazm keeps and persnews folds: hamza seats and heh with yeh
FOLDED = str.maketrans({"أ": "ا", "إ": "ا", "ٱ": "ا", "ؤ": "و", "ۀ": "ه", "ة": "ه"})
#: letters written with a combining mark that hazm deletes and persnews composes
MARKS = str.maketrans({"آ": "ا", "ئ": "ی", "أ": "ا", "ؤ": "و", "ۀ": "ه"})
#: suffixes (and clitics) a glued word may be split before
AFFIXES = frozenset(
    {"ها", "های", "هایی", "تر", "تری", "ترین", "ای", "ام", "ات", "اش", "ایم", "اید", "اند"}
)
#: Arabic letters folded before counting how authors write words
ARABIC_LETTERS = str.maketrans({"ي": "ی", "ى": "ی", "ك": "ک", "ة": "ه"})
WORD = regex.compile(r"\p{L}[\p{L}\p{M}\u200c]*(?<!\u200c)")
#: Arabic presentation forms (ﯾ ﯿ ﯽ ﺁ ...), which hazm maps only in part
PRESENTATION = regex.compile(r"[\ufb50-\ufdff\ufe70-\ufeff]")
#: text decoded with the wrong code page («ÇÑ˜Ó»)
GARBLED = regex.compile(r"[\u00c0-\u00ff\u02dc]")
QUOTES = frozenset({"«", "»", '"', "“", "”", "'", "‘", "’"})
#: words that do not take a suffix and are not verbs
FUNCTION_WORDS = frozenset(
    {"و", "در", "از", "به", "با", "یا", "که", "را", "تا", "تو", "مثل", "سال"}
)
#: Latin punctuation persnews turns into its Persian form after a Persian word
PERSIAN_PUNCTUATION = str.maketrans({"?": "؟", ",": "،", ";": "؛"})
#: how many tokens of context to show on each side of an example
CONTEXT = 3


class Cls(NamedTuple):
    """A class of differences."""

    #: "deliberate" (persnews differs on purpose; hazm is wrong or follows another
    #: convention), "wrong" (persnews looks wrong), "questionable" (a documented
    #: persnews choice that loses information) or "other"
    verdict: str
    spacing: bool  # a spacing-only class
    title: str


CLASSES: dict[str, Cls] = {
    # ---- spacing only: the same letters, a space / ZWNJ / «_» elsewhere
    "hazm_verb_token": Cls(
        "deliberate",
        True,
        "hazm joins the parts of a compound verb into one token with «_» "
        "(«شده_است», «خواهد_شد»); persnews keeps orthographic words",
    ),
    "hazm_joins_participle": Cls(
        "deliberate",
        True,
        "hazm joins a word and a following participle with ZWNJ («انجام شده → انجام‌شده», "
        "an adjective spelling, also where it is a passive verb); persnews keeps the space",
    ),
    "hazm_joins_word_list": Cls(
        "deliberate",
        True,
        "hazm joins two space-separated words that its word list has as a compound "
        "(«رئیس جمهور», «این که», «محیط زیست»); persnews keeps the author's space",
    ),
    "persnews_splits_zwnj": Cls(
        "deliberate",
        True,
        "the original has a ZWNJ followed by a space («این‌ که»): persnews reads a space, "
        "hazm drops the ZWNJ and then joins by its word list",
    ),
    "hazm_zwnj_mi": Cls(
        "deliberate",
        True,
        "hazm puts a ZWNJ after «می» in words that are not verbs («میدانی → می‌دانی», "
        "«میانجی → می‌انجی», the month «می»); persnews does not",
    ),
    "hazm_zwnj_other": Cls(
        "other", True, "hazm puts a ZWNJ into a word persnews leaves as written"
    ),
    "hazm_removes_zwnj": Cls("other", True, "hazm removes a ZWNJ of the original"),
    "persnews_glued_affix": Cls(
        "deliberate",
        True,
        "persnews repairs a glued suffix with a ZWNJ («آنها → آن‌ها», «بزرگترین → بزرگ‌ترین», "
        "«سیاستهای → سیاست‌های»); hazm leaves the word glued",
    ),
    "persnews_joins_triple": Cls(
        "deliberate",
        True,
        "persnews joins «X و Y» compounds of hazm's word list («گفت و گو → گفت‌وگو»); "
        "hazm keeps three tokens",
    ),
    "persnews_half_joins_and": Cls(
        "wrong",
        True,
        "the original has a ZWNJ next to the space of «X و Y» («گفت‌ و گو»): persnews "
        "joins only the first half («گفت‌و گو»); it should write «گفت‌وگو»",
    ),
    "persnews_joins_other": Cls("other", True, "persnews joins words hazm keeps apart (other)"),
    "persnews_heh_reading": Cls(
        "wrong",
        True,
        "persnews reads a glued plural «…های / …هایم / …هاش» as a word in «ه» plus "
        "«ای / ایم / اش» («تیمهای → تیمه‌ای», «دوزهای → دوزه‌ای», «باهاش → باه‌اش»); "
        "judged by how the corpora's authors write the two readings",
    ),
    "persnews_splits_comparative": Cls(
        "wrong",
        True,
        "persnews splits «تر» off «…تری/…ترین» although hazm lists the comparative joined "
        "and persnews keeps it joined («کمتر» stays, «کمتری → کم‌تری»)",
    ),
    "persnews_leaves_suffix_apart": Cls(
        "wrong",
        True,
        "persnews leaves a suffix written with a space apart when its stem is not in "
        "hazm's word list or not tagged as an adjective («گوشی های», «مساله ای», "
        "«زندگی ام», «نیافته اند», «اصلی ترین»); hazm joins them with a ZWNJ («گوشی‌های»)",
    ),
    "hazm_joins_suffix": Cls(
        "deliberate",
        True,
        "hazm joins a suffix-like word to a function word, a short word or a word that "
        "does not take it («با ام → با‌ام», «اف ای», «موتور ای», «دست اش»); "
        "persnews keeps them apart",
    ),
    "persnews_leaves_mi_apart": Cls(
        "wrong",
        True,
        "persnews leaves «می / نمی» apart from a verb form its verb list lacks "
        "(«می توان», «نمی توان», «می کرده»); hazm joins «می‌توان»",
    ),
    "mi_glued_typo": Cls(
        "other",
        True,
        "the original glues a verb to the next word («می شودچای»): hazm joins «می‌شودچای», "
        "persnews keeps «می» apart; both miss the typo",
    ),
    "persnews_leaves_mi_colloquial": Cls(
        "wrong",
        True,
        "the same with colloquial verbs («می دونم», «نمی شه»); hazm joins «می‌دونم»",
    ),
    "hazm_joins_mi_noun": Cls(
        "deliberate",
        True,
        "hazm joins the month «می» to the next word («ماه می سال → می‌سال», «می در»); "
        "persnews keeps them apart",
    ),
    "persnews_glues_at_invisible": Cls(
        "wrong",
        False,
        "an LRM/RLM or soft hyphen stands for a half-space («آیت\u200eالله»): persnews "
        "deletes it and glues the word («آیتالله»); it should write «آیت‌الله»",
    ),
    "persnews_keeps_curly_quotes": Cls(
        "wrong",
        False,
        "persnews turns straight quotes around Persian into «…» but keeps curly “…”; "
        "hazm makes them «…»",
    ),
    "quote_pairing": Cls(
        "other",
        False,
        'straight quotes paired differently: hazm pairs any two «"» on a line, persnews '
        "only pairs around Persian text; where quotes are unbalanced both guess",
    ),
    "hazm_edge_zwnj": Cls(
        "deliberate",
        True,
        "hazm keeps a stray ZWNJ at the start or end of a word («۳‌ درصد → ‌درصد»); "
        "persnews drops it",
    ),
    "hazm_keeps_presentation_forms": Cls(
        "deliberate",
        False,
        "hazm leaves some Arabic presentation forms unmapped («درﯾافت», «ﯽ»); "
        "persnews maps them all («دریافت»)",
    ),
    "garbled_text": Cls(
        "other",
        False,
        "text decoded with the wrong code page («ÇÑ˜Ó»): both tokenize garbage differently",
    ),
    "spacing_other": Cls("other", True, "other spacing-only differences"),
    # ---- everything else
    "hazm_splits_number": Cls(
        "deliberate",
        False,
        "hazm splits decimals, dates and thousands at «٫ / , -» («۱۲٫۵ → ۱۲ ٫ ۵»); "
        "persnews keeps a number one token",
    ),
    "hazm_number_period": Cls(
        "deliberate",
        False,
        "hazm glues a following full stop or colon to a number («۱.», «۲۰۲۰:»); "
        "persnews separates the punctuation",
    ),
    "hazm_splits_abbreviation": Cls(
        "deliberate",
        False,
        "hazm splits abbreviations («(ع)» → «( ع )», «ج.ا.ا» → «ج . ا . ا»); "
        "persnews keeps them whole",
    ),
    "hazm_splits_url": Cls(
        "deliberate",
        False,
        "hazm splits URLs, e-mail addresses, hashtags and @mentions; persnews keeps them whole",
    ),
    "latin_word_digits": Cls(
        "deliberate",
        False,
        "hazm splits digits off Latin words and makes them Persian («B52 → B ۵۲»); "
        "persnews keeps the word whole and Latin",
    ),
    "latin_digits_kept": Cls(
        "deliberate",
        False,
        "persnews keeps Latin digits next to Latin words («5 G», «4 K»); hazm makes them Persian",
    ),
    "persnews_persian_punct": Cls(
        "deliberate",
        False,
        "persnews writes «? , ;» after a Persian word as «؟ ، ؛»; hazm keeps the Latin mark",
    ),
    "hazm_keeps_symbol": Cls(
        "deliberate",
        False,
        "hazm leaves symbols and some punctuation glued to a word («*کمیسیون», «ایران-»); "
        "persnews separates them",
    ),
    "ellipsis": Cls(
        "deliberate",
        False,
        "runs of dots: persnews makes «....» one «…», hazm «…» plus «.»",
    ),
    "hazm_drops_mark": Cls(
        "deliberate",
        False,
        "hazm deletes a madda or hamza written as a combining mark or a presentation form "
        "(«درآمد → درامد», «ﺁﻥ → ان»); persnews keeps the letter",
    ),
    "hazm_drops": Cls(
        "deliberate",
        False,
        "hazm deletes characters that persnews keeps as tokens («﴿ ﴾»)",
    ),
    "persnews_folds_hamza": Cls(
        "questionable",
        False,
        "persnews folds the hamza seats «أ إ ؤ» to «ا ا و» («تأکید → تاکید», "
        "«مسؤول → مسوول», «شأن → شان», «أو → او»); hazm keeps the standard spelling",
    ),
    "persnews_folds_heh_yeh": Cls(
        "questionable",
        False,
        "persnews folds «ۀ» to «ه» («دربارۀ → درباره», «همۀ → همه»), dropping the ezafe "
        "it marks; hazm keeps «ۀ»",
    ),
    "hazm_keeps_invisible": Cls(
        "deliberate",
        False,
        "hazm keeps invisible marks (LRM, soft hyphen) inside words («برنامه\u200eهای»); "
        "persnews removes them and writes a ZWNJ where one belongs",
    ),
    "persnews_repeated_zwnj": Cls(
        "wrong",
        False,
        "persnews keeps a run of ZWNJs («گفت‌‌وگو» with two); hazm makes it one",
    ),
    "persnews_drops": Cls("other", False, "persnews has no token where hazm has one"),
    "other": Cls("other", False, "other differences"),
}


class Unit(NamedTuple):
    """One difference: aligned groups of hazm and persnews tokens."""

    hazm: tuple[str, ...]
    persnews: tuple[str, ...]


# ---------------------------------------------------------------- alignment


def _bare(token: str) -> str:
    return INVISIBLE.sub("", token.replace(ZWNJ, ""))


def units(hazm: Sequence[str], ours: Sequence[str]) -> Iterator[tuple[int, int, int, int]]:
    """Cut two token lists that differ into the smallest groups covering the same text.

    Yields ``(i1, i2, j1, j2)``: ``hazm[i1:i2]`` and ``ours[j1:j2]`` cover as many
    (bare) characters as each other.  If the two never line up again, the rest is
    one group.
    """
    i = j = start_i = start_j = 0
    length_h = length_p = 0
    while i < len(hazm) or j < len(ours):
        if j >= len(ours) or (i < len(hazm) and length_h <= length_p):
            length_h += len(_bare(hazm[i]))
            i += 1
        else:
            length_p += len(_bare(ours[j]))
            j += 1
        if length_h == length_p:
            yield start_i, i, start_j, j
            start_i, start_j = i, j
    if start_i < len(hazm) or start_j < len(ours):
        yield start_i, len(hazm), start_j, len(ours)


def regions(hazm: Sequence[str], ours: Sequence[str]) -> list[tuple[str, int, int, int, int]]:
    """``SequenceMatcher`` opcodes, with short matches between differences folded in.

    A match of one or two tokens between two differences is often the aligner
    pairing a «.» or «و» of one side with a different one of the other (hazm
    «ق . ۴.» against persnews «ق. ۴ .»; «حمل و نقل و» against «حمل‌ونقل و»).
    The differences are joined, :func:`units` cuts them up again by characters,
    and tokens that then agree are counted as agreeing.
    """
    merged: list[tuple[str, int, int, int, int]] = []
    opcodes = difflib.SequenceMatcher(None, hazm, ours, autojunk=False).get_opcodes()
    for index, (tag, i1, i2, j1, j2) in enumerate(opcodes):
        spurious = tag == "equal" and 0 < index < len(opcodes) - 1 and i2 - i1 <= 2
        if merged and merged[-1][0] != "equal" and (tag != "equal" or spurious):
            _, h1, _, p1, _ = merged[-1]
            merged[-1] = ("replace", h1, i2, p1, j2)
        elif spurious:
            merged.append(("replace", i1, i2, j1, j2))
        else:
            merged.append((tag, i1, i2, j1, j2))
    return merged


# ---------------------------------------------------------------- classification


def _zwnj_only(a: str, b: str) -> bool:
    return a.replace(ZWNJ, "") == b.replace(ZWNJ, "")


def _inserted_at(glued: str, repaired: str) -> list[int]:
    """Positions in ``glued`` where ``repaired`` has a ZWNJ that ``glued`` lacks."""
    positions = []
    index = 0
    for char in repaired:
        if char == ZWNJ:
            if index < len(glued) and glued[index] == ZWNJ:
                index += 1
            else:
                positions.append(index)
        else:
            index += 1
    return positions


def _evidence(stem: str, suffix: str) -> int:
    """How often the corpora's authors write ``stem`` + ``suffix`` split there.

    A plural reading («تیم + های») also counts the plural without the ezafe
    written glued or with a half-space («تیمها», «تیم‌ها»): that spelling has
    no other reading.
    """
    written: collections.Counter[str] = _WORKER["written"]
    count = written[stem + ZWNJ + suffix]
    if suffix.startswith("ها"):
        count += written[stem + "ها"] + written[stem + ZWNJ + "ها"]
    return count


def _judge_repair(glued: str, repaired: str) -> str:
    """Judge the ZWNJs persnews put into a glued word (``glued`` as hazm spells it).

    A glued «…هایی / …های / …هام / …هاش» has two readings: a plural («تیم‌های»)
    and a word in «ه» plus «ای / ام / اش» («منطقه‌ای»).  persnews's reading
    is judged wrong when the corpora's authors write the plural reading more
    often than persnews's (:func:`_evidence`), or when persnews's stem is
    neither in hazm's word list nor ever written that way.
    """
    lexicon = _hazm.lexicon()
    for position in _inserted_at(glued, repaired):
        stem = glued[:position].split(ZWNJ)[-1]
        suffix = glued[position:].split(ZWNJ)[0]
        if stem in ("می", "نمی"):
            continue
        if suffix in ("تری", "ترین") and lexicon.attested(stem + "تر"):
            return "persnews_splits_comparative"
        plural_stem = stem[:-1]
        if stem.endswith("ه") and suffix.startswith("ا") and len(plural_stem) >= 2:
            ours = _evidence(stem, suffix)
            if _evidence(plural_stem, "ه" + suffix) > max(ours, 2) or (
                not lexicon.attested(stem) and not ours
            ):
                return "persnews_heh_reading"
    return "persnews_glued_affix"


def classify(
    hazm: Sequence[str], ours: Sequence[persnews.Token], gaps: Sequence[str], previous: str
) -> str:
    """The class of one difference.

    ``gaps`` are the original text between consecutive tokens of ``ours``;
    ``previous`` is the persnews token before them.
    """
    norms = [token.norm for token in ours]
    if not ours:
        if not _bare("".join(hazm)):
            return "hazm_keeps_invisible"
        return "ellipsis" if set("".join(hazm)) <= {".", "…"} else "persnews_drops"
    if not hazm:
        return "hazm_drops"
    if any(GARBLED.search(t) for t in (*hazm, *norms)):
        return "garbled_text"
    if any(PRESENTATION.search(t) for t in hazm):
        return "hazm_keeps_presentation_forms"
    if any(ZWNJ * 2 in t for t in norms):
        return "persnews_repeated_zwnj"
    if any(FORMAT.search(t) for t in hazm):
        # a mark between two letters that persnews deletes without writing a ZWNJ there
        # (unless the glued word is itself a word: «هر‫چند → هرچند», «وی‍ژه → ویژه»)
        as_zwnj = [FORMAT.sub("", INNER_FORMAT.sub(ZWNJ, t)) for t in hazm]
        if len(as_zwnj) == len(norms) and any(
            a.count(ZWNJ) > b.count(ZWNJ) and _zwnj_only(a, b) and not _hazm.lexicon().known(b)
            for a, b in zip(as_zwnj, norms, strict=True)
        ):
            return "persnews_glues_at_invisible"
        return "hazm_keeps_invisible"
    if all(t in QUOTES for t in (*hazm, *norms)):
        if any(t in "“”" for t in norms):
            return "persnews_keeps_curly_quotes"
        return "quote_pairing"
    bare_h = _bare("".join(hazm))
    bare_p = _bare("".join(norms))
    letters = all(LETTERS_ONLY.fullmatch(t) for t in (*hazm, *norms))
    if letters and bare_h == bare_p:
        return _classify_spacing(hazm, ours, gaps, previous)
    kinds = {token.kind for token in ours}
    if kinds & {"url", "email", "hashtag", "mention"}:
        return "hazm_splits_url"
    if "abbrev" in kinds:
        return "hazm_splits_abbreviation"
    if any(t.kind == "word" and t.norm.isascii() and LATIN_DIGIT.search(t.norm) for t in ours):
        return "latin_word_digits"
    if any(LATIN_DIGIT.search(t) for t in norms) and bare_p.translate(PERSIAN_DIGITS) == bare_h:
        return "latin_digits_kept"
    if "number" in kinds:
        if len(hazm) > len(ours):
            return "hazm_splits_number"
        if any(regex.fullmatch(r"[\d.:]+[.:]", t) for t in hazm):
            return "hazm_number_period"
    if set(bare_h) <= {".", "…"} and set(bare_p) <= {".", "…"}:
        return "ellipsis"
    if bare_h != bare_p and bare_h.translate(FOLDED) == bare_p:
        return "persnews_folds_heh_yeh" if "ۀ" in bare_h else "persnews_folds_hamza"
    if bare_h != bare_p and bare_h.translate(MARKS) == bare_p.translate(MARKS):
        return "hazm_drops_mark"
    if bare_h != bare_p and bare_h.translate(PERSIAN_PUNCTUATION) == bare_p:
        return "persnews_persian_punct"
    if bare_h == bare_p and len(hazm) < len(ours):
        return "hazm_keeps_symbol"
    if len(bare_h) < len(bare_p) and all(c in bare_p for c in bare_h):
        return "hazm_drops"
    return "other"


def _classify_spacing(
    hazm: Sequence[str], ours: Sequence[persnews.Token], gaps: Sequence[str], previous: str
) -> str:
    norms = [token.norm for token in ours]
    if any("_" in t for t in hazm):
        split = [part for t in hazm for part in t.split("_") if part]
        if split == norms:
            return "hazm_verb_token"
        hazm = split
    if len(hazm) == len(norms):
        pairs = [(a, b) for a, b in zip(hazm, norms, strict=True) if a != b]
        if not all(_zwnj_only(a, b) for a, b in pairs):
            return "spacing_other"
        ours_more = [b.count(ZWNJ) > a.count(ZWNJ) for a, b in pairs]
        if all(ours_more):
            inserted = [
                (a, token.norm)
                for a, token in zip(hazm, ours, strict=True)
                if token.norm.count(ZWNJ) > max(a.count(ZWNJ), token.text.count(ZWNJ))
            ]
            if not inserted:
                return "hazm_removes_zwnj"
            verdicts = [_judge_repair(a, b) for a, b in inserted]
            return next((v for v in verdicts if v != "persnews_glued_affix"), verdicts[0])
        if not any(ours_more):
            if all(a.startswith(ZWNJ) or a.endswith(ZWNJ) for a, _ in pairs):
                return "hazm_edge_zwnj"
            if all(a.startswith(("می" + ZWNJ, "نمی" + ZWNJ)) for a, _ in pairs):
                return "hazm_zwnj_mi"
            return "hazm_zwnj_other"
        return "spacing_other"
    if any(ZWNJ in gap for gap in gaps):
        return "persnews_splits_zwnj"
    if len(hazm) < len(norms):
        # hazm joined words that the original (and persnews) wrote apart
        lexicon = _hazm.lexicon()
        if len(norms) == 2 and norms[0] in ("می", "نمی"):
            if norms[1] == "توان" or norms[1] in lexicon.participles:
                return "persnews_leaves_mi_apart"
            if previous == "ماه" or previous[:1].isdigit() or norms[1] in FUNCTION_WORDS:
                return "hazm_joins_mi_noun"  # the month «می»: «۲۰ می ۲۰۲۰»، «ماه می در»
            verb = norms[0] + ZWNJ + norms[1]
            if ZWNJ not in norms[1] and any(
                verb[:cut] in lexicon.verb_forms for cut in range(len(verb) - 2, 4, -1)
            ):
                return "mi_glued_typo"  # «می شودچای»: the verb is glued to the next word
            return "persnews_leaves_mi_colloquial"
        if len(norms) == 2 and norms[1] in (*AFFIXES, "ی"):
            clitic = norms[1] in ("ای", "ام", "ات", "اش", "ایم", "اید", "اند", "ی")
            if (
                norms[0] in FUNCTION_WORDS
                or norms[0].isascii()
                or len(norms[0]) < 3
                or (clitic and norms[0][-1] not in "هیوا")  # «موتور ای», «دست اش»
            ):
                return "hazm_joins_suffix"
            return "persnews_leaves_suffix_apart"
        if any(b in lexicon.participles or b.startswith(("شده", "نشده")) for b in norms[1:] if b):
            return "hazm_joins_participle"
        return "hazm_joins_word_list"
    if any(t.endswith(ZWNJ + "و") for t in norms):
        return "persnews_half_joins_and"  # «گفت‌ و گو» -> «گفت‌و گو»
    if len(hazm) == 3 and hazm[1] == "و":
        return "persnews_joins_triple"
    return "persnews_joins_other"


# ---------------------------------------------------------------- per article

_WORKER: dict[str, Any] = {}


def written_forms(paths: Sequence[Path]) -> collections.Counter[str]:
    """How often each spelling of a word (with or without ZWNJ) occurs in the corpora."""
    counts: collections.Counter[str] = collections.Counter()
    for path in paths:
        with path.open(encoding="utf-8") as lines:
            for line in lines:
                text = json.loads(line)["text"].translate(ARABIC_LETTERS)
                counts.update(WORD.findall(text))
    return counts


def _init(written: collections.Counter[str]) -> None:
    _WORKER["written"] = written
    _WORKER["normalize"] = _hazm.hazm_normalizer()
    _WORKER["word_tokenize"] = _hazm.hazm_tokenizers()[1]
    persnews.tokenize("گرم کردن")  # build persnews's tables once


def _context(text: str, ours: Sequence[persnews.Token], j1: int, j2: int) -> str:
    """A few words of original text around ``ours[j1:j2]``, the difference in [ ]."""
    if not ours:
        return ""
    before = ours[max(0, j1 - CONTEXT)].start if j1 > 0 else 0
    after = ours[min(len(ours), j2 + CONTEXT) - 1].end if j2 < len(ours) else len(text)
    if j1 < j2:
        start, end = ours[j1].start, ours[j2 - 1].end
    else:  # hazm-only difference: mark the place between two tokens
        start = end = ours[j1].start if j1 < len(ours) else len(text)
    return " ".join(f"{text[before:start]}[{text[start:end]}]{text[end:after]}".split())


def analyse(article: tuple[int, str]) -> dict[str, Any]:
    """Compare hazm and persnews on one article: ``(line number, text)``."""
    line, text = article
    hazm: list[str] = _WORKER["word_tokenize"](_WORKER["normalize"](text))
    ours = persnews.tokenize(text)
    norms = [token.norm for token in ours]
    result: dict[str, Any] = {
        "chars": len(text),
        "hazm_tokens": len(hazm),
        "persnews_tokens": len(ours),
        "exact": 0,
        "exact_persnews": 0,
        "line": line,
        "diffs": [],
    }
    for tag, i1, i2, j1, j2 in regions(hazm, norms):
        if tag == "equal":
            result["exact"] += i2 - i1
            result["exact_persnews"] += j2 - j1
            continue
        for a1, a2, b1, b2 in units(hazm[i1:i2], norms[j1:j2]):
            if hazm[i1 + a1 : i1 + a2] == norms[j1 + b1 : j1 + b2]:
                result["exact"] += a2 - a1  # a match the aligner had paired otherwise
                result["exact_persnews"] += b2 - b1
                continue
            group = ours[j1 + b1 : j1 + b2]
            gaps = [text[x.end : y.start] for x, y in itertools.pairwise(group)]
            previous = norms[j1 + b1 - 1] if j1 + b1 > 0 else ""
            name = classify(hazm[i1 + a1 : i1 + a2], group, gaps, previous)
            example = _context(text, ours, j1 + b1, j1 + b2)
            unit = (tuple(hazm[i1 + a1 : i1 + a2]), tuple(norms[j1 + b1 : j1 + b2]))
            result["diffs"].append((name, unit, a2 - a1, b2 - b1, example))
    return result


def _articles(path: Path, limit: int | None, every: int) -> Iterator[tuple[int, str]]:
    with path.open(encoding="utf-8") as lines:
        for index, line in enumerate(itertools.islice(lines, limit)):
            if index % every == 0:
                yield index + 1, json.loads(line)["text"]


# ---------------------------------------------------------------- report


def _share(part: int, whole: int) -> float:
    return round(part / whole, 5) if whole else 0.0


def summarize(per_corpus: dict[str, list[dict[str, Any]]], examples: int) -> dict[str, Any]:
    """Figures per corpus and overall, class counts and the commonest examples."""
    figures: dict[str, Any] = {}
    classes: dict[str, Any] = {
        name: {
            "verdict": cls.verdict,
            "spacing_only": cls.spacing,
            "title": cls.title,
            "differences": {},
            "hazm_tokens": {},
        }
        for name, cls in CLASSES.items()
    }
    pairs: dict[str, collections.Counter[Unit]] = collections.defaultdict(collections.Counter)
    first: dict[tuple[str, Unit], tuple[str, str]] = {}
    for corpus, results in per_corpus.items():
        for r in results:
            for name, unit, _, _, context in r["diffs"]:
                key = Unit(*unit)
                pairs[name][key] += 1
                first.setdefault((name, key), (f"{corpus}.jsonl:{r['line']}", context))
    everything = [r for results in per_corpus.values() for r in results]
    for corpus, results in (*per_corpus.items(), ("overall", everything)):
        hazm_tokens = sum(r["hazm_tokens"] for r in results)
        exact = sum(r["exact"] for r in results)
        by_class: collections.Counter[str] = collections.Counter()
        tokens_by_class: collections.Counter[str] = collections.Counter()
        for r in results:
            for name, _, n_hazm, _, _ in r["diffs"]:
                by_class[name] += 1
                tokens_by_class[name] += n_hazm
        verbs = tokens_by_class["hazm_verb_token"]
        spacing = sum(n for name, n in tokens_by_class.items() if CLASSES[name].spacing)
        persnews_tokens = sum(r["persnews_tokens"] for r in results)
        figures[corpus] = {
            "articles": len(results),
            "characters": sum(r["chars"] for r in results),
            "hazm_tokens": hazm_tokens,
            "persnews_tokens": persnews_tokens,
            "hazm_tokens_reproduced_exactly": exact,
            "exact": _share(exact, hazm_tokens),
            "exact_of_persnews_tokens": _share(
                sum(r["exact_persnews"] for r in results), persnews_tokens
            ),
            "ignoring_verb_tokens": _share(exact + verbs, hazm_tokens),
            "ignoring_zwnj_space": _share(exact + spacing, hazm_tokens),
            "differences": sum(by_class.values()),
        }
        for name in CLASSES:
            classes[name]["differences"][corpus] = by_class[name]
            classes[name]["hazm_tokens"][corpus] = tokens_by_class[name]
    for name in CLASSES:
        counter = pairs[name]
        classes[name]["distinct"] = len(counter)
        classes[name]["examples"] = [
            {
                "hazm": list(unit.hazm),
                "persnews": list(unit.persnews),
                "count": count,
                "first_seen": first[name, unit][0],
                "context": first[name, unit][1],
            }
            for unit, count in counter.most_common(examples)
        ]
    return {"figures": figures, "classes": classes}


def _show(tokens: Sequence[str]) -> str:
    return " | ".join(tokens) or "∅"


def report(summary: dict[str, Any]) -> str:
    """A plain-text summary: the figures, then every class with its commonest examples."""
    run = summary["run"]
    lines = [
        f"{run['sample']}; wall time {run['seconds']:.0f} s with {run['jobs']} processes",
        "",
        "share of hazm tokens that persnews reproduces: exactly / also counting hazm's "
        "«_» verb tokens / also counting every spacing-only difference",
        f"{'corpus':<10} {'articles':>8} {'hazm tokens':>12} {'exact':>7} {'+verbs':>7} "
        f"{'+spacing':>8}",
    ]
    for corpus, f in summary["figures"].items():
        lines.append(
            f"{corpus:<10} {f['articles']:>8} {f['hazm_tokens']:>12} {f['exact']:>7.2%} "
            f"{f['ignoring_verb_tokens']:>7.2%} {f['ignoring_zwnj_space']:>8.2%}"
        )
    verdicts = {"deliberate": 0, "wrong": 1, "questionable": 2, "other": 3}
    order = sorted(
        summary["classes"].items(),
        key=lambda item: (verdicts[item[1]["verdict"]], -item[1]["differences"]["overall"]),
    )
    for name, cls in order:
        count = cls["differences"]["overall"]
        if not count:
            continue
        lines += [
            "",
            f"[{cls['verdict']}] {name}: {count} differences "
            f"({cls['hazm_tokens']['overall']} hazm tokens, {cls['distinct']} distinct)",
            f"    {cls['title']}",
        ]
        for example in cls["examples"][:3]:
            lines.append(
                f"    {example['count']:>5} × hazm {_show(example['hazm'])} ‖ persnews "
                f"{_show(example['persnews'])} ‖ {example['context']}"
            )
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--limit", type=int, help="read only the first N articles of each corpus")
    parser.add_argument("--every", type=int, default=1, help="use every K-th article (default 1)")
    parser.add_argument("--jobs", type=int, default=min(2, multiprocessing.cpu_count()))
    parser.add_argument("--examples", type=int, default=10, help="examples kept per class")
    parser.add_argument("--out", type=Path, help="write the figures as JSON here")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    per_corpus: dict[str, list[dict[str, Any]]] = {}
    written = written_forms(list(CORPORA.values()))
    with multiprocessing.Pool(args.jobs, initializer=_init, initargs=(written,)) as pool:
        for corpus, path in CORPORA.items():
            texts = _articles(path, args.limit, args.every)
            per_corpus[corpus] = list(pool.imap(analyse, texts, chunksize=4))
    seconds = time.perf_counter() - started
    sample = f"first {args.limit}" if args.limit else "all"
    sample += " articles of each corpus"
    if args.every > 1:
        sample += f", every {args.every}-th of them"
    summary = summarize(per_corpus, args.examples)
    summary["run"] = {
        "command": " ".join(["python", "scripts/agreement.py", *(argv or sys.argv[1:])]),
        "sample": sample,
        "seconds": round(seconds, 1),
        "jobs": args.jobs,
        "hazm": _hazm_version(),
        "persnews": persnews.__version__,
        "persnews_commit": _commit(),
    }
    print(report(summary))
    if args.out:
        args.out.write_text(json.dumps(summary, ensure_ascii=False, indent=1) + "\n", "utf-8")
    return 0


def _commit() -> str:
    """The project's git commit, marked «+modified» if persnews/ has local changes."""
    try:
        head = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True
        ).stdout.strip()
        dirty = subprocess.run(
            ["git", "status", "--porcelain", "persnews"], cwd=ROOT, capture_output=True, text=True
        ).stdout.strip()
    except OSError:
        return "unknown"
    return (head or "unknown") + ("+modified" if dirty else "")


def _hazm_version() -> str:
    from importlib.metadata import version

    return version("hazm")


if __name__ == "__main__":
    raise SystemExit(main())
