"""The results workbook (issue 13, item 2): an evaluation as an Excel file for a district office.

Written for ``kon_plong`` from ``examples/kon_plong_metrics.csv`` and ``kon_plong_units.csv``
(3 districts, 24 communes, 240 teams), issued 2024-10-15, as of 2025-08-31: the windows are
``phase_1`` ("Đợt 1"), ``phase_2`` ("Đợt 2") and ``campaign`` ("Toàn kế hoạch"), each with the
264 communes and teams evaluated (the districts have no target); 2894 rows read, 2890
evaluated, 4 rejected (rows 9, 111, 2894, 2895). Read back with openpyxl.
"""

from __future__ import annotations

import sys
import zipfile
from dataclasses import replace
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest
from openpyxl import Workbook, load_workbook
from openpyxl.worksheet.worksheet import Worksheet

import emulation_rules as er
from emulation_rules.i18n import using
from emulation_rules.model import plan_hash
from emulation_rules.records import UnitInfo
from emulation_rules.results import UnitResult
from emulation_rules.results_workbook import (
    ResultsExcelMissingError,
    ResultsWorkbookError,
    sheet_name,
    write_results_workbook,
)

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
METRICS = EXAMPLES / "kon_plong_metrics.csv"
PLAN = er.load_plan("kon_plong")
UNITS, _UNIT_ISSUES, _ = er.read_unit_tree(EXAMPLES / "kon_plong_units.csv")
ISSUED, AS_OF = date(2024, 10, 15), date(2025, 8, 31)
EV = er.evaluate(PLAN, er.read_metrics(METRICS), units=UNITS, issued=ISSUED, as_of=AS_OF)
INPUTS = [("kon_plong_metrics.csv", "sha256:" + "a" * 64),
          ("kon_plong_units.csv", "sha256:" + "b" * 64)]

CRITERIA = ["situation_awareness", "movement_building", "fire_rescue",
            "administrative_management", "reintegration", "patrol_traffic", "good_image"]
TARGETS = ["tips_via_force", "incidents_attended", "model_recognised", "rescue_attended",
           "no_business_violations", "household_records", "no_illegal_weapons",
           "no_reoffending", "all_members_patrol", "no_serious_accidents", "monthly_good_deed"]
IDS = ["name", "unit", "kind", *CRITERIA,
       *(x for t in TARGETS for x in (t, f"{t}.margin")), "note"]
"""Row 2 of a window sheet (columns A to AG): the criteria D-J, then each target's value and
margin (tips_via_force K-L ... all_members_patrol AA-AB ... monthly_good_deed AE-AF)."""
LAST_DATA_ROW = 2 + 264


def sheet(book: Workbook, name: str) -> Worksheet:
    ws = book[name]
    assert isinstance(ws, Worksheet)
    return ws


def row_values(ws: Worksheet, row: int) -> list[Any]:
    return [c.value for c in ws[row]]


def sheet_xml(path: Path) -> list[str]:
    with zipfile.ZipFile(path) as z:
        return [z.read(n).decode("utf-8") for n in z.namelist()
                if n.startswith("xl/worksheets/sheet")]


@pytest.fixture(scope="module")
def book_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("results") / "ket_qua.xlsx"
    write_results_workbook(path, EV, PLAN, units=UNITS, rejected=EV.rejected, inputs=INPUTS)
    return path


@pytest.fixture(scope="module")
def book(book_path: Path) -> Workbook:
    return load_workbook(book_path)


@pytest.fixture(scope="module")
def awards_book(tmp_path_factory: pytest.TempPathFactory) -> Workbook:
    path = tmp_path_factory.mktemp("results") / "khen_thuong.xlsx"
    report = er.awards(PLAN, EV, "final", units=UNITS)
    write_results_workbook(path, EV, PLAN, units=UNITS, report=report, inputs=INPUTS)
    return load_workbook(path)


