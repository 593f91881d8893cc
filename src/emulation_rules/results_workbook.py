"""The results workbook: an evaluation as an Excel file a district office hands to its superiors.

``write_results_workbook("ket_qua.xlsx", ev, plan, units=units, rejected=issues,
inputs=[("metrics.csv", "sha256:...")], report=awards_report)`` writes (openpyxl, the ``excel``
extra):

1. **One sheet per window** of the evaluation (``ev.windows``), named by its Vietnamese label:
   a phase by the plan's ``label.vi`` ("Đợt 1"), the campaign "Toàn kế hoạch", a year
   "Năm 2026", a stage "Giai đoạn 2026-2030" (with ``lang="en"``: the phase's ``label.en``,
   "Whole plan", "Year 2026", "Stage 2026-2030"); a name is made fit for Excel (none of
   ``: \\ / ? * [ ]``, at most 31 characters, unique). Row 1 holds the labels, row 2 the ids;
   data from row 3. Columns: unit name, unit id, kind; each criterion's verdict in words
   ("đạt", "không đạt", "chưa xác định"; met, not met, undecided), coloured green, red or amber
   by conditional formatting (the word is always there: colour is never the only signal); for
   each target its observed value as a number (a ratio as a percentage, ``0.00%``; a count, or
   the months met of a month-by-month target, as a whole number) and its margin (observed
   minus threshold, signed); last, a note. The verdict columns are what the evaluator decides
   (:func:`emulation_rules.evaluation.decided_conditions`): the criteria with targets, then
   each award whose metric or attestation conditions it decides ("... (điều kiện khen
   thưởng)"), with those conditions as its targets. A yes/no attestation over the window
   shows "có"/"không" and a combination (any_of, all_of) over the window its verdict word,
   neither with a margin. A cell of a criterion or target the unit's kind is not evaluated for
   stays blank, and so does a value the evaluator has none for (a share with no known cell).
   **Units without data** (``ev.no_data``: no row speaks for them) are listed after the
   others, their note saying so ("không có số liệu"), so that every unit of the units file is
   on the sheet. Below the table, after a blank row: whether the window had ended on the as-of
   date (a running window's verdicts are not final) and how to read the blanks.
2. **"Ứng viên khen thưởng"** (with ``report``): one row per candidate and award condition:
   the award, its form and granting body, the unit, the standard, the candidate's verdict, the
   condition, its verdict, the detail and the section cited.
3. **"Dòng bị loại"**: each rejected row (``rejected``, by default ``ev.rejected``): file, row,
   column, code, message, what the code means (``emulation_rules.codes``) and the hint, in the
   workbook's language.
4. **"Thông tin"**: the decision record: the plan (id, title, document number, issuer), the
   issue date used, the as-of date, the plan hash, each input file with its hash, rows read,
   evaluated and rejected, each window with its sheet and state, the awards review, the tool
   version.

**Inert.** Every text from the inputs (names, ids, messages, labels) is a string cell, never a
formula, whatever it starts with (``=``, ``+``, ``-``, ``@``): its data type is set to string
after the value, and a text starting with one of those characters also gets Excel's quote
prefix, so that editing the cell in Excel keeps it text. Control and invisible characters are
shown escaped (``\\x1b``). Numbers stay numbers (a negative margin is a number cell).

**Words.** The verdict words, forms, granting bodies, window labels, the verdict columns and
the labels the HTML report shows too are those of :mod:`emulation_rules.labels`; the
workbook's own are the catalogue's ``workbook.*`` messages (:mod:`emulation_rules.i18n`).

**Reproducible.** The same inputs give the same bytes: the document's dates are the as-of date
and the archive's entries carry a fixed date (:func:`emulation_rules.template._reproducible_bytes`).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime, time
from os import PathLike
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from ._inert import shown, terminal
from .errors import EmulationRulesError, Issue, MissingExtra
from .i18n import LANGS, Lang, Msg, current, msg
from .i18n import text as _t
from .labels import (
    FORMS,
    TEXT,
    WORDS,
    Group,
    body_name,
    date_text,
    issue_column,
    issue_meaning,
    layout,
    window_label,
)
from .model import Plan, plan_hash
from .records import UnitInfo
from .results import Evaluation, UnitResult
from .template import _reproducible_bytes

if TYPE_CHECKING:
    from openpyxl.cell.cell import Cell, MergedCell
    from openpyxl.workbook.workbook import Workbook
    from openpyxl.worksheet.worksheet import Worksheet

    from .eligibility import AwardsReport

__all__ = [
    "ResultsExcelMissingError",
    "ResultsWorkbookError",
    "sheet_name",
    "write_results_workbook",
]

EXCEL_CELL_CHARS = 32_767
"""The most characters an Excel cell holds."""
SHEET_NAME_UNITS = 31
"""The most characters (UTF-16 code units) an Excel sheet name holds."""
_SHEET_FORBIDDEN = frozenset(":\\/?*[]")
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\n")
"""What a spreadsheet may take for the start of a formula when the cell is edited."""

FIRST_DATA_ROW = 3
"""Row 1: labels; row 2: ids; data from row 3 (on every table sheet)."""

_HEAD_FILL = "DDEBF7"
_IDS_FILL = "F2F2F2"
_MET_FILL = "C6EFCE"
_NOT_MET_FILL = "FFC7CE"
_UNKNOWN_FILL = "FFEB9C"

_KINDS: dict[str, Msg] = {
    "team": msg("workbook.kind.team"),
    "commune": msg("workbook.kind.commune"),
    "district": msg("workbook.kind.district"),
    "province": msg("workbook.kind.province"),
    "agency": msg("workbook.kind.agency"),
    "business": msg("workbook.kind.business"),
    "school": msg("workbook.kind.school"),
    "person": msg("workbook.kind.person"),
}
"""A unit's kind by name (only the workbook shows kinds; any other kind: its id)."""


