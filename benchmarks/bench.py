"""``make bench``: speed and memory of the workspace, each figure next to its floor and target.

(a) the full report rerun (``tipanalysis run --force`` over every report notebook) against its
    floor: as many kernel starts, through the same runner with the same ``--jobs``, each
    executing a notebook that only imports the libraries the reports use (derived from the
    notebooks by :func:`floor_imports`); next to it, in the same run, a no-change rerun (every
    notebook's inputs unchanged: nothing executes) against the full rerun;
(b) ``import tipanalysis`` against ``import pandas``, each in fresh interpreters (median);
(c) peak resident memory of each notebook's kernel;
(d) the brief sweep: the HTML brief of every ranked country of the latest report in both
    languages (figures included, data and pooled results shared between countries), and the
    PDF of the six GCC states in both languages;
then the micro-benchmarks registered in ``benchmarks/micro.py``.

Usage: ``python benchmarks/bench.py [--jobs N] [--repeat R] [--imports K] [--only briefs]``.
Exits 1 when a target is missed. Timings live here only, never in the unit tests.
"""

from __future__ import annotations

import argparse
import ast
import importlib.util
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path

import nbformat

sys.path.insert(0, str(Path(__file__).resolve().parent))

from micro import MICRO

from tipanalysis import run

RERUN_TARGET = 1.3
#: A rerun with no input changed (every notebook skipped) against the full rerun; and < 1 s.
NOCHANGE_TARGET = 0.1
IMPORT_TARGET = 1.3
MEMORY_TARGET = 500 * 2**20
#: The brief sweep (d): every ranked country, HTML, both languages; and the six GCC PDFs.
SWEEP_TARGET = 600.0
GCC_PDF_TARGET = 120.0
#: Line magics the floor repeats (they set up the kernel); any other magic would be work.
FLOOR_MAGIC = re.compile(r"^\s*%matplotlib\b.*$", re.MULTILINE)
PACKAGE = "tipanalysis"

rows: list[tuple[str, str, str, str, str]] = []


def record(name: str, value: str, reference: str, ratio: str, ok: bool | None) -> None:
    verdict = "" if ok is None else ("PASS" if ok else "FAIL")
    rows.append((name, value, reference, ratio, verdict))


def _import_nodes(nodes: Iterable[ast.AST]) -> list[ast.Import | ast.ImportFrom]:
    return [n for n in nodes if isinstance(n, ast.Import) or (
        isinstance(n, ast.ImportFrom) and n.level == 0 and n.module != "__future__")]


def _unconditional(node: ast.AST) -> Iterator[ast.AST]:
    """``node`` and what it contains, except ``if`` branches and ``except`` handlers.

    Imports and calls there run only in some cases (e.g. ``openpyxl`` for a workbook), so the
    floor does not count them; expressions (``x if c else y``, lambdas) are followed.
    """
    yield node
    if isinstance(node, ast.If):
        children: list[ast.AST] = [node.test]
    elif isinstance(node, ast.Try | ast.TryStar):
        children = [*node.body, *node.orelse, *node.finalbody]
    elif isinstance(node, ast.Match):
        children = [node.subject]
    else:
        children = list(ast.iter_child_nodes(node))
    for child in children:
        yield from _unconditional(child)


def _package_names(imports: Iterable[ast.Import | ast.ImportFrom], submodules: set[str]
                   ) -> dict[str, tuple[str, str | None]]:
    """Local name -> (submodule, None) for a package module, (submodule, name) for its members."""
    names: dict[str, tuple[str, str | None]] = {}
    for node in imports:
        if isinstance(node, ast.Import):
            for alias in node.names:
                parts = alias.name.split(".")
                if parts[0] == PACKAGE and len(parts) == 2 and alias.asname:
                    names[alias.asname] = (parts[1], None)
        elif node.module == PACKAGE:
            for alias in node.names:
                if alias.name in submodules:
                    names[alias.asname or alias.name] = (alias.name, None)
        elif node.module and node.module.startswith(PACKAGE + "."):
            sub = node.module.split(".")[1]
            for alias in node.names:
                names[alias.asname or alias.name] = (sub, alias.name)
    return names


def _references(nodes: Iterable[ast.AST], names: dict[str, tuple[str, str | None]],
                module: str | None, defs: Iterable[str]) -> set[tuple[str, str]]:
    """Package functions and classes used by ``nodes``: ``data.load_tiers``, ``t``, ``_helper``."""
    defs = set(defs)
    refs = set()
    for node in nodes:
        if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name):
            target = names.get(node.value.id)
            if target is not None and target[1] is None:  # module.attribute
                refs.add((target[0], node.attr))
        elif isinstance(node, ast.Name):
            target = names.get(node.id)
            if target is not None and target[1] is not None:
                refs.add((target[0], target[1]))
            elif module is not None and node.id in defs:
                refs.add((module, node.id))
    return refs


