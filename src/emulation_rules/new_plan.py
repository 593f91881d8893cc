"""Start a plan: the commented overlay that ``emulation-rules new`` writes.

``write_new_plan("dak_ha", "kon_plong")`` reads the base plan as ``validate`` will read it
(inheritance resolved; a bundled id is looked up beside the new file first, as ``extends``
is) and writes ``dak_ha.yaml``, a file that ``extends`` it and holds the fields a locality
usually changes:

- the schema modeline, with a path that works where the file is written (a
  ``plan.schema.json`` beside it, else the ``schemas/`` folder beside its folder, as in this
  repository, else ``plan.schema.json`` to be written beside it) and, in a comment, the
  command that writes the schema;
- ``id``, ``extends``; the title; the issuer's name and signatory; the document's number,
  place, year and date where the base has them; the campaign's dates; each phase's start and
  end; each dated deadline's due date and relation; each with its ``source`` to fill in;
- where the base lacks what a plan must carry (a template has no issuer, campaign, phases or
  citations), that part too: the issuer's body and level, the campaign's name, two phases,
  and a ``source`` for every criterion and target without a citation.

Each value to write is a placeholder, a text wholly enclosed in ``<`` and ``>``
(``"<ngày kết thúc đợt 2>"``), which fails validation until it is replaced (the check
``placeholder``); the base's current value stands in a comment beside it
(``# kon_plong: 19/08/2025``). Where the base's citation carries a ``reading``, the new file
sets ``reading: null``: a reading of another document's words is not inherited silently. The
words (comments and placeholders) are the catalogue's ``new.*`` messages, in the language asked
for; the file is valid YAML whatever the base's text holds (values are written as JSON-style
double-quoted scalars, comments on one line with control characters escaped).

The default base is ``special_movement_2024``, the template of the 2024 plans: it carries no
locality's citations, so every citation of the new plan is the new locality's own. Extending a
locality (``--extends kon_plong``) copies that locality's citations wherever the new file does
not override them, which is right only where the two documents say the same thing in the same
words.
"""

from __future__ import annotations

import json
import re
import textwrap
import unicodedata
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from ._inert import json_text, shown, terminal
from .errors import EmulationRulesError, os_reason
from .i18n import Lang, current, msg, text
from .loading import is_path_ref, load_plan
from .model import Plan, Source

__all__ = ["DEFAULT_BASE", "SCHEMA_FILE", "NewPlan", "NewPlanError", "new_plan_text",
           "suggest_id", "write_new_plan"]

DEFAULT_BASE = "special_movement_2024"
"""The base when none is given: the template, which carries no locality's citations."""

SCHEMA_FILE = "plan.schema.json"
"""The name the docs give the schema kept beside a plan (``emulation-rules schema > ...``)."""

_ID = re.compile(r"^[a-z][a-z0-9_]*$")
_ID_MAX = 64
_EXTENDS_PATH = re.compile(r"^([A-Za-z0-9_-]+/)*[A-Za-z0-9_-]+\.ya?ml$")
_WIDTH = 100
_WAS = 70  # characters of the base's value shown in a comment


class NewPlanError(EmulationRulesError):
    """The new plan cannot be written as asked (a bad id, a file that exists, a base outside
    the new file's folder); the text is a catalogue message."""


@dataclass(frozen=True)
class NewPlan:
    """A new plan's text, and what to tell the person who asked for it."""

    text: str
    placeholders: int
    """How many values in ``<...>`` are left to fill in."""
    extends: str
    """What the file's ``extends:`` names."""
    schema: str
    """The modeline's path, relative to the file's folder."""
    schema_found: bool
    """Whether that path names a file now (else the schema is still to be written there)."""


def suggest_id(name: str) -> str | None:
    """A plan id for a name written as people write it (``Đắk Hà`` -> ``dak_ha``), or None."""
    visible = "".join(c for c in name if unicodedata.category(c) != "Cf")  # zero-width
    folded = unicodedata.normalize("NFD", visible.replace("đ", "d").replace("Đ", "D"))
    plain = "".join(c for c in folded if not unicodedata.combining(c)).lower()
    slug = re.sub(r"[^a-z0-9]+", "_", plain).strip("_")[:_ID_MAX].rstrip("_")
    if not slug or not slug[0].isascii() or not slug[0].isalpha() or slug == name:
        return None
    return slug if _ID.match(slug) else None


def _check_id(plan_id: str) -> None:
    if _ID.match(plan_id) and len(plan_id) <= _ID_MAX:
        return
    suggestion = suggest_id(plan_id)
    if suggestion is not None:
        raise NewPlanError(msg("new.bad-id.suggest", id=shown(plan_id), suggestion=suggestion))
    raise NewPlanError(msg("new.bad-id", id=shown(plan_id)))


