"""Issues (problems found in a user's file) and the exception hierarchy.

Standard library only. A problem in a plan or metrics file is an :class:`Issue` value with a
stable code and a :class:`Location`; problems are collected and reported together. Exceptions
carry those issues when a file cannot be used at all.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from enum import StrEnum

from ._inert import shown

__all__ = [
    "EmulationRulesError",
    "EvaluationError",
    "Hints",
    "Issue",
    "Location",
    "MetricsError",
    "PlanError",
    "PlanInvalidError",
    "PlanNotFoundError",
    "PlanSyntaxError",
    "Severity",
    "did_you_mean",
    "format_path",
]

PathPart = str | int


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"


def format_path(path: Sequence[PathPart]) -> str:
    """Render a YAML path as ``$.phases[1].end``."""
    out = "$"
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else f".{part}"
    return out


@dataclass(frozen=True, order=True)
class Location:
    """Where a problem is: file, 1-based line and column, and the YAML path."""

    file: str = ""
    line: int = 0
    column: int = 0
    path: tuple[PathPart, ...] = field(default=(), compare=False)

    @property
    def is_row(self) -> bool:
        """The problem is one row of a table (its path starts with ``row N``)."""
        return bool(self.path) and isinstance(self.path[0], str) and self.path[0].startswith(
            "row ")

    def __str__(self) -> str:
        head = self.file or "<input>"
        if self.path and isinstance(self.path[0], str) and self.path[0].startswith("row "):
            # a row of a table (CSV, JSON or YAML rows): file:row, then the column
            head += f":{self.line}" if self.line else ""
            return head + (f": column {self.path[1]!r}" if len(self.path) > 1 else "")
        if self.line:
            head += f":{self.line}:{self.column}"
        return f"{head}: {format_path(self.path)}" if self.path else head


@dataclass(frozen=True)
class Issue:
    """One problem in a user's file. ``code`` is stable; tests and tools key on it."""

    code: str
    message: str
    location: Location = Location()
    hint: str | None = None
    severity: Severity = Severity.ERROR

    def __str__(self) -> str:
        text = f"{self.location}: {self.severity.value}[{self.code}] {self.message}"
        if self.hint:
            text += f" ({self.hint})"
        return text

    def sort_key(self) -> tuple[str, int, int, str]:
        loc = self.location
        return (loc.file, loc.line, loc.column, self.code)

    def to_dict(self) -> dict[str, object]:
        loc = self.location
        if loc.path and isinstance(loc.path[0], str) and loc.path[0].startswith("row "):
            return {"code": self.code, "severity": self.severity.value, "message": self.message,
                    "hint": self.hint, "file": loc.file, "row": loc.line,
                    "column": loc.path[1] if len(loc.path) > 1 else None}
        return {
            "code": self.code,
            "severity": self.severity.value,
            "message": self.message,
            "hint": self.hint,
            "file": loc.file,
            "line": loc.line,
            "column": loc.column,
            "path": format_path(loc.path),
        }


def did_you_mean(word: str, choices: Iterable[str]) -> str | None:
    """A "did you mean" hint for ``word`` among ``choices``, or None."""
    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return f"did you mean '{shown(close[0])}'?" if close else None


class Hints:
    """Did-you-mean hints for many words against one set of choices, at a bounded cost.

    Each distinct word is looked up once. A lookup costs about the word's length times the
    characters of all the choices (difflib compares it with each); lookups stop (no hint) once
    ``budget`` such character pairs have been spent (about 0.2 s) or ``lookups`` words looked
    up, and a word longer than ``longest`` characters gets none: a file of thousands of
    distinct unknown names against thousands of units costs at most the budget, not names x
    units.
    """

    def __init__(self, choices: Iterable[str], *, budget: int = 6_000_000,
                 lookups: int = 1000, longest: int = 64) -> None:
        self._choices = list(choices)
        self._chars = max(1, sum(len(c) for c in self._choices))
        self._left = budget
        self._lookups = lookups
        self._longest = longest
        self._memo: dict[str, str | None] = {}

    def __call__(self, word: str) -> str | None:
        if word in self._memo:
            return self._memo[word]
        hint = None
        cost = self._chars * max(1, len(word))
        if len(word) <= self._longest and self._left >= cost and self._lookups > 0:
            self._left -= cost
            self._lookups -= 1
            hint = did_you_mean(word, self._choices)
        if len(self._memo) < 100_000:
            self._memo[word] = hint
        return hint


class EmulationRulesError(Exception):
    """Root of every exception this library raises on purpose."""


class PlanError(EmulationRulesError):
    """A plan cannot be used. ``issues`` holds every problem found, sorted by position."""

    def __init__(self, issues: Sequence[Issue]) -> None:
        self.issues: tuple[Issue, ...] = tuple(sorted(issues, key=Issue.sort_key))
        first = str(self.issues[0]) if self.issues else "invalid plan"
        more = f" (and {len(self.issues) - 1} more)" if len(self.issues) > 1 else ""
        super().__init__(first + more)


class PlanNotFoundError(PlanError):
    """No plan file or bundled plan by that name."""


class PlanSyntaxError(PlanError):
    """The file is not YAML we accept (syntax, duplicate keys, anchors, size, depth)."""


class PlanInvalidError(PlanError):
    """The YAML is well formed but does not describe a valid plan."""


class MetricsError(EmulationRulesError):
    """A metrics, units or submissions file cannot be used at all."""

    def __init__(self, issues: Sequence[Issue]) -> None:
        self.issues = tuple(sorted(issues, key=Issue.sort_key))
        super().__init__(str(self.issues[0]) if self.issues else "invalid input")


class EvaluationError(EmulationRulesError):
    """Raised only on a bug in the library, never for a user's input."""
