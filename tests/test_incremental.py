"""Incremental reruns and what the runner may touch in its output folder (issues 12 and 16)."""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import nbformat
import pytest

from tipanalysis import cli, run

FIXTURE = Path(__file__).parent / "fixtures" / "notebooks" / "01_fixture.ipynb"


def make(path: Path, *sources: str, parameters: str = "x = 1") -> Path:
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_markdown_cell(f"# {path.stem}"),
                nbformat.v4.new_code_cell(parameters, metadata={"tags": ["parameters"]})]
    nb.cells += [nbformat.v4.new_code_cell(s) for s in sources]
    for i, cell in enumerate(nb.cells):
        cell.id = f"cell-{i}"
    nbformat.write(nb, path)
    return path


def tree(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes()
            for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture
def books(tmp_path):
    shutil.copy(FIXTURE, tmp_path / "01_fixture.ipynb")
    counter = tmp_path / "executions.txt"
    second = make(tmp_path / "02_count.ipynb",
                  f"open({str(counter)!r}, 'a').write('run\\n')\nprint('x is', x)")
    return [tmp_path / "01_fixture.ipynb", second], counter


def test_rerun_skips_unchanged_notebooks_and_keeps_identical_outputs(tmp_path, books):
    notebooks, counter = books
    out = tmp_path / "out"
    assert all(r.ok and not r.skipped for r in run.run_notebooks(notebooks, out=out,
                                                                  progress=False))
    first = tree(out)
    manifest = json.loads((out / run.MANIFEST).read_text())
    assert sorted(manifest["notebooks"]) == ["01_fixture", "02_count"]
    assert set(manifest["notebooks"]["02_count"]["files"]) == {"02_count.html",
                                                                "02_count.ipynb"}
    again = run.run_notebooks(notebooks, out=out, progress=False)
    assert [r.skipped for r in again] == [True, True]
    assert counter.read_text() == "run\n"  # not executed again
    assert tree(out) == first
    # Changing one input reruns that notebook only; --force reruns all.
    changed = run.run_notebooks(notebooks, {"x": 2}, out=out, progress=False)
    assert [r.skipped for r in changed] == [True, False]
    assert run.run_notebooks(notebooks, {"x": 2}, out=out, progress=False,
                             force=True)[0].skipped is False
    assert counter.read_text() == "run\n" * 3


def test_incremental_outputs_equal_a_full_rerun(tmp_path, books):
    notebooks, _ = books
    inc, full = tmp_path / "inc", tmp_path / "full"
    run.run_notebooks(notebooks, out=inc, progress=False)
    make(notebooks[1], "print('edited', x)")  # one notebook changes
    assert [r.skipped for r in run.run_notebooks(notebooks, out=inc, progress=False)] == [
        True, False]
    run.run_notebooks(notebooks, out=full, progress=False, force=True)
    assert tree(inc) == tree(full)


@pytest.mark.parametrize("what", ["package", "data", "lock"])
def test_shared_inputs_hash_follows_package_data_and_lock(tmp_path, monkeypatch, what):
    from tipanalysis import paths

    pkg, repo, data = tmp_path / "pkg", tmp_path / "repo", tmp_path / "data"
    for folder in (pkg, repo / "requirements", data):
        folder.mkdir(parents=True)
    (pkg / "a.py").write_text("x = 1")
    (repo / "requirements" / "lock.txt").write_text("a==1\n")
    (data / "t.csv").write_text("a\n1\n")
    monkeypatch.setattr(paths, "PACKAGE_DIR", pkg)
    monkeypatch.setattr(paths, "REPO_DIR", repo)
    monkeypatch.setenv("TIPANALYSIS_DATA_DIR", str(data))
    before = run.shared_inputs_hash()
    assert run.shared_inputs_hash() == before
    target = {"package": pkg / "a.py", "data": data / "t.csv",
              "lock": repo / "requirements" / "lock.txt"}[what]
    target.write_text(target.read_text() + "#")
    assert run.shared_inputs_hash() != before


def test_edited_report_file_is_rewritten(tmp_path, books):
    notebooks, _ = books
    out = tmp_path / "out"
    run.run_notebooks(notebooks, out=out, progress=False)
    (out / "02_count.html").write_text("tampered")
    assert [r.skipped for r in run.run_notebooks(notebooks, out=out, progress=False)] == [
        True, False]
    assert (out / "02_count.html").read_text() != "tampered"


# --------------------------------------------------------------------------- issue 16
def test_runner_deletes_only_what_it_wrote(tmp_path, books):
    notebooks, _ = books
    out = tmp_path / "out"
    out.mkdir()
    (out / "notes").mkdir()
    (out / "notes" / "mine.txt").write_text("user folder")
    (out / "brief_USA_en.html").write_text("written by `tipanalysis brief --out-dir`")
    (out / ".gitkeep").write_text("")
    run.run_notebooks(notebooks, out=out, progress=False)
    run.run_notebooks(notebooks[:1], out=out, progress=False, force=True)
    assert (out / "notes" / "mine.txt").read_text() == "user folder"
    assert (out / "brief_USA_en.html").read_text().startswith("written by")
    assert (out / ".gitkeep").exists()
    assert (out / "02_count.html").exists()  # a selective run keeps the other reports
    removed = run.clean_reports(out)
    assert "02_count.html" in removed and "index.html" in removed
    assert sorted(p.name for p in out.iterdir()) == [".gitkeep", "brief_USA_en.html", "notes"]


def test_full_run_keeps_user_subfolders(tmp_path, monkeypatch):
    from tipanalysis import paths

    nb_dir = tmp_path / "notebooks"
    nb_dir.mkdir()
    make(nb_dir / "01_a.ipynb", "print('a')")
    monkeypatch.setattr(paths, "notebooks_dir", lambda: nb_dir)
    out = tmp_path / "out"
    (out / "drafts").mkdir(parents=True)
    (out / "drafts" / "d.md").write_text("keep")
    assert cli.main(["run", "--out-dir", str(out), "--no-progress"]) == 0
    assert (out / "drafts" / "d.md").read_text() == "keep"


def test_out_path_that_is_a_file_is_refused(tmp_path, books, capsys):
    notebooks, _ = books
    target = tmp_path / "report.html"
    target.write_text("a file")
    assert cli.main(["run", str(notebooks[1]), "--out-dir", str(target), "--no-progress"]) == 1
    err = capsys.readouterr().err
    assert "is a file: give a folder" in err and len(err.strip().splitlines()) == 1
    assert target.read_text() == "a file"


def test_swap_never_leaves_the_output_missing(tmp_path, monkeypatch):
    # A kill between two renames used to leave no out/ at all: simulate it at each rename.
    out, staging = tmp_path / "out", tmp_path / ".out.new-x"
    out.mkdir()
    (out / "a").write_text("old")
    staging.mkdir()
    (staging / "a").write_text("new")

    class Killed(BaseException):
        pass

    real_replace, calls = os.replace, []

    def killed(*args):  # the first rename happens, the process dies at the second
        calls.append(args)
        if len(calls) > 1:
            raise Killed
        real_replace(*args)

    monkeypatch.setattr(os, "replace", killed)
    monkeypatch.setattr(os, "rename", killed)
    with contextlib.suppress(Killed):
        run._swap_in(staging, out)
    assert (out / "a").read_text() in ("old", "new")
    monkeypatch.undo()
    run._swap_in(staging, out) if staging.exists() else None
    assert (out / "a").read_text() == "new"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out"]


def test_next_run_removes_only_the_runners_leftovers(tmp_path, books):
    notebooks, _ = books
    out = tmp_path / "out"
    out.mkdir()
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                          capture_output=True, text=True, check=True).stdout.strip()
    killed = tmp_path / ".out.new-killed1"
    killed.mkdir()
    (killed / run.STAGING_MARKER).write_text(f"{dead}\n")
    swapped = tmp_path / ".out.new-killed2"  # an old folder swapped out, carrying a manifest
    swapped.mkdir()
    (swapped / run.MANIFEST).write_text("{}")
    alive = tmp_path / ".out.new-running"
    alive.mkdir()
    (alive / run.STAGING_MARKER).write_text(f"{os.getppid()}\n")
    mine = tmp_path / ".out.new-mine"  # a user's folder that happens to match the pattern
    mine.mkdir()
    (out / ".index.html.abc123.tmp").write_text("partial")
    (out / "notes.tmp").write_text("user's")
    run.run_notebooks(notebooks[1:], out=out, progress=False)
    names = sorted(p.name for p in tmp_path.iterdir())
    assert ".out.new-killed1" not in names and ".out.new-killed2" not in names
    assert ".out.new-running" in names and ".out.new-mine" in names
    assert not (out / ".index.html.abc123.tmp").exists()
    assert (out / "notes.tmp").read_text() == "user's"


