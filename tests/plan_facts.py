"""Helpers shared by the fact tests of the plans (tests/test_plan_*.py)."""

from __future__ import annotations

from typing import Any


def by_id(items: tuple[Any, ...], item_id: str) -> Any:
    """The one item with ``item_id``; fails if there is none or more than one."""
    found = [i for i in items if i.id == item_id]
    assert len(found) == 1, f"{item_id!r} found {len(found)} times"
    return found[0]


def target_of(plan: Any, criterion_id: str, target_id: str) -> Any:
    """One target of one criterion of ``plan``."""
    return by_id(by_id(plan.criteria, criterion_id).targets, target_id)
