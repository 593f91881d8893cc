"""The HTML report: one self-contained file a district office hands to its superiors.

``render_report(ev, plan, timeline=tl, units=units, rejected=issues, inputs=[("metrics.csv",
"sha256:...")], report=awards_report)`` returns the text of one HTML file (Jinja2, the
``report`` extra) that needs nothing else: no network, no script, no font, no image file; the
styles are inline, once, and the charts are inline SVG. It opens from a USB stick in any
browser and prints on A4. Vietnamese by default, English with ``lang="en"``. Its sections
(each a ``<section>`` with a stable ``id``):

1. ``record``: the plan's title and number, the issuer, the issue date used, the as-of date
   and where it falls in the campaign, the review (with an awards report), the plan's hash and
   each input file's hash, the rows read, evaluated and rejected.
2. ``timeline``: the campaign as an SVG chart (phases, gaps between them, the campaign or its
   stages, review dates and deadlines numbered in date order, recurring deadlines as ticks,
   the as-of date as a dashed line), and the same as a table (what a printout and a screen
   reader read).
3. ``window-<id>`` for each window of the evaluation (``window-phase_1``, ``window-campaign``,
   ``window-year-2026``): whether it had ended on the as-of date; the pass rate of each
   criterion as an SVG bar chart (``pass-<id>``: met, not met and undecided, each with its own
   fill pattern and its count written out); the unit x criterion matrix (``matrix-<id>``)
   with the units' names. Each cell has a colour **and** a symbol and word (✓ đạt, ✗ không
   đạt, ? chưa xác định: readable in black and white) and opens its explanation
   (``<details>``, no script): per target the value observed, the target as worded
   (comparator and threshold), the margin, the months without data, what undecided cells
   would need, the section and quote of the document, and the marks of local policy (a cell
   decided by a local rule carries a ``*``). The rows are the evaluated units but teams: a
   team whose commune is a row is counted in its commune's row (a team-level criterion's
   cell says how many of the commune's teams met it and opens the list of teams). Rows are
   grouped under their district (the parent of the row's unit); above
   :data:`MATRIX_ROWS_MAX` rows a window's matrix is one table per district, after a summary
   table of districts with links to their tables.
4. ``changes``: the units whose verdict changed from one phase to the next (or from one year
   to the next), each change as ``✗ → ✓`` with the criterion.
5. ``awards`` (with ``report``): the candidates per granting authority and award (its form,
   the tier), each with its verdict, the conditions met, and for the others what is lacking
   or undecided, with the detail and the section cited.
6. ``rejected``: each rejected input row: file, row, column, code, message (with its hint)
   and what the code means, in the report's language.

**Inert.** The template is rendered with autoescaping on; every text from the inputs (a unit
name, a label, a quote, a file name) passes through :func:`emulation_rules._inert.terminal`
(control and invisible characters shown as ``\\x1b``) and is then escaped, so no input can add
markup, a script or a link. The report has no ``<script>`` and no URL.

**Print.** ``@page { size: A4 }``; the window sections print on landscape pages; each section
starts a page; table headers repeat on every page (``<thead>``); colours print as shown.

Labels, verdict words, forms, granting bodies, window labels and the order of the columns are
those of the results workbook, and the wording of what an undecided target needs is the one of
``explain``: the three outputs read them from :mod:`emulation_rules.labels` and say the same
things the same way. The report's own words are the catalogue's ``html.*`` messages
(:mod:`emulation_rules.i18n`); the template writes only what it is given.
"""

from __future__ import annotations

import functools
import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from importlib import resources
from typing import TYPE_CHECKING, Any

from ._inert import shown, terminal
from .conditions import COMPARATORS
from .errors import EmulationRulesError, Issue, MissingExtra
from .i18n import LANGS, Lang, Msg, current, msg
from .i18n import text as _t
from .labels import (
    FORMS,
    TEXT,
    WORDS,
    body_name,
    date_text,
    issue_column,
    issue_meaning,
    layout,
    need_text,
    window_label,
)
from .model import Plan, plan_hash
from .records import UnitInfo
from .results import CriterionResult, Evaluation, TargetResult, UnitResult
from .timelines import Timeline

if TYPE_CHECKING:
    from jinja2 import Template

    from .eligibility import AwardsReport, Candidate, ConditionOutcome, QuotaResult

__all__ = [
    "MATRIX_ROWS_MAX",
    "ReportHtmlError",
    "ReportJinjaMissingError",
    "render_report",
]

MATRIX_ROWS_MAX = 300
"""A window's matrix with more rows than this is grouped by district: a summary table of the
districts (how many of their units met each criterion, a link to each district's table), then
one table per district. Up to it, one table (with a heading row per district)."""

TEMPLATE = "templates/report.html.j2"
"""The Jinja2 template, a resource of the package (shipped in the wheel with the modules)."""

SYMBOLS = {"met": "✓", "not_met": "✗", "unknown": "?"}
"""A verdict's symbol, shown with its word and its colour: colour is never the only signal."""

_OCCASIONS: dict[str, Msg] = {
    "phase_review": msg("html.occasion.phase-review"),
    "final_review": msg("html.occasion.final-review"),
    "yearly_review": msg("html.occasion.yearly-review"),
    "stage_review": msg("html.occasion.stage-review"),
}
"""An awards review's occasion in words."""
_BASIS: dict[str, Msg] = {
    "document": msg("html.basis.document"),
    "attestation": msg("html.basis.attestation"),
    "local_policy": msg("html.basis.local-policy"),
    "computed": msg("html.basis.computed"),
}
_STANDARDS: dict[str, Msg] = {
    "collective": msg("html.standard.collective"),
    "individual": msg("html.standard.individual"),
}


def _review_name(kind: str, window: str, lang: Lang) -> str:
    """A review on the timeline: "Sơ kết Đợt 1", "Tổng kết" (Review of Phase 1)."""
    if kind == "phase_review":
        return _t("html.review-name.phase-review", lang, window=window)
    if kind == "final_review":
        return _t("html.review-name.final-review", lang)
    if kind == "yearly_review":
        return _t("html.review-name.yearly-review", lang, window=window)
    if kind == "stage_review":
        return _t("html.review-name.stage-review", lang, window=window)
    raise KeyError(kind)


def _relation(relation: str, day: str, lang: Lang) -> str:
    """When a deadline falls due: "trước ngày 31/08/2025" (before 2025-08-31)."""
    if relation == "before":
        return _t("html.relation.before", lang, day=day)
    if relation == "on_or_before":
        return _t("html.relation.on-or-before", lang, day=day)
    if relation == "on":
        return _t("html.relation.on", lang, day=day)
    raise KeyError(relation)


