"""Timelines as RFC 5545 calendars, written with the ``icalendar`` package (extra ``calendar``).

Phases and deadlines become all-day events (DTEND is the day after the last day, as RFC 5545
wants for all-day events). Deadline descriptions name who owes them and who receives them.
UIDs and DTSTAMP are derived from the plan and dates, so the same input gives the same bytes.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime, time, timedelta

from ._inert import terminal
from .errors import EmulationRulesError
from .timelines import Timeline

__all__ = ["MissingExtraError", "render_ics"]

_RELATION_TEXT = {
    "before": ("trước ngày", "strictly before"),
    "on_or_before": ("đến hết ngày", "on or before"),
    "on": ("trong ngày", "on the day"),
}


class MissingExtraError(EmulationRulesError):
    """An optional dependency is not installed."""


def _text(value: str) -> str:
    """A TEXT value made inert before icalendar escapes it: line breaks of any kind become one
    newline (a bare CR is never written, whatever icalendar's version), and other control and
    invisible characters are shown escaped."""
    return terminal(value.replace("\r\n", "\n").replace("\r", "\n"))


def render_ics(timelines: Sequence[Timeline]) -> bytes:
    """One calendar with the phases and deadlines of every timeline given."""
    try:
        import icalendar
    except ImportError:  # pragma: no cover - exercised without the extra
        raise MissingExtraError(
            "calendar output needs the 'calendar' extra: pip install 'emulation-rules[calendar]'"
        ) from None
    cal = icalendar.Calendar()
    cal.add("prodid", "-//emulation_rules//timeline//VI")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", " · ".join(t.plan_id for t in timelines))
    for tl in timelines:
        stamp = datetime.combine(tl.issued or tl.start, time(0), tzinfo=UTC)
        for phase in tl.phases:
            event = icalendar.Event()
            event.add("uid", f"{tl.plan_id}.{phase.id}@emulation-rules")
            event.add("dtstamp", stamp)
            event.add("summary", _text(f"{tl.plan_id}: {phase.label.vi} ({phase.label.en})"))
            event.add("dtstart", phase.start)
            event.add("dtend", phase.end + timedelta(days=1))
            event.add("categories", ["phase"])
            cal.add_component(event)
        for inst in tl.deadlines:
            vi, en = _RELATION_TEXT[inst.relation]
            event = icalendar.Event()
            event.add("uid", f"{tl.plan_id}.{inst.id.replace(':', '.')}@emulation-rules")
            event.add("dtstamp", stamp)
            event.add("summary", _text(f"{tl.plan_id}: {inst.label.vi} ({vi} "
                                       f"{inst.due.strftime('%d/%m/%Y')})"))
            event.add("dtstart", inst.last_on_time_day)
            event.add("dtend", inst.last_on_time_day + timedelta(days=1))
            lines = [
                f"{inst.label.vi} / {inst.label.en}",
                f"Hạn: {vi} {inst.due.strftime('%d/%m/%Y')} ({en} {inst.due.isoformat()}); "
                f"last on-time day {inst.last_on_time_day.isoformat()}",
                f"Owed by: {inst.owed_by}",
            ]
            if inst.to:
                lines.append(f"To: {', '.join(inst.to)}" + (f" via {inst.via}" if inst.via
                                                              else ""))
            if inst.phase:
                lines.append(f"Phase: {inst.phase}")
            event.add("description", _text("\n".join(lines)))
            event.add("categories", ["deadline"])
            cal.add_component(event)
    return bytes(cal.to_ical())
