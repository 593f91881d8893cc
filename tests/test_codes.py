"""The registry of issue codes (src/emulation_rules/codes.py) is complete and true (issue 12).

- statically: every code an ``Issue(...)`` call in the package can carry is registered, the
  literal ones read from the source with ``ast`` and the ones built at run time enumerated
  here from the code that builds them (each such place is known by its module, function and
  expression: a new one fails until it is enumerated); every registered code is emitted
  somewhere (no dead entry); the severity registered is the one the calls give;
- the pydantic errors the plan model can raise, found by walking its core schema, each mapped
  by the loader's own mapping: the codes are registered and none falls through to a code made
  up from a pydantic error type;
- dynamically: invalid plans, table files, hostile inputs and evaluations with bad rows emit
  only registered codes, with their registered severity, and all but a few (listed, with why)
  of the registered codes;
- docs/issue-codes.md is generated from the registry, and docs/plan-format.md's table of
  codes names registered codes only, every plan code among them.
"""

from __future__ import annotations

import ast
import inspect
import re
import textwrap
import typing
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from pydantic import ValidationError
from pydantic_core import PydanticCustomError, core_schema

import emulation_rules as er
from emulation_rules import loading, model
from emulation_rules.codes import AREAS, CODES, lookup
from emulation_rules.errors import Issue, Severity
from emulation_rules.results import REASONS

from .conftest import DATA, INVALID, ROOT

SRC = ROOT / "src" / "emulation_rules"
DOCS = ROOT / "docs"

# --- the registry itself ---------------------------------------------------------------------


def test_each_entry_is_complete_and_kebab_case() -> None:
    for key, entry in CODES.items():
        assert key == entry.code and re.fullmatch(r"[a-z][a-z0-9]*(-[a-z0-9]+)*", key), key
        assert entry.severity in ("error", "warning") and entry.area in AREAS, key
        for text in (entry.meaning_vi, entry.meaning_en, entry.fix_vi, entry.fix_en):
            assert text.strip() and text == text.strip() and "\n" not in text, key
        assert entry.meaning_vi != entry.meaning_en and entry.fix_vi != entry.fix_en, key


def test_no_code_is_registered_twice() -> None:
    from emulation_rules import codes

    assert len(codes._ALL) == len(CODES)


def test_lookup_gives_the_entry_or_a_key_error() -> None:
    assert lookup("encoding").severity == "error"
    assert lookup("count-on-both-levels").severity == "warning"
    with pytest.raises(KeyError, match="no-such-code"):
        lookup("no-such-code")


def test_the_registry_imports_nothing_of_the_package() -> None:
    """codes sits at the bottom of the layers: errors and everything above may read it."""
    tree = ast.parse((SRC / "codes.py").read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom):
            assert node.level == 0 and node.module in ("__future__", "dataclasses", "typing")
        elif isinstance(node, ast.Import):
            raise AssertionError(f"codes.py imports {[a.name for a in node.names]}")


# --- reading the source ----------------------------------------------------------------------


@dataclass(frozen=True)
class _Site:
    """One ``Issue(...)`` call of the package."""

    module: str
    function: str
    line: int
    code: ast.expr
    severity: str  # "error", "warning", or "dynamic" when the call computes it

    @property
    def key(self) -> tuple[str, str, str]:
        return self.module, self.function, ast.unparse(self.code)


def _modules() -> dict[str, ast.Module]:
    return {p.name: ast.parse(p.read_text(encoding="utf-8"), str(p))
            for p in sorted(SRC.glob("*.py"))}


MODULES = _modules()


def _scoped(tree: ast.AST, scope: str = "") -> Iterator[tuple[str, ast.AST]]:
    """Every node with the qualified name of the function (or class) holding it."""
    for child in ast.iter_child_nodes(tree):
        if isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
            inner = f"{scope}.{child.name}" if scope else child.name
            yield inner, child
            yield from _scoped(child, inner)
        else:
            yield scope, child
            yield from _scoped(child, scope)


def _is_call_of(node: ast.AST, name: str) -> bool:
    if not isinstance(node, ast.Call):
        return False
    func = node.func
    return (isinstance(func, ast.Name) and func.id == name) or (
        isinstance(func, ast.Attribute) and func.attr == name)


def _severity(call: ast.Call) -> str:
    given: ast.expr | None = call.args[4] if len(call.args) > 4 else None
    for keyword in call.keywords:
        if keyword.arg == "severity":
            given = keyword.value
    if given is None:
        return "error"
    text = ast.unparse(given)
    return {"Severity.WARNING": "warning", "Severity.ERROR": "error"}.get(text, "dynamic")


def _sites() -> list[_Site]:
    found = []
    for name, tree in MODULES.items():
        for scope, node in _scoped(tree):
            if _is_call_of(node, "Issue"):
                assert isinstance(node, ast.Call)
                code = node.args[0] if node.args else next(
                    k.value for k in node.keywords if k.arg == "code")
                found.append(_Site(name, scope, node.lineno, code, _severity(node)))
    return found


