"""Generate the Hijri-lunar (qamari) month tables in persnews/data/.

Three tab-separated files, each a list of month starts (the ISO Gregorian date of the 1st):

``hijri_iran.tsv``  (year, month, start, observed), 1265/1 … 1447/10
    Iran's Hijri-lunar months as used in the country, from
    ../shared/data/calendar/iran_qamari_months.txt: the roozbehp/qamari project, CC0 1.0
    (iran_qamari_LICENSE.txt beside it). A ``*`` there marks a month whose start as observed
    on the ground differed from the published calendar of the time; the project's README says
    the date given for such a month is the day the month was observed to begin, not the
    precalculated one, and the Calendar Center's converter confirms it for 1378/10 (it gives
    the precalculated 1959-04-10, one day after the listed, observed 1959-04-09). Those rows get
    ``observed`` = 1 and keep the file's date. The last row only says where 1447/9 ends.
    Checked: months consecutive, each 29 or 30 days, and every Hijri-Gregorian pair in
    calendar_center_conversions.txt (the Calendar Center's converter, 1306-1400 AP) agrees with
    the table. Lines starting with ``#`` there are comments, not used: three of them are
    converter answers set aside because the newspapers contradict them (1354/6, 1378/10 and
    1378/11, each a day later in the converter than in the table).

``hijri_umm_al_qura.tsv``  (year, month, start), 1343/1 … 1501/1
    The Saudi Umm al-Qura calendar, from the ``hijridate`` package (MIT; a dev/test dependency,
    never a runtime one), which covers 1343/1 … 1500/12. The 1501/1 row only marks where
    1500/12 ends: it is hijridate's start of 1500/12 plus its length of that month. As
    published in its early decades the calendar has eight months of 28 or 31 days
    (UMM_AL_QURA_IRREGULAR below); hijridate keeps them and so does the table.

``hijri_iran_estimated.tsv``  (year, month, start), 1200/1 … 1700/1
    A computed estimate of Iran's months, for dates outside the observed table. Computed here,
    at generation time, with pyswisseph (AGPL-3.0, the Swiss Ephemeris; a dev-only dependency
    used by this script alone, never imported by persnews) on its built-in Moshier ephemeris
    (FLG_MOSEPH, no ephemeris files; Delta T from the Swiss Ephemeris's own model, extrapolated
    into the future):

    * a month of 29 or 30 days: on the evening of the 29th (sunset in Tehran, 35.69 N 51.39 E,
      1190 m; civil dates in Iran Standard Time, UTC+3:30) the next month begins the day after
      if the crescent is deemed visible, else the month has 30 days. The first month is the
      day after the first evening of visibility after its new moon, so the table is one chain;
    * deemed visible: conjunction before sunset, moonset after sunset, and Odeh's
      V >= V_min at the best time (sunset + 4/9 of the moonset lag), where
      V = ARCV - (-0.1018 W^3 + 0.7319 W^2 - 6.3226 W + 7.1651), ARCV the topocentric airless
      Moon-Sun altitude difference (degrees) and W the topocentric crescent width (arcminutes)
      [M. Sh. Odeh, "New criterion for lunar crescent visibility", Experimental Astronomy 18
      (2004) 39-64; his zone B, 2 <= V < 5.65, is "visible by optical aid, could be seen by
      the naked eye", zone C, -0.96 <= V < 2, "visible by optical aid only"];
    * two thresholds, because Iran's practice changed over the 180 years of the table (since
      about 1400 AH its months start earlier than before): V_min = 2.55 (EARLY) for the months
      before 1400/1, tuned on the table's earliest decades, 1265/1 … 1320/12 (1848-1903, 672
      months), and V_min = 0.75 (LATE) for 1400/1 on, tuned on its latest, 1400/1 … 1447/9
      (1979-2026, 573 months). The package uses the estimate only outside the table, so dates
      before 1265/1 get the early threshold and dates after 1447/9 the late one. The table's own
      months in the file (early threshold to 1399/12, late from 1400/1; the file is one unbroken
      chain, and from 1400/1 on it is exactly the late threshold's chain) serve only for the
      agreement figures;
    * the tuning rule (``--tune`` prints the scans): every V_min from -1 to 4 by 0.05 gets the
      share of the window's months it starts on the observed day, averaged over V_min ± 0.5;
      the highest wins (of a tie, the middle one). The raw share is a step function, ragged
      from a handful of borderline months (on 1400-1447 AH it is within 1 point of its best,
      89.4%, from 0.4 to 1.15), so its plain maximum would hang on those months; the average
      picks the middle of the broad optimum instead, and ± 0.5 is about that optimum's width;
    * the windows: decade by decade the best V_min lies between 1.25 and 3.25 up to 1394 AH
      (but for one decade), and between 0 and 1.1 in five of the six decades since 1395 AH.
      The late window begins with 1400 AH, late enough to leave the change behind it and long
      enough (nearly 50 years) that a few borderline months do not decide; the early one is the
      first 56 years, of a similar length, well before the change;
    * checks: the windows moved 10 years either way pick 2.55 (1265-1310) and 2.5 (1265-1330),
      0.75 (1390-1447) and 0.6 (1410-1447); 0.6 and 0.85 give different starts to 56 of the
      3027 months after the table. Held out, the last five years: tuned on 1400/1 … 1442/12
      the rule picks 0.85, which starts 91.2% of 1443/1 … 1447/9 (57 months, 2021-2026) on
      the observed day, against 84.2% for V_min 2.0 (the single threshold this file used
      before) and 86.0% for 1.7 (what the rule picks on the whole table). The first five
      years, tuned on 1270/1 … 1320/12: 2.55, which gets 76.7% of 1265/1 … 1269/12 (60
      months; 75.0% for 2.0, 71.7% for 1.7; no threshold reaches 79% there);
    * the results, against the table (all within one day): 92.0% of the early window on the
      same day (2.0: 91.1%), 88.7% of the late one (2.0: 85.7%; now 44 months a day late and
      21 a day early, against 78 and 4), 89.7% of the months between them, on the early
      threshold (2.0: 90.7%), and 90.1% of the whole table 1265/1 … 1447/9 (2.0: 89.5%). For
      comparison, the tabular Islamic calendar (civil epoch, either common leap-year pattern)
      starts 62-64% of those months on the same day, and Umm al-Qura 23% of 1343/1 … 1447/9
      (35% of 1424-1442 AH, i.e. 2003-2021, where the estimate gets 87.7%). The script prints
      these figures, and stops if the tuning rule no longer picks EARLY's and LATE's thresholds.
      (As a single threshold for the whole table, Yallop's q-test [B. D. Yallop, "A method for
      predicting the first sighting of the new crescent moon", NAO Technical Note 69 (1997)]
      did as well as Odeh's V at its own zone C edge, q > -0.16, in a scan made when this
      script was first written.)

Usage (from the project root, with the dev extras installed)::

    python scripts/make_hijri_tables.py [SHARED_CALENDAR_DIR] [--out DIR] [--tune]

SHARED_CALENDAR_DIR defaults to ../shared/data/calendar beside the project; --out defaults to
persnews/data; --tune also prints how each threshold of V matches the observed table, by
period and by decade.
"""

