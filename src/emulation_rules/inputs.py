"""Read metrics and units files into evaluation records, accounting for every row.

Metrics: one row per unit and period (``unit``, ``period`` as ``2025-03``, ``03/2025``, a span
of months ``2024-10..2024-12`` or ``2025-Q1``, or ``2026``), one column per metric of the
vocabulary, and for attestations one column per attestation id with yes/no (có/không); a blank
cell is missing data. A row is rejected, with its file, row and column, when a count is not a
whole number >= 0, when two rows give the same unit and period (``duplicate-row``, naming both)
or cover a month twice (``overlapping-periods``), or when counts contradict each
other (a numerator larger than its denominator: ``contradictory-counts``, never clamped). An
unknown column is reported once and ignored. Every row is either used or rejected.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from ._tables import Row, iter_table, read_table
from .errors import Issue, Location, did_you_mean
from .evaluation import Record, UnitInfo, months_of_period, ratio_pairs
from .model import Plan

if TYPE_CHECKING:
    from .awards import PriorAward
from .submissions import BODIES
from .vocabulary import ATTESTATIONS, METRICS, UNIT_KINDS

__all__ = ["MetricsRead", "iter_metrics", "known_units_only", "read_attestations", "read_metrics",
           "read_prior_awards", "read_unit_tree"]

_MONTH = re.compile(r"^(\d{4})-(\d{1,2})$")
_MONTH_VN = re.compile(r"^(\d{1,2})/(\d{4})$")
_YEAR = re.compile(r"^\d{4}$")
_QUARTER = re.compile(r"^(?P<year>\d{4})-[Qq](?P<q>[1-4])$")
_QUARTER_VN = re.compile(r"^[Qq](?P<q>[1-4])/(?P<year>\d{4})$")
_RESERVED = {"unit", "period", "name", "kind", "note", "notes"}
_CATEGORIES = ("armed_forces_or_employee", "other_person", "head_of_unit")
_YES = {"yes", "y", "true", "1", "có", "x", "đạt"}
_NO = {"no", "n", "false", "0", "không", "không đạt"}


@dataclass
class MetricsRead:
    """The outcome of reading a metrics file: records, and the fate of every row."""

    records: list[Record] = field(default_factory=list)
    rejected: list[Issue] = field(default_factory=list)
    warnings: list[Issue] = field(default_factory=list)
    rows_total: int = 0


def _month(text: str) -> str | None:
    text = text.strip()
    m = _MONTH.match(text) or None
    if m and 1 <= int(m.group(2)) <= 12:
        return f"{int(m.group(1)):04d}-{int(m.group(2)):02d}"
    m = _MONTH_VN.match(text)
    if m and 1 <= int(m.group(1)) <= 12:
        return f"{int(m.group(2)):04d}-{int(m.group(1)):02d}"
    return None


def _period(text: str) -> str | None:
    """A month (``2025-03``, ``03/2025``), a year (``2026``), or several consecutive months:
    ``2024-10..2024-12`` or a quarter (``2025-Q1``, ``Q1/2025``), normalised to
    ``YYYY-MM..YYYY-MM`` (a one-month span is that month)."""
    text = text.strip()
    month = _month(text)
    if month is not None:
        return month
    if _YEAR.match(text):
        return text
    m = _QUARTER.match(text) or _QUARTER_VN.match(text)
    if m:
        year, quarter = int(m.group("year")), int(m.group("q"))
        return f"{year:04d}-{3 * quarter - 2:02d}..{year:04d}-{3 * quarter:02d}"
    if ".." in text:
        first, _, last = text.partition("..")
        start, end = _month(first), _month(last)
        if start is not None and end is not None and start <= end:
            period = start if start == end else f"{start}..{end}"
            return period if months_of_period(period) else None  # at most 12 months
    return None


def _rows(path: Path, read: MetricsRead) -> Iterator[Row]:
    issues: list[Issue] = []
    for row in iter_table(path, issues):
        read.rows_total += 1
        yield row
        _sort_table_issues(issues, read)
    _sort_table_issues(issues, read)


def _sort_table_issues(issues: list[Issue], read: MetricsRead) -> None:
    """Move table-level problems into the accounting: a bad row is a rejected row."""
    for issue in issues:
        if issue.code == "row-shape":
            read.rows_total += 1
        if issue.location.line > 1 or issue.code == "row-shape":
            read.rejected.append(issue)
        else:
            read.warnings.append(issue)
    issues.clear()


def read_metrics(path: Path, plan: Plan) -> MetricsRead:
    """Records of a metrics file for ``plan``, all at once, with every rejected row's reason."""
    read = MetricsRead()
    read.records = list(iter_metrics(path, plan, read))
    return read


