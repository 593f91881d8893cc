"""Which cells a target reads: a unit's rows over some months, as aligned tuples.

Core layer, below the evaluator: works on the rows the evaluator keeps (one tuple per unit and
month, over the plan's columns, the row number last). A unit's own rows are read as they are; a
commune with teams in the units tree is read month by month through :class:`AreaView` (its own
row where it carries a metric, else its teams' rows, where a team's missing month is missing
and a blank at a level the metric is not measured at counts as nothing). Rows for several
months count in a window that holds all their months.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from .records import UnitInfo
from .timelines import Window

__all__ = ["AreaView", "CellContext", "Cells", "OneRow", "UnitTree", "periods_of"]


class UnitTree:
    """The units tree: kinds, team descendants of each unit, and who reads whose rows."""

    def __init__(self, units: Sequence[UnitInfo] | None) -> None:
        self.given = units is not None
        self.info = {u.id: u for u in units or ()}
        self.children: dict[str, list[str]] = {}
        for u in units or ():
            if u.parent and u.parent in self.info:
                self.children.setdefault(u.parent, []).append(u.id)
        self._teams: dict[str, tuple[str, ...]] = {}

    def kind(self, unit: str) -> str | None:
        info = self.info.get(unit)
        return info.kind if info is not None else None

    def teams(self, unit: str) -> tuple[str, ...]:
        """The teams under ``unit`` (through any depth; a cycle is followed once). Each unit's
        teams are computed once, from its children's, so a deep tree costs its size."""
        found = self._teams.get(unit)
        if found is not None:
            return found
        # post-order over the subtree without recursion; a unit met again (a cycle) adds nothing
        order: list[str] = []
        stack, seen = [unit], {unit}
        while stack:
            current = stack.pop()
            order.append(current)
            for child in self.children.get(current, ()):
                if child not in seen and child not in self._teams:
                    seen.add(child)
                    stack.append(child)
        for current in reversed(order):
            below: list[str] = []
            for child in self.children.get(current, ()):
                if child == unit or (child in seen and child not in self._teams):
                    continue  # a cycle back into the walk
                if self.info[child].kind == "team":
                    below.append(child)
                else:
                    below.extend(self._teams.get(child, ()))
            self._teams[current] = tuple(sorted(set(below)))
        return self._teams[unit]


class Cells:
    """One unit's cells: for any months, the rows (aligned tuples) a target reads."""

    __slots__ = ("_area", "_empty", "_own", "_spans")

    def __init__(self, own: Mapping[str, tuple[Any, ...]],
                 spans: Sequence[tuple[tuple[str, ...], tuple[Any, ...]]],
                 empty: tuple[None, ...],
                 area: AreaView | None = None) -> None:
        self._own = own
        self._spans = spans
        self._empty = empty
        self._area = area

    def rows(self, months: Sequence[str]) -> tuple[list[tuple[Any, ...]], list[str]]:
        """The cell rows for ``months`` and the months missing (no row, or after as-of)."""
        if self._area is not None:
            rows: list[tuple[Any, ...]] = []
            missing: list[str] = []
            for m in months:
                found = self._area.month_rows(m)
                rows.extend(found)
            return rows, missing
        own = self._own
        if not self._spans:
            rows = [own[m] for m in months if m in own]
            if len(rows) == len(months):
                return rows, []
            missing = [m for m in months if m not in own]
            return rows + [self._empty] * len(missing), missing
        wanted = set(months)
        rows, covered, cut = [], set(), set()
        for span_months, row in self._spans:
            inside = wanted.intersection(span_months)
            if not inside:
                continue
            if len(inside) == len(span_months):
                rows.append(row)
                covered.update(inside)
            else:
                cut.update(inside)
        missing = []
        for m in months:
            if m in own:
                rows.append(own[m])
            elif m not in covered:
                missing.append(m)
        return rows + [self._empty] * len(missing), missing

    def missing(self, months: Sequence[str], positions: Sequence[int], total: bool
                ) -> list[str]:
        """The months where a cell at ``positions`` is unknown. For a total, a month covered by
        a row for several months inside ``months`` is read through that row."""
        out: list[str] = []
        wanted = set(months)
        through_span: dict[str, tuple[Any, ...]] = {}
        if total and self._area is None:
            for span_months, row in self._spans:
                if wanted.issuperset(span_months):
                    for m in span_months:
                        through_span[m] = row
        for m in months:
            rows = [through_span[m]] if m in through_span else self.month_rows(m)
            if any(r[i] is None for r in rows for i in positions):
                out.append(m)
        return out

    def month_rows(self, month: str) -> list[tuple[Any, ...]]:
        """One month's rows for a per-month target: a month covered only by a row for several
        months has no value of its own (missing)."""
        if self._area is not None:
            return self._area.month_rows(month)
        row = self._own.get(month)
        return [row if row is not None else self._empty]


