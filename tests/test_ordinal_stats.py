"""Clustered ordered logit, the Watch List state covariate and accuracy against persistence.

The panels are synthetic (simulated here) or the shipped tier data.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from test_tiers import shipped_panel
from tipanalysis import tiers
from tipanalysis.tiers import TIER_ORDER
from tipanalysis.tiers import ordinal as ordinal_stats


def _simulated(n_countries=80, n_years=8, seed=2):
    rng = np.random.default_rng(seed)
    rows = []
    for c in range(n_countries):
        t = rng.integers(0, 4)
        shock = rng.normal(0, 1.0)  # a country effect: the reason to cluster
        for y in range(2010, 2010 + n_years):
            latent = 1.5 * t + shock + rng.logistic()
            t = int(np.clip(np.searchsorted([1.0, 3.0, 5.0], latent), 0, 3))
            rows.append((f"C{c:02d}", y, TIER_ORDER[t]))
    return pd.DataFrame(rows, columns=["iso3", "report_year", "tier"])


def test_clustered_errors_match_statsmodels_cluster_option():
    from statsmodels.miscmodels.ordinal_model import OrderedModel

    p = _simulated()
    r = tiers.ordered_logit(p, covariates=("prev_tier",))
    # Independent fit: design and groups built here, statsmodels' own cluster option.
    d = p.sort_values(["iso3", "report_year"]).copy()
    d["prev"] = d.groupby("iso3")["tier"].shift()
    d = d[d["prev"].notna()]
    X = pd.DataFrame({f"prev_tier[{t}]": (d["prev"] == t).astype(float) for t in ("2", "2WL",
                                                                             "3")})
    y = pd.Categorical(d["tier"], categories=list(TIER_ORDER), ordered=True)
    ref = OrderedModel(pd.Series(y, index=d.index), X, distr="logit").fit(
        method="bfgs", disp=False, maxiter=5000, cov_type="cluster",
        cov_kwds={"groups": pd.factorize(d["iso3"])[0]})
    coef = r.coefficients.set_index("term")
    np.testing.assert_allclose(coef.loc[list(X.columns), "estimate"], ref.params[:3],
                               rtol=1e-4)
    np.testing.assert_allclose(coef.loc[list(X.columns), "std_err"], ref.bse[:3], rtol=1e-3)
    plain = tiers.ordered_logit(p, covariates=("prev_tier",), cluster=None)
    assert not np.allclose(plain.coefficients["std_err"].iloc[:3], coef["std_err"].iloc[:3])


def test_shipped_panel_clustered_errors_are_larger_and_likelihood_unchanged():
    p = shipped_panel()
    regions = {iso: "R" + str(i % 3) for i, iso in enumerate(sorted(p["iso3"].unique()))}
    a = tiers.ordered_logit(p, regions=regions)
    b = tiers.ordered_logit(p, regions=regions, cluster=None)
    assert a.fit.llf == pytest.approx(b.fit.llf)
    ratio = (a.coefficients["std_err"] / b.coefficients["std_err"]).iloc[:3]
    assert (ratio > 1.1).all()


def test_wl_state_covariate_and_levels():
    p = pd.DataFrame({"iso3": ["X"] * 4, "report_year": [2021, 2022, 2023, 2024],
                      "tier": ["2WL", "2WL", "2WL", "2"]})
    assert ordinal_stats.prev_wl_state(p, p).tolist()[1:] == ["off/free", "waiver", "binding"]
    r = tiers.ordered_logit(shipped_panel(), covariates=("prev_tier", "wl_state"))
    assert {"wl_state[waiver]", "wl_state[binding]"} <= set(r.coefficients["term"])
    assert "wl_state[off/free]" not in set(r.coefficients["term"])  # the reference


def test_accuracy_vs_persistence_on_the_shipped_panel():
    p = shipped_panel()
    r = tiers.ordered_logit(p, covariates=("prev_tier",))
    acc = ordinal_stats.accuracy_vs_persistence(r, p).set_index("method")
    # With the previous tier only, the most likely tier is the previous tier: identical.
    assert acc.loc["model", "accuracy"] == pytest.approx(acc.loc["persistence", "accuracy"])
    # hand check of persistence on the fitted rows
    d = tiers.indicators(p)
    d = d[d["tier"].notna() & d["prev_tier"].notna()]
    assert acc.loc["persistence", "n"] == len(d)
    assert acc.loc["persistence", "accuracy"] == pytest.approx(
        (d["tier"].astype(str) == d["prev_tier"].astype(str)).mean())