def floor_imports(notebooks: Sequence[Path]) -> str:
    """Source of the floor's cell: what the report notebooks import, derived from them.

    The union of the notebooks' import statements and ``%matplotlib`` magics, plus the imports
    that the package functions they call make on their unconditional path (geopandas in
    ``data.load_boundaries``, statsmodels in ``tiers.ordered_logit``, WeasyPrint for the PDF
    briefs ...), followed statically through the package's modules. Only imports: nothing the
    notebooks compute.
    """
    package_dir = Path(importlib.util.find_spec(PACKAGE).origin).parent
    submodules = {p.stem for p in package_dir.glob("*.py") if p.stem != "__init__"}
    magics: dict[str, None] = {}
    statements: set[str] = set()
    todo: set[tuple[str, str]] = set()
    for path in notebooks:
        names: dict[str, tuple[str, str | None]] = {}  # bound in one cell, used in the next
        for cell in nbformat.read(path, as_version=4).cells:
            if cell.cell_type != "code":
                continue
            magics.update(dict.fromkeys(m.strip() for m in FLOOR_MAGIC.findall(cell.source)))
            # Other IPython syntax (magics, shell escapes) is blanked before parsing.
            source = re.sub(r"^\s*[%!].*$", "", cell.source, flags=re.MULTILINE)
            nodes = list(ast.walk(ast.parse(source)))
            imports = _import_nodes(nodes)
            statements.update(ast.unparse(n) for n in imports)
            names.update(_package_names(imports, submodules))
            todo |= _references(nodes, names, None, ())

    modules: dict[str, tuple[dict[str, ast.AST], dict[str, tuple[str, str | None]]]] = {}
    seen: set[tuple[str, str]] = set()
    while todo:
        ref = todo.pop()
        seen.add(ref)
        module, name = ref
        if module not in submodules:
            continue
        if module not in modules:
            tree = ast.parse((package_dir / f"{module}.py").read_text(encoding="utf-8"))
            defs = {n.name: n for n in tree.body
                    if isinstance(n, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef)}
            modules[module] = defs, _package_names(_import_nodes(tree.body), submodules)
        defs, names = modules[module]
        if name not in defs:
            continue  # a constant, or a name the module imported
        body = [n for stmt in defs[name].body for n in _unconditional(stmt)]
        lazy = _import_nodes(body)
        statements.update(ast.unparse(n) for n in lazy)
        todo |= _references(body, {**names, **_package_names(lazy, submodules)}, module,
                            defs) - seen
    return "\n".join([*sorted(magics), *sorted(statements)]) + "\n"


def floor_notebooks(folder: Path, n: int, source: str) -> list[Path]:
    """``n`` notebooks that only run ``source`` (distinct names for the runner)."""
    paths = []
    for i in range(n):
        nb = nbformat.v4.new_notebook(cells=[
            nbformat.v4.new_markdown_cell("# Floor"),
            nbformat.v4.new_code_cell("seed = 0", metadata={"tags": ["parameters"]}),
            nbformat.v4.new_code_cell(source)])
        path = folder / f"{i + 1:02d}_floor.ipynb"
        nbformat.write(nb, path)
        paths.append(path)
    return paths


def timed_run(
    notebooks: list[Path], out: Path, jobs: int, *, force: bool = True,
) -> tuple[float, list[run.NotebookResult]]:
    start = time.perf_counter()
    results = run.run_notebooks(notebooks, out=out, jobs=jobs, progress=False, force=force)
    elapsed = time.perf_counter() - start
    failed = [str(r.error) for r in results if not r.ok]
    if failed:
        raise SystemExit("bench: notebooks failed:\n" + "\n".join(failed))
    return elapsed, results


def bench_reports(jobs: int, repeat: int) -> dict[str, tuple[int, float]]:
    """Record (a); return each notebook's kernel peak memory (bytes) and wall time (s)."""
    reports = run.discover_notebooks()
    if not reports:
        record("(a) report rerun", "no report notebooks", "", "", None)
        return {}
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        floors = floor_notebooks(tmp, len(reports), floor_imports(reports))
        report_times, floor_times, peaks = [], [], {}
        for i in range(repeat):  # alternate, so drift hits both alike
            t, results = timed_run(reports, tmp / f"r{i}", jobs)
            report_times.append(t)
            for r in results:
                peak, secs = peaks.get(r.path.name, (0, float("inf")))
                peaks[r.path.name] = (max(peak, r.peak_rss or 0), min(secs, r.seconds))
            floor_times.append(timed_run(floors, tmp / f"f{i}", jobs)[0])
        nochange_times = []
        for _ in range(repeat):
            s, results = timed_run(reports, tmp / "r0", jobs, force=False)
            if not all(r.skipped for r in results):
                raise SystemExit("bench: a no-change rerun executed notebooks")
            nochange_times.append(s)
    t, f, s = min(report_times), min(floor_times), min(nochange_times)
    record(f"(a) report rerun, {len(reports)} notebooks, --jobs {jobs}", f"{t:.1f} s",
           f"floor {f:.1f} s", f"{t / f:.2f}x", t / f <= RERUN_TARGET)
    record("(a) no-change rerun (inputs unchanged)", f"{s:.2f} s", f"full {t:.1f} s",
           f"{s / t:.3f}x", s / t <= NOCHANGE_TARGET and s < 1.0)
    return peaks


