"""Tuyên Quang (UBND tỉnh Tuyên Quang, 2024): every dated fact, target, deadline and award checked
against the source document, an OCR text that lost its Vietnamese diacritics. Expected values are
literals from the document, cited by section (quoted in restored Vietnamese); they are never read
from the YAML under test. The plan's Vietnamese is restored, so it is checked for NFC and
diacritics."""

from __future__ import annotations

import unicodedata
from datetime import date
from pathlib import Path
from typing import Any

import pytest

import emulation_rules as er
from emulation_rules.model import (
    AnyOf,
    AttestedCondition,
    CountCondition,
    RatioCondition,
    plan_data,
)
from emulation_rules.timelines import timeline

from .plan_facts import by_id, target_of

plan = er.load_plan("tuyen_quang")
PLAN_FILE = Path(__file__).resolve().parent.parent / "plans" / "tuyen_quang.yaml"


def target(criterion_id: str, target_id: str) -> Any:
    return target_of(plan, criterion_id, target_id)


# --- validity, issuer, references -------------------------------------------------------------


def test_plan_is_valid_and_extends_the_2024_template() -> None:
    assert er.iter_plan_issues("tuyen_quang") == []
    assert plan.id == "tuyen_quang"
    assert plan.extends == "special_movement_2024"
    assert plan.template is False


def test_issuer_is_the_provincial_people_committee() -> None:
    # signature block: "KT. CHỦ TỊCH / PHÓ CHỦ TỊCH ... Hoàng Việt Phương"
    assert plan.issuer is not None
    assert (plan.issuer.body, plan.issuer.level, plan.issuer.signatory) == (
        "provincial_people_committee", "province", "Hoàng Việt Phương")
    assert plan.issuer.name.vi == "Ủy ban nhân dân tỉnh Tuyên Quang"


def test_no_document_number_or_issue_date() -> None:
    # header cut off in the OCR text: no number, no date; the issue date is a run-time input
    assert plan.document is None
    assert plan.needs_issue_date


@pytest.mark.parametrize(
    ("number", "issued", "issuer", "relation"),
    [
        # preamble "Kế hoạch số 399/KH-BCA-X03 ngày 13/8/2024 của Bộ Công an"
        ("399/KH-BCA-X03", date(2024, 8, 13), "Bộ Công an", "implements"),
        # preamble "Căn cứ Luật Thi đua, khen thưởng ngày 15/6/2022"
        ("Luật Thi đua, khen thưởng", date(2022, 6, 15), "Quốc hội", "legal_basis"),
        # preamble "Luật Lực lượng tham gia bảo vệ an ninh, trật tự ở cơ sở ngày 28/11/2023"
        ("Luật Lực lượng tham gia bảo vệ an ninh, trật tự ở cơ sở", date(2023, 11, 28),
         "Quốc hội", "legal_basis"),
    ],
    ids=["preamble-399", "preamble-luat-thi-dua", "preamble-luat-luc-luong"],
)
def test_preamble_references(number: str, issued: date, issuer: str, relation: str) -> None:
    ref = by_id_number(number)
    assert (ref.date, ref.issuer, ref.relation) == (issued, issuer, relation)
    assert ref.source is not None and ref.source.section == "preamble"


def by_id_number(number: str) -> Any:
    found = [r for r in plan.implements if r.number == number]
    assert len(found) == 1
    return found[0]


def test_exactly_three_references() -> None:
    assert [r.number for r in plan.implements] == [
        "399/KH-BCA-X03", "Luật Thi đua, khen thưởng",
        "Luật Lực lượng tham gia bảo vệ an ninh, trật tự ở cơ sở"]


# --- campaign and phases ----------------------------------------------------------------------


def test_campaign_derived_from_the_two_phases() -> None:
    # II.3 "Thời gian tổ chức Phong trào thi đua: Được chia thành 02 đợt": no window of its own;
    # from the start of đợt 1 (issuance) to the end of đợt 2 (19/8/2025)
    assert plan.campaign is not None
    assert (plan.campaign.start, plan.campaign.end) == ("issuance", date(2025, 8, 19))
    assert plan.campaign.review_cycle is None
    assert plan.campaign.source is not None and plan.campaign.source.section == "II.3"
    assert "derived" in (plan.campaign.source.reading or "")
    # II.1 "Chủ đề Phong trào thi đua: Lực lượng mới, khí thế mới, ..."
    assert plan.campaign.theme is not None
    assert plan.campaign.theme.vi == ("Lực lượng mới, khí thế mới, thi đua bảo đảm an ninh, "
                                      "trật tự ở cơ sở trong tình hình mới")


