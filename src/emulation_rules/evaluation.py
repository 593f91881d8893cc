"""Apply a plan to unit metrics: ``evaluate(plan, records, units=..., issued=..., as_of=...)``.

Pure: reads no clock and no file. The plan is compiled once (:mod:`emulation_rules.criteria`)
into closures; records stream in and are kept per unit and period (memory grows with units and
their periods, never by re-reading). For every unit and window (each phase, then the whole
campaign) each target gets a verdict with its observed value, threshold, comparator, margin,
the periods used and missing, and the source citation.

Rules (docs/evaluation.md): counts are summed over the window's periods before comparing, a
ratio is the sum of numerators over the sum of denominators; a per-month target must hold in
every month of the window; a month belongs to the phase the plan's straddling-month rule says;
an expected period with no data makes the verdict unknown; a target stated for an area
(``level: commune``) sums the counts of the commune and of its teams (from the units tree).
"""

from __future__ import annotations

import hashlib
import json
import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any, NamedTuple

from .criteria import Check, Outcome, Verdict, compile_condition, metrics_of
from .diffing import plan_data
from .errors import EmulationRulesError
from .kernel import Kernel, compile_kernel
from .model import AttestationCondition, MetricCondition, Plan, RatioCondition, Target
from .timeline import Timeline
from .vocabulary import METRICS

__all__ = [
    "CriterionResult",
    "Evaluation",
    "OutsidePeriod",
    "Record",
    "TargetResult",
    "UnitInfo",
    "UnitResult",
    "UnsupportedPlanError",
    "compile_plan",
    "evaluate",
    "months_of_period",
    "plan_hash",
]

CAMPAIGN = "campaign"


class UnsupportedPlanError(EmulationRulesError):
    """The plan is valid but this version cannot evaluate it (no phases to evaluate over)."""


@dataclass(frozen=True)
class UnitInfo:
    """A unit of the units tree: team -> commune -> district -> province."""

    id: str
    name: str = ""
    kind: str = "team"
    bloc: str = ""
    parent: str = ""
    categories: tuple[str, ...] = ()
    """Award categories beyond the kind: for a person ``armed_forces_or_employee`` or
    ``other_person``, and ``head_of_unit`` for the head of an agency, unit or locality."""


@dataclass(frozen=True)
class Record:
    """One unit's counts for one period (``2025-03`` for a month)."""

    unit: str
    period: str
    values: dict[str, int | None]
    row: int = 0


_Row = tuple[int | None, ...]
"""One unit's values for one period, in the order of the metrics being evaluated."""


_REASONS = {
    "no-window": "is in no window",
    "spans-phases": "covers months of two phases (a phase's sum cannot split it)",
    "spans-years": "covers months of two years (a year's sum cannot split it)",
    "area-sum": "covers several months of a unit whose targets sum its teams' monthly rows",
    "partly-outside": "covers months outside every window as well as months inside",
    "per-month": "covers several months of a unit whose targets all hold month by month",
    "no-target": "is for a unit that no target of the plan applies to",
    "overlap": "covers a month that another row of the unit covers too",
}


class OutsidePeriod(NamedTuple):
    """Rows not evaluated because of their period: counted per period, not kept."""

    period: str
    rows: int
    first_row: int
    """The first such row of the input (0 for records not read from a file)."""
    first_unit: str
    reason: str = "no-window"
    """Why the rows were not evaluated: a key of ``_REASONS`` (see :attr:`why`)."""

    @property
    def why(self) -> str:
        return _REASONS[self.reason]


