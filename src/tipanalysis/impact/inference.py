"""What placebo (permutation) inference can and cannot say: ties, minimum p, exact fits.

Helpers used by the placebo-in-space methods of :mod:`tipanalysis.impact` (``did_placebo``,
``event_study``, ``synth_summary``, ``synth_placebo``) and by the sentences generated from them:

- :func:`rank_p_value`: the treated unit's rank p-value with ties handled as stated, both
  *conservative* (every tie counts against the treated unit) and *mid-rank* (ties share the
  average rank), the number of ties and the minimum attainable p-value ``1 / n``;
- :func:`ratio_status`: for the synthetic-control post/pre RMSPE ratio, which units fit their
  pre-period exactly and whether their ratio is undefined (0/0, set to 0) or infinite (x/0);
- :func:`count_below`: "k of m p-values are at most alpha", or, when ``1 / n > alpha``, a
  statement that the design cannot reach alpha at all.

Only numpy and pandas are used.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

__all__ = ["count_below", "exact_fit_report", "min_attainable_p", "rank_p_value",
           "ratio_status"]


def min_attainable_p(n_units: int) -> float:
    """Smallest p-value a placebo-in-space test over ``n_units`` units (treated included) gives.

    >>> min_attainable_p(6)
    0.16666666666666666
    """
    return 1.0 / int(n_units)


def _tol(x: float) -> float:
    return 1e-12 * max(1.0, abs(x)) if np.isfinite(x) else 0.0


def rank_p_value(values: np.ndarray | list[float]) -> dict[str, float]:
    """Rank p-value of the first value among all (1 = most extreme = largest), with ties.

    Values within a relative 1e-12 of the treated value tie with it; infinity ties only with
    infinity; NaN values are left out (and counted in ``n_undefined``).

    Returns
    -------
    dict
        ``rank`` (conservative: units at least as large), ``p_value`` = rank / n,
        ``rank_midrank`` (ties share the average rank), ``p_value_midrank``, ``n_ties`` (other
        units tied with the treated one), ``min_p`` = 1 / n, ``n`` (units with a value) and
        ``n_undefined``.

    Examples
    --------
    >>> r = rank_p_value([2.0, 3.0, 2.0, 2.0, 1.0])
    >>> r["rank"], r["p_value"], r["rank_midrank"], r["p_value_midrank"], r["n_ties"]
    (4, 0.8, 3.0, 0.6, 2)
    """
    v = np.asarray(values, dtype=float)
    undefined = int(np.isnan(v[1:]).sum())
    first = v[0]
    v = v[~np.isnan(v)]
    n = len(v)
    tol = _tol(first)
    if np.isfinite(first):
        greater = int((v > first + tol).sum())
        equal = int((np.abs(v - first) <= tol).sum())
    else:
        greater, equal = 0, int((v == first).sum())
    rank = greater + equal
    mid = greater + (equal + 1) / 2.0
    return {"rank": rank, "p_value": rank / n, "rank_midrank": mid, "p_value_midrank": mid / n,
            "n_ties": equal - 1, "min_p": 1.0 / n, "n": n, "n_undefined": undefined}


def ratio_status(pre_rmspe: np.ndarray, post_rmspe: np.ndarray, rtol: float = 1e-9
                 ) -> np.ndarray:
    """Per unit: ``"finite"``, ``"0/0"`` (exact pre *and* post fit) or ``"x/0"`` (exact pre fit,
    post gap: infinite ratio), with the tolerance of ``impact.synthetic._rmspe_ratio``.

    >>> ratio_status(np.array([0.5, 0.0, 0.0]), np.array([1.0, 0.0, 2.0])).tolist()
    ['finite', '0/0', 'x/0']
    """
    pre, post = np.asarray(pre_rmspe, float), np.asarray(post_rmspe, float)
    tiny = rtol * (1.0 + float(np.max(np.concatenate([pre, post]), initial=0.0)))
    exact = pre <= tiny
    return np.where(~exact, "finite", np.where(post <= tiny, "0/0", "x/0")).astype(object)


def exact_fit_report(ratio: np.ndarray, pre_rmspe: np.ndarray, post_rmspe: np.ndarray
                     ) -> dict[str, float]:
    """Rank p-values of the treated ratio (first) under three handlings of exact pre-period fits.

    Returns the :func:`rank_p_value` fields for the ratio as computed (0/0 -> 0, x/0 -> inf),
    plus ``n_exact_pre`` (units, treated included, whose pre-period fit is exact),
    ``n_ratio_zero`` (0/0, set to 0), ``n_ratio_inf`` (x/0, infinite) and
    ``p_value_defined_only`` (rank among the units whose ratio is finite and defined, i.e.
    leaving every exact pre-period fit out; NaN if the treated unit's own fit is exact).

    Examples
    --------
    >>> r = exact_fit_report(np.array([2.0, np.inf, 0.0, 1.0]), np.array([1.0, 0, 0, 1]),
    ...                      np.array([2.0, 1, 0, 1]))
    >>> r["n_exact_pre"], r["n_ratio_zero"], r["n_ratio_inf"], r["p_value"]
    (2, 1, 1, 0.5)
    >>> r["p_value_defined_only"]
    0.5
    """
    status = ratio_status(pre_rmspe, post_rmspe)
    out = rank_p_value(ratio)
    out["n_exact_pre"] = int((status != "finite").sum())
    out["n_ratio_zero"] = int((status == "0/0").sum())
    out["n_ratio_inf"] = int((status == "x/0").sum())
    if status[0] == "finite":
        keep = status == "finite"
        out["p_value_defined_only"] = rank_p_value(np.asarray(ratio, float)[keep])["p_value"]
    else:
        out["p_value_defined_only"] = np.nan
    return out


def count_below(p_values: pd.Series | np.ndarray, n_units: int, alpha: float = 0.1) -> str:
    """"k of m p-values are at most alpha", or why no p-value can be.

    Examples
    --------
    >>> count_below([0.5, 0.17], n_units=6)[:44]
    'none of the 2 p-values can be at most 0.1: w'
    >>> count_below([0.05, 0.5], n_units=40)
    '1 of 2 p-values are at most 0.1 (smallest attainable p-value 1/40 = 0.025)'
    """
    p = np.asarray(p_values, dtype=float)
    p = p[~np.isnan(p)]
    floor = min_attainable_p(n_units)
    if floor > alpha:
        return (f"none of the {len(p)} p-values can be at most {alpha:g}: with {n_units} units "
                f"the smallest attainable p-value is 1/{n_units} = {floor:.2f}")
    return (f"{int((p <= alpha).sum())} of {len(p)} p-values are at most {alpha:g} (smallest "
            f"attainable p-value 1/{n_units} = {floor:.2g})")


def __dir__() -> list[str]:
    # Tab completion shows the public API only, not pd, np or helpers.
    return list(__all__)