@pytest.mark.parametrize(
    ("phase_id", "start", "end", "motto_start"),
    [
        # II.3 "Đợt 1: Từ ngày ban hành Kế hoạch đến ngày 03/02/2025 với phương châm"
        ("phase_1", "issuance", date(2025, 2, 3),
         "Thi đua lập thành tích chào mừng kỷ niệm 95 năm"),
        # II.3 "Đợt 2: Từ ngày 04/02 đến ngày 19/8/2025 với phương châm" (year implied: 2025)
        ("phase_2", date(2025, 2, 4), date(2025, 8, 19),
         "Thi đua lập thành tích chào mừng kỷ niệm 80 năm Cách mạng tháng Tám"),
    ],
    ids=["II.3-dot-1", "II.3-dot-2"],
)
def test_phases(phase_id: str, start: object, end: date, motto_start: str) -> None:
    phase = by_id(plan.phases, phase_id)
    assert (phase.start, phase.end) == (start, end)
    assert phase.source is not None and phase.source.section == "II.3"
    assert phase.motto is not None and phase.motto.vi.startswith(motto_start)


def test_exactly_two_phases_and_the_implied_year_is_a_reading() -> None:
    assert [p.id for p in plan.phases] == ["phase_1", "phase_2"]
    # II.3 "Từ ngày 04/02": the year is read from context
    reading = by_id(plan.phases, "phase_2").source.reading or ""
    assert "04/02" in reading and "2025" in reading


def test_timeline_with_an_issue_date() -> None:
    tl = timeline(plan, issued=date(2024, 11, 5))
    assert [(p.id, p.start, p.end) for p in tl.phases] == [
        ("phase_1", date(2024, 11, 5), date(2025, 2, 3)),    # II.3 đợt 1
        ("phase_2", date(2025, 2, 4), date(2025, 8, 19)),    # II.3 đợt 2
    ]


# --- criteria and targets ---------------------------------------------------------------------


def test_seven_criteria_each_cited_to_its_own_section() -> None:
    assert [(c.id, c.source.section if c.source else None) for c in plan.criteria] == [
        ("situation_awareness", "4.1"), ("movement_building", "4.2"), ("fire_rescue", "4.3"),
        ("administrative_management", "4.4"), ("reintegration", "4.5"),
        ("patrol_traffic", "4.6"), ("good_image", "4.7"),
    ]


def test_targets_of_each_criterion() -> None:
    assert {c.id: [t.id for t in c.targets] for c in plan.criteria} == {
        "situation_awareness": ["tips_via_force", "incidents_attended"],          # 4.1
        "movement_building": ["model_recognised"],                                # 4.2
        "fire_rescue": ["rescue_attended"],                                       # 4.3
        "administrative_management": ["no_business_violations", "household_records",
                                      "no_illegal_weapons"],                      # 4.4
        "reintegration": ["no_reoffending"],                                      # 4.5
        "patrol_traffic": ["all_members_patrol", "no_serious_accidents"],         # 4.6
        "good_image": ["monthly_good_deed", "all_tasks_completed"],              # 4.7
    }


