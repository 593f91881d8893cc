"""A CSV cell longer than the cell limit rejects its own row, located at file, line and column,
and every other row of the file is still read, with its own physical line number.

Before: the csv module raised ``field larger than field limit`` on such a cell, the reader took
it as the end of the file, and every later row vanished (exit 0, ``rows: 100 read`` for a file
of 200 rows).
"""

from __future__ import annotations

import csv
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

import emulation_rules as er
from emulation_rules import _tables
from emulation_rules._tables import MAX_CELL_CHARS, read_table

from .conftest import ROOT

HUGE = 900_000
UNITS = ROOT / "examples" / "kon_plong_units.csv"


def _write(tmp_path: Path, text: str, name: str = "m.csv") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8", newline="")
    return path


def _metrics_lines(count: int = 200) -> list[str]:
    """``count`` distinct rows (unit hNxMM, month 2024-11): row i (line i + 1) has good_deeds i,
    so that a row read out of place or garbled shows in its value."""
    return ["unit,period,good_deeds"] + [f"h{i}x01,2024-11,{i}" for i in range(1, count + 1)]


def _row_issues(issues: list[er.Issue]) -> list[tuple[str, int, tuple[Any, ...]]]:
    return [(i.code, i.location.line, i.location.path) for i in issues]


def test_a_900kb_cell_on_row_100_rejects_that_row_only(tmp_path: Path) -> None:
    """The case reported: 201 lines, a 900,000-character good_deeds on data row 100 (line 101).
    read_metrics reads all 199 other rows with their own line numbers and values (line 102, the
    row after the bad one, exactly); the bad row is one issue at line 101, column good_deeds,
    saying the cell is longer than the limit; rows read (200) = records (199) + rejected (1)."""
    lines = _metrics_lines()
    lines[100] = "h100x01,2024-11," + "9" * HUGE
    path = _write(tmp_path, "\n".join(lines) + "\n")

    read = er.read_metrics(path)

    assert [r.row for r in read.records] == [n for n in range(2, 202) if n != 101]
    assert [(r.unit, r.values["good_deeds"]) for r in read.records] == [
        (f"h{i}x01", i) for i in range(1, 201) if i != 100]
    after = read.records[99]
    assert (after.row, after.unit, after.period, after.values) == (
        102, "h101x01", "2024-11", {"good_deeds": 101})
    assert _row_issues(read.rejected) == [("row-shape", 101, ("row 101", "good_deeds"))]
    issue = read.rejected[0]
    assert f"longer than the limit of {MAX_CELL_CHARS:,} characters" in issue.message
    assert str(issue).startswith(f"{path}:101: column 'good_deeds': error[row-shape] ")
    assert read.rows_read == 200 == len(read.records) + len(read.rejected)


def test_the_limit_is_exact(tmp_path: Path) -> None:
    """A cell of exactly MAX_CELL_CHARS characters is read; one character more rejects the row
    (the csv module's own limit, which bounds the memory a cell takes while it is read)."""
    assert MAX_CELL_CHARS == csv.field_size_limit() == 131_072
    path = _write(tmp_path, "a,b\n"
                  f"{'x' * MAX_CELL_CHARS},1\n"
                  f"{'y' * (MAX_CELL_CHARS + 1)},2\n"
                  "z,3\n")
    rows, issues = read_table(path)
    assert [(r.number, len(r.cells["a"]), r.cells["b"]) for r in rows] == [
        (2, MAX_CELL_CHARS, "1"), (4, 1, "3")]
    assert _row_issues(issues) == [("row-shape", 3, ("row 3", "a"))]


def test_an_oversized_quoted_cell_spanning_lines(tmp_path: Path) -> None:
    """A quoted cell of 20,000 lines that each look like a row (``h9x01,2024-12,7``), with
    doubled quotes, 320,000 characters in all, on lines 4..20004. After the csv module gives up
    on it, it would resume inside the cell and read those lines as rows; the reader reads past
    the closing quote instead: one issue for the row, at the line where it ends (the line
    number a row spanning lines always has, like the good one on lines 2..3), column 'note',
    and the next row (line 20005) exactly."""
    fake = 'h9x01,2024-12,7 ""q""\n' * 20_000
    path = _write(tmp_path, "unit,period,good_deeds,note\n"
                  'h1x01,2024-11,1,"two\nlines"\n'
                  f'h2x01,2024-11,2,"{fake}"\n'
                  "h3x01,2024-11,3,\n")

    rows, issues = read_table(path)

    assert [(r.number, r.cells) for r in rows] == [
        (3, {"unit": "h1x01", "period": "2024-11", "good_deeds": "1", "note": "two\nlines"}),
        (20005, {"unit": "h3x01", "period": "2024-11", "good_deeds": "3", "note": ""})]
    assert _row_issues(issues) == [("row-shape", 20004, ("row 20004", "note"))]

    read = er.read_metrics(path)
    assert [r.row for r in read.records] == [3, 20005]
    assert read.rows_read == 3 == len(read.records) + len(read.rejected)


def test_an_oversized_cell_that_is_not_the_last_in_its_row(tmp_path: Path) -> None:
    """The column is the one of the long cell (here the first, quoted and closed on its own
    line, with cells after it), CRLF line ends: the rows around it are read exactly."""
    path = _write(tmp_path, "unit,period,good_deeds\r\n"
                  "h1x01,2024-11,1\r\n"
                  f'"{"u" * HUGE}",2024-11,5\r\n'
                  "h3x01,2024-11,3\r\n")
    rows, issues = read_table(path)
    assert [(r.number, r.cells["unit"], r.cells["good_deeds"]) for r in rows] == [
        (2, "h1x01", "1"), (4, "h3x01", "3")]
    assert _row_issues(issues) == [("row-shape", 3, ("row 3", "unit"))]


