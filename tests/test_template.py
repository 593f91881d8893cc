"""The data-entry workbook (issue 12, item 2): what a commune fills in, as openpyxl reads it back.

Generated for ``kon_plong`` with the units of ``examples/kon_plong_units.csv`` (3 districts, 24
communes, 240 teams) for 2024-10..2025-08 (11 months): the districts have no row (no target is
evaluated for them), every commune and team has 11, each unit's months together.
"""

from __future__ import annotations

import csv
import sys
import zipfile
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest
from openpyxl import Workbook, load_workbook
from openpyxl.worksheet.worksheet import Worksheet

import emulation_rules as er
from emulation_rules import template
from emulation_rules.evaluation import _columns, _compile
from emulation_rules.i18n import using
from emulation_rules.records import UnitInfo
from emulation_rules.template import (
    EntryWorkbookError,
    ExcelSupportMissingError,
    entry_layout,
    plan_readers,
    write_entry_workbook,
)
from emulation_rules.vocabulary import METRICS

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
PLAN = er.load_plan("kon_plong")
UNITS, _UNIT_ISSUES, _ = er.read_unit_tree(EXAMPLES / "kon_plong_units.csv")

COMMUNE_IDS = ["tips_total", "tips_via_force", "incidents_total", "incidents_force_present",
               "models_recognised", "rescue_callouts", "rescue_callouts_present",
               "conditional_business_violations", "household_records_total",
               "household_records_provided", "illegal_weapons_cases", "reoffences"]
IDS = ["unit", "name", "period", *COMMUNE_IDS, "force_members", "force_members_patrolling",
       "serious_traffic_accidents", "good_deeds", "members_commended"]
"""Row 2 of the data sheet (columns A to T): the vocabulary's order."""
TEAM_COLUMNS = ("P", "Q", "S", "T")  # force_members(_patrolling), good_deeds, members_commended
COMMUNE_COLUMNS = ("D", "E", "F", "G", "H", "I", "J", "K", "L", "M", "N", "O", "R")
BLOCK = 11 + 10 * 11
"""Rows of one commune: its 11 months, then its 10 teams' 11 months each."""


@pytest.fixture(scope="module")
def book_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("entry") / "kon_plong.xlsx"
    write_entry_workbook(PLAN, UNITS, "2024-10", "2025-08", path)
    return path


@pytest.fixture(scope="module")
def book(book_path: Path) -> Workbook:
    return load_workbook(book_path)


def data_sheet(book: Workbook) -> Worksheet:
    ws = book.worksheets[0]
    assert isinstance(ws, Worksheet)
    return ws


def help_sheet(book: Workbook) -> Worksheet:
    ws = book.worksheets[1]
    assert isinstance(ws, Worksheet)
    return ws


def row_values(ws: Worksheet, row: int) -> list[Any]:
    return [c.value for c in ws[row]]


def test_units_file_reads_cleanly() -> None:
    """The example units file gives 267 units (3 districts, 24 communes, 240 teams)."""
    assert _UNIT_ISSUES == []
    kinds = [u.kind for u in UNITS]
    assert (kinds.count("district"), kinds.count("commune"), kinds.count("team")) == (3, 24, 240)


def test_sheet_names_and_header_rows(book: Workbook) -> None:
    """Sheet 1 "Nhập liệu", sheet 2 "Giải thích"; row 1 holds the vocabulary's Vietnamese
    labels exactly, row 2 the ids (unit, name, period, then the metrics in vocabulary order)."""
    assert book.sheetnames == ["Nhập liệu", "Giải thích"]
    ws = data_sheet(book)
    assert row_values(ws, 2) == IDS
    assert row_values(ws, 1) == ["Đơn vị", "Tên đơn vị", "Tháng",
                                 *(METRICS[m].vi for m in IDS[3:])]
    assert ws["D1"].value == "Nguồn tin do Nhân dân cung cấp cho Công an cấp xã"
    assert ws["T1"].value == ("Cá nhân được biểu dương, khen thưởng, ghi nhận gương người tốt, "
                              "việc tốt")
    assert ws["A1"].font.bold and ws["A1"].alignment.wrap_text
    assert ws.max_column == 20


