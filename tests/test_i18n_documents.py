"""Vietnamese throughout (issue 13, item 4) in the documents: the HTML report, the results
workbook and the data-entry workbook say everything in Vietnamese by default and in English
with ``en``: their labels, the messages of the rejected rows, and the errors they raise.

The rejected rows are real issues of a plan that does not load
(``tests/data/plans/invalid/duplicate_key.yaml``: its YAML messages are in the catalogue).
"""

from __future__ import annotations

import re
from pathlib import Path

import openpyxl
import pytest

import emulation_rules as er
from emulation_rules.errors import Issue
from emulation_rules.i18n import using
from emulation_rules.records import UnitInfo
from emulation_rules.report_html import ReportHtmlError, render_report
from emulation_rules.results_workbook import ResultsWorkbookError, write_results_workbook
from emulation_rules.template import EntryWorkbookError, entry_layout, write_entry_workbook

from .conftest import INVALID
from .test_report_html import EXAMPLES, example


def _plan_issues() -> tuple[Issue, ...]:
    """The issues of a plan with a key given twice (code duplicate-key, line 8)."""
    with pytest.raises(er.PlanError) as caught:
        er.load_plan(str(INVALID / "duplicate_key.yaml"))
    issues = caught.value.issues
    assert [(i.code, i.location.line) for i in issues] == [("duplicate-key", 8)]
    return issues


def _section(html: str, anchor: str) -> str:
    found = re.search(rf'<section id="{anchor}".*?</section>', html, re.S)
    assert found is not None, anchor
    return found.group(0)


# ---------------------------------------------------------------------------------------------
# the HTML report


def test_the_report_shows_rejected_rows_in_its_language() -> None:
    plan, ev, tl, units, _ = example("kon_plong")
    issues = _plan_issues()
    vi = _section(render_report(ev, plan, timeline=tl, units=units, rejected=issues,
                                lang="vi"), "rejected")
    en = _section(render_report(ev, plan, timeline=tl, units=units, rejected=issues,
                                lang="en"), "rejected")
    for text in (vi, en):
        assert "duplicate-key" in text and "<td>8</td>" in text
    assert "Dòng số liệu bị loại" in vi and "Mã lỗi" in vi
    assert "xuất hiện hai lần" in vi and "xóa một trong hai" in vi
    assert "appears twice" not in vi and "remove one of them" not in vi
    assert "Rejected input rows" in en and "appears twice" in en and "remove one of them" in en
    assert "xuất hiện hai lần" not in en and "Dòng số liệu" not in en


def test_the_report_without_a_language_is_in_the_current_one(default_lang: None) -> None:
    plan, ev, tl, _, _ = example("kon_plong")
    vi = render_report(ev, plan, timeline=tl, lang=None)
    assert '<html lang="vi">' in vi and "Báo cáo kết quả thi đua" in vi
    assert "Emulation results report" not in vi
    with using("en"):
        en = render_report(ev, plan, timeline=tl, lang=None)
    assert '<html lang="en">' in en and "Emulation results report" in en
    assert "Báo cáo kết quả" not in en and "Tiến độ kế hoạch" not in en


def test_the_report_errors_are_in_the_current_language(default_lang: None) -> None:
    plan, ev, tl, _, _ = example("kon_plong")
    with pytest.raises(ReportHtmlError) as caught:
        render_report(ev, plan, timeline=tl, lang="fr")  # type: ignore[arg-type]
    assert "không hỗ trợ ngôn ngữ 'fr'" in str(caught.value)
    assert "not available" not in str(caught.value)
    with using("en"):
        assert str(caught.value) == "language 'fr' is not available: lang is vi or en"
    other = er.load_plan("ninh_thuan")
    with pytest.raises(ReportHtmlError) as wrong:
        render_report(ev, other, timeline=tl)
    said = str(wrong.value)
    assert "'kon_plong'" in said and "'ninh_thuan'" in said
    assert "không phải của kế hoạch" in said and "another plan" not in said
    with using("en"):
        assert "the evaluation is of another plan" in str(wrong.value)


# ---------------------------------------------------------------------------------------------
# the results workbook


def _rejected_sheet(path: Path) -> tuple[str, list[tuple[object, ...]]]:
    book = openpyxl.load_workbook(path)
    sheet = book.worksheets[-2]  # ..., the rejected rows, the record
    return sheet.title, [tuple(c.value for c in row) for row in sheet.iter_rows(min_row=3)]


def test_the_results_workbook_shows_rejected_rows_in_its_language(tmp_path: Path) -> None:
    plan, ev, _, units, _ = example("kon_plong")
    issues = _plan_issues()
    for lang in ("vi", "en"):
        write_results_workbook(tmp_path / f"{lang}.xlsx", ev, plan, units=units,
                               rejected=issues, lang=lang)
    title, rows = _rejected_sheet(tmp_path / "vi.xlsx")
    assert title == "Dòng bị loại" and len(rows) == 1
    _, line, _, code, message, meaning, hint = rows[0]
    assert (code, line) == ("duplicate-key", 8)
    assert "xuất hiện hai lần" in str(message) and "xóa một trong hai" in str(hint)
    assert "appears twice" not in str(message) and "remove" not in str(hint)
    assert meaning and "key" not in str(meaning).lower()
    title, rows = _rejected_sheet(tmp_path / "en.xlsx")
    assert title == "Rejected rows"
    _, line, _, code, message, _, hint = rows[0]
    assert (code, line) == ("duplicate-key", 8)
    assert "appears twice" in str(message) and "remove one of them" in str(hint)
    assert "hai lần" not in str(message)


