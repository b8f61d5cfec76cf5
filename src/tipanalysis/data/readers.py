"""The one reader of input files (CSV, XLSX and text), with one encoding policy and strict checks.

Every file a person hands to the tool (``data add-tiers``, ``data add-enforcement``,
``strategy import``) is read here, and refused with the file, row and column when it is not
plainly a table of values:

- **Size.** A file above :func:`max_input_bytes` (20 MB unless ``TIPANALYSIS_MAX_INPUT_BYTES``
  says otherwise) is refused before it is read.
- **Encoding.** UTF-8 (with or without BOM); UTF-16 with a BOM; Windows-1256 only when the bytes
  are valid Windows-1256 *and* decode to Arabic text (what Excel on Arabic Windows saves as
  "CSV"). Anything else is refused, naming the encoding detected (charset-normalizer).
- **Structure.** Ragged rows, duplicate headers, values under no header, hidden sheets, hidden
  rows or columns holding data (XLSX).
- **Cells.** NUL bytes and other control characters, zero-width characters, and text that a
  spreadsheet would run as a formula (a leading ``=``, ``+``, ``-``, ``@``, tab or carriage
  return), unless the cell is a number such as ``-3``.

Used by :mod:`~tipanalysis.data.ingest` and by the strategy's entry files
(:mod:`~tipanalysis.data.strategy_files`).
"""

from __future__ import annotations

import codecs
import csv
import datetime as dt
import io
import math
import os
import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pandas as pd

from tipanalysis.core.errors import DataValidationError, Problem
from tipanalysis.data import descriptor as validate

__all__ = [
    "ARABIC_LETTER",
    "DEFAULT_MAX_INPUT_BYTES",
    "FORMULA_PREFIXES",
    "MAX_COUNT",
    "cell_problems",
    "cell_text",
    "check_rows",
    "decode_bytes",
    "max_input_bytes",
    "read_csv_rows",
    "read_input_bytes",
    "read_table",
    "read_text_table",
    "read_workbook",
    "text_problems",
]

#: An Arabic letter: the test that a Windows-1256 decoding is plausible.
ARABIC_LETTER = re.compile("[\u0621-\u064a]")
#: Default size limit of an input file (bytes); ``TIPANALYSIS_MAX_INPUT_BYTES`` overrides it.
DEFAULT_MAX_INPUT_BYTES = 20 * 1024 * 1024
#: Leading characters that make a spreadsheet treat a text cell as a formula (or DDE command).
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
#: Largest count (persons, cases, ...) accepted as plausible in any input.
MAX_COUNT = 10_000_000

# Invisible characters that carry nothing a person can see (direction marks, U+200E/U+200F/
# U+061C and the embedding controls, are handled where names are read: they are stripped).
_ZERO_WIDTH = re.compile("[\u00ad\u180e\u200b\u200c\u200d\u2060-\u2064\ufeff]")
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
# A number as a person types it: -3, +2.5, 1,234, 1e3, Arabic-Indic digits.
_NUMBER_TEXT = re.compile(r"^[+-]?([0-9]{1,3}(,[0-9]{3})+|[0-9]+)?(\.[0-9]+)?([eE][+-]?[0-9]+)?$")
_ARABIC_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")
# Characters of Arabic script (letters, marks, digits, punctuation).
_ARABIC_SCRIPT = re.compile("[\u0600-\u06ff\u0750-\u077f\ufb50-\ufdff\ufe70-\ufefe]")
# Non-ASCII characters Windows-1256 Arabic text may hold besides Arabic script.
_CP1256_PUNCTUATION = set("\u00a0«»×÷°±µ·–—‘’‚“”„…‰‹›€™¢£¤¥¦§¨©¬®¯²³´¸¹¾¼½")


def max_input_bytes() -> int:
    """The size limit of an input file: ``$TIPANALYSIS_MAX_INPUT_BYTES`` or 20 MB.

    Examples
    --------
    >>> max_input_bytes() > 0
    True
    """
    env = os.environ.get("TIPANALYSIS_MAX_INPUT_BYTES", "").strip()
    if env:
        try:
            value = int(env)
        except ValueError:
            raise ValueError(f"TIPANALYSIS_MAX_INPUT_BYTES={env!r} is not a whole number "
                             "of bytes") from None
        if value > 0:
            return value
    return DEFAULT_MAX_INPUT_BYTES


