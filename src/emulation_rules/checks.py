"""Semantic checks of a resolved plan: what the model's types alone cannot say.

Each check yields :class:`~emulation_rules.errors.Issue` values with a stable code and the
YAML path of the offending node; :mod:`emulation_rules.loading` locates them in their file.
Rules JSON Schema cannot express live here (phase overlap, metric names, citations); see
docs/plan-format.md for the list.

The checks run on whatever part of the plan is well-formed: when the model rejects some items
(a phase with an impossible date, a target with a text threshold), the loader leaves those
items out and :class:`~emulation_rules.loading.LoadedPlan` says which; a check that needs a
whole list (the gaps between phases, the ids a deadline may name) does not judge a list with
an item left out, so that no problem is reported that fixing the others would not leave.

Besides errors, some checks give warnings (a plan that works but is probably not what its
document says: days in no phase, a report due before its phase ends, a label stating another
percentage). A plan acknowledges a warning its document justifies with ``acknowledge: [{code,
reason}]`` on the item where it is reported (or an item holding it); such a warning is still
reported, marked acknowledged, and an acknowledgement that matches no warning is itself one.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from functools import partial
from typing import TYPE_CHECKING, Any

from . import limits
from ._inert import shown
from .conditions import references, walk
from .errors import Issue, Severity, did_you_mean
from .i18n import Msg, literal, msg
from .model import (
    ISSUANCE,
    AllOf,
    AnyOf,
    AttestationCondition,
    CountCondition,
    Deadline,
    JudgementCondition,
    MetricCondition,
    Plan,
    RatioCondition,
    Text,
)
from .vocabulary import ATTESTATIONS, LEVEL_ORDER, METRICS

if TYPE_CHECKING:
    from .loading import LoadedPlan, _Tree

__all__ = ["Raised", "check_plan", "check_text"]

PathT = tuple[str | int, ...]
_Found = tuple[str, Msg, PathT, Msg | None]  # code, message, path, hint
Raised = tuple[Issue, PathT]
"""An issue and the path of its node in the resolved plan (before any item was left out): what
an acknowledgement is matched against."""


@dataclass(frozen=True)
class _Scope:
    """What a check reads: the (possibly partial) plan, where it came from, the date a draft
    is checked on."""

    loaded: LoadedPlan
    as_of: date | None = None

    @property
    def plan(self) -> Plan:
        return self.loaded.plan

    def whole(self, path: PathT) -> bool:
        """Nothing at or under ``path`` (of the plan checked) was left out."""
        return self.loaded.whole(path)

    def written_ids(self, key: str) -> set[str]:
        """The ids of the items of list ``key`` as resolved, those left out included: a
        reference to an item that is there but malformed is not a reference to nothing."""
        items = self.loaded.data.get(key) if isinstance(self.loaded.data, dict) else None
        return {item["id"] for item in items or () if isinstance(item, dict)
                and isinstance(item.get("id"), str)} if isinstance(items, list) else set()


def _cited(node: Any) -> bool:
    return getattr(node, "source", None) is not None or getattr(node, "policy", None) == "local"


def _check_required(scope: _Scope) -> Iterator[_Found]:
    plan = scope.plan
    if plan.template or not scope.whole(("template",)):
        return
    for key in ("issuer", "campaign"):
        if getattr(plan, key) is None and scope.whole((key,)):
            yield ("missing-key", msg("checks.required", key=key), (key,), None)
    if not plan.criteria and scope.whole(("criteria",)):
        yield ("missing-key", msg("checks.no-criteria"), ("criteria",), None)
    cycle = plan.campaign.review_cycle if plan.campaign is not None else None
    if not plan.phases and cycle is None and scope.whole(("phases",)) and scope.whole(
            ("campaign",)):
        yield ("missing-key", msg("checks.no-phases"), ("phases",), None)


def _check_citations(scope: _Scope) -> Iterator[_Found]:
    plan = scope.plan
    if plan.template or not scope.whole(("template",)):
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


def _check_vocabulary(scope: _Scope) -> Iterator[_Found]:
    plan = scope.plan
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


def _check_timeline(scope: _Scope) -> Iterator[_Found]:
    plan = scope.plan
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
        criteria = scope.written_ids("criteria")
        for crit in plan.scoring.points:
            if crit not in criteria:
                yield ("unknown-criterion", msg("checks.unknown-criterion", id=shown(crit)),
                       ("scoring", "points", crit), did_you_mean(crit, criteria))
    phase_ids = scope.written_ids("phases")
    for i, deadline in enumerate(plan.deadlines):
        if deadline.phase is not None and deadline.phase not in phase_ids:
            yield ("unknown-phase", msg("checks.unknown-phase", id=shown(deadline.phase)),
                   ("deadlines", i, "phase"), did_you_mean(deadline.phase, phase_ids))
        rec = deadline.recurrence
        if rec is not None and rec.until is not None and _concrete(rec.start) and (
                rec.until < rec.start):  # type: ignore[operator]
            yield ("recurrence-order", msg("checks.recurrence-order"),
                   ("deadlines", i, "recurrence", "until"), None)


def _last_day(deadline: Deadline) -> date | None:
    """The last day a dated obligation is on time ("trước ngày D": the day before D)."""
    if deadline.due is None:
        return None
    return deadline.due - timedelta(days=1) if deadline.relation == "before" else deadline.due


def _check_deadline_dates(scope: _Scope) -> Iterator[_Found]:
    """A deadline outside the campaign: before it starts, after it ends (a report on a phase
    may fall due after the end: the report on the last phase usually does), or a recurrence
    starting before it or running past it."""
    camp = scope.plan.campaign
    if camp is None:
        return
    cstart, cend = _concrete(camp.start), camp.end
    hint = msg("semantics.deadline.hint")
    for i, deadline in enumerate(scope.plan.deadlines):
        last, did = _last_day(deadline), shown(deadline.id)
        if last is not None and cstart is not None and last < cstart:
            yield ("deadline-outside-campaign",
                   msg("semantics.deadline.before-campaign", id=did, last=last, start=cstart),
                   ("deadlines", i, "due"), hint)
        elif last is not None and cend is not None and last > cend and deadline.phase is None:
            yield ("deadline-outside-campaign",
                   msg("semantics.deadline.after-campaign", id=did, last=last, end=cend),
                   ("deadlines", i, "due"), hint)
        rec = deadline.recurrence
        if rec is None:
            continue
        first = _concrete(rec.start)
        if first is not None and cstart is not None and first < cstart:
            yield ("deadline-outside-campaign",
                   msg("semantics.recurrence.before-campaign", id=did, day=first, start=cstart),
                   ("deadlines", i, "recurrence", "start"), hint)
        if rec.until is not None and cend is not None and rec.until > cend:
            yield ("deadline-outside-campaign",
                   msg("semantics.recurrence.after-campaign", id=did, day=rec.until, end=cend),
                   ("deadlines", i, "recurrence", "until"), hint)


def _check_limits(scope: _Scope) -> Iterator[_Found]:
    """The cost model's limits on one plan (:mod:`emulation_rules.limits`)."""
    plan = scope.plan
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


