"""Tests of tier scores, per country-year indicators, peer comparison and the ordered logit.

Small panels here are synthetic (made up for the test, named A, B, P1 ... or XXA) unless they
come from ``shipped_panel()``, which reads the real tier data.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from tipanalysis.tiers import (
    TIER_DTYPE,
    TIER_ORDER,
    UnknownTierError,
    indicators,
    ordered_logit,
    peer_comparison,
    predicted_probabilities,
    tier_rank,
    tier_score,
)


def shipped_panel() -> pd.DataFrame:
    """The real tier panel, as the package loads it from the repository's data/ (verified)."""
    from tipanalysis.data import load_tiers

    return load_tiers()


def _panel(rows: list[tuple[str, int, str | None]]) -> pd.DataFrame:
    iso, year, tier = zip(*rows, strict=True)
    return pd.DataFrame({"iso3": pd.Series(iso, dtype="str"), "report_year": list(year),
                         "tier": pd.Categorical(list(tier), dtype=TIER_DTYPE)})


# --- scores -----------------------------------------------------------------------------------


def test_scores_of_each_tier():
    assert [tier_rank(t) for t in TIER_ORDER] == [1.0, 2.0, 3.0, 4.0]
    assert [tier_score(t) for t in TIER_ORDER] == [1.0, 2.0, 2.5, 3.0]


def test_special_cases_and_missing_stay_nan():
    assert np.isnan(tier_score("special"))
    assert np.isnan(tier_rank(None))
    s = tier_score(pd.Series(["1", None, "special", "2WL"], index=[5, 6, 7, 8]))
    assert s.index.tolist() == [5, 6, 7, 8]
    assert s.iloc[[0, 3]].tolist() == [1.0, 2.5]
    assert s.iloc[[1, 2]].isna().all()


def test_scores_of_categorical_and_spellings():
    cat = pd.Series(pd.Categorical(["3", None, "2"], dtype=TIER_DTYPE))
    assert tier_rank(cat).tolist()[::2] == [4.0, 2.0]
    assert tier_score("Tier 2 Watch List") == 2.5


def test_unknown_label_in_a_series_is_an_error():
    with pytest.raises(UnknownTierError, match=r"2\.7"):
        tier_score(pd.Series(["1", "2.7"]))


# --- indicators -------------------------------------------------------------------------------


def test_indicators_hand_worked():
    p = _panel([
        ("A", 2010, "1"), ("A", 2011, "2"), ("A", 2012, "2"), ("A", 2013, "2WL"),
        ("A", 2014, "2WL"), ("A", 2016, "2WL"), ("A", 2017, None), ("A", 2018, "3"),
        ("B", 2011, "2WL"), ("B", 2010, "3"),  # unsorted on purpose
    ])
    out = indicators(p)
    a = out[out.iso3 == "A"]
    np.testing.assert_array_equal(a["rank"], [1, 2, 2, 3, 3, 3, np.nan, 4])
    np.testing.assert_array_equal(a["score"], [1, 2, 2, 2.5, 2.5, 2.5, np.nan, 3])
    assert a["prev_tier"].astype(object).fillna("-").tolist() == [
        "-", "1", "2", "2", "2WL", "-", "2WL", "-"]
    assert a["change"].tolist() == ["entered", "downgrade", "same", "downgrade", "same",
                                    "entered", "special", "entered"]
    assert a["years_on_tier"].tolist() == [1, 1, 2, 1, 2, 1, 1, 1]
    assert a["wl_run"].tolist() == [0, 0, 0, 1, 2, 1, 0, 0]
    b = out[out.iso3 == "B"]
    assert b["report_year"].tolist() == [2010, 2011]
    assert b["change"].tolist() == ["entered", "upgrade"]
    assert out["change"].dtype == "str"


def test_indicators_rejects_duplicate_country_years():
    p = _panel([("A", 2010, "1"), ("A", 2010, "2")])
    with pytest.raises(ValueError, match="more than one row"):
        indicators(p)


def test_indicators_on_shipped_kuwait():
    out = indicators(shipped_panel())
    kwt = out[(out.iso3 == "KWT") & out.report_year.between(2015, 2025)].set_index("report_year")
    # Kuwait: Tier 3 in 2015, Watch List 2016-2018, Tier 2 2019-2021, Watch List 2022-2024,
    # Tier 2 in 2025 (README of the shared tier data and the country narratives).
    assert kwt.loc[2016, "change"] == "upgrade"
    assert kwt.loc[2018, "wl_run"] == 3
    assert kwt.loc[2019, "change"] == "upgrade"
    assert kwt.loc[2022, "change"] == "downgrade"
    assert kwt.loc[2024, "wl_run"] == 3
    assert kwt.loc[2025, "tier"] == "2"
    assert kwt.loc[2025, "years_on_tier"] == 1
    assert kwt.loc[2021, "years_on_tier"] == 3


