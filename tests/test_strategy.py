"""Tests of the Strategy 2025-2028 monitor: framework, data entry, progress, roll-up, review.

Every figure typed into a test below is ILLUSTRATIVE (made up to exercise the code), except the
cited baselines read from the shipped framework (e.g. 162 persons tried, Apr-Dec 2023).
"""

from __future__ import annotations

import copy
import json
import math
import shutil
from pathlib import Path

import openpyxl
import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from tipanalysis import cli, paths, strategy
from tipanalysis.errors import DataValidationError
from tipanalysis.i18n import t
from tipanalysis.viz.tables import _strand_names

SHARED_TIMELINE = paths.REPO_DIR / "data" / "snapshots" / "kuwait" / "timeline.csv"
PUBLISHED_AIMS_AR = [
    "تفعيل الأدوات القانونية والتنظيمية",
    "تفعيل نظام شامل للإحالة الوطنية",
    "تحسين قدرة الجهات التنفيذية",
    "تعزيز الرقابة والإشراف",
    "رفع مستوى الشفافية",
    "توحيد الإحصاءات",
    "رفع مستوى التعاون الدولي",
    "التوعية المجتمعية",
    "تحسين تصنيف الكويت الدولي",
]


@pytest.fixture
def data_dir(tmp_path):
    """A private copy of data/strategy, so imports never touch the shipped files."""
    root = tmp_path / "data"
    shutil.copytree(paths.data_dir() / "strategy", root / "strategy")
    return root


@pytest.fixture(scope="module")
def fw():
    return strategy.load_framework()


def raw_framework():
    return json.loads((paths.data_dir() / strategy.FRAMEWORK_FILE).read_text(encoding="utf-8"))


def problem_cells(exc: DataValidationError) -> set[tuple]:
    return {(p.row, p.column) for p in exc.problems}


# --------------------------------------------------------------------------- framework


def test_shipped_framework_holds_the_published_aims_and_strands(fw):
    assert fw.strands["id"].tolist() == ["prevention", "protection", "accountability",
                                         "coordination"]
    assert fw.aims["name_ar"].tolist() == PUBLISHED_AIMS_AR
    assert (fw.aims["status"] == "published").all()
    assert (fw.aims["strand_status"] == "proposed").all()  # the aim->strand map is ours
    assert fw.strategy["start_year"] == 2025 and fw.strategy["end_year"] == 2028
    assert fw.strategy["title_en"] == "Towards Protecting Rights and Promoting Justice"


def test_shipped_catalogue_is_honest(fw):
    ind = fw.indicators
    assert ind.groupby("aim").size().between(1, 3).all()
    assert set(ind["aim"]) == set(fw.aims["id"])
    assert (ind["status"] == "proposed").all()  # no indicator has been published
    assert ind["target_value"].isna().all()  # no target has been set officially
    with_base = ind[ind["baseline_value"].notna()]
    assert with_base["baseline_source_url"].str.startswith("http").all()
    # cited baselines, checked against the research pack
    assert with_base.set_index("id")["baseline_value"].to_dict() == {
        "A1.1": 162.0, "A1.2": 75.0, "A1.3": 59.0, "A2.3": 500.0, "A3.1": 182.0,
        "A3.2": 356.0, "A9.1": 2.0}
    assert ind.set_index("id").at["A9.1", "direction"] == "lower"


def test_framework_problems_are_all_listed():
    raw = raw_framework()
    bad = copy.deepcopy(raw)
    bad["aims"][0]["strand"] = "diplomacy"
    bad["indicators"][0]["target"] = {"period": "2028", "value": 10}  # no source, wrong side
    bad["indicators"] = [i for i in bad["indicators"] if i["aim"] != "A8"]
    bad["indicators"][1]["unit"] = "tonnes"
    with pytest.raises(DataValidationError) as err:
        strategy.parse_framework(bad)
    cells = {(p.column, str(p.value)) for p in err.value.problems}
    assert ("aims[0].strand", "diplomacy") in cells
    assert ("indicators[0].target.source_url", "None") in cells
    assert ("indicators[0].target.value", "10") in cells  # 10 < baseline 162, higher is better
    assert ("indicators[1].unit", "tonnes") in cells
    assert ("indicators", "A8") in cells  # aim without an indicator
    assert len(err.value.problems) == 5


