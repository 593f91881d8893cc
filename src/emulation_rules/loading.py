"""Load plans: file -> safe YAML -> ``extends`` merged -> model -> semantic checks.

Every problem is an :class:`~emulation_rules.errors.Issue` located at file:line:column and YAML
path, including problems in an inherited part (reported in the file that holds it).
"""

from __future__ import annotations

import re
import types
import typing
import unicodedata
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from functools import cache, cached_property
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from . import _yaml
from ._inert import shown, skeleton
from ._resources import bundled_plan_ids, plans_dir
from .errors import (
    Hints,
    Issue,
    Location,
    PlanInvalidError,
    PlanNotFoundError,
    PlanSyntaxError,
    Severity,
    did_you_mean,
    os_reason,
)
from .i18n import Msg, literal, msg
from .limits import EXTENDS_DEPTH
from .model import ExtendsRef, Id, Plan, Section, date_hint

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
    texts: dict[str, str] = field(default_factory=dict)
    """The text of each file the data comes from, by the file name its locations give."""
    origin: dict[PathT, PathT] = field(default_factory=dict)
    """In data with items left out (:func:`_without`), the path each node had in the resolved
    data, for each node whose path differs."""

    def origin_of(self, path: PathT) -> PathT:
        """The path in the resolved data of ``path`` (of this data)."""
        probe = tuple(path)
        while probe and probe not in self.origin:
            probe = probe[:-1]
        return self.origin[probe] + tuple(path[len(probe):]) if probe else tuple(path)

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
            if key == "remove" or (top and key in ("template", "draft") and key not in c):
                continue  # consumed here; the template and draft markers are never inherited
            if key == "acknowledge" and key not in c and ("source" in c or "policy" in c):
                continue  # an acknowledgement stands with the quote that justifies it
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
    tree.texts[doc.file] = raw.decode("utf-8-sig")  # parsed, so UTF-8
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
    merged.texts = {**parent.texts, **tree.texts}
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
        return msg(f"model.type.{word}"), None  # the hint: _fix, from the value written
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
        reason = _reason(err)
        return reason[1], date_hint(value) if reason[0].startswith("model.date.") else None
    if etype.endswith(("_type", "_parsing")):
        return msg("model.wrong-type"), None
    return msg("model.invalid", kind=shown(etype)), None


# ----- pydantic's errors for people: the value written, where it belongs, how to write it ----

_WITH_VALUE = ("model.type.", "model.bound.", "model.choice", "model.pattern", "model.finite",
               "model.wrong-type")
"""The messages shown with the value written (``threshold = '85%' must be a number``)."""

_SCALAR_AT = re.compile(r"^(?:[^\s:,{}\[\]#'\"]+\s*:\s+)?(?P<value>[-+.\w]+)")
"""A key (if the location is a key's) and the plain scalar after it, as a file writes it."""


class _Written:
    """A number or true/false as its file writes it (``4.10``, which YAML reads as the float
    4.1; ``85.0``): the file is read again, once, only when a message shows such a value, and
    the text is kept only when it reads as the same value."""

    def __init__(self) -> None:
        self._lines: dict[str, list[str]] = {}

    def _file(self, name: str) -> list[str]:
        if name not in self._lines:
            try:
                with Path(name).open("rb") as handle:
                    raw = handle.read(_yaml.MAX_BYTES + 1)
                self._lines[name] = raw.decode("utf-8-sig", errors="replace").split("\n")
            except (OSError, ValueError):
                self._lines[name] = []
        return self._lines[name]

    def __call__(self, value: bool | int | float, where: Location) -> str:
        plain = ("true" if value else "false") if isinstance(value, bool) else repr(value)
        lines = self._file(where.file) if where.file and where.line > 0 else []
        if where.line > len(lines):
            return plain
        token = _SCALAR_AT.match(lines[where.line - 1][max(0, where.column - 1):])
        if token is None:
            return plain
        doc, problems = _yaml.parse(f"v: {token['value']}")
        again = doc.data.get("v") if isinstance(doc.data, dict) else None
        same = not problems and type(again) is type(value) and again == value
        return token["value"] if same else plain


