"""Apply a plan to unit metrics: ``evaluate(plan, records, units=..., issued=..., as_of=...)``.

Pure: reads no clock and no file. One evaluation path for every plan: the plan's targets (and
the metric and attestation conditions of its award standards) are compiled once into closures
from the one table of :mod:`emulation_rules.conditions`, and evaluated for every unit over every
window of the timeline (each phase and the campaign; or each year and stage of an open-ended
movement). Every record is checked here, whoever calls (the command line or Python), and every
record is either evaluated or reported with its file, row and field.

Which cells a target reads (docs/evaluation.md):

- a unit's own rows, month by month; a month with no row, or after the as-of date, is missing;
- an area target (a commune's, when the units tree gives it teams) reads each month the
  commune's own row for a metric its own rows give (a blank or missing own row is then missing
  data), otherwise its teams' rows (see :class:`~emulation_rules._cells.AreaView` for blanks
  at a level a metric is not measured at); a count on both levels is warned about and the
  commune's row used;
- a row for several months counts in every window that holds all its months; in a window that
  holds only some of them those months are missing; a per-month target cannot read it.

Verdicts are decided by bounds (conditions module): a verdict is given whenever every
completion of the missing cells gives it; ``per: month``/``per: year`` targets decide each
period and combine with Kleene AND.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date
from typing import Any, Literal

from . import limits
from ._cells import AreaView, CellContext, Cells, OneRow, UnitTree, periods_of
from ._inert import shown, skeleton
from .conditions import (
    Compiled,
    Fast,
    Outcome,
    column_sums,
    combine_periods,
    compile_condition,
    fast_of,
    kind_of,
    reads_of,
    walk,
)
from .errors import EmulationRulesError, Hints, Issue, Location, Severity
from .i18n import Msg, msg
from .model import (
    AttestationCondition,
    AttestedCondition,
    MetricCondition,
    Plan,
    RatioCondition,
    plan_hash,
)
from .records import Record, RecordSource, UnitInfo, months_of_period
from .results import Evaluation, OutsidePeriod, TargetResult, UnitResult
from .timelines import Window, timeline
from .vocabulary import ATTESTATIONS, METRICS

__all__ = [
    "AttestationRow",
    "Decided",
    "UnsupportedPlanError",
    "decided_conditions",
    "evaluate",
    "ratio_pairs",
]

_RESERVED = frozenset({"unit", "period", "name", "kind", "note", "notes"})
COLLECTIVE_KINDS = ("team", "commune", "agency", "business", "school", "district")


class UnsupportedPlanError(EmulationRulesError):
    """The plan is valid but cannot be evaluated (a template, or no window at all). Raised
    with one :class:`~emulation_rules.i18n.Msg` (``str(exc)``: the current language)."""


class EvaluationTooLargeError(UnsupportedPlanError):
    """The plan, laid out to the as-of date, asks for more decisions per unit than
    :data:`emulation_rules.limits.DECISIONS_PER_UNIT`."""


def _decisions(windows: Sequence[Window], targets: Sequence[_Target]) -> int:
    """Decisions one unit costs: a target once per window, a per-month (per-year) target once
    per month (year) of the window (what bounds the evaluation of one unit)."""
    per = Counter(t.per for t in targets)
    return sum(per["total"] + per["month"] * len(w.months)
               + per["year"] * len({m[:4] for m in w.months}) for w in windows)


@dataclass(frozen=True)
class AttestationRow:
    """Attested yes/no judgements for a unit: for one window (``phase_1``, ``year:2026``), or
    for the whole campaign when ``window`` is blank (then they hold in every window)."""

    unit: str
    values: Mapping[str, bool]
    window: str = ""
    row: int = 0
    file: str = ""


@dataclass(frozen=True)
class _Target:
    """One target (or award condition) compiled: where it applies and how it is decided."""

    criterion: str
    id: str
    level: str
    per: str
    check: Compiled
    reads: tuple[str, ...]
    kind: str
    comparator: str
    threshold: float | int | None
    section: str | None
    quote: str | None
    kinds: frozenset[str] | None
    """Unit kinds it applies to (None: every unit when there is no units tree)."""
    positions: tuple[int, ...] = ()
    """Column positions of what it reads."""
    fast: Fast | None = None
    """The verdict-only twin of ``check``."""
    attests: bool = False
    """Whether it reads an attestation (a judgement given apart from the cells)."""


def ratio_pairs(plan: Plan) -> list[tuple[str, str]]:
    """(numerator, denominator) pairs: a row with numerator > denominator contradicts itself."""
    conditions = [t.condition for crit in plan.criteria for t in crit.targets]
    conditions += [c.condition for award in plan.awards for standard in award.standards
                   for c in standard.conditions if isinstance(c, MetricCondition)]
    pairs = [(node.numerator, node.denominator) for cond in conditions
             for node, _ in walk(cond) if isinstance(node, RatioCondition)]
    return list(dict.fromkeys(pairs))


def _describe(cond: Any) -> tuple[str, float | int | None]:
    comparator = getattr(cond, "comparator", None) or kind_of(cond).id
    return comparator, getattr(cond, "threshold", None)


@dataclass(frozen=True)
class Decided:
    """One condition the evaluator decides from the cells: a target of a criterion, or a
    metric or attestation condition of a collective award standard."""

    owner: str
    """The criterion's id, or the award's."""
    owner_kind: Literal["criterion", "award"]
    id: str
    level: str
    """The target's level ("" for an award condition)."""
    per: str
    condition: Any
    """The condition model (an attestation condition as ``{attestation: ...}``)."""
    section: str | None
    quote: str | None
    kinds: frozenset[str]
    """The unit kinds it applies to."""


