"""Awards and rankings: scores, bloc ranks, award eligibility per review, and what a unit lacks.

Pure: works on an :class:`~emulation_rules.results.Evaluation`, the units, and the
attestations and prior awards given as data. A review (``final``, a phase id, ``year:2026``,
``stage:2026-2030``) selects the awards whose occasion it is and the evaluation windows they
read: a phase review its phase; the final review every phase and the campaign window; a yearly
or stage review its year or stage window. Eligibility reads the evaluator's verdicts for those
windows; it never evaluates a metric itself. Every condition outcome says where it came from:
the document (a verdict of the evaluation), an attestation, or a rule of local policy.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any, Literal

from .errors import EmulationRulesError, EvaluationError
from .evaluation import COLLECTIVE_KINDS
from .i18n import Lang, Msg, literal, msg
from .model import (
    AttestationCondition,
    Award,
    JudgementCondition,
    LeadsBlocCondition,
    MetricCondition,
    Plan,
    PriorAwardsCondition,
    Quota,
    Standard,
)
from .records import UnitInfo
from .results import Evaluation, UnitResult
from .timelines import CAMPAIGN

__all__ = ["AwardResult", "AwardsReport", "Candidate", "ConditionOutcome", "PriorAward",
           "QuotaGroup", "QuotaPlace", "QuotaResult", "ReviewError", "Standing", "awards",
           "review_window", "review_windows", "standings"]

Verdict = Literal["met", "not_met", "unknown"]
Basis = Literal["document", "attestation", "local_policy", "computed"]
_FORM_RANK = {"commendation": 1, "certificate_of_merit": 2, "emulation_flag": 3}


class ReviewError(EmulationRulesError):
    """The review named does not exist for this plan and evaluation (raised with one
    :class:`~emulation_rules.i18n.Msg`: ``str(exc)`` is in the current language)."""


@dataclass(frozen=True)
class PriorAward:
    """An award a unit already received (input for conditions like "03 Bằng khen")."""

    unit: str
    form: str
    granted_by: str
    count: int = 1


@dataclass(frozen=True)
class Standing:
    """A unit's score and rank in its bloc for the review's windows."""

    unit: str
    bloc: str
    score: int
    criteria_met: int
    targets_met: int
    rank: int | None
    bloc_size: int
    bloc_complete: bool
    """The units file declares the bloc's size (``bloc_size``) and every unit of it has
    results: the rank is computed, not attested."""
    score_max: int = 0
    """The score if every criterion still undecided (``unknown``) were met: a rank is certain
    only where the scores' ranges do not overlap."""
    undecided_targets: int = 0
    """Targets still undecided: they could change ``targets_met``, a tie-break key."""
    undecided_criteria: int = 0
    """Criteria still undecided: they could change ``criteria_met``, a tie-break key."""

    def bounds(self, key: str) -> tuple[int, int]:
        """The least and the most a ranking key can be, whatever the undecided verdicts."""
        if key == "score":
            return self.score, self.score_max
        if key == "criteria_met":
            return self.criteria_met, self.criteria_met + self.undecided_criteria
        return self.targets_met, self.targets_met + self.undecided_targets


@dataclass(frozen=True)
class ConditionOutcome:
    id: str
    kind: str
    verdict: Verdict
    basis: Basis
    explanation: Msg
    """What the verdict rests on, for people ("rank 1 of 2 in bloc khoi_xa (score 6)"):
    rendered in a language with ``explanation.render(lang)``."""
    section: str | None = None
    quote: str | None = None

    @property
    def detail(self) -> str:
        """:attr:`explanation` in the current language."""
        return self.explanation.render()

    def detail_in(self, lang: Lang | None = None) -> str:
        """:attr:`explanation` in ``lang`` (default the current language)."""
        return self.explanation.render(lang)


@dataclass(frozen=True)
class Candidate:
    unit: str
    standard: str
    verdict: Verdict
    """met: eligible; not_met: a condition failed; unknown: a condition could not be decided."""
    conditions: tuple[ConditionOutcome, ...]

    @property
    def lacking(self) -> tuple[ConditionOutcome, ...]:
        return tuple(c for c in self.conditions if c.verdict != "met")


QuotaStatus = Literal["granted", "tied", "next", "outside", "undecided"]


