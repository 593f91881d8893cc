"""The runs shown in README.md and docs/**/*.md are re-run, so the docs cannot drift.

A **shown run** is a fenced block whose info string is ``console``::

    ```console
    $ emulation-rules timeline kon_plong
    emulation-rules timeline: error: plan 'kon_plong' starts on its issue date, ...
    [exit 2]
    ```

- A line starting with ``$ `` is a command; a command line ending in ``\\`` continues on the
  next line. Every other line, up to the next ``$`` line, is that command's output. A block may
  hold several commands. Only ``emulation-rules ...`` commands are allowed.
- The output shown is everything the command writes to **stdout, then everything it writes to
  stderr** (a terminal may interleave them differently; this order is the deterministic one).
  Lines are compared exactly; a missing newline at the very end is not shown.
- A non-zero exit code is shown as the command's last line, ``[exit N]``; no such line means 0.
- A line ``...`` (alone) stands for any number of output lines, zero or more: a block may show
  an excerpt of a long output. ``[exit N]`` is never elided: it comes after any ``...``.
- Commands run from the repository root, in-process, through
  ``emulation_rules.cli.run(argv, stdout=..., stderr=...)`` (``sys.stdout`` and ``sys.stderr``
  are captured too, as argparse writes there). The command is split with :mod:`shlex`;
  an argument containing ``*``, ``?`` or ``[`` is expanded as the shell would (sorted matches,
  from the repository root; kept as written if nothing matches). Pipes, redirections and other
  shell operators (``|``, ``>``, ``<``, ``&``, ``;``) are refused: show an excerpt with ``...``
  instead of ``| head``, and ``--output FILE`` instead of ``> FILE``.
- Input files: a fenced block whose info string carries ``file=NAME`` (```` ```csv file=subs.csv
  ````) declares a file; every console block after it in the same document runs with that file.
  Files are written to a fresh temporary directory per block, an argument ``NAME`` (or
  ``--option=NAME``) is pointed at it, and so is the ``--output`` of a command, so that no run
  writes into the repository.
- Commands run in the default language (Vietnamese), as a user's would: the test session's
  ``EMULATION_RULES_LANG`` is removed while they run; a command shows ``--lang en`` to differ.
- Normalised before comparing, and nothing else: plan hashes (``sha256:`` and 64 hex digits),
  the date in ``note: evaluating as of today, YYYY-MM-DD`` (in either language), and the
  temporary directory (printed
  as the relative name the command was given).

``python scripts/refresh_docs.py`` re-runs every block and rewrites its output in place; a block
whose output still matches is left exactly as written. Where a block with ``...`` no longer
matches, the elisions are kept: the part before the first ``...`` is refreshed with as many
lines from the start of the output, the part after the last ``...`` with as many lines from the
end, and a part between two ``...`` is found again by its lines (else by its first line) and
dropped if it is gone. Where the parts would overlap, the whole output is written.
"""

from __future__ import annotations

import contextlib
import difflib
import glob
import io
import os
import re
import shlex
import tempfile
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from emulation_rules.cli import run
from emulation_rules.i18n import ENV as LANG_ENV

ROOT = Path(__file__).resolve().parent.parent
DOCS = (ROOT / "README.md", *sorted((ROOT / "docs").rglob("*.md")))  # docs/vi/ too
PROGRAM = "emulation-rules"
ELISION = "..."
REFRESH = "python scripts/refresh_docs.py"

_FENCE = re.compile(r"^(?P<indent>[ \t]*)(?P<fence>`{3,}|~{3,})(?P<info>.*)$")
_EXIT = re.compile(r"^\[exit (?P<code>-?\d+)\]$")
_SHELL_OPERATOR = re.compile(r"^[();<>|&]+$")
_GLOB = re.compile(r"[*?[]")
_FILE_NAME = re.compile(r"^[A-Za-z0-9_][A-Za-z0-9_.-]*$")
_NORMALISE = (
    (re.compile(r"sha256:[0-9a-f]{64}"), "sha256:<hash>"),
    (re.compile(r"(evaluating as of today, |đánh giá tính đến hôm nay, )\d{4}-\d{2}-\d{2}"),
     r"\g<1><today>"),
)


