"""Tests of tipanalysis.cli: ``--data-dir`` reaches the country names of every command.

Every folder here is a copy of the SYNTHETIC fixture data; "Synthetistan" is a made-up alias
added to one copy only (with its checksum, so that the copy stays valid).
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tipanalysis import brief, cli, data, validate

URL = "https://www.state.gov/reports/2026-trafficking-in-persons-report/"
ALIAS_ROW = "Synthetistan,KWT,synthetic alias added to this copy only\n"


def _copy(source: Path, target: Path, *, alias: bool) -> Path:
    """Copy a data folder; optionally add the alias to the copy's table and descriptor."""
    shutil.copytree(source, target)
    if alias:
        with (target / "reference" / "country_aliases.csv").open("a", encoding="utf-8") as fh:
            fh.write(ALIAS_ROW)
        descriptor = validate.read_descriptor(target)
        validate.write_descriptor(
            validate.update_hashes(descriptor, target, ["reference/country_aliases.csv"]),
            target)
    return target


@pytest.fixture
def folders(fixture_data: Path, tmp_path: Path) -> tuple[Path, Path]:
    """(a copy with the alias, a copy without it); neither is the default folder yet."""
    return (_copy(fixture_data, tmp_path / "with_alias", alias=True),
            _copy(fixture_data, tmp_path / "without_alias", alias=False))


def _add_tiers(data_dir: Path, source: Path) -> list[str]:
    return ["data", "--data-dir", str(data_dir), "add-tiers", str(source), "--year", "2026",
            "--source", URL]


def test_add_tiers_data_dir_aliases_win_over_the_default(folders, tmp_path, monkeypatch,
                                                         capsys):
    with_alias, without_alias = folders
    monkeypatch.setenv("TIPANALYSIS_DATA_DIR", str(without_alias))
    source = tmp_path / "t.csv"
    source.write_text("country,tier\nSynthetistan,2\n", encoding="utf-8")
    assert cli.main(_add_tiers(with_alias, source)) == 0
    assert "1 added" in capsys.readouterr().out
    assert data.load_tiers(with_alias).query("report_year == 2026")["iso3"].tolist() == ["KWT"]
    assert cli.main(["data", "--data-dir", str(with_alias), "validate"]) == 0


def test_add_tiers_default_aliases_do_not_reach_another_data_dir(folders, tmp_path,
                                                                 monkeypatch, capsys, snapshot):
    with_alias, without_alias = folders
    monkeypatch.setenv("TIPANALYSIS_DATA_DIR", str(with_alias))
    before = snapshot(without_alias)
    source = tmp_path / "t.csv"
    source.write_text("country,tier\nSynthetistan,2\n", encoding="utf-8")
    assert cli.main(_add_tiers(without_alias, source)) == 1
    err = capsys.readouterr().err
    assert f"{source}, row 2, column 'country'" in err and "'Synthetistan'" in err
    assert snapshot(without_alias) == before


def test_brief_resolves_the_country_with_the_data_dir(folders, monkeypatch, tmp_path):
    with_alias, without_alias = folders
    monkeypatch.setattr(brief, "_map", lambda *args: None)  # no boundaries in the fixture
    monkeypatch.setenv("TIPANALYSIS_DATA_DIR", str(without_alias))
    argv = ["brief", "--country", "Synthetistan", "--out", str(tmp_path / "out"), "--data-dir"]
    assert cli.main([*argv, str(with_alias)]) == 0
    assert [p.name for p in (tmp_path / "out").iterdir()] == ["brief_KWT_en.html"]


def test_brief_default_aliases_do_not_reach_another_data_dir(folders, monkeypatch, tmp_path,
                                                             capsys):
    with_alias, without_alias = folders
    monkeypatch.setattr(brief, "_map", lambda *args: None)
    monkeypatch.setenv("TIPANALYSIS_DATA_DIR", str(with_alias))
    argv = ["brief", "--country", "Synthetistan", "--out", str(tmp_path / "out"), "--data-dir"]
    assert cli.main([*argv, str(without_alias)]) == 1
    assert "unknown country name 'Synthetistan'" in capsys.readouterr().err
    assert not (tmp_path / "out").exists()  # nothing written


def test_brief_reads_names_and_groups_from_its_data_dir(folders, monkeypatch):
    with_alias, without_alias = folders
    countries_csv = with_alias / "reference" / "countries.csv"
    text = countries_csv.read_text(encoding="utf-8")
    countries_csv.write_text(text.replace(",Kuwait,", ",Kuwait (copy),", 1), encoding="utf-8")
    descriptor = validate.read_descriptor(with_alias)
    validate.write_descriptor(
        validate.update_hashes(descriptor, with_alias, ["reference/countries.csv"]), with_alias)
    monkeypatch.setattr(brief, "_map", lambda *args: None)  # no boundaries in the fixture
    monkeypatch.setenv("TIPANALYSIS_DATA_DIR", str(without_alias))
    context = brief.build_context("Synthetistan", "en", data_dir=with_alias)
    assert context["iso3"] == "KWT" and context["country"] == "Kuwait (copy)"
    assert context["title"].startswith("Kuwait (copy)")