@dataclass(frozen=True)
class QuotaPlace:
    """A unit's place in a quota's ranking (:class:`QuotaGroup`)."""

    unit: str
    place: int
    """1 + the number of eligible units of the group ranked above it on the keys (tied units
    share a place: 1, 2, 2, 4); for an undecided candidate, the best place it could reach."""
    status: QuotaStatus
    """granted: within the count; tied: tied on every key at the last place, more units than
    places (the granting body settles it); next: the first place below the cut; outside:
    further down; undecided: a candidate not yet decided that could take a place."""
    keys: tuple[int, ...]
    """The values of the quota's ``rank_by`` keys, undecided verdicts counted as not met."""
    best: tuple[int, ...]
    """The values if every undecided verdict of the unit were met."""
    certain: bool
    """No undecided verdict (its own or another unit's) can move it across the cut: a unit
    granted stays granted, a unit below stays below, a tie stays as it is."""


@dataclass(frozen=True)
class QuotaGroup:
    """The units one count is for: every candidate (``among: all``) or one bloc's."""

    bloc: str | None
    """The bloc (``among: bloc``), or None for every candidate together."""
    count: int
    places: tuple[QuotaPlace, ...]
    """Every eligible unit of the group, best first."""
    undecided: tuple[QuotaPlace, ...] = ()
    """The undecided candidates that would take a place, or tie for one, if they became
    eligible with every undecided verdict met."""
    tied_places: int = 0
    """How many places are left for the units tied at the cut (0: no tie at the cut)."""
    kinds: tuple[str, ...] = ()
    """The unit kinds ranked together, eligible or undecided (more than one in ``among:
    all``: their scores count different criteria)."""

    def _with(self, status: str) -> tuple[str, ...]:
        return tuple(p.unit for p in self.places if p.status == status)

    @property
    def granted(self) -> tuple[str, ...]:
        return self._with("granted")

    @property
    def tied(self) -> tuple[str, ...]:
        return self._with("tied")

    @property
    def next(self) -> tuple[str, ...]:
        return self._with("next")

    @property
    def free_places(self) -> int:
        """Places no eligible unit takes (fewer eligible units than the count)."""
        return max(0, self.count - len(self.places))

    @property
    def settled(self) -> bool:
        """No undecided verdict can change who is granted, tied or next."""
        return not self.undecided and all(p.certain for p in self.places)

    @property
    def movers(self) -> tuple[QuotaPlace, ...]:
        """The units whose undecided verdicts could change the list: undecided candidates,
        units below the cut that could reach it, tied units that could rise above it."""
        return (*(p for p in self.places if not p.certain and p.best != p.keys
                  and p.status != "granted"), *self.undecided)


@dataclass(frozen=True)
class QuotaResult:
    """An award's quota (:class:`~emulation_rules.model.Quota`) applied to its candidates."""

    count: int
    among: str
    rank_by: tuple[str, ...]
    groups: tuple[QuotaGroup, ...]
    unplaced: tuple[str, ...] = ()
    """``among: bloc``: eligible units the units file puts in no bloc (not ranked)."""
    section: str | None = None
    quote: str | None = None
    policy: str | None = None
    reason: str | None = None

    @cached_property
    def _index(self) -> dict[str, tuple[QuotaGroup, QuotaPlace]]:
        return {p.unit: (group, p) for group in self.groups
                for p in (*group.places, *group.undecided)}

    def place_of(self, unit: str) -> tuple[QuotaGroup, QuotaPlace] | None:
        """The group and place of a unit (eligible or undecided), or None."""
        return self._index.get(unit)


@dataclass(frozen=True)
class AwardResult:
    award: str
    label_vi: str
    label_en: str
    form: str | None
    granted_by: str
    proposed_by: str | None
    candidates: tuple[Candidate, ...]
    quota: QuotaResult | None = None
    """How many collectives the tier grants, ranked (None: as many as are eligible)."""


