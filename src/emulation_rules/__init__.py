"""emulation_rules: Vietnamese emulation-movement plans as checkable rules.

The public API::

    import emulation_rules as er
    plan = er.load_plan("bac_giang")            # a bundled plan id, or a path to a .yaml file
    issues = er.iter_plan_issues("my_plan.yaml")  # every problem, located at file:line:column
    tl = er.timeline(plan, issued=date(2024, 9, 1))   # phases, gaps, deadlines, windows
    metrics = er.read_metrics(Path("metrics.csv"))
    units, unit_issues, _ = er.read_unit_tree(Path("units.csv"))
    evaluation = er.evaluate(plan, metrics, units=units, issued=date(2024, 9, 1),
                             as_of=date(2025, 5, 25))
    report = er.awards(plan, evaluation, "final", units=units)

Layers (imports point down only; ``tests/test_architecture.py`` enforces it with
import-linter):

- top: ``cli`` (the only place exit codes live), ``__init__`` (this API);
- edges: ``frames`` (``er.evaluate``: DataFrames and dict rows as records), ``inputs``,
  ``_tables``, ``submissions`` (files -> records), ``reporting``, ``ics``,
  ``docgen`` (results -> text), then ``labels`` (the words the outputs share: verdicts,
  forms, bodies, window labels, the verdict columns, what an undecided target needs);
- core: ``eligibility`` (awards read verdicts), ``evaluation`` (evaluate: checks, accounting,
  verdicts), ``_cells`` (which cells a target reads), ``results``, ``timelines`` (windows);
- format: ``loading``, ``checks``, ``schema``, ``diffing``, then ``conditions`` (the one table
  of condition kinds and comparators, which the checks, the evaluator, the explanations and
  docgen read), ``model``, ``_tables``, ``_yaml``, ``_resources``;
- bottom: ``records``, ``vocabulary``, ``errors``, ``codes`` (the registry of issue codes:
  meaning and what to do, in Vietnamese and English), ``_inert`` (escaping for each kind of
  output), ``limits`` (the cost model: every limit an input is checked against).
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
    MissingExtra,
    PlanError,
    PlanInvalidError,
    PlanNotFoundError,
    PlanSyntaxError,
    Severity,
)

if TYPE_CHECKING:
    from .eligibility import AwardsReport, PriorAward, ReviewError, awards
    from .evaluation import AttestationRow, UnsupportedPlanError
    from .frames import evaluate
    from .inputs import read_attestations, read_metrics, read_unit_tree
    from .loading import iter_plan_issues, load_plan
    from .model import Plan
    from .records import Record, RecordSource, UnitInfo
    from .results import Evaluation
    from .timelines import Timeline, TimelineError, timeline

__version__ = "0.1.0"

# Imported on first use, so that a command loads only what it needs (validate: no evaluator).
_LAZY = {
    "AwardsReport": "eligibility", "PriorAward": "eligibility", "ReviewError": "eligibility",
    "awards": "eligibility", "AttestationRow": "evaluation",
    "UnsupportedPlanError": "evaluation", "evaluate": "frames",
    "Evaluation": "results", "Record": "records", "RecordSource": "records",
    "UnitInfo": "records", "read_attestations": "inputs", "read_metrics": "inputs",
    "read_unit_tree": "inputs", "iter_plan_issues": "loading", "load_plan": "loading",
    "Plan": "model", "Timeline": "timelines", "TimelineError": "timelines",
    "timeline": "timelines",
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
    "AttestationRow",
    "AwardsReport",
    "EmulationRulesError",
    "Evaluation",
    "EvaluationError",
    "Issue",
    "Location",
    "MetricsError",
    "MissingExtra",
    "Plan",
    "PlanError",
    "PlanInvalidError",
    "PlanNotFoundError",
    "PlanSyntaxError",
    "PriorAward",
    "Record",
    "RecordSource",
    "ReviewError",
    "Severity",
    "Timeline",
    "TimelineError",
    "UnitInfo",
    "UnsupportedPlanError",
    "__version__",
    "awards",
    "evaluate",
    "iter_plan_issues",
    "load_plan",
    "read_attestations",
    "read_metrics",
    "read_unit_tree",
    "timeline",
]
