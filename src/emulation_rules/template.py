"""The data-entry workbook a commune fills in: one row per unit and month, one column per count.

``write_entry_workbook(plan, units, "2024-10", "2025-08", "nhap_lieu.xlsx")`` writes an Excel
workbook (openpyxl, the ``excel`` extra) that staff fill in and the metrics reader reads back;
:func:`entry_layout` computes its content (which rows, which columns, which cells each row
gives) without openpyxl.

**Columns.** ``unit``, ``name``, ``period``, then every metric and attestation the plan reads:
what its targets read, and what the metric and attestation conditions of its collective award
standards read (the conditions :func:`emulation_rules.evaluate` decides), metrics first, each
group in the vocabulary's order. The columns depend on the plan only, so every workbook of a
plan has the same header. Row 1 holds the labels (the vocabulary's ``vi`` labels, or ``en``),
row 2 the ids: the header a reader keys on is row 2 (the first row whose non-empty cells are all
identifiers), and row 1 is above it.

**Rows.** For each unit in the order given, then each month from ``first`` to ``last``, a row,
when the unit gives some cell (below); the period is the text ``2024-10``. A unit gives what
the evaluator reads from its own rows: a unit whose kind a target (``level``) or a collective
award condition applies to gives the columns those read on its own row, except a team-level
metric (``force_members``) of a unit that has teams under it in ``units``: that is given on its
teams' rows, which the evaluator sums (``examples/kon_plong_metrics.csv``: commune counts on
commune rows, team counts on team rows). A unit no target applies to and that is no such team
(a district in ``kon_plong``) has no row.

**Cells.** A cell its row does not give is grey and takes nothing (a validation refuses any
entry: its number is read elsewhere, or not at all). Counts take whole numbers from 0 (Excel's
``whole`` validation); a ratio's part and whole in one row are checked together (a custom
validation: the part is not above its whole, on both cells, since Excel checks only the cell
being edited); attestations take ``có``/``không`` (``yes``/``no`` in English) from a list. A
blank cell is missing data, never 0. Excel checks what is typed, not what is pasted: the reader
and the evaluator check every cell again.

**Words.** The labels, the validation messages, the notes and the errors are the catalogue's
``entry.*`` messages (:mod:`emulation_rules.i18n`), in Vietnamese or English.

**Safe and reproducible.** Text from the units file or the plan is written as text, never as a
formula (a name ``=1+1`` stays a string); control characters in names and labels are shown
escaped (a unit id that a workbook cannot hold is refused). The output is byte-for-byte the same
for the same inputs: the document's dates are the first day of ``first`` and the archive's
entries carry a fixed date.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from os import PathLike
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, cast

from . import limits
from ._cells import UnitTree
from ._inert import shown, terminal
from .conditions import reads_of
from .errors import EmulationRulesError, MissingExtra
from .evaluation import decided_conditions, ratio_pairs
from .i18n import LANGS, Lang, Msg, current, msg
from .i18n import text as _t
from .model import Plan
from .records import UnitInfo
from .vocabulary import ATTESTATIONS, METRICS

if TYPE_CHECKING:
    from openpyxl.cell.cell import Cell, MergedCell
    from openpyxl.workbook.workbook import Workbook
    from openpyxl.worksheet.worksheet import Worksheet

__all__ = [
    "MAX_ROWS",
    "EntryColumn",
    "EntryLayout",
    "EntryRow",
    "EntryWorkbookError",
    "ExcelSupportMissingError",
    "Reader",
    "entry_layout",
    "plan_readers",
    "write_entry_workbook",
]

MAX_ROWS = 50_000
"""The most data rows a workbook gets. openpyxl builds the workbook in memory: 50,000 rows of
``kon_plong`` take about 13 s and 390 MB (measured), a province's teams for about four years
(Excel itself holds 1,048,574 rows below the two header rows). Split a larger one by district
or by year."""

EXCEL_CELL_CHARS = 32_767
"""The most characters an Excel cell holds."""

_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
"""What an XLSX cell cannot hold (openpyxl refuses it): C0 controls but tab, LF and CR."""
_FIXED_ZIP_TIME = (1980, 1, 1, 0, 0, 0)

FIRST_DATA_ROW = 3
"""Row 1: labels; row 2: ids (the header a reader keys on); data from row 3."""

_GREY = "D9D9D9"
_HEAD_FILL = "DDEBF7"
_IDS_FILL = "F2F2F2"

def _labels(lang: Lang) -> dict[str, str]:
    """The workbook's words by key, from the catalogue (``entry.*``), looked up once per
    workbook."""
    return {
        "data_sheet": _t("entry.data-sheet", lang),
        "help_sheet": _t("entry.help-sheet", lang),
        "unit": _t("entry.unit", lang),
        "name": _t("entry.name", lang),
        "period": _t("entry.period", lang),
        "yes_no": _t("entry.yes-no", lang),
        "whole_title": _t("entry.whole-title", lang),
        "whole": _t("entry.whole", lang),
        "list_title": _t("entry.list-title", lang),
        "list": _t("entry.list", lang),
        "grey_title": _t("entry.grey-title", lang),
        "grey": _t("entry.grey", lang),
        "h_col": _t("entry.h-col", lang),
        "h_id": _t("entry.h-id", lang),
        "h_vi": _t("entry.h-vi", lang),
        "h_en": _t("entry.h-en", lang),
        "h_level": _t("entry.h-level", lang),
        "h_rows": _t("entry.h-rows", lang),
        "h_value": _t("entry.h-value", lang),
        "h_rule": _t("entry.h-rule", lang),
        "h_section": _t("entry.h-section", lang),
        "h_readers": _t("entry.h-readers", lang),
        "v_unit": _t("entry.v-unit", lang),
        "v_name": _t("entry.v-name", lang),
        "v_period": _t("entry.v-period", lang),
        "v_metric": _t("entry.v-metric", lang),
        "v_attestation": _t("entry.v-attestation", lang),
        "all_rows": _t("entry.all-rows", lang),
        "criterion": _t("entry.criterion", lang),
        "award": _t("entry.award", lang),
        "local": _t("entry.local", lang),
    }


class EntryWorkbookError(EmulationRulesError):
    """The data-entry workbook cannot be made from these inputs (a bad month, too many rows, a
    unit listed twice or with an id a workbook cannot hold)."""


class ExcelSupportMissingError(EntryWorkbookError, MissingExtra):
    """openpyxl is not installed: ``pip install 'emulation-rules[excel]'``."""


@dataclass(frozen=True)
class Reader:
    """A target, or a metric or attestation condition of a collective award standard: what
    reads the workbook's columns, for which unit kinds."""

    owner: str
    """The criterion id (a target) or the award id (an award condition)."""
    owner_kind: Literal["criterion", "award"]
    id: str
    """The target's or the condition's id."""
    section: str | None
    """The source section ("4.1", "II.4"); None for a local policy."""
    kinds: frozenset[str]
    """The unit kinds it is evaluated for."""
    reads: tuple[str, ...]
    """The metric and attestation ids it reads, in order."""


