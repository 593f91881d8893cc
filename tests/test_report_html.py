"""The HTML report (issue 13, item 1): one self-contained file for a district office's superiors.

Each bundled example (``examples/<plan>_metrics.csv`` and ``_units.csv``, with the issue dates
of ``tests/test_evaluation_plans.py`` and as of 2025-08-31, Phượng Tiến as of 2030-12-31 with
its attestations) is rendered with its awards report (``final``; Phượng Tiến
``stage:2026-2030``) and read back with html5lib in strict mode (any parse error raises).
Kon Plông's figures: 3 districts, 24 communes, 240 teams; windows ``phase_1`` ("Đợt 1"),
``phase_2`` ("Đợt 2"), ``campaign`` ("Toàn kế hoạch"); 2894 rows read, 2890 evaluated, 4
rejected (rows 9, 111, 2894, 2895).
"""

from __future__ import annotations

import functools
import os
import re
import shutil
import struct
import subprocess
import sys
from dataclasses import replace
from datetime import date
from importlib import resources
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

import html5lib  # type: ignore[import-untyped, unused-ignore]
import pytest

import emulation_rules as er
from emulation_rules import report_html
from emulation_rules.eligibility import AwardsReport, review_window
from emulation_rules.errors import Issue, Location
from emulation_rules.i18n import using
from emulation_rules.inputs import attestations_for
from emulation_rules.model import Text
from emulation_rules.records import UnitInfo
from emulation_rules.report_html import (
    MATRIX_ROWS_MAX,
    ReportHtmlError,
    ReportJinjaMissingError,
    render_report,
)
from emulation_rules.results import Evaluation
from emulation_rules.timelines import Timeline

from .test_evaluation_plans import ISSUED

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
PLANS = (*ISSUED, "phuong_tien")
REVIEW = {**dict.fromkeys(ISSUED, "final"), "phuong_tien": "stage:2026-2030"}
AS_OF = {**dict.fromkeys(ISSUED, date(2025, 8, 31)), "phuong_tien": date(2030, 12, 31)}
XHTML = "{http://www.w3.org/1999/xhtml}"
INPUTS = [("kon_plong_metrics.csv", "sha256:" + "a" * 64),
          ("kon_plong_units.csv", "sha256:" + "b" * 64)]


@functools.cache
def example(plan_id: str) -> tuple[Any, Evaluation, Timeline, list[UnitInfo], AwardsReport]:
    """The plan, its evaluation, timeline, units and awards report, as the CLI builds them."""
    plan = er.load_plan(plan_id)
    units, unit_issues, _ = er.read_unit_tree(EXAMPLES / f"{plan_id}_units.csv")
    assert unit_issues == []
    rows = None
    if plan_id == "phuong_tien":
        rows, att_issues, _ = er.read_attestations(EXAMPLES / "phuong_tien_attestations.csv")
        assert att_issues == []
    issued = ISSUED.get(plan_id)
    ev = er.evaluate(plan, er.read_metrics(EXAMPLES / f"{plan_id}_metrics.csv"), units=units,
                     issued=issued, as_of=AS_OF[plan_id], attestations=rows)
    tl = er.timeline(plan, issued=issued, as_of=AS_OF[plan_id])
    review = REVIEW[plan_id]
    attested = (attestations_for(rows, review_window(plan, ev, review)) if rows is not None
                else None)
    report = er.awards(plan, ev, review, units=units, attestations=attested)
    return plan, ev, tl, units, report


@functools.cache
def rendered(plan_id: str, lang: str = "vi") -> str:
    plan, ev, tl, units, report = example(plan_id)
    return render_report(ev, plan, timeline=tl, units=units, rejected=ev.rejected,
                         inputs=INPUTS, report=report, lang="en" if lang == "en" else "vi")


def parse(text: str) -> ElementTree.Element:
    """The document as html5lib reads it in strict mode: any parse error raises."""
    root: ElementTree.Element = html5lib.HTMLParser(strict=True).parse(text)
    return root


@functools.cache
def tree(plan_id: str, lang: str = "vi") -> ElementTree.Element:
    """The rendered example, parsed strictly (once per example and language)."""
    return parse(rendered(plan_id, lang))


def by_id(root: ElementTree.Element) -> dict[str, ElementTree.Element]:
    return {e.attrib["id"]: e for e in root.iter() if "id" in e.attrib}


def text_of(element: ElementTree.Element) -> str:
    return " ".join("".join(element.itertext()).split())


def rows_of(table: ElementTree.Element) -> list[list[str]]:
    """A table's body rows (not those of a table nested in a cell) as the texts of their
    cells; a cell that opens an explanation is the text of its summary."""
    out = []
    for tr in body_rows(table):
        cells = []
        for cell in tr:
            summary = cell.find(f".//{XHTML}summary")
            cells.append(text_of(summary if summary is not None else cell))
        out.append(cells)
    return out


