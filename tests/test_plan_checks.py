"""Checks that catch an unusable plan, every problem in one run, acknowledged warnings and
``validate --strict`` / ``--as-of`` (issue 14, items 1 and 3).

The warning fixtures are ``tests/data/plans/warnings/<case>.yaml``: each starts with its
``# expect: CODE LINE PATH SEVERITY [acknowledged]`` lines (the issues located in the fixture's
own file; what it inherits is acknowledged by the bundled plan) and, when it is a draft, the
``# as-of: DATE`` it is checked on. Error fixtures live with the others in ``invalid/``.
"""

from __future__ import annotations

import json
import typing
from datetime import date
from pathlib import Path
from typing import Any

import pytest

import emulation_rules as er
from emulation_rules import model
from emulation_rules.codes import CODES
from emulation_rules.errors import Issue, Severity, format_path

from .conftest import DATA, INVALID, PLANS, SHIPPED

WARNINGS = DATA / "plans" / "warnings"
WARNING_FIXTURES = sorted(WARNINGS.glob("*.yaml"))


def _header(path: Path) -> tuple[list[tuple[str, ...]], date | None]:
    expected: list[tuple[str, ...]] = []
    as_of = None
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("# as-of:"):
            as_of = date.fromisoformat(line.removeprefix("# as-of:").strip())
        elif line.startswith("# expect:"):
            expected.append(tuple(line.removeprefix("# expect:").split()))
        else:
            break
    return expected, as_of


def _row(issue: Issue) -> tuple[str, ...]:
    row = (issue.code, str(issue.location.line), format_path(issue.location.path),
           issue.severity.value)
    return (*row, "acknowledged") if issue.acknowledgement is not None else row


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


# --- the warning fixtures ----------------------------------------------------------------------


@pytest.mark.parametrize("fixture", WARNING_FIXTURES, ids=lambda p: p.stem)
def test_each_warning_fixture_gives_its_warnings_and_no_error(fixture: Path) -> None:
    expected, as_of = _header(fixture)
    assert expected, f"{fixture.name} has no '# expect:' header"
    issues = er.iter_plan_issues(fixture, as_of=as_of, acknowledged=True)
    here = [_row(i) for i in issues if Path(i.location.file).name == fixture.name]
    assert here == expected
    # what it inherits from a bundled plan is acknowledged there
    assert all(i.acknowledgement is not None for i in issues
               if Path(i.location.file).name != fixture.name)
    assert all(i.severity is Severity.WARNING for i in issues)
    assert er.load_plan(fixture).id == fixture.stem  # a warning never stops a plan's use


def test_every_warning_code_of_a_plan_has_a_fixture() -> None:
    warned = {line[0] for f in WARNING_FIXTURES for line in _header(f)[0]}
    plan_warnings = {c for c, e in CODES.items() if e.area == "plan" and e.severity == "warning"}
    assert plan_warnings <= warned, sorted(plan_warnings - warned)


def test_the_codes_a_plan_may_acknowledge_are_its_warnings() -> None:
    """The model's list is the registry's plan warnings, but two: a draft's old date is to be
    corrected (or draft: true removed), and acknowledging an acknowledgement means nothing."""
    allowed = set(typing.get_args(model.AcknowledgedCode))
    plan_warnings = {c for c, e in CODES.items() if e.area == "plan" and e.severity == "warning"}
    assert allowed == plan_warnings - {"phase-already-ended", "unused-acknowledgement"}


# --- every problem in one run ------------------------------------------------------------------


def test_a_type_error_and_a_semantic_error_are_reported_together() -> None:
    issues = er.iter_plan_issues(INVALID / "type_and_semantic_errors.yaml")
    assert [(i.code, i.location.line) for i in issues] == [
        ("phase-overlap", 9), ("wrong-type", 16), ("unknown-phase", 20)]


