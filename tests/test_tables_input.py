"""Data in as staff keep it (issue 12): Excel workbooks, Excel-made CSV, JSON and YAML records,
several files at once, and no value ever changed silently. Fixtures under tests/data/tables
were written by a script as Excel and Windows save them; workbooks are written here with
openpyxl."""

from __future__ import annotations

import re
import zipfile
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest

import emulation_rules as er

from .conftest import ROOT

TABLES = ROOT / "tests" / "data" / "tables"
KP: dict[str, Any] = {"issued": date(2024, 10, 15), "as_of": date(2025, 9, 30)}


def _issues(read: Any) -> list[tuple[str, int, str]]:
    """(code, line, column) of each rejected row, in order."""
    return [(i.code, i.location.line, i.location.path[1] if len(i.location.path) > 1 else "")
            for i in read.rejected]


def _values(read: Any) -> list[tuple[str, str, dict[str, int | None], int]]:
    return [(r.unit, r.period, dict(r.values), r.row) for r in read.records]


# --- 1. Excel in -----------------------------------------------------------------------------


def _workbook(path: Path, rows: list[list[Any]], title: str = "Tháng",
              more: dict[str, list[list[Any]]] | None = None) -> Path:
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = title
    for row in rows:
        sheet.append(row)
    for name, other in (more or {}).items():
        extra = book.create_sheet(name)
        for row in other:
            extra.append(row)
    book.save(path)
    return path


def test_a_workbook_is_read_by_type_with_the_sheets_own_row_numbers(tmp_path: Path) -> None:
    """A title row above the header, a date Excel made of 03/2025, a whole number stored as
    5.0, a fraction, a formula with no saved result and an empty row: the rows are numbered as
    the sheet numbers them and each issue names the file, the sheet, the row and the column."""
    path = _workbook(tmp_path / "nhap_lieu.xlsx", [
        ["Số liệu tháng của Công an xã"],
        ["unit", "period", "tips_total", "tips_via_force", "good_deeds"],
        ["h1x01", datetime(2025, 3, 1), 10, 8, 5.0],
        ["h1x02", "04/2025", 12.5, 8, 1],
        ["h1x03", "2025-04", "=SUM(C3:C3)", 3, None],
        [None, None, None, None, None],
        ["h1x04", datetime(2025, 4, 15), 4, 5, 0],
        ["h1x05", "2025-04", 4, 5, 0],
    ])
    read = er.read_metrics(str(path))  # a str path, like a Path
    assert _values(read) == [
        ("h1x01", "2025-03", {"tips_total": 10, "tips_via_force": 8, "good_deeds": 5}, 3),
        ("h1x05", "2025-04", {"tips_total": 4, "tips_via_force": 5, "good_deeds": 0}, 8)]
    assert sorted(_issues(read), key=lambda i: i[1]) == [
        ("invalid-count", 4, "tips_total"), ("formula-without-value", 5, "tips_total"),
        ("invalid-period", 7, "period")]
    assert read.rows_read == 5 == len(read.records) + len(read.rejected)
    first = next(i for i in read.rejected if i.code == "formula-without-value")
    assert str(first).startswith(f"{path}[Tháng]:5: column 'tips_total': "
                                 "error[formula-without-value] tips_total holds the formula "
                                 "'=SUM(C3:C3)' with no saved result")
    assert "is the date 2025-04-15, not a month" in next(
        i.message for i in read.rejected if i.code == "invalid-period")


def test_a_formula_uses_its_saved_result(tmp_path: Path) -> None:
    """A workbook saved by Excel keeps each formula's result beside it: that result is the
    value (here a formula written by openpyxl is given the result Excel would have saved)."""
    path = _workbook(tmp_path / "f.xlsx", [["unit", "period", "good_deeds"],
                                           ["h1x01", "2024-11", "=1+2"]])
    with zipfile.ZipFile(path) as book:
        parts = {n: book.read(n) for n in book.namelist()}
    sheet = "xl/worksheets/sheet1.xml"
    parts[sheet] = re.sub(rb"<f>1\+2</f><v\s*/>", b"<f>1+2</f><v>3</v>", parts[sheet])
    with zipfile.ZipFile(path, "w") as book:
        for name, data in parts.items():
            book.writestr(name, data)
    read = er.read_metrics(path)
    assert _values(read) == [("h1x01", "2024-11", {"good_deeds": 3}, 2)] and not read.rejected