SITES = _sites()


def _literal_first_args(module: str, callee: str) -> set[str]:
    """The literal first arguments of the calls of ``callee`` in ``module`` (all must be)."""
    out = set()
    for _, node in _scoped(MODULES[module]):
        if _is_call_of(node, callee):
            assert isinstance(node, ast.Call)
            first = node.args[0]
            assert isinstance(first, ast.Constant) and isinstance(first.value, str), (
                f"{module}:{node.lineno}: {callee}() with a code that is not a literal: "
                "enumerate it in tests/test_codes.py")
            out.add(first.value)
    return out


def _assigned(module: str, function: str, name: str) -> list[str]:
    """The source of every value assigned to ``name`` in ``function``."""
    out = []
    for scope, node in _scoped(MODULES[module]):
        if scope == function and isinstance(node, ast.Assign) and any(
                isinstance(t, ast.Name) and t.id == name for t in node.targets):
            out.append(ast.unparse(node.value))
    return out


def _function(module: str, name: str) -> ast.FunctionDef:
    for scope, node in _scoped(MODULES[module]):
        if scope == name and isinstance(node, ast.FunctionDef):
            return node
    raise AssertionError(f"no function {name} in {module}")


# --- the codes built at run time, enumerated -------------------------------------------------


def _yaml_builder_codes() -> set[str]:
    """_yaml._Builder.issue(code, ...): the literal codes its callers pass."""
    return _literal_first_args("_yaml.py", "issue")


def _yaml_refused_codes() -> set[str]:
    """_yaml.parse re-raises what the guarded composer refused: _Refused(code, ...)."""
    return _literal_first_args("_yaml.py", "_Refused")


def _yaml_codes() -> set[str]:
    """Every code _yaml.parse can return."""
    literal = {s.code.value for s in SITES if s.module == "_yaml.py"
               and isinstance(s.code, ast.Constant) and isinstance(s.code.value, str)}
    return literal | _yaml_builder_codes() | _yaml_refused_codes()


def _table_passthrough_codes() -> set[str]:
    """_tables._read_structured gives a YAML table's parse issues, each as it came."""
    calls = [n for n in ast.walk(_function("_tables.py", "_read_structured"))
             if isinstance(n, ast.Call) and ast.unparse(n.func) == "_yaml.parse"]
    assert calls, "_read_structured no longer passes on _yaml.parse's issues: re-enumerate"
    return _yaml_codes()


def _check_codes() -> set[str]:
    """checks.check_plan: the code of each (code, message, path, hint) a check yields."""
    out = set()
    checks = [n for _, n in _scoped(MODULES["checks.py"]) if isinstance(n, ast.FunctionDef)
              and n.returns is not None and ast.unparse(n.returns) == "Iterator[_Found]"]
    assert {ast.unparse(e) for e in _assigned_node("checks.py", "_CHECKS").elts} <= {
        f.name for f in checks}, "a check of _CHECKS does not yield _Found tuples"
    for function in checks:
        for node in ast.walk(function):
            if isinstance(node, ast.Yield):
                value = node.value
                assert isinstance(value, ast.Tuple) and isinstance(
                    value.elts[0], ast.Constant), (
                    f"checks.py:{node.lineno}: a check yields a code that is not a literal")
                code = value.elts[0].value
                assert isinstance(code, str)
                out.add(code)
    return out


def _assigned_node(module: str, name: str) -> ast.Tuple:
    """The tuple assigned to the module-level ``name``."""
    for node in MODULES[module].body:
        if isinstance(node, ast.AnnAssign | ast.Assign):
            targets = [node.target] if isinstance(node, ast.AnnAssign) else node.targets
            if any(isinstance(t, ast.Name) and t.id == name for t in targets):
                assert isinstance(node.value, ast.Tuple)
                return node.value
    raise AssertionError(f"no {name} in {module}")


def _outside_reasons() -> set[str]:
    """Why evaluate() leaves rows out: the literal reasons given to the ledger, and those
    _place returns."""
    reasons: set[str] = set()
    for _, node in _scoped(MODULES["evaluation.py"]):
        if _is_call_of(node, "outside"):
            assert isinstance(node, ast.Call)
            reason = node.args[1]
            if isinstance(reason, ast.Constant) and isinstance(reason.value, str):
                reasons.add(reason.value)
            else:
                assert ast.unparse(reason) == "where", ast.unparse(reason)
    for node in ast.walk(_function("evaluation.py", "_place")):
        if isinstance(node, ast.Return) and isinstance(node.value, ast.Tuple):
            last = node.value.elts[-1]
            if isinstance(last, ast.Constant) and isinstance(last.value, str):
                reasons.add(last.value)
    return reasons