_CHECKS: tuple[Callable[[_Scope], Iterator[_Found]], ...] = (
    _check_limits,
    _check_required,
    _check_citations,
    _check_vocabulary,
    _check_timeline,
    _check_deadline_dates,
)
"""The checks that give errors: each yields (code, message, path, hint)."""


# --- warnings ----------------------------------------------------------------------------------

_DAY = timedelta(days=1)


def _gap(first: date, last: date) -> dict[str, object]:
    return {"days": (last - first).days + 1, "first": first, "last": last}


def _warn_gaps(scope: _Scope) -> Iterator[Raised]:
    """Days inside the campaign in no phase: before the first phase, between two, after the
    last. Not judged when a phase or the campaign was left out, nor for days before a phase
    that starts at the (blank) issue date: how many is not known."""
    plan, camp = scope.plan, scope.plan.campaign
    if camp is None or not plan.phases or not (scope.whole(("phases",))
                                               and scope.whole(("campaign",))):
        return
    hint = msg("semantics.gap.hint")
    phases = plan.phases
    first_start, cstart = _concrete(phases[0].start), _concrete(camp.start)
    if first_start is not None and cstart is not None and cstart < first_start:
        path: PathT = ("phases", 0, "start")
        yield Issue("phase-gap", msg("semantics.gap.before", phase=shown(phases[0].id),
                                     **_gap(cstart, first_start - _DAY)),
                    scope.loaded.location(path), hint, Severity.WARNING), path
    for i in range(1, len(phases)):
        start = _concrete(phases[i].start)
        if start is not None and start - _DAY > phases[i - 1].end:
            path = ("phases", i, "start")
            yield Issue("phase-gap", msg("semantics.gap.between",
                                         before=shown(phases[i - 1].id),
                                         after=shown(phases[i].id),
                                         **_gap(phases[i - 1].end + _DAY, start - _DAY)),
                        scope.loaded.location(path), hint, Severity.WARNING), path
    last = phases[-1]
    if camp.end is not None and last.end < camp.end:
        path = ("phases", len(phases) - 1, "end")
        yield Issue("phase-gap", msg("semantics.gap.after", phase=shown(last.id),
                                     **_gap(last.end + _DAY, camp.end)),
                    scope.loaded.location(path), hint, Severity.WARNING), path


