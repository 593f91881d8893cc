"""Vietnamese throughout, for plan files (issue 13, item 4): what loading, the model and the
semantic checks say is Vietnamese by default and English with ``en``; no English of pydantic's
own reaches a Vietnamese user.

Each message here is produced by running the code on a bad input; the tests assert codes,
lines, paths and a few key words, not whole sentences.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from pydantic import ValidationError
from pydantic_core import PydanticCustomError

import emulation_rules as er
from emulation_rules import loading, model
from emulation_rules.errors import Issue, PlanError
from emulation_rules.i18n import Msg, using

from .conftest import INVALID
from .test_codes import _NUMERIC_CONTEXT, _model_error_types

TINY = "id: {id}\nextends: kon_plong\n"

PYDANTIC_ENGLISH = re.compile(r"Input should|String should|Field required|Extra inputs|"
                              r"Value error|Tuple should|Unable to extract|Input tag|"
                              r"valid (integer|boolean|dictionary|tuple|number|string)")
"""Phrases of pydantic's own messages: none may reach a person."""


def _issues(path: Path) -> list[Issue]:
    return er.iter_plan_issues(path)


def _one(issues: list[Issue], code: str) -> Issue:
    found = [i for i in issues if i.code == code]
    assert len(found) == 1, [(i.code, i.message) for i in issues]
    return found[0]


def _write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


# --- loading: finding the plan, inheritance --------------------------------------------------


def test_a_missing_bundled_plan_is_worded_in_vietnamese_by_default(default_lang: None) -> None:
    with pytest.raises(er.PlanNotFoundError) as caught:
        er.load_plan("kon_plongg")
    issue = caught.value.issues[0]
    assert issue.code == "plan-not-found"
    shown = str(issue)
    assert "không có kế hoạch có sẵn" in shown and "lỗi[plan-not-found]" in shown
    assert "có phải là 'kon_plong'?" in shown
    assert "no bundled plan" not in shown and "did you mean" not in shown
    assert str(caught.value).startswith("kon_plongg: lỗi[plan-not-found]")
    # English for programs and logs, whatever the language
    assert issue.message == "no bundled plan 'kon_plongg'"
    assert issue.hint == "did you mean 'kon_plong'?"


def test_a_plan_file_that_is_not_there(default_lang: None, tmp_path: Path) -> None:
    with pytest.raises(er.PlanNotFoundError) as caught:
        er.load_plan(tmp_path / "nothing.yaml")
    issue = caught.value.issues[0]
    assert "không có tệp kế hoạch" in issue.render("vi")
    assert "no plan file" in issue.render("en") and "tệp" not in issue.render("en")


def test_the_list_of_bundled_plans_is_introduced_in_the_language(default_lang: None) -> None:
    with pytest.raises(er.PlanNotFoundError) as caught:
        er.load_plan("zzzzzzzz")
    issue = caught.value.issues[0]
    assert "các kế hoạch có sẵn: " in (issue.hint_in("vi") or "")
    assert issue.hint is not None and issue.hint.startswith("bundled plans: ")


def test_an_extends_cycle_and_a_duplicate_id(default_lang: None, tmp_path: Path) -> None:
    _write(tmp_path, "a.yaml", "id: a\nextends: b\n")
    _write(tmp_path, "b.yaml", "id: b\nextends: a.yaml\n")
    cycle = _one(_issues(tmp_path / "a.yaml"), "extends-cycle")
    assert "dẫn ngược về chính tệp này" in str(cycle)
    assert cycle.message == "extends: 'a.yaml' leads back to this file"

    plan = _write(tmp_path, "dup.yaml", TINY.format(id="dup") + (
        "phases:\n  - id: phase_1\n  - id: phase_1\n"))
    dup = _one(_issues(plan), "duplicate-id")
    assert dup.location.line == 5
    assert "được dùng hai lần" in str(dup) and "used twice" not in str(dup)
    assert "is used twice in this list (first at index 0)" in dup.message


def test_extends_out_of_the_folder_gives_its_hint_in_the_language(default_lang: None,
                                                                  tmp_path: Path) -> None:
    plan = _write(tmp_path, "p.yaml", "id: p\nextends: ../x.yaml\n")
    issue = _one(_issues(plan), "extends-outside")
    vi = issue.explained("vi")
    assert "trỏ ra ngoài thư mục" in vi and "cùng thư mục" in vi and "leaves" not in vi
    assert issue.explained("en") == ("extends: '../x.yaml' leaves the plan's folder (extend a "
                                     "bundled plan id, or a file beside this one)")


def test_a_file_that_is_not_a_mapping(default_lang: None, tmp_path: Path) -> None:
    plan = _write(tmp_path, "list.yaml", "- id: x\n")
    issue = _one(_issues(plan), "not-a-mapping")
    assert "ánh xạ các khóa" in str(issue)
    assert issue.message == "a plan file is a mapping of keys (id:, title:, ...)"