from __future__ import annotations

import argparse
import collections
import datetime as dt
import functools
import itertools
import math
import sys
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from fractions import Fraction
from pathlib import Path
from typing import Any, NamedTuple

import regex

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_SHARED = ROOT.parent / "shared" / "data" / "calendar"
DEFAULT_OUT = ROOT / "persnews" / "data"
SCRIPT = "scripts/make_hijri_tables.py"

Month = tuple[int, int]

OBSERVED_FIRST, OBSERVED_LAST = (1265, 1), (1447, 10)
UMM_AL_QURA_FIRST, UMM_AL_QURA_LAST = (1343, 1), (1500, 12)
#: months of 28 or 31 days in hijridate's Umm al-Qura data (the calendar as it was published
#: in the early decades; hijridate checks it against the Umm al-Qura newspaper's mastheads)
UMM_AL_QURA_IRREGULAR = {
    (1343, 9): 28,
    (1345, 5): 31,
    (1345, 8): 28,
    (1348, 11): 31,
    (1348, 12): 28,
    (1349, 10): 28,
    (1349, 11): 31,
    (1364, 8): 28,
}
ESTIMATE_FIRST, ESTIMATE_LAST = (1200, 1), (1700, 1)

#: Tehran: longitude (E), latitude (N), altitude (m); Iran Standard Time in hours east of UTC
TEHRAN = (51.39, 35.69, 1190.0)
IRST_HOURS = 3.5
MOON_RADIUS_KM = 1737.4
AU_KM = 149_597_870.7