class DocRunError(Exception):
    """A shown run that cannot be run as written (not a difference in its output)."""


@dataclass(frozen=True)
class Fenced:
    """One fenced code block of a Markdown document."""

    info: str
    indent: str
    fence: str
    line: int  # 1-based line of the opening fence
    start: int  # 0-based index of the first content line
    end: int  # 0-based index one past the last content line
    lines: tuple[str, ...]  # content, without the fence's indentation

    @property
    def language(self) -> str:
        words = self.info.split()
        return words[0].lower() if words else ""

    @property
    def attributes(self) -> dict[str, str]:
        return dict(w.split("=", 1) for w in self.info.split()[1:] if "=" in w)


@dataclass(frozen=True)
class Command:
    """One ``$`` command of a console block and the output shown for it."""

    source: tuple[str, ...]  # its lines as written, "$ ..." and any continuation lines
    expected: tuple[str, ...]  # output lines shown, without the "[exit N]" line
    exit_code: int
    written: tuple[str, ...]  # every line of the command as written, output included

    @property
    def text(self) -> str:
        parts = [self.source[0].removeprefix("$ ")] + [s.strip() for s in self.source[1:]]
        return " ".join(p.removesuffix("\\").strip() for p in parts)


@dataclass(frozen=True)
class Block:
    """A console block, with the input files declared before it in its document."""

    doc: Path
    index: int
    fenced: Fenced
    files: Mapping[str, str] = field(default_factory=dict)

    @property
    def where(self) -> str:
        return f"{self.doc.relative_to(ROOT)}:{self.fenced.line}"


@dataclass(frozen=True)
class Outcome:
    lines: tuple[str, ...]  # stdout lines, then stderr lines, temporary paths mapped back
    exit_code: int


def fenced_blocks(text: str) -> Iterator[Fenced]:
    """Every fenced code block of a Markdown text (nested fences need a longer fence)."""
    lines = text.split("\n")
    i = 0
    while i < len(lines):
        opening = _FENCE.match(lines[i])
        if opening is None or (opening["fence"][0] == "`" and "`" in opening["info"]):
            i += 1
            continue
        indent, fence = opening["indent"], opening["fence"]
        j = i + 1
        while j < len(lines):
            closing = lines[j].strip()
            if closing.startswith(fence) and not closing.strip(fence[0]):
                break
            j += 1
        content = tuple(line[len(indent):] if line.startswith(indent) else line.lstrip()
                        for line in lines[i + 1:j])
        yield Fenced(opening["info"].strip(), indent, fence, i + 1, i + 1, j, content)
        i = j + 1


def console_blocks(doc: Path) -> list[Block]:
    """The console blocks of a document, each with the files declared before it."""
    files: dict[str, str] = {}
    blocks: list[Block] = []
    for fenced in fenced_blocks(doc.read_text(encoding="utf-8")):
        name = fenced.attributes.get("file")
        if fenced.language == "console":
            blocks.append(Block(doc, len(blocks), fenced, dict(files)))
        elif name is not None:
            if not _FILE_NAME.match(name):
                raise DocRunError(f"{doc.relative_to(ROOT)}:{fenced.line}: file={name}: "
                                  "a plain file name (letters, digits, '_', '.', '-')")
            files[name] = "\n".join(fenced.lines) + "\n"
    return blocks


def parse_commands(block: Block) -> list[Command]:
    """The commands of a console block, each with its shown output and exit code."""
    lines = block.fenced.lines
    if not lines or not lines[0].startswith("$ "):
        raise DocRunError(f"{block.where}: a console block starts with a '$ ' command line")
    starts = [i for i, line in enumerate(lines) if line.startswith("$ ")]
    commands = []
    for n, start in enumerate(starts):
        stop = starts[n + 1] if n + 1 < len(starts) else len(lines)
        end = start + 1
        while lines[end - 1].endswith("\\") and end < stop:
            end += 1
        output = list(lines[end:stop])
        exit_line = _EXIT.match(output[-1]) if output else None
        if exit_line is not None:
            output.pop()
        code = int(exit_line["code"]) if exit_line is not None else 0
        commands.append(Command(tuple(lines[start:end]), tuple(output), code,
                                tuple(lines[start:stop])))
    return commands


