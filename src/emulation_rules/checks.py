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
from ._inert import shown
from .conditions import references, walk
from .errors import Issue, did_you_mean
from .i18n import Msg, msg
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
_Found = tuple[str, Msg, PathT, Msg | None]  # code, message, path, hint


def _cited(node: Any) -> bool:
    return getattr(node, "source", None) is not None or getattr(node, "policy", None) == "local"


def _check_required(plan: Plan) -> Iterator[_Found]:
    if plan.template:
        return
    for key in ("issuer", "campaign"):
        if getattr(plan, key) is None:
            yield ("missing-key", msg("checks.required", key=key), (key,), None)
    if not plan.criteria:
        yield ("missing-key", msg("checks.no-criteria"), ("criteria",), None)
    cycle = plan.campaign.review_cycle if plan.campaign is not None else None
    if not plan.phases and cycle is None:
        yield ("missing-key", msg("checks.no-phases"), ("phases",), None)


def _check_citations(plan: Plan) -> Iterator[_Found]:
    if plan.template:
        return
    hint = msg("checks.cite.hint")
    if plan.scoring is not None and not _cited(plan.scoring):
        yield ("missing-citation", msg("checks.cite.scoring"), ("scoring",), hint)
    if plan.missing_period is not None and not _cited(plan.missing_period):
        yield ("missing-citation", msg("checks.cite.rule", key="missing_period"),
               ("missing_period",), hint)
    if plan.straddling_month is not None and not _cited(plan.straddling_month):
        yield ("missing-citation", msg("checks.cite.rule", key="straddling_month"),
               ("straddling_month",), hint)
    if plan.campaign is not None and not _cited(plan.campaign):
        yield ("missing-citation", msg("checks.cite.campaign"), ("campaign",), hint)
    for i, phase in enumerate(plan.phases):
        if not _cited(phase):
            yield ("missing-citation", msg("checks.cite.phase", id=shown(phase.id)),
                   ("phases", i), hint)
    for i, crit in enumerate(plan.criteria):
        if not _cited(crit):
            yield ("missing-citation", msg("checks.cite.criterion", id=shown(crit.id)),
                   ("criteria", i), hint)
        for j, target in enumerate(crit.targets):
            path: PathT = ("criteria", i, "targets", j)
            if not _cited(target):
                yield ("missing-citation", msg("checks.cite.target", id=shown(target.id)),
                       path, hint)
            yield from _condition_citations(target.condition, (*path, "condition"))
    for i, deadline in enumerate(plan.deadlines):
        if not _cited(deadline):
            yield ("missing-citation", msg("checks.cite.deadline", id=shown(deadline.id)),
                   ("deadlines", i), hint)
    for i, award in enumerate(plan.awards):
        if not _cited(award):
            yield ("missing-citation", msg("checks.cite.award", id=shown(award.id)),
                   ("awards", i), hint)
        for j, standard in enumerate(award.standards):
            for k, cond in enumerate(standard.conditions):
                path = ("awards", i, "standards", j, "conditions", k)
                if not _cited(cond):
                    yield ("missing-citation",
                           msg("checks.cite.award-condition", id=shown(cond.id)), path, hint)
                if isinstance(cond, JudgementCondition) and cond.default is not None and not (
                        _cited(cond.default)):
                    yield ("missing-citation", msg("checks.cite.default-rule"),
                           (*path, "default"), hint)
                if isinstance(cond, MetricCondition):
                    yield from _condition_citations(cond.condition, (*path, "condition"))


def _condition_citations(cond: Any, path: PathT) -> Iterator[_Found]:
    for node, node_path in walk(cond, path):
        if not isinstance(node, RatioCondition):
            continue
        if node.when_no_cases is None:
            yield ("missing-when-no-cases", msg("checks.when-no-cases"), node_path,
                   msg("checks.when-no-cases.hint"))
        elif not _cited(node.when_no_cases):
            yield ("missing-citation", msg("checks.cite.when-no-cases"),
                   (*node_path, "when_no_cases"), None)


def _metric_refs(cond: Any, path: PathT) -> Iterator[tuple[str, PathT]]:
    """Metric references (from the one table of condition kinds); attestations apart."""
    for field, name, ref_path in references(cond, path):
        if field != "attestation":
            yield name, ref_path


def _attestation_refs(cond: Any, path: PathT) -> Iterator[_Found]:
    for field, name, ref_path in references(cond, path):
        if field == "attestation" and name not in ATTESTATIONS:
            yield ("unknown-attestation", msg("checks.unknown-attestation", name=shown(name)),
                   ref_path, did_you_mean(name, ATTESTATIONS))


