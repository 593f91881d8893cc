"""Kon Plông (UBND huyện Kon Plông, 2024): every dated fact, target, deadline and award checked
against the source document. Expected values are literals from the document, cited by section;
they are never read from the YAML under test."""

from __future__ import annotations

from datetime import date

import pytest

import emulation_rules as er
from emulation_rules.model import AnyOf, CountCondition, RatioCondition

from .plan_facts import target_of

PLAN = er.load_plan("kon_plong")


def test_plan_is_valid_and_extends_the_2024_template() -> None:
    assert er.iter_plan_issues("kon_plong") == []
    assert PLAN.extends == "special_movement_2024"
    assert PLAN.issuer is not None and PLAN.issuer.level == "district"
    assert PLAN.issuer.body == "district_people_committee"


def test_implements_kon_tum_plan_3238() -> None:
    # preamble: "Căn cứ Kế hoạch số 3238/KH-UBND ngày 12 tháng 9 năm 2024 của Uỷ ban nhân dân
    # tỉnh Kon Tum"
    ref = PLAN.implements[0]
    assert (ref.number, ref.date, ref.relation) == ("3238/KH-UBND", date(2024, 9, 12),
                                                     "implements")


def test_campaign_runs_from_issuance_to_19_august_2025() -> None:
    # II.2 "Bắt đầu từ khi kế hoạch được ban hành đến ngày 19 tháng 8 năm 2025"
    assert PLAN.campaign is not None
    assert PLAN.campaign.start == "issuance"
    assert PLAN.campaign.end == date(2025, 8, 19)
    assert PLAN.needs_issue_date


@pytest.mark.parametrize(
    ("phase_id", "start", "end"),
    [
        # II.2 "Đợt 1: Từ khi kế hoạch được ban hành đến ngày 03 tháng 02 năm 2025"
        ("phase_1", "issuance", date(2025, 2, 3)),
        # II.2 "Đợt 2: Từ ngày 04 tháng 02 năm 2025 đến ngày 19 tháng 8 năm 2025"
        ("phase_2", date(2025, 2, 4), date(2025, 8, 19)),
    ],
)
def test_phases(phase_id: str, start: object, end: date) -> None:
    phase = next(p for p in PLAN.phases if p.id == phase_id)
    assert (phase.start, phase.end) == (start, end)
    assert phase.source is not None and phase.source.section == "II.2"
    assert phase.motto is not None


def test_exactly_two_phases() -> None:
    assert [p.id for p in PLAN.phases] == ["phase_1", "phase_2"]


RATIOS = [
    # (criterion, target, numerator, denominator, comparator, threshold, section)
    # 4.1 "80% nguồn tin do Nhân dân cung cấp cho Công an cấp xã thông qua lực lượng ..."
    ("situation_awareness", "tips_via_force", "tips_via_force", "tips_total", "gte", 0.8, "4.1"),
    # 4.1 "100% vụ, việc về an ninh, trật tự lực lượng ... có mặt kịp thời"
    ("situation_awareness", "incidents_attended", "incidents_force_present", "incidents_total",
     "gte", 1.0, "4.1"),
    # 4.3 "100% vụ việc khi được huy động lực lượng ... có mặt kịp thời"
    ("fire_rescue", "rescue_attended", "rescue_callouts_present", "rescue_callouts", "gte", 1.0,
     "4.3"),
    # 4.4 "Nhân dân cung cấp trên 90% thông tin về nhân khẩu" (trên: strictly greater)
    ("administrative_management", "household_records", "household_records_provided",
     "household_records_total", "gt", 0.9, "4.4"),
    # 4.6 "100% lực lượng tham gia bảo vệ an ninh, trật tự ở cơ sở tham gia hỗ trợ ... tuần tra"
    ("patrol_traffic", "all_members_patrol", "force_members_patrolling", "force_members", "gte",
     1.0, "4.6"),
]

COUNTS = [
    # (criterion, target, metric, comparator, threshold, level, section)
    # 4.2 "ít nhất 01 mô hình ... được Công an cấp huyện trở lên biểu dương, ghi nhận"
    ("movement_building", "model_recognised", "models_recognised", "gte", 1, "commune", "4.2"),
    # 4.4 "trên địa bàn không có cơ sở kinh doanh có điều kiện về an ninh, trật tự vi phạm"
    ("administrative_management", "no_business_violations", "conditional_business_violations",
     "eq", 0, "commune", "4.4"),
    # 4.4 "không có tình trạng tàng trữ, buôn bán, sử dụng trái phép vũ khí"
    ("administrative_management", "no_illegal_weapons", "illegal_weapons_cases", "eq", 0,
     "commune", "4.4"),
    # 4.5 "trên địa bàn không để xảy ra trường hợp người đã vi phạm pháp luật tái phạm"
    ("reintegration", "no_reoffending", "reoffences", "eq", 0, "commune", "4.5"),
    # 4.6 "trên địa bàn không để xảy ra tai nạn giao thông nghiêm trọng, đặc biệt nghiêm trọng"
    ("patrol_traffic", "no_serious_accidents", "serious_traffic_accidents", "eq", 0, "commune",
     "4.6"),
]


