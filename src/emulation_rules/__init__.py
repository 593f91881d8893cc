"""emulation_rules: Vietnamese emulation-movement plans as checkable rules.

The public API::

    import emulation_rules as er
    plan = er.load_plan("bac_giang")            # a bundled plan id, or a path to a .yaml file
    issues = er.iter_plan_issues("my_plan.yaml")  # every problem, located at file:line:column
"""

from __future__ import annotations

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
from .loading import iter_plan_issues, load_plan
from .model import Plan

__version__ = "0.1.0"

__all__ = [
    "EmulationRulesError",
    "EvaluationError",
    "Issue",
    "Location",
    "MetricsError",
    "Plan",
    "PlanError",
    "PlanInvalidError",
    "PlanNotFoundError",
    "PlanSyntaxError",
    "Severity",
    "__version__",
    "iter_plan_issues",
    "load_plan",
]