class Tuning(NamedTuple):
    """A threshold of Odeh's V for one side of the observed table, and how it was tuned."""

    #: the months of the estimate it is meant for
    use: str
    #: the observed months it is tuned on (first, last)
    window: tuple[Month, Month]
    #: the threshold the tuning rule picks on ``window`` (every run checks it still does)
    v_min: float
    #: ``window`` moved 10 years either way, to show the pick is stable
    moved: tuple[tuple[Month, Month], ...]
    #: hold-out: ``window`` less its years nearest to the estimated months (tuned on) ...
    train: tuple[Month, Month]
    #: ... and those years (tested on)
    test: tuple[Month, Month]


#: Odeh's V at or above which the crescent counts as seen: one threshold for the months before
#: the observed table, tuned on its earliest decades, one for the months after it, tuned on its
#: latest (see the docstring)
EARLY = Tuning(
    use="months before the table",
    window=((1265, 1), (1320, 12)),
    v_min=2.55,
    moved=(((1265, 1), (1310, 12)), ((1265, 1), (1330, 12))),
    train=((1270, 1), (1320, 12)),
    test=((1265, 1), (1269, 12)),
)
LATE = Tuning(
    use="months after the table",
    window=((1400, 1), (1447, 9)),
    v_min=0.75,
    moved=(((1390, 1), (1447, 9)), ((1410, 1), (1447, 9))),
    train=((1400, 1), (1442, 12)),
    test=((1443, 1), (1447, 9)),
)
#: the estimate decides the length of months before this one with EARLY.v_min, from it on
#: with LATE.v_min
SWITCH = LATE.window[0]
#: the observed months an estimate is compared with (1447/10 only marks where 1447/9 ends)
COMPARED = (OBSERVED_FIRST, (1447, 9))
#: the observed months between the two tuning windows (estimated with EARLY.v_min)
BETWEEN = ((1321, 1), (1399, 12))
#: the thresholds scanned: -1.0 … 4.0 by 0.05
V_GRID = tuple(step / 20 for step in range(-20, 81))
#: the tuning rule scores a threshold by its same-day share averaged over V_min ± 0.5
V_SMOOTHING_STEPS = 10
#: the constant-threshold estimates of the scan begin here, a few years before the table
SCAN_FIRST = (1260, 1)

#: the civil ("Kuwaiti") tabular Islamic calendar: 1/1/1 AH is 622-07-16 Julian (JDN 1948440)
TABULAR_EPOCH = dt.date(622, 7, 19)
TABULAR_LEAP_YEARS = {
    "tabular 16": frozenset({2, 5, 7, 10, 13, 16, 18, 21, 24, 26, 29}),
    "tabular 15": frozenset({2, 5, 7, 10, 13, 15, 18, 21, 24, 26, 29}),
}

QAMARI_LINE = regex.compile(
    r"^(?P<star>\*?)(?P<year>\d{4})/(?P<month>\d{1,2})\s+(?P<start>\d{4}-\d\d-\d\d)"
    r"\s*(?:#\s*(?P<sources>.*))?$"
)
CONVERSION_LINE = regex.compile(r"^\s*\d+(?:\s*,\s*\d+){8}\s*,?\s*$")


# --- months and checks -------------------------------------------------------------------


def next_month(month: Month) -> Month:
    year, number = month
    return (year, number + 1) if number < 12 else (year + 1, 1)


def month_range(first: Month, last: Month) -> Iterator[Month]:
    """Every month from ``first`` to ``last``, both included."""
    month = first
    while month <= last:
        yield month
        month = next_month(month)


def check_chain(
    name: str, starts: Mapping[Month, dt.date], irregular: Mapping[Month, int] | None = None
) -> None:
    """Stop unless the months are consecutive and each is 29 or 30 days long.

    ``irregular`` lists the months known to be otherwise, with their lengths.
    """
    irregular = irregular or {}
    for (month, start), (following, end) in itertools.pairwise(starts.items()):
        if following != next_month(month):
            raise SystemExit(f"{name}: {following} does not follow {month}")
        length = (end - start).days
        if length != irregular.get(month, length) or (
            month not in irregular and length not in (29, 30)
        ):
            raise SystemExit(f"{name}: {month[0]}/{month[1]} has {length} days")


def write_table(
    path: Path, comments: Sequence[str], header: Sequence[str], rows: Iterable[Sequence[object]]
) -> None:
    lines = [f"# {comment}" for comment in comments]
    lines.append("\t".join(header))
    lines += ["\t".join(str(cell) for cell in row) for row in rows]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"wrote {path} ({len(lines) - len(comments) - 1} rows)")


# --- Iran, observed --------------------------------------------------------------------