def report_memory(peaks: dict[str, tuple[int, float]]) -> None:
    for name, (peak, secs) in sorted(peaks.items()):
        # The notebook's own wall time (kernel start to shutdown) shows which one is slow.
        record(f"(c) peak memory {name}", f"{peak / 2**20:.0f} MB",
               f"target < {MEMORY_TARGET / 2**20:.0f} MB", f"{secs:.1f} s",
               0 < peak < MEMORY_TARGET)


def import_time(module: str) -> float:
    start = time.perf_counter()
    subprocess.run([sys.executable, "-c", f"import {module}"], check=True)
    return time.perf_counter() - start


def bench_imports(k: int) -> None:
    times: dict[str, list[float]] = {"tipanalysis": [], "pandas": [], "nbformat": []}
    import_time("pandas")  # warm the file cache first
    for _ in range(k):
        for module in times:
            times[module].append(import_time(module))
    tip, pd, nbf = (statistics.median(times[m]) for m in ("tipanalysis", "pandas", "nbformat"))
    record("(b) import tipanalysis", f"{tip * 1000:.0f} ms", f"pandas {pd * 1000:.0f} ms",
           f"{tip / pd:.2f}x", tip / pd <= IMPORT_TARGET)
    import importlib.util

    rfc = "with" if importlib.util.find_spec("rfc3987_syntax") else "without"
    record(f"    import nbformat ({rfc} rfc3987-syntax)", f"{nbf * 1000:.0f} ms", "", "", None)


def bench_micro() -> None:
    for micro in MICRO:
        func = micro.setup()
        times = []
        for _ in range(micro.repeat):
            start = time.perf_counter()
            func()
            times.append(time.perf_counter() - start)
        t = statistics.median(times)
        record(f"micro: {micro.name}", f"{t:.3f} s", f"target {micro.target_s:g} s", "",
               t <= micro.target_s)


def bench_briefs() -> None:
    from tipanalysis import brief, countries

    codes = brief.ranked_countries()
    start = time.perf_counter()
    pages = 0
    for _code, contexts in brief.build_sweep(codes):
        for context in contexts.values():
            pages += len(brief.render_html(context)) > 0
    sweep = time.perf_counter() - start
    record(f"(d) brief sweep: HTML, {len(codes)} countries x 2 languages", f"{sweep:.0f} s",
           f"target {SWEEP_TARGET:.0f} s", f"{sweep / pages:.2f} s/brief",
           sweep <= SWEEP_TARGET)
    gcc = countries.members("GCC")
    start = time.perf_counter()
    with tempfile.TemporaryDirectory() as out:
        for code in gcc:
            brief.write_briefs(code, out, pdf=True)
    pdfs = time.perf_counter() - start
    record(f"(d) brief PDFs: {len(gcc)} GCC states x 2 languages (HTML + PDF)", f"{pdfs:.0f} s",
           f"target {GCC_PDF_TARGET:.0f} s", f"{pdfs / (2 * len(gcc)):.1f} s/brief",
           pdfs <= GCC_PDF_TARGET)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--repeat", type=int, default=3,
                        help="full runs of (a), alternating with the floor; best of each kept")
    parser.add_argument("--imports", type=int, default=7, help="interpreters per import (b)")
    parser.add_argument("--only", choices=["briefs"], help="run only the brief sweep (d)")
    args = parser.parse_args(argv)

    if args.only != "briefs":
        peaks = bench_reports(args.jobs, args.repeat)
        bench_imports(args.imports)
        report_memory(peaks)
    bench_briefs()
    if args.only != "briefs":
        bench_micro()

    header = ("measure", "value", "reference", "ratio / time", "")
    widths = [max(len(r[i]) for r in [header, *rows]) for i in range(5)]
    print(f"tipanalysis bench: python {sys.version.split()[0]}, {os.cpu_count()} cores; "
          f"targets: rerun <= {RERUN_TARGET}x floor, no-change <= {NOCHANGE_TARGET}x full, "
          f"import <= {IMPORT_TARGET}x pandas, "
          f"peak < {MEMORY_TARGET / 2**20:.0f} MB")
    for row in [header, *rows]:
        print("  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)).rstrip())
    return 1 if any(r[4] == "FAIL" for r in rows) else 0


if __name__ == "__main__":
    sys.exit(main())