def test_rows_are_each_unit_with_a_target_for_each_month(book: Workbook) -> None:
    """24 communes and 240 teams x 11 months = 2904 data rows (rows 3 to 2906), each unit's
    months together in the units file's order; the districts have none."""
    ws = data_sheet(book)
    assert ws.max_row == 2 + 2904
    assert row_values(ws, 3)[:3] == ["h1x01", "Xã Đông 1", "2024-10"]
    assert row_values(ws, 13)[:3] == ["h1x01", "Xã Đông 1", "2025-08"]
    assert row_values(ws, 14)[:3] == ["h1x01t01", "Tổ bảo vệ ANTT Thôn Đắk 1", "2024-10"]
    assert row_values(ws, 3 + BLOCK)[:3] == ["h1x02", "Xã Đông 2", "2024-10"]
    assert row_values(ws, 2906)[:3] == ["h3x08t10", "Tổ bảo vệ ANTT Tổ dân phố An 8", "2025-08"]
    units = [ws.cell(row=r, column=1).value for r in range(3, 2907)]
    assert len(set(units)) == 264
    assert not {"h1", "h2", "h3"} & set(units)


def test_period_and_unit_cells_are_text(book: Workbook) -> None:
    """Every period is the str "2024-10" style with number format "@" (never a date); unit
    ids and names are text too."""
    ws = data_sheet(book)
    months = ["2024-10", "2024-11", "2024-12", "2025-01", "2025-02", "2025-03", "2025-04",
              "2025-05", "2025-06", "2025-07", "2025-08"]
    assert [ws.cell(row=r, column=3).value for r in range(3, 14)] == months
    for r in range(3, 2907):
        period, unit, name = ws.cell(row=r, column=3), ws.cell(row=r, column=1), ws.cell(
            row=r, column=2)
        assert isinstance(period.value, str) and period.data_type == "s"
        assert period.number_format == "@" and unit.number_format == "@"
        assert name.number_format == "@"
        assert isinstance(unit.value, str)


def test_cells_a_row_does_not_give_are_grey(book: Workbook) -> None:
    """A commune row gives the commune counts (D-O, R); its teams give the team counts (P, Q,
    S, T): the other cells of each row are grey."""
    ws = data_sheet(book)
    for col in TEAM_COLUMNS:
        assert ws[f"{col}3"].fill.fgColor.rgb == "00D9D9D9"
        assert ws[f"{col}14"].fill.fill_type is None
    for col in COMMUNE_COLUMNS:
        assert ws[f"{col}3"].fill.fill_type is None
        assert ws[f"{col}14"].fill.fgColor.rgb == "00D9D9D9"


def _validations(ws: Worksheet) -> list[tuple[Any, ...]]:
    return [(dv.type, dv.operator, dv.formula1, str(dv.sqref).split())
            for dv in ws.data_validations.dataValidation]