def test_framework_rejects_duplicate_ids_and_unknown_status():
    bad = raw_framework()
    bad["indicators"][1]["id"] = "A1.1"
    bad["strands"][0]["status"] = "maybe"
    with pytest.raises(DataValidationError) as err:
        strategy.parse_framework(bad)
    assert {p.column for p in err.value.problems} == {"indicators[1].id", "strands[0].status"}


# --------------------------------------------------------------------------- periods, values


@pytest.mark.parametrize(("label", "first", "last", "months"), [
    ("2025", "2025-01", "2025-12", 12),
    ("2026-H2", "2026-07", "2026-12", 6),
    ("2027-q3", "2027-07", "2027-09", 3),
    ("2023-04-01/2023-12-31", "2023-04", "2023-12", 9),
])
def test_parse_period(label, first, last, months):
    a, b = strategy.parse_period(label)
    assert (str(a), str(b)) == (first, last)
    assert strategy.period_months(label) == months


@pytest.mark.parametrize("label", ["2025-Q5", "2025-H3", "25", "2025/26", "", None])
def test_parse_period_refuses(label):
    with pytest.raises(ValueError):
        strategy.parse_period(label)


@pytest.mark.parametrize(("raw", "unit", "expected"), [
    (12, "persons", 12.0), ("٣٥٦", "persons", 356.0), ("1,250", "persons", 1250.0),
    ("12.5", "percent", 12.5), ("Tier 2 Watch List", "tier", 2.5), ("الفئة الثانية", "tier", 2.0),
    (3, "tier", 3.0),
])
def test_parse_value(raw, unit, expected):
    assert strategy.parse_value(raw, unit) == expected


@pytest.mark.parametrize(("raw", "unit"), [
    ("many", "persons"), ("", "persons"), (-3, "cases"), (120, "percent"), ("1,5", "persons"),
    (2.2, "tier"), ("Special Case", "tier"), (True, "persons"), (float("nan"), "persons"),
])
def test_parse_value_refuses(raw, unit):
    with pytest.raises(ValueError):
        strategy.parse_value(raw, unit)


# --------------------------------------------------------------------------- template + import


def test_template_lists_reportable_indicators_in_both_languages(tmp_path, data_dir):
    out = strategy.write_template(tmp_path / "sub" / "entry.xlsx", data_dir=data_dir)
    wb = openpyxl.load_workbook(out)
    assert wb.sheetnames == ["README", "indicators", "observations"]
    rows = list(wb["indicators"].iter_rows(values_only=True))
    header = rows[0]
    ids = [r[0] for r in rows[1:]]
    assert len(ids) == 17 and "A1.1" in ids and "A5.1" not in ids  # computed ones left out
    a11 = dict(zip(header, rows[1], strict=True))
    assert a11["name_ar"].startswith("عدد الأشخاص") and a11["unit"] == "persons"
    assert a11["unit_ar"] == "أشخاص" and a11["baseline_value"] == 162
    assert [c.value for c in wb["observations"][1]] == list(strategy.OBS_COLUMNS)
    assert not list(tmp_path.glob("sub/.*.tmp"))  # no temp file left behind


def fill(path: Path, rows: list[list]) -> Path:
    wb = openpyxl.load_workbook(path)
    ws = wb["observations"]
    for row in rows:
        ws.append(row)
    wb.save(path)
    return path


