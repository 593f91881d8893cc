"""Awards and rankings: eligibility per review with the basis of each condition, bloc ranking
with the declared tie-break, and Phượng Tiến's flag prerequisites (IV.1.1) each missing.

Issue 10: awards read the evaluator's verdicts in the review's windows (the final review: every
phase and the campaign window; a yearly or stage review: its year or stage window, where a
``per: year`` condition holds in each year); "dẫn đầu khối" is computed only for a bloc the
units file declares complete (``bloc_size``), else attested, else unknown."""

from __future__ import annotations

import json
import random
from datetime import date
from typing import Any

import pytest

import emulation_rules as er
from emulation_rules.eligibility import PriorAward, ReviewError, awards, standings
from emulation_rules.errors import EmulationRulesError
from emulation_rules.evaluation import evaluate
from emulation_rules.model import Plan, plan_data
from emulation_rules.records import Record, UnitInfo
from emulation_rules.timelines import timeline

from .conftest import ROOT

NT = er.load_plan("ninh_thuan")
NT_ISSUED = date(2024, 11, 5)
ALL_MET = {
    "tips_total": 10, "tips_via_force": 9, "incidents_total": 1, "incidents_force_present": 1,
    "models_highly_rated": 1, "rescue_callouts": 0, "rescue_callouts_present": 0,
    "conditional_business_violations": 0, "household_records_total": 100,
    "household_records_provided": 95, "illegal_weapons_cases": 0, "reoffences": 0,
    "serious_traffic_accidents": 0, "force_members": 4, "force_members_patrolling": 4,
    "good_deeds": 1, "members_commended": 0,
}


def nt_evaluation(communes: dict[str, dict[str, int]], bloc: str = "b1") -> Any:
    tl = timeline(NT, issued=NT_ISSUED)
    months = [m for p in tl.phases for m in tl.months_of_phase(p.id)]
    units = [UnitInfo(c, c, "commune", bloc) for c in communes]
    records = [Record(c, m, {**ALL_MET, **changes}) for c, changes in communes.items()
               for m in months]
    return evaluate(NT, records, units=units, issued=NT_ISSUED, as_of=date(2025, 9, 1)), units


def candidate(report: Any, award: str, unit: str) -> Any:
    result = next(a for a in report.awards if a.award == award)
    return next(c for c in result.candidates if c.unit == unit)


def test_ninh_thuan_phase_review_has_only_the_district_commendation() -> None:
    # III.2.1 Giấy khen "khi sơ kết, tổng kết"; III.2.2 Bằng khen "khi tổng kết"
    ev, units = nt_evaluation({"xa_a": {}})
    assert [a.award for a in awards(NT, ev, "phase_1", units=units).awards] == [
        "district_commendation"]
    final = awards(NT, ev, "final", units=units)
    assert [(a.award, a.form, a.granted_by) for a in final.awards] == [
        ("district_commendation", "commendation", "district_chairman"),
        ("provincial_certificate_of_merit", "certificate_of_merit", "provincial_chairman")]


def test_eligible_by_the_local_default_and_overridden_by_an_attestation() -> None:
    ev, units = nt_evaluation({"xa_a": {}, "xa_b": {"reoffences": 1}})
    report = awards(NT, ev, "final", units=units)
    ok = candidate(report, "provincial_certificate_of_merit", "xa_a")
    assert ok.verdict == "met"
    (cond,) = ok.conditions
    assert (cond.basis, cond.section) == ("local_policy", "III.2.2")
    failed = candidate(report, "provincial_certificate_of_merit", "xa_b")
    assert (failed.verdict, failed.lacking[0].id) == ("not_met", "outstanding")
    attested = awards(NT, ev, "final", units=units,
                      attestations={"xa_b": {"outstanding_achievement": True},
                                    "xa_a": {"outstanding_achievement": False}})
    assert candidate(attested, "provincial_certificate_of_merit", "xa_b").verdict == "met"
    assert candidate(attested, "provincial_certificate_of_merit", "xa_a").verdict == "not_met"
    assert candidate(attested, "provincial_certificate_of_merit",
                     "xa_b").conditions[0].basis == "attestation"


