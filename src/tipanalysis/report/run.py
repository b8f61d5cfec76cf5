"""Notebook runner: execute report notebooks and write deterministic HTML reports.

``tipanalysis run`` (and ``make report``) executes notebooks with nbclient in a kernel running on
*this* interpreter (the workspace venv), injects parameters papermill-style after the cell tagged
``parameters``, and writes for every notebook ``<name>.html`` (code hidden for numbered report
notebooks) and the executed ``<name>.ipynb``, plus ``index.html`` linking them all.

Everything is first written to a temporary folder next to the output folder and swapped in only
when every notebook succeeded, so a failure leaves the previous reports untouched.

Reports are byte-identical between runs on the same inputs: no execution timestamps are recorded,
kernels start with ``PYTHONHASHSEED=0`` and ``SOURCE_DATE_EPOCH=0`` (matplotlib's SVG/PDF dates),
and the index carries no dates. Notebooks seed their own random generators.
"""

from __future__ import annotations

import argparse
import ast
import concurrent.futures
import html
import itertools
import json
import os
import queue
import re
import shutil
import sys
import tempfile
import time
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tipanalysis.core import paths

__all__ = [
    "CELL_TIMEOUT",
    "DURATIONS_FILE",
    "EXHAUSTIVE_SCHEDULE",
    "INJECTED_TAG",
    "KERNEL_ENV",
    "PARAMETERS_TAG",
    "REPORT_NAME",
    "NotebookResult",
    "NotebookRunError",
    "default_parameters",
    "discover_notebooks",
    "execute_notebook",
    "index_html",
    "inject_parameters",
    "main",
    "makespan",
    "notebook_html",
    "notebook_problems",
    "notebook_title",
    "other_files",
    "parameters_cell_index",
    "parse_parameter_value",
    "parse_parameters",
    "read_durations",
    "record_durations",
    "render_parameters",
    "run_notebooks",
    "schedule",
]

#: Report notebooks are ``notebooks/NN_name.ipynb``.
REPORT_NAME = re.compile(r"^\d{2}_[A-Za-z0-9][A-Za-z0-9_\-]*\.ipynb$")
PARAMETERS_TAG = "parameters"
INJECTED_TAG = "injected-parameters"
#: Per-cell timeout in seconds (a runaway cell fails the run instead of hanging CI).
CELL_TIMEOUT = 1800
#: Environment given to every kernel, on top of the caller's; see the module docstring.
KERNEL_ENV = {
    "PYTHONHASHSEED": "0",
    "SOURCE_DATE_EPOCH": "0",
    "MPLBACKEND": "module://matplotlib_inline.backend_inline",
}


class NotebookRunError(RuntimeError):
    """A notebook failed: names the notebook, the cell and the error.

    Attributes
    ----------
    notebook : Path
    cell_number : int or None
        1-based position of the failing cell in the notebook as written (injected cell excluded).
    cell_line : str
        First line of the failing cell's source.
    ename, evalue : str
        Exception name and value raised in the kernel.
    """

    def __init__(self, notebook: Path, cell_number: int | None, cell_line: str, ename: str,
                 evalue: str):
        self.notebook = Path(notebook)
        self.cell_number = cell_number
        self.cell_line = cell_line
        self.ename = ename
        self.evalue = evalue
        where = f"cell {cell_number} ({cell_line!r})" if cell_number is not None else "kernel"
        super().__init__(f"{self.notebook}: {where} raised {ename}: {evalue}")


@dataclass
class NotebookResult:
    """Outcome of executing one notebook.

    ``peak_rss`` is the kernel's peak resident memory in bytes (Linux ``VmHWM``), or ``None`` where
    ``/proc`` is unavailable; ``seconds`` the wall time from kernel start to shutdown (read by
    ``make bench``).
    """

    path: Path
    parameters: dict[str, Any] = field(default_factory=dict)
    error: NotebookRunError | None = None
    peak_rss: int | None = None
    n_cells: int = 0
    seconds: float = 0.0

    @property
    def ok(self) -> bool:
        return self.error is None


