"""Phượng Tiến (open-ended, reviewed yearly): its evaluation is the yearly conditions of the
collective certificate of merit (IV.1.2), from attestations and yearly counts."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

import emulation_rules as er
from emulation_rules.evaluation import evaluate
from emulation_rules.records import Record, UnitInfo

PLAN = er.load_plan("phuong_tien")
GOOD: dict[str, int | None] = {
    "has_movement_plan": 1, "security_safe_certified": 1, "rated_excellent": 1,
    "models_rated_good": 1, "serious_security_incidents": 0, "effective_propaganda": 1,
    "clean_organisation": 1, "complaint_letters": 0, "escalated_complaints": 0,
    "business_security_standard": 1, "models_replicated_province_wide": 1,
}
# (condition id, the value that fails it, IV.1.2 wording)
FAILURES = [
    ("has_movement_plan", "has_movement_plan", 0),       # "Có kế hoạch tổ chức thực hiện"
    ("security_safe_certified", "security_safe_certified", 0),  # "Đạt tiêu chuẩn “An toàn”"
    ("rated_excellent", "rated_excellent", 0),           # "được xếp loại “Xuất sắc”"
    ("model_rated_good", "models_rated_good", 0),        # "ít nhất 01 mô hình ... Tốt"
    ("no_serious_incidents", "serious_security_incidents", 1),  # "không để xảy ra các vụ việc"
    ("effective_propaganda", "effective_propaganda", 0),  # "Làm tốt công tác tuyên truyền"
    ("clean_organisation", "clean_organisation", 0),     # "Tổ chức Đảng, đoàn thể trong sạch"
    ("no_complaints", "complaint_letters", 1),           # "không có đơn thư"
    ("no_escalated_complaints", "escalated_complaints", 1),  # "không để xảy ra khiếu kiện"
]


def run(rows: dict[str, dict[str, int | None]], kind: str = "commune") -> Any:
    records = [Record("xa", year, values) for year, values in rows.items()]
    return evaluate(PLAN, records, units=[UnitInfo("xa", "Xã Phượng Tiến", kind)],
                    as_of=date(2028, 12, 31))


def conditions(ev: Any, year: str) -> dict[str, Any]:
    (res,) = [r for r in ev.results if r.window == f"year:{year}"]
    return {t.target: t for c in res.criteria for t in c.targets}


def test_a_year_met() -> None:
    """New rule (issue 10): an open-ended plan's windows are every year and the stage up to the
    end of the stage holding the as-of date (2028 is in 2026-2030), not the years up to as-of;
    one row for the year ``2026`` covers its 12 months."""
    ev = run({"2026": GOOD})
    assert ev.windows == ("year:2026", "year:2027", "year:2028", "year:2029", "year:2030",
                          "stage:2026-2030")
    (res,) = [r for r in ev.results if r.window == "year:2026"]
    # the yearly conditions of the certificate of merit (IV.1.2) and the flag's replicated
    # model (IV.1.1), whose final review is by stage
    assert [(c.criterion, c.verdict) for c in res.criteria] == [
        ("emulation_flag", "met"), ("certificate_of_merit", "met")]
    got = conditions(ev, "2026")
    assert "business_standard" not in got  # "Riêng đối với doanh nghiệp": not for a commune
    assert {t.section for t in got.values()} == {"IV.1.1", "IV.1.2"}
    assert got["replicated_model"].section == "IV.1.1"


@pytest.mark.parametrize(("condition", "column", "value"), FAILURES)
def test_a_year_failed_on_each_condition(condition: str, column: str, value: int) -> None:
    ev = run({"2027": {**GOOD, column: value}})
    got = conditions(ev, "2027")
    assert got[condition].verdict == "not_met"
    assert [t.target for t in got.values() if t.verdict == "not_met"] == [condition]
    assert got["replicated_model"].verdict == "met"


def test_a_year_unknown() -> None:
    """New rule (issue 10): a year window expects its 12 months (or one row for the year), so
    a year without a row has its 12 months missing (reported as months, not as "2027")."""
    ev = run({"2026": GOOD, "2028": {**GOOD, "rated_excellent": None}})
    assert conditions(ev, "2028")["rated_excellent"].verdict == "unknown"
    year_2027 = conditions(ev, "2027")   # no row at all for 2027
    assert {t.verdict for t in year_2027.values()} == {"unknown"}
    months_2027 = tuple(f"2027-{m:02d}" for m in range(1, 13))
    assert all(t.missing_periods == months_2027 for t in year_2027.values())


def test_a_year_with_one_month_of_data_is_not_complete() -> None:
    """IV.1.2 "không để xảy ra các vụ việc ... nghiêm trọng" (eq 0, per year). New rule
    (issue 10): a year expects its 12 months; a single March row with no incident leaves the
    other 11 months missing, so the year is unknown, not met."""
    records = [Record("xa", "2026-03", GOOD)]
    ev = evaluate(PLAN, records, units=[UnitInfo("xa", "", "commune")], as_of=date(2026, 12, 31))
    t = conditions(ev, "2026")["no_serious_incidents"]
    assert t.verdict == "unknown"
    assert "2026-03" not in t.missing_periods and len(t.missing_periods) == 11


def test_the_stage_review_fails_when_one_year_lacks_its_good_model() -> None:
    """IV.1.2 "duy trì hoạt động của ít nhất 01 mô hình ... Tốt" (gte 1, per year). New rule
    (issue 10): at the stage review a per-year condition holds in every year of the stage
    (Kleene AND), not on the stage's sum: a good model in 2026 and 2028 but none in 2027 fails
    the 2026-2030 stage, naming 2027."""
    ev = run({"2026": GOOD, "2027": {**GOOD, "models_rated_good": 0}, "2028": GOOD})
    (stage,) = [r for r in ev.results if r.window == "stage:2026-2030"]
    (t,) = [t for c in stage.criteria for t in c.targets if t.target == "model_rated_good"]
    assert (t.verdict, t.failed_periods, t.decided_despite_missing) == (
        "not_met", ("2027",), True)
    assert conditions(ev, "2027")["model_rated_good"].verdict == "not_met"


def test_business_only_condition_applies_to_a_business() -> None:
    ev = run({"2026": {**GOOD, "business_security_standard": 0}}, kind="business")
    assert conditions(ev, "2026")["business_standard"].verdict == "not_met"


def test_monthly_rows_of_a_year_are_summed() -> None:
    rows: dict[str, dict[str, int | None]] = {"2026-03": {**GOOD, "complaint_letters": 0},
            "2026-09": {"complaint_letters": 1}}
    records = [Record("xa", p, v) for p, v in rows.items()]
    ev = evaluate(PLAN, records, units=[UnitInfo("xa", "", "commune")], as_of=date(2026, 12, 31))
    assert conditions(ev, "2026")["no_complaints"].verdict == "not_met"


def test_a_longer_period_inside_a_year_is_summed_one_across_years_counts_in_the_stage() -> None:
    """II.2 "Định kỳ hàng năm": each year is reviewed on its own, so a half-year row is summed
    into its year. New rule (issue 10): a row for several months counts in every window holding
    all its months, so a row over December 2026 and January 2027 (no longer rejected as
    spans-years) counts in the 2026-2030 stage and leaves those months missing in each year."""
    records = [Record("xa", "2026-01..2026-06",
                      {**GOOD, "complaint_letters": 0, "models_replicated_province_wide": 0}, 2),
               Record("xa", "2026-07..2026-11",
                      {"complaint_letters": 2, "models_replicated_province_wide": 0}, 3),
               Record("xa", "2026-12..2027-01",
                      {"complaint_letters": 0, "models_replicated_province_wide": 1}, 4)]
    ev = evaluate(PLAN, records, units=[UnitInfo("xa", "", "commune")], as_of=date(2027, 12, 31))
    assert (ev.outside, ev.rejected, ev.rows_used) == ((), (), 3)
    # "không có đơn thư" (eq 0): 2 letters in the rows of 2026 fail it whatever December holds
    complaints = conditions(ev, "2026")["no_complaints"]
    assert (complaints.verdict, complaints.failed_periods, complaints.decided_despite_missing) == (
        "not_met", ("2026",), True)
    # IV.1.1 "ít nhất 01 mô hình ... nhân rộng" (gte 1, over the window): the span's model is
    # read in the stage, not in 2026 (December missing there) nor in 2027 (January missing)
    model_2026 = conditions(ev, "2026")["replicated_model"]
    assert (model_2026.verdict, model_2026.observed, model_2026.missing_periods) == (
        "unknown", 0, ("2026-12",))
    assert "2027-01" in conditions(ev, "2027")["replicated_model"].missing_periods
    (stage,) = [r for r in ev.results if r.window == "stage:2026-2030"]
    (model,) = [t for c in stage.criteria for t in c.targets if t.target == "replicated_model"]
    assert (model.verdict, model.observed, model.decided_despite_missing) == ("met", 1, True)
    assert "2026-12" not in model.missing_periods and "2027-01" not in model.missing_periods