def _key_of(path: PathT) -> str | None:
    """The key a message names: ``threshold``, or ``occasions[0]`` for a list's item."""
    if not path:
        return None
    if isinstance(path[-1], str):
        return shown(path[-1], 60)
    head = next((p for p in reversed(path[:-1]) if isinstance(p, str)), "")
    return f"{shown(head, 60)}[{path[-1]}]"


def _with_value(message: Msg, path: PathT, value: Any, written: str | None) -> Msg:
    """The message with the key and the value written before it, for a single value."""
    if not message.id.startswith(_WITH_VALUE):
        return message
    key = _key_of(path)
    text = f"'{shown(value)}'" if isinstance(value, str) else (
        shown(written) if written is not None else None)
    if key is None or text is None:
        return message
    return msg("model.value", key=key, value=text, problem=message)


def _decimal(number: Decimal) -> str:
    """A number as a plan writes it: 0.85, 85, 0.855 (no exponent, no trailing zero)."""
    text = format(number.normalize(), "f")
    return "0" if text in ("-0", "") else text


_NUMBER_TEXT = re.compile(
    r"^\s*(?P<number>[-+]?(?:[0-9]+(?:[.,][0-9]+)?|[.,][0-9]+))\s*(?P<percent>%?)\s*$")


def _ratio_hint(percent: Decimal) -> Msg | None:
    if not 0 <= percent <= 100:
        return None
    return msg("model.hint.ratio", ratio=_decimal(percent / 100), percent=_decimal(percent))


def _number_hint(value: Any, *, ratio: bool, whole: bool) -> Msg | None:
    """How to write a number written as text ("0.5"), with a comma ("0,855") or as a
    percentage ("85%", or 85 where a share from 0 to 1 is meant)."""
    if isinstance(value, str):
        found = _NUMBER_TEXT.match(value)
        if found is None:
            return None
        body = found["number"]
        if whole and not body.lstrip("+-").isdigit():
            return None  # 1.000 or 1,000 for a count: which is meant is not known
        number = Decimal(body.replace(",", "."))
        if found["percent"] or (ratio and number > 1):
            return _ratio_hint(number) if ratio else None
        if "," in body:
            return msg("model.hint.decimal-point", number=_decimal(number))
        return msg("model.hint.unquote", number=_decimal(number))
    if ratio and isinstance(value, int | float) and not isinstance(value, bool) and (
            1 < value <= 100):
        return _ratio_hint(Decimal(repr(value)))
    return None


def _quote_hint(path: PathT, written: str) -> Msg:
    """A number or true/false where text belongs: the line with the value quoted."""
    key = path[-1] if path and isinstance(path[-1], str) else None
    fixed = shown(f'{key}: "{written}"' if key else f'- "{written}"')
    if key == "section":
        return msg("model.hint.quote-section", fixed=fixed)
    return msg("model.hint.quote", fixed=fixed)


_SECTION_IN = re.compile(r"(?<![\w.])((?:[IVX]+|[0-9]+)(?:\.[0-9]+)*)(?![\w.])")


def _section_hint(value: Any) -> Msg | None:
    """A section written with words or commas ("Mục 4.1", "4,1"): its number, quoted."""
    if not isinstance(value, str) or len(value) > 200:
        return None
    found = _SECTION_IN.search(value.strip().rstrip(".").replace(",", "."))
    return msg("model.hint.section", fixed=shown(f'section: "{found[1]}"')) if found else None


def _unmarked(text: str) -> str:
    """``text`` without its diacritics (đ as d)."""
    bare = "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))
    return bare.replace("đ", "d").replace("Đ", "D")


