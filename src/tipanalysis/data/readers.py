"""The one reader of input files (CSV and XLSX), with one encoding policy.

Encoding: UTF-8 (with or without BOM); Windows-1256 only when UTF-8 fails *and* the text then
contains Arabic letters (what Excel on Arabic Windows saves as "CSV"); anything else is refused
with the file, line and byte offset. Used by :mod:`~tipanalysis.data.ingest` and by the
strategy's entry files (:mod:`~tipanalysis.data.strategy_files`).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import math
import re
from pathlib import Path
from typing import Any

import pandas as pd

from tipanalysis.core.errors import DataValidationError, Problem
from tipanalysis.data import descriptor as validate

__all__ = [
    "ARABIC_LETTER",
    "cell_text",
    "decode_bytes",
    "read_csv_rows",
    "read_table",
    "read_text_table",
    "read_workbook",
]

#: An Arabic letter: the test that a Windows-1256 decoding is plausible.
ARABIC_LETTER = re.compile("[\u0621-\u064a]")


def decode_bytes(data: bytes, *, file: str) -> str:
    """Decode an input file: UTF-8 (BOM optional), else Windows-1256 if that yields Arabic.

    Windows-1256 is tried only when UTF-8 fails, and accepted only when every byte decodes and
    the text contains Arabic letters (cp1256 maps almost every byte, so without that test any
    Latin-1 file would be misread). Otherwise the error names the file, line and byte offset.

    Examples
    --------
    >>> decode_bytes("country\\nالكويت\\n".encode("cp1256"), file="x.csv")
    'country\\nالكويت\\n'
    """
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        start = exc.start
    try:
        text = data.decode("cp1256")
    except UnicodeDecodeError:
        text = None
    if text is not None and ARABIC_LETTER.search(text):
        return text
    line = data.count(b"\n", 0, start) + 1
    raise DataValidationError([Problem(
        file, line, None, data[start:start + 4],
        f"cannot decode: not UTF-8 (invalid byte at offset {start}) and not Arabic "
        "Windows-1256; save the file as UTF-8")])


def cell_text(value: Any) -> str:
    """Spreadsheet cell → the text a person sees (numbers without a spurious ``.0``)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        if math.isfinite(value) and value.is_integer():
            return str(int(value))
        return repr(value)
    if isinstance(value, dt.datetime):
        if value.time() == dt.time(0):
            return value.date().isoformat()
        return value.isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def read_workbook(path: Path | str, *, label: str | None = None) -> dict[str, list[list[Any]]]:
    """Read every sheet of an XLSX workbook: ``{sheet title: rows of raw cell values}``.

    Cells keep their type (numbers stay numbers, empty cells are ``None``); formulas are not
    evaluated (``data_only``: the values cached by the spreadsheet) and macros never run.

    Raises
    ------
    DataValidationError
        If the file is not a readable workbook.

    Examples
    --------
    >>> read_workbook("new_tiers.xlsx")["Sheet1"][0]      # doctest: +SKIP
    ['country', 'tier']
    """
    from openpyxl import load_workbook  # heavy; only workbooks need it

    path = Path(path)
    label = str(path) if label is None else label
    try:
        book = load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many types for a damaged file
        raise DataValidationError(
            [Problem(label, None, None, None, f"not a readable XLSX workbook: {exc}")]) from None
    try:
        return {sheet.title: [list(row) for row in sheet.iter_rows(values_only=True)]
                for sheet in book.worksheets}
    finally:
        book.close()


def read_csv_rows(path: Path | str, *, label: str | None = None) -> list[list[str]]:
    """Read a CSV file as rows of strings, decoded by :func:`decode_bytes`.

    Examples
    --------
    >>> import tempfile
    >>> f = Path(tempfile.mkdtemp()) / "in.csv"
    >>> _ = f.write_bytes("country,n\\nالكويت,3\\n".encode("cp1256"))
    >>> read_csv_rows(f)
    [['country', 'n'], ['الكويت', '3']]
    """
    path = Path(path)
    text = decode_bytes(path.read_bytes(), file=str(path) if label is None else label)
    return [list(r) for r in csv.reader(io.StringIO(text, newline=""))]


def read_text_table(path: Path | str) -> pd.DataFrame:
    """Read a shipped UTF-8 CSV with every column as ``str``; only an empty cell is missing.

    ("NA", Namibia's alpha-2 code, must stay a string.) For tables the descriptor describes,
    prefer the typed :func:`tipanalysis.data.load_table`.
    """
    return pd.read_csv(path, dtype=str, keep_default_na=False, na_values=[""], encoding="utf-8")


def _read_xlsx(path: Path, label: str) -> pd.DataFrame:
    sheets = []
    for title, raw in read_workbook(path, label=label).items():
        rows = [(i, [cell_text(v) for v in row]) for i, row in enumerate(raw, start=1)]
        rows = [(i, r) for i, r in rows if any(c.strip() for c in r)]
        if rows:
            sheets.append((title, rows))
    if not sheets:
        raise DataValidationError([Problem(label, None, None, None, "workbook has no data")])
    if len(sheets) > 1:
        names = [s for s, _ in sheets]
        raise DataValidationError([Problem(label, None, None, names,
                                           "workbook has data on more than one sheet; "
                                           "put one table per file")])
    _, rows = sheets[0]
    header = rows[0][1]
    width = max(len(r) for _, r in rows)
    header = header + [""] * (width - len(header))
    used = [j for j in range(width) if header[j].strip() or any(
        j < len(r) and r[j].strip() for _, r in rows[1:])]
    problems = [Problem(label, i, None, r[j], f"value in column {j + 1}, which has no header")
                for j in used if not header[j].strip() for i, r in rows[1:] if r[j].strip()]
    if problems:
        raise DataValidationError(problems)
    columns = [header[j].strip() for j in used]
    records = [[r[j] if j < len(r) else "" for j in used] for _, r in rows[1:]]
    frame = pd.DataFrame(records, columns=columns, dtype=str)
    frame.index = pd.Index([i for i, _ in rows[1:]], name="line", dtype="int64")
    return frame


def read_table(path: Path | str) -> tuple[pd.DataFrame, str]:
    """Read a CSV or XLSX input file as strings.

    Parameters
    ----------
    path : path
        ``.csv`` (UTF-8, UTF-8 with BOM, or Arabic Windows-1256) or ``.xlsx`` (the one sheet
        with data; first row = header).

    Returns
    -------
    (DataFrame, str)
        Every cell as a string (empty cell = ``""``), the index named ``line`` holding the row
        number a person sees in the file (header = 1); and the file label used in problems.

    Raises
    ------
    DataValidationError
        Undecodable bytes (file, line, byte offset), ragged rows or an unclosed quote (file,
        row), a damaged workbook.

    Examples
    --------
    >>> table, label = read_table("new_tiers.xlsx")   # doctest: +SKIP
    >>> table.columns.tolist()                          # doctest: +SKIP
    ['country', 'tier']
    """
    path = Path(path)
    label = str(path)
    suffix = path.suffix.lower()
    if suffix == ".xlsx":
        return _read_xlsx(path, label), label
    if suffix != ".csv":
        raise DataValidationError([Problem(label, None, None, path.suffix,
                                           "unsupported file type (use .csv or .xlsx)")])
    text = decode_bytes(path.read_bytes(), file=label)
    frame, problems = validate.parse_csv_text(text, file=label)
    if problems:
        raise DataValidationError(problems)
    frame.columns = [str(c).strip() for c in frame.columns]
    return frame, label


def __dir__() -> list[str]:
    return list(__all__)