def read_input_bytes(path: Path | str, *, label: str | None = None) -> bytes:
    """Read an input file, refusing it up front when it is larger than :func:`max_input_bytes`.

    Raises
    ------
    FileNotFoundError, IsADirectoryError, PermissionError
        From the operating system (the CLI turns them into one line).
    DataValidationError
        If the file is too large.
    """
    path = Path(path)
    label = str(path) if label is None else label
    size = path.stat().st_size
    limit = max_input_bytes()
    if size > limit:
        raise DataValidationError([Problem(
            label, None, None, size,
            f"file is {size:,} bytes, above the limit of {limit:,} bytes; split it, or set "
            "TIPANALYSIS_MAX_INPUT_BYTES")])
    if path.is_dir():
        raise IsADirectoryError(21, "Is a directory", str(path))
    with path.open("rb") as fh:
        data = fh.read(limit + 1)
    if len(data) > limit:  # grew while being read, or a special file
        raise DataValidationError([Problem(label, None, None, None,
                                           f"file is above the limit of {limit:,} bytes")])
    return data


def _detected_encoding(data: bytes) -> str:
    """Name of the encoding charset-normalizer finds most likely ("binary" when none fits)."""
    from charset_normalizer import from_bytes

    best = from_bytes(data[:200_000]).best()
    return "binary or unknown" if best is None else best.encoding


def _is_arabic_text(text: str) -> bool:
    """Does ``text`` (a Windows-1256 decoding) read as Arabic rather than misread Latin?

    Every non-ASCII character must be Arabic script or common punctuation; there must be an
    Arabic letter; and no Arabic character may touch a Latin letter, as
    in "Direcciَn" or "AاأO" (Latin-1 "Dirección" and "AÇÃO" decoded as Windows-1256).
    """
    if not ARABIC_LETTER.search(text):
        return False
    for ch in set(text):
        if ord(ch) < 128 or ch in _CP1256_PUNCTUATION or _ARABIC_SCRIPT.match(ch):
            continue
        if ch in "\u200c\u200d\u200e\u200f":  # joiners and marks: judged by the cell checks
            continue
        return False
    return not re.search(
        "[A-Za-z][\u0600-\u06ff]|[\u0600-\u06ff][A-Za-z]", text)


def _decode_problem(file: str, data: bytes, start: int | None, message: str) -> Problem:
    line = None if start is None else data.count(b"\n", 0, start) + 1
    value = None if start is None else data[start:start + 4]
    return Problem(file, line, None, value, message)


def decode_bytes(data: bytes, *, file: str) -> str:
    """Decode an input file: UTF-8 (BOM optional), UTF-16 with BOM, or Arabic Windows-1256.

    Windows-1256 is tried only when UTF-8 fails, and accepted only when every byte decodes and
    the text reads as Arabic (cp1256 maps almost every byte, so a Latin-1 "Dirección" would
    otherwise come out as "Direcciَn"). Anything else is refused, naming the encoding that
    charset-normalizer detects. NUL characters are refused whatever the encoding.

    Examples
    --------
    >>> decode_bytes("country\\nالكويت\\n".encode("cp1256"), file="x.csv")
    'country\\nالكويت\\n'
    >>> decode_bytes("a\\n".encode("utf-16"), file="x.csv")
    'a\\n'
    >>> decode_bytes("Dirección\\n".encode("latin-1"), file="x.csv")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    tipanalysis.core.errors.DataValidationError: 1 problem(s) found; nothing was written:
      - x.csv, row 1: cannot decode: not UTF-8 (invalid byte at offset 7), and not Arabic \
Windows-1256; the encoding looks like ...; save the file as UTF-8 (value b'\\xf3n\\n')
    """
    if data.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)):
        raise DataValidationError([_decode_problem(
            file, data, None, "UTF-32 is not accepted; save the file as UTF-8")])
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise DataValidationError([_decode_problem(
                file, data, exc.start,
                f"invalid UTF-16 at byte offset {exc.start}; save the file as UTF-8")]) from None
    elif data.startswith(codecs.BOM_UTF8):
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise DataValidationError([_decode_problem(
                file, data, exc.start,
                f"starts with a UTF-8 BOM but is not valid UTF-8 (byte offset {exc.start}); "
                "save the file as UTF-8")]) from None
    else:
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError as exc:
            start = exc.start
            try:
                text = data.decode("cp1256")
            except UnicodeDecodeError:
                text = None
            if text is None or not _is_arabic_text(text):
                raise DataValidationError([_decode_problem(
                    file, data, start,
                    f"cannot decode: not UTF-8 (invalid byte at offset {start}), and not "
                    f"Arabic Windows-1256; the encoding looks like {_detected_encoding(data)}; "
                    "save the file as UTF-8")]) from None
    if "\x00" in text:
        offset = text.index("\x00")
        raise DataValidationError([Problem(
            file, text.count("\n", 0, offset) + 1, None, None,
            "contains NUL characters: not a text file (or UTF-16 without a BOM); save the "
            "file as UTF-8")])
    return text


