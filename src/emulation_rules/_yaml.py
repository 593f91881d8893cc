"""The only module that imports PyYAML: safe, YAML 1.2-like loading with positions.

* Only the YAML 1.2 core schema is resolved: ``true``/``false``, ``null``/``~``, decimal,
  ``0o`` and ``0x`` integers, floats. ``no``, ``off``, ``yes`` and dates stay text, ``010`` is ten
  (not eight), as editors and check-jsonschema read them.
* Anchors, aliases and merge keys are refused (no alias bombs); only core tags are accepted.
* Duplicate keys are reported (with both lines); every problem is collected, not just the first.
* Size and nesting depth are bounded before anything is built; huge integers are refused.
* Every string (keys and values) is normalised to Unicode NFC.
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
        mark = exc.problem_mark or exc.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (0, 0)
        problem = " ".join(str(p) for p in (exc.context, exc.problem) if p)
        return doc, [Issue("yaml-syntax", msg("yaml.syntax", problem=shown(problem))
                           if problem else msg("yaml.syntax-unknown"), Location(file, line, col))]
    except yaml.YAMLError as exc:  # ReaderError (a control character) and the like
        return doc, [Issue("yaml-syntax", msg("yaml.unreadable", problem=shown(exc)),
                           Location(file))]
    except (RecursionError, ValueError) as exc:  # ValueError includes UnicodeError
        return doc, [Issue("yaml-syntax", msg("yaml.unreadable", problem=shown(exc)),
                           Location(file))]
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