def _warn_early_reports(scope: _Scope) -> Iterator[Raised]:
    """A report on a phase due before the phase ends (its last on-time day is earlier)."""
    phases = {p.id: p for p in scope.plan.phases}
    hint = msg("semantics.report-early.hint")
    for i, deadline in enumerate(scope.plan.deadlines):
        phase = phases.get(deadline.phase) if deadline.phase is not None else None
        last = _last_day(deadline)
        if phase is not None and last is not None and last < phase.end:
            path: PathT = ("deadlines", i, "due")
            yield Issue("report-before-phase-end",
                        msg("semantics.report-early", id=shown(deadline.id),
                            phase=shown(phase.id), last=last, end=phase.end),
                        scope.loaded.location(path), hint, Severity.WARNING), path


def _warn_ended_phases(scope: _Scope) -> Iterator[Raised]:
    """In a draft plan (draft: true), a phase that ended before the date it is checked on."""
    if not scope.plan.draft or scope.as_of is None:
        return
    for i, phase in enumerate(scope.plan.phases):
        if phase.end < scope.as_of:
            path: PathT = ("phases", i, "end")
            yield Issue("phase-already-ended",
                        msg("semantics.ended", id=shown(phase.id), end=phase.end,
                            as_of=scope.as_of),
                        scope.loaded.location(path), msg("semantics.ended.hint"),
                        Severity.WARNING), path


_PERCENT = re.compile(r"(?<![\d.,])(\d{1,3}(?:[.,]\d+)?)\s?%")
_MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august",
           "september", "october", "november", "december")
_MONTH = "(" + "|".join(_MONTHS) + ")"
_DATES: tuple[tuple[re.Pattern[str], tuple[int, int, int]], ...] = (
    # (pattern, the groups of day, month and year)
    (re.compile(r"(?<![\d/])(\d{1,2})/(\d{1,2})/(\d{4})(?![\d/])"), (1, 2, 3)),
    (re.compile(r"(?<![\d-])(\d{4})-(\d{2})-(\d{2})(?![\d-])"), (3, 2, 1)),
    (re.compile(r"ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})", re.IGNORECASE),
     (1, 2, 3)),
    (re.compile(r"(?<!\d)(\d{1,2})\s+" + _MONTH + r",?\s+(\d{4})", re.IGNORECASE), (1, 2, 3)),
    (re.compile(_MONTH + r"\s+(\d{1,2}),?\s+(\d{4})", re.IGNORECASE), (2, 1, 3)),
)
"""Dates a label may state: 19/5/2025, 2025-05-19, "ngày 19 tháng 5 năm 2025", "19 May 2025",
"May 19, 2025" (a day and month without a year are left alone)."""


