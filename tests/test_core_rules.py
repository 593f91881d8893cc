"""The one evaluation core (issue 10): each case of the issue, with literal expected values.

Kon Plông (kon_plong.yaml, extending the 2024 template): phase 1 runs from the issue date to
3/2/2025 (II.2), phase 2 from 4/2/2025 to 19/8/2025. A small units tree: commune ``c1`` with
teams ``t1`` and ``t2``. Each test names the rule of the evaluator it checks.
"""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path
from typing import Any

import pytest

import emulation_rules as er
from emulation_rules.cli import run
from emulation_rules.results import Evaluation, TargetResult

KON_PLONG = er.load_plan("kon_plong")
ISSUED = date(2024, 10, 15)
AFTER = date(2025, 9, 30)
PHASE_1 = ("2024-10", "2024-11", "2024-12", "2025-01")
UNITS = [er.UnitInfo("c1", "Xã 1", "commune"), er.UnitInfo("t1", "Tổ 1", "team", parent="c1"),
         er.UnitInfo("t2", "Tổ 2", "team", parent="c1")]

# a commune-month where every commune-level target is met (4.1-4.6)
COMMUNE_OK: dict[str, int | None] = {
    "tips_total": 10, "tips_via_force": 9, "incidents_total": 1, "incidents_force_present": 1,
    "models_recognised": 0, "rescue_callouts": 0, "rescue_callouts_present": 0,
    "conditional_business_violations": 0, "household_records_total": 10,
    "household_records_provided": 10, "illegal_weapons_cases": 0, "reoffences": 0,
    "serious_traffic_accidents": 0}
TEAM_OK: dict[str, int | None] = {"force_members": 5, "force_members_patrolling": 5,
                                  "good_deeds": 1, "members_commended": 0}


def records(months: tuple[str, ...] = PHASE_1, commune: dict[str, Any] | None = None,
            team: dict[str, Any] | None = None, skip: tuple[tuple[str, str], ...] = ()
            ) -> list[er.Record]:
    """One row per unit and month; ``skip`` leaves out (unit, month) rows."""
    out = []
    for m in months:
        for unit, values in (("c1", {**COMMUNE_OK, **(commune or {})}),
                             ("t1", {**TEAM_OK, **(team or {})}),
                             ("t2", dict(TEAM_OK))):
            if (unit, m) not in skip:
                out.append(er.Record(unit, m, dict(values)))
    return out


def evaluate(recs: list[er.Record], plan: Any = KON_PLONG, **kw: Any) -> Evaluation:
    return er.evaluate(plan, recs, units=kw.pop("units", UNITS), issued=kw.pop("issued", ISSUED),
                       as_of=kw.pop("as_of", AFTER), **kw)


def target(ev: Evaluation, unit: str, window: str, target_id: str) -> TargetResult:
    res = ev.result(unit, window)
    assert res is not None
    return next(t for c in res.criteria for t in c.targets if t.target == target_id)


def test_two_accidents_and_a_teams_missing_month_is_not_met() -> None:
    """eq 0 with a known sum of 2: not met whatever the missing team-month holds; the commune's
    own row carries the count, so the team's missing month does not touch it."""
    recs = records(skip=(("t1", "2024-11"),))
    recs[0] = er.Record("c1", "2024-10", {**COMMUNE_OK, "serious_traffic_accidents": 2})
    ev = evaluate(recs)
    t = target(ev, "c1", "phase_1", "no_serious_accidents")
    assert (t.verdict, t.observed, t.missing_periods) == ("not_met", 2, ())


def test_accidents_with_the_communes_own_month_missing_is_decided_despite_it() -> None:
    """eq 0: a known 2 decides not_met even with one of the commune's months missing."""
    recs = records(skip=(("c1", "2024-12"),))
    recs[0] = er.Record("c1", "2024-10", {**COMMUNE_OK, "serious_traffic_accidents": 2})
    t = target(evaluate(recs), "c1", "phase_1", "no_serious_accidents")
    assert (t.verdict, t.missing_periods, t.decided_despite_missing) == (
        "not_met", ("2024-12",), True)


