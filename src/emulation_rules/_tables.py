"""Read tabular input (CSV, JSON, YAML) as rows of text cells with their row numbers.

CSV saved by Excel (UTF-8 with BOM, CRLF) works; text is normalised to NFC. A JSON or YAML file
is a list of mappings (or a mapping with one list under ``rows``). Row numbers are the CSV line
of the row (the header is row 1) or the 1-based index of the item. Problems are issues with
file, row and column; a bad row never stops the others.
"""

from __future__ import annotations

import csv
import json
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from . import _yaml
from .errors import Issue, Location

__all__ = ["MAX_TABLE_BYTES", "Row", "iter_table", "parse_date_cell", "read_table"]

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
        reader = csv.reader(handle)
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
            for record in reader:
                number = reader.line_num
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
                                "CSV UTF-8)", Location(file, reader.line_num + 1, 0)))
        except csv.Error as exc:
            issues.append(Issue("csv-syntax", str(exc), Location(file, reader.line_num, 0)))


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
