"""The timeline: concrete dates per plan, gaps, positions, recurring deadlines, tracking, ICS.
Dates expected here are literals from the source documents, cited by plan and section."""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import icalendar
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import emulation_rules as er
from emulation_rules.inputs import read_unit_tree
from emulation_rules.model import StraddlingMonth
from emulation_rules.records import UnitInfo
from emulation_rules.submissions import Submission, read_submissions, track
from emulation_rules.timelines import (
    IssueDateError,
    Timeline,
    TimelineError,
    build_timeline,
    timeline,
)

ISSUED = date(2024, 10, 15)


def tl(plan_id: str, **kw: Any) -> Timeline:
    return er.timeline(er.load_plan(plan_id), **kw)


def test_kon_plong_phases_from_the_issue_date() -> None:
    t = tl("kon_plong", issued=ISSUED)
    # II.2: phase 1 from issuance to 03/02/2025; phase 2 04/02/2025 to 19/08/2025
    assert [(p.id, p.start, p.end) for p in t.phases] == [
        ("phase_1", ISSUED, date(2025, 2, 3)), ("phase_2", date(2025, 2, 4), date(2025, 8, 19))]
    assert t.gaps == ()
    assert (t.start, t.end) == (ISSUED, date(2025, 8, 19))


def test_bac_giang_gaps_before_issue_and_after_phase_2() -> None:
    t = tl("bac_giang", issued=date(2024, 9, 1))
    # II.2: campaign from 19/8/2024 to 19/8/2025; phase 1 "Từ nay"; phase 2 ends 19/5/2025
    assert [(g.start, g.end) for g in t.gaps] == [
        (date(2024, 8, 19), date(2024, 8, 31)),
        (date(2025, 5, 20), date(2025, 8, 19)),
    ]
    assert t.position(date(2025, 6, 1)).status == "between_phases"
    assert t.position(date(2025, 5, 19)).phase == "phase_2"


def test_issue_date_is_required_and_bounded() -> None:
    plan = er.load_plan("kon_plong")
    with pytest.raises(IssueDateError, match="--issued"):
        timeline(plan)
    with pytest.raises(IssueDateError, match="3238/KH-UBND"):
        timeline(plan, issued=date(2024, 9, 11))  # before Kon Tum's 3238/KH-UBND of 12/9/2024
    with pytest.raises(IssueDateError, match="first phase"):
        timeline(plan, issued=date(2025, 2, 4))   # after phase 1 ends (03/02/2025)
    assert timeline(plan, issued=date(2024, 9, 12)).start == date(2024, 9, 12)


def test_ninh_thuan_issue_date_cannot_precede_its_proposal_documents() -> None:
    # preamble: Tờ trình 4272/TTr-SNV ngày 29/10/2024
    with pytest.raises(IssueDateError, match="4272"):
        tl("ninh_thuan", issued=date(2024, 10, 28))


def test_a_template_has_no_timeline() -> None:
    with pytest.raises(TimelineError, match="template"):
        build_timeline(er.load_plan("special_movement_2024"), issued=ISSUED)


@pytest.mark.parametrize(
    ("as_of", "status", "phase", "days_left"),
    [
        (date(2024, 10, 14), "before_campaign", None, None),
        (date(2025, 2, 3), "in_phase", "phase_1", 1),
        (date(2025, 2, 4), "in_phase", "phase_2", 197),
        (date(2025, 8, 19), "in_phase", "phase_2", 1),
        (date(2025, 8, 20), "after_campaign", None, None),
    ],
)
def test_position_on_boundary_days(as_of: date, status: str, phase: str | None,
                                   days_left: int | None) -> None:
    pos = tl("kon_plong", issued=ISSUED).position(as_of)
    assert (pos.status, pos.phase, pos.days_left) == (status, phase, days_left)


def test_upcoming_deadlines_in_order() -> None:
    t = tl("kon_plong", issued=ISSUED)
    assert [d.id for d in t.upcoming(date(2025, 2, 2))] == ["report_phase_1", "report_phase_2"]
    # IV.5 "trước ngày 03 tháng 02 năm 2025": on 03/02 the last on-time day has passed
    assert [d.id for d in t.upcoming(date(2025, 2, 3))] == ["report_phase_2"]


