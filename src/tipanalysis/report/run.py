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
import hashlib
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


#: Kernel named in executed notebooks that do not name one (papermill needs it).
KERNELSPEC = {"display_name": "Python 3 (ipykernel)", "language": "python", "name": "python3"}


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
    #: Not executed: its inputs were unchanged and its previous outputs are kept.
    skipped: bool = False

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


def read_notebook(path: Path) -> Any:
    """Read a notebook in any reviewed format: ``.ipynb``, or a py:percent script (jupytext).

    A script's cells get the ids of its paired ``.ipynb`` when the pair is in step, else ids
    derived from their position: reports stay byte-identical between runs either way.
    """
    import nbformat

    path = Path(path)
    if path.suffix == ".ipynb":
        return nbformat.read(path, as_version=4)
    import jupytext

    try:
        nb = jupytext.read(path)
    except Exception as exc:  # jupytext raises many kinds; one line says what to do
        raise ValueError(f"{path}: not a notebook jupytext can read ({exc}); give a .ipynb "
                         "or a py:percent script") from None
    paired = path.with_suffix(".ipynb")
    ids = []
    nb.metadata.pop("jupytext", None)  # the script's own format details, not the notebook's
    if paired.is_file():
        other = nbformat.read(paired, as_version=4)
        if _first_difference(nb, other) is None:  # in step: the pair is one notebook
            ids = [c.get("id") for c in other.cells]
            nb.metadata = other.metadata
    for i, cell in enumerate(nb.cells):
        cell.id = ids[i] if i < len(ids) and ids[i] else f"cell-{i}"
    return nb


def check_parameters(nb: Any, params: Mapping[str, Any], name: str = "notebook",
                     *, data_dir: Path | None = None) -> dict[str, Any]:
    """Return ``params`` checked against the notebook's ``parameters`` cell (never executed).

    Every key must be assigned in that cell; a value must have its default's type (an ``int``
    is accepted for a ``float``, a number for a text; a ``None`` default takes any literal);
    ``country`` is normalised to ISO3 with :func:`tipanalysis.countries.to_iso3` (a name or any
    code). Raises ``ValueError`` naming the valid parameters.

    Examples
    --------
    >>> import nbformat
    >>> nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(
    ...     "lang = 'en'\\nyear = 2025", metadata={"tags": ["parameters"]})])
    >>> check_parameters(nb, {"year": 2024})
    {'year': 2024}
    >>> check_parameters(nb, {"yaer": 2024})
    Traceback (most recent call last):
    ...
    ValueError: notebook has no parameter 'yaer'; its parameters: lang, year
    """
    params = dict(params)
    if not params:
        return params
    if parameters_cell_index(nb) is None:
        raise ValueError(f"{name}: parameters {sorted(params)} given but no cell is tagged "
                         f"{PARAMETERS_TAG!r}")
    defaults = default_parameters(nb)
    valid = ", ".join(defaults) or "none"
    out: dict[str, Any] = {}
    for key, value in params.items():
        if key not in defaults:
            raise ValueError(f"{name} has no parameter {key!r}; its parameters: {valid}")
        out[key] = _conform(name, key, value, defaults[key])
        if key == "country" and isinstance(out[key], str):
            from tipanalysis import countries

            out[key] = countries.to_iso3(out[key], data_dir=data_dir)
    return out


def _conform(name: str, key: str, value: Any, default: Any) -> Any:
    """``value`` as the default's type, or a ``ValueError`` that names both."""
    if default is None:
        return value
    kind = type(default)
    if isinstance(value, bool) or isinstance(default, bool):
        ok = type(value) is kind
    elif kind is float and isinstance(value, int):
        return float(value)
    elif kind is str and isinstance(value, int | float):
        return str(value)
    else:
        ok = isinstance(value, kind)
    if not ok:
        raise ValueError(f"{name}: parameter {key!r} takes a {kind.__name__} (default "
                         f"{default!r}), not {value!r}")
    return value


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
    import zmq
    from jupyter_client.manager import KernelManager
    from nbclient import NotebookClient
    from nbclient.exceptions import CellExecutionError, CellTimeoutError, DeadKernelError

    path = Path(path)
    params = dict(params or {})
    nb = read_notebook(path)
    result = NotebookResult(path=path, parameters=params)
    try:
        params = result.parameters = check_parameters(nb, params, path.name)
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
    # papermill (and Jupyter) pick the kernel and language from these: keep them named.
    nb.metadata.setdefault("kernelspec", dict(KERNELSPEC))
    nb.metadata.setdefault("language_info", {"name": "python"})
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


