"""Interrupted time series: segmented regression, its counterfactual and Linden's comparative ITSA.

OLS with Newey-West errors, or Poisson / quasi-Poisson with an exposure offset and optional
Fourier seasonality; effects of counts are rate ratios. statsmodels is imported inside the
functions. Newey-West errors are asymptotic: on fewer than :data:`SMALL_SAMPLE` points a
gaussian fit warns and says so in its ``model`` column, and :func:`its_wild_bootstrap` gives a
wild-bootstrap p-value of the level and slope change to report next to Newey-West.
"""

from __future__ import annotations

import functools
import warnings
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

import numpy as np
import pandas as pd

from tipanalysis.impact._checks import (
    _check_intervention,
    _check_outcome,
    _panel_matrix,
    _require_columns,
)
from tipanalysis.impact.errors import ImpactInputError, NoVariationError, TooFewPeriodsError

__all__ = [
    "SMALL_SAMPLE",
    "Family",
    "ITSResult",
    "fit_its",
    "its",
    "its_comparative",
    "its_counterfactual",
    "its_lag_sensitivity",
    "its_wild_bootstrap",
    "its_windows",
]

#: Fewer points than this: Newey-West errors of a gaussian ITS are unreliable (warning, note).
SMALL_SAMPLE = 20

# --------------------------------------------------------------------------------------------
# Interrupted time series
# --------------------------------------------------------------------------------------------
Family = Literal["gaussian", "poisson", "quasipoisson"]


def _its_design(
    t: np.ndarray,
    t0: float,
    slope_change: bool,
    harmonics: int,
    period: float | None,
    intervention_on: bool = True,
) -> pd.DataFrame:
    """Segmented-regression design: level at the first period, trend, step, slope change."""
    post = (t >= t0).astype(float) if intervention_on else np.zeros(len(t))
    cols: dict[str, np.ndarray] = {
        "baseline_level": np.ones(len(t)),
        "pre_trend": t - t.min(),
        "level_change": post,
    }
    if slope_change:
        # Zero at the first post period, so level_change is the jump at t0 (Linden 2015).
        cols["slope_change"] = post * (t - t0)
    for k in range(1, harmonics + 1):
        cols[f"sin{k}"] = np.sin(2 * np.pi * k * t / period)
        cols[f"cos{k}"] = np.cos(2 * np.pi * k * t / period)
    return pd.DataFrame(cols)


def _newey_west(
    X: np.ndarray, resid: np.ndarray, maxlags: int, groups: np.ndarray | None = None
) -> np.ndarray:
    """Newey–West covariance with Bartlett weights, summed within groups, scaled by N/(N-k).

    This is Stata's ``newey`` (and Linden's ``itsa``) convention; ``maxlags=0`` gives HC1.
    Rows must be in time order within each group.
    """
    n, k = X.shape
    groups = np.zeros(n) if groups is None else np.asarray(groups)
    meat = np.zeros((k, k))
    for g in pd.unique(groups):
        u = X[groups == g] * resid[groups == g][:, None]
        meat += u.T @ u
        for lag in range(1, min(maxlags, len(u) - 1) + 1):
            gamma = u[lag:].T @ u[:-lag]
            meat += (1 - lag / (maxlags + 1)) * (gamma + gamma.T)
    bread = np.linalg.pinv(X.T @ X)
    return bread @ meat @ bread * n / (n - k)


def _prepare_series(
    df: pd.DataFrame, outcome: str, time: str, intervention: float, min_pre: int,
    exposure: str | None,
) -> tuple[pd.DataFrame, int, int]:
    _require_columns(df, [outcome, time] + ([exposure] if exposure else []))
    data = df.sort_values(time).reset_index(drop=True)
    if data[time].isna().any():
        raise ImpactInputError(f"time column {time!r} has missing values")
    if data[time].duplicated().any():
        raise ImpactInputError(f"time column {time!r} has repeated values; one row per period")
    steps = np.diff(data[time].to_numpy(float))
    if len(steps) and not np.allclose(steps, steps[0]):
        gaps = data[time].to_numpy()[1:][~np.isclose(steps, steps[0])][:5].tolist()
        raise ImpactInputError(
            f"time column {time!r} is not equally spaced (irregular step before {gaps}); "
            "trends and Newey-West errors need one row per period, so add the missing periods "
            "explicitly"
        )
    _check_outcome(data[outcome], outcome)
    if exposure and (data[exposure].isna().any() or (data[exposure] <= 0).any()):
        raise ImpactInputError(f"exposure {exposure!r} must be positive and not missing")
    n_pre, n_post = _check_intervention(data[time].to_numpy(float), intervention, min_pre)
    return data, n_pre, n_post


