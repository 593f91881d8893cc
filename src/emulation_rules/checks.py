"""Semantic checks of a resolved plan: what the model's types alone cannot say.

Each check yields :class:`~emulation_rules.errors.Issue` values with a stable code and the
YAML path of the offending node; :mod:`emulation_rules.loading` locates them in their file.
Rules JSON Schema cannot express live here (phase overlap, metric names, citations); see
docs/plan-format.md for the list.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date
from typing import TYPE_CHECKING, Any

from . import limits
from .conditions import references, walk
from .errors import Issue, did_you_mean
from .i18n import Msg
from .model import (
    ISSUANCE,
    AttestationCondition,
    JudgementCondition,
    MetricCondition,
    Plan,
    RatioCondition,
)
from .vocabulary import ATTESTATIONS, LEVEL_ORDER, METRICS

if TYPE_CHECKING:
    from .loading import LoadedPlan

__all__ = ["check_plan"]

PathT = tuple[str | int, ...]
_Found = tuple[str, str | Msg, PathT, str | Msg | None]  # code, message, path, hint


def _cited(node: Any) -> bool:
    return getattr(node, "source", None) is not None or getattr(node, "policy", None) == "local"


def _check_required(plan: Plan) -> Iterator[_Found]:
    if plan.template:
        return
    for key in ("issuer", "campaign"):
        if getattr(plan, key) is None:
            yield ("missing-key", f"{key!r} is required in a plan that is not a template",
                   (key,), None)
    if not plan.criteria:
        yield ("missing-key", "a plan needs at least one entry in 'criteria'", ("criteria",), None)
    cycle = plan.campaign.review_cycle if plan.campaign is not None else None
    if not plan.phases and cycle is None:
        yield ("missing-key", "a plan needs phases, or a campaign review_cycle that replaces them",
               ("phases",), None)


def _check_citations(plan: Plan) -> Iterator[_Found]:
    if plan.template:
        return
    hint = "add source: {section: ..., quote: ...}, or policy: local with a reason"
    if plan.scoring is not None and not _cited(plan.scoring):
        yield ("missing-citation", "scoring is a rule no document states: mark it policy: "
               "local with a reason", ("scoring",), hint)
    if plan.missing_period is not None and not _cited(plan.missing_period):
        yield ("missing-citation", "missing_period is a rule: cite it or mark it policy: "
               "local with a reason", ("missing_period",), hint)
    if plan.straddling_month is not None and not _cited(plan.straddling_month):
        yield ("missing-citation", "straddling_month is a rule: cite it or mark it policy: "
               "local with a reason", ("straddling_month",), hint)
    if plan.campaign is not None and not _cited(plan.campaign):
        yield ("missing-citation", "the campaign window has no source", ("campaign",), hint)
    for i, phase in enumerate(plan.phases):
        if not _cited(phase):
            yield ("missing-citation", f"phase {phase.id!r} has no source", ("phases", i), hint)
    for i, crit in enumerate(plan.criteria):
        if not _cited(crit):
            yield ("missing-citation", f"criterion {crit.id!r} has no source",
                   ("criteria", i), hint)
        for j, target in enumerate(crit.targets):
            path: PathT = ("criteria", i, "targets", j)
            if not _cited(target):
                yield ("missing-citation", f"target {target.id!r} has no source", path, hint)
            yield from _condition_citations(target.condition, (*path, "condition"))
    for i, deadline in enumerate(plan.deadlines):
        if not _cited(deadline):
            yield ("missing-citation", f"deadline {deadline.id!r} has no source",
                   ("deadlines", i), hint)
    for i, award in enumerate(plan.awards):
        if not _cited(award):
            yield ("missing-citation", f"award {award.id!r} has no source", ("awards", i), hint)
        for j, standard in enumerate(award.standards):
            for k, cond in enumerate(standard.conditions):
                path = ("awards", i, "standards", j, "conditions", k)
                if not _cited(cond):
                    yield ("missing-citation", f"award condition {cond.id!r} has no source",
                           path, hint)
                if isinstance(cond, JudgementCondition) and cond.default is not None and not (
                        _cited(cond.default)):
                    yield ("missing-citation", "a default rule must be marked policy: local "
                           "with a reason (or cite a source)", (*path, "default"), hint)
                if isinstance(cond, MetricCondition):
                    yield from _condition_citations(cond.condition, (*path, "condition"))


def _condition_citations(cond: Any, path: PathT) -> Iterator[_Found]:
    for node, node_path in walk(cond, path):
        if not isinstance(node, RatioCondition):
            continue
        if node.when_no_cases is None:
            yield ("missing-when-no-cases", "a ratio target must declare when_no_cases (met, "
                   "not_met or unknown) for a period with no cases", node_path,
                   "add when_no_cases: {verdict: unknown, policy: local, reason: ...}")
        elif not _cited(node.when_no_cases):
            yield ("missing-citation", "when_no_cases is a rule no document states: mark it "
                   "policy: local with a reason", (*node_path, "when_no_cases"), None)


def _metric_refs(cond: Any, path: PathT) -> Iterator[tuple[str, PathT]]:
    """Metric references (from the one table of condition kinds); attestations apart."""
    for field, name, ref_path in references(cond, path):
        if field != "attestation":
            yield name, ref_path


def _attestation_refs(cond: Any, path: PathT) -> Iterator[_Found]:
    for field, name, ref_path in references(cond, path):
        if field == "attestation" and name not in ATTESTATIONS:
            yield ("unknown-attestation", f"unknown attestation {name!r}", ref_path,
                   did_you_mean(name, ATTESTATIONS))


def _check_vocabulary(plan: Plan) -> Iterator[_Found]:
    for i, crit in enumerate(plan.criteria):
        for j, target in enumerate(crit.targets):
            base: PathT = ("criteria", i, "targets", j, "condition")
            yield from _attestation_refs(target.condition, base)
            for name, path in _metric_refs(target.condition, base):
                metric = METRICS.get(name)
                if metric is None:
                    yield ("unknown-metric", f"unknown metric {name!r} (see docs/metrics.md)",
                           path, did_you_mean(name, METRICS))
                elif target.level not in LEVEL_ORDER[metric.level]:
                    yield ("level-mismatch", f"metric {name!r} is recorded per "
                           f"{metric.level} and cannot be checked per {target.level}",
                           ("criteria", i, "targets", j, "level"), None)
            if isinstance(target.condition, RatioCondition) and (
                    target.condition.numerator == target.condition.denominator):
                yield ("invalid-ratio", "numerator and denominator are the same metric",
                       base, None)
    for i, award in enumerate(plan.awards):
        for j, standard in enumerate(award.standards):
            for k, cond in enumerate(standard.conditions):
                cpath: PathT = ("awards", i, "standards", j, "conditions", k)
                if isinstance(cond, JudgementCondition | AttestationCondition) and (
                        cond.attestation not in ATTESTATIONS):
                    yield ("unknown-attestation", f"unknown attestation {cond.attestation!r}",
                           (*cpath, "attestation"), did_you_mean(cond.attestation, ATTESTATIONS))
                if isinstance(cond, MetricCondition):
                    yield from _attestation_refs(cond.condition, (*cpath, "condition"))
                    for name, mpath in _metric_refs(cond.condition, (*cpath, "condition")):
                        if name not in METRICS:
                            yield ("unknown-metric", f"unknown metric {name!r}", mpath,
                                   did_you_mean(name, METRICS))


def _concrete(value: date | str | None) -> date | None:
    return value if isinstance(value, date) else None


def _check_timeline(plan: Plan) -> Iterator[_Found]:
    camp = plan.campaign
    if camp is not None:
        start, end = _concrete(camp.start), camp.end
        if start and end and start > end:
            yield ("campaign-order", "the campaign ends before it starts", ("campaign", "end"),
                   None)
        if end is None and camp.review_cycle is None:
            yield ("open-ended-without-cycle", "a campaign with no end needs a review_cycle "
                   "that bounds it", ("campaign", "end"), None)
    previous = None
    for i, phase in enumerate(plan.phases):
        start = _concrete(phase.start)
        if start and start > phase.end:
            yield ("phase-order", f"phase {phase.id!r} ends before it starts",
                   ("phases", i, "end"), None)
        if phase.start == ISSUANCE and i > 0:
            yield ("phase-order", "only the first phase can start at the plan's issue date",
                   ("phases", i, "start"), None)
        if previous is not None:
            if start is not None and start <= previous.end:
                yield ("phase-overlap", f"phase {phase.id!r} starts on {start.isoformat()}, "
                       f"before phase {previous.id!r} ends on {previous.end.isoformat()}",
                       ("phases", i, "start"), "phases may not overlap; list them in order")
        if camp is not None:
            cstart, cend = _concrete(camp.start), camp.end
            if (start and cstart and start < cstart) or (cend and phase.end > cend):
                yield ("phase-outside-campaign", f"phase {phase.id!r} lies outside the "
                       "campaign window", ("phases", i), None)
        previous = phase
    if plan.scoring is not None:
        criteria = {c.id for c in plan.criteria}
        for crit in plan.scoring.points:
            if crit not in criteria:
                yield ("unknown-criterion", f"scoring names criterion {crit!r}, which the plan "
                       "does not have", ("scoring", "points", crit), did_you_mean(crit, criteria))
    phase_ids = {p.id for p in plan.phases}
    for i, deadline in enumerate(plan.deadlines):
        if deadline.phase is not None and deadline.phase not in phase_ids:
            yield ("unknown-phase", f"deadline names phase {deadline.phase!r}, which the plan "
                   "does not have", ("deadlines", i, "phase"), did_you_mean(deadline.phase,
                                                                             phase_ids))
        rec = deadline.recurrence
        if rec is not None and rec.until is not None and _concrete(rec.start) and (
                rec.until < rec.start):  # type: ignore[operator]
            yield ("recurrence-order", "recurrence ends before it starts",
                   ("deadlines", i, "recurrence", "until"), None)


def _check_limits(plan: Plan) -> Iterator[_Found]:
    """The cost model's limits on one plan (:mod:`emulation_rules.limits`)."""
    for key, items, most, what in (("criteria", plan.criteria, limits.CRITERIA, "criteria"),
                                   ("phases", plan.phases, limits.PHASES, "phases"),
                                   ("deadlines", plan.deadlines, limits.DEADLINES, "deadlines"),
                                   ("awards", plan.awards, limits.AWARDS, "awards")):
        if len(items) > most:
            yield ("too-many", f"{len(items)} {what}: a plan has at most {most}", (key, most),
                   None)
    count = 0
    for c, crit in enumerate(plan.criteria):
        for t, _ in enumerate(crit.targets):
            count += 1
            if count == limits.TARGETS + 1:
                total = sum(len(x.targets) for x in plan.criteria)
                yield ("too-many", f"{total} targets: a plan has at most {limits.TARGETS}, all "
                       "criteria together", ("criteria", c, "targets", t), None)
    camp = plan.campaign
    start = _concrete(camp.start) if camp is not None else None
    if camp is not None and start is not None and camp.end is not None:
        if camp.end > limits.latest_campaign_end(start):
            yield ("too-long", f"the campaign runs from {start.isoformat()} to "
                   f"{camp.end.isoformat()}: a campaign with an end date spans at most "
                   f"{limits.CAMPAIGN_YEARS} years", ("campaign", "end"),
                   "an open-ended movement has no end date and a review_cycle")


_CHECKS: tuple[Callable[[Plan], Iterator[_Found]], ...] = (
    _check_limits,
    _check_required,
    _check_citations,
    _check_vocabulary,
    _check_timeline,
)


def check_plan(loaded: LoadedPlan) -> list[Issue]:
    """Run every semantic check on a loaded plan; issues are located in their files."""
    issues: list[Issue] = []
    plan = loaded.plan
    if plan.id != loaded.path.stem:
        issues.append(Issue("id-mismatch", f"id {plan.id!r} differs from the file name "
                            f"{loaded.path.name!r}", loaded.location(("id",)),
                            f"a plan's id equals its file name: id: {loaded.path.stem}"))
    for check in _CHECKS:
        for code, message, path, hint in check(plan):
            issues.append(Issue(code, message, loaded.location(path), hint))
    return issues
