"""Hypothesis strategies for persnews tests."""

from __future__ import annotations

from hypothesis import strategies as st

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
    " ",
    " ",
    "\n",
    "\u200c",
    "ي",
    "ك",
    "\u064e",
)
word_salad = st.lists(st.sampled_from(_PIECES), max_size=30).map("".join)

texts = st.one_of(any_text, persian_text, word_salad)