@dataclass(frozen=True)
class AwardsReport:
    plan_id: str
    review: str
    occasion: str
    windows: tuple[str, ...]
    """The windows criteria are scored and judged over."""
    standings: tuple[Standing, ...]
    awards: tuple[AwardResult, ...]
    messages: tuple[Msg, ...] = field(default=())
    """Notes about the report for people (no award at this review), rendered with
    ``.render(lang)``; :attr:`notes` gives them in the current language."""
    conditions_window: str = ""
    """The window the award conditions (metric, attestation) are read in."""

    @property
    def notes(self) -> tuple[str, ...]:
        """:attr:`messages` in the current language."""
        return tuple(m.render() for m in self.messages)

    def notes_in(self, lang: Lang | None = None) -> tuple[str, ...]:
        """:attr:`messages` in ``lang`` (default the current language)."""
        return tuple(m.render(lang) for m in self.messages)

    def eligible(self, award_id: str) -> list[str]:
        result = next(a for a in self.awards if a.award == award_id)
        return sorted({c.unit for c in result.candidates if c.verdict == "met"})

    def for_unit(self, unit: str) -> list[tuple[AwardResult, Candidate]]:
        return [(a, c) for a in self.awards for c in a.candidates if c.unit == unit]


def _review(plan: Plan, ev: Evaluation, review: str) -> tuple[str, tuple[str, ...], str]:
    """The occasion a review is, the windows its criteria are read over, and the window its
    award conditions are read in."""
    phases = [w for w in ev.windows if w != CAMPAIGN and ":" not in w]
    years = [w for w in ev.windows if w.startswith("year:")]
    stages = [w for w in ev.windows if w.startswith("stage:")]
    if review == "final" and CAMPAIGN in ev.windows:
        return "final_review", (*phases, CAMPAIGN), CAMPAIGN
    if review in phases:
        return "phase_review", (review,), review
    if review in years:
        return "yearly_review", (review,), review
    if review in stages:  # scored over the years of the stage (the plan's scoring reason)
        first, last = (int(y) for y in review.removeprefix("stage:").split("-"))
        inside = tuple(y for y in years if first <= int(y[5:]) <= last)
        return "stage_review", inside or (review,), review
    valid = (["final"] if CAMPAIGN in ev.windows else []) + phases + years + stages
    raise ReviewError(msg("awards.no-review", review=repr(review), plan=repr(plan.id),
                          reviews=", ".join(valid)))


def review_windows(plan: Plan, ev: Evaluation, review: str) -> tuple[str, ...]:
    """The windows a review scores and judges criteria over (raises :class:`ReviewError`)."""
    return _review(plan, ev, review)[1]


def review_window(plan: Plan, ev: Evaluation, review: str) -> str:
    """The window a review reads its award conditions in (raises :class:`ReviewError` for an
    unknown review): the phase, ``campaign`` for the final review, the year, the stage."""
    return _review(plan, ev, review)[2]


def _key(plan: Plan) -> Callable[[Standing], tuple[Any, ...]]:
    keys = plan.scoring.tie_break if plan.scoring else ("score", "unit_id")

    def key(s: Standing) -> tuple[Any, ...]:
        parts: list[Any] = []
        for k in keys:
            parts.append(s.unit if k == "unit_id" else -getattr(s, k))
        return tuple(parts)

    return key


def standings(plan: Plan, ev: Evaluation, windows: Sequence[str],
              units: Sequence[UnitInfo]) -> list[Standing]:
    """Score and rank every evaluated unit over ``windows``, ranks within each bloc.

    A unit earns a criterion's points (default 1) for each window in which it meets it. Ranks
    follow the plan's tie-break keys; they are the same whatever the input order.
    """
    points = plan.scoring.points if plan.scoring else {}
    info = {u.id: u for u in units}
    totals: dict[str, list[int]] = {}
    for res in ev.results:
        if res.window not in windows:
            continue
        t = totals.setdefault(res.unit, [0, 0, 0, 0, 0, 0])
        for crit, verdict in res.verdicts().items():
            if verdict == "met":
                t[0] += points.get(crit, 1)
                t[1] += 1
            elif verdict == "unknown":
                t[3] += points.get(crit, 1)
                t[5] += 1
        met, undecided = res.target_counts()  # counted without building explanations
        t[2] += met
        t[4] += undecided
    blocs: dict[str, list[str]] = {}
    for u in units:
        if u.bloc:
            blocs.setdefault(u.bloc, []).append(u.id)
    raw = {uid: Standing(uid, info[uid].bloc if uid in info else "", s, c, tm, None, 0, False,
                         s + u, ut, uc)
           for uid, (s, c, tm, u, ut, uc) in totals.items()}
    out: dict[str, Standing] = dict(raw)
    key = _key(plan)
    for bloc, members in blocs.items():
        present = [raw[m] for m in members if m in raw]
        ranked = sorted(present, key=key)
        # ranked by computation only when the units file declares the bloc's size and every
        # unit of it was evaluated: a bloc partly in the input cannot say who leads it
        sizes = {info[m].bloc_size for m in members if m in info}
        declared = next(iter(sizes)) if len(sizes) == 1 else None
        complete = declared is not None and declared == len(present) == len(members)
        for rank, s in enumerate(ranked, start=1):
            out[s.unit] = Standing(s.unit, bloc, s.score, s.criteria_met, s.targets_met, rank,
                                   len(members), complete, s.score_max, s.undecided_targets,
                                   s.undecided_criteria)
    return sorted(out.values(), key=lambda s: (s.bloc, s.rank or 0, s.unit))


