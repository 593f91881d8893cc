"""Messages for people about a plan file (issue 14, item 2): each says what is wrong, shows the
value written (escaped, cut at 200 characters), points at the line where the mistake is and
gives a fix, in Vietnamese by default and in English with ``en``. PyYAML's and pydantic's own
English never reaches a person.

The fixtures of ``tests/data/plans/invalid/message_*.yaml`` (and a few older ones) carry their
code, line and path in their ``# expect:`` header (tests/test_loading.py); here each one's
shown value and hint are asserted, in both languages.
"""

from __future__ import annotations

import json
import re
import typing
import unicodedata
from collections import defaultdict
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml
from pydantic import BaseModel

import emulation_rules as er
from emulation_rules import _yaml, loading, model
from emulation_rules._inert import shown as escaped
from emulation_rules.errors import Issue
from emulation_rules.loading import MEANT, folded

from .conftest import INVALID, ROOT
from .test_i18n_plan import PYDANTIC_ENGLISH

TINY = "id: {id}\nextends: kon_plong\n"


def _only(path: Path) -> Issue:
    """The one issue of a plan file (warnings about the plan it extends left out)."""
    issues = [i for i in er.iter_plan_issues(path) if i.location.file == str(path)]
    assert len(issues) == 1, [(i.code, i.location.line, i.message) for i in issues]
    return issues[0]


def _write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / f"{name}.yaml"
    path.write_text(TINY.format(id=name) + text, encoding="utf-8")
    return path


# --- the fixtures: code, line, the value shown and the hint, in both languages -----------------

FIXTURES = [
    # (fixture, code, line, column, in the message (vi, en), the hint (vi, en))
    ("message_tab", "yaml-syntax", 8, 1,
     ("dấu Tab", "Tab character"),
     ("thụt lề bằng dấu cách, không dùng Tab", "indent with spaces, not tabs")),
    ("message_unclosed_quote", "yaml-syntax", 8, 11,
     ('dấu nháy " mở ở đây chưa có dấu đóng', 'the quote mark " opened here is never closed'),
     ('thêm dấu " ở cuối giá trị trên dòng này', 'add the closing " at the end of the value')),
    ("message_key_indented_too_little", "unknown-key", 20, 9,
     ("khóa 'threshold' thụt lề chưa đủ: nó thuộc bên trong 'condition' (dòng 11)",
      "key 'threshold' is not indented far enough: it belongs inside 'condition' (line 11)"),
     ("thụt 'threshold:' vào thẳng cột với các khóa bên trong 'condition:', ở cột 11",
      "indent 'threshold:' to the column of the keys inside 'condition:', column 11")),
    ("message_key_indented_too_far", "unknown-key", 14, 11,
     ("khóa 'level' thụt lề quá sâu: nó ngang hàng với 'condition' (dòng 10)",
      "key 'level' is indented too far: it belongs beside 'condition' (line 10)"),
     ("lùi 'level:' ra thẳng cột với 'condition:', ở cột 9",
      "move 'level:' out to the column of 'condition:', column 9")),
    ("message_ratio_percent", "wrong-type", 9, 11,
     ("threshold = '85%' phải là một số", "threshold = '85%' must be a number"),
     ("viết 0.85 (tức 85%)", "write 0.85 (that is 85%)")),
    ("ratio_out_of_range", "out-of-range", 9, 11,
     ("threshold = 80 không được lớn hơn 1", "threshold = 80 must be 1 or less"),
     ("viết 0.8 (tức 80%)", "write 0.8 (that is 80%)")),
    ("message_ratio_comma", "wrong-type", 9, 11,
     ("threshold = '0,855' phải là một số", "threshold = '0,855' must be a number"),
     ("viết 0.855: dùng dấu chấm thập phân, không dùng dấu phẩy",
      "write 0.855: a decimal point, not a comma")),
    ("wrong_type", "wrong-type", 8, 7,
     ("section = 4.1 phải là văn bản", "section = 4.1 must be text"),
     ('đặt số mục trong ngoặc kép: section: "4.1"',
      'put the section number in double quotes: section: "4.1"')),
    ("message_date_dotted", "invalid-date", 6, 5,
     ("'15.01.2025' không phải là một ngày", "'15.01.2025' is not a date"),
     ("ngày viết 2025-01-15 hoặc 15/01/2025", "write the date as 2025-01-15 or 15/01/2025")),
    ("message_relation_word", "invalid-value", 6, 5,
     ("relation = 'trước' phải là một trong các giá trị: 'before', 'on_or_before', 'on'",
      "relation = 'trước' must be one of: 'before', 'on_or_before', 'on'"),
     ("ghi relation: before (mã của 'trước')",
      "write relation: before (the identifier for 'trước')")),
    ("message_id_invisible", "invalid-value", 7, 9,
     ("id = 'tips_handled\\u200b' chỉ được gồm chữ thường không dấu",
      "id = 'tips_handled\\u200b' must be lowercase letters"),
     ("xóa ký tự vô hình \\u200b (thường đi theo văn bản sao chép từ nơi khác): viết "
      "tips_handled",
      "delete the invisible \\u200b (it comes with text copied from elsewhere): write "
      "tips_handled")),
    ("message_control_character", "yaml-syntax", 7, 23,
     ("ký tự \\x0b không được có trong tệp kế hoạch", "the character \\x0b cannot be in a plan"),
     ("xóa ký tự này", "delete it")),
]