def _evaluation_codes() -> set[str]:
    """evaluate(): ``code`` is a clash's code, or a left-out period's from its reason."""
    assert sorted(_assigned("evaluation.py", "evaluate", "code")) == sorted([
        "'duplicate-row' if first_period == rec.period else 'overlapping-periods'",
        "'period-outside' if out.reason == 'no-window' else f'period-{out.reason}'",
    ]), "evaluate() builds its codes differently: re-enumerate them here"
    reasons = _outside_reasons()
    assert reasons <= REASONS.keys() and "no-window" in reasons, (
        f"evaluate() leaves rows out for reasons {sorted(reasons)}, results.REASONS has "
        f"{sorted(REASONS)}: re-enumerate")
    return {"duplicate-row", "overlapping-periods", "period-outside"} | {
        f"period-{r}" for r in reasons if r != "no-window"}


LOADING_BRANCHES = sorted([
    "_TYPE_CODES.get(etype)", "'wrong-type'", "'invalid-value'", "etype.replace('_', '-')",
    "'invalid-date'", "'invalid-provenance'", "'invalid-deadline'"])


def _pydantic_mapping_codes() -> set[str]:
    """loading._pydantic_issues: the codes of its mapping, and those of every pydantic error
    the model can raise (what ``etype.replace('_', '-')`` gives included)."""
    assert sorted(_assigned("loading.py", "_pydantic_issues", "code")) == LOADING_BRANCHES, (
        "_pydantic_issues maps pydantic errors differently: re-enumerate them here")
    constants = {b.strip("'") for b in LOADING_BRANCHES if b.startswith("'")}
    return set(loading._TYPE_CODES.values()) | constants | set(_model_error_codes().values())


def _relocated_codes() -> set[str]:
    """plan_tests._relocated places an issue that the readers, the loader or the evaluator
    made at its place in a plan test file: the codes are theirs (enumerated where made)."""
    return set()


DYNAMIC: dict[tuple[str, str, str], tuple[int, Callable[[], set[str]]]] = {
    # (module, function, expression): (how many calls, the codes it can be)
    ("_yaml.py", "_Builder.issue", "code"): (1, _yaml_builder_codes),
    ("_yaml.py", "parse", "exc.code"): (1, _yaml_refused_codes),
    ("_tables.py", "_read_structured", "i.code"): (1, _table_passthrough_codes),
    ("checks.py", "check_plan", "code"): (1, _check_codes),
    ("evaluation.py", "evaluate", "code"): (2, _evaluation_codes),
    ("loading.py", "_pydantic_issues", "code"): (2, _pydantic_mapping_codes),
    ("plan_tests.py", "_relocated", "issue.code"): (2, _relocated_codes),
}


def _site_codes(site: _Site) -> set[str]:
    if isinstance(site.code, ast.Constant) and isinstance(site.code.value, str):
        return {site.code.value}
    assert site.key in DYNAMIC, (
        f"{site.module}:{site.line}: an Issue(...) whose code is {ast.unparse(site.code)!r}: "
        "enumerate the codes it can be in DYNAMIC")
    return DYNAMIC[site.key][1]()


def test_every_place_that_builds_a_code_at_run_time_is_enumerated() -> None:
    counts: dict[tuple[str, str, str], int] = defaultdict(int)
    for site in SITES:
        if not (isinstance(site.code, ast.Constant) and isinstance(site.code.value, str)):
            counts[site.key] += 1
    assert dict(counts) == {key: n for key, (n, _) in DYNAMIC.items()}, (
        "an Issue(...) whose code is not a literal: enumerate the codes it can be in DYNAMIC")


def _static_codes() -> dict[str, set[str]]:
    """Every code the package can emit, with the severities its calls give it."""
    out: dict[str, set[str]] = defaultdict(set)
    for site in SITES:
        for code in _site_codes(site):
            out[code].add(site.severity)
    return out


def test_every_code_the_package_can_emit_is_registered() -> None:
    unknown = {code: sorted({f"{s.module}:{s.line}" for s in SITES if code in _site_codes(s)})
               for code in _static_codes() if code not in CODES}
    assert not unknown, f"codes emitted but not in emulation_rules.codes: {unknown}"


def test_every_registered_code_is_emitted_somewhere() -> None:
    dead = sorted(set(CODES) - set(_static_codes()))
    assert not dead, f"registered codes nothing emits: {dead}"


MIXED = {"unknown-column", "missing-column"}
"""Codes emitted with either severity (the registry's meaning says when): ``unknown-column``
is an error in an attestations file, ``missing-column`` a warning from evaluate()."""


def test_the_registered_severity_is_how_the_code_is_emitted() -> None:
    emitted = _static_codes()
    assert not {c for c, sev in emitted.items() if "dynamic" in sev}, (
        "an Issue whose severity is computed: enumerate it")
    mixed = {c for c, sev in emitted.items() if len(sev) > 1}
    assert mixed == MIXED, f"codes emitted as both an error and a warning: {sorted(mixed)}"
    for code, severities in emitted.items():
        assert CODES[code].severity in severities, (
            f"{code} is registered as {CODES[code].severity} and emitted as {severities}")


# --- the pydantic errors of the plan model ---------------------------------------------------

