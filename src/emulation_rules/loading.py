"""Load plans: file -> safe YAML -> ``extends`` merged -> model -> semantic checks.

Every problem is an :class:`~emulation_rules.errors.Issue` located at file:line:column and YAML
path, including problems in an inherited part (reported in the file that holds it).
"""

from __future__ import annotations

import re
import typing
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from . import _yaml
from ._inert import shown
from ._resources import bundled_plan_ids, plans_dir
from .errors import (
    Hints,
    Issue,
    Location,
    PlanInvalidError,
    PlanNotFoundError,
    PlanSyntaxError,
    did_you_mean,
    os_reason,
)
from .i18n import Msg, literal, msg
from .limits import EXTENDS_DEPTH
from .model import ExtendsRef, Id, Plan, Section

__all__ = ["LoadedPlan", "is_path_ref", "iter_plan_issues", "load_plan", "load_plan_detailed",
           "resolve_plan_ref"]

PathT = tuple[str | int, ...]
_ID = re.compile(r"^[a-z][a-z0-9_]*$")
MAX_EXTENDS_DEPTH = EXTENDS_DEPTH


def is_path_ref(ref: str) -> bool:
    """A PLAN argument with ``/`` or ending in .yaml/.yml is a path; otherwise a bundled id."""
    return "/" in ref or "\\" in ref or ref.endswith((".yaml", ".yml"))


def resolve_plan_ref(ref: str | Path) -> Path:
    """The file a PLAN argument names. Raises :class:`PlanNotFoundError`."""
    if isinstance(ref, Path) or is_path_ref(ref):
        path = Path(ref)
        if not path.is_file():
            raise PlanNotFoundError([Issue("plan-not-found",
                                           msg("plan.no-file", path=shown(path)),
                                           Location(str(path)))])
        return path
    ids = bundled_plan_ids()
    if ref not in ids or not _ID.match(ref):
        hint = did_you_mean(ref, ids) or msg("plan.bundled-plans", plans=", ".join(ids))
        raise PlanNotFoundError([Issue("plan-not-found", msg("plan.no-bundled", name=shown(ref)),
                                       Location(ref), hint)])
    return plans_dir() / f"{ref}.yaml"


@dataclass
class _Tree:
    """Plain data plus the location of every node, possibly from several files."""

    data: Any
    locs: dict[PathT, Location] = field(default_factory=dict)

    def location(self, path: PathT) -> Location:
        probe = tuple(path)
        while probe and probe not in self.locs:
            probe = probe[:-1]
        base = self.locs.get(probe)
        if base is None:
            return Location(path=tuple(path))
        return Location(base.file, base.line, base.column, base.path + tuple(path[len(probe):]))


def _from_document(doc: _yaml.Document) -> _Tree:
    locs = {p: Location(doc.file, line, col, p) for p, (line, col) in doc.positions.items()}
    return _Tree(doc.data, locs)


def _copy_locs(src: _Tree, src_path: PathT, out: _Tree, out_path: PathT, value: Any) -> None:
    if src_path in src.locs:
        out.locs[out_path] = src.locs[src_path]
    if isinstance(value, dict):
        for key, item in value.items():
            _copy_locs(src, (*src_path, key), out, (*out_path, key), item)
    elif isinstance(value, list):
        for i, item in enumerate(value):
            _copy_locs(src, (*src_path, i), out, (*out_path, i), item)


def _is_id_list(value: Any) -> bool:
    return isinstance(value, list) and bool(value) and all(
        isinstance(v, dict) and isinstance(v.get("id"), str) for v in value)


