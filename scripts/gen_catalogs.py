"""Regenerate the gettext catalogues from the registry (emulation_rules._catalog, codes).

    python scripts/gen_catalogs.py          # rewrites locale/<lang>/LC_MESSAGES/*.po and *.mo

The ``.po`` files are written by :func:`emulation_rules._catalog.render_po`; each is compiled
to its ``.mo`` with Babel (the test extra). ``tests/test_i18n.py`` fails when a committed file
is not what this writes.
"""

from __future__ import annotations

import io
import os
import sys
import tempfile
from pathlib import Path

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

from emulation_rules._catalog import render_po
from emulation_rules.i18n import DOMAIN, LANGS, LOCALE_DIR


def compile_mo(po_text: str) -> bytes:
    """The ``.mo`` bytes Babel compiles from a ``.po`` text."""
    catalog = read_po(io.BytesIO(po_text.encode("utf-8")))
    out = io.BytesIO()
    write_mo(out, catalog)
    return out.getvalue()


def _write(path: Path, data: bytes) -> None:
    """Atomically: a reader never sees half a catalogue."""
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
    with os.fdopen(fd, "wb") as handle:
        handle.write(data)
    os.chmod(tmp, 0o644)
    os.replace(tmp, path)


def main() -> int:
    for lang in LANGS:
        folder = LOCALE_DIR / lang / "LC_MESSAGES"
        folder.mkdir(parents=True, exist_ok=True)
        po = render_po(lang)
        _write(folder / f"{DOMAIN}.po", po.encode("utf-8"))
        _write(folder / f"{DOMAIN}.mo", compile_mo(po))
        print(f"wrote {Path(folder, DOMAIN).with_suffix('.po')} and .mo", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
