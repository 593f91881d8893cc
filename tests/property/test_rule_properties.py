"""Properties of the scoring rules over the five shipped plans and generated inputs.

Conditions are compiled from the one table (``conditions.compile_condition(cond, at)``) and
decided over cells aligned by row, None for an unknown cell: with every cell known the verdict
is the exact comparison (ratios by integer cross-multiplication); with cells unknown it is
decided by bounds, only when every completion of the unknown cells gives it (issue 10).
"""

from __future__ import annotations

import random
from collections.abc import Callable, Sequence
from datetime import date
from fractions import Fraction
from pathlib import Path
from typing import Any

from hypothesis import example, given
from hypothesis import strategies as st

import emulation_rules as er
from emulation_rules.conditions import Outcome, compile_condition, reads_of
from emulation_rules.eligibility import review_windows, standings
from emulation_rules.evaluation import evaluate, ratio_pairs
from emulation_rules.inputs import read_metrics
from emulation_rules.model import (
    AllOf,
    AnyOf,
    CountCondition,
    RatioCondition,
    Target,
    WhenNoCases,
)
from emulation_rules.records import Record
from emulation_rules.timelines import timeline
from emulation_rules.vocabulary import ATTESTATIONS, METRICS

from ..conftest import LOCALITIES

PLANS = {p: er.load_plan(p) for p in LOCALITIES}
TARGETS = [(p, c.id, t) for p, plan in PLANS.items() for c in plan.criteria for t in c.targets]
RATIOS = [x for x in TARGETS if isinstance(x[2].condition, RatioCondition)]
COUNTS = [x for x in TARGETS if isinstance(x[2].condition, CountCondition)]
HOLDS: dict[str, Callable[[Any, Any], bool]] = {
    "gt": lambda a, b: a > b, "gte": lambda a, b: a >= b, "eq": lambda a, b: a == b,
    "lte": lambda a, b: a <= b, "lt": lambda a, b: a < b}
BIG = 10**9
"""A value standing for "as large as you like" in a completion of an unbounded cell."""

def decide(cond: Any, cells: dict[str, list[int | None]]) -> Outcome:
    """The new API: compile against column positions, then decide the columns (no
    attestations)."""
    names = reads_of(cond)
    check = compile_condition(cond, {n: i for i, n in enumerate(names)})
    return check([cells[n] for n in names], {})


def split(total: int, parts: int, data: st.DataObject) -> list[int]:
    """``total`` as ``parts`` whole numbers >= 0 (rows of one window)."""
    cuts = sorted(data.draw(st.lists(st.integers(0, total), min_size=parts - 1,
                                     max_size=parts - 1)))
    return [b - a for a, b in zip([0, *cuts], [*cuts, total], strict=True)]


@given(target=st.sampled_from(RATIOS), scale=st.integers(1, 1000), step=st.integers(-1, 1),
       rows=st.integers(1, 4), data=st.data())
def test_ratio_boundaries_from_each_declared_threshold(target: Any, scale: int, step: int,
                                                       rows: int, data: st.DataObject) -> None:
    """GLOSSARY comparators: "trên N%" is gt, "từ N% trở lên" / a bare N% / "100%" are gte.
    The share just below, at, and just above each plan's declared threshold, the sums spread
    over several rows with every cell known: exact, as before the bounds (issue 10)."""
    _, _, t = target
    cond = t.condition
    threshold = Fraction(str(cond.threshold))
    den = threshold.denominator * scale
    num = threshold.numerator * scale + step
    if num < 0 or num > den:
        return
    dens = split(den, rows, data)
    nums = [0] * rows
    left = num
    for i, d in enumerate(dens):  # a part never exceeds its whole, row by row
        nums[i] = min(d, left)
        left -= nums[i]
    cells: dict[str, list[int | None]] = {cond.numerator: list(nums),
                                          cond.denominator: list(dens)}
    outcome = decide(cond, cells)
    expected = HOLDS[cond.comparator](Fraction(num, den), threshold)
    assert outcome.verdict == ("met" if expected else "not_met")
    assert outcome.unknown == 0


@given(target=st.sampled_from(RATIOS), rows=st.integers(1, 3))
def test_empty_denominator_takes_the_declared_verdict(target: Any, rows: int) -> None:
    """A ratio with no cases (every cell known and 0) takes exactly the plan's declared
    when_no_cases."""
    _, _, t = target
    cond = t.condition
    outcome = decide(cond, {cond.numerator: [0] * rows, cond.denominator: [0] * rows})
    assert outcome.verdict == cond.when_no_cases.verdict and outcome.no_cases


@given(target=st.sampled_from(COUNTS), step=st.integers(-1, 1), rows=st.integers(1, 4),
       data=st.data())
