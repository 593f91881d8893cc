"""Generate the plan JSON Schema from the model (the single source), for editors and CI.

The schema is JSON Schema draft-07 (what yaml-language-server and most editors understand):

* a file **without** ``extends`` must be a complete plan (``Plan``); a non-template plan must
  also carry ``issuer``, ``campaign`` and ``criteria``;
* a file **with** ``extends`` is an overlay (``PartialPlan``): every key optional except the
  ``id`` of list items, which is how items merge with the inherited ones.

Rules that JSON Schema cannot express are checked by the model and :mod:`emulation_rules.checks`
only; docs/plan-format.md lists them.
"""

from __future__ import annotations

import copy
import json
from typing import Any

from .model import Plan

__all__ = ["SCHEMA_DRAFT", "build_schema", "render_schema"]

SCHEMA_DRAFT = "http://json-schema.org/draft-07/schema#"
_REF = "#/definitions/"


def _partial(node: Any) -> Any:
    """The overlay form of a schema node: nothing required but ids, refs to Partial*."""
    if isinstance(node, list):
        return [_partial(item) for item in node]
    if not isinstance(node, dict):
        return node
    out: dict[str, Any] = {}
    for key, value in node.items():
        if key == "properties":  # property names are not keywords: keep every one
            out[key] = {name: _partial(sub) for name, sub in value.items()}
        elif key == "$ref" and isinstance(value, str) and value.startswith(_REF):
            out[key] = _REF + "Partial" + value[len(_REF):]
        elif key == "required":
            kept = [name for name in value if name == "id"]
            if kept:
                out[key] = kept
        elif key == "oneOf":
            out["anyOf"] = _partial(value)  # partial members overlap: any one must fit
        elif key == "default":
            continue
        else:
            out[key] = _partial(value)
    return out


def build_schema() -> dict[str, Any]:
    """The JSON Schema for plan files, as a dict."""
    body = Plan.model_json_schema(ref_template=_REF + "{model}", mode="validation")
    definitions: dict[str, Any] = body.pop("$defs")
    definitions["Plan"] = body
    plan = copy.deepcopy(body)
    plan["allOf"] = [{
        "if": {"properties": {"template": {"const": True}}, "required": ["template"]},
        "then": {},
        "else": {"required": ["issuer", "campaign", "criteria"]},
    }]
    plan["not"] = {"required": ["extends"]}
    definitions["Plan"] = plan
    for name in list(definitions):
        definitions["Partial" + name] = _partial(definitions[name])
    partial_plan = definitions["PartialPlan"]
    partial_plan.pop("not", None)
    partial_plan.pop("allOf", None)
    partial_plan["required"] = ["id", "extends"]
    partial_plan["description"] = (
        "A plan that extends another: it holds only what differs; list items merge by id.")
    return {
        "$schema": SCHEMA_DRAFT,
        "title": "emulation_rules plan",
        "description": (
            "A plan (Kế hoạch) of an emulation movement, as a YAML file of emulation_rules. "
            "Generated from the model by `emulation-rules schema`; do not edit by hand."),
        "definitions": definitions,
        "if": {"type": "object", "required": ["extends"]},
        "then": {"$ref": _REF + "PartialPlan"},
        "else": {"$ref": _REF + "Plan"},
    }


def render_schema() -> str:
    """The schema as the committed text: sorted keys, two-space indent, UTF-8."""
    return json.dumps(build_schema(), indent=2, sort_keys=True, ensure_ascii=False) + "\n"
