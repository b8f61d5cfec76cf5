"""Tests of the TVPA Watch List rule engine (``tiers.watchlist_status``).

Histories named XX* are synthetic, written for these tests; the others come from the shipped
tier data (``shipped_panel``).
"""

from __future__ import annotations

import pandas as pd
import pytest

from test_tiers import shipped_panel
from tipanalysis.tiers import TIER_DTYPE, WATCHLIST_RULES, watchlist_status


def _history(iso3: str, tiers: dict[int, str | None], waivers: tuple[int, ...] = ()):
    years = sorted(tiers)
    return pd.DataFrame({
        "iso3": pd.Series([iso3] * len(years), dtype="str"),
        "report_year": years,
        "tier": pd.Categorical([tiers[y] for y in years], dtype=TIER_DTYPE),
        "waiver": [y in waivers for y in years],
    })


def _by_year(status: pd.DataFrame) -> pd.DataFrame:
    return status.set_index("report_year")


def _rule_for(year: int) -> pd.Series:
    hits = WATCHLIST_RULES[(WATCHLIST_RULES.first_report_year <= year)
                           & (WATCHLIST_RULES.last_report_year >= year)]
    assert len(hits) == 1, year
    return hits.iloc[0]


@pytest.mark.parametrize(("year", "rule", "free", "waivable", "special_f"), [
    # No automatic downgrade before the 2009 report (State memoranda: "starting with the 2009
    # TIP Report").
    (2001, "pre-2009", None, None, False),
    (2008, "pre-2009", None, None, False),
    # Pub. L. 110-457 sec. 107(a): Tier 3 after 2 years, waivable "for up to two years".
    (2009, "tvpra-2008", 2, 2, False),
    (2018, "tvpra-2008", 2, 2, False),
    # From the 2019 report: waiver for "the following year" only, and subparagraph (F).
    (2019, "tvpra-2019", 2, 1, True),
    (2030, "tvpra-2019", 2, 1, True),
])
def test_rule_table_by_report_year(year, rule, free, waivable, special_f):
    r = _rule_for(year)
    assert r["rule"] == rule
    if free is None:
        assert pd.isna(r.max_consecutive_without_waiver) and pd.isna(r.max_waiver_years)
    else:
        assert (r.max_consecutive_without_waiver, r.max_waiver_years) == (free, waivable)
    assert bool(r.special_f) is special_f


def test_rule_table_covers_every_year_and_cites_its_sources():
    for y in range(2001, 2031):
        _rule_for(y)
    for cites in WATCHLIST_RULES["citation"]:
        urls = [c.split(" ")[0] for c in cites.split("; ")]
        assert urls and all(u.startswith(("https://", "http://")) for u in urls), cites
    by_rule = WATCHLIST_RULES.set_index("rule")["citation"]
    # The 2009-2018 numbers rest on State's memoranda, the 2019 row on the 2019 memorandum
    # and on the text of subparagraph (F) (Pub. L. 115-425 sec. 203).
    assert "state.gov/j/tip/rls/other/2013/211579.htm" in by_rule["tvpra-2008"]
    assert "as-amended-tvpa/" in by_rule["tvpra-2019"]
    assert "comps-15350/sec-203" in by_rule["tvpra-2019"]
    assert WATCHLIST_RULES["basis"].str.len().gt(0).all()


def test_two_years_trigger_the_automatic_downgrade():
    s = _by_year(watchlist_status(_history("XXA", {2009: "2WL", 2010: "2WL"})))
    assert s["wl_consecutive"].tolist() == [1, 2]
    assert s["auto_downgrade_next"].tolist() == [False, True]
    assert not s["waiver_needed"].any()
    assert s.loc[2010, "waivers_remaining"] == 2
    assert s.loc[2010, "rule"] == "tvpra-2008"


def test_third_year_without_sourced_waiver_infers_one():
    s = _by_year(watchlist_status(_history("XXB", dict.fromkeys(range(2009, 2012), "2WL"))))
    assert s.loc[2011, "waiver_needed"]
    assert s.loc[2011, "waiver_inferred"]
    assert not s.loc[2011, "waiver_used"]
    assert s.loc[2011, "waivers_remaining"] == 1


