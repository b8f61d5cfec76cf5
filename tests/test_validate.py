"""Tests of tipanalysis.validate: descriptor, schema checks, typed reading, atomic writes.

All tables here are synthetic (the fixture folder and small inline frames).
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pandas as pd
import pytest

from tipanalysis import cli, paths, validate
from tipanalysis.errors import DataValidationError, Problem

SHIPPED = paths.REPO_DIR / "data"

SCHEMA = {
    "fields": [
        {"name": "iso3", "type": "string",
         "constraints": {"required": True, "pattern": "^[A-Z]{3}$"}},
        {"name": "report_year", "type": "year", "constraints": {"required": True,
                                                                "minimum": 2001}},
        {"name": "tier", "type": "string", "categories": ["1", "2", "2WL", "3"],
         "categoriesOrdered": True},
        {"name": "status", "type": "string", "constraints": {"enum": ["ranked", "special"]}},
        {"name": "waiver", "type": "boolean", "trueValues": ["true"], "falseValues": ["false"]},
        {"name": "value", "type": "number", "constraints": {"minimum": 0, "maximum": 100}},
        {"name": "n", "type": "integer"},
        {"name": "day", "type": "date"},
        {"name": "code", "type": "string", "constraints": {"unique": True}},
    ],
    "primaryKey": ["iso3", "report_year"],
    "missingValues": [""],
}
GOOD_ROW = {"iso3": "KWT", "report_year": "2024", "tier": "2WL", "status": "ranked",
            "waiver": "true", "value": "1.5", "n": "3", "day": "2024-06-24", "code": "a"}


def frame(*rows: dict[str, str]) -> pd.DataFrame:
    return pd.DataFrame([{**GOOD_ROW, **r} for r in rows], columns=list(GOOD_ROW), dtype=str)


def only(problems: list[Problem]) -> Problem:
    assert len(problems) == 1, problems
    return problems[0]


# --- descriptor ------------------------------------------------------------------------------


def test_read_descriptor_returns_resources(fixture_data):
    descriptor = validate.read_descriptor(fixture_data)
    assert validate.resource(descriptor, "tier_placements")["path"] == "tiers/tier_placements.csv"
    assert validate.resource(descriptor, "tiers/coverage.csv")["name"] == "coverage"


def test_resource_unknown_name_lists_known(fixture_data):
    with pytest.raises(KeyError, match=r"no resource named 'nope'.*tier_placements"):
        validate.resource(validate.read_descriptor(fixture_data), "nope")


def test_read_descriptor_malformed_json_names_line(tmp_path):
    (tmp_path / "datapackage.json").write_text('{\n  "resources": [\n}\n', encoding="utf-8")
    with pytest.raises(DataValidationError) as err:
        validate.read_descriptor(tmp_path)
    problem = only(err.value.problems)
    assert (problem.file, problem.row) == ("datapackage.json", 3)
    assert "not valid JSON" in problem.message


def test_write_descriptor_sorted_and_stable(tmp_path):
    descriptor = {"resources": [{"path": "a.csv", "name": "a"}], "name": "x", "title": "é"}
    validate.write_descriptor(descriptor, tmp_path)
    first = (tmp_path / "datapackage.json").read_bytes()
    validate.write_descriptor(validate.read_descriptor(tmp_path), tmp_path)
    assert (tmp_path / "datapackage.json").read_bytes() == first
    assert first == (b'{\n  "name": "x",\n  "resources": [\n    {\n      "name": "a",\n'
                     b'      "path": "a.csv"\n    }\n  ],\n  "title": "\xc3\xa9"\n}\n')


def test_update_hashes_from_disk_and_from_contents(tmp_path):
    (tmp_path / "a.csv").write_bytes(b"x\n1\n")
    descriptor = {"resources": [{"name": "a", "path": "a.csv", "hash": "old", "bytes": 0}]}
    from_disk = validate.update_hashes(descriptor, tmp_path, ["a"])
    assert from_disk["resources"][0]["bytes"] == 4
    assert from_disk["resources"][0]["hash"] == (
        "sha256:" + __import__("hashlib").sha256(b"x\n1\n").hexdigest())
    pending = validate.update_hashes(descriptor, tmp_path, ["a"], contents={"a": b"y\n"})
    assert pending["resources"][0]["bytes"] == 2
    assert descriptor["resources"][0]["hash"] == "old"  # the input is not modified


# --- check_table -----------------------------------------------------------------------------


def test_check_table_valid_frame_has_no_problem():
    assert validate.check_table(frame({}, {"iso3": "BHR", "code": "b"}), SCHEMA, file="t") == []


def test_check_table_missing_and_extra_columns():
    raw = frame({}).drop(columns=["n"]).assign(extra="1")
    problems = validate.check_table(raw, SCHEMA, file="t.csv")
    assert [(p.row, p.column, p.message) for p in problems] == [
        (1, "n", "column missing from the header"),
        (1, "extra", "column not described in the schema"),
    ]


def test_check_table_reordered_columns():
    raw = frame({})[["report_year", *[c for c in GOOD_ROW if c != "report_year"]]]
    problem = only(validate.check_table(raw, SCHEMA, file="t.csv"))
    assert problem.row == 1 and "schema order" in problem.message


@pytest.mark.parametrize(("change", "column", "message"), [
    ({"iso3": ""}, "iso3", "required value is missing"),
    ({"iso3": "kwt"}, "iso3", "does not match pattern"),
    ({"report_year": "24"}, "report_year", "not a four-digit year"),
    ({"report_year": "1999"}, "report_year", "below the minimum"),
    ({"tier": "4"}, "tier", "not one of the categories"),
    ({"status": "ranking"}, "status", "not one of"),
    ({"waiver": "yes"}, "waiver", "not a boolean"),
    ({"value": "abc"}, "value", "not a number"),
    ({"value": "nan"}, "value", "not a number"),
    ({"value": "-1"}, "value", "below the minimum"),
    ({"value": "100.5"}, "value", "above the maximum"),
    ({"n": "1.0"}, "n", "not an integer"),
    ({"day": "2024-02-30"}, "day", "month"),
    ({"day": "24/06/2024"}, "day", "not an ISO date"),
])
def test_check_table_cell_problem_names_row_column_value(change, column, message):
    raw = frame({"iso3": "BHR", "code": "b"}, {**change})
    problem = only(validate.check_table(raw, SCHEMA, file="t.csv"))
    assert (problem.file, problem.row, problem.column) == ("t.csv", 3, column)
    assert problem.value == next(iter(change.values()))
    assert message in problem.message


def test_check_table_unique_and_primary_key_duplicates():
    raw = frame({"code": "a"}, {"iso3": "BHR", "code": "a"}, {"code": "c"})
    problems = validate.check_table(raw, SCHEMA, file="t.csv")
    assert [(p.row, p.column, p.value) for p in problems] == [
        (3, "code", "a"),
        (4, "iso3, report_year", ("KWT", 2024)),
    ]
    assert "first on row 2" in problems[1].message


def test_check_table_unique_keys_treat_empty_cells_as_equal():
    schema = {"fields": [{"name": "a"}, {"name": "b"}], "uniqueKeys": [["a", "b"]]}
    raw = pd.DataFrame({"a": ["x", "x", "x"], "b": ["", "1", ""]}, dtype=str)
    problem = only(validate.check_table(raw, schema, file="t.csv"))
    assert (problem.row, problem.value) == (4, ("x", None))
    assert "duplicate unique key" in problem.message


def test_check_table_collects_every_problem_in_row_order():
    raw = frame({"iso3": "k", "tier": "9"}, {"report_year": "x", "code": "b"},
                {"value": "-3", "code": "c"})
    problems = validate.check_table(raw, SCHEMA, file="t.csv")
    assert [(p.row, p.column) for p in problems] == [
        (2, "iso3"), (2, "tier"), (3, "report_year"), (4, "value")]


def test_check_table_uses_file_line_numbers_from_index():
    raw = frame({"iso3": "BAD"}).set_axis(pd.Index([7], name="line"))
    raw.loc[7, "iso3"] = "bad"
    assert only(validate.check_table(raw, SCHEMA, file="t.csv")).row == 7


def test_check_schema_rejects_unknown_type():
    schema = {"fields": [{"name": "a", "type": "float"}], "primaryKey": ["b"]}
    problems = validate.check_schema(schema, file="t.csv")
    assert [(p.column, p.value) for p in problems] == [("a", "float"), ("b", "b")]


# --- read_csv --------------------------------------------------------------------------------


def write_rows(path: Path, text: str, *, bom: bool = False) -> Path:
    path.write_bytes((b"\xef\xbb\xbf" if bom else b"") + text.encode("utf-8"))
    return path


CSV_TEXT = ("iso3,report_year,tier,status,waiver,value,n,day,code\n"
            "KWT,2024,2WL,ranked,true,1.5,3,2024-06-24,a\n"
            "SOM,2024,,special,,,,,b\n")


def test_read_csv_casts_types_and_missing(tmp_path):
    df = validate.read_csv(write_rows(tmp_path / "t.csv", CSV_TEXT), SCHEMA)
    assert df["tier"].dtype == pd.CategoricalDtype(["1", "2", "2WL", "3"], ordered=True)
    assert df["tier"].tolist()[0] == "2WL" and pd.isna(df["tier"].iloc[1])
    assert df["report_year"].dtype == "Int64" and df["n"].dtype == "Int64"
    assert df["n"].isna().tolist() == [False, True]
    assert df["value"].dtype == "float64" and df["value"].iloc[0] == 1.5
    assert df["waiver"].dtype == "boolean" and df["waiver"].iloc[0]
    assert pd.isna(df["waiver"].iloc[1])
    assert df["day"].dtype.kind == "M" and df["day"].iloc[0] == pd.Timestamp("2024-06-24")
    assert df["iso3"].dtype == "str" and df["iso3"].tolist() == ["KWT", "SOM"]


def test_read_csv_accepts_utf8_bom(tmp_path):
    plain = validate.read_csv(write_rows(tmp_path / "a.csv", CSV_TEXT), SCHEMA)
    bom = validate.read_csv(write_rows(tmp_path / "b.csv", CSV_TEXT, bom=True), SCHEMA)
    pd.testing.assert_frame_equal(plain, bom)


def test_read_csv_raises_every_problem(tmp_path):
    text = CSV_TEXT.replace("2WL", "4").replace("SOM", "som")
    with pytest.raises(DataValidationError) as err:
        validate.read_csv(write_rows(tmp_path / "t.csv", text), SCHEMA, file="t.csv")
    assert [(p.row, p.column, p.value) for p in err.value.problems] == [
        (2, "tier", "4"), (3, "iso3", "som")]


def test_read_csv_rejects_invalid_utf8_with_offset(tmp_path):
    path = tmp_path / "t.csv"
    content = CSV_TEXT.encode() + b"KWT,2025,2,ranked,true,1,1,2025-01-01,\xff\n"
    path.write_bytes(content)
    with pytest.raises(DataValidationError) as err:
        validate.read_csv(path, SCHEMA, file="t.csv")
    problem = only(err.value.problems)
    assert (problem.file, problem.row) == ("t.csv", 4)
    offset = content.index(b"\xff")
    assert f"byte offset {offset}" in problem.message and problem.value == b"\xff\n"


def test_parse_csv_text_ragged_row_and_unclosed_quote():
    _, ragged = validate.parse_csv_text("a,b\n1,2\n3,4,5\n", file="t.csv")
    assert [(p.row, p.value) for p in ragged] == [(3, 3)]
    _, unclosed = validate.parse_csv_text('a,b\n1,2\n3,"x\n4,5\n', file="t.csv")
    assert only(unclosed).row == 3 and "unclosed quote" in unclosed[0].message


def test_format_csv_round_trips_the_fixture_file(fixture_data):
    res = validate.resource(validate.read_descriptor(fixture_data), "tier_placements")
    path = fixture_data / res["path"]
    df = validate.read_csv(path, res["schema"])
    assert validate.format_csv(df, res["schema"]) == path.read_bytes()


# --- validate_package ------------------------------------------------------------------------


def test_validate_package_passes_on_fixture(fixture_data):
    assert validate.validate_package(fixture_data) == []


def test_validate_package_passes_on_shipped_data():
    assert [str(p) for p in validate.validate_package(SHIPPED)] == []


def test_validate_package_detects_a_changed_byte(data_copy):
    path = data_copy / "tiers" / "tier_placements.csv"
    content = bytearray(path.read_bytes())
    content[content.index(b"Kuwait")] = ord("k")  # same size, different hash
    path.write_bytes(bytes(content))
    problem = only(validate.validate_package(data_copy))
    assert problem.file == "tiers/tier_placements.csv" and "sha256 differs" in problem.message


def test_validate_package_detects_a_size_change(data_copy):
    path = data_copy / "kuwait" / "timeline.csv"
    path.write_bytes(path.read_bytes() + b"\n")
    messages = [p.message for p in validate.validate_package(data_copy)]
    assert any("size differs" in m for m in messages)
    assert any("sha256 differs" in m for m in messages)


def _rehash(data_dir: Path, name: str) -> None:
    descriptor = validate.read_descriptor(data_dir)
    validate.write_descriptor(validate.update_hashes(descriptor, data_dir, [name]), data_dir)


def test_validate_package_reports_tier_4_with_row_column_value(data_copy):
    path = data_copy / "tiers" / "tier_placements.csv"
    path.write_bytes(path.read_bytes().replace(b"QAT,Qatar,2024,2,", b"QAT,Qatar,2024,4,"))
    _rehash(data_copy, "tier_placements")
    problem = only(validate.validate_package(data_copy))
    assert (problem.file, problem.row, problem.column, problem.value) == (
        "tiers/tier_placements.csv", 8, "tier", "4")


def test_validate_package_reports_a_changed_field_type(data_copy):
    descriptor = validate.read_descriptor(data_copy)
    fields = validate.resource(descriptor, "cho_3p_index")["schema"]["fields"]
    next(f for f in fields if f["name"] == "country")["type"] = "integer"
    validate.write_descriptor(descriptor, data_copy)
    problems = validate.validate_package(data_copy)
    assert [(p.file, p.row, p.column, p.value) for p in problems] == [
        ("indices/cho_3p_index.csv", 2, "country", "Kuwait"),
        ("indices/cho_3p_index.csv", 3, "country", "Kuwait")]


def test_validate_package_reports_an_unsupported_type(data_copy):
    descriptor = validate.read_descriptor(data_copy)
    fields = validate.resource(descriptor, "coverage")["schema"]["fields"]
    fields[1]["type"] = "float"
    validate.write_descriptor(descriptor, data_copy)
    problem = only(validate.validate_package(data_copy))
    assert (problem.column, problem.value) == ("n_tier1", "float")


def test_validate_package_reports_undescribed_and_missing_files(data_copy):
    (data_copy / "tiers" / "extra.csv").write_text("a\n1\n", encoding="utf-8")
    (data_copy / "README.md").write_text("codebook\n", encoding="utf-8")
    (data_copy / "geo" / "LICENSE.other").write_text("licence\n", encoding="utf-8")
    (data_copy / "indices" / "cho_3p_index.csv").unlink()
    problems = validate.validate_package(data_copy)
    assert [(p.file, p.message) for p in problems] == [
        ("indices/cho_3p_index.csv", "described file does not exist"),
        ("tiers/extra.csv", "file is not described in datapackage.json"),
    ]


def test_validate_package_refuses_paths_outside_the_folder(data_copy):
    descriptor = validate.read_descriptor(data_copy)
    validate.resource(descriptor, "country_aliases")["path"] = "../aliases.csv"
    validate.write_descriptor(descriptor, data_copy)
    problems = validate.validate_package(data_copy)
    assert any(p.column == "path" and p.value == "../aliases.csv" for p in problems)


def test_validate_package_requires_hash_and_bytes(data_copy):
    descriptor = validate.read_descriptor(data_copy)
    del validate.resource(descriptor, "timeline")["hash"]
    validate.write_descriptor(descriptor, data_copy)
    problem = only(validate.validate_package(data_copy))
    assert problem.column == "hash" and "no 'hash'" in problem.message


# --- CLI -------------------------------------------------------------------------------------


def test_cli_validate_ok(fixture_data, capsys):
    assert cli.main(["data", "--data-dir", str(fixture_data), "validate"]) == 0
    assert "data validate: OK" in capsys.readouterr().out


def test_cli_validate_fails_with_problems(data_copy, capsys):
    path = data_copy / "tiers" / "official_counts.csv"
    path.write_bytes(path.read_bytes().replace(b"2025,countries_assessed,4", b"2025,bogus,4"))
    _rehash(data_copy, "official_counts")
    assert cli.main(["data", "--data-dir", str(data_copy), "validate"]) == 1
    err = capsys.readouterr().err
    assert "tiers/official_counts.csv, row 3, column 'measure'" in err
    assert "(value 'bogus')" in err and "data validate: 1 problem(s)" in err


# --- atomic writes ---------------------------------------------------------------------------


def test_atomic_write_many_writes_all(tmp_path):
    validate.atomic_write_many({tmp_path / "a": b"1", tmp_path / "b": b"2"})
    assert (tmp_path / "a").read_bytes() == b"1" and (tmp_path / "b").read_bytes() == b"2"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a", "b"]


def test_atomic_write_many_writes_nothing_if_one_file_fails(tmp_path):
    (tmp_path / "a").write_bytes(b"old")
    with pytest.raises(FileNotFoundError):
        validate.atomic_write_many({tmp_path / "a": b"new", tmp_path / "no" / "b": b"2"})
    assert (tmp_path / "a").read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["a"]  # no temp file left behind


def test_atomic_write_keeps_the_file_mode(tmp_path):
    path = tmp_path / "a.csv"
    path.write_bytes(b"old")
    os.chmod(path, 0o640)
    validate.atomic_write_text(path, "new")
    assert path.read_text() == "new" and (path.stat().st_mode & 0o777) == 0o640


def test_descriptor_is_parsed_not_executed(tmp_path):
    # A descriptor is JSON: a Python expression in it stays a string.
    (tmp_path / "datapackage.json").write_text(
        json.dumps({"resources": [], "name": "__import__('os').system('false')"}),
        encoding="utf-8")
    assert validate.read_descriptor(tmp_path)["name"].startswith("__import__")


def test_parse_csv_text_keeps_unicode_line_separators_inside_cells():
    df, problems = validate.parse_csv_text("a,b\r\nx\u2028y,z\u0085\r\n", file="t.csv")
    assert problems == [] and df.values.tolist() == [["x\u2028y", "z\u0085"]]
