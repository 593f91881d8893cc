"""Semantic differences between two resolved plans: by id and field, not by text line."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

from .model import Plan, plan_data

__all__ = ["Change", "diff_plans"]

_IGNORED_BY_DEFAULT = frozenset({"source", "acknowledge"})


@dataclass(frozen=True)
class Change:
    """One difference: ``kind`` is added, removed or changed; ``path`` names items by id."""

    kind: Literal["added", "removed", "changed"]
    path: str
    old: Any = None
    new: Any = None

    def to_dict(self) -> dict[str, Any]:
        return {"kind": self.kind, "path": self.path, "old": self.old, "new": self.new}


def _id_list(value: Any) -> bool:
    return isinstance(value, list) and bool(value) and all(
        isinstance(v, dict) and "id" in v for v in value)


def _walk(a: Any, b: Any, path: str, ignore: frozenset[str], out: list[Change]) -> None:
    if isinstance(a, dict) and isinstance(b, dict):
        for key in [*a, *(k for k in b if k not in a)]:
            if key in ignore:
                continue
            sub = f"{path}.{key}" if path else key
            if key not in b:
                out.append(Change("removed", sub, old=a[key]))
            elif key not in a:
                out.append(Change("added", sub, new=b[key]))
            else:
                _walk(a[key], b[key], sub, ignore, out)
    elif (_id_list(a) or a == []) and (_id_list(b) or b == []) and (a or b):
        a_by = {item["id"]: item for item in a}
        b_by = {item["id"]: item for item in b}
        for item_id in [*a_by, *(i for i in b_by if i not in a_by)]:
            sub = f"{path}[{item_id}]"
            if item_id not in b_by:
                out.append(Change("removed", sub, old=a_by[item_id]))
            elif item_id not in a_by:
                out.append(Change("added", sub, new=b_by[item_id]))
            else:
                _walk(a_by[item_id], b_by[item_id], sub, ignore, out)
    elif a != b:
        out.append(Change("changed", path, old=a, new=b))


def diff_plans(a: Plan, b: Plan, *, include_sources: bool = False) -> list[Change]:
    """Every difference from plan ``a`` to plan ``b``, in document order.

    Citations (``source``) differ between any two localities, and so do the acknowledgements
    of warnings that cite them (``acknowledge``): both are left out unless
    ``include_sources`` is true.
    """
    ignore = frozenset({"id"}) if include_sources else _IGNORED_BY_DEFAULT | {"id"}
    da, db = plan_data(a), plan_data(b)
    out: list[Change] = []
    if da["id"] != db["id"]:
        out.append(Change("changed", "id", da["id"], db["id"]))
    _walk(da, db, "", ignore, out)
    return out
