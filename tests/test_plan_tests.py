"""Plan tests written as data (issue 14, item 5): ``emulation-rules test tests/plans/``.

- the bundled test files (one per plan, tests/plans/) pass, from the command line as in CI;
  each case has a Vietnamese name and cites its source; each expectation could fail (it does,
  once its verdict is changed);
- a deliberately wrong expectation (tests/data/plan_tests/wrong_expectation.yaml) fails with a
  readable diff: its line, expected and got, in Vietnamese by default and English on request;
- a malformed test file gets located issues: ``# expect: CODE LINE PATH`` at the top of each
  fixture, as the invalid plan fixtures do;
- a bad row in a test file is reported as the same row would be in a CSV file;
- the format has its own JSON Schema, generated from the model (a drift test), and the
  bundled files carry its modeline;
- exit codes: 0 all pass, 1 a failing case or a problem in a test file, 2 usage error.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from emulation_rules import _yaml
from emulation_rules._resources import plans_dir
from emulation_rules.errors import format_path
from emulation_rules.plan_tests import (
    PlanTestFile,
    build_plan_test_schema,
    render_plan_test_schema,
    run_plan_test_file,
)
from emulation_rules.schema import SCHEMA_DRAFT

from .conftest import DATA, LOCALITIES, ROOT, CliResult, expected_issues

BUNDLED = ROOT / "tests" / "plans"
FIXTURES = DATA / "plan_tests"
WRONG = FIXTURES / "wrong_expectation.yaml"
SCHEMA_FILE = ROOT / "schemas" / "plan-test.schema.json"
MODELINE = "# yaml-language-server: $schema=../../schemas/plan-test.schema.json"
Cli = Callable[..., CliResult]


def _data(path: Path) -> Any:
    doc, issues = _yaml.parse(path.read_bytes(), str(path))
    assert not issues, issues
    return doc.data


# --- the bundled plan tests ------------------------------------------------------------------


def test_the_bundled_plan_tests_pass(cli: Cli) -> None:
    """What CI runs: every case of every bundled file passes."""
    result = cli("test", "tests/plans/", "--lang", "en")
    assert result.code == 0, result.out
    assert result.out.endswith(" failed, 0 with problems in the test file.\n")
    assert ", 0 failed," in result.out.splitlines()[-1]
    assert "FAIL" not in result.out and "ERROR" not in result.out
    assert result.out.count("  PASS  ") >= 3 * len(LOCALITIES)


def test_one_test_file_per_bundled_plan_kept_out_of_plans() -> None:
    files = sorted(p.stem for p in BUNDLED.glob("*.yaml"))
    assert files == sorted(LOCALITIES)
    assert not BUNDLED.resolve().is_relative_to(plans_dir().resolve())
    for path in BUNDLED.glob("*.yaml"):
        assert _data(path)["plan"] == path.stem


@pytest.mark.parametrize("plan_id", LOCALITIES)
def test_each_case_is_named_in_vietnamese_and_cites_its_source(plan_id: str) -> None:
    path = BUNDLED / f"{plan_id}.yaml"
    assert path.read_text(encoding="utf-8").splitlines()[0] == MODELINE
    model = PlanTestFile.model_validate(_data(path))
    assert len(model.cases) >= 3
    vietnamese = set("ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹáàãéèíìóòõúùý")
    for case in model.cases:
        assert set(case.name.lower()) & vietnamese, case.name
        assert case.source.section and len(case.source.quote) >= 10, case.name


@pytest.mark.parametrize(("plan_id", "rule"), [
    # Bắc Giang II.2: phase 2 ends on 19/5/2025, June is in no phase
    ("bac_giang", ("xa_a", "phase_2", "no_serious_accidents", "met")),
    # Kon Plông II.2: phase 2 runs to 19/8/2025, the same June accident counts
    ("kon_plong", ("xa_a", "phase_2", "no_serious_accidents", "not_met")),
    # Tuyên Quang 4.1 "từ 80% trở lên": exactly 80% meets
    ("tuyen_quang", ("xa_a", "phase_1", "tips_via_force", "met")),
    # Phượng Tiến IV.1.2 "duy trì": a year without a good model fails the 2026-2030 stage
    ("phuong_tien", ("xa_pt", "stage:2026-2030", "model_rated_good", "not_met")),
])
def test_the_distinctive_rules_are_among_the_expectations(plan_id: str,
                                                          rule: tuple[str, ...]) -> None:
    found = {(v["unit"], v["window"], v.get("target"), v["verdict"])
             for case in _data(BUNDLED / f"{plan_id}.yaml")["cases"]
             for v in case["expect"].get("verdicts", ())}
    assert rule in found


def test_ninh_thuans_award_ladder_is_tested() -> None:
    """III.2: Giấy khen at each review, Bằng khen at the final review only."""
    reviews = [(case["review"], case["expect"].get("awards_at_review"))
               for case in _data(BUNDLED / "ninh_thuan.yaml")["cases"] if "review" in case]
    assert ("phase_1", ["district_commendation"]) in reviews
    assert ("final", ["district_commendation", "provincial_certificate_of_merit"]) in reviews


_OTHER = {"met": "not_met", "not_met": "met", "unknown": "met"}


def _mutations() -> list[Any]:
    out = []
    for path in sorted(BUNDLED.glob("*.yaml")):
        for c, case in enumerate(_data(path)["cases"]):
            for key in ("verdicts", "awards"):
                for n, item in enumerate(case["expect"].get(key, ())):
                    if "verdict" in item:
                        out.append(pytest.param(path, c, key, n,
                                                id=f"{path.stem}-{c}-{key}-{n}"))
    return out


@pytest.mark.parametrize(("path", "case", "key", "n"), _mutations())
def test_every_bundled_expectation_can_fail(path: Path, case: int, key: str, n: int,
                                            tmp_path: Path) -> None:
    """Changed to another verdict, each expectation makes its case fail, at its line."""
    data = _data(path)
    one = data["cases"][case]
    item = one["expect"][key][n]
    item["verdict"] = _OTHER[item["verdict"]]
    mutated = tmp_path / "mutated.yaml"
    mutated.write_text(_yaml.dump({"plan": data["plan"], "cases": [one]}), encoding="utf-8")
    (result,) = run_plan_test_file(mutated).cases
    assert result.status == "fail"
    assert [f.location.path[2:] for f in result.failures] == [("expect", key, n)]


# --- a wrong expectation: a readable diff ----------------------------------------------------


WRONG_VI = """\
tests/data/plan_tests/wrong_expectation.yaml: kế hoạch bac_giang, 2 trường hợp
  SAI  Tai nạn giao thông tháng 6/2025 (mong đợi sai, cố ý) \
