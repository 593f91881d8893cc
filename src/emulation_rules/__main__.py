"""``python -m emulation_rules`` runs the command-line interface."""

from .cli import main

raise SystemExit(main())
