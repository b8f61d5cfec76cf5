"""Tests of tipanalysis.ingest: reading inputs, the printed tier list, add_tiers, add_enforcement.

Every input here is SYNTHETIC; every change goes to a temporary copy of the synthetic fixture
folder (``data_copy``). Each bad-input test checks the problem (file, row, column, value) and
that no file in the data folder changed.
"""

from __future__ import annotations

import datetime as dt
import shutil
import string
from pathlib import Path

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from tipanalysis import cli, data, ingest, validate
from tipanalysis.errors import DataValidationError, Problem

URL = "https://www.state.gov/reports/2026-trafficking-in-persons-report/"


def only(problems: list[Problem]) -> Problem:
    assert len(problems) == 1, problems
    return problems[0]


def write(path: Path, text: str, encoding: str = "utf-8") -> Path:
    path.write_bytes(text.encode(encoding))
    return path


def fails(call, *args, **kwargs) -> list[Problem]:
    with pytest.raises(DataValidationError) as err:
        call(*args, **kwargs)
    return err.value.problems


# --- read_table ------------------------------------------------------------------------------


def test_read_table_utf8_bom_is_accepted(tmp_path):
    path = write(tmp_path / "t.csv", "\ufeffcountry,tier\nKuwait,Tier 2\n")
    table, label = ingest.read_table(path)
    assert table.columns.tolist() == ["country", "tier"] and label == str(path)
    assert table.to_dict("records") == [{"country": "Kuwait", "tier": "Tier 2"}]
    assert table.index.tolist() == [2]


def test_read_table_windows_1256_arabic(tmp_path):
    path = write(tmp_path / "t.csv", "country,tier\nالكويت,الفئة الثانية\nقطر,2\n", "cp1256")
    table, _ = ingest.read_table(path)
    assert table["country"].tolist() == ["الكويت", "قطر"]
    assert table["tier"].tolist() == ["الفئة الثانية", "2"]


def test_read_table_undecodable_bytes_fail_clearly(tmp_path):
    path = tmp_path / "t.csv"
    path.write_bytes(b"country,tier\nKuwait,2\nC\xf4te d'Ivoire,2\n")
    problem = only(fails(ingest.read_table, path))
    assert (problem.file, problem.row) == (str(path), 3)
    assert "offset 23" in problem.message and "UTF-8" in problem.message


def test_read_table_ragged_row(tmp_path):
    path = write(tmp_path / "t.csv", "country,tier\nKuwait,2\nQatar,2,extra\n")
    problem = only(fails(ingest.read_table, path))
    assert (problem.file, problem.row, problem.value) == (str(path), 3, 3)
    assert "3 fields" in problem.message


def test_read_table_unclosed_quote(tmp_path):
    path = write(tmp_path / "t.csv", 'country,tier\nKuwait,2\n"Qatar,2\nOman,1\n')
    problem = only(fails(ingest.read_table, path))
    assert problem.row == 3 and "unclosed quote" in problem.message


def test_read_table_xlsx(tmp_path):
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.append(["Country", "Tier", "Note"])
    sheet.append(["Bahrain", "Tier 1", None])
    sheet.append([None, None, None])  # an empty row is skipped, row numbers stay true
    sheet.append(["Kuwait", 2.5, "from a spreadsheet"])
    sheet.append(["Singapore", 1, dt.date(2026, 6, 1)])
    path = tmp_path / "t.xlsx"
    book.save(path)
    table, _ = ingest.read_table(path)
    assert table.columns.tolist() == ["Country", "Tier", "Note"]
    assert table.index.tolist() == [2, 4, 5]
    assert table.values.tolist() == [["Bahrain", "Tier 1", ""],
                                     ["Kuwait", "2.5", "from a spreadsheet"],
                                     ["Singapore", "1", "2026-06-01"]]


def test_read_table_xlsx_with_two_data_sheets_is_refused(tmp_path):
    from openpyxl import Workbook

    book = Workbook()
    book.active.append(["country", "tier"])
    book.create_sheet("more").append(["country", "tier"])
    book.save(tmp_path / "t.xlsx")
    assert "more than one sheet" in only(fails(ingest.read_table, tmp_path / "t.xlsx")).message


# --- parse_tier_text -------------------------------------------------------------------------

REPORT_TEXT = """\
TRAFFICKING IN PERSONS REPORT 2026
TIER PLACEMENTS

TIER 1
Australia    Bahrain\tSingapore
Canada

Tier 2 Watch List:
Kuwait      Côte d'Ivoire     Korea, South
54
TIER 3
Burma
SPECIAL CASES
Somalia\t\tYemen
"""


def test_parse_tier_text_flattened_columns():
    parsed = ingest.parse_tier_text(REPORT_TEXT, file="tip.txt")
    assert parsed.values.tolist() == [
        ["Australia", "1", 5], ["Bahrain", "1", 5], ["Singapore", "1", 5], ["Canada", "1", 6],
        ["Kuwait", "2WL", 9], ["Côte d'Ivoire", "2WL", 9], ["Korea, South", "2WL", 9],
        ["Burma", "3", 12], ["Somalia", "special", 14], ["Yemen", "special", 14]]


