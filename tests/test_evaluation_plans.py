"""Golden evaluation cases for each of the four 2024 plans, each verdict with its citation, and
every example data set evaluated end to end with every row accounted for."""

from __future__ import annotations

import json
from datetime import date
from typing import Any

import pytest

import emulation_rules as er
from emulation_rules.evaluation import Record, UnitInfo, evaluate

from .conftest import ROOT

ISSUED = {"kon_plong": date(2024, 10, 15), "bac_giang": date(2024, 9, 1),
          "ninh_thuan": date(2024, 11, 5), "tuyen_quang": date(2024, 10, 20)}
SECTION = {"kon_plong": "4", "bac_giang": "4", "tuyen_quang": "4", "ninh_thuan": "2"}
COMMUNE = {
    "tips_total": 10, "tips_via_force": 9, "incidents_total": 1, "incidents_force_present": 1,
    "models_recognised": 1, "mass_models_commended_replicated": 1, "models_highly_rated": 1,
    "rescue_callouts": 0, "rescue_callouts_present": 0, "conditional_business_violations": 0,
    "household_records_total": 100, "household_records_provided": 95,
    "illegal_weapons_cases": 0, "reoffences": 0, "serious_traffic_accidents": 0,
}
TEAM = {"good_deeds": 1, "members_commended": 0, "force_members": 4,
        "force_members_patrolling": 4, "tasks_assigned": 3, "tasks_completed": 3}
UNITS = [UnitInfo("xa", "Xã", "commune"), UnitInfo("to", "Tổ", "team", parent="xa")]


def phase_1_months(plan_id: str) -> list[str]:
    tl = er.load_plan(plan_id).timeline(ISSUED[plan_id])
    return tl.months_of_phase("phase_1")


def evaluate_with(plan_id: str, commune: dict[str, int] | None = None,
                  team_by_month: dict[str, dict[str, int]] | None = None) -> Any:
    months = phase_1_months(plan_id)
    records = []
    for i, month in enumerate(months):
        first = commune if (commune and i == 0) else {}
        zero = {"tips_total": 0, "tips_via_force": 0, "household_records_total": 0,
                "household_records_provided": 0} if commune and i else {}
        records.append(Record("xa", month, {**COMMUNE, **zero, **first}))
        records.append(Record("to", month, {**TEAM, **(team_by_month or {}).get(month, {})}))
    return evaluate(er.load_plan(plan_id), records, units=UNITS, issued=ISSUED[plan_id],
                    as_of=date(2025, 9, 1))


def target(ev: Any, unit: str, target_id: str) -> Any:
    return next(t for r in ev.results if r.unit == unit and r.window == "phase_1"
                for c in r.criteria for t in c.targets if t.target == target_id)


@pytest.mark.parametrize("plan_id", list(ISSUED))
@pytest.mark.parametrize(("via", "verdict"), [(7999, "not_met"), (8000, "met"), (8001, "met")])
def test_tips_boundary_79_99_80_80_01(plan_id: str, via: int, verdict: str) -> None:
    # x.1: "80%" (Tuyên Quang: "từ 80% trở lên"): at least 80%
    t = target(evaluate_with(plan_id, {"tips_total": 10000, "tips_via_force": via}), "xa",
               "tips_via_force")
    assert (t.verdict, t.comparator, t.section) == (verdict, "gte", f"{SECTION[plan_id]}.1")
    assert t.quote and "80%" in t.quote


@pytest.mark.parametrize("plan_id", list(ISSUED))
@pytest.mark.parametrize(("provided", "verdict"), [(9000, "not_met"), (9001, "met")])
def test_household_boundary_90_90_01(plan_id: str, provided: int, verdict: str) -> None:
    # x.4: "trên 90%": strictly more than 90%
    ev = evaluate_with(plan_id, {"household_records_total": 10000,
                                 "household_records_provided": provided})
    t = target(ev, "xa", "household_records")
    assert (t.verdict, t.comparator, t.section) == (verdict, "gt", f"{SECTION[plan_id]}.4")
    assert t.quote and "trên 90%" in t.quote


