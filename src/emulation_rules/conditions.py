"""The one table of condition kinds and comparators: meaning, evaluation, bounds, explanation.

Every condition a plan can state (a count, a ratio, an attestation, ``any_of``/``all_of``) and
every comparator (``gt gte eq lte lt``) is defined here once; the evaluator, the explanations,
the plan checks, the generated docs and the awards all read these tables. A new comparator is
one entry of :data:`COMPARATORS`; a new kind is one :class:`Kind` in :data:`KINDS`.

**Three values, decided by bounds.** A compiled condition takes the cells of one unit over a
window (or one period of it) as columns aligned by row: ``cols[j][r]`` is the value of column
``j`` (a metric or attestation) in cell row ``r``, None when unknown (a blank at the level the
target reads, a missing month, a month after the as-of date). Each unknown cell ranges over
what the row checks allow: a count over [0, ∞); a part over [0, whole] when its whole is known;
a whole over [part, ∞) when its part is known. A verdict is decided when only one verdict is
reachable by some completion; otherwise it is ``unknown``, with what the unknown cells would
need. ``any_of``/``all_of`` combine their parts with Kleene logic: sound (a decided verdict is
right for every completion) but not complete (a combination may stay unknown although every
completion agrees).
"""

from __future__ import annotations

import operator
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from fractions import Fraction
from functools import partial
from operator import is_not
from typing import Any, Literal, NamedTuple

from .i18n import Lang, text
from .model import AllOf, AnyOf, AttestedCondition, CountCondition, RatioCondition

__all__ = [
    "COMPARATORS",
    "KINDS",
    "Comparator",
    "Compiled",
    "Kind",
    "Outcome",
    "column_sums",
    "compile_condition",
    "fast_of",
    "kind_of",
    "reads_of",
    "references",
    "walk",
]

Verdict = Literal["met", "not_met", "unknown"]
Columns = Sequence[Sequence[int | None]]
Attested = Mapping[str, bool]


# ---------------------------------------------------------------------------------------------
# comparators


# Which verdicts a range of values can reach, from where its ends lie against the threshold:
# ``lo``/``hi`` are -1, 0 or 1 (below, at, above the threshold; ``hi`` is 1 when unbounded),
# ``lo_in``/``hi_in`` whether the end itself is reachable. Returns (met, not_met) reachable.


def _reach_gte(lo: int, lo_in: bool, hi: int, hi_in: bool) -> tuple[bool, bool]:
    return (hi > 0 or (hi == 0 and hi_in)), lo < 0


def _reach_gt(lo: int, lo_in: bool, hi: int, hi_in: bool) -> tuple[bool, bool]:
    return hi > 0, (lo < 0 or (lo == 0 and lo_in))


def _reach_lte(lo: int, lo_in: bool, hi: int, hi_in: bool) -> tuple[bool, bool]:
    return (lo < 0 or (lo == 0 and lo_in)), hi > 0


def _reach_lt(lo: int, lo_in: bool, hi: int, hi_in: bool) -> tuple[bool, bool]:
    return lo < 0, (hi > 0 or (hi == 0 and hi_in))


def _reach_eq(lo: int, lo_in: bool, hi: int, hi_in: bool) -> tuple[bool, bool]:
    can_met = (lo < 0 or (lo == 0 and lo_in)) and (hi > 0 or (hi == 0 and hi_in))
    return can_met, not (lo == 0 and hi == 0)


_KNOWN = partial(is_not, None)


def _sign(x: int) -> int:
    return (x > 0) - (x < 0)


