"""Award quotas (issue 14, item 4): "Giấy khen cho 03 tập thể".

A tier may state how many collectives it grants, among whom (all candidates, or each bloc) and
by which ranking keys; the awards output lists the units within the count, every unit tied at
the cut (a tie the granting body settles: the unit id never decides an award), the units that
come next, and the undecided verdicts that could change the list. No bundled plan states a
number (Phượng Tiến V: the commune chairman "quy định số lượng"), so the quotas are written in
fixture plans that extend bundled ones (tests/data/plans/*_quota.yaml)."""

from __future__ import annotations

import csv
import io
import json
import random
from datetime import date
from pathlib import Path
from typing import Any

import pytest

import emulation_rules as er
from emulation_rules.eligibility import AwardsReport, QuotaGroup, awards
from emulation_rules.errors import format_path
from emulation_rules.evaluation import evaluate
from emulation_rules.model import Plan, Quota, plan_data
from emulation_rules.records import Record, UnitInfo
from emulation_rules.reporting import awards_csv, awards_data, awards_explain, awards_markdown
from emulation_rules.timelines import timeline

from .conftest import DATA, ROOT
from .test_awards import ALL_MET, NT_ISSUED

FIXTURES = DATA / "plans"
NT_QUOTA = er.load_plan(FIXTURES / "ninh_thuan_quota.yaml")
EXAMPLES = ROOT / "examples"
NT_RUN = ("--plan", str(FIXTURES / "ninh_thuan_quota.yaml"),
          "--metrics", str(EXAMPLES / "ninh_thuan_metrics.csv"),
          "--units", str(EXAMPLES / "ninh_thuan_units.csv"),
          "--issued", "2024-11-05", "--as-of", "2025-08-31", "--review", "final")
PT_RUN = ("--plan", str(FIXTURES / "phuong_tien_quota.yaml"),
          "--metrics", str(EXAMPLES / "phuong_tien_metrics.csv"),
          "--units", str(EXAMPLES / "phuong_tien_units.csv"), "--as-of", "2030-12-31",
          "--attestations", str(EXAMPLES / "phuong_tien_attestations.csv"),
          "--prior-awards", str(EXAMPLES / "phuong_tien_prior_awards.csv"))
AWARD = "district_commendation"
REOFFENDS = {"reoffences": 1}                                   # fails one criterion: 15
WORSE = {"reoffences": 1, "serious_traffic_accidents": 1}       # fails two: 12


def with_quota(plan: Plan, **fields: Any) -> Plan:
    """``plan`` with the district commendation's quota replaced (a local policy)."""
    quota = Quota(**{"policy": "local", "reason": "test", **fields})
    return plan.model_copy(update={"awards": tuple(
        a.model_copy(update={"quota": quota}) if a.id == AWARD else a for a in plan.awards)})


def run(plan: Plan, communes: dict[str, dict[str, int]], *, blocs: dict[str, str] | None = None,
        partial: frozenset[str] = frozenset(), attested: frozenset[str] | None = None,
        units_order: int | None = None, kinds: dict[str, str] | None = None,
        ) -> tuple[AwardsReport, Any, list[UnitInfo]]:
    """Communes with the given changes to an all-met month, every month of both phases (only
    phase 1 for those in ``partial``: their phase 2 is undecided); every commune but those
    not in ``attested`` (default: all) attested outstanding, so that lower scores are
    eligible too."""
    tl = timeline(plan, issued=NT_ISSUED)
    first, second = tl.months_of_phase("phase_1"), tl.months_of_phase("phase_2")
    units = [UnitInfo(c, f"Xã {c[3:].upper()}", (kinds or {}).get(c, "commune"),
                      (blocs or {}).get(c, "b1")) for c in communes]
    if units_order is not None:
        random.Random(units_order).shuffle(units)
    records = [Record(c, m, {**ALL_MET, **changes}) for c, changes in communes.items()
               for m in [*first, *([] if c in partial else second)]]
    ev = evaluate(plan, records, units=units, issued=NT_ISSUED, as_of=date(2025, 9, 1))
    chosen = set(communes) if attested is None else attested
    report = awards(plan, ev, "final", units=units,
                    attestations={c: {"outstanding_achievement": True} for c in chosen})
    return report, ev, units