def _labels(lang: Lang) -> dict[str, str]:
    """The page's labels by key (those without placeholders, looked up once per report): the
    shared ones of :data:`labels.TEXT <emulation_rules.labels.TEXT>` and the report's own, from
    the catalogue (``html.*``). The template reads them as ``t.<key>``."""
    own = {
        "doc": _t("html.doc", lang),
        "contents": _t("html.contents", lang),
        "record": _t("html.record", lang),
        "timeline": _t("html.timeline", lang),
        "pass_rates": _t("html.pass-rates", lang),
        "matrix": _t("html.matrix", lang),
        "changes": _t("html.changes", lang),
        "awards": _t("html.awards", lang),
        "rejected": _t("html.rejected", lang),
        "inputs": _t("html.inputs", lang),
        "hash": _t("html.hash", lang),
        "position": _t("html.position", lang),
        "before_campaign": _t("html.before-campaign", lang),
        "after_campaign": _t("html.after-campaign", lang),
        "issued_none": _t("html.issued-none", lang),
        "no_review": _t("html.no-review", lang),
        "windows": _t("html.windows", lang),
        "rows": _t("html.rows", lang),
        "phases_row": _t("html.phases-row", lang),
        "years_row": _t("html.years-row", lang),
        "campaign_row": _t("html.campaign-row", lang),
        "stages_row": _t("html.stages-row", lang),
        "reviews_row": _t("html.reviews-row", lang),
        "deadlines_row": _t("html.deadlines-row", lang),
        "recurring_row": _t("html.recurring-row", lang),
        "gap": _t("html.gap", lang),
        "gap_short": _t("html.gap-short", lang),
        "number": _t("html.number", lang),
        "date": _t("html.date", lang),
        "what": _t("html.what", lang),
        "kind_col": _t("html.kind-col", lang),
        "phase_kind": _t("html.phase-kind", lang),
        "gap_kind": _t("html.gap-kind", lang),
        "review_kind": _t("html.review-kind", lang),
        "deadline_kind": _t("html.deadline-kind", lang),
        "recurring_kind": _t("html.recurring-kind", lang),
        "ended_badge": _t("html.ended-badge", lang),
        "running_badge": _t("html.running-badge", lang),
        "legend": _t("html.legend", lang),
        "legend_teams": _t("html.legend-teams", lang),
        "hint": _t("html.hint", lang),
        "unit_col": _t("html.unit-col", lang),
        "no_data_mark": _t("html.no-data-mark", lang),
        "not_evaluated": _t("html.not-evaluated", lang),
        "district_none": _t("html.district-none", lang),
        "district_col": _t("html.district-col", lang),
        "units_col": _t("html.units-col", lang),
        "observed": _t("html.observed", lang),
        "required": _t("html.required", lang),
        "margin_word": _t("html.margin-word", lang),
        "missing": _t("html.missing", lang),
        "need": _t("html.need", lang),
        "source": _t("html.source", lang),
        "notes": _t("html.notes", lang),
        "months_unit": _t("html.months-unit", lang),
        "years_unit": _t("html.years-unit", lang),
        "points": _t("html.points", lang),
        "attested_req": _t("html.attested-req", lang),
        "attested_yes": _t("html.attested-yes", lang),
        "attested_no": _t("html.attested-no", lang),
        "attested_none": _t("html.attested-none", lang),
        "any_of": _t("html.any-of", lang),
        "all_of": _t("html.all-of", lang),
        "no_cases": _t("html.no-cases", lang),
        "local_missing": _t("html.local-missing", lang),
        "despite": _t("html.despite", lang),
        "no_value": _t("html.no-value", lang),
        "changes_none": _t("html.changes-none", lang),
        "changes_no_pair": _t("html.changes-no-pair", lang),
        "change_col": _t("html.change-col", lang),
        "no_form": _t("html.no-form", lang),
        "met_conditions": _t("html.met-conditions", lang),
        "lacking": _t("html.lacking", lang),
        "quota_place": _t("html.quota.place", lang),
        "quota_status": _t("html.quota.status", lang),
        "rejected_none": _t("html.rejected-none", lang),
    }
    return {**TEXT[lang], **own}


class ReportHtmlError(EmulationRulesError):
    """The HTML report cannot be written from these inputs (an unknown language, an evaluation
    or a timeline of another plan, no jinja2)."""


class ReportJinjaMissingError(ReportHtmlError, MissingExtra):
    """jinja2 is not installed: ``pip install 'emulation-rules[report]'``."""


# ---------------------------------------------------------------------------------------------
# what the template reads


@dataclass(frozen=True)
class Line:
    """One line of an explanation: a label and its value."""

    label: str
    value: str


@dataclass(frozen=True)
class TargetView:
    """One target of a cell's explanation."""

    label: str
    verdict: str
    symbol: str
    word: str
    lines: tuple[Line, ...]


@dataclass(frozen=True)
class TeamView:
    """One team in a commune's cell of a team-level criterion."""

    name: str
    unit: str
    verdict: str
    symbol: str
    word: str
    values: tuple[str, ...]
    """Per target of the criterion: the value observed (and the months missing)."""


@dataclass(frozen=True)
class CellView:
    """One unit's verdict for one criterion in a window, and its explanation."""

    verdict: str
    """met, not_met, unknown; ``mixed`` for a cell that counts teams; ``none``: the
    criterion is not evaluated for the unit."""
    symbol: str
    word: str
    local: bool = False
    targets: tuple[TargetView, ...] = ()
    counts: tuple[tuple[str, str, int], ...] = ()
    """For a cell that counts teams: (verdict, symbol, how many) for each verdict present."""
    teams: tuple[TeamView, ...] = ()
    team_targets: tuple[TargetView, ...] = ()
    """The criterion's targets as worded (no unit's value), for the team list."""
    title: str = ""
    end: bool = False
    """The explanation opens leftwards (a cell in the right half of the table)."""
    teams_head: str = ""
    """The heading of the team list ("Các tổ của Xã Hiếu"), for a cell with teams."""


@dataclass(frozen=True)
class RowView:
    name: str
    unit: str
    no_data: bool
    cells: tuple[CellView, ...]


@dataclass(frozen=True)
class GroupView:
    """The rows of one district (``name`` empty: no heading)."""

    name: str
    anchor: str
    rows: tuple[RowView, ...]
    summary: tuple[str, ...] = ()
    """For the summary table: per column, the counts as ``✓ n ✗ n ? n``."""


@dataclass(frozen=True)
class ColumnView:
    id: str
    number: int
    label: str


@dataclass(frozen=True)
class Bar:
    """A rectangle of a chart (and the text in or after it)."""

    x: float
    y: float
    w: float
    h: float
    cls: str
    label: str = ""
    title: str = ""
    tx: float = 0.0
    ty: float = 0.0


@dataclass(frozen=True)
class Mark:
    """A numbered marker of the timeline (a review or a deadline)."""

    x: float
    y: float
    number: int
    cls: str
    title: str


