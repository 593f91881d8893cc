"""The documentation stays true: its worked example validates, its tables match the code."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import emulation_rules as er
from emulation_rules.vocabulary import ATTESTATIONS, METRICS

from .conftest import ROOT

DOCS = ROOT / "docs"


def test_worked_example_in_plan_format_validates_and_differs_as_described(tmp_path: Path
                                                                           ) -> None:
    text = (DOCS / "plan-format.md").read_text(encoding="utf-8")
    block = re.search(r"Save `kon_ray.yaml` anywhere:\n\n```yaml\n(.*?)```", text, re.S)
    assert block is not None
    path = tmp_path / "kon_ray.yaml"
    path.write_text(block.group(1), encoding="utf-8")
    assert er.iter_plan_issues(path) == []
    plan = er.load_plan(path)
    assert str(plan.phases[1].end) == "2025-06-30"
    assert plan.deadlines[1].relation == "on_or_before"


def _table_rows(name: str) -> dict[str, list[str]]:
    rows = {}
    for line in (DOCS / name).read_text(encoding="utf-8").splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) > 2 and cells[0].startswith("`") and cells[0].endswith("`"):
            rows[cells[0].strip("`")] = cells
    return rows


def test_metrics_doc_lists_every_metric_with_its_level_and_direction() -> None:
    rows = _table_rows("metrics.md")
    for metric in METRICS.values():
        assert metric.id in rows, f"docs/metrics.md lacks {metric.id}"
        cells = rows[metric.id]
        assert metric.level in cells and metric.direction in cells
    for attestation in ATTESTATIONS.values():
        assert attestation.id in rows, f"docs/metrics.md lacks attestation {attestation.id}"
    assert set(rows) == set(METRICS) | set(ATTESTATIONS)


def test_metrics_doc_is_up_to_date_with_vocabulary_and_plans() -> None:
    from emulation_rules.docgen import render_metrics_doc

    assert (DOCS / "metrics.md").read_text(encoding="utf-8") == render_metrics_doc(), (
        "docs/metrics.md is out of date; regenerate it with:\n"
        "    python scripts/gen_metrics_doc.py > docs/metrics.md")


def test_condition_tables_in_plan_format_come_from_the_one_table() -> None:
    """docs/plan-format.md's kinds and comparators are generated from conditions.py."""
    from emulation_rules.docgen import with_conditions_doc

    page = (DOCS / "plan-format.md").read_text(encoding="utf-8")
    assert page == with_conditions_doc(page), (
        "docs/plan-format.md's condition tables are out of date; regenerate them with:\n"
        "    python scripts/gen_metrics_doc.py --conditions")
    for kind in ("count", "ratio", "attestation", "any_of", "all_of"):
        assert f"| {kind} |" in page


@pytest.mark.parametrize("code", ["duplicate-key", "unknown-key", "invalid-date",
                                  "phase-overlap", "unknown-metric", "missing-citation",
                                  "extends-outside", "unknown-remove"])
