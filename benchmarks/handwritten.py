"""Kon Plông's seven criteria evaluated by hand-written Python: the honest floor, in two forms.

Pure standard library; does NOT import emulation_rules. Both take the same records (any object
with ``.unit``, ``.period``, ``.values`` and ``.row``; a value ``None`` is a blank cell) and
give ``(unit, window) -> verdicts`` ("met", "not_met" or "unknown" for each of CRITERIA, in
that order) for the windows phase_1 (2024-10..2025-01), phase_2 (2025-02..2025-08) and campaign
(all 11 months), i.e. for an issue date of 2024-10-15 and an as-of date after the campaign. A
month of a window with no row for the unit has every cell unknown. There is no units tree:
every unit is checked against every target with its own rows.

- :func:`evaluate_checked` does the work ``emulation_rules.evaluate`` does for this plan: it
  checks every row first, as the library does, and rejects a row with no unit, a period that
  is not one, a value of METRICS that is not a whole number of 0 or more (type exactly int:
  no bool, float or NaN), a part above its whole (the plan's five ratios), or a second row for
  a unit-month (the first stays); it reports each rejection with its row number, code and
  field, counts the good rows of months in no window per period, and evaluates the rest. The
  plan has no yes/no column and the bench gives no units tree, so it checks neither. It reads
  monthly rows only (a year or a span of months raises NotImplementedError).
- :func:`evaluate` is the rules only: it takes the values as they are (every record carries
  every metric, counts are never negative, part <= whole), skips the rows of other months, and
  lets a second row for a unit-month replace the first.

The plan (plans/kon_plong.yaml, extending plans/special_movement_2024.yaml) is hard-coded below,
as a hand-written program would have it. Verdicts are three-valued and decided by bounds over
what the unknown cells could be (a row always has 0 <= part <= whole): a total count compares
the known sum K with the threshold when nothing is unknown, and otherwise decides only what no
completion can change; a ratio finds which of met, not_met and its when_no_cases verdict some
completion reaches and gives the single one, or unknown; the per-month 4.7 target is a Kleene OR
per month and a Kleene AND over the window's months; a criterion is the Kleene AND of its targets.

What makes it fast:

1. One cheap step per record: a dict look-up of its period (month index, or skip), one of its
   unit, and one call of ``operator.itemgetter(*METRICS)`` that reads its 17 values into a
   tuple, stored in the unit's 11 month slots. No per-metric work per record.
2. One pass per unit over its 11 slots. A row with no blank goes into the sums as it is; a row
   with a blank is kept for the few targets it touches and enters the sums zero-filled (so the
   sums are always the known sums). Per-window sums are ``zip``/``sum`` over the row tuples
   (C loops); the campaign's are phase 1 + phase 2, added element-wise, not summed again.
3. Unknowns cost only where they are: a target none of whose cells is unknown in the window is
   one integer comparison on the sums; only a ratio with an unknown cell walks the window's
   rows that hold a blank (a missing month is counted, not walked).
4. Integer arithmetic only: each threshold is a reduced fraction p/q computed once at import,
   and a share n/d is tested as ``n * q >= p * d``. No Fraction and no float in the hot path.
5. Verdicts are small ints (not_met 0 < unknown 1 < met 2), so Kleene AND is ``min``; strings
   are looked up only when writing the result, one tuple per unit and window.

What keeps the checks cheap (:func:`evaluate_checked`), for a good row:

6. One Python loop over the row's 17 values, ``type(v) is not int`` then ``v < 0``, which also
   notes whether the row has a blank; then the five (part, whole) pairs, compared directly on
   a complete row and past the blanks on a row with one. On CPython 3.11 these specialised
   loops beat the C-speed idioms: ``set(map(type, row))`` and ``min(row)`` cost about 0.7 us a
   row here, the loop about 0.35 us, and ``any(map(operator.gt, parts(row), wholes(row)))``
   about 0.33 us against 0.13 us for the loop over the pairs (measured on this bench's rows).
7. Duplicates cost one test of the slot the row goes into (each unit's slot list has 11 row
   slots and, after them, the 11 row numbers, kept for the rejection naming the first row).
8. Only a rejected row builds its detail (``_row_issues``: which fields, which pair); a period
   that is not a campaign month is placed once (``lru_cache``), not parsed per row.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from fractions import Fraction
from functools import lru_cache
from operator import add, itemgetter
from typing import Any, NamedTuple, Protocol


class RecordLike(Protocol):
    """What the floor reads of a record (``emulation_rules.Record`` has it)."""

    @property
    def unit(self) -> str: ...

    @property
    def period(self) -> str: ...

    @property
    def values(self) -> Mapping[str, int | None]: ...

    @property
    def row(self) -> int: ...


Row = tuple[int | None, ...]
"""One unit-month's values, in the order of METRICS (None: a blank cell)."""
Sums = tuple[int, ...]
"""Known sums per metric over a window's months (a blank counts 0)."""
Verdicts = dict[tuple[str, str], tuple[str, ...]]
"""(unit, window) -> a verdict per criterion of CRITERIA."""

