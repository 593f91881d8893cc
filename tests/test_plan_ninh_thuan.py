"""Ninh Thuận (UBND tỉnh Ninh Thuận, 2024): every dated fact, target, deadline and award checked
against the source document. Expected values are literals from the document, cited by section;
they are never read from the YAML under test. Its contents are numbered 2.1-2.7 (in II.2), and
its award forms are stated in III.2."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

import emulation_rules as er
from emulation_rules._resources import plans_dir
from emulation_rules.model import AnyOf, CountCondition, RatioCondition, plan_data
from emulation_rules.timelines import timeline

from .plan_facts import by_id, target_of

PLAN = er.load_plan("ninh_thuan")
PLAN_FILE = plans_dir() / "ninh_thuan.yaml"  # the bundled file load_plan reads


def target(criterion_id: str, target_id: str) -> Any:
    return target_of(PLAN, criterion_id, target_id)


# --- validity, issuer, document, references ---------------------------------------------------


def test_plan_is_valid_and_extends_the_2024_template() -> None:
    # preamble: implements the Ministry's 399/KH-BCA-X03, as the template's plans all do
    assert er.iter_plan_issues("ninh_thuan") == []
    assert PLAN.id == "ninh_thuan"
    assert PLAN.extends == "special_movement_2024"
    assert PLAN.template is False


def test_issuer_is_the_provincial_people_committee() -> None:
    # header "ỦY BAN NHÂN DÂN TỈNH NINH THUẬN"; no signature block in the text
    assert PLAN.issuer is not None
    assert (PLAN.issuer.body, PLAN.issuer.level, PLAN.issuer.signatory) == (
        "provincial_people_committee", "province", None)
    assert PLAN.issuer.name.vi == "Ủy ban nhân dân tỉnh Ninh Thuận"


def test_document_number_and_date_left_blank() -> None:
    # header "Số: /KH-UBND ... Ninh Thuận, ngày tháng năm 2024"
    assert PLAN.document is not None
    assert (PLAN.document.number, PLAN.document.place, PLAN.document.year,
            PLAN.document.issued) == ("/KH-UBND", "Ninh Thuận", 2024, None)
    assert PLAN.document.source is not None and PLAN.document.source.section == "header"
    assert PLAN.needs_issue_date


@pytest.mark.parametrize(
    ("number", "issued", "issuer", "relation"),
    [
        # preamble "Kế hoạch số 399/KH-BCA-X03 ngày 13/8/2024 của Bộ Công an"
        pytest.param("399/KH-BCA-X03", date(2024, 8, 13), "Bộ Công an", "implements",
                     id="preamble-399"),
        # preamble "Nghị định số 40/2024/NĐ-CP ngày 16/4/2024 của Chính phủ"
        pytest.param("40/2024/NĐ-CP", date(2024, 4, 16), "Chính phủ", "legal_basis",
                     id="preamble-nd-40"),
        # preamble "Nghị quyết số 07/2024/NQ-HĐND ngày 30/5/2024 của Hội đồng nhân dân tỉnh
        # Ninh Thuận"
        pytest.param("07/2024/NQ-HĐND", date(2024, 5, 30), "Hội đồng nhân dân tỉnh Ninh Thuận",
                     "legal_basis", id="preamble-nq-07"),
        # preamble "Theo đề nghị của Công an tỉnh tại Công văn số 2352/CAT-PV01 ngày 25/10/2024"
        pytest.param("2352/CAT-PV01", date(2024, 10, 25), "Công an tỉnh Ninh Thuận", "proposal",
                     id="preamble-cv-2352"),
        # preamble "ý kiến của Sở Nội vụ tại Tờ trình số 4272/TTr-SNV ngày 29/10/2024"
        pytest.param("4272/TTr-SNV", date(2024, 10, 29), "Sở Nội vụ tỉnh Ninh Thuận", "proposal",
                     id="preamble-tt-4272"),
    ],
)
def test_references(number: str, issued: date, issuer: str, relation: str) -> None:
    (ref,) = [r for r in PLAN.implements if r.number == number]
    assert (ref.date, ref.issuer, ref.relation) == (issued, issuer, relation)
    assert ref.source is not None and ref.source.section == "preamble"


def test_exactly_five_references() -> None:
    # preamble: the two laws' instruments, the Ministry's plan and the two proposals; Thông tư
    # 14/2024/TT-BCA is cited without a date, so it is not a dated reference
    assert [r.number for r in PLAN.implements] == [
        "399/KH-BCA-X03", "40/2024/NĐ-CP", "07/2024/NQ-HĐND", "2352/CAT-PV01", "4272/TTr-SNV"]


def test_issue_date_no_earlier_than_the_proposal_of_29_october_2024() -> None:
    # preamble: Tờ trình 4272/TTr-SNV of 29/10/2024 bounds the blank issue date from below
    with pytest.raises(er.EmulationRulesError):
        timeline(PLAN, issued=date(2024, 10, 28))
    assert timeline(PLAN, issued=date(2024, 10, 29)).start == date(2024, 10, 29)


# --- campaign and phases ----------------------------------------------------------------------


def test_campaign_runs_from_issuance_to_the_end_of_19_august_2025() -> None:
    # II.3 "Từ ngày ban hành Kế hoạch đến hết ngày 19/8/2025 được chia thành 02 đợt"
    assert PLAN.campaign is not None
    assert (PLAN.campaign.start, PLAN.campaign.end) == ("issuance", date(2025, 8, 19))
    assert PLAN.campaign.review_cycle is None
    assert PLAN.campaign.source is not None and PLAN.campaign.source.section == "II.3"
    # II.1 "Chủ đề thi đua: “Lực lượng mới, khí thế mới, ra sức thi đua bảo đảm an ninh, trật tự
    # ở cơ sở trong tình hình mới”"
    assert PLAN.campaign.theme is not None
    assert PLAN.campaign.theme.vi == ("Lực lượng mới, khí thế mới, ra sức thi đua bảo đảm an "
                                      "ninh, trật tự ở cơ sở trong tình hình mới")
    assert "II.1" in (PLAN.campaign.source.reading or "")  # the theme's own section


@pytest.mark.parametrize(
    ("phase_id", "start", "end", "motto_start"),
    [
        # II.3 "Đợt 1: Từ ngày ban hành kế hoạch đến hết ngày 03/02/2025 “Thi đua lập thành
        # tích chào mừng kỷ niệm 95 năm"
        pytest.param("phase_1", "issuance", date(2025, 2, 3),
                     "Thi đua lập thành tích chào mừng kỷ niệm 95 năm", id="II.3-dot-1"),
        # II.3 "Đợt 2: Từ ngày 04/02/2025 đến hết ngày 19/8/2025 “Thi đua lập thành tích chào
        # mừng kỷ niệm 80 năm Cách mạng tháng Tám"
        pytest.param("phase_2", date(2025, 2, 4), date(2025, 8, 19),
                     "Thi đua lập thành tích chào mừng kỷ niệm 80 năm Cách mạng tháng Tám",
                     id="II.3-dot-2"),
    ],
)
def test_phases(phase_id: str, start: object, end: date, motto_start: str) -> None:
    phase = by_id(PLAN.phases, phase_id)
    assert (phase.start, phase.end) == (start, end)
    assert phase.source is not None and phase.source.section == "II.3"
    assert phase.motto is not None and phase.motto.vi.startswith(motto_start)


@pytest.mark.parametrize(
    ("phase_id", "motto"),
    [
        # II.3 Đợt 1, the motto in full, with its dates
        pytest.param("phase_1", "Thi đua lập thành tích chào mừng kỷ niệm 95 năm Ngày thành lập "
                     "Đảng Cộng sản Việt Nam (03/02/1930 - 03/02/2025)", id="II.3-dot-1-motto"),
        # II.3 Đợt 2, the motto in full, with its dates
        pytest.param("phase_2", "Thi đua lập thành tích chào mừng kỷ niệm 80 năm Cách mạng tháng "
                     "Tám thành công (19/8/1945 - 19/8/2025) và Quốc khánh nước Cộng hòa xã hội "
                     "Chủ nghĩa Việt Nam (02/9/1945 - 02/9/2025), kỷ niệm 80 năm Ngày truyền thống "
                     "Công an nhân dân Việt Nam (19/8/1945 - 19/8/2025) và 20 năm Ngày hội toàn "
                     "dân bảo vệ an ninh Tổ quốc (19/8/2005 - 19/8/2025)", id="II.3-dot-2-motto"),
    ],
)
def test_phase_mottos_in_full(phase_id: str, motto: str) -> None:
    phase = by_id(PLAN.phases, phase_id)
    assert phase.motto is not None and phase.motto.vi == motto


def test_exactly_two_phases() -> None:
    # II.3 "được chia thành 02 đợt"
    assert [p.id for p in PLAN.phases] == ["phase_1", "phase_2"]


def test_timeline_with_an_issue_date_has_no_gap() -> None:
    tl = timeline(PLAN, issued=date(2024, 11, 5))
    assert (tl.start, tl.end) == (date(2024, 11, 5), date(2025, 8, 19))   # II.3
    assert [(p.id, p.start, p.end) for p in tl.phases] == [
        ("phase_1", date(2024, 11, 5), date(2025, 2, 3)),    # II.3 đợt 1
        ("phase_2", date(2025, 2, 4), date(2025, 8, 19)),    # II.3 đợt 2
    ]
    assert tl.gaps == ()
    assert [(r.id, r.kind) for r in tl.reviews] == [
        ("phase_1", "phase_review"), ("phase_2", "phase_review"), ("final", "final_review")]


# --- criteria and targets ---------------------------------------------------------------------


def test_seven_criteria_each_cited_to_its_own_2_x_section() -> None:
    assert [(c.id, c.source.section if c.source else None) for c in PLAN.criteria] == [
        ("situation_awareness", "2.1"), ("movement_building", "2.2"), ("fire_rescue", "2.3"),
        ("administrative_management", "2.4"), ("reintegration", "2.5"),
        ("patrol_traffic", "2.6"), ("good_image", "2.7"),
    ]


def test_targets_of_each_criterion() -> None:
    assert {c.id: [t.id for t in c.targets] for c in PLAN.criteria} == {
        "situation_awareness": ["tips_via_force", "incidents_attended"],          # 2.1
        "movement_building": ["model_recognised"],                                # 2.2
        "fire_rescue": ["rescue_attended"],                                       # 2.3
        "administrative_management": ["no_business_violations", "household_records",
                                      "no_illegal_weapons"],                      # 2.4
        "reintegration": ["no_reoffending"],                                      # 2.5
        "patrol_traffic": ["all_members_patrol", "no_serious_accidents"],         # 2.6
        "good_image": ["monthly_good_deed"],                                      # 2.7
    }


def crit_section(criterion_id: str) -> str:
    return {"situation_awareness": "2.1", "movement_building": "2.2", "fire_rescue": "2.3",
            "administrative_management": "2.4", "reintegration": "2.5",
            "patrol_traffic": "2.6", "good_image": "2.7"}[criterion_id]


RATIOS = [
    # (criterion, target, numerator, denominator, comparator, threshold, level, when_no_cases)
    # 2.1 "trong đó có 80% nguồn tin do Nhân dân cung cấp cho Công an cấp xã thông qua lực
    # lượng"
    pytest.param("situation_awareness", "tips_via_force", "tips_via_force", "tips_total", "gte",
                 0.8, "commune", "unknown", id="2.1-80-phan-tram"),
    # 2.1 "100% vụ, việc về ANTT lực lượng ... có mặt kịp thời tại nơi xảy ra"
    pytest.param("situation_awareness", "incidents_attended", "incidents_force_present",
                 "incidents_total", "gte", 1.0, "commune", "met", id="2.1-100-vu-viec"),
    # 2.3 "100% vụ việc khi được huy động lực lượng ... có mặt kịp thời"
    pytest.param("fire_rescue", "rescue_attended", "rescue_callouts_present", "rescue_callouts",
                 "gte", 1.0, "commune", "met", id="2.3-100-vu-viec"),
    # 2.4 "Nhân dân cung cấp trên 90% thông tin về nhân khẩu" (trên: strictly greater)
    pytest.param("administrative_management", "household_records", "household_records_provided",
                 "household_records_total", "gt", 0.9, "commune", "unknown", id="2.4-tren-90"),
    # 2.6 "100% lực lượng ... tham gia hỗ trợ Công an cấp xã tuần tra"
    pytest.param("patrol_traffic", "all_members_patrol", "force_members_patrolling",
                 "force_members", "gte", 1.0, "commune", "unknown", id="2.6-100-luc-luong"),
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
    # 2.2 "ít nhất 01 mô hình ... được Công an cấp huyện trở lên biểu dương, ghi nhận và đánh
    # giá cao"
    pytest.param("movement_building", "model_recognised", "models_highly_rated", "gte", 1,
                 "commune", id="2.2-it-nhat-01-mo-hinh-danh-gia-cao"),
    # 2.4 "bảo đảm trên địa bàn không có cơ sở kinh doanh có điều kiện về ANTT vi phạm"
    pytest.param("administrative_management", "no_business_violations",
                 "conditional_business_violations", "eq", 0, "commune",
                 id="2.4-khong-co-co-so-vi-pham"),
    # 2.4 "không có tình trạng tàng trữ, buôn bán, sử dụng trái phép vũ khí"
    pytest.param("administrative_management", "no_illegal_weapons", "illegal_weapons_cases",
                 "eq", 0, "commune", id="2.4-khong-co-vu-khi"),
    # 2.5 "bảo đảm trên địa bàn không để xảy ra trường hợp người đã vi phạm pháp luật tái phạm"
    pytest.param("reintegration", "no_reoffending", "reoffences", "eq", 0, "commune",
                 id="2.5-khong-tai-pham"),
    # 2.6 "trên địa bàn không để xảy ra tai nạn giao thông nghiêm trọng, đặc biệt nghiêm trọng"
    pytest.param("patrol_traffic", "no_serious_accidents", "serious_traffic_accidents", "eq", 0,
                 "commune", id="2.6-khong-tai-nan"),
]


@pytest.mark.parametrize(("crit", "tid", "metric", "cmp", "threshold", "level"), COUNTS)
def test_count_targets(crit: str, tid: str, metric: str, cmp: str, threshold: int,
                       level: str) -> None:
    t = target(crit, tid)
    assert t.condition == CountCondition(metric=metric, comparator=cmp, threshold=threshold)
    assert (t.level, t.per) == (level, "total")
    assert t.source is not None and t.source.section == crit_section(crit)


def test_model_must_also_be_rated_highly() -> None:
    # 2.2 "được Công an cấp huyện trở lên biểu dương, ghi nhận và đánh giá cao": not the
    # template's "biểu dương, ghi nhận" alone
    t = target("movement_building", "model_recognised")
    assert t.label.vi == ("Ít nhất 01 mô hình được Công an cấp huyện trở lên biểu dương, ghi "
                          "nhận và đánh giá cao")
    assert "biểu dương, ghi nhận và đánh giá cao" in t.source.quote
    assert t.source.reading


def test_monthly_good_deed_or_commended_member_per_team() -> None:
    # 2.7 "Phấn đấu mỗi Tổ bảo vệ an ninh, trật tự ở thôn, khu phố thi đua mỗi tháng thực hiện
    # ít nhất 01 việc tốt hoặc có cá nhân được biểu dương, khen thưởng"
    t = target("good_image", "monthly_good_deed")
    assert (t.level, t.per) == ("team", "month")
    assert t.condition == AnyOf(any_of=(
        CountCondition(metric="good_deeds", comparator="gte", threshold=1),
        CountCondition(metric="members_commended", comparator="gte", threshold=1),
    ))
    assert t.source is not None and t.source.section == "2.7"
    assert "Phấn đấu" in (t.source.reading or "")


# --- deadlines --------------------------------------------------------------------------------


def test_exactly_two_deadlines() -> None:
    # IV.1: one report per phase; no other section sets a deadline
    assert [d.id for d in PLAN.deadlines] == ["report_phase_1", "report_phase_2"]


@pytest.mark.parametrize(
    ("deadline_id", "due", "phase", "last_on_time"),
    [
        # IV.1 "Báo cáo kết quả thực hiện từng đợt thi đua gửi về Ủy ban nhân dân tỉnh (thông
        # qua Công an tỉnh) trước ngày 07/02/2025 (đợt 1)"
        pytest.param("report_phase_1", date(2025, 2, 7), "phase_1", date(2025, 2, 6),
                     id="IV.1-dot-1-truoc-ngay-07-02-2025"),
        # IV.1 "ngày 22/8/2025 (đợt 2)": the one "trước" read as governing both dates
        pytest.param("report_phase_2", date(2025, 8, 22), "phase_2", date(2025, 8, 21),
                     id="IV.1-dot-2-ngay-22-8-2025"),
    ],
)
def test_phase_reports_are_due_strictly_before(deadline_id: str, due: date, phase: str,
                                               last_on_time: date) -> None:
    d = by_id(PLAN.deadlines, deadline_id)
    assert (d.due, d.relation, d.phase, d.recurrence) == (due, "before", phase, None)
    # IV.1 "Chủ tịch Ủy ban nhân dân các huyện, thành phố ... gửi về Ủy ban nhân dân tỉnh
    # (thông qua Công an tỉnh)"
    assert (d.owed_by, d.to, d.via) == ("district_people_committee",
                                        ("provincial_people_committee",), "provincial_police")
    assert d.source is not None and d.source.section == "IV.1"
    (instance,) = [i for i in timeline(PLAN, issued=date(2024, 11, 5)).deadlines
                   if i.id == deadline_id]
    assert instance.last_on_time_day == last_on_time


def test_one_trước_governs_both_dates_is_a_recorded_reading() -> None:
    # IV.1 "trước ngày 07/02/2025 (đợt 1), ngày 22/8/2025 (đợt 2)"
    d = by_id(PLAN.deadlines, "report_phase_2")
    assert "trước ngày 07/02/2025 (đợt 1), ngày 22/8/2025 (đợt 2)" in d.source.quote
    assert d.source.reading and "trước" in d.source.reading
    assert "both" in d.source.reading


# --- awards -----------------------------------------------------------------------------------


def test_exactly_two_awards() -> None:
    # III.2: 2.1 Giấy khen and 2.2 Bằng khen, the only award forms the plan names
    assert [a.id for a in PLAN.awards] == ["district_commendation",
                                           "provincial_certificate_of_merit"]


@pytest.mark.parametrize(
    ("award_id", "form", "granted_by", "proposed_by", "occasions", "section"),
    [
        # III.2.1 "Giấy khen của Chủ tịch Ủy ban nhân dân cấp huyện: Tặng cho tập thể, cá nhân có
        # thành tích xuất sắc trong thực hiện phong trào thi đua khi sơ kết, tổng kết"
        pytest.param("district_commendation", "commendation", "district_chairman", None,
                     ("phase_review", "final_review"), "III.2.1", id="III.2.1-giay-khen"),
        # III.2.2 "Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh: Tặng cho tập thể, cá nhân có
        # thành tích xuất sắc khi tổng kết"; IV.2 Sở Nội vụ "thẩm định, đề nghị Chủ tịch Ủy ban
        # nhân dân tỉnh khen thưởng"
        pytest.param("provincial_certificate_of_merit", "certificate_of_merit",
                     "provincial_chairman", "provincial_home_affairs", ("final_review",),
                     "III.2.2", id="III.2.2-bang-khen"),
    ],
)
def test_awards(award_id: str, form: str, granted_by: str, proposed_by: str | None,
                occasions: tuple[str, ...], section: str) -> None:
    award = by_id(PLAN.awards, award_id)
    assert (award.form, award.granted_by, award.proposed_by, award.occasions) == (
        form, granted_by, proposed_by, occasions)
    assert award.source is not None and award.source.section == section


@pytest.mark.parametrize(
    ("award_id", "section", "quote_part"),
    [
        # III.2.1 "Tặng cho tập thể, cá nhân có thành tích xuất sắc trong thực hiện phong trào"
        ("district_commendation", "III.2.1", "thành tích xuất sắc trong thực hiện phong trào"),
        # III.2.2 "Tặng cho tập thể, cá nhân có thành tích xuất sắc khi tổng kết"
        ("provincial_certificate_of_merit", "III.2.2", "thành tích xuất sắc khi tổng kết"),
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
        "header": 1,                             # document number and date left blank
        "preamble": 5,                           # five references
        "II.3": 3,                               # campaign, two phases
        "2.1": 3, "2.2": 2, "2.3": 2, "2.4": 4, "2.5": 2, "2.6": 3, "2.7": 2,  # criteria, targets
        "IV.1": 2,                               # two phase reports
        "III.2.1": 3,                            # Giấy khen and its two standards
        "III.2.2": 3,                            # Bằng khen and its two standards
    }


def test_no_yaml_anchors_or_aliases() -> None:
    text = PLAN_FILE.read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=../schemas/plan.schema.json\n")
    assert not any(line.lstrip().startswith(("&", "*")) or ": &" in line or ": *" in line
                   for line in text.splitlines())
