"""Generate persnews/data/units.tsv: the units, currencies and percent signs after a number.

Source: the Unicode CLDR data shipped with ``babel`` (``pip install babel``), locale ``fa``:

* units: ``Locale("fa")._data["unit_display_names"]`` (the Persian display names of
  ``babel.units.get_unit_name``), short and long forms, for the measurement categories
  listed in ``CATEGORIES``; forms with Latin letters, symbols or abbreviation dots are left
  out, and so are the names in ``AMBIGUOUS``, which are ordinary words as often as units
  (``بار`` "times", ``تن`` "persons", ``بیت`` "verse", ``فوت`` "death", ``درجه`` "grade"…);
* percent: CLDR's ``concentr-percent`` (``درصد``, narrow ``٪``);
* currencies: ``babel.numbers.get_currency_name(code, locale="fa")`` for every currency that
  is legal tender somewhere on ``TENDER_DATE`` (a fixed date, so that the output does not
  change from one run to the next).

What CLDR lacks is added by hand below (``HAND_*``, source column ``hand``): the short names
Persian news uses for currencies (``دلار`` for the US dollar, ``ریال`` for Iran's rial), the
toman (10 rials, Iran's unit of account in speech and in most prices), and a few spellings
(``کیلو``, ``درجه سانتیگراد``).

Columns: ``surface`` (the normalized form found in text), ``name`` (the unit's name reported
as ``NumberMention.unit``: the short news name where there is one, else CLDR's), ``kind``
(quantity, money or percent), ``code`` (CLDR unit id, or ISO 4217 code for money), and
``factor`` (how many ``code`` units one ``name`` is: 10 for the toman, else 1).

Run: ``python scripts/make_units.py`` (writes the file; prints what it left out and why).
"""

from __future__ import annotations

import datetime
import sys
from pathlib import Path

import regex
from babel import Locale
from babel.core import get_global
from babel.numbers import get_currency_name, get_territory_currencies

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from persnews import normalize
from persnews._datetext import fold

OUT = Path(__file__).resolve().parent.parent / "persnews" / "data" / "units.tsv"

#: CLDR unit categories that measure things news reports (durations are dates' business)
CATEGORIES = (
    "length",
    "area",
    "mass",
    "volume",
    "power",
    "energy",
    "frequency",
    "digital",
    "speed",
    "temperature",
    "pressure",
    "electric",
    "graphics",
    "consumption",
)
#: CLDR unit ids left out: duplicates of a unit kept elsewhere
SKIP_IDS = frozenset({"energy-foodcalorie"})  # «کالری» is also energy-calorie
#: CLDR names that are ordinary words as often as units after a number
AMBIGUOUS = frozenset(
    {
        "بار",  # bar / "times" (سه بار)
        "تن",  # tonne / "persons" (ده تن کشته شدند)
        "بیت",  # bit / "verse"
        "فوت",  # foot / "death" (۱۲ فوتی)
        "اهم",  # ohm / "most important"
        "مول",  # mole / "mall"
        "لوکس",  # lux / "luxury"
        "شمع",  # candela / "candle"
        "سنگ",  # stone / "stone"
        "دانه",  # grain / "seed, piece"
        "قطره",  # drop
        "گیلاس",  # jigger / "cherry, glass"
        "نقطه",  # dot / "point, place"
        "پیمانه",  # cup / "measure"
        "سرانگشت",  # pinch / "fingertip"
        "گره",  # knot / "knot, problem"
        "درم",  # dram
        "درم سیال",
    }
)
TENDER_DATE = datetime.date(2024, 1, 1)

# ---------------------------------------------------------------- by hand: not in CLDR
#: (surface, code): short names Persian news uses; the first surface of a code is its name
HAND_CURRENCIES = (
    ("دلار", "USD"),
    ("دلار آمریکایی", "USD"),
    ("یورو", "EUR"),
    ("پوند", "GBP"),
    ("ریال", "IRR"),
    ("درهم", "AED"),
    ("یوآن", "CNY"),
    ("ین", "JPY"),
    ("روبل", "RUB"),
    ("لیر", "TRY"),
    ("لیره", "TRY"),
    ("دینار", "IQD"),
    ("روپیه", "INR"),
    ("فرانک", "CHF"),
    ("وون", "KRW"),
)
#: (surface, name, code, factor): Iran's toman is 10 rials
HAND_MONEY = (("تومان", "تومان", "IRR", "10"),)
#: (surface, name or "" for the CLDR name, CLDR unit id): spellings CLDR does not have
HAND_UNITS = (
    ("کیلو", "", "mass-kilogram"),
    ("درجه سانتیگراد", "", "temperature-celsius"),
    ("درجه سانتی‌گراد", "", "temperature-celsius"),
    ("درجه", "درجه", "temperature-generic"),  # CLDR has only the symbol «°»
)
# ---------------------------------------------------------------- end of hand additions

