"""What the readers produce and the evaluator consumes: records, units, periods, row accounting.

Bottom layer: standard library and :mod:`emulation_rules.errors` only. A :class:`Record` is one
unit's values for one period; a :class:`RecordSource` is an iterable of records that also
accounts for the rows its reader rejected (the metrics readers return one), so that
:func:`emulation_rules.evaluate` reports the same rows, issues and counts whether it is called
from Python or from the command line.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field

from .errors import Issue
from .i18n import msg

__all__ = [
    "MAX_SPAN_MONTHS",
    "Record",
    "RecordSource",
    "UnitInfo",
    "months_of_period",
    "normalise_period",
    "parse_count",
]

_WHOLE = re.compile(r"[0-9]{1,12}")
_WHOLE_POINT_ZERO = re.compile(r"([0-9]{1,12})\.0+")
_THOUSANDS = re.compile(r"[0-9]{1,3}(?:\.[0-9]{3})+")


def parse_count(value: object) -> int | None:
    """A count cell as a whole number >= 0, or None for a blank; raises ValueError with what is
    wrong and, as its second argument, a hint or None (both :class:`~emulation_rules.i18n.Msg`
    values: what is wrong follows ``column = 'value'``).

    Read as written: ASCII digits only (``١٢`` is not 12); ``5.0`` and ``5.00`` are 5 (pandas
    and Excel write whole numbers so); ``5.5``, ``85%``, ``12,5``, ``-1`` and ``1e3`` are not
    counts; ``1.234`` is not either, with the hint that a Vietnamese thousands separator was
    probably meant (write 1234). A number given as a number (a spreadsheet's or a DataFrame's)
    counts when it is whole and not negative; NaN is a blank."""
    if value.__class__ is str:  # the common case first: a table's cell, already trimmed
        if value == "":
            return None
        if _WHOLE.fullmatch(value):
            return int(value)
    if value is None:
        return None
    if isinstance(value, bool):
        raise ValueError(msg("records.count.yes-no"), None)
    if isinstance(value, int):
        if value < 0:
            raise ValueError(msg("records.count.negative"), None)
        return value
    if isinstance(value, float):
        if value != value:  # NaN: a DataFrame's blank
            return None
        if value.is_integer() and 0 <= value < 1e12:
            return int(value)
        raise ValueError(msg("records.count.not-whole"), None)
    text = str(value).strip()
    if text == "":
        return None
    if _WHOLE.fullmatch(text):
        return int(text)
    found = _WHOLE_POINT_ZERO.fullmatch(text)
    if found:
        return int(found.group(1))
    if _THOUSANDS.fullmatch(text):
        raise ValueError(msg("records.count.not-whole"),
                         msg("records.count.thousands.hint", number=text.replace(".", "")))
    raise ValueError(msg("records.count.not-whole"), None)


@dataclass(frozen=True)
class UnitInfo:
    """A unit of the units tree: team -> commune -> district -> province."""

    id: str
    name: str = ""
    kind: str = "team"
    bloc: str = ""
    parent: str = ""
    categories: tuple[str, ...] = ()
    """Award categories beyond the kind: for a person ``armed_forces_or_employee`` or
    ``other_person``, and ``head_of_unit`` for the head of an agency, unit or locality."""
    bloc_size: int | None = None
    """How many units the bloc has in all, when the units file declares it (``bloc_size``):
    a bloc is ranked by computation only when every one of its units is in the input."""


@dataclass(frozen=True)
class Record:
    """One unit's values for one period (``2025-03``; ``2024-10..2024-12``; ``2026``).

    ``values`` maps a metric id to a whole number of 0 or more, or an attestation id to 1
    (yes) or 0 (no); None is a blank cell (unknown). ``file`` and ``row`` locate the row it
    came from, for the issues that name it.
    """

    unit: str
    period: str
    values: Mapping[str, int | None]
    row: int = 0
    file: str = ""


@dataclass
class RecordSource:
    """Records with the accounting of the rows that never became records.

    Iterating yields the records (a reader may stream them); ``rows_read``, ``rejected`` and
    ``warnings`` are complete once iteration has ended. :func:`emulation_rules.evaluate`
    adds them to its own accounting.
    """

    records: list[Record] = field(default_factory=list)
    rejected: list[Issue] = field(default_factory=list)
    """Rows rejected by the reader (each issue locates one row), and file-level errors."""
    warnings: list[Issue] = field(default_factory=list)
    rows_read: int = 0
    """Data rows in the file(s), rejected ones included."""

    def __iter__(self) -> Iterator[Record]:
        return iter(self.records)


MAX_SPAN_MONTHS = 12
"""The longest row for several months: a year's worth (longer spans are refused as periods)."""

_PERIOD = re.compile(r"^(\d{4})(?:-(\d{2})(?:\.\.(\d{4})-(\d{2}))?)?$")
_MONTH = re.compile(r"^(\d{4})-(\d{1,2})$")
_MONTH_VN = re.compile(r"^(\d{1,2})/(\d{4})$")
_YEAR = re.compile(r"^\d{4}$")
_QUARTER = re.compile(r"^(?P<year>\d{4})-[Qq](?P<q>[1-4])$")
_QUARTER_VN = re.compile(r"^[Qq](?P<q>[1-4])/(?P<year>\d{4})$")


def months_of_period(period: str) -> tuple[str, ...]:
    """The months a normalised period covers: ``2025-03``; ``2024-10..2024-12`` (a span of at
    most :data:`MAX_SPAN_MONTHS`); ``2026`` (a year: its twelve months). Anything else, a
    reversed span or a longer one, covers no month: ``()``."""
    m = _PERIOD.match(period)
    if m is None:
        return ()
    year, month, year2, month2 = m.groups()
    if month is None:
        return tuple(f"{year}-{k:02d}" for k in range(1, 13))
    if not 1 <= int(month) <= 12 or (month2 is not None and not 1 <= int(month2) <= 12):
        return ()
    start = int(year) * 12 + int(month) - 1
    end = start if year2 is None else int(year2) * 12 + int(month2) - 1
    if not 0 <= end - start < MAX_SPAN_MONTHS:
        return ()
    return tuple(f"{k // 12:04d}-{k % 12 + 1:02d}" for k in range(start, end + 1))


def _month(text: str) -> str | None:
    m = _MONTH.match(text)
    if m and 1 <= int(m.group(2)) <= 12:
        return f"{int(m.group(1)):04d}-{int(m.group(2)):02d}"
    m = _MONTH_VN.match(text)
    if m and 1 <= int(m.group(1)) <= 12:
        return f"{int(m.group(2)):04d}-{int(m.group(1)):02d}"
    return None


def normalise_period(text: str) -> str | None:
    """A period as people write it, normalised: a month (``2025-03``, ``03/2025``), a year
    (``2026``), or several consecutive months (``2024-10..2024-12``, ``2025-Q1``, ``Q1/2025``)
    as ``YYYY-MM..YYYY-MM`` (a one-month span is that month). None if it is none of these."""
    text = text.strip()
    month = _month(text)
    if month is not None:
        return month
    if _YEAR.match(text):
        return text
    m = _QUARTER.match(text) or _QUARTER_VN.match(text)
    if m:
        year, quarter = int(m.group("year")), int(m.group("q"))
        return f"{year:04d}-{3 * quarter - 2:02d}..{year:04d}-{3 * quarter:02d}"
    if ".." in text:
        first, _, last = text.partition("..")
        start, end = _month(first.strip()), _month(last.strip())
        if start is not None and end is not None and start <= end:
            period = start if start == end else f"{start}..{end}"
            return period if months_of_period(period) else None  # at most 12 months
    return None
