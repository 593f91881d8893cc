"""Render timelines and submission tracking as text tables and JSON-ready data."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping, Sequence
from datetime import date
from types import GeneratorType
from typing import Any

from ._inert import markdown_cell, terminal
from .conditions import COMPARATORS
from .labels import WORDS, need_text, periods_text
from .timelines import DeadlineInstance, SubmissionStatus, Timeline

__all__ = ["github_annotation", "json_chunks", "side_by_side", "timeline_data",
           "timeline_text", "tracking_data", "tracking_lines", "tracking_text"]

_REL = {"before": "trước (before)", "on_or_before": "đến hết (on or before)",
        "on": "trong ngày (on)"}


def _github_data(text: str) -> str:
    """A workflow command's message: % CR LF escaped, so that no text starts a command."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _github_property(text: str) -> str:
    """A workflow command's property value (file, title): also : and , escaped."""
    return _github_data(text).replace(":", "%3A").replace(",", "%2C")


def github_annotation(issue: Any) -> str:
    """One issue as a GitHub Actions annotation line; no text from a file or a plan can break
    out of it (file names and messages are escaped as the workflow-command format requires)."""
    loc = issue.location
    message = f"{issue.message} ({issue.hint})" if issue.hint else issue.message
    return (f"::{issue.severity.value} file={_github_property(loc.file)},line={loc.line},"
            f"col={loc.column},title={_github_property(issue.code)}::{_github_data(message)}\n")


def _iso(day: date | None) -> str | None:
    return day.isoformat() if day else None


def _deadline_data(d: DeadlineInstance) -> dict[str, Any]:
    out: dict[str, Any] = {
        "id": d.id, "deadline": d.deadline_id, "label": {"vi": d.label.vi, "en": d.label.en},
        "due": d.due.isoformat(), "relation": d.relation,
        "last_on_time_day": d.last_on_time_day.isoformat(), "owed_by": d.owed_by,
        "to": list(d.to), "via": d.via, "phase": d.phase,
    }
    if d.period_start is not None:
        out["period"] = {"start": d.period_start.isoformat(), "end": d.due.isoformat()}
    return out


def timeline_data(tl: Timeline, as_of: date | None = None) -> dict[str, Any]:
    """A timeline as JSON-ready data; with ``as_of``, the position and what is due next."""
    data: dict[str, Any] = {
        "plan": tl.plan_id,
        "issued": _iso(tl.issued),
        "campaign": {"start": tl.start.isoformat(), "end": _iso(tl.end),
                     "horizon": tl.horizon.isoformat()},
        "phases": [{"id": p.id, "label": {"vi": p.label.vi, "en": p.label.en},
                    "start": p.start.isoformat(), "end": p.end.isoformat(), "days": p.days,
                    "starts_at_issuance": p.starts_at_issuance,
                    "months": tl.months_of_phase(p.id)} for p in tl.phases],
        "gaps": [{"start": g.start.isoformat(), "end": g.end.isoformat(), "days": g.days}
                 for g in tl.gaps],
        "deadlines": [_deadline_data(d) for d in tl.deadlines],
        "reviews": [{"id": r.id, "kind": r.kind, "start": r.start.isoformat(),
                     "end": r.end.isoformat()} for r in tl.reviews],
        "straddling_month_rule": tl.straddling_rule,
        "windows": [{"id": w.id, "kind": w.kind, "start": w.start.isoformat(),
                     "end": w.end.isoformat(), "months": list(w.months)} for w in tl.windows],
        "notes": list(tl.notes),
    }
    if as_of is not None:
        pos = tl.position(as_of)
        data["as_of"] = {"date": as_of.isoformat(), "status": pos.status, "phase": pos.phase,
                         "days_left": pos.days_left, "next_phase": pos.next_phase,
                         "next_deadlines": [d.id for d in tl.upcoming(as_of, 5)]}
    return data


