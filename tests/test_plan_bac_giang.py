"""Bắc Giang (Ban Chỉ đạo tỉnh, 2024) against its source document. Expected values are literals
from the document, cited by section; they are never read from the YAML under test."""

from __future__ import annotations

from datetime import date

import pytest

import emulation_rules as er
from emulation_rules.model import CountCondition, RatioCondition

PLAN = er.load_plan("bac_giang")


def by_id(items: tuple, item_id: str):  # type: ignore[no-untyped-def,type-arg]
    return next(i for i in items if i.id == item_id)


def test_valid_and_issued_by_the_provincial_steering_committee() -> None:
    assert er.iter_plan_issues("bac_giang") == []
    assert PLAN.extends == "special_movement_2024"
    assert PLAN.issuer is not None
    assert (PLAN.issuer.body, PLAN.issuer.level) == ("provincial_steering_committee", "province")
    # preamble: "Thực hiện Kế hoạch số 399/KH-BCA-X03 ngày 13/8/2024 của Bộ Công an"
    ref = next(r for r in PLAN.implements if r.relation == "implements")
    assert (ref.number, ref.date) == ("399/KH-BCA-X03", date(2024, 8, 13))


def test_campaign_19_august_2024_to_19_august_2025() -> None:
    # II.2 "Phong trào thi đua bắt đầu từ ngày 19/8/2024 đến ngày 19/8/2025"
    assert PLAN.campaign is not None
    assert (PLAN.campaign.start, PLAN.campaign.end) == (date(2024, 8, 19), date(2025, 8, 19))


@pytest.mark.parametrize(
    ("phase_id", "start", "end"),
    [
        # II.2 "Đợt 1: Từ nay đến ngày 03/02/2025"
        ("phase_1", "issuance", date(2025, 2, 3)),
        # II.2 "Đợt 2: Từ ngày 04/02 đến ngày 19/5/2025"
        ("phase_2", date(2025, 2, 4), date(2025, 5, 19)),
    ],
)
def test_phases_phase_2_ends_19_may(phase_id: str, start: object, end: date) -> None:
    phase = by_id(PLAN.phases, phase_id)
    assert (phase.start, phase.end) == (start, end)
    assert phase.source.section == "II.2"


def test_model_target_is_a_mass_organisation_model_commended_and_replicated() -> None:
    # 4.2 "ít nhất 01 mô hình tổ chức quần chúng ... được Công an cấp huyện trở lên biểu dương,
    # nhân rộng"
    target = by_id(by_id(PLAN.criteria, "movement_building").targets, "model_recognised")
    assert target.condition == CountCondition(metric="mass_models_commended_replicated",
                                              comparator="gte", threshold=1)
    assert target.source.section == "4.2" and "nhân rộng" in target.source.quote


@pytest.mark.parametrize(
    ("criterion", "target", "comparator", "threshold"),
    [
        ("situation_awareness", "tips_via_force", "gte", 0.8),       # 4.1 "80% nguồn tin"
        ("situation_awareness", "incidents_attended", "gte", 1.0),   # 4.1 "100% vụ, việc"
        ("fire_rescue", "rescue_attended", "gte", 1.0),              # 4.3 "100% vụ việc"
        ("administrative_management", "household_records", "gt", 0.9),  # 4.4 "trên 90%"
        ("patrol_traffic", "all_members_patrol", "gte", 1.0),        # 4.6 "100% lực lượng"
    ],
)
def test_ratio_targets(criterion: str, target: str, comparator: str, threshold: float) -> None:
    t = by_id(by_id(PLAN.criteria, criterion).targets, target)
    assert isinstance(t.condition, RatioCondition)
    assert (t.condition.comparator, t.condition.threshold) == (comparator, threshold)
    assert t.source.section == "4." + criterion_number(criterion)


def criterion_number(criterion: str) -> str:
    order = ["situation_awareness", "movement_building", "fire_rescue",
             "administrative_management", "reintegration", "patrol_traffic", "good_image"]
    return str(order.index(criterion) + 1)


def test_every_criterion_and_target_cites_its_own_section() -> None:
    for i, crit in enumerate(PLAN.criteria, start=1):
        assert crit.source.section == f"4.{i}"
        for t in crit.targets:
            assert t.source is not None and t.source.section == f"4.{i}", t.id


def test_monthly_good_deed_in_words() -> None:
    # 4.7 "mỗi tháng thực hiện ít nhất một việc tốt hoặc có cá nhân được biểu dương"
    t = by_id(by_id(PLAN.criteria, "good_image").targets, "monthly_good_deed")
    assert (t.per, t.level) == ("month", "team")
    assert "ít nhất một việc tốt" in t.source.quote


@pytest.mark.parametrize(
    ("deadline_id", "due", "phase"),
    [
        ("launch_ceremony", date(2024, 9, 25), None),  # III.8 "xong trước ngày 25/9/2024"
        ("report_phase_1", date(2025, 2, 8), "phase_1"),  # III.8 "Đợt 1, trước ngày 08/02/2025"
        ("report_phase_2", date(2025, 5, 20), "phase_2"),  # III.8 "Đợt 2, trước ngày 20/5/2025"
    ],
)
def test_dated_deadlines_strictly_before(deadline_id: str, due: date, phase: str | None) -> None:
    d = by_id(PLAN.deadlines, deadline_id)
    assert (d.due, d.relation, d.phase, d.owed_by) == (due, "before", phase,
                                                       "district_steering_committee")
    assert d.source.section == "III.8"


def test_reports_go_to_the_provincial_steering_committee_via_police() -> None:
    d = by_id(PLAN.deadlines, "report_phase_1")
    assert (d.to, d.via) == (("provincial_steering_committee",), "provincial_police")


def test_monthly_news_is_recurring() -> None:
    # III.8 "hằng tháng phải có tin/ bài đăng trên các hệ thống tuyên truyền tại cơ sở"
    d = by_id(PLAN.deadlines, "monthly_news")
    assert d.recurrence is not None and d.recurrence.freq == "monthly"
    assert d.due is None and d.relation is None


@pytest.mark.parametrize(
    ("award_id", "granted_by", "occasions", "section"),
    [
        # III.8 "Kết thúc mỗi đợt thi đua ... khen thưởng theo thẩm quyền"
        ("phase_award", "district_steering_committee", ("phase_review",), "III.8"),
        # III.1 "Đề xuất Bộ Công an, Chủ tịch UBND tỉnh khen thưởng"
        ("ministry_award", "ministry_of_public_security", ("final_review",), "III.1"),
        ("provincial_award", "provincial_chairman", ("final_review",), "III.1"),
    ],
)
def test_awards_name_no_form(award_id: str, granted_by: str, occasions: tuple[str, ...],
                             section: str) -> None:
    award = by_id(PLAN.awards, award_id)
    assert award.form is None  # "theo thẩm quyền": no tier invented
    assert (award.granted_by, award.occasions, award.source.section) == (granted_by, occasions,
                                                                          section)
    assert [s.recipient for s in award.standards] == ["collective", "individual"]
    for standard in award.standards:
        (cond,) = standard.conditions
        assert cond.kind == "judgement" and cond.default.policy == "local"