def test_a_left_out_item_causes_no_problem_of_its_own(tmp_path: Path) -> None:
    """Phase 1 has an impossible date: the model leaves it out and the rest is checked, but
    nothing is reported that its absence alone would cause (no gap before phase 2, no unknown
    phase for its report, no missing citation)."""
    plan = write(tmp_path, "bad_phase.yaml",
                 "id: bad_phase\nextends: kon_plong\nphases:\n  - id: phase_1\n"
                 "    end: 30/02/2025\n")
    assert [(i.code, i.location.line) for i in er.iter_plan_issues(plan)] == [
        ("invalid-date", 5)]


def test_semantic_checks_run_beside_a_wrong_title(tmp_path: Path) -> None:
    plan = write(tmp_path, "titled.yaml",
                 "id: titled\nextends: kon_plong\ntitle: Kế hoạch\nphases:\n"
                 "  - id: phase_2\n    start: 2025-02-01\n")
    assert [i.code for i in er.iter_plan_issues(plan)] == ["wrong-type", "phase-overlap"]


def test_a_placeholder_is_reported_instead_of_the_value_it_fails_to_be() -> None:
    issues = er.iter_plan_issues(INVALID / "placeholder.yaml")
    assert [i.code for i in issues] == ["placeholder", "placeholder"]
    assert issues[1].message == "'<ngày kết thúc đợt 2>' is a placeholder not yet filled in"


def test_a_control_character_escaped_or_raw_is_an_error(tmp_path: Path, cli: Any) -> None:
    escaped = er.iter_plan_issues(INVALID / "control_character.yaml")
    assert {i.code for i in escaped} == {"control-character"}
    assert "\\x07" in escaped[0].message and "character 6" in escaped[0].message
    raw = write(tmp_path, "raw.yaml", "id: raw\nextends: kon_plong\n"
                "phases:\n  - id: phase_1\n    label: {vi: \"Đợt\x071\", en: Phase 1}\n")
    issues = er.iter_plan_issues(raw)
    assert issues and all(i.severity is Severity.ERROR for i in issues)
    assert cli("validate", str(raw)).code == 1


def test_a_tab_and_a_line_break_in_a_text_are_not_control_characters(tmp_path: Path) -> None:
    plan = write(tmp_path, "tabs.yaml", "id: tabs\nextends: kon_plong\nphases:\n"
                 "  - id: phase_1\n    label: {vi: \"Đợt\\t1\\n\", en: Phase 1}\n")
    assert er.iter_plan_issues(plan) == []


def test_numbers_that_read_alike_everywhere_are_not_warned(tmp_path: Path) -> None:
    """01 is one in YAML 1.1 and 1.2 alike; a quoted "010" is text for every tool."""
    plan = write(tmp_path, "plain.yaml", "id: plain\nextends: kon_plong\n"
                 "document: {year: 2024, number: \"010\"}\ncriteria:\n"
                 "  - id: movement_building\n    targets:\n      - id: model_recognised\n"
                 "        condition: {threshold: 01}\n")
    assert er.iter_plan_issues(plan) == []


def test_a_deadline_after_the_campaign_is_an_error_unless_it_reports_on_a_phase(
        tmp_path: Path) -> None:
    late = write(tmp_path, "late.yaml", "id: late\nextends: bac_giang\ndeadlines:\n"
                 "  - id: launch_ceremony\n    due: 2025-09-01\n  - id: report_phase_2\n"
                 "    due: 2025-09-01\n")
    issues = er.iter_plan_issues(late)
    # the report on phase 2 may fall after the campaign ends (Ninh Thuận's does)
    assert [(i.code, format_path(i.location.path)) for i in issues] == [
        ("deadline-outside-campaign", "$.deadlines[0].due")]


def test_a_recurrence_outside_the_campaign_is_an_error(tmp_path: Path) -> None:
    plan = write(tmp_path, "monthly.yaml", "id: monthly\nextends: bac_giang\ndeadlines:\n"
                 "  - id: monthly_news\n    recurrence: {freq: monthly, start: 2024-01-01,"
                 " until: 2026-01-01}\n")
    assert [format_path(i.location.path) for i in er.iter_plan_issues(plan)] == [
        "$.deadlines[0].recurrence.start", "$.deadlines[0].recurrence.until"]


