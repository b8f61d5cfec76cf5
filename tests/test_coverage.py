"""Tests of tipanalysis.coverage.compute_coverage on small hand-made panels.

All panels here are SYNTHETIC (invented country-years for testing only); the expected counts
and completeness labels were worked out by hand from the rows written below.
"""

from __future__ import annotations

import pandas as pd
import pytest

from tipanalysis.coverage import COVERAGE_COLUMNS, compute_coverage, source_domain
from tipanalysis.errors import DataValidationError


def _panel(rows: list[tuple[str, int, str | None, str]]) -> pd.DataFrame:
    """SYNTHETIC placements: (iso3, report_year, tier or None, source_url)."""
    return pd.DataFrame({
        "iso3": [r[0] for r in rows],
        "report_year": [r[1] for r in rows],
        "tier": [r[2] for r in rows],
        "status": ["special" if r[2] is None else "ranked" for r in rows],
        "source_url": [r[3] for r in rows],
    })


def _official(rows: list[tuple[int, str, int]]) -> pd.DataFrame:
    return pd.DataFrame(rows, columns=["report_year", "measure", "value"])


# SYNTHETIC: 2030 has 4 rows and an official total of 4 -> complete;
# 2031 has 2 rows against 4 -> near-complete (2 missing); 2032 has 1 row against 5 -> partial;
# 2033 has 2 rows and no countries_assessed (only a tier1 count) -> unverified.
PANEL = _panel([
    ("AAA", 2030, "1", "https://www.example.org/a"),
    ("BBB", 2030, "2WL", "https://example.org/b"),
    ("CCC", 2030, "3", "http://news.example.net/c"),
    ("DDD", 2030, None, "https://example.org/d"),
    ("AAA", 2031, "2", "https://x.test/1"),
    ("BBB", 2031, "2", "https://x.test/2"),
    ("AAA", 2032, "2WL", "https://y.test/1"),
    ("AAA", 2033, "1", "https://z.test/1"),
    ("BBB", 2033, "1", "https://z.test/2"),
])
OFFICIAL = _official([
    (2030, "countries_assessed", 4), (2031, "countries_assessed", 4),
    (2032, "countries_assessed", 5), (2033, "tier1", 2), (2030, "tier1", 1),
])


def test_counts_per_tier_and_total():
    cov = compute_coverage(PANEL, OFFICIAL).set_index("report_year")
    assert list(cov.reset_index().columns) == list(COVERAGE_COLUMNS)
    row = cov.loc[2030]
    assert [int(row[c]) for c in ("n_tier1", "n_tier2", "n_tier2wl", "n_tier3", "n_special",
                                  "n_total")] == [1, 0, 1, 1, 1, 4]
    assert int(cov.loc[2031, "n_tier2"]) == 2
    assert int(cov.loc[2033, "n_total"]) == 2


def test_completeness_labels():
    cov = compute_coverage(PANEL, OFFICIAL).set_index("report_year")
    assert cov["completeness"].to_dict() == {
        2030: "complete", 2031: "near-complete", 2032: "partial", 2033: "unverified"}
    assert cov.loc[2032, "official_total"] == 5
    assert pd.isna(cov.loc[2033, "official_total"])  # a tier count is not a total


def test_sources_are_distinct_sorted_domains_without_www():
    cov = compute_coverage(PANEL, OFFICIAL).set_index("report_year")
    assert cov.loc[2030, "sources"] == "example.org;news.example.net"
    assert cov.loc[2033, "sources"] == "z.test"
    assert source_domain("https://WWW.Example.ORG/x?y=1") == "example.org"


def test_known_missing_lists_gaps_not_yet_filled():
    gaps = pd.DataFrame({"report_year": [2031, 2031, 2031, 2032],
                         "iso3": ["ZZZ", "CCC", "AAA", "QQQ"],
                         "note": ["synthetic"] * 4})
    cov = compute_coverage(PANEL, OFFICIAL, gaps).set_index("report_year")
    # AAA 2031 is in the panel, so it is no longer missing; the rest is sorted.
    assert cov.loc[2031, "known_missing"] == "CCC;ZZZ"
    assert cov.loc[2032, "known_missing"] == "QQQ"
    assert pd.isna(cov.loc[2030, "known_missing"])


def test_without_known_gaps_known_missing_is_empty():
    cov = compute_coverage(PANEL, OFFICIAL)
    assert cov["known_missing"].isna().all()


