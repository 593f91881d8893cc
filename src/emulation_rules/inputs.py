"""Read metrics, units and attestation files into records, accounting for every row.

Metrics: one row per unit and period (``unit``, ``period`` as ``2025-03``, ``03/2025``, a span
of months ``2024-10..2024-12`` or ``2025-Q1``, or ``2026``), one column per metric of the
vocabulary, and for attestations one column per attestation id with yes/no (có/không); a blank
cell is missing data. This module only reads: a cell that is not a whole number >= 0 (or not
yes/no) rejects its row here, with file, row and column; every other check (a part larger than
its whole, a unit not in the units file, two rows for one month) is made by
:func:`emulation_rules.evaluate`, the same for every caller. An unknown column is reported once
and ignored.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from . import limits
from ._inert import shown, skeleton
from ._tables import UNREAD_ROW_CODES, Row, iter_table, read_table, source_name
from .errors import EmulationRulesError, Hints, Issue, Location, Severity
from .evaluation import AttestationRow
from .i18n import Msg, literal, msg
from .model import Plan
from .records import Record, RecordSource, UnitInfo, normalise_period, parse_count

if TYPE_CHECKING:
    from .eligibility import PriorAward
from .submissions import BODIES
from .vocabulary import ATTESTATIONS, METRICS, UNIT_KINDS

__all__ = ["MetricsRead", "iter_metrics", "read_attestations", "read_metrics",
           "read_prior_awards", "read_unit_tree"]

_RESERVED = {"unit", "period", "name", "kind", "note", "notes"}
_CATEGORIES = ("armed_forces_or_employee", "other_person", "head_of_unit")
_YES = {"yes", "y", "true", "1", "có", "x", "đạt"}
_NO = {"no", "n", "false", "0", "không", "không đạt"}
_COUNT = re.compile(r"[0-9]{1,12}")


class MetricsRead(RecordSource):
    """The records of a metrics file and the rows its reader rejected: pass it whole to
    :func:`emulation_rules.evaluate`, which adds its own checks and counts every row."""


PathLike = str | Path
"""A file given by its path, as text or as a Path."""

_TABLE_SUFFIXES = (".csv", ".tsv", ".txt", ".xlsx", ".json", ".yaml", ".yml")


def metrics_files(paths: PathLike | Sequence[PathLike]) -> list[Path]:
    """The files ``paths`` name: each file as given, and for a folder the table files in it
    (CSV, Excel, JSON, YAML; by name; not its subfolders)."""
    given = [paths] if isinstance(paths, str | Path) else list(paths)
    out: list[Path] = []
    for item in given:
        path = Path(item)
        if path.is_dir():
            out += sorted(p for p in path.iterdir()
                          if p.is_file() and p.suffix.lower() in _TABLE_SUFFIXES
                          and not p.name.startswith((".", "~$")))
        else:
            out.append(path)
    return out


class _Streaming(MetricsRead):
    """Metrics files read as they are iterated (once): memory does not grow with their
    length."""

    def __init__(self, paths: list[Path], encoding: str | None, sheet: str | None) -> None:
        super().__init__()
        self._paths, self._encoding, self._sheet = paths, encoding, sheet
        self._used = False

    def __iter__(self) -> Iterator[Record]:
        if self._used:
            raise EmulationRulesError("a streaming metrics reader can be iterated once: use "
                                      "read_metrics() to read a file more than once")
        self._used = True
        return _all_records(self._paths, self, self._encoding, self._sheet)


def _all_records(paths: Sequence[Path], read: RecordSource, encoding: str | None,
                 sheet: str | None) -> Iterator[Record]:
    for path in paths:
        yield from _records(path, read, encoding, sheet)


def _rows(path: Path, read: RecordSource, encoding: str | None, sheet: str | None,
          required: Sequence[str]) -> Iterator[Row]:
    issues: list[Issue] = []
    for row in iter_table(path, issues, encoding=encoding, sheet=sheet, required=required):
        read.rows_read += 1
        yield row
        _sort_table_issues(issues, read)
    _sort_table_issues(issues, read)


def _sort_table_issues(issues: list[Issue], read: RecordSource) -> None:
    """Move table-level problems into the accounting: a bad row is a rejected row."""
    for issue in issues:
        if issue.code in UNREAD_ROW_CODES and issue.location.is_row:
            read.rows_read += 1
        if issue.location.is_row:
            read.rejected.append(issue)
        elif issue.severity is Severity.WARNING:
            read.warnings.append(issue)
        else:
            read.rejected.append(issue)
    issues.clear()


def read_metrics(path: PathLike | Sequence[PathLike], plan: Plan | None = None, *,
                 encoding: str | None = None, sheet: str | None = None) -> MetricsRead:
    """Records of metrics files, all at once, with every row the reader rejected and why.

    ``path`` is a file (CSV, Excel ``.xlsx``, JSON or YAML), a folder of them, or a list of
    files and folders; their rows are read as one table (evaluate() finds two rows for one
    unit and month across files too). ``encoding`` reads CSV written in another encoding
    (``cp1258``); ``sheet`` names the sheet of a workbook (default: the first).

    Give the result itself to :func:`emulation_rules.evaluate` (not only ``.records``) so that
    the rejected rows are counted with the rest."""
    read = MetricsRead()
    read.records = list(_all_records(metrics_files(path), read, encoding, sheet))
    return read


def iter_metrics(path: PathLike | Sequence[PathLike], plan: Plan | None = None, *,
                 encoding: str | None = None, sheet: str | None = None) -> MetricsRead:
    """The same as :func:`read_metrics`, read while it is iterated: CSV and Excel files
    stream (memory stays flat as rows grow)."""
    return _Streaming(metrics_files(path), encoding, sheet)


def _period_of(row: Row, file: str) -> tuple[str | None, Issue | None]:
    """The row's period: as written, or from a date a spreadsheet typed (Excel turns
    ``03/2025`` into 1 March 2025: that is the month 2025-03)."""
    text = row.cells.get("period", "")
    if "period" in row.dates and len(text) == 10:
        if text.endswith("-01"):
            return text[:7], None
        return None, Issue("invalid-period",
                           msg("inputs.period-is-a-date", day=date.fromisoformat(text)),
                           row.location(file, "period"), msg("inputs.period-is-a-date.hint"))
    period = normalise_period(text)
    if period is None:
        return None, Issue("invalid-period", msg("inputs.invalid-period", period=shown(text)),
                           row.location(file, "period"))
    return period, None


def _records(path: Path, read: RecordSource, encoding: str | None = None,
             sheet: str | None = None) -> Iterator[Record]:
    return records_of_rows(_rows(path, read, encoding, sheet, ("unit", "period")),
                           source_name(path, sheet), read)


def records_of_rows(rows: Iterable[Row], file: str, read: RecordSource) -> Iterator[Record]:
    """Records from rows of text cells, by the rules every metrics reader applies (a count is
    a whole number >= 0, yes/no for attestations, a period as people write it); a row that
    breaks one is added to ``read.rejected`` with its row and column."""
    warned: set[str] = set()
    column_hint = Hints(METRICS)
    for row in rows:
        cells = row.cells
        problems: list[Issue] = []
        unit = cells.get("unit", "")
        if not unit:
            problems.append(Issue("missing-value", msg("table.missing-value", column="'unit'"),
                                  row.location(file, "unit")))
        period, period_issue = _period_of(row, file)
        if period_issue is not None:
            problems.append(period_issue)
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
                    problems.append(Issue("invalid-value", msg("inputs.not-yes-no", column=column,
                                                               value=shown(text)),
                                          row.location(file, column)))
                continue
            if column not in METRICS:
                if column not in warned:
                    warned.add(column)
                    read.warnings.append(Issue(
                        "unknown-column", msg("inputs.not-a-metric", column=shown(column)),
                        Location(file, 1, 0, (column,)), column_hint(column),
                        Severity.WARNING))
                continue
            if text == "":  # the common cells first, without a call (parse_count's rules)
                values[column] = None
                continue
            if _COUNT.fullmatch(text):
                values[column] = int(text)
                continue
            try:
                values[column] = parse_count(text)
            except ValueError as exc:
                problem, hint = (*exc.args, None, None)[:2]
                problems.append(Issue("invalid-count", msg(
                    "inputs.invalid-count", column=column, value=shown(text),
                    problem=problem if isinstance(problem, Msg) else literal(str(problem))),
                    row.location(file, column), hint if isinstance(hint, Msg) else None))
        if problems:
            read.rejected.extend(problems)
            continue
        assert period is not None
        yield Record(unit, period, values, row.number, file)


def read_unit_tree(path: PathLike, *, encoding: str | None = None, sheet: str | None = None
                   ) -> tuple[list[UnitInfo], list[Issue], int]:
    """Units (id, name, kind, bloc, parent, and an optional category) and rejected rows.

    ``bloc_size`` (optional) declares how many units the bloc has in all: "dẫn đầu khối" is
    computed only for a bloc whose declared size equals the units of it that were evaluated.

    ``category`` lists award categories beyond the kind, separated by spaces: for a person
    ``armed_forces_or_employee`` or ``other_person``, and ``head_of_unit``.

    ``kind`` is a unit kind (team, commune, district, ...) or, for deadline tracking, the id of
    the body that owes a deadline (``district_steering_committee``).
    """
    path = Path(path)
    rows, issues = read_table(path, encoding=encoding, sheet=sheet, required=("id", "kind"))
    file = source_name(path, sheet)
    units: list[UnitInfo] = []
    read = len(rows) + sum(1 for i in issues if i.code in UNREAD_ROW_CODES
                           and i.location.is_row)
    if len(rows) > limits.UNITS:
        first_over = rows[limits.UNITS]
        issues.append(Issue("too-many", msg("inputs.too-many-units", count=len(rows),
                                            limit=limits.UNITS, row=first_over.number),
                            first_over.location(file, "id"), msg("inputs.too-many-units.hint")))
        rows = rows[:limits.UNITS]
    first: dict[str, int] = {}
    kind_hint, category_hint = Hints([*UNIT_KINDS, *BODIES]), Hints(_CATEGORIES)
    for row in rows:
        c = row.cells
        if not c.get("id") or not c.get("kind"):
            missing = "id" if not c.get("id") else "kind"
            issues.append(Issue("missing-value", msg("table.missing-value", column=repr(missing)),
                                row.location(file, missing)))
            continue
        if c["kind"] not in UNIT_KINDS and c["kind"] not in BODIES:
            issues.append(Issue("invalid-value", msg("table.unknown-kind", kind=shown(c["kind"])),
                                row.location(file, "kind"), kind_hint(c["kind"])))
            continue
        if c["id"] in first:
            issues.append(Issue("duplicate-row", msg("inputs.unit-twice", unit=repr(c["id"]),
                                                     first=first[c["id"]], second=row.number),
                                row.location(file, "id")))
            continue
        categories = tuple(re.split(r"[\s;,]+", c.get("category", "").strip())) if c.get(
            "category", "").strip() else ()
        unknown = [x for x in categories if x not in _CATEGORIES]
        if unknown:
            issues.append(Issue("invalid-value",
                                msg("inputs.unknown-category", category=shown(unknown[0])),
                                row.location(file, "category"), category_hint(unknown[0])))
            continue
        size_text = c.get("bloc_size", "")
        if size_text and not _COUNT.fullmatch(size_text):
            issues.append(Issue("invalid-count", msg("inputs.bloc-size", value=repr(size_text)),
                                row.location(file, "bloc_size")))
            continue
        first[c["id"]] = row.number
        units.append(UnitInfo(c["id"], c.get("name", ""), c["kind"], c.get("bloc", ""),
                              c.get("parent", ""), categories,
                              int(size_text) if size_text else None))
    known = {u.id for u in units}
    issues += _lookalikes(units, first, file)
    parent_of = {u.id: u.parent for u in units}
    # each unit's parent chain walked once in all (linear in the file, however deep the tree):
    # 1 = on the chain being walked, 2 = done
    state: dict[str, int] = {}
    for u in units:
        chain: list[str] = []
        cursor = u.id
        while cursor in parent_of and cursor not in state:
            state[cursor] = 1
            chain.append(cursor)
            cursor = parent_of[cursor]
        if state.get(cursor) == 1:  # the walk came back to itself: these units form a cycle
            for unit_id in chain[chain.index(cursor):]:
                issues.append(Issue("parent-cycle", msg("inputs.parent-cycle", unit=repr(unit_id)),
                                    Location(file, first[unit_id], 0, (
                                        f"row {first[unit_id]}", "parent"))))
        for unit_id in chain:
            state[unit_id] = 2
    for u in units:
        if u.parent and u.parent not in known:
            issues.append(Issue("unknown-parent", msg("inputs.unknown-parent", unit=repr(u.id),
                                                      parent=repr(u.parent)),
                                Location(file, first[u.id], 0, (f"row {first[u.id]}",
                                                                "parent"))))
    return units, issues, read


def _yes_no(text: str) -> bool | None:
    answer = text.strip().lower()
    if answer in _YES:
        return True
    if answer in _NO:
        return False
    return None


def _lookalikes(units: Sequence[UnitInfo], rows: Mapping[str, int], file: str) -> list[Issue]:
    """A warning for each unit whose id differs from an earlier one only by case, a look-alike
    letter or an invisible character (``h1x01`` and ``H1X01``, ``h1x0\u0430``, ``h1x\u200b01``):
    rows meant for one would go to the other, or be refused as unknown."""
    seen: dict[str, str] = {}
    out: list[Issue] = []
    for u in units:
        key = skeleton(u.id)
        other = seen.setdefault(key, u.id)
        if other != u.id:
            out.append(Issue("lookalike-ids", msg("inputs.lookalike-ids", first=shown(other),
                                                  first_row=rows[other], second=shown(u.id),
                                                  second_row=rows[u.id]),
                             Location(file, rows[u.id], 0), msg("inputs.lookalike-ids.hint"),
                             Severity.WARNING))
    return out


def read_attestations(path: PathLike, *, encoding: str | None = None, sheet: str | None = None
                      ) -> tuple[list[AttestationRow], list[Issue], int]:
    """Attestations: a ``unit`` column, an optional ``window`` column (a window id: a phase,
    ``campaign`` or ``final`` for the campaign window, ``year:2026``, ``stage:2026-2030``;
    blank: every window of the campaign) and one yes/no (có/không) column per
    attestation id (``outstanding_achievement``, ``all_tasks_completed``, ...). Blank cells
    attest nothing."""
    path = Path(path)
    rows, issues = read_table(path, encoding=encoding, sheet=sheet, required=("unit",))
    file = source_name(path, sheet)
    out: list[AttestationRow] = []
    seen: dict[tuple[str, str], int] = {}
    column_hint = Hints(ATTESTATIONS)
    for row in rows:
        unit = row.cells.get("unit", "")
        window = row.cells.get("window", "")
        if not unit:
            issues.append(Issue("missing-value", msg("table.missing-value", column="'unit'"),
                                row.location(file, "unit")))
            continue
        found: dict[str, bool] = {}
        bad = False
        for column, text in row.cells.items():
            if column in ("unit", "window", "name", "note", "notes") or text == "":
                continue
            if column not in ATTESTATIONS:
                issues.append(Issue("unknown-column",
                                    msg("inputs.not-an-attestation", column=shown(column)),
                                    row.location(file, column), column_hint(column)))
                bad = True
                continue
            value = _yes_no(text)
            if value is None:
                issues.append(Issue("invalid-value", msg("inputs.not-yes-no", column=column,
                                                         value=shown(text)),
                                    row.location(file, column)))
                bad = True
                continue
            found[column] = value
        if bad:
            continue
        # blank: the whole campaign (every window); "final" names the campaign window
        key = (unit, "campaign" if window == "final" else window)
        if key in seen:
            twice = (msg("inputs.attestation-twice.window", unit=shown(unit), window=repr(window),
                         first=seen[key], second=row.number) if window else
                     msg("inputs.attestation-twice", unit=shown(unit), first=seen[key],
                         second=row.number))
            issues.append(Issue("duplicate-row", twice, row.location(file, "unit")))
            continue
        seen[key] = row.number
        out.append(AttestationRow(unit, found, key[1], row.number, file))
    return out, issues, len(rows)


def attestations_for(rows: list[AttestationRow], window: str) -> dict[str, dict[str, bool]]:
    """Per unit, the judgements that hold in ``window`` (the window a review reads its award
    conditions in: the phase, ``campaign`` for the final review, the year, the stage):
    campaign-wide rows, then the rows for that window, which take precedence. A row for
    another window (a phase's, at the final review) does not count."""
    out: dict[str, dict[str, bool]] = {}
    for row in sorted(rows, key=lambda r: r.window != ""):
        if not row.window or row.window == window:
            out.setdefault(row.unit, {}).update(row.values)
    return out


def read_prior_awards(path: PathLike, *, encoding: str | None = None, sheet: str | None = None
                      ) -> tuple[list[PriorAward], list[Issue], int]:
    """Awards already received: ``unit``, ``form`` (certificate_of_merit, ...), ``granted_by``
    (a body id) and an optional ``count`` (default 1)."""
    from .eligibility import PriorAward
    from .submissions import BODIES

    path = Path(path)
    rows, issues = read_table(path, encoding=encoding, sheet=sheet,
                              required=("unit", "form", "granted_by"))
    file = source_name(path, sheet)
    forms = ("commendation", "certificate_of_merit", "emulation_flag")
    out: list[PriorAward] = []
    form_hint, body_hint = Hints(forms), Hints(BODIES)
    for row in rows:
        c = row.cells
        missing = [k for k in ("unit", "form", "granted_by") if not c.get(k)]
        if missing:
            issues.append(Issue("missing-value", msg("table.missing-value",
                                                     column=repr(missing[0])),
                                row.location(file, missing[0])))
            continue
        if c["form"] not in forms:
            issues.append(Issue("invalid-value", msg("inputs.unknown-form", form=shown(c["form"])),
                                row.location(file, "form"), form_hint(c["form"])))
            continue
        if c["granted_by"] not in BODIES:
            issues.append(Issue("invalid-value",
                                msg("inputs.unknown-body", body=shown(c["granted_by"])),
                                row.location(file, "granted_by"), body_hint(c["granted_by"])))
            continue
        count_text = c.get("count") or "1"
        if not re.fullmatch(r"\d{1,4}", count_text):
            issues.append(Issue("invalid-count", msg("inputs.award-count", value=repr(count_text)),
                                row.location(file, "count")))
            continue
        out.append(PriorAward(c["unit"], c["form"], c["granted_by"], int(count_text)))
    return out, issues, len(rows)