def notebook_html(nb: Any, name: str, *, hide_code: bool = True, lang: str | None = None) -> str:
    """Render an executed notebook as standalone HTML (code cells hidden when ``hide_code``).

    A notebook run with ``lang="ar"`` is an Arabic page: ``<html lang="ar" dir="rtl">``, so
    paragraphs, lists and tables read right to left (a left-to-right page puts an Arabic
    sentence's final full stop at its start).
    """
    from nbconvert import HTMLExporter

    exporter = HTMLExporter(template_name="lab", exclude_input=hide_code,
                            exclude_input_prompt=hide_code, exclude_output_prompt=hide_code)
    # The page title is the report's heading, not its file name.
    resources = {"metadata": {"name": notebook_title(nb, name)}}
    body, _ = exporter.from_notebook_node(nb, resources=resources)
    if lang is not None:
        from tipanalysis.core.i18n import LANGS, text_direction

        if lang in LANGS:
            body = re.sub(r"<html[^>]*>", f'<html lang="{lang}" dir="{text_direction(lang)}">',
                          body, count=1)
    return body


def other_files(folder: Path, reports: Sequence[Mapping[str, Any]],
                names: Iterable[str] | None = None) -> list[dict[str, str]]:
    """Files in ``folder`` that notebooks wrote besides their reports (e.g. the briefs).

    ``names`` lists them (the runner's manifest); without it, every file not a report is.
    Returns one entry per file, sorted by name, with ``name`` and ``title`` (an HTML file's
    ``<title>``, else the file name).
    """
    own = {f"{r['name']}{ext}" for r in reports for ext in (".html", ".ipynb")}
    candidates = (sorted(folder.iterdir()) if names is None
                  else [folder / n for n in sorted(names)])
    entries = []
    for item in candidates:
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


def plan_parameters(notebooks: Sequence[Path], params: Mapping[str, Any]
                    ) -> list[dict[str, Any]]:
    """The checked parameters of each notebook (see :func:`check_parameters`), in order.

    One notebook takes every parameter given. Several take each the parameters they declare
    (``-p country=QAT`` reaches every notebook with a ``country``); a parameter that no
    notebook declares is refused, listing each notebook's parameters.
    """
    params = dict(params)
    books = [read_notebook(p) for p in notebooks]
    if len(books) == 1:
        return [check_parameters(books[0], params, Path(notebooks[0]).name)]
    declared = [default_parameters(nb) for nb in books]
    unknown = [k for k in params if not any(k in d for d in declared)]
    if unknown:
        listing = "; ".join(f"{Path(p).name}: {', '.join(d) or 'none'}"
                            for p, d in zip(notebooks, declared, strict=True))
        raise ValueError(f"no notebook has a parameter {unknown[0]!r} ({listing})")
    return [check_parameters(nb, {k: v for k, v in params.items() if k in d}, Path(p).name)
            for p, nb, d in zip(notebooks, books, declared, strict=True)]


#: The runner's record of what it wrote into an output folder (and of the inputs behind it).
MANIFEST = ".tipanalysis-run.json"
#: Marker file of a staging folder while a run is writing it (holds the run's process id).
STAGING_MARKER = ".tipanalysis-staging"
#: Bump when the runner's output format changes: every notebook then reruns once.
OUTPUT_FORMAT = 1
#: Temporary files of :func:`_atomic_write_text` for the files the runner writes.
_TMP_FILE = re.compile(r"^\.(index\.html|run-durations\.json|\.tipanalysis-run\.json)\.[^/]+\.tmp$")


