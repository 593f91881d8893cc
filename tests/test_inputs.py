"""Reading metrics and units files: every row is used or rejected with file, row and column."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import emulation_rules as er
from emulation_rules.inputs import read_metrics, read_unit_tree

PLAN = er.load_plan("kon_plong")


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_bytes(text.encode("utf-8"))
    return path


def test_excel_csv_rows_are_all_accounted_for(tmp_path: Path) -> None:
    """New rule (issue 10): the reader only parses cells (invalid-period, invalid-count,
    unknown-column); a duplicate row and a part over its whole are found by ``er.evaluate``,
    which gets the reader's result whole and accounts for every row of the file."""
    path = write(tmp_path, "m.csv", (
        "\ufeffunit,period,tips_total,tips_via_force,good_deeds,colour\r\n"
        "xa_a,2024-11,10,8,,red\r\n"          # 2: used; a blank cell is missing data
        "xa_a,11/2024,10,8,1,red\r\n"         # 3: same unit and month as row 2
        "xa_b,2024-11,5,6,0,red\r\n"          # 4: more via the force than in total
        "xa_c,2024-13,1,1,1,red\r\n"          # 5: no month 13
        "xa_d,2024-12,-1,0,x,red\r\n"         # 6: two bad counts
        "Tổ Đắk,2024-12,3,3,2,red\r\n"))      # 7: Vietnamese id kept exactly
    read = read_metrics(path)
    assert read.rows_read == 6
    assert [(r.unit, r.period, r.row) for r in read.records] == [
        ("xa_a", "2024-11", 2), ("xa_a", "2024-11", 3), ("xa_b", "2024-11", 4),
        ("Tổ Đắk", "2024-12", 7)]
    assert read.records[0].values["good_deeds"] is None
    got = [(i.code, i.location.line, i.location.path[-1]) for i in read.rejected]
    assert got == [("invalid-period", 5, "period"), ("invalid-count", 6, "tips_total"),
                   ("invalid-count", 6, "good_deeds")]
    assert [(w.code, w.hint, w.severity) for w in read.warnings] == [
        ("unknown-column", None, er.Severity.WARNING)]

    ev = er.evaluate(PLAN, read, issued=date(2024, 10, 15), as_of=date(2025, 8, 31))
    got = [(i.code, i.location.line, i.location.path[-1]) for i in ev.rejected]
    assert got == [("duplicate-row", 3, "period"), ("contradictory-counts", 4, "tips_via_force"),
                   ("invalid-period", 5, "period"), ("invalid-count", 6, "tips_total"),
                   ("invalid-count", 6, "good_deeds")]
    assert "rows 2 and 3" in ev.rejected[0].message
    assert (ev.rows_total, ev.rows_used, ev.rows_rejected) == (6, 2, 4)
    assert len({i.location.line for i in ev.rejected}) == ev.rows_rejected
    assert "unknown-column" in {w.code for w in ev.warnings}


def test_json_and_yaml_metrics(tmp_path: Path) -> None:
    for name, text in (("m.json", '[{"unit": "t1", "period": "2025-01", "good_deeds": 2}]'),
                       ("m.yaml", "- {unit: t1, period: 2025-01, good_deeds: 2}\n")):
        read = read_metrics(write(tmp_path, name, text), PLAN)
        assert [(r.unit, r.period, r.values) for r in read.records] == [
            ("t1", "2025-01", {"good_deeds": 2})]


def test_units_tree(tmp_path: Path) -> None:
    path = write(tmp_path, "u.csv", "id,name,kind,bloc,parent\nxa,Xã A,commune,b1,\n"
                 "t1,Tổ 1,team,,xa\nt2,Tổ 2,teem,,xa\nt3,Tổ 3,team,,xb\n")
    units, issues, total = read_unit_tree(path)
    assert total == 4 and [u.id for u in units] == ["xa", "t1", "t3"]
    assert [(i.code, i.location.line) for i in issues] == [("invalid-value", 4),
                                                           ("unknown-parent", 5)]
    assert issues[0].hint == "did you mean 'team'?"


