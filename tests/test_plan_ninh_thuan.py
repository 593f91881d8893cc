"""Ninh Thuận (UBND tỉnh, 2024) against its source document: literals cited by section."""

from __future__ import annotations

from datetime import date

import pytest

import emulation_rules as er
from emulation_rules.model import CountCondition

PLAN = er.load_plan("ninh_thuan")


def by_id(items: tuple, item_id: str):  # type: ignore[no-untyped-def,type-arg]
    return next(i for i in items if i.id == item_id)


def test_valid_and_issued_by_the_provincial_people_committee() -> None:
    assert er.iter_plan_issues("ninh_thuan") == []
    assert (PLAN.issuer.body, PLAN.issuer.level) == ("provincial_people_committee", "province")


@pytest.mark.parametrize(
    ("number", "day", "relation"),
    [
        ("399/KH-BCA-X03", date(2024, 8, 13), "implements"),  # preamble
        ("40/2024/NĐ-CP", date(2024, 4, 16), "legal_basis"),   # preamble
        ("07/2024/NQ-HĐND", date(2024, 5, 30), "legal_basis"),  # preamble
        ("2352/CAT-PV01", date(2024, 10, 25), "proposal"),     # "Công văn số 2352/CAT-PV01"
        ("4272/TTr-SNV", date(2024, 10, 29), "proposal"),      # "Tờ trình số 4272/TTr-SNV"
    ],
)
def test_references(number: str, day: date, relation: str) -> None:
    ref = next(r for r in PLAN.implements if r.number == number)
    assert (ref.date, ref.relation) == (day, relation)


def test_campaign_and_phases() -> None:
    # II.3 "Từ ngày ban hành Kế hoạch đến hết ngày 19/8/2025"
    assert (PLAN.campaign.start, PLAN.campaign.end) == ("issuance", date(2025, 8, 19))
    # II.3 "Đợt 1: Từ ngày ban hành kế hoạch đến hết ngày 03/02/2025"
    # II.3 "Đợt 2: Từ ngày 04/02/2025 đến hết ngày 19/8/2025"
    assert [(p.id, p.start, p.end) for p in PLAN.phases] == [
        ("phase_1", "issuance", date(2025, 2, 3)),
        ("phase_2", date(2025, 2, 4), date(2025, 8, 19)),
    ]
    assert {p.source.section for p in PLAN.phases} == {"II.3"}


def test_contents_are_numbered_2_x() -> None:
    for i, crit in enumerate(PLAN.criteria, start=1):
        assert crit.source.section == f"2.{i}"
        assert all(t.source.section == f"2.{i}" for t in crit.targets)


def test_model_must_also_be_rated_highly() -> None:
    # 2.2 "được Công an cấp huyện trở lên biểu dương, ghi nhận và đánh giá cao"
    t = by_id(by_id(PLAN.criteria, "movement_building").targets, "model_recognised")
    assert t.condition == CountCondition(metric="models_highly_rated", comparator="gte",
                                         threshold=1)
    assert "đánh giá cao" in t.source.quote


def test_household_records_strictly_over_90_percent() -> None:
    # 2.4 "cung cấp trên 90% thông tin về nhân khẩu"
    t = by_id(by_id(PLAN.criteria, "administrative_management").targets, "household_records")
    assert (t.condition.comparator, t.condition.threshold) == ("gt", 0.9)


@pytest.mark.parametrize(
    ("deadline_id", "due", "phase"),
    [
        ("report_phase_1", date(2025, 2, 7), "phase_1"),   # IV.1 "trước ngày 07/02/2025 (đợt 1)"
        ("report_phase_2", date(2025, 8, 22), "phase_2"),  # IV.1 "ngày 22/8/2025 (đợt 2)"
    ],
)
def test_phase_reports(deadline_id: str, due: date, phase: str) -> None:
    d = by_id(PLAN.deadlines, deadline_id)
    # the single "trước" is read as governing both dates (recorded as a reading)
    assert (d.due, d.relation, d.phase) == (due, "before", phase)
    assert (d.owed_by, d.to, d.via) == ("district_people_committee",
                                        ("provincial_people_committee",), "provincial_police")
    assert d.source.section == "IV.1"
    if deadline_id == "report_phase_2":
        assert d.source.reading and "trước" in d.source.reading


@pytest.mark.parametrize(
    ("award_id", "form", "granted_by", "occasions", "section"),
    [
        # III.2.1 "Giấy khen của Chủ tịch Ủy ban nhân dân cấp huyện ... khi sơ kết, tổng kết"
        ("district_commendation", "commendation", "district_chairman",
         ("phase_review", "final_review"), "III.2.1"),
        # III.2.2 "Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh ... khi tổng kết"
        ("provincial_certificate_of_merit", "certificate_of_merit", "provincial_chairman",
         ("final_review",), "III.2.2"),
    ],
)
def test_award_section(award_id: str, form: str, granted_by: str, occasions: tuple[str, ...],
                       section: str) -> None:
    award = by_id(PLAN.awards, award_id)
    assert (award.form, award.granted_by, award.occasions, award.source.section) == (
        form, granted_by, occasions, section)
    assert [s.recipient for s in award.standards] == ["collective", "individual"]