def decided_conditions(plan: Plan) -> list[Decided]:
    """What the evaluator decides from the cells, in the plan's order: each target (for units
    of its ``level``), then each metric or attestation condition of a collective award standard
    (for the standard's categories, or every collective kind, narrowed by ``applies_to``; a
    condition met in several standards of one award applies to the union of their kinds). The
    data-entry workbook offers the columns these read."""
    out: list[Decided] = []
    for crit in plan.criteria:
        for target in crit.targets:
            src = target.source
            out.append(Decided(crit.id, "criterion", target.id, target.level, target.per,
                               target.condition, src.section if src else None,
                               src.quote if src else None, frozenset({target.level})))
    seen: dict[tuple[str, str], int] = {}
    for award in plan.awards:
        for standard in award.standards:
            if standard.recipient != "collective":
                continue
            kinds = set(standard.categories or COLLECTIVE_KINDS)
            for acond in standard.conditions:
                if not isinstance(acond, MetricCondition | AttestationCondition):
                    continue
                applies = kinds & set(acond.applies_to) if acond.applies_to else kinds
                key = (award.id, acond.id)
                if key in seen:  # the same condition in several standards: the union of kinds
                    old = out[seen[key]]
                    out[seen[key]] = replace(old, kinds=old.kinds | applies)
                    continue
                inner: Any = (acond.condition if isinstance(acond, MetricCondition) else
                              AttestedCondition(attestation=acond.attestation))
                per = acond.per if isinstance(acond, MetricCondition) else "total"
                src = acond.source
                seen[key] = len(out)
                out.append(Decided(award.id, "award", acond.id, "", per, inner,
                                   src.section if src else None, src.quote if src else None,
                                   frozenset(applies)))
    return out


def _compile(plan: Plan, at: Mapping[str, int]) -> list[_Target]:
    out: list[_Target] = []
    for d in decided_conditions(plan):
        comparator, threshold = _describe(d.condition)
        reads = tuple(reads_of(d.condition))
        out.append(_Target(d.owner, d.id, d.level, d.per, compile_condition(d.condition, at),
                           reads, kind_of(d.condition).id, comparator, threshold, d.section,
                           d.quote, d.kinds, tuple(at[c] for c in reads)))
    return out


def _with_fast(targets: list[_Target]) -> list[_Target]:
    return [replace(t, fast=fast_of(t.check), attests=any(r in ATTESTATIONS for r in t.reads))
            for t in targets]



def _columns(plan: Plan) -> tuple[str, ...]:
    names: set[str] = set()
    for crit in plan.criteria:
        for target in crit.targets:
            names.update(reads_of(target.condition))
    for award in plan.awards:
        for standard in award.standards:
            for cond in standard.conditions:
                if isinstance(cond, MetricCondition):
                    names.update(reads_of(cond.condition))
                elif isinstance(cond, AttestationCondition):
                    names.add(cond.attestation)
    return tuple(sorted(names))


class _Ledger:
    """The fate of every row: rejected with an issue, or outside (counted per period)."""

    def __init__(self) -> None:
        self.rejected: list[Issue] = []
        self.rejected_rows = 0
        self.warnings: list[Issue] = []
        self._warned: set[tuple[str, str]] = set()
        self._outside: dict[tuple[str, str], list[Any]] = {}

    def reject(self, rec: Record, issues: list[Issue]) -> None:
        self.rejected.extend(issues)
        self.rejected_rows += 1

    def warn_once(self, key: tuple[str, str], issue: Issue) -> None:
        if key not in self._warned:
            self._warned.add(key)
            self.warnings.append(issue)

    def outside(self, rec: Record, reason: str) -> None:
        key = (rec.period, reason)
        seen = self._outside.get(key)
        if seen is None:
            self._outside[key] = [1, rec.row, rec.unit, rec.file]
        else:
            seen[0] += 1
            if rec.row < seen[1]:
                seen[1], seen[2], seen[3] = rec.row, rec.unit, rec.file

    def outside_periods(self) -> tuple[OutsidePeriod, ...]:
        return tuple(OutsidePeriod(p, n, row, unit, reason, file) for (p, reason), (
            n, row, unit, file) in sorted(self._outside.items()))


