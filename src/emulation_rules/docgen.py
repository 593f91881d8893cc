"""Render reference pages from the code, so that docs and code cannot drift apart."""

from __future__ import annotations

from typing import Any

from ._resources import bundled_plan_ids
from .codes import AREAS, CODES
from .conditions import reads_of
from .loading import load_plan
from .model import MetricCondition, Plan
from .vocabulary import ATTESTATIONS, METRICS

__all__ = ["guide_codes_doc", "issue_codes_doc", "metric_usage", "render_conditions_doc",
           "render_metrics_doc", "with_conditions_doc", "with_guide_codes_doc"]

_INTRO = """\
# The metric vocabulary

Targets in a plan name **metrics**: counts recorded for one unit and one period (a month for the
four 2024 plans, a year for `phuong_tien`). A plan that names a metric not listed here is
rejected (`unknown-metric`, with a did-you-mean hint); editors that read the schema offer these
names as completions. The four 2024 plans share one vocabulary; where a plan's wording changes
what is counted (Bắc Giang's mass-organisation models "biểu dương, nhân rộng", Ninh Thuận's
models "ghi nhận và đánh giá cao"), it names a different metric.

**Ratios are pairs of counts.** "80% of tips through the force" is the numerator
`tips_via_force` over the denominator `tips_total`. Over a phase, a ratio is the sum of the
numerators over the sum of the denominators, never a mean of monthly ratios. Every ratio target
declares `when_no_cases` (met, not_met or unknown) for a period whose denominator is 0.

**Level** is the unit where a count is recorded. A count recorded per `team` (the security team
of a village or residential group) sums up to its `commune` when a target is checked "trên địa
bàn" (in the area); a count recorded per `commune` cannot be checked per team
(`level-mismatch`). Counts about the grassroots force as a whole (its members, the members who
patrol) are recorded per team and summed to the commune's force.

**Unit**: every metric is a `count` (a whole number of 0 or more) for one unit and period.
**Direction** says which way is better: `higher`, `lower`, or `neutral` (a denominator).

This page is generated from `src/emulation_rules/vocabulary.py` and the bundled plans by
`python scripts/gen_metrics_doc.py > docs/metrics.md`; a test fails when it is out of date.
"""


def _names(cond: Any) -> list[str]:
    return reads_of(cond)


def _plan_names(plan: Plan) -> set[str]:
    names = {n for c in plan.criteria for t in c.targets for n in _names(t.condition)}
    for award in plan.awards:
        for standard in award.standards:
            for cond in standard.conditions:
                if isinstance(cond, MetricCondition):
                    names.update(_names(cond.condition))
                attestation = getattr(cond, "attestation", None)
                if attestation:
                    names.add(attestation)
    return names


def metric_usage() -> dict[str, list[str]]:
    """For each metric or attestation id, the bundled non-template plans that use it."""
    usage: dict[str, list[str]] = {name: [] for name in [*METRICS, *ATTESTATIONS]}
    for plan_id in bundled_plan_ids():
        plan = load_plan(plan_id)
        if plan.template:
            continue
        for name in sorted(_plan_names(plan)):
            usage.setdefault(name, []).append(plan_id)
    return usage


def render_metrics_doc() -> str:
    usage = metric_usage()
    lines = [_INTRO, "## Metrics", "",
             "| metric | Vietnamese | English | unit | level | direction | used by |",
             "| --- | --- | --- | --- | --- | --- | --- |"]
    for m in METRICS.values():
        used = ", ".join(usage[m.id]) or "(none yet)"
        lines.append(f"| `{m.id}` | {m.vi} | {m.en} | {m.unit} | {m.level} | {m.direction} | "
                     f"{used} |")
    lines += ["", "## Attestations", "",
              "Yes/no facts that a person certifies rather than counts (a rating, a "
              "certification, a judgement the document leaves to local authorities). Award "
              "conditions of kind `attestation` and `judgement` name them.", "",
              "| attestation | Vietnamese | English | used by |", "| --- | --- | --- | --- |"]
    for a in ATTESTATIONS.values():
        used = ", ".join(usage[a.id]) or "(none yet)"
        lines.append(f"| `{a.id}` | {a.vi} | {a.en} | {used} |")
    return "\n".join(lines) + "\n"


START, END = "<!-- conditions:start -->", "<!-- conditions:end -->"


def render_conditions_doc() -> str:
    """The condition kinds and comparators, from the one table the evaluator uses."""
    from .conditions import COMPARATORS, KINDS

    lines = ["| kind | keys | how it is decided |", "| --- | --- | --- |"]
    lines += [f"| {k.id} | {k.keys} | {k.doc} |" for k in KINDS.values()]
    lines += ["", "| comparator | the documents' wording | Vietnamese | English |",
              "| --- | --- | --- | --- |"]
    lines += [f"| `{c.id}` | {c.wording} | {c.vi.format('X')} | {c.en.format('X')} |"
              for c in COMPARATORS.values()]
    return "\n".join(lines) + "\n"


def with_conditions_doc(page: str) -> str:
    """``page`` with the text between the conditions markers regenerated."""
    head, _, rest = page.partition(START)
    _, _, tail = rest.partition(END)
    return f"{head}{START}\n{render_conditions_doc()}{END}{tail}"


