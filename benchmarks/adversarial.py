"""Adversarial inputs: generated worst cases, each run as a whole process (issue 11, item 2).

    python benchmarks/adversarial.py                  # every case
    python benchmarks/adversarial.py --quick          # a subset (smaller sizes; about 1 min)
    python benchmarks/adversarial.py --only deadline  # the cases whose name contains "deadline"

Each case grows one input (a plan, a metrics file, a units file, ...) with the other inputs fixed
at a bundled example (plan ``kon_plong`` with ``examples/kon_plong_*.csv``, or ``phuong_tien``),
writes it into a temporary folder, and runs one command of the CLI on it as a separate process
(``python -m emulation_rules``). It prints the grown input's size beside the exit code, the wall
time, the peak resident memory of that process (``os.wait4``'s ``ru_maxrss``) and the size of
what the process wrote. The goal (issue 11) is that no input under 1 MB takes more than 2 s or
256 MB; a case over either is listed in the summary. Where one case is run at several sizes, the
growth section compares the smallest with the largest that finished: time and memory above the
interpreter's start should grow no faster than the input.

This is a report, not a test: it always exits 0. A process is killed after ``--timeout``
seconds and may not use more than ``--max-memory`` MB of address space (to protect the machine);
a killed case is reported as such and counts as over budget. MB here is 2**20 bytes.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import platform
import resource
import shlex
import signal
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from functools import partial
from pathlib import Path
from typing import IO

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
BUDGET_SECONDS = 2.0
BUDGET_MB = 256.0
GOAL_BYTES = 1_000_000  # the goal covers inputs under 1 MB
LARGE = 990_000  # "just under 1 MB": a plan file may hold 1,000,000 bytes
SMALL = 250_000
MB = 1 << 20

Json = dict[str, "Json"] | list["Json"] | str | int | float | bool | None
Make = Callable[[Path], tuple[int, list[str]]]
"""Writes a case's inputs into the work folder; returns the grown input's size and the CLI
arguments."""


@dataclass(frozen=True)
class Case:
    name: str
    make: Make
    quick: bool = False
    family: str = ""  # the cases of one family are one command at growing sizes


@dataclass(frozen=True)
class Outcome:
    case: Case
    size: int
    args: list[str]
    code: int
    seconds: float
    peak_mb: float
    out_bytes: int
    err_tail: str
    killed: str = ""

    @property
    def within(self) -> bool:
        return (not self.killed and self.seconds <= BUDGET_SECONDS
                and self.peak_mb <= BUDGET_MB and "Traceback" not in self.err_tail)


# --- running one process ----------------------------------------------------------------------


def _cli() -> list[str]:
    """The command that runs the CLI: this interpreter if it has the package, else the venv's."""
    if importlib.util.find_spec("emulation_rules") is not None:
        return [sys.executable, "-m", "emulation_rules"]
    venv = ROOT / ".venv" / "bin" / "python"
    if venv.exists():
        return [str(venv), "-m", "emulation_rules"]
    sys.exit("emulation_rules is not importable and .venv/bin/python is missing")


def _drain(stream: IO[bytes], counted: list[int], keep: bytearray | None) -> None:
    while chunk := stream.read(1 << 16):
        counted[0] += len(chunk)
        if keep is not None:
            keep.extend(chunk)
            del keep[:-4096]


def run(case: Case, work: Path, timeout: float, max_memory_mb: int) -> Outcome:
    size, args = case.make(work)
    limit = max_memory_mb * MB

    def limits() -> None:  # in the child, before exec
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))

    start = time.perf_counter()
    proc = subprocess.Popen([*_cli(), *args], cwd=work, stdin=subprocess.DEVNULL,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, preexec_fn=limits)
    assert proc.stdout is not None and proc.stderr is not None
    out_count, err_count = [0], [0]
    err = bytearray()
    readers = [threading.Thread(target=_drain, args=(proc.stdout, out_count, None)),
               threading.Thread(target=_drain, args=(proc.stderr, err_count, err))]
    for reader in readers:
        reader.start()
    lock = threading.Lock()
    exited = False
    killed = ""

    def kill() -> None:
        nonlocal killed
        with lock:  # never signal a pid that was reaped (and might be reused)
            if not exited:
                killed = f"killed after {timeout:g} s"
                os.kill(proc.pid, signal.SIGKILL)

    timer = threading.Timer(timeout, kill)
    timer.start()
    os.waitid(os.P_PID, proc.pid, os.WEXITED | os.WNOWAIT)  # exited, not reaped yet
    seconds = time.perf_counter() - start
    with lock:
        exited = True
    timer.cancel()
    _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    for reader in readers:
        reader.join()
    proc.stdout.close()
    proc.stderr.close()
    tail = err.decode("utf-8", "replace")
    if "MemoryError" in tail:
        killed = killed or f"out of memory (limit {max_memory_mb} MB)"
    return Outcome(case, size, args, proc.returncode, seconds, usage.ru_maxrss / 1024,
                   out_count[0], tail, killed)


# --- writing inputs ---------------------------------------------------------------------------


def _scalar(value: Json) -> str:
    return json.dumps(value, ensure_ascii=False)


def _block(value: Json, indent: int = 0) -> str:
    """Block-style YAML (strings as JSON strings, which YAML reads alike)."""
    pad = " " * indent
    if isinstance(value, dict):
        out = []
        for key, item in value.items():
            if isinstance(item, (dict, list)) and item:
                out.append(f"{pad}{key}:\n{_block(item, indent + 2)}")
            else:
                out.append(f"{pad}{key}: {_scalar(item)}\n")
        return "".join(out)
    if isinstance(value, list):
        out = []
        for item in value:
            if isinstance(item, (dict, list)) and item:
                out.append(f"{pad}- {_block(item, indent + 2)[indent + 2:]}")
            else:
                out.append(f"{pad}- {_scalar(item)}\n")
        return "".join(out)
    return f"{pad}{_scalar(value)}\n"


def _grow(head: str, item: Callable[[int], str], tail: str, target: int,
          most: int | None = None) -> tuple[str, int]:
    """``head``, then ``item(0)``, ``item(1)``, ... while the whole stays within ``target``
    bytes (and ``most`` items), then ``tail``; with the number of items."""
    parts, size, count = [head], len(head.encode()) + len(tail.encode()), 0
    while most is None or count < most:
        piece = item(count)
        grown = size + len(piece.encode())
        if grown > target:
            break
        parts.append(piece)
        size, count = grown, count + 1
    parts.append(tail)
    return "".join(parts), count


