"""Dates and periods: a plan's concrete campaign for a given issue date.

Pure: the issue date, the as-of date and the horizon are arguments; nothing here reads a clock or
a file. :func:`timeline` turns a plan into a :class:`Timeline`: phases with concrete dates,
the gaps between them, every deadline (recurring ones expanded with ``dateutil.rrule``, clipped
to the campaign), the reviews, the **windows** the evaluator evaluates over, and the answers
staff ask of a calendar: where are we on a date, what is due next, and was a submission on time.

One window model: phases, the campaign, calendar years and review stages are all
:class:`Window` values with the months they hold. A month belongs to a phase by the plan's
straddling-month rule, where days before the issue date (or the campaign start) and after the
campaign end are days in no phase; a month in a gap between phases belongs to the campaign
window and to no phase.
"""

from __future__ import annotations

import calendar
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from itertools import islice
from typing import Literal

from dateutil.rrule import MONTHLY, YEARLY, rrule

from .errors import EmulationRulesError
from .i18n import Lang, Msg, msg
from .limits import (
    CAMPAIGN_YEARS,
    DEADLINE_INSTANCES,
    FIRST_DAY,
    LAST_DAY,
    latest_campaign_end,
)
from .model import DEFAULT_STRADDLING_RULE, ISSUANCE, Deadline, Plan, Text

__all__ = [
    "DeadlineInstance",
    "Gap",
    "IssueDateError",
    "Note",
    "PhaseWindow",
    "Position",
    "Review",
    "SubmissionStatus",
    "Timeline",
    "TimelineError",
    "Window",
    "build_timeline",
    "last_on_time_day",
    "submission_status",
    "timeline",
]

CAMPAIGN = "campaign"

Relation = Literal["before", "on_or_before", "on"]
Status = Literal["on_time", "late", "missing", "not_yet_due"]
ONE_DAY = timedelta(days=1)


class TimelineError(EmulationRulesError):
    """The plan cannot be laid out on a calendar with the dates given (a usage problem).

    Raised with one :class:`~emulation_rules.i18n.Msg`: ``str(exc)`` is the sentence in the
    current language."""


class IssueDateError(TimelineError):
    """The issue date is missing where the plan needs it, or impossible for the plan."""


@dataclass(frozen=True, slots=True)
class Note:
    """A sentence about a timeline, for people: a note, or a ``warning`` (an issue date that
    makes the plan doubtful). Rendered when shown, in the language asked for."""

    text: Msg
    warning: bool = False

    def render(self, lang: Lang | None = None) -> str:
        """The sentence as the timeline's data shows it: a warning with its word ("warning:
        ..."), a note as it is."""
        return msg("timeline.warning", text=self.text).render(lang) if self.warning else (
            self.text.render(lang))

    def labelled(self, lang: Lang | None = None) -> str:
        """The sentence with its word, warning or note ("note: ...")."""
        return self.render(lang) if self.warning else msg("timeline.note",
                                                          text=self.text).render(lang)

    def __str__(self) -> str:
        return self.render()


@dataclass(frozen=True)
class PhaseWindow:
    """A phase with concrete dates; both ends inclusive."""

    id: str
    label: Text
    start: date
    end: date
    starts_at_issuance: bool = False

    def __contains__(self, day: object) -> bool:
        return isinstance(day, date) and self.start <= day <= self.end

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1


@dataclass(frozen=True)
class Gap:
    """Days inside the campaign that belong to no phase (inclusive)."""

    start: date
    end: date

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1


@dataclass(frozen=True)
class DeadlineInstance:
    """One dated obligation: a deadline, or one period of a recurring one."""

    id: str
    """``report_phase_1``; for a recurring one ``monthly_news:2025-03``, ``yearly_report:2026``."""
    deadline_id: str
    label: Text
    due: date
    relation: Relation
    owed_by: str
    to: tuple[str, ...] = ()
    via: str | None = None
    phase: str | None = None
    period_start: date | None = None
    """For a recurring obligation: the first day of its period (it is due within the period)."""

    @property
    def last_on_time_day(self) -> date:
        return last_on_time_day(self.due, self.relation)

    @property
    def recurring(self) -> bool:
        return self.period_start is not None


