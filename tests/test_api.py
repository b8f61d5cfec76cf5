"""The notebook-facing API (issue 11, "hard to use from a notebook"): each example, one call."""

from __future__ import annotations

import inspect

import matplotlib
import pandas as pd
import pytest
from matplotlib.axes import Axes

from tipanalysis import data, impact, tiers, viz
from tipanalysis.viz import plots

matplotlib.use("Agg")


def test_tier_timeline_with_the_loaded_timeline_in_one_call():
    panel = data.load_tiers()
    ax = plots.plot_tier_timeline(panel[panel["iso3"] == "KWT"], data.load_timeline(),
                                  country="KWT")
    assert isinstance(ax, Axes)
    assert ax.get_title().startswith("Kuwait")
    assert len(ax.texts) > 0  # the policy events were placed and numbered


def test_ordered_logit_needs_no_regions_mapping():
    model = tiers.ordered_logit(data.load_tiers())
    assert any(term.startswith("region[") for term in model.coefficients["term"])


def test_one_argument_order_data_then_unit_time_outcome():
    def names(func):
        return [n for n, p in inspect.signature(func).parameters.items()
                if p.kind is p.POSITIONAL_OR_KEYWORD]

    assert names(impact.fit_its)[:4] == ["df", "time", "outcome", "intervention"]
    for func in (impact.synth, impact.did_placebo, impact.event_study,
                 impact.balanced_panel):
        assert names(func)[1:4] == ["unit", "time", "outcome"], func.__name__


@pytest.mark.parametrize("name", sorted(n for n in viz.__all__ if n.startswith("plot_")))
def test_every_plot_takes_ax_and_returns_the_axes(name):
    func = getattr(viz, name)
    params = inspect.signature(func).parameters
    assert "ax" in params and params["ax"].default is None
    assert "Axes" in str(inspect.signature(func).return_annotation) or name in (
        "plot_its", "plot_synth", "plot_placebo_gaps", "plot_event_study",  # typed Any
        "plot_findings", "plot_asks", "plot_enforcement")


def test_results_objects_fit_once(monkeypatch):
    from tipanalysis.impact import synthetic

    calls = []
    real = synthetic._placebo_gaps
    monkeypatch.setattr(synthetic, "_placebo_gaps",
                        lambda *a, **k: calls.append(1) or real(*a, **k))
    p = pd.DataFrame({"u": list("aaaabbbbccccdddd"), "t": [0, 1, 2, 3] * 4,
                      "y": [2., 3, 4, 9, 1, 2, 3, 4, 3, 4, 5, 6, 2, 3.5, 4, 5]})
    res = impact.synth(p, "u", "t", "y", "a", 3)
    res.summary(), res.placebo(), res.placebo_gaps(), res.p_value_finite()
    assert calls == [1]  # one placebo loop for every placebo-based reading
    assert isinstance(res.plot(), Axes) and isinstance(res.plot_placebos(), Axes)
    its = impact.fit_its(p[p["u"] == "a"], "t", "y", 2, slope_change=False, maxlags=0, min_pre=2)
    assert list(its.summary().index[:3]) == ["baseline_level", "pre_trend", "level_change"]
    assert isinstance(its.plot(), Axes)