def _exchange(a: Path, b: Path) -> bool:
    """Swap two folders in one atomic step (Linux ``renameat2(RENAME_EXCHANGE)``).

    Returns ``False`` where the system cannot (another OS, an old kernel or file system).
    """
    if sys.platform != "linux":
        return False
    import ctypes

    try:
        libc = ctypes.CDLL(None, use_errno=True)
        renameat2 = libc.renameat2
    except (OSError, AttributeError):
        return False
    at_fdcwd, rename_exchange = -100, 2
    if renameat2(at_fdcwd, os.fsencode(a), at_fdcwd, os.fsencode(b), rename_exchange) == 0:
        return True
    errno = ctypes.get_errno()
    import errno as errnos

    if errno in (errnos.ENOSYS, errnos.EINVAL, errnos.ENOTSUP):
        return False
    raise OSError(errno, os.strerror(errno), str(a))


def _swap_in(staging: Path, out: Path) -> None:
    """Make ``staging`` the new ``out``: ``out`` is at every instant the old or the new folder.

    Both folders are exchanged in one atomic step; the old one, left under the staging name
    (which the next run recognises), is removed afterwards. Without an atomic exchange the
    old folder is moved aside first, so a kill between the two renames leaves it recoverable.
    """
    (staging / STAGING_MARKER).unlink(missing_ok=True)  # a published folder carries no marker
    if not out.exists():
        os.replace(staging, out)
        return
    if not _exchange(staging, out):  # pragma: no cover - not Linux
        old = staging.with_name(staging.name.replace(".new-", ".old-", 1))
        os.replace(out, old)
        os.replace(staging, out)
        staging = old
    shutil.rmtree(staging, ignore_errors=True)


def _is_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OSError):
        return True
    return True


def remove_leftovers(out: Path) -> list[Path]:
    """Remove what killed runs left next to (and in) ``out``; return what was removed.

    Only the runner's own leftovers go: folders named ``.<out>.new-*`` / ``.<out>.old-*`` that
    carry its staging marker (of a process no longer running) or its manifest, and temporary
    files named after a file it writes (``.index.html.*.tmp`` ...). Anything else stays.
    """
    out = Path(out)
    removed: list[Path] = []
    if out.parent.is_dir():
        pattern = re.compile(rf"^\.{re.escape(out.name)}\.(new|old)-[^/]+$")
        for item in out.parent.iterdir():
            if not (pattern.match(item.name) and item.is_dir() and not item.is_symlink()):
                continue
            marker = item / STAGING_MARKER
            if marker.is_file():
                try:
                    pid = int(marker.read_text(encoding="utf-8").split()[0])
                except (OSError, ValueError, IndexError):
                    pid = -1
                if pid > 0 and pid != os.getpid() and _is_alive(pid):
                    continue  # another run is writing it
            elif not (item / MANIFEST).is_file():
                continue
            shutil.rmtree(item, ignore_errors=True)
            removed.append(item)
    if out.is_dir():
        for item in out.iterdir():
            if _TMP_FILE.match(item.name) and item.is_file():
                item.unlink(missing_ok=True)
                removed.append(item)
    return removed