def markdown(report: AwardsReport, ev: Any, plan: Plan, units: list[UnitInfo],
             lang: str | None = None) -> str:
    """The Markdown, its escaped underscores read as written (``xa\\_a`` is ``xa_a``)."""
    text = awards_markdown(report, ev, plan=plan, units=units,
                           lang=lang)  # type: ignore[arg-type]
    return text.replace("\\_", "_")


def only_group(report: AwardsReport) -> QuotaGroup:
    quota = report.awards[0].quota
    assert quota is not None and len(quota.groups) == 1
    return quota.groups[0]


def statuses(group: QuotaGroup) -> list[tuple[str, int, str, bool]]:
    return [(p.unit, p.place, p.status, p.certain) for p in group.places]


# --- the fixture plans ------------------------------------------------------------------------


@pytest.mark.parametrize(("fixture", "parent", "award"), [
    ("ninh_thuan_quota", "ninh_thuan", "district_commendation"),
    ("phuong_tien_quota", "phuong_tien", "commune_commendation")])
def test_the_fixtures_extend_a_bundled_plan_with_a_quota_only(fixture: str, parent: str,
                                                               award: str) -> None:
    path = FIXTURES / f"{fixture}.yaml"
    assert er.iter_plan_issues(path) == []
    plan, bundled = er.load_plan(path), er.load_plan(parent)
    mine = plan_data(plan)
    quota = next(a for a in mine["awards"] if a["id"] == award).pop("quota")
    assert quota["policy"] == "local" and quota["count"] >= 2
    theirs = plan_data(bundled)
    for data in (mine, theirs):
        data.pop("id")
    assert mine == theirs
    assert all(a.quota is None for a in bundled.awards)


def test_the_default_ranking_is_the_plan_s_tie_break_without_the_unit_id() -> None:
    # the template's scoring: tie_break [score, targets_met, unit_id] (local policy)
    report, _, _ = run(NT_QUOTA, {"xa_a": {}})
    quota = report.awards[0].quota
    assert quota is not None
    assert (quota.count, quota.among, quota.rank_by) == (3, "all", ("score", "targets_met"))
    assert (quota.policy, quota.section) == ("local", None)
    # the certificate of merit has no quota: every eligible unit, as before
    assert report.awards[1].quota is None


# --- a tie at the cut ---------------------------------------------------------------------------


def test_a_tie_at_the_cut_lists_every_tied_unit_and_the_units_next() -> None:
    """3 places: xa_a first; xa_b, xa_c and xa_d tied on score and targets for the 2 places
    left (the bloc ranking orders them by unit id; the quota does not); xa_e next."""
    communes = {"xa_e": WORSE, "xa_d": REOFFENDS, "xa_c": REOFFENDS, "xa_b": REOFFENDS,
                "xa_a": {}}
    report, ev, units = run(NT_QUOTA, communes)
    group = only_group(report)
    assert statuses(group) == [("xa_a", 1, "granted", True), ("xa_b", 2, "tied", True),
                               ("xa_c", 2, "tied", True), ("xa_d", 2, "tied", True),
                               ("xa_e", 5, "next", True)]
    assert (group.granted, group.tied, group.next) == (("xa_a",), ("xa_b", "xa_c", "xa_d"),
                                                       ("xa_e",))
    assert (group.tied_places, group.free_places, group.settled) == (2, 0, True)
    assert [p.keys for p in group.places[:2]] == [(18, 30), (15, 27)]
    # the candidates come in the quota's order, the same whatever the order of the units
    assert [c.unit for c in report.awards[0].candidates] == ["xa_a", "xa_b", "xa_c", "xa_d",
                                                             "xa_e"]
    shuffled, _, _ = run(NT_QUOTA, communes, units_order=3)
    assert shuffled.awards[0].quota == report.awards[0].quota
    text = markdown(report, ev, NT_QUOTA, units, "en")
    assert "| 2 | Xã C (xa_c) | 15 | 27 | tied at the cut |" in text
    assert "| 5 | Xã E (xa_e) | 12 | 24 | next |" in text
    assert ("- 3 units are tied at place 2, and 2 of them can be granted: the granting body "
            "decides which.") in text
    said = awards_explain(report, "xa_c", lang="en")
    assert ("Quota (3 collectives): tied at place 2 with xa_b, xa_d; 2 of these 3 units can "
            "be granted: the granting body decides.") in said