@dataclass(frozen=True)
class Review:
    """A review occasion: a phase review (sơ kết), the final review (tổng kết), a yearly review,
    or a stage review; ``id`` is what ``--review`` names (``phase_1``, ``final``, ``year:2026``,
    ``stage:2026-2030``)."""

    id: str
    kind: Literal["phase_review", "final_review", "yearly_review", "stage_review"]
    start: date
    end: date


@dataclass(frozen=True)
class Window:
    """A stretch of the campaign that targets are evaluated over: a phase, the whole campaign,
    a calendar year or a review stage. ``months`` are the calendar months it holds (``YYYY-MM``),
    months after the as-of date included: data for them is missing until they have passed."""

    id: str
    """``phase_1``; ``campaign``; ``year:2026``; ``stage:2026-2030``."""
    kind: Literal["phase", "campaign", "year", "stage"]
    start: date
    end: date
    months: tuple[str, ...]
    years: tuple[str, ...] = ()
    """For a stage: the year windows it holds (``year:2026`` ...)."""

    def complete(self, as_of: date) -> bool:
        """The window has ended on ``as_of``: its verdicts are final."""
        return self.end <= as_of


@dataclass(frozen=True)
class Position:
    """Where a date falls in the campaign."""

    as_of: date
    status: Literal["before_campaign", "in_phase", "between_phases", "after_campaign",
                    "in_campaign"]
    phase: str | None = None
    days_left: int | None = None
    """Days left in the phase (or gap, or campaign), counting the as-of day itself."""
    next_phase: str | None = None


@dataclass(frozen=True, slots=True)
class SubmissionStatus:
    """Status of one unit for one deadline instance, as of a date."""

    unit: str
    deadline: str
    status: Status
    due: date
    relation: Relation
    submitted: date | None = None
    days_late: int = 0
    early: bool = False
    """True for an on-time submission before the day of an ``on`` ("trong ngày") deadline."""


def last_on_time_day(due: date, relation: Relation) -> date:
    """The last day a submission is on time: D-1 for ``before`` ("trước ngày D"), D otherwise."""
    return due - ONE_DAY if relation == "before" else due


def submission_status(due: date, relation: Relation, submitted: date | None, as_of: date,
                      *, unit: str = "", deadline: str = "") -> SubmissionStatus:
    """Status of one submission as of a date, honouring the relation exactly.

    An early submission is on time for every relation (flagged ``early`` for ``on``). A
    submission dated after ``as_of`` is not known yet on that date. Without a submission, the
    deadline is ``not_yet_due`` up to its last on-time day and ``missing`` from the day after.
    """
    last = last_on_time_day(due, relation)
    if submitted is not None and submitted <= as_of:
        if submitted <= last:
            return SubmissionStatus(unit, deadline, "on_time", due, relation, submitted,
                                    early=relation == "on" and submitted < due)
        return SubmissionStatus(unit, deadline, "late", due, relation, submitted,
                                days_late=(submitted - last).days)
    status: Status = "missing" if as_of > last else "not_yet_due"
    return SubmissionStatus(unit, deadline, status, due, relation)


def _month_end(day: date) -> date:
    return day.replace(day=calendar.monthrange(day.year, day.month)[1])