def test_tie_in_a_bloc_is_broken_by_the_declared_keys_whatever_the_order() -> None:
    # template scoring: tie_break [score, targets_met, unit_id] (local policy)
    # 2.4 has three targets: failing one or two of them fails the same criterion (same score)
    communes = {"xa_c": {"illegal_weapons_cases": 1},            # same score, 1 target fewer
                "xa_b": {"illegal_weapons_cases": 1},            # tie with xa_c: unit id
                "xa_a": {"illegal_weapons_cases": 1,             # same score, 2 targets fewer
                         "conditional_business_violations": 1},
                "xa_d": {}}                                      # every criterion: first
    ev, units = nt_evaluation(communes)
    ranked = standings(NT, ev, ("phase_1", "phase_2"), units)
    assert [(s.unit, s.rank) for s in ranked] == [("xa_d", 1), ("xa_b", 2), ("xa_c", 3),
                                                   ("xa_a", 4)]
    assert ranked[1].score == ranked[3].score and ranked[1].targets_met > ranked[3].targets_met
    shuffled = list(units)
    random.Random(7).shuffle(shuffled)
    assert standings(NT, ev, ("phase_1", "phase_2"), shuffled) == ranked


def test_unknown_review_is_refused_with_the_valid_ones() -> None:
    ev, units = nt_evaluation({"xa_a": {}})
    with pytest.raises(ReviewError, match=r"reviews: final, phase_1, phase_2$") as info:
        awards(NT, ev, "year:2025", units=units)
    # issue 10: ReviewError is an EmulationRulesError, no longer a ValueError
    assert isinstance(info.value, EmulationRulesError)
    assert not isinstance(info.value, ValueError)
    with pytest.raises(ReviewError):
        awards(NT, ev, "campaign", units=units)  # a window, but not a review


def test_final_review_scores_every_phase_and_the_campaign_window() -> None:
    """Issue 10: the final review reads every phase and the campaign window, and scores count
    all of them (Ninh Thuận, one point per criterion met per window: a commune's 6 criteria met
    in each of 3 windows); a phase review scores its phase only."""
    ev, units = nt_evaluation({"xa_a": {}})
    final = awards(NT, ev, "final", units=units)
    assert final.windows == ("phase_1", "phase_2", "campaign")
    assert [(s.unit, s.score, s.criteria_met) for s in final.standings] == [("xa_a", 18, 18)]
    phase = awards(NT, ev, "phase_1", units=units)
    assert phase.windows == ("phase_1",)
    assert [(s.unit, s.score) for s in phase.standings] == [("xa_a", 6)]


@pytest.mark.parametrize(
    ("plan_id", "issued", "expected"),
    [
        # Kon Plông II.4: Giấy khen of the district chairman; Bằng khen proposed to the province
        ("kon_plong", date(2024, 10, 15), [("district_commendation", "commendation"),
                                           ("provincial_certificate_of_merit",
                                            "certificate_of_merit")]),
        # Bắc Giang III.1: proposals to the Ministry and the provincial chairman, no form named
        ("bac_giang", date(2024, 9, 1), [("ministry_award", None), ("provincial_award", None)]),
        # Tuyên Quang IV.3-IV.4: awards "khi tổng kết", no form named
        ("tuyen_quang", date(2024, 10, 20), [("provincial_award", None)]),
    ],
)
def test_final_review_tiers_as_each_document_names_them(plan_id: str, issued: date,
                                                        expected: list[tuple[str, Any]]) -> None:
    plan = er.load_plan(plan_id)
    ev = evaluate(plan, [Record("t1", "2025-01", {"good_deeds": 1})], issued=issued,
                  as_of=date(2025, 9, 1))
    report = awards(plan, ev, "final")
    assert sorted((a.award, a.form) for a in report.awards) == sorted(
        expected, key=lambda x: x[0])


PT = er.load_plan("phuong_tien")
PT_GOOD: dict[str, int | None] = {
    "has_movement_plan": 1, "security_safe_certified": 1, "rated_excellent": 1,
    "models_rated_good": 1, "serious_security_incidents": 0, "effective_propaganda": 1,
    "clean_organisation": 1, "complaint_letters": 0, "escalated_complaints": 0,
    "models_replicated_province_wide": 0,
}