# --------------------------------------------------------------------------- parameters
def parse_parameter_value(raw: str) -> Any:
    """Parse a ``-p KEY=VALUE`` value: a Python/JSON literal when it is one, else the string.

    Literals are parsed with :func:`ast.literal_eval` (never evaluated as code); JSON's ``true``,
    ``false`` and ``null`` and JSON objects/arrays are accepted too.

    Examples
    --------
    >>> [parse_parameter_value(v) for v in ("2025", "true", "[1, 2]", "ar")]
    [2025, True, [1, 2], 'ar']
    >>> parse_parameter_value("2025-2028")
    '2025-2028'
    """
    text = raw.strip()
    try:
        return ast.literal_eval(text)
    except (ValueError, SyntaxError, TypeError, MemoryError, RecursionError):
        pass

    def _reject_constant(name: str) -> Any:
        raise ValueError(name)  # NaN/Infinity have no Python literal: keep the string

    try:
        return json.loads(text, parse_constant=_reject_constant)
    except ValueError:
        return raw


def parse_parameters(items: Iterable[str]) -> dict[str, Any]:
    """Turn ``["KEY=VALUE", ...]`` into a dict; keys must be Python identifiers.

    Examples
    --------
    >>> parse_parameters(["lang=ar", "year=2025"])
    {'lang': 'ar', 'year': 2025}
    """
    params: dict[str, Any] = {}
    for item in items:
        key, sep, value = item.partition("=")
        key = key.strip()
        if not sep or not key.isidentifier():
            raise ValueError(f"parameter {item!r} is not KEY=VALUE with KEY a Python name")
        params[key] = parse_parameter_value(value)
    return params


def render_parameters(params: Mapping[str, Any]) -> str:
    """Source of the injected cell: one ``KEY = literal`` line per parameter.

    Examples
    --------
    >>> print(render_parameters({"lang": "ar", "year": 2025}))
    # Parameters injected by tipanalysis run
    lang = 'ar'
    year = 2025
    """
    lines = ["# Parameters injected by tipanalysis run"]
    for key, value in params.items():
        text = repr(value)
        # Only values that read back as the same literal may enter a notebook.
        try:
            same = ast.literal_eval(text) == value
        except (ValueError, SyntaxError):
            same = False
        if not same:
            raise ValueError(f"parameter {key!r} has no Python literal form: {value!r}")
        lines.append(f"{key} = {text}")
    return "\n".join(lines)


def _tags(cell: Mapping[str, Any]) -> list[str]:
    return list(cell.get("metadata", {}).get("tags", []))


def parameters_cell_index(nb: Any) -> int | None:
    """Index of the first cell tagged ``parameters``, or ``None``."""
    for i, cell in enumerate(nb.cells):
        if PARAMETERS_TAG in _tags(cell):
            return i
    return None


def default_parameters(nb: Any) -> dict[str, Any]:
    """Literal assignments of the ``parameters`` cell (parsed, never executed).

    Examples
    --------
    >>> import nbformat
    >>> nb = nbformat.v4.new_notebook()
    >>> nb.cells = [nbformat.v4.new_code_cell("lang = 'en'  # or 'ar'\\nyear = 2025",
    ...                                       metadata={"tags": ["parameters"]})]
    >>> default_parameters(nb)
    {'lang': 'en', 'year': 2025}
    """
    index = parameters_cell_index(nb)
    if index is None:
        return {}
    out: dict[str, Any] = {}
    try:
        tree = ast.parse(nb.cells[index].source)
    except SyntaxError:
        return {}
    for node in tree.body:
        if isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(
                node.targets[0], ast.Name):
            try:
                out[node.targets[0].id] = ast.literal_eval(node.value)
            except ValueError:
                continue
    return out


