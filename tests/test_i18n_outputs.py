"""Vietnamese throughout, for the outputs (issue 13, item 4): the words the outputs share
(:mod:`emulation_rules.labels`), the text, Markdown, CSV and JSON outputs and ``explain``
(:mod:`emulation_rules.reporting`), and the calendar (:mod:`emulation_rules.ics`) are
Vietnamese by default and English with ``en``; ids, codes, keys and numbers are the same in
both. The Markdown, CSV and JSON name windows, criteria and units by their labels.

Each output here is produced by running the code on real (and partly bad) input; the tests
assert codes, lines, ids and a few key words, not whole sentences.
"""

from __future__ import annotations

import csv
import functools
import io
import json
from datetime import date
from pathlib import Path
from typing import Any, get_args

import icalendar
import pytest

import emulation_rules as er
from emulation_rules import labels
from emulation_rules.i18n import LANGS, Lang, using
from emulation_rules.model import Body
from emulation_rules.records import UnitInfo
from emulation_rules.reporting import (
    CSV_LABEL_COLUMNS,
    evaluation_csv,
    evaluation_data,
    evaluation_markdown,
    explain,
    github_annotation,
)

from .conftest import INVALID, ROOT

EXAMPLES = ROOT / "examples"
KP = ["--plan", "kon_plong", "--metrics", str(EXAMPLES / "kon_plong_metrics.csv"),
      "--units", str(EXAMPLES / "kon_plong_units.csv"), "--issued", "2024-10-15",
      "--as-of", "2025-08-31"]


@functools.cache
def kon_plong() -> tuple[Any, Any, list[UnitInfo]]:
    """Kon Plông's plan, its evaluation on the example rows (four of them rejected) and its
    units."""
    plan = er.load_plan("kon_plong")
    units, _, _ = er.read_unit_tree(EXAMPLES / "kon_plong_units.csv")
    ev = er.evaluate(plan, er.read_metrics(EXAMPLES / "kon_plong_metrics.csv"), units=units,
                     issued=date(2024, 10, 15), as_of=date(2025, 8, 31))
    return plan, ev, units


# --- labels ------------------------------------------------------------------------------------


def test_the_shared_tables_keep_their_shape_in_both_languages() -> None:
    """WORDS, FORMS, BODIES and TEXT are read as before (``TEXT[lang][key].format(...)``),
    and every body has a name in English too."""
    assert labels.WORDS["vi"]["not_met"] == "không đạt"
    assert labels.WORDS["en"]["unknown"] == "undecided"
    assert labels.FORMS["vi"]["emulation_flag"] == "Cờ thi đua"
    assert set(labels.BODIES["en"]) == set(labels.BODIES["vi"]) == set(get_args(Body))
    assert labels.body_name("district_chairman", "en") == (
        "Chairman of the district People's Committee")
    assert labels.body_name("district_chairman", "vi") == "Chủ tịch Ủy ban nhân dân huyện"
    assert labels.TEXT["vi"]["year"].format("2026") == "Năm 2026"
    assert labels.TEXT["en"]["months_met"].format("x") == "x (months met)"
    assert {**labels.TEXT["en"]}.keys() == labels.TEXT["vi"].keys()


def test_what_an_undecided_target_needs_is_said_in_the_language(default_lang: None) -> None:
    """A month missing leaves a ratio undecided: explain says what the month would need
    (labels.need_text), in Vietnamese by default."""
    _, ev, _ = kon_plong()
    _, out, _ = _run("evaluate", *KP, "--explain", "h1x01")
    assert "Chỉ tiêu" in out and "thiếu số liệu tháng" in out and "ghi nhận" in out
    assert "Target" not in out and "observed" not in out and "no data for" not in out
    undecided = next(r for r in ev.results for c in r.criteria for t in c.targets
                     if t.verdict == "unknown" and t.need and t.need[0] == "share")
    vi = explain(ev, undecided.unit)
    en = explain(ev, undecided.unit, "en")
    assert "các tháng thiếu cần" in vi and "the missing months need" not in vi
    assert "the missing months need" in en and "các tháng thiếu" not in en
    assert vi.splitlines()[0] == en.splitlines()[0]  # the unit and window ids alike


# --- reporting: Markdown ---------------------------------------------------------------------