def _loc(rec: Record, column: str) -> Location:
    return Location(rec.file, rec.row, 0, (f"row {rec.row}", column))




def _value_issues(rec: Record, row: tuple[Any, ...], columns: Sequence[str],
                  pairs: Sequence[tuple[int, int]], attestation_at: frozenset[int]
                  ) -> list[Issue]:
    """The row checks every caller gets, in detail: whole numbers >= 0, yes/no, part <= whole
    (``evaluate`` calls it only for a row that fails its quick check)."""
    values = row[:-1]
    issues: list[Issue] = []
    for i, (name, v) in enumerate(zip(columns, values, strict=True)):
        if v is None:
            continue
        if i in attestation_at:
            if v not in (0, 1) or isinstance(v, float):
                issues.append(Issue("invalid-value", msg("eval.not-yes-no", column=name,
                                                         value=shown(v)), _loc(rec, name)))
        elif type(v) is not int or v < 0:
            issues.append(Issue("invalid-count", msg("eval.not-a-count", column=name,
                                                     value=shown(v)), _loc(rec, name)))
    if not issues:
        for i, j in pairs:
            n, d = row[i], row[j]
            if n is not None and d is not None and n > d:
                issues.append(Issue("contradictory-counts", msg(
                    "eval.part-above-whole", part=columns[i], part_value=n, whole=columns[j],
                    whole_value=d), _loc(rec, columns[i]), msg("eval.part-above-whole.hint")))
    return issues


