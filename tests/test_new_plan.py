"""``emulation-rules new``: a commented overlay with placeholders that fail validation until
filled, the schema modeline, and the base's values beside each field (issue 14, item 6)."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml

import emulation_rules as er
from emulation_rules import _yaml
from emulation_rules.errors import Severity
from emulation_rules.model import Plan, plan_data
from emulation_rules.new_plan import DEFAULT_BASE, new_plan_text, suggest_id

from .conftest import ROOT, CliResult

Cli = Callable[..., CliResult]
PLACEHOLDER = re.compile(r'"<[^"\n]*>"')
SCHEMA = jsonschema.Draft7Validator(
    json.loads((ROOT / "schemas" / "plan.schema.json").read_text(encoding="utf-8")),
    format_checker=jsonschema.FormatChecker())
BASES = ("kon_plong", "bac_giang", "ninh_thuan", "tuyen_quang", "phuong_tien",
         "special_movement_2024")


def _new(cli: Cli, tmp_path: Path, *args: str, plan_id: str = "dak_ha") -> tuple[CliResult,
                                                                                   Path]:
    result = cli("new", plan_id, "--output", str(tmp_path), *args)
    return result, tmp_path / f"{plan_id}.yaml"


def _placeholders(data: Any) -> int:
    """How many values of the parsed file are placeholders (wholly in < and >)."""
    if isinstance(data, dict):
        return sum(_placeholders(v) for v in data.values())
    if isinstance(data, list):
        return sum(_placeholders(v) for v in data)
    return int(isinstance(data, str) and data.startswith("<") and data.endswith(">"))


def _parsed(text: str) -> Any:
    doc, issues = _yaml.parse(text, "new.yaml")
    assert issues == [], [str(i) for i in issues]
    assert yaml.safe_load(text) == doc.data  # PyYAML (YAML 1.1) reads the same
    return doc


# --- filling the placeholders as staff would ---------------------------------------------------

_TEMPLATE_FILL: dict[tuple[str | int, ...], object] = {
    ("issuer", "body"): "district_people_committee",
    ("issuer", "level"): "district",
    ("campaign", "start"): "issuance",
    ("campaign", "end"): "19/08/2025",
    ("phases", 0, "start"): "issuance",
    ("phases", 0, "end"): "03/02/2025",
    ("phases", 1, "start"): "04/02/2025",
    ("phases", 1, "end"): "2025-08-19",
}


def _base_value(base: dict[str, Any], data: Any, path: tuple[str | int, ...]) -> object:
    """The base's value at the overlay's path, list items matched by id (None: none)."""
    node: Any = base
    here: Any = data
    for part in path:
        if isinstance(part, int):
            wanted = here[part]["id"]
            node = next((item for item in node or [] if item.get("id") == wanted), None)
        else:
            node = node.get(part) if isinstance(node, dict) else None
        here = here[part]
        if node is None:
            return None
    return node


def _fill(text: str, base_ref: str) -> str:
    """Every placeholder replaced: by the base's own value where it has one (a valid plan),
    else by a value a district's document would give."""
    doc = _parsed(text)
    base = plan_data(er.load_plan(base_ref))
    lines = text.split("\n")
    for path, (line, _col) in doc.positions.items():
        value = _lookup(doc.data, path)
        if not (isinstance(value, str) and value.startswith("<") and value.endswith(">")):
            continue
        found = _base_value(base, doc.data, path)
        if found is None:
            found = _TEMPLATE_FILL.get(path, {"section": "II.2"}.get(
                str(path[-1]), "Nội dung do văn bản của huyện Đăk Hà quy định"))
        start, end = PLACEHOLDER.search(lines[line - 1]).span()  # type: ignore[union-attr]
        row = lines[line - 1]
        lines[line - 1] = row[:start] + json.dumps(found, ensure_ascii=False) + row[end:]
    filled = "\n".join(lines)
    assert not PLACEHOLDER.search(filled)
    return filled


def _lookup(data: Any, path: tuple[str | int, ...]) -> Any:
    for part in path:
        data = data[part]
    return data


def _errors(path: Path) -> list[str]:
    return [str(i) for i in er.iter_plan_issues(path) if i.severity is Severity.ERROR]


# --- the file ----------------------------------------------------------------------------------

