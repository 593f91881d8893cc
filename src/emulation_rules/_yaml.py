"""The only module that imports PyYAML: safe, YAML 1.2-like loading with positions.

* Only the YAML 1.2 core schema is resolved: ``true``/``false``, ``null``/``~``, decimal,
  ``0o`` and ``0x`` integers, floats. ``no``, ``off``, ``yes`` and dates stay text, ``010`` is ten
  (not eight), as editors and check-jsonschema read them.
* Anchors, aliases and merge keys are refused (no alias bombs); only core tags are accepted.
* Duplicate keys are reported (with both lines); every problem is collected, not just the first.
* Size and nesting depth are bounded before anything is built; huge integers are refused.
* Every string (keys and values) is normalised to Unicode NFC.
* A syntax error is worded in our words by its kind (a Tab, an unclosed quote or bracket, a
  key out of line, a control character, ...), at the line and column where the mistake is
  (the opening quote, not the end of the file), with its fix; PyYAML's English never shows.
* :class:`Document` maps each YAML path to the line and column where its node starts.
"""

from __future__ import annotations

import importlib
import re
import unicodedata
from dataclasses import dataclass, field
from typing import Any

import yaml

from ._inert import shown
from .errors import Issue, Location
from .i18n import Msg, msg
from .limits import PLAN_BYTES, PLAN_DEPTH

__all__ = ["MAX_BYTES", "MAX_DEPTH", "Document", "dump", "parse"]

MAX_BYTES = PLAN_BYTES
MAX_DEPTH = PLAN_DEPTH
MAX_INT_DIGITS = 30

Path = tuple[str | int, ...]

_BOOL = re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$")
_NULL = re.compile(r"^(?:~|null|Null|NULL|)$")
_INT = re.compile(r"^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$")
_FLOAT = re.compile(
    r"^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?"
    r"|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$"
)
_TAG = "tag:yaml.org,2002:"
_CORE_TAGS = {_TAG + t for t in ("str", "int", "float", "bool", "null", "seq", "map")}


class _Refused(Exception):
    def __init__(self, code: str, message: Msg, mark: Any) -> None:
        super().__init__(message)
        self.code, self.message, self.mark = code, message, mark


class _CoreResolver(yaml.resolver.Resolver):
    """The YAML 1.2 core schema's implicit types only (see the module docstring)."""

    yaml_implicit_resolvers: dict[Any, Any] = {}  # noqa: RUF012  (PyYAML class table)


_CoreResolver.add_implicit_resolver(_TAG + "bool", _BOOL, list("tTfF"))
_CoreResolver.add_implicit_resolver(_TAG + "null", _NULL, ["~", "n", "N", ""])
_CoreResolver.add_implicit_resolver(_TAG + "int", _INT, list("-+0123456789"))
_CoreResolver.add_implicit_resolver(_TAG + "float", _FLOAT, list("-+0123456789."))


class _Guard(yaml.composer.Composer):
    """PyYAML's composer with no anchors or aliases and a depth bound."""

    _depth = 0

    def compose_node(self, parent: Any, index: Any) -> Any:
        event = self.peek_event()  # type: ignore[attr-defined]
        if isinstance(event, yaml.AliasEvent):
            raise _Refused("yaml-alias", msg("yaml.alias"),
                           event.start_mark)
        if getattr(event, "anchor", None):
            raise _Refused("yaml-anchor", msg("yaml.anchor"),
                           event.start_mark)
        self._depth += 1
        if self._depth > MAX_DEPTH:
            raise _Refused("too-deep", msg("yaml.too-deep", limit=MAX_DEPTH),
                           event.start_mark)
        try:
            return super().compose_node(parent, index)
        finally:
            self._depth -= 1


class _Loader(_Guard, yaml.reader.Reader, yaml.scanner.Scanner, yaml.parser.Parser,
              _CoreResolver):
    """The pure-Python scanner and parser, under the guarded composer."""

    def __init__(self, stream: str) -> None:
        yaml.reader.Reader.__init__(self, stream)
        yaml.scanner.Scanner.__init__(self)
        yaml.parser.Parser.__init__(self)
        _Guard.__init__(self)
        _CoreResolver.__init__(self)


