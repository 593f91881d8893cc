"""Developer script: regenerate the tables of docs/metrics.md from the vocabulary and the plans.

Usage: python scripts/gen_metrics_doc.py > docs/metrics.md
       python scripts/gen_metrics_doc.py --conditions   # rewrites the tables in docs/plan-format.md
       python scripts/gen_metrics_doc.py --codes        # rewrites docs/issue-codes.md
       python scripts/gen_metrics_doc.py --guide        # rewrites the codes section of
                                                        # docs/vi/huong-dan-soan-ke-hoach.md
A test (tests/test_docs.py, tests/test_codes.py) checks that the committed pages match what
this writes.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))

from emulation_rules.docgen import (
    issue_codes_doc,
    render_metrics_doc,
    with_conditions_doc,
    with_guide_codes_doc,
)

DOCS = Path(__file__).resolve().parent.parent / "docs"

if sys.argv[1:] == ["--conditions"]:
    page = DOCS / "plan-format.md"
    page.write_text(with_conditions_doc(page.read_text(encoding="utf-8")), encoding="utf-8")
elif sys.argv[1:] == ["--codes"]:
    (DOCS / "issue-codes.md").write_text(issue_codes_doc(), encoding="utf-8")
elif sys.argv[1:] == ["--guide"]:
    page = DOCS / "vi" / "huong-dan-soan-ke-hoach.md"
    page.write_text(with_guide_codes_doc(page.read_text(encoding="utf-8")), encoding="utf-8")
else:
    sys.stdout.write(render_metrics_doc())