class _Merger:
    def __init__(self, parent: _Tree, child: _Tree) -> None:
        self.parent, self.child = parent, child
        self.out = _Tree(None)
        self.issues: list[Issue] = []

    def run(self) -> _Tree:
        self.out.data = self.merge(self.parent.data, (), self.child.data, (), (), top=True)
        return self.out

    def merge(self, p: Any, pp: PathT, c: Any, cp: PathT, op: PathT, top: bool = False) -> Any:
        if isinstance(p, dict) and isinstance(c, dict):
            return self.merge_dict(p, pp, c, cp, op, top)
        if _is_id_list(p) and _is_id_list(c):
            return self.merge_list(p, pp, c, cp, op)
        _copy_locs(self.child, cp, self.out, op, c)
        return c

    def merge_dict(self, p: dict[str, Any], pp: PathT, c: dict[str, Any], cp: PathT, op: PathT,
                   top: bool) -> dict[str, Any]:
        self.out.locs[op] = self.child.location(cp)
        removed = c.get("remove")
        pending: dict[str, list[str]] = {}
        if isinstance(removed, list):
            pending = {r: [] for r in removed if isinstance(r, str)}
        out: dict[str, Any] = {}
        for key in [*p.keys(), *(k for k in c if k not in p)]:
            if key == "remove" or (top and key == "template" and key not in c):
                continue  # consumed here; the template marker is never inherited
            if key in c and key not in p:
                _copy_locs(self.child, (*cp, key), self.out, (*op, key), c[key])
                out[key] = c[key]
                continue
            pval = p[key]
            if pending and _is_id_list(pval):
                kept = []
                for item in pval:
                    if item["id"] in pending:
                        pending[item["id"]].append(key)
                    else:
                        kept.append(item)
                pval = self._reindexed(pval, kept, (*pp, key))
            if key in c:
                out[key] = self.merge(pval, (*pp, key), c[key], (*cp, key), (*op, key))
            else:
                _copy_locs(self.parent, (*pp, key), self.out, (*op, key), pval)
                out[key] = pval
        for rid, lists in pending.items():
            index = removed.index(rid) if isinstance(removed, list) else 0
            where = self.child.location((*cp, "remove", index))
            if not lists:
                self.issues.append(Issue("unknown-remove",
                                         msg("plan.unknown-remove", id=shown(rid)), where))
            elif len(lists) > 1:
                self.issues.append(Issue("ambiguous-remove", msg(
                    "plan.ambiguous-remove", id=shown(rid), lists=shown(", ".join(lists))),
                    where))
        return out

    def _reindexed(self, full: list[Any], kept: list[Any], path: PathT) -> list[Any]:
        # Keep parent locations right after dropping items: remap them into a shadow tree.
        if len(kept) == len(full):
            return full
        shadow = _Tree(self.parent.data, dict(self.parent.locs))
        for new_i, item in enumerate(kept):
            old_i = next(i for i, v in enumerate(full) if v is item)
            _copy_locs(self.parent, (*path, old_i), shadow, (*path, new_i), item)
        self.parent = shadow
        return kept

    def merge_list(self, p: list[Any], pp: PathT, c: list[Any], cp: PathT, op: PathT
                   ) -> list[Any]:
        self.out.locs[op] = self.child.location(cp)
        by_id = {item["id"]: (i, item) for i, item in enumerate(c)}
        out: list[Any] = []
        for i, item in enumerate(p):
            match = by_id.pop(item["id"], None)
            if match is None:
                _copy_locs(self.parent, (*pp, i), self.out, (*op, len(out)), item)
                out.append(item)
            else:
                ci, citem = match
                out.append(self.merge(item, (*pp, i), citem, (*cp, ci), (*op, len(out))))
        for ci, citem in sorted(by_id.values(), key=lambda pair: pair[0]):
            _copy_locs(self.child, (*cp, ci), self.out, (*op, len(out)), citem)
            out.append(citem)
        return out


def _duplicate_ids(tree: _Tree, value: Any, path: PathT) -> Iterator[Issue]:
    if isinstance(value, dict):
        for key, item in value.items():
            yield from _duplicate_ids(tree, item, (*path, key))
    elif isinstance(value, list):
        seen: dict[str, int] = {}
        for i, item in enumerate(value):
            if isinstance(item, dict) and isinstance(item.get("id"), str):
                if item["id"] in seen:
                    yield Issue("duplicate-id", msg("plan.duplicate-id", id=shown(item["id"]),
                                                    index=seen[item["id"]]),
                                tree.location((*path, i, "id")))
                else:
                    seen[item["id"]] = i
            yield from _duplicate_ids(tree, item, (*path, i))