def body_rows(table: ElementTree.Element) -> list[ElementTree.Element]:
    return [tr for tbody in table.findall(f"{XHTML}tbody") for tr in tbody.findall(f"{XHTML}tr")]


# ---------------------------------------------------------------------------------------------
# every example


@pytest.mark.parametrize("plan_id", PLANS)
def test_every_example_parses_without_an_error(plan_id: str) -> None:
    """html5lib's strict parser raises on the first parse error (a stray tag, an unescaped
    ``<``, a control character, a duplicate attribute); none is found."""
    root = tree(plan_id)
    assert root.tag == f"{XHTML}html" and root.attrib["lang"] == "vi"


@pytest.mark.parametrize("plan_id", PLANS)
def test_every_example_has_its_sections(plan_id: str) -> None:
    """The record, the timeline, a section per window with its pass-rate chart and its
    matrix, the changes, the award candidates and the rejected rows, each by its id."""
    _, ev, _, _, _ = example(plan_id)
    ids = by_id(tree(plan_id))
    slugs = [w.replace(":", "-") for w in ev.windows]
    for section in ("record", "timeline", "changes", "awards", "rejected",
                    *(f"window-{s}" for s in slugs)):
        assert ids[section].tag == f"{XHTML}section", section
    for s in slugs:
        assert ids[f"pass-{s}"].tag == "{http://www.w3.org/2000/svg}svg"
        assert ids[f"matrix-{s}"].tag == f"{XHTML}table"
    timeline_svg = ids["timeline"].find("{http://www.w3.org/2000/svg}svg")
    assert timeline_svg is not None
    every = [e.attrib["id"] for e in tree(plan_id).iter() if "id" in e.attrib]
    assert len(every) == len(set(every))  # no id twice: every link has one target


@pytest.mark.parametrize("plan_id", PLANS)
def test_every_example_has_no_script_and_no_external_reference(plan_id: str) -> None:
    """Nothing is fetched and nothing runs: no script, no URL, every link is to an anchor of
    the page, every SVG fill refers to a pattern of the page."""
    text = rendered(plan_id)
    assert "<script" not in text.lower()
    assert "http://" not in text and "https://" not in text
    assert re.findall(r"\b(?:src|srcset|action|data|poster)=", text) == []
    assert {h[0] for h in re.findall(r'\bhref="(.)', text)} == {"#"}
    assert set(re.findall(r"url\((.)", text)) == {"#"}
    assert "@import" not in text and "<link" not in text and "<iframe" not in text
    assert text.count("<style>") == 1


@pytest.mark.parametrize("plan_id", PLANS)
def test_every_example_matrix_names_its_units(plan_id: str) -> None:
    """Each window's matrix has a row per evaluated unit but the teams of an evaluated commune
    (counted in their commune's row), named by the units file's name, with its id."""
    _, ev, _, units, _ = example(plan_id)
    names = {u.id: u.name for u in units}
    kinds = {u.id: u.kind for u in units}
    ids = by_id(tree(plan_id))
    for window in ev.windows:
        table = ids[f"matrix-{window.replace(':', '-')}"]
        heads = [text_of(th) for tr in body_rows(table)
                 for th in tr.findall(f"{XHTML}th[@scope='row']")]
        units_in = [r.unit for r in ev.results if r.window == window]
        expected = [f"{names[u]} {u}" for u in units_in if kinds[u] != "team"]
        assert heads == expected


def test_the_example_sizes_stay_reasonable() -> None:
    """One style sheet, no per-cell style: Kon Plông's report (3 windows of 24 communes, 240
    teams and their explanations) stays under 1.5 MB."""
    size = len(rendered("kon_plong").encode("utf-8"))
    assert 200_000 < size < 1_500_000
    assert ' style="' not in rendered("kon_plong")


# ---------------------------------------------------------------------------------------------
# Kon Plông in detail


def test_header_records_the_decision() -> None:
    """Plan title and number, issuer, issue date used, as-of date and position, review, the
    windows, the row counts, the plan's hash and each input's hash."""
    plan, ev, _, _, _ = example("kon_plong")
    tables = by_id(tree("kon_plong"))["record"].findall(f"{XHTML}table")
    record = [row for table in tables for row in rows_of(table)]
    assert record[:11] == [
        ["Tên kế hoạch", plan.title.vi],
        ["Mã kế hoạch", "kon_plong"],
        ["Số văn bản", "/KH-UBND"],
        ["Cơ quan ban hành", "Ủy ban nhân dân huyện Kon Plông"],
        ["Ngày ban hành dùng để tính", "15/10/2024"],
        ["Tính đến ngày", "31/08/2025"],
        ["Vị trí tại ngày tính", "kế hoạch đã kết thúc"],
        ["Lần xét khen thưởng", "final (tổng kết); tiêu chí tính trên: Đợt 1, Đợt 2, Toàn kế "
                                "hoạch; điều kiện khen thưởng đọc trong: Toàn kế hoạch"],
        ["Các kỳ đánh giá", "Đợt 1 (đã kết thúc); Đợt 2 (đã kết thúc); Toàn kế hoạch (đã kết "
                            "thúc)"],
        ["Số dòng", "đọc 2894, tính 2890, loại 4"],
        ["Mã băm kế hoạch (sha256)", ev.plan_hash],
    ]
    assert record[11:] == [["kon_plong_metrics.csv", "sha256:" + "a" * 64],
                           ["kon_plong_units.csv", "sha256:" + "b" * 64]]


