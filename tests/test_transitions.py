"""Tests of transition matrices, the bootstrap and the Markov forecasts.

Panels named A, B, C or X are synthetic, written for these tests; the others come from the
shipped tier data (``shipped_panel``).
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from test_tiers import shipped_panel
from tipanalysis.tiers import (
    FORECAST_ASSUMPTIONS,
    TIER_DTYPE,
    TIER_ORDER,
    bootstrap_transition_matrix,
    bootstrap_transition_replicates,
    forecast_markov,
    forecast_summary,
    forecast_watchlist_chain,
    transition_matrix,
)
from tipanalysis.tiers.wlchain import DURATION_ASSUMPTIONS


def _panel(rows):
    iso, year, tier = zip(*rows, strict=True)
    return pd.DataFrame({"iso3": pd.Series(iso, dtype="str"), "report_year": list(year),
                         "tier": pd.Categorical(list(tier), dtype=TIER_DTYPE)})


THREE = _panel([
    ("A", 2010, "1"), ("A", 2011, "1"), ("A", 2012, "2"), ("A", 2013, "2"),
    ("B", 2010, "2"), ("B", 2011, "2WL"), ("B", 2012, "2WL"), ("B", 2013, "3"), ("B", 2015, "3"),
    ("C", 2010, "2WL"), ("C", 2011, None), ("C", 2012, "2"), ("C", 2013, "2WL"),
])


def _wide(long: pd.DataFrame, column: str) -> np.ndarray:
    return long.pivot_table(index="from_tier", columns="to_tier", values=column,
                            observed=False, dropna=False).to_numpy()


def test_transition_matrix_hand_worked():
    m = transition_matrix(THREE)
    # A: 1->1, 1->2, 2->2; B: 2->2WL, 2WL->2WL, 2WL->3 (2013-2015 is not consecutive);
    # C: the Special Case in 2011 breaks both pairs around it, then 2->2WL.
    expected = np.array([[1, 1, 0, 0], [0, 1, 2, 0], [0, 0, 1, 1], [0, 0, 0, 0]])
    np.testing.assert_array_equal(_wide(m, "count"), expected)
    prob = _wide(m, "prob")
    np.testing.assert_allclose(prob[:3], [[0.5, 0.5, 0, 0], [0, 1 / 3, 2 / 3, 0],
                                          [0, 0, 0.5, 0.5]])
    assert np.isnan(prob[3]).all()
    assert m["count"].sum() == 7
    assert len(m) == 16 and m["from_tier"].dtype == TIER_DTYPE


def test_transition_matrix_filters():
    m = transition_matrix(THREE, countries=["A"])
    assert m["count"].sum() == 3
    m = transition_matrix(THREE, years=[2012, 2013])
    # 2012->2013 pairs only: A 2->2, B 2WL->3, C 2->2WL.
    assert m["count"].sum() == 3
    assert m.set_index(["from_tier", "to_tier"]).loc[("2WL", "3"), "count"] == 1


def test_transition_counts_match_a_plain_loop_on_the_shipped_panel():
    panel = shipped_panel()
    tiers = {(r.iso3, r.report_year): r.tier for r in panel.itertuples()}
    pairs = 0
    for (iso, year), tier in tiers.items():
        nxt = tiers.get((iso, year + 1))
        if isinstance(tier, str) and isinstance(nxt, str):
            pairs += 1
    m = transition_matrix(panel)
    assert m["count"].sum() == pairs
    assert pairs > 3500


def test_bootstrap_resamples_countries():
    two = _panel([("A", 1, "1"), ("A", 2, "1"), ("B", 1, "1"), ("B", 2, "2")])
    reps = bootstrap_transition_replicates(two, n_boot=4000, seed=3)
    p11 = reps[:, 0, 0]
    # Two countries drawn with replacement: P(1->1) is 1, 0.5 or 0 with probability 1/4, 1/2,
    # 1/4.
    assert set(np.unique(p11)) <= {0.0, 0.5, 1.0}
    assert np.mean(p11 == 0.5) == pytest.approx(0.5, abs=0.03)
    assert np.isnan(reps[:, 1]).all()  # nobody starts on Tier 2


def test_bootstrap_is_seeded_and_brackets_the_estimate():
    a = bootstrap_transition_matrix(THREE, n_boot=300, seed=7)
    b = bootstrap_transition_matrix(THREE, n_boot=300, seed=7)
    pd.testing.assert_frame_equal(a, b)
    ok = a["estimate"].notna()
    assert ((a.loc[ok, "ci_low"] <= a.loc[ok, "estimate"])
            & (a.loc[ok, "estimate"] <= a.loc[ok, "ci_high"])).all()
    assert a.loc[~ok, "ci_low"].isna().all()


def test_bootstrap_without_variation_has_a_zero_width_interval():
    same = _panel([(c, y, "2") for c in "ABC" for y in (2020, 2021)])
    b = bootstrap_transition_matrix(same, n_boot=100).set_index(["from_tier", "to_tier"])
    assert b.loc[("2", "2"), ["estimate", "ci_low", "ci_high"]].tolist() == [1.0, 1.0, 1.0]


# --- forecasts --------------------------------------------------------------------------------


def test_forecast_markov_is_the_matrix_power():
    P = np.array([[0.9, 0.1], [0.5, 0.5]])
    f = forecast_markov("a", P, horizon=3, states=("a", "b"), start_year=2025)
    # P^2 row a = (0.86, 0.14); P^3 row a = (0.86*0.9 + 0.14*0.5, 0.86*0.1 + 0.14*0.5).
    last = f[f.step == 3]
    np.testing.assert_allclose(last["prob"], [0.844, 0.156])
    np.testing.assert_allclose(last["prob"], np.linalg.matrix_power(P, 3)[0])
    assert last["report_year"].tolist() == [2028, 2028]


def test_forecast_markov_accepts_the_long_table():
    m = transition_matrix(THREE)
    f = forecast_markov("1", m, horizon=1)
    assert f["prob"].tolist() == [0.5, 0.5, 0.0, 0.0]


def _stay_matrix(wl_row, t3_row=(0, 0, 0, 1)):
    return np.array([[1, 0, 0, 0], [0, 1, 0, 0], wl_row, t3_row], dtype=float)


def test_watchlist_chain_forces_tier3_after_the_waiver_year():
    # A Watch List country that would always stay: 2024 second year, 2025 third (the waiver),
    # 2026 must be Tier 3 (since 2019 only one waiver year).
    h = pd.DataFrame({"iso3": ["X", "X"], "report_year": [2022, 2023],
                      "tier": pd.Categorical(["2", "2WL"], dtype=TIER_DTYPE)})
    f = forecast_watchlist_chain(h, _stay_matrix((0, 0, 1, 0)), horizon=3)
    wide = f.pivot_table(index="report_year", columns="tier", values="prob", observed=False)
    np.testing.assert_allclose(wide.to_numpy(), [[0, 0, 1, 0], [0, 0, 1, 0], [0, 0, 0, 1]])


def test_watchlist_chain_keeps_other_moves():
    # From the last waiver year: stay (0.5) becomes Tier 3; up to Tier 2 (0.3) and Tier 3
    # (0.2) keep their probabilities: Tier 2 0.3, Tier 3 0.7.
    h = pd.DataFrame({"iso3": ["X"] * 3, "report_year": [2022, 2023, 2024],
                      "tier": pd.Categorical(["2WL"] * 3, dtype=TIER_DTYPE),
                      "waiver": [False, False, True]})
    f = forecast_watchlist_chain(h, _stay_matrix((0, 0.3, 0.5, 0.2)), horizon=1)
    np.testing.assert_allclose(f["prob"], [0, 0.3, 0, 0.7])


def test_watchlist_chain_applies_subparagraph_f():
    # Watch List 2016-2018 with a waiver, Tier 3 in 2019; a chain that always moves to and
    # stays on the Watch List: 2020 Watch List ((F) run), 2021 forced to Tier 3, 2022 Watch
    # List again (a new run, not under (F)), 2023 second year.
    h = pd.DataFrame({"iso3": ["X"] * 4, "report_year": [2016, 2017, 2018, 2019],
                      "tier": pd.Categorical(["2WL", "2WL", "2WL", "3"], dtype=TIER_DTYPE),
                      "waiver": [False, False, True, False]})
    P = _stay_matrix((0, 0, 1, 0), t3_row=(0, 0, 1, 0))
    f = forecast_watchlist_chain(h, P, horizon=4)
    top = f.loc[f.groupby("report_year")["prob"].idxmax(), "tier"].astype(str).tolist()
    assert top == ["2WL", "3", "2WL", "2WL"]
    assert f.groupby("step")["prob"].sum().tolist() == [1.0] * 4


@pytest.mark.parametrize("chain", ["duration", "markov"])
def test_forecast_summary_hand_worked(chain):
    # From Tier 2: A 2->2, 2->1; B 2->2, 2->2 => P(2->1) = 1/4, P(2->2) = 3/4; nobody leaves
    # Tier 1 (absorbing, noted). Starting on Tier 2 in 2025 (no Watch List move: both chains
    # agree):
    p = _panel([("A", 2023, "2"), ("A", 2024, "2"), ("A", 2025, "1"),
                ("B", 2023, "2"), ("B", 2024, "2"), ("B", 2025, "2")])
    s = forecast_summary(p[p.iso3 == "B"], p, horizon=3, n_boot=200,
                         chain=chain).set_index("measure")
    assert s.loc["p_tier2_or_better_every_report", "estimate"] == pytest.approx(1.0)
    assert s.loc["p_reach_tier1", "estimate"] == pytest.approx(1 - 0.75 ** 3)
    assert s.loc["p_tier1_final", "estimate"] == pytest.approx(1 - 0.75 ** 3)
    assert (s["first_year"].iloc[0], s["last_year"].iloc[0]) == (2026, 2028)
    assert "absorbing" in s["note"].iloc[0]
    assert s.attrs["assumptions"] == (FORECAST_ASSUMPTIONS if chain == "markov"
                                      else DURATION_ASSUMPTIONS)


def test_kuwait_forecast_on_the_shipped_panel():
    panel = shipped_panel()
    kwt = panel[panel.iso3 == "KWT"]
    s = forecast_summary(kwt, panel, n_boot=300, seed=1).set_index("measure")
    assert (s["first_year"].iloc[0], s["last_year"].iloc[0]) == (2026, 2028)
    finals = s.loc[[f"p_tier{t}_final" for t in TIER_ORDER], "estimate"]
    assert finals.sum() == pytest.approx(1.0)
    assert ((s["ci_low"] <= s["estimate"] + 1e-12) & (s["estimate"] <= s["ci_high"] + 1e-12)).all()
    # Staying on Tier 1 or 2 in all three reports never touches the Watch List rule, so it is
    # the Tier 2 start vector times the {1, 2} block of P, cubed, summed; P is estimated on the
    # default window chosen by the backtest (2009-2025).
    assert s.attrs["window"] == (2009, 2025)
    P = transition_matrix(panel, years=range(2009, 2026)).pivot_table(
        index="from_tier", columns="to_tier", values="prob", observed=False).to_numpy()
    block = np.linalg.matrix_power(P[:2, :2], 3)
    assert s.loc["p_tier2_or_better_every_report", "estimate"] == pytest.approx(
        block[1].sum())
    assert "first-order" in FORECAST_ASSUMPTIONS and "time-homogeneous" in FORECAST_ASSUMPTIONS
