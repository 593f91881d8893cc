"""No sentence for people is written in the package's code (issue 13, item 4): every Issue's
message and hint, and every user-facing exception, is a catalogue message (a ``Msg``), so that
it exists in Vietnamese and English.

Read from the source with ``ast``: an ``Issue(...)`` call whose message or hint is a string
literal, an f-string, or a string built with ``+``/``%``/``.format`` is English-only text.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

from .conftest import ROOT

SRC = ROOT / "src" / "emulation_rules"

_EXCEPTIONS = {
    "TimelineError", "IssueDateError", "ReviewError", "UnsupportedPlanError",
    "EvaluationTooLargeError", "ReportHtmlError", "ReportJinjaMissingError",
    "ResultsWorkbookError", "ResultsExcelMissingError", "EntryWorkbookError",
    "ExcelSupportMissingError", "MissingExtraError", "TableReaderMissing", "FramesMissing",
    "_UsageError",
}
"""The exceptions whose text the command line prints to a user."""


def _is_text(node: ast.expr) -> bool:
    """A string made in the code: a literal, an f-string, or one built from them."""
    if isinstance(node, ast.Constant):
        return isinstance(node.value, str) and bool(node.value.strip())
    if isinstance(node, ast.JoinedStr):
        return True
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add | ast.Mod):
        return _is_text(node.left) or _is_text(node.right)
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
        return node.func.attr == "format" and _is_text(node.func.value)
    if isinstance(node, ast.IfExp):
        return _is_text(node.body) or _is_text(node.orelse)
    if isinstance(node, ast.BoolOp):
        return any(_is_text(v) for v in node.values)
    return False


def _calls(name: str) -> Iterator[tuple[Path, ast.Call]]:
    for path in sorted(SRC.rglob("*.py")):
        if "_catalog" in path.parts:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
            if isinstance(node, ast.Call):
                func = node.func
                called = (func.id if isinstance(func, ast.Name) else
                          func.attr if isinstance(func, ast.Attribute) else "")
                if called == name or (name == "*exception*" and called in _EXCEPTIONS):
                    yield path, node


def _where(path: Path, node: ast.AST) -> str:
    return f"{path.relative_to(ROOT)}:{getattr(node, 'lineno', 0)}"


def test_no_issue_message_or_hint_is_english_only_text() -> None:
    found = []
    for path, call in _calls("Issue"):
        parts = list(call.args[1:2]) + list(call.args[3:4])
        parts += [k.value for k in call.keywords if k.arg in ("text", "advice")]
        found += [f"{_where(path, call)}: {ast.unparse(p)[:80]}" for p in parts if _is_text(p)]
    assert not found, "Issue(...) with text written in the code (use msg(...)):\n" + "\n".join(
        found)


def test_no_user_facing_exception_carries_english_only_text() -> None:
    found = [f"{_where(path, call)}: {ast.unparse(call)[:90]}"
             for path, call in _calls("*exception*")
             if any(_is_text(a) for a in call.args)]
    assert not found, "exceptions raised with text written in the code:\n" + "\n".join(found)
