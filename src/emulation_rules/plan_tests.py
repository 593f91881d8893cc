"""Plan tests written as data: ``emulation-rules test tests/plans/`` (the OpenFisca practice).

A plan test file is YAML of its own format (:class:`PlanTestFile`, JSON Schema
``schemas/plan-test.schema.json``), kept out of ``plans/``: the plan it tests, and cases a
civil servant can write, each with a Vietnamese name, the section of the source document it
checks (``source: {section, quote}``), the issue date and the as-of date, a few units with
their monthly numbers (and attestations, prior awards where needed), the review, and the
verdicts and awards expected::

    plan: bac_giang
    cases:
      - name: Số liệu tháng 6/2025 không tính cho đợt 2
        source: {section: II.2, quote: "Đợt 2: Từ ngày 04/02 đến ngày 19/5/2025"}
        issued: 2024-09-01
        as_of: 2025-08-31
        units:
          - {id: xa_a, name: Xã A, kind: commune}
        metrics:
          - {unit: xa_a, period: 2025-02..2025-05, serious_traffic_accidents: 0}
          - {unit: xa_a, period: 2025-06, serious_traffic_accidents: 1}
        expect:
          verdicts:
            - {unit: xa_a, window: phase_2, target: no_serious_accidents, verdict: met}

The cases feed the functions every user calls: the rows are read by the readers' own rules
(:func:`~emulation_rules.inputs.records_of_rows` for metrics, the units, attestations and
prior-awards readers for the rest, so a bad row is reported as it would be in a CSV file,
located at its line in the test file), then :func:`~emulation_rules.evaluation.evaluate` and
:func:`~emulation_rules.eligibility.awards` run as the command line runs them. Nothing here
decides a verdict. Problems in a test file are :class:`~emulation_rules.errors.Issue` values
located at ``file:line:column: $.path``, like a plan's; an expectation the results do not meet
is a :class:`Failure` (expected against got, with its line).
"""

from __future__ import annotations

import csv
import glob
import io
import json
import tempfile
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    StringConstraints,
    ValidationError,
    WithJsonSchema,
    model_validator,
)

from . import _yaml
from ._inert import shown
from ._tables import Row as TableRow
from ._tables import typed_cell
from .eligibility import AwardsReport, ReviewError, awards, review_window
from .errors import (
    Hints,
    Issue,
    Location,
    PlanError,
    PlanNotFoundError,
    Severity,
    did_you_mean,
    format_path,
    os_reason,
)
from .evaluation import UnsupportedPlanError, decided_conditions, evaluate
from .i18n import Lang, Msg, literal, msg, text
from .inputs import (
    MetricsRead,
    attestations_for,
    read_attestations,
    read_prior_awards,
    read_unit_tree,
    records_of_rows,
)
from .labels import WORDS, window_label
from .loading import _from_document, _pydantic_issues, is_path_ref, load_plan
from .model import Id, Plan, PlanDate, Source, Verdict
from .results import Evaluation
from .schema import SCHEMA_DRAFT
from .timelines import IssueDateError, TimelineError

__all__ = [
    "AwardExpectation",
    "Case",
    "CaseResult",
    "Expectations",
    "Failure",
    "FileResult",
    "PlanTestFile",
    "VerdictExpectation",
    "build_plan_test_schema",
    "plan_test_files",
    "render_plan_test_schema",
    "report_data",
    "report_text",
    "run_plan_test_file",
    "run_plan_tests",
]

PathT = tuple[str | int, ...]
SCHEMA_ID = "urn:emulation-rules:schema:plan-test"
"""A stable name for the plan-test schema, as the plan schema's; not an address (a test file
names its schema by a path, the modeline)."""

# --- the format: a pydantic model, the single source of the JSON Schema -------------------------


class _Model(BaseModel):
    model_config = ConfigDict(
        frozen=True,
        extra="forbid",
        hide_input_in_errors=True,
        allow_inf_nan=False,
        use_attribute_docstrings=True,
        validate_default=False,
    )


def _one_value(value: Any) -> Any:
    if isinstance(value, dict | list):
        raise ValueError(msg("plantests.cell.one-value"))
    return value


Cell = Annotated[
    Any,
    BeforeValidator(_one_value),
    WithJsonSchema({"type": ["string", "number", "boolean", "null"],
                    "description": "One cell: a number, a text, yes/no (có/không), or blank."}),
]
"""One cell of a row, read by the readers' own rules (as the text written)."""

Row = dict[str, Cell]
"""A row as a CSV file would hold it: column id to cell."""

UnitRef = Annotated[str, StringConstraints(min_length=1, max_length=200)]
WindowRef = Annotated[str, StringConstraints(min_length=1, max_length=64)]
NonEmpty = Annotated[str, StringConstraints(min_length=1, max_length=400)]


