"""Render timelines, submission tracking, evaluations and awards as text, Markdown, CSV and
JSON-ready data.

The words are the catalogue's (:mod:`emulation_rules.i18n`, the entries of
:mod:`emulation_rules._catalog.outputs`): each function that writes for people takes ``lang``
(``vi`` or ``en``; default :func:`emulation_rules.i18n.current`). Ids, codes, JSON keys and CSV
column names are the same in every language.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping, Sequence
from datetime import date
from types import GeneratorType
from typing import TYPE_CHECKING, Any

from ._inert import markdown_cell, markdown_code, terminal
from .conditions import COMPARATORS
from .i18n import Lang, Msg, current
from .i18n import text as _t
from .labels import FORMS, body_name, date_text, need_text, periods_text, window_name
from .timelines import DeadlineInstance, SubmissionStatus, Timeline

if TYPE_CHECKING:
    from .model import Plan
    from .records import UnitInfo

__all__ = ["CSV_LABEL_COLUMNS", "github_annotation", "json_chunks", "side_by_side",
           "timeline_data", "timeline_text", "tracking_data", "tracking_lines", "tracking_text"]

_RELATIONS = ("before", "on_or_before", "on")
_STATUSES = ("on_time", "late", "missing", "not_yet_due")
_UNIT_KINDS = ("commune", "team", "district", "province", "agency", "business", "school",
               "person")
"""The unit kinds the Markdown summary names (markdown.kind.*), in the order it lists them."""


def _id(key: str) -> str:
    """An id of the code (``on_or_before``) as a part of a message id (``on-or-before``)."""
    return key.replace("_", "-")


def _rel(relation: str, lang: Lang) -> str:
    """A deadline's relation in words ("trước ngày", "before")."""
    return _t(f"report.rel.{_id(relation)}", lang)


def _said(value: Any, lang: Lang) -> str:
    """A text for people that may be a :class:`Msg` (rendered in ``lang``) or a str."""
    return value.render(lang) if isinstance(value, Msg) else str(value)


def _label(label: Any, lang: Lang) -> str:
    """A plan's label (a :class:`emulation_rules.model.Text`) in ``lang``."""
    return str(label.vi if lang == "vi" else label.en)


def _github_data(text: str) -> str:
    """A workflow command's message: % CR LF escaped, so that no text starts a command."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _github_property(text: str) -> str:
    """A workflow command's property value (file, title): also : and , escaped."""
    return _github_data(text).replace(":", "%3A").replace(",", "%2C")


def github_annotation(issue: Any, lang: Lang | None = None) -> str:
    """One issue as a GitHub Actions annotation line, its message and hint in ``lang``; no text
    from a file or a plan can break out of it (file names and messages are escaped as the
    workflow-command format requires)."""
    loc = issue.location
    message = issue.explained(lang)
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
        "notes": [n.render() for n in tl.notes],
    }
    if as_of is not None:
        pos = tl.position(as_of)
        data["as_of"] = {"date": as_of.isoformat(), "status": pos.status, "phase": pos.phase,
                         "days_left": pos.days_left, "next_phase": pos.next_phase,
                         "next_deadlines": [d.id for d in tl.upcoming(as_of, 5)]}
    return data


def timeline_text(tl: Timeline, as_of: date | None = None, lang: Lang | None = None) -> str:
    """A timeline as text, in ``lang``: the campaign, its phases and gaps, the windows, the
    deadlines and reviews; with ``as_of``, where that day falls and what is due next."""
    lang = lang or current()

    def day(d: date) -> str:
        return date_text(d, lang)

    lines = [_t("timeline-text.head", lang, plan=tl.plan_id,
                issued=day(tl.issued) if tl.issued else _t("report.not-needed", lang),
                start=day(tl.start),
                end=day(tl.end) if tl.end else _t("timeline-text.open-ended", lang))]
    lines += [f"  {n.labelled(lang)}" for n in tl.notes]
    for p in tl.phases:
        origin = " " + _t("timeline-text.from-issuance", lang) if p.starts_at_issuance else ""
        lines.append("  " + _t("timeline-text.phase", lang, label=_label(p.label, lang),
                               phase=p.id, start=day(p.start),
                               end=day(p.end), days=p.days, origin=origin,
                               months=", ".join(tl.months_of_phase(p.id))))
    for g in tl.gaps:
        lines.append("  " + _t("timeline-text.gap", lang, start=day(g.start), end=day(g.end),
                               days=g.days))
    if tl.phases:
        lines.append("  " + _t("timeline-text.straddling", lang, rule=tl.straddling_rule,
                               words=_t(f"timeline-text.rule."
                                        f"{tl.straddling_rule.replace('_', '-')}", lang)))
    lines.append("  " + _t("timeline-text.windows", lang, windows="; ".join(
        f"{w.id} {day(w.start)} → {day(w.end)} ({_month_span(w.months, lang)})"
        for w in tl.windows)))
    lines.append("  " + _t("timeline-text.deadlines", lang))
    rel = {r: _rel(r, lang) for r in _RELATIONS}
    for d in tl.deadlines:
        lines.append(f"    {day(d.last_on_time_day)}  {d.id}: {_label(d.label, lang)} — "
                     f"{rel[d.relation]} {day(d.due)}; {body_name(d.owed_by, lang)}"
                     + (f" → {', '.join(body_name(b, lang) for b in d.to)}" if d.to else ""))
    lines.append("  " + _t("timeline-text.reviews", lang, reviews=", ".join(
        f"{r.id} ({day(r.start)} → {day(r.end)})" for r in tl.reviews)))
    if as_of is not None:
        pos = tl.position(as_of)
        if pos.status == "in_phase":
            where = _t("timeline-text.in-phase", lang, phase=pos.phase, days=pos.days_left)
        elif pos.status == "between_phases":
            where = (_t("timeline-text.between-phases", lang, phase=pos.next_phase,
                        days=pos.days_left) if pos.next_phase else
                     _t("timeline-text.after-last-phase", lang, days=pos.days_left))
        elif pos.status == "before_campaign":
            where = _t("timeline-text.before-campaign", lang)
        elif pos.status == "after_campaign":
            where = _t("timeline-text.after-campaign", lang)
        else:
            where = _t("timeline-text.in-campaign", lang)
        lines.append("  " + _t("timeline-text.as-of", lang, day=day(as_of), where=where))
        nxt = tl.upcoming(as_of, 3)
        for d in nxt:
            lines.append("    " + _t("timeline-text.next", lang, deadline=d.id,
                                     day=day(d.last_on_time_day)))
        if not nxt:
            lines.append("    " + _t("timeline-text.no-next", lang))
    return "\n".join(lines) + "\n"