class AreaView:
    """A commune with teams, read month by month, for each metric:

    - the commune's own row where it gives the metric;
    - the commune's own row, blank or missing, is missing data for a metric its own rows give
      in some month (the commune reports that metric itself);
    - otherwise its teams' rows: a team's missing month is missing; a team's blank is missing
      for a metric measured per team, and counts as nothing for a commune-level count that other
      teams give that month (a blank at a level the metric is not measured at), unless the same
      row gives the other half of the ratio (then the blank half is missing: a part lies in
      [0, whole], a whole in [part, inf));
    - a metric nobody gives that month is missing.

    A ratio's part and whole are read from the same rows.
    """

    __slots__ = ("_cache", "_ctx", "_own_gives", "_teams", "_unit")

    def __init__(self, unit: str, teams: tuple[str, ...], ctx: CellContext) -> None:
        self._unit, self._teams, self._ctx = unit, teams, ctx
        self._cache: dict[str, list[tuple[Any, ...]]] = {}
        own_rows = ctx.data.get(unit, {}).values()
        self._own_gives = frozenset(j for j in range(len(ctx.columns))
                                    if any(r[j] is not None for r in own_rows))

    def month_rows(self, month: str) -> list[tuple[Any, ...]]:
        found = self._cache.get(month)
        if found is not None:
            return found
        ctx = self._ctx
        width = len(ctx.columns)
        own = ctx.data.get(self._unit, {}).get(month)
        team_rows = [ctx.data.get(t, {}).get(month) for t in self._teams]
        if month > ctx.last_month:
            own, team_rows = None, [None] * len(team_rows)
        own_out: list[Any] = [0] * width
        teams_out: list[list[Any]] = [[0] * width for _ in team_rows]
        source_own = [False] * width
        carried = [any(r is not None and r[j] is not None for r in team_rows)
                   for j in range(width)]
        for j in range(width):
            if own is not None and own[j] is not None:
                source_own[j] = True
                if carried[j]:
                    ctx.both_levels(self._unit, ctx.columns[j], month)
            elif j in self._own_gives:
                source_own[j] = True  # its own rows give this metric: blank or missing, unknown
            elif not (ctx.team_level[j] or carried[j]):
                source_own[j] = True  # measured at the commune: its own (blank or no) row
        for i, k in ctx.partner_pairs:  # a ratio's part and whole come from the same rows
            if source_own[i] != source_own[k]:
                use_own = own is None or own[i] is not None or own[k] is not None
                source_own[i] = source_own[k] = use_own
        for j in range(width):
            if source_own[j]:
                own_out[j] = own[j] if own is not None else None
                continue
            # a blank counts as nothing only for a commune-level count other teams give, and
            # only where the row gives no other half of a ratio it belongs to
            blank_is_zero = not ctx.team_level[j] and carried[j]
            halves = ctx.partners.get(j, ())
            for r, out in zip(team_rows, teams_out, strict=True):
                if r is None:
                    out[j] = None
                else:
                    v = r[j]
                    if v is None:
                        v = 0 if blank_is_zero and all(r[k] is None for k in halves) else None
                    out[j] = v
        found = [tuple(own_out), *(tuple(o) for o in teams_out)]
        self._cache[month] = found
        return found


@dataclass
class CellContext:
    columns: tuple[str, ...]
    data: dict[str, dict[str, tuple[Any, ...]]]
    last_month: str
    team_level: list[bool]
    partner_pairs: list[tuple[int, int]]
    both: dict[str, list[Any]]

    partners: dict[int, tuple[int, ...]] = field(default_factory=dict)
    """Per column, the columns it is a ratio's other half of (from ``partner_pairs``)."""

    def __post_init__(self) -> None:
        pairs: dict[int, list[int]] = {}
        for i, k in self.partner_pairs:
            pairs.setdefault(i, []).append(k)
            pairs.setdefault(k, []).append(i)
        self.partners = {j: tuple(ks) for j, ks in pairs.items()}

    def both_levels(self, unit: str, metric: str, month: str) -> None:
        seen = self.both.get(metric)
        if seen is None:
            self.both[metric] = [unit, month, 1]
        else:
            seen[2] += 1


def periods_of(window: Window, per: str) -> list[tuple[str, tuple[str, ...]]]:
    if per == "month":
        return [(m, (m,)) for m in window.months]
    years: dict[str, list[str]] = {}
    for m in window.months:
        years.setdefault(m[:4], []).append(m)
    return [(y, tuple(ms)) for y, ms in years.items()]


class OneRow(Sequence[tuple[Any]]):
    """The columns of a single row: ``cols[j]`` is ``(row[j],)``."""

    __slots__ = ("_row",)

    def __init__(self, row: tuple[Any, ...]) -> None:
        self._row = row

    def __getitem__(self, j: Any) -> Any:
        return (self._row[j],)

    def __len__(self) -> int:
        return len(self._row)