@pytest.mark.parametrize("plan_id", list(ISSUED))
def test_monthly_or_target(plan_id: str) -> None:
    # x.7: every month, a good deed OR a commended member
    months = phase_1_months(plan_id)
    ok = evaluate_with(plan_id, team_by_month={months[1]: {"good_deeds": 0,
                                                           "members_commended": 1}})
    assert target(ok, "to", "monthly_good_deed").verdict == "met"
    bad = evaluate_with(plan_id, team_by_month={months[1]: {"good_deeds": 0,
                                                            "members_commended": 0}})
    t = target(bad, "to", "monthly_good_deed")
    assert (t.verdict, t.failed_periods, t.section) == ("not_met", (months[1],),
                                                        f"{SECTION[plan_id]}.7")


@pytest.mark.parametrize(("plan_id", "metric"), [("kon_plong", "models_recognised"),
                                                 ("bac_giang", "mass_models_commended_replicated"),
                                                 ("ninh_thuan", "models_highly_rated"),
                                                 ("tuyen_quang", "models_recognised")])
def test_model_target_reads_each_plans_own_metric(plan_id: str, metric: str) -> None:
    # x.2: Bắc Giang counts mass-organisation models "nhân rộng", Ninh Thuận models "đánh giá cao"
    others = {m: 1 for m in ("models_recognised", "mass_models_commended_replicated",
                             "models_highly_rated")}
    months = phase_1_months(plan_id)
    records = []
    for month in months:
        records.append(Record("xa", month, {**COMMUNE, **others, metric: 0}))
        records.append(Record("to", month, TEAM))
    ev = evaluate(er.load_plan(plan_id), records, units=UNITS, issued=ISSUED[plan_id],
                  as_of=date(2025, 9, 1))
    assert target(ev, "xa", "model_recognised").verdict == "not_met"


def test_tuyen_quang_all_tasks_completed() -> None:
    # Tuyên Quang 4.7 "hoàn thành 100% số lượng công việc, chỉ tiêu nhiệm vụ được giao"
    months = phase_1_months("tuyen_quang")
    bad = evaluate_with("tuyen_quang", team_by_month={months[0]: {"tasks_completed": 2}})
    assert target(bad, "to", "all_tasks_completed").verdict == "not_met"
    assert target(evaluate_with("tuyen_quang"), "to", "all_tasks_completed").verdict == "met"


EXAMPLES = {**{p: (["--issued", d.isoformat()], "2025-08-31") for p, d in ISSUED.items()},
            "phuong_tien": ([], "2030-12-31")}
EXAMPLE_REJECTS = {
    **{p: ["contradictory-counts", "duplicate-row", "invalid-count", "unknown-unit"]
       for p in ISSUED},
    "phuong_tien": ["duplicate-row", "invalid-value"],
}


@pytest.mark.parametrize("plan_id", list(EXAMPLES))
def test_every_example_evaluates_and_accounts_for_every_row(plan_id: str, cli: Any) -> None:
    metrics = ROOT / "examples" / f"{plan_id}_metrics.csv"
    issued, as_of = EXAMPLES[plan_id]
    result = cli("evaluate", "--plan", plan_id, "--metrics", str(metrics), "--units",
                 str(ROOT / "examples" / f"{plan_id}_units.csv"), *issued,
                 "--as-of", as_of, "--format", "json")
    assert result.code == 0, result.err
    data = json.loads(result.out)
    lines = metrics.read_text(encoding="utf-8-sig").count("\n") - 1
    assert data["rows"]["total"] == lines
    assert data["rows"]["used"] + data["rows"]["rejected"] == lines
    assert sorted(i["code"] for i in data["rejected"]) == EXAMPLE_REJECTS[plan_id]
    assert data["results"]
    strict = cli("evaluate", "--plan", plan_id, "--metrics", str(metrics), *issued,
                 "--as-of", as_of, "--strict")
    assert strict.code == 1


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--plan", "phuong_tien", "--as-of", "2025-06-01"], "no yearly review"),
        (["--plan", "special_movement_2024", "--as-of", "2025-01-01"], "template"),
        (["--plan", "kon_plong", "--as-of", "2025-01-01"], "--issued"),
    ],
)
def test_evaluate_usage_errors_exit_2(cli: Any, tmp_path: Any, argv: list[str],
                                      message: str) -> None:
    metrics = tmp_path / "m.csv"
    metrics.write_text("unit,period,good_deeds\nt1,2024-12,1\n", encoding="utf-8")
    result = cli("evaluate", "--metrics", str(metrics), *argv)
    assert result.code == 2
    assert message in result.err


