"""Issue 16, item 8: the command line never ends in a traceback.

A corpus of hostile arguments and files is generated below (nothing is committed): folders where
files are expected and files where folders are, missing paths, a 100,000-deep JSON descriptor,
binary and mis-encoded files, permission errors. Each command must exit non-zero with a clear
message starting ``error:``, never a traceback nor the "unexpected" message of an unhandled bug.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tipanalysis import cli, paths

FIXTURE_DATA = Path(__file__).resolve().parent / "fixtures" / "data"
URL = "https://www.state.gov/reports/2026-trafficking-in-persons-report/"


def build_corpus(root: Path) -> dict[str, list[str]]:
    """Write hostile files under ``root``; return {case name: argv}."""
    root.mkdir(parents=True, exist_ok=True)
    folder = root / "a_folder"
    folder.mkdir()
    plain = root / "plain.txt"
    plain.write_text("not a folder\n", encoding="utf-8")
    deep = root / "deep"
    deep.mkdir()
    (deep / "datapackage.json").write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")
    dir_descriptor = root / "dir_descriptor"
    (dir_descriptor / "datapackage.json").mkdir(parents=True)
    garbage = root / "garbage"
    garbage.mkdir()
    (garbage / "datapackage.json").write_bytes(bytes(range(256)) * 4)
    latin = root / "latin"
    latin.mkdir()
    (latin / "datapackage.json").write_bytes('{"title": "Dirección"}'.encode("latin-1"))
    not_obj = root / "not_obj"
    not_obj.mkdir()
    (not_obj / "datapackage.json").write_text("[1, 2, 3]", encoding="utf-8")
    data = root / "data"
    shutil.copytree(FIXTURE_DATA, data)
    binary_xlsx = root / "binary.xlsx"
    binary_xlsx.write_bytes(b"PK\x03\x04" + bytes(range(256)) * 8)
    nul_csv = root / "nul.csv"
    nul_csv.write_bytes(b"country,tier\nQatar\x00,1\n")
    utf16_nobom = root / "utf16.csv"
    utf16_nobom.write_bytes("country,tier\nQatar,1\n".encode("utf-16-le"))
    empty = root / "empty.csv"
    empty.write_bytes(b"")
    deep_csv = root / "deep.csv"
    deep_csv.write_text("country,tier\n" + '"' + "[" * 50_000 + '",1\n', encoding="utf-8")
    odd = root / "odd.ods"
    odd.write_bytes(b"whatever")
    under_file = str(plain / "x.csv")
    d = ["--data-dir", str(data)]
    return {
        "validate: data-dir is a file": ["data", "validate", "--data-dir", str(plain)],
        "validate: data-dir missing": ["data", "validate", "--data-dir", str(root / "nope")],
        "validate: 100k-deep JSON": ["data", "validate", "--data-dir", str(deep)],
        "validate: descriptor is a folder": ["data", "validate", "--data-dir",
                                             str(dir_descriptor)],
        "validate: binary descriptor": ["data", "validate", "--data-dir", str(garbage)],
        "validate: latin-1 descriptor": ["data", "validate", "--data-dir", str(latin)],
        "validate: descriptor not an object": ["data", "validate", "--data-dir", str(not_obj)],
        "list: 100k-deep JSON": ["data", "list", "--data-dir", str(deep)],
        "list: data-dir is a file": ["data", "list", "--data-dir", str(plain)],
        "add-tiers: file is a folder": ["data", "add-tiers", str(folder), "--year", "2026",
                                        "--source", URL, *d],
        "add-tiers: file missing": ["data", "add-tiers", str(root / "nope.csv"), "--year",
                                    "2026", "--source", URL, *d],
        "add-tiers: file under a file": ["data", "add-tiers", under_file, "--year", "2026",
                                         "--source", URL, *d],
        "add-tiers: binary xlsx": ["data", "add-tiers", str(binary_xlsx), "--year", "2026",
                                   "--source", URL, *d],
        "add-tiers: NUL csv": ["data", "add-tiers", str(nul_csv), "--year", "2026",
                               "--source", URL, *d],
        "add-tiers: UTF-16 without BOM": ["data", "add-tiers", str(utf16_nobom), "--year",
                                          "2026", "--source", URL, *d],
        "add-tiers: empty csv": ["data", "add-tiers", str(empty), "--year", "2026",
                                 "--source", URL, *d],
        "add-tiers: huge cell": ["data", "add-tiers", str(deep_csv), "--year", "2026",
                                 "--source", URL, *d],
        "add-tiers: .ods": ["data", "add-tiers", str(odd), "--year", "2026", "--source", URL,
                            *d],
        "add-tiers: javascript URL": ["data", "add-tiers", str(nul_csv), "--year", "2026",
                                      "--source", "javascript:alert(1)", *d],
        "add-tiers: year 2100": ["data", "add-tiers", str(nul_csv), "--year", "2100",
                                 "--source", URL, *d],
        "add-tiers: 100k-deep descriptor": ["data", "add-tiers", str(nul_csv), "--year",
                                            "2026", "--source", URL, "--data-dir", str(deep)],
        "add-tiers: data-dir is a file": ["data", "add-tiers", str(nul_csv), "--year", "2026",
                                          "--source", URL, "--data-dir", str(plain)],
        "add-enforcement: file is a folder": ["data", "add-enforcement", str(folder),
                                              "--source", URL, "--reported-by", "tip_report",
                                              *d],
        "add-enforcement: binary xlsx": ["data", "add-enforcement", str(binary_xlsx),
                                         "--source", URL, "--reported-by", "government", *d],
        "strategy import: folder": ["strategy", "import", str(folder), *d],
        "strategy import: under a file": ["strategy", "import", under_file, *d],
        "strategy import: binary xlsx": ["strategy", "import", str(binary_xlsx), *d],
        "strategy import: NUL csv": ["strategy", "import", str(nul_csv), *d],
        "strategy import: 100k-deep descriptor": ["strategy", "import", str(nul_csv),
                                                  "--data-dir", str(deep)],
        "strategy template: out is a folder": ["strategy", "template", "--out-file",
                                               str(folder)],
        "strategy template: out under a file": ["strategy", "template", "--out-file",
                                                str(plain / "t.xlsx")],
        "strategy template: descriptor": ["strategy", "template", "--out-file",
                                          str(data / "datapackage.json"), *d],
        "brief: data-dir is a file": ["brief", "--data-dir", str(plain), "--out-dir",
                                      str(root / "out")],
        "brief: 100k-deep descriptor": ["brief", "--data-dir", str(deep), "--out-dir",
                                        str(root / "out")],
        "brief: out-dir is a file": ["brief", "--out-dir", str(plain)],
        "brief: unknown country": ["brief", "--country", "<script>", "--out-dir",
                                   str(root / "out")],
    }




@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> dict[str, list[str]]:
    return build_corpus(tmp_path_factory.mktemp("hostile"))


def assert_clear(code: int, err: str, name: str) -> None:
    assert code != 0, name
    assert "Traceback" not in err, f"{name}: {err[-2000:]}"
    assert "unexpected: please report" not in err, f"{name}: {err}"
    first = err.splitlines()[0] if err else ""
    assert first.startswith(("error:", "ERROR ", "tipanalysis")), f"{name}: {err!r}"


def test_every_hostile_argument_gets_a_clear_error(corpus, capsys, monkeypatch):
    monkeypatch.delenv("TIPANALYSIS_DATA_DIR", raising=False)
    failures = []
    for name, argv in corpus.items():
        try:
            code = cli.main(argv)
        except SystemExit as exc:  # argparse
            code = exc.code
        except BaseException as exc:  # the point: nothing may escape
            failures.append(f"{name}: {type(exc).__name__}: {exc}"[:300])
            continue
        captured = capsys.readouterr()
        try:
            assert_clear(code, captured.err, name)
        except AssertionError as exc:
            failures.append(str(exc)[:500])
    assert failures == [], "\n".join(failures)


def test_permission_errors_are_one_line(tmp_path, capsys, monkeypatch):
    # Tests may run as root, for whom chmod does not deny: the OS error is raised directly.
    from tipanalysis.data import readers

    def denied(path, *, label=None):
        raise PermissionError(13, "Permission denied", str(path))

    monkeypatch.setattr(readers, "read_input_bytes", denied)
    path = tmp_path / "in.csv"
    path.write_text("indicator_id,period,value,source\n", encoding="utf-8")
    data = tmp_path / "data"
    shutil.copytree(paths.data_dir() / "strategy", data / "strategy")
    code = cli.main(["strategy", "import", str(path), "--data-dir", str(data)])
    err = capsys.readouterr().err
    assert code == 1 and err == f"error: {path}: Permission denied\n"


def test_read_only_data_folder_is_one_line(tmp_path, capsys, monkeypatch):
    from tipanalysis.data import transaction

    def read_only(path, *args, **kwargs):  # every write of the data folder is refused
        raise PermissionError(13, "Permission denied", str(path))

    monkeypatch.setattr(transaction, "_write_temp", read_only)
    data = tmp_path / "data"
    shutil.copytree(FIXTURE_DATA, data)
    path = tmp_path / "t.csv"
    path.write_text("country,tier\nQatar,Tier 2\n", encoding="utf-8")
    code = cli.main(["data", "add-tiers", str(path), "--year", "2026", "--source", URL,
                     "--data-dir", str(data)])
    err = capsys.readouterr().err
    assert code == 1 and err.count("\n") == 1 and "Permission denied" in err


def test_recursion_error_in_the_command_line_process(tmp_path):
    """Through a real process: a 100k-deep JSON gives one line on stderr, no traceback."""
    deep = tmp_path / "deep"
    deep.mkdir()
    (deep / "datapackage.json").write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")
    proc = subprocess.run([sys.executable, "-m", "tipanalysis.report.cli", "data", "validate",
                           "--data-dir", str(deep)], capture_output=True, text=True,
                          timeout=120)
    assert proc.returncode != 0
    assert "Traceback" not in proc.stderr
    assert proc.stderr.startswith("error:") and proc.stderr.count("\n") == 1, proc.stderr
    assert "unexpected" not in proc.stderr and "nested too deeply" in proc.stderr
