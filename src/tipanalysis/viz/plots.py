"""Figures in English or Arabic. Plots draw what they are given; they never compute estimates.

Colours: the Okabe–Ito palette, readable by colour-blind readers; tiers are ordinal, so they run
from blue (Tier 1) to vermillion (Tier 3).

One convention for every plot in :mod:`tipanalysis.viz`: ``plot_*(data, ..., ax=None, lang=...)``
draws on ``ax`` and returns it; without ``ax`` it makes a new
:class:`matplotlib.figure.Figure` (``ax.figure``). No pyplot state and no global ``rcParams``:
the settings in :data:`RC` apply while a plot draws and while :func:`figure_bytes` saves.

Arabic: matplotlib >= 3.11 shapes and orders Arabic itself; text is passed as is.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pandas as pd

from tipanalysis.core import reportyear
from tipanalysis.core.i18n import t, tier_label
from tipanalysis.core.tierscale import TIER_ORDER
from tipanalysis.impact.reforms import event_lines, policy_events
from tipanalysis.viz.figures import RC, new_axes, styled

if TYPE_CHECKING:  # pragma: no cover
    from matplotlib.axes import Axes

__all__ = [
    "COMPLETENESS_COLORS",
    "INFERRED_HATCH",
    "INFERRED_HATCH_COLOR",
    "RC",
    "STATUS_COLORS",
    "TIER_COLORS",
    "event_positions",
    "plot_completeness",
    "plot_coverage",
    "plot_heatmap",
    "plot_strand_status",
    "plot_tier_shares",
    "plot_tier_timeline",
]

#: Hatch of a placement inferred rather than stated by a source (panel column ``basis``), on
#: heatmap cells and map polygons; dark so that it shows on every tier colour at A4.
INFERRED_HATCH = "xxx"
INFERRED_HATCH_COLOR = "#1a1a1a"

TIER_COLORS: dict[str, str] = {
    "1": "#0072B2",
    "2": "#56B4E9",
    "2WL": "#E69F00",
    "3": "#D55E00",
    "special": "#999999",
}


def _inferred_mask(frame: pd.DataFrame) -> pd.Series:
    """True where a row's ``basis`` (as loaded from data) is ``inferred``; all False without one.

    Examples
    --------
    >>> _inferred_mask(pd.DataFrame({"basis": ["sourced", "inferred", None]})).tolist()
    [False, True, False]
    """
    if "basis" not in frame.columns:
        return pd.Series(False, index=frame.index)
    return frame["basis"].astype("object").eq("inferred").fillna(False).astype(bool)
@styled
def plot_coverage(coverage: pd.DataFrame, lang: str = "en", *, ax: Axes | None = None
                  ) -> Axes:
    """Stacked bars of countries per tier and report year; years not complete are hatched.

    Parameters
    ----------
    coverage : DataFrame
        The coverage table (``tipanalysis.data.load_coverage()``): ``report_year``, ``n_tier1``,
        ``n_tier2``, ``n_tier2wl``, ``n_tier3``, ``n_special``, ``completeness``.
    lang : {"en", "ar"}

    Examples
    --------
    >>> fig = plot_coverage(tipanalysis.data.load_coverage(), "en")  # doctest: +SKIP
    """
    ax = new_axes(ax, (9, 4))
    cov = coverage.sort_values("report_year")
    years = cov["report_year"].astype(int).to_numpy()
    bottom = pd.Series(0.0, index=cov.index)
    columns = {"1": "n_tier1", "2": "n_tier2", "2WL": "n_tier2wl", "3": "n_tier3",
               "special": "n_special"}
    incomplete = cov["completeness"].isin(["partial", "unverified"]).to_numpy()
    # Every country counted, but some placements inferred: not 'complete', hatched apart.
    inferred = cov["completeness"].eq("inferred").to_numpy()
    for tier, column in columns.items():
        values = cov[column].fillna(0).astype(float)
        bars = ax.bar(years, values, bottom=bottom, color=TIER_COLORS[tier],
                      label=tier_label(tier, lang), width=0.8)
        for bar, hatch, guessed in zip(bars, incomplete, inferred, strict=True):
            if hatch or guessed:
                bar.set_hatch("//" if hatch else "xx")
                bar.set_edgecolor("white")
        bottom = bottom + values
    for x, total, status in zip(years, bottom, cov["completeness"], strict=True):
        ax.annotate(f"{int(total)}", (x, total), ha="center", va="bottom", fontsize=7)
        if status in ("partial", "unverified"):
            ax.annotate("*", (x, total + 8), ha="center", va="bottom", fontsize=9)
    ax.set_xlabel(t("axis.report_year", lang))
    ax.set_ylabel(t("axis.countries", lang))
    ax.set_title(t("title.coverage", lang))
    handles, _ = ax.get_legend_handles_labels()
    if inferred.any():
        from matplotlib.patches import Patch

        handles.append(Patch(facecolor="#999999", edgecolor="white", hatch="xx",
                             label=t("coverage.inferred", lang)))
    ax.legend(handles=handles, ncols=3, fontsize=8, loc="upper left",
              title=f"* / // : {t('legend.partial', lang)}", title_fontsize=8)
    return ax


#: Width of one event-label character as a share of the x-axis span (7 pt on an axes of about
#: five inches, with a margin), and the height of one row of event labels (tier units).
EVENT_CHAR_SHARE = 0.013
EVENT_ROW = 0.33


@styled
def plot_tier_timeline(
    history: pd.DataFrame,
    events: pd.DataFrame | None = None,
    *,
    country: str,
    lang: str = "en",
    ax: Axes | None = None,
) -> Axes:
    """Step chart of one country's tier by report year, with Watch List years, waivers and events.

    Parameters
    ----------
    history : DataFrame
        Rows of the tier panel: ``report_year``, ``tier`` (``1``/``2``/``2WL``/``3`` or
        missing), ``status`` and ``waiver``. With an ``iso3`` column, only ``country``'s rows
        are drawn (so the whole panel can be passed). With ``basis``, placements that are
        ``inferred`` are drawn as hollow dots ringed in their tier's colour.
    events : DataFrame, optional
        Either the timeline as loaded (``data.load_timeline()``: its law, institution and
        strategy events are placed and numbered, one line per reporting period) or lines
        already placed, with ``x`` (position on the report-year axis) and ``label``.
    country : str
        ISO3 code (the title gets its name in ``lang``); any other text is used as the name.
    ax : matplotlib Axes, optional
        Where to draw; a new Figure if omitted.

    Examples
    --------
    >>> from tipanalysis import data
    >>> ax = plot_tier_timeline(data.load_tiers(), data.load_timeline(), country="KWT")
    >>> ax.get_title()
    'Kuwait: TIP Report tier by report year, with policy events'
    """
    if "iso3" in history.columns and (history["iso3"] == country).any():
        history = history[history["iso3"] == country]
    if events is not None and "x" not in events.columns:
        events = event_lines(policy_events(events))
    ax = new_axes(ax, (9, 4.2))
    hist = history.sort_values("report_year")
    rank = {tier: i for i, tier in enumerate(TIER_ORDER)}
    y = hist["tier"].astype("object").map(rank)
    ax.step(hist["report_year"], y, where="mid", color="#555555", linewidth=1, zorder=1)
    inferred = _inferred_mask(hist)
    for tier in TIER_ORDER:
        sel = (hist["tier"].astype("object") == tier) & ~inferred
        ax.scatter(hist.loc[sel, "report_year"], y[sel], s=60, color=TIER_COLORS[tier],
                   label=tier_label(tier, lang), zorder=3, edgecolor="black", linewidth=0.5)
    if inferred.any():  # inferred placements: hollow, ringed in their tier's colour
        sel = inferred & hist["tier"].notna()
        ax.scatter(hist.loc[sel, "report_year"], y[sel], s=60, facecolor="white",
                   edgecolor=[TIER_COLORS[str(x)] for x in hist.loc[sel, "tier"]],
                   linewidth=1.8, zorder=3, gid="inferred")
    special = hist["status"] == "special"
    if special.any():
        ax.scatter(hist.loc[special, "report_year"], [1.5] * int(special.sum()), marker="s",
                   color=TIER_COLORS["special"], label=tier_label("special", lang), zorder=3)
    waived = hist["waiver"].fillna(False).astype(bool)
    if waived.any():
        ax.scatter(hist.loc[waived, "report_year"], y[waived], s=200, facecolor="none",
                   edgecolor="black", linewidth=1.5, label=t("legend.waiver", lang), zorder=4)
    top = -0.6
    if events is not None and len(events):
        # Event numbers sit in a band above Tier 1, inside the axes (so never on the title),
        # each in the first row where it does not reach the previous label (greedy packing).
        lo = min(float(hist["report_year"].min()), float(events["x"].min())) - 0.8
        hi = max(float(hist["report_year"].max()), float(events["x"].max())) + 0.8
        # Room on the right for the last label: hi - x_last >= its width (a share of hi - lo).
        last = events.loc[events["x"].idxmax()]
        k = (len(str(last["label"])) + 2.5) * EVENT_CHAR_SHARE
        hi = max(hi, (float(last["x"]) - k * lo) / (1 - k))
        ax.set_xlim(lo, hi)
        per_char = (hi - lo) * EVENT_CHAR_SHARE
        ends: list[float] = []
        for x, label in sorted(zip(events["x"], events["label"], strict=True)):
            start, width = float(x), (len(str(label)) + 1.5) * per_char
            row = next((r for r, end in enumerate(ends) if start > end), len(ends))
            if row == len(ends):
                ends.append(start + width)
            else:
                ends[row] = start + width
            ax.axvline(x, color="#009E73", linewidth=0.8, alpha=0.7, zorder=0)
            ax.annotate(str(label), (x, -0.75 - EVENT_ROW * row), xytext=(1.5, 0),
                        textcoords="offset points", fontsize=7, color="#006040", ha="left",
                        va="center", gid="event-label")
        top = -0.75 - EVENT_ROW * (len(ends) - 1) - 0.3
    ax.set_yticks(range(len(TIER_ORDER)), [tier_label(tt, lang) for tt in TIER_ORDER])
    ax.set_ylim(len(TIER_ORDER) - 0.5, top)  # Tier 1 at the top
    ax.set_xlabel(t("axis.report_year", lang))
    ax.set_title(t("title.timeline", lang, country=_display_name(country, lang)))
    handles, _ = ax.get_legend_handles_labels()
    if inferred.any():
        from matplotlib.lines import Line2D

        handles.append(Line2D([], [], linestyle="none", marker="o", markersize=7,
                              markerfacecolor="white", markeredgecolor="#555555",
                              markeredgewidth=1.8, label=t("inferred.legend", lang)))
    ax.legend(handles=handles, fontsize=7, loc="upper left", bbox_to_anchor=(1.0, 1.0))
    return ax


def _display_name(country: str, lang: str) -> str:
    """ISO3 -> the country's name in ``lang``; anything else is already a name."""
    from tipanalysis.data import countries

    if len(country) == 3 and country.isupper():
        try:
            return countries.name(country, lang)
        except (countries.UnknownCountryError, KeyError, ValueError):
            pass
    return country


