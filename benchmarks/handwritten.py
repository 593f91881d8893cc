"""Kon Plông's seven criteria evaluated by hand-written Python: the pure-Python floor.

Does NOT import emulation_rules. Same work as the library: per unit, per phase (and the whole
campaign), sums over the phase's months (ratios as sum over sum), the per-month 4.7 target, the
same comparators, the same when_no_cases verdicts and "a missing month makes it unknown".
Phases for an issue date of 2024-10-15: phase 1 = 2024-10..2025-01, phase 2 = 2025-02..2025-08
(February belongs to phase 2: most of its days).
"""

from __future__ import annotations

from fractions import Fraction

PHASE_MONTHS = {
    "phase_1": ("2024-10", "2024-11", "2024-12", "2025-01"),
    "phase_2": ("2025-02", "2025-03", "2025-04", "2025-05", "2025-06", "2025-07", "2025-08"),
}
PHASE_MONTHS["campaign"] = PHASE_MONTHS["phase_1"] + PHASE_MONTHS["phase_2"]
MONTH_PHASE = {m: p for p in ("phase_1", "phase_2") for m in PHASE_MONTHS[p]}
SUMMED = ("tips_total", "tips_via_force", "incidents_total", "incidents_force_present",
          "models_recognised", "rescue_callouts", "rescue_callouts_present",
          "conditional_business_violations", "household_records_total",
          "household_records_provided", "illegal_weapons_cases", "reoffences",
          "serious_traffic_accidents", "force_members", "force_members_patrolling")
INDEX = {m: i for i, m in enumerate(SUMMED)}
WINDOWS = ("phase_1", "phase_2", "campaign")


def _ratio(num: int, den: int, threshold: Fraction, strict: bool, empty: str) -> str:
    if den == 0:
        return empty
    share = Fraction(num, den)
    return "met" if (share > threshold if strict else share >= threshold) else "not_met"


def _all(verdicts: list[str]) -> str:
    return "not_met" if "not_met" in verdicts else "unknown" if "unknown" in verdicts else "met"


def evaluate(records: object) -> dict[tuple[str, str, str], str]:
    """(unit, window, criterion) -> verdict, for records of (unit, period, values)."""
    # per unit: phase -> [sums], months seen, and per-month 4.7 verdicts
    sums: dict[str, dict[str, list[int]]] = {}
    seen: dict[str, set[str]] = {}
    deeds: dict[str, dict[str, bool]] = {}
    for rec in records:  # type: ignore[attr-defined]
        unit, period, values = rec.unit, rec.period, rec.values
        phase = MONTH_PHASE.get(period)
        if phase is None:
            continue
        unit_sums = sums.get(unit)
        if unit_sums is None:
            unit_sums = sums[unit] = {"phase_1": [0] * len(SUMMED), "phase_2": [0] * len(SUMMED)}
            seen[unit] = set()
            deeds[unit] = {}
        acc = unit_sums[phase]
        for name in SUMMED:
            acc[INDEX[name]] += values[name]
        seen[unit].add(period)
        deeds[unit][period] = values["good_deeds"] >= 1 or values["members_commended"] >= 1
    out: dict[tuple[str, str, str], str] = {}
    ninety, eighty, one = Fraction(9, 10), Fraction(8, 10), Fraction(1)
    for unit, by_phase in sums.items():
        for window in WINDOWS:
            months = PHASE_MONTHS[window]
            if window == "campaign":
                s = [a + b for a, b in zip(by_phase["phase_1"], by_phase["phase_2"],
                                           strict=True)]
            else:
                s = by_phase[window]
            missing = any(m not in seen[unit] for m in months)

            def total(verdict: str, missing: bool = missing) -> str:
                return "unknown" if missing else verdict

            g = s.__getitem__
            i = INDEX
            out[(unit, window, "situation_awareness")] = _all([
                total(_ratio(g(i["tips_via_force"]), g(i["tips_total"]), eighty, False,
                             "unknown")),
                total(_ratio(g(i["incidents_force_present"]), g(i["incidents_total"]), one,
                             False, "met"))])
            out[(unit, window, "movement_building")] = total(
                "met" if g(i["models_recognised"]) >= 1 else "not_met")
            out[(unit, window, "fire_rescue")] = total(_ratio(
                g(i["rescue_callouts_present"]), g(i["rescue_callouts"]), one, False, "met"))
            out[(unit, window, "administrative_management")] = _all([
                total("met" if g(i["conditional_business_violations"]) == 0 else "not_met"),
                total(_ratio(g(i["household_records_provided"]), g(i["household_records_total"]),
                             ninety, True, "unknown")),
                total("met" if g(i["illegal_weapons_cases"]) == 0 else "not_met")])
            out[(unit, window, "reintegration")] = total(
                "met" if g(i["reoffences"]) == 0 else "not_met")
            out[(unit, window, "patrol_traffic")] = _all([
                total(_ratio(g(i["force_members_patrolling"]), g(i["force_members"]), one,
                             False, "unknown")),
                total("met" if g(i["serious_traffic_accidents"]) == 0 else "not_met")])
            monthly = [("met" if deeds[unit][m] else "not_met") if m in deeds[unit]
                       else "unknown" for m in months]
            out[(unit, window, "good_image")] = _all(monthly)
    return out
