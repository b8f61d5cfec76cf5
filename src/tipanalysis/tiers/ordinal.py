"""An ordered logit model of the tier (statsmodels is imported only inside the functions).

A *prediction* model of the next placement, not a model of its determinants. Standard errors
are clustered by country by default. Also here: :func:`prev_wl_state` (the previous report's
Watch List state, covariate ``wl_state``: ``off/free`` = not on the Watch List or in a first
counted year, the reference level, so its dummies are not collinear with ``prev_tier[2WL]``;
``waiver`` = downgrade due, waiver available; ``binding`` = no waiver left; ``uncounted`` = a
Watch List year before the 2009 report) and :func:`accuracy_vs_persistence` (in-sample share of
correct most-likely tiers next to "same tier as last year").
"""

from __future__ import annotations

import itertools
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from tipanalysis.core.tierscale import TIER_DTYPE, TIER_ORDER
from tipanalysis.tiers.panel import indicators
from tipanalysis.tiers.wlchain import state_table

__all__ = [
    "PERIODS",
    "WL_STATE_LEVELS",
    "OrderedLogitResult",
    "accuracy_vs_persistence",
    "ordered_logit",
    "predicted_probabilities",
    "prev_wl_state",
]

#: Levels of the ``wl_state`` covariate, reference first.
WL_STATE_LEVELS: tuple[str, ...] = ("off/free", "waiver", "binding", "uncounted")

#: Tier labels from best to worst; the order of the categorical dtype.


# ---------------------------------------------------------------------------------------------
# Ordered logit
# ---------------------------------------------------------------------------------------------

#: Default periods of the ordered logit: the eras of the Watch List rule.
PERIODS: tuple[tuple[str, int, int], ...] = (
    ("2001-2008", 2001, 2008),
    ("2009-2018", 2009, 2018),
    ("2019-", 2019, 9999),
)


@dataclass
class OrderedLogitResult:
    """A fitted ordered logit of the tier on covariates.

    Attributes
    ----------
    coefficients : DataFrame
        ``term``, ``kind`` (``coef`` or ``cutpoint``), ``estimate``, ``std_err``, ``ci_low``,
        ``ci_high``, ``p_value``; cutpoints are on the latent scale (``1|2``, ``2|2WL``,
        ``2WL|3``), with standard errors only for the first (the others are reparametrised).
    fit : statsmodels OrderedResults
        The statsmodels result, for anything else.
    covariates, references, periods, regions, n : design information used to predict.
    """

    coefficients: pd.DataFrame
    fit: Any
    covariates: tuple[str, ...]
    columns: tuple[str, ...]
    references: dict[str, str]
    periods: tuple[tuple[str, int, int], ...]
    regions: Mapping[str, str] | None
    n: int


def _period_of(years: pd.Series, periods: tuple[tuple[str, int, int], ...]) -> pd.Series:
    labels = pd.Series(np.nan, index=years.index, dtype="object")
    for name, first, last in periods:
        labels[(years >= first) & (years <= last)] = name
    return labels


def _design(
    panel: pd.DataFrame,
    covariates: tuple[str, ...],
    regions: Mapping[str, str] | None,
    periods: tuple[tuple[str, int, int], ...],
    levels: dict[str, list[str]] | None = None,
) -> tuple[pd.DataFrame, pd.DataFrame, dict[str, list[str]]]:
    """Rows usable for the model and their dummy-coded design (reference level dropped)."""
    data = indicators(panel)
    data = data[data["tier"].notna()]
    if "prev_tier" in covariates:
        data = data[data["prev_tier"].notna()]
    factors: dict[str, pd.Series] = {}
    for cov in covariates:
        if cov == "prev_tier":
            factors[cov] = data["prev_tier"].astype("object")
        elif cov == "region":
            if regions is None:
                raise ValueError("covariate 'region' needs a regions mapping iso3 -> region")
            factors[cov] = data["iso3"].map(dict(regions))
        elif cov == "period":
            factors[cov] = _period_of(data["report_year"], periods)
        elif cov == "wl_state":  # previous report's Watch List state (issue 14)
            factors[cov] = prev_wl_state(panel, data)
        else:
            raise ValueError(f"unknown covariate {cov!r} (prev_tier, region, period, wl_state)")
    keep = pd.concat(factors, axis=1).notna().all(axis=1)
    data = data[keep]
    if levels is None:
        levels = {}
        for cov, values in factors.items():
            observed = set(values[keep])
            if cov == "prev_tier":
                levels[cov] = [t for t in TIER_ORDER if t in observed]
            elif cov == "period":
                levels[cov] = [p[0] for p in periods if p[0] in observed]
            elif cov == "wl_state":
                levels[cov] = [w for w in WL_STATE_LEVELS if w in observed]
            else:
                levels[cov] = sorted(observed)
    columns = {}
    for cov, values in factors.items():
        for level in levels[cov][1:]:  # the first level is the reference
            columns[f"{cov}[{level}]"] = (values[keep] == level).astype(float).to_numpy()
    return data, pd.DataFrame(columns, index=data.index), levels