# --- the model's checks: pydantic's errors in our words ---------------------------------------


def test_an_unknown_key_in_vietnamese_with_its_hint(default_lang: None) -> None:
    issues = _issues(INVALID / "unknown_key.yaml")
    issue = _one(issues, "unknown-key")
    vi = str(issue)
    assert "không có trong định dạng kế hoạch" in vi and "có phải là" in vi
    assert "unknown key" not in vi
    assert issue.message.startswith("unknown key '")


def test_a_bad_plan_shows_no_english_of_pydantic_in_either_language(
        default_lang: None, tmp_path: Path, cli: Callable[..., Any]) -> None:
    plan = _write(tmp_path, "bad.yaml", (
        "id: Bad\nextends: kon_plong\ntitel: x\ntemplate: 'yes'\n"
        "criteria:\n"
        "  - id: extra\n    label: Thêm\n"
        "    source: {section: 'Mục 9', quote: Nội dung thêm}\n"
        "    targets:\n"
        "      - id: t1\n        label: {vi: '', en: One}\n        level: comune\n"
        "        condition: {numerator: a, denominator: b, comparator: gt, threshold: 1.5}\n"
        "        source: {section: 9, quote: ab}\n"
        "      - id: t2\n        label: {vi: Hai, en: Two}\n        level: team\n"
        "        condition: {any_of: [{metric: a, comparator: gt, threshold: -1}]}\n"
        "      - id: t3\n        label: {vi: Ba, en: Three}\n        level: team\n"
        "        condition: 5\n"
        "awards:\n"
        "  - id: a1\n    label: {vi: a, en: b}\n    granted_by: local_units\n"
        "    occasions: []\n    standards:\n"
        "      - id: s\n        recipient: collective\n"
        "        conditions: [{kind: judgment}, {id: q}, str]\n"
        "deadlines:\n"
        "  - id: d\n    label: {vi: a, en: b}\n    owed_by: commune_police\n"
        "    due: 31/02/2025\n    relation: before\n"
        "  - id: d2\n    label: {vi: a, en: b}\n    owed_by: commune_police\n"
        "    due: 2025-01-10\n"
        "scoring: {points: [1], tie_break: [score], policy: local, reason: x}\n"
        "phases: 5\n"))
    issues = _issues(plan)
    codes = {i.code for i in issues}
    assert {"invalid-value", "unknown-key", "wrong-type", "too-short", "out-of-range",
            "invalid-condition", "missing-key", "invalid-date", "invalid-deadline"} <= codes
    for issue in issues:
        for lang in ("vi", "en"):
            assert not PYDANTIC_ENGLISH.search(issue.explained(lang)), issue.explained(lang)
    result = cli("validate", str(plan))
    assert result.code == 1
    assert "lỗi[wrong-type]" in result.out and "phải là một danh sách" in result.out
    assert "phải là một ánh xạ gồm vi: và en:" in result.out  # label: Thêm
    assert "'kind' ghi 'judgment'" in result.out and "có phải là 'judgement'?" in result.out
    assert "không phải là một ngày có thật trong lịch" in result.out
    assert not PYDANTIC_ENGLISH.search(result.out + result.err)
    assert "must be" not in result.out and "error[" not in result.out
    english = cli("validate", str(plan), "--lang", "en")
    assert "error[wrong-type]" in english.out and "must be a list" in english.out
    assert "phải là" not in english.out


def _error(etype: str) -> ValidationError:
    """A ValidationError of ``etype``, its context filled as pydantic requires."""
    ctx: dict[str, Any] = {"field_type": "Tuple", "class_name": "Campaign"}
    kind: str | PydanticCustomError = etype
    if etype == "condition_kind":
        kind = PydanticCustomError(etype, "a condition of no kind")
    for _ in range(10):
        try:
            return ValidationError.from_exception_data("Plan", [
                {"type": kind, "loc": ("x",), "input": None, "ctx": ctx}])
        except TypeError as problem:  # a message needs a value of its context
            key = re.search(r"'(\w+)' required in context", str(problem))
            assert key is not None, problem
            ctx[key.group(1)] = 2 if key.group(1) in _NUMERIC_CONTEXT else "'x'"
    raise AssertionError(f"cannot build a pydantic error {etype}")


@pytest.mark.parametrize("etype", sorted(_model_error_types() - {"value_error"}))
def test_each_pydantic_error_of_the_model_has_a_message_of_ours(etype: str) -> None:
    """Every pydantic error the model can raise (walked from its core schema) is worded from
    its type and context: pydantic's English ``msg`` never shows."""
    exc = _error(etype)
    [issue] = loading._pydantic_issues(exc, loading._Tree({}))
    pydantic_words = exc.errors()[0]["msg"]
    assert issue.text.id.startswith("model."), issue.text
    vi, en = issue.message_in("vi"), issue.message_in("en")
    assert vi != en and pydantic_words not in (vi, en)
    assert not PYDANTIC_ENGLISH.search(vi) and not PYDANTIC_ENGLISH.search(en)