def timeline_text(tl: Timeline, as_of: date | None = None) -> str:
    lines = [f"{tl.plan_id}: issued {_iso(tl.issued) or '(not needed)'}; campaign "
             f"{tl.start.isoformat()} → {_iso(tl.end) or 'open-ended'}"]
    lines += [f"  {n}" if n.startswith("warning: ") else f"  note: {n}" for n in tl.notes]
    for p in tl.phases:
        origin = " (from the issue date)" if p.starts_at_issuance else ""
        lines.append(f"  phase {p.id}: {p.start.isoformat()} → {p.end.isoformat()} "
                     f"({p.days} days){origin}; months {', '.join(tl.months_of_phase(p.id))}")
    for g in tl.gaps:
        lines.append(f"  gap (no phase): {g.start.isoformat()} → {g.end.isoformat()} "
                     f"({g.days} days)")
    if tl.phases:
        lines.append(f"  straddling months: {tl.straddling_rule} (days before the issue date "
                     "and after the campaign end are in no phase)")
    lines.append("  windows evaluated: " + "; ".join(
        f"{w.id} {w.start.isoformat()} → {w.end.isoformat()} "
        f"({_month_span(w.months)})" for w in tl.windows))
    lines.append("  deadlines:")
    for d in tl.deadlines:
        lines.append(f"    {d.last_on_time_day.isoformat()}  {d.id}: {d.label.vi} — "
                     f"{_REL[d.relation]} {d.due.isoformat()}; {d.owed_by}"
                     + (f" → {', '.join(d.to)}" if d.to else ""))
    lines.append("  reviews: " + ", ".join(f"{r.id} ({r.start.isoformat()} → "
                                            f"{r.end.isoformat()})" for r in tl.reviews))
    if as_of is not None:
        pos = tl.position(as_of)
        where = {"in_phase": f"in {pos.phase}, {pos.days_left} day(s) left including today",
                 "between_phases": (f"between phases, {pos.next_phase} starts in "
                                    f"{pos.days_left} day(s)" if pos.next_phase else
                                    f"after the last phase, in no phase; the campaign has "
                                    f"{pos.days_left} day(s) left including today"),
                 "before_campaign": "before the campaign",
                 "after_campaign": "after the campaign",
                 "in_campaign": "in the campaign"}[pos.status]
        lines.append(f"  as of {as_of.isoformat()}: {where}")
        nxt = tl.upcoming(as_of, 3)
        for d in nxt:
            lines.append(f"    next: {d.id} — last on-time day {d.last_on_time_day.isoformat()}")
        if not nxt:
            lines.append("    next: no deadline left")
    return "\n".join(lines) + "\n"


def _month_span(months: Sequence[str]) -> str:
    if not months:
        return "no month"
    if len(months) == 1:
        return f"month {months[0]}"
    return f"months {months[0]}..{months[-1]}, {len(months)}"


