"""The committed JSON Schema: generated from the model, draft-07, and agreeing with the model."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import jsonschema
import pytest

import emulation_rules as er
from emulation_rules import _yaml
from emulation_rules.i18n import text
from emulation_rules.model import Plan, plan_data
from emulation_rules.schema import (
    SCHEMA_DRAFT,
    SCHEMA_ID,
    build_schema,
    render_schema,
    untranslated,
)

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
    "deadline_outside_campaign": "compares a deadline's date with the (inherited) campaign's",
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


# --- the words an editor shows (issue 14, item 7) ----------------------------------------------

def test_the_schema_has_a_stable_id_that_is_no_address() -> None:
    schema = build_schema()
    assert schema["$id"] == SCHEMA_ID == "urn:emulation-rules:schema:plan"
    assert schema["title"].startswith("Kế hoạch")
    # a plan's references resolve inside the schema, whatever its $id
    validator = jsonschema.Draft7Validator(schema)
    assert list(validator.iter_errors({"id": "x", "extends": "kon_plong",
                                       "phases": [{"id": "phase_1", "end": "x"}]}))


def test_every_definition_and_property_has_vietnamese_words() -> None:
    """A title and a description in Vietnamese (then English) for each definition and
    property, from the catalogue (``schema.*`` in emulation_rules/_catalog/newplan.py)."""
    missing = untranslated()
    assert not missing, (
        "no Vietnamese words in the catalogue for these parts of the schema; add "
        "_HOVER entries in src/emulation_rules/_catalog/newplan.py (schema.<definition>."
        "<property>, or schema.any.<property>), run python scripts/gen_catalogs.py and "
        "regenerate the schema:\n" + "\n".join(missing))


def test_hover_text_is_vietnamese_then_english() -> None:
    defs = build_schema()["definitions"]
    end = defs["Phase"]["properties"]["end"]
    assert end["title"] == "Ngày kết thúc"
    vi, en = end["description"].split("\n\n")
    assert vi.startswith("Ngày cuối, tính cả ngày đó") and en.startswith("Last day, inclusive")
    assert defs["Phase"]["title"] == "Đợt thi đua"
    assert defs["PartialPlan"]["title"] == "Kế hoạch kế thừa (extends)"
    assert defs["PartialPhase"]["properties"]["end"]["title"] == "Ngày kết thúc"
    # a shared property's words where a definition has none of its own
    assert defs["Target"]["properties"]["policy"]["title"] == "Quy định của địa phương"
    # a kind of value, wherever the model describes it
    start = defs["Phase"]["properties"]["start"]["anyOf"]
    assert start[0]["description"].startswith("Ngày ban hành kế hoạch")


def _normalised(words: str) -> str:
    return " ".join(words.split())


def test_the_english_on_hover_is_the_models_docstring() -> None:
    """The catalogue's English of a definition or property is the model's docstring (the
    descriptions a kind of value carries, a date say, are not docstrings)."""
    raw = Plan.model_json_schema(ref_template="#/definitions/{model}", mode="validation")
    raw_defs = {**raw.pop("$defs"), "Plan": raw}
    built = build_schema()["definitions"]
    kinds = {_normalised(text(f"schema.value.{k}.about", "en"))
             for k in ("date", "issuance", "metric", "attestation")}
    differ = []
    for name, node in raw_defs.items():
        parts = [(name, node, built[name])] + [
            (f"{name}.{prop}", sub, built[name]["properties"][prop])
            for prop, sub in node.get("properties", {}).items()]
        for where, original, words in parts:
            english = _normalised(original.get("description", ""))
            if not english or english in kinds or "\n\n" not in words.get("description", ""):
                continue  # no docstring, a value's description, or no words yet (above)
            if _normalised(words["description"].split("\n\n", 1)[1]) != english:
                differ.append(f"{where}: model says {english!r}")
    assert not differ, "the catalogue's English differs from the model's docstring:\n" + (
        "\n".join(differ))


def _nodes(node: Any) -> Iterator[dict[str, Any]]:
    if isinstance(node, dict):
        yield node
        for value in node.values():
            yield from _nodes(value)
    elif isinstance(node, list):
        for item in node:
            yield from _nodes(item)


def test_no_keyword_stands_beside_a_ref() -> None:
    """draft-07 ignores everything beside a $ref: words go on an allOf around it."""
    beside = [sorted(n) for n in _nodes(build_schema()) if "$ref" in n and len(n) > 1]
    assert beside == []
    label = build_schema()["definitions"]["Phase"]["properties"]["label"]
    assert label["allOf"] == [{"$ref": "#/definitions/Text"}] and label["title"] == "Tên"


def test_examples_are_values_the_schema_accepts() -> None:
    schema = build_schema()
    with_examples = [(name, prop, sub) for name, node in schema["definitions"].items()
                     for prop, sub in node.get("properties", {}).items() if "examples" in sub]
    fields = {(name, prop) for name, prop, _ in with_examples}
    for wanted in [("Phase", "end"), ("Deadline", "due"), ("Deadline", "relation"),
                   ("RatioCondition", "threshold"), ("Source", "section"), ("Plan", "id"),
                   ("PartialPhase", "start")]:
        assert wanted in fields
    for name, prop, sub in with_examples:
        check = jsonschema.Draft7Validator({**sub, "definitions": schema["definitions"]},
                                           format_checker=jsonschema.FormatChecker())
        for example in sub["examples"]:
            assert list(check.iter_errors(example)) == [], (name, prop, example)


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