def inject_parameters(nb: Any, params: Mapping[str, Any]) -> Any:
    """Return a copy of ``nb`` with a cell tagged ``injected-parameters`` after ``parameters``.

    A previously injected cell is replaced. Without parameters the notebook is returned unchanged
    (a copy). Raises ``ValueError`` when parameters are given and no cell is tagged ``parameters``.

    Examples
    --------
    >>> import nbformat
    >>> nb = nbformat.v4.new_notebook()
    >>> nb.cells = [nbformat.v4.new_code_cell("year = 2024", metadata={"tags": ["parameters"]}),
    ...             nbformat.v4.new_code_cell("print(year)")]
    >>> out = inject_parameters(nb, {"year": 2025})
    >>> [c.source.splitlines()[-1] for c in out.cells]
    ['year = 2024', 'year = 2025', 'print(year)']
    """
    import copy

    import nbformat

    nb = copy.deepcopy(nb)
    nb.cells = [c for c in nb.cells if INJECTED_TAG not in _tags(c)]
    if not params:
        return nb
    index = parameters_cell_index(nb)
    if index is None:
        raise ValueError(f"parameters {sorted(params)} given but no cell is tagged "
                         f"{PARAMETERS_TAG!r}")
    cell = nbformat.v4.new_code_cell(render_parameters(params),
                                     metadata={"tags": [INJECTED_TAG]})
    cell.id = INJECTED_TAG  # fixed id: reports stay byte-identical
    nb.cells.insert(index + 1, cell)
    return nb


# --------------------------------------------------------------------------- discovery, checks
def discover_notebooks(folder: Path | None = None) -> list[Path]:
    """Report notebooks ``NN_name.ipynb`` in ``folder`` (default ``notebooks/``), sorted.

    Examples
    --------
    >>> [p.name for p in discover_notebooks()]  # doctest: +SKIP
    ['01_data_overview.ipynb', '02_ranking.ipynb']
    """
    from tipanalysis.core import paths

    folder = paths.notebooks_dir() if folder is None else Path(folder)
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.iterdir() if REPORT_NAME.match(p.name))


def _cell_key(cell: Mapping[str, Any]) -> tuple[str, str, tuple[str, ...]]:
    return cell["cell_type"], str(cell.get("source", "")).strip(), tuple(_tags(cell))


def _first_difference(script_nb: Any, notebook: Any) -> str | None:
    """First cell where the paired script and notebook differ (type, source or tags).

    Notebook-level metadata (kernelspec ...) is not compared: jupytext.toml keeps it out of the
    scripts on purpose, and other cell metadata is not part of what reviewers read.
    """
    a = [_cell_key(c) for c in script_nb.cells]
    b = [_cell_key(c) for c in notebook.cells]
    for i, (x, y) in enumerate(zip(a, b, strict=False), start=1):
        if x != y:
            return f"cell {i} differs"
    if len(a) != len(b):
        return f"script has {len(a)} cells, notebook {len(b)}"
    return None


def notebook_problems(path: Path) -> list[str]:
    """What makes a committed notebook unreviewable; empty when it is fine.

    Checks: numbered ``NN_name``; no outputs or execution counts; a cell tagged ``parameters``;
    a paired py:percent script whose cells equal the notebook's (jupytext pairing has not drifted).

    Examples
    --------
    >>> notebook_problems(Path("notebooks/01_data_overview.ipynb"))  # doctest: +SKIP
    []
    """
    import jupytext
    import nbformat

    path = Path(path)
    problems = []
    if not REPORT_NAME.match(path.name):
        problems.append(f"{path.name}: name is not NN_name.ipynb (e.g. 03_transitions.ipynb)")
    nb = nbformat.read(path, as_version=4)
    for i, cell in enumerate(nb.cells, start=1):
        if cell.cell_type != "code":
            continue
        if cell.get("outputs"):
            problems.append(f"{path.name}: cell {i} carries outputs (clear them before committing)")
        if cell.get("execution_count") is not None:
            problems.append(f"{path.name}: cell {i} has an execution count")
    if parameters_cell_index(nb) is None:
        problems.append(f"{path.name}: no cell tagged {PARAMETERS_TAG!r}")
    script = path.with_suffix(".py")
    if not script.exists():
        problems.append(f"{path.name}: paired script {script.name} is missing (jupytext --sync)")
    else:
        drift = _first_difference(jupytext.read(script), jupytext.read(path))
        if drift:
            problems.append(f"{path.name}: pair {script.name} has drifted ({drift}); "
                            "run jupytext --sync")
    return problems