@dataclass(frozen=True)
class Comparator:
    """A comparator: the test, which verdicts a range of values can reach, and its words
    (the catalogue's ``eval.comparator.<id>``: "trên {threshold}", "more than {threshold}")."""

    id: str
    test: Callable[[Any, Any], bool]
    reach: Callable[[int, bool, int, bool], tuple[bool, bool]]
    """(met reachable, not_met reachable) for values from lo to hi, given where each end lies
    against the threshold (-1, 0, 1; hi is 1 when unbounded) and whether it is reachable."""
    wording: str
    """How plans word it in the documents (for docs/plan-format.md)."""

    def words(self, threshold: object, lang: Lang | None = None) -> str:
        """The comparator with its threshold for people, in ``lang`` (default the current
        language): ``trên 90%``, ``more than 90%``."""
        return text(f"eval.comparator.{self.id}", lang, threshold=threshold)

    @property
    def vi(self) -> str:
        """The Vietnamese wording, ``{}`` for the threshold (``trên {}``)."""
        return self.words("{}", "vi")

    @property
    def en(self) -> str:
        """The English wording, ``{}`` for the threshold (``more than {}``)."""
        return self.words("{}", "en")


COMPARATORS: dict[str, Comparator] = {c.id: c for c in (
    Comparator("gt", operator.gt, _reach_gt, "trên, hơn"),
    Comparator("gte", operator.ge, _reach_gte, "từ ... trở lên, ít nhất, đạt (a bare target)"),
    Comparator("eq", operator.eq, _reach_eq, "không để xảy ra (eq 0)"),
    Comparator("lte", operator.le, _reach_lte, "không quá, tối đa"),
    Comparator("lt", operator.lt, _reach_lt, "dưới, ít hơn"),
)}


# ---------------------------------------------------------------------------------------------
# outcomes


class Outcome(NamedTuple):
    """A verdict with what explains it (a NamedTuple: built millions of times)."""

    verdict: Verdict
    observed: float | int | None = None
    """The count (of the known cells), or the ratio of the known cells as 0..1."""
    margin: float | int | None = None
    """observed - threshold (positive is above the threshold), for the known cells."""
    no_cases: bool = False
    """The ratio's denominator was 0 (every cell known) and ``when_no_cases`` decided."""
    policy: str | None = None
    """"local" when a local-policy rule decided the verdict (when_no_cases, missing_period)."""
    unknown: int = 0
    """How many cells were unknown."""
    need: tuple[Any, ...] = ()
    """For an undecided verdict, what the unknown cells would need: ``("more", k)`` (a count
    needs k more), ``("at_most", k)`` (at most k more), ``("share", p, slack, num, den)``
    (the unknown cells need num >= p * den - slack)."""
    parts: tuple[Outcome, ...] = ()


Compiled = Callable[[Columns, Attested], Outcome]
"""A condition compiled against column positions: decides it for one window's cells."""
Sums = Sequence[int | None]
"""Per column, the sum of its cells, or None when a cell is unknown: computed once per window."""
Fast = Callable[[Columns, Sums, Attested], str]
"""The same decision, the verdict only (no Outcome built), from the window's column sums
(reading the cells only where one is unknown): the evaluator's hot path."""

_MET = Outcome("met")
_NOT_MET = Outcome("not_met")


def _share(n: int, d: int) -> float:
    return round(n / d, 6)


# ---------------------------------------------------------------------------------------------
# kinds


def _compile_count(cond: CountCondition, at: Mapping[str, int]) -> Compiled:
    j, t = at[cond.metric], cond.threshold
    cmp = COMPARATORS[cond.comparator]
    test, reach = cmp.test, cmp.reach

    def check(cols: Columns, attested: Attested) -> Outcome:
        col = cols[j]
        if None not in col:
            k = sum(col)  # type: ignore[arg-type]
            return Outcome("met" if test(k, t) else "not_met", k, k - t)
        known = [v for v in col if v is not None]
        k, unknown = sum(known), len(col) - len(known)
        can_met, can_not = reach(_sign(k - t), True, 1, False)
        if can_met and not can_not:
            return Outcome("met", k, k - t, unknown=unknown)
        if can_not and not can_met:
            return Outcome("not_met", k, k - t, unknown=unknown)
        need = ("more", t - k + (1 if cond.comparator == "gt" else 0)) if cond.comparator in (
            "gt", "gte") else ("at_most", t - k - (1 if cond.comparator == "lt" else 0))
        return Outcome("unknown", k, None, unknown=unknown, need=need)

    def fast(cols: Columns, sums: Sums, attested: Attested) -> str:
        k = sums[j]
        if k is None:
            known: Any = filter(_KNOWN, cols[j])
            can_met, can_not = reach(_sign(sum(known) - t), True, 1, False)
            return "unknown" if can_met == can_not else "met" if can_met else "not_met"
        return "met" if test(k, t) else "not_met"

    check.fast = fast  # type: ignore[attr-defined]
    return check