@pytest.mark.parametrize("base", BASES)
def test_a_new_plan_fails_until_filled_and_validates_once_filled(
        base: str, cli: Cli, tmp_path: Path) -> None:
    result, path = _new(cli, tmp_path, "--extends", base)
    assert result.code == 0, result.err
    text = path.read_text(encoding="utf-8")
    doc = _parsed(text)
    assert doc.data["id"] == "dak_ha" and doc.data["extends"] == base
    count = _placeholders(doc.data)
    assert count == len(PLACEHOLDER.findall(text)) > 0 and f" {count} " in result.err

    fresh = cli("validate", str(path))
    assert fresh.code == 1, fresh.out
    # each placeholder is reported as one, where it stands, and nothing else is wrong
    issues = [i for i in er.iter_plan_issues(path) if i.severity is Severity.ERROR]
    assert {i.code for i in issues} == {"placeholder"}
    lines = [n for n, line in enumerate(text.splitlines(), 1) if PLACEHOLDER.search(line)]
    assert sorted(i.location.line or 0 for i in issues) == lines
    assert list(SCHEMA.iter_errors(doc.data)), "an editor underlines the placeholders too"

    filled = _fill(text, base)
    path.write_text(filled, encoding="utf-8")
    assert _errors(path) == []
    assert cli("validate", str(path)).code == 0
    assert list(SCHEMA.iter_errors(_parsed(filled).data)) == []


def test_the_fields_a_locality_changes_with_the_base_value_beside_each(
        cli: Cli, tmp_path: Path) -> None:
    result, path = _new(cli, tmp_path, "--extends", "kon_plong", "--lang", "vi")
    assert result.code == 0
    text = path.read_text(encoding="utf-8")
    data = _parsed(text).data
    assert data["draft"] is True
    assert set(data) == {"id", "extends", "draft", "title", "issuer", "document", "campaign",
                         "phases", "deadlines"}
    assert set(data["issuer"]) == {"name", "signatory"}
    assert [p["id"] for p in data["phases"]] == ["phase_1", "phase_2"]
    assert set(data["phases"][1]) == {"id", "start", "end", "source"}
    assert [d["id"] for d in data["deadlines"]] == ["report_phase_1", "report_phase_2"]
    assert set(data["deadlines"][0]) == {"id", "due", "relation", "source", "acknowledge"}
    # the base's values in comments, dates day-first in Vietnamese
    assert '    end: "<ngày kết thúc đợt 2>"  # kon_plong: 19/08/2025' in text
    assert '  signatory: "<người ký>"  # kon_plong: Đặng Quang Hà' in text
    assert "# kon_plong: before" in text
    # a reading of the base's document is not inherited silently
    assert data["campaign"]["source"] == {"section": "<số mục>", "quote": "<câu trích nguyên văn>",
                                          "reading": None}
    assert "reading" not in data["phases"][1]["source"]
    # nor the base's acknowledged warnings of the dates asked for again
    assert data["deadlines"][0]["acknowledge"] == []
    assert "acknowledge: []  # kon_plong đã chấp nhận cảnh báo report-before-phase-end" in text


def test_english_on_request_with_iso_dates(cli: Cli, tmp_path: Path) -> None:
    result, path = _new(cli, tmp_path, "--extends", "kon_plong", "--lang", "en")
    text = path.read_text(encoding="utf-8")
    assert result.code == 0 and result.err.startswith("wrote ")
    assert '    end: "<last day of phase 2>"  # kon_plong: 2025-08-19' in text
    assert "Replace each value in <...>" in text


def test_the_default_base_is_the_template_and_every_citation_is_asked_for(
        cli: Cli, tmp_path: Path, default_lang: None) -> None:
    result, path = _new(cli, tmp_path)
    assert result.code == 0 and result.err.startswith("đã ghi ")
    data = _parsed(path.read_text(encoding="utf-8")).data
    assert data["extends"] == DEFAULT_BASE
    assert {"body", "level"} <= set(data["issuer"])
    assert [p["id"] for p in data["phases"]] == ["phase_1", "phase_2"]
    template = er.load_plan(DEFAULT_BASE)
    assert [c["id"] for c in data["criteria"]] == [c.id for c in template.criteria]
    targets = [t["id"] for c in data["criteria"] for t in c["targets"]]
    assert targets == [t.id for c in template.criteria for t in c.targets]
    assert all("source" in c for c in data["criteria"])