def test_a_sheet_is_chosen_by_name_or_is_the_first(tmp_path: Path, cli: Any) -> None:
    """The first sheet by default; --sheet (sheet= in Python) names another; an unknown name
    is one issue listing the sheets."""
    path = _workbook(tmp_path / "two.xlsx", [["unit", "period", "good_deeds"],
                                             ["h1x01", "2024-11", 1]],
                     more={"Quý 1": [["unit", "period", "good_deeds"],
                                     ["h1x02", "2025-01", 2], ["h1x03", "2025-01", 3]]})
    assert [r.unit for r in er.read_metrics(path).records] == ["h1x01"]
    assert [r.unit for r in er.read_metrics(path, sheet="Quý 1").records] == ["h1x02", "h1x03"]
    missing = er.read_metrics(path, sheet="Quý 9")
    assert [i.code for i in missing.rejected] == ["unknown-sheet"]
    assert "(sheets: Tháng, Quý 1)" in missing.rejected[0].message
    result = cli("evaluate", "--plan", "kon_plong", "--metrics", str(path), "--sheet", "Quý 1",
                 "--issued", "2024-10-15", "--as-of", "2025-09-30", "--format", "json")
    assert result.code == 0, result.err
    assert "rows: 2 read, 2 evaluated, 0 rejected" in result.err


def test_units_and_attestations_come_from_workbooks_too(tmp_path: Path) -> None:
    """The units file and the attestations as workbooks: read by the same rules."""
    units = _workbook(tmp_path / "units.xlsx", [["id", "name", "kind", "bloc", "parent"],
                                                ["h1x01", "Xã Đắk Tờ Re", "commune", "k1", None],
                                                ["h1x01t01", "Tổ 1", "team", None, "h1x01"]])
    found, issues, read = er.read_unit_tree(units)
    assert [(u.id, u.name, u.kind, u.parent) for u in found] == [
        ("h1x01", "Xã Đắk Tờ Re", "commune", ""), ("h1x01t01", "Tổ 1", "team", "h1x01")]
    assert (issues, read) == ([], 2)
    att = _workbook(tmp_path / "att.xlsx", [["unit", "outstanding_achievement"],
                                            ["h1x01", "có"], ["h1x02", True]])
    rows, issues, read = er.read_attestations(att)
    assert [(r.unit, r.values) for r in rows] == [("h1x01", {"outstanding_achievement": True}),
                                                  ("h1x02", {"outstanding_achievement": True})]


# --- 3. Excel-made CSV --------------------------------------------------------------------------


def test_a_semicolon_csv_with_decimal_commas_is_read_and_its_non_counts_named() -> None:
    """Excel with Vietnamese regional settings saves ';' between cells, a BOM and CRLF: the
    separator is found; 12,5, 1.234 and 85% are not counts (1.234 with the hint 'viết 1234');
    5.0 is 5."""
    read = er.read_metrics(TABLES / "semicolon_decimal_comma.csv")
    assert _values(read) == [
        ("h1x01", "2025-03", {"tips_total": 10, "tips_via_force": 8, "good_deeds": 1}, 2),
        ("h1x05", "2025-03", {"tips_total": 5, "tips_via_force": 5, "good_deeds": 0}, 6)]
    assert _issues(read) == [("invalid-count", 3, "tips_total"), ("invalid-count", 4, "tips_total"),
                             ("invalid-count", 5, "tips_total")]
    assert [i.message for i in read.rejected] == [
        "tips_total = '12,5' is not a whole number of 0 or more",
        "tips_total = '1.234' is not a whole number of 0 or more",
        "tips_total = '85%' is not a whole number of 0 or more"]
    assert read.rejected[1].hint is not None and read.rejected[1].hint.startswith("write 1234")
    assert (read.rejected[1].hint_in("vi") or "").startswith("viết 1234")


def test_a_windows_1258_file_is_one_file_level_error_or_read_with_its_encoding() -> None:
    """Saved by Excel as 'CSV' on Vietnamese Windows (cp1258): one error naming the first bad
    line and byte and how to save as UTF-8, no row read; with encoding='cp1258' every row is
    read and the Vietnamese text is NFC."""
    read = er.read_metrics(TABLES / "metrics_cp1258.csv")
    assert (read.rows_read, len(read.records)) == (0, 0)
    assert [(i.code, i.location.line) for i in read.rejected] == [("encoding", 1)]
    issue = read.rejected[0]
    assert "the first at line 1, byte 45 (0xfa)" in issue.message
    assert issue.hint is not None and "CSV UTF-8" in issue.hint and "cp1258" in issue.hint
    good = er.read_metrics(TABLES / "metrics_cp1258.csv", encoding="cp1258")
    assert [r.period for r in good.records] == ["2024-10", "2024-11", "2024-12"]
    assert [i.location.path for i in good.warnings] == [("ghi_chú",)]
    units, _, _ = er.read_unit_tree(TABLES / "units_cp1258.csv", encoding="cp1258")
    assert [u.name for u in units] == ["Xã Đắk Tờ Re", "Xã Ngọc Tem"]


