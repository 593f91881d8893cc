"""Read tabular input (CSV, JSON, YAML) as rows of text cells with their row numbers.

CSV saved by Excel (UTF-8 with BOM, CRLF) works; text is normalised to NFC. A JSON or YAML file
is a list of mappings (or a mapping with one list under ``rows``). Row numbers are the CSV line
of the row (the header is row 1) or the 1-based index of the item. Problems are issues with
file, row and column; a bad row never stops the others.
"""

from __future__ import annotations

import csv
import io
import json
import unicodedata
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from . import _yaml
from .errors import Issue, Location

__all__ = ["MAX_TABLE_BYTES", "Row", "parse_date_cell", "read_table"]

MAX_TABLE_BYTES = 200_000_000


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
    """Rows of a CSV, JSON or YAML file. Never raises for bad content."""
    file = str(path)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        return [], [Issue("unreadable", f"cannot read file: {exc.strerror}", Location(file))]
    if len(raw) > MAX_TABLE_BYTES:
        return [], [Issue("too-large", "file too large", Location(file))]
    suffix = path.suffix.lower()
    if suffix in {".json", ".yaml", ".yml"}:
        return _read_structured(raw, file, suffix)
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        return [], [Issue("encoding", "file is not UTF-8 text (save as CSV UTF-8)",
                          Location(file))]
    reader = csv.reader(io.StringIO(text, newline=""))
    rows: list[Row] = []
    issues: list[Issue] = []
    try:
        header = [_cell(h) for h in next(reader)]
    except StopIteration:
        return [], [Issue("empty-file", "the file has no header row", Location(file))]
    except csv.Error as exc:
        return [], [Issue("csv-syntax", str(exc), Location(file, 1, 0))]
    seen: set[str] = set()
    for name in header:
        if name in seen:
            issues.append(Issue("duplicate-column", f"column {name!r} appears twice",
                                Location(file, 1, 0)))
        seen.add(name)
    try:
        for record in reader:
            number = reader.line_num
            if not any(c.strip() for c in record):
                continue
            if len(record) != len(header):
                issues.append(Issue("row-shape", f"row has {len(record)} cells, the header "
                                    f"{len(header)}", Location(file, number, 0,
                                                               (f"row {number}",))))
                continue
            rows.append(Row(number, {h: _cell(v) for h, v in zip(header, record, strict=True)}))
    except csv.Error as exc:
        issues.append(Issue("csv-syntax", str(exc), Location(file, reader.line_num, 0)))
    return rows, issues


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