_CODES_INTRO = """\
# Issue codes

Every problem the library finds in a plan, a table or an evaluation is an issue with a stable
**code**, shown as `file:line:column: error[code] message (hint)` (a table's row and column
instead of line and column; `--format json` gives the same as data). Tools and tests key on
the code; the message and the hint say what was found in your file.

- **error** (lỗi): the file, or the row, is not used (`validate` exits with 1; `evaluate`
  reports the row as rejected, and exits with 1 under `--strict`).
- **warning** (cảnh báo): said, and the rest goes on as described.

Mỗi vấn đề mà công cụ phát hiện trong kế hoạch, tệp số liệu hay khi đánh giá đều có một **mã**
cố định; thông báo và gợi ý kèm theo cho biết cụ thể điều gì sai trong tệp. **Lỗi**: tệp hoặc
dòng đó không được dùng. **Cảnh báo**: vẫn tiếp tục, như mô tả dưới đây.

This page is generated from `src/emulation_rules/codes.py` by
`python scripts/gen_metrics_doc.py --codes`; a test fails when it is out of date, and another
when the library reports a code that is not listed here. How plan files are written:
[plan-format.md](plan-format.md); the rows an evaluation reads: [evaluation.md](evaluation.md).
"""

_AREA_TITLES = {
    "plan": "Tệp kế hoạch / Plan files",
    "table": "Tệp bảng / Table files (metrics, units, attestations, awards, submissions)",
    "evaluation": "Đánh giá / Evaluation",
    "timeline": "Tiến độ / Timeline",
    "awards": "Khen thưởng / Awards",
    "submissions": "Báo cáo đã nộp / Submissions",
}

_SEVERITY_NAMES = {"error": "lỗi / error", "warning": "cảnh báo / warning"}


def _md_cell(text: str) -> str:
    """Text safe in a Markdown table cell: no column break, no HTML, no stray emphasis."""
    return text.replace("\\", "\\\\").replace("|", "\\|").replace("<", "&lt;").replace(
        "*", "\\*")


def issue_codes_doc() -> str:
    """docs/issue-codes.md: every issue code of the registry, by area, Vietnamese first."""
    lines = [_CODES_INTRO]
    for area in AREAS:
        codes = [c for c in CODES.values() if c.area == area]
        if not codes:
            continue
        lines += [f"## {_AREA_TITLES[area]}", "",
                  "| code | mức độ / severity | ý nghĩa / meaning | cách xử lý / what to do |",
                  "| --- | --- | --- | --- |"]
        lines += [f"| `{c.code}` | {_SEVERITY_NAMES[c.severity]} | {_md_cell(c.meaning_vi)}"
                  f"<br>*{_md_cell(c.meaning_en)}* | {_md_cell(c.fix_vi)}"
                  f"<br>*{_md_cell(c.fix_en)}* |" for c in codes]
        lines.append("")
    return "\n".join(lines)


GUIDE_CODES_START, GUIDE_CODES_END = "<!-- codes:start -->", "<!-- codes:end -->"
"""The markers of the generated section of the Vietnamese staff guide."""

_FILE_CODES = ("unreadable", "encoding", "empty-file", "too-large")
"""Codes of the table area that a plan file (or a plan test file) gets too, when the file
itself cannot be read: listed with the plan's codes as well as with the data's."""

_GUIDE_GROUPS = (
    ("7.1. Khi kiểm tra tệp kế hoạch (`validate`) hoặc tệp kiểm thử (`test`)",
     "Tệp kiểm thử kế hoạch được đọc như tệp kế hoạch, nên gặp cùng các mã này.",
     ("plan",)),
    ("7.2. Khi đọc số liệu (`test`, `evaluate`, `awards`, `report`, `timeline`)",
     "Các tệp số liệu (CSV, Excel, JSON, YAML) của `evaluate`, `awards`, `report`, "
     "`timeline --submissions`, và các dòng units, metrics, attestations, prior_awards của tệp "
     "kiểm thử (khi đó thông báo chỉ ra dòng của tệp kiểm thử).",
     ("table", "evaluation", "timeline", "submissions")),
)

_SEVERITY_VI = {"error": "lỗi", "warning": "cảnh báo"}


def guide_codes_doc() -> str:
    """The section of docs/vi/huong-dan-soan-ke-hoach.md listing every issue code, in
    Vietnamese: the codes a plan file can get first (errors, then warnings), then those of the
    data a run reads."""
    lines: list[str] = []
    for title, note, areas in _GUIDE_GROUPS:
        extra = _FILE_CODES if "plan" in areas else ()
        codes = [c for c in CODES.values() if c.area in areas or c.code in extra]
        codes.sort(key=lambda c: c.severity != "error")  # errors first, else registry order
        lines += [f"### {title}", "", note, "",
                  "| mã | mức độ | ý nghĩa | cách xử lý |", "| --- | --- | --- | --- |"]
        lines += [f"| `{c.code}` | {_SEVERITY_VI[c.severity]} | {_md_cell(c.meaning_vi)} | "
                  f"{_md_cell(c.fix_vi)} |" for c in codes]
        lines.append("")
    return "\n".join(lines)


def with_guide_codes_doc(page: str) -> str:
    """``page`` (the staff guide) with the text between its codes markers regenerated."""
    head, found, rest = page.partition(GUIDE_CODES_START)
    if not found:
        raise ValueError(f"the page has no {GUIDE_CODES_START} marker")
    _, found, tail = rest.partition(GUIDE_CODES_END)
    if not found:
        raise ValueError(f"the page has no {GUIDE_CODES_END} marker")
    return f"{head}{GUIDE_CODES_START}\n{guide_codes_doc()}{GUIDE_CODES_END}{tail}"