def test_parse_tier_text_country_before_heading():
    problems = fails(ingest.parse_tier_text, "Kuwait\nQatar  Oman\nTIER 1\nBahrain\n",
                     file="tip.txt")
    assert [(p.file, p.row, p.column, p.value) for p in problems] == [
        ("tip.txt", 1, "country", "Kuwait"), ("tip.txt", 2, "country", "Qatar"),
        ("tip.txt", 2, "country", "Oman")]


NAME_WORDS = st.text(alphabet=string.ascii_letters + "éôçñ'-", min_size=1, max_size=9)
NAMES = st.lists(NAME_WORDS, min_size=1, max_size=3).map(" ".join)
HEADINGS = {"1": ["TIER 1", "Tier 1", "tier 1:"], "2": ["TIER 2", "Tier 2"],
            "2WL": ["TIER 2 WATCH LIST", "Tier 2 Watch List", "tier 2 watch list"],
            "3": ["TIER 3", "Tier 3"], "special": ["SPECIAL CASES", "Special Cases"]}
SEPARATORS = st.sampled_from(["  ", "    ", "\t", " \t ", "\t\t"])


@st.composite
def printed_report(draw):
    names = draw(st.lists(NAMES, min_size=1, max_size=25, unique=True))
    assume(not any(ingest._heading(n) or ingest._is_furniture(n) for n in names))
    tiers = draw(st.lists(st.sampled_from(list(HEADINGS)), min_size=len(names),
                          max_size=len(names)))
    placements = list(zip(names, tiers, strict=True))
    lines = []
    for tier in HEADINGS:
        section = [n for n, t in placements if t == tier]
        if not section:
            continue
        lines.append(draw(st.sampled_from(HEADINGS[tier])))
        while section:
            k = draw(st.integers(1, 4))  # printed columns flattened onto one line
            chunk, section = section[:k], section[k:]
            sep = draw(SEPARATORS)
            lines.append(sep.join(chunk))
            lines += draw(st.sampled_from([[], [""], ["17"], ["", "Page 3", ""]]))
    return placements, "\n".join(lines) + "\n"


@settings(max_examples=150, suppress_health_check=[HealthCheck.filter_too_much])
@given(printed_report())
def test_parse_tier_text_round_trip(report):
    placements, text = report
    parsed = ingest.parse_tier_text(text, file="generated.txt")
    assert sorted(zip(parsed["country"], parsed["tier"], strict=True)) == sorted(placements)


ARABIC = "".join(chr(c) for c in range(0x0621, 0x063B)) + "".join(
    chr(c) for c in range(0x0641, 0x064B))
# Words are Arabic or Latin, never both in one word: a Latin letter touching an Arabic one is
# what Latin-1 text misread as Windows-1256 looks like ("AÇÃO" -> "AاأO"), and is refused.
WORDS = st.text(alphabet=ARABIC, min_size=1, max_size=6) | st.text(
    alphabet=string.ascii_letters, min_size=1, max_size=6)
CELLS = st.lists(WORDS, min_size=1, max_size=3).map(" ".join)


@settings(max_examples=100)
@given(st.lists(CELLS, min_size=1, max_size=8), st.sampled_from(["utf-8", "utf-8-sig",
                                                                   "cp1256"]))
def test_read_table_encodings_round_trip(tmp_path_factory, names, encoding):
    if encoding == "cp1256":
        assume(any(ch in ARABIC for n in names for ch in n) or all(n.isascii() for n in names))
    path = tmp_path_factory.mktemp("enc") / "names.csv"
    write(path, "country,n\n" + "".join(f"{n},{i}\n" for i, n in enumerate(names)), encoding)
    table, _ = ingest.read_table(path)
    assert table["country"].tolist() == names
    assert table.columns.tolist() == ["country", "n"]


# --- add_tiers -------------------------------------------------------------------------------

NEW_YEAR_TEXT = """\
TIER 1
Bahrain    Singapore
TIER 2 WATCH LIST
الكويت\tQatar
SPECIAL CASES
Somalia
"""


def test_add_tiers_from_printed_text(data_copy, tmp_path):
    source = write(tmp_path / "tip2026.txt", NEW_YEAR_TEXT)
    summary = ingest.add_tiers(source, year=2026, source_url=URL, data_dir=data_copy)
    assert "5 added, 0 replaced, 0 identical skipped" in summary
    assert validate.validate_package(data_copy) == []
    tiers = data.load_tiers(data_copy)
    new = tiers[tiers["report_year"].eq(2026)]
    assert new.set_index("iso3")["tier"].astype(object).fillna("<NA>").to_dict() == {
        "BHR": "1", "KWT": "2WL", "QAT": "2WL", "SGP": "1", "SOM": "<NA>"}
    kwt = new.set_index("iso3").loc["KWT"]
    assert kwt["country"] == "Kuwait"  # Arabic input: the reference's TIP name
    assert kwt["source_file"] == "tip2026.txt" and kwt["source_url"] == URL
    assert not kwt["waiver"] and kwt["status"] == "ranked"
    assert new.set_index("iso3").loc["SOM", "status"] == "special"
    coverage = data.load_coverage(data_copy).set_index("report_year")
    assert coverage.loc[2026, ["n_tier1", "n_tier2wl", "n_special", "n_total"]].tolist() == [
        2, 2, 1, 5]
    assert coverage.loc[2026, "completeness"] == "unverified"
    assert coverage.loc[2026, "sources"] == "state.gov"