@dataclass(frozen=True)
class _Context:
    plan: Plan
    ev: Evaluation
    windows: tuple[str, ...]
    main: str
    """The window award conditions are read in (the phase, the campaign, the year, the stage)."""
    occasion: str
    results: Mapping[tuple[str, str], UnitResult]
    standing: Mapping[str, Standing]
    attestations: Mapping[str, Mapping[str, bool]]
    prior: Mapping[str, Sequence[PriorAward]] | None
    details: dict[int, tuple[Verdict, Msg]] = field(default_factory=dict)
    """A target explanation's verdict and detail, by the explanation's identity: the units
    no row speaks for share theirs, so each is worded once."""


def _outcome(cond: Any, verdict: Verdict, basis: Basis, detail: Msg) -> ConditionOutcome:
    source = getattr(cond, "source", None)
    return ConditionOutcome(cond.id, cond.kind, verdict, basis, detail,
                            source.section if source else None,
                            source.quote if source else None)


_NO_DATA = ""
"""The key of the windows with no results, in a list of undecided targets (no target id)."""


def _listed(found: dict[str, list[str]]) -> Msg | str:
    """``target (window, window); target (window)``; the windows with no results said as
    "(no data) (window, ...)" in the language shown."""
    items = {k: f"{k} ({', '.join(v)})" for k, v in found.items()}
    if _NO_DATA not in found:
        return "; ".join(items.values())
    keys = list(found)
    at = keys.index(_NO_DATA)
    before = "".join(f"{items[k]}; " for k in keys[:at])
    after = "".join(f"; {items[k]}" for k in keys[at + 1:])
    return msg("awards.no-data-in-list", before=before, windows=", ".join(found[_NO_DATA]),
               after=after)


def _all_criteria_met(ctx: _Context, unit: str) -> tuple[Verdict, Msg]:
    verdicts: list[str] = []
    failing: dict[str, list[str]] = {}
    undecided: dict[str, list[str]] = {}
    for window in ctx.windows:
        res = ctx.results.get((unit, window))
        if res is None:
            verdicts.append("unknown")
            undecided.setdefault(_NO_DATA, []).append(window)
            continue
        verdicts.extend(res.verdicts().values())
        for target, verdict in res.target_verdicts().items():  # no explanation built
            if verdict == "not_met":
                failing.setdefault(target, []).append(window)
            elif verdict == "unknown":
                undecided.setdefault(target, []).append(window)

    if "not_met" in verdicts:
        return "not_met", msg("awards.targets-not-met", targets=_listed(failing))
    if "unknown" in verdicts or not verdicts:
        return "unknown", msg("awards.targets-undecided", targets=_listed(undecided))
    return "met", msg("awards.all-criteria-met", windows=", ".join(ctx.windows))


def _attested(attestation: str, yes: bool) -> Msg:
    return (msg("awards.attested-yes", attestation=attestation) if yes else
            msg("awards.attested-no", attestation=attestation))


