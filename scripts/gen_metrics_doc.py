"""Developer script: regenerate the tables of docs/metrics.md from the vocabulary and the plans.

Usage: python scripts/gen_metrics_doc.py > docs/metrics.md
A test (tests/test_docs.py) checks that the committed page matches what this prints.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))

from emulation_rules.docgen import render_metrics_doc

sys.stdout.write(render_metrics_doc())