@pytest.mark.parametrize("ending", ["\n", ""], ids=["newline", "no-final-newline"])
def test_an_oversized_cell_on_the_last_line(tmp_path: Path, ending: str) -> None:
    """The long cell is on the last line (with or without a final line end): every row before
    it is read, the last one is one issue at its line, and it is counted as read."""
    lines = _metrics_lines(5)
    lines[-1] = "h5x01,2024-11," + "8" * HUGE
    path = _write(tmp_path, "\n".join(lines) + ending)
    read = er.read_metrics(path)
    assert [(r.row, r.values["good_deeds"]) for r in read.records] == [
        (2, 1), (3, 2), (4, 3), (5, 4)]
    assert _row_issues(read.rejected) == [("row-shape", 6, ("row 6", "good_deeds"))]
    assert read.rows_read == 5


def test_an_oversized_quoted_cell_never_closed(tmp_path: Path) -> None:
    """A quote opened on line 3 and never closed: the rest of the file is that one cell (as
    the csv module reads it). One issue at the last line, the row before it read, no
    traceback."""
    path = _write(tmp_path, "a,b\n1,2\n3,\"" + "w,\n" * 60_000 + "4,5\n")
    rows, issues = read_table(path)
    assert [(r.number, r.cells) for r in rows] == [(2, {"a": "1", "b": "2"})]
    assert _row_issues(issues) == [("row-shape", 60_003, ("row 60003", "b"))]


def test_a_long_cell_beyond_the_header_names_its_position(tmp_path: Path) -> None:
    """A long cell in a column the header does not have: the row is rejected once (not also as
    row-shape), its column given by position."""
    path = _write(tmp_path, f"a,b\n1,2,{'v' * HUGE}\n3,4\n")
    rows, issues = read_table(path)
    assert [r.number for r in rows] == [3]
    assert _row_issues(issues) == [("row-shape", 2, ("row 2", "cell 3"))]


def test_the_limit_holds_when_the_process_raised_the_csv_limit(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """When the csv module's limit is above the cell limit (here the cell limit is lowered to
    4 instead of raising the process-wide csv limit), a longer cell that the csv module returns
    rejects its row the same way; 4 characters are read."""
    monkeypatch.setattr(_tables, "MAX_CELL_CHARS", 4)
    path = _write(tmp_path, "a,b\nabcd,1\nabcde,2\nx,3\n")
    rows, issues = read_table(path)
    assert [(r.number, r.cells["a"]) for r in rows] == [(2, "abcd"), (4, "x")]
    assert _row_issues(issues) == [("row-shape", 3, ("row 3", "a"))]
    assert "longer than the limit of 4 characters" in issues[0].message


def test_many_oversized_rows_each_reject_only_themselves(tmp_path: Path) -> None:
    """50 long rows (in turn unquoted on one line, and quoted over two lines) between 51 good
    ones: the good ones are all read, in order, with their physical line numbers; each long one
    is one issue at the line where it ends."""
    lines, good, bad = ["a,b"], [], []
    number = 1
    for i in range(50):
        lines.append(f"{i},good")
        number += 1
        good.append(number)
        if i % 2:
            lines.append(f"{i},{'x' * 140_000}")
            number += 1
        else:
            lines.append(f'{i},"{"y" * 70_000}\n{"y" * 70_000}"')
            number += 2
        bad.append(number)
    lines.append("50,good")
    good.append(number + 1)
    path = _write(tmp_path, "\n".join(lines) + "\n")
    rows, issues = read_table(path)
    assert [(r.number, r.cells) for r in rows] == [
        (n, {"a": str(i), "b": "good"}) for i, n in enumerate(good)]
    assert _row_issues(issues) == [("row-shape", n, (f"row {n}", "b")) for n in bad]


def test_the_cli_counts_every_row(cli: Callable[..., Any], tmp_path: Path) -> None:
    """The command of the report: 200 team rows of Kon Plông, a 900,000-character cell in row
    100. ``rows: 200 read, 199 evaluated, 1 rejected`` (was ``rows: 99 read``, the rest of the
    file silently dropped), the bad row printed with file, line and column, no traceback."""
    with UNITS.open(encoding="utf-8-sig", newline="") as handle:
        teams = [r["id"] for r in csv.DictReader(handle) if r["kind"] == "team"][:200]
    assert len(teams) == 200
    lines = ["unit,period,good_deeds"] + [f"{t},2024-11,{i % 5}" for i, t in enumerate(teams)]
    lines[100] = f"{teams[99]},2024-11," + "7" * HUGE
    path = _write(tmp_path, "\n".join(lines) + "\n")

    result = cli("evaluate", "--plan", "kon_plong", "--metrics", str(path), "--units",
                 str(UNITS), "--issued", "2024-10-15", "--as-of", "2025-09-01",
                 "--format", "json")

    assert result.code == 0
    assert "rows: 200 read, 199 evaluated, 1 rejected" in result.err.splitlines()
    assert f"{path}:101: column 'good_deeds': error[row-shape] the cell is longer than" in (
        result.err)
    assert "Traceback" not in result.err
