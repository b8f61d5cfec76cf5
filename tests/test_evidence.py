"""Analyses of the coded narratives (tipanalysis.evidence) and their sentences.

Expected values for Kuwait were counted by hand from data/narratives/recommendations.csv:
prioritized recommendations were coded for the 2019, 2020, 2021, 2023 and 2024 reports (2022's
list was not found); "prosecute under the anti-trafficking law" was asked in 2019, 2020, 2021
and 2023; the 2024 list (a press summary) holds only the national action plan and awareness.
"""

from __future__ import annotations

import pandas as pd
import pytest

from tipanalysis import data, evidence, tiers
from tipanalysis.core import arabic
from tipanalysis.viz import sentences


@pytest.fixture(scope="module")
def recs() -> pd.DataFrame:
    return data.load_narratives("recommendations")


def test_kuwait_tracker_since_2019(recs):
    tracker = evidence.recommendation_tracker(recs, "KWT", since=2019).set_index("code")
    row = tracker.loc["prosecute_tip_law"]
    assert (row["first_year"], row["last_year"], row["years_asked"], row["years_coded"]) == (
        2019, 2023, 4, 5)
    assert not row["in_latest"]
    assert row["longest_run"] == 3  # 2019, 2020, 2021; 2022 not coded ends the run
    assert set(tracker.index[tracker["in_latest"]]) == {"national_action_plan", "awareness"}
    assert evidence.latest_year(recs, "KWT") == 2024


def test_uncoded_year_breaks_a_run_but_is_not_counted_as_not_asked():
    recs = pd.DataFrame({"iso3": ["XXA"] * 4, "report_year": [2019, 2020, 2022, 2023],
                         "code": ["a"] * 4, "rank": [1] * 4})  # SYNTHETIC; 2021 not coded
    row = evidence.recommendation_tracker(recs, "XXA").iloc[0]
    assert (row["years_asked"], row["years_coded"], row["longest_run"]) == (4, 4, 2)
    assert row["share"] == 1.0


def test_crosswalk_of_kuwaits_latest_asks(recs):
    crosswalk = data.load_narratives("crosswalk")
    asks = evidence.crosswalk_for(recs, crosswalk, "KWT")
    assert set(asks["code"]) == {"national_action_plan", "awareness"}
    assert asks["answered"].all()
    assert set(asks["aim"]) == {"A5", "A8"}
    # sponsorship reform (asked in 2023) finds no aim: the strategy does not answer it
    asks23 = evidence.crosswalk_for(recs, crosswalk, "KWT", 2023).set_index("code")
    assert not asks23.loc["sponsorship_reform", "answered"]
    assert asks23.loc["nrm_implement", "aim"] == "A2"


def test_findings_matrix_follows_codebook_order():
    findings = data.load_narratives("findings")
    domains = data.load_narratives("domains")
    matrix = evidence.findings_matrix(findings, "KWT", domains=domains)
    assert matrix.index[0] == "Investigations" and matrix.index[-1] == "Overall increasing efforts"
    assert matrix.loc["Overall increasing efforts", 2019] == "yes"
    assert matrix.loc["Overall increasing efforts", 2023] == "no"
    assert matrix.loc["Convictions", 2023] == "none"


def test_watchlist_clock_for_kuwait_2024():
    status = tiers.watchlist_status(data.load_tiers())
    upto = status[status["report_year"] <= 2024]
    clock = evidence.watchlist_clock(upto, "KWT")
    assert (clock["report_year"], clock["wl_consecutive"], clock["waivers_used"],
            clock["auto_downgrade_next"]) == (2024, 3, 1, True)
    text = sentences.watchlist_clock_sentence(clock, "KWT", "الكويت", "ar")
    assert text.startswith("أمضت الكويت على قائمة المراقبة من الفئة الثانية ثلاثة أعوام متتالية")
    assert "استنفدت الإعفاء المتاح" in text and "2025" in text
    now = evidence.watchlist_clock(status, "KWT")
    assert (now["report_year"], now["wl_consecutive"]) == (2025, 0)


def test_enforcement_side_by_side_never_sums_reporters():
    side = evidence.enforcement_side_by_side(data.load_enforcement(), "KWT")
    gov = side[(side["reported_by"] == "government")
               & (side["period_end"].astype(str).str.startswith("2023-12-31"))]
    assert gov["prosecutions [persons]"].tolist() == [162.0]
    tip = side[side["reported_by"] == "tip_report"].set_index(
        pd.to_datetime(side.loc[side["reported_by"] == "tip_report", "period_end"]).dt.year)
    assert tip.loc[2017, "prosecutions [persons]"] == 15.0
    assert tip.loc[2023, "convictions [persons]"] == 0.0
    assert "prosecutions [unknown]" not in side or side["prosecutions [unknown]"].isna().all()


def test_next_report_evidence_says_where_data_is_missing(recs):
    from tipanalysis import strategy

    fw = strategy.load_framework()
    need = evidence.next_report_evidence(recs, data.load_narratives("crosswalk"), fw.indicators,
                                         strategy.load_observations(), "KWT", 2023)
    row = need[need["code"] == "sponsorship_reform"]
    assert row["indicator"].tolist() == [""] and not row["has_data"].any()
    prosecute = need[need["code"] == "prosecute_tip_law"].set_index("indicator")
    assert prosecute.loc["A1.1", "has_data"]  # government baseline (162 persons tried, 2023)


@pytest.mark.parametrize(("n", "noun", "case", "expected"), [
    (1, "دولة", "nom", "دولة واحدة"), (2, "مؤشر", "acc", "مؤشرين"), (3, "مؤشر", "nom",
                                                                      "ثلاثة مؤشرات"),
    (8, "دولة", "nom", "ثماني دول"), (12, "مؤشر", "nom", "12 مؤشراً"), (101, "مؤشر", "nom",
                                                                      "101 مؤشر"),
    (110, "دولة", "nom", "110 دول"), (111, "دولة", "nom", "111 دولة"),
])
def test_arabic_count_agreement(n, noun, case, expected):
    assert arabic.count_phrase(n, noun, case) == expected


def test_tracker_sentence_in_arabic_counts_reports():
    text = sentences.tracker_sentence("الملاحقة القضائية", 4, 5, 2023, "ar")
    assert text == ("دعا التقرير إلى الملاحقة القضائية في أربعة من تقاريره الخمسة التي "
                    "رُمِّزت توصياتها، وآخرها تقرير عام 2023.")