@dataclass(frozen=True)
class Timeline:
    """A plan's concrete calendar (see :func:`build_timeline`)."""

    plan_id: str
    issued: date | None
    start: date
    end: date | None
    """Campaign end, inclusive; None for an open-ended movement."""
    horizon: date
    """Last day laid out: the campaign end, or the ``until`` of an open-ended movement."""
    phases: tuple[PhaseWindow, ...]
    gaps: tuple[Gap, ...]
    deadlines: tuple[DeadlineInstance, ...]
    reviews: tuple[Review, ...]
    straddling_rule: str = DEFAULT_STRADDLING_RULE
    notes: tuple[Note, ...] = field(default=())
    """Notes and warnings about the layout (:class:`Note`: ``warning`` tells them apart)."""
    windows: tuple[Window, ...] = field(default=())
    """Every window the evaluator evaluates over, in order: phases, then the campaign (or, for
    an open-ended movement, each year, then each stage)."""
    month_phase: dict[str, str | None] = field(default_factory=dict, compare=False)
    """Each month touching the campaign: the phase it belongs to (None: no phase)."""

    def window(self, window_id: str) -> Window | None:
        return next((w for w in self.windows if w.id == window_id), None)

    @property
    def active_start(self) -> date:
        """The first day the campaign runs: the later of its start and the issue date."""
        return max(self.start, self.issued) if self.issued else self.start

    def phase_of(self, day: date) -> PhaseWindow | None:
        """The phase holding ``day``, or None (a gap, or outside the campaign)."""
        return next((p for p in self.phases if day in p), None)

    def position(self, as_of: date) -> Position:
        """Where ``as_of`` falls: in a phase (days left in it), between phases, before or after."""
        if as_of < self.start:
            first = self.phases[0].id if self.phases else None
            return Position(as_of, "before_campaign", days_left=None, next_phase=first)
        if self.end is not None and as_of > self.end:
            return Position(as_of, "after_campaign")
        phase = self.phase_of(as_of)
        if phase is not None:
            return Position(as_of, "in_phase", phase.id, (phase.end - as_of).days + 1)
        later = [p for p in self.phases if p.start > as_of]
        if later or self.phases:
            gap_end = later[0].start - ONE_DAY if later else (self.end or self.horizon)
            return Position(as_of, "between_phases", None, (gap_end - as_of).days + 1,
                            later[0].id if later else None)
        end = self.end or self.horizon
        return Position(as_of, "in_campaign", None, (end - as_of).days + 1)

    def upcoming(self, as_of: date, limit: int | None = None) -> list[DeadlineInstance]:
        """Deadlines whose last on-time day is on or after ``as_of``, soonest first."""
        due = [d for d in self.deadlines if d.last_on_time_day >= as_of]
        return due[:limit] if limit is not None else due

    def instance(self, instance_id: str) -> DeadlineInstance | None:
        return next((d for d in self.deadlines if d.id == instance_id), None)

    def phase_of_month(self, year: int, month: int) -> str | None:
        """The phase a calendar month belongs to, by the plan's straddling-month rule (days
        before the issue date and after the campaign end are days in no phase)."""
        return self.month_phase.get(f"{year:04d}-{month:02d}")

    def months_of_phase(self, phase_id: str) -> list[str]:
        """The months (``YYYY-MM``) that belong to a phase under the straddling rule."""
        window = self.window(phase_id)
        return list(window.months) if window is not None else []


def _issue_date(plan: Plan, issued: date | None) -> date | None:
    if not plan.needs_issue_date:
        return issued
    if issued is None:
        raise IssueDateError(msg("timeline.issue-date-needed", plan=repr(plan.id)))
    earliest = max((r.date for r in plan.implements), default=None)
    if earliest is not None and issued < earliest:
        ref = next(r for r in plan.implements if r.date == earliest)
        raise IssueDateError(msg("timeline.issued-before-basis", issued=issued,
                                 number=ref.number, earliest=earliest, plan=repr(plan.id)))
    if plan.phases and issued > plan.phases[0].end:
        raise IssueDateError(msg("timeline.issued-after-first-phase", issued=issued,
                                 end=plan.phases[0].end, plan=repr(plan.id)))
    return issued


def _concrete(value: date | str, issued: date | None) -> date:
    if value == ISSUANCE:
        assert issued is not None  # guaranteed by _issue_date
        return issued
    assert isinstance(value, date)
    return value