class VerdictExpectation(_Model):
    """A verdict the evaluation must give: one unit's criterion, or target, in one window."""

    unit: UnitRef
    """The unit's id (a unit of the case's units or metrics)."""
    window: WindowRef
    """The window: a phase id (phase_2), campaign, year:2026, stage:2026-2030."""
    criterion: Id | None = None
    """The criterion (or the award, for an award's conditions decided from the data)."""
    target: Id | None = None
    """The target (or the award condition); with criterion too when the id is in several."""
    verdict: Verdict
    """met (đạt), not_met (không đạt) or unknown (chưa xác định)."""
    observed: float | None = None
    """The target's observed value: a count, or a ratio from 0 to 1 (0.8 is 80%)."""

    @model_validator(mode="after")
    def _subject(self) -> VerdictExpectation:
        if self.criterion is None and self.target is None:
            raise ValueError(msg("plantests.model.criterion-or-target"))
        if self.observed is not None and self.target is None:
            raise ValueError(msg("plantests.model.observed-needs-target"))
        return self


class AwardExpectation(_Model):
    """What an award gives at the case's review: one unit's verdict as a candidate (unit and
    verdict), or every unit eligible (eligible)."""

    award: Id
    """The award's id in the plan (district_commendation)."""
    unit: UnitRef | None = None
    """The candidate unit."""
    standard: Id | None = None
    """The standard (collective, individual, ...) when the unit could meet several."""
    verdict: Verdict | None = None
    """met: eligible; not_met: a condition fails; unknown: a condition is undecided."""
    eligible: list[UnitRef] | None = None
    """Every unit eligible for the award at the review, in any order ([] for none)."""

    @model_validator(mode="after")
    def _shape(self) -> AwardExpectation:
        one = self.unit is not None and self.verdict is not None
        listed = self.eligible is not None
        if one == listed or (listed and (self.unit, self.verdict, self.standard) != (
                None, None, None)):
            raise ValueError(msg("plantests.model.award-expectation"))
        return self


class Expectations(_Model):
    """What the case expects of the evaluation and of the review's awards."""

    verdicts: list[VerdictExpectation] = Field(default_factory=list)
    """Verdicts per unit, window, and criterion or target."""
    awards: list[AwardExpectation] = Field(default_factory=list)
    """Award verdicts at the case's review."""
    awards_at_review: list[Id] | None = None
    """The awards the review considers, every one of them ([] for none)."""

    @model_validator(mode="after")
    def _something(self) -> Expectations:
        if not self.verdicts and not self.awards and self.awards_at_review is None:
            raise ValueError(msg("plantests.model.nothing-expected"))
        return self


class Case(_Model):
    """One case: inputs as a civil servant writes them, and what the plan must give."""

    name: NonEmpty
    """What the case checks, in Vietnamese."""
    source: Source
    """The section of the source document the case checks, and a short quote of it."""
    issued: PlanDate | None = None
    """The plan's issue date (ISO 2024-09-01 or 01/09/2024), for a plan that starts on it."""
    as_of: PlanDate
    """The date the evaluation is made on."""
    review: NonEmpty | None = None
    """The review awards are read at: final, a phase id, year:2026, stage:2026-2030."""
    units: list[Row] | None = None
    """Rows of a units file: id, kind, name, bloc, bloc_size, parent, category."""
    metrics: list[Row] = Field(default_factory=list)
    """Rows of a metrics file: unit, period (2025-03, 2025-02..2025-05, 2026), the metrics."""
    attestations: list[Row] | None = None
    """Rows of an attestations file: unit, window (blank: the whole campaign), yes/no."""
    prior_awards: list[Row] | None = None
    """Rows of a prior-awards file: unit, form, granted_by, count ([] for none received)."""
    expect: Expectations
    """The verdicts and awards expected."""

    @model_validator(mode="after")
    def _review_for_awards(self) -> Case:
        if self.review is None and (self.expect.awards or
                                    self.expect.awards_at_review is not None):
            raise ValueError(msg("plantests.model.review-needed"))
        return self


class PlanTestFile(_Model):
    """A plan test file: the plan it tests, and its cases."""

    plan: Annotated[str, StringConstraints(min_length=1, max_length=300)]
    """A bundled plan's id (bac_giang), or the path of a plan file from this file's folder."""
    cases: Annotated[list[Case], Field(min_length=1)]
    """The cases, each run on its own."""


_MODELS = (PlanTestFile, Case, Expectations, VerdictExpectation, AwardExpectation, Source)
_FIELDS = sorted({name for m in _MODELS for name in m.model_fields})