_SCHEMA_TYPES = set(typing.get_args(core_schema.CoreSchemaType))
_DATE_GUARDS = {model._to_date, model._to_date_or_issuance}
_PASSIVE = {"nullable", "default", "definitions", "definition-ref", "union"}
"""Schemas that raise no error of their own (a union's errors are its members')."""


def _own_errors(node: dict[str, Any]) -> set[str]:
    """The pydantic error types a core schema node raises itself; fails on a kind of node not
    known here (the model changed: say what it raises)."""
    kind = node["type"]
    strict = bool(node.get("strict"))
    bounds = {"ge": "greater_than_equal", "le": "less_than_equal", "gt": "greater_than",
              "lt": "less_than", "multiple_of": "multiple_of"}
    lengths = {"min_length": "too_short", "max_length": "too_long"}
    found: set[str]
    if kind in _PASSIVE:
        return set()
    if kind == "str":
        found = {"string_type"}
        found |= {e for k, e in (("pattern", "string_pattern_mismatch"),
                                 ("min_length", "string_too_short"),
                                 ("max_length", "string_too_long")) if node.get(k) is not None}
        return found
    if kind == "int":
        found = {"int_type"} if strict else {"int_type", "int_parsing", "int_from_float",
                                             "int_parsing_size"}
        return found | {e for k, e in bounds.items() if node.get(k) is not None}
    if kind == "float":
        found = {"float_type", "finite_number"} | ({"float_parsing"} if not strict else set())
        return found | {e for k, e in bounds.items() if node.get(k) is not None}
    if kind == "bool":
        return {"bool_type"} | ({"bool_parsing"} if not strict else set())
    if kind == "literal":
        return {"literal_error"}
    if kind in ("tuple", "list", "dict"):
        return {f"{kind}_type"} | {e for k, e in lengths.items() if node.get(k) is not None}
    if kind == "model":
        return {"model_type"}
    if kind == "model-fields":
        return {"missing", "extra_forbidden", "model_attributes_type"}
    if kind == "tagged-union":
        found = {"union_tag_invalid", node.get("custom_error_type") or "union_tag_not_found"}
        if isinstance(node["discriminator"], str):
            found.add("model_attributes_type")
        return found
    if kind in ("function-before", "function-after"):
        source = textwrap.dedent(inspect.getsource(node["function"]["function"]))
        asserts = any(isinstance(n, ast.Assert) for n in ast.walk(ast.parse(source)))
        return {"value_error"} | ({"assertion_error"} if asserts else set())
    raise AssertionError(f"the plan model has a {kind!r} schema: say which errors it raises")


def _schema_errors(node: Any, found: set[str], dates: list[bool], guarded: bool = False
                   ) -> None:
    if isinstance(node, list | tuple):
        for item in node:
            _schema_errors(item, found, dates, guarded)
        return
    if not isinstance(node, dict):
        return
    kind = node.get("type")
    if isinstance(kind, str) and kind in _SCHEMA_TYPES:
        if kind == "date":
            dates.append(guarded)
        if not guarded:
            found |= _own_errors(node) if kind != "date" else {
                "date_type", "date_parsing", "date_from_datetime_parsing",
                "date_from_datetime_inexact"}
        if kind == "function-before" and node["function"]["function"] in _DATE_GUARDS:
            # model._to_date returns a date (never a datetime) or raises ValueError: the
            # date schema it feeds never fails, nor does the literal 'issuance' beside it
            guarded = True
    for value in node.values():
        _schema_errors(value, found, dates, guarded)


def _model_error_types() -> set[str]:
    found: set[str] = set()
    dates: list[bool] = []
    _schema_errors(model.Plan.__pydantic_core_schema__, found, dates)
    assert dates and all(dates), "a date of the model is not read through model._to_date"
    return found


def _value_error_messages() -> list[str]:
    """The text of every ValueError the model's validators raise."""
    out = []
    for node in ast.walk(MODULES["model.py"]):
        if isinstance(node, ast.Raise) and node.exc is not None and _is_call_of(
                node.exc, "ValueError"):
            assert isinstance(node.exc, ast.Call)
            arg = node.exc.args[0]
            if _is_call_of(arg, "msg"):  # ValueError(msg("model.x", ...)): its message id
                assert isinstance(arg, ast.Call)
                arg = arg.args[0]
            parts = arg.values if isinstance(arg, ast.JoinedStr) else [arg]
            out.append("".join(p.value for p in parts
                               if isinstance(p, ast.Constant) and isinstance(p.value, str)))
    assert out
    return out


_NUMERIC_CONTEXT = {"ge", "le", "gt", "lt", "multiple_of", "min_length", "max_length",
                    "actual_length"}