def test_five_models_and_a_missing_month_is_met() -> None:
    """gte 1 ("ít nhất 01"): a known 5 is met whatever the missing month holds."""
    recs = records(skip=(("c1", "2025-01"),))
    recs[0] = er.Record("c1", "2024-10", {**COMMUNE_OK, "models_recognised": 5})
    t = target(evaluate(recs), "c1", "phase_1", "model_recognised")
    assert (t.verdict, t.observed, t.missing_periods, t.decided_despite_missing) == (
        "met", 5, ("2025-01",), True)


def test_97_percent_patrol_and_a_missing_team_month_is_not_met() -> None:
    """A 100% ratio with a known shortfall is not met whatever is missing: the teams' sum
    (force members are counted per team) misses one member, and t1's December is missing."""
    recs = records(team={"force_members": 33, "force_members_patrolling": 32},
                   skip=(("t1", "2024-12"),))
    t = target(evaluate(recs), "c1", "phase_1", "all_members_patrol")
    assert t.verdict == "not_met"
    assert t.missing_periods == ("2024-12",)
    assert t.decided_despite_missing


def test_zero_incidents_when_no_cases_met_and_a_missing_month_is_unknown() -> None:
    """incidents 100%, when_no_cases met (local policy): a missing month could hold a missed
    incident, so zero cases present do not decide it; the explanation is not "no cases"."""
    recs = records(commune={"incidents_total": 0, "incidents_force_present": 0},
                   skip=(("c1", "2024-11"),))
    t = target(evaluate(recs), "c1", "phase_1", "incidents_attended")
    assert (t.verdict, t.no_cases, t.policy, t.missing_periods) == (
        "unknown", False, None, ("2024-11",))


def test_tips_at_94_percent_with_the_communes_month_missing_is_unknown_and_says_what_it_needs(
        ) -> None:
    """tips 80%: 94% in the months present, one month missing: a month full of tips the force
    did not pass on could pull it under 80%, so unknown; the explanation says what the month
    would need (tips_via_force >= 80% x tips_total - slack)."""
    recs = records(commune={"tips_total": 50, "tips_via_force": 47}, skip=(("c1", "2024-11"),))
    t = target(evaluate(recs), "c1", "phase_1", "tips_via_force")
    assert (t.verdict, t.observed, t.missing_periods) == ("unknown", 0.94, ("2024-11",))
    # 3 months present: 141 of 150; slack = 141 - 0.8 * 150 = 21
    assert t.need == ("share", 0.8, 21.0, "tips_via_force", "tips_total")
    from emulation_rules.reporting import explain

    text = explain(evaluate(recs), "c1", "en")
    assert "the missing months need tips_via_force ≥ 80% × tips_total - 21" in text


def test_a_missing_month_unknown_never_says_no_cases() -> None:
    """A ratio left unknown by a missing month is not explained as the no-cases rule."""
    from emulation_rules.reporting import explain

    recs = records(commune={"rescue_callouts": 0, "rescue_callouts_present": 0},
                   skip=(("c1", "2024-10"),))
    for lang in ("vi", "en"):
        line = next(x for x in explain(evaluate(recs), "c1", lang).splitlines()
                    if "rescue_attended" in x)
        assert "policy: local" not in line and "no cases" not in line
        assert "không có trường hợp" not in line


def test_a_commune_count_on_team_rows_is_summed() -> None:
    """A commune-level count written on team rows (and not on the commune's own row) is
    summed into the commune: 1 accident on t2's row makes the commune not met."""
    recs = records(commune={"serious_traffic_accidents": None})
    recs = [er.Record(r.unit, r.period, {**r.values, "serious_traffic_accidents": 1})
            if (r.unit, r.period) == ("t2", "2024-12") else r for r in recs]
    t = target(evaluate(recs), "c1", "phase_1", "no_serious_accidents")
    assert (t.verdict, t.observed) == ("not_met", 1)


def test_a_count_on_both_levels_warns_and_uses_the_communes_row() -> None:
    """count-on-both-levels: the commune's own 0 is used, the teams' 3 ignored, one warning."""
    recs = [er.Record(r.unit, r.period, {**r.values, "reoffences": 3}) if r.unit == "t1" else r
            for r in records()]
    ev = evaluate(recs)
    assert target(ev, "c1", "phase_1", "no_reoffending").verdict == "met"
    assert [w.code for w in ev.warnings] == ["count-on-both-levels"]