def _stage_end(start: date, stage_years: int, day: date) -> date:
    """The last day of the review stage that holds ``day`` (stages run from ``start``)."""
    years = max(0, day.year - start.year)
    stage_index = years // stage_years
    return date(start.year + (stage_index + 1) * stage_years - 1, 12, 31)


def _recurring(d: Deadline, start: date, end: date, issued: date | None = None
               ) -> Iterator[DeadlineInstance]:
    rec = d.recurrence
    assert rec is not None
    first = start
    if rec.start == ISSUANCE:  # "từ khi ban hành": nothing falls due before the plan exists
        first = max(first, issued or start)
    elif rec.start is not None:
        assert isinstance(rec.start, date)
        first = max(first, rec.start)
    last = min(end, rec.until) if rec.until is not None else end
    monthly = rec.freq == "monthly"
    anchor = first.replace(day=1) if monthly else first.replace(month=1, day=1)
    for dt in rrule(MONTHLY if monthly else YEARLY, dtstart=anchor, until=last):
        period_start = dt.date()
        period_end = _month_end(period_start) if monthly else period_start.replace(month=12,
                                                                                   day=31)
        suffix = f"{dt.year:04d}-{dt.month:02d}" if monthly else f"{dt.year:04d}"
        yield DeadlineInstance(
            id=f"{d.id}:{suffix}", deadline_id=d.id, label=d.label,
            due=min(period_end, last), relation="on_or_before", owed_by=d.owed_by, to=d.to,
            via=d.via, phase=d.phase, period_start=max(period_start, first))


def build_timeline(plan: Plan, *, issued: date | None = None, until: date | None = None,
                   as_of: date | None = None) -> Timeline:
    """Lay ``plan`` out on the calendar.

    ``issued`` is required when a date of the plan is tied to its (blank) issue date. For an
    open-ended movement, ``until`` bounds the expansion; it defaults to the end of the review
    stage that holds ``as_of`` (or the first stage). Raises :class:`TimelineError`.
    """
    if plan.template:
        raise TimelineError(msg("timeline.template", plan=repr(plan.id)))
    if plan.campaign is None:
        raise TimelineError(msg("timeline.no-campaign", plan=repr(plan.id)))
    dated = [(msg("timeline.date.issued"), issued), (msg("timeline.date.as-of"), as_of),
             (msg("timeline.date.until"), until),
             (msg("timeline.date.campaign-start"), plan.campaign.start),
             (msg("timeline.date.campaign-end"), plan.campaign.end),
             *((msg("timeline.date.phase-end", phase=p.id), p.end) for p in plan.phases)]
    for what, day in dated:
        if isinstance(day, date) and not FIRST_DAY <= day <= LAST_DAY:
            raise TimelineError(msg("timeline.date-out-of-range", what=what, day=day,
                                    first=FIRST_DAY, last=LAST_DAY))
    issued = _issue_date(plan, issued)
    camp = plan.campaign
    start = _concrete(camp.start, issued)
    notes: list[Note] = []
    if camp.end is None:
        cycle = camp.review_cycle
        assert cycle is not None  # checked when the plan was loaded
        if until is None:
            until = _stage_end(start, cycle.stage_years, as_of or start)
            notes.append(Note(msg("timeline.open-ended", until=until)))
        if until < start:
            raise TimelineError(msg("timeline.until-before-start", until=until, start=start))
        horizon = until
    else:
        horizon = camp.end
        if latest_campaign_end(start) < camp.end:
            raise TimelineError(msg("timeline.campaign-too-long", plan=repr(plan.id),
                                    start=start, end=camp.end, years=CAMPAIGN_YEARS))
    phases = tuple(PhaseWindow(p.id, p.label, _concrete(p.start, issued), p.end,
                               p.start == ISSUANCE) for p in plan.phases)
    gaps: list[Gap] = []
    cursor = start
    for phase in phases:
        if phase.start > cursor:
            gaps.append(Gap(cursor, phase.start - ONE_DAY))
        cursor = max(cursor, phase.end + ONE_DAY)
    if phases and camp.end is not None and cursor <= camp.end:
        gaps.append(Gap(cursor, camp.end))
    instances: list[DeadlineInstance] = []
    for d in plan.deadlines:
        if d.recurrence is not None:
            left = DEADLINE_INSTANCES + 1 - len(instances)
            instances.extend(islice(_recurring(d, start, horizon, issued), max(0, left)))
            if len(instances) > DEADLINE_INSTANCES:
                raise TimelineError(msg("timeline.too-many-deadlines", plan=repr(plan.id),
                                        limit=DEADLINE_INSTANCES, horizon=horizon))
        else:
            assert d.due is not None and d.relation is not None
            instances.append(DeadlineInstance(d.id, d.id, d.label, d.due, d.relation, d.owed_by,
                                              d.to, d.via, d.phase))
    instances.sort(key=lambda i: (i.last_on_time_day, i.id))
    reviews = list(_reviews(plan, phases, max(start, issued) if issued else start, horizon))
    rule = plan.straddling_month.rule if plan.straddling_month else DEFAULT_STRADDLING_RULE
    if issued is not None and isinstance(camp.start, date) and issued < camp.start:
        notes.append(Note(msg("timeline.issued-before-campaign", issued=issued,
                              start=camp.start), warning=True))
    for inst in instances:
        if issued is not None and not inst.recurring and inst.last_on_time_day < issued:
            notes.append(Note(msg("timeline.issued-after-deadline", issued=issued,
                                  deadline=repr(inst.id), due=inst.due), warning=True))
    active = max(start, issued) if issued else start
    # an open-ended movement's windows run to the end of the stage holding the horizon: a
    # stage window always holds its whole stage (its later months are missing data)
    stage_years = camp.review_cycle.stage_years if camp.review_cycle else 0
    window_end = (_stage_end(start, stage_years, horizon) if camp.end is None and stage_years
                  else horizon)
    month_phase, windows = _windows(phases, active, camp.end, window_end, rule, stage_years)
    return Timeline(plan.id, issued, start, camp.end, horizon, phases, tuple(gaps),
                    tuple(instances), tuple(reviews), rule, tuple(notes), windows, month_phase)


