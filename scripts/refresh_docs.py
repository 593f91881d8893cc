"""Re-run every shown run of README.md and docs/**/*.md and rewrite its output in place.

    python scripts/refresh_docs.py            # rewrite the blocks whose output changed
    python scripts/refresh_docs.py --check    # write nothing; exit 1 if a block would change
    python scripts/refresh_docs.py docs/timeline.md   # some documents only

A shown run is a ```console block (the convention: docs/README.md and the docstring of
tests/test_doc_runs.py, whose machinery this script uses). A block whose output still matches,
after normalising plan hashes, today's date and temporary paths, is left exactly as written, so
running the script twice changes nothing the second time. A block with ``...`` elisions keeps
them where they still fit (the part before the first ``...`` keeps its number of lines from the
start of the output, the part after the last one its number of lines from the end, a part
between two is found again by its lines or its first line).

A command that cannot run (a traceback, or a block that breaks the convention) keeps its block
as written; the script reports it and exits 2. Exit 0: every block ran (rewritten or not).
"""

from __future__ import annotations

import argparse
import sys
import traceback
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.test_doc_runs import (  # noqa: E402  (the repository root must be on the path)
    DOCS,
    DocRunError,
    console_blocks,
    refreshed_block,
    replace_blocks,
)


def refresh(doc: Path, *, check: bool) -> tuple[int, int, int]:
    """Refresh one document: (blocks, blocks rewritten or to rewrite, blocks that failed)."""
    name = doc.relative_to(ROOT)
    try:
        blocks = console_blocks(doc)
    except DocRunError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 0, 0, 1
    new_contents: dict[int, list[str]] = {}
    failed = 0
    for block in blocks:
        try:
            fresh = refreshed_block(block)
        except DocRunError as exc:
            print(f"error: {exc}; block kept as written", file=sys.stderr)
            failed += 1
            continue
        except Exception:
            print(f"error: {block.where}: a command raised; block kept as written:\n"
                  f"{traceback.format_exc()}", file=sys.stderr)
            failed += 1
            continue
        if fresh != list(block.fenced.lines):
            new_contents[block.index] = fresh
            print(f"{block.where}: {'would rewrite' if check else 'rewritten'}")
    if new_contents and not check:
        text = doc.read_text(encoding="utf-8")
        doc.write_text(replace_blocks(text, new_contents, blocks), encoding="utf-8")
    print(f"{name}: {len(blocks)} block(s), {len(new_contents)} "
          f"{'to rewrite' if check else 'rewritten'}, {failed} failed")
    return len(blocks), len(new_contents), failed


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("docs", nargs="*", type=Path,
                        help="documents to refresh (default: README.md and docs/**/*.md)")
    parser.add_argument("--check", action="store_true",
                        help="write nothing; exit 1 if a block would change")
    args = parser.parse_args(argv)
    docs = [p.resolve() for p in args.docs] if args.docs else list(DOCS)
    changed = failed = 0
    for doc in docs:
        _, n_changed, n_failed = refresh(doc, check=args.check)
        changed += n_changed
        failed += n_failed
    if failed:
        return 2
    return 1 if args.check and changed else 0


if __name__ == "__main__":
    sys.exit(main())
