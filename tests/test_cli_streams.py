"""``run(argv, stdout=, stderr=)`` writes only to the streams it is given, ``--help`` and
usage errors included; every command is dispatched through ``set_defaults(handler=...)``."""

from __future__ import annotations

import io

import pytest

from emulation_rules.cli import _parser, run


@pytest.mark.parametrize("argv", [["--help"], ["evaluate", "--help"], ["timeline", "-h"],
                                  ["evaluate"], ["nope"], [], ["--version"]])
def test_run_writes_only_to_the_streams_given(argv: list[str],
                                             capsys: pytest.CaptureFixture[str]) -> None:
    out, err = io.StringIO(), io.StringIO()
    code = run(argv, stdout=out, stderr=err)
    captured = capsys.readouterr()
    assert (captured.out, captured.err) == ("", "")
    assert out.getvalue() or err.getvalue()
    assert code == (0 if argv in (["--help"], ["evaluate", "--help"], ["timeline", "-h"],
                                  ["--version"]) else 2)


def test_help_goes_to_stdout_and_names_the_commands() -> None:
    out, err = io.StringIO(), io.StringIO()
    assert run(["--help"], stdout=out, stderr=err) == 0
    assert "evaluate" in out.getvalue() and err.getvalue() == ""


def test_every_command_has_a_handler() -> None:
    parser = _parser()
    sub = next(a for a in parser._actions if a.dest == "command")
    for name, p in sub.choices.items():  # type: ignore[union-attr]
        assert callable(p.get_default("handler")), name
