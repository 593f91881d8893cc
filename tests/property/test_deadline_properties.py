"""Properties of submission statuses on the boundary days of every relation kind."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import given
from hypothesis import strategies as st

from emulation_rules.timelines import last_on_time_day, submission_status

from .strategies import DATES, RELATIONS, near

ONE = timedelta(days=1)


@given(due=DATES, relation=RELATIONS, data=st.data())
def test_submission_on_time_iff_not_after_last_on_time_day(due: date, relation: str,
                                                           data: st.DataObject) -> None:
    """GLOSSARY: "trước ngày D" makes D itself late; "đến ngày D" and "trong ngày D" accept D."""
    submitted = data.draw(near(due))
    status = submission_status(due, relation, submitted,  # type: ignore[arg-type]
                               as_of=date(2040, 1, 1))
    last = due - ONE if relation == "before" else due
    assert last_on_time_day(due, relation) == last  # type: ignore[arg-type]
    if submitted <= last:
        assert status.status == "on_time"
        assert status.early == (relation == "on" and submitted < due)
    else:
        assert status.status == "late"
        assert status.days_late == (submitted - last).days >= 1


@given(due=DATES, relation=RELATIONS, data=st.data())
def test_missing_from_the_day_after_the_last_on_time_day(due: date, relation: str,
                                                         data: st.DataObject) -> None:
    """GLOSSARY deadline wordings (Kon Plông IV.5 "trước ngày", Tuyên Quang IV.1 "trong
    ngày"): a report becomes missing the day after its last on-time day."""
    as_of = data.draw(near(due))
    status = submission_status(due, relation, None, as_of)  # type: ignore[arg-type]
    last = last_on_time_day(due, relation)  # type: ignore[arg-type]
    assert status.status == ("missing" if as_of > last else "not_yet_due")


@given(due=DATES, relation=RELATIONS, data=st.data())
def test_a_submission_after_as_of_is_not_yet_known(due: date, relation: str,
                                                   data: st.DataObject) -> None:
    """Every plan's report deadlines (Bắc Giang III.8, Ninh Thuận IV.1, ...) are judged as of
    a date: a submission after that date cannot count yet."""
    as_of = data.draw(near(due))
    later = as_of + timedelta(days=data.draw(st.integers(1, 5)))
    with_later = submission_status(due, relation, later, as_of)  # type: ignore[arg-type]
    without = submission_status(due, relation, None, as_of)  # type: ignore[arg-type]
    assert with_later.status == without.status


def test_documents_own_boundaries() -> None:
    """The documents' own boundary days, as examples beside the properties above."""
    # Kon Plông IV.5 "trước ngày 03 tháng 02 năm 2025": a report on 03/02 is one day late
    assert submission_status(date(2025, 2, 3), "before", date(2025, 2, 3),
                             date(2025, 3, 1)).days_late == 1
    # Tuyên Quang IV.1 "gửi trong ngày 03/02/2025": on 04/02 it is late, on 02/02 early
    assert submission_status(date(2025, 2, 3), "on", date(2025, 2, 4),
                             date(2025, 3, 1)).status == "late"
    early = submission_status(date(2025, 2, 3), "on", date(2025, 2, 2), date(2025, 3, 1))
    assert (early.status, early.early) == ("on_time", True)
