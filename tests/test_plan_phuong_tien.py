"""Phượng Tiến (UBND xã, 2026) against its source: an open-ended movement with yearly reviews,
five-year stages and award standards by category. Every expected value is a literal, cited by
the section of the document that states it."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

import emulation_rules as er
from emulation_rules.model import CountCondition

from .plan_facts import by_id

plan = er.load_plan("phuong_tien")


def award(award_id: str) -> Any:
    return by_id(plan.awards, award_id)


def standard(award_id: str, standard_id: str) -> Any:
    return by_id(award(award_id).standards, standard_id)


def conditions(award_id: str, standard_id: str) -> dict[str, Any]:
    return {c.id: c for c in standard(award_id, standard_id).conditions}


# --- the plan and its document ---------------------------------------------------------------

def test_valid_and_standalone() -> None:
    assert er.iter_plan_issues("phuong_tien") == []
    assert plan.id == "phuong_tien"
    assert plan.extends is None        # a different movement from the 2024 plans
    assert plan.template is False


def test_issuer_and_document() -> None:
    # header "Số: /KH-UBND Phượng Tiến, ngày tháng năm 2026"; signature "Nguyễn Mạnh Hùng"
    assert plan.issuer is not None and plan.document is not None
    assert (plan.issuer.body, plan.issuer.level, plan.issuer.signatory) == (
        "commune_people_committee", "commune", "Nguyễn Mạnh Hùng")
    assert plan.issuer.name.vi == "Ủy ban nhân dân xã Phượng Tiến"
    assert (plan.document.number, plan.document.place, plan.document.year,
            plan.document.issued) == ("/KH-UBND", "Phượng Tiến", 2026, None)
    assert not plan.needs_issue_date   # no date is tied to the blank issue date


def test_implements_2447_and_181_with_44_as_legal_basis() -> None:
    # preamble: QĐ 2447/QĐ-TTg 06/11/2025; Kế hoạch 181/KH-UBND 25/12/2025; III: KL 44-KL/TW
    got = {(r.number, r.date, r.issuer, r.relation) for r in plan.implements}
    assert got == {
        ("2447/QĐ-TTg", date(2025, 11, 6), "Thủ tướng Chính phủ", "implements"),
        ("181/KH-UBND", date(2025, 12, 25), "Ủy ban nhân dân tỉnh Thái Nguyên", "implements"),
        ("44-KL/TW", date(2019, 1, 22), "Ban Bí thư", "legal_basis"),
    }


# --- II.2: the campaign ----------------------------------------------------------------------

def test_campaign_open_ended_from_january_2026() -> None:
    # II.2 "Phong trào thi đua được triển khai từ tháng 01/2026."
    camp = plan.campaign
    assert camp is not None
    assert camp.start == date(2026, 1, 1)
    assert camp.end is None
    assert camp.source is not None and camp.source.section == "II.2"
    assert "Toàn dân bảo vệ an ninh Tổ quốc" in camp.name.vi


def test_review_cycle_yearly_with_five_year_stages() -> None:
    # II.2 "Định kỳ hàng năm ... sơ kết ... và tổng kết giai đoạn 05 năm/lần."
    assert plan.campaign is not None
    cycle = plan.campaign.review_cycle
    assert cycle is not None and cycle.source is not None
    assert (cycle.period, cycle.stage_years, cycle.source.section) == ("year", 5, "II.2")


def test_no_phases() -> None:
    # II.2 names no đợt
    assert plan.phases == ()


# --- III: six contents, no targets -----------------------------------------------------------

def test_six_contents_without_targets() -> None:
    # III.1-III.6: the document states no chỉ tiêu for any content
    assert [(c.id, c.source.section if c.source else None, c.targets)
            for c in plan.criteria] == [
        ("implement_directives", "III.1", ()),
        ("local_government_leadership", "III.2", ()),
        ("movement_quality", "III.3", ()),
        ("science_technology", "III.4", ()),
        ("force_building", "III.5", ()),
        ("propaganda", "III.6", ()),
    ]


# --- VI: recurring deadlines -----------------------------------------------------------------

@pytest.mark.parametrize(
    ("deadline_id", "owed_by", "to", "section"),
    [
        pytest.param("yearly_report", "commune_people_committee",
                     ("provincial_people_committee", "provincial_police"), "VI.1",
                     id="VI.1-yearly-report-to-province-and-provincial-police"),
        pytest.param("yearly_safety_registration", "local_units", ("commune_people_committee",),
                     "VI.4", id="VI.4-yearly-safety-registration"),
    ],
)
def test_yearly_deadlines(deadline_id: str, owed_by: str, to: tuple[str, ...],
                          section: str) -> None:
    d = by_id(plan.deadlines, deadline_id)
    assert (d.owed_by, d.to, d.via, d.source.section) == (owed_by, to, None, section)
    assert (d.recurrence.freq, d.recurrence.start, d.recurrence.until) == ("yearly", None, None)
    assert (d.due, d.relation, d.phase) == (None, None, None)


def test_only_the_two_yearly_deadlines() -> None:
    # VI.4 "Định kỳ báo cáo ... về Công an xã" states no period: not encoded
    assert [d.id for d in plan.deadlines] == ["yearly_report", "yearly_safety_registration"]


# --- IV: award tiers -------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("award_id", "form", "granted_by", "proposed_by", "occasions", "section"),
    [
        pytest.param("emulation_flag", "emulation_flag", "provincial_people_committee", None,
                     ("stage_review",), "IV.1.1", id="IV.1.1-flag-trong-tong-ket"),
        pytest.param("certificate_of_merit", "certificate_of_merit", "provincial_chairman", None,
                     ("yearly_review", "stage_review"), "IV.1.2", id="IV.1.2-bang-khen"),
        pytest.param("commune_commendation", "commendation", "commune_chairman", "commune_police",
                     ("yearly_review", "stage_review"), "IV.2", id="IV.2-V-VI.1-giay-khen"),
    ],
)
def test_award_tiers(award_id: str, form: str, granted_by: str, proposed_by: str | None,
                     occasions: tuple[str, ...], section: str) -> None:
    a = award(award_id)
    assert (a.form, a.granted_by, a.proposed_by, a.occasions, a.source.section) == (
        form, granted_by, proposed_by, occasions, section)


def test_three_award_tiers() -> None:
    assert [a.id for a in plan.awards] == [
        "emulation_flag", "certificate_of_merit", "commune_commendation"]


# --- IV.1.1: the flag ------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("standard_id", "categories", "bloc"),
    [
        pytest.param("commune", ("commune",), "khối xã, phường", id="IV.1.1-doi-voi-xa"),
        pytest.param("agency_business_school", ("agency", "business", "school"),
                     "khối cơ quan, doanh nghiệp, cơ sở giáo dục",
                     id="IV.1.1-co-quan-doanh-nghiep-co-so-giao-duc"),
    ],
)
def test_flag_prerequisites_for_each_category(standard_id: str, categories: tuple[str, ...],
                                              bloc: str) -> None:
    s = standard("emulation_flag", standard_id)
    assert (s.recipient, s.categories) == ("collective", categories)
    conds = conditions("emulation_flag", standard_id)
    assert list(conds) == ["outstanding", "leads_bloc", "three_certificates", "replicated_model"]
    # IV.1.1 "Tặng cho tập thể có thành tích xuất sắc trong tổng kết"
    out = conds["outstanding"]
    assert (out.kind, out.attestation, out.default.rule, out.default.policy) == (
        "judgement", "outstanding_achievement", "attestation_required", "local")
    # IV.1.1 "Dẫn đầu khôi ..." (sic)
    lead = conds["leads_bloc"]
    assert (lead.kind, lead.bloc.vi) == ("leads_bloc", bloc)
    assert lead.source.quote.startswith("Dẫn đầu khôi ")
    # IV.1.1 "được tặng 03 Bằng khen (của Ủy ban nhân dân tỉnh hoặc Bộ Công an)": at least 3
    # (checked in detail by test_flag_three_certificates_count_the_chairmans_bang_khen)
    certs = conds["three_certificates"]
    assert (certs.kind, certs.form, certs.at_least) == (
        "prior_awards", "certificate_of_merit", 3)
    # IV.1.1 "Có ít nhất 01 mô hình ... được Công an tỉnh thông báo nhân rộng"
    model = conds["replicated_model"]
    assert (model.kind, model.per, model.condition) == ("metric", "total", CountCondition(
        metric="models_replicated_province_wide", comparator="gte", threshold=1))
    assert {c.source.section for c in conds.values()} == {"IV.1.1"}
    assert all(c.applies_to == () for c in conds.values())


@pytest.mark.parametrize(
    "standard_id",
    [pytest.param("commune", id="IV.1.1-doi-voi-xa"),
     pytest.param("agency_business_school", id="IV.1.1-co-quan-doanh-nghiep-co-so-giao-duc")],
)
def test_flag_three_certificates_count_the_chairmans_bang_khen(standard_id: str) -> None:
    """IV.1.1 "được tặng 03 Bằng khen (của Ủy ban nhân dân tỉnh hoặc Bộ Công an)": the province's
    Bằng khen is the one IV.1.2 names "Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh" (this plan's
    certificate_of_merit, granted_by provincial_chairman), so it counts towards the three."""
    certs = conditions("emulation_flag", standard_id)["three_certificates"]
    assert (certs.kind, certs.form, certs.at_least) == ("prior_awards", "certificate_of_merit", 3)
    assert certs.granted_by == ("provincial_people_committee", "provincial_chairman",
                                "ministry_of_public_security")
    assert "provincial_chairman" in certs.granted_by
    assert certs.source.section == "IV.1.1"
    assert certs.source.quote == ("được tặng 03 Bằng khen (của Ủy ban nhân dân tỉnh hoặc Bộ Công "
                                  "an) trong phong trào toàn dân bảo vệ an ninh Tổ quốc")
    # the reading says why the chairman's Bằng khen (IV.1.2) counts
    reading = certs.source.reading or ""
    assert "Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh" in reading
    assert "provincial_chairman" in reading
    # the award it counts is this plan's own IV.1.2 Bằng khen
    merit = award("certificate_of_merit")
    assert (merit.form, merit.granted_by) == ("certificate_of_merit", "provincial_chairman")


# --- IV.1.2: the certificate of merit --------------------------------------------------------

def test_certificate_collective_standard_has_no_categories() -> None:
    """IV.1.2 "Đối với tập thể" names no kind of collective: no categories, any collective."""
    s = standard("certificate_of_merit", "collective")
    assert (s.recipient, s.categories) == ("collective", ())
    assert (s.source.section, s.source.quote) == ("IV.1.2", "Đối với tập thể")
    # the reading explains the absence of categories and "Riêng đối với doanh nghiệp"
    reading = s.source.reading or ""
    assert "no categories" in reading
    assert "Riêng đối với doanh nghiệp" in reading


def test_certificate_collective_conditions_one_per_bullet() -> None:
    # IV.1.2 "Đối với tập thể": one condition per bullet; "An toàn ... và ... Xuất sắc" split in
    # two; "không có đơn thư ...; không để xảy ra khiếu kiện ..." as two counts
    conds = conditions("certificate_of_merit", "collective")
    assert {i: (c.kind, getattr(c, "attestation", None)) for i, c in conds.items()} == {
        "outstanding": ("judgement", "outstanding_achievement"),
        "has_movement_plan": ("attestation", "has_movement_plan"),
        "security_safe_certified": ("attestation", "security_safe_certified"),
        "rated_excellent": ("attestation", "rated_excellent"),
        "model_rated_good": ("metric", None),
        "no_serious_incidents": ("metric", None),
        "effective_propaganda": ("attestation", "effective_propaganda"),
        "clean_organisation": ("attestation", "clean_organisation"),
        "no_complaints": ("metric", None),
        "no_escalated_complaints": ("metric", None),
        "business_standard": ("attestation", "business_security_standard"),
    }
    assert {c.source.section for c in conds.values()} == {"IV.1.2"}
    assert conds["security_safe_certified"].source.quote == conds["rated_excellent"].source.quote


@pytest.mark.parametrize(
    ("condition_id", "per", "metric", "comparator", "threshold"),
    [
        pytest.param("model_rated_good", "year", "models_rated_good", "gte", 1,
                     id="IV.1.2-it-nhat-01-mo-hinh-Tot"),
        pytest.param("no_serious_incidents", "year", "serious_security_incidents", "eq", 0,
                     id="IV.1.2-khong-de-xay-ra-vu-viec-nghiem-trong"),
        pytest.param("no_complaints", "year", "complaint_letters", "eq", 0,
                     id="IV.1.2-khong-co-don-thu"),
        pytest.param("no_escalated_complaints", "year", "escalated_complaints", "eq", 0,
                     id="IV.1.2-khong-khieu-kien-vuot-cap"),
    ],
)
def test_certificate_collective_counted_conditions(condition_id: str, per: str, metric: str,
                                                   comparator: str, threshold: int) -> None:
    c = conditions("certificate_of_merit", "collective")[condition_id]
    assert (c.kind, c.per, c.condition) == ("metric", per, CountCondition(
        metric=metric, comparator=comparator, threshold=threshold))


def test_certificate_business_only_condition() -> None:
    # IV.1.2 "Riêng đối với doanh nghiệp": only businesses
    conds = conditions("certificate_of_merit", "collective")
    assert conds["business_standard"].applies_to == ("business",)
    assert [i for i, c in conds.items() if c.applies_to] == ["business_standard"]


@pytest.mark.parametrize(
    ("standard_id", "category", "attestation"),
    [
        pytest.param("armed_forces_or_employee", "armed_forces_or_employee",
                     "exemplary_participation", id="IV.1.2-can-bo-chien-si-cong-nhan-vien"),
        pytest.param("other_person", "other_person", "active_participation",
                     id="IV.1.2-doi-tuong-khac"),
    ],
)
def test_certificate_individual_standards(standard_id: str, category: str,
                                          attestation: str) -> None:
    s = standard("certificate_of_merit", standard_id)
    assert (s.recipient, s.categories) == ("individual", (category,))
    conds = conditions("certificate_of_merit", standard_id)
    assert {i: (c.kind, c.attestation, c.applies_to) for i, c in conds.items()} == {
        "outstanding": ("judgement", "outstanding_achievement", ()),
        attestation: ("attestation", attestation, ()),
        # IV.1.2 "Lưu ý: Đối với cá nhân ... là người đứng đầu cơ quan, đơn vị, địa phương"
        "head_of_unit_movement": ("attestation", "unit_movement_well_run", ("head_of_unit",)),
    }
    assert conds["head_of_unit_movement"].source.quote.startswith("Lưu ý:")
    assert conds["outstanding"].default.rule == "attestation_required"
    assert {c.source.section for c in conds.values()} == {"IV.1.2"}


def test_certificate_has_three_standards() -> None:
    assert [s.id for s in award("certificate_of_merit").standards] == [
        "collective", "armed_forces_or_employee", "other_person"]


# --- IV.2: the commune commendation ----------------------------------------------------------

@pytest.mark.parametrize(
    ("standard_id", "recipient"),
    [pytest.param("collective", "collective", id="IV.2-tap-the"),
     pytest.param("individual", "individual", id="IV.2-ca-nhan")],
)
def test_commendation_standards_are_the_judgement_only(standard_id: str, recipient: str) -> None:
    # IV.2 "các tập thể, cá nhân lập thành tích xuất sắc": no further standard
    s = standard("commune_commendation", standard_id)
    assert (s.recipient, s.categories) == (recipient, ())
    (c,) = s.conditions
    assert (c.id, c.kind, c.attestation, c.source.section) == (
        "outstanding", "judgement", "outstanding_achievement", "IV.2")
    assert (c.default.rule, c.default.policy) == ("attestation_required", "local")
    assert c.default.reason


# --- provenance ------------------------------------------------------------------------------

def test_every_award_condition_is_cited_or_local_policy() -> None:
    n = 0
    for a in plan.awards:
        assert a.source is not None
        for s in a.standards:
            for c in s.conditions:
                n += 1
                assert c.source is not None or (c.policy == "local" and c.reason)
                if c.source is not None:
                    assert c.source.section and c.source.quote
                default = getattr(c, "default", None)
                if default is not None:
                    assert default.policy == "local" and default.reason
    assert n == 4 + 4 + 11 + 3 + 3 + 1 + 1


def test_every_criterion_and_deadline_is_cited() -> None:
    assert all(c.source is not None for c in plan.criteria)
    assert all(d.source is not None for d in plan.deadlines)
    assert plan.campaign is not None and plan.campaign.source is not None
    assert plan.campaign.review_cycle is not None
    assert plan.campaign.review_cycle.source is not None
