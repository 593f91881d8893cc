"""Every command, the same run in both languages (issue 13, item 4, "done when": a test
switches ``--lang`` and finds Vietnamese and English text for the same run).

For each command and output (text, JSON, CSV, calendar, HTML report, both workbooks): the
run in Vietnamese and the run in English give the same exit code; the Vietnamese holds no
English sentence of the catalogue (every literal stretch of 24 characters or more of an
entry's English that its Vietnamese does not share), and each holds its own language's words
for that output. The data comes from the bundled examples.
"""

from __future__ import annotations

import io
import re
import string
from collections.abc import Callable
from pathlib import Path

import pytest

from emulation_rules._catalog import entries
from emulation_rules.cli import run

from .conftest import INVALID, ROOT

EX = ROOT / "examples"


def _chunks(template: str) -> list[str]:
    """The literal stretches of a template, placeholders taken out."""
    return [lit for lit, _, _, _ in string.Formatter().parse(template)]


def _english_only() -> list[str]:
    out = set()
    for e in entries():
        if e.note == "argparse" or e.id == "literal" or e.id.startswith("labels.body."):
            continue  # a body's name may stand in a plan's own English text (its issuer)
        vi = e.vi
        for lit in _chunks(e.en):
            for piece in re.split(r"[()\[\]'\"]", lit):
                piece = piece.strip(" ;:,.-—")
                if len(piece) >= 24 and piece not in vi and re.search(r"[a-z]{3} [a-z]{2}",
                                                                      piece):
                    out.add(piece)
    return sorted(out)


ENGLISH = _english_only()


def _cli(argv: list[str]) -> tuple[int, str]:
    out, err = io.StringIO(), io.StringIO()
    code = run(argv, stdout=out, stderr=err)
    return code, out.getvalue() + err.getvalue()


def _xlsx_text(path: Path) -> str:
    import openpyxl

    book = openpyxl.load_workbook(path, read_only=True)
    cells = [str(c) for ws in book.worksheets for row in ws.iter_rows(values_only=True)
             for c in row if isinstance(c, str)]
    return "\n".join([*book.sheetnames, *cells])


KP = ["--plan", "kon_plong", "--metrics", str(EX / "kon_plong_metrics.csv"), "--units",
      str(EX / "kon_plong_units.csv"), "--issued", "2024-10-15", "--as-of", "2025-08-31"]
NT = ["--plan", "ninh_thuan", "--metrics", str(EX / "ninh_thuan_metrics.csv"), "--units",
      str(EX / "ninh_thuan_units.csv"), "--issued", "2024-11-05", "--as-of", "2025-08-31"]