def test_straddling_february_belongs_to_phase_2_by_most_days() -> None:
    t = tl("kon_plong", issued=ISSUED)
    assert t.straddling_rule == "most_days"
    assert t.phase_of_month(2025, 2) == "phase_2"      # 3 days of phase 1, 25 of phase 2
    # issued 15/10: 17 of October's days are in phase 1, 14 before the issue date (no phase)
    assert t.phase_of_month(2024, 10) == "phase_1"
    assert t.months_of_phase("phase_1") == ["2024-10", "2024-11", "2024-12", "2025-01"]


def test_bac_giang_monthly_news_expands_with_rrule_clipped_to_the_campaign() -> None:
    t = tl("bac_giang", issued=date(2024, 9, 1))
    news = [d for d in t.deadlines if d.deadline_id == "monthly_news"]
    # III.8 "hằng tháng" from the issue date (1/9/2024, recurrence.start: issuance) to the
    # campaign end 19/8/2025: September 2024 to August 2025
    assert len(news) == 12
    assert (news[0].period_start, news[0].due) == (date(2024, 9, 1), date(2024, 9, 30))
    assert (news[-1].id, news[-1].due) == ("monthly_news:2025-08", date(2025, 8, 19))
    assert all(d.relation == "on_or_before" for d in news)
    # issued 31/10/2024: the first news falls due on the issue day itself, never before it
    late = [d for d in tl("bac_giang", issued=date(2024, 10, 31)).deadlines
            if d.deadline_id == "monthly_news"]
    assert (late[0].id, late[0].period_start, late[0].due) == (
        "monthly_news:2024-10", date(2024, 10, 31), date(2024, 10, 31))
    assert len(late) == 11


def with_rule(plan_id: str, rule: str) -> er.Plan:
    """A shipped plan with another straddling-month rule (local policy)."""
    return er.load_plan(plan_id).model_copy(update={"straddling_month": StraddlingMonth(
        rule=rule, policy="local", reason="varied by the test")})


def test_windows_are_the_phases_then_the_campaign() -> None:
    """Issue 10 "one window model": Bắc Giang's windows are its phases and the campaign window,
    which runs from the issue date (1/9/2024, after the campaign start 19/8) to 19/8/2025,
    June to August 2025 included: months in the gap after phase 2 belong to the campaign and to
    no phase; the evaluator evaluates exactly these windows."""
    t = tl("bac_giang", issued=date(2024, 9, 1))
    assert [(w.id, w.kind, w.start, w.end) for w in t.windows] == [
        ("phase_1", "phase", date(2024, 9, 1), date(2025, 2, 3)),
        ("phase_2", "phase", date(2025, 2, 4), date(2025, 5, 19)),
        ("campaign", "campaign", date(2024, 9, 1), date(2025, 8, 19))]
    campaign = t.window("campaign")
    assert campaign is not None
    assert campaign.months == tuple(f"2024-{m:02d}" for m in range(9, 13)) + tuple(
        f"2025-{m:02d}" for m in range(1, 9))
    assert t.months_of_phase("phase_2") == ["2025-02", "2025-03", "2025-04", "2025-05"]
    assert [t.phase_of_month(2025, m) for m in (5, 6, 7, 8)] == ["phase_2", None, None, None]
    assert t.phase_of_month(2024, 8) is None and "2024-08" not in campaign.months
    assert t.notes == ()
    ev = er.evaluate(er.load_plan("bac_giang"), [], issued=date(2024, 9, 1),
                     as_of=date(2025, 9, 1))
    assert ev.windows == tuple(w.id for w in t.windows)