def evaluate(plan: Plan, records: Iterable[Record], *, units: Sequence[UnitInfo] | None = None,
             issued: date | None = None, as_of: date,
             attestations: Sequence[AttestationRow] | None = None) -> Evaluation:
    """Evaluate every unit against ``plan`` over every window of its timeline.

    ``records`` may be any iterable of :class:`Record` (a generator streams), or a
    :class:`~emulation_rules.records.RecordSource` from a reader, whose rejected rows are
    counted too. Every record is checked (whole numbers >= 0, yes/no, part <= whole, a known
    unit, one row per unit and month) and either evaluated or reported in
    :attr:`Evaluation.rejected`. ``attestations`` decide attestation conditions (a target such
    as Tuyên Quang's 4.7) for a window or the whole campaign. Raises
    :class:`~emulation_rules.timelines.TimelineError` or :class:`UnsupportedPlanError` for a
    plan that cannot be laid out.
    """
    if plan.template:
        raise UnsupportedPlanError(msg("eval.template", plan=repr(plan.id)))
    tl = timeline(plan, issued=issued, as_of=as_of)
    windows = tl.windows
    if not windows:
        raise UnsupportedPlanError(msg("eval.no-window", plan=repr(plan.id)))
    columns = _columns(plan)
    at = {c: i for i, c in enumerate(columns)}
    targets = _with_fast(_compile(plan, at))
    decisions = _decisions(windows, targets)
    if decisions > limits.DECISIONS_PER_UNIT:
        raise EvaluationTooLargeError(msg(
            "eval.too-large", plan=repr(plan.id), as_of=as_of, decisions=decisions,
            targets=len(targets), windows=len(windows), limit=limits.DECISIONS_PER_UNIT))
    tree = UnitTree(units)
    pairs = [(at[n], at[d]) for n, d in ratio_pairs(plan)]
    last_month = f"{as_of.year:04d}-{as_of.month:02d}"
    campaign_months = {m for w in windows for m in w.months}
    ledger = _Ledger()
    for note in tl.notes:
        if note.warning:
            ledger.warnings.append(Issue("issue-date", note.text, Location(f"plan {plan.id}"),
                                         severity=Severity.WARNING))
    known_keys = frozenset(columns) | _RESERVED | METRICS.keys() | ATTESTATIONS.keys()
    keys_seen: set[str] = set()

    # which units are evaluated, and whose rows they read
    applicable: dict[str | None, list[_Target]] = {}

    def targets_for(kind: str | None) -> list[_Target]:
        found = applicable.get(kind)
        if found is None:
            found = applicable[kind] = [
                t for t in targets if (kind is None and t.level != "") or (
                    kind is not None and t.kinds is not None and kind in t.kinds)]
            if kind is None and not found:  # no tree, no target: the award conditions
                found = applicable[kind] = list(targets)
        return found

    useful: set[str] | None = None
    if tree.given:
        useful = set()
        for uid, info in tree.info.items():
            if targets_for(info.kind):
                useful.add(uid)
                useful.update(tree.teams(uid))

    data: dict[str, dict[str, tuple[Any, ...]]] = {}
    spans: dict[str, list[tuple[tuple[str, ...], tuple[Any, ...], Record]]] = {}
    column_hint = Hints(METRICS)
    unit_hint = _UnitHints(tree.info)
    rows_seen = 0
    width = len(columns)
    source = records if isinstance(records, RecordSource) else None
    attestation_at = frozenset(i for i, c in enumerate(columns) if c in ATTESTATIONS)
    first_file = ""
    origin: dict[tuple[str, str], str] | None = None  # a row's file, once a second file comes
    period_info: dict[str, tuple[tuple[str, ...], str | None]] = {}
    tree_info = tree.info if tree.given else None
    for rec in records:
        rows_seen += 1
        if rows_seen == 1:
            first_file = rec.file
        elif origin is None and rec.file != first_file:
            origin = {}
        if not rec.unit:
            ledger.reject(rec, [Issue("missing-value", msg("eval.no-unit"), _loc(rec, "unit"))])
            continue
        placed = period_info.get(rec.period)
        if placed is None:
            placed = _place(rec.period, campaign_months, last_month)
            if len(period_info) < 100_000:
                period_info[rec.period] = placed
        months, where = placed
        if not months:
            ledger.reject(rec, [Issue("invalid-period", msg("eval.invalid-period",
                                                            period=shown(rec.period)),
                                      _loc(rec, "period"))])
            continue
        values = rec.values
        if not keys_seen.issuperset(values.keys()):
            for key in values.keys() - keys_seen:
                keys_seen.add(key)
                if key not in known_keys:
                    ledger.warn_once(("unknown-column", key), Issue(
                        "unknown-column", msg("eval.unknown-column", column=shown(key)),
                        Location(rec.file, 1 if rec.file else 0, 0, (key,)),
                        column_hint(key), Severity.WARNING))
        row: tuple[Any, ...] = (*map(values.get, columns), rec.row)
        # the common case, quickly (a plain loop beats set(map(type, ...)) and min here):
        # whole numbers >= 0 or blanks, yes/no no more than 1, no part above its whole
        ok = True
        for v in row:
            if v is not None and (v.__class__ is not int or v < 0):
                ok = False
                break
        if ok and attestation_at:
            ok = not any((row[i] or 0) > 1 for i in attestation_at)
        if ok:
            for i, j in pairs:
                n, d = row[i], row[j]
                if n is not None and d is not None and n > d:
                    ok = False
                    break
        if not ok:
            problems = _value_issues(rec, row, columns, pairs, attestation_at)
            if problems:
                ledger.reject(rec, problems)
                continue
        unit = rec.unit
        if tree_info is not None and unit not in tree_info:
            hint = unit_hint(unit)  # once per distinct unknown unit, within a bounded cost
            ledger.reject(rec, [Issue("unknown-unit", msg("eval.unknown-unit", unit=shown(unit)),
                                      _loc(rec, "unit"), hint)])
            continue
        if where is not None:
            ledger.outside(rec, where)
            continue
        if useful is not None and unit not in useful:
            ledger.outside(rec, "no-target")
            continue
        own = data.get(unit)
        if own is None:
            own = data[unit] = {}
        unit_spans = spans.get(unit)
        if len(months) == 1 and unit_spans is None:
            month = months[0]
            if month not in own:
                own[month] = row
                if origin is not None:
                    origin[unit, month] = rec.file
                continue
        clash = _clash(months, own, unit_spans)
        if clash is not None:
            first_row, first_period, span_file = clash
            code = "duplicate-row" if first_period == rec.period else "overlapping-periods"
            at_row: Msg | int = first_row
            if origin is not None:  # several files: say which
                first_in = span_file or origin.get((unit, first_period), first_file)
                at_row = (msg("eval.row-of-file", row=first_row, file=shown(first_in))
                          if first_in == rec.file else
                          msg("eval.row-of-file.and-row", row=first_row, file=shown(first_in),
                              other_row=rec.row, other_file=shown(rec.file)))
            said = (msg("eval.duplicate-row", unit=shown(unit), period=rec.period,
                        first_row=first_row, row=rec.row)
                    if code == "duplicate-row" and origin is None else
                    msg("eval.duplicate-row.files", unit=shown(unit), period=rec.period,
                        where=at_row)
                    if code == "duplicate-row" else
                    msg("eval.overlapping-periods", unit=shown(unit), period=rec.period,
                        first_period=first_period, where=at_row))
            hint = (msg("eval.duplicate-row.hint") if code == "duplicate-row" else
                    msg("eval.overlapping-periods.hint"))
            ledger.reject(rec, [Issue(code, said, _loc(rec, "period"), hint)])
            continue
        if len(months) == 1:
            own[months[0]] = row
            if origin is not None:
                origin[unit, months[0]] = rec.file
        else:
            if tree.given and (tree.teams(unit) or tree.kind(unit) == "team"):
                ledger.outside(rec, "area-sum")
                continue
            spans.setdefault(unit, []).append((months, row, rec))

    # rows read and rejected by the reader, when the records come from one
    rejected = list(source.rejected) if source is not None else []
    reader_rows = len({(i.location.file, i.location.line) for i in rejected
                       if i.location.is_row})
    rows_total = source.rows_read if source is not None else rows_seen
    warnings = [*(source.warnings if source is not None else ()), *ledger.warnings]

    # a column the plan needs that no record carries: one warning, not silence
    needed = {c for t in targets for c in t.reads if c in METRICS}
    if rows_seen:
        for name in sorted(needed - keys_seen):
            readers = sorted({t.id for t in targets if name in t.reads})
            warnings.append(Issue(
                "missing-column", msg("eval.missing-column", metric=repr(name),
                                      readers=", ".join(readers[:5])),
                Location(first_file),
                severity=Severity.WARNING))

    ctx = CellContext(columns, data, last_month,
                   [c in METRICS and METRICS[c].level == "team" for c in columns],
                   pairs, {})
    empty = (None,) * (width + 1)
    attested = _attested(attestations or (), windows)
    window_ids = {w.id for w in windows}
    listed = ", ".join(sorted(window_ids)[:12]) + (", ..." if len(window_ids) > 12 else "")
    window_hint = Hints(sorted(window_ids))
    for att in attestations or ():  # a row that can attest nothing is said, never dropped
        if att.window and att.window not in window_ids:
            rejected.append(Issue(
                "unknown-window", msg("eval.unknown-window", window=shown(att.window),
                                      plan=repr(plan.id), windows=listed),
                Location(att.file, att.row, 0, (f"row {att.row}", "window")),
                window_hint(att.window)))
        elif tree.given and att.unit not in tree.info:
            rejected.append(Issue(
                "unknown-unit", msg("eval.unknown-unit", unit=shown(att.unit)),
                Location(att.file, att.row, 0, (f"row {att.row}", "unit")),
                unit_hint(att.unit)))
    if tree.given:
        evaluated = sorted(u for u in tree.info if targets_for(tree.kind(u)))
    else:
        evaluated = sorted(data.keys() | spans.keys())
    if_missing = plan.missing_period.verdict if plan.missing_period else "unknown"
    results: list[UnitResult] = []
    complete = {w.id: w.complete(as_of) for w in windows}
    plans_for: dict[str | None, _Layout] = {}
    window_periods = {(w.id, per): tuple(months for _, months in periods_of(w, per))
                      for w in windows for per in ("month", "year")}
    no_data: list[str] = []
    attested_units = {u for u, _ in attested}
    # a unit no row, team row or attestation speaks for: its verdicts and explanations are
    # those of any other such unit of its kind, computed once and shared
    blank: dict[tuple[str | None, bool], list[tuple[tuple[str, ...], Any, tuple[str, ...]]]] = {}
    for unit in evaluated:
        kind = tree.kind(unit) if tree.given else None
        teams = tree.teams(unit) if tree.given and kind != "team" else ()
        silent = (unit not in data and unit not in spans and unit not in attested_units
                  and not any(t in data or t in spans for t in teams))
        shared = blank.get((kind, bool(teams))) if silent else None
        if shared is not None:
            no_data.append(unit)
            ids = plans_for[kind].target_ids
            for window, (verdicts, explain, of_targets) in zip(windows, shared, strict=True):
                results.append(UnitResult(unit, window.id, complete[window.id], lazy=(
                    plans_for[kind].criteria, verdicts, explain), targets=(ids, of_targets)))
            continue
        layout = plans_for.get(kind)
        if layout is None:
            layout = plans_for[kind] = _Layout(targets_for(kind))
        area = AreaView(unit, teams, ctx) if teams else None
        cells = Cells(data.get(unit, {}), [(m, r) for m, r, _ in spans.get(unit, ())],
                       empty, area)
        unit_data = _UnitData(layout, cells, width, if_missing, window_periods)
        computed = []
        for window in windows:
            judged = attested.get((unit, window.id), _NO_JUDGEMENT)
            verdicts, of_targets = unit_data.verdicts(window, judged)
            explain = _Explain(unit_data, window, judged)
            computed.append((verdicts, explain, of_targets))
            results.append(UnitResult(unit, window.id, complete[window.id], lazy=(
                layout.criteria, verdicts, explain), targets=(layout.target_ids, of_targets)))
        if silent:
            no_data.append(unit)
            blank[(kind, bool(teams))] = computed
            for _, shared_explain, _ in computed:
                shared_explain.kept = {}  # the same for every silent unit: built once
        else:
            unit_data.period_cols = {}  # caches for the verdicts only: memory stays per unit
            unit_data.period_verdicts = {}
    for metric, (unit, month, count) in sorted(ctx.both.items()):
        warnings.append(Issue(
            "count-on-both-levels", msg("eval.count-on-both-levels", metric=repr(metric),
                                        unit=shown(unit), month=month, count=count),
            Location(first_file), severity=Severity.WARNING))
    outside = ledger.outside_periods()
    for out in outside:
        code = "period-outside" if out.reason == "no-window" else f"period-{out.reason}"
        said = (msg("eval.period-not-evaluated.more", more=out.rows - 1, period=shown(out.period),
                    unit=shown(out.first_unit), why=out.why, plan=repr(plan.id), as_of=as_of)
                if out.rows > 1 else
                msg("eval.period-not-evaluated", period=shown(out.period),
                    unit=shown(out.first_unit), why=out.why, plan=repr(plan.id), as_of=as_of))
        rejected.append(Issue(
            code, said, Location(out.file, out.first_row, 0, (f"row {out.first_row}", "period"))))
    rejected += ledger.rejected
    rejected.sort(key=Issue.sort_key)
    not_used = reader_rows + ledger.rejected_rows + sum(o.rows for o in outside)
    return Evaluation(plan.id, plan_hash(plan), tl.issued, as_of, tuple(w.id for w in windows),
                      tuple(results), rows_total, rows_total - not_used, tuple(rejected),
                      tuple(warnings), outside, complete, tuple(no_data))


