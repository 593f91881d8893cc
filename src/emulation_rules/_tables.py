"""Read tabular input (CSV, JSON, YAML) as rows of text cells with their row numbers.

CSV saved by Excel (UTF-8 with BOM, CRLF) works; text is normalised to NFC. A JSON or YAML file
is a list of mappings (or a mapping with one list under ``rows``). Row numbers are the CSV line
of the row (the header is row 1; for a row whose quoted cell spans lines, the line where the
row ends) or the 1-based index of the item. Problems are issues with file, row and column; a bad
row never stops the others.

A CSV cell holds at most :data:`MAX_CELL_CHARS` characters: a longer cell rejects its own row
(``row-shape``, with file, line and column) and reading goes on at the next row; the whole file
is bounded by :data:`MAX_TABLE_BYTES`.
"""

from __future__ import annotations

import codecs
import csv
import json
import re
import unicodedata
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time
from pathlib import Path
from typing import Any, BinaryIO

from . import _yaml
from ._inert import shown
from .errors import Issue, Location, MissingExtra, Severity, os_reason
from .i18n import Msg, msg
from .limits import CELL_CHARS, TABLE_BYTES

__all__ = ["MAX_CELL_CHARS", "MAX_TABLE_BYTES", "UNREAD_ROW_CODES", "Row", "iter_table",
           "parse_date_cell", "read_table", "source_name", "typed_cell"]

UNREAD_ROW_CODES = frozenset({"row-shape", "encoding", "duplicate-key",
                              "formula-without-value"})
"""Codes of the issues for a row the table reader could not give (its cells are not known):
each such row counts as read and rejected."""

MAX_TABLE_BYTES = TABLE_BYTES
# the csv module's default field limit: the reader stops a cell there, so memory per cell is
# bounded; when the process has lowered csv.field_size_limit(), that lower limit applies
MAX_CELL_CHARS = CELL_CHARS


@dataclass(frozen=True)
class Row:
    number: int
    cells: dict[str, str]
    dates: frozenset[str] = frozenset()
    """Columns whose cell a spreadsheet typed as a date (it shows ``03/2025`` as a date)."""

    def location(self, file: str, column: str | None = None) -> Location:
        return Location(file, self.number, 0, (f"row {self.number}",) + ((column,) if column
                                                                           else ()))


def _cell(value: Any) -> str:
    if value.__class__ is str:  # a CSV's cell: trimmed, NFC where it is not plain ASCII
        text: str = value.strip()
        return text if text.isascii() else unicodedata.normalize("NFC", text)
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return unicodedata.normalize("NFC", str(value)).strip()


def read_table(path: Path, *, encoding: str | None = None, sheet: str | None = None,
               required: Sequence[str] = ()) -> tuple[list[Row], list[Issue]]:
    """Rows of a CSV, Excel, JSON or YAML file, all at once. Never raises for bad content."""
    issues: list[Issue] = []
    rows = list(iter_table(path, issues, encoding=encoding, sheet=sheet, required=required))
    return rows, issues


def source_name(path: Path, sheet: str | None = None) -> str:
    """How issues name a file: its path, and for a workbook the sheet read
    (``nhap_lieu.xlsx[Nhập liệu]``)."""
    if path.suffix.lower() != ".xlsx":
        return str(path)
    try:
        return f"{path}[{_sheet_of(path, sheet)}]"
    except Exception:  # an unreadable workbook is reported when it is read
        return str(path)


def iter_table(path: Path, issues: list[Issue], *, encoding: str | None = None,
               sheet: str | None = None, required: Sequence[str] = ()) -> Iterator[Row]:
    """Rows of a table one at a time; problems are appended to ``issues`` as they are met.

    A CSV file and an Excel workbook (``.xlsx``, the first sheet or ``sheet``) are read as a
    stream: memory does not grow with their length. JSON and YAML files are parsed whole and
    bounded by :data:`MAX_TABLE_BYTES`. ``required`` columns missing from the header are one
    file-level issue, and no row is read. ``encoding`` reads a CSV file written in another
    encoding than UTF-8 (``cp1258``, Windows' Vietnamese). A file that cannot be opened or
    read (a folder, no permission) is one ``unreadable`` issue.
    """
    try:
        yield from _iter_table(path, issues, encoding=encoding, sheet=sheet, required=required)
    except OSError as exc:
        issues.append(Issue("unreadable", msg("table.unreadable", reason=os_reason(exc)),
                            Location(str(path))))