def _mapped(etype: str, message: str = "") -> str:
    """The code loading._pydantic_issues gives an error of type ``etype``."""
    ctx: dict[str, Any] = {"error": ValueError(message)} if etype == "value_error" else {}
    kind: str | PydanticCustomError = etype
    if etype == "condition_kind":
        kind = PydanticCustomError(etype, "a condition of no kind")
    for _ in range(10):
        try:
            exc = ValidationError.from_exception_data("Plan", [
                {"type": kind, "loc": ("x",), "input": None, "ctx": ctx}])
            break
        except TypeError as problem:  # a message needs a value of its context
            key = re.search(r"'(\w+)' required in context", str(problem))
            assert key is not None, problem
            ctx[key.group(1)] = 1 if key.group(1) in _NUMERIC_CONTEXT else "x"
    else:
        raise AssertionError(f"cannot build a pydantic error {etype}")
    issues = loading._pydantic_issues(exc, loading._Tree({}))
    assert len(issues) == 1
    return issues[0].code


def _model_error_codes() -> dict[str, str]:
    """Each pydantic error the model can raise (value errors by message), and its code."""
    out = {t: _mapped(t) for t in _model_error_types() if t != "value_error"}
    out |= {f"value_error: {m}": _mapped("value_error", m) for m in _value_error_messages()}
    return out


FALLTHROUGH: set[str] = set()
"""Pydantic error types of the model whose code is the type itself, kebab-cased (none)."""


def test_the_pydantic_errors_of_the_model_map_to_registered_codes() -> None:
    codes = _model_error_codes()
    assert {"extra_forbidden", "missing", "literal_error", "condition_kind",
            "string_pattern_mismatch", "too_short", "finite_number"} <= codes.keys()
    fell = {t for t, code in codes.items() if not t.startswith("value_error")
            and t not in loading._TYPE_CODES and code == t.replace("_", "-")}
    assert fell == FALLTHROUGH, f"pydantic types with a made-up code: {sorted(fell)}"
    assert set(codes.values()) <= CODES.keys(), sorted(set(codes.values()) - CODES.keys())
    assert {"invalid-date", "invalid-provenance", "invalid-deadline", "invalid-value"} <= set(
        codes.values())


# --- the codes emitted by inputs of every kind ------------------------------------------------

KP_PLAN = """id: {id}
extends: {extends}
title: {{vi: x, en: y}}
"""
KP_DATES: dict[str, date] = {"issued": date(2024, 10, 15), "as_of": date(2025, 9, 30)}


def _plan_bodies() -> dict[str, str]:
    """Plans (file name: text) written to reach the loader's and the checks' codes."""
    def head(name: str) -> str:
        return KP_PLAN.format(id=name, extends="kon_plong")

    target = ("criteria:\n  - id: c1\n    label: {{vi: x, en: y}}\n"
              "    source: {{section: '1', quote: abc}}\n    targets:\n"
              "      - id: t1\n        label: {{vi: x, en: y}}\n        level: commune\n"
              "        source: {{section: '1', quote: abc}}\n        condition: {cond}\n")
    return {
        "anchor.yaml": "id: anchor\na: &x 1\n",
        "alias.yaml": "id: alias\nb: *x\n",
        "merge.yaml": "id: merge\n<<: {a: 1}\n",
        "key.yaml": "id: key\n[a, b]: 1\n",
        "deep.yaml": "id: deep\nx: " + "[" * 60 + "]" * 60 + "\n",
        "number.yaml": "id: number\nx: " + "9" * 40 + "\n",
        "empty.yaml": "# nothing\n",
        "list.yaml": "- id: list\n",
        "syntax.yaml": "id: [\n",
        "control.yaml": "id: control\x07\n",
        "cycle.yaml": KP_PLAN.format(id="cycle", extends="cycle_b.yaml"),
        "cycle_b.yaml": KP_PLAN.format(id="cycle_b", extends="cycle.yaml"),
        "badref.yaml": KP_PLAN.format(id="badref", extends="'Bad Name'"),
        "extends_int.yaml": KP_PLAN.format(id="extends_int", extends="5"),
        "typo.yaml": KP_PLAN.format(id="typo", extends="kon_plongg"),
        "twice.yaml": head("twice")
        + "phases:\n  - id: p1\n    end: 2025-01-01\n  - id: p1\n    end: 2025-02-01\n",
        "ambiguous.yaml": KP_PLAN.format(id="ambiguous", extends="clash_base.yaml")
        + "remove: [same]\n",
        "clash_base.yaml": KP_PLAN.format(id="clash_base", extends="kon_plong")
        + "criteria:\n  - id: same\n    label: {vi: x, en: y}\n"
        "    source: {section: '1', quote: abc}\n"
        "deadlines:\n  - id: same\n    label: {vi: x, en: y}\n    owed_by: commune_police\n"
        "    due: 2025-01-01\n    relation: before\n    source: {section: '1', quote: abc}\n",
        "nokind.yaml": head("nokind") + target.format(cond="{comparator: gte}"),
        "nan.yaml": head("nan") + target.format(
            cond="{numerator: tips_via_force, denominator: tips_total, comparator: gte, "
            "threshold: .nan}"),
        "short.yaml": head("short") + target.format(
            cond="{any_of: [{metric: good_deeds, comparator: gte, threshold: 1}]}"),
        "long.yaml": head("long").replace("title: {vi: x, en: y}",
                                                      "title: {vi: " + "x" * 5000 + ", en: y}"),
        "same_ratio.yaml": head("same_ratio") + target.format(
            cond="{numerator: tips_total, denominator: tips_total, comparator: gte, "
            "threshold: 0.5, when_no_cases: {verdict: unknown, policy: local, reason: r}}"),
        "attest.yaml": head("attest") + target.format(
            cond="{attestation: no_such_attestation}"),
        "tie.yaml": head("tie") + "scoring:\n  tie_break: [score]\n",
        "points.yaml": head("points")
        + "scoring:\n  points: {no_such: 1}\n  policy: local\n  reason: r\n",
        "order.yaml": head("order")
        + "campaign:\n  start: 2025-06-01\n  end: 2025-01-01\n  source: {section: '1', "
        "quote: abc}\nphases:\n  - id: phase_2\n    start: issuance\n    end: 2025-01-01\n"
        "deadlines:\n  - id: monthly\n    label: {vi: x, en: y}\n    owed_by: commune_police\n"
        "    recurrence: {freq: monthly, start: 2025-06-01, until: 2025-01-01}\n"
        "    source: {section: '1', quote: abc}\n",
        "open.yaml": head("open") + "campaign:\n  end: null\n",
    }


