"""Issues (problems found in a user's file) and the exception hierarchy.

Standard library only. A problem in a plan or metrics file is an :class:`Issue` value with a
stable code and a :class:`Location`; problems are collected and reported together. Exceptions
carry those issues when a file cannot be used at all.
"""

from __future__ import annotations

import difflib
import errno
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from enum import StrEnum

from ._inert import shown
from .i18n import Lang, Msg, literal, msg, text

__all__ = [
    "EmulationRulesError",
    "EvaluationError",
    "Hints",
    "Issue",
    "Location",
    "MetricsError",
    "MissingExtra",
    "PlanError",
    "PlanInvalidError",
    "PlanNotFoundError",
    "PlanSyntaxError",
    "Severity",
    "did_you_mean",
    "format_path",
    "os_reason",
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

    def render(self, lang: Lang | None = None) -> str:
        """``file:line:col: $.path`` for a plan, ``file:row: column 'x'`` for a table's row
        (the word "column" in ``lang``, default :func:`emulation_rules.i18n.current`)."""
        head = self.file or "<input>"
        if self.is_row:
            # a row of a table (CSV, JSON or YAML rows): file:row, then the column
            head += f":{self.line}" if self.line else ""
            if len(self.path) > 1:
                head += ": " + text("issue.column", lang, column=repr(self.path[1]))
            return head
        if self.line:
            head += f":{self.line}:{self.column}"
        return f"{head}: {format_path(self.path)}" if self.path else head

    def __str__(self) -> str:
        return self.render()


def _as_msg(value: Msg | str) -> Msg:
    return value if isinstance(value, Msg) else literal(value)


class Issue:
    """One problem in a user's file. ``code`` is stable; tests and tools key on it.

    What is wrong (``text``) and what to do (``advice``) are :class:`~emulation_rules.i18n.Msg`
    values, shown in the language asked for: :meth:`render` (and ``str()``) in the current
    language, Vietnamese by default; :attr:`message` and :attr:`hint` are the English text,
    the same in every locale (for logs and programs that read words).
    """

    __slots__ = ("acknowledgement", "advice", "code", "location", "severity", "text")

    code: str
    text: Msg
    location: Location
    advice: Msg | None
    severity: Severity
    acknowledgement: str | None
    """For a warning the plan acknowledges (``acknowledge: [{code, reason}]``): the reason
    it gives; None otherwise."""

    def __init__(self, code: str, text: Msg | str, location: Location = Location(),
                 advice: Msg | str | None = None, severity: Severity = Severity.ERROR) -> None:
        object.__setattr__(self, "code", code)
        object.__setattr__(self, "text", _as_msg(text))
        object.__setattr__(self, "location", location)
        object.__setattr__(self, "advice", None if advice is None else _as_msg(advice))
        object.__setattr__(self, "severity", severity)
        object.__setattr__(self, "acknowledgement", None)

    def acknowledged(self, reason: str) -> Issue:
        """This warning, acknowledged by the plan for ``reason`` (a copy)."""
        copy = Issue.__new__(Issue)
        for name in Issue.__slots__:
            object.__setattr__(copy, name, getattr(self, name))
        object.__setattr__(copy, "acknowledgement", reason)
        return copy

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError("an Issue is immutable")

    def _key(self) -> tuple[object, ...]:
        return (self.code, self.text, self.location, self.advice, self.severity,
                self.acknowledgement)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Issue) and self._key() == other._key()

    def __hash__(self) -> int:
        return hash(self._key())

    def __repr__(self) -> str:
        return (f"Issue(code={self.code!r}, message={self.message!r}, "
                f"location={self.location!r}, hint={self.hint!r}, "
                f"severity={self.severity.value!r}"
                + (f", acknowledgement={self.acknowledgement!r})" if self.acknowledgement
                   is not None else ")"))

    @property
    def message(self) -> str:
        """What is wrong, in English."""
        return self.text.render("en")

    @property
    def hint(self) -> str | None:
        """What to do, in English (None when the issue gives no advice)."""
        return None if self.advice is None else self.advice.render("en")

    def message_in(self, lang: Lang | None = None) -> str:
        """What is wrong in ``lang`` (default the current language)."""
        return self.text.render(lang)

    def hint_in(self, lang: Lang | None = None) -> str | None:
        """What to do in ``lang``, or None."""
        return None if self.advice is None else self.advice.render(lang)

    def explained(self, lang: Lang | None = None) -> str:
        """The message with its hint in parentheses, in ``lang``; an acknowledged warning
        with its acknowledgement in brackets instead of the hint."""
        message = self.message_in(lang)
        if self.acknowledgement is not None:
            return message + " " + text("issue.acknowledged", lang,
                                        reason=shown(self.acknowledgement))
        hint = self.hint_in(lang)
        return f"{message} ({hint})" if hint else message

    def render(self, lang: Lang | None = None) -> str:
        """The issue as one line: ``file:line:col: $.path: error[code] message (hint)``, the
        severity word, the message and the hint in ``lang``."""
        severity = text(f"issue.{self.severity.value}", lang)
        return f"{self.location.render(lang)}: {severity}[{self.code}] {self.explained(lang)}"

    def __str__(self) -> str:
        return self.render()

    def sort_key(self) -> tuple[str, int, int, str]:
        loc = self.location
        return (loc.file, loc.line, loc.column, self.code)

    def to_dict(self, lang: Lang | None = None) -> dict[str, object]:
        """The issue as JSON-ready data; message and hint in ``lang`` (default the current
        language), every other field the same in every language."""
        loc = self.location
        if loc.is_row:
            return {"code": self.code, "severity": self.severity.value,
                    "message": self.message_in(lang), "hint": self.hint_in(lang),
                    "file": loc.file, "row": loc.line,
                    "column": loc.path[1] if len(loc.path) > 1 else None}
        return {
            "code": self.code,
            "severity": self.severity.value,
            "message": self.message_in(lang),
            "hint": self.hint_in(lang),
            "file": loc.file,
            "line": loc.line,
            "column": loc.column,
            "path": format_path(loc.path),
        }