def _judgement(ctx: _Context, cond: JudgementCondition, unit: str) -> ConditionOutcome:
    attested = ctx.attestations.get(unit, {}).get(cond.attestation)
    if attested is not None:
        return _outcome(cond, "met" if attested else "not_met", "attestation",
                        _attested(cond.attestation, attested))
    needs = msg("awards.needs-attestation", attestation=cond.attestation)
    if cond.default is None:
        return _outcome(cond, "unknown", "document", needs)
    if cond.default.rule == "all_criteria_met":
        verdict, detail = _all_criteria_met(ctx, unit)
        return _outcome(cond, verdict, "local_policy", msg("awards.local-default", detail=detail))
    return _outcome(cond, "unknown", "local_policy", msg("awards.local-default", detail=needs))


def _verdict_of(ctx: _Context, award: str, cond_id: str, unit: str) -> tuple[Verdict, Msg]:
    """The evaluator's verdict of an award condition in the review's window, and its detail."""
    res = ctx.results.get((unit, ctx.main))
    crit = res.criterion(award) if res is not None else None
    target = next((t for t in crit.targets if t.target == cond_id), None) if crit else None
    if target is None:
        return "unknown", msg("awards.no-data-for", window=ctx.main)
    known = ctx.details.get(id(target))
    if known is None:
        known = ctx.details[id(target)] = _worded(ctx, target)
    return known


def _worded(ctx: _Context, target: Any) -> tuple[Verdict, Msg]:
    verdict: Verdict = target.verdict
    detail: Msg
    if target.per == "year":
        detail = msg("awards.met-in-years", window=ctx.main, met=target.observed,
                     total=len({p[:4] for p in target.periods}))
    elif target.per != "total":
        detail = msg("awards.met-in-months", window=ctx.main, met=target.observed,
                     total=len(target.periods))
    elif target.observed is not None:
        detail = msg("awards.observed", window=ctx.main, observed=target.observed)
    else:
        detail = literal(ctx.main)
    if target.per != "total" and target.failed_periods:
        detail = msg("awards.not-met-in", detail=detail,
                     periods=", ".join(target.failed_periods))
    if target.missing_periods:
        detail = msg("awards.missing-data", detail=detail,
                     periods=_span(target.missing_periods))
    return verdict, detail


def _span(periods: Sequence[str]) -> str:
    return periods[0] if len(periods) == 1 else f"{periods[0]}..{periods[-1]} ({len(periods)})"


def _attestation(ctx: _Context, cond: AttestationCondition, unit: str,
                 award: str) -> ConditionOutcome:
    attested = ctx.attestations.get(unit, {}).get(cond.attestation)
    if attested is not None:
        return _outcome(cond, "met" if attested else "not_met", "attestation",
                        _attested(cond.attestation, attested))
    verdict, detail = _verdict_of(ctx, award, cond.id, unit)
    return _outcome(cond, verdict, "document",
                    msg("awards.in-metrics", attestation=cond.attestation, detail=detail))


def _metric(ctx: _Context, cond: MetricCondition, unit: str, award: str) -> ConditionOutcome:
    verdict, detail = _verdict_of(ctx, award, cond.id, unit)
    return _outcome(cond, verdict, "document", detail)


def _leads_bloc(ctx: _Context, cond: LeadsBlocCondition, unit: str) -> ConditionOutcome:
    s = ctx.standing.get(unit)
    if s is not None and s.rank is not None and s.bloc_complete:
        rivals = [o for o in ctx.standing.values() if o.bloc == s.bloc and o.unit != unit]
        if all(o.score_max == o.score and not o.undecided_targets for o in (s, *rivals)):
            return _outcome(cond, "met" if s.rank == 1 else "not_met", "computed",
                            msg("awards.rank", rank=s.rank, size=s.bloc_size, bloc=s.bloc,
                                score=s.score))
        # some verdicts are undecided: compare key by key (the plan's tie-break order) the
        # least and the most each unit can reach; the lead is certain only where no undecided
        # verdict could reorder the two
        keys = ctx.plan.scoring.tie_break if ctx.plan.scoring else ("score", "unit_id")
        outcomes = {o.unit: _certain_order(s, o, keys) for o in rivals}
        if all(v == 1 for v in outcomes.values()):
            return _outcome(cond, "met", "computed", msg(
                "awards.leads-whatever", bloc=s.bloc, size=s.bloc_size, score=s.score))
        ahead = [u for u, v in outcomes.items() if v == -1]
        if ahead:
            return _outcome(cond, "not_met", "computed", msg(
                "awards.ranks-above", unit=ahead[0], bloc=s.bloc, size=s.bloc_size))
        open_ = [u for u, v in outcomes.items() if v == 0]
        return _outcome(cond, "unknown", "computed", msg(
            "awards.lead-depends", bloc=s.bloc, size=s.bloc_size,
            units=", ".join([unit, *open_][:4]), low=s.score, high=s.score_max))
    attested = ctx.attestations.get(unit, {}).get("leads_bloc")
    if attested is not None:
        return _outcome(cond, "met" if attested else "not_met", "attestation",
                        msg("awards.leads-bloc-attested"))
    return _outcome(cond, "unknown", "computed", msg("awards.bloc-undeclared"))


