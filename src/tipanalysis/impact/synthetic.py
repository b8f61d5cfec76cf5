"""Synthetic control: simplex donor weights (scipy), pre-period RMSPE, placebos and their p-value.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

from tipanalysis.impact._checks import _panel_matrix
from tipanalysis.impact.did import _rank_p
from tipanalysis.impact.errors import ImpactInputError, MissingOutcomeError
from tipanalysis.impact.inference import exact_fit_report, ratio_status

__all__ = [
    "SynthResult",
    "synth",
    "synth_placebo",
    "synth_placebo_gaps",
    "synth_summary",
    "synth_weights",
    "synthetic_control",
]


# --------------------------------------------------------------------------------------------
# Synthetic control
# --------------------------------------------------------------------------------------------
def _simplex_weights(x1: np.ndarray, X0: np.ndarray, v: np.ndarray | None = None) -> np.ndarray:
    """argmin_w (x1 - X0 w)' diag(v) (x1 - X0 w) s.t. w >= 0, sum w = 1.

    Solved as non-negative least squares with a heavily weighted row of ones standing for the
    sum constraint (Lawson-Hanson, exact active set); the residual violation of the constraint is
    of order 1e-12 and removed by renormalising. On the Proposition 99 panel this matches an
    SLSQP solution of the constrained problem to 15 significant digits of the objective.
    """
    from scipy.optimize import nnls

    v = np.ones(len(x1)) if v is None else np.asarray(v, float)
    sv = np.sqrt(v)[:, None]
    A, b = X0 * sv, x1 * sv[:, 0]
    big = 1e3 * max(1.0, float(np.abs(A).mean()))
    w, _ = nnls(np.vstack([A, big * np.ones(X0.shape[1])]), np.r_[b, big], maxiter=50 * len(b))
    w = np.clip(w, 0, None)
    return w / w.sum() if w.sum() > 0 else np.full(X0.shape[1], 1 / X0.shape[1])


def _predictor_matrix(
    wide: pd.DataFrame,
    pre: np.ndarray,
    predictors: pd.DataFrame | None,
    outcome_lags: Sequence[float] | None,
) -> tuple[np.ndarray, list[str]]:
    """Predictors (rows) by units (columns): chosen pre-period outcomes plus covariates."""
    pre_times = wide.index[pre]
    lags = list(pre_times) if outcome_lags is None else list(outcome_lags)
    bad = [t for t in lags if t not in set(pre_times)]
    if bad:
        raise ImpactInputError(f"outcome_lags {bad} are not pre-intervention periods")
    parts = [wide.loc[lags].to_numpy(float)]
    names = [f"outcome[{t}]" for t in lags]
    if predictors is not None:
        missing = [u for u in wide.columns if u not in predictors.index]
        if missing:
            raise ImpactInputError(f"predictors have no row for unit(s) {missing}")
        cov = predictors.loc[list(wide.columns)]
        if cov.isna().any().any():
            counts = cov.isna().sum().to_dict()
            raise MissingOutcomeError(f"predictors have missing values: {counts}")
        parts.append(cov.to_numpy(float).T)
        names += list(cov.columns)
    return np.vstack(parts), names


def _synth_fit_unit(
    y_t: np.ndarray,
    Y_c: np.ndarray,
    pre: np.ndarray,
    P_t: np.ndarray,
    P_c: np.ndarray,
    v: str | np.ndarray,
    standardise: bool = False,
) -> np.ndarray:
    """Donor weights for one (possibly placebo) treated unit."""
    x1, X0 = P_t, P_c
    if standardise:
        # With covariates, units of measurement must not set a predictor's importance.
        sd = np.concatenate([P_t[:, None], P_c], axis=1).std(axis=1)
        sd[sd == 0] = 1.0
        x1, X0 = P_t / sd, P_c / sd[:, None]
    if isinstance(v, str) and v == "equal":
        return _simplex_weights(x1, X0)
    if isinstance(v, tuple) and v[0] == "optimize":
        return _optimise_v(x1, X0, y_t[pre], Y_c[pre], starts=v[1])
    vv = np.asarray(v, float)
    if vv.shape != (len(x1),) or (vv < 0).any() or vv.sum() == 0:
        raise ImpactInputError(f"v must be 'equal', 'optimize' or {len(x1)} non-negative weights")
    return _simplex_weights(x1, X0, vv / vv.sum())


def _optimise_v(x1, X0, y_pre, Y_pre, starts: int = 5, seed: int = 0) -> np.ndarray:
    """Nested ADH optimisation: choose V to minimise the pre-period outcome MSPE.

    V lives on the simplex (softmax of ``theta``). The objective is flat in places and has
    local minima, so Nelder-Mead is restarted from equal weights and ``starts - 1`` seeded
    random points, each with a wide initial simplex (a step of 3 in log-weight), and the best
    solution is kept. On Proposition 99 with ADH's seven predictors this reproduces the
    published donor weights to +/-0.004 (tests).
    """
    from scipy.optimize import minimize

    k = len(x1)

    def loss(theta: np.ndarray) -> float:
        v = np.exp(theta - theta.max())
        w = _simplex_weights(x1, X0, v / v.sum())
        return float(np.mean((y_pre - Y_pre @ w) ** 2))

    rng = np.random.default_rng(seed)
    points = [np.zeros(k)] + [rng.normal(0.0, 2.0, k) for _ in range(max(starts, 1) - 1)]
    best_x, best_f = points[0], loss(points[0])
    for x0 in points:
        simplex = np.vstack([x0, x0 + 3.0 * np.eye(k)])
        res = minimize(loss, x0, method="Nelder-Mead",
                       options={"initial_simplex": simplex, "maxiter": 400 * k,
                                "xatol": 1e-2, "fatol": 1e-6})
        if res.fun < best_f:
            best_x, best_f = res.x, float(res.fun)
    v = np.exp(best_x - best_x.max())
    return _simplex_weights(x1, X0, v / v.sum())


def _v_spec(v: Any, starts: int) -> Any:
    if isinstance(v, str):
        if v not in ("equal", "optimize"):
            raise ImpactInputError(f"v must be 'equal', 'optimize' or weights, not {v!r}")
        return ("optimize", int(starts)) if v == "optimize" else v
    return v


def _synth_setup(panel, unit, time, outcome, treated, intervention, donors, predictors,
                 outcome_lags, min_pre):
    wide, pre, n_pre, n_post = _panel_matrix(panel, unit, time, outcome, treated, intervention,
                                             donors, min_pre, min_donors=2)
    P, names = _predictor_matrix(wide, pre, predictors, outcome_lags)
    return wide, pre, n_pre, n_post, P, names


def synth_weights(
    panel: pd.DataFrame,
    unit: str,
    time: str,
    outcome: str,
    treated: Any,
    intervention: float,
    *,
    donors: Sequence[Any] | None = None,
    predictors: pd.DataFrame | None = None,
    outcome_lags: Sequence[float] | None = None,
    v: str | Sequence[float] = "equal",
    v_starts: int = 5,
    min_pre: int = 3,
) -> pd.DataFrame:
    """Synthetic-control donor weights (non-negative, summing to one).

    The weights minimise the V-weighted distance between the treated unit's predictors and the
    weighted donors' predictors (Abadie, Diamond & Hainmueller 2010). Predictors are the
    pre-period outcomes (all, or ``outcome_lags``) plus optional covariates in ``predictors``
    (index = unit, one column per predictor, already averaged over the pre-period). With
    covariates every predictor row is standardised by its standard deviation across units;
    with outcomes only the fit is plain least squares on the pre-period outcomes.
    ``v="equal"`` weighs predictors equally, ``v="optimize"`` chooses V to minimise the
    pre-period outcome MSPE (nested optimisation; slower, and like every implementation
    sensitive to starting values; ``v_starts`` seeded restarts, default 5), or pass weights.

    Returns
    -------
    DataFrame
        ``unit, weight`` for every donor, sorted by weight (descending).

    Examples
    --------
    >>> p = pd.DataFrame({"u": list("aaaabbbbcccc"), "t": [0, 1, 2, 3] * 3,
    ...                   "y": [2., 3, 4, 5, 1, 2, 3, 4, 3, 4, 5, 6]})
    >>> synth_weights(p, "u", "t", "y", "a", 3)["weight"].round(3).tolist()
    [0.5, 0.5]
    """
    # One fit, read through SynthResult (kept for existing callers).
    return synth(panel, unit, time, outcome, treated, intervention, donors=donors,
                 predictors=predictors, outcome_lags=outcome_lags, v=v, v_starts=v_starts,
                 min_pre=min_pre).weights


def synthetic_control(
    panel: pd.DataFrame,
    unit: str,
    time: str,
    outcome: str,
    treated: Any,
    intervention: float,
    *,
    donors: Sequence[Any] | None = None,
    predictors: pd.DataFrame | None = None,
    outcome_lags: Sequence[float] | None = None,
    v: str | Sequence[float] = "equal",
    v_starts: int = 5,
    min_pre: int = 3,
) -> pd.DataFrame:
    """Observed and synthetic series of the treated unit, and the gap between them.

    Returns
    -------
    DataFrame
        ``time, observed, synthetic, gap, period ("pre"/"post")``.

    Examples
    --------
    >>> p = pd.DataFrame({"u": list("aaaabbbbcccc"), "t": [0, 1, 2, 3] * 3,
    ...                   "y": [2., 3, 4, 9, 1, 2, 3, 4, 3, 4, 5, 6]})
    >>> (synthetic_control(p, "u", "t", "y", "a", 3)["gap"].round(6) + 0.0).tolist()
    [0.0, 0.0, 0.0, 4.0]
    """
    # One fit, read through SynthResult (kept for existing callers).
    return synth(panel, unit, time, outcome, treated, intervention, donors=donors,
                 predictors=predictors, outcome_lags=outcome_lags, v=v, v_starts=v_starts,
                 min_pre=min_pre).gaps


def _placebo_gaps(
    wide: pd.DataFrame, pre: np.ndarray, P: np.ndarray, v: Any, std: bool
) -> np.ndarray:
    """Gap series (time x unit) for the treated unit and each donor as placebo."""
    Y = wide.to_numpy(float)
    n = Y.shape[1]
    gaps = np.empty_like(Y)
    w = _synth_fit_unit(Y[:, 0], Y[:, 1:], pre, P[:, 0], P[:, 1:], v, std)
    gaps[:, 0] = Y[:, 0] - Y[:, 1:] @ w
    for j in range(1, n):
        # The real treated unit is excluded from every placebo's donor pool.
        others = [k for k in range(1, n) if k != j]
        w = _synth_fit_unit(Y[:, j], Y[:, others], pre, P[:, j], P[:, others], v, std)
        gaps[:, j] = Y[:, j] - Y[:, others] @ w
    return gaps


def _rmspe(gaps: np.ndarray, mask: np.ndarray) -> np.ndarray:
    return np.sqrt(np.mean(gaps[mask] ** 2, axis=0))


def _rmspe_ratio(pre_r: np.ndarray, post_r: np.ndarray, rtol: float = 1e-9) -> np.ndarray:
    """Post/pre RMSPE ratio; a unit fitted exactly before *and* after gets 0, not infinity.

    An exact pre-period fit with a post-period gap is an infinitely large departure; with no
    post-period gap either, nothing happened, and ranking it above the treated unit would
    inflate the p-value.

    Examples
    --------
    >>> _rmspe_ratio(np.array([0.5, 0.0, 0.0]), np.array([1.0, 0.0, 2.0])).tolist()
    [2.0, 0.0, inf]
    """
    tiny = rtol * (1.0 + float(np.max(np.concatenate([pre_r, post_r]), initial=0.0)))
    with np.errstate(divide="ignore", invalid="ignore"):
        ratio = post_r / pre_r
    ratio = np.where(pre_r <= tiny, np.where(post_r <= tiny, 0.0, np.inf), ratio)
    return ratio


def synth_placebo(
    panel: pd.DataFrame,
    unit: str,
    time: str,
    outcome: str,
    treated: Any,
    intervention: float,
    *,
    donors: Sequence[Any] | None = None,
    predictors: pd.DataFrame | None = None,
    outcome_lags: Sequence[float] | None = None,
    v: str | Sequence[float] = "equal",
    v_starts: int = 5,
    min_pre: int = 3,
) -> pd.DataFrame:
    """Placebo-in-space distribution: every donor gets a synthetic control of its own.

    Returns
    -------
    DataFrame
        ``unit, role, pre_rmspe, post_rmspe, ratio, rank, p_value, ratio_status`` where
        ``ratio`` is the post/pre RMSPE ratio, ``rank`` its rank (1 = largest, ties take the
        largest rank) and ``p_value`` = rank / n_units (ADH 2010); ``ratio_status`` is
        ``finite``, ``0/0`` (exact pre- and post-period fit: ratio set to 0) or ``x/0`` (exact
        pre-period fit: infinite ratio); sorted by rank.

    Examples
    --------
    >>> p = pd.DataFrame({"u": list("aaaabbbbccccdddd"), "t": [0, 1, 2, 3] * 4,
    ...                   "y": [2., 3, 4, 9, 1, 2, 3, 4, 3, 4, 5, 6, 2, 3.5, 4, 5]})
    >>> synth_placebo(p, "u", "t", "y", "a", 3).iloc[0]["unit"]
    'a'
    """
    # One fit, read through SynthResult (kept for existing callers).
    return synth(panel, unit, time, outcome, treated, intervention, donors=donors,
                 predictors=predictors, outcome_lags=outcome_lags, v=v, v_starts=v_starts,
                 min_pre=min_pre).placebo()


def synth_placebo_gaps(
    panel: pd.DataFrame,
    unit: str,
    time: str,
    outcome: str,
    treated: Any,
    intervention: float,
    *,
    donors: Sequence[Any] | None = None,
    predictors: pd.DataFrame | None = None,
    outcome_lags: Sequence[float] | None = None,
    v: str | Sequence[float] = "equal",
    v_starts: int = 5,
    min_pre: int = 3,
) -> pd.DataFrame:
    """Long table of gap series for the treated unit and every placebo (for the classic plot).

    Returns
    -------
    DataFrame
        ``unit, role, time, gap, pre_rmspe``.

    Examples
    --------
    >>> p = pd.DataFrame({"u": list("aaaabbbbcccc"), "t": [0, 1, 2, 3] * 3,
    ...                   "y": [2., 3, 4, 9, 1, 2, 3, 4, 3, 4, 5, 6]})
    >>> len(synth_placebo_gaps(p, "u", "t", "y", "a", 3))
    12
    """
    # One fit, read through SynthResult (kept for existing callers).
    return synth(panel, unit, time, outcome, treated, intervention, donors=donors,
                 predictors=predictors, outcome_lags=outcome_lags, v=v, v_starts=v_starts,
                 min_pre=min_pre).placebo_gaps()


def synth_summary(
    panel: pd.DataFrame,
    unit: str,
    time: str,
    outcome: str,
    treated: Any,
    intervention: float,
    *,
    donors: Sequence[Any] | None = None,
    predictors: pd.DataFrame | None = None,
    outcome_lags: Sequence[float] | None = None,
    v: str | Sequence[float] = "equal",
    v_starts: int = 5,
    min_pre: int = 3,
) -> pd.DataFrame:
    """One-row summary: average post-period gap, pre-period fit and the placebo p-value.

    Returns
    -------
    DataFrame
        ``estimate`` (mean post-period gap), ``pre_rmspe``, ``post_rmspe``, ``ratio``,
        ``rank``, ``p_value`` (post/pre RMSPE-ratio rank / n_units; ties count against the
        treated unit), ``n_donors``, ``n_pre``, ``n_post``, ``p_value_midrank`` (ties share
        their average rank), ``p_value_defined_only`` (every unit with an exact pre-period fit
        left out), ``n_ties``, ``n_exact_pre`` (units fitting the pre-period exactly),
        ``n_ratio_zero`` (0/0 ratios set to 0), ``n_ratio_inf`` (infinite ratios), ``min_p``
        (1 / n_units), ``note`` (see :mod:`tipanalysis.impact.inference`).

    Examples
    --------
    >>> p = pd.DataFrame({"u": list("aaaabbbbccccdddd"), "t": [0, 1, 2, 3] * 4,
    ...                   "y": [2., 3, 4, 9, 1, 2, 3, 4, 3, 4, 5, 6, 2, 3.5, 4, 5]})
    >>> float(synth_summary(p, "u", "t", "y", "a", 3)["p_value"].iloc[0])
    0.25
    """
    # One fit, read through SynthResult (kept for existing callers).
    return synth(panel, unit, time, outcome, treated, intervention, donors=donors,
                 predictors=predictors, outcome_lags=outcome_lags, v=v, v_starts=v_starts,
                 min_pre=min_pre).summary()


@dataclass(frozen=True, eq=False)
class SynthResult:
    """A synthetic control fitted once; placebos are run at most once, on first use.

    Built by :func:`synth`. The ``synth_*`` functions and :func:`synthetic_control` return the
    same tables as the attributes and methods here (they are thin wrappers around it).

    Attributes
    ----------
    weights : DataFrame
        ``unit, weight`` for every donor, sorted by weight (:func:`synth_weights`).
    gaps : DataFrame
        ``time, observed, synthetic, gap, period`` (:func:`synthetic_control`).
    n_pre, n_post, n_donors : int
    """

    unit: str
    time: str
    outcome: str
    treated: Any
    intervention: float
    v: Any
    n_pre: int
    n_post: int
    predictor_names: tuple[str, ...]
    _wide: pd.DataFrame = field(repr=False)
    _pre: np.ndarray = field(repr=False)
    _P: np.ndarray = field(repr=False)
    _vspec: Any = field(repr=False)
    _std: bool = field(repr=False)
    _w: np.ndarray = field(repr=False)

    @property
    def n_donors(self) -> int:
        return self._wide.shape[1] - 1

    @property
    def pre_rmspe(self) -> float:
        """Root mean squared gap of the treated unit before the intervention (the fit)."""
        gap = self.gaps["gap"].to_numpy()[self._pre]
        return float(np.sqrt(np.mean(gap ** 2)))

    @functools.cached_property
    def weights(self) -> pd.DataFrame:
        out = pd.DataFrame({"unit": list(self._wide.columns[1:]), "weight": self._w})
        return out.sort_values("weight", ascending=False, kind="stable").reset_index(drop=True)

    @functools.cached_property
    def gaps(self) -> pd.DataFrame:
        Y = self._wide.to_numpy(float)
        synth = Y[:, 1:] @ self._w
        return pd.DataFrame({self.time: self._wide.index.to_numpy(), "observed": Y[:, 0],
                             "synthetic": synth, "gap": Y[:, 0] - synth,
                             "period": np.where(self._pre, "pre", "post")})

    @functools.cached_property
    def _placebo_matrix(self) -> np.ndarray:
        # The costly part (one synthetic control per donor): run once per result.
        return _placebo_gaps(self._wide, self._pre, self._P, self._vspec, self._std)

    def placebo(self) -> pd.DataFrame:
        """Placebo-in-space distribution (:func:`synth_placebo`): RMSPE ratios, ranks, p."""
        gaps, pre = self._placebo_matrix, self._pre
        pre_r, post_r = _rmspe(gaps, pre), _rmspe(gaps, ~pre)
        out = pd.DataFrame({"unit": list(self._wide.columns),
                            "role": ["treated"] + ["placebo"] * self.n_donors,
                            "pre_rmspe": pre_r, "post_rmspe": post_r,
                            "ratio": _rmspe_ratio(pre_r, post_r)})
        out["rank"] = out["ratio"].rank(ascending=False, method="max").astype(int)
        out["p_value"] = out["rank"] / len(out)
        out["ratio_status"] = ratio_status(pre_r, post_r)  # exact pre-period fits (issue 14)
        return out.sort_values(["rank", "role"], ascending=[True, False],
                               kind="stable").reset_index(drop=True)

    def placebo_gaps(self) -> pd.DataFrame:
        """Long table of every unit's gap series (:func:`synth_placebo_gaps`)."""
        gaps, wide = self._placebo_matrix, self._wide
        pre_r = _rmspe(gaps, self._pre)
        frames = [pd.DataFrame({"unit": name, "role": "treated" if k == 0 else "placebo",
                                self.time: wide.index.to_numpy(), "gap": gaps[:, k],
                                "pre_rmspe": pre_r[k]})
                  for k, name in enumerate(wide.columns)]
        return pd.concat(frames, ignore_index=True)

    def summary(self) -> pd.DataFrame:
        """One row: mean post gap, RMSPEs, ratio, rank and placebo p (:func:`synth_summary`),
        with ties, exact pre-period fits and the minimum attainable p."""
        gaps, pre = self._placebo_matrix, self._pre
        pre_r, post_r = _rmspe(gaps, pre), _rmspe(gaps, ~pre)
        ratio = _rmspe_ratio(pre_r, post_r)
        rank, p = _rank_p(ratio)
        n_units = self._wide.shape[1]
        v = self.v
        note = (f"{len(self.predictor_names)} predictor(s), "
                f"v={v if isinstance(v, str) else 'custom'}; "
                f"p = rank of post/pre RMSPE ratio / {n_units} units")
        fits = exact_fit_report(ratio, pre_r, post_r)  # ties, exact fits, minimum p (issue 14)
        note += (f"; ties count against the treated unit; {fits['n_exact_pre']} unit(s) fit the "
                 f"pre-period exactly ({fits['n_ratio_zero']} ratio 0/0 set to 0, "
                 f"{fits['n_ratio_inf']} infinite); smallest attainable p 1/{n_units}")
        return pd.DataFrame({"estimate": [float(gaps[~pre, 0].mean())], "pre_rmspe": [pre_r[0]],
                             "post_rmspe": [post_r[0]], "ratio": [ratio[0]], "rank": [rank],
                             "p_value": [p], "n_donors": [n_units - 1], "n_pre": [self.n_pre],
                             "n_post": [self.n_post],
                             "p_value_midrank": [fits["p_value_midrank"]],
                             "p_value_defined_only": [fits["p_value_defined_only"]],
                             "n_ties": [fits["n_ties"]], "n_exact_pre": [fits["n_exact_pre"]],
                             "n_ratio_zero": [fits["n_ratio_zero"]],
                             "n_ratio_inf": [fits["n_ratio_inf"]], "min_p": [fits["min_p"]],
                             "note": [note]})

    def p_value_finite(self) -> tuple[int, int, float]:
        """Rank, number of units and p-value among units with a finite RMSPE ratio.

        Placebos that fit their pre-period exactly get an infinite ratio and outrank everything;
        this alternative leaves them out (report it next to :meth:`summary`, not instead).
        """
        placebo = self.placebo()
        ratio = float(placebo.loc[placebo["role"] == "treated", "ratio"].iloc[0])
        finite = placebo[np.isfinite(placebo["ratio"])]
        rank = max(int((finite["ratio"] >= ratio).sum()), 1)
        return rank, len(finite), rank / len(finite)

    def plot(self, ax: Any = None, title: str | None = None, *, lang: str = "en") -> Any:
        """Treated against synthetic (:func:`tipanalysis.viz.impact.plot_synth`)."""
        from tipanalysis.viz.impact import plot_synth  # results draw through the viz layer

        return plot_synth(self.gaps, self.time, ax=ax, title=title, lang=lang)

    def plot_placebos(self, ax: Any = None, max_pre_rmspe_ratio: float | None = 5.0,
                      title: str | None = None, *, lang: str = "en") -> Any:
        """Every placebo's gap behind the treated one (:func:`.viz.impact.plot_placebo_gaps`)."""
        from tipanalysis.viz.impact import plot_placebo_gaps  # results draw through viz

        return plot_placebo_gaps(self.placebo_gaps(), self.time, ax=ax,
                                 max_pre_rmspe_ratio=max_pre_rmspe_ratio, title=title, lang=lang)