def flag(rival_better: bool = False, certificates: int = 3, replicated: int = 1,
         bloc_size: int | None = 2, attested: dict[str, bool] | None = None,
         granted_by: str = "ministry_of_public_security") -> Any:
    # the bloc's size is declared (bloc_size 2): "dẫn đầu khối" is computed, not attested
    units = [UnitInfo("xa", "Xã Phượng Tiến", "commune", "khoi_xa", bloc_size=bloc_size)]
    records = [Record("xa", str(y), {**PT_GOOD, "models_replicated_province_wide":
                                     replicated if y == 2027 else 0})
               for y in range(2026, 2031)]
    # a rival in the same bloc (khối xã, phường): it ranks first only when rival_better
    units.append(UnitInfo("xb", "Phường B", "commune", "khoi_xa", bloc_size=bloc_size))
    rival = {**PT_GOOD, "models_replicated_province_wide": 1}
    if not rival_better:
        rival["complaint_letters"] = 3
    records += [Record("xb", str(y), rival) for y in range(2026, 2031)]
    ev = evaluate(PT, records, units=units, as_of=date(2030, 12, 31))
    report = awards(PT, ev, "stage:2026-2030", units=units,
                    attestations={"xa": {"outstanding_achievement": True, **(attested or {})}},
                    prior_awards=[PriorAward("xa", "certificate_of_merit", granted_by,
                                             certificates)])
    return candidate(report, "emulation_flag", "xa")


def test_flag_with_all_three_prerequisites() -> None:
    """Issue 10: the units declare the bloc's size (2) and both units are evaluated, so "dẫn
    đầu khối" is computed."""
    c = flag()
    assert c.verdict == "met", [(o.id, o.verdict, o.detail) for o in c.conditions]
    assert {o.id: o.basis for o in c.conditions} == {
        "outstanding": "attestation", "leads_bloc": "computed",
        "three_certificates": "attestation", "replicated_model": "document"}
    leads = next(o for o in c.conditions if o.id == "leads_bloc")
    # a stage review scores the years of the stage (phuong_tien's scoring: "the yearly
    # conditions they meet"): 6 points over 2026-2030
    assert leads.detail == "rank 1 of 2 in bloc khoi_xa (score 6)"


@pytest.mark.parametrize(
    ("bloc_size", "attested", "verdict", "basis"),
    [
        (None, {}, "unknown", "computed"),                  # no bloc_size: not computed
        (3, {}, "unknown", "computed"),                     # a third unit is not in the input
        (None, {"leads_bloc": True}, "met", "attestation"),
        (3, {"leads_bloc": False}, "not_met", "attestation"),
        (2, {"leads_bloc": False}, "met", "computed"),      # a complete bloc is computed
    ],
)
def test_leads_bloc_is_computed_only_for_a_bloc_declared_complete(
        bloc_size: int | None, attested: dict[str, bool], verdict: str, basis: str) -> None:
    """Issue 10, IV.1.1 "Dẫn đầu khối xã, phường": computed only when the units declare the
    bloc's size and every unit of it was evaluated; otherwise from a ``leads_bloc``
    attestation; else unknown (xa would rank first of the two units given)."""
    c = flag(bloc_size=bloc_size, attested=attested)
    leads = next(o for o in c.conditions if o.id == "leads_bloc")
    assert (leads.verdict, leads.basis) == (verdict, basis)
    assert {o.verdict for o in c.conditions if o.id != "leads_bloc"} == {"met"}
    assert c.verdict == verdict


@pytest.mark.parametrize(
    ("granted_by", "verdict"),
    [("ministry_of_public_security", "met"), ("provincial_people_committee", "met"),
     ("provincial_chairman", "met"), ("district_chairman", "not_met")],
)
def test_three_certificates_count_the_provincial_chairmans(granted_by: str,
                                                           verdict: str) -> None:
    """Issue 10, IV.1.1 "được tặng 03 Bằng khen": the plan's own Bằng khen of the provincial
    chairman (IV.1.2) counts with the committee's and the ministry's; a district one does not."""
    c = flag(granted_by=granted_by)
    three = next(o for o in c.conditions if o.id == "three_certificates")
    assert (three.verdict, c.verdict) == (verdict, verdict)