def _id_hint(value: Any) -> Msg | None:
    """An id that does not fit the pattern of ids: the invisible characters to delete, the
    letters of another alphabet drawn like Latin ones, or the id written plainly."""
    if not isinstance(value, str) or len(value) > 200:
        return None
    plain = re.sub(r"[^a-z0-9]+", "_", _unmarked(skeleton(value))).strip("_")
    fixed = shown(plain) if _ID.match(plain) else None
    invisible = "".join(dict.fromkeys(
        c for c in value if unicodedata.category(c) in ("Cf", "Cc", "Zs", "Zl", "Zp")
        and c != " "))
    if invisible:
        return (msg("model.hint.id-invisible", chars=shown(invisible), fixed=fixed) if fixed
                else msg("model.hint.id-invisible-plain", chars=shown(invisible)))
    foreign = "".join(dict.fromkeys(
        c for c in value if not c.isascii() and _unmarked(c) == c and skeleton(c).isascii()))
    if foreign and fixed:
        return msg("model.hint.id-lookalike", chars=shown(foreign), fixed=fixed)
    if fixed and plain != value:
        return msg("model.hint.id-plain", fixed=fixed)
    return None


# The Vietnamese words a plan's author may write where an identifier of the model belongs,
# by the identifier they mean. One table; tests/test_plan_messages.py checks that each
# identifier is a value of one of the model's enumerations and that no word means two values
# of one enumeration. Words are compared after NFC normalisation and case folding, with
# digits, % and punctuation left out ("từ 80% trở lên" is "từ ... trở lên"), then without
# diacritics ("truoc" is "trước"; "uỷ" and "ủy" are one).
MEANT: dict[str, tuple[str, ...]] = {
    # a deadline's relation
    "before": ("trước", "trước ngày"),
    "on_or_before": ("đến ngày", "đến hết ngày", "chậm nhất", "chậm nhất ngày",
                     "chậm nhất là ngày", "trước hoặc trong ngày", "không muộn hơn"),
    "on": ("trong ngày", "vào ngày", "đúng ngày", "ngày"),
    # a condition's comparator
    "gt": ("trên", "lớn hơn", "nhiều hơn", "hơn", "vượt", ">"),
    "gte": ("từ ... trở lên", "trở lên", "ít nhất", "tối thiểu", "không dưới",
            "không ít hơn", "đạt", ">=", "≥"),
    "eq": ("bằng", "đúng", "không để xảy ra", "=", "=="),
    "lte": ("không quá", "không vượt quá", "tối đa", "nhiều nhất", "từ ... trở xuống",
            "trở xuống", "<=", "≤"),
    "lt": ("dưới", "nhỏ hơn", "ít hơn", "<"),
    # an award's form
    "commendation": ("giấy khen",),
    "certificate_of_merit": ("bằng khen",),
    "emulation_flag": ("cờ thi đua", "cờ"),
    # unit kinds (a target's level, a standard's categories, an issuer's level)
    "team": ("tổ", "tổ bảo vệ an ninh trật tự", "tổ an ninh trật tự"),
    "commune": ("xã", "phường", "thị trấn", "xã phường thị trấn", "cấp xã"),
    "district": ("huyện", "cấp huyện", "quận", "thị xã"),
    "province": ("tỉnh", "cấp tỉnh", "thành phố trực thuộc trung ương"),
    "agency": ("cơ quan", "cơ quan nhà nước"),
    "business": ("doanh nghiệp", "công ty"),
    "school": ("trường", "trường học", "nhà trường", "cơ sở giáo dục"),
    "person": ("cá nhân", "người"),
    "head_of_unit": ("thủ trưởng", "thủ trưởng đơn vị", "người đứng đầu"),
    "armed_forces_or_employee": ("cán bộ chiến sĩ", "lực lượng vũ trang", "công chức",
                                 "viên chức", "người lao động"),
    "other_person": ("cá nhân khác", "quần chúng nhân dân", "nhân dân"),
    # recipients
    "collective": ("tập thể",),
    "individual": ("cá nhân",),
    # occasions of an award
    "phase_review": ("sơ kết", "sơ kết đợt", "sơ kết từng đợt"),
    "final_review": ("tổng kết", "tổng kết phong trào"),
    "yearly_review": ("sơ kết năm", "tổng kết năm", "hằng năm", "hàng năm"),
    "stage_review": ("tổng kết giai đoạn", "giai đoạn"),
    # verdicts
    "met": ("đạt",),
    "not_met": ("không đạt", "chưa đạt"),
    "unknown": ("chưa xác định", "chưa rõ", "không rõ"),
    # periods and recurrences
    "total": ("cả đợt", "toàn đợt", "tổng", "cả kỳ"),
    "month": ("tháng", "hằng tháng", "hàng tháng", "mỗi tháng"),
    "year": ("năm", "hằng năm", "hàng năm", "mỗi năm"),
    "monthly": ("hằng tháng", "hàng tháng", "mỗi tháng"),
    "yearly": ("hằng năm", "hàng năm", "mỗi năm"),
    # bodies (who grants, owes, receives)
    "ministry_of_public_security": ("bộ công an",),
    "provincial_people_committee": ("ủy ban nhân dân tỉnh", "ubnd tỉnh"),
    "provincial_chairman": ("chủ tịch ủy ban nhân dân tỉnh", "chủ tịch ubnd tỉnh"),
    "provincial_steering_committee": ("ban chỉ đạo tỉnh",),
    "provincial_police": ("công an tỉnh",),
    "provincial_home_affairs": ("sở nội vụ",),
    "district_people_committee": ("ủy ban nhân dân huyện", "ubnd huyện"),
    "district_chairman": ("chủ tịch ủy ban nhân dân huyện", "chủ tịch ubnd huyện"),
    "district_steering_committee": ("ban chỉ đạo huyện",),
    "district_police": ("công an huyện",),
    "district_home_affairs": ("phòng nội vụ", "phòng nội vụ huyện"),
    "commune_people_committee": ("ủy ban nhân dân xã", "ubnd xã"),
    "commune_chairman": ("chủ tịch ủy ban nhân dân xã", "chủ tịch ubnd xã"),
    "commune_police": ("công an xã",),
    "local_units": ("các đơn vị địa phương", "các đơn vị"),
    # kinds of award condition
    "leads_bloc": ("dẫn đầu khối", "dẫn đầu cụm khối", "dẫn đầu"),
    "prior_awards": ("đã được khen thưởng", "đã được khen"),
    "judgement": ("đánh giá", "xét"),
}