def test_add_tiers_keeps_the_file_layout(data_copy, tmp_path):
    before = (data_copy / "tiers" / "tier_placements.csv").read_text(encoding="utf-8")
    ingest.add_tiers(write(tmp_path / "t.txt", "TIER 3\nOman\n"), year=2026, source_url=URL,
                     data_dir=data_copy)
    after = (data_copy / "tiers" / "tier_placements.csv").read_text(encoding="utf-8")
    new_line = f"OMN,Oman,2026,3,ranked,false,{URL},t.txt,\n"
    at = before.index("QAT,")  # sorted by iso3, report_year; old rows untouched
    assert after == before[:at] + new_line + before[at:]


def test_add_tiers_again_is_a_no_op(data_copy, tmp_path, snapshot):
    source = write(tmp_path / "tip2026.txt", NEW_YEAR_TEXT)
    ingest.add_tiers(source, year=2026, source_url=URL, data_dir=data_copy)
    before = snapshot(data_copy)
    summary = ingest.add_tiers(source, year=2026, source_url=URL, data_dir=data_copy)
    assert "nothing to add (5 identical" in summary
    assert snapshot(data_copy) == before


def test_add_tiers_windows_1256_csv(data_copy, tmp_path):
    text = "country,tier\nالكويت,الفئة الثانية\nالبحرين,الفئة الأولى\n"
    source = write(tmp_path / "ar.csv", text, "cp1256")
    ingest.add_tiers(source, year=2026, source_url=URL, data_dir=data_copy)
    new = data.load_tiers(data_copy).query("report_year == 2026").set_index("iso3")
    assert new["tier"].astype(str).to_dict() == {"BHR": "1", "KWT": "2"}
    assert new.loc["BHR", "country"] == "Bahrain"


def test_add_tiers_xlsx(data_copy, tmp_path):
    from openpyxl import Workbook

    book = Workbook()
    book.active.append(["COUNTRY", "Tier", "note", "waiver"])
    book.active.append(["Kuwait", 2.5, "spreadsheet row", "true"])
    book.active.append(["Burma", "Tier 3", None, None])
    book.active.append(["SGP", "Tier 1", None, None])
    book.save(tmp_path / "t.xlsx")
    summary = ingest.add_tiers(tmp_path / "t.xlsx", year=2026, source_url=URL,
                               data_dir=data_copy)
    assert "3 added" in summary
    new = data.load_tiers(data_copy).query("report_year == 2026").set_index("iso3")
    assert new.loc["SGP", "country"] == "Singapore"  # a code gets the reference name
    assert new.loc["KWT", "tier"] == "2WL" and bool(new.loc["KWT", "waiver"])
    assert new.loc["KWT", "note"] == "spreadsheet row" and new.loc["MMR", "country"] == "Burma"
    assert validate.validate_package(data_copy) == []


def test_add_tiers_duplicate_country_in_file(data_copy, tmp_path, snapshot):
    before = snapshot(data_copy)
    source = write(tmp_path / "t.csv", "country,tier\nBurma,3\nMyanmar,3\n")
    problem = only(fails(ingest.add_tiers, source, year=2026, source_url=URL,
                         data_dir=data_copy))
    assert (problem.file, problem.row, problem.column, problem.value) == (
        str(source), 3, "country", "Myanmar")
    assert "MMR appears twice (first on row 2)" in problem.message
    assert snapshot(data_copy) == before


def test_add_tiers_unknown_country(data_copy, tmp_path, snapshot):
    before = snapshot(data_copy)
    source = write(tmp_path / "t.txt", "TIER 1\nBahrain\n\nAtlantis    Oman\n")
    problem = only(fails(ingest.add_tiers, source, year=2026, source_url=URL,
                         data_dir=data_copy))
    assert (problem.file, problem.row, problem.column, problem.value) == (
        str(source), 4, "country", "Atlantis")
    assert "unknown country name" in problem.message
    assert snapshot(data_copy) == before


def test_add_tiers_unknown_tier_label(data_copy, tmp_path, snapshot):
    before = snapshot(data_copy)
    source = write(tmp_path / "t.csv", "country,tier\nKuwait,Tier 4\nOman,1\n")
    problem = only(fails(ingest.add_tiers, source, year=2026, source_url=URL,
                         data_dir=data_copy))
    assert (problem.file, problem.row, problem.column, problem.value) == (
        str(source), 2, "tier", "Tier 4")
    assert snapshot(data_copy) == before


def test_add_tiers_missing_columns(data_copy, tmp_path, snapshot):
    before = snapshot(data_copy)
    source = write(tmp_path / "t.csv", "name,tier\nKuwait,2\n")
    problems = fails(ingest.add_tiers, source, year=2026, source_url=URL, data_dir=data_copy)
    assert [(p.file, p.row, p.column, p.value) for p in problems] == [
        (str(source), 1, "name", "name"), (str(source), 1, "country", None)]
    assert problems[1].message == "required column is missing"
    assert snapshot(data_copy) == before