def _number(text: str) -> int:
    return int(text) if text.isdigit() else _MONTHS.index(text.lower()) + 1


def _stated_dates(words: str) -> Iterator[tuple[str, date]]:
    """The dates a text states, each with its wording."""
    for pattern, (d, m, y) in _DATES:
        for found in pattern.finditer(words):
            try:
                day = date(_number(found.group(y)), _number(found.group(m)),
                           _number(found.group(d)))
            except ValueError:  # not a day of the calendar: no date is stated
                continue
            yield found.group(0), day


def _percent(value: float) -> str:
    shown_value = f"{value * 100:.4f}".rstrip("0").rstrip(".")
    return f"{value:g} ({shown_value}%)"


def _thresholds(conditions: Iterable[Any]) -> list[float]:
    """The thresholds of every ratio in ``conditions``."""
    return [node.threshold for cond in conditions for node, _ in walk(cond)
            if isinstance(node, RatioCondition)]


def _label_issue(scope: _Scope, message: Msg, at: PathT, item: PathT) -> Raised:
    """A label that says otherwise than its value: at the label, or, when the label is
    inherited from another file while the value is written in this one, at the item in this
    file, with a hint to write the item's own label here (the inherited file is not the one
    to correct)."""
    loc = scope.loaded.location(at)
    own = str(scope.loaded.path)
    if loc.file != own:
        here = scope.loaded.location(item)
        if here.file == own:
            return (Issue("label-mismatch", message, here,
                          msg("semantics.label.hint-inherited", file=shown(loc.file)),
                          Severity.WARNING), item)
    return Issue("label-mismatch", message, loc, msg("semantics.label.hint"),
                 Severity.WARNING), at


def _label_percents(scope: _Scope, label: Text, path: PathT, what: Msg,
                    conditions: Iterable[Any]) -> Iterator[Raised]:
    """A percentage a label states that no threshold of its conditions has (said once per
    label, whichever of its languages says it first)."""
    thresholds = _thresholds(conditions)
    if not thresholds:  # no share is encoded: nothing to compare a percentage with
        return
    for lang in ("vi", "en"):
        for found in _PERCENT.finditer(getattr(label, lang)):
            stated = float(found.group(1).replace(",", "."))
            if not any(abs(stated - t * 100) < 1e-6 for t in thresholds):
                yield _label_issue(scope, msg(
                    "semantics.label.percent", what=what, stated=shown(found.group(0)),
                    encoded=", ".join(_percent(t) for t in sorted(set(thresholds)))),
                    (*path, "label", lang), path)
                return


def _label_dates(scope: _Scope, label: Text, path: PathT, allowed: set[date],
                 message: Callable[[str], Msg], key: str = "label") -> Iterator[Raised]:
    """A date a label states that is none of ``allowed`` (said once per label); ``message``
    words it."""
    for lang in ("vi", "en"):
        for wording, day in _stated_dates(getattr(label, lang)):
            if day not in allowed:
                yield _label_issue(scope, message(shown(wording)), (*path, key, lang), path)
                return


def _warn_labels(scope: _Scope) -> Iterator[Raised]:
    """A label stating a percentage no ratio of its condition has, or a date that is not one
    of its item's (a phase's start or end, a deadline's date, the campaign's start or end)."""
    plan = scope.plan
    for i, crit in enumerate(plan.criteria):
        yield from _label_percents(scope, crit.label, ("criteria", i),
                                   msg("semantics.what.criterion", id=shown(crit.id)),
                                   [t.condition for t in crit.targets])
        for j, target in enumerate(crit.targets):
            yield from _label_percents(scope, target.label, ("criteria", i, "targets", j),
                                       msg("semantics.what.target", id=shown(target.id)),
                                       [target.condition])
    for i, award in enumerate(plan.awards):
        for j, standard in enumerate(award.standards):
            for k, cond in enumerate(standard.conditions):
                if isinstance(cond, MetricCondition):
                    yield from _label_percents(
                        scope, cond.label, ("awards", i, "standards", j, "conditions", k),
                        msg("semantics.what.condition", id=shown(cond.id)), [cond.condition])
    for i, phase in enumerate(plan.phases):
        ends = {phase.end} | ({phase.start} if isinstance(phase.start, date) else set())
        yield from _label_dates(scope, phase.label, ("phases", i), ends, partial(
            _phase_date, shown(phase.id), phase.end))
    for i, deadline in enumerate(plan.deadlines):
        if deadline.due is not None:  # a recurring one states months, not a date
            days = {deadline.due, *filter(None, [_last_day(deadline)])}
            yield from _label_dates(scope, deadline.label, ("deadlines", i), days, partial(
                _deadline_date, shown(deadline.id), deadline.due))
    camp = plan.campaign
    if camp is not None and camp.end is not None:
        days = {d for d in (_concrete(camp.start), camp.end) if d is not None}
        yield from _label_dates(scope, camp.name, ("campaign",), days, partial(
            _campaign_date, camp.end), key="name")


