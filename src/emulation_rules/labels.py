"""The words the outputs share, in Vietnamese and English.

The results workbook (:mod:`emulation_rules.results_workbook`), the HTML report
(:mod:`emulation_rules.report_html`) and ``explain`` (:mod:`emulation_rules.reporting`) say the
same things the same way because they read them here:

- :data:`WORDS`: a verdict in words ("đạt", "không đạt", "chưa xác định"; met, not met,
  undecided);
- :data:`FORMS` and :data:`BODIES` (with :func:`body_name`): an award's form and a granting or
  reporting body by name;
- :data:`TEXT`: the labels both the workbook and the report show (the window labels, the
  decision record's items, the rejected rows' columns); a label only one output shows stays in
  that output's own table;
- :func:`window_label` (:func:`window_name` without a plan), :func:`date_text`: a window and a
  date as the reader sees them;
- :func:`layout` (:class:`Group`, :class:`Column`): the verdict columns of a window, in the
  plan's order, as both the workbook's sheets and the report's matrices lay them out;
- :func:`need_text` (with :func:`periods_text`): what the missing cells of an undecided
  target would need.

Every table is keyed by :data:`Lang` first. The words are the catalogue's (the ``labels.*``
entries of :mod:`emulation_rules._catalog.outputs`), read once when this module is imported.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any, get_args

from .codes import CODES
from .errors import Issue, format_path
from .i18n import LANGS, Lang
from .i18n import text as _t
from .model import AllOf, AnyOf, AttestedCondition, AwardForm, Body

if TYPE_CHECKING:
    from .model import Plan

__all__ = [
    "BODIES",
    "FORMS",
    "TEXT",
    "WORDS",
    "Column",
    "Group",
    "Lang",
    "body_name",
    "date_text",
    "issue_column",
    "issue_meaning",
    "layout",
    "need_text",
    "periods_text",
    "window_label",
    "window_name",
]

_VERDICTS = ("met", "not_met", "unknown")


def _id(key: str) -> str:
    """A key of these tables as a part of a message id (``not_met``: ``not-met``)."""
    return key.replace("_", "-")


WORDS: dict[str, dict[str, str]] = {
    lang: {key: _t(f"labels.word.{_id(key)}", lang) for key in _VERDICTS} for lang in LANGS}
"""A verdict in words: what the verdict cells hold (and what their colours key on)."""

FORMS: dict[str, dict[str, str]] = {
    lang: {key: _t(f"labels.form.{_id(key)}", lang) for key in get_args(AwardForm)}
    for lang in LANGS}
"""An award's form by name (a form not listed is shown as its id)."""

BODIES: dict[str, dict[str, str]] = {
    lang: {key: _t(f"labels.body.{_id(key)}", lang) for key in get_args(Body)}
    for lang in LANGS}
"""A granting or reporting body by name (see :func:`body_name`)."""

_TEXT_KEYS = (
    # window labels (window_label)
    "campaign", "year", "stage",
    # column labels (layout)
    "months_met", "years_met", "award_group",
    # award candidates
    "standard", "verdict",
    # rejected rows
    "file", "row", "column", "code", "message", "meaning",
    # the decision record
    "plan_id", "title", "document", "issuer", "issued", "as_of", "plan_hash",
    "no_data_units", "window_ended", "window_running", "review",
)

TEXT: dict[str, dict[str, str]] = {
    # a label with a value ("Năm {}") keeps a positional {} for str.format, as it always had
    lang: {key: _t(f"labels.text.{_id(key)}", lang, value="{}") for key in _TEXT_KEYS}
    for lang in LANGS}
"""The labels the results workbook and the HTML report both show, by key. Each output reads
``{**TEXT[lang], **its_own[lang]}``; a label with a value has one ``{}`` (``TEXT[lang]["year"]
.format("2026")``)."""


def body_name(body: str, lang: Lang) -> str:
    """A granting or reporting body by its name (``district_chairman``: "Chủ tịch Ủy ban nhân
    dân huyện", "Chairman of the district People's Committee"), or its id in words."""
    return BODIES[lang].get(body, body.replace("_", " "))


def date_text(day: date, lang: Lang) -> str:
    """A date as text: ``31/08/2025`` in Vietnamese, ``2025-08-31`` in English."""
    return day.strftime("%d/%m/%Y") if lang == "vi" else day.isoformat()


def window_label(window: str, plan: Plan, lang: Lang) -> str:
    """A window by its label: a phase by the plan's label ("Đợt 1"), the campaign "Toàn kế
    hoạch", a year "Năm 2026", a stage "Giai đoạn 2026-2030" (Whole plan, Year 2026, Stage
    2026-2030); any other window by its id."""
    phase = next((p for p in plan.phases if p.id == window), None)
    if phase is not None:
        return phase.label.vi if lang == "vi" else phase.label.en
    return window_name(window, lang)


def window_name(window: str, lang: Lang, phases: dict[str, str] | None = None) -> str:
    """A window by its label without a plan: the campaign, a year and a stage as
    :func:`window_label` names them, a phase by ``phases`` (id: label) or else by its id."""
    if phases and window in phases:
        return phases[window]
    if window == "campaign":
        return _t("labels.text.campaign", lang)
    kind, _, rest = window.partition(":")
    if kind == "year" and rest:
        return _t("labels.text.year", lang, value=rest)
    if kind == "stage" and rest:
        return _t("labels.text.stage", lang, value=rest)
    return window