def test_killed_run_leaves_the_old_reports_and_the_next_run_cleans_up(tmp_path):
    out = tmp_path / "out"
    quick = make(tmp_path / "01_quick.ipynb", "print('quick')")
    assert run.run_notebooks([quick], out=out, progress=False)[0].ok
    before = tree(out)
    flag = tmp_path / "started"
    slow = make(tmp_path / "02_slow.ipynb",
                f"import pathlib, time\npathlib.Path({str(flag)!r}).touch()\ntime.sleep(600)")
    proc = subprocess.Popen([sys.executable, "-m", "tipanalysis.report.cli", "run", str(quick),
                             str(slow), "--out-dir", str(out), "--no-progress", "--force"],
                            start_new_session=True, stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 120
        while not flag.exists():
            assert time.monotonic() < deadline and proc.poll() is None
            time.sleep(0.1)
    finally:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()
    assert tree(out) == before
    assert any(p.name.startswith(".out.new-") for p in tmp_path.iterdir())
    assert run.run_notebooks([quick], out=out, progress=False)[0].ok
    assert not any(p.name.startswith(".out.") for p in tmp_path.iterdir())


@pytest.mark.skipif(shutil.which("make") is None, reason="make not installed")
def test_make_clean_keeps_user_files(tmp_path, books):
    from tipanalysis import paths

    notebooks, _ = books
    out = tmp_path / "reports"
    run.run_notebooks(notebooks, out=out, progress=False)
    (out / "brief_USA_en.html").write_text("mine")
    # Only the reports step of `make clean` (the rest would remove this run's .coverage).
    dry = subprocess.run(["make", "-n", "--no-print-directory", "clean", f"REPORTS={out}"],
                         cwd=paths.REPO_DIR, capture_output=True, text=True, check=True).stdout
    step = dry.replace("\\\n", " ").splitlines()
    [command] = [line for line in step if "--clean" in line]
    proc = subprocess.run(command, shell=True, cwd=paths.REPO_DIR, capture_output=True,
                          text=True)
    assert proc.returncode == 0, proc.stderr
    assert sorted(p.name for p in out.iterdir()) == ["brief_USA_en.html"]