def event_positions(dates: pd.Series) -> pd.Series:
    """Place dated events on the report-year axis (see :mod:`tipanalysis.core.reportyear`).

    Examples
    --------
    >>> event_positions(pd.Series(pd.to_datetime(["2013-03-17"]))).round(2).tolist()
    [2012.96]
    """
    return reportyear.event_positions(dates)


@styled
def plot_heatmap(
    panel: pd.DataFrame,
    *,
    countries: list[str],
    names: dict[str, str],
    title: str,
    lang: str = "en",
    ax: Axes | None = None,
) -> Axes:
    """Country × report-year grid coloured by tier; Special Cases grey, no placement blank.

    Parameters
    ----------
    panel : DataFrame
        Tier panel rows (``iso3``, ``report_year``, ``tier``, ``status``; with ``basis``,
        cells whose placement is ``inferred`` are cross-hatched and the legend says so).
    countries : list of str
        ISO3 codes in display order (top to bottom).
    names : dict
        ISO3 → display name in ``lang``.
    """
    from matplotlib.colors import ListedColormap
    from matplotlib.patches import Patch, Rectangle

    years = list(range(int(panel["report_year"].min()), int(panel["report_year"].max()) + 1))
    codes = {tier: i for i, tier in enumerate([*TIER_ORDER, "special"])}
    grid = pd.DataFrame(float("nan"), index=countries, columns=years)
    sub = panel[panel["iso3"].isin(countries)]
    guessed = _inferred_mask(sub)
    inferred_cells = []
    for row, inferred in zip(sub.itertuples(index=False), guessed, strict=True):
        key = "special" if row.status == "special" else str(row.tier)
        grid.loc[row.iso3, int(row.report_year)] = codes[key]
        if inferred:
            inferred_cells.append((years.index(int(row.report_year)), countries.index(row.iso3)))
    ax = new_axes(ax, (10, 0.45 * len(countries) + 1.6))
    cmap = ListedColormap([TIER_COLORS[k] for k in codes])
    ax.imshow(grid.to_numpy(dtype=float), cmap=cmap, vmin=-0.5, vmax=len(codes) - 0.5,
              aspect="auto", interpolation="none")
    ax.set_xticks(range(len(years)), [str(y) for y in years], rotation=90, fontsize=8)
    # Inferred placements: the cell keeps its tier colour under a dark cross-hatch.
    for x, y in sorted(inferred_cells):
        ax.add_patch(Rectangle((x - 0.5, y - 0.5), 1, 1, facecolor="none", linewidth=0,
                               hatch=INFERRED_HATCH, edgecolor=INFERRED_HATCH_COLOR,
                               gid="inferred"))
    ax.set_yticks(range(len(countries)), [names.get(c, c) for c in countries], fontsize=9)
    ax.set_xlabel(t("axis.report_year", lang))
    ax.set_title(title)
    handles = [Patch(color=TIER_COLORS[k], label=tier_label(k, lang)) for k in codes]
    handles.append(Patch(facecolor="white", edgecolor="#999999", label=t("tier.missing", lang)))
    if inferred_cells:
        handles.append(Patch(facecolor="white", edgecolor=INFERRED_HATCH_COLOR,
                             hatch=INFERRED_HATCH, linewidth=0.5,
                             label=t("inferred.legend", lang)))
    ax.legend(handles=handles, fontsize=7, loc="upper left", bbox_to_anchor=(1.0, 1.0))
    return ax