@pytest.mark.parametrize("year", [2000, dt.date.today().year + 2])
def test_add_tiers_year_out_of_range(data_copy, tmp_path, snapshot, year):
    before = snapshot(data_copy)
    source = write(tmp_path / "t.txt", "TIER 1\nOman\n")
    problem = only(fails(ingest.add_tiers, source, year=year, source_url=URL,
                         data_dir=data_copy))
    assert (problem.file, problem.row, problem.column, problem.value) == (
        str(source), None, "report_year", year)
    assert snapshot(data_copy) == before


def test_add_tiers_bad_source_url(data_copy, tmp_path, snapshot):
    before = snapshot(data_copy)
    source = write(tmp_path / "t.txt", "TIER 1\nOman\n")
    problem = only(fails(ingest.add_tiers, source, year=2026, source_url="www.state.gov/x",
                         data_dir=data_copy))
    assert (problem.column, problem.value) == ("source_url", "www.state.gov/x")
    assert snapshot(data_copy) == before


def test_add_tiers_malformed_csv(data_copy, tmp_path, snapshot):
    before = snapshot(data_copy)
    source = write(tmp_path / "t.csv", "country,tier\nKuwait,2\nOman,1,x\n")
    problem = only(fails(ingest.add_tiers, source, year=2026, source_url=URL,
                         data_dir=data_copy))
    assert (problem.file, problem.row) == (str(source), 3)
    assert snapshot(data_copy) == before


def test_add_tiers_undecodable_file(data_copy, tmp_path, snapshot):
    before = snapshot(data_copy)
    source = tmp_path / "t.txt"
    source.write_bytes(b"TIER 1\nC\xf4te d'Ivoire\n")
    problem = only(fails(ingest.add_tiers, source, year=2026, source_url=URL,
                         data_dir=data_copy))
    assert (problem.file, problem.row) == (str(source), 2) and "offset 8" in problem.message
    assert snapshot(data_copy) == before


def test_add_tiers_reports_every_problem_at_once(data_copy, tmp_path):
    source = write(tmp_path / "t.csv", "country,tier\nAtlantis,1\nKuwait,9\nOman,2\nOman,2\n")
    problems = fails(ingest.add_tiers, source, year=1990, source_url="ftp://x",
                     data_dir=data_copy)
    assert [(p.row, p.column) for p in problems] == [
        (None, "report_year"), (None, "source_url"), (3, "tier"), (2, "country"),
        (5, "country")]


def test_add_tiers_conflict_without_replace(data_copy, tmp_path, snapshot):
    before = snapshot(data_copy)
    source = write(tmp_path / "t.csv", "country,tier\nBahrain,1\nKuwait,Tier 2 Watch List\n")
    problem = only(fails(ingest.add_tiers, source, year=2025, source_url=URL,
                         data_dir=data_copy))
    assert (problem.file, problem.row, problem.column, problem.value) == (
        str(source), 3, "tier", "2WL")
    assert "shipped 2025 placement of KWT (2, tiers/tier_placements.csv row 5)" in (
        problem.message)
    assert "--replace" in problem.message
    assert snapshot(data_copy) == before


def test_add_tiers_conflict_with_replace(data_copy, tmp_path):
    source = write(tmp_path / "t.csv", "country,tier\nBahrain,1\nKuwait,Tier 2 Watch List\n")
    summary = ingest.add_tiers(source, year=2025, source_url=URL, replace=True,
                               data_dir=data_copy)
    assert "0 added, 1 replaced, 1 identical skipped" in summary
    tiers = data.load_tiers(data_copy).set_index(["iso3", "report_year"])
    assert tiers.loc[("KWT", 2025), "tier"] == "2WL"
    assert tiers.loc[("KWT", 2025), "source_file"] == "t.csv"
    assert tiers.loc[("BHR", 2025), "source_file"] == "synthetic.csv"  # identical row kept
    assert len(tiers) == 9
    coverage = data.load_coverage(data_copy).set_index("report_year")
    assert coverage.loc[2025, ["n_tier2", "n_tier2wl"]].tolist() == [0, 1]
    assert validate.validate_package(data_copy) == []


# --- add_enforcement -------------------------------------------------------------------------

ENF_HEADER = "country,report_year,period_start,period_end,measure,unit,value,quote\n"
TIP2019 = "Kuwait,2019,2018-04-01,2019-03-31"


def test_add_enforcement(data_copy, tmp_path):
    source = write(tmp_path / "e.csv", ENF_HEADER
                   + f"{TIP2019},prosecutions,persons,\"1,204\",\"prosecuted 1,204 (synthetic)\"\n"
                   + f"{TIP2019},victims_identified,unknown,,no figure published (synthetic)\n")
    summary = ingest.add_enforcement(source, source_url=URL, reported_by="tip_report",
                                     data_dir=data_copy)
    assert "2 added, 0 replaced, 0 identical skipped" in summary
    assert validate.validate_package(data_copy) == []
    rows = data.load_enforcement(data_copy, reported_by="tip_report").query("report_year == 2019")
    assert rows.set_index("measure")["value"].to_dict() == pytest.approx(
        {"prosecutions": 1204.0, "victims_identified": float("nan")}, nan_ok=True)
    assert set(rows["iso3"]) == {"KWT"} and set(rows["source_url"]) == {URL}