def build_plan_test_schema() -> dict[str, Any]:
    """The JSON Schema (draft-07) of plan test files, from :class:`PlanTestFile`."""
    body = PlanTestFile.model_json_schema(ref_template="#/definitions/{model}",
                                          mode="validation")
    definitions = body.pop("$defs")
    return {
        "$schema": SCHEMA_DRAFT,
        "$id": SCHEMA_ID,
        "title": "emulation_rules plan test",
        "description": (
            "Test cases of a plan (Kế hoạch), written as data, run by `emulation-rules test`. "
            "Generated from the model by `emulation-rules test --schema`; do not edit by "
            "hand."),
        "definitions": definitions,
        **body,
    }


def render_plan_test_schema() -> str:
    """The schema as committed: sorted keys, two-space indent, UTF-8."""
    return json.dumps(build_plan_test_schema(), indent=2, sort_keys=True,
                      ensure_ascii=False) + "\n"


# --- results ----------------------------------------------------------------------------------

Kind = Literal["verdict", "observed", "award", "eligible", "awards_at_review"]


@dataclass(frozen=True)
class Failure:
    """An expectation the results do not meet: what was expected and what came."""

    kind: Kind
    location: Location
    """Where the expectation is written in the test file."""
    subject: dict[str, str]
    """What it is about: unit, window, criterion, target, award, standard, review."""
    expected: Any
    got: Any
    """A verdict code, a number, a list of ids, or None (no result: see ``why``)."""
    why: str = ""
    """Why nothing came: ``no-result``, ``not-at-review``, ``not-a-candidate`` (or "")."""
    details: tuple[Msg, ...] = ()
    """What the verdict rests on: the targets of a criterion, an award's conditions."""


@dataclass(frozen=True)
class CaseResult:
    name: str
    location: Location
    source: Source
    failures: tuple[Failure, ...] = ()
    issues: tuple[Issue, ...] = ()
    """Problems of the case's data or expectations (errors), and the readers' warnings."""
    checked: int = 0
    """How many expectations were compared."""

    @property
    def status(self) -> Literal["pass", "fail", "error"]:
        if any(i.severity is Severity.ERROR for i in self.issues):
            return "error"
        return "fail" if self.failures else "pass"


@dataclass(frozen=True)
class FileResult:
    file: str
    plan_ref: str | None = None
    plan: Plan | None = None
    issues: tuple[Issue, ...] = ()
    """Problems that stop the file from running (YAML, format, the plan)."""
    cases: tuple[CaseResult, ...] = ()

    @property
    def ok(self) -> bool:
        return not self.issues and all(c.status == "pass" for c in self.cases)


# --- finding the files ----------------------------------------------------------------------


def plan_test_files(refs: Sequence[str]) -> tuple[list[Path], list[str]]:
    """The test files ``refs`` name, and the refs that name none: a folder gives its
    ``.yaml``/``.yml`` files (its subfolders' too, sorted; hidden ones skipped), a pattern
    with ``*``, ``?`` or ``[`` the files it matches (expanded here: Windows shells pass it as
    written), a file itself."""
    files: list[Path] = []
    missing: list[str] = []
    for ref in refs:
        path = Path(ref)
        if path.is_dir():
            found = sorted(p for p in path.rglob("*") if p.suffix in (".yaml", ".yml")
                           and p.is_file() and not any(
                               part.startswith(".") for part in p.relative_to(path).parts))
            files += found
            if not found:
                missing.append(ref)
        elif path.is_file():
            files.append(path)
        elif any(c in ref for c in "*?["):
            matched = sorted(Path(p) for p in glob.glob(ref, recursive=True)
                             if Path(p).is_file())
            files += matched
            if not matched:
                missing.append(ref)
        else:
            missing.append(ref)
    return list(dict.fromkeys(files)), missing


# --- running ------------------------------------------------------------------------------------


def run_plan_tests(paths: Sequence[str | Path]) -> list[FileResult]:
    """Run every case of every file (a plan is loaded once per run)."""
    plans: dict[str, tuple[Plan | None, tuple[Issue, ...]]] = {}
    return [run_plan_test_file(p, plans) for p in paths]


def _relocated(issue: Issue, location: Location) -> Issue:
    """``issue`` said at ``location`` in the test file: its code, words and severity are those
    the reader, the loader or the evaluator gave it (every one registered)."""
    if issue.severity is Severity.WARNING:
        return Issue(issue.code, issue.text, location, issue.advice, Severity.WARNING)
    return Issue(issue.code, issue.text, location, issue.advice)


