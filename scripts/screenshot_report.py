"""Regenerate docs/img/report_ninh_thuan.png: the top of Ninh Thuận's report as headless
Chromium shows it (1280 x 1800). Needs Chromium (Debian's package `chromium`).

    python scripts/screenshot_report.py
"""

from __future__ import annotations

import contextlib
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from emulation_rules.cli import run

ROOT = Path(__file__).resolve().parent.parent
OUTPUT = ROOT / "docs" / "img" / "report_ninh_thuan.png"


def main() -> int:
    browser = shutil.which("chromium") or shutil.which("chromium-browser")
    if browser is None:
        print("no chromium: install Debian's package 'chromium'", file=sys.stderr)
        return 1
    # run from the repository as the README does: the record names the inputs as given
    # (examples/...), not by this machine's absolute paths
    with tempfile.TemporaryDirectory() as folder, contextlib.chdir(ROOT):
        report = Path(folder) / "baocao.html"
        code = run(["report", "--plan", "ninh_thuan", "--metrics",
                    "examples/ninh_thuan_metrics.csv", "--units", "examples/ninh_thuan_units.csv",
                    "--issued", "2024-11-05", "--as-of", "2025-08-31", "--review", "final",
                    "--lang", "vi", "--output", str(report)],
                   stdout=sys.stdout, stderr=sys.stderr)
        if code != 0:
            return code
        subprocess.run([browser, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                        "--no-first-run", "--disable-background-networking",
                        "--disable-component-update", "--disable-sync",
                        f"--user-data-dir={Path(folder) / 'profile'}",
                        f"--screenshot={OUTPUT}", "--window-size=1280,1800",
                        report.as_uri()], check=True, capture_output=True, timeout=120)
    print(f"wrote {OUTPUT.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