@pytest.mark.parametrize(("value", "message"), [
    ("-3", "a count cannot be negative"),
    ("twelve", "not a number"),
    ("2.5", "a count of persons must be a whole number"),
])
def test_add_enforcement_bad_values(data_copy, tmp_path, snapshot, value, message):
    before = snapshot(data_copy)
    source = write(tmp_path / "e.csv",
                   ENF_HEADER + f"{TIP2019},prosecutions,persons,{value},q\n")
    problem = only(fails(ingest.add_enforcement, source, source_url=URL,
                         reported_by="tip_report", data_dir=data_copy))
    assert (problem.file, problem.row, problem.column, problem.value) == (
        str(source), 2, "value", value)
    assert problem.message == message
    assert snapshot(data_copy) == before


def test_add_enforcement_unknown_measure_and_unit(data_copy, tmp_path, snapshot):
    before = snapshot(data_copy)
    source = write(tmp_path / "e.csv", ENF_HEADER
                   + f"{TIP2019},arrests,persons,3,q\n{TIP2019},convictions,people,3,q\n")
    problems = fails(ingest.add_enforcement, source, source_url=URL, reported_by="tip_report",
                     data_dir=data_copy)
    assert [(p.row, p.column, p.value) for p in problems] == [
        (2, "measure", "arrests"), (3, "unit", "people")]
    assert snapshot(data_copy) == before


def test_add_enforcement_duplicates_in_file(data_copy, tmp_path, snapshot):
    before = snapshot(data_copy)
    source = write(tmp_path / "e.csv", ENF_HEADER
                   + f"{TIP2019},convictions,persons,3,q\nKWT,2019,2018-04-01,2019-03-31,"
                   "convictions,persons,4,q\n")
    problem = only(fails(ingest.add_enforcement, source, source_url=URL,
                         reported_by="tip_report", data_dir=data_copy))
    assert (problem.file, problem.row) == (str(source), 3)
    assert "duplicate" in problem.message and "first on row 2" in problem.message
    assert snapshot(data_copy) == before


def test_add_enforcement_government_rows_have_no_report_year(data_copy, tmp_path, snapshot):
    before = snapshot(data_copy)
    source = write(tmp_path / "e.csv", ENF_HEADER
                   + "Kuwait,2024,2023-04-01,2023-12-31,convictions,persons,75,q\n")
    problem = only(fails(ingest.add_enforcement, source, source_url=URL,
                         reported_by="government", data_dir=data_copy))
    assert (problem.row, problem.column, problem.value) == (2, "report_year", "2024")
    assert snapshot(data_copy) == before


def test_add_enforcement_missing_column(data_copy, tmp_path, snapshot):
    before = snapshot(data_copy)
    source = write(tmp_path / "e.csv", "country,measure,unit\nKuwait,convictions,persons\n")
    problem = only(fails(ingest.add_enforcement, source, source_url=URL,
                         reported_by="government", data_dir=data_copy))
    assert (problem.file, problem.row, problem.column) == (str(source), 1, "value")
    assert snapshot(data_copy) == before


SHIPPED_2017 = "Kuwait,2017,2016-04-01,2017-03-31,prosecutions,persons"


def test_add_enforcement_conflict_without_replace(data_copy, tmp_path, snapshot):
    before = snapshot(data_copy)
    source = write(tmp_path / "e.csv", ENF_HEADER + f"{SHIPPED_2017},16,q\n")
    problem = only(fails(ingest.add_enforcement, source, source_url=URL,
                         reported_by="tip_report", data_dir=data_copy))
    assert (problem.row, problem.column, problem.value) == (2, "value", "16")
    assert "kuwait/enforcement.csv row 2" in problem.message and "'15'" in problem.message
    assert snapshot(data_copy) == before


def test_add_enforcement_conflict_with_replace_and_identical_rows(data_copy, tmp_path,
                                                                  snapshot):
    same = write(tmp_path / "same.csv", ENF_HEADER + f"{SHIPPED_2017},15,q\n")
    before = snapshot(data_copy)
    assert "nothing to add (1 identical" in ingest.add_enforcement(
        same, source_url=URL, reported_by="tip_report", data_dir=data_copy)
    assert snapshot(data_copy) == before
    changed = write(tmp_path / "e.csv", ENF_HEADER + f"{SHIPPED_2017},16,q\n")
    summary = ingest.add_enforcement(changed, source_url=URL, reported_by="tip_report",
                                     replace=True, data_dir=data_copy)
    assert "0 added, 1 replaced" in summary
    table = data.load_enforcement(data_copy)
    row = table[(table["report_year"] == 2017) & table["measure"].eq("prosecutions")]
    assert row["value"].tolist() == [16.0] and len(table) == 4
    assert validate.validate_package(data_copy) == []


# --- CLI -------------------------------------------------------------------------------------


def test_cli_add_tiers_ok_and_error(data_copy, tmp_path, capsys):
    good = write(tmp_path / "t.txt", "TIER 1\nOman\n")
    argv = ["data", "--data-dir", str(data_copy), "add-tiers", str(good), "--year", "2026",
            "--source", URL]
    assert cli.main(argv) == 0
    assert "1 added" in capsys.readouterr().out
    bad = write(tmp_path / "bad.txt", "TIER 1\nNarnia\n")
    argv[4] = str(bad)
    assert cli.main(argv) == 1
    err = capsys.readouterr().err
    assert f"{bad}, row 2, column 'country'" in err and "'Narnia'" in err