def run_plan_test_file(path: str | Path,
                       plans: dict[str, tuple[Plan | None, tuple[Issue, ...]]] | None = None
                       ) -> FileResult:
    """Read, check and run one plan test file."""
    path = Path(path)
    name = str(path)
    try:
        with path.open("rb") as handle:
            raw = handle.read(_yaml.MAX_BYTES + 1)
    except OSError as exc:
        return FileResult(name, issues=(Issue("unreadable", msg(
            "plantests.unreadable", reason=os_reason(exc)), Location(name)),))
    doc, issues = _yaml.parse(raw, name)
    if issues:
        return FileResult(name, issues=tuple(issues))
    if not isinstance(doc.data, dict):
        return FileResult(name, issues=(Issue("not-a-mapping", msg("plantests.not-a-mapping"),
                                              doc.location(())),))
    try:
        model = PlanTestFile.model_validate(doc.data)
    except ValidationError as exc:
        return FileResult(name, doc.data.get("plan") if isinstance(
            doc.data.get("plan"), str) else None, issues=tuple(_model_issues(exc, doc)))
    except (RecursionError, ValueError, OverflowError) as exc:
        return FileResult(name, issues=(Issue("invalid-value", msg(
            "plantests.cannot-read", problem=shown(exc)), doc.location(())),))
    text_doc, _ = _yaml.parse(raw, name, text_scalars=True)  # the cells as written
    plan, plan_issues = _plan(model.plan, path, doc, plans if plans is not None else {})
    if plan is None:
        return FileResult(name, model.plan, issues=plan_issues)
    cases = tuple(_Case(doc, text_doc, plan, case, i).run()
                  for i, case in enumerate(model.cases))
    return FileResult(name, model.plan, plan, (), cases)


def _model_issues(exc: ValidationError, doc: _yaml.Document) -> list[Issue]:
    """The format's errors, worded and located as the plan loader words and locates a plan's
    (a did-you-mean among this format's keys)."""
    out = []
    for issue in _pydantic_issues(exc, _from_document(doc)):
        key = issue.location.path[-1] if issue.location.path else None
        if issue.code == "unknown-key" and isinstance(key, str):
            issue = Issue("unknown-key", issue.text, issue.location, did_you_mean(key, _FIELDS))
        out.append(issue)
    return sorted(dict.fromkeys(out), key=Issue.sort_key)


def _plan(ref: str, path: Path, doc: _yaml.Document,
          cache: dict[str, tuple[Plan | None, tuple[Issue, ...]]]
          ) -> tuple[Plan | None, tuple[Issue, ...]]:
    """The plan a test file names: a bundled id, or a file from the test file's folder."""
    target: str | Path = path.parent / ref if is_path_ref(ref) else ref
    key = str(target)
    if key not in cache:
        try:
            cache[key] = (load_plan(target), ())
        except PlanNotFoundError as exc:  # said where the test file names it
            cache[key] = (None, tuple(_relocated(i, doc.location(("plan",)))
                                      for i in exc.issues))
        except PlanError as exc:  # the plan's own problems, in its own file
            cache[key] = (None, exc.issues)
        loaded = cache[key][0]
        if loaded is not None and loaded.template:
            cache[key] = (None, (Issue("invalid-value", msg("plantests.template-plan",
                                                            plan=shown(ref)),
                                       doc.location(("plan",))),))
    plan, issues = cache[key]
    if plan is None and issues and all(i.location.file != doc.file for i in issues):
        issues = (Issue("invalid-value", msg("plantests.plan-invalid", plan=shown(ref)),
                        doc.location(("plan",))), *issues)
    return plan, issues


@dataclass
class _Rows:
    """One list of rows of a case (units, metrics, ...): each row's cells as the text written,
    and the row number the readers give it (its line in the test file, or the next free one
    when rows share a line), so that an issue of a row is located at that row."""

    path: PathT
    cells: list[dict[str, str]]
    numbers: list[int]
    file: str
    """The name the readers know these rows by (never shown: see :meth:`_Case.relocate`)."""
    by_number: dict[int, int] = field(default_factory=dict)