def _ratio_range(pairs: Iterable[tuple[int | None, int | None]]
                 ) -> tuple[int, int, int, int, int, int]:
    """Sums that bound the shares reachable: (kn, dfix, nmax, dmin, n_b, n_c), see module."""
    kn = dfix = nmax_extra = dmin_extra = n_b = n_c = 0
    for n, d in pairs:
        if n is not None and d is not None:
            kn += n
            dfix += d
        elif d is not None:  # A: part unknown in [0, d]
            dfix += d
            nmax_extra += d
        elif n is not None:  # B: whole unknown in [n, inf)
            kn += n
            dmin_extra += n
            n_b += 1
        else:  # C: both unknown
            n_c += 1
    return kn, dfix, kn + nmax_extra, dfix + dmin_extra, n_b, n_c


def _compile_ratio(cond: RatioCondition, at: Mapping[str, int]) -> Compiled:
    jn, jd = at[cond.numerator], at[cond.denominator]
    threshold = Fraction(str(cond.threshold))
    p, q, t_float = threshold.numerator, threshold.denominator, float(threshold)
    cmp = COMPARATORS[cond.comparator]
    test, reach = cmp.test, cmp.reach
    empty = cond.when_no_cases
    empty_verdict: Verdict = empty.verdict if empty is not None else "unknown"
    empty_policy = empty.policy if empty is not None else None
    no_cases = Outcome(empty_verdict, None, None, True, empty_policy)

    def check(cols: Columns, attested: Attested) -> Outcome:
        ncol, dcol = cols[jn], cols[jd]
        if None not in ncol and None not in dcol:
            n, d = sum(ncol), sum(dcol)  # type: ignore[arg-type]
            if d == 0:
                return no_cases
            # exact: n/d OP p/q  <=>  n*q OP p*d  (d > 0)
            return Outcome("met" if test(n * q, p * d) else "not_met", _share(n, d),
                           round(n / d - t_float, 6))
        return _ratio_bounds(list(zip(ncol, dcol, strict=True)))

    def fast(cols: Columns, sums: Sums, attested: Attested) -> str:
        n, d = sums[jn], sums[jd]
        if n is None or d is None:
            return bounded_verdict(cols[jn], cols[jd])
        if d == 0:
            return empty_verdict
        return "met" if test(n * q, p * d) else "not_met"

    check.fast = fast  # type: ignore[attr-defined]

    def reachable_verdicts(kn: int, dfix: int, nmax: int, dmin: int, n_b: int, n_c: int
                           ) -> set[str]:
        reachable: set[str] = set()
        if dmin == 0:  # a zero denominator is reachable: when_no_cases decides it
            reachable.add(empty_verdict)
        # shares with a positive denominator: from inf (lo) to sup (hi), each end placed
        # against the threshold p/q exactly: sign(a/b - p/q) = sign(a*q - p*b) for b > 0
        hi: int | None
        if n_c:
            hi, hi_in = _sign(q - p), nmax == dmin
        elif dmin > 0:
            hi, hi_in = _sign(nmax * q - p * dmin), True
        elif n_b:
            hi, hi_in = _sign(-p), True
        else:
            hi, hi_in = None, False
        lo: int | None
        if n_b or n_c:
            lo, lo_in = _sign(-p), kn == 0
        elif dfix > 0:
            lo, lo_in = _sign(kn * q - p * dfix), True
        else:
            lo, lo_in = None, False
        if lo is not None and hi is not None:
            can_met, can_not = reach(lo, lo_in, hi, hi_in)
            if can_met:
                reachable.add("met")
            if can_not:
                reachable.add("not_met")
        return reachable

    def bounded_verdict(ncol: Sequence[int | None], dcol: Sequence[int | None]) -> str:
        found = reachable_verdicts(*_ratio_range(zip(ncol, dcol, strict=True)))
        return found.pop() if len(found) == 1 else "unknown"

    def _ratio_bounds(pairs: list[tuple[int | None, int | None]]) -> Outcome:
        kn, dfix, nmax, dmin, n_b, n_c = _ratio_range(pairs)
        unknown = sum((n is None) + (d is None) for n, d in pairs)
        reachable = reachable_verdicts(kn, dfix, nmax, dmin, n_b, n_c)
        observed = _share(kn, dfix) if dfix else None
        margin = round(observed - t_float, 6) if observed is not None else None
        if len(reachable) == 1:
            verdict = reachable.pop()
            return Outcome(verdict, observed, margin, unknown=unknown)  # type: ignore[arg-type]
        slack = Fraction(kn) - threshold * dfix  # only for the words of an undecided verdict
        return Outcome("unknown", observed, margin, unknown=unknown,
                       need=("share", t_float, float(slack), cond.numerator, cond.denominator))

    return check