@styled
def plot_tier_shares(comparison: pd.DataFrame, *, title: str, lang: str = "en",
                     ax: Axes | None = None) -> Axes:
    """Stacked shares of tiers per report year, with N on top and partial years marked.

    Parameters
    ----------
    comparison : DataFrame
        One row per report year with ``report_year``, ``n``, ``share_1``, ``share_2``,
        ``share_2WL``, ``share_3`` and a boolean ``partial``.
    """
    ax = new_axes(ax, (9, 3.8))
    comp = comparison.sort_values("report_year")
    bottom = pd.Series(0.0, index=comp.index)
    for tier in TIER_ORDER:
        values = comp[f"share_{tier}"].fillna(0).astype(float)
        bars = ax.bar(comp["report_year"], values, bottom=bottom, color=TIER_COLORS[tier],
                      label=tier_label(tier, lang), width=0.8)
        for bar, partial in zip(bars, comp["partial"].astype(bool), strict=True):
            if partial:
                bar.set_hatch("//")
                bar.set_edgecolor("white")
        bottom = bottom + values
    for x, n, partial in zip(comp["report_year"], comp["n"], comp["partial"], strict=True):
        ax.annotate(f"{int(n)}{'*' if partial else ''}", (x, 1.01), ha="center", fontsize=7)
    ax.set_ylim(0, 1.08)
    ax.set_xlabel(t("axis.report_year", lang))
    ax.set_ylabel(t("axis.share", lang))
    ax.set_title(title)
    ax.legend(fontsize=7, loc="upper left", bbox_to_anchor=(1.0, 1.0),
              title=f"N*, //: {t('legend.partial', lang)}", title_fontsize=7)
    return ax