def _ordered_logit_start(endog: np.ndarray, exog: np.ndarray, k_levels: int
                         ) -> np.ndarray | None:
    """Maximum-likelihood parameters of the ordered logit, in statsmodels' parametrisation.

    The covariates are dummies, so the rows fall into few distinct (covariates, tier) cells:
    the log-likelihood is summed over those cells with their counts, with its analytic gradient.
    Parameters are ``(coefficients, first cutpoint, log of the increments between cutpoints)``
    as in ``OrderedModel``. Returns None (statsmodels' own start) when the optimiser fails,
    some tier is never observed or the estimates diverge (no interior maximum).
    """
    from scipy.optimize import minimize

    endog = np.asarray(endog, dtype=np.int64)
    exog = np.asarray(exog, dtype=float).reshape(len(endog), -1)
    if len(endog) == 0 or np.bincount(endog, minlength=k_levels).min() == 0:
        return None
    cells, counts = np.unique(np.column_stack([exog, endog]), axis=0, return_counts=True)
    x, y, w = cells[:, :-1], cells[:, -1].astype(np.int64), counts / len(endog)
    k, rows = x.shape[1], np.arange(len(y))

    def negloglike(theta: np.ndarray) -> tuple[float, np.ndarray]:
        increments = np.exp(theta[k + 1:])
        cuts = np.r_[-np.inf, theta[k], theta[k] + np.cumsum(increments), np.inf]
        eta = x @ theta[:k]
        upp, low = cuts[y + 1] - eta, cuts[y] - eta
        cdf_upp, cdf_low = 1.0 / (1.0 + np.exp(-upp)), 1.0 / (1.0 + np.exp(-low))
        pdf_upp, pdf_low = cdf_upp * (1.0 - cdf_upp), cdf_low * (1.0 - cdf_low)
        prob = np.maximum(cdf_upp - cdf_low, 1e-300)
        # d log p / d cut_j for the finite cutpoints j = 1 .. k_levels - 1
        d_cut = np.zeros((len(y), k_levels + 1))
        d_cut[rows, y + 1] += pdf_upp / prob
        d_cut[rows, y] -= pdf_low / prob
        d_cut = d_cut[:, 1:-1]
        grad_beta = -((pdf_upp - pdf_low) / prob) @ (x * w[:, None])
        g_cut = w @ d_cut
        # cut_m = theta_k + sum_{i < m} exp(theta_{k+i}): chain rule to the increments
        g_inc = np.array([g_cut[i:].sum() for i in range(1, k_levels - 1)]) * increments
        grad = np.r_[grad_beta, g_cut.sum(), g_inc]
        return -float(w @ np.log(prob)), -grad

    freq = np.bincount(endog, minlength=k_levels).cumsum()[:-1] / len(endog)
    start_cuts = np.log(freq / (1.0 - freq))
    start = np.r_[np.zeros(k), start_cuts[0], np.log(np.diff(start_cuts))]
    with np.errstate(over="ignore", divide="ignore", invalid="ignore"):
        res = minimize(negloglike, start, jac=True, method="BFGS",
                       options={"gtol": 1e-10, "maxiter": 5000})
    # Huge values mean separation (no finite maximum): leave those to statsmodels as before.
    if (not np.all(np.isfinite(res.x)) or np.max(np.abs(res.jac)) > 1e-7
            or np.max(np.abs(res.x)) > 30):
        return None
    return res.x


def _shipped_regions(panel: pd.DataFrame) -> dict[str, str]:
    # The reference ships with the package data, so a notebook need not build the mapping;
    # it is read by the data layer, not here.
    from tipanalysis.data.countries import region_map

    regions = region_map()
    if not set(panel["iso3"]) & set(regions):
        raise ValueError("covariate 'region' needs a regions mapping iso3 -> region: the shipped "
                         "country reference has none of the panel's countries")
    return regions


