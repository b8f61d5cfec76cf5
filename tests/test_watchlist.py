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


def test_rule_table_is_cited_and_covers_every_year():
    years = range(2001, 2031)
    for y in years:
        hits = WATCHLIST_RULES[(WATCHLIST_RULES.first_report_year <= y)
                               & (WATCHLIST_RULES.last_report_year >= y)]
        assert len(hits) == 1, y
    assert WATCHLIST_RULES["citation"].str.startswith("https://").all()
    post = WATCHLIST_RULES.set_index("rule").loc["tvpra-2017+fd-2018"]
    assert (post.max_consecutive_without_waiver, post.max_waiver_years, post.special_f) == (
        2, 1, True)


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


def test_waiver_on_a_row_that_does_not_need_one_is_flagged():
    s = _by_year(watchlist_status(_history("XXJ", {2010: "2WL", 2011: "2WL"}, waivers=(2010,))))
    assert "does not require" in s.loc[2010, "note"]


# --- shipped history --------------------------------------------------------------------------


@pytest.fixture(scope="module")
def shipped_status():
    return watchlist_status(shipped_panel())


def test_kuwait_history(shipped_status):
    kwt = _by_year(shipped_status[shipped_status.iso3 == "KWT"])
    # 2016-2018 on the Watch List with the 2018 waiver stated by the 2018 narrative.
    assert kwt.loc[2016:2018, "wl_consecutive"].tolist() == [1, 2, 3]
    assert kwt.loc[2018, "waiver_used"] and not kwt.loc[2018, "waiver_inferred"]
    assert kwt.loc[2017, "auto_downgrade_next"]
    # 2022-2024 on the Watch List with the 2024 waiver (2024 narrative / CIA Factbook).
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
