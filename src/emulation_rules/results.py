"""What an evaluation returns: verdicts per unit, window, criterion and target, with accounting.

Values, not behaviour: :func:`emulation_rules.evaluate` builds them; reports, awards and
callers read them. A criterion's per-target explanation is built when first read, so that
evaluating many units costs verdicts, not explanations nobody reads.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date
from typing import Any, NamedTuple

from .errors import EmulationRulesError, Issue
from .i18n import Msg, msg

__all__ = ["ROW_COLUMNS", "CriterionResult", "Evaluation", "OutsidePeriod", "TargetResult",
           "UnitResult"]

REASONS: dict[str, Msg] = {
    "no-window": msg("results.reason.no-window"),
    "after-as-of": msg("results.reason.after-as-of"),
    "partly-outside": msg("results.reason.partly-outside"),
    "area-sum": msg("results.reason.area-sum"),
    "no-target": msg("results.reason.no-target"),
}
"""Why rows were not evaluated, by reason (the keys of :attr:`OutsidePeriod.reason`): what is
said of their period ("period 2023-05 is in no window of the plan"), rendered in a language
with ``REASONS[key].render(lang)``."""


class OutsidePeriod(NamedTuple):
    """Rows not evaluated because of their period or unit: counted per period, not kept."""

    period: str
    rows: int
    first_row: int
    """The first such row of the input (0 for records not read from a file)."""
    first_unit: str
    reason: str = "no-window"
    """Why the rows were not evaluated: a key of ``REASONS`` (see :attr:`why`)."""
    file: str = ""

    @property
    def why(self) -> Msg:
        """Why the rows were not evaluated, for people (``.render(lang)``)."""
        return REASONS[self.reason]


class TargetResult(NamedTuple):
    """One target's (or award condition's) verdict for one unit and window, explained."""

    criterion: str
    target: str
    level: str
    per: str
    verdict: str
    observed: float | int | None
    """For a count, the sum of the cells known (0 when none is: read it with
    ``missing_periods``); for a ratio, the share 0..1 of the cells known (None when no case is
    known); for a per-month or per-year target, the number of periods met."""
    comparator: str
    threshold: float | int | None
    margin: float | int | None
    periods: tuple[str, ...]
    missing_periods: tuple[str, ...]
    """Months (or years) with a cell this target reads unknown: no row, a blank, not yet
    passed on the as-of date."""
    section: str | None
    quote: str | None
    no_cases: bool = False
    policy: str | None = None
    failed_periods: tuple[str, ...] = ()
    decided_despite_missing: bool = False
    """The verdict holds whatever the missing cells hold."""
    need: tuple[Any, ...] = ()
    """For an undecided verdict: what the missing cells would need (see conditions.Outcome)."""
    kind: str = ""
    """The condition kind (count, ratio, attestation, any_of, all_of)."""

    @property
    def nothing_known(self) -> bool:
        """A count over the window of which no cell is known (every month missing): its
        ``observed`` 0 says nothing, and outputs show no value."""
        return (self.kind == "count" and self.per == "total" and bool(self.periods)
                and len(self.missing_periods) >= len(self.periods))


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
    """One criterion's verdict for one unit and window, and the targets that explain it."""

    __slots__ = ("_explain", "_targets", "criterion", "verdict")

    def __init__(self, criterion: str, verdict: str,
                 targets: tuple[TargetResult, ...] | None = None,
                 explain: Callable[[str], tuple[TargetResult, ...]] | None = None) -> None:
        self.criterion = criterion
        self.verdict = verdict
        self._targets = targets
        self._explain = explain
        """Called with the criterion's id on first read of :attr:`targets`."""

    @property
    def targets(self) -> tuple[TargetResult, ...]:
        if self._targets is None:
            self._targets = self._explain(self.criterion) if self._explain is not None else ()
        return self._targets

    def _key(self) -> tuple[str, str, tuple[TargetResult, ...]]:
        return self.criterion, self.verdict, self.targets

    def __repr__(self) -> str:
        return (f"CriterionResult(criterion={self.criterion!r}, verdict={self.verdict!r}, "
                f"targets={self.targets!r})")


class UnitResult(_ByKey):
    """One unit's verdicts for one window (a phase, the campaign, a year, a stage).

    ``complete`` is False while the window is still running on the as-of date. For an
    evaluation of many units the criteria are kept compact (names and verdicts) and built as
    :class:`CriterionResult` values when read.
    """

    __slots__ = ("_criteria", "_lazy", "_targets", "complete", "unit", "window")

    def __init__(self, unit: str, window: str, complete: bool,
                 criteria: tuple[CriterionResult, ...] = (),
                 lazy: tuple[tuple[str, ...], tuple[str, ...],
                             Callable[[str], tuple[TargetResult, ...]]] | None = None,
                 targets: tuple[tuple[str, ...], tuple[str, ...]] | None = None) -> None:
        self.unit = unit
        self.window = window
        self.complete = complete
        self._criteria: tuple[CriterionResult, ...] | None = None if lazy else criteria
        self._lazy = lazy
        self._targets = targets

    def explained(self) -> tuple[CriterionResult, ...]:
        """The criteria with their targets explained, built afresh and not kept: for writing
        a report once, in memory that does not grow with the number of results."""
        if self._criteria is not None or self._lazy is None:
            return self.criteria
        names, verdicts, explain = self._lazy
        return tuple([CriterionResult(name, verdict, None, explain)
                      for name, verdict in zip(names, verdicts, strict=True)])

    def target_verdicts(self) -> dict[str, str]:
        """Each target's verdict, by target id (cheap: no explanation is built)."""
        if self._targets is not None:
            return dict(zip(*self._targets, strict=True))
        return {t.target: t.verdict for c in self.criteria for t in c.targets}

    def target_counts(self) -> tuple[int, int]:
        """How many targets are met, and how many undecided (cheap: no explanation built)."""
        verdicts = (self._targets[1] if self._targets is not None else
                    [t.verdict for c in self.criteria for t in c.targets])
        return verdicts.count("met"), verdicts.count("unknown")

    @property
    def criteria(self) -> tuple[CriterionResult, ...]:
        if self._criteria is None:
            assert self._lazy is not None
            names, verdicts, explain = self._lazy
            self._criteria = tuple([
                CriterionResult(name, verdict, None, explain)
                for name, verdict in zip(names, verdicts, strict=True)])
        return self._criteria

    def verdicts(self) -> dict[str, str]:
        """Each criterion's verdict, without building the results (cheap)."""
        if self._criteria is None and self._lazy is not None:
            return dict(zip(self._lazy[0], self._lazy[1], strict=True))
        return {c.criterion: c.verdict for c in self.criteria}

    def criterion(self, criterion_id: str) -> CriterionResult | None:
        return next((c for c in self.criteria if c.criterion == criterion_id), None)

    def _key(self) -> tuple[str, str, bool, tuple[CriterionResult, ...]]:
        return self.unit, self.window, self.complete, self.criteria

    def __repr__(self) -> str:
        return (f"UnitResult(unit={self.unit!r}, window={self.window!r}, "
                f"complete={self.complete!r}, criteria={self.criteria!r})")


