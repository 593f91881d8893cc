"""The plan model: frozen pydantic models named after ../GLOSSARY (see docs/plan-format.md).

One model describes both a plan file as written and the resolved plan (inheritance applied):
fields that a file may inherit are optional here, and :mod:`emulation_rules.checks` enforces
what a resolved, non-template plan must carry (citations, a campaign, phases, ...). Unknown keys
are rejected at every depth. Field docstrings become the JSON Schema descriptions that editors
show on hover.
"""

from __future__ import annotations

import calendar
import hashlib
import json
import re
from datetime import date, datetime
from typing import Annotated, Any, Literal

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Discriminator,
    Field,
    StringConstraints,
    Tag,
    WithJsonSchema,
    model_validator,
)

from ._inert import shown
from .i18n import Msg, msg
from .limits import FIRST_DAY, LAST_DAY
from .vocabulary import ATTESTATIONS, METRICS

__all__ = [
    "Acknowledgement",
    "AllOf",
    "AnyOf",
    "AttestationCondition",
    "AttestedCondition",
    "Award",
    "AwardCondition",
    "Campaign",
    "Comparator",
    "Condition",
    "CountCondition",
    "Criterion",
    "Deadline",
    "DefaultRule",
    "Document",
    "Issuer",
    "JudgementCondition",
    "LeadsBlocCondition",
    "MetricCondition",
    "MissingPeriod",
    "Phase",
    "Plan",
    "PriorAwardsCondition",
    "Quota",
    "QuotaKey",
    "RatioCondition",
    "Recurrence",
    "Reference",
    "Relation",
    "ReviewCycle",
    "Scoring",
    "Source",
    "Standard",
    "StraddlingMonth",
    "Target",
    "Text",
    "WhenNoCases",
    "plan_data",
    "plan_hash",
]

ISSUANCE = "issuance"

_ISO = re.compile(r"^([0-9]{4})-([0-9]{2})-([0-9]{2})$")
_VN = re.compile(r"^([0-9]{1,2})/([0-9]{1,2})/([0-9]{4})$")
ISO_PATTERN = r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"
VN_PATTERN = r"^[0-9]{1,2}/[0-9]{1,2}/[0-9]{4}$"
_EXAMPLE_DAY = date(2025, 1, 15)
_WRITTEN_OTHERWISE = (
    # day first with dots, dashes or spaces: 15.01.2025, 15-1-2025
    re.compile(r"^(?P<d>\d{1,2})\s*[.\-\s]\s*(?P<m>\d{1,2})\s*[.\-\s]\s*(?P<y>\d{4})$"),
    # year first with slashes, dots or one-digit parts: 2025/01/15, 2025-1-15
    re.compile(r"^(?P<y>\d{4})\s*[-/.]\s*(?P<m>\d{1,2})\s*[-/.]\s*(?P<d>\d{1,2})$"),
    # in words: ngày 15 tháng 01 năm 2025
    re.compile(r"^(?:ngày\s*)?(?P<d>\d{1,2})\s*tháng\s*(?P<m>\d{1,2})\s*(?:năm\s*)?(?P<y>\d{4})$",
               re.IGNORECASE),
    # digits only: 20250115
    re.compile(r"^(?P<y>\d{4})(?P<m>\d{2})(?P<d>\d{2})$"),
)
"""Dates written another way than the two forms read, and the day each means (day first, as
Vietnamese dates are): only to say how to write it."""


def _write_as(day: date | None) -> Msg:
    """How to write ``day``, or an example when the day meant is not known."""
    if day is None:
        return msg("model.date.write-example", iso=_EXAMPLE_DAY.isoformat(),
                   vn=f"{_EXAMPLE_DAY:%d/%m/%Y}")
    return msg("model.date.write", iso=day.isoformat(), vn=f"{day:%d/%m/%Y}")


