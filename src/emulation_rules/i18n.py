"""Text for people in Vietnamese (the default) or English, from the gettext catalogues.

Standard library only. Every sentence the library shows a person (an issue's message and hint,
a command's help and notes, the labels of a report) is a message id, a stable English
identifier such as ``table.missing-column`` or ``code.missing-column``, looked up in the
catalogue of the language asked for::

    src/emulation_rules/locale/vi/LC_MESSAGES/emulation_rules.po   (and its compiled .mo)
    src/emulation_rules/locale/en/LC_MESSAGES/emulation_rules.po

The ``.po`` files are generated from one registry (:mod:`emulation_rules._catalog`: the issue
codes of :mod:`emulation_rules.codes` and the messages) and compiled with Babel by
``python scripts/gen_catalogs.py``; a test regenerates both and fails when a committed file is
stale. At run time only the ``.mo`` files are read, by :class:`gettext.GNUTranslations`.

The language is chosen per call (``lang=``) or for a block of code with :func:`using`; else it
is :func:`current`: the one :func:`using` set, else ``EMULATION_RULES_LANG`` (``vi`` or
``en``), else Vietnamese. Issue codes, verdict codes, JSON keys and message ids never change
with the language.

A :class:`Msg` is a message id with its arguments, rendered when shown: the same issue prints
in Vietnamese on a civil servant's terminal and in English in a developer's log.
"""

from __future__ import annotations

import gettext
import os
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Literal

__all__ = [
    "DOMAIN",
    "ENV",
    "LANGS",
    "LOCALE_DIR",
    "Lang",
    "Msg",
    "catalogue",
    "current",
    "language_of",
    "literal",
    "msg",
    "text",
    "using",
]

Lang = Literal["vi", "en"]
"""The languages of everything shown to people."""

LANGS: tuple[Lang, ...] = ("vi", "en")
"""The languages, the default first."""

DOMAIN = "emulation_rules"
"""The gettext domain: the catalogues are ``locale/<lang>/LC_MESSAGES/emulation_rules.mo``."""

ENV = "EMULATION_RULES_LANG"
"""The environment variable that chooses the language when no ``--lang`` is given."""

LOCALE_DIR = Path(__file__).resolve().parent / "locale"

_CURRENT: ContextVar[Lang | None] = ContextVar("emulation_rules_lang", default=None)


def language_of(value: str | None) -> Lang | None:
    """The language a setting names (``vi``, ``vi_VN.UTF-8``, ``EN``, ``en-US``), or None."""
    if not value:
        return None
    head = value.strip().lower().replace("-", "_").split("_")[0].split(".")[0]
    return "vi" if head == "vi" else "en" if head == "en" else None


def current() -> Lang:
    """The language in use: the one :func:`using` set, else ``EMULATION_RULES_LANG``, else
    Vietnamese."""
    lang = _CURRENT.get()
    if lang is not None:
        return lang
    return language_of(os.environ.get(ENV)) or "vi"


@contextmanager
def using(lang: Lang) -> Iterator[None]:
    """Show text in ``lang`` inside the block (the CLI sets ``--lang`` this way)."""
    if lang not in LANGS:
        raise ValueError(f"unknown language {lang!r}: vi or en")
    token = _CURRENT.set(lang)
    try:
        yield
    finally:
        _CURRENT.reset(token)


@cache
def catalogue(lang: Lang) -> gettext.GNUTranslations:
    """The compiled catalogue of ``lang`` (read once per process)."""
    path = LOCALE_DIR / lang / "LC_MESSAGES" / f"{DOMAIN}.mo"
    try:
        with path.open("rb") as handle:
            return gettext.GNUTranslations(handle)
    except OSError as exc:  # a broken installation, never a user's input
        raise RuntimeError(f"the message catalogue {path} is missing ({exc.strerror}): "
                           "reinstall emulation-rules") from None


class _Args(Mapping[str, str]):
    """A message's arguments as text in one language (a nested :class:`Msg` rendered)."""

    __slots__ = ("_args", "_lang")

    def __init__(self, args: Mapping[str, object], lang: Lang) -> None:
        self._args, self._lang = args, lang

    def __getitem__(self, key: str) -> str:
        value = self._args[key]
        return value.render(self._lang) if isinstance(value, Msg) else value  # type: ignore[return-value]

    def __iter__(self) -> Iterator[str]:
        return iter(self._args)

    def __len__(self) -> int:
        return len(self._args)


def text(msgid: str, lang: Lang | None = None, /, **args: object) -> str:
    """The message ``msgid`` in ``lang`` (default :func:`current`), its ``{placeholders}``
    filled from ``args`` (a :class:`Msg` argument is rendered in the same language). An id the
    catalogue lacks shows as itself (a test keeps every id used in the package in both)."""
    language = lang or current()
    template = catalogue(language).gettext(msgid)
    if not args:
        return template.replace("{{", "{").replace("}}", "}")
    return template.format_map(_Args(args, language))


@dataclass(frozen=True, slots=True)
class Msg:
    """A message for people, not yet in a language: its id and its arguments."""

    id: str
    args: tuple[tuple[str, object], ...] = ()

    def render(self, lang: Lang | None = None) -> str:
        """The message in ``lang`` (default :func:`current`)."""
        return text(self.id, lang, **dict(self.args))

    def __str__(self) -> str:
        return self.render()


def msg(msgid: str, /, **args: object) -> Msg:
    """A :class:`Msg`: ``msg("table.missing-column", column="'period'")``. An argument that
    comes from an input must already be escaped (:func:`emulation_rules._inert.shown`)."""
    return Msg(msgid, tuple(args.items()))


def literal(value: str) -> Msg:
    """A text shown as it is in every language (a name, a path, a value already worded)."""
    return Msg("literal", (("text", value),))