NOT_MET, UNKNOWN, MET = 0, 1, 2
VERDICT = ("not_met", "unknown", "met")
_SINGLE = {1 << NOT_MET: NOT_MET, 1 << UNKNOWN: UNKNOWN, 1 << MET: MET}
"""Bit set of reachable verdicts -> the verdict, when exactly one is reachable."""

# Windows for an issue date of 2024-10-15 (kon_plong.yaml II.2: phase 1 from issuance to
# 2025-02-03, phase 2 from 2025-02-04 to 2025-08-19). February 2025 is in phase 2: the template's
# straddling_month rule gives a month to the phase holding most of its days.
MONTHS = ("2024-10", "2024-11", "2024-12", "2025-01",
          "2025-02", "2025-03", "2025-04", "2025-05", "2025-06", "2025-07", "2025-08")
PHASE_1_MONTHS = 4
"""MONTHS[:4] are phase 1, MONTHS[4:] phase 2."""
MONTH_INDEX = {m: i for i, m in enumerate(MONTHS)}
N_MONTHS = len(MONTHS)
PHASE_MONTHS = {"phase_1": MONTHS[:PHASE_1_MONTHS], "phase_2": MONTHS[PHASE_1_MONTHS:],
                "campaign": MONTHS}
WINDOWS = ("phase_1", "phase_2", "campaign")
CRITERIA = ("situation_awareness", "movement_building", "fire_rescue",
            "administrative_management", "reintegration", "patrol_traffic", "good_image")

METRICS = (
    "tips_via_force", "tips_total",                                 # 4.1 ratio
    "incidents_force_present", "incidents_total",                   # 4.1 ratio
    "models_recognised",                                            # 4.2 count
    "rescue_callouts_present", "rescue_callouts",                   # 4.3 ratio
    "conditional_business_violations",                              # 4.4 count
    "household_records_provided", "household_records_total",        # 4.4 ratio
    "illegal_weapons_cases",                                        # 4.4 count
    "reoffences",                                                   # 4.5 count
    "force_members_patrolling", "force_members",                    # 4.6 ratio
    "serious_traffic_accidents",                                    # 4.6 count
    "good_deeds", "members_commended",                              # 4.7 per month
)
(TIPS_VIA, TIPS, INC_PRESENT, INC, MODELS, RESCUE_PRESENT, RESCUE, BUSINESS, HH_PROVIDED, HH,
 WEAPONS, REOFFENCES, PATROLLING, MEMBERS, ACCIDENTS, GOOD_DEEDS, COMMENDED) = range(17)
N_METRICS = len(METRICS)
ZEROS: Sums = (0,) * N_METRICS


def _fraction(threshold: str) -> tuple[int, int]:
    """The plan's decimal threshold as a reduced fraction (p, q); called once per target."""
    f = Fraction(threshold)
    return f.numerator, f.denominator