def _iter_table(path: Path, issues: list[Issue], *, encoding: str | None,
                sheet: str | None, required: Sequence[str]) -> Iterator[Row]:
    file = str(path)
    try:
        size = path.stat().st_size
    except OSError as exc:
        issues.append(Issue("unreadable", msg("table.unreadable", reason=os_reason(exc)),
                            Location(file)))
        return
    suffix = path.suffix.lower()
    if suffix in {".json", ".yaml", ".yml"}:
        if size > MAX_TABLE_BYTES:
            issues.append(Issue("too-large", msg("table.too-large", limit=MAX_TABLE_BYTES),
                                Location(file)))
            return
        rows, found = _read_structured(path.read_bytes(), file, suffix)
        issues.extend(found)
        if rows and _missing(list(rows[0].cells) if rows else [], required, file, issues):
            return
        yield from rows
        return
    if suffix == ".xlsx":
        yield from _xlsx_rows(path, sheet, required, issues)
        return
    if suffix in {".xls", ".xlsm", ".ods"}:
        issues.append(Issue("unsupported-file", msg("table.unsupported-file", suffix=suffix),
                            Location(file)))
        return
    codec = encoding or "utf-8"
    with path.open("rb") as raw:
        bad = _not_decodable(raw, codec)
        if bad is not None:
            lines_total, bad_lines, (line, byte, value) = bad
            if line == 1 or bad_lines * 2 > lines_total:
                issues.append(Issue(
                    "encoding", msg("table.not-encoded", codec=codec.upper(), bad=bad_lines,
                                    total=lines_total, line=line, byte=byte, value=value),
                    Location(file, line, 0),
                    msg("table.not-encoded.hint") if encoding is None else
                    msg("table.not-encoded.hint-chosen")))
                return
        raw.seek(0)
        lines = _Lines(raw, codec)
        yield from _csv_rows(lines, file, issues, required)


def _not_decodable(raw: BinaryIO, codec: str) -> tuple[int, int, tuple[int, int, int]] | None:
    """None when the whole file decodes (a quick pass in the codec's C code); else the number
    of lines, of lines that do not decode, and the first such (line, byte, the byte's value)."""
    decoder = codecs.getincrementaldecoder(codec)()
    try:
        for chunk in iter(lambda: raw.read(1 << 20), b""):
            decoder.decode(chunk)
        decoder.decode(b"", final=True)
        return None
    except UnicodeDecodeError:
        pass
    raw.seek(0)
    total = bad = 0
    first: tuple[int, int, int] | None = None
    for number, line in enumerate(raw, start=1):
        total = number
        try:
            line.decode(codec)
        except UnicodeDecodeError as exc:
            bad += 1
            if first is None:
                first = (number, exc.start + 1, line[exc.start])
    if first is None:  # a multi-byte sequence cut at the end of the file
        first = (total, 1, 0)
        bad = max(bad, 1)
    return total, bad, first


def _missing(header: Sequence[str], required: Sequence[str], file: str,
             issues: list[Issue]) -> bool:
    """One file-level issue when the header lacks a required column (True: read no row)."""
    absent = [c for c in required if c not in header]
    if absent:
        shown_header = ", ".join(shown(h, 40) for h in header[:12] if h)
        columns: Msg | str = shown_header or msg("table.no-columns")
        text = (msg("table.missing-columns", column=repr(absent[0]),
                    others=", ".join(repr(c) for c in absent[1:]), columns=columns)
                if absent[1:] else
                msg("table.missing-column", column=repr(absent[0]), columns=columns))
        issues.append(Issue("missing-column", text, Location(file, 1, 0),
                            msg("table.missing-column.hint", columns=", ".join(required))))
        return True
    return False