def command_argv(command: str, where: str = "") -> list[str]:
    """The arguments after ``emulation-rules``: shlex-split, shell operators refused."""
    lexer = shlex.shlex(command, posix=True, punctuation_chars=True)
    lexer.whitespace_split = True
    try:
        words = list(lexer)
    except ValueError as exc:
        raise DocRunError(f"{where}: cannot split `{command}`: {exc}") from None
    if not words or words[0] != PROGRAM:
        raise DocRunError(f"{where}: only `{PROGRAM} ...` commands can be shown as runs: "
                          f"`{command}`")
    operators = [w for w in words if _SHELL_OPERATOR.match(w)]
    if operators:
        raise DocRunError(f"{where}: `{command}`: shell operators ({' '.join(operators)}) "
                          f"cannot run in-process; show an excerpt with a '{ELISION}' line "
                          "or use --output FILE")
    return words[1:]


def normalise(line: str) -> str:
    for pattern, replacement in _NORMALISE:
        line = pattern.sub(replacement, line)
    return line


def matches(pattern: Sequence[str], actual: Sequence[str]) -> bool:
    """Whether the shown lines match the output, ``...`` matching any number of lines."""
    wanted = [normalise(line) for line in pattern]
    got = [normalise(line) for line in actual]
    reachable = {0}  # how many output lines the pattern so far can have consumed
    for line in wanted:
        if line == ELISION:
            reachable = set(range(min(reachable), len(got) + 1))
        else:
            reachable = {j + 1 for j in reachable if j < len(got) and got[j] == line}
        if not reachable:
            return False
    return len(got) in reachable


def _expand(word: str, files: Mapping[str, str], tmp: Path) -> list[str]:
    if word in files:
        return [str(tmp / word)]
    option, eq, value = word.partition("=")
    if eq and option.startswith("--") and value in files:
        return [f"{option}={tmp / value}"]
    if _GLOB.search(word):
        found = sorted(glob.glob(word, root_dir=ROOT))
        if found:
            return found
    return [word]


def _outputs_to(argv: list[str], tmp: Path) -> list[str]:
    """Point every ``--output FILE`` into the temporary directory."""
    result = list(argv)
    for i, word in enumerate(result):
        if word == "--output" and i + 1 < len(result):
            name, prefix = result[i + 1], ""
        elif word.startswith("--output="):
            name, prefix = word.removeprefix("--output="), "--output="
        else:
            continue
        target = tmp / name.lstrip("/")
        target.parent.mkdir(parents=True, exist_ok=True)
        if prefix:
            result[i] = f"{prefix}{target}"
        else:
            result[i + 1] = str(target)
    return result


@contextlib.contextmanager
def _default_language() -> Iterator[None]:
    """A shown run is what a user sees: in the default language (Vietnamese), whatever
    ``EMULATION_RULES_LANG`` the test session set; a command shows ``--lang en`` to differ."""
    saved = os.environ.pop(LANG_ENV, None)
    try:
        yield
    finally:
        if saved is not None:
            os.environ[LANG_ENV] = saved


def run_command(command: str, files: Mapping[str, str], where: str = "") -> Outcome:
    """Run one shown command from the repository root, in-process."""
    words = command_argv(command, where)
    with tempfile.TemporaryDirectory(prefix="doc-run-") as name, contextlib.chdir(ROOT):
        tmp = Path(name)
        for file_name, text in files.items():
            (tmp / file_name).write_text(text, encoding="utf-8")
        argv = _outputs_to([a for w in words for a in _expand(w, files, tmp)], tmp)
        out, err = io.StringIO(), io.StringIO()
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err), \
                _default_language():
            try:
                code = run(argv, stdout=out, stderr=err)
            except SystemExit as exc:  # argparse's --help
                code = exc.code if isinstance(exc.code, int) else int(exc.code is not None)
        printed = out.getvalue().splitlines() + err.getvalue().splitlines()
        temp_dirs = sorted({str(tmp), str(tmp.resolve())}, key=len, reverse=True)
    lines = []
    for line in printed:
        for temp_dir in temp_dirs:
            line = line.replace(temp_dir + os.sep, "").replace(temp_dir, ".")
        lines.append(line)
    return Outcome(tuple(lines), code)