def _compile_attested(cond: AttestedCondition, at: Mapping[str, int]) -> Compiled:
    att = cond.attestation
    j = at.get(att)

    def check(cols: Columns, attested: Attested) -> Outcome:
        given = attested.get(att)
        if given is not None:
            return Outcome("met" if given else "not_met", int(given))
        col = cols[j] if j is not None else ()
        if 0 in col:
            return Outcome("not_met", 0)
        if col and None not in col:
            return Outcome("met", 1)
        return Outcome("unknown", None, unknown=max(1, sum(v is None for v in col)),
                       need=("attestation", att))

    return check


def _kleene(parts: Sequence[Outcome], any_mode: bool) -> Outcome:
    verdicts = {o.verdict for o in parts}
    decisive: Verdict = "met" if any_mode else "not_met"
    if decisive in verdicts:
        verdict = decisive
    elif "unknown" in verdicts:
        verdict = "unknown"
    else:
        verdict = "not_met" if any_mode else "met"
    return Outcome(verdict, unknown=sum(o.unknown for o in parts), parts=tuple(parts))


def _compile_combined(parts: Sequence[Any], at: Mapping[str, int], any_mode: bool
                      ) -> Compiled:
    checks = [compile_condition(c, at) for c in parts]
    fasts = [fast_of(c) for c in checks]
    decisive, other = ("met", "not_met") if any_mode else ("not_met", "met")

    def check(cols: Columns, attested: Attested) -> Outcome:
        return _kleene([c(cols, attested) for c in checks], any_mode)

    def fast(cols: Columns, sums: Sums, attested: Attested) -> str:
        undecided = False
        for f in fasts:
            verdict = f(cols, sums, attested)
            if verdict == decisive:
                return decisive
            if verdict == "unknown":
                undecided = True
        return "unknown" if undecided else other

    check.fast = fast  # type: ignore[attr-defined]
    return check


def _compile_any(cond: AnyOf, at: Mapping[str, int]) -> Compiled:
    return _compile_combined(cond.any_of, at, True)


def _compile_all(cond: AllOf, at: Mapping[str, int]) -> Compiled:
    return _compile_combined(cond.all_of, at, False)


def column_sums(cols: Columns) -> list[int | None]:
    """Each column's sum, or None where a cell is unknown (what the fast twins read)."""
    return [None if None in col else sum(col) for col in cols]  # type: ignore[arg-type]


def fast_of(check: Compiled) -> Fast:
    """The verdict-only twin of a compiled condition (built by its kind's compiler)."""
    found: Fast | None = getattr(check, "fast", None)
    if found is None:
        return lambda cols, sums, attested: check(cols, attested).verdict
    return found