def _labels(lang: Lang) -> dict[str, str]:
    """The workbook's labels by key (those without placeholders, looked up once per
    workbook): the shared ones of :data:`labels.TEXT <emulation_rules.labels.TEXT>` and the
    workbook's own, from the catalogue (``workbook.*``)."""
    own = {
        "candidates_sheet": _t("workbook.candidates-sheet", lang),
        "rejected_sheet": _t("workbook.rejected-sheet", lang),
        "record_sheet": _t("workbook.record-sheet", lang),
        "name": _t("workbook.name", lang),
        "unit": _t("workbook.unit", lang),
        "kind": _t("workbook.kind", lang),
        "note": _t("workbook.note", lang),
        "no_data": _t("workbook.no-data", lang),
        "yes": _t("workbook.yes", lang),
        "no": _t("workbook.no", lang),
        "blank_help": _t("workbook.blank-help", lang),
        "margin_help": _t("workbook.margin-help", lang),
        "award": _t("workbook.award", lang),
        "form": _t("workbook.form", lang),
        "granted_by": _t("workbook.granted-by", lang),
        "condition": _t("workbook.condition", lang),
        "condition_verdict": _t("workbook.condition-verdict", lang),
        "detail": _t("workbook.detail", lang),
        "section": _t("workbook.section", lang),
        "quota_place": _t("workbook.quota-place", lang),
        "quota_status": _t("workbook.quota-status", lang),
        "hint": _t("workbook.hint", lang),
        "item": _t("workbook.item", lang),
        "value": _t("workbook.value", lang),
        "more": _t("workbook.more", lang),
        "not_needed": _t("workbook.not-needed", lang),
        "input": _t("workbook.input", lang),
        "rows_total": _t("workbook.rows-total", lang),
        "rows_used": _t("workbook.rows-used", lang),
        "rows_rejected": _t("workbook.rows-rejected", lang),
        "window": _t("workbook.window", lang),
        "conditions_window": _t("workbook.conditions-window", lang),
        "award_note": _t("workbook.award-note", lang),
        "version": _t("workbook.version", lang),
    }
    return {**TEXT[lang], **own}


class ResultsWorkbookError(EmulationRulesError):
    """The results workbook cannot be written from these inputs (an unknown language, an
    evaluation of another plan, no openpyxl)."""


class ResultsExcelMissingError(ResultsWorkbookError, MissingExtra):
    """openpyxl is not installed: ``pip install 'emulation-rules[excel]'``."""


def _openpyxl() -> Any:
    try:
        import openpyxl
    except ImportError:
        raise ResultsExcelMissingError(msg("workbook.no-openpyxl")) from None
    return openpyxl


# ---------------------------------------------------------------------------------------------
# sheet names


