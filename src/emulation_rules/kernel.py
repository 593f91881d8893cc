"""The evaluator's fast path: one plan's verdicts as generated Python source.

:func:`compile_kernel` turns the targets that apply to a kind of unit, and the windows of one
evaluation, into a single function ``kernel(vecs) -> list of verdicts`` (one per window and
criterion, in order). ``vecs`` holds, for each period of the campaign, the unit's values of the
needed metrics as a tuple, or None for a period with no row of its own; ``spans`` (optional)
gives, per window, the rows that cover several of its months. The kernel computes verdicts only;
the explanation of each verdict (observed value, margin, periods used and missing, citation) is
built on demand by the closures of :mod:`emulation_rules.criteria`, and a property test holds the
two to the same verdict for every generated plan and input.

Safety: no text from a plan reaches the generated source. Metrics are addressed by their
position in ``vecs``; thresholds are emitted only after checking that they are ``int`` (a ratio
threshold as the numerator and denominator of its exact fraction); comparators and verdicts are
looked up in fixed tables of this module; ids, labels and quotes are never emitted. Anything
else raises :class:`KernelError` before any source is compiled. The rules are those of
docs/evaluation.md, the same as the closures': sums over a window's periods, ratios compared by
exact cross-multiplication, a missing period makes a summed target ``if_missing``, a
per-period target must hold in every period of its window.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from fractions import Fraction
from typing import Any

from .model import AllOf, AnyOf, CountCondition, RatioCondition

__all__ = ["Kernel", "KernelError", "compile_kernel"]

_OPS = {"gt": ">", "gte": ">=", "eq": "==", "lte": "<=", "lt": "<"}
_VERDICTS = {"met": "'met'", "not_met": "'not_met'", "unknown": "'unknown'"}
M, N, U = _VERDICTS["met"], _VERDICTS["not_met"], _VERDICTS["unknown"]

Kernel = Callable[..., list[str]]
"""``kernel(vecs, spans=None)``: ``spans``, when given, holds for each window the values of rows
that cover several of its months (summed in) and how many of its months they cover."""


class KernelError(ValueError):
    """A condition the generator does not accept (never reached by a validated plan)."""


def _int(value: object, what: str) -> str:
    if type(value) is not int:
        raise KernelError(f"{what} must be an int, not {type(value).__name__}")
    return repr(value)


def _index(metric: object, index: dict[str, int]) -> str:
    if not isinstance(metric, str) or metric not in index:
        raise KernelError(f"metric {metric!r} is not among the kernel's metrics")
    return _int(index[metric], "metric index")


def _op(comparator: object) -> str:
    if not isinstance(comparator, str) or comparator not in _OPS:
        raise KernelError(f"unknown comparator {comparator!r}")
    return _OPS[comparator]


def _verdict(verdict: object) -> str:
    if not isinstance(verdict, str) or verdict not in _VERDICTS:
        raise KernelError(f"unknown verdict {verdict!r}")
    return _VERDICTS[verdict]


class _Writer:
    def __init__(self) -> None:
        self.lines: list[str] = []
        self.fresh = 0

    def emit(self, depth: int, line: str) -> None:
        self.lines.append("    " * depth + line)

    def name(self, stem: str) -> str:
        self.fresh += 1
        return f"{stem}{self.fresh}"


def _condition(w: _Writer, depth: int, cond: Any, row: str, index: dict[str, int],
               into: str) -> None:
    """Statements that set ``into`` to the verdict of ``cond`` over the values tuple ``row``."""
    if type(cond) is CountCondition:
        x = w.name("x")
        w.emit(depth, f"{x} = {row}[{_index(cond.metric, index)}]")
        w.emit(depth, f"{into} = {U} if {x} is None else {M} if {x} {_op(cond.comparator)} "
                      f"{_int(cond.threshold, 'count threshold')} else {N}")
    elif type(cond) is RatioCondition:
        if not isinstance(cond.threshold, int | float) or isinstance(cond.threshold, bool):
            raise KernelError("ratio threshold must be a number")
        exact = Fraction(str(cond.threshold))
        t_num = _int(exact.numerator, "ratio threshold")
        t_den = _int(exact.denominator, "ratio threshold")
        empty = cond.when_no_cases.verdict if cond.when_no_cases is not None else "unknown"
        n, d = w.name("n"), w.name("d")
        w.emit(depth, f"{n} = {row}[{_index(cond.numerator, index)}]")
        w.emit(depth, f"{d} = {row}[{_index(cond.denominator, index)}]")
        w.emit(depth, f"if {n} is None or {d} is None: {into} = {U}")
        w.emit(depth, f"elif {d} == 0: {into} = {_verdict(empty)}")
        w.emit(depth, f"elif {n} * {t_den} {_op(cond.comparator)} {t_num} * {d}: {into} = {M}")
        w.emit(depth, f"else: {into} = {N}")
    elif type(cond) in (AnyOf, AllOf):
        parts = cond.any_of if type(cond) is AnyOf else cond.all_of
        names = []
        for part in parts:
            names.append(w.name("p"))
            _condition(w, depth, part, row, index, names[-1])
        _combine(w, depth, names, into, decisive=M if type(cond) is AnyOf else N)
    else:
        raise KernelError(f"unknown condition type {type(cond).__name__}")


def _tuple(items: Sequence[str]) -> str:
    return f"({', '.join(items)},)" if items else "()"


def _combine(w: _Writer, depth: int, names: Sequence[str], into: str, decisive: str) -> None:
    other = N if decisive == M else M
    group = _tuple(names)
    w.emit(depth, f"{into} = {decisive} if {decisive} in {group} else {U} if {U} in {group} "
                  f"else {other}")


def kernel_source(targets: Sequence[tuple[str, Any]], metrics: Sequence[str],
                  windows: Sequence[Sequence[int]], periods: int, if_missing: str) -> str:
    """The source of the kernel for ``targets`` (criterion id, Target) in order.

    ``metrics`` are the needed metrics (the order of the values tuples); ``windows`` the period
    indexes of each window; ``periods`` the number of periods of the campaign.
    """
    index = {m: i for i, m in enumerate(metrics)}
    missing = _verdict(if_missing)
    groups: dict[str, list[Any]] = {}
    for criterion, target in targets:
        groups.setdefault(criterion, []).append(target)
    w = _Writer()
    w.emit(0, "def kernel(vecs, spans=None):")
    w.emit(1, "out = []")
    w.emit(1, "append = out.append")
    for number, window in enumerate(windows):
        idx = [_int(i, "period index") for i in window]
        if any(not 0 <= i < periods for i in window):
            raise KernelError("period index out of range")
        rows = _tuple([f"vecs[{i}]" for i in idx])
        w.emit(1, f"# window {number}: periods {', '.join(idx) or 'none'}")
        w.emit(1, f"win = {rows}")
        w.emit(1, "pres = [v for v in win if v is not None]")
        w.emit(1, "if spans is None:")
        w.emit(2, f"miss = len(pres) != {len(idx)} or {len(idx)} == 0")
        w.emit(1, "else:  # rows for several months: summed in, their months not missing")
        w.emit(2, f"extra, covered = spans[{_int(number, 'window index')}]")
        w.emit(2, f"miss = len(pres) + covered != {len(idx)} or {len(idx)} == 0")
        w.emit(2, "pres += extra")
        w.emit(1, "if pres:")
        w.emit(2, "try:")
        w.emit(3, "s = tuple(map(sum, zip(*pres)))")
        w.emit(2, "except TypeError:  # a None among the values: that metric's sum is None")
        w.emit(3, "s = tuple([None if None in c else sum(c) for c in zip(*pres)])")
        w.emit(1, "else:")
        w.emit(2, f"s = (None,) * {_int(len(metrics), 'metric count')}")
        for targets_of in groups.values():
            names = []
            for target in targets_of:
                t = w.name("t")
                names.append(t)
                if target.per == "total":
                    w.emit(1, f"if miss: {t} = {missing}")
                    w.emit(1, "else:")
                    _condition(w, 2, target.condition, "s", index, t)
                elif not idx:
                    w.emit(1, f"{t} = {U}")
                else:
                    vs = w.name("vs")
                    w.emit(1, f"{vs} = []")
                    w.emit(1, "for v in win:")
                    w.emit(2, f"if v is None: {vs}.append({missing}); continue")
                    r = w.name("r")
                    _condition(w, 2, target.condition, "v", index, r)
                    w.emit(2, f"{vs}.append({r})")
                    w.emit(1, f"{t} = {N} if {N} in {vs} else {U} if {U} in {vs} else {M}")
            if len(names) == 1:
                w.emit(1, f"append({names[0]})")
            else:
                c = w.name("c")
                _combine(w, 1, names, c, decisive=N)
                w.emit(1, f"append({c})")
    w.emit(1, "return out")
    return "\n".join(w.lines) + "\n"


def compile_kernel(targets: Sequence[tuple[str, Any]], metrics: Sequence[str],
                   windows: Sequence[Sequence[int]], periods: int, if_missing: str) -> Kernel:
    """Compile :func:`kernel_source` into a function (no builtins beyond the few it uses)."""
    source = kernel_source(targets, metrics, windows, periods, if_missing)
    namespace: dict[str, Any] = {"__builtins__": {"len": len, "tuple": tuple, "map": map,
                                                  "sum": sum, "zip": zip,
                                                  "TypeError": TypeError}}
    # The source is this module's own template: metric positions, int thresholds and fixed
    # verdict and comparator tables only (see the module docstring and tests/test_kernel.py).
    exec(compile(source, "<emulation_rules.kernel>", "exec"), namespace)
    kernel: Kernel = namespace["kernel"]
    return kernel