@pytest.mark.parametrize(("fixture", "code", "line", "column", "shown", "hint"), FIXTURES,
                         ids=[f[0] for f in FIXTURES])
def test_each_mistake_is_shown_with_its_value_line_and_fix(
        default_lang: None, fixture: str, code: str, line: int, column: int,
        shown: tuple[str, str], hint: tuple[str, str]) -> None:
    issue = _only(INVALID / f"{fixture}.yaml")
    assert (issue.code, issue.location.line, issue.location.column) == (code, line, column)
    # Vietnamese by default, English on request
    assert shown[0] in str(issue) and hint[0] in (issue.hint_in() or "")
    assert shown[1] in issue.message_in("en") and hint[1] in (issue.hint_in("en") or "")
    for lang in ("vi", "en"):
        assert not PYDANTIC_ENGLISH.search(issue.explained(lang)), issue.explained(lang)
        assert not _PYYAML_ENGLISH.search(issue.explained(lang)), issue.explained(lang)


def test_validate_prints_the_fix_in_vietnamese_and_in_english(
        default_lang: None, cli: Callable[..., Any]) -> None:
    fixture = str(INVALID / "message_ratio_percent.yaml")
    vi = cli("validate", fixture)
    assert vi.code == 1 and "lỗi[wrong-type]" in vi.out
    assert "threshold = '85%' phải là một số" in vi.out and "(viết 0.85 (tức 85%))" in vi.out
    en = cli("validate", fixture, "--lang", "en")
    assert "threshold = '85%' must be a number" in en.out and "write 0.85 (that is 85%)" in en.out
    assert "viết" not in en.out


# --- YAML syntax: our sentences, at the mistake, with both parsers ----------------------------

_PYYAML_ENGLISH = re.compile(
    r"while (scanning|parsing)|found (character|unexpected|unknown|a tab|another|undefined)|"
    r"could not find|mapping values|expected <|did not find|cannot start any token|"
    r"special characters|control characters are not allowed|but found|expected a single")
"""Phrases of PyYAML's and libyaml's own messages: none may reach a person."""