# --------------------------------------------------------------------------- execution
def _kernel_spec_manager() -> Any:
    """Kernel specs resolving ``python3`` to this interpreter, whatever is in ~/.local/share."""
    from jupyter_client.kernelspec import KernelSpec, KernelSpecManager

    class VenvKernelSpecManager(KernelSpecManager):
        def get_kernel_spec(self, kernel_name: str) -> KernelSpec:
            return KernelSpec(
                argv=[sys.executable, "-m", "ipykernel_launcher", "-f", "{connection_file}"],
                display_name="Python 3 (ipykernel)", language="python", name="python3",
                resource_dir="", metadata={"supported_encryption": ["curve"]})

    return VenvKernelSpecManager()


def _peak_rss(pid: int | None) -> int | None:
    if pid is None:
        return None
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return None
    match = re.search(r"^VmHWM:\s+(\d+) kB", status, re.MULTILINE)
    return int(match.group(1)) * 1024 if match else None


def _cell_line(cell: Mapping[str, Any]) -> str:
    lines = [ln for ln in str(cell.get("source", "")).splitlines() if ln.strip()]
    return lines[0].strip() if lines else ""


def execute_notebook(
    path: Path, params: Mapping[str, Any] | None = None, *, progress: Any = None,
    timeout: int = CELL_TIMEOUT, reports_dir: Path | None = None,
) -> tuple[Any, NotebookResult]:
    """Execute one notebook in a fresh kernel; return the executed notebook and its result.

    The kernel runs in the notebook's folder (as with ``jupyter nbconvert --execute``). Errors
    do not raise: they are returned in ``result.error`` (a :class:`NotebookRunError`).
    ``reports_dir`` is passed to the kernel as ``TIPANALYSIS_REPORTS_DIR``: a notebook that
    writes files of its own (the briefs) writes them there, i.e. into the runner's staging
    folder, so they are swapped in with the reports or not at all.

    Examples
    --------
    >>> nb, result = execute_notebook(Path("notebooks/01_data_overview.ipynb"),
    ...                               {"lang": "ar"})  # doctest: +SKIP
    >>> result.ok  # doctest: +SKIP
    True
    """
    import nbformat
    import zmq
    from jupyter_client.manager import KernelManager
    from nbclient import NotebookClient
    from nbclient.exceptions import CellExecutionError, CellTimeoutError, DeadKernelError

    path = Path(path)
    params = dict(params or {})
    nb = nbformat.read(path, as_version=4)
    result = NotebookResult(path=path, parameters=params)
    try:
        nb = inject_parameters(nb, params)
    except ValueError as exc:
        result.error = NotebookRunError(path, None, "", "ValueError", str(exc))
        return nb, result
    injected = next((i for i, c in enumerate(nb.cells) if INJECTED_TAG in _tags(c)), None)
    result.n_cells = len(nb.cells)

    env = {**os.environ, **KERNEL_ENV}
    env["PATH"] = os.pathsep.join([str(Path(sys.executable).parent), env.get("PATH", "")])
    if reports_dir is not None:
        env[paths.REPORTS_ENV] = str(reports_dir)
    # CurveZMQ keys when libzmq has them: the kernel's channels are then not plain TCP.
    km = KernelManager(kernel_name="python3", kernel_spec_manager=_kernel_spec_manager(),
                       transport_encryption="auto" if zmq.has("curve") else "disabled")
    failed: dict[str, Any] = {}

    def on_cell_executed(cell: Any, cell_index: int, execute_reply: Any) -> None:
        pid = getattr(km.provisioner, "pid", None) if km.provisioner else None
        result.peak_rss = _peak_rss(pid) or result.peak_rss
        if progress is not None:
            progress.update(1)

    def on_cell_error(cell: Any, cell_index: int, execute_reply: Any) -> None:
        failed.setdefault("index", cell_index)

    def on_cell_start(cell: Any, cell_index: int) -> None:
        failed["running"] = cell_index

    client = NotebookClient(
        nb, km=km, timeout=timeout, kernel_name="python3", record_timing=False,
        shutdown_kernel="immediate",
        resources={"metadata": {"path": str(path.parent.resolve())}},
        on_cell_executed=on_cell_executed, on_cell_error=on_cell_error,
        on_cell_start=on_cell_start,
    )
    start = time.perf_counter()
    try:
        # cleanup_kc: nbclient keeps a kernel it did not create alive unless told otherwise.
        client.execute(env=env, cleanup_kc=True)
    except (CellExecutionError, CellTimeoutError, DeadKernelError, RuntimeError) as exc:
        index = failed.get("index", failed.get("running"))
        number = None
        line = ""
        if index is not None:
            line = _cell_line(nb.cells[index])
            # Number cells as the author sees them: the injected cell is not theirs.
            number = index + 1 - (1 if injected is not None and index > injected else 0)
        ename = getattr(exc, "ename", type(exc).__name__)
        evalue = getattr(exc, "evalue", None)
        if evalue is None:
            evalue = str(exc).strip().splitlines()[-1] if str(exc).strip() else ""
        result.error = NotebookRunError(path, number, line, ename, evalue)
    finally:
        if km.has_kernel:
            km.shutdown_kernel(now=True)
        result.seconds = time.perf_counter() - start
    nb.metadata["tipanalysis"] = {"parameters": params}
    return nb, result