@pytest.mark.parametrize(
    ("kwargs", "missing"),
    [
        ({"rival_better": True}, "leads_bloc"),       # IV.1.1 "Dẫn đầu khôi xã, phường"
        ({"certificates": 2}, "three_certificates"),  # IV.1.1 "được tặng 03 Bằng khen"
        ({"replicated": 0}, "replicated_model"),      # IV.1.1 "ít nhất 01 mô hình ... nhân rộng"
    ],
)
def test_flag_prerequisites_each_missing_in_turn(kwargs: dict[str, Any], missing: str) -> None:
    c = flag(**kwargs)
    assert c.verdict == "not_met"
    assert [o.id for o in c.lacking] == [missing]


EXAMPLES = [
    ("kon_plong", ["--issued", "2024-10-15", "--as-of", "2025-08-31", "--review", "final"]),
    ("bac_giang", ["--issued", "2024-09-01", "--as-of", "2025-08-31", "--review", "phase_2"]),
    ("ninh_thuan", ["--issued", "2024-11-05", "--as-of", "2025-08-31", "--review", "final"]),
    ("tuyen_quang", ["--issued", "2024-10-20", "--as-of", "2025-08-31", "--review", "final"]),
    ("phuong_tien", ["--as-of", "2030-12-31", "--review", "stage:2026-2030",
                     "--attestations", str(ROOT / "examples" / "phuong_tien_attestations.csv"),
                     "--prior-awards", str(ROOT / "examples" / "phuong_tien_prior_awards.csv")]),
]


@pytest.mark.parametrize(("plan_id", "argv"), EXAMPLES)
def test_awards_runs_on_every_example_set(cli: Any, plan_id: str, argv: list[str]) -> None:
    base = ["awards", "--plan", plan_id, "--metrics",
            str(ROOT / "examples" / f"{plan_id}_metrics.csv"), "--units",
            str(ROOT / "examples" / f"{plan_id}_units.csv"), *argv]
    result = cli(*base, "--format", "json")
    assert result.code == 0, result.err
    data = json.loads(result.out)
    assert data["awards"] and data["review"] == argv[argv.index("--review") + 1]
    for award in data["awards"]:
        for cand in award["candidates"]:
            assert all(c["basis"] in {"document", "attestation", "local_policy", "computed"}
                       for c in cand["conditions"])
    assert cli(*base, "--format", "csv").code == 0
    assert cli(*base, "--format", "markdown").out.startswith(f"# {plan_id}: awards")


def test_awards_cli_usage_and_explain(cli: Any, default_lang: None) -> None:
    base = ["awards", "--plan", "phuong_tien", "--metrics",
            str(ROOT / "examples" / "phuong_tien_metrics.csv"), "--units",
            str(ROOT / "examples" / "phuong_tien_units.csv"), "--as-of", "2030-12-31"]
    bad = cli(*base, "--review", "final")
    # issue 10: the valid reviews are the evaluation's windows, listed exactly
    assert bad.code == 2 and ("các lần xét: year:2026, year:2027, year:2028, year:2029, "
                              "year:2030, stage:2026-2030") in bad.err
    text = cli(*base, "--review", "stage:2026-2030", "--explain", "xa_phuong_tien").out
    assert "Cờ thi đua" in text and ("Còn thiếu" in text or "đủ điều kiện" in text)


