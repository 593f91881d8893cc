"""Messages of the documents area: the HTML report, the results workbook, the data-entry
workbook (see the package docstring)."""

from __future__ import annotations

from . import Entry

MESSAGES: tuple[Entry, ...] = (
)
