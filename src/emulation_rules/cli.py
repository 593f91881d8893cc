"""The command-line interface: ``emulation-rules COMMAND ...``.

``main(argv)`` wraps ``run(args, stdout=..., stderr=...)``; this is the only module that knows
exit codes: 0 success, 1 problems found in the input, 2 usage error. Heavy imports (pydantic,
jsonschema) happen inside the commands that need them.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterable, Iterator, Sequence
from datetime import date
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .i18n import Lang

from ._inert import shown
from .i18n import text as _t

__all__ = ["main", "run"]

EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE = 0, 1, 2


_HELP: list[str] = []
_USAGE: list[str] = []


class _Parser(argparse.ArgumentParser):
    """Never writes to the process's streams nor exits: ``run`` writes to the streams given."""

    def error(self, message: str) -> Any:  # argparse exits 2 on usage errors; keep that
        _USAGE.append(self.format_usage())
        from .i18n import text

        raise _UsageError(text("%(prog)s: error: %(message)s\n").rstrip("\n") % {
            "prog": self.prog, "message": message})

    def print_help(self, file: Any = None) -> None:
        _HELP.append(self.format_help())

    def exit(self, status: int = 0, message: str | None = None) -> Any:
        if _HELP:
            raise _HelpShown
        raise _UsageError(message or "")


class _UsageError(Exception):
    pass


class _HelpShown(Exception):
    pass


def _parser() -> argparse.ArgumentParser:
    """The parser, its help in the current language (:func:`emulation_rules.i18n.current`)."""
    from .i18n import text as t

    parser = _Parser(prog="emulation-rules", description=t("cli.description"))
    parser.add_argument("--version", action="store_true", help=t("cli.help.version"))
    _lang_arg(parser)
    sub = parser.add_subparsers(dest="command", parser_class=_Parser)
    plan_help, plan_var = t("cli.help.plan"), t("cli.metavar.plan")
    file_var, date_var = t("cli.metavar.file"), t("cli.metavar.date")

    p = sub.add_parser("validate", help=t("cli.help.validate"))
    p.add_argument("plans", nargs="+", metavar=plan_var, help=t("cli.help.validate-plans"))
    p.add_argument("--format", choices=("text", "json", "github", "sarif"), default="text",
                   help=t("cli.help.validate-format"))
    p.add_argument("--strict", action="store_true", help=t("semantics.help.strict"))
    p.add_argument("--as-of", type=_date_arg, metavar=date_var, help=t("semantics.help.as-of"))
    _lang_arg(p)
    p.set_defaults(handler=_cmd_validate)

    p = sub.add_parser("show", help=t("cli.help.show"))
    p.add_argument("plan", metavar=plan_var, help=plan_help)
    p.add_argument("--format", choices=("yaml", "json"), default="yaml",
                   help=t("cli.help.format"))
    _lang_arg(p)
    p.set_defaults(handler=_cmd_show)

    p = sub.add_parser("diff", help=t("cli.help.diff"))
    p.add_argument("a", metavar=t("cli.metavar.plan-a"), help=plan_help)
    p.add_argument("b", metavar=t("cli.metavar.plan-b"), help=plan_help)
    p.add_argument("--format", choices=("text", "json"), default="text",
                   help=t("cli.help.format"))
    p.add_argument("--sources", action="store_true", help=t("cli.help.sources"))
    _lang_arg(p)
    p.set_defaults(handler=_cmd_diff)

    p = sub.add_parser("schema", help=t("cli.help.schema"))
    _lang_arg(p)
    p.set_defaults(handler=_cmd_schema)

    p = sub.add_parser("new", help=t("new.help"))
    p.add_argument("plan_id", metavar=t("new.metavar.id"), help=t("new.help.id"))
    p.add_argument("--extends", default=None, metavar=plan_var, help=t("new.help.extends"))
    p.add_argument("--output", type=Path, metavar=file_var, help=t("new.help.output"))
    p.add_argument("--force", action="store_true", help=t("new.help.force"))
    _lang_arg(p)
    p.set_defaults(handler=_cmd_new)

    p = sub.add_parser("timeline", help=t("cli.help.timeline"))
    p.add_argument("plans", nargs="+", metavar=plan_var, help=plan_help)
    p.add_argument("--issued", action="append", default=[], metavar=t("cli.metavar.issued"),
                   help=t("cli.help.timeline-issued"))
    p.add_argument("--as-of", type=_date_arg, metavar=date_var,
                   help=t("cli.help.timeline-as-of"))
    p.add_argument("--until", type=_date_arg, metavar=date_var, help=t("cli.help.until"))
    p.add_argument("--format", choices=("text", "json", "ics"), default="text",
                   help=t("cli.help.format"))
    p.add_argument("--submissions", type=Path, metavar=file_var,
                   help=t("cli.help.submissions"))
    p.add_argument("--units", type=Path, metavar=file_var, help=t("cli.help.timeline-units"))
    _table_args(p)
    _lang_arg(p)
    p.set_defaults(handler=_cmd_timeline)

    for name in ("evaluate", "awards", "report"):
        p = sub.add_parser(name, help=t(f"cli.help.{name}"))
        _evaluation_args(p, plan_help)
        p.add_argument("--attestations", type=Path, metavar=file_var,
                       help=t("cli.help.attestations"))
        p.set_defaults(handler=_cmd_evaluate)
        if name in ("awards", "report"):
            p.set_defaults(handler=_cmd_awards if name == "awards" else _cmd_report)
            p.add_argument("--review", required=name == "awards",
                           metavar=t("cli.metavar.review"),
                           help=t("cli.help.review") + (t("cli.help.review-report")
                                                       if name == "report" else ""))
            p.add_argument("--prior-awards", type=Path, metavar=file_var,
                           help=t("cli.help.prior-awards"))

    p = sub.add_parser("template", help=t("cli.help.template"))
    p.add_argument("--plan", required=True, metavar=plan_var, help=plan_help)
    p.add_argument("--units", required=True, type=Path, metavar=file_var,
                   help=t("cli.help.units"))
    p.add_argument("--from", dest="first", required=True, type=_month_arg,
                   metavar=t("cli.metavar.month"), help=t("cli.help.from"))
    p.add_argument("--to", dest="last", required=True, type=_month_arg,
                   metavar=t("cli.metavar.month"), help=t("cli.help.to"))
    p.add_argument("--output", required=True, type=Path, metavar=t("cli.metavar.xlsx"),
                   help=t("cli.help.template-output"))
    _lang_arg(p)
    _table_args(p)
    p.set_defaults(handler=_cmd_template)

    p = sub.add_parser("test", help=t("plantests.cli.help"))
    p.add_argument("paths", nargs="*", metavar=file_var, help=t("plantests.cli.help.paths"))
    p.add_argument("--format", choices=("text", "json"), default="text",
                   help=t("plantests.cli.help.format"))
    p.add_argument("--schema", action="store_true", help=t("plantests.cli.help.schema"))
    _lang_arg(p)
    p.set_defaults(handler=_cmd_test)
    return parser


