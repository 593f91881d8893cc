"""The package's layers hold: imports point down (import-linter contracts in pyproject.toml),
and no public name of the package shares a name with one of its submodules."""

from __future__ import annotations

import pkgutil
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import emulation_rules as er

ROOT = Path(__file__).resolve().parent.parent


def test_import_contracts_are_kept() -> None:
    """lint-imports: cli > edges > core > format > bottom; the core reads no file or YAML."""
    exe = shutil.which("lint-imports") or str(Path(sys.executable).parent / "lint-imports")
    if not Path(exe).exists():
        pytest.skip("import-linter is not installed (pip install -e '.[test]')")
    result = subprocess.run([exe], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 broken" in result.stdout


def test_no_public_name_is_a_submodule_name() -> None:
    """er.awards and er.timeline are functions: a module of the same name would shadow them
    after ``import emulation_rules.awards``."""
    modules = {m.name for m in pkgutil.iter_modules(er.__path__)}
    assert not set(er.__all__) & modules


def test_every_exported_name_resolves() -> None:
    for name in er.__all__:
        assert getattr(er, name) is not None


def test_every_exception_derives_from_the_root() -> None:
    """One exception tree: what the library raises on purpose is an EmulationRulesError."""
    for name in ("PlanError", "MetricsError", "EvaluationError", "TimelineError",
                 "ReviewError", "UnsupportedPlanError"):
        assert issubclass(getattr(er, name), er.EmulationRulesError), name


def test_ci_runs_the_readme_test_command() -> None:
    """.ci/run runs exactly the README's test command (lint, types, import contract, pytest)."""
    import re

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    commands = re.findall(r"```sh\n(python3 -m venv .*?)\n```", readme)
    assert len(commands) >= 2
    test_command = commands[1]
    assert "ruff check" in test_command and "mypy" in test_command
    assert "lint-imports" in test_command and test_command.endswith("python -m pytest")
    assert test_command in (ROOT / ".ci" / "run").read_text(encoding="utf-8")