def _delimiter(header_line: str) -> str:
    """The separator a header line uses: ``,``, ``;`` (Excel with Vietnamese regional
    settings) or a tab, whichever occurs most outside quotes (``,`` if none does)."""
    outside = re.sub(r'"[^"]*"', "", header_line)
    counts = {d: outside.count(d) for d in (",", ";", "\t")}
    best = max(counts, key=lambda d: (counts[d], d == ","))
    return best if counts[best] else ","


def _csv_rows(lines: _Lines, file: str, issues: list[Issue],
              required: Sequence[str] = ()) -> Iterator[Row]:
    limit = min(MAX_CELL_CHARS, csv.field_size_limit())
    # the reader stops a longer cell itself, unless the process raised csv.field_size_limit()
    measure = csv.field_size_limit() > limit
    reader = csv.reader(lines, delimiter=_delimiter(lines.peek()))
    try:
        header = [_cell(h) for h in next(reader)]
    except StopIteration:
        issues.append(Issue("empty-file", msg("table.no-header"), Location(file)))
        return
    except csv.Error as exc:
        issues.append(Issue("csv-syntax", msg("table.header-syntax", problem=str(exc)),
                            Location(file, 1, 0)))
        return
    if not _header_ok(header, file, 1, issues) or _missing(header, required, file, issues):
        return
    while True:
        lines.record.clear()
        lines.bad = None
        try:
            record = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            # the reader stopped inside the row and resumes at the next physical line, which
            # may still be inside the row (a quoted cell spanning lines): read past its end
            too_long = _skip_record(lines, limit)
            if too_long is None:
                issues.append(Issue("csv-syntax", msg("table.csv-syntax", problem=str(exc)),
                                    Location(file, lines.number, 0)))
                return
        else:
            too_long = next((i for i, v in enumerate(record) if len(v) > limit),
                            None) if measure else None
        number = lines.number
        if too_long is not None:
            column = header[too_long] if too_long < len(header) else f"cell {too_long + 1}"
            issues.append(Issue("row-shape", msg("table.cell-too-long", limit=limit),
                                Location(file, number, 0, (f"row {number}", column)),
                                msg("table.cell-too-long.hint")))
            continue
        if lines.bad is not None:
            line, byte, value = lines.bad
            issues.append(Issue("encoding", msg("table.line-not-encoded", line=line,
                                                codec=lines.codec.upper(), byte=byte,
                                                value=value),
                                Location(file, number, 0, (f"row {number}",)),
                                msg("table.line-not-encoded.hint")))
            continue
        if not any(c.strip() for c in record):
            continue
        if len(record) != len(header):
            issues.append(Issue("row-shape", msg("table.cell-count", cells=len(record),
                                                 header=len(header)),
                                Location(file, number, 0, (f"row {number}",))))
            continue
        yield Row(number, {h: _cell(v) for h, v in zip(header, record, strict=True)})


def _header_ok(header: Sequence[str], file: str, line: int, issues: list[Issue]) -> bool:
    """False (with an issue naming both positions) when a column name appears twice: which
    one holds the value is not known, so no row is read."""
    seen: dict[str, int] = {}
    ok = True
    for position, name in enumerate(header, start=1):
        if name and name in seen:
            ok = False
            issues.append(Issue("duplicate-column", msg("table.duplicate-column",
                                                        column=shown(name), first=seen[name],
                                                        second=position),
                                Location(file, line, 0), msg("table.duplicate-column.hint")))
        seen.setdefault(name, position)
    return ok


