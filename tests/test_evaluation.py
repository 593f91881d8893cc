"""The evaluation core on small hand-worked cases (Kon Plông, issued 15/10/2024).

Phase 1 runs 15/10/2024-03/02/2025: months 2024-10 .. 2025-01 (February, 3 days of phase 1 and 25
of phase 2, belongs to phase 2 by the template's declared most_days rule).
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

import pytest

import emulation_rules as er
from emulation_rules.evaluation import evaluate
from emulation_rules.records import Record, UnitInfo

PLAN = er.load_plan("kon_plong")
ISSUED = date(2024, 10, 15)
PHASE_1 = ["2024-10", "2024-11", "2024-12", "2025-01"]
COMMUNE_OK: dict[str, int | None] = {
    "tips_total": 10, "tips_via_force": 8, "incidents_total": 2, "incidents_force_present": 2,
    "models_recognised": 1, "rescue_callouts": 0, "rescue_callouts_present": 0,
    "conditional_business_violations": 0, "household_records_total": 100,
    "household_records_provided": 95, "illegal_weapons_cases": 0, "reoffences": 0,
    "serious_traffic_accidents": 0,
}
TEAM_OK: dict[str, int | None] = {"good_deeds": 1, "members_commended": 0, "force_members": 4,
           "force_members_patrolling": 4}
UNITS = [UnitInfo("xa", "Xã A", "commune"), UnitInfo("to1", "Tổ 1", "team", parent="xa"),
         UnitInfo("to2", "Tổ 2", "team", parent="xa")]


def run(commune: Mapping[str, Mapping[str, int | None]] | None = None,
        teams: Mapping[str, Mapping[str, Mapping[str, int | None]]] | None = None,
        periods: list[str] = PHASE_1, as_of: date = date(2025, 3, 1)) -> Any:
    records = []
    for p in periods:
        records.append(Record("xa", p, {**COMMUNE_OK, **(commune or {}).get(p, {})}))
        for team in ("to1", "to2"):
            records.append(Record(team, p, {**TEAM_OK, **((teams or {}).get(team, {})
                                                          .get(p, {}))}))
    return evaluate(PLAN, records, units=UNITS, issued=ISSUED, as_of=as_of)


def target(ev: Any, unit: str, target_id: str, window: str = "phase_1") -> Any:
    for res in ev.results:
        if res.unit == unit and res.window == window:
            for crit in res.criteria:
                for t in crit.targets:
                    if t.target == target_id:
                        return t
    raise AssertionError(f"no result for {unit} {target_id} {window}")


def test_all_targets_met() -> None:
    ev = run()
    summary = ev.summary()["phase_1"]
    for criterion, counts in summary.items():
        units = 2 if criterion == "good_image" else 1  # two teams, one commune
        assert counts == {"met": units, "not_met": 0, "unknown": 0}, criterion
    assert ev.plan_hash.startswith("sha256:")


@pytest.mark.parametrize(
    ("via", "total", "verdict"),
    [(7999, 10000, "not_met"), (8000, 10000, "met"), (8001, 10000, "met")],
)
def test_80_percent_is_at_least(via: int, total: int, verdict: str) -> None:
    # 4.1 "80% nguồn tin ... thông qua lực lượng": a bare 80% is "at least" (gte)
    share = {"2024-10": {"tips_total": total, "tips_via_force": via}}
    zero = {p: {"tips_total": 0, "tips_via_force": 0} for p in PHASE_1[1:]}
    t = target(run({**share, **zero}), "xa", "tips_via_force")
    assert (t.verdict, t.comparator, t.threshold, t.section) == (verdict, "gte", 0.8, "4.1")


@pytest.mark.parametrize(
    ("provided", "verdict"), [(9000, "not_met"), (9001, "met")],
)
def test_over_90_percent_is_strictly_greater(provided: int, verdict: str) -> None:
    # 4.4 "Nhân dân cung cấp trên 90% thông tin về nhân khẩu": "trên" is gt
    rows = {p: {"household_records_total": 0, "household_records_provided": 0}
            for p in PHASE_1}
    rows["2024-11"] = {"household_records_total": 10000, "household_records_provided": provided}
    t = target(run(rows), "xa", "household_records")
    assert (t.verdict, t.comparator) == (verdict, "gt")


def test_ratio_is_sum_over_sum_not_mean_of_ratios() -> None:
    # month 1: 1/1 (100%), month 2: 70/100 (70%): mean 85% would pass; 71/101 = 70.3% fails
    rows = {p: {"tips_total": 0, "tips_via_force": 0} for p in PHASE_1}
    rows["2024-10"] = {"tips_total": 1, "tips_via_force": 1}
    rows["2024-11"] = {"tips_total": 100, "tips_via_force": 70}
    t = target(run(rows), "xa", "tips_via_force")
    assert t.verdict == "not_met"
    assert t.observed == pytest.approx(71 / 101, abs=1e-6)


def test_no_cases_uses_the_declared_local_policy() -> None:
    rows = {p: {"incidents_total": 0, "incidents_force_present": 0} for p in PHASE_1}
    t = target(run(rows), "xa", "incidents_attended")
    assert (t.verdict, t.no_cases, t.policy) == ("met", True, "local")
    tips = {p: {"tips_total": 0, "tips_via_force": 0} for p in PHASE_1}
    t = target(run(tips), "xa", "tips_via_force")
    assert (t.verdict, t.no_cases) == ("unknown", True)


def test_per_month_or_target_holds_in_every_month() -> None:
    # 4.7: every month, a good deed OR a commended member
    teams = {"to1": {"2024-11": {"good_deeds": 0, "members_commended": 2}},
             "to2": {"2024-12": {"good_deeds": 0, "members_commended": 0}}}
    ev = run(teams=teams)
    assert target(ev, "to1", "monthly_good_deed").verdict == "met"
    t2 = target(ev, "to2", "monthly_good_deed")
    assert (t2.verdict, t2.failed_periods) == ("not_met", ("2024-12",))


def test_a_missing_month_makes_the_verdict_unknown_not_met() -> None:
    ev = run(periods=PHASE_1[:3])
    t = target(ev, "xa", "no_reoffending")
    assert (t.verdict, t.missing_periods) == ("unknown", ("2025-01",))
    assert target(ev, "to1", "monthly_good_deed").verdict == "unknown"


def test_area_target_sums_the_teams_of_the_commune() -> None:
    # 4.6 "100% lực lượng ... tham gia hỗ trợ ... tuần tra": one absent member in one team
    teams = {"to2": {"2024-10": {"force_members": 5, "force_members_patrolling": 4}}}
    t = target(run(teams=teams), "xa", "all_members_patrol")
    assert t.verdict == "not_met"
    # 8 team-months: seven of 4/4 and one of 4/5, summed: 32 patrolling of 33 members
    assert t.observed == pytest.approx(32 / 33, abs=1e-6)


def test_straddling_february_counts_in_phase_2() -> None:
    """New rule (issue 10): months after the as-of month are missing data, so phase 2 (February
    to August 2025) lists all its months, and February's failure decides it already."""
    periods = [*PHASE_1, "2025-02"]
    teams = {"to1": {"2025-02": {"good_deeds": 0, "members_commended": 0}}}
    ev = run(teams=teams, periods=periods, as_of=date(2025, 2, 28))
    assert target(ev, "to1", "monthly_good_deed").verdict == "met"  # phase 1 unaffected
    t2 = target(ev, "to1", "monthly_good_deed", "phase_2")
    later = ("2025-03", "2025-04", "2025-05", "2025-06", "2025-07", "2025-08")
    assert (t2.verdict, t2.periods, t2.failed_periods) == (
        "not_met", ("2025-02", *later), ("2025-02",))
    assert (t2.missing_periods, t2.decided_despite_missing) == (later, True)


