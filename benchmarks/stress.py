#!/usr/bin/env python
"""Stress the data folder's write path (``make stress``): bad inputs, concurrent adds, kills.

Everything runs on temporary copies of the SYNTHETIC fixture folder (tests/fixtures/data) and
of the shipped strategy monitor; the corpus of bad inputs is generated here (nothing large is
committed). Three parts:

1. **Bad inputs.** Each generated input goes through the command line (``tipanalysis data
   add-tiers``, ``data add-enforcement``, ``strategy import``, ``data accept-edits``,
   in-process), also into folders edited by hand. Expected: exit code
   1 and one ``error:`` message, and not a byte of the data folder changed. An exception that
   escapes, or the CLI's "unexpected" catch-all, counts as a traceback; exit code 0 counts as
   a silent acceptance (every input is bad by construction); a changed folder as a change.
2. **Concurrent adds.** Pairs of processes run ``add-tiers`` (Kuwait and Qatar, one year) or
   ``strategy import`` (two indicators) on one folder at the same time; a pair that does not
   keep both rows is a lost update.
3. **Kills.** ``add-tiers`` / ``add-enforcement`` is killed (SIGKILL) at each step of the commit
   in turn and at random instants; after the next command opens the folder, every file must be
   the old version or every file the new one (compared byte for byte with a reference run), and
   ``data validate`` must pass; anything else is a mixed state.

Prints exactly six lines; exits 1 if any of the last four counts is not zero::

    .venv/bin/python benchmarks/stress.py [--kills 120] [--pairs 20] [--seed 16]
"""

from __future__ import annotations

import argparse
import contextlib
import io
import multiprocessing
import os
import random
import re
import shutil
import signal
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
FIXTURE = REPO / "tests" / "fixtures" / "data"
URL = "https://www.state.gov/reports/2026-trafficking-in-persons-report/"
FORK = multiprocessing.get_context("fork")
_STAMP = re.compile(rb"[0-9]{4}-(add-tiers|add-enforcement|strategy-import)-[0-9]{8}T[0-9]{6}Z")
STEPS = ["staged", "journal", "renamed-1", "renamed-2", "renamed-3", "renamed-4", "renamed-5",
         "renamed"]


def state(folder: Path) -> dict[str, bytes]:
    """Every file's bytes (lock machinery excepted; snapshot times normalised)."""
    from tipanalysis.data import transaction

    out = {}
    for p in sorted(folder.rglob("*")):
        if p.is_file() and p.name not in (transaction.LOCK, transaction.OWNER):
            rel = _STAMP.sub(b"T", p.relative_to(folder).as_posix().encode()).decode()
            out[rel] = _STAMP.sub(b"T", p.read_bytes())
    return out


# --------------------------------------------------------------------------------------------
# 1. bad inputs
# --------------------------------------------------------------------------------------------