class _Case:
    """One case run: its rows read, evaluated, its awards made, its expectations compared."""

    def __init__(self, doc: _yaml.Document, text_doc: _yaml.Document, plan: Plan, case: Case,
                 index: int) -> None:
        self.doc, self.text_doc, self.plan, self.case = doc, text_doc, plan, case
        self.path: PathT = ("cases", index)
        self.issues: list[Issue] = []
        self.failures: list[Failure] = []
        self.checked = 0
        self.lists: dict[str, _Rows] = {}

    def at(self, *parts: str | int) -> Location:
        return self.doc.location((*self.path, *parts))

    def problem(self, message: Msg, where: Location, hint: Msg | None = None) -> None:
        """A problem of the case itself: a value that names nothing the plan or the case
        has."""
        self.issues.append(Issue("invalid-value", message, where, hint))

    # -- the rows, through the readers ---------------------------------------------------------

    def rows(self, key: str, folder: Path) -> _Rows | None:
        data = self.text_doc.data["cases"][self.path[1]].get(key)
        if not isinstance(data, list):
            return None
        base: PathT = (*self.path, key)
        cells = [{k: typed_cell(v)[0] for k, v in item.items()} for item in data]
        numbers: list[int] = []
        for i in range(len(cells)):
            line = self.doc.positions.get((*base, i), (0, 0))[0]
            numbers.append(max(line, numbers[-1] + 1 if numbers else 2))
        rows = _Rows(base, cells, numbers, str(folder / f"{key}.csv"))
        rows.by_number = {n: i for i, n in enumerate(numbers)}
        self.lists[rows.file] = rows
        return rows

    def csv_file(self, rows: _Rows) -> Path:
        """The rows as a CSV file, each on the line the readers will number it by."""
        header = list(dict.fromkeys(k for item in rows.cells for k in item))
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(header)
        line = 1
        for i, item in enumerate(rows.cells):
            one = io.StringIO()
            csv.writer(one, lineterminator="\n").writerow([item.get(k, "") for k in header])
            row = one.getvalue()
            spans = row.count("\n")
            start = max(rows.numbers[i] - spans + 1, line + 1)
            out.write("\n" * (start - line - 1) + row)
            line = start + spans - 1
            rows.numbers[i] = line  # where the reader will say it ends
        rows.by_number = {n: i for i, n in enumerate(rows.numbers)}
        target = Path(rows.file)
        target.write_text(out.getvalue(), encoding="utf-8")
        return target

    def relocate(self, issue: Issue) -> Issue:
        """An issue of the readers or the evaluator, located in the test file: at the row's
        cell (its key), the row, or the list."""
        loc = issue.location
        rows = self.lists.get(loc.file)
        if rows is None:
            return issue
        index = rows.by_number.get(loc.line)
        column = loc.path[1] if loc.is_row and len(loc.path) > 1 else None
        if index is None and len(loc.path) == 1 and isinstance(loc.path[0], str):
            column = loc.path[0]  # a column-wide note: at the first row that has it
            index = next((i for i, c in enumerate(rows.cells) if column in c), None)
        if index is None:
            return _relocated(issue, self.doc.location(rows.path))
        path: PathT = (*rows.path, index)
        if isinstance(column, str) and column in rows.cells[index]:
            path = (*path, column)
        return _relocated(issue, self.doc.location(path))

    def run(self) -> CaseResult:
        case = self.case
        with tempfile.TemporaryDirectory(prefix="plan-test-") as tmp:
            folder = Path(tmp)
            units = attestation_rows = prior = None
            unit_rows = self.rows("units", folder) if case.units else None
            if unit_rows is not None:
                units, found, _ = read_unit_tree(self.csv_file(unit_rows))
                self.issues += found
            att_rows = self.rows("attestations", folder) if case.attestations else None
            if att_rows is not None:
                attestation_rows, found, _ = read_attestations(self.csv_file(att_rows))
                self.issues += found
            prior_rows = self.rows("prior_awards", folder) if case.prior_awards else None
            if prior_rows is not None:
                prior, found, _ = read_prior_awards(self.csv_file(prior_rows))
                self.issues += found
            elif case.prior_awards is not None:
                prior = []  # given, and empty: no award received
            read = MetricsRead()
            metric_rows = self.rows("metrics", folder)
            if metric_rows is not None:
                read.rows_read = len(metric_rows.cells)
                read.records = list(records_of_rows(_table_rows(metric_rows), metric_rows.file,
                                                    read))
            try:
                ev = evaluate(self.plan, read, units=units, issued=case.issued,
                              as_of=case.as_of, attestations=attestation_rows)
            except (TimelineError, UnsupportedPlanError) as exc:
                ev = None
                given = case.issued is not None
                self.problem(msg("plantests.cannot-evaluate", problem=_said(exc)),
                             self.at("issued") if given else self.at(),
                             msg("plantests.issued.hint")
                             if isinstance(exc, IssueDateError) and not given else None)
            if ev is not None:
                self.issues += ev.rejected  # the evaluator's warnings are the plan's business
                report = self.review(ev, units, attestation_rows, prior)
                known = {u.id for u in units or ()} | {
                    c.get("unit", "") for c in (metric_rows.cells if metric_rows else ())}
                known.discard("")
                self.compare(ev, report, known)
            self.issues += read.warnings
            self.issues = [self.relocate(i) for i in self.issues]
        self.issues.sort(key=lambda i: (i.severity is not Severity.ERROR, *i.sort_key()))
        failures = sorted(self.failures, key=lambda f: (f.location.line, f.location.column))
        return CaseResult(case.name, self.at(), case.source, tuple(failures),
                          tuple(self.issues), self.checked)

    def review(self, ev: Evaluation, units: Any, attestation_rows: Any, prior: Any
               ) -> AwardsReport | None:
        """The awards at the case's review, as ``emulation-rules awards --review`` makes
        them."""
        review = self.case.review
        if review is None:
            return None
        try:
            attestations = (attestations_for(attestation_rows, review_window(self.plan, ev,
                                                                              review))
                            if attestation_rows is not None else None)
            return awards(self.plan, ev, review, units=units, attestations=attestations,
                          prior_awards=prior)
        except ReviewError as exc:
            self.problem(msg("plantests.bad-review", problem=_said(exc)), self.at("review"))
            return None

    # -- comparing ------------------------------------------------------------------------------

    def compare(self, ev: Evaluation, report: AwardsReport | None, known: set[str]) -> None:
        expect = self.case.expect
        results = {(r.unit, r.window): r for r in ev.results}
        decided = decided_conditions(self.plan)
        owners = list(dict.fromkeys(d.owner for d in decided))
        targets: dict[str, list[str]] = {}
        for d in decided:
            targets.setdefault(d.id, []).append(d.owner)
        unit_hint, window_hint = Hints(sorted(known)), Hints(ev.windows)
        for n, item in enumerate(expect.verdicts):
            where: PathT = ("expect", "verdicts", n)
            ok = self.known_unit(item.unit, known, unit_hint, (*where, "unit"))
            if item.window not in ev.windows:
                ok = False
                self.problem(msg(
                    "plantests.unknown-window", window=shown(item.window),
                    plan=repr(self.plan.id), windows=", ".join(ev.windows)),
                    self.at(*where, "window"), window_hint(item.window))
            criterion = item.criterion
            if criterion is not None and criterion not in owners:
                ok = False
                self.problem(msg("plantests.unknown-criterion", criterion=shown(criterion),
                                 plan=repr(self.plan.id)),
                             self.at(*where, "criterion"), did_you_mean(criterion, owners))
            if item.target is not None and ok:
                holders = [o for o in targets.get(item.target, ())
                           if criterion is None or o == criterion]
                if not holders:
                    ok = False
                    self.problem(msg(
                        "plantests.unknown-target", target=shown(item.target),
                        where=msg("plantests.in-criterion", criterion=criterion)
                        if criterion else msg("plantests.in-plan", plan=repr(self.plan.id))),
                        self.at(*where, "target"), did_you_mean(item.target, [
                            d.id for d in decided if criterion is None or d.owner == criterion]))
                elif len(holders) > 1:
                    ok = False
                    self.problem(msg(
                        "plantests.ambiguous-target", target=shown(item.target),
                        criteria=", ".join(holders)), self.at(*where, "target"),
                        msg("plantests.ambiguous-target.hint"))
                else:
                    criterion = holders[0]
            if ok:
                assert criterion is not None
                self.verdict(item, criterion, results.get((item.unit, item.window)), where)
        for n, award_item in enumerate(expect.awards):
            where = ("expect", "awards", n)
            if report is not None:
                self.award(award_item, report, known, unit_hint, where)
        if expect.awards_at_review is not None and report is not None:
            self.awards_at_review(expect.awards_at_review, report)

    def known_unit(self, unit: str, known: set[str], hint: Hints, where: PathT) -> bool:
        if unit in known:
            return True
        listed = ", ".join(shown(u) for u in sorted(known)[:12])
        self.problem(msg("plantests.unknown-unit", unit=shown(unit)), self.at(*where),
                     hint(unit) or msg("plantests.units-hint",
                                       units=listed or msg("plantests.none")))
        return False

    def fail(self, kind: Kind, where: PathT, subject: dict[str, str], expected: Any, got: Any,
             why: str = "", details: Sequence[Msg] = ()) -> None:
        self.failures.append(Failure(kind, self.at(*where), subject, expected, got, why,
                                     tuple(details)))

    def verdict(self, item: VerdictExpectation, criterion: str, res: Any, where: PathT) -> None:
        self.checked += 1
        subject = {"unit": item.unit, "window": item.window, "criterion": criterion}
        if item.target is not None:
            subject["target"] = item.target
        if res is None or res.criterion(criterion) is None:
            self.fail("verdict", where, subject, item.verdict, None, "no-result")
            return
        crit = res.criterion(criterion)
        if item.target is None:
            if crit.verdict != item.verdict:
                self.fail("verdict", where, subject, item.verdict, crit.verdict,
                          details=[_target_detail(t) for t in crit.targets])
            return
        found = next((t for t in crit.targets if t.target == item.target), None)
        if found is None:
            self.fail("verdict", where, subject, item.verdict, None, "no-result")
            return
        if found.verdict != item.verdict:
            self.fail("verdict", where, subject, item.verdict, found.verdict,
                      details=[_target_detail(found)])
        if item.observed is not None:
            self.checked += 1
            got = found.observed
            if got is None or abs(float(got) - item.observed) > 1e-9:
                self.fail("observed", (*where, "observed"), subject, item.observed, got,
                          details=[_target_detail(found)])

    def award(self, item: AwardExpectation, report: AwardsReport, known: set[str],
              unit_hint: Hints, where: PathT) -> None:
        award = next((a for a in self.plan.awards if a.id == item.award), None)
        if award is None:
            self.problem(msg("plantests.unknown-award", award=shown(item.award),
                             plan=repr(self.plan.id)), self.at(*where, "award"),
                         did_you_mean(item.award, [a.id for a in self.plan.awards]))
            return
        if item.standard is not None and item.standard not in {s.id for s in award.standards}:
            self.problem(msg("plantests.unknown-standard", standard=shown(item.standard),
                             award=award.id), self.at(*where, "standard"),
                         did_you_mean(item.standard, [s.id for s in award.standards]))
            return
        units = [item.unit] if item.unit is not None else list(item.eligible or ())
        if not all([self.known_unit(u, known, unit_hint, (*where, "unit" if item.unit else
                                                          "eligible"))
                    for u in units]):
            return
        self.checked += 1
        result = next((a for a in report.awards if a.award == item.award), None)
        subject = {"award": item.award, "review": report.review}
        if item.eligible is not None:
            got = sorted({c.unit for c in result.candidates if c.verdict == "met"}) if (
                result is not None) else None
            if got is None or got != sorted(set(item.eligible)):
                self.fail("eligible", (*where, "eligible"), subject, sorted(set(item.eligible)),
                          got, "not-at-review" if got is None else "")
            return
        assert item.unit is not None
        subject["unit"] = item.unit
        if item.standard is not None:
            subject["standard"] = item.standard
        if result is None:
            self.fail("award", where, subject, item.verdict, None, "not-at-review")
            return
        mine = [c for c in result.candidates if c.unit == item.unit and (
            item.standard is None or c.standard == item.standard)]
        if not mine:
            self.fail("award", where, subject, item.verdict, None, "not-a-candidate")
            return
        verdicts = {c.verdict for c in mine}
        got_verdict = ("met" if "met" in verdicts else "unknown" if "unknown" in verdicts
                       else "not_met")
        if got_verdict != item.verdict:
            details = [msg("plantests.detail.condition", condition=o.id,
                           verdict=_word_msg(o.verdict), detail=o.explanation)
                       for c in mine for o in c.conditions]
            self.fail("award", where, subject, item.verdict, got_verdict, details=details)

    def awards_at_review(self, expected: list[str], report: AwardsReport) -> None:
        where: PathT = ("expect", "awards_at_review")
        ids = {a.id for a in self.plan.awards}
        unknown = [a for a in expected if a not in ids]
        for n, award_id in enumerate(expected):
            if award_id in unknown:
                self.problem(msg("plantests.unknown-award", award=shown(award_id),
                                 plan=repr(self.plan.id)),
                             self.at(*where, n), did_you_mean(award_id, sorted(ids)))
        if unknown:
            return
        self.checked += 1
        got = [a.award for a in report.awards]
        if set(expected) != set(got):
            self.fail("awards_at_review", where, {"review": report.review},
                      list(dict.fromkeys(expected)), got)