def timeline(plan: Plan, *, issued: date | None = None, as_of: date | None = None,
             until: date | None = None) -> Timeline:
    """The plan on the calendar for an issue date: phases, gaps, deadlines, reviews, windows.

    ``issued`` is required when a date of the plan is tied to its (blank) issue date. For an
    open-ended movement, ``until`` bounds the expansion (default: the end of the review stage
    holding ``as_of``). Raises :class:`TimelineError` (an :class:`EmulationRulesError`).
    """
    return build_timeline(plan, issued=issued, until=until, as_of=as_of)


def _month_range(first: date, last: date) -> Iterator[tuple[date, date]]:
    """(first day, last day) of each calendar month from ``first``'s to ``last``'s."""
    cursor = first.replace(day=1)
    while cursor <= last:
        end = _month_end(cursor)
        yield cursor, end
        cursor = end + ONE_DAY


def _holder(spans: Sequence[tuple[str | None, date, date]], first: date, last: date,
            rule: str) -> str | None:
    """Who holds a month under the straddling rule: the id of a span (a phase, or ``""`` for
    days in the campaign but in no phase), or None (the month lies mostly outside)."""
    days: dict[str | None, int] = {}
    latest: dict[str | None, date] = {}
    at_first: str | None = None
    at_last: str | None = None
    for key, start, end in spans:
        lo, hi = max(start, first), min(end, last)
        if lo > hi:
            continue
        days[key] = days.get(key, 0) + (hi - lo).days + 1
        latest[key] = max(latest.get(key, hi), hi)
        if lo == first:
            at_first = key
        if hi == last:
            at_last = key
    outside = (last - first).days + 1 - sum(days.values())
    if rule == "month_start":
        return at_first
    if rule == "month_end":
        return at_last
    if not days:
        return None
    best = max(days.values())
    if outside > best:
        return None
    winners = [k for k, n in days.items() if n == best]
    # a tie goes to the later holder (the one whose days come later in the month)
    return max(winners, key=lambda k: latest[k])


