"""The only module that touches hazm.

hazm costs about two seconds and 150 MB to import (it pulls in scikit-learn,
scipy, nltk and gensim) and another 1.4 s to build a ``Normalizer``.  persnews
needs hazm's *knowledge* — its word list, verb stems and abbreviations — not
its machine-learning stack, so :func:`lexicon` reads the data files of the
installed hazm package directly, without importing it.  Everything is loaded
lazily, once per process.

hazm's own tools stay reachable through :func:`hazm_normalizer` and
:func:`hazm_tokenizers` for agreement measurements and tests.
"""

from __future__ import annotations

import importlib.util
from collections.abc import Callable
from itertools import compress, repeat
from operator import ne, or_
from pathlib import Path
from typing import Any, Final

import attrs

from persnews._data import split_columns
from persnews._lazy import Keys, keys, once

__all__ = [
    "PAST_ENDINGS",
    "PRESENT_ENDINGS",
    "Lexicon",
    "data_dir",
    "hazm_normalizer",
    "hazm_tokenizers",
    "lexicon",
    "verb_stems",
]

#: personal endings of the past tense (and of the present, minus "د"), by person
PAST_ENDINGS: Final = ("م", "ی", "", "یم", "ید", "ند")
PRESENT_ENDINGS: Final = ("م", "ی", "د", "یم", "ید", "ند")


@once
def data_dir() -> Path:
    """Return the folder of the installed hazm package's data files (no import)."""
    spec = importlib.util.find_spec("hazm")
    if spec is None or not spec.submodule_search_locations:
        raise ModuleNotFoundError(
            "persnews needs the hazm package (pip install hazm==0.10.0)", name="hazm"
        )
    return Path(next(iter(spec.submodule_search_locations))) / "data"


#: the present endings, longest first (to take «ند» before «د»), and none
_LONGEST_FIRST: Final = (*sorted(PRESENT_ENDINGS, key=len, reverse=True), "")


@attrs.frozen
class Lexicon:
    """hazm's lexicons, in the shapes persnews asks questions in."""

    #: word -> corpus frequency (hazm's words.dat)
    frequency: dict[str, int]
    #: word -> part-of-speech tags, e.g. ("N", "AJ"), for the words hazm's list has
    #: seen (a spelling it lists with frequency 0 and tag 0 has none)
    pos: dict[str, tuple[str, ...]]
    #: every conjugated verb form hazm's Lemmatizer knows, with ZWNJ after می/نمی
    verb_forms: Keys[str]
    #: what «می X» / «نمی X» may be joined into: the verb forms, plus «می» with
    #: a bare present stem (می‌توان), a participle (می‌کرده) or a colloquial stem
    spaced_verb_forms: Keys[str]
    #: the subset safe to repair when glued (میشود -> می‌شود): forms of verbs whose
    #: infinitive hazm has seen, minus the 2nd person singular (میدانی is a noun)
    glued_verb_forms: Keys[str]
    #: past participles (بن ماضی + ه, and negated), e.g. شده، نشده، کرده
    participles: Keys[str]
    #: words the list spells with a half-space and has seen (بین‌المللی), for quick look-up
    compounds: Keys[str]
    #: every word :meth:`attested` is true for, for quick look-up
    attested_words: Keys[str]
    #: present stems of hazm's verbs, e.g. گیر، رسان، ساز
    present_stems: Keys[str]
    #: hazm's stop words
    stopwords: Keys[str]
    #: hazm's abbreviations, e.g. ه.ش. ق.م. (ع)
    abbreviations: tuple[str, ...]

    def known(self, word: str) -> bool:
        """True if ``word`` is in hazm's word list or is a verb form it knows."""
        return word in self.frequency or word in self.verb_forms

    def present_stem(self, word: str) -> str | None:
        """The present stem of ``word`` if it is «می‌»/«نمی‌» + a present stem + a
        personal ending (a present tense: «می‌شود» -> «شو»), else None («می‌رفت», the
        past continuous, has a past stem).

        >>> lexicon().present_stem("می‌شوند"), lexicon().present_stem("می‌رفت")
        ('شو', None)
        """
        prefix, joiner, body = word.partition("\u200c")
        if not joiner or prefix not in ("می", "نمی"):
            return None
        for ending in _LONGEST_FIRST:  # «شوند»: «شو» + «ند», not «شون» + «د»
            stem = body[: len(body) - len(ending)]
            if body.endswith(ending) and stem in self.present_stems:
                return stem
        return None

    def attested(self, word: str) -> bool:
        """True if hazm's word list gives ``word`` a frequency or a part of speech.

        hazm's list also holds glued misspellings with neither (کتابها، میگویند,
        frequency 0, tag "0"); those are not evidence that a spelling is right.
        """
        return word in self.attested_words


def _lines(name: str) -> list[str]:
    text = (data_dir() / name).read_text(encoding="utf-8")
    return [line.strip() for line in text.splitlines() if line.strip()]


def _conjugate(past: str, present: str, second_singular: bool = True) -> set[str]:
    """The simple conjugations of one verb, as hazm's ``Conjugation`` spells them."""
    forms: set[str] = set()
    past_endings = PAST_ENDINGS if second_singular else ("م", "", "یم", "ید", "ند")
    present_endings = PRESENT_ENDINGS if second_singular else ("م", "د", "یم", "ید", "ند")
    if past:
        simple = {past + ending for ending in past_endings}
        forms |= simple | {"ن" + form for form in simple}
        forms |= {prefix + "\u200c" + form for form in simple for prefix in ("می", "نمی")}
    if present:
        simple = {present + ending for ending in present_endings}
        forms |= {prefix + "\u200c" + form for form in simple for prefix in ("می", "نمی")}
        forms |= {"ب" + form for form in simple} | {"ن" + form for form in simple}
    return forms