class _Lines:
    """The physical lines of a CSV file as the csv reader takes them, decoded one by one and
    counted (``number`` is the last line read), keeping the lines of the row being read
    (``record``) until it is cleared, so that a row the reader gave up on can be read again.
    A line that does not decode is read with replacement characters and noted in ``bad``
    (line, byte, value) so that its row is rejected, not misread."""

    def __init__(self, raw: BinaryIO, codec: str = "utf-8") -> None:
        self.number = 0
        self.codec = codec
        self.record: list[str] = []
        self.bad: tuple[int, int, int] | None = None
        self._raw = raw
        self._first: str | None = None
        self._lines = self._read()
        self._all = self._chain()  # one iterator, whoever asks (closing it would end the file)

    def peek(self) -> str:
        """The first line (the header), without consuming it (before reading starts)."""
        if self._first is None:
            self._first = next(self._lines, "")
        return self._first

    def __iter__(self) -> Iterator[str]:
        return self._all

    def _chain(self) -> Iterator[str]:
        if self._first is not None:
            first, self._first = self._first, None
            if first:
                yield first
        yield from self._lines

    def _read(self) -> Iterator[str]:
        codec = self.codec
        for raw in self._raw:
            self.number += 1
            if self.number == 1 and raw.startswith(codecs.BOM_UTF8) and codec == "utf-8":
                raw = raw[len(codecs.BOM_UTF8):]
            try:
                line = raw.decode(codec)
            except UnicodeDecodeError as exc:
                if self.bad is None:
                    self.bad = (self.number, exc.start + 1, raw[exc.start])
                line = raw.decode(codec, errors="replace")
            self.record.append(line)
            yield line


def _skip_record(lines: _Lines, limit: int) -> int | None:
    """After the csv reader gave up on a row: the index of its first cell longer than
    ``limit`` (None when no cell is: some other error), having read the rest of the row."""
    scan = _RecordScan(limit)
    for line in lines.record:
        scan.feed(line)
    if scan.too_long is None:
        return None
    lines.record.clear()
    rest = iter(lines)
    while not scan.ended:
        line = next(rest, "")  # a line is never empty: "" is the end of the file
        if not line:
            break
        lines.record.clear()
        scan.feed(line)
    return scan.too_long


_START, _PLAIN, _QUOTED, _QUOTE_IN_QUOTED = range(4)
_PLAIN_END = re.compile(r"[,\r\n]")
_QUOTED_TEXT = re.compile(r'[^"]*(?:""[^"]*)*')


