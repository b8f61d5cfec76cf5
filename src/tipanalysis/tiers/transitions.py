"""Tier-to-tier transition matrices and their bootstrap.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from tipanalysis.core.tierscale import TIER_DTYPE
from tipanalysis.tiers.panel import _check_panel, _sorted_panel
from tipanalysis.tiers.watchlist import _str_column

__all__ = [
    "bootstrap_transition_matrix",
    "bootstrap_transition_replicates",
    "transition_matrix",
]

#: Tier labels from best to worst; the order of the categorical dtype.


# ---------------------------------------------------------------------------------------------
# Transition matrices
# ---------------------------------------------------------------------------------------------


def _country_counts(
    panel: pd.DataFrame,
    *,
    years: list[int] | range | None = None,
    countries: list[str] | None = None,
) -> tuple[np.ndarray, np.ndarray]:
    """Per-country 4x4 counts of transitions between consecutive ranked report years.

    Returns ``(iso3 codes, counts)`` with ``counts`` of shape (n_countries, 4, 4).
    """
    _check_panel(panel)
    data = panel
    if countries is not None:
        data = data[data["iso3"].isin(list(countries))]
    data = _sorted_panel(data)
    if years is not None:
        data = data[data["report_year"].isin(list(years))]
    codes = data["tier"].cat.codes.to_numpy()
    year = data["report_year"].to_numpy()
    iso = data["iso3"].to_numpy()
    pair = (iso[1:] == iso[:-1]) & (year[1:] - year[:-1] == 1) & (codes[1:] >= 0) & (
        codes[:-1] >= 0
    )
    countries_out, country_idx = np.unique(iso, return_inverse=True)
    counts = np.zeros((len(countries_out), 4, 4), dtype=np.int64)
    np.add.at(counts, (country_idx[1:][pair], codes[:-1][pair], codes[1:][pair]), 1)
    return countries_out, counts


def _long_matrix(values: np.ndarray, name: str) -> pd.DataFrame:
    frm, to = np.meshgrid(np.arange(4), np.arange(4), indexing="ij")
    return pd.DataFrame(
        {
            "from_tier": pd.Categorical.from_codes(frm.ravel(), dtype=TIER_DTYPE),
            "to_tier": pd.Categorical.from_codes(to.ravel(), dtype=TIER_DTYPE),
            name: values.reshape(-1),
        }
    )


def _row_probabilities(counts: np.ndarray) -> np.ndarray:
    """Row-normalise (..., 4, 4) counts; rows without observations are NaN."""
    totals = counts.sum(axis=-1, keepdims=True)
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.where(totals > 0, counts / np.where(totals > 0, totals, 1), np.nan)


def transition_matrix(
    panel: pd.DataFrame,
    *,
    years: list[int] | range | None = None,
    countries: list[str] | None = None,
) -> pd.DataFrame:
    """Pooled tier-to-tier transition counts and probabilities between consecutive reports.

    A pair is a country ranked in report year ``y`` and in ``y + 1`` (both rows present, neither
    a Special Case). A Special Case or a missing year breaks the pair. With ``years`` only pairs
    whose two years are both in ``years`` count.

    Returns
    -------
    DataFrame
        16 rows (long format): ``from_tier``, ``to_tier``, ``count``, ``n_from`` (pairs starting
        on ``from_tier``) and ``prob`` = count / n_from (NaN when n_from is 0).

    Examples
    --------
    >>> p = pd.DataFrame({"iso3": ["A", "A", "A", "B", "B"],
    ...                   "report_year": [2020, 2021, 2022, 2020, 2021],
    ...                   "tier": ["2", "2WL", "2", "2", "2"]})
    >>> m = transition_matrix(p)
    >>> m[m["count"] > 0][["from_tier", "to_tier", "count", "prob"]].values.tolist()
    [['2', '2', 1, 0.5], ['2', '2WL', 1, 0.5], ['2WL', '2', 1, 1.0]]
    """
    _, counts = _country_counts(panel, years=years, countries=countries)
    total = counts.sum(axis=0)
    out = _long_matrix(total, "count")
    out["n_from"] = np.repeat(total.sum(axis=1), 4)
    out["prob"] = _row_probabilities(total).reshape(-1)
    return out


def bootstrap_transition_replicates(
    panel: pd.DataFrame,
    n_boot: int = 2000,
    seed: int = 0,
    *,
    years: list[int] | range | None = None,
    countries: list[str] | None = None,
) -> np.ndarray:
    """Bootstrap replicates of the transition matrix, resampling countries with replacement.

    Returns an array of shape (n_boot, 4, 4) of row probabilities (NaN rows where a replicate
    has no pair starting on that tier). Countries are the resampling unit, so the serial
    dependence of one country's placements is kept within each draw.

    Examples
    --------
    >>> p = pd.DataFrame({"iso3": ["A", "A", "B", "B"], "report_year": [1, 2, 1, 2],
    ...                   "tier": ["1", "1", "2", "2"]})
    >>> bootstrap_transition_replicates(p, n_boot=5, seed=1).shape
    (5, 4, 4)
    """
    _, counts = _country_counts(panel, years=years, countries=countries)
    m = len(counts)
    if m == 0:
        raise ValueError("no country in the panel has two consecutive ranked report years")
    rng = np.random.default_rng(seed)
    # How often each country is drawn in each replicate: a multinomial draw is the same as m
    # draws with replacement and lets one matrix product sum the counts.
    weights = rng.multinomial(m, np.full(m, 1.0 / m), size=n_boot)
    summed = (weights @ counts.reshape(m, 16)).reshape(n_boot, 4, 4)
    return _row_probabilities(summed)


def bootstrap_transition_matrix(
    panel: pd.DataFrame,
    n_boot: int = 2000,
    seed: int = 0,
    *,
    years: list[int] | range | None = None,
    countries: list[str] | None = None,
    level: float = 0.95,
) -> pd.DataFrame:
    """Transition probabilities with percentile bootstrap intervals (countries resampled).

    Returns
    -------
    DataFrame
        ``from_tier``, ``to_tier``, ``count``, ``n_from``, ``estimate`` (the pooled probability
        of :func:`transition_matrix`), ``ci_low``, ``ci_high`` (percentile interval at
        ``level``), ``n_boot`` (replicates with at least one pair from that tier) and ``note``.

    Examples
    --------
    >>> p = pd.DataFrame({"iso3": ["A", "A", "B", "B"], "report_year": [1, 2, 1, 2],
    ...                   "tier": ["1", "1", "1", "2"]})
    >>> b = bootstrap_transition_matrix(p, n_boot=200, seed=0)
    >>> b.loc[0, ["estimate", "ci_low", "ci_high"]].tolist()
    [0.5, 0.0, 1.0]
    """
    point = transition_matrix(panel, years=years, countries=countries)
    reps = bootstrap_transition_replicates(panel, n_boot, seed, years=years, countries=countries)
    alpha = (1.0 - level) / 2.0
    flat = reps.reshape(n_boot, 16)
    valid = ~np.isnan(flat)
    out = point.rename(columns={"prob": "estimate"})
    with np.errstate(all="ignore"):
        import warnings

        with warnings.catch_warnings():
            warnings.simplefilter("ignore", RuntimeWarning)  # all-NaN rows -> NaN interval
            out["ci_low"] = np.nanquantile(flat, alpha, axis=0)
            out["ci_high"] = np.nanquantile(flat, 1.0 - alpha, axis=0)
    out["n_boot"] = valid.sum(axis=0)
    out["note"] = _str_column(
        [None if v == n_boot else f"{n_boot - v} replicates without a pair from this tier"
         for v in out["n_boot"]]
    )
    return out


def __dir__() -> list[str]:
    # Tab completion shows the public API only, not pd, np or helpers.
    return list(__all__)
