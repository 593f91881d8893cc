"""emulation_rules: Vietnamese emulation-movement plans as checkable rules.

The public API::

    import emulation_rules as er
    plan = er.load_plan("bac_giang")            # a bundled plan id, or a path to a .yaml file
    issues = er.iter_plan_issues("my_plan.yaml")  # every problem, located at file:line:column
    timeline = plan.timeline(issued=date(2024, 9, 1))
    read = er.read_metrics(Path("metrics.csv"), plan)
    units, unit_issues, _ = er.read_unit_tree(Path("units.csv"))
    evaluation = er.evaluate(plan, read.records, units=units, issued=date(2024, 9, 1),
                             as_of=date(2025, 5, 25))
    report = er.awards(plan, evaluation, "final", units=units)
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

from .errors import (
    EmulationRulesError,
    EvaluationError,
    Issue,
    Location,
    MetricsError,
    PlanError,
    PlanInvalidError,
    PlanNotFoundError,
    PlanSyntaxError,
    Severity,
)

if TYPE_CHECKING:
    from .awards import AwardsReport, PriorAward, awards
    from .evaluation import Evaluation, Record, UnitInfo, evaluate
    from .inputs import read_metrics, read_unit_tree
    from .loading import iter_plan_issues, load_plan
    from .model import Plan
    from .timeline import Timeline

__version__ = "0.1.0"

# Imported on first use, so that a command loads only what it needs (validate: no evaluator).
_LAZY = {
    "AwardsReport": "awards", "PriorAward": "awards", "awards": "awards",
    "Evaluation": "evaluation", "Record": "evaluation", "UnitInfo": "evaluation",
    "evaluate": "evaluation", "read_metrics": "inputs", "read_unit_tree": "inputs",
    "iter_plan_issues": "loading", "load_plan": "loading", "Plan": "model",
    "Timeline": "timeline",
}


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(import_module(f".{module}", __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(__all__)


__all__ = [
    "AwardsReport",
    "EmulationRulesError",
    "Evaluation",
    "EvaluationError",
    "Issue",
    "Location",
    "MetricsError",
    "Plan",
    "PlanError",
    "PlanInvalidError",
    "PlanNotFoundError",
    "PlanSyntaxError",
    "PriorAward",
    "Record",
    "Severity",
    "Timeline",
    "UnitInfo",
    "__version__",
    "awards",
    "evaluate",
    "iter_plan_issues",
    "load_plan",
    "read_metrics",
    "read_unit_tree",
]