@pytest.mark.parametrize(
    ("plan_id", "issued", "review", "award_ids"),
    [
        ("kon_plong", date(2024, 10, 15), "final",        # II.4
         ["district_commendation", "provincial_certificate_of_merit"]),
        ("bac_giang", date(2024, 9, 1), "phase_1", ["phase_award"]),   # III.8, each phase
        ("bac_giang", date(2024, 9, 1), "final", ["ministry_award", "provincial_award"]),
        ("ninh_thuan", date(2024, 11, 5), "final",        # III.2
         ["district_commendation", "provincial_certificate_of_merit"]),
        ("tuyen_quang", date(2024, 10, 20), "final", ["provincial_award"]),  # IV.3-IV.4
    ],
)
def test_every_2024_plan_eligible_and_not_eligible_with_the_failing_condition(
        plan_id: str, issued: date, review: str, award_ids: list[str]) -> None:
    """Issue 10: the rows cover every month of the campaign window, which the final review
    reads too (Bắc Giang's runs to 19/8/2025, three months after its phase 2)."""
    plan = er.load_plan(plan_id)
    campaign = timeline(plan, issued=issued).window("campaign")
    assert campaign is not None
    months = list(campaign.months)
    values = {**ALL_MET, "models_recognised": 1, "mass_models_commended_replicated": 1}
    units = [UnitInfo("xa_a", "", "commune", "b1"), UnitInfo("xa_b", "", "commune", "b1")]
    records = [Record("xa_a", m, values) for m in months]
    # xa_b: one reoffence (x.5 "không để xảy ra ... tái phạm") in the first month
    records += [Record("xa_b", m, {**values, "reoffences": int(m == months[0])})
                for m in months]
    ev = evaluate(plan, records, units=units, issued=issued, as_of=date(2025, 9, 1))
    report = awards(plan, ev, review, units=units)
    assert sorted(a.award for a in report.awards) == sorted(award_ids)
    for award_id in award_ids:
        assert report.eligible(award_id) == ["xa_a"]
        failed = candidate(report, award_id, "xa_b")
        assert failed.verdict == "not_met"
        (lacking,) = failed.lacking
        assert lacking.id == "outstanding" and "no_reoffending" in lacking.detail
        assert lacking.basis == "local_policy"
    ranked = {s.unit: s.rank for s in report.standings}
    assert ranked == {"xa_a": 1, "xa_b": 2}


def test_individual_standards_by_category_and_the_head_of_unit_note(tmp_path: Any) -> None:
    # IV.1.2 "Đối với cá nhân": by category; "Lưu ý" for heads of units
    from emulation_rules.inputs import read_unit_tree

    path = tmp_path / "u.csv"
    path.write_text("id,name,kind,bloc,parent,category\nxa,Xã,commune,k,,\n"
                    "p1,Nguyễn Văn A,person,,,other_person\n"
                    "p2,Trần Thị B,person,,,armed_forces_or_employee head_of_unit\n"
                    "p3,Lê C,person,,,astronaut\n", encoding="utf-8")
    units, issues, _ = read_unit_tree(path)
    assert [(i.code, i.location.line) for i in issues] == [("invalid-value", 5)]
    records = [Record(u, "2026", {}) for u in ("xa", "p1", "p2")]
    ev = evaluate(PT, records, units=units, as_of=date(2026, 12, 31))
    report = awards(PT, ev, "year:2026", units=units, attestations={
        "p1": {"outstanding_achievement": True, "active_participation": True},
        "p2": {"outstanding_achievement": True, "exemplary_participation": True}})
    p1 = candidate(report, "certificate_of_merit", "p1")
    assert (p1.standard, p1.verdict) == ("other_person", "met")
    p2 = candidate(report, "certificate_of_merit", "p2")
    assert p2.standard == "armed_forces_or_employee"
    assert [o.id for o in p2.lacking] == ["head_of_unit_movement"]  # the note applies to p2


def bac_giang_rows(months: list[str], reoffence_in: str | None = None
                   ) -> tuple[Plan, Any, list[UnitInfo]]:
    plan = er.load_plan("bac_giang")
    values = {**ALL_MET, "models_recognised": 1, "mass_models_commended_replicated": 1}
    units = [UnitInfo("xa_a", "", "commune", "b1")]
    records = [Record("xa_a", m, {**values, "reoffences": int(m == reoffence_in)})
               for m in months]
    ev = evaluate(plan, records, units=units, issued=date(2024, 9, 1), as_of=date(2025, 9, 1))
    assert ev.rows_used == len(records)
    return plan, ev, units


BG_TIMELINE = timeline(er.load_plan("bac_giang"), issued=date(2024, 9, 1))