def test_the_example_evaluates_as_described() -> None:
    """The plan's phases are labelled "Đợt 1" and "Đợt 2" (hence the sheet names); the
    evaluation has three complete windows, 264 units in each, and 4 rejected rows."""
    assert _UNIT_ISSUES == []
    assert [(p.id, p.label.vi, p.label.en) for p in PLAN.phases] == [
        ("phase_1", "Đợt 1", "Phase 1"), ("phase_2", "Đợt 2", "Phase 2")]
    assert EV.windows == ("phase_1", "phase_2", "campaign")
    assert EV.complete == {"phase_1": True, "phase_2": True, "campaign": True}
    assert (EV.rows_total, EV.rows_used, len(EV.rejected), EV.no_data) == (2894, 2890, 4, ())
    assert len(EV.results) == 3 * 264


def test_sheet_names(book: Workbook) -> None:
    """A sheet per window, named by its Vietnamese label, then the rejected rows and the
    record (no awards report: no candidates sheet)."""
    assert book.sheetnames == ["Đợt 1", "Đợt 2", "Toàn kế hoạch", "Dòng bị loại", "Thông tin"]


def test_header_rows(book: Workbook) -> None:
    """Row 1: the plan's Vietnamese labels; row 2: the ids. The header and the first three
    columns are frozen, the filter is on row 2, the labels are bold and wrap."""
    ws = sheet(book, "Toàn kế hoạch")
    assert row_values(ws, 2) == IDS
    labels = row_values(ws, 1)
    assert labels[:4] == ["Tên đơn vị", "Mã đơn vị", "Loại đơn vị",
                          "Thi đua hỗ trợ Công an cấp xã nắm tình hình an ninh, trật tự"]
    assert labels[9] == "Thi đua xây dựng, phát huy, nhân rộng những hình ảnh đẹp của lực lượng"
    assert labels[10:12] == [
        "80% nguồn tin do Nhân dân cung cấp cho Công an cấp xã thông qua lực lượng",
        "80% nguồn tin do Nhân dân cung cấp cho Công an cấp xã thông qua lực lượng: "
        "chênh lệch"]
    assert labels[30] == ("Mỗi Tổ mỗi tháng thực hiện ít nhất 01 việc tốt hoặc có cá nhân "
                          "được biểu dương, khen thưởng (số tháng đạt)")
    assert labels[32] == "Ghi chú"
    assert ws.freeze_panes == "D3"
    assert ws.auto_filter.ref == f"A2:AG{LAST_DATA_ROW}"
    assert ws["A1"].font.bold and ws["D1"].alignment.wrap_text
    assert ws.column_dimensions["A"].width == 33  # the longest name, 31 characters, + 2
    assert ws.column_dimensions["D"].width == 16


def test_one_row_per_evaluated_unit(book: Workbook) -> None:
    """Rows 3 to 266: the 264 units evaluated in the window, in the evaluation's order (each
    commune, then its ten teams); no district. Below, after a blank row, the notes."""
    for name, window in (("Đợt 1", "phase_1"), ("Đợt 2", "phase_2"),
                         ("Toàn kế hoạch", "campaign")):
        ws = sheet(book, name)
        units = [ws.cell(row=r, column=2).value for r in range(3, LAST_DATA_ROW + 1)]
        assert units == [r.unit for r in EV.results if r.window == window]
        assert ws.cell(row=LAST_DATA_ROW + 1, column=1).value is None
    ws = sheet(book, "Toàn kế hoạch")
    assert row_values(ws, 3)[:10] == ["Xã Đông 1", "h1x01", "Xã", "đạt", "đạt", "đạt",
                                      "không đạt", "đạt", "không đạt", None]
    assert row_values(ws, 4)[:10] == ["Tổ bảo vệ ANTT Thôn Đắk 1", "h1x01t01", "Tổ", None,
                                      None, None, None, None, None, "không đạt"]
    assert row_values(ws, 4)[30:33] == [9, -2, None]
    assert row_values(ws, LAST_DATA_ROW)[:3] == ["Tổ bảo vệ ANTT Tổ dân phố An 8", "h3x08t10",
                                                 "Tổ"]
    assert ws.cell(row=LAST_DATA_ROW + 2, column=1).value == (
        "Kỳ Toàn kế hoạch (campaign) đã kết thúc tại ngày tính 31/08/2025: kết quả là cuối "
        "cùng.")
    assert not {"h1", "h2", "h3"} & {ws.cell(row=r, column=2).value
                                     for r in range(3, LAST_DATA_ROW + 1)}