@pytest.mark.parametrize(
    ("rule", "october", "phase_1", "august"),
    [
        # 30 of October's 31 days are before the plan exists: most of it lies outside
        ("most_days", None, ["2024-11", "2024-12", "2025-01"], "phase_2"),
        # 1/10 is before the issue date: outside; February starts in phase 1 (until 3/2)
        ("month_start", None, ["2024-11", "2024-12", "2025-01", "2025-02"], "phase_2"),
        # 31/10 is the issue day, in phase 1; 31/8/2025 is after the campaign end (19/8)
        ("month_end", "phase_1", ["2024-10", "2024-11", "2024-12", "2025-01"], None),
    ],
)
def test_days_before_the_issue_date_and_after_the_campaign_are_in_no_phase(
        rule: str, october: str | None, phase_1: list[str], august: str | None) -> None:
    """Issue 10: for every straddling rule, days before the issue date and after the campaign
    end are days in no phase, and a month the rule gives to those days is in no window. Kon
    Plông issued 31/10/2024 (II.2: phase 1 from issuance to 3/2/2025, phase 2 to 19/8/2025):
    October 2024 is in no phase under most_days (it was in phase 1 before issue 10)."""
    t = er.timeline(with_rule("kon_plong", rule), issued=date(2024, 10, 31))
    assert t.phase_of_month(2024, 10) == october
    assert t.months_of_phase("phase_1") == phase_1
    assert t.phase_of_month(2025, 8) == august
    campaign = t.window("campaign")
    assert campaign is not None
    assert ("2024-10" in campaign.months) == (october is not None)
    assert ("2025-08" in campaign.months) == (august is not None)


@pytest.mark.parametrize(("rule", "may"), [("most_days", "phase_2"), ("month_start", "phase_2"),
                                           ("month_end", None)])
def test_a_gap_month_is_in_the_campaign_and_in_no_phase_for_every_rule(rule: str,
                                                                      may: str | None) -> None:
    """Issue 10: month_start and month_end no longer fall back to "the nearest phase": Bắc
    Giang's June and July 2025 (after phase 2 ends on 19/5) are in no phase by every rule, and
    May 2025, whose last day is in the gap, is in no phase by month_end; all are in the
    campaign window."""
    t = er.timeline(with_rule("bac_giang", rule), issued=date(2024, 9, 1))
    assert [t.phase_of_month(2025, m) for m in (5, 6, 7)] == [may, None, None]
    campaign = t.window("campaign")
    assert campaign is not None and {"2025-05", "2025-06", "2025-07"} <= set(campaign.months)


@pytest.mark.parametrize(
    ("issued", "notes"),
    [
        (date(2024, 9, 1), ()),
        (date(2024, 8, 15), ("warning: the issue date 2024-08-15 is before the campaign starts "
                             "(2024-08-19)",)),
        (date(2024, 10, 31), ("warning: the issue date 2024-10-31 is after 'launch_ceremony', "
                              "due 2024-09-25: the plan cannot be met on time if it was issued "
                              "then",)),
    ],
)
def test_issue_date_warnings(issued: date, notes: tuple[str, ...]) -> None:
    """Issue 10: the timeline warns when the issue date is before the campaign start (Bắc
    Giang II.2: from 19/8/2024) or after an obligation due on a fixed date (III.8: the launch
    ceremony before 25/9/2024)."""
    assert tuple(n.render("en") for n in tl("bac_giang", issued=issued).notes) == notes


def test_phuong_tien_is_laid_out_to_a_horizon_never_forever() -> None:
    t = tl("phuong_tien")
    assert t.end is None and t.horizon == date(2030, 12, 31)  # end of stage 2026-2030
    assert [r.id for r in t.reviews if r.kind == "stage_review"] == ["stage:2026-2030"]
    assert len([r for r in t.reviews if r.kind == "yearly_review"]) == 5
    later = tl("phuong_tien", as_of=date(2032, 3, 1))
    assert later.horizon == date(2035, 12, 31)
    custom = tl("phuong_tien", until=date(2027, 12, 31))
    assert [r.id for r in custom.reviews if r.kind == "yearly_review"] == ["year:2026",
                                                                          "year:2027"]