@dataclass(frozen=True)
class Tick:
    x: float
    label: str


@dataclass(frozen=True)
class RateRow:
    y: float
    label: tuple[str, ...]
    full: str
    segments: tuple[Bar, ...]
    text: str


@dataclass(frozen=True)
class RateChart:
    anchor: str
    height: float
    rows: tuple[RateRow, ...]


@dataclass(frozen=True)
class TimelineChart:
    width: float
    height: float
    left: float
    right: float
    axis_y: float
    rows: tuple[tuple[float, str], ...]
    bars: tuple[Bar, ...]
    marks: tuple[Mark, ...]
    ticks: tuple[Tick, ...]
    recurring: tuple[float, ...]
    recurring_y: float
    today_x: float | None
    today_label: str
    today_anchor: str


@dataclass(frozen=True)
class TimelineRow:
    number: str
    when: str
    kind: str
    what: str


@dataclass(frozen=True)
class WindowView:
    id: str
    anchor: str
    matrix_id: str
    label: str
    complete: bool
    columns: tuple[ColumnView, ...]
    groups: tuple[GroupView, ...]
    grouped: bool
    rows: int
    rates: RateChart
    has_teams: bool
    heading: str = ""
    """The section's heading ("Kết quả: Đợt 1")."""
    grouped_text: str = ""
    """For a matrix split by district: what the split is."""


@dataclass(frozen=True)
class ChangeView:
    name: str
    unit: str
    changes: tuple[tuple[str, str, str, str, str, str], ...]
    """(criterion number and label, before verdict, before symbol, after verdict, after
    symbol, and for the changes of the unit's teams: how many and which)."""


@dataclass(frozen=True)
class ChangePair:
    before: str
    after: str
    rows: tuple[ChangeView, ...]
    summary: str
    heading: str = ""
    """The two windows: "Đợt 1 → Đợt 2"."""


@dataclass(frozen=True)
class CandidateView:
    name: str
    unit: str
    standard: str
    verdict: str
    symbol: str
    word: str
    met: tuple[str, ...]
    lacking: tuple[tuple[str, str, str], ...]
    """(verdict, symbol, the condition with its detail, basis and section)."""


@dataclass(frozen=True)
class QuotaRowView:
    place: int
    name: str
    unit: str
    values: tuple[str, ...]
    """The ranking keys' values (``9–11``: undecided verdicts could raise it)."""
    status: str
    """granted, tied, next (a class of the row)."""
    word: str


@dataclass(frozen=True)
class QuotaGroupView:
    head: str
    rows: tuple[QuotaRowView, ...]
    notes: tuple[str, ...]


@dataclass(frozen=True)
class QuotaView:
    head: str
    keys: tuple[str, ...]
    """The ranking keys in words (the columns)."""
    groups: tuple[QuotaGroupView, ...]
    notes: tuple[str, ...] = ()


@dataclass(frozen=True)
class AwardView:
    label: str
    form: str
    summary: str
    candidates: tuple[CandidateView, ...]
    quota: QuotaView | None = None


@dataclass(frozen=True)
class AuthorityView:
    label: str
    awards: tuple[AwardView, ...]


@dataclass(frozen=True)
class RejectedView:
    file: str
    row: str
    column: str
    code: str
    message: str
    meaning: str


@dataclass(frozen=True)
class Page:
    """Everything the template shows, as texts and numbers (no object of the library)."""

    lang: str
    text: dict[str, str]
    words: dict[str, str]
    matrix_max: int
    title: str
    record: tuple[Line, ...]
    inputs: tuple[tuple[str, str], ...]
    chart: TimelineChart
    timeline_rows: tuple[TimelineRow, ...]
    windows: tuple[WindowView, ...]
    changes: tuple[ChangePair, ...]
    has_awards: bool
    authorities: tuple[AuthorityView, ...]
    award_notes: tuple[str, ...]
    rejected: tuple[RejectedView, ...]
    made_by: str
    contents: tuple[tuple[str, str], ...] = field(default=())


# ---------------------------------------------------------------------------------------------
# the entry point


def render_report(ev: Evaluation, plan: Plan, *, timeline: Timeline,
                  units: Sequence[UnitInfo] | None = None,
                  rejected: Sequence[Issue] | None = None,
                  inputs: Sequence[tuple[str, str]] = (),
                  report: AwardsReport | None = None, lang: Lang | None = "vi") -> str:
    """The HTML report of ``ev`` (an evaluation of ``plan``) as one self-contained document.

    ``timeline`` is the plan's calendar for the same issue date (``er.timeline(plan,
    issued=..., as_of=...)``). ``units`` gives the units' names, kinds and districts (without
    it the rows are every evaluated unit, named by id). ``rejected`` lists the issues of the
    rejected rows; None lists ``ev.rejected`` (the CLI passes the input files' issues as well).
    ``inputs`` are (file name, ``sha256:...``) pairs for the record. ``report`` adds the award
    candidates. ``lang``: ``vi`` or ``en`` (None: the current language,
    :func:`emulation_rules.i18n.current`).

    Raises :class:`ReportJinjaMissingError` without jinja2 and :class:`ReportHtmlError` for
    an unknown ``lang`` or an evaluation or timeline of another plan (their text in the
    current language)."""
    template = _template()
    if lang is None:
        lang = current()
    if lang not in LANGS:
        raise ReportHtmlError(msg("documents.unknown-lang", lang=shown(lang)))
    if ev.plan_id != plan.id or ev.plan_hash != plan_hash(plan):
        raise ReportHtmlError(msg("documents.other-plan", evaluated=shown(ev.plan_id),
                                  hash=ev.plan_hash, plan=shown(plan.id)))
    if timeline.plan_id != plan.id:
        raise ReportHtmlError(msg("html.other-timeline", timeline=shown(timeline.plan_id),
                                  plan=shown(plan.id)))
    page = _page(ev, plan, timeline, units, ev.rejected if rejected is None else rejected,
                 inputs, report, lang)
    return template.render(page=page)


def _template() -> Template:
    try:
        import jinja2  # noqa: F401  (checked first, on every call: the cache below holds one)
    except ImportError:
        raise ReportJinjaMissingError(msg("html.no-jinja2")) from None
    return _compiled()


@functools.cache
def _compiled() -> Template:
    import jinja2
    from markupsafe import Markup  # jinja2's own dependency

    def inert(value: Any) -> Any:
        """Every value the template writes: a text shown with its control and invisible
        characters escaped (then autoescaped for HTML); markup the template made stays."""
        if isinstance(value, str) and not isinstance(value, Markup):
            return terminal(value)
        return value

    source = resources.files("emulation_rules").joinpath(TEMPLATE).read_text(encoding="utf-8")
    env = jinja2.Environment(autoescape=True, undefined=jinja2.StrictUndefined,
                             trim_blocks=True, lstrip_blocks=True, finalize=inert,
                             keep_trailing_newline=True)
    return env.from_string(source)