def _real(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _meant(text: str) -> date | None:
    """The day a date written another way means, if it is one."""
    for form in _WRITTEN_OTHERWISE:
        found = form.match(text)
        if found:
            return _real(int(found["y"]), int(found["m"]), int(found["d"]))
    return None


def _parts(text: str) -> tuple[int, int, int] | None:
    """Year, month and day of a date in one of the two forms read, or None."""
    iso, vn = _ISO.match(text), _VN.match(text)
    parts = (iso[1], iso[2], iso[3]) if iso else (vn[3], vn[2], vn[1]) if vn else None
    return None if parts is None else (int(parts[0]), int(parts[1]), int(parts[2]))


def date_hint(value: Any) -> Msg | None:
    """How to write a date :func:`_to_date` refuses: the day meant when it can be told (day
    first, or the month written first as in 01/15/2025), how many days the month has, or an
    example; None for a date it reads. The loader gives it as the issue's fix."""
    text = value.strip() if isinstance(value, str) else str(value)
    parts = _parts(text)
    if parts is None:
        return _write_as(_meant(text))
    year, month, day = parts
    found = _real(year, month, day)
    if found is not None:
        return None if FIRST_DAY <= found <= LAST_DAY else msg("model.date.check-year")
    if month > 12 and day <= 12:
        return _write_as(_real(year, day, month))
    if 1 <= month <= 12:
        return msg("model.date.days-in-month", month=f"{month:02d}", year=year,
                   days=calendar.monthrange(year, month)[1])
    return msg("model.date.months")


def _in_range(day: date) -> date:
    if not FIRST_DAY <= day <= LAST_DAY:
        raise ValueError(msg("model.date.out-of-range", day=day, first=FIRST_DAY,
                             last=LAST_DAY))
    return day


def _to_date(value: Any) -> date:
    """A plan's date: ISO ``2025-01-15`` or day first ``15/01/2025`` (``15/1/2025`` too, as the
    documents write it). What to write instead of a refused one: :func:`date_hint`."""
    if isinstance(value, date) and not isinstance(value, datetime):
        return _in_range(value)
    text = value.strip() if isinstance(value, str) else ""
    parts = _parts(text)
    if parts is not None:
        found = _real(*parts)
        if found is None:
            raise ValueError(msg("model.date.not-real", text=shown(text)))
        return _in_range(found)
    written = text if isinstance(value, str) else str(value)
    raise ValueError(msg("model.date.format", text=shown(written)))


def _to_date_or_issuance(value: Any) -> date | str:
    return ISSUANCE if value == ISSUANCE else _to_date(value)


_DATE_SCHEMA: dict[str, Any] = {
    "type": "string",
    "anyOf": [{"format": "date", "pattern": ISO_PATTERN}, {"pattern": VN_PATTERN}],
    "description": "A date, ISO 2025-05-19 or Vietnamese day-first 19/05/2025 (19/5/2025).",
}
PlanDate = Annotated[date, BeforeValidator(_to_date), WithJsonSchema(_DATE_SCHEMA)]
"""A calendar date written as ISO ``2025-05-19`` or day-first ``19/05/2025``."""

DateOrIssuance = Annotated[
    date | Literal["issuance"],
    BeforeValidator(_to_date_or_issuance),
    WithJsonSchema({
        "anyOf": [
            {"const": ISSUANCE, "description": "The plan's issue date, supplied at run time."},
            _DATE_SCHEMA,
        ]
    }),
]
"""A date, or ``issuance``: the plan's issue date, which the documents leave blank."""

Id = Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9_]*$", max_length=64)]
Section = Annotated[
    str,
    StringConstraints(pattern=r"^(preamble|header|[IVX]+(\.[0-9]+)*|[0-9]+(\.[0-9]+)*)$"),
]
NonEmpty = Annotated[str, StringConstraints(min_length=1, max_length=4000)]
ExtendsRef = Annotated[
    str,
    StringConstraints(
        pattern=r"^([a-z][a-z0-9_]*|([A-Za-z0-9_-]+/)*[A-Za-z0-9_-]+\.ya?ml)$",
        max_length=200,
    ),
]

MetricId = Annotated[
    str,
    StringConstraints(pattern=r"^[a-z][a-z0-9_]*$", max_length=64),
    WithJsonSchema({"type": "string", "enum": sorted(METRICS),
                    "description": "A metric of the vocabulary (docs/metrics.md)."}),
]
"""A metric id; the loader rejects unknown ones with a did-you-mean hint."""
AttestationId = Annotated[
    str,
    StringConstraints(pattern=r"^[a-z][a-z0-9_]*$", max_length=64),
    WithJsonSchema({"type": "string", "enum": sorted(ATTESTATIONS),
                    "description": "An attestation of the vocabulary (docs/metrics.md)."}),
]