class _Outside:
    """Counts rows not evaluated per period and reason: memory stays flat as they grow."""

    __slots__ = ("_by_period",)

    def __init__(self) -> None:
        self._by_period: dict[tuple[str, str], list[Any]] = {}

    def add(self, rec: Record, reason: str = "no-window") -> None:
        key = (rec.period, reason)
        seen = self._by_period.get(key)
        if seen is None:
            self._by_period[key] = [1, rec.row, rec.unit]
        else:
            seen[0] += 1
            if rec.row < seen[1]:  # report the first row of the input, whatever the order
                seen[1], seen[2] = rec.row, rec.unit

    def periods(self) -> tuple[OutsidePeriod, ...]:
        return tuple(OutsidePeriod(p, n, row, unit, reason)
                     for (p, reason), (n, row, unit) in sorted(self._by_period.items()))


class TargetResult(NamedTuple):
    """One target's verdict for one unit and window, with what explains it."""

    criterion: str
    target: str
    level: str
    per: str
    verdict: str
    observed: float | int | None
    comparator: str
    threshold: float | int | None
    margin: float | int | None
    periods: tuple[str, ...]
    missing_periods: tuple[str, ...]
    section: str | None
    quote: str | None
    no_cases: bool = False
    policy: str | None = None
    failed_periods: tuple[str, ...] = ()


class _ByKey:
    """Equality and hash by ``_key()``, for the result classes (values, not identities)."""

    __slots__ = ()

    def _key(self) -> tuple[Any, ...]:
        raise NotImplementedError

    def __eq__(self, other: object) -> bool:
        if type(other) is not type(self):
            return NotImplemented
        return self._key() == other._key()

    def __hash__(self) -> int:
        return hash(self._key())


class CriterionResult(_ByKey):
    """One criterion's verdict for one unit and window, and the targets that explain it.

    The verdict is computed eagerly (by the plan's compiled kernel); the per-target explanation
    is built on first access of :attr:`targets`, once per unit and window, so that evaluating
    many units costs verdicts, not explanations nobody reads.
    """

    __slots__ = ("_slot", "_targets", "criterion", "verdict")

    def __init__(self, criterion: str, verdict: str,
                 targets: tuple[TargetResult, ...] | _UnitVerdicts, slot: int = 0) -> None:
        self.criterion = criterion
        self.verdict = verdict
        self._targets = targets
        self._slot = slot

    @property
    def targets(self) -> tuple[TargetResult, ...]:
        targets = self._targets
        if isinstance(targets, tuple):
            return targets
        return targets.targets(self._slot, self.criterion)

    def _key(self) -> tuple[str, str, tuple[TargetResult, ...]]:
        return self.criterion, self.verdict, self.targets

    def __repr__(self) -> str:
        return (f"CriterionResult(criterion={self.criterion!r}, verdict={self.verdict!r}, "
                f"targets={self.targets!r})")


class UnitResult(_ByKey):
    """One unit's verdicts for one window (a phase, the campaign, or a yearly review).

    ``complete`` is False while the window is still running on the as-of date. ``criteria``
    holds one :class:`CriterionResult` per criterion, in the plan's order; for an evaluation of
    many units they are built from the compact verdicts when read.
    """

    __slots__ = ("_criteria", "_slot", "complete", "unit", "window")

    def __init__(self, unit: str, window: str, complete: bool,
                 criteria: tuple[CriterionResult, ...] | _UnitVerdicts, slot: int = 0) -> None:
        self.unit = unit
        self.window = window
        self.complete = complete
        self._criteria = criteria
        self._slot = slot

    @property
    def criteria(self) -> tuple[CriterionResult, ...]:
        criteria = self._criteria
        if isinstance(criteria, tuple):
            return criteria
        return criteria.criteria(self._slot)

    def _key(self) -> tuple[str, str, bool, tuple[CriterionResult, ...]]:
        return self.unit, self.window, self.complete, self.criteria

    def __repr__(self) -> str:
        return (f"UnitResult(unit={self.unit!r}, window={self.window!r}, "
                f"complete={self.complete!r}, criteria={self.criteria!r})")