def test_a_stray_bad_byte_rejects_only_its_line() -> None:
    """One byte 0xff on line 600 of an otherwise UTF-8 file: that row is rejected with its
    line and byte; the 999 others are read; the counts add up."""
    read = er.read_metrics(TABLES / "bad_byte_line_600.csv")
    assert (read.rows_read, len(read.records)) == (1000, 999)
    assert [(i.code, i.location.line) for i in read.rejected] == [("encoding", 600)]
    assert "byte 9: 0xff" in read.rejected[0].message
    ev = er.evaluate(er.load_plan("kon_plong"), read, **KP)
    assert ev.rows_total == 1000 and ev.rows_used + ev.rows_rejected == 1000


def test_a_duplicated_header_and_a_missing_column_are_one_error_each(tmp_path: Path) -> None:
    """A column named twice: one error naming both positions, no row read (never "last one
    wins"). A file without 'period': one file-level error, not one per row."""
    read = er.read_metrics(TABLES / "duplicated_header.csv")
    assert [(i.code, i.message[:60]) for i in read.rejected] == [
        ("duplicate-column", "column 'good_deeds' appears twice (columns 3 and 5): which o")]
    assert (read.rows_read, read.records) == (0, [])
    path = tmp_path / "no_period.csv"
    path.write_text("unit,good_deeds\n" + "h1x01,1\n" * 50, encoding="utf-8")
    read = er.read_metrics(path)
    assert [i.code for i in read.rejected] == ["missing-column"]
    assert read.rejected[0].message.startswith("the header has no column 'period'")


def test_digits_outside_ascii_are_not_counts() -> None:
    """Arabic-Indic ١٢ and a full-width ５ are rejected with the value shown as code points."""
    read = er.read_metrics(TABLES / "non_ascii_digits.csv")
    assert [r.unit for r in read.records] == ["h1x03"]
    assert [i.message for i in read.rejected] == [
        "good_deeds = '\\u0661\\u0662' is not a whole number of 0 or more",
        "good_deeds = '\\uff15' is not a whole number of 0 or more"]


def test_an_over_long_cell_and_bad_bytes_never_truncate_a_file(tmp_path: Path) -> None:
    """Every line is read or reported: read = evaluated + rejected, never negative."""
    good = "h1x01,2024-11,1\n" * 10
    path = tmp_path / "mixed.csv"
    path.write_bytes(("unit,period,good_deeds\n" + good + "h1x02,2024-11," + "9" * 200_000
                      + "\n" + good).encode() + b"h1x03,2024-1\xff,1\n" + good.encode())
    read = er.read_metrics(path)
    assert read.rows_read == 32 and len(read.records) == 30
    ev = er.evaluate(er.load_plan("kon_plong"), read, **KP)
    assert ev.rows_total == 32 and ev.rows_used + ev.rows_rejected == 32 >= ev.rows_used >= 0


# --- 4. JSON and YAML records ------------------------------------------------------------------


def test_json_and_yaml_records_follow_the_same_rules() -> None:
    """A key twice in a JSON record rejects that record; 5.0 is 5; a YAML unit id 0012 stays
    '0012' (YAML 1.1 would read 10); a file refused while parsing is one error, 0 rows."""
    read = er.read_metrics(TABLES / "records_duplicate_key.json")
    assert _values(read) == [("h1x02", "2024-11", {"good_deeds": 5}, 2)]
    assert _issues(read) == [("duplicate-key", 1, "good_deeds")]
    read = er.read_metrics(TABLES / "leading_zero_ids.yaml")
    assert [(r.unit, dict(r.values)) for r in read.records] == [("0012", {"good_deeds": 1}),
                                                                ("0013", {"good_deeds": 5})]
    read = er.read_metrics(TABLES / "broken.json")
    assert [i.code for i in read.rejected] == ["json-syntax"]
    assert (read.rows_read, read.records) == (0, [])
    ev = er.evaluate(er.load_plan("kon_plong"), read, **KP)
    assert (ev.rows_total, ev.rows_used) == (0, 0)