_NOT_A_WORD = re.compile(r"[0-9%.,…:;()\"'“”‘’_/-]+")


def folded(text: str, *, marks: bool = True) -> str:
    """A word as :data:`MEANT` compares it: NFC, case folded, digits and punctuation left
    out, spaces collapsed; without its diacritics when ``marks`` is false."""
    text = _NOT_A_WORD.sub(" ", unicodedata.normalize("NFC", text).casefold())
    return " ".join((text if marks else _unmarked(text)).split())


@cache
def _meant_index() -> dict[tuple[bool, str], tuple[str, ...]]:
    index: dict[tuple[bool, str], tuple[str, ...]] = {}
    for ident, words in MEANT.items():
        for word in words:
            for marks in (True, False):
                key = (marks, folded(word, marks=marks))
                index[key] = (*index.get(key, ()), ident)
    return index


def _word_hint(value: Any, choices: Sequence[str], path: PathT) -> Msg | None:
    """A Vietnamese word where one of ``choices`` belongs: the identifier it means."""
    if not isinstance(value, str) or len(value) > 100:
        return None
    index = _meant_index()
    for marks in (True, False):
        for ident in index.get((marks, folded(value, marks=marks)), ()):
            if ident in choices:
                key = path[-1] if path and isinstance(path[-1], str) else None
                written = f"{key}: {ident}" if key else f"- {ident}"
                return msg("model.hint.meant", word=shown(value), written=shown(written))
    return None