def ordered_logit(
    panel: pd.DataFrame,
    *,
    covariates: tuple[str, ...] = ("prev_tier", "region", "period"),
    regions: Mapping[str, str] | None = None,
    periods: tuple[tuple[str, int, int], ...] = PERIODS,
    cluster: str | None = "iso3",
) -> OrderedLogitResult:
    """Ordered logit of the tier (1 < 2 < 2WL < 3) on dummy-coded covariates.

    Uses ``statsmodels.miscmodels.ordinal_model.OrderedModel`` with ``distr="logit"`` and no
    constant (the cutpoints play its role). Each factor is dummy-coded with its first level as
    reference: Tier 1 for ``prev_tier``, the alphabetically first region, the first period.
    Rows need a ranked tier, a ranked previous-year tier (if ``prev_tier`` is used) and a region
    (if ``region`` is used). Positive coefficients push towards worse tiers.

    Parameters
    ----------
    panel : DataFrame
        Tidy tier panel.
    covariates : tuple of str
        Any of ``prev_tier``, ``region``, ``period``, ``wl_state``.
    regions : mapping, optional
        iso3 -> region for the ``region`` covariate; by default the State Department bureaus
        of the shipped country reference (:func:`tipanalysis.data.countries.region_map`).
    periods : tuple of (label, first_year, last_year)
        Period bins, by default the Watch List rule eras :data:`PERIODS`.
    cluster : str or None
        Column whose values cluster the standard errors (statsmodels' ``cov_type="cluster"``);
        by country by default, since a country's years are not independent. None gives the
        model-based (inverse Hessian) errors. ``wl_state`` in ``covariates`` adds the previous
        report's Watch List state (:func:`prev_wl_state`).

    This is a *prediction* model of the next placement, not a model of its determinants.

    Returns
    -------
    OrderedLogitResult

    Examples
    --------
    >>> rng = np.random.default_rng(0)
    >>> tiers = rng.choice(list(TIER_ORDER), size=(60, 6))
    >>> p = pd.DataFrame({"iso3": np.repeat([f"C{i}" for i in range(60)], 6),
    ...                   "report_year": np.tile(np.arange(2010, 2016), 60),
    ...                   "tier": tiers.ravel()})
    >>> r = ordered_logit(p, covariates=("prev_tier",))
    >>> r.coefficients["term"].tolist()
    ['prev_tier[2]', 'prev_tier[2WL]', 'prev_tier[3]', '1|2', '2|2WL', '2WL|3']
    """
    from statsmodels.miscmodels.ordinal_model import OrderedModel

    covariates = tuple(covariates)
    if regions is None and "region" in covariates:
        regions = _shipped_regions(panel)
    data, exog, levels = _design(panel, covariates, regions, periods)
    endog = pd.Series(pd.Categorical(data["tier"].astype("object"), dtype=TIER_DTYPE),
                      index=data.index)
    model = OrderedModel(endog, exog, distr="logit")
    # statsmodels' BFGS still decides convergence (on the full data) and computes the standard
    # errors; from the maximum found on the grouped data it stops at once instead of taking
    # ~70 numerical-gradient steps (about 1.2 s on the shipped panel).
    cov = {} if cluster is None else {
        "cov_type": "cluster",
        "cov_kwds": {"groups": pd.factorize(data[cluster])[0]}}
    fit = model.fit(start_params=_ordered_logit_start(model.endog, model.exog, model.k_levels),
                    method="bfgs", disp=False, maxiter=2000, **cov)
    k = exog.shape[1]
    params = np.asarray(fit.params)
    bse = np.asarray(fit.bse)
    ci = np.asarray(fit.conf_int())
    pvalues = np.asarray(fit.pvalues)
    cuts = model.transform_threshold_params(params)[1:-1]
    labels = [f"{a}|{b}" for a, b in itertools.pairwise(TIER_ORDER)]
    coef = pd.DataFrame(
        {
            "term": list(exog.columns) + labels,
            "kind": ["coef"] * k + ["cutpoint"] * 3,
            "estimate": np.r_[params[:k], cuts],
            "std_err": np.r_[bse[:k], bse[k], np.nan, np.nan],
            "ci_low": np.r_[ci[:k, 0], ci[k, 0], np.nan, np.nan],
            "ci_high": np.r_[ci[:k, 1], ci[k, 1], np.nan, np.nan],
            "p_value": np.r_[pvalues[:k], np.nan, np.nan, np.nan],
        }
    ).astype({"term": "str", "kind": "str"})
    references = {cov: levels[cov][0] for cov in covariates}
    return OrderedLogitResult(coef, fit, covariates, tuple(exog.columns), references,
                              tuple(periods), regions, len(endog))


