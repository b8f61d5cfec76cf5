"""Tests of the rolling-origin backtest (``tipanalysis.tiers.backtesting``).

Panels named A..D are synthetic; hand counts are in the comments.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from test_tiers import shipped_panel
from tipanalysis.tiers import TIER_DTYPE, TIER_ORDER
from tipanalysis.tiers import backtesting as backtest


def _panel(rows):
    iso, year, tier = zip(*rows, strict=True)
    return pd.DataFrame({"iso3": pd.Series(iso, dtype="str"), "report_year": list(year),
                         "tier": pd.Categorical(list(tier), dtype=TIER_DTYPE)})


SMALL = _panel(
    [("A", 2010 + i, t) for i, t in enumerate(["1", "1", "1", "2", "2"])]
    + [("B", 2010 + i, t) for i, t in enumerate(["2", "2", "2WL", "2", "2"])]
    + [("C", 2010 + i, t) for i, t in enumerate(["3", "3", "3", "3", "2WL"])]
)


def test_persistence_is_the_hand_count_and_first_order_the_matrix():
    f = backtest.backtest(SMALL, origins=[2012], horizon=1, windows={"all": 2010},
                          methods=("persistence", "first_order"))
    per = f[f.method == "persistence"].set_index("iso3")
    # Pairs 2010-11, 2011-12 of A, B, C: A 1->1, 1->1; B 2->2, 2->2WL; C 3->3, 3->3:
    # 5 of 6 stay, so s_1 = 5/6 and the other tiers get 1/18 each.
    np.testing.assert_allclose(per.loc["A", ["p_1", "p_2", "p_2WL", "p_3"]].to_numpy(float),
                               [5 / 6, 1 / 18, 1 / 18, 1 / 18])
    assert str(per.loc["A", "observed"]) == "2"
    fo = f[f.method == "first_order"].set_index("iso3")
    # B starts on the Watch List in 2012; nobody left the Watch List by 2012: absorbing.
    assert fo.loc["B", "p_2WL"] == 1.0
    np.testing.assert_allclose(fo.loc["A", ["p_1", "p_2", "p_2WL", "p_3"]].to_numpy(float),
                               [1, 0, 0, 0])


def test_scores_are_the_hand_computed_log_and_brier_scores():
    f = backtest.backtest(SMALL, origins=[2012], horizon=1, windows={"all": 2010},
                          methods=("persistence",))
    s = backtest.scores(f).iloc[0]
    # A: 1 -> 2 (p 1/18); B: 2WL -> 2 (1/18); C: 3 -> 3 (5/6).
    assert s["n"] == 3
    assert s["log_score"] == pytest.approx((2 * np.log(1 / 18) + np.log(5 / 6)) / 3)
    wrong = (5 / 6) ** 2 + (1 - 1 / 18) ** 2 + 2 * (1 / 18) ** 2
    right = (1 - 5 / 6) ** 2 + 3 * (1 / 18) ** 2
    assert s["brier"] == pytest.approx((2 * wrong + right) / 3)
    assert s["accuracy"] == pytest.approx(1 / 3)


def test_zero_probability_outcomes_are_floored_and_counted():
    f = backtest.backtest(SMALL, origins=[2012], horizon=1, windows={"all": 2010},
                          methods=("first_order",))
    s = backtest.scores(f).iloc[0]
    # A (Tier 1 -> 2) and B (Watch List -> 2) got probability 0 from the first-order chain.
    assert s["n_floored"] == 2
    floor = backtest.SCORE_FLOOR
    floored = np.log(floor / (1 + 3 * floor))
    assert s["log_score"] == pytest.approx((2 * floored + np.log(1 / (1 + 3 * floor))) / 3)


def test_no_information_from_after_the_origin_leaks_into_a_forecast():
    panel = shipped_panel()
    rng = np.random.default_rng(3)
    changed = panel.copy()
    late = changed["report_year"] > 2015
    changed.loc[late, "tier"] = pd.Categorical(rng.choice(list(TIER_ORDER), late.sum()),
                                               dtype=TIER_DTYPE)
    kw = dict(origins=[2015], windows={"2009-": 2009},
              methods=("persistence", "first_order", "wl_chain", "duration_chain"))
    a, b = backtest.backtest(panel, **kw), backtest.backtest(changed, **kw)
    cols = ["method", "iso3", "horizon", "p_1", "p_2", "p_2WL", "p_3", "p_event"]
    pd.testing.assert_frame_equal(a[cols], b[cols])
    assert not a["observed"].equals(b["observed"])


def test_window_used_only_with_two_reports_before_the_origin():
    f = backtest.backtest(SMALL, origins=[2011, 2012], horizon=1,
                          windows={"all": 2010, "late": 2011}, methods=("persistence",))
    assert sorted(set(zip(f["window"], f["origin"], strict=True))) == [
        ("all", 2012)]


def test_window_sensitivity_on_the_shipped_panel():
    panel = shipped_panel()
    kwt = panel[panel.iso3 == "KWT"]
    w = backtest.window_sensitivity(kwt, panel, n_boot=20)
    wide = w.pivot(index="measure", columns="window", values="estimate")
    # Tier 2 or better in every report 2026-2028 (the review's figures)
    assert wide.loc["p_tier2_or_better_every_report"].round(3).tolist() == [0.575, 0.619, 0.648]
    assert list(wide.columns) == ["2001-", "2009-", "2019-"]
    assert w.attrs["forecast_years"] == (2026, 2028)


def test_choose_window_and_verdict_compare_like_with_like():
    f = backtest.backtest(shipped_panel(), origins=[2021, 2022], horizon=1,
                          methods=("persistence", "first_order", "duration_chain"))
    c = backtest.choose_window(f)
    assert c["n"].nunique() == 1 and c["origins"].iloc[0] == "2021-2022"
    assert c["best"].sum() == 1
    v = backtest.verdict(backtest.scores(f), window="2009-")
    assert v["beats_persistence"].iloc[0] == (v["log_score"] > v["log_score_persistence"]).iloc[0]
    assert "persistence" in v["sentence"].iloc[0]
