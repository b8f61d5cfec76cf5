"""Issue 16, items 6-8: formulas, strict readers and limits on every input file.

Each test below failed on the code before this change (the reader accepted the input, decoded it
wrongly, stored the formula, or hung). Every figure is ILLUSTRATIVE.
"""

from __future__ import annotations

import shutil
import time
import zipfile
from pathlib import Path

import openpyxl
import pytest

from tipanalysis import paths, strategy
from tipanalysis.core.errors import MAX_PROBLEMS_SHOWN, DataValidationError, Problem
from tipanalysis.data import descriptor, ingest, readers

URL = "https://www.state.gov/reports/2026-trafficking-in-persons-report/"
ENF_HEADER = "iso3,measure,unit,value,report_year,quote\n"


@pytest.fixture
def strategy_dir(tmp_path):
    root = tmp_path / "sdata"
    shutil.copytree(paths.data_dir() / "strategy", root / "strategy")
    return root


def problems_of(call, *args, **kwargs) -> list[Problem]:
    with pytest.raises(DataValidationError) as info:
        call(*args, **kwargs)
    return info.value.problems


def messages(problems: list[Problem]) -> str:
    return "\n".join(str(p) for p in problems)


def xlsx(path: Path, rows: list[list], *, hide_row: int | None = None,
         hidden_sheet: bool = False, title: str = "observations") -> Path:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = title
    for row in rows:
        ws.append(row)
    if hide_row is not None:
        ws.row_dimensions[hide_row].hidden = True
    if hidden_sheet:
        secret = wb.create_sheet("secret")
        secret.append(["indicator_id", "period", "value", "source"])
        secret.sheet_state = "hidden"
    wb.save(path)
    return path


def snapshot(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes()
            for p in sorted(folder.rglob("*")) if p.is_file()
            # the write lock is lock machinery, not data (README, "Data safety")
            and p.name not in (".tipanalysis.lock", ".tipanalysis.lock.owner")}


# --- item 6: formulas ------------------------------------------------------------------------

FORMULAS = ["=HYPERLINK(\"http://x\",\"y\")", "=cmd|' /C calc'!A0", "@SUM(A1:A2)", "+1+1",
            "-2+3", "\tx"]


@pytest.mark.parametrize("text", [*FORMULAS, "\rx"])
def test_strategy_import_refuses_formula_text_in_csv(strategy_dir, tmp_path, text):
    path = tmp_path / "in.csv"
    quoted = '"' + text.replace('"', '""') + '"'
    path.write_text(f"indicator_id,period,value,source,note\nA8.1,2025,3,x,{quoted}\n",
                    encoding="utf-8", newline="")
    problems = problems_of(strategy.import_observations, path, data_dir=strategy_dir)
    assert [(p.row, p.column) for p in problems] == [(2, "note")]


@pytest.mark.parametrize("text", FORMULAS)  # XML turns a CR into a line feed: not in XLSX
def test_strategy_import_refuses_formula_text_with_row_and_column(strategy_dir, tmp_path, text):
    path = xlsx(tmp_path / "in.xlsx", [["indicator_id", "period", "value", "source", "note"],
                                       ["A8.1", "2025", 3, "illustrative", text]])
    before = snapshot(strategy_dir)
    problems = problems_of(strategy.import_observations, path, data_dir=strategy_dir)
    assert any(p.row == 2 and p.column == "note" and "formula" in p.message for p in problems)
    assert snapshot(strategy_dir) == before


def test_strategy_import_refuses_a_formula_cell_in_xlsx(strategy_dir, tmp_path):
    path = xlsx(tmp_path / "in.xlsx", [["indicator_id", "period", "value", "source"],
                                       ["A8.1", "2025", "=1+2", "illustrative"]])
    problems = problems_of(strategy.import_observations, path, data_dir=strategy_dir)
    assert [(p.row, p.column) for p in problems if "formula" in p.message] == [(2, "value")]


