"""The committed JSON Schema: generated from the model, draft-07, and agreeing with the model."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import jsonschema
import pytest

import emulation_rules as er
from emulation_rules import _yaml
from emulation_rules.model import plan_data
from emulation_rules.schema import SCHEMA_DRAFT, build_schema, render_schema

from .conftest import INVALID, LOCALITIES, ROOT, SHIPPED

SCHEMA_FILE = ROOT / "schemas" / "plan.schema.json"

#: Invalid fixtures that JSON Schema alone cannot reject, and why. Every other invalid fixture
#: must fail the schema too.
SCHEMA_BLIND = {
    "impossible_date": "a day-first date is checked by pattern only; 31/02 needs a calendar",
    "phase_overlap": "compares values of two phases",
    "level_mismatch": "needs the level of each metric from the vocabulary",
    "missing_citation": "citations are required of the resolved plan, after inheritance",
    "missing_when_no_cases": "required of the resolved plan, after inheritance",
    "yaml_anchor": "anchors are YAML syntax, gone before a schema sees the data",
    "extends_missing": "whether a plan exists is a file-system question",
    "unknown_remove": "what is inherited is known only after inheritance",
    "id_mismatch": "compares the id with the file name",
    "unknown_phase": "a cross-reference between two lists",
    "ratio_out_of_range": "in an overlay, a partial condition cannot be told count from ratio",
    "deadline_both": "in an overlay, a deadline may inherit due/relation",
    "local_policy_without_reason": "a rule across two fields (policy needs reason)",
}


def load_json(text: str) -> Any:
    return json.loads(text)


def test_committed_schema_matches_the_model() -> None:
    committed = SCHEMA_FILE.read_text(encoding="utf-8")
    assert committed == render_schema(), (
        "schemas/plan.schema.json is out of date with the model; regenerate it with:\n"
        "    emulation-rules schema > schemas/plan.schema.json")


def test_schema_is_valid_draft_07_without_newer_keywords() -> None:
    schema = build_schema()
    assert schema["$schema"] == SCHEMA_DRAFT
    jsonschema.Draft7Validator.check_schema(schema)
    text = render_schema()
    for keyword in ("prefixItems", "$defs", "unevaluatedProperties", "dependentRequired"):
        assert f'"{keyword}"' not in text


def test_schema_command_prints_the_committed_schema(cli: Any) -> None:
    result = cli("schema")
    assert result.code == 0
    assert result.out == SCHEMA_FILE.read_text(encoding="utf-8")


def test_fields_have_hover_descriptions() -> None:
    defs = build_schema()["definitions"]
    phase = defs["Phase"]["properties"]
    assert "inclusive" in phase["end"]["description"]
    assert "issuance" in phase["start"]["description"]


def _validator() -> jsonschema.Draft7Validator:
    return jsonschema.Draft7Validator(load_json(SCHEMA_FILE.read_text(encoding="utf-8")),
                                      format_checker=jsonschema.FormatChecker())


@pytest.mark.parametrize("path", SHIPPED, ids=lambda p: p.stem)
def test_every_shipped_plan_passes_schema_and_model(path: Path) -> None:
    doc, issues = _yaml.parse(path.read_bytes(), str(path))
    assert issues == []
    assert list(_validator().iter_errors(doc.data)) == []
    assert er.iter_plan_issues(path) == []
    first = path.read_text(encoding="utf-8").splitlines()[0]
    assert first == "# yaml-language-server: $schema=../schemas/plan.schema.json"


@pytest.mark.parametrize("plan_id", LOCALITIES)
def test_resolved_plan_from_show_passes_the_schema(plan_id: str, cli: Any) -> None:
    result = cli("show", plan_id, "--format", "json")
    assert result.code == 0
    data = load_json(result.out)
    assert list(_validator().iter_errors(data)) == []
    assert data == plan_data(er.load_plan(plan_id))


@pytest.mark.parametrize("fixture", sorted(INVALID.glob("*.yaml")), ids=lambda p: p.stem)
def test_invalid_fixtures_fail_the_schema_unless_listed(fixture: Path) -> None:
    doc, issues = _yaml.parse(fixture.read_bytes(), str(fixture))
    assert er.iter_plan_issues(fixture), "every invalid fixture fails the model"
    if issues:  # not even YAML we accept: nothing for a schema to check
        assert fixture.stem not in SCHEMA_BLIND or fixture.stem == "yaml_anchor"
        return
    schema_errors = list(_validator().iter_errors(doc.data))
    if fixture.stem in SCHEMA_BLIND:
        assert schema_errors == [], f"{fixture.stem} is rejected by the schema: unlist it"
    else:
        assert schema_errors, f"the schema accepts {fixture.name}"


def _check_jsonschema() -> list[str]:
    exe = shutil.which("check-jsonschema", path=str(Path(sys.executable).parent))
    assert exe, "check-jsonschema is in the test extra"
    return [exe]


def test_check_jsonschema_accepts_every_plan_as_editors_read_it() -> None:
    cmd = [*_check_jsonschema(), "--schemafile", str(SCHEMA_FILE), *map(str, SHIPPED)]
    result = subprocess.run(cmd, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr


def test_check_jsonschema_rejects_the_fixtures_it_can_see() -> None:
    fixtures = sorted(INVALID.glob("*.yaml"))
    cmd = [*_check_jsonschema(), "--schemafile", str(SCHEMA_FILE), "--output-format", "json",
           *map(str, fixtures)]
    result = subprocess.run(cmd, capture_output=True, text=True, timeout=120)
    report = load_json(result.stdout)
    rejected = {Path(e["filename"]).stem for e in report["errors"] + report["parse_errors"]}
    visible = {p.stem for p in fixtures} - set(SCHEMA_BLIND)
    assert visible <= rejected, f"check-jsonschema accepts: {sorted(visible - rejected)}"