def _read_tree(path: Path, issues: list[Issue]) -> _Tree | None:
    try:
        with path.open("rb") as handle:  # never more than the limit: a huge file costs nothing
            raw = handle.read(_yaml.MAX_BYTES + 1)
    except OSError as exc:
        issues.append(Issue("unreadable", msg("plan.unreadable", reason=os_reason(exc)),
                            Location(str(path))))
        return None
    doc, found = _yaml.parse(raw, str(path))
    issues.extend(found)
    if found:
        return None
    tree = _from_document(doc)
    if not isinstance(doc.data, dict):
        issues.append(Issue("not-a-mapping", msg("plan.not-a-mapping"), tree.location(())))
        return None
    issues.extend(_duplicate_ids(tree, doc.data, ()))
    return tree


def _extends_target(ref: Any, child_file: Path, where: Location
                    ) -> tuple[Path | None, Issue | None]:
    if not isinstance(ref, str):
        return None, Issue("wrong-type", msg("plan.extends.wrong-type"), where)
    folder = child_file.resolve().parent
    outside = Issue("extends-outside", msg("plan.extends.outside", ref=shown(ref)),
                    where, msg("plan.extends.outside.hint"))
    try:
        if is_path_ref(ref):
            bad = (ref.startswith(("/", "\\")) or ".." in Path(ref).parts or ":" in ref
                   or "\x00" in ref)
            target = (folder / ref).resolve()
            if bad or not target.is_relative_to(folder):
                return None, outside
            if not target.is_file():
                return None, Issue("extends-not-found",
                                   msg("plan.extends.no-file", ref=shown(ref)), where)
            return target, None
        if not _ID.match(ref):
            return None, Issue("extends-not-found",
                               msg("plan.extends.not-a-ref", ref=shown(ref)), where)
        sibling = folder / f"{ref}.yaml"
        if sibling.is_file():
            # a file beside this one, but never through a link that leaves the folder
            if not sibling.resolve().is_relative_to(folder):
                return None, outside
            return sibling.resolve(), None
    except (OSError, ValueError):  # a name the file system refuses (too long, a NUL)
        return None, Issue("extends-not-found", msg("plan.extends.no-plan", ref=shown(ref)),
                           where)
    if ref in bundled_plan_ids():
        return plans_dir() / f"{ref}.yaml", None
    hint = did_you_mean(ref, bundled_plan_ids())
    return None, Issue("extends-not-found", msg("plan.extends.no-plan", ref=shown(ref)),
                       where, hint)


def _resolve(path: Path, issues: list[Issue], chain: tuple[Path, ...] = ()) -> _Tree | None:
    tree = _read_tree(path, issues)
    if tree is None:
        return None
    ref = tree.data.get("extends")
    if ref is None:
        return tree
    where = tree.location(("extends",))
    target, problem = _extends_target(ref, path, where)
    if problem is not None or target is None:
        issues.append(problem or Issue("extends-not-found", msg("plan.extends.missing"),
                                       where))
        return None
    if target in chain or target == path.resolve():
        issues.append(Issue("extends-cycle", msg("plan.extends.cycle", ref=shown(ref)),
                            where))
        return None
    if len(chain) >= MAX_EXTENDS_DEPTH:
        issues.append(Issue("extends-too-deep",
                            msg("plan.extends.too-deep", limit=MAX_EXTENDS_DEPTH), where))
        return None
    parent = _resolve(target, issues, (*chain, path.resolve()))
    if parent is None:
        return None
    merger = _Merger(parent, tree)
    merged = merger.run()
    issues.extend(merger.issues)
    return merged


_TYPE_CODES = {
    "extra_forbidden": "unknown-key",
    "missing": "missing-key",
    "literal_error": "invalid-value",
    "enum": "invalid-value",
    "string_pattern_mismatch": "invalid-value",
    "condition_kind": "invalid-condition",
    "union_tag_invalid": "invalid-value",
    "union_tag_not_found": "missing-key",
    "greater_than_equal": "out-of-range",
    "less_than_equal": "out-of-range",
    "greater_than": "out-of-range",
    "less_than": "out-of-range",
    "too_short": "too-short",
    "too_long": "too-long",
    "string_too_short": "too-short",
    "string_too_long": "too-long",
    "finite_number": "out-of-range",
}


