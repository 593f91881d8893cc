"""Shared hypothesis strategies: dates near the documents' dates, and deadline relations."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import strategies as st

RELATIONS = st.sampled_from(["before", "on_or_before", "on"])
DATES = st.dates(min_value=date(2024, 1, 1), max_value=date(2031, 12, 31))


@st.composite
def near(draw: st.DrawFn, day: date, spread: int = 3) -> date:
    """A date within ``spread`` days of ``day``: where the boundary cases live."""
    return day + timedelta(days=draw(st.integers(-spread, spread)))


@st.composite
def plan_variants(draw: st.DrawFn, base: dict) -> dict:  # type: ignore[type-arg]
    """A valid resolved plan as data: a shipped plan with dates, comparators, thresholds and
    verdict rules varied within their valid domains (phases stay ordered and inside the
    campaign)."""
    import copy

    data = copy.deepcopy(base)
    shift = draw(st.integers(-30, 30))
    for phase in data.get("phases", []):
        if phase["start"] != "issuance":
            phase["start"] = (date.fromisoformat(phase["start"])
                              + timedelta(days=shift)).isoformat()
        phase["end"] = (date.fromisoformat(phase["end"]) + timedelta(days=shift)).isoformat()
    camp = data.get("campaign")
    if camp and camp.get("end") and data.get("phases"):
        camp["end"] = max(camp["end"], data["phases"][-1]["end"])
        if camp["start"] != "issuance":
            camp["start"] = min(camp["start"], next(
                (p["start"] for p in data["phases"] if p["start"] != "issuance"),
                camp["start"]))
    for crit in data.get("criteria", []):
        for target in crit.get("targets", []):
            cond = target["condition"]
            if "numerator" in cond:
                cond["comparator"] = draw(st.sampled_from(["gt", "gte"]))
                cond["threshold"] = draw(st.sampled_from([0.5, 0.8, 0.9, 0.95, 1.0]))
                cond["when_no_cases"]["verdict"] = draw(st.sampled_from(
                    ["met", "not_met", "unknown"]))
            elif "metric" in cond:
                cond["threshold"] = draw(st.integers(0, 3))
                cond["comparator"] = draw(st.sampled_from(["gte", "eq", "lte"]))
            target["per"] = draw(st.sampled_from(["total", "month"])) if (
                target["level"] == "team") else target.get("per", "total")
    for deadline in data.get("deadlines", []):
        if "due" in deadline:
            deadline["relation"] = draw(st.sampled_from(["before", "on_or_before", "on"]))
    return data