def test_data_validations(book: Workbook) -> None:
    """Whole numbers >= 0 on the counts outside ratio pairs; a custom check on each half of a
    ratio pair (part not above whole, relative to the first cell of its ranges); any entry
    refused in grey cells. Only data rows, each unit's block of rows as one range."""
    ws = data_sheet(book)
    found = _validations(ws)
    assert [(t, o, f) for t, o, f, _ in found] == [
        ("whole", "greaterThanOrEqual", "0"),
        ("custom", None, 'AND(ISNUMBER(D3),D3>=0,D3=INT(D3),OR(E3="",E3<=D3))'),
        ("custom", None, 'AND(ISNUMBER(E3),E3>=0,E3=INT(E3),OR(D3="",E3<=D3))'),
        ("custom", None, 'AND(ISNUMBER(F3),F3>=0,F3=INT(F3),OR(G3="",G3<=F3))'),
        ("custom", None, 'AND(ISNUMBER(G3),G3>=0,G3=INT(G3),OR(F3="",G3<=F3))'),
        ("custom", None, 'AND(ISNUMBER(I3),I3>=0,I3=INT(I3),OR(J3="",J3<=I3))'),
        ("custom", None, 'AND(ISNUMBER(J3),J3>=0,J3=INT(J3),OR(I3="",J3<=I3))'),
        ("custom", None, 'AND(ISNUMBER(L3),L3>=0,L3=INT(L3),OR(M3="",M3<=L3))'),
        ("custom", None, 'AND(ISNUMBER(M3),M3>=0,M3=INT(M3),OR(L3="",M3<=L3))'),
        ("custom", None, 'AND(ISNUMBER(P14),P14>=0,P14=INT(P14),OR(Q14="",Q14<=P14))'),
        ("custom", None, 'AND(ISNUMBER(Q14),Q14>=0,Q14=INT(Q14),OR(P14="",Q14<=P14))'),
        ("textLength", "equal", "0"),
    ]
    whole, tips_total, *_, members, members_patrolling, grey = (r for *_, r in found)
    # whole numbers: H, K, N:O and R on the 24 communes' rows, S:T on their teams' rows
    assert whole[:6] == ["H3:H13", "H124:H134", "H245:H255", "H366:H376", "H487:H497",
                         "H608:H618"]
    assert len(whole) == 5 * 24
    assert {"K3:K13", "N3:O13", "R3:R13", "S14:T123", "S2797:T2906", "R2786:R2796"} <= set(
        whole)
    assert tips_total[:3] == ["D3:D13", "D124:D134", "D245:D255"] and len(tips_total) == 24
    assert tips_total[-1] == "D2786:D2796"
    assert members[:2] == ["P14:P123", "P135:P244"] and members[-1] == "P2797:P2906"
    assert members_patrolling[0] == "Q14:Q123" and len(members_patrolling) == 24
    assert grey[:3] == ["D14:O123", "D135:O244", "D256:O365"]
    assert {"P3:Q13", "S3:T13", "R14:R123", "P2786:Q2796"} <= set(grey)
    assert len(grey) == 4 * 24
    for dv in ws.data_validations.dataValidation:
        assert dv.allow_blank and dv.showErrorMessage and dv.errorStyle == "stop"
        assert dv.error is not None and len(dv.error) <= 255
        assert dv.errorTitle is not None and len(dv.errorTitle) <= 32
    first = ws.data_validations.dataValidation[0]
    assert first.error == "Nhập số nguyên từ 0 trở lên; để trống nếu chưa có số liệu."
    assert ws.data_validations.dataValidation[1].error == (
        "Nhập số nguyên từ 0 trở lên; để trống nếu chưa có số liệu. tips_via_force (cột E) "
        "không được lớn hơn tips_total (cột D) cùng dòng.")


def test_every_data_cell_has_exactly_one_validation(book: Workbook) -> None:
    """The validations cover rows 3-2906 of columns D-T once each, and nothing else (no
    header cell, no unit, name or period cell)."""
    ws = data_sheet(book)
    covered: list[tuple[int, int]] = []
    for dv in ws.data_validations.dataValidation:
        for rng in dv.sqref.ranges:
            covered += [(r, c) for r in range(rng.min_row, rng.max_row + 1)
                        for c in range(rng.min_col, rng.max_col + 1)]
    assert len(covered) == len(set(covered)) == 2904 * 17
    assert {r for r, _ in covered} == set(range(3, 2907))
    assert {c for _, c in covered} == set(range(4, 21))


def test_frozen_panes_filter_and_widths(book: Workbook) -> None:
    """Rows 1-2 and the unit, name and period columns stay in view; a filter on row 2."""
    ws = data_sheet(book)
    assert ws.freeze_panes == "D3"
    assert ws.auto_filter.ref == "A2:T2906"
    assert ws.print_title_rows == "$1:$2"
    assert ws.column_dimensions["C"].width == 10
    assert ws.column_dimensions["D"].width == 16
    assert ws.row_dimensions[1].height is not None and ws.row_dimensions[1].height > 15


