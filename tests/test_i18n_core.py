"""Vietnamese throughout (issue 13, item 4), the core: the timeline, the evaluation, the
results and the awards speak Vietnamese by default and English when asked, from the catalogue
(``emulation_rules._catalog.core``); codes, ids, dates as data and JSON keys stay the same.

Each message here is produced by running the code on a bad or doubtful input; the English
rendering (``Issue.message``, ``render("en")``) is the wording the rest of the suite asserts.
"""

from __future__ import annotations

import io
import json
from datetime import date

import pytest

import emulation_rules as er
from emulation_rules.cli import run
from emulation_rules.conditions import COMPARATORS
from emulation_rules.eligibility import ReviewError, awards
from emulation_rules.evaluation import EvaluationTooLargeError, evaluate
from emulation_rules.i18n import using
from emulation_rules.records import Record, UnitInfo
from emulation_rules.results import REASONS
from emulation_rules.timelines import IssueDateError, TimelineError, timeline

KON_PLONG = er.load_plan("kon_plong")
BAC_GIANG = er.load_plan("bac_giang")
ISSUED = date(2024, 10, 15)


def _cli(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = run(list(argv), stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


# --- timelines -------------------------------------------------------------------------------


def test_a_missing_issue_date_is_said_in_vietnamese_by_default(default_lang: None) -> None:
    with pytest.raises(IssueDateError) as caught:
        timeline(KON_PLONG)
    said = str(caught.value)
    assert "ngày ban hành" in said and "--issued" in said and "'kon_plong'" in said
    assert "issue date" not in said
    with using("en"):
        english = str(caught.value)
    assert "starts on its issue date" in english and "ngày ban hành" not in english


def test_a_date_out_of_range_names_what_it_is_in_the_language(default_lang: None) -> None:
    with pytest.raises(TimelineError) as caught:
        timeline(KON_PLONG, issued=ISSUED, as_of=date(2999, 1, 1))
    said = str(caught.value)
    assert said.startswith("ngày xét (--as-of) 01/01/2999 nằm ngoài") and "as-of" in said
    with using("en"):
        assert str(caught.value).startswith("the as-of date 2999-01-01 is outside")


def test_the_timeline_notes_are_notes_or_warnings_rendered_when_shown(
        default_lang: None) -> None:
    notes = timeline(BAC_GIANG, issued=date(2024, 8, 15)).notes
    assert [n.warning for n in notes] == [True]
    vi = notes[0].render()
    assert vi.startswith("cảnh báo: ngày ban hành 15/08/2024") and "19/08/2024" in vi
    assert "warning" not in vi and "issue date" not in vi
    assert notes[0].render("en") == ("warning: the issue date 2024-08-15 is before the "
                                     "campaign starts (2024-08-19)")
    open_ended = timeline(er.load_plan("phuong_tien")).notes
    assert [n.warning for n in open_ended] == [False]
    assert open_ended[0].labelled().startswith("lưu ý: phong trào không có ngày kết thúc")
    assert open_ended[0].labelled("en").startswith("note: open-ended movement: laid out until "
                                                   "2030-12-31")


def test_the_timeline_outputs_show_its_warnings_in_the_language(default_lang: None) -> None:
    code, vi, _ = _cli("timeline", "bac_giang", "--issued", "2024-08-15")
    assert code == 0 and "  cảnh báo: ngày ban hành 15/08/2024" in vi
    assert "warning:" not in vi
    code, en, _ = _cli("timeline", "bac_giang", "--issued", "2024-08-15", "--lang", "en")
    assert code == 0 and "  warning: the issue date 2024-08-15 is before" in en
    code, out, _ = _cli("timeline", "bac_giang", "--issued", "2024-08-15", "--format", "json")
    assert code == 0 and json.loads(out)["notes"][0].startswith("cảnh báo: ngày ban hành")


# --- evaluation ------------------------------------------------------------------------------


def _rejected() -> list[er.Issue]:
    units = [UnitInfo("xa", "Xã A", "commune"), UnitInfo("to1", "Tổ 1", "team", parent="xa")]
    records = [
        Record("to1", "2024-11", {"good_deeds": -1}, 2, "a.csv"),          # invalid-count
        Record("toX", "2024-11", {"good_deeds": 1}, 3, "a.csv"),           # unknown-unit
        Record("to1", "2024-12", {"good_deeds": 1}, 4, "a.csv"),
        Record("to1", "2024-12", {"good_deeds": 2}, 5, "b.csv"),           # duplicate-row
        Record("to1", "2023-05", {"good_deeds": 1}, 6, "b.csv"),           # period-outside
        Record("to1", "2024-13", {"good_deeds": 1}, 7, "b.csv"),           # invalid-period
    ]
    ev = evaluate(KON_PLONG, records, units=units, issued=ISSUED, as_of=date(2025, 3, 1))
    return list(ev.rejected)


def test_rejected_rows_are_said_in_vietnamese_and_their_message_stays_english(
        default_lang: None) -> None:
    by_code = {i.code: i for i in _rejected()}
    assert set(by_code) == {"invalid-count", "unknown-unit", "duplicate-row", "period-outside",
                            "invalid-period"}
    count = str(by_code["invalid-count"])
    assert count.startswith("a.csv:2: cột 'good_deeds': lỗi[invalid-count]")
    assert "không phải số nguyên từ 0 trở lên" in count and "whole number" not in count
    assert by_code["invalid-count"].message == ("good_deeds = '-1' is not a whole number of 0 "
                                                "or more")
    unit = str(by_code["unknown-unit"])
    assert "đơn vị 'toX' không có trong tệp đơn vị" in unit and "units file" not in unit
    assert "có phải là 'to1'?" in unit
    twice = str(by_code["duplicate-row"])
    assert "hai dòng cho kỳ 2024-12 (dòng 4 của tệp a.csv và dòng 5 của tệp b.csv)" in twice
    assert "không bao giờ được cộng dồn" in twice and "rows" not in twice
    assert by_code["duplicate-row"].render("en").endswith(
        "unit 'to1' has two rows for 2024-12 (row 4 of a.csv and row 5 of b.csv) (rows are "
        "never summed: keep one)")
    outside = str(by_code["period-outside"])
    assert "không thuộc kỳ đánh giá nào của kế hoạch" in outside
    assert "ngày xét 01/03/2025" in outside and "not evaluated" not in outside
    assert by_code["period-outside"].message == (
        "period 2023-05 (unit 'to1') is in no window of the plan: not evaluated (plan "
        "'kon_plong', as of 2025-03-01)")
    period = by_code["invalid-period"]
    assert "không phải một tháng" in period.message_in() and "is not a month" in period.message


def test_evaluation_warnings_are_said_in_the_language(default_lang: None) -> None:
    ev = evaluate(BAC_GIANG, [Record("x", "2024-09", {"goood_deeds": 1}, 2, "m.csv")],
                  issued=date(2024, 8, 15), as_of=date(2024, 12, 1))
    by_code = {i.code: i for i in ev.warnings}
    assert {"issue-date", "unknown-column", "missing-column"} <= set(by_code)
    assert "ngày ban hành 15/08/2024" in str(by_code["issue-date"])
    assert "warning" not in by_code["issue-date"].message_in()
    assert by_code["issue-date"].message.startswith("the issue date 2024-08-15 is before")
    column = str(by_code["unknown-column"])
    assert "cột 'goood_deeds' không phải một chỉ số: bị bỏ qua" in column
    assert "có phải là 'good_deeds'?" in column
    assert "chưa xác định" in str(by_code["missing-column"])
    assert "stays undecided" in by_code["missing-column"].message


def test_a_plan_too_large_to_evaluate_is_said_in_the_language(default_lang: None) -> None:
    with pytest.raises(EvaluationTooLargeError) as caught:
        evaluate(er.load_plan("phuong_tien"), [], as_of=date(2100, 12, 31))
    said = str(caught.value)
    assert "1230 lần xác định kết quả cho mỗi đơn vị" in said and "31/12/2100" in said
    assert "decisions" not in said
    with using("en"):
        assert "1230 decisions per unit" in str(caught.value)


# --- results and conditions ------------------------------------------------------------------


def test_why_rows_were_not_evaluated_renders_in_either_language() -> None:
    records = [Record("to1", "2026-01", {"good_deeds": 1}, 2, "a.csv")]
    ev = evaluate(KON_PLONG, records, issued=ISSUED, as_of=date(2025, 3, 1))
    (out,) = ev.outside
    assert out.reason == "no-window" and out.why == REASONS["no-window"]
    assert out.why.render("vi") == "không thuộc kỳ đánh giá nào của kế hoạch"
    assert out.why.render("en") == "is in no window of the plan"
    assert set(REASONS) == {"no-window", "after-as-of", "partly-outside", "area-sum",
                            "no-target"}


def test_the_comparators_are_worded_in_the_language(default_lang: None) -> None:
    gt = COMPARATORS["gt"]
    assert gt.words("90%") == "trên 90%" and gt.words("90%", "en") == "more than 90%"
    assert gt.vi.format("X") == "trên X" and gt.en.format("X") == "more than X"
    assert COMPARATORS["gte"].words(1, "vi") == "từ 1 trở lên"


# --- awards ----------------------------------------------------------------------------------


def _kon_plong_evaluation() -> er.Evaluation:
    return evaluate(KON_PLONG, [], issued=ISSUED, as_of=date(2025, 9, 1))


def test_an_unknown_review_is_said_in_vietnamese_by_default(default_lang: None) -> None:
    ev = _kon_plong_evaluation()
    with pytest.raises(ReviewError) as caught:
        awards(KON_PLONG, ev, "phase_9")
    said = str(caught.value)
    assert "không có lần xét 'phase_9'" in said and "final, phase_1, phase_2" in said
    assert "reviews:" not in said
    with using("en"):
        assert str(caught.value) == ("no review 'phase_9' for plan 'kon_plong' as evaluated; "
                                     "reviews: final, phase_1, phase_2")


def test_award_notes_and_condition_details_are_said_in_the_language(
        default_lang: None) -> None:
    ev = _kon_plong_evaluation()
    report = awards(KON_PLONG, ev, "phase_1")
    assert report.notes == ("kế hoạch 'kon_plong' không có hình thức khen thưởng nào được xét "
                            "khi sơ kết đợt",)
    assert report.notes_in("en") == ("no award of plan 'kon_plong' is given at a phase "
                                     "review",)
    units = [UnitInfo("xa", "Xã A", "commune"), UnitInfo("to1", "Tổ 1", "team", parent="xa")]
    ev = evaluate(KON_PLONG, [], units=units, issued=ISSUED, as_of=date(2025, 9, 1))
    final = awards(KON_PLONG, ev, "final", units=units)
    outcomes = [o for a in final.awards for c in a.candidates for o in c.conditions]
    assert outcomes
    vi = [o.detail for o in outcomes]
    en = [o.detail_in("en") for o in outcomes]
    assert any("chưa xác định" in d or "cần xác nhận" in d or "không có số liệu" in d
               for d in vi)
    assert not any("undecided" in d or "needs an attestation" in d or "no data" in d
                   for d in vi)
    assert any("undecided" in d or "needs an attestation" in d or "no data" in d for d in en)
    with using("en"):
        assert [o.detail for o in outcomes] == en
