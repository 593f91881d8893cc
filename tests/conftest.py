"""Shared fixtures: the CLI with captured streams, and paths of the bundled test data."""

from __future__ import annotations

import io
import os
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

from emulation_rules.cli import run

# The suite asserts the English wording (and codes, lines and paths); the CLI's default,
# Vietnamese, and the switch between the two are tested in tests/test_i18n.py, which removes
# this setting where it tests the default. Set for subprocesses too.
os.environ["EMULATION_RULES_LANG"] = "en"

# Hypothesis: a quick profile by default (CI); `pytest --hypothesis-profile=thorough` for more.
# quick is derandomized: CI runs the same examples every time (a failure reproduces); the
# thorough profile explores at random
settings.register_profile("quick", max_examples=40, deadline=None, derandomize=True,
                          suppress_health_check=[HealthCheck.too_slow])
settings.register_profile("thorough", max_examples=1000, deadline=None,
                          suppress_health_check=[HealthCheck.too_slow])
settings.load_profile("quick")

ROOT = Path(__file__).resolve().parent.parent
PLANS = ROOT / "plans"
DATA = Path(__file__).resolve().parent / "data"
INVALID = DATA / "plans" / "invalid"
SHIPPED = sorted(PLANS.glob("*.yaml"))
LOCALITIES = ("kon_plong", "bac_giang", "ninh_thuan", "tuyen_quang", "phuong_tien")


class CliResult:
    def __init__(self, code: int, out: str, err: str) -> None:
        self.code, self.out, self.err = code, out, err


@pytest.fixture
def default_lang(monkeypatch: pytest.MonkeyPatch) -> None:
    """No EMULATION_RULES_LANG: the default language, Vietnamese (the suite sets English)."""
    monkeypatch.delenv("EMULATION_RULES_LANG", raising=False)


@pytest.fixture
def cli() -> Callable[..., CliResult]:
    def invoke(*argv: str) -> CliResult:
        out, err = io.StringIO(), io.StringIO()
        code = run(list(argv), stdout=out, stderr=err)
        return CliResult(code, out.getvalue(), err.getvalue())

    return invoke


def expected_issues(path: Path) -> list[tuple[str, int, str]]:
    """The ``# expect: CODE LINE PATH`` lines at the top of an invalid fixture."""
    found = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.startswith("# expect:"):
            break
        code, lineno, yaml_path = line.removeprefix("# expect:").split()
        found.append((code, int(lineno), yaml_path))
    return found
