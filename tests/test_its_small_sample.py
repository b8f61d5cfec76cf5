"""ITS on few annual points: the small-sample warning and the wild-bootstrap check (issue 14).

Series are synthetic, simulated here with fixed seeds; 13 points, like Kuwait's reports
around the 2013 law.
"""

from __future__ import annotations

import warnings

import numpy as np
import pandas as pd
import pytest

from tipanalysis import impact


def _series(level=0.0, slope=0.0, seed=0, n=13, t0=2013, sd=0.3):
    rng = np.random.default_rng(seed)
    year = np.arange(t0 - 7, t0 - 7 + n)
    post = (year >= t0).astype(float)
    y = 2.0 + 0.05 * (year - year[0]) + level * post + slope * post * (year - t0)
    return pd.DataFrame({"year": year, "y": y + rng.normal(0, sd, n)})


def test_few_points_warn_and_say_so_in_the_result():
    d = _series(level=1.0)
    with pytest.warns(UserWarning, match="small sample: 13 points"):
        out = impact.its(d, "y", "year", 2013, slope_change=False)
    assert out["model"].str.contains("Newey-West errors are unreliable").all()
    with pytest.warns(UserWarning):
        res = impact.fit_its(d, "year", "y", 2013, slope_change=False)
    assert "small sample" in res.params["model"].iloc[0]


def test_enough_points_do_not_warn():
    d = _series(level=1.0, n=30)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        out = impact.its(d, "y", "year", 2013)
    assert not out["model"].str.contains("small sample").any()


def _p_wild(level, seed, slope_change=False, n_boot=199):
    out = impact.its_wild_bootstrap(_series(level=level, seed=100 + seed), "y", "year", 2013,
                                    slope_change=slope_change, n_boot=n_boot, seed=seed)
    return out.set_index("term").loc["level_change"]


@pytest.mark.filterwarnings("ignore:small sample")
def test_wild_bootstrap_detects_a_known_step():
    # A step of 1.5 (5 noise sd) on 13 points: found in the seeded case and in nearly every
    # one of 40 simulated series (measured: 90% at p <= 0.05 with 60 series).
    row = _p_wild(1.5, seed=1, n_boot=999)
    assert row["estimate"] == pytest.approx(1.5, abs=0.5)
    assert row["p_value_wild"] < 0.05
    power = np.mean([_p_wild(1.5, s)["p_value_wild"] <= 0.05 for s in range(40)])
    assert power >= 0.8


@pytest.mark.filterwarnings("ignore:small sample")
def test_wild_bootstrap_detects_a_known_slope_change():
    out = impact.its_wild_bootstrap(_series(slope=0.6, seed=4), "y", "year", 2013,
                                    n_boot=999, seed=4).set_index("term")
    assert list(out.index) == ["level_change", "slope_change"]
    assert out.loc["slope_change", "p_value_wild"] < 0.05


@pytest.mark.filterwarnings("ignore:small sample")
def test_wild_bootstrap_does_not_detect_a_null_series():
    # No effect: the seeded case is not significant, and over 40 simulated null series the
    # test rejects at 5% about 5% of the time (at most 5 of 40 allowed: binomial noise).
    assert _p_wild(0.0, seed=5, n_boot=999)["p_value_wild"] > 0.1
    size = np.mean([_p_wild(0.0, s, slope_change=True)["p_value_wild"] <= 0.05
                    for s in range(40)])
    assert size <= 0.125


@pytest.mark.filterwarnings("ignore:small sample")
def test_wild_bootstrap_is_seeded_and_matches_the_result_method():
    d = _series(level=0.8, seed=8)
    a = impact.its_wild_bootstrap(d, "y", "year", 2013, n_boot=299, seed=3)
    b = impact.fit_its(d, "year", "y", 2013).wild_bootstrap(n_boot=299, seed=3)
    pd.testing.assert_frame_equal(a, b)
    # the Newey-West p next to it is the one its() reports
    nw = impact.its(d, "y", "year", 2013).set_index("term")["p_value"]
    assert a.set_index("term")["p_value_newey_west"].to_numpy() == pytest.approx(
        nw.loc[["level_change", "slope_change"]].to_numpy())
    assert ((a["p_value_wild"] > 0) & (a["p_value_wild"] <= 1)).all()
