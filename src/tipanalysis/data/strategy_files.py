"""The strategy monitor's files: framework.json, observations.csv, entry files and the template.

Every read and write of the strategy monitor happens here; :mod:`tipanalysis.strategy` only
computes (it parses what this module read and hands back what this module writes).
"""

from __future__ import annotations

import io
import json
import math
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import pandas as pd

from tipanalysis.core.errors import DataValidationError, Problem
from tipanalysis.core.paths import resolve_data_dir
from tipanalysis.data import descriptor as validate
from tipanalysis.data import readers

__all__ = [
    "FRAMEWORK_FILE",
    "OBSERVATIONS_FILE",
    "OBS_COLUMNS",
    "REQUIRED_COLUMNS",
    "load_observations",
    "read_entry_bytes",
    "read_entry_file",
    "read_framework_json",
    "store_observations",
    "write_entry_workbook",
]

FRAMEWORK_FILE = "strategy/framework.json"
OBSERVATIONS_FILE = "strategy/observations.csv"
#: Columns of ``observations.csv`` (primary key: indicator_id, period).
OBS_COLUMNS: tuple[str, ...] = (
    "indicator_id", "period", "value", "unit", "source", "source_url", "reported_by", "note",
)
#: Columns a completed workbook or CSV must have; the others in OBS_COLUMNS are optional.
REQUIRED_COLUMNS: tuple[str, ...] = ("indicator_id", "period", "value", "source")


def _described(root: Path, rel: str) -> dict[str, Any] | None:
    """The descriptor's resource for ``rel``, or None (no descriptor, or not described)."""
    if not (root / validate.DESCRIPTOR).is_file():
        return None
    for res in validate.read_descriptor(root).get("resources") or []:
        if isinstance(res, dict) and res.get("path") == rel:
            return res
    return None


def _verify(root: Path, rel: str) -> None:
    """Check ``rel`` against the descriptor when it describes it (see verify_resource)."""
    res = _described(root, rel)
    if res is not None:
        validate.verify_resource(root, res)


def read_framework_json(data_dir: Path | str | None = None) -> dict[str, Any]:
    """Read ``strategy/framework.json`` as plain JSON (never executed); the caller parses it.

    Examples
    --------
    >>> list(read_framework_json())[:2]
    ['schema_version', 'id']
    """
    root = resolve_data_dir(data_dir)
    path = root / FRAMEWORK_FILE
    _verify(root, FRAMEWORK_FILE)
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as exc:
        raise DataValidationError([Problem(FRAMEWORK_FILE, exc.lineno, None, None,
                                           f"invalid JSON: {exc.msg}")]) from exc


def load_observations(data_dir: Path | str | None = None, *, missing_ok: bool = False
                      ) -> pd.DataFrame | None:
    """Read ``strategy/observations.csv``; ``value`` is float, other columns ``str``.

    With ``missing_ok``, a data folder without the file gives ``None`` instead of an error.

    Examples
    --------
    >>> list(load_observations().columns)[:4]
    ['indicator_id', 'period', 'value', 'unit']
    """
    root = resolve_data_dir(data_dir)
    path = root / OBSERVATIONS_FILE
    if missing_ok and not path.is_file():
        return None
    _verify(root, OBSERVATIONS_FILE)
    df = readers.read_text_table(path)
    missing = [c for c in OBS_COLUMNS if c not in df.columns]
    if missing:
        raise DataValidationError([Problem(OBSERVATIONS_FILE, 1, c, None, "column missing")
                                   for c in missing])
    df = df[list(OBS_COLUMNS)]
    df["value"] = pd.to_numeric(df["value"]).astype("float64")
    return df


def _blank(value: object) -> bool:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return True
    return readers.cell_text(value).strip() == ""


def read_entry_bytes(path: Path | str) -> bytes:
    """The bytes of an entry file as imported (kept as its snapshot).

    Raises
    ------
    FileNotFoundError
        If there is no such file.
    DataValidationError
        If the path is a folder or the file is above the size limit (:mod:`.readers`).
    """
    path = Path(path)
    if path.is_dir():
        raise DataValidationError([Problem(str(path), None, None, None,
                                           "is a folder; expected a file")])
    if not path.is_file():
        raise FileNotFoundError(f"no such file: {path}")
    return readers.read_input_bytes(path, label=path.name)


