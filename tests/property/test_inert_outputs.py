"""Nothing from an input reaches an output as anything but text (issue 11, inert output).

Hostile strings (terminal escapes, carriage returns, bidirectional marks, zero-width
characters, Markdown pipes and HTML, spreadsheet formulas, GitHub workflow commands) are put in
unit ids and names, in a plan's labels and quotes, and in file names, and fed through every
command and output format. Each output must be inert: no control or invisible character left
raw (only newlines and tabs; CSV's own line ends), Markdown table rows keep their columns, no
CSV cell starts a formula, JSON parses, no line starts a workflow command it did not mean.
"""

from __future__ import annotations

import csv
import io
import json
import os
import unicodedata
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from emulation_rules.cli import run

ROOT = Path(__file__).resolve().parent.parent.parent
HOSTILE = ["\x1b[2J\x1b[31mred", "a\rb", "x\u202etxt.exe", "z\u200bw", "p|q", "<b>h</b>",
           "=HYPERLINK(\"http://x\")", "+1+1", "@SUM(A1)", "-2-2", "::warning::owned", "`c`",
           "\x85nel", "\u2028ls", "\x00nul"]


def _bad_chars(text: str, allow_cr: bool = False) -> list[str]:
    keep = {"\n", "\t"} | ({"\r"} if allow_cr else set())
    return [c for c in text if c not in keep and unicodedata.category(c) in
            {"Cc", "Cf", "Co", "Cs", "Cn", "Zl", "Zp"}]


@contextmanager
def _cwd(path: Path) -> Iterator[None]:
    old = os.getcwd()
    os.chdir(path)
    try:
        yield
    finally:
        os.chdir(old)


def _run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = run(list(argv), stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


def _inputs(folder: Path, evil: str) -> None:
    """Units and metrics with ``evil`` in a unit id and a name, and a plan label and quote."""
    unit = f"x{evil}"
    with (folder / "units.csv").open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["id", "name", "kind", "bloc", "parent"])
        writer.writerow(["c1", f"Xã {evil}", "commune", f"k{evil}", ""])
        writer.writerow([unit, evil, "team", "", "c1"])
    with (folder / "metrics.csv").open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["unit", "period", "good_deeds", "members_commended", "tips_total",
                         f"col{evil}"])
        writer.writerow([unit, "2024-11", "1", "0", "", "1"])
        writer.writerow(["c1", "2024-11", "", "", "3", ""])
        writer.writerow([f"nobody{evil}", "2024-11", "1", "0", "", ""])
        writer.writerow([unit, f"2024-1{evil}", "1", "0", "", ""])
    with (folder / "attestations.csv").open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["unit", "window", "outstanding_achievement"])
        writer.writerow([f"nobody{evil}", "", "có"])
        writer.writerow(["c1", f"phase{evil}", "có"])
        writer.writerow(["c1", "", f"có{evil}"])
    with (folder / "submissions.csv").open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["unit", "deadline", "submitted"])
        writer.writerow(["c1", f"report_phase_1{evil}", "2025-01-20"])
        writer.writerow([unit, "report_phase_1", "2025-01-20"])
        writer.writerow(["c1", "report_phase_1", f"2025-01-2{evil}"])
    # a plan whose title and a phase's label carry it (YAML double quotes: any character)
    plan = (ROOT / "plans" / "kon_plong.yaml").read_text(encoding="utf-8")
    quoted = json.dumps(f"Kế hoạch {evil}", ensure_ascii=True)
    plan = plan.replace("id: kon_plong\n", "id: evil\n", 1)
    plan = plan.replace("title:\n  vi: Kế hoạch phát động", f"title:\n  vi: {quoted}\n"
                        "  # the document's title: Kế hoạch phát động", 1)
    plan = plan.replace("label: {vi: Đợt 1, en: Phase 1}",
                        f"label: {{vi: {quoted}, en: Phase 1}}", 1)
    (folder / "evil.yaml").write_text(plan, encoding="utf-8")


def _check(name: str, fmt: str, out: str, err: str) -> None:
    assert not _bad_chars(err), (name, "stderr", _bad_chars(err))
    if fmt == "csv":  # opens in Excel as UTF-8: one byte order mark, at the start only
        assert out.startswith("\ufeff"), name
        out = out[1:]
        assert not _bad_chars(out, allow_cr=True), (name, _bad_chars(out, True))
        for row in csv.reader(io.StringIO(out)):
            for cell in row:
                if cell[:1] in ("=", "+", "-", "@"):
                    float(cell)  # only a number may start so
        return
    assert not _bad_chars(out), (name, fmt, _bad_chars(out))
    if fmt == "json" and out:  # no output: a plan refused (its control character, say)
        json.loads(out)
    if fmt == "markdown":  # every row of a table has as many cells as the table's header
        width = 0
        for line in out.splitlines():
            if not line.startswith("|"):
                width = 0
                continue
            cells = line.replace("\\|", "").count("|")
            width = width or cells
            assert cells == width, (name, line)
    for line in out.splitlines() + err.splitlines():
        assert not line.startswith("::warning"), line