class _UnitHints:
    """The hint for an unknown unit: the known unit it looks like (the same but for case, a
    look-alike letter or an invisible character), else a did-you-mean within a bounded cost."""

    def __init__(self, known: Mapping[str, Any]) -> None:
        self._known = known
        self._close = Hints(known)
        self._skeletons: dict[str, str] | None = None

    def __call__(self, unit: str) -> Msg | None:
        if self._skeletons is None:  # built at the first unknown unit only
            self._skeletons = {}
            for u in self._known:
                self._skeletons.setdefault(skeleton(u), u)
        twin = self._skeletons.get(skeleton(unit))
        if twin is not None:
            return msg("eval.look-alike-unit", unit=shown(twin))
        return self._close(unit)


def _place(period: str, campaign_months: set[str] | frozenset[str], last_month: str
           ) -> tuple[tuple[str, ...], str | None]:
    """A period's months, and why its rows are not evaluated (None: they are)."""
    months = months_of_period(period)
    inside = [m for m in months if m in campaign_months]
    if not months:
        return months, None
    if not inside:
        return months, "no-window"
    if len(inside) < len(months):
        return months, "partly-outside"
    if months[-1] > last_month:
        return months, "after-as-of"
    return months, None


def _clash(months: tuple[str, ...], own: Mapping[str, tuple[Any, ...]],
           unit_spans: Sequence[tuple[tuple[str, ...], tuple[Any, ...], Record]] | None
           ) -> tuple[int, str, str | None] | None:
    """The first row already covering one of ``months``: (row number, its period, and its
    file when it is a row for several months)."""
    for m in months:
        row = own.get(m)
        if row is not None:
            return row[-1], m, None
    if unit_spans:
        wanted = set(months)
        for span_months, _, rec in unit_spans:
            if wanted.intersection(span_months):
                return rec.row, rec.period, rec.file
    return None


