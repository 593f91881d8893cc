"""CI and editors, ready to copy (issue 14, item 7): ``validate`` over folders and patterns,
``--format sarif`` for code scanning, the pre-commit hook's manifest and its entry command.
(``.ci/run`` runs a real ``pre-commit try-repo`` of the hook; pytest does not.)"""

from __future__ import annotations

import json
import shlex
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from .conftest import INVALID, PLANS, ROOT, SHIPPED


def test_validate_takes_a_folder_as_its_plans(cli: Any) -> None:
    by_folder = cli("validate", str(PLANS))
    by_files = cli("validate", *map(str, SHIPPED))
    assert by_folder.code == by_files.code == 0
    assert by_folder.out == by_files.out
    assert f"{len(SHIPPED)} plan(s) checked: {len(SHIPPED)} valid" in by_folder.out


def test_validate_expands_a_pattern_itself(cli: Any) -> None:
    """A Windows shell passes plans/*.yaml as written: validate expands it, sorted."""
    result = cli("validate", str(PLANS / "*.yaml"))
    assert result.code == 0
    assert [line.removesuffix(": ok") for line in result.out.splitlines()
            if line.endswith(": ok")] == [str(p) for p in SHIPPED]
    nothing = cli("validate", str(PLANS / "*.yml"))
    assert nothing.code == 1 and "plan-not-found" in nothing.out


def test_validate_a_folder_of_subfolders_skips_hidden_ones(cli: Any, tmp_path: Path) -> None:
    (tmp_path / "tinh" / "huyen").mkdir(parents=True)
    (tmp_path / ".cache").mkdir()
    shutil.copy(PLANS / "kon_plong.yaml", tmp_path / "tinh" / "huyen" / "kon_plong.yaml")
    shutil.copy(INVALID / "duplicate_key.yaml", tmp_path / ".cache" / "duplicate_key.yaml")
    result = cli("validate", str(tmp_path))
    assert "1 plan(s) checked" in result.out and "duplicate_key" not in result.out


def test_validate_an_empty_folder_is_a_usage_error(cli: Any, tmp_path: Path) -> None:
    result = cli("validate", str(tmp_path))
    assert result.code == 2 and "holds no .yaml plan file" in result.err


def test_sarif_log_places_each_issue_and_names_its_rule(cli: Any, tmp_path: Path) -> None:
    bad = tmp_path / "kế hoạch mới"
    bad.mkdir()
    shutil.copy(INVALID / "duplicate_key.yaml", bad / "duplicate_key.yaml")
    result = cli("validate", str(bad / "duplicate_key.yaml"), str(PLANS / "kon_plong.yaml"),
                 "--format", "sarif")
    assert result.code == 1
    log = json.loads(result.out)
    assert log["version"] == "2.1.0" and log["$schema"].endswith("sarif-2.1.0.json")
    run = log["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    # kon_plong's acknowledged warnings are results too, suppressed with their reason
    suppressed = [r for r in run["results"] if r.get("suppressions")]
    assert {r["ruleId"] for r in suppressed} == {"report-before-phase-end"}
    assert all(s["kind"] == "inSource" and s["justification"]
               for r in suppressed for s in r["suppressions"])
    (found,) = [r for r in run["results"] if not r.get("suppressions")]
    index = [r["id"] for r in rules].index("duplicate-key")
    assert rules[index]["defaultConfiguration"] == {"level": "error"}
    assert rules[index]["help"]["text"] and rules[index]["shortDescription"]["text"]
    assert found["ruleId"] == "duplicate-key" and found["ruleIndex"] == index
    assert found["level"] == "error"
    place = found["locations"][0]["physicalLocation"]
    assert place["region"] == {"startLine": 8, "startColumn": 3}
    uri = place["artifactLocation"]["uri"]
    assert " " not in uri and "%20" in uri and uri.endswith("/duplicate_key.yaml")
    assert "appears twice" in found["message"]["text"] and run["language"] == "en"


def test_sarif_is_in_the_language_asked(cli: Any, default_lang: None) -> None:
    result = cli("validate", str(INVALID / "duplicate_key.yaml"), "--format", "sarif")
    run = json.loads(result.out)["runs"][0]
    assert run["language"] == "vi"
    assert "xuất hiện hai lần" in run["results"][0]["message"]["text"]


def test_sarif_of_valid_plans_has_only_acknowledged_results(cli: Any) -> None:
    """The bundled plans' warnings are all acknowledged: suppressed in the log, so code
    scanning shows no open alert."""
    result = cli("validate", str(PLANS), "--format", "sarif", "--strict")
    found = json.loads(result.out)["runs"][0]["results"]
    assert result.code == 0 and found
    assert all(r["level"] == "warning" and r["suppressions"] for r in found)


MANIFEST = ROOT / ".pre-commit-hooks.yaml"


def test_the_pre_commit_manifest_passes_pre_commits_own_schema() -> None:
    clientlib = pytest.importorskip("pre_commit.clientlib")
    hooks = clientlib.load_manifest(str(MANIFEST))
    (hook,) = hooks
    assert hook["id"] == "emulation-rules-validate" and hook["language"] == "python"
    assert hook["entry"] == "emulation-rules validate"


def test_the_hooks_entry_command_validates_the_files_it_is_given() -> None:
    """pre-commit runs ``entry`` with the changed files that match ``files``: run it so."""
    import re

    import yaml

    (hook,) = yaml.safe_load(MANIFEST.read_text(encoding="utf-8"))
    files = [str(p.relative_to(ROOT)) for p in SHIPPED]
    assert all(re.search(hook["files"], f) for f in files)
    assert not re.search(hook["files"], "tests/data/plans/invalid/duplicate_key.yaml")
    exe = Path(sys.executable).parent / shlex.split(hook["entry"])[0]
    argv = [str(exe), *shlex.split(hook["entry"])[1:]]
    good = subprocess.run([*argv, *files], cwd=ROOT, capture_output=True, timeout=120)
    assert good.returncode == 0, good.stderr
    bad = subprocess.run([*argv, str(INVALID / "duplicate_key.yaml")], cwd=ROOT,
                         capture_output=True, timeout=120)
    assert bad.returncode == 1 and b"duplicate-key" in bad.stdout