def _output_path(plan_id: str, output: Path | None) -> Path:
    if output is None:
        return Path(f"{plan_id}.yaml")
    if output.is_dir():
        return output / f"{plan_id}.yaml"
    if output.suffix not in (".yaml", ".yml") or output.stem != plan_id:
        raise NewPlanError(msg("new.id-file", id=plan_id, name=shown(output.name)))
    return output


def _base(base: str, folder: Path, plan_id: str) -> tuple[str, str | Path]:
    """What ``extends:`` names, and what to load: as the loader will resolve it."""
    if is_path_ref(base):
        path = Path(base)
        try:
            relative = path.resolve().relative_to(folder.resolve()).as_posix()
        except (OSError, ValueError):
            relative = ""
        if not _EXTENDS_PATH.match(relative):
            raise NewPlanError(msg("new.base-outside", base=shown(base),
                                   folder=shown(str(folder))))
        if Path(relative).stem == plan_id and Path(relative).parent == Path("."):
            raise NewPlanError(msg("new.self", id=plan_id))
        return relative, path
    if base == plan_id:
        raise NewPlanError(msg("new.self", id=plan_id))
    sibling = folder / f"{base}.yaml"
    if _ID.match(base) and sibling.is_file():
        return base, sibling
    return base, base


def _schema_path(folder: Path) -> tuple[str, bool]:
    """The modeline's path for a file in ``folder``, and whether it names a file now."""
    if (folder / SCHEMA_FILE).is_file():
        return SCHEMA_FILE, True
    if (folder.parent / "schemas" / SCHEMA_FILE).is_file():
        return f"../schemas/{SCHEMA_FILE}", True
    return SCHEMA_FILE, False


def _quoted(value: str) -> str:
    """A YAML double-quoted scalar (JSON's string syntax, a subset of YAML's) that reads back
    as ``value`` in any YAML reader, its invisible characters escaped."""
    return json_text(json.dumps(value, ensure_ascii=False))


def _one_line(value: object, limit: int = _WAS) -> str:
    """A value shown in a comment: one line, control characters escaped, cut."""
    words = " ".join(terminal(str(value)).split())
    return words if len(words) <= limit else words[:limit - 1] + "…"


def _lower_first(label: str) -> str:
    return label[:1].lower() + label[1:]


class _Writer:
    """The lines of the new file, and how many placeholders they hold."""

    def __init__(self, lang: Lang, base: str) -> None:
        self.lang, self.base = lang, base
        self.lines: list[str] = []
        self.placeholders = 0

    def t(self, msgid: str, **args: object) -> str:
        return text(msgid, self.lang, **args)

    def day(self, value: date | str) -> str:
        if isinstance(value, date):
            return value.strftime("%d/%m/%Y") if self.lang == "vi" else value.isoformat()
        return value

    def comment(self, words: str, indent: int = 0) -> None:
        """A comment wrapped to the width; a numbered step's lines aligned after its number."""
        step = re.match(r"\d+\. ", words)
        for line in textwrap.wrap(words, width=_WIDTH - indent - 2, break_long_words=False,
                                  break_on_hyphens=False,
                                  subsequent_indent=" " * len(step.group(0)) if step else ""):
            self.lines.append(" " * indent + "# " + line)

    def blank(self) -> None:
        self.lines.append("")

    def line(self, indent: int, key: str, value: str = "", note: str | None = None) -> None:
        out = " " * indent + key + ":" + (" " + value if value else "")
        if note:
            out += "  # " + note
        self.lines.append(out)

    def was(self, value: object) -> str:
        return f"{self.base}: {_one_line(value)}"

    def fill(self, indent: int, key: str, words: str, was: object = None) -> None:
        """A placeholder to replace, with the base's value beside it."""
        self.placeholders += 1
        self.line(indent, key, _quoted(f"<{words}>"),
                  None if was is None else self.was(was))

    def source(self, indent: int, source: Source | None) -> None:
        """A ``source`` to fill in, the base's beside it; its reading not inherited."""
        self.line(indent, "source")
        self.fill(indent + 2, "section", self.t("new.ph.section"),
                  None if source is None else source.section)
        self.fill(indent + 2, "quote", self.t("new.ph.quote"),
                  None if source is None else source.quote)
        if source is not None and source.reading is not None:
            self.line(indent + 2, "reading", "null",
                      self.t("new.file.reading", base=self.base,
                             reading=_one_line(source.reading)))

    def acknowledged(self, indent: int, item: object) -> None:
        """The base's acknowledged warnings of an item whose dates are asked for again: not
        inherited (``acknowledge: []``), their codes in a comment."""
        codes = [str(a.code) for a in getattr(item, "acknowledge", ())]
        if codes:
            self.line(indent, "acknowledge", "[]", self.t(
                "new.file.acknowledge", base=self.base, codes=_one_line(", ".join(codes))))

    def text_pair(self, indent: int, key: str, vi: str, en: str, was: Any = None) -> None:
        self.line(indent, key)
        self.fill(indent + 2, "vi", vi, None if was is None else was.vi)
        self.fill(indent + 2, "en", en, None if was is None else was.en)