# --- peer comparison --------------------------------------------------------------------------


def _peer_panel() -> pd.DataFrame:
    return _panel([
        ("KWT", 2020, "2"), ("P1", 2020, "1"), ("P2", 2020, "2"), ("P3", 2020, "2WL"),
        ("P4", 2020, "3"),
        ("KWT", 2021, "2WL"), ("P1", 2021, "1"), ("P2", 2021, "2"), ("P3", 2021, None),
    ])


def test_peer_comparison_hand_worked():
    out = peer_comparison(_peer_panel(), "KWT", ["P1", "P2", "P3", "P4"])
    y20, y21 = out.iloc[0], out.iloc[1]
    assert out["n"].tolist() == [5, 3]
    assert [y20[f"n_{t}"] for t in TIER_ORDER] == [1, 2, 1, 1]
    assert y20["share_2"] == pytest.approx(0.4)
    # 2020: peers score 1, 2, 2.5, 3 against Kuwait's 2: one better, one tied, two worse.
    assert (y20["rank_in_group"], y20["n_tied"]) == (2, 1)
    assert y20["percentile"] == pytest.approx(100 * (2 + 0.5) / 4)
    assert y20["peer_mean_score"] == pytest.approx((1 + 2 + 2.5 + 3) / 4)
    # 2021: P3 is a Special Case and P4 has no row: peers 1 and 2 against Kuwait's 2.5.
    assert (y21["rank_in_group"], y21["n_tied"], y21["percentile"]) == (3, 0, 0)
    assert y21["peer_mean_score"] == pytest.approx(1.5)
    assert y21["n_peers"] == 2
    assert out["partial"].isna().all()


def test_peer_comparison_balanced_and_coverage():
    coverage = pd.DataFrame({"report_year": [2020, 2021],
                             "completeness": ["complete", "partial"]})
    out = peer_comparison(_peer_panel(), "KWT", ["P1", "P2", "P3", "P4"], balanced=True,
                          coverage=coverage)
    # P3 (Special Case in 2021) and P4 (absent in 2021) are not in every year: dropped.
    assert out["n"].tolist() == [3, 3]
    assert out.loc[0, "percentile"] == pytest.approx(25.0)
    assert out.loc[0, "peer_mean_score"] == pytest.approx(1.5)
    assert out["partial"].tolist() == [False, True]
    assert "partial" in out.loc[1, "note"]


def test_peer_comparison_counts_inferred_placements():
    # SYNTHETIC basis on the hand-made panel: P1 2020 and KWT 2021 inferred, P3 2021 (a Special
    # Case, not ranked) inferred too but not counted among the ranked placements.
    panel = _peer_panel().assign(basis=["sourced", "inferred", "sourced", "sourced", "sourced",
                                        "inferred", "sourced", "sourced", "inferred"])
    out = peer_comparison(panel, "KWT", ["P1", "P2", "P3", "P4"])
    assert out["n_inferred"].tolist() == [1, 1]
    assert out["basis"].tolist() == ["sourced", "inferred"]
    # without a basis column the count is unknown, not zero
    plain = peer_comparison(_peer_panel(), "KWT", ["P1", "P2", "P3", "P4"])
    assert plain["n_inferred"].isna().all() and plain["basis"].isna().all()


def test_peer_comparison_inferred_counts_on_shipped_panel():
    # 2025: 79 placements inferred by elimination (all Tier 2), none of them in the GCC; 2024:
    # the UAE and Qatar (complement) and Saudi Arabia (from the 2025 narrative) are inferred.
    panel = shipped_panel()
    gcc = ["BHR", "KWT", "OMN", "QAT", "SAU", "ARE"]
    world = peer_comparison(panel, "KWT", panel["iso3"].unique().tolist(), years=[2025])
    assert (world["n"].iloc[0], world["n_inferred"].iloc[0]) == (184, 79)
    out = peer_comparison(panel, "KWT", gcc, years=[2024, 2025])
    assert out["n_inferred"].tolist() == [3, 0]
    assert out["basis"].tolist() == ["sourced", "sourced"]