#: One colour per strategy status (``strategy.STATUSES``), Okabe–Ito: green to vermillion for
#: the judged statuses, then blue, purple and grey for the three that cannot be judged.
STATUS_COLORS: dict[str, str] = {
    "on-track": "#009E73",
    "at-risk": "#E69F00",
    "off-track": "#D55E00",
    "no target set": "#56B4E9",
    "no baseline": "#CC79A7",
    "no-data": "#BBBBBB",
}
#: Bar colours of the three completeness shares, in the column order of
#: ``strategy.completeness_shares`` (reported, sourced, public).
COMPLETENESS_COLORS: tuple[str, ...] = ("#0072B2", "#56B4E9", "#009E73")


@styled
def plot_strand_status(counts: pd.DataFrame, lang: str = "en", *, ax: Axes | None = None
                       ) -> Axes:
    """Horizontal stacked bars: indicators per strategy strand, split by status.

    Parameters
    ----------
    counts : DataFrame
        ``strategy.strand_status_counts(reviewed, strands, lang)``: one row per strand (display
        names, in the framework's order), one column per status labelled in ``lang`` (best
        first). A column whose label is a status label in ``lang`` gets that status's colour
        (:data:`STATUS_COLORS`); any other column is grey.
    lang : {"en", "ar"}

    Returns
    -------
    matplotlib.axes.Axes
        One bar per strand and status (zero-width where the count is 0, so the legend always
        lists every status); strands run top-down in the order of ``counts``.

    Examples
    --------
    >>> counts = pd.DataFrame({"on track": [1, 0], "no data yet": [2, 3]},
    ...                       index=["Prevention", "Protection"])
    >>> ax = plot_strand_status(counts, "en")
    >>> len(ax.patches)
    4
    """
    from tipanalysis.strategy import STATUSES, status_label

    ax = new_axes(ax, (8, 3.2))
    colour_of = {status_label(s, lang): STATUS_COLORS[s] for s in STATUSES}
    y = list(range(len(counts)))
    left = pd.Series(0.0, index=counts.index)
    for column in counts.columns:
        values = counts[column].fillna(0).astype(float)
        ax.barh(y, values.to_numpy(), left=left.to_numpy(), height=0.6,
                color=colour_of.get(str(column), "#999999"), label=str(column))
        left = left + values
    ax.set_yticks(y, [str(s) for s in counts.index])
    ax.invert_yaxis()  # strands top-down in the framework's order
    ax.set_xlabel(t("axis.n_indicators", lang))
    ax.set_title(t("title.strand_status", lang))
    ax.legend(fontsize=8, loc="upper left", bbox_to_anchor=(1.0, 1.0))
    return ax