def _cited(item: Any) -> bool:
    return item.source is not None or item.policy is not None


def _head(w: _Writer, plan_id: str, file_name: str, schema: str, template: bool) -> None:
    command = "#     emulation-rules "
    w.lines.append(f"# yaml-language-server: $schema={schema}")
    w.lines.append("#")
    w.comment(w.t("new.file.head", id=plan_id, base=w.base))
    w.lines.append(f"{command}show {_one_line(w.base)}")
    if template:
        w.comment(w.t("new.file.template", base=w.base))
    w.lines.append("#")
    w.comment(w.t("new.file.fill", base=w.base))
    w.comment(w.t("new.file.source"))
    w.comment(w.t("new.file.check"))
    w.lines.append(f"{command}validate {_one_line(file_name)}")
    w.lines.append(f"{command}diff {_one_line(w.base)} {_one_line(file_name)}")
    w.lines.append("#")
    w.comment(w.t("new.file.schema", schema=schema))
    w.lines.append(f"{command}schema > {schema}")


def _issuer(w: _Writer, plan: Plan) -> None:
    w.line(0, "issuer")
    issuer = plan.issuer
    w.text_pair(2, "name", w.t("new.ph.issuer-vi"), w.t("new.ph.issuer-en"),
                None if issuer is None else issuer.name)
    if issuer is None:
        w.fill(2, "body", w.t("new.ph.body"))
        w.fill(2, "level", w.t("new.ph.level"))
    if issuer is None or issuer.signatory is not None:
        w.fill(2, "signatory", w.t("new.ph.signatory"),
               None if issuer is None else issuer.signatory)


def _document(w: _Writer, plan: Plan) -> None:
    doc = plan.document
    if doc is None or not (doc.number or doc.place or doc.year or doc.issued):
        return
    w.line(0, "document")
    if doc.number is not None:
        w.fill(2, "number", w.t("new.ph.number"), doc.number)
    if doc.place is not None:
        w.fill(2, "place", w.t("new.ph.place"), doc.place)
    if doc.year is not None:
        w.fill(2, "year", w.t("new.ph.year"), doc.year)
    if doc.issued is not None:
        w.fill(2, "issued", w.t("new.ph.issued"), w.day(doc.issued))
    if doc.source is not None:
        w.source(2, doc.source)
    w.acknowledged(2, doc)


def _campaign(w: _Writer, plan: Plan) -> None:
    campaign = plan.campaign
    w.line(0, "campaign")
    if campaign is None:
        w.text_pair(2, "name", w.t("new.ph.campaign-vi"), w.t("new.ph.campaign-en"),
                    plan.title)
    w.fill(2, "start", w.t("new.ph.campaign-start"),
           None if campaign is None else w.day(campaign.start))
    if campaign is None or campaign.end is not None:
        w.fill(2, "end", w.t("new.ph.campaign-end"),
               None if campaign is None or campaign.end is None else w.day(campaign.end))
    if campaign is None or campaign.source is not None:
        w.source(2, None if campaign is None else campaign.source)
    w.acknowledged(2, campaign)


def _start(w: _Writer, first: bool, phase: str) -> str:
    """A phase's first day to fill in: only the first phase may start at issuance."""
    if first:
        return w.t("new.ph.first-start", phase=phase)
    return w.t("new.ph.start", phase=phase)


def _phases(w: _Writer, plan: Plan) -> None:
    if plan.phases:
        w.line(0, "phases")
        for n, phase in enumerate(plan.phases):
            label = phase.label.vi if w.lang == "vi" else phase.label.en
            w.lines.append(f"  - id: {phase.id}  # {_one_line(label)}")
            name = _lower_first(_one_line(label, 40))
            w.fill(4, "start", _start(w, n == 0, name), w.day(phase.start))
            w.fill(4, "end", w.t("new.ph.end", phase=name), w.day(phase.end))
            if phase.source is not None or phase.policy is None:
                w.source(4, phase.source)
            w.acknowledged(4, phase)
        return
    if plan.campaign is not None and plan.campaign.review_cycle is not None:
        return  # an open-ended movement: reviewed yearly, no phases
    w.comment(w.t("new.file.phases"))
    w.line(0, "phases")
    for n in (1, 2):
        w.lines.append(f"  - id: phase_{n}")
        w.line(4, "label", f'{{vi: "Đợt {n}", en: "Phase {n}"}}')
        name = _lower_first(w.t("new.phase-name", n=n))
        w.fill(4, "start", _start(w, n == 1, name))
        w.fill(4, "end", w.t("new.ph.end", phase=name))
        w.source(4, None)


