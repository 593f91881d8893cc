"""Timelines as RFC 5545 calendars, written with the ``icalendar`` package (extra ``calendar``).

Phases and deadlines become all-day events (DTEND is the day after the last day, as RFC 5545
wants for all-day events). Deadline descriptions name who owes them and who receives them.
Summaries and descriptions are in one language (``lang``, default
:func:`emulation_rules.i18n.current`). UIDs and DTSTAMP are derived from the plan and dates, so
the same input gives the same bytes.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime, time, timedelta

from ._inert import terminal
from .errors import MissingExtra
from .i18n import Lang, current, msg
from .i18n import text as _t
from .labels import body_name
from .timelines import Timeline

__all__ = ["MissingExtraError", "render_ics"]


class MissingExtraError(MissingExtra):
    """An optional dependency is not installed."""


def _text(value: str) -> str:
    """A TEXT value made inert before icalendar escapes it: line breaks of any kind become one
    newline (a bare CR is never written, whatever icalendar's version), and other control and
    invisible characters are shown escaped."""
    return terminal(value.replace("\r\n", "\n").replace("\r", "\n"))


def render_ics(timelines: Sequence[Timeline], lang: Lang | None = None) -> bytes:
    """One calendar with the phases and deadlines of every timeline given, in ``lang``."""
    try:
        import icalendar
    except ImportError:  # pragma: no cover - exercised without the extra
        raise MissingExtraError(msg("ics.missing-extra")) from None
    lang = lang or current()
    relations = {r: _t(f"ics.rel.{r.replace('_', '-')}", lang)
                 for r in ("before", "on_or_before", "on")}
    cal = icalendar.Calendar()
    cal.add("prodid", "-//emulation_rules//timeline//VI")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", " · ".join(t.plan_id for t in timelines))
    for tl in timelines:
        stamp = datetime.combine(tl.issued or tl.start, time(0), tzinfo=UTC)
        phases = {p.id: p.label.vi if lang == "vi" else p.label.en for p in tl.phases}
        for phase in tl.phases:
            event = icalendar.Event()
            event.add("uid", f"{tl.plan_id}.{phase.id}@emulation-rules")
            event.add("dtstamp", stamp)
            event.add("summary", _text(f"{tl.plan_id}: {phases[phase.id]}"))
            event.add("dtstart", phase.start)
            event.add("dtend", phase.end + timedelta(days=1))
            event.add("categories", ["phase"])
            cal.add_component(event)
        for inst in tl.deadlines:
            relation = relations[inst.relation]
            label = inst.label.vi if lang == "vi" else inst.label.en
            event = icalendar.Event()
            event.add("uid", f"{tl.plan_id}.{inst.id.replace(':', '.')}@emulation-rules")
            event.add("dtstamp", stamp)
            event.add("summary", _text(_t("ics.deadline", lang, plan=tl.plan_id, label=label,
                                          relation=relation, due=inst.due)))
            event.add("dtstart", inst.last_on_time_day)
            event.add("dtend", inst.last_on_time_day + timedelta(days=1))
            lines = [
                label,
                _t("ics.due", lang, relation=relation, due=inst.due,
                   last=inst.last_on_time_day),
                _t("ics.owed-by", lang, body=body_name(inst.owed_by, lang)),
            ]
            if inst.to:
                lines.append(_t("ics.to", lang, bodies=", ".join(
                    body_name(b, lang) for b in inst.to)) + (
                    " " + _t("ics.via", lang, body=body_name(inst.via, lang)) if inst.via
                    else ""))
            if inst.phase:
                lines.append(_t("ics.phase", lang, phase=phases.get(inst.phase, inst.phase)))
            event.add("description", _text("\n".join(lines)))
            event.add("categories", ["deadline"])
            cal.add_component(event)
    return bytes(cal.to_ical())