def _lang_arg(p: argparse.ArgumentParser) -> None:
    """--lang on the main parser and on every command (read before parsing: see _lang)."""
    from .i18n import text as t

    p.add_argument("--lang", choices=("vi", "en"), default=argparse.SUPPRESS,
                   help=t("cli.help.lang"))


def _lang(argv: Sequence[str]) -> Lang:
    """The language a command line asks for: its last ``--lang`` (``--lang en`` or
    ``--lang=en``), else ``EMULATION_RULES_LANG``, else Vietnamese. Read before the parser is
    built, so that ``--help`` and argparse's own errors are in that language too; a value
    that is not a language is left for the parser to refuse."""
    from .i18n import current, language_of

    found: Lang | None = None
    args = list(argv)
    for n, arg in enumerate(args):
        if arg == "--":
            break
        value = (args[n + 1] if arg == "--lang" and n + 1 < len(args) else
                 arg.partition("=")[2] if arg.startswith("--lang=") else None)
        if value in ("vi", "en"):
            found = language_of(value)
    return found or current()


class _ArgparseIn:
    """argparse's own sentences ("usage:", "the following arguments are required") from the
    catalogue of one language while the parser is built and run: argparse looks them up
    through its module's ``_`` and ``ngettext`` at call time."""

    def __init__(self, lang: Lang) -> None:
        self._lang = lang
        self._saved: tuple[Any, Any] | None = None

    def __enter__(self) -> None:
        from .i18n import catalogue

        cat = catalogue(self._lang)
        self._saved = (getattr(argparse, "_", None), getattr(argparse, "ngettext", None))
        argparse._ = cat.gettext  # type: ignore[attr-defined]
        argparse.ngettext = (  # type: ignore[attr-defined]
            lambda one, many, n: cat.gettext(one if n == 1 else many))

    def __exit__(self, *exc: object) -> None:
        assert self._saved is not None
        argparse._, argparse.ngettext = self._saved  # type: ignore[attr-defined]


def _month_arg(text: str) -> str:
    from .records import normalise_period

    month = normalise_period(text)
    if month is None or len(month) != 7:
        raise argparse.ArgumentTypeError(_t("cli.not-a-month", value=shown(text)))
    return month


