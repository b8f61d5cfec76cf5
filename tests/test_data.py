"""Tests of tipanalysis.data: loaders and the dataset registry.

Most tests read the SYNTHETIC fixture folder (tests/fixtures/data); the ``shipped`` tests read
the real data/ folder, committed with the repository (never skipped).
"""

from __future__ import annotations

import subprocess
import sys

import pandas as pd
import pytest

from tipanalysis import data, paths, validate
from tipanalysis.errors import DataValidationError
from tipanalysis.tiers import TIER_DTYPE

SHIPPED = paths.REPO_DIR / "data"


def test_import_is_cheap():
    code = ("import sys, tipanalysis.data; "
            "print(sorted(m for m in ('geopandas', 'pyogrio', 'shapely') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True).stdout
    assert out.strip() == "[]"


def test_datasets_registry(fixture_data):
    table = data.datasets(fixture_data)
    assert table.columns.tolist() == ["name", "title", "description", "path", "sources",
                                      "licence", "rows"]
    row = table.set_index("name").loc["tier_placements"]
    assert row["path"] == "tiers/tier_placements.csv" and row["rows"] == 9
    assert row["licence"] == "CC0-1.0" and row["sources"].startswith("Synthetic test data")
    assert pd.isna(table.set_index("name").loc["boundaries", "rows"])


def test_load_tiers_types_and_order(fixture_data):
    tiers = data.load_tiers(fixture_data)
    assert tiers.columns.tolist() == ["iso3", "country", "report_year", "tier", "status",
                                      "waiver", "source_url", "source_file", "note"]
    assert tiers["tier"].dtype == TIER_DTYPE
    assert list(zip(tiers["iso3"], tiers["report_year"], strict=True))[:4] == [
        ("BHR", 2024), ("BHR", 2025), ("KWT", 2024), ("KWT", 2025)]
    kwt = tiers[tiers["iso3"].eq("KWT")]
    assert kwt["tier"].tolist() == ["2WL", "2"] and kwt["waiver"].tolist() == [True, False]
    assert kwt["tier"].iloc[0] > kwt["tier"].iloc[1]  # ordered: 2WL is worse than 2
    som = tiers[tiers["iso3"].eq("SOM")].iloc[0]
    assert pd.isna(som["tier"]) and som["status"] == "special"
    assert pd.isna(tiers.loc[tiers["iso3"].eq("QAT"), "note"].iloc[0])


def test_load_tiers_without_special_cases(fixture_data):
    tiers = data.load_tiers(fixture_data, include_special=False)
    assert "SOM" not in set(tiers["iso3"]) and len(tiers) == 8
    assert tiers.index.tolist() == list(range(8))


def test_load_tiers_honours_environment_variable(data_copy):
    assert len(data.load_tiers()) == 9  # data_copy sets TIPANALYSIS_DATA_DIR


def test_loader_raises_on_a_file_that_fails_its_schema(data_copy):
    path = data_copy / "tiers" / "tier_placements.csv"
    text = path.read_text(encoding="utf-8").replace("KWT,Kuwait,2025,2,", "KWT,Kuwait,2025,4,")
    path.write_text(text.replace("BHR,Bahrain,2025", "BHR,Bahrain,2024"), encoding="utf-8")
    # Described as it is (else the verified read refuses it before the schema is checked).
    desc = validate.read_descriptor(data_copy)
    validate.write_descriptor(validate.update_hashes(desc, data_copy, ["tier_placements"]),
                              data_copy)
    with pytest.raises(DataValidationError) as err:
        data.load_tiers(data_copy)
    assert [(p.file, p.row, p.column, p.value) for p in err.value.problems] == [
        ("tiers/tier_placements.csv", 5, "tier", "4"),
        ("tiers/tier_placements.csv", 3, "iso3, report_year", ("BHR", 2024)),
    ]


def test_load_timeline_dates(fixture_data):
    timeline = data.load_timeline(fixture_data)
    assert timeline["date_start"].dtype.kind == "M"
    assert timeline["date"].tolist() == ["2013-03", "2025-04-20", "2018"]
    assert timeline["date_start"].tolist() == [pd.Timestamp("2013-03-01"),
                                               pd.Timestamp("2025-04-20"),
                                               pd.Timestamp("2018-01-01")]
    assert timeline["date_precision"].tolist() == ["month", "day", "year"]


def test_load_enforcement_filters_by_reporter(fixture_data):
    everything = data.load_enforcement(fixture_data)
    tip = data.load_enforcement(fixture_data, reported_by="tip_report")
    assert len(everything) == 4 and len(tip) == 3
    assert set(tip["reported_by"]) == {"tip_report"}
    assert tip["value"].tolist()[:2] == [15.0, 9.0] and pd.isna(tip["value"].iloc[2])
    gov = data.load_enforcement(fixture_data, reported_by="government")
    assert pd.isna(gov["report_year"].iloc[0]) and gov["unit"].tolist() == ["cases"]


def test_load_enforcement_rejects_unknown_reporter(fixture_data):
    with pytest.raises(ValueError, match="reported_by must be one of"):
        data.load_enforcement(fixture_data, reported_by="ngo")
    with pytest.raises(TypeError, match="keyword"):
        data.load_enforcement("tip_report")


@pytest.mark.parametrize(("loader", "rows", "column"), [
    (data.load_coverage, 2, "completeness"),
    (data.load_official_counts, 3, "measure"),
    (data.load_global_enforcement, 3, "measure"),
    (data.load_gsi, 2, "area"),
    (data.load_cho_3p, 2, "p_total"),
    (data.load_countries, 11, "name_ar"),
    (data.load_aliases, 2, "alias"),
    (data.load_known_gaps, 1, "iso3"),
])
def test_other_loaders(fixture_data, loader, rows, column):
    table = loader(fixture_data)
    assert len(table) == rows and column in table.columns


def test_loaded_values(fixture_data):
    coverage = data.load_coverage(fixture_data).set_index("report_year")
    assert coverage.loc[2024, "completeness"] == "near-complete"
    assert coverage.loc[2024, "known_missing"] == "SGP"
    assert data.load_cho_3p(fixture_data)["p_total"].tolist() == [7, 9]
    countries = data.load_countries(fixture_data).set_index("iso3")
    assert countries.loc["KWT", "name_ar"] == "الكويت"
    assert countries.loc["AUS", "iso_numeric"] == "036"
    assert bool(countries.loc["KWT", "gcc"]) and pd.isna(countries.loc["XKX", "iso_numeric"])


def test_load_boundaries(fixture_data):
    world = data.load_boundaries(fixture_data)
    assert world.columns.tolist() == ["iso3", "iso_numeric", "name", "geometry"]
    assert world.crs.to_epsg() == 4326
    assert world.geometry.is_valid.all()  # the synthetic bowtie was repaired
    by_iso3 = world.dropna(subset=["iso3"]).set_index("iso3")
    assert {"BHR", "SGP", "KWT", "AUS", "XKX", "SOM"} == set(by_iso3.index)
    assert by_iso3.loc["BHR", "iso_numeric"] == "048"
    assert (world["iso_numeric"] == "036").sum() == 1  # Australia + Ashmore dissolved
    assert by_iso3.loc["AUS", "geometry"].geom_type == "MultiPolygon"
    assert pd.isna(by_iso3.loc["XKX", "iso_numeric"])
    assert world.loc[world["name"].eq("N. Cyprus"), "iso3"].isna().all()
    assert len(world) == 7


def test_shipped_tiers_and_boundaries():
    tiers = data.load_tiers()
    kwt = tiers[tiers["iso3"].eq("KWT")].set_index("report_year")["tier"]
    assert kwt.loc[2025] == "2" and kwt.loc[2024] == "2WL"
    world = data.load_boundaries()
    assert {"BHR", "SGP", "KWT", "XKX"} <= set(world["iso3"].dropna())
    assert not world["iso3"].dropna().duplicated().any()
    # No polygon spans the map (the shipped Russia and Fiji cross 180°; only Antarctica,
    # which encloses the pole, runs from edge to edge).
    parts = world.set_index("iso3").geometry.explode()
    wide = parts[parts.bounds["maxx"] - parts.bounds["minx"] > 180]
    assert set(wide.index) == {"ATA"}
    # Chukotka is drawn at the eastern edge of the map, west of -169°; Russia keeps its area.
    russia = parts.loc["RUS"]
    assert (russia.bounds["maxx"] < -169).any() and russia.bounds["maxx"].max() <= 180
    assert 2900 < world.set_index("iso3").loc["RUS", "geometry"].area < 2950  # square degrees


def test_split_antimeridian_cuts_rings_with_holes_and_leaves_the_rest():
    from shapely.geometry import MultiPolygon, Polygon

    # A 4 x 2 degree box centred on 180°, with a 1 x 1 hole across the meridian.
    ring = [(178, 0), (-178, 0), (-178, 2), (178, 2)]
    hole = [(179.5, 0.5), (-179.5, 0.5), (-179.5, 1.5), (179.5, 1.5)]
    out = data.split_antimeridian(Polygon(ring, [hole]))
    assert isinstance(out, MultiPolygon) and out.is_valid
    assert sorted(round(g.bounds[0]) for g in out.geoms) == [-180, 178]
    assert sorted(round(g.bounds[2]) for g in out.geoms) == [-178, 180]
    assert out.area == pytest.approx(8 - 1)
    plain = Polygon([(10, 0), (12, 0), (12, 2)])
    assert data.split_antimeridian(plain) is plain
    pole = Polygon([(-180, -80), (180, -80), (180, -90), (-180, -90)])
    assert data.split_antimeridian(pole) is pole  # encloses the pole: not cut


def test_load_tiers_refuses_other_tier_categories(data_copy):
    from tipanalysis import validate

    descriptor = validate.read_descriptor(data_copy)
    fields = validate.resource(descriptor, "tier_placements")["schema"]["fields"]
    next(f for f in fields if f["name"] == "tier")["categories"] = ["1", "2", "3", "2WL"]
    validate.write_descriptor(descriptor, data_copy)
    with pytest.raises(DataValidationError) as err:
        data.load_tiers(data_copy)
    assert err.value.problems[0].value == ["1", "2", "3", "2WL"]