(tests/data/plan_tests/wrong_expectation.yaml:7, mục II.2)
      tests/data/plan_tests/wrong_expectation.yaml:21: đơn vị xa_a, kỳ phase_2 (Đợt 2), \
tiêu chí patrol_traffic, chỉ tiêu no_serious_accidents
        mong đợi: không đạt
        thực tế:  đạt
          chỉ tiêu no_serious_accidents: đạt, giá trị 0
      tests/data/plan_tests/wrong_expectation.yaml:22: đơn vị xa_a, kỳ phase_2 (Đợt 2), \
chỉ tiêu no_serious_accidents: giá trị ghi nhận
        mong đợi: 1
        thực tế:  0
          chỉ tiêu no_serious_accidents: đạt, giá trị 0
      tests/data/plan_tests/wrong_expectation.yaml:23: các hình thức khen thưởng được xét ở \
lần phase_2
        mong đợi: phase_award, provincial_award
        thực tế:  phase_award
      tests/data/plan_tests/wrong_expectation.yaml:25: phase_award (xét phase_2), đơn vị xa_a
        mong đợi: đạt
        thực tế:  không đạt
          điều kiện outstanding: không đạt (*)
  ĐÚNG  Tai nạn giao thông tháng 6/2025 tính khi tổng kết (mong đợi đúng) \