# ---------------------------------------------------------------------------------------------
# building the page


def _page(ev: Evaluation, plan: Plan, tl: Timeline, units: Sequence[UnitInfo] | None,
          rejected: Sequence[Issue], inputs: Sequence[tuple[str, str]],
          report: AwardsReport | None, lang: Lang) -> Page:
    from . import __version__

    text = _labels(lang)
    vi = lang == "vi"
    info = {u.id: u for u in units or ()}
    labels = {w: window_label(w, plan, lang) for w in ev.windows}
    title = plan.title.vi if vi else plan.title.en
    record = _record(ev, plan, tl, report, labels, text, lang)
    chart, rows = _timeline(tl, plan, ev.as_of, text, lang)
    summary = ev.summary()
    windows = tuple(_window(ev, plan, w, labels[w], info, summary.get(w, {}), text, lang)
                    for w in ev.windows)
    changes = _changes(ev, plan, tl, labels, info, text, lang)
    authorities = _awards(report, plan, info, text, lang) if report is not None else ()
    contents = [("record", text["record"]), ("timeline", text["timeline"])]
    contents += [(w.anchor, w.heading) for w in windows]
    contents += [("changes", text["changes"])]
    if report is not None:
        contents.append(("awards", text["awards"]))
    contents.append(("rejected", text["rejected"]))
    return Page(
        lang=lang, text=text, words=WORDS[lang], matrix_max=MATRIX_ROWS_MAX, title=title,
        record=record,
        inputs=tuple((name, digest) for name, digest in inputs), chart=chart,
        timeline_rows=rows, windows=windows, changes=changes, has_awards=report is not None,
        authorities=authorities, award_notes=tuple(report.notes) if report else (),
        rejected=tuple(_rejected(i, lang) for i in rejected),
        made_by=_t("html.made-by", lang, tool=f"emulation-rules {__version__}"),
        contents=tuple(contents))


def _day(day: date | None, lang: Lang) -> str:
    return "" if day is None else date_text(day, lang)


def _record(ev: Evaluation, plan: Plan, tl: Timeline, report: AwardsReport | None,
            labels: dict[str, str], text: dict[str, str], lang: Lang) -> tuple[Line, ...]:
    vi = lang == "vi"
    issuer = plan.issuer
    lines = [Line(text["title"], plan.title.vi if vi else plan.title.en),
             Line(text["plan_id"], plan.id)]
    if plan.document is not None and plan.document.number:
        lines.append(Line(text["document"], plan.document.number))
    if issuer is not None:
        lines.append(Line(text["issuer"], issuer.name.vi if vi else issuer.name.en))
    lines.append(Line(text["issued"], _day(ev.issued, lang) if ev.issued else
                      text["issued_none"]))
    lines.append(Line(text["as_of"], _day(ev.as_of, lang)))
    lines.append(Line(text["position"], _position(tl, ev.as_of, text, lang)))
    if report is not None:
        occasion = _OCCASIONS.get(report.occasion)
        lines.append(Line(text["review"], _t(
            "html.review-text", lang, review=report.review,
            occasion=occasion.render(lang) if occasion is not None else report.occasion,
            windows=", ".join(labels.get(w, w) for w in report.windows),
            main=labels.get(report.conditions_window, report.conditions_window or "-"))))
    else:
        lines.append(Line(text["review"], text["no_review"]))
    lines.append(Line(text["windows"], "; ".join(
        f"{labels[w]} ({text['window_ended' if ev.complete.get(w, True) else 'window_running']})"
        for w in ev.windows)))
    lines.append(Line(text["rows"], _t(
        "html.rows-text", lang, total=ev.rows_total, used=ev.rows_used, rejected=ev.rows_rejected)))
    if ev.no_data:
        lines.append(Line(text["no_data_units"], str(len(ev.no_data))))
    lines.append(Line(text["plan_hash"], ev.plan_hash))
    return tuple(lines)


def _position(tl: Timeline, as_of: date, text: dict[str, str], lang: Lang) -> str:
    pos = tl.position(as_of)
    names = {p.id: (p.label.vi if lang == "vi" else p.label.en) for p in tl.phases}
    if pos.status == "in_phase":
        return _t("html.in-phase", lang, phase=names.get(pos.phase or "", pos.phase),
                  days=pos.days_left)
    if pos.status == "between_phases":
        if pos.next_phase:
            return _t("html.between-phases", lang,
                      phase=names.get(pos.next_phase, pos.next_phase), days=pos.days_left)
        return _t("html.after-phases", lang, days=pos.days_left)
    if pos.status == "in_campaign":
        return _t("html.in-campaign", lang, days=pos.days_left)
    return text[pos.status]


# ---------------------------------------------------------------------------------------------
# numbers and explanations


def _number(value: float, lang: Lang, digits: int = 2) -> str:
    """``value`` with at most ``digits`` decimals (a decimal comma in Vietnamese)."""
    out = f"{value:.{digits}f}"
    if "." in out:
        out = out.rstrip("0").rstrip(".")
    if out in ("-0", ""):
        out = "0"
    return out.replace(".", ",") if lang == "vi" else out


def _percent(share: float, lang: Lang) -> str:
    return _number(share * 100, lang) + "%"


def _signed(text: str) -> str:
    return text if text.startswith("-") or text == "0" else "+" + text


def _periods(periods: Sequence[str]) -> str:
    if len(periods) > 6:
        return f"{periods[0]} … {periods[-1]} ({len(periods)})"
    return ", ".join(periods)


def _threshold(t: TargetResult, lang: Lang) -> str:
    if isinstance(t.threshold, float):
        return _percent(t.threshold, lang)
    return "" if t.threshold is None else str(t.threshold)


def _requirement(t: TargetResult, text: dict[str, str], lang: Lang) -> str:
    if t.kind == "attestation" or t.comparator in ("attestation", "attested"):
        base = text["attested_req"]
    elif t.comparator in ("any_of", "all_of") or t.kind in ("any_of", "all_of"):
        base = text[t.kind if t.kind in ("any_of", "all_of") else t.comparator]
    else:
        cmp = COMPARATORS.get(t.comparator)
        base = ((cmp.vi if lang == "vi" else cmp.en).format(_threshold(t, lang))
                if cmp is not None else t.comparator.replace("_", " "))
    if t.per == "month":
        return _t("html.per-month", lang, target=base)
    if t.per == "year":
        return _t("html.per-year", lang, target=base)
    return base