def test_an_absent_needed_column_is_one_warning() -> None:
    """A metric the plan needs that no row carries: one missing-column warning."""
    recs = [er.Record(r.unit, r.period, {k: v for k, v in r.values.items()
                                         if k != "household_records_total"})
            for r in records()]
    ev = evaluate(recs)
    assert [w.code for w in ev.warnings] == ["missing-column"]
    assert "household_records_total" in ev.warnings[0].message
    assert target(ev, "c1", "phase_1", "household_records").verdict == "unknown"


def test_issue_date_31_october_puts_october_in_no_phase() -> None:
    """Straddling rule most_days: 30 of October's 31 days are before the plan existed."""
    tl = er.timeline(KON_PLONG, issued=date(2024, 10, 31))
    assert tl.phase_of_month(2024, 10) is None
    assert tl.months_of_phase("phase_1") == ["2024-11", "2024-12", "2025-01"]
    campaign = tl.window("campaign")
    assert campaign is not None and campaign.months[0] == "2024-11"


def test_bac_giang_july_2025_counts_in_the_campaign_and_the_final_review_not_in_a_phase(
        ) -> None:
    """Bắc Giang II.2: the campaign runs to 19/8/2025, phase 2 ends 19/5/2025: July 2025 is in
    the gap, so in the campaign window (read by the final review) and in no phase."""
    plan = er.load_plan("bac_giang")
    tl = er.timeline(plan, issued=date(2024, 9, 1))
    assert tl.phase_of_month(2025, 7) is None
    campaign = tl.window("campaign")
    assert campaign is not None and "2025-07" in campaign.months
    recs = [er.Record("c1", "2025-07", {**COMMUNE_OK, "mass_models_commended_replicated": 1})]
    ev = er.evaluate(plan, recs, units=[UNITS[0]], issued=date(2024, 9, 1), as_of=AFTER)
    assert (ev.rows_total, ev.rows_used) == (1, 1)
    t = target(ev, "c1", "campaign", "model_recognised")
    assert (t.verdict, t.observed) == ("met", 1)
    assert target(ev, "c1", "phase_2", "model_recognised").observed == 0
    report = er.awards(plan, ev, "final", units=[UNITS[0]])
    assert report.windows == ("phase_1", "phase_2", "campaign")


def test_api_and_cli_give_the_same_issues_and_counts_on_the_same_bad_records(
        tmp_path: Path) -> None:
    """The checks live in evaluate: NaN, a negative count, a part over its whole and an
    unknown unit are rejected the same from Python and from the command line."""
    rows = [("c1", "2024-10", "tips_total", -1), ("c1", "2024-11", "tips_via_force", 11),
            ("zz", "2024-12", "tips_total", 12), ("c1", "2024-12", "tips_total", 10)]
    recs = []
    lines = ["unit,period,tips_total,tips_via_force"]
    for unit, month, key, value in rows:
        values: dict[str, Any] = {"tips_total": 10, "tips_via_force": 5, key: value}
        recs.append(er.Record(unit, month, values, len(lines) + 1, "m.csv"))
        lines.append(f"{unit},{month},{values['tips_total']},{values['tips_via_force']}")
    nan: Any = float("nan")  # what a DataFrame hands over for a blank cell
    recs.append(er.Record("c1", "2025-01", {"tips_total": nan, "tips_via_force": 1},
                          len(lines) + 1, "m.csv"))
    lines.append("c1,2025-01,nan,1")
    (tmp_path / "m.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (tmp_path / "u.csv").write_text("id,name,kind,bloc,parent\nc1,Xã 1,commune,,\n",
                                    encoding="utf-8")
    api = er.evaluate(KON_PLONG, recs, units=[UNITS[0]], issued=ISSUED, as_of=AFTER)
    api_codes = sorted((i.code, i.location.line) for i in api.rejected)
    assert api_codes == [("contradictory-counts", 3), ("invalid-count", 2),
                         ("invalid-count", 6), ("unknown-unit", 4)]
    assert (api.rows_total, api.rows_used) == (5, 1)
    out, err = io.StringIO(), io.StringIO()
    import os

    cwd = os.getcwd()
    os.chdir(tmp_path)
    try:
        code = run(["evaluate", "--plan", "kon_plong", "--metrics", "m.csv", "--units", "u.csv",
                    "--issued", "2024-10-15", "--as-of", "2025-09-30", "--format", "json"],
                   stdout=out, stderr=err)
    finally:
        os.chdir(cwd)
    assert code == 0
    import json

    data = json.loads(out.getvalue())
    cli_codes = sorted((i["code"], i["row"]) for i in data["rejected"])
    assert cli_codes == api_codes
    assert data["rows"] == {"total": 5, "used": 1, "rejected": 4}