def test_the_modeline_names_a_schema_that_is_there_or_says_how_to_get_it(
        cli: Cli, tmp_path: Path) -> None:
    # nothing beside it: plan.schema.json, and the command that writes it
    result, path = _new(cli, tmp_path, "--extends", "kon_plong")
    first = path.read_text(encoding="utf-8").splitlines()[0]
    assert first == "# yaml-language-server: $schema=plan.schema.json"
    assert "emulation-rules schema > plan.schema.json" in path.read_text(encoding="utf-8")
    assert f"emulation-rules schema > {tmp_path / 'plan.schema.json'}" in result.err
    # a repository laid out as this one: plans/ beside schemas/
    plans = tmp_path / "repo" / "plans"
    plans.mkdir(parents=True)
    (tmp_path / "repo" / "schemas").mkdir()
    (tmp_path / "repo" / "schemas" / "plan.schema.json").write_text("{}", encoding="utf-8")
    result = cli("new", "dak_ha", "--extends", "kon_plong", "--output", str(plans))
    text = (plans / "dak_ha.yaml").read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=../schemas/plan.schema.json\n")
    assert "schema >" not in result.err
    # a copy beside the plan wins
    (plans / "plan.schema.json").write_text("{}", encoding="utf-8")
    cli("new", "dak_to", "--extends", "kon_plong", "--output", str(plans))
    text = (plans / "dak_to.yaml").read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=plan.schema.json\n")


def test_the_bundled_modeline_path_is_the_one_the_bundled_plans_use() -> None:
    first = (ROOT / "plans" / "kon_plong.yaml").read_text(encoding="utf-8").splitlines()[0]
    assert first == "# yaml-language-server: $schema=../schemas/plan.schema.json"


def test_a_base_file_beside_the_new_one(cli: Cli, tmp_path: Path) -> None:
    base = tmp_path / "kon_ray.yaml"
    base.write_text("id: kon_ray\nextends: kon_plong\nphases:\n  - id: phase_2\n"
                    "    end: 30/06/2025\n", encoding="utf-8")
    result = cli("new", "dak_ha", "--extends", str(base), "--output", str(tmp_path))
    assert result.code == 0, result.err
    text = (tmp_path / "dak_ha.yaml").read_text(encoding="utf-8")
    assert _parsed(text).data["extends"] == "kon_ray.yaml"
    assert "# kon_ray.yaml: 30/06/2025" in text or "# kon_ray.yaml: 2025-06-30" in text
    # a bundled id with a file of that name beside the new plan: that file, as extends reads it
    (tmp_path / "kon_plong.yaml").write_text(base.read_text(encoding="utf-8").replace(
        "kon_ray", "kon_plong").replace("extends: kon_plong", "extends: bac_giang"),
        encoding="utf-8")
    cli("new", "dak_to", "--extends", "kon_plong", "--output", str(tmp_path))
    text = (tmp_path / "dak_to.yaml").read_text(encoding="utf-8")
    assert "# kon_plong: 2025-06-30" in text and "# kon_plong: 2025-05-20" in text  # bac_giang's


def test_text_from_the_base_cannot_break_the_file() -> None:
    """A label or quote with a line break, a quote mark, a '#', a control or bidi character
    stays inside its one-line comment; the file is YAML and reads back as written."""
    hostile = 'Đợt 2 "x" # y\nw\u2028z\u202e\x1b[31m\\'
    data = plan_data(er.load_plan("kon_plong"))
    data["phases"][1]["label"] = {"vi": hostile, "en": hostile}
    data["phases"][1]["source"]["quote"] = hostile + " quote"
    data["phases"][1]["source"]["reading"] = hostile
    base = Plan.model_validate(data)
    text, count = new_plan_text("dak_ha", base, extends="base.yaml", file_name="dak_ha.yaml",
                                schema="plan.schema.json", lang="vi")
    parsed = _parsed(text).data
    assert [p["id"] for p in parsed["phases"]] == ["phase_1", "phase_2"]
    assert parsed["phases"][1]["source"]["reading"] is None
    assert count == _placeholders(parsed) == 30
    for char in ("\u2028", "\u202e", "\x1b"):
        assert char not in text
    assert len(text.splitlines()) == text.count("\n")


# --- refusals ----------------------------------------------------------------------------------