def _attested(rows: Sequence[AttestationRow], windows: Sequence[Window]
              ) -> dict[tuple[str, str], dict[str, bool]]:
    """Per unit and window, the attested judgements: a window's own, over the campaign's."""
    out: dict[tuple[str, str], dict[str, bool]] = {}
    for row in sorted(rows, key=lambda r: r.window != ""):  # campaign-wide first
        targets = [w.id for w in windows] if not row.window else [row.window]
        for w in targets:
            out.setdefault((row.unit, w), {}).update(row.values)
    return out


def _decide(t: _Target, window: Window, cells: Cells, judged: Mapping[str, bool], width: int,
            if_missing: str) -> tuple[str, Outcome | None, list[Outcome]]:
    """A target's verdict over a window: (verdict, its outcome for a total, per-period ones)."""
    if not window.months:
        return "unknown", None, []
    if t.per == "total":
        rows, _ = cells.rows(window.months)
        cols = list(zip(*rows, strict=True)) if rows else [()] * (width + 1)
        outcome = t.check(cols, judged)
        verdict = outcome.verdict
        if verdict == "unknown" and if_missing == "not_met" and t.kind != "attestation":
            verdict = "not_met"
        return verdict, outcome, []
    outcomes = []
    # a period's explanation needs only its verdict and whether a cell was unknown: the
    # verdict-only twin gives the first, the cells it reads the second (where no attestation
    # is read; an attested judgement is known whatever its column holds)
    light = t.fast is not None and not t.attests
    for _, months in periods_of(window, t.per):
        rows = [r for m in months for r in cells.month_rows(m)] if t.per == "month" else (
            cells.rows(months)[0])
        cols = list(zip(*rows, strict=True))
        if light:
            assert t.fast is not None
            sums: list[int | None] = [0] * len(cols)  # the columns it does not read: never read
            unknown = 0
            for i in t.positions:
                col = cols[i]
                if None in col:
                    unknown, sums[i] = 1, None
                else:
                    sums[i] = sum(col)
            outcomes.append(_LIGHT[t.fast(cols, sums, judged), unknown])
        else:
            outcomes.append(t.check(cols, judged))
    decided = ([o._replace(verdict="not_met") if o.verdict == "unknown" else o
                for o in outcomes] if if_missing == "not_met" else outcomes)
    return combine_periods(decided), None, outcomes  # the periods as the data decide them


