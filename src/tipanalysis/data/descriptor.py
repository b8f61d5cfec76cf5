"""Descriptor-driven validation of the data folder, typed CSV reading and atomic writes.

``data/datapackage.json`` (Frictionless Data Package v2) describes every file: its path, sha256
hash, size and, for CSV files, a table schema (field types, constraints, ordered categories,
primary key, missing values). This module reads that descriptor, checks tables against their
schemas (collecting *every* problem, each naming file, row, column and value), casts tables to
typed DataFrames and writes files atomically (temp file in the same folder, then ``os.replace``).

Type mapping used by :func:`read_csv` (``missingValues`` become NaN / ``<NA>`` / ``NaT``):

========== ==========================================================================
``string`` ``str``; an ordered categorical when the field has ``categories`` and
           ``categoriesOrdered: true`` (e.g. ``tier``: ``1 < 2 < 2WL < 3``)
``integer`` pandas nullable ``Int64``
``year``   pandas nullable ``Int64``
``number`` ``float64`` (``NaN``, ``INF`` spellings are refused: empty means missing)
``boolean`` pandas nullable ``boolean`` through ``trueValues`` / ``falseValues``
``date``   ``datetime64`` (ISO ``YYYY-MM-DD`` only; dates as published, such as ``2025-04``,
           belong in a ``string`` field)
========== ==========================================================================

Nothing here executes data: JSON is read with :func:`json.loads`, CSV with :mod:`csv`.
"""

from __future__ import annotations

import contextlib
import copy
import csv
import datetime as dt
import hashlib
import io
import json
import logging
import math
import os
import re
import tempfile
import warnings
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

import pandas as pd
import regex

from tipanalysis.core import paths
from tipanalysis.core.errors import DataValidationError, Problem
from tipanalysis.data import transaction

__all__ = [
    "ACCEPTED_EDITS",
    "ALLOW_EDITED_ENV",
    "DEFAULT_FALSE",
    "DEFAULT_TRUE",
    "DESCRIPTOR",
    "SUPPORTED_TYPES",
    "DataIntegrityError",
    "accept_edits",
    "atomic_write_bytes",
    "atomic_write_many",
    "atomic_write_text",
    "cast_table",
    "check_schema",
    "check_table",
    "decode_utf8",
    "dump_descriptor",
    "format_csv",
    "format_value",
    "parse_csv_text",
    "parse_field_value",
    "read_csv",
    "read_descriptor",
    "read_raw_csv",
    "resource",
    "sha256_hash",
    "table_keys",
    "update_hashes",
    "validate_package",
    "verify_package",
    "verify_resource",
    "write_descriptor",
]

DESCRIPTOR = "datapackage.json"
#: Folder of immutable raw inputs (inside the data folder) and its manifest.
SNAPSHOTS = "snapshots"
SNAPSHOT_MANIFEST = "snapshots.json"
#: Decisions the ingest commands recorded (``--replace``), applied when snapshots are replayed.
DECISIONS = "decisions.json"
#: Log of edits accepted on purpose (``scripts/accept_edits.py``), in the data folder.
ACCEPTED_EDITS = "accepted_edits.jsonl"
#: Setting this environment variable to 1 lets reads proceed past a file whose sha256 or size
#: differs from the descriptor (a warning is issued for each such file).
ALLOW_EDITED_ENV = "TIPANALYSIS_ALLOW_EDITED_DATA"
#: Field types this package understands.
SUPPORTED_TYPES = ("string", "integer", "number", "boolean", "date", "year")
#: Frictionless defaults for boolean spellings.
DEFAULT_TRUE = ("true", "True", "TRUE", "1")
DEFAULT_FALSE = ("false", "False", "FALSE", "0")
_HASH_RE = re.compile(r"^sha256:[0-9a-f]{64}$")
_INT_RE = re.compile(r"^[+-]?[0-9]+$")
_YEAR_RE = re.compile(r"^[0-9]{4}$")
_DATE_RE = re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$")
_NUMBER_RE = re.compile(r"^[+-]?([0-9]+(\.[0-9]*)?|\.[0-9]+)([eE][+-]?[0-9]+)?$")
#: Seconds one value may take to match a descriptor's ``pattern``. Patterns come from a file
#: anyone can edit: one such as ``(a|aa)+$`` backtracks for ever on some values, so they are
#: matched with the ``regex`` package's timeout, and a pattern that times out is refused.
PATTERN_TIMEOUT = 0.25


# --------------------------------------------------------------------------------------------
# descriptor
# --------------------------------------------------------------------------------------------


def _data_dir(data_dir: Path | str | None) -> Path:
    return paths.resolve_data_dir(data_dir)


def read_descriptor(data_dir: Path | str | None = None) -> dict:
    """Read ``datapackage.json`` from the data folder (parsed as JSON, never executed).

    Parameters
    ----------
    data_dir : path, optional
        Data folder; default :func:`tipanalysis.core.paths.data_dir`.

    Returns
    -------
    dict
        The descriptor, keys in file order.

    Raises
    ------
    DataValidationError
        If the file is missing, not UTF-8, not JSON or not a JSON object.

    Examples
    --------
    >>> desc = read_descriptor()                       # doctest: +SKIP
    >>> [r["name"] for r in desc["resources"]][:2]     # doctest: +SKIP
    ['tier_placements', 'coverage']
    """
    path = _data_dir(data_dir) / DESCRIPTOR
    label = DESCRIPTOR
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise DataValidationError(
            [Problem(str(path), None, None, None, "file not found")]) from None
    try:
        text = raw.decode("utf-8-sig")
        descriptor = json.loads(text)
    except UnicodeDecodeError as exc:
        raise DataValidationError(
            [Problem(label, None, None, raw[exc.start:exc.start + 4],
                     f"not UTF-8 (byte offset {exc.start})")]) from None
    except json.JSONDecodeError as exc:
        raise DataValidationError(
            [Problem(label, exc.lineno, None, None, f"not valid JSON: {exc.msg}")]) from None
    if not isinstance(descriptor, dict):
        raise DataValidationError([Problem(label, None, None, None, "must be a JSON object")])
    return descriptor