_PERSIAN_ONLY = regex.compile(r"[\p{Arabic}\u064b-\u065f\u0670\u200c ]+")


def norm(text: str) -> str:
    return normalize(text).text


def rows() -> list[tuple[str, str, str, str, str, str]]:
    names = Locale("fa")._data["unit_display_names"]
    result: list[tuple[str, str, str, str, str, str]] = []

    def unit_forms(unit_id: str) -> list[str]:
        forms = dict(names[unit_id])
        persian = [
            norm(form)
            for form in (forms.get("long"), forms.get("short"), forms.get("narrow"))
            if form and _PERSIAN_ONLY.fullmatch(form)
        ]
        return list(dict.fromkeys(persian))

    for unit_id in names:
        if unit_id.split("-")[0] not in CATEGORIES or unit_id in SKIP_IDS:
            continue
        forms = [form for form in unit_forms(unit_id) if form not in AMBIGUOUS]
        if not forms:
            print(f"left out {unit_id}: no unambiguous Persian name", file=sys.stderr)
            continue
        for form in forms:
            result.append((form, forms[0], "quantity", unit_id, "1", "cldr"))
    for surface, given, unit_id in HAND_UNITS:
        name = norm(given) or next(r[1] for r in result if r[3] == unit_id)
        result.append((norm(surface), name, "quantity", unit_id, "1", "hand"))

    percent = dict(names["concentr-percent"])
    for form in (percent["short"], percent["narrow"]):
        result.append(
            (norm(form), norm(percent["short"]), "percent", "concentr-percent", "1", "cldr")
        )

    territories = get_global("territory_currencies").keys()
    codes = sorted({code for t in territories for code in get_territory_currencies(t, TENDER_DATE)})
    short = {}
    for surface, code in HAND_CURRENCIES:
        short.setdefault(code, norm(surface))
        result.append((norm(surface), short[code], "money", code, "1", "hand"))
    for code in codes:
        cldr = get_currency_name(code, locale="fa")
        if cldr == code or not _PERSIAN_ONLY.fullmatch(cldr):
            continue
        result.append((norm(cldr), short.get(code, norm(cldr)), "money", code, "1", "cldr"))
    for surface, name, code, factor in HAND_MONEY:
        result.append((norm(surface), norm(name), "money", code, factor, "hand"))
    return result


def deduplicated(
    table: list[tuple[str, str, str, str, str, str]],
) -> list[tuple[str, str, str, str, str, str]]:
    """One row per spelling; a surface with two meanings (compared folded) is left out."""
    by_key: dict[str, list[tuple[str, str, str, str, str, str]]] = {}
    for row in table:
        by_key.setdefault(fold(row[0]), []).append(row)
    kept = []
    for key, group in by_key.items():
        meanings = {(r[1], r[2], r[3], r[4]) for r in group}
        if len(meanings) > 1:
            print(f"left out {key!r}: {len(meanings)} meanings {sorted(meanings)}", file=sys.stderr)
            continue
        kept += {row[0]: row for row in group}.values()  # each spelling once
    return sorted(kept, key=lambda r: (r[2], r[3], r[0]))


def main() -> None:
    table = deduplicated(rows())
    lines = [
        "# Generated by scripts/make_units.py from CLDR (babel) locale fa; do not edit by hand.",
        "# source: cldr, or hand (what CLDR lacks; see the script).",
        "surface\tname\tkind\tcode\tfactor\tsource",
        *("\t".join(row) for row in table),
    ]
    OUT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"wrote {len(table)} rows to {OUT}", file=sys.stderr)


if __name__ == "__main__":
    main()