def _fix(err: Any, etype: str, value: Any, path: PathT, written: str | None) -> Msg | None:
    """A hint of ours for a value of the wrong form: quote it, write the number so, the id
    plainly, the section's number; None when none fits."""
    ctx = err.get("ctx") or {}
    if etype == "string_type" and written is not None:
        return _quote_hint(path, written)
    ratio = tuple(err.get("loc") or ())[-2:] == ("ratio", "threshold")
    if etype in {"float_type", "float_parsing", "int_type", "int_parsing"} or (
            etype in _BOUND_TYPES):
        return _number_hint(value, ratio=ratio, whole=etype.startswith("int"))
    if etype == "string_pattern_mismatch":
        kind = _PATTERNS.get(str(ctx.get("pattern", "")))
        return _id_hint(value) if kind == "id" else _section_hint(value) if (
            kind == "section") else None
    return None


def _unwrap(annotation: Any) -> list[Any]:
    """The types an annotation may be (Annotated and unions opened)."""
    while typing.get_origin(annotation) is typing.Annotated:
        annotation = typing.get_args(annotation)[0]
    if typing.get_origin(annotation) in (typing.Union, types.UnionType):
        return [t for arg in typing.get_args(annotation) for t in _unwrap(arg)]
    return [annotation]


def _model_of(annotation: Any, node: Any) -> type[BaseModel] | None:
    """The model a mapping of the data is read as: of a union, the member whose fields hold
    most of its keys (and whose ``kind``, if any, it names)."""
    models = [t for t in _unwrap(annotation) if isinstance(t, type) and issubclass(t, BaseModel)]
    if not models or not isinstance(node, dict):
        return None

    def fit(model: type[BaseModel]) -> int:
        kind = model.model_fields.get("kind")
        if kind is not None and "kind" in node and node["kind"] not in typing.get_args(
                _unwrap(kind.annotation)[0]):
            return -1
        return len(node.keys() & model.model_fields.keys())

    best = max(models, key=fit)
    return best if len(models) == 1 or fit(best) > 0 else None