def test_a_tie_below_the_cut_is_no_tie_to_settle() -> None:
    """xa_b and xa_c tie, but both fit in the 3 places: granted, no tie to settle."""
    report, _, _ = run(NT_QUOTA, {"xa_a": {}, "xa_b": REOFFENDS, "xa_c": REOFFENDS,
                                  "xa_d": WORSE, "xa_e": WORSE})
    group = only_group(report)
    assert [(p.unit, p.place, p.status) for p in group.places] == [
        ("xa_a", 1, "granted"), ("xa_b", 2, "granted"), ("xa_c", 2, "granted"),
        ("xa_d", 4, "next"), ("xa_e", 4, "next")]
    assert group.tied_places == 0


def test_the_example_data_ties_every_eligible_team_at_the_cut(cli: Any) -> None:
    """Ninh Thuận's example, final review: the 34 eligible units met every criterion (the
    local default rule), so they share place 1 for the 3 places; 2 undecided teams could
    join them if their undecided targets were met."""
    result = cli("awards", *NT_RUN, "--format", "json")
    assert result.code == 0
    data = json.loads(result.out)
    award = next(a for a in data["awards"] if a["award"] == AWARD)
    (group,) = award["quota"]["groups"]
    assert (group["count"], group["eligible"], group["tied_places"]) == (3, 34, 3)
    assert group["granted"] == [] and len(group["tied"]) == 34 and group["next"] == []
    assert {p["place"] for p in group["places"]} == {1}
    assert [p["status"] for p in group["undecided"]] == ["undecided", "undecided"]
    assert group["settled"] is False
    assert award["quota"]["rank_by"] == ["score", "targets_met"]
    assert next(a for a in data["awards"] if a["award"] != AWARD)["quota"] is None


# --- a quota larger than the eligible count ------------------------------------------------------


def test_a_quota_larger_than_the_eligible_count_grants_them_all() -> None:
    plan = with_quota(NT_QUOTA, count=5)
    report, ev, units = run(plan, {"xa_a": {}, "xa_b": REOFFENDS, "xa_c": {}},
                            attested=frozenset({"xa_a", "xa_b"}))
    group = only_group(report)
    # xa_c: every criterion met, eligible by the local default rule without an attestation
    assert statuses(group) == [("xa_a", 1, "granted", True), ("xa_c", 1, "granted", True),
                               ("xa_b", 3, "granted", True)]
    assert (group.free_places, group.tied_places, group.settled) == (2, 0, True)
    text = markdown(report, ev, plan, units, "en")
    assert "- Places with no eligible unit: 2 of 5 (eligible: 3)." in text
    vi = markdown(report, ev, plan, units, "vi")
    assert "- Còn 2 trên 5 suất chưa có đơn vị đủ điều kiện nhận (đủ điều kiện: 3)." in vi


def test_with_free_places_every_undecided_candidate_could_take_one() -> None:
    plan = with_quota(NT_QUOTA, count=5)
    report, _, _ = run(plan, {"xa_a": {}, "xa_u": {}}, partial=frozenset({"xa_u"}),
                       attested=frozenset({"xa_a"}))
    group = only_group(report)
    assert [(p.unit, p.status) for p in group.undecided] == [("xa_u", "undecided")]
    assert group.free_places == 4 and not group.settled
    # xa_a stays within whatever xa_u's undecided verdicts turn out to be
    assert statuses(group) == [("xa_a", 1, "granted", True)]


# --- per bloc ------------------------------------------------------------------------------