Comparator = Literal["gt", "gte", "eq", "lte", "lt"]
Relation = Literal["before", "on_or_before", "on"]
Verdict = Literal["met", "not_met", "unknown"]
Level = Literal["team", "commune", "agency", "business", "school", "person"]
AwardForm = Literal["commendation", "certificate_of_merit", "emulation_flag"]
Occasion = Literal["phase_review", "final_review", "yearly_review", "stage_review"]
RecipientKind = Literal["collective", "individual"]
Category = Literal[
    "team", "commune", "agency", "business", "school",
    "armed_forces_or_employee", "other_person", "head_of_unit",
]
Body = Literal[
    "ministry_of_public_security",
    "provincial_people_committee",
    "provincial_chairman",
    "provincial_steering_committee",
    "provincial_police",
    "provincial_home_affairs",
    "district_people_committee",
    "district_chairman",
    "district_steering_committee",
    "district_police",
    "district_home_affairs",
    "commune_people_committee",
    "commune_chairman",
    "commune_police",
    "commune_culture_society_office",
    "local_units",
]


class _Model(BaseModel):
    model_config = ConfigDict(
        frozen=True,
        extra="forbid",
        hide_input_in_errors=True,
        allow_inf_nan=False,
        use_attribute_docstrings=True,
        validate_default=False,
    )


class Text(_Model):
    """A label: the Vietnamese wording, with an English gloss."""

    vi: NonEmpty
    """Vietnamese, as the document words it."""
    en: NonEmpty
    """English gloss."""


class Source(_Model):
    """Where a fact stands in the source document."""

    section: Section
    """Section number as the document numbers it, quoted: "4.1", "II.2", "IV.1"."""
    quote: Annotated[str, StringConstraints(min_length=3, max_length=800)]
    """A short passage of the original Vietnamese that states the fact."""
    reading: NonEmpty | None = None
    """Where the wording is ambiguous: the reading chosen, and why."""


AcknowledgedCode = Literal["phase-gap", "report-before-phase-end", "label-mismatch",
                          "ambiguous-number", "unreachable-award"]
"""The warnings a plan may acknowledge (docs/plan-format.md, "Acknowledged warnings")."""


class Acknowledgement(_Model):
    """A warning this item raises because its document says so (Bắc Giang's phase 2 ends
    three months before the campaign): ``validate`` still shows it, marked acknowledged with
    the reason, and ``--strict`` does not fail on it."""

    code: AcknowledgedCode
    """The warning's code, as validate shows it: warning[phase-gap]."""
    reason: Annotated[str, StringConstraints(min_length=3, max_length=400)]
    """Why the document justifies it: cite its section and quote its words."""


class _Cited(_Model):
    source: Source | None = None
    """The section and quote of the source document that states this."""
    acknowledge: tuple[Acknowledgement, ...] = ()
    """Warnings this item raises on purpose, each with the reason its document gives."""
    policy: Literal["local"] | None = None
    """"local" marks a rule that no document states, chosen locally (give a reason)."""
    reason: NonEmpty | None = None
    """One line: why this local policy was chosen."""

    @model_validator(mode="after")
    def _provenance(self) -> _Cited:
        if self.policy is not None and self.source is not None:
            raise ValueError(msg("model.source-or-policy"))
        if self.policy is not None and self.reason is None:
            raise ValueError(msg("model.policy.needs-reason"))
        if self.reason is not None and self.policy is None:
            raise ValueError(msg("model.policy.reason-alone"))
        return self


class WhenNoCases(_Cited):
    """What a ratio target means when its denominator is 0 (there were no cases at all)."""

    verdict: Verdict
    """met, not_met or unknown."""


