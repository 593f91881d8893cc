"""Benchmark: the library's evaluator against hand-written Python doing the same work.

    python benchmarks/bench.py            # 10k, 100k and 1M records (a few minutes)
    python benchmarks/bench.py --quick    # 10k and 100k

In one process: generate N unit-month records for the kon_plong plan, evaluate them with
``emulation_rules.evaluate`` and with ``benchmarks/handwritten.py`` (which does not import the
library), check that both give the same verdict for every unit x window x criterion, and print
records per second and the ratio library / hand-written. Each side is timed ``--repeat`` times,
alternating, and the best time of each is reported (the machine's noise only ever adds time).

A separate pass measures peak memory (tracemalloc) of an evaluation that streams its records
from a generator: first with the number of units fixed while the records grow (the rows beyond
each unit's 11 months are months before the campaign, which the evaluator counts per period and
does not keep), then per unit. Last, it times ``emulation-rules validate plans/*.yaml`` as a
whole process (cold start). Figures are recorded in docs/performance.md, never asserted in tests.
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
import tracemalloc
from collections.abc import Iterator, Sequence
from datetime import date
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent / "src"))

import handwritten  # noqa: E402

import emulation_rules as er  # noqa: E402
from emulation_rules.evaluation import Record  # noqa: E402

MONTHS = handwritten.PHASE_MONTHS["campaign"]


def records(n: int, seed: int = 1) -> list[Record]:
    return list(stream(max(1, n // len(MONTHS)), seed))[:n]


def stream(units: int, seed: int = 1, months: Sequence[str] = MONTHS) -> Iterator[Record]:
    """Each unit's records for ``months``, generated one at a time."""
    rng = random.Random(seed)
    for u in range(units):
        for month in months:
            tips = rng.randint(0, 20)
            inc = rng.randint(0, 3)
            calls = rng.randint(0, 2)
            recs = rng.randint(0, 100)
            members = rng.randint(3, 6)
            yield Record(f"u{u:07d}", month, {
                "tips_total": tips, "tips_via_force": rng.randint(0, tips),
                "incidents_total": inc, "incidents_force_present": inc - (rng.random() < .05),
                "models_recognised": int(rng.random() < .3), "rescue_callouts": calls,
                "rescue_callouts_present": calls, "conditional_business_violations": 0,
                "household_records_total": recs,
                "household_records_provided": rng.randint(recs * 8 // 10, recs),
                "illegal_weapons_cases": int(rng.random() < .01), "reoffences": 0,
                "serious_traffic_accidents": 0, "force_members": members,
                "force_members_patrolling": members - (rng.random() < .1),
                "good_deeds": rng.randint(0, 2), "members_commended": int(rng.random() < .2),
            })


def months_before(count: int) -> list[str]:
    """``count`` months ending just before the campaign's first month (2024-10)."""
    index = 2024 * 12 + 9 - count
    return [f"{(index + i) // 12:04d}-{(index + i) % 12 + 1:02d}" for i in range(count)]


def library(plan: er.Plan, recs: list[Record]) -> dict[tuple[str, str, str], str]:
    ev = er.evaluate(plan, recs, issued=date(2024, 10, 15), as_of=date(2025, 9, 1))
    return {(r.unit, r.window, c.criterion): c.verdict for r in ev.results for c in r.criteria}


def timed(fn, *args):  # type: ignore[no-untyped-def]
    gc.collect()
    start = time.perf_counter()
    result = fn(*args)
    return result, time.perf_counter() - start


def peak(plan: er.Plan, recs: Iterator[Record]) -> int:
    """Peak bytes allocated while evaluating records streamed from ``recs``."""
    gc.collect()
    tracemalloc.start()
    ev = er.evaluate(plan, recs, issued=date(2024, 10, 15), as_of=date(2025, 9, 1))
    _, top = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    del ev
    return top


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--quick", action="store_true", help="10k and 100k records only")
    ap.add_argument("--repeat", type=int, default=3, metavar="R",
                    help="time each side R times, alternating, and keep the best (default 3)")
    args = ap.parse_args()
    sizes = [10_000, 100_000] if args.quick else [10_000, 100_000, 1_000_000]
    plan = er.load_plan("kon_plong")
    print(f"machine: {platform.machine()}, {platform.python_implementation()} "
          f"{platform.python_version()}, {platform.system()}, {os.cpu_count()} cpu(s)")
    print(f"timing: best of {args.repeat} per side, alternating")
    print(f"{'records':>10} {'units':>8} {'library rec/s':>14} {'hand rec/s':>12} "
          f"{'ratio':>6}  agree")
    for n in sizes:
        recs = records(n)
        t_lib = t_hand = float("inf")
        for _ in range(args.repeat):
            lib, t = timed(library, plan, recs)
            t_lib = min(t_lib, t)
            hand, t = timed(handwritten.evaluate, recs)
            t_hand = min(t_hand, t)
        agree = lib == hand
        print(f"{len(recs):>10} {len(recs) // len(MONTHS):>8} {len(recs) / t_lib:>14,.0f} "
              f"{len(recs) / t_hand:>12,.0f} {t_lib / t_hand:>6.2f}  {agree}")
        if not agree:
            diff = [k for k in lib.keys() | hand.keys() if lib.get(k) != hand.get(k)][:5]
            print("  disagreement, e.g.:", [(k, lib.get(k), hand.get(k)) for k in diff])
            return 1
        del recs, lib, hand

    print("\npeak memory of evaluate (tracemalloc), records streamed from a generator:")
    print("  units fixed at 1000, records growing (rows before the campaign counted, not kept):")
    for per_unit in (11, 110, 1100):
        months = months_before(per_unit - len(MONTHS)) + list(MONTHS)
        top = peak(plan, stream(1000, months=months))
        print(f"  {1000 * per_unit:>10,} records, {1000:>6} units: peak {top / 1e6:7.1f} MB")
    print("  records growing with the units (11 months each):")
    for units in (1000, 10_000):
        top = peak(plan, stream(units))
        print(f"  {units * len(MONTHS):>10,} records, {units:>6} units: peak {top / 1e6:7.1f} MB,"
              f" {top / units:,.0f} bytes per unit")

    exe = Path(sys.executable).with_name("emulation-rules")
    plans = sorted(glob.glob(str(HERE.parent / "plans" / "*.yaml")))
    times = []
    for _ in range(5):
        start = time.perf_counter()
        subprocess.run([str(exe), "validate", *plans], capture_output=True, check=True)
        times.append(time.perf_counter() - start)
    print(f"\nvalidate plans/*.yaml ({len(plans)} files), whole process, best of 5: "
          f"{min(times):.3f} s (median {sorted(times)[2]:.3f} s)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