def test_a_quota_per_bloc_counts_each_bloc_and_names_the_units_in_no_bloc() -> None:
    plan = with_quota(NT_QUOTA, count=1, among="bloc")
    communes = {"xa_a": {}, "xa_b": REOFFENDS, "xa_c": REOFFENDS, "xa_d": WORSE,
                "xa_e": REOFFENDS, "xa_f": {}}
    blocs = {"xa_a": "b1", "xa_b": "b1", "xa_c": "b2", "xa_d": "b2", "xa_e": "b2", "xa_f": ""}
    report, ev, units = run(plan, communes, blocs=blocs)
    quota = report.awards[0].quota
    assert quota is not None
    assert [(g.bloc, g.granted, g.tied, g.next) for g in quota.groups] == [
        ("b1", ("xa_a",), (), ("xa_b",)),
        ("b2", (), ("xa_c", "xa_e"), ("xa_d",))]
    assert quota.groups[1].tied_places == 1
    assert quota.unplaced == ("xa_f",)
    text = markdown(report, ev, plan, units, "en")
    assert "**Quota: 1 collective in each emulation bloc, ranked by score, targets met" in text
    assert "Bloc b2: places 1, eligible 3" in text
    assert ("- Eligible units with no bloc in the units file (bloc column), so not ranked: "
            "Xã F (xa_f).") in text
    assert "Quota (1 collective in bloc b2): tied at place 1 with xa_e" in awards_explain(
        report, "xa_c", lang="en")


def test_phuong_tien_s_blocs_each_get_their_count(cli: Any) -> None:
    """Phượng Tiến V leaves the number to the commune chairman; the fixture writes 2 per bloc.
    Year 2027: one business first, three units tied for the second place; the commune bloc
    has no eligible unit (its 2 places go unfilled)."""
    result = cli("awards", *PT_RUN, "--review", "year:2027", "--format", "json")
    assert result.code == 0
    award = next(a for a in json.loads(result.out)["awards"]
                 if a["award"] == "commune_commendation")
    quota = award["quota"]
    assert (quota["count"], quota["among"]) == (2, "bloc")
    groups = {g["bloc"]: g for g in quota["groups"]}
    assert set(groups) == {"khoi_co_quan_doanh_nghiep_truong_hoc", "khoi_xa_phuong"}
    offices = groups["khoi_co_quan_doanh_nghiep_truong_hoc"]
    assert offices["granted"] == ["business_04"]
    assert offices["tied"] == ["agency_01", "agency_03", "school_02"]
    assert offices["tied_places"] == 1
    assert (groups["khoi_xa_phuong"]["eligible"], groups["khoi_xa_phuong"]["free_places"]) == (
        0, 2)
    text = cli("awards", *PT_RUN, "--review", "year:2027", "--lang", "vi").out.replace(
        "\\_", "_")
    assert "Khối khoi_co_quan_doanh_nghiep_truong_hoc: số suất 2, đủ điều kiện 12" in text
    # a bloc is a declared peer group: no note that kinds are ranked together
    assert "được xếp hạng chung" not in text


# --- undecided verdicts near the cut -----------------------------------------------------------


def test_undecided_verdicts_that_could_change_the_cut_are_said() -> None:
    """2 places. xa_u (no attestation, phase 2 missing) is undecided, and could reach place 1;
    xa_r (attested, phase 2 missing) is eligible at score 6 but could reach 16, above xa_b's
    15: xa_b's place is not settled. xa_c (12, decided) is next; xa_far (undecided, at most
    12) could not reach the cut and is not named."""
    plan = with_quota(NT_QUOTA, count=2)
    communes = {"xa_a": {}, "xa_b": REOFFENDS, "xa_c": WORSE, "xa_u": {}, "xa_r": REOFFENDS,
                "xa_far": WORSE}
    report, ev, units = run(plan, communes, partial=frozenset({"xa_u", "xa_r", "xa_far"}),
                            attested=frozenset({"xa_a", "xa_b", "xa_c", "xa_r"}))
    group = only_group(report)
    assert statuses(group) == [("xa_a", 1, "granted", True), ("xa_b", 2, "granted", False),
                               ("xa_c", 3, "next", True), ("xa_r", 4, "outside", False)]
    assert group.places[3].best == (16, 28)
    assert [(p.unit, p.place, p.best) for p in group.undecided] == [("xa_u", 1, (18, 30))]
    assert [p.unit for p in group.movers] == ["xa_r", "xa_u"]
    assert not group.settled
    text = markdown(report, ev, plan, units, "en")
    assert "| 2 | Xã B (xa_b) | 15 | 27 | within the quota (not settled) |" in text
    assert ("- Not settled: undecided verdicts of Xã R (xa_r) (score 6 to 16); Xã U "
            "(xa_u) (eligibility undecided; if eligible, could reach place 1) could change "
            "this list.") in text
    assert "xa_far" not in text.split("**Quota")[1].split("## Granted")[0]
    assert ("Quota (2 collectives): place 2, within the quota. Not settled: undecided "
            "verdicts could move it across the cut.") in awards_explain(report, "xa_b", "en")
    assert ("Quota (2 collectives): eligibility undecided; if eligible, could reach place 1."
            ) in awards_explain(report, "xa_u", "en")
    assert "Quota" not in awards_explain(report, "xa_far", "en")