@dataclass(frozen=True)
class Evaluation:
    plan_id: str
    plan_hash: str
    issued: date | None
    as_of: date
    windows: tuple[str, ...]
    results: tuple[UnitResult, ...]
    rows_total: int = 0
    rows_used: int = 0
    rejected: tuple[Any, ...] = field(default=())
    outside: tuple[OutsidePeriod, ...] = field(default=())
    """Per period in no window (before the campaign, after as-of, in no phase): how many rows,
    and the first of them."""

    def summary(self) -> dict[str, dict[str, dict[str, int]]]:
        """Per window, per criterion: how many units met, did not meet, or are unknown."""
        out: dict[str, dict[str, Counter[str]]] = {}
        for res in self.results:
            for crit in res.criteria:
                out.setdefault(res.window, {}).setdefault(crit.criterion, Counter())[
                    crit.verdict] += 1
        return {w: {c: {k: counts.get(k, 0) for k in ("met", "not_met", "unknown")}
                     for c, counts in crits.items()} for w, crits in out.items()}

    def for_unit(self, unit: str) -> list[UnitResult]:
        return [r for r in self.results if r.unit == unit]


@dataclass(frozen=True)
class _Compiled:
    criterion: str
    target: Target
    check: Check
    metrics: tuple[str, ...]
    threshold: float | int | None
    comparator: str
    section: str | None = None
    quote: str | None = None


def compile_plan(plan: Plan) -> list[_Compiled]:
    """Every target of the plan as a closure, compiled once."""
    out = []
    for crit in plan.criteria:
        for target in crit.targets:
            cond = target.condition
            threshold = getattr(cond, "threshold", None)
            comparator = getattr(cond, "comparator", "any_of" if hasattr(cond, "any_of")
                                 else "all_of")
            src = target.source
            out.append(_Compiled(crit.id, target, compile_condition(cond),
                                 tuple(metrics_of(cond)), threshold, comparator,
                                 src.section if src else None, src.quote if src else None))
    return out


def ratio_pairs(plan: Plan) -> list[tuple[str, str]]:
    """(numerator, denominator) pairs: a row with numerator > denominator contradicts itself."""
    pairs = []
    for crit in plan.criteria:
        for target in crit.targets:
            if isinstance(target.condition, RatioCondition):
                pairs.append((target.condition.numerator, target.condition.denominator))
    return list(dict.fromkeys(pairs))


def plan_hash(plan: Plan) -> str:
    """sha256 of the resolved plan's canonical JSON: which rules produced a result."""
    text = json.dumps(plan_data(plan), sort_keys=True, ensure_ascii=False,
                      separators=(",", ":"))
    return "sha256:" + hashlib.sha256(text.encode("utf-8")).hexdigest()


MAX_SPAN_MONTHS = 12
"""The longest row for several months: a year's worth (longer spans are refused as periods)."""

_PERIOD = re.compile(r"^(\d{4})(?:-(\d{2})(?:\.\.(\d{4})-(\d{2}))?)?$")


def months_of_period(period: str) -> tuple[str, ...]:
    """The months a normalised period covers: ``2025-03``; ``2024-10..2024-12`` (a span of at
    most :data:`MAX_SPAN_MONTHS`); ``2026`` (a year: its twelve months). Anything else, a
    reversed span or a longer one, covers no month: ``()``."""
    m = _PERIOD.match(period)
    if m is None:
        return ()
    year, month, year2, month2 = m.groups()
    if month is None:
        return tuple(f"{year}-{k:02d}" for k in range(1, 13))
    start = int(year) * 12 + int(month) - 1
    end = start if year2 is None else int(year2) * 12 + int(month2) - 1
    if not 1 <= int(month) <= 12 or (month2 is not None and not 1 <= int(month2) <= 12):
        return ()
    if not 0 <= end - start < MAX_SPAN_MONTHS:
        return ()
    return tuple(f"{k // 12:04d}-{k % 12 + 1:02d}" for k in range(start, end + 1))


def _month(period: str) -> tuple[int, int]:
    year, month = period.split("-")
    return int(year), int(month)


