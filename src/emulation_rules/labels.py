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
- :func:`window_label`, :func:`date_text`: a window and a date as the reader sees them;
- :func:`layout` (:class:`Group`, :class:`Column`): the verdict columns of a window, in the
  plan's order, as both the workbook's sheets and the report's matrices lay them out;
- :func:`need_text` (with :func:`periods_text`): what the missing cells of an undecided
  target would need.

Every table is keyed by :data:`Lang` first.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any, Literal

from .codes import CODES
from .errors import Issue, format_path
from .model import AllOf, AnyOf, AttestedCondition

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
]

Lang = Literal["vi", "en"]
"""The languages of the outputs."""

WORDS: dict[str, dict[str, str]] = {
    "vi": {"met": "đạt", "not_met": "không đạt", "unknown": "chưa xác định"},
    "en": {"met": "met", "not_met": "not met", "unknown": "undecided"},
}
"""A verdict in words: what the verdict cells hold (and what their colours key on)."""

FORMS: dict[str, dict[str, str]] = {
    "vi": {"commendation": "Giấy khen", "certificate_of_merit": "Bằng khen",
           "emulation_flag": "Cờ thi đua"},
    "en": {"commendation": "Commendation", "certificate_of_merit": "Certificate of merit",
           "emulation_flag": "Emulation flag"},
}
"""An award's form by name (a form not listed is shown as its id)."""

BODIES: dict[str, dict[str, str]] = {
    "vi": {
        "ministry_of_public_security": "Bộ Công an",
        "provincial_people_committee": "Ủy ban nhân dân tỉnh",
        "provincial_chairman": "Chủ tịch Ủy ban nhân dân tỉnh",
        "provincial_steering_committee": "Ban Chỉ đạo tỉnh",
        "provincial_police": "Công an tỉnh",
        "provincial_home_affairs": "Sở Nội vụ",
        "district_people_committee": "Ủy ban nhân dân huyện",
        "district_chairman": "Chủ tịch Ủy ban nhân dân huyện",
        "district_steering_committee": "Ban Chỉ đạo huyện",
        "district_police": "Công an huyện",
        "district_home_affairs": "Phòng Nội vụ huyện",
        "commune_people_committee": "Ủy ban nhân dân xã",
        "commune_chairman": "Chủ tịch Ủy ban nhân dân xã",
        "commune_police": "Công an xã",
        "commune_culture_society_office": "Văn hóa - Xã hội xã",
        "local_units": "Các đơn vị, địa phương",
    },
    "en": {},
}
"""A granting or reporting body by name (English: none yet, the id in words instead; see
:func:`body_name`)."""

TEXT: dict[str, dict[str, str]] = {
    "vi": {
        # window labels (window_label)
        "campaign": "Toàn kế hoạch",
        "year": "Năm {}",
        "stage": "Giai đoạn {}",
        # column labels (layout)
        "months_met": "{} (số tháng đạt)",
        "years_met": "{} (số năm đạt)",
        "award_group": "{} (điều kiện khen thưởng)",
        # award candidates
        "standard": "Tiêu chuẩn",
        "verdict": "Kết quả",
        # rejected rows
        "file": "Tệp",
        "row": "Dòng",
        "column": "Cột",
        "code": "Mã lỗi",
        "message": "Nội dung",
        "meaning": "Ý nghĩa",
        # the decision record
        "plan_id": "Mã kế hoạch",
        "title": "Tên kế hoạch",
        "document": "Số văn bản",
        "issuer": "Cơ quan ban hành",
        "issued": "Ngày ban hành dùng để tính",
        "as_of": "Tính đến ngày",
        "plan_hash": "Mã băm kế hoạch (sha256)",
        "no_data_units": "Số đơn vị không có số liệu",
        "window_ended": "đã kết thúc",
        "window_running": "chưa kết thúc: kết quả chưa phải cuối cùng",
        "review": "Đợt xét khen thưởng",
    },
    "en": {
        "campaign": "Whole plan",
        "year": "Year {}",
        "stage": "Stage {}",
        "months_met": "{} (months met)",
        "years_met": "{} (years met)",
        "award_group": "{} (award conditions)",
        "standard": "Standard",
        "verdict": "Verdict",
        "file": "File",
        "row": "Row",
        "column": "Column",
        "code": "Code",
        "message": "Message",
        "meaning": "Meaning",
        "plan_id": "Plan id",
        "title": "Plan title",
        "document": "Document number",
        "issuer": "Issuer",
        "issued": "Issue date used",
        "as_of": "As of",
        "plan_hash": "Plan hash (sha256)",
        "no_data_units": "Units with no data",
        "window_ended": "ended",
        "window_running": "still running: the verdicts are not final",
        "review": "Awards review",
    },
}
"""The labels the results workbook and the HTML report both show, by key. Each output reads
``{**TEXT[lang], **its_own[lang]}``."""


def body_name(body: str, lang: Lang) -> str:
    """A granting or reporting body by its name (``district_chairman``: "Chủ tịch Ủy ban nhân
    dân huyện"), or its id in words."""
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
    text = TEXT[lang]
    if window == "campaign":
        return text["campaign"]
    kind, _, rest = window.partition(":")
    if kind in ("year", "stage") and rest:
        return text[kind].format(rest)
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
    vi = lang == "vi"
    if need[0] == "more":
        return (f"; các tháng thiếu cần thêm ít nhất {need[1]}" if vi else
                f"; the missing months need at least {need[1]} more")
    if need[0] == "at_most":
        return (f"; các tháng thiếu chỉ được có tối đa {need[1]}" if vi else
                f"; the missing months may hold at most {need[1]}")
    if need[0] == "share":
        _, p, slack, num, den = need
        sign = "-" if slack >= 0 else "+"
        return (f"; các tháng thiếu cần {num} ≥ {p * 100:g}% × {den} {sign} {abs(slack):g}"
                if vi else f"; the missing months need {num} ≥ {p * 100:g}% × {den} "
                f"{sign} {abs(slack):g}")
    if need[0] == "periods":
        word = ("tháng" if need[1] == "month" else "năm") if vi else (
            "months" if need[1] == "month" else "years")
        return (f"; chưa xác định được các {word} {periods_text(need[2])}" if vi else
                f"; undecided in the {word} {periods_text(need[2])}")
    if need[0] == "attestation":
        return (f"; cần xác nhận {need[1]} (--attestations)" if vi else
                f"; needs an attestation {need[1]} (--attestations)")
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
