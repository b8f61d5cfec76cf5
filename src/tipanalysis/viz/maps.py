"""Choropleth maps of tier placements (geopandas); legends and titles in English or Arabic.

Maps draw what they are given: a boundaries GeoDataFrame (``tipanalysis.data.load_boundaries``)
and one report year of the tier panel. Countries without a placement in the data are drawn in
light grey with a hatch, so a partial year is visibly partial rather than silently blank.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

import pandas as pd

from tipanalysis.core.i18n import t, tier_label
from tipanalysis.core.tierscale import TIER_ORDER
from tipanalysis.viz.figures import new_axes, styled
from tipanalysis.viz.plots import INFERRED_HATCH, INFERRED_HATCH_COLOR, TIER_COLORS
from tipanalysis.viz.plots import _inferred_mask as _inferred

if TYPE_CHECKING:  # pragma: no cover
    import geopandas as gpd
    from matplotlib.axes import Axes

__all__ = [
    "GULF_EXTENT",
    "LABEL_OFFSETS",
    "highlight_on_base",
    "plot_tier_map",
    "tier_map_frame",
    "world_base",
]

#: Longitude/latitude window of the Gulf view, wide enough to show Bahrain and Qatar.
GULF_EXTENT: tuple[float, float, float, float] = (34.0, 60.5, 12.0, 33.5)
#: Where each GCC label sits relative to its country (degrees): Bahrain to the north-west and
#: Qatar to the east over the sea, with a leader line, so that they never overlap each other or
#: Saudi Arabia's label.
LABEL_OFFSETS: dict[str, tuple[float, float]] = {
    "BHR": (0.6, 3.2), "QAT": (2.8, 1.6), "KWT": (-2.4, 1.6), "ARE": (1.6, -2.2),
    "OMN": (1.2, -1.0), "SAU": (0.0, 0.0)}


def tier_map_frame(boundaries: gpd.GeoDataFrame, placements: pd.DataFrame) -> gpd.GeoDataFrame:
    """Join one report year's placements to the boundaries on ``iso3``.

    Returns the boundaries with a ``category`` column: ``1``, ``2``, ``2WL``, ``3``, ``special``
    or ``missing`` (no row for that country in this report year), and ``basis`` passed through
    from the placements (``sourced``/``inferred``; missing where there is no row or no such
    column), which :func:`plot_tier_map` draws as a hatch.

    Examples
    --------
    >>> from tipanalysis.data import load_boundaries, load_tiers
    >>> panel = load_tiers()
    >>> frame = tier_map_frame(load_boundaries(), panel[panel.report_year == 2025])
    >>> frame.set_index("iso3").loc[["KWT", "LBY"], "category"].tolist()
    ['2', 'special']
    >>> frame.set_index("iso3").loc[["KWT", "ITA"], "basis"].tolist()
    ['sourced', 'inferred']
    """
    if placements["iso3"].duplicated().any():
        dup = placements.loc[placements["iso3"].duplicated(), "iso3"].tolist()
        raise ValueError(f"placements hold more than one row for {dup}; pass one report year")
    category = placements.set_index("iso3").apply(
        lambda r: "special" if r["status"] == "special" else str(r["tier"]), axis=1
    )
    frame = boundaries.copy()
    frame["category"] = frame["iso3"].map(category).fillna("missing")
    basis = (placements.set_index("iso3")["basis"] if "basis" in placements.columns
             else pd.Series(dtype="object"))
    frame["basis"] = frame["iso3"].map(basis).astype("object")
    return frame


@styled
def plot_tier_map(
    frame: gpd.GeoDataFrame,
    *,
    year: int,
    lang: str = "en",
    extent: tuple[float, float, float, float] | None = None,
    labels: dict[str, str] | None = None,
    highlight: str | None = None,
    ax: Axes | None = None,
) -> Axes:
    """Draw a tier choropleth from :func:`tier_map_frame`'s output.

    Parameters
    ----------
    extent : (lon_min, lon_max, lat_min, lat_max), optional
        Window to show, e.g. :data:`GULF_EXTENT`; the whole world if omitted.
    labels : dict, optional
        ISO3 → name to write next to each country (the Gulf view): names are placed at fixed
        offsets from the country with a leader line (:data:`LABEL_OFFSETS`), so the small
        states (Bahrain, Qatar) stay legible and no two labels overlap.
    highlight : str, optional
        ISO3 code of the brief's country: outlined in black, and marked with a ring where the
        country is too small to see at A4.

    Countries whose ``basis`` is ``inferred`` are cross-hatched over their tier colour, and the
    legend gains an entry for them.
    """
    from matplotlib.patches import Patch

    gulf = extent is not None
    if gulf:
        # Only features touching the window can show: drawing the rest costs time for nothing.
        lon0, lon1, lat0, lat1 = extent
        frame = frame.cx[lon0:lon1, lat0:lat1]
    ax = new_axes(ax, (7, 6) if gulf else (11, 5.6))
    for category, color in [*((k, TIER_COLORS[k]) for k in [*TIER_ORDER, "special"]),
                            ("missing", "#eeeeee")]:
        part = frame[frame["category"] == category]
        if len(part):
            part.plot(ax=ax, color=color, edgecolor="white", linewidth=0.3, aspect=None,
                      hatch="///" if category == "missing" else None)
    # Placements inferred rather than stated by a source: a dark cross-hatch over the tier colour.
    guessed = frame[_inferred(frame) & frame["category"].ne("missing")]
    if len(guessed):
        guessed.plot(ax=ax, facecolor="none", edgecolor=INFERRED_HATCH_COLOR, linewidth=0,
                     hatch=INFERRED_HATCH, aspect=None, gid="inferred")
    if extent is not None:
        ax.set_xlim(extent[0], extent[1])
        ax.set_ylim(extent[2], extent[3])
    # Plate carrée stretched to be true to scale at the window's middle latitude (the whole
    # world: the equator), set once rather than by whichever category geopandas drew last.
    mid = 0.0 if extent is None else (extent[2] + extent[3]) / 2
    ax.set_aspect(1 / math.cos(math.radians(mid)))
    small = []
    if highlight is not None:
        own = frame[frame["iso3"] == highlight]
        if len(own):
            own.boundary.plot(ax=ax, color="black", linewidth=1.4 if gulf else 0.9)
            x0, y0, x1, y1 = own.total_bounds
            span = max(x1 - x0, y1 - y0)
            if span < (3.0 if gulf else 6.0):
                small.append(highlight)
    if gulf and labels:  # the named Gulf view: a ring so that Bahrain is visible at A4
        small += [c for c in ("BHR", "QAT") if c not in small]
    for row in frame[frame["iso3"].isin(small)].itertuples():
        point = row.geometry.representative_point()
        ax.scatter([point.x], [point.y], s=120 if gulf else 60, facecolors="none",
                   edgecolors="black" if row.iso3 == highlight else "#555555",
                   linewidths=1.4 if row.iso3 == highlight else 0.8, zorder=5)
    if labels:
        for row in frame[frame["iso3"].isin(list(labels))].itertuples():
            point = row.geometry.representative_point()
            dx, dy = LABEL_OFFSETS.get(row.iso3, (0.0, 0.0))
            bold = "bold" if row.iso3 == highlight else "normal"
            ax.annotate(labels[row.iso3], (point.x, point.y), xytext=(point.x + dx, point.y + dy),
                        fontsize=9, ha="center", va="center", fontweight=bold, zorder=6,
                        bbox={"boxstyle": "round,pad=0.2", "fc": "white", "ec": "none",
                              "alpha": 0.8},
                        arrowprops=None if (dx, dy) == (0.0, 0.0) else {
                            "arrowstyle": "-", "color": "#333333", "linewidth": 0.7})
    ax.set_axis_off()
    ax.set_title(t("title.map", lang, year=year))
    handles = [Patch(color=TIER_COLORS[k], label=tier_label(k, lang))
               for k in [*TIER_ORDER, "special"]]
    handles.append(Patch(facecolor="#eeeeee", hatch="///", label=t("tier.missing", lang)))
    if len(guessed):
        handles.append(Patch(facecolor="white", edgecolor=INFERRED_HATCH_COLOR,
                             hatch=INFERRED_HATCH, linewidth=0.5,
                             label=t("inferred.legend", lang)))
    ax.legend(handles=handles, fontsize=8, loc="lower left")
    return ax


def _rings(ax: Axes, points: list[tuple[float, float]], size: float) -> None:
    for x, y in points:
        ax.scatter([x], [y], s=size, facecolors="none", edgecolors="black", linewidths=1.4,
                   zorder=5)


def world_base(frame: gpd.GeoDataFrame, *, year: int, lang: str = "en",
               size: tuple[float, float] = (8.5, 4.3), dpi: int = 130) -> dict:
    """The world map of one report year drawn once, as pixels, for :func:`highlight_on_base`.

    Drawing the world's boundaries takes about two seconds; a brief for every country draws
    them once per year and language and only adds each country's outline.

    Returns a dict: ``rgba`` (pixels), ``transform`` (longitude/latitude to pixels), ``size``,
    ``dpi``.
    """
    import matplotlib
    import numpy as np
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    from tipanalysis.viz.figures import RC

    ax = plot_tier_map(frame, year=year, lang=lang)
    fig = ax.figure
    fig.set_size_inches(*size)
    fig.set_dpi(dpi)
    canvas = FigureCanvasAgg(fig)
    with matplotlib.rc_context(RC):
        canvas.draw()
    return {"rgba": np.asarray(canvas.buffer_rgba()).copy(),
            "transform": ax.transData.frozen(), "size": size, "dpi": dpi}


@styled
def highlight_on_base(base: dict, frame: gpd.GeoDataFrame, iso3: str) -> Axes:
    """:func:`world_base`'s pixels with ``iso3`` outlined in black (and ringed if small).

    The result, saved at ``base["dpi"]``, is the map :func:`plot_tier_map` draws with
    ``highlight=iso3``, pixel for pixel under the outline.
    """
    from matplotlib.figure import Figure

    rgba = base["rgba"]
    height, width = rgba.shape[:2]
    fig = Figure(figsize=base["size"], dpi=base["dpi"])
    ax = fig.add_axes((0, 0, 1, 1))
    ax.imshow(rgba, extent=(0, width, 0, height), interpolation="nearest")
    ax.set_xlim(0, width)
    ax.set_ylim(0, height)
    ax.set_axis_off()
    own = frame[frame["iso3"] == iso3]
    transform = base["transform"]
    for geom in own.geometry:
        for poly in getattr(geom, "geoms", [geom]):
            xy = transform.transform(list(poly.exterior.coords))
            ax.plot(xy[:, 0], xy[:, 1], color="black", linewidth=0.9)
    if len(own):
        x0, y0, x1, y1 = own.total_bounds
        if max(x1 - x0, y1 - y0) < 6.0:
            point = own.geometry.iloc[0].representative_point()
            _rings(ax, [tuple(transform.transform([(point.x, point.y)])[0])], 60)
    return ax


def __dir__() -> list[str]:
    # Tab completion shows the public API only, not pd, np or helpers.
    return list(__all__)