class _Windows:
    """Which windows a period belongs to, and which periods each window expects."""

    def __init__(self, tl: Timeline, as_of: date) -> None:
        self.expected: dict[str, list[str]] = {}
        self.complete: dict[str, bool] = {}
        last = f"{as_of.year:04d}-{as_of.month:02d}"
        campaign: list[str] = []
        for phase in tl.phases:
            months = [m for m in tl.months_of_phase(phase.id) if m <= last]
            self.expected[phase.id] = months
            self.complete[phase.id] = phase.end <= as_of
            campaign += months
        self.expected[CAMPAIGN] = campaign
        self.complete[CAMPAIGN] = tl.end is not None and tl.end <= as_of
        self.of_period = {m: [w for w, ms in self.expected.items() if m in ms]
                          for m in campaign}
        self.periods = {w: tuple(ms) for w, ms in self.expected.items()}


class _ForKind(NamedTuple):
    """What one kind of unit is evaluated on: its targets, the metrics they read, the kernel."""

    applicable: tuple[_Compiled, ...]
    needed: tuple[str, ...]
    criteria: tuple[str, ...]
    kernel: Kernel


class _UnitVerdicts:
    """One unit's verdicts for every window, compact; explanations built on first request.

    Holding the verdicts as one tuple of strings per unit (instead of an object per unit,
    window and criterion) keeps the evaluation of many units light for the garbage collector.
    """

    __slots__ = ("_done", "_for", "_if_missing", "_rows", "_spans", "_verdicts", "_windows")

    def __init__(self, for_kind: _ForKind, rows: Mapping[str, _Row | None],
                 verdicts: tuple[str, ...], windows: Sequence[tuple[str, ...]],
                 if_missing: Verdict, spans: Sequence[_Span] | None = None) -> None:
        self._for, self._rows, self._verdicts = for_kind, rows, verdicts
        self._windows, self._if_missing, self._spans = windows, if_missing, spans
        self._done: dict[int, dict[str, tuple[TargetResult, ...]]] = {}

    def criteria(self, slot: int) -> tuple[CriterionResult, ...]:
        names = self._for.criteria
        base = slot * len(names)
        verdicts = self._verdicts
        return tuple([CriterionResult(name, verdicts[base + k], self, slot)
                      for k, name in enumerate(names)])

    def targets(self, slot: int, criterion: str) -> tuple[TargetResult, ...]:
        done = self._done.get(slot)
        if done is None:
            window, needed = self._windows[slot], self._for.needed
            rows: dict[str, Mapping[str, int | None] | None] = {
                p: None if (row := self._rows.get(p)) is None else dict(zip(needed, row,
                                                                            strict=True))
                for p in window}
            extra: list[Mapping[str, int | None]] = []
            spanned: set[str] = set()
            if self._spans is not None:
                in_window = set(window)
                for months, values in self._spans:
                    if in_window.issuperset(months):
                        extra.append(dict(zip(needed, values, strict=True)))
                        spanned.update(months)
            missing = tuple(p for p in window if rows[p] is None and p not in spanned)
            no_month = tuple(p for p in window if p in spanned)
            sums = _window_sums(needed, [*(rows[p] for p in window), *extra])
            crits: dict[str, list[TargetResult]] = {}
            for comp in self._for.applicable:
                crits.setdefault(comp.criterion, []).append(_target_result(
                    comp, window, missing, rows, sums, self._if_missing, no_month))
            done = self._done[slot] = {c: tuple(trs) for c, trs in crits.items()}
        return done[criterion]


