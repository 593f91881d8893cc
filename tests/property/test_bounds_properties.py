"""Three values decided by bounds, both ways (conditions module).

Sound: a verdict decided with cells unknown equals the verdict of every completion of those
cells that the row checks allow (sampled ones and the extreme ones). Complete for a single
count or ratio: when the verdict is ``unknown``, completions built from the explanation (the
extremes, and for a count the amount ``need`` names) give two different verdicts.
"""

from __future__ import annotations

import random
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from emulation_rules.conditions import Outcome, column_sums, compile_condition, fast_of
from emulation_rules.model import AllOf, AnyOf, CountCondition, RatioCondition, WhenNoCases

BIG = 10**6
AT = {"n": 0, "d": 1}
Pair = tuple[int | None, int | None]


def counts() -> st.SearchStrategy[CountCondition]:
    return st.builds(CountCondition, metric=st.just("n"),
                     comparator=st.sampled_from(["gt", "gte", "eq", "lte", "lt"]),
                     threshold=st.integers(0, 12))


def ratios() -> st.SearchStrategy[RatioCondition]:
    return st.builds(
        RatioCondition, numerator=st.just("n"), denominator=st.just("d"),
        comparator=st.sampled_from(["gt", "gte", "eq", "lte", "lt"]),
        threshold=st.sampled_from([0.0, 0.5, 0.8, 0.9, 1.0]),
        when_no_cases=st.builds(WhenNoCases, verdict=st.sampled_from(
            ["met", "not_met", "unknown"]), policy=st.just("local"), reason=st.just("test")))


@st.composite
def rows(draw: st.DrawFn) -> list[Pair]:
    """Rows of (part, whole) with part <= whole, some cells deleted (None)."""
    out: list[Pair] = []
    for _ in range(draw(st.integers(0, 5))):
        d = draw(st.integers(0, 6))
        n = draw(st.integers(0, d))
        out.append((None if draw(st.integers(0, 3)) == 0 else n,
                    None if draw(st.integers(0, 3)) == 0 else d))
    return out


def decide(cond: Any, pairs: list[Pair]) -> Outcome:
    cols = [[n for n, _ in pairs], [d for _, d in pairs]]
    return compile_condition(cond, AT)(cols, {})


def complete(pairs: list[Pair], how: str, rng: random.Random | None = None) -> list[Pair]:
    """A completion of the unknown cells that the row checks allow."""
    out: list[Pair] = []
    for n, d in pairs:
        if n is not None and d is not None:
            out.append((n, d))
        elif how == "random":
            assert rng is not None
            whole = d if d is not None else (n or 0) + rng.choice([0, 1, 3, BIG])
            part = n if n is not None else rng.randint(0, whole) if whole < BIG else rng.choice(
                [0, whole, whole // 2])
            out.append((part, whole))
        elif how == "high":  # parts as large as their wholes allow; unbounded ones huge
            out.append((d, d) if d is not None else (n, n) if n is not None else (BIG, BIG))
        elif how == "low":  # parts 0, wholes huge
            out.append((0, d) if d is not None else (n, BIG) if n is not None else (0, BIG))
        else:  # "zero": everything as small as allowed
            out.append((0, d) if d is not None else (n, n) if n is not None else (0, 0))
    return out


def count_completions(pairs: list[Pair], outcome: Outcome) -> list[list[Pair]]:
    """For a count: zeros, huge, and the amount the explanation says is needed on one cell."""
    found = [complete(pairs, "zero"), complete(pairs, "high")]
    if outcome.need:
        amount = max(0, int(outcome.need[1]))
        filled: list[Pair] = []
        done = False
        for n, d in pairs:
            if n is None and not done:
                filled.append((amount, d))
                done = True
            else:
                filled.append((0 if n is None else n, d))
        found.append(filled)
    return found


def conditions() -> st.SearchStrategy[Any]:
    leaf = st.one_of(counts(), ratios())
    return st.one_of(leaf, st.builds(lambda a, b: AnyOf(any_of=(a, b)), leaf, leaf),
                     st.builds(lambda a, b: AllOf(all_of=(a, b)), leaf, leaf))


@given(cond=conditions(), pairs=rows(), seed=st.integers(0, 10**6))
def test_a_decided_verdict_holds_for_every_completion(cond: Any, pairs: list[Pair],
                                                      seed: int) -> None:
    """Sound: with cells unknown, a decided verdict is the verdict of every completion,
    random and extreme (any_of/all_of included: Kleene logic is sound)."""
    outcome = decide(cond, pairs)
    if outcome.verdict == "unknown":
        return
    rng = random.Random(seed)
    tries = [complete(pairs, how) for how in ("high", "low", "zero")]
    tries += [complete(pairs, "random", rng) for _ in range(8)]
    for filled in tries:
        assert decide(cond, filled).verdict == outcome.verdict, (pairs, filled)


@given(cond=st.one_of(counts(), ratios()), pairs=rows())
def test_an_unknown_single_condition_has_two_completions_that_differ(cond: Any,
                                                                     pairs: list[Pair]) -> None:
    """Complete for one count or ratio: an unknown verdict is witnessed by two completions
    built from the explanation (extremes; for a count the amount it says is needed). A count
    alone ranges over [0, inf): its cells are not parts of a whole here."""
    if isinstance(cond, CountCondition):
        pairs = [(n, None) for n, _ in pairs]
    elif cond.comparator == "eq":  # a share "exactly p" between whole-number cells: the
        return  # bounds treat shares as continuous, so eq is sound, not complete (docs)
    outcome = decide(cond, pairs)
    if outcome.verdict != "unknown" or outcome.unknown == 0 or not outcome.need:
        return  # decided: known, or every completion has no cases and when_no_cases is unknown
    if isinstance(cond, CountCondition):
        fills = count_completions(pairs, outcome)
    else:
        fills = [complete(pairs, how) for how in ("high", "low", "zero")]
    verdicts = {decide(cond, filled).verdict for filled in fills}
    assert len(verdicts) >= 2, (pairs, outcome, verdicts)


def test_a_known_shortfall_decides_a_100_percent_target_whatever_is_missing() -> None:
    """97 of 100 present and a whole month unknown: gte 100% cannot be reached."""
    cond = RatioCondition(numerator="n", denominator="d", comparator="gte", threshold=1.0,
                          when_no_cases=WhenNoCases(verdict="met", policy="local", reason="x"))
    assert decide(cond, [(97, 100), (None, None)]).verdict == "not_met"
    assert decide(cond, [(0, 0), (None, None)]).verdict == "unknown"
    assert decide(cond, [(5, 5), (None, None)]).verdict == "unknown"


@given(cond=conditions(), pairs=rows())
def test_the_verdict_only_path_agrees_with_the_explaining_one(cond: Any,
                                                              pairs: list[Pair]) -> None:
    """The evaluator's hot path (verdicts only) and the explanation decide alike, for every
    kind, with and without unknown cells."""
    check = compile_condition(cond, AT)
    cols = [[n for n, _ in pairs], [d for _, d in pairs]]
    assert fast_of(check)(cols, column_sums(cols), {}) == check(cols, {}).verdict