def _all_field_names() -> set[str]:
    from . import model

    names: set[str] = set()
    for obj in vars(model).values():
        if isinstance(obj, type) and issubclass(obj, model._Model):
            names.update(obj.model_fields)
    return names


def _data_path(data: Any, loc: tuple[str | int, ...]) -> PathT:
    """Map a pydantic error location to a path in the data.

    Pydantic adds a segment for the tag of a union member (``ratio``, ``judgement``); such a
    segment is not a key of the data and is skipped. A final key that is not in the data (a
    missing key) is kept when it would be a key of a mapping (``any_of`` is both a tag and the
    key of a list: the list holds no key).
    """
    out: list[str | int] = []
    node = data
    for i, part in enumerate(loc):
        if isinstance(node, dict) and isinstance(part, str) and part in node:
            node = node[part]
            out.append(part)
        elif isinstance(node, list) and isinstance(part, int) and 0 <= part < len(node):
            node = node[part]
            out.append(part)
        elif i == len(loc) - 1 and isinstance(part, str) and isinstance(node, dict):
            out.append(part)
    return tuple(out)


_TYPE_WORDS = {
    "bool_type": "boolean", "bool_parsing": "boolean",
    "int_type": "integer", "int_parsing": "integer", "int_from_float": "integer",
    "int_parsing_size": "integer",
    "float_type": "number", "float_parsing": "number",
    "string_type": "text",
    "tuple_type": "list", "list_type": "list",
    "dict_type": "mapping", "model_type": "mapping", "model_attributes_type": "mapping",
    "date_type": "date", "date_parsing": "date", "date_from_datetime_parsing": "date",
    "date_from_datetime_inexact": "date",
}
"""The pydantic errors of a value of the wrong kind, and the kind expected (``model.type.*``)."""

_BOUND_TYPES = {"greater_than_equal": "ge", "less_than_equal": "le", "greater_than": "gt",
                "less_than": "lt"}


def _pattern_of(alias: Any) -> str:
    """The pattern of an ``Annotated[str, StringConstraints(pattern=...)]`` of the model."""
    return str(next(m.pattern for m in typing.get_args(alias)[1:] if hasattr(m, "pattern")))


_PATTERNS = {_pattern_of(Id): "id", _pattern_of(Section): "section",
             _pattern_of(ExtendsRef): "extends"}
"""The patterns of the model worded for people (``model.pattern.*``); any other: the pattern."""


def _number(value: Any) -> str:
    """A bound of pydantic's context as written in a plan: 1, not 1.0."""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return shown(value)


def _choices(expected: Any) -> list[str]:
    """The values of pydantic's ``'a', 'b' or 'c'`` (the model's own values, not inputs)."""
    return re.findall(r"'([^']+)'", str(expected))


def _listed(expected: Any) -> str:
    """Those values as a message lists them, in every language: ``'a', 'b', 'c'``."""
    choices = _choices(expected)
    return ", ".join(f"'{c}'" for c in choices) if choices else shown(expected)


def _reason(err: Any) -> tuple[str, Msg]:
    """A validator's ValueError: the key that chooses its code (its message id, or its text)
    and its message. The model raises ``ValueError(msg(...))``; pydantic's English
    ("Value error, ...") is never shown."""
    problem = (err.get("ctx") or {}).get("error")
    first = problem.args[0] if isinstance(problem, Exception) and problem.args else None
    if isinstance(first, Msg):
        return first.id, first
    if problem is None:
        return "", msg("model.invalid", kind="value_error")
    words = str(problem)  # a ValueError worded in English by code that is not the model's
    return words, literal(shown(words))