# --- 6. several inputs at once ----------------------------------------------------------------


def test_several_files_or_a_folder_are_read_as_one_table(tmp_path: Path, cli: Any) -> None:
    """Each commune's file in one folder: read in name order as one table; a unit and month in
    two files is a duplicate-row naming both; issues name their file."""
    folder = tmp_path / "xa"
    folder.mkdir()
    (folder / "a.csv").write_text("unit,period,good_deeds\nh1x01t01,2024-11,1\n", "utf-8")
    _workbook(folder / "b.xlsx", [["unit", "period", "good_deeds"], ["h1x02t01", "2024-11", 2],
                                  ["h1x01t01", "2024-11", 3]])
    (folder / "notes.docx").write_bytes(b"not a table")
    read = er.read_metrics(folder)
    assert [(r.unit, r.file) for r in read.records] == [
        ("h1x01t01", str(folder / "a.csv")), ("h1x02t01", f"{folder / 'b.xlsx'}[Tháng]"),
        ("h1x01t01", f"{folder / 'b.xlsx'}[Tháng]")]
    ev = er.evaluate(er.load_plan("kon_plong"), read, **KP)
    assert [(i.code, i.location.file, i.location.line) for i in ev.rejected] == [
        ("duplicate-row", f"{folder / 'b.xlsx'}[Tháng]", 3)]
    assert "a.csv" in ev.rejected[0].message
    result = cli("evaluate", "--plan", "kon_plong", "--metrics", str(folder / "a.csv"),
                 "--metrics", str(folder / "b.xlsx"), "--issued", "2024-10-15",
                 "--as-of", "2025-09-30")
    assert "rows: 3 read, 2 evaluated, 1 rejected" in result.err


def test_an_unknown_encoding_is_a_usage_error(cli: Any) -> None:
    result = cli("evaluate", "--plan", "kon_plong", "--metrics",
                 str(TABLES / "metrics_cp1258.csv"), "--encoding", "vietnamese",
                 "--issued", "2024-10-15", "--as-of", "2025-09-30")
    assert result.code == 2 and "unknown encoding 'vietnamese'" in result.err


@pytest.mark.parametrize("suffix", [".xls", ".ods"])
def test_an_old_or_foreign_spreadsheet_says_how_to_save_it(tmp_path: Path, suffix: str) -> None:
    path = tmp_path / f"old{suffix}"
    path.write_bytes(b"\xd0\xcf\x11\xe0")
    read = er.read_metrics(path)
    assert [i.code for i in read.rejected] == ["unsupported-file"]
    assert ".xlsx" in read.rejected[0].message


# --- 5. Python callers -----------------------------------------------------------------------


def test_a_dataframe_gives_the_same_issues_and_verdicts_as_the_same_numbers_in_csv(
        tmp_path: Path) -> None:
    """A pandas DataFrame with a NaN (a blank) and a part over its whole: er.evaluate reads it
    by the file readers' rules; its verdicts equal those of the same numbers in a CSV file, and
    its issues are the same but for the file's name."""
    import pandas as pd  # type: ignore[import-untyped, unused-ignore]

    columns = ["unit", "period", "tips_total", "tips_via_force", "good_deeds"]
    rows = [["h1x01", "2024-11", 10, 8, 1], ["h1x01", "2024-12", float("nan"), 3, 2],
            ["h1x02", "2024-11", 4, 6, 0], ["h1x02", "2024-12", 5, 5, float("nan")]]
    frame = pd.DataFrame(rows, columns=columns)
    plan = er.load_plan("kon_plong")
    from_frame = er.evaluate(plan, frame, **KP)
    path = tmp_path / "same.csv"
    path.write_text(",".join(columns) + "\n" + "".join(
        ",".join("" if v != v else str(v) for v in row) + "\n" for row in rows), "utf-8")
    from_file = er.evaluate(plan, er.read_metrics(path), **KP)
    assert from_frame.results == from_file.results
    assert [(i.code, i.location.line, i.message) for i in from_frame.rejected] == [
        ("contradictory-counts", 3, "tips_via_force = 6 is more than tips_total = 4")]
    assert [(i.code, i.location.line - 1, i.message) for i in from_file.rejected] == [
        (i.code, i.location.line, i.message) for i in from_frame.rejected]
    assert from_frame.rejected[0].location.file == "<DataFrame>"
    assert (from_frame.rows_total, from_frame.rows_used) == (4, 3)


