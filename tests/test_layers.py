"""The package's layers, checked from the source (``ast``), not from what happens to be imported.

core < data < tiers | impact | strategy < viz < report: a module may import from its own layer
or a lower one, never from a higher one. Also checked here: no module outside the data layer
reads or writes files under ``data/``, no module uses pyplot or changes global rcParams, and no
module reaches into another subpackage's private names.
"""

from __future__ import annotations

import ast
import importlib
import importlib.util
import re
from pathlib import Path

import pytest

import tipanalysis

PACKAGE = Path(tipanalysis.__file__).resolve().parent

#: Layer rank of each subpackage; siblings (same rank) may import one another.
LAYERS: dict[str, int] = {
    "core": 0,
    "data": 1,
    "tiers": 2, "impact": 2, "strategy": 2, "evidence": 2,
    "viz": 3,
    "report": 4,
}

#: Upward names a package resolves lazily for backward compatibility only (never imported by
#: the package's own code): where they lived before the split, and why that is allowed.
COMPAT_ALLOWED: dict[str, str] = {
    "tipanalysis.impact": "impact.plot_* moved to viz.impact; old name kept for notebooks",
    "tipanalysis.strategy": "strategy's display tables moved to viz.tables; old names kept",
}

#: Calls that read or write files. Outside the data layer they are allowed only here, with the
#: reason; everything else goes through tipanalysis.data.
FILE_CALLS = frozenset({
    "open", "read_csv", "read_excel", "read_json", "read_table", "read_file", "read_text",
    "read_bytes", "write_text", "write_bytes", "load_workbook", "to_csv", "to_excel",
    "iterdir", "glob", "rglob", "load", "loads", "mkdir", "unlink", "rmtree", "copyfile",
    "copytree", "read_parquet", "to_parquet", "to_file",
})
FILE_IO_ALLOWED: dict[tuple[str, str], str] = {
    # (module, function) -> why
    ("tipanalysis.report.run", "*"): "the runner reads and writes notebooks and reports/, "
                                     "never data/",
    ("tipanalysis.report.brief", "render_html"): "reads the brief's stylesheet from the package "
                                                 "(templates/, not data/)",
    ("tipanalysis.report.brief", "write_context"): "creates the brief's output folder (reports/ "
                                                   "or --out), never under data/",
}


def layer_of(module: str) -> int | None:
    """Rank of a tipanalysis module (None for the top-level facade ``tipanalysis``)."""
    parts = module.split(".")
    if parts[0] != "tipanalysis" or len(parts) < 2:
        return None
    name = parts[1]
    if name in tipanalysis.MOVED:  # an old flat name: judge it where it lives now
        return layer_of(tipanalysis.MOVED[name])
    return LAYERS.get(name)


def _module_name(path: Path) -> str:
    rel = path.relative_to(PACKAGE.parent).with_suffix("")
    parts = list(rel.parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _in_plot_method(tree: ast.AST) -> set[int]:
    """Ids of import nodes inside a method called ``plot*`` of a class (a results object)."""
    inside = set()
    for cls in ast.walk(tree):
        if isinstance(cls, ast.ClassDef):
            for fn in cls.body:
                if isinstance(fn, ast.FunctionDef) and fn.name.startswith("plot"):
                    inside |= {id(n) for n in ast.walk(fn)
                               if isinstance(n, ast.Import | ast.ImportFrom)}
    return inside


def imported_modules(module: str, tree: ast.AST, is_package: bool = False
                     ) -> list[tuple[int, str]]:
    """Every tipanalysis module named by an import anywhere in ``tree`` (line, module)."""
    found = []
    package = module if is_package else module.rpartition(".")[0]
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(node.lineno, a.name) for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:  # relative import
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*anchor, base] if base else anchor)
            # `from tipanalysis import tiers` names the module tipanalysis.tiers
            found += [(node.lineno, f"{base}.{a.name}") if base == "tipanalysis"
                      else (node.lineno, base) for a in node.names]
    return [(line, m) for line, m in found if m.split(".")[0] == "tipanalysis"]