def _windows(phases: Sequence[PhaseWindow], start: date, end: date | None, horizon: date,
             rule: str, stage_years: int) -> tuple[dict[str, str | None], tuple[Window, ...]]:
    """Each month's phase, and every window: phases and the campaign, or years and stages."""
    last_day = end if end is not None else horizon
    spans: list[tuple[str | None, date, date]] = []
    cursor = start
    for p in sorted(phases, key=lambda p: p.start):
        lo = max(p.start, start)
        if lo > cursor:
            spans.append(("", cursor, lo - ONE_DAY))
        if lo <= p.end:
            spans.append((p.id, lo, min(p.end, last_day)))
        cursor = max(cursor, p.end + ONE_DAY)
    if cursor <= last_day:
        spans.append(("", cursor, last_day))
    month_phase: dict[str, str | None] = {}
    by_phase: dict[str, list[str]] = {p.id: [] for p in phases}
    campaign: list[str] = []
    if start <= last_day:
        k = 0  # spans are in order and months ascend: each month looks at its own spans only
        for first, last in _month_range(start, last_day):
            key = f"{first.year:04d}-{first.month:02d}"
            while k < len(spans) and spans[k][2] < first:
                k += 1
            j = k
            while j < len(spans) and spans[j][1] <= last:
                j += 1
            holder = _holder(spans[k:j], first, last, rule)
            month_phase[key] = holder or None
            if holder is not None:
                campaign.append(key)
                if holder:
                    by_phase[holder].append(key)
    windows: list[Window] = [Window(p.id, "phase", max(p.start, start), p.end,
                                    tuple(by_phase[p.id])) for p in phases]
    if end is not None:
        windows.append(Window(CAMPAIGN, "campaign", start, end, tuple(campaign)))
        return month_phase, tuple(windows)
    years: list[Window] = []
    by_year: dict[str, list[str]] = {}
    for m in campaign:
        by_year.setdefault(m[:4], []).append(m)
    for year in range(start.year, horizon.year + 1):
        months = tuple(by_year.get(f"{year:04d}", ()))
        years.append(Window(f"year:{year}", "year", max(date(year, 1, 1), start),
                            date(year, 12, 31), months))
    windows += years
    if stage_years:
        for first_year in range(start.year, horizon.year + 1, stage_years):
            last_year = first_year + stage_years - 1
            inside = years[first_year - start.year:last_year - start.year + 1]
            windows.append(Window(f"stage:{first_year}-{last_year}", "stage",
                                  max(date(first_year, 1, 1), start), date(last_year, 12, 31),
                                  tuple(m for w in inside for m in w.months),
                                  tuple(w.id for w in inside)))
    return month_phase, tuple(windows)


def _reviews(plan: Plan, phases: Iterable[PhaseWindow], start: date, horizon: date
             ) -> Iterator[Review]:
    phases = list(phases)
    for p in phases:
        yield Review(p.id, "phase_review", p.start, p.end)
    camp = plan.campaign
    assert camp is not None
    if camp.end is not None:
        yield Review("final", "final_review", start, camp.end)
        return
    cycle = camp.review_cycle
    assert cycle is not None
    for dt in rrule(YEARLY, dtstart=start.replace(month=1, day=1), until=horizon):
        year_start = max(dt.date(), start)
        yield Review(f"year:{dt.year}", "yearly_review", year_start, date(dt.year, 12, 31))
    for dt in rrule(YEARLY, interval=cycle.stage_years, dtstart=start.replace(month=1, day=1),
                    until=horizon):
        last_year = dt.year + cycle.stage_years - 1
        yield Review(f"stage:{dt.year}-{last_year}", "stage_review", max(dt.date(), start),
                     date(last_year, 12, 31))
