"""Plots of impact results (draw only: every estimate comes from :mod:`tipanalysis.impact`).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import pandas as pd

from tipanalysis.core import i18n
from tipanalysis.viz.figures import new_axes, styled

__all__ = [
    "plot_event_study",
    "plot_its",
    "plot_placebo_gaps",
    "plot_synth",
]

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


@styled
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
        Where to draw (a new Figure if omitted; no pyplot).
    title : str, optional
        Title as given; ``None`` gives the default title in ``lang``.
    lang : {"en", "ar"}
        Language of the legend, axis label and default title (``tipanalysis.core.i18n``).

    Examples
    --------
    >>> from tipanalysis.impact import its_counterfactual
    >>> d = pd.DataFrame({"t": range(10), "y": [1., 2, 3, 4, 5, 9, 10, 11, 12, 13]})
    >>> ax = plot_its(its_counterfactual(d, "y", "t", 5, maxlags=0), "t", lang="ar")
    >>> ax.get_title()
    'السلسلة الزمنية المتقطعة'
    """
    ax = new_axes(ax, (7, 4))
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


@styled
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
    ax = new_axes(ax, (7, 4))
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


@styled
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
    ax = new_axes(ax, (7, 4))
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


@styled
def plot_event_study(es: pd.DataFrame, ax: Any = None, title: str | None = None,
                     *, lang: str = "en") -> Any:
    """Event-study coefficients from :func:`event_study` against time relative to the reform.

    Points whose placebo p-value is at most 0.1 are filled; the others are hollow. Other
    parameters are those of :func:`plot_its`.

    Examples
    --------
    >>> import numpy as np
    >>> es = pd.DataFrame({"rel_time": [-2., -1, 0, 1], "estimate": [0.2, 0, 3, 4],
    ...                    "p_value": [0.8, np.nan, 0.1, 0.1]})
    >>> ax = plot_event_study(es, title="")
    >>> ax.get_xlabel(), ax.get_title()
    ('periods relative to the intervention', '')
    """
    ax = new_axes(ax, (7, 4))
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


def __dir__() -> list[str]:
    # Tab completion shows the public API only, not pd, np or helpers.
    return list(__all__)