class _Places:
    """Where a key that is not allowed here belongs, when a mapping next to it takes that key
    and lacks it: the mapping that holds this one (the key is indented too far) or one inside
    it (not far enough). The model of each mapping and the mappings beside each key are
    worked out once per plan, so a file of many unknown keys costs linear time."""

    def __init__(self, tree: _Tree, missing: set[PathT]) -> None:
        self.tree, self.missing = tree, missing
        self._annotations: dict[PathT, Any] = {(): Plan}
        self._models: dict[PathT, type[BaseModel] | None] = {}
        self._inner: dict[PathT, list[tuple[str, dict[str, Any], type[BaseModel]]]] = {}
        self._names = _all_field_names()

    def _annotation(self, path: PathT) -> Any:
        """The model's annotation of the value at ``path`` (None where the model has none),
        walked from :class:`Plan`: a field of the mapping above, or a list's item type."""
        if path not in self._annotations:
            parent, part = path[:-1], path[-1]
            annotation: Any = None
            if isinstance(part, int):
                above = self._annotation(parent)
                items = [t for t in _unwrap(above) if typing.get_origin(t) in (tuple, list)]
                annotation = typing.get_args(items[0])[0] if items else None
            else:
                model = self.model_at(parent)
                if model is not None and part in model.model_fields:
                    annotation = model.model_fields[part].annotation
            self._annotations[path] = annotation
        return self._annotations[path]

    def model_at(self, path: PathT) -> type[BaseModel] | None:
        """The model of the mapping at ``path`` in the data, or None."""
        if path not in self._models:
            annotation = self._annotation(path)
            self._models[path] = None if annotation is None else _model_of(
                annotation, _lookup(self.tree.data, path))
        return self._models[path]

    def _mappings_in(self, holder: PathT, node: dict[str, Any]
                     ) -> list[tuple[str, dict[str, Any], type[BaseModel]]]:
        """The mappings inside ``node`` that the model reads, with their models."""
        if holder not in self._inner:
            found = []
            for sibling, value in node.items():
                model = self.model_at((*holder, sibling)) if isinstance(value, dict) else None
                if model is not None and isinstance(value, dict):
                    found.append((sibling, value, model))
            self._inner[holder] = found
        return self._inner[holder]

    def __call__(self, path: PathT) -> tuple[Msg, Msg, PathT] | None:
        """The message, the hint and the path the key at ``path`` belongs at; a place that
        misses the key (pydantic reports it missing there) is preferred."""
        if not path or not isinstance(path[-1], str) or path[-1] not in self._names:
            return None
        tree, key, holder = self.tree, path[-1], path[:-1]
        node = _lookup(tree.data, holder)
        if not isinstance(node, dict):
            return None
        file = tree.location(path).file

        def written_at(mapping: Any, place: PathT) -> bool:
            """The mapping has the key in this file (an inherited value may be overridden)."""
            return isinstance(mapping, dict) and key in mapping and tree.location(
                (*place, key)).file == file

        found: list[tuple[PathT, Msg, Msg]] = []
        at = len(holder) - 1 if holder and isinstance(holder[-1], str) else len(holder) - 2
        if at >= 0 and isinstance(holder[at], str):  # one level out (past a list, for its item)
            outer, ref = holder[:at], holder[at]
            outer_node = _lookup(tree.data, outer)
            model = self.model_at(outer)
            if model is not None and key in model.model_fields and isinstance(
                    outer_node, dict) and not written_at(outer_node, outer):
                where = tree.location((*outer, ref))
                found.append(((*outer, key),
                              msg("model.misplaced.out", key=shown(key), ref=shown(ref),
                                  line=where.line),
                              msg("model.misplaced.out.hint", key=shown(key), ref=shown(ref),
                                  column=where.column)))
        for sibling, value, model in self._mappings_in(holder, node):  # one level in
            if sibling == key or key not in model.model_fields or written_at(
                    value, (*holder, sibling)):
                continue
            where = tree.location((*holder, sibling))
            first = next(iter(value), None)
            column = (tree.location((*holder, sibling, first)).column if first else
                      where.column + 2)
            found.append(((*holder, sibling, key),
                          msg("model.misplaced.in", key=shown(key), ref=shown(sibling),
                              line=where.line),
                          msg("model.misplaced.in.hint", key=shown(key), ref=shown(sibling),
                              column=column)))
        if not found:
            return None
        target, message, hint = next((f for f in found if f[0] in self.missing), found[0])
        return message, hint, target


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

    errors = exc.errors(include_url=False, include_input=False)
    # a key indented too far or not far enough: reported once, where it stands, with where
    # it belongs; pydantic's "missing" at that place is the same mistake and is not repeated
    missing = {_data_path(tree.data, tuple(e["loc"])) for e in errors if e["type"] == "missing"}
    places = _Places(tree, missing)
    placed = {}
    for err in errors:
        if err["type"] == "extra_forbidden":
            where_from = _data_path(tree.data, tuple(err["loc"]))
            found = places(where_from)
            if found is not None:
                placed[where_from] = found
    moved = {target for _, _, target in placed.values()}
    written = _Written()

    for err in errors:
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
        as_written = written(value, tree.location(path)) if isinstance(
            value, bool | int | float) else None
        hint = _fix(err, etype, value, path, as_written) or hint
        message = _with_value(message, path, value, as_written)
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
        if code == "unknown-key" and missing_key and path in placed:
            message, hint, _ = placed[path]
        elif code == "unknown-key" and missing_key:
            message = msg("model.unknown-key", key=shown(missing_key))
            here = places.model_at(path[:-1])
            hint = hint_for(missing_key, sorted(here.model_fields) if here is not None else [
                f for f in fields if f != missing_key])
            if hint is None and missing_key in fields:
                hint = msg("model.unknown-key.elsewhere", key=shown(missing_key))
        elif code == "missing-key" and missing_key and path in moved:
            continue
        elif code == "missing-key" and missing_key:
            message = msg("model.required", key=shown(missing_key))
            location = tree.location(path[:-1])
            where = Location(location.file, location.line, location.column,
                             (*location.path, missing_key))
            issues.append(Issue(code, message, where, hint))
            continue
        elif code == "invalid-value" and "expected" in (err.get("ctx") or {}):
            if isinstance(value, str):
                choices = _choices(err["ctx"]["expected"])
                hint = _word_hint(value, choices, path) or hint_for(value, choices)
        elif etype == "union_tag_invalid":
            tag = (err.get("ctx") or {}).get("tag")
            if isinstance(tag, str):
                choices = _choices(err["ctx"].get("expected_tags", ""))
                tag_key = str((err.get("ctx") or {}).get("discriminator", "")).strip("'")
                hint = _word_hint(tag, choices, (tag_key,)) or hint_for(tag, choices)
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
    """A resolved plan with where it came from: the file, and the position of each node.

    When the model rejected some items (a phase with an impossible date), ``plan`` is the rest
    of the plan, ``tree`` its data, ``resolved`` the data as resolved and ``left_out`` what was
    left out: the semantic checks run on the rest (:mod:`emulation_rules.checks`)."""

    plan: Plan
    path: Path
    tree: _Tree
    resolved: _Tree | None = None
    """The resolved data, before the items the model rejected were left out (None: none was)."""
    left_out: frozenset[PathT] = frozenset()
    """The paths in the resolved data of what was left out."""

    def location(self, path: PathT) -> Location:
        return self.tree.location(path)

    @property
    def complete(self) -> bool:
        """Nothing was left out: the plan is the whole resolved plan."""
        return not self.left_out

    @property
    def data(self) -> Any:
        """The resolved data, what was left out included."""
        return (self.resolved or self.tree).data

    def origin(self, path: PathT) -> PathT:
        """The path in the resolved data of ``path`` (of the plan)."""
        return self.tree.origin_of(path)

    @cached_property
    def _around_left_out(self) -> frozenset[PathT]:
        return frozenset(p[:k] for p in self.left_out for k in range(len(p) + 1))

    def whole(self, path: PathT) -> bool:
        """Nothing at, under or above ``path`` (of the plan) was left out."""
        if not self.left_out:
            return True
        orig = self.origin(path)
        return orig not in self._around_left_out and not any(
            orig[:k] in self.left_out for k in range(len(orig)))