def test_explanation_sheet_lists_every_column(book: Workbook) -> None:
    """One row per column of the data sheet: its letter, id, Vietnamese and English labels,
    level, the rows that give it, its constraint and the sections of the targets reading it."""
    ws = help_sheet(book)
    assert row_values(ws, 1) == ["Cột", "Mã cột", "Tên tiếng Việt", "Tên tiếng Anh (English)",
                                 "Cấp ghi nhận", "Nhập ở dòng của", "Giá trị", "Ràng buộc",
                                 "Mục", "Chỉ tiêu, điều kiện đọc cột này"]
    assert [ws.cell(row=r, column=2).value for r in range(2, 22)] == IDS
    assert [ws.cell(row=r, column=1).value for r in range(2, 22)] == [
        chr(ord("A") + k) for k in range(20)]
    sections = {ws.cell(row=r, column=2).value: ws.cell(row=r, column=9).value
                for r in range(5, 22)}
    assert sections == {
        "tips_total": "4.1", "tips_via_force": "4.1", "incidents_total": "4.1",
        "incidents_force_present": "4.1", "models_recognised": "4.2", "rescue_callouts": "4.3",
        "rescue_callouts_present": "4.3", "conditional_business_violations": "4.4",
        "household_records_total": "4.4", "household_records_provided": "4.4",
        "illegal_weapons_cases": "4.4", "reoffences": "4.5", "force_members": "4.6",
        "force_members_patrolling": "4.6", "serious_traffic_accidents": "4.6",
        "good_deeds": "4.7", "members_commended": "4.7"}
    assert row_values(ws, 6) == [
        "E", "tips_via_force", METRICS["tips_via_force"].vi, METRICS["tips_via_force"].en,
        "commune", "commune", "Số nguyên từ 0 trở lên; để trống nếu chưa có số liệu",
        "không lớn hơn tips_total", "4.1", "4.1: tips_via_force (nội dung situation_awareness)"]
    assert row_values(ws, 17)[4:] == [
        "team", "team", "Số nguyên từ 0 trở lên; để trống nếu chưa có số liệu",
        "không nhỏ hơn force_members_patrolling", "4.6",
        "4.6: all_members_patrol (nội dung patrol_traffic)"]
    assert row_values(ws, 2)[:6] == ["A", "unit", "Đơn vị", "Unit", None, "mọi dòng"]
    assert row_values(ws, 4)[:4] == ["C", "period", "Tháng", "Month"]
    notes = [str(ws.cell(row=r, column=1).value) for r in range(23, 28)]
    assert notes[0].startswith("Kế hoạch kon_plong: ")
    assert notes[0].endswith("Các tháng 2024-10 đến 2025-08.")
    assert notes[3] == "Để trống ô chưa có số liệu: ô trống là thiếu số liệu, không phải số 0."


def test_names_that_look_like_formulas_stay_text(tmp_path: Path) -> None:
    """A unit named "=1+1" (or "+1", "-1", "@SUM(A1)"), even with an id starting with "=", is
    written as a string cell: the sheet's XML holds no formula."""
    units = [UnitInfo("=x", "=1+1", "commune"), UnitInfo("x2", "+1", "commune"),
             UnitInfo("x3", "-1", "commune"), UnitInfo("x4", "@SUM(A1)", "commune"),
             UnitInfo("x5", "Xã\x1bĐông", "commune")]
    path = tmp_path / "f.xlsx"
    write_entry_workbook(PLAN, units, "2025-01", "2025-01", path)
    with zipfile.ZipFile(path) as z:
        xml = z.read("xl/worksheets/sheet1.xml").decode("utf-8")
    assert "<f>" not in xml and "<f " not in xml
    ws = data_sheet(load_workbook(path))
    cells = [(ws.cell(row=r, column=1).value, ws.cell(row=r, column=2).value,
              ws.cell(row=r, column=2).data_type) for r in range(3, 8)]
    assert cells == [("=x", "=1+1", "s"), ("x2", "+1", "s"), ("x3", "-1", "s"),
                     ("x4", "@SUM(A1)", "s"), ("x5", "Xã\\x1bĐông", "s")]
    assert ws["A3"].data_type == "s"


