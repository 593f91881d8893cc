"""Tuyên Quang (UBND tỉnh, 2024) against its source, an OCR text that lost its diacritics.
Literals cited by section; the plan's Vietnamese is restored, so it is checked for diacritics."""

from __future__ import annotations

import unicodedata
from datetime import date

import pytest

import emulation_rules as er
from emulation_rules.diffing import plan_data
from emulation_rules.model import RatioCondition

PLAN = er.load_plan("tuyen_quang")


def by_id(items: tuple, item_id: str):  # type: ignore[no-untyped-def,type-arg]
    return next(i for i in items if i.id == item_id)


def strings(node: object) -> list[str]:
    if isinstance(node, dict):
        return [s for v in node.values() for s in strings(v)]
    if isinstance(node, list):
        return [s for v in node for s in strings(v)]
    return [node] if isinstance(node, str) else []


def test_valid() -> None:
    assert er.iter_plan_issues("tuyen_quang") == []
    assert (PLAN.issuer.body, PLAN.issuer.signatory) == ("provincial_people_committee",
                                                         "Hoàng Việt Phương")


def test_text_is_restored_vietnamese_in_nfc() -> None:
    texts = strings(plan_data(PLAN))
    assert all(unicodedata.is_normalized("NFC", t) for t in texts)
    quotes = [c.source.quote for c in PLAN.criteria] + [
        t.source.quote for c in PLAN.criteria for t in c.targets]
    for quote in quotes:
        # a restored quote carries diacritics (the OCR text has almost none)
        assert any(unicodedata.decomposition(ch) for ch in quote), quote
    # the OCR's ";00%" appears only in the reading that explains its restoration to 100%
    (patrol,) = [t for t in by_id(PLAN.criteria, "patrol_traffic").targets
                 if t.id == "all_members_patrol"]
    assert patrol.source.quote.startswith("100%") and ";00%" in (patrol.source.reading or "")


def test_preamble_references() -> None:
    numbers = {r.number: (r.date, r.relation) for r in PLAN.implements}
    assert numbers["399/KH-BCA-X03"] == (date(2024, 8, 13), "implements")
    assert numbers["Luật Thi đua, khen thưởng"] == (date(2022, 6, 15), "legal_basis")


def test_phases_and_derived_campaign() -> None:
    # II.3 "Đợt 1: Từ ngày ban hành Kế hoạch đến ngày 03/02/2025"
    # II.3 "Đợt 2: Từ ngày 04/02 đến ngày 19/8/2025" (year implied: 2025)
    assert [(p.id, p.start, p.end) for p in PLAN.phases] == [
        ("phase_1", "issuance", date(2025, 2, 3)),
        ("phase_2", date(2025, 2, 4), date(2025, 8, 19)),
    ]
    assert (PLAN.campaign.start, PLAN.campaign.end) == ("issuance", date(2025, 8, 19))
    assert "no window apart from its two phases" in (PLAN.campaign.source.reading or "")


def test_tips_from_80_percent_upwards() -> None:
    # 4.1 "Phấn đấu có từ 80% trở lên nguồn tin": at least (gte)
    t = by_id(by_id(PLAN.criteria, "situation_awareness").targets, "tips_via_force")
    assert (t.condition.comparator, t.condition.threshold) == ("gte", 0.8)
    assert "từ 80% trở lên" in t.source.quote


def test_all_tasks_completed_is_a_tuyen_quang_target() -> None:
    # 4.7 "hoàn thành 100% số lượng công việc, chỉ tiêu nhiệm vụ được giao"
    t = by_id(by_id(PLAN.criteria, "good_image").targets, "all_tasks_completed")
    assert isinstance(t.condition, RatioCondition)
    assert (t.condition.numerator, t.condition.denominator, t.condition.comparator,
            t.condition.threshold) == ("tasks_completed", "tasks_assigned", "gte", 1.0)
    assert (t.level, t.source.section) == ("team", "4.7")
    assert [t.id for t in by_id(er.load_plan("kon_plong").criteria, "good_image").targets] == [
        "monthly_good_deed"]


def test_every_criterion_and_target_cites_4_x() -> None:
    for i, crit in enumerate(PLAN.criteria, start=1):
        assert crit.source.section == f"4.{i}"
        assert all(t.source.section == f"4.{i}" for t in crit.targets)


@pytest.mark.parametrize(
    ("deadline_id", "due", "relation", "phase"),
    [
        ("implementation_plan", date(2024, 12, 31), "before", None),  # IV.1 "trước ngày 31/12/2024"
        ("report_phase_1", date(2025, 2, 3), "on", "phase_1"),  # IV.1 "gửi trong ngày 03/02/2025"
        ("report_final", date(2025, 8, 10), "before", "phase_2"),  # IV.1 "gửi trước ngày 10/8/2025"
    ],
)
def test_deadlines_with_their_relations(deadline_id: str, due: date, relation: str,
                                        phase: str | None) -> None:
    d = by_id(PLAN.deadlines, deadline_id)
    assert (d.due, d.relation, d.phase) == (due, relation, phase)
    assert (d.owed_by, d.to, d.via) == ("district_people_committee",
                                        ("provincial_people_committee",), "provincial_police")
    assert d.source.section == "IV.1"


def test_award_at_the_final_review_without_a_named_form() -> None:
    # IV.3-IV.4: proposals "khi tổng kết Phong trào thi đua"; no award form named
    (award,) = PLAN.awards
    assert (award.form, award.granted_by, award.proposed_by, award.occasions) == (
        None, "provincial_chairman", "provincial_police", ("final_review",))