# PyYAML built with libyaml (the usual wheels) has a C parser; without it, None.
_CParser: Any = getattr(importlib.import_module("yaml.cyaml"), "CParser", None) if getattr(
    yaml, "__with_libyaml__", False) else None

if _CParser is not None:
    class _CLoader(_Guard, _CParser, _CoreResolver):  # type: ignore[misc]
        """libyaml's scanner and parser (in C, several times faster), under the same guarded
        composer and resolver: the events are the same, so are the checks."""

        def __init__(self, stream: str) -> None:
            _CParser.__init__(self, stream)
            _Guard.__init__(self)
            _CoreResolver.__init__(self)


def _loader(text: str) -> Any:
    return _CLoader(text) if _CParser is not None else _Loader(text)


@dataclass
class Document:
    """Parsed YAML: plain data plus the position of every node by YAML path."""

    file: str
    data: Any = None
    positions: dict[Path, tuple[int, int]] = field(default_factory=dict)

    def location(self, path: Path) -> Location:
        """The location of ``path``, or of its nearest ancestor that has one."""
        probe = tuple(path)
        while probe and probe not in self.positions:
            probe = probe[:-1]
        line, column = self.positions.get(probe, (0, 0))
        return Location(self.file, line, column, tuple(path))


def _nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


class _Builder:
    def __init__(self, file: str, text_scalars: bool = False) -> None:
        self.doc = Document(file)
        self.issues: list[Issue] = []
        self.text_scalars = text_scalars

    def issue(self, code: str, message: Msg, node: Any, path: Path, hint: Msg | None = None
              ) -> None:
        mark = node.start_mark
        loc = Location(self.doc.file, mark.line + 1, mark.column + 1, path)
        self.issues.append(Issue(code, message, loc, hint))

    def build(self, node: Any, path: Path) -> Any:
        self.doc.positions[path] = (node.start_mark.line + 1, node.start_mark.column + 1)
        if node.tag not in _CORE_TAGS:
            self.issue("yaml-tag", msg("yaml.tag", tag=shown(node.tag)), node, path,
                       msg("yaml.tag.hint"))
            return None
        if isinstance(node, yaml.MappingNode):
            return self.mapping(node, path)
        if isinstance(node, yaml.SequenceNode):
            return [self.build(item, (*path, i)) for i, item in enumerate(node.value)]
        return self.scalar(node, path)

    def mapping(self, node: Any, path: Path) -> dict[str, Any]:
        out: dict[str, Any] = {}
        first_line: dict[str, int] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                self.issue("yaml-key", msg("yaml.key"), key_node, path)
                continue
            key = _nfc(str(key_node.value))
            if key == "<<":
                self.issue("yaml-merge-key", msg("yaml.merge-key"), key_node, path,
                           msg("yaml.merge-key.hint"))
                continue
            if key in out or key in first_line:
                self.issue("duplicate-key",
                           msg("yaml.duplicate-key", key=shown(key), line=first_line[key]),
                           key_node, (*path, key), msg("yaml.duplicate-key.hint"))
                continue
            first_line[key] = key_node.start_mark.line + 1
            out[key] = self.build(value_node, (*path, key))
            # a key's path points at the key itself, as an editor would
            mark = key_node.start_mark
            self.doc.positions[(*path, key)] = (mark.line + 1, mark.column + 1)
        return out

    def scalar(self, node: Any, path: Path) -> Any:
        text = _nfc(str(node.value))
        tag = node.tag
        if tag == _TAG + "str":
            return text
        if tag == _TAG + "null":
            return None
        if self.text_scalars:  # a table's cell is the text written (0012 stays 0012)
            return text
        if tag == _TAG + "bool":
            return text.lower() == "true"
        if tag == _TAG + "int":
            digits = text.lstrip("+-")
            if len(digits) > MAX_INT_DIGITS:
                self.issue("number-too-large", msg("yaml.long-integer", digits=len(digits)),
                           node, path)
                return None
            if digits.startswith(("0o", "0x")):
                value = int(digits, 0)
                return -value if text.startswith("-") else value
            return int(text)
        if tag == _TAG + "float":
            if len(text) > 64:
                self.issue("number-too-large", msg("yaml.long-number"), node, path)
                return None
            lowered = text.lower()
            if lowered.endswith(".inf"):
                return float(lowered.replace(".inf", "inf"))
            if lowered == ".nan":
                return float("nan")
            return float(text)
        return text