def _plan_issues(folder: Path) -> Iterator[Issue]:
    for path in sorted(INVALID.glob("*")):
        yield from er.iter_plan_issues(path)
    for path in sorted((DATA / "plans" / "warnings").glob("*.yaml")):  # as of a day the
        # draft fixture's phase has ended; acknowledged warnings too
        yield from er.iter_plan_issues(path, as_of=date(2025, 3, 1), acknowledged=True)
    for name, text in _plan_bodies().items():
        (folder / name).write_text(text, encoding="utf-8")
    for name in _plan_bodies():
        yield from er.iter_plan_issues(folder / name)
    (folder / "latin1.yaml").write_bytes(b"id: x\ntitle: {vi: \xd0\xf2t}\n")  # cp1258
    yield from er.iter_plan_issues(folder / "latin1.yaml")
    chain = folder / "chain"
    chain.mkdir()
    for i in range(10):
        (chain / f"c{i}.yaml").write_text(
            KP_PLAN.format(id=f"c{i}", extends=f"c{i + 1}.yaml" if i < 9 else "kon_plong"),
            encoding="utf-8")
    yield from er.iter_plan_issues(chain / "c0.yaml")
    big = folder / "big.yaml"
    big.write_bytes(b"#" * 1_000_001)
    yield from er.iter_plan_issues(big)
    yield from er.iter_plan_issues("no_such_plan")
    yield from er.iter_plan_issues(folder / "missing.yaml")
    # test_hostile_inputs.py: impossible extends names, dates out of range, the cost model
    for extends in ('"a\\0b"', "a" * 300, '"x\\u202eyaml"'):
        (folder / "mine.yaml").write_text(KP_PLAN.format(id="mine", extends=extends),
                                          encoding="utf-8")
        yield from er.iter_plan_issues(folder / "mine.yaml")
    phases = "phases:\n" + "".join(
        f"  - id: extra_{i}\n    label: {{vi: x, en: y}}\n    start: {2030 + i // 12}-"
        f"{i % 12 + 1:02d}-01\n    end: {2030 + i // 12}-{i % 12 + 1:02d}-28\n"
        "    source: {section: II.2, quote: Đợt thi đua}\n" for i in range(23))
    targets = "criteria:\n  - id: extra\n    label: {vi: x, en: y}\n" \
        "    source: {section: '9', quote: abc}\n    targets:\n" + "".join(
            f"      - id: extra_{i}\n        label: {{vi: x, en: y}}\n        level: commune\n"
            "        condition: {metric: good_deeds, comparator: gte, threshold: 1}\n"
            "        source: {section: '9', quote: abc}\n" for i in range(90))
    for n, body in enumerate((
            phases, targets,
            "campaign:\n  start: 2024-10-01\n  end: 2034-10-02\n"
            "  source: {section: II.2, quote: đến năm 2034}\n",
            "phases:\n  - id: phase_2\n    end: 9999-12-31\n",
            "phases:\n  - id: phase_2\n    start: 2031-01-01\n    end: 2031-02-01\n")):
        path = folder / f"limits_{n}.yaml"
        path.write_text(KP_PLAN.format(id=f"limits_{n}", extends="kon_plong") + body,
                        encoding="utf-8")
        yield from er.iter_plan_issues(path)


def _workbook(path: Path, rows: list[list[Any]], title: str = "Tháng") -> Path:
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = title
    for row in rows:
        sheet.append(row)
    book.save(path)
    return path