def test_bac_giang_final_review_reads_june_to_august_2025() -> None:
    """Issue 10: Bắc Giang's campaign runs to 19/8/2025 (II.2) and its tổng kết reviews the
    whole campaign: a reoffence in July 2025, after phase 2 ended (19/5), fails the final
    review through the campaign window while both phase reviews pass."""
    campaign = BG_TIMELINE.window("campaign")
    assert campaign is not None and "2025-07" in campaign.months
    plan, ev, units = bac_giang_rows(list(campaign.months), reoffence_in="2025-07")
    for review in ("phase_1", "phase_2"):
        assert awards(plan, ev, review, units=units).eligible("phase_award") == ["xa_a"]
    final = awards(plan, ev, "final", units=units)
    assert final.windows == ("phase_1", "phase_2", "campaign")
    for award_id in ("ministry_award", "provincial_award"):
        (lacking,) = candidate(final, award_id, "xa_a").lacking
        assert (lacking.id, lacking.verdict) == ("outstanding", "not_met")
        assert "targets not met: no_reoffending (campaign)" in lacking.detail


def test_bac_giang_final_review_without_the_months_after_phase_2_is_undecided() -> None:
    """Issue 10: with rows for the phases' months only, June to August 2025 of the campaign
    window are missing, so the local default rule "every criterion met in every window the
    final review reads" is unknown; the phases themselves are decided."""
    months = [m for p in BG_TIMELINE.phases for m in BG_TIMELINE.months_of_phase(p.id)]
    assert months[-1] == "2025-05"
    plan, ev, units = bac_giang_rows(months)
    c = candidate(awards(plan, ev, "final", units=units), "provincial_award", "xa_a")
    (cond,) = c.conditions
    assert (c.verdict, cond.verdict, cond.basis) == ("unknown", "unknown", "local_policy")
    assert "no_reoffending (campaign)" in cond.detail and "phase_" not in cond.detail


def pt_units() -> list[UnitInfo]:
    return [UnitInfo("xa", "", "commune", "khoi_xa", bloc_size=1),
            UnitInfo("cq", "", "agency", "khoi_co_quan"),
            UnitInfo("dn", "", "business", "khoi_co_quan")]


def test_stage_review_needs_each_per_year_condition_in_every_year() -> None:
    """Issue 10, IV.1.2 "duy trì ít nhất 01 mô hình ... Tốt" (per: year): one good model in
    2026 and none after passes the year:2026 review, fails year:2027, and fails the 2026-2030
    stage review, which no longer sums the years."""
    records = [Record("xa", str(y), {**PT_GOOD, "models_rated_good": int(y == 2026)})
               for y in range(2026, 2031)]
    units = pt_units()[:1]
    ev = evaluate(PT, records, units=units, as_of=date(2030, 12, 31))
    found = {}
    for review in ("year:2026", "year:2027", "stage:2026-2030"):
        report = awards(PT, ev, review, units=units,
                        attestations={"xa": {"outstanding_achievement": True}})
        found[review] = next(o for o in candidate(report, "certificate_of_merit", "xa").conditions
                             if o.id == "model_rated_good")
    assert {r: o.verdict for r, o in found.items()} == {
        "year:2026": "met", "year:2027": "not_met", "stage:2026-2030": "not_met"}
    assert found["stage:2026-2030"].detail == (
        "stage:2026-2030: met in 1 of 5 years; not met in 2027, 2028, 2029, 2030")


def test_a_year_with_one_month_of_data_is_not_complete() -> None:
    """Issue 10: a year window expects its 12 months (or one row for the year): a single March
    row decides neither "không để xảy ra" (eq 0, per: year) nor a fact attested in the
    metrics, while "ít nhất 01" is already met."""
    units = pt_units()[:1]
    ev = evaluate(PT, [Record("xa", "2027-03", PT_GOOD)], units=units, as_of=date(2027, 12, 31))
    report = awards(PT, ev, "year:2027", units=units,
                    attestations={"xa": {"outstanding_achievement": True}})
    c = candidate(report, "certificate_of_merit", "xa")
    got = {o.id: o for o in c.conditions}
    assert [got[k].verdict for k in ("no_serious_incidents", "has_movement_plan",
                                     "model_rated_good")] == ["unknown", "unknown", "met"]
    assert c.verdict == "unknown"
    assert "no data for 2027-01..2027-12 (11)" in got["no_serious_incidents"].detail