def test_an_undecided_tie_is_not_settled() -> None:
    """xa_b and xa_c tie for the last place; xa_c's phase 2 is missing but attested: it could
    rise above xa_b, so the tie itself is not settled."""
    plan = with_quota(NT_QUOTA, count=2)
    report, _, _ = run(plan, {"xa_a": {}, "xa_b": REOFFENDS, "xa_c": REOFFENDS},
                       partial=frozenset({"xa_c"}))
    group = only_group(report)
    assert [(p.unit, p.status, p.certain) for p in group.places] == [
        ("xa_a", "granted", True), ("xa_b", "granted", False), ("xa_c", "next", False)]


# --- both languages -----------------------------------------------------------------------------


def test_the_new_words_in_vietnamese_by_default(default_lang: None) -> None:
    communes = {"xa_a": {}, "xa_b": REOFFENDS, "xa_c": REOFFENDS, "xa_d": REOFFENDS,
                "xa_e": WORSE}
    report, ev, units = run(NT_QUOTA, communes)
    text = markdown(report, ev, NT_QUOTA, units)
    assert ("**Số lượng khen thưởng: 3 tập thể, xếp theo điểm, số chỉ tiêu đạt (quy định của "
            "địa phương: The district chairman") in text
    assert "số suất 3, đủ điều kiện 5" in text
    assert "| vị trí | đơn vị | điểm | số chỉ tiêu đạt | xét theo số lượng |" in text
    assert "| 1 | Xã A (xa_a) | 18 | 30 | trong số lượng |" in text
    assert "| 2 | Xã B (xa_b) | 15 | 27 | bằng nhau ở ranh giới |" in text
    assert "| 5 | Xã E (xa_e) | 12 | 24 | kế tiếp |" in text
    assert ("- 3 đơn vị bằng nhau ở vị trí thứ 2 nhưng chỉ còn 2 suất: cơ quan khen thưởng "
            "quyết định chọn đơn vị nào.") in text
    assert ("Số lượng khen thưởng (3 tập thể): bằng nhau ở vị trí thứ 2 với xa_c, xa_d; chỉ "
            "còn 2 suất cho 3 đơn vị: cơ quan khen thưởng quyết định.") in awards_explain(
        report, "xa_b")
    assert ("Số lượng khen thưởng (3 tập thể): đứng thứ 5, ngoài số lượng, kế tiếp sau ranh "
            "giới.") in awards_explain(report, "xa_e")
    assert "Số lượng khen thưởng (3 tập thể): đứng thứ 1, trong số lượng." in awards_explain(
        report, "xa_a")
    for english in ("tied at the cut", "within the quota", "Quota", "places 3"):
        assert english not in text


def test_the_new_words_in_english() -> None:
    plan = with_quota(NT_QUOTA, count=1)
    report, ev, units = run(plan, {"xa_a": {}, "xa_b": REOFFENDS, "xa_c": WORSE})
    text = markdown(report, ev, plan, units, "en")
    assert "**Quota: 1 collective, ranked by score, targets met (local policy: test)**" in text
    assert "| place | unit | score | targets met | quota status |" in text
    assert "| 1 | Xã A (xa_a) | 18 | 30 | within the quota |" in text
    assert "| 2 | Xã B (xa_b) | 15 | 27 | next |" in text
    assert "- Other eligible units, outside the quota: 1." in text
    assert "Quota (1 collective): place 3, outside the quota." in awards_explain(
        report, "xa_c", "en")
    assert "Số lượng" not in text and "trong số lượng" not in text