@dataclass(frozen=True)
class Kind:
    """One condition kind: its model, what it reads, how it is compiled, how it is described."""

    id: str
    model: type
    compile: Callable[[Any, Mapping[str, int]], Compiled]
    doc: str
    """One line for docs/plan-format.md."""
    refs: Callable[[Any], list[tuple[str, str]]] = lambda cond: []
    """Its own references: (field, metric or attestation id), for the plan checks."""
    parts: Callable[[Any], list[tuple[str, int, Any]]] = lambda cond: []
    """Its sub-conditions: (field, index, condition)."""
    keys: str = ""
    """How a plan writes it (for docs/plan-format.md)."""


KINDS: dict[type, Kind] = {k.model: k for k in (
    Kind("count", CountCondition, _compile_count,
         "a count summed over the window, compared with a whole number; unknown cells range "
         "over [0, ∞)",
         refs=lambda c: [("metric", c.metric)],
         keys="`metric`, `comparator`, `threshold` (whole number)"),
    Kind("ratio", RatioCondition, _compile_ratio,
         "sum of parts over sum of wholes, compared exactly with a fraction; a part ranges over "
         "[0, whole], a whole over [part, ∞); when_no_cases decides a zero whole",
         refs=lambda c: [("numerator", c.numerator), ("denominator", c.denominator)],
         keys="`numerator`, `denominator`, `comparator`, `threshold` (0 to 1), "
              "`when_no_cases`"),
    Kind("attestation", AttestedCondition, _compile_attested,
         "a judgement supplied as an attestation for the window (or the campaign); unknown "
         "without one",
         refs=lambda c: [("attestation", c.attestation)],
         keys="`attestation` (an attestation id)"),
    Kind("any_of", AnyOf, _compile_any,
         "met when any part is met (Kleene OR: unknown unless one part is met or all fail)",
         parts=lambda c: [("any_of", i, sub) for i, sub in enumerate(c.any_of)],
         keys='`any_of: [condition, ...]` ("... hoặc ...")'),
    Kind("all_of", AllOf, _compile_all,
         "met when every part is met (Kleene AND: not met as soon as one part fails)",
         parts=lambda c: [("all_of", i, sub) for i, sub in enumerate(c.all_of)],
         keys='`all_of: [condition, ...]` ("... và ...")'),
)}


def walk(cond: Any, path: tuple[str | int, ...] = ()
         ) -> Iterator[tuple[Any, tuple[str | int, ...]]]:
    """Every condition inside ``cond`` (itself first), with its path below ``path``."""
    yield cond, path
    for key, index, sub in KINDS[type(cond)].parts(cond):
        yield from walk(sub, (*path, key, index))


def references(cond: Any, path: tuple[str | int, ...] = ()
               ) -> Iterator[tuple[str, str, tuple[str | int, ...]]]:
    """Every metric or attestation a condition names: (field, id, path of the field)."""
    for node, node_path in walk(cond, path):
        for field, name in KINDS[type(node)].refs(node):
            yield field, name, (*node_path, field)


def kind_of(cond: Any) -> Kind:
    return KINDS[type(cond)]


def compile_condition(cond: Any, at: Mapping[str, int]) -> Compiled:
    """A closure that decides ``cond`` for a window's columns (``at``: column positions)."""
    return KINDS[type(cond)].compile(cond, at)


def reads_of(cond: Any) -> list[str]:
    """Every metric and attestation a condition reads, in order, without repeats."""
    return list(dict.fromkeys(name for _, name, _ in references(cond)))


def combine_periods(outcomes: Sequence[Outcome]) -> Verdict:
    """Kleene AND over the periods of a per-month or per-year target."""
    verdicts = {o.verdict for o in outcomes}
    if "not_met" in verdicts:
        return "not_met"
    if "unknown" in verdicts or not outcomes:
        return "unknown"
    return "met"