def read_entry_file(path: Path | str) -> tuple[pd.DataFrame, list[int]]:
    """Read a completed workbook (sheet ``observations``) or CSV (see :mod:`.readers`).

    Returns
    -------
    (pandas.DataFrame, list of int)
        The rows as found (object cells: numbers stay numbers in XLSX, text in CSV), with
        lower-cased column names, and the row number of each as a person sees it (header = 1).
        Blank rows are dropped.

    Raises
    ------
    DataValidationError
        If the file cannot be read (see :mod:`.readers`: size, encoding, hidden sheets or
        rows), has no ``observations`` sheet, misses a column or has an unknown or duplicate
        one, has cells beyond the header, or a cell with formula-like text, control or
        zero-width characters (file, row and column).

    Examples
    --------
    >>> import tempfile
    >>> f = Path(tempfile.mkdtemp()) / "in.csv"
    >>> _ = f.write_text("Indicator_ID,period,value,source\\n\\nA8.1,2025,3,x\\n")
    >>> frame, rows = read_entry_file(f)
    >>> list(frame.columns), rows
    (['indicator_id', 'period', 'value', 'source'], [3])
    """
    path = Path(path)
    name = path.name
    if not path.is_file():
        raise FileNotFoundError(f"no such file: {path}")
    if path.suffix.lower() in (".xlsx", ".xlsm"):
        rows = _observation_sheet(readers.read_workbook(path, label=name), name)
    elif path.suffix.lower() in (".csv", ".txt"):
        rows = readers.read_csv_rows(path, label=name)
    else:
        raise DataValidationError([Problem(name, None, None, path.suffix,
                                           "expected an .xlsx or .csv file")])
    if not rows or not any(not _blank(c) for r in rows for c in r):
        raise DataValidationError([Problem(name, None, None, None, "the file is empty")])
    while not any(not _blank(c) for c in rows[0]):  # blank lines above the header
        rows = rows[1:]
    header = ["" if _blank(h) else readers.cell_text(h).strip().lower() for h in rows[0]]
    while header and not header[-1]:
        header.pop()
    problems = readers.check_rows(rows, file=name)
    missing = [c for c in REQUIRED_COLUMNS if c not in header]
    problems += [Problem(name, 1, c, None, "required column is missing") for c in missing]
    problems += [Problem(name, 1, h or f"column {j + 1}", h or None,
                         f"unknown column; expected {list(OBS_COLUMNS)}")
                 for j, h in enumerate(header) if h not in OBS_COLUMNS]
    if problems:
        raise DataValidationError(problems)
    records, numbers = [], []
    for i, row in enumerate(rows[1:], start=2):
        cells = list(row) + [None] * (len(header) - len(row))
        if all(_blank(c) for c in cells):
            continue
        records.append({h: cells[j] for j, h in enumerate(header) if h in OBS_COLUMNS})
        numbers.append(i)
    frame = pd.DataFrame(records, columns=[c for c in OBS_COLUMNS if c in header], dtype=object)
    return frame, numbers


def _observation_sheet(sheets: Mapping[str, list[list[Any]]], name: str) -> list[list[Any]]:
    # The template has README and indicators sheets too; a one-sheet file is taken as is.
    if "observations" in sheets:
        return sheets["observations"]
    if len(sheets) == 1:
        return next(iter(sheets.values()))
    raise DataValidationError([Problem(name, None, None, list(sheets),
                                       "no sheet named 'observations'")])