def test_units_of_different_kinds_ranked_together_are_said() -> None:
    report, ev, units = run(NT_QUOTA, {"xa_a": {}, "xa_b": REOFFENDS, "xa_t": {}},
                            kinds={"xa_t": "team"})
    vi = markdown(report, ev, NT_QUOTA, units, "vi")
    assert ("- Các loại đơn vị khác nhau (commune, team) được xếp hạng chung: điểm của mỗi loại "
            "tính trên các tiêu chí khác nhau.") in vi
    en = markdown(report, ev, NT_QUOTA, units, "en")
    assert ("- Units of different kinds (commune, team) are ranked together: each kind's "
            "score counts different criteria.") in en
    same, ev, units = run(NT_QUOTA, {"xa_a": {}, "xa_b": REOFFENDS})
    assert "ranked together" not in awards_markdown(same, ev, plan=NT_QUOTA, units=units,
                                                    lang="en")


def test_a_quota_cited_from_the_document_shows_its_section_and_quote() -> None:
    plan = with_quota(NT_QUOTA, count=3, policy=None, reason=None,
                      source={"section": "III.2.1", "quote": "Tặng cho 03 tập thể"})
    report, ev, units = run(plan, {"xa_a": {}})
    assert "(section III.2.1: “Tặng cho 03 tập thể”)**" in awards_markdown(
        report, ev, plan=plan, units=units, lang="en")
    assert "(mục III.2.1: “Tặng cho 03 tập thể”)**" in awards_markdown(
        report, ev, plan=plan, units=units, lang="vi")


# --- CSV, JSON, the workbook, the HTML report -----------------------------------------------------


def tie_report() -> tuple[AwardsReport, Any, list[UnitInfo]]:
    return run(NT_QUOTA, {"xa_a": {}, "xa_b": REOFFENDS, "xa_c": REOFFENDS, "xa_d": REOFFENDS,
                          "xa_e": WORSE})


def test_json_gives_each_place_with_its_keys() -> None:
    report, ev, units = tie_report()
    data = awards_data(report, ev, plan=NT_QUOTA, units=units, lang="en")
    quota = data["awards"][0]["quota"]
    assert {k: quota[k] for k in ("count", "among", "rank_by", "policy", "section")} == {
        "count": 3, "among": "all", "rank_by": ["score", "targets_met"], "policy": "local",
        "section": None}
    (group,) = quota["groups"]
    assert group["places"][1] == {"unit": "xa_b", "place": 2, "status": "tied",
                                  "certain": True, "keys": {"score": 15, "targets_met": 27},
                                  "best": {"score": 15, "targets_met": 27}}
    assert group["notes"] == ["3 units are tied at place 2, and 2 of them can be granted: "
                              "the granting body decides which."]
    assert json.loads(json.dumps(data)) == data


def test_csv_gives_each_candidate_its_place_and_status() -> None:
    report, _, _ = tie_report()
    rows = list(csv.DictReader(io.StringIO(awards_csv(report, "en").lstrip("\ufeff"))))
    seen = {(r["award"], r["unit"]): (r["quota_place"], r["quota_status"], r["quota_certain"])
            for r in rows}
    assert seen[(AWARD, "xa_a")] == ("1", "granted", "true")
    assert seen[(AWARD, "xa_d")] == ("2", "tied", "true")
    assert seen[(AWARD, "xa_e")] == ("5", "next", "true")
    assert seen[("provincial_certificate_of_merit", "xa_a")] == ("", "", "")


def test_the_workbook_s_candidates_sheet_has_the_quota_columns(tmp_path: Path) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    from emulation_rules.results_workbook import write_results_workbook

    report, ev, units = tie_report()
    path = tmp_path / "ket_qua.xlsx"
    write_results_workbook(path, ev, NT_QUOTA, units=units, report=report)
    ws = openpyxl.load_workbook(path)["Ứng viên khen thưởng"]
    header = [c.value for c in ws[1]]
    assert header[-2:] == ["Vị trí (số lượng khen thưởng)", "Xét theo số lượng"]
    assert [c.value for c in ws[2]][-2:] == ["quota_place", "quota_status"]
    rows = {(r[0], r[4]): r[-2:] for r in ws.iter_rows(min_row=3, values_only=True)}
    award = "Giấy khen của Chủ tịch Ủy ban nhân dân cấp huyện"
    assert rows[(award, "xa_c")] == (2, "bằng nhau ở ranh giới")
    assert rows[(award, "xa_e")] == (5, "kế tiếp")
    assert rows[("Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh", "xa_c")] == (None, None)