def test_a_negative_number_stays_a_number(tmp_path):
    # Text "-3" and number -3 are numbers, not formulas: the reader lets them through (the
    # strategy's own check then says a count cannot be negative).
    assert readers.cell_problems("-3", file="f", row=2, column="value") == []
    assert readers.cell_problems(-3, file="f", row=2, column="value") == []
    assert readers.cell_problems("-1,250.5", file="f", row=2, column="value") == []
    path = tmp_path / "enf.csv"
    path.write_text(ENF_HEADER + "KWT,prosecutions,persons,-3,2025,\n", encoding="utf-8")
    assert readers.read_table(path)[0]["value"].tolist() == ["-3"]


@pytest.mark.parametrize("text", ["=HYPERLINK(\"http://evil\",\"click\")", "@SUM(A1)", "-x"])
def test_add_enforcement_refuses_formula_in_a_quote(data_copy, tmp_path, text):
    path = tmp_path / "enf.csv"
    quoted = '"' + text.replace('"', '""') + '"'
    path.write_text(ENF_HEADER + f"KWT,prosecutions,persons,3,2025,{quoted}\n", encoding="utf-8")
    before = snapshot(data_copy)
    problems = problems_of(ingest.add_enforcement, path, source_url=URL,
                           reported_by="tip_report", data_dir=data_copy)
    assert any(p.row == 2 and p.column == "quote" and "formula" in p.message for p in problems)
    assert snapshot(data_copy) == before


def test_add_tiers_refuses_formula_in_a_note(data_copy, tmp_path):
    path = xlsx(tmp_path / "t.xlsx", [["country", "tier", "note"],
                                      ["Qatar", "Tier 2", "=cmd|' /C calc'!A0"]], title="Sheet")
    problems = problems_of(ingest.add_tiers, path, year=2026, source_url=URL,
                           data_dir=data_copy)
    assert any(p.row == 2 and p.column == "note" and "formula" in p.message for p in problems)


def test_template_stores_formula_like_text_as_text(tmp_path, monkeypatch):
    import pandas as pd

    from tipanalysis.data import strategy_files

    indicators = pd.DataFrame({"indicator_id": ["A1.1"], "name_en": ["=HYPERLINK(\"x\",\"y\")"],
                               "definition": ["@SUM(A1)"]})
    out = strategy_files.write_entry_workbook(tmp_path / "t.xlsx", indicators,
                                              [("-not a formula", "=1+1")])
    with zipfile.ZipFile(out) as z:
        xml = "".join(z.read(n).decode() for n in z.namelist() if n.startswith("xl/worksheets/"))
    assert "<f>" not in xml  # no formula anywhere
    book = openpyxl.load_workbook(out)
    assert book["indicators"]["B2"].data_type == "s"
    assert book["indicators"]["B2"].value == "=HYPERLINK(\"x\",\"y\")"
    assert book["README"]["B1"].data_type == "s"


# --- item 7: strict readers ------------------------------------------------------------------

def test_strategy_import_refuses_extra_cells_and_duplicate_columns(strategy_dir, tmp_path):
    path = tmp_path / "in.csv"
    path.write_text("indicator_id,period,value,source,value\nA8.1,2025,3,x,999\n"
                    "A8.1,2026,4,x,4,extra\n", encoding="utf-8")
    problems = problems_of(strategy.import_observations, path, data_dir=strategy_dir)
    text = messages(problems)
    assert "duplicate column name" in text
    assert any(p.row == 3 and "cells" in p.message for p in problems)


def test_strategy_import_refuses_cells_beyond_the_header_in_xlsx(strategy_dir, tmp_path):
    path = xlsx(tmp_path / "in.xlsx", [["indicator_id", "period", "value", "source"],
                                       ["A8.1", "2025", 3, "x", "dropped before"]])
    problems = problems_of(strategy.import_observations, path, data_dir=strategy_dir)
    assert any(p.row == 2 and "the header has 4" in p.message for p in problems)