def store_observations(payload: bytes, data_dir: Path | str | None = None, *,
                       source: Path | str | None = None,
                       snapshot: tuple[Path, bytes, Sequence[str]] | None = None,
                       replaced: Sequence[str] = ()) -> Path:
    """Write ``observations.csv`` (and its hash in ``datapackage.json``) all or nothing.

    Runs under the data folder's lock (:func:`tipanalysis.data.transaction.locked`); a caller
    that read the stored observations to merge them must hold the lock around the read too
    (:func:`tipanalysis.strategy.entries.import_observations` does), or a concurrent import
    would be lost. A folder whose files differ from its descriptor is refused. With ``source``
    (the imported file) or ``snapshot`` (the file, its bytes as read and imported, its source
    URLs: the file must still hold those bytes) and a descriptor, the file is kept as a
    snapshot in ``snapshots/ingest/`` and ``replaced`` rows are recorded as a decision, in the
    same commit; without either (a replay of a kept snapshot) no snapshot is added.

    Returns the path written. The descriptor is updated only if it describes the file.
    """
    from tipanalysis.data import provenance, transaction

    root = resolve_data_dir(data_dir)
    target = root / OBSERVATIONS_FILE
    with transaction.locked(root):
        writes: dict[str, bytes] = {OBSERVATIONS_FILE: payload}
        descriptor_path = root / validate.DESCRIPTOR
        if descriptor_path.is_file():
            provenance.refuse_edited(root)
            descriptor = validate.read_descriptor(root)
            names = [r.get("name") for r in descriptor.get("resources", [])
                     if r.get("path") == OBSERVATIONS_FILE]
            if names:
                updated = validate.update_hashes(descriptor, root, names,
                                                 contents={names[0]: payload})
                writes[validate.DESCRIPTOR] = validate.dump_descriptor(updated).encode("utf-8")
            if snapshot is None and source is not None:
                snapshot = (Path(source), Path(source).read_bytes(), [])
            if snapshot is not None:
                file, data, urls = snapshot
                if read_entry_bytes(file) != data:  # the snapshot is exactly what was imported
                    raise DataValidationError([Problem(
                        str(file), None, None, None, "the input changed while it was being "
                        "read; nothing was written: run the command again")])
                writes.update(provenance.snapshot_files(
                    root, data, Path(file).name, command="strategy-import", params={},
                    sources=list(urls), replaced=list(replaced)))
        transaction.commit(root, writes)
    return target


def _as_text(cell: Any) -> None:
    """Store a text cell starting with ``=``, ``+``, ``-``, ``@``, tab or CR as text, never as a
    formula (openpyxl takes any string starting with ``=`` for a formula)."""
    value = cell.value
    if isinstance(value, str) and value.startswith(readers.FORMULA_PREFIXES):
        cell.data_type = "s"
        cell.quotePrefix = True


def write_entry_workbook(out: Path | str, indicators: pd.DataFrame,
                         readme: Sequence[tuple[str, str]]) -> Path:
    """Write the ministries' fill-in workbook to ``out`` (atomically); return its path.

    Sheets: ``README`` (``readme`` rows, English and Arabic), ``indicators`` (the given table)
    and ``observations`` (header row :data:`OBS_COLUMNS`, with a drop-down of indicator ids).
    """
    import openpyxl
    from openpyxl.styles import Font
    from openpyxl.worksheet.datavalidation import DataValidation

    out = Path(out)
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "README"
    for en, ar in readme:
        ws.append([en, ar])
    ws.column_dimensions["A"].width = 90
    ws.column_dimensions["B"].width = 80
    wsi = wb.create_sheet("indicators")
    wsi.append(list(indicators.columns))
    for rec in indicators.itertuples(index=False):
        wsi.append([None if pd.isna(v) else v for v in rec])
    wso = wb.create_sheet("observations")
    wso.append(list(OBS_COLUMNS))
    for sheet in (wsi, wso):
        sheet.freeze_panes = "A2"
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        for col in "ABCDEFGH":
            sheet.column_dimensions[col].width = 22
    ids = DataValidation(type="list", formula1=f"=indicators!$A$2:$A${len(indicators) + 1}",
                         allow_blank=True)
    wso.add_data_validation(ids)
    ids.add("A2:A1000")
    for sheet in wb.worksheets:  # text a spreadsheet would run as a formula stays text
        for row in sheet.iter_rows():
            for cell in row:
                _as_text(cell)
    wb.active = 2
    buf = io.BytesIO()
    wb.save(buf)
    out.parent.mkdir(parents=True, exist_ok=True)
    validate.atomic_write_bytes(out, buf.getvalue())
    return out


def __dir__() -> list[str]:
    return list(__all__)
