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

from .awards import AwardsReport, PriorAward, awards
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
from .evaluation import Evaluation, Record, UnitInfo, evaluate
from .inputs import read_metrics, read_unit_tree
from .loading import iter_plan_issues, load_plan
from .model import Plan
from .timeline import Timeline

__version__ = "0.1.0"

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
