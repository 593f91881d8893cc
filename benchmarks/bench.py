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
from typing import Any

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


def reference(recs: Iterable[Any], criteria: list[tuple[str, list[Target]]],
              stats: Counter[str]) -> tuple[Verdicts, Verdicts]:
    """(unit, window, criterion) -> verdict and (unit, window, target) -> verdict."""
    rows: dict[str, dict[str, Mapping[str, int | None]]] = {}
    for rec in recs:
        if rec.period in MONTHS:
            rows.setdefault(rec.unit, {})[rec.period] = rec.values
    by_criterion: Verdicts = {}
    by_target: Verdicts = {}
    for unit, months_of_unit in rows.items():
        def cell(month: str, metric: str, rows_: Mapping[str, Mapping[str, int | None]]
                 = months_of_unit) -> int | None:
            row = rows_.get(month)
            return None if row is None else row[metric]
        for window in WINDOWS:
            for crit, targets in criteria:
                verdicts = []
                for target in targets:
                    v = ref_target(target, WINDOW_MONTHS[window], cell, stats)
                    by_target[(unit, window, target["id"])] = v
                    verdicts.append(v)
                by_criterion[(unit, window, crit)] = kleene_and(verdicts)
    return by_criterion, by_target


# ---------------------------------------------------------------------------------------------
# Self-check data and comparison


def check_records(units: int, seed: int, criteria: list[tuple[str, list[Target]]],
                  make: Callable[..., Any]) -> list[Any]:
    """Small random data with every pair kind, missing months, zero denominators, rows outside
    the windows. Half the units vary one target only (the others pass, all cells known)."""
    rng = random.Random(seed)
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

    recs = []
    for u in range(units):
        unit = f"c{u:05d}"
        focus = rng.choice(targets) if u % 2 else None
        missing = 0.0 if focus else rng.choice([0.0, 0.1, 0.3])
        blank = rng.choice([0.1, 0.3, 0.6]) if focus else rng.choice([0.0, 0.05, 0.2, 0.5])
        violation = rng.choice([0.02, 0.1, 0.4])
        present = [m for m in MONTHS if rng.random() >= missing] or [rng.choice(MONTHS)]
        outside = [m for m in OUTSIDE if rng.random() < 0.2]
        for month in [*present, *outside]:
            values: dict[str, int | None] = {}
            for t in targets:
                if focus is None or t is focus or month in OUTSIDE:
                    cells: dict[str, int | None] = dict(varied(t, violation))
                    for name in cells:
                        if rng.random() < blank:
                            cells[name] = None
                else:
                    cells = dict(passing(t))
                values.update(cells)
            recs.append(make(unit, month, values))
    rng.shuffle(recs)
    return recs


def diff(a: Verdicts, b: Verdicts) -> list[tuple[Key, str | None, str | None]]:
    return sorted((k, a.get(k), b.get(k)) for k in a.keys() | b.keys() if a.get(k) != b.get(k))


def self_check(units: int, seed: int, make: Callable[..., Any], plan: Any) -> tuple[bool, bool]:
    """Floor against the reference (and the library against the reference, reported).
    Returns (floor agreed, library agreed)."""
    criteria = plan_criteria()
    assert tuple(c for c, _ in criteria) == handwritten.CRITERIA, criteria
    recs = check_records(units, seed, criteria, make)
    stats: Counter[str] = Counter()
    ref, ref_targets = reference(recs, criteria, stats)
    floor = expand(handwritten.evaluate(recs))
    bad = diff(ref, floor)
    print(f"self-check: {len(recs):,} records, {units:,} units (seed {seed}); floor vs reference: "
          f"{len(ref):,} unit x window x criterion verdicts compared, {len(bad)} disagree")
    for k, r, f in bad[:10]:
        print(f"  {k}: reference {r}, floor {f}")
    per_target = Counter((k[2], v) for k, v in ref_targets.items())
    names = sorted({k[2] for k in ref_targets}, key=[t["id"] for _, ts in criteria
                                                      for t in ts].index)
    never = [(t, v) for t in names for v in ("met", "not_met", "unknown") if not per_target[t, v]]
    print("  reference target verdicts (met / not_met / unknown):")
    for t in names:
        print(f"    {t:<24} {per_target[t, 'met']:>6} {per_target[t, 'not_met']:>6} "
              f"{per_target[t, 'unknown']:>6}")
    print("  cases seen:")
    for case, n in sorted(stats.items()):
        print(f"    {case}: {n:,}")
    kinds_missing = [k for k in ("FIXED", "A", "B", "C") if not stats[f"pair {k}"]]
    if never or kinds_missing:
        print(f"  coverage gap: verdicts never seen {never}, pair kinds never seen {kinds_missing}")
    floor_ok = not bad and not never and not kinds_missing

    lib_ok = False
    try:
        lib = by_criterion(library(plan, recs)[1])
    except Exception:
        print("  library vs reference: the library raised:")
        traceback.print_exc(limit=3, file=sys.stdout)
    else:
        lib_bad = diff(ref, lib)
        print(f"  library vs reference: {len(ref):,} verdicts compared, {len(lib_bad)} disagree")
        for k, r, got in lib_bad[:10]:
            print(f"    {k}: reference {r}, library {got}")
        lib_ok = not lib_bad
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
    """Time both sides; True if the library ran and agreed at every size."""
    print(f"timing: best of {repeat} per side, alternating")
    print(f"{'records':>10} {'units':>8} {'library rec/s':>14} {'floor rec/s':>12} "
          f"{'ratio':>6}  agreement (library vs floor)")
    all_ok = True
    for n in sizes:
        recs = records(n, make)
        units = len({r.unit for r in recs})
        t_lib = t_floor = float("inf")
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
            floor, t = timed(handwritten.evaluate, recs)
            t_floor = min(t_floor, t)
        if ev is None or lib_error:
            lib_rate, ratio = "-", "-"
            verdict = lib_error or "library not loaded"
            all_ok = False
        else:
            lib_rate, ratio = f"{len(recs) / t_lib:,.0f}", f"{t_lib / t_floor:.2f}"
            floor_verdicts = expand(floor)
            bad = diff(by_criterion(ev), floor_verdicts)
            verdict = f"{len(floor_verdicts):,} compared, {len(bad):,} disagree"
            if bad:
                all_ok = False
                verdict += ", e.g. " + ", ".join(f"{k}: library {a}, floor {b}"
                                                 for k, a, b in bad[:3])
        print(f"{len(recs):>10} {units:>8} {lib_rate:>14} {len(recs) / t_floor:>12,.0f} "
              f"{ratio:>6}  {verdict}")
        del recs, ev, floor
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
                    help="only the self-check: floor against the slow reference")
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
            print("the floor disagrees with the reference: not timing it")
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