# ----- syntax errors in our words ------------------------------------------------------------
# PyYAML's (and libyaml's) English never reaches a person: the kind of mistake is read from the
# exception's context, problem and marks, and from the text at those marks; each kind has its
# message and its fix (``yaml.syntax.<kind>`` in the catalogue). A kind not known here gets a
# generic sentence with its line and column.

_KEY_LINE = re.compile(r"^(?P<indent> *)(?:- +)?(?P<key>[^\s#'\"{\[][^:#]*?):(?:\s|$)")
"""A line that starts with a plain key (``  key:``, ``  - key:``)."""
_LOOKBACK = 200
"""How many lines above a mistake are read to find the keys it should line up with."""


def _char(text: str, mark: Any) -> str:
    """The character at ``mark`` (both parsers count marks in characters), or ''."""
    index = getattr(mark, "index", -1) if mark is not None else -1
    return text[index] if isinstance(index, int) and 0 <= index < len(text) else ""


def _line_of(text: str, index: int) -> tuple[int, str]:
    """The offset where the line holding ``index`` starts, and that line."""
    start = text.rfind("\n", 0, max(0, index)) + 1
    end = text.find("\n", start)
    return start, text[start:end if end >= 0 else len(text)].rstrip("\r")


def _keys_above(text: str, start: int) -> list[tuple[int, int, str]]:
    """(line number, column of the key from 0, key) of the key lines above the line that
    starts at ``start``, nearest first (at most :data:`_LOOKBACK` lines are read)."""
    lines = text[:start].split("\n")
    first = text.count("\n", 0, start) + 1  # the line number of the line at ``start``
    found = []
    for back, line in enumerate(reversed(lines[-_LOOKBACK - 1:-1] if len(lines) > 1 else [])):
        match = _KEY_LINE.match(line)
        if match:
            found.append((first - back - 1, match.start("key"), match["key"].strip()))
    return found


def _quoted(key: str, value: str) -> str:
    """``key: "value"`` as the fix of a value that must be quoted."""
    if '"' in value:
        return f"{key}: '" + value.replace("'", "''") + "'"
    return f'{key}: "{value}"'


def _colon_found(text: str, mark: Any) -> tuple[str, Any, dict[str, object], str]:
    """'mapping values are not allowed': a key on a line that reads as the rest of the value
    above (indented too far), or a value holding ': ' that is not quoted."""
    start, line = _line_of(text, mark.index)
    before = text[start:mark.index].strip()
    if before.startswith("- "):
        before = before[2:].strip()
    if mark.column > 1000:  # a key longer than YAML allows on one line
        return "other", mark, {}, ""
    if before and ": " not in before and not before.endswith(":"):
        above = next(((n, key) for n, _, key in _keys_above(text, start)), None)
        args: dict[str, object] = {"key": shown(before, 60)}
        if above is None:
            return "indented-key", mark, args, "yaml.syntax.indented-key.hint-plain"
        args.update(above=shown(above[1], 60), line=above[0])
        return "indented-key", mark, args, "yaml.syntax.indented-key.hint"
    key, _, value = line.strip().removeprefix("- ").partition(":")
    value = value.split(" #")[0].strip()
    return "colon-in-value", mark, {"fixed": shown(_quoted(key.strip(), value), 120)}, ""