def side_by_side(timelines: Sequence[Timeline]) -> str:
    """The campaigns in one table, so that the differences between localities show."""
    header = ["plan", "issued", "campaign", "phases", "gaps", "deadlines (last on-time day)"]
    rows = []
    for tl in timelines:
        phases = "; ".join(f"{p.id} {p.start:%d/%m/%Y}–{p.end:%d/%m/%Y}" for p in tl.phases)
        gaps = "; ".join(f"{g.start:%d/%m/%Y}–{g.end:%d/%m/%Y}" for g in tl.gaps) or "—"
        dated = [d for d in tl.deadlines if not d.recurring]
        recurring = sorted({d.deadline_id for d in tl.deadlines if d.recurring})
        deadlines = "; ".join(f"{d.id} {d.last_on_time_day:%d/%m/%Y}" for d in dated)
        if recurring:
            deadlines += ("; " if deadlines else "") + ", ".join(recurring) + " (recurring)"
        end = f"{tl.end:%d/%m/%Y}" if tl.end else "open"
        rows.append([tl.plan_id, f"{tl.issued:%d/%m/%Y}" if tl.issued else "—",
                     f"{tl.start:%d/%m/%Y}–{end}", phases or "— (yearly reviews)", gaps,
                     deadlines or "—"])
    widths = [max(len(r[i]) for r in [header, *rows]) for i in range(len(header))]
    out = [" | ".join(c.ljust(w) for c, w in zip(header, widths, strict=True)),
           "-+-".join("-" * w for w in widths)]
    out += [" | ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)) for r in rows]
    return "\n".join(line.rstrip() for line in out) + "\n"


def tracking_data(statuses: Iterable[SubmissionStatus], *, lazy: bool = False
                  ) -> list[dict[str, Any]] | Iterator[dict[str, Any]]:
    """Statuses as JSON-ready data; with ``lazy``, an iterator built as it is read."""
    items = ({"unit": s.unit, "deadline": s.deadline, "status": s.status,
              "due": s.due.isoformat(), "relation": s.relation,
              "submitted": _iso(s.submitted), "days_late": s.days_late, "early": s.early}
             for s in statuses)
    return items if lazy else list(items)


def tracking_lines(statuses: Iterable[SubmissionStatus], as_of: date) -> Iterator[str]:
    """The statuses as text, line by line (each with its newline), then the totals."""
    yield f"submissions as of {as_of.isoformat()}:\n"
    counts: Counter[str] = Counter()
    for s in statuses:
        counts[s.status] += 1
        extra = f", {s.days_late} day(s) late" if s.status == "late" else ""
        extra += ", early" if s.early else ""
        sub = f" submitted {s.submitted.isoformat()}" if s.submitted else ""
        yield (f"  {s.deadline:<28} {s.unit:<20} {s.status}{extra}{sub} "
               f"(due {_REL[s.relation]} {s.due.isoformat()})\n")
    yield "  totals: " + ", ".join(f"{k} {counts.get(k, 0)}" for k in
                                   ("on_time", "late", "missing", "not_yet_due")) + "\n"


def tracking_text(statuses: Iterable[SubmissionStatus], as_of: date) -> str:
    return "".join(tracking_lines(statuses, as_of))


# ---------------------------------------------------------------------------------------------
# evaluation reports

EXCEL_BOM = "\ufeff"
"""CSV output starts with a byte order mark: Excel then reads it as UTF-8 and shows Vietnamese
as written (without it, Excel on Windows reads the legacy code page: mojibake)."""
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def json_chunks(data: Mapping[str, Any]) -> Iterator[str]:
    """The JSON text of ``data`` in pieces, to be written as they come: each top-level key on
    its own line, and each item of a top-level list, or of a generator at any depth, on its
    own line (compact).

    Items are encoded one at a time by the C encoder, so a generator of results is never held
    whole in memory; the text parses to the same value as ``json.dumps`` of ``data`` with
    every generator made a list.
    """
    yield from _pieces(data, 0)
    yield "\n"


_encode = json.JSONEncoder(ensure_ascii=False).encode  # one encoder for every piece


def _streams(value: Any) -> bool:
    """Whether ``value`` is, or is a dict holding, a generator (checked by exact type: this
    runs once per item written)."""
    kind = type(value)
    return kind is GeneratorType or (kind is dict and any(
        type(v) is GeneratorType or (type(v) is dict and _streams(v)) for v in value.values()))


def _pieces(value: Any, depth: int) -> Iterator[str]:
    pad = "\n" + "  " * (depth + 1)
    if type(value) is GeneratorType or (depth == 1 and isinstance(value, list)):
        first = True
        for item in value:
            yield ("[" if first else ",") + pad
            first = False
            if _streams(item):
                yield from _pieces(item, depth + 1)
            else:
                yield _encode(item)
        yield "[]" if first else "\n" + "  " * depth + "]"
    elif isinstance(value, Mapping) and (depth == 0 or _streams(value)):
        for n, (key, item) in enumerate(value.items()):
            yield ("{" if n == 0 else ",") + pad + _encode(key) + ": "
            yield from _pieces(item, depth + 1)
        yield "{}" if not value else "\n" + "  " * depth + "}"
    elif depth == 1:
        yield json.dumps(value, ensure_ascii=False, indent=2).replace("\n", "\n  ")
    else:
        yield _encode(value)


def _target_data(t: Any) -> dict[str, Any]:
    return {
        "target": t.target, "verdict": t.verdict, "observed": t.observed,
        "comparator": t.comparator, "threshold": t.threshold, "margin": t.margin,
        "level": t.level, "per": t.per, "periods": list(t.periods),
        "missing_periods": list(t.missing_periods),
        "failed_periods": list(t.failed_periods), "no_cases": t.no_cases,
        "policy": t.policy, "decided_despite_missing": t.decided_despite_missing,
        "need": [list(x) if isinstance(x, tuple) else x for x in t.need],
        "kind": t.kind,
        "section": t.section, "quote": t.quote,
    }


def _results_data(results: Iterable[Any]) -> Iterator[dict[str, Any]]:
    for r in results:
        yield {"unit": r.unit, "window": r.window, "complete": r.complete,
               "criteria": [{"criterion": c.criterion, "verdict": c.verdict,
                             "targets": [_target_data(t) for t in c.targets]}
                            for c in r.explained()]}


EVALUATION_FORMAT = "emulation-rules/evaluation/1"
"""The first key of :func:`evaluation_data`: which shape the data has, described by
``schemas/evaluation.schema.json`` (its ``format`` const). The number goes up only when the
shape changes incompatibly (a key removed, renamed or retyped; a value no longer allowed)."""


def evaluation_data(ev: Any, issues: Sequence[Any] = (), warnings: Sequence[Any] = (), *,
                    lazy: bool = False) -> dict[str, Any]:
    """An evaluation as JSON-ready data, in a fixed order (byte-identical across runs), first
    its ``format`` (:data:`EVALUATION_FORMAT`).
    With ``lazy``, ``results`` is an iterator built as it is read (for :func:`json_chunks`).

    A unit no row speaks for is listed once under ``no_data`` instead of once per window in
    ``results`` (its verdicts are all unknown, or not met under a ``missing_period`` policy,
    and counted as such in ``summary``)."""
    silent = frozenset(ev.no_data)
    results = _results_data(r for r in ev.results if r.unit not in silent)
    return {
        "format": EVALUATION_FORMAT,
        "plan": ev.plan_id,
        "plan_hash": ev.plan_hash,
        "issued": _iso(ev.issued),
        "as_of": ev.as_of.isoformat(),
        "rows": {"total": ev.rows_total, "used": ev.rows_used,
                 "rejected": ev.rows_total - ev.rows_used},
        "rejected": [i.to_dict() for i in issues],
        "warnings": [i.to_dict() for i in warnings],
        "windows": list(ev.windows),
        "summary": ev.summary(),
        "no_data": list(ev.no_data),
        "results": results if lazy else list(results),
    }


def _safe_cell(value: Any) -> str:
    """A CSV cell a spreadsheet shows as text: formula prefixes neutralised, control and
    invisible characters escaped; numbers stay numbers."""
    if isinstance(value, bool) or value is None:
        return "" if value is None else str(value)
    if isinstance(value, int | float):
        return str(value)
    text = terminal(str(value))
    return "'" + text if text.startswith(_FORMULA_START) else text


def evaluation_csv(ev: Any) -> str:
    """One row per unit, window and target; cells a spreadsheet would run are neutralised."""
    import csv
    import io

    from .results import ROW_COLUMNS

    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\r\n")
    writer.writerow(ROW_COLUMNS)
    for row in ev.iter_rows():  # the rows of Evaluation.to_rows(), cell by cell made inert
        writer.writerow([_safe_cell(row[k]) for k in ROW_COLUMNS])
    return EXCEL_BOM + buf.getvalue()


def evaluation_markdown(ev: Any, issues: Sequence[Any] = ()) -> str:
    lines = [f"# {ev.plan_id}: evaluation as of {ev.as_of.isoformat()}", "",
             f"- issue date used: {_iso(ev.issued) or '(not needed)'}",
             f"- plan hash: `{ev.plan_hash}`",
             f"- rows: {ev.rows_total} read, {ev.rows_used} evaluated, "
             f"{ev.rows_total - ev.rows_used} rejected"]
    if ev.no_data:
        shown_ = ", ".join(markdown_cell(u) for u in ev.no_data[:20])
        lines.append(f"- units with no row ({len(ev.no_data)}, counted unknown below): {shown_}"
                     + (", ..." if len(ev.no_data) > 20 else ""))
    lines.append("")
    for window, crits in ev.summary().items():
        lines += [f"## {window}", "", "| criterion | met | not met | unknown |",
                  "| --- | ---: | ---: | ---: |"]
        for crit, counts in crits.items():
            lines.append(f"| {crit} | {counts['met']} | {counts['not_met']} | "
                         f"{counts['unknown']} |")
        lines.append("")
    if issues:
        lines += ["## Rejected rows", ""]
        lines += [f"- {markdown_cell(i.location.file)} row {i.location.line}: {i.code}: "
                  f"{markdown_cell(i.message)}" for i in issues]
        lines.append("")
    return "\n".join(lines)


def _value(t: Any) -> str:
    if t.observed is None:
        return "?"
    if isinstance(t.observed, float) and t.comparator not in ("any_of", "all_of"):
        return f"{t.observed * 100:.2f}%"
    return str(t.observed)


def _threshold(t: Any) -> str:
    if isinstance(t.threshold, float):
        return f"{t.threshold * 100:g}%"
    return str(t.threshold)


def explain(ev: Any, unit: str, lang: str = "vi") -> str:
    """The reasoning for one unit as plain sentences, the way a reviewer would write it."""
    results = ev.for_unit(unit)
    if not results:
        return (f"Không có kết quả cho đơn vị {unit}.\n" if lang == "vi"
                else f"No result for unit {unit}.\n")
    lines = []
    for r in results:
        head = (f"{unit}, {r.window}" + ("" if r.complete else
                                         (" (đang diễn ra)" if lang == "vi" else
                                          " (still running)")) + ":")
        lines.append(head)
        for c in r.criteria:
            for t in c.targets:
                lines.append("  " + _sentence(t, lang))
    return "\n".join(lines) + "\n"


def _span(t: Any) -> str:
    """The window's months as a span, or its years for a per-year target."""
    if not t.periods:
        return "-"
    first, last = t.periods[0], t.periods[-1]
    if t.per == "year":
        first, last = first[:4], last[:4]
    return first if first == last else f"{first}..{last}"


def _sentence(t: Any, lang: str) -> str:
    """One target's verdict as a reviewer would write it, in Vietnamese or English."""
    vi = lang == "vi"
    cite = f"[{t.section}: “{t.quote}”]" if t.section else ""
    verdict = WORDS["vi"][t.verdict] if vi else t.verdict
    span = _span(t)
    name = f"{t.target} ({t.criterion})"
    word = ("Điều kiện" if t.kind == "attestation" or not t.level else "Chỉ tiêu") if vi else (
        "Condition" if t.kind == "attestation" or not t.level else "Target")
    if t.kind == "attestation" or t.comparator == "attested":
        said = ({1: "được xác nhận", 0: "không được xác nhận"} if vi else
                {1: "attested", 0: "attested as not met"}).get(
            t.observed, "chưa có xác nhận" if vi else "no attestation given")
        text = f"{word} {name} {verdict}: {said} ({'kỳ' if vi else 'period'} {span})"
    elif t.per in ("month", "year"):
        unit = ("tháng" if t.per == "month" else "năm") if vi else (
            "month" if t.per == "month" else "year")
        text = (f"{word} {name} {verdict}: phải đạt trong từng {unit} ({span}); số {unit} đạt "
                f"{t.observed}" if vi else f"{word} {name} {verdict}: must hold in every "
                f"{unit} ({span}); {unit}s met: {t.observed}")
        if t.failed_periods:
            text += (f"; không đạt: {', '.join(t.failed_periods)}" if vi else
                     f"; not met in {', '.join(t.failed_periods)}")
    elif t.no_cases:
        text = (f"{word} {name} {verdict}: không có trường hợp nào trong kỳ; áp dụng quy định "
                "địa phương (policy: local)" if vi else f"{word} {name} {verdict}: there were "
                "no cases; the local-policy rule for that case decided")
    else:
        cmp = COMPARATORS.get(t.comparator)
        wanted = ((cmp.vi if vi else cmp.en).format(_threshold(t)) if cmp else
                  t.comparator.replace("_", " "))
        text = (f"{word} {name} {verdict}: ghi nhận {_value(t)}, yêu cầu {wanted} (kỳ {span})"
                if vi else f"{word} {name} {verdict}: observed {_value(t)}, needs {wanted} "
                f"(periods {span})")
    if t.missing_periods:
        text += (f"; thiếu số liệu các tháng {periods_text(t.missing_periods)}" if vi else
                 f"; no data for {periods_text(t.missing_periods)}")
        if t.decided_despite_missing:
            text += ("; kết quả không đổi dù các tháng thiếu có số liệu thế nào" if vi else
                     "; decided whatever the missing months hold")
    if t.policy == "local" and not t.no_cases:
        text += ("; chưa xác định được nên tính là không đạt theo quy định địa phương "
                 "(missing_period, policy: local)" if vi else "; undecided, so counted as not "
                 "met by the local policy missing_period")
    if t.verdict == "unknown":
        text += need_text(t, lang)
    return f"{text}. {cite}"


# ---------------------------------------------------------------------------------------------
# awards

_BASIS_VI = {"document": "theo văn bản", "attestation": "theo xác nhận",
             "local_policy": "theo quy định địa phương (policy: local)",
             "computed": "tính từ xếp hạng"}
_BASIS_EN = {"document": "from the document", "attestation": "from an attestation",
             "local_policy": "by local policy", "computed": "computed from the ranking"}


def _condition_data(o: Any) -> dict[str, Any]:
    return {"id": o.id, "kind": o.kind, "verdict": o.verdict, "basis": o.basis,
            "detail": o.detail, "section": o.section, "quote": o.quote}


def awards_data(report: Any, ev: Any, *, lazy: bool = False) -> dict[str, Any]:
    """An awards report as JSON-ready data, in a fixed order. With ``lazy``, each award's
    ``candidates`` is an iterator built as it is read (for :func:`json_chunks`)."""
    def candidates(award: Any) -> Iterator[dict[str, Any]]:
        for c in award.candidates:
            yield {"unit": c.unit, "standard": c.standard, "verdict": c.verdict,
                   "conditions": [_condition_data(o) for o in c.conditions]}

    return {
        "plan": report.plan_id, "plan_hash": ev.plan_hash, "issued": _iso(ev.issued),
        "as_of": ev.as_of.isoformat(), "review": report.review, "occasion": report.occasion,
        "windows": list(report.windows), "conditions_window": report.conditions_window,
        "notes": list(report.notes),
        "standings": [{"unit": s.unit, "bloc": s.bloc, "score": s.score,
                       "criteria_met": s.criteria_met, "targets_met": s.targets_met,
                       "rank": s.rank, "bloc_size": s.bloc_size,
                       "bloc_complete": s.bloc_complete} for s in report.standings],
        "awards": [{
            "award": a.award, "label": {"vi": a.label_vi, "en": a.label_en}, "form": a.form,
            "granted_by": a.granted_by, "proposed_by": a.proposed_by,
            "eligible": sorted({c.unit for c in a.candidates if c.verdict == "met"}),
            "candidates": candidates(a) if lazy else list(candidates(a)),
        } for a in report.awards],
    }


def awards_csv(report: Any) -> str:
    import csv
    import io

    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\r\n")
    writer.writerow(["award", "form", "granted_by", "unit", "standard", "verdict", "condition",
                     "condition_verdict", "basis", "detail", "section"])
    for a in report.awards:
        for c in a.candidates:
            for o in c.conditions:
                writer.writerow([_safe_cell(v) for v in (
                    a.award, a.form or "", a.granted_by, c.unit, c.standard, c.verdict, o.id,
                    o.verdict, o.basis, o.detail, o.section)])
    return EXCEL_BOM + buf.getvalue()


def awards_markdown(report: Any, ev: Any) -> str:
    lines = [f"# {report.plan_id}: awards at review {report.review} ({report.occasion})", "",
             f"- evaluated as of {ev.as_of.isoformat()}; criteria scored over: "
             f"{', '.join(report.windows)}; award conditions read in: "
             f"{report.conditions_window or '-'}",
             f"- plan hash: `{ev.plan_hash}`", ""]
    lines += [f"> {n}" for n in report.notes]
    by_authority: dict[str, list[Any]] = {}
    for a in report.awards:
        by_authority.setdefault(a.granted_by, []).append(a)
    for authority, items in by_authority.items():
        lines += [f"## Granted by {authority}", ""]
        for a in items:
            counts = {v: sum(1 for c in a.candidates if c.verdict == v)
                      for v in ("met", "unknown", "not_met")}
            form = a.form or "no form named (theo thẩm quyền)"
            lines += [f"### {a.label_vi} ({form})", "",
                      f"eligible {counts['met']}, undecided {counts['unknown']}, "
                      f"not eligible {counts['not_met']}", ""]
            eligible = [c for c in a.candidates if c.verdict == "met"]
            if eligible:
                lines += ["| unit | standard | conditions met |", "| --- | --- | --- |"]
                lines += [f"| {markdown_cell(c.unit)} | {c.standard} | "
                          + ", ".join(f"{o.id} ({o.basis})" for o in c.conditions) + " |"
                          for c in eligible]
                lines.append("")
    if report.standings:
        ranked = [s for s in report.standings if s.rank is not None]
        if ranked:
            lines += ["## Bloc rankings", "", "| bloc | rank | unit | score | targets met |",
                      "| --- | ---: | --- | ---: | ---: |"]
            lines += [f"| {markdown_cell(s.bloc)} | {s.rank} | {markdown_cell(s.unit)} | "
                      f"{s.score} | {s.targets_met} |" for s in ranked]
            lines.append("")
    return "\n".join(lines)


def awards_explain(report: Any, unit: str, lang: str = "vi") -> str:
    """Which tiers a unit is eligible for, why, and what it still lacks for the next tier."""
    rows = report.for_unit(unit)
    vi = lang == "vi"
    if not rows:
        return (f"Đơn vị {unit} không thuộc diện xét khen thưởng nào ở kỳ {report.review}.\n"
                if vi else f"Unit {unit} is a candidate for no award at review "
                f"{report.review}.\n")
    basis = _BASIS_VI if vi else _BASIS_EN
    lines = [f"{unit}, {report.review}:"]
    standing = next((s for s in report.standings if s.unit == unit), None)
    if standing is not None and standing.rank is not None:
        lines.append(f"  Xếp hạng {standing.rank}/{standing.bloc_size} trong khối "
                      f"{standing.bloc} (điểm {standing.score})." if vi else
                      f"  Rank {standing.rank} of {standing.bloc_size} in bloc {standing.bloc} "
                      f"(score {standing.score}).")
    for award, cand in rows:
        word = {"met": "đủ điều kiện" if vi else "eligible",
                "not_met": "chưa đủ điều kiện" if vi else "not eligible",
                "unknown": "chưa xác định được" if vi else "undecided"}[cand.verdict]
        lines.append(f"  {award.label_vi if vi else award.label_en}: {word}.")
        for o in cand.conditions:
            mark = "✓" if o.verdict == "met" else ("✗" if o.verdict == "not_met" else "?")
            lines.append(f"    {mark} {o.id}: {o.detail} — {basis[o.basis]}"
                         + (f" [{o.section}]" if o.section else ""))
    # tiers come lowest first: the next tier is the first one above the highest reached
    reached = max((i for i, (_, c) in enumerate(rows) if c.verdict == "met"), default=-1)
    higher = [(a, c) for i, (a, c) in enumerate(rows) if i > reached and c.verdict != "met"]
    if higher:
        award, cand = higher[0]
        lacks = "; ".join(f"{o.id} ({o.detail})" for o in cand.lacking)
        lines.append(f"  Còn thiếu cho mức {award.label_vi}: {lacks}." if vi else
                      f"  Still lacking for {award.label_en}: {lacks}.")
    return "\n".join(lines) + "\n"