def _fit_its(
    df, outcome, time, intervention, family, exposure, slope_change, maxlags, period, harmonics,
    min_pre,
):
    if family not in ("gaussian", "poisson", "quasipoisson"):
        raise ImpactInputError(f"family must be gaussian, poisson or quasipoisson, not {family!r}")
    if exposure and family == "gaussian":
        raise ImpactInputError("exposure is an offset for counts: use family='poisson' or "
                               "'quasipoisson', or model a rate as a gaussian outcome")
    if harmonics and not period:
        raise ImpactInputError("harmonics need a seasonal period (e.g. period=12 for months)")
    min_pre = max(min_pre, 2 if not slope_change else 3)
    data, n_pre, n_post = _prepare_series(df, outcome, time, intervention, min_pre, exposure)
    t = data[time].to_numpy(float)
    X = _its_design(t, intervention, slope_change, harmonics, period)
    y = data[outcome].to_numpy(float)
    if slope_change and n_post < 2:
        raise TooFewPeriodsError("a slope change needs at least 2 post-intervention periods")
    if np.linalg.matrix_rank(X.to_numpy()) < X.shape[1]:
        raise NoVariationError(f"design is rank-deficient (columns {list(X.columns)})")
    if family == "gaussian":
        beta, *_ = np.linalg.lstsq(X.to_numpy(), y, rcond=None)
        resid = y - X.to_numpy() @ beta
        cov = _newey_west(X.to_numpy(), resid, maxlags)
        dof = len(y) - X.shape[1]
        scale = 1.0
        if len(y) < SMALL_SAMPLE:
            warnings.warn(_small_sample_note(len(y)), UserWarning, stacklevel=3)
    else:
        import statsmodels.api as sm

        if (y < 0).any() or not np.allclose(y, np.round(y)):
            raise ImpactInputError(f"outcome {outcome!r} must be non-negative counts for {family}")
        offset = np.log(data[exposure].to_numpy(float)) if exposure else None
        model = sm.GLM(y, X, family=sm.families.Poisson(), offset=offset)
        # Quasi-Poisson: Pearson chi2 / df dispersion, as R's quasipoisson.
        res = model.fit(scale="X2" if family == "quasipoisson" else None)
        beta = res.params.to_numpy()
        cov = np.asarray(res.cov_params())
        dof = None
        scale = float(res.scale)
    return data, X, beta, cov, dof, scale, n_pre, n_post


def _small_sample_note(n: int) -> str:
    return (f"small sample: {n} points (< {SMALL_SAMPLE}); Newey-West errors are unreliable "
            "here, check the level and slope change with its_wild_bootstrap")


def _intervals(est: np.ndarray, se: np.ndarray, dof: float | None, alpha: float):
    from scipy import stats

    if dof is None:
        q = stats.norm.ppf(1 - alpha / 2)
        p = 2 * stats.norm.sf(np.abs(est / se))
    else:
        q = stats.t.ppf(1 - alpha / 2, dof)
        p = 2 * stats.t.sf(np.abs(est / se), dof)
    return est - q * se, est + q * se, p