def test_round_trip_template_fill_import_review(tmp_path, data_dir):
    book = strategy.write_template(tmp_path / "entry.xlsx", data_dir=data_dir)
    # ILLUSTRATIVE figures, not real ones
    fill(book, [
        ["A1.1", "2025", 200, "persons", "Illustrative: Public Prosecution", None, "MOJ", None],
        ["A3.3", "2025-H2", 40, None, "Illustrative: MOJ training log",
         "https://example.org/illustrative", "MOJ", "illustrative"],
        ["A9.1", 2025, "Tier 2", None, "Illustrative: TIP Report 2025", None, None, None],
    ])
    summary = strategy.import_observations(book, data_dir=data_dir)
    assert summary.startswith("entry.xlsx: 3 added, 0 replaced, 0 unchanged; 3 observation(s)")
    obs = strategy.load_observations(data_dir)
    assert obs[["indicator_id", "period", "value"]].values.tolist() == [
        ["A1.1", "2025", 200.0], ["A3.3", "2025-H2", 40.0], ["A9.1", "2025", 2.0]]
    fw = strategy.load_framework(data_dir)
    rev = strategy.review(fw.indicators, obs, as_of="2025-12-31").set_index("indicator_id")
    assert rev.at["A1.1", "value"] == 200 and rev.at["A1.1", "change"] == 38  # 200 - 162
    assert rev.at["A1.1", "status"] == "no target set"
    assert rev.at["A1.1", "note"].startswith("baseline covers 9 months, value 12 months")
    assert rev.at["A3.3", "value"] == 40 and pd.isna(rev.at["A3.3", "change"])
    assert rev.at["A9.1", "change"] == 0  # Tier 2 in 2025 = the baseline itself
    # completeness: 3 of 17 reportable indicators reported, all sourced, 1 with a link
    assert rev.at["A6.1", "value"] == pytest.approx(100 * 3 / 17)
    assert rev.at["A5.1", "value"] == pytest.approx(100 * 1 / 17)
    # re-importing the same workbook changes nothing
    again = strategy.import_observations(book, data_dir=data_dir)
    assert "0 added, 0 replaced, 3 unchanged" in again


def test_import_lists_every_problem_and_writes_nothing(tmp_path, data_dir):
    target = data_dir / strategy.OBSERVATIONS_FILE
    before = target.read_bytes()
    book = strategy.write_template(tmp_path / "bad.xlsx", data_dir=data_dir)
    fill(book, [
        ["A1.1", "2025", 10, None, "src", None, None, None],       # row 2 fine
        ["A99.9", "2025", 10, None, "src", None, None, None],      # 3 unknown id
        ["A1.2", "2024", 10, None, "src", None, None, None],       # 4 before the strategy
        ["A1.3", "2029-Q1", 10, None, "src", None, None, None],    # 5 after the strategy
        ["A2.1", "2025-Q5", 10, None, "src", None, None, None],    # 6 bad period
        ["A2.2", "2025", "many", None, "src", None, None, None],   # 7 not a number
        ["A3.1", "2025", 10, "persons", "src", None, None, None],  # 8 cases, not persons
        ["A3.2", "2025", 10, None, None, None, None, None],        # 9 no source
        ["A1.1", "2025", 11, None, "src", None, None, None],       # 10 duplicate of row 2
        ["A5.1", "2025", 50, None, "src", None, None, None],       # 11 computed indicator
        ["A9.1", "2026-Q1", 2, None, "src", None, None, None],     # 12 tier per report year
        [None, None, None, None, None, None, None, None],          # 13 blank: skipped
    ])
    with pytest.raises(DataValidationError) as err:
        strategy.import_observations(book, data_dir=data_dir)
    assert problem_cells(err.value) == {
        (3, "indicator_id"), (4, "period"), (5, "period"), (6, "period"), (7, "value"),
        (8, "unit"), (9, "source"), (10, "period"), (11, "indicator_id"), (12, "period")}
    assert "nothing was written" in str(err.value)
    assert target.read_bytes() == before


def test_import_csv_windows_1256_and_arabic_units(tmp_path, data_dir):
    text = ("indicator_id,period,value,unit,source,note\n"
            "A2.1,2026-Q1,7,أشخاص,وزارة الداخلية (توضيحي),رقم توضيحي\n")
    path = tmp_path / "entry.csv"
    path.write_bytes(text.encode("cp1256"))
    assert "1 added" in strategy.import_observations(path, data_dir=data_dir)
    stored = (data_dir / strategy.OBSERVATIONS_FILE).read_text(encoding="utf-8")
    assert stored.splitlines()[1] == "A2.1,2026-Q1,7,persons,وزارة الداخلية (توضيحي),,,رقم توضيحي"


