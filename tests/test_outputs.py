"""Outputs people open in the tools they already use (issue 13, items 3 and 5)."""

from __future__ import annotations

import csv
import io
import os
import stat
from pathlib import Path
from typing import Any

from .conftest import ROOT

KP = ["--plan", "kon_plong", "--metrics", str(ROOT / "examples" / "kon_plong_metrics.csv"),
      "--units", str(ROOT / "examples" / "kon_plong_units.csv"), "--issued", "2024-10-15",
      "--as-of", "2025-08-31"]


def test_csv_opens_in_excel_as_utf8_with_numbers_as_numbers(cli: Any) -> None:
    """The CSV starts with a byte order mark (Excel then reads UTF-8, Vietnamese intact);
    numbers are written bare, a negative margin included (no quote, no apostrophe)."""
    result = cli("evaluate", *KP, "--format", "csv")
    assert result.code == 0, result.err
    assert result.out.startswith("\ufeffunit,window,complete,criterion,")
    rows = list(csv.DictReader(io.StringIO(result.out[1:])))
    negative = next(r for r in rows if r["margin"].startswith("-"))
    float(negative["margin"])
    assert f",{negative['margin']}," in result.out and "'-" not in result.out
    assert any("Nhân dân" in r["quote"] for r in rows)
    awards = cli("awards", *KP, "--review", "final", "--format", "csv")
    assert awards.out.startswith("\ufeffaward,form,granted_by,")


def test_an_output_file_gets_the_users_normal_permissions(cli: Any, tmp_path: Path) -> None:
    """--output writes atomically through a temporary file, which is created for its owner
    only: the file written has the umask's mode (0644 under umask 022), and a file written
    over keeps its mode."""
    old = os.umask(0o022)
    try:
        out = tmp_path / "ketqua.csv"
        assert cli("evaluate", *KP, "--format", "csv", "--output", str(out)).code == 0
        assert stat.S_IMODE(out.stat().st_mode) == 0o644
        out.chmod(0o640)
        assert cli("evaluate", *KP, "--format", "json", "--output", str(out)).code == 0
        assert stat.S_IMODE(out.stat().st_mode) == 0o640
        assert out.read_text(encoding="utf-8").startswith("{")
    finally:
        os.umask(old)


def test_vietnamese_text_prints_whatever_the_locale(tmp_path: Path) -> None:
    """Under LANG=C with an ASCII stdout (a redirected stream, a legacy console), the command
    still writes Vietnamese, as UTF-8, and exits 0."""
    import subprocess
    import sys

    env = {**os.environ, "LANG": "C", "LC_ALL": "C", "PYTHONIOENCODING": "ascii",
           "PYTHONUTF8": "0"}
    done = subprocess.run([sys.executable, "-m", "emulation_rules", "show", "kon_plong"],
                          capture_output=True, env=env, cwd=ROOT, timeout=60, check=False)
    assert done.returncode == 0, done.stderr.decode("utf-8", "replace")
    assert "Kế hoạch" in done.stdout.decode("utf-8")


def test_the_results_workbook_from_the_command_line(cli: Any, tmp_path: Path,
                                                   default_lang: None) -> None:
    """evaluate and awards --format xlsx --output: a workbook openpyxl opens, numbers as
    numbers, the inputs' hashes in its record sheet; without --output NAME.xlsx, a usage
    error."""
    import openpyxl

    out = tmp_path / "ketqua.xlsx"
    result = cli("awards", *KP, "--review", "final", "--format", "xlsx", "--output", str(out))
    assert result.code == 0, result.err
    book = openpyxl.load_workbook(out)
    assert book.sheetnames[:3] == ["Đợt 1", "Đợt 2", "Toàn kế hoạch"]
    assert "Ứng viên khen thưởng" in book.sheetnames
    numbers = [c.value for row in book["Đợt 1"].iter_rows(min_row=3) for c in row
               if isinstance(c.value, float)]
    assert numbers and any(v < 0 for v in numbers)
    record = [str(c.value) for row in book["Thông tin"].iter_rows() for c in row if c.value]
    assert any(v.startswith("sha256:") and len(v) == 71 for v in record)
    assert any("kon_plong_metrics.csv" in v for v in record)
    missing = cli("evaluate", *KP, "--format", "xlsx")
    assert missing.code == 2 and "--output TÊN.xlsx" in missing.err


def test_the_report_from_the_command_line(cli: Any, tmp_path: Path, default_lang: None) -> None:
    """report --output baocao.html: one HTML file with its sections, in Vietnamese, and in
    English with --lang en; the award candidates only with --review; without --output, a usage
    error."""
    out = tmp_path / "baocao.html"
    result = cli("report", *KP, "--review", "final", "--output", str(out))
    assert result.code == 0, result.err
    page = out.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and 'lang="vi"' in page
    for section in ('id="record"', 'id="timeline"', 'id="matrix-phase_1"', 'id="awards"',
                    'id="rejected"'):
        assert section in page, section
    assert "Thông tin chung" in page and "đạt" in page
    english = tmp_path / "report.html"
    assert cli("report", *KP, "--lang", "en", "--output", str(english)).code == 0
    text = english.read_text(encoding="utf-8")
    assert 'lang="en"' in text and 'id="awards"' not in text and "not met" in text
    missing = cli("report", *KP)
    assert missing.code == 2 and "--output TÊN.html" in missing.err


def test_a_count_with_no_known_cell_shows_no_value(tmp_path: Path) -> None:
    """A count target whose every month is missing has ``observed`` 0, which says nothing:
    the results workbook leaves its value and margin blank, the report says there is no data,
    --explain shows '?', beside the verdict undecided (a 0 beside "chưa xác định" misled)."""
    from datetime import date

    import openpyxl

    import emulation_rules as er
    from emulation_rules.report_html import render_report
    from emulation_rules.reporting import explain
    from emulation_rules.results_workbook import write_results_workbook

    plan = er.load_plan("kon_plong")
    rows = [{"unit": "h1x01", "period": "2024-11", "tips_total": 10, "tips_via_force": 8}]
    ev = er.evaluate(plan, rows, issued=date(2024, 10, 15), as_of=date(2025, 8, 31))
    (target,) = [t for c in ev.for_unit("h1x01")[0].criteria for t in c.targets
                 if t.target == "model_recognised"]
    assert target.verdict == "unknown" and target.observed == 0 and target.nothing_known
    partly = [t for c in ev.for_unit("h1x01")[0].criteria for t in c.targets
              if t.target == "tips_via_force"]
    assert not partly[0].nothing_known
    out = tmp_path / "ketqua.xlsx"
    write_results_workbook(out, ev, plan, lang="en")
    sheet = openpyxl.load_workbook(out)["Phase 1"]
    ids = [c.value for c in sheet[2]]
    row = next(r for r in sheet.iter_rows(min_row=3, values_only=True) if "h1x01" in r)
    col = ids.index("model_recognised")
    assert row[col] is None and row[col + 1] is None
    assert row[ids.index("tips_via_force")] == 0.8
    said = [line for line in explain(ev, "h1x01", "en").splitlines()
            if "model_recognised" in line]
    assert "unknown: observed ?," in said[0]
    html = render_report(ev, plan, timeline=er.timeline(plan, issued=date(2024, 10, 15)),
                         lang="en")
    label = next(t.label.en for c in plan.criteria for t in c.targets
                 if t.id == "model_recognised")
    shown = html[html.index(label.replace("'", "&#39;")):]
    assert shown.index("<dt>Observed</dt> <dd>no data</dd>") < shown.index("</dl>")