def its(
    df: pd.DataFrame,
    outcome: str,
    time: str,
    intervention: float,
    *,
    family: Family = "gaussian",
    exposure: str | None = None,
    slope_change: bool = True,
    maxlags: int = 1,
    period: float | None = None,
    harmonics: int = 0,
    alpha: float = 0.05,
    min_pre: int = 3,
) -> pd.DataFrame:
    """Segmented regression for an interrupted time series.

    Model: ``y = b0 + b1 (t - t_first) + b2 post + b3 post (t - t0) [+ Fourier terms]`` where
    ``post = 1`` from the intervention period ``t0`` on. ``b2`` is the change in level at ``t0``
    relative to the pre-intervention trend, ``b3`` the change in slope (Linden 2015's coding).
    The slope change is fitted by default: a published step-only model (level change alone, e.g.
    Lopez Bernal et al. 2017's quasi-Poisson model) needs ``slope_change=False``.

    Gaussian outcomes are fitted by OLS with Newey–West (HAC) errors, Bartlett kernel,
    ``maxlags`` lags and Stata's N/(N-k) scaling, with t-based intervals; see
    :func:`its_lag_sensitivity` for the lag choice. Newey–West errors are asymptotic: with
    fewer than :data:`SMALL_SAMPLE` points (e.g. 13 annual reports) a ``UserWarning`` is issued,
    the ``model`` column says so, and :func:`its_wild_bootstrap` should be reported next to them.
    Counts are fitted by Poisson or quasi-Poisson (Pearson dispersion) regression with
    ``log(exposure)`` as offset, and effects are reported as rate ratios.

    Parameters
    ----------
    df : DataFrame
        One row per period.
    outcome, time : str
        Column names; ``time`` is numeric and equally spaced (e.g. report year, month index).
    intervention : number
        First period in which the intervention is in force (a value of ``time``).
    family : {"gaussian", "poisson", "quasipoisson"}
    exposure : str, optional
        Population (or other exposure) column for counts; its log is the offset.
    slope_change : bool
        Include the change-in-slope term (default) or fit a step change only (``False``: the
        published step-only model).
    maxlags : int
        Newey–West lags for gaussian models (0 = heteroskedasticity-robust only).
    period, harmonics : float, int
        Fourier seasonality: ``harmonics`` sine/cosine pairs of period ``period`` (12 for months).
    alpha : float
        1 - confidence level.
    min_pre : int
        Minimum number of pre-intervention periods (at least 3 with a slope change).

    Returns
    -------
    DataFrame
        One row per term (``baseline_level``, ``pre_trend``, ``level_change``, ``slope_change``,
        ``post_trend``) with ``estimate, se, ci_low, ci_high, p_value, scale, n, n_pre, n_post,
        model, note``. For counts ``estimate``/``ci_*`` are ratios and ``se`` is on the log scale.

    Raises
    ------
    TooFewPeriodsError, NoVariationError, MissingOutcomeError, InterventionOutsideDataError

    Examples
    --------
    >>> d = pd.DataFrame({"year": range(2010, 2020),
    ...                   "y": [1., 2, 3, 4, 5, 9, 10, 11, 12, 13]})
    >>> out = its(d, "y", "year", 2015, maxlags=0)
    >>> round(float(out.set_index("term").loc["level_change", "estimate"]), 6)
    3.0
    """
    fitted = _fit_its(df, outcome, time, intervention, family, exposure, slope_change, maxlags,
                      period, harmonics, min_pre)
    return _coef_table(fitted, intervention, family, exposure, slope_change, maxlags, period,
                       harmonics, alpha)


def _coef_table(fitted: tuple, intervention: float, family: Family, exposure: str | None,
                slope_change: bool, maxlags: int, period: float | None, harmonics: int,
                alpha: float) -> pd.DataFrame:
    """The coefficient table of :func:`its` from a fit (shared with :class:`ITSResult`)."""
    data, X, beta, cov, dof, scale, n_pre, n_post = fitted
    names = list(X.columns)
    terms = [n for n in names if not n.startswith(("sin", "cos"))]
    idx = [names.index(n) for n in terms]
    est = beta[idx]
    se = np.sqrt(np.diag(cov)[idx])
    if slope_change:
        # post_trend = pre_trend + slope_change, with its own variance.
        i, j = names.index("pre_trend"), names.index("slope_change")
        terms.append("post_trend")
        est = np.append(est, beta[i] + beta[j])
        se = np.append(se, np.sqrt(cov[i, i] + cov[j, j] + 2 * cov[i, j]))
    lo, hi, p = _intervals(est, se, dof, alpha)
    is_count = family != "gaussian"
    if family == "gaussian":
        model = f"OLS, Newey-West SE (maxlags={maxlags})"
        if len(data) < SMALL_SAMPLE:
            model += "; " + _small_sample_note(len(data))
    else:
        model = f"{family} GLM" + (f", offset log({exposure})" if exposure else "")
        model += f", dispersion {scale:.3f}" if family == "quasipoisson" else ""
    if harmonics:
        model += f", {harmonics} Fourier pair(s) of period {period}"
    notes = {
        "baseline_level": "level at the first period",
        "pre_trend": "change per period before the intervention",
        "level_change": f"change in level at {intervention} vs the pre-intervention trend",
        "slope_change": "change in slope per period after the intervention",
        "post_trend": "change per period after the intervention",
    }
    out = pd.DataFrame(
        {
            "term": terms,
            "estimate": np.exp(est) if is_count else est,
            "se": se,
            "ci_low": np.exp(lo) if is_count else lo,
            "ci_high": np.exp(hi) if is_count else hi,
            "p_value": p,
            "scale": "ratio" if is_count else "difference",
            "n": len(data),
            "n_pre": n_pre,
            "n_post": n_post,
            "model": model,
            "note": [notes[t] + ("; se on log scale" if is_count else "") for t in terms],
        }
    )
    return out


