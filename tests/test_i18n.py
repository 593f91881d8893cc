"""Vietnamese throughout (issue 13, item 4): the gettext catalogues and the language switch.

- the committed ``.po`` files are what the registry (emulation_rules._catalog, codes) writes,
  and each ``.mo`` is what Babel compiles from its ``.po`` (a freshness test like the
  schema's);
- every message id the package uses is in the catalogue, every entry is used, and the two
  languages of an entry have the same placeholders;
- the CLI speaks Vietnamese by default, English with ``--lang en`` or
  ``EMULATION_RULES_LANG=en``, its ``--help`` and argparse's own errors included; issue codes,
  JSON keys and exit codes are the same in both.
"""

from __future__ import annotations

import ast
import io
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from emulation_rules import i18n
from emulation_rules._catalog import entries, placeholders, render_po
from emulation_rules.cli import run
from emulation_rules.errors import Issue, Location
from emulation_rules.i18n import LANGS, Msg, literal, msg, text, using

from .conftest import INVALID, ROOT

SRC = ROOT / "src" / "emulation_rules"
FIX = "python scripts/gen_catalogs.py"


def _cli(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = run(list(argv), stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


# --- the catalogues are fresh ----------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
def test_the_po_catalogue_is_what_the_registry_writes(lang: str) -> None:
    path = i18n.LOCALE_DIR / lang / "LC_MESSAGES" / f"{i18n.DOMAIN}.po"
    assert path.read_text(encoding="utf-8") == render_po(lang), (
        f"{path} is stale: regenerate it with\n    {FIX}")


@pytest.mark.parametrize("lang", LANGS)
def test_the_mo_catalogue_is_what_babel_compiles(lang: str) -> None:
    """Byte for byte when the Babel that compiled it is installed; else the same messages."""
    babel = pytest.importorskip("babel")
    from babel.messages.mofile import read_mo, write_mo
    from babel.messages.pofile import read_po

    folder = i18n.LOCALE_DIR / lang / "LC_MESSAGES"
    po = read_po(io.BytesIO((folder / f"{i18n.DOMAIN}.po").read_bytes()))
    committed = (folder / f"{i18n.DOMAIN}.mo").read_bytes()
    fresh = io.BytesIO()
    write_mo(fresh, po)
    made_by = read_mo(io.BytesIO(committed)).mime_headers
    if ("Generated-By", f"Babel {babel.__version__}\n") in made_by or (
            "Generated-By", f"Babel {babel.__version__}") in made_by:
        assert committed == fresh.getvalue(), f"{folder}: stale .mo; run {FIX}"
    mo = read_mo(io.BytesIO(committed))
    assert {m.id: m.string for m in mo if m.id} == {m.id: m.string for m in po if m.id}, (
        f"{folder}: stale .mo; run {FIX}")


def test_the_runtime_reads_the_compiled_catalogue() -> None:
    assert text("issue.error", "vi") == "lỗi" and text("issue.error", "en") == "error"
    assert text("code.encoding", "vi").startswith("Tệp")


# --- the registry: complete, used, consistent ------------------------------------------------


ENTRIES = {e.id: e for e in entries()}


class _Any:
    """A placeholder's value that takes any format spec (a date's %d/%m/%Y, a number's ,)."""

    def __format__(self, spec: str) -> str:
        return "x"

_PERCENT = re.compile(r"%(?:\((\w+)\))?[sdr]")


def test_each_entry_has_the_same_placeholders_in_both_languages() -> None:
    for entry in ENTRIES.values():
        if entry.note == "argparse":  # argparse's %-placeholders
            assert (sorted(_PERCENT.findall(entry.vi)) == sorted(_PERCENT.findall(entry.en))
                    == sorted(_PERCENT.findall(entry.id))), entry.id
            continue
        assert placeholders(entry.vi) == placeholders(entry.en), entry.id
        names = dict.fromkeys(placeholders(entry.en), _Any())
        for template in (entry.vi, entry.en):  # formats cleanly (no stray brace)
            template.format(**names)
        assert entry.vi.strip() and entry.en.strip(), entry.id


def test_ids_are_stable_identifiers() -> None:
    for key, entry in ENTRIES.items():
        if entry.note == "argparse":
            continue
        assert re.fullmatch(r"[a-z][a-z0-9]*([.-][a-z0-9]+)*", key), key


_CALLS = {"text", "_t", "t", "msg", "Msg"}


def _used_ids() -> Iterator[tuple[str, int, str]]:
    """(module, line, id) of every message id the package names: the first argument of
    ``text``/``msg``/``t`` calls; an f-string id gives its literal head followed by ``*``."""
    for path in sorted(SRC.rglob("*.py")):
        if "_catalog" in path.parts:
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
        for node in ast.walk(tree):
            if not (isinstance(node, ast.Call) and node.args):
                continue
            name = (node.func.id if isinstance(node.func, ast.Name) else
                    node.func.attr if isinstance(node.func, ast.Attribute) else "")
            if name not in _CALLS:
                continue
            first = node.args[0]
            if isinstance(first, ast.Constant) and isinstance(first.value, str):
                yield path.name, node.lineno, first.value
            elif isinstance(first, ast.JoinedStr) and first.values and isinstance(
                    first.values[0], ast.Constant):
                yield path.name, node.lineno, str(first.values[0].value) + "*"


USED = list(_used_ids())


def test_every_id_the_package_uses_is_in_the_catalogue() -> None:
    missing = []
    for module, line, key in USED:
        if key.endswith("*"):
            if not any(k.startswith(key[:-1]) for k in ENTRIES):
                missing.append(f"{module}:{line}: {key}")
        elif key not in ENTRIES:
            missing.append(f"{module}:{line}: {key}")
    assert not missing, "ids not in emulation_rules._catalog:\n" + "\n".join(missing)


def test_every_entry_is_used() -> None:
    """No dead entry: each id is named in the package (or matches an f-string id there);
    the codes' entries are read through the code an issue carries, argparse's by argparse."""
    exact = {key for _, _, key in USED if not key.endswith("*")}
    heads = tuple(key[:-1] for _, _, key in USED if key.endswith("*"))
    dead = [key for key, entry in ENTRIES.items()
            if entry.note != "argparse" and not key.startswith("code.")
            and key not in exact and not key.startswith(heads)]
    assert not dead, f"entries no code uses: {dead}"


def test_argparse_entries_are_argparse_msgids() -> None:
    """Each argparse sentence translated is one this Python's argparse looks up."""
    import argparse
    import inspect

    source = inspect.getsource(argparse)
    for key, entry in ENTRIES.items():
        if entry.note == "argparse":
            assert repr(key) in source or f'"{key}"' in source or (
                key.replace("\n", "\\n") in source), key


# --- rendering ---------------------------------------------------------------------------------


def test_a_msg_renders_in_either_language_and_nested_messages_follow() -> None:
    hint = msg("hint.did-you-mean", word="period")
    assert hint.render("vi") == "có phải là 'period'?"
    assert hint.render("en") == "did you mean 'period'?"
    with using("en"):
        assert str(hint) == "did you mean 'period'?"
    with using("vi"):
        assert str(hint) == "có phải là 'period'?"
    assert literal("Xã Hiếu").render("en") == "Xã Hiếu"
    assert isinstance(literal("x"), Msg)


def test_an_issue_is_vietnamese_for_people_and_english_in_message(default_lang: None) -> None:
    issue = Issue("missing-column", literal("x"), Location("a.csv", 3, 0, ("row 3", "unit")),
                  msg("hint.did-you-mean", word="unit"))
    assert str(issue) == "a.csv:3: cột 'unit': lỗi[missing-column] x (có phải là 'unit'?)"
    assert issue.render("en") == ("a.csv:3: column 'unit': error[missing-column] x "
                                  "(did you mean 'unit'?)")
    assert issue.hint == "did you mean 'unit'?"  # English, whatever the language
    assert issue.to_dict("en")["hint"] == "did you mean 'unit'?"
    assert issue.to_dict()["hint"] == "có phải là 'unit'?"


def test_the_language_setting_is_read_as_people_write_it(
        monkeypatch: pytest.MonkeyPatch) -> None:
    for value, lang in (("en", "en"), ("EN", "en"), ("en_US.UTF-8", "en"), ("vi_VN", "vi"),
                        ("fr", "vi"), ("", "vi")):
        monkeypatch.setenv(i18n.ENV, value)
        assert i18n.current() == lang, value
    with pytest.raises(ValueError):
        with using("fr"):  # type: ignore[arg-type]
            pass


# --- the command line ------------------------------------------------------------------------


BAD_PLAN = str(INVALID / "duplicate_key.yaml")


def test_validate_speaks_vietnamese_by_default(default_lang: None) -> None:
    code, out, _ = _cli("validate", BAD_PLAN)
    assert code == 1
    assert "lỗi[duplicate-key]" in out and "kế hoạch: 0 hợp lệ" in out
    assert "error[" not in out and "checked" not in out


@pytest.mark.parametrize("how", ["--lang en", "--lang=en", "env", "first"])
def test_validate_speaks_english_when_asked(
        how: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(i18n.ENV, raising=False)
    argv = ["validate", BAD_PLAN]
    if how == "env":
        monkeypatch.setenv(i18n.ENV, "en")
    elif how == "first":
        argv = ["--lang", "en", *argv]
    else:
        argv += how.split(" ")
    code, out, _ = _cli(*argv)
    assert code == 1
    assert "error[duplicate-key]" in out and "1 plan(s) checked: 0 valid" in out


def test_the_same_run_in_both_languages_keeps_codes_and_json_keys(default_lang: None) -> None:
    """--format json: the same keys, codes, lines and exit code; only the words differ."""
    import json

    runs = {lang: _cli("validate", BAD_PLAN, "--format", "json", "--lang", lang)
            for lang in LANGS}
    assert runs["vi"][0] == runs["en"][0] == 1
    vi, en = (json.loads(runs[lang][1]) for lang in LANGS)
    strip = [{k: v for k, v in i.items() if k not in ("message", "hint")}
             for f in vi["files"] for i in f["issues"]]
    assert strip == [{k: v for k, v in i.items() if k not in ("message", "hint")}
                     for f in en["files"] for i in f["issues"]]
    assert vi["files"][0]["issues"][0]["hint"] != en["files"][0]["issues"][0]["hint"]


@pytest.mark.parametrize("command", ["", "validate", "evaluate", "awards", "report",
                                     "timeline", "template", "show", "diff", "schema"])
def test_help_is_vietnamese_by_default_and_english_on_request(
        command: str, default_lang: None) -> None:
    argv = [command] if command else []
    code, vi, _ = _cli(*argv, "--help")
    assert code == 0 and vi.startswith("cách dùng: emulation-rules")
    assert "tùy chọn:" in vi and "in hướng dẫn này rồi thoát" in vi
    assert "usage:" not in vi and "show this help" not in vi
    code, en, _ = _cli(*argv, "--help", "--lang", "en")
    assert code == 0 and en.startswith("usage: emulation-rules") and "options:" in en


def test_argparse_errors_are_in_the_language_asked(default_lang: None) -> None:
    code, _, err = _cli("evaluate", "--plan", "kon_plong")
    assert code == 2 and "lỗi: thiếu các tham số bắt buộc: --metrics" in err
    code, _, err = _cli("evaluate", "--plan", "kon_plong", "--lang", "en")
    assert code == 2 and "error: the following arguments are required: --metrics" in err
    code, _, err = _cli("validate", "x", "--format", "xml")
    assert code == 2 and "giá trị không hợp lệ: 'xml'" in err


def test_an_unknown_language_is_a_usage_error_in_the_default_language(
        default_lang: None) -> None:
    code, _, err = _cli("validate", "kon_plong", "--lang", "fr")
    assert code == 2 and "--lang" in err and "giá trị không hợp lệ: 'fr'" in err


def test_argparse_is_left_as_it_was() -> None:
    """The CLI swaps argparse's lookup only while it parses."""
    import argparse
    import gettext

    _cli("validate", "--help", "--lang", "vi")
    assert argparse._ is gettext.gettext  # type: ignore[attr-defined]


def test_no_package_text_is_left_untranslated_in_the_cli_help(default_lang: None) -> None:
    """Every help line of every command is Vietnamese: no English sentence from the package
    (a crude but real check: the English of each cli.help entry is absent)."""
    helps = [e for key, e in ENTRIES.items() if key.startswith("cli.help.")]
    outputs = "".join(_cli(c, "--help")[1] for c in (
        "validate", "evaluate", "awards", "report", "timeline", "template", "show", "diff"))
    outputs += _cli("--help")[1]
    for entry in helps:
        head = entry.en.strip("; ").split(";")[0][:30].strip()
        assert head not in outputs.replace("\n", " "), entry.id


def test_catalogues_are_found_from_the_package(tmp_path: Path) -> None:
    """The .mo files live in the package (they ship in the wheel, see .ci/run)."""
    for lang in LANGS:
        assert (i18n.LOCALE_DIR / lang / "LC_MESSAGES" / f"{i18n.DOMAIN}.mo").is_file()
    assert i18n.LOCALE_DIR.parent == SRC
