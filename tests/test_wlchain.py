"""Tests of the duration- and waiver-aware Watch List chain (``tipanalysis.tiers.wlchain``).

Panels named A..H or X are synthetic, written for these tests; hand counts are in the comments.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from test_tiers import shipped_panel
from tipanalysis import tiers
from tipanalysis.tiers import TIER_DTYPE, wlchain


def _panel(rows):
    iso, year, tier = zip(*rows, strict=True)
    return pd.DataFrame({"iso3": pd.Series(iso, dtype="str"), "report_year": list(year),
                         "tier": pd.Categorical(list(tier), dtype=TIER_DTYPE)})


def _run(iso, start, tiers_):
    return [(iso, start + i, t) for i, t in enumerate(tiers_)]


# Binding point (third Watch List year from 2019: no waiver left) reached by four countries:
# A, B, C go to Tier 2 the next year, D to Tier 3  -> hand count 3/4 Tier 2, 1/4 Tier 3.
# E and F are in their second year (waiver available): E stays (third year), F goes to Tier 2.
# G and H are first-year Watch List: G stays, H to Tier 3.
BINDING = _panel(
    _run("A", 2020, ["2WL", "2WL", "2WL", "2"])
    + _run("B", 2020, ["2WL", "2WL", "2WL", "2"])
    + _run("C", 2021, ["2WL", "2WL", "2WL", "2"])
    + _run("D", 2021, ["2WL", "2WL", "2WL", "3"])
    + _run("G", 2020, ["2", "2WL", "2WL"])
    + _run("H", 2020, ["2", "2WL", "3"])
)


def test_state_table_classifies_by_duration_and_waivers():
    s = wlchain.state_table(BINDING).set_index(["iso3", "report_year"])
    assert s.loc[("A", 2020), "key"] == "2WL:free:k1"
    assert s.loc[("A", 2021), "key"] == "2WL:waiver:k2"
    assert s.loc[("A", 2022), "key"] == "2WL:binding:k3"
    assert str(s.loc[("A", 2022), "next_tier"]) == "2"
    assert pd.isna(s.loc[("A", 2023), "next_tier"])  # no 2024 row


def test_binding_point_probabilities_are_the_hand_count():
    rows = wlchain.state_rows(BINDING, shrinkage=0).set_index("key")
    b = rows.loc["2WL:binding:k3"]
    assert (b["n"], b["count_2"], b["count_3"], b["count_2WL"]) == (4, 3, 1, 0)
    assert (b["prob_1"], b["prob_2"], b["prob_2WL"], b["prob_3"]) == (0, 0.75, 0, 0.25)
    # Waiver state (k = 2): A, B, C, D stay (G's second year, 2022, has no next row).
    w = rows.loc["2WL:waiver:k2"]
    assert (w["n"], w["prob_2WL"]) == (4, 1.0)
    # First-year state: A, B, C, D, G stay; H goes to Tier 3: 5/6 and 1/6.
    f = rows.loc["2WL:free:k1"]
    assert f["n"] == 6 and f["prob_2WL"] == pytest.approx(5 / 6)
    assert f["prob_3"] == pytest.approx(1 / 6)


def test_binding_point_forecast_moves_no_mass_by_assumption():
    # The plain chain would send the whole stay probability to Tier 3; this one uses the
    # hand count of what countries in that state did.
    h = BINDING[BINDING.iso3 == "A"].iloc[:3]
    f = wlchain.forecast_duration_chain(h, BINDING, horizon=1, shrinkage=0)
    assert f["prob"].tolist() == [0, 0.75, 0, 0.25]
    # Duration-free Watch List row: 9 stays, 3 to Tier 2, 2 to Tier 3 (14 moves); the plain
    # chain gives Tier 3 (2 + 9) / 14 at the binding point.
    P = np.array([[1, 0, 0, 0], [0, 0, 1, 0], [0, 3 / 14, 9 / 14, 2 / 14], [0, 0, 0, 1]])
    old = tiers.forecast_watchlist_chain(h, P, horizon=1)
    np.testing.assert_allclose(old["prob"], [0, 3 / 14, 0, 11 / 14])


def test_shrinkage_is_the_stated_pseudo_count():
    lam = 2.0
    rows = wlchain.state_rows(BINDING, shrinkage=lam).set_index("key")
    # Binding class parent: all counted Watch List moves (A..D: 3 each; G: 1; H: 1 -> 14 moves)
    # conditional on leaving: A,B,C -> 2, D -> 3, H -> 3: Tier 2 3/5, Tier 3 2/5.
    parent = np.array([0, 3 / 5, 0, 2 / 5])
    # Class binding = only k3: counts (0, 3, 0, 1), n 4.
    cls = (np.array([0, 3, 0, 1]) + lam * parent) / (4 + lam)
    state = (np.array([0, 3, 0, 1]) + lam * cls) / (4 + lam)
    got = rows.loc["2WL:binding:k3", ["prob_1", "prob_2", "prob_2WL", "prob_3"]].to_numpy(float)
    np.testing.assert_allclose(got, state)
    # A state never observed takes its class row (the (F) binding state here).
    got_f = rows.loc["2WL:binding:k1:F", ["prob_1", "prob_2", "prob_2WL", "prob_3"]]
    np.testing.assert_allclose(got_f.to_numpy(float), cls)
    probs = rows[["prob_1", "prob_2", "prob_2WL", "prob_3"]].to_numpy(float)
    np.testing.assert_allclose(probs.sum(axis=1), 1.0)


def test_duration_chain_steps_through_waiver_to_binding():
    # From a first Watch List year, two steps: free -> waiver (stay 1.0 in BINDING) -> binding.
    h = BINDING[BINDING.iso3 == "G"].iloc[:2]  # 2020 Tier 2, 2021 first Watch List year
    f = wlchain.forecast_duration_chain(h, BINDING, horizon=3, shrinkage=0)
    wide = f.pivot_table(index="step", columns="tier", values="prob", observed=False)
    # step 1 from free k1: 5/6 stay, 1/6 Tier 3 (Tier 3 row: nobody left it -> absorbing)
    np.testing.assert_allclose(wide.loc[1].to_numpy(), [0, 0, 5 / 6, 1 / 6])
    # step 2 from waiver k2: all stay; step 3 from binding k3: 3/4 Tier 2, 1/4 Tier 3
    np.testing.assert_allclose(wide.loc[2].to_numpy(), [0, 0, 5 / 6, 1 / 6])
    np.testing.assert_allclose(wide.loc[3].to_numpy(), [0, 5 / 6 * 0.75, 0,
                                                        1 / 6 + 5 / 6 * 0.25])


def test_shipped_binding_point_matches_the_count_of_99():
    rows = wlchain.state_rows(shipped_panel(), shrinkage=0).set_index("key")
    binding = rows[rows["wl_class"] == "binding"]
    assert binding["n"].sum() == 99
    assert binding["count_2"].sum() == 66 and binding["count_3"].sum() == 33
    assert binding["count_2WL"].sum() == 0


def test_kuwait_binding_years_on_the_shipped_panel():
    panel = shipped_panel()
    kwt = panel[panel.iso3 == "KWT"]
    for year in (2018, 2024):
        fit = panel[panel.report_year <= year]
        new = wlchain.forecast_duration_chain(kwt[kwt.report_year <= year], fit, horizon=1)
        old = tiers.forecast_watchlist_chain(kwt[kwt.report_year <= year],
                                             tiers.transition_matrix(fit), horizon=1)
        assert new["prob"].iloc[2] == 0  # a fourth year is impossible
        assert old["prob"].iloc[3] > 0.6  # the plain chain: ~63% Tier 3
        assert new["prob"].iloc[1] > new["prob"].iloc[3]  # Tier 2 (what happened) is likelier


def test_summary_bootstrap_brackets_the_point_and_sums_to_one():
    panel = shipped_panel()
    kwt = panel[panel.iso3 == "KWT"]
    s = wlchain.forecast_summary(kwt, panel, n_boot=100, seed=1).set_index("measure")
    finals = s.loc[[f"p_tier{t}_final" for t in tiers.TIER_ORDER], "estimate"]
    assert finals.sum() == pytest.approx(1.0)
    assert ((s["ci_low"] <= s["estimate"] + 1e-12)
            & (s["estimate"] <= s["ci_high"] + 1e-12)).all()
    assert s.attrs["assumptions"] == wlchain.DURATION_ASSUMPTIONS
    assert s.attrs["window"] == (2001, 2025)