@pytest.mark.parametrize("plan_id", list(ISSUED))
def test_straddling_february_and_an_unknown_month(plan_id: str) -> None:
    """February 2025 (3 days of phase 1, 25 of phase 2) counts in phase 2 under the template's
    declared most_days rule; a month without data makes a verdict unknown, not met."""
    plan = er.load_plan(plan_id)
    tl = plan.timeline(ISSUED[plan_id])
    assert tl.phase_of_month(2025, 2) == "phase_2"
    months = [*tl.months_of_phase("phase_1"), "2025-02"]
    records = []
    for month in months:
        if month != months[0]:  # the first month of phase 1 is never reported by the commune
            records.append(Record("xa", month, COMMUNE))
        bad = {"good_deeds": 0, "members_commended": 0} if month == "2025-02" else {}
        records.append(Record("to", month, {**TEAM, **bad}))
    ev = evaluate(plan, records, units=UNITS, issued=ISSUED[plan_id], as_of=date(2025, 2, 28))
    assert target(ev, "to", "monthly_good_deed").verdict == "met"        # phase 1 unaffected
    phase_2 = next(t for r in ev.results if r.unit == "to" and r.window == "phase_2"
                   for c in r.criteria for t in c.targets if t.target == "monthly_good_deed")
    assert (phase_2.verdict, phase_2.periods) == ("not_met", ("2025-02",))
    unknown = target(ev, "xa", "no_reoffending")
    assert (unknown.verdict, unknown.missing_periods) == ("unknown", (months[0],))
    assert unknown.section == f"{SECTION[plan_id]}.5"


def test_exit_1_when_no_row_is_usable(cli: Any, tmp_path: Any) -> None:
    metrics = tmp_path / "m.csv"
    metrics.write_text("unit,period,good_deeds\nt1,2024-13,1\nt2,2024-11,x\n", encoding="utf-8")
    result = cli("evaluate", "--plan", "kon_plong", "--metrics", str(metrics), "--issued",
                 "2024-10-15", "--as-of", "2025-03-01")
    assert result.code == 1
    assert "rows: 2 read, 0 evaluated, 2 rejected" in result.err


def test_rows_outside_every_window_are_counted_per_period(cli: Any, tmp_path: Any) -> None:
    """Kon Plông II.2 (issued 2024-10-15): rows for months before the campaign, or after the
    as-of date, are in no window. Each such period is reported once with its first row and how
    many more rows it has; every row is still accounted for."""
    metrics = tmp_path / "m.csv"
    metrics.write_text("unit,period,good_deeds\n"
                       "t1,2024-11,1\n"      # row 2: in phase 1
                       "t1,2023-05,1\n"      # row 3: before the campaign
                       "t2,2023-05,0\n"      # row 4: the same period
                       "t2,2024-11,2\n"      # row 5: in phase 1
                       "t1,2025-06,1\n",     # row 6: after the as-of date
                       encoding="utf-8")
    result = cli("evaluate", "--plan", "kon_plong", "--metrics", str(metrics), "--issued",
                 "2024-10-15", "--as-of", "2025-03-01")
    assert result.code == 0
    assert "rows: 5 read, 2 evaluated, 3 rejected" in result.err
    outside = [line for line in result.err.splitlines() if "period-outside" in line]
    assert len(outside) == 2
    assert ":3:" in outside[0] and "2023-05 (unit 't1' and 1 more row(s)" in outside[0]
    assert ":6:" in outside[1] and "2025-06 (unit 't1')" in outside[1]