# --------------------------------------------------------------------------- output
def notebook_title(nb: Any, default: str) -> str:
    """Text of the first markdown heading, else ``default``.

    Examples
    --------
    >>> import nbformat
    >>> nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_markdown_cell("# Tiers, 2001–2025")])
    >>> notebook_title(nb, "x")
    'Tiers, 2001–2025'
    """
    for cell in nb.cells:
        if cell.cell_type == "markdown":
            for line in cell.source.splitlines():
                match = re.match(r"^\s{0,3}#{1,6}\s+(.+?)\s*#*\s*$", line)
                if match:
                    return match.group(1)
    return default


def notebook_html(nb: Any, name: str, *, hide_code: bool = True) -> str:
    """Render an executed notebook as standalone HTML (code cells hidden when ``hide_code``)."""
    from nbconvert import HTMLExporter

    exporter = HTMLExporter(template_name="lab", exclude_input=hide_code,
                            exclude_input_prompt=hide_code, exclude_output_prompt=hide_code)
    # The page title is the report's heading, not its file name.
    resources = {"metadata": {"name": notebook_title(nb, name)}}
    body, _ = exporter.from_notebook_node(nb, resources=resources)
    return body


def other_files(folder: Path, reports: Sequence[Mapping[str, Any]]) -> list[dict[str, str]]:
    """Files in ``folder`` that notebooks wrote besides their reports (e.g. the briefs).

    Returns one entry per file, sorted by name, with ``name`` and ``title`` (an HTML file's
    ``<title>``, else the file name).
    """
    own = {f"{r['name']}{ext}" for r in reports for ext in (".html", ".ipynb")}
    entries = []
    for item in sorted(folder.iterdir()):
        if not item.is_file() or item.name.startswith(".") or item.name in own | {"index.html"}:
            continue
        title = item.name
        if item.suffix == ".html":
            match = re.search(r"<title>(.*?)</title>", item.read_text(encoding="utf-8",
                                                                   errors="replace"), re.S)
            if match:
                title = html.unescape(match.group(1).strip())
        entries.append({"name": item.name, "title": title})
    return entries