def evaluate(plan: Plan, records: Iterable[Record], *, units: Sequence[UnitInfo] | None = None,
             issued: date | None = None, as_of: date) -> Evaluation:
    """Evaluate every unit of ``records`` against ``plan`` for each phase and the campaign.

    ``records`` may be any iterable (a generator streams). Records for periods outside the
    campaign (or after ``as_of``) are not evaluated; callers that read files account for them.
    Verdicts are computed for every unit, window and criterion; each criterion's per-target
    explanation is built when first read (:attr:`CriterionResult.targets`).
    """
    tl = plan.timeline(issued, as_of=as_of)
    if not tl.phases:
        return _evaluate_yearly(plan, tl, records, units, as_of)
    compiled = compile_plan(plan)
    windows = _Windows(tl, as_of)
    window_ids = (*(p.id for p in tl.phases), CAMPAIGN)
    periods = tuple(dict.fromkeys(windows.periods[CAMPAIGN]))
    position = {p: i for i, p in enumerate(periods)}
    layout = [tuple(position[p] for p in windows.periods[w]) for w in window_ids]
    if_missing: Verdict = plan.missing_period.verdict if plan.missing_period else "unknown"
    # one row per unit and period of the windows, as a tuple over the plan's metrics
    columns = tuple(sorted({m for c in compiled for m in c.metrics}))
    column = {m: i for i, m in enumerate(columns)}
    data: dict[str, dict[str, _Row]] = {}
    outside = _Outside()
    in_window = windows.of_period
    phase_of = {m: p.id for p in tl.phases for m in windows.expected[p.id]}
    spans: dict[str, list[tuple[tuple[str, ...], str, _Row, Record]]] = {}
    for rec in records:
        if rec.period in in_window:
            unit_rows = data.get(rec.unit)
            if unit_rows is None:
                unit_rows = data[rec.unit] = {}
            unit_rows[rec.period] = tuple(map(rec.values.get, columns))
        elif ".." in rec.period:  # a row for several months: usable inside one phase
            months = months_of_period(rec.period)
            phases = {phase_of.get(m) for m in months}
            if not months:  # not a span this version reads: no window can hold it
                outside.add(rec)
            elif len(phases) == 1 and None not in phases:
                spans.setdefault(rec.unit, []).append(
                    (months, phases.pop() or "", tuple(map(rec.values.get, columns)), rec))
            elif None not in phases:
                outside.add(rec, "spans-phases")
            else:
                outside.add(rec, "partly-outside" if len(phases) > 1 else "no-window")
        else:
            outside.add(rec)
    info = {u.id: u for u in units or ()}
    children: dict[str, list[str]] = {}
    for u in units or ():
        if u.parent:
            children.setdefault(u.parent, []).append(u.id)
    evaluated = sorted(info) if units else sorted(data.keys() | spans.keys())
    kinds: dict[str | None, _ForKind | None] = {}
    results: list[UnitResult] = []
    complete = [windows.complete[w] for w in window_ids]
    slots = [(w, complete[n]) for n, w in enumerate(window_ids)]
    window_periods = [windows.periods[w] for w in window_ids]
    no_rows: dict[str, _Row] = {}
    for unit_id in evaluated:
        kind = info[unit_id].kind if unit_id in info else None
        if kind not in kinds:
            kinds[kind] = _for_kind(compiled, kind, layout, len(periods), if_missing)
        for_kind = kinds[kind]
        if for_kind is None:
            for *_, rec in spans.get(unit_id, ()):
                outside.add(rec, "no-target")
            continue
        rows: Mapping[str, _Row | None]
        if kind is None:  # no units tree: the unit's own rows, as read (all the plan's metrics)
            rows = data.get(unit_id, no_rows)
        else:  # the metrics of the kind's targets, summed over its teams where a target asks
            rows = {p: _period_values(unit_id, kind, p, for_kind.needed, data, column, info,
                                      children) for p in periods}
        get = rows.get
        unit_spans = spans.get(unit_id)
        if unit_spans is None:
            verdicts = for_kind.kernel([get(p) for p in periods])
            compact = _UnitVerdicts(for_kind, rows, tuple(verdicts), window_periods, if_missing)
        else:
            usable = _usable_spans(unit_id, kind, for_kind, _no_overlap(
                unit_spans, data.get(unit_id, no_rows), outside), column, info, children,
                outside)
            per_window = []
            for window, months in zip(window_ids, window_periods, strict=True):
                inside = [(m, v) for m, phase, v in usable if window in (phase, CAMPAIGN)
                          and set(months).issuperset(m)]
                per_window.append(([v for _, v in inside], sum(len(m) for m, _ in inside)))
            verdicts = for_kind.kernel([get(p) for p in periods], per_window)
            compact = _UnitVerdicts(for_kind, rows, tuple(verdicts), window_periods, if_missing,
                                    [(m, v) for m, _, v in usable])
        for n, (window, done) in enumerate(slots):
            results.append(UnitResult(unit_id, window, done, compact, n))
    return Evaluation(plan.id, plan_hash(plan), tl.issued, as_of, window_ids, tuple(results),
                      outside=outside.periods())