@dataclass(frozen=True, eq=False)
class ITSResult:
    """An interrupted time series fitted once (statsmodels style); see :func:`fit_its`.

    Attributes
    ----------
    params : DataFrame
        The coefficient table of :func:`its` (``term, estimate, se, ci_low, ci_high, p_value``,
        ``n, n_pre, n_post, model, note``).
    """

    time: str
    outcome: str
    intervention: float
    family: Family
    exposure: str | None
    slope_change: bool
    maxlags: int
    period: float | None
    harmonics: int
    alpha: float
    min_pre: int
    _fitted: tuple = field(repr=False)

    @functools.cached_property
    def params(self) -> pd.DataFrame:
        # A perfectly flat post segment can give a variance of -0.0 (NaN SE): the NaN says so.
        with np.errstate(invalid="ignore"):
            return _coef_table(self._fitted, self.intervention, self.family, self.exposure,
                               self.slope_change, self.maxlags, self.period, self.harmonics,
                               self.alpha)

    def summary(self) -> pd.DataFrame:
        """The coefficient table, indexed by term (a copy: change it freely)."""
        return self.params.set_index("term")

    @functools.cached_property
    def _counterfactual(self) -> pd.DataFrame:
        return _cf_table(self._fitted, self.outcome, self.time, self.intervention, self.family,
                         self.exposure, self.slope_change, self.period, self.harmonics,
                         self.alpha)

    def counterfactual(self) -> pd.DataFrame:
        """Fitted values and the no-intervention counterfactual (:func:`its_counterfactual`)."""
        return self._counterfactual.copy()

    def lag_sensitivity(self, lags: Sequence[int] = (0, 1, 2, 3, 4)) -> pd.DataFrame:
        """Newey-West intervals for several lags (:func:`its_lag_sensitivity`; OLS only)."""
        data = self._fitted[0]
        with np.errstate(invalid="ignore"):  # as in params: exact fits give NaN, not a warning
            return its_lag_sensitivity(data, self.outcome, self.time, self.intervention,
                                       lags=lags, slope_change=self.slope_change,
                                       period=self.period, harmonics=self.harmonics,
                                       alpha=self.alpha, min_pre=self.min_pre)

    def wild_bootstrap(self, n_boot: int = 1999, seed: int = 0) -> pd.DataFrame:
        """Wild-bootstrap p-values of the level and slope change (:func:`its_wild_bootstrap`)."""
        if self.family != "gaussian":
            raise ImpactInputError("the wild bootstrap is for gaussian (OLS) fits")
        return its_wild_bootstrap(self._fitted[0], self.outcome, self.time, self.intervention,
                                  slope_change=self.slope_change, maxlags=self.maxlags,
                                  period=self.period, harmonics=self.harmonics,
                                  min_pre=self.min_pre, n_boot=n_boot, seed=seed)

    def plot(self, ax: Any = None, title: str | None = None, *, lang: str = "en") -> Any:
        """Observed, fitted and counterfactual (:func:`tipanalysis.viz.impact.plot_its`)."""
        from tipanalysis.viz.impact import plot_its  # results draw through the viz layer

        return plot_its(self._counterfactual, self.time, ax=ax, title=title, lang=lang)