@pytest.fixture(params=["libyaml", "pure-python"])
def parser(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    """Run with libyaml's parser (PyYAML's wheels have it) and with the pure-Python one: they
    word their errors differently; the messages shown are the same."""
    if request.param == "pure-python":
        monkeypatch.setattr(_yaml, "_CParser", None)
    elif _yaml._CParser is None:
        pytest.skip("this PyYAML has no libyaml")
    return str(request.param)


SYNTAX = [
    # (text, the message id's kind, line, column)
    ("a:\n  b: 1\n\tc: 2\n", "tab", 3, 1),
    ("a:\n\t- x\n", "tab", 2, 1),
    ("a: 'Đợt 1\nb: 1\nc: 2\n", "unclosed-quote", 1, 4),
    ('a:\n  b: "x\n  c: 1\n', "unclosed-quote", 2, 6),
    ("a: [1, 2\nb: 1\n", "unclosed-bracket", 1, 4),
    ("a: {x: 1\nb: 1\n", "unclosed-bracket", 1, 4),
    ("title: Kế hoạch: thi đua\n", "colon-in-value", 1, 16),
    ("a:\n  b: 1\n    c: 2\n", "indented-key", 3, 6),
    ("a: 1\nb\nc: 2\n", "missing-colon", 2, 1),
    ("a:\n    b: 1\n  c: 2\n", "misaligned", 3, 3),
    ("a: 1\n- b\n", "item-in-mapping", 2, 1),
    ("a:\n  - x\n  b: 1\n", "not-an-item", 3, 3),
    ("a: 'x' y\n", "after-quote", 1, 8),
    ('a: "C:\\dir"\n', "escape", 1, 0),  # the column differs by one between the parsers
    ("a: 1\n---\nb: 2\n", "two-documents", 2, 1),
    ("a: @x\n", "bad-start", 1, 4),
    ("a: |x\n  b\n", "other", 1, 5),
    ("a: 1\nb: x\x00y\n", "control", 2, 5),
    ("tiêu_đề: Đợt thi đua Việt Nam\nb: x\x07y\n", "control", 2, 5),
    ("a: \ud800\n", "control", 1, 4),
]


@pytest.mark.parametrize(("text", "kind", "line", "column"), SYNTAX)
def test_a_syntax_error_is_worded_by_its_kind_at_the_mistake(
        parser: str, text: str, kind: str, line: int, column: int) -> None:
    _, issues = _yaml.parse(text, "p.yaml")
    [issue] = issues
    assert issue.code == "yaml-syntax"
    assert issue.text.id == f"yaml.syntax.{kind}"
    assert issue.location.line == line
    if column:
        assert issue.location.column == column
    assert issue.advice is not None
    for lang in ("vi", "en"):
        words = issue.explained(lang)
        assert not _PYYAML_ENGLISH.search(words), words
    assert issue.message_in("vi") != issue.message_in("en")


def test_an_unclosed_quote_is_at_its_opening_not_at_the_end_of_the_file(parser: str) -> None:
    text = "id: x\ntitle:\n  vi: 'Kế hoạch\n" + "".join(f"k{i}: {i}\n" for i in range(30))
    with pytest.raises(yaml.MarkedYAMLError) as raw:
        yaml.compose(text, Loader=yaml.SafeLoader)
    assert raw.value.problem_mark is not None and raw.value.problem_mark.line + 1 == 34
    [issue] = _yaml.parse(text, "p.yaml")[1]
    assert (issue.location.line, issue.location.column) == (3, 7)
    assert issue.message_in("vi") == "dấu nháy ' mở ở đây chưa có dấu đóng"


def test_a_mistake_of_no_known_kind_gets_our_sentence_with_its_line_and_column(
        default_lang: None, parser: str) -> None:
    [issue] = _yaml.parse("a: 1\nb: !x!y 1\n", "p.yaml")[1]
    assert str(issue) == (
        "p.yaml:2:4: lỗi[yaml-syntax] YAML không đọc được tệp từ dòng 2, cột 4 (kiểm tra dấu "
        "hai chấm, dấu nháy, dấu ngoặc và thụt lề ở dòng này và dòng ngay trên)")
    assert issue.message == "YAML cannot read the file from line 2, column 4"


def test_a_misaligned_key_is_offered_the_keys_to_line_up_with(parser: str) -> None:
    [issue] = _yaml.parse("phases:\n  - id: a\n    end: 1\n   label: x\n", "p.yaml")[1]
    assert issue.location.line == 4
    assert issue.hint == ("line it up with 'end:' on line 3 if it belongs beside it, or with "
                          "'phases:' on line 1")


def test_a_value_with_a_colon_is_shown_quoted(parser: str) -> None:
    [issue] = _yaml.parse('id: x\nlabel:\n  vi: Đợt 1: thi đua "cao điểm"\n', "p.yaml")[1]
    assert issue.hint_in("vi") == "đặt cả giá trị trong dấu nháy kép: vi: 'Đợt 1: thi đua \"cao " \
        "điểm\"'"


def test_a_nul_in_a_plan_file_is_reported_at_its_line(tmp_path: Path, parser: str) -> None:
    path = tmp_path / "nul.yaml"
    path.write_bytes("id: nul\nextends: kon_plong\ntitle:\n  vi: Kế\x00 hoạch\n".encode())
    [issue] = er.iter_plan_issues(path)
    assert (issue.code, issue.location.line, issue.location.column) == ("yaml-syntax", 4, 9)
    assert "\\x00" in issue.message


# --- numbers, text, dates ----------------------------------------------------------------------


def _threshold(tmp_path: Path, value: str) -> Issue:
    return _only(_write(tmp_path, "ratio", (
        "criteria:\n  - id: situation_awareness\n    targets:\n      - id: tips_via_force\n"
        f"        condition:\n          threshold: {value}\n")))


@pytest.mark.parametrize(("written", "code", "hint"), [
    ("85", "out-of-range", "viết 0.85 (tức 85%)"),
    ("85.5", "out-of-range", "viết 0.855 (tức 85.5%)"),
    ("'85%'", "wrong-type", "viết 0.85 (tức 85%)"),
    ("85 %", "wrong-type", "viết 0.85 (tức 85%)"),
    ("'85,5%'", "wrong-type", "viết 0.855 (tức 85.5%)"),
    ("100%", "wrong-type", "viết 1 (tức 100%)"),
    ("0,855", "wrong-type", "viết 0.855: dùng dấu chấm thập phân, không dùng dấu phẩy"),
    ("'0.85'", "wrong-type", "viết 0.85, không đặt trong dấu nháy"),
])
def test_a_share_written_otherwise_gets_how_to_write_it(
        default_lang: None, tmp_path: Path, written: str, code: str, hint: str) -> None:
    issue = _threshold(tmp_path, written)
    assert issue.code == code and issue.location.line == 8
    assert issue.hint_in() == hint


def test_a_count_is_not_read_as_a_share(tmp_path: Path) -> None:
    """"1.000" for a count could be a thousand (Vietnamese) or one: no guess is offered."""
    path = _write(tmp_path, "count", (
        "criteria:\n  - id: movement_building\n    targets:\n      - id: model_recognised\n"
        "        condition:\n          threshold: '{}'\n"))
    for written, hint in (("2", "write 2, without quotes"), ("1.000", None), ("50%", None)):
        path.write_text(path.read_text(encoding="utf-8").replace(
            path.read_text(encoding="utf-8").splitlines()[-1],
            f"          threshold: '{written}'"), encoding="utf-8")
        issue = _only(path)
        assert issue.code == "wrong-type" and issue.hint == hint, written


def test_a_section_keeps_the_digits_written(tmp_path: Path) -> None:
    """Unquoted, 4.10 reads as the number 4.1: the message and the fix show 4.10."""
    path = _write(tmp_path, "section", (
        "criteria:\n  - id: situation_awareness\n    source: {section: 4.10, quote: Thi đua}\n"))
    issue = _only(path)
    assert issue.message == "section = 4.10 must be text"
    assert issue.hint_in("vi") == 'đặt số mục trong ngoặc kép: section: "4.10"'


def test_a_section_written_with_words_gets_its_number(tmp_path: Path) -> None:
    path = _write(tmp_path, "section", (
        "criteria:\n  - id: situation_awareness\n"
        "    source: {section: Mục IV.2, quote: Thi đua}\n"))
    issue = _only(path)
    assert issue.code == "invalid-value"
    assert issue.message.startswith("section = 'Mục IV.2' must be a section numbered")
    assert issue.hint_in("vi") == 'chỉ ghi số mục, trong ngoặc kép: section: "IV.2"'


def test_a_day_first_date_may_leave_out_the_leading_zeros(tmp_path: Path) -> None:
    """15/1/2025 is 15 January 2025, as the README and the documents write dates; the
    committed JSON Schema accepts it too."""
    text = ("deadlines:\n  - id: report_phase_1\n    due: 15/1/2025\n"
            "phases:\n  - id: phase_2\n    end: 9/8/2025\n")
    path = _write(tmp_path, "short_dates", text)
    plan = er.load_plan(path)
    assert plan.deadlines[0].due == date(2025, 1, 15)
    assert next(p for p in plan.phases if p.id == "phase_2").end == date(2025, 8, 9)
    schema = json.loads((ROOT / "schemas" / "plan.schema.json").read_text(encoding="utf-8"))
    data = _yaml.parse(path.read_bytes(), str(path))[0].data
    assert list(jsonschema.Draft7Validator(schema).iter_errors(data)) == []


@pytest.mark.parametrize(("written", "hint"), [
    ("15.01.2025", "ngày viết 2025-01-15 hoặc 15/01/2025"),
    ("15-1-2025", "ngày viết 2025-01-15 hoặc 15/01/2025"),
    ("2025/01/15", "ngày viết 2025-01-15 hoặc 15/01/2025"),
    ("ngày 15 tháng 01 năm 2025", "ngày viết 2025-01-15 hoặc 15/01/2025"),
    ("01/15/2025", "ngày viết 2025-01-15 hoặc 15/01/2025"),  # the month first
    ("30/02/2025", "tháng 02/2025 chỉ có 28 ngày"),
    ("mười lăm tháng giêng", "ví dụ ngày 15 tháng 1 năm 2025 viết 2025-01-15 hoặc 15/01/2025"),
])
def test_a_bad_date_gets_how_to_write_it(default_lang: None, tmp_path: Path, written: str,
                                         hint: str) -> None:
    issue = _only(_write(tmp_path, "dates", (
        f"deadlines:\n  - id: report_phase_1\n    due: {written}\n")))
    assert issue.code == "invalid-date" and issue.location.line == 5
    assert f"'{written}'" in str(issue)
    assert issue.hint_in() == hint


# --- ids: invisible and look-alike characters ---------------------------------------------------


def _target_id(tmp_path: Path, ident: str) -> Issue:
    return _only(_write(tmp_path, "ids", (
        "criteria:\n  - id: situation_awareness\n    targets:\n"
        f"      - id: {json.dumps(ident)}\n        label: {{vi: Tin, en: Tips}}\n"
        "        level: team\n        source: {section: '4.1', quote: Thi đua nắm tình hình}\n"
        "        condition: {metric: tips_via_force, comparator: gte, threshold: 1}\n")))


@pytest.mark.parametrize(("ident", "shown", "hint"), [
    ("tips\u200b_handled", "tips\\u200b_handled",
     "delete the invisible \\u200b (it comes with text copied from elsewhere): write "
     "tips_handled"),
    ("tips_handled\u00a0", "tips_handled\\xa0",
     "delete the invisible \\xa0 (it comes with text copied from elsewhere): write "
     "tips_handled"),
    ("ti\u0440s_handled", "ti\\u0440s_handled",
     "\\u0440 is a letter of another alphabet that looks Latin: retype it: tips_handled"),
    ("Tin báo đợt 1", "Tin báo đợt 1",
     "write lowercase letters without diacritics, joined by _: tin_bao_dot_1"),
])
def test_an_id_shows_its_hidden_characters_escaped(tmp_path: Path, ident: str, shown: str,
                                                   hint: str) -> None:
    issue = _target_id(tmp_path, ident)
    assert issue.code == "invalid-value"
    assert issue.message.startswith(f"id = '{shown}' must be lowercase letters")
    assert issue.hint == hint


def test_a_long_value_is_cut_at_200_characters(tmp_path: Path) -> None:
    issue = _only(_write(tmp_path, "long", (
        "deadlines:\n  - id: report_phase_1\n    relation: " + "x" * 500 + "\n")))
    value = re.search(r"relation = '([^']*)'", issue.message)
    assert value is not None and len(value[1]) == 200 and value[1].endswith("…")


# --- Vietnamese words where an identifier belongs -------------------------------------------


def _literals(annotation: Any) -> Iterator[tuple[str, ...]]:
    """The value sets of the Literal types an annotation holds."""
    if typing.get_origin(annotation) is typing.Literal:
        yield tuple(str(a) for a in typing.get_args(annotation))
        return
    for arg in typing.get_args(annotation):
        yield from _literals(arg)


def _enumerations() -> set[tuple[str, ...]]:
    """Every enumeration of the plan model: the values of each Literal its fields use."""
    found: set[tuple[str, ...]] = set()
    for obj in vars(model).values():
        if isinstance(obj, type) and issubclass(obj, BaseModel):
            for info in obj.model_fields.values():
                found.update(_literals(info.annotation))
    return found


def test_each_identifier_of_the_word_table_is_a_value_of_the_model() -> None:
    values = {v for enumeration in _enumerations() for v in enumeration}
    assert not set(MEANT) - values, f"not a value of the model: {sorted(set(MEANT) - values)}"


def test_no_word_means_two_values_of_one_enumeration() -> None:
    for enumeration in _enumerations():
        meaning: dict[tuple[bool, str], set[str]] = defaultdict(set)
        for ident in set(MEANT) & set(enumeration):
            for word in MEANT[ident]:
                for marks in (True, False):
                    meaning[(marks, folded(word, marks=marks))].add(ident)
        clash = {word: ids for word, ids in meaning.items() if len(ids) > 1}
        assert not clash, f"{enumeration}: {clash}"


@pytest.mark.parametrize(("field", "written", "meant"), [
    ("relation", "trước", "before"),
    ("relation", "Trước ngày", "before"),
    ("relation", "TRƯỚC", "before"),
    ("relation", "truoc", "before"),
    ("relation", unicodedata.normalize("NFD", "trước"), "before"),
    ("relation", "đến hết ngày", "on_or_before"),
    ("relation", "Đến ngày", "on_or_before"),
    ("relation", "den het ngay", "on_or_before"),
    ("relation", "trong ngày", "on"),
    ("comparator", "trên", "gt"),
    ("comparator", "từ 80% trở lên", "gte"),
    ("comparator", "Từ ... trở lên", "gte"),
    ("comparator", "ít nhất 01", "gte"),
    ("form", "Giấy khen", "commendation"),
    ("form", "Bằng khen", "certificate_of_merit"),
    ("form", "Cờ thi đua", "emulation_flag"),
    ("form", "co thi dua", "emulation_flag"),
    ("level", "xã", "commune"),
    ("level", "Tổ", "team"),
    ("granted_by", "UBND huyện", "district_people_committee"),
    ("granted_by", "Chủ tịch Uỷ ban nhân dân tỉnh", "provincial_chairman"),
])
def test_a_vietnamese_word_gets_the_identifier_it_means(field: str, written: str,
                                                        meant: str) -> None:
    choices = {
        "relation": typing.get_args(model.Relation), "comparator": typing.get_args(
            model.Comparator), "form": typing.get_args(model.AwardForm),
        "level": typing.get_args(model.Level), "granted_by": typing.get_args(model.Body),
    }[field]
    hint = loading._word_hint(written, choices, ("x", field))
    assert hint is not None
    assert hint.render("en") == (f"write {field}: {meant} (the identifier for "
                                 f"'{escaped(written)}')")


def test_the_words_are_hinted_from_the_plan_file(default_lang: None, tmp_path: Path) -> None:
    issues = er.iter_plan_issues(_write(tmp_path, "words", (
        "criteria:\n  - id: movement_building\n    targets:\n      - id: model_recognised\n"
        "        level: xã\n        condition: {comparator: ít nhất}\n"
        "awards:\n  - id: district_commendation\n    form: Giấy khen\n")))
    hints = {i.location.line: i.hint_in() for i in issues if i.location.file.endswith(
        "words.yaml")}
    assert hints == {7: "ghi level: commune (mã của 'xã')",
                     8: "ghi comparator: gte (mã của 'ít nhất')",
                     11: "ghi form: commendation (mã của 'Giấy khen')"}


def test_a_word_of_no_table_still_gets_did_you_mean(tmp_path: Path) -> None:
    issue = _only(_write(tmp_path, "typo", (
        "deadlines:\n  - id: report_phase_1\n    relation: befor\n")))
    assert issue.hint == "did you mean 'before'?"


# --- keys in the wrong place --------------------------------------------------------------------


def test_a_key_of_another_level_never_suggests_itself(tmp_path: Path) -> None:
    """Once "unknown key 'threshold' (did you mean 'threshold'?)": a key the format has, but
    not here nor next to here, says so."""
    issue = _only(_write(tmp_path, "elsewhere", (
        "phases:\n  - id: phase_1\n    threshold: 0.8\n")))
    assert issue.code == "unknown-key" and issue.location.line == 5
    assert issue.hint == ("'threshold' is a key of another part of the plan: check the "
                          "indentation (see docs/plan-format.md)")


def test_a_mistyped_key_gets_the_keys_of_its_own_mapping(tmp_path: Path) -> None:
    issue = _only(_write(tmp_path, "typo", "phases:\n  - id: phase_1\n    ende: 2025-02-03\n"))
    assert issue.hint == "did you mean 'end'?"


def test_a_key_one_level_too_far_out_at_the_top_of_a_list_item(tmp_path: Path) -> None:
    """``quote:`` written beside ``source:`` instead of inside it: one issue, at its line;
    the "missing quote" inside source is the same mistake."""
    issue = _only(_write(tmp_path, "quote", (
        "criteria:\n  - id: situation_awareness\n    source:\n      section: '4.1'\n"
        "    quote: Thi đua hỗ trợ Công an cấp xã\n")))
    assert (issue.code, issue.location.line) == ("unknown-key", 7)
    assert issue.message == ("key 'quote' is not indented far enough: it belongs inside "
                             "'source' (line 5)")