def resource(descriptor: Mapping[str, Any], name: str) -> dict:
    """Return the resource called ``name`` (or whose ``path`` is ``name``).

    Examples
    --------
    >>> desc = {"resources": [{"name": "tier_placements", "path": "tiers/tier_placements.csv"}]}
    >>> resource(desc, "tiers/tier_placements.csv")["name"]
    'tier_placements'
    """
    resources = descriptor.get("resources") or []
    for res in resources:
        if res.get("name") == name:
            return res
    for res in resources:
        if res.get("path") == name:
            return res
    known = ", ".join(str(r.get("name")) for r in resources)
    raise KeyError(f"no resource named {name!r} in the descriptor (known: {known})")


def dump_descriptor(descriptor: Mapping[str, Any]) -> str:
    """Serialise a descriptor the one way this package (and ``scripts/build_data.py``) writes
    it: sorted keys, indent 2, non-ASCII kept, final newline.

    Examples
    --------
    >>> dump_descriptor({"resources": [], "name": "tip"})
    '{\\n  "name": "tip",\\n  "resources": []\\n}\\n'
    """
    return json.dumps(descriptor, indent=2, ensure_ascii=False, sort_keys=True) + "\n"


def write_descriptor(descriptor: Mapping[str, Any], data_dir: Path | str | None = None) -> Path:
    """Write ``datapackage.json`` atomically; return its path. See :func:`dump_descriptor`."""
    path = _data_dir(data_dir) / DESCRIPTOR
    atomic_write_text(path, dump_descriptor(descriptor))
    return path


def sha256_hash(data: bytes) -> str:
    """Return ``"sha256:<hex>"`` for ``data``.

    Examples
    --------
    >>> sha256_hash(b"")[:15]
    'sha256:e3b0c442'
    """
    return "sha256:" + hashlib.sha256(data).hexdigest()


def update_hashes(
    descriptor: Mapping[str, Any],
    data_dir: Path | str | None,
    names: Iterable[str],
    *,
    contents: Mapping[str, bytes] | None = None,
) -> dict:
    """Return a copy of ``descriptor`` with ``hash`` and ``bytes`` recomputed for ``names``.

    Parameters
    ----------
    descriptor : dict
        The descriptor; not modified.
    data_dir : path or None
        Data folder the resource paths are relative to.
    names : iterable of str
        Resource names (or paths) to update.
    contents : mapping, optional
        ``{name: bytes}`` of content about to be written; used instead of the file on disk so
        that a multi-file update can prepare the descriptor before replacing anything.

    Examples
    --------
    >>> desc = {"resources": [{"name": "t", "path": "t.csv", "hash": "", "bytes": 0}]}
    >>> update_hashes(desc, None, ["t"], contents={"t": b"a\\n1\\n"})["resources"][0]["bytes"]
    4
    """
    new = copy.deepcopy(dict(descriptor))
    contents = dict(contents or {})
    for name in names:
        res = resource(new, name)
        data = contents.get(name)
        if data is None:
            data = contents.get(res["name"])
        if data is None:
            data = (_data_dir(data_dir) / res["path"]).read_bytes()
        res["hash"] = sha256_hash(data)
        res["bytes"] = len(data)
    return new


# --------------------------------------------------------------------------------------------
# reading CSV as strings
# --------------------------------------------------------------------------------------------


def _line_of_offset(data: bytes, offset: int) -> int:
    return data.count(b"\n", 0, offset) + 1


def decode_utf8(data: bytes, *, file: str) -> str:
    """Decode UTF-8 (a leading BOM is accepted and dropped); fail naming file, line and offset.

    Examples
    --------
    >>> decode_utf8("\\ufeffiso3\\nKWT\\n".encode("utf-8"), file="x.csv")
    'iso3\\nKWT\\n'
    """
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise DataValidationError([Problem(
            file, _line_of_offset(data, exc.start), None, data[exc.start:exc.start + 4],
            f"not valid UTF-8 at byte offset {exc.start}")]) from None


def parse_csv_text(text: str, *, file: str) -> tuple[pd.DataFrame, list[Problem]]:
    """Split CSV text into a DataFrame of strings indexed by the line each record starts on.

    The header is line 1. Empty lines are skipped. Ragged records and an unclosed quote are
    reported as problems (the offending records are left out of the frame, and reported).

    Returns
    -------
    (DataFrame, list of Problem)
        Every column has dtype ``str``; the index is named ``line``.

    Examples
    --------
    >>> df, problems = parse_csv_text('a,b\\n1,"x, y"\\n2,\\n', file="t.csv")
    >>> df.index.tolist(), df["b"].tolist(), problems
    ([2, 3], ['x, y', ''], [])
    """
    problems: list[Problem] = []
    # newline="": split records at \n, \r\n or \r only (str.splitlines would also split at
    # U+2028, U+0085 ... inside a cell).
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    header: list[str] | None = None
    records: list[list[str]] = []
    index: list[int] = []
    prev_end = 0
    while True:
        start = prev_end + 1
        try:
            record = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            problems.append(Problem(file, start, None, None,
                                    f"malformed CSV (unclosed quote or bad quoting): {exc}"))
            break
        prev_end = reader.line_num
        if not record:
            continue  # blank line
        if header is None:
            header = record
            continue
        if len(record) != len(header):
            problems.append(Problem(
                file, start, None, len(record),
                f"row has {len(record)} fields, the header has {len(header)}"))
            continue
        records.append(record)
        index.append(start)
    if header is None:
        problems.append(Problem(file, 1, None, None, "empty file: no header row"))
        return pd.DataFrame(), problems
    seen: set[str] = set()
    for name in header:
        if name in seen:
            problems.append(Problem(file, 1, name, name, "duplicate column name in header"))
        seen.add(name)
    if len(seen) != len(header):
        return pd.DataFrame(), problems
    frame = pd.DataFrame(records, columns=header, dtype=str)
    frame.index = pd.Index(index, name="line", dtype="int64")
    return frame, problems


