"""Where the bundled plans and schema live: inside the wheel, or in the source tree."""

from __future__ import annotations

from pathlib import Path

__all__ = ["bundled_plan_ids", "plans_dir"]

_HERE = Path(__file__).resolve().parent


def _data_dir(name: str) -> Path:
    packaged = _HERE / "_data" / name  # a wheel: hatchling force-include puts them here
    if packaged.is_dir():
        return packaged
    return _HERE.parent.parent / name  # an editable install or a source checkout


def plans_dir() -> Path:
    """The folder of bundled plans."""
    return _data_dir("plans")


def bundled_plan_ids() -> list[str]:
    """Ids of every bundled plan (templates included), sorted."""
    folder = plans_dir()
    return sorted(p.stem for p in folder.glob("*.yaml")) if folder.is_dir() else []
