"""Properties of the scoring rules over the five shipped plans and generated inputs."""

from __future__ import annotations

from datetime import date
from fractions import Fraction
from pathlib import Path
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

import emulation_rules as er
from emulation_rules.criteria import compile_condition
from emulation_rules.evaluation import Record, evaluate
from emulation_rules.inputs import read_metrics
from emulation_rules.model import CountCondition, RatioCondition

from ..conftest import LOCALITIES

PLANS = {p: er.load_plan(p) for p in LOCALITIES}
TARGETS = [(p, c.id, t) for p, plan in PLANS.items() for c in plan.criteria for t in c.targets]
RATIOS = [x for x in TARGETS if isinstance(x[2].condition, RatioCondition)]
COUNTS = [x for x in TARGETS if isinstance(x[2].condition, CountCondition)]
HOLDS = {"gt": lambda a, b: a > b, "gte": lambda a, b: a >= b, "eq": lambda a, b: a == b,
         "lte": lambda a, b: a <= b, "lt": lambda a, b: a < b}


@given(target=st.sampled_from(RATIOS), scale=st.integers(1, 1000), step=st.integers(-1, 1))
def test_ratio_boundaries_from_each_declared_threshold(target: Any, scale: int,
                                                       step: int) -> None:
    """GLOSSARY comparators: "trên N%" is gt, "từ N% trở lên" / a bare N% / "100%" are gte.
    The share just below, at, and just above each plan's declared threshold."""
    _, _, t = target
    cond = t.condition
    threshold = Fraction(str(cond.threshold))
    den = threshold.denominator * scale
    num = threshold.numerator * scale + step
    if num < 0 or num > den:
        return
    outcome = compile_condition(cond)({cond.numerator: num, cond.denominator: den})
    expected = HOLDS[cond.comparator](Fraction(num, den), threshold)
    assert outcome.verdict == ("met" if expected else "not_met")


@given(target=st.sampled_from(RATIOS))
def test_empty_denominator_takes_the_declared_verdict(target: Any) -> None:
    """A ratio with no cases takes exactly the plan's declared when_no_cases."""
    _, _, t = target
    cond = t.condition
    outcome = compile_condition(cond)({cond.numerator: 0, cond.denominator: 0})
    assert outcome.verdict == cond.when_no_cases.verdict and outcome.no_cases


@given(target=st.sampled_from(COUNTS), step=st.integers(-1, 1))
def test_count_boundaries(target: Any, step: int) -> None:
    """"ít nhất 01" is gte 1, "không để xảy ra" is eq 0: below, at and above the threshold."""
    _, _, t = target
    cond = t.condition
    value = cond.threshold + step
    if value < 0:
        return
    outcome = compile_condition(cond)({cond.metric: value})
    assert outcome.verdict == ("met" if HOLDS[cond.comparator](value, cond.threshold)
                               else "not_met")


METRIC_NAMES = sorted({m for _, _, t in TARGETS for m in (
    [t.condition.metric] if isinstance(t.condition, CountCondition) else
    [t.condition.numerator, t.condition.denominator] if isinstance(t.condition, RatioCondition)
    else [c.metric for c in t.condition.any_of])})


@st.composite
def unit_rows(draw: st.DrawFn, months: list[str]) -> list[Record]:
    rows = []
    for unit in ("a", "b"):
        for month in months:
            if draw(st.booleans()) and draw(st.booleans()):
                continue  # sometimes a month is missing
            values: dict[str, int | None] = {}
            for m in METRIC_NAMES:
                values[m] = draw(st.one_of(st.none(), st.integers(0, 5)))
            for num, den in (("tips_via_force", "tips_total"),
                             ("incidents_force_present", "incidents_total"),
                             ("rescue_callouts_present", "rescue_callouts"),
                             ("household_records_provided", "household_records_total"),
                             ("force_members_patrolling", "force_members"),
                             ("tasks_completed", "tasks_assigned")):
                if values[num] is not None and values[den] is not None:
                    values[num] = min(values[num], values[den])  # type: ignore[type-var]
            rows.append(Record(unit, month, values))
    return rows