def read_raw_csv(path: Path | str, *, file: str | None = None) -> pd.DataFrame:
    """Read a UTF-8 CSV file as strings (index = line number); raise on any parse problem.

    Examples
    --------
    >>> read_raw_csv("data/tiers/tier_placements.csv").iloc[0]["iso3"]   # doctest: +SKIP
    'AFG'
    """
    path = Path(path)
    label = file or str(path)
    text = decode_utf8(path.read_bytes(), file=label)
    frame, problems = parse_csv_text(text, file=label)
    if problems:
        raise DataValidationError(problems)
    return frame


# --------------------------------------------------------------------------------------------
# schema checks
# --------------------------------------------------------------------------------------------


def _missing_values(schema: Mapping[str, Any]) -> set[str]:
    return set(schema.get("missingValues", [""]))


def _categories(field: Mapping[str, Any]) -> list[str] | None:
    cats = field.get("categories")
    if cats is None:
        return None
    return [str(c["value"]) if isinstance(c, dict) else str(c) for c in cats]


def _bool_values(field: Mapping[str, Any]) -> tuple[list[str], list[str]]:
    return (list(field.get("trueValues", DEFAULT_TRUE)),
            list(field.get("falseValues", DEFAULT_FALSE)))


def parse_field_value(raw: str, field: Mapping[str, Any]) -> Any:
    """Convert one non-missing cell to its Python value; raise ``ValueError`` if it is invalid.

    Examples
    --------
    >>> parse_field_value("2025", {"type": "year"}), parse_field_value("1.5", {"type": "number"})
    (2025, 1.5)
    >>> parse_field_value("true", {"type": "boolean"})
    True
    """
    ftype = field.get("type", "string")
    if ftype == "string":
        return raw
    if ftype == "integer":
        if not _INT_RE.match(raw):
            raise ValueError("not an integer")
        return int(raw)
    if ftype == "year":
        if not _YEAR_RE.match(raw):
            raise ValueError("not a four-digit year")
        return int(raw)
    if ftype == "number":
        if not _NUMBER_RE.match(raw):
            raise ValueError("not a number")
        return float(raw)
    if ftype == "boolean":
        trues, falses = _bool_values(field)
        if raw in trues:
            return True
        if raw in falses:
            return False
        raise ValueError(f"not a boolean (expected one of {trues + falses})")
    if ftype == "date":
        if not _DATE_RE.match(raw):
            raise ValueError("not an ISO date YYYY-MM-DD")
        return dt.date.fromisoformat(raw)
    raise ValueError(f"unsupported field type {ftype!r}")


def _constraint_value(value: Any, field: Mapping[str, Any]) -> Any:
    # JSON gives constraint bounds as numbers or strings; compare like with like.
    if isinstance(value, str) and field.get("type", "string") != "string":
        return parse_field_value(value, field)
    return value


def _compile_pattern(pattern: Any) -> Any:
    """Compile a descriptor's ``pattern`` with the ``regex`` package (matched with a timeout)."""
    if not isinstance(pattern, str):
        raise TypeError("pattern must be a string")
    if len(pattern) > 1000:
        raise ValueError("pattern longer than 1000 characters")
    return regex.compile(pattern)


def check_schema(schema: Any, *, file: str) -> list[Problem]:
    """Check that a table schema is well formed (fields, types, primary key).

    Examples
    --------
    >>> check_schema({"fields": [{"name": "a", "type": "float"}]}, file="t.csv")[0].value
    'float'
    """
    if not isinstance(schema, dict):
        return [Problem(file, None, None, None, "schema must be a JSON object")]
    fields = schema.get("fields")
    if not isinstance(fields, list) or not fields:
        return [Problem(file, None, None, None, "schema has no 'fields' list")]
    problems = []
    names = []
    for field in fields:
        if not isinstance(field, dict) or not isinstance(field.get("name"), str):
            problems.append(Problem(file, None, None, field, "schema field without a name"))
            continue
        names.append(field["name"])
        if field.get("type", "string") not in SUPPORTED_TYPES:
            problems.append(Problem(
                file, None, field["name"], field.get("type"),
                f"unsupported field type (supported: {', '.join(SUPPORTED_TYPES)})"))
        constraints = field.get("constraints", {})
        if not isinstance(constraints, dict):
            problems.append(Problem(file, None, field["name"], constraints,
                                    "constraints must be a JSON object"))
        elif "pattern" in constraints:
            try:
                _compile_pattern(constraints["pattern"])
            except (re.error, regex.error, TypeError, ValueError) as exc:
                problems.append(Problem(file, None, field["name"], constraints["pattern"],
                                        f"invalid pattern: {exc}"))
    if not isinstance(schema.get("uniqueKeys", []), list):
        return [*problems, Problem(file, None, None, schema.get("uniqueKeys"),
                                   "uniqueKeys must be a list of field lists")]
    for key in table_keys(schema):
        for name in key:
            if name not in names:
                problems.append(Problem(file, None, name, name,
                                        "primaryKey/uniqueKeys names an unknown field"))
    return problems


def _row_numbers(df: pd.DataFrame) -> list[int]:
    if df.index.name == "line":
        return [int(i) for i in df.index]
    return list(range(2, len(df) + 2))


def _primary_key(schema: Mapping[str, Any]) -> list[str]:
    key = schema.get("primaryKey", [])
    return [key] if isinstance(key, str) else list(key)