def test_sourced_waiver_is_not_inferred():
    s = _by_year(watchlist_status(
        _history("XXB", dict.fromkeys(range(2009, 2012), "2WL"), waivers=(2011,))))
    assert s.loc[2011, "waiver_used"]
    assert not s.loc[2011, "waiver_inferred"]
    assert pd.isna(s.loc[2011, "note"])


def test_fourth_year_exhausts_waivers_and_a_fifth_is_flagged():
    s = _by_year(watchlist_status(_history("XXC", dict.fromkeys(range(2009, 2014), "2WL"))))
    assert s.loc[2012, "wl_consecutive"] == 4
    assert s.loc[2012, "waivers_remaining"] == 0
    assert s.loc[2012, "auto_downgrade_next"]
    assert "no waiver left" in s.loc[2012, "note"]
    assert "impossible" in s.loc[2013, "note"]
    assert "impossible" not in str(s.loc[2012, "note"])


def test_years_before_2009_do_not_count():
    s = _by_year(watchlist_status(_history("XXD", dict.fromkeys(range(2006, 2011), "2WL"))))
    assert s.loc[[2006, 2007, 2008], "wl_consecutive"].tolist() == [0, 0, 0]
    assert s.loc[2008, "rule"] == "pre-2009"
    assert s.loc[[2009, 2010], "wl_consecutive"].tolist() == [1, 2]
    assert s.loc[2010, "auto_downgrade_next"]
    assert not s.loc[2008, "auto_downgrade_next"]


def test_a_year_without_a_row_restarts_the_count():
    s = _by_year(watchlist_status(_history("XXE", {2009: "2WL", 2011: "2WL", 2012: "2WL"})))
    assert s["wl_consecutive"].tolist() == [1, 1, 2]
    assert "no row for 2010" in s.loc[2011, "note"]


def test_since_2019_one_waiver_year_only():
    s = _by_year(watchlist_status(_history("XXF", dict.fromkeys(range(2019, 2023), "2WL"))))
    assert s.loc[2021, "waiver_inferred"]
    assert s.loc[2021, "waivers_remaining"] == 0
    assert "impossible" in s.loc[2022, "note"]


def test_waivers_remaining_uses_the_rule_of_the_next_report():
    # Third year in 2018 (2008 rule: two waivers) but the 2019 report falls under the one-year
    # limit, so nothing is left for 2019.
    s = _by_year(watchlist_status(_history("XXG", dict.fromkeys(range(2016, 2019), "2WL"))))
    assert s.loc[2018, "waivers_remaining"] == 0
    assert s.loc[2017, "waivers_remaining"] == 2  # the 2018 report still allowed two


def test_subparagraph_f_after_waivers_and_downgrade():
    h = _history("XXH", {2016: "2WL", 2017: "2WL", 2018: "2WL", 2019: "3", 2020: "2WL",
                         2021: "2WL"}, waivers=(2018,))
    s = _by_year(watchlist_status(h))
    assert s.loc[2019, "f_next_run"]
    assert "automatic downgrade" in s.loc[2019, "note"]
    assert s.loc[2020, "f_limited"]
    assert s.loc[2020, "auto_downgrade_next"]
    assert s.loc[2020, "waivers_remaining"] == 0
    assert "impossible under (F)" in s.loc[2021, "note"]


def test_subparagraph_f_needs_a_waiver_year_in_the_earlier_run():
    # Two Watch List years, no waiver, then Tier 3: the later run is not limited by (F)
    # (the reading that fits The Gambia 2017-2021 and DR Congo 2015-2022, see the rule note).
    h = _history("XXI", {2016: "2WL", 2017: "2WL", 2018: "3", 2019: "2WL", 2020: "2WL"})
    s = _by_year(watchlist_status(h))
    assert not s["f_limited"].any()
    assert s.loc[2020, "auto_downgrade_next"]
    assert s.loc[2020, "waivers_remaining"] == 1