def _is_number_text(text: str) -> bool:
    text = text.strip().translate(_ARABIC_DIGITS).replace("٫", ".").replace("٬", ",")
    return bool(text) and any(c.isdigit() for c in text) and bool(_NUMBER_TEXT.match(text))


def cell_problems(value: Any, *, file: str, row: int | None, column: str | None) -> list[Problem]:
    """What is wrong with one input cell: control or zero-width characters, formula-like text.

    Numbers (and text that is a number, such as ``"-3"``) are fine; text starting with ``=``,
    ``+``, ``-``, ``@``, a tab or a carriage return is refused, since a spreadsheet would run
    it as a formula when the data are opened again.

    Examples
    --------
    >>> cell_problems("-3", file="f.csv", row=2, column="value")
    []
    >>> print(cell_problems("=HYPERLINK(\\"x\\")", file="f.csv", row=2, column="note")[0])
    f.csv, row 2, column 'note': text starting with '=' would run as a spreadsheet formula; \
remove the leading character (or write the number without it) (value '=HYPERLINK("x")')
    """
    if not isinstance(value, str):
        if type(value).__name__ in ("ArrayFormula", "DataTableFormula"):
            return [Problem(file, row, column, getattr(value, "text", None),
                            "cell holds a formula; paste the values instead")]
        return []
    problems = []
    if _CONTROL.search(value):
        problems.append(Problem(file, row, column, value,
                                "contains a control character (such as NUL); retype the cell"))
    if _ZERO_WIDTH.search(value):
        problems.append(Problem(file, row, column, value,
                                "contains an invisible zero-width character; retype the cell"))
    if value.startswith(FORMULA_PREFIXES) and not _is_number_text(value):
        problems.append(Problem(
            file, row, column, value,
            f"text starting with {value[0]!r} would run as a spreadsheet formula; remove the "
            "leading character (or write the number without it)"))
    return problems


def check_rows(rows: Sequence[Sequence[Any]], *, file: str,
               row_numbers: Sequence[int] | None = None) -> list[Problem]:
    """Check a table as read (first row = header): cells, duplicate headers, ragged rows.

    ``row_numbers`` gives the row number a person sees for each row (default 1, 2, ...).
    Returns every problem; empty rows are ignored.

    Examples
    --------
    >>> [p.message for p in check_rows([["a", "a"], ["1", "2", "3"]], file="f.csv")]
    ['duplicate column name in header', 'row has 3 cells, the header has 2']
    """
    if not rows:
        return []
    numbers = list(row_numbers) if row_numbers is not None else list(range(1, len(rows) + 1))
    header = [cell_text(h).strip() for h in rows[0]]
    while header and not header[-1]:
        header.pop()
    problems: list[Problem] = []
    seen: set[str] = set()
    for j, name in enumerate(header):
        problems += cell_problems(rows[0][j], file=file, row=numbers[0], column=name or None)
        if name.casefold() in seen:
            problems.append(Problem(file, numbers[0], name, name,
                                    "duplicate column name in header"))
        seen.add(name.casefold())
    for number, row in zip(numbers[1:], rows[1:], strict=True):
        cells = list(row)
        if not any(cell_text(c).strip() for c in cells):
            continue
        extra = [j for j in range(len(header), len(cells)) if cell_text(cells[j]).strip()]
        if extra or (isinstance(row, list) and getattr(row, "ragged", False)):
            problems.append(Problem(file, number, None, len(cells),
                                    f"row has {len(cells)} cells, the header has {len(header)}"))
        for j, value in enumerate(cells):
            name = header[j] if j < len(header) and header[j] else f"column {j + 1}"
            problems += cell_problems(value, file=file, row=number, column=name)
    return problems


