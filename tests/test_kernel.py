"""The generated verdict kernel: only this module's template reaches ``exec``.

A plan is validated before it is compiled, but the kernel does not rely on that: whatever a
condition holds, the generator emits metric positions, int thresholds and fixed tables only, and
refuses anything else before compiling. Hostile plans are built with ``model_construct`` (which
skips validation) to reach the generator directly.
"""

from __future__ import annotations

import io
import tokenize
from pathlib import Path
from typing import Any

import pytest

import emulation_rules as er
from emulation_rules.evaluation import compile_plan
from emulation_rules.kernel import KernelError, compile_kernel, kernel_source
from emulation_rules.model import AnyOf, CountCondition, RatioCondition, Target, Text

from .conftest import LOCALITIES

ALLOWED_NAMES = {
    "def", "kernel", "vecs", "out", "append", "win", "pres", "v", "for", "in", "if", "is",
    "not", "None", "len", "or", "and", "try", "tuple", "map", "sum", "zip", "except",
    "TypeError", "c", "else", "elif", "s", "continue", "return", "miss", "spans", "extra",
    "covered",
}
VERDICT_LITERALS = {"'met'", "'not_met'", "'unknown'"}
WINDOWS = [(0, 1, 2), (3, 4), (0, 1, 2, 3, 4)]


def _source_for(plan_id: str) -> str:
    plan = er.load_plan(plan_id)
    compiled = compile_plan(plan)
    needed = sorted({m for c in compiled for m in c.metrics})
    return kernel_source([(c.criterion, c.target) for c in compiled], needed, WINDOWS, 5,
                         "unknown")


@pytest.mark.parametrize("plan_id", [p for p in LOCALITIES if p != "phuong_tien"])
def test_generated_source_has_only_template_names_and_verdict_strings(plan_id: str) -> None:
    source = _source_for(plan_id)
    for tok in tokenize.generate_tokens(io.StringIO(source).readline):
        if tok.type == tokenize.NAME:
            stem = tok.string.rstrip("0123456789")
            assert tok.string in ALLOWED_NAMES or (stem in {"t", "n", "d", "x", "p", "r", "vs",
                                                            "c"} and stem != tok.string)
        elif tok.type == tokenize.STRING:
            assert tok.string in VERDICT_LITERALS
        elif tok.type == tokenize.NUMBER:
            assert tok.string.isdigit()


def _target(condition: Any, target_id: str = "t", per: str = "total") -> Any:
    return Target.model_construct(id=target_id, label=Text(vi="x", en="x"), level="team", per=per,
                                  condition=condition)


MARKER = Path("/tmp") / "emulation_rules_kernel_pwned"
PAYLOAD = f"__import__('pathlib').Path({str(MARKER)!r}).touch()"


@pytest.mark.parametrize(
    "condition",
    [
        pytest.param(CountCondition.model_construct(metric="good_deeds", comparator="gte",
                                                    threshold=f"1 or {PAYLOAD}"),
                     id="threshold-as-code"),
        pytest.param(CountCondition.model_construct(metric="good_deeds", comparator="gte",
                                                    threshold=1.5), id="float-count-threshold"),
        pytest.param(CountCondition.model_construct(metric="good_deeds", comparator="gte",
                                                    threshold=True), id="bool-threshold"),
        pytest.param(CountCondition.model_construct(metric="good_deeds",
                                                    comparator=f"> 0 or {PAYLOAD} or 0 <",
                                                    threshold=1), id="comparator-as-code"),
        pytest.param(CountCondition.model_construct(metric=f"x'] or {PAYLOAD} or v['",
                                                    comparator="gte", threshold=1),
                     id="metric-as-code"),
        pytest.param(RatioCondition.model_construct(
            numerator="tips_via_force", denominator="tips_total", comparator="gte",
            threshold=f"0.8 or {PAYLOAD}", when_no_cases=None), id="ratio-threshold-as-code"),
        pytest.param(RatioCondition.model_construct(
            numerator="tips_via_force", denominator="tips_total", comparator="gte",
            threshold=0.8, when_no_cases=type("W", (), {"verdict": f"met' or {PAYLOAD} or '"})()),
            id="verdict-as-code"),
        pytest.param(object(), id="unknown-condition"),
    ],
)
def test_a_hostile_condition_is_refused_before_anything_is_compiled(condition: Any) -> None:
    MARKER.unlink(missing_ok=True)
    metrics = ["good_deeds", "tips_total", "tips_via_force"]
    with pytest.raises(KernelError):
        compile_kernel([("c", _target(condition))], metrics, [(0,)], 1, "unknown")
    assert not MARKER.exists()