def _table_rows(rows: _Rows) -> Iterator[TableRow]:
    for number, cells in zip(rows.numbers, rows.cells, strict=True):
        yield TableRow(number, cells)


def _said(exc: Exception) -> Msg:
    first = exc.args[0] if exc.args else None
    return first if isinstance(first, Msg) else literal(shown(exc))


def _word_msg(verdict: str) -> Msg:
    return msg(f"labels.word.{verdict.replace('_', '-')}")


def _number(value: float | int) -> str:
    return f"{value:g}" if isinstance(value, float) else str(value)


def _target_detail(t: Any) -> Msg:
    """A target's verdict as the diff explains it: its verdict, observed value, and the months
    without data."""
    shown_value = (msg("plantests.detail.observed", value=_number(t.observed))
                   if t.observed is not None and not t.nothing_known else literal(""))
    missing = (msg("plantests.detail.missing", months=_months(t.missing_periods))
               if t.missing_periods else literal(""))
    return msg("plantests.detail.target", target=t.target, verdict=_word_msg(t.verdict),
               observed=shown_value, missing=missing)


def _months(months: Sequence[str]) -> str:
    """The months, all of them up to six; else the first five and how many in all."""
    if len(months) <= 6:
        return ", ".join(months)
    return f"{', '.join(months[:5])}, … ({len(months)})"


