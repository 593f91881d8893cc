"""Golden evaluation cases for each of the four 2024 plans, each verdict with its citation, and
every example data set evaluated end to end with every row accounted for."""

from __future__ import annotations

import json
from datetime import date
from typing import Any

import pytest

import emulation_rules as er
from emulation_rules.evaluation import AttestationRow, evaluate
from emulation_rules.records import Record, UnitInfo
from emulation_rules.timelines import timeline

from .conftest import ROOT

ISSUED = {"kon_plong": date(2024, 10, 15), "bac_giang": date(2024, 9, 1),
          "ninh_thuan": date(2024, 11, 5), "tuyen_quang": date(2024, 10, 20)}
SECTION = {"kon_plong": "4", "bac_giang": "4", "tuyen_quang": "4", "ninh_thuan": "2"}
COMMUNE: dict[str, int | None] = {
    "tips_total": 10, "tips_via_force": 9, "incidents_total": 1, "incidents_force_present": 1,
    "models_recognised": 1, "mass_models_commended_replicated": 1, "models_highly_rated": 1,
    "rescue_callouts": 0, "rescue_callouts_present": 0, "conditional_business_violations": 0,
    "household_records_total": 100, "household_records_provided": 95,
    "illegal_weapons_cases": 0, "reoffences": 0, "serious_traffic_accidents": 0,
}
TEAM: dict[str, int | None] = {"good_deeds": 1, "members_commended": 0, "force_members": 4,
        "force_members_patrolling": 4, "tasks_assigned": 3, "tasks_completed": 3}
UNITS = [UnitInfo("xa", "Xã", "commune"), UnitInfo("to", "Tổ", "team", parent="xa")]


def phase_1_months(plan_id: str) -> list[str]:
    tl = timeline(er.load_plan(plan_id), issued=ISSUED[plan_id])
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
    others: dict[str, int | None] = {
        m: 1 for m in ("models_recognised", "mass_models_commended_replicated",
                       "models_highly_rated")}
    months = phase_1_months(plan_id)
    records = []
    for month in months:
        records.append(Record("xa", month, {**COMMUNE, **others, metric: 0}))
        records.append(Record("to", month, TEAM))
    ev = evaluate(er.load_plan(plan_id), records, units=UNITS, issued=ISSUED[plan_id],
                  as_of=date(2025, 9, 1))
    assert target(ev, "xa", "model_recognised").verdict == "not_met"


def test_tuyen_quang_all_tasks_completed_is_decided_by_an_attestation() -> None:
    """Tuyên Quang 4.7 "hoàn thành 100% số lượng công việc, chỉ tiêu nhiệm vụ được giao đạt chất
    lượng, hiệu quả". New rule (issue 10): it is an attestation condition, decided by an
    AttestationRow for one window ("phase_1") or for the whole campaign (window ""), and unknown
    without one: the tasks counts a team reports no longer decide it."""
    plan = er.load_plan("tuyen_quang")
    records = [r for m in phase_1_months("tuyen_quang")
               for r in (Record("xa", m, COMMUNE), Record("to", m, TEAM))]

    def verdicts(attestations: list[AttestationRow]) -> dict[str, str]:
        ev = evaluate(plan, records, units=UNITS, issued=ISSUED["tuyen_quang"],
                      as_of=date(2025, 9, 1), attestations=attestations)
        return {w: next(t.verdict for r in ev.results if (r.unit, r.window) == ("to", w)
                        for c in r.criteria for t in c.targets
                        if t.target == "all_tasks_completed") for w in ev.windows}

    assert verdicts([]) == {"phase_1": "unknown", "phase_2": "unknown", "campaign": "unknown"}
    assert verdicts([AttestationRow("to", {"all_tasks_completed": False}, window="phase_1")]) == {
        "phase_1": "not_met", "phase_2": "unknown", "campaign": "unknown"}
    assert verdicts([AttestationRow("to", {"all_tasks_completed": True})]) == {
        "phase_1": "met", "phase_2": "met", "campaign": "met"}
    # a window's own attestation takes precedence over the campaign-wide one
    assert verdicts([AttestationRow("to", {"all_tasks_completed": True}),
                     AttestationRow("to", {"all_tasks_completed": False}, window="phase_2")]) == {
        "phase_1": "met", "phase_2": "not_met", "campaign": "met"}