def read_manifest(out: Path) -> dict[str, Any]:
    """The runner's manifest of ``out`` (``{"notebooks": {}}`` when there is none)."""
    try:
        raw = json.loads((Path(out) / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {"notebooks": {}}
    if not isinstance(raw, dict) or not isinstance(raw.get("notebooks"), dict):
        return {"notebooks": {}}
    return raw


def _hash_tree(digest: Any, label: str, folder: Path | None) -> None:
    digest.update(f"\0{label}\0".encode())
    if folder is None or not folder.is_dir():
        digest.update(b"<missing>")
        return
    for file in sorted(p for p in folder.rglob("*") if p.is_file()):
        rel = file.relative_to(folder)
        if "__pycache__" in rel.parts or file.suffix in (".pyc", ".pyo"):
            continue
        digest.update(rel.as_posix().encode() + b"\0")
        digest.update(hashlib.sha256(file.read_bytes()).digest())


def shared_inputs_hash() -> str:
    """Hash of what every notebook can read: the package source, the data folder's files and
    ``requirements/lock.txt`` (with the runner's output format)."""
    digest = hashlib.sha256(f"tipanalysis-run {OUTPUT_FORMAT}".encode())
    _hash_tree(digest, "package", paths.PACKAGE_DIR)
    try:
        data = paths.resolve_data_dir()
    except (OSError, RuntimeError):
        data = None
    _hash_tree(digest, "data", data)
    lock = paths.REPO_DIR / "requirements" / "lock.txt"
    digest.update(b"\0lock\0" + (lock.read_bytes() if lock.is_file() else b"<missing>"))
    return digest.hexdigest()


def notebook_inputs_hash(path: Path, params: Mapping[str, Any], shared: str) -> str:
    """Content hash of one notebook's inputs: its source, parameters and the shared inputs."""
    digest = hashlib.sha256(shared.encode())
    digest.update(b"\0notebook\0" + Path(path).name.encode() + b"\0" + Path(path).read_bytes())
    digest.update(b"\0parameters\0" + json.dumps(params, sort_keys=True, default=repr).encode())
    return digest.hexdigest()


def _sha256(file: Path) -> str:
    """Content hash of a file, or of a folder's files (a notebook may write either)."""
    if file.is_dir():
        digest = hashlib.sha256()
        _hash_tree(digest, "folder", file)
        return digest.hexdigest()
    return hashlib.sha256(file.read_bytes()).hexdigest()


def _place(source: Path, target: Path) -> None:
    """Put a copy of ``source`` (file or folder) at ``target``: hard links where possible."""
    def link(src: str, dst: str) -> None:
        try:
            os.link(src, dst)
        except OSError:
            shutil.copy2(src, dst)

    if source.is_dir() and not source.is_symlink():
        shutil.copytree(source, target, symlinks=True, copy_function=link)
    elif source.is_symlink():
        os.symlink(os.readlink(source), target)
    else:
        link(str(source), str(target))


def _display_path(path: Path) -> str:
    """``path`` relative to the repository when inside it (manifests do not vary by clone)."""
    resolved = Path(path).resolve()
    try:
        return resolved.relative_to(paths.REPO_DIR.resolve()).as_posix()
    except ValueError:
        return resolved.as_posix()


def _owned(entry: Mapping[str, Any]) -> list[str]:
    return [str(f) for f in entry.get("files", {})]


def clean_reports(out: Path | None = None) -> list[str]:
    """Remove what the runner wrote into ``out`` (its manifest lists it) and its leftovers.

    Files and folders the runner did not write stay. Returns the names removed.
    """
    out = Path(paths.reports_dir() if out is None else out)
    removed = [p.name for p in remove_leftovers(out)]
    if not out.is_dir():
        return removed
    manifest = read_manifest(out)
    names = {"index.html", *(f for e in manifest["notebooks"].values() for f in _owned(e))}
    if not (out / MANIFEST).is_file():
        names = set()
    for name in sorted(names):
        target = out / name
        if target.is_dir() and not target.is_symlink():
            shutil.rmtree(target)
        elif target.exists() or target.is_symlink():
            target.unlink()
        else:
            continue
        removed.append(name)
    (out / MANIFEST).unlink(missing_ok=True)
    return removed


def run_notebooks(notebooks: Sequence[Path] | None = None, params: Mapping[str, Any] | None = None,
                  *, out: Path | None = None, jobs: int | None = None,
                  progress: bool = True, force: bool = False) -> list[NotebookResult]:
    """Execute notebooks in parallel and write their reports into ``out`` (default ``reports/``).

    Notebooks are ``.ipynb`` files or their paired py:percent scripts. Parameters are checked
    against each notebook's ``parameters`` cell (:func:`plan_parameters`).

    ``out`` holds the runner's manifest (``.tipanalysis-run.json``): for each notebook, the hash
    of its inputs and the files it produced. A notebook whose inputs are unchanged and whose
    files are intact is not executed again: its files are kept (``force`` reruns everything).
    The runner replaces only what its manifest lists; other files and folders in ``out`` stay.
    With no ``notebooks`` every report notebook is run, and reports of notebooks that no
    longer exist are dropped; with a selection, the other reports are kept. ``out`` is
    replaced in one atomic step, and only if every notebook succeeded.

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
    out = Path(paths.reports_dir() if out is None else out).resolve()
    if out.exists() and not out.is_dir():
        raise ValueError(f"output folder {out} is a file: give a folder (--out-dir)")
    plans = plan_parameters(notebooks, params or {}) if notebooks else []
    jobs = max(1, min(jobs or os.cpu_count() or 1, max(len(notebooks), 1)))
    show = progress and sys.stderr.isatty()

    out.parent.mkdir(parents=True, exist_ok=True)
    remove_leftovers(out)
    previous = read_manifest(out)["notebooks"] if (out / MANIFEST).is_file() else {}
    shared = shared_inputs_hash()
    hashes = {p.stem: notebook_inputs_hash(p, plan, shared)
              for p, plan in zip(notebooks, plans, strict=True)}

    def intact(stem: str) -> bool:
        entry = previous.get(stem)
        if force or not isinstance(entry, dict) or entry.get("inputs") != hashes[stem]:
            return False
        files = entry.get("files", {})
        return isinstance(files, dict) and all(
            (out / f).exists() and _sha256(out / f) == h for f, h in files.items())

    skipped = [p for p in notebooks if intact(p.stem)]
    manifest_now = read_manifest(out)
    if (len(skipped) == len(notebooks) and (not full_run or set(previous) == set(hashes))
            and (out / "index.html").is_file()
            and manifest_now.get("index") == _sha256(out / "index.html")):
        # Nothing changed: the previous outputs are the outputs of this run.
        return [NotebookResult(path=p, parameters=plan, skipped=True)
                for p, plan in zip(notebooks, plans, strict=True)]

    staging = Path(tempfile.mkdtemp(prefix=f".{out.name}.new-", dir=out.parent))
    umask = os.umask(0)
    os.umask(umask)
    os.chmod(staging, 0o777 & ~umask)  # mkdtemp's 0700 would become the reports folder's mode
    (staging / STAGING_MARKER).write_text(f"{os.getpid()}\n", encoding="utf-8")
    try:
        to_run = [p for p in notebooks if p not in skipped]
        slots: queue.Queue[int] = queue.Queue()
        for i in range(jobs):
            slots.put(i + 1)
        overall = tqdm(total=len(to_run), desc="notebooks", unit="nb", disable=not show,
                       position=0)
        plan_of = dict(zip(names, plans, strict=True))

        def work(nb_path: Path) -> NotebookResult:
            slot = slots.get()
            try:
                import nbformat

                own = staging / f".{nb_path.stem}.files"  # what this notebook writes itself
                own.mkdir()
                cells = read_notebook(nb_path).cells
                n_cells = sum(c.cell_type == "code" for c in cells)  # only these execute
                plan = plan_of[nb_path.stem]
                with tqdm(total=n_cells + (1 if plan else 0), desc=nb_path.stem, unit="cell",
                          leave=False, position=slot, disable=not show) as bar:
                    nb, result = execute_notebook(nb_path, plan, progress=bar, reports_dir=own)
                if result.ok:
                    hide = bool(REPORT_NAME.match(nb_path.with_suffix(".ipynb").name))
                    html_text = notebook_html(nb, nb_path.stem, hide_code=hide,
                                              lang=result.parameters.get("lang"))
                    (own / f"{nb_path.stem}.html").write_text(html_text, encoding="utf-8")
                    nbformat.write(nb, own / f"{nb_path.stem}.ipynb")
                return result
            finally:
                overall.update(1)
                slots.put(slot)

        order = schedule(to_run, read_durations(), jobs) if jobs > 1 else list(to_run)
        with concurrent.futures.ThreadPoolExecutor(max_workers=jobs) as pool:
            futures = {p: pool.submit(work, p) for p in order}
            ran = {p: futures[p].result() for p in to_run}
        overall.close()
        record_durations(ran.values())
        results = [ran[p] if p in ran else NotebookResult(
            path=p, parameters=plan_of[p.stem], skipped=True) for p in notebooks]
        if not all(r.ok for r in results):
            return results

        # Assemble: fresh files of the notebooks run, kept files of those skipped (and of
        # the others in a selective run), then everything in out/ the runner did not write.
        entries: dict[str, dict[str, Any]] = {}
        for p in to_run:
            own = staging / f".{p.stem}.files"
            files = sorted(item.name for item in own.iterdir())
            for name in files:
                if (staging / name).exists():
                    raise ValueError(f"{p.name} writes {name}, which another notebook wrote")
                os.replace(own / name, staging / name)
            own.rmdir()
            entries[p.stem] = {"source": _display_path(p), "inputs": hashes[p.stem],
                               "parameters": plan_of[p.stem], "files": files}
        kept = {s: e for s, e in previous.items() if isinstance(e, dict)
                and s not in entries and (s in hashes or not full_run)}
        for stem, entry in kept.items():
            for name in _owned(entry):
                if (out / name).exists() and not (staging / name).exists():
                    _place(out / name, staging / name)
            entries[stem] = entry
        runner_names = {MANIFEST, "index.html",
                        *(f for e in previous.values() if isinstance(e, dict)
                          for f in _owned(e))}
        if out.is_dir():
            for item in out.iterdir():
                if item.name in runner_names or (staging / item.name).exists():
                    continue  # the runner's (rewritten or dropped) or replaced by a report
                _place(item, staging / item.name)

        reports = []
        for stem in sorted(entries):
            executed = staging / f"{stem}.ipynb"
            if executed.is_file():
                reports.append(_report_entry(executed))
        extra = sorted({f for e in entries.values() for f in _owned(e)}
                       - {f"{r['name']}{ext}" for r in reports for ext in (".html", ".ipynb")})
        _atomic_write_text(staging / "index.html",
                           index_html(reports, other_files(staging, reports, extra)))
        for entry in entries.values():
            if isinstance(entry.get("files"), list):
                entry["files"] = {f: _sha256(staging / f) for f in entry["files"]
                                  if (staging / f).exists()}
        manifest = {"format": OUTPUT_FORMAT, "index": _sha256(staging / "index.html"),
                    "notebooks": dict(sorted(entries.items()))}
        _atomic_write_text(staging / MANIFEST,
                           json.dumps(manifest, indent=1, sort_keys=True, ensure_ascii=False)
                           + "\n")
        _swap_in(staging, out)
        return results
    finally:
        if staging.exists():
            shutil.rmtree(staging, ignore_errors=True)


def main(args: argparse.Namespace) -> int:
    """Entry point of ``tipanalysis run`` (see :mod:`tipanalysis.report.cli`)."""
    out_arg = getattr(args, "out_dir", None)
    if getattr(args, "clean", False):
        removed = clean_reports(out_arg)
        print(f"run: removed {len(removed)} file(s) the runner wrote; other files kept")
        return 0
    params = parse_parameters(args.parameter)
    notebooks = list(args.notebooks) or None
    if notebooks is None and not discover_notebooks():
        print("run: no report notebooks (notebooks/NN_*.ipynb) found; writing an empty index",
              file=sys.stderr)
    results = run_notebooks(notebooks, params, out=out_arg, jobs=args.jobs,
                            progress=not args.no_progress, force=getattr(args, "force", False))
    failures = [r for r in results if not r.ok]
    for r in failures:
        print(f"FAILED {r.error}", file=sys.stderr)
    out = out_arg if out_arg is not None else "reports"
    if failures:
        print(f"run: {len(failures)} of {len(results)} notebook(s) failed; {out}/ left unchanged",
              file=sys.stderr)
        return 1
    n_skipped = sum(r.skipped for r in results)
    kept = f" ({n_skipped} unchanged, kept)" if n_skipped else ""
    print(f"run: {len(results) - n_skipped} notebook(s) executed{kept}; reports in {out}/")
    return 0


#: Former name, kept for existing callers (three unrelated functions were all called so).
parse_value = parse_parameter_value


def __dir__() -> list[str]:
    # Tab completion shows the public API only, not pd, np or helpers.
    return list(__all__)