_Span = tuple[tuple[str, ...], _Row]
"""A row for several months: the months it covers, and its values of the kind's metrics."""


def _no_overlap(unit_spans: Sequence[tuple[tuple[str, ...], str, _Row, Record]],
                own: Mapping[str, _Row], outside: _Outside
                ) -> list[tuple[tuple[str, ...], str, _Row, Record]]:
    """A unit's rows for several months that cover no month already covered (by a monthly row
    or an earlier such row); the others are reported. The reader rejects overlaps already;
    this keeps ``evaluate`` called directly from counting a month twice."""
    covered: set[str] = set()
    kept = []
    for span in unit_spans:
        months = span[0]
        if any(m in own or m in covered for m in months):
            outside.add(span[3], "overlap")
        else:
            covered.update(months)
            kept.append(span)
    return kept


def _usable_spans(unit_id: str, kind: str | None, for_kind: _ForKind,
                  unit_spans: Sequence[tuple[tuple[str, ...], str, _Row, Record]],
                  column: Mapping[str, int], info: Mapping[str, UnitInfo],
                  children: Mapping[str, list[str]], outside: _Outside
                  ) -> list[tuple[tuple[str, ...], str, _Row]]:
    """A unit's rows for several months, as values of the kind's metrics. They are reported,
    not used, where they could decide nothing: a unit whose targets sum its teams' monthly
    rows (a team's months are not split), or whose targets all hold month by month."""
    needed = for_kind.needed
    reason = None
    if kind is not None and any(_contributors(unit_id, kind, m, info, children) != [unit_id]
                                for m in needed):
        reason = "area-sum"
    elif all(c.target.per != "total" for c in for_kind.applicable):
        reason = "per-month"
    if reason is not None:
        for *_, rec in unit_spans:
            outside.add(rec, reason)
        return []
    at = [column[m] for m in needed]
    return [(months, phase, values if kind is None else tuple(values[i] for i in at))
            for months, phase, values, _ in unit_spans]


def _for_kind(compiled: Sequence[_Compiled], kind: str | None, layout: Sequence[Sequence[int]],
              periods: int, if_missing: Verdict) -> _ForKind | None:
    """The targets that apply to units of ``kind`` (all of them without a units tree)."""
    applicable = tuple(c for c in compiled if kind is None or c.target.level == kind)
    if not applicable:
        return None
    needed = tuple(sorted({m for c in applicable for m in c.metrics}))
    kernel = compile_kernel([(c.criterion, c.target) for c in applicable], needed, layout,
                            periods, if_missing)
    return _ForKind(applicable, needed, tuple(dict.fromkeys(c.criterion for c in applicable)),
                    kernel)


def _all_verdict(verdicts: Sequence[str]) -> Verdict:
    if "not_met" in verdicts:
        return "not_met"
    if "unknown" in verdicts:
        return "unknown"
    return "met"