def test_cli_add_enforcement_error_exit_code(data_copy, tmp_path, capsys):
    source = write(tmp_path / "e.csv", ENF_HEADER + f"{TIP2019},prosecutions,persons,-1,q\n")
    argv = ["data", "--data-dir", str(data_copy), "add-enforcement", str(source),
            "--source", URL, "--reported-by", "tip_report"]
    assert cli.main(argv) == 1
    assert "a count cannot be negative" in capsys.readouterr().err


def test_add_tiers_writes_nothing_if_one_file_cannot_be_prepared(data_copy, tmp_path,
                                                                  snapshot, monkeypatch):
    from tipanalysis.data import transaction

    real = transaction._write_temp  # every data write goes through transaction.commit

    def failing(path, content, txid):
        if path.name == "coverage.csv":
            raise OSError("disk full (simulated)")
        return real(path, content, txid)

    monkeypatch.setattr(transaction, "_write_temp", failing)
    before = snapshot(data_copy)
    with pytest.raises(OSError, match="simulated"):
        ingest.add_tiers(write(tmp_path / "t.txt", "TIER 1\nOman\n"), year=2026,
                         source_url=URL, data_dir=data_copy)
    assert snapshot(data_copy) == before  # tier_placements.csv's temp file was removed too


def test_add_tiers_empty_country_cell(data_copy, tmp_path, snapshot):
    before = snapshot(data_copy)
    source = write(tmp_path / "t.csv", "country,tier\nOman,1\n,2\n")
    problem = only(fails(ingest.add_tiers, source, year=2026, source_url=URL,
                         data_dir=data_copy))
    assert (problem.row, problem.column, problem.value) == (3, "country", "")
    assert snapshot(data_copy) == before


# --- the shipped data (committed with the repository) ----------------------------------------

SHIPPED = Path(validate.__file__).resolve().parents[3] / "data"  # src/tipanalysis/data/..


def test_shipped_csv_layout_is_what_ingest_writes():
    # An ingest rewrites whole files: it must reproduce every shipped byte it does not change.
    descriptor = validate.read_descriptor(SHIPPED)
    for res in descriptor["resources"]:
        if res["path"].endswith(".csv"):
            path = SHIPPED / res["path"]
            raw = validate.read_raw_csv(path)
            assert ingest._csv_bytes(raw, res["schema"]) == path.read_bytes(), res["path"]


def test_add_tiers_on_a_copy_of_the_shipped_data(tmp_path, monkeypatch, snapshot):
    import shutil

    copy = tmp_path / "data"
    shutil.copytree(SHIPPED, copy)
    monkeypatch.setenv("TIPANALYSIS_DATA_DIR", str(copy))
    problems_before = validate.validate_package(copy)
    kuwait_2025 = write(tmp_path / "k.txt", "TIER 2\nKuwait\n")  # as shipped: a no-op
    before = snapshot(copy)
    assert "nothing to add" in ingest.add_tiers(kuwait_2025, year=2025, source_url=URL)
    assert snapshot(copy) == before
    source = write(tmp_path / "t.txt", "TIER 2\nالكويت  Bahrain\nTIER 3\nBurma\n")
    assert "3 added" in ingest.add_tiers(source, year=2026, source_url=URL)
    assert validate.validate_package(copy) == problems_before
    tiers = data.load_tiers(copy).query("report_year == 2026").set_index("iso3")
    assert tiers["tier"].astype(str).to_dict() == {"BHR": "2", "KWT": "2", "MMR": "3"}


def test_parse_tier_text_heading_beside_countries_is_refused():
    problem = only(fails(ingest.parse_tier_text, "TIER 1\nAustralia    TIER 2\n", file="t.txt"))
    assert (problem.row, problem.column, problem.value) == (2, "country", "TIER 2")


def test_add_tiers_ignores_bidi_marks(data_copy, tmp_path):
    source = write(tmp_path / "ar.csv", "country,tier\n\u200fالكويت\u200f,\u200fالفئة الثانية\n")
    ingest.add_tiers(source, year=2026, source_url=URL, data_dir=data_copy)
    new = data.load_tiers(data_copy).query("report_year == 2026")
    assert new[["iso3", "country"]].values.tolist() == [["KWT", "Kuwait"]]
    assert new["tier"].astype(str).tolist() == ["2"]


def test_add_enforcement_unknown_iso3_code(data_copy, tmp_path, snapshot):
    before = snapshot(data_copy)
    source = write(tmp_path / "e.csv", "iso3,report_year,period_start,period_end,measure,unit,"
                   "value\nKWT,2019,2018-04-01,2019-03-31,convictions,persons,3\n"
                   "XYZ,2019,2018-04-01,2019-03-31,convictions,persons,4\n")
    problem = only(fails(ingest.add_enforcement, source, source_url=URL,
                         reported_by="tip_report", data_dir=data_copy))
    assert (problem.file, problem.row, problem.column, problem.value) == (
        str(source), 3, "iso3", "XYZ")
    assert snapshot(data_copy) == before


# --- the caller's data folder decides country names ------------------------------------------
# "Synthetistan" is a SYNTHETIC alias added to one copy of the fixture folder only.

