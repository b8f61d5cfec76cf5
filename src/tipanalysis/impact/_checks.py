"""Input checks and panel preparation shared by the impact estimators.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

import numpy as np
import pandas as pd

from tipanalysis.impact.errors import (
    ImpactInputError,
    InterventionOutsideDataError,
    MissingOutcomeError,
    NoVariationError,
    TooFewPeriodsError,
)

__all__ = [
]


# --------------------------------------------------------------------------------------------
# Shared checks
# --------------------------------------------------------------------------------------------
def _require_columns(df: pd.DataFrame, columns: Iterable[str], what: str = "data") -> None:
    missing = [c for c in columns if c not in df.columns]
    if missing:
        raise ImpactInputError(f"{what} has no column(s) {missing}; columns are {list(df.columns)}")


def _check_outcome(values: pd.Series, name: str) -> None:
    if values.isna().any():
        where = values.index[values.isna()].tolist()[:5]
        raise MissingOutcomeError(
            f"outcome {name!r} has {int(values.isna().sum())} missing value(s) (rows {where}); "
            "impute or drop them explicitly before estimating"
        )
    if values.nunique() < 2:
        raise NoVariationError(f"outcome {name!r} does not vary (all values {values.iloc[0]!r})")


def _check_intervention(times: np.ndarray, intervention: float, min_pre: int, min_post: int = 1):
    lo, hi = times.min(), times.max()
    if not lo < intervention <= hi:
        raise InterventionOutsideDataError(
            f"intervention at {intervention!r} is outside the data: the first post-intervention "
            f"period must be after the first period {lo!r} and no later than the last {hi!r}"
        )
    n_pre = int((times < intervention).sum())
    n_post = int((times >= intervention).sum())
    if n_pre < min_pre:
        raise TooFewPeriodsError(
            f"only {n_pre} pre-intervention period(s) before {intervention!r}; at least "
            f"{min_pre} are needed"
        )
    if n_post < min_post:
        raise TooFewPeriodsError(
            f"only {n_post} post-intervention period(s); at least {min_post} are needed"
        )
    return n_pre, n_post



# --------------------------------------------------------------------------------------------
# Panels: shared preparation for peers and synthetic control
# --------------------------------------------------------------------------------------------
def _panel_matrix(
    panel: pd.DataFrame,
    unit: str,
    time: str,
    outcome: str,
    treated: Any,
    intervention: float,
    donors: Sequence[Any] | None,
    min_pre: int,
    min_donors: int = 1,
) -> tuple[pd.DataFrame, np.ndarray, int, int]:
    """Wide outcome matrix (time x unit), treated first; checks balance and missing values."""
    _require_columns(panel, [unit, time, outcome], "panel")
    if panel.duplicated([unit, time]).any():
        raise ImpactInputError(f"panel has repeated ({unit}, {time}) pairs; one row per unit-time")
    units = pd.unique(panel[unit])
    if treated not in set(units):
        raise ImpactInputError(f"treated unit {treated!r} is not in the panel's {unit!r} column")
    if donors is None:
        donors = [u for u in units if u != treated]
    else:
        donors = list(donors)
        unknown = [d for d in donors if d not in set(units)]
        if unknown:
            raise ImpactInputError(f"donor(s) {unknown} are not in the panel")
        if treated in donors:
            raise ImpactInputError(f"treated unit {treated!r} cannot also be a donor")
    if len(donors) < min_donors:
        raise ImpactInputError(f"{len(donors)} donor(s); at least {min_donors} are needed")
    sub = panel[panel[unit].isin([treated, *donors])]
    wide = sub.pivot(index=time, columns=unit, values=outcome).sort_index()
    wide = wide[[treated, *donors]]
    if wide.isna().any().any():
        gaps = wide.isna().sum()
        bad = gaps[gaps > 0].to_dict()
        raise MissingOutcomeError(
            f"outcome {outcome!r} is missing (or the panel is unbalanced) for {bad} "
            "(unit: number of periods); impute or drop explicitly"
        )
    if np.ptp(wide.iloc[:, 0].to_numpy(float)) == 0:
        raise NoVariationError(f"outcome {outcome!r} of {treated!r} does not vary over time")
    times = wide.index.to_numpy(float)
    n_pre, n_post = _check_intervention(times, intervention, min_pre)
    return wide, times < intervention, n_pre, n_post


def __dir__() -> list[str]:
    # Tab completion shows the public API only, not pd, np or helpers.
    return list(__all__)