def _contributors(unit_id: str, kind: str | None, metric: str, info: Mapping[str, UnitInfo],
                  children: Mapping[str, list[str]]) -> list[str]:
    """Units whose counts of ``metric`` make up ``unit_id``'s value (itself, or its teams)."""
    if kind is None:
        return [unit_id]
    level = METRICS[metric].level
    if level == kind:
        return [unit_id]
    found: list[str] = []
    seen = {unit_id}
    stack = list(children.get(unit_id, ()))
    while stack:
        child = stack.pop()
        if child in seen:  # a cycle in the parent links: each unit counts once
            continue
        seen.add(child)
        if info[child].kind == level:
            found.append(child)
        stack.extend(children.get(child, ()))
    # no unit of the metric's level below it: the unit reports those counts on its own row
    return sorted(found) or [unit_id]


def _window_sums(metrics: Sequence[str], rows: Sequence[Mapping[str, int | None] | None]
                 ) -> dict[str, int | None]:
    """Each metric summed over a window's periods; None if any present value is missing."""
    present = [r for r in rows if r is not None]
    if not present:
        return dict.fromkeys(metrics)
    sums: dict[str, int | None] = {}
    for metric in metrics:
        values = [row.get(metric) for row in present]
        sums[metric] = None if None in values else sum(values)  # type: ignore[arg-type]
    return sums


def _period_values(unit_id: str, kind: str, period: str, metrics: Sequence[str],
                   data: Mapping[str, Mapping[str, _Row]], column: Mapping[str, int],
                   info: Mapping[str, UnitInfo], children: Mapping[str, list[str]]
                   ) -> _Row | None:
    """The unit's values of ``metrics`` for one period, each summed over the units that
    contribute it; None if a contributing row is missing."""
    values: list[int | None] = []
    for metric in metrics:
        total: int | None = 0
        at = column[metric]
        for c in _contributors(unit_id, kind, metric, info, children):
            row = data.get(c, {}).get(period)
            if row is None:
                return None
            v = row[at]
            total = None if v is None or total is None else total + v
        values.append(total)
    return tuple(values)


def _target_result(comp: _Compiled, periods: tuple[str, ...], missing: tuple[str, ...],
                   per_period: Mapping[str, Mapping[str, int | None] | None],
                   sums: Mapping[str, int | None], if_missing: Verdict = "unknown",
                   no_month: tuple[str, ...] = ()) -> TargetResult:
    """One target's verdict for one unit over a window's periods.

    For a total, any missing period gives ``if_missing`` (the plan's ``missing_period`` rule,
    default unknown). For a per-period target, each missing period counts as ``if_missing`` and
    a period with data that fails still fails the window; a month covered only by a row for
    several months (``no_month``) has no value of its own, so it counts as missing too.
    """
    target = comp.target
    failed: tuple[str, ...] = ()
    if target.per == "total":
        outcome = comp.check(sums)
        if missing or not periods:
            outcome = outcome._replace(verdict=if_missing)
    else:
        outcomes = {p: comp.check(v) for p in periods if (v := per_period[p]) is not None}
        failed = tuple(p for p, o in outcomes.items() if o.verdict == "not_met")
        verdicts: list[str] = [o.verdict for o in outcomes.values()]
        if no_month:
            missing = tuple(p for p in periods if p in missing or p in no_month)
        verdicts += [if_missing] * len(missing)
        if not periods:
            verdicts = ["unknown"]
        met_periods = sum(1 for o in outcomes.values() if o.verdict == "met")
        outcome = Outcome(_all_verdict(verdicts), met_periods, met_periods - len(periods))
    return TargetResult(comp.criterion, target.id, target.level, target.per, outcome.verdict,
                        outcome.observed, comp.comparator, comp.threshold, outcome.margin,
                        periods, missing, comp.section, comp.quote, outcome.no_cases,
                        outcome.policy, failed)


# ---------------------------------------------------------------------------------------------
# open-ended movements reviewed yearly (phuong_tien): the yearly conditions of the award standards


@dataclass(frozen=True)
class _YearlyCheck:
    award: str
    cond: Any
    categories: tuple[str, ...]
    check: Check | None