def _table_issues(folder: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Issue]:
    from emulation_rules import _tables, limits
    from emulation_rules.inputs import read_prior_awards, read_unit_tree

    def metrics(paths: Iterable[Path], **kw: Any) -> Iterator[Issue]:
        for path in paths:
            read = er.read_metrics(path, **kw)
            yield from read.rejected
            yield from read.warnings

    tables = sorted((DATA / "tables").glob("*"))
    yield from metrics(tables)
    for path in tables:
        for reader in (read_unit_tree, er.read_attestations, read_prior_awards):
            yield from reader(path)[1]
    files = {
        "rows.csv": "unit,period,tips_total,no_such_metric,outstanding_achievement\n"
                    "xa,2025-13,1,,\n,2025-01,x,,\nxa,2025-02,1,2\nxa,2025-03,1,,maybe\n",
        "nounit.csv": "period,tips_total\n2025-01,1\n",
        "twice.csv": "unit,period,unit\nxa,2025-01,xb\n",
        "empty.csv": "",
        "header.csv": "unit,period," + "x" * 140_000 + "\n",
        "long_cell.csv": "unit,period,note\nxa,2025-01," + "y" * 140_000 + "\n",
        "object.json": '{"unit": "xa"}',
        "rows.yaml": "- {unit: xa, period: 2025-01, tips_total: [1]}\n- &a {unit: xb}\n",
        "tag.yaml": "- !!binary eGE=\n",
        "old.xls": "not really",
        "bad.xlsx": "not a zip",
    }
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    yield from metrics(folder / name for name in files)
    yield from metrics([folder / "no_such.csv"])
    yield from metrics([_workbook(folder / "formula.xlsx", [
        ["unit", "period", "tips_total"], ["xa", "2025-01", "=1+1", "stray"]])])
    yield from metrics([_workbook(folder / "sheet.xlsx", [["unit", "period"]])], sheet="Nope")
    yield from metrics([_workbook(folder / "titles.xlsx", [["Tiêu đề"]] * 31)])
    yield from metrics([_workbook(folder / "blank.xlsx", [])])
    monkeypatch.setattr(_tables, "MAX_TABLE_BYTES", 10)
    yield from metrics([folder / "object.json"])
    monkeypatch.undo()
    # a units file: its own checks, and beyond the limit
    units = folder / "units.csv"
    units.write_text("id,name,kind,parent,category,bloc_size\n"
                     "d1,,district,,,\nx1,,district,x2,,\nx2,,district,x1,,\n"
                     "c1,,commune,nowhere,,\nc1,,commune,,,\n,,commune,,,\nk1,,planet,,,\n"
                     "k2,,commune,,boss,\nk3,,commune,,,many\nq1,,commune,,,\n"
                     "Q1,,commune,,,\n", encoding="utf-8")
    yield from read_unit_tree(units)[1]
    monkeypatch.setattr(limits, "UNITS", 2)
    yield from read_unit_tree(units)[1]
    monkeypatch.undo()
    attestations = folder / "att.csv"
    attestations.write_text("unit,window,outstanding_achievement,no_such\n"
                            "xa,,có,\nxa,,không,\n,,có,\nxb,,maybe,\nxc,,có,x\n",
                            encoding="utf-8")
    yield from er.read_attestations(attestations)[1]
    awards = folder / "awards.csv"
    awards.write_text("unit,form,granted_by,count\nxa,medal,province,1\n"
                      "xa,commendation,nobody,1\nxa,commendation,provincial_chairman,x\n"
                      ",commendation,provincial_chairman,1\n", encoding="utf-8")
    yield from read_prior_awards(awards)[1]


def _submission_issues(folder: Path) -> Iterator[Issue]:
    from emulation_rules.submissions import read_submissions

    plan = er.load_plan("kon_plong")
    tl = er.timeline(plan, issued=KP_DATES["issued"])
    deadline = tl.deadlines[0].id
    path = folder / "subs.csv"
    path.write_text("unit,deadline,submitted,kind\n"
                    f"xa,{deadline},2025-01-01,commune\nxa,{deadline},2025-01-02,commune\n"
                    "xa,no_such_deadline,,\n"
                    f"xb,{deadline},31/02/2025,\n"
                    f"x b,{deadline},,\n"
                    f"xc,{deadline},,planet\n"
                    f",{deadline},,\n", encoding="utf-8")
    yield from read_submissions(path, tl)[1]