def test_timeline_chart_shows_phases_reviews_deadlines_and_the_as_of_date() -> None:
    """The SVG has a bar per phase and for the campaign, a numbered marker per review (3) and
    deadline (2), the as-of line, month ticks; the table below says the same in words."""
    ids = by_id(tree("kon_plong"))
    svg = ids["timeline"].find("{http://www.w3.org/2000/svg}svg")
    assert svg is not None
    svg_ns = "{http://www.w3.org/2000/svg}"
    texts = [text_of(t) for t in svg.iter(f"{svg_ns}text")]
    assert ["Đợt 1", "Đợt 2", "Toàn kế hoạch"] == [t for t in texts if t.startswith(("Đợt ",
                                                                                        "Toàn"))]
    assert texts[:4] == ["Đợt", "Kế hoạch", "Sơ kết, tổng kết", "Hạn"]
    assert "Ngày tính 31/08/2025" in texts
    assert [t for t in texts if re.fullmatch(r"\d{2}/\d{4}", t)] == [
        "11/2024", "12/2024", "01/2025", "02/2025", "03/2025", "04/2025", "05/2025",
        "06/2025", "07/2025", "08/2025"]
    assert len(svg.findall(f"{svg_ns}polygon[@class='review']")) == 3
    assert len(svg.findall(f"{svg_ns}circle[@class='deadline']")) == 2
    assert len(svg.findall(f"{svg_ns}line[@class='today']")) == 1
    table = ids["timeline"].find(f"{XHTML}table")
    assert table is not None
    assert rows_of(table) == [
        ["", "15/10/2024 – 03/02/2025", "Đợt thi đua", "Đợt 1"],
        ["", "04/02/2025 – 19/08/2025", "Đợt thi đua", "Đợt 2"],
        ["1", "02/02/2025", "Hạn", "Báo cáo kết quả đợt 01 (trước ngày 03/02/2025; đơn vị thực "
                                   "hiện: Ủy ban nhân dân xã)"],
        ["2", "03/02/2025", "Sơ kết, tổng kết", "Sơ kết Đợt 1"],
        ["3", "17/08/2025", "Hạn", "Báo cáo kết quả đợt 02 (trước ngày 18/08/2025; đơn vị thực "
                                   "hiện: Ủy ban nhân dân xã)"],
        ["4", "19/08/2025", "Sơ kết, tổng kết", "Tổng kết"],
        ["5", "19/08/2025", "Sơ kết, tổng kết", "Sơ kết Đợt 2"],
    ]


def test_gaps_and_recurring_deadlines_are_on_the_chart() -> None:
    """Bắc Giang has two gaps (before phase 1 and after phase 2) and a monthly deadline: the
    gaps are hatched bars, each monthly instance a tick, listed once in the table."""
    ids = by_id(tree("bac_giang"))
    svg = ids["timeline"].find("{http://www.w3.org/2000/svg}svg")
    assert svg is not None
    assert len(svg.findall("{http://www.w3.org/2000/svg}rect[@class='gap']")) == 2
    table = ids["timeline"].find(f"{XHTML}table")
    assert table is not None
    kinds = [row[2] for row in rows_of(table)]
    assert kinds.count("Khoảng trống") == 2 and kinds.count("Hạn định kỳ") == 1
    recurring = next(row for row in rows_of(table) if row[2] == "Hạn định kỳ")
    assert recurring[3].endswith(": 12 lần, 30/09/2024 … 19/08/2025")


def test_a_phase_less_plan_lays_out_its_years_and_stage() -> None:
    """Phượng Tiến (open-ended, reviewed yearly): a bar per year, the stage, five yearly
    reviews and the stage review."""
    ids = by_id(tree("phuong_tien"))
    table = ids["timeline"].find(f"{XHTML}table")
    assert table is not None
    assert [row[3] for row in rows_of(table) if row[0]] == [
        "Sơ kết Năm 2026", "Sơ kết Năm 2027", "Sơ kết Năm 2028", "Sơ kết Năm 2029",
        "Tổng kết Giai đoạn 2026-2030", "Sơ kết Năm 2030"]


