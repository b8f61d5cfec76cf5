"""Difference-in-differences of one treated unit against donors, with placebo-in-space inference.

Cluster-robust errors are not valid with one treated unit, so p-values come from permutations.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np
import pandas as pd

from tipanalysis.impact._checks import _panel_matrix
from tipanalysis.impact.errors import InterventionOutsideDataError
from tipanalysis.impact.inference import rank_p_value

__all__ = [
    "did_placebo",
    "did_placebo_effects",
    "event_study",
]


# --------------------------------------------------------------------------------------------
# Difference-in-differences with placebo-in-space inference
# --------------------------------------------------------------------------------------------
def _did_effect(y_t: np.ndarray, y_c: np.ndarray, pre: np.ndarray) -> float:
    # One treated unit, common timing, balanced panel: TWFE equals the 2x2 DiD of means.
    gap = y_t - y_c.mean(axis=1)
    return float(gap[~pre].mean() - gap[pre].mean())


def _placebo_permutation(
    wide: pd.DataFrame, stat: Any
) -> pd.DataFrame:
    """Apply ``stat(y_treated, Y_controls)`` to the treated unit and to each donor in its place.

    In a placebo run the real treated unit is left out of the controls (it was treated).
    """
    Y = wide.to_numpy(float)
    names = list(wide.columns)
    out = [(names[0], "treated", stat(Y[:, 0], Y[:, 1:]))]
    donors = Y[:, 1:]
    for j in range(donors.shape[1]):
        others = np.delete(donors, j, axis=1)
        out.append((names[j + 1], "placebo", stat(donors[:, j], others)))
    return pd.DataFrame(out, columns=["unit", "role", "value"])


def _rank_p(values: np.ndarray) -> tuple[int, float]:
    """Rank of the first value (1 = most extreme) and the permutation p-value rank / n."""
    first = values[0]
    # Ties within rounding count against the treated unit; an infinite value ties only with inf.
    threshold = first - 1e-12 * max(1.0, abs(first)) if np.isfinite(first) else first
    rank = int((values >= threshold).sum())
    return rank, rank / len(values)


def did_placebo_effects(
    panel: pd.DataFrame,
    unit: str,
    time: str,
    outcome: str,
    treated: Any,
    intervention: float,
    *,
    donors: Sequence[Any] | None = None,
    min_pre: int = 2,
) -> pd.DataFrame:
    """DiD effect of the treated unit and of every donor given the treatment in its place.

    Returns
    -------
    DataFrame
        ``unit, role ("treated"/"placebo"), estimate, abs_rank`` (1 = largest ``|estimate|``).

    Examples
    --------
    >>> p = pd.DataFrame({"u": list("aaaabbbbcccc"), "t": [0, 1, 2, 3] * 3,
    ...                   "y": [1., 1, 5, 5, 1, 1, 1, 1, 2, 2, 2, 2]})
    >>> did_placebo_effects(p, "u", "t", "y", "a", 2)["estimate"].tolist()
    [4.0, 0.0, 0.0]
    """
    wide, pre, _, _ = _panel_matrix(panel, unit, time, outcome, treated, intervention, donors,
                                    min_pre)
    res = _placebo_permutation(wide, lambda yt, yc: _did_effect(yt, yc, pre))
    res = res.rename(columns={"value": "estimate"})
    res["abs_rank"] = res["estimate"].abs().rank(ascending=False, method="max").astype(int)
    return res


def did_placebo(
    panel: pd.DataFrame,
    unit: str,
    time: str,
    outcome: str,
    treated: Any,
    intervention: float,
    *,
    donors: Sequence[Any] | None = None,
    min_pre: int = 2,
) -> pd.DataFrame:
    """Difference-in-differences of one treated unit against donors, placebo-in-space p-value.

    The estimate is the two-way fixed-effects DiD (with one treated unit, common timing and a
    balanced panel it equals the change in the treated-minus-donor-mean gap from the pre to the
    post period). Inference re-assigns the treatment to each donor in turn; the p-value is the
    share of units (treated included) whose ``|effect|`` is at least the treated unit's, so the
    smallest attainable p-value is ``1 / (n_donors + 1)``.

    Returns
    -------
    DataFrame
        One row: ``estimate, p_value, rank, n_units, n_donors, n_pre, n_post,
        p_value_midrank, n_ties, min_p, note`` (``p_value`` counts ties against the treated
        unit; ``p_value_midrank`` gives ties their average rank; ``min_p`` = 1 / n_units).

    Examples
    --------
    >>> p = pd.DataFrame({"u": list("aaaabbbbcccc"), "t": [0, 1, 2, 3] * 3,
    ...                   "y": [1., 1, 5, 5, 1, 1, 1, 1, 2, 2, 2, 2]})
    >>> out = did_placebo(p, "u", "t", "y", "a", 2)
    >>> float(out["estimate"].iloc[0]), float(out["p_value"].iloc[0]), int(out["n_donors"].iloc[0])
    (4.0, 0.3333333333333333, 2)
    """
    wide, pre, n_pre, n_post = _panel_matrix(panel, unit, time, outcome, treated, intervention,
                                             donors, min_pre)
    res = _placebo_permutation(wide, lambda yt, yc: _did_effect(yt, yc, pre))
    rank, p = _rank_p(np.abs(res["value"].to_numpy()))
    n_donors = wide.shape[1] - 1
    note = (f"TWFE DiD; placebo-in-space p = rank/{n_donors + 1} of |effect|; "
            f"{n_pre} pre and {n_post} post periods")
    # Ties and the minimum attainable p (issue 14): see tipanalysis.impact.inference.
    tie = rank_p_value(np.abs(res["value"].to_numpy()))
    note += (f"; ties count against the treated unit ({tie['n_ties']} tie(s); mid-rank p "
             f"{tie['p_value_midrank']:.3f}); smallest attainable p 1/{n_donors + 1}")
    return pd.DataFrame({"estimate": [res["value"].iloc[0]], "p_value": [p], "rank": [rank],
                         "n_units": [n_donors + 1], "n_donors": [n_donors], "n_pre": [n_pre],
                         "n_post": [n_post], "p_value_midrank": [tie["p_value_midrank"]],
                         "n_ties": [tie["n_ties"]], "min_p": [tie["min_p"]], "note": [note]})


def event_study(
    panel: pd.DataFrame,
    unit: str,
    time: str,
    outcome: str,
    treated: Any,
    intervention: float,
    *,
    donors: Sequence[Any] | None = None,
    reference: float | None = None,
    min_pre: int = 2,
) -> pd.DataFrame:
    """Event-study coefficients of one treated unit relative to a reference period.

    For each period ``s`` the coefficient is the treated-minus-donor-mean gap at ``s`` minus the
    gap at the reference period (default: the last pre-intervention period), which is what a
    TWFE regression with period-by-treated dummies gives for one treated unit. Each coefficient
    gets a placebo-in-space p-value from the same statistic computed for every donor.

    Returns
    -------
    DataFrame
        ``time, rel_time, estimate, p_value, n_donors, n_pre, n_post, post, min_p`` (the
        reference row has estimate 0 and a missing p-value; ``min_p`` = 1 / (n_donors + 1) is
        the smallest p-value any coefficient can get: see
        :func:`tipanalysis.impact.inference.count_below`).

    Examples
    --------
    >>> p = pd.DataFrame({"u": list("aaaabbbbcccc"), "t": [0, 1, 2, 3] * 3,
    ...                   "y": [1., 1, 5, 6, 1, 1, 1, 1, 2, 2, 2, 2]})
    >>> event_study(p, "u", "t", "y", "a", 2)["estimate"].tolist()
    [0.0, 0.0, 4.0, 5.0]
    """
    wide, pre, _, _ = _panel_matrix(panel, unit, time, outcome, treated, intervention, donors,
                                    min_pre)
    times = wide.index.to_numpy(float)
    ref = times[pre][-1] if reference is None else reference
    if ref not in set(times):
        raise InterventionOutsideDataError(f"reference period {ref!r} is not in the data")
    r = int(np.flatnonzero(times == ref)[0])
    Y = wide.to_numpy(float)
    n = Y.shape[1]

    def coefs(yt: np.ndarray, yc: np.ndarray) -> np.ndarray:
        gap = yt - yc.mean(axis=1)
        return gap - gap[r]

    treated_coef = coefs(Y[:, 0], Y[:, 1:])
    placebo = np.column_stack([coefs(Y[:, j], np.delete(Y[:, 1:], j - 1, axis=1))
                               for j in range(1, n)])
    allv = np.abs(np.column_stack([treated_coef, placebo]))
    pvals = np.array([_rank_p(row)[1] for row in allv])
    pvals[r] = np.nan
    return pd.DataFrame({time: wide.index.to_numpy(), "rel_time": times - intervention,
                         "estimate": treated_coef, "p_value": pvals, "n_donors": n - 1,
                         "n_pre": int(pre.sum()), "n_post": int((~pre).sum()), "post": ~pre,
                         "min_p": 1.0 / n})


def __dir__() -> list[str]:
    # Tab completion shows the public API only, not pd, np or helpers.
    return list(__all__)