def test_a_longer_period_inside_a_phase_is_summed_one_across_phases_is_reported(
        cli: Any, tmp_path: Any) -> None:
    """Kon Plông (issued 2024-10-15): phase 1 is October 2024 to January 2025 (February goes to
    phase 2, most of its days). A quarter inside phase 1 is summed into it; a span over January
    and February would have to be split between the phases, so it is reported, not guessed."""
    metrics = tmp_path / "m.csv"
    metrics.write_text("unit,period,tips_total,tips_via_force\n"
                       "t1,2024-10..2024-12,10,9\n"   # row 2: inside phase 1
                       "t1,2025-01,10,7\n"            # row 3: phase 1
                       "t2,2025-01..2025-02,5,5\n",   # row 4: January (phase 1) + February
                       encoding="utf-8")
    result = cli("evaluate", "--plan", "kon_plong", "--metrics", str(metrics), "--issued",
                 "2024-10-15", "--as-of", "2025-02-01", "--format", "json")
    assert result.code == 0
    assert "rows: 3 read, 2 evaluated, 1 rejected" in result.err
    assert "period-spans-phases" in result.err and ":4:" in result.err
    data = json.loads(result.out)
    (tips,) = [t for r in data["results"] if (r["unit"], r["window"]) == ("t1", "phase_1")
               for c in r["criteria"] for t in c["targets"] if t["target"] == "tips_via_force"]
    # 4.1 "80%": (9 + 7) / (10 + 10) = 80% over the whole phase, no month missing
    assert (tips["verdict"], tips["observed"], tips["missing_periods"]) == ("met", 0.8, [])


def test_a_commune_summing_its_teams_cannot_use_its_own_longer_period() -> None:
    """Bắc Giang 4.x "trên địa bàn": a commune's area targets sum its teams' monthly rows, so a
    commune row for several months cannot be combined with them: it is reported (area-sum)."""
    plan = er.load_plan("bac_giang")
    units = [er.UnitInfo("xa", "Xã", "commune", "b1"),
             er.UnitInfo("to", "Tổ", "team", "b1", "xa")]
    records = [Record("xa", "2024-10..2024-12", {"tips_total": 3}, 2)]
    ev = evaluate(plan, records, units=units, issued=date(2024, 9, 1), as_of=date(2025, 8, 31))
    assert [(o.period, o.reason, o.first_row) for o in ev.outside] == [
        ("2024-10..2024-12", "area-sum", 2)]


def test_rows_for_several_months_that_could_decide_nothing_are_reported() -> None:
    """Every row is used or reported. Bắc Giang's team targets (4.7) hold month by month, so a
    team's quarter decides nothing (per-month); no target applies to a district (no-target);
    a span over a month that has its own row would count it twice (overlap); a span from May
    (phase 2, which ends 19/5/2025) into the months after it cannot be placed in a window
    (partly-outside); a span longer than a year is no period this version reads (no-window)."""
    plan = er.load_plan("bac_giang")
    units = [er.UnitInfo("h", "Huyện", "district", "b0"),
             er.UnitInfo("xa", "Xã", "commune", "b1", "h"),
             er.UnitInfo("to", "Tổ", "team", "b1", "xa")]
    good = {"good_deeds": 1, "members_commended": 0}
    records = [Record("to", "2025-02..2025-03", good, 2),
               Record("h", "2025-02..2025-03", {}, 3),
               Record("to", "2025-04", good, 4),
               Record("to", "2025-04..2025-05", good, 5),
               Record("to", "2025-05..2025-07", good, 6),
               Record("to", "2024-01..2025-06", good, 7)]
    ev = evaluate(plan, records, units=units, issued=date(2024, 9, 1), as_of=date(2025, 8, 31))
    assert sorted((o.first_row, o.reason) for o in ev.outside) == [
        (2, "per-month"), (3, "no-target"), (5, "overlap"), (6, "partly-outside"),
        (7, "no-window")]


def test_outside_rows_name_the_first_row_of_the_input() -> None:
    plan = er.load_plan("kon_plong")
    records = [Record("b", "2023-01", {}, 2), Record("a", "2023-01", {}, 3)]
    ev = evaluate(plan, records, issued=date(2024, 10, 15), as_of=date(2025, 3, 1))
    assert [(o.period, o.rows, o.first_row, o.first_unit) for o in ev.outside] == [
        ("2023-01", 2, 2, "b")]
