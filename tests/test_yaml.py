"""The safe YAML loader: each known hazard of PyYAML is neutralised (STYLE.md, pitfalls)."""

from __future__ import annotations

import math
import unicodedata

import pytest

from emulation_rules import _yaml
from emulation_rules._yaml import MAX_BYTES, MAX_DEPTH, dump, parse


@pytest.fixture(autouse=True, params=["libyaml", "pure-python"])
def scanner(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    """Every test runs twice: with libyaml's parser (used when PyYAML has it, as its wheels
    do) and with PyYAML's pure-Python parser (the fallback); both sit under the same guarded
    composer, so every hazard below is handled the same way by both."""
    if request.param == "pure-python":
        monkeypatch.setattr(_yaml, "_CParser", None)
    elif _yaml._CParser is None:
        pytest.skip("this PyYAML has no libyaml")
    return str(request.param)


def test_the_chosen_parser_is_used(scanner: str) -> None:
    loader = _yaml._loader("a: 1")
    assert type(loader).__name__ == ("_CLoader" if scanner == "libyaml" else "_Loader")
    loader.dispose()


def codes(text: str | bytes) -> list[str]:
    return [i.code for i in parse(text, "x.yaml")[1]]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("a: no", "no"),            # YAML 1.1 would give False
        ("a: off", "off"),
        ("a: yes", "yes"),
        ("a: 2025-03-31", "2025-03-31"),  # stays text: dates are parsed by the model
        ("a: 12:30", "12:30"),      # YAML 1.1 sexagesimal 750
        ("a: 010", 10),             # YAML 1.2 decimal, not octal 8
        ("a: 0o10", 8),
        ("a: 0x1F", 31),
        ("a: true", True),
        ("a: false", False),
        ("a: ~", None),
        ("a: null", None),
        ("a: 0.8", 0.8),
        ("a: '4.1'", "4.1"),
    ],
)
def test_scalars_follow_yaml_1_2_core(text: str, expected: object) -> None:
    doc, issues = parse(text)
    assert issues == []
    assert doc.data == {"a": expected}
    assert type(doc.data["a"]) is type(expected)


def test_infinity_is_a_float_for_the_model_to_reject() -> None:
    doc, _ = parse("a: .inf")
    assert math.isinf(doc.data["a"])


def test_duplicate_keys_are_reported_with_both_lines() -> None:
    doc, issues = parse("a: 1\nb:\n  c: 1\n  c: 2\na: 3\n", "f.yaml")
    assert [(i.code, i.location.line, i.location.path) for i in issues] == [
        ("duplicate-key", 4, ("b", "c")),
        ("duplicate-key", 5, ("a",)),
    ]
    assert "line 3" in issues[0].message and "line 1" in issues[1].message
    assert doc.data == {"a": 1, "b": {"c": 1}}  # the first is kept, never the last silently


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("a: &x 1\nb: 2", "yaml-anchor"),
        ("a: [1]\nb: *x", "yaml-alias"),
        ("a: !!python/object/apply:os.system ['true']", "yaml-tag"),
        ("a: !!binary aGVsbG8=", "yaml-tag"),
        ("a: !custom 1", "yaml-tag"),
        ("a: {b: 1}\n<<: {c: 2}", "yaml-merge-key"),
        ("a: [1,", "yaml-syntax"),
        ("a: 1\n---\nb: 2", "yaml-syntax"),
        ("", "empty-file"),
        ("a: " + "9" * 5000, "number-too-large"),
        ("[" * (MAX_DEPTH + 5) + "]" * (MAX_DEPTH + 5), "too-deep"),
        ("a: " + "x" * (MAX_BYTES + 1), "too-large"),
        (b"a: \xff\xfe", "encoding"),
    ],
)
def test_hazards_become_issues_not_exceptions(text: str | bytes, code: str) -> None:
    assert code in codes(text)


def test_alias_bomb_is_refused_fast() -> None:
    lines = ['a: &a ["x","x","x","x","x","x","x","x","x"]']
    for i in range(1, 9):
        prev, cur = chr(ord("a") + i - 1), chr(ord("a") + i)
        lines.append(f"{cur}: &{cur} [*{prev},*{prev},*{prev},*{prev},*{prev},*{prev}]")
    assert codes("\n".join(lines)) == ["yaml-anchor"]


def test_text_is_normalised_to_nfc() -> None:
    nfd = unicodedata.normalize("NFD", "Phượng Tiến")
    doc, _ = parse(f"{nfd}: {nfd}")
    assert doc.data == {"Phượng Tiến": "Phượng Tiến"}
    assert unicodedata.is_normalized("NFC", doc.data["Phượng Tiến"])


def test_utf8_bom_and_crlf_are_accepted() -> None:
    doc, issues = parse("\ufeffa: 1\r\nb: Việt\r\n".encode())
    assert issues == []
    assert doc.data == {"a": 1, "b": "Việt"}


def test_positions_point_at_keys_and_items() -> None:
    doc, _ = parse("a:\n  b: 1\n  c:\n    - x\n    - y\n")
    assert doc.positions[("a", "b")] == (2, 3)
    assert doc.positions[("a", "c", 1)] == (5, 7)


@pytest.mark.parametrize(
    "value",
    ["no", "off", "2025-05-19", "010", "4.1", "12:30", "true", "null", "", "Việt Nam", "-1",
     "1e5", ".inf", "~"],
)
def test_dump_then_parse_keeps_text_as_text(value: str) -> None:
    doc, issues = parse(dump({"k": value, "n": [1, 2.5, None, True]}))
    assert issues == []
    assert doc.data == {"k": value, "n": [1, 2.5, None, True]}


@pytest.mark.parametrize("text", ["a: b\x07c\n", "a: \x00\n", "a: \ufffe\n", "a: \ud800\n"])
def test_control_characters_and_lone_surrogates_are_issues_not_exceptions(text: str) -> None:
    assert codes(text) == ["yaml-syntax"]