def table_keys(schema: Mapping[str, Any]) -> list[list[str]]:
    """Return the ``primaryKey`` (first, if any) and every ``uniqueKeys`` entry of a schema.

    Examples
    --------
    >>> table_keys({"primaryKey": "id", "uniqueKeys": [["a", "b"]]})
    [['id'], ['a', 'b']]
    """
    keys = [_primary_key(schema)] if schema.get("primaryKey") else []
    for key in schema.get("uniqueKeys", []) or []:
        keys.append([key] if isinstance(key, str) else list(key))
    return keys


def _check_column(values: list[str], rows: list[int], field: Mapping[str, Any],
                  missing: set[str], required: bool, file: str) -> list[Problem]:
    name = field["name"]
    cons = field.get("constraints", {}) or {}
    cats = _categories(field)
    problems: list[Problem] = []
    try:
        pattern = _compile_pattern(cons["pattern"]) if "pattern" in cons else None
    except (re.error, regex.error, TypeError, ValueError) as exc:
        problems.append(Problem(file, None, name, cons["pattern"], f"invalid pattern: {exc}"))
        pattern = None
    enum = cons.get("enum")
    enum_values = None
    if enum is not None:
        enum_values = set()
        for e in enum:
            with contextlib.suppress(ValueError):
                enum_values.add(_constraint_value(e, field))
    seen: dict[Any, int] = {}
    for raw, row in zip(values, rows, strict=True):
        if raw in missing:
            if required:
                problems.append(Problem(file, row, name, raw, "required value is missing"))
            continue
        try:
            value = parse_field_value(raw, field)
        except ValueError as exc:
            problems.append(Problem(file, row, name, raw, str(exc)))
            continue
        if cats is not None and raw not in cats:
            problems.append(Problem(file, row, name, raw,
                                    f"not one of the categories {cats}"))
        if enum_values is not None and value not in enum_values:
            problems.append(Problem(file, row, name, raw, f"not one of {list(enum)}"))
        if pattern is not None:
            try:
                matched = pattern.fullmatch(raw, timeout=PATTERN_TIMEOUT)
            except TimeoutError:
                problems.append(Problem(
                    file, row, name, cons["pattern"],
                    f"pattern takes more than {PATTERN_TIMEOUT} s to match {raw[:40]!r} "
                    "(catastrophic backtracking); the pattern is refused and not checked "
                    "further"))
                pattern = None
            else:
                if not matched:
                    problems.append(Problem(file, row, name, raw,
                                            f"does not match pattern {cons['pattern']!r}"))
        for key, fails, words in (("minimum", lambda v, b: v < b, "below the minimum"),
                                  ("maximum", lambda v, b: v > b, "above the maximum"),
                                  ("exclusiveMinimum", lambda v, b: v <= b, "not above"),
                                  ("exclusiveMaximum", lambda v, b: v >= b, "not below")):
            if key in cons:
                bound = _constraint_value(cons[key], field)
                if fails(value, bound):
                    problems.append(Problem(file, row, name, raw, f"{words} {cons[key]!r}"))
        if "minLength" in cons and len(raw) < cons["minLength"]:
            problems.append(Problem(file, row, name, raw, f"shorter than {cons['minLength']}"))
        if "maxLength" in cons and len(raw) > cons["maxLength"]:
            problems.append(Problem(file, row, name, raw, f"longer than {cons['maxLength']}"))
        if cons.get("unique"):
            if value in seen:
                problems.append(Problem(file, row, name, raw,
                                        f"duplicate value (first on row {seen[value]})"))
            else:
                seen[value] = row
    return problems


def check_table(df_raw: pd.DataFrame, schema: Mapping[str, Any], *, file: str) -> list[Problem]:
    """Check a table of strings against a table schema; return every problem found.

    Checks the header (missing, extra, reordered columns), then each cell: required, type,
    ``enum``, ``minimum``/``maximum``, ``pattern``, ``minLength``/``maxLength``,
    ``categories``, ``unique``, and finally duplicate ``primaryKey`` and ``uniqueKeys``
    combinations. Fields of the primary key are required (as in Frictionless).

    Parameters
    ----------
    df_raw : DataFrame
        All cells as strings (as from :func:`parse_csv_text`). Row numbers in problems come from
        the index when it is named ``line`` (the line in the file), else position + 2.
    schema : dict
        Frictionless table schema.
    file : str
        Name used in the problems.

    Examples
    --------
    >>> schema = {"fields": [{"name": "iso3", "constraints": {"pattern": "[A-Z]{3}"}},
    ...                      {"name": "year", "type": "year"}], "primaryKey": ["iso3", "year"]}
    >>> raw = pd.DataFrame({"iso3": ["KWT", "kwt", "KWT"], "year": ["2024", "24", "2024"]})
    >>> for problem in check_table(raw, schema, file="t.csv"):
    ...     print(problem.row, problem.column, repr(problem.value), problem.message)
    3 iso3 'kwt' does not match pattern '[A-Z]{3}'
    3 year '24' not a four-digit year
    4 iso3, year ('KWT', 2024) duplicate primary key (first on row 2)
    """
    problems = check_schema(schema, file=file)
    if problems:
        return problems
    fields = schema["fields"]
    names = [f["name"] for f in fields]
    columns = [str(c) for c in df_raw.columns]
    for name in names:
        if name not in columns:
            problems.append(Problem(file, 1, name, None, "column missing from the header"))
    for col in columns:
        if col not in names:
            problems.append(Problem(file, 1, col, col, "column not described in the schema"))
    if not problems and columns != names:
        problems.append(Problem(file, 1, None, ",".join(columns),
                                f"columns are not in schema order {names}"))
    missing = _missing_values(schema)
    key = _primary_key(schema)
    rows = _row_numbers(df_raw)
    by_row: list[tuple[int, Problem]] = []
    for field in fields:
        name = field["name"]
        if name not in columns:
            continue
        required = bool((field.get("constraints") or {}).get("required")) or name in key
        values = ["" if pd.isna(v) else str(v) for v in df_raw[name].tolist()]
        for p in _check_column(values, rows, field, missing, required, file):
            by_row.append((p.row or 0, p))
    by_row.sort(key=lambda item: item[0])  # stable: keeps field order within a row
    problems.extend(p for _, p in by_row)
    for i, unique in enumerate(table_keys(schema)):
        if all(k in columns for k in unique):
            what = "primary key" if i == 0 and schema.get("primaryKey") else "unique key"
            problems.extend(_check_key(df_raw, schema, unique, rows, missing, file, what))
    return problems