# ---------------------------------------------------------------------------------------------
# the verdict columns


@dataclass(frozen=True)
class Group:
    """A verdict column (a criterion, or the metric and attestation conditions of one award)
    and its targets' (or conditions') value and margin columns."""

    id: str
    label: str
    targets: tuple[Column, ...]


@dataclass(frozen=True)
class Column:
    """A target's (or an award condition's) column, and whether a margin column follows."""

    target: str
    id: str
    """The column's id (row 2): the target's id, or ``criterion.target`` when two criteria
    have a target of that id."""
    label: str
    """The target's label, saying "months met" for a month by month target."""
    margin: bool
    """False for a yes/no attestation and a combination (any_of, all_of) over the whole
    window: their value column holds yes/no or the verdict, and there is no margin."""


def layout(plan: Plan, lang: Lang) -> list[Group]:
    """The verdict columns of the window sheets, in the plan's order: each criterion with a
    target, then each award with a metric or attestation condition that the evaluator decides
    (:func:`emulation_rules.evaluation.decided_conditions`), with their targets' columns."""
    # imported here: reporting reads need_text (validate --format github, timeline) and so
    # loads this module without the evaluator
    from .evaluation import decided_conditions

    text = TEXT[lang]

    def said(label: Any) -> str:
        return str(label.vi if lang == "vi" else label.en)

    crit_labels = {c.id: said(c.label) for c in plan.criteria}
    target_labels = {(c.id, t.id): said(t.label) for c in plan.criteria for t in c.targets}
    award_labels = {a.id: text["award_group"].format(said(a.label)) for a in plan.awards}
    for a in plan.awards:
        for standard in a.standards:
            for cond in standard.conditions:
                target_labels.setdefault((a.id, cond.id), said(cond.label))
    decided = decided_conditions(plan)
    seen: dict[str, int] = {}
    for d in decided:
        seen[d.id] = seen.get(d.id, 0) + 1
    owners: dict[str, list[Column]] = {}
    kinds: dict[str, str] = {}
    for d in decided:
        label = target_labels.get((d.owner, d.id), d.id)
        if d.per in ("month", "year"):
            label = text["months_met" if d.per == "month" else "years_met"].format(label)
        column = d.id if seen[d.id] == 1 else f"{d.owner}.{d.id}"
        margin = d.per != "total" or not isinstance(d.condition, AttestedCondition | AnyOf
                                                           | AllOf)
        owners.setdefault(d.owner, []).append(Column(d.id, column, label, margin))
        kinds.setdefault(d.owner, d.owner_kind)
    return [Group(owner, (crit_labels if kinds[owner] == "criterion" else award_labels).get(
        owner, owner), tuple(targets)) for owner, targets in owners.items()]


# ---------------------------------------------------------------------------------------------
# what an undecided target needs


def periods_text(periods: Sequence[str]) -> str:
    """Periods as a list: all of them up to six, else the first, the last and how many
    (``2025-01..2025-08 (8)``)."""
    if len(periods) > 6:
        return f"{periods[0]}..{periods[-1]} ({len(periods)})"
    return ", ".join(periods)


def need_text(t: Any, lang: str) -> str:
    """What the missing cells of an undecided target would need, in words, starting with
    ``"; "`` ("" when the target says nothing of it): ``t`` is a
    :class:`emulation_rules.results.TargetResult` (its ``need``)."""
    need = tuple(getattr(t, "need", ()) or ())
    if not need:
        return ""
    language: Lang = "vi" if lang == "vi" else "en"
    if need[0] == "more":
        return "; " + _t("labels.need.more", language, count=need[1])
    if need[0] == "at_most":
        return "; " + _t("labels.need.at-most", language, count=need[1])
    if need[0] == "share":
        _, p, slack, num, den = need
        return "; " + _t("labels.need.share", language, numerator=num, share=f"{p * 100:g}%",
                         denominator=den, sign="-" if slack >= 0 else "+",
                         slack=f"{abs(slack):g}")
    if need[0] == "periods":
        periods = periods_text(need[2])
        if need[1] == "month":
            return "; " + _t("labels.need.months", language, periods=periods)
        return "; " + _t("labels.need.years", language, periods=periods)
    if need[0] == "attestation":
        return "; " + _t("labels.need.attestation", language, attestation=need[1])
    return ""


def issue_column(issue: Issue) -> str:
    """Where in its row or file a rejected input lies, as a reader names it: the column of a
    table's row, the YAML path of a plan's value, or the column number."""
    loc = issue.location
    if loc.is_row:
        return str(loc.path[1]) if len(loc.path) > 1 else ""
    if loc.path:
        return format_path(loc.path)
    return str(loc.column) if loc.column else ""


def issue_meaning(issue: Issue, lang: Lang) -> str:
    """What the issue's code means, from the registry of codes ("" for an unknown code)."""
    entry = CODES.get(issue.code)
    return "" if entry is None else entry.meaning_vi if lang == "vi" else entry.meaning_en