def _find(lines: Sequence[str], part: Sequence[str], start: int) -> int | None:
    for i in range(start, len(lines) - len(part) + 1):
        if list(lines[i:i + len(part)]) == list(part):
            return i
    return None


def refreshed_output(pattern: Sequence[str], actual: Sequence[str]) -> list[str]:
    """The output to show instead of ``pattern``, keeping its ``...`` elisions where it can."""
    if ELISION not in pattern:
        return list(actual)
    segments: list[list[str]] = [[]]
    for line in pattern:
        if line == ELISION:
            segments.append([])
        else:
            segments[-1].append(line)
    first, *middle, last = segments
    norm = [normalise(line) for line in actual]
    pos = len(first)
    if pos > len(actual):
        return list(actual)
    pieces = [(0, pos)]
    for part in middle:
        if not part:
            continue
        at = _find(norm, [normalise(line) for line in part], pos)
        if at is None:
            at = _find(norm, [normalise(part[0])], pos)
        if at is None or at + len(part) > len(actual):
            continue  # the part is gone: the elisions around it merge
        pieces.append((at, at + len(part)))
        pos = at + len(part)
    tail = len(actual) - len(last)
    if tail < pos:
        return list(actual)
    pieces.append((tail, len(actual)))
    shown: list[str] = []
    previous_end = 0
    for start, end in pieces:
        if start > previous_end:
            shown.append(ELISION)
        shown.extend(actual[start:end])
        previous_end = end
    return shown if matches(shown, actual) else list(actual)


def refreshed_command(command: Command, block: Block) -> list[str]:
    """The command's lines with fresh output; exactly as written when it still matches."""
    where = f"{block.where}: `{command.text}`"
    try:
        outcome = run_command(command.text, block.files, where)
    except DocRunError:
        raise
    except Exception as exc:
        exc.add_note(f"while running the shown run at {where}")
        raise
    if outcome.exit_code == command.exit_code and matches(command.expected, outcome.lines):
        return list(command.written)
    lines = [*command.source, *refreshed_output(command.expected, outcome.lines)]
    if outcome.exit_code:
        lines.append(f"[exit {outcome.exit_code}]")
    fence_char = block.fenced.fence[0]
    for line in lines[len(command.source):]:
        if line.strip().startswith(block.fenced.fence) and not line.strip().strip(fence_char):
            raise DocRunError(f"{where}: an output line would close the block's fence; "
                              "use a longer fence")
    return lines


def refreshed_block(block: Block) -> list[str]:
    """The block's content lines with fresh output (raises on a command that fails to run)."""
    lines: list[str] = []
    for command in parse_commands(block):
        lines.extend(refreshed_command(command, block))
    return lines


def replace_blocks(text: str, new_contents: Mapping[int, Sequence[str]],
                   blocks: Sequence[Block]) -> str:
    """``text`` with the content of the given console blocks (by index) replaced."""
    lines = text.split("\n")
    for block in sorted(blocks, key=lambda b: b.fenced.start, reverse=True):
        if block.index in new_contents:
            indent = block.fenced.indent
            new = [indent + line if line else "" for line in new_contents[block.index]]
            lines[block.fenced.start:block.fenced.end] = new
    return "\n".join(lines)


def _block_ids() -> list[tuple[Path, int]]:
    return [(doc, block.index) for doc in DOCS for block in console_blocks(doc)]