def test_phuong_tien_windows_are_the_years_then_the_stage() -> None:
    """Issue 10: an open-ended movement's windows are each calendar year, then each review
    stage holding them; a year window holds its 12 months and no month is in a phase."""
    t = tl("phuong_tien")
    assert [(w.id, w.kind) for w in t.windows] == [
        *((f"year:{y}", "year") for y in range(2026, 2031)), ("stage:2026-2030", "stage")]
    stage = t.window("stage:2026-2030")
    year = t.window("year:2027")
    assert stage is not None and year is not None
    assert stage.years == tuple(f"year:{y}" for y in range(2026, 2031))
    assert len(stage.months) == 60
    assert year.months == tuple(f"2027-{m:02d}" for m in range(1, 13))
    assert t.phase_of_month(2027, 3) is None


@settings(max_examples=60, deadline=None)
@given(issued=st.dates(min_value=date(2024, 10, 30), max_value=date(2025, 2, 3)),
       plan_id=st.sampled_from(["kon_plong", "bac_giang", "ninh_thuan", "tuyen_quang"]))
def test_phase_partition(issued: date, plan_id: str) -> None:
    """Every campaign day is in at most one phase; the gaps are exactly the days in none."""
    t = tl(plan_id, issued=issued)
    day, end = t.start, t.end
    assert end is not None
    gap_days = {g.start + timedelta(days=i) for g in t.gaps for i in range(g.days)}
    while day <= end:
        holders = [p for p in t.phases if day in p]
        assert len(holders) <= 1
        assert (not holders) == (day in gap_days)
        day += timedelta(days=1)


def _holder_by_days(t: Timeline, first: date, rule: str) -> str | None:
    """An independent reading of the straddling rule for one month: each day is held by its
    phase, by "" (in the campaign, in no phase) or by None (before the issue date or the
    campaign start, or after the campaign end)."""
    assert t.end is not None
    days: list[tuple[date, str | None]] = []
    day = first
    while day.month == first.month:
        inside = t.active_start <= day <= t.end
        phase = t.phase_of(day)
        days.append((day, (phase.id if phase else "") if inside else None))
        day += timedelta(days=1)
    if rule == "month_start":
        return days[0][1]
    if rule == "month_end":
        return days[-1][1]
    counts: dict[str | None, int] = {}
    for _, key in days:
        counts[key] = counts.get(key, 0) + 1
    outside = counts.pop(None, 0)
    if not counts or outside > max(counts.values()):
        return None
    best = max(counts.values())
    return max((k for k, n in counts.items() if n == best),
               key=lambda k: max(d for d, key in days if key == k))  # a tie: the later holder


@given(issued=st.dates(min_value=date(2024, 10, 30), max_value=date(2025, 2, 3)),
       plan_id=st.sampled_from(["kon_plong", "bac_giang", "ninh_thuan", "tuyen_quang"]),
       rule=st.sampled_from(["most_days", "month_start", "month_end"]))
def test_months_follow_the_straddling_rule_counting_no_day_outside(issued: date, plan_id: str,
                                                                   rule: str) -> None:
    """Issue 10, for every straddling rule and issue date: each month touching the campaign is
    in the phase the rule gives it, counting days before the issue date and after the campaign
    end as days in no phase; in the campaign window but no phase when the rule gives it to a
    gap; in no window when the rule gives it to the days outside. Phases share no month."""
    t = er.timeline(with_rule(plan_id, rule), issued=issued)
    campaign = t.window("campaign")
    assert campaign is not None and t.end is not None
    by_phase = {p.id: t.months_of_phase(p.id) for p in t.phases}
    flat = [m for months in by_phase.values() for m in months]
    assert len(flat) == len(set(flat))
    first = t.start.replace(day=1)
    while first <= t.end:
        holder = _holder_by_days(t, first, rule)
        key = f"{first.year:04d}-{first.month:02d}"
        assert t.phase_of_month(first.year, first.month) == (holder or None), key
        assert (key in campaign.months) == (holder is not None), key
        for phase_id, months in by_phase.items():
            assert (key in months) == (holder == phase_id), key
        first = (first + timedelta(days=32)).replace(day=1)


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_bytes(text.encode("utf-8"))
    return path