def fit_its(
    df: pd.DataFrame,
    time: str,
    outcome: str,
    intervention: float,
    *,
    family: Family = "gaussian",
    exposure: str | None = None,
    slope_change: bool = True,
    maxlags: int = 1,
    period: float | None = None,
    harmonics: int = 0,
    alpha: float = 0.05,
    min_pre: int = 3,
) -> ITSResult:
    """Fit an interrupted time series once; read it through the returned :class:`ITSResult`.

    Same model and options as :func:`its`, with the package's argument order: data, then the
    column names (``time``, ``outcome``), then the intervention. ``slope_change`` is True by
    default: the published step-only model needs ``slope_change=False``. Gaussian fits on
    fewer than :data:`SMALL_SAMPLE` points warn (Newey–West is unreliable there); see
    :meth:`ITSResult.wild_bootstrap`.

    Examples
    --------
    >>> d = pd.DataFrame({"t": range(10), "y": [1., 2, 3, 4, 5, 9, 10, 11, 12, 13]})
    >>> res = fit_its(d, "t", "y", 5, maxlags=0)
    >>> round(float(res.summary().loc["level_change", "estimate"]), 6)
    3.0
    >>> res.counterfactual()["counterfactual"].iloc[-1].round(6)
    np.float64(10.0)
    """
    fitted = _fit_its(df, outcome, time, intervention, family, exposure, slope_change, maxlags,
                      period, harmonics, min_pre)
    return ITSResult(time, outcome, intervention, family, exposure, slope_change, maxlags,
                     period, harmonics, alpha, min_pre, fitted)


def its_windows(
    series: pd.DataFrame,
    time: str,
    outcome: str,
    windows: Iterable[tuple[str, float, float, float, float]],
    reform_times: Iterable[float] = (),
    *,
    maxlags: int = 1,
) -> pd.DataFrame:
    """The same ITS in several windows; a window that cannot be estimated says why.

    Parameters
    ----------
    series : DataFrame
        One unit's series with ``time`` and ``outcome``.
    windows : iterable of (label, reform_time, t0, start, end)
        ``t0`` is the intervention time used (e.g. the reform's first full period) and
        ``start``-``end`` the window, both ends included.
    reform_times : iterable of float
        Every reform's time: the ones inside a window other than its own are listed, since
        they fall in the same post-period.

    Returns
    -------
    DataFrame
        One row per window: ``reform, window, t0, other reforms in window, n_pre, n_post,
        residual df, level`` (the level change), ``level_change`` and ``slope_change`` as
        "estimate [ci_low, ci_high]" text, and ``problem`` (why there is no interval, if so).

    Examples
    --------
    >>> d = pd.DataFrame({"t": range(2000, 2012), "y": [3., 3, 3, 2.5, 2.5, 2, 2, 2, 2, 2, 1, 1]})
    >>> its_windows(d, "t", "y", [("A", 2004, 2004, 2000, 2011)], [2004, 2009],
    ...             maxlags=0)[["reform", "other reforms in window", "n_post"]].values.tolist()
    [['A', '2009', 8]]
    """
    from tipanalysis.impact.panels import attempt

    reform_times = list(reform_times)
    rows = []
    for label, reform_time, t0, start, end in windows:
        others = [y for y in reform_times if start < y <= end and y != reform_time]
        entry: dict[str, Any] = {"reform": label, "window": f"{start}–{end}", "t0": t0,
                                 "other reforms in window": ", ".join(map(str, others))}
        res, problem = attempt(its, series[series[time].between(start, end)], outcome, time,
                               t0, maxlags=maxlags)
        if res is None:
            entry["problem"] = problem
            rows.append(entry)
            continue
        res = res.set_index("term")
        df_resid = int(res["n"].iloc[0]) - 4
        entry |= {"n_pre": res["n_pre"].iloc[0], "n_post": res["n_post"].iloc[0],
                  "residual df": df_resid, "level": res.loc["level_change", "estimate"]}
        for term in ("level_change", "slope_change"):
            entry[term] = (f"{res.loc[term, 'estimate']:+.2f} [{res.loc[term, 'ci_low']:+.2f}, "
                           f"{res.loc[term, 'ci_high']:+.2f}]")
        if res.loc["level_change", "se"] < 1e-9:
            entry["problem"] = f"exact fit with {df_resid} residual df: no interval"
        rows.append(entry)
    table = pd.DataFrame(rows)
    counts = [c for c in ("n_pre", "n_post", "residual df") if c in table]
    return table.astype(dict.fromkeys(counts, "Int64"))