class CountCondition(_Model):
    """A count compared with a whole-number threshold ("ít nhất 01": gte 1; "không để xảy ra":
    eq 0)."""

    metric: MetricId
    """A metric of the vocabulary (docs/metrics.md)."""
    comparator: Comparator
    """gt (trên), gte (từ ... trở lên, ít nhất, a bare target), eq, lte, lt."""
    threshold: Annotated[int, Field(ge=0, strict=True)]
    """The number to compare with."""


class RatioCondition(_Model):
    """A share: sum of numerator over sum of denominator, compared with a fraction (0.8 = 80%)."""

    numerator: MetricId
    """The metric counted in the share (e.g. tips_via_force)."""
    denominator: MetricId
    """The metric that is the whole (e.g. tips_total)."""
    comparator: Comparator
    """gt for "trên 90%"; gte for "từ 80% trở lên", a bare "80%" and "100%"."""
    threshold: Annotated[float, Field(ge=0, le=1, strict=True)]
    """A fraction from 0 to 1: 0.8 is 80%, 1 is all (100%)."""
    when_no_cases: WhenNoCases | None = None
    """What the target means when the denominator is 0. Required in a resolved plan."""


class AttestedCondition(_Model):
    """A judgement no count measures ("hoàn thành 100% ... đạt chất lượng, hiệu quả"): decided by
    an attestation, supplied with ``evaluate --attestations`` for a window (a phase, a year) or
    for the whole campaign; without one the verdict is unknown."""

    attestation: AttestationId
    """The attestation that records the judgement (docs/metrics.md)."""


class AnyOf(_Model):
    """Met when any of its conditions is met (the document's "hoặc")."""

    any_of: Annotated[tuple[Condition, ...], Field(min_length=2)]
    """Two or more conditions."""


class AllOf(_Model):
    """Met when all of its conditions are met."""

    all_of: Annotated[tuple[Condition, ...], Field(min_length=2)]
    """Two or more conditions."""


def _condition_tag(value: Any) -> str | None:
    if isinstance(value, dict):
        keys = value.keys()
    elif hasattr(value, "__dict__"):
        keys = vars(value).keys()
    else:  # a number, a text or a list where a condition belongs: no tag, a clear issue
        return None
    for key, tag in (("any_of", "any_of"), ("all_of", "all_of"), ("numerator", "ratio"),
                     ("denominator", "ratio"), ("metric", "count"),
                     ("attestation", "attestation")):
        if key in keys:
            return tag
    return None


Condition = Annotated[
    Annotated[CountCondition, Tag("count")]
    | Annotated[RatioCondition, Tag("ratio")]
    | Annotated[AnyOf, Tag("any_of")]
    | Annotated[AllOf, Tag("all_of")]
    | Annotated[AttestedCondition, Tag("attestation")],
    Discriminator(
        _condition_tag,
        custom_error_type="condition_kind",
        custom_error_message="a condition has 'metric', 'numerator'/'denominator', 'any_of', "
        "'all_of' or 'attestation'",
    ),
]


class Target(_Cited):
    """A measurable target (chỉ tiêu) of a criterion."""

    id: Id
    label: Text
    level: Level
    """The unit the target holds for: "team" for "mỗi Tổ", "commune" for "trên địa bàn"."""
    per: Literal["total", "month", "year"] = "total"
    """total: summed over the whole phase or review; month/year: must hold in every period."""
    condition: Condition
    """The test: a count, a ratio, or any_of / all_of of them."""


class Criterion(_Cited):
    """A content of the movement (nội dung thi đua), with its targets."""

    id: Id
    label: Text
    targets: tuple[Target, ...] = ()
    remove: tuple[Id, ...] = ()
    """Ids of inherited targets to drop (only in a file that extends another)."""


class Phase(_Cited):
    """A dated part of the campaign (đợt). Both ends are inclusive."""

    id: Id
    label: Text
    start: DateOrIssuance
    """First day, or "issuance" for "từ khi kế hoạch được ban hành" / "từ nay"."""
    end: PlanDate
    """Last day, inclusive ("đến ngày", "đến hết ngày")."""
    motto: Text | None = None
    """The phase's slogan (phương châm)."""