def lazy_targets(tree: ast.AST) -> list[tuple[int, str, str]]:
    """Targets of lazy re-export tables (``_EXPORTS`` / ``_COMPAT`` dicts of module names)."""
    out = []
    for node in getattr(tree, "body", []):
        if isinstance(node, ast.AnnAssign | ast.Assign):
            targets = [node.target] if isinstance(node, ast.AnnAssign) else node.targets
            names = [t.id for t in targets if isinstance(t, ast.Name)]
            if names and names[0] in ("_EXPORTS", "_COMPAT") and isinstance(node.value, ast.Dict):
                for v in node.value.values:
                    if isinstance(v, ast.Constant) and str(v.value).startswith("tipanalysis"):
                        out.append((node.lineno, names[0], v.value))
    return out


def check_source(module: str, source: str, is_package: bool = False) -> list[str]:
    """Return the layering problems of one module's source (empty when it is clean)."""
    own = layer_of(module)
    if own is None:
        return []
    tree = ast.parse(source)
    # One exception, by design: a results object's .plot*() method may import tipanalysis.viz
    # inside the method (statsmodels style: result.plot(ax=...)); the drawing stays in viz.
    in_plot = _in_plot_method(tree)
    problems = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Import | ast.ImportFrom):
            continue
        for line, target in imported_modules(module, node, is_package):
            rank = layer_of(target)
            if rank is None or rank <= own:
                continue
            if id(node) in in_plot and _subpackage(target) == "viz":
                continue
            problems.append(f"{module}:{line} imports {target} (layer {rank} > {own})")
    for line, table, target in lazy_targets(tree):
        rank = layer_of(target)
        if rank is not None and rank > own and not (table == "_COMPAT"
                                                    and module in COMPAT_ALLOWED):
            problems.append(f"{module}:{line} re-exports {target} (layer {rank} > {own})")
    return problems


def private_reaches(module: str, source: str) -> list[str]:
    """Uses of another subpackage's private names (``from x import _y``, ``mod._y``)."""
    own_pkg = module.split(".")[1] if "." in module else ""
    tree = ast.parse(source)
    problems, aliases = [], {}
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("tipanalysis"):
            for a in node.names:
                target = f"{node.module}.{a.name}" if node.module == "tipanalysis" else node.module
                pkg = _subpackage(target)
                if a.name.startswith("_") and pkg != own_pkg:
                    problems.append(f"{module}:{node.lineno} imports private {target}.{a.name}")
                aliases[a.asname or a.name] = pkg
    # `mod._name` on another tipanalysis module is a reach into its internals, even within one
    # subpackage (ingest used loaders._resource_for while descriptor.resource is public).
    modules_bound = {a.asname or a.name for node in ast.walk(tree)
                     if (isinstance(node, ast.ImportFrom) and (node.module or "") == "tipanalysis")
                     or (isinstance(node, ast.ImportFrom) and (node.module or "").startswith(
                         "tipanalysis.") and _is_module(f"{node.module}.{node.names[0].name}"))
                     for a in node.names}
    for node in ast.walk(tree):
        if (isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name)
                and node.attr.startswith("_") and not node.attr.startswith("__")
                and node.value.id in aliases
                and (aliases[node.value.id] not in (own_pkg, None)
                     or node.value.id in modules_bound)):
            problems.append(f"{module}:{node.lineno} uses private {node.value.id}.{node.attr}")
    return problems


def _is_module(name: str) -> bool:
    try:
        return importlib.util.find_spec(name) is not None
    except (ImportError, ValueError):
        return False


def _subpackage(target: str) -> str | None:
    parts = target.split(".")
    if len(parts) < 2:
        return None
    name = parts[1]
    if name in tipanalysis.MOVED:
        return tipanalysis.MOVED[name].split(".")[1]
    return name


def modules() -> list[tuple[str, Path]]:
    return sorted((_module_name(p), p) for p in PACKAGE.rglob("*.py"))


# ------------------------------------------------------------------------------- the layers
def test_every_module_has_a_layer():
    missing = [m for m, _ in modules() if m != "tipanalysis" and layer_of(m) is None]
    assert missing == []