def test_dict_rows_and_records_are_evaluated_alike() -> None:
    """Rows as mappings are read by the same rules (5.0 is 5; 'hai' is not a count); records
    pass as they are."""
    plan = er.load_plan("kon_plong")
    rows = [{"unit": "h1x01", "period": "2024-11", "good_deeds": 5.0},
            {"unit": "h1x01", "period": "2024-12", "good_deeds": "hai"}]
    ev = er.evaluate(plan, rows, **KP)
    assert [(i.code, i.location.line) for i in ev.rejected] == [("invalid-count", 2)]
    records = er.evaluate(plan, [er.Record("h1x01", "2024-11", {"good_deeds": 5}, 1)], **KP)
    assert records.results == er.evaluate(plan, rows[:1], **KP).results
    with pytest.raises(TypeError, match="not one mapping"):
        er.evaluate(plan, {"unit": "h1x01"}, **KP)


def test_an_evaluation_converts_to_a_flat_table() -> None:
    """to_rows(): one row per unit, window and target, the columns of the CSV output;
    to_pandas() the same as a DataFrame."""
    from emulation_rules.results import ROW_COLUMNS

    ev = er.evaluate(er.load_plan("kon_plong"),
                     [er.Record("h1x01", "2024-11", {"tips_total": 4, "tips_via_force": 4}, 2)],
                     **KP)
    rows = ev.to_rows()
    assert len(rows) == 3 * 11 and all(tuple(r) == ROW_COLUMNS for r in rows)
    tips = next(r for r in rows if r["window"] == "phase_1" and r["target"] == "tips_via_force")
    # 4 of 4 tips so far, three months missing: they could bring the share under 80%
    assert (tips["verdict"], tips["observed"], tips["threshold"], tips["section"]) == (
        "unknown", 1.0, 0.8, "4.1")
    assert tips["missing_periods"] == "2024-10 2024-12 2025-01"
    frame = ev.to_pandas()
    assert list(frame.columns) == list(ROW_COLUMNS) and len(frame) == 33


# --- 7. units that look alike -----------------------------------------------------------------


def test_unit_ids_that_look_alike_are_named_in_a_warning(tmp_path: Path, cli: Any) -> None:
    """Ids are NFC-normalised and trimmed; ids that differ only by case, a Cyrillic look-alike,
    a full-width digit or an invisible character get a warning naming both (with the odd
    character as its code point), which does not fail --strict."""
    path = tmp_path / "units.csv"
    path.write_text("id,name,kind\n h1x01 ,,commune\nH1X01,,commune\nh1xa,,commune\n"
                    "h1x\u0430,,commune\nh1x\u200b01,,commune\nh1x0\uff11,,commune\n"
                    "h1x02,,commune\n", "utf-8")
    units, issues, read = er.read_unit_tree(path)
    assert [u.id for u in units][:1] == ["h1x01"] and read == 7
    assert [(i.code, i.location.line, i.severity.value) for i in issues] == [
        ("lookalike-ids", 3, "warning"), ("lookalike-ids", 5, "warning"),
        ("lookalike-ids", 6, "warning"), ("lookalike-ids", 7, "warning")]
    assert [i.message.split(" differ")[0] for i in issues] == [
        "units 'h1x01' (row 2) and 'H1X01' (row 3)",
        "units 'h1xa' (row 4) and 'h1x\\u0430' (row 5)",
        "units 'h1x01' (row 2) and 'h1x\\u200b01' (row 6)",
        "units 'h1x01' (row 2) and 'h1x0\\uff11' (row 7)"]
    metrics = tmp_path / "m.csv"
    metrics.write_text("unit,period,good_deeds\nh1x02,2024-11,1\n", "utf-8")
    result = cli("evaluate", "--plan", "kon_plong", "--metrics", str(metrics), "--units",
                 str(path), "--issued", "2024-10-15", "--as-of", "2025-09-30", "--strict")
    assert result.code == 0 and result.err.count("warning[lookalike-ids]") == 4
    ev = er.evaluate(er.load_plan("kon_plong"), [er.Record("H1X02", "2024-11", {}, 2)],
                     units=units, **KP)
    assert [(i.code, i.hint) for i in ev.rejected] == [(
        "unknown-unit", "it looks like unit 'h1x02' but differs by case, a look-alike letter or "
        "an invisible character")]