def test_values_are_numbers_with_their_formats(book: Workbook) -> None:
    """h1x01 over the campaign: the share of tips 0.834783 is a float shown as a percentage;
    the patrol share's margin -0.001984 is a negative float (no apostrophe, no quote prefix);
    a count (3 models) is a whole number; a target met exactly has margin 0."""
    ws = sheet(book, "Toàn kế hoạch")
    share = ws["K3"]
    assert share.value == 0.834783 and isinstance(share.value, float)
    assert share.data_type == "n" and share.number_format == "0.00%"
    margin = ws["AB3"]
    assert margin.value == -0.001984 and isinstance(margin.value, float)
    assert margin.data_type == "n" and not margin.quotePrefix
    assert margin.number_format == "+0.00%;-0.00%;0.00%"
    count = ws["O3"]
    assert (count.value, count.data_type, count.number_format) == (3, "n", "0")
    assert (ws["P3"].value, ws["P3"].number_format) == (2, "+0;-0;0")
    assert (ws["M3"].value, ws["N3"].value) == (1, 0)
    assert (ws["AA3"].value, ws["AC3"].value, ws["AD3"].value) == (0.998016, 1, 1)


def test_verdict_columns_are_coloured_by_their_word(book: Workbook) -> None:
    """The verdict columns D-J carry three rules: green on "đạt", red on "không đạt", amber
    on "chưa xác định" (the word stays in the cell: colour is never the only signal)."""
    ws = sheet(book, "Đợt 1")
    found = [(str(cf.sqref), r.type, r.operator, r.formula, r.dxf.fill.fgColor.rgb)
             for cf in ws.conditional_formatting for r in cf.rules]
    assert found == [
        (f"D3:J{LAST_DATA_ROW}", "cellIs", "equal", ['"đạt"'], "00C6EFCE"),
        (f"D3:J{LAST_DATA_ROW}", "cellIs", "equal", ['"không đạt"'], "00FFC7CE"),
        (f"D3:J{LAST_DATA_ROW}", "cellIs", "equal", ['"chưa xác định"'], "00FFEB9C"),
    ]
    words = {ws.cell(row=r, column=c).value for r in range(3, LAST_DATA_ROW + 1)
             for c in range(4, 11)}
    assert words == {"đạt", "không đạt", "chưa xác định", None}


def test_rejected_rows_sheet(book: Workbook) -> None:
    """The example's 4 rejected rows with their file, row, column, code, message, the code's
    meaning and the hint, in Vietnamese; row numbers are numbers."""
    ws = sheet(book, "Dòng bị loại")
    assert row_values(ws, 1) == ["Tệp", "Dòng", "Cột", "Mã lỗi", "Nội dung", "Ý nghĩa",
                                 "Gợi ý"]
    assert row_values(ws, 2) == ["file", "row", "column", "code", "message", "meaning", "hint"]
    rows = [row_values(ws, r) for r in range(3, ws.max_row + 1)]
    assert [r[:4] for r in rows] == [
        [str(METRICS), 9, "good_deeds", "invalid-count"],
        [str(METRICS), 111, "tips_via_force", "contradictory-counts"],
        [str(METRICS), 2894, "period", "duplicate-row"],
        [str(METRICS), 2895, "unit", "unknown-unit"],
    ]
    assert rows[0][4] == EV.rejected[0].message_in("vi")
    assert rows[0][5] == ("Số lượng không phải số nguyên từ 0 trở lên (1,5; -2; chữ; ...): "
                          "dòng bị loại.")
    assert rows[1][6] == EV.rejected[1].hint_in("vi")
    assert EV.rejected[1].hint == "a part cannot exceed its whole; fix the source data"
    assert ws.freeze_panes == "A3" and ws.auto_filter.ref == "A2:G6"