def _check_workbook(path: Path) -> None:
    """No formula anywhere; every text cell inert (no control or invisible character)."""
    import zipfile

    with zipfile.ZipFile(path) as book:
        for name in book.namelist():
            if name.startswith("xl/worksheets/"):
                assert b"<f>" not in book.read(name) and b"<f " not in book.read(name), name
    import openpyxl

    for sheet in openpyxl.load_workbook(path).worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                if isinstance(cell.value, str):
                    assert not _bad_chars(cell.value), (sheet.title, cell.coordinate)
                    assert cell.data_type == "s", (sheet.title, cell.coordinate)


@pytest.mark.parametrize("evil", HOSTILE)
def test_every_command_and_format_is_inert(evil: str, tmp_path: Path) -> None:
    _inputs(tmp_path, evil)
    base = ["--plan", "kon_plong", "--metrics", "metrics.csv", "--units", "units.csv",
            "--issued", "2024-10-15", "--as-of", "2025-09-30"]
    with _cwd(tmp_path):
        for fmt in ("markdown", "csv", "json"):
            code, out, err = _run("evaluate", *base, "--format", fmt)
            assert code in (0, 1), err
            _check(f"evaluate {fmt}", fmt, out, err)
            code, out, err = _run("awards", *base, "--review", "final", "--format", fmt)
            assert code in (0, 1), err
            _check(f"awards {fmt}", fmt, out, err)
        for command in ("evaluate", "awards"):
            extra = ["--review", "final"] if command == "awards" else []
            for unit in (f"x{evil}", "c1"):
                code, out, err = _run(command, *base, *extra, "--explain", unit)
                _check(f"{command} explain", "text", out, err)
        code, out, err = _run("validate", "evil.yaml", "--format", "github")
        _check("validate github", "text", out, err)
        for argv in (["timeline", "evil.yaml", "--issued", "2024-10-15", "--as-of",
                      "2025-01-01"], ["diff", "kon_plong", "evil.yaml"],
                     ["show", "evil.yaml"], ["validate", "evil.yaml"]):
            code, out, err = _run(*argv)
            assert code in (0, 1), (argv, err)
            _check(" ".join(argv[:1]), "text", out, err)
        for argv in (["timeline", "evil.yaml", "--issued", "2024-10-15", "--format", "json"],
                     ["diff", "kon_plong", "evil.yaml", "--format", "json"],
                     ["show", "evil.yaml", "--format", "json"]):
            code, out, err = _run(*argv)
            _check(" ".join(argv[:1]) + " json", "json", out, err)
        code, out, err = _run("evaluate", *base[:2], "--metrics", f"no{evil}.csv")
        _check("usage error", "text", out, err)
        code, out, err = _run("validate", "evil.yaml", "--format", "json")
        _check("validate json", "json", out, err)
        code, out, err = _run("report", *base, "--review", "final", "--output", "report.html")
        assert code in (0, 1), err
        _check("report", "text", out, err)
        page = Path("report.html").read_text(encoding="utf-8")
        assert not _bad_chars(page), ("report", _bad_chars(page))
        assert "<script" not in page.lower() and "<b>h</b>" not in page
        for command in ("evaluate", "awards"):  # the results workbook
            extra = ["--review", "final"] if command == "awards" else []
            code, out, err = _run(command, *base, *extra, "--format", "xlsx", "--output",
                                  f"{command}.xlsx")
            assert code in (0, 1), err
            _check(f"{command} xlsx", "text", out, err)
            _check_workbook(Path(f"{command}.xlsx"))
        # attestations naming an unknown unit and window, submissions an unknown unit and
        # deadline, and a calendar of the hostile plan
        for fmt in ("markdown", "json"):
            code, out, err = _run("evaluate", *base, "--format", fmt, "--attestations",
                                  "attestations.csv")
            assert code in (0, 1), err
            _check(f"evaluate attestations {fmt}", fmt, out, err)
        for fmt in ("text", "json"):
            code, out, err = _run("timeline", "evil.yaml", "--issued", "2024-10-15",
                                  "--as-of", "2025-09-30", "--submissions", "submissions.csv",
                                  "--format", fmt)
            _check(f"timeline submissions {fmt}", fmt, out, err)
        code, out, err = _run("timeline", "evil.yaml", "--issued", "2024-10-15", "--format",
                              "ics")
        assert code in (0, 1), err  # 1: a plan with a control character is refused
        assert not _bad_chars(out.replace("\r\n", "\n")), ("ics", _bad_chars(out))
        _check("timeline ics", "ics", "", err)


@given(st.text(alphabet=st.characters(codec="utf-8"), min_size=1, max_size=12))
def test_any_text_in_a_unit_id_stays_inert(evil: str) -> None:
    """Any text at all (hypothesis) in a unit id and a name: the explanation and the Markdown
    report stay inert."""
    import tempfile

    evil = evil.replace("\r", "").replace("\n", "").replace('"', "")
    if not evil.strip():
        return
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder)
        _inputs(path, evil)
        base = ["--plan", "kon_plong", "--metrics", "metrics.csv", "--units", "units.csv",
                "--issued", "2024-10-15", "--as-of", "2025-09-30"]
        with _cwd(path):
            _, out, err = _run("evaluate", *base)
            _check("evaluate markdown", "markdown", out, err)
            _code, out, err = _run("evaluate", *base, "--explain", f"x{evil}".strip())
            _check("explain", "text", out, err)
