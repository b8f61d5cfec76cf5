"""Tier maps: window selection and aspect. The squares below are SYNTHETIC geometries."""

from __future__ import annotations

import math

import geopandas as gpd
import pandas as pd
import pytest
from shapely.geometry import box

from tipanalysis import maps


@pytest.fixture
def frame() -> gpd.GeoDataFrame:
    boundaries = gpd.GeoDataFrame(
        {"iso3": ["KWT", "QAT", "BRA"]},
        geometry=[box(46, 28, 48, 30), box(50, 24, 51, 26), box(-60, -20, -40, 0)],
        crs="EPSG:4326")
    placements = pd.DataFrame({"iso3": ["KWT", "QAT", "BRA"], "tier": ["2", "2", "2WL"],
                               "status": ["ranked"] * 3})
    return maps.tier_map_frame(boundaries, placements)


def drawn_paths(fig) -> int:
    return sum(len(c.get_paths()) for c in fig.axes[0].collections)


def test_window_draws_only_what_it_shows_true_to_scale(frame):
    fig = maps.plot_tier_map(frame, year=2025, extent=maps.GULF_EXTENT).figure
    ax = fig.axes[0]
    assert drawn_paths(fig) == 2  # Brazil lies outside the Gulf window
    assert ax.get_xlim() == (34.0, 60.5) and ax.get_ylim() == (12.0, 33.5)
    # 1 / cos(22.75°): a degree of longitude is shorter than one of latitude there.
    assert ax.get_aspect() == pytest.approx(1 / math.cos(math.radians(22.75)))
    assert ax.get_aspect() == pytest.approx(1.0844, abs=1e-4)


def test_world_map_draws_everything_in_plate_carree(frame):
    fig = maps.plot_tier_map(frame, year=2025).figure
    assert drawn_paths(fig) == 3
    assert fig.axes[0].get_aspect() == pytest.approx(1.0)


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_inferred_placement_is_hatched_and_in_the_legend(lang):
    # SYNTHETIC: QAT's placement marked inferred, KWT's sourced (Issue 13: inferred placements
    # are marked wherever they are drawn).
    from tipanalysis.i18n import t
    from tipanalysis.viz.plots import INFERRED_HATCH

    boundaries = gpd.GeoDataFrame(
        {"iso3": ["KWT", "QAT"]}, geometry=[box(46, 28, 48, 30), box(50, 24, 51, 26)],
        crs="EPSG:4326")
    placements = pd.DataFrame({"iso3": ["KWT", "QAT"], "tier": ["2", "2"],
                               "status": ["ranked"] * 2, "basis": ["sourced", "inferred"]})
    frame = maps.tier_map_frame(boundaries, placements)
    assert frame.set_index("iso3")["basis"].to_dict() == {"KWT": "sourced", "QAT": "inferred"}
    ax = maps.plot_tier_map(frame, year=2025, lang=lang, extent=maps.GULF_EXTENT)
    hatched = [c for c in ax.collections if c.get_hatch() == INFERRED_HATCH]
    assert len(hatched) == 1 and len(hatched[0].get_paths()) == 1  # QAT only
    (x0, y0), (x1, y1) = hatched[0].get_paths()[0].get_extents().get_points()
    assert (x0, y0, x1, y1) == (50.0, 24.0, 51.0, 26.0)
    # both countries keep their Tier 2 fill underneath; the hatch layer has no fill
    assert hatched[0].get_facecolor().size == 0 or hatched[0].get_facecolor()[0][3] == 0
    legend = [x.get_text() for x in ax.get_legend().get_texts()]
    assert legend[-1] == t("inferred.legend", lang)
    # a panel without the basis column: nothing hatched, no legend entry
    plain = maps.tier_map_frame(boundaries, placements.drop(columns="basis"))
    ax = maps.plot_tier_map(plain, year=2025, lang=lang, extent=maps.GULF_EXTENT)
    assert not [c for c in ax.collections if c.get_hatch() == INFERRED_HATCH]
    assert t("inferred.legend", lang) not in [x.get_text() for x in ax.get_legend().get_texts()]
