"""Benchmark: the library's evaluator against hand-written floors, one doing the same work.

    python benchmarks/bench.py            # self-check, then 10k, 100k and 1M records
    python benchmarks/bench.py --quick    # self-check, then 10k and 100k
    python benchmarks/bench.py --check    # self-check only (floors against a slow reference)

Two floors, both in ``benchmarks/handwritten.py`` (fast, hard-coded plan): the checking floor
(``evaluate_checked``) checks every row as the library does (whole numbers of 0 or more, part
<= whole, one row per unit and month, a unit and a period; rows of months in no window counted
per period; every rejection with its row number) and evaluates the good rows; the rules-only
floor (``evaluate``) takes the values as they are. The fair comparison is library / checking
floor (the same work); library / rules-only floor shows what the checks cost on top.

Self-check: the floors are compared with a deliberately simple reference written here, which
reads the plan's targets from the YAML files, checks the rows plainly and applies the same rules
with dicts, Fractions and sets of reachable verdicts. The data is small and random, with every
kind of month cell pair (both known, numerator unknown, denominator unknown, both unknown),
missing months, zero denominators and rows outside the windows; half the units vary one target
only, the others passing, so that each target's verdict shows in its criterion's. The rules-only
floor is compared on that data; the checking floor on the same data with about 3% of rows
spoilt (a negative, a float, NaN, a bool, a part above its whole, a duplicate unit-month, good or
bad, no unit, a period that is not one): verdicts for every unit x window x criterion, the
rejections as (row, code, field) (a duplicate's field naming the first row) and the rows per
period outside the windows. The library is compared with the reference on the spoilt data too
(reported, not required).

Benchmark (one process): generate N unit-month records for the kon_plong plan (about 2% of
unit-months missing, about 1% of cells blank, about 0.1% of rows spoilt: a negative, a part over
its whole, a duplicate unit-month, NaN, a float or a bool; about 0.1% more rows for months in no
window), evaluate them with ``emulation_rules.evaluate`` and with both floors, compare the
library with the checking floor (every verdict of unit x window x criterion of the windows
phase_1, phase_2 and campaign; every rejection as (row, code, field); the rows outside per
period), and print records per second and the two ratios. A timed side returns its verdicts by
(unit, window) (for the library: ``evaluate`` and reading every ``c.verdict`` back; its
rejections are in the Evaluation it builds, the checking floor's in its result); the
comparisons are built outside the timing. Each side is timed ``--repeat`` times, alternating,
and the best time of each is kept (the machine's noise only ever adds time). If the library
raises, the floors are still timed.

A separate pass measures peak memory (tracemalloc) of an evaluation that streams its records
from a generator (clean rows: no spoilt ones): first with the number of units fixed while the
records grow (the rows beyond each unit's 11 months are months before the campaign, which the
evaluator counts per period and does not keep), then per unit. Last, it times
``emulation-rules validate plans/*.yaml`` as a whole process (cold start). Figures are recorded
in docs/performance.md, never asserted in tests.

The exit status is 1 if a floor disagrees with the reference, or if the library disagrees
with the reference or the checking floor, or fails.
"""

from __future__ import annotations

import argparse
import gc
import glob
import os
import platform
import random
import re
import subprocess
import sys
import time
import traceback
import tracemalloc
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from fractions import Fraction
from itertools import count, islice, repeat
from pathlib import Path
from typing import Any, NamedTuple

import yaml

HERE = Path(__file__).resolve().parent
PLANS = HERE.parent / "plans"
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent / "src"))

import handwritten  # noqa: E402

import emulation_rules as er  # noqa: E402

ISSUED = date(2024, 10, 15)
AS_OF = date(2025, 9, 30)
WINDOWS = handwritten.WINDOWS
WINDOW_MONTHS: dict[str, tuple[str, ...]] = handwritten.PHASE_MONTHS
MONTHS = WINDOW_MONTHS["campaign"]
OUTSIDE = ("2024-09", "2025-09", "2023-10")
"""Months of no window (check data puts rows there that must not count)."""

Key = tuple[str, str, str]
Verdicts = dict[Key, str]


@dataclass(frozen=True)
class LocalRecord:
    """Stand-in for ``emulation_rules.Record`` when the library cannot provide it."""

    unit: str
    period: str
    values: dict[str, int | None]
    row: int = 0


def record_type() -> Callable[..., Any]:
    try:
        return er.Record
    except Exception as exc:  # the library is being rewritten: keep the floor measurable
        print(f"emulation_rules.Record unavailable ({exc!r}); using a local stand-in")
        return LocalRecord


# ---------------------------------------------------------------------------------------------
# Benchmark data