def test_import_conflict_needs_replace(tmp_path, data_dir):
    first = tmp_path / "a.csv"
    first.write_text("indicator_id,period,value,source\nA8.1,2025,4,src one\n", encoding="utf-8")
    strategy.import_observations(first, data_dir=data_dir)
    second = tmp_path / "b.csv"
    second.write_text("indicator_id,period,value,source\n,,,\nA8.1,2025,5,src two\n",
                      encoding="utf-8")
    with pytest.raises(DataValidationError) as err:
        strategy.import_observations(second, data_dir=data_dir)
    assert "--replace" in str(err.value)
    assert problem_cells(err.value) == {(3, "value")}  # the blank line 2 still counts
    assert "1 replaced" in strategy.import_observations(second, replace=True, data_dir=data_dir)
    assert strategy.load_observations(data_dir)["value"].tolist() == [5.0]


def test_import_missing_column_and_updates_descriptor_hash(tmp_path, data_dir):
    from tipanalysis import validate

    bad = tmp_path / "x.csv"
    bad.write_text("indicator_id,value,source\nA8.1,4,src\n", encoding="utf-8")
    with pytest.raises(DataValidationError) as err:
        strategy.import_observations(bad, data_dir=data_dir)
    assert problem_cells(err.value) == {(1, "period")}
    # The descriptor must describe the file as it is (issue 16: a write refuses a folder whose
    # files differ from it); the import then updates the hash of the file it wrote.
    before = (data_dir / strategy.OBSERVATIONS_FILE).read_bytes()
    descriptor = {"name": "t", "resources": [
        {"name": "strategy_observations", "path": strategy.OBSERVATIONS_FILE,
         "hash": validate.sha256_hash(before), "bytes": len(before)}]}
    (data_dir / "datapackage.json").write_text(json.dumps(descriptor), encoding="utf-8")
    good = tmp_path / "y.csv"
    good.write_text("indicator_id,period,value,source\nA8.1,2025,4,src\n", encoding="utf-8")
    strategy.import_observations(good, data_dir=data_dir)
    res = json.loads((data_dir / "datapackage.json").read_text())["resources"][0]
    data = (data_dir / strategy.OBSERVATIONS_FILE).read_bytes()
    assert res["hash"] == validate.sha256_hash(data) and res["bytes"] == len(data)


def test_cli_template_and_import(tmp_path, data_dir, capsys):
    out = tmp_path / "t.xlsx"
    assert cli.main(["strategy", "--data-dir", str(data_dir), "template", "--out", str(out)]) == 0
    bad = tmp_path / "bad.csv"
    bad.write_text("indicator_id,period,value,source\nZZ,2025,1,s\n", encoding="utf-8")
    assert cli.main(["strategy", "--data-dir", str(data_dir), "import", str(bad)]) == 1
    assert "unknown indicator id" in capsys.readouterr().err


# --------------------------------------------------------------------------- progress, status


@pytest.mark.parametrize(("value", "status", "progress", "ratio"), [
    (146, "on-track", 0.46, 0.92),
    (145, "on-track", 0.45, 0.9),   # threshold: >= 0.9 is on track
    (140, "at-risk", 0.40, 0.8),
    (130, "at-risk", 0.30, 0.6),    # threshold: >= 0.6 is at risk
    (120, "off-track", 0.20, 0.4),
    (90, "off-track", -0.10, -0.2),
])
def test_status_higher_is_better(value, status, progress, ratio):
    # baseline 100, target 200, half the time gone: 150 expected
    got = strategy.indicator_status(value, 100, 200, 0.5, "higher")
    assert got[0] == status
    assert got[1] == pytest.approx(progress) and got[2] == pytest.approx(ratio)


def test_status_lower_is_better_and_hold_targets():
    # baseline 50 -> target 30, half the time gone, 45 observed: 5 of 10 expected -> 0.5
    assert strategy.indicator_status(45, 50, 30, 0.5, "lower")[0] == "off-track"
    assert strategy.indicator_status(39, 50, 30, 0.5, "lower")[0] == "on-track"  # 1.1
    # a target equal to the baseline (hold Tier 2): no worse is on track
    assert strategy.indicator_status(2.0, 2.0, 2.0, 0.3, "lower")[0] == "on-track"
    assert strategy.indicator_status(2.5, 2.0, 2.0, 0.3, "lower")[0] == "off-track"