class Observed(NamedTuple):
    start: dt.date
    observed: bool


def read_iran(path: Path) -> dict[Month, Observed]:
    """Parse iran_qamari_months.txt: ``[*]YYYY/M YYYY-MM-DD # sources``."""
    table: dict[Month, Observed] = {}
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        match = QAMARI_LINE.match(line.strip())
        if match is None:
            raise SystemExit(f"{path}:{number}: cannot read {line!r}")
        month = (int(match["year"]), int(match["month"]))
        if month in table or not 1 <= month[1] <= 12:
            raise SystemExit(f"{path}:{number}: month {month} repeated or out of range")
        table[month] = Observed(dt.date.fromisoformat(match["start"]), bool(match["star"]))
    if list(table) != list(month_range(OBSERVED_FIRST, OBSERVED_LAST)):
        raise SystemExit(f"{path}: expected the months {OBSERVED_FIRST} … {OBSERVED_LAST} in order")
    return table


def check_conversions(path: Path, starts: Mapping[Month, dt.date]) -> int:
    """Check every (Hijri, Gregorian) pair of the converter file; return how many there were."""
    count = 0
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        if not CONVERSION_LINE.match(line):
            raise SystemExit(f"{path}:{number}: cannot read {line!r}")
        values = [int(cell) for cell in regex.findall(r"\d+", line)]
        hijri_day, hijri_month, hijri_year = values[3:6]
        gregorian = dt.date(values[8], values[7], values[6])
        month = (hijri_year, hijri_month)
        following = next_month(month)
        if month not in starts or following not in starts:
            raise SystemExit(f"{path}:{number}: {hijri_year}/{hijri_month} is not in the table")
        day = starts[month] + dt.timedelta(days=hijri_day - 1)
        if day != gregorian or day >= starts[following]:
            raise SystemExit(
                f"{path}:{number}: {hijri_year}/{hijri_month}/{hijri_day} is {gregorian} there, "
                f"{day} in the table"
            )
        count += 1
    return count


def make_iran(shared: Path, out: Path) -> dict[Month, dt.date]:
    table = read_iran(shared / "iran_qamari_months.txt")
    starts = {month: row.start for month, row in table.items()}
    check_chain("iran_qamari_months.txt", starts)
    pairs = check_conversions(shared / "calendar_center_conversions.txt", starts)
    print(f"iran_qamari_months.txt agrees with all {pairs} pairs of the converter file")
    write_table(
        out / "hijri_iran.tsv",
        [
            f"Generated by {SCRIPT} from iran_qamari_months.txt (roozbehp/qamari, CC0 1.0);"
            " do not edit by hand.",
            "Iran's Hijri-lunar months: start = the 1st in ISO Gregorian; observed = 1 where the"
            " start seen on the ground differed from the published calendar (start is then the"
            " observed day).",
            f"The last row ({OBSERVED_LAST[0]}/{OBSERVED_LAST[1]}) only marks where the month"
            " before it ends; its own length is unknown.",
        ],
        ["year", "month", "start", "observed"],
        ([y, m, row.start.isoformat(), int(row.observed)] for (y, m), row in table.items()),
    )
    return starts


# --- Umm al-Qura -----------------------------------------------------------------------


def make_umm_al_qura(out: Path) -> dict[Month, dt.date]:
    from hijridate import Hijri  # dev-only dependency: imported when this runs

    starts = {
        month: dt.date.fromordinal(Hijri(*month, 1).to_gregorian().toordinal())
        for month in month_range(UMM_AL_QURA_FIRST, UMM_AL_QURA_LAST)
    }
    last = Hijri(*UMM_AL_QURA_LAST, 1)
    starts[next_month(UMM_AL_QURA_LAST)] = starts[UMM_AL_QURA_LAST] + dt.timedelta(
        days=last.month_length()
    )
    check_chain("hijridate", starts, UMM_AL_QURA_IRREGULAR)
    irregular = ", ".join(
        f"{y}/{m} ({length} days)" for (y, m), length in UMM_AL_QURA_IRREGULAR.items()
    )
    end = next_month(UMM_AL_QURA_LAST)
    write_table(
        out / "hijri_umm_al_qura.tsv",
        [
            f"Generated by {SCRIPT} from the hijridate package (MIT); do not edit by hand.",
            "The Saudi Umm al-Qura calendar: start = the 1st of each month in ISO Gregorian.",
            f"As published, not every month has 29 or 30 days: {irregular}.",
            f"The last row ({end[0]}/{end[1]}) only marks where {UMM_AL_QURA_LAST[0]}/"
            f"{UMM_AL_QURA_LAST[1]} ends (hijridate's month length); hijridate stops there.",
        ],
        ["year", "month", "start"],
        ([y, m, start.isoformat()] for (y, m), start in starts.items()),
    )
    return starts


