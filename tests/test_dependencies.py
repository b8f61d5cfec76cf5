"""Every package the code imports is declared (issue 12): imports found with ``ast`` against
pyproject's dependencies (package and notebooks) and its ``test`` extra (tests, benchmarks)."""

from __future__ import annotations

import ast
import re
import sys
import tomllib
from importlib import metadata
from pathlib import Path

import pytest
from packaging.requirements import Requirement

from tipanalysis import paths

ROOT = paths.REPO_DIR
#: Import name -> distribution, where the environment cannot tell (not installed).
KNOWN = {"yaml": "PyYAML", "zmq": "pyzmq", "IPython": "ipython", "PIL": "pillow",
         "skimage": "scikit-image", "sklearn": "scikit-learn", "bs4": "beautifulsoup4"}


def canonical(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def imported_modules(files: list[Path]) -> dict[str, str]:
    """Top-level module imported -> first file importing it (absolute imports only)."""
    found: dict[str, str] = {}
    for file in files:
        tree = ast.parse(file.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names = [node.module]
            else:
                continue
            for name in names:
                found.setdefault(name.split(".")[0], file.relative_to(ROOT).as_posix())
    return found


def distribution(module: str) -> str:
    dists = metadata.packages_distributions().get(module)
    return canonical(dists[0] if dists else KNOWN.get(module, module))


def undeclared(files: list[Path], declared: set[str]) -> list[str]:
    local = {"tipanalysis", *(f.stem for f in files)}
    out = []
    for module, where in sorted(imported_modules(files).items()):
        if module in sys.stdlib_module_names or module in local:
            continue
        if distribution(module) not in declared:
            out.append(f"{module} ({distribution(module)}, imported in {where})")
    return out


def declared() -> tuple[set[str], set[str]]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    runtime = {canonical(Requirement(r).name) for r in project["dependencies"]}
    test = {canonical(Requirement(r).name) for r in project["optional-dependencies"]["test"]}
    return runtime, runtime | test


def py_files(*folders: str) -> list[Path]:
    return sorted(p for f in folders for p in (ROOT / f).rglob("*.py")
                  if "fixtures" not in p.parts or f == "tests/fixtures")


def test_package_and_notebook_imports_are_dependencies():
    runtime, _ = declared()
    assert undeclared(py_files("src", "notebooks"), runtime) == []


def test_test_and_benchmark_imports_are_declared():
    _, everything = declared()
    assert undeclared(py_files("tests", "benchmarks"), everything) == []


def test_the_check_catches_an_undeclared_import(tmp_path, monkeypatch):
    monkeypatch.setattr(sys.modules[__name__], "ROOT", tmp_path)
    (tmp_path / "m.py").write_text("import yaml\nimport zmq\nfrom IPython.display import HTML\n"
                                   "import os\nfrom . import x\n")
    assert [u.split()[0] for u in undeclared([tmp_path / "m.py"], {"pyzmq"})] == [
        "IPython", "yaml"]


@pytest.mark.parametrize(("module", "dist"), [("yaml", "pyyaml"), ("zmq", "pyzmq"),
                                              ("IPython", "ipython")])
def test_import_names_map_to_distributions(module, dist):
    assert distribution(module) == dist