def iter_metrics(path: Path, plan: Plan, read: MetricsRead) -> Iterator[Record]:
    """Records of a metrics file, one at a time (a CSV file streams).

    ``read`` collects the accounting as the rows pass: every rejected row with its reason,
    warnings, and the number of rows; it is complete once the iterator is exhausted.
    """
    file = str(path)
    pairs = ratio_pairs(plan)
    first: dict[tuple[str, str], tuple[int, str]] = {}
    warned: set[str] = set()
    for row in _rows(path, read):
        cells = row.cells
        problems: list[Issue] = []
        unit, period_text = cells.get("unit", ""), cells.get("period", "")
        if not unit:
            problems.append(Issue("missing-value", "row has no 'unit'",
                                  row.location(file, "unit")))
        period = _period(period_text)
        if period is None:
            problems.append(Issue("invalid-period", f"period {period_text!r} is not a month "
                                  "(2025-03 or 03/2025), a span of up to 12 months "
                                  "(2024-10..2024-12 or 2025-Q1) or a year (2026)",
                                  row.location(file, "period")))
        values: dict[str, int | None] = {}
        for column, text in cells.items():
            if column in _RESERVED:
                continue
            if column in ATTESTATIONS:
                answer = _yes_no(text)
                if text == "":
                    values[column] = None
                elif answer is not None:
                    values[column] = int(answer)
                else:
                    problems.append(Issue("invalid-value", f"{column} = {text!r} is not yes or "
                                          "no (có / không)", row.location(file, column)))
                continue
            if column not in METRICS:
                if column not in warned:
                    warned.add(column)
                    read.warnings.append(Issue(
                        "unknown-column", f"column {column!r} is not a metric; ignored",
                        Location(file, 1, 0, (column,)), did_you_mean(column, METRICS)))
                continue
            if text == "":
                values[column] = None
                continue
            if not re.fullmatch(r"\d{1,12}", text):
                problems.append(Issue("invalid-count", f"{column} = {text!r} is not a whole "
                                      "number of 0 or more", row.location(file, column)))
                continue
            values[column] = int(text)
        for num, den in pairs:
            n, d = values.get(num), values.get(den)
            if n is not None and d is not None and n > d:
                problems.append(Issue("contradictory-counts", f"{num} = {n} is more than "
                                      f"{den} = {d}", row.location(file, num),
                                      "a part cannot exceed its whole; fix the source data"))
        if not problems and period is not None:
            # every month a row covers is covered once: a second row for the same period is a
            # duplicate, a row whose months overlap another row's would count them twice
            months = months_of_period(period)
            clash = next((first[(unit, m)] for m in months if (unit, m) in first), None)
            if clash is not None and clash[1] == period:
                problems.append(Issue("duplicate-row", f"unit {unit!r} has two rows for "
                                      f"{period} (rows {clash[0]} and {row.number})",
                                      row.location(file, "period"),
                                      "rows are never summed: keep one"))
            elif clash is not None:
                problems.append(Issue("overlapping-periods", f"unit {unit!r}: period {period} "
                                      f"overlaps {clash[1]} of row {clash[0]}",
                                      row.location(file, "period"),
                                      "a month is counted in one row only: keep the monthly "
                                      "rows or the longer period, not both"))
            else:
                for m in months:
                    first[(unit, m)] = (row.number, period)
        if problems:
            read.rejected.extend(problems)
            continue
        assert period is not None
        yield Record(unit, period, values, row.number)


def known_units_only(records: Iterable[Record], units: list[UnitInfo], read: MetricsRead,
                     file: str) -> Iterator[Record]:
    """With a units tree, a metrics row for a unit not in it is rejected (not evaluated)."""
    known = {u.id for u in units}
    for rec in records:
        if rec.unit in known:
            yield rec
        else:
            read.rejected.append(Issue("unknown-unit", f"unit {rec.unit!r} is not in the units "
                                       "file", Location(file, rec.row, 0,
                                                        (f"row {rec.row}", "unit")),
                                       did_you_mean(rec.unit, known)))