def _phase_date(phase: str, end: date, stated: str) -> Msg:
    return msg("semantics.label.phase-date", id=phase, stated=stated, end=end)


def _deadline_date(deadline: str, due: date, stated: str) -> Msg:
    return msg("semantics.label.deadline-date", id=deadline, stated=stated, due=due)


def _campaign_date(end: date, stated: str) -> Msg:
    return msg("semantics.label.campaign-date", stated=stated, end=end)


# an award condition that can never hold: the values each count or share can take, narrowed
# by its comparisons (an interval: low, low included, high, high included; None: unbounded)
_Interval = tuple[float, bool, float | None, bool]


def _narrow(span: _Interval, comparator: str, threshold: float) -> _Interval:
    low, low_in, high, high_in = span
    if comparator in ("gt", "gte", "eq") and (threshold > low or (
            threshold == low and comparator == "gt")):
        low, low_in = threshold, comparator != "gt"
    if comparator in ("lt", "lte", "eq") and (high is None or threshold < high or (
            threshold == high and comparator == "lt")):
        high, high_in = threshold, comparator != "lt"
    return low, low_in, high, high_in


def _empty(span: _Interval, whole: bool) -> bool:
    low, low_in, high, high_in = span
    if high is None:
        return False
    if whole:  # counts are whole numbers: (2, 3) holds none
        first = int(low) + 1 if not low_in or low != int(low) else int(low)
        last = int(high) - 1 if not high_in and high == int(high) else int(high)
        return first > last
    return low > high or (low == high and not (low_in and high_in))


def _never(cond: Any) -> Msg | None:
    """Why ``cond`` can never hold, or None when some figures meet it."""
    if isinstance(cond, AnyOf):
        reasons = [_never(c) for c in cond.any_of]
        return reasons[0] if all(reasons) else None
    parts = cond.all_of if isinstance(cond, AllOf) else (cond,)
    spans: dict[tuple[str, ...], _Interval] = {}
    for part in parts:
        if isinstance(part, AllOf | AnyOf):
            reason = _never(part)
            if reason is not None:
                return reason
            continue
        if isinstance(part, CountCondition):
            key: tuple[str, ...] = (part.metric,)
            start: _Interval = (0, True, None, False)
        elif isinstance(part, RatioCondition):
            if part.when_no_cases is not None and part.when_no_cases.verdict == "met":
                continue  # met whenever there were no cases
            key, start = (part.numerator, part.denominator), (0, True, 1, True)
        else:
            continue  # an attestation: anything can be attested
        whole = isinstance(part, CountCondition)
        spans[key] = _narrow(spans.get(key, start), part.comparator, part.threshold)
        if _empty(spans[key], whole):
            what = shown("/".join(key))
            if not _empty(_narrow(start, part.comparator, part.threshold), whole):
                return msg("semantics.never.contradiction", what=what)
            return msg("semantics.never.count-below-zero", metric=what) if whole else msg(
                "semantics.never.share-outside", ratio=what)
    return None


def _occasions(plan: Plan) -> dict[str, bool]:
    """Which review occasions the plan holds (phase reviews need phases; a final review an
    end date; yearly and stage reviews an open-ended movement)."""
    camp = plan.campaign
    open_ended = camp is not None and camp.end is None
    return {"phase_review": bool(plan.phases), "final_review": not open_ended,
            "yearly_review": open_ended, "stage_review": open_ended}