def bad_inputs(work: Path, rng: random.Random) -> list[tuple[str, list[str], str]]:
    """``(label, argv after the data folder option, which folder)``: every case is bad."""
    cases: list[tuple[str, list[str], str]] = []
    n = 0

    def file(content: bytes, suffix: str = ".csv") -> str:
        nonlocal n
        n += 1
        path = work / f"bad{n:03d}{suffix}"
        path.write_bytes(content)
        return str(path)

    def tiers(label: str, content: bytes, year: str = "2026", url: str = URL,
              suffix: str = ".csv") -> None:
        cases.append((label, ["data", "add-tiers", file(content, suffix), "--year", year,
                              "--source", url], "fixture"))

    # structure and bytes
    tiers("empty file", b"")
    tiers("only a header", b"country,tier\n")
    tiers("no tier column", b"country\nKuwait\n")
    tiers("no country column", b"tier\nTier 2\n")
    tiers("unexpected column", b"country,tier,colour\nKuwait,Tier 2,red\n")
    tiers("duplicate header", b"country,tier,tier\nKuwait,Tier 2,Tier 3\n")
    tiers("ragged row", b"country,tier\nKuwait,Tier 2,extra\n")
    tiers("unclosed quote", b'country,tier\n"Kuwait,Tier 2\n')
    tiers("text before any heading", b"Kuwait\nTIER 1\nQatar\n", suffix=".txt")
    tiers("heading with a name", b"TIER 1 Kuwait\n", suffix=".txt")
    tiers("legacy spreadsheet", b"\xd0\xcf\x11\xe0" + bytes(60), suffix=".xls")
    tiers("not a zip xlsx", b"PK\x03\x04 not really", suffix=".xlsx")
    for k in range(12):  # random bytes
        tiers(f"random bytes {k}", rng.randbytes(rng.randint(1, 4000)))
    for k in range(8):  # random printable noise with a valid header
        noise = "".join(rng.choice("abc,\"\n\r\t ;|") for _ in range(rng.randint(5, 300)))
        tiers(f"noise {k}", ("country,tier\n" + noise + "\nAtlantis,Tier 9\n").encode())
    # names, tiers, years, URLs, conflicts
    for name in ("Atlantis", "Narnia", "", "   ", "K", "Kuwait Kuwait", "123456", "Wakanda"):
        tiers(f"unknown country {name!r}", f"country,tier\n{name},Tier 2\n".encode())
    # ("Tier 2.5" and "WL" are accepted spellings of 2WL: not in this corpus)
    for tier in ("Tier 9", "0", "Tier 4", "five", "Tier 1 2", "W", "special special", ""):
        tiers(f"bad tier {tier!r}", f"country,tier\nKuwait,{tier}\n".encode())
    for year in ("1999", "2000", "2100", "0", "-1", "20x6", "9999"):
        tiers(f"year {year}", b"country,tier\nKuwait,Tier 2\n", year=year)
    for url in ("ftp://example.org/x", "javascript:alert(1)", "example.org", "", "http://",
                "file:///etc/passwd", "https://exa mple.org/"):
        tiers(f"url {url!r}", b"country,tier\nKuwait,Tier 2\n", url=url)
    tiers("same country twice", b"country,tier\nKuwait,Tier 2\nKWT,Tier 2\n")
    tiers("same country, Arabic name", "country,tier\nKuwait,Tier 2\nالكويت,Tier 2\n".encode())
    for k, tier in enumerate(("Tier 1", "Tier 3", "Tier 2 Watch List")):
        tiers(f"conflict {k}", f"country,tier\nKuwait,{tier}\n".encode(), year="2025")
    tiers("bad waiver", b"country,tier,waiver\nKuwait,Tier 2,maybe\n")
    tiers("undecodable", b"country,tier\nKuwait,Tier \x81\x8d\x8f\x90\n")
    # paths
    cases.append(("missing file", ["data", "add-tiers", str(work / "nope.csv"), "--year",
                                   "2026", "--source", URL], "fixture"))
    folder = work / "a_folder.csv"
    folder.mkdir()
    cases.append(("folder as input", ["data", "add-tiers", str(folder), "--year", "2026",
                                      "--source", URL], "fixture"))
    # enforcement
    def enf(label: str, content: bytes, reported_by: str = "tip_report") -> None:
        cases.append((label, ["data", "add-enforcement", file(content), "--source", URL,
                              "--reported-by", reported_by], "fixture"))

    head = b"iso3,measure,unit,value,report_year,period_start,period_end\n"
    period = b",2025-04-01,2026-03-31\n"
    enf("enforcement: unknown measure", head + b"KWT,arrests,cases,4,2026" + period)
    enf("enforcement: negative", head + b"KWT,prosecutions,cases,-4,2026" + period)
    enf("enforcement: not a number", head + b"KWT,prosecutions,cases,many,2026" + period)
    enf("enforcement: half a case", head + b"KWT,prosecutions,cases,2.5,2026" + period)
    enf("enforcement: unknown country", head + b"XXX,prosecutions,cases,4,2026" + period)
    enf("enforcement: no report year", head + b"KWT,prosecutions,cases,4," + period)
    enf("enforcement: year on government", head + b"KWT,prosecutions,cases,4,2026" + period,
        "government")
    enf("enforcement: twice", head + b"KWT,prosecutions,cases,4,2026" + period
        + b"KWT,prosecutions,cases,5,2026" + period)
    enf("enforcement: period ends first", head + b"KWT,prosecutions,cases,4,2026,"
        b"2026-04-01,2025-03-31\n")
    enf("enforcement: no columns", b"a,b\n1,2\n")
    enf("enforcement: empty", b"")
    for k in range(6):
        enf(f"enforcement: random bytes {k}", rng.randbytes(rng.randint(1, 2000)))
    # strategy import
    def imp(label: str, content: bytes) -> None:
        cases.append((label, ["strategy", "import", file(content)], "shipped"))

    obs = b"indicator_id,period,value,source\n"
    imp("strategy: unknown indicator", obs + b"ZZ9,2025,1,s\n")
    imp("strategy: bad period", obs + b"A1.1,2031,1,s\n")
    imp("strategy: period garbage", obs + b"A1.1,soon,1,s\n")
    imp("strategy: not a number", obs + b"A1.1,2025,lots,s\n")
    imp("strategy: no source", obs + b"A1.1,2025,1,\n")
    imp("strategy: missing column", b"indicator_id,value,source\nA1.1,1,s\n")
    imp("strategy: duplicate rows", obs + b"A1.1,2025,1,s\nA1.1,2025,2,s\n")
    imp("strategy: empty", b"")
    for k in range(6):
        imp(f"strategy: random bytes {k}", rng.randbytes(rng.randint(1, 2000)))
    # folders edited by hand (hash not updated): writers refuse them, accept-edits needs a
    # reason and a valid table
    good = b"country,tier\nQatar,Tier 1\n"
    cases.append(("add-tiers into a tampered folder", ["data", "add-tiers", file(good),
                                                       "--year", "2026", "--source", URL],
                  "tampered"))
    cases.append(("add-enforcement into a tampered folder",
                  ["data", "add-enforcement", file(head + b"KWT,prosecutions,persons,4,2026"
                                                   + period), "--source", URL,
                   "--reported-by", "tip_report"], "tampered"))
    cases.append(("add-tiers into a folder with a broken table",
                  ["data", "add-tiers", file(good), "--year", "2026", "--source", URL],
                  "broken"))
    cases.append(("accept-edits: blank reason", ["data", "accept-edits", "--reason", "  "],
                  "tampered"))
    cases.append(("accept-edits: no reason", ["data", "accept-edits"], "tampered"))
    cases.append(("accept-edits: edit breaks the schema",
                  ["data", "accept-edits", "--reason", "typo"], "broken"))
    return cases