def _cmd_template(args: argparse.Namespace, out: IO[str], err: IO[str]) -> int:
    from .inputs import read_unit_tree
    from .template import EntryWorkbookError, write_entry_workbook

    plan = _load_or_report(args.plan, err)
    if plan is None:
        return EXIT_PROBLEMS
    if not args.units.is_file():
        raise _UsageError(_t("cli.no-file", path=shown(str(args.units))))
    if args.output.suffix.lower() != ".xlsx":
        raise _UsageError(_t("cli.template-xlsx"))
    _check_codec(args)
    units, issues, _ = read_unit_tree(args.units, **_table(args))
    for issue in issues:
        err.write(f"{issue}\n")
    if not units:
        err.write(_t("cli.template-no-unit") + "\n")
        return EXIT_PROBLEMS
    try:
        write_entry_workbook(plan, units, args.first, args.last, args.output, lang=args.lang)
    except EntryWorkbookError as exc:
        raise _UsageError(str(exc)) from None
    except OSError as exc:
        raise _UsageError(_cannot_write(args.output, exc)) from None
    err.write(_t("cli.template-written", path=str(args.output), units=len(units),
                 first=args.first, last=args.last) + "\n")
    return EXIT_OK


def _cmd_test(args: argparse.Namespace, out: IO[str], err: IO[str]) -> int:
    """``test``: run plan tests written as data; 0 when every case passes, 1 when one fails
    or a test file has a problem."""
    from .plan_tests import (
        plan_test_files,
        render_plan_test_schema,
        report_data,
        report_text,
        run_plan_tests,
    )

    if args.schema:
        out.write(render_plan_test_schema())
        return EXIT_OK
    if not args.paths:
        raise _UsageError(_t("plantests.cli.no-path"))
    files, missing = plan_test_files(args.paths)
    if missing:
        raise _UsageError(_t("plantests.cli.not-found", path=shown(missing[0])))
    results = run_plan_tests(files)
    if args.format == "json":
        json.dump(report_data(results, args.lang), out, ensure_ascii=False, indent=2)
        out.write("\n")
    else:
        for line in report_text(results, args.lang):
            out.write(line)
    return EXIT_OK if all(r.ok for r in results) else EXIT_PROBLEMS


def _table_args(p: argparse.ArgumentParser) -> None:
    from .i18n import text as t

    p.add_argument("--sheet", metavar=t("cli.metavar.name"), help=t("cli.help.sheet"))
    p.add_argument("--encoding", metavar=t("cli.metavar.name"), help=t("cli.help.encoding"))


def _evaluation_args(p: argparse.ArgumentParser, plan_help: str) -> None:
    from .i18n import text as t

    file_var, date_var = t("cli.metavar.file"), t("cli.metavar.date")
    p.add_argument("--plan", required=True, metavar=t("cli.metavar.plan"), help=plan_help)
    p.add_argument("--metrics", required=True, type=Path, action="append", metavar=file_var,
                   help=t("cli.help.metrics"))
    p.add_argument("--units", type=Path, metavar=file_var, help=t("cli.help.units"))
    _table_args(p)
    p.add_argument("--issued", type=_date_arg, metavar=date_var, help=t("cli.help.issued"))
    p.add_argument("--as-of", type=_date_arg, metavar=date_var, help=t("cli.help.as-of"))
    p.add_argument("--format", choices=("json", "csv", "markdown", "xlsx"), default="markdown",
                   help=t("cli.help.evaluate-format"))
    p.add_argument("--output", type=Path, metavar=file_var, help=t("cli.help.output"))
    p.add_argument("--strict", action="store_true", help=t("cli.help.strict"))
    p.add_argument("--explain", metavar=t("cli.metavar.unit"), help=t("cli.help.explain"))
    _lang_arg(p)