def _warn_awards(scope: _Scope) -> Iterator[Raised]:
    """An award tier with no way to be met: no standard, a standard with no condition, a
    condition that can never hold, or only occasions the plan never holds."""
    plan = scope.plan
    hint = msg("semantics.award.hint")
    held = _occasions(plan)
    judge_occasions = plan.campaign is not None and scope.whole(("campaign",)) and scope.whole(
        ("phases",))
    for i, award in enumerate(plan.awards):
        apath: PathT = ("awards", i)
        aid = shown(award.id)
        if not award.standards and scope.whole(apath):
            yield Issue("unreachable-award", msg("semantics.award.no-standard", award=aid),
                        scope.loaded.location(apath), hint, Severity.WARNING), apath
        if judge_occasions and not any(held[o] for o in award.occasions):
            at: PathT = (*apath, "occasions")
            yield Issue("unreachable-award",
                        msg("semantics.award.never-reviewed", award=aid,
                            occasions=", ".join(award.occasions)),
                        scope.loaded.location(at), hint, Severity.WARNING), at
        for j, standard in enumerate(award.standards):
            spath: PathT = (*apath, "standards", j)
            if not standard.conditions and scope.whole(spath):
                yield Issue("unreachable-award",
                            msg("semantics.award.no-condition", award=aid,
                                standard=shown(standard.id)),
                            scope.loaded.location(spath), hint, Severity.WARNING), spath
            for k, cond in enumerate(standard.conditions):
                why = _never(cond.condition) if isinstance(cond, MetricCondition) else None
                if why is not None:
                    at = (*spath, "conditions", k, "condition")
                    yield Issue("unreachable-award",
                                msg("semantics.award.never-holds", award=aid,
                                    condition=shown(cond.id), why=why),
                                scope.loaded.location(at), hint, Severity.WARNING), at


_WARNINGS: tuple[Callable[[_Scope], Iterator[Raised]], ...] = (
    _warn_gaps,
    _warn_early_reports,
    _warn_ended_phases,
    _warn_labels,
    _warn_awards,
)
"""The checks that give warnings: each yields an issue with its path in the plan checked."""


# --- text anywhere: control characters, placeholders, numbers YAML tools read differently ---

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
"""Control characters (Unicode category Cc) but the line break and the tab."""
_INVISIBLE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b-\u200f\u2028-\u202e"
                        r"\u2060-\u2069\ufeff]")
"""The same, and the invisible characters a copy from another document leaves in a text:
zero-width spaces and joiners, direction marks and overrides (which make a text read
otherwise than it is stored), line and paragraph separators, a byte order mark. Checked in
every text but an ``id`` (the model's pattern of ids reports those there, with the id to
write instead)."""
_PLACEHOLDER = re.compile(r"^\s*<[^<>]+>\s*$")
"""A placeholder: a text wholly enclosed in < and > ("<ngày kết thúc>"), as
``emulation-rules new`` writes them."""
_KEY = re.compile(r"""(?:"(?:[^"\\]|\\.)*"|'(?:[^']|'')*'|[^\s:"'#,\[\]{}][^:#]*?)\s*:(?:\s+|$)""")
_TOKEN = re.compile(r"[^\s,\[\]{}#]+")
_UNDERSCORED = re.compile(r"^[-+]?[0-9][0-9_]*(?:\.[0-9_]*)?$")
_SEXAGESIMAL = re.compile(r"^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?$")


def _plain(value: float) -> str:
    return str(int(value)) if isinstance(value, float) and value.is_integer() else str(value)