def _criteria(w: _Writer, plan: Plan) -> None:
    todo = [c for c in plan.criteria if not _cited(c) or not all(map(_cited, c.targets))]
    if not todo:
        return
    w.comment(w.t("new.file.criteria", base=w.base))
    w.line(0, "criteria")
    for crit in todo:
        w.lines.append(f"  - id: {crit.id}  # {_one_line(_label(w, crit.label))}")
        if not _cited(crit):
            w.source(4, None)
        targets = [t for t in crit.targets if not _cited(t)]
        if targets:
            w.line(4, "targets")
            for target in targets:
                w.lines.append(f"      - id: {target.id}  # "
                               f"{_one_line(_label(w, target.label))}")
                w.source(8, None)


def _label(w: _Writer, label: Any) -> str:
    return str(label.vi if w.lang == "vi" else label.en)


def _deadlines(w: _Writer, plan: Plan) -> None:
    dated = [d for d in plan.deadlines if d.due is not None]
    if not dated:
        return
    w.line(0, "deadlines")
    for deadline in dated:
        w.lines.append(f"  - id: {deadline.id}  # {_one_line(_label(w, deadline.label))}")
        assert deadline.due is not None
        w.fill(4, "due", w.t("new.ph.due"), w.day(deadline.due))
        w.fill(4, "relation", w.t("new.ph.relation"), deadline.relation)
        if deadline.source is not None or deadline.policy is None:
            w.source(4, deadline.source)
        w.acknowledged(4, deadline)


def new_plan_text(plan_id: str, base: Plan, *, extends: str, file_name: str, schema: str,
                  lang: Lang | None = None) -> tuple[str, int]:
    """The text of a new plan ``plan_id`` that ``extends`` the (resolved) plan ``base``, and
    how many placeholders it holds."""
    w = _Writer(lang or current(), extends)
    template = base.template
    _head(w, plan_id, file_name, schema, template)
    w.line(0, "id", plan_id)
    w.line(0, "extends", _quoted(extends) if not _ID.match(extends) else extends)
    w.line(0, "draft", "true", w.t("new.note.draft"))
    w.blank()
    w.text_pair(0, "title", w.t("new.ph.title-vi"), w.t("new.ph.title-en"),
                None if template else base.title)
    _issuer(w, base)
    _document(w, base)
    w.blank()
    _campaign(w, base)
    w.blank()
    for part in (_phases, _criteria, _deadlines):
        size = len(w.lines)
        part(w, base)
        if len(w.lines) > size:
            w.blank()
    if template:
        w.comment(w.t("new.file.inherited-template", base=extends))
    elif base.deadlines or base.awards or base.criteria:
        w.comment(w.t("new.file.inherited", base=extends))
    if not base.deadlines and not base.awards:
        w.comment(w.t("new.file.no-deadlines", base=extends))
    return "\n".join(w.lines).rstrip("\n") + "\n", w.placeholders


def write_new_plan(plan_id: str, base: str = DEFAULT_BASE, *, output: Path | None = None,
                   force: bool = False, lang: Lang | None = None) -> tuple[Path, NewPlan]:
    """Write the new plan ``plan_id`` extending ``base`` (a bundled id or a ``.yaml`` file in
    the new file's folder) to ``output`` (default ``<plan_id>.yaml``; a folder: the file in
    it). Returns the path written and what was written.

    Raises :class:`NewPlanError` for a bad id, an output whose name is not the id, a base
    outside the folder, an existing file without ``force``, or a file that cannot be written;
    :class:`~emulation_rules.errors.PlanError` when the base is not a valid plan."""
    _check_id(plan_id)
    path = _output_path(plan_id, output)
    folder = path.parent.resolve()
    extends, ref = _base(base, folder, plan_id)
    resolved = load_plan(ref)
    schema, found = _schema_path(folder)
    body, count = new_plan_text(plan_id, resolved, extends=extends, file_name=path.name,
                                schema=schema, lang=lang)
    try:
        with path.open("w" if force else "x", encoding="utf-8", newline="\n") as handle:
            handle.write(body)
    except FileExistsError:
        raise NewPlanError(msg("new.exists", path=shown(str(path)))) from None
    except OSError as exc:
        raise NewPlanError(msg("new.cannot-write", path=shown(str(path)),
                               reason=os_reason(exc))) from None
    return path, NewPlan(body, count, extends, schema, found)