(tests/data/plan_tests/wrong_expectation.yaml:27, mục II.2)
Kiểm thử kế hoạch: 1 tệp, 2 trường hợp: 1 đúng, 1 sai, 0 có lỗi trong tệp kiểm thử.
"""
"""The diff of the wrong expectations, line by line; ``(*)``: the condition's own explanation
(the awards' wording, not this format's)."""


def test_a_wrong_expectation_fails_with_a_readable_diff(cli: Cli, default_lang: None) -> None:
    result = cli("test", "tests/data/plan_tests/wrong_expectation.yaml")
    assert result.code == 1
    got, expected = result.out.splitlines(), WRONG_VI.splitlines()
    assert len(got) == len(expected)
    for line, want in zip(got, expected, strict=True):
        if want.endswith("(*)"):
            assert line.startswith(want[:-3]) and line.endswith(")"), line
        else:
            assert line == want


def test_the_diff_in_english(cli: Cli) -> None:
    result = cli("test", str(WRONG.relative_to(ROOT)), "--lang", "en")
    assert result.code == 1
    lines = result.out.splitlines()
    assert lines[1].startswith("  FAIL  Tai nạn giao thông tháng 6/2025")
    assert lines[1].endswith("(tests/data/plan_tests/wrong_expectation.yaml:7, section II.2)")
    assert lines[2] == ("      tests/data/plan_tests/wrong_expectation.yaml:21: unit xa_a, window "
                        "phase_2 (Phase 2), criterion patrol_traffic, target "
                        "no_serious_accidents")
    assert lines[3:5] == ["        expected: not met", "        got:      met"]
    assert "        got:      phase_award" in lines
    assert lines[-1] == ("Plan tests: 1 file(s), 2 case(s): 1 passed, 1 failed, 0 with problems "
                         "in the test file.")


def test_the_diff_as_json(cli: Cli) -> None:
    result = cli("test", str(WRONG), "--format", "json")
    assert result.code == 1
    data = json.loads(result.out)
    assert data["summary"] == {"files": 1, "cases": 2, "passed": 1, "failed": 1, "errors": 0}
    (file,) = data["files"]
    assert (file["plan"], file["ok"]) == ("bac_giang", False)
    failing, passing = file["cases"]
    assert (failing["status"], failing["line"], passing["status"]) == ("fail", 7, "pass")
    first = failing["failures"][0]
    assert {k: first[k] for k in ("kind", "line", "unit", "window", "target", "expected",
                                  "got")} == {
        "kind": "verdict", "line": 21, "unit": "xa_a", "window": "phase_2",
        "target": "no_serious_accidents", "expected": "not_met", "got": "met"}
    assert first["path"] == "$.cases[0].expect.verdicts[0]"
    assert [f["kind"] for f in failing["failures"]] == ["verdict", "observed",
                                                         "awards_at_review", "award"]


# --- malformed test files: located issues ----------------------------------------------------


@pytest.mark.parametrize("name", ["malformed", "bad_rows", "syntax", "no_plan"])
def test_a_malformed_test_file_gets_located_issues(name: str) -> None:
    path = FIXTURES / f"{name}.yaml"
    result = run_plan_test_file(path)
    issues = [*result.issues, *(i for c in result.cases for i in c.issues)]
    got = sorted((i.code, i.location.line, format_path(i.location.path)) for i in issues
                 if i.severity.value == "error")
    assert got == sorted(expected_issues(path))
    assert all(i.location.file == str(path) for i in issues)
    assert not result.ok


def test_a_malformed_file_fails_the_command(cli: Cli) -> None:
    result = cli("test", str(FIXTURES / "bad_rows.yaml"), "--lang", "en")
    assert result.code == 1
    assert "  ERROR  " in result.out
    assert ("bad_rows.yaml:26:39: $.cases[0].metrics[0].tips_total: error[invalid-count] "
            "tips_total = '85%' is not") in result.out
    assert "(did you mean 'tips_via_force'?)" in result.out
    assert "1 with problems in the test file." in result.out


def test_a_bad_row_is_reported_as_in_a_csv_file(tmp_path: Path) -> None:
    """The same readers: the message of a bad cell is the one a CSV file gets."""
    from emulation_rules.inputs import read_metrics, read_unit_tree

    csv = tmp_path / "m.csv"
    csv.write_text("unit,period,tips_total,tips_via_force\nxa_a,2024-11,85%,8\n",
                   encoding="utf-8")
    (from_csv,) = read_metrics(csv).rejected
    units = tmp_path / "u.csv"
    units.write_text("id,name,kind\nxa_c,Xã C,xã\n", encoding="utf-8")
    (unit_csv,) = read_unit_tree(units)[1]
    (case,) = run_plan_test_file(FIXTURES / "bad_rows.yaml").cases
    by_path = {format_path(i.location.path): i for i in case.issues}
    in_test = by_path["$.cases[0].metrics[0].tips_total"]
    assert (in_test.code, in_test.message, in_test.hint) == (
        from_csv.code, from_csv.message, from_csv.hint)
    unit_test = by_path["$.cases[0].units[3].kind"]
    assert (unit_test.code, unit_test.message, unit_test.hint) == (
        unit_csv.code, unit_csv.message, unit_csv.hint)


def test_issues_of_a_malformed_file_are_vietnamese_by_default(cli: Cli,
                                                              default_lang: None) -> None:
    result = cli("test", str(FIXTURES / "no_plan.yaml"))
    assert result.code == 1
    assert "không chạy được tệp kiểm thử" in result.out
    assert "no_plan.yaml:2:1: $.plan: lỗi[plan-not-found]" in result.out
    assert "'kon_plong'" in result.out


def _one_case(tmp_path: Path, plan: str, **changes: Any) -> Path:
    """A test file of the first Kon Plông case, for ``plan``, with ``changes`` to the case."""
    case = _data(BUNDLED / "kon_plong.yaml")["cases"][0]
    case.update(changes)
    for key in [k for k, v in changes.items() if v is None]:
        del case[key]
    path = tmp_path / "one.yaml"
    path.write_text(_yaml.dump({"plan": plan, "cases": [case]}), encoding="utf-8")
    return path


def test_a_plan_with_errors_is_said_where_the_test_names_it_and_in_its_own_file(
        tmp_path: Path) -> None:
    bad_plan = DATA / "plans" / "invalid" / "phase_overlap.yaml"
    path = _one_case(tmp_path, str(bad_plan))
    result = run_plan_test_file(path)
    first, *own = result.issues
    assert (first.code, first.location.file, format_path(first.location.path)) == (
        "invalid-value", str(path), "$.plan")
    assert own and all(i.location.file.endswith("phase_overlap.yaml") for i in own)
    assert "phase-overlap" in {i.code for i in own}
    assert not result.ok and not result.cases


def test_a_template_cannot_be_tested(tmp_path: Path) -> None:
    (issue,) = run_plan_test_file(_one_case(tmp_path, "special_movement_2024")).issues
    assert (issue.code, issue.location.line) == ("invalid-value", 1)
    assert "template" in issue.message


def test_a_case_without_the_issue_date_its_plan_needs(tmp_path: Path) -> None:
    (case,) = run_plan_test_file(_one_case(tmp_path, "kon_plong", issued=None)).cases
    (issue,) = case.issues
    assert (case.status, issue.code, format_path(issue.location.path)) == (
        "error", "invalid-value", "$.cases[0]")
    assert issue.hint is not None and "issued:" in issue.hint


# --- the command line -----------------------------------------------------------------------


def test_usage_errors_exit_2(cli: Cli, tmp_path: Path) -> None:
    assert cli("test").code == 2
    missing = cli("test", str(tmp_path / "no_such.yaml"), "--lang", "en")
    assert missing.code == 2 and "no test file at" in missing.err
    assert cli("test", str(tmp_path)).code == 2  # a folder without .yaml files
    assert cli("test", str(WRONG), "--format", "xml").code == 2


def test_folders_and_patterns_are_expanded(cli: Cli) -> None:
    by_folder = cli("test", "tests/plans", "--format", "json")
    by_pattern = cli("test", "tests/plans/*.yaml", "--format", "json")
    assert by_folder.code == by_pattern.code == 0
    assert json.loads(by_folder.out) == json.loads(by_pattern.out)
    assert json.loads(by_folder.out)["summary"]["files"] == len(LOCALITIES)


def test_a_plan_file_beside_the_test_file(tmp_path: Path) -> None:
    """``plan:`` may name a plan file, from the test file's folder."""
    (tmp_path / "plans").mkdir()
    (tmp_path / "plans" / "dak_ha.yaml").write_text(
        (plans_dir() / "kon_plong.yaml").read_text(encoding="utf-8").replace(
            "id: kon_plong", "id: dak_ha"), encoding="utf-8")
    data = _data(BUNDLED / "kon_plong.yaml")
    data["plan"] = "plans/dak_ha.yaml"
    path = tmp_path / "dak_ha.yaml"
    path.write_text(_yaml.dump(data), encoding="utf-8")
    result = run_plan_test_file(path)
    assert result.plan is not None and result.plan.id == "dak_ha"
    assert result.ok, [c.failures for c in result.cases]