def test_tuyen_quang_attestations_file_on_the_command_line(cli: Any, tmp_path: Any) -> None:
    """Tuyên Quang 4.7 through ``evaluate --attestations FILE`` (columns unit, optional window,
    yes/no per attestation id), the same verdicts as AttestationRow from Python."""
    metrics = tmp_path / "m.csv"
    metrics.write_text("unit,period,good_deeds\nto,2024-11,1\n", encoding="utf-8")
    units = tmp_path / "u.csv"
    units.write_text("id,name,kind,bloc,parent\nxa,Xã,commune,b1,\nto,Tổ,team,b1,xa\n",
                     encoding="utf-8")
    attestations = tmp_path / "a.csv"
    attestations.write_text("unit,window,all_tasks_completed\nto,phase_1,không\n",
                            encoding="utf-8")
    result = cli("evaluate", "--plan", "tuyen_quang", "--metrics", str(metrics), "--units",
                 str(units), "--attestations", str(attestations), "--issued", "2024-10-20",
                 "--as-of", "2025-09-01", "--format", "json")
    assert result.code == 0, result.err
    got = {r["window"]: t["verdict"] for r in json.loads(result.out)["results"]
           if r["unit"] == "to" for c in r["criteria"] for t in c["targets"]
           if t["target"] == "all_tasks_completed"}
    assert got == {"phase_1": "not_met", "phase_2": "unknown", "campaign": "unknown"}


EXAMPLES = {**{p: (["--issued", d.isoformat()], "2025-08-31") for p, d in ISSUED.items()},
            "phuong_tien": ([], "2030-12-31")}
EXAMPLE_REJECTS = {
    **{p: ["contradictory-counts", "duplicate-row", "invalid-count", "unknown-unit"]
       for p in ISSUED},
    "phuong_tien": ["duplicate-row", "invalid-value"],
}


@pytest.mark.parametrize("plan_id", list(EXAMPLES))
def test_every_example_evaluates_and_accounts_for_every_row(plan_id: str, cli: Any) -> None:
    """Every row of each example is evaluated or rejected, and each planted bad row is rejected
    once. The example data now covers Bắc Giang's campaign window (June-August 2025 included)
    and follows each plan's campaign window: Tuyên Quang's (issued 20/10/2024) starts in November
    2024, so its example has no October rows and its planted duplicate is a duplicate-row (it
    was a period-outside October row)."""
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


def test_an_open_ended_plan_before_it_starts_is_laid_out_not_refused(cli: Any,
                                                                      tmp_path: Any) -> None:
    """Phượng Tiến starts in 01/2026 (II.2). New rule (issue 10): its yearly review is windows of
    the one timeline (year:YYYY, stage:YYYY-YYYY), not a separate path that refused an as-of
    date before the first year (exit 2): the windows are laid out, a 2024-12 row is in none of
    them (period-outside), and with no usable row the run exits 1."""
    metrics = tmp_path / "m.csv"
    metrics.write_text("unit,period,good_deeds\nt1,2024-12,1\n", encoding="utf-8")
    result = cli("evaluate", "--metrics", str(metrics), "--plan", "phuong_tien", "--as-of",
                 "2025-06-01", "--format", "json")
    assert result.code == 1
    assert "nothing could be evaluated" in result.err
    data = json.loads(result.out)
    assert data["windows"] == ["year:2026", "year:2027", "year:2028", "year:2029", "year:2030",
                               "stage:2026-2030"]
    assert data["rows"] == {"total": 1, "used": 0, "rejected": 1}
    assert [(i["code"], i["row"]) for i in data["rejected"]] == [("period-outside", 2)]