RANK = {"on-track": 0, "at-risk": 1, "off-track": 2}
finite = st.floats(-1e6, 1e6, allow_nan=False)


@given(a=finite, b=finite, base=finite, gap=st.floats(1e-3, 1e6), elapsed=st.floats(0.01, 1))
def test_status_is_monotone_and_mirrors_for_lower_is_better(a, b, base, gap, elapsed):
    low, high = sorted((a, b))
    target = base + gap
    s_low = strategy.indicator_status(low, base, target, elapsed, "higher")[0]
    s_high = strategy.indicator_status(high, base, target, elapsed, "higher")[0]
    assert RANK[s_high] <= RANK[s_low]  # a better value never gets a worse status
    # the same case mirrored (values negated, lower is better) gets the same status
    mirrored = strategy.indicator_status(-low, -base, -target, elapsed, "lower")[0]
    assert mirrored == s_low


def illustrative_catalogue() -> pd.DataFrame:
    """Three indicators with ILLUSTRATIVE baselines and targets (none are official)."""
    return pd.DataFrame({
        "id": ["p1", "p2", "q1", "r1"],
        "aim": ["A", "A", "B", "C"],
        "strand": ["prevention", "prevention", "protection", "accountability"],
        "name_en": ["p1", "p2", "q1", "r1"], "name_ar": ["p1", "p2", "q1", "r1"],
        "unit": ["persons", "cases", "persons", "tier"],
        "direction": ["higher", "higher", "higher", "lower"],
        "computed": [None, None, None, None],
        "baseline_period": ["2024", "2024", None, "2025"],
        "baseline_value": [100.0, 10.0, 5.0, 2.5],
        "baseline_status": ["illustrative"] * 4,
        "target_period": ["2028", "2028", "2028", "2028"],
        "target_value": [200.0, 20.0, 10.0, 2.0],
    })


def obs_frame(rows: list[tuple]) -> pd.DataFrame:
    df = pd.DataFrame(rows, columns=["indicator_id", "period", "value", "source"])
    for col in ("unit", "source_url", "reported_by", "note"):
        df[col] = float("nan")
    return df[list(strategy.OBS_COLUMNS)]


def test_review_on_hand_worked_cases():
    obs = obs_frame([
        ("p1", "2025", 110.0, "s"),      # superseded by the later half-year
        ("p1", "2026-H1", 130.0, "s"),   # elapsed 18/48 = .375; progress .3; ratio .8
        ("p2", "2026", 11.0, "s"),       # elapsed .5; progress .1; ratio .2
        ("q1", "2026", 7.0, "s"),        # no dated baseline
        ("r1", "2026", 2.5, "s"),        # elapsed 12/36; progress 0; ratio 0
        ("r1", "2027", 2.0, "s"),        # after as_of: ignored
    ])
    rev = strategy.review(illustrative_catalogue(), obs, as_of="2026-12-31")
    rev = rev.set_index("indicator_id")
    assert rev["status"].to_dict() == {"p1": "at-risk", "p2": "off-track", "q1": "no baseline",
                                       "r1": "off-track"}
    assert rev.at["p1", "period"] == "2026-H1"
    assert rev.at["p1", "elapsed"] == pytest.approx(0.375)
    assert rev.at["p1", "expected"] == pytest.approx(137.5)
    assert rev.at["p1", "path_ratio"] == pytest.approx(0.8)
    assert rev.at["p1", "change"] == 30 and rev.at["p1", "pct_change"] == pytest.approx(30)
    assert rev.at["p1", "note"] == ("baseline covers 12 months, value 6 months: not directly "
                                    "comparable")
    assert rev.at["p2", "score"] == pytest.approx(0.2)
    assert rev.at["r1", "elapsed"] == pytest.approx(1 / 3) and rev.at["r1", "score"] == 0
    assert pd.isna(rev.at["q1", "score"])


def test_review_before_any_period_ends_is_no_data():
    obs = obs_frame([("p1", "2025-Q4", 120.0, "s")])
    rev = strategy.review(illustrative_catalogue(), obs, as_of="2025-12-30")
    assert (rev["status"] == "no-data").all()  # the quarter ends on 31 Dec