def test_output_is_the_same_on_every_run(tmp_path: Path, book_path: Path) -> None:
    """Two runs give the same bytes (fixed document dates, fixed archive dates), hence the
    same sheet contents; the document's dates are the first day of the first month."""
    again = tmp_path / "again.xlsx"
    write_entry_workbook(PLAN, UNITS, "2024-10", "2025-08", again)
    assert again.read_bytes() == book_path.read_bytes()
    one, two = load_workbook(book_path), load_workbook(again)
    for a, b in zip(one.worksheets, two.worksheets, strict=True):
        assert isinstance(a, Worksheet) and isinstance(b, Worksheet)
        assert list(a.iter_rows(values_only=True)) == list(b.iter_rows(values_only=True))
    assert one.properties.created == one.properties.modified == datetime(2024, 10, 1)
    assert one.properties.creator == "emulation-rules"


def test_filled_numbers_read_back_as_ints(tmp_path: Path, book_path: Path) -> None:
    """Numbers typed into the cells (here with openpyxl) read back as ints; the period stays
    the text it was."""
    wb = load_workbook(book_path)
    ws = data_sheet(wb)
    ws["D3"], ws["E3"], ws["P14"], ws["Q14"], ws["S14"] = 23, 18, 6, 6, 3
    filled = tmp_path / "filled.xlsx"
    wb.save(filled)
    back = data_sheet(load_workbook(filled))
    values = [back[c].value for c in ("D3", "E3", "P14", "Q14", "S14")]
    assert values == [23, 18, 6, 6, 3]
    assert all(type(v) is int for v in values)
    assert back["C3"].value == "2024-10" and back["F3"].value is None


def test_example_values_fall_in_open_cells_and_evaluate_the_same(tmp_path: Path,
                                                                 book_path: Path) -> None:
    """Every value of examples/kon_plong_metrics.csv for a unit of the workbook lies in a cell
    its row gives (not a grey one); the workbook filled with them and read from its row 2 on
    evaluates to the same verdicts as the example file."""
    ws = data_sheet(load_workbook(book_path))  # a copy: the module's book stays unfilled
    where = {(ws.cell(row=r, column=1).value, ws.cell(row=r, column=3).value): r
             for r in range(3, 2907)}
    source = EXAMPLES / "kon_plong_metrics.csv"
    with source.open(encoding="utf-8-sig", newline="") as f:
        rows = list(csv.DictReader(f))
    filled = 0
    for rec in rows:
        r = where.get((rec["unit"], rec["period"]))
        if r is None:
            continue
        for j, cid in enumerate(IDS[3:], start=4):
            text = rec.get(cid, "")
            if text:
                cell = ws.cell(row=r, column=j)
                assert cell.fill.fill_type is None, (rec["unit"], cid)
                cell.value = int(text) if text.isdigit() else text
                filled += 1
    assert filled == 13912
    out = tmp_path / "filled.xlsx"  # saved as staff would, and read as a workbook
    assert ws.parent is not None
    ws.parent.save(out)
    issued, as_of = date(2024, 10, 15), date(2025, 8, 31)
    direct = er.evaluate(PLAN, er.read_metrics(source), units=UNITS, issued=issued, as_of=as_of)
    read = er.read_metrics(out)
    # the example's planted 'hai' is refused from the workbook as from the CSV
    assert [(i.code, i.message) for i in read.rejected] == [
        ("invalid-count", "good_deeds = 'hai' is not a whole number of 0 or more")]
    assert read.records[0].file == f"{out}[Nhập liệu]"
    via = er.evaluate(PLAN, read, units=UNITS, issued=issued, as_of=as_of)
    assert {(r.unit, r.window): r.target_verdicts() for r in via.results} == {
        (r.unit, r.window): r.target_verdicts() for r in direct.results}
    assert via.rows_total == 2904