def _certain_order(a: Standing, b: Standing, keys: Sequence[str]) -> int:
    """1 if ``a`` ranks above ``b`` whatever the undecided verdicts, -1 if below, 0 if that
    depends on them. Keys are compared in order, the higher first; ``unit_id`` ascending."""
    for key in keys:
        if key == "unit_id":
            return 1 if a.unit < b.unit else -1
        (a_lo, a_hi), (b_lo, b_hi) = a.bounds(key), b.bounds(key)
        if a_lo > b_hi:
            return 1
        if a_hi < b_lo:
            return -1
        if not a_lo == a_hi == b_lo == b_hi:
            return 0
    return 0


def _prior(ctx: _Context, cond: PriorAwardsCondition, unit: str) -> ConditionOutcome:
    if ctx.prior is None:
        return _outcome(cond, "unknown", "document", msg("awards.no-prior-input"))
    count = sum(p.count for p in ctx.prior.get(unit, ())
                if p.form == cond.form and p.granted_by in cond.granted_by)
    verdict: Verdict = "met" if count >= cond.at_least else "not_met"
    granted: Msg | str = ""
    for i, authority in enumerate(cond.granted_by):
        granted = authority if i == 0 else msg("awards.or", left=granted, right=authority)
    return _outcome(cond, verdict, "attestation", msg(
        "awards.prior", count=count, form=cond.form, granted=granted, needed=cond.at_least))


def _check(ctx: _Context, cond: Any, unit: str, award: str) -> ConditionOutcome:
    kind = type(cond)
    if kind is MetricCondition:
        return _metric(ctx, cond, unit, award)
    if kind is AttestationCondition:
        return _attestation(ctx, cond, unit, award)
    if kind is JudgementCondition:
        return _judgement(ctx, cond, unit)
    if kind is LeadsBlocCondition:
        return _leads_bloc(ctx, cond, unit)
    if kind is PriorAwardsCondition:
        return _prior(ctx, cond, unit)
    raise EvaluationError(f"no award condition kind {kind.__name__}")  # the model has no other


_FROM_RESULTS = (MetricCondition, AttestationCondition, JudgementCondition)
"""Award conditions decided from a unit's results and attestations only (not its rank or
prior awards)."""


def _candidates(ctx: _Context, award: Award, standard: Standard,
                units: Sequence[UnitInfo]) -> list[Candidate]:
    out = []
    evaluated = {u for (u, w) in ctx.results if w in ctx.windows or w == ctx.main}
    # a unit no row speaks for, without attestations: conditions read from its (shared)
    # results alone are the same for every such unit of the same kind and categories
    silent = frozenset(ctx.ev.no_data)
    shared_ok = all(type(c) in _FROM_RESULTS for c in standard.conditions)
    shared: dict[frozenset[str], tuple[ConditionOutcome, ...]] = {}
    for u in units:
        # a person is a candidate from the units file (individual conditions are attested);
        # a collective needs evaluation results for the review
        if standard.recipient == "individual" and u.kind != "person":
            continue
        if standard.recipient == "collective" and u.id not in evaluated:
            continue
        if standard.recipient == "collective" and u.kind not in COLLECTIVE_KINDS:
            continue
        tags = {u.kind, *u.categories}
        if standard.categories and not tags & set(standard.categories):
            continue
        reuse = shared_ok and u.id in silent and u.id not in ctx.attestations
        found = shared.get(frozenset(tags)) if reuse else None
        if found is not None:
            outcomes = found
        else:
            outcomes = tuple(_check(ctx, c, u.id, award.id) for c in standard.conditions
                             if not c.applies_to or tags & set(c.applies_to))
            if reuse:
                shared[frozenset(tags)] = outcomes
        verdicts = {o.verdict for o in outcomes}
        verdict: Verdict = ("not_met" if "not_met" in verdicts else
                            "unknown" if "unknown" in verdicts else "met")
        out.append(Candidate(u.id, standard.id, verdict, outcomes))
    return out


