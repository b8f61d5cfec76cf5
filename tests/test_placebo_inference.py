"""Tie-aware rank p-values, minimum attainable p and exact pre-period fits (issue 14).

Panels are synthetic, written for these tests; the expected values are worked by hand in the
comments.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from tipanalysis import impact
from tipanalysis.impact import inference


def test_rank_p_value_conservative_and_midrank():
    # treated 2; one larger (3), two ties (2, 2), one smaller: conservative rank 4 of 5,
    # mid-rank (2 + 3 + 4) / 3 = 3.
    r = inference.rank_p_value([2.0, 3.0, 2.0, 2.0, 1.0])
    assert (r["rank"], r["p_value"], r["rank_midrank"], r["p_value_midrank"]) == (4, 0.8, 3, 0.6)
    assert (r["n_ties"], r["min_p"], r["n"]) == (2, 0.2, 5)
    # an infinite treated value ties only with infinities
    r = inference.rank_p_value([np.inf, np.inf, 5.0, 0.0])
    assert (r["rank"], r["n_ties"]) == (2, 1)


def test_did_placebo_reports_ties_and_minimum_p():
    # a: effect 3 - 2/2 = 2; b (placebo vs c): 2; c (vs b): 0 - 2 = -2 ... |effects| 2, 2, 2:
    # rank 3 conservative (p 1), mid-rank 2 (p 2/3), 2 ties; minimum p 1/3.
    p = pd.DataFrame({"u": list("aaaabbbbcccc"), "t": [0, 1, 2, 3] * 3,
                      "y": [0., 0, 3, 3, 0, 0, 2, 2, 0, 0, 0, 0]})
    out = impact.did_placebo(p, "u", "t", "y", "a", 2).iloc[0]
    assert out["estimate"] == pytest.approx(2.0)
    assert out["p_value"] == pytest.approx(1.0)
    assert out["p_value_midrank"] == pytest.approx(2 / 3)
    assert out["n_ties"] == 2 and out["min_p"] == pytest.approx(1 / 3)
    assert "2 tie(s)" in out["note"]


def _exact_fit_panel():
    # A and C identical in every period: each placebo fits the other exactly, pre and post
    # (ratio 0/0). D and E identical before, different after: each fits the other exactly
    # before, not after (ratio x/0 = infinite). B and the treated unit T are generic.
    pre_ac, pre_de = [1.0, 2, 1, 3], [3.0, 1, 4, 2]
    rows = {
        "T": [2.0, 2.5, 1.5, 2.2, 4, 4],
        "A": [*pre_ac, 2, 2], "C": [*pre_ac, 2, 2],
        "D": [*pre_de, 5, 5], "E": [*pre_de, 1, 1],
        "B": [2.0, 3, 2, 1, 1, 1],
    }
    return pd.DataFrame([(u, t, y) for u, ys in rows.items() for t, y in enumerate(ys)],
                        columns=["u", "t", "y"])


def test_synth_reports_exact_pre_fits_and_undefined_ratios():
    panel = _exact_fit_panel()
    with np.errstate(divide="ignore", invalid="ignore"):
        s = impact.synth_summary(panel, "u", "t", "y", "T", 4).iloc[0]
        placebo = impact.synth_placebo(panel, "u", "t", "y", "T", 4).set_index("unit")
    assert (s["n_exact_pre"], s["n_ratio_zero"], s["n_ratio_inf"]) == (4, 2, 2)
    assert placebo.loc[["A", "C"], "ratio_status"].tolist() == ["0/0", "0/0"]
    assert placebo.loc[["D", "E"], "ratio_status"].tolist() == ["x/0", "x/0"]
    assert placebo.loc["T", "ratio_status"] == "finite"
    assert s["min_p"] == pytest.approx(1 / 6)
    # Ranks: D, E infinite above T; A, C (0) below. T against B decides rank 3 or 4.
    t_above_b = placebo.loc["T", "ratio"] >= placebo.loc["B", "ratio"]
    assert s["rank"] == (3 if t_above_b else 4)
    assert s["p_value"] == pytest.approx(s["rank"] / 6)
    # Leaving every exact pre-period fit out: T and B only.
    assert s["p_value_defined_only"] == pytest.approx(0.5 if t_above_b else 1.0)
    assert "4 unit(s) fit the pre-period exactly" in s["note"]


def test_event_study_says_when_no_p_value_can_reach_alpha():
    p = pd.DataFrame({"u": list("aaaabbbbcccc"), "t": [0, 1, 2, 3] * 3,
                      "y": [1., 1, 5, 6, 1, 1, 1, 1, 2, 2, 2, 2]})
    es = impact.event_study(p, "u", "t", "y", "a", 2)
    assert es["min_p"].iloc[0] == pytest.approx(1 / 3)
    post = es[es["post"]]
    text = inference.count_below(post["p_value"], n_units=int(es["n_donors"].iloc[0]) + 1)
    assert text.startswith("none of the 2 p-values can be at most 0.1")
    assert "1/3" in text
    assert inference.count_below([0.05, 0.2], n_units=20).startswith("1 of 2")


def test_synth_result_reports_the_same_inference_columns():
    panel = _exact_fit_panel()
    with np.errstate(divide="ignore", invalid="ignore"):
        res = impact.synth(panel, "u", "t", "y", "T", 4)
        summary, placebo = res.summary(), res.placebo()
        wrapped = impact.synth_summary(panel, "u", "t", "y", "T", 4)
    for col in ("p_value_midrank", "p_value_defined_only", "n_ties", "n_exact_pre",
                "n_ratio_zero", "n_ratio_inf", "min_p"):
        assert col in summary.columns
    pd.testing.assert_frame_equal(summary, wrapped)
    assert set(placebo["ratio_status"]) == {"finite", "0/0", "x/0"}