def test_plan_format_doc_explains_each_issue_code(code: str) -> None:
    assert f"`{code}`" in (DOCS / "plan-format.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("doc", ["README.md", "docs/timeline.md", "docs/evaluation.md"])
def test_python_examples_in_the_docs_run(doc: str, tmp_path: Path) -> None:
    """The Python shown to users runs as written (from the repository root, as the docs say)."""
    import os
    import subprocess
    import sys

    text = (ROOT / doc).read_text(encoding="utf-8")
    blocks = re.findall(r"```python\n(.*?)```", text, re.S)
    assert blocks, f"{doc} shows no Python"
    if doc == "docs/timeline.md":  # it reads the submissions and units files it shows
        (tmp_path / "subs.csv").write_text(
            "unit,deadline,submitted\nxa_dak_long,report_phase_1,2025-02-02\n", encoding="utf-8")
        (tmp_path / "units.csv").write_text("id,name,kind\nxa_dak_long,Xã Đắk Long,commune\n",
                                            encoding="utf-8")
        cwd = tmp_path
    else:
        cwd = ROOT
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    for block in blocks:
        result = subprocess.run([sys.executable, "-c", block], cwd=cwd, env=env,
                                capture_output=True, text=True, timeout=120)
        assert result.returncode == 0, result.stderr


def test_the_json_verdict_shown_in_evaluation_md_is_a_real_one() -> None:
    """docs/evaluation.md's JSON example is the verdict the command gives today."""
    import io
    import json

    from emulation_rules.cli import run

    text = (DOCS / "evaluation.md").read_text(encoding="utf-8")
    block = re.search(r"One verdict of the JSON output \(commune `(\w+)`, phase 2\):\n\n"
                      r"```json\n(.*?)```", text, re.S)
    assert block is not None
    shown = json.loads(block.group(2))
    out, err = io.StringIO(), io.StringIO()
    assert run(["evaluate", "--plan", "bac_giang", "--metrics",
                str(ROOT / "examples" / "bac_giang_metrics.csv"), "--units",
                str(ROOT / "examples" / "bac_giang_units.csv"), "--issued", "2024-09-01",
                "--as-of", "2025-08-31", "--format", "json"], stdout=out, stderr=err) == 0
    result = next(r for r in json.loads(out.getvalue())["results"]
                  if r["unit"] == block.group(1) and r["window"] == "phase_2")
    real = next(t for c in result["criteria"] for t in c["targets"]
                if t["target"] == shown["target"])
    assert shown == real


def test_every_limit_is_in_the_cost_model_table_with_its_value() -> None:
    """docs/performance.md's table of limits names each constant of emulation_rules.limits
    with the value the code checks (so the stated cost model cannot drift from the code)."""
    from datetime import date

    from emulation_rules import limits

    page = (DOCS / "performance.md").read_text(encoding="utf-8")
    rows = {line.split("|")[1].strip(): line for line in page.splitlines()
            if line.startswith("| `")}
    names = [n for n in limits.__all__ if n.isupper()]
    assert len(names) == 16
    for name in names:
        value = getattr(limits, name)
        row = next((line for key, line in rows.items() if f"`{name}`" in key), None)
        assert row is not None, f"{name} is not in docs/performance.md's table of limits"
        shown = value.isoformat() if isinstance(value, date) else f"{value:,}"
        assert shown in row.split("|")[2], (name, shown, row)
    assert "`too-many`" in (DOCS / "plan-format.md").read_text(encoding="utf-8")


GUIDE = DOCS / "vi" / "huong-dan-soan-ke-hoach.md"


def test_the_staff_guide_lists_every_issue_code_from_the_registry() -> None:
    """docs/vi/huong-dan-soan-ke-hoach.md's section of messages is generated from codes.py:
    every code, with its Vietnamese meaning and what to do."""
    from emulation_rules.codes import CODES
    from emulation_rules.docgen import GUIDE_CODES_END, GUIDE_CODES_START, with_guide_codes_doc

    page = GUIDE.read_text(encoding="utf-8")
    assert page == with_guide_codes_doc(page), (
        "the list of messages in docs/vi/huong-dan-soan-ke-hoach.md is out of date; "
        "regenerate it with:\n    python scripts/gen_metrics_doc.py --guide")
    section = page.partition(GUIDE_CODES_START)[2].partition(GUIDE_CODES_END)[0]
    listed = {row.split("|")[1].strip().strip("`") for row in section.splitlines()
              if row.startswith("| `")}
    assert listed == set(CODES)
    for code in CODES.values():
        assert f"| `{code.code}` | {'lỗi' if code.severity == 'error' else 'cảnh báo'} |" in section


def test_the_staff_guide_is_linked_and_its_final_plan_is_clean_under_strict(tmp_path: Path
                                                                           ) -> None:
    """The guide is linked from the README and the format page, and the plan it ends with
    (the last dak_ha.yaml it shows) passes `validate --strict` with the differences it names."""
    assert "docs/vi/huong-dan-soan-ke-hoach.md" in (ROOT / "README.md").read_text(
        encoding="utf-8")
    assert "vi/huong-dan-soan-ke-hoach.md" in (DOCS / "plan-format.md").read_text(
        encoding="utf-8")
    blocks = re.findall(r"```yaml file=dak_ha\.yaml\n(.*?)```", GUIDE.read_text(
        encoding="utf-8"), re.S)
    assert len(blocks) == 2, "the guide shows a first draft and a corrected plan"
    path = tmp_path / "dak_ha.yaml"
    path.write_text(blocks[-1], encoding="utf-8")
    assert er.iter_plan_issues(path) == []
    issues = er.iter_plan_issues(path, acknowledged=True)
    assert {i.code for i in issues} == {"phase-gap", "report-before-phase-end"}
    assert all(i.acknowledgement is not None for i in issues)
    plan = er.load_plan(path)
    assert str(plan.phases[1].end) == "2025-06-30"
    deadline = next(d for d in plan.deadlines if d.id == "report_phase_2")
    assert (str(deadline.due), deadline.relation) == ("2025-07-05", "on_or_before")