def test_attestation_columns_take_yes_or_no(tmp_path: Path) -> None:
    """phuong_tien's award conditions read counts and attestations: attestation columns come
    after the counts, take "có"/"không" from a list; business_security_standard is given on
    business rows only. In English the list is yes/no and the labels are the ``en`` ones."""
    plan = er.load_plan("phuong_tien")
    units, issues, _ = er.read_unit_tree(EXAMPLES / "phuong_tien_units.csv")
    assert issues == []
    path = tmp_path / "pt.xlsx"
    write_entry_workbook(plan, units, "2026-01", "2026-02", path)
    ws = data_sheet(load_workbook(path))
    assert row_values(ws, 2) == [
        "unit", "name", "period", "models_rated_good", "models_replicated_province_wide",
        "serious_security_incidents", "complaint_letters", "escalated_complaints",
        "security_safe_certified", "rated_excellent", "has_movement_plan",
        "effective_propaganda", "clean_organisation", "business_security_standard"]
    assert ws.max_row == 2 + 20 * 2
    found = {t: (f, r) for t, _, f, r in _validations(ws)}
    assert found["list"][0] == '"có,không"'
    businesses = [r for r in range(3, ws.max_row + 1)
                  if str(ws.cell(row=r, column=1).value).startswith("business")]
    assert len(businesses) == 16
    assert all(ws.cell(row=r, column=14).fill.fill_type is None for r in businesses)
    assert ws["N3"].fill.fgColor.rgb == "00D9D9D9"  # the commune: no business standard
    assert "I3:M42" in found["list"][1]

    english = tmp_path / "pt_en.xlsx"
    write_entry_workbook(plan, units, "2026-01", "2026-01", english, lang="en")
    wb = load_workbook(english)
    assert wb.sheetnames == ["Data entry", "Explanation"]
    ws = data_sheet(wb)
    assert row_values(ws, 1)[:4] == ["Unit", "Unit name", "Month",
                                     METRICS["models_rated_good"].en]
    assert {f for t, _, f, _ in _validations(ws) if t == "list"} == {'"yes,no"'}


def test_a_commune_without_teams_gives_the_team_counts_its_targets_read() -> None:
    """With no team under it, a commune's own row gives force_members (its target 4.6 reads
    it); good_deeds stays grey there (only the team target 4.7 reads it)."""
    layout = entry_layout(PLAN, [UnitInfo("xa", "Xã", "commune")], "2025-01", "2025-02")
    assert [(r.unit, r.period) for r in layout.rows] == [("xa", "2025-01"), ("xa", "2025-02")]
    gives = layout.rows[0].gives
    assert {"force_members", "force_members_patrolling", "tips_total"} <= gives
    assert not {"good_deeds", "members_commended"} & gives
    assert len(gives) == 15
    assert layout.ids == tuple(IDS)


def test_readers_are_what_the_evaluator_decides() -> None:
    """plan_readers mirrors the evaluator's compiled targets and award conditions (ids, unit
    kinds, what they read) for every bundled plan, so the workbook asks for what it reads."""
    for plan_id in ("kon_plong", "bac_giang", "ninh_thuan", "tuyen_quang", "phuong_tien"):
        plan = er.load_plan(plan_id)
        at = {c: i for i, c in enumerate(_columns(plan))}
        compiled = [(t.id, t.kinds, t.reads) for t in _compile(plan, at)]
        ours = [(r.id, r.kinds, r.reads) for r in plan_readers(plan)]
        assert ours == compiled, plan_id


@pytest.mark.parametrize(("first", "last", "words"), [
    ("2024-13", "2025-01", "the first month '2024-13' is not YYYY-MM"),
    ("10/2024", "2025-01", "not YYYY-MM"),
    ("2025-02", "2025-01", "the last month is before the first"),
    ("1900-01", "1900-02", "outside the years"),
])
def test_bad_months_are_refused(first: str, last: str, words: str) -> None:
    """Months are written YYYY-MM, the last not before the first."""
    with pytest.raises(EntryWorkbookError, match=words):
        entry_layout(PLAN, UNITS, first, last)