def test_hostile_ids_never_reach_the_source_and_the_kernel_still_decides() -> None:
    hostile = f"x'); {PAYLOAD} #"
    cond = CountCondition.model_construct(metric="good_deeds", comparator="gte", threshold=1)
    targets = [(hostile, _target(cond, target_id=hostile))]
    source = kernel_source(targets, ["good_deeds"], [(0, 1)], 2, "unknown")
    assert "pathlib" not in source and "x')" not in source
    kernel = compile_kernel(targets, ["good_deeds"], [(0, 1)], 2, "unknown")
    assert kernel([(1,), (3,)]) == ["met"]      # summed over the window: 4 >= 1
    assert kernel([(0,), (0,)]) == ["not_met"]
    assert kernel([None, (3,)]) == ["unknown"]
    assert not MARKER.exists()


def test_missing_if_missing_verdict_is_refused() -> None:
    cond = CountCondition.model_construct(metric="good_deeds", comparator="gte", threshold=1)
    with pytest.raises(KernelError):
        compile_kernel([("c", _target(cond))], ["good_deeds"], [(0,)], 1, f"'{PAYLOAD}'")


def test_window_index_out_of_range_is_refused() -> None:
    cond = CountCondition.model_construct(metric="good_deeds", comparator="gte", threshold=1)
    with pytest.raises(KernelError):
        kernel_source([("c", _target(cond))], ["good_deeds"], [(0, 5)], 2, "unknown")


def test_the_kernel_has_no_builtins_beyond_the_template_s() -> None:
    cond = CountCondition.model_construct(metric="good_deeds", comparator="gte", threshold=1)
    kernel = compile_kernel([("c", _target(cond))], ["good_deeds"], [(0,)], 1, "unknown")
    assert set(kernel.__globals__["__builtins__"]) == {"len", "tuple", "map", "sum", "zip",
                                                       "TypeError"}


@pytest.mark.parametrize(
    ("rows", "expected"),
    [
        # 4.7-style per-month any_of: every month must hold; a missing month is unknown
        pytest.param([(1, 0), (0, 1)], ["met"], id="each-month-one-or-the-other"),
        pytest.param([(1, 0), (0, 0)], ["not_met"], id="a-month-with-neither"),
        pytest.param([(1, 0), None], ["unknown"], id="a-missing-month"),
        pytest.param([(0, 0), None], ["not_met"], id="a-failed-month-beats-a-missing-one"),
        pytest.param([(None, 1), (1, None)], ["met"], id="one-known-part-is-enough-for-any"),
        pytest.param([(None, 0), (1, 1)], ["unknown"], id="unknown-part-and-failed-part"),
    ],
)
def test_per_month_any_of(rows: list[Any], expected: list[str]) -> None:
    cond = AnyOf.model_construct(any_of=(
        CountCondition.model_construct(metric="good_deeds", comparator="gte", threshold=1),
        CountCondition.model_construct(metric="members_commended", comparator="gte",
                                       threshold=1)))
    kernel = compile_kernel([("c", _target(cond, per="month"))],
                            ["good_deeds", "members_commended"], [(0, 1)], 2, "unknown")
    assert kernel(rows) == expected


@pytest.mark.parametrize(
    ("rows", "expected"),
    [
        # summed over the window: 8 of 10 is 80%, gte 0.8 holds; 7 of 10 fails
        pytest.param([(5, 4), (5, 4)], ["met"], id="80-percent-summed"),
        pytest.param([(5, 4), (5, 3)], ["not_met"], id="70-percent-summed"),
        pytest.param([(0, 0), (0, 0)], ["unknown"], id="no-cases-undeclared-is-unknown"),
        pytest.param([(5, None), (5, 4)], ["unknown"], id="a-missing-value"),
        pytest.param([(5, 4), None], ["not_met"], id="a-missing-month-takes-if-missing"),
    ],
)
def test_ratio_summed_over_the_window(rows: list[Any], expected: list[str]) -> None:
    cond = RatioCondition.model_construct(numerator="tips_via_force", denominator="tips_total",
                                          comparator="gte", threshold=0.8, when_no_cases=None)
    kernel = compile_kernel([("c", _target(cond))], ["tips_total", "tips_via_force"],
                            [(0, 1)], 2, "not_met")
    assert kernel(rows) == expected