def _check_key(df_raw, schema, key, rows, missing, file, what) -> list[Problem]:
    # Missing cells compare equal here (stricter than SQL): two rows that differ only in
    # which key cells are empty cannot be told apart by a reader either.
    fields = {f["name"]: f for f in schema["fields"]}
    seen: dict[tuple, int] = {}
    problems = []
    cols = [df_raw[k].tolist() for k in key]
    for i, row in enumerate(rows):
        parts = []
        for k, col in zip(key, cols, strict=True):
            raw = "" if pd.isna(col[i]) else str(col[i])
            try:
                parts.append(None if raw in missing else parse_field_value(raw, fields[k]))
            except ValueError:
                parts.append(raw)  # already reported as a type error
        combo = tuple(parts)
        if combo in seen:
            problems.append(Problem(file, row, ", ".join(key), combo,
                                    f"duplicate {what} (first on row {seen[combo]})"))
        else:
            seen[combo] = row
    return problems


# --------------------------------------------------------------------------------------------
# casting
# --------------------------------------------------------------------------------------------


def cast_table(df_raw: pd.DataFrame, schema: Mapping[str, Any]) -> pd.DataFrame:
    """Cast a *valid* table of strings to typed columns (see the module docstring's mapping).

    Examples
    --------
    >>> schema = {"fields": [{"name": "tier", "categories": ["1", "2", "2WL", "3"],
    ...                       "categoriesOrdered": True}, {"name": "n", "type": "integer"}]}
    >>> df = cast_table(pd.DataFrame({"tier": ["2WL", ""], "n": ["3", ""]}), schema)
    >>> df["tier"].cat.ordered, df["n"].dtype.name, df["n"].isna().tolist()
    (True, 'Int64', [False, True])
    """
    missing = _missing_values(schema)
    out = {}
    for field in schema["fields"]:
        name = field["name"]
        raw = pd.Series(df_raw[name].to_numpy(), dtype=str)
        is_missing = raw.isin(list(missing)) | raw.isna()
        ftype = field.get("type", "string")
        present = raw.where(~is_missing)
        if ftype in ("integer", "year"):
            col = pd.array([None if m else int(v) for v, m in zip(raw, is_missing, strict=True)],
                           dtype="Int64")
            col = pd.Series(col)
        elif ftype == "number":
            col = pd.Series([math.nan if m else float(v)
                             for v, m in zip(raw, is_missing, strict=True)], dtype="float64")
        elif ftype == "boolean":
            trues, _ = _bool_values(field)
            col = pd.Series(pd.array([None if m else (v in trues)
                                      for v, m in zip(raw, is_missing, strict=True)],
                                     dtype="boolean"))
        elif ftype == "date":
            col = pd.to_datetime(present, format="%Y-%m-%d")
        else:
            col = present.astype(str)
            if field.get("categoriesOrdered") and _categories(field) is not None:
                col = pd.Series(pd.Categorical(present, categories=_categories(field),
                                               ordered=True))
        out[name] = col.reset_index(drop=True)
    return pd.DataFrame(out)


def read_csv(path: Path | str, schema: Mapping[str, Any], *, file: str | None = None
             ) -> pd.DataFrame:
    """Read a UTF-8 CSV (BOM accepted), check it against ``schema`` and return typed columns.

    Parameters
    ----------
    path : path
        The CSV file.
    schema : dict
        Frictionless table schema; see the module docstring for the type mapping.
    file : str, optional
        Name used in problems (default: ``str(path)``).

    Raises
    ------
    DataValidationError
        With every problem in the file, if it does not decode, parse or pass :func:`check_table`.

    Examples
    --------
    >>> desc = read_descriptor()                                             # doctest: +SKIP
    >>> res = resource(desc, "tier_placements")                              # doctest: +SKIP
    >>> read_csv(paths.data_dir() / res["path"], res["schema"]).tier.dtype  # doctest: +SKIP
    CategoricalDtype(categories=['1', '2', '2WL', '3'], ordered=True, categories_dtype=str)
    """
    label = file or str(path)
    text = decode_utf8(Path(path).read_bytes(), file=label)
    raw, problems = parse_csv_text(text, file=label)
    if not problems:
        problems = check_table(raw, schema, file=label)
    if problems:
        raise DataValidationError(problems)
    return cast_table(raw, schema)


# --------------------------------------------------------------------------------------------
# writing CSV
# --------------------------------------------------------------------------------------------


def format_value(value: Any, field: Mapping[str, Any]) -> str:
    """Write one typed value as the CSV cell this package uses (missing → empty string).

    Examples
    --------
    >>> format_value(2.0, {"type": "number"}), format_value(True, {"type": "boolean"})
    ('2', 'true')
    """
    if value is None or value is pd.NA or value is pd.NaT:
        return ""
    if isinstance(value, float) and math.isnan(value):
        return ""
    ftype = field.get("type", "string")
    if ftype in ("integer", "year"):
        return str(int(value))
    if ftype == "number":
        number = float(value)
        return str(int(number)) if number.is_integer() else repr(number)
    if ftype == "boolean":
        return "true" if bool(value) else "false"
    if ftype == "date":
        return pd.Timestamp(value).strftime("%Y-%m-%d")
    return str(value)