def test_count_boundaries(target: Any, step: int, rows: int, data: st.DataObject) -> None:
    """"ít nhất 01" is gte 1, "không để xảy ra" is eq 0: below, at and above the threshold,
    the count spread over several rows with every cell known."""
    _, _, t = target
    cond = t.condition
    value = cond.threshold + step
    if value < 0:
        return
    cells: dict[str, list[int | None]] = {cond.metric: list(split(value, rows, data))}
    outcome = decide(cond, cells)
    assert outcome.verdict == ("met" if HOLDS[cond.comparator](value, cond.threshold)
                               else "not_met")
    assert outcome.observed == value and outcome.unknown == 0


# ---------------------------------------------------------------------------------------------
# bounds: a verdict decided with cells unknown holds for every completion (sound); a verdict
# left unknown has two completions that differ (complete, for a count or a ratio)


def _count_completions(col: Sequence[int | None], threshold: int) -> list[list[int]]:
    """Completions of a count column: every total from the known sum to past the threshold
    (put in the first unknown cell), and an unbounded one."""
    holes = [i for i, v in enumerate(col) if v is None]
    out = []
    for extra in [*range(threshold + 3), BIG]:
        filled = [0 if v is None else v for v in col]
        if holes:
            filled[holes[0]] = extra
        out.append(filled)
        if not holes:
            break
    return out