def test_an_existing_file_is_kept_without_force(cli: Cli, tmp_path: Path) -> None:
    path = tmp_path / "dak_ha.yaml"
    path.write_text("kept\n", encoding="utf-8")
    result, _ = _new(cli, tmp_path, "--extends", "kon_plong")
    assert result.code == 2
    assert "already exists" in result.err and "--force" in result.err
    assert path.read_text(encoding="utf-8") == "kept\n"
    result, _ = _new(cli, tmp_path, "--extends", "kon_plong", "--force")
    assert result.code == 0
    assert path.read_text(encoding="utf-8").startswith("# yaml-language-server:")


@pytest.mark.parametrize(("plan_id", "suggestion"), [
    ("Đắk Hà", "dak_ha"),
    ("dak-ha", "dak_ha"),
    ("DakHa", "dakha"),
    ("2025_plan", None),
    ("dak\u200bha", "dakha"),
    ("", None),
])
def test_an_id_that_is_not_a_plan_id_is_refused_with_the_one_it_means(
        plan_id: str, suggestion: str | None, cli: Cli, tmp_path: Path) -> None:
    result = cli("new", plan_id, "--output", str(tmp_path))
    assert result.code == 2
    assert "cannot be a plan id" in result.err
    assert "\u200b" not in result.err
    if suggestion is not None:
        assert f"write {suggestion}" in result.err
    assert suggest_id(plan_id) == suggestion
    assert list(tmp_path.iterdir()) == []


def test_the_file_name_must_be_the_id(cli: Cli, tmp_path: Path) -> None:
    result = cli("new", "dak_ha", "--output", str(tmp_path / "ke_hoach.yaml"))
    assert result.code == 2 and "dak_ha.yaml" in result.err
    assert cli("new", "dak_ha", "--output", str(tmp_path / "dak_ha.yml")).code == 0


def test_a_plan_cannot_extend_itself(cli: Cli, tmp_path: Path) -> None:
    result = cli("new", "kon_plong", "--extends", "kon_plong", "--output", str(tmp_path))
    assert result.code == 2 and "cannot extend itself" in result.err


def test_a_base_outside_the_new_files_folder_is_refused(cli: Cli, tmp_path: Path) -> None:
    (tmp_path / "out").mkdir()
    (tmp_path / "base.yaml").write_text("id: base\nextends: kon_plong\n", encoding="utf-8")
    result = cli("new", "dak_ha", "--extends", str(tmp_path / "base.yaml"),
                 "--output", str(tmp_path / "out"))
    assert result.code == 2 and "inside the new file's folder" in result.err


def test_a_base_that_is_not_a_plan_is_reported_as_validate_would(
        cli: Cli, tmp_path: Path) -> None:
    result = cli("new", "dak_ha", "--extends", "kon_plongg", "--output", str(tmp_path))
    assert result.code == 1
    assert "plan-not-found" in result.err and "kon_plong" in result.err
    assert list(tmp_path.iterdir()) == []


def test_help_in_both_languages(cli: Cli, default_lang: None) -> None:
    vi = cli("new", "--help")
    assert vi.code == 0 and "kế hoạch làm nền" in vi.out and "special_movement_2024" in vi.out
    en = cli("new", "--help", "--lang", "en")
    assert "the plan to build on" in en.out


# --- the docs ----------------------------------------------------------------------------------

def test_the_excerpt_in_the_docs_is_what_new_writes(cli: Cli, tmp_path: Path,
                                                    default_lang: None) -> None:
    """docs/plan-format.md shows parts of the file ``new dak_ha --extends kon_plong`` writes
    (``...`` between them): each part must be lines the command writes, in that order."""
    doc = (ROOT / "docs" / "plan-format.md").read_text(encoding="utf-8")
    section = doc[doc.index("## Starting a plan"):]
    section = section[section.index("```yaml\n") + len("```yaml\n"):]
    excerpt = section[:section.index("\n```\n")].split("\n")
    cli("new", "dak_ha", "--extends", "kon_plong", "--output", str(tmp_path))
    written = (tmp_path / "dak_ha.yaml").read_text(encoding="utf-8").split("\n")
    parts = "\n".join(excerpt).split("\n...\n")
    assert len(parts) > 1
    at = 0
    for part in parts:
        lines = part.split("\n")
        found = next((i for i in range(at, len(written)) if written[i:i + len(lines)] == lines),
                     None)
        assert found is not None, f"not what new writes (after line {at}):\n{part}"
        at = found + len(lines)