def test_run_straddling_2019_gets_one_waiver_year_under_the_new_rule():
    # 2017 and 2018 are the two waiver-free years (2008 rule); 2019 is the third year, the one
    # waiver year the 2019 rule allows; a fourth year (2020) needs a second waiver: impossible.
    s = _by_year(watchlist_status(_history("XXK", dict.fromkeys(range(2017, 2021), "2WL"))))
    assert s["wl_consecutive"].tolist() == [1, 2, 3, 4]
    assert s["rule"].tolist() == ["tvpra-2008", "tvpra-2008", "tvpra-2019", "tvpra-2019"]
    assert s["waiver_needed"].tolist() == [False, False, True, True]
    assert s.loc[2018, "waivers_remaining"] == 1  # the 2019 report allows one waiver year
    assert s.loc[2019, "waivers_remaining"] == 0
    assert "no waiver left" in s.loc[2019, "note"]
    assert "impossible" not in s.loc[2019, "note"]
    assert s.loc[2020, "note"].startswith(
        "impossible under tvpra-2019: Watch List year 4 needs 2 waiver years, at most 1")


def test_fourth_year_allowed_in_2018_is_impossible_in_2019():
    # The same four-year run is lawful when it ends in 2018 (two waiver years) but not in 2019.
    ok = _by_year(watchlist_status(_history("XXL", dict.fromkeys(range(2015, 2019), "2WL"))))
    assert ok.loc[2018, "wl_consecutive"] == 4
    assert ok["note"].fillna("").str.contains("impossible").sum() == 0
    bad = _by_year(watchlist_status(_history("XXL", dict.fromkeys(range(2016, 2020), "2WL"))))
    assert "impossible under tvpra-2019" in bad.loc[2019, "note"]


def test_subparagraph_f_is_not_in_force_before_2019():
    # China's pattern: waivers 2011-2012, Tier 3 in 2013, back on the Watch List 2014-2016.
    tiers = {**dict.fromkeys(range(2009, 2013), "2WL"), 2013: "3",
             **dict.fromkeys(range(2014, 2017), "2WL")}
    s = _by_year(watchlist_status(_history("XXM", tiers)))
    assert s.loc[2013, "f_next_run"]  # the history qualifies ...
    assert not s["f_limited"].any()  # ... but (F) only binds runs from the 2019 report on
    assert s.loc[2014:2016, "wl_consecutive"].tolist() == [1, 2, 3]
    assert s.loc[2016, "waiver_needed"] and s.loc[2016, "waivers_remaining"] == 1
    assert "automatic downgrade" in s.loc[2013, "note"]


def test_subparagraph_f_binds_only_the_first_run_after_the_downgrade():
    # Uzbekistan's pattern: waivers 2011-2012, Tier 3 2013-2014, one Watch List year (2015),
    # Tier 3 2016-2017, then Watch List 2018-2020 with a waiver in 2020 (State memorandum for
    # the 2020 report). The 2018-2020 run is judged on the 2015 run (no waiver): no (F).
    tiers = {**dict.fromkeys(range(2009, 2013), "2WL"), 2013: "3", 2014: "3", 2015: "2WL",
             2016: "3", 2017: "3", **dict.fromkeys(range(2018, 2021), "2WL")}
    s = _by_year(watchlist_status(_history("XXN", tiers)))
    assert not s["f_limited"].any()
    assert not s.loc[2017, "f_next_run"]
    assert s.loc[2020, "wl_consecutive"] == 3 and s.loc[2020, "waiver_needed"]
    assert s["note"].fillna("").str.contains("impossible").sum() == 0


def test_waiver_on_a_row_that_does_not_need_one_is_flagged():
    s = _by_year(watchlist_status(_history("XXJ", {2010: "2WL", 2011: "2WL"}, waivers=(2010,))))
    assert "does not require" in s.loc[2010, "note"]


# --- shipped history --------------------------------------------------------------------------


@pytest.fixture(scope="module")
def shipped_status():
    return watchlist_status(shipped_panel())