def _message(err: Any, etype: str, value: Any) -> tuple[Msg, Msg | None]:
    """An issue's message and hint for a pydantic error, in our words: from its type and
    context (never pydantic's English ``msg``); ``value`` is the value the data holds there."""
    ctx = err.get("ctx") or {}
    if etype in _TYPE_WORDS:
        word = "label" if ctx.get("class_name") == "Text" else _TYPE_WORDS[etype]
        hint = msg("model.type.text.hint") if word == "text" and isinstance(
            value, bool | int | float) else None
        return msg(f"model.type.{word}"), hint
    if etype in _BOUND_TYPES:
        bound = _BOUND_TYPES[etype]
        return msg(f"model.bound.{bound}", limit=_number(ctx.get(bound, "?"))), None
    if etype in {"literal_error", "enum"}:
        expected = ctx.get("expected", "")
        return (msg("model.choice.one", choice=_listed(expected))
                if len(_choices(expected)) == 1 else
                msg("model.choice", choices=_listed(expected))), None
    if etype == "string_pattern_mismatch":
        pattern = str(ctx.get("pattern", ""))
        kind = _PATTERNS.get(pattern)
        return (msg(f"model.pattern.{kind}") if kind else
                msg("model.pattern", pattern=shown(pattern))), None
    if etype == "condition_kind":
        return msg("model.condition-kind"), None
    if etype == "union_tag_invalid":
        return msg("model.tag-invalid", key=shown(ctx.get("discriminator", "")),
                   tag=shown(ctx.get("tag", "")),
                   choices=_listed(ctx.get("expected_tags", ""))), None
    if etype == "union_tag_not_found":
        return msg("model.tag-missing", key=shown(ctx.get("discriminator", ""))), None
    if etype in {"too_short", "too_long"}:
        limit = ctx.get("min_length" if etype == "too_short" else "max_length", "?")
        # no count: pydantic counts the items that were valid, not those written
        if etype == "too_long":
            return msg("model.items.too-many", limit=_number(limit)), None
        if limit == 1:
            return msg("model.items.none"), None
        return msg("model.items.too-few", limit=_number(limit)), None
    if etype == "string_too_short":
        limit = ctx.get("min_length", "?")
        return (msg("model.text.empty") if limit == 1 else
                msg("model.text.too-short", limit=_number(limit))), None
    if etype == "string_too_long":
        return msg("model.text.too-long", limit=_number(ctx.get("max_length", "?"))), None
    if etype == "finite_number":
        return msg("model.finite"), None
    if etype == "extra_forbidden":
        return msg("model.extra"), None
    if etype == "missing":
        return msg("model.missing"), None
    if etype == "value_error":
        return _reason(err)[1], None
    if etype.endswith(("_type", "_parsing")):
        return msg("model.wrong-type"), None
    return msg("model.invalid", kind=shown(etype)), None