# The targets, from plans/special_movement_2024.yaml (kon_plong.yaml overrides none of their
# conditions). Every target is per: total except 4.7. Ratio targets: (numerator, denominator,
# p, q, strict (gt) or not (gte), when_no_cases verdict).
RatioSpec = tuple[int, int, int, int, bool, int]
# 4.1 tips_via_force: tips_via_force / tips_total gte 0.8, no cases -> unknown
TIPS_SPEC: RatioSpec = (TIPS_VIA, TIPS, *_fraction("0.8"), False, UNKNOWN)
# 4.1 incidents_attended: incidents_force_present / incidents_total gte 1, no cases -> met
INC_SPEC: RatioSpec = (INC_PRESENT, INC, *_fraction("1"), False, MET)
# 4.3 rescue_attended: rescue_callouts_present / rescue_callouts gte 1, no cases -> met
RESCUE_SPEC: RatioSpec = (RESCUE_PRESENT, RESCUE, *_fraction("1"), False, MET)
# 4.4 household_records: household_records_provided / household_records_total gt 0.9,
# no cases -> unknown
HH_SPEC: RatioSpec = (HH_PROVIDED, HH, *_fraction("0.9"), True, UNKNOWN)
# 4.6 all_members_patrol: force_members_patrolling / force_members gte 1, no cases -> unknown
PATROL_SPEC: RatioSpec = (PATROLLING, MEMBERS, *_fraction("1"), False, UNKNOWN)
# Count targets, written inline in _window: 4.2 model_recognised: models_recognised gte 1;
# 4.4 no_business_violations: conditional_business_violations eq 0; 4.4 no_illegal_weapons:
# illegal_weapons_cases eq 0; 4.5 no_reoffending: reoffences eq 0; 4.6 no_serious_accidents:
# serious_traffic_accidents eq 0. 4.7 monthly_good_deed (per: month): any_of good_deeds gte 1,
# members_commended gte 1, written inline in _phase.


def _ratio(spec: RatioSpec, s: Sums, u: Sums, blanks: list[Row], missing: int) -> int:
    """A ratio target's verdict over one window: s known sums, u unknown cells per metric.

    Every cell known: ``when_no_cases`` if the denominator is 0, else n/d against p/q. Otherwise
    the verdicts reachable by some completion of the unknown cells (pairs: A numerator unknown,
    B denominator unknown, C both; a missing month is a C pair), and the single one, or unknown.
    """
    n, d, p, q, strict, when_no_cases = spec
    kn, dfix = s[n], s[d]
    if not (u[n] or u[d]):
        if dfix == 0:
            return when_no_cases
        if strict:
            return MET if kn * q > p * dfix else NOT_MET
        return MET if kn * q >= p * dfix else NOT_MET
    nmax, dmin, nb, nc = kn, dfix, 0, missing
    for row in blanks:
        num, den = row[n], row[d]
        if num is None:
            if den is None:
                nc += 1
            else:
                nmax += den  # A: num in [0, den]
        elif den is None:
            dmin += num  # B: den in [num, inf)
            nb += 1
    reachable = 1 << when_no_cases if dmin == 0 else 0
    # sup of the share over completions with a positive denominator: a / b, attained or not
    if nc:
        a, b, attained = 1, 1, nmax == dmin  # a C pair with num = den -> inf: share -> 1
    elif dmin:
        a, b, attained = nmax, dmin, True
    elif nb:
        a, b, attained = 0, 1, True
    else:
        b = 0  # no completion has a positive denominator
    if b:
        x, y = a * q, p * b
        if x > y or (x == y and attained and not strict):
            reachable |= 1 << MET
    # inf
    if nb or nc:
        a, b, attained = 0, 1, kn == 0  # den -> inf
    else:
        a, b, attained = kn, dfix, True  # dfix == 0: no completion with a positive one
    if b:
        x, y = a * q, p * b
        if x < y or (x == y and attained and strict):
            reachable |= 1 << NOT_MET
    return _SINGLE.get(reachable, UNKNOWN)


def _window(s: Sums, u: Sums, blanks: list[Row], missing: int, good: int) -> tuple[int, ...]:
    """The seven criteria's verdicts for one window.

    ``s``: known sums per metric; ``u``: unknown cells per metric (blank or missing month);
    ``blanks``: the window's rows holding a blank; ``missing``: its months without a row;
    ``good``: the 4.7 verdict already folded over its months.
    """
    # count targets: gte 1 is met once K >= 1 whatever is unknown; eq 0 is not_met once K > 0
    models = MET if s[MODELS] >= 1 else UNKNOWN if u[MODELS] else NOT_MET
    business = NOT_MET if s[BUSINESS] > 0 else UNKNOWN if u[BUSINESS] else MET
    weapons = NOT_MET if s[WEAPONS] > 0 else UNKNOWN if u[WEAPONS] else MET
    reoffending = NOT_MET if s[REOFFENCES] > 0 else UNKNOWN if u[REOFFENCES] else MET
    accidents = NOT_MET if s[ACCIDENTS] > 0 else UNKNOWN if u[ACCIDENTS] else MET
    return (
        min(_ratio(TIPS_SPEC, s, u, blanks, missing), _ratio(INC_SPEC, s, u, blanks, missing)),
        models,
        _ratio(RESCUE_SPEC, s, u, blanks, missing),
        min(business, _ratio(HH_SPEC, s, u, blanks, missing), weapons),
        reoffending,
        min(_ratio(PATROL_SPEC, s, u, blanks, missing), accidents),
        good,
    )


