"""Generate the plan JSON Schema from the model (the single source), for editors and CI.

The schema is JSON Schema draft-07 (what yaml-language-server and most editors understand):

* a file **without** ``extends`` must be a complete plan (``Plan``); a non-template plan must
  also carry ``issuer``, ``campaign`` and ``criteria``;
* a file **with** ``extends`` is an overlay (``PartialPlan``): every key optional except the
  ``id`` of list items, which is how items merge with the inherited ones.

Rules that JSON Schema cannot express are checked by the model and :mod:`emulation_rules.checks`
only; docs/plan-format.md lists them.

**Words for the editor.** The schema, each definition and each property carry a Vietnamese
``title`` and a ``description`` in Vietnamese first, then English, a blank line between
(yaml-language-server shows on hover the title as a heading, then ``markdownDescription`` if
there is one, else ``description``: one text, so both languages stand in ``description``). The
words are the catalogue's ``schema.*`` entries (``emulation_rules._catalog.newplan``), keyed by
definition and property: ``schema.phase.end`` (the title) and ``schema.phase.end.about`` (the
description), else ``schema.any.<property>`` for a property many definitions share; their
English is the model's docstring where it has one (``tests/test_schema.py`` compares). A
property whose value is a ``$ref`` gets them through an ``allOf`` around the reference (beside a
``$ref``, draft-07 ignores every keyword). The fields staff fill most (dates, ids, relation,
threshold, section) carry ``examples``, which editors show on hover and offer as completions.
:func:`untranslated` lists what has no Vietnamese words (a test keeps it empty).

The schema's ``$id`` is a URN, a name that is not an address: the repository URL written in
``pyproject.toml`` is not a confirmed place where the schema is published, and a plan names its
schema by a path (the modeline), never by the ``$id``.
"""

from __future__ import annotations

import copy
import json
import re
from typing import Any

from .i18n import text
from .model import Plan

__all__ = ["SCHEMA_DRAFT", "SCHEMA_ID", "build_schema", "render_schema", "untranslated"]

SCHEMA_DRAFT = "http://json-schema.org/draft-07/schema#"
SCHEMA_ID = "urn:emulation-rules:schema:plan"
"""A stable name for the plan schema; not an address (nothing is fetched from it)."""

_REF = "#/definitions/"

_VALUE_KINDS = ("date", "issuance", "metric", "attestation")
"""Kinds of value the model describes wherever they stand (``schema.value.<kind>.about``)."""

_DATES = {
    ("Phase", "start"): ["issuance", "2024-10-15", "15/10/2024"],
    ("Phase", "end"): ["2025-02-03", "03/02/2025"],
    ("Campaign", "start"): ["issuance", "2024-08-19"],
    ("Campaign", "end"): ["2025-08-19", "19/08/2025"],
    ("Deadline", "due"): ["2025-02-08", "08/02/2025"],
    ("Document", "issued"): ["2024-10-15", "15/10/2024"],
    ("Reference", "date"): ["2024-09-12", "12/09/2024"],
    ("Recurrence", "start"): ["issuance", "2025-01-01"],
    ("Recurrence", "until"): ["2025-12-31"],
}
_EXAMPLES: dict[tuple[str, str], list[Any]] = {
    **_DATES,
    ("Plan", "id"): ["dak_ha", "kon_plong"],
    ("Plan", "extends"): ["kon_plong", "special_movement_2024"],
    ("Phase", "id"): ["phase_1", "phase_2"],
    ("Criterion", "id"): ["situation_awareness"],
    ("Target", "id"): ["tips_via_force"],
    ("Deadline", "id"): ["report_phase_1"],
    ("Deadline", "phase"): ["phase_1"],
    ("Award", "id"): ["district_commendation"],
    ("Deadline", "relation"): ["before", "on_or_before", "on"],
    ("CountCondition", "comparator"): ["gte", "eq"],
    ("CountCondition", "threshold"): [1, 0],
    ("RatioCondition", "comparator"): ["gte", "gt"],
    ("RatioCondition", "threshold"): [0.8, 0.9, 1],
    ("Target", "level"): ["commune", "team"],
    ("Target", "per"): ["total", "month"],
    ("Source", "section"): ["4.1", "II.2", "IV.5"],
    ("Document", "number"): ["123/KH-UBND"],
    ("Document", "year"): [2024],
    ("WhenNoCases", "verdict"): ["met", "unknown"],
}
"""Values staff write most, by definition and property (editors show and complete them)."""


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


def _kebab(name: str) -> str:
    """A definition's or property's name as a catalogue key: ``RatioCondition`` is
    ``ratio-condition``, ``when_no_cases`` is ``when-no-cases``."""
    return re.sub(r"(?<=[a-z0-9])(?=[A-Z])", "-", name).lower().replace("_", "-")


def _words(key: str) -> tuple[str, str] | None:
    """The title and description of ``schema.<key>``, or None when the catalogue has none."""
    title = text(f"schema.{key}", "vi")
    if title == f"schema.{key}":
        return None
    return title, _both(f"schema.{key}.about")