def test_strategy_import_refuses_hidden_rows_and_sheets(strategy_dir, tmp_path):
    rows = [["indicator_id", "period", "value", "source"], ["A8.1", "2025", 3, "x"],
            ["A8.1", "2026", 4, "x"]]
    hidden_row = xlsx(tmp_path / "row.xlsx", rows, hide_row=3)
    assert "hidden" in messages(problems_of(strategy.import_observations, hidden_row,
                                            data_dir=strategy_dir))
    hidden_sheet = xlsx(tmp_path / "sheet.xlsx", rows, hidden_sheet=True)
    assert "hidden" in messages(problems_of(strategy.import_observations, hidden_sheet,
                                            data_dir=strategy_dir))


@pytest.mark.parametrize(("value", "words"), [(2.5, "whole number"), ("2.5", "whole number"),
                                              (10**30, "implausibly large")])
def test_strategy_import_refuses_fractional_or_huge_counts(strategy_dir, tmp_path, value, words):
    path = xlsx(tmp_path / "in.xlsx", [["indicator_id", "period", "value", "source"],
                                       ["A8.1", "2025", value, "x"]])
    problems = problems_of(strategy.import_observations, path, data_dir=strategy_dir)
    assert any(p.column == "value" and words in p.message for p in problems)


@pytest.mark.parametrize("url", ["javascript:alert(1)", "file:///etc/passwd", "ftp://x.org/a"])
def test_strategy_import_refuses_non_http_urls(strategy_dir, tmp_path, url):
    path = tmp_path / "in.csv"
    path.write_text(f"indicator_id,period,value,source,source_url\nA8.1,2025,3,x,{url}\n",
                    encoding="utf-8")
    problems = problems_of(strategy.import_observations, path, data_dir=strategy_dir)
    assert [(p.row, p.column) for p in problems] == [(2, "source_url")]


def test_add_enforcement_refuses_far_report_years_and_huge_counts(data_copy, tmp_path):
    path = tmp_path / "enf.csv"
    path.write_text(ENF_HEADER + "KWT,prosecutions,persons,3,2100,\n"
                    f"KWT,convictions,persons,{10**30},2025,\n", encoding="utf-8")
    before = snapshot(data_copy)
    problems = problems_of(ingest.add_enforcement, path, source_url=URL,
                           reported_by="tip_report", data_dir=data_copy)
    assert any(p.row == 2 and p.column == "report_year" for p in problems)
    assert any(p.row == 3 and "implausibly large" in p.message for p in problems)
    assert snapshot(data_copy) == before


def test_add_tiers_refuses_a_year_past_the_data_plus_one(data_copy, tmp_path):
    path = tmp_path / "t.csv"
    path.write_text("country,tier\nQatar,Tier 2\n", encoding="utf-8")
    problems = problems_of(ingest.add_tiers, path, year=2027, source_url=URL,
                           data_dir=data_copy)  # the synthetic data end in 2025
    assert any(p.column == "report_year" for p in problems)


@pytest.mark.parametrize("name", ["Qa\u200btar", "Qatar\x00", "Qa\x07tar", "Qatar\ufeff"])
def test_zero_width_control_and_nul_characters_are_refused(data_copy, tmp_path, name):
    path = tmp_path / "t.csv"
    path.write_text(f"country,tier\n{name},Tier 2\n", encoding="utf-8")
    problems = problems_of(ingest.add_tiers, path, year=2026, source_url=URL,
                           data_dir=data_copy)
    assert any(p.row == 2 or "NUL" in p.message for p in problems)
    text = tmp_path / "t.txt"
    text.write_text(f"TIER 2\n{name}\n", encoding="utf-8")
    assert problems_of(ingest.add_tiers, text, year=2026, source_url=URL, data_dir=data_copy)


@pytest.mark.parametrize("word", ["Dirección", "AÇÃO", "São Tomé", "Curaçao"])
def test_latin1_is_refused_not_decoded_as_windows_1256(tmp_path, word):
    path = tmp_path / "in.csv"
    path.write_bytes(f"country,tier\n{word},1\n".encode("latin-1"))
    problems = problems_of(readers.read_table, path)
    assert "not Arabic Windows-1256" in problems[0].message
    assert "looks like" in problems[0].message  # names the encoding detected


