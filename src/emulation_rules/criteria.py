"""Compile plan conditions into plain Python closures, one function per condition kind.

A compiled condition takes a mapping of metric values (already summed over the window or taken
for one period) and returns an :class:`Outcome`. Ratios compare exactly (integers against a
Fraction), never with float rounding. The table ``_COMPILERS`` maps each condition type to its
compiler: a new kind is one function and one entry.
"""

from __future__ import annotations

import operator
from collections.abc import Callable, Mapping
from fractions import Fraction
from typing import Any, Literal, NamedTuple

from .model import AllOf, AnyOf, CountCondition, RatioCondition

__all__ = ["Check", "Outcome", "compile_condition", "metrics_of"]

Verdict = Literal["met", "not_met", "unknown"]
Values = Mapping[str, int | None]

_OPS: dict[str, Callable[[Any, Any], bool]] = {
    "gt": operator.gt, "gte": operator.ge, "eq": operator.eq, "lte": operator.le,
    "lt": operator.lt,
}


class Outcome(NamedTuple):
    """A verdict with what explains it (a NamedTuple: built millions of times)."""

    verdict: Verdict
    observed: float | int | None = None
    """The count, or the ratio as a fraction 0..1 (rounded to 6 places for display)."""
    margin: float | int | None = None
    """observed - threshold (positive is above the threshold)."""
    no_cases: bool = False
    """The ratio's denominator was 0 and ``when_no_cases`` decided the verdict."""
    policy: str | None = None
    """"local" when a local-policy rule (when_no_cases) decided the verdict."""
    missing: tuple[str, ...] = ()
    """Metrics that had no value."""
    parts: tuple[Any, ...] = ()


Check = Callable[[Values], Outcome]


def _count(cond: CountCondition) -> Check:
    metric, threshold, op = cond.metric, cond.threshold, _OPS[cond.comparator]

    def check(values: Values) -> Outcome:
        value = values.get(metric)
        if value is None:
            return Outcome("unknown", missing=(metric,))
        return Outcome("met" if op(value, threshold) else "not_met", value, value - threshold)

    return check


def _ratio(cond: RatioCondition) -> Check:
    num, den, op = cond.numerator, cond.denominator, _OPS[cond.comparator]
    # exact: n/d OP p/q  <=>  n*q OP p*d  (d > 0), with the threshold as a reduced fraction
    threshold = Fraction(str(cond.threshold))
    t_num, t_den, t_float = threshold.numerator, threshold.denominator, float(threshold)
    empty = cond.when_no_cases
    empty_verdict: Verdict = empty.verdict if empty is not None else "unknown"
    empty_policy = empty.policy if empty is not None else None

    def check(values: Values) -> Outcome:
        n, d = values.get(num), values.get(den)
        if n is None or d is None:
            missing = tuple(m for m, v in ((num, n), (den, d)) if v is None)
            return Outcome("unknown", missing=missing)
        if d == 0:
            return Outcome(empty_verdict, None, None, True, empty_policy)
        share = n / d
        return Outcome("met" if op(n * t_den, t_num * d) else "not_met", round(share, 6),
                       round(share - t_float, 6))

    return check


def _combine(checks: list[Check], any_mode: bool) -> Check:
    def check(values: Values) -> Outcome:
        parts = tuple(c(values) for c in checks)
        verdicts = {p.verdict for p in parts}
        decisive: Verdict = "met" if any_mode else "not_met"
        if decisive in verdicts:
            verdict = decisive
        elif "unknown" in verdicts:
            verdict = "unknown"
        else:
            verdict = "not_met" if any_mode else "met"
        missing = tuple(m for p in parts for m in p.missing)
        return Outcome(verdict, missing=missing, parts=parts)

    return check


def _any(cond: AnyOf) -> Check:
    return _combine([compile_condition(c) for c in cond.any_of], any_mode=True)


def _all(cond: AllOf) -> Check:
    return _combine([compile_condition(c) for c in cond.all_of], any_mode=False)


_COMPILERS: dict[type, Callable[[Any], Check]] = {
    CountCondition: _count,
    RatioCondition: _ratio,
    AnyOf: _any,
    AllOf: _all,
}


def compile_condition(cond: Any) -> Check:
    """A closure that decides ``cond`` for a mapping of metric values."""
    return _COMPILERS[type(cond)](cond)


def metrics_of(cond: Any) -> list[str]:
    """Every metric a condition reads, in order, without repeats."""
    if isinstance(cond, CountCondition):
        names = [cond.metric]
    elif isinstance(cond, RatioCondition):
        names = [cond.numerator, cond.denominator]
    elif isinstance(cond, AnyOf):
        names = [m for c in cond.any_of for m in metrics_of(c)]
    else:
        names = [m for c in cond.all_of for m in metrics_of(c)]
    return list(dict.fromkeys(names))