def test_matrix_cells_carry_a_symbol_a_word_and_a_colour() -> None:
    """Xã Đông 1's row in phase 1: the six commune criteria's verdicts as symbol and word, the
    team-level criterion as the count of its teams that met it or not; each cell's class is
    its colour."""
    ids = by_id(tree("kon_plong"))
    table = ids["matrix-phase_1"]
    rows = rows_of(table)
    assert rows[0] == ["Huyện Đông"]  # the district's heading row
    assert rows[1] == ["Xã Đông 1 h1x01", "✓ đạt", "✗ không đạt", "✓ đạt", "✗ không đạt",
                       "✓ đạt", "✗ không đạt", "✓6 ✗4"]
    first = body_rows(table)[1]
    assert [td.attrib["class"].split()[0] for td in first.findall(f"{XHTML}td")] == [
        "met", "not_met", "met", "not_met", "met", "not_met", "mixed"]
    heads = [text_of(th) for th in table.iter(f"{XHTML}th") if th.attrib.get("class") == "c"]
    assert heads[0] == "1. Thi đua hỗ trợ Công an cấp xã nắm tình hình an ninh, trật tự"
    assert len(heads) == 7
    districts = [r[0] for r in rows if len(r) == 1]
    assert districts == ["Huyện Đông", "Huyện Tây", "Huyện Nam"]


def test_a_cell_opens_its_explanation() -> None:
    """The explanation (a ``<details>``: no script) of Xã Đông 1, phase 1, criterion 1: per
    target the value, the target as worded, the margin and the section and quote."""
    ids = by_id(tree("kon_plong"))
    cell = body_rows(ids["matrix-phase_1"])[1].findall(f"{XHTML}td")[0]
    why = cell.find(f"{XHTML}details/{XHTML}div")
    assert why is not None and why.attrib["class"] == "why"
    items = why.findall(f"{XHTML}ul/{XHTML}li")
    first = items[0]
    head = first.find(f"{XHTML}b")
    assert head is not None
    assert text_of(head) == ("✓ đạt: 80% nguồn tin do Nhân dân cung cấp cho Công an cấp xã "
                             "thông qua lực lượng")
    lines = [text_of(e) for e in first.iter() if e.tag in (f"{XHTML}dt", f"{XHTML}dd")]
    assert lines == [
        "Giá trị ghi nhận", "83,02%",
        "Yêu cầu", "từ 80% trở lên",
        "Chênh lệch", "+3,02 điểm phần trăm",
        "Căn cứ", "Mục 4.1: “80% nguồn tin do Nhân dân cung cấp cho Công an cấp xã thông qua "
                  "lực lượng tham gia bảo vệ an ninh, trật tự ở cơ sở”"]


def test_an_explanation_says_what_is_missing_and_needed() -> None:
    """An undecided target lists its months without data and what they would need (the
    words of ``explain``); a not-met target decided despite a missing month says so."""
    ids = by_id(tree("kon_plong"))
    whys = [text_of(d) for d in ids["matrix-phase_1"].iter(f"{XHTML}details")]
    assert any("Thiếu số liệu 2024-10 Còn cần các tháng thiếu cần tips_via_force ≥ 80% × "
               "tips_total - 3.6" in w for w in whys)
    patrol = [w for w in whys if "Xã Đông 1 — Thi đua hỗ trợ Công an cấp xã tuần tra" in w]
    assert len(patrol) == 1
    assert ("Thiếu số liệu 2024-10 Ghi chú kết quả không đổi dù các tháng thiếu có số liệu "
            "thế nào" in patrol[0])


def test_a_local_policy_verdict_is_marked() -> None:
    """Xã Nam 2's fire-rescue verdict in phase 1 holds by the local rule for no cases: its
    cell carries ``*`` and its explanation says so."""
    ids = by_id(tree("kon_plong"))
    row = next(r for r in rows_of(ids["matrix-phase_1"]) if r[0] == "Xã Nam 2 h3x02")
    assert row[3] == "✓ đạt *"
    text = rendered("kon_plong")
    assert "không có trường hợp nào trong kỳ: áp dụng quy định địa phương" in text


def test_a_team_level_cell_lists_the_communes_teams() -> None:
    """The team-level criterion of Xã Đông 1 opens its ten teams, each with its verdict and
    the months met, and the months not met of those that failed."""
    ids = by_id(tree("kon_plong"))
    cell = body_rows(ids["matrix-phase_1"])[1].findall(f"{XHTML}td")[6]
    teams = cell.find(f".//{XHTML}table")
    assert teams is not None
    rows = rows_of(teams)
    assert len(rows) == 10
    assert rows[0][0] == "Tổ bảo vệ ANTT Thôn Đắk 1"
    assert {r[1] for r in rows} == {"✓ đạt", "✗ không đạt"}
    assert all(r[2].startswith("đạt ") and "/4 tháng" in r[2] for r in rows)
    assert any("không đạt: 2024-" in r[2] or "không đạt: 2025-" in r[2] for r in rows)