def test_tracking_from_an_excel_csv(tmp_path: Path) -> None:
    t = tl("kon_plong", issued=ISSUED)
    units = write(tmp_path, "units.csv", "\ufeffid,name,kind\r\nxa_a,Xã Đắk Long,commune\r\n"
                  "xa_b,Xã Hiếu,commune\r\nxa_c,Xã Măng Cành,commune\r\n")
    subs = write(tmp_path, "subs.csv", "\ufeffunit,deadline,submitted\r\n"
                 "xa_a,report_phase_1,02/02/2025\r\n"
                 "xa_b,report_phase_1,2025-02-03\r\n"
                 "xa_b,report_phase_1,2025-02-01\r\n"
                 "xa_c,report_phase_9,2025-02-01\r\n"
                 "xa_c,report_phase_2,31/02/2025\r\n")
    unit_list, unit_issues, n_units = read_unit_tree(units)
    assert (len(unit_list), unit_issues, n_units) == (3, [], 3)
    found, issues, total = read_submissions(subs, t)
    assert total == 5 and len(found) == 2
    assert [(i.code, i.location.line) for i in issues] == [
        ("duplicate-row", 4), ("unknown-deadline", 5), ("invalid-date", 6)]
    statuses = {(s.unit, s.deadline): s for s in track(t, found, date(2025, 2, 10), unit_list)}
    assert statuses[("xa_a", "report_phase_1")].status == "on_time"
    late = statuses[("xa_b", "report_phase_1")]
    assert (late.status, late.days_late) == ("late", 1)  # "trước ngày 03/02": 03/02 is late
    assert statuses[("xa_c", "report_phase_1")].status == "missing"
    assert statuses[("xa_a", "report_phase_2")].status == "not_yet_due"


def test_tracking_only_units_of_the_owing_kind() -> None:
    t = tl("kon_plong", issued=ISSUED)
    units = [UnitInfo("xa_a", "", "commune"), UnitInfo("huyen", "", "district"),
             UnitInfo("t1", "", "team")]
    statuses = track(t, [Submission(2, "xa_a", "report_phase_1", date(2025, 1, 5))],
                       date(2025, 3, 1), units)
    assert {s.unit for s in statuses} == {"xa_a"}  # owed_by commune_people_committee


def test_cli_timeline_json_and_missing_issued(cli: Any) -> None:
    bad = cli("timeline", "kon_plong")
    assert bad.code == 2 and "--issued" in bad.err
    result = cli("timeline", "kon_plong", "--issued", "15/10/2024", "--as-of", "2025-02-05",
                 "--format", "json")
    data = json.loads(result.out)
    assert data["phases"][0]["start"] == "2024-10-15"
    assert data["deadlines"][0] == {**data["deadlines"][0], "id": "report_phase_1",
                                    "due": "2025-02-03", "relation": "before"}
    assert data["as_of"]["phase"] == "phase_2"


def test_cli_side_by_side_skips_the_template(cli: Any) -> None:
    result = cli("timeline", "plans/special_movement_2024.yaml", "kon_plong", "bac_giang",
                 "ninh_thuan", "tuyen_quang", "phuong_tien", "--issued", "2024-11-05")
    assert result.code == 0, result.err
    assert "special_movement_2024 is a template; skipped" in result.err
    assert "phase_2 04/02/2025–19/05/2025" in result.out   # Bắc Giang
    assert "phase_2 04/02/2025–19/08/2025" in result.out   # the others
    per_plan = cli("timeline", "kon_plong", "bac_giang", "--issued", "kon_plong=2024-10-15",
                   "--issued", "bac_giang=2024-09-01")
    assert "15/10/2024" in per_plan.out and "01/09/2024" in per_plan.out


