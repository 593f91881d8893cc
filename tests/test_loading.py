"""Loading plans: references, extends and merging, issues located in their files."""

from __future__ import annotations

import unicodedata
from datetime import date
from pathlib import Path

import pydantic
import pytest

import emulation_rules as er
from emulation_rules.errors import format_path

from .conftest import INVALID, LOCALITIES, PLANS, expected_issues

INVALID_FIXTURES = sorted(INVALID.glob("*.yaml"))


@pytest.mark.parametrize("fixture", INVALID_FIXTURES, ids=lambda p: p.stem)
def test_each_invalid_fixture_gives_its_issue_at_its_line_and_path(fixture: Path) -> None:
    expected = expected_issues(fixture)
    assert expected, f"{fixture.name} has no '# expect:' header"
    issues = er.iter_plan_issues(fixture)
    got = [(i.code, i.location.line, format_path(i.location.path)) for i in issues]
    assert got == expected
    assert all(Path(i.location.file).name == fixture.name for i in issues)
    with pytest.raises(er.PlanError) as caught:
        er.load_plan(fixture)
    assert [i.code for i in caught.value.issues] == [e[0] for e in expected]


def test_every_problem_is_reported_at_once_sorted_by_line(tmp_path: Path) -> None:
    plan = tmp_path / "many.yaml"
    plan.write_text(
        "id: many\n"
        "extends: kon_plong\n"
        "phases:\n"
        "  - id: phase_1\n"
        "    end: 30/02/2025\n"
        "    colour: red\n"
        "deadlines:\n"
        "  - id: report_phase_1\n"
        "    relation: after\n",
        encoding="utf-8",
    )
    got = [(i.code, i.location.line) for i in er.iter_plan_issues(plan)]
    assert got == [("invalid-date", 5), ("unknown-key", 6), ("invalid-value", 9)]


@pytest.mark.parametrize("plan_id", LOCALITIES)
def test_bundled_plans_load_by_id_and_by_path(plan_id: str) -> None:
    by_id = er.load_plan(plan_id)
    by_path = er.load_plan(PLANS / f"{plan_id}.yaml")
    assert by_id.id == plan_id
    assert by_id == by_path
    assert er.iter_plan_issues(plan_id) == []


def test_plan_is_immutable() -> None:
    plan = er.load_plan("kon_plong")
    with pytest.raises(pydantic.ValidationError):
        plan.id = "other"  # type: ignore[misc]
    assert isinstance(plan.phases, tuple)


def test_unknown_plan_id_suggests_the_closest() -> None:
    with pytest.raises(er.PlanNotFoundError) as caught:
        er.load_plan("kon_plongg")
    assert caught.value.issues[0].code == "plan-not-found"
    assert "kon_plong" in (caught.value.issues[0].hint or "")


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def test_override_merges_field_by_field_and_keeps_the_rest(tmp_path: Path) -> None:
    path = write(tmp_path, "ext.yaml", (
        "id: ext\nextends: kon_plong\n"
        "phases:\n  - id: phase_2\n    end: 19/05/2025\n"))
    plan = er.load_plan(path)
    base = er.load_plan("kon_plong")
    assert plan.phases[1].end == date(2025, 5, 19)  # day-first Vietnamese date
    assert plan.phases[1].start == base.phases[1].start
    assert plan.phases[1].source == base.phases[1].source
    assert plan.criteria == base.criteria


def test_remove_drops_inherited_items_and_new_items_append(tmp_path: Path) -> None:
    path = write(tmp_path, "ext.yaml", (
        "id: ext\nextends: kon_plong\nremove: [report_phase_2]\n"
        "deadlines:\n"
        "  - id: extra\n    label: {vi: Thêm, en: Extra}\n    owed_by: commune_police\n"
        "    due: 2025-03-01\n    relation: on\n"
        "    source: {section: IV.5, quote: báo cáo kết quả đợt 01}\n"))
    plan = er.load_plan(path)
    assert [d.id for d in plan.deadlines] == ["report_phase_1", "extra"]


def test_remove_inside_a_criterion_drops_a_target(tmp_path: Path) -> None:
    path = write(tmp_path, "ext.yaml", (
        "id: ext\nextends: kon_plong\n"
        "criteria:\n  - id: patrol_traffic\n    remove: [no_serious_accidents]\n"))
    plan = er.load_plan(path)
    crit = next(c for c in plan.criteria if c.id == "patrol_traffic")
    assert [t.id for t in crit.targets] == ["all_members_patrol"]


def test_template_marker_is_not_inherited_and_template_is_marked() -> None:
    template = er.load_plan("special_movement_2024")
    assert template.template is True
    assert er.load_plan("kon_plong").template is False


def test_a_template_alone_may_omit_citations_but_a_plan_may_not(tmp_path: Path) -> None:
    path = write(tmp_path, "bare.yaml", "id: bare\nextends: special_movement_2024\n")
    issues = er.iter_plan_issues(path)
    codes = {i.code for i in issues}
    assert {"missing-key", "missing-citation"} <= codes
    # the uncited template items are located in the template, where they stand
    cited = [i for i in issues if i.code == "missing-citation"]
    assert all(Path(i.location.file).name == "special_movement_2024.yaml" for i in cited)


def test_extends_prefers_a_sibling_file_and_rejects_cycles(tmp_path: Path) -> None:
    write(tmp_path, "a.yaml", "id: a\nextends: b\n")
    write(tmp_path, "b.yaml", "id: b\nextends: a.yaml\n")
    assert [i.code for i in er.iter_plan_issues(tmp_path / "a.yaml")] == ["extends-cycle"]


@pytest.mark.parametrize("ref", ["/etc/passwd.yaml", "../x.yaml", "sub/../../x.yaml",
                                 "http://example.com/x.yaml"])
def test_extends_never_leaves_the_folder(tmp_path: Path, ref: str) -> None:
    path = write(tmp_path, "p.yaml", f"id: p\nextends: {ref!r}\n")
    codes = [i.code for i in er.iter_plan_issues(path)]
    # a URL or absolute path is refused by the pattern of `extends` or by the folder check
    assert codes in (["extends-outside"], ["invalid-value"])


def test_extends_a_file_in_a_subfolder(tmp_path: Path) -> None:
    (tmp_path / "base").mkdir()
    source = er.load_plan("kon_plong")
    assert source.id == "kon_plong"
    write(tmp_path / "base", "mine.yaml", "id: mine\nextends: kon_plong\n")
    write(tmp_path, "child.yaml", "id: child\nextends: base/mine.yaml\n")
    assert er.load_plan(tmp_path / "child.yaml").phases == source.phases


def test_nfd_text_in_a_plan_is_stored_as_nfc(tmp_path: Path) -> None:
    label = unicodedata.normalize("NFD", "Đợt hai")
    path = write(tmp_path, "n.yaml", (
        "id: n\nextends: kon_plong\nphases:\n"
        f"  - id: phase_2\n    label: {{vi: {label}, en: x}}\n"))
    plan = er.load_plan(path)
    assert plan.phases[1].label.vi == "Đợt hai"


def test_issue_date_dependence_is_visible() -> None:
    assert er.load_plan("kon_plong").needs_issue_date is True