def edited_copy(target: Path, tier: str) -> Path:
    """A copy of the fixture with Kuwait 2025 set to ``tier`` by hand (hash not updated)."""
    shutil.copytree(FIXTURE, target)
    path = target / "tiers" / "tier_placements.csv"
    text = path.read_text(encoding="utf-8")
    assert "KWT,Kuwait,2025,2," in text
    path.write_text(text.replace("KWT,Kuwait,2025,2,", f"KWT,Kuwait,2025,{tier},"),
                    encoding="utf-8")
    return target


def run_cli(argv: list[str]) -> tuple[int | None, str, BaseException | None]:
    from tipanalysis.report import cli

    err = io.StringIO()
    try:
        with contextlib.redirect_stderr(err), contextlib.redirect_stdout(io.StringIO()):
            code = cli.main(argv)
    except SystemExit as exc:  # argparse usage errors: a clear message, exit 2
        return int(exc.code or 0), err.getvalue(), None
    except BaseException as exc:  # an escaped exception is what is counted
        return None, err.getvalue(), exc
    return code, err.getvalue(), None


def part_bad_inputs(work: Path, rng: random.Random) -> dict[str, int]:
    makers: dict[str, Callable[[Path], object]] = {
        "fixture": lambda t: shutil.copytree(FIXTURE, t),
        "shipped": lambda t: shutil.copytree(REPO / "data", t),
        "tampered": lambda t: edited_copy(t, "1"),  # a valid edit
        "broken": lambda t: edited_copy(t, "7"),  # an edit that breaks the schema
    }
    roots = {name: work / name for name in makers}
    for name, make in makers.items():
        make(roots[name])
    before = {name: state(root) for name, root in roots.items()}
    counts = {"tried": 0, "clear": 0, "tracebacks": 0, "silent": 0, "changed": 0}
    inputs = work / "inputs"
    inputs.mkdir()
    for label, argv, which in bad_inputs(inputs, rng):
        counts["tried"] += 1
        argv = [*argv, "--data-dir", str(roots[which])]
        code, err, exc = run_cli(argv)
        if exc is not None or "(unexpected: please report" in err or "Traceback" in err:
            counts["tracebacks"] += 1
            print(f"  traceback: {label}: {exc!r} {err.strip()[:200]}", file=sys.stderr)
        elif code == 0:
            counts["silent"] += 1
            print(f"  silently accepted: {label}", file=sys.stderr)
        elif err.startswith("error:") or "error:" in err.splitlines()[0]:
            counts["clear"] += 1
        else:
            print(f"  unclear error: {label}: {err.strip()[:200]}", file=sys.stderr)
        if state(roots[which]) != before[which]:
            counts["changed"] += 1
            print(f"  data changed by a failed command: {label}", file=sys.stderr)
            shutil.rmtree(roots[which])
            makers[which](roots[which])
    return counts


