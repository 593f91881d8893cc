"""Messages of the plantests area (see the package docstring)."""

from __future__ import annotations

from . import Entry

MESSAGES: tuple[Entry, ...] = (
)