def test_year_with_official_total_but_no_rows_is_partial():
    cov = compute_coverage(PANEL, _official([(2029, "countries_assessed", 150)]))
    row = cov.set_index("report_year").loc[2029]
    assert int(row["n_total"]) == 0
    assert row["completeness"] == "partial"


def test_accepts_loader_dtypes():
    """Same answer from typed columns (ordered categorical tier, nullable years)."""
    typed = PANEL.copy()
    typed["tier"] = typed["tier"].astype(pd.CategoricalDtype(["1", "2", "2WL", "3"],
                                                             ordered=True))
    typed["report_year"] = typed["report_year"].astype("Int64")
    official = OFFICIAL.astype({"report_year": "Int64", "value": "Int64"})
    pd.testing.assert_frame_equal(compute_coverage(typed, official),
                                  compute_coverage(PANEL, OFFICIAL))


def test_duplicate_country_year_raises_naming_rows():
    panel = pd.concat([PANEL, PANEL.iloc[[0]]], ignore_index=True)
    with pytest.raises(DataValidationError) as err:
        compute_coverage(panel, OFFICIAL)
    rows = {p.row for p in err.value.problems}
    assert rows == {2, len(panel) + 1}
    assert "AAA" in str(err.value)


def test_unknown_tier_raises():
    panel = PANEL.copy()
    panel.loc[1, "tier"] = "2.5"
    with pytest.raises(DataValidationError, match=r"2\.5"):
        compute_coverage(panel, OFFICIAL)


def test_special_case_with_a_tier_raises():
    panel = PANEL.copy()
    panel.loc[0, "status"] = "special"
    with pytest.raises(DataValidationError, match="row 2"):
        compute_coverage(panel, OFFICIAL)


def test_more_rows_than_official_total_raises():
    with pytest.raises(DataValidationError, match="official total is 3"):
        compute_coverage(PANEL, _official([(2030, "countries_assessed", 3)]))


def test_duplicate_official_count_raises():
    official = pd.concat([OFFICIAL, OFFICIAL.iloc[[0]]], ignore_index=True)
    with pytest.raises(DataValidationError, match="duplicate"):
        compute_coverage(PANEL, official)


def test_missing_column_raises():
    with pytest.raises(DataValidationError, match="status"):
        compute_coverage(PANEL.drop(columns="status"), OFFICIAL)


def test_complete_only_when_every_row_is_sourced():
    # SYNTHETIC (issue 13): 2030 has all 4 rows of its official total; with one row inferred it
    # is 'inferred', not 'complete', and n_inferred counts it. No basis column: nothing is
    # inferred. A year short of its total keeps its label (2031 near-complete) and its count.
    basis = ["sourced", "inferred", "sourced", "sourced", "inferred", "sourced", "sourced",
             "sourced", "sourced"]
    cov = compute_coverage(PANEL.assign(basis=basis), OFFICIAL).set_index("report_year")
    assert cov["n_inferred"].to_dict() == {2030: 1, 2031: 1, 2032: 0, 2033: 0}
    assert cov["completeness"].to_dict() == {
        2030: "inferred", 2031: "near-complete", 2032: "partial", 2033: "unverified"}
    sourced = compute_coverage(PANEL.assign(basis="sourced"), OFFICIAL).set_index("report_year")
    assert sourced.loc[2030, "completeness"] == "complete"
    assert (sourced["n_inferred"] == 0).all()
    plain = compute_coverage(PANEL, OFFICIAL).set_index("report_year")
    assert (plain["n_inferred"] == 0).all() and plain.loc[2030, "completeness"] == "complete"


def test_shipped_coverage_is_complete_exactly_where_nothing_is_inferred():
    from tipanalysis import data

    cov = data.load_coverage().set_index("report_year")
    complete = cov.index[cov["completeness"] == "complete"].tolist()
    assert complete == [2021]  # the only year read row by row against its official total
    assert (cov.loc[complete, "n_inferred"] == 0).all()
    with_total = cov[cov["official_total"].notna() & (cov["n_total"] == cov["official_total"])]
    assert (with_total["completeness"] == "complete").eq(with_total["n_inferred"] == 0).all()
    assert cov.loc[2025, "n_inferred"] == 79 and cov.loc[2025, "completeness"] == "inferred"