def target(criterion_id: str, target_id: str) -> er.model.Target:
    return target_of(PLAN, criterion_id, target_id)  # type: ignore[no-any-return]


@pytest.mark.parametrize(("crit", "tid", "num", "den", "cmp", "threshold", "section"), RATIOS)
def test_ratio_targets(crit: str, tid: str, num: str, den: str, cmp: str, threshold: float,
                       section: str) -> None:
    t = target(crit, tid)
    assert isinstance(t.condition, RatioCondition)
    cond = t.condition
    assert (cond.numerator, cond.denominator, cond.comparator, cond.threshold) == (
        num, den, cmp, threshold)
    assert t.per == "total"
    assert t.source is not None and t.source.section == section
    assert cond.when_no_cases is not None and cond.when_no_cases.policy == "local"


@pytest.mark.parametrize(("crit", "tid", "metric", "cmp", "threshold", "level", "section"),
                         COUNTS)
def test_count_targets(crit: str, tid: str, metric: str, cmp: str, threshold: int, level: str,
                       section: str) -> None:
    t = target(crit, tid)
    assert t.condition == CountCondition(metric=metric, comparator=cmp, threshold=threshold)
    assert (t.level, t.per) == (level, "total")
    assert t.source is not None and t.source.section == section


def test_monthly_good_deed_or_commended_member_per_team() -> None:
    # 4.7 "mỗi Tổ ... thi đua mỗi tháng thực hiện ít nhất 01 việc tốt hoặc có cá nhân được
    # biểu dương, khen thưởng"
    t = target("good_image", "monthly_good_deed")
    assert (t.level, t.per) == ("team", "month")
    assert t.condition == AnyOf(any_of=(
        CountCondition(metric="good_deeds", comparator="gte", threshold=1),
        CountCondition(metric="members_commended", comparator="gte", threshold=1),
    ))
    assert t.source is not None and t.source.section == "4.7"


def test_seven_criteria_each_cited_to_its_own_section() -> None:
    assert [(c.id, c.source.section if c.source else None) for c in PLAN.criteria] == [
        ("situation_awareness", "4.1"), ("movement_building", "4.2"), ("fire_rescue", "4.3"),
        ("administrative_management", "4.4"), ("reintegration", "4.5"),
        ("patrol_traffic", "4.6"), ("good_image", "4.7"),
    ]


@pytest.mark.parametrize(
    ("deadline_id", "due", "phase"),
    [
        # IV.5 "báo cáo kết quả đợt 01 trước ngày 03 tháng 02 năm 2025"
        ("report_phase_1", date(2025, 2, 3), "phase_1"),
        # IV.5 "đợt 02 trước ngày 18 tháng 8 năm 2025 về Uỷ ban nhân dân huyện (qua Công an
        # huyện)"
        ("report_phase_2", date(2025, 8, 18), "phase_2"),
    ],
)
def test_phase_reports_are_due_strictly_before(deadline_id: str, due: date, phase: str) -> None:
    d = next(d for d in PLAN.deadlines if d.id == deadline_id)
    assert (d.due, d.relation, d.phase) == (due, "before", phase)
    assert (d.owed_by, d.to, d.via) == ("commune_people_committee",
                                        ("district_people_committee",), "district_police")
    assert d.source is not None and d.source.section == "IV.5"


@pytest.mark.parametrize(
    ("award_id", "form", "granted_by"),
    [
        # II.4 "Chủ tịch Ủy ban nhân dân huyện xem xét tặng Giấy khen"
        ("district_commendation", "commendation", "district_chairman"),
        # II.4 "đề xuất Uỷ ban nhân dân tỉnh tặng Bằng khen"
        ("provincial_certificate_of_merit", "certificate_of_merit", "provincial_people_committee"),
    ],
)
def test_awards_at_the_end_of_the_movement(award_id: str, form: str, granted_by: str) -> None:
    award = next(a for a in PLAN.awards if a.id == award_id)
    # II.4 "Kết thúc phong trào thi đua": the final review
    assert (award.form, award.granted_by, award.occasions) == (form, granted_by,
                                                               ("final_review",))
    assert [s.recipient for s in award.standards] == ["collective", "individual"]
    for standard in award.standards:
        (cond,) = standard.conditions
        # "thành tích xuất sắc" is left to judgement: an attestation, with a local default
        assert cond.kind == "judgement"
        assert cond.source is not None and "thành tích xuất sắc" in cond.source.quote
        assert cond.default is not None and cond.default.policy == "local"