_SALVAGE_ROUNDS = 4
"""How many times the model is tried again, each time without the items it rejected."""


def _unit(data: Any, path: PathT) -> PathT:
    """What to leave out for a model error at ``path``: the innermost item with an id that
    holds it (a phase, a target, a deadline, an award, a condition), else its top-level key."""
    unit: PathT = tuple(path[:1])
    node = data
    for depth, part in enumerate(path):
        if isinstance(node, dict) and isinstance(part, str) and part in node:
            node = node[part]
        elif isinstance(node, list) and isinstance(part, int) and 0 <= part < len(node):
            node = node[part]
            if isinstance(node, dict) and isinstance(node.get("id"), str):
                unit = tuple(path[:depth + 1])
        else:
            break
    return unit


def _without(tree: _Tree, drops: set[PathT], stem: str) -> _Tree:
    """The data without the nodes at ``drops``, every node keeping its location and, where
    its path changes, its path in the resolved data. A required ``id`` or ``title`` left out
    is replaced (the file's name; a dash), so that the rest can still be checked."""
    out = _Tree(None, texts=tree.texts)

    def walk(value: Any, src: PathT, dst: PathT) -> Any:
        if src in tree.locs:
            out.locs[dst] = tree.locs[src]
        orig = tree.origin.get(src, src)
        if orig != dst:
            out.origin[dst] = orig
        if isinstance(value, dict):
            return {k: walk(v, (*src, k), (*dst, k)) for k, v in value.items()
                    if (*src, k) not in drops}
        if isinstance(value, list):
            kept: list[Any] = []
            for i, item in enumerate(value):
                if (*src, i) not in drops:
                    kept.append(walk(item, (*src, i), (*dst, len(kept))))
            return kept
        return value

    data = walk(tree.data, (), ())
    if ("id",) in drops:
        data["id"] = stem if _ID.match(stem) else "plan"
    if ("title",) in drops:
        data["title"] = {"vi": "-", "en": "-"}
    out.data = data
    return out