def test_python_api_counts_rows() -> None:
    """rows_total and rows_used come from evaluate itself, not from the command line."""
    ev = evaluate(records())
    assert (ev.rows_total, ev.rows_used) == (12, 12)


def test_tuyen_quang_4_7_is_decided_by_an_attestation() -> None:
    """Tuyên Quang 4.7 "hoàn thành 100% ... công việc, chỉ tiêu nhiệm vụ được giao": a
    judgement, met or not by an attestation for the window (or the whole campaign)."""
    plan = er.load_plan("tuyen_quang")
    units = [er.UnitInfo("t1", "Tổ 1", "team")]
    recs = [er.Record("t1", m, dict(TEAM_OK)) for m in PHASE_1]
    atts = [er.AttestationRow("t1", {"all_tasks_completed": True}, "phase_1"),
            er.AttestationRow("t1", {"all_tasks_completed": False})]
    ev = er.evaluate(plan, recs, units=units, issued=ISSUED, as_of=AFTER, attestations=atts)
    assert target(ev, "t1", "phase_1", "all_tasks_completed").verdict == "met"
    assert target(ev, "t1", "phase_2", "all_tasks_completed").verdict == "not_met"
    plain = er.evaluate(plan, recs, units=units, issued=ISSUED, as_of=AFTER)
    assert target(plain, "t1", "phase_1", "all_tasks_completed").verdict == "unknown"


def test_a_mid_phase_run_says_already_met_failed_or_open() -> None:
    """Months after the as-of date are missing data: a running window is incomplete, and a
    target is already met (gte), already failed (eq 0) or still open."""
    recs = records(months=("2024-10", "2024-11"))
    recs[0] = er.Record("c1", "2024-10", {**COMMUNE_OK, "models_recognised": 1,
                                           "serious_traffic_accidents": 1})
    ev = evaluate(recs, as_of=date(2024, 11, 20))
    res = ev.result("c1", "phase_1")
    assert res is not None and res.complete is False
    assert target(ev, "c1", "phase_1", "model_recognised").verdict == "met"
    assert target(ev, "c1", "phase_1", "no_serious_accidents").verdict == "not_met"
    assert target(ev, "c1", "phase_1", "no_reoffending").verdict == "unknown"


PT = er.load_plan("phuong_tien")
PT_UNITS = [er.UnitInfo("x1", "Xã", "commune")]
PT_YEAR: dict[str, int | None] = {"models_rated_good": 1, "serious_security_incidents": 0,
                                  "complaint_letters": 0, "escalated_complaints": 0,
                                  "models_replicated_province_wide": 0}


def pt_target(ev: Evaluation, window: str, award: str, cond: str) -> TargetResult:
    res = ev.result("x1", window)
    assert res is not None
    crit = res.criterion(award)
    assert crit is not None
    return next(t for t in crit.targets if t.target == cond)


def test_phuong_tien_stage_fails_when_one_year_lacks_its_good_model() -> None:
    """IV.1.2 "duy trì ít nhất 01 mô hình ... Tốt" (per: year): at the 2026-2030 stage review
    it must hold in every year; a good model in 2026 does not carry 2027."""
    recs = [er.Record("x1", str(y), {**PT_YEAR, "models_rated_good": 1 if y == 2026 else 0})
            for y in range(2026, 2031)]
    ev = er.evaluate(PT, recs, units=PT_UNITS, as_of=date(2031, 1, 15))
    assert pt_target(ev, "year:2027", "certificate_of_merit", "model_rated_good").verdict == (
        "not_met")
    stage = pt_target(ev, "stage:2026-2030", "certificate_of_merit", "model_rated_good")
    assert (stage.verdict, stage.failed_periods) == ("not_met", ("2027", "2028", "2029", "2030"))