@styled
def plot_completeness(shares: pd.DataFrame, lang: str = "en", *, ax: Axes | None = None
                      ) -> Axes:
    """Grouped bars of the strategy's data-completeness shares per year, each bar labelled.

    Parameters
    ----------
    shares : DataFrame
        ``strategy.completeness_shares(comp, lang)``: one row per year, three columns of
        percentages (0-100) labelled in ``lang``. An empty frame (strategy not started) gives
        empty axes with the title and labels.
    lang : {"en", "ar"}

    Returns
    -------
    matplotlib.axes.Axes
        One bar per year and share, each labelled with its percentage (so that 0% is visible
        rather than a blank chart); y axis 0-100.

    Examples
    --------
    >>> shares = pd.DataFrame({"a": [0.0, 50.0], "b": [0.0, 25.0], "c": [0.0, 0.0]},
    ...                       index=pd.Index([2025, 2026], name="Year"))
    >>> ax = plot_completeness(shares, "en")
    >>> len(ax.patches)
    6
    """
    ax = new_axes(ax, (6, 3))
    n_cols = max(len(shares.columns), 1)
    width = 0.8 / n_cols
    x = list(range(len(shares)))
    for i, column in enumerate(shares.columns):
        offset = (i - (n_cols - 1) / 2) * width  # centre each year's group on its tick
        bars = ax.bar([xi + offset for xi in x], shares[column].fillna(0).astype(float),
                      width=width, label=str(column),
                      color=COMPLETENESS_COLORS[i % len(COMPLETENESS_COLORS)])
        ax.bar_label(bars, fmt="%.0f%%", fontsize=8)
    ax.set_xticks(x, [str(y) for y in shares.index])
    ax.set_ylim(0, 100)
    ax.set_xlabel(t("axis.year", lang))
    ax.set_ylabel(t("axis.share_reportable", lang))
    ax.set_title(t("title.completeness", lang))
    if len(shares.columns):
        ax.legend(fontsize=8)
    return ax


def __dir__() -> list[str]:
    # Tab completion shows the public API only, not pd, np or helpers.
    return list(__all__)