# --- acknowledgements --------------------------------------------------------------------------


def test_an_acknowledged_warning_is_no_problem_but_can_be_listed() -> None:
    fixture = WARNINGS / "acknowledged.yaml"
    assert er.iter_plan_issues(fixture) == []
    (gap,) = [i for i in er.iter_plan_issues(fixture, acknowledged=True)
              if i.code == "phase-gap"]
    assert gap.acknowledgement is not None and gap.acknowledgement.startswith("A fixture")
    assert gap.render("en").endswith(f"[acknowledged: {gap.acknowledgement}]")
    assert "acknowledge: [" not in gap.render("en")  # no hint: nothing left to do


def test_an_acknowledgement_on_an_enclosing_item_covers_its_parts(tmp_path: Path) -> None:
    plan = write(tmp_path, "enclosing.yaml", "id: enclosing\nextends: kon_plong\ncriteria:\n"
                 "  - id: situation_awareness\n    acknowledge:\n"
                 "      - {code: label-mismatch, reason: 4.1 says 80% of tips.}\n"
                 "    targets:\n      - id: tips_via_force\n"
                 "        condition: {threshold: 0.85}\n")
    issues = er.iter_plan_issues(plan, acknowledged=True)
    labels = [i for i in issues if i.code == "label-mismatch"]  # once per label, not per
    assert len(labels) == 1 and all(i.acknowledgement for i in labels)  # language
    assert er.iter_plan_issues(plan) == []


def test_an_inherited_acknowledgement_left_unused_is_reported_where_it_stands(
        tmp_path: Path) -> None:
    """Kon Plông acknowledges its early phase 1 report; a plan that moves the report after
    the phase end no longer raises it: the acknowledgement is reported in kon_plong.yaml, and
    acknowledge: [] on the deadline drops it."""
    moved = write(tmp_path, "moved.yaml", "id: moved\nextends: kon_plong\ndeadlines:\n"
                  "  - id: report_phase_1\n    due: 2025-02-08\n")
    (unused,) = er.iter_plan_issues(moved)
    assert unused.code == "unused-acknowledgement"
    assert Path(unused.location.file) == PLANS / "kon_plong.yaml"
    assert format_path(unused.location.path) == "$.deadlines[0].acknowledge[0]"
    dropped = write(tmp_path, "dropped.yaml", moved.read_text(encoding="utf-8")
                    .replace("id: moved", "id: dropped") + "    acknowledge: []\n")
    assert er.iter_plan_issues(dropped) == []


def test_an_acknowledgement_is_not_inherited_by_an_item_with_its_own_source(
        tmp_path: Path) -> None:
    """A new quote needs its own acknowledgement: Kon Plông's reason does not carry over to a
    district whose document is quoted instead."""
    plan = write(tmp_path, "own_source.yaml", "id: own_source\nextends: kon_plong\n"
                 "deadlines:\n  - id: report_phase_1\n    source: {section: IV.5, quote: "
                 "\"báo cáo kết quả đợt 01 trước ngày 03 tháng 02 năm 2025\"}\n")
    (early,) = er.iter_plan_issues(plan)
    assert early.code == "report-before-phase-end" and early.acknowledgement is None
    assert Path(early.location.file) == PLANS / "kon_plong.yaml"  # the due date's own file


def test_unused_acknowledgements_wait_until_the_errors_are_fixed() -> None:
    """unknown_phase.yaml points Kon Plông's phase 2 report at a phase that does not exist:
    the acknowledgement of its early report matches nothing, but only the error is reported."""
    assert [i.code for i in er.iter_plan_issues(INVALID / "unknown_phase.yaml")] == [
        "unknown-phase"]


@pytest.mark.parametrize(("code", "hint"), [("phase-gapp", "did you mean 'phase-gap'?"),
                                            ("phase-overlap", None)])
