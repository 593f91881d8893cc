"""The generated kernel and the explaining closures decide alike, for every plan and input.

The evaluator computes each criterion's verdict with the plan's generated kernel and explains it
with the closures of ``criteria.py`` only when asked; these properties hold the two to the same
verdict over the shipped plans, over generated variants of them (comparators, thresholds,
``when_no_cases`` and ``per`` varied), with and without a units tree.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

import emulation_rules as er
from emulation_rules.diffing import plan_data
from emulation_rules.evaluation import Record, evaluate
from emulation_rules.model import Plan

from ..conftest import LOCALITIES
from .strategies import plan_variants

PHASED = [p for p in LOCALITIES if p != "phuong_tien"]
BASES = {p: plan_data(er.load_plan(p)) for p in PHASED}
ISSUED = date(2024, 11, 5)
AS_OF = date(2025, 9, 1)


def _combined(verdicts: list[str]) -> str:
    return "not_met" if "not_met" in verdicts else "unknown" if "unknown" in verdicts else "met"


def _metrics(plan: Plan) -> list[str]:
    from emulation_rules.criteria import metrics_of

    return sorted({m for c in plan.criteria for t in c.targets for m in metrics_of(t.condition)})


@st.composite
def rows_for(draw: st.DrawFn, plan: Plan, units: list[str]) -> list[Record]:
    tl = plan.timeline(ISSUED)
    months = [m for p in tl.phases for m in tl.months_of_phase(p.id)]
    metrics = _metrics(plan)
    rows = []
    for unit in units:
        for month in months:
            if draw(st.integers(0, 5)) == 0:
                continue  # a missing month now and then
            rows.append(Record(unit, month, {m: draw(st.one_of(
                st.none(), st.integers(0, 4))) if draw(st.integers(0, 9)) == 0 else
                draw(st.integers(0, 4)) for m in metrics}))
    return rows


def _check_agreement(ev: Any) -> int:
    checked = 0
    for res in ev.results:
        for crit in res.criteria:
            assert crit.verdict == _combined([t.verdict for t in crit.targets]), (
                res.unit, res.window, crit.criterion)
            checked += 1
    return checked


@given(data=st.data(), plan_id=st.sampled_from(PHASED))
def test_kernel_verdicts_equal_the_closures_over_shipped_plans(data: st.DataObject,
                                                               plan_id: str) -> None:
    """Every criterion's verdict (kernel) is the all-of its targets' verdicts (closures): the
    rules of docs/evaluation.md (sums, exact ratios, missing months, per-month targets) decided
    the same way by both paths, for each of the four phased plans."""
    plan = er.load_plan(plan_id)
    rows = data.draw(rows_for(plan, ["a", "b"]))
    assert _check_agreement(evaluate(plan, rows, issued=ISSUED, as_of=AS_OF)) or not rows


@given(data=st.data())
def test_kernel_verdicts_equal_the_closures_over_generated_plans(data: st.DataObject) -> None:
    """The same agreement over generated variants: comparators, thresholds, when_no_cases
    verdicts and per-month targets varied within their valid domains."""
    plan = Plan.model_validate(data.draw(plan_variants(BASES[data.draw(st.sampled_from(
        PHASED))])))
    rows = data.draw(rows_for(plan, ["a"]))
    _check_agreement(evaluate(plan, rows, issued=ISSUED, as_of=AS_OF))


@given(data=st.data(), plan_id=st.sampled_from(PHASED))
def test_kernel_agrees_with_a_units_tree(data: st.DataObject, plan_id: str) -> None:
    """With a units tree, each kind of unit gets its own kernel (only the targets of its level)
    and a commune's targets sum its teams' counts: still the same verdicts as the closures."""
    plan = er.load_plan(plan_id)
    units = [er.UnitInfo("xa", "Xã", "commune", "b1"),
             er.UnitInfo("to1", "Tổ 1", "team", "b1", "xa"),
             er.UnitInfo("to2", "Tổ 2", "team", "b1", "xa")]
    rows = data.draw(rows_for(plan, ["xa", "to1", "to2"]))
    ev = evaluate(plan, rows, units=units, issued=ISSUED, as_of=AS_OF)
    _check_agreement(ev)
    for res in ev.results:
        kind = {u.id: u.kind for u in units}[res.unit]
        assert all(t.level == kind for c in res.criteria for t in c.targets)
