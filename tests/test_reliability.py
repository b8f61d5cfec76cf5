"""Reliability of writes to a data folder (issue 16): locks, one atomic commit, verified reads.

Every input is SYNTHETIC and generated here; every write goes to a temporary copy of the
synthetic fixture folder (or of the shipped data folder). ``benchmarks/stress.py``
(``make stress``) runs the same checks at scale (>= 100 kills).
"""

from __future__ import annotations

import json
import multiprocessing
import os
import random
import re
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tipanalysis.core import paths
from tipanalysis.core.errors import DataValidationError
from tipanalysis.data import descriptor as validate
from tipanalysis.data import ingest, loaders, provenance, transaction

FIXTURE = Path(__file__).parent / "fixtures" / "data"
URL = "https://www.state.gov/reports/2026-trafficking-in-persons-report/"
FORK = multiprocessing.get_context("fork")
_STAMP = re.compile(rb"[0-9]{4}-(add-tiers|add-enforcement|strategy-import)-[0-9]{8}T[0-9]{6}Z")


def state(folder: Path) -> dict[str, bytes]:
    """Every file's bytes, except the lock and owner files (lock machinery) and with the UTC time in
    ingest snapshot folder names replaced (two runs differ only there)."""
    out = {}
    for p in sorted(folder.rglob("*")):
        if p.is_file() and p.name not in (transaction.LOCK, transaction.OWNER):
            rel = _STAMP.sub(b"SNAPSHOT", p.relative_to(folder).as_posix().encode()).decode()
            out[rel] = _STAMP.sub(b"SNAPSHOT", p.read_bytes())
    return out


def fixture_copy(target: Path) -> Path:
    shutil.copytree(FIXTURE, target)
    return target


def write(path: Path, text: str) -> Path:
    path.write_bytes(text.encode("utf-8"))
    return path


def _add_tiers_child(file: str, year: int, root: str, crash_at: str | None = None) -> None:
    if crash_at:
        os.environ["TIPANALYSIS_CRASH_AT"] = crash_at
    try:
        ingest.add_tiers(file, year=year, source_url=URL, data_dir=root)
    except Exception as exc:  # reported through the exit code
        print(f"child error: {exc}")
        os._exit(3)
    os._exit(0)


def run_child(target, *args) -> int:
    proc = FORK.Process(target=target, args=args)
    proc.start()
    proc.join(120)
    return proc.exitcode


# --- locked writes ---------------------------------------------------------------------------


@pytest.mark.parametrize("pair", range(20))
def test_concurrent_add_tiers_keep_both_rows(tmp_path, pair):
    root = fixture_copy(tmp_path / "data")
    kwt = write(tmp_path / "kwt.csv", "country,tier\nKuwait,Tier 2\n")
    qat = write(tmp_path / "qat.csv", "country,tier\nQatar,Tier 1\n")
    procs = [FORK.Process(target=_add_tiers_child, args=(str(f), 2026, str(root)))
             for f in (kwt, qat)]
    for p in procs:
        p.start()
    for p in procs:
        p.join(120)
    assert [p.exitcode for p in procs] == [0, 0]
    tiers = loaders.load_tiers(root)
    new = tiers[tiers["report_year"] == 2026]
    assert sorted(zip(new["iso3"], new["tier"].astype(str), strict=True)) == [
        ("KWT", "2"), ("QAT", "1")]
    assert validate.validate_package(root) == []
    entries = provenance.ingest_entries(root / "snapshots")
    assert sorted(e["ingest"]["file_name"] for e in entries) == ["kwt.csv", "qat.csv"]
    assert [e["ingest"]["sequence"] for e in entries] == [1, 2]


def _import_child(file: str, root: str) -> None:
    from tipanalysis import strategy

    try:
        strategy.import_observations(file, data_dir=root)
    except Exception as exc:
        print(f"child error: {exc}")
        os._exit(3)
    os._exit(0)