def _phase(rows: list[Row | None]) -> tuple[Sums, Sums, list[Row], int, int]:
    """One pass over a phase's month slots: (known sums, unknown counts, rows with a blank,
    missing months, 4.7 verdict)."""
    known: list[Row] = []
    blanks: list[Row] = []
    missing = 0
    good = MET
    for row in rows:
        if row is None:
            missing += 1
            if good == MET:
                good = UNKNOWN
        elif None in row:
            blanks.append(row)
            known.append(tuple([0 if v is None else v for v in row]))
            deeds, commended = row[GOOD_DEEDS], row[COMMENDED]
            if (deeds is None or deeds < 1) and (commended is None or commended < 1):
                good = min(good, UNKNOWN if deeds is None or commended is None else NOT_MET)
        else:
            known.append(row)
            if row[GOOD_DEEDS] < 1 and row[COMMENDED] < 1:  # type: ignore[operator]  # no None
                good = NOT_MET
    s: Sums = tuple(map(sum, zip(*known, strict=False))) if known else ZEROS
    if not blanks:
        u = (missing,) * N_METRICS if missing else ZEROS
    else:
        counts = [missing] * N_METRICS
        for row in blanks:
            for i, v in enumerate(row):
                if v is None:
                    counts[i] += 1
        u = tuple(counts)
    return s, u, blanks, missing, good


def _verdicts(units: Mapping[str, list[Any]]) -> Verdicts:
    """(unit, window) -> CRITERIA's verdicts, from each unit's month slots (its first 11 items;
    the checking floor keeps the row numbers after them)."""
    name = VERDICT.__getitem__
    out: Verdicts = {}
    for unit, rows in units.items():
        s1, u1, b1, m1, g1 = _phase(rows[:PHASE_1_MONTHS])
        s2, u2, b2, m2, g2 = _phase(rows[PHASE_1_MONTHS:N_MONTHS])
        s3 = tuple(map(add, s1, s2))
        u3 = u1 if u2 is ZEROS else u2 if u1 is ZEROS else tuple(map(add, u1, u2))
        out[(unit, "phase_1")] = tuple(map(name, _window(s1, u1, b1, m1, g1)))
        out[(unit, "phase_2")] = tuple(map(name, _window(s2, u2, b2, m2, g2)))
        out[(unit, "campaign")] = tuple(map(name, _window(s3, u3, b1 + b2, m1 + m2,
                                                          min(g1, g2))))
    return out


def evaluate(records: Iterable[RecordLike]) -> Verdicts:
    """The rules only, no row checks: (unit, window) -> the verdicts of CRITERIA, in that
    order, for every unit with a record in a month of the campaign. Records for other months
    are skipped; values are taken as they are (a second row for a unit-month replaces the
    first)."""
    month_of = MONTH_INDEX.get
    read = itemgetter(*METRICS)
    units: dict[str, list[Row | None]] = {}
    for rec in records:
        month = month_of(rec.period)
        if month is None:
            continue
        rows = units.get(rec.unit)
        if rows is None:
            rows = units[rec.unit] = [None] * N_MONTHS
        rows[month] = read(rec.values)
    return _verdicts(units)


# ---------------------------------------------------------------------------------------------
# The checking floor: the library's row checks, then the same rules


Rejection = tuple[int, str, str, object]
"""(row number, issue code, field, detail): the value for ``invalid-count``, (part, whole) for
``contradictory-counts``, the first row's number for ``duplicate-row``, the period for
``invalid-period``."""


class Checked(NamedTuple):
    """What :func:`evaluate_checked` returns."""

    verdicts: Verdicts
    """(unit, window) -> CRITERIA's verdicts, over the rows that passed the checks."""
    rejected: list[Rejection]
    """One item per problem, in input order: a row with two bad values has two."""
    outside: dict[str, int]
    """Per period in no window: how many rows (that passed the value checks) it had."""


