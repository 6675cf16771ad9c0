"""Generate persnews/data/nowruz.tsv: the Gregorian date of 1 Farvardin of each Jalali year.

Source: the Iranian calendar authority's list of Jalali leap years 1206-1498 AP
(../shared/data/calendar/calendar_center_leap_years.txt, CC0), which gives the
Gregorian date of Nowruz for every year of that range.

    python scripts/make_nowruz_table.py [path/to/calendar_center_leap_years.txt]
"""

from __future__ import annotations

import datetime as dt
import itertools
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_SOURCE = ROOT.parent / "shared" / "data" / "calendar" / "calendar_center_leap_years.txt"
TARGET = ROOT / "persnews" / "data" / "nowruz.tsv"


def main(argv: list[str]) -> int:
    source = Path(argv[1]) if len(argv) > 1 else DEFAULT_SOURCE
    rows = []
    for line in source.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        year, iso = line.split()
        rows.append((int(year.rstrip("*")), dt.date.fromisoformat(iso), year.endswith("*")))
    rows.sort()
    years = [year for year, _, _ in rows]
    if years != list(range(years[0], years[-1] + 1)):
        raise SystemExit(f"{source}: the years are not consecutive")
    for (_, day, leap), (_, following, _) in itertools.pairwise(rows):
        if (following - day).days != (366 if leap else 365):
            raise SystemExit(f"{source}: leap marks disagree with the dates at {day}")
    lines = ["jalali_year\tnowruz_gregorian\tleap"]
    lines += [f"{year}\t{day.isoformat()}\t{int(leap)}" for year, day, leap in rows]
    TARGET.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"wrote {TARGET.relative_to(ROOT)}: {len(rows)} years {years[0]}-{years[-1]}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
