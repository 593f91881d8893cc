"""The whole evaluator, decided despite gaps, both ways (issue 10's two-sided property).

For random data of a shipped plan (a commune with teams, so that area targets sum team rows,
and a per-month team target), random cells blanked and random unit-months deleted: every
verdict ``evaluate`` decides with those cells unknown equals the verdict of the same data
completed, whether the completion is the original data, an extreme one (parts 0 and wholes huge;
parts equal to huge wholes) or a random one. And for a single count or ratio target left
unknown, the completions built from its explanation (the extremes) give two different verdicts.
"""

from __future__ import annotations

import random
from datetime import date
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

import emulation_rules as er
from emulation_rules.evaluation import ratio_pairs
from emulation_rules.results import Evaluation

PLANS = {p: er.load_plan(p) for p in ("kon_plong", "bac_giang")}
ISSUED = {"kon_plong": date(2024, 10, 15), "bac_giang": date(2024, 9, 1)}
AS_OF = date(2025, 9, 30)
UNITS = [er.UnitInfo("c1", "", "commune"), er.UnitInfo("t1", "", "team", parent="c1"),
         er.UnitInfo("t2", "", "team", parent="c1")]
COMMUNE = ("tips_total", "tips_via_force", "incidents_total", "incidents_force_present",
           "models_recognised", "mass_models_commended_replicated", "rescue_callouts",
           "rescue_callouts_present", "conditional_business_violations",
           "household_records_total", "household_records_provided", "illegal_weapons_cases",
           "reoffences", "serious_traffic_accidents")
TEAM = ("force_members", "force_members_patrolling", "good_deeds", "members_commended")
BIG = 10**6
Cell = tuple[str, str, str]  # unit, month, metric


def _pairs(plan_id: str) -> dict[str, str]:
    """part -> whole, and whole -> part, of the plan's ratios."""
    out: dict[str, str] = {}
    for num, den in ratio_pairs(PLANS[plan_id]):
        out[num], out[den] = den, num
    return out


@st.composite
def datasets(draw: st.DrawFn, plan_id: str
             ) -> tuple[dict[tuple[str, str], dict[str, int | None]], set[Cell],
                        set[tuple[str, str]]]:
    """Complete data per (unit, month), the cells to blank, and the unit-months to delete."""
    campaign = er.timeline(PLANS[plan_id], issued=ISSUED[plan_id]).window("campaign")
    assert campaign is not None
    months = campaign.months  # every month: a month never generated could not be completed
    pairs = ratio_pairs(PLANS[plan_id])
    # some commune-level counts are given on the team rows instead (summed into the commune),
    # or on both levels (the commune's row is used); a ratio's part and whole move together
    partner = _pairs(plan_id)
    moved: dict[str, str] = {}
    for k in COMMUNE:
        if k not in moved:
            where = draw(st.sampled_from(["own", "own", "teams", "both"]))
            moved[k] = where
            if k in partner:
                moved[partner[k]] = where
    data: dict[tuple[str, str], dict[str, int | None]] = {}
    for unit, metrics in (("c1", COMMUNE), ("t1", TEAM), ("t2", TEAM)):
        for m in months:
            names = [*metrics, *(k for k, w in moved.items() if unit != "c1" and w != "own")]
            values: dict[str, int | None] = {k: draw(st.integers(0, 3)) for k in names}
            if unit == "c1":
                values.update({k: None for k, w in moved.items() if w == "teams"})
            for num, den in pairs:
                n, d = values.get(num), values.get(den)
                if n is not None and d is not None:
                    values[num] = min(n, d)
            data[unit, m] = values
    keys = sorted(data)
    # a blank commune-level count on a team row is not missing data (it counts as nothing, by
    # the rule); every other given cell may be blanked
    cells = [(u, m, k) for (u, m) in keys for k, v in data[u, m].items()
             if v is not None and not (u != "c1" and k in COMMUNE)]
    blank = set(draw(st.lists(st.sampled_from(cells), max_size=4)))
    gone = set(draw(st.lists(st.sampled_from(keys), max_size=2)))
    return data, blank, gone


def _records(data: dict[tuple[str, str], dict[str, Any]]) -> list[er.Record]:
    return [er.Record(u, m, dict(v), i + 2) for i, ((u, m), v) in enumerate(sorted(data.items()))]