def test_review_of_shipped_data_is_honest(fw):
    rev = strategy.review(fw.indicators, strategy.load_observations(), as_of="2025-12-31")
    assert len(rev) == 20
    # nothing reported yet: shares of 0% are facts about the store, everything else no data
    assert rev.loc[rev["status"] == "no target set", "indicator_id"].tolist() == ["A5.1", "A6.1"]
    assert rev["score"].isna().all()


# --------------------------------------------------------------------------- roll-up


def rolled_input() -> pd.DataFrame:
    return pd.DataFrame({
        "indicator_id": ["a", "b", "c", "d", "e", "f"],
        "strand": ["prevention", "prevention", "protection", "accountability",
                   "accountability", "coordination"],
        "status": ["on-track", "off-track", "no-data", "off-track", "no target set", "at-risk"],
        "score": [1.0, 0.4, math.nan, 0.5, math.nan, 0.8],
    })


def test_rollup_equal_weights():
    table = strategy.rollup(rolled_input()).set_index("strand")
    assert table.index.tolist() == ["prevention", "protection", "accountability",
                                    "coordination", "overall"]
    assert table.at["prevention", "score"] == pytest.approx(0.7)
    assert table.at["prevention", "status"] == "at-risk"
    assert pd.isna(table.at["protection", "score"]) and table.at["protection", "status"] == \
        "no-data"
    assert table.at["accountability", "score"] == pytest.approx(0.5)
    assert table.at["accountability", "n_no_target"] == 1
    # overall = mean of strand scores 0.7, 0.5, 0.8 (protection has none) = 2/3
    assert table.at["overall", "score"] == pytest.approx(2 / 3)
    assert table.at["overall", "status"] == "at-risk"
    assert table.at["overall", "n_indicators"] == 6
    assert table.at["overall", "n_scored"] == 4 and table.at["overall", "n_no_data"] == 1


def test_rollup_weights():
    table = strategy.rollup(rolled_input(), weights={"a": 3},
                            strand_weights={"coordination": 0}).set_index("strand")
    assert table.at["prevention", "score"] == pytest.approx((3 * 1.0 + 0.4) / 4)  # 0.85
    assert table.at["overall", "score"] == pytest.approx((0.85 + 0.5) / 2)


def test_rollup_without_scores_says_why():
    r = rolled_input().assign(score=math.nan)
    table = strategy.rollup(r).set_index("strand")
    assert table.at["accountability", "status"] == "no target set"  # d, e have values
    assert table.at["protection", "status"] == "no-data"


# --------------------------------------------------------------------------- completeness


def test_completeness_counts_values_sources_and_links():
    ind = pd.DataFrame({"id": ["a", "b", "c", "d", "e"],
                        "computed": [None, None, None, None, "share_public"]})
    obs = pd.DataFrame({
        "indicator_id": ["a", "a", "b", "c", "d", "e"],
        "period": ["2025-Q1", "2025-Q2", "2025", "2026-Q1", "2025-Q4", "2025"],
        "value": [1.0, 2.0, 3.0, 4.0, math.nan, 50.0],
        "source": ["MOI", "MOI", " ", "PAM", "MOI", "x"],
        "source_url": ["https://a", None, None, None, None, None],
    })
    table = strategy.completeness(ind, obs, as_of="2026-06-30").set_index("year")
    assert table.index.tolist() == [2025, 2026]
    # 2025: a and b reported (d has no value, e is computed); a sourced and linked; b blank source
    assert table.loc[2025, ["n_indicators", "n_reported", "n_sourced", "n_public"]].tolist() == \
        [4, 2, 1, 1]
    assert table.loc[2025, "share_reported"] == 50.0 and table.loc[2025, "share_public"] == 25.0
    assert table.loc[2026, "n_reported"] == 1 and not table.loc[2026, "complete_year"]
    early = strategy.completeness(ind, obs, as_of="2025-05-31").set_index("year")
    assert early.loc[2025, "n_reported"] == 1  # only a's first quarter had ended


# --------------------------------------------------------------------------- ranking aim


