"""Plan issues as a SARIF 2.1.0 log, for code scanning (``validate --format sarif``).

GitHub's code scanning (and other SARIF viewers) shows each issue at its file, line and
column, with the rule's meaning and what to do from the registry of issue codes, in the
language asked for. Standard library only.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from urllib.parse import quote

from . import __version__
from .codes import CODES
from .errors import Issue
from .i18n import Lang, current, text

__all__ = ["SARIF_SCHEMA", "sarif_log", "sarif_text"]

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
"""The schema a SARIF 2.1.0 log names in ``$schema``."""

_INFO_URI = "https://github.com/emulation-rules/emulation-rules"


def _uri(file: str) -> str:
    """A file as a SARIF artifact URI: relative paths as written (``/`` separators),
    characters that are not allowed in a URI percent-encoded."""
    if not file:
        return ""
    path = Path(file)
    posix = path.as_posix()
    if path.is_absolute():
        return "file://" + quote(posix)
    return quote(posix)


def sarif_log(results: Sequence[tuple[str, Sequence[Issue]]], lang: Lang | None = None
              ) -> dict[str, object]:
    """One SARIF run over the issues of every plan checked: a rule per code met, with its
    meaning and fix; a result per issue, at its file, line and column (a warning the plan
    acknowledges with a suppression in source, its reason as the justification)."""
    codes = sorted({i.code for _, issues in results for i in issues})
    index = {code: n for n, code in enumerate(codes)}
    rules = []
    for code in codes:
        entry = CODES.get(code)
        rule: dict[str, object] = {"id": code, "name": code}
        if entry is not None:
            rule["shortDescription"] = {"text": text(f"code.{code}", lang)}
            rule["help"] = {"text": text(f"code.{code}.fix", lang)}
            rule["defaultConfiguration"] = {"level": entry.severity}
        rules.append(rule)
    found: list[dict[str, object]] = []
    for ref, issues in results:
        for issue in issues:
            loc = issue.location
            physical: dict[str, object] = {
                "artifactLocation": {"uri": _uri(loc.file or ref)}}
            if loc.line > 0:
                physical["region"] = {"startLine": loc.line,
                                      **({"startColumn": loc.column} if loc.column > 0 else {})}
            result: dict[str, object] = {
                "ruleId": issue.code,
                "ruleIndex": index[issue.code],
                "level": issue.severity.value,
                "message": {"text": issue.explained(lang)},
                "locations": [{"physicalLocation": physical}],
            }
            if issue.acknowledgement is not None:  # acknowledged in the plan, beside its quote
                result["suppressions"] = [{"kind": "inSource",
                                           "justification": issue.acknowledgement}]
            found.append(result)
    return {
        "$schema": SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {"name": "emulation-rules", "version": __version__,
                                "informationUri": _INFO_URI, "rules": rules}},
            "language": lang or current(),
            "results": found,
        }],
    }


def sarif_text(results: Sequence[tuple[str, Sequence[Issue]]], lang: Lang | None = None
               ) -> str:
    """:func:`sarif_log` as JSON text (UTF-8, indented), ending in a newline."""
    return json.dumps(sarif_log(results, lang), ensure_ascii=False, indent=2) + "\n"