def test_imports_only_point_down():
    problems = []
    for module, path in modules():
        problems += check_source(module, path.read_text(encoding="utf-8"),
                                 path.name == "__init__.py")
    assert problems == []


@pytest.mark.parametrize("module, source", [
    ("tipanalysis.data.loaders", "from tipanalysis.tiers import TIER_ORDER\n"),
    ("tipanalysis.data.loaders", "def f():\n    from tipanalysis import plots\n"),
    ("tipanalysis.core.paths", "import tipanalysis.data.loaders\n"),
    ("tipanalysis.impact.did", "from tipanalysis.viz.impact import plot_its\n"),
    ("tipanalysis.strategy.progress", "from ..report import brief\n"),
    ("tipanalysis.viz.plots", "_EXPORTS = {'x': 'tipanalysis.report.brief'}\n"),
])
def test_the_checker_catches_an_injected_upward_import(module, source):
    assert check_source(module, source)


def test_a_results_object_may_draw_through_viz_only_in_its_plot_method():
    ok = ("class R:\n    def plot(self, ax=None):\n"
          "        from tipanalysis.viz.impact import plot_its\n")
    assert check_source("tipanalysis.impact.synthetic", ok) == []
    elsewhere = "class R:\n    def fit(self):\n        from tipanalysis.viz import plots\n"
    assert check_source("tipanalysis.impact.synthetic", elsewhere)
    not_viz = "class R:\n    def plot(self):\n        from tipanalysis.report import brief\n"
    assert check_source("tipanalysis.impact.synthetic", not_viz)


def test_the_checker_accepts_downward_and_sibling_imports():
    source = ("from tipanalysis.core import paths\nfrom tipanalysis import tiers\n"
              "from tipanalysis.data.loaders import load_tiers\nimport pandas as pd\n")
    assert check_source("tipanalysis.impact.did", source) == []


def test_no_module_reaches_into_another_subpackages_private_names():
    problems = []
    for module, path in modules():
        problems += private_reaches(module, path.read_text(encoding="utf-8"))
    assert problems == []


def test_the_private_name_check_catches_an_injected_reach():
    source = "from tipanalysis.data import loaders as _data\n_data._resource_for({}, 'x')\n"
    assert private_reaches("tipanalysis.data.ingest", source)  # even within the data layer
    assert private_reaches("tipanalysis.report.brief", source)
    shared = "from tipanalysis.impact._checks import _panel_matrix\n_panel_matrix\n"
    assert private_reaches("tipanalysis.impact.did", shared) == []  # a package's own helpers


# ------------------------------------------------------------------------------- drawing
def test_no_pyplot_and_no_global_rcparams():
    problems = []
    for module, path in modules():
        text = path.read_text(encoding="utf-8")
        tree = ast.parse(text)
        for node in ast.walk(tree):
            names = []
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom):
                names = [f"{node.module}.{a.name}" for a in node.names]
            if any(n.startswith("matplotlib.pyplot") for n in names):
                problems.append(f"{module}:{node.lineno} imports pyplot")
        if re.search(r"rcParams\s*(\[|\.update)|matplotlib\.(rc|use)\(", text):
            problems.append(f"{module}: changes global matplotlib settings")
    assert problems == []


# ------------------------------------------------------------------------------- files
def file_calls(module: str, source: str) -> list[tuple[str, int, str]]:
    """(enclosing function, line, call) of every file read/write call in ``source``."""
    tree = ast.parse(source)
    found = []

    def visit(node: ast.AST, func: str) -> None:
        for child in ast.iter_child_nodes(node):
            name = func
            if isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef):
                name = child.name if func == "<module>" else func
            if isinstance(child, ast.Call):
                f = child.func
                called = f.attr if isinstance(f, ast.Attribute) else getattr(f, "id", None)
                owner = f.value.id if (isinstance(f, ast.Attribute)
                                       and isinstance(f.value, ast.Name)) else None
                # json.load/loads read files or text; pickle & co. are not used here
                if called in FILE_CALLS and not (called in ("load", "loads")
                                                 and owner not in ("json",)):
                    found.append((name, child.lineno, called))
            visit(child, name)

    visit(tree, "<module>")
    return found