def format_csv(df: pd.DataFrame, schema: Mapping[str, Any]) -> bytes:
    """Serialise a typed table to UTF-8 CSV bytes: schema column order, ``\\n`` line ends,
    minimal quoting, empty cell for missing.

    Examples
    --------
    >>> schema = {"fields": [{"name": "a", "type": "integer"}, {"name": "b"}]}
    >>> format_csv(pd.DataFrame({"a": pd.array([1, None], dtype="Int64"), "b": ["x, y", None]}),
    ...            schema)
    b'a,b\\n1,"x, y"\\n,\\n'
    """
    fields = schema["fields"]
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow([f["name"] for f in fields])
    columns = [df[f["name"]].tolist() for f in fields]
    for values in zip(*columns, strict=True):
        writer.writerow([format_value(v, f) for v, f in zip(values, fields, strict=True)])
    return buf.getvalue().encode("utf-8")


# --------------------------------------------------------------------------------------------
# package validation
# --------------------------------------------------------------------------------------------


def _is_ignored(rel: Path, root: Path | None = None) -> bool:
    if rel.parts[:1] == (SNAPSHOTS,):  # described by their own manifest (check_snapshots)
        return True
    name = rel.name
    if rel == Path(ACCEPTED_EDITS):
        return True
    # The lock, its owner file, a journal and temp files of an interrupted write: the next
    # writer completes or removes them (see tipanalysis.data.transaction).
    if root is not None and transaction.is_own_file(root / rel):
        return True
    return name in (DESCRIPTOR, "README.md") or name.upper().startswith("LICENSE")


def _safe_relative(path: Any) -> bool:
    if not isinstance(path, str) or not path:
        return False
    p = Path(path)
    return not p.is_absolute() and ".." not in p.parts and "\\" not in path


def validate_package(data_dir: Path | str | None = None) -> list[Problem]:
    """Check the whole data folder; return every problem (an empty list means valid).

    Checks that the descriptor is well formed (``resources`` with unique ``name``, a relative
    ``path`` that exists, ``hash`` and ``bytes``; a schema for CSV files), that no file in the
    folder is left undescribed (``README.md``, ``datapackage.json`` and ``LICENSE*`` files
    excepted), that sha256 and size match, and that every CSV passes :func:`check_table`.

    Examples
    --------
    >>> validate_package()   # doctest: +SKIP
    []
    """
    root = _data_dir(data_dir)
    if transaction.pending(root):  # a killed write: complete it (under the lock) first
        try:
            with transaction.locked(root):
                pass
        except OSError as exc:
            return [Problem(transaction.JOURNAL, None, None, None,
                            f"an interrupted write could not be completed: {exc}")]
    try:
        descriptor = read_descriptor(root)
    except DataValidationError as exc:
        return exc.problems
    problems: list[Problem] = []
    resources = descriptor.get("resources")
    if not isinstance(resources, list) or not resources:
        return [Problem(DESCRIPTOR, None, "resources", None, "no 'resources' list")]
    names: set[str] = set()
    described: set[Path] = set()
    for i, res in enumerate(resources):
        where = f"{DESCRIPTOR} resources[{i}]"
        if not isinstance(res, dict):
            problems.append(Problem(where, None, None, res, "resource must be a JSON object"))
            continue
        for key in ("name", "path", "hash", "bytes"):
            if key not in res:
                problems.append(Problem(where, None, key, None, f"resource has no {key!r}"))
        name = res.get("name")
        if name in names:
            problems.append(Problem(where, None, "name", name, "duplicate resource name"))
        names.add(name)
        if "path" not in res:
            continue
        if not _safe_relative(res["path"]):
            problems.append(Problem(where, None, "path", res["path"],
                                    "path must be a relative POSIX path inside the data folder"))
            continue
        rel = Path(res["path"])
        described.add(rel)
        path = root / rel
        if not path.is_file():
            problems.append(Problem(res["path"], None, None, None, "described file does not exist"))
            continue
        data = path.read_bytes()
        if "hash" in res:
            if not isinstance(res["hash"], str) or not _HASH_RE.match(res["hash"]):
                problems.append(Problem(where, None, "hash", res["hash"],
                                        "hash must be 'sha256:' followed by 64 hex digits"))
            elif res["hash"] != sha256_hash(data):
                problems.append(Problem(res["path"], None, None, sha256_hash(data),
                                        f"sha256 differs from the descriptor ({res['hash']})"))
        if "bytes" in res and res["bytes"] != len(data):
            problems.append(Problem(res["path"], None, None, len(data),
                                    f"size differs from the descriptor ({res['bytes']} bytes)"))
        if rel.suffix.lower() == ".csv" or res.get("format") == "csv":
            if "schema" not in res:
                problems.append(Problem(where, None, "schema", None, "CSV resource has no schema"))
                continue
            problems.extend(_check_file(data, res["schema"], res["path"]))
    for path in sorted(p for p in root.rglob("*") if p.is_file()):
        rel = path.relative_to(root)
        if rel not in described and not _is_ignored(rel, root):
            problems.append(Problem(rel.as_posix(), None, None, None,
                                    "file is not described in datapackage.json"))
    snapshots = root / SNAPSHOTS
    if (snapshots / SNAPSHOT_MANIFEST).exists() or any(
            p.is_file() and not transaction.is_own_file(p) for p in snapshots.rglob("*")):
        problems.extend(check_snapshots(snapshots))
    return problems