def _observed(t: TargetResult, text: dict[str, str], lang: Lang) -> str:
    if t.per in ("month", "year"):
        total = len({p[:4] for p in t.periods}) if t.per == "year" else len(t.periods)
        met = t.observed if t.observed is not None else 0
        if t.per == "month":
            return _t("html.months-met-of", lang, met=met, total=total)
        return _t("html.years-met-of", lang, met=met, total=total)
    if t.kind == "attestation" or t.comparator in ("attestation", "attested"):
        return {1: text["attested_yes"], 0: text["attested_no"]}.get(
            t.observed if isinstance(t.observed, int) else -1, text["attested_none"])
    if t.kind in ("any_of", "all_of"):
        return WORDS[lang].get(t.verdict, t.verdict)
    if t.observed is None or t.nothing_known:
        return text["no_value"]
    if t.kind == "ratio" or isinstance(t.observed, float):
        return _percent(float(t.observed), lang)
    return str(t.observed)


def _margin(t: TargetResult, text: dict[str, str], lang: Lang) -> str:
    if t.margin is None:
        return ""
    if t.per in ("month", "year"):
        return f"{_signed(_number(t.margin, lang))} " + text[
            "months_unit" if t.per == "month" else "years_unit"]
    if t.kind == "ratio" or isinstance(t.margin, float):
        return f"{_signed(_number(t.margin * 100, lang))} {text['points']}"
    return _signed(str(t.margin))


def _source(t: TargetResult, lang: Lang) -> str:
    if not t.section:
        return ""
    where = _t("html.section-word", lang, section=t.section)
    return f"{where}: “{t.quote}”" if t.quote else where


def _explained(t: TargetResult, label: str, text: dict[str, str], lang: Lang) -> TargetView:
    lines = [Line(text["observed"], _observed(t, text, lang)),
             Line(text["required"], _requirement(t, text, lang))]
    margin = _margin(t, text, lang)
    if margin:
        lines.append(Line(text["margin_word"], margin))
    if t.missing_periods:
        lines.append(Line(text["missing"], _periods(t.missing_periods)))
    need = need_text(t, lang).removeprefix("; ") if t.verdict == "unknown" else ""
    if need:
        lines.append(Line(text["need"], need))
    notes = []
    if t.failed_periods:
        notes.append(_t("html.failed", lang, periods=_periods(t.failed_periods)))
    if t.no_cases:
        notes.append(text["no_cases"])
    elif t.policy == "local":
        notes.append(text["local_missing"])
    if t.missing_periods and t.decided_despite_missing:
        notes.append(text["despite"])
    if notes:
        lines.append(Line(text["notes"], "; ".join(notes)))
    source = _source(t, lang)
    if source:
        lines.append(Line(text["source"], source))
    return TargetView(label, t.verdict, SYMBOLS.get(t.verdict, "?"),
                      WORDS[lang].get(t.verdict, t.verdict), tuple(lines))


def _worded(t: TargetResult, label: str, text: dict[str, str], lang: Lang) -> TargetView:
    """A target as the document words it, without any unit's value (the team list's head)."""
    lines = [Line(text["required"], _requirement(t, text, lang))]
    source = _source(t, lang)
    if source:
        lines.append(Line(text["source"], source))
    return TargetView(label, "", "", "", tuple(lines))


def _team_value(t: TargetResult, text: dict[str, str], lang: Lang) -> str:
    value = _observed(t, text, lang)
    if t.failed_periods:
        value += "; " + _t("html.failed", lang, periods=_periods(t.failed_periods))
    if t.missing_periods:
        value += f"; {text['missing'].lower()} {_periods(t.missing_periods)}"
    if t.no_cases or t.policy == "local":
        value += " *"
    return value


# ---------------------------------------------------------------------------------------------
# the windows


def _slug(window: str) -> str:
    return re.sub(r"[^0-9A-Za-z_-]+", "-", window).strip("-") or "window"


def _target_labels(plan: Plan, lang: Lang) -> dict[tuple[str, str], str]:
    vi = lang == "vi"
    out = {(c.id, t.id): (t.label.vi if vi else t.label.en)
           for c in plan.criteria for t in c.targets}
    for a in plan.awards:
        for standard in a.standards:
            for cond in standard.conditions:
                out.setdefault((a.id, cond.id), cond.label.vi if vi else cond.label.en)
    return out


def _window(ev: Evaluation, plan: Plan, window: str, label: str, info: dict[str, UnitInfo],
            summary: dict[str, dict[str, int]], text: dict[str, str], lang: Lang
            ) -> WindowView:
    words = WORDS[lang]
    anchor = "window-" + _slug(window)
    results = [r for r in ev.results if r.window == window]
    silent = frozenset(ev.no_data)
    results = ([r for r in results if r.unit not in silent]
               + [r for r in results if r.unit in silent])
    present = {c for r in results for c in r.verdicts()}
    columns = tuple(ColumnView(g.id, k, g.label)
                    for k, g in enumerate(layout(plan, lang), start=1) if g.id in present)
    target_labels = _target_labels(plan, lang)

    rows, teams = _fold(results, info)

    half = (len(columns) + 1) // 2
    Explained = dict[str, CriterionResult]

    def cell(k: int, column: ColumnView, own_crits: Explained,
             members: Sequence[tuple[str, Explained]], teams_head: str) -> CellView:
        end = k >= half and len(columns) > 2
        team_views: list[TeamView] = []
        worded: tuple[TargetView, ...] = ()
        for team, crits in members:
            crit = crits.get(column.id)
            if crit is None:
                continue
            team_views.append(TeamView(
                _name(team, info), team, crit.verdict, SYMBOLS.get(crit.verdict, "?"),
                words.get(crit.verdict, crit.verdict),
                tuple(_team_value(t, text, lang) for t in crit.targets)))
            if not worded:
                worded = tuple(_worded(t, target_labels.get((column.id, t.target), t.target),
                                       text, lang) for t in crit.targets)
        counts = tuple((v, SYMBOLS[v], n) for v in ("met", "not_met", "unknown")
                       if (n := sum(1 for tv in team_views if tv.verdict == v)))
        own = own_crits.get(column.id)
        if own is not None:
            targets = tuple(_explained(t, target_labels.get((column.id, t.target), t.target),
                                       text, lang) for t in own.targets)
            local = any(t.policy == "local" or t.no_cases for t in own.targets)
            return CellView(own.verdict, SYMBOLS.get(own.verdict, "?"),
                            words.get(own.verdict, own.verdict), local, targets, counts,
                            tuple(team_views), worded, column.label, end,
                            teams_head if team_views else "")
        if team_views:
            local = any(v.endswith("*") for tv in team_views for v in tv.values)
            return CellView("mixed", "", _t("html.team-cell", lang, n=len(team_views)), local,
                            (), counts, tuple(team_views), worded, column.label, end,
                            teams_head)
        return CellView("none", "", "", title=text["not_evaluated"])

    row_views: list[tuple[str, RowView]] = []
    for res in rows:
        unit = info.get(res.unit)
        # explanations built once per unit and not kept (UnitResult.explained)
        own_crits = {c.criterion: c for c in res.explained()}
        team_crits = [(t.unit, {c.criterion: c for c in t.explained()})
                      for t in teams.get(res.unit, ())]
        name = _name(res.unit, info)
        teams_head = _t("html.teams-of", lang, unit=name) if team_crits else ""
        row_views.append((unit.parent if unit is not None else "", RowView(
            name, res.unit, res.unit in silent,
            tuple(cell(k, c, own_crits, team_crits, teams_head)
                  for k, c in enumerate(columns)))))

    grouped = len(row_views) > MATRIX_ROWS_MAX
    by_parent: dict[str, list[RowView]] = {}
    for parent, row in row_views:
        by_parent.setdefault(parent, []).append(row)
    named = len(by_parent) > 1 or any(p in info for p in by_parent)
    group_views = []
    for n, (parent, members) in enumerate(by_parent.items(), start=1):
        name = (_name(parent, info) if parent else text["district_none"]) if named else ""
        group_views.append(GroupView(name, f"{anchor}-d{n}", tuple(members),
                                     _group_counts(members) if grouped else ()))
    return WindowView(window, anchor, "matrix-" + _slug(window), label,
                      ev.complete.get(window, True), columns,
                      tuple(group_views), grouped, len(row_views),
                      _rates(summary, columns, anchor, words, lang), bool(teams),
                      _t("html.window-head", lang, window=label),
                      _t("html.grouped", lang, n=len(row_views), max=MATRIX_ROWS_MAX)
                      if grouped else "")