def test_ranking_outlook_keeps_2026_to_2028_and_checks_probabilities():
    # ILLUSTRATIVE probabilities, not a forecast
    f = pd.DataFrame({"report_year": [2028, 2025, 2026, 2027, 2029],
                      "p_tier2_or_better": [0.6, 1.0, 0.8, 0.7, 0.5],
                      "ci_low": [0.4, 1.0, 0.6, 0.5, 0.3], "ci_high": [0.8, 1.0, 0.9, 0.85, 0.7]})
    out = strategy.ranking_outlook(f)
    assert out["report_year"].tolist() == [2026, 2027, 2028]
    assert out["p_tier2_or_better"].tolist() == [0.8, 0.7, 0.6]
    with pytest.raises(DataValidationError):
        strategy.ranking_outlook(f.assign(p_tier2_or_better=1.5))
    with pytest.raises(DataValidationError):
        strategy.ranking_outlook(f.drop(columns="p_tier2_or_better"))


def test_forecast_feeds_indicator_a92(fw):
    f = pd.DataFrame({"report_year": [2026, 2027], "p_tier2_or_better": [0.8, 0.7]})
    rev = strategy.review(fw.indicators, strategy.empty_observations(), as_of="2025-12-31",
                          forecast=f).set_index("indicator_id")
    assert rev.at["A9.2", "value"] == 0.8 and rev.at["A9.2", "period"] == "2026"


# --------------------------------------------------------------------------- activities log


def test_activity_rules_on_small_timeline():
    tl = pd.DataFrame({
        "date": ["2025-04-20", "2025", "2025-02-23", "2025-01-05", "2024-12-13"],
        "category": ["strategy", "other", "institution", "law", "partnership"],
        "event": ["Minister announced the launch of the strategy",
                  "MOI training course for police",
                  "PAM opened a new shelter",
                  "Decree-Law took effect",
                  "MoU signed with UNODC"],
        "source_url": ["u1", "u2", "u3", "u4", "u5"],
    })
    log = strategy.activities_log(tl)
    assert log["date"].tolist() == ["2025", "2025-01-05", "2025-02-23", "2025-04-20"]
    assert log["quarter"].tolist() == ["2025-Q?", "2025-Q1", "2025-Q1", "2025-Q2"]
    assert log["activity_type"].tolist() == ["training", "other", "other", "launch"]
    assert log["strand"].tolist() == ["unassigned", "unassigned", "protection", "coordination"]
    counts = strategy.activity_counts(log)
    assert counts.loc["unassigned", "2025-Q?"] == 1 and counts.loc["total", "total"] == 2



def test_activities_of_20_april_2025_from_the_research_timeline():
    tl = pd.read_csv(SHARED_TIMELINE, dtype="str", keep_default_na=False, na_values=[""])
    log = strategy.activities_log(tl)
    day = log[log["date"] == "2025-04-20"]
    assert sorted(day["activity_type"]) == ["launch", "meeting", "meeting"]  # launch, IOM, UN
    assert set(day["strand"]) == {"coordination"}
    counts = strategy.activity_counts(log)
    assert counts.loc["coordination", "2025-Q2"] == 4  # with the 13 April forum announcement
    assert (log["strand"] == "unassigned").sum() >= 1  # kept visible, not dropped


def test_status_label():
    assert strategy.status_label("no target set", "ar") == "لا يوجد هدف معتمد"
    with pytest.raises(ValueError):
        strategy.status_label("no-data", "fr")
    with pytest.raises(KeyError, match="no translation"):
        strategy.status_label("unknown-status", "en")


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_status_labels_come_from_the_translation_table(lang):
    # One wording for tables, plots and briefs: every status has its i18n key, distinct labels.
    labels = [strategy.status_label(s, lang) for s in strategy.STATUSES]
    assert labels == [t(f"status.{s}", lang) for s in strategy.STATUSES]
    assert len(set(labels)) == len(strategy.STATUSES)
    # the strings live in i18n only, not in a second table here
    assert not hasattr(strategy, "STATUS_LABELS") and not hasattr(strategy, "LABELS")


