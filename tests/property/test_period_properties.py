"""Monthly rows against the same counts given as fewer, longer periods.

docs/evaluation.md: over a window "counts are summed over its months before comparing; a ratio
is the sum of numerators over the sum of denominators". So where a plan sums, it cannot matter
whether a unit reports month by month or in longer periods (``2024-10..2024-12``, a quarter)
lying inside one phase, when every cell is known. A per-month target ("mỗi tháng", Kon Plông
4.7) is the exception: a longer period has no value for each of its months, which then count as
missing.

Issue 10 (verdicts decided by bounds): a blank in a longer period blanks the sum of all its
months, so the longer rows know less than the monthly ones. With blanks the verdicts are no
longer equal; the invariant is that knowing more never changes a decided verdict: what the
longer rows decide, the monthly rows decide the same way.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

import emulation_rules as er
from emulation_rules.conditions import reads_of
from emulation_rules.evaluation import evaluate, ratio_pairs
from emulation_rules.model import Plan, plan_data
from emulation_rules.records import Record, months_of_period
from emulation_rules.timelines import timeline
from emulation_rules.vocabulary import METRICS

from ..conftest import LOCALITIES
from .strategies import plan_variants

PHASED = [p for p in LOCALITIES if p != "phuong_tien"]
BASES = {p: plan_data(er.load_plan(p)) for p in PHASED}
ISSUED = date(2024, 11, 5)
AS_OF = date(2025, 9, 1)


@st.composite
def monthly_and_merged(draw: st.DrawFn, plan: Plan, blanks: bool = True
                       ) -> tuple[list[Record], list[Record]]:
    """A unit's monthly rows, and the same counts with runs of consecutive months of a phase
    merged into one row each (values summed; a missing value makes the sum missing). Without
    ``blanks`` every cell of a row is known (months may still have no row)."""
    tl = timeline(plan, issued=ISSUED)
    metrics = sorted({m for c in plan.criteria for t in c.targets
                      for m in reads_of(t.condition) if m in METRICS})
    pairs = ratio_pairs(plan)
    monthly: list[Record] = []
    merged: list[Record] = []
    for phase in tl.phases:
        run: list[tuple[str, dict[str, int | None]]] = []

        def flush(run: list[tuple[str, dict[str, int | None]]]) -> None:
            if not run:
                return
            months = [m for m, _ in run]
            period = months[0] if len(months) == 1 else f"{months[0]}..{months[-1]}"
            values: dict[str, int | None] = {}
            for metric in metrics:
                got = [v[metric] for _, v in run]
                values[metric] = None if None in got else sum(got)  # type: ignore[arg-type]
            merged.append(Record("a", period, values))
            run.clear()

        for month in tl.months_of_phase(phase.id):
            if draw(st.integers(0, 7)) == 0:  # a month with no row breaks the run
                flush(run)
                continue
            values = {m: draw(st.integers(0, 6)) if not blanks or draw(st.integers(0, 12))
                      else None for m in metrics}
            for num, den in pairs:  # issue 10: every row is checked, a part never over its whole
                n, d = values[num], values[den]
                if n is not None and d is not None and n > d:
                    values[num] = d
            monthly.append(Record("a", month, values))
            if draw(st.booleans()):
                flush(run)  # a new longer period starts here
            run.append((month, values))
        flush(run)
    return monthly, merged


def _summed_verdicts(plan: Plan, records: list[Record]) -> dict[tuple[str, str], Any]:
    summed = {c.id for c in plan.criteria if all(t.per == "total" for t in c.targets)}
    ev = evaluate(plan, records, issued=ISSUED, as_of=AS_OF)
    assert ev.outside == () and ev.rejected == ()
    assert ev.rows_used == ev.rows_total == len(records)
    return {(r.window, c.criterion): (c.verdict, [(t.verdict, t.observed) for t in c.targets])
            for r in ev.results for c in r.criteria if c.criterion in summed}


def _assert_same_or_refined(plan: Plan, monthly: list[Record], merged: list[Record],
                            blanks: bool) -> None:
    """Every cell known: the same verdicts and observed values. With blanks: every target the
    longer rows decide, the monthly rows decide the same way (they know at least as much)."""
    fine, coarse = _summed_verdicts(plan, monthly), _summed_verdicts(plan, merged)
    assert fine.keys() == coarse.keys()
    if not blanks:
        assert coarse == fine
        return
    for key, (verdict, targets) in coarse.items():
        if verdict != "unknown":
            assert fine[key][0] == verdict, key
        for (coarse_verdict, _), (fine_verdict, _) in zip(targets, fine[key][1], strict=True):
            if coarse_verdict != "unknown":
                assert fine_verdict == coarse_verdict, key


@given(data=st.data(), plan_id=st.sampled_from(PHASED), blanks=st.booleans())
def test_summed_verdicts_do_not_depend_on_the_length_of_periods(data: st.DataObject,
                                                                 plan_id: str,
                                                                 blanks: bool) -> None:
    """Sections 4.1-4.6 of the four phased plans (summed over each phase and the campaign):
    the same verdicts and observed values from monthly rows and from longer periods when every
    cell is known; with blanks, the longer rows' decided verdicts are the monthly rows' too
    (issue 10: verdicts decided by bounds, a blank in a longer row blanks all its months)."""
    plan = er.load_plan(plan_id)
    monthly, merged = data.draw(monthly_and_merged(plan, blanks))
    _assert_same_or_refined(plan, monthly, merged, blanks)


@given(data=st.data(), blanks=st.booleans())
def test_the_same_over_generated_plans(data: st.DataObject, blanks: bool) -> None:
    """Over generated variants (comparators, thresholds, when_no_cases varied): the same
    invariant for every criterion whose targets all sum."""
    plan = Plan.model_validate(data.draw(plan_variants(BASES[data.draw(st.sampled_from(
        PHASED))])))
    monthly, merged = data.draw(monthly_and_merged(plan, blanks))
    _assert_same_or_refined(plan, monthly, merged, blanks)


@given(data=st.data())
def test_a_per_month_target_treats_a_longer_period_as_missing_months(data: st.DataObject
                                                                     ) -> None:
    """Kon Plông 4.7 "mỗi tháng": a longer period has no value for each month, so a
    per-month target never reads it as met; its months are listed as missing."""
    plan = er.load_plan("kon_plong")
    _, merged = data.draw(monthly_and_merged(plan))
    spans = [r for r in merged if ".." in r.period]
    ev = evaluate(plan, merged, issued=ISSUED, as_of=AS_OF)
    for res in ev.results:
        (good_image,) = [c for c in res.criteria if c.criterion == "good_image"]
        (target,) = good_image.targets
        covered = {m for r in spans for m in months_of_period(r.period)
                   if m in target.periods}
        assert covered <= set(target.missing_periods)
        if covered:
            assert good_image.verdict != "met"