def _misaligned(text: str, mark: Any) -> tuple[str, Any, dict[str, object], str]:
    """A line at an indentation no open mapping has: offer the keys above to line up with."""
    start, line = _line_of(text, mark.index)
    spaces = len(line) - len(line.lstrip(" "))
    args: dict[str, object] = {"spaces": spaces}
    keys = _keys_above(text, start)
    deeper = next((k for k in keys if k[1] > spaces), None)
    outer = next((k for k in keys if k[1] < spaces), None)
    if deeper and outer:
        args.update(deeper=shown(deeper[2], 60), deeper_line=deeper[0],
                    outer=shown(outer[2], 60), outer_line=outer[0])
        return "misaligned", mark, args, "yaml.syntax.misaligned.hint-two"
    ref = deeper or outer
    if ref is None:
        return "misaligned", mark, args, "yaml.syntax.other.hint"
    args.update(ref=shown(ref[2], 60), ref_line=ref[0])
    return "misaligned", mark, args, "yaml.syntax.misaligned.hint-one"


def _in_mapping(text: str, mark: Any) -> tuple[str, Any, dict[str, object], str]:
    """'did not find expected key' / 'expected <block end>' inside a block mapping."""
    char = _char(text, mark)
    start, line = _line_of(text, mark.index)
    at_indent = mark.index - start == len(line) - len(line.lstrip(" "))
    if char == "-" and at_indent:
        return "item-in-mapping", mark, {}, ""
    if at_indent:
        return _misaligned(text, mark)
    if text[start:mark.index].rstrip()[-1:] in ("'", '"'):
        return "after-quote", mark, {}, ""
    return "other", mark, {}, ""


def _syntax_found(exc: yaml.MarkedYAMLError, text: str
                  ) -> tuple[str, Any, dict[str, object], str]:
    """The kind of a syntax error, the mark where the mistake is, the message's arguments and
    the hint's id ('' for the kind's own ``.hint``)."""
    problem, context = str(exc.problem or ""), str(exc.context or "")
    at, opened = exc.problem_mark, exc.context_mark
    if _char(text, at) == "\t" or "tab character" in problem:
        return "tab", at, {}, ""
    if "escape" in problem:
        return "escape", at, {}, ""
    if "quoted scalar" in context and opened is not None:
        # PyYAML reports the end of the file; the mistake is where the quote opens
        return "unclosed-quote", opened, {"quote": _char(text, opened) or '"'}, ""
    if context.startswith("while parsing a flow") and opened is not None and (
            "expected ','" in problem):
        bracket = _char(text, opened)
        return "unclosed-bracket", opened, {
            "open": bracket or "[", "close": "}" if bracket == "{" else "]"}, ""
    if "mapping values are not allowed" in problem and at is not None:
        return _colon_found(text, at)
    if "expected ':'" in problem and opened is not None:
        return "missing-colon", opened, {}, ""
    if "block mapping" in context and at is not None:
        return _in_mapping(text, at)
    if "block collection" in context and at is not None:
        start, line = _line_of(text, at.index)
        spaces = len(line) - len(line.lstrip(" "))
        if opened is not None and at.index - start == spaces > opened.column and (
                _char(text, at) != "-"):
            return _misaligned(text, at)  # a key of the item above, not lined up with it
        return "not-an-item", at, {}, ""
    if "single document" in context and at is not None:
        return "two-documents", at, {}, ""
    if "directive" in context and opened is not None:
        return "bad-start", opened, {"char": "%"}, ""
    if "cannot start any token" in problem and at is not None:
        return "bad-start", at, {"char": shown(_char(text, at))}, ""
    return "other", at or opened, {}, ""


def _syntax_issue(exc: yaml.MarkedYAMLError, text: str, file: str) -> Issue:
    kind, mark, args, hint = _syntax_found(exc, text)
    line, column = (mark.line + 1, mark.column + 1) if mark is not None else (0, 0)
    if kind == "other":
        args = {"line": line, "column": column}
    return Issue("yaml-syntax", msg(f"yaml.syntax.{kind}", **args),
                 Location(file, line, column), msg(hint or f"yaml.syntax.{kind}.hint", **args))