def test_phuong_tien_a_year_with_one_month_of_data_is_not_complete() -> None:
    """A year window expects its 12 months (or one row for the year): a single March row with
    no incident leaves "không để xảy ra" undecided for the year."""
    recs = [er.Record("x1", "2026-03", dict(PT_YEAR))]
    ev = er.evaluate(PT, recs, units=PT_UNITS, as_of=date(2027, 1, 15))
    t = pt_target(ev, "year:2026", "certificate_of_merit", "no_serious_incidents")
    assert (t.verdict, len(t.missing_periods)) == ("unknown", 11)


def test_an_all_of_award_condition_is_evaluated(tmp_path: Path) -> None:
    """Every award condition kind the schema accepts is evaluated: an all_of metric
    condition reads the evaluator's verdict (met when both parts are met)."""
    text = (Path(__file__).parent.parent / "plans" / "phuong_tien.yaml").read_text("utf-8")
    old = """            condition:
              metric: models_replicated_province_wide
              comparator: gte
              threshold: 1"""
    new = """            condition:
              all_of:
                - metric: models_replicated_province_wide
                  comparator: gte
                  threshold: 1
                - metric: serious_security_incidents
                  comparator: eq
                  threshold: 0"""
    assert old in text
    path = tmp_path / "phuong_tien.yaml"
    path.write_text(text.replace(old, new), encoding="utf-8")
    plan = er.load_plan(path)
    recs = [er.Record("x1", str(y), {**PT_YEAR, "models_replicated_province_wide": 1})
            for y in range(2026, 2031)]
    ev = er.evaluate(plan, recs, units=PT_UNITS, as_of=date(2031, 1, 15))
    t = pt_target(ev, "stage:2026-2030", "emulation_flag", "replicated_model")
    assert (t.verdict, t.kind) == ("met", "all_of")
    report = er.awards(plan, ev, "stage:2026-2030", units=PT_UNITS)
    flag = next(a for a in report.awards if a.award == "emulation_flag")
    cond = next(o for c in flag.candidates for o in c.conditions if o.id == "replicated_model")
    assert (cond.verdict, cond.basis) == ("met", "document")


@pytest.mark.parametrize("name", ["awards", "timeline", "evaluate"])
def test_no_public_function_is_shadowed_by_a_submodule(name: str) -> None:
    """er.awards stays callable after its module is imported (it is eligibility now)."""
    import importlib

    for module in ("eligibility", "timelines", "evaluation", "results", "records"):
        importlib.import_module(f"emulation_rules.{module}")
    assert callable(getattr(er, name))
    assert not hasattr(importlib.import_module("emulation_rules"), "__path__") or (
        not (Path(er.__file__).parent / f"{name}.py").exists())


@pytest.mark.parametrize(("plan_id", "issued"), [("kon_plong", date(2024, 10, 15)),
                                                 ("bac_giang", date(2024, 9, 1)),
                                                 ("ninh_thuan", date(2024, 11, 5)),
                                                 ("tuyen_quang", date(2024, 10, 20))])
def test_eager_verdicts_equal_the_explained_ones(plan_id: str, issued: date) -> None:
    """The verdicts computed for every unit (hot path) are those the explanations give: each
    criterion's verdict is the Kleene AND of its explained targets, on the example data."""
    root = Path(__file__).parent.parent / "examples"
    units, _, _ = er.read_unit_tree(root / f"{plan_id}_units.csv")
    ev = er.evaluate(er.load_plan(plan_id), er.read_metrics(root / f"{plan_id}_metrics.csv"),
                     units=units, issued=issued, as_of=date(2025, 9, 30))
    checked = 0
    for res in ev.results:
        for crit in res.criteria:
            verdicts = {t.verdict for t in crit.targets}
            expected = ("not_met" if "not_met" in verdicts else
                        "unknown" if "unknown" in verdicts else "met")
            assert crit.verdict == expected, (res.unit, res.window, crit.criterion)
            checked += 1
    assert checked > 500