def read_unit_tree(path: Path) -> tuple[list[UnitInfo], list[Issue], int]:
    """Units (id, name, kind, bloc, parent, and an optional category) and rejected rows.

    ``category`` lists award categories beyond the kind, separated by spaces: for a person
    ``armed_forces_or_employee`` or ``other_person``, and ``head_of_unit``.

    ``kind`` is a unit kind (team, commune, district, ...) or, for deadline tracking, the id of
    the body that owes a deadline (``district_steering_committee``).
    """
    rows, issues = read_table(path)
    file = str(path)
    units: list[UnitInfo] = []
    first: dict[str, int] = {}
    for row in rows:
        c = row.cells
        if not c.get("id") or not c.get("kind"):
            missing = "id" if not c.get("id") else "kind"
            issues.append(Issue("missing-value", f"row has no {missing!r}",
                                row.location(file, missing)))
            continue
        if c["kind"] not in UNIT_KINDS and c["kind"] not in BODIES:
            issues.append(Issue("invalid-value", f"unknown kind {c['kind']!r}",
                                row.location(file, "kind"),
                                did_you_mean(c["kind"], [*UNIT_KINDS, *BODIES])))
            continue
        if c["id"] in first:
            issues.append(Issue("duplicate-row", f"unit {c['id']!r} is listed twice (rows "
                                f"{first[c['id']]} and {row.number})", row.location(file, "id")))
            continue
        categories = tuple(re.split(r"[\s;,]+", c.get("category", "").strip())) if c.get(
            "category", "").strip() else ()
        unknown = [x for x in categories if x not in _CATEGORIES]
        if unknown:
            issues.append(Issue("invalid-value", f"unknown category {unknown[0]!r}",
                                row.location(file, "category"),
                                did_you_mean(unknown[0], _CATEGORIES)))
            continue
        first[c["id"]] = row.number
        units.append(UnitInfo(c["id"], c.get("name", ""), c["kind"], c.get("bloc", ""),
                              c.get("parent", ""), categories))
    known = {u.id for u in units}
    parent_of = {u.id: u.parent for u in units}
    for u in units:
        seen, cursor = {u.id}, u.parent
        while cursor and cursor in parent_of:
            if cursor in seen:
                issues.append(Issue("parent-cycle", f"unit {u.id!r} is its own ancestor "
                                    "through 'parent'", Location(file, first[u.id], 0, (
                                        f"row {first[u.id]}", "parent"))))
                break
            seen.add(cursor)
            cursor = parent_of[cursor]
    for u in units:
        if u.parent and u.parent not in known:
            issues.append(Issue("unknown-parent", f"unit {u.id!r} names parent {u.parent!r}, "
                                "which is not in the file", Location(file, first[u.id], 0,
                                                                     (f"row {first[u.id]}",
                                                                      "parent"))))
    return units, issues, len(rows) + sum(1 for i in issues if i.code == "row-shape")


def _yes_no(text: str) -> bool | None:
    answer = text.strip().lower()
    if answer in _YES:
        return True
    if answer in _NO:
        return False
    return None


def read_attestations(path: Path) -> tuple[dict[str, dict[str, bool]], list[Issue], int]:
    """Attestations per unit: a ``unit`` column and one yes/no (có/không) column per attestation
    id (``outstanding_achievement``, ``leads_bloc``, ...). Blank cells attest nothing."""
    rows, issues = read_table(path)
    file = str(path)
    out: dict[str, dict[str, bool]] = {}
    for row in rows:
        unit = row.cells.get("unit", "")
        if not unit:
            issues.append(Issue("missing-value", "row has no 'unit'", row.location(file, "unit")))
            continue
        found: dict[str, bool] = {}
        bad = False
        for column, text in row.cells.items():
            if column == "unit" or text == "":
                continue
            if column not in ATTESTATIONS:
                issues.append(Issue("unknown-column", f"column {column!r} is not an attestation",
                                    row.location(file, column), did_you_mean(column,
                                                                             ATTESTATIONS)))
                bad = True
                continue
            value = _yes_no(text)
            if value is None:
                issues.append(Issue("invalid-value", f"{column} = {text!r} is not yes or no "
                                    "(có / không)", row.location(file, column)))
                bad = True
                continue
            found[column] = value
        if bad:
            continue
        if unit in out:
            issues.append(Issue("duplicate-row", f"unit {unit!r} has two rows",
                                row.location(file, "unit")))
            continue
        out[unit] = found
    return out, issues, len(rows)


def read_prior_awards(path: Path) -> tuple[list[PriorAward], list[Issue], int]:
    """Awards already received: ``unit``, ``form`` (certificate_of_merit, ...), ``granted_by``
    (a body id) and an optional ``count`` (default 1)."""
    from .awards import PriorAward
    from .submissions import BODIES

    rows, issues = read_table(path)
    file = str(path)
    forms = ("commendation", "certificate_of_merit", "emulation_flag")
    out: list[PriorAward] = []
    for row in rows:
        c = row.cells
        missing = [k for k in ("unit", "form", "granted_by") if not c.get(k)]
        if missing:
            issues.append(Issue("missing-value", f"row has no {missing[0]!r}",
                                row.location(file, missing[0])))
            continue
        if c["form"] not in forms:
            issues.append(Issue("invalid-value", f"unknown award form {c['form']!r}",
                                row.location(file, "form"), did_you_mean(c["form"], forms)))
            continue
        if c["granted_by"] not in BODIES:
            issues.append(Issue("invalid-value", f"unknown body {c['granted_by']!r}",
                                row.location(file, "granted_by"),
                                did_you_mean(c["granted_by"], BODIES)))
            continue
        count_text = c.get("count") or "1"
        if not re.fullmatch(r"\d{1,4}", count_text):
            issues.append(Issue("invalid-count", f"count {count_text!r} is not a whole number",
                                row.location(file, "count")))
            continue
        out.append(PriorAward(c["unit"], c["form"], c["granted_by"], int(count_text)))
    return out, issues, len(rows)
