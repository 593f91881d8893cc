"""Write examples/kon_plong_metrics.xlsx: Kon Plông's data-entry workbook (``emulation-rules
template``) filled with the numbers of examples/kon_plong_metrics.csv, as its communes would
fill it in Excel. A test regenerates it and compares the bytes, so it cannot drift.

    python scripts/make_example_workbook.py
"""

from __future__ import annotations

import csv
import tempfile
from pathlib import Path

import emulation_rules as er
from emulation_rules.template import _reproducible_bytes, write_entry_workbook

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
OUTPUT = EXAMPLES / "kon_plong_metrics.xlsx"


def example_workbook() -> bytes:
    """The filled workbook's bytes (the same on every run)."""
    import openpyxl

    units, _, _ = er.read_unit_tree(EXAMPLES / "kon_plong_units.csv")
    with tempfile.TemporaryDirectory() as folder:
        blank = Path(folder) / "blank.xlsx"
        write_entry_workbook(er.load_plan("kon_plong"), units, "2024-10", "2025-08", blank)
        book = openpyxl.load_workbook(blank)
    sheet = book.worksheets[0]
    ids = [c.value for c in sheet[2]]
    where = {(sheet.cell(row=r, column=1).value, sheet.cell(row=r, column=3).value): r
             for r in range(3, sheet.max_row + 1)}
    with (EXAMPLES / "kon_plong_metrics.csv").open(encoding="utf-8-sig", newline="") as handle:
        for row in csv.DictReader(handle):
            r = where.get((row["unit"], row["period"]))
            if r is None:
                continue
            for j, column in enumerate(ids, start=1):
                text = row.get(str(column), "") if j > 3 else ""
                if text:
                    sheet.cell(row=r, column=j).value = int(text) if text.isdigit() else text
    return _reproducible_bytes(book)


if __name__ == "__main__":
    OUTPUT.write_bytes(example_workbook())
    print(f"wrote {OUTPUT.relative_to(ROOT)}")
