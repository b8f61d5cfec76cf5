"""Notebooks in every reviewed format: jupytext pairs stay in step, papermill runs them as is.

Issue 12: ``jupytext --sync`` on a fresh clone must change nothing; committed and executed
notebooks carry a kernelspec and language_info, so ``papermill NB OUT -p KEY VALUE`` works
without ``-k python3 --language python``.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest

from tipanalysis import paths, run

BIN = Path(sys.executable).parent
FIXTURE = Path(__file__).parent / "fixtures" / "notebooks" / "01_fixture.ipynb"
NOTEBOOKS = sorted(paths.notebooks_dir().glob("*.ipynb"))


def _tree(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file()}


@pytest.mark.parametrize("newer", ["py", "ipynb"])
def test_jupytext_sync_on_a_fresh_clone_changes_nothing(tmp_path, newer):
    # A fresh clone gives files arbitrary modification times: whichever side looks newer,
    # syncing must leave both files byte for byte as committed.
    shutil.copy(paths.REPO_DIR / "jupytext.toml", tmp_path / "jupytext.toml")
    copy = tmp_path / "notebooks"
    shutil.copytree(paths.notebooks_dir(), copy,
                    ignore=shutil.ignore_patterns("*.html", ".ipynb_checkpoints"))
    before = _tree(copy)
    for path in copy.glob(f"*.{newer}"):
        os.utime(path, (path.stat().st_atime, path.stat().st_mtime + 10))
    targets = sorted(str(p) for p in copy.glob("*.ipynb"))
    proc = subprocess.run([str(BIN / "jupytext"), "--sync", *targets], cwd=tmp_path,
                          capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr[-2000:]
    changed = sorted(name for name, data in _tree(copy).items() if before.get(name) != data)
    assert changed == []


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.name for p in NOTEBOOKS])
def test_committed_notebooks_name_their_kernel_and_language(path):
    meta = nbformat.read(path, as_version=4).metadata
    assert meta.get("kernelspec", {}).get("name") == "python3"
    assert meta.get("kernelspec", {}).get("language") == "python"
    assert meta.get("language_info", {}).get("name") == "python"


def _papermill(source: Path, target: Path, *params: str, cwd: Path) -> subprocess.CompletedProcess:
    # No -k / --language: the notebook's own metadata must be enough.
    return subprocess.run([str(BIN / "papermill"), str(source), str(target), *params,
                           "--no-progress-bar"], cwd=cwd, capture_output=True, text=True,
                          env={**os.environ, paths.REPORTS_ENV: str(cwd)})


def test_executed_notebook_runs_unchanged_with_papermill(tmp_path):
    shutil.copy(FIXTURE, tmp_path / "01_fixture.ipynb")
    out = tmp_path / "out"
    [result] = run.run_notebooks([tmp_path / "01_fixture.ipynb"], {"n": 3}, out=out,
                                 progress=False)
    assert result.ok, result.error
    executed = nbformat.read(out / "01_fixture.ipynb", as_version=4)
    assert executed.metadata.kernelspec.name == "python3"
    assert executed.metadata.language_info.name == "python"
    proc = _papermill(out / "01_fixture.ipynb", tmp_path / "pm.ipynb", "-p", "n", "4",
                      cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr[-2000:]
    again = nbformat.read(tmp_path / "pm.ipynb", as_version=4)
    text = "".join(o.get("text", "") for c in again.cells if c.cell_type == "code"
                   for o in c.get("outputs", []))
    assert "n=4" in text


@pytest.mark.notebooks
def test_committed_notebook_runs_with_papermill(tmp_path):
    # The command from issue 12, verbatim: it used to fail with "No kernel name found".
    source = paths.notebooks_dir() / "02_ranking.ipynb"
    proc = _papermill(source, tmp_path / "out.ipynb", "-p", "country", "QAT", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr[-2000:]


@pytest.mark.skipif(shutil.which("git") is None or not (paths.REPO_DIR / ".git").exists(),
                    reason="not a git checkout")
def test_readme_nbconvert_output_is_ignored_by_git():
    # README's `jupyter nbconvert --to html --execute notebooks/NN.ipynb` writes next to it.
    readme = (paths.REPO_DIR / "README.md").read_text(encoding="utf-8")
    assert "jupyter nbconvert --to html --execute notebooks/" in readme
    proc = subprocess.run(["git", "check-ignore", "-q", "notebooks/01_data_overview.html"],
                          cwd=paths.REPO_DIR)
    assert proc.returncode == 0