def _both(msgid: str) -> str:
    """Vietnamese, a blank line, English: what an editor shows on hover."""
    return text(msgid, "vi") + "\n\n" + text(msgid, "en")


class _Localiser:
    """Puts the catalogue's words on the schema, and notes what has none."""

    def __init__(self) -> None:
        self.done: set[int] = set()
        self.values = {text(f"schema.value.{kind}.about", "en"): f"schema.value.{kind}.about"
                       for kind in _VALUE_KINDS}

    def mark(self, node: dict[str, Any], words: tuple[str, str]) -> None:
        node["title"], node["description"] = words
        self.done.add(id(node))

    def value_kinds(self, node: Any) -> None:
        """Descriptions the model gives a kind of value (a date, issuance), wherever."""
        if isinstance(node, list):
            for item in node:
                self.value_kinds(item)
        elif isinstance(node, dict):
            msgid = self.values.get(node.get("description", ""))
            if msgid is not None:
                node["description"] = _both(msgid)
                self.done.add(id(node))
            for value in node.values():
                self.value_kinds(value)

    def definition(self, name: str, node: dict[str, Any]) -> None:
        key = _kebab(name)
        words = _words(key)
        if words is not None:
            self.mark(node, words)
        properties: dict[str, Any] = node.get("properties", {})
        for prop, sub in properties.items():
            words = _words(f"{key}.{_kebab(prop)}") or _words(f"any.{_kebab(prop)}")
            if words is None:
                continue
            if "$ref" in sub:  # draft-07 ignores keywords beside a $ref: wrap it
                sub = properties[prop] = {"allOf": [sub]}
            self.mark(sub, words)
            examples = _EXAMPLES.get((name, prop))
            if examples is not None:
                sub["examples"] = list(examples)

    def missing(self, definitions: dict[str, Any]) -> list[str]:
        """Definitions and properties without words, and any description left in English."""
        found: list[str] = []
        for name, node in definitions.items():
            if id(node) not in self.done:
                found.append(name)
            for prop, sub in node.get("properties", {}).items():
                if id(sub) not in self.done:
                    found.append(f"{name}.{prop}")
            found += [f"{name}: {where}" for where in self._stray(node, "")]
        return found

    def _stray(self, node: Any, where: str) -> list[str]:
        found: list[str] = []
        if isinstance(node, list):
            for n, item in enumerate(node):
                found += self._stray(item, f"{where}/{n}")
        elif isinstance(node, dict):
            if where and "description" in node and id(node) not in self.done and not (
                    where.count("/") == 2 and where.startswith("/properties/")):
                found.append(f"{where}: {node['description'][:60]}")
            for key, value in node.items():
                found += self._stray(value, f"{where}/{key}")
        return found


def _build() -> tuple[dict[str, Any], list[str]]:
    body = copy.deepcopy(Plan.model_json_schema(ref_template=_REF + "{model}",
                                                mode="validation"))
    definitions: dict[str, Any] = body.pop("$defs")
    plan = body
    plan["allOf"] = [{
        "if": {"properties": {"template": {"const": True}}, "required": ["template"]},
        "then": {},
        "else": {"required": ["issuer", "campaign", "criteria"]},
    }]
    plan["not"] = {"required": ["extends"]}
    definitions["Plan"] = plan
    words = _Localiser()
    words.value_kinds(definitions)
    for name, node in definitions.items():
        words.definition(name, node)
    missing = words.missing(definitions)
    for name in list(definitions):
        definitions["Partial" + name] = _partial(definitions[name])
    partial_plan = definitions["PartialPlan"]
    partial_plan.pop("not", None)
    partial_plan.pop("allOf", None)
    partial_plan["required"] = ["id", "extends"]
    overlay = _words("partial-plan")
    if overlay is not None:
        partial_plan["title"], partial_plan["description"] = overlay
    head = _words("file") or ("", "")
    return {
        "$schema": SCHEMA_DRAFT,
        "$id": SCHEMA_ID,
        "title": head[0],
        "description": head[1],
        "definitions": definitions,
        "if": {"type": "object", "required": ["extends"]},
        "then": {"$ref": _REF + "PartialPlan"},
        "else": {"$ref": _REF + "Plan"},
    }, missing


def build_schema() -> dict[str, Any]:
    """The JSON Schema for plan files, as a dict."""
    return _build()[0]


def untranslated() -> list[str]:
    """What of the schema has no Vietnamese words in the catalogue: ``Phase`` (a
    definition), ``Phase.end`` (a property), ``Phase: /properties/x/anyOf/0: ...`` (a
    description the model gives inside a property). Empty when every word is there."""
    return _build()[1]


def render_schema() -> str:
    """The schema as the committed text: sorted keys, two-space indent, UTF-8."""
    return json.dumps(build_schema(), indent=2, sort_keys=True, ensure_ascii=False) + "\n"