class _RecordScan:
    """The csv reader's parse of one row (the default dialect: ``,``, ``"`` doubled inside a
    quoted cell, not strict), reduced to what it needs to resume: the index of the first cell
    longer than the limit and whether the row has ended. Linear: it jumps from one ``,``,
    closing ``"`` or line end to the next."""

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self.state = _START
        self.cell = 0
        self.length = 0
        self.too_long: int | None = None
        self.ended = False

    def _add(self, count: int) -> None:
        self.length += count
        if self.length > self.limit and self.too_long is None:
            self.too_long = self.cell

    def _next_cell(self) -> None:
        self.cell += 1
        self.length = 0
        self.state = _START

    def feed(self, line: str) -> None:
        """One physical line, its line ending included; sets ``ended`` where the row ends."""
        pos, end = 0, len(line)
        while pos < end and not self.ended:
            if self.state == _QUOTED:
                # text and doubled quotes (one character each) up to the closing quote
                text = _QUOTED_TEXT.match(line, pos)  # always matches, maybe nothing
                closing = text.end() if text else pos
                self._add(closing - pos - line.count('"', pos, closing) // 2)
                pos = closing
                if pos < end:
                    self.state, pos = _QUOTE_IN_QUOTED, pos + 1
            elif self.state == _PLAIN:
                stop = _PLAIN_END.search(line, pos)
                if stop is None:
                    self._add(end - pos)
                    pos = end
                else:
                    self._add(stop.start() - pos)
                    pos = stop.start() + 1
                    if line[stop.start()] == ",":
                        self._next_cell()
                    else:
                        self.ended = True
            else:
                char = line[pos]
                if char in "\r\n":
                    self.ended = True
                elif char == ",":
                    self._next_cell()
                elif char == '"' and self.state == _QUOTE_IN_QUOTED:
                    self._add(1)
                    self.state = _QUOTED
                elif char == '"':
                    self.state = _QUOTED
                else:
                    # a plain cell, or text after a quoted cell's closing quote (kept as text)
                    self.state = _PLAIN
                    continue
                pos += 1
        if self.state != _QUOTED:
            self.ended = True


_IDENTIFIER = re.compile(r"[a-z][a-z0-9_]*")
HEADER_SEARCH = 30
"""A workbook's header is the first of its first rows whose non-empty cells are all column ids
(``unit``, ``period``, ``tips_total``; at least two): rows above it (a title, the Vietnamese
names of the columns) are not data."""


def _open_workbook(path: Path, data_only: bool) -> Any:
    try:
        import openpyxl
    except ImportError:
        raise TableReaderMissing(msg("table.no-openpyxl")) from None
    return openpyxl.load_workbook(path, read_only=True, data_only=data_only)


class TableReaderMissing(MissingExtra):
    """A file needs an optional package that is not installed (openpyxl for .xlsx); its text
    (``str()``) is in the current language."""


def _sheet_of(path: Path, sheet: str | None) -> str:
    book = _open_workbook(path, True)
    try:
        return str(book[sheet].title if sheet else book.worksheets[0].title)
    finally:
        book.close()


def typed_cell(value: Any) -> tuple[str, bool]:
    """A typed value (a spreadsheet's cell, a DataFrame's) as the text a CSV would hold, read
    by its type: whole numbers without a fraction (Excel stores every number as a float, pandas
    writes 5.0: 5 is 5), dates as ISO, booleans as true/false, a blank (None, NaN, NaT, NA) as
    an empty cell. The flag says whether it was a date."""
    if value is None or type(value).__name__ in ("NAType", "NaTType"):
        return "", False
    if isinstance(value, float) and value != value:  # NaN
        return "", False
    if isinstance(value, bool):
        return ("true" if value else "false"), False
    if isinstance(value, float):
        if value.is_integer() and abs(value) < 1e15:
            return str(int(value)), False
        return repr(value), False
    if isinstance(value, datetime):
        if value.time() == time(0, 0):
            return value.date().isoformat(), True
        return value.isoformat(sep=" "), True
    if isinstance(value, date):
        return value.isoformat(), True
    return _cell(value), False


def _xlsx_rows(path: Path, sheet: str | None, required: Sequence[str],
               issues: list[Issue]) -> Iterator[Row]:
    """The rows of one sheet of a workbook, numbered as the sheet numbers them. A formula's
    saved result is read (a formula with none rejects its row: the workbook was not saved by
    Excel after it was computed)."""
    file = str(path)
    try:
        book = _open_workbook(path, True)
        formulas = _open_workbook(path, False)
    except TableReaderMissing:
        raise
    except Exception as exc:  # openpyxl raises many kinds for a damaged or foreign file
        issues.append(Issue("unreadable", msg("table.not-a-workbook", problem=shown(exc)),
                            Location(file), msg("table.not-a-workbook.hint")))
        return
    try:
        names = [ws.title for ws in book.worksheets]
        if sheet is not None and sheet not in names:
            issues.append(Issue("unknown-sheet", msg(
                "table.unknown-sheet", sheet=shown(sheet),
                sheets=", ".join(shown(n) for n in names)), Location(file)))
            return
        title = sheet if sheet is not None else names[0]
        ws, fs = book[title], formulas[title]
        ws.reset_dimensions()
        fs.reset_dimensions()
        label = f"{file}[{title}]"
        values = ws.iter_rows(min_row=1, values_only=True)
        written = fs.iter_rows(min_row=1, values_only=True)
        header: list[str] | None = None
        columns = 0
        unnamed: set[int] = set()
        for number, (row, raw) in enumerate(zip(values, written, strict=False), start=1):
            if header is None:
                texts = [_cell(v) if isinstance(v, str) else ("" if v is None else "?")
                         for v in row]
                named = [t for t in texts if t]
                if len(named) >= 2 and all(_IDENTIFIER.fullmatch(t) for t in named):
                    header = texts
                    columns = len(header)
                    if not _header_ok(header, label, number, issues) or _missing(
                            [h for h in header if h], required, label, issues):
                        return
                elif number >= HEADER_SEARCH:
                    issues.append(Issue("missing-column",
                                        msg("table.no-header-row", limit=HEADER_SEARCH),
                                        Location(label), msg(
                                            "table.no-header-row.hint", columns=", ".join(
                                                required or ("unit", "period")))))
                    return
                continue
            if all(v is None or (isinstance(v, str) and not v.strip()) for v in row):
                continue
            cells: dict[str, str] = {}
            dates: set[str] = set()
            problem: Issue | None = None
            for position, value in enumerate(row):
                name = header[position] if position < columns else ""
                text, is_date = typed_cell(value)
                if not name:
                    if text and position not in unnamed:
                        unnamed.add(position)
                        issues.append(Issue("unknown-column", msg(
                            "table.unnamed-column", position=position + 1, row=number,
                            value=shown(text, 40)), Location(label, number, 0),
                            severity=Severity.WARNING))
                    continue
                formula = raw[position] if position < len(raw) else None
                if value is None and isinstance(formula, str) and formula.startswith("="):
                    problem = problem or Issue(
                        "formula-without-value", msg("table.formula-without-value",
                                                     column=name, formula=shown(formula, 60)),
                        Location(label, number, 0, (f"row {number}", name)),
                        msg("table.formula-without-value.hint"))
                cells[name] = text
                if is_date:
                    dates.add(name)
            for name in header[len(row):]:
                if name:
                    cells.setdefault(name, "")
            if problem is not None:
                issues.append(problem)
                continue
            yield Row(number, cells, frozenset(dates))
        if header is None:
            issues.append(Issue("empty-file", msg("table.empty-sheet"), Location(label)))
    finally:
        book.close()
        formulas.close()


def _read_structured(raw: bytes, file: str, suffix: str) -> tuple[list[Row], list[Issue]]:
    data: Any
    if suffix == ".json":
        try:
            data = json.loads(raw.decode("utf-8-sig"), object_pairs_hook=_Pairs)
        except (UnicodeDecodeError, ValueError, RecursionError) as exc:
            return [], [Issue("json-syntax", msg("table.json-syntax", problem=shown(exc)),
                              Location(file))]
    else:
        doc, issues = _yaml.parse(raw, file, text_scalars=True)
        if issues:
            return [], [Issue(i.code, msg("table.no-row-read", problem=i.text), i.location,
                              i.advice) for i in issues]
        data = doc.data
    if isinstance(data, dict) and isinstance(data.get("rows"), list):
        data = data["rows"]
    if not isinstance(data, list):
        return [], [Issue("not-a-table", msg("table.not-a-table"), Location(file))]
    rows: list[Row] = []
    issues = []
    for i, item in enumerate(data, start=1):
        twice = item.twice if isinstance(item, _Pairs) else None
        if twice:
            issues.append(Issue("duplicate-key", msg("table.duplicate-key", key=shown(twice)),
                                Location(file, i, 0, (f"row {i}", twice)),
                                msg("table.duplicate-key.hint")))
            continue
        if not isinstance(item, dict) or any(isinstance(v, (dict, list)) for v in item.values()):
            issues.append(Issue("row-shape", msg("table.row-not-mapping"),
                                Location(file, i, 0, (f"row {i}",))))
            continue
        rows.append(Row(i, {_cell(k): _cell(v) for k, v in item.items()}))
    return rows, issues


class _Pairs(dict[str, Any]):
    """A JSON object that remembers a key given twice (json keeps the last silently)."""

    twice: str | None = None

    def __init__(self, pairs: list[tuple[str, Any]]) -> None:
        super().__init__(pairs)
        if len(self) < len(pairs):
            seen: set[str] = set()
            for key, _ in pairs:
                if key in seen:
                    self.twice = key
                    break
                seen.add(key)


def parse_date_cell(text: str) -> date:
    """A date cell: ISO 2025-05-19 or day-first 19/05/2025. Raises ValueError whose one
    argument is the :class:`~emulation_rules.i18n.Msg` saying what is wrong (``str(exc)``
    renders it in the current language)."""
    text = text.strip()
    for fmt in ("%Y-%m-%d", "%d/%m/%Y"):
        try:
            return datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    raise ValueError(msg("table.not-a-date", value=repr(text)))
