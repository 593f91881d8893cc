"""Bắc Giang (Ban Chỉ đạo tỉnh Bắc Giang, 2024): every dated fact, target, deadline and award
checked against the source document. Expected values are literals from the document, cited by
section; they are never read from the YAML under test. The key difference from the other 2024
plans: phase 2 ends on 19/5/2025, three months before the campaign ends on 19/8/2025."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

import emulation_rules as er
from emulation_rules._resources import plans_dir
from emulation_rules.model import AnyOf, CountCondition, RatioCondition, plan_data
from emulation_rules.timelines import Gap, timeline

from .plan_facts import by_id, target_of

PLAN = er.load_plan("bac_giang")
PLAN_FILE = plans_dir() / "bac_giang.yaml"  # the bundled file load_plan reads


def target(criterion_id: str, target_id: str) -> Any:
    return target_of(PLAN, criterion_id, target_id)


# --- validity, issuer, references -------------------------------------------------------------


def test_plan_is_valid_and_extends_the_2024_template() -> None:
    # preamble: implements the Ministry's 399/KH-BCA-X03, as the template's plans all do
    assert er.iter_plan_issues("bac_giang") == []
    assert PLAN.id == "bac_giang"
    assert PLAN.extends == "special_movement_2024"
    assert PLAN.template is False


def test_issuer_is_the_provincial_steering_committee() -> None:
    # preamble "Ban Chỉ đạo phòng, chống tội phạm, tệ nạn xã hội và xây dựng phong trào toàn dân
    # bảo vệ an ninh Tổ quốc (Ban Chỉ đạo) tỉnh xây dựng Kế hoạch"; signature "TRƯỞNG BAN /
    # CHỦ TỊCH UBND TỈNH / Lê Ánh Dương"
    assert PLAN.issuer is not None
    assert (PLAN.issuer.body, PLAN.issuer.level, PLAN.issuer.signatory) == (
        "provincial_steering_committee", "province", "Lê Ánh Dương")
    assert PLAN.issuer.name.vi.startswith("Ban Chỉ đạo phòng, chống tội phạm, tệ nạn xã hội")
    assert PLAN.issuer.name.vi.endswith("tỉnh Bắc Giang")


def test_no_document_number_or_issue_date() -> None:
    # the text has no header: no number, no place, no date; the issue date is a run-time input
    assert PLAN.document is None
    assert PLAN.needs_issue_date


@pytest.mark.parametrize(
    ("number", "issued", "issuer", "relation", "section"),
    [
        # preamble "Thực hiện Kế hoạch số 399/KH-BCA-X03 ngày 13/8/2024 của Bộ Công an"
        pytest.param("399/KH-BCA-X03", date(2024, 8, 13), "Bộ Công an", "implements",
                     "preamble", id="preamble-399"),
        # III.4 "Nghị quyết số 30/2024/NQ-HĐND ngày 06/6/2024 của HĐND tỉnh"
        pytest.param("30/2024/NQ-HĐND", date(2024, 6, 6), "Hội đồng nhân dân tỉnh Bắc Giang",
                     "legal_basis", "III.4", id="III.4-nq-30"),
    ],
)
def test_references(number: str, issued: date, issuer: str, relation: str,
                    section: str) -> None:
    (ref,) = [r for r in PLAN.implements if r.number == number]
    assert (ref.date, ref.issuer, ref.relation) == (issued, issuer, relation)
    assert ref.source is not None and ref.source.section == section


def test_exactly_two_references() -> None:
    # preamble (399/KH-BCA-X03) and III.4 (30/2024/NQ-HĐND); no other dated document is cited
    assert [r.number for r in PLAN.implements] == ["399/KH-BCA-X03", "30/2024/NQ-HĐND"]


# --- campaign and phases ----------------------------------------------------------------------


def test_campaign_runs_19_august_2024_to_19_august_2025() -> None:
    # II.2 "Phong trào thi đua bắt đầu từ ngày 19/8/2024 đến ngày 19/8/2025 được chia thành
    # 02 đợt"
    assert PLAN.campaign is not None
    assert (PLAN.campaign.start, PLAN.campaign.end) == (date(2024, 8, 19), date(2025, 8, 19))
    assert PLAN.campaign.review_cycle is None
    assert PLAN.campaign.source is not None and PLAN.campaign.source.section == "II.2"
    # II.3 "Chủ đề phong trào thi đua: “Lực lượng mới, khí thế mới, thi đua bảo đảm an ninh,
    # trật tự ở cơ sở trong tình hình mới”"
    assert PLAN.campaign.theme is not None
    assert PLAN.campaign.theme.vi == ("Lực lượng mới, khí thế mới, thi đua bảo đảm an ninh, "
                                      "trật tự ở cơ sở trong tình hình mới")


@pytest.mark.parametrize(
    ("phase_id", "start", "end", "motto_start"),
    [
        # II.2 "Đợt 1: Từ nay đến ngày 03/02/2025: “Thi đua lập thành tích chào mừng kỷ niệm
        # 95 năm Ngày thành lập Đảng Cộng sản Việt Nam"
        pytest.param("phase_1", "issuance", date(2025, 2, 3),
                     "Thi đua lập thành tích chào mừng kỷ niệm 95 năm", id="II.2-dot-1"),
        # II.2 "Đợt 2: Từ ngày 04/02 đến ngày 19/5/2025: “Thi đua lập thành tích chào mừng kỷ
        # niệm 80 năm Cách mạng tháng Tám" (year of 04/02 implied: 2025)
        pytest.param("phase_2", date(2025, 2, 4), date(2025, 5, 19),
                     "Thi đua lập thành tích chào mừng kỷ niệm 80 năm Cách mạng tháng Tám",
                     id="II.2-dot-2"),
    ],
)
def test_phases(phase_id: str, start: object, end: date, motto_start: str) -> None:
    phase = by_id(PLAN.phases, phase_id)
    assert (phase.start, phase.end) == (start, end)
    assert phase.source is not None and phase.source.section == "II.2"
    assert phase.motto is not None and phase.motto.vi.startswith(motto_start)


@pytest.mark.parametrize(
    ("phase_id", "motto"),
    [
        # II.2 Đợt 1, the motto in full, with its dates
        pytest.param("phase_1", "Thi đua lập thành tích chào mừng kỷ niệm 95 năm Ngày thành lập "
                     "Đảng Cộng sản Việt Nam (03/02/1930- 03/02/2025)", id="II.2-dot-1-motto"),
        # II.2 Đợt 2, the motto in full, with its dates
        pytest.param("phase_2", "Thi đua lập thành tích chào mừng kỷ niệm 80 năm Cách mạng tháng "
                     "Tám thành công (19/8/1945-19/8/2025) và Quốc khánh nước Cộng hòa xã hội chủ "
                     "nghĩa Việt Nam; Kỷ niệm 80 năm Ngày truyền thống Công an nhân dân "
                     "(19/8/1945-19/8/2025) và 20 năm Ngày hội toàn dân bảo vệ an ninh Tổ quốc "
                     "(19/8/2005-19/8/2025)", id="II.2-dot-2-motto"),
    ],
)
def test_phase_mottos_in_full(phase_id: str, motto: str) -> None:
    phase = by_id(PLAN.phases, phase_id)
    assert phase.motto is not None and phase.motto.vi == motto


def test_exactly_two_phases_with_their_readings() -> None:
    assert [p.id for p in PLAN.phases] == ["phase_1", "phase_2"]
    # II.2 "Từ nay": the issue date
    assert "Từ nay" in (by_id(PLAN.phases, "phase_1").source.reading or "")
    # II.2 "Từ ngày 04/02": the year is read from context
    reading = by_id(PLAN.phases, "phase_2").source.reading or ""
    assert "04/02" in reading and "2025" in reading


def test_timeline_has_gaps_before_phase_1_and_after_phase_2() -> None:
    tl = timeline(PLAN, issued=date(2024, 9, 5))
    assert (tl.start, tl.end) == (date(2024, 8, 19), date(2025, 8, 19))   # II.2
    assert [(p.id, p.start, p.end) for p in tl.phases] == [
        ("phase_1", date(2024, 9, 5), date(2025, 2, 3)),     # II.2 đợt 1 "Từ nay"
        ("phase_2", date(2025, 2, 4), date(2025, 5, 19)),    # II.2 đợt 2
    ]
    # from 19/8/2024 to the day before issue, and 20/5/2025-19/8/2025: no phase
    assert tl.gaps == (Gap(date(2024, 8, 19), date(2024, 9, 4)),
                       Gap(date(2025, 5, 20), date(2025, 8, 19)))
    assert tl.phase_of(date(2025, 5, 19)) is not None
    assert tl.phase_of(date(2025, 5, 20)) is None
    assert [(r.id, r.kind) for r in tl.reviews] == [
        ("phase_1", "phase_review"), ("phase_2", "phase_review"), ("final", "final_review")]


def test_issue_date_cannot_precede_plan_399() -> None:
    # preamble: the plan implements 399/KH-BCA-X03 of 13/8/2024
    with pytest.raises(er.EmulationRulesError):
        timeline(PLAN, issued=date(2024, 8, 12))


# --- criteria and targets ---------------------------------------------------------------------


def test_seven_criteria_each_cited_to_its_own_section() -> None:
    assert [(c.id, c.source.section if c.source else None) for c in PLAN.criteria] == [
        ("situation_awareness", "4.1"), ("movement_building", "4.2"), ("fire_rescue", "4.3"),
        ("administrative_management", "4.4"), ("reintegration", "4.5"),
        ("patrol_traffic", "4.6"), ("good_image", "4.7"),
    ]


def test_targets_of_each_criterion() -> None:
    assert {c.id: [t.id for t in c.targets] for c in PLAN.criteria} == {
        "situation_awareness": ["tips_via_force", "incidents_attended"],          # 4.1
        "movement_building": ["model_recognised"],                                # 4.2
        "fire_rescue": ["rescue_attended"],                                       # 4.3
        "administrative_management": ["no_business_violations", "household_records",
                                      "no_illegal_weapons"],                      # 4.4
        "reintegration": ["no_reoffending"],                                      # 4.5
        "patrol_traffic": ["all_members_patrol", "no_serious_accidents"],         # 4.6
        "good_image": ["monthly_good_deed"],                                      # 4.7
    }


def crit_section(criterion_id: str) -> str:
    return {"situation_awareness": "4.1", "movement_building": "4.2", "fire_rescue": "4.3",
            "administrative_management": "4.4", "reintegration": "4.5",
            "patrol_traffic": "4.6", "good_image": "4.7"}[criterion_id]


RATIOS = [
    # (criterion, target, numerator, denominator, comparator, threshold, level, when_no_cases)
    # 4.1 "80% nguồn tin do Nhân dân cung cấp cho Công an cấp xã thông qua lực lượng ..."
    pytest.param("situation_awareness", "tips_via_force", "tips_via_force", "tips_total", "gte",
                 0.8, "commune", "unknown", id="4.1-80-phan-tram"),
    # 4.1 "100% vụ, việc về an ninh, trật tự lực lượng ... có mặt kịp thời tại nơi xảy ra"
    pytest.param("situation_awareness", "incidents_attended", "incidents_force_present",
                 "incidents_total", "gte", 1.0, "commune", "met", id="4.1-100-vu-viec"),
    # 4.3 "100% vụ việc khi được huy động lực lượng ... có mặt kịp thời"
    pytest.param("fire_rescue", "rescue_attended", "rescue_callouts_present", "rescue_callouts",
                 "gte", 1.0, "commune", "met", id="4.3-100-vu-viec"),
    # 4.4 "Nhân dân cung cấp trên 90% thông tin về nhân khẩu" (trên: strictly greater)
    pytest.param("administrative_management", "household_records", "household_records_provided",
                 "household_records_total", "gt", 0.9, "commune", "unknown", id="4.4-tren-90"),
    # 4.6 "100% lực lượng ... tham gia hỗ trợ Công an cấp xã tuần tra"
    pytest.param("patrol_traffic", "all_members_patrol", "force_members_patrolling",
                 "force_members", "gte", 1.0, "commune", "unknown", id="4.6-100-luc-luong"),
]


@pytest.mark.parametrize(("crit", "tid", "num", "den", "cmp", "threshold", "level", "no_cases"),
                         RATIOS)
def test_ratio_targets(crit: str, tid: str, num: str, den: str, cmp: str, threshold: float,
                       level: str, no_cases: str) -> None:
    t = target(crit, tid)
    assert isinstance(t.condition, RatioCondition)
    cond = t.condition
    assert (cond.numerator, cond.denominator, cond.comparator, cond.threshold) == (
        num, den, cmp, threshold)
    assert (t.level, t.per) == (level, "total")
    assert cond.when_no_cases is not None
    assert (cond.when_no_cases.verdict, cond.when_no_cases.policy) == (no_cases, "local")
    assert t.source is not None and t.source.section == crit_section(crit)


COUNTS = [
    # (criterion, target, metric, comparator, threshold, level)
    # 4.2 "ít nhất 01 mô hình tổ chức quần chúng ... được Công an cấp huyện trở lên biểu dương,
    # nhân rộng"
    pytest.param("movement_building", "model_recognised", "mass_models_commended_replicated",
                 "gte", 1, "commune", id="4.2-it-nhat-01-mo-hinh-to-chuc-quan-chung"),
    # 4.4 "trên địa bàn không có cơ sở kinh doanh có điều kiện về an ninh, trật tự vi phạm"
    pytest.param("administrative_management", "no_business_violations",
                 "conditional_business_violations", "eq", 0, "commune",
                 id="4.4-khong-co-co-so-vi-pham"),
    # 4.4 "không có tình trạng tàng trữ, buôn bán, sử dụng trái phép vũ khí"
    pytest.param("administrative_management", "no_illegal_weapons", "illegal_weapons_cases",
                 "eq", 0, "commune", id="4.4-khong-co-vu-khi"),
    # 4.5 "trên địa bàn không để xảy ra trường hợp người đã vi phạm pháp luật tái phạm"
    pytest.param("reintegration", "no_reoffending", "reoffences", "eq", 0, "commune",
                 id="4.5-khong-tai-pham"),
    # 4.6 "trên địa bàn không để xảy ra tai nạn giao thông nghiêm trọng, đặc biệt nghiêm trọng"
    pytest.param("patrol_traffic", "no_serious_accidents", "serious_traffic_accidents", "eq", 0,
                 "commune", id="4.6-khong-tai-nan"),
]


@pytest.mark.parametrize(("crit", "tid", "metric", "cmp", "threshold", "level"), COUNTS)
def test_count_targets(crit: str, tid: str, metric: str, cmp: str, threshold: int,
                       level: str) -> None:
    t = target(crit, tid)
    assert t.condition == CountCondition(metric=metric, comparator=cmp, threshold=threshold)
    assert (t.level, t.per) == (level, "total")
    assert t.source is not None and t.source.section == crit_section(crit)


def test_model_target_is_a_mass_organisation_model_commended_and_replicated() -> None:
    # 4.2 "ít nhất 01 mô hình tổ chức quần chúng đang phát huy hiệu quả ... được Công an cấp
    # huyện trở lên biểu dương, nhân rộng": not the template's "biểu dương, ghi nhận"
    t = target("movement_building", "model_recognised")
    assert t.label.vi == ("Ít nhất 01 mô hình tổ chức quần chúng được Công an cấp huyện trở lên "
                          "biểu dương, nhân rộng")
    assert "mô hình tổ chức quần chúng" in t.source.quote
    assert "biểu dương, nhân rộng" in t.source.quote
    assert t.source.reading


def test_monthly_good_deed_or_commended_member_per_team() -> None:
    # 4.7 "Mỗi Tổ bảo vệ an ninh, trật tự ở thôn, tổ dân phố, bản thi đua mỗi tháng thực hiện ít
    # nhất một việc tốt hoặc có cá nhân được biểu dương, khen thưởng"
    t = target("good_image", "monthly_good_deed")
    assert (t.level, t.per) == ("team", "month")
    assert t.condition == AnyOf(any_of=(
        CountCondition(metric="good_deeds", comparator="gte", threshold=1),
        CountCondition(metric="members_commended", comparator="gte", threshold=1),
    ))
    assert t.source is not None and t.source.section == "4.7"
    # "ít nhất một" in words, the same rule as "ít nhất 01"
    assert "ít nhất một việc tốt" in t.source.quote


# --- deadlines --------------------------------------------------------------------------------


def test_exactly_four_deadlines() -> None:
    # III.8: the launch ceremony, the two phase reports and the monthly news items; no other
    # section sets a deadline
    assert [d.id for d in PLAN.deadlines] == ["launch_ceremony", "report_phase_1",
                                              "report_phase_2", "monthly_news"]


def test_launch_ceremony_before_25_september_2024() -> None:
    # III.8 "Tổ chức Lễ phát động (tổ chức riêng hoặc lồng ghép) cấp huyện xong trước ngày
    # 25/9/2024"
    d = by_id(PLAN.deadlines, "launch_ceremony")
    assert (d.due, d.relation, d.phase, d.recurrence) == (date(2024, 9, 25), "before", None,
                                                          None)
    assert (d.owed_by, d.to, d.via) == ("district_steering_committee", (), None)
    assert d.source is not None and d.source.section == "III.8"
    # "xong trước ngày": strictly before; a ceremony is held, not sent to anyone
    assert "strictly before" in (d.source.reading or "")
    assert "no recipient" in (d.source.reading or "")


@pytest.mark.parametrize(
    ("deadline_id", "due", "phase"),
    [
        # III.8 "Báo cáo kết quả thực hiện về Ban Chỉ đạo tỉnh (qua Công an tỉnh) sau mỗi đợt
        # thi đua (Đợt 1, trước ngày 08/02/2025"
        pytest.param("report_phase_1", date(2025, 2, 8), "phase_1",
                     id="III.8-dot-1-truoc-ngay-08-02-2025"),
        # III.8 "Đợt 2, trước ngày 20/5/2025)"
        pytest.param("report_phase_2", date(2025, 5, 20), "phase_2",
                     id="III.8-dot-2-truoc-ngay-20-5-2025"),
    ],
)
def test_phase_reports_are_due_strictly_before(deadline_id: str, due: date, phase: str) -> None:
    d = by_id(PLAN.deadlines, deadline_id)
    assert (d.due, d.relation, d.phase, d.recurrence) == (due, "before", phase, None)
    # III.8 "Ban Chỉ đạo cấp huyện ... Báo cáo ... về Ban Chỉ đạo tỉnh (qua Công an tỉnh)"
    assert (d.owed_by, d.to, d.via) == ("district_steering_committee",
                                        ("provincial_steering_committee",), "provincial_police")
    assert d.source is not None and d.source.section == "III.8"
    assert "strictly before" in (d.source.reading or "")


def test_monthly_news_recurs_every_month_from_issuance() -> None:
    """III.8 "hằng tháng phải có tin/ bài đăng trên các hệ thống tuyên truyền tại cơ sở": monthly,
    from the plan's issue date (no month before the plan is issued can be owed), to the end of
    the campaign."""
    d = by_id(PLAN.deadlines, "monthly_news")
    assert d.recurrence is not None
    assert (d.recurrence.freq, d.recurrence.start, d.recurrence.until) == (
        "monthly", "issuance", None)
    assert (d.due, d.relation, d.phase) == (None, None, None)
    assert (d.owed_by, d.to, d.via) == ("district_steering_committee", (), None)
    assert d.source is not None and d.source.section == "III.8"
    # III.8 "Chỉ đạo các cơ quan, đơn vị, địa phương": why the district committee owes it
    assert "Chỉ đạo các cơ quan, đơn vị, địa phương" in (d.source.reading or "")
    # the start at the issue date is a reading: the campaign window opens on 19/8/2024 (II.2)
    assert "issue date" in (d.source.reading or "")


def test_deadlines_on_the_calendar() -> None:
    tl = timeline(PLAN, issued=date(2024, 9, 5))
    dated = {i.id: (i.due, i.relation, i.last_on_time_day) for i in tl.deadlines
             if not i.recurring}
    assert dated == {
        # III.8 "trước ngày 25/9/2024": 24/9 is the last day on time
        "launch_ceremony": (date(2024, 9, 25), "before", date(2024, 9, 24)),
        # III.8 "trước ngày 08/02/2025"
        "report_phase_1": (date(2025, 2, 8), "before", date(2025, 2, 7)),
        # III.8 "trước ngày 20/5/2025"
        "report_phase_2": (date(2025, 5, 20), "before", date(2025, 5, 19)),
    }


def test_monthly_news_on_the_calendar_starts_at_issuance() -> None:
    """III.8 "hằng tháng": one item per month from the issue date (5/9/2024 here) to the end of the
    campaign (II.2 "đến ngày 19/8/2025"): September 2024 to August 2025; none for August 2024,
    before the plan was issued."""
    tl = timeline(PLAN, issued=date(2024, 9, 5))
    monthly = [i for i in tl.deadlines if i.recurring]
    assert len(monthly) == 12
    assert {i.relation for i in monthly} == {"on_or_before"}  # within the month, last day on time
    first, last = monthly[0], monthly[-1]
    assert (first.id, first.period_start, first.due) == (
        "monthly_news:2024-09", date(2024, 9, 5), date(2024, 9, 30))
    assert (last.id, last.period_start, last.due) == (
        "monthly_news:2025-08", date(2025, 8, 1), date(2025, 8, 19))


# --- awards -----------------------------------------------------------------------------------


def test_exactly_three_awards() -> None:
    # III.8 (district, each phase) and III.1 (proposed to the Ministry and to the chairman)
    assert [a.id for a in PLAN.awards] == ["phase_award", "ministry_award", "provincial_award"]


@pytest.mark.parametrize(
    ("award_id", "granted_by", "proposed_by", "occasions", "section"),
    [
        # III.8 "Kết thúc mỗi đợt thi đua ... kịp thời biểu dương, khen thưởng theo thẩm quyền các
        # tập thể, cá nhân lập thành tích xuất sắc"
        pytest.param("phase_award", "district_steering_committee", None, ("phase_review",),
                     "III.8", id="III.8-theo-tham-quyen"),
        # III.1 Công an tỉnh "Đề xuất Bộ Công an, Chủ tịch UBND tỉnh khen thưởng các tập thể, cá
        # nhân có thành tích xuất sắc" (no occasion stated: read as the final review)
        pytest.param("ministry_award", "ministry_of_public_security", "provincial_police",
                     ("final_review",), "III.1", id="III.1-bo-cong-an"),
        pytest.param("provincial_award", "provincial_chairman", "provincial_police",
                     ("final_review",), "III.1", id="III.1-chu-tich-ubnd-tinh"),
    ],
)
def test_awards_name_no_form(award_id: str, granted_by: str, proposed_by: str | None,
                             occasions: tuple[str, ...], section: str) -> None:
    award = by_id(PLAN.awards, award_id)
    assert award.form is None  # "theo thẩm quyền" / "khen thưởng": no form named, none invented
    assert (award.granted_by, award.proposed_by, award.occasions) == (granted_by, proposed_by,
                                                                      occasions)
    assert award.source is not None and award.source.section == section
    assert award.source.reading


def test_phase_award_reading_names_the_competent_district_authority() -> None:
    # III.8 "theo thẩm quyền": the district steering committee stands for the competent authority
    reading = by_id(PLAN.awards, "phase_award").source.reading or ""
    assert "theo thẩm quyền" in reading and "competent district authority" in reading


@pytest.mark.parametrize("award_id", ["ministry_award", "provincial_award"])
def test_proposed_awards_state_no_occasion(award_id: str) -> None:
    # III.1 names no sơ kết / tổng kết: the occasion is a reading
    reading = by_id(PLAN.awards, award_id).source.reading or ""
    assert "no occasion" in reading and "final review" in reading


@pytest.mark.parametrize(
    ("award_id", "section", "quote_part"),
    [
        # III.8 "các tập thể, cá nhân lập thành tích xuất sắc"
        ("phase_award", "III.8", "lập thành tích xuất sắc"),
        # III.1 "các tập thể, cá nhân có thành tích xuất sắc trong thực hiện Phong trào thi đua"
        ("ministry_award", "III.1", "có thành tích xuất sắc"),
        ("provincial_award", "III.1", "có thành tích xuất sắc"),
    ],
)
@pytest.mark.parametrize(
    ("standard_id", "recipient", "default_rule"),
    [("collective", "collective", "all_criteria_met"),
     ("individual", "individual", "attestation_required")],
)
def test_award_standards_are_judgements(award_id: str, section: str, quote_part: str,
                                        standard_id: str, recipient: str,
                                        default_rule: str) -> None:
    award = by_id(PLAN.awards, award_id)
    assert [s.id for s in award.standards] == ["collective", "individual"]
    standard = by_id(award.standards, standard_id)
    assert (standard.recipient, standard.categories) == (recipient, ())
    (cond,) = standard.conditions
    assert (cond.id, cond.kind, cond.attestation, cond.applies_to) == (
        "outstanding", "judgement", "outstanding_achievement", ())
    assert cond.source is not None and cond.source.section == section
    assert quote_part in cond.source.quote
    assert cond.default is not None
    assert (cond.default.rule, cond.default.policy, cond.default.source) == (
        default_rule, "local", None)
    assert cond.default.reason
    if default_rule == "all_criteria_met" and "final_review" in award.occasions:
        # local policy: the final review reads every phase and the campaign window
        assert "every phase and the campaign window (the whole campaign, gaps included)" in (
            cond.default.reason)


# --- citations --------------------------------------------------------------------------------


def _sources(node: object, path: str = "") -> list[tuple[str, dict[str, str]]]:
    if isinstance(node, dict):
        found = [(path, node["source"])] if isinstance(node.get("source"), dict) else []
        return found + [s for k, v in node.items() if k != "source"
                        for s in _sources(v, f"{path}.{k}")]
    if isinstance(node, list):
        return [s for i, v in enumerate(node) for s in _sources(v, f"{path}[{i}]")]
    return []


def test_every_cited_fact_has_its_expected_section() -> None:
    sections = [src["section"] for _, src in _sources(plan_data(PLAN))]
    counts = {s: sections.count(s) for s in sorted(set(sections))}
    assert counts == {
        "preamble": 1,                           # 399/KH-BCA-X03
        "II.2": 3,                               # campaign, two phases
        "4.1": 3, "4.2": 2, "4.3": 2, "4.4": 4, "4.5": 2, "4.6": 3, "4.7": 2,  # criteria, targets
        "III.4": 1,                              # Nghị quyết 30/2024/NQ-HĐND
        "III.8": 7,                              # four deadlines, phase award and its 2 standards
        "III.1": 6,                              # two proposed awards and their 4 standards
    }


def test_no_yaml_anchors_or_aliases() -> None:
    text = PLAN_FILE.read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=../schemas/plan.schema.json\n")
    assert not any(line.lstrip().startswith(("&", "*")) or ": &" in line or ": *" in line
                   for line in text.splitlines())
