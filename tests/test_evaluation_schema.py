"""The JSON output of ``evaluate`` has a versioned JSON Schema (issue 13):
``schemas/evaluation.schema.json`` is a valid draft 2020-12 schema, the real ``--format json``
output of every bundled example and of hostile and broken inputs validates against it, a
mutated output does not (the schema is not vacuous), and the output names the schema's
version in its first key, ``format``."""

from __future__ import annotations

import copy
import io
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any, get_args

import jsonschema
import pytest

from emulation_rules.cli import run
from emulation_rules.codes import CODES
from emulation_rules.conditions import COMPARATORS, KINDS, Verdict
from emulation_rules.errors import Severity
from emulation_rules.reporting import EVALUATION_FORMAT

from .conftest import LOCALITIES, ROOT

SCHEMA_FILE = ROOT / "schemas" / "evaluation.schema.json"
EXAMPLES_DIR = ROOT / "examples"
TABLES = Path(__file__).resolve().parent / "data" / "tables"

#: The bundled examples, each with the arguments of its run in docs/evaluation.md.
EXAMPLES: dict[str, tuple[str, ...]] = {
    "kon_plong": ("--issued", "2024-10-15", "--as-of", "2025-08-31"),
    "bac_giang": ("--issued", "2024-08-19", "--as-of", "2025-08-31"),
    "ninh_thuan": ("--issued", "2024-11-05", "--as-of", "2025-08-31"),
    "tuyen_quang": ("--issued", "2024-10-20", "--as-of", "2025-08-31"),
    "phuong_tien": ("--as-of", "2030-12-31",
                    "--attestations", str(EXAMPLES_DIR / "phuong_tien_attestations.csv")),
}

KON_PLONG = ("--plan", "kon_plong", "--issued", "2024-10-15", "--as-of", "2025-08-31")

#: A metrics file staff should never send: a formula as a unit id, a right-to-left override,
#: a formula and a "row N" as column names, an impossible month, negative, huge and NUL counts,
#: a row cut short, a part above its whole, periods in no window, a duplicate and a blank unit.
HOSTILE_CSV = (
    'unit,period,good_deeds,tips_total,tips_via_force,=HYPERLINK("http://x"),row 9\n'
    "h1x01,2024-11,1,10,8,x,y\n"
    "\"=cmd|' /C calc'!A0\",2024-11,1,,,,\n"
    "h1x02,2024-13,1,,,,\n"
    "h1x02\u202e,2024-11,-1,,,,\n"
    "h1x03,2024-11,99999999999999999999999,,,,\n"
    "h1x04,2099-01,1,,,,\n"
    "h1x05,2024-11\n"
    "h1x06,2024-11,1,12,20,,\n"
    "h1x07,2023-01,1,,,,\n"
    "h1x01,2024-11,2,,,,\n"
    ",2024-12,1,,,,\n"
    "h1x08,2024-12,\x00,,,,\n"
)


def load_schema() -> dict[str, Any]:
    """The committed schema, parsed."""
    schema: dict[str, Any] = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
    return schema


def validator() -> jsonschema.Draft202012Validator:
    """A validator of the committed schema that checks ``format: date`` too."""
    return jsonschema.Draft202012Validator(load_schema(),
                                           format_checker=jsonschema.FormatChecker())


def problems(data: Any) -> list[str]:
    """Every way ``data`` fails the schema, one line each (empty when it validates)."""
    return [f"{'/'.join(map(str, e.absolute_path)) or '(root)'}: {e.message[:200]}"
            for e in validator().iter_errors(data)]


def evaluate_json(*argv: str) -> tuple[int, str]:
    """``emulation-rules evaluate ARGV --format json``: the exit code and stdout."""
    out, err = io.StringIO(), io.StringIO()
    code = run(["evaluate", *argv, "--format", "json"], stdout=out, stderr=err)
    return code, out.getvalue()