def test_kuwait_history(shipped_status):
    kwt = _by_year(shipped_status[shipped_status.iso3 == "KWT"])
    # 2016-2018 on the Watch List with the 2018 waiver stated by the 2018 narrative and the
    # 2018 memorandum (both recorded in the panel's waiver column).
    assert kwt.loc[2016:2018, "wl_consecutive"].tolist() == [1, 2, 3]
    assert kwt.loc[2018, "waiver_used"] and not kwt.loc[2018, "waiver_inferred"]
    assert kwt.loc[2017, "auto_downgrade_next"]
    # 2022-2024 on the Watch List with the 2024 waiver (2024 narrative / CIA Factbook / 2024
    # memorandum).
    assert kwt.loc[2022:2024, "wl_consecutive"].tolist() == [1, 2, 3]
    assert kwt.loc[2024, "waiver_used"] and not kwt.loc[2024, "waiver_inferred"]
    assert kwt.loc[2024, "waivers_remaining"] == 0
    assert kwt.loc[2025, "wl_consecutive"] == 0
    assert not kwt.loc[2025, "f_next_run"]
    assert kwt["note"].fillna("").str.contains("impossible").sum() == 0


def test_saudi_arabia_history(shipped_status):
    sau = _by_year(shipped_status[shipped_status.iso3 == "SAU"])
    # 2015-2018 on the Watch List, waivers stated for 2017 and 2018, Tier 3 in 2019.
    assert sau.loc[2017, "waiver_used"] and sau.loc[2017, "wl_consecutive"] == 3
    assert sau.loc[2018, "waiver_used"] and sau.loc[2018, "wl_consecutive"] == 4
    assert "automatic downgrade" in sau.loc[2019, "note"]
    # Back on the Watch List in 2020 after waivers and a downgrade: (F) allows one year.
    assert sau.loc[2020, "f_limited"]
    assert sau.loc[2021, "tier"] == "2"


def test_shipped_panel_has_no_watch_list_year_the_rule_forbids(shipped_status):
    flagged = shipped_status[shipped_status["note"].fillna("").str.contains("impossible")]
    assert flagged.empty, flagged[["iso3", "report_year", "note"]]
    # Fourth consecutive counted years exist only while two waiver years were allowed.
    fourth = shipped_status[shipped_status.wl_consecutive == 4]
    assert fourth.report_year.between(2012, 2018).all()
    assert len(fourth) >= 30
    assert shipped_status.wl_consecutive.max() == 4
    assert shipped_status.loc[shipped_status.report_year >= 2019, "wl_consecutive"].max() == 3
    # Every (F)-limited run ended after one year.
    nxt = shipped_status.groupby("iso3")["tier"].shift(-1)
    f_rows = shipped_status.f_limited
    assert f_rows.sum() >= 10
    assert not (nxt[f_rows] == "2WL").any()


# Waivers the State Department granted, by report year, from its waiver determinations and
# memoranda of justification (URLs in docs/watchlist_rule.md, section 5). Hong Kong 2018 was
# "contingent on resolution of the split recommendations"; the 2021 list is truncated in the
# stored copy after "Marshall Islands".
STATE_WAIVERS = {
    2013: "AFG AGO BRB BLR BDI TCD COM GMB LBR MYS MDV THA",
    2014: "AGO BHR BLR MMR BDI COM DJI HTI KEN LBN NAM SSD SUR TKM",
    2015: "MMR KHM DJI GIN GUY HTI LBN LSO MLI NAM SLB SUR LKA TUN TZA TKM UKR",
    2018: "CUB KWT NER SAU SEN SWZ HKG",
    2019: "DZA BGD HUN IRQ LBR MNE NIC",
    2020: "BIH FJI GNB KGZ MYS MDV SDN UZB",
    2021: "AZE BRB BLZ BRN KHM CUW MHL",
    2023: "HTI ZAF TTO",
    2024: "GAB KWT MDG SRB",
}


