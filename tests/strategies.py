"""Hypothesis strategies for persnews tests, and how many examples to run.

``HYPOTHESIS_PROFILE=fuzz`` (``nox -s fuzz``) runs every property with
10,000 examples; the normal run uses fewer (:func:`examples`).
"""

from __future__ import annotations

import os
from typing import Any

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

#: the examples every property gets under ``nox -s fuzz``
FUZZ_EXAMPLES = 10_000
FUZZ = os.environ.get("HYPOTHESIS_PROFILE") == "fuzz"
_SLOW_IS_FINE = [HealthCheck.too_slow, HealthCheck.data_too_large]
settings.register_profile(
    "ci", max_examples=200, deadline=None, suppress_health_check=_SLOW_IS_FINE
)
settings.register_profile(
    "fuzz", max_examples=FUZZ_EXAMPLES, deadline=None, suppress_health_check=_SLOW_IS_FINE
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))


def examples(count: int, **options: Any) -> settings:
    """``@settings`` for a property: ``count`` examples, or 10,000 under the fuzz profile."""
    return settings(
        max_examples=FUZZ_EXAMPLES if FUZZ else count,
        deadline=None,
        suppress_health_check=_SLOW_IS_FINE,
        **options,
    )


#: the characters Persian news text is made of, plus the troublemakers
PERSIAN_ALPHABET = (
    "ابپتثجچحخدذرزژسشصضطظعغفقکگلمنوهیآئ"  # Persian letters
    "يكىةۀؤإأٱ"  # Arabic variants
    "\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652\u0670\u0640"  # diacritics, kashida
    "\u200c\u200d\u200e\u200f\ufeff\u00ad"  # ZWNJ, ZWJ, marks, BOM, soft hyphen
    "۰۱۲۳۴۵۶۷۸۹٠١٢٣٤٥٦٧٨٩0123456789"
    "  \n\t\r\u00a0"
    ".،؛:!؟?,;«»()[]\"'-/%٪…"
    "abcXYZ@#_"
    "ﻻﷲﺑﻤ"  # presentation forms
)

#: any Unicode, surrogates and control characters included
any_text = st.text(alphabet=st.characters(exclude_categories=()), max_size=200)

#: text built from Persian-news characters, biased to produce real words
persian_text = st.text(alphabet=st.sampled_from(PERSIAN_ALPHABET), max_size=200)

#: real words and affixes glued and spaced in random ways
_PIECES = (
    "می",
    "نمی",
    "ها",
    "های",
    "ای",
    "تر",
    "ترین",
    "کتاب",
    "منطقه",
    "دیپلمات",
    "راه",
    "رود",
    "گفت",
    "و",
    "گو",
    "بین",
    "المللی",
    "وزارت",
    "خارجه",
    "۱۲",
    "12.5",
    "1399/08/04",
    "ه.ش.",
    "www.irna.ir",
    "a@b.ir",
    "«",
    "»",
    ".",
    "،",
    "؛",
    ":",
    ")",
    "(",
    "(ع)",
    "!",
    "?",
    "؟",
    "م.",
    "م. ق.ر.ر.ک",
    " ",
    " ",
    "\n",
    "\u200c",
    "ي",
    "ك",
    "\u064e",
)
word_salad = st.lists(st.sampled_from(_PIECES), max_size=30).map("".join)

#: what breaks text code: digits of every script, bidi controls and isolates,
#: combining marks, emoji, lone surrogates, odd line breaks — among Persian letters
hostile_text = st.text(
    alphabet=st.one_of(
        st.characters(categories=["Nd"]),
        st.characters(categories=["Mn", "Mc", "Me"]),
        st.sampled_from(
            "\u200c\u200d\u200e\u200f\u061c\u202a\u202b\u202c\u202d\u202e"
            "\u2066\u2067\u2068\u2069\ufeff\u00ad\u2028\u2029\x85\x0b\x0c\x1c\x1e\x00"
        ),
        st.characters(min_codepoint=0x1F300, max_codepoint=0x1FAFF),
        st.characters(categories=["Cs"]),
        st.sampled_from(PERSIAN_ALPHABET),
    ),
    max_size=200,
)

#: one long line: a short piece repeated up to 1,000 times (up to 8,000 characters;
#: 200 times outside the fuzz profile, to keep the normal run quick)
long_lines = st.builds(
    lambda piece, times: piece * times,
    st.one_of(persian_text, word_salad, hostile_text).map(lambda t: t[:8]).filter(bool),
    st.integers(20, 1000 if FUZZ else 200),
)

texts = st.one_of(any_text, persian_text, word_salad, hostile_text, long_lines)