ALIAS_ROW = "Synthetistan,KWT,synthetic alias added to this copy only\n"


def _add_alias(root: Path) -> None:
    """Add the alias to a folder's table and its checksum, so that the folder stays valid."""
    with (root / "reference" / "country_aliases.csv").open("a", encoding="utf-8") as fh:
        fh.write(ALIAS_ROW)
    descriptor = validate.read_descriptor(root)
    validate.write_descriptor(
        validate.update_hashes(descriptor, root, ["reference/country_aliases.csv"]), root)


def _copy(source: Path, target: Path, alias: bool) -> Path:
    shutil.copytree(source, target)
    if alias:
        _add_alias(target)
    return target


def test_add_tiers_uses_the_aliases_of_the_given_data_dir(fixture_data, tmp_path, monkeypatch):
    monkeypatch.setenv("TIPANALYSIS_DATA_DIR", str(fixture_data))  # default lacks the alias
    target = _copy(fixture_data, tmp_path / "target", alias=True)
    source = write(tmp_path / "t.csv", "country,tier\nSynthetistan,2\n")
    assert "1 added" in ingest.add_tiers(source, year=2026, source_url=URL, data_dir=target)
    new = data.load_tiers(target).query("report_year == 2026")
    assert new["iso3"].tolist() == ["KWT"]
    assert validate.validate_package(target) == []


def test_add_tiers_ignores_the_default_folders_aliases(fixture_data, data_copy, tmp_path,
                                                       snapshot):
    _add_alias(data_copy)  # data_copy is TIPANALYSIS_DATA_DIR: the default folder
    target = _copy(fixture_data, tmp_path / "target", alias=False)
    before = snapshot(target)
    source = write(tmp_path / "t.csv", "country,tier\nSynthetistan,2\n")
    problem = only(fails(ingest.add_tiers, source, year=2026, source_url=URL, data_dir=target))
    assert (problem.row, problem.column, problem.value) == (2, "country", "Synthetistan")
    assert snapshot(target) == before


def test_add_enforcement_uses_the_aliases_of_the_given_data_dir(fixture_data, tmp_path,
                                                                monkeypatch):
    monkeypatch.setenv("TIPANALYSIS_DATA_DIR", str(fixture_data))
    target = _copy(fixture_data, tmp_path / "target", alias=True)
    source = write(tmp_path / "e.csv", ENF_HEADER
                   + "Synthetistan,2019,2018-04-01,2019-03-31,convictions,persons,3,q\n")
    assert "1 added" in ingest.add_enforcement(source, source_url=URL, reported_by="tip_report",
                                               data_dir=target)
    assert validate.validate_package(target) == []


# --- add_enforcement: new measures -----------------------------------------------------------

GOV = "Kuwait,,2024-01-01,2024-12-31"
EXITS = "Women who left the PAM shelter in the period (synthetic)"


def _measure_field(root: Path) -> dict:
    descriptor = validate.read_descriptor(root)
    schema = validate.resource(descriptor, "kuwait/enforcement.csv")["schema"]
    return next(f for f in schema["fields"] if f["name"] == "measure")


def test_add_enforcement_new_measure(data_copy, tmp_path):
    source = write(tmp_path / "e.csv", ENF_HEADER
                   + f"{GOV},shelter_exits,persons,40,\"40 women left (synthetic)\"\n"
                   + f"{GOV},investigations,cases,190,q\n")
    summary = ingest.add_enforcement(source, source_url=URL, reported_by="government",
                                     new_measures={"shelter_exits": EXITS}, data_dir=data_copy)
    assert "2 added, 0 replaced" in summary and "new measure(s) shelter_exits" in summary
    assert validate.validate_package(data_copy) == []  # rows, schema and sha256 agree
    field = _measure_field(data_copy)
    assert field["constraints"]["enum"][-1] == "shelter_exits"
    assert field["description"].endswith(f"shelter_exits (government; unit persons): {EXITS}.")
    rows = data.load_enforcement(data_copy, reported_by="government")
    assert rows.set_index("measure").loc["shelter_exits", "value"] == 40.0
    # Once in the data, the measure is known: later figures need no declaration.
    more = write(tmp_path / "more.csv", ENF_HEADER
                 + "Kuwait,,2025-01-01,2025-12-31,shelter_exits,persons,41,q\n")
    assert "1 added" in ingest.add_enforcement(more, source_url=URL, reported_by="government",
                                               data_dir=data_copy)
    assert _measure_field(data_copy) == field
    assert validate.validate_package(data_copy) == []


def test_cli_validate_after_new_measure(data_copy, tmp_path, capsys):
    source = write(tmp_path / "e.csv", ENF_HEADER + f"{GOV},shelter_exits,persons,40,q\n")
    base = ["data", "--data-dir", str(data_copy)]
    assert cli.main([*base, "add-enforcement", str(source), "--source", URL,
                     "--reported-by", "government", "--new-measure", "shelter_exits",
                     EXITS]) == 0
    assert "new measure(s) shelter_exits" in capsys.readouterr().out
    assert cli.main([*base, "validate"]) == 0
    assert "data validate: OK" in capsys.readouterr().out


