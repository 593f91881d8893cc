"""Small hostile inputs get a clear issue, never a traceback and never a read outside the plan's
folder (issue 11, the parts taken so far)."""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path
from typing import Any

import pytest

import emulation_rules as er

TINY = """id: {id}
extends: {extends}
title: {{vi: x, en: y}}
"""


def _codes(path: Path) -> list[str]:
    return [i.code for i in er.iter_plan_issues(path)]


def test_extends_by_id_never_follows_a_link_out_of_the_folder(tmp_path: Path) -> None:
    """``extends: secret`` where secret.yaml beside the plan links to a file elsewhere: refused,
    and nothing of the outside file (its keys) is echoed."""
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    (outside / "secret.yaml").write_text("password_of_the_office: hunter2\n", encoding="utf-8")
    plans = tmp_path / "plans"
    plans.mkdir()
    os.symlink(outside / "secret.yaml", plans / "secret.yaml")
    plan = plans / "mine.yaml"
    plan.write_text(TINY.format(id="mine", extends="secret"), encoding="utf-8")
    issues = er.iter_plan_issues(plan)
    assert [i.code for i in issues] == ["extends-outside"]
    assert "password" not in " ".join(str(i) for i in issues)


@pytest.mark.parametrize("extends", ['"a\\0b"', "a" * 300, '"x\\u202eyaml"'])
def test_an_impossible_extends_name_is_an_issue_not_a_traceback(tmp_path: Path,
                                                                extends: str) -> None:
    plan = tmp_path / "mine.yaml"
    plan.write_text(TINY.format(id="mine", extends=extends), encoding="utf-8")
    codes = _codes(plan)
    assert codes and set(codes) <= {"extends-not-found", "extends-outside", "yaml-syntax",
                                    "invalid-value", "wrong-type"}


def test_a_huge_plan_file_is_refused_without_reading_it(tmp_path: Path) -> None:
    """A 1 GiB (sparse) file is refused as too large after reading at most the limit."""
    plan = tmp_path / "huge.yaml"
    with plan.open("wb") as handle:
        handle.truncate(1 << 30)
    assert _codes(plan) == ["too-large"]


@pytest.mark.parametrize("argv", [
    ["evaluate", "--plan", "phuong_tien", "--metrics", "examples/phuong_tien_metrics.csv",
     "--as-of", "9999-06-01"],
    ["timeline", "phuong_tien", "--as-of", "8999-06-01"],
    ["timeline", "kon_plong", "--issued", "1900-01-01"],
])
def test_dates_out_of_range_are_a_usage_error(argv: list[str], cli: Any) -> None:
    """Dates are laid out within 1990-2100: outside, a clear error (exit 2), no traceback."""
    root = Path(__file__).resolve().parent.parent
    cwd = os.getcwd()
    os.chdir(root)
    try:
        result = cli(*argv)
    finally:
        os.chdir(cwd)
    assert result.code == 2
    assert "outside the dates" in result.err or "before" in result.err
    assert "Traceback" not in result.err


def test_github_annotations_cannot_be_broken_out_of(tmp_path: Path, cli: Any) -> None:
    """A file name with a newline, a colon and a comma stays inside its annotation: every
    output line is one ``::error`` command and no line starts another command."""
    plan = tmp_path / "evil\n::warning file=x::owned,:.yaml"
    plan.write_text("id: [\n", encoding="utf-8")
    result = cli("validate", str(plan), "--format", "github")
    lines = result.out.splitlines()
    assert lines and all(line.startswith("::error file=") for line in lines)
    assert not any(line.startswith("::warning") for line in lines)
    assert "%0A" in lines[0] and "%3A" in lines[0] and "%2C" in lines[0]


def test_a_deep_parent_chain_is_read_in_one_pass(tmp_path: Path) -> None:
    """8,000 units each the parent of the next, and a cycle at the end: the cycle's units are
    named (only they), and evaluating reads the tree once per unit (no quadratic walk)."""
    from emulation_rules.inputs import read_unit_tree

    lines = ["id,name,kind,parent", "d0,,district,"]
    lines += [f"d{i},,district,d{i - 1}" for i in range(1, 8000)]
    lines += ["x1,,district,x2", "x2,,district,x1", "c1,,commune,d7999", "t1,,team,c1"]
    path = tmp_path / "units.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    units, issues, _ = read_unit_tree(path)
    assert sorted((i.code, i.location.line) for i in issues) == [
        ("parent-cycle", 8002), ("parent-cycle", 8003)]
    ev = er.evaluate(er.load_plan("kon_plong"), [er.Record("t1", "2024-11", {"good_deeds": 1})],
                     units=units, issued=date(2024, 10, 15), as_of=date(2025, 9, 30))
    assert (ev.rows_total, ev.rows_used) == (1, 1)


def test_many_rows_of_unknown_units_cost_one_hint_each(tmp_path: Path) -> None:
    """Rows for units not in the units file are each rejected; the did-you-mean hint is
    computed once per distinct unit (the same hint on every row of that unit)."""
    units = [er.UnitInfo(f"h1x{i:03d}", "", "commune") for i in range(500)]
    recs = [er.Record("h1x9999", "2024-11", {}, row) for row in range(2, 3002)]
    ev = er.evaluate(er.load_plan("kon_plong"), recs, units=units, issued=date(2024, 10, 15),
                     as_of=date(2025, 9, 30))
    assert len(ev.rejected) == 3000 and {i.code for i in ev.rejected} == {"unknown-unit"}
    assert len({i.hint for i in ev.rejected}) == 1


def test_a_calendar_never_holds_a_bare_carriage_return(tmp_path: Path) -> None:
    """A phase label with a lone CR and an escape character: the ICS file has CR only in its
    CRLF line ends, whatever icalendar's version, and no raw control character."""
    from emulation_rules.ics import render_ics

    text = (Path(__file__).resolve().parent.parent / "plans" / "kon_plong.yaml").read_text(
        encoding="utf-8")
    text = text.replace("id: kon_plong\n", "id: evil\n", 1).replace(
        "label: {vi: Đợt 1, en: Phase 1}", 'label: {vi: "Đợt 1\\rBEGIN:VEVENT\\e", en: Phase 1}', 1)
    path = tmp_path / "evil.yaml"
    path.write_text(text, encoding="utf-8")
    ics = render_ics([er.timeline(er.load_plan(path), issued=date(2024, 10, 15))])
    assert b"\r" not in ics.replace(b"\r\n", b"")
    assert b"\x1b" not in ics