@dataclass(frozen=True)
class EntryColumn:
    """A metric or attestation column of the data sheet."""

    id: str
    vi: str
    en: str
    kind: Literal["metric", "attestation"]
    level: str
    """The vocabulary's level of a metric ("team", "commune", ...); "" for an attestation."""
    not_above: tuple[str, ...]
    """The wholes this column is a part of (a ratio's numerator: not above its denominator)."""
    not_below: tuple[str, ...]
    """The parts this column is the whole of."""
    readers: tuple[Reader, ...]


@dataclass(frozen=True)
class EntryRow:
    """One data row: a unit and a month, and the columns the row gives (the others are grey)."""

    unit: str
    name: str
    kind: str
    period: str
    gives: frozenset[str]


@dataclass(frozen=True)
class EntryLayout:
    """The content of the data-entry workbook, without openpyxl."""

    plan_id: str
    months: tuple[str, ...]
    columns: tuple[EntryColumn, ...]
    rows: tuple[EntryRow, ...]

    @property
    def ids(self) -> tuple[str, ...]:
        """Row 2 of the data sheet: ``unit``, ``name``, ``period``, then the column ids."""
        return ("unit", "name", "period", *(c.id for c in self.columns))


def plan_readers(plan: Plan) -> list[Reader]:
    """What the evaluator decides from the cells (:func:`emulation_rules.evaluation.\
decided_conditions`), with the columns each reads."""
    return [Reader(d.owner, d.owner_kind, d.id, d.section, d.kinds,
                   tuple(reads_of(d.condition))) for d in decided_conditions(plan)]


