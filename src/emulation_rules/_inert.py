"""Text from inputs made inert for where it goes: a terminal, a Markdown table, a message.

Plans, metrics and units files come from many offices; any text in them (a unit id, a label, a
quote, a file name) may hold control characters, bidirectional marks, zero-width characters or
markup. Nothing here interprets text; each function only escapes it for one kind of output:

- :func:`terminal`: control characters (ESC, CR, DEL, C1), format characters (bidirectional
  marks, zero-width characters) and unassigned or private code points are shown as ``\\x1b``,
  ``\\u202e``; newlines and tabs stay (the output's own layout).
- :func:`markdown_cell`: also ``|``, ``<``, ``>``, ``&``, backticks, emphasis and link
  characters and line breaks, so that a cell stays one cell, renders as written and no HTML is
  rendered.
- :func:`shown`: a value quoted in a message: escaped as for the terminal, newlines included,
  every character outside the Latin letters Vietnamese is written in shown as its code point
  (a Cyrillic ``а`` in ``h1x0а`` is ``h1x0\\u0430``: a look-alike is visible), and cut at 200
  characters.
"""

from __future__ import annotations

import re
import unicodedata

__all__ = ["json_text", "markdown_cell", "markdown_code", "shown", "skeleton", "terminal"]

_KEEP = {"\n", "\t"}
_UNSAFE_CATEGORIES = {"Cc", "Cf", "Co", "Cs", "Cn", "Zl", "Zp"}
_CANDIDATE = re.compile(r"[^\x20-\x7e\n\t\u00a0-\u00ac\u00ae-\u02ff\u0300-\u036f\u1e00-\u1eff]")
"""Characters worth a look (everything outside printable ASCII and the Latin ranges Vietnamese
uses): the check of their category runs only on these, so plain text costs one regex scan."""


def _escape(char: str) -> str:
    code = ord(char)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}" if code < 0x10000 else (
        f"\\U{code:08x}")


def _sub(match: re.Match[str]) -> str:
    char = match.group(0)
    if char in _KEEP or unicodedata.category(char) not in _UNSAFE_CATEGORIES:
        return char
    return _escape(char)


def terminal(text: str) -> str:
    """``text`` with every character a terminal could act on shown escaped."""
    return _CANDIDATE.sub(_sub, text)


def markdown_cell(text: str) -> str:
    """``text`` as one cell of a Markdown table: inert for the terminal and for Markdown."""
    text = terminal(text).replace("\n", " ").replace("\t", " ")
    for raw, safe in (("\\", "\\\\"), ("&", "&amp;"), ("<", "&lt;"), (">", "&gt;"),
                      ("|", "\\|"), ("`", "\\`"), ("*", "\\*"), ("[", "\\["), ("]", "\\]")):
        text = text.replace(raw, safe)
    return _UNDERSCORES.sub(_underscore, text) if "_" in text else text


_UNDERSCORES = re.compile(r"_+")


def _underscore(match: re.Match[str]) -> str:
    """A run of ``_`` escaped unless it stands between two letters or digits (``good_deeds``):
    such a run can neither open nor close emphasis in CommonMark, so it reads as written in a
    terminal; any other run could, and is escaped."""
    text, start, end = match.string, match.start(), match.end()
    inside = (start > 0 and end < len(text) and text[start - 1].isalnum()
              and text[end].isalnum())
    return match.group(0) if inside else match.group(0).replace("_", "\\_")


def markdown_code(text: str) -> str:
    """``text`` (a file name, an id) as a Markdown code span: read as written in a terminal
    (no backslashes before ``_``), shown literally by a Markdown renderer (no emphasis, link or
    markup inside a code span), control characters escaped. Not for table cells (a ``|``
    would still split the cell): there, :func:`markdown_cell`."""
    text = terminal(text).replace("\n", " ").replace("\t", " ")
    fence = "`" * (max((len(run) for run in re.findall(r"`+", text)), default=0) + 1)
    pad = " " if text[:1] == "`" or text[-1:] == "`" else ""
    return f"{fence}{pad}{text}{pad}{fence}"


_NOT_PLAIN = re.compile(r"[^\x20-\x7e\u00c0-\u024f\u0300-\u036f\u1ea0-\u1ef9]")
"""Anything but printable ASCII and the Latin letters and combining marks Vietnamese is written
in (a no-break space, a Cyrillic or Greek look-alike, a full-width letter, a quote mark)."""


def _code_point(match: re.Match[str]) -> str:
    return _escape(match.group(0))


def shown(value: object, limit: int = 200) -> str:
    """A value quoted in a message: one line, every character outside printable ASCII and the
    Latin letters and marks Vietnamese uses written as its code point (control, invisible and
    look-alike characters alike), at most ``limit`` characters."""
    text = str(value).replace("\n", "\\n").replace("\t", "\\t")
    text = _NOT_PLAIN.sub(_code_point, text)
    return text if len(text) <= limit else text[:limit - 1] + "…"


_JSON_CANDIDATE = re.compile(r"[\u007f-\u009f\u00ad\u0600-\u0605\u061c\u06dd\u070f\u180e"
                             r"\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff\ufff9-\ufffb"
                             r"\ud800-\udfff\U000e0000-\U000e007f]")


def _json_escape(match: re.Match[str]) -> str:
    code = ord(match.group(0))
    if code < 0x10000:
        return f"\\u{code:04x}"
    code -= 0x10000
    return f"\\u{0xd800 + (code >> 10):04x}\\u{0xdc00 + (code & 0x3ff):04x}"


def json_text(text: str) -> str:
    """JSON written with ``ensure_ascii=False``, its invisible and control characters written
    as ``\\uXXXX`` escapes: the same JSON, inert in a terminal (Vietnamese stays readable)."""
    return _JSON_CANDIDATE.sub(_json_escape, text)


# Letters of other scripts drawn like Latin ones (the Unicode confusables that matter for ids
# typed by hand or pasted from a document): Cyrillic and Greek.
_LOOKALIKE = str.maketrans({
    "а": "a", "в": "b", "е": "e", "к": "k", "м": "m", "н": "h", "о": "o", "р": "p", "с": "c",
    "т": "t", "у": "y", "х": "x", "і": "i", "ј": "j", "ѕ": "s", "ԁ": "d", "ԛ": "q", "ԝ": "w",
    "ӏ": "l", "α": "a", "β": "b", "ε": "e", "η": "n", "ι": "i", "κ": "k", "ν": "v", "ο": "o",
    "ρ": "p", "τ": "t", "υ": "u", "χ": "x", "ω": "w", "ℓ": "l",
})


def skeleton(text: str) -> str:
    """What ``text`` looks like: compatibility forms folded (a full-width ``１`` is ``1``),
    case folded, invisible characters dropped and Cyrillic or Greek look-alikes read as the
    Latin letters they resemble. Two ids with one skeleton are easily taken for each other."""
    folded = unicodedata.normalize("NFKC", text).casefold().translate(_LOOKALIKE)
    return "".join(c for c in folded if unicodedata.category(c) not in ("Cf", "Cc", "Zs")
                   or c == " ").strip()