# --- reporting ----------------------------------------------------------------------------------


def _value(value: Any, why: str, lang: Lang) -> str:
    if value is None:
        return text(f"plantests.why.{why or 'no-value'}", lang)
    if isinstance(value, list):
        return ", ".join(shown(v) for v in value) if value else text("plantests.none", lang)
    if isinstance(value, float | int) and not isinstance(value, bool):
        return _number(value)
    return WORDS[lang].get(str(value), shown(value))


def _subject(f: Failure, plan: Plan, lang: Lang) -> str:
    """What a failing expectation is about, in words."""
    s = {k: shown(v) for k, v in f.subject.items()}
    if f.kind == "awards_at_review":
        return text("plantests.subject.awards-at-review", lang, review=s["review"])
    if f.kind == "eligible":
        return text("plantests.subject.eligible", lang, award=s["award"], review=s["review"])
    if f.kind == "award" and "standard" in s:
        return text("plantests.subject.award-standard", lang, award=s["award"],
                    standard=s["standard"], unit=s["unit"], review=s["review"])
    if f.kind == "award":
        return text("plantests.subject.award", lang, award=s["award"], unit=s["unit"],
                    review=s["review"])
    window = f"{s['window']} ({shown(window_label(f.subject['window'], plan, lang))})"
    if f.kind == "observed":
        return text("plantests.subject.observed", lang, unit=s["unit"], window=window,
                    target=s["target"])
    if "target" in s:
        return text("plantests.subject.target", lang, unit=s["unit"], window=window,
                    criterion=s["criterion"], target=s["target"])
    return text("plantests.subject.criterion", lang, unit=s["unit"], window=window,
                criterion=s["criterion"])