def test_rejected_rows_default_to_the_evaluation(tmp_path: Path) -> None:
    """Without ``rejected`` the sheet lists the evaluation's rejected rows; an empty sequence
    lists none."""
    path = tmp_path / "r.xlsx"
    write_results_workbook(path, EV, PLAN)
    assert sheet(load_workbook(path), "Dòng bị loại").max_row == 2 + 4
    write_results_workbook(path, EV, PLAN, rejected=())
    assert sheet(load_workbook(path), "Dòng bị loại").max_row == 2


def test_record_sheet(book: Workbook) -> None:
    """The decision record: plan, document, issuer, the dates used, the plan hash, each input
    with its hash, the row counts, each window's state and the tool version."""
    ws = sheet(book, "Thông tin")
    rows = [tuple(row_values(ws, r)) for r in range(3, ws.max_row + 1)]
    assert rows == [
        ("Mã kế hoạch", "kon_plong", None),
        ("Tên kế hoạch", PLAN.title.vi, None),
        ("Số văn bản", "/KH-UBND", None),
        ("Cơ quan ban hành", "Ủy ban nhân dân huyện Kon Plông", None),
        ("Ngày ban hành dùng để tính", datetime(2024, 10, 15), None),
        ("Tính đến ngày", datetime(2025, 8, 31), None),
        ("Mã băm kế hoạch (sha256)", plan_hash(PLAN), None),
        ("Tệp đầu vào", "kon_plong_metrics.csv", "sha256:" + "a" * 64),
        ("Tệp đầu vào", "kon_plong_units.csv", "sha256:" + "b" * 64),
        ("Số dòng đã đọc", 2894, None),
        ("Số dòng đã tính", 2890, None),
        ("Số dòng bị loại", 4, None),
        ("Số đơn vị không có số liệu", 0, None),
        ("Kỳ đánh giá", "Đợt 1", "phase_1: đã kết thúc"),
        ("Kỳ đánh giá", "Đợt 2", "phase_2: đã kết thúc"),
        ("Kỳ đánh giá", "Toàn kế hoạch", "campaign: đã kết thúc"),
        ("Phiên bản công cụ", f"emulation-rules {er.__version__}", None),
    ]
    assert EV.plan_hash == plan_hash(PLAN) and EV.plan_hash.startswith("sha256:")
    assert ws["B7"].number_format == "DD/MM/YYYY"


def test_candidates_sheet_with_an_awards_report(awards_book: Workbook) -> None:
    """With the final awards report: "Ứng viên khen thưởng" after the windows, one row per
    candidate and condition (264 units x 2 awards, one condition each); the record names the
    review."""
    assert awards_book.sheetnames == ["Đợt 1", "Đợt 2", "Toàn kế hoạch", "Ứng viên khen thưởng",
                                      "Dòng bị loại", "Thông tin"]
    ws = sheet(awards_book, "Ứng viên khen thưởng")
    assert row_values(ws, 1) == ["Khen thưởng", "Hình thức", "Cấp khen", "Tên đơn vị",
                                 "Mã đơn vị", "Tiêu chuẩn", "Kết quả", "Điều kiện",
                                 "Kết quả điều kiện", "Chi tiết", "Mục"]
    assert row_values(ws, 2) == ["award", "form", "granted_by", "name", "unit", "standard",
                                 "verdict", "condition", "condition_verdict", "detail",
                                 "section"]
    assert row_values(ws, 3) == [
        "Giấy khen của Chủ tịch Ủy ban nhân dân huyện", "Giấy khen",
        "Chủ tịch Ủy ban nhân dân huyện", "Tổ bảo vệ ANTT Thôn Măng 1", "h1x01t02",
        "collective", "đạt", "outstanding", "đạt",
        "every criterion met in phase_1, phase_2, campaign (local default rule)", "II.4"]
    assert ws.max_row == 2 + 2 * 264
    assert {ws.cell(row=r, column=1).value for r in range(3, ws.max_row + 1)} == {
        "Giấy khen của Chủ tịch Ủy ban nhân dân huyện",
        "Bằng khen của Ủy ban nhân dân tỉnh (do huyện đề xuất)"}
    rules = {(str(cf.sqref), r.formula[0]) for cf in ws.conditional_formatting
             for r in cf.rules}
    assert ("G3:G530", '"đạt"') in rules and ("I3:I530", '"không đạt"') in rules
    record = sheet(awards_book, "Thông tin")
    assert ("Lần xét khen thưởng", "final", "final_review") in [
        tuple(row_values(record, r)) for r in range(3, record.max_row + 1)]