def _month_number(text: str, which: Msg) -> int:
    m = _MONTH.match(text) if isinstance(text, str) else None
    if m is None or not 1 <= int(m.group(2)) <= 12:
        raise EntryWorkbookError(msg("entry.bad-month", which=which, value=shown(text)))
    year = int(m.group(1))
    if not limits.FIRST_DAY.year <= year <= limits.LAST_DAY.year:
        raise EntryWorkbookError(msg("entry.month-outside", which=which, value=text,
                                     low=limits.FIRST_DAY.year, high=limits.LAST_DAY.year))
    return year * 12 + int(m.group(2)) - 1


def _months(first: str, last: str) -> tuple[str, ...]:
    start = _month_number(first, msg("entry.month.first"))
    end = _month_number(last, msg("entry.month.last"))
    if end < start:
        raise EntryWorkbookError(msg("entry.months-reversed", first=first, last=last))
    return tuple(f"{k // 12:04d}-{k % 12 + 1:02d}" for k in range(start, end + 1))


def entry_layout(plan: Plan, units: Sequence[UnitInfo], first: str, last: str
                 ) -> EntryLayout:
    """The workbook's content: its columns, and a row per unit (in the order given) and month
    from ``first`` to ``last`` (``YYYY-MM``, both included), with the columns each row gives.

    Raises :class:`EntryWorkbookError` for a month not written ``YYYY-MM``, ``last`` before
    ``first``, a unit listed twice, or more than :data:`MAX_ROWS` rows."""
    months = _months(first, last)
    readers = plan_readers(plan)
    read = {c for r in readers for c in r.reads}
    pairs = ratio_pairs(plan)
    columns: list[EntryColumn] = []
    for cid in [m for m in METRICS if m in read] + [a for a in ATTESTATIONS if a in read]:
        above = tuple(w for p, w in pairs if p == cid)
        below = tuple(p for p, w in pairs if w == cid)
        of = tuple(r for r in readers if cid in r.reads)
        if cid in METRICS:
            metric = METRICS[cid]
            columns.append(EntryColumn(cid, metric.vi, metric.en, "metric", metric.level,
                                       above, below, of))
        else:
            att = ATTESTATIONS[cid]
            columns.append(EntryColumn(cid, att.vi, att.en, "attestation", "", above, below,
                                       of))

    seen: set[str] = set()
    for u in units:
        if u.id in seen:
            raise EntryWorkbookError(msg("entry.unit-twice", unit=shown(u.id)))
        seen.add(u.id)
    tree = UnitTree(units)
    reads_for: dict[str, tuple[str, ...]] = {}
    gives: dict[str, set[str]] = {}
    for u in units:
        wanted = reads_for.get(u.kind)
        if wanted is None:
            found = {c for r in readers if u.kind in r.kinds for c in r.reads}
            wanted = reads_for[u.kind] = tuple(c.id for c in columns if c.id in found)
        if not wanted:
            continue
        teams = tree.teams(u.id) if u.kind != "team" else ()
        for cid in wanted:
            if teams and cid in METRICS and METRICS[cid].level == "team":
                for team in teams:
                    gives.setdefault(team, set()).add(cid)
            else:
                gives.setdefault(u.id, set()).add(cid)
    listed = [u for u in units if gives.get(u.id)]
    if len(listed) * len(months) > MAX_ROWS:
        raise EntryWorkbookError(msg("entry.too-many-rows", units=len(listed),
                                     months=len(months), rows=len(listed) * len(months),
                                     limit=MAX_ROWS))
    for u in listed:
        if _ILLEGAL.search(u.id) or len(u.id) > EXCEL_CELL_CHARS:
            raise EntryWorkbookError(msg("entry.bad-unit-id", unit=shown(u.id)))
    rows: list[EntryRow] = []
    for u in listed:
        given = frozenset(gives[u.id])  # one set per unit, shared by its rows
        rows.extend(EntryRow(u.id, u.name, u.kind, month, given) for month in months)
    return EntryLayout(plan.id, months, tuple(columns), tuple(rows))


def _openpyxl() -> Any:
    try:
        import openpyxl
    except ImportError:
        raise ExcelSupportMissingError(msg("entry.no-openpyxl")) from None
    return openpyxl