def text_problems(text: str, *, file: str) -> list[Problem]:
    """Line by line: control and zero-width characters in a plain-text input (tabs are fine).

    Examples
    --------
    >>> [p.row for p in text_problems("Kuwait\\nQa\\u200btar\\n", file="t.txt")]
    [2]
    """
    problems = []
    for number, line in enumerate(text.split("\n"), start=1):
        line = line.rstrip("\r")
        if _CONTROL.search(line) or _ZERO_WIDTH.search(line):
            problems.append(Problem(file, number, None, line,
                                    "contains a control or invisible zero-width character"))
    return problems


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
    if type(value).__name__ in ("ArrayFormula", "DataTableFormula"):
        return str(getattr(value, "text", "") or "=")
    return str(value)


def read_workbook(path: Path | str, *, label: str | None = None) -> dict[str, list[list[Any]]]:
    """Read every sheet of an XLSX workbook: ``{sheet title: rows of raw cell values}``.

    Cells keep their type (numbers stay numbers, empty cells are ``None``). Formulas are not
    evaluated: a formula cell comes back as its text (``"=SUM(A1:A3)"``), which the cell checks
    refuse; macros never run. The file is refused when it is above the size limit, has a hidden
    sheet, or hides rows or columns that hold data.

    Raises
    ------
    DataValidationError
        If the file is not a readable workbook, or hides sheets, rows or columns.

    Examples
    --------
    >>> read_workbook("new_tiers.xlsx")["Sheet1"][0]      # doctest: +SKIP
    ['country', 'tier']
    """
    import warnings

    from openpyxl import load_workbook  # heavy; only workbooks need it

    path = Path(path)
    label = str(path) if label is None else label
    data = read_input_bytes(path, label=label)
    try:
        with warnings.catch_warnings():  # "no default style", "unknown extension": noise
            warnings.simplefilter("ignore")
            book = load_workbook(io.BytesIO(data), read_only=False, data_only=False)
    except Exception as exc:  # openpyxl raises many types for a damaged file
        raise DataValidationError([Problem(label, None, None, None,
                                           f"not a readable XLSX workbook: "
                                           f"{' '.join(str(exc).split())[:200]}")]) from None
    problems: list[Problem] = []
    sheets: dict[str, list[list[Any]]] = {}
    try:
        for sheet in book.worksheets:
            if sheet.sheet_state != "visible":
                problems.append(Problem(label, None, None, sheet.title,
                                        f"sheet {sheet.title!r} is hidden; unhide it or delete "
                                        "it (hidden data is not imported)"))
                continue
            rows = [list(r) for r in sheet.iter_rows(values_only=True)]
            sheets[sheet.title] = rows
            hidden_rows = {i for i, d in sheet.row_dimensions.items() if d.hidden}
            hidden_cols = set()
            for key, dim in sheet.column_dimensions.items():
                if dim.hidden:
                    from openpyxl.utils import column_index_from_string

                    first = column_index_from_string(key)
                    lo, hi = dim.min or first, dim.max or first
                    hidden_cols.update(range(lo, hi + 1))
            for i, row in enumerate(rows, start=1):
                filled = [j for j, v in enumerate(row, start=1) if cell_text(v).strip()]
                if i in hidden_rows and filled:
                    problems.append(Problem(label, i, None, sheet.title,
                                            f"row {i} of sheet {sheet.title!r} is hidden; "
                                            "unhide it or delete it"))
                for j in sorted(hidden_cols.intersection(filled)):
                    problems.append(Problem(label, i, f"column {j}", sheet.title,
                                            f"hidden column {j} of sheet {sheet.title!r} holds "
                                            "data; unhide it or delete it"))
    finally:
        book.close()
    if problems:
        raise DataValidationError(problems)
    return sheets


class _Row(list):
    """A CSV record that had a different number of fields than the header."""

    ragged = True