def test_json_is_byte_identical_across_processes_and_hash_seeds(tmp_path: Any) -> None:
    """Issue 4: same inputs give byte-identical JSON, whatever PYTHONHASHSEED."""
    import os
    import subprocess
    import sys

    units = tmp_path / "units.csv"
    units.write_text("id,name,kind,bloc,parent\nxa,Xã A,commune,b1,\nto1,Tổ 1,team,,xa\n"
                     "to2,Tổ 2,team,,xa\n", encoding="utf-8")
    header = ["unit", "period", *COMMUNE_OK, *TEAM_OK]
    lines = [",".join(header)]
    for p in PHASE_1:
        lines.append(",".join(["xa", p, *map(str, COMMUNE_OK.values()), *[""] * len(TEAM_OK)]))
        for team in ("to1", "to2"):
            lines.append(",".join([team, p, *[""] * len(COMMUNE_OK),
                                   *map(str, TEAM_OK.values())]))
    metrics = tmp_path / "metrics.csv"
    metrics.write_text("\n".join(lines) + "\n", encoding="utf-8")
    outputs = []
    for seed in ("1", "4242"):
        env = {**os.environ, "PYTHONHASHSEED": seed, "PYTHONPATH": os.pathsep.join(sys.path)}
        result = subprocess.run(
            [sys.executable, "-m", "emulation_rules", "evaluate", "--plan", "kon_plong",
             "--metrics", str(metrics), "--units", str(units), "--issued", "2024-10-15",
             "--as-of", "2025-03-01", "--format", "json"],
            capture_output=True, env=env, timeout=120, check=False)
        assert result.returncode == 0, result.stderr
        outputs.append(result.stdout)
    assert outputs[0] == outputs[1]
    assert b'"plan_hash": "sha256:' in outputs[0] and b'"issued": "2024-10-15"' in outputs[0]