_NO_JUDGEMENT: Mapping[str, bool] = {}
_LIGHT = {(v, u): Outcome(v, unknown=u) for v in ("met", "not_met", "unknown") for u in (0, 1)}


class _Layout:
    """The targets one kind of unit is evaluated on, grouped by criterion."""

    __slots__ = ("criteria", "groups", "plan", "target_ids", "targets")

    def __init__(self, targets: Sequence[_Target]) -> None:
        self.targets = tuple(targets)
        self.target_ids = tuple(t.id for t in targets)
        self.plan: tuple[tuple[Fast, str, bool], ...] = tuple(
            (t.fast or fast_of(t.check), t.per, t.kind == "attestation") for t in targets)
        order: dict[str, list[int]] = {}
        for i, t in enumerate(targets):
            order.setdefault(t.criterion, []).append(i)
        self.criteria = tuple(order)
        self.groups = tuple(tuple(ix) for ix in order.values())


class _UnitData:
    """One unit's cells and targets: verdicts per window (eager, verdicts only)."""

    __slots__ = ("cells", "if_missing", "layout", "period_cols", "period_verdicts", "periods",
                 "width")

    def __init__(self, layout: _Layout, cells: Cells, width: int, if_missing: str,
                 periods: Mapping[tuple[str, str], tuple[tuple[str, ...], ...]]) -> None:
        self.layout, self.cells, self.width, self.if_missing = layout, cells, width, if_missing
        self.periods = periods
        """Per window and ``month``/``year``: the months of each period, computed once."""
        self.period_verdicts: dict[tuple[Fast, tuple[str, ...]], str] = {}
        """A per-period target's verdict in a period, shared by the windows holding it."""
        self.period_cols: dict[tuple[str, tuple[str, ...]],
                               tuple[Sequence[Sequence[Any]], Sequence[int | None]]] = {}

    def _cols(self, per: str, months: tuple[str, ...]
              ) -> tuple[Sequence[Sequence[Any]], Sequence[int | None]]:
        key = (per, months)
        found = self.period_cols.get(key)
        if found is None:
            rows = ([r for m in months for r in self.cells.month_rows(m)] if per == "month"
                    else self.cells.rows(months)[0])
            if len(rows) == 1:  # one row: its cells are the sums, its columns built as read
                found = (OneRow(rows[0]), rows[0])
            else:
                cols = list(zip(*rows, strict=True))
                found = (cols, column_sums(cols))
            self.period_cols[key] = found
        return found

    def verdicts(self, window: Window, judged: Mapping[str, bool]
                 ) -> tuple[tuple[str, ...], tuple[str, ...]]:
        """Each criterion's verdict over ``window``, and each target's, in the layout's
        order."""
        layout = self.layout
        if not window.months:
            return ("unknown",) * len(layout.criteria), ("unknown",) * len(layout.targets)
        not_met_if_missing = self.if_missing == "not_met"
        cols: Sequence[Sequence[Any]] | None = None
        sums: Sequence[int | None] = ()
        known = self.period_verdicts
        verdicts: list[str] = []
        append = verdicts.append
        for fast, per, attestation in layout.plan:
            if per == "total":
                if cols is None:
                    rows = self.cells.rows(window.months)[0]
                    cols = list(zip(*rows, strict=True)) if rows else [()] * (self.width + 1)
                    sums = column_sums(cols)
                verdict = fast(cols, sums, judged)
                if verdict == "unknown" and not_met_if_missing and not attestation:
                    verdict = "not_met"
            else:
                verdict = "met"
                for months in self.periods[window.id, per]:
                    key = (fast, months)
                    v = known.get(key) if judged is _NO_JUDGEMENT else None
                    if v is None:
                        period_cols, period_sums = self._cols(per, months)
                        v = known[key] = fast(period_cols, period_sums, judged)
                    if v == "unknown" and not_met_if_missing:
                        v = "not_met"
                    if v == "not_met":
                        verdict = "not_met"
                        break
                    if v == "unknown":
                        verdict = "unknown"
            append(verdict)
        out = []
        for group in layout.groups:
            if len(group) == 1:
                out.append(verdicts[group[0]])
                continue
            found = {verdicts[i] for i in group}
            out.append("not_met" if "not_met" in found else
                       "unknown" if "unknown" in found else "met")
        return tuple(out), tuple(verdicts)