def _shown_text(text: str) -> str:
    """A name or label from the inputs as a cell's text: control and invisible characters
    shown escaped, at most what a cell holds."""
    text = terminal(text)
    return text if len(text) <= EXCEL_CELL_CHARS else text[:EXCEL_CELL_CHARS - 1] + "…"


def _put_text(cell: Cell | MergedCell, text: str, *, as_text_format: bool = False) -> None:
    """Write ``text`` as a string cell: never a formula, whatever it starts with."""
    plain = cast("Cell", cell)  # no cell is merged here
    plain.value = text if text else None
    if text:
        plain.data_type = "s"  # openpyxl takes a str starting with "=" for a formula
    if as_text_format:
        plain.number_format = "@"


def _runs(rows: Sequence[int]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for r in rows:
        if out and out[-1][1] == r - 1:
            out[-1] = (out[-1][0], r)
        else:
            out.append((r, r))
    return out


def _sqref(cells: dict[int, list[int]], letter: Any) -> str:
    """Cells (column -> rows, ascending) as few rectangles: each column's runs of rows, with
    neighbouring columns of the same runs joined."""
    runs = {col: _runs(rows) for col, rows in cells.items()}
    cols = sorted(runs)
    out: list[str] = []
    i = 0
    while i < len(cols):
        j = i
        while (j + 1 < len(cols) and cols[j + 1] == cols[j] + 1
               and runs[cols[j + 1]] == runs[cols[i]]):
            j += 1
        left, right = letter(cols[i]), letter(cols[j])
        for top, bottom in runs[cols[i]]:
            out.append(f"{left}{top}" if i == j and top == bottom
                       else f"{left}{top}:{right}{bottom}")
        i = j + 1
    return " ".join(out)


def _cut(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[:limit - 1] + "…"


def write_entry_workbook(plan: Plan, units: Sequence[UnitInfo], first: str, last: str,
                         path: str | PathLike[str], *, lang: Lang | None = "vi") -> None:
    """Write the data-entry workbook of ``plan`` for ``units`` and the months ``first`` to
    ``last`` (``YYYY-MM``, both included) to ``path`` (.xlsx): the data sheet first ("Nhập
    liệu"), then "Giải thích", which explains each column. ``lang`` chooses the language of
    the labels on row 1, the messages and the sheet names (``vi`` or ``en``; None: the
    current language, :func:`emulation_rules.i18n.current`); row 2 always holds the column
    ids.

    Raises :class:`ExcelSupportMissingError` without openpyxl and :class:`EntryWorkbookError`
    for inputs it cannot lay out (see :func:`entry_layout`); their text is in the current
    language."""
    if lang is None:
        lang = current()
    if lang not in LANGS:
        raise EntryWorkbookError(msg("documents.unknown-lang", lang=shown(lang)))
    openpyxl = _openpyxl()
    layout = entry_layout(plan, units, first, last)
    text = _labels(lang)
    wb: Workbook = openpyxl.Workbook()
    data: Worksheet = wb.worksheets[0]
    data.title = text["data_sheet"]
    _fill_data_sheet(data, layout, text, lang)
    help_sheet: Worksheet = wb.create_sheet(text["help_sheet"])
    _fill_help_sheet(help_sheet, plan, layout, text, lang)
    y, m = int(first[:4]), int(first[5:7])
    wb.properties.creator = "emulation-rules"
    wb.properties.title = _cut(f"{plan.id} {first}..{last}", 255)
    wb.properties.created = wb.properties.modified = datetime(y, m, 1)
    Path(path).write_bytes(_reproducible_bytes(wb))


def _reproducible_bytes(wb: Workbook) -> bytes:
    """The workbook as .xlsx bytes that are the same on every run: openpyxl's ``save`` stamps
    the document with the current time and the archive's entries with the local time; this
    writes through its writer without the first and rewrites the second with a fixed date."""
    from openpyxl.writer.excel import ExcelWriter

    raw = io.BytesIO()
    with zipfile.ZipFile(raw, "w", zipfile.ZIP_DEFLATED) as archive:
        ExcelWriter(wb, archive).write_data()
    out = io.BytesIO()
    with zipfile.ZipFile(raw) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=_FIXED_ZIP_TIME)
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = 0o600 << 16
            dst.writestr(fixed, src.read(info))
    return out.getvalue()


def _fill_data_sheet(ws: Worksheet, layout: EntryLayout, text: dict[str, str], lang: Lang
                     ) -> None:
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation

    labels = [text["unit"], text["name"], text["period"],
              *(c.vi if lang == "vi" else c.en for c in layout.columns)]
    head_font, head_fill = Font(bold=True), PatternFill("solid", fgColor=_HEAD_FILL)
    ids_font = Font(italic=True, color="595959", size=9)
    ids_fill = PatternFill("solid", fgColor=_IDS_FILL)
    grey = PatternFill("solid", fgColor=_GREY)
    wrap = Alignment(wrap_text=True, vertical="top")
    for j, (label, cid) in enumerate(zip(labels, layout.ids, strict=True), start=1):
        head = ws.cell(row=1, column=j)
        _put_text(head, label)
        head.font, head.fill, head.alignment = head_font, head_fill, wrap
        key = ws.cell(row=2, column=j)
        _put_text(key, cid)
        key.font, key.fill = ids_font, ids_fill

    first_col = 4
    col_of = {c.id: first_col + k for k, c in enumerate(layout.columns)}
    kind_of = {c.id: c.kind for c in layout.columns}
    whole: dict[int, list[int]] = {}
    listed: dict[int, list[int]] = {}
    greyed: dict[int, list[int]] = {}
    paired: dict[tuple[str, tuple[str, ...], tuple[str, ...]], dict[int, list[int]]] = {}
    names: dict[str, str] = {}
    for i, row in enumerate(layout.rows, start=FIRST_DATA_ROW):
        _put_text(ws.cell(row=i, column=1), row.unit, as_text_format=True)
        name = names.get(row.unit)
        if name is None:
            name = names[row.unit] = _shown_text(row.name)
        _put_text(ws.cell(row=i, column=2), name, as_text_format=True)
        _put_text(ws.cell(row=i, column=3), row.period, as_text_format=True)
        for col in layout.columns:
            j = col_of[col.id]
            if col.id not in row.gives:
                ws.cell(row=i, column=j).fill = grey
                greyed.setdefault(j, []).append(i)
            elif kind_of[col.id] == "attestation":
                listed.setdefault(j, []).append(i)
            else:
                above = tuple(w for w in col.not_above if w in row.gives)
                below = tuple(p for p in col.not_below if p in row.gives)
                if above or below:
                    paired.setdefault((col.id, above, below), {}).setdefault(j, []).append(i)
                else:
                    whole.setdefault(j, []).append(i)

    def validation(kind: Any, cells: dict[int, list[int]], title: str, error: str,
                   formula: str, operator: Any = None) -> None:
        dv = DataValidation(type=kind, operator=operator, formula1=formula, allow_blank=True,
                            showErrorMessage=True, errorStyle="stop",
                            errorTitle=_cut(title, 32), error=_cut(error, 255),
                            sqref=_sqref(cells, get_column_letter))
        ws.add_data_validation(dv)

    customs: list[tuple[dict[int, list[int]], str, str]] = []
    for (cid, above, below), cells in paired.items():
        j = col_of[cid]
        top = min(min(rows) for rows in cells.values())
        x = f"{get_column_letter(j)}{top}"
        terms = [f"ISNUMBER({x})", f"{x}>=0", f"{x}=INT({x})"]
        for w in above:
            y = f"{get_column_letter(col_of[w])}{top}"
            terms.append(f'OR({y}="",{x}<={y})')
        for p in below:
            y = f"{get_column_letter(col_of[p])}{top}"
            terms.append(f'OR({y}="",{y}<={x})')
        formula = f"AND({','.join(terms)})"
        if len(formula) > 255:  # longer than Excel takes: the count check only
            for rows in cells.values():
                whole.setdefault(j, []).extend(rows)
            continue
        said = [_t("entry.not-above", lang, x=cid, xc=get_column_letter(j), y=w,
                   yc=get_column_letter(col_of[w])) for w in above]
        said += [_t("entry.not-above", lang, x=p, xc=get_column_letter(col_of[p]), y=cid,
                    yc=get_column_letter(j)) for p in below]
        customs.append((cells, " ".join([text["whole"], *said]), formula))
    if whole:
        for rows in whole.values():
            rows.sort()
        validation("whole", whole, text["whole_title"], text["whole"], "0",
                   "greaterThanOrEqual")
    for cells, error, formula in customs:
        validation("custom", cells, text["whole_title"], error, formula)
    if listed:
        validation("list", listed, text["list_title"], text["list"], f'"{text["yes_no"]}"')
    if greyed:
        validation("textLength", greyed, text["grey_title"], text["grey"], "0", "equal")

    last_col = get_column_letter(len(layout.ids))
    last_row = max(2, FIRST_DATA_ROW + len(layout.rows) - 1)
    ws.freeze_panes = f"{get_column_letter(first_col)}{FIRST_DATA_ROW}"
    ws.auto_filter.ref = f"A2:{last_col}{last_row}"
    ws.print_title_rows = "1:2"
    unit_width = max([len(r.unit) for r in layout.rows[:10_000]] + [len(labels[0])])
    name_width = max([len(n) for n in names.values()] + [len(labels[1])])
    widths = [min(max(unit_width + 2, 10), 24), min(max(name_width + 2, 16), 40), 10]
    widths += [16] * len(layout.columns)
    lines = 1
    for j, (width, label) in enumerate(zip(widths, labels, strict=True), start=1):
        ws.column_dimensions[get_column_letter(j)].width = width
        lines = max(lines, -(-len(label) // max(1, width - 3)))
    ws.row_dimensions[1].height = min(409, 15 * lines + 3)


def _fill_help_sheet(ws: Worksheet, plan: Plan, layout: EntryLayout, text: dict[str, str],
                     lang: Lang) -> None:
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    heads = [text[k] for k in ("h_col", "h_id", "h_vi", "h_en", "h_level", "h_rows",
                               "h_value", "h_rule", "h_section", "h_readers")]
    wrap = Alignment(wrap_text=True, vertical="top")
    head_font, head_fill = Font(bold=True), PatternFill("solid", fgColor=_HEAD_FILL)
    for j, head in enumerate(heads, start=1):
        cell = ws.cell(row=1, column=j)
        _put_text(cell, head)
        cell.font, cell.fill, cell.alignment = head_font, head_fill, wrap

    kinds_of: dict[str, set[str]] = {}
    for kind, gives in {(row.kind, row.gives) for row in layout.rows}:
        for cid in gives:
            kinds_of.setdefault(cid, set()).add(kind)
    vi, en = _labels("vi"), _labels("en")
    lines: list[list[str]] = [
        ["unit", vi["unit"], en["unit"], "", text["all_rows"], text["v_unit"]],
        ["name", vi["name"], en["name"], "", text["all_rows"], text["v_name"]],
        ["period", vi["period"], en["period"], "", text["all_rows"], text["v_period"]],
    ]
    extra: list[tuple[str, str, str]] = [("", "", "")] * 3
    for col in layout.columns:
        lines.append([col.id, col.vi, col.en, col.level,
                      ", ".join(sorted(kinds_of.get(col.id, ()))),
                      text["v_metric"] if col.kind == "metric" else text["v_attestation"]])
        rule = "; ".join([_t("entry.above", lang, column=w) for w in col.not_above]
                         + [_t("entry.below", lang, column=p) for p in col.not_below])
        sections = ", ".join(dict.fromkeys(r.section or text["local"] for r in col.readers))
        readers = "\n".join(
            f"{r.section or text['local']}: {r.id} ({text[r.owner_kind]} {r.owner})"
            for r in col.readers)
        extra.append((rule, sections, readers))
    for i, (line, (rule, sections, readers)) in enumerate(zip(lines, extra, strict=True),
                                                          start=2):
        values = [get_column_letter(i - 1), *line, rule, sections, readers]
        for j, value in enumerate(values, start=1):
            cell = ws.cell(row=i, column=j)
            _put_text(cell, _shown_text(value))
            cell.alignment = wrap
    notes_row = len(lines) + 3
    notes = [_t("entry.notes.plan", lang, plan=plan.id, title=plan.title.vi if lang == "vi"
                else plan.title.en, first=layout.months[0], last=layout.months[-1]),
             _t("entry.notes.header", lang), _t("entry.notes.grey", lang),
             _t("entry.notes.blank", lang), _t("entry.notes.ids", lang)]
    for k, note in enumerate(notes):
        _put_text(ws.cell(row=notes_row + k, column=1), _shown_text(note))
    for j, width in enumerate((7, 28, 40, 40, 12, 16, 30, 30, 10, 50), start=1):
        ws.column_dimensions[get_column_letter(j)].width = width
    ws.freeze_panes = "C2"