def its_lag_sensitivity(
    df: pd.DataFrame,
    outcome: str,
    time: str,
    intervention: float,
    *,
    lags: Sequence[int] = (0, 1, 2, 3, 4),
    slope_change: bool = True,
    period: float | None = None,
    harmonics: int = 0,
    alpha: float = 0.05,
    min_pre: int = 3,
) -> pd.DataFrame:
    """Newey–West standard errors of the level and slope change for several lag choices.

    The point estimates do not depend on the lag; the standard errors, intervals and p-values
    do. Report this table next to the chosen model so readers can see how much rides on it.

    Returns
    -------
    DataFrame
        Columns ``maxlags, term, estimate, se, ci_low, ci_high, p_value, n``.

    Examples
    --------
    >>> d = pd.DataFrame({"t": range(12), "y": [3., 4, 3, 5, 4, 6, 9, 8, 10, 9, 11, 10]})
    >>> its_lag_sensitivity(d, "y", "t", 6, lags=(0, 1))["maxlags"].tolist()
    [0, 0, 1, 1]
    """
    frames = []
    for lag in lags:
        res = its(
            df, outcome, time, intervention, family="gaussian", slope_change=slope_change,
            maxlags=int(lag), period=period, harmonics=harmonics, alpha=alpha, min_pre=min_pre,
        )
        res = res[res["term"].isin(["level_change", "slope_change"])].copy()
        res.insert(0, "maxlags", int(lag))
        frames.append(res[["maxlags", "term", "estimate", "se", "ci_low", "ci_high", "p_value",
                           "n"]])
    return pd.concat(frames, ignore_index=True)


def _webb_weights(rng: np.random.Generator, size: tuple[int, ...]) -> np.ndarray:
    """Webb's six-point weights (±√0.5, ±1, ±√1.5): more distinct draws than Rademacher."""
    points = np.array([-np.sqrt(1.5), -1.0, -np.sqrt(0.5), np.sqrt(0.5), 1.0, np.sqrt(1.5)])
    return points[rng.integers(0, 6, size=size)]


def its_wild_bootstrap(
    df: pd.DataFrame,
    outcome: str,
    time: str,
    intervention: float,
    *,
    slope_change: bool = True,
    maxlags: int = 1,
    period: float | None = None,
    harmonics: int = 0,
    min_pre: int = 3,
    n_boot: int = 1999,
    seed: int = 0,
) -> pd.DataFrame:
    """Wild-bootstrap test of the level and slope change of a gaussian ITS (small samples).

    Newey–West p-values rest on large-sample theory, which a dozen annual reports do not give.
    For each tested term this is the restricted wild bootstrap (WCR; Davidson & MacKinnon,
    Webb 2023): fit the model *without* the term (the null imposed), draw
    ``y* = fitted_null + resid_null * v`` with Webb's six-point weights ``v``, refit the full
    model and compute the term's Newey–West t statistic (same ``maxlags``). The p-value is
    ``(1 + #{|t*| >= |t|}) / (n_boot + 1)``. The bootstrap keeps each residual at its own
    period, so heteroskedasticity is respected; serial correlation is not resampled (a
    block bootstrap would need far more points than an annual series has).

    Returns
    -------
    DataFrame
        One row per tested term (``level_change`` and, with ``slope_change``, ``slope_change``):
        ``term, estimate, t_stat, p_value_newey_west, p_value_wild, n_boot, n, note``.

    Examples
    --------
    >>> d = pd.DataFrame({"t": range(12), "y": [3., 4, 3, 5, 4, 6, 9, 8, 10, 9, 11, 10]})
    >>> import warnings
    >>> with warnings.catch_warnings():
    ...     warnings.simplefilter("ignore")
    ...     out = its_wild_bootstrap(d, "y", "t", 6, slope_change=False, n_boot=199)
    >>> out["term"].tolist(), bool(out["p_value_wild"].iloc[0] < 0.05)
    (['level_change'], True)
    """
    from scipy import stats

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)  # the small-sample warning: said below
        data, X, beta, cov, dof, _, _, _ = _fit_its(
            df, outcome, time, intervention, "gaussian", None, slope_change, maxlags, period,
            harmonics, min_pre)
    Xm = X.to_numpy()
    y = data[outcome].to_numpy(float)
    n = len(y)
    names = list(X.columns)
    terms = ["level_change"] + (["slope_change"] if slope_change else [])
    rng = np.random.default_rng(seed)
    V = _webb_weights(rng, (n_boot, n))  # the same draws for every term
    bread = np.linalg.pinv(Xm.T @ Xm)
    rows = []
    for term in terms:
        j = names.index(term)
        se = float(np.sqrt(cov[j, j]))
        t_obs = beta[j] / se if se > 0 else np.nan
        Xr = np.delete(Xm, j, axis=1)
        br, *_ = np.linalg.lstsq(Xr, y, rcond=None)
        fit_r, resid_r = Xr @ br, y - Xr @ br
        Ystar = fit_r[None, :] + resid_r[None, :] * V  # (n_boot, n)
        Bstar = Ystar @ Xm @ bread.T  # OLS of every draw at once
        t_star = np.empty(n_boot)
        for b in range(n_boot):
            u = Ystar[b] - Xm @ Bstar[b]
            s = np.sqrt(_newey_west(Xm, u, maxlags)[j, j])
            t_star[b] = Bstar[b, j] / s if s > 0 else np.nan
        ok = ~np.isnan(t_star)
        p_wild = (1 + int((np.abs(t_star[ok]) >= abs(t_obs) - 1e-12).sum())) / (ok.sum() + 1)
        p_nw = float(2 * stats.t.sf(abs(t_obs), dof)) if np.isfinite(t_obs) else np.nan
        note = (f"restricted wild bootstrap, Webb weights, {n_boot} draws, Newey-West t "
                f"(maxlags={maxlags})")
        if n < SMALL_SAMPLE:
            note += f"; {n} points: prefer this p to the Newey-West one"
        rows.append((term, float(beta[j]), float(t_obs), p_nw, float(p_wild), n_boot, n, note))
    return pd.DataFrame(rows, columns=["term", "estimate", "t_stat", "p_value_newey_west",
                                       "p_value_wild", "n_boot", "n", "note"])