def _write(path: Path, text: str) -> int:
    path.write_text(text, encoding="utf-8")
    return path.stat().st_size


def _src(section: str, quote: str) -> Json:
    return {"section": section, "quote": quote}


_LOCAL: Json = {"verdict": "met", "policy": "local",
                "reason": "No cases in the window: nothing was missed."}
_RATIOS = [("tips_via_force", "tips_total", "commune"),
           ("incidents_force_present", "incidents_total", "commune"),
           ("household_records_provided", "household_records_total", "commune"),
           ("force_members_patrolling", "force_members", "team"),
           ("tasks_completed", "tasks_assigned", "team")]
_COUNTS = ["models_recognised", "conditional_business_violations", "illegal_weapons_cases",
           "reoffences", "serious_traffic_accidents", "rescue_callouts"]


def _target(i: int) -> Json:
    """One target of a kind that varies with ``i``: count, ratio, per-month any_of."""
    kind = i % 4
    condition: Json
    target: dict[str, Json] = {"id": f"t{i:05d}",
                               "label": {"vi": f"Chỉ tiêu {i}", "en": f"Target {i}"}}
    if kind == 0:
        condition = {"metric": _COUNTS[i % len(_COUNTS)], "comparator": "lte", "threshold": i % 5}
        target["level"] = "commune"
    elif kind in (1, 2):
        part, whole, level = _RATIOS[i % len(_RATIOS)]
        condition = {"numerator": part, "denominator": whole, "comparator": "gte",
                     "threshold": round((i % 100) / 100, 2), "when_no_cases": _LOCAL}
        target["level"] = level
    else:
        condition = {"any_of": [{"metric": "good_deeds", "comparator": "gte", "threshold": 1},
                                {"metric": "members_commended", "comparator": "gte",
                                 "threshold": i % 3}]}
        target["level"] = "team"
        target["per"] = "month"
    target["condition"] = condition
    target["source"] = _src(f"9.{i}", f"Chỉ tiêu số {i}")
    return target


def _criterion(c: int, per: int = 10) -> Json:
    return {"id": f"extra_{c:05d}", "label": {"vi": f"Nội dung {c}", "en": f"Content {c}"},
            "source": _src(f"9.{c}", f"Nội dung thi đua số {c}"),
            "targets": [_target(c * per + k) for k in range(per)]}


def _plan_head(plan_id: str) -> dict[str, Json]:
    return {"id": plan_id, "extends": "kon_plong"}


def big_plan(target: int, *, flow: bool = False, suffix: str = "") -> Make:
    """kon_plong with criteria of ten targets each appended, up to ``target`` bytes; ``flow``
    writes it as one line (JSON, which is YAML)."""
    def make(work: Path) -> tuple[int, list[str]]:
        plan_id = f"big_{'flow_' if flow else ''}{target}{suffix}"
        path = work / f"{plan_id}.yaml"
        if not path.exists():
            head = _plan_head(plan_id)
            if flow:
                start = json.dumps(head, ensure_ascii=False)[:-1] + ', "criteria": ['
                text, _ = _grow(start, lambda c: ("," if c else "") + json.dumps(
                    _criterion(c), ensure_ascii=False), "]}", target)
            else:
                text, _ = _grow(_block(head) + "criteria:\n",
                                lambda c: _block([_criterion(c)], 2), "", target)
            _write(path, text)
        return path.stat().st_size, [path.name]
    return make


def _campaign(start: str = "1990-01-01", end: str = "2100-12-31") -> Json:
    return {"start": start, "end": end,
            "source": _src("II.2", f"từ ngày {start} đến ngày {end}")}


def _phase(i: int, first: date, last: date) -> Json:
    return {"id": f"p{i:05d}", "label": {"vi": f"Đợt {i + 1}", "en": f"Phase {i + 1}"},
            "start": first.isoformat(), "end": last.isoformat(),
            "source": _src("II.2", f"Đợt {i + 1}")}