def synth(
    panel: pd.DataFrame,
    unit: str,
    time: str,
    outcome: str,
    treated: Any,
    intervention: float,
    *,
    donors: Sequence[Any] | None = None,
    predictors: pd.DataFrame | None = None,
    outcome_lags: Sequence[float] | None = None,
    v: str | Sequence[float] = "equal",
    v_starts: int = 5,
    min_pre: int = 3,
) -> SynthResult:
    """Fit a synthetic control once and return a :class:`SynthResult`.

    Arguments as :func:`synth_weights` (data, then ``unit, time, outcome``, then the treated
    unit and the intervention). ``.weights`` and ``.gaps`` come from this one fit;
    ``.placebo()``, ``.placebo_gaps()`` and ``.summary()`` share one run of the placebo loop.

    Examples
    --------
    >>> p = pd.DataFrame({"u": list("aaaabbbbccccdddd"), "t": [0, 1, 2, 3] * 4,
    ...                   "y": [2., 3, 4, 9, 1, 2, 3, 4, 3, 4, 5, 6, 2, 3.5, 4, 5]})
    >>> res = synth(p, "u", "t", "y", "a", 3)
    >>> res.weights["unit"].tolist(), float(res.summary()["p_value"].iloc[0])
    (['b', 'c', 'd'], 0.25)
    """
    wide, pre, n_pre, n_post, P, names = _synth_setup(
        panel, unit, time, outcome, treated, intervention, donors, predictors, outcome_lags,
        min_pre)
    Y = wide.to_numpy(float)
    vspec = _v_spec(v, v_starts)
    std = predictors is not None
    w = _synth_fit_unit(Y[:, 0], Y[:, 1:], pre, P[:, 0], P[:, 1:], vspec, std)
    return SynthResult(unit, time, outcome, treated, intervention, v, n_pre, n_post,
                       tuple(names), wide, pre, P, vspec, std, w)


def __dir__() -> list[str]:
    # Tab completion shows the public API only, not pd, np or helpers.
    return list(__all__)