def test_english(tmp_path: Path) -> None:
    """lang="en": English sheet names, labels and verdict words (row 2 keeps the ids)."""
    path = tmp_path / "results.xlsx"
    report = er.awards(PLAN, EV, "final", units=UNITS)
    write_results_workbook(path, EV, PLAN, units=UNITS, rejected=EV.rejected, report=report,
                           lang="en")
    book = load_workbook(path)
    assert book.sheetnames == ["Phase 1", "Phase 2", "Whole plan", "Award candidates",
                               "Rejected rows", "Record"]
    ws = sheet(book, "Whole plan")
    assert row_values(ws, 1)[:3] == ["Unit name", "Unit id", "Kind"]
    assert row_values(ws, 2) == IDS
    assert row_values(ws, 3)[:10] == ["Xã Đông 1", "h1x01", "commune", "met", "met", "met",
                                      "not met", "met", "not met", None]
    assert [r.formula for cf in ws.conditional_formatting for r in cf.rules] == [
        ['"met"'], ['"not met"'], ['"undecided"']]
    assert sheet(book, "Award candidates")["B3"].value == "Commendation"
    assert sheet(book, "Record")["A3"].value == "Plan id"
    assert sheet(book, "Record")["B7"].number_format == "YYYY-MM-DD"


HOSTILE = ["<script>alert(1)</script>", "=cmd|' /C calc'!A0", "\x1b[31mred", "-1+1",
           "+1", "@SUM(A1)", "#N/A"]


def test_hostile_names_and_ids_stay_inert(tmp_path: Path) -> None:
    """Unit names and ids that look like formulas, markup, error values or terminal escapes
    are string cells holding the text (control characters escaped), formula-like ones with
    Excel's quote prefix; no sheet of the workbook holds a formula."""
    renamed = {"h1x01": HOSTILE[0], "h1x01t01": HOSTILE[1], "h1x01t02": HOSTILE[2],
               "h1x01t03": HOSTILE[3], "h1x01t04": HOSTILE[4], "h1x01t05": HOSTILE[5],
               "h1x01t06": HOSTILE[6]}
    units = [replace(u, name=renamed[u.id]) if u.id in renamed else u for u in UNITS]
    first = next(r for r in EV.results if r.window == "campaign")
    odd = UnitResult("=1+1\x07", "campaign", True, criteria=first.explained())
    ev = replace(EV, results=(*EV.results, odd))
    path = tmp_path / "hostile.xlsx"
    write_results_workbook(path, ev, PLAN, units=units, rejected=EV.rejected)
    ws = sheet(load_workbook(path), "Toàn kế hoạch")
    cells = [ws.cell(row=r, column=1) for r in range(3, 10)]
    assert [c.value for c in cells] == ["<script>alert(1)</script>", "=cmd|' /C calc'!A0",
                                        "\\x1b[31mred", "-1+1", "+1", "@SUM(A1)", "#N/A"]
    assert {c.data_type for c in cells} == {"s"}
    assert [c.quotePrefix for c in cells] == [False, True, False, True, True, True, False]
    added = ws.cell(row=LAST_DATA_ROW + 1, column=2)
    assert (added.value, added.data_type, added.quotePrefix) == ("=1+1\\x07", "s", True)
    for xml in sheet_xml(path):
        assert "<f>" not in xml and "<f " not in xml
        assert "\x1b" not in xml and "\x07" not in xml