def _fold(results: Sequence[UnitResult], info: dict[str, UnitInfo]
          ) -> tuple[list[UnitResult], dict[str, list[UnitResult]]]:
    """The rows of a window's matrix, and the teams counted in each: a team (by the units
    file) whose parent is evaluated in the window is in its parent's row."""
    evaluated = {r.unit for r in results}
    teams: dict[str, list[UnitResult]] = {}
    rows: list[UnitResult] = []
    for r in results:
        unit = info.get(r.unit)
        if unit is not None and unit.kind == "team" and unit.parent in evaluated:
            teams.setdefault(unit.parent, []).append(r)
        else:
            rows.append(r)
    return rows, teams


def _name(unit: str, info: dict[str, UnitInfo]) -> str:
    found = info.get(unit)
    return found.name if found is not None and found.name else unit


def _group_counts(rows: Sequence[RowView]) -> tuple[str, ...]:
    """Per column, how many of the rows (a team-level column: how many teams) met it."""
    out = []
    for k in range(len(rows[0].cells) if rows else 0):
        tally = {"met": 0, "not_met": 0, "unknown": 0}
        for row in rows:
            c = row.cells[k]
            if c.verdict in tally:
                tally[c.verdict] += 1
            else:
                for verdict, _, n in c.counts:
                    tally[verdict] += n
        out.append(" ".join(f"{SYMBOLS[v]} {n}" for v, n in tally.items()))
    return tuple(out)


def _lines(text: str, width: int, most: int) -> tuple[str, ...]:
    """``text`` wrapped at spaces into lines of about ``width`` characters, at most ``most``
    lines (the last cut with "…")."""
    lines: list[str] = []
    for word in text.split():
        if lines and len(lines[-1]) + 1 + len(word) <= width:
            lines[-1] += " " + word
        else:
            lines.append(word)
    if len(lines) > most:
        lines = lines[:most]
        lines[-1] = lines[-1][:width - 1].rstrip() + "…"
    return tuple(line if len(line) <= width else line[:width - 1] + "…" for line in lines)


RATE_LABEL_CHARS = 62
"""The characters of one line of a criterion's label beside its bar (two lines at most; the
full label is the tooltip and the matrix's column heading)."""


def _rates(summary: dict[str, dict[str, int]], columns: Sequence[ColumnView], anchor: str,
           words: dict[str, str], lang: Lang) -> RateChart:
    """Per criterion, the bar of met, not met and undecided units (every unit evaluated for
    it, teams included), each segment with its own pattern, the counts written out."""
    left, width, row_h = 420.0, 380.0, 34.0
    rows = []
    for k, column in enumerate(columns):
        counts = summary.get(column.id, {})
        total = sum(counts.values())
        y = 6 + k * row_h
        x = left
        segments = []
        for verdict in ("met", "not_met", "unknown"):
            n = counts.get(verdict, 0)
            if not n or not total:
                continue
            w = width * n / total
            segments.append(Bar(round(x, 2), y + 5, round(w, 2), 18, verdict,
                                title=f"{words[verdict]}: {n}/{total}"))
            x += w
        rate = _percent(counts.get("met", 0) / total, lang) if total else "-"
        tally = " ".join(f"{SYMBOLS[v]}{counts.get(v, 0)}" for v in ("met", "not_met",
                                                                      "unknown"))
        full = f"{column.number}. {column.label}"
        rows.append(RateRow(y, _lines(full, RATE_LABEL_CHARS, 2), full, tuple(segments),
                            f"{rate} ({tally})"))
    return RateChart("pass-" + anchor.removeprefix("window-"),
                     10 + row_h * max(1, len(columns)), tuple(rows))


# ---------------------------------------------------------------------------------------------
# changes between windows


_RANK = {"not_met": 0, "unknown": 1, "met": 2}


def _changes(ev: Evaluation, plan: Plan, tl: Timeline, labels: dict[str, str],
             info: dict[str, UnitInfo], text: dict[str, str], lang: Lang
             ) -> tuple[ChangePair, ...]:
    """For each two consecutive phases (or years), the units whose verdict of a criterion
    changed: a row per row of the matrix, its teams' changes counted and named in it."""
    kinds = {w.id: w.kind for w in tl.windows}
    phases = {p.id for p in plan.phases}
    ordered = [w for w in ev.windows if kinds.get(w) in ("phase", "year") or w in phases]
    pairs = [(a, b) for a, b in itertools.pairwise(ordered)
             if kinds.get(a, "phase") == kinds.get(b, "phase")]
    crit_label = {g.id: f"{k}. {g.label}" for k, g in
                  enumerate(layout(plan, lang), start=1)}
    by_key = {(r.unit, r.window): r for r in ev.results}
    out = []
    for before, after in pairs:
        rows, teams = _fold([r for r in ev.results if r.window == after], info)
        views = []
        moved = {"up": 0, "down": 0, "other": 0}

        def changed(unit: str, before: str = before, after: str = after,
                    moved: dict[str, int] = moved) -> list[tuple[str, str, str]]:
            found = _changed(by_key.get((unit, before)), by_key.get((unit, after)))
            if found:
                moved[_direction(found)] += 1
            return found

        for res in rows:
            lines = [(crit_label.get(c, c), old, SYMBOLS.get(old, "?"), new,
                      SYMBOLS.get(new, "?"), "") for c, old, new in changed(res.unit)]
            by_change: dict[tuple[str, str, str], list[str]] = {}
            for team in teams.get(res.unit, ()):
                for change in changed(team.unit):
                    by_change.setdefault(change, []).append(_name(team.unit, info))
            for (c, old, new), names in by_change.items():
                lines.append((crit_label.get(c, c), old, SYMBOLS.get(old, "?"), new,
                              SYMBOLS.get(new, "?"), _t("html.team-cell", lang, n=len(names))
                              + ": " + ", ".join(names)))
            if lines:
                views.append(ChangeView(_name(res.unit, info), res.unit, tuple(lines)))
        count = sum(moved.values())
        summary = (_t("html.changes-count", lang, n=count, **moved) if count else
                   text["changes_none"])
        said_before, said_after = labels.get(before, before), labels.get(after, after)
        out.append(ChangePair(said_before, said_after, tuple(views), summary, _t(
            "html.changes-pair", lang, before=said_before, after=said_after)))
    return tuple(out)


