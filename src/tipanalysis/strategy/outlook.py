"""The ranking aim: the tier outlook from the forecasts.
"""

from __future__ import annotations

import math

import pandas as pd

from tipanalysis.core.errors import DataValidationError, Problem
from tipanalysis.strategy.framework import FIRST_YEAR, LAST_YEAR

__all__ = [
    "outlook_from_forecast_summary",
    "ranking_outlook",
]

# --------------------------------------------------------------------------------------------
# ranking aim
# --------------------------------------------------------------------------------------------


def ranking_outlook(forecast: pd.DataFrame, *, first_year: int = FIRST_YEAR + 1,
                    last_year: int = LAST_YEAR) -> pd.DataFrame:
    """Probability that Kuwait is on Tier 2 or better in each TIP report through 2028.

    Parameters
    ----------
    forecast : pandas.DataFrame
        ``report_year``, ``p_tier2_or_better`` and optionally ``ci_low``, ``ci_high`` (as from
        ``tipanalysis.tiers.forecast_summary``), probabilities in 0-1.
    first_year, last_year : int
        Report years kept (default 2026-2028: 2025 is the cited baseline, Tier 2).

    Returns
    -------
    pandas.DataFrame
        report_year, p_tier2_or_better, ci_low, ci_high, sorted by year.

    Raises
    ------
    DataValidationError
        If a column is missing or a probability lies outside 0-1.

    Examples
    --------
    Illustrative numbers, not a forecast:

    >>> f = pd.DataFrame({"report_year": [2026, 2027, 2029], "p_tier2_or_better": [0.8, 0.7, 0.6]})
    >>> ranking_outlook(f)["report_year"].tolist()
    [2026, 2027]
    """
    problems = [Problem("forecast", None, c, None, "column missing")
                for c in ("report_year", "p_tier2_or_better") if c not in forecast.columns]
    if problems:
        raise DataValidationError(problems)
    df = forecast.copy()
    for col in ("ci_low", "ci_high"):
        if col not in df.columns:
            df[col] = math.nan
    df = df[["report_year", "p_tier2_or_better", "ci_low", "ci_high"]]
    df["report_year"] = df["report_year"].astype("int64")
    for col in ("p_tier2_or_better", "ci_low", "ci_high"):
        df[col] = pd.to_numeric(df[col]).astype("float64")
        bad = df[col].notna() & ~df[col].between(0, 1)
        problems += [Problem("forecast", int(i) + 2, col, v, "probability outside 0-1")
                     for i, v in df.loc[bad, col].items()]
    if problems:
        raise DataValidationError(problems)
    keep = df["report_year"].between(first_year, last_year)
    return df[keep].sort_values("report_year").reset_index(drop=True)


def outlook_from_forecast_summary(summaries: pd.DataFrame) -> pd.DataFrame:
    """Turn ``tiers.forecast_summary`` rows into the frame that :func:`ranking_outlook` takes.

    Uses the rows of measure ``p_tier2_or_better_every_report``: each run with horizon ``h``
    gives the probability of Tier 2 or better in *every* report from ``first_year`` to
    ``last_year``; ``report_year`` is ``last_year``. So the probability for 2028 is that of
    staying at Tier 2 or better in each report through 2028.

    Examples
    --------
    Illustrative numbers:

    >>> s = pd.DataFrame({"measure": ["p_tier2_or_better_every_report", "p_reach_tier1"],
    ...                   "first_year": [2026, 2026], "last_year": [2027, 2027],
    ...                   "estimate": [0.7, 0.1], "ci_low": [0.6, 0.0], "ci_high": [0.8, 0.2]})
    >>> outlook_from_forecast_summary(s)[["report_year", "p_tier2_or_better"]].values.tolist()
    [[2027.0, 0.7]]
    """
    rows = summaries[summaries["measure"] == "p_tier2_or_better_every_report"]
    out = pd.DataFrame({
        "report_year": rows["last_year"].astype("int64"),
        "first_year": rows["first_year"].astype("int64"),
        "p_tier2_or_better": rows["estimate"].astype("float64"),
        "ci_low": rows["ci_low"].astype("float64"),
        "ci_high": rows["ci_high"].astype("float64"),
    })
    return out.drop_duplicates("report_year").sort_values("report_year").reset_index(drop=True)


def __dir__() -> list[str]:
    # Tab completion shows the public API only, not pd, np or helpers.
    return list(__all__)