def _date_arg(text: str) -> date:
    from ._tables import parse_date_cell

    try:
        return parse_date_cell(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def _fmt(value: Any) -> str:
    if isinstance(value, dict) and "id" in value:
        return f"{{id: {value['id']}, ...}}"
    if isinstance(value, (dict, list)):
        text = json.dumps(value, ensure_ascii=False)
        return text if len(text) <= 120 else text[:117] + "..."
    return "null" if value is None else str(value)


def _cmd_validate(args: argparse.Namespace, out: IO[str], err: IO[str]) -> int:
    """Errors always fail (exit 1); a warning only with --strict, unless the plan acknowledges
    it. Acknowledged warnings are shown, marked so. A draft plan is checked as of --as-of
    (default today)."""
    from .errors import Issue, PlanNotFoundError, Severity
    from .loading import iter_plan_issues, resolve_plan_ref

    as_of = args.as_of or date.today()
    results: list[tuple[str, list[Issue]]] = []
    owns: list[str] = []
    for ref in _plan_files(args.plans):
        issues = iter_plan_issues(ref, as_of=as_of, acknowledged=True)
        try:  # the plan's own file first, then what it inherits
            own = str(resolve_plan_ref(ref))
        except PlanNotFoundError:
            own = ""
        owns.append(own)
        results.append((ref, sorted(issues, key=lambda i: i.location.file != own)))

    def fails(issue: Issue) -> bool:
        return issue.severity is Severity.ERROR or (args.strict
                                                     and issue.acknowledgement is None)

    found = [i for _, issues in results for i in issues]
    n_err = sum(1 for i in found if i.severity is Severity.ERROR)
    n_warn = sum(1 for i in found if i.severity is Severity.WARNING)
    n_ack = sum(1 for i in found if i.acknowledgement is not None)
    bad_files = sum(1 for _, issues in results if any(map(fails, issues)))
    if args.format == "json":
        json.dump({
            "files": [{"plan": ref, "valid": not any(map(fails, issues)),
                       "issues": [{**i.to_dict(), "acknowledged": i.acknowledgement is not None,
                                   "acknowledgement": i.acknowledgement} for i in issues]}
                      for ref, issues in results],
            "summary": {"files": len(results), "invalid": bad_files, "errors": n_err},
        }, out, ensure_ascii=False, indent=2)
        out.write("\n")
    elif args.format == "github":
        from .reporting import github_annotation

        for _, issues in results:
            for i in issues:
                line = github_annotation(i)
                if i.acknowledgement is not None:  # a notice: nothing left to do about it
                    line = "::notice" + line.removeprefix(f"::{i.severity.value}")
                out.write(line)
    elif args.format == "sarif":
        from .sarif import sarif_text

        out.write(sarif_text(results, args.lang))
    else:
        hidden = 0
        for (ref, issues), own in zip(results, owns, strict=True):
            for i in issues:  # an inherited plan's acknowledged warning: not said again
                if i.acknowledgement is None or i.location.file == own:
                    out.write(f"{i}\n")
                else:
                    hidden += 1
            if not any(map(fails, issues)):
                out.write(_t("cli.validate-ok", plan=ref) + "\n")
        summary = _t("cli.validate-summary", plans=len(results),
                     valid=len(results) - bad_files, invalid=bad_files, errors=n_err)
        n_warn, n_ack = n_warn - hidden, n_ack - hidden
        if n_warn:
            summary += "; " + _t("semantics.summary-warnings", warnings=n_warn,
                                 acknowledged=n_ack)
        out.write(summary + "\n")
    return EXIT_PROBLEMS if bad_files else EXIT_OK


def _plan_files(refs: Sequence[str]) -> list[str]:
    """PLAN arguments as the plans to check: a folder gives its ``.yaml``/``.yml`` files
    (its subfolders' too, sorted; hidden ones skipped), a pattern with ``*``, ``?`` or ``[``
    the files it matches (sorted; Windows shells pass patterns unexpanded), anything else
    itself (a file, or a bundled plan id). A pattern that matches nothing stays as written,
    so that it is reported as a plan not found."""
    import glob

    out: list[str] = []
    for ref in refs:
        path = Path(ref)
        if path.is_dir():
            found = sorted(str(p) for p in path.rglob("*") if p.suffix in (".yaml", ".yml")
                           and p.is_file() and not any(
                               part.startswith(".") for part in p.relative_to(path).parts))
            if not found:
                raise _UsageError(_t("cli.no-plan-in-folder", path=shown(ref)))
            out += found
        elif any(c in ref for c in "*?[") and not path.exists():
            out += sorted(glob.glob(ref, recursive=True)) or [ref]
        else:
            out.append(ref)
    return out


def _load_or_report(ref: str, err: IO[str]) -> Any:
    from .errors import PlanError
    from .loading import load_plan

    try:
        return load_plan(ref)
    except PlanError as exc:
        for issue in exc.issues:
            err.write(f"{issue}\n")
        return None


def _cmd_show(args: argparse.Namespace, out: IO[str], err: IO[str]) -> int:
    from .model import plan_data

    plan = _load_or_report(args.plan, err)
    if plan is None:
        return EXIT_PROBLEMS
    data = plan_data(plan)
    if args.format == "json":
        json.dump(data, out, ensure_ascii=False, indent=2)
        out.write("\n")
    else:
        from ._yaml import dump

        out.write(_t("cli.show-head", plan=data["id"]) + "\n")
        out.write(dump(data))
    return EXIT_OK


def _cmd_diff(args: argparse.Namespace, out: IO[str], err: IO[str]) -> int:
    from .diffing import diff_plans

    a, b = _load_or_report(args.a, err), _load_or_report(args.b, err)
    if a is None or b is None:
        return EXIT_PROBLEMS
    changes = diff_plans(a, b, include_sources=args.sources)
    if args.format == "json":
        json.dump({"a": a.id, "b": b.id, "changes": [c.to_dict() for c in changes]}, out,
                  ensure_ascii=False, indent=2)
        out.write("\n")
        return EXIT_OK
    out.write(f"--- {a.id}\n+++ {b.id}\n")
    for c in changes:
        if c.kind == "changed":
            out.write(f"~ {c.path}: {_fmt(c.old)} -> {_fmt(c.new)}\n")
        elif c.kind == "added":
            out.write(f"+ {c.path}: {_fmt(c.new)}  {_t('cli.diff-only-in', plan=b.id)}\n")
        else:
            out.write(f"- {c.path}: {_fmt(c.old)}  {_t('cli.diff-only-in', plan=a.id)}\n")
    out.write(_t("cli.diff-count", count=len(changes)) + "\n")
    return EXIT_OK


def _cmd_schema(args: argparse.Namespace, out: IO[str], err: IO[str]) -> int:
    from .schema import render_schema

    out.write(render_schema())
    return EXIT_OK


def _cmd_new(args: argparse.Namespace, out: IO[str], err: IO[str]) -> int:
    from .errors import PlanError
    from .new_plan import DEFAULT_BASE, SCHEMA_FILE, NewPlanError, write_new_plan

    try:
        path, written = write_new_plan(args.plan_id, args.extends or DEFAULT_BASE,
                                       output=args.output, force=args.force, lang=args.lang)
    except NewPlanError as exc:
        raise _UsageError(str(exc)) from None
    except PlanError as exc:  # the base is not a plan that validates
        for issue in exc.issues:
            err.write(f"{issue}\n")
        return EXIT_PROBLEMS
    err.write(_t("new.written", path=shown(str(path)), base=shown(written.extends),
                 count=written.placeholders) + "\n")
    if not written.schema_found:
        err.write(_t("new.no-schema", path=shown(str(path.parent / SCHEMA_FILE))) + "\n")
    return EXIT_OK


def _issue_dates(values: list[str], plan_ids: list[str]) -> tuple[date | None, dict[str, date]]:
    common: date | None = None
    per_plan: dict[str, date] = {}
    for value in values:
        plan_id, sep, text = value.rpartition("=")
        try:
            day = _date_arg(text)
        except argparse.ArgumentTypeError as exc:
            raise _UsageError(_t("cli.issued-bad", value=shown(value), reason=str(exc))
                              ) from None
        if not sep:
            common = day
        elif plan_id not in plan_ids:
            raise _UsageError(_t("cli.issued-no-plan", value=shown(value), plan=shown(plan_id),
                                 plans=", ".join(plan_ids)))
        else:
            per_plan[plan_id] = day
    return common, per_plan


def _cmd_timeline(args: argparse.Namespace, out: IO[str], err: IO[str]) -> int:
    from .reporting import side_by_side, timeline_data, timeline_text
    from .timelines import TimelineError, timeline

    plans = []
    for ref in args.plans:
        plan = _load_or_report(ref, err)
        if plan is None:
            return EXIT_PROBLEMS
        if plan.template and len(args.plans) > 1:
            err.write(_t("cli.template-skipped", plan=plan.id) + "\n")
            continue
        plans.append(plan)
    if args.submissions and len(plans) != 1:
        raise _UsageError(_t("cli.submissions-one-plan"))
    if args.submissions and args.as_of is None:
        raise _UsageError(_t("cli.submissions-as-of"))
    common, per_plan = _issue_dates(args.issued, [p.id for p in plans])
    timelines = []
    for plan in plans:
        issued = per_plan.get(plan.id, common)
        try:
            timelines.append(timeline(plan, issued=issued if plan.needs_issue_date else None,
                                           until=args.until, as_of=args.as_of))
        except TimelineError as exc:
            raise _UsageError(str(exc)) from None
        if issued is not None and not plan.needs_issue_date and plan.id in per_plan:
            err.write(_t("cli.issued-ignored", plan=plan.id) + "\n")
    if args.format == "ics":
        from .ics import MissingExtraError, render_ics

        try:
            out.write(render_ics(timelines).decode("utf-8"))
        except MissingExtraError as exc:
            raise _UsageError(str(exc)) from None
        return EXIT_OK
    if args.submissions:
        return _track(args, timelines[0], out, err)
    if args.format == "json":
        data = [timeline_data(t, args.as_of) for t in timelines]
        json.dump(data[0] if len(args.plans) == 1 else data, out, ensure_ascii=False, indent=2)
        out.write("\n")
    elif len(timelines) > 1:
        out.write(side_by_side(timelines))
    else:
        out.write(timeline_text(timelines[0], args.as_of))
    return EXIT_OK


def _track(args: argparse.Namespace, tl: Any, out: IO[str], err: IO[str]) -> int:
    from .inputs import read_unit_tree
    from .reporting import json_chunks, tracking_data, tracking_lines
    from .submissions import read_submissions, track

    for path in (args.submissions, args.units):
        if path is not None and not path.is_file():
            raise _UsageError(_t("cli.no-file", path=shown(str(path))))
    _check_codec(args)
    units = None
    rejected = []
    rows_total = 0
    if args.units:
        units, unit_issues, n_units = read_unit_tree(args.units, **_table(args))
        rejected += unit_issues
        rows_total += n_units
    subs, sub_issues, n_rows = read_submissions(args.submissions, tl, **_table(args))
    rejected += sub_issues
    rows_total += n_rows
    statuses = track(tl, subs, args.as_of, units)
    for issue in rejected:
        err.write(f"{issue}\n")
    used = len(subs) + (len(units) if units is not None else 0)
    summary = {"rows": rows_total, "used": used, "rejected": rows_total - used}
    if args.format == "json":
        for batch in _batches(json_chunks({
                "plan": tl.plan_id, "as_of": args.as_of.isoformat(), "rows": summary,
                "rejected": [i.to_dict() for i in rejected],
                "statuses": tracking_data(statuses, lazy=True)})):
            out.write(batch)
    else:
        for batch in _batches(tracking_lines(statuses, args.as_of)):
            out.write(batch)
        out.write(_t("cli.tracking-rows", read=summary["rows"], used=summary["used"],
                     rejected=summary["rejected"]) + "\n")
    if used == 0 and rows_total:
        return EXIT_PROBLEMS
    return EXIT_OK


def _table(args: argparse.Namespace) -> dict[str, Any]:
    """The options of the table readers given on the command line (--sheet, --encoding)."""
    return {"sheet": args.sheet, "encoding": args.encoding}


def _check_codec(args: argparse.Namespace) -> None:
    import codecs

    if args.encoding:
        try:
            codecs.lookup(args.encoding)
        except LookupError:
            raise _UsageError(_t("cli.unknown-encoding", encoding=shown(args.encoding))
                              ) from None


def _write_atomic(path: Path, text: str | Iterable[str]) -> None:
    import os
    import tempfile

    fd, tmp = tempfile.mkstemp(dir=path.resolve().parent, prefix=f".{path.name}.",
                               suffix=".tmp")
    try:
        # mkstemp creates the file for its owner only (0600): give it the mode a file written
        # by the user has (an existing file's, else 0666 less the umask)
        try:
            mode = path.stat().st_mode & 0o7777
        except OSError:
            mask = os.umask(0)
            os.umask(mask)
            mode = 0o666 & ~mask
        os.fchmod(fd, mode)
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
            if isinstance(text, str):
                handle.write(text)
            else:
                handle.writelines(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _evaluated(args: argparse.Namespace, err: IO[str]) -> Any:
    """Load the plan, read the inputs, evaluate (the library checks and counts every row);
    print what was rejected. Returns (plan, evaluation, units, attestation rows, issues) or None
    when the plan cannot load."""
    from .evaluation import UnsupportedPlanError, evaluate
    from .inputs import iter_metrics, read_attestations, read_unit_tree
    from .timelines import TimelineError

    plan = _load_or_report(args.plan, err)
    if plan is None:
        return None
    if plan.template:
        raise _UsageError(_t("cli.template-plan", plan=plan.id))
    as_of = args.as_of
    if as_of is None:
        as_of = date.today()
        err.write(_t("cli.as-of-today", date=as_of.isoformat()) + "\n")
    for path in (*args.metrics, args.units, args.attestations,
                 getattr(args, "prior_awards", None)):
        if path is not None and not path.is_file() and not (path in args.metrics
                                                             and path.is_dir()):
            raise _UsageError(_t("cli.no-file", path=shown(str(path))))
    _check_codec(args)
    from .errors import Severity

    units = None
    issues: list[Any] = []
    cautions: list[Any] = []  # warnings of the input files: said, never a rejected row
    if args.units:
        units, unit_issues, _ = read_unit_tree(args.units, **_table(args))
        issues += [i for i in unit_issues if i.severity is not Severity.WARNING]
        cautions += [i for i in unit_issues if i.severity is Severity.WARNING]
    attestations = None
    if args.attestations:
        attestations, att_issues, _ = read_attestations(args.attestations, **_table(args))
        issues += att_issues
    source = iter_metrics(args.metrics, **_table(args))  # streams: counted as it is read
    try:
        ev = evaluate(plan, source, units=units, issued=args.issued, as_of=as_of,
                      attestations=attestations)
    except (TimelineError, UnsupportedPlanError) as exc:
        raise _UsageError(str(exc)) from None
    issues += ev.rejected
    for issue in [*issues, *cautions, *ev.warnings]:
        err.write(f"{issue}\n")
    return plan, ev, units, attestations, issues


def _emit(args: argparse.Namespace, text: str | Iterable[str], out: IO[str],
          err: IO[str]) -> None:
    """Write a command's output (a text, or pieces written as they come) to --output (and say
    so on ``err``) or ``out``, through the output kind's escaping."""
    if args.output:
        inert = args.inert
        try:
            _write_atomic(args.output, inert(text) if isinstance(text, str) else
                          (inert(batch) for batch in _batches(text)))
        except OSError as exc:
            raise _UsageError(_cannot_write(args.output, exc)) from None
        err.write(_t("cli.written", path=shown(str(args.output))) + "\n")
    elif isinstance(text, str):
        out.write(text)
    else:
        for batch in _batches(text):
            out.write(batch)


def _batches(pieces: Iterable[str], size: int = 1 << 20) -> Iterator[str]:
    """Pieces joined into texts of about ``size`` characters: few writes, bounded memory."""
    held: list[str] = []
    count = 0
    for piece in pieces:
        held.append(piece)
        count += len(piece)
        if count >= size:
            yield "".join(held)
            held, count = [], 0
    if held:
        yield "".join(held)


def _finish(args: argparse.Namespace, ev: Any, rejected: Sequence[Any], err: IO[str]) -> int:
    err.write(_t("cli.evaluated-rows", read=ev.rows_total, used=ev.rows_used,
                 rejected=ev.rows_total - ev.rows_used) + "\n")
    if not ev.results or ev.rows_used == 0:
        err.write(_t("cli.nothing-evaluated") + "\n")
        return EXIT_PROBLEMS
    if args.strict and rejected:
        return EXIT_PROBLEMS
    return EXIT_OK


def _cmd_evaluate(args: argparse.Namespace, out: IO[str], err: IO[str]) -> int:
    from .reporting import (
        evaluation_csv,
        evaluation_data,
        evaluation_markdown,
        explain,
        json_chunks,
    )

    done = _evaluated(args, err)
    if done is None:
        return EXIT_PROBLEMS
    plan, ev, units, _, rejected = done
    warnings = ev.warnings
    text: str | Iterable[str]
    if args.format == "xlsx" and not args.explain:
        _workbook(args, ev, plan, units, rejected, None, err)
        return _finish(args, ev, rejected, err)
    if args.explain:
        text = explain(ev, args.explain, args.lang)
    elif args.format == "json":
        text = json_chunks(evaluation_data(ev, rejected, warnings, lazy=True, plan=plan,
                                           units=units))
    elif args.format == "csv":
        text = evaluation_csv(ev, plan=plan, units=units)
    else:
        text = evaluation_markdown(ev, rejected, plan=plan, units=units)
    _emit(args, text, out, err)
    return _finish(args, ev, rejected, err)


def _awards_report(args: argparse.Namespace, plan: Any, ev: Any, units: Any,
                   attestation_rows: Any, rejected: list[Any], err: IO[str]
                   ) -> tuple[Any, list[Any]]:
    """The awards at ``args.review`` (the prior awards read and their issues said), and the
    rejected rows with the prior-awards file's added."""
    from .eligibility import ReviewError, awards, review_window
    from .inputs import attestations_for, read_prior_awards

    prior = None
    if args.prior_awards:
        prior, prior_issues, _ = read_prior_awards(args.prior_awards, **_table(args))
        rejected = [*rejected, *prior_issues]
        for issue in prior_issues:
            err.write(f"{issue}\n")
    try:
        attestations = (attestations_for(attestation_rows, review_window(plan, ev, args.review))
                        if attestation_rows is not None else None)
        report = awards(plan, ev, args.review, units=units, attestations=attestations,
                        prior_awards=prior)
    except ReviewError as exc:
        raise _UsageError(str(exc)) from None
    return report, rejected


def _cmd_report(args: argparse.Namespace, out: IO[str], err: IO[str]) -> int:
    from .report_html import ReportHtmlError, render_report
    from .timelines import timeline

    if args.output is None:
        raise _UsageError(_t("cli.report-html"))
    done = _evaluated(args, err)
    if done is None:
        return EXIT_PROBLEMS
    plan, ev, units, attestation_rows, rejected = done
    report = None
    if args.review:
        report, rejected = _awards_report(args, plan, ev, units, attestation_rows, rejected,
                                          err)
    try:
        html = render_report(ev, plan, timeline=timeline(plan, issued=ev.issued, as_of=ev.as_of),
                             units=units, rejected=rejected, inputs=_input_hashes(args),
                             report=report, lang=args.lang)
    except ReportHtmlError as exc:
        raise _UsageError(str(exc)) from None
    _emit(args, html, out, err)
    return _finish(args, ev, rejected, err)


def _cmd_awards(args: argparse.Namespace, out: IO[str], err: IO[str]) -> int:
    from .reporting import awards_csv, awards_data, awards_explain, awards_markdown, json_chunks

    done = _evaluated(args, err)
    if done is None:
        return EXIT_PROBLEMS
    plan, ev, units, attestation_rows, rejected = done
    report, rejected = _awards_report(args, plan, ev, units, attestation_rows, rejected, err)
    text: str | Iterable[str]
    if args.format == "xlsx" and not args.explain:
        _workbook(args, ev, plan, units, rejected, report, err)
        return _finish(args, ev, rejected, err)
    if args.explain:
        text = awards_explain(report, args.explain, args.lang)
    elif args.format == "json":
        text = json_chunks(awards_data(report, ev, lazy=True, plan=plan, units=units))
    elif args.format == "csv":
        text = awards_csv(report)
    else:
        text = awards_markdown(report, ev, plan=plan, units=units)
    _emit(args, text, out, err)
    return _finish(args, ev, rejected, err)


def _workbook(args: argparse.Namespace, ev: Any, plan: Any, units: Any, rejected: Any,
              report: Any, err: IO[str]) -> None:
    """--format xlsx: the results workbook, written to --output with the inputs' hashes."""
    from .results_workbook import ResultsWorkbookError, write_results_workbook

    if args.output is None or args.output.suffix.lower() != ".xlsx":
        raise _UsageError(_t("cli.workbook-xlsx"))
    try:
        write_results_workbook(args.output, ev, plan, units=units, rejected=rejected,
                               inputs=_input_hashes(args), report=report, lang=args.lang)
    except ResultsWorkbookError as exc:
        raise _UsageError(str(exc)) from None
    except OSError as exc:
        raise _UsageError(_cannot_write(args.output, exc)) from None
    err.write(_t("cli.written", path=shown(str(args.output))) + "\n")


def _cannot_write(path: Path, exc: OSError) -> str:
    return _t("cli.cannot-write", path=shown(str(path)), reason=exc.strerror or str(exc))


def _input_hashes(args: argparse.Namespace) -> list[tuple[str, str]]:
    """Each input file and its sha256: the decision record of a report or a workbook."""
    from .inputs import metrics_files

    files = [*metrics_files(args.metrics), *(p for p in (
        args.units, args.attestations, getattr(args, "prior_awards", None)) if p is not None)]
    return [(str(p), _file_hash(p)) for p in files]


def _file_hash(path: Path) -> str:
    """sha256 of a file's bytes, read in blocks (the decision record names each input)."""
    import hashlib

    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return f"sha256:{digest.hexdigest()}"


def run(argv: Sequence[str], *, stdout: IO[str], stderr: IO[str]) -> int:
    """Run the CLI with explicit streams; returns the exit code (tests call this). Nothing is
    written to the process's own streams, ``--help`` included. Everything it says is in the
    language of ``--lang``, else ``EMULATION_RULES_LANG``, else Vietnamese."""
    from .i18n import using

    lang = _lang(argv)
    with using(lang):
        return _run(argv, lang, stdout, stderr)


def _run(argv: Sequence[str], lang: Lang, stdout: IO[str], stderr: IO[str]) -> int:
    try:
        with _ArgparseIn(lang):
            parser = _parser()
            args = parser.parse_args(list(argv))
    except _HelpShown:
        stdout.write(_HELP.pop())
        return EXIT_OK
    except _UsageError as exc:
        from ._inert import terminal

        stderr.write(terminal(_USAGE.pop() if _USAGE else ""))
        stderr.write(terminal(f"{exc}\n"))
        return EXIT_USAGE
    finally:
        _HELP.clear()
        _USAGE.clear()
    args.lang = lang
    if args.version:
        from . import __version__

        stdout.write(f"emulation-rules {__version__}\n")
        return EXIT_OK
    handler = getattr(args, "handler", None)
    if handler is None:
        with _ArgparseIn(lang):
            stderr.write(parser.format_help())
        return EXIT_USAGE
    # one escaping layer per output kind: text from inputs never reaches a terminal, a report
    # or a CI log as anything but text (CSV cells and ICS fields are escaped where written)
    from ._inert import json_text, terminal

    fmt = getattr(args, "format", "text")
    # each output kind's escaping; the HTML report is escaped by its template (autoescape)
    args.inert = (terminal if getattr(args, "explain", None) else
                  _same if args.handler is _cmd_report else
                  json_text if fmt == "json" else _same if fmt in ("csv", "ics") else terminal)
    out, err = _Filtered(stdout, args.inert), _Filtered(stderr, terminal)
    from .errors import MissingExtra

    try:
        code: int = handler(args, out, err)
        return code
    except (_UsageError, MissingExtra) as exc:  # an extra not installed: what to install
        err.write(_t("cli.error", command=args.command, message=str(exc)) + "\n")
        return EXIT_USAGE


def _same(text: str) -> str:
    return text


class _Filtered:
    """A text stream that escapes what is written to it (see ``_inert``)."""

    def __init__(self, stream: IO[str], escape: Any) -> None:
        self._stream, self._escape = stream, escape

    def write(self, text: str) -> int:
        return self._stream.write(self._escape(text))

    def flush(self) -> None:
        self._stream.flush()


def _utf8(stream: Any) -> None:
    """Write UTF-8 whatever the locale (a redirected stream under LANG=C, a Windows console
    with its legacy code page): Vietnamese text never fails to print."""
    reconfigure = getattr(stream, "reconfigure", None)
    if reconfigure is not None and (getattr(stream, "encoding", "") or "").lower().replace(
            "-", "") != "utf8":
        reconfigure(encoding="utf-8", errors="backslashreplace")


def main(argv: Sequence[str] | None = None) -> int:
    """Console-script entry point."""
    _utf8(sys.stdout)
    _utf8(sys.stderr)
    try:
        return run(sys.argv[1:] if argv is None else argv, stdout=sys.stdout, stderr=sys.stderr)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return EXIT_OK
