"""Render timelines and submission tracking as text tables and JSON-ready data."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from datetime import date
from typing import Any

from .timeline import DeadlineInstance, SubmissionStatus, Timeline

__all__ = ["side_by_side", "timeline_data", "timeline_text", "tracking_data", "tracking_text"]

_REL = {"before": "trước (before)", "on_or_before": "đến hết (on or before)",
        "on": "trong ngày (on)"}


def _iso(day: date | None) -> str | None:
    return day.isoformat() if day else None


def _deadline_data(d: DeadlineInstance) -> dict[str, Any]:
    out: dict[str, Any] = {
        "id": d.id, "deadline": d.deadline_id, "label": {"vi": d.label.vi, "en": d.label.en},
        "due": d.due.isoformat(), "relation": d.relation,
        "last_on_time_day": d.last_on_time_day.isoformat(), "owed_by": d.owed_by,
        "to": list(d.to), "via": d.via, "phase": d.phase,
    }
    if d.period_start is not None:
        out["period"] = {"start": d.period_start.isoformat(), "end": d.due.isoformat()}
    return out


def timeline_data(tl: Timeline, as_of: date | None = None) -> dict[str, Any]:
    """A timeline as JSON-ready data; with ``as_of``, the position and what is due next."""
    data: dict[str, Any] = {
        "plan": tl.plan_id,
        "issued": _iso(tl.issued),
        "campaign": {"start": tl.start.isoformat(), "end": _iso(tl.end),
                     "horizon": tl.horizon.isoformat()},
        "phases": [{"id": p.id, "label": {"vi": p.label.vi, "en": p.label.en},
                    "start": p.start.isoformat(), "end": p.end.isoformat(), "days": p.days,
                    "starts_at_issuance": p.starts_at_issuance,
                    "months": tl.months_of_phase(p.id)} for p in tl.phases],
        "gaps": [{"start": g.start.isoformat(), "end": g.end.isoformat(), "days": g.days}
                 for g in tl.gaps],
        "deadlines": [_deadline_data(d) for d in tl.deadlines],
        "reviews": [{"id": r.id, "kind": r.kind, "start": r.start.isoformat(),
                     "end": r.end.isoformat()} for r in tl.reviews],
        "straddling_month_rule": tl.straddling_rule,
        "notes": list(tl.notes),
    }
    if as_of is not None:
        pos = tl.position(as_of)
        data["as_of"] = {"date": as_of.isoformat(), "status": pos.status, "phase": pos.phase,
                         "days_left": pos.days_left, "next_phase": pos.next_phase,
                         "next_deadlines": [d.id for d in tl.upcoming(as_of, 5)]}
    return data


def timeline_text(tl: Timeline, as_of: date | None = None) -> str:
    lines = [f"{tl.plan_id}: issued {_iso(tl.issued) or '(not needed)'}; campaign "
             f"{tl.start.isoformat()} → {_iso(tl.end) or 'open-ended'}"]
    lines += [f"  note: {n}" for n in tl.notes]
    for p in tl.phases:
        origin = " (from the issue date)" if p.starts_at_issuance else ""
        lines.append(f"  phase {p.id}: {p.start.isoformat()} → {p.end.isoformat()} "
                     f"({p.days} days){origin}; months {', '.join(tl.months_of_phase(p.id))}")
    for g in tl.gaps:
        lines.append(f"  gap (no phase): {g.start.isoformat()} → {g.end.isoformat()} "
                     f"({g.days} days)")
    if tl.phases:
        lines.append(f"  straddling months: {tl.straddling_rule}")
    lines.append("  deadlines:")
    for d in tl.deadlines:
        lines.append(f"    {d.last_on_time_day.isoformat()}  {d.id}: {d.label.vi} — "
                     f"{_REL[d.relation]} {d.due.isoformat()}; {d.owed_by}"
                     + (f" → {', '.join(d.to)}" if d.to else ""))
    lines.append("  reviews: " + ", ".join(f"{r.id} ({r.start.isoformat()} → "
                                            f"{r.end.isoformat()})" for r in tl.reviews))
    if as_of is not None:
        pos = tl.position(as_of)
        where = {"in_phase": f"in {pos.phase}, {pos.days_left} day(s) left including today",
                 "between_phases": "between phases" + (f", {pos.next_phase} starts in "
                                                       f"{pos.days_left} day(s)"
                                                       if pos.next_phase else ""),
                 "before_campaign": "before the campaign",
                 "after_campaign": "after the campaign",
                 "in_campaign": "in the campaign"}[pos.status]
        lines.append(f"  as of {as_of.isoformat()}: {where}")
        nxt = tl.upcoming(as_of, 3)
        for d in nxt:
            lines.append(f"    next: {d.id} — last on-time day {d.last_on_time_day.isoformat()}")
        if not nxt:
            lines.append("    next: no deadline left")
    return "\n".join(lines) + "\n"


def side_by_side(timelines: Sequence[Timeline]) -> str:
    """The campaigns in one table, so that the differences between localities show."""
    header = ["plan", "issued", "campaign", "phases", "gaps", "deadlines (last on-time day)"]
    rows = []
    for tl in timelines:
        phases = "; ".join(f"{p.id} {p.start:%d/%m/%Y}–{p.end:%d/%m/%Y}" for p in tl.phases)
        gaps = "; ".join(f"{g.start:%d/%m/%Y}–{g.end:%d/%m/%Y}" for g in tl.gaps) or "—"
        dated = [d for d in tl.deadlines if not d.recurring]
        recurring = sorted({d.deadline_id for d in tl.deadlines if d.recurring})
        deadlines = "; ".join(f"{d.id} {d.last_on_time_day:%d/%m/%Y}" for d in dated)
        if recurring:
            deadlines += ("; " if deadlines else "") + ", ".join(recurring) + " (recurring)"
        end = f"{tl.end:%d/%m/%Y}" if tl.end else "open"
        rows.append([tl.plan_id, f"{tl.issued:%d/%m/%Y}" if tl.issued else "—",
                     f"{tl.start:%d/%m/%Y}–{end}", phases or "— (yearly reviews)", gaps,
                     deadlines or "—"])
    widths = [max(len(r[i]) for r in [header, *rows]) for i in range(len(header))]
    out = [" | ".join(c.ljust(w) for c, w in zip(header, widths, strict=True)),
           "-+-".join("-" * w for w in widths)]
    out += [" | ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)) for r in rows]
    return "\n".join(line.rstrip() for line in out) + "\n"


def tracking_data(statuses: Sequence[SubmissionStatus]) -> list[dict[str, Any]]:
    return [{"unit": s.unit, "deadline": s.deadline, "status": s.status,
             "due": s.due.isoformat(), "relation": s.relation,
             "submitted": _iso(s.submitted), "days_late": s.days_late, "early": s.early}
            for s in statuses]


def tracking_text(statuses: Sequence[SubmissionStatus], as_of: date) -> str:
    lines = [f"submissions as of {as_of.isoformat()}:"]
    for s in statuses:
        extra = f", {s.days_late} day(s) late" if s.status == "late" else ""
        extra += ", early" if s.early else ""
        sub = f" submitted {s.submitted.isoformat()}" if s.submitted else ""
        lines.append(f"  {s.deadline:<28} {s.unit:<20} {s.status}{extra}{sub} "
                     f"(due {_REL[s.relation]} {s.due.isoformat()})")
    counts = Counter(s.status for s in statuses)
    lines.append("  totals: " + ", ".join(f"{k} {counts.get(k, 0)}" for k in
                                           ("on_time", "late", "missing", "not_yet_due")))
    return "\n".join(lines) + "\n"
