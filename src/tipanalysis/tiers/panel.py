"""Per country-year indicators of the tidy tier panel (rank, score, change, years on tier).
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from tipanalysis.core.tierscale import RANK_TABLE, SCORE_TABLE, TIER_DTYPE, TIER_ORDER, tier_codes

__all__ = [
    "indicators",
]

#: Tier labels from best to worst; the order of the categorical dtype.


# ---------------------------------------------------------------------------------------------
# Per country-year indicators
# ---------------------------------------------------------------------------------------------

_PANEL_COLUMNS = ("iso3", "report_year", "tier")


def _check_panel(panel: pd.DataFrame, columns: tuple[str, ...] = _PANEL_COLUMNS) -> None:
    missing = [c for c in columns if c not in panel.columns]
    if missing:
        raise ValueError(f"panel lacks column(s) {missing}; expected the tidy tier panel")
    if panel.duplicated(["iso3", "report_year"]).any():
        dup = panel.loc[panel.duplicated(["iso3", "report_year"]), ["iso3", "report_year"]]
        raise ValueError(f"panel has more than one row per iso3-year, e.g. {dup.iloc[0].tolist()}")


def _sorted_panel(panel: pd.DataFrame) -> pd.DataFrame:
    out = panel.sort_values(["iso3", "report_year"], kind="stable").reset_index(drop=True)
    out["tier"] = pd.Categorical.from_codes(tier_codes(out["tier"]), dtype=TIER_DTYPE)
    return out


def indicators(panel: pd.DataFrame) -> pd.DataFrame:
    """Add per country-year indicators to the tidy tier panel.

    Parameters
    ----------
    panel : DataFrame
        One row per ``iso3`` and ``report_year`` with an ordered ``tier`` (NaN = Special Case).

    Returns
    -------
    DataFrame
        The panel sorted by iso3 and year, plus

        - ``rank`` (1-4) and ``score`` (1, 2, 2.5, 3), NaN for Special Cases;
        - ``prev_tier``: the tier in the previous report year (NaN when that year has no row
          or was a Special Case);
        - ``change``: ``upgrade``, ``downgrade``, ``same``, ``entered`` (first row, a row after a
          report year without a row, or the first ranked year after a Special Case) or
          ``special`` (no tier this year);
        - ``years_on_tier``: consecutive report years on the current tier, this one included (a
          year without a row breaks the run; Special Case years count as their own "tier");
        - ``wl_run``: ``years_on_tier`` if on the Watch List, else 0.

    Examples
    --------
    >>> p = pd.DataFrame({"iso3": ["KWT"] * 3, "report_year": [2016, 2017, 2019],
    ...                   "tier": ["2WL", "2WL", "2"]})
    >>> indicators(p)[["report_year", "change", "years_on_tier", "wl_run"]].values.tolist()
    [[2016, 'entered', 1, 1], [2017, 'same', 2, 2], [2019, 'entered', 1, 0]]
    """
    _check_panel(panel)
    out = _sorted_panel(panel)
    codes = out["tier"].cat.codes.to_numpy()
    iso = out["iso3"].to_numpy()
    year = out["report_year"].to_numpy()
    same_country = np.r_[False, iso[1:] == iso[:-1]]
    consecutive = same_country & np.r_[False, year[1:] - year[:-1] == 1]
    prev_codes = np.where(consecutive, np.r_[-1, codes[:-1]], -1)

    safe = np.clip(codes, 0, len(TIER_ORDER) - 1)
    out["rank"] = np.where(codes >= 0, RANK_TABLE[safe], np.nan)
    out["score"] = np.where(codes >= 0, SCORE_TABLE[safe], np.nan)
    out["prev_tier"] = pd.Categorical.from_codes(prev_codes, dtype=TIER_DTYPE)
    change = np.select(
        [codes < 0, prev_codes < 0, codes < prev_codes, codes > prev_codes],
        ["special", "entered", "upgrade", "downgrade"],
        default="same",
    )
    out["change"] = pd.Series(change, dtype="str")
    # A run breaks when the country, the tier (special counts as its own value) or the
    # consecutiveness of report years changes.
    new_run = ~consecutive | np.r_[True, codes[1:] != codes[:-1]]
    run_id = np.cumsum(new_run)
    out["years_on_tier"] = out.groupby(run_id).cumcount().to_numpy() + 1
    out["wl_run"] = np.where(codes == TIER_ORDER.index("2WL"), out["years_on_tier"], 0)
    return out


def __dir__() -> list[str]:
    # Tab completion shows the public API only, not pd, np or helpers.
    return list(__all__)