#: the part of speech hazm's list gives the spellings it has not seen
_UNSEEN: Final[tuple[str, ...]] = ("0",)
#: word -> frequency, word -> parts of speech, the words hazm has seen
_WordList = tuple[dict[str, int], dict[str, tuple[str, ...]], list[str]]


def _words() -> _WordList:
    """hazm's word list: word -> frequency, word -> parts of speech (for the words
    it has seen), and those words: the lines that say more than "frequency 0, tag 0"
    (four fifths of the list, «کتابها\t0\t0», say no more: they can be neither
    attested nor compounds, and have no part of speech).

    The file is three tab-separated fields a line, read as one list of fields and
    cut into columns without a Python loop over its 194,000 lines."""
    path = data_dir() / "words.dat"
    text = path.read_text(encoding="utf-8").strip("\n")
    words, counts, tags = split_columns(text, 3)
    # a line with one field too many or too few shifts a word into the counts
    fields = len(words) + len(counts) + len(tags)
    if fields != 3 * (text.count("\n") + 1) or not all(map(str.isdigit, counts)):
        raise ValueError(f"{path} is not hazm 0.10.0's word list (word, count, tags a line)")
    seen_lines = list(map(or_, map(ne, counts, repeat("0")), map(ne, tags, repeat("0"))))
    seen = list(compress(words, seen_lines))
    frequency = dict.fromkeys(words, 0)
    frequency.update(zip(seen, map(int, compress(counts, seen_lines)), strict=True))
    seen_tags = list(compress(tags, seen_lines))
    shapes = {tag: tuple(tag.split(",")) for tag in set(seen_tags)}  # one tuple per spelling
    pos = dict(zip(seen, map(shapes.__getitem__, seen_tags), strict=True))
    return frequency, pos, seen


@once
def lexicon() -> Lexicon:
    """Load hazm's word, verb, stop-word and abbreviation lists (cached)."""
    frequency, pos, seen = _words()
    forms: set[str] = {"است"}
    glued: set[str] = set()
    participles: set[str] = set()
    presents: set[str] = set()
    bare: set[str] = set()  # present forms without a prefix (شود، دارد): words, not joins
    for line in _lines("verbs.dat"):
        past, _, present = line.partition("#")
        forms |= _conjugate(past, present)
        if present:
            bare |= {present + ending for ending in PRESENT_ENDINGS}
        if frequency.get(past + "ن", 0) > 0:
            glued |= _conjugate(past, present, second_singular=False)
        if present:
            presents.add(present)
        if past:
            participles |= {past + "ه", "ن" + past + "ه"}
    # written apart, «می» also goes with a bare present stem (می توان), a participle
    # (می کرده) and colloquial stems (می دونم); glued, these read as other words
    # (میدان), so they are only for joining «می X»
    spaced = {p + "\u200c" + stem for stem in presents | participles for p in ("می", "نمی")}
    # colloquial third person: می زنه، نمی کنه
    spaced |= {p + "\u200c" + stem + "ه" for stem in presents for p in ("می", "نمی")}
    for line in _lines("iverbs.dat"):
        stems = line.split()
        if len(stems) > 1 and stems[1] != "-":
            forms_ = _conjugate("", stems[1]) | {
                "می\u200c" + stems[1] + "ه",
                "نمی\u200c" + stems[1] + "ه",
            }
            spaced |= {form for form in forms_ if form.startswith(("می\u200c", "نمی\u200c"))}
    compounds = [w for w in seen if frequency[w] > 0 and "\u200c" in w]
    return Lexicon(
        frequency=frequency,
        pos=pos,
        verb_forms=keys(forms),
        spaced_verb_forms=keys(forms | spaced),
        glued_verb_forms=keys(glued),
        participles=keys(participles),
        present_stems=keys(presents),
        compounds=keys(compounds),
        attested_words=keys(
            [w for w in seen if frequency[w] > 0 or pos[w] != _UNSEEN] + [*forms, *bare]
        ),
        stopwords=keys(_lines("stopwords.dat")),
        abbreviations=tuple(_lines("abbreviations.dat")),
    )


@once
def verb_stems() -> dict[str, tuple[str, ...]]:
    """Past stem -> its present stems, from hazm's verb list (گفت -> گو، گوی)."""
    stems: dict[str, list[str]] = {}
    for line in _lines("verbs.dat"):
        past, _, present = line.partition("#")
        stems.setdefault(past, []).append(present)
    return {past: tuple(presents) for past, presents in stems.items()}


@once
def _hazm() -> Any:
    import hazm  # the one place persnews imports hazm

    return hazm


@once
def hazm_normalizer() -> Callable[[str], str]:
    """hazm's own ``Normalizer().normalize`` (slow to build; for measurements and tests)."""
    normalizer: Callable[[str], str] = _hazm().Normalizer().normalize
    return normalizer


@once
def hazm_tokenizers() -> tuple[Callable[[str], list[str]], Callable[[str], list[str]]]:
    """hazm's ``sent_tokenize`` and ``word_tokenize`` (for measurements and tests)."""
    hazm = _hazm()
    return hazm.sent_tokenize, hazm.word_tokenize