def _pydantic_issues(exc: ValidationError, tree: _Tree) -> list[Issue]:
    issues: list[Issue] = []
    fields = sorted(_all_field_names())
    # one bounded hinter per set of choices (the field names, each enumeration), at most 16:
    # in all at most 16 x 1,000,000 character pairs compared (about half a second)
    hints: dict[tuple[str, ...], Hints] = {}

    def hint_for(word: str, choices: Sequence[str]) -> Msg | None:
        key = tuple(choices)
        if key not in hints:
            if len(hints) >= 16:
                return None
            hints[key] = Hints(key, budget=1_000_000)
        return hints[key](word)

    for err in exc.errors(include_url=False, include_input=False):
        etype = err["type"]
        code = _TYPE_CODES.get(etype)
        loc = tuple(err["loc"])
        # tags of the condition union are not keys of the data
        path = _data_path(tree.data, loc)
        last = path[-1] if path and isinstance(path[-1], str) else None
        missing_key = last if (etype == "extra_forbidden" or (
            last is not None and last not in _lookup_keys(tree.data, path))) else None
        value = _lookup(tree.data, path)
        message, hint = _message(err, etype, value)
        if code is None:
            if etype.endswith("_type") or etype.endswith("_parsing") or etype in {
                    "model_attributes_type", "dict_type", "tuple_type", "list_type"}:
                code = "wrong-type"
            elif etype in {"invalid_date", "value_error"}:
                code = "invalid-value"
            else:
                code = etype.replace("_", "-")
        if etype == "value_error":
            key = _reason(err)[0]  # the message id of the model's ValueError (or its text)
            if "deadline" in key:
                code = "invalid-deadline"
            elif "date" in key:
                code = "invalid-date"
            elif "policy" in key or "source" in key:
                code = "invalid-provenance"
        if code == "unknown-key" and missing_key:
            message = msg("model.unknown-key", key=shown(missing_key))
            hint = hint_for(missing_key, fields)
        elif code == "missing-key" and missing_key:
            message = msg("model.required", key=shown(missing_key))
            location = tree.location(path[:-1])
            where = Location(location.file, location.line, location.column,
                             (*location.path, missing_key))
            issues.append(Issue(code, message, where, hint))
            continue
        elif code == "invalid-value" and "expected" in (err.get("ctx") or {}):
            if isinstance(value, str):
                hint = hint_for(value, _choices(err["ctx"]["expected"]))
        elif etype == "union_tag_invalid":
            tag = (err.get("ctx") or {}).get("tag")
            if isinstance(tag, str):
                hint = hint_for(tag, _choices(err["ctx"].get("expected_tags", "")))
        issues.append(Issue(code, message, tree.location(path), hint))
    return issues


def _lookup(data: Any, path: PathT) -> Any:
    node = data
    for part in path:
        try:
            node = node[part]
        except (KeyError, IndexError, TypeError):
            return None
    return node


def _lookup_keys(data: Any, path: PathT) -> set[str]:
    parent = _lookup(data, path[:-1])
    return set(parent) if isinstance(parent, dict) else set()


@dataclass(frozen=True)
class LoadedPlan:
    """A resolved plan with where it came from: the file, and the position of each node."""

    plan: Plan
    path: Path
    tree: _Tree

    def location(self, path: PathT) -> Location:
        return self.tree.location(path)


def _load(ref: str | Path) -> tuple[LoadedPlan | None, list[Issue], type[Exception]]:
    from .checks import check_plan

    path = resolve_plan_ref(ref)
    issues: list[Issue] = []
    tree = _resolve(path, issues)
    if tree is None or issues:
        syntax = any(i.code.startswith("yaml") or i.code in {"duplicate-key", "too-large",
                                                             "too-deep", "encoding"}
                     for i in issues)
        return None, issues, PlanSyntaxError if syntax else PlanInvalidError
    try:
        plan = Plan.model_validate(tree.data)
    except ValidationError as exc:
        return None, _pydantic_issues(exc, tree), PlanInvalidError
    except (RecursionError, ValueError, OverflowError) as exc:
        return None, [Issue("invalid-plan", msg("plan.cannot-build", problem=shown(exc)),
                            tree.location(()))], PlanInvalidError
    loaded = LoadedPlan(plan, path, tree)
    issues.extend(check_plan(loaded))
    return loaded, issues, PlanInvalidError


def iter_plan_issues(ref: str | Path) -> list[Issue]:
    """Every problem of a plan (file or bundled id), sorted by position; empty when valid."""
    try:
        _, issues, _ = _load(ref)
    except PlanNotFoundError as exc:
        return list(exc.issues)
    return sorted(issues, key=Issue.sort_key)


def load_plan_detailed(ref: str | Path) -> LoadedPlan:
    """Load and check a plan, keeping positions. Raises :class:`PlanError` with every issue."""
    loaded, issues, kind = _load(ref)
    errors = [i for i in issues if i.severity.value == "error"]
    if loaded is None or errors:
        raise kind(errors or issues)
    return loaded


def load_plan(ref: str | Path) -> Plan:
    """Load a plan by bundled id (``"bac_giang"``) or path, with ``extends`` resolved.

    Returns an immutable :class:`Plan`. Raises :class:`~emulation_rules.errors.PlanError`
    (with every problem found, each located at file:line:column) when the plan is not valid.
    """
    return load_plan_detailed(ref).plan
