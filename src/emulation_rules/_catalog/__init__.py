"""The one registry of text for people, from which the gettext catalogues are generated.

Standard library only; read by ``scripts/gen_catalogs.py`` and the tests, never at run time
(the library reads the compiled ``.mo`` files through :mod:`emulation_rules.i18n`).

Each entry is a message id (a stable English identifier), its Vietnamese and its English text,
with the same ``{placeholders}`` in both. The entries come from:

- :mod:`emulation_rules.codes`: each issue code's meaning (``code.<code>``) and what to do
  (``code.<code>.fix``);
- the modules of this package, one per area: ``common`` (issues as a line, hints), ``cli``
  (help, notes, usage errors, argparse's own sentences), ``plan`` (plan files), ``table``
  (input tables), ``core`` (evaluation, awards, timeline), ``outputs`` (the words outputs
  share, Markdown, text, JSON labels, calendars), ``documents`` (the HTML report, the results
  workbook, the data-entry workbook), ``semantics`` (the checks that catch an unusable plan),
  ``plantests`` (plan tests written as data), ``newplan`` (starting a plan; the schema's
  words).

:func:`render_po` writes one language's ``.po`` file; ``tests/test_i18n.py`` fails when a
committed catalogue differs from it, when an id the package uses is missing, or when the two
languages' placeholders differ.
"""

from __future__ import annotations

import string
from collections.abc import Iterable
from dataclasses import dataclass
from importlib import import_module

from ..codes import CODES

__all__ = ["AREAS", "Entry", "M", "entries", "placeholders", "render_po"]

AREAS = ("common", "cli", "plan", "semantics", "table", "core", "outputs", "documents",
         "plantests", "newplan")
"""The modules of this package that hold messages, in the catalogue's order."""


@dataclass(frozen=True)
class Entry:
    """One message: its id, its Vietnamese and English text, and a note for translators."""

    id: str
    vi: str
    en: str
    note: str = ""

    def text(self, lang: str) -> str:
        return self.vi if lang == "vi" else self.en


M = Entry
"""The short name the area modules write their entries with."""


def placeholders(template: str) -> frozenset[str]:
    """The names of a template's ``{placeholders}`` (format specs ignored)."""
    return frozenset(name.split(".")[0].split("[")[0]
                     for _, name, _, _ in string.Formatter().parse(template)
                     if name is not None)


def _braces(text: str) -> str:
    """A text with no placeholders as a template: its braces doubled."""
    return text.replace("{", "{{").replace("}", "}}")


def _code_entries() -> Iterable[Entry]:
    for code in CODES.values():
        yield Entry(f"code.{code.code}", _braces(code.meaning_vi), _braces(code.meaning_en),
                    f"what the issue code {code.code} means ({code.area}, {code.severity})")
        yield Entry(f"code.{code.code}.fix", _braces(code.fix_vi), _braces(code.fix_en),
                    f"what to do about {code.code}")


def entries() -> list[Entry]:
    """Every entry, sorted by id. Raises ValueError on an id given twice."""
    found: dict[str, Entry] = {}
    sources: list[Iterable[Entry]] = [_code_entries()]
    sources += [import_module(f".{area}", __name__).MESSAGES for area in AREAS]
    for source in sources:
        for entry in source:
            if entry.id in found:
                raise ValueError(f"message id {entry.id!r} is given twice")
            found[entry.id] = entry
    return [found[key] for key in sorted(found)]


_HEADER = {
    "vi": "Vietnamese",
    "en": "English",
}

CREATED = "2026-12-08 00:00+0000"
"""A fixed creation date for the header: the catalogues are byte-identical however often they
are generated (Babel would write the time of compilation)."""


def _quote(text: str) -> str:
    return '"' + (text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
                  .replace("\t", "\\t").replace("\r", "\\r")) + '"'


def render_po(lang: str) -> str:
    """The ``.po`` catalogue of ``lang`` (``vi`` or ``en``), as committed."""
    if lang not in _HEADER:
        raise ValueError(f"no catalogue for {lang!r}")
    other = "en" if lang == "vi" else "vi"
    lines = [
        f"# {_HEADER[lang]} messages of emulation-rules.",
        "# Generated from emulation_rules/_catalog and emulation_rules/codes.py by",
        "# 'python scripts/gen_catalogs.py': edit those, then run it; not this file.",
        'msgid ""',
        'msgstr ""',
        '"Project-Id-Version: emulation-rules\\n"',
        '"Report-Msgid-Bugs-To: \\n"',
        f'"POT-Creation-Date: {CREATED}\\n"',
        f'"PO-Revision-Date: {CREATED}\\n"',
        '"Last-Translator: emulation_rules developers\\n"',
        f'"Language-Team: {_HEADER[lang]}\\n"',
        f'"Language: {lang}\\n"',
        '"MIME-Version: 1.0\\n"',
        '"Content-Type: text/plain; charset=UTF-8\\n"',
        '"Content-Transfer-Encoding: 8bit\\n"',
        '"Plural-Forms: nplurals=1; plural=0;\\n"' if lang == "vi" else
        '"Plural-Forms: nplurals=2; plural=(n != 1);\\n"',
        "",
    ]
    for entry in entries():
        if entry.note:
            lines.append(f"#. {entry.note}")
        lines.append(f"#. {other}: {entry.text(other)}".replace("\n", " "))
        lines.append(f"msgid {_quote(entry.id)}")
        lines.append(f"msgstr {_quote(entry.text(lang))}")
        lines.append("")
    return "\n".join(lines)
