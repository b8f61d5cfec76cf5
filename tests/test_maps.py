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