# --- the model's own validators: plan dates, provenance, deadlines -------------------------


def test_a_date_the_calendar_lacks(default_lang: None) -> None:
    issue = _one(_issues(INVALID / "impossible_date.yaml"), "invalid-date")
    assert "không phải là một ngày có thật trong lịch" in str(issue)
    assert "is not a real calendar date" in issue.message
    assert "Value error" not in issue.message


def test_the_date_parser_raises_a_message_in_the_language(default_lang: None) -> None:
    """The CLI prints ``str(exc)`` of the parser's ValueError: it follows the language."""
    with pytest.raises(ValueError) as caught:
        model._to_date("1900-01-01")
    assert isinstance(caught.value.args[0], Msg)
    assert str(caught.value) == ("ngày 01/01/1900 nằm ngoài khoảng ngày mà công cụ xử lý "
                                 "được (từ 01/01/1990 đến 31/12/2100)")
    with using("en"):
        assert str(caught.value) == ("date 1900-01-01 is outside the dates this tool works "
                                     "with (1990-01-01 to 2100-12-31)")
    with pytest.raises(ValueError, match="ngày/tháng/năm"):
        model._to_date("May 19")


def test_a_local_policy_without_its_reason(default_lang: None) -> None:
    issue = _one(_issues(INVALID / "local_policy_without_reason.yaml"), "invalid-provenance")
    assert "cần một dòng lý do" in str(issue) and "needs" not in str(issue)
    assert issue.message == "a local policy needs a one-line reason"


def test_a_deadline_with_both_kinds(default_lang: None) -> None:
    issue = _one(_issues(INVALID / "deadline_both.yaml"), "invalid-deadline")
    assert "hạn báo cáo" in str(issue) and "deadline has" not in str(issue)
    assert issue.message == "a deadline has either due and relation, or a recurrence"


# --- the semantic checks ---------------------------------------------------------------------


def test_overlapping_phases_with_dates_day_first_in_vietnamese(default_lang: None) -> None:
    issue = _one(_issues(INVALID / "phase_overlap.yaml"), "phase-overlap")
    vi = str(issue)
    assert "chồng lên nhau" in vi and re.search(r"ngày \d\d/\d\d/\d{4}", vi)
    assert "starts on" not in vi
    assert re.search(r"starts on \d{4}-\d\d-\d\d, before phase '\w+' ends on \d{4}-\d\d-\d\d",
                     issue.message)
    assert issue.hint == "phases may not overlap; list them in order"


def test_a_missing_citation_and_its_hint(default_lang: None) -> None:
    issue = _one(_issues(INVALID / "missing_citation.yaml"), "missing-citation")
    vi = issue.explained()
    assert "không có căn cứ" in vi and "source: {section: ..., quote: ...}" in vi
    assert "has no source" not in vi
    assert issue.message.endswith("has no source")
    assert issue.hint == "add source: {section: ..., quote: ...}, or policy: local with a reason"


def test_an_unknown_metric_and_the_id_of_a_plan(default_lang: None, tmp_path: Path) -> None:
    issue = _one(_issues(INVALID / "unknown_metric.yaml"), "unknown-metric")
    assert "không có chỉ số" in str(issue) and "unknown metric" not in str(issue)
    assert issue.message.startswith("unknown metric '")

    plan = _write(tmp_path, "other_name.yaml", TINY.format(id="mine"))
    mismatch = _one(_issues(plan), "id-mismatch")
    assert "khác tên tệp" in mismatch.explained("vi")
    assert mismatch.explained("en") == ("id 'mine' differs from the file name 'other_name.yaml' "
                                        "(a plan's id equals its file name: id: other_name)")


def test_too_many_phases_names_them_in_the_language(default_lang: None, tmp_path: Path) -> None:
    phases = "".join(
        f"  - id: p{i}\n    label: {{vi: Đợt {i}, en: Phase {i}}}\n"
        f"    start: 2025-01-{i + 1:02d}\n    end: 2025-01-{i + 1:02d}\n"
        "    source: {section: II, quote: Đợt thi đua}\n" for i in range(25))
    plan = _write(tmp_path, "many.yaml", TINY.format(id="many") + "phases:\n" + phases)
    issue = _one(_issues(plan), "too-many")
    # the two phases of kon_plong and these 25
    assert "27 đợt: một kế hoạch có tối đa 24 đợt" in str(issue)
    assert issue.message == "27 phases: a plan has at most 24"


def test_the_plan_error_reads_in_the_language(default_lang: None) -> None:
    with pytest.raises(PlanError) as caught:
        er.load_plan(INVALID / "unknown_phase.yaml")
    assert "mà kế hoạch không có" in str(caught.value)
    with using("en"):
        assert "which the plan does not have" in str(caught.value)