# --------------------------------------------------------------------------------------------
# 2. concurrent adds
# --------------------------------------------------------------------------------------------


def _child(call: Callable[[], object], crash_at: str | None = None) -> None:
    if crash_at:
        os.environ["TIPANALYSIS_CRASH_AT"] = crash_at
    try:
        call()
    except Exception as exc:  # reported through the exit code
        print(f"  child failed: {exc}", file=sys.stderr)
        os._exit(3)
    os._exit(0)


def _add_tiers(file: Path, year: int, root: Path) -> Callable[[], object]:
    from tipanalysis.data import ingest

    return lambda: ingest.add_tiers(file, year=year, source_url=URL, data_dir=root)


def _add_enforcement(file: Path, root: Path) -> Callable[[], object]:
    from tipanalysis.data import ingest

    return lambda: ingest.add_enforcement(file, source_url=URL, reported_by="tip_report",
                                          data_dir=root)


def _import(file: Path, root: Path) -> Callable[[], object]:
    from tipanalysis import strategy

    return lambda: strategy.import_observations(file, data_dir=root)


def _together(calls: list[Callable[[], object]]) -> list[int | None]:
    procs = [FORK.Process(target=_child, args=(c,)) for c in calls]
    for p in procs:
        p.start()
    for p in procs:
        p.join(300)
    return [p.exitcode for p in procs]


def part_concurrency(work: Path, pairs: int) -> tuple[int, int]:
    from tipanalysis import strategy
    from tipanalysis.data import loaders

    lost = tried = 0
    kwt = work / "kwt.csv"
    kwt.write_bytes(b"country,tier\nKuwait,Tier 2\n")
    qat = work / "qat.csv"
    qat.write_bytes(b"country,tier\nQatar,Tier 1\n")
    for i in range(pairs):
        root = work / f"pair{i}"
        shutil.copytree(FIXTURE, root)
        codes = _together([_add_tiers(kwt, 2026, root), _add_tiers(qat, 2026, root)])
        tiers = loaders.load_tiers(root)
        got = set(tiers.loc[tiers["report_year"] == 2026, "iso3"])
        tried += 1
        if codes != [0, 0] or got != {"KWT", "QAT"}:
            lost += 1
            print(f"  lost update (add-tiers pair {i}): exit {codes}, rows {got}", file=sys.stderr)
        shutil.rmtree(root)
    shipped = work / "shipped_strategy"
    shutil.copytree(REPO / "data", shipped)
    periods = [f"{y}-{p}" for p in ("Q1", "Q2", "Q3", "Q4", "H1", "H2") for y in range(2025, 2029)]
    for i in range(min(pairs, len(periods))):
        before = len(strategy.load_observations(shipped))
        files = []
        for k, indicator in enumerate(("A1.1", "A3.3")):
            f = work / f"obs{i}_{k}.csv"
            f.write_bytes(f"indicator_id,period,value,source\n{indicator},{periods[i]},{i},s\n"
                          .encode())
            files.append(f)
        codes = _together([_import(f, shipped) for f in files])
        tried += 1
        if codes != [0, 0] or len(strategy.load_observations(shipped)) != before + 2:
            lost += 1
            print(f"  lost update (strategy import pair {i}): exit {codes}", file=sys.stderr)
    return lost, tried