def _changed(a: UnitResult | None, b: UnitResult | None) -> list[tuple[str, str, str]]:
    """(criterion, verdict before, verdict after) for each criterion whose verdict changed."""
    if a is None or b is None:
        return []
    va, vb = a.verdicts(), b.verdicts()
    return [(crit, old, vb[crit]) for crit, old in va.items() if crit in vb and vb[crit] != old]


def _direction(found: Sequence[tuple[str, str, str]]) -> str:
    """``up`` when every change is for the better (✗ → ?, ? → ✓, ✗ → ✓), ``down`` when every
    one is for the worse, ``other`` for both."""
    rises = [_RANK.get(new, 1) - _RANK.get(old, 1) for _, old, new in found]
    return "up" if all(r > 0 for r in rises) else "down" if all(r < 0 for r in rises) else (
        "other")


# ---------------------------------------------------------------------------------------------
# awards


def _awards(report: AwardsReport, plan: Plan, info: dict[str, UnitInfo],
            text: dict[str, str], lang: Lang) -> tuple[AuthorityView, ...]:
    vi = lang == "vi"
    words = WORDS[lang]
    basis = {key: said.render(lang) for key, said in _BASIS.items()}
    standards = {key: said.render(lang) for key, said in _STANDARDS.items()}
    cond_labels: dict[tuple[str, str], str] = {}
    for award in plan.awards:
        for standard in award.standards:
            for cond in standard.conditions:
                cond_labels[(award.id, cond.id)] = cond.label.vi if vi else cond.label.en

    def condition(award: str, o: ConditionOutcome, detail: bool) -> str:
        said = cond_labels.get((award, o.id), o.id)
        more = [basis.get(o.basis, o.basis)]
        if o.section:
            more.append(_t("html.section-word", lang, section=o.section))
        head = f"{said} ({'; '.join(more)})"
        return f"{head}: {o.detail}" if detail and o.detail else head

    def candidate(award: str, c: Candidate) -> CandidateView:
        return CandidateView(
            _name(c.unit, info), c.unit, standards.get(c.standard, c.standard),
            c.verdict, SYMBOLS.get(c.verdict, "?"),
            words.get(c.verdict, c.verdict),
            tuple(condition(award, o, False) for o in c.conditions if o.verdict == "met"),
            tuple((o.verdict, SYMBOLS.get(o.verdict, "?"), condition(award, o, True))
                  for o in c.lacking))

    by_body: dict[str, list[AwardView]] = {}
    for a in report.awards:
        counts = {v: sum(1 for c in a.candidates if c.verdict == v)
                  for v in ("met", "unknown", "not_met")}
        form = FORMS[lang].get(a.form, a.form) if a.form else text["no_form"]
        by_body.setdefault(a.granted_by, []).append(AwardView(
            a.label_vi if vi else a.label_en, form, _t("html.award-counts", lang, **counts),
            tuple(candidate(a.award, c) for c in a.candidates),
            _quota(a.quota, info, lang) if a.quota is not None else None))
    return tuple(AuthorityView(_t("html.authority", lang, body=body_name(body, lang)),
                               tuple(items)) for body, items in by_body.items())


def _quota(quota: QuotaResult, info: dict[str, UnitInfo], lang: Lang) -> QuotaView:
    """An award's quota: per group the units within, tied and next, and the notes."""
    from .reporting import (
        quota_group_head,
        quota_heading,
        quota_key,
        quota_notes,
        quota_status,
        quota_unplaced,
        quota_value,
    )

    def name(unit: str) -> str:
        named = _name(unit, info)
        return terminal(named if named == unit else f"{named} ({unit})")

    groups = tuple(QuotaGroupView(
        quota_group_head(group, lang),
        tuple(QuotaRowView(p.place, terminal(_name(p.unit, info)), terminal(p.unit),
                           tuple(quota_value(p, i) for i in range(len(p.keys))), p.status,
                           quota_status(p, lang))
              for p in group.places if p.status in ("granted", "tied", "next")),
        tuple(quota_notes(quota, group, lang, name))) for group in quota.groups)
    unplaced = quota_unplaced(quota, lang, name)
    return QuotaView(quota_heading(quota, lang), tuple(quota_key(k, lang) for k in quota.rank_by),
                     groups, (unplaced,) if unplaced else ())


# ---------------------------------------------------------------------------------------------
# rejected rows


def _rejected(issue: Issue, lang: Lang) -> RejectedView:
    """A rejected row: its message and hint in the report's language."""
    loc = issue.location
    return RejectedView(loc.file, str(loc.line) if loc.line else "", issue_column(issue),
                        issue.code, issue.explained(lang), issue_meaning(issue, lang))


# ---------------------------------------------------------------------------------------------
# the timeline chart


CHART_WIDTH = 1000.0
_LEFT, _RIGHT = 118.0, 985.0
_LANE = 22.0
_CHAR = 6.6
"""About the width of one character of the chart's 12-unit text (to keep labels in bars)."""


