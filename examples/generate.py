"""Generate the synthetic example data in examples/ (deterministic: same output every run).

    python examples/generate.py

For each 2024 plan: ``<plan>_units.csv`` (3 districts, 24 communes in 3 blocs, 240 security
teams) and ``<plan>_metrics.csv`` (one row per unit and month of the plan's campaign window,
for an example issue date: from the later of the campaign start and the issue date to the
campaign end, gaps between phases included, as ``er.timeline(plan, issued=...)`` lays it out).
For ``phuong_tien``: the commune and 19 agencies, businesses and schools,
with yearly attestations (có/không) and counts for 2026-2030, plus
``phuong_tien_attestations.csv`` (judgements "thành tích xuất sắc") and
``phuong_tien_prior_awards.csv`` (certificates of merit already received).

The numbers are SYNTHETIC: drawn from a seeded random generator with realistic rates, not taken
from any real locality. A few rows are deliberately bad (a duplicate,
contradictory counts, a non-numeric cell, an unknown unit) and a few months are missing, so that
an evaluation shows how such rows are reported.
"""

from __future__ import annotations

import csv
import random
import sys
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))

import emulation_rules as er

HERE = Path(__file__).resolve().parent
ISSUED = {"kon_plong": date(2024, 10, 15), "bac_giang": date(2024, 9, 1),
          "ninh_thuan": date(2024, 11, 5), "tuyen_quang": date(2024, 10, 20)}
COMMUNE_METRICS = ["tips_total", "tips_via_force", "incidents_total", "incidents_force_present",
                   "models_recognised", "mass_models_commended_replicated",
                   "models_highly_rated", "rescue_callouts", "rescue_callouts_present",
                   "conditional_business_violations", "household_records_total",
                   "household_records_provided", "illegal_weapons_cases", "reoffences",
                   "serious_traffic_accidents"]
TEAM_METRICS = ["good_deeds", "members_commended", "force_members", "force_members_patrolling",
                "tasks_assigned", "tasks_completed"]
DISTRICTS = ["Huyện Đông", "Huyện Tây", "Huyện Nam"]
VILLAGES = ["Thôn Đắk", "Thôn Măng", "Bản Nà", "Tổ dân phố Hòa", "Thôn Kon", "Xóm Chùa",
            "Thôn Tân", "Bản Phai", "Thôn Lũng", "Tổ dân phố An"]


def units(rng: random.Random) -> list[dict[str, str]]:
    rows = []
    for d, dname in enumerate(DISTRICTS, start=1):
        rows.append({"id": f"h{d}", "name": dname, "kind": "district", "bloc": "", "parent": ""})
        for c in range(1, 9):
            cid = f"h{d}x{c:02d}"
            rows.append({"id": cid, "name": f"Xã {dname.split()[-1]} {c}", "kind": "commune",
                         "bloc": f"khoi_{(c - 1) % 3 + 1}", "parent": f"h{d}"})
            for t, village in enumerate(VILLAGES, start=1):
                rows.append({"id": f"{cid}t{t:02d}", "name": f"Tổ bảo vệ ANTT {village} {c}",
                             "kind": "team", "bloc": "", "parent": cid})
    return rows


def commune_month(rng: random.Random, quality: float) -> dict[str, int]:
    tips = rng.randint(5, 40)
    incidents = rng.randint(0, 6)
    callouts = rng.choice([0, 0, 0, 1, 2])
    records = rng.randint(80, 400)
    share = min(1.0, rng.gauss(quality, 0.05))
    return {
        "tips_total": tips, "tips_via_force": min(tips, round(tips * share)),
        "incidents_total": incidents,
        "incidents_force_present": incidents - (1 if incidents and rng.random() > quality else 0),
        "models_recognised": int(rng.random() < 0.3),
        "mass_models_commended_replicated": int(rng.random() < 0.2),
        "models_highly_rated": int(rng.random() < 0.2),
        "rescue_callouts": callouts,
        "rescue_callouts_present": callouts - (1 if callouts and rng.random() > 0.95 else 0),
        "conditional_business_violations": int(rng.random() < 0.03),
        "household_records_total": records,
        "household_records_provided": min(records, round(records * min(1.0, rng.gauss(
            quality + 0.05, 0.04)))),
        "illegal_weapons_cases": int(rng.random() < 0.01),
        "reoffences": int(rng.random() < 0.02),
        "serious_traffic_accidents": int(rng.random() < 0.02),
    }


def team_month(rng: random.Random, quality: float) -> dict[str, int]:
    members = rng.randint(3, 6)
    assigned = rng.randint(2, 6)
    return {
        "good_deeds": rng.choice([0, 1, 1, 2, 3]) if rng.random() < quality + 0.1 else 0,
        "members_commended": int(rng.random() < 0.25),
        "force_members": members,
        "force_members_patrolling": members - (1 if rng.random() > quality + 0.1 else 0),
        "tasks_assigned": assigned,
        "tasks_completed": assigned - (1 if rng.random() > quality + 0.05 else 0),
    }