def test_pass_rates_chart_counts_every_unit_of_each_criterion() -> None:
    """Per criterion the bar's texts: the pass rate and the counts met / not met / undecided,
    as in ``Evaluation.summary()``; the three verdicts have three fills."""
    _, ev, _, _, _ = example("kon_plong")
    ids = by_id(tree("kon_plong"))
    svg = ids["pass-phase_1"]
    texts = [text_of(t) for t in svg.iter("{http://www.w3.org/2000/svg}text")]
    summary = ev.summary()["phase_1"]
    assert summary["situation_awareness"] == {"met": 11, "not_met": 11, "unknown": 2}
    assert "45,83% (✓11 ✗11 ?2)" in texts
    assert "46,25% (✓111 ✗129 ?0)" in texts  # the 240 teams' criterion
    fills = {r.attrib.get("fill", r.attrib.get("class")) for r in
             svg.findall("{http://www.w3.org/2000/svg}rect") if r.attrib.get("class") != "track"}
    assert fills == {"bar-met", "url(#pass-phase_1-no)", "url(#pass-phase_1-unk)"}


def test_changes_between_phases() -> None:
    """Phase 1 to phase 2: how many units changed, and Xã Đông 1's changes, its teams'
    named in its row."""
    ids = by_id(tree("kon_plong"))
    section = ids["changes"]
    paras = [text_of(p) for p in section.iter(f"{XHTML}p")]
    assert paras == ["143 đơn vị (kể cả tổ) thay đổi kết quả: 41 tiến bộ, 95 giảm, 7 vừa tiến "
                     "bộ vừa giảm."]
    table = section.find(f"{XHTML}table")
    assert table is not None
    first = body_rows(table)[0]
    changes = [text_of(d) for d in first.iter(f"{XHTML}div")]
    assert changes[:2] == [
        "✗ → ✓ 2. Thi đua hỗ trợ xây dựng phong trào toàn dân bảo vệ an ninh Tổ quốc",
        "✗ → ✓ 4. Thi đua hỗ trợ Công an cấp xã thực hiện tốt nhiệm vụ quản lý hành chính về "
        "trật tự xã hội"]
    assert changes[2].startswith("✓ → ✗ 7. Thi đua xây dựng, phát huy, nhân rộng những hình "
                                 "ảnh đẹp của lực lượng 4 tổ: Tổ bảo vệ ANTT Thôn Đắk 1, ")


def test_award_candidates_per_authority_and_tier() -> None:
    """Kon Plông's final review: the district chairman's commendation and the province's
    certificate of merit, each with its counts; an eligible candidate's conditions met, an
    undecided one's lacking condition with its detail."""
    ids = by_id(tree("kon_plong"))
    section = ids["awards"]
    heads = [text_of(h) for h in section if h.tag in (f"{XHTML}h3", f"{XHTML}h4")]
    assert heads == [
        "Cấp khen: Chủ tịch Ủy ban nhân dân huyện",
        "Giấy khen của Chủ tịch Ủy ban nhân dân huyện (Giấy khen)",
        "Cấp khen: Ủy ban nhân dân tỉnh",
        "Bằng khen của Ủy ban nhân dân tỉnh (do huyện đề xuất) (Bằng khen)"]
    assert text_of(section.findall(f"{XHTML}p")[0]) == ("đủ điều kiện 22, chưa xác định 1, "
                                                        "chưa đủ điều kiện 241")
    table = section.find(f"{XHTML}table")
    assert table is not None
    rows = rows_of(table)
    assert rows[0][1:4] == ["Tập thể", "✓ đạt", "✓ Cá nhân có thành tích xuất sắc trong phong "
                            "trào thi đua (theo quy định địa phương; Mục II.4)"]
    undecided = [r for r in rows if r[2] == "? chưa xác định"]
    assert len(undecided) == 1
    assert undecided[0][4].startswith("? Cá nhân có thành tích xuất sắc trong phong trào thi "
                                      "đua (theo quy định địa phương; Mục II.4): targets "
                                      "undecided: ")