def _timeline(tl: Timeline, plan: Plan, as_of: date, text: dict[str, str], lang: Lang
              ) -> tuple[TimelineChart, tuple[TimelineRow, ...]]:
    vi = lang == "vi"

    def said(label: Any) -> str:
        return str(label.vi if vi else label.en)

    def from_to(start: date, stop: date) -> str:
        return _t("html.from-to", lang, start=_day(start, lang), end=_day(stop, lang))

    end = tl.end or tl.horizon
    first = min([tl.start, *(d.due for d in tl.deadlines)])
    last = max([end, *(d.due for d in tl.deadlines)])
    span = (last - first).days + 1
    slack = max(31, span // 4)
    if first - timedelta(days=slack) <= as_of < first:
        first = as_of
    if last < as_of <= last + timedelta(days=slack):
        last = as_of
    days = (last - first).days + 1
    scale = (_RIGHT - _LEFT) / days

    def x(day: date) -> float:
        return round(_LEFT + (min(max(day, first), last + timedelta(days=1)) - first).days
                     * scale, 2)

    def bar(start: date, stop: date, y: float, h: float, cls: str, label: str,
            title: str) -> Bar:
        x0, x1 = x(start), x(stop + timedelta(days=1))
        fits = len(label) * _CHAR + 8 <= x1 - x0
        return Bar(x0, y, round(x1 - x0, 2), h, cls, label if fits else "", title,
                   round((x0 + x1) / 2, 2), y + h / 2 + 4)

    bars: list[Bar] = []
    rows_y: list[tuple[float, str]] = []
    table: list[TimelineRow] = []
    top = 34.0
    if tl.phases:
        rows_y.append((top, text["phases_row"]))
        for p in tl.phases:
            span_text = from_to(p.start, p.end)
            bars.append(bar(p.start, p.end, top - 13, 26, "phase", said(p.label),
                            f"{said(p.label)}: {span_text}"))
            table.append(TimelineRow("", span_text, text["phase_kind"], said(p.label)))
        for g in tl.gaps:
            span_text = from_to(g.start, g.end)
            bars.append(bar(g.start, g.end, top - 13, 26, "gap", text["gap_short"],
                            f"{text['gap']}: {span_text}"))
            table.append(TimelineRow("", span_text, text["gap_kind"], text["gap"]))
    else:
        years = [w for w in tl.windows if w.kind == "year"]
        if years:
            rows_y.append((top, text["years_row"]))
        for w in years:
            label = w.id.partition(":")[2]
            bars.append(bar(w.start, w.end, top - 13, 26, "phase", label,
                            window_label(w.id, plan, lang)))
    row2 = top + 32
    stages = [w for w in tl.windows if w.kind == "stage"]
    if stages:
        rows_y.append((row2, text["stages_row"]))
        for w in stages:
            label = w.id.partition(":")[2]
            bars.append(bar(w.start, w.end, row2 - 8, 16, "campaign", label,
                            window_label(w.id, plan, lang)))
    else:
        rows_y.append((row2, text["campaign_row"]))
        camp = plan.campaign
        name = said(camp.name) if camp is not None else text["campaign"]
        span_text = from_to(tl.active_start, end)
        bars.append(bar(tl.active_start, end, row2 - 8, 16, "campaign", text["campaign"],
                        f"{name}: {span_text}"))

    # reviews and one-off deadlines, numbered in date order, each in a lane free at its place
    events: list[tuple[date, int, str, str, str, str]] = []
    for r in tl.reviews:
        what = _review_name(r.kind, window_label(r.id, plan, lang), lang)
        events.append((r.end, 0, "review", text["review_kind"], what, r.id))
    for d in tl.deadlines:
        if d.recurring:
            continue
        when = _relation(d.relation, _day(d.due, lang), lang)
        owed = _t("html.owed-by", lang, body=body_name(d.owed_by, lang))
        events.append((d.last_on_time_day, 1, "deadline", text["deadline_kind"],
                       f"{said(d.label)} ({when}; {owed})", d.id))
    events.sort(key=lambda e: (e[0], e[1], e[5]))
    marks: list[Mark] = []
    lanes: dict[str, list[float]] = {"review": [], "deadline": []}
    base = {"review": row2 + 34, "deadline": 0.0}
    for number, (day, _, cls, kind, what, _id) in enumerate(events, start=1):
        at = x(day) + scale / 2
        free = lanes[cls]
        lane = next((k for k, edge in enumerate(free) if edge + 20 <= at), len(free))
        if lane == len(free):
            free.append(at)
        else:
            free[lane] = at
        table.append(TimelineRow(str(number), _day(day, lang), kind, what))
        marks.append(Mark(round(at, 2), float(lane), number, cls, f"{number}. {what}"))
    review_lanes = max(1, len(lanes["review"])) if tl.reviews else 0
    if tl.reviews:
        rows_y.append((base["review"], text["reviews_row"]))
    base["deadline"] = base["review"] + review_lanes * _LANE + (8 if review_lanes else 0)
    deadline_lanes = len(lanes["deadline"])
    if deadline_lanes:
        rows_y.append((base["deadline"], text["deadlines_row"]))
    marks = [Mark(m.x, base[m.cls] + m.y * _LANE, m.number, m.cls, m.title) for m in marks]
    y = base["deadline"] + max(deadline_lanes, 0) * _LANE + (4 if deadline_lanes else -14)

    recurring_days: list[float] = []
    recurring_y = y + 10
    by_id: dict[str, list[Any]] = {}
    for d in tl.deadlines:
        if d.recurring:
            by_id.setdefault(d.deadline_id, []).append(d)
    if by_id:
        rows_y.append((recurring_y, text["recurring_row"]))
        for items in by_id.values():
            recurring_days += [x(d.due) + scale / 2 for d in items]
            table.append(TimelineRow("", from_to(items[0].due, items[-1].due),
                text["recurring_kind"], _t(
                    "html.recurring-text", lang, label=said(items[0].label), n=len(items),
                    first=_day(items[0].due, lang), last=_day(items[-1].due, lang))))
        y = recurring_y + 14
    axis_y = y + 12
    ticks = _ticks(first, last, x, lang)
    today_x: float | None = None
    anchor = "middle"
    if first <= as_of <= last:
        today_x = x(as_of) + scale / 2
        anchor = "end" if today_x > _RIGHT - 90 else "start" if today_x < _LEFT + 90 else (
            "middle")
    chart = TimelineChart(
        CHART_WIDTH, axis_y + 34, _LEFT, _RIGHT, axis_y, tuple(rows_y), tuple(bars),
        tuple(marks), ticks, tuple(round(v, 2) for v in recurring_days), recurring_y, today_x,
        _t("html.as-of-mark", lang, day=_day(as_of, lang)), anchor)
    return chart, tuple(table)


def _ticks(first: date, last: date, x: Any, lang: Lang) -> tuple[Tick, ...]:
    """A tick at the first day of each month, labelled every 1, 3 or 12 months by span."""
    months = (last.year - first.year) * 12 + last.month - first.month + 1
    step = 1 if months <= 18 else 3 if months <= 48 else 12
    out = []
    day = date(first.year, first.month, 1)
    if day < first:
        day = date(day.year + day.month // 12, day.month % 12 + 1, 1)
    while day <= last:
        if (day.month - 1) % step == 0:
            label = (f"{day.month:02d}/{day.year}" if lang == "vi" else
                     f"{day.year}-{day.month:02d}") if step < 12 else str(day.year)
        else:
            label = ""
        out.append(Tick(x(day), label))
        day = date(day.year + day.month // 12, day.month % 12 + 1, 1)
    return tuple(out)
