"""Impact assessment: did a reform change what followed it?

Five families of methods, each taking DataFrames and returning tidy DataFrames:

* **Timing** — :func:`report_year_of`, :func:`map_events_to_report_years`: an event dated by day,
  month or year is placed in the TIP report whose reporting period (1 April to 31 March) holds it.
* **Interrupted time series** — :func:`its`, :func:`its_lag_sensitivity`,
  :func:`its_counterfactual`, :func:`its_comparative`: segmented regression (level and slope
  change) by OLS with Newey–West errors, or Poisson / quasi-Poisson with an exposure offset and
  optional Fourier seasonality; effects of counts are rate ratios.
* **Peers** — :func:`did_placebo`, :func:`did_placebo_effects`, :func:`event_study`:
  difference-in-differences of one treated unit against a donor group, with placebo-in-space
  (permutation) inference because cluster-robust errors are not valid with one treated unit.
* **Synthetic control** — :func:`synth_weights`, :func:`synthetic_control`, :func:`synth_placebo`,
  :func:`synth_placebo_gaps`, :func:`synth_summary`: simplex weights on donors (scipy), pre-period
  RMSPE, placebo distribution and the post/pre RMSPE-ratio p-value.
* **Base rates** — :func:`first_passage`, :func:`base_rate_comparison`: what the global
  transition matrix expected after a reform (e.g. an upgrade within two reports).

Plot helpers (:func:`plot_its`, :func:`plot_event_study`, :func:`plot_synth`,
:func:`plot_placebo_gaps`) only draw what the analysis functions returned.

Status: validated in ``tests/test_impact.py`` against published results on published data
(see ``tests/data/impact/README.md``): Lopez Bernal et al. (2017) Sicily smoking ban (Poisson and
quasi-Poisson ITS), Linden (2015) Proposition 99 ITSA (OLS coefficients and Newey–West p-values),
Arkhangelsky et al. (2021) Proposition 99 (DID and outcome-only synthetic control estimates),
Abadie, Diamond & Hainmueller (2010) Proposition 99 with covariates (donor weights to +/-0.005,
placebo p-value 1/39).

Only pandas and numpy are imported at module level; scipy, statsmodels and matplotlib are
imported inside the functions that use them.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping, Sequence
from typing import Any, Literal

import numpy as np
import pandas as pd

from tipanalysis import i18n

__all__ = [
    "AmbiguousDateError",
    "ImpactInputError",
    "InterventionOutsideDataError",
    "MissingOutcomeError",
    "NoVariationError",
    "TooFewPeriodsError",
    "base_rate_comparison",
    "design_schedule",
    "did_placebo",
    "did_placebo_effects",
    "event_study",
    "first_passage",
    "its",
    "its_comparative",
    "its_counterfactual",
    "its_lag_sensitivity",
    "map_events_to_report_years",
    "plot_event_study",
    "plot_its",
    "plot_placebo_gaps",
    "plot_synth",
    "report_year_of",
    "synth_placebo",
    "synth_placebo_gaps",
    "synth_summary",
    "synth_weights",
    "synthetic_control",
]


# --------------------------------------------------------------------------------------------
# Errors
# --------------------------------------------------------------------------------------------
class ImpactInputError(ValueError):
    """Input that an impact method cannot use; the message names the problem."""


class TooFewPeriodsError(ImpactInputError):
    """Fewer pre- or post-intervention periods than the method needs."""


class NoVariationError(ImpactInputError):
    """The outcome (or a design column) does not vary, so nothing can be estimated."""


class MissingOutcomeError(ImpactInputError):
    """The outcome has missing values; impact methods never impute silently."""


class InterventionOutsideDataError(ImpactInputError):
    """The intervention time is not inside the observed time range."""


class AmbiguousDateError(ImpactInputError):
    """A year-precision date straddles two TIP reporting periods and ``policy='strict'``."""


# --------------------------------------------------------------------------------------------
# Timing: dates -> TIP report years
# --------------------------------------------------------------------------------------------
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

    Gaussian outcomes are fitted by OLS with Newey–West (HAC) errors, Bartlett kernel,
    ``maxlags`` lags and Stata's N/(N-k) scaling, with t-based intervals; see
    :func:`its_lag_sensitivity` for the lag choice. Counts are fitted by Poisson or quasi-Poisson
    (Pearson dispersion) regression with ``log(exposure)`` as offset, and effects are reported as
    rate ratios.

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
        Include the change-in-slope term (default) or fit a step change only.
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
    data, X, beta, cov, dof, scale, n_pre, n_post = _fit_its(
        df, outcome, time, intervention, family, exposure, slope_change, maxlags, period,
        harmonics, min_pre,
    )
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
    from scipy import stats

    data, X, beta, cov, dof, _, _, _ = _fit_its(
        df, outcome, time, intervention, family, exposure, slope_change, maxlags, period,
        harmonics, min_pre,
    )
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
        One row: ``estimate, p_value, rank, n_units, n_donors, n_pre, n_post, note``.

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
    return pd.DataFrame({"estimate": [res["value"].iloc[0]], "p_value": [p], "rank": [rank],
                         "n_units": [n_donors + 1], "n_donors": [n_donors], "n_pre": [n_pre],
                         "n_post": [n_post], "note": [note]})


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
        ``time, rel_time, estimate, p_value, n_donors, n_pre, n_post, post`` (the reference row
        has estimate 0 and a missing p-value).

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
                         "n_pre": int(pre.sum()), "n_post": int((~pre).sum()), "post": ~pre})


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
    wide, pre, _, _, P, _ = _synth_setup(panel, unit, time, outcome, treated, intervention,
                                         donors, predictors, outcome_lags, min_pre)
    Y = wide.to_numpy(float)
    vspec = _v_spec(v, v_starts)
    w = _synth_fit_unit(Y[:, 0], Y[:, 1:], pre, P[:, 0], P[:, 1:], vspec, predictors is not None)
    out = pd.DataFrame({"unit": list(wide.columns[1:]), "weight": w})
    return out.sort_values("weight", ascending=False, kind="stable").reset_index(drop=True)


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
    wide, pre, _, _, P, _ = _synth_setup(panel, unit, time, outcome, treated, intervention,
                                         donors, predictors, outcome_lags, min_pre)
    Y = wide.to_numpy(float)
    vspec = _v_spec(v, v_starts)
    w = _synth_fit_unit(Y[:, 0], Y[:, 1:], pre, P[:, 0], P[:, 1:], vspec, predictors is not None)
    synth = Y[:, 1:] @ w
    return pd.DataFrame({time: wide.index.to_numpy(), "observed": Y[:, 0], "synthetic": synth,
                         "gap": Y[:, 0] - synth,
                         "period": np.where(pre, "pre", "post")})


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
        ``unit, role, pre_rmspe, post_rmspe, ratio, rank, p_value`` where ``ratio`` is the
        post/pre RMSPE ratio, ``rank`` its rank (1 = largest) and ``p_value`` = rank / n_units
        (ADH 2010); sorted by rank.

    Examples
    --------
    >>> p = pd.DataFrame({"u": list("aaaabbbbccccdddd"), "t": [0, 1, 2, 3] * 4,
    ...                   "y": [2., 3, 4, 9, 1, 2, 3, 4, 3, 4, 5, 6, 2, 3.5, 4, 5]})
    >>> synth_placebo(p, "u", "t", "y", "a", 3).iloc[0]["unit"]
    'a'
    """
    wide, pre, _, _, P, _ = _synth_setup(panel, unit, time, outcome, treated, intervention,
                                         donors, predictors, outcome_lags, min_pre)
    gaps = _placebo_gaps(wide, pre, P, _v_spec(v, v_starts), predictors is not None)
    pre_r, post_r = _rmspe(gaps, pre), _rmspe(gaps, ~pre)
    ratio = _rmspe_ratio(pre_r, post_r)
    out = pd.DataFrame({"unit": list(wide.columns), "role": ["treated"] + ["placebo"] *
                        (wide.shape[1] - 1), "pre_rmspe": pre_r, "post_rmspe": post_r,
                        "ratio": ratio})
    out["rank"] = out["ratio"].rank(ascending=False, method="max").astype(int)
    out["p_value"] = out["rank"] / len(out)
    return out.sort_values(["rank", "role"], ascending=[True, False], kind="stable").reset_index(
        drop=True)


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
    wide, pre, _, _, P, _ = _synth_setup(panel, unit, time, outcome, treated, intervention,
                                         donors, predictors, outcome_lags, min_pre)
    gaps = _placebo_gaps(wide, pre, P, _v_spec(v, v_starts), predictors is not None)
    pre_r = _rmspe(gaps, pre)
    frames = [pd.DataFrame({"unit": name, "role": "treated" if k == 0 else "placebo",
                            time: wide.index.to_numpy(), "gap": gaps[:, k],
                            "pre_rmspe": pre_r[k]})
              for k, name in enumerate(wide.columns)]
    return pd.concat(frames, ignore_index=True)


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
        ``rank``, ``p_value`` (post/pre RMSPE-ratio rank / n_units), ``n_donors``, ``n_pre``,
        ``n_post``, ``note``.

    Examples
    --------
    >>> p = pd.DataFrame({"u": list("aaaabbbbccccdddd"), "t": [0, 1, 2, 3] * 4,
    ...                   "y": [2., 3, 4, 9, 1, 2, 3, 4, 3, 4, 5, 6, 2, 3.5, 4, 5]})
    >>> float(synth_summary(p, "u", "t", "y", "a", 3)["p_value"].iloc[0])
    0.25
    """
    wide, pre, n_pre, n_post, P, names = _synth_setup(
        panel, unit, time, outcome, treated, intervention, donors, predictors, outcome_lags,
        min_pre)
    gaps = _placebo_gaps(wide, pre, P, _v_spec(v, v_starts), predictors is not None)
    pre_r, post_r = _rmspe(gaps, pre), _rmspe(gaps, ~pre)
    ratio = _rmspe_ratio(pre_r, post_r)
    rank, p = _rank_p(ratio)
    n_units = wide.shape[1]
    note = (f"{len(names)} predictor(s), v={v if isinstance(v, str) else 'custom'}; "
            f"p = rank of post/pre RMSPE ratio / {n_units} units")
    return pd.DataFrame({"estimate": [float(gaps[~pre, 0].mean())], "pre_rmspe": [pre_r[0]],
                         "post_rmspe": [post_r[0]], "ratio": [ratio[0]], "rank": [rank],
                         "p_value": [p], "n_donors": [n_units - 1], "n_pre": [n_pre],
                         "n_post": [n_post], "note": [note]})


# --------------------------------------------------------------------------------------------
# Base rates from a transition matrix
# --------------------------------------------------------------------------------------------
def _transition_square(transitions: pd.DataFrame) -> pd.DataFrame:
    _require_columns(transitions, ["from_tier", "to_tier", "prob"], "transitions")
    prob = transitions["prob"].astype(float)
    row_all_nan = prob.isna().groupby(transitions["from_tier"].astype(str)).transform("all")
    if (prob.isna() & ~row_all_nan).any() or (prob < 0).any():
        raise ImpactInputError("transition probabilities must be non-negative and not missing")
    # A tier never left in the data (all NaN, as tiers.transition_matrix gives) becomes absorbing.
    transitions = transitions.assign(prob=prob.fillna(0.0))
    frm = transitions["from_tier"].astype(str)
    to = transitions["to_tier"].astype(str)
    states = list(dict.fromkeys([*frm, *to]))
    order = {s: i for i, s in enumerate(("1", "2", "2WL", "3"))}
    states.sort(key=lambda s: (order.get(s, len(order)), s))
    square = (pd.DataFrame({"f": frm, "t": to, "p": transitions["prob"].to_numpy(float)})
              .pivot_table(index="f", columns="t", values="p", aggfunc="sum")
              .reindex(index=states, columns=states).fillna(0.0))
    sums = square.sum(axis=1)
    present = sums[sums > 0]
    bad = present[(present - 1).abs() > 1e-6]
    if len(bad):
        raise ImpactInputError(
            f"transition rows must sum to 1; rows {bad.round(4).to_dict()} do not"
        )
    # A state never left in the data stays put (absorbing), so the matrix is stochastic.
    for s in sums.index[sums == 0]:
        square.loc[s, s] = 1.0
    return square


def first_passage(
    transitions: pd.DataFrame,
    start: str,
    targets: Iterable[str] | str = "upgrade",
    horizon: int = 2,
) -> pd.DataFrame:
    """Probability of reaching any target tier within 1..horizon reports (first passage).

    Targets are made absorbing and the matrix is raised to successive powers, so a path that
    reaches a target and later leaves it still counts as having reached it.

    Parameters
    ----------
    transitions : DataFrame
        Long table ``from_tier, to_tier, prob`` (one report to the next), e.g. from
        ``tipanalysis.tiers.transition_matrix``; each ``from_tier`` sums to one.
    start : str
        Tier at the reform (e.g. ``"2WL"``).
    targets : iterable of str or "upgrade" or "downgrade"
        ``"upgrade"`` = any better tier than ``start`` (order 1 < 2 < 2WL < 3).
    horizon : int
        Number of reports ahead.

    Returns
    -------
    DataFrame
        ``step, prob`` (cumulative probability of having reached a target by ``step``).

    Examples
    --------
    >>> tm = pd.DataFrame({"from_tier": ["2", "2", "2WL", "2WL"],
    ...                    "to_tier": ["2", "2WL", "2", "2WL"], "prob": [0.8, 0.2, 0.5, 0.5]})
    >>> first_passage(tm, "2WL", "upgrade", 2)["prob"].tolist()
    [0.5, 0.75]
    """
    square = _transition_square(transitions)
    states = list(square.index)
    start = str(start)
    if start not in states:
        raise ImpactInputError(f"start tier {start!r} is not in the transition table {states}")
    if horizon < 1:
        raise ImpactInputError("horizon must be at least 1 report")
    order = ["1", "2", "2WL", "3"]
    if isinstance(targets, str) and targets in ("upgrade", "downgrade"):
        if start not in order:
            raise ImpactInputError(f"'{targets}' needs a ranked start tier, not {start!r}")
        i = order.index(start)
        wanted = order[:i] if targets == "upgrade" else order[i + 1:]
        targets = [s for s in wanted if s in states]
    else:
        targets = [str(t) for t in ([targets] if isinstance(targets, str) else targets)]
        unknown = [t for t in targets if t not in states]
        if unknown:
            raise ImpactInputError(f"target tier(s) {unknown} are not in the transition table")
    P = square.to_numpy(float).copy()
    tidx = [states.index(t) for t in targets]
    for k in tidx:
        P[k] = 0.0
        P[k, k] = 1.0
    dist = np.zeros(len(states))
    dist[states.index(start)] = 1.0
    probs = []
    for _ in range(horizon):
        dist = dist @ P
        probs.append(float(dist[tidx].sum()) if tidx else 0.0)
    return pd.DataFrame({"step": range(1, horizon + 1), "prob": probs})


def base_rate_comparison(
    transitions: pd.DataFrame,
    path: pd.DataFrame,
    reform_years: Iterable[int],
    *,
    horizon: int = 2,
    targets: str = "upgrade",
) -> pd.DataFrame:
    """Compare what happened after each reform with what the transition matrix expected.

    Parameters
    ----------
    transitions : DataFrame
        ``from_tier, to_tier, prob`` (see :func:`first_passage`).
    path : DataFrame
        A country's tiers: ``report_year, tier`` (e.g. Kuwait's rows of the tier panel).
    reform_years : iterable of int
        Report year in which each reform is first assessed (see :func:`report_year_of`); the
        baseline tier is the one in the report *before* it, and the horizon counts reports from
        that baseline.
    horizon : int
        Reports ahead (2 = "within two reports").
    targets : {"upgrade", "downgrade"}

    Returns
    -------
    DataFrame
        ``reform_year, baseline_year, baseline_tier, expected_prob, observed, reports_seen,
        note`` where ``observed`` is True/False, or missing when fewer than ``horizon`` later
        reports exist and no target was reached yet.

    Examples
    --------
    >>> tm = pd.DataFrame({"from_tier": ["2", "2", "2WL", "2WL"],
    ...                    "to_tier": ["2", "2WL", "2", "2WL"], "prob": [0.8, 0.2, 0.5, 0.5]})
    >>> path = pd.DataFrame({"report_year": [2020, 2021, 2022], "tier": ["2WL", "2WL", "2"]})
    >>> row = base_rate_comparison(tm, path, [2021]).iloc[0]
    >>> float(row["expected_prob"]), bool(row["observed"])
    (0.75, True)
    """
    _require_columns(path, ["report_year", "tier"], "path")
    order = ["1", "2", "2WL", "3"]
    tiers = path.dropna(subset=["tier"]).assign(tier=lambda d: d["tier"].astype(str))
    by_year = dict(zip(tiers["report_year"].astype(int), tiers["tier"], strict=True))
    rows = []
    for reform in reform_years:
        base_year = int(reform) - 1
        if base_year not in by_year:
            raise ImpactInputError(
                f"no tier for report {base_year}, the baseline of the reform assessed in {reform}")
        base = by_year[base_year]
        expected = float(first_passage(transitions, base, targets, horizon)["prob"].iloc[-1])
        i = order.index(base)
        better = set(order[:i]) if targets == "upgrade" else set(order[i + 1:])
        later = [by_year.get(base_year + s) for s in range(1, horizon + 1)]
        seen = [t for t in later if t is not None]
        hit = any(t in better for t in seen)
        observed: bool | float = hit if (hit or len(seen) == horizon) else np.nan
        note = "" if len(seen) == horizon else f"only {len(seen)} of {horizon} later reports seen"
        rows.append((int(reform), base_year, base, expected, observed, len(seen), note))
    return pd.DataFrame(rows, columns=["reform_year", "baseline_year", "baseline_tier",
                                       "expected_prob", "observed", "reports_seen", "note"])


# --------------------------------------------------------------------------------------------
# Pre-specified designs: what becomes estimable after each coming report
# --------------------------------------------------------------------------------------------
def design_schedule(
    intervention_report_year: int,
    last_observed_year: int,
    horizon_years: Iterable[int],
    *,
    observed_years: Mapping[str, Iterable[int]],
    min_pre: int | Mapping[str, int] = 3,
    min_post: int | Mapping[str, int] = 2,
) -> pd.DataFrame:
    """Which designs can be estimated after each coming report, and what data they still need.

    A time-series or panel design needs an unbroken run of yearly values: the pre-period is the
    run of observed years that ends just before the intervention (a gap ends it), and the
    post-period is the run from the intervention year onwards. Report years after
    ``last_observed_year`` are assumed to supply a value (that is what the schedule plans for);
    years up to ``last_observed_year`` count only if observed. Nothing is estimated here.

    Parameters
    ----------
    intervention_report_year : int
        First report year whose reporting period holds the intervention (see
        :func:`report_year_of`).
    last_observed_year : int
        Last report year for which data exist now.
    horizon_years : iterable of int
        Coming report years to tabulate (e.g. ``[2026, 2027, 2028]``).
    observed_years : mapping of str to iterable of int
        For each design (a label), the years with a usable value, none after
        ``last_observed_year``.
    min_pre, min_post : int or mapping of str to int
        Periods needed before and from the intervention, for all designs or per design label.

    Returns
    -------
    DataFrame
        One row per report year and design (designs in the order given): ``report_year,
        design, n_pre, n_post, min_pre, min_post, estimable, missing_pre`` (years in the
        ``min_pre`` years before the intervention that have no value, ``", "``-joined) and
        ``needs`` (what must be found or published before that report's estimate exists).

    Raises
    ------
    ImpactInputError
        An observed year after ``last_observed_year``, a horizon year before the intervention,
        a threshold below 1 or a design missing from a threshold mapping.

    Examples
    --------
    Tiers observed every year 2003-2025; a count observed only in 2014, 2015, 2017 and 2023.
    The strategy is first assessed in the 2026 report:

    >>> obs = {"tiers": range(2003, 2026), "count": [2014, 2015, 2017, 2023]}
    >>> s = design_schedule(2026, 2025, [2026, 2027], observed_years=obs)
    >>> s[["report_year", "design", "n_pre", "n_post", "estimable"]].values.tolist()
    ... # doctest: +NORMALIZE_WHITESPACE
    [[2026, 'tiers', 23, 1, False], [2026, 'count', 0, 1, False],
     [2027, 'tiers', 23, 2, True], [2027, 'count', 0, 2, False]]
    >>> s.loc[3, "missing_pre"], s.loc[3, "needs"]
    ('2024, 2025', 'values for 2024, 2025 (pre-period); a value in each report 2026-2027')
    """
    t0, last = int(intervention_report_year), int(last_observed_year)
    horizon = [int(y) for y in horizon_years]
    early = [y for y in horizon if y < t0]
    if early:
        raise ImpactInputError(
            f"horizon year(s) {early} are before the intervention's first report {t0}")

    def threshold(value: int | Mapping[str, int], design: str, what: str) -> int:
        if isinstance(value, Mapping):
            if design not in value:
                raise ImpactInputError(f"{what} has no value for design {design!r}")
            value = value[design]
        if int(value) < 1:
            raise ImpactInputError(f"{what} must be at least 1, not {value!r}")
        return int(value)

    designs = {}
    for design, years in observed_years.items():
        seen = {int(y) for y in years}
        late = sorted(y for y in seen if y > last)
        if late:
            raise ImpactInputError(
                f"design {design!r} has values after the last observed year {last}: {late}")
        designs[design] = (seen, threshold(min_pre, design, "min_pre"),
                           threshold(min_post, design, "min_post"))
    rows = []
    for year in horizon:
        for design, (seen, need_pre, need_post) in designs.items():
            n_pre = 0
            while t0 - 1 - n_pre in seen:
                n_pre += 1
            n_post = 0
            while t0 + n_post <= year and (t0 + n_post > last or t0 + n_post in seen):
                n_post += 1
            missing = [y for y in range(t0 - need_pre, t0) if y not in seen]
            needs = []
            if missing:
                needs.append(f"values for {', '.join(map(str, missing))} (pre-period)")
            gaps = [y for y in range(t0, min(year, last) + 1) if y not in seen]
            if gaps:
                needs.append(f"values for {', '.join(map(str, gaps))} (post-period)")
            if year > last:
                first = max(t0, last + 1)
                span = str(year) if first == year else f"{first}-{year}"
                needs.append(f"a value in each report {span}")
            if n_post < need_post:
                needs.append(f"{need_post - n_post} more post-period report(s)")
            rows.append((year, design, n_pre, n_post, need_pre, need_post,
                         n_pre >= need_pre and n_post >= need_post, ", ".join(map(str, missing)),
                         "; ".join(needs)))
    return pd.DataFrame(rows, columns=["report_year", "design", "n_pre", "n_post", "min_pre",
                                       "min_post", "estimable", "missing_pre", "needs"])


# --------------------------------------------------------------------------------------------
# Plot helpers (draw only)
# --------------------------------------------------------------------------------------------
#: Time columns whose axis label comes from the translation table; any other column is labelled
#: with its own name (as the helpers did before they took ``lang``).
_TIME_LABEL_KEYS: Mapping[str, str] = {"report_year": "axis.report_year", "year": "axis.year"}


def _time_label(time: str, lang: str) -> str:
    key = _TIME_LABEL_KEYS.get(time)
    return i18n.t(key, lang) if key else time


def _title(title: str | None, key: str, lang: str) -> str:
    """``None`` -> the helper's default title in ``lang``; a given string (even "") as is."""
    return i18n.t(key, lang) if title is None else title


def plot_its(counterfactual: pd.DataFrame, time: str, ax: Any = None, title: str | None = None,
             *, lang: str = "en") -> Any:
    """Observed points, fitted line and dashed counterfactual band from :func:`its_counterfactual`.

    Parameters
    ----------
    counterfactual : DataFrame
        Output of :func:`its_counterfactual`.
    time : str
        Time column; ``report_year`` and ``year`` get a translated axis label, any other
        column is labelled with its name.
    ax : matplotlib Axes, optional
        Where to draw (a new pyplot figure if omitted).
    title : str, optional
        Title as given; ``None`` gives the default title in ``lang``.
    lang : {"en", "ar"}
        Language of the legend, axis label and default title (``tipanalysis.i18n``).

    Examples
    --------
    >>> d = pd.DataFrame({"t": range(10), "y": [1., 2, 3, 4, 5, 9, 10, 11, 12, 13]})
    >>> ax = plot_its(its_counterfactual(d, "y", "t", 5, maxlags=0), "t", lang="ar")
    >>> ax.get_title()
    'السلسلة الزمنية المتقطعة'
    """
    import matplotlib.pyplot as plt

    ax = ax or plt.subplots(figsize=(7, 4))[1]
    cf = counterfactual
    post = cf["post"].to_numpy(bool)
    ax.scatter(cf[time], cf["observed"], s=14, color="0.3",
               label=i18n.t("impact.legend.observed", lang))
    ax.plot(cf[time], cf["fitted"], color="C0", label=i18n.t("impact.legend.model", lang))
    ax.plot(cf[time][post], cf["counterfactual"][post], "--", color="C3",
            label=i18n.t("impact.legend.counterfactual", lang))
    ax.fill_between(cf[time][post], cf["cf_ci_low"][post], cf["cf_ci_high"][post], color="C3",
                    alpha=0.15, linewidth=0)
    if post.any():
        ax.axvline(cf[time][post].iloc[0], color="0.5", linewidth=0.8)
    ax.set_xlabel(_time_label(time, lang))
    ax.set_title(_title(title, "impact.title.its", lang))
    ax.legend(frameon=False)
    return ax


def plot_synth(fit: pd.DataFrame, time: str, ax: Any = None, title: str | None = None,
               *, lang: str = "en") -> Any:
    """Treated vs synthetic series from :func:`synthetic_control`.

    Parameters are those of :func:`plot_its`; ``fit`` is the output of
    :func:`synthetic_control`.

    Examples
    --------
    >>> f = pd.DataFrame({"t": [0, 1, 2], "observed": [1., 2, 4], "synthetic": [1., 2, 3],
    ...                   "gap": [0., 0, 1], "period": ["pre", "pre", "post"]})
    >>> ax = plot_synth(f, "t")
    >>> [x.get_text() for x in ax.get_legend().get_texts()]
    ['treated', 'synthetic']
    """
    import matplotlib.pyplot as plt

    ax = ax or plt.subplots(figsize=(7, 4))[1]
    ax.plot(fit[time], fit["observed"], color="C0", label=i18n.t("impact.legend.treated", lang))
    ax.plot(fit[time], fit["synthetic"], "--", color="C1",
            label=i18n.t("impact.legend.synthetic", lang))
    post = fit["period"] == "post"
    if post.any():
        ax.axvline(fit.loc[post, time].iloc[0], color="0.5", linewidth=0.8)
    ax.set_xlabel(_time_label(time, lang))
    ax.set_title(_title(title, "impact.title.synth", lang))
    ax.legend(frameon=False)
    return ax


def plot_placebo_gaps(
    gaps: pd.DataFrame, time: str, ax: Any = None, max_pre_rmspe_ratio: float | None = 5.0,
    title: str | None = None, *, lang: str = "en",
) -> Any:
    """Gap of the treated unit (bold) over the placebo gaps from :func:`synth_placebo_gaps`.

    Placebos whose pre-period RMSPE exceeds ``max_pre_rmspe_ratio`` times the treated unit's are
    hidden (ADH 2010, Fig. 5-7); pass ``None`` to show all. Other parameters are those of
    :func:`plot_its`.

    Examples
    --------
    >>> g = pd.DataFrame({"unit": ["a", "a", "b", "b"], "role": ["treated"] * 2 + ["placebo"] * 2,
    ...                   "t": [0, 1, 0, 1], "gap": [0., 2, 0, 1], "pre_rmspe": [0.1] * 4})
    >>> ax = plot_placebo_gaps(g, "t", lang="ar")
    >>> ax.get_ylabel()
    'الفجوة (الوحدة المعالجة - النظير التركيبي)'
    """
    import matplotlib.pyplot as plt

    ax = ax or plt.subplots(figsize=(7, 4))[1]
    treated = gaps[gaps["role"] == "treated"]
    limit = None
    if max_pre_rmspe_ratio is not None and len(treated):
        limit = max_pre_rmspe_ratio * float(treated["pre_rmspe"].iloc[0])
    for _, g in gaps[gaps["role"] == "placebo"].groupby("unit", sort=False):
        if limit is None or float(g["pre_rmspe"].iloc[0]) <= limit:
            ax.plot(g[time], g["gap"], color="0.75", linewidth=0.8)
    ax.plot(treated[time], treated["gap"], color="C0", linewidth=2,
            label=i18n.t("impact.legend.treated", lang))
    ax.axhline(0, color="0.4", linewidth=0.6, linestyle=":")
    ax.set_xlabel(_time_label(time, lang))
    ax.set_ylabel(i18n.t("impact.axis.gap", lang))
    ax.set_title(_title(title, "impact.title.placebo", lang))
    ax.legend(frameon=False)
    return ax


def plot_event_study(es: pd.DataFrame, ax: Any = None, title: str | None = None,
                     *, lang: str = "en") -> Any:
    """Event-study coefficients from :func:`event_study` against time relative to the reform.

    Points whose placebo p-value is at most 0.1 are filled; the others are hollow. Other
    parameters are those of :func:`plot_its`.

    Examples
    --------
    >>> es = pd.DataFrame({"rel_time": [-2., -1, 0, 1], "estimate": [0.2, 0, 3, 4],
    ...                    "p_value": [0.8, np.nan, 0.1, 0.1]})
    >>> ax = plot_event_study(es, title="")
    >>> ax.get_xlabel(), ax.get_title()
    ('periods relative to the intervention', '')
    """
    import matplotlib.pyplot as plt

    ax = ax or plt.subplots(figsize=(7, 4))[1]
    strong = es["p_value"].le(0.1).to_numpy()
    ax.axhline(0, color="0.4", linewidth=0.6, linestyle=":")
    ax.axvline(-0.5, color="0.5", linewidth=0.8)
    ax.plot(es["rel_time"], es["estimate"], color="C0", linewidth=1)
    ax.scatter(es["rel_time"][strong], es["estimate"][strong], color="C0", zorder=3,
               label=i18n.t("impact.legend.p_low", lang))
    ax.scatter(es["rel_time"][~strong], es["estimate"][~strong], facecolors="white",
               edgecolors="C0", zorder=3, label=i18n.t("impact.legend.p_high", lang))
    ax.set_xlabel(i18n.t("impact.axis.rel_time", lang))
    ax.set_ylabel(i18n.t("impact.axis.es_estimate", lang))
    ax.set_title(_title(title, "impact.title.event_study", lang))
    ax.legend(frameon=False)
    return ax