@pytest.mark.parametrize(("doc", "index"), [
    pytest.param(doc, index, id=f"{doc.relative_to(ROOT)}-block{index}")
    for doc, index in _block_ids()
])
def test_shown_run_matches_a_fresh_run(doc: Path, index: int) -> None:
    block = console_blocks(doc)[index]
    fresh = refreshed_block(block)
    if fresh != list(block.fenced.lines):
        diff = "\n".join(difflib.unified_diff(
            block.fenced.lines, fresh, f"{block.where} (as shown)", "a fresh run", lineterm=""))
        pytest.fail(f"the run shown at {block.where} no longer matches its output:\n{diff}\n\n"
                    f"If the new output is right, rewrite the docs' shown runs with:\n"
                    f"    {REFRESH}\n"
                    "(hashes, today's date and temporary paths are normalised; see "
                    "docs/README.md)", pytrace=False)


def test_the_docs_show_runs() -> None:
    assert _block_ids(), "no console block found in README.md or docs/**/*.md"


@pytest.mark.parametrize("doc", DOCS, ids=[str(d.relative_to(ROOT)) for d in DOCS])
def test_every_shown_run_is_in_a_console_block(doc: Path) -> None:
    """A ``$ emulation-rules`` line outside a console block would never be re-run."""
    for fenced in fenced_blocks(doc.read_text(encoding="utf-8")):
        if fenced.language in ("console", "markdown", "md"):
            continue
        for line in fenced.lines:
            assert not line.lstrip().startswith(f"$ {PROGRAM}"), (
                f"{doc.relative_to(ROOT)}:{fenced.line}: a run shown outside a ```console "
                f"block is never checked: {line.strip()!r} (see docs/README.md)")


# The machinery itself, on made-up blocks.


def test_matching_with_elisions_and_normalisation() -> None:
    out = ["a", "b", "sha256:" + "1" * 64, "c"]
    assert matches(["a", ELISION, "c"], out)
    assert matches([ELISION], out)
    assert matches(["a", "b", ELISION, "sha256:" + "2" * 64, "c", ELISION], out)
    assert not matches(["a", ELISION], ["b"])
    assert not matches(["a", "c"], out)
    assert matches(["note: evaluating as of today, 2000-01-01 (set --as-of)"],
                   ["note: evaluating as of today, 2031-12-31 (set --as-of)"])
    assert not matches(["as of 2000-01-01"], ["as of 2031-12-31"])


def test_refresh_keeps_elisions_and_is_idempotent() -> None:
    pattern = ["head", "x", ELISION, "## part", "old", ELISION, "tail"]
    actual = ["head", "y", "1", "2", "## part", "new", "3", "tail"]
    shown = refreshed_output(pattern, actual)
    assert shown == ["head", "y", ELISION, "## part", "new", ELISION, "tail"]
    assert refreshed_output(shown, actual) == shown and matches(shown, actual)
    assert refreshed_output(["a", ELISION, "b"], ["a"]) == ["a"]
    assert refreshed_output(["a", ELISION, "gone", ELISION], ["a", "b"]) == ["a", ELISION]


def test_block_parsing_and_refused_commands(tmp_path: Path) -> None:
    doc = tmp_path / "doc.md"
    doc.write_text("```csv file=in.csv\nx\n```\n\n```console\n$ emulation-rules a \\\n"
                   "    --b c\nout\n[exit 1]\n$ emulation-rules d\n```\n", encoding="utf-8")
    (block,) = console_blocks(doc)
    assert block.files == {"in.csv": "x\n"}
    first, second = parse_commands(block)
    assert first.text == "emulation-rules a --b c"
    assert (first.expected, first.exit_code) == (("out",), 1)
    assert (second.expected, second.exit_code) == ((), 0)
    for bad in ("emulation-rules schema > x.json", "emulation-rules schema | head",
                "ls -l", "emulation-rules a 2>&1"):
        with pytest.raises(DocRunError):
            command_argv(bad)


def test_a_run_sees_declared_files_and_writes_outside_the_repository(tmp_path: Path) -> None:
    files = {"p.yaml": "id: p\n"}
    outcome = run_command("emulation-rules validate p.yaml", files)
    assert outcome.exit_code == 1
    assert outcome.lines[0].startswith("p.yaml:"), outcome.lines
    assert _outputs_to(["--output", "out/x.json", "--output=y.csv"], tmp_path) == [
        "--output", str(tmp_path / "out" / "x.json"), f"--output={tmp_path / 'y.csv'}"]