def test_rejected_rows() -> None:
    """Each rejected row: file, row, column, code, message and what the code means, the
    message in the report's language."""
    ids = by_id(tree("kon_plong"))
    table = ids["rejected"].find(f"{XHTML}table")
    assert table is not None
    rows = rows_of(table)
    assert [(Path(r[0]).name, r[1], r[2], r[3]) for r in rows] == [
        ("kon_plong_metrics.csv", "9", "good_deeds", "invalid-count"),
        ("kon_plong_metrics.csv", "111", "tips_via_force", "contradictory-counts"),
        ("kon_plong_metrics.csv", "2894", "period", "duplicate-row"),
        ("kon_plong_metrics.csv", "2895", "unit", "unknown-unit")]
    _, ev, _, _, _ = example("kon_plong")
    assert rows[0][4] == ev.rejected[0].message_in("vi")
    assert rows[0][5] == ("Số lượng không phải số nguyên từ 0 trở lên (1,5; -2; chữ; ...): "
                          "dòng bị loại.")
    table = by_id(tree("kon_plong", "en"))["rejected"].find(f"{XHTML}table")
    assert table is not None
    assert rows_of(table)[0][4] == "good_deeds = 'hai' is not a whole number of 0 or more"


def test_print_stylesheet() -> None:
    """A4 pages (the windows on landscape pages), a page break before each section, table
    headers that repeat on every printed page, colours printed as shown."""
    text = rendered("kon_plong")
    assert "@page{size:A4;" in text and "@page wide{size:A4 landscape;" in text
    assert "section{break-before:page}" in text and "section.window{page:wide}" in text
    assert "thead{display:table-header-group}" in text
    assert "print-color-adjust:exact" in text
    root = tree("kon_plong")
    tables = [t for t in root.iter(f"{XHTML}table") if t.find(f"{XHTML}thead") is None]
    assert [t.attrib.get("class") for t in tables] == ["record"]  # the one key-value table


def test_rendering_is_reproducible() -> None:
    """The same inputs give the same text (no clock, no random id)."""
    plan, ev, tl, units, report = example("kon_plong")
    again = render_report(ev, plan, timeline=tl, units=units, rejected=ev.rejected,
                          inputs=INPUTS, report=report)
    assert again == rendered("kon_plong")


# ---------------------------------------------------------------------------------------------
# language, options, scale


def test_english() -> None:
    """``lang="en"``: English headings, labels and verdict words; no Vietnamese verdict word
    (the units' names and the document's quotes stay as written)."""
    text = rendered("kon_plong", "en")
    root = tree("kon_plong", "en")
    assert root.attrib["lang"] == "en"
    heads = [text_of(h) for h in root.iter(f"{XHTML}h2")]
    assert heads == ["Contents", "Summary", "Timeline", "Results: Phase 1", "Results: Phase 2",
                     "Results: Whole plan", "Units whose verdict changed between windows",
                     "Award candidates", "Rejected input rows"]
    rows = rows_of(by_id(root)["matrix-phase_1"])
    assert rows[1] == ["Xã Đông 1 h1x01", "✓ met", "✗ not met", "✓ met", "✗ not met", "✓ met",
                       "✗ not met", "✓6 ✗4"]
    assert "chưa xác định" not in text and "không đạt" not in text
    assert "Observed</dt> <dd>83.02%" in text and "+3.02 percentage points" in text
    assert "As of 2025-08-31" in text


def test_without_units_every_evaluated_unit_is_a_row_named_by_its_id() -> None:
    """No units file: no names, no districts, no teams folded: a row per evaluated unit."""
    plan, ev, tl, _, _ = example("kon_plong")
    text = render_report(ev, plan, timeline=tl)
    root = parse(text)
    ids = by_id(root)
    rows = rows_of(ids["matrix-phase_1"])
    assert len(rows) == 264
    assert rows[0][0] == "h1x01"  # the id once
    assert "awards" not in ids
    rejected = ids["rejected"].find(f"{XHTML}table")  # None: the evaluation's rejected rows
    assert rejected is not None and len(rows_of(rejected)) == 4


def test_matrix_max_is_300() -> None:
    assert MATRIX_ROWS_MAX == 300


def test_a_large_matrix_is_grouped_by_district(monkeypatch: pytest.MonkeyPatch) -> None:
    """Above MATRIX_ROWS_MAX rows (here lowered to 10 for Kon Plông's 24 communes): a summary
    table of the districts linking to one table per district."""
    monkeypatch.setattr(report_html, "MATRIX_ROWS_MAX", 10)
    plan, ev, tl, units, _ = example("kon_plong")
    root = parse(render_report(ev, plan, timeline=tl, units=units))
    section = by_id(root)["window-phase_1"]
    tables = section.findall(f"{XHTML}table")
    assert [t.attrib["class"] for t in tables] == ["summary", "matrix", "matrix", "matrix"]
    summary = rows_of(tables[0])
    assert [r[:2] for r in summary] == [["Huyện Đông", "8"], ["Huyện Tây", "8"],
                                        ["Huyện Nam", "8"]]
    assert len(summary[0]) == 9 and summary[0][2].startswith("✓ ")
    links = [a.attrib["href"] for a in tables[0].iter(f"{XHTML}a")]
    assert links == ["#window-phase_1-d1", "#window-phase_1-d2", "#window-phase_1-d3"]
    heads = [text_of(h) for h in section.findall(f"{XHTML}h4")]
    assert heads == ["Huyện Đông", "Huyện Tây", "Huyện Nam"]
    assert [len(rows_of(t)) for t in tables[1:]] == [8, 8, 8]
    assert tables[1].attrib["id"] == "matrix-phase_1"