def _bad_character(text: str, file: str, char: str, position: int) -> Issue:
    """A control or non-character where PyYAML stopped: located at its line and column (found
    by the character itself: libyaml counts its position in bytes)."""
    index = text.find(char) if char else -1
    if index < 0:
        index = position if 0 <= position <= len(text) else -1
    if index < 0:
        return Issue("yaml-syntax", msg("yaml.syntax.control", char=shown(char or "?")),
                     Location(file), msg("yaml.syntax.control.hint"))
    start = text.rfind("\n", 0, index) + 1
    return Issue("yaml-syntax", msg("yaml.syntax.control", char=shown(char)),
                 Location(file, text.count("\n", 0, index) + 1, index - start + 1),
                 msg("yaml.syntax.control.hint"))


def parse(text: str | bytes, file: str = "<input>", *, text_scalars: bool = False
          ) -> tuple[Document, list[Issue]]:
    """Parse one YAML document. Never raises for bad input: problems come back as issues.

    With ``text_scalars`` every plain scalar but null is its text as written (for tables:
    a unit id ``0012`` stays ``0012``, ``5.0`` is read by the table's own rules)."""
    doc = Document(file)
    if len(text) > MAX_BYTES:
        return doc, [Issue("too-large", msg("yaml.too-large", limit=MAX_BYTES),
                           Location(file))]
    if isinstance(text, bytes):
        raw = text
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            line = raw[: exc.start].count(b"\n") + 1
            return doc, [Issue("encoding", msg("yaml.not-utf8"), Location(file, line, 1),
                               msg("yaml.not-utf8.hint"))]
    if text.startswith("\ufeff"):
        text = text[1:]
    loader = None
    try:
        loader = _loader(text)
        node = loader.get_single_node()
    except _Refused as exc:
        mark = exc.mark
        return doc, [Issue(exc.code, exc.message, Location(file, mark.line + 1,
                                                           mark.column + 1))]
    except yaml.MarkedYAMLError as exc:
        return doc, [_syntax_issue(exc, text, file)]
    except yaml.reader.ReaderError as exc:  # a control character: PyYAML gives its position
        return doc, [_bad_character(text, file, chr(exc.character), exc.position)]
    except UnicodeError as exc:  # libyaml refuses a lone surrogate this way
        start = getattr(exc, "start", -1)
        char = text[start] if isinstance(start, int) and 0 <= start < len(text) else ""
        return doc, [_bad_character(text, file, char, start)]
    except yaml.YAMLError:
        return doc, [Issue("yaml-syntax", msg("yaml.syntax.unreadable"), Location(file),
                           msg("yaml.syntax.other.hint"))]
    except RecursionError:
        return doc, [Issue("yaml-syntax", msg("yaml.too-deep", limit=MAX_DEPTH),
                           Location(file))]
    except ValueError:
        return doc, [Issue("yaml-syntax", msg("yaml.syntax.unreadable"), Location(file),
                           msg("yaml.syntax.other.hint"))]
    finally:
        if loader is not None:
            loader.dispose()
    if node is None:
        return doc, [Issue("empty-file", msg("yaml.empty"), Location(file))]
    builder = _Builder(file, text_scalars)
    builder.doc.data = builder.build(node, ())
    return builder.doc, builder.issues


class _Dumper(yaml.SafeDumper):
    """Dumps text so that YAML 1.1 and 1.2 readers agree (ambiguous scalars are quoted)."""


def _str_representer(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    style = None
    if (_BOOL.match(value) or _NULL.match(value) or _INT.match(value) or _FLOAT.match(value)
            or value.lower() in {"yes", "no", "on", "off", "y", "n"}
            or re.match(r"^\d{4}-\d\d-\d\d$", value) or re.match(r"^[0-9:._+-]+$", value)):
        style = '"'
    return dumper.represent_scalar(_TAG + "str", value, style=style)


_Dumper.add_representer(str, _str_representer)


def dump(data: Any) -> str:
    """Dump plain data as block YAML that :func:`parse` reads back to equal data."""
    return yaml.dump(data, Dumper=_Dumper, allow_unicode=True, sort_keys=False,
                     default_flow_style=False, width=100)