BAD = 0.001
"""Share of benchmark rows spoilt (one of SPOILT), and of extra rows for a month of no window."""
SPOILT = ("negative", "part over whole", "duplicate", "nan", "float", "bool")
PAIRS = tuple((handwritten.METRICS[i], handwritten.METRICS[j]) for i, j in handwritten.PAIRS)
"""The plan's (part, whole) pairs, by name (the self-check reads its own from the YAML)."""


def stream(units: int | None, seed: int = 1, months: Sequence[str] = MONTHS,
           missing: float = 0.02, blank: float = 0.01, bad: float = 0.0, outside: float = 0.0,
           numbered: bool = True, make: Callable[..., Any] = LocalRecord) -> Iterator[Any]:
    """Each unit's records for ``months``, one at a time (``units=None``: without end), numbered
    from row 2 on (a file's first data row), or all row 0 if not ``numbered``.

    About ``missing`` of unit-months have no record and ``blank`` of cells are None; counts
    are consistent (0 <= part <= whole) except in about ``bad`` of rows, spoilt with one of
    SPOILT (a duplicate: the row again, a second row for the unit-month). After about
    ``outside`` of rows comes a copy of it for a month of no window.
    """
    rng = random.Random(seed)
    rand, randint = rng.random, rng.randint
    row = count(2) if numbered else repeat(0)
    for u in range(units) if units is not None else count():
        unit = f"u{u:07d}"
        for month in months:
            if rand() < missing:
                continue
            tips = randint(0, 20)
            inc = randint(0, 3)
            calls = randint(0, 2)
            recs = randint(0, 100)
            members = randint(3, 6)
            values: dict[str, Any] = {
                "tips_total": tips, "tips_via_force": randint(0, tips),
                "incidents_total": inc,
                "incidents_force_present": inc - (inc > 0 and rand() < .05),
                "models_recognised": int(rand() < .3), "rescue_callouts": calls,
                "rescue_callouts_present": calls - (calls > 0 and rand() < .02),
                "conditional_business_violations": int(rand() < .002),
                "household_records_total": recs,
                "household_records_provided": randint(recs * 8 // 10, recs),
                "illegal_weapons_cases": int(rand() < .01), "reoffences": int(rand() < .002),
                "serious_traffic_accidents": int(rand() < .002), "force_members": members,
                "force_members_patrolling": members - (rand() < .1),
                "good_deeds": randint(0, 2), "members_commended": int(rand() < .2),
            }
            for name in values:
                if rand() < blank:
                    values[name] = None
            again = False
            if bad and rand() < bad:
                kind = SPOILT[randint(0, len(SPOILT) - 1)]
                name = rng.choice(handwritten.METRICS)
                if kind == "negative":
                    values[name] = -randint(1, 5)
                elif kind == "part over whole":
                    part, whole = rng.choice(PAIRS)
                    values[whole] = randint(0, 5)
                    values[part] = values[whole] + randint(1, 3)
                elif kind == "duplicate":
                    again = True
                else:
                    values[name] = {"nan": float("nan"), "float": float(randint(0, 3)),
                                    "bool": rand() < .5}[kind]
            yield make(unit, month, values, next(row))
            if again:
                yield make(unit, month, dict(values), next(row))
            if outside and rand() < outside:
                yield make(unit, rng.choice(OUTSIDE), dict(values), next(row))


def records(n: int, make: Callable[..., Any], seed: int = 1, bad: float = BAD) -> list[Any]:
    return list(islice(stream(None, seed, bad=bad, outside=bad, make=make), n))


def months_before(count: int) -> list[str]:
    """``count`` months ending just before the campaign's first month (2024-10)."""
    index = 2024 * 12 + 9 - count
    return [f"{(index + i) // 12:04d}-{(index + i) % 12 + 1:02d}" for i in range(count)]


# ---------------------------------------------------------------------------------------------
# The slow reference: same rules, written plainly, plan read from the YAML files


Target = dict[str, Any]


def plan_criteria() -> list[tuple[str, list[Target]]]:
    """Kon Plông's criteria and targets: the template's, with kon_plong's overrides applied."""
    plan = yaml.safe_load((PLANS / "kon_plong.yaml").read_text(encoding="utf-8"))
    base = yaml.safe_load((PLANS / f"{plan['extends']}.yaml").read_text(encoding="utf-8"))
    overrides = {(c["id"], t["id"]): t for c in plan.get("criteria", [])
                 for t in c.get("targets", [])}
    out = []
    for crit in base["criteria"]:
        targets = []
        for target in crit["targets"]:
            override = overrides.get((crit["id"], target["id"]), {})
            targets.append({**target, **{k: override[k] for k in ("condition", "per", "level")
                                         if k in override}})
        out.append((crit["id"], targets))
    return out


def kleene_and(verdicts: Iterable[str]) -> str:
    vs = list(verdicts)
    return "not_met" if "not_met" in vs else "unknown" if "unknown" in vs else "met"


def kleene_or(verdicts: Iterable[str]) -> str:
    vs = list(verdicts)
    return "met" if "met" in vs else "unknown" if "unknown" in vs else "not_met"


def compare(a: Fraction, op: str, b: Fraction) -> bool:
    return {"gte": a >= b, "gt": a > b, "eq": a == b, "lte": a <= b, "lt": a < b}[op]


def ref_count(cond: Mapping[str, Any], cells: list[int | None]) -> str:
    op, t = cond["comparator"], Fraction(str(cond["threshold"]))
    known = Fraction(sum(v for v in cells if v is not None))
    if None not in cells:
        return "met" if compare(known, op, t) else "not_met"
    if op in ("gte", "gt"):  # the unknown cells can only add
        return "met" if compare(known, op, t) else "unknown"
    if op in ("eq", "lte"):
        return "not_met" if known > t else "unknown"
    if op == "lt":
        return "not_met" if known >= t else "unknown"
    raise ValueError(op)


def ref_ratio(cond: Mapping[str, Any], pairs: list[tuple[int | None, int | None]],
              stats: Counter[str]) -> str:
    op, p = cond["comparator"], Fraction(str(cond["threshold"]))
    when_no_cases = cond["when_no_cases"]["verdict"]
    kinds = []
    for num, den in pairs:
        kind = ("FIXED" if den is not None else "B") if num is not None else \
            ("A" if den is not None else "C")
        kinds.append(kind)
        stats[f"pair {kind}"] += 1
    kn = sum(n for n, _ in pairs if n is not None)
    dfix = sum(d for _, d in pairs if d is not None)
    nmax = kn + sum(d for (_, d), k in zip(pairs, kinds, strict=True) if k == "A" and d)
    dmin = dfix + sum(n for (n, _), k in zip(pairs, kinds, strict=True) if k == "B" and n)
    nb, nc = kinds.count("B"), kinds.count("C")
    sup: Fraction | None
    inf: Fraction | None
    if nc > 0:
        sup, sup_attained = Fraction(1), nmax == dmin
    elif dmin > 0:
        sup, sup_attained = Fraction(nmax, dmin), True
    elif nb > 0:
        sup, sup_attained = Fraction(0), True
    else:
        sup, sup_attained = None, False
    if nb + nc > 0:
        inf, inf_attained = Fraction(0), kn == 0
    elif dfix > 0:
        inf, inf_attained = Fraction(kn, dfix), True
    else:
        inf, inf_attained = None, False
    if op == "gte":
        met = sup is not None and (sup > p or (sup == p and sup_attained))
        not_met = inf is not None and inf < p
    elif op == "gt":
        met = sup is not None and sup > p
        not_met = inf is not None and (inf < p or (inf == p and inf_attained))
    else:
        raise ValueError(op)
    reachable = {v for v, ok in (("met", met), ("not_met", not_met),
                                 (when_no_cases, dmin == 0)) if ok}
    test = f"{op} {p}"
    if nb + nc + kinds.count("A"):
        if dmin == 0 and len(reachable) > 1:
            stats[f"{test} with unknowns: zero denominator and a share reachable"] += 1
        if nc and sup == p:
            stats[f"{test} with unknowns: sup 1 = threshold, attained={sup_attained}"] += 1
        if not nc and dmin and sup == p:
            stats[f"{test} with unknowns: sup = threshold (attained)"] += 1
        if dfix and not (nb or nc) and inf == p:
            stats[f"{test} with unknowns: inf = threshold (attained)"] += 1
    elif dfix and Fraction(kn, dfix) == p:
        stats[f"{test} all known: share = threshold"] += 1
    return reachable.pop() if len(reachable) == 1 else "unknown"


def ref_target(target: Target, months: Sequence[str],
               cell: Callable[[str, str], int | None], stats: Counter[str]) -> str:
    cond = target["condition"]
    if target.get("per", "total") == "month":
        leaves = cond["any_of"] if "any_of" in cond else [cond]
        return kleene_and(kleene_or(ref_count(leaf, [cell(m, leaf["metric"])]) for leaf in leaves)
                          for m in months)
    if "numerator" in cond:
        return ref_ratio(cond, [(cell(m, cond["numerator"]), cell(m, cond["denominator"]))
                                for m in months], stats)
    return ref_count(cond, [cell(m, cond["metric"]) for m in months])


Rejected = Counter[tuple[int, str, str]]
"""(row, code, field) -> how many issues (a duplicate-row's field names the first row)."""
_PERIOD_MONTH = re.compile(r"\d{4}-(0[1-9]|1[0-2])")


class Reference(NamedTuple):
    by_criterion: Verdicts
    """(unit, window, criterion) -> verdict."""
    by_target: Verdicts
    """(unit, window, target) -> verdict."""
    rejected: Rejected
    outside: Counter[str]
    """Per month of no window: its rows that passed the value checks."""


def plan_columns(criteria: list[tuple[str, list[Target]]]
                 ) -> tuple[list[str], list[tuple[str, str]]]:
    """The metrics the targets read, and their ratios' (part, whole) pairs."""
    metrics: list[str] = []
    pairs: list[tuple[str, str]] = []
    for _, targets in criteria:
        for target in targets:
            cond = target["condition"]
            for leaf in cond.get("any_of", [cond]):
                if "numerator" in leaf:
                    pairs.append((leaf["numerator"], leaf["denominator"]))
                    metrics += [leaf["numerator"], leaf["denominator"]]
                else:
                    metrics.append(leaf["metric"])
    return sorted(set(metrics)), pairs


def reference(recs: Iterable[Any], criteria: list[tuple[str, list[Target]]],
              stats: Counter[str]) -> Reference:
    """Check each row in input order (no unit; not a month; a value not a whole number of 0 or
    more; else a part above its whole; else a second row for its unit-month), count the good
    rows of months in no window, and decide every verdict from the rows kept."""
    metrics, pairs = plan_columns(criteria)
    rows: dict[str, dict[str, tuple[Mapping[str, int | None], int]]] = {}
    rejected: Rejected = Counter()
    outside: Counter[str] = Counter()
    for rec in recs:
        if not rec.unit:
            rejected[(rec.row, "missing-value", "unit")] += 1
            continue
        if not _PERIOD_MONTH.fullmatch(rec.period):
            rejected[(rec.row, "invalid-period", "period")] += 1
            continue
        values = rec.values
        problems = [(rec.row, "invalid-count", m) for m in metrics if values.get(m) is not None
                    and not (type(values[m]) is int and values[m] >= 0)]
        if not problems:
            problems = [(rec.row, "contradictory-counts", part) for part, whole in pairs
                        if values.get(part) is not None and values.get(whole) is not None
                        and values[part] > values[whole]]
        if problems:
            rejected.update(problems)
            continue
        if rec.period not in MONTHS:
            outside[rec.period] += 1
            continue
        first = rows.get(rec.unit, {}).get(rec.period)
        if first is not None:
            rejected[(rec.row, "duplicate-row", f"period, first row {first[1]}")] += 1
            continue
        rows.setdefault(rec.unit, {})[rec.period] = (values, rec.row)
    by_criterion: Verdicts = {}
    by_target: Verdicts = {}
    for unit, months_of_unit in rows.items():
        def cell(month: str, metric: str,
                 rows_: Mapping[str, tuple[Mapping[str, int | None], int]] = months_of_unit
                 ) -> int | None:
            row = rows_.get(month)
            return None if row is None else row[0].get(metric)
        for window in WINDOWS:
            for crit, targets in criteria:
                verdicts = []
                for target in targets:
                    v = ref_target(target, WINDOW_MONTHS[window], cell, stats)
                    by_target[(unit, window, target["id"])] = v
                    verdicts.append(v)
                by_criterion[(unit, window, crit)] = kleene_and(verdicts)
    return Reference(by_criterion, by_target, rejected, outside)


# ---------------------------------------------------------------------------------------------
# Self-check data and comparison


Item = tuple[str, str, dict[str, Any]]
"""(unit, period, values): a record before it gets its row number."""


def check_items(rng: random.Random, units: int, criteria: list[tuple[str, list[Target]]]
                ) -> list[Item]:
    """Small random data with every pair kind, missing months, zero denominators, rows outside
    the windows. Half the units vary one target only (the others pass, all cells known)."""
    targets = [t for _, ts in criteria for t in ts]
    for t in targets:
        cond = t["condition"]
        for leaf in cond.get("any_of", [cond]):
            if "metric" in leaf and leaf["comparator"] not in ("gte", "eq"):
                raise NotImplementedError(f"check data for {leaf['comparator']}")

    def passing(target: Target) -> dict[str, int]:
        cond = target["condition"]
        if "numerator" in cond:
            return {cond["numerator"]: 1, cond["denominator"]: 1}
        return {leaf["metric"]: int(leaf["threshold"]) if leaf["comparator"] == "gte" else 0
                for leaf in cond.get("any_of", [cond])}

    def varied(target: Target, violation: float) -> dict[str, int]:
        cond = target["condition"]
        if "numerator" in cond:
            den = rng.choice([0, 0, 1, 1, 2, 3, 4, 5, 9, 10])
            num = den if rng.random() < 0.5 else rng.randint(max(0, den - 2), den)
            return {cond["numerator"]: num, cond["denominator"]: den}
        out = {}
        for leaf in cond.get("any_of", [cond]):
            if leaf["comparator"] == "gte":
                out[leaf["metric"]] = int(rng.random() < 0.4)
            else:
                out[leaf["metric"]] = rng.choice([1, 2]) if rng.random() < violation else 0
        return out

    items: list[Item] = []
    for u in range(units):
        unit = f"c{u:05d}"
        focus = rng.choice(targets) if u % 2 else None
        missing = 0.0 if focus else rng.choice([0.0, 0.1, 0.3])
        blank = rng.choice([0.1, 0.3, 0.6]) if focus else rng.choice([0.0, 0.05, 0.2, 0.5])
        violation = rng.choice([0.02, 0.1, 0.4])
        present = [m for m in MONTHS if rng.random() >= missing] or [rng.choice(MONTHS)]
        outside = [m for m in OUTSIDE if rng.random() < 0.2]
        for month in [*present, *outside]:
            values: dict[str, Any] = {}
            for t in targets:
                if focus is None or t is focus or month in OUTSIDE:
                    cells: dict[str, int | None] = dict(varied(t, violation))
                    for name in cells:
                        if rng.random() < blank:
                            cells[name] = None
                else:
                    cells = dict(passing(t))
                values.update(cells)
            items.append((unit, month, values))
    return items


CHECK_SPOILT = ("negative", "float", "nan", "bool", "part over whole", "duplicate",
                "bad duplicate", "no unit", "not a period")


def spoil(rng: random.Random, items: list[Item], share: float,
          criteria: list[tuple[str, list[Target]]]) -> list[Item]:
    """``items`` with about ``share`` of them spoilt by one of CHECK_SPOILT (a duplicate adds
    a second row for the unit-month, the same or with a negative)."""
    metrics, pairs = plan_columns(criteria)
    out: list[Item] = []
    for unit, period, values in items:
        if rng.random() >= share:
            out.append((unit, period, values))
            continue
        kind = rng.choice(CHECK_SPOILT)
        values = dict(values)
        name = rng.choice(metrics)
        if kind == "negative":
            values[name] = -rng.randint(1, 3)
        elif kind == "float":
            values[name] = float(rng.randint(0, 2))
        elif kind == "nan":
            values[name] = float("nan")
        elif kind == "bool":
            values[name] = rng.random() < 0.5
        elif kind == "part over whole":
            part, whole = rng.choice(pairs)
            values[whole] = rng.randint(0, 3)
            values[part] = values[whole] + rng.randint(1, 2)
        elif kind in ("duplicate", "bad duplicate"):
            out.append((unit, period, values))
            values = dict(values)
            if kind == "bad duplicate":
                values[name] = -1
        elif kind == "no unit":
            unit = ""
        else:
            period = rng.choice(["2025-13", "2025-3", "25-03", "2025-00", "March 2025"])
        out.append((unit, period, values))
    return out


def numbered(rng: random.Random, items: list[Item], make: Callable[..., Any]) -> list[Any]:
    """The items shuffled, as records numbered from row 2 on."""
    items = list(items)
    rng.shuffle(items)
    return [make(unit, period, values, row) for row, (unit, period, values)
            in enumerate(items, start=2)]


def diff(a: Verdicts, b: Verdicts) -> list[tuple[Key, str | None, str | None]]:
    return sorted((k, a.get(k), b.get(k)) for k in a.keys() | b.keys() if a.get(k) != b.get(k))


RowFates = tuple[Rejected, Counter[str]]
"""The rejections as (row, code, field), and the rows outside the windows per period."""
CODES = ("missing-value", "invalid-period", "invalid-count", "contradictory-counts",
         "duplicate-row")
_FIRST_ROW = re.compile(r"rows (\d+) and")


def floor_fates(checked: handwritten.Checked) -> RowFates:
    return Counter((row, code, f"{field}, first row {detail}" if code == "duplicate-row" else
                    field) for row, code, field, detail in checked.rejected), \
        Counter(checked.outside)


def library_fates(ev: Any) -> RowFates:
    """The library's rejections (its issues per row; a duplicate's first row read from the
    message) and its rows outside per period (a reason other than no-window shown with it)."""
    rejected: Rejected = Counter()
    for issue in ev.rejected:
        if issue.code.startswith("period-"):  # one issue per period: counted in ev.outside
            continue
        loc = issue.location
        field = str(loc.path[1]) if len(loc.path) > 1 else ""
        if issue.code == "duplicate-row":
            first = _FIRST_ROW.search(issue.message)
            field += f", first row {first.group(1) if first else '?'}"
        rejected[(loc.line, issue.code, field)] += 1
    outside = Counter({o.period if o.reason == "no-window" else f"{o.period} ({o.reason})":
                       o.rows for o in ev.outside})
    return rejected, outside


def fates_agreement(a_name: str, a: RowFates, b_name: str, b: RowFates) -> tuple[bool, str]:
    """Whether two sides rejected the same rows for the same reasons and counted the same rows
    outside the windows per period, and a line saying so."""
    (rej_a, out_a), (rej_b, out_b) = a, b
    pairs_a = {(row, code) for row, code, _ in rej_a}
    pairs_b = {(row, code) for row, code, _ in rej_b}
    differ = sum(((rej_a - rej_b) + (rej_b - rej_a)).values())
    ok = not differ and pairs_a == pairs_b and out_a == out_b
    text = (f"rejected (row, code) pairs: {a_name} {len(pairs_a):,}, {b_name} {len(pairs_b):,}, "
            f"{len(pairs_a ^ pairs_b)} differ ({differ} issues differ by row, code and field); "
            f"rows outside the windows: {a_name} {sum(out_a.values()):,} in {len(out_a)} periods, "
            f"{b_name} {sum(out_b.values()):,} in {len(out_b)}, "
            f"{'the same' if out_a == out_b else 'NOT the same'} per period")
    if not ok:
        text += "; e.g. " + ", ".join(f"{k}: {a_name} {rej_a[k]}, {b_name} {rej_b[k]}" for k in
                                      sorted((rej_a - rej_b) + (rej_b - rej_a))[:4])
    return ok, text


def coverage(ref: Reference, criteria: list[tuple[str, list[Target]]], stats: Counter[str],
             show: bool) -> list[str]:
    """What the data failed to cover (every target met, not met and unknown; every pair kind);
    with ``show``, the tally of what it covered."""
    per_target = Counter((k[2], v) for k, v in ref.by_target.items())
    names = sorted({k[2] for k in ref.by_target}, key=[t["id"] for _, ts in criteria
                                                        for t in ts].index)
    never = [f"{t} {v}" for t in names for v in ("met", "not_met", "unknown")
             if not per_target[t, v]]
    if show:
        print("  reference target verdicts (met / not_met / unknown):")
        for t in names:
            print(f"    {t:<24} {per_target[t, 'met']:>6} {per_target[t, 'not_met']:>6} "
                  f"{per_target[t, 'unknown']:>6}")
        print("  cases seen:")
        for case, n in sorted(stats.items()):
            print(f"    {case}: {n:,}")
    return never + [f"pair {k}" for k in ("FIXED", "A", "B", "C") if not stats[f"pair {k}"]]


def self_check(units: int, seed: int, make: Callable[..., Any], plan: Any) -> tuple[bool, bool]:
    """Floors against the reference (and the library against the reference, reported): the
    rules-only floor on clean data, the checking floor and the library on a spoilt copy.
    Returns (floors agreed, library agreed)."""
    criteria = plan_criteria()
    assert tuple(c for c, _ in criteria) == handwritten.CRITERIA, criteria
    metrics, pairs = plan_columns(criteria)
    assert (metrics, sorted(pairs)) == (sorted(handwritten.METRICS), sorted(PAIRS)), criteria
    rng = random.Random(seed)
    items = check_items(rng, units, criteria)
    clean = numbered(rng, items, make)
    dirty = numbered(rng, spoil(rng, items, 0.03, criteria), make)

    stats: Counter[str] = Counter()
    ref = reference(clean, criteria, stats)
    rules_only = expand(handwritten.evaluate(clean))
    bad = diff(ref.by_criterion, rules_only)
    print(f"self-check: {len(clean):,} records, {units:,} units (seed {seed}); rules-only floor "
          f"vs reference: {len(ref.by_criterion):,} unit x window x criterion verdicts compared, "
          f"{len(bad)} disagree")
    for k, r, f in bad[:10]:
        print(f"  {k}: reference {r}, rules-only floor {f}")
    gaps = coverage(ref, criteria, stats, show=True)

    dirty_stats: Counter[str] = Counter()
    dirty_ref = reference(dirty, criteria, dirty_stats)
    gaps += [f"{g} (spoilt data)" for g in coverage(dirty_ref, criteria, dirty_stats, False)]
    codes = Counter(code for _, code, _ in dirty_ref.rejected.elements())
    gaps += [f"no {code} in the spoilt data" for code in CODES if not codes[code]]
    if not dirty_ref.outside:
        gaps.append("no row outside the windows in the spoilt data")
    print(f"  spoilt copy: {len(dirty):,} records, about 3% spoilt ({', '.join(CHECK_SPOILT)}); "
          "the reference's issues: " + ", ".join(f"{c} {codes[c]:,}" for c in CODES) +
          f"; rows outside the windows: {sum(dirty_ref.outside.values()):,}")
    checked = handwritten.evaluate_checked(dirty)
    bad_checked = diff(dirty_ref.by_criterion, expand(checked.verdicts))
    fates_ok, fates = fates_agreement("reference", (dirty_ref.rejected, dirty_ref.outside),
                                      "floor", floor_fates(checked))
    print(f"  checking floor vs reference: {len(dirty_ref.by_criterion):,} verdicts compared, "
          f"{len(bad_checked)} disagree; {fates}")
    for k, r, f in bad_checked[:10]:
        print(f"    {k}: reference {r}, checking floor {f}")
    if gaps:
        print(f"  coverage gap: {', '.join(gaps)}")
    floor_ok = not bad and not bad_checked and fates_ok and not gaps

    lib_ok = False
    try:
        ev = library(plan, dirty)[1]
    except Exception:
        print("  library vs reference: the library raised:")
        traceback.print_exc(limit=3, file=sys.stdout)
    else:
        lib_bad = diff(dirty_ref.by_criterion, by_criterion(ev))
        lib_fates_ok, lib_fates = fates_agreement(
            "reference", (dirty_ref.rejected, dirty_ref.outside), "library", library_fates(ev))
        print(f"  library vs reference (spoilt copy): {len(dirty_ref.by_criterion):,} verdicts "
              f"compared, {len(lib_bad)} disagree; {lib_fates}")
        for k, r, got in lib_bad[:10]:
            print(f"    {k}: reference {r}, library {got}")
        lib_ok = not lib_bad and lib_fates_ok
    return floor_ok, lib_ok


# ---------------------------------------------------------------------------------------------
# Benchmark


Compact = dict[tuple[str, str], tuple[str, ...]]
"""(unit, window) -> a verdict per criterion: what each timed side returns."""


def library(plan: Any, recs: Iterable[Any]) -> tuple[Compact, Any]:
    """Evaluate and read every verdict back; also the Evaluation, for the criterion ids."""
    ev = er.evaluate(plan, recs, issued=ISSUED, as_of=AS_OF)
    return {(r.unit, r.window): tuple(r.verdicts().values()) for r in ev.results}, ev


def by_criterion(ev: Any) -> Verdicts:
    """The library's verdicts by (unit, window, criterion), for the windows compared."""
    return {(r.unit, r.window, c.criterion): c.verdict for r in ev.results if r.window in WINDOWS
            for c in r.criteria}


def expand(compact: Compact) -> Verdicts:
    """The floor's verdicts by (unit, window, criterion)."""
    return {(unit, window, criterion): verdict for (unit, window), verdicts in compact.items()
            for criterion, verdict in zip(handwritten.CRITERIA, verdicts, strict=True)}


def timed(fn: Callable[..., Any], *args: Any) -> tuple[Any, float]:
    gc.collect()
    start = time.perf_counter()
    result = fn(*args)
    return result, time.perf_counter() - start


def peak(plan: Any, recs: Iterator[Any]) -> tuple[int, int]:
    """Peak bytes allocated while evaluating records streamed from ``recs``, and their count."""
    seen = 0

    def counted() -> Iterator[Any]:
        nonlocal seen
        for rec in recs:
            seen += 1
            yield rec

    gc.collect()
    tracemalloc.start()
    try:
        ev = er.evaluate(plan, counted(), issued=ISSUED, as_of=AS_OF)
        _, top = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    del ev
    return top, seen


def benchmark(sizes: list[int], repeat: int, make: Callable[..., Any], plan: Any) -> bool:
    """Time the three sides; True if the library ran and agreed with the checking floor (every
    verdict, every rejection, the rows outside per period) at every size."""
    print(f"timing: best of {repeat} per side, alternating; about {BAD:.1%} of rows spoilt "
          f"({', '.join(SPOILT)}), about {BAD:.1%} more rows for months in no window")
    print(f"{'records':>10} {'units':>8} {'library':>10} {'checking':>10} {'rules-only':>10} "
          f"{'library /':>10} {'library /':>11}")
    print(f"{'':>10} {'':>8} {'rec/s':>10} {'floor':>10} {'floor':>10} "
          f"{'checking':>10} {'rules-only':>11}")
    all_ok = True
    for n in sizes:
        recs = records(n, make)
        units = len({r.unit for r in recs})
        t_lib = t_checked = t_rules = float("inf")
        ev: Any = None
        lib_error = ""
        for _ in range(repeat):
            if plan is not None and not lib_error:
                try:
                    ev = None  # let the previous Evaluation go before the next run
                    (_, ev), t = timed(library, plan, recs)
                    t_lib = min(t_lib, t)
                except Exception as exc:
                    lib_error = f"library raised {type(exc).__name__}: {exc}"[:200]
            checked, t = timed(handwritten.evaluate_checked, recs)
            t_checked = min(t_checked, t)
            rules_only, t = timed(handwritten.evaluate, recs)
            t_rules = min(t_rules, t)
        assert checked is not None
        lines = []
        if ev is None or lib_error:
            lib_rate = ratio_checked = ratio_rules = "-"
            lines.append(lib_error or "library not loaded")
            all_ok = False
        else:
            lib_rate = f"{len(recs) / t_lib:,.0f}"
            ratio_checked, ratio_rules = f"{t_lib / t_checked:.2f}", f"{t_lib / t_rules:.2f}"
            lib_verdicts = by_criterion(ev)
            floor_verdicts = expand(checked.verdicts)
            bad = diff(lib_verdicts, floor_verdicts)
            fates_ok, fates = fates_agreement("library", library_fates(ev), "floor",
                                              floor_fates(checked))
            text = (f"library vs checking floor: {len(floor_verdicts):,} verdicts compared, "
                    f"{len(bad):,} disagree")
            if bad:
                text += ", e.g. " + ", ".join(f"{k}: library {a}, floor {b}" for k, a, b in bad[:3])
            lines += [text, fates]
            rules_bad = diff(lib_verdicts, expand(rules_only))
            lines.append(f"rules-only floor (takes the spoilt rows): {len(rules_bad):,} verdicts "
                         "differ from the library's")
            all_ok &= not bad and fates_ok
        print(f"{len(recs):>10} {units:>8} {lib_rate:>10} {len(recs) / t_checked:>10,.0f} "
              f"{len(recs) / t_rules:>10,.0f} {ratio_checked:>10} {ratio_rules:>11}")
        for line in lines:
            print(f"{'':>12}{line}")
        del recs, ev, checked, rules_only
    return all_ok


def memory(plan: Any, make: Callable[..., Any]) -> bool:
    print("\npeak memory of evaluate (tracemalloc), records streamed from a generator:")
    try:
        print("  units fixed at 1000, records growing (rows before the campaign counted, "
              "not kept):")
        for per_unit in (11, 110, 1100):
            months = months_before(per_unit - len(MONTHS)) + list(MONTHS)
            top, seen = peak(plan, stream(1000, months=months, numbered=False,
                                          make=make))
            print(f"  {seen:>10,} records, {1000:>6} units: peak {top / 1e6:7.1f} MB")
        print("  records growing with the units (11 months each, less the missing ones):")
        for units in (1000, 10_000):
            top, seen = peak(plan, stream(units, numbered=False, make=make))
            print(f"  {seen:>10,} records, {units:>6} units: peak {top / 1e6:7.1f} MB,"
                  f" {top / units:,.0f} bytes per unit")
    except Exception as exc:
        print(f"  library raised {type(exc).__name__}: {exc}"[:300])
        return False
    return True


def validate_time() -> bool:
    exe = Path(sys.executable).with_name("emulation-rules")
    plans = sorted(glob.glob(str(PLANS / "*.yaml")))
    times = []
    for _ in range(5):
        start = time.perf_counter()
        done = subprocess.run([str(exe), "validate", *plans], capture_output=True, check=False)
        times.append(time.perf_counter() - start)
        if done.returncode:
            print(f"\nvalidate plans/*.yaml failed (exit {done.returncode}): "
                  f"{done.stderr.decode(errors='replace')[-300:]}")
            return False
    print(f"\nvalidate plans/*.yaml ({len(plans)} files), whole process, best of 5: "
          f"{min(times):.3f} s (median {sorted(times)[2]:.3f} s)")
    return True


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--quick", action="store_true", help="10k and 100k records only")
    ap.add_argument("--check", action="store_true",
                    help="only the self-check: floors against the slow reference")
    ap.add_argument("--check-units", type=int, default=None, metavar="U",
                    help="units in the self-check data (default 4000 with --check, else 1000)")
    ap.add_argument("--seed", type=int, default=7, help="seed of the self-check data")
    ap.add_argument("--repeat", type=int, default=3, metavar="R",
                    help="time each side R times, alternating, and keep the best (default 3)")
    args = ap.parse_args()
    print(f"machine: {platform.machine()}, {platform.python_implementation()} "
          f"{platform.python_version()}, {platform.system()}, {os.cpu_count()} cpu(s)")
    make = record_type()
    try:
        plan = er.load_plan("kon_plong")
    except Exception as exc:
        print(f"er.load_plan('kon_plong') raised {type(exc).__name__}: {exc}"[:300])
        plan = None

    check_units = args.check_units or (4000 if args.check else 1000)
    floor_ok, lib_ok = self_check(check_units, args.seed, make, plan)
    if args.check or not floor_ok:
        if not floor_ok:
            print("a floor disagrees with the reference, or the data missed a case: "
                  "not timing")
        return 0 if floor_ok and lib_ok else 1

    print()
    sizes = [10_000, 100_000] if args.quick else [10_000, 100_000, 1_000_000]
    lib_ok &= benchmark(sizes, args.repeat, make, plan)
    if plan is not None:
        lib_ok &= memory(plan, make)
    lib_ok &= validate_time()
    return 0 if lib_ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