def read_csv_rows(path: Path | str, *, label: str | None = None) -> list[list[str]]:
    """Read a CSV file as rows of strings, decoded by :func:`decode_bytes`.

    Raises on an unclosed quote; ragged rows are marked for :func:`check_rows`.

    Examples
    --------
    >>> import tempfile
    >>> f = Path(tempfile.mkdtemp()) / "in.csv"
    >>> _ = f.write_bytes("country,n\\nالكويت,3\\n".encode("cp1256"))
    >>> read_csv_rows(f)
    [['country', 'n'], ['الكويت', '3']]
    """
    path = Path(path)
    label = str(path) if label is None else label
    text = decode_bytes(read_input_bytes(path, label=label), file=label)
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    rows: list[list[str]] = []
    try:
        for record in reader:
            rows.append(record)
    except csv.Error as exc:
        raise DataValidationError([Problem(label, reader.line_num, None, None,
                                           f"malformed CSV (unclosed quote or bad quoting): "
                                           f"{exc}")]) from None
    width = len(rows[0]) if rows else 0
    return [_Row(r) if r and len(r) != width else r for r in rows]


def read_text_table(path: Path | str) -> pd.DataFrame:
    """Read a shipped UTF-8 CSV with every column as ``str``; only an empty cell is missing.

    ("NA", Namibia's alpha-2 code, must stay a string.) For tables the descriptor describes,
    prefer the typed :func:`tipanalysis.data.load_table`.
    """
    return pd.read_csv(path, dtype=str, keep_default_na=False, na_values=[""], encoding="utf-8")


def _read_xlsx(path: Path, label: str) -> pd.DataFrame:
    sheets = []
    for title, raw in read_workbook(path, label=label).items():
        rows = [(i, [cell_text(v) for v in row], row) for i, row in enumerate(raw, start=1)]
        rows = [(i, r, v) for i, r, v in rows if any(c.strip() for c in r)]
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
    problems = check_rows([v for _, _, v in rows], file=label, row_numbers=[i for i, _, _ in rows])
    header = rows[0][1]
    width = max(len(r) for _, r, _ in rows)
    header = header + [""] * (width - len(header))
    used = [j for j in range(width) if header[j].strip() or any(
        j < len(r) and r[j].strip() for _, r, _ in rows[1:])]
    problems += [Problem(label, i, None, r[j], f"value in column {j + 1}, which has no header")
                 for j in used if not header[j].strip() for i, r, _ in rows[1:] if r[j].strip()]
    if problems:
        raise DataValidationError(problems)
    columns = [header[j].strip() for j in used]
    records = [[r[j] if j < len(r) else "" for j in used] for _, r, _ in rows[1:]]
    frame = pd.DataFrame(records, columns=columns, dtype=str)
    frame.index = pd.Index([i for i, _, _ in rows[1:]], name="line", dtype="int64")
    return frame


def read_table(path: Path | str) -> tuple[pd.DataFrame, str]:
    """Read a CSV or XLSX input file as strings.

    Parameters
    ----------
    path : path
        ``.csv`` (UTF-8 with or without BOM, UTF-16 with BOM, or Arabic Windows-1256) or
        ``.xlsx`` (the one sheet with data; first row = header).

    Returns
    -------
    (DataFrame, str)
        Every cell as a string (empty cell = ``""``), the index named ``line`` holding the row
        number a person sees in the file (header = 1); and the file label used in problems.

    Raises
    ------
    DataValidationError
        A file above the size limit; undecodable bytes (file, line, byte offset); ragged rows,
        duplicate headers or an unclosed quote (file, row); a damaged workbook, hidden sheets,
        rows or columns; formula-like text, control or zero-width characters (file, row,
        column).

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
    text = decode_bytes(read_input_bytes(path, label=label), file=label)
    frame, problems = validate.parse_csv_text(text, file=label)
    if not problems:
        header = [str(c) for c in frame.columns]
        rows = [header, *frame.astype(str).to_numpy().tolist()]
        problems = check_rows(rows, file=label, row_numbers=[1, *frame.index.tolist()])
    if problems:
        raise DataValidationError(problems)
    frame.columns = [str(c).strip() for c in frame.columns]
    return frame, label


def __dir__() -> list[str]:
    return list(__all__)