def test_only_the_data_layer_reads_or_writes_files():
    problems = []
    for module, path in modules():
        if layer_of(module) == LAYERS["data"]:
            continue
        for func, line, call in file_calls(module, path.read_text(encoding="utf-8")):
            if (module, "*") in FILE_IO_ALLOWED or (module, func) in FILE_IO_ALLOWED:
                continue
            problems.append(f"{module}:{line} {call}() in {func}")
    assert problems == []


def test_the_file_check_catches_an_injected_read():
    source = "import pandas as pd\ndef load(p):\n    return pd.read_csv(p)\n"
    assert file_calls("tipanalysis.strategy.progress", source) == [("load", 3, "read_csv")]


def test_the_data_folder_default_is_derived_in_one_place():
    # core.paths.resolve_data_dir turns data_dir=None into the folder; examples may show it.
    uses = [f"{m}: {line.strip()}" for m, p in modules() if m != "tipanalysis.core.paths"
            for line in p.read_text(encoding="utf-8").splitlines()
            if "paths.data_dir()" in line and not line.lstrip().startswith((">>>", "..."))]
    assert uses == []


# ------------------------------------------------------------------------------- the API
def test_every_subpackage_and_former_module_name_imports():
    for name in [*tipanalysis.__all__, *tipanalysis.MOVED]:
        if name != "__version__":
            assert getattr(tipanalysis, name).__name__.startswith("tipanalysis.")
    assert tipanalysis.coverage is importlib.import_module("tipanalysis.data.coverage")
    assert tipanalysis.validate is importlib.import_module("tipanalysis.data.descriptor")


def test_every_module_declares_its_public_api():
    missing = []
    for module, _ in modules():
        mod = importlib.import_module(module)
        if not hasattr(mod, "__all__"):
            missing.append(module)
        elif module != "tipanalysis" and set(dir(mod)) != set(mod.__all__):
            missing.append(f"{module}: dir() is not __all__")
    assert missing == []


#: Modules read as modules (``data.countries.name(...)``, ``data.descriptor.read_csv``): the
#: package lists the module, not its names (``name`` or ``read_csv`` alone would be unclear).
USED_AS_MODULES = frozenset({"tipanalysis.data.countries", "tipanalysis.data.coverage",
                             "tipanalysis.data.descriptor", "tipanalysis.data.ingest",
                             # the write path: read as `data.transaction.commit(...)`
                             "tipanalysis.data.provenance", "tipanalysis.data.transaction",
                             # notebook 04's sentences, read as `viz.impact_text.<name>`
                             "tipanalysis.viz.impact_text"})


@pytest.mark.parametrize("package", ["data", "tiers", "impact", "strategy", "viz"])
def test_packages_re_export_their_modules_api(package):
    # The package __init__ lists its modules' __all__ by hand: this keeps the two in step.
    pkg = importlib.import_module(f"tipanalysis.{package}")
    missing = []
    for module, path in modules():
        if (module.startswith(f"tipanalysis.{package}.") and path.name != "__init__.py"
                and not path.name.startswith("_")):
            sub = importlib.import_module(module)
            short = module.rsplit(".", 1)[1]
            if short not in pkg.__all__:
                missing.append(module)
            if module not in USED_AS_MODULES:
                missing += [f"{module}.{n}" for n in sub.__all__ if not hasattr(pkg, n)]
    assert missing == []


def test_tab_completion_offers_only_public_names():
    from tipanalysis import tiers

    assert not {"Any", "annotations", "importlib"} & set(dir(tipanalysis))
    assert not {"np", "pd", "re"} & set(dir(tiers))


def test_architecture_doc_lists_every_module():
    doc = (PACKAGE.parent.parent / "docs" / "architecture.md").read_text(encoding="utf-8")
    missing = [m for m, p in modules()
               if p.name != "__init__.py" and not p.name.startswith("_")
               and m.removeprefix("tipanalysis.") not in doc]
    assert missing == []