def test_the_html_report_shows_the_quota_table() -> None:
    pytest.importorskip("jinja2")
    html5lib = pytest.importorskip("html5lib")
    from emulation_rules.report_html import render_report

    report, ev, units = tie_report()
    for lang, words in (("vi", ("Số lượng khen thưởng: 3 tập thể", "bằng nhau ở ranh giới",
                                "cơ quan khen thưởng quyết định", "Xét theo số lượng")),
                        ("en", ("Quota: 3 collectives", "tied at the cut",
                                "the granting body decides", "Quota status"))):
        html = render_report(ev, NT_QUOTA, timeline=timeline(NT_QUOTA, issued=NT_ISSUED),
                             units=units, report=report, lang=lang)  # type: ignore[arg-type]
        html5lib.HTMLParser(strict=True).parse(html)
        section = html.split('id="awards"')[1]
        for word in words:
            assert word in section, (lang, word)
        assert section.count('<tr class="tied">') == 3
        assert section.count('<tr class="next">') == 1


# --- plans that get a quota wrong ----------------------------------------------------------------


OVERLAY = """id: {id}
extends: ninh_thuan
awards:
  - id: district_commendation
{body}"""


@pytest.mark.parametrize(("case", "body", "code", "line", "path"), [
    ("no_source", "    quota:\n      count: 3\n", "invalid-provenance", 5,
     "$.awards[0].quota"),
    ("unit_id", "    quota:\n      count: 3\n      rank_by: [score, unit_id]\n"
     "      policy: local\n      reason: x\n", "invalid-value", 7,
     "$.awards[0].quota.rank_by[1]"),
    ("zero", "    quota:\n      count: 0\n      policy: local\n      reason: x\n",
     "out-of-range", 6, "$.awards[0].quota.count"),
    ("individuals_only", "    remove: [collective]\n    quota:\n      count: 3\n"
     "      policy: local\n      reason: x\n", "invalid-value", 4, "$.awards[0]"),
])
def test_a_quota_written_wrong_is_reported(tmp_path: Path, case: str, body: str, code: str,
                                           line: int, path: str) -> None:
    plan = tmp_path / f"{case}.yaml"
    plan.write_text(OVERLAY.format(id=case, body=body), encoding="utf-8")
    found = er.iter_plan_issues(plan)
    assert [(i.code, i.location.line, format_path(i.location.path)) for i in found] == [
        (code, line, path)], found


def test_the_quota_messages_say_what_to_write(tmp_path: Path, default_lang: None) -> None:
    plan = tmp_path / "no_source.yaml"
    plan.write_text(OVERLAY.format(id="no_source", body="    quota:\n      count: 3\n"),
                    encoding="utf-8")
    (issue,) = er.iter_plan_issues(plan)
    assert "policy: local" in issue.message and "reason" in issue.message
    assert "ghi policy: local kèm lý do (reason)" in issue.message_in("vi")
    only = tmp_path / "individuals_only.yaml"
    only.write_text(OVERLAY.format(id="individuals_only", body=(
        "    remove: [collective]\n    quota:\n      count: 3\n      policy: local\n"
        "      reason: x\n")), encoding="utf-8")
    (issue,) = er.iter_plan_issues(only)
    assert issue.message == ("a quota counts collectives, and this award has no standard for "
                             "collectives (recipient: collective)")
    assert "chỉ tính cho tập thể" in issue.message_in("vi")


def test_the_docs_example_is_a_valid_plan(tmp_path: Path) -> None:
    text = (ROOT / "docs" / "awards.md").read_text(encoding="utf-8")
    section = text.split("## Quotas\n", 1)[1].split("\n## ", 1)[0]
    block = section.split("```yaml\n", 1)[1].split("```", 1)[0]
    path = tmp_path / "phuong_tien_2027.yaml"
    path.write_text(block, encoding="utf-8")
    assert er.iter_plan_issues(path) == []
    quota = next(a for a in er.load_plan(path).awards if a.quota is not None).quota
    assert quota is not None and (quota.count, quota.among) == (2, "bloc")