def test_only_a_warning_can_be_acknowledged(tmp_path: Path, code: str, hint: str | None
                                            ) -> None:
    plan = write(tmp_path, "wrong_code.yaml", "id: wrong_code\nextends: kon_plong\nphases:\n"
                 f"  - id: phase_1\n    acknowledge:\n      - {{code: {code}, reason: abc}}\n")
    (issue,) = er.iter_plan_issues(plan)
    assert issue.code == "invalid-value" and issue.location.line == 6
    if hint:
        assert issue.hint == hint


def test_a_draft_is_not_inherited(tmp_path: Path) -> None:
    write(tmp_path, "base.yaml", (WARNINGS / "phase_already_ended.yaml").read_text(
        encoding="utf-8").replace("id: phase_already_ended", "id: base"))
    child = write(tmp_path, "child.yaml", "id: child\nextends: base.yaml\n")
    assert er.load_plan(tmp_path / "base.yaml").draft
    assert not er.load_plan(child).draft
    assert er.iter_plan_issues(child, as_of=date(2025, 3, 1)) == []


def test_a_draft_is_checked_only_with_a_date() -> None:
    fixture = WARNINGS / "phase_already_ended.yaml"
    assert er.iter_plan_issues(fixture) == []  # the library never reads the clock
    assert er.iter_plan_issues(fixture, as_of=date(2025, 2, 3)) == []  # its last day


# --- validate --strict, --as-of and the formats -------------------------------------------------


def test_bundled_plans_validate_clean_under_strict(cli: Any) -> None:
    result = cli("validate", "--strict", *map(str, SHIPPED))
    assert result.code == 0, result.out
    assert f"{len(SHIPPED)} plan(s) checked: {len(SHIPPED)} valid" in result.out
    assert "[acknowledged: II.2 says so" in result.out  # Bắc Giang's 92 days, shown


@pytest.mark.parametrize("fixture", WARNING_FIXTURES, ids=lambda p: p.stem)
def test_a_warning_fails_only_under_strict(fixture: Path, cli: Any) -> None:
    expected, as_of = _header(fixture)
    dated = ["--as-of", as_of.isoformat()] if as_of else []
    acknowledged = all("acknowledged" in line for line in expected)
    assert cli("validate", str(fixture), *dated).code == 0
    assert cli("validate", str(fixture), "--strict", *dated).code == (0 if acknowledged else 1)


def test_an_error_fails_with_or_without_strict(cli: Any) -> None:
    fixture = INVALID / "deadline_outside_campaign.yaml"
    assert cli("validate", str(fixture)).code == cli("validate", str(fixture),
                                                     "--strict").code == 1


def test_text_output_marks_warnings_and_acknowledged_ones(cli: Any) -> None:
    result = cli("validate", str(WARNINGS / "phase_gap.yaml"), "bac_giang")
    assert result.code == 0
    assert ": warning[phase-gap] 6 day(s) from 2025-02-04 to 2025-02-09" in result.out
    assert "warning[phase-gap] 92 day(s)" in result.out and "[acknowledged: " in result.out
    assert result.out.splitlines()[-1] == (  # kon_plong's, which phase_gap.yaml inherits,
        "2 plan(s) checked: 2 valid, 0 with problems (0 error(s)); 2 warning(s) "  # are
        "(1 acknowledged)")  # neither listed nor counted again
    strict = cli("validate", str(WARNINGS / "phase_gap.yaml"), "bac_giang", "--strict")
    assert "2 plan(s) checked: 1 valid, 1 with problems" in strict.out


def test_text_output_is_vietnamese_by_default(cli: Any, default_lang: None) -> None:
    result = cli("validate", str(WARNINGS / "phase_gap.yaml"))
    assert ("cảnh báo[phase-gap] 6 ngày từ 04/02/2025 đến 09/02/2025 không thuộc đợt nào: "
            "giữa đợt 'phase_1' và đợt 'phase_2' (kiểm tra ngày của các đợt; nếu văn bản đúng "
            "là như vậy, ghi acknowledge: [{code: phase-gap, reason: ...}] tại mục này") in (
        result.out)
    assert "[đã ghi nhận: IV.5 says so" not in result.out  # kon_plong's, inherited
    assert result.out.splitlines()[-1].endswith("; 1 cảnh báo (0 đã ghi nhận)")