def _month_span(months: Sequence[str], lang: Lang) -> str:
    if not months:
        return _t("timeline-text.no-month", lang)
    if len(months) == 1:
        return _t("timeline-text.one-month", lang, month=months[0])
    return _t("timeline-text.months", lang, first=months[0], last=months[-1],
              count=len(months))


def side_by_side(timelines: Sequence[Timeline], lang: Lang | None = None) -> str:
    """The campaigns in one table, so that the differences between localities show."""
    lang = lang or current()
    header = [_t("timeline-text.table.plan", lang), _t("timeline-text.table.issued", lang),
              _t("timeline-text.table.campaign", lang), _t("timeline-text.table.phases", lang),
              _t("timeline-text.table.gaps", lang), _t("timeline-text.table.deadlines", lang)]
    recurring_word = _t("timeline-text.table.recurring", lang)
    rows = []
    for tl in timelines:
        phases = "; ".join(f"{p.id} {p.start:%d/%m/%Y}–{p.end:%d/%m/%Y}" for p in tl.phases)
        gaps = "; ".join(f"{g.start:%d/%m/%Y}–{g.end:%d/%m/%Y}" for g in tl.gaps) or "—"
        dated = [d for d in tl.deadlines if not d.recurring]
        recurring = sorted({d.deadline_id for d in tl.deadlines if d.recurring})
        deadlines = "; ".join(f"{d.id} {d.last_on_time_day:%d/%m/%Y}" for d in dated)
        if recurring:
            deadlines += (("; " if deadlines else "") + ", ".join(recurring) + " "
                          + recurring_word)
        end = f"{tl.end:%d/%m/%Y}" if tl.end else _t("timeline-text.table.open", lang)
        rows.append([tl.plan_id, f"{tl.issued:%d/%m/%Y}" if tl.issued else "—",
                     f"{tl.start:%d/%m/%Y}–{end}",
                     phases or _t("timeline-text.table.yearly", lang), gaps,
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


def tracking_lines(statuses: Iterable[SubmissionStatus], as_of: date,
                   lang: Lang | None = None) -> Iterator[str]:
    """The statuses as text, line by line (each with its newline), then the totals, in
    ``lang``."""
    lang = lang or current()
    yield _t("tracking.head", lang, day=date_text(as_of, lang)) + "\n"
    # the words are looked up once; the templates with {placeholders} (text() without
    # arguments gives the template) are filled row by row
    words = {k: _t(f"tracking.status.{_id(k)}", lang) for k in _STATUSES}
    rel = {r: _rel(r, lang) for r in _RELATIONS}
    late = ", " + _t("tracking.late", lang)
    early = ", " + _t("tracking.early", lang)
    submitted = " " + _t("tracking.submitted", lang)
    due = _t("tracking.due", lang)
    counts: Counter[str] = Counter()
    for s in statuses:
        counts[s.status] += 1
        extra = late.format(days=s.days_late) if s.status == "late" else ""
        extra += early if s.early else ""
        sub = submitted.format(day=date_text(s.submitted, lang)) if s.submitted else ""
        when = due.format(relation=rel[s.relation], day=date_text(s.due, lang))
        yield (f"  {s.deadline:<28} {s.unit:<20} {words.get(s.status, s.status)}{extra}{sub} "
               f"({when})\n")
    yield "  " + _t("tracking.totals", lang, counts=", ".join(
        f"{words[k]} {counts.get(k, 0)}" for k in _STATUSES)) + "\n"


def tracking_text(statuses: Iterable[SubmissionStatus], as_of: date,
                  lang: Lang | None = None) -> str:
    return "".join(tracking_lines(statuses, as_of, lang))


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


class _Names:
    """The labels of one output, looked up once: windows, criteria, targets (and award
    conditions) from the plan, units' names from the units tree, in one language."""

    def __init__(self, windows: Iterable[str], plan: Plan | None,
                 units: Iterable[UnitInfo] | None, lang: Lang) -> None:
        self.lang = lang
        phases = {p.id: _label(p.label, lang) for p in plan.phases} if plan else {}
        self.windows = {w: window_name(w, lang, phases) for w in windows}
        self.criteria: dict[str, str] = {}
        self.targets: dict[str, dict[str, str]] = {}
        if plan is not None:
            for c in plan.criteria:
                self.criteria[c.id] = _label(c.label, lang)
                self.targets[c.id] = {t.id: _label(t.label, lang) for t in c.targets}
            for a in plan.awards:  # the award conditions the evaluator decides
                conditions = {cond.id: _label(cond.label, lang) for standard in a.standards
                              for cond in standard.conditions}
                if conditions:
                    self.criteria.setdefault(a.id, _label(a.label, lang))
                    self.targets.setdefault(a.id, conditions)
        self.kinds = {u.id: u.kind for u in units} if units is not None else None
        self.units = {u.id: u.name for u in units or () if u.name}

    def window(self, window: str) -> str:
        """A window by its label and id, for Markdown: ``Đợt 1 (`phase_1`)``."""
        label = self.windows.get(window, window)
        return window if label == window else f"{markdown_cell(label)} (`{window}`)"

    def criterion(self, criterion: str) -> str:
        """A criterion by its label and id, for Markdown (its id alone without a plan)."""
        label = self.criteria.get(criterion)
        return criterion if label is None else f"{markdown_cell(label)} (`{criterion}`)"

    def unit(self, unit: str) -> str:
        """A unit by its name and id, for Markdown (its id alone without a name)."""
        name = self.units.get(unit)
        return markdown_cell(unit) if not name else (
            f"{markdown_cell(name)} ({markdown_cell(unit)})")

    def data(self) -> dict[str, Any]:
        """The ``labels`` object of the JSON outputs."""
        return {"windows": dict(self.windows), "criteria": dict(self.criteria),
                "targets": {c: dict(t) for c, t in self.targets.items()},
                "units": dict(self.units)}


def evaluation_data(ev: Any, issues: Sequence[Any] = (), warnings: Sequence[Any] = (), *,
                    lazy: bool = False, plan: Plan | None = None,
                    units: Sequence[UnitInfo] | None = None,
                    lang: Lang | None = None) -> dict[str, Any]:
    """An evaluation as JSON-ready data, in a fixed order (byte-identical across runs), first
    its ``format`` (:data:`EVALUATION_FORMAT`).
    With ``lazy``, ``results`` is an iterator built as it is read (for :func:`json_chunks`).

    A unit no row speaks for is listed once under ``no_data`` instead of once per window in
    ``results`` (its verdicts are all unknown, or not met under a ``missing_period`` policy,
    and counted as such in ``summary``).

    ``labels`` names, in ``lang`` (default the current language), the windows, and with
    ``plan`` its criteria and their targets (by criterion), and with ``units`` the units that
    have a name; the issues' messages are in ``lang`` too. Every other value is the same in
    every language."""
    lang = lang or current()
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
        "rejected": [i.to_dict(lang) for i in issues],
        "warnings": [i.to_dict(lang) for i in warnings],
        "windows": list(ev.windows),
        "summary": ev.summary(),
        "no_data": list(ev.no_data),
        "labels": _Names(ev.windows, plan, units, lang).data(),
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


CSV_LABEL_COLUMNS = ("window_label", "criterion_label", "target_label", "unit_name")
"""The columns ``evaluate --format csv`` adds after :data:`emulation_rules.results.ROW_COLUMNS`:
the window's, criterion's and target's labels and the unit's name, in the output's language
(blank where the plan or the units tree was not given)."""


def evaluation_csv(ev: Any, *, plan: Plan | None = None,
                   units: Sequence[UnitInfo] | None = None, lang: Lang | None = None) -> str:
    """One row per unit, window and target: the columns of
    :data:`~emulation_rules.results.ROW_COLUMNS`, then :data:`CSV_LABEL_COLUMNS` in ``lang``;
    cells a spreadsheet would run are neutralised."""
    import csv
    import io

    from .results import ROW_COLUMNS

    names = _Names(ev.windows, plan, units, lang or current())
    windows = {w: _safe_cell(label) for w, label in names.windows.items()}
    criteria = {c: _safe_cell(label) for c, label in names.criteria.items()}
    targets = {(c, t): _safe_cell(label) for c, labels in names.targets.items()
               for t, label in labels.items()}
    unit_names = {u: _safe_cell(name) for u, name in names.units.items()}
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\r\n")
    writer.writerow((*ROW_COLUMNS, *CSV_LABEL_COLUMNS))
    for row in ev.iter_rows():  # the rows of Evaluation.to_rows(), cell by cell made inert
        writer.writerow([*[_safe_cell(row[k]) for k in ROW_COLUMNS],
                         windows.get(row["window"], ""), criteria.get(row["criterion"], ""),
                         targets.get((row["criterion"], row["target"]), ""),
                         unit_names.get(row["unit"], "")])
    return EXCEL_BOM + buf.getvalue()


def _summary_by_kind(ev: Any, kinds: Mapping[str, str]
                     ) -> dict[str, dict[str, dict[str, dict[str, int]]]]:
    """:meth:`Evaluation.summary` with each criterion's counts split by the units' kind (a
    criterion read on communes and on teams counts both): window, criterion, kind, counts."""
    out: dict[str, dict[str, dict[str, Counter[str]]]] = {}
    for res in ev.results:
        kind = kinds.get(res.unit, "")
        for crit, verdict in res.verdicts().items():
            out.setdefault(res.window, {}).setdefault(crit, {}).setdefault(
                kind, Counter())[verdict] += 1
    order = {k: n for n, k in enumerate(_UNIT_KINDS)}
    return {w: {c: {k: {v: by_kind[k].get(v, 0) for v in ("met", "not_met", "unknown")}
                    for k in sorted(by_kind, key=lambda k: (order.get(k, len(order)), k))}
                for c, by_kind in crits.items()} for w, crits in out.items()}


def evaluation_markdown(ev: Any, issues: Sequence[Any] = (), *, plan: Plan | None = None,
                        units: Sequence[UnitInfo] | None = None,
                        lang: Lang | None = None) -> str:
    """The evaluation as a Markdown summary in ``lang``: per window, per criterion, how many
    units met, did not meet or are undecided; then the rejected rows.

    With ``plan``, windows and criteria are named by their labels (their ids in a code span);
    with ``units``, the units by their names, and each criterion's counts are given per kind
    of unit (communes apart from teams)."""
    lang = lang or current()
    names = _Names(ev.windows, plan, units, lang)
    lines = ["# " + _t("markdown.title", lang, plan=ev.plan_id, day=date_text(ev.as_of, lang)),
             "",
             "- " + _t("markdown.issued", lang, day=date_text(ev.issued, lang) if ev.issued
                       else _t("report.not-needed", lang)),
             "- " + _t("markdown.plan-hash", lang, hash=f"`{ev.plan_hash}`"),
             "- " + _t("markdown.rows", lang, read=ev.rows_total, used=ev.rows_used,
                       rejected=ev.rows_total - ev.rows_used)]
    if ev.no_data:
        shown_ = ", ".join(names.unit(u) for u in ev.no_data[:20])
        lines.append("- " + _t("markdown.no-data", lang, count=len(ev.no_data), units=shown_)
                     + (", ..." if len(ev.no_data) > 20 else ""))
    lines.append("")
    verdicts = [_t("markdown.col.met", lang), _t("markdown.col.not-met", lang),
                _t("markdown.col.unknown", lang)]
    criterion_col = _t("markdown.col.criterion", lang)
    if names.kinds is None:
        for window, crits in ev.summary().items():
            lines += [f"## {names.window(window)}", "",
                      f"| {criterion_col} | {' | '.join(verdicts)} |",
                      "| --- | ---: | ---: | ---: |"]
            for crit, counts in crits.items():
                lines.append(f"| {names.criterion(crit)} | {counts['met']} | "
                             f"{counts['not_met']} | {counts['unknown']} |")
            lines.append("")
    else:
        kind_words = {k: _t(f"markdown.kind.{k}", lang) for k in _UNIT_KINDS}
        for window, by_crit in _summary_by_kind(ev, names.kinds).items():
            lines += [f"## {names.window(window)}", "",
                      f"| {criterion_col} | {_t('markdown.col.units', lang)} | "
                      f"{' | '.join(verdicts)} |", "| --- | --- | ---: | ---: | ---: |"]
            for crit, by_kind in by_crit.items():
                for kind, counts in by_kind.items():
                    word = kind_words.get(kind) or markdown_cell(kind) or "—"
                    lines.append(f"| {names.criterion(crit)} | {word} | {counts['met']} | "
                                 f"{counts['not_met']} | {counts['unknown']} |")
            lines.append("")
    if issues:
        lines += ["## " + _t("markdown.rejected", lang), ""]
        lines += ["- " + _t("markdown.rejected-row", lang, file=markdown_code(i.location.file),
                            row=i.location.line, code=i.code,
                            message=markdown_cell(i.message_in(lang))) for i in issues]
        lines.append("")
    return "\n".join(lines)


def _decimal(text: str, lang: Lang) -> str:
    """A number's text with the decimal mark of ``lang`` (a comma in Vietnamese)."""
    return text.replace(".", ",") if lang == "vi" else text


def _value(t: Any, lang: Lang) -> str:
    if t.observed is None or t.nothing_known:
        return "?"
    if isinstance(t.observed, float) and t.comparator not in ("any_of", "all_of"):
        return _decimal(f"{t.observed * 100:.2f}%", lang)
    return str(t.observed)


def _threshold(t: Any, lang: Lang) -> str:
    if isinstance(t.threshold, float):
        return _decimal(f"{t.threshold * 100:g}%", lang)
    return str(t.threshold)


def explain(ev: Any, unit: str, lang: Lang | None = None) -> str:
    """The reasoning for one unit as plain sentences, the way a reviewer would write it, in
    ``lang`` (default the current language)."""
    lang = lang or current()
    results = ev.for_unit(unit)
    if not results:
        return _t("explain.no-result", lang, unit=unit) + "\n"
    words = _Words(lang)
    lines = []
    for r in results:
        lines.append(f"{unit}, {r.window}" + ("" if r.complete else " " + words.running) + ":")
        for c in r.criteria:
            for t in c.targets:
                lines.append("  " + _sentence(t, lang, words))
    return "\n".join(lines) + "\n"


class _Words:
    """The words of :func:`explain`'s sentences in one language, looked up once."""

    def __init__(self, lang: Lang) -> None:
        self.running = _t("explain.running", lang)
        self.verdicts = {v: _t(f"explain.verdict.{_id(v)}", lang)
                         for v in ("met", "not_met", "unknown")}
        self.target = _t("explain.target", lang)
        self.condition = _t("explain.condition", lang)
        self.attested = {1: _t("explain.attested.yes", lang), 0: _t("explain.attested.no", lang)}
        self.no_attestation = _t("explain.attested.none", lang)
        self.combined = {"any_of": _t("explain.any-of", lang),
                         "all_of": _t("explain.all-of", lang)}


def _span(t: Any) -> str:
    """The window's months as a span, or its years for a per-year target."""
    if not t.periods:
        return "-"
    first, last = t.periods[0], t.periods[-1]
    if t.per == "year":
        first, last = first[:4], last[:4]
    return first if first == last else f"{first}..{last}"


def _sentence(t: Any, lang: Lang, words: _Words | None = None) -> str:
    """One target's verdict as a reviewer would write it, in Vietnamese or English."""
    words = words or _Words(lang)
    cite = f"[{t.section}: “{t.quote}”]" if t.section else ""
    head = {"word": words.condition if t.kind == "attestation" or not t.level else words.target,
            "name": f"{t.target} ({t.criterion})",
            "verdict": words.verdicts.get(t.verdict, t.verdict)}
    span = _span(t)
    if t.kind == "attestation" or t.comparator == "attested":
        text = _t("explain.attested", lang, **head, span=span,
                  said=words.attested.get(t.observed, words.no_attestation))
    elif t.per in ("month", "year"):
        if t.per == "month":
            text = _t("explain.per-month", lang, **head, span=span, observed=t.observed)
        else:
            text = _t("explain.per-year", lang, **head, span=span, observed=t.observed)
        if t.failed_periods:
            text += "; " + _t("explain.failed", lang, periods=", ".join(t.failed_periods))
    elif t.no_cases:
        text = _t("explain.no-cases", lang, **head)
    else:
        cmp = COMPARATORS.get(t.comparator)
        if t.comparator == "gte" and t.threshold == 1.0 and isinstance(t.threshold, float):
            wanted = _t("explain.all", lang)  # "từ 100% trở lên" reads oddly: all of them
        elif cmp:
            wanted = (cmp.vi if lang == "vi" else cmp.en).format(_threshold(t, lang))
        else:
            wanted = words.combined.get(t.comparator, t.comparator.replace("_", " "))
        text = _t("explain.compared", lang, **head, observed=_value(t, lang), wanted=wanted,
                  span=span)
    if t.missing_periods:
        missing = periods_text(t.missing_periods)
        text += "; " + (_t("explain.missing", lang, periods=missing)
                        if len(t.missing_periods) > 1 else
                        _t("explain.missing-one", lang, periods=missing))
        if t.decided_despite_missing:
            text += "; " + _t("explain.despite", lang)
    if t.policy == "local" and not t.no_cases:
        text += "; " + _t("explain.local-policy", lang)
    if t.verdict == "unknown":
        text += need_text(t, lang)
    return f"{text}. {cite}"


# ---------------------------------------------------------------------------------------------
# awards

_BASES = ("document", "attestation", "local_policy", "computed")

# award quotas: the words every output (Markdown, --explain, the HTML report, the workbook)
# shows the same way; ``esc`` makes a text from the inputs inert for the output, ``name``
# names a unit there

_LISTED = 10
"""At most this many units named in a note; the rest counted."""
_SHOWN = ("granted", "tied", "next")
"""The statuses a quota's table lists (the units further outside are counted)."""


def quota_phrase(count: int, bloc: str | None, lang: Lang) -> str:
    """"3 tập thể", "1 collective in bloc khoi_1" (``bloc`` already made inert)."""
    if bloc is None:
        return (_t("quota.collective-one", lang) if count == 1 else
                _t("quota.collectives", lang, count=count))
    return (_t("quota.collective-one-in-bloc", lang, bloc=bloc) if count == 1 else
            _t("quota.collectives-in-bloc", lang, count=count, bloc=bloc))


def quota_key(key: str, lang: Lang) -> str:
    """A ranking key in words ("điểm", "targets met")."""
    return _t(f"quota.key.{_id(key)}", lang)


def quota_heading(quota: Any, lang: Lang, esc: Any = terminal) -> str:
    """"Số lượng khen thưởng: 3 tập thể, xếp theo điểm, số chỉ tiêu đạt (mục V: “...”)"."""
    head = _t(f"quota.head.{quota.among}", lang,
              quota=quota_phrase(quota.count, None, lang),
              keys=", ".join(quota_key(k, lang) for k in quota.rank_by))
    if quota.section:
        said = _t("quota.source", lang, section=esc(quota.section),
                  quote=esc(quota.quote or ""))
    elif quota.reason:
        said = _t("quota.local", lang, reason=esc(quota.reason))
    else:
        return head
    return f"{head} ({said})"


def quota_group_head(group: Any, lang: Lang, esc: Any = terminal) -> str:
    """"Khối khoi_1: số suất 3, đủ điều kiện 5" (or without the bloc)."""
    if group.bloc is None:
        return _t("quota.group.all", lang, count=group.count, eligible=len(group.places))
    return _t("quota.group.bloc", lang, bloc=esc(group.bloc), count=group.count,
              eligible=len(group.places))


def quota_status(place: Any, lang: Lang) -> str:
    """A unit's quota status in words, "(chưa chắc chắn)" added when it is not settled."""
    word = _t(f"quota.status.{place.status}", lang)
    return word if place.certain else _t("quota.not-certain", lang, status=word)


def quota_value(place: Any, i: int) -> str:
    """A ranking key's value: ``9``, or ``9–11`` when undecided verdicts could raise it."""
    low, high = place.keys[i], place.best[i]
    return str(low) if low == high else f"{low}–{high}"


def _cut_short(items: Sequence[str], lang: Lang) -> str:
    shown_ = "; ".join(items[:_LISTED])
    if len(items) <= _LISTED:
        return shown_
    return _t("quota.and-more", lang, units=shown_, n=len(items) - _LISTED)


def quota_notes(quota: Any, group: Any, lang: Lang, name: Any = terminal,
                esc: Any = terminal) -> list[str]:
    """What a group's table does not say: the tie to settle, the places left, the units
    further outside, the undecided verdicts that could change the list, mixed kinds."""
    notes = []
    tied = [p for p in group.places if p.status == "tied"]
    if tied:
        notes.append(_t("quota.note.tie", lang, n=len(tied), place=tied[0].place,
                        places=group.tied_places))
    if group.free_places:
        notes.append(_t("quota.note.free", lang, free=group.free_places, count=group.count,
                        eligible=len(group.places)))
    further = sum(1 for p in group.places if p.status == "outside")
    if further:
        notes.append(_t("quota.note.more", lang, n=further))
    movers = []
    for p in group.movers:
        if p.status == "undecided":
            movers.append(_t("quota.mover.undecided", lang, unit=name(p.unit), place=p.place))
            continue
        i = next(i for i, (lo, hi) in enumerate(zip(p.keys, p.best, strict=True)) if lo != hi)
        movers.append(_t("quota.mover.range", lang, unit=name(p.unit),
                         key=quota_key(quota.rank_by[i], lang), low=p.keys[i],
                         high=p.best[i]))
    if movers:
        notes.append(_t("quota.note.open", lang, units=_cut_short(movers, lang)))
    if group.bloc is None and len(group.kinds) > 1:  # a bloc is a declared peer group
        notes.append(_t("quota.note.kinds", lang, kinds=", ".join(esc(k) for k in group.kinds)))
    return notes


def quota_unplaced(quota: Any, lang: Lang, name: Any = terminal) -> str | None:
    """The note on eligible units in no bloc (``among: bloc``), or None."""
    if not quota.unplaced:
        return None
    return _t("quota.note.unplaced", lang,
              units=_cut_short([name(u) for u in quota.unplaced], lang))


def quota_sentence(quota: Any, unit: str, lang: Lang, name: Any = terminal,
                   esc: Any = terminal) -> str | None:
    """One unit's place in an award's quota, for ``--explain`` (None: not ranked by it)."""
    found = quota.place_of(unit)
    if found is None:
        return None
    group, place = found
    phrase = quota_phrase(quota.count, esc(group.bloc) if group.bloc is not None else None,
                          lang)
    if place.status == "tied":
        others = [name(p.unit) for p in group.places
                  if p.status == "tied" and p.unit != unit]
        text = _t("explain.quota.tied", lang, quota=phrase, place=place.place,
                  others=_cut_short(others, lang).replace("; ", ", "),
                  places=group.tied_places, n=len(others) + 1)
    else:
        text = _t(f"explain.quota.{place.status}", lang, quota=phrase, place=place.place)
    if not place.certain and place.status != "undecided":
        text += " " + _t("explain.quota.not-settled", lang)
    return text



def _condition_data(o: Any, lang: Lang) -> dict[str, Any]:
    return {"id": o.id, "kind": o.kind, "verdict": o.verdict, "basis": o.basis,
            "detail": _said(o.detail, lang), "section": o.section, "quote": o.quote}


def awards_data(report: Any, ev: Any, *, lazy: bool = False, plan: Plan | None = None,
                units: Sequence[UnitInfo] | None = None,
                lang: Lang | None = None) -> dict[str, Any]:
    """An awards report as JSON-ready data, in a fixed order. With ``lazy``, each award's
    ``candidates`` is an iterator built as it is read (for :func:`json_chunks`).

    ``labels`` names, in ``lang`` (default the current language), the windows (with ``plan``,
    the phases by their labels), the units that have a name (with ``units``), the awards'
    forms and the granting bodies; the notes and details are in ``lang`` too."""
    lang = lang or current()

    def candidates(award: Any) -> Iterator[dict[str, Any]]:
        for c in award.candidates:
            yield {"unit": c.unit, "standard": c.standard, "verdict": c.verdict,
                   "conditions": [_condition_data(o, lang) for o in c.conditions]}

    def place(quota: Any, p: Any) -> dict[str, Any]:
        return {"unit": p.unit, "place": p.place, "status": p.status, "certain": p.certain,
                "keys": dict(zip(quota.rank_by, p.keys, strict=True)),
                "best": dict(zip(quota.rank_by, p.best, strict=True))}

    def quota(q: Any) -> dict[str, Any] | None:
        if q is None:
            return None
        return {
            "count": q.count, "among": q.among, "rank_by": list(q.rank_by),
            "section": q.section, "quote": q.quote, "policy": q.policy, "reason": q.reason,
            "groups": [{
                "bloc": g.bloc, "count": g.count, "eligible": len(g.places),
                "tied_places": g.tied_places, "free_places": g.free_places,
                "settled": g.settled, "kinds": list(g.kinds),
                "granted": list(g.granted), "tied": list(g.tied), "next": list(g.next),
                "places": [place(q, p) for p in g.places],
                "undecided": [place(q, p) for p in g.undecided],
                "notes": quota_notes(q, g, lang),
            } for g in q.groups],
            "unplaced": list(q.unplaced),
        }

    windows = dict.fromkeys([*report.windows, *([report.conditions_window]
                                                if report.conditions_window else [])])
    names = _Names(windows, plan, units, lang)
    bodies = sorted({b for a in report.awards for b in (a.granted_by, a.proposed_by) if b})
    return {
        "plan": report.plan_id, "plan_hash": ev.plan_hash, "issued": _iso(ev.issued),
        "as_of": ev.as_of.isoformat(), "review": report.review, "occasion": report.occasion,
        "windows": list(report.windows), "conditions_window": report.conditions_window,
        "notes": [_said(n, lang) for n in report.notes],
        "labels": {"windows": names.windows, "units": names.units,
                   "forms": {f: FORMS[lang].get(f, f) for f in sorted(
                       {a.form for a in report.awards if a.form})},
                   "bodies": {b: body_name(b, lang) for b in bodies}},
        "standings": [{"unit": s.unit, "bloc": s.bloc, "score": s.score,
                       "criteria_met": s.criteria_met, "targets_met": s.targets_met,
                       "rank": s.rank, "bloc_size": s.bloc_size,
                       "bloc_complete": s.bloc_complete} for s in report.standings],
        "awards": [{
            "award": a.award, "label": {"vi": a.label_vi, "en": a.label_en}, "form": a.form,
            "granted_by": a.granted_by, "proposed_by": a.proposed_by,
            "eligible": sorted({c.unit for c in a.candidates if c.verdict == "met"}),
            "quota": quota(a.quota),
            "candidates": candidates(a) if lazy else list(candidates(a)),
        } for a in report.awards],
    }


def awards_csv(report: Any, lang: Lang | None = None) -> str:
    """One row per award, candidate and condition (ids and verdicts; the detail in
    ``lang``); cells a spreadsheet would run are neutralised."""
    import csv
    import io

    lang = lang or current()
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\r\n")
    writer.writerow(["award", "form", "granted_by", "unit", "standard", "verdict", "condition",
                     "condition_verdict", "basis", "detail", "section", "quota_place",
                     "quota_status", "quota_certain"])
    for a in report.awards:
        for c in a.candidates:
            found = a.quota.place_of(c.unit) if a.quota is not None else None
            ranked = ("", "", "") if found is None else (
                found[1].place, found[1].status, "true" if found[1].certain else "false")
            for o in c.conditions:
                writer.writerow([_safe_cell(v) for v in (
                    a.award, a.form or "", a.granted_by, c.unit, c.standard, c.verdict, o.id,
                    o.verdict, o.basis, _said(o.detail, lang), o.section, *ranked)])
    return EXCEL_BOM + buf.getvalue()


def awards_markdown(report: Any, ev: Any, *, plan: Plan | None = None,
                    units: Sequence[UnitInfo] | None = None,
                    lang: Lang | None = None) -> str:
    """The awards report as Markdown in ``lang``: per granting body and award (by its label
    and form), how many units are eligible and which, then the bloc rankings. With ``plan``,
    the phases are named by their labels; with ``units``, the units by their names."""
    lang = lang or current()
    windows = dict.fromkeys([*report.windows, *([report.conditions_window]
                                                if report.conditions_window else [])])
    names = _Names(windows, plan, units, lang)
    occasion = (_t(f"markdown.occasion.{_id(report.occasion)}", lang)
                if report.occasion in ("phase_review", "final_review", "yearly_review",
                                       "stage_review") else report.occasion)
    lines = ["# " + _t("markdown.awards.title", lang, plan=report.plan_id,
                       review=report.review, occasion=occasion), "",
             "- " + _t("markdown.awards.scope", lang, day=date_text(ev.as_of, lang),
                       windows=", ".join(names.window(w) for w in report.windows),
                       conditions=names.window(report.conditions_window)
                       if report.conditions_window else "-"),
             "- " + _t("markdown.plan-hash", lang, hash=f"`{ev.plan_hash}`"), ""]
    lines += [f"> {_said(n, lang)}" for n in report.notes]
    by_authority: dict[str, list[Any]] = {}
    for a in report.awards:
        by_authority.setdefault(a.granted_by, []).append(a)
    basis = {b: _t(f"markdown.basis.{_id(b)}", lang) for b in _BASES}
    for authority, items in by_authority.items():
        body = body_name(authority, lang)
        lines += ["## " + _t("markdown.awards.granted-by", lang, body=(
            f"{markdown_cell(body)} (`{authority}`)" if body != authority else authority)), ""]
        for a in items:
            counts = {v: sum(1 for c in a.candidates if c.verdict == v)
                      for v in ("met", "unknown", "not_met")}
            form = (FORMS[lang].get(a.form, a.form) if a.form else
                    _t("markdown.awards.no-form", lang))
            label = a.label_vi if lang == "vi" else a.label_en
            lines += [f"### {markdown_cell(label)} ({form})", "",
                      _t("markdown.awards.counts", lang, met=counts["met"],
                         unknown=counts["unknown"], not_met=counts["not_met"]), ""]
            eligible = [c for c in a.candidates if c.verdict == "met"]
            if eligible:
                lines += [f"| {_t('markdown.awards.col.unit', lang)} | "
                          f"{_t('markdown.awards.col.standard', lang)} | "
                          f"{_t('markdown.awards.col.conditions', lang)} |",
                          "| --- | --- | --- |"]
                lines += [f"| {names.unit(c.unit)} | {c.standard} | "
                          + ", ".join(f"{o.id} ({basis.get(o.basis, o.basis)})"
                                      for o in c.conditions) + " |"
                          for c in eligible]
                lines.append("")
            if a.quota is not None:
                lines += _quota_markdown(a.quota, names, lang)
    if report.standings:
        ranked = [s for s in report.standings if s.rank is not None]
        if ranked:
            cols = " | ".join(_t(f"markdown.awards.col.{c}", lang)
                              for c in ("bloc", "rank", "unit", "score", "targets-met"))
            lines += ["## " + _t("markdown.awards.rankings", lang), "", f"| {cols} |",
                      "| --- | ---: | --- | ---: | ---: |"]
            lines += [f"| {markdown_cell(s.bloc)} | {s.rank} | {names.unit(s.unit)} | "
                      f"{s.score} | {s.targets_met} |" for s in ranked]
            lines.append("")
    return "\n".join(lines)


def _quota_markdown(quota: Any, names: _Names, lang: Lang) -> list[str]:
    """An award's quota: its heading, then per group the units within, tied and next, and
    the notes."""
    lines = [f"**{quota_heading(quota, lang, markdown_cell)}**", ""]
    cols = " | ".join([_t("markdown.awards.col.place", lang),
                       _t("markdown.awards.col.unit", lang),
                       *(quota_key(k, lang) for k in quota.rank_by),
                       _t("markdown.awards.col.quota-status", lang)])
    rule = " | ".join(["---:", "---", *("---:" for _ in quota.rank_by), "---"])
    for group in quota.groups:
        lines += [quota_group_head(group, lang, markdown_cell), ""]
        rows = [p for p in group.places if p.status in _SHOWN]
        if rows:
            lines += [f"| {cols} |", f"| {rule} |"]
            lines += ["| " + " | ".join([str(p.place), names.unit(p.unit),
                                         *(quota_value(p, i) for i in range(len(p.keys))),
                                         quota_status(p, lang)]) + " |" for p in rows]
            lines.append("")
        notes = quota_notes(quota, group, lang, names.unit, markdown_cell)
        if notes:
            lines += [f"- {n}" for n in notes] + [""]
    unplaced = quota_unplaced(quota, lang, names.unit)
    if unplaced:
        lines += [f"- {unplaced}", ""]
    return lines


def awards_explain(report: Any, unit: str, lang: Lang | None = None) -> str:
    """Which tiers a unit is eligible for, why, and what it still lacks for the next tier, in
    ``lang`` (default the current language)."""
    lang = lang or current()
    rows = report.for_unit(unit)
    if not rows:
        return _t("explain.awards.none", lang, unit=unit, review=report.review) + "\n"
    basis = {b: _t(f"explain.basis.{_id(b)}", lang) for b in _BASES}
    lines = [f"{unit}, {report.review}:"]
    standing = next((s for s in report.standings if s.unit == unit), None)
    if standing is not None and standing.rank is not None:
        lines.append("  " + _t("explain.awards.rank", lang, rank=standing.rank,
                               size=standing.bloc_size, bloc=standing.bloc,
                               score=standing.score))
    verdicts = {v: _t(f"explain.awards.{_id(v)}", lang) for v in ("met", "not_met", "unknown")}
    for award, cand in rows:
        label = award.label_vi if lang == "vi" else award.label_en
        lines.append(f"  {label}: {verdicts[cand.verdict]}.")
        for o in cand.conditions:
            mark = "✓" if o.verdict == "met" else ("✗" if o.verdict == "not_met" else "?")
            lines.append(f"    {mark} {o.id}: {_said(o.detail, lang)} — "
                         f"{basis.get(o.basis, o.basis)}"
                         + (f" [{o.section}]" if o.section else ""))
        ranked = (quota_sentence(award.quota, unit, lang)
                  if award.quota is not None and cand.verdict != "not_met" else None)
        if ranked is not None:
            lines.append(f"    {ranked}")
    # tiers come lowest first: the next tier is the first one above the highest reached
    reached = max((i for i, (_, c) in enumerate(rows) if c.verdict == "met"), default=-1)
    higher = [(a, c) for i, (a, c) in enumerate(rows) if i > reached and c.verdict != "met"]
    if higher:
        award, cand = higher[0]
        lacks = "; ".join(f"{o.id} ({_said(o.detail, lang)})" for o in cand.lacking)
        lines.append("  " + _t("explain.awards.lacking", lang,
                               award=award.label_vi if lang == "vi" else award.label_en,
                               lacks=lacks))
    return "\n".join(lines) + "\n"
