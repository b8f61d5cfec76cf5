"""Committed notebooks are reviewable code, run on the shipped data, and give identical reports.

Notebooks are collected when the tests are collected: a new ``notebooks/NN_name.ipynb`` is
checked and executed without touching this file.
"""

from __future__ import annotations

import filecmp
import os
import shutil
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest

from tipanalysis import paths, run

FIXTURE = Path(__file__).parent / "fixtures" / "notebooks" / "01_fixture.ipynb"
NOTEBOOKS = sorted(paths.notebooks_dir().glob("*.ipynb"))
SCRIPTS = sorted(paths.notebooks_dir().glob("*.py"))
REPORTS = run.discover_notebooks()


def names(paths_: list[Path]) -> list[str]:
    return [p.name for p in paths_]


@pytest.mark.parametrize("path", NOTEBOOKS, ids=names(NOTEBOOKS))
def test_committed_notebook_is_reviewable(path):
    # No outputs, numbered name, a parameters cell, and a py:percent pair in step.
    assert run.notebook_problems(path) == []


@pytest.mark.parametrize("script", SCRIPTS, ids=names(SCRIPTS))
def test_every_script_has_its_notebook(script):
    assert script.with_suffix(".ipynb").exists(), (
        f"{script.name} has no paired notebook: run `jupytext --sync {script}`")


def differing_files(a: Path, b: Path) -> list[str]:
    """Names of files that are missing from one folder or whose bytes differ."""
    cmp = filecmp.dircmp(a, b)
    _, mismatch, errors = filecmp.cmpfiles(a, b, cmp.common_files, shallow=False)
    return sorted(cmp.left_only + cmp.right_only + mismatch + errors)


@pytest.fixture(scope="module")
def first_run(tmp_path_factory):
    out = tmp_path_factory.mktemp("reports-1")
    results = run.run_notebooks(REPORTS, out=out, progress=False) if REPORTS else []
    return out, results


@pytest.mark.notebooks
@pytest.mark.skipif(not REPORTS, reason="no report notebooks in notebooks/ yet")
def test_report_notebooks_execute_on_shipped_data(first_run):
    out, results = first_run
    failures = [str(r.error) for r in results if not r.ok]
    assert failures == []
    index = (out / "index.html").read_text(encoding="utf-8")
    for path in REPORTS:
        assert (out / f"{path.stem}.html").stat().st_size > 0
        assert f'href="{path.stem}.html"' in index


@pytest.mark.notebooks
@pytest.mark.skipif(not REPORTS, reason="no report notebooks in notebooks/ yet")
def test_report_notebooks_are_byte_identical_between_runs(first_run, tmp_path):
    out, results = first_run
    assert all(r.ok for r in results)
    again = tmp_path / "reports-2"
    assert all(r.ok for r in run.run_notebooks(REPORTS, out=again, progress=False))
    assert differing_files(out, again) == []


@pytest.mark.notebooks
def test_determinism_check_detects_a_clock(tmp_path):
    # The comparison above must be able to fail: a notebook printing the time differs between
    # two runs, while the seeded fixture (random draws and a figure) stays byte-identical.
    shutil.copy(FIXTURE, tmp_path / "01_fixture.ipynb")
    clock = nbformat.v4.new_notebook(cells=[
        nbformat.v4.new_code_cell("seed = 1", metadata={"tags": ["parameters"]}),
        nbformat.v4.new_code_cell("import time\nprint(time.time_ns())")])
    nbformat.write(clock, tmp_path / "02_clock.ipynb")
    notebooks = [tmp_path / "01_fixture.ipynb", tmp_path / "02_clock.ipynb"]
    for out in ("a", "b"):
        assert all(r.ok for r in run.run_notebooks(notebooks, out=tmp_path / out, jobs=2,
                                                    progress=False))
    assert differing_files(tmp_path / "a", tmp_path / "b") == ["02_clock.html",
                                                               "02_clock.ipynb"]


PLAIN = [*REPORTS, FIXTURE]


@pytest.mark.notebooks
@pytest.mark.parametrize("path", PLAIN, ids=names(PLAIN))
def test_notebook_reruns_with_plain_nbconvert(path, tmp_path):
    # README promises: `jupyter nbconvert --to html --execute notebooks/NN_name.ipynb` works
    # unchanged, the defaults coming from the parameters cell.
    jupyter = Path(sys.executable).parent / "jupyter"
    proc = subprocess.run(
        [str(jupyter), "nbconvert", "--to", "html", "--execute", "--output-dir", str(tmp_path),
         str(path)], capture_output=True, text=True, cwd=tmp_path,
        # files a notebook writes itself (the briefs) go to tmp_path, not the repo's reports/
        env={**os.environ, paths.REPORTS_ENV: str(tmp_path)})
    assert proc.returncode == 0, proc.stderr[-3000:]
    assert (tmp_path / f"{path.stem}.html").stat().st_size > 0


# Notebooks take their subject from parameters: each must rerun unchanged for other countries
# (one with no State Department bureau: the USA) and in Arabic.
OTHER_RUNS = [
    ("02_ranking", {"country": "QAT", "lang": "ar"}),
    ("02_ranking", {"country": "USA", "lang": "en"}),
    ("02_ranking", {"country": "NGA", "lang": "en"}),
    ("04_impact", {"country": "QAT", "lang": "ar"}),
    ("01_data_overview", {"country": "SAU", "lang": "ar"}),
    ("03_strategy_review", {"as_of": "2026-06-30", "lang": "ar"}),
    ("06_tip_findings", {"country": "KWT", "lang": "ar"}),
    ("06_tip_findings", {"country": "Qatar", "lang": "en"}),
    ("06_tip_findings", {"country": "NGA", "lang": "ar"}),  # nothing coded: says so
]


@pytest.mark.notebooks
@pytest.mark.parametrize(("stem", "params"), OTHER_RUNS,
                         ids=[f"{s}-{'-'.join(map(str, p.values()))}" for s, p in OTHER_RUNS])
def test_report_notebook_reruns_for_other_parameters(stem, params, tmp_path):
    notebook = paths.notebooks_dir() / f"{stem}.ipynb"
    [result] = run.run_notebooks([notebook], params, out=tmp_path / "out", progress=False)
    assert result.ok, str(result.error)
    page = (tmp_path / "out" / f"{stem}.html").read_text(encoding="utf-8")
    assert "Traceback" not in page