def its_counterfactual(
    df: pd.DataFrame,
    outcome: str,
    time: str,
    intervention: float,
    *,
    family: Family = "gaussian",
    exposure: str | None = None,
    slope_change: bool = True,
    maxlags: int = 1,
    period: float | None = None,
    harmonics: int = 0,
    alpha: float = 0.05,
    min_pre: int = 3,
) -> pd.DataFrame:
    """Fitted values and the no-intervention counterfactual, with confidence intervals.

    The counterfactual continues the pre-intervention level and trend (and seasonality) with the
    intervention terms set to zero. Intervals are for the expected value (delta method; on the
    log scale for counts). For counts the values are in outcome units at each period's exposure.

    Returns
    -------
    DataFrame
        ``time, observed, fitted, counterfactual, cf_ci_low, cf_ci_high, effect, post`` where
        ``effect`` is ``observed - counterfactual`` (gaussian) or ``observed / counterfactual``
        (counts).

    Examples
    --------
    >>> d = pd.DataFrame({"t": range(10), "y": [1., 2, 3, 4, 5, 9, 10, 11, 12, 13]})
    >>> cf = its_counterfactual(d, "y", "t", 5, maxlags=0)
    >>> cf.loc[cf["t"] == 9, "counterfactual"].round(6).tolist()
    [10.0]
    """
    fitted = _fit_its(df, outcome, time, intervention, family, exposure, slope_change, maxlags,
                      period, harmonics, min_pre)
    return _cf_table(fitted, outcome, time, intervention, family, exposure, slope_change,
                     period, harmonics, alpha)


def _cf_table(fitted: tuple, outcome: str, time: str, intervention: float, family: Family,
              exposure: str | None, slope_change: bool, period: float | None, harmonics: int,
              alpha: float) -> pd.DataFrame:
    """The table of :func:`its_counterfactual` from a fit (shared with :class:`ITSResult`)."""
    from scipy import stats

    data, X, beta, cov, dof, _, _, _ = fitted
    t = data[time].to_numpy(float)
    Xcf = _its_design(t, intervention, slope_change, harmonics, period, intervention_on=False)
    Xcf = Xcf.to_numpy()
    eta_fit = X.to_numpy() @ beta
    eta_cf = Xcf @ beta
    se_cf = np.sqrt(np.einsum("ij,jk,ik->i", Xcf, cov, Xcf))
    q = stats.norm.ppf(1 - alpha / 2) if dof is None else stats.t.ppf(1 - alpha / 2, dof)
    observed = data[outcome].to_numpy(float)
    if family == "gaussian":
        fitted, cf = eta_fit, eta_cf
        lo, hi = eta_cf - q * se_cf, eta_cf + q * se_cf
        effect = observed - cf
    else:
        offset = np.log(data[exposure].to_numpy(float)) if exposure else 0.0
        fitted, cf = np.exp(eta_fit + offset), np.exp(eta_cf + offset)
        lo, hi = np.exp(eta_cf + offset - q * se_cf), np.exp(eta_cf + offset + q * se_cf)
        effect = observed / cf
    return pd.DataFrame(
        {
            time: data[time].to_numpy(),
            "observed": observed,
            "fitted": fitted,
            "counterfactual": cf,
            "cf_ci_low": lo,
            "cf_ci_high": hi,
            "effect": effect,
            "post": t >= intervention,
        }
    )