def test_output_is_the_same_on_every_run(tmp_path: Path, book_path: Path) -> None:
    """Two runs give the same bytes (the document's dates are the as-of date, the archive's
    entries carry a fixed date)."""
    again = tmp_path / "again.xlsx"
    write_results_workbook(again, EV, PLAN, units=UNITS, rejected=EV.rejected, inputs=INPUTS)
    assert again.read_bytes() == book_path.read_bytes()
    assert load_workbook(again).properties.created == datetime(2025, 8, 31)


def test_units_without_data_are_listed_last(tmp_path: Path) -> None:
    """A commune of the units file with no row (``ev.no_data``) is on every window sheet after
    the others, every verdict undecided, noted "không có số liệu"; a note counts it."""
    units = [*UNITS, UnitInfo("h1x99", "Xã Mới", "commune", parent="h1")]
    ev = er.evaluate(PLAN, er.read_metrics(METRICS), units=units, issued=ISSUED, as_of=AS_OF)
    assert ev.no_data == ("h1x99",)
    path = tmp_path / "no_data.xlsx"
    write_results_workbook(path, ev, PLAN, units=units)
    book = load_workbook(path)
    for name in ("Đợt 1", "Đợt 2", "Toàn kế hoạch"):
        ws = sheet(book, name)
        last = row_values(ws, LAST_DATA_ROW + 1)
        assert last[:10] == ["Xã Mới", "h1x99", "Xã", *["chưa xác định"] * 6, None]
        assert last[32] == "không có số liệu"
        assert ws.cell(row=LAST_DATA_ROW + 6, column=1).value == (
            "1 đơn vị không có dòng số liệu nào: được liệt kê cuối bảng, ghi chú “không có số "
            "liệu”.")
    assert ("Số đơn vị không có số liệu", 1, None) in [
        tuple(row_values(sheet(book, "Thông tin"), r)) for r in range(3, 20)]


def test_a_running_window_is_said_to_be_running(tmp_path: Path) -> None:
    """As of 2025-03-31 phase 2 and the campaign are still running: their sheets and the
    record say the verdicts are not final."""
    ev = er.evaluate(PLAN, er.read_metrics(METRICS), units=UNITS, issued=ISSUED,
                     as_of=date(2025, 3, 31))
    path = tmp_path / "running.xlsx"
    write_results_workbook(path, ev, PLAN, units=UNITS)
    book = load_workbook(path)
    ws = sheet(book, "Đợt 2")
    assert ws.cell(row=LAST_DATA_ROW + 2, column=1).value == (
        "Kỳ Đợt 2 (phase_2) chưa kết thúc tại ngày tính 31/03/2025: kết quả chưa phải cuối "
        "cùng.")
    record = [tuple(row_values(sheet(book, "Thông tin"), r)) for r in range(3, 22)]
    assert ("Kỳ đánh giá", "Đợt 1", "phase_1: đã kết thúc") in record
    assert ("Kỳ đánh giá", "Đợt 2",
            "phase_2: chưa kết thúc: kết quả chưa phải cuối cùng") in record


def test_without_units_names_are_blank_and_kinds_come_from_the_targets(tmp_path: Path) -> None:
    """Without ``units``: the name column is blank, the kind is the level of the unit's
    targets."""
    path = tmp_path / "no_units.xlsx"
    write_results_workbook(path, EV, PLAN)
    ws = sheet(load_workbook(path), "Đợt 1")
    assert row_values(ws, 3)[:3] == [None, "h1x01", "Xã"]
    assert row_values(ws, 4)[:3] == [None, "h1x01t01", "Tổ"]