# command line (an output file is written to {out}), what the Vietnamese run shows, what the
# English one shows
RUNS: dict[str, tuple[list[str], str, str]] = {
    "validate": (["validate", str(INVALID / "duplicate_key.yaml")],
                 "xuất hiện hai lần", "appears twice"),
    "validate-json": (["validate", str(INVALID / "unknown_key.yaml"), "--format", "json"],
                      "có phải là", "did you mean"),
    "validate-sarif": (["validate", str(INVALID / "duplicate_key.yaml"), "--format", "sarif"],
                       "xuất hiện hai lần", "appears twice"),
    "show": (["show", "kon_plong"], "kế hoạch đã áp dụng kế thừa", "resolved plan"),
    "diff": (["diff", "kon_plong", "bac_giang"], "điểm khác nhau", "difference(s)"),
    "timeline": (["timeline", "bac_giang", "--issued", "2024-09-01", "--as-of", "2025-06-01"],
                 "không thuộc đợt nào", "gap (no phase)"),
    "timeline-side-by-side": (["timeline", "kon_plong", "bac_giang", "--issued",
                               "2024-11-05"], "kế hoạch", "plan"),
    "timeline-json": (["timeline", "bac_giang", "--issued", "2024-08-01", "--format", "json"],
                      "ngày ban hành", "issue date"),
    "timeline-ics": (["timeline", "ninh_thuan", "--issued", "2024-11-05", "--format", "ics"],
                     "Đợt 1", "Phase 1"),
    "submissions": (["timeline", "kon_plong", "--issued", "2024-10-15", "--as-of",
                     "2025-02-10", "--submissions", "{subs}", "--units",
                     str(EX / "kon_plong_units.csv")], "đúng hạn", "on_time"),
    "evaluate": (["evaluate", *KP], "chưa xác định", "unknown"),
    "evaluate-csv": (["evaluate", *KP, "--format", "csv"], "Toàn kế hoạch", "Whole plan"),
    "evaluate-json": (["evaluate", *KP, "--format", "json"], "Toàn kế hoạch", "Whole plan"),
    "evaluate-explain": (["evaluate", *KP, "--explain", "h1x01"], "tháng", "month"),
    "evaluate-xlsx": (["evaluate", *KP, "--format", "xlsx", "--output", "{out}.xlsx"],
                      "Toàn kế hoạch", "Whole plan"),
    "awards": (["awards", *NT, "--review", "final"], "đủ điều kiện", "eligible"),
    "awards-explain": (["awards", *NT, "--review", "final", "--explain", "h2x01"],
                       "Xếp hạng", "Rank"),
    "awards-xlsx": (["awards", *NT, "--review", "final", "--format", "xlsx", "--output",
                     "{out}.xlsx"], "Ứng viên khen thưởng", "Award candidates"),
    "report": (["report", *NT, "--review", "final", "--output", "{out}.html"],
               "Thông tin chung", "Summary"),
    "template": (["template", "--plan", "kon_plong", "--units",
                  str(EX / "kon_plong_units.csv"), "--from", "2024-10", "--to", "2024-12",
                  "--output", "{out}.xlsx"], "Nhập liệu", "Data entry"),
    "usage-error": (["evaluate", "--plan", "kon_plong", "--metrics", "nowhere.csv"],
                    "không có tệp", "no file"),
}


@pytest.fixture
def in_lang(tmp_path: Path, monkeypatch: pytest.MonkeyPatch
            ) -> Callable[[str, str], tuple[int, str]]:
    monkeypatch.delenv("EMULATION_RULES_LANG", raising=False)
    subs = tmp_path / "subs.csv"
    subs.write_text("unit,deadline,submitted\nxa_dak_long,report_phase_1,2025-02-02\n"
                    "xa_hieu,report_phase_1,03/02/2025\nxa_hieu,report_phase_9,2025-02-02\n",
                    encoding="utf-8")

    def invoke(name: str, lang: str) -> tuple[int, str]:
        argv, _, _ = RUNS[name]
        out = tmp_path / f"{name}-{lang}"
        argv = [a.replace("{out}", str(out)).replace("{subs}", str(subs)) for a in argv]
        code, text = _cli([*argv, "--lang", lang])
        for path in tmp_path.glob(f"{name}-{lang}.*"):
            text += _xlsx_text(path) if path.suffix == ".xlsx" else path.read_text("utf-8")
        return code, text

    return invoke


@pytest.mark.parametrize("name", sorted(RUNS))
def test_the_same_run_in_vietnamese_and_in_english(
        name: str, in_lang: Callable[[str, str], tuple[int, str]]) -> None:
    _, vi_word, en_word = RUNS[name]
    vi_code, vi = in_lang(name, "vi")
    en_code, en = in_lang(name, "en")
    assert vi_code == en_code, (vi, en)
    assert vi_word in vi, vi[:2000]
    assert en_word in en, en[:2000]
    assert vi != en
    left = [piece for piece in ENGLISH if piece in vi]
    assert not left, f"English sentences in the Vietnamese output of {name}: {left[:10]}"


def test_the_english_sentences_looked_for_are_many() -> None:
    """The check above is not vacuous: it looks for hundreds of English sentences."""
    assert len(ENGLISH) > 300
    assert "appears twice in the same mapping" in ENGLISH