def test_json_carries_the_severity_and_the_acknowledgement(cli: Any) -> None:
    result = cli("validate", str(WARNINGS / "phase_gap.yaml"), "--format", "json")
    (plan,) = json.loads(result.out)["files"]
    assert plan["valid"] is True
    rows = {(i["code"], i["severity"], i["acknowledged"]) for i in plan["issues"]}
    assert rows == {("phase-gap", "warning", False),
                    ("report-before-phase-end", "warning", True)}
    assert all((i["acknowledgement"] is None) != i["acknowledged"] for i in plan["issues"])
    strict = json.loads(cli("validate", str(WARNINGS / "phase_gap.yaml"), "--format", "json",
                            "--strict").out)
    assert strict["files"][0]["valid"] is False and strict["summary"]["invalid"] == 1


def test_github_annotations_are_warnings_and_acknowledged_ones_notices(cli: Any) -> None:
    lines = cli("validate", str(WARNINGS / "phase_gap.yaml"), "--format",
                "github").out.splitlines()
    assert sorted(line.split(" ", 1)[0] for line in lines) == [
        "::notice", "::notice", "::warning"]
    assert all("title=" in line for line in lines)


def test_sarif_marks_acknowledged_warnings_as_suppressed_in_source(cli: Any) -> None:
    log = json.loads(cli("validate", "kon_plong", "--format", "sarif").out)
    results = log["runs"][0]["results"]
    assert {r["level"] for r in results} == {"warning"}
    assert all(r["suppressions"][0]["kind"] == "inSource"
               and r["suppressions"][0]["justification"].startswith("IV.5") for r in results)
    gap = json.loads(cli("validate", str(WARNINGS / "phase_gap.yaml"), "--format",
                         "sarif").out)["runs"][0]["results"]
    assert [r["ruleId"] for r in gap if "suppressions" not in r] == ["phase-gap"]


def test_validate_checks_a_draft_as_of_the_date_given_or_today(cli: Any) -> None:
    fixture = str(WARNINGS / "phase_already_ended.yaml")
    early = cli("validate", fixture, "--strict", "--as-of", "2025-01-15")
    assert early.code == 0 and "phase-already-ended" not in early.out
    later = cli("validate", fixture, "--strict", "--as-of", "01/03/2025")
    assert later.code == 1 and "before 2025-03-01, the date checked on" in later.out
    # today is later than 2025-02-03
    assert "phase-already-ended" in cli("validate", fixture).out


def test_as_of_must_be_a_date(cli: Any) -> None:
    assert cli("validate", "kon_plong", "--as-of", "someday").code == 2


# --- the rules of the checks, one by one --------------------------------------------------------


def _condition(data: dict[str, Any]) -> Any:
    return model.MetricCondition.model_validate(
        {"id": "c", "kind": "metric", "label": {"vi": "x", "en": "x"}, "condition": data}
    ).condition


_SHARE = {"numerator": "tips_via_force", "denominator": "tips_total"}


