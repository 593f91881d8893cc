"""The cost model: the limits every input is checked against, in one place.

Evaluation costs units x windows x targets by nature; these limits bound each factor so that
no input a person could write by hand, or a spreadsheet could export, makes a command take
minutes or gigabytes. Within them, every command's time and memory grow at most in proportion
to the size of its inputs (measured by ``benchmarks/adversarial.py``; see
docs/performance.md). Each limit is far above what the bundled plans and their documents need
(two phases, at most 12 targets, 4 deadlines, a campaign of about a year) and is reported as
an issue with its code when exceeded, never as a traceback or a slow run.

Standard library only; imports nothing from the package.
"""

from __future__ import annotations

from datetime import date

__all__ = [
    "AWARDS",
    "CAMPAIGN_YEARS",
    "CELL_CHARS",
    "CRITERIA",
    "DEADLINES",
    "DEADLINE_INSTANCES",
    "DECISIONS_PER_UNIT",
    "EXTENDS_DEPTH",
    "FIRST_DAY",
    "LAST_DAY",
    "PHASES",
    "PLAN_BYTES",
    "PLAN_DEPTH",
    "TABLE_BYTES",
    "TARGETS",
    "UNITS",
    "latest_campaign_end",
]

PLAN_BYTES = 1_000_000
"""A plan file, and each file it extends, is at most this many bytes (``too-large``)."""

PLAN_DEPTH = 40
"""YAML nesting deeper than this is refused (``too-deep``)."""

EXTENDS_DEPTH = 8
"""Plans extending plans: at most this many files in one chain (``extends-too-deep``)."""

TABLE_BYTES = 200_000_000
"""A JSON table (metrics, units, attestations, submissions) is at most this many bytes (it is
parsed whole; a YAML table, read by the plan parser, at most PLAN_BYTES). CSV and Excel files
are streamed and have no size limit."""

CELL_CHARS = 131_072
"""A CSV cell holds at most this many characters (the csv module's default field limit): a
longer cell rejects its own row and reading goes on with the next."""

FIRST_DAY = date(1990, 1, 1)
LAST_DAY = date(2100, 12, 31)
"""Every date, in a plan or on the command line, lies within these (``invalid-date``, or a
usage error for a command-line date): no lookup walks millennia."""

CRITERIA = 50
"""Criteria (nội dung thi đua) in one plan."""

TARGETS = 100
"""Targets (chỉ tiêu) in one plan, all criteria together."""

PHASES = 24
"""Phases (đợt) in one plan."""

DEADLINES = 100
"""Deadlines in one plan, recurring ones counted once."""

AWARDS = 50
"""Awards in one plan."""

CAMPAIGN_YEARS = 10
"""A campaign with an end date spans at most this many years from its start (an open-ended
movement is laid out year by year up to the as-of date or horizon, within LAST_DAY)."""


def latest_campaign_end(start: date) -> date:
    """The latest end a campaign starting on ``start`` may have: CAMPAIGN_YEARS later (28
    February for 29 February in a common year)."""
    try:
        return start.replace(year=start.year + CAMPAIGN_YEARS)
    except ValueError:
        return start.replace(year=start.year + CAMPAIGN_YEARS, day=28)

DEADLINE_INSTANCES = 20_000
"""Deadline instances one timeline lays out (a monthly deadline over ten years is 120)."""

UNITS = 200_000
"""Units in one units file (a ministry's communes and their teams)."""

DECISIONS_PER_UNIT = 800
"""Decisions one unit's evaluation makes over all windows: each target (and award condition
read from the data) once per window, a per-month target once per month of the window, a
per-year target once per year. Evaluating costs units x this; the bundled plans make about 50
(three windows of eleven or twelve targets, two of them per month)."""
