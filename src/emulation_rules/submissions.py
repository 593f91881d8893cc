"""Submission tracking: who reported on time, late, or not at all, as of a date.

A submissions file (CSV, JSON or YAML) has the columns ``unit``, ``deadline`` (a deadline id, or
for a recurring one an instance id such as ``monthly_news:2025-03``), ``submitted`` (a date,
blank if not submitted) and optionally ``kind``. A units file (``id``, ``name``, ``kind``; read by
:func:`emulation_rules.inputs.read_unit_tree`) lists every unit, so that a unit that never
submitted shows as missing. A unit owes a deadline when its kind matches the deadline's
``owed_by``: a commune owes what ``commune_people_committee`` owes, a district what the
district's committees owe, a province what provincial bodies owe. Every input row is accounted
for: used, or rejected with its reason.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from ._inert import shown
from ._tables import UNREAD_ROW_CODES, Row, parse_date_cell, read_table, source_name
from .errors import Hints, Issue
from .i18n import Msg, literal, msg
from .model import Body
from .timelines import DeadlineInstance, SubmissionStatus, Timeline, submission_status
from .vocabulary import UNIT_KINDS

if TYPE_CHECKING:
    from .records import UnitInfo

__all__ = ["BODIES", "Submission", "Tracking", "owes", "read_submissions", "track"]

BODIES = frozenset(Body.__args__)  # type: ignore[attr-defined]
_UNIT_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.\-/]{0,99}$")


def owes(kind: str, owed_by: str) -> bool:
    """Whether a unit of ``kind`` (a unit kind or a body id) owes what ``owed_by`` owes."""
    if kind == owed_by:
        return True
    prefix = owed_by.split("_", 1)[0]
    if owed_by == "local_units":
        return kind in {"agency", "business", "school", "team"}
    return {"commune": "commune", "district": "district", "provincial": "province"}.get(
        prefix) == kind


@dataclass(frozen=True)
class Submission:
    row: int
    unit: str
    deadline: str
    submitted: date | None
    kind: str | None = None


@dataclass(frozen=True)
class Tracking:
    """Statuses of every tracked unit for every deadline instance, and every row's fate."""

    as_of: date
    statuses: tuple[SubmissionStatus, ...]
    rows_total: int
    rows_used: int
    rejected: tuple[Issue, ...] = field(default=())


def _check_kind(kind: str, row: Row, file: str, issues: list[Issue], hint: Hints) -> bool:
    if kind in UNIT_KINDS or kind in BODIES:
        return True
    issues.append(Issue("invalid-value", msg("table.unknown-kind", kind=shown(kind)),
                        row.location(file, "kind"), hint(kind)))
    return False


def read_submissions(path: str | Path, timeline: Timeline, *, encoding: str | None = None,
                     sheet: str | None = None) -> tuple[list[Submission], list[Issue], int]:
    """Submissions from a file (CSV, Excel, JSON or YAML), checked against the timeline's
    deadline instances."""
    path = Path(path)
    rows, issues = read_table(path, encoding=encoding, sheet=sheet,
                              required=("unit", "deadline"))
    file = source_name(path, sheet)
    instance_ids = [d.id for d in timeline.deadlines]
    known = set(instance_ids)
    out: list[Submission] = []
    first: dict[tuple[str, str], int] = {}
    deadline_hint, kind_hint = Hints(instance_ids), Hints([*UNIT_KINDS, *BODIES])
    for row in rows:
        cells = row.cells
        missing = [c for c in ("unit", "deadline") if not cells.get(c)]
        if missing:
            issues.append(Issue("missing-value", msg("table.missing-value",
                                                     column=repr(missing[0])),
                                row.location(file, missing[0])))
            continue
        unit, deadline = cells["unit"], cells["deadline"]
        if not _UNIT_ID.match(unit):
            issues.append(Issue("invalid-value", msg("submissions.bad-unit-id", unit=shown(unit)),
                                row.location(file, "unit")))
            continue
        if deadline not in known:
            issues.append(Issue("unknown-deadline", msg(
                "submissions.unknown-deadline", plan=repr(timeline.plan_id),
                deadline=shown(deadline)), row.location(file, "deadline"),
                deadline_hint(deadline)))
            continue
        submitted = None
        if cells.get("submitted"):
            try:
                submitted = parse_date_cell(cells["submitted"])
            except ValueError as exc:
                reason = exc.args[0] if exc.args else None
                issues.append(Issue("invalid-date", reason if isinstance(reason, Msg) else
                                    literal(str(exc)), row.location(file, "submitted")))
                continue
        kind = cells.get("kind") or None
        if kind is not None and not _check_kind(kind, row, file, issues, kind_hint):
            continue
        key = (unit, deadline)
        if key in first:
            issues.append(Issue("duplicate-row", msg("submissions.twice", unit=repr(unit),
                                                     deadline=repr(deadline), first=first[key],
                                                     second=row.number),
                                row.location(file, "deadline"), msg("submissions.twice.hint")))
            continue
        first[key] = row.number
        out.append(Submission(row.number, unit, deadline, submitted, kind))
    total = len(rows) + sum(1 for i in issues if i.code in UNREAD_ROW_CODES
                            and i.location.is_row)
    return out, issues, total


def track(timeline: Timeline, submissions: Sequence[Submission], as_of: date,
          units: Sequence[UnitInfo] | None = None) -> list[SubmissionStatus]:
    """The status of every unit that owes each deadline instance, as of ``as_of``.

    Units owing a deadline are those of the units list (when given) whose kind matches its
    ``owed_by``, plus every unit with a submission row for it. Sorted by due date, then unit.
    """
    kinds: dict[str, str] = {u.id: u.kind for u in (units or ())}
    for s in submissions:
        if s.kind and s.unit not in kinds:
            kinds[s.unit] = s.kind
    by_key = {(s.unit, s.deadline): s for s in submissions}
    by_deadline: dict[str, set[str]] = {}
    for s in submissions:
        by_deadline.setdefault(s.deadline, set()).add(s.unit)
    by_kind: dict[str, list[str]] = {}
    for u, k in kinds.items():
        by_kind.setdefault(k, []).append(u)
    out: list[SubmissionStatus] = []
    for inst in timeline.deadlines:  # each unit kind is matched once per instance, not each unit
        owing = {u for k, members in by_kind.items() if owes(k, inst.owed_by) for u in members}
        owing |= by_deadline.get(inst.id, set())
        for unit in sorted(owing):
            sub = by_key.get((unit, inst.id))
            out.append(_status(inst, unit, sub.submitted if sub else None, as_of))
    return out


def _status(inst: DeadlineInstance, unit: str, submitted: date | None, as_of: date
            ) -> SubmissionStatus:
    return submission_status(inst.due, inst.relation, submitted, as_of, unit=unit,
                             deadline=inst.id)