@pytest.fixture(scope="module")
def hostile_csv(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """:data:`HOSTILE_CSV` as a file."""
    path = tmp_path_factory.mktemp("hostile") / "hostile.csv"
    path.write_text(HOSTILE_CSV, encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def hostile_output(hostile_csv: Path) -> dict[str, Any]:
    """The JSON output of the hostile rows against Kon Plông's units: rejected rows of both
    issue shapes, warnings, units with no data and a few results."""
    code, out = evaluate_json(*KON_PLONG, "--metrics", str(hostile_csv),
                              "--units", str(EXAMPLES_DIR / "kon_plong_units.csv"))
    assert code == 0
    data: dict[str, Any] = json.loads(out)
    return data


# ---------------------------------------------------------------------------------------------
# the schema itself


def test_schema_is_a_valid_draft_2020_12_schema() -> None:
    schema = load_schema()
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    jsonschema.Draft202012Validator.check_schema(schema)
    assert schema["$id"].endswith(".invalid/schemas/evaluation/1")  # never resolves
    for name in ("issue", "target", "criterion", "result"):
        assert name in schema["$defs"]


def test_format_is_the_schemas_const_and_version() -> None:
    """The output's ``format``, the schema's const and the last part of its ``$id`` name the
    same version."""
    schema = load_schema()
    assert schema["properties"]["format"]["const"] == EVALUATION_FORMAT
    assert EVALUATION_FORMAT == "emulation-rules/evaluation/1"
    assert schema["$id"].rsplit("/", 1)[1] == EVALUATION_FORMAT.rsplit("/", 1)[1]
    assert schema["required"][0] == "format"


def test_schema_enums_agree_with_the_library() -> None:
    """Verdicts, kinds, comparators and severities are the library's own; every issue code of
    the registry fits the schema's code pattern."""
    defs = load_schema()["$defs"]
    target = defs["target"]["properties"]
    kinds = {k.id for k in KINDS.values()}
    comparing = {k.id for k in KINDS.values() if "comparator" in getattr(k.model, "model_fields",
                                                                         {})}
    assert set(defs["verdict"]["enum"]) == set(get_args(Verdict))
    assert set(target["kind"]["enum"]) == kinds
    assert set(target["comparator"]["enum"]) == set(COMPARATORS) | (kinds - comparing)
    assert set(defs["severity"]["enum"]) == {s.value for s in Severity}
    code = jsonschema.Draft202012Validator(defs["issue_code"])
    assert [c for c in CODES if not code.is_valid(c)] == []


# ---------------------------------------------------------------------------------------------
# real output validates


def test_every_bundled_example_is_covered() -> None:
    assert set(EXAMPLES) == set(LOCALITIES)


@pytest.mark.parametrize("plan_id", list(EXAMPLES))
def test_the_output_of_each_bundled_example_validates(plan_id: str, cli: Any) -> None:
    """The real ``--format json`` of each example validates, starts with its ``format``, and
    keeps the key order the schema lists (top level, result, criterion, target, issue)."""
    result = cli("evaluate", "--plan", plan_id,
                 "--metrics", str(EXAMPLES_DIR / f"{plan_id}_metrics.csv"),
                 "--units", str(EXAMPLES_DIR / f"{plan_id}_units.csv"),
                 *EXAMPLES[plan_id], "--format", "json")
    assert result.code == 0, result.err
    assert result.out.startswith('{\n  "format": "emulation-rules/evaluation/1",\n')
    data = json.loads(result.out)
    assert problems(data) == []
    assert data["format"] == EVALUATION_FORMAT
    assert data["results"] and data["rejected"]
    defs = load_schema()["$defs"]
    assert list(data) == list(load_schema()["properties"])  # labels too, which is optional
    assert [k for k in data if k in load_schema()["required"]] == load_schema()["required"]
    assert set(data["labels"]["windows"]) == set(data["windows"])
    first = data["results"][0]
    assert list(first) == defs["result"]["required"]
    assert list(first["criteria"][0]) == defs["criterion"]["required"]
    assert list(first["criteria"][0]["targets"][0]) == defs["target"]["required"]
    assert list(data["rejected"][0]) == defs["row_issue"]["required"]
    assert list(data["summary"]) == data["windows"]


def test_the_output_of_hostile_rows_validates(hostile_output: dict[str, Any]) -> None:
    """Formula text, control characters, broken and rejected rows, odd column names: the
    output still validates, and holds both issue shapes (a row's, and a file's or header's)."""
    assert problems(hostile_output) == []
    issues = hostile_output["rejected"] + hostile_output["warnings"]
    assert {"row", "line"} <= {k for i in issues for k in i}
    assert any(i["column"] is None and "row" in i for i in issues)  # a row cut short
    assert hostile_output["no_data"] and hostile_output["results"]
    assert hostile_output["rows"]["rejected"] > 0


@pytest.mark.parametrize("name", [
    "bad_byte_line_600.csv", "broken.json", "duplicated_header.csv", "leading_zero_ids.yaml",
    "metrics_cp1258.csv", "non_ascii_digits.csv", "records_duplicate_key.json",
    "semicolon_decimal_comma.csv",
])
def test_the_output_of_broken_tables_validates(name: str) -> None:
    """Each broken or unusual table of tests/data/tables, as metrics: even where no row can
    be used (exit 1), the JSON written validates."""
    code, out = evaluate_json(*KON_PLONG, "--metrics", str(TABLES / name))
    assert code in (0, 1)
    data = json.loads(out)
    assert problems(data) == []
    assert data["rejected"] or data["warnings"]


def test_the_output_with_an_unreadable_units_file_validates(hostile_csv: Path) -> None:
    """A units file in the legacy code page: its encoding issue and every row it leaves
    without a unit are in ``rejected``, and the output validates."""
    code, out = evaluate_json(*KON_PLONG, "--metrics", str(hostile_csv),
                              "--units", str(TABLES / "units_cp1258.csv"))
    assert code in (0, 1)
    data = json.loads(out)
    assert problems(data) == []
    assert "encoding" in {i["code"] for i in data["rejected"]}


# ---------------------------------------------------------------------------------------------
# a mutated output fails


def _target(data: dict[str, Any]) -> dict[str, Any]:
    target: dict[str, Any] = data["results"][0]["criteria"][0]["targets"][0]
    return target


def _row_issue(data: dict[str, Any]) -> dict[str, Any]:
    return next(i for i in data["rejected"] if "row" in i)


def _located_issue(data: dict[str, Any]) -> dict[str, Any]:
    return next(i for i in data["warnings"] if "line" in i)


def _first_counts(data: dict[str, Any]) -> dict[str, Any]:
    window = next(iter(data["summary"].values()))
    return next(iter(window.values()))


def _delete(key: str) -> Callable[[dict[str, Any]], None]:
    def mutate(where: dict[str, Any]) -> None:
        del where[key]
    return mutate


Mutation = Callable[[dict[str, Any]], None]

MUTATIONS: dict[str, Mutation] = {
    "a target's verdict maybe": lambda d: _target(d).update(verdict="maybe"),
    "a criterion's verdict maybe": lambda d: d["results"][0]["criteria"][0].update(
        verdict="maybe"),
    "a count of verdict maybe in the summary": lambda d: _first_counts(d).update(maybe=1),
    "a top-level key missing": lambda d: _delete("plan_hash")(d),
    "format missing": lambda d: _delete("format")(d),
    "a target's need missing": lambda d: _delete("need")(_target(d)),
    "a result's window missing": lambda d: _delete("window")(d["results"][0]),
    "an issue's hint missing": lambda d: _delete("hint")(_row_issue(d)),
    "a summary count missing": lambda d: _delete("unknown")(_first_counts(d)),
    "an extra top-level key": lambda d: d.update(extra=None),
    "an extra target key": lambda d: _target(d).update(extra=1),
    "an extra result key": lambda d: d["results"][0].update(extra=1),
    "an extra key in rows": lambda d: d["rows"].update(extra=1),
    "an extra issue key": lambda d: _located_issue(d).update(extra=1),
    "a row issue with a line too": lambda d: _row_issue(d).update(line=3),
    "another format": lambda d: d.update(format="emulation-rules/evaluation/2"),
    "observed as text": lambda d: _target(d).update(observed="0.5"),
    "a per of week": lambda d: _target(d).update(per="week"),
    "a comparator ge": lambda d: _target(d).update(comparator="ge"),
    "a kind of sum": lambda d: _target(d).update(kind="sum"),
    "a policy national": lambda d: _target(d).update(policy="national"),
    "a need cut short": lambda d: _target(d).update(need=["more"]),
    "a need of an unknown kind": lambda d: _target(d).update(need=["guess", 1]),
    "a period not a month": lambda d: _target(d).update(periods=["2024-13"]),
    "a severity fatal": lambda d: _row_issue(d).update(severity="fatal"),
    "an as-of date not ISO": lambda d: d.update(as_of="31/08/2025"),
    "a negative row count": lambda d: d["rows"].update(total=-1),
    "a plan hash not sha256": lambda d: d.update(plan_hash="md5:00"),
    "results not a list": lambda d: d.update(results={}),
    "an extra key in labels": lambda d: d["labels"].update(extra={}),
    "a window's label not text": lambda d: d["labels"]["windows"].update(phase_1=1),
    "a target's label not text": lambda d: d["labels"]["targets"].update(x={"y": None}),
}


def test_the_unmutated_output_validates(hostile_output: dict[str, Any]) -> None:
    """The base every mutation starts from validates (so each failure below is the
    mutation's)."""
    assert problems(hostile_output) == []


@pytest.mark.parametrize("name", list(MUTATIONS))
def test_a_mutated_output_fails(name: str, hostile_output: dict[str, Any]) -> None:
    data = copy.deepcopy(hostile_output)
    MUTATIONS[name](data)
    assert data != hostile_output
    assert problems(data), f"the schema accepts {name}"


def test_an_output_without_labels_still_validates(hostile_output: dict[str, Any]) -> None:
    """``labels`` was added within format 1: an output written before it validates."""
    data = copy.deepcopy(hostile_output)
    del data["labels"]
    assert problems(data) == []