def _partial(data: dict[tuple[str, str], dict[str, int | None]], blank: set[Cell],
             gone: set[tuple[str, str]]) -> dict[tuple[str, str], dict[str, Any]]:
    out: dict[tuple[str, str], dict[str, Any]] = {}
    for key, values in data.items():
        if key in gone:
            continue
        out[key] = {k: (None if (key[0], key[1], k) in blank else v) for k, v in values.items()}
    return out


def _complete(data: dict[tuple[str, str], dict[str, int | None]], blank: set[Cell],
              gone: set[tuple[str, str]], how: str, plan_id: str, rng: random.Random
              ) -> dict[tuple[str, str], dict[str, int | None]]:
    """A completion of the unknown cells the row checks allow (part <= whole per row)."""
    partner = _pairs(plan_id)
    wholes = {den for _, den in ratio_pairs(PLANS[plan_id])}
    out: dict[tuple[str, str], dict[str, int | None]] = {}
    for key, values in data.items():
        # a missing row is completed with the metrics its unit gives; a blank cell with a value
        unknown = ({k for k, v in values.items() if v is not None} if key in gone else
                   {k for k in values if (*key, k) in blank})
        row = dict(values)
        for k in sorted(unknown, key=lambda k: k not in wholes):  # wholes first
            if how == "original":
                continue
            if k in wholes:
                part = partner[k]
                floor = (row[part] or 0) if part not in unknown else 0
                # high: as small as its part allows (share 1), or huge when the part is free
                high = floor if part not in unknown else BIG
                row[k] = {"low": BIG, "high": high, "zero": floor}.get(
                    how, floor + rng.choice([0, 1, 5, BIG]))
            elif k in partner:
                whole = row[partner[k]] or 0
                row[k] = {"low": 0, "high": whole, "zero": 0}.get(how, rng.randint(0, whole))
            else:
                row[k] = {"low": 0, "high": BIG, "zero": 0}.get(how, rng.choice([0, 1, 2, BIG]))
        out[key] = row
    return out


def _targets(ev: Evaluation) -> dict[tuple[str, str, str], str]:
    return {(r.unit, r.window, t.target): t.verdict for r in ev.results for c in r.criteria
            for t in c.targets}


def _evaluate(plan_id: str, data: dict[tuple[str, str], dict[str, Any]]) -> Evaluation:
    return er.evaluate(PLANS[plan_id], _records(data), units=UNITS, issued=ISSUED[plan_id],
                       as_of=AS_OF)



@given(st.sampled_from(sorted(PLANS)).flatmap(lambda p: st.tuples(st.just(p), datasets(p))),
       st.integers(0, 10**6))
def test_decided_verdicts_hold_for_every_completion(case: Any, seed: int) -> None:
    """Sound: a verdict the evaluator decides with cells blank or months missing is the verdict
    of every completion the row checks allow (original, extreme and random ones)."""
    plan_id, (data, blank, gone) = case
    partial_ev = _evaluate(plan_id, _partial(data, blank, gone))
    assert partial_ev.rows_total == partial_ev.rows_used
    decided = {k: v for k, v in _targets(partial_ev).items() if v != "unknown"}
    rng = random.Random(seed)
    for how in ("original", "low", "high", "zero", "random", "random"):
        full = _targets(_evaluate(plan_id, _complete(data, blank, gone, how, plan_id, rng)))
        for key, verdict in decided.items():
            assert full[key] == verdict, (how, key, blank, gone)



@given(st.sampled_from(sorted(PLANS)).flatmap(lambda p: st.tuples(st.just(p), datasets(p))))
def test_an_unknown_single_target_is_witnessed_by_two_completions(case: Any) -> None:
    """Complete for single counts and ratios: an ``unknown`` total target (not a per-month one,
    not an any_of/all_of, whose Kleene logic is sound but not complete) has extreme
    completions that give different verdicts."""
    plan_id, (data, blank, gone) = case
    partial_ev = _evaluate(plan_id, _partial(data, blank, gone))
    kinds = {(r.unit, r.window, t.target): (t.kind, t.per, t.need) for r in partial_ev.results
             for c in r.criteria for t in c.targets}
    open_ = [k for k, v in _targets(partial_ev).items()
             if v == "unknown" and kinds[k][0] in ("count", "ratio") and kinds[k][1] == "total"
             and kinds[k][2]]
    if not open_:
        return
    rng = random.Random(0)
    outcomes = [_targets(_evaluate(plan_id, _complete(data, blank, gone, how, plan_id, rng)))
                for how in ("low", "high", "zero")]
    for key in open_:
        assert len({o[key] for o in outcomes}) >= 2, (key, blank, gone)