def _evaluation_issues() -> Iterator[Issue]:
    from emulation_rules.evaluation import AttestationRow
    from emulation_rules.records import Record, UnitInfo

    plan = er.load_plan("kon_plong")
    ok = {"tips_total": 2, "tips_via_force": 1}
    rows = [
        Record("xa", "2024-11", {"tips_total": -1}, 2),
        Record("xa", "2024-11", {"tips_total": 1.5}, 3),  # type: ignore[dict-item]
        Record("xa", "2024-11", {"outstanding_achievement": 2}, 4),
        Record("xa", "2024-11", {"tips_total": 1, "tips_via_force": 2}, 5),
        Record("", "2024-11", ok, 6),
        Record("xa", "2025-13", ok, 7),
        Record("xa", "2024-11", {**ok, "no_such_metric": 1}, 8),
        Record("xa", "2024-11", ok, 9),
        Record("xa", "2024-10..2024-12", ok, 10),
        Record("xa", "2020-01", ok, 11),
        Record("xa", "2026-01", ok, 12),
        Record("xa", "2025-06", ok, 14),
        Record("xa", "2024-09..2024-11", ok, 13),
    ]
    yield from _evaluated(plan, rows, issued=date(2024, 10, 15), as_of=date(2025, 3, 1),
                          attestations=[AttestationRow("xa", {}, "no_such_window", 2, "a.csv")])
    # with a units tree: unknown units, teams summed into their commune, a unit no target reads
    units = [UnitInfo("xa", "", "commune"), UnitInfo("to1", "", "team", parent="xa"),
             UnitInfo("h1", "", "district")]
    rows = [Record("nobody", "2024-11", ok, 2),
            Record("to1", "2024-10..2024-12", {"good_deeds": 1}, 3),
            Record("h1", "2024-11", ok, 4),
            Record("xa", "2024-11", {"good_deeds": 1, "force_members": 3}, 5),
            Record("to1", "2024-11", {"good_deeds": 1, "force_members": 3}, 6)]
    yield from _evaluated(plan, rows, units=units, issued=date(2024, 10, 15),
                          as_of=date(2025, 9, 30),
                          attestations=[AttestationRow("nobody", {}, "", 2, "a.csv")])
    # issued after a deadline falls due
    yield from _evaluated(plan, [], issued=date(2025, 2, 3), as_of=date(2025, 9, 30))


def _evaluated(plan: Any, rows: Any, **kw: Any) -> Iterator[Issue]:
    ev = er.evaluate(plan, rows, **kw)
    yield from ev.rejected
    yield from ev.warnings


@pytest.fixture(scope="module")
def emitted(tmp_path_factory: pytest.TempPathFactory) -> dict[str, set[Severity]]:
    """Every code the inputs above emit, with the severities it came with."""
    folder = tmp_path_factory.mktemp("codes")
    for sub in ("plans", "tables", "subs"):
        (folder / sub).mkdir()
    out: dict[str, set[Severity]] = defaultdict(set)
    with pytest.MonkeyPatch.context() as monkeypatch:
        for issue in (*_plan_issues(folder / "plans"),
                      *_table_issues(folder / "tables", monkeypatch),
                      *_submission_issues(folder / "subs"), *_evaluation_issues()):
            out[issue.code].add(issue.severity)
    return dict(out)


NOT_TRIGGERED = {
    "invalid-plan": "a RecursionError, ValueError or OverflowError while pydantic builds a plan "
                    "that passed the YAML checks: a guard, no input is known to reach it",
}
"""Registered codes the inputs above do not reach, and why."""


def test_every_code_emitted_by_the_inputs_is_registered(emitted: dict[str, set[Severity]]
                                                       ) -> None:
    assert not set(emitted) - CODES.keys(), sorted(set(emitted) - CODES.keys())


def test_the_inputs_reach_every_registered_code_but_a_few(emitted: dict[str, set[Severity]]
                                                          ) -> None:
    missed = set(CODES) - set(emitted)
    assert missed == NOT_TRIGGERED.keys(), (
        f"not reached: {sorted(missed - NOT_TRIGGERED.keys())}; reached though listed as "
        f"not: {sorted(NOT_TRIGGERED.keys() - missed)}")


def test_the_inputs_get_the_registered_severity(emitted: dict[str, set[Severity]]) -> None:
    for code, severities in emitted.items():
        if code in MIXED:
            continue
        assert severities == {Severity(CODES[code].severity)}, (code, severities)


# --- the documentation -----------------------------------------------------------------------


def test_issue_codes_page_comes_from_the_registry() -> None:
    from emulation_rules.docgen import issue_codes_doc

    assert (DOCS / "issue-codes.md").read_text(encoding="utf-8") == issue_codes_doc(), (
        "docs/issue-codes.md is out of date; regenerate it with:\n"
        "    python scripts/gen_metrics_doc.py --codes")
    page = issue_codes_doc()
    for code in CODES:
        assert f"| `{code}` |" in page


def test_plan_format_names_registered_codes_and_every_plan_code() -> None:
    text = (DOCS / "plan-format.md").read_text(encoding="utf-8")
    errors = text[text.index("## Errors"):text.index("\n## ", text.index("## Errors") + 1)]
    named = {code for line in errors.splitlines() if line.startswith("| `")
             for code in re.findall(r"`([^`]+)`", line.split(" | ")[0])}
    assert named and named <= CODES.keys(), sorted(named - CODES.keys())
    plan_codes = {c for c, entry in CODES.items() if entry.area == "plan"}
    assert plan_codes <= named, sorted(plan_codes - named)
    assert "(issue-codes.md)" in errors
