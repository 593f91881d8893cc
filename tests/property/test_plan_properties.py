"""Properties of plans: dump and load round-trip, and model and schema agree, over generated
variants of the five shipped plans."""

from __future__ import annotations

import json
from typing import Any

import jsonschema
from hypothesis import given
from hypothesis import strategies as st

import emulation_rules as er
from emulation_rules import _yaml
from emulation_rules.model import Plan, plan_data
from emulation_rules.timelines import timeline

from ..conftest import LOCALITIES, ROOT
from .strategies import plan_variants

BASES = {p: plan_data(er.load_plan(p)) for p in LOCALITIES}
VALIDATOR = jsonschema.Draft7Validator(
    json.loads((ROOT / "schemas" / "plan.schema.json").read_text(encoding="utf-8")),
    format_checker=jsonschema.FormatChecker())


@st.composite
def variants(draw: st.DrawFn) -> dict[str, Any]:
    return draw(plan_variants(BASES[draw(st.sampled_from(LOCALITIES))]))


@given(data=variants())
def test_dump_then_load_gives_the_same_plan(data: dict[str, Any]) -> None:
    """load(dump(plan)) == plan: the YAML the tool writes reads back to the same plan, with
    YAML 1.1 pitfalls (dates, "no", octal) neutralised both ways."""
    plan = Plan.model_validate(data)
    doc, issues = _yaml.parse(_yaml.dump(plan_data(plan)))
    assert issues == []
    assert Plan.model_validate(doc.data) == plan


@given(data=variants())
def test_a_generated_valid_plan_passes_model_and_committed_schema(data: dict[str, Any]) -> None:
    """Every shipped plan's dates, comparators, thresholds and when_no_cases rules, varied
    within their domains: what the pydantic model accepts, the committed JSON Schema accepts."""
    plan = Plan.model_validate(data)
    assert list(VALIDATOR.iter_errors(plan_data(plan))) == []
    assert list(VALIDATOR.iter_errors(data)) == []


@given(data=variants(), good=st.booleans())
def test_generated_plans_evaluate_with_one_verdict_per_criterion(data: dict[str, Any],
                                                                 good: bool) -> None:
    """The shipped plans' criteria (III of Phượng Tiến, 4.1-4.7 of the others) over generated
    variants: every unit and window gets one verdict per criterion.
    Issue 10: the evaluator evaluates exactly the timeline's windows (phases then the campaign,
    or years then the stage), and a row for any month of the campaign window (or any year up to
    the as-of date) is evaluated."""
    from datetime import date

    plan = Plan.model_validate(data)
    issued = date(2024, 11, 5) if plan.needs_issue_date else None
    as_of = date(2027, 12, 31)
    tl = timeline(plan, issued=issued, as_of=as_of)
    campaign = tl.window("campaign")
    periods = (list(campaign.months) if campaign is not None else
               [w.id.removeprefix("year:") for w in tl.windows if w.kind == "year"
                and w.complete(as_of)])  # rows after the as-of date are not evaluated
    value = 1 if good else 0
    records = [er.Record("u1", p, {"good_deeds": value, "tips_total": 5,
                                   "tips_via_force": 5 * value}) for p in periods]
    ev = er.evaluate(plan, records, issued=issued, as_of=as_of)
    assert ev.windows == tuple(w.id for w in tl.windows)
    assert ev.rows_used == ev.rows_total == len(records) and ev.rejected == ()
    assert {r.window for r in ev.results} == set(ev.windows)
    for res in ev.results:
        names = [c.criterion for c in res.criteria]
        assert len(names) == len(set(names))
        assert all(c.verdict in {"met", "not_met", "unknown"} for c in res.criteria)
