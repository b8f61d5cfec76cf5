"""The environment is declared once and pinned: pyproject, environment.yml, the lock, make, CI."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tomllib
from importlib import metadata
from pathlib import Path

import pytest
import yaml
from packaging.requirements import Requirement

from tipanalysis import paths

ROOT = paths.REPO_DIR
LOCK = ROOT / "requirements" / "lock.txt"
BUILD = ROOT / "requirements" / "build.txt"
#: pip name -> conda-forge name, where they differ (matplotlib-base: without the Qt GUI).
CONDA_NAMES = {"matplotlib": "matplotlib-base"}
#: Never in the lock on purpose (README, "Dependencies").
EXCLUDED = {"rfc3987-syntax", "lark"}
REQUIRED = {"jupyterlab", "pandas", "statsmodels", "geopandas", "nbconvert", "nbclient",
            "matplotlib", "pyogrio", "pycountry"}


def canonical(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def pyproject_requirements(pyproject: Path) -> dict[str, Requirement]:
    """Dependencies and the ``test`` extra, by canonical name."""
    project = tomllib.loads(pyproject.read_text(encoding="utf-8"))["project"]
    reqs = [*project["dependencies"], *project["optional-dependencies"]["test"]]
    return {canonical(Requirement(r).name): Requirement(r) for r in reqs}


def conda_specs(environment: Path) -> dict[str, str]:
    """conda dependencies (``name>=x`` strings) by name, without python, pip and the pip list."""
    deps = yaml.safe_load(environment.read_text(encoding="utf-8"))["dependencies"]
    out = {}
    for dep in deps:
        if not isinstance(dep, str):
            continue
        name, spec = re.match(r"^([A-Za-z0-9_.\-]+)\s*(.*)$", dep).groups()
        if canonical(name) not in ("python", "pip"):
            out[canonical(name)] = spec.replace(" ", "")
    return out


def environment_disagreements(pyproject: Path, environment: Path) -> list[str]:
    """Every dependency that the two files do not declare identically."""
    reqs = pyproject_requirements(pyproject)
    conda = conda_specs(environment)
    problems = []
    for name, req in reqs.items():
        conda_name = CONDA_NAMES.get(name, name)
        if conda_name not in conda:
            problems.append(f"{name}: in pyproject.toml, missing from environment.yml")
        elif conda[conda_name] != str(req.specifier):
            problems.append(f"{name}: pyproject {req.specifier} != environment.yml "
                            f"{conda[conda_name]}")
    expected = {CONDA_NAMES.get(n, n) for n in reqs}
    problems += [f"{n}: in environment.yml, missing from pyproject.toml"
                 for n in sorted(set(conda) - expected)]
    return problems


def lock_pins(lock: Path) -> dict[str, str]:
    pins = {}
    for line in lock.read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            name, sep, version = line.partition("==")
            assert sep and version, f"{lock.name}: {line!r} is not an exact name==version pin"
            pins[canonical(name)] = version
    return pins


def lock_problems(pyproject: Path, lock: Path) -> list[str]:
    """Dependencies the lock does not pin (at a version the specifier allows), or must not pin."""
    pins = lock_pins(lock)
    problems = []
    for name, req in pyproject_requirements(pyproject).items():
        if name not in pins:
            problems.append(f"{name}: not pinned in {lock.name}")
        elif not req.specifier.contains(pins[name], prereleases=True):
            problems.append(f"{name}: {lock.name} pins {pins[name]}, outside {req.specifier}")
    problems += [f"{name}: must stay out of {lock.name}" for name in sorted(EXCLUDED & set(pins))]
    return problems


# --------------------------------------------------------------------------- declarations
def test_environment_yml_agrees_with_pyproject():
    assert environment_disagreements(ROOT / "pyproject.toml", ROOT / "environment.yml") == []


def test_disagreement_is_detected(tmp_path):
    env = (ROOT / "environment.yml").read_text(encoding="utf-8")
    cases = {
        "removed": env.replace("  - pycountry>=24.6\n", ""),
        "other bound": env.replace("pandas>=3.0", "pandas>=2.2"),
        "extra": env.replace("  - pip:\n", "  - seaborn\n  - pip:\n"),
    }
    for label, text in cases.items():
        assert text != env, label
        (tmp_path / "environment.yml").write_text(text, encoding="utf-8")
        assert environment_disagreements(ROOT / "pyproject.toml", tmp_path / "environment.yml"), \
            label


def test_required_dependencies_are_declared():
    reqs = pyproject_requirements(ROOT / "pyproject.toml")
    assert set(reqs) >= REQUIRED
    # matplotlib >= 3.11 shapes Arabic itself (no arabic-reshaper / python-bidi).
    assert not reqs["matplotlib"].specifier.contains("3.10.9")
    assert reqs["matplotlib"].specifier.contains("3.11.0")


def test_lock_pins_every_dependency_and_leaves_out_rfc3987_syntax():
    assert lock_problems(ROOT / "pyproject.toml", LOCK) == []
    assert set(lock_pins(BUILD)) == {"pip", "setuptools"}


def test_lock_problems_are_detected(tmp_path):
    lock = LOCK.read_text(encoding="utf-8")
    pandas_line = next(ln for ln in lock.splitlines() if ln.startswith("pandas=="))
    cases = {
        "missing": lock.replace(pandas_line + "\n", ""),
        "too old": lock.replace(pandas_line, "pandas==2.2.3"),
        "excluded": lock + "rfc3987-syntax==1.1.0\n",
    }
    for label, text in cases.items():
        (tmp_path / "lock.txt").write_text(text, encoding="utf-8")
        assert lock_problems(ROOT / "pyproject.toml", tmp_path / "lock.txt"), label
    (tmp_path / "lock.txt").write_text("pandas>=3\n", encoding="utf-8")
    with pytest.raises(AssertionError, match="not an exact"):
        lock_pins(tmp_path / "lock.txt")


@pytest.mark.skipif(not (Path(sys.prefix) / ".tipanalysis-installed").exists(),
                    reason="not the venv built by make (e.g. a conda environment)")
def test_venv_is_exactly_the_lock():
    # make venv installs the lock with --no-deps and prunes the rest (requirements/prune.py).
    pins = lock_pins(LOCK) | lock_pins(BUILD)
    installed = {canonical(d.metadata["Name"]): d.version for d in metadata.distributions()}
    installed.pop("tipanalysis")
    wrong = {n: (v, pins.get(n)) for n, v in installed.items() if pins.get(n) != v}
    assert wrong == {}, "venv differs from requirements/*.txt: run `make venv`"


#: Debian 12's python3: the "fresh Debian machine" of the README must install the lock.
DEBIAN_PYTHON = "3.11.2"


def python_incompatible(requires_python: dict[str, str | None], version: str) -> list[str]:
    """Packages whose ``Requires-Python`` excludes ``version``."""
    from packaging.specifiers import SpecifierSet

    return sorted(f"{name} requires Python {spec}" for name, spec in requires_python.items()
                  if spec and not SpecifierSet(spec).contains(version))


@pytest.mark.skipif(not (Path(sys.prefix) / ".tipanalysis-installed").exists(),
                    reason="not the venv built by make (e.g. a conda environment)")
def test_lock_installs_on_debian_python():
    pins = lock_pins(LOCK)
    requires = {canonical(d.metadata["Name"]): d.metadata["Requires-Python"]
                for d in metadata.distributions() if canonical(d.metadata["Name"]) in pins}
    assert python_incompatible(requires, DEBIAN_PYTHON) == []
    assert python_incompatible({"soupsieve": ">=3.11.5", "pandas": ">=3.11"}, "3.11.2") == [
        "soupsieve requires Python >=3.11.5"]


# --------------------------------------------------------------------------- make and CI
def make_dry_run(target: str) -> str:
    proc = subprocess.run(["make", "-n", "--no-print-directory", target], cwd=ROOT,
                          capture_output=True, text=True, check=True)
    return proc.stdout


@pytest.mark.skipif(shutil.which("make") is None, reason="make not installed")
def test_make_targets_run_what_the_readme_says():
    test = make_dry_run("test")
    for step in ["ruff check .", "tipanalysis data validate",
                 "-m pytest --cov=tipanalysis --cov-report=term", "rc -eq 5"]:
        assert step in test, step
    assert "tipanalysis run --out-dir reports" in make_dry_run("report")
    assert "--allow-root" in make_dry_run("lab") or os.geteuid() != 0
    assert "benchmarks/bench.py" in make_dry_run("bench")
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert "-m venv $(VENV)" in makefile and "conda" not in makefile
    assert "--no-deps -r requirements/lock.txt" in makefile
    assert re.search(r"^\$\(STAMP\): requirements/build.txt requirements/lock.txt "
                     r"requirements/prune.py pyproject.toml$", makefile, re.MULTILINE)


@pytest.mark.skipif(shutil.which("make") is None, reason="make not installed")
def test_make_docs_builds_the_api_reference(tmp_path):
    out = tmp_path / "api"
    proc = subprocess.run(["make", "--no-print-directory", "docs", f"DOCS={out}"], cwd=ROOT,
                          capture_output=True, text=True)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "Warn" not in proc.stderr, proc.stderr  # every name in an __all__ resolves
    pages = {p.relative_to(out).as_posix() for p in out.rglob("*.html")}
    for page in ("index.html", "tipanalysis/impact/synthetic.html", "tipanalysis/data/readers.html",
                 "tipanalysis/viz/plots.html", "tipanalysis/report/run.html"):
        assert page in pages
    assert "SynthResult" in (out / "tipanalysis" / "impact" / "synthetic.html").read_text()


def fake_make(tmp_path: Path, output: str, status: int) -> dict[str, str]:
    script = tmp_path / "fake-make"
    script.write_text(f"#!/bin/sh\nprintf '%s\\n' '{output}'\nexit {status}\n")
    script.chmod(0o755)
    return {**os.environ, "CI_MAKE": str(script)}


@pytest.mark.parametrize(("output", "status", "ok", "message"), [
    ("=== 12 passed, 1 skipped in 3.2s ===", 0, True, "CI passed"),
    ("=== no tests ran in 0.01s ===\n!!! FAILED: pytest collected no tests (exit code 5) !!!",
     2, False, "collected no tests"),
    ("============ no tests ran in 0.01s ============", 2, False, "collected no tests"),
    ("=== 1 failed, 11 passed ===", 2, False, "make test exited with status 2"),
    ("lint only, nothing else", 0, False, "no passed tests"),
])
def test_ci_script_fails_loudly(tmp_path, output, status, ok, message):
    proc = subprocess.run(["bash", str(ROOT / ".ci" / "run")], capture_output=True, text=True,
                          env=fake_make(tmp_path, output, status))
    assert (proc.returncode == 0) is ok
    assert message in proc.stdout + proc.stderr
    if not ok:
        assert "CI FAILED" in proc.stderr


# --------------------------------------------------------------------------- repository files
def test_readme_opens_with_exactly_the_two_commands():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    first_block = re.search(r"```[a-z]*\n(.*?)```", readme, re.DOTALL).group(1)
    assert first_block.split("\n")[:-1] == ["make report", "make test"]
    assert readme.index("```") < readme.index("\n## ")  # before any section
    for section in ["## Layout", "## Data", "## Analyses", "## Dependencies", "## Benchmarks",
                    "make lab", "Adding a notebook", "jupyter nbconvert --to html --execute"]:
        assert section in readme, section


def test_gitignore_keeps_reports_folder_but_not_reports():
    ignore = (ROOT / ".gitignore").read_text(encoding="utf-8").split()
    for entry in [".venv/", "reports/*", "!reports/.gitkeep", "__pycache__/", ".coverage"]:
        assert entry in ignore, entry
    assert (ROOT / "reports" / ".gitkeep").exists()


def test_citation_and_licence():
    citation = yaml.safe_load((ROOT / "CITATION.cff").read_text(encoding="utf-8"))
    assert citation["cff-version"].startswith("1.2")
    assert citation["license"] == "MIT"
    assert "tipanalysis contributors" in (ROOT / "LICENSE").read_text(encoding="utf-8")


def test_kernel_runs_on_this_interpreter():
    from tipanalysis.run import _kernel_spec_manager

    spec = _kernel_spec_manager().get_kernel_spec("python3")
    assert spec.argv[0] == sys.executable
