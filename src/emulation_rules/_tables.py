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

import csv
import json
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any, TextIO

from . import _yaml
from .errors import Issue, Location
from .limits import CELL_CHARS, TABLE_BYTES

__all__ = ["MAX_CELL_CHARS", "MAX_TABLE_BYTES", "Row", "iter_table", "parse_date_cell",
           "read_table"]

MAX_TABLE_BYTES = TABLE_BYTES
# the csv module's default field limit: the reader stops a cell there, so memory per cell is
# bounded; when the process has lowered csv.field_size_limit(), that lower limit applies
MAX_CELL_CHARS = CELL_CHARS


@dataclass(frozen=True)
class Row:
    number: int
    cells: dict[str, str]

    def location(self, file: str, column: str | None = None) -> Location:
        return Location(file, self.number, 0, (f"row {self.number}",) + ((column,) if column
                                                                           else ()))


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return unicodedata.normalize("NFC", str(value)).strip()


def read_table(path: Path) -> tuple[list[Row], list[Issue]]:
    """Rows of a CSV, JSON or YAML file, all at once. Never raises for bad content."""
    issues: list[Issue] = []
    rows = list(iter_table(path, issues))
    return rows, issues


def iter_table(path: Path, issues: list[Issue]) -> Iterator[Row]:
    """Rows of a table one at a time; problems are appended to ``issues`` as they are met.

    A CSV file is read as a stream (memory does not grow with its length); JSON and YAML files
    are parsed whole (they are bounded by :data:`MAX_TABLE_BYTES`).
    """
    file = str(path)
    try:
        size = path.stat().st_size
    except OSError as exc:
        issues.append(Issue("unreadable", f"cannot read file: {exc.strerror}", Location(file)))
        return
    if size > MAX_TABLE_BYTES:
        issues.append(Issue("too-large", "file too large", Location(file)))
        return
    suffix = path.suffix.lower()
    if suffix in {".json", ".yaml", ".yml"}:
        rows, found = _read_structured(path.read_bytes(), file, suffix)
        issues.extend(found)
        yield from rows
        return
    with path.open(encoding="utf-8-sig", newline="") as handle:
        yield from _csv_rows(_Lines(handle), file, issues)


def _csv_rows(lines: _Lines, file: str, issues: list[Issue]) -> Iterator[Row]:
    limit = min(MAX_CELL_CHARS, csv.field_size_limit())
    # the reader stops a longer cell itself, unless the process raised csv.field_size_limit()
    measure = csv.field_size_limit() > limit
    reader = csv.reader(lines)
    try:
        header = [_cell(h) for h in next(reader)]
    except StopIteration:
        issues.append(Issue("empty-file", "the file has no header row", Location(file)))
        return
    except (csv.Error, UnicodeDecodeError) as exc:
        issues.append(Issue("csv-syntax", f"cannot read the header: {exc}",
                            Location(file, 1, 0)))
        return
    seen: dict[str, int] = {}
    for position, name in enumerate(header, start=1):
        if name in seen:
            issues.append(Issue("duplicate-column", f"column {name!r} appears twice "
                                f"(columns {seen[name]} and {position}): which one holds the "
                                "value is not known, so no row of the file is read",
                                Location(file, 1, 0), "rename or remove one of them"))
        seen.setdefault(name, position)
    if len(seen) < len(header):
        return
    try:
        while True:
            lines.record.clear()
            try:
                record = next(reader)
            except StopIteration:
                return
            except csv.Error as exc:
                # the reader stopped inside the row and resumes at the next physical line, which
                # may still be inside the row (a quoted cell spanning lines): read past its end
                too_long = _skip_record(lines, limit)
                if too_long is None:
                    issues.append(Issue("csv-syntax", str(exc),
                                        Location(file, lines.number, 0)))
                    return
            else:
                too_long = next((i for i, v in enumerate(record) if len(v) > limit),
                                None) if measure else None
            number = lines.number
            if too_long is not None:
                column = header[too_long] if too_long < len(header) else f"cell {too_long + 1}"
                issues.append(Issue("row-shape", f"the cell is longer than the limit of "
                                    f"{limit:,} characters: the row is not read",
                                    Location(file, number, 0, (f"row {number}", column)),
                                    "a cell holds a value, not a document: check that the file "
                                    "is the table and that its quotes are closed"))
                continue
            if not any(c.strip() for c in record):
                continue
            if len(record) != len(header):
                issues.append(Issue("row-shape", f"row has {len(record)} cells, the header "
                                    f"{len(header)}", Location(file, number, 0,
                                                               (f"row {number}",))))
                continue
            yield Row(number, {h: _cell(v) for h, v in zip(header, record, strict=True)})
    except UnicodeDecodeError:
        issues.append(Issue("encoding", "the rest of the file is not UTF-8 text (save as "
                            "CSV UTF-8)", Location(file, lines.number + 1, 0)))


class _Lines:
    """The physical lines of a CSV file as the csv reader takes them, counted (``number`` is
    the last line read), keeping the lines of the row being read (``record``) until it is
    cleared, so that a row the reader gave up on can be read again."""

    def __init__(self, handle: TextIO) -> None:
        self.number = 0
        self.record: list[str] = []
        self._lines = self._read(handle)

    def __iter__(self) -> Iterator[str]:
        return self._lines

    def _read(self, handle: TextIO) -> Iterator[str]:
        for line in handle:
            self.number += 1
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


def _read_structured(raw: bytes, file: str, suffix: str) -> tuple[list[Row], list[Issue]]:
    data: Any
    if suffix == ".json":
        try:
            data = json.loads(raw.decode("utf-8-sig"))
        except (UnicodeDecodeError, ValueError, RecursionError) as exc:
            return [], [Issue("json-syntax", f"not valid JSON: {exc}", Location(file))]
    else:
        doc, issues = _yaml.parse(raw, file)
        if issues:
            return [], issues
        data = doc.data
    if isinstance(data, dict) and isinstance(data.get("rows"), list):
        data = data["rows"]
    if not isinstance(data, list):
        return [], [Issue("not-a-table", "expected a list of rows (or {rows: [...]})",
                          Location(file))]
    rows: list[Row] = []
    issues = []
    for i, item in enumerate(data, start=1):
        if not isinstance(item, dict) or any(isinstance(v, (dict, list)) for v in item.values()):
            issues.append(Issue("row-shape", "a row is a mapping of column to plain value",
                                Location(file, i, 0, (f"row {i}",))))
            continue
        rows.append(Row(i, {_cell(k): _cell(v) for k, v in item.items()}))
    return rows, issues


def parse_date_cell(text: str) -> date:
    """A date cell: ISO 2025-05-19 or day-first 19/05/2025. Raises ValueError."""
    text = text.strip()
    for fmt in ("%Y-%m-%d", "%d/%m/%Y"):
        try:
            return datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    raise ValueError(f"{text!r} is not a date (write 2025-05-19 or 19/05/2025)")