def _number_form(written: str, value: Any) -> tuple[str, dict[str, object]] | None:
    """How a plain scalar written ``written`` (read as ``value``) reads differently: its kind
    and the message's fields, or None when it is a plain decimal number or text."""
    sign, bare = ("-" if written.startswith("-") else ""), written.lstrip("+-")
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, int):
        if bare.startswith("0x"):
            return "hex", {"value": value}
        if bare.startswith("0o"):
            return "octal", {"value": value}
        if len(bare) > 1 and bare.startswith("0"):
            if re.fullmatch(r"[0-7]+", bare) is None:  # 08, 09: text in YAML 1.1
                return "leading-zero", {"value": value, "other": msg(
                    "semantics.number.the-text", text=shown(written))}
            octal = int(sign + bare, 8)
            # 01 to 07 read alike in YAML 1.1 and 1.2 ("ít nhất 01"): nothing to say
            return None if octal == value else ("leading-zero", {
                "value": value, "other": literal(str(octal))})
        if written.startswith("+"):
            return "plus", {"value": value}
        return None
    if isinstance(value, float):
        if "e" in bare.lower() and "inf" not in bare.lower():
            return "exponent", {"value": _plain(value)}
        if written.startswith("+"):
            return "plus", {"value": _plain(value)}
        return None
    if isinstance(value, str):
        if "_" in written and _UNDERSCORED.match(written):
            return "underscore", {"other": _plain(float(written.replace("_", "")))}
        if _SEXAGESIMAL.match(written):
            total = 0.0
            for part in bare.replace("_", "").split(":"):
                total = total * 60 + float(part)
            return "sexagesimal", {"other": sign + _plain(total)}
    return None


class _Sources:
    """The text of each file of a resolved plan, by line, to read a scalar as written."""

    def __init__(self, texts: Mapping[str, str]) -> None:
        self._texts = texts
        self._lines: dict[str, list[str]] = {}

    def written(self, tree: _Tree, path: PathT) -> str | None:
        """A scalar as written in its file (quotes included), or None when it is not on the
        line of its key (or item)."""
        loc = tree.locs.get(path)
        if loc is None or not loc.line or loc.file not in self._texts:
            return None
        if loc.file not in self._lines:
            self._lines[loc.file] = self._texts[loc.file].splitlines()
        lines = self._lines[loc.file]
        if loc.line > len(lines):
            return None
        rest = lines[loc.line - 1][loc.column - 1:]
        if isinstance(path[-1], str):  # a mapping's key: its value follows the colon
            key = _KEY.match(rest)
            if key is None:
                return None
            rest = rest[key.end():]
        token = _TOKEN.match(rest)
        return token.group(0) if token else None


def check_text(tree: _Tree) -> list[Raised]:
    """Every text of a resolved plan, before the model reads it: a control character or a
    placeholder (errors), a number written in a form YAML tools read differently (a warning,
    saying what was read)."""
    out: list[Raised] = []
    sources = _Sources(tree.texts)
    stack: list[tuple[PathT, Any]] = [((), tree.data)]
    while stack:
        path, value = stack.pop()
        if isinstance(value, dict):
            stack.extend(((*path, k), v) for k, v in value.items())
            continue
        if isinstance(value, list):
            stack.extend(((*path, i), v) for i, v in enumerate(value))
            continue
        if isinstance(value, str):
            control = (_CONTROL if path[-1:] == ("id",) else _INVISIBLE).search(value)
            if control is not None:
                out.append((Issue("control-character",
                                  msg("semantics.control", char=shown(control.group(0)),
                                      position=control.start() + 1, text=shown(value, 60)),
                                  tree.location(path), msg("semantics.control.hint")), path))
                continue
            if _PLACEHOLDER.match(value):
                out.append((Issue("placeholder", msg("semantics.placeholder",
                                                     value=shown(value.strip())),
                                  tree.location(path), msg("semantics.placeholder.hint")),
                            path))
                continue
            if not (("_" in value or ":" in value) and value[:1] in "+-0123456789"):
                continue  # cannot be a number YAML 1.1 reads
        if not path or isinstance(value, bool) or not isinstance(value, int | float | str):
            continue
        written = sources.written(tree, path)
        form = _number_form(written, value) if written and written[0] not in "\"'" else None
        if form is not None:
            kind, fields = form
            plain = fields.get("other") if kind in ("underscore", "sexagesimal") else fields.get(
                "value")
            hint = (msg("semantics.number.quote-hint", written=shown(written))
                    if kind == "sexagesimal" else
                    msg("semantics.number.hint", plain=shown(plain), written=shown(written)))
            out.append((Issue("ambiguous-number",
                              msg(f"semantics.number.{kind}", written=shown(written),
                                  **{k: v if isinstance(v, Msg) else shown(v)
                                     for k, v in fields.items()}),
                              tree.location(path), hint, Severity.WARNING), path))
    return out