_Entry = tuple[str, tuple[int, ...], tuple[int, ...]]
"""A unit of a quota's group: its id, its keys (undecided counted as not met), its best."""


def _neg(keys: tuple[int, ...]) -> tuple[int, ...]:
    return tuple(-k for k in keys)


def _quota_group(bloc: str | None, count: int, eligible: list[_Entry],
                 undecided: list[_Entry], kinds: tuple[str, ...]) -> QuotaGroup:
    """Rank one group's eligible units and place its undecided ones (sorting; the rest is
    linear, with binary searches)."""
    eligible = sorted(eligible, key=lambda e: (_neg(e[1]), e[0]))
    n = len(eligible)
    cut = eligible[count - 1][1] if n >= count else None
    tie = cut is not None and n > count and eligible[count][1] == cut
    statuses: list[str] = []
    for _, keys, _ in eligible:
        if cut is None or keys > cut or (keys == cut and not tie):
            statuses.append("granted")
        elif keys == cut:
            statuses.append("tied")
        else:
            statuses.append("below")
    below = [e for e, st in zip(eligible, statuses, strict=True) if st == "below"]
    first_below = below[0][1] if below else None
    # the units that can rise to the cut or above: units below it, and undecided candidates
    # (with free places, every undecided candidate could take one)
    if cut is None:
        rising = undecided
    else:
        rising = [e for e in undecided if e[2] >= cut]
    rivals = sorted(_neg(e[2]) for e in [*below, *rising])  # best first, negated
    at_least = sorted(_neg(e[1]) for e in eligible)
    tied_keys = [e for e, st in zip(eligible, statuses, strict=True) if st == "tied"]
    tie_open = any(e[2] > e[1] for e in tied_keys) or (
        cut is not None and any(e[2] >= cut for e in [*below, *rising]))
    places: list[QuotaPlace] = []
    above = 0
    for i, ((unit, keys, best), st) in enumerate(zip(eligible, statuses, strict=True)):
        if i and keys != eligible[i - 1][1]:
            above = i
        if st == "granted":
            # the units that could end level with it or above it: every other eligible unit
            # at its keys or above, and every rival whose best reaches its keys
            level = bisect_right(at_least, _neg(keys)) - 1
            certain = level + bisect_right(rivals, _neg(keys)) < count
            status: QuotaStatus = "granted"
        elif st == "tied":
            certain, status = not tie_open, "tied"
        else:
            assert cut is not None
            certain = best < cut
            status = "next" if keys == first_below else "outside"
        places.append(QuotaPlace(unit, above + 1, status, keys, best, certain))
    # the best place an undecided candidate could reach: below every unit ranked above it
    ranked_out = [QuotaPlace(unit, bisect_left(at_least, _neg(best)) + 1, "undecided", keys,
                             best, False)
                  for unit, keys, best in sorted(rising, key=lambda e: (_neg(e[2]), e[0]))]
    tied_places = count - sum(1 for st in statuses if st == "granted") if tie else 0
    return QuotaGroup(bloc, count, tuple(places), tuple(ranked_out), tied_places, kinds)