@dataclass(frozen=True)
class Evaluation:
    """Verdicts for every unit and window, and the fate of every input row.

    ``rows_total`` rows were read (or records given); ``rows_used`` of them were evaluated; the
    others are in ``rejected`` (one issue per rejected row, located at file:row and column, or
    one per period for rows outside every window). ``warnings`` do not reject rows.
    """

    plan_id: str
    plan_hash: str
    issued: date | None
    as_of: date
    windows: tuple[str, ...]
    results: tuple[UnitResult, ...]
    rows_total: int = 0
    rows_used: int = 0
    rejected: tuple[Issue, ...] = field(default=())
    warnings: tuple[Issue, ...] = field(default=())
    outside: tuple[OutsidePeriod, ...] = field(default=())
    """Per period and reason, the rows not evaluated (before the campaign, after as-of, in no
    window, a unit no target reads): how many, and the first of them."""
    complete: dict[str, bool] = field(default_factory=dict)
    """Per window: whether it has ended on the as-of date."""
    no_data: tuple[str, ...] = ()
    """Units of the units file that no row, team row or attestation speaks for. They are in
    ``results`` like any other (every verdict unknown, or not met under a ``missing_period``
    policy); reports list them once instead of repeating their empty results."""

    @property
    def rows_rejected(self) -> int:
        return self.rows_total - self.rows_used

    def summary(self) -> dict[str, dict[str, dict[str, int]]]:
        """Per window, per criterion: how many units met, did not meet, or are unknown."""
        out: dict[str, dict[str, Counter[str]]] = {}
        for res in self.results:
            for crit, verdict in res.verdicts().items():
                out.setdefault(res.window, {}).setdefault(crit, Counter())[verdict] += 1
        return {w: {c: {k: counts.get(k, 0) for k in ("met", "not_met", "unknown")}
                     for c, counts in crits.items()} for w, crits in out.items()}

    def for_unit(self, unit: str) -> list[UnitResult]:
        return [r for r in self.results if r.unit == unit]

    def result(self, unit: str, window: str) -> UnitResult | None:
        return next((r for r in self.results if r.unit == unit and r.window == window), None)

    def iter_rows(self) -> Iterator[dict[str, Any]]:
        """One flat row per unit, window and target (the columns of :data:`ROW_COLUMNS`):
        verdicts, observed value, threshold, margin, the months read and missing (space
        separated), and the citation. Built as it is read."""
        for r in self.results:
            for c in r.explained():
                for t in c.targets:
                    yield {"unit": r.unit, "window": r.window, "complete": r.complete,
                           "criterion": c.criterion, "criterion_verdict": c.verdict,
                           "target": t.target, "verdict": t.verdict, "observed": t.observed,
                           "comparator": t.comparator, "threshold": t.threshold,
                           "margin": t.margin, "periods": " ".join(t.periods),
                           "missing_periods": " ".join(t.missing_periods),
                           "no_cases": t.no_cases, "policy": t.policy, "section": t.section,
                           "quote": t.quote}

    def to_rows(self) -> list[dict[str, Any]]:
        """:meth:`iter_rows` as a list: a flat table for any tool."""
        return list(self.iter_rows())

    def to_pandas(self) -> Any:
        """:meth:`to_rows` as a pandas DataFrame (pandas must be installed)."""
        try:
            import pandas  # type: ignore[import-untyped, unused-ignore]
        except ImportError:
            raise EmulationRulesError(msg("results.needs-package", method="to_pandas",
                                          package="pandas")) from None
        return pandas.DataFrame(self.to_rows(), columns=list(ROW_COLUMNS))

    def to_polars(self) -> Any:
        """:meth:`to_rows` as a polars DataFrame (polars must be installed)."""
        try:
            import polars  # type: ignore[import-not-found, unused-ignore]
        except ImportError:
            raise EmulationRulesError(msg("results.needs-package", method="to_polars",
                                          package="polars")) from None
        return polars.from_dicts(self.to_rows(), schema=list(ROW_COLUMNS))


ROW_COLUMNS = ("unit", "window", "complete", "criterion", "criterion_verdict", "target",
               "verdict", "observed", "comparator", "threshold", "margin", "periods",
               "missing_periods", "no_cases", "policy", "section", "quote")
"""The columns of :meth:`Evaluation.to_rows` and of ``evaluate --format csv``."""