def test_peer_comparison_gcc_on_shipped_panel():
    gcc = ["BHR", "KWT", "OMN", "QAT", "SAU", "ARE"]
    out = peer_comparison(shipped_panel(), "KWT", gcc, years=[2025]).iloc[0]
    # 2025: Bahrain Tier 1; Kuwait, Oman, Qatar, Saudi Arabia, UAE Tier 2 (shared GCC table).
    assert out["n"] == 6
    assert (out["n_1"], out["n_2"]) == (1, 5)
    assert (out["rank_in_group"], out["n_tied"]) == (2, 4)
    assert out["peer_mean_score"] == pytest.approx((1 + 2 * 4) / 5)


# --- ordered logit ----------------------------------------------------------------------------

TRUE_COEF = {"prev_tier[2]": 2.0, "prev_tier[2WL]": 3.5, "prev_tier[3]": 5.0, "region[R2]": 0.5,
             "period[2009-2018]": -0.3, "period[2019-]": 0.4}
TRUE_CUTS = np.array([0.0, 3.0, 5.0])


def _simulated_panel(seed: int = 42, n_countries: int = 250):
    """Synthetic panel drawn from the ordered logit with TRUE_COEF and TRUE_CUTS."""
    rng = np.random.default_rng(seed)
    prev = np.array([0.0, 2.0, 3.5, 5.0])
    regions = {f"C{i:03d}": ("R1" if i % 2 == 0 else "R2") for i in range(n_countries)}
    rows = []
    for iso in regions:
        tier = int(rng.integers(0, 4))
        rows.append((iso, 2004, tier))
        for year in range(2005, 2025):
            period = 0.0 if year <= 2008 else (-0.3 if year <= 2018 else 0.4)
            eta = prev[tier] + (0.5 if regions[iso] == "R2" else 0.0) + period
            tier = int(np.searchsorted(TRUE_CUTS, eta + rng.logistic()))
            rows.append((iso, year, tier))
    p = pd.DataFrame(rows, columns=["iso3", "report_year", "code"])
    p["tier"] = pd.Categorical.from_codes(p.pop("code"), dtype=TIER_DTYPE)
    return p, regions


@pytest.fixture(scope="module")
def simulated_fit():
    p, regions = _simulated_panel()
    return p, regions, ordered_logit(p, regions=regions)


def test_ordered_logit_recovers_known_parameters(simulated_fit):
    _, _, result = simulated_fit
    coef = result.coefficients.set_index("term")
    for term, value in TRUE_COEF.items():
        assert coef.loc[term, "estimate"] == pytest.approx(value, abs=0.35), term
        assert coef.loc[term, "ci_low"] < value < coef.loc[term, "ci_high"] or abs(
            coef.loc[term, "estimate"] - value) < 4 * coef.loc[term, "std_err"]
    cuts = coef.loc[["1|2", "2|2WL", "2WL|3"], "estimate"].to_numpy()
    np.testing.assert_allclose(cuts, TRUE_CUTS, atol=0.35)
    assert result.references == {"prev_tier": "1", "region": "R1", "period": "2001-2008"}
    assert result.n == 250 * 20


def test_predicted_probabilities_sum_to_one(simulated_fit):
    p, _, result = simulated_fit
    out = predicted_probabilities(result, p, "C001")
    assert len(out) == 20  # 2005-2024: 2004 has no previous year
    np.testing.assert_allclose(out[["p_1", "p_2", "p_2WL", "p_3"]].sum(axis=1), 1.0)
    first = out.iloc[0]
    assert first["report_year"] == 2005
    # Hand check with the logistic CDF: C001 is in region R2, 2005 is in the reference period,
    # so eta = coefficient of its previous tier + region[R2]; P(tier <= j) = F(cut_j - eta).
    coef = result.coefficients.set_index("term")["estimate"]
    eta = coef.get(f"prev_tier[{first['prev_tier']}]", 0.0) + coef["region[R2]"]
    cdf = 1 / (1 + np.exp(-(coef[["1|2", "2|2WL", "2WL|3"]].to_numpy() - eta)))
    expected = np.diff(np.r_[0.0, cdf, 1.0])
    np.testing.assert_allclose(first[["p_1", "p_2", "p_2WL", "p_3"]].astype(float), expected,
                               atol=1e-8)
    assert (out["predicted"].astype(object) == out[["p_1", "p_2", "p_2WL", "p_3"]].idxmax(
        axis=1).str[2:]).all()


def test_ordered_logit_needs_regions_for_region():
    p, _ = _simulated_panel(n_countries=4)
    with pytest.raises(ValueError, match="regions"):
        ordered_logit(p)


def test_module_stays_light():
    import subprocess
    import sys

    code = ("import sys, tipanalysis.tiers; "
            "print(sorted(m for m in ('statsmodels', 'scipy', 'matplotlib') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