def predicted_probabilities(
    result: OrderedLogitResult, panel: pd.DataFrame, iso3: str
) -> pd.DataFrame:
    """Predicted tier probabilities of one country, year by year, next to its observed tier.

    Returns
    -------
    DataFrame
        ``report_year``, ``tier`` (observed), ``prev_tier``, ``p_1``, ``p_2``, ``p_2WL``,
        ``p_3`` (rows sum to 1), ``predicted`` (most likely tier) and ``p_observed`` (the
        probability the model gave to what happened). Years the model cannot use (no
        previous-year tier, no region) are left out.

    Examples
    --------
    >>> rng = np.random.default_rng(0)
    >>> p = pd.DataFrame({"iso3": np.repeat([f"C{i}" for i in range(60)], 6),
    ...                   "report_year": np.tile(np.arange(2010, 2016), 60),
    ...                   "tier": rng.choice(list(TIER_ORDER), size=360)})
    >>> r = ordered_logit(p, covariates=("prev_tier",))
    >>> pp = predicted_probabilities(r, p, "C0")
    >>> bool(np.allclose(pp[["p_1", "p_2", "p_2WL", "p_3"]].sum(axis=1), 1.0))
    True
    """
    rows = panel[panel["iso3"] == iso3]
    data, exog, _ = _design(rows, result.covariates, result.regions, result.periods,
                            levels=_levels_of(result))
    exog = exog.reindex(columns=list(result.columns), fill_value=0.0)
    probs = np.asarray(result.fit.model.predict(result.fit.params, exog=exog.to_numpy()))
    out = data[["report_year", "tier", "prev_tier"]].reset_index(drop=True)
    for j, t in enumerate(TIER_ORDER):
        out[f"p_{t}"] = probs[:, j]
    out["predicted"] = pd.Categorical.from_codes(probs.argmax(axis=1), dtype=TIER_DTYPE)
    codes = out["tier"].cat.codes.to_numpy()
    out["p_observed"] = probs[np.arange(len(out)), codes]
    return out


def _levels_of(result: OrderedLogitResult) -> dict[str, list[str]]:
    """Factor levels (reference first) recovered from the fitted design's column names."""
    levels: dict[str, list[str]] = {}
    for cov in result.covariates:
        rest = [c[len(cov) + 1:-1] for c in result.columns if c.startswith(f"{cov}[")]
        levels[cov] = [result.references[cov], *rest]
    return levels


def prev_wl_state(panel: pd.DataFrame, rows: pd.DataFrame) -> pd.Series:
    """The previous report's Watch List state for each of ``rows`` (``iso3``, ``report_year``).

    Missing where the previous report has no row or no tier.

    Examples
    --------
    >>> p = pd.DataFrame({"iso3": ["X"] * 4, "report_year": [2021, 2022, 2023, 2024],
    ...                   "tier": ["2WL", "2WL", "2WL", "2"]})
    >>> prev_wl_state(p, p).tolist()
    [nan, 'off/free', 'waiver', 'binding']
    """
    tab = state_table(panel)
    cls = tab["wl_class"].astype("object").where(tab["wl_class"].notna(), "off/free")
    cls = cls.replace({"free": "off/free"}).where(tab["tier"].notna())
    lookup = dict(zip(zip(tab["iso3"], tab["report_year"] + 1, strict=True), cls, strict=True))
    keys = zip(rows["iso3"], rows["report_year"], strict=True)
    return pd.Series([lookup.get(k, np.nan) for k in keys], index=rows.index, dtype="object")


def accuracy_vs_persistence(result: OrderedLogitResult, panel: pd.DataFrame) -> pd.DataFrame:
    """In-sample accuracy of a fitted ordered logit next to "same tier as last year".

    Both are scored on the rows the model was fitted on that have a previous-year tier.

    Returns
    -------
    DataFrame
        Two rows (``model``, ``persistence``): ``method``, ``n``, ``accuracy``.
    """
    data, exog, _ = _design(panel, result.covariates, result.regions, result.periods,
                            levels=_levels_of(result))
    exog = exog.reindex(columns=list(result.columns), fill_value=0.0)
    probs = np.asarray(result.fit.model.predict(result.fit.params, exog=exog.to_numpy()))
    y = data["tier"].cat.codes.to_numpy()
    prev = pd.Categorical(data["prev_tier"].astype("object"), dtype=TIER_DTYPE).codes
    ok = prev >= 0
    return pd.DataFrame({"method": ["model", "persistence"], "n": [int(ok.sum())] * 2,
                         "accuracy": [float((probs.argmax(axis=1) == y)[ok].mean()),
                                      float((prev == y)[ok].mean())]}).astype({"method": "str"})


def __dir__() -> list[str]:
    # Tab completion shows the public API only, not pd, np or helpers.
    return list(__all__)