def test_inputs_it_cannot_lay_out_are_refused(tmp_path: Path,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    """A unit listed twice, an id a workbook cannot hold, too many rows and an unknown
    language are EntryWorkbookErrors (an EmulationRulesError); nothing is written."""
    path = tmp_path / "no.xlsx"
    twice = [UnitInfo("xa", kind="commune"), UnitInfo("xa", kind="commune")]
    with pytest.raises(EntryWorkbookError, match="listed twice"):
        write_entry_workbook(PLAN, twice, "2025-01", "2025-01", path)
    with pytest.raises(EntryWorkbookError, match=r"xa\\x01"):
        write_entry_workbook(PLAN, [UnitInfo("xa\x01", kind="commune")], "2025-01", "2025-01",
                             path)
    monkeypatch.setattr(template, "MAX_ROWS", 2903)
    with pytest.raises(EntryWorkbookError, match="2904 rows: more than 2903"):
        write_entry_workbook(PLAN, UNITS, "2024-10", "2025-08", path)
    with pytest.raises(er.EmulationRulesError, match="lang is vi or en"):
        write_entry_workbook(PLAN, UNITS, "2024-10", "2025-08", path,
                             lang="fr")  # type: ignore[arg-type]
    assert not path.exists()


def test_without_openpyxl_the_error_says_what_to_install(tmp_path: Path,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    """Without openpyxl: ExcelSupportMissingError, in the current language, naming the
    extra to install; the layout needs no openpyxl."""
    monkeypatch.setitem(sys.modules, "openpyxl", None)
    with pytest.raises(ExcelSupportMissingError) as caught:
        write_entry_workbook(PLAN, UNITS, "2024-10", "2025-08", tmp_path / "x.xlsx")
    assert str(caught.value) == (
        "openpyxl is needed to write Excel workbooks: pip install 'emulation-rules[excel]'")
    with using("vi"):
        assert str(caught.value) == (
            "cần gói openpyxl để ghi tệp Excel: pip install 'emulation-rules[excel]'")
    assert isinstance(caught.value, er.EmulationRulesError)
    assert len(entry_layout(PLAN, UNITS, "2024-10", "2025-08").rows) == 2904


def test_the_command_writes_a_workbook_that_reads_back_untouched(tmp_path: Path,
                                                                  cli: Any) -> None:
    """`emulation-rules template` writes the workbook; evaluating it untouched reads every row
    (no value yet: every verdict undecided) and rejects none."""
    out = tmp_path / "nhap_lieu.xlsx"
    result = cli("template", "--plan", "kon_plong", "--units",
                 str(EXAMPLES / "kon_plong_units.csv"), "--from", "2024-10", "--to", "2025-08",
                 "--output", str(out))
    assert result.code == 0, result.err
    assert result.err == f"wrote {out}: 267 unit(s) read, months 2024-10 to 2025-08\n"
    back = cli("evaluate", "--plan", "kon_plong", "--metrics", str(out), "--units",
               str(EXAMPLES / "kon_plong_units.csv"), "--issued", "2024-10-15",
               "--as-of", "2025-08-31", "--format", "json")
    assert back.code == 0, back.err
    assert back.err.endswith("rows: 2904 read, 2904 evaluated, 0 rejected\n")
    bad = cli("template", "--plan", "kon_plong", "--units", str(EXAMPLES / "kon_plong_units.csv"),
              "--from", "2025-13", "--to", "2025-08", "--output", str(out))
    assert bad.code == 2 and "'2025-13' is not a month" in bad.err


def test_the_example_workbook_is_the_template_filled_with_the_example_csv() -> None:
    """examples/kon_plong_metrics.xlsx is what scripts/make_example_workbook.py writes (the
    template filled with the example CSV's numbers, byte for byte), and it evaluates to the
    same verdicts as the CSV for every unit it has rows for."""
    import importlib.util

    spec = importlib.util.spec_from_file_location(
        "make_example_workbook", ROOT / "scripts" / "make_example_workbook.py")
    assert spec is not None and spec.loader is not None
    script = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(script)
    assert (EXAMPLES / "kon_plong_metrics.xlsx").read_bytes() == script.example_workbook(), (
        "regenerate it: python scripts/make_example_workbook.py")
    kw: dict[str, Any] = {"units": UNITS, "issued": date(2024, 10, 15),
                          "as_of": date(2025, 8, 31)}
    book = er.evaluate(PLAN, er.read_metrics(EXAMPLES / "kon_plong_metrics.xlsx"), **kw)
    text = er.evaluate(PLAN, er.read_metrics(EXAMPLES / "kon_plong_metrics.csv"), **kw)
    assert {(r.unit, r.window): r.verdicts() for r in book.results} == {
        (r.unit, r.window): r.verdicts() for r in text.results}