def generate(plan_id: str) -> None:
    rng = random.Random(f"emulation_rules example {plan_id}")
    plan = er.load_plan(plan_id)
    tl = er.timeline(plan, issued=ISSUED[plan_id])
    campaign = tl.window("campaign")
    if campaign is None:
        raise SystemExit(f"{plan_id}: no campaign window (an open-ended movement?)")
    months = list(campaign.months)
    unit_rows = units(rng)
    with (HERE / f"{plan_id}_units.csv").open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, ["id", "name", "kind", "bloc", "parent"],
                                lineterminator="\r\n")
        writer.writeheader()
        writer.writerows(unit_rows)
    columns = ["unit", "period", *COMMUNE_METRICS, *TEAM_METRICS]
    quality = {u["id"]: rng.uniform(0.75, 0.97) for u in unit_rows}
    rows: list[dict[str, object]] = []
    for month in months:
        for u in unit_rows:
            if u["kind"] == "district":
                continue
            if rng.random() < 0.004:  # a few months never reported
                continue
            values = (commune_month if u["kind"] == "commune" else team_month)(
                rng, quality[u["id"]])
            rows.append({"unit": u["id"], "period": month, **values})
    # deliberately bad rows, one of each kind
    rows.append(dict(rows[5]))                                   # duplicate-row
    bad = dict(rows[0])
    bad["period"] = "2024-12" if bad["period"] != "2024-12" else "2025-01"
    bad["unit"] = "h9x99"                                         # unknown unit
    rows.append(bad)
    contradictory = next(r for r in rows if "tips_total" in r and r["unit"].endswith("x03"))
    contradictory["tips_via_force"] = int(contradictory["tips_total"]) + 2  # type: ignore[call-overload]
    typo = next(r for r in rows if "good_deeds" in r and r["unit"].endswith("t07"))
    typo["good_deeds"] = "hai"                                    # not a number
    with (HERE / f"{plan_id}_metrics.csv").open("w", encoding="utf-8-sig",
                                                newline="") as handle:
        writer = csv.DictWriter(handle, columns, lineterminator="\r\n")
        writer.writeheader()
        writer.writerows(rows)


YEARLY_ATTESTATIONS = ["has_movement_plan", "security_safe_certified", "rated_excellent",
                       "effective_propaganda", "clean_organisation",
                       "business_security_standard"]
YEARLY_COUNTS = ["models_rated_good", "serious_security_incidents", "complaint_letters",
                 "escalated_complaints", "models_replicated_province_wide"]


def generate_phuong_tien() -> None:
    """Five years (2026-2030) for the commune and its agencies, businesses and schools."""
    rng = random.Random("emulation_rules example phuong_tien")
    units = [{"id": "xa_phuong_tien", "name": "Xã Phượng Tiến", "kind": "commune",
              "bloc": "khoi_xa_phuong", "parent": ""}]
    for kind, count, label in (("agency", 6, "Cơ quan"), ("business", 8, "Công ty"),
                               ("school", 5, "Trường")):
        for i in range(1, count + 1):
            units.append({"id": f"{kind}_{i:02d}", "name": f"{label} số {i}", "kind": kind,
                          "bloc": "khoi_co_quan_doanh_nghiep_truong_hoc", "parent": ""})
    with (HERE / "phuong_tien_units.csv").open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, ["id", "name", "kind", "bloc", "parent"],
                                lineterminator="\r\n")
        writer.writeheader()
        writer.writerows(units)
    rows: list[dict[str, object]] = []
    for year in range(2026, 2031):
        for u in units:
            if rng.random() < 0.03:
                continue  # a year never reported
            strength = rng.uniform(0.7, 0.98)
            row: dict[str, object] = {"unit": u["id"], "period": str(year)}
            for name in YEARLY_ATTESTATIONS:
                if name == "business_security_standard" and u["kind"] != "business":
                    row[name] = ""
                else:
                    row[name] = "có" if rng.random() < strength else "không"
            row["models_rated_good"] = rng.choice([0, 1, 1, 2])
            row["serious_security_incidents"] = int(rng.random() < 0.05)
            row["complaint_letters"] = int(rng.random() < 0.12)
            row["escalated_complaints"] = int(rng.random() < 0.03)
            row["models_replicated_province_wide"] = int(rng.random() < 0.15)
            rows.append(row)
    # attestations of judgements the document leaves open, and awards already received
    with (HERE / "phuong_tien_attestations.csv").open("w", encoding="utf-8",
                                                      newline="") as handle:
        writer = csv.writer(handle, lineterminator="\r\n")
        writer.writerow(["unit", "outstanding_achievement"])
        for u in units:
            writer.writerow([u["id"], "có" if rng.random() < 0.6 else "không"])
    with (HERE / "phuong_tien_prior_awards.csv").open("w", encoding="utf-8",
                                                      newline="") as handle:
        writer = csv.writer(handle, lineterminator="\r\n")
        writer.writerow(["unit", "form", "granted_by", "count"])
        for u in units:
            count = rng.choice([0, 1, 2, 3, 3, 4])
            if count:
                writer.writerow([u["id"], "certificate_of_merit", rng.choice(
                    ["provincial_people_committee", "ministry_of_public_security"]), count])
    rows.append(dict(rows[3]))                          # duplicate-row
    rows[7]["rated_excellent"] = "tốt"                   # not yes/no
    with (HERE / "phuong_tien_metrics.csv").open("w", encoding="utf-8-sig",
                                                 newline="") as handle:
        writer = csv.DictWriter(handle, ["unit", "period", *YEARLY_ATTESTATIONS,
                                         *YEARLY_COUNTS], lineterminator="\r\n")
        writer.writeheader()
        writer.writerows(rows)


if __name__ == "__main__":
    for plan_id in ISSUED:
        generate(plan_id)
        print(f"examples/{plan_id}_units.csv, examples/{plan_id}_metrics.csv")
    generate_phuong_tien()
    print("examples/phuong_tien_units.csv, examples/phuong_tien_metrics.csv")
