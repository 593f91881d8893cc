"""Vietnamese throughout, for input tables (issue 13, item 4): what the table reader, the
metrics, units, attestations and submissions readers, the counts and the DataFrame reader say
is Vietnamese by default and English with ``en``.

Each message here is produced by running the code on a bad input; the tests assert codes,
lines, paths and a few key words, not whole sentences.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import pytest

import emulation_rules as er
from emulation_rules import _tables, frames, inputs
from emulation_rules.errors import Issue
from emulation_rules.i18n import Msg, using
from emulation_rules.submissions import read_submissions
from emulation_rules.timelines import timeline

from .conftest import DATA

TABLES = DATA / "tables"


def _one(issues: list[Issue], code: str) -> Issue:
    found = [i for i in issues if i.code == code]
    assert len(found) == 1, [(i.code, i.message) for i in issues]
    return found[0]


def _both(issue: Issue) -> tuple[str, str]:
    """The issue as a line in the default language and in English."""
    return str(issue), issue.render("en")


# --- _tables: the reader of CSV, Excel, JSON and YAML ------------------------------------------


def test_a_missing_column_is_vietnamese_by_default(tmp_path: Path, default_lang: None) -> None:
    path = tmp_path / "no_period.csv"
    path.write_text("unit,good_deeds\nh1x01,1\n", encoding="utf-8")
    issue = _one(er.read_metrics(path).rejected, "missing-column")
    assert issue.location.line == 1 and issue.location.file == str(path)
    vi, en = _both(issue)
    assert "lỗi[missing-column]" in vi and "dòng tiêu đề không có cột 'period'" in vi
    assert "không đọc dòng nào" in vi and "dòng đầu tiên ghi tên các cột: unit, period" in vi
    assert "header" not in vi and "no row is read" not in vi
    assert en.endswith("error[missing-column] the header has no column 'period'; its columns: "
                       "unit, good_deeds; no row is read (the first row names the columns: "
                       "unit, period)")
    assert issue.message == issue.message_in("en")  # .message stays English


def test_a_file_in_another_encoding_says_how_to_save_it(default_lang: None) -> None:
    issue = _one(er.read_metrics(TABLES / "metrics_cp1258.csv").rejected, "encoding")
    vi, en = _both(issue)
    assert "tệp không phải văn bản UTF-8" in vi and "byte thứ 45 (0xfa)" in vi
    assert "bảng mã tiếng Việt của Windows" in vi and "--encoding cp1258" in vi
    assert "the file is not" not in vi and "in Excel choose" not in vi
    assert "the first at line 1, byte 45 (0xfa); no row is read" in en
    assert "không" not in en


def test_a_yaml_table_wraps_the_yaml_message_in_the_same_language(tmp_path: Path,
                                                                   default_lang: None) -> None:
    path = tmp_path / "rows.yaml"
    path.write_text("- unit: h1x01\n  unit: h1x02\n", encoding="utf-8")
    issue = _one(er.read_metrics(path).rejected, "duplicate-key")
    assert issue.location.line == 2
    vi, en = _both(issue)
    assert "xuất hiện hai lần" in vi and vi.count("không đọc dòng nào") == 1
    assert "(xóa một trong hai" in vi and "no row is read" not in vi
    assert "appears twice in the same mapping (first on line 1); no row is read" in en
    assert "(remove one of them" in en and "không" not in en


def test_a_workbook_formula_without_a_result(tmp_path: Path, default_lang: None) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    book = openpyxl.Workbook()
    book.active.title = "Tháng"
    for row in (["unit", "period", "good_deeds"], ["h1x01", "2025-03", "=1+2"]):
        book.active.append(row)
    path = tmp_path / "f.xlsx"
    book.save(path)
    issue = _one(er.read_metrics(path).rejected, "formula-without-value")
    assert issue.location.file == f"{path}[Tháng]" and issue.location.line == 2
    vi, en = _both(issue)
    assert f"{path}[Tháng]:2: cột 'good_deeds': lỗi[formula-without-value]" in vi
    assert "chứa công thức '=1+2'" in vi and "mở tệp bằng Excel" in vi
    assert "holds the formula '=1+2' with no saved result" in en and "chứa" not in en


def test_without_openpyxl_the_reader_says_what_to_install(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, default_lang: None) -> None:
    monkeypatch.setitem(sys.modules, "openpyxl", None)
    path = tmp_path / "m.xlsx"
    path.write_bytes(b"PK")
    with pytest.raises(_tables.TableReaderMissing) as caught:
        er.read_metrics(path)
    assert str(caught.value) == ("đọc tệp Excel cần gói openpyxl: pip install "
                                 "'emulation-rules[excel]'")
    with using("en"):
        assert str(caught.value) == ("reading an Excel file needs openpyxl: pip install "
                                     "'emulation-rules[excel]'")


def test_a_bad_date_cell_and_the_command_line(default_lang: None,
                                              cli: Callable[..., Any]) -> None:
    with pytest.raises(ValueError, match="không phải một ngày") as caught:
        _tables.parse_date_cell("31/02/2025")
    assert isinstance(caught.value.args[0], Msg)
    with using("en"):
        assert str(caught.value) == ("'31/02/2025' is not a date (write 2025-05-19 or "
                                     "19/05/2025)")
    result = cli("timeline", "kon_plong", "--as-of", "2025-02-30")
    assert result.code == 2
    assert "'2025-02-30' không phải một ngày (ghi 2025-05-19 hoặc 19/05/2025)" in result.err
    english = cli("--lang", "en", "timeline", "kon_plong", "--as-of", "2025-02-30")
    assert english.code == 2 and "'2025-02-30' is not a date (write" in english.err
    assert "không phải" not in english.err


# --- inputs: metrics, units, attestations, prior awards ----------------------------------------


def test_metrics_rows_are_rejected_in_vietnamese(tmp_path: Path, default_lang: None) -> None:
    path = tmp_path / "m.csv"
    path.write_text("unit,period,good_deeds,all_tasks_completed,ghi_chu\n"
                    "h1x01,2025-13,1,,\nh1x01,2025-03,1,maybe,\n", encoding="utf-8")
    read = er.read_metrics(path)
    period = _one(read.rejected, "invalid-period")
    assert period.location.line == 2 and period.location.path == ("row 2", "period")
    vi, en = _both(period)
    assert "kỳ '2025-13' không phải một tháng" in vi and "hoặc 03/2025" in vi
    assert "period '2025-13' is not a month (2025-03 or 03/2025)" in en
    yes_no = _one(read.rejected, "invalid-value")
    assert "không phải là có hoặc không" in str(yes_no)
    assert "is not yes or no" in yes_no.render("en")
    warning = _one(read.warnings, "unknown-column")
    assert "cảnh báo[unknown-column]" in str(warning) and "bị bỏ qua" in str(warning)
    assert "is not a metric; ignored" in warning.render("en")


def test_a_units_file_speaks_vietnamese(tmp_path: Path, default_lang: None) -> None:
    path = tmp_path / "units.csv"
    path.write_text("id,name,kind,parent\nh1x01,,commune,\nH1X01,,commune,\n"
                    "h1x02,,village,\nh1x03,,commune,nobody\n", encoding="utf-8")
    _, issues, _ = er.read_unit_tree(path)
    twins = _one(issues, "lookalike-ids")
    assert twins.location.line == 3
    vi, en = _both(twins)
    assert "chỉ khác nhau ở chữ hoa/chữ thường" in vi and "(dòng 2)" in vi
    assert "differ only by case" in en and "(row 2)" in en and "dòng" not in en
    kind = _one(issues, "invalid-value")
    assert "không có loại đơn vị 'village'" in str(kind)
    assert kind.render("en").endswith("unknown kind 'village'")
    parent = _one(issues, "unknown-parent")
    assert "không có trong tệp" in str(parent)
    assert "which is not in the file" in parent.render("en")


def test_attestations_and_prior_awards(tmp_path: Path, default_lang: None) -> None:
    path = tmp_path / "att.csv"
    path.write_text("unit,window,outstanding_achievement\nh1x01,phase_1,có\nh1x01,phase_1,có\n",
                    encoding="utf-8")
    twice = _one(inputs.read_attestations(path)[1], "duplicate-row")
    assert twice.location.line == 3
    assert "có hai dòng cho kỳ đánh giá 'phase_1' (dòng 2 và 3)" in str(twice)
    assert "has two rows for window 'phase_1' (rows 2 and 3)" in twice.render("en")
    awards = tmp_path / "awards.csv"
    awards.write_text("unit,form,granted_by\nh1x01,medal,x\n", encoding="utf-8")
    form = _one(inputs.read_prior_awards(awards)[1], "invalid-value")
    assert "không có hình thức khen thưởng 'medal'" in str(form)
    assert "unknown award form 'medal'" in form.render("en")


# --- records: counts ---------------------------------------------------------------------------


def test_a_count_with_a_thousands_separator(default_lang: None) -> None:
    read = er.read_metrics(TABLES / "semicolon_decimal_comma.csv")
    issue = [i for i in read.rejected if i.code == "invalid-count"][1]
    assert issue.location.line == 4 and issue.location.path == ("row 4", "tips_total")
    vi, en = _both(issue)
    assert "tips_total = '1.234' không phải số nguyên từ 0 trở lên" in vi
    assert "(viết 1234 (không dùng dấu chấm ngăn cách hàng nghìn))" in vi
    assert "write" not in vi and "whole number" not in vi
    assert "tips_total = '1.234' is not a whole number of 0 or more (write 1234: no " in en
    assert "viết" not in en


# --- submissions -------------------------------------------------------------------------------


def test_submission_rows_are_rejected_in_vietnamese(tmp_path: Path, default_lang: None) -> None:
    tl = timeline(er.load_plan("kon_plong"), issued=date(2024, 10, 15))
    due = tl.deadlines[0].id
    path = tmp_path / "sub.csv"
    path.write_text(f"unit,deadline,submitted\nh1x01,nope,\nh1x01,{due},31/02/2025\n"
                    f"h1x02,{due},\nh1x02,{due},\n", encoding="utf-8")
    _, issues, total = read_submissions(path, tl)
    assert total == 4
    unknown = _one(issues, "unknown-deadline")
    assert unknown.location.line == 2
    assert "kế hoạch 'kon_plong' không có hạn báo cáo 'nope'" in str(unknown)
    assert "plan 'kon_plong' has no deadline 'nope'" in unknown.render("en")
    bad_date = _one(issues, "invalid-date")
    assert bad_date.location.path == ("row 3", "submitted")
    assert "'31/02/2025' không phải một ngày" in str(bad_date)
    assert "'31/02/2025' is not a date" in bad_date.render("en")
    twice = _one(issues, "duplicate-row")
    assert "(mỗi lần nộp chỉ ghi một dòng)" in str(twice)
    assert "(keep one row per submission)" in twice.render("en")


# --- frames: rows and DataFrames from Python ---------------------------------------------------


def test_rows_from_python_are_rejected_in_vietnamese(default_lang: None) -> None:
    read = frames.read_rows([{"unit": "h1x01", "period": date(2025, 3, 4), "good_deeds": 1},
                             {"unit": "h1x01", "period": "2025-03", "good_deeds": True}])
    period = _one(read.rejected, "invalid-period")
    vi, en = _both(period)
    assert "<rows>:1: cột 'period'" in vi and "ngày 04/03/2025, không phải một tháng" in vi
    assert "period is the date 2025-03-04, not a month" in en
    count = _one(read.rejected, "invalid-count")
    assert "good_deeds = 'true' không phải số nguyên" in str(count)


def test_without_narwhals_a_dataframe_says_what_to_install(
        monkeypatch: pytest.MonkeyPatch, default_lang: None) -> None:
    monkeypatch.setitem(sys.modules, "narwhals", None)

    class Frame:
        columns = ("unit",)
        shape = (0, 1)

    with pytest.raises(frames.FramesMissing) as caught:
        frames.as_records(Frame())
    assert str(caught.value) == ("đọc DataFrame cần gói narwhals: pip install "
                                 "'emulation-rules[frames]'")
    with using("en"):
        assert "a DataFrame needs narwhals" in str(caught.value)