def test_a_cycle_in_the_units_tree_is_reported_not_followed_forever(tmp_path: Path) -> None:
    path = write(tmp_path, "u.csv", "id,name,kind,bloc,parent\na,A,commune,,b\nb,B,commune,,a\n"
                 "t,T,team,,t\n")
    units, issues, _ = read_unit_tree(path)
    assert [(i.code, i.location.line) for i in issues] == [
        ("parent-cycle", 2), ("parent-cycle", 3), ("parent-cycle", 4)]
    records = [er.Record("t", "2024-11", {"force_members": 3, "force_members_patrolling": 3})]
    ev = er.evaluate(PLAN, records, units=units, issued=date(2024, 10, 15),
                     as_of=date(2025, 1, 1))  # terminates
    assert {r.unit for r in ev.results} == {"a", "b", "t"}


def test_longer_periods_are_read_and_normalised(tmp_path: Path) -> None:
    """A span of months or a quarter is one row for several months (docs/evaluation.md)."""
    path = write(tmp_path, "m.csv", "unit,period,good_deeds\n"
                 "a,2024-10..2024-12,3\n"     # a span
                 "b,2025-Q1,1\n"              # a quarter
                 "c,Q2/2025,1\n"              # a quarter, day-first style
                 "d,11/2024..01/2025,2\n"     # a span, month/year style
                 "e,2025-03..2025-03,1\n")    # a one-month span is that month
    read = read_metrics(path, PLAN)
    assert read.rejected == []
    assert [r.period for r in read.records] == [
        "2024-10..2024-12", "2025-01..2025-03", "2025-04..2025-06", "2024-11..2025-01",
        "2025-03"]


def test_a_month_is_covered_by_one_row_only(tmp_path: Path) -> None:
    """New rule (issue 10): the reader rejects periods it cannot parse; two rows covering one
    month (duplicate-row, overlapping-periods) are rejected by ``er.evaluate``."""
    path = write(tmp_path, "m.csv", "unit,period,good_deeds\n"
                 "a,2024-11,1\n"              # row 2
                 "a,2024-10..2024-12,3\n"     # row 3: covers 2024-11 again
                 "b,2025-Q1,1\n"              # row 4
                 "b,2025-Q1,1\n"              # row 5: the same period twice
                 "c,2025-03..2025-01,1\n"     # row 6: ends before it starts
                 "c,2025-Q5,1\n")             # row 7: no fifth quarter
    read = read_metrics(path)
    assert [(i.code, i.location.line) for i in read.rejected] == [("invalid-period", 6),
                                                                  ("invalid-period", 7)]
    assert [r.period for r in read.records] == [
        "2024-11", "2024-10..2024-12", "2025-01..2025-03", "2025-01..2025-03"]
    ev = er.evaluate(PLAN, read, issued=date(2024, 10, 15), as_of=date(2025, 8, 31))
    got = [(i.code, i.location.line) for i in ev.rejected]
    assert got == [("overlapping-periods", 3), ("duplicate-row", 5), ("invalid-period", 6),
                   ("invalid-period", 7)]
    assert "overlaps 2024-11 of row 2" in ev.rejected[0].message
    assert (ev.rows_total, ev.rows_used) == (6, 2)


def test_a_span_is_at_most_twelve_months(tmp_path: Path) -> None:
    """A span covers each of its months in the duplicate check: it is bounded to a year so a
    few short rows cannot ask for millions of months."""
    path = write(tmp_path, "m.csv", "unit,period,good_deeds\n"
                 "a,2024-01..2024-12,1\n"      # twelve months: read
                 "b,2024-01..2025-01,1\n"      # thirteen: rejected
                 "c,0001-01..9999-12,1\n")     # rejected at once
    read = read_metrics(path, PLAN)
    assert [(i.code, i.location.line) for i in read.rejected] == [("invalid-period", 3),
                                                                  ("invalid-period", 4)]
    assert [r.period for r in read.records] == ["2024-01..2024-12"]