def test_the_results_workbook_errors_and_default(tmp_path: Path, default_lang: None) -> None:
    plan, ev, _, _, _ = example("kon_plong")
    with pytest.raises(ResultsWorkbookError) as caught:
        write_results_workbook(tmp_path / "x.xlsx", ev, plan, lang="fr")  # type: ignore[arg-type]
    assert "không hỗ trợ ngôn ngữ 'fr'" in str(caught.value)
    assert "lang is" not in str(caught.value)
    with using("en"):
        assert "lang is vi or en" in str(caught.value)
        write_results_workbook(tmp_path / "en.xlsx", ev, plan, lang=None)
    names = openpyxl.load_workbook(tmp_path / "en.xlsx").sheetnames
    assert names[-2:] == ["Rejected rows", "Record"] and "Whole plan" in names
    write_results_workbook(tmp_path / "vi.xlsx", ev, plan, lang=None)
    names = openpyxl.load_workbook(tmp_path / "vi.xlsx").sheetnames
    assert names[-2:] == ["Dòng bị loại", "Thông tin"] and "Toàn kế hoạch" in names


# ---------------------------------------------------------------------------------------------
# the data-entry workbook


PLAN = er.load_plan("kon_plong")


def _units() -> list[UnitInfo]:
    units, issues, _ = er.read_unit_tree(EXAMPLES / "kon_plong_units.csv")
    assert issues == []
    return list(units)


@pytest.mark.parametrize(("first", "last", "vi", "en"), [
    ("2024-13", "2025-01", "tháng đầu '2024-13' không đúng dạng năm-tháng",
     "the first month '2024-13' is not YYYY-MM"),
    ("2024-10", "2025/01", "tháng cuối '2025/01' không đúng dạng năm-tháng",
     "the last month '2025/01' is not YYYY-MM"),
    ("2025-02", "2025-01", "tháng cuối 2025-01 trước tháng đầu 2025-02",
     "the last month is before the first (2025-01 is before 2025-02)"),
    ("1900-01", "1900-02", "tháng đầu 1900-01 nằm ngoài các năm",
     "the first month 1900-01 is outside the years"),
])
def test_the_entry_workbook_errors_are_in_the_current_language(
        first: str, last: str, vi: str, en: str, default_lang: None) -> None:
    with pytest.raises(EntryWorkbookError) as caught:
        entry_layout(PLAN, _units(), first, last)
    assert vi in str(caught.value) and en not in str(caught.value)
    assert "month" not in str(caught.value)
    with using("en"):
        assert en in str(caught.value) and "tháng" not in str(caught.value)


def test_a_unit_listed_twice_is_said_in_the_current_language(default_lang: None) -> None:
    twice = [UnitInfo("xa", kind="commune"), UnitInfo("xa", kind="commune")]
    with pytest.raises(EntryWorkbookError) as caught:
        entry_layout(PLAN, twice, "2025-01", "2025-01")
    assert str(caught.value) == "đơn vị 'xa' có hai lần trong danh sách"
    with using("en"):
        assert str(caught.value) == "unit 'xa' listed twice"


def test_the_entry_workbook_without_a_language_is_in_the_current_one(
        tmp_path: Path, default_lang: None) -> None:
    units = _units()
    write_entry_workbook(PLAN, units, "2025-01", "2025-01", tmp_path / "vi.xlsx", lang=None)
    with using("en"):
        write_entry_workbook(PLAN, units, "2025-01", "2025-01", tmp_path / "en.xlsx",
                             lang=None)
    vi = openpyxl.load_workbook(tmp_path / "vi.xlsx")
    en = openpyxl.load_workbook(tmp_path / "en.xlsx")
    assert vi.sheetnames == ["Nhập liệu", "Giải thích"]
    assert en.sheetnames == ["Data entry", "Explanation"]
    help_vi = [str(c.value) for row in vi["Giải thích"].iter_rows() for c in row if c.value]
    help_en = [str(c.value) for row in en["Explanation"].iter_rows() for c in row if c.value]
    assert any(v.startswith("Kế hoạch kon_plong: ") for v in help_vi)
    assert any(v.startswith("Plan kon_plong: ") for v in help_en)
    assert "Ràng buộc" in help_vi and "Constraint" not in help_vi
    assert "Constraint" in help_en and "Ràng buộc" not in help_en
    errors_vi = {dv.error for dv in vi["Nhập liệu"].data_validations.dataValidation}
    errors_en = {dv.error for dv in en["Data entry"].data_validations.dataValidation}
    assert any("để trống" in str(e) for e in errors_vi)
    assert not any("blank" in str(e) for e in errors_vi)
    assert any("leave" in str(e) and "blank" in str(e) for e in errors_en)
