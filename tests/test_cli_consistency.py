"""One command line (issue 12): --data-dir at any level, --out-dir / --out-file, a readable
``data list``, ``--version``, one-line errors; the data folder outside a checkout."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tipanalysis import cli, data, paths


@pytest.mark.parametrize("argv", [
    ["--data-dir", "{d}", "data", "validate"],
    ["data", "--data-dir", "{d}", "validate"],
    ["data", "validate", "--data-dir", "{d}"],
])
def test_data_dir_is_accepted_at_every_level(argv, fixture_data, monkeypatch, capsys):
    monkeypatch.setenv("TIPANALYSIS_DATA_DIR", "/nonexistent/tipanalysis-data")
    assert cli.main([a.format(d=fixture_data) for a in argv]) == 0
    assert "data validate: OK" in capsys.readouterr().out


def test_data_dir_reaches_strategy_and_run(fixture_data, tmp_path):
    args = cli.build_parser().parse_args(
        ["strategy", "template", "--data-dir", str(fixture_data), "--out-file", "x.xlsx"])
    assert args.data_dir == fixture_data and args.out_file == Path("x.xlsx")
    args = cli.build_parser().parse_args(["--data-dir", str(fixture_data), "run"])
    assert args.data_dir == fixture_data


def test_output_options_say_file_or_folder():
    parser = cli.build_parser()
    assert parser.parse_args(["run", "--out-dir", "d"]).out_dir == Path("d")
    assert parser.parse_args(["brief", "--out-dir", "d"]).out_dir == Path("d")
    assert parser.parse_args(["strategy", "template", "--out-file", "f.xlsx"]).out_file == Path(
        "f.xlsx")
    # the old spelling still works, and is not advertised
    assert parser.parse_args(["run", "--out", "d"]).out_dir == Path("d")
    assert parser.parse_args(["strategy", "template", "--out", "f.xlsx"]).out_file == Path(
        "f.xlsx")
    for command in (["run"], ["brief"], ["strategy", "template"]):
        sub = parser._subparsers._group_actions[0].choices[command[0]]
        if len(command) > 1:
            sub = sub._subparsers._group_actions[0].choices[command[1]]
        text = sub.format_help()
        assert "--out " not in text and "--out\n" not in text
        assert "--out-dir" in text or "--out-file" in text


def test_data_list_is_a_table_no_wider_than_100_columns(capsys):
    assert cli.main(["data", "list"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].split()[:3] == ["name", "rows", "licence"]
    assert max(len(line) for line in lines) <= 100
    assert any(line.startswith("tier_placements") for line in lines)


def test_format_table_wraps_to_the_width():
    rows = [["a", "word " * 60]]
    for width in (40, 80):
        text = cli.format_table(["name", "text"], rows, width)
        assert max(len(line) for line in text.splitlines()) <= width
        assert " ".join(text.split()).count("word") == 60


def test_version(capsys):
    with pytest.raises(SystemExit) as exit_:
        cli.main(["--version"])
    assert exit_.value.code == 0
    assert capsys.readouterr().out.strip().startswith("tipanalysis ")


@pytest.mark.parametrize("argv", [
    ["run", "--jobs", "many"],
    ["data"],
    ["nonsense"],
])
def test_usage_errors_are_one_line(argv, capsys):
    with pytest.raises(SystemExit) as exit_:
        cli.main(argv)
    assert exit_.value.code == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "--help" in err[0]


def test_unexpected_errors_are_one_line_without_traceback(monkeypatch, capsys):
    from tipanalysis import data as data_module

    def boom(*args, **kwargs):
        raise KeyError("resources")

    monkeypatch.setattr(data_module, "datasets", boom)
    assert cli.main(["data", "list"]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and err[0].startswith("error: KeyError") and "report" in err[0]


def test_missing_data_folder_says_how_to_set_it(monkeypatch, tmp_path, capsys):
    # As after a wheel install: the package's default data folder does not exist.
    monkeypatch.delenv("TIPANALYSIS_DATA_DIR", raising=False)
    monkeypatch.setattr(paths, "REPO_DIR", tmp_path / "no-checkout")
    with pytest.raises(FileNotFoundError, match="set TIPANALYSIS_DATA_DIR="):
        data.load_tiers()
    assert cli.main(["data", "list"]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "TIPANALYSIS_DATA_DIR" in err[0]


def test_explicit_data_dir_works_outside_a_checkout(monkeypatch, tmp_path, fixture_data):
    monkeypatch.delenv("TIPANALYSIS_DATA_DIR", raising=False)
    monkeypatch.setattr(paths, "REPO_DIR", tmp_path / "no-checkout")
    assert len(data.load_tiers(fixture_data)) > 0
    monkeypatch.setenv("TIPANALYSIS_DATA_DIR", str(fixture_data))
    assert len(data.load_tiers()) > 0


def test_console_script_errors_have_no_traceback(tmp_path):
    proc = subprocess.run([sys.executable, "-m", "tipanalysis.report.cli", "run",
                           str(tmp_path / "01_missing.ipynb"), "--no-progress"],
                          capture_output=True, text=True)
    assert proc.returncode == 1
    assert "Traceback" not in proc.stderr and len(proc.stderr.strip().splitlines()) == 1