def test_display_labels_come_from_the_translation_table(fw):
    assert strategy.label("strand", "ar") == t("col.strand", "ar") == "المحور"
    assert strategy.label("title.strands", "en") == t("title.strand_status", "en")
    assert strategy.label("share", "ar") == t("axis.share_reportable", "ar")
    with pytest.raises(ValueError, match="unknown language"):
        strategy.label("strand", "fr")
    reviewed = strategy.review(fw.indicators, strategy.empty_observations(), as_of="2025-12-31")
    table = strategy.review_table(reviewed, fw.strands, "ar")
    assert list(table.columns) == [t(k, "ar") for k in (
        "col.indicator", "col.strand", "col.period", "col.value", "col.baseline_value",
        "col.change", "col.status", "col.note")]
    assert set(table[t("col.status", "ar")]) == {t("status.no-data", "ar"),
                                                  t("status.no target set", "ar")}
    counts = strategy.strand_status_counts(reviewed, fw.strands, "ar")
    assert list(counts.columns) == [t(f"status.{s}", "ar") for s in strategy.STATUSES]
    shares = strategy.completeness_shares(
        strategy.completeness(fw.indicators, strategy.empty_observations(), as_of="2025-12-31"),
        "ar")
    assert shares.index.name == t("axis.year", "ar")
    assert list(shares.columns) == [t(f"completeness.{k}", "ar")
                                    for k in ("reported", "sourced", "public")]


def test_unassigned_and_overall_strand_names_are_translated():
    strands = pd.DataFrame({"id": ["prevention"], "name_en": ["Prevention"],
                            "name_ar": ["الوقاية"]})
    names = _strand_names(strands, "ar")
    assert names == {"prevention": "الوقاية", strategy.UNASSIGNED: "غير مصنف",
                     "overall": t("strand.overall", "ar")}
    assert _strand_names(strands, "en")[strategy.UNASSIGNED] == "unassigned"


@pytest.mark.notebooks
def test_round_trip_shows_in_the_review_notebook(tmp_path):
    # template -> fill (ILLUSTRATIVE values) -> import into a copy of data/ -> run notebook 03
    import os
    import re
    import subprocess
    import sys

    import nbformat

    data = tmp_path / "data"
    shutil.copytree(paths.data_dir(), data)
    book = strategy.write_template(tmp_path / "entry.xlsx", data_dir=data)
    fill(book, [["A1.1", "2025", 200, None, "Illustrative source", None, None, None],
                ["A3.3", "2025-Q3", 40, None, "Illustrative source", None, None, None]])
    strategy.import_observations(book, data_dir=data)
    notebook = paths.notebooks_dir() / "03_strategy_review.ipynb"
    jupyter = Path(sys.executable).parent / "jupyter"
    env = {**os.environ, "TIPANALYSIS_DATA_DIR": str(data)}
    proc = subprocess.run(
        [str(jupyter), "nbconvert", "--to", "notebook", "--execute", "--output-dir",
         str(tmp_path), "--output", "run.ipynb", str(notebook)],
        capture_output=True, text=True, cwd=tmp_path, env=env)
    assert proc.returncode == 0, proc.stderr[-3000:]
    nb = nbformat.read(tmp_path / "run.ipynb", as_version=4)
    outputs = [o.get("data", {}) for c in nb.cells if c.cell_type == "code"
               for o in c.get("outputs", [])]
    html = "\n".join(d.get("text/html", "") for d in outputs)
    markdown = "\n".join(d.get("text/markdown", "") for d in outputs)
    row = re.search(r"<th>A1\.1</th>(.*?)</tr>", html, re.DOTALL).group(1)
    assert "<td>200</td>" in row and "<td>38</td>" in row  # value and change since 162
    row = re.search(r"<th>A3\.3</th>(.*?)</tr>", html, re.DOTALL).group(1)
    assert "<td>2025-Q3</td>" in row and "<td>40</td>" in row
    assert "2 of 17 reportable indicators have a reported value (12%)" in markdown


def test_value_for_the_baseline_period_itself_is_not_progress():
    cat = illustrative_catalogue()  # r1: baseline Tier 2.5 in 2025, target 2 in 2028
    rev = strategy.review(cat, obs_frame([("r1", "2025", 2.0, "s")]), as_of="2025-12-31")
    r1 = rev.set_index("indicator_id").loc["r1"]
    assert r1["status"] == "no-data" and r1["change"] == -0.5
    assert r1["note"] == "latest value is not later than the baseline"