@pytest.mark.parametrize(("condition", "never"), [
    ({"metric": "good_deeds", "comparator": "lt", "threshold": 0}, "never below 0"),
    ({"metric": "good_deeds", "comparator": "lt", "threshold": 1}, None),
    ({**_SHARE, "comparator": "gt", "threshold": 1}, "always from 0% to 100%"),
    ({**_SHARE, "comparator": "gt", "threshold": 1,
      "when_no_cases": {"verdict": "met", "policy": "local", "reason": "r"}}, None),
    ({**_SHARE, "comparator": "lt", "threshold": 0}, "always from 0% to 100%"),
    ({**_SHARE, "comparator": "gte", "threshold": 1}, None),
    ({"all_of": [{"metric": "good_deeds", "comparator": "gt", "threshold": 2},
                 {"metric": "good_deeds", "comparator": "lt", "threshold": 4}]}, None),
    ({"all_of": [{"metric": "good_deeds", "comparator": "gt", "threshold": 2},
                 {"metric": "good_deeds", "comparator": "lt", "threshold": 3}]},
     "contradict each other"),
    ({"all_of": [{**_SHARE, "comparator": "gt", "threshold": 0.5},
                 {**_SHARE, "comparator": "lte", "threshold": 0.5}]}, "contradict each other"),
    ({"any_of": [{"metric": "good_deeds", "comparator": "lt", "threshold": 0},
                 {"metric": "good_deeds", "comparator": "eq", "threshold": 0}]}, None),
    ({"any_of": [{"metric": "good_deeds", "comparator": "lt", "threshold": 0},
                 {**_SHARE, "comparator": "gt", "threshold": 1}]}, "never below 0"),
])
def test_a_condition_that_can_never_hold(condition: dict[str, Any], never: str | None) -> None:
    from emulation_rules.checks import _never

    why = _never(_condition(condition))
    assert (why is None) == (never is None)
    assert never is None or never in str(why.render("en") if why else "")


@pytest.mark.parametrize(("label", "warned"), [
    ("Từ 85,5% trở lên", False), ("Từ 85.5 % trở lên", False), ("Từ 80% trở lên", True),
    ("Trên 100 mô hình", False)])
def test_a_label_percentage_is_read_with_a_comma_or_a_point(tmp_path: Path, label: str,
                                                            warned: bool) -> None:
    plan = write(tmp_path, "share.yaml", "id: share\nextends: kon_plong\ncriteria:\n"
                 "  - id: situation_awareness\n    targets:\n      - id: tips_via_force\n"
                 f"        label: {{vi: \"{label}\", en: Share}}\n"
                 "        condition: {threshold: 0.855}\n")
    assert [i.code for i in er.iter_plan_issues(plan)] == (["label-mismatch"] if warned else [])


@pytest.mark.parametrize(("label", "warned"), [
    ("Đợt 1 (đến ngày 03 tháng 02 năm 2025)", False), ("Đợt 1 (đến 3/2/2025)", False),
    ("Đợt 1 (đến ngày 30 tháng 01 năm 2025)", True), ("Đợt 1 (đến 2025-01-30)", True),
    ("Đợt 1 (đến 30/01)", False), ("Đợt 1 (đến 31/02/2025)", False)])
def test_a_phase_label_date_is_its_end(tmp_path: Path, label: str, warned: bool) -> None:
    plan = write(tmp_path, "dated.yaml", "id: dated\nextends: kon_plong\nphases:\n"
                 f"  - id: phase_1\n    label: {{vi: \"{label}\", en: Phase 1}}\n")
    assert [i.code for i in er.iter_plan_issues(plan)] == (["label-mismatch"] if warned else [])


def test_an_inherited_label_that_now_says_otherwise_is_reported_in_the_overlay(
        tmp_path: Path, default_lang: None) -> None:
    """An overlay changes 4.1's threshold to 0.85; the label saying 80% is inherited from the
    template: the warning stands at the target in the overlay (the file the staff edit), once,
    with the hint to write the target's own label there."""
    plan = write(tmp_path, "dak_ha.yaml", "id: dak_ha\nextends: kon_plong\ncriteria:\n"
                 "  - id: situation_awareness\n    targets:\n      - id: tips_via_force\n"
                 "        condition: {threshold: 0.85}\n")
    (found,) = [i for i in er.iter_plan_issues(plan) if i.code == "label-mismatch"]
    assert found.location.file == str(plan) and found.location.line == 6
    assert "ghi nhãn mới cho mục này trong tệp của mình" in str(found)
    assert "plans/special_movement_2024.yaml" in str(found) or "kon_plong" in str(found)