def check_snapshots(folder: Path | str) -> list[Problem]:
    """Check the raw input snapshots against their manifest; return every problem.

    Each file under ``folder`` must be listed in ``snapshots.json`` with its ``path``, ``hash``
    (``sha256:<hex>``), ``bytes``, ``sources`` and ``accessed``, and its bytes must match:
    snapshots are immutable, so any difference means the input was edited after it was taken.

    Examples
    --------
    >>> check_snapshots(paths.DATA_DIR / "snapshots")   # doctest: +SKIP
    []
    """
    folder = Path(folder)
    label = f"{SNAPSHOTS}/{SNAPSHOT_MANIFEST}"
    try:
        manifest = json.loads((folder / SNAPSHOT_MANIFEST).read_text(encoding="utf-8"))
    except FileNotFoundError:
        return [Problem(label, None, None, None, "snapshot manifest is missing")]
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError) as exc:
        return [Problem(label, None, None, None, f"snapshot manifest is not valid JSON: {exc}")]
    entries = manifest.get("snapshots") if isinstance(manifest, dict) else None
    if not isinstance(entries, list):
        return [Problem(label, None, "snapshots", None, "manifest has no 'snapshots' list")]
    problems: list[Problem] = []
    listed: set[str] = set()
    for i, entry in enumerate(entries):
        where = f"{label} snapshots[{i}]"
        if not isinstance(entry, dict):
            problems.append(Problem(where, None, None, entry, "entry must be a JSON object"))
            continue
        missing = [k for k in ("path", "hash", "bytes", "sources", "accessed") if k not in entry]
        if missing:
            problems.append(Problem(where, None, missing[0], None,
                                    f"entry has no {', '.join(map(repr, missing))}"))
            continue
        rel = entry["path"]
        if not _safe_relative(rel) or rel in listed:
            problems.append(Problem(where, None, "path", rel,
                                    "path must be a unique relative path inside snapshots/"))
            continue
        listed.add(rel)
        path = folder / rel
        if not path.is_file():
            problems.append(Problem(f"{SNAPSHOTS}/{rel}", None, None, None,
                                    "snapshot listed in the manifest does not exist"))
            continue
        data = path.read_bytes()
        if entry["hash"] != sha256_hash(data) or entry["bytes"] != len(data):
            problems.append(Problem(
                f"{SNAPSHOTS}/{rel}", None, None, sha256_hash(data),
                f"snapshot differs from its manifest entry ({entry['hash']}, {entry['bytes']} "
                "bytes): snapshots are immutable; add a new snapshot instead of editing one"))
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        rel = path.relative_to(folder).as_posix()
        if rel not in (SNAPSHOT_MANIFEST, DECISIONS) and rel not in listed \
                and not transaction.is_own_file(path):
            problems.append(Problem(f"{SNAPSHOTS}/{rel}", None, None, None,
                                    "file is not listed in snapshots/snapshots.json"))
    return problems


def _check_file(data: bytes, schema: Any, label: str) -> list[Problem]:
    try:
        text = decode_utf8(data, file=label)
    except DataValidationError as exc:
        return exc.problems
    raw, problems = parse_csv_text(text, file=label)
    if problems:
        return problems
    return check_table(raw, schema, file=label)


# --------------------------------------------------------------------------------------------
# verified reads
# --------------------------------------------------------------------------------------------


class DataIntegrityError(DataValidationError):
    """A data file's sha256 or size differs from ``datapackage.json`` (edited, truncated ...)."""


#: ``(path, mtime_ns, ctime_ns, size, inode) -> sha256`` of files already hashed by this process.
_DIGESTS: dict[tuple[str, int, int, int, int], str] = {}
_WARNED: set[tuple[str, str]] = set()


def file_sha256(path: Path | str) -> tuple[str, int]:
    """Return ``("sha256:<hex>", size)`` of a file, cached by (path, mtime, size, inode).

    A file rewritten in place gets a new mtime (or size, or inode after a rename), so the cache
    never answers for other bytes than those hashed.
    """
    path = Path(path)
    st = path.stat()
    key = (str(path.resolve()), st.st_mtime_ns, st.st_ctime_ns, st.st_size, st.st_ino)
    digest = _DIGESTS.get(key)
    if digest is None:
        h = hashlib.sha256()
        with open(path, "rb") as fh:
            for block in iter(lambda: fh.read(1 << 20), b""):
                h.update(block)
        digest = "sha256:" + h.hexdigest()
        if len(_DIGESTS) > 4096:
            _DIGESTS.clear()
        _DIGESTS[key] = digest
    return digest, st.st_size


def _resource_problem(root: Path, res: Mapping[str, Any]) -> Problem | None:
    rel = str(res.get("path", ""))
    path = root / rel
    if "hash" not in res and "bytes" not in res:
        return None
    try:
        if "hash" not in res:  # size only: no need to hash
            size = path.stat().st_size
            digest = None
        else:
            digest, size = file_sha256(path)
    except FileNotFoundError:
        return Problem(rel, None, None, None, "described file does not exist")
    except IsADirectoryError:
        return Problem(rel, None, None, None, "described file is a folder")
    if "bytes" in res and size != res["bytes"]:
        return Problem(rel, None, None, size,
                       f"size differs from {DESCRIPTOR} ({res['bytes']} bytes): the file was "
                       "changed without updating the descriptor")
    if digest is not None and digest != res["hash"]:
        return Problem(rel, None, None, digest,
                       f"sha256 differs from {DESCRIPTOR} ({res['hash']}): the file was "
                       "changed without updating the descriptor")
    return None


_EDIT_HINT = (f"if the edit is deliberate, record it with `tipanalysis data accept-edits "
              f"--reason \"...\"` (or set {ALLOW_EDITED_ENV}=1 to read it anyway, with a "
              "warning); otherwise restore the file (e.g. `git checkout data/`)")


def verify_resource(data_dir: Path | str | None, res: Mapping[str, Any]) -> None:
    """Check one described file's sha256 and size against the descriptor before it is read.

    Raises
    ------
    DataIntegrityError
        Naming the file, unless ``TIPANALYSIS_ALLOW_EDITED_DATA=1``, in which case a warning
        naming the file is issued (once per file version) and the read goes on.
    """
    root = _data_dir(data_dir)
    if transaction.pending(root):  # a killed write: complete it before reading
        with transaction.locked(root):
            pass
    problem = _resource_problem(root, res)
    if problem is None:
        return
    if os.environ.get(ALLOW_EDITED_ENV) == "1":
        key = (str(root / str(res.get("path"))), str(problem.value))
        if key not in _WARNED:
            _WARNED.add(key)
            message = (f"reading an edited data file ({ALLOW_EDITED_ENV}=1): {problem}")
            logging.getLogger("tipanalysis.data").warning(message)
            warnings.warn(message, stacklevel=3)
        return
    raise DataIntegrityError([Problem(problem.file, None, None, problem.value,
                                      f"{problem.message}; {_EDIT_HINT}")])