@pytest.fixture(scope="module")
def shipped_copy(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("shipped") / "data"
    shutil.copytree(paths.data_dir(), root)
    return root


def test_concurrent_strategy_imports_keep_both_rows(tmp_path, shipped_copy):
    root = shipped_copy
    before = len(_observations(root))
    periods = [f"{y}-{p}" for p in ("Q1", "Q2", "Q3", "Q4", "H1", "H2")
               for y in range(2025, 2029)][:20]
    for pair, period in enumerate(periods):
        files = []
        for k, indicator in enumerate(("A1.1", "A3.3")):
            files.append(write(tmp_path / f"in{pair}_{k}.csv",
                               "indicator_id,period,value,unit,source\n"
                               f"{indicator},{period},"
                               f"{pair * 10 + k},,Illustrative {pair}\n"))
        procs = [FORK.Process(target=_import_child, args=(str(f), str(root))) for f in files]
        for p in procs:
            p.start()
        for p in procs:
            p.join(120)
        assert [p.exitcode for p in procs] == [0, 0]
    obs = _observations(root)
    assert len(obs) == before + 40
    assert validate.validate_package(root) == []
    assert len([e for e in provenance.ingest_entries(root / "snapshots")
                if e["ingest"]["command"] == "strategy-import"]) == 40


def _observations(root: Path):
    from tipanalysis import strategy

    return strategy.load_observations(root)


def _hold_lock(root: str, seconds: float, ready) -> None:
    with transaction.locked(root):
        ready.set()
        time.sleep(seconds)
    os._exit(0)


def test_a_held_lock_gives_a_clear_error_naming_the_holder(tmp_path, monkeypatch):
    root = fixture_copy(tmp_path / "data")
    kwt = write(tmp_path / "kwt.csv", "country,tier\nKuwait,Tier 2\n")
    before = state(root)
    ready = FORK.Event()
    holder = FORK.Process(target=_hold_lock, args=(str(root), 5.0, ready))
    holder.start()
    assert ready.wait(30)
    monkeypatch.setenv("TIPANALYSIS_LOCK_TIMEOUT", "0.3")
    with pytest.raises(transaction.DataLockTimeout) as err:
        ingest.add_tiers(kwt, year=2026, source_url=URL, data_dir=root)
    holder.kill()
    holder.join()
    message = str(err.value)
    assert f"pid {holder.pid}" in message
    assert str(root / transaction.LOCK) in message and "\n" not in message
    assert state(root) == before


def test_a_process_forked_after_a_write_takes_the_lock_itself(tmp_path):
    # filelock refuses a lock instance inherited across fork: the child must make its own.
    root = fixture_copy(tmp_path / "data")
    with transaction.locked(root):
        assert transaction.holds_lock(root)
    ready = FORK.Event()
    child = FORK.Process(target=_hold_lock, args=(str(root), 0.1, ready))
    child.start()
    assert ready.wait(30)
    child.join(30)
    assert child.exitcode == 0


# --- one atomic commit -----------------------------------------------------------------------

#: Files one add-tiers commits: tiers, coverage, descriptor, snapshot, manifest.
STEPS = ["staged", "journal", "renamed-1", "renamed-2", "renamed-3", "renamed-4", "renamed-5",
         "renamed"]


@pytest.fixture(scope="module")
def old_and_new(tmp_path_factory) -> tuple[Path, dict, dict]:
    base = tmp_path_factory.mktemp("ref")
    root = fixture_copy(base / "data")
    kwt = write(base / "kwt.csv", "country,tier\nKuwait,Tier 2\nQatar,Tier 1\n")
    old = state(root)
    assert run_child(_add_tiers_child, str(kwt), 2026, str(root)) == 0
    new = state(root)
    assert old != new
    return kwt, old, new


@pytest.mark.parametrize("step", STEPS)
def test_a_kill_at_each_step_of_the_commit_leaves_old_or_new(tmp_path, old_and_new, step):
    kwt, old, new = old_and_new
    root = fixture_copy(tmp_path / "data")
    assert run_child(_add_tiers_child, str(kwt), 2026, str(root), step) == -signal.SIGKILL
    # validate completes a journaled commit and ignores temp files of an unjournaled one ...
    assert validate.validate_package(root) == []
    # ... which the next writer removes (rolled back).
    with transaction.locked(root):
        pass
    assert state(root) == (old if step == "staged" else new)
    assert not list(root.rglob("*.tmp")) and not (root / transaction.JOURNAL).exists()


def test_kills_at_random_instants_leave_old_or_new(tmp_path, old_and_new):
    kwt, old, new = old_and_new
    rng = random.Random(16)
    seen = []
    for i in range(6):
        root = fixture_copy(tmp_path / f"d{i}")
        proc = FORK.Process(target=_add_tiers_child, args=(str(kwt), 2026, str(root)))
        proc.start()
        time.sleep(rng.uniform(0.0, 0.4))
        os.kill(proc.pid, signal.SIGKILL)
        proc.join()
        with transaction.locked(root):  # what the next command does on opening the folder
            pass
        after = state(root)
        assert after in (old, new)
        seen.append(after == new)
    assert validate.validate_package(root) == []


def test_stale_temp_files_are_ignored_by_validate_and_removed_by_the_next_writer(tmp_path):
    root = fixture_copy(tmp_path / "data")
    ours = root / "tiers" / ".tier_placements.csv.tipanalysis-1a2b3c.tmp"
    ours.write_bytes(b"half a file")
    legacy = root / "tiers" / ".coverage.csv.k3j_9x0a.tmp"  # earlier versions' mkstemp name
    legacy.write_bytes(b"half")
    user = root / "tiers" / ".my notes.tmp"  # not a name we make: never touched
    user.write_bytes(b"mine")
    assert [p.message for p in validate.validate_package(root)] == [
        "file is not described in datapackage.json"]  # the user's file only
    kwt = write(tmp_path / "kwt.csv", "country,tier\nKuwait,Tier 2\n")
    ingest.add_tiers(kwt, year=2026, source_url=URL, data_dir=root)
    assert not ours.exists() and not legacy.exists() and user.read_bytes() == b"mine"


def test_a_journal_naming_a_changed_file_is_refused_not_guessed(tmp_path):
    root = fixture_copy(tmp_path / "data")
    (root / transaction.JOURNAL).write_text(json.dumps({"txid": "x", "files": [
        {"path": "tiers/coverage.csv", "temp": "tiers/.coverage.csv.tipanalysis-x.tmp",
         "hash": "sha256:" + "0" * 64, "bytes": 1}]}))
    with pytest.raises(transaction.InterruptedCommitError, match="neither the old nor the new"), \
            transaction.locked(root):
        pass


# --- verified reads --------------------------------------------------------------------------


def tamper(root: Path) -> None:
    path = root / "tiers" / "tier_placements.csv"
    text = path.read_text(encoding="utf-8")
    assert "KWT,Kuwait,2025,2," in text
    path.write_text(text.replace("KWT,Kuwait,2025,2,", "KWT,Kuwait,2025,1,"), encoding="utf-8")


def test_a_tampered_file_is_refused_by_loaders_and_writers(tmp_path, monkeypatch):
    monkeypatch.delenv(validate.ALLOW_EDITED_ENV, raising=False)
    root = fixture_copy(tmp_path / "data")
    tamper(root)
    before = state(root)
    with pytest.raises(validate.DataIntegrityError) as err:
        loaders.load_tiers(root)
    problem = err.value.problems[0]
    assert problem.file == "tiers/tier_placements.csv"
    assert problem.message.startswith("sha256 differs from datapackage.json")
    kwt = write(tmp_path / "kwt.csv", "country,tier\nQatar,Tier 1\n")
    with pytest.raises(validate.DataIntegrityError) as err:
        ingest.add_tiers(kwt, year=2026, source_url=URL, data_dir=root)
    assert err.value.problems[0].file == "tiers/tier_placements.csv"
    assert state(root) == before  # nothing re-hashed


def test_brief_and_every_writer_refuse_a_tampered_shipped_file(tmp_path, monkeypatch, capsys):
    from tipanalysis import strategy
    from tipanalysis.report import cli

    monkeypatch.delenv(validate.ALLOW_EDITED_ENV, raising=False)
    root = tmp_path / "data"
    shutil.copytree(paths.data_dir(), root)
    tamper(root)  # Kuwait 2025 set to Tier 1 by hand, hash not updated (issue 16, finding 3)
    before = state(root)
    out = tmp_path / "briefs"
    out.mkdir()
    assert cli.main(["brief", "--country", "KWT", "--data-dir", str(root), "--out-dir",
                     str(out)]) == 1
    err = capsys.readouterr().err
    assert err.startswith("error: ") and "tiers/tier_placements.csv" in err
    assert "sha256 differs from datapackage.json" in err and "accept-edits" in err
    assert list(out.iterdir()) == []  # nothing published
    enf = write(tmp_path / "enf.csv", "country,report_year,period_start,period_end,measure,"
                "unit,value,source_title\nKuwait,2026,2025-04-01,2026-03-31,prosecutions,"
                "persons,17,synthetic\n")
    with pytest.raises(validate.DataIntegrityError, match=r"tiers/tier_placements\.csv"):
        ingest.add_enforcement(enf, source_url=URL, reported_by="tip_report", data_dir=root)
    obs = write(tmp_path / "obs.csv", "indicator_id,period,value,source\nA8.1,2025,3,x\n")
    with pytest.raises(validate.DataIntegrityError, match=r"tiers/tier_placements\.csv"):
        strategy.import_observations(obs, data_dir=root)
    assert state(root) == before  # nothing re-hashed, nothing written


def test_the_override_reads_with_a_warning_and_accept_edits_logs_who_and_why(tmp_path,
                                                                              monkeypatch):
    root = fixture_copy(tmp_path / "data")
    tamper(root)
    monkeypatch.setenv(validate.ALLOW_EDITED_ENV, "1")
    with pytest.warns(UserWarning, match="tiers/tier_placements.csv"):
        tiers = loaders.load_tiers(root)
    kwt = tiers[(tiers["iso3"] == "KWT") & (tiers["report_year"] == 2025)]
    assert kwt["tier"].astype(str).tolist() == ["1"]
    monkeypatch.delenv(validate.ALLOW_EDITED_ENV)
    with pytest.raises(ValueError, match="needs a reason"):
        validate.accept_edits("  ", root)
    assert validate.accept_edits("corrected per the 2025 report", root, who="tester") == [
        "tiers/tier_placements.csv"]
    log = [json.loads(line) for line in (root / validate.ACCEPTED_EDITS).read_text().splitlines()]
    assert [(e["who"], e["reason"], [f["path"] for f in e["files"]]) for e in log] == [
        ("tester", "corrected per the 2025 report", ["tiers/tier_placements.csv"])]
    assert validate.validate_package(root) == []
    assert len(loaders.load_tiers(root)) == 9


def test_accept_edits_refuses_an_edit_that_breaks_the_schema(tmp_path):
    root = fixture_copy(tmp_path / "data")
    path = root / "tiers" / "tier_placements.csv"
    path.write_text(path.read_text().replace("KWT,Kuwait,2025,2,", "KWT,Kuwait,2025,7,"))
    before = state(root)
    with pytest.raises(DataValidationError):
        validate.accept_edits("typo", root)
    assert state(root) == before


def test_cli_accept_edits_is_logged_atomic_and_the_script_wraps_it(tmp_path, monkeypatch,
                                                                   capsys):
    from tipanalysis.report import cli

    monkeypatch.delenv(validate.ALLOW_EDITED_ENV, raising=False)
    root = fixture_copy(tmp_path / "data")
    tamper(root)
    old = validate.resource(validate.read_descriptor(root), "tiers/tier_placements.csv")["hash"]
    # No reason: a usage error, nothing written.
    before = state(root)
    with pytest.raises(SystemExit) as exc:
        cli.main(["data", "accept-edits", "--data-dir", str(root)])
    assert exc.value.code == 2 and state(root) == before
    # A schema-breaking edit is refused in one line; nothing written.
    path = root / "tiers" / "tier_placements.csv"
    good = path.read_bytes()
    path.write_bytes(good.replace(b"KWT,Kuwait,2025,1,", b"KWT,Kuwait,2025,7,"))
    before = state(root)
    capsys.readouterr()
    assert cli.main(["data", "accept-edits", "--reason", "typo", "--data-dir", str(root)]) == 1
    err = capsys.readouterr().err
    assert err.startswith("error: ") and "'7'" in err and "Traceback" not in err
    assert state(root) == before
    # The deliberate edit is accepted, logged, under the lock (a held lock makes it wait).
    path.write_bytes(good)
    monkeypatch.setenv("TIPANALYSIS_LOCK_TIMEOUT", "0.2")
    ready = FORK.Event()
    held = FORK.Process(target=_hold_lock, args=(str(root), 5.0, ready))
    held.start()
    try:
        assert ready.wait(30)
        assert cli.main(["data", "accept-edits", "--reason", "why", "--data-dir",
                         str(root)]) == 1
        assert "is locked by another tipanalysis process" in capsys.readouterr().err
    finally:
        held.kill()
        held.join()
    assert not (root / validate.ACCEPTED_EDITS).exists()
    argv = ["--data-dir", str(root), "data", "accept-edits", "--reason",
            "Kuwait 2025 corrected per the report", "--who", "tester"]
    monkeypatch.setattr("sys.argv", ["/venv/bin/tipanalysis", *argv])  # as run from a shell
    assert cli.main(argv) == 0
    assert capsys.readouterr().out == ("accepted the edit of tiers/tier_placements.csv "
                                       "(logged in accepted_edits.jsonl)\n")
    (entry,) = [json.loads(x) for x in (root / validate.ACCEPTED_EDITS).read_text().splitlines()]
    new = validate.sha256_hash(good)
    assert (entry["who"], entry["reason"]) == ("tester", "Kuwait 2025 corrected per the report")
    assert entry["files"] == [{"path": "tiers/tier_placements.csv", "old_hash": old,
                               "old_bytes": entry["files"][0]["old_bytes"], "hash": new,
                               "bytes": len(good)}]
    assert entry["command"] == (f"tipanalysis --data-dir {root} data accept-edits --reason "
                                "'Kuwait 2025 corrected per the report' --who tester")
    assert validate.validate_package(root) == []
    assert not transaction.pending(root) and not list(root.rglob("*.tmp"))
    # Nothing left to accept: nothing written. The script is the same command.
    import runpy

    script = runpy.run_path(str(paths.REPO_DIR / "scripts" / "accept_edits.py"))
    before = state(root)
    assert script["main"](["--reason", "again", "--data-dir", str(root)]) == 0
    assert capsys.readouterr().out.startswith("no edited file: every file matches")
    assert state(root) == before


def test_verified_reads_hash_each_file_version_once(tmp_path, monkeypatch):
    root = fixture_copy(tmp_path / "data")
    calls = []
    real = validate.hashlib.sha256
    monkeypatch.setattr(validate.hashlib, "sha256", lambda *a: calls.append(1) or real(*a))
    for _ in range(3):
        loaders.load_tiers(root)
    assert len(calls) == 1
    path = root / "tiers" / "tier_placements.csv"
    path.write_bytes(path.read_bytes())  # same bytes, new mtime: hashed again, still valid
    loaders.load_tiers(root)
    assert len(calls) == 2


# --- bad inputs change nothing, snapshots rebuild the folder ---------------------------------


BAD_INPUTS = {
    "empty.csv": b"",
    "binary.csv": bytes(range(256)),
    "no_tier_column.csv": b"country\nKuwait\n",
    "unknown_country.csv": b"country,tier\nAtlantis,Tier 2\n",
    "bad_tier.csv": b"country,tier\nKuwait,Tier 9\n",
    "twice.csv": b"country,tier\nKuwait,Tier 2\nKWT,Tier 2\n",
    "ragged.csv": b"country,tier\nKuwait,Tier 2,extra\n",
    "conflict.csv": b"country,tier\nKuwait,Tier 3\n",  # with year 2025: shipped is 2
}


@pytest.mark.parametrize("name", sorted(BAD_INPUTS))
def test_bad_inputs_get_a_clear_error_and_change_nothing(tmp_path, name):
    root = fixture_copy(tmp_path / "data")
    file = tmp_path / name
    file.write_bytes(BAD_INPUTS[name])
    before = state(root)
    with pytest.raises(DataValidationError) as err:
        ingest.add_tiers(file, year=2025, source_url=URL, data_dir=root)
    assert err.value.problems and all(p.message for p in err.value.problems)
    assert state(root) == before


def test_replaying_the_snapshots_rebuilds_the_folder_byte_for_byte(tmp_path):
    root = fixture_copy(tmp_path / "data")
    base = state(root)
    first = write(tmp_path / "tip2026.csv", "country,tier\nKuwait,Tier 2\nQatar,Tier 1\n")
    ingest.add_tiers(first, year=2026, source_url=URL, data_dir=root)
    fix = write(tmp_path / "fix 2026.csv", "country,tier\nKuwait,Tier 2 Watch List\n")
    with pytest.raises(DataValidationError, match="use --replace"):
        ingest.add_tiers(fix, year=2026, source_url=URL, data_dir=root)
    ingest.add_tiers(fix, year=2026, source_url=URL, replace=True, data_dir=root)
    decisions = json.loads((root / "snapshots" / "decisions.json").read_text())["decisions"]
    assert [(d["decision"], d["replaced"]) for d in decisions] == [
        ("replace", ["KWT 2026: 2 replaced (was from tip2026.csv)"])]
    # The snapshots are the inputs, byte for byte.
    entries = provenance.ingest_entries(root / "snapshots")
    assert [(root / "snapshots" / e["path"]).read_bytes() for e in entries] == [
        first.read_bytes(), fix.read_bytes()]
    assert entries[1]["sources"] == [URL] and entries[1]["ingest"]["year"] == 2026
    # A folder built from the base inputs + a replay of the snapshots = the ingested folder.
    rebuilt = fixture_copy(tmp_path / "rebuilt")
    assert state(rebuilt) == base
    ingest.replay_ingests(rebuilt, root / "snapshots")
    assert state(rebuilt) == state(root)
    tiers = loaders.load_tiers(rebuilt)
    kwt = tiers[(tiers["iso3"] == "KWT") & (tiers["report_year"] == 2026)]
    assert kwt["tier"].astype(str).tolist() == ["2WL"]
    assert kwt["source_file"].tolist() == ["fix 2026.csv"]


#: Files of data/ that scripts/build_data.py does not write: the other steps' (the country
#: reference of scripts/build_reference.py, the strategy framework and its empty observations)
#: and the codebooks. A clean clone has them; the build describes them.
OTHER_STEPS = ("README.md", "reference/SOURCES.md", "reference/countries.csv",
               "reference/country_aliases.csv", "strategy/README.md", "strategy/framework.json",
               "strategy/observations.csv")
BUILD = paths.REPO_DIR / "scripts" / "build_data.py"


def rebuild_clone(snapshots, rebuilt):
    """What a clean clone does: copy the snapshots and the other steps' files, build, replay."""
    shutil.copytree(snapshots, rebuilt / "snapshots")
    for rel in OTHER_STEPS:
        (rebuilt / rel).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(paths.data_dir() / rel, rebuilt / rel)
    proc = subprocess.run([sys.executable, str(BUILD), "--snapshots", str(rebuilt / "snapshots"),
                           "--out", str(rebuilt), "--replay"], capture_output=True, text=True,
                          check=False)
    assert proc.returncode == 0, proc.stderr
    return rebuilt, proc


def test_build_and_replay_of_the_snapshots_give_the_ingested_shipped_folder(tmp_path,
                                                                          monkeypatch):
    from tipanalysis import strategy

    monkeypatch.delenv(validate.ALLOW_EDITED_ENV, raising=False)
    shipped = tmp_path / "shipped"
    shutil.copytree(paths.data_dir(), shipped)
    # SYNTHETIC inputs, in the order a user would run them.
    tiers = write(tmp_path / "tip2026.csv", "country,tier\nKuwait,Tier 2\nQatar,Tier 1\n")
    assert "2 added" in ingest.add_tiers(tiers, year=2026, source_url=URL, data_dir=shipped)
    enf = write(tmp_path / "enf2026.csv",
                "country,report_year,period_start,period_end,measure,unit,value,source_title,"
                "quote\nKuwait,2026,2025-04-01,2026-03-31,prosecutions,persons,17,"
                "TIP Report 2026 (synthetic),synthetic\n")
    assert "1 added" in ingest.add_enforcement(enf, source_url=URL, reported_by="tip_report",
                                               data_dir=shipped)
    obs = write(tmp_path / "obs.csv", "indicator_id,period,value,source,source_url\n"
                "A8.1,2025,3,Illustrative,https://example.org/a\n")
    assert "1 added" in strategy.import_observations(obs, data_dir=shipped)
    fix = write(tmp_path / "fix 2026.csv", "country,tier\nKuwait,Tier 2 Watch List\n")
    with pytest.raises(DataValidationError, match="use --replace"):
        ingest.add_tiers(fix, year=2026, source_url=URL, data_dir=shipped)
    assert "1 replaced" in ingest.add_tiers(fix, year=2026, source_url=URL, replace=True,
                                            data_dir=shipped)
    obs_fix = write(tmp_path / "obs fix.csv", "indicator_id,period,value,source\n"
                    "A8.1,2025,4,Illustrative (corrected)\n")
    assert "1 replaced" in strategy.import_observations(obs_fix, replace=True,
                                                        data_dir=shipped)
    entries = provenance.ingest_entries(shipped / "snapshots")
    assert [(e["ingest"]["command"], e["sources"]) for e in entries] == [
        ("add-tiers", [URL]), ("add-enforcement", [URL]),
        ("strategy-import", ["https://example.org/a"]), ("add-tiers", [URL]),
        ("strategy-import", [])]
    assert [(shipped / "snapshots" / e["path"]).read_bytes() for e in entries] == [
        f.read_bytes() for f in (tiers, enf, obs, fix, obs_fix)]
    decisions = provenance.read_decisions(shipped / "snapshots")
    assert sorted(d["replaced"][0] for d in decisions.values()) == [
        "1 observation(s) replaced by obs fix.csv",
        "KWT 2026: 2 replaced (was from tip2026.csv)"]
    assert validate.validate_package(shipped) == []

    # A clean clone of the repository with these commits: the snapshots and the other steps'
    # files. Build the tables from the snapshots, then replay the ingests.
    rebuilt, proc = rebuild_clone(shipped / "snapshots", tmp_path / "rebuilt")
    assert proc.stdout.splitlines()[-1] == f"replayed 5 ingested snapshot(s) into {rebuilt}"
    assert state(rebuilt) == state(shipped)  # every byte, descriptor and snapshots included
    kwt = loaders.load_tiers(rebuilt).query("iso3 == 'KWT' and report_year == 2026")
    assert kwt["tier"].astype(str).tolist() == ["2WL"]
    assert strategy.load_observations(rebuilt)["value"].tolist() == [4.0]


def test_a_clean_clone_rebuilds_the_shipped_folder_byte_for_byte(tmp_path):
    rebuilt, _ = rebuild_clone(paths.data_dir() / "snapshots", tmp_path / "data")
    assert state(rebuilt) == state(paths.data_dir())


def test_replay_refuses_a_snapshot_no_replayer_knows_and_writes_nothing(tmp_path):
    root = fixture_copy(tmp_path / "data")
    first = write(tmp_path / "tip2026.csv", "country,tier\nKuwait,Tier 2\n")
    ingest.add_tiers(first, year=2026, source_url=URL, data_dir=root)
    manifest = root / "snapshots" / "snapshots.json"
    manifest.write_text(manifest.read_text().replace('"command": "add-tiers"',
                                                     '"command": "add-something"'))
    rebuilt = fixture_copy(tmp_path / "rebuilt")
    before = state(rebuilt)
    with pytest.raises(DataValidationError, match="no replayer for this command"):
        ingest.replay_ingests(rebuilt, root / "snapshots")
    assert state(rebuilt) == before