def test_missing_period_not_met_applies_only_where_the_bounds_leave_it_open(
        tmp_path: Path) -> None:
    """A plan's ``missing_period: not_met`` (local policy) turns only undecided verdicts into
    not met, reported as local policy; a verdict the bounds decide stays as decided."""
    text = (Path(__file__).parent.parent / "plans" / "kon_plong.yaml").read_text("utf-8")
    text = text.replace("id: kon_plong\n", "id: kon_plong_strict\nmissing_period:\n"
                        "  verdict: not_met\n  policy: local\n"
                        "  reason: A month not reported counts against the unit.\n", 1)
    path = tmp_path / "kon_plong_strict.yaml"
    path.write_text(text, encoding="utf-8")
    plan = er.load_plan(path)
    recs = records(skip=(("c1", "2024-11"),))
    recs[0] = er.Record("c1", "2024-10", {**COMMUNE_OK, "models_recognised": 2})
    ev = evaluate(recs, plan)
    met = target(ev, "c1", "phase_1", "model_recognised")
    assert (met.verdict, met.policy, met.decided_despite_missing) == ("met", None, True)
    open_ = target(ev, "c1", "phase_1", "no_reoffending")
    assert (open_.verdict, open_.policy) == ("not_met", "local")


def test_a_part_nobody_gives_is_missing_not_zero() -> None:
    """The commune leaves tips blank on its own rows; its teams give tips_total but nobody gives
    tips_via_force: the share is not 0% (not met) but undecided (review finding 1)."""
    recs = [er.Record(r.unit, r.period, {**r.values, "tips_total": None, "tips_via_force": None})
            if r.unit == "c1" else
            er.Record(r.unit, r.period, {**r.values, "tips_total": 5}) for r in records()]
    t = target(evaluate(recs), "c1", "phase_1", "tips_via_force")
    assert t.verdict == "unknown"
    assert t.missing_periods == PHASE_1


def test_a_missing_commune_row_is_missing_even_if_its_teams_give_the_count() -> None:
    """The commune gives accidents on its own rows (its teams give 0 too, warned): a missing
    own month could hold an accident, so no accident elsewhere does not decide it
    (review finding 2)."""
    recs = [er.Record(r.unit, r.period, {**r.values, "serious_traffic_accidents": 0})
            for r in records(skip=(("c1", "2024-11"),))]
    t = target(evaluate(recs), "c1", "phase_1", "no_serious_accidents")
    assert (t.verdict, t.missing_periods) == ("unknown", ("2024-11",))


def test_the_bloc_lead_waits_for_undecided_targets_that_could_break_a_tie() -> None:
    """Two agencies with equal scores; one leaves two yes/no conditions blank: had it said yes
    it would win the tie on targets met, so "dẫn đầu khối" is undecided for the other
    (review finding 4)."""
    units = [er.UnitInfo("agency_a", "A", "agency", "k1", bloc_size=2),
             er.UnitInfo("agency_b", "B", "agency", "k1", bloc_size=2)]
    good: dict[str, int | None] = {
        "has_movement_plan": 1, "security_safe_certified": 1, "rated_excellent": 1,
        "effective_propaganda": 1, "clean_organisation": 0, "models_rated_good": 1,
        "serious_security_incidents": 0, "complaint_letters": 0, "escalated_complaints": 0,
        "models_replicated_province_wide": 0}
    recs = [er.Record("agency_b", str(y), dict(good)) for y in range(2026, 2031)]
    recs += [er.Record("agency_a", str(y), {**good, "has_movement_plan": None,
                                            "security_safe_certified": None})
             for y in range(2026, 2031)]
    ev = er.evaluate(PT, recs, units=units, as_of=date(2030, 12, 31))
    report = er.awards(PT, ev, "stage:2026-2030", units=units)
    flag = next(a for a in report.awards if a.award == "emulation_flag")
    leads = next(o for c in flag.candidates if c.unit == "agency_b" for o in c.conditions
                 if o.id == "leads_bloc")
    assert (leads.verdict, leads.basis) == ("unknown", "computed")


def test_a_phase_attestation_does_not_decide_the_final_review(tmp_path: Path) -> None:
    """An attestation for phase_1 holds in phase_1; at the final review (the campaign window)
    only campaign-wide rows count (review finding 3)."""
    from emulation_rules.inputs import attestations_for

    rows = [er.AttestationRow("u", {"outstanding_achievement": True}, "phase_1"),
            er.AttestationRow("v", {"outstanding_achievement": False}, "phase_1"),
            er.AttestationRow("v", {"outstanding_achievement": True})]
    assert attestations_for(rows, "campaign") == {"v": {"outstanding_achievement": True}}
    assert attestations_for(rows, "phase_1") == {"u": {"outstanding_achievement": True},
                                                 "v": {"outstanding_achievement": False}}