def test_301_communes_are_grouped() -> None:
    """301 communes in 4 districts (one month of data each): the matrix is grouped."""
    plan = er.load_plan("kon_plong")
    issued, as_of = date(2024, 10, 15), date(2025, 8, 31)
    units = [UnitInfo(f"h{d}", f"Huyện {d}", "district") for d in range(1, 5)]
    units += [UnitInfo(f"h{k % 4 + 1}x{k:03d}", f"Xã số {k}", "commune", parent=f"h{k % 4 + 1}")
              for k in range(301)]
    records = [er.Record(u.id, "2024-11", {"tips_total": 10, "tips_via_force": 9})
               for u in units[4:]]
    ev = er.evaluate(plan, records, units=units, issued=issued, as_of=as_of)
    tl = er.timeline(plan, issued=issued, as_of=as_of)
    text = render_report(ev, plan, timeline=tl, units=units)
    start = text.index('<section id="window-phase_1"')
    section = text[start:text.index("</section>", start)]  # read as text: 7 MB parse slowly
    assert re.findall(r'<table class="(\w+)"', section) == ["summary", *["matrix"] * 4]
    assert [len(re.findall(r'<tr><th scope="row">Xã số', part))
            for part in section.split('<table class="matrix"')[1:]] == [76, 75, 75, 75]
    assert "Bảng có 301 đơn vị, nhiều hơn 300: chia theo huyện" in section


# ---------------------------------------------------------------------------------------------
# inert text


HOSTILE = ["<script>alert(1)</script>", "=cmd|' /C calc'!A0", "\x1b[31mđỏ\x1b[0m"]


def test_hostile_text_is_shown_escaped_never_run() -> None:
    """Unit names, a phase label, a criterion label, an input file name and a rejected row's
    message holding markup, a spreadsheet formula and terminal escapes: shown as text (the
    markup escaped, ESC written ``\\x1b``), in the matrix, the explanations, the SVG chart and
    the tables; the document still parses strictly."""
    plan, _, _, units, _ = example("kon_plong")
    bad_label = Text(vi="<b onclick=x>Đợt 1</b>\x1b", en="<i>Phase 1</i>")
    phases = (plan.phases[0].model_copy(update={"label": bad_label}), *plan.phases[1:])
    criteria = (plan.criteria[0].model_copy(update={"label": Text(vi=HOSTILE[0], en="x")}),
                *plan.criteria[1:])
    plan = plan.model_copy(update={"phases": phases, "criteria": criteria})
    renamed = {"h1x01": HOSTILE[0], "h1x02": HOSTILE[1], "h1x03": HOSTILE[2],
               "h1x01t01": HOSTILE[0]}
    units = [replace(u, name=renamed.get(u.id, u.name)) for u in units]
    issued, as_of = ISSUED["kon_plong"], AS_OF["kon_plong"]
    ev = er.evaluate(plan, er.read_metrics(EXAMPLES / "kon_plong_metrics.csv"), units=units,
                     issued=issued, as_of=as_of)
    tl = er.timeline(plan, issued=issued, as_of=as_of)
    issue = Issue("invalid-count", f"x = {HOSTILE[0]}{HOSTILE[2]}",
                  Location("<img src=x>.csv", 3, 0, ("row 3", "x\x1b")))
    text = render_report(ev, plan, timeline=tl, units=units, rejected=[issue],
                         inputs=[("<a href='http://x'>m.csv</a>", "sha256:" + "c" * 64)])
    ids = by_id(parse(text))  # strict: raises on any parse error
    assert "<script" not in text and "<b onclick" not in text and "<img" not in text
    assert "<a href='" not in text and 'href="http' not in text
    assert "&lt;a href=&#39;http://x&#39;&gt;m.csv&lt;/a&gt;" in text
    assert "\x1b" not in text
    assert text.count("&lt;script&gt;alert(1)&lt;/script&gt;") > 10
    assert "=cmd|&#39; /C calc&#39;!A0" in text
    assert "\\x1b[31mđỏ\\x1b[0m" in text
    assert "&lt;b onclick=x&gt;Đợt 1&lt;/b&gt;\\x1b" in text  # the heading, chart and table
    heads = [text_of(th) for th in ids["matrix-phase_1"].iter(f"{XHTML}th")
             if th.attrib.get("scope") == "row"]
    assert heads[:3] == ["<script>alert(1)</script> h1x01", "=cmd|' /C calc'!A0 h1x02",
                         "\\x1b[31mđỏ\\x1b[0m h1x03"]
    svg_texts = [text_of(t) for t in ids["timeline"].iter("{http://www.w3.org/2000/svg}title")]
    assert any(t.startswith("<b onclick=x>Đợt 1</b>\\x1b: ") for t in svg_texts)
    rejected = ids["rejected"].find(f"{XHTML}table")
    assert rejected is not None
    assert rows_of(rejected)[0][:3] == ["<img src=x>.csv", "3", "x\\x1b"]