def test_state_waivers_fall_on_years_the_rule_says_need_one(shipped_status):
    idx = shipped_status.set_index(["iso3", "report_year"])
    pairs = [(c, y) for y, cs in STATE_WAIVERS.items() for c in cs.split()]
    assert len(pairs) == 79
    not_needed = {p for p in pairs if p not in idx.index or not idx.loc[p, "waiver_needed"]}
    # South Sudan: waived in 2014, but the panel has no row for 2012 or 2013 (South Sudan's
    # first reports), so the engine sees a first Watch List year. A data gap, reported.
    assert not_needed == {("SSD", 2014)}
    assert idx.loc[("SSD", 2014), "wl_consecutive"] == 1
    # The build records every one of them in the panel's waiver column (scripts/build_data.py,
    # STATE_MEMORANDA), so none is left to inference; South Sudan 2014 is the one sourced waiver
    # the engine flags as not required.
    assert all(idx.loc[p, "waiver_used"] and not idx.loc[p, "waiver_inferred"] for p in pairs)
    assert "does not require" in idx.loc[("SSD", 2014), "note"]
    # Under the 2008 rule a country could be waived twice (2014 and 2015: fourth year) ...
    twice = set(STATE_WAIVERS[2014].split()) & set(STATE_WAIVERS[2015].split())
    assert twice == {"MMR", "DJI", "HTI", "LBN", "NAM", "SUR", "TKM"}
    assert all(idx.loc[(c, 2015), "wl_consecutive"] == 4 for c in twice)
    # ... from the 2019 report on, a waived country is never on the Watch List the next year.
    for y, cs in STATE_WAIVERS.items():
        if y >= 2019:
            for c in cs.split():
                nxt = idx["tier"].get((c, y + 1))
                assert nxt is None or pd.isna(nxt) or nxt != "2WL", (c, y)


def test_sourced_and_inferred_waivers_on_the_shipped_panel(shipped_status):
    # Before the memoranda were recorded, 10 waivers were sourced (notes only) against 135
    # inferred. The memoranda added 79 (5 already note-stated): 84. The waiver review of
    # 2026-12-05 (tiers/waiver_review.csv) found 43 more stated in narratives, a memorandum
    # or a Factbook summary: 127 sourced. Of the 145 Watch List years that need a waiver,
    # 126 are sourced; the 127th sourced one is South Sudan 2014 (data gap above). The 19 still
    # inferred are exactly the review's 10 implied waivers and 9 named gaps.
    s = shipped_status
    assert int(s["waiver_needed"].sum()) == 145
    assert int(s["waiver_used"].sum()) == 127
    assert int((s["waiver_used"] & s["waiver_needed"]).sum()) == 126
    assert int(s["waiver_inferred"].sum()) == 19
    assert (s["waiver_inferred"] == (s["waiver_needed"] & ~s["waiver_used"])).all()
    inferred = s.loc[s["waiver_inferred"]].groupby("report_year").size().to_dict()
    assert inferred == {2011: 7, 2012: 5, 2016: 6, 2017: 1}


def test_first_automatic_downgrades_in_2013(shipped_status):
    # The count starts with the 2009 report: 2009-2010 waiver-free, 2011-2012 waived, Tier 3
    # in 2013 for China, Russia and Uzbekistan. Counting from 2010 would have allowed 2013.
    for c in ("CHN", "RUS", "UZB"):
        h = _by_year(shipped_status[shipped_status.iso3 == c])
        assert h.loc[2008, "wl_consecutive"] == 0, c
        assert h.loc[2009:2012, "wl_consecutive"].tolist() == [1, 2, 3, 4], c
        assert h.loc[2011:2012, "waiver_needed"].all(), c
        assert h.loc[2013, "tier"] == "3", c
        assert "automatic downgrade" in h.loc[2013, "note"], c


def test_algeria_history(shipped_status):
    # Waiver 2019 (State memorandum; the panel's waiver column agrees), Tier 3 2020-2021, one
    # (F)-limited Watch List year 2022, Tier 3 2023, then 2024-2025 judged on the 2022 run.
    dza = _by_year(shipped_status[shipped_status.iso3 == "DZA"])
    assert dza.loc[2019, "waiver_used"] and dza.loc[2019, "wl_consecutive"] == 3
    assert dza.loc[2022, "f_limited"] and dza.loc[2023, "tier"] == "3"
    assert not dza.loc[2024:2025, "f_limited"].any()
    assert dza.loc[2025, "wl_consecutive"] == 2 and dza.loc[2025, "auto_downgrade_next"]
