"""Robustness: a damaged plan file gives issues with known codes, never an exception."""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import emulation_rules as er

from ..conftest import PLANS

SOURCE = (PLANS / "kon_plong.yaml").read_bytes()
KNOWN_PREFIXES = ("yaml-", "duplicate-", "unknown-", "missing-", "wrong-", "invalid-", "too-",
                  "number-", "encoding", "empty-file", "not-a-mapping", "out-of-range",
                  "extends-", "phase-", "campaign-", "id-mismatch", "level-mismatch",
                  "ambiguous-remove", "open-ended", "recurrence-", "string-", "condition-")


@st.composite
def mutated(draw: st.DrawFn) -> bytes:
    data = bytearray(SOURCE)
    for _ in range(draw(st.integers(1, 4))):
        pos = draw(st.integers(0, len(data) - 1))
        action = draw(st.sampled_from(["delete", "insert", "replace"]))
        chunk = draw(st.sampled_from([b":", b"-", b" ", b"\n", b"  ", b"&a", b"*a", b"!!x",
                                      b"[", b"{", b"'", b'"', b"0", b"31/02/2025", b"\xff",
                                      b"id", b"x: 1\n", b"#"]))
        if action == "delete":
            del data[pos:pos + draw(st.integers(1, 20))]
        elif action == "insert":
            data[pos:pos] = chunk
        else:
            data[pos:pos + len(chunk)] = chunk
    return bytes(data)


@settings(max_examples=150, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(content=mutated())
def test_mutated_plan_gives_issues_with_known_codes(tmp_path: Path, content: bytes) -> None:
    """Kon Plông's plan (II.2 phases, 4.1-4.7 targets, IV deadlines), damaged at random as a
    person editing it might: every problem is reported as a located issue with a known code,
    never raised."""
    path = tmp_path / "kon_plong.yaml"
    path.write_bytes(content)
    issues = er.iter_plan_issues(path)
    for issue in issues:
        assert issue.code.startswith(KNOWN_PREFIXES), issue
        # located in the damaged file, or in the template it extends (an inherited item)
        assert Path(issue.location.file).name in {path.name, "special_movement_2024.yaml"}