# --- the schema ------------------------------------------------------------------------------


def test_committed_schema_matches_the_model() -> None:
    assert SCHEMA_FILE.read_text(encoding="utf-8") == render_plan_test_schema(), (
        "schemas/plan-test.schema.json is out of date with the model; regenerate it with:\n"
        "    emulation-rules test --schema > schemas/plan-test.schema.json")


def test_the_schema_command_prints_the_committed_schema(cli: Cli) -> None:
    result = cli("test", "--schema")
    assert result.code == 0 and result.out == SCHEMA_FILE.read_text(encoding="utf-8")


def test_schema_is_draft_07_and_takes_the_bundled_files_not_the_malformed() -> None:
    schema = build_plan_test_schema()
    assert schema["$schema"] == SCHEMA_DRAFT
    assert schema["$id"] == "urn:emulation-rules:schema:plan-test"
    jsonschema.Draft7Validator.check_schema(schema)
    assert '"$defs"' not in render_plan_test_schema()
    validator = jsonschema.Draft7Validator(schema, format_checker=jsonschema.FormatChecker())
    for path in [*sorted(BUNDLED.glob("*.yaml")), WRONG, FIXTURES / "bad_rows.yaml"]:
        assert not list(validator.iter_errors(_data(path))), path
    assert list(validator.iter_errors(_data(FIXTURES / "malformed.yaml")))
    assert list(validator.iter_errors({"plan": "kon_plong", "cases": []}))