def _run(*argv: str) -> tuple[int, str, str]:
    from emulation_rules.cli import run

    out, err = io.StringIO(), io.StringIO()
    code = run(list(argv), stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


def test_the_markdown_summary_is_vietnamese_by_default(default_lang: None) -> None:
    code, vi, _ = _run("evaluate", *KP, "--format", "markdown")
    assert code == 0
    assert vi.startswith("# kon_plong: kết quả đánh giá tính đến ngày 31/08/2025")
    assert "## Dòng bị loại" in vi and "dòng 9: invalid-count:" in vi
    assert "| tiêu chí |" in vi and "không phải số nguyên" in vi
    assert "evaluation as of" not in vi and "Rejected rows" not in vi and " row 9" not in vi
    code, en, _ = _run("evaluate", *KP, "--format", "markdown", "--lang", "en")
    assert en.startswith("# kon_plong: evaluation as of 2025-08-31")
    assert "## Rejected rows" in en and "row 9: invalid-count:" in en
    assert "kết quả đánh giá" not in en and "Dòng bị loại" not in en


def test_the_markdown_names_windows_criteria_and_units_and_counts_kinds_apart() -> None:
    """With the plan and the units: a window and a criterion by their label with the id in a
    code span, a unit by its name, and a criterion's counts per kind of unit (Kon Plông's
    good_image is read on teams, the others on communes)."""
    plan, ev, units = kon_plong()
    vi = evaluation_markdown(ev, ev.rejected, plan=plan, units=units, lang="vi")
    en = evaluation_markdown(ev, ev.rejected, plan=plan, units=units, lang="en")
    assert "## Đợt 1 (`phase_1`)" in vi and "## Toàn kế hoạch (`campaign`)" in vi
    assert "## Phase 1 (`phase_1`)" in en and "## Whole plan (`campaign`)" in en
    assert "| tiêu chí | đơn vị | đạt | không đạt | chưa xác định |" in vi
    assert "| criterion | units | met | not met | unknown |" in en
    row = next(line for line in vi.splitlines() if "(`good_image`)" in line)
    assert "| tổ |" in row and row.startswith("| Thi đua")
    assert any("(`situation_awareness`) | xã |" in line for line in vi.splitlines())
    assert any("(`good_image`) | teams |" in line for line in en.splitlines())
    assert any("(`situation_awareness`) | communes |" in line for line in en.splitlines())
    # the counts are the summary's, split by kind: communes and teams are never added up
    summary = ev.summary()["phase_1"]["good_image"]
    assert f"| tổ | {summary['met']} | {summary['not_met']} | {summary['unknown']} |" in row


def test_the_markdown_escapes_labels_and_names_from_the_inputs() -> None:
    plan, ev, units = kon_plong()
    evil = [UnitInfo(u.id, f"|*x*|<b>{u.id}`\u202e", u.kind, u.bloc, u.parent)
            for u in units]
    silent = ev.no_data or (ev.results[0].unit,)
    ev2 = type(ev)(**{**ev.__dict__, "no_data": tuple(silent)})
    out = evaluation_markdown(ev2, plan=plan, units=evil, lang="vi")
    line = next(x for x in out.splitlines() if x.startswith("- đơn vị không có dòng"))
    assert "\\|\\*x\\*\\|&lt;b&gt;" in line and "\u202e" not in out and "\\`" in line


# --- reporting: CSV and JSON -----------------------------------------------------------------


def test_the_csv_adds_label_columns_in_the_language() -> None:
    """The id columns first, unchanged; then the labels and the unit's name; numbers bare."""
    from emulation_rules.results import ROW_COLUMNS

    plan, ev, units = kon_plong()
    cases: tuple[tuple[Lang, str], ...] = (("vi", "Đợt 1"), ("en", "Phase 1"))
    for lang, window in cases:
        text = evaluation_csv(ev, plan=plan, units=units, lang=lang)
        rows = list(csv.DictReader(io.StringIO(text.removeprefix("\ufeff"))))
        assert tuple(rows[0]) == (*ROW_COLUMNS, *CSV_LABEL_COLUMNS)
        first = rows[0]
        assert (first["unit"], first["window"]) == ("h1x01", "phase_1")
        assert (first["window_label"], first["unit_name"]) == (window, "Xã Đông 1")
        label = next(t.label for c in plan.criteria for t in c.targets
                     if t.id == first["target"])
        assert first["target_label"] == (label.vi if lang == "vi" else label.en)
        float(first["observed"])
    bare = evaluation_csv(ev)  # without the plan and units: the columns, blank or generic
    header = bare.removeprefix("\ufeff").splitlines()[0]
    assert header.endswith(",window_label,criterion_label,target_label,unit_name")


def test_a_label_that_looks_like_a_formula_is_made_text_in_the_csv() -> None:
    plan, ev, units = kon_plong()
    evil = [UnitInfo(u.id, "=HYPERLINK(\"x\")\x07", u.kind, u.bloc, u.parent) for u in units]
    rows = list(csv.DictReader(io.StringIO(
        evaluation_csv(ev, plan=plan, units=evil, lang="vi").removeprefix("\ufeff"))))
    assert rows[0]["unit_name"] == "'=HYPERLINK(\"x\")\\x07"


def test_the_json_labels_are_in_the_language_and_the_rest_is_not() -> None:
    plan, ev, units = kon_plong()
    vi = evaluation_data(ev, ev.rejected, plan=plan, units=units, lang="vi")
    en = evaluation_data(ev, ev.rejected, plan=plan, units=units, lang="en")
    assert vi["labels"]["windows"] == {"phase_1": "Đợt 1", "phase_2": "Đợt 2",
                                       "campaign": "Toàn kế hoạch"}
    assert en["labels"]["windows"]["campaign"] == "Whole plan"
    assert vi["labels"]["units"]["h1x01"] == "Xã Đông 1"
    assert set(vi["labels"]["criteria"]) == set(en["labels"]["criteria"]) >= {
        c.id for c in plan.criteria}
    assert vi["labels"]["targets"]["situation_awareness"]["tips_via_force"].startswith("80%")
    assert "không phải số nguyên" in vi["rejected"][0]["message"]
    assert "not a whole number" in en["rejected"][0]["message"] or (
        vi["rejected"][0]["message"] != en["rejected"][0]["message"])
    strip = ("labels", "rejected", "warnings")
    assert {k: v for k, v in vi.items() if k not in strip} == {
        k: v for k, v in en.items() if k not in strip}


# --- reporting: the timeline, tracking and annotations ------------------------------------


def test_the_timeline_text_is_vietnamese_by_default(default_lang: None) -> None:
    code, vi, _ = _run("timeline", "bac_giang", "--issued", "2024-09-01",
                       "--as-of", "2025-02-03")
    assert code == 0
    assert vi.startswith("bac_giang: ngày ban hành 01/09/2024; phong trào 19/08/2024 → ")
    assert "  Đợt 1 (phase_1): 01/09/2024 → 03/02/2025 (156 ngày)" in vi
    assert "khoảng không thuộc đợt nào" in vi and "hạn báo cáo:" in vi
    assert "report_phase_1: Báo cáo kết quả đợt 1 — trước ngày 08/02/2025; Ban Chỉ đạo huyện" in vi
    assert "sắp đến hạn: report_phase_1" in vi
    for english in ("issued", "Phase 1 (phase_1)", "gap (no phase)", "deadlines:", "next:",
                    "District steering committee", "(before)"):
        assert english not in vi, english
    code, en, _ = _run("timeline", "bac_giang", "--issued", "2024-09-01",
                       "--as-of", "2025-02-03", "--lang", "en")
    assert en.startswith("bac_giang: issued 2024-09-01; campaign 2024-08-19 → 2025-08-19")
    assert "report_phase_1: Report on phase 1 — before 2025-02-08; District steering " in en
    assert "ngày ban hành" not in en and "Ban Chỉ đạo" not in en and "trước" not in en


def test_the_side_by_side_table_is_vietnamese_by_default(default_lang: None) -> None:
    code, vi, _ = _run("timeline", "kon_plong", "phuong_tien", "--issued", "2024-10-15")
    assert code == 0 and vi.startswith("kế hoạch ")
    assert "— (đánh giá hằng năm)" in vi and "(định kỳ)" in vi
    assert "(recurring)" not in vi and "yearly reviews" not in vi


def test_submission_tracking_is_vietnamese_by_default(default_lang: None,
                                                      tmp_path: Path) -> None:
    subs = tmp_path / "nop.csv"
    subs.write_text("unit,deadline,submitted\nxa_a,report_phase_1,2025-02-05\n"
                    "xa_b,report_phase_1,\n", encoding="utf-8")
    argv = ["timeline", "kon_plong", "--issued", "2024-10-15", "--submissions", str(subs),
            "--as-of", "2025-02-10"]
    code, vi, _ = _run(*argv)
    assert code == 0 and vi.startswith("tình hình nộp báo cáo tính đến ngày 10/02/2025:")
    line = next(x for x in vi.splitlines() if "xa_a" in x)
    assert "nộp muộn, chậm 3 ngày — nộp ngày 05/02/2025 (hạn: trước ngày 03/02/2025)" in line
    assert "tổng cộng: đúng hạn 0, nộp muộn 1, chưa nộp 1" in vi
    assert "late" not in vi and "totals" not in vi and "submissions" not in vi
    _, en, _ = _run(*argv, "--lang", "en")
    assert "late, 3 day(s) late submitted 2025-02-05 (due before 2025-02-03)" in en
    assert "totals: on_time 0, late 1, missing 1, not_yet_due 0" in en


def test_a_github_annotation_is_in_the_language(default_lang: None) -> None:
    issue = er.iter_plan_issues(INVALID / "duplicate_key.yaml")[0]
    vi, en = github_annotation(issue), github_annotation(issue, "en")
    assert vi.startswith("::error file=") and "title=duplicate-key::" in vi
    assert "xuất hiện hai lần" in vi and "appears twice" not in vi
    assert "appears twice" in en and "xuất hiện" not in en
    assert vi.split("::")[1] == en.split("::")[1]  # file, line, column and code alike


def test_awards_markdown_and_explain_are_vietnamese_by_default(default_lang: None) -> None:
    code, vi, _ = _run("awards", *KP, "--review", "final", "--format", "markdown")
    assert code == 0 and vi.startswith("# kon_plong: khen thưởng ở lần xét final (tổng kết)")
    assert "## Thẩm quyền khen thưởng: Chủ tịch Ủy ban nhân dân huyện (`district_chairman`)" in vi
    assert "### Giấy khen của Chủ tịch Ủy ban nhân dân huyện (Giấy khen)" in vi
    assert "đủ điều kiện" in vi and "(theo quy định địa phương)" in vi
    assert "Granted by" not in vi and "eligible" not in vi and "(local_policy)" not in vi
    _, en, _ = _run("awards", *KP, "--review", "final", "--format", "markdown", "--lang", "en")
    assert en.startswith("# kon_plong: awards at review final (final_review)")
    assert "## Granted by Chairman of the district People's Committee (`district_chairman`)" in en
    assert "(Commendation)" in en and "(local_policy)" in en
    _, vi, _ = _run("awards", *KP, "--review", "final", "--explain", "xa_khong_co")
    assert "không thuộc diện xét khen thưởng nào" in vi and "candidate" not in vi


# --- ics ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
def test_the_calendar_is_in_one_language(lang: str, default_lang: None) -> None:
    argv = ["timeline", "bac_giang", "--issued", "2024-09-01", "--format", "ics"]
    code, out, _ = _run(*argv, *(["--lang", "en"] if lang == "en" else []))
    assert code == 0
    events = {str(e["uid"]): e for e in icalendar.Calendar.from_ical(out.encode()).walk("VEVENT")}
    phase = events["bac_giang.phase_2@emulation-rules"]
    report = events["bac_giang.report_phase_1@emulation-rules"]
    summary, description = str(report["summary"]), str(report["description"])
    if lang == "vi":
        assert str(phase["summary"]) == "bac_giang: Đợt 2"
        assert summary == "bac_giang: Báo cáo kết quả đợt 1 (trước ngày 08/02/2025)"
        assert "Hạn: trước ngày 08/02/2025; ngày cuối cùng còn đúng hạn: 07/02/2025" in (
            description)
        assert "Đơn vị phải nộp: Ban Chỉ đạo huyện" in description and "Đợt: Đợt 1" in description
        assert "Owed by" not in description and "Phase" not in description
    else:
        assert str(phase["summary"]) == "bac_giang: Phase 2"
        assert summary == "bac_giang: Report on phase 1 (strictly before 2025-02-08)"
        assert "Due: strictly before 2025-02-08; last on-time day 2025-02-07" in description
        assert "Owed by: District steering committee" in description
        assert "Hạn" not in description and "Đợt" not in description


def test_the_calendar_follows_the_language_in_use() -> None:
    from emulation_rules.ics import render_ics

    tl = er.timeline(er.load_plan("bac_giang"), issued=date(2024, 9, 1))
    with using("vi"):
        vi = render_ics([tl]).decode()
    assert "Nơi nhận: Ban Chỉ đạo tỉnh" in vi.replace("\r\n ", "")
    assert "To: Provincial steering committee" in render_ics([tl], "en").decode().replace(
        "\r\n ", "")


def test_json_keys_and_codes_are_the_same_in_both_languages(default_lang: None) -> None:
    runs = {lang: json.loads(_run("evaluate", *KP, "--format", "json", "--lang", lang)[1])
            for lang in LANGS}
    assert list(runs["vi"]) == list(runs["en"])
    assert [i["code"] for i in runs["vi"]["rejected"]] == [
        i["code"] for i in runs["en"]["rejected"]]
    assert runs["vi"]["summary"] == runs["en"]["summary"]
    assert runs["vi"]["labels"]["windows"]["campaign"] == "Toàn kế hoạch"
    assert runs["en"]["labels"]["windows"]["campaign"] == "Whole plan"