PAIRS = ((TIPS_VIA, TIPS), (INC_PRESENT, INC), (RESCUE_PRESENT, RESCUE),
         (HH_PROVIDED, HH), (PATROLLING, MEMBERS))
"""(part, whole) of each ratio of the plan: a row with part > whole contradicts itself."""
OUTSIDE, INVALID = -1, -2
_MONTH = re.compile(r"(\d{4})-(\d{2})")
_OTHER_PERIOD = re.compile(r"\d{4}(?:-\d{2}\.\.\d{4}-\d{2})?")


@lru_cache(maxsize=4096)
def _place(period: str) -> int:
    """A period that is not a campaign month, placed once: OUTSIDE (a month of no window) or
    INVALID (not a period). A year or a span of months is a valid period that the library
    evaluates; this floor reads monthly rows only and refuses it."""
    m = _MONTH.fullmatch(period)
    if m is not None:
        return OUTSIDE if 1 <= int(m.group(2)) <= 12 else INVALID
    if _OTHER_PERIOD.fullmatch(period):
        raise NotImplementedError(f"period {period!r}: the floor reads monthly rows only")
    return INVALID


def _row_issues(number: int, row: Row) -> list[Rejection]:
    """The detailed check of a row that failed the quick one, naming each bad field: a value
    that is not a whole number of 0 or more (type exactly int: no bool, float or NaN), else
    each part above its whole."""
    issues: list[Rejection] = [
        (number, "invalid-count", name, v) for name, v in zip(METRICS, row, strict=True)
        if v is not None and (type(v) is not int or v < 0)]
    if not issues:
        for i, j in PAIRS:
            part, whole = row[i], row[j]
            if part is not None and whole is not None and part > whole:
                issues.append((number, "contradictory-counts", METRICS[i], (part, whole)))
    return issues


def evaluate_checked(records: Iterable[RecordLike]) -> Checked:
    """Check every row as the library does, then evaluate the good ones (the floor for the
    same work as ``emulation_rules.evaluate`` on this plan, without a units tree).

    In input order, a row is rejected for: no unit (``missing-value``); a period that is not
    one (``invalid-period``); a value of METRICS that is not a whole number of 0 or more
    (``invalid-count``, one per field); else a part above its whole (``contradictory-counts``,
    one per pair); else a second row for a unit-month already holding an accepted row
    (``duplicate-row``; the first stays). A good row for a month of no window is counted per
    period. The detail of a rejection is built only for a rejected row.
    """
    month_of = MONTH_INDEX.get
    read = itemgetter(*METRICS)
    pairs = PAIRS
    place = _place
    n_months = N_MONTHS
    slots_per_unit = 2 * N_MONTHS
    units: dict[str, list[Any]] = {}
    rejected: list[Rejection] = []
    outside: dict[str, int] = {}
    for rec in records:
        unit = rec.unit
        if not unit:
            rejected.append((rec.row, "missing-value", "unit", unit))
            continue
        period = rec.period
        month = month_of(period)
        if month is None:
            month = place(period)
            if month == INVALID:
                rejected.append((rec.row, "invalid-period", "period", period))
                continue
        values = rec.values
        try:
            row = read(values)
        except KeyError:  # a record without some metric: blank cells
            row = tuple(map(values.get, METRICS))
        # the quick check: one pass over the values, which also notes a blank, then the pairs
        bad = blank = False
        for v in row:
            if type(v) is not int:
                if v is not None:
                    bad = True
                    break
                blank = True
            elif v < 0:
                bad = True
                break
        if not bad:
            if blank:
                for i, j in pairs:
                    part, whole = row[i], row[j]
                    if part is not None and whole is not None and part > whole:
                        bad = True
                        break
            else:
                for i, j in pairs:
                    if row[i] > row[j]:
                        bad = True
                        break
        if bad:  # the detail, naming each bad field
            rejected += _row_issues(rec.row, row)
            continue
        if month < 0:
            outside[period] = outside.get(period, 0) + 1
            continue
        slots = units.get(unit)
        if slots is None:
            slots = units[unit] = [None] * slots_per_unit
        elif slots[month] is not None:
            rejected.append((rec.row, "duplicate-row", "period", slots[month + n_months]))
            continue
        slots[month] = row
        slots[month + n_months] = rec.row
    return Checked(_verdicts(units), rejected, outside)