def index_html(reports: Sequence[Mapping[str, Any]],
               files: Sequence[Mapping[str, str]] = ()) -> str:
    """``index.html`` listing each report (title, parameters, links); carries no timestamps.

    ``files`` (from :func:`other_files`) are listed after the reports, e.g. the briefs.

    Examples
    --------
    >>> page = index_html([{"name": "01_x", "title": "X", "parameters": {"lang": "en"}}])
    >>> '<a href="01_x.html">X</a>' in page
    True
    """
    rows = []
    for rep in reports:
        name = html.escape(rep["name"])
        params = ", ".join(f"{k} = {v!r}" for k, v in rep["parameters"].items()) or "–"
        rows.append(
            f'    <tr><td dir="auto"><a href="{name}.html">{html.escape(rep["title"])}</a></td>'
            f"<td><code>{html.escape(params)}</code></td>"
            f'<td><a href="{name}.ipynb">{name}.ipynb</a></td></tr>')
    body = "\n".join(rows) or '    <tr><td colspan="3">No report notebooks yet.</td></tr>'
    extra = "\n".join(
        f'    <tr><td dir="auto"><a href="{html.escape(f["name"])}">{html.escape(f["title"])}'
        f'</a></td><td colspan="2"><code>{html.escape(f["name"])}</code></td></tr>'
        for f in files)
    if extra:
        body += "\n    <tr><th colspan=\"3\">Files written by the reports</th></tr>\n" + extra
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>tipanalysis reports</title>
  <style>
    body {{ font-family: sans-serif; max-width: 60rem; margin: 2rem auto; padding: 0 1rem; }}
    table {{ border-collapse: collapse; width: 100%; }}
    td, th {{ border-bottom: 1px solid #ddd; padding: .4rem .6rem; text-align: start; }}
  </style>
</head>
<body>
  <h1>tipanalysis reports</h1>
  <table>
    <tr><th>Report</th><th>Parameters</th><th>Executed notebook</th></tr>
{body}
  </table>
</body>
</html>
"""


def _report_entry(executed: Path) -> dict[str, Any]:
    import nbformat

    nb = nbformat.read(executed, as_version=4)
    meta = nb.metadata.get("tipanalysis", {})
    params = {**default_parameters(nb), **meta.get("parameters", {})}
    return {"name": executed.stem, "title": notebook_title(nb, executed.stem),
            "parameters": params}


def _atomic_write_text(path: Path, text: str) -> None:
    # validate.atomic_write_text does the same but imports pandas, which the runner's own
    # process never needs (it would add half a second to every run).
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    umask = os.umask(0)
    os.umask(umask)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, 0o666 & ~umask)  # as a plain write would (mkstemp makes 0600)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


# ------------------------------------------------------------------------- scheduling
#: Wall times of earlier runs, in :func:`tipanalysis.core.paths.cache_dir`.
DURATIONS_FILE = "run-durations.json"


def read_durations(cache: Path | None = None) -> dict[str, float]:
    """Last wall time (s) of each notebook run, keyed by its resolved path; ``{}`` if none.

    A missing or unreadable record only loses the ordering hint, so it is not an error.
    """
    try:
        file = (paths.cache_dir() if cache is None else cache) / DURATIONS_FILE
        raw = json.loads(file.read_text(encoding="utf-8"))
    except (OSError, ValueError, RuntimeError, KeyError):  # no home folder: no hint either
        return {}
    if not isinstance(raw, dict):
        return {}
    return {str(k): float(v) for k, v in raw.items()
            if isinstance(v, int | float) and not isinstance(v, bool) and v >= 0}


def record_durations(results: Iterable[NotebookResult], cache: Path | None = None) -> None:
    """Merge the successful runs' wall times into the record; forget notebooks now gone.

    Two runs at once may each write their own merge, and the later one wins: that loses only
    ordering hints, so the record is not locked.
    """
    try:
        folder = paths.cache_dir() if cache is None else cache
    except (RuntimeError, KeyError) as exc:  # Path.home() without $HOME or a passwd entry
        print(f"run: no cache folder for notebook durations: {exc}", file=sys.stderr)
        return
    durations = {k: v for k, v in read_durations(folder).items() if Path(k).is_file()}
    durations.update({str(Path(r.path).resolve()): round(r.seconds, 3)
                      for r in results if r.ok})
    try:
        folder.mkdir(parents=True, exist_ok=True)
        _atomic_write_text(folder / DURATIONS_FILE,
                           json.dumps(durations, indent=1, sort_keys=True) + "\n")
    except OSError as exc:  # a read-only home only costs the ordering hint
        print(f"run: could not record notebook durations in {folder}: {exc}", file=sys.stderr)


#: Up to this many notebooks, :func:`schedule` tries every order (7! = 5,040 simulations).
EXHAUSTIVE_SCHEDULE = 7


def makespan(seconds: Sequence[float], jobs: int) -> float:
    """Wall time of running tasks of these durations, in this order, on ``jobs`` workers.

    Each task goes to the first worker free, as in a thread pool.

    Examples
    --------
    >>> makespan([4, 3, 3, 2], jobs=2)
    6.0
    """
    free = [0.0] * max(1, jobs)
    for s in seconds:
        i = free.index(min(free))
        free[i] += s
    return max(free)


def schedule(notebooks: Sequence[Path], durations: Mapping[str, float], jobs: int = 2
             ) -> list[Path]:
    """Order notebooks for a pool of ``jobs`` workers so that the whole run ends soonest.

    Notebooks are keyed in ``durations`` by resolved path (their last wall time). The base
    order is longest first (the longest-processing-time rule: the last notebook to start is a
    short one); notebooks never timed go first, in the order given, since they may be long.
    When every notebook has a time and there are at most :data:`EXHAUSTIVE_SCHEDULE`, the
    order with the shortest simulated :func:`makespan` is taken instead (the first found,
    starting from the base order, so ties keep it).

    Examples
    --------
    >>> times = {str(Path(n).resolve()): s for n, s in zip("abcde", [11, 9, 6, 4, 3])}
    >>> [p.name for p in schedule([Path(n) for n in "abcde"], times, jobs=2)]
    ['a', 'b', 'd', 'c', 'e']
    """
    def seconds(path: Path) -> float | None:
        return durations.get(str(Path(path).resolve()))

    base = [p for _, p in sorted(enumerate(notebooks), key=lambda item: (
        -float("inf") if seconds(item[1]) is None else -seconds(item[1]), item[0]))]
    known = [seconds(p) for p in base]
    if jobs < 2 or len(base) > EXHAUSTIVE_SCHEDULE or None in known:
        return base
    best, best_time = list(range(len(base))), makespan(known, jobs)
    for order in itertools.permutations(range(len(base))):
        t = makespan([known[i] for i in order], jobs)
        if t < best_time - 1e-9:
            best, best_time = list(order), t
    return [base[i] for i in best]


def _swap_in(staging: Path, out: Path) -> None:
    """Replace ``out`` by ``staging`` with two renames; the old folder is removed afterwards."""
    old = None
    if out.exists():
        old = Path(tempfile.mkdtemp(prefix=f".{out.name}.old-", dir=out.parent))
        old.rmdir()
        os.replace(out, old)
    os.replace(staging, out)
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)


def run_notebooks(notebooks: Sequence[Path] | None = None, params: Mapping[str, Any] | None = None,
                  *, out: Path | None = None, jobs: int | None = None,
                  progress: bool = True) -> list[NotebookResult]:
    """Execute notebooks in parallel and write their reports into ``out`` (default ``reports/``).

    With no ``notebooks`` every report notebook is run and ``out`` is rebuilt from scratch;
    with a selection, the other reports already in ``out`` are kept. ``out`` is replaced only if
    every notebook succeeded; otherwise it is left exactly as it was.

    Returns one :class:`NotebookResult` per notebook, in the order given.

    Examples
    --------
    >>> results = run_notebooks(out=Path("/tmp/reports"), jobs=2)  # doctest: +SKIP
    >>> all(r.ok for r in results)  # doctest: +SKIP
    True
    """
    from tqdm.auto import tqdm

    full_run = notebooks is None
    notebooks = discover_notebooks() if notebooks is None else [Path(p) for p in notebooks]
    for nb_path in notebooks:
        if not nb_path.is_file():
            raise FileNotFoundError(f"no such notebook: {nb_path}")
    names = [p.stem for p in notebooks]
    if len(set(names)) != len(names):
        raise ValueError(f"two notebooks share a name: {names}")
    params = dict(params or {})
    out = Path(paths.reports_dir() if out is None else out).resolve()
    jobs = max(1, min(jobs or os.cpu_count() or 1, max(len(notebooks), 1)))
    show = progress and sys.stderr.isatty()

    out.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{out.name}.new-", dir=out.parent))
    umask = os.umask(0)
    os.umask(umask)
    os.chmod(staging, 0o777 & ~umask)  # mkdtemp's 0700 would become the reports folder's mode
    try:
        if out.is_dir():
            for item in out.iterdir():
                # A selective run keeps every other report and file (e.g. briefs); the files
                # of the notebooks being rerun are written again.
                keep = item.name == ".gitkeep" or (
                    not full_run and item.name != "index.html"
                    and not (item.suffix in (".html", ".ipynb") and item.stem in names))
                if keep and item.is_file():
                    shutil.copy2(item, staging / item.name)

        # One progress line per parallel slot, below the overall bar.
        slots: queue.Queue[int] = queue.Queue()
        for i in range(jobs):
            slots.put(i + 1)
        overall = tqdm(total=len(notebooks), desc="notebooks", unit="nb", disable=not show,
                       position=0)

        def work(nb_path: Path) -> NotebookResult:
            slot = slots.get()
            try:
                import nbformat

                cells = nbformat.read(nb_path, as_version=4).cells
                n_cells = sum(c.cell_type == "code" for c in cells)  # only these execute
                with tqdm(total=n_cells + (1 if params else 0), desc=nb_path.stem, unit="cell",
                          leave=False, position=slot, disable=not show) as bar:
                    nb, result = execute_notebook(nb_path, params, progress=bar,
                                                  reports_dir=staging)
                if result.ok:
                    hide = bool(REPORT_NAME.match(nb_path.name))
                    html_text = notebook_html(nb, nb_path.stem, hide_code=hide)
                    (staging / f"{nb_path.stem}.html").write_text(html_text, encoding="utf-8")
                    nbformat.write(nb, staging / f"{nb_path.stem}.ipynb")
                return result
            finally:
                overall.update(1)
                slots.put(slot)

        order = schedule(notebooks, read_durations(), jobs) if jobs > 1 else list(notebooks)
        with concurrent.futures.ThreadPoolExecutor(max_workers=jobs) as pool:
            futures = {p: pool.submit(work, p) for p in order}
            results = [futures[p].result() for p in notebooks]  # reported in the order given
        overall.close()
        record_durations(results)

        if not all(r.ok for r in results):
            return results
        entries = [_report_entry(p) for p in sorted(staging.glob("*.ipynb"))]
        _atomic_write_text(staging / "index.html",
                           index_html(entries, other_files(staging, entries)))
        _swap_in(staging, out)
        return results
    finally:
        if staging.exists():
            shutil.rmtree(staging, ignore_errors=True)


def main(args: argparse.Namespace) -> int:
    """Entry point of ``tipanalysis run`` (see :mod:`tipanalysis.report.cli`)."""
    params = parse_parameters(args.parameter)
    notebooks = list(args.notebooks) or None
    if notebooks is None and not discover_notebooks():
        print("run: no report notebooks (notebooks/NN_*.ipynb) found; writing an empty index",
              file=sys.stderr)
    results = run_notebooks(notebooks, params, out=args.out, jobs=args.jobs,
                            progress=not args.no_progress)
    failures = [r for r in results if not r.ok]
    for r in failures:
        print(f"FAILED {r.error}", file=sys.stderr)
    out = args.out if args.out is not None else "reports"
    if failures:
        print(f"run: {len(failures)} of {len(results)} notebook(s) failed; {out}/ left unchanged",
              file=sys.stderr)
        return 1
    print(f"run: {len(results)} notebook(s) executed; reports in {out}/")
    return 0


#: Former name, kept for existing callers (three unrelated functions were all called so).
parse_value = parse_parameter_value


def __dir__() -> list[str]:
    # Tab completion shows the public API only, not pd, np or helpers.
    return list(__all__)