def verify_package(data_dir: Path | str | None = None,
                   descriptor: Mapping[str, Any] | None = None) -> list[Problem]:
    """Every described file whose sha256 or size differs from the descriptor (empty = all match).

    Writers call it before changing a folder: a folder with edited files is refused, so no
    command re-hashes a file it did not write.
    """
    root = _data_dir(data_dir)
    if descriptor is None:
        descriptor = read_descriptor(root)
    problems = []
    for res in descriptor.get("resources") or []:
        if isinstance(res, dict) and _safe_relative(res.get("path")):
            problem = _resource_problem(root, res)
            if problem is not None:
                problems.append(problem)
    return problems


def accept_edits(reason: str, data_dir: Path | str | None = None, *,
                 who: str | None = None) -> list[str]:
    """Record deliberate edits: update the descriptor's sha256/size of every edited file.

    The edited tables must still pass their schema. One line is appended to
    ``accepted_edits.jsonl`` in the data folder (when, who, why, the command, and each file's
    old and new sha256 and size), in the same all-or-nothing write as the descriptor.

    Returns
    -------
    list of str
        The paths whose hashes were updated (empty: nothing was edited, nothing written).
    """
    import getpass

    if not isinstance(reason, str) or not reason.strip():
        raise ValueError("accept-edits needs a reason (--reason \"why the data were edited\")")
    root = _data_dir(data_dir)
    with transaction.locked(root):
        descriptor = read_descriptor(root)
        edited = verify_package(root, descriptor)
        if not edited:
            return []
        problems: list[Problem] = []
        changes = []
        new = copy.deepcopy(descriptor)
        for problem in edited:
            res = resource(new, problem.file)
            path = root / res["path"]
            if not path.is_file():
                problems.append(problem)
                continue
            data = path.read_bytes()
            if res.get("schema") is not None:
                problems.extend(_check_file(data, res["schema"], res["path"]))
            changes.append({"path": res["path"], "old_hash": res.get("hash"),
                            "old_bytes": res.get("bytes"), "hash": sha256_hash(data),
                            "bytes": len(data)})
            res["hash"], res["bytes"] = sha256_hash(data), len(data)
        if problems:
            raise DataValidationError(problems)
        try:
            user = who or getpass.getuser()
        except (OSError, KeyError):
            user = "unknown"
        entry = {"when": dt.datetime.now(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ"), "who": user,
                 "reason": reason.strip(), "command": transaction.command_line(),
                 "files": changes}
        log = root / ACCEPTED_EDITS
        old_log = log.read_bytes() if log.is_file() else b""
        line = json.dumps(entry, ensure_ascii=False, sort_keys=True).encode("utf-8") + b"\n"
        transaction.commit(root, {DESCRIPTOR: dump_descriptor(new).encode("utf-8"),
                                  ACCEPTED_EDITS: old_log + line})
        return [c["path"] for c in changes]


# --------------------------------------------------------------------------------------------
# atomic writes
# --------------------------------------------------------------------------------------------


def _mode_for(path: Path) -> int:
    try:
        return path.stat().st_mode & 0o777
    except FileNotFoundError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def _write_temp(path: Path, data: bytes) -> Path:
    """Write ``data`` to a new temp file next to ``path``; return the temp path.

    The name, ``.<name>.tipanalysis-<hex>.tmp``, is the one :mod:`.transaction` recognises as
    its own: a temp file left by a killed process is removed by the next writer.
    """
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.tipanalysis-",
                               suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, _mode_for(path))  # mkstemp makes 0600; keep the file's usual mode
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    return Path(tmp)


def atomic_write_bytes(path: Path | str, data: bytes) -> None:
    """Write ``data`` to ``path`` atomically (temp file in the same folder, then ``os.replace``).

    Examples
    --------
    >>> import tempfile, pathlib
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "x.txt"
    >>> atomic_write_bytes(p, b"hello"); p.read_bytes()
    b'hello'
    """
    atomic_write_many({Path(path): data})


def atomic_write_text(path: Path | str, text: str) -> None:
    """Write UTF-8 ``text`` to ``path`` atomically; no newline translation."""
    atomic_write_bytes(path, text.encode("utf-8"))


def atomic_write_many(mapping: Mapping[Path | str, bytes]) -> None:
    """Write several files all-or-nothing as far as the file system allows.

    Every temp file is written (and fsynced) first; only when all are ready is each one moved
    into place with ``os.replace``. If preparing any file fails, every temp file is removed and
    no target is touched.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> d = pathlib.Path(tempfile.mkdtemp())
    >>> atomic_write_many({d / "a.csv": b"a\\n", d / "b.csv": b"b\\n"})
    >>> sorted(p.name for p in d.iterdir())
    ['a.csv', 'b.csv']
    """
    prepared: list[tuple[Path, Path]] = []
    try:
        for target, data in mapping.items():
            target = Path(target)
            prepared.append((_write_temp(target, bytes(data)), target))
    except BaseException:
        for tmp, _ in prepared:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
        raise
    try:
        for tmp, target in prepared:
            os.replace(tmp, target)
    finally:
        for tmp, _ in prepared:  # only left over if a replace failed
            with contextlib.suppress(OSError):
                os.unlink(tmp)


#: Former name, kept for existing callers (three unrelated functions were all called so).
parse_value = parse_field_value


def __dir__() -> list[str]:
    # Tab completion shows the public API only, not pd, np or helpers.
    return list(__all__)