# ---------------------------------------------------------------------------------------------
# errors


def test_without_jinja2_the_error_says_what_to_install(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "jinja2", None)
    plan, ev, tl, _, _ = example("kon_plong")
    with pytest.raises(ReportJinjaMissingError, match=re.escape(
            "jinja2 is needed to write the HTML report: pip install 'emulation-rules[report]'"
            )) as caught:
        render_report(ev, plan, timeline=tl)
    with using("vi"):  # the text is in the current language (tests/test_i18n_documents.py)
        assert str(caught.value).startswith("cần gói jinja2")
    assert issubclass(ReportJinjaMissingError, er.EmulationRulesError)


def test_usage_errors() -> None:
    """An unknown language, an evaluation or a timeline of another plan."""
    plan, ev, tl, _, _ = example("kon_plong")
    other, other_ev, other_tl, _, _ = example("ninh_thuan")
    with pytest.raises(ReportHtmlError, match="lang is vi or en"):
        render_report(ev, plan, timeline=tl, lang="fr")  # type: ignore[arg-type]
    with pytest.raises(ReportHtmlError, match="of another plan"):
        render_report(other_ev, plan, timeline=tl)
    with pytest.raises(ReportHtmlError, match="timeline is of another plan"):
        render_report(ev, plan, timeline=other_tl)
    assert other.id == "ninh_thuan"


def test_the_template_is_a_package_resource() -> None:
    """Loaded with importlib.resources (the wheel holds it beside the modules)."""
    resource = resources.files("emulation_rules").joinpath("templates/report.html.j2")
    assert resource.is_file()
    assert "{{" in resource.read_text(encoding="utf-8")


# ---------------------------------------------------------------------------------------------
# a browser


def _browser() -> str | None:
    for name in ("chromium", "chromium-browser"):
        found = shutil.which(name)
        if found:
            return found
    return "/usr/bin/chromium" if Path("/usr/bin/chromium").exists() else None


def _png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and data[12:16] == b"IHDR"
    width, height = struct.unpack(">II", data[16:24])
    return width, height


def test_a_browser_renders_prints_and_shows_the_report(tmp_path: Path) -> None:
    """Headless Chromium (no network, a fresh profile) opens the file from disk: it prints a
    PDF of A4 pages, portrait and landscape (the windows), more than one; it takes a 1280 x
    2000 screenshot of more than 50 KB; its DOM holds the matrix with the units' names and no
    script; it logs no console message. Skipped without a browser, except on CI."""
    browser = _browser()
    if browser is None:
        if os.environ.get("CI") == "true":
            pytest.fail("no chromium on CI: the browser test must run there")
        pytest.skip("no chromium (or chromium-browser) on this machine")
    page = tmp_path / "bao_cao.html"
    page.write_text(rendered("kon_plong"), encoding="utf-8")
    base = [browser, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
            "--no-first-run", "--disable-background-networking", "--disable-component-update",
            "--disable-sync", f"--user-data-dir={tmp_path / 'profile'}"]
    url = page.as_uri()
    pdf, png = tmp_path / "r.pdf", tmp_path / "r.png"

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([*base, *args, url], capture_output=True, text=True,
                              timeout=180, check=False)

    printed = run(f"--print-to-pdf={pdf}", "--no-pdf-header-footer")
    assert pdf.is_file(), printed.stderr
    data = pdf.read_bytes()
    assert data.startswith(b"%PDF-")
    boxes = re.findall(rb"/MediaBox \[0 0 ([\d.]+) ([\d.]+)\]", data)
    sizes = {(round(float(w)), round(float(h))) for w, h in boxes}
    assert sizes == {(595, 842), (842, 595)}  # A4 portrait, and landscape for the windows
    assert len(re.findall(rb"/Type\s*/Page\b(?!s)", data)) > 1

    shot = run(f"--screenshot={png}", "--window-size=1280,2000")
    assert png.is_file(), shot.stderr
    image = png.read_bytes()
    assert _png_size(image) == (1280, 2000)
    assert len(image) > 50_000

    dom = run("--dump-dom", "--enable-logging=stderr", "--v=0")
    assert dom.returncode == 0, dom.stderr
    assert 'id="matrix-phase_1"' in dom.stdout and "Xã Đông 1" in dom.stdout
    assert "<script" not in dom.stdout
    assert "CONSOLE" not in dom.stderr
