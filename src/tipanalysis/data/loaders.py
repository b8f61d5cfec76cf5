"""Loaders for the shipped data: each returns a tidy DataFrame, validated on the way in.

Every loader reads ``datapackage.json``, finds its file by path, checks the file against the
table schema there (types, constraints, primary key) and casts the columns (see
:mod:`tipanalysis.data.descriptor` for the type mapping). A file that fails its schema raises
:class:`~tipanalysis.core.errors.DataValidationError` listing every problem; nothing is dropped.
Every loader takes ``data_dir`` (default: :func:`tipanalysis.core.paths.data_dir`, which honours
``TIPANALYSIS_DATA_DIR``).

Only pandas is imported at module level; geopandas is imported by :func:`load_boundaries`.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pandas as pd

from tipanalysis.core import paths
from tipanalysis.data import descriptor as validate

__all__ = [
    "ALIASES",
    "BOUNDARIES",
    "CHO_3P",
    "COUNTRIES",
    "COVERAGE",
    "ENFORCEMENT",
    "GLOBAL_ENFORCEMENT",
    "GSI",
    "KNOWN_GAPS",
    "OFFICIAL_COUNTS",
    "REPORTED_BY",
    "TIERS",
    "TIMELINE",
    "datasets",
    "load_aliases",
    "load_boundaries",
    "load_cho_3p",
    "load_countries",
    "load_coverage",
    "load_enforcement",
    "load_global_enforcement",
    "load_gsi",
    "load_known_gaps",
    "load_narratives",
    "load_official_counts",
    "load_table",
    "load_tiers",
    "load_timeline",
    "split_antimeridian",
]

TIERS = "tiers/tier_placements.csv"
COVERAGE = "tiers/coverage.csv"
OFFICIAL_COUNTS = "tiers/official_counts.csv"
KNOWN_GAPS = "tiers/known_gaps.csv"
TIMELINE = "kuwait/timeline.csv"
ENFORCEMENT = "kuwait/enforcement.csv"
GLOBAL_ENFORCEMENT = "global/law_enforcement.csv"
GSI = "indices/global_slavery_index.csv"
CHO_3P = "indices/cho_3p_index.csv"
COUNTRIES = "reference/countries.csv"
ALIASES = "reference/country_aliases.csv"
BOUNDARIES = "geo/countries-50m.json"
#: Tables of the coded TIP narratives (``narratives/<name>.csv``).
NARRATIVE_TABLES = ("findings", "recommendations", "figures", "coverage", "sources", "codes",
                    "domains", "crosswalk", "agreement")

#: Values of ``reported_by`` in the enforcement table.
REPORTED_BY = ("tip_report", "government")


def _dir(data_dir: Path | str | None) -> Path:
    return paths.resolve_data_dir(data_dir)


def _resource_for(descriptor: dict[str, Any], path: str) -> dict[str, Any]:
    for res in descriptor.get("resources", []):
        if res.get("path") == path:
            return res
    raise KeyError(f"datapackage.json describes no resource with path {path!r}")


def load_table(path: str, data_dir: Path | str | None = None) -> pd.DataFrame:
    """Load any described CSV by its path inside the data folder, validated and typed.

    Examples
    --------
    >>> load_table("tiers/official_counts.csv").columns[:2].tolist()   # doctest: +SKIP
    ['report_year', 'measure']
    """
    root = _dir(data_dir)
    res = _resource_for(validate.read_descriptor(root), path)
    validate.verify_resource(root, res)  # sha256 and size against the descriptor
    return validate.read_csv(root / res["path"], res["schema"], file=res["path"])


def _has_resource(path: str, data_dir: Path | str | None) -> bool:
    try:
        _resource_for(validate.read_descriptor(_dir(data_dir)), path)
    except KeyError:
        return False
    return True


def _join_titles(items: Any, key_order: tuple[str, ...]) -> str:
    if not isinstance(items, list):
        return ""
    out = []
    for item in items:
        if isinstance(item, dict):
            text = next((item[k] for k in key_order if item.get(k)), "")
            if text and str(text) not in out:
                out.append(str(text))
    return "; ".join(out)


def _count_rows(path: Path) -> int:
    text = validate.decode_utf8(path.read_bytes(), file=str(path))
    frame, _ = validate.parse_csv_text(text, file=str(path))
    return len(frame)


def datasets(data_dir: Path | str | None = None) -> pd.DataFrame:
    """Registry of the shipped data sets, one row per resource in ``datapackage.json``.

    Returns
    -------
    DataFrame
        ``name, title, description, path, sources`` (source titles joined with ``"; "``),
        ``licence`` (licence names joined) and ``rows`` (data rows of a CSV; ``<NA>`` for
        other files).

    Examples
    --------
    >>> datasets()[["name", "rows"]].head(2)   # doctest: +SKIP
                  name  rows
    0  tier_placements  5207
    1         coverage    25
    """
    root = _dir(data_dir)
    records = []
    for res in validate.read_descriptor(root).get("resources", []):
        path = root / res.get("path", "")
        is_csv = str(res.get("path", "")).lower().endswith(".csv")
        records.append({
            "name": res.get("name"),
            "title": res.get("title", ""),
            "description": res.get("description", ""),
            "path": res.get("path"),
            "sources": _join_titles(res.get("sources"), ("title", "path")),
            "licence": _join_titles(res.get("licenses"), ("name", "title", "path")),
            "rows": _count_rows(path) if is_csv and path.is_file() else None,
        })
    out = pd.DataFrame.from_records(
        records, columns=["name", "title", "description", "path", "sources", "licence", "rows"])
    out["rows"] = out["rows"].astype("Int64")
    return out


def load_tiers(data_dir: Path | str | None = None, *, include_special: bool = True
               ) -> pd.DataFrame:
    """TIP Report tier placements: one row per country and report year.

    Parameters
    ----------
    data_dir : path, optional
        Data folder.
    include_special : bool, default True
        Keep the report's Special Cases (``status == "special"``, ``tier`` missing).

    Returns
    -------
    DataFrame
        ``iso3, country, report_year, tier`` (ordered categorical ``1 < 2 < 2WL < 3``, NaN for
        Special Cases), ``status``, ``waiver`` (boolean), ``source_url``, ``source_file``,
        ``note``; sorted by ``iso3`` then ``report_year``.

    Examples
    --------
    >>> tiers = load_tiers()                                              # doctest: +SKIP
    >>> tiers.query("iso3 == 'KWT' and report_year == 2025")["tier"].item()  # doctest: +SKIP
    '2'
    """
    from tipanalysis.core.errors import DataValidationError, Problem
    from tipanalysis.core.tierscale import TIER_DTYPE, TIER_ORDER

    df = load_table(TIERS, data_dir)
    dtype = df["tier"].dtype
    categories = list(dtype.categories) if isinstance(dtype, pd.CategoricalDtype) else None
    if categories != list(TIER_ORDER) or not dtype.ordered:
        # Casting to TIER_DTYPE would silently turn any other label into NaN.
        raise DataValidationError([Problem(
            TIERS, None, "tier", categories,
            f"schema categories must be {list(TIER_ORDER)} with categoriesOrdered: true")])
    df["tier"] = df["tier"].astype(TIER_DTYPE)
    if not include_special:
        df = df[df["status"].ne("special")]
    return df.sort_values(["iso3", "report_year"], kind="stable").reset_index(drop=True)


def load_coverage(data_dir: Path | str | None = None) -> pd.DataFrame:
    """Completeness of the tier panel per report year (counts per tier, official total).

    Examples
    --------
    >>> load_coverage().set_index("report_year").loc[2021, "completeness"]   # doctest: +SKIP
    'complete'
    """
    return load_table(COVERAGE, data_dir)


def load_official_counts(data_dir: Path | str | None = None) -> pd.DataFrame:
    """Officially stated counts per report year (``countries_assessed``, ``tier1`` ...).

    Examples
    --------
    >>> load_official_counts().query("measure == 'countries_assessed'").head(1)  # doctest: +SKIP
    """
    return load_table(OFFICIAL_COUNTS, data_dir)


def load_known_gaps(data_dir: Path | str | None = None) -> pd.DataFrame | None:
    """Countries known to be in a report but missing from the panel, or None if not shipped.

    Examples
    --------
    >>> load_known_gaps()["iso3"].head(2).tolist()   # doctest: +SKIP
    ['LBR', 'NGA']
    """
    if not _has_resource(KNOWN_GAPS, data_dir):
        return None
    return load_table(KNOWN_GAPS, data_dir)


def load_timeline(data_dir: Path | str | None = None) -> pd.DataFrame:
    """Dated events of Kuwait's anti-trafficking response.

    ``date`` is kept as published (``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``); ``date_start`` is
    the first day of that period as ``datetime64`` and ``date_precision`` says which.

    Examples
    --------
    >>> load_timeline().sort_values("date_start")[["date", "event"]].head(1)  # doctest: +SKIP
    """
    return load_table(TIMELINE, data_dir)


def load_enforcement(data_dir: Path | str | None = None, *, reported_by: str | None = None
                     ) -> pd.DataFrame:
    """Kuwait enforcement and protection figures (TIP Report and government-reported).

    Parameters
    ----------
    reported_by : {"tip_report", "government"}, optional
        Keep only one reporter. Figures from different reporters are not comparable.

    Examples
    --------
    >>> load_enforcement(reported_by="tip_report")["measure"].unique()   # doctest: +SKIP
    """
    if isinstance(data_dir, str) and data_dir in REPORTED_BY:
        raise TypeError(f"pass reported_by={data_dir!r} as a keyword argument")
    if reported_by is not None and reported_by not in REPORTED_BY:
        raise ValueError(f"reported_by must be one of {REPORTED_BY}, not {reported_by!r}")
    df = load_table(ENFORCEMENT, data_dir)
    if reported_by is not None:
        df = df[df["reported_by"].eq(reported_by)].reset_index(drop=True)
    return df


def load_global_enforcement(data_dir: Path | str | None = None) -> pd.DataFrame:
    """Worldwide TIP "Global Law Enforcement Data" (prosecutions, convictions, victims).

    Examples
    --------
    >>> table = load_global_enforcement()                                 # doctest: +SKIP
    >>> table.pivot(index="year", columns="measure", values="value")    # doctest: +SKIP
    """
    return load_table(GLOBAL_ENFORCEMENT, data_dir)


def load_gsi(data_dir: Path | str | None = None) -> pd.DataFrame:
    """Walk Free Global Slavery Index values (countries and regions, as published).

    Examples
    --------
    >>> load_gsi().query("iso3 == 'KWT'")[["edition", "measure", "value"]]   # doctest: +SKIP
    """
    return load_table(GSI, data_dir)


def load_cho_3p(data_dir: Path | str | None = None) -> pd.DataFrame:
    """Cho/Dreher/Neumayer 3P anti-trafficking policy index (as merged by Kelley/Heiss).

    Examples
    --------
    >>> load_cho_3p().query("iso3 == 'KWT'")["p_total"].max()   # doctest: +SKIP
    """
    return load_table(CHO_3P, data_dir)


def load_narratives(table: str, data_dir: Path | str | None = None) -> pd.DataFrame:
    """One table of the coded TIP Report narratives (codebook: data/README.md, "Narratives").

    Parameters
    ----------
    table : {"findings", "recommendations", "figures", "coverage", "sources", "codes", \
"domains", "crosswalk", "agreement"}
        ``findings``: country x report year x domain -> direction; ``recommendations``: coded
        prioritized recommendations with English and Arabic summaries; ``figures``: numbers
        the narratives state; ``coverage``: what was coded per country-year and why;
        ``codes``/``domains``: the codebook; ``crosswalk``: codes -> strategy aims (the
        project's judgement); ``agreement``: inter-coder agreement.

    Examples
    --------
    >>> recs = load_narratives("recommendations")                       # doctest: +SKIP
    >>> recs.query("iso3 == 'KWT'")["report_year"].max()                 # doctest: +SKIP
    2024
    """
    if table not in NARRATIVE_TABLES:
        raise ValueError(f"table must be one of {', '.join(NARRATIVE_TABLES)}, not {table!r}")
    return load_table(f"narratives/{table}.csv", data_dir)


def load_countries(data_dir: Path | str | None = None) -> pd.DataFrame:
    """Reference list of countries: ISO codes, English/Arabic names, region, GCC flag.

    Examples
    --------
    >>> load_countries().set_index("iso3").loc["KWT", "name_ar"]   # doctest: +SKIP
    'الكويت'
    """
    return load_table(COUNTRIES, data_dir)


def load_aliases(data_dir: Path | str | None = None) -> pd.DataFrame:
    """Alternative country names seen in sources, mapped to ISO3.

    Examples
    --------
    >>> load_aliases().set_index("alias").loc["Burma", "iso3"]   # doctest: +SKIP
    'MMR'
    """
    return load_table(ALIASES, data_dir)


def load_boundaries(data_dir: Path | str | None = None):
    """Country boundaries (Natural Earth 1:50m admin-0) as a GeoDataFrame in EPSG:4326.

    Geometries are repaired with ``shapely.make_valid`` (the antimeridian crossers are invalid
    as shipped), features sharing an ISO numeric code are dissolved (Australia with Ashmore
    and Cartier Is., ``036``), and ISO3 comes from ``reference/countries.csv`` through
    ``iso_numeric``; Kosovo, which has no numeric code, is matched by name to ``XKX``.
    Features with neither (Somaliland, N. Cyprus ...) are kept with ``iso3`` missing.

    Returns
    -------
    GeoDataFrame
        ``iso3, iso_numeric, name, geometry``; one row per feature (after dissolving).

    Examples
    --------
    >>> world = load_boundaries()                        # doctest: +SKIP
    >>> {"BHR", "SGP", "KWT"} <= set(world["iso3"])      # doctest: +SKIP
    True
    """
    import geopandas as gpd
    import shapely

    root = _dir(data_dir)
    res = _resource_for(validate.read_descriptor(root), BOUNDARIES)
    validate.verify_resource(root, res)
    gdf = gpd.read_file(root / res["path"], layer="countries", engine="pyogrio")
    gdf = gdf.set_crs("EPSG:4326", allow_override=True)
    # Only the few invalid features are repaired; make_valid returns valid ones unchanged.
    # In this file the features crossing the antimeridian (Russia, Fiji, and Antarctica, which
    # split_antimeridian leaves alone) are exactly the invalid ones: they are cut there first,
    # or a flat map draws them as bands (a test checks no other feature spans the map).
    geoms = gdf.geometry.to_numpy().copy()
    invalid = ~shapely.is_valid(geoms)
    geoms[invalid] = shapely.make_valid([split_antimeridian(g) for g in geoms[invalid]])
    gdf["geometry"] = geoms
    ids = gdf["id"].astype("str") if "id" in gdf.columns else pd.Series(pd.NA, index=gdf.index)
    # Features without a code are grouped by their own name, so none is merged with another.
    gdf["_key"] = ids.where(ids.notna(), "name:" + gdf["name"].astype(str))
    gdf["iso_numeric"] = ids
    dissolved = _dissolve_duplicates(gdf, "_key")
    countries = load_countries(root)
    by_numeric = countries.dropna(subset=["iso_numeric"]).set_index("iso_numeric")["iso3"]
    iso3 = dissolved["iso_numeric"].map(by_numeric)
    iso3 = iso3.where(~dissolved["name"].eq("Kosovo"), "XKX")
    dissolved["iso3"] = iso3.astype("str")
    out = dissolved[["iso3", "iso_numeric", "name", "geometry"]]
    return gpd.GeoDataFrame(out, geometry="geometry", crs="EPSG:4326")


def split_antimeridian(geom: Any) -> Any:
    """Cut the parts of a (multi)polygon whose rings jump across the 180° meridian.

    World-atlas TopoJSON (for spherical renderers) lets a ring run from 179° to -179°
    (Chukotka, Fiji); on a flat map such a ring spans the whole width. Its longitudes are
    unwrapped to a continuous range, the polygon is cut at 180° and the eastern piece moved
    back by 360°. Rings that reach a pole (Antarctica) enclose it and are left as they are.

    Examples
    --------
    >>> from shapely import Polygon
    >>> fiji = Polygon([(179, -16), (-179, -16), (-179, -17), (179, -17)])
    >>> sorted(round(g.bounds[0]) for g in split_antimeridian(fiji).geoms)
    [-180, 179]
    """
    import numpy as np
    import shapely
    from shapely.affinity import translate
    from shapely.geometry import MultiPolygon, Polygon, box

    def crosses(ring: Any) -> bool:
        xy = np.asarray(ring.coords)
        return bool(np.abs(np.diff(xy[:, 0])).max() > 180 and np.abs(xy[:, 1]).max() < 89.9)

    def unwrap(ring: Any) -> np.ndarray:
        xy = np.asarray(ring.coords).copy()
        xy[xy[:, 0] < 0, 0] += 360
        return xy

    parts = list(geom.geoms) if isinstance(geom, MultiPolygon) else [geom]
    out = []
    for poly in parts:
        if not isinstance(poly, Polygon) or not crosses(poly.exterior):
            out.append(poly)
            continue
        shifted = shapely.make_valid(Polygon(unwrap(poly.exterior),
                                             [unwrap(r) for r in poly.interiors]))
        west = shifted.intersection(box(-180, -90, 180, 90))
        east = translate(shifted.intersection(box(180, -90, 540, 90)), xoff=-360)
        out += [g for piece in (west, east) for g in getattr(piece, "geoms", [piece])
                if isinstance(g, Polygon) and not g.is_empty]
    return MultiPolygon(out) if len(out) > 1 else out[0]


def _dissolve_duplicates(gdf, key: str):
    """``gdf.dissolve(by=key, aggfunc="first", sort=False)`` with the index reset.

    Only keys on several rows are unioned (one, Australia's ``036``, in the shipped file):
    dissolving the whole frame ran a union per feature, the slowest step of the loader.
    Single rows are kept as they are (a union would only rewrite the same shape).
    """
    import shapely

    dup = gdf[key].duplicated(keep=False).to_numpy()
    if not dup.any():
        return gdf.drop(columns=key).reset_index(drop=True)
    groups = gdf[dup].groupby(key, sort=False)
    merged = groups.first()  # first non-missing value of each column, as dissolve does
    merged["geometry"] = [shapely.union_all(g.geometry.to_numpy()) for _, g in groups]
    # Each group takes the place of its first row, as in dissolve(sort=False).
    keep = ~gdf[key].duplicated(keep="first").to_numpy()
    out = gdf[keep].copy()
    firsts = dup[keep]
    for col in merged.columns:
        out.loc[firsts, col] = merged.loc[out.loc[firsts, key], col].to_numpy()
    return out.drop(columns=key).reset_index(drop=True)


def __dir__() -> list[str]:
    # Tab completion shows the public API only, not pd, np or helpers.
    return list(__all__)