def _utf16_units(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def _fit(text: str, limit: int) -> str:
    """``text`` cut to at most ``limit`` UTF-16 code units (what Excel counts)."""
    while _utf16_units(text) > limit:
        text = text[:-1]
    return text


def sheet_name(label: str, taken: set[str]) -> str:
    """``label`` as a sheet name Excel accepts, not in ``taken`` (compared case-insensitively,
    as Excel does), which it is added to: control and invisible characters dropped, each of
    ``: \\ / ? * [ ]`` made ``-``, spaces collapsed, no apostrophe at either end, at most 31
    characters; a name already taken gets " (2)", " (3)"... ."""
    text = "".join("-" if c in _SHEET_FORBIDDEN else " " if c.isspace() else c
                   for c in label if c.isprintable() or c.isspace())
    text = " ".join(text.split()).strip("'").strip() or "-"
    if text.casefold() == "history":  # a name Excel keeps for itself
        text += " -"
    base = _fit(text, SHEET_NAME_UNITS).rstrip("'").rstrip() or "-"
    name, k = base, 1
    while name.casefold() in taken:
        k += 1
        suffix = f" ({k})"
        name = _fit(base, SHEET_NAME_UNITS - len(suffix)).rstrip("'").rstrip() + suffix
    taken.add(name.casefold())
    return name


# ---------------------------------------------------------------------------------------------
# cells


def _text(value: str) -> str:
    """A text from the inputs as a cell's text: control and invisible characters shown
    escaped, at most what a cell holds."""
    value = terminal(value)
    return value if len(value) <= EXCEL_CELL_CHARS else value[:EXCEL_CELL_CHARS - 1] + "…"


def _put(cell: Cell | MergedCell, value: object, number_format: str | None = None) -> None:
    """Write ``value``: a text as a string cell (never a formula, never an error value), a
    number as a number, a date as a date; None or "" leaves the cell blank."""
    plain = cast("Cell", cell)  # no cell is merged here
    if value is None or value == "":
        plain.value = None
        return
    if isinstance(value, str):
        text = _text(value)
        plain.value = text
        plain.data_type = "s"  # openpyxl takes "=..." for a formula and "#N/A" for an error
        if text.startswith(_FORMULA_START):
            plain.quotePrefix = True  # Excel keeps it text when the cell is edited
        return
    if isinstance(value, bool):
        raise TypeError("a workbook cell takes no bool here")  # pragma: no cover
    if isinstance(value, int | float | date):
        plain.value = value
        if number_format is not None:
            plain.number_format = number_format
        return
    raise TypeError(f"cannot write {type(value).__name__} to a cell")  # pragma: no cover


def _date_format(lang: Lang) -> str:
    return "DD/MM/YYYY" if lang == "vi" else "YYYY-MM-DD"


# ---------------------------------------------------------------------------------------------
# the workbook


def write_results_workbook(path: str | PathLike[str], ev: Evaluation, plan: Plan, *,
                           units: Sequence[UnitInfo] | None = None,
                           rejected: Sequence[Issue] | None = None,
                           inputs: Sequence[tuple[str, str]] = (),
                           report: AwardsReport | None = None,
                           lang: Lang | None = "vi") -> None:
    """Write the results of ``ev`` (an evaluation of ``plan``) to ``path`` (.xlsx): a sheet per
    window, the award candidates (with ``report``), the rejected rows and the decision record
    (see the module's documentation).

    ``units`` gives the units' names and kinds (without it the names are blank and a kind is
    the level of the unit's targets). ``rejected`` lists the issues of the rejected rows; None
    lists ``ev.rejected`` (pass the input files' issues as well to list them too). ``inputs``
    are (file name, ``sha256:...``) pairs for the record. ``lang`` chooses the language of the
    sheet names, labels, words and rejected rows' messages (``vi`` or ``en``; None: the
    current language, :func:`emulation_rules.i18n.current`); row 2 of a table always holds
    ids.

    Raises :class:`ResultsExcelMissingError` without openpyxl and
    :class:`ResultsWorkbookError` for an unknown ``lang`` or an evaluation of another plan
    (their text in the current language)."""
    if lang is None:
        lang = current()
    if lang not in LANGS:
        raise ResultsWorkbookError(msg("documents.unknown-lang", lang=shown(lang)))
    if ev.plan_id != plan.id or ev.plan_hash != plan_hash(plan):
        raise ResultsWorkbookError(msg("documents.other-plan", evaluated=shown(ev.plan_id),
                                       hash=ev.plan_hash, plan=shown(plan.id)))
    openpyxl = _openpyxl()
    text = _labels(lang)
    issues = tuple(ev.rejected if rejected is None else rejected)
    info = {u.id: u for u in units or ()}

    wb: Workbook = openpyxl.Workbook()
    wb.remove(wb.worksheets[0])
    taken = {text[k].casefold() for k in ("candidates_sheet", "rejected_sheet", "record_sheet")}
    names: dict[str, str] = {}
    for window in ev.windows:
        names[window] = sheet_name(window_label(window, plan, lang), taken)
    by_window: dict[str, list[UnitResult]] = {w: [] for w in ev.windows}
    for res in ev.results:
        by_window.setdefault(res.window, []).append(res)
    silent = frozenset(ev.no_data)
    groups = layout(plan, lang)
    for window in ev.windows:
        ws: Worksheet = wb.create_sheet(names[window])
        listed = ([r for r in by_window[window] if r.unit not in silent]
                  + [r for r in by_window[window] if r.unit in silent])
        _fill_window_sheet(ws, ev, window, groups, listed, silent, info, text, lang)
    if report is not None:
        _fill_candidates_sheet(wb.create_sheet(text["candidates_sheet"]), report, info, text,
                               lang)
    _fill_rejected_sheet(wb.create_sheet(text["rejected_sheet"]), issues, text, lang)
    _fill_record_sheet(wb.create_sheet(text["record_sheet"]), ev, plan, names, inputs, report,
                       text, lang)

    stamp = datetime.combine(ev.as_of, time())
    wb.properties.creator = "emulation-rules"
    wb.properties.title = f"{plan.id} {ev.as_of.isoformat()}"[:255]
    wb.properties.created = wb.properties.modified = stamp
    Path(path).write_bytes(_reproducible_bytes(wb))


def _header(ws: Worksheet, labels: Sequence[str], ids: Sequence[str],
            widths: Sequence[float]) -> None:
    """Rows 1 (labels) and 2 (ids), the column widths, row 1 tall enough for its labels."""
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.properties import PageSetupProperties

    head_font, head_fill = Font(bold=True), PatternFill("solid", fgColor=_HEAD_FILL)
    ids_font = Font(italic=True, color="595959", size=9)
    ids_fill = PatternFill("solid", fgColor=_IDS_FILL)
    wrap = Alignment(wrap_text=True, vertical="top")
    lines = 1
    for j, (label, cid, width) in enumerate(zip(labels, ids, widths, strict=True), start=1):
        head = ws.cell(row=1, column=j)
        _put(head, label)
        head.font, head.fill, head.alignment = head_font, head_fill, wrap
        key = ws.cell(row=2, column=j)
        _put(key, cid)
        key.font, key.fill = ids_font, ids_fill
        ws.column_dimensions[get_column_letter(j)].width = width
        lines = max(lines, -(-len(label) // max(1, int(width) - 2)))
    ws.row_dimensions[1].height = min(409, 15 * lines + 3)
    ws.print_title_rows = "1:2"
    ws.page_setup.orientation = "landscape"
    ws.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0


def _table_end(ws: Worksheet, columns: int, rows: int, freeze: str) -> None:
    """Freeze the header (and the columns left of ``freeze``), filter on the ids row."""
    from openpyxl.utils import get_column_letter

    ws.freeze_panes = freeze
    last_row = max(2, FIRST_DATA_ROW + rows - 1)
    ws.auto_filter.ref = f"A2:{get_column_letter(max(1, columns))}{last_row}"


def _verdict_colours(ws: Worksheet, ref: str, lang: Lang) -> None:
    """Green, red and amber fills on the cells of ``ref`` equal to a verdict's word."""
    from openpyxl.formatting.rule import CellIsRule
    from openpyxl.styles import PatternFill

    words = WORDS[lang]
    for verdict, colour in (("met", _MET_FILL), ("not_met", _NOT_MET_FILL),
                            ("unknown", _UNKNOWN_FILL)):
        ws.conditional_formatting.add(ref, CellIsRule(  # type: ignore[no-untyped-call]
            operator="equal", formula=[f'"{words[verdict]}"'],
            fill=PatternFill("solid", fgColor=colour, bgColor=colour)))


def _unit_width(values: Sequence[str], label: str, low: int, high: int) -> int:
    return min(max(max([len(v) for v in values[:10_000]] + [len(label)]) + 2, low), high)


def _fill_window_sheet(ws: Worksheet, ev: Evaluation, window: str, groups: Sequence[Group],
                       listed: Sequence[UnitResult], silent: frozenset[str],
                       info: dict[str, UnitInfo], text: dict[str, str], lang: Lang) -> None:
    from openpyxl.utils import get_column_letter

    words = WORDS[lang]
    yes_no = (text["no"], text["yes"])
    labels = [text["name"], text["unit"], text["kind"], *(g.label for g in groups)]
    ids = ["name", "unit", "kind", *(g.id for g in groups)]
    crit_col = {g.id: 4 + k for k, g in enumerate(groups)}
    target_col: dict[tuple[str, str], int] = {}
    j = 4 + len(groups)
    for g in groups:
        for column in g.targets:
            labels.append(column.label)
            ids.append(column.id)
            if column.margin:
                labels.append(_t("workbook.margin", lang, label=column.label))
                ids.append(f"{column.id}.margin")
            target_col[(g.id, column.target)] = j
            j += 2 if column.margin else 1
    note_col = j
    labels.append(text["note"])
    ids.append("note")

    kinds = {kind: said.render(lang) for kind, said in _KINDS.items()}
    for i, res in enumerate(listed, start=FIRST_DATA_ROW):
        unit = info.get(res.unit)
        explained = res.explained()
        kind = unit.kind if unit is not None else next(
            (t.level for c in explained for t in c.targets if t.level), "")
        _put(ws.cell(row=i, column=1), unit.name if unit is not None else "")
        _put(ws.cell(row=i, column=2), res.unit)
        _put(ws.cell(row=i, column=3), kinds.get(kind, kind))
        for c in explained:
            col = crit_col.get(c.criterion)
            if col is None:
                continue
            _put(ws.cell(row=i, column=col), words.get(c.verdict, c.verdict))
            for t in c.targets:
                col = target_col.get((c.criterion, t.target))
                if col is None:
                    continue
                if t.per == "total" and t.kind == "attestation":
                    _put(ws.cell(row=i, column=col), "" if t.observed is None else
                         yes_no[bool(t.observed)])
                    continue
                if t.per == "total" and t.kind in ("any_of", "all_of"):
                    _put(ws.cell(row=i, column=col), words.get(t.verdict, t.verdict))
                    continue
                if t.nothing_known:  # no known cell: no value, not a misleading 0
                    continue
                share = t.kind == "ratio" and t.per == "total"
                _put(ws.cell(row=i, column=col), t.observed, "0.00%" if share else "0")
                _put(ws.cell(row=i, column=col + 1), t.margin,
                     "+0.00%;-0.00%;0.00%" if share else "+0;-0;0")
        if res.unit in silent:
            _put(ws.cell(row=i, column=note_col), text["no_data"])

    widths: list[float] = [
        _unit_width([info[r.unit].name if r.unit in info else "" for r in listed],
                    labels[0], 16, 40),
        _unit_width([r.unit for r in listed], labels[1], 10, 24), 11]
    widths += [16.0] * len(groups) + [14.0] * (len(ids) - 4 - len(groups)) + [18.0]
    _header(ws, labels, ids, widths)
    _table_end(ws, len(ids), len(listed), "D3")
    if groups:
        last_row = max(FIRST_DATA_ROW, FIRST_DATA_ROW + len(listed) - 1)
        _verdict_colours(ws, f"D{FIRST_DATA_ROW}:{get_column_letter(3 + len(groups))}"
                         f"{last_row}", lang)

    said = {"label": ws.title, "id": window, "as_of": date_text(ev.as_of, lang)}
    notes = [_t("workbook.ended", lang, **said) if ev.complete.get(window, True) else
             _t("workbook.running", lang, **said), text["blank_help"], text["margin_help"]]
    if silent:
        notes.append(_t("workbook.no-data-help", lang, n=len(silent)))
    for k, note in enumerate(notes, start=FIRST_DATA_ROW + len(listed) + 1):
        _put(ws.cell(row=k, column=1), note)


def _fill_candidates_sheet(ws: Worksheet, report: AwardsReport, info: dict[str, UnitInfo],
                           text: dict[str, str], lang: Lang) -> None:
    from openpyxl.utils import get_column_letter

    from .reporting import quota_status

    words = WORDS[lang]
    keys: tuple[str, ...] = ("award", "form", "granted_by", "name", "unit", "standard",
                             "verdict", "condition", "condition_verdict", "detail", "section")
    widths = [40, 16, 30, 30, 14, 12, 14, 18, 14, 60, 8]
    # a quota's place and status, in two columns more when an award of the review has one
    quotas = any(a.quota is not None for a in report.awards)
    if quotas:
        keys += ("quota_place", "quota_status")
        widths += [10, 30]
    labels = [text[k] for k in keys]
    row = FIRST_DATA_ROW
    for award in report.awards:
        head = [award.label_vi if lang == "vi" else award.label_en,
                FORMS[lang].get(award.form, award.form) if award.form else "",
                body_name(award.granted_by, lang)]
        for cand in award.candidates:
            unit = info.get(cand.unit)
            who = [unit.name if unit is not None else "", cand.unit, cand.standard,
                   words.get(cand.verdict, cand.verdict)]
            found = award.quota.place_of(cand.unit) if award.quota is not None else None
            ranked: list[object] = ([found[1].place, quota_status(found[1], lang)]
                                    if found is not None else [None, ""])
            for cond in cand.conditions or (None,):
                values: list[object] = [*head, *who]
                values += ([cond.id, words.get(cond.verdict, cond.verdict), cond.detail,
                            cond.section or ""] if cond is not None else ["", "", "", ""])
                if quotas:
                    values += ranked
                for j, value in enumerate(values, start=1):
                    _put(ws.cell(row=row, column=j), value, "0")
                row += 1
    rows = row - FIRST_DATA_ROW
    _header(ws, labels, list(keys), widths)
    _table_end(ws, len(keys), rows, "F3")
    last_row = max(FIRST_DATA_ROW, row - 1)
    for j in (keys.index("verdict") + 1, keys.index("condition_verdict") + 1):
        letter = get_column_letter(j)
        _verdict_colours(ws, f"{letter}{FIRST_DATA_ROW}:{letter}{last_row}", lang)


def _fill_rejected_sheet(ws: Worksheet, issues: Sequence[Issue], text: dict[str, str],
                         lang: Lang) -> None:
    keys = ("file", "row", "column", "code", "message", "meaning", "hint")
    labels = [text[k] for k in keys]
    for i, issue in enumerate(issues, start=FIRST_DATA_ROW):
        loc = issue.location
        values: list[object] = [loc.file, loc.line or None, issue_column(issue), issue.code,
                                issue.message_in(lang), issue_meaning(issue, lang),
                                issue.hint_in(lang) or ""]
        for j, value in enumerate(values, start=1):
            _put(ws.cell(row=i, column=j), value, "0")
    _header(ws, labels, list(keys), [36, 8, 20, 22, 60, 60, 40])
    _table_end(ws, len(keys), len(issues), "A3")


def _fill_record_sheet(ws: Worksheet, ev: Evaluation, plan: Plan, names: dict[str, str],
                       inputs: Sequence[tuple[str, str]], report: AwardsReport | None,
                       text: dict[str, str], lang: Lang) -> None:
    from . import __version__

    vi = lang == "vi"
    day = _date_format(lang)
    issuer = plan.issuer
    lines: list[tuple[str, object, str]] = [
        (text["plan_id"], plan.id, ""),
        (text["title"], plan.title.vi if vi else plan.title.en, ""),
        (text["document"], (plan.document.number or "") if plan.document else "", ""),
        (text["issuer"], (issuer.name.vi if vi else issuer.name.en) if issuer else "", ""),
        (text["issued"], ev.issued if ev.issued is not None else text["not_needed"], ""),
        (text["as_of"], ev.as_of, ""),
        (text["plan_hash"], ev.plan_hash, ""),
    ]
    lines += [(text["input"], name, digest) for name, digest in inputs]
    lines += [(text["rows_total"], ev.rows_total, ""), (text["rows_used"], ev.rows_used, ""),
              (text["rows_rejected"], ev.rows_rejected, ""),
              (text["no_data_units"], len(ev.no_data), "")]
    lines += [(text["window"], names[w], f"{w}: " + text[
        "window_ended" if ev.complete.get(w, True) else "window_running"]) for w in ev.windows]
    if report is not None:
        lines.append((text["review"], report.review, report.occasion))
        if report.conditions_window:
            lines.append((text["conditions_window"], report.conditions_window, ""))
        lines += [(text["award_note"], note, "") for note in report.notes]
    lines.append((text["version"], f"emulation-rules {__version__}", ""))
    for i, (item, value, more) in enumerate(lines, start=FIRST_DATA_ROW):
        _put(ws.cell(row=i, column=1), item)
        _put(ws.cell(row=i, column=2), value, day if isinstance(value, date) else "0")
        _put(ws.cell(row=i, column=3), more)
    _header(ws, [text["item"], text["value"], text["more"]], ["item", "value", "detail"],
            [32, 60, 76])
    ws.freeze_panes = "A3"