RATIOS = [
    # (criterion, target, numerator, denominator, comparator, threshold, level, when_no_cases)
    # 4.1 "Phấn đấu có từ 80% trở lên nguồn tin do quần chúng Nhân dân cung cấp"
    pytest.param("situation_awareness", "tips_via_force", "tips_via_force", "tips_total", "gte",
                 0.8, "commune", "unknown", id="4.1-tu-80-phan-tram-tro-len"),
    # 4.1 "100% vụ, việc về an ninh, trật tự lực lượng ... có mặt kịp thời"
    pytest.param("situation_awareness", "incidents_attended", "incidents_force_present",
                 "incidents_total", "gte", 1.0, "commune", "met", id="4.1-100-vu-viec"),
    # 4.3 "100% vụ việc khi được huy động lực lượng ... có mặt kịp thời"
    pytest.param("fire_rescue", "rescue_attended", "rescue_callouts_present", "rescue_callouts",
                 "gte", 1.0, "commune", "met", id="4.3-100-vu-viec"),
    # 4.4 "cung cấp trên 90% thông tin về nhân khẩu" (trên: strictly greater)
    pytest.param("administrative_management", "household_records", "household_records_provided",
                 "household_records_total", "gt", 0.9, "commune", "unknown", id="4.4-tren-90"),
    # 4.6 OCR ";00%", restored: "100% lực lượng ... tham gia hỗ trợ Công an cấp xã tuần tra"
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
    assert cond.when_no_cases.reason
    assert t.source is not None and t.source.section == crit_section(crit)


COUNTS = [
    # (criterion, target, metric, comparator, threshold, level)
    # 4.2 "ít nhất 01 mô hình ... được Công an cấp huyện trở lên biểu dương, ghi nhận"
    pytest.param("movement_building", "model_recognised", "models_recognised", "gte", 1,
                 "commune", id="4.2-it-nhat-01-mo-hinh"),
    # 4.4 "Trên địa bàn không có cơ sở kinh doanh có điều kiện về an ninh, trật tự vi phạm"
    pytest.param("administrative_management", "no_business_violations",
                 "conditional_business_violations", "eq", 0, "commune",
                 id="4.4-khong-co-co-so-vi-pham"),
    # 4.4 "không có tình trạng tàng trữ, buôn bán, sử dụng trái phép vũ khí"
    pytest.param("administrative_management", "no_illegal_weapons", "illegal_weapons_cases",
                 "eq", 0, "commune", id="4.4-khong-co-vu-khi"),
    # 4.5 "Trên địa bàn không để xảy ra trường hợp người đã vi phạm pháp luật tái phạm"
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


def crit_section(criterion_id: str) -> str:
    return {"situation_awareness": "4.1", "movement_building": "4.2", "fire_rescue": "4.3",
            "administrative_management": "4.4", "reintegration": "4.5",
            "patrol_traffic": "4.6", "good_image": "4.7"}[criterion_id]


def test_monthly_good_deed_or_commended_member_per_team() -> None:
    # 4.7 "Mỗi Tổ bảo vệ an ninh, trật tự ở thôn, tổ dân phố thi đua mỗi tháng thực hiện ít nhất
    # 01 việc tốt hoặc có cá nhân được biểu dương, khen thưởng"
    t = target("good_image", "monthly_good_deed")
    assert (t.level, t.per) == ("team", "month")
    assert t.condition == AnyOf(any_of=(
        CountCondition(metric="good_deeds", comparator="gte", threshold=1),
        CountCondition(metric="members_commended", comparator="gte", threshold=1),
    ))
    assert t.source is not None and t.source.section == "4.7"


def test_tips_from_80_percent_upwards_in_tuyen_quangs_own_words() -> None:
    # 4.1 "Phấn đấu có từ 80% trở lên nguồn tin": at least (gte), cited in this wording
    t = target("situation_awareness", "tips_via_force")
    assert "Phấn đấu có từ 80% trở lên" in t.source.quote
    assert "từ 80% trở lên" in t.label.vi


def test_administrative_management_heading_says_cong_an_xa() -> None:
    # 4.4 "Thi đua hỗ trợ Công an xã thực hiện tốt nhiệm vụ quản lý hành chính về trật tự xã hội"
    crit = by_id(plan.criteria, "administrative_management")
    assert crit.label.vi == ("Thi đua hỗ trợ Công an xã thực hiện tốt nhiệm vụ quản lý hành chính "
                             "về trật tự xã hội")
    assert "Công an xã" in crit.source.quote


def test_all_tasks_completed_is_an_attested_judgement() -> None:
    """4.7 Nội dung "hoàn thành 100% số lượng công việc, chỉ tiêu nhiệm vụ được giao đạt chất
    lượng, hiệu quả": a judgement no reported count measures, so an attestation condition on
    all_tasks_completed, per team, over the window (no ratio of tasks, no when_no_cases)."""
    t = target("good_image", "all_tasks_completed")
    assert t.condition == AttestedCondition(attestation="all_tasks_completed")
    assert isinstance(t.condition, AttestedCondition)
    assert (t.level, t.per) == ("team", "total")
    assert t.label.vi == ("Hoàn thành 100% số lượng công việc, chỉ tiêu nhiệm vụ được giao đạt "
                          "chất lượng, hiệu quả")
    assert t.source is not None
    assert (t.source.section, t.source.quote) == (
        "4.7", "hoàn thành 100% số lượng công việc, chỉ tiêu nhiệm vụ được giao đạt chất lượng, "
        "hiệu quả")
    # the reading: decided by an attestation for a window (a phase) or the whole campaign
    reading = t.source.reading or ""
    assert "--attestations" in reading
    assert "whole campaign" in reading and "unknown" in reading


def test_all_tasks_completed_is_tuyen_quangs_own_target() -> None:
    # 4.7 Nội dung "hoàn thành 100% số lượng công việc, chỉ tiêu nhiệm vụ được giao đạt chất
    # lượng, hiệu quả": not in the template, nor in Kon Plông's plan
    t = target("good_image", "all_tasks_completed")
    assert t.source is not None
    assert "hoàn thành 100% số lượng công việc" in t.source.quote
    assert "Nội dung" in (t.source.reading or "")  # a content, not a Chỉ tiêu: a reading
    kon_plong = er.load_plan("kon_plong")
    assert [x.id for x in by_id(kon_plong.criteria, "good_image").targets] == [
        "monthly_good_deed"]


def test_ocr_100_percent_restored_in_4_6() -> None:
    # 4.6 OCR "Chỉ tiêu: ;00% lực lượng ...": restored to 100%, the restoration is a reading
    t = target("patrol_traffic", "all_members_patrol")
    assert t.source.quote.startswith("100% lực lượng tham gia bảo vệ an ninh, trật tự ở cơ sở")
    assert ";00%" in (t.source.reading or "") and "100%" in (t.source.reading or "")


# --- deadlines --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("deadline_id", "due", "relation", "phase"),
    [
        # IV.1 "báo cáo Ủy ban nhân dân tỉnh (qua Công an tỉnh) trước ngày 31/12/2024"
        pytest.param("implementation_plan", date(2024, 12, 31), "before", None,
                     id="IV.1-truoc-ngay-31-12-2024"),
        # IV.1 "báo cáo sơ kết đợt 1 gửi trong ngày 03/02/2025"
        pytest.param("report_phase_1", date(2025, 2, 3), "on", "phase_1",
                     id="IV.1-trong-ngay-03-02-2025"),
        # IV.1 "báo cáo tổng kết gửi trước ngày 10/8/2025"
        pytest.param("report_final", date(2025, 8, 10), "before", "phase_2",
                     id="IV.1-truoc-ngay-10-8-2025"),
    ],
)
def test_deadlines(deadline_id: str, due: date, relation: str, phase: str | None) -> None:
    d = by_id(plan.deadlines, deadline_id)
    assert (d.due, d.relation, d.phase, d.recurrence) == (due, relation, phase, None)
    # IV.1 "Ủy ban nhân dân huyện, thành phố ... báo cáo Ủy ban nhân dân tỉnh (qua Công an tỉnh)"
    assert (d.owed_by, d.to, d.via) == ("district_people_committee",
                                        ("provincial_people_committee",), "provincial_police")
    assert d.source is not None and d.source.section == "IV.1"


def test_exactly_three_deadlines() -> None:
    assert [d.id for d in plan.deadlines] == ["implementation_plan", "report_phase_1",
                                              "report_final"]


def test_final_report_is_due_before_the_campaign_ends() -> None:
    # IV.1 "trước ngày 10/8/2025" while II.3 đợt 2 runs "đến ngày 19/8/2025": a reading
    d = by_id(plan.deadlines, "report_final")
    assert d.source.reading and "19/8" in d.source.reading


# --- awards -----------------------------------------------------------------------------------


def test_one_award_at_the_final_review_with_no_named_form() -> None:
    # IV.3 "tham mưu cho Chủ tịch Ủy ban nhân dân tỉnh công tác khen thưởng khi tổng kết Phong
    # trào thi đua theo quy định"; IV.4 Công an tỉnh "đề xuất khen thưởng ... khi tổng kết"
    assert [a.id for a in plan.awards] == ["provincial_award"]
    award = by_id(plan.awards, "provincial_award")
    assert (award.form, award.granted_by, award.proposed_by, award.occasions) == (
        None, "provincial_chairman", "provincial_police", ("final_review",))
    assert award.source is not None and award.source.section == "IV.3"
    assert "IV.4" in (award.source.reading or "")


@pytest.mark.parametrize(
    ("standard_id", "recipient", "default_rule"),
    [
        # IV.4 "những tập thể, cá nhân có thành tích xuất sắc, nổi bật"
        pytest.param("collective", "collective", "all_criteria_met", id="IV.4-tap-the"),
        pytest.param("individual", "individual", "attestation_required", id="IV.4-ca-nhan"),
    ],
)
def test_award_standards_are_judgements(standard_id: str, recipient: str,
                                        default_rule: str) -> None:
    award = by_id(plan.awards, "provincial_award")
    assert [s.id for s in award.standards] == ["collective", "individual"]
    standard = by_id(award.standards, standard_id)
    assert (standard.recipient, standard.categories) == (recipient, ())
    (cond,) = standard.conditions
    assert (cond.id, cond.kind, cond.attestation, cond.applies_to) == (
        "outstanding", "judgement", "outstanding_achievement", ())
    assert cond.source is not None and cond.source.section == "IV.4"
    assert "thành tích xuất sắc, nổi bật" in cond.source.quote
    assert cond.default is not None
    assert (cond.default.rule, cond.default.policy, cond.default.source) == (
        default_rule, "local", None)
    assert cond.default.reason
    if default_rule == "all_criteria_met" and "final_review" in award.occasions:
        # local policy: the final review reads every phase and the campaign window
        assert "every phase and the campaign window (the whole campaign, gaps included)" in (
            cond.default.reason)


# --- citations and restored Vietnamese --------------------------------------------------------


def _sources(node: object, path: str = "") -> list[tuple[str, dict[str, str]]]:
    if isinstance(node, dict):
        found = [(path, node["source"])] if isinstance(node.get("source"), dict) else []
        return found + [s for k, v in node.items() if k != "source"
                        for s in _sources(v, f"{path}.{k}")]
    if isinstance(node, list):
        return [s for i, v in enumerate(node) for s in _sources(v, f"{path}[{i}]")]
    return []


def _strings(node: object) -> list[str]:
    if isinstance(node, dict):
        return [s for v in node.values() for s in _strings(v)]
    if isinstance(node, list):
        return [s for v in node for s in _strings(v)]
    return [node] if isinstance(node, str) else []


def test_every_cited_fact_has_its_expected_section() -> None:
    sections = {path: src["section"] for path, src in _sources(plan_data(plan))}
    assert sorted(set(sections.values())) == sorted(
        {"preamble", "II.3", "4.1", "4.2", "4.3", "4.4", "4.5", "4.6", "4.7", "IV.1", "IV.3",
         "IV.4"})
    assert sum(1 for s in sections.values() if s == "IV.1") == 3       # three deadlines
    assert sum(1 for s in sections.values() if s == "IV.4") == 2       # two award conditions
    assert sum(1 for s in sections.values() if s == "preamble") == 3   # three references
    assert sum(1 for s in sections.values() if s == "II.3") == 3       # campaign, two phases


def test_all_vietnamese_text_is_nfc() -> None:
    for text in _strings(plan_data(plan)):
        assert unicodedata.is_normalized("NFC", text), text
    assert unicodedata.is_normalized("NFC", PLAN_FILE.read_text(encoding="utf-8"))


def _has_diacritics(text: str) -> bool:
    return any(ch in "đĐ" or unicodedata.decomposition(ch) for ch in text)


def test_every_quote_is_restored_vietnamese() -> None:
    sources = _sources(plan_data(plan))
    assert len(sources) == 31
    for path, src in sources:
        quote = src["quote"]
        # the OCR text has (almost) no diacritics: a restored quote carries them
        assert _has_diacritics(quote), (path, quote)
        # and none of the OCR's garbling survives
        assert not any(junk in quote for junk in ("¢", "&", ";00", "Pot ", "Ké")), (path, quote)


def test_no_yaml_anchors_or_aliases() -> None:
    text = PLAN_FILE.read_text(encoding="utf-8")
    assert not any(line.lstrip().startswith(("&", "*")) or ": &" in line or ": *" in line
                   for line in text.splitlines())