@given(data=st.data(), plan_id=st.sampled_from(["kon_plong", "bac_giang", "ninh_thuan",
                                                "tuyen_quang"]))
def test_exactly_one_verdict_per_criterion_and_scores_in_bounds(data: st.DataObject,
                                                                 plan_id: str) -> None:
    """Sections 4.1-4.7 of the four phased plans: every unit and window gets exactly one
    verdict per criterion (met, not_met or unknown), and a score between 0 and the maximum of
    the plan's declared scoring points (local policy)."""
    plan = PLANS[plan_id]
    tl = plan.timeline(date(2024, 11, 5))
    months = [m for p in tl.phases for m in tl.months_of_phase(p.id)]
    rows = data.draw(unit_rows(months))
    ev = evaluate(plan, rows, issued=date(2024, 11, 5), as_of=date(2025, 9, 1))
    criteria = [c.id for c in plan.criteria]
    for res in ev.results:
        assert [c.criterion for c in res.criteria] == criteria
        assert all(c.verdict in {"met", "not_met", "unknown"} for c in res.criteria)
    units = [er.UnitInfo(u, u, "commune", "b1") for u in sorted({r.unit for r in rows})]
    from emulation_rules.awards import standings

    points = plan.scoring.points if plan.scoring else {}
    maximum = sum(points.get(c, 1) for c in criteria) * len(tl.phases)
    for s in standings(plan, ev, tuple(p.id for p in tl.phases), units):
        assert 0 <= s.score <= maximum


@given(data=st.data())
def test_a_plan_extending_another_without_overrides_evaluates_like_it(
        data: st.DataObject, tmp_path_factory: Any) -> None:
    """Kon Plông's 4.1-4.7 through inheritance: `extends: kon_plong` alone adds nothing, so it
    evaluates exactly like Kon Plông."""
    folder = tmp_path_factory.mktemp("ext")
    path = Path(folder) / "same_as_kp.yaml"
    path.write_text("id: same_as_kp\nextends: kon_plong\n", encoding="utf-8")
    child = er.load_plan(path)
    base = PLANS["kon_plong"]
    tl = base.timeline(date(2024, 11, 5))
    months = [m for p in tl.phases for m in tl.months_of_phase(p.id)]
    rows = data.draw(unit_rows(months))
    kw: dict[str, Any] = {"issued": date(2024, 11, 5), "as_of": date(2025, 9, 1)}
    assert evaluate(child, rows, **kw).results == evaluate(base, rows, **kw).results


MUTATIONS = st.lists(st.tuples(st.integers(0, 400), st.sampled_from(
    [b",", b"\n", b'"', b"-1", b"x", b"\xff", b"", b"2024-13", b"\r\n", b";", b"99999999999999"])),
    min_size=1, max_size=6)
KNOWN = {"duplicate-row", "contradictory-counts", "invalid-count", "invalid-period",
         "missing-value", "unknown-column", "row-shape", "csv-syntax", "encoding",
         "duplicate-column", "empty-file", "invalid-value"}


@given(mutations=MUTATIONS)
def test_damaged_metrics_files_give_issues_with_known_codes(tmp_path_factory: Any,
                                                            mutations: list[Any]) -> None:
    """Kon Plông 4.1 and 4.7's columns (tips, good deeds) as a spreadsheet gives them: any
    damage gives located issues, never an exception, and every row is used or rejected."""
    base = (b"unit,period,tips_total,tips_via_force,good_deeds\n"
            b"xa,2024-11,10,8,1\nxa,2024-12,5,5,0\nto1,2024-11,,,2\n")
    content = bytearray(base)
    for pos, chunk in mutations:
        pos = min(pos, len(content))
        content[pos:pos + 1] = chunk
    path = Path(tmp_path_factory.mktemp("m")) / "m.csv"
    path.write_bytes(bytes(content))
    read = read_metrics(path, PLANS["kon_plong"])
    assert {i.code for i in read.rejected + read.warnings} <= KNOWN
    rejected_rows = {i.location.line for i in read.rejected if i.location.line > 1}
    assert len(read.records) + len(rejected_rows) >= read.rows_total - 1 or not read.records