def test_years_stages_and_award_conditions(tmp_path: Path) -> None:
    """phuong_tien: a sheet per year and per five-year stage ("Năm 2026", "Giai đoạn
    2026-2030"); its criteria have no target, so the verdict columns are the awards whose
    conditions the evaluator decides; a yes/no attestation is "có"/"không" with no margin."""
    plan = er.load_plan("phuong_tien")
    units, _, _ = er.read_unit_tree(EXAMPLES / "phuong_tien_units.csv")
    attested, _, _ = er.read_attestations(EXAMPLES / "phuong_tien_attestations.csv")
    ev = er.evaluate(plan, er.read_metrics(EXAMPLES / "phuong_tien_metrics.csv"), units=units,
                     as_of=date(2031, 1, 31), attestations=attested)
    path = tmp_path / "phuong_tien.xlsx"
    write_results_workbook(path, ev, plan, units=units)
    book = load_workbook(path)
    assert book.sheetnames == [*(f"Năm {y}" for y in range(2026, 2036)), "Giai đoạn 2026-2030",
                               "Giai đoạn 2031-2035", "Dòng bị loại", "Thông tin"]
    ws = sheet(book, "Năm 2027")
    assert row_values(ws, 2)[:9] == ["name", "unit", "kind", "emulation_flag",
                                     "certificate_of_merit", "replicated_model",
                                     "replicated_model.margin", "has_movement_plan",
                                     "security_safe_certified"]
    assert str(row_values(ws, 1)[3]).endswith(" (điều kiện khen thưởng)")
    assert row_values(ws, 3)[:9] == ["Cơ quan số 1", "agency_01", "Cơ quan", "không đạt", "đạt",
                                     0, -1, "có", "có"]


def test_sheet_names_follow_excels_rules() -> None:
    """No ``: \\ / ? * [ ]``, control characters dropped, at most 31 characters, no apostrophe
    at either end, unique whatever the case ("History" is Excel's own)."""
    taken = {"thông tin"}
    assert sheet_name("Đợt 1: khởi động/tổng kết [2025]?*", taken) == (
        "Đợt 1- khởi động-tổng kết -2025")
    assert sheet_name("Giai đoạn\x1b 2026\\2030", taken) == "Giai đoạn 2026-2030"
    assert sheet_name("Thông tin", taken) == "Thông tin (2)"
    assert sheet_name("THÔNG TIN", taken) == "THÔNG TIN (3)"
    long = "Đợt thi đua cao điểm chào mừng kỷ niệm 80 năm"
    assert sheet_name(long, taken) == "Đợt thi đua cao điểm chào mừng"
    assert sheet_name(long, taken) == "Đợt thi đua cao điểm chào m (2)"
    assert sheet_name("'quoted'", taken) == "quoted"
    assert sheet_name("History", taken) == "History -"
    assert sheet_name("\x1b\x07", taken) == "-"
    assert all(len(n) <= 31 for n in taken)


def test_refuses_another_plan_and_an_unknown_language(tmp_path: Path) -> None:
    """An evaluation of another plan, or a language other than vi and en, is refused."""
    with pytest.raises(ResultsWorkbookError, match="another plan"):
        write_results_workbook(tmp_path / "x.xlsx", EV, er.load_plan("bac_giang"))
    with pytest.raises(ResultsWorkbookError, match="lang is vi or en"):
        write_results_workbook(tmp_path / "x.xlsx", EV, PLAN, lang="fr")  # type: ignore[arg-type]
    assert not (tmp_path / "x.xlsx").exists()


def test_without_openpyxl_the_error_says_what_to_install(tmp_path: Path,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    """Without openpyxl: ResultsExcelMissingError (an EmulationRulesError) naming the extra."""
    monkeypatch.setitem(sys.modules, "openpyxl", None)
    with pytest.raises(ResultsExcelMissingError) as caught:
        write_results_workbook(tmp_path / "x.xlsx", EV, PLAN)
    assert str(caught.value) == (
        "openpyxl is needed to write the results workbook: pip install 'emulation-rules[excel]'")
    with using("vi"):  # the text is in the current language
        assert str(caught.value) == (
            "cần gói openpyxl để ghi bảng kết quả Excel: pip install 'emulation-rules[excel]'")
    assert isinstance(caught.value, er.EmulationRulesError)