class ReviewCycle(_Cited):
    """How an open-ended movement is reviewed: yearly, with a summary every few years."""

    period: Literal["year"]
    stage_years: Annotated[int, Field(ge=1, le=50, strict=True)]
    """Length of a stage closed by a final review (tổng kết giai đoạn), in years."""


class Campaign(_Cited):
    """The movement (phong trào thi đua) the plan runs, and its window."""

    name: Text
    theme: Text | None = None
    """The movement's theme (chủ đề)."""
    start: DateOrIssuance
    end: PlanDate | None = None
    """Last day, inclusive; null for an open-ended movement (then give review_cycle)."""
    review_cycle: ReviewCycle | None = None


class Issuer(_Model):
    """Who issues the plan."""

    name: Text
    body: Body
    level: Literal["province", "district", "commune"]
    signatory: NonEmpty | None = None


class Document(_Cited):
    """The plan document itself; its number and date are often left blank."""

    number: NonEmpty | None = None
    place: NonEmpty | None = None
    year: Annotated[int, Field(ge=1945, le=2100, strict=True)] | None = None
    issued: PlanDate | None = None
    """The issue date, when the document states it; otherwise it is supplied at run time."""


class Reference(_Cited):
    """A document the plan implements or is based on."""

    number: NonEmpty
    date: PlanDate
    issuer: NonEmpty
    relation: Literal["implements", "legal_basis", "proposal"] = "implements"


class Recurrence(_Model):
    """A recurring obligation: one instance per month or year, due within that period."""

    freq: Literal["monthly", "yearly"]
    start: DateOrIssuance | None = None
    """First period starts here; default: the campaign start."""
    until: PlanDate | None = None
    """Last period ends here; default: the campaign end (or the requested horizon)."""


class Deadline(_Cited):
    """A dated obligation (a report, a ceremony), or a recurring one."""

    id: Id
    label: Text
    owed_by: Body
    """Who must do it; only units of this kind are tracked for it."""
    to: tuple[Body, ...] = ()
    """Who receives it."""
    via: Body | None = None
    """Through whom it is sent ("qua Công an tỉnh")."""
    phase: Id | None = None
    """The phase it reports on, if any."""
    due: PlanDate | None = None
    relation: Relation | None = None
    """before ("trước ngày D": D is late), on_or_before ("đến ngày D"), on ("trong ngày D")."""
    recurrence: Recurrence | None = None
    """Instead of due/relation, for "hằng tháng", "hằng năm"."""

    @model_validator(mode="after")
    def _one_kind(self) -> Deadline:
        dated = self.due is not None or self.relation is not None
        if dated and self.recurrence is not None:
            raise ValueError(msg("model.deadline.both-kinds"))
        if not dated and self.recurrence is None:
            raise ValueError(msg("model.deadline.no-kind"))
        if dated and (self.due is None or self.relation is None):
            raise ValueError(msg("model.deadline.due-and-relation"))
        return self


class DefaultRule(_Cited):
    """The rule applied when no attestation supplies a judgement (always local policy)."""

    rule: Literal["all_criteria_met", "attestation_required"]


class _AwardConditionBase(_Cited):
    id: Id
    label: Text
    applies_to: tuple[Category, ...] = ()
    """Only for these categories (e.g. business); empty: for every recipient of the standard."""


class JudgementCondition(_AwardConditionBase):
    """A condition the document leaves to local judgement ("thành tích xuất sắc")."""

    kind: Literal["judgement"]
    attestation: AttestationId
    """The attestation that records the judgement (e.g. outstanding_achievement)."""
    default: DefaultRule | None = None
    """Local-policy rule used when no attestation is given."""


class AttestationCondition(_AwardConditionBase):
    """A certified yes/no fact (rated "Xuất sắc", certified "An toàn về ANTT")."""

    kind: Literal["attestation"]
    attestation: AttestationId


class LeadsBlocCondition(_AwardConditionBase):
    """Ranked first in its emulation bloc (dẫn đầu khối)."""

    kind: Literal["leads_bloc"]
    bloc: Text | None = None
    """The bloc as the document names it ("khối xã, phường")."""