def test_attestation_rows_that_can_attest_nothing_are_reported(tmp_path: Path) -> None:
    """A window the plan does not have, or a unit not in the units file: one issue each, with
    the file, row and field (review finding 8)."""
    plan = er.load_plan("tuyen_quang")
    rows = [er.AttestationRow("t1", {"all_tasks_completed": True}, "phase_3", 2, "a.csv"),
            er.AttestationRow("zzz", {"all_tasks_completed": True}, "phase_1", 3, "a.csv"),
            er.AttestationRow("t1", {"all_tasks_completed": True}, "phase_1", 4, "a.csv")]
    ev = er.evaluate(plan, [er.Record("t1", "2024-11", dict(TEAM_OK))],
                     units=[er.UnitInfo("t1", "", "team")], issued=date(2024, 10, 20),
                     as_of=AFTER, attestations=rows)
    assert sorted((i.code, i.location.line, i.location.path[1]) for i in ev.rejected) == [
        ("unknown-unit", 3, "unit"), ("unknown-window", 2, "window")]
    assert target(ev, "t1", "phase_1", "all_tasks_completed").verdict == "met"


def _teams_give(metrics: dict[str, tuple[int | None, int | None]],
                changes: dict[tuple[str, str], dict[str, int | None]] | None = None
                ) -> list[er.Record]:
    """Records where the commune's own rows leave ``metrics`` blank and its two teams give
    them (t1's values, t2's values), with per-(unit, month) ``changes``."""
    out = []
    for r in records():
        values = dict(r.values)
        for metric, (v1, v2) in metrics.items():
            values[metric] = None if r.unit == "c1" else v1 if r.unit == "t1" else v2
        values.update((changes or {}).get((r.unit, r.period), {}))
        out.append(er.Record(r.unit, r.period, values))
    return out


def test_a_teams_blank_whole_beside_its_given_part_is_missing_not_zero() -> None:
    """t2 gives 7 incidents attended but leaves the incidents blank: the whole is at least 7,
    not 0 (a share over 100% is no reading); undecided (second review, finding 1)."""
    recs = _teams_give({"incidents_total": (5, 1), "incidents_force_present": (5, 1)},
                       {("t2", "2025-01"): {"incidents_force_present": 7,
                                            "incidents_total": None}})
    t = target(evaluate(recs), "c1", "phase_1", "incidents_attended")
    assert t.verdict == "unknown" and t.missing_periods == ("2025-01",)


def test_a_teams_blank_part_beside_its_given_whole_is_missing_not_zero() -> None:
    """t1 gives 10 of 10 tips through the force, t2 gives 10 tips but leaves the part blank:
    the part lies in [0, 10], so 50% to 100%: undecided (second review, finding 3)."""
    recs = _teams_give({"tips_total": (10, 10), "tips_via_force": (10, None)})
    t = target(evaluate(recs), "c1", "phase_1", "tips_via_force")
    assert t.verdict == "unknown"


def test_a_communes_blank_own_cell_is_missing_when_its_rows_give_the_metric() -> None:
    """The commune gives accidents on its own rows but leaves one month blank, while its teams
    give 0: the blank is missing data, as a missing row is (second review, finding 2)."""
    recs = [er.Record(r.unit, r.period, {**r.values, "serious_traffic_accidents": (
        None if (r.unit, r.period) == ("c1", "2024-12") else 0)}) for r in records()]
    t = target(evaluate(recs), "c1", "phase_1", "no_serious_accidents")
    assert (t.verdict, t.missing_periods) == ("unknown", ("2024-12",))


def test_the_bloc_lead_is_certain_when_undecided_targets_cannot_close_the_gap() -> None:
    """Scores tie at 0; b has 40 targets met, a 34 with one undecided: whatever it holds, b
    ranks above a on targets met (second review, finding 5). With a gap of one target and one
    undecided, the order depends on it."""
    from emulation_rules.eligibility import Standing, _certain_order

    keys = ("score", "targets_met", "unit_id")
    a = Standing("a", "k", 0, 0, 34, 2, 2, True, 0, 1, 0)
    b = Standing("b", "k", 0, 0, 40, 1, 2, True, 0, 0, 0)
    assert (_certain_order(b, a, keys), _certain_order(a, b, keys)) == (1, -1)
    close = Standing("a", "k", 0, 0, 39, 2, 2, True, 0, 1, 0)
    assert _certain_order(b, close, keys) == 0