def _where(location: Location) -> str:
    return f"{location.file}:{location.line}" if location.line else location.file


def report_text(results: Sequence[FileResult], lang: Lang) -> Iterator[str]:
    """The results for people: each file, each case (ĐÚNG / SAI / LỖI), each failing
    expectation with its line, expected and got; each problem located; then the totals."""
    for result in results:
        if result.issues or result.plan is None:
            yield text("plantests.file-problems", lang, file=result.file) + "\n"
            for issue in result.issues:
                yield f"  {issue.render(lang)}\n"
            continue
        yield text("plantests.file-head", lang, file=result.file, plan=result.plan.id,
                   cases=len(result.cases)) + "\n"
        for case in result.cases:
            yield "  " + text("plantests.case-line", lang,
                              status=text(f"plantests.status.{case.status}", lang),
                              name=shown(case.name, 300), where=_where(case.location),
                              section=case.source.section) + "\n"
            for issue in case.issues:
                yield f"      {issue.render(lang)}\n"
            for f in case.failures:
                yield f"      {_where(f.location)}: {_subject(f, result.plan, lang)}\n"
                yield "        " + text("plantests.expected", lang,
                                        value=_value(f.expected, "", lang)) + "\n"
                yield "        " + text("plantests.got", lang,
                                        value=_value(f.got, f.why, lang)) + "\n"
                for detail in f.details:
                    yield f"          {detail.render(lang)}\n"
    yield text("plantests.summary", lang, **_totals(results)) + "\n"


def _totals(results: Sequence[FileResult]) -> dict[str, int]:
    cases = [c for r in results for c in r.cases]
    return {"files": len(results), "cases": len(cases),
            "passed": sum(c.status == "pass" for c in cases),
            "failed": sum(c.status == "fail" for c in cases),
            "errors": sum(c.status == "error" for c in cases) + sum(
                1 for r in results if r.issues or r.plan is None)}


def report_data(results: Sequence[FileResult], lang: Lang) -> dict[str, Any]:
    """The results as JSON-ready data (messages in ``lang``; codes and keys in every
    language the same)."""
    files = []
    for result in results:
        cases = []
        for case in result.cases:
            cases.append({
                "name": case.name, "line": case.location.line, "status": case.status,
                "source": {"section": case.source.section, "quote": case.source.quote},
                "checked": case.checked,
                "issues": [i.to_dict(lang) for i in case.issues],
                "failures": [{
                    "kind": f.kind, "line": f.location.line, "column": f.location.column,
                    "path": _path_text(f.location), **f.subject,
                    "expected": f.expected, "got": f.got, "why": f.why or None,
                    "subject": _subject(f, result.plan, lang) if result.plan else "",
                    "details": [d.render(lang) for d in f.details],
                } for f in case.failures],
            })
        files.append({"file": result.file, "plan": result.plan_ref, "ok": result.ok,
                      "issues": [i.to_dict(lang) for i in result.issues], "cases": cases})
    return {"files": files, "summary": _totals(results)}


def _path_text(location: Location) -> str:
    return format_path(location.path)

