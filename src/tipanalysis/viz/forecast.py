"""Plots of tier forecasts (draw only: the estimates come from :mod:`tipanalysis.tiers`)."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pandas as pd

from tipanalysis.core.i18n import t
from tipanalysis.viz.figures import new_axes, styled

if TYPE_CHECKING:  # pragma: no cover
    from matplotlib.axes import Axes

__all__ = ["plot_outlook"]


@styled
def plot_outlook(by_year: list[pd.DataFrame], year: int, lang: str = "en", *,
                 ax: Axes | None = None) -> Axes:
    """Point and 95% interval of "Tier 2 or better in every report" for each horizon.

    Parameters
    ----------
    by_year : list of DataFrame
        ``tiers.forecast_summary`` of horizons 1, 2, ... (indexed by measure, with
        ``estimate``, ``ci_low``, ``ci_high``).
    year : int
        The last report year; horizon ``i`` is drawn at ``year + i``.
    """
    ax = new_axes(ax, (6.0, 2.4))
    rows = [s.loc["p_tier2_or_better_every_report"] for s in by_year]
    years = [year + i + 1 for i in range(len(rows))]
    est = [100 * float(r["estimate"]) for r in rows]
    low = [e - 100 * float(r["ci_low"]) for e, r in zip(est, rows, strict=True)]
    high = [100 * float(r["ci_high"]) - e for e, r in zip(est, rows, strict=True)]
    ax.errorbar(years, est, yerr=[low, high], fmt="o", color="#0072B2", capsize=4)
    for x, e in zip(years, est, strict=True):
        ax.annotate(f"{e:.0f}%", (x, e), textcoords="offset points", xytext=(8, 0),
                    fontsize=8, va="center")
    ax.set_xticks(years, [str(y) for y in years])
    ax.set_ylim(0, 100)
    ax.set_xlim(years[0] - 0.5, years[-1] + 0.7)
    ax.set_ylabel("%")
    ax.set_xlabel(t("axis.report_year", lang))
    ax.set_title(t("outlook.axis", lang), fontsize=10)
    return ax


def __dir__() -> list[str]:
    return list(__all__)