class PriorAwardsCondition(_AwardConditionBase):
    """Has already received a number of awards of a form from given authorities."""

    kind: Literal["prior_awards"]
    form: AwardForm
    granted_by: Annotated[tuple[Body, ...], Field(min_length=1)]
    at_least: Annotated[int, Field(ge=1, strict=True)]


class MetricCondition(_AwardConditionBase):
    """A condition on counts (e.g. no serious incidents, at least one model rated Good)."""

    kind: Literal["metric"]
    per: Literal["total", "year"] = "total"
    condition: Condition


AwardCondition = Annotated[
    JudgementCondition | AttestationCondition | LeadsBlocCondition | PriorAwardsCondition
    | MetricCondition,
    Field(discriminator="kind"),
]


class Standard(_Cited):
    """The conditions one kind of recipient must meet for an award."""

    id: Id
    recipient: RecipientKind
    categories: tuple[Category, ...] = ()
    """Which recipients this standard is for; empty: any."""
    conditions: tuple[AwardCondition, ...] = ()
    remove: tuple[Id, ...] = ()


QuotaKey = Literal["score", "criteria_met", "targets_met"]
"""A key a quota ranks by: the keys of :class:`Scoring` but ``unit_id`` (an id never decides
an award: units tied on every key are shown as a tie for the granting body to settle)."""


class Quota(_Cited):
    """How many collectives (tập thể) an award tier grants ("Giấy khen cho 03 tập thể"), among
    whom, and by which ranking. The eligible collectives are ranked by the keys; those tied on
    every key at the last place are all shown, as a tie the granting body settles, with the
    units that come next. Individuals are not counted by a quota. State its source, or
    ``policy: local`` with a reason when the number is the granting body's decision."""

    count: Annotated[int, Field(ge=1, le=100_000, strict=True)]
    """How many units the tier grants: in all (among: all) or in each bloc (among: bloc)."""
    among: Literal["all", "bloc"] = "all"
    """all: one count for every candidate together; bloc: the count in each emulation bloc
    (khối thi đua: the units file's bloc column)."""
    rank_by: Annotated[tuple[QuotaKey, ...], Field(min_length=1)] | None = None
    """Ranking keys, highest first: score, criteria_met, targets_met. Default: the plan's
    scoring tie_break without unit_id (score alone without scoring)."""

    @model_validator(mode="after")
    def _stated(self) -> Quota:
        if self.source is None and self.policy is None:
            raise ValueError(msg("model.quota.source-or-policy"))
        return self


class Award(_Cited):
    """An award tier: its form (if the document names one), who grants it, and when."""

    id: Id
    label: Text
    form: AwardForm | None = None
    """commendation (Giấy khen), certificate_of_merit (Bằng khen), emulation_flag (Cờ thi đua);
    null when the document says only "theo thẩm quyền"."""
    granted_by: Body
    proposed_by: Body | None = None
    occasions: Annotated[tuple[Occasion, ...], Field(min_length=1)]
    standards: tuple[Standard, ...] = ()
    remove: tuple[Id, ...] = ()
    quota: Quota | None = None
    """How many collectives the tier grants and by which ranking; none: as many as are
    eligible."""

    @model_validator(mode="after")
    def _quota_counts_collectives(self) -> Award:
        if self.quota is not None and not any(s.recipient == "collective"
                                              for s in self.standards):
            raise ValueError(msg("model.quota.no-collective"))
        return self


class StraddlingMonth(_Cited):
    """Which phase a calendar month belongs to when it straddles a phase boundary (February 2025
    holds the last days of phase 1 and the first of phase 2). Without a declaration the default
    is ``most_days``."""

    rule: Literal["most_days", "month_start", "month_end"]
    """most_days: the phase holding most of the month's days (a tie goes to the later phase);
    month_start / month_end: the phase holding the month's first / last day. Days before the
    issue date and after the campaign end are days in no phase; a month whose days lie mostly
    (or whose first / last day lies) in a gap between phases is in the campaign and no phase."""


DEFAULT_STRADDLING_RULE = "most_days"


TieKey = Literal["score", "criteria_met", "targets_met", "unit_id"]