def _check_vocabulary(plan: Plan) -> Iterator[_Found]:
    for i, crit in enumerate(plan.criteria):
        for j, target in enumerate(crit.targets):
            base: PathT = ("criteria", i, "targets", j, "condition")
            yield from _attestation_refs(target.condition, base)
            for name, path in _metric_refs(target.condition, base):
                metric = METRICS.get(name)
                if metric is None:
                    yield ("unknown-metric", msg("checks.unknown-metric.see", name=shown(name)),
                           path, did_you_mean(name, METRICS))
                elif target.level not in LEVEL_ORDER[metric.level]:
                    yield ("level-mismatch", msg("checks.level-mismatch", name=shown(name),
                                                 recorded=metric.level, level=target.level),
                           ("criteria", i, "targets", j, "level"), None)
            if isinstance(target.condition, RatioCondition) and (
                    target.condition.numerator == target.condition.denominator):
                yield ("invalid-ratio", msg("checks.same-metric"), base, None)
    for i, award in enumerate(plan.awards):
        for j, standard in enumerate(award.standards):
            for k, cond in enumerate(standard.conditions):
                cpath: PathT = ("awards", i, "standards", j, "conditions", k)
                if isinstance(cond, JudgementCondition | AttestationCondition) and (
                        cond.attestation not in ATTESTATIONS):
                    yield ("unknown-attestation",
                           msg("checks.unknown-attestation", name=shown(cond.attestation)),
                           (*cpath, "attestation"), did_you_mean(cond.attestation, ATTESTATIONS))
                if isinstance(cond, MetricCondition):
                    yield from _attestation_refs(cond.condition, (*cpath, "condition"))
                    for name, mpath in _metric_refs(cond.condition, (*cpath, "condition")):
                        if name not in METRICS:
                            yield ("unknown-metric",
                                   msg("checks.unknown-metric", name=shown(name)), mpath,
                                   did_you_mean(name, METRICS))


def _concrete(value: date | str | None) -> date | None:
    return value if isinstance(value, date) else None


def _check_timeline(plan: Plan) -> Iterator[_Found]:
    camp = plan.campaign
    if camp is not None:
        start, end = _concrete(camp.start), camp.end
        if start and end and start > end:
            yield ("campaign-order", msg("checks.campaign-order"), ("campaign", "end"), None)
        if end is None and camp.review_cycle is None:
            yield ("open-ended-without-cycle", msg("checks.open-ended"), ("campaign", "end"),
                   None)
    previous = None
    for i, phase in enumerate(plan.phases):
        start = _concrete(phase.start)
        if start and start > phase.end:
            yield ("phase-order", msg("checks.phase-order", id=shown(phase.id)),
                   ("phases", i, "end"), None)
        if phase.start == ISSUANCE and i > 0:
            yield ("phase-order", msg("checks.phase-issuance"), ("phases", i, "start"), None)
        if previous is not None:
            if start is not None and start <= previous.end:
                yield ("phase-overlap", msg("checks.phase-overlap", id=shown(phase.id),
                                            start=start, previous=shown(previous.id),
                                            end=previous.end),
                       ("phases", i, "start"), msg("checks.phase-overlap.hint"))
        if camp is not None:
            cstart, cend = _concrete(camp.start), camp.end
            if (start and cstart and start < cstart) or (cend and phase.end > cend):
                yield ("phase-outside-campaign",
                       msg("checks.phase-outside-campaign", id=shown(phase.id)), ("phases", i),
                       None)
        previous = phase
    if plan.scoring is not None:
        criteria = {c.id for c in plan.criteria}
        for crit in plan.scoring.points:
            if crit not in criteria:
                yield ("unknown-criterion", msg("checks.unknown-criterion", id=shown(crit)),
                       ("scoring", "points", crit), did_you_mean(crit, criteria))
    phase_ids = {p.id for p in plan.phases}
    for i, deadline in enumerate(plan.deadlines):
        if deadline.phase is not None and deadline.phase not in phase_ids:
            yield ("unknown-phase", msg("checks.unknown-phase", id=shown(deadline.phase)),
                   ("deadlines", i, "phase"), did_you_mean(deadline.phase, phase_ids))
        rec = deadline.recurrence
        if rec is not None and rec.until is not None and _concrete(rec.start) and (
                rec.until < rec.start):  # type: ignore[operator]
            yield ("recurrence-order", msg("checks.recurrence-order"),
                   ("deadlines", i, "recurrence", "until"), None)


def _check_limits(plan: Plan) -> Iterator[_Found]:
    """The cost model's limits on one plan (:mod:`emulation_rules.limits`)."""
    for key, items, most in (("criteria", plan.criteria, limits.CRITERIA),
                             ("phases", plan.phases, limits.PHASES),
                             ("deadlines", plan.deadlines, limits.DEADLINES),
                             ("awards", plan.awards, limits.AWARDS)):
        if len(items) > most:
            yield ("too-many", msg(f"checks.too-many.{key}", count=len(items), limit=most),
                   (key, most), None)
    count = 0
    for c, crit in enumerate(plan.criteria):
        for t, _ in enumerate(crit.targets):
            count += 1
            if count == limits.TARGETS + 1:
                total = sum(len(x.targets) for x in plan.criteria)
                yield ("too-many", msg("checks.too-many.targets", count=total,
                                       limit=limits.TARGETS),
                       ("criteria", c, "targets", t), None)
    camp = plan.campaign
    start = _concrete(camp.start) if camp is not None else None
    if camp is not None and start is not None and camp.end is not None:
        if camp.end > limits.latest_campaign_end(start):
            yield ("too-long", msg("checks.campaign-too-long", start=start, end=camp.end,
                                   years=limits.CAMPAIGN_YEARS), ("campaign", "end"),
                   msg("checks.campaign-too-long.hint"))


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
        issues.append(Issue("id-mismatch", msg("checks.id-mismatch", id=shown(plan.id),
                                               file=shown(loaded.path.name)),
                            loaded.location(("id",)),
                            msg("checks.id-mismatch.hint", stem=shown(loaded.path.stem))))
    for check in _CHECKS:
        for code, message, path, hint in check(plan):
            issues.append(Issue(code, message, loaded.location(path), hint))
    return issues