@pytest.mark.parametrize("plan_id", list(ISSUED))
def test_straddling_february_and_an_unknown_month(plan_id: str) -> None:
    """February 2025 (3 days of phase 1, 25 of phase 2) counts in phase 2 under the template's
    declared most_days rule; a month without data makes a verdict unknown, not met.
    New rule (issue 10): months after the as-of month are missing data, not dropped, so phase 2
    lists all its months and a failed February is "already failed" despite them."""
    plan = er.load_plan(plan_id)
    tl = timeline(plan, issued=ISSUED[plan_id])
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
    later = tuple(tl.months_of_phase("phase_2")[1:])  # March to the end of phase 2
    assert later[0] == "2025-03"
    assert (phase_2.verdict, phase_2.periods, phase_2.failed_periods) == (
        "not_met", ("2025-02", *later), ("2025-02",))
    assert (phase_2.missing_periods, phase_2.decided_despite_missing) == (later, True)
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
    """Kon Plông II.2 (issued 2024-10-15): rows for months before the campaign are in no window,
    rows for months after the as-of month are not evaluated. Each such period is reported once
    with its first row and how many more rows it has; every row is still accounted for.
    New rule (issue 10): a row after the as-of month is reported as period-after-as-of (its
    month is missing data in the running window), no longer as period-outside."""
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
    assert len(outside) == 1
    assert ":3:" in outside[0] and "2023-05 (unit 't1' and 1 more row(s)" in outside[0]
    after = [line for line in result.err.splitlines() if "period-after-as-of" in line]
    assert len(after) == 1
    assert ":6:" in after[0] and "2025-06 (unit 't1')" in after[0]


def test_a_longer_period_inside_a_phase_is_summed_one_across_phases_counts_in_the_campaign(
        cli: Any, tmp_path: Any) -> None:
    """Kon Plông (issued 2024-10-15): phase 1 is October 2024 to January 2025 (February goes to
    phase 2, most of its days). A quarter inside phase 1 is summed into it. New rule (issue 10):
    a row for several months counts in every window holding all its months, so a span over
    January and February (no longer rejected as period-spans-phases) counts in the campaign
    window and leaves January missing in phase 1 and February missing in phase 2."""
    metrics = tmp_path / "m.csv"
    metrics.write_text("unit,period,tips_total,tips_via_force\n"
                       "t1,2024-10..2024-12,10,9\n"   # row 2: inside phase 1
                       "t1,2025-01,10,7\n"            # row 3: phase 1
                       "t2,2025-01..2025-02,5,5\n",   # row 4: January (phase 1) + February
                       encoding="utf-8")
    result = cli("evaluate", "--plan", "kon_plong", "--metrics", str(metrics), "--issued",
                 "2024-10-15", "--as-of", "2025-02-01", "--format", "json")
    assert result.code == 0
    assert "rows: 3 read, 3 evaluated, 0 rejected" in result.err
    assert "period-spans-phases" not in result.err
    data = json.loads(result.out)
    tips = {(r["unit"], r["window"]): t for r in data["results"] for c in r["criteria"]
            for t in c["targets"] if t["target"] == "tips_via_force"}
    # 4.1 "80%": (9 + 7) / (10 + 10) = 80% over the whole phase, no month missing
    t1 = tips["t1", "phase_1"]
    assert (t1["verdict"], t1["observed"], t1["missing_periods"]) == ("met", 0.8, [])
    # t2's span is read only where all its months are: the campaign window (5 of 5)
    campaign = tips["t2", "campaign"]
    assert campaign["observed"] == 1.0
    assert "2025-01" not in campaign["missing_periods"]
    assert "2025-02" not in campaign["missing_periods"]
    assert tips["t2", "phase_1"]["missing_periods"] == ["2024-10", "2024-11", "2024-12",
                                                       "2025-01"]
    assert tips["t2", "phase_1"]["observed"] is None
    assert tips["t2", "phase_2"]["missing_periods"][0] == "2025-02"


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
    """Every row is used or reported. New rules (issue 10): a team's span in an area structure
    is reported period-area-sum (its commune sums teams month by month); no target applies to a
    district (period-no-target); a span over a month that has its own row is rejected as
    overlapping-periods; a span from before the campaign into it is period-partly-outside; a
    span longer than 12 months is no period (invalid-period). The old per-month, overlap and
    no-window reasons for spans are gone."""
    plan = er.load_plan("bac_giang")
    units = [UnitInfo("h", "Huyện", "district", "b0"),
             UnitInfo("xa", "Xã", "commune", "b1", "h"),
             UnitInfo("to", "Tổ", "team", "b1", "xa")]
    good: dict[str, int | None] = {"good_deeds": 1, "members_commended": 0}
    records = [Record("to", "2025-02..2025-03", good, 2),
               Record("h", "2025-02..2025-03", {}, 3),
               Record("to", "2025-04", good, 4),
               Record("to", "2025-04..2025-05", good, 5),
               Record("to", "2024-08..2024-09", good, 6),
               Record("to", "2024-01..2025-06", good, 7)]
    ev = evaluate(plan, records, units=units, issued=date(2024, 9, 1), as_of=date(2025, 8, 31))
    assert sorted((o.first_row, o.reason) for o in ev.outside) == [
        (2, "area-sum"), (3, "no-target"), (6, "partly-outside")]
    assert [(i.code, i.location.line) for i in ev.rejected] == [
        ("period-area-sum", 2), ("period-no-target", 3), ("overlapping-periods", 5),
        ("period-partly-outside", 6), ("invalid-period", 7)]
    assert (ev.rows_total, ev.rows_used) == (6, 1)