def test_a_plan_may_declare_that_a_missing_period_is_not_met(tmp_path: Any) -> None:
    plan_file = tmp_path / "strict_kp.yaml"
    plan_file.write_text(
        "id: strict_kp\nextends: kon_plong\nmissing_period:\n  verdict: not_met\n"
        "  policy: local\n  reason: This district treats an unreported month as a failure.\n",
        encoding="utf-8")
    plan = er.load_plan(plan_file)
    records = []
    for p in PHASE_1[:3]:  # January 2025 never reported
        records.append(Record("xa", p, COMMUNE_OK))
        for team in ("to1", "to2"):
            records.append(Record(team, p, TEAM_OK))
    ev = evaluate(plan, records, units=UNITS, issued=ISSUED, as_of=date(2025, 3, 1))
    t = target(ev, "xa", "no_reoffending")
    assert (t.verdict, t.missing_periods) == ("not_met", ("2025-01",))
    assert target(ev, "to1", "monthly_good_deed").verdict == "not_met"
    # without the declaration the same data give unknown
    assert target(run(periods=PHASE_1[:3]), "xa", "no_reoffending").verdict == "unknown"


def test_public_api_evaluates_from_files(tmp_path: Any) -> None:
    from pathlib import Path

    metrics = Path(tmp_path) / "m.csv"
    metrics.write_text("unit,period,good_deeds,members_commended\n"
                       + "".join(f"to1,{p},1,0\n" for p in PHASE_1), encoding="utf-8")
    read = er.read_metrics(metrics)
    ev = er.evaluate(PLAN, read, issued=ISSUED, as_of=date(2025, 3, 1))
    assert isinstance(ev, er.Evaluation)
    assert target(ev, "to1", "monthly_good_deed").verdict == "met"
    # issue 10: the reader's result passed whole, so the accounting holds from Python too
    assert (ev.rows_total, ev.rows_used, ev.rejected) == (4, 4, ())


def test_csv_output_neutralises_formulas_and_output_is_atomic(cli: Any, tmp_path: Any) -> None:
    metrics = tmp_path / "m.csv"
    metrics.write_text("unit,period,good_deeds,members_commended\n"
                       "=HYPERLINK(\"x\"),2024-11,1,0\n+1,2024-11,1,0\n", encoding="utf-8")
    out = tmp_path / "report.csv"
    result = cli("evaluate", "--plan", "kon_plong", "--metrics", str(metrics), "--issued",
                 "2024-10-15", "--as-of", "2025-03-01", "--format", "csv", "--output", str(out))
    assert result.code == 0, result.err
    text = out.read_text(encoding="utf-8")
    cells = [line.split(",")[0] for line in text.splitlines()[1:]]
    assert cells and all(c.startswith("'") or c.startswith('"\'') for c in cells)
    assert not any(line.startswith(("=", "+", "-", "@")) for line in text.splitlines())
    assert sorted(p.name for p in tmp_path.iterdir()) == ["m.csv", "report.csv"]  # no temp left