def _salvage(tree: _Tree, exc: ValidationError, stem: str
             ) -> tuple[Plan | None, _Tree, frozenset[PathT]]:
    """The plan without the items the model rejects, to run the semantic checks on the rest:
    the plan, its data and what was left out; no plan when the rest cannot be made valid."""
    work, left_out = tree, set()
    for _ in range(_SALVAGE_ROUNDS):
        drops = {_unit(work.data, _data_path(work.data, tuple(e["loc"])))
                 for e in exc.errors(include_url=False, include_input=False)}
        if () in drops:
            break
        left_out |= {work.origin_of(d) for d in drops}
        work = _without(work, drops, stem)
        try:
            return Plan.model_validate(work.data), work, frozenset(left_out)
        except ValidationError as again:
            exc = again
        except (RecursionError, ValueError, OverflowError):
            break
    return None, tree, frozenset()


def _said(issue: Issue, stated: set[tuple[str, PathT]]) -> bool:
    """A model error at or under a text already reported (a placeholder, a control
    character): the text's issue says what is wrong there."""
    loc = issue.location
    return any((loc.file, loc.path[:k]) in stated for k in range(len(loc.path) + 1))


def _load(ref: str | Path, *, as_of: date | None = None
          ) -> tuple[LoadedPlan | None, list[Issue], type[Exception]]:
    from .checks import check_plan, check_text

    path = resolve_plan_ref(ref)
    issues: list[Issue] = []
    tree = _resolve(path, issues)
    if tree is None:
        syntax = any(i.code.startswith("yaml") or i.code in {"duplicate-key", "too-large",
                                                             "too-deep", "encoding"}
                     for i in issues)
        return None, issues, PlanSyntaxError if syntax else PlanInvalidError
    # from here every problem is reported in one run: the texts, the model's types and
    # ranges, the references and the semantic checks (on the items the model accepts)
    text = check_text(tree)
    stated = {(i.location.file, i.location.path) for i, _ in text
              if i.severity is Severity.ERROR}
    work, left_out = tree, frozenset[PathT]()
    try:
        plan: Plan | None = Plan.model_validate(tree.data)
    except ValidationError as exc:
        issues.extend(i for i in _pydantic_issues(exc, tree) if not _said(i, stated))
        plan, work, left_out = _salvage(tree, exc, path.stem)
    except (RecursionError, ValueError, OverflowError) as exc:
        plan = None
        issues.append(Issue("invalid-plan", msg("plan.cannot-build", problem=shown(exc)),
                            tree.location(())))
    if plan is None:
        issues.extend(i for i, _ in text)
        return None, issues, PlanInvalidError
    loaded = LoadedPlan(plan, path, work, None if work is tree else tree, left_out)
    issues.extend(check_plan(loaded, as_of=as_of, raised=text))
    return (None if left_out else loaded), issues, PlanInvalidError


def iter_plan_issues(ref: str | Path, *, as_of: date | None = None,
                     acknowledged: bool = False) -> list[Issue]:
    """Every problem of a plan (file or bundled id), sorted by position; empty when valid.

    Errors and warnings, found in one run. A warning the plan acknowledges is not a problem:
    it is left out unless ``acknowledged`` (then marked, :attr:`Issue.acknowledgement`).
    ``as_of`` is the date a draft plan (``draft: true``) is checked on: a phase that ended
    before it is reported (without it, no phase is compared with a date)."""
    try:
        _, issues, _ = _load(ref, as_of=as_of)
    except PlanNotFoundError as exc:
        return list(exc.issues)
    return sorted((i for i in issues if acknowledged or i.acknowledgement is None),
                  key=Issue.sort_key)


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
