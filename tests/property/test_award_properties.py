"""Properties of scores, ranks and awards over generated unit data (Ninh Thuận, 2024).

Issue 10: the rows cover the campaign window's months, and each review's scores are read over
the windows that review reads (the final review: every phase and the campaign window)."""

from __future__ import annotations

from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

import emulation_rules as er
from emulation_rules.eligibility import awards, review_windows, standings
from emulation_rules.evaluation import evaluate
from emulation_rules.records import Record, UnitInfo
from emulation_rules.results import Evaluation
from emulation_rules.timelines import timeline
from emulation_rules.vocabulary import METRICS

PLAN = er.load_plan("ninh_thuan")
ISSUED = date(2024, 11, 5)
TIMELINE = timeline(PLAN, issued=ISSUED)
CAMPAIGN = TIMELINE.window("campaign")
assert CAMPAIGN is not None
MONTHS = list(CAMPAIGN.months)
LOWER = ["conditional_business_violations", "illegal_weapons_cases", "reoffences",
         "serious_traffic_accidents"]
HIGHER = ["models_highly_rated", "good_deeds", "members_commended"]


@st.composite
def commune_months(draw: st.DrawFn) -> dict[str, dict[str, int]]:
    rows = {}
    for month in MONTHS:
        tips = draw(st.integers(0, 20))
        members = draw(st.integers(1, 5))
        records = draw(st.integers(1, 50))
        rows[month] = {
            "tips_total": tips, "tips_via_force": draw(st.integers(0, tips)),
            "incidents_total": 0, "incidents_force_present": 0, "rescue_callouts": 0,
            "rescue_callouts_present": 0, "household_records_total": records,
            "household_records_provided": draw(st.integers(0, records)),
            "force_members": members, "force_members_patrolling": members,
            **{m: draw(st.integers(0, 1)) for m in LOWER + HIGHER},
        }
    return rows


def run(data: dict[str, dict[str, dict[str, int]]]) -> tuple[Evaluation, list[UnitInfo]]:
    units = [UnitInfo(u, u, "commune", "b1") for u in sorted(data)]
    records = [Record(u, m, v) for u, rows in data.items() for m, v in rows.items()]
    ev = evaluate(PLAN, records, units=units, issued=ISSUED, as_of=date(2025, 9, 1))
    assert ev.rows_used == len(records) and ev.rejected == ()  # every row passes the checks
    return ev, units


@settings(max_examples=25, deadline=None)
@given(a=commune_months(), b=commune_months(), metric=st.sampled_from(LOWER + HIGHER),
       month=st.sampled_from(MONTHS))
def test_improving_a_metric_never_removes_an_award_or_lowers_the_score(
        a: dict[str, dict[str, int]], b: dict[str, dict[str, int]], metric: str,
        month: str) -> None:
    """Ninh Thuận III.2 (district commendation, provincial certificate of merit) and its
    declared scoring (local policy): improving one unit's metric in its good direction, every
    other unit fixed, never removes that unit's award nor lowers its score."""
    better = {m: dict(v) for m, v in a.items()}
    if METRICS[metric].direction == "lower":
        better[month][metric] = 0
    else:
        better[month][metric] += 1
    before_ev, units = run({"xa": a, "xb": b})
    after_ev, _ = run({"xa": better, "xb": b})
    for review in ("phase_1", "phase_2", "final"):
        before = awards(PLAN, before_ev, review, units=units)
        after = awards(PLAN, after_ev, review, units=units)
        for award in before.awards:
            if "xa" in before.eligible(award.award):
                assert "xa" in after.eligible(award.award)
        assert before.windows == review_windows(PLAN, before_ev, review)
        score = {s.unit: s.score for s in before.standings}
        better_score = {s.unit: s.score for s in after.standings}
        assert better_score["xa"] >= score["xa"]


@settings(max_examples=15, deadline=None)
@given(data=st.dictionaries(st.sampled_from(["xa", "xb", "xc", "xd"]), commune_months(),
                            min_size=2, max_size=4), seed=st.integers(0, 1000))
def test_ranks_do_not_depend_on_input_order(data: dict[str, dict[str, dict[str, int]]],
                                            seed: int) -> None:
    """Ninh Thuận's bloc standings (declared scoring, tie-break ending in unit_id, local
    policy): ranks are the same whatever the order of units and rows."""
    import random

    units = [UnitInfo(u, u, "commune", "b1") for u in sorted(data)]
    records = [Record(u, m, v) for u, rows in data.items() for m, v in rows.items()]
    shuffled = list(records)
    random.Random(seed).shuffle(shuffled)
    ev1 = evaluate(PLAN, records, units=units, issued=ISSUED, as_of=date(2025, 9, 1))
    ev2 = evaluate(PLAN, shuffled, units=list(reversed(units)), issued=ISSUED,
                   as_of=date(2025, 9, 1))
    windows = review_windows(PLAN, ev1, "final")
    assert windows == ("phase_1", "phase_2", "campaign")
    assert standings(PLAN, ev1, windows, units) == standings(PLAN, ev2, windows, units[::-1])
    ranks = sorted(s.rank or 0 for s in standings(PLAN, ev1, windows, units))
    assert ranks == list(range(1, len(units) + 1))