# --- tabular ---------------------------------------------------------------------------


def tabular_start(month: Month, leap_years: frozenset[int]) -> dt.date:
    """The 1st of a month of the tabular Islamic calendar (civil epoch, 30-year cycle)."""
    year, number = month
    cycles, rest = divmod(year - 1, 30)
    days = (year - 1) * 354 + cycles * len(leap_years) + sum(1 for y in leap_years if y <= rest)
    days += sum(30 if index % 2 == 0 else 29 for index in range(number - 1))
    return TABULAR_EPOCH + dt.timedelta(days=days)


# --- the astronomical estimate ---------------------------------------------------------


class Evening(NamedTuple):
    """The young Moon at sunset in Tehran on one civil date."""

    #: hours from the conjunction nearest to sunset (negative: before it)
    age: float
    #: minutes from sunset to moonset (negative: the Moon set first)
    lag: float
    #: Odeh's V at the best time (sunset + 4/9 lag)
    v: float


class Sky:
    """Sunset, moonset, conjunctions and Odeh's V with pyswisseph's Moshier ephemeris."""

    def __init__(self) -> None:
        import swisseph  # dev-only dependency: imported when this runs

        self.swe: Any = swisseph
        self.flags = swisseph.FLG_MOSEPH
        swisseph.set_topo(*TEHRAN)
        self.evening = functools.cache(self._evening)

    def midnight(self, day: dt.date) -> float:
        """Julian day (UT) of local midnight at the start of ``day`` in Iran Standard Time."""
        return float(self.swe.julday(day.year, day.month, day.day, 0.0)) - IRST_HOURS / 24

    def _set(self, body: int, after: float) -> float:
        _, times = self.swe.rise_trans(after, body, self.swe.CALC_SET, TEHRAN, 0.0, 0.0, self.flags)
        return float(times[0])

    def conjunction(self, near: float) -> float:
        """Julian day (UT) of the new moon nearest to ``near`` (Newton on the elongation)."""
        swe, flags = self.swe, self.flags | self.swe.FLG_SPEED
        when = near
        for _ in range(30):
            moon, _ = swe.calc_ut(when, swe.MOON, flags)
            sun, _ = swe.calc_ut(when, swe.SUN, flags)
            step = ((moon[0] - sun[0] + 180.0) % 360.0 - 180.0) / (moon[3] - sun[3])
            when -= step
            if abs(step) < 1e-7:
                return when
        raise SystemExit(f"no conjunction found near JD {near}")

    def _altitude_azimuth(self, when: float, body: int) -> tuple[float, float, float]:
        """Topocentric airless altitude, azimuth (degrees) and distance (km) of a body."""
        swe = self.swe
        flags = self.flags | swe.FLG_EQUATORIAL | swe.FLG_TOPOCTR
        position, _ = swe.calc_ut(when, body, flags)
        azimuth, altitude, _ = swe.azalt(when, swe.EQU2HOR, TEHRAN, 0.0, 10.0, position[:3])
        return float(altitude), float(azimuth), float(position[2]) * AU_KM

    def _evening(self, day: dt.date) -> Evening:
        swe = self.swe
        sunset = self._set(swe.SUN, self.midnight(day))
        moonset = self._set(swe.MOON, sunset - 0.5)
        lag = (moonset - sunset) * 1440.0
        age = (sunset - self.conjunction(sunset)) * 24.0
        best = sunset + max(lag, 0.0) * 4 / 9 / 1440.0
        sun_altitude, sun_azimuth, _ = self._altitude_azimuth(best, swe.SUN)
        moon_altitude, moon_azimuth, moon_km = self._altitude_azimuth(best, swe.MOON)
        arcv = moon_altitude - sun_altitude
        arcl = angle_between(sun_altitude, sun_azimuth, moon_altitude, moon_azimuth)
        semidiameter = math.degrees(math.asin(MOON_RADIUS_KM / moon_km)) * 60.0
        width = semidiameter * (1.0 - math.cos(math.radians(arcl)))
        v = arcv - (-0.1018 * width**3 + 0.7319 * width**2 - 6.3226 * width + 7.1651)
        return Evening(age=age, lag=lag, v=v)