def test_a_per_month_target_reads_months_under_a_span_as_missing() -> None:
    """Bắc Giang 4.7 holds month by month. New rule (issue 10): a row for several months is no
    longer rejected (period-per-month) for a unit outside an area structure; a per-month target
    treats the months it covers as missing, so the team's phase 1 stays unknown."""
    plan = er.load_plan("bac_giang")
    good: dict[str, int | None] = {"good_deeds": 1, "members_commended": 0}
    records = [Record("to", "2024-09..2024-10", good, 2), Record("to", "2024-11", good, 3)]
    ev = evaluate(plan, records, issued=date(2024, 9, 1), as_of=date(2025, 8, 31))
    assert (ev.outside, ev.rejected, ev.rows_used) == ((), (), 2)
    res = ev.result("to", "phase_1")
    assert res is not None
    (t,) = [t for c in res.criteria for t in c.targets if t.target == "monthly_good_deed"]
    assert (t.verdict, t.missing_periods) == (
        "unknown", ("2024-09", "2024-10", "2024-12", "2025-01"))


def test_outside_rows_name_the_first_row_of_the_input() -> None:
    plan = er.load_plan("kon_plong")
    records = [Record("b", "2023-01", {}, 2), Record("a", "2023-01", {}, 3)]
    ev = evaluate(plan, records, issued=date(2024, 10, 15), as_of=date(2025, 3, 1))
    assert [(o.period, o.rows, o.first_row, o.first_unit) for o in ev.outside] == [
        ("2023-01", 2, 2, "b")]


@pytest.mark.parametrize("plan_id", list(EXAMPLES))
def test_target_counts_for_scoring_agree_with_the_explanations(plan_id: str) -> None:
    """Award scoring reads targets' verdicts alone (no explanation built); for every unit and
    window of each example they and their counts equal the explained targets' verdicts."""
    issued, as_of = EXAMPLES[plan_id]
    ev = evaluate(er.load_plan(plan_id), er.read_metrics(ROOT / "examples" /
                                                         f"{plan_id}_metrics.csv"),
                  units=er.read_unit_tree(ROOT / "examples" / f"{plan_id}_units.csv")[0],
                  issued=date.fromisoformat(issued[1]) if issued else None,
                  as_of=date.fromisoformat(as_of))
    checked = 0
    for res in ev.results:
        counts, by_id = res.target_counts(), res.target_verdicts()
        explained = {t.target: t.verdict for c in res.criteria for t in c.targets}
        assert by_id == explained, (res.unit, res.window)
        verdicts = list(explained.values())
        assert counts == (verdicts.count("met"), verdicts.count("unknown"))
        checked += 1
    assert checked == len(ev.results) > 100


@pytest.mark.parametrize("plan_id", list(EXAMPLES))
def test_per_period_explanations_read_through_the_verdict_twin_agree_with_the_full_check(
        plan_id: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """A per-month or per-year target's explanation takes each period's verdict from the
    verdict-only twin and its unknown cells from the columns it reads: the whole report equals
    the one built with the explaining check on every period (forced by leaving the twin out)."""
    from emulation_rules import evaluation
    from emulation_rules.reporting import evaluation_data

    issued, as_of = EXAMPLES[plan_id]

    def run() -> Any:
        ev = evaluate(er.load_plan(plan_id),
                      er.read_metrics(ROOT / "examples" / f"{plan_id}_metrics.csv"),
                      units=er.read_unit_tree(ROOT / "examples" / f"{plan_id}_units.csv")[0],
                      issued=date.fromisoformat(issued[1]) if issued else None,
                      as_of=date.fromisoformat(as_of))
        return evaluation_data(ev)

    light = run()
    monkeypatch.setattr(evaluation, "_with_fast", lambda targets: targets)
    assert run() == light
    assert any(t["per"] != "total" for r in light["results"] for c in r["criteria"]
               for t in c["targets"])