def _apply_quota(ctx: _Context, quota: Quota, candidates: Sequence[Candidate],
                 kinds: Mapping[str, str]) -> QuotaResult:
    """The quota's ranking of the award's collective candidates (a unit candidate under
    several standards counts once, by its best verdict)."""
    keys: tuple[str, ...] = quota.rank_by or tuple(
        k for k in (ctx.plan.scoring.tie_break if ctx.plan.scoring else ("score",))
        if k != "unit_id") or ("score",)
    rank = {"met": 0, "unknown": 1, "not_met": 2}
    verdicts: dict[str, str] = {}
    for c in candidates:
        if kinds.get(c.unit) == "person":
            continue
        if c.unit not in verdicts or rank[c.verdict] < rank[verdicts[c.unit]]:
            verdicts[c.unit] = c.verdict
    groups: dict[str | None, tuple[list[_Entry], list[_Entry], set[str]]] = {}
    unplaced: list[str] = []
    for unit, verdict in verdicts.items():
        s = ctx.standing.get(unit)
        bounds = [s.bounds(k) if s is not None else (0, 0) for k in keys]
        entry = (unit, tuple(lo for lo, _ in bounds), tuple(hi for _, hi in bounds))
        bloc = (s.bloc if s is not None else "") if quota.among == "bloc" else None
        if bloc == "":
            if verdict == "met":
                unplaced.append(unit)
            continue
        eligible, undecided, seen = groups.setdefault(bloc, ([], [], set()))
        if verdict != "not_met":  # the kinds ranked together: those that are or may be
            seen.add(kinds.get(unit, "team"))
        if verdict == "met":
            eligible.append(entry)
        elif verdict == "unknown":
            undecided.append(entry)
    source = quota.source
    return QuotaResult(
        quota.count, quota.among, keys,
        tuple(_quota_group(bloc, quota.count, e, u, tuple(sorted(seen)))
              for bloc, (e, u, seen) in sorted(groups.items(), key=lambda g: g[0] or "")),
        tuple(sorted(unplaced)), source.section if source else None,
        source.quote if source else None, quota.policy, quota.reason)


def _in_quota_order(candidates: list[Candidate], quota: QuotaResult) -> None:
    """Eligible candidates in the quota's order (by group, then place); the others after."""
    order = {p.unit: (g, i) for g, group in enumerate(quota.groups)
             for i, p in enumerate(group.places)}
    last = (len(quota.groups), 0)
    candidates.sort(key=lambda c: ({"met": 0, "unknown": 1, "not_met": 2}[c.verdict],
                                   order.get(c.unit, last) if c.verdict == "met" else last,
                                   c.unit, c.standard))


def awards(plan: Plan, ev: Evaluation, review: str, *, units: Sequence[UnitInfo] | None = None,
           attestations: Mapping[str, Mapping[str, bool]] | None = None,
           prior_awards: Sequence[PriorAward] | None = None) -> AwardsReport:
    """Candidates for every award of the plan at ``review``, with the conditions met or not.

    ``units`` defaults to the evaluated units (kind unknown: treated as collectives).
    ``attestations`` are per unit, those that hold in the window the review reads its
    conditions in (:func:`review_window`; a reader's rows are chosen with
    :func:`emulation_rules.inputs.attestations_for`).
    """
    occasion, windows, main = _review(plan, ev, review)
    if units is None:
        units = [UnitInfo(u, kind="team") for u in sorted({r.unit for r in ev.results})]
    ranking = standings(plan, ev, windows, units)
    prior: dict[str, list[PriorAward]] | None = None
    if prior_awards is not None:
        prior = {}
        for p in prior_awards:
            prior.setdefault(p.unit, []).append(p)
    ctx = _Context(plan, ev, windows, main, occasion,
                   {(r.unit, r.window): r for r in ev.results},
                   {s.unit: s for s in ranking}, attestations or {}, prior)
    results = []
    kinds = {u.id: u.kind for u in units}
    for award in sorted(plan.awards, key=lambda a: _FORM_RANK.get(a.form or "", 0)):
        if occasion not in award.occasions:
            continue
        candidates = [c for std in award.standards
                      for c in _candidates(ctx, award, std, units)]
        candidates.sort(key=lambda c: ({"met": 0, "unknown": 1, "not_met": 2}[c.verdict],
                                       c.unit, c.standard))
        quota = (_apply_quota(ctx, award.quota, candidates, kinds)
                 if award.quota is not None else None)
        if quota is not None:
            _in_quota_order(candidates, quota)
        results.append(AwardResult(award.id, award.label.vi, award.label.en, award.form,
                                   award.granted_by, award.proposed_by, tuple(candidates),
                                   quota))
    notes: list[Msg] = []
    if not results:
        notes.append(msg(f"awards.none-at.{occasion.replace('_', '-')}", plan=repr(plan.id)))
    return AwardsReport(plan.id, review, occasion, windows, tuple(ranking), tuple(results),
                        tuple(notes), main)
