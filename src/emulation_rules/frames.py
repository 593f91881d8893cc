"""Rows from Python: dict rows and DataFrames (pandas, polars, pyarrow) as metrics.

:func:`evaluate` is ``er.evaluate``: it takes records (or a reader's result) as the core's
:func:`emulation_rules.evaluation.evaluate` does, and also rows as mappings of column to value
or any DataFrame narwhals knows (the ``frames`` extra; no dependency on pandas itself). Rows
and DataFrames are read by the rules the file readers apply (:func:`records_of_rows`): a value
is read by its type (5.0 is 5, NaN and None are blanks, a date in ``period`` is its month), and
a row that breaks a rule is rejected with its row number (1-based, in the order given) and
column, so a DataFrame gives the same issues as the same numbers in a CSV file.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Iterator, Mapping, Sequence
from datetime import date
from typing import Any

from ._tables import Row, typed_cell
from .errors import MissingExtra
from .evaluation import AttestationRow
from .evaluation import evaluate as _evaluate
from .i18n import msg
from .inputs import MetricsRead, records_of_rows
from .model import Plan
from .records import Record, RecordSource, UnitInfo
from .results import Evaluation

__all__ = ["as_records", "evaluate", "read_rows"]


class FramesMissing(MissingExtra):
    """A DataFrame was given and narwhals (the ``frames`` extra) is not installed; its text
    (``str()``) is in the current language."""


def read_rows(rows: Iterable[Mapping[str, Any]], source: str = "<rows>") -> MetricsRead:
    """Records from rows given as mappings of column to value, with the rows the rules
    reject (their ``row`` is the row's 1-based position)."""
    read = MetricsRead()
    read.records = list(records_of_rows(_as_rows(rows, read), source, read))
    return read


def _as_rows(rows: Iterable[Mapping[str, Any]], read: RecordSource) -> Iterator[Row]:
    for number, mapping in enumerate(rows, start=1):
        read.rows_read += 1
        cells: dict[str, str] = {}
        dates: set[str] = set()
        for key, value in mapping.items():
            name = typed_cell(key)[0]
            text, is_date = typed_cell(value)
            cells[name] = text
            if is_date:
                dates.add(name)
        yield Row(number, cells, frozenset(dates))


def _frame_rows(data: Any) -> Iterable[Mapping[str, Any]] | None:
    """The rows of a DataFrame, through narwhals; None if ``data`` is not one."""
    try:
        import narwhals as nw
    except ImportError:
        if hasattr(data, "columns") and hasattr(data, "shape"):
            raise FramesMissing(msg("frames.no-narwhals")) from None
        return None
    frame = nw.from_native(data, eager_only=True, pass_through=True)
    if not isinstance(frame, nw.DataFrame):
        return None
    return frame.iter_rows(named=True)


def as_records(data: Any) -> Iterable[Record] | RecordSource:
    """``data`` as the core evaluator takes it: records and readers' results as they are;
    a DataFrame or rows as mappings read by the file readers' rules."""
    if isinstance(data, RecordSource):
        return data
    rows = _frame_rows(data)
    if rows is not None:
        return read_rows(rows, "<DataFrame>")
    if isinstance(data, Mapping | str | bytes):
        raise TypeError("metrics are records, rows (mappings of column to value) or a "
                        "DataFrame: not one mapping or a text")
    items = iter(data)
    first = next(items, None)
    if first is None:
        return []
    chained = itertools.chain([first], items)
    if isinstance(first, Record):
        return chained
    if isinstance(first, Mapping):
        return read_rows(chained)
    raise TypeError(f"metrics are records, rows (mappings of column to value) or a "
                    f"DataFrame, not {type(first).__name__}")


def evaluate(plan: Plan, records: Any, *, units: Sequence[UnitInfo] | None = None,
             issued: date | None = None, as_of: date,
             attestations: Sequence[AttestationRow] | None = None) -> Evaluation:
    """Evaluate ``plan`` over metrics given as records, a reader's result, rows as mappings
    (``{"unit": "h1x01", "period": "2024-11", "tips_total": 4}``) or a DataFrame, with the same
    checks, issues and counts whichever way they come (see
    :func:`emulation_rules.evaluation.evaluate`)."""
    return _evaluate(plan, as_records(records), units=units, issued=issued, as_of=as_of,
                     attestations=attestations)