def angle_between(alt1: float, az1: float, alt2: float, az2: float) -> float:
    """Angular distance (degrees) between two directions given as altitude and azimuth."""
    a1, z1, a2, z2 = map(math.radians, (alt1, az1, alt2, az2))
    cosine = math.sin(a1) * math.sin(a2) + math.cos(a1) * math.cos(a2) * math.cos(z1 - z2)
    return math.degrees(math.acos(max(-1.0, min(1.0, cosine))))


def seen(evening: Evening, v_min: float) -> bool:
    """Whether the crescent counts as seen that evening with the threshold ``v_min``."""
    return evening.age > 0 and evening.lag > 0 and evening.v >= v_min


def constant(v_min: float) -> Callable[[Month], float]:
    """The same threshold for every month."""
    return lambda _month: v_min


def threshold(month: Month) -> float:
    """The threshold of the estimate file: EARLY's before SWITCH, LATE's from it on."""
    return EARLY.v_min if month < SWITCH else LATE.v_min


def estimate(
    sky: Sky, v_min: Callable[[Month], float], first: Month, last: Month
) -> dict[Month, dt.date]:
    """Month starts from ``first`` to ``last``, one 29- or 30-day month after another.

    The length of each month is decided with the threshold ``v_min(month)``.
    """
    day = tabular_start(first, TABULAR_LEAP_YEARS["tabular 16"]) - dt.timedelta(days=3)
    while not seen(sky.evening(day), v_min(first)):
        day += dt.timedelta(days=1)
    start = day + dt.timedelta(days=1)
    starts: dict[Month, dt.date] = {}
    for month in month_range(first, last):
        starts[month] = start
        visible = seen(sky.evening(start + dt.timedelta(days=28)), v_min(month))
        start += dt.timedelta(days=29 if visible else 30)
    return starts


def check_estimate(sky: Sky, starts: Mapping[Month, dt.date]) -> None:
    """Stop unless each month begins (at midnight) within 3.5 days after its new moon."""
    for month, start in starts.items():
        midnight = sky.midnight(start)
        days = midnight - sky.conjunction(midnight - 1.5)
        if not 0 < days <= 3.5:
            raise SystemExit(f"estimate: {month} begins {days:.1f} days after the new moon")


class Agreement(NamedTuple):
    months: int
    same: float
    within_one: float
    largest: int
    differences: dict[int, int]

    def __str__(self) -> str:
        spread = ", ".join(f"{d:+d}: {n}" for d, n in sorted(self.differences.items()))
        return (
            f"{self.months:5d} months  same day {self.same:6.1%}  within ±1 day "
            f"{self.within_one:6.1%}  max {self.largest} day(s)  ({spread})"
        )


def agreement(
    predicted: Callable[[Month], dt.date],
    truth: Mapping[Month, dt.date],
    first: Month,
    last: Month,
) -> Agreement:
    """How a calendar's month starts compare with ``truth`` (predicted minus true, in days)."""
    differences = [(predicted(m) - truth[m]).days for m in month_range(first, last)]
    counts = collections.Counter(differences)
    n = len(differences)
    return Agreement(
        months=n,
        same=counts[0] / n,
        within_one=(counts[-1] + counts[0] + counts[1]) / n,
        largest=max(abs(d) for d in differences),
        differences=dict(counts),
    )


def span(period: tuple[Month, Month]) -> str:
    (y1, m1), (y2, m2) = period
    return f"{y1}/{m1}-{y2}/{m2}"


def smoothed(same_days: Sequence[int]) -> list[Fraction]:
    """The tuning rule's score of each threshold of V_GRID, from each one's same-day count:
    the mean count over the grid points within V_SMOOTHING_STEPS of it (V_min ± 0.5)."""
    reach = V_SMOOTHING_STEPS
    return [
        Fraction(sum(near), len(near))
        for near in (same_days[max(0, i - reach) : i + reach + 1] for i in range(len(V_GRID)))
    ]