# --- acknowledgements ---------------------------------------------------------------------------


def _entries(node: Any) -> list[tuple[int, str, str]]:
    """The well-formed acknowledgements of a node of the data: (index, code, reason)."""
    found = node.get("acknowledge") if isinstance(node, dict) else None
    if not isinstance(found, list):
        return []
    return [(k, e["code"], e["reason"]) for k, e in enumerate(found) if isinstance(e, dict)
            and isinstance(e.get("code"), str) and isinstance(e.get("reason"), str)]


def _node(data: Any, path: PathT) -> Any:
    for part in path:
        if isinstance(data, dict) and isinstance(part, str):
            data = data.get(part)
        elif isinstance(data, list) and isinstance(part, int) and 0 <= part < len(data):
            data = data[part]
        else:
            return None
    return data


def _acknowledged(loaded: LoadedPlan, raised: Iterable[Raised]) -> list[Issue]:
    """The issues, each warning an item acknowledges (the item it is reported at, or the
    nearest holding it, with an entry of its code) marked so; and, when the plan has no
    error, a warning for each acknowledgement that matches none."""
    data = loaded.data
    used: set[tuple[PathT, int]] = set()
    out: list[Issue] = []
    for issue, at in raised:
        if issue.severity is Severity.WARNING:
            for depth in range(len(at), -1, -1):
                holder = at[:depth]
                hit = next(((k, reason) for k, code, reason in _entries(_node(data, holder))
                            if code == issue.code), None)
                if hit is not None:
                    used.add((holder, hit[0]))
                    issue = issue.acknowledged(hit[1])
                    break
        out.append(issue)
    if not loaded.complete or any(i.severity is Severity.ERROR for i in out):
        return out  # judged once the plan has no error: a check an error stops is not unused
    stack: list[tuple[PathT, Any]] = [((), data)]
    while stack:
        path, node = stack.pop()
        if isinstance(node, dict):
            for k, code, _ in _entries(node):
                if (path, k) not in used:
                    where = loaded.location((*path, "acknowledge", k))
                    out.append(Issue("unused-acknowledgement",
                                     msg("semantics.unused", code=shown(code)), where,
                                     msg("semantics.unused.hint"), Severity.WARNING))
            stack.extend(((*path, key), v) for key, v in node.items() if key != "acknowledge")
        elif isinstance(node, list):
            stack.extend(((*path, i), v) for i, v in enumerate(node))
    return out


def check_plan(loaded: LoadedPlan, *, as_of: date | None = None,
               raised: Iterable[Raised] = ()) -> list[Issue]:
    """Run every semantic check on a loaded plan; issues are located in their files.

    ``as_of`` is the date a draft plan is checked on (none: its phases are not compared with
    any date); ``raised`` are issues found before (:func:`check_text`), acknowledged here
    with the rest."""
    scope = _Scope(loaded, as_of)
    found: list[Raised] = list(raised)
    plan = loaded.plan
    if plan.id != loaded.path.stem and scope.whole(("id",)):
        found.append((Issue("id-mismatch", msg("checks.id-mismatch", id=shown(plan.id),
                                               file=shown(loaded.path.name)),
                            loaded.location(("id",)),
                            msg("checks.id-mismatch.hint", stem=shown(loaded.path.stem))),
                      ("id",)))
    for check in _CHECKS:
        for code, message, path, hint in check(scope):
            found.append((Issue(code, message, loaded.location(path), hint),
                          loaded.origin(path)))
    for warn in _WARNINGS:
        for issue, path in warn(scope):
            found.append((issue, loaded.origin(path)))
    return _acknowledged(loaded, found)