# --------------------------------------------------------------------------------------------
# 3. kills
# --------------------------------------------------------------------------------------------


def part_kills(work: Path, kills: int, rng: random.Random) -> tuple[int, int]:
    from tipanalysis.data import descriptor, transaction

    tiers_in = work / "kill_tiers.csv"
    tiers_in.write_bytes(b"country,tier\nKuwait,Tier 2\nQatar,Tier 1\nBahrain,Tier 2\n")
    enf_in = work / "kill_enf.csv"
    enf_in.write_bytes(b"iso3,measure,unit,value,report_year,period_start,period_end\n"
                       b"KWT,prosecutions,cases,41,2026,2025-04-01,2026-03-31\n"
                       b"KWT,convictions,cases,17,2026,2025-04-01,2026-03-31\n")
    jobs = {"tiers": lambda root: _add_tiers(tiers_in, 2026, root),
            "enforcement": lambda root: _add_enforcement(enf_in, root)}
    reference: dict[str, tuple[dict, dict, float]] = {}
    for name, job in jobs.items():
        root = work / f"ref_{name}"
        shutil.copytree(FIXTURE, root)
        old = state(root)
        start = time.perf_counter()
        assert _together([job(root)]) == [0], f"reference run of {name} failed"
        reference[name] = (old, state(root), time.perf_counter() - start)
    mixed = 0
    for k in range(kills):
        name = ("tiers", "enforcement")[k % 2]
        old, new, duration = reference[name]
        root = work / f"kill{k}"
        shutil.copytree(FIXTURE, root)
        if k % 3 == 0:  # at a step of the commit, in turn
            step = STEPS[(k // 3) % len(STEPS)]
            proc = FORK.Process(target=_child, args=(jobs[name](root), step))
            proc.start()
            proc.join(300)
        else:  # at a random instant of the whole command
            proc = FORK.Process(target=_child, args=(jobs[name](root),))
            proc.start()
            time.sleep(rng.uniform(0.0, duration * 1.1))
            with contextlib.suppress(ProcessLookupError):
                os.kill(proc.pid, signal.SIGKILL)
            proc.join(300)
        problems = descriptor.validate_package(root)  # completes a journaled commit
        with transaction.locked(root):  # the next writer: removes what a rollback left
            pass
        after = state(root)
        if after not in (old, new) or problems:
            mixed += 1
            print(f"  mixed state after kill {k} ({name}): {problems[:3]}", file=sys.stderr)
        shutil.rmtree(root)
    return mixed, kills


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kills", type=int, default=120)
    parser.add_argument("--pairs", type=int, default=20)
    parser.add_argument("--seed", type=int, default=16)
    args = parser.parse_args(argv)
    rng = random.Random(args.seed)
    os.environ.pop("TIPANALYSIS_ALLOW_EDITED_DATA", None)
    with tempfile.TemporaryDirectory(prefix="tipanalysis-stress-") as tmp:
        work = Path(tmp)
        (work / "bad").mkdir()
        bad = part_bad_inputs(work / "bad", rng)
        (work / "pairs").mkdir()
        lost, pairs = part_concurrency(work / "pairs", args.pairs)
        (work / "kills").mkdir()
        mixed, kills = part_kills(work / "kills", args.kills, rng)
    print(f"cases tried: {bad['tried']}")
    print(f"clear errors: {bad['clear']} (data unchanged after {bad['tried'] - bad['changed']})")
    print(f"tracebacks: {bad['tracebacks']}")
    print(f"silent acceptances: {bad['silent']}")
    print(f"lost updates: {lost} of {pairs}")
    print(f"mixed states after kills: {mixed} of {kills}")
    failed = bad["tracebacks"] or bad["silent"] or bad["changed"] or lost or mixed \
        or bad["clear"] != bad["tried"]
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