def did_you_mean(word: str, choices: Iterable[str]) -> Msg | None:
    """A "did you mean" hint for ``word`` among ``choices``, or None."""
    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return msg("hint.did-you-mean", word=shown(close[0])) if close else None


_OS_REASONS = {errno.EACCES: "permission", errno.EPERM: "permission", errno.EISDIR: "folder",
               errno.ENOENT: "missing"}


def os_reason(exc: OSError) -> Msg:
    """Why a file cannot be read: in our words for the usual reasons (no permission, a folder,
    no such file), else the system's own (escaped)."""
    reason = _OS_REASONS.get(exc.errno or 0)
    if reason is not None:
        return msg(f"os.{reason}")
    return literal(shown(exc.strerror or type(exc).__name__))


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
        self._memo: dict[str, Msg | None] = {}

    def __call__(self, word: str) -> Msg | None:
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
        super().__init__(*self.issues)

    def __str__(self) -> str:
        return _first_and_more(self.issues, "invalid plan")


def _first_and_more(issues: Sequence[Issue], default: str) -> str:
    """The first issue in the current language, and how many more."""
    if not issues:
        return default
    more = text("issue.and-more", None, count=len(issues) - 1) if len(issues) > 1 else ""
    return str(issues[0]) + more


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
        super().__init__(*self.issues)

    def __str__(self) -> str:
        return _first_and_more(self.issues, "invalid input")


class MissingExtra(EmulationRulesError):
    """An optional extra is not installed (openpyxl for Excel, jinja2 for the report,
    icalendar for calendars, narwhals for DataFrames); its text says which to install, in
    the current language. The command line reports it as a usage error (exit 2)."""


class EvaluationError(EmulationRulesError):
    """Raised only on a bug in the library, never for a user's input."""