def test_cli_ics_parses_with_one_event_per_phase_and_deadline(cli: Any) -> None:
    result = cli("timeline", "bac_giang", "--issued", "2024-09-01", "--format", "ics")
    cal = icalendar.Calendar.from_ical(result.out.encode("utf-8"))
    events = cal.walk("VEVENT")
    t = tl("bac_giang", issued=date(2024, 9, 1))
    assert len(events) == len(t.phases) + len(t.deadlines)
    phase_2 = next(e for e in events if str(e["uid"]).startswith("bac_giang.phase_2@"))
    assert phase_2.decoded("dtstart") == date(2025, 2, 4)
    assert phase_2.decoded("dtend") == date(2025, 5, 20)  # exclusive end: last day 19/5
    report = next(e for e in events if str(e["uid"]).startswith("bac_giang.report_phase_1@"))
    # in the language of the run (the suite's English): the bodies by name, the phase's label
    assert "Owed by: District steering committee" in str(report["description"])
    assert str(phase_2["summary"]) == "bac_giang: Phase 2"


def test_cli_submissions_needs_as_of(cli: Any, tmp_path: Path) -> None:
    subs = write(tmp_path, "s.csv", "unit,deadline,submitted\nx,report_phase_1,2025-01-01\n")
    result = cli("timeline", "kon_plong", "--issued", "2024-10-15", "--submissions", str(subs))
    assert result.code == 2 and "--as-of" in result.err
    ok = cli("timeline", "kon_plong", "--issued", "2024-10-15", "--submissions", str(subs),
             "--as-of", "2025-02-10", "--format", "json")
    data = json.loads(ok.out)
    assert data["rows"] == {"rows": 1, "used": 1, "rejected": 0}
    assert data["statuses"][0]["status"] == "on_time"


@pytest.mark.parametrize(
    ("plan_id", "phases", "deadlines"),
    [
        # Kon Plông II.2 and IV.5
        ("kon_plong", [("phase_1", "2024-11-05", "2025-02-03"),
                       ("phase_2", "2025-02-04", "2025-08-19")],
         [("report_phase_1", "2025-02-03", "before"), ("report_phase_2", "2025-08-18", "before")]),
        # Bắc Giang II.2 and III.8
        ("bac_giang", [("phase_1", "2024-11-05", "2025-02-03"),
                       ("phase_2", "2025-02-04", "2025-05-19")],
         [("launch_ceremony", "2024-09-25", "before"), ("report_phase_1", "2025-02-08", "before"),
          ("report_phase_2", "2025-05-20", "before")]),
        # Ninh Thuận II.3 and IV.1
        ("ninh_thuan", [("phase_1", "2024-11-05", "2025-02-03"),
                        ("phase_2", "2025-02-04", "2025-08-19")],
         [("report_phase_1", "2025-02-07", "before"), ("report_phase_2", "2025-08-22", "before")]),
        # Tuyên Quang II.3 and IV.1
        ("tuyen_quang", [("phase_1", "2024-11-05", "2025-02-03"),
                         ("phase_2", "2025-02-04", "2025-08-19")],
         [("implementation_plan", "2024-12-31", "before"), ("report_phase_1", "2025-02-03", "on"),
          ("report_final", "2025-08-10", "before")]),
        # Phượng Tiến II.2 and VI.1, VI.4: no phases, yearly obligations
        ("phuong_tien", [], [("yearly_report:2026", "2026-12-31", "on_or_before"),
                             ("yearly_safety_registration:2026", "2026-12-31", "on_or_before")]),
    ],
)
def test_timeline_json_of_each_plan(cli: Any, plan_id: str, phases: list[tuple[str, str, str]],
                                    deadlines: list[tuple[str, str, str]]) -> None:
    result = cli("timeline", plan_id, "--issued", "2024-11-05", "--format", "json")
    assert result.code == 0, result.err
    data = json.loads(result.out)
    assert [(p["id"], p["start"], p["end"]) for p in data["phases"]] == phases
    got = {(d["id"], d["due"], d["relation"]) for d in data["deadlines"]}
    assert set(deadlines) <= got
    if plan_id != "bac_giang":  # Bắc Giang also has its monthly news instances
        assert len(got) == len(deadlines) * (5 if plan_id == "phuong_tien" else 1)