def test_the_collective_certificate_of_merit_has_no_category_restriction() -> None:
    """Issue 10, IV.1.2 "Đối với tập thể" names no kind of collective: a commune, an agency and
    a business are all candidates; "Riêng đối với doanh nghiệp" adds a condition for the
    business only (unknown here: no business_security_standard given)."""
    units = pt_units()
    ev = evaluate(PT, [Record(u.id, "2026", PT_GOOD) for u in units], units=units,
                  as_of=date(2026, 12, 31))
    report = awards(PT, ev, "year:2026", units=units,
                    attestations={u.id: {"outstanding_achievement": True} for u in units})
    result = next(a for a in report.awards if a.award == "certificate_of_merit")
    assert {c.unit: (c.standard, c.verdict) for c in result.candidates} == {
        "xa": ("collective", "met"), "cq": ("collective", "met"),
        "dn": ("collective", "unknown")}
    (lacking,) = candidate(report, "certificate_of_merit", "dn").lacking
    assert lacking.id == "business_standard"


@pytest.mark.parametrize(
    ("combinator", "incidents", "models", "verdict"),
    [
        ("all_of", 0, 1, "met"), ("all_of", 1, 1, "not_met"), ("all_of", None, 1, "unknown"),
        ("all_of", None, 0, "not_met"),  # Kleene AND: one part failing decides
        ("any_of", 1, 1, "met"), ("any_of", 1, 0, "not_met"), ("any_of", None, 1, "met"),
        ("any_of", None, 0, "unknown"),
    ],
)
def test_an_all_of_or_any_of_award_condition_is_evaluated(
        combinator: str, incidents: int | None, models: int, verdict: str) -> None:
    """Issue 10: every award condition kind the schema accepts is evaluated (an any_of/all_of
    was always "unknown — no data"): Phượng Tiến's IV.1.2 model_rated_good rewritten as
    all_of / any_of of "ít nhất 01 mô hình Tốt" and "không để xảy ra vụ việc nghiêm trọng",
    read as the evaluator's verdict in year:2026."""
    data = plan_data(PT)
    award = next(a for a in data["awards"] if a["id"] == "certificate_of_merit")
    standard = next(s for s in award["standards"] if s["id"] == "collective")
    cond = next(c for c in standard["conditions"] if c["id"] == "model_rated_good")
    cond["condition"] = {combinator: [
        {"metric": "models_rated_good", "comparator": "gte", "threshold": 1},
        {"metric": "serious_security_incidents", "comparator": "eq", "threshold": 0}]}
    plan = Plan.model_validate(data)
    units = pt_units()[:1]
    records = [Record("xa", "2026", {**PT_GOOD, "models_rated_good": models,
                                     "serious_security_incidents": incidents})]
    ev = evaluate(plan, records, units=units, as_of=date(2026, 12, 31))
    report = awards(plan, ev, "year:2026", units=units,
                    attestations={"xa": {"outstanding_achievement": True}})
    outcome = next(o for o in candidate(report, "certificate_of_merit", "xa").conditions
                   if o.id == "model_rated_good")
    assert (outcome.verdict, outcome.basis) == (verdict, "document")


def test_a_rival_without_data_leaves_the_bloc_lead_undecided() -> None:
    """"Dẫn đầu khối" is certain only when no undecided verdict could change the order: a
    rival with no rows at all could still lead, so the lead is unknown, not met."""
    units = [UnitInfo("xa", "", "commune", "k", bloc_size=2),
             UnitInfo("xb", "", "commune", "k", bloc_size=2)]
    records = [Record("xa", str(y), {**PT_GOOD, "models_replicated_province_wide": 1})
               for y in range(2026, 2031)]
    ev = evaluate(PT, records, units=units, as_of=date(2030, 12, 31))
    report = awards(PT, ev, "stage:2026-2030", units=units)
    leads = next(o for o in candidate(report, "emulation_flag", "xa").conditions
                 if o.id == "leads_bloc")
    assert (leads.verdict, leads.basis) == ("unknown", "computed")
    assert "xb" in leads.detail