def many_phases(target: int) -> Path:
    """Phases of equal length covering 1990-2100, as many as ``target`` bytes hold."""
    head = _block({**_plan_head(f"phases_{target}"),
                   "remove": ["phase_1", "phase_2", "report_phase_1", "report_phase_2"],
                   "campaign": _campaign()}) + "phases:\n"
    first, last = date(1990, 1, 1), date(2100, 12, 31)
    one = len(_block([_phase(99_999, first, last)], 2).encode())
    count = max(1, (target - len(head.encode())) // one)
    days = max(1, ((last - first).days + 1) // count)

    def item(i: int) -> str:
        begin = first + timedelta(days=i * days)
        return _block([_phase(i, begin, min(last, begin + timedelta(days=days - 1)))], 2)
    text, _ = _grow(head, item, "", target, most=min(count, ((last - first).days + 1) // days))
    return _plan_file(f"phases_{target}", text)


def day_phases() -> Path:
    """kon_plong with one phase per day of its campaign (2024-10-15 to 2025-08-19): 309
    windows at the example's dates."""
    first = date(2024, 10, 15)
    head = _block({**_plan_head("day_phases"),
                   "remove": ["phase_1", "phase_2", "report_phase_1", "report_phase_2"]})
    days = (date(2025, 8, 19) - first).days + 1
    text = head + "phases:\n" + "".join(
        _block([_phase(i, first + timedelta(days=i), first + timedelta(days=i))], 2)
        for i in range(days))
    return _plan_file("day_phases", text)


def _deadline(i: int) -> Json:
    return {"id": f"monthly_{i:05d}",
            "label": {"vi": f"Báo cáo tháng số {i}", "en": f"Monthly report {i}"},
            "owed_by": "commune_people_committee", "to": ["district_people_committee"],
            "recurrence": {"freq": "monthly"},
            "source": _src("IV.5", f"báo cáo hằng tháng số {i}")}


def many_deadlines(target: int, most: int | None = None) -> Path:
    """Monthly recurring deadlines over a 1990-2100 campaign (two phases)."""
    name = f"deadlines_{target if most is None else most}"
    head = _block({**_plan_head(name), "remove": ["report_phase_1", "report_phase_2"],
                   "campaign": _campaign(),
                   "phases": [{"id": "phase_1", "start": "1990-01-01", "end": "2045-12-31"},
                              {"id": "phase_2", "start": "2046-01-01", "end": "2100-12-31",
                               "source": _src("II.2", "Đợt 2")}]})
    head += "deadlines:\n" if most != 0 else ""
    text, _ = _grow(head, lambda i: _block([_deadline(i)], 2), "", target, most)
    return _plan_file(name, text)


def at_limits(name: str, years: int, phases: int | None, added: int, deadlines: int) -> Path:
    """kon_plong grown towards the limits of emulation_rules.limits: a campaign of ``years``
    from 2024-10-15 cut into ``phases`` equal phases (None: kon_plong's two), ``added`` targets
    (a quarter of them per month) and ``deadlines`` monthly recurring deadlines."""
    first = date(2024, 10, 15)
    last = first.replace(year=first.year + years) - timedelta(days=1)
    span = (last - first).days + 1
    plan: dict[str, Json] = {**_plan_head(name),
                             "remove": ["report_phase_1", "report_phase_2"]}
    if phases is not None:
        plan["remove"] = ["phase_1", "phase_2", "report_phase_1", "report_phase_2"]
        plan["campaign"] = _campaign(first.isoformat(), last.isoformat())
        plan["phases"] = [_phase(i, first + timedelta(days=span * i // phases),
                                 first + timedelta(days=span * (i + 1) // phases - 1))
                          for i in range(phases)]
    if added:
        plan["criteria"] = [
            {"id": f"extra_{c:05d}", "label": {"vi": f"Nội dung {c}", "en": f"Content {c}"},
             "source": _src(f"9.{c}", f"Nội dung thi đua số {c}"),
             "targets": [_target(i) for i in range(c * 10, min(added, c * 10 + 10))]}
            for c in range((added + 9) // 10)]
    if deadlines:
        plan["deadlines"] = [_deadline(i) for i in range(deadlines)]
    return _plan_file(name, _block(plan))


_LIMITS = {  # name: (years, phases, added targets, monthly deadlines)
    "targets_100": (1, None, 89, 0),         # 100 targets on kon_plong's windows
    "phases_24": (2, 24, 0, 100),            # 24 phases over two years, 100 deadlines
    "every_limit": (10, 24, 89, 100),        # all at once: refused (decisions per unit)
}


def _limits_case(name: str) -> Path:
    return at_limits(name, *_LIMITS[name])


def _plan_file(plan_id: str, text: str) -> Path:
    path = _WORK[0] / f"{plan_id}.yaml"
    if not path.exists():
        _write(path, text)
    return path


_WORK: list[Path] = []  # the work folder, set once in main()


def _header() -> list[str]:
    with (EXAMPLES / "kon_plong_metrics.csv").open(encoding="utf-8-sig") as handle:
        return handle.readline().strip().split(",")


_COMMUNE_VALUES = "23,18,6,6,0,0,0,0,0,0,122,112,0,0,0,,,,,,"  # an h1x01 row of the example


def _communes() -> list[str]:
    with (EXAMPLES / "kon_plong_units.csv").open(encoding="utf-8-sig") as handle:
        return [line.split(",")[0] for line in handle if ",commune," in line]


def _months(first: int = 1990, last: int = 2100) -> list[str]:
    return [f"{y}-{m:02d}" for y in range(first, last + 1) for m in range(1, 13)]


def _metrics_file(name: str, rows: Callable[[int], str], target: int) -> Path:
    path = _WORK[0] / name
    if not path.exists():
        text, _ = _grow(",".join(_header()) + "\n", rows, "", target)
        _write(path, text)
    return path


_UNITS = str(EXAMPLES / "kon_plong_units.csv")
_METRICS = str(EXAMPLES / "kon_plong_metrics.csv")
_KP = ["--issued", "2024-10-15", "--as-of", "2025-09-01"]


def _evaluate(plan: str, metrics: str = _METRICS, units: str | None = _UNITS,
              dates: Sequence[str] = tuple(_KP), *more: str) -> list[str]:
    tree = ["--units", units] if units else []
    return ["evaluate", "--plan", plan, "--metrics", metrics, *tree, *dates, "--format", "json",
            *more]


def _size(path: Path) -> int:
    return path.stat().st_size


# --- the cases --------------------------------------------------------------------------------


def _fixed(args: list[str], size_of: str | None = None) -> Make:
    def make(work: Path) -> tuple[int, list[str]]:
        return (_size(Path(size_of)) if size_of else 0), args
    return make


def _on(path_of: Callable[[], Path], command: Callable[[str], list[str]]) -> Make:
    def make(work: Path) -> tuple[int, list[str]]:
        path = path_of()
        return _size(path), command(path.name)
    return make


def _big(target: int, flow: bool = False) -> Path:
    _, args = big_plan(target, flow=flow)(_WORK[0])
    return _WORK[0] / args[0]


def _big_changed(target: int) -> Path:
    """The big plan with every threshold of a count target raised, written in reverse order."""
    path = _WORK[0] / f"big_changed_{target}.yaml"
    if not path.exists():
        base = _big(target).read_text(encoding="utf-8")
        count = base.count("- id: \"extra_")
        head = _block(_plan_head(f"big_changed_{target}")) + "criteria:\n"

        def crit(c: int) -> str:
            data = _criterion(count - 1 - c)
            assert isinstance(data, dict) and isinstance(data["targets"], list)
            for t in data["targets"]:
                assert isinstance(t, dict) and isinstance(t["condition"], dict)
                if "threshold" in t["condition"] and "metric" in t["condition"]:
                    t["condition"]["threshold"] = 9
            return _block([data], 2)
        text, _ = _grow(head, crit, "", target + 10_000, most=count)
        _write(path, text)
    return path


def _units_5000() -> Path:
    path = _WORK[0] / "units_5000.csv"
    if not path.exists():
        lines = ["id,name,kind,bloc,parent", "d1,Huyện 1,district,,"]
        lines += [f"c{i:05d},Xã {i},commune,khoi_{i % 10},d1" for i in range(5000)]
        _write(path, "\n".join(lines) + "\n")
    return path


def unknown_units(target: int) -> Path:
    """Rows for units not in the 5,000-unit file, every one distinct and close to a known id."""
    return _metrics_file(f"unknown_units_{target}.csv", lambda i: (
        f"c{i:05d}x,{_months(2024, 2025)[9 + i % 11]},{_COMMUNE_VALUES}\n"), target)


def _example_units_under(parent: str) -> list[str]:
    out = []
    with (EXAMPLES / "kon_plong_units.csv").open(encoding="utf-8-sig") as handle:
        next(handle)
        for line in handle:
            cells = line.rstrip("\r\n").split(",")
            if cells[4] == "":
                cells[4] = parent
            out.append(",".join(cells))
    return out


def chain_units(target: int, *, depth: int | None = None, cycle: bool = False) -> Path:
    """The example's units hung under a parent chain of districts as deep as ``target`` bytes
    allow (or ``depth``); with ``cycle`` the chain's top names its bottom as parent."""
    name = f"chain_{'cycle_' if cycle else ''}{depth or target}.csv"
    path = _WORK[0] / name
    if not path.exists():
        tail = "\n".join(_example_units_under("z000000")) + "\n"
        base = "id,name,kind,bloc,parent\n"
        one = len("z000000,Chuỗi 000000,district,,z000000\n".encode())
        n = depth or (target - len((base + tail).encode())) // one
        rows = [f"z{i:06d},Chuỗi {i:06d},district,,"
                + (f"z{i + 1:06d}" if i + 1 < n else ("z000000" if cycle else "")) + "\n"
                for i in range(n)]
        _write(path, base + "".join(rows) + tail)
    return path


def spans_overlapping(target: int) -> Path:
    """Every commune, again and again, with spans of months inside the campaign (2024-10 to
    2025-08) that overlap one another: each is rejected or used after the overlap check."""
    communes, months = _communes(), _months(2024, 2025)[9:20]
    spans = [f"{months[a]}..{months[b]}" for a in range(11) for b in range(a + 1, 11)]
    return _metrics_file(f"spans_{target}.csv", lambda i: (
        f"{communes[i % len(communes)]},{spans[(i // len(communes)) % len(spans)]},"
        f"{_COMMUNE_VALUES}\n"), target)


def distinct_periods(target: int) -> Path:
    """Rows for every month from 1990 to 2100, spread over the communes."""
    communes, months = _communes(), _months()
    return _metrics_file(f"periods_{target}.csv", lambda i: (
        f"{communes[i % len(communes)]},{months[(i * 7) % len(months)]},{_COMMUNE_VALUES}\n"),
        target)


def duplicates(target: int) -> Path:
    """One unit and month, repeated."""
    return _metrics_file(f"duplicates_{target}.csv",
                         lambda i: f"h1x01,2024-10,{_COMMUNE_VALUES}\n", target)


def bad_periods(target: int) -> Path:
    """Every row a different period that is not one."""
    return _metrics_file(f"bad_periods_{target}.csv",
                         lambda i: f"h1x01,2024-{13 + i},{_COMMUNE_VALUES}\n", target)


def oversized_cell(cell: int = 900_000) -> Path:
    """A 900 KB unit cell in the middle of 200 good rows."""
    path = _WORK[0] / "oversized_cell.csv"
    if not path.exists():
        lines = (EXAMPLES / "kon_plong_metrics.csv").read_text(encoding="utf-8-sig").splitlines()
        body = [*lines[:101], "h1x01" + "x" * cell + ",2024-11," + _COMMUNE_VALUES, *lines[101:201]]
        _write(path, "\n".join(body) + "\n")
    return path


def one_line_header(target: int) -> Path:
    """One line: a header of unknown metric columns, each close to a known one."""
    path = _WORK[0] / f"one_line_{target}.csv"
    if not path.exists():
        text, _ = _grow("unit,period", lambda i: f",tips_totl_{i}", "\n", target)
        _write(path, text)
    return path


def huge_rows(target: int) -> Path:
    """Rows of 2,000 unknown columns each (the header repeats the pattern)."""
    path = _WORK[0] / f"wide_rows_{target}.csv"
    if not path.exists():
        header = "unit,period," + ",".join(f"c{i}" for i in range(2000)) + "\n"
        row = ",".join(["1"] * 2000)
        text, _ = _grow(header, lambda i: f"h1x01,{_months(1990)[i % 1332]},{row}\n", "", target)
        _write(path, text)
    return path


def sparse(name: str, size: int) -> Path:
    path = _WORK[0] / name
    if not path.exists():
        with path.open("wb") as handle:
            handle.truncate(size)
    return path


def nested_flow(target: int) -> Path:
    """A plan whose title is ``[[[[...]]]]`` to the last byte."""
    n, name = (target - 40) // 2, f"nested_flow_{target}"
    return _plan_file(name, f"id: {name}\ntitle: " + "[" * n + "]" * n + "\n")


def nested_block(target: int) -> Path:
    """A plan whose title is ``- - - - ... x``: block sequences nested on one line."""
    n, name = (target - 40) // 2, f"nested_block_{target}"
    return _plan_file(name, f"id: {name}\ntitle: \n  " + "- " * n + "x\n")


def nested_indent(target: int) -> Path:
    """A plan whose title nests mappings by indentation (depth grows as the root of size)."""
    name = f"nested_indent_{target}"
    text, _ = _grow(f"id: {name}\ntitle:\n", lambda d: " " * (d + 1) + f"k{d}:\n", "", target)
    return _plan_file(name, text + "\n")


def long_string(target: int) -> Path:
    """kon_plong with a 900 KB title (Vietnamese, combining marks to normalise)."""
    word = "Thi đua " + "e\u0301"  # "é" decomposed: NFC has work to do
    n, name = (target - 200) // len(word.encode()), f"long_string_{target}"
    return _plan_file(name, _block({**_plan_head(name), "title": {"vi": word * n, "en": "Long"}}))


_LONG = "Thi đua bảo vệ an ninh, trật tự ở cơ sở; "  # NFC, with marks


def _long_target(i: int) -> Json:
    """A target whose labels are 3,900 characters and whose quote is 790 (the model's limits
    are 4,000 and 800)."""
    label = (_LONG * 100)[:3900]
    return {"id": f"long_{i:04d}", "label": {"vi": label, "en": label}, "level": "commune",
            "condition": {"metric": _COUNTS[i % len(_COUNTS)], "comparator": "lte",
                          "threshold": i % 5},
            "source": _src(f"9.{i}", (_LONG * 30)[:790])}


def long_labels(target: int) -> Path:
    """kon_plong with criteria of targets at the length limits of their texts (as many as
    the limit on criteria allows: 43 added to kon_plong's seven)."""
    from emulation_rules import limits

    name = f"long_labels_{target}"
    text, _ = _grow(_block(_plan_head(name)) + "criteria:\n", lambda c: _block([{
        "id": f"long_{c:04d}", "label": {"vi": (_LONG * 100)[:3900], "en": "Long"},
        "source": _src(f"9.{c}", (_LONG * 30)[:790]),
        "targets": [_long_target(c)]}], 2), "", target, most=limits.CRITERIA - 7)
    return _plan_file(name, text)


def many_keys(target: int) -> Path:
    """A mapping of unknown keys, each close to a known one (a did-you-mean each)."""
    name = f"many_keys_{target}"
    text, _ = _grow(f"id: {name}\nextends: kon_plong\ncampaign:\n",
                    lambda i: f"  startt{i}: 1\n", "", target)
    return _plan_file(name, text)


def many_errors(target: int) -> Path:
    """Targets that each carry an impossible date-like label and an unknown metric."""
    def crit(c: int) -> str:
        data = _criterion(c)
        assert isinstance(data, dict) and isinstance(data["targets"], list)
        for t in data["targets"]:
            assert isinstance(t, dict)
            t["condition"] = {"metric": f"tips_totl{c}", "comparator": "gte", "threshold": 1}
        return _block([data], 2)
    name = f"many_errors_{target}"
    text, _ = _grow(_block(_plan_head(name)) + "criteria:\n", crit, "", target)
    return _plan_file(name, text)


def small_plans(count: int, broken: bool = False) -> list[str]:
    names = []
    for i in range(count):
        plan_id = f"small_{'broken_' if broken else ''}{i:03d}"
        body: dict[str, Json] = {**_plan_head(plan_id),
                                 "title": {"vi": f"Kế hoạch {i}", "en": f"Plan {i}"}}
        if broken:
            body["campaign"] = {"end": "31/02/2025", "mottto": "x"}
        _plan_file(plan_id, _block(body))
        names.append(f"{plan_id}.yaml")
    return names


def _chain_criterion(level: int, c: int) -> str:
    return _block([_criterion(level * 1000 + c)], 2)


def extends_chain(target: int, depth: int = 6) -> Make:
    """Six plans, each extending the one before and adding criteria, over kon_plong and its
    template: eight files, the most ``extends`` allows; ``target`` bytes in all."""
    def make(work: Path) -> tuple[int, list[str]]:
        parent, total = "kon_plong", 0
        for level in range(depth):
            plan_id = f"chain_plan_{level}"
            head = _block({"id": plan_id, "extends": parent}) + "criteria:\n"
            text, _ = _grow(head, partial(_chain_criterion, level), "", target // depth)
            total += _size(_plan_file(plan_id, text))
            parent = plan_id
        return total, ["validate", f"{parent}.yaml"]
    return make


def _lines_file(name: str, header: str, row: Callable[[int], str], target: int) -> Path:
    path = _WORK[0] / name
    if not path.exists():
        text, _ = _grow(header + "\n", row, "", target)
        _write(path, text)
    return path


def many_units(target: int) -> Path:
    return _lines_file(f"units_{target}.csv", "id,name,kind,bloc,parent",
                       lambda i: f"u{i:06d},Xã {i},commune,khoi_{i % 7},\n", target)


def units_unknown_parents(target: int) -> Path:
    return _lines_file(f"units_orphans_{target}.csv", "id,name,kind,bloc,parent",
                       lambda i: f"u{i:06d},Xã {i},commune,khoi_1,p{i:06d}\n", target)


def units_bad_kinds(target: int) -> Path:
    return _lines_file(f"units_kinds_{target}.csv", "id,name,kind,bloc,parent",
                       lambda i: f"u{i:06d},Xã {i},commune_{i},khoi_1,\n", target)


def attestations_unknown(target: int, column: str = "unit") -> Path:
    """Attestation rows for unknown units (or unknown windows), each distinct."""
    communes = _communes()
    if column == "unit":
        return _lines_file(f"att_units_{target}.csv", "unit,outstanding_achievement",
                           lambda i: f"{communes[i % len(communes)]}z{i},có\n", target)
    return _lines_file(f"att_windows_{target}.csv", "unit,window,outstanding_achievement",
                       lambda i: f"{communes[i % len(communes)]},phase_{i},có\n", target)


def submissions_unknown(target: int) -> Path:
    """Submission rows naming deadline instances that do not exist, each distinct."""
    return _lines_file(f"subs_unknown_{target}.csv", "unit,deadline,submitted",
                       lambda i: f"xa_{i},yearly_report:{3000 + i},2026-12-01\n", target)


def submissions_many(target: int) -> Path:
    """Submission rows for real instances of phuong_tien (to 2100), many units."""
    return _lines_file(f"subs_many_{target}.csv", "unit,deadline,submitted,kind",
                       lambda i: f"agency_{i:06d},yearly_report:{2026 + i % 75},"
                       f"{2026 + i % 75}-12-01,agency\n", target)


def prior_awards_bad(target: int) -> Path:
    return _lines_file(f"prior_{target}.csv", "unit,form,granted_by,count",
                       lambda i: f"agency_01,certificate_of_merit,provincial_peoples_{i},1\n",
                       target)


def bloc_units(target: int) -> Path:
    """phuong_tien's units and thousands more agencies in one bloc."""
    path = _WORK[0] / f"bloc_{target}.csv"
    if not path.exists():
        base = (EXAMPLES / "phuong_tien_units.csv").read_text(encoding="utf-8-sig")
        text, _ = _grow(base.rstrip("\n") + "\n", lambda i: (
            f"agency_x{i:06d},Cơ quan {i},agency,khoi_co_quan_doanh_nghiep_truong_hoc,"
            "xa_phuong_tien\n"), "", target)
        _write(path, text)
    return path


_PT = str(EXAMPLES / "phuong_tien_metrics.csv")
_PT_UNITS = str(EXAMPLES / "phuong_tien_units.csv")
_PT_ATT = str(EXAMPLES / "phuong_tien_attestations.csv")
_PT_PRIOR = str(EXAMPLES / "phuong_tien_prior_awards.csv")


def cases() -> list[Case]:
    out: list[Case] = [
        Case("startup: --version", _fixed(["--version"]), quick=True),
        Case("baseline: kon_plong example", _fixed(_evaluate("kon_plong"), _METRICS),
             quick=True),
    ]
    for size, quick in ((SMALL // 4, True), (SMALL, False), (LARGE, False)):
        out.append(Case(f"big plan {size // 1000} KB: evaluate",
                        _on(partial(_big, size), _evaluate), quick, "big plan evaluate"))
    for size, quick in ((SMALL, True), (LARGE, False)):
        out.append(Case(f"big plan {size // 1000} KB: validate",
                        _on(partial(_big, size), lambda p: ["validate", p]), quick,
                        "big plan validate"))
    out += [
        Case("big plan 990 KB: awards final", _on(lambda: _big(LARGE), lambda p: [
            "awards", *_evaluate(p)[1:], "--review", "final"])),
        Case("big plan 990 KB: --explain h1x01", _on(lambda: _big(LARGE), lambda p: [
            *_evaluate(p)[:-2], "--explain", "h1x01"])),
        Case("big plan 990 KB: markdown", _on(lambda: _big(LARGE), lambda p: [
            *_evaluate(p)[:-1], "markdown"])),
        Case("big plan 990 KB: show", _on(lambda: _big(LARGE), lambda p: ["show", p])),
        Case("big plan 990 KB: diff reversed", _on(lambda: _big_changed(LARGE), lambda p: [
            "diff", f"big_{LARGE}.yaml", p])),
        Case("big plan one line 990 KB: validate",
             _on(lambda: _big(LARGE, flow=True), lambda p: ["validate", p])),
        Case("big plan one line 990 KB: evaluate",
             _on(lambda: _big(LARGE, flow=True), _evaluate)),
    ]
    for size, quick in ((SMALL, True), (LARGE, False)):
        out.append(Case(f"phases {size // 1000} KB: timeline",
                        _on(partial(many_phases, size), lambda p: ["timeline", p]), quick,
                        "phases timeline"))
        out.append(Case(f"phases {size // 1000} KB: evaluate",
                        _on(partial(many_phases, size), lambda p: _evaluate(
                            p, dates=["--as-of", "2100-12-31"])), False, "phases evaluate"))
    out += [
        Case("309 one-day phases: timeline", _on(day_phases, lambda p: [
            "timeline", p, "--issued", "2024-10-15"]), quick=True),
        Case("309 one-day phases: evaluate", _on(day_phases, _evaluate), quick=True),
        Case("campaign 1990-2100, 2 phases: evaluate", _on(partial(many_deadlines, LARGE, 0),
                                                           lambda p: _evaluate(
            p, dates=["--as-of", "2100-12-31"])), quick=True),
    ]
    for label, size, most, quick in (("50 deadlines", LARGE, 50, True),
                                     (f"deadlines {SMALL // 1000} KB", SMALL, None, False),
                                     (f"deadlines {LARGE // 1000} KB", LARGE, None, False)):
        out.append(Case(f"{label}: timeline",
                        _on(partial(many_deadlines, size, most),
                            lambda p: ["timeline", p]), quick, "deadlines timeline"))
        out.append(Case(f"{label}: evaluate",
                        _on(partial(many_deadlines, size, most), lambda p: _evaluate(
                            p, dates=["--as-of", "2100-12-31"])), False, "deadlines evaluate"))
    out += [
        *(case for name in _LIMITS for case in _limit_cases(name)),
        Case("kon_plong --as-of 9999-12-30 (refused)", _fixed(_evaluate(
            "kon_plong", dates=["--issued", "2024-10-15", "--as-of", "9999-12-30"])),
            quick=True),
        Case("phuong_tien --until 9999-12-31 (refused)",
             _fixed(["timeline", "phuong_tien", "--until", "9999-12-31"]), quick=True),
        Case("phuong_tien --as-of 2100: timeline",
             _fixed(["timeline", "phuong_tien", "--as-of", "2100-12-31"]), quick=True),
        Case("phuong_tien --as-of 2100: ics",
             _fixed(["timeline", "phuong_tien", "--until", "2100-12-31", "--format", "ics"])),
        Case("phuong_tien --as-of 2100: evaluate", _fixed(_evaluate(
            "phuong_tien", _PT, _PT_UNITS, ["--as-of", "2100-12-31"], "--attestations", _PT_ATT),
            _PT), quick=True),
        Case("phuong_tien --as-of 2100: markdown", _fixed([*_evaluate(
            "phuong_tien", _PT, _PT_UNITS, ["--as-of", "2100-12-31"])[:-1], "markdown"], _PT)),
        Case("phuong_tien --as-of 2100: awards", _fixed([
            "awards", *_evaluate("phuong_tien", _PT, _PT_UNITS, ["--as-of", "2100-12-31"])[1:],
            "--review", "stage:2096-2100", "--prior-awards", _PT_PRIOR], _PT)),
    ]
    out.append(Case("5,000 units, example metrics", _on(_units_5000, lambda p: _evaluate(
        "kon_plong", units=p))))
    for label, size, quick in (("22 KB", 22_000, True), (f"{LARGE // 1000} KB", LARGE, False)):
        out.append(Case(f"unknown units {label} vs 5,000 units",
                        _on(partial(unknown_units, size), lambda p: _evaluate(
                            "kon_plong", p, _units_5000().name)), quick, "unknown units"))
    out += [
        Case("parent chain 8,000 deep", _on(lambda: chain_units(0, depth=8000), lambda p: (
            _evaluate("kon_plong", units=p))), quick=True, family="parent chain"),
        Case(f"parent chain {LARGE // 1000} KB", _on(lambda: chain_units(LARGE), lambda p: (
            _evaluate("kon_plong", units=p))), family="parent chain"),
        Case(f"parent cycle {LARGE // 1000} KB", _on(lambda: chain_units(LARGE, cycle=True),
                                                     lambda p: _evaluate("kon_plong", units=p))),
    ]
    for size, quick in ((SMALL, True), (LARGE, False)):
        out.append(Case(f"overlapping spans {size // 1000} KB, no tree",
                        _on(partial(spans_overlapping, size), lambda p: _evaluate(
                            "kon_plong", p, None)), quick, "spans"))
    out += [
        Case(f"distinct periods {LARGE // 1000} KB",
             _on(lambda: distinct_periods(LARGE), lambda p: _evaluate("kon_plong", p))),
        Case(f"duplicate rows {LARGE // 1000} KB",
             _on(lambda: duplicates(LARGE), lambda p: _evaluate("kon_plong", p))),
        Case(f"invalid periods {LARGE // 1000} KB",
             _on(lambda: bad_periods(LARGE), lambda p: _evaluate("kon_plong", p))),
        Case("900 KB cell in a metrics CSV",
             _on(oversized_cell, lambda p: _evaluate("kon_plong", p)), quick=True),
        Case(f"one-line CSV header {LARGE // 1000} KB",
             _on(lambda: one_line_header(LARGE), lambda p: _evaluate("kon_plong", p))),
        Case(f"rows of 2,000 cells {LARGE // 1000} KB",
             _on(lambda: huge_rows(LARGE), lambda p: _evaluate("kon_plong", p))),
        Case("1 GiB sparse plan: validate",
             _on(lambda: sparse("sparse.yaml", 1 << 30), lambda p: ["validate", p]), quick=True),
        Case("1 GiB sparse plan: evaluate",
             _on(lambda: sparse("sparse.yaml", 1 << 30), _evaluate)),
        Case("1 GiB sparse metrics CSV",
             _on(lambda: sparse("sparse.csv", 1 << 30), lambda p: _evaluate("kon_plong", p))),
        Case("190 MB sparse metrics CSV",
             _on(lambda: sparse("sparse_190.csv", 190_000_000),
                 lambda p: _evaluate("kon_plong", p))),
        Case(f"[[[...]]] nesting {LARGE // 1000} KB",
             _on(lambda: nested_flow(LARGE), lambda p: ["validate", p]), quick=True),
        Case(f"'- - - ...' nesting {LARGE // 1000} KB",
             _on(lambda: nested_block(LARGE), lambda p: ["validate", p])),
        Case(f"indented nesting {LARGE // 1000} KB",
             _on(lambda: nested_indent(LARGE), lambda p: ["validate", p])),
        Case("900 KB title: validate",
             _on(lambda: long_string(LARGE), lambda p: ["validate", p])),
        Case(f"texts at their limits {LARGE // 1000} KB: evaluate",
             _on(lambda: long_labels(LARGE), _evaluate)),
        Case(f"texts at their limits {LARGE // 1000} KB: markdown",
             _on(lambda: long_labels(LARGE), lambda p: [*_evaluate(p)[:-1], "markdown"])),
        Case(f"texts at their limits {LARGE // 1000} KB: show",
             _on(lambda: long_labels(LARGE), lambda p: ["show", p])),
        Case("validate 200 small plans", _many(lambda: small_plans(200)), quick=True),
        Case("validate 200 broken plans", _many(lambda: small_plans(200, broken=True))),
        Case(f"unknown keys {LARGE // 1000} KB",
             _on(lambda: many_keys(LARGE), lambda p: ["validate", p])),
        Case(f"unknown metrics {LARGE // 1000} KB",
             _on(lambda: many_errors(LARGE), lambda p: ["validate", p])),
        Case(f"extends chain of 8 files, {LARGE // 1000} KB: validate",
             extends_chain(LARGE)),
        *(Case(f"units file {size // 1000} KB", _on(partial(many_units, size), lambda p: (
            _evaluate("kon_plong", units=p))), size < LARGE, "units file")
          for size in (SMALL // 4, LARGE)),
        Case(f"unknown parents {LARGE // 1000} KB", _on(lambda: units_unknown_parents(LARGE),
                                                        lambda p: _evaluate("kon_plong",
                                                                            units=p))),
        Case(f"unknown unit kinds {LARGE // 1000} KB", _on(lambda: units_bad_kinds(LARGE),
                                                           lambda p: _evaluate("kon_plong",
                                                                               units=p))),
    ]
    for size, quick in ((22_000, True), (SMALL, False)):
        out.append(Case(f"attestations, unknown units {size // 1000} KB", _on(
            partial(attestations_unknown, size), lambda p: [
                *_evaluate("kon_plong"), "--attestations", p]), quick, "attestation units"))
    out += [
        Case(f"attestations, unknown windows {LARGE // 1000} KB", _on(
            lambda: attestations_unknown(LARGE, "window"), lambda p: [
                *_evaluate("kon_plong"), "--attestations", p])),
        Case(f"prior awards, unknown bodies {LARGE // 1000} KB", _on(
            lambda: prior_awards_bad(LARGE), lambda p: [
                "awards", *_evaluate("phuong_tien", _PT, _PT_UNITS, ["--as-of", "2030-12-31"])[
                    1:], "--review", "stage:2026-2030", "--prior-awards", p])),
        *(Case(f"one bloc of thousands {size // 1000} KB", _on(
            partial(bloc_units, size), lambda p: [
                "awards", *_evaluate("phuong_tien", _PT, p, ["--as-of", "2030-12-31"])[1:],
                "--review", "stage:2026-2030", "--attestations", _PT_ATT]), size < LARGE,
            "bloc") for size in (SMALL // 4, LARGE)),
    ]
    for size, quick in ((22_000, True), (SMALL, False)):
        out.append(Case(f"submissions, unknown deadlines {size // 1000} KB", _on(
            partial(submissions_unknown, size), lambda p: [
                "timeline", "phuong_tien", "--until", "2100-12-31", "--as-of", "2100-12-31",
                "--submissions", p]), quick, "submissions unknown"))
    for size, quick in ((SMALL // 4, True), (SMALL, False)):
        out.append(Case(f"submissions to 2100 {size // 1000} KB", _on(
            partial(submissions_many, size), lambda p: [
                "timeline", "phuong_tien", "--until", "2100-12-31", "--as-of", "2100-12-31",
                "--submissions", p]), quick, "submissions"))
    return out


def _limit_cases(name: str) -> list[Case]:
    plan = partial(_limits_case, name)
    last = date(2024, 10, 15).replace(year=2024 + _LIMITS[name][0]) - timedelta(days=1)
    dates = ["--issued", "2024-10-15", "--as-of", last.isoformat()]
    label = f"limits {name}"
    return [
        Case(f"{label}: validate", _on(plan, lambda p: ["validate", p]), quick=True),
        Case(f"{label}: timeline", _on(plan, lambda p: ["timeline", p, *dates[:2]])),
        Case(f"{label}: evaluate", _on(plan, lambda p: _evaluate(p, dates=dates)), quick=True),
        Case(f"{label}: markdown", _on(plan, lambda p: [*_evaluate(p, dates=dates)[:-1],
                                                         "markdown"])),
        Case(f"{label}: awards final", _on(plan, lambda p: [
            "awards", *_evaluate(p, dates=dates)[1:], "--review", "final"])),
    ]


def _many(names_of: Callable[[], list[str]]) -> Make:
    def make(work: Path) -> tuple[int, list[str]]:
        names = names_of()
        return sum(_size(work / n) for n in names), ["validate", *names]
    return make


# --- report -----------------------------------------------------------------------------------


def _human(size: int) -> str:
    if size == 0:
        return "-"
    if size >= 1 << 30:
        return f"{size / (1 << 30):.1f} GiB"
    if size >= 1_000_000:
        return f"{size / 1_000_000:.1f} MB"
    return f"{size / 1000:.1f} KB"


_SHORT = {
    "$KP": "--metrics examples/kon_plong_metrics.csv --units examples/kon_plong_units.csv",
    "$PT": "--metrics examples/phuong_tien_metrics.csv --units examples/phuong_tien_units.csv",
    "$DATES": "--issued 2024-10-15 --as-of 2025-09-01",
}


def _command(args: list[str], work: Path) -> str:
    shown = []
    for arg in args:
        if arg.startswith(str(EXAMPLES)):
            arg = "examples/" + arg[len(str(EXAMPLES)) + 1:]
        shown.append(arg)
    text = "emulation-rules " + shlex.join(shown)
    for short, long in _SHORT.items():
        text = text.replace(long, short)
    return text if len(text) <= 150 else text[:147] + "..."


def _row(o: Outcome, work: Path, width: int) -> str:
    seconds = f"{o.seconds:.2f}" + ("!" if o.killed else "")
    return (f"{o.case.name:<{width}} {_human(o.size):>9} {o.code:>4} {seconds:>7} "
            f"{o.peak_mb:>7.0f} {_human(o.out_bytes):>9} {'yes' if o.within else 'NO':>4}  "
            f"{_command(o.args, work)}")


def _last_line(text: str) -> str:
    lines = [line for line in text.splitlines() if line.strip()]
    last = lines[-1] if lines else ""
    last = last.encode("unicode_escape").decode("ascii") if not last.isprintable() else last
    return last if len(last) <= 110 else last[:107] + "..."


def report(outcomes: list[Outcome], work: Path) -> None:
    width = max(len(o.case.name) for o in outcomes) if outcomes else 4
    for short, long in _SHORT.items():
        print(f"{short} = {long}")
    print()
    print(f"{'case':<{width}} {'input':>9} {'exit':>4} {'wall s':>7} {'peak MB':>7} "
          f"{'output':>9} {'ok':>4}  command")
    for o in outcomes:
        print(_row(o, work, width))
    print("\n(input: the grown input's size; output: bytes written to stdout; ok: within 2 s and "
          "256 MB, no traceback; ! = killed)")
    print("\nlast line of stderr per case:")
    for o in outcomes:
        note = o.killed or _last_line(o.err_tail) or "(none)"
        if "Traceback" in o.err_tail:
            note = "TRACEBACK: " + note
        print(f"  {o.case.name:<{width}} {note}")
    families: dict[str, list[Outcome]] = {}
    for o in outcomes:
        if o.case.family:
            families.setdefault(o.case.family, []).append(o)
    floor = next((o.seconds for o in outcomes if o.case.name.startswith("startup")), 0.0)
    floor_mb = next((o.peak_mb for o in outcomes if o.case.name.startswith("startup")), 0.0)
    grown = {k: v for k, v in families.items() if len(v) > 1}
    if grown:
        print(f"\ngrowth (in each family, the smallest size against the largest that finished; "
              f"time and memory above the start of an interpreter, {floor:.2f} s and "
              f"{floor_mb:.0f} MB):")
        for family, group in grown.items():
            done = [o for o in group if not o.killed]
            if len(done) < 2 or done[0].size == 0:
                print(f"  {family:<28} (fewer than two sizes finished: not compared)")
                continue
            a, b = done[0], done[-1]
            t = (b.seconds - floor) / max(a.seconds - floor, 1e-3)
            m = (b.peak_mb - floor_mb) / max(a.peak_mb - floor_mb, 1e-3)
            print(f"  {family:<28} input x{b.size / a.size:5.1f}   time x{t:6.1f}   "
                  f"memory x{m:6.1f}   ({_human(a.size)} -> {_human(b.size)})")
    goal = [o for o in outcomes if o.size < GOAL_BYTES]
    over = [o for o in goal if not o.within]
    print(f"\nsummary: {len(over)} of the {len(goal)} case(s) with an input under 1 MB exceed "
          "the budget (2 s, 256 MB)" + (": " + "; ".join(o.case.name for o in over)
                                          if over else ""))
    beyond = [o for o in outcomes if o.size >= GOAL_BYTES and not o.within]
    if beyond:
        print("beyond the goal (an input of 1 MB or more), over the budget: "
              + "; ".join(o.case.name for o in beyond))


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    ap.add_argument("--quick", action="store_true", help="a subset: the smaller sizes")
    ap.add_argument("--only", default="", help="run the cases whose name contains this")
    ap.add_argument("--timeout", type=float, default=60.0, help="kill a case after this (s)")
    ap.add_argument("--max-memory", type=int, default=8192,
                    help="address-space limit of a case (MB)")
    ap.add_argument("--keep", action="store_true", help="keep the generated inputs")
    opts = ap.parse_args(argv)
    selected = [c for c in cases() if (c.quick or not opts.quick) and opts.only in c.name]
    print(f"machine: {platform.machine()}, CPython {platform.python_version()}, "
          f"{platform.system()}, {os.cpu_count()} cpu(s); CLI: {shlex.join(_cli()[1:])}; "
          f"timeout {opts.timeout:g} s; {len(selected)} case(s)\n", flush=True)
    work = Path(tempfile.mkdtemp(prefix="adversarial-"))
    _WORK.append(work)
    outcomes = []
    try:
        for case in selected:
            outcome = run(case, work, opts.timeout, opts.max_memory)
            print(f"  ran {case.name}: {outcome.seconds:.2f} s, {outcome.peak_mb:.0f} MB",
                  file=sys.stderr, flush=True)
            outcomes.append(outcome)
    finally:
        if opts.keep:
            print(f"inputs kept in {work}", file=sys.stderr)
        else:
            for path in sorted(work.iterdir()):
                path.unlink()
            work.rmdir()
    report(outcomes, work)
    return 0


if __name__ == "__main__":
    sys.exit(main())