def test_add_enforcement_unknown_measure_names_file_row_value(data_copy, tmp_path, snapshot):
    before = snapshot(data_copy)
    source = write(tmp_path / "e.csv", ENF_HEADER + f"{GOV},investigations,cases,190,q\n"
                   + f"{GOV},shelter_exits,persons,40,q\n")
    problem = only(fails(ingest.add_enforcement, source, source_url=URL,
                         reported_by="government", data_dir=data_copy))
    assert (problem.file, problem.row, problem.column, problem.value) == (
        str(source), 3, "measure", "shelter_exits")
    assert "unknown measure for reported_by='government'" in problem.message
    assert "--new-measure shelter_exits" in problem.message
    assert snapshot(data_copy) == before


def test_cli_unknown_measure_without_option(data_copy, tmp_path, capsys, snapshot):
    before = snapshot(data_copy)
    source = write(tmp_path / "e.csv", ENF_HEADER + f"{GOV},shelter_exits,persons,40,q\n")
    assert cli.main(["data", "--data-dir", str(data_copy), "add-enforcement", str(source),
                     "--source", URL, "--reported-by", "government"]) == 1
    err = capsys.readouterr().err
    assert f"{source}, row 2, column 'measure'" in err and "'shelter_exits'" in err
    assert snapshot(data_copy) == before


@pytest.mark.parametrize(("new_measures", "value", "message"), [
    ({"shelter_exits": EXITS, "shelter_entries": EXITS}, "shelter_entries",
     "no row of the file uses it"),
    ({"shelter_exits": EXITS, "investigations": EXITS}, "investigations", "already known"),
    ({"shelter_exits": "  "}, "shelter_exits", "needs a one-line definition"),
    ({"shelter_exits": "two\nlines"}, "shelter_exits", "needs a one-line definition"),
])
def test_add_enforcement_bad_new_measure_declarations(data_copy, tmp_path, snapshot,
                                                      new_measures, value, message):
    before = snapshot(data_copy)
    source = write(tmp_path / "e.csv", ENF_HEADER + f"{GOV},shelter_exits,persons,40,q\n")
    problem = only(fails(ingest.add_enforcement, source, source_url=URL,
                         reported_by="government", new_measures=new_measures,
                         data_dir=data_copy))
    assert (problem.file, problem.row, problem.column, problem.value) == (
        str(source), None, "measure", value)
    assert message in problem.message
    assert snapshot(data_copy) == before


def test_add_enforcement_new_measure_badly_named(data_copy, tmp_path, snapshot):
    before = snapshot(data_copy)
    source = write(tmp_path / "e.csv", ENF_HEADER + f"{GOV},Shelter Exits,persons,40,q\n")
    problems = fails(ingest.add_enforcement, source, source_url=URL, reported_by="government",
                     new_measures={"Shelter Exits": EXITS}, data_dir=data_copy)
    assert (problems[0].row, problems[0].value) == (None, "Shelter Exits")
    assert "lower-case letters" in problems[0].message
    assert snapshot(data_copy) == before


def test_add_enforcement_new_measure_with_a_bad_row_writes_nothing(data_copy, tmp_path,
                                                                   snapshot):
    before = snapshot(data_copy)
    source = write(tmp_path / "e.csv", ENF_HEADER + f"{GOV},shelter_exits,persons,40,q\n"
                   + f"{GOV},investigations,cases,-1,q\n")
    problem = only(fails(ingest.add_enforcement, source, source_url=URL,
                         reported_by="government", new_measures={"shelter_exits": EXITS},
                         data_dir=data_copy))
    assert (problem.row, problem.column, problem.value) == (3, "value", "-1")
    assert snapshot(data_copy) == before  # neither the rows nor the definition


def test_add_enforcement_new_measure_is_written_with_the_rows_or_not_at_all(
        data_copy, tmp_path, snapshot, monkeypatch):
    from tipanalysis.data import transaction

    real = transaction._write_temp  # every data write goes through transaction.commit

    def failing(path, content, txid):
        if path.name == validate.DESCRIPTOR:
            raise OSError("disk full (simulated)")
        return real(path, content, txid)

    monkeypatch.setattr(transaction, "_write_temp", failing)
    before = snapshot(data_copy)
    source = write(tmp_path / "e.csv", ENF_HEADER + f"{GOV},shelter_exits,persons,40,q\n")
    with pytest.raises(OSError, match="simulated"):
        ingest.add_enforcement(source, source_url=URL, reported_by="government",
                               new_measures={"shelter_exits": EXITS}, data_dir=data_copy)
    assert snapshot(data_copy) == before  # enforcement.csv's temp file was removed too


def test_cli_new_measure_given_twice_is_refused(data_copy, tmp_path, capsys, snapshot):
    before = snapshot(data_copy)
    source = write(tmp_path / "e.csv", ENF_HEADER + f"{GOV},shelter_exits,persons,40,q\n")
    assert cli.main(["data", "--data-dir", str(data_copy), "add-enforcement", str(source),
                     "--source", URL, "--reported-by", "government",
                     "--new-measure", "shelter_exits", EXITS,
                     "--new-measure", "shelter_exits", "another definition"]) == 1
    assert "--new-measure shelter_exits is given twice" in capsys.readouterr().err
    assert snapshot(data_copy) == before