# --------------------------------------------------------------------------------------------
# Comparative ITS (Linden's multiple-group ITSA)
# --------------------------------------------------------------------------------------------
def its_comparative(
    panel: pd.DataFrame,
    unit: str,
    time: str,
    outcome: str,
    treated: Any,
    intervention: float,
    *,
    donors: Sequence[Any] | None = None,
    maxlags: int = 1,
    alpha: float = 0.05,
    min_pre: int = 3,
) -> pd.DataFrame:
    """Multiple-group interrupted time series: treated unit against a comparison group.

    Pooled OLS over all units of ``y = a0 + a1 t + a2 Z + a3 Z t + a4 X + a5 X (t - t0)
    + a6 Z X + a7 Z X (t - t0)`` with ``Z`` = treated, ``X`` = post; Newey–West errors within
    each unit (Stata ``newey``/``itsa`` convention). ``a6`` and ``a7`` are the treated-minus-
    comparison differences in level change and slope change.

    With a single treated unit these standard errors describe sampling noise around the
    comparison units, not uncertainty about the treated unit; prefer :func:`did_placebo` or
    :func:`synth_placebo` for inference and use this for the trend decomposition.

    Returns
    -------
    DataFrame
        Rows ``comparison_level``, ``comparison_pre_trend``, ``comparison_level_change``,
        ``comparison_slope_change``, ``diff_level``, ``diff_pre_trend``,
        ``diff_level_change``, ``diff_slope_change`` with ``estimate, se, ci_low, ci_high,
        p_value, n, n_pre, n_post, n_donors, note``.

    Examples
    --------
    >>> p = pd.DataFrame({"u": ["a"] * 6 + ["b"] * 6, "t": list(range(6)) * 2,
    ...                   "y": [1., 2, 3, 7, 8, 9, 1, 2, 3, 4, 5, 6]})
    >>> out = its_comparative(p, "u", "t", "y", "a", 3, maxlags=0).set_index("term")
    >>> round(float(out.loc["diff_level_change", "estimate"]), 6)
    3.0
    """
    wide, pre, n_pre, n_post = _panel_matrix(
        panel, unit, time, outcome, treated, intervention, donors, min_pre
    )
    t = wide.index.to_numpy(float)
    rows, ys, groups = [], [], []
    for k, name in enumerate(wide.columns):
        z = 1.0 if k == 0 else 0.0
        x = (~pre).astype(float)
        tt = t - t.min()
        xt = x * (t - intervention)
        rows.append(np.column_stack([np.ones_like(t), tt, z * np.ones_like(t), z * tt, x, xt,
                                     z * x, z * xt]))
        ys.append(wide[name].to_numpy(float))
        groups.append(np.full(len(t), k))
    X, y, g = np.vstack(rows), np.concatenate(ys), np.concatenate(groups)
    beta, *_ = np.linalg.lstsq(X, y, rcond=None)
    cov = _newey_west(X, y - X @ beta, maxlags, g)
    se = np.sqrt(np.diag(cov))
    lo, hi, p = _intervals(beta, se, len(y) - X.shape[1], alpha)
    terms = ["comparison_level", "comparison_pre_trend", "diff_level", "diff_pre_trend",
             "comparison_level_change", "comparison_slope_change", "diff_level_change",
             "diff_slope_change"]
    note = (f"pooled OLS, Newey-West SE within units (maxlags={maxlags}); one treated unit: "
            "SEs ignore uncertainty about the treated unit, see did_placebo")
    return pd.DataFrame({"term": terms, "estimate": beta, "se": se, "ci_low": lo, "ci_high": hi,
                         "p_value": p, "n": len(y), "n_pre": n_pre, "n_post": n_post,
                         "n_donors": wide.shape[1] - 1, "note": note})


def __dir__() -> list[str]:
    # Tab completion shows the public API only, not pd, np or helpers.
    return list(__all__)
