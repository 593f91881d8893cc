"""The command-line interface: exit codes, formats, and PLAN arguments as ids or paths."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

import emulation_rules as er
from emulation_rules import _yaml
from emulation_rules.model import Plan

from .conftest import INVALID, LOCALITIES, ROOT, SHIPPED


def test_validate_all_shipped_plans_exits_0(cli: Any) -> None:
    result = cli("validate", *map(str, SHIPPED))
    assert result.code == 0, result.out
    assert f"{len(SHIPPED)} plan(s) checked: {len(SHIPPED)} valid" in result.out


def test_validate_accepts_bundled_ids(cli: Any) -> None:
    assert cli("validate", *LOCALITIES).code == 0


@pytest.mark.parametrize("name", ["duplicate_key", "impossible_date", "unknown_key"])
def test_validate_rejects_broken_copies_with_line_and_exit_1(cli: Any, name: str) -> None:
    path = INVALID / f"{name}.yaml"
    result = cli("validate", str(path))
    assert result.code == 1
    code, line, yaml_path = (path.read_text(encoding="utf-8").splitlines()[0]
                             .removeprefix("# expect:").split())
    assert f"{path}:{line}:" in result.out
    assert f"{yaml_path}: error[{code}]" in result.out


def test_validate_json_format(cli: Any) -> None:
    result = cli("validate", str(INVALID / "unknown_key.yaml"), "kon_plong", "--format", "json")
    data = json.loads(result.out)
    assert result.code == 1
    assert data["summary"] == {"files": 2, "invalid": 1, "errors": 1}
    issue = data["files"][0]["issues"][0]
    assert (issue["code"], issue["line"], issue["path"]) == ("unknown-key", 8, "$.phases[1].mottto")
    assert issue["hint"] == "did you mean 'motto'?"
    assert data["files"][1]["valid"] is True


def test_validate_github_format(cli: Any) -> None:
    result = cli("validate", str(INVALID / "duplicate_key.yaml"), "--format", "github")
    assert result.out.startswith(f"::error file={INVALID / 'duplicate_key.yaml'},line=8,col=3,"
                                 "title=duplicate-key::")


@pytest.mark.parametrize("argv", [[], ["validate"], ["validate", "--format", "xml", "x"],
                                  ["frobnicate"], ["show"]])
def test_usage_errors_exit_2(cli: Any, argv: list[str]) -> None:
    assert cli(*argv).code == 2


def test_missing_plan_exits_1_with_a_hint(cli: Any) -> None:
    result = cli("show", "kon_plon")
    assert result.code == 1
    assert "did you mean 'kon_plong'?" in result.err


@pytest.mark.parametrize("plan_id", LOCALITIES)
def test_show_yaml_reads_back_to_the_same_plan(cli: Any, plan_id: str) -> None:
    result = cli("show", plan_id)
    assert result.code == 0
    doc, issues = _yaml.parse(result.out)
    assert issues == []
    assert Plan.model_validate(doc.data) == er.load_plan(plan_id).model_copy(
        update={"extends": None})


def test_show_json_has_the_documented_top_level_keys(cli: Any) -> None:
    data = json.loads(cli("show", "kon_plong", "--format", "json").out)
    assert {"id", "phases", "criteria", "deadlines", "awards", "campaign"} <= set(data)
    assert data["phases"][0] == {**data["phases"][0], "id": "phase_1", "start": "issuance",
                                 "end": "2025-02-03"}
    assert data["deadlines"][0]["due"] == "2025-02-03"
    assert data["campaign"]["end"] == "2025-08-19"


def test_diff_shows_bac_giang_phase_2_ending_in_may(cli: Any) -> None:
    result = cli("diff", "plans/kon_plong.yaml", "plans/bac_giang.yaml")
    assert result.code == 0
    assert "~ phases[phase_2].end: 2025-08-19 -> 2025-05-19" in result.out
    data = json.loads(cli("diff", "kon_plong", "bac_giang", "--format", "json").out)
    assert {"kind": "changed", "path": "phases[phase_2].end", "old": "2025-08-19",
            "new": "2025-05-19"} in data["changes"]


def test_diff_of_a_plan_with_itself_is_empty(cli: Any) -> None:
    result = cli("diff", "kon_plong", "kon_plong", "--sources")
    assert result.out.endswith("0 difference(s)\n")


def test_python_dash_m_runs_the_cli(tmp_path: Path) -> None:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    result = subprocess.run([sys.executable, "-m", "emulation_rules", "validate", "kon_plong"],
                            capture_output=True, text=True, cwd=tmp_path, env=env, timeout=60)
    assert result.returncode == 0, result.stderr
    assert "kon_plong: ok" in result.stdout


def test_evaluate_output_into_a_missing_folder_is_a_usage_error(cli: Any, tmp_path: Path) -> None:
    metrics = tmp_path / "m.csv"
    metrics.write_text("unit,period,good_deeds\nt1,2024-11,1\n", encoding="utf-8")
    result = cli("evaluate", "--plan", "kon_plong", "--metrics", str(metrics), "--issued",
                 "2024-10-15", "--as-of", "2025-01-01", "--output",
                 str(tmp_path / "missing" / "out.json"))
    assert result.code == 2 and "cannot write" in result.err


def test_api_and_cli_give_the_same_issues_and_counts_on_the_same_bad_rows(
        cli: Any, tmp_path: Path) -> None:
    """Issue 10: every row check happens in ``er.evaluate``, whoever calls. The reader's
    ``MetricsRead`` passed whole gives the same rejected rows, codes and counts as the command
    line; rows outside the windows are reported per period (period-outside, and
    period-after-as-of for a month after the as-of month); warnings have severity warning."""
    from datetime import date

    metrics = tmp_path / "m.csv"
    metrics.write_text("unit,period,tips_total,tips_via_force,good_deeds,colour\n"
                       "xa,2024-11,10,8,1,red\n"     # 2: used
                       "xa,2024-11,10,8,1,red\n"     # 3: duplicate-row
                       "xb,2024-11,5,6,0,red\n"      # 4: contradictory-counts
                       "xc,2024-13,1,1,1,red\n"      # 5: invalid-period (reader)
                       "xd,2024-12,-1,0,x,red\n"     # 6: two invalid-count (reader)
                       "zz,2024-12,1,1,1,red\n"      # 7: unknown-unit
                       "xa,2023-05,1,1,1,red\n"      # 8: before the campaign
                       "xa,2025-06,1,1,1,red\n"      # 9: after the as-of month
                       "xa,2024-12,3,3,2,red\n",     # 10: used
                       encoding="utf-8")
    units = tmp_path / "u.csv"
    units.write_text("id,name,kind,bloc,parent\nxa,A,commune,b1,\nxb,B,commune,b1,\n"
                     "xc,C,commune,b1,\nxd,D,commune,b1,\n", encoding="utf-8")
    result = cli("evaluate", "--plan", "kon_plong", "--metrics", str(metrics), "--units",
                 str(units), "--issued", "2024-10-15", "--as-of", "2025-03-01",
                 "--format", "json")
    assert result.code == 0, result.err
    data = json.loads(result.out)
    expected = [("duplicate-row", 3), ("contradictory-counts", 4), ("invalid-period", 5),
                ("invalid-count", 6), ("invalid-count", 6), ("unknown-unit", 7),
                ("period-outside", 8), ("period-after-as-of", 9)]
    assert data["rows"] == {"total": 9, "used": 2, "rejected": 7}
    assert [(i["code"], i["row"]) for i in data["rejected"]] == expected
    assert {w["severity"] for w in data["warnings"]} == {"warning"}

    unit_list, unit_issues, _ = er.read_unit_tree(units)
    assert unit_issues == []
    ev = er.evaluate(er.load_plan("kon_plong"), er.read_metrics(metrics), units=unit_list,
                     issued=date(2024, 10, 15), as_of=date(2025, 3, 1))
    assert (ev.rows_total, ev.rows_used, ev.rows_rejected) == (9, 2, 7)
    assert [(i.code, i.location.line) for i in ev.rejected] == expected
    assert [w.code for w in ev.warnings] == [w["code"] for w in data["warnings"]]
    assert {w.severity for w in ev.warnings} == {er.Severity.WARNING}


def test_an_absent_needed_column_is_one_warning_per_column(cli: Any, tmp_path: Path) -> None:
    """Issue 10: a metric column the plan needs that no row gives is one file-level warning
    (missing-column, severity warning), not silence and not a rejected row."""
    metrics = tmp_path / "m.csv"
    metrics.write_text("unit,period,good_deeds\nt1,2024-11,1\n", encoding="utf-8")
    result = cli("evaluate", "--plan", "kon_plong", "--metrics", str(metrics), "--issued",
                 "2024-10-15", "--as-of", "2025-03-01", "--format", "json")
    assert result.code == 0, result.err
    data = json.loads(result.out)
    assert data["rows"] == {"total": 1, "used": 1, "rejected": 0}
    missing = [w for w in data["warnings"] if w["code"] == "missing-column"]
    names = [w["message"].split("'")[1] for w in missing]
    assert "members_commended" in names and "good_deeds" not in names
    assert len(names) == len(set(names))
    assert {w["severity"] for w in missing} == {"warning"}


def test_an_extra_not_installed_is_a_usage_error_saying_what_to_install(
        cli: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    """An .xlsx input without openpyxl: exit 2 and the pip command, never a traceback (the
    readers raise MissingExtra; the CLI reports every such error the same way)."""
    import sys

    monkeypatch.setitem(sys.modules, "openpyxl", None)
    result = cli("evaluate", "--plan", "kon_plong", "--metrics",
                 str(ROOT / "examples" / "kon_plong_metrics.xlsx"), "--issued", "2024-10-15",
                 "--as-of", "2025-08-31")
    assert result.code == 2 and "pip install" in result.err and "Traceback" not in result.err


def test_validate_shows_the_plans_own_acknowledged_warnings_not_the_inherited_ones(
        cli: Any, tmp_path: Path) -> None:
    """An overlay of Kon Plông: Kon Plông's acknowledged warnings are neither listed nor
    counted (they are the base's, already justified there; the JSON keeps them); the base's
    own run lists them."""
    overlay = tmp_path / "kon_ray.yaml"
    overlay.write_text("id: kon_ray\nextends: kon_plong\n", encoding="utf-8")
    result = cli("validate", str(overlay))
    assert result.code == 0 and "report-before-phase-end" not in result.out
    assert "warning" not in result.out
    data = json.loads(cli("validate", str(overlay), "--format", "json").out)
    assert [i["acknowledged"] for i in data["files"][0]["issues"]] == [True, True]
    base = cli("validate", "kon_plong")
    assert base.out.count("warning[report-before-phase-end]") == 2