def _yearly_checks(plan: Plan) -> list[_YearlyCheck]:
    """Metric and attestation conditions of collective standards reviewed yearly or by stage."""
    out: list[_YearlyCheck] = []
    seen: set[str] = set()
    for award in plan.awards:
        if not {"yearly_review", "stage_review"} & set(award.occasions):
            continue
        for standard in award.standards:
            if standard.recipient != "collective":
                continue
            for cond in standard.conditions:
                key = f"{award.id}.{cond.id}"
                if not isinstance(cond, MetricCondition | AttestationCondition) or (
                        key in seen):
                    continue
                seen.add(key)
                check = (compile_condition(cond.condition) if isinstance(cond, MetricCondition)
                         else None)
                out.append(_YearlyCheck(award.id, cond, standard.categories, check))
    return out


def _evaluate_yearly(plan: Plan, tl: Timeline, records: Iterable[Record],
                     units: Sequence[UnitInfo] | None, as_of: date) -> Evaluation:
    years = [r for r in tl.reviews if r.kind == "yearly_review" and r.start <= as_of]
    if not years:
        raise UnsupportedPlanError(f"plan {plan.id!r} has no phase and no yearly review "
                                   f"before {as_of.isoformat()}")
    year_ids = {r.id.split(":")[1]: r for r in years}
    checks = _yearly_checks(plan)
    data: dict[str, dict[str, dict[str, int | None]]] = {}
    outside = _Outside()
    for rec in records:
        if ".." in rec.period and rec.period[:4] != rec.period[-7:-3]:
            outside.add(rec, "spans-years")
        elif rec.period[:4] in year_ids and (len(rec.period) == 4 or rec.period[4] == "-"):
            bucket = data.setdefault(rec.unit, {}).setdefault(rec.period[:4], {})
            for key, value in rec.values.items():
                old = bucket.get(key, 0)
                bucket[key] = None if value is None or old is None else old + value
        else:
            outside.add(rec)
    info = {u.id: u for u in units or ()}
    evaluated = sorted(info) if units else sorted(data)
    results: list[UnitResult] = []
    for unit_id in evaluated:
        kind = info[unit_id].kind if unit_id in info else None
        for year, review in year_ids.items():
            values = data.get(unit_id, {}).get(year)
            by_award: dict[str, list[TargetResult]] = {}
            for yc in checks:
                if kind is not None and yc.categories and kind not in yc.categories:
                    continue
                if kind is not None and yc.cond.applies_to and kind not in yc.cond.applies_to:
                    continue
                by_award.setdefault(yc.award, []).append(
                    _yearly_result(yc, kind or "", year, values))
            if by_award:
                results.append(UnitResult(unit_id, review.id, review.end <= as_of, tuple(
                    CriterionResult(a, _all_verdict([t.verdict for t in trs]), tuple(trs))
                    for a, trs in by_award.items())))
    windows = tuple(r.id for r in years)
    return Evaluation(plan.id, plan_hash(plan), tl.issued, as_of, windows, tuple(results),
                      outside=outside.periods())


def _yearly_result(yc: _YearlyCheck, kind: str, year: str,
                   values: dict[str, int | None] | None) -> TargetResult:
    cond = yc.cond
    missing: tuple[str, ...] = (year,) if values is None else ()
    if yc.check is not None:
        outcome = yc.check(values) if values is not None else Outcome("unknown")
        comparator = getattr(cond.condition, "comparator", "all_of")
        threshold = getattr(cond.condition, "threshold", None)
    else:
        attested = None if values is None else values.get(cond.attestation)
        verdict: Verdict = ("unknown" if attested is None else
                            "met" if attested else "not_met")
        outcome = Outcome(verdict, attested)
        comparator, threshold = "attested", None
    source = cond.source
    return TargetResult(
        criterion=yc.award, target=cond.id, level=kind, per="year", verdict=outcome.verdict,
        observed=outcome.observed, comparator=comparator, threshold=threshold,
        margin=outcome.margin, periods=(year,), missing_periods=missing,
        section=source.section if source else None, quote=source.quote if source else None)
