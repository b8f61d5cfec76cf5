"""The report-year rule: a TIP report year R covers 1 April R-1 to 31 March R.

Every layer places dates on the report-year axis the same way, so the rule lives in the core.
"""

from __future__ import annotations

import pandas as pd

__all__ = ["event_positions"]


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


def __dir__() -> list[str]:
    return list(__all__)
