"""Tests of ``tipanalysis.impact.design_schedule`` (pre-specified designs).

Expected values are worked out by hand in the comments; the last tests use the shipped data.
"""

from __future__ import annotations

import pytest

from tipanalysis import countries, data
from tipanalysis import impact as im

COLUMNS = ["report_year", "design", "n_pre", "n_post", "min_pre", "min_post", "estimable",
           "missing_pre", "needs"]


def test_every_year_observed():
    # Tiers 2003-2025, strategy first assessed in 2026: 23 pre years (2003..2025); the post run
    # is 2026..Y, i.e. 1, 2, 3 periods for reports 2026, 2027, 2028.
    s = im.design_schedule(2026, 2025, [2026, 2027, 2028],
                           observed_years={"tiers": range(2003, 2026)}, min_pre=3, min_post=2)
    assert list(s.columns) == COLUMNS
    assert s["n_pre"].tolist() == [23, 23, 23]
    assert s["n_post"].tolist() == [1, 2, 3]
    assert s["estimable"].tolist() == [False, True, True]
    assert s["missing_pre"].tolist() == ["", "", ""]
    assert s.loc[0, "needs"] == "a value in each report 2026; 1 more post-period report(s)"
    assert s.loc[2, "needs"] == "a value in each report 2026-2028"


def test_sparse_series_needs_the_years_before_the_intervention():
    # Values in 2014, 2015, 2017, 2023 only: 2025 is missing, so the pre run is empty. With
    # min_pre=3 the window is 2023..2025: 2024 and 2025 must be found; with 4, also 2022.
    obs = {"count": [2014, 2015, 2017, 2023]}
    s = im.design_schedule(2026, 2025, [2028], observed_years=obs, min_pre=3, min_post=2)
    row = s.iloc[0]
    assert (row["n_pre"], row["n_post"], bool(row["estimable"])) == (0, 3, False)
    assert row["missing_pre"] == "2024, 2025"
    assert row["needs"] == ("values for 2024, 2025 (pre-period); "
                            "a value in each report 2026-2028")
    s4 = im.design_schedule(2026, 2025, [2028], observed_years=obs, min_pre=4)
    assert s4.loc[0, "missing_pre"] == "2022, 2024, 2025"


def test_filled_pre_years_make_it_estimable():
    # 2023, 2024, 2025 observed: a pre run of 3 (it stops at the 2022 gap).
    s = im.design_schedule(2026, 2025, [2027], observed_years={"c": [2017, 2023, 2024, 2025]})
    assert (int(s.loc[0, "n_pre"]), int(s.loc[0, "n_post"])) == (3, 2)
    assert bool(s.loc[0, "estimable"]) is True


def test_retrospective_rows_count_only_observed_post_years():
    # Law first assessed in 2013, data through 2025 with 2016 missing: pre run 2003..2012 = 10;
    # post run 2013, 2014, 2015 then the 2016 gap stops it, for reports 2015 and 2017 alike.
    years = [y for y in range(2003, 2026) if y != 2016]
    s = im.design_schedule(2013, 2025, [2013, 2015, 2017], observed_years={"t": years},
                           min_pre=3, min_post=2)
    assert s["n_pre"].tolist() == [10, 10, 10]
    assert s["n_post"].tolist() == [1, 3, 3]
    assert s["estimable"].tolist() == [False, True, True]
    assert s.loc[2, "needs"] == "values for 2016 (post-period)"
    assert s.loc[0, "needs"] == "1 more post-period report(s)"


def test_thresholds_per_design_and_row_order():
    obs = {"its": range(2003, 2026), "did": range(2005, 2026)}
    s = im.design_schedule(2026, 2025, [2026, 2027], observed_years=obs,
                           min_pre={"its": 3, "did": 2}, min_post={"its": 2, "did": 1})
    assert s[["report_year", "design"]].values.tolist() == [
        [2026, "its"], [2026, "did"], [2027, "its"], [2027, "did"]]
    assert s["n_pre"].tolist() == [23, 21, 23, 21]
    assert s["estimable"].tolist() == [False, True, True, True]
    assert s["min_post"].tolist() == [2, 1, 2, 1]


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"observed_years": {"a": [2026]}}, "after the last observed year 2025"),
        ({"observed_years": {"a": [2020]}, "horizon": [2024]}, "before the intervention"),
        ({"observed_years": {"a": [2020]}, "min_pre": 0}, "at least 1"),
        ({"observed_years": {"a": [2020]}, "min_post": {"b": 1}}, "no value for design 'a'"),
    ],
)
def test_bad_input(kwargs, message):
    horizon = kwargs.pop("horizon", [2026])
    with pytest.raises(im.ImpactInputError, match=message):
        im.design_schedule(2026, 2025, horizon, **kwargs)


# ------------------------------------------------------------------ on the shipped data
def test_kuwait_schedule_on_shipped_data():
    panel = data.load_tiers()
    kwt = panel[(panel["iso3"] == "KWT") & panel["tier"].notna()]
    gcc = panel[panel["iso3"].isin(countries.gcc_members()) & panel["tier"].notna()]
    all_gcc = gcc.groupby("report_year")["iso3"].nunique()
    tip = data.load_enforcement(reported_by="tip_report")
    pros = tip[(tip["iso3"] == "KWT") & (tip["measure"] == "prosecutions")
               & tip["value"].notna()]
    obs = {"its": kwt["report_year"], "did": all_gcc.index[all_gcc == 6],
           "prosecutions": pros["report_year"]}
    # 2013's zero comes from the coded Factbook summary of the 2013 Report (narratives/)
    assert sorted(pros["report_year"].astype(int)) == [2013, 2014, 2015, 2017, 2023]
    s = im.design_schedule(2026, 2025, [2026, 2027, 2028], observed_years=obs,
                           min_pre={"its": 3, "did": 2, "prosecutions": 3},
                           min_post={"its": 2, "did": 1, "prosecutions": 2})
    last = s[s["report_year"] == 2028].set_index("design")
    # Kuwait ranked every year 2003-2025; all six GCC states ranked 2005-2025 (Oman from 2005).
    assert last.loc["its", "n_pre"] == 23
    assert last.loc["did", "n_pre"] == 21
    assert last.loc["prosecutions", "n_pre"] == 0
    assert last.loc["prosecutions", "missing_pre"] == "2024, 2025"
    assert last["n_post"].tolist() == [3, 3, 3]
    assert last["estimable"].tolist() == [True, True, False]