class Scoring(_Cited):
    """How units score and rank in their emulation bloc (khối thi đua). No document states it:
    declare it as local policy. A unit earns a criterion's points when it meets that criterion
    in the window; ties are broken by the keys in order, the last being ``unit_id``."""

    points: dict[Id, Annotated[int, Field(ge=0, le=1000, strict=True)]] = Field(
        default_factory=dict)
    """Points per criterion id; a criterion not listed is worth 1."""
    tie_break: Annotated[tuple[TieKey, ...], Field(min_length=1)] = ("score", "unit_id")
    """Ranking keys, highest first: score, criteria_met, targets_met; unit_id (ascending) last."""

    @model_validator(mode="after")
    def _deterministic(self) -> Scoring:
        if self.tie_break[-1] != "unit_id":
            raise ValueError(msg("model.scoring.tie-break"))
        return self


class MissingPeriod(_Cited):
    """What an expected period with no data means for a verdict. Without a declaration a
    missing period makes the verdict ``unknown``; a plan may declare ``not_met`` instead."""

    verdict: Literal["unknown", "not_met"]


class Plan(_Model):
    """One locality's plan (Kế hoạch), or a template that plans extend."""

    id: Id
    """Equals the file name without .yaml."""
    template: Annotated[bool, Field(strict=True)] = False
    """A template is only extended, never evaluated; it is not inherited."""
    draft: Annotated[bool, Field(strict=True)] = False
    """true while the plan is a draft (dự thảo): validate also reports a phase that has already
    ended (as of --as-of, default today), a date not yet updated. It is not inherited."""
    extends: ExtendsRef | None = None
    """A bundled plan id, or a .yaml path inside this file's own folder."""
    title: Text
    issuer: Issuer | None = None
    document: Document | None = None
    implements: tuple[Reference, ...] = ()
    """Documents the plan implements or is based on (their dates bound the issue date)."""
    campaign: Campaign | None = None
    phases: tuple[Phase, ...] = ()
    criteria: tuple[Criterion, ...] = ()
    deadlines: tuple[Deadline, ...] = ()
    awards: tuple[Award, ...] = ()
    straddling_month: StraddlingMonth | None = None
    """The phase a month straddling a phase boundary belongs to (default: most_days)."""
    missing_period: MissingPeriod | None = None
    """What a period with no data means (default: the verdict is unknown)."""
    scoring: Scoring | None = None
    """Points per criterion and tie-break keys for ranking in a bloc (default: 1 point each)."""
    remove: tuple[Id, ...] = ()
    """Ids of inherited phases, criteria, deadlines or awards to drop."""

    @property
    def needs_issue_date(self) -> bool:
        """True when a date of the plan is tied to its (blank) issue date."""
        starts: list[object] = [p.start for p in self.phases]
        if self.campaign is not None:
            starts.append(self.campaign.start)
        starts += [d.recurrence.start for d in self.deadlines if d.recurrence]
        return ISSUANCE in starts


_LAST = ("source", "acknowledge", "policy", "reason")


def _ordered(node: Any) -> Any:
    """``id`` first and provenance last in every mapping, for readers of the output."""
    if isinstance(node, list):
        return [_ordered(item) for item in node]
    if not isinstance(node, dict):
        return node
    keys = [k for k in node if k == "id"] + [k for k in node if k != "id" and k not in _LAST]
    keys += [k for k in _LAST if k in node]
    return {k: _ordered(node[k]) for k in keys}


def plan_data(plan: Plan) -> dict[str, Any]:
    """The resolved plan as JSON-ready data (what ``show --format json`` prints)."""
    data: dict[str, Any] = _ordered(plan.model_dump(mode="json", exclude_none=True))
    data.pop("extends", None)
    if plan.campaign is not None:  # an open-ended movement shows end: null explicitly
        data["campaign"]["end"] = data["campaign"].get("end")
    return data


def plan_hash(plan: Plan) -> str:
    """sha256 of the resolved plan's canonical JSON: which rules produced a result."""
    text = json.dumps(plan_data(plan), sort_keys=True, ensure_ascii=False,
                      separators=(",", ":"))
    return "sha256:" + hashlib.sha256(text.encode("utf-8")).hexdigest()


for _m in (AnyOf, AllOf, Target, MetricCondition):
    _m.model_rebuild()
