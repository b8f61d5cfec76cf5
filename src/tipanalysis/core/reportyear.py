"""The report-year rule: a TIP report year R covers 1 April R-1 to 31 March R.

An event dated by day, month or year is placed in the report whose reporting period holds it
(:func:`report_year_of`, :func:`map_events_to_report_years`), or at its position on the
report-year axis (:func:`event_positions`). Every layer places dates the same way, so the rule
lives in the core.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Literal

import pandas as pd

from tipanalysis.core.errors import AmbiguousDateError, ImpactInputError

__all__ = [
    "DatePolicy",
    "event_positions",
    "map_events_to_report_years",
    "report_year_of",
]


def event_positions(dates: pd.Series) -> pd.Series:
    """Place dated events on the report-year axis.

    A report year R covers 1 April R-1 to 31 March R, and is drawn at x = R. An event on date d
    in that period is drawn at ``R - 1 + f``, where ``f`` is the fraction of the period elapsed,
    so it sits between the placement before it and the first placement it could influence.

    Examples
    --------
    >>> event_positions(pd.Series(pd.to_datetime(["2013-03-17", "2018-02-05"]))).round(2).tolist()
    [2012.96, 2017.85]
    """
    d = pd.to_datetime(dates)
    report_year = d.dt.year + (d.dt.month >= 4).astype(int)
    start = pd.to_datetime((report_year - 1).astype(str) + "-04-01")
    fraction = (d - start).dt.days / 365.25
    return (report_year - 1 + fraction).astype(float)


_DATE_RE = re.compile(r"^\s*(\d{4})(?:-(\d{1,2}))?(?:-(\d{1,2}))?\s*$")
DatePolicy = Literal["earliest", "latest", "strict"]


def _report_year_for_month(year: int, month: int) -> int:
    # Report R covers 1 April R-1 .. 31 March R.
    return year + 1 if month >= 4 else year


def report_year_of(
    date: str | dt.date | pd.Timestamp,
    precision: str | None = None,
    policy: DatePolicy = "earliest",
) -> int:
    """Return the TIP report year whose reporting period (1 April to 31 March) holds ``date``.

    Report year R covers 1 April R-1 to 31 March R, so a law signed on 15 May 2023 is first
    assessed in the 2024 report, and one signed on 31 March 2024 also in the 2024 report.

    Parameters
    ----------
    date : str, datetime.date or pandas.Timestamp
        ``"YYYY"``, ``"YYYY-MM"`` or ``"YYYY-MM-DD"`` as published, or a date object (day
        precision).
    precision : {"year", "month", "day"}, optional
        Overrides the precision inferred from the string.
    policy : {"earliest", "latest", "strict"}
        A date known only to the year falls in report Y (January–March) or Y+1 (April–December).
        ``"earliest"`` returns Y, ``"latest"`` returns Y+1, ``"strict"`` raises
        :class:`AmbiguousDateError`.

    Returns
    -------
    int
        The report year.

    Examples
    --------
    >>> report_year_of("2024-03-31"), report_year_of("2024-04-01"), report_year_of("2013-05")
    (2024, 2025, 2014)
    >>> report_year_of("2013", policy="earliest"), report_year_of("2013", policy="latest")
    (2013, 2014)
    """
    if policy not in ("earliest", "latest", "strict"):
        raise ImpactInputError(f"policy must be 'earliest', 'latest' or 'strict', not {policy!r}")
    if isinstance(date, (dt.date, pd.Timestamp)) and not isinstance(date, str):
        ts = pd.Timestamp(date)
        year, month, inferred = ts.year, ts.month, "day"
    else:
        match = _DATE_RE.match(str(date))
        if match is None:
            raise ImpactInputError(
                f"cannot read date {date!r}: expected 'YYYY', 'YYYY-MM' or 'YYYY-MM-DD'"
            )
        year = int(match.group(1))
        month = int(match.group(2)) if match.group(2) else None
        day = int(match.group(3)) if match.group(3) else None
        if month is not None and not 1 <= month <= 12:
            raise ImpactInputError(f"cannot read date {date!r}: month {month} is not 1-12")
        if day is not None:
            try:
                dt.date(year, month or 1, day)
            except ValueError as exc:
                raise ImpactInputError(f"cannot read date {date!r}: {exc}") from None
        inferred = "day" if day else ("month" if month else "year")
    precision = precision or inferred
    if precision not in ("year", "month", "day"):
        raise ImpactInputError(f"precision must be 'year', 'month' or 'day', not {precision!r}")
    if precision == "year" or month is None:
        if policy == "strict":
            raise AmbiguousDateError(
                f"date {date!r} is known only to the year: it falls in report {year} "
                f"(January-March) or {year + 1} (April-December); pass policy='earliest' or "
                "'latest'"
            )
        return year if policy == "earliest" else year + 1
    return _report_year_for_month(year, month)


def map_events_to_report_years(
    events: pd.DataFrame,
    date_col: str = "date",
    precision_col: str | None = "date_precision",
    policy: DatePolicy = "earliest",
) -> pd.DataFrame:
    """Add the TIP report year of each event (e.g. ``kuwait/timeline.csv``).

    Parameters
    ----------
    events : DataFrame
        One row per event with a date column as published (``YYYY``, ``YYYY-MM``,
        ``YYYY-MM-DD``).
    date_col, precision_col : str
        Column names; ``precision_col=None`` infers precision from the date string.
    policy : {"earliest", "latest", "strict"}
        How to resolve year-precision dates (see :func:`report_year_of`).

    Returns
    -------
    DataFrame
        A copy of ``events`` with ``report_year`` (per ``policy``), ``report_year_earliest``,
        ``report_year_latest``, ``ambiguous`` (bool) and ``timing_note``.

    Examples
    --------
    >>> ev = pd.DataFrame({"date": ["2013", "2013-03", "2013-04-01"],
    ...                    "date_precision": ["year", "month", "day"]})
    >>> map_events_to_report_years(ev)["report_year"].tolist()
    [2013, 2013, 2014]
    """
    if date_col not in events.columns:
        raise ImpactInputError(f"events has no column {date_col!r}")
    out = events.copy()
    rows = []
    for _, row in events.iterrows():
        precision = row[precision_col] if precision_col and precision_col in events else None
        precision = None if pd.isna(precision) else str(precision)
        date = row[date_col]
        if pd.isna(date):
            raise ImpactInputError(f"event has no date in column {date_col!r}: {dict(row)}")
        earliest = report_year_of(date, precision, "earliest")
        latest = report_year_of(date, precision, "latest")
        ambiguous = earliest != latest
        chosen = report_year_of(date, precision, policy) if ambiguous else earliest
        note = (
            f"year-precision date: report {earliest} or {latest}; {policy} used"
            if ambiguous
            else ""
        )
        rows.append((chosen, earliest, latest, ambiguous, note))
    cols = ["report_year", "report_year_earliest", "report_year_latest", "ambiguous", "timing_note"]
    mapped = pd.DataFrame(rows, columns=cols, index=events.index)
    for col in cols:
        out[col] = mapped[col]
    for col in cols[:3]:
        out[col] = out[col].astype("int64")
    out["ambiguous"] = out["ambiguous"].astype(bool)
    return out


def __dir__() -> list[str]:
    return list(__all__)