class _Explain:
    """Builds a criterion's per-target explanation when it is first read."""

    __slots__ = ("data", "judged", "kept", "window")

    def __init__(self, data: _UnitData, window: Window, judged: Mapping[str, bool]) -> None:
        self.data, self.window, self.judged = data, window, judged
        self.kept: dict[str, tuple[TargetResult, ...]] | None = None
        """Explanations kept once built: for one shared by every unit no row speaks for."""

    def __call__(self, criterion: str) -> tuple[TargetResult, ...]:
        """The targets of ``criterion``, explained."""
        if self.kept is not None:
            found = self.kept.get(criterion)
            if found is None:
                found = self.kept[criterion] = self._explain(criterion)
            return found
        return self._explain(criterion)

    def _explain(self, criterion: str) -> tuple[TargetResult, ...]:
        d = self.data
        layout = d.layout
        if criterion not in layout.criteria:
            return ()
        return tuple(_target_result(layout.targets[i], self.window, d.cells, self.judged,
                                    d.width, d.if_missing)
                     for i in layout.groups[layout.criteria.index(criterion)])


def _target_result(t: _Target, window: Window, cells: Cells, judged: Mapping[str, bool],
                   width: int, if_missing: str) -> TargetResult:
    verdict, outcome, per_period = _decide(t, window, cells, judged, width, if_missing)
    if t.per == "month" and t.fast is not None and not t.attests and window.months:
        # read month by month through the verdict twin: a month's unknown flag is exactly
        # whether a cell it reads is missing (see _decide)
        missing = [m for m, o in zip(window.months, per_period, strict=True) if o.unknown]
    else:
        missing = ([] if t.kind == "attestation" and any(a in judged for a in t.reads)
                   else _missing_months(t, window, cells))
    policy = None
    failed: tuple[str, ...] = ()
    if outcome is not None:
        observed, margin = outcome.observed, outcome.margin
        no_cases = outcome.no_cases
        policy = outcome.policy
        need = outcome.need
        undecided_cells = outcome.unknown > 0
        if verdict != outcome.verdict:  # missing_period: not_met decided it
            policy = "local"
    else:
        periods = periods_of(window, t.per)
        failed = tuple(p for (p, _), o in zip(periods, per_period, strict=True)
                       if o.verdict == "not_met")
        met = sum(1 for o in per_period if o.verdict == "met")
        undecided = tuple(p for (p, _), o in zip(periods, per_period, strict=True)
                          if o.verdict == "unknown")
        observed, margin, no_cases = met, met - len(periods), False
        need = ("periods", t.per, undecided) if undecided else ()
        undecided_cells = any(o.unknown for o in per_period)
        if if_missing == "not_met" and combine_periods(per_period) == "unknown":
            policy = "local"  # the data left it open: the undecided periods counted as not met
    return TargetResult(
        t.criterion, t.id, t.level, t.per, verdict, observed, t.comparator, t.threshold, margin,
        window.months, tuple(missing), t.section, t.quote, no_cases, policy, failed,
        verdict != "unknown" and undecided_cells and policy != "local",
        need if verdict == "unknown" else (), t.kind)


def _missing_months(t: _Target, window: Window, cells: Cells) -> list[str]:
    """Months of the window where a cell this target reads is unknown."""
    return cells.missing(window.months, t.positions, t.per != "month")