def pick_threshold(same_days: Sequence[int]) -> float:
    """The threshold of V_GRID the tuning rule picks: the best score, the middle one of a tie."""
    scores = smoothed(same_days)
    tied = [v for v, score in zip(V_GRID, scores, strict=True) if score == max(scores)]
    return tied[(len(tied) - 1) // 2]


class Scan:
    """Estimates with one threshold for all months, for every V_min of V_GRID, vs the table."""

    def __init__(self, sky: Sky, observed: Mapping[Month, dt.date]) -> None:
        self.observed = observed
        self.trials = {v: estimate(sky, constant(v), SCAN_FIRST, OBSERVED_LAST) for v in V_GRID}

    def agreement(self, v_min: float, period: tuple[Month, Month]) -> Agreement:
        return agreement(self.trials[v_min].__getitem__, self.observed, *period)

    def same_days(self, period: tuple[Month, Month]) -> list[int]:
        months = list(month_range(*period))
        return [sum(trial[m] == self.observed[m] for m in months) for trial in self.trials.values()]

    def pick(self, period: tuple[Month, Month]) -> float:
        return pick_threshold(self.same_days(period))

    def smoothed(self, period: tuple[Month, Month]) -> dict[float, float]:
        """Each threshold's same-day share averaged over V_min ± 0.5, as the rule scores it."""
        months = len(list(month_range(*period)))
        scores = smoothed(self.same_days(period))
        return {v: float(score) / months for v, score in zip(V_GRID, scores, strict=True)}


def print_scan(scan: Scan) -> None:
    """The --tune tables: the scan of V_min by period, and the best V_min decade by decade."""
    periods = [COMPARED, EARLY.window, BETWEEN, LATE.window, LATE.test]
    smoothed = {EARLY.window: scan.smoothed(EARLY.window), LATE.window: scan.smoothed(LATE.window)}
    print("\nOdeh's V threshold vs the observed table (same-day share / largest difference;")
    print("in brackets the share averaged over V_min ± 0.5, which the tuning rule maximizes):")
    print("   V_min  " + "".join(f"{span(p):>26s}" for p in periods))
    picks = {EARLY.v_min, LATE.v_min, scan.pick(COMPARED)}
    for step, v in enumerate(V_GRID):
        if step % 5 and v not in picks:  # every 0.25, and the picks
            continue
        cells = []
        for period in periods:
            score = scan.agreement(v, period)
            extra = f" ({smoothed[period][v]:5.1%})" if period in smoothed else ""
            cells.append(f"{score.same:6.1%}{extra} / {score.largest}")
        mark = " <" if v in (EARLY.v_min, LATE.v_min) else ""
        print(f"  {v:6.2f}  " + "".join(f"{cell:>26s}" for cell in cells) + mark)
    print("\nDecade by decade (the raw best thresholds; the rule's pick):")
    for year in range(OBSERVED_FIRST[0], COMPARED[1][0] + 1, 10):
        decade = ((year, 1), min((year + 9, 12), COMPARED[1]))
        counts = scan.same_days(decade)
        best = [v for v, count in zip(V_GRID, counts, strict=True) if count == max(counts)]
        share = max(counts) / len(list(month_range(*decade)))
        print(
            f"  {span(decade):15s} best {share:6.1%} at {best[0]:5.2f} … {best[-1]:5.2f};"
            f" rule {scan.pick(decade):5.2f}; V_min 2.0 {scan.agreement(2.0, decade).same:6.1%}"
        )
    print()


def report_tuning(scan: Scan) -> None:
    """Print each threshold with its tuning window, its stability and its hold-out test.

    Stop if the rule no longer picks the thresholds written in EARLY and LATE.
    """
    single = scan.pick(COMPARED)
    print(
        "Thresholds of Odeh's V (the tuning rule: on a grid of 0.05, the highest same-day share"
        " averaged over V_min ± 0.5):"
    )
    print(f"  one threshold for the whole table {span(COMPARED)}: {single}")
    print(f"    {span(COMPARED):15s} {scan.agreement(single, COMPARED)}")
    for tuning in (EARLY, LATE):
        picked = scan.pick(tuning.window)
        if picked != tuning.v_min:
            raise SystemExit(
                f"the tuning rule picks V_min = {picked} on {span(tuning.window)}, not"
                f" {tuning.v_min}: update EARLY/LATE, the docstring and the tests"
            )
        print(f"  {tuning.use}: {tuning.v_min}, tuned on {span(tuning.window)}")
        print(f"    {span(tuning.window):15s} {scan.agreement(tuning.v_min, tuning.window)}")
        moved = ", ".join(f"{span(window)} {scan.pick(window)}" for window in tuning.moved)
        print(f"    window moved by 10 years: {moved}")
        trained = scan.pick(tuning.train)
        print(f"    hold-out: tuned on {span(tuning.train)} the rule picks {trained}; on the rest:")
        for v, why in ((trained, "tuned"), (single, "whole table"), (2.0, "Odeh's zone B edge")):
            score = scan.agreement(v, tuning.test)
            print(f"    {span(tuning.test):15s} {score}  (V_min {v}, {why})")


def make_estimate(
    out: Path, observed: Mapping[Month, dt.date], umm_al_qura: Mapping[Month, dt.date], tune: bool
) -> None:
    sky = Sky()
    scan = Scan(sky, observed)
    if tune:
        print_scan(scan)
    report_tuning(scan)
    starts = estimate(sky, threshold, ESTIMATE_FIRST, ESTIMATE_LAST)
    check_chain("estimate", starts)
    check_estimate(sky, starts)
    # past the table, the file must be the late threshold's own chain
    late = estimate(sky, constant(LATE.v_min), SWITCH, ESTIMATE_LAST)
    differ = [m for m in month_range(SWITCH, ESTIMATE_LAST) if starts[m] != late[m]]
    if differ and differ[-1] >= OBSERVED_LAST:
        raise SystemExit(f"estimate: {differ[-1]} differs from the late threshold's own chain")
    overall = agreement(starts.__getitem__, observed, *COMPARED)
    scores = {t: agreement(starts.__getitem__, observed, *t.window) for t in (EARLY, LATE)}

    def report(first: Month, last: Month, others: bool = True) -> None:
        print(f"  {first[0]}/{first[1]} … {last[0]}/{last[1]} vs the observed table:")
        candidates: dict[str, Callable[[Month], dt.date]] = {"estimate": starts.__getitem__}
        if others:
            for name, leaps in TABULAR_LEAP_YEARS.items():
                candidates[name] = functools.partial(tabular_start, leap_years=leaps)
            if first >= UMM_AL_QURA_FIRST:
                candidates["Umm al-Qura"] = umm_al_qura.__getitem__
        for name, predicted in candidates.items():
            print(f"    {name:12s} {agreement(predicted, observed, first, last)}")

    print(
        f"\nThe estimate (V_min {EARLY.v_min} before {SWITCH[0]}/{SWITCH[1]}, {LATE.v_min} from"
        f" it on; calendar minus observed, in days):"
    )
    report(*COMPARED)
    report(UMM_AL_QURA_FIRST, COMPARED[1])
    report((1424, 1), (1442, 12))
    report(*EARLY.window, others=False)
    report(*BETWEEN, others=False)
    report(*LATE.window, others=False)
    write_table(
        out / "hijri_iran_estimated.tsv",
        [
            f"Generated by {SCRIPT} with pyswisseph (Moshier ephemeris); do not edit by hand.",
            "A computed ESTIMATE of Iran's Hijri-lunar month starts: a month has 29 days if the"
            " crescent counts as seen at sunset in Tehran on its 29th (Odeh 2004, V >= V_min),"
            f" else 30. V_min = {EARLY.v_min} for months before {SWITCH[0]}/{SWITCH[1]} (tuned on"
            f" hijri_iran.tsv {span(EARLY.window)}; for dates before that table), {LATE.v_min}"
            f" from {SWITCH[0]}/{SWITCH[1]} on (tuned on {span(LATE.window)}; for dates after it).",
            f"Against hijri_iran.tsv: same day {scores[EARLY].same:.1%} of {span(EARLY.window)},"
            f" {scores[LATE].same:.1%} of {span(LATE.window)}; over {span(COMPARED)} same day"
            f" {overall.same:.1%}, within one day {overall.within_one:.1%}, at most"
            f" {overall.largest} day{'' if overall.largest == 1 else 's'} apart.",
            f"The last row ({ESTIMATE_LAST[0]}/{ESTIMATE_LAST[1]}) only marks where the month"
            " before it ends.",
        ],
        ["year", "month", "start"],
        ([y, m, start.isoformat()] for (y, m), start in starts.items()),
    )
    but = f", but for {', '.join(f'{y}/{m}' for y, m in differ)}" if differ else ""
    print(f"  from {SWITCH[0]}/{SWITCH[1]} on it is V_min {LATE.v_min}'s own chain{but}")


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog=Path(argv[0]).name, description=__doc__.split("\n")[0])
    parser.add_argument("shared", nargs="?", type=Path, default=DEFAULT_SHARED)
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    parser.add_argument("--tune", action="store_true", help="also print the scans of Odeh's V")
    args = parser.parse_args(argv[1:])
    observed = make_iran(args.shared, args.out)
    umm_al_qura = make_umm_al_qura(args.out)
    make_estimate(args.out, observed, umm_al_qura, args.tune)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
