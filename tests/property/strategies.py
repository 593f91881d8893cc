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