def _ratio_completions(pairs: Sequence[tuple[int | None, int | None]], seed: int
                       ) -> list[list[tuple[int, int]]]:
    """Completions of a ratio's cells within the row checks (a part in [0, whole], a whole in
    [part, inf)): the lowest share, the highest, a zero whole where one is reachable, and one
    in between."""
    def fill(n: int | None, d: int | None, how: str) -> tuple[int, int]:
        if n is not None and d is not None:
            return n, d
        if d is not None:  # a part in [0, d]
            return {"low": 0, "high": d, "zero": 0, "mid": (d + seed) // 2 % (d + 1)}[how], d
        if n is not None:  # a whole in [n, inf)
            return n, {"low": BIG, "high": n, "zero": n, "mid": n + seed}[how]
        return {"low": (0, BIG), "high": (BIG, BIG), "zero": (0, 0),
                "mid": (seed, seed + 1 + seed % 3)}[how]
    return [[fill(n, d, how) for n, d in pairs] for how in ("low", "high", "zero", "mid")]


def _ratio_verdict(cond: RatioCondition, filled: Sequence[tuple[int, int]]) -> str:
    n, d = sum(p for p, _ in filled), sum(w for _, w in filled)
    if d == 0:
        return cond.when_no_cases.verdict if cond.when_no_cases else "unknown"
    return "met" if HOLDS[cond.comparator](Fraction(n, d), Fraction(str(cond.threshold))) \
        else "not_met"


def _check_two_sided(outcome: Outcome, verdicts: set[str]) -> None:
    if outcome.verdict != "unknown":
        assert verdicts == {outcome.verdict}, (outcome, verdicts)  # sound
    elif outcome.unknown:
        assert len(verdicts) >= 2 or verdicts == {"unknown"}, (outcome, verdicts)  # complete


CELL = st.one_of(st.none(), st.integers(0, 4))


@given(comparator=st.sampled_from(sorted(HOLDS)), threshold=st.integers(0, 4),
       col=st.lists(CELL, min_size=1, max_size=5))
def test_count_bounds_decide_exactly_what_every_completion_decides(
        comparator: str, threshold: int, col: list[int | None]) -> None:
    """Issue 10 "three values, decided by bounds": a count's unknown cells range over [0, inf);
    `gte t` is met once the known sum reaches t, `eq`/`lte` not met once it passes t, and an
    undecided count has completions on both sides, with what it needs."""
    cond = CountCondition(metric="good_deeds", comparator=comparator,
                          threshold=threshold)
    outcome = decide(cond, {"good_deeds": col})
    verdicts = {"met" if HOLDS[comparator](sum(c), threshold) else "not_met"
                for c in _count_completions(col, threshold)}
    _check_two_sided(outcome, verdicts)
    known = sum(v for v in col if v is not None)
    assert outcome.observed == known and outcome.unknown == col.count(None)
    if outcome.verdict == "unknown":
        assert outcome.need[0] in {"more", "at_most"}


@st.composite
def ratio_cells(draw: st.DrawFn) -> list[tuple[int | None, int | None]]:
    pairs = []
    for _ in range(draw(st.integers(1, 4))):
        d = draw(st.one_of(st.none(), st.integers(0, 6)))
        n = draw(st.one_of(st.none(), st.integers(0, d if d is not None else 6)))
        pairs.append((n, d))
    return pairs


@given(comparator=st.sampled_from(["gt", "gte", "lt", "lte"]),
       threshold=st.sampled_from([0.0, 0.5, 0.8, 0.9, 0.95, 1.0]),
       empty=st.sampled_from(["met", "not_met", "unknown"]), pairs=ratio_cells(),
       seed=st.integers(0, 5))
def test_ratio_bounds_decide_exactly_what_every_completion_decides(
        comparator: str, threshold: float, empty: str,
        pairs: list[tuple[int | None, int | None]], seed: int) -> None:
    """Issue 10: a part ranges over [0, whole], a whole over [part, inf); the verdict is
    decided when only one verdict is reachable (when_no_cases counted where a zero whole is
    reachable), and then every completion gives it; an undecided ratio has completions that
    differ. (eq is left out: its met needs one exact share, not an extreme.)"""
    cond = RatioCondition(
        numerator="tips_via_force", denominator="tips_total",
        comparator=comparator, threshold=threshold,
        when_no_cases=WhenNoCases(verdict=empty, policy="local",
                                  reason="generated"))
    outcome = decide(cond, {"tips_via_force": [n for n, _ in pairs],
                            "tips_total": [d for _, d in pairs]})
    completions = _ratio_completions(pairs, seed)
    verdicts = {_ratio_verdict(cond, c) for c in completions}
    _check_two_sided(outcome, verdicts)
    for filled in completions:  # every completion, decided with every cell known: exact
        whole = decide(cond, {"tips_via_force": [n for n, _ in filled],
                              "tips_total": [d for _, d in filled]})
        assert whole.verdict == _ratio_verdict(cond, filled) and whole.unknown == 0


@given(any_mode=st.booleans(), thresholds=st.tuples(st.integers(0, 3), st.integers(0, 3)),
       cols=st.tuples(st.lists(CELL, min_size=1, max_size=3),
                      st.lists(CELL, min_size=1, max_size=3)).filter(
                          lambda c: len(c[0]) == len(c[1])))
def test_any_of_and_all_of_are_sound(any_mode: bool, thresholds: tuple[int, int],
                                     cols: tuple[list[int | None], list[int | None]]) -> None:
    """Kon Plông 4.7 "ít nhất 01 việc tốt hoặc có cá nhân được biểu dương" (any_of), and all_of:
    Kleene logic over the parts is sound, a decided verdict holds for every completion (it is
    not complete: it may stay unknown although every completion agrees)."""
    leaves = (CountCondition(metric="good_deeds", comparator="gte", threshold=thresholds[0]),
              CountCondition(metric="members_commended", comparator="gte",
                             threshold=thresholds[1]))
    cond: AnyOf | AllOf = AnyOf(any_of=leaves) if any_mode else AllOf(all_of=leaves)
    outcome = decide(cond, {"good_deeds": cols[0], "members_commended": cols[1]})
    if outcome.verdict == "unknown":
        return
    combine = any if any_mode else all
    for a in _count_completions(cols[0], thresholds[0]):
        for b in _count_completions(cols[1], thresholds[1]):
            holds = combine([sum(a) >= thresholds[0], sum(b) >= thresholds[1]])
            assert outcome.verdict == ("met" if holds else "not_met")


# ---------------------------------------------------------------------------------------------
# whole plans


def _reads(t: Target) -> list[str]:
    return reads_of(t.condition)


METRIC_NAMES = sorted({m for _, _, t in TARGETS for m in _reads(t) if m in METRICS})
ATTESTATION_NAMES = sorted({m for _, _, t in TARGETS for m in _reads(t) if m in ATTESTATIONS})
PAIRS = sorted({pair for plan in PLANS.values() for pair in ratio_pairs(plan)})


@st.composite
def unit_rows(draw: st.DrawFn, months: list[str]) -> list[Record]:
    """Two units' rows: a month sometimes missing, a cell sometimes blank. One draw per row
    (a seed for its cells) keeps an example cheap: the cells are not what is shrunk here."""
    rows = []
    for unit in ("a", "b"):
        for month in months:
            rng = random.Random(draw(st.integers(0, 2**32 - 1)))
            if rng.random() < 0.25:
                continue  # sometimes a month is missing
            values: dict[str, int | None] = {}
            for m in METRIC_NAMES:
                values[m] = None if rng.random() < 0.5 else rng.randint(0, 5)
            for m in ATTESTATION_NAMES:  # Tuyên Quang 4.7's judgement: yes, no or blank
                values[m] = rng.choice([None, 0, 1])
            for num, den in PAIRS:
                n, d = values.get(num), values.get(den)
                if n is not None and d is not None:
                    values[num] = min(n, d)  # a part never exceeds its whole
            rows.append(Record(unit, month, values))
    return rows


@given(data=st.data(), plan_id=st.sampled_from(["kon_plong", "bac_giang", "ninh_thuan",
                                                "tuyen_quang"]))
def test_exactly_one_verdict_per_criterion_and_scores_in_bounds(data: st.DataObject,
                                                                 plan_id: str) -> None:
    """Sections 4.1-4.7 of the four phased plans: every unit and window gets exactly one
    verdict per criterion (met, not_met or unknown), and a score between 0 and the maximum of
    the plan's declared scoring points (local policy).
    Issue 10: the windows are every phase and the campaign, and the final review scores them
    all, so the maximum is the points times the phases plus one."""
    plan = PLANS[plan_id]
    tl = timeline(plan, issued=date(2024, 11, 5))
    months = list(tl.window("campaign").months)  # type: ignore[union-attr]
    rows = data.draw(unit_rows(months))
    ev = evaluate(plan, rows, issued=date(2024, 11, 5), as_of=date(2025, 9, 1))
    windows = (*(p.id for p in tl.phases), "campaign")
    assert ev.windows == windows
    criteria = [c.id for c in plan.criteria]
    assert {(r.unit, r.window) for r in ev.results} == {
        (u, w) for u in {r.unit for r in rows} for w in windows}
    for res in ev.results:
        assert [c.criterion for c in res.criteria] == criteria
        assert all(c.verdict in {"met", "not_met", "unknown"} for c in res.criteria)
    units = [er.UnitInfo(u, u, "commune", "b1") for u in sorted({r.unit for r in rows})]
    final = review_windows(plan, ev, "final")
    assert final == windows
    points = plan.scoring.points if plan.scoring else {}
    maximum = sum(points.get(c, 1) for c in criteria) * len(final)
    for s in standings(plan, ev, final, units):
        assert 0 <= s.score <= maximum


@given(data=st.data())
def test_a_plan_extending_another_without_overrides_evaluates_like_it(
        data: st.DataObject, tmp_path_factory: Any) -> None:
    """Kon Plông's 4.1-4.7 through inheritance: `extends: kon_plong` alone adds nothing, so it
    evaluates exactly like Kon Plông."""
    folder = tmp_path_factory.mktemp("ext")
    path = Path(folder) / "same_as_kp.yaml"
    path.write_text("id: same_as_kp\nextends: kon_plong\n", encoding="utf-8")
    child = er.load_plan(path)
    base = PLANS["kon_plong"]
    tl = timeline(base, issued=date(2024, 11, 5))
    rows = data.draw(unit_rows(list(tl.window("campaign").months)))  # type: ignore[union-attr]
    kw: dict[str, Any] = {"issued": date(2024, 11, 5), "as_of": date(2025, 9, 1)}
    assert evaluate(child, rows, **kw).results == evaluate(base, rows, **kw).results


MUTATIONS = st.lists(st.tuples(st.integers(0, 400), st.sampled_from(
    [b",", b"\n", b'"', b"-1", b"x", b"\xff", b"", b"2024-13", b"\r\n", b";", b"99999999999999"])),
    min_size=1, max_size=6)
KNOWN = {"duplicate-row", "contradictory-counts", "invalid-count", "invalid-period",
         "missing-value", "unknown-column", "row-shape", "csv-syntax", "encoding",
         "duplicate-column", "empty-file", "invalid-value", "missing-column"}


@example(mutations=[(0, b"\xff")])  # the header unreadable: no data row read at all
@given(mutations=MUTATIONS)
def test_damaged_metrics_files_give_issues_with_known_codes(tmp_path_factory: Any,
                                                            mutations: list[Any]) -> None:
    """Kon Plông 4.1 and 4.7's columns (tips, good deeds) as a spreadsheet gives them: any
    damage gives located issues, never an exception, and every row is used or rejected."""
    base = (b"unit,period,tips_total,tips_via_force,good_deeds\n"
            b"xa,2024-11,10,8,1\nxa,2024-12,5,5,0\nto1,2024-11,,,2\n")
    content = bytearray(base)
    for pos, chunk in mutations:
        pos = min(pos, len(content))
        content[pos:pos + 1] = chunk
    path = Path(tmp_path_factory.mktemp("m")) / "m.csv"
    path.write_bytes(bytes(content))
    read = read_metrics(path, PLANS["kon_plong"])
    assert {i.code for i in read.rejected + read.warnings} <= KNOWN
    rejected_rows = {i.location.line for i in read.rejected if i.location.line > 1}
    assert len(read.records) + len(rejected_rows) == read.rows_read
    # issue 10: the evaluator counts the reader's rows too, from Python as from the CLI
    ev = evaluate(PLANS["kon_plong"], read, issued=date(2024, 11, 5), as_of=date(2025, 9, 1))
    assert ev.rows_total == read.rows_read
    assert 0 <= ev.rows_used <= len(read.records)