def test_accepted_encodings(tmp_path):
    text = "country,tier\nالكويت,2\nQatar,1\n"
    for encoding in ("utf-8", "utf-8-sig", "utf-16", "cp1256"):
        path = tmp_path / f"{encoding}.csv"
        path.write_bytes(text.encode(encoding))
        assert readers.read_table(path)[0]["country"].tolist() == ["الكويت", "Qatar"]
    nobom = tmp_path / "utf16le.csv"
    nobom.write_bytes(text.encode("utf-16-le"))
    assert problems_of(readers.read_table, nobom)  # UTF-16 needs its BOM


def test_template_refuses_a_path_inside_the_data_folder(strategy_dir, capsys):
    from tipanalysis import cli

    target = strategy_dir / "datapackage.json"
    target.write_text("{}", encoding="utf-8")
    code = cli.main(["strategy", "template", "--data-dir", str(strategy_dir),
                     "--out-file", str(target)])
    assert code == 1 and "inside the data folder" in capsys.readouterr().err
    assert target.read_text(encoding="utf-8") == "{}"
    code = cli.main(["strategy", "template", "--out-file",
                     str(paths.data_dir() / "datapackage.json")])
    assert code == 1


# --- item 8: limits --------------------------------------------------------------------------

def test_a_file_above_the_size_limit_is_refused_up_front(tmp_path, monkeypatch):
    monkeypatch.setenv("TIPANALYSIS_MAX_INPUT_BYTES", "1000")
    path = tmp_path / "big.csv"
    path.write_text("country,tier\n" + "Qatar,1\n" * 500, encoding="utf-8")
    problems = problems_of(readers.read_table, path)
    assert "above the limit" in problems[0].message
    assert readers.max_input_bytes() == 1000
    monkeypatch.delenv("TIPANALYSIS_MAX_INPUT_BYTES")
    assert readers.max_input_bytes() == readers.DEFAULT_MAX_INPUT_BYTES == 20 * 1024 * 1024


def test_problem_lists_are_capped(tmp_path):
    problems = [Problem("f.csv", i, "c", None, "bad") for i in range(5000)]
    message = str(DataValidationError(problems))
    assert message.count("\n  - ") == MAX_PROBLEMS_SHOWN
    assert "and 4000 more problem(s) not shown" in message


def test_data_validate_caps_its_problem_lines(data_copy, capsys, monkeypatch):
    from tipanalysis import cli

    many = [Problem("f.csv", i, "c", None, "bad") for i in range(2500)]
    monkeypatch.setattr(descriptor, "validate_package", lambda data_dir=None: many)
    assert cli.main(["data", "validate"]) == 1
    err = capsys.readouterr().err
    assert err.count("ERROR ") == MAX_PROBLEMS_SHOWN
    assert "1500 more problem(s)" in err


def test_a_catastrophic_descriptor_pattern_does_not_hang(data_copy):
    import json

    path = data_copy / "datapackage.json"
    package = json.loads(path.read_text(encoding="utf-8"))
    for res in package["resources"]:
        for field in (res.get("schema") or {}).get("fields", []):
            if field["name"] == "country":
                field.setdefault("constraints", {})["pattern"] = "(a|aa)+$"
    path.write_text(json.dumps(package), encoding="utf-8")
    tiers = data_copy / "tiers" / "tier_placements.csv"
    lines = tiers.read_text(encoding="utf-8").splitlines()
    head = lines[1].split(",")
    head[1] = "a" * 60 + "b"
    lines[1] = ",".join(head)
    tiers.write_text("\n".join(lines) + "\n", encoding="utf-8")
    start = time.monotonic()
    problems = descriptor.validate_package(data_copy)
    assert time.monotonic() - start < 30
    assert any("catastrophic backtracking" in p.message for p in problems)
