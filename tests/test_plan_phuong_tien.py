"""Phượng Tiến (UBND xã, 2026) against its source: an open-ended movement with yearly reviews,
five-year stages and award standards by category. Literals cited by section."""

from __future__ import annotations

from datetime import date

import pytest

import emulation_rules as er
from emulation_rules.model import CountCondition

PLAN = er.load_plan("phuong_tien")


def by_id(items: tuple, item_id: str):  # type: ignore[no-untyped-def,type-arg]
    return next(i for i in items if i.id == item_id)


def test_valid_and_standalone() -> None:
    assert er.iter_plan_issues("phuong_tien") == []
    assert PLAN.extends is None
    assert (PLAN.issuer.body, PLAN.issuer.level) == ("commune_people_committee", "commune")
    assert not PLAN.needs_issue_date


def test_implements_decision_2447_and_thai_nguyen_plan_181() -> None:
    refs = {r.number: r.date for r in PLAN.implements if r.relation == "implements"}
    assert refs == {"2447/QĐ-TTg": date(2025, 11, 6), "181/KH-UBND": date(2025, 12, 25)}


def test_open_ended_from_january_2026_with_yearly_reviews_and_5_year_stages() -> None:
    # II.2 "Phong trào thi đua được triển khai từ tháng 01/2026."
    # II.2 "Định kỳ hàng năm tiến hành đánh giá, sơ kết ... và tổng kết giai đoạn 05 năm/lần."
    camp = PLAN.campaign
    assert (camp.start, camp.end) == (date(2026, 1, 1), None)
    assert (camp.review_cycle.period, camp.review_cycle.stage_years) == ("year", 5)
    assert PLAN.phases == ()


def test_six_contents_without_numeric_targets() -> None:
    assert [(c.source.section, len(c.targets)) for c in PLAN.criteria] == [
        (f"III.{i}", 0) for i in range(1, 7)]


@pytest.mark.parametrize(
    ("deadline_id", "owed_by", "to", "section"),
    [
        ("yearly_report", "commune_people_committee",
         ("provincial_people_committee", "provincial_police"), "VI.1"),
        ("yearly_safety_registration", "local_units", ("commune_people_committee",), "VI.4"),
    ],
)
def test_yearly_obligations(deadline_id: str, owed_by: str, to: tuple[str, ...],
                            section: str) -> None:
    d = by_id(PLAN.deadlines, deadline_id)
    assert d.recurrence.freq == "yearly" and d.due is None
    assert (d.owed_by, d.to, d.source.section) == (owed_by, to, section)


@pytest.mark.parametrize(
    ("award_id", "form", "granted_by", "occasions", "section"),
    [
        ("emulation_flag", "emulation_flag", "provincial_people_committee", ("stage_review",),
         "IV.1.1"),
        ("certificate_of_merit", "certificate_of_merit", "provincial_chairman",
         ("yearly_review", "stage_review"), "IV.1.2"),
        ("commune_commendation", "commendation", "commune_chairman",
         ("yearly_review", "stage_review"), "IV.2"),
    ],
)
def test_award_tiers(award_id: str, form: str, granted_by: str, occasions: tuple[str, ...],
                     section: str) -> None:
    award = by_id(PLAN.awards, award_id)
    assert (award.form, award.granted_by, award.occasions, award.source.section) == (
        form, granted_by, occasions, section)


@pytest.mark.parametrize(("standard_id", "categories"),
                         [("commune", ("commune",)),
                          ("agency_business_school", ("agency", "business", "school"))])
def test_flag_prerequisites_for_each_category(standard_id: str,
                                              categories: tuple[str, ...]) -> None:
    # IV.1.1 "Dẫn đầu khôi ...", "được tặng 03 Bằng khen (của Ủy ban nhân dân tỉnh hoặc Bộ Công
    # an)", "Có ít nhất 01 mô hình ... được Công an tỉnh thông báo nhân rộng trên địa bàn toàn tỉnh"
    standard = by_id(by_id(PLAN.awards, "emulation_flag").standards, standard_id)
    assert (standard.recipient, standard.categories) == ("collective", categories)
    conds = {c.id: c for c in standard.conditions}
    assert conds["leads_bloc"].kind == "leads_bloc"
    certs = conds["three_certificates"]
    assert (certs.kind, certs.form, certs.granted_by, certs.at_least) == (
        "prior_awards", "certificate_of_merit",
        ("provincial_people_committee", "ministry_of_public_security"), 3)
    assert conds["replicated_model"].condition == CountCondition(
        metric="models_replicated_province_wide", comparator="gte", threshold=1)
    assert all(c.source.section == "IV.1.1" for c in standard.conditions)


def test_certificate_of_merit_for_collectives() -> None:
    standard = by_id(by_id(PLAN.awards, "certificate_of_merit").standards, "collective")
    conds = {c.id: c for c in standard.conditions}
    assert {c.id: c.kind for c in standard.conditions} == {
        "outstanding": "judgement", "has_movement_plan": "attestation",
        "security_safe_certified": "attestation", "rated_excellent": "attestation",
        "model_rated_good": "metric", "no_serious_incidents": "metric",
        "effective_propaganda": "attestation", "clean_organisation": "attestation",
        "no_complaints": "metric", "no_escalated_complaints": "metric",
        "business_standard": "attestation"}
    # "Riêng đối với doanh nghiệp": only businesses
    assert conds["business_standard"].applies_to == ("business",)
    assert conds["no_serious_incidents"].condition == CountCondition(
        metric="serious_security_incidents", comparator="eq", threshold=0)
    assert conds["model_rated_good"].per == "year"


@pytest.mark.parametrize(("standard_id", "attestation"),
                         [("armed_forces_or_employee", "exemplary_participation"),
                          ("other_person", "active_participation")])
def test_certificate_of_merit_for_individuals(standard_id: str, attestation: str) -> None:
    standard = by_id(by_id(PLAN.awards, "certificate_of_merit").standards, standard_id)
    assert standard.recipient == "individual"
    conds = {c.id: c for c in standard.conditions}
    assert any(getattr(c, "attestation", None) == attestation for c in conds.values())
    # "Lưu ý: Đối với cá nhân ... là người đứng đầu ..."
    assert conds["head_of_unit_movement"].applies_to == ("head_of_unit",)


def test_every_award_condition_is_cited_or_local_policy() -> None:
    for award in PLAN.awards:
        for standard in award.standards:
            for cond in standard.conditions:
                assert cond.source is not None or cond.policy == "local"
                default = getattr(cond, "default", None)
                if default is not None:
                    assert default.policy == "local" and default.reason
