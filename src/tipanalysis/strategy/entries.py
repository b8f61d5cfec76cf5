"""Reported observations: parse, validate and merge entries; the fill-in workbook's sheets.
"""

from __future__ import annotations

import contextlib
import csv
import io
import math
import re
from pathlib import Path

import pandas as pd

from tipanalysis.core import paths
from tipanalysis.core.errors import DataValidationError, Problem
from tipanalysis.core.tierscale import TIER_SCORE, UnknownTierError, parse_tier
from tipanalysis.data.ingest import register_replayer
from tipanalysis.data.readers import MAX_COUNT
from tipanalysis.data.strategy_files import (
    OBS_COLUMNS,
    load_observations,
    read_entry_bytes,
    read_entry_file,
    store_observations,
    write_entry_workbook,
)
from tipanalysis.data.transaction import locked
from tipanalysis.strategy.framework import (
    _ARABIC_DIGITS,
    _NUMBER_RE,
    _PERIOD_RE,
    _THOUSANDS_RE,
    FIRST_YEAR,
    LAST_YEAR,
    Framework,
    load_framework,
    reportable,
)

__all__ = [
    "empty_observations",
    "format_observations",
    "import_observations",
    "merge_observations",
    "parse_reported_value",
    "template_tables",
    "validate_entries",
    "write_template",
]

# --------------------------------------------------------------------------------------------
# observations: reading, validating, storing
# --------------------------------------------------------------------------------------------

#: Units that count things: whole numbers, at most :data:`~tipanalysis.data.readers.MAX_COUNT`.
COUNT_UNITS = frozenset({"persons", "cases", "places", "inspections", "entities", "agreements",
                         "activities", "reports"})
_HTTP_URL = re.compile(r"^https?://[A-Za-z0-9.-]+\.[A-Za-z]{2,}(:[0-9]+)?(/\S*)?$")


def empty_observations() -> pd.DataFrame:
    """Return an observations table with no rows and the stored column types.

    Examples
    --------
    >>> empty_observations()["value"].dtype
    dtype('float64')
    """
    df = pd.DataFrame({c: pd.Series(dtype="str") for c in OBS_COLUMNS})
    df["value"] = df["value"].astype("float64")
    return df


def _cell_text(value: object) -> str:
    """Cell as text; whole floats from spreadsheets lose their '.0' (2025.0 -> '2025')."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def parse_reported_value(raw: object, unit: str) -> float:
    """Turn a reported cell into a number; raise ValueError with the reason.

    Accepts numbers, numeric text (Arabic-Indic digits, thousands separators ``1,234``), and for
    ``unit == "tier"`` a tier label such as ``"Tier 2 Watch List"`` (-> 2.5).

    Examples
    --------
    >>> parse_reported_value("١٢٣", "persons"), parse_reported_value("1,250", "persons")
    (123.0, 1250.0)
    >>> parse_reported_value("Tier 2 Watch List", "tier")
    2.5
    """
    if isinstance(raw, bool):
        raise ValueError("not a number")
    if isinstance(raw, (int, float)):
        value = float(raw)
    else:
        text = _cell_text(raw).translate(_ARABIC_DIGITS).replace(" ", "")
        if text == "":
            raise ValueError("value is empty; leave the row out if the figure is not known")
        if _THOUSANDS_RE.match(text):
            text = text.replace(",", "").replace("٬", "")
        if _NUMBER_RE.match(text):
            value = float(text)
        elif unit == "tier":
            try:
                label = parse_tier(_cell_text(raw))
            except UnknownTierError as exc:
                raise ValueError(str(exc)) from exc
            if label not in TIER_SCORE:
                raise ValueError("a Special Case has no tier value") from None
            value = TIER_SCORE[label]
        else:
            raise ValueError("not a number")
    if not math.isfinite(value):
        raise ValueError("not a finite number")
    if value < 0:
        raise ValueError("counts and shares cannot be negative")
    if unit == "percent" and value > 100:
        raise ValueError("a percentage cannot exceed 100")
    if unit == "probability" and value > 1:
        raise ValueError("a probability cannot exceed 1")
    if unit == "tier" and value not in TIER_SCORE.values():
        raise ValueError("a tier is 1, 2, 2.5 (Tier 2 Watch List) or 3")
    if unit in COUNT_UNITS and not value.is_integer():
        raise ValueError(f"a count of {unit} must be a whole number")
    if unit in COUNT_UNITS and value > MAX_COUNT:
        raise ValueError(f"implausibly large count of {unit} (above {MAX_COUNT:,}); check the "
                         "figure")
    if value > 1e15:
        raise ValueError("implausibly large number")
    return value


#: Former name, kept for existing callers (three unrelated functions were all called so).
parse_value = parse_reported_value


def validate_entries(
    raw: pd.DataFrame,
    indicators: pd.DataFrame,
    units: pd.DataFrame,
    *,
    file: str,
    rows: list[int] | None = None,
) -> pd.DataFrame:
    """Check reported rows against the catalogue; return them clean or raise with every problem.

    Checks: known, reportable indicator id; period format and within 2025-2028; numeric value
    in range for the unit; unit (if given) equal to the indicator's unit in English or Arabic;
    a named source; no indicator-period twice in the file.

    Parameters
    ----------
    raw : pandas.DataFrame
        Rows as read (see :func:`read_entry_file`).
    indicators, units : pandas.DataFrame
        From :class:`Framework`.
    file : str
        File name used in problem reports.
    rows : list of int, optional
        Row number of each input row as a person sees it; default header = 1, data from 2.

    Returns
    -------
    pandas.DataFrame
        Columns :data:`OBS_COLUMNS`; ``unit`` filled from the catalogue.

    Examples
    --------
    >>> fw = load_framework()
    >>> raw = pd.DataFrame({"indicator_id": ["A3.3"], "period": ["2025"], "value": ["40"],
    ...                     "source": ["illustrative"]})
    >>> validate_entries(raw, fw.indicators, fw.units, file="x.csv")["value"].tolist()
    [40.0]
    """
    rows = rows if rows is not None else list(range(2, len(raw) + 2))
    by_id = indicators.set_index("id")
    unit_names = {u.id: {u.id.casefold(), str(u.name_en).casefold(), str(u.name_ar).casefold()}
                  for u in units.itertuples()}
    problems: list[Problem] = []
    out, seen = [], {}
    for rownum, rec in zip(rows, raw.to_dict("records"), strict=True):
        text = {c: _cell_text(rec.get(c)) for c in OBS_COLUMNS}
        ind_id = text["indicator_id"]
        ok = True
        if ind_id not in by_id.index:
            problems.append(Problem(file, rownum, "indicator_id", rec.get("indicator_id"),
                                    "unknown indicator id (see the 'indicators' sheet)"))
            ok = False
        elif isinstance(by_id.at[ind_id, "computed"], str):
            problems.append(Problem(file, rownum, "indicator_id", ind_id,
                                    "this indicator is computed by the workspace, not reported"))
            ok = False
        period = text["period"].upper()
        try:
            if not _PERIOD_RE.match(period):
                raise ValueError(f"unknown period {rec.get('period')!r}; write a calendar year "
                                 "('2025'), half ('2025-H1') or quarter ('2025-Q2')")
            if not FIRST_YEAR <= int(period[:4]) <= LAST_YEAR:
                raise ValueError(f"period outside the strategy ({FIRST_YEAR}-{LAST_YEAR})")
            if ind_id in by_id.index and by_id.at[ind_id, "unit"] == "tier" and len(period) != 4:
                raise ValueError("a TIP tier is given per report year, e.g. '2026'")
        except ValueError as exc:
            problems.append(Problem(file, rownum, "period", rec.get("period"), str(exc)))
            ok = False
        unit = by_id.at[ind_id, "unit"] if ind_id in by_id.index else ""
        if ind_id in by_id.index and text["unit"] and text["unit"].casefold() not in \
                unit_names.get(unit, set()):
            problems.append(Problem(file, rownum, "unit", rec.get("unit"),
                                    f"indicator {ind_id} is measured in {unit!r}"))
            ok = False
        try:
            value = parse_reported_value(rec.get("value"), unit)
        except ValueError as exc:
            problems.append(Problem(file, rownum, "value", rec.get("value"), str(exc)))
            ok = False
        if text["source_url"] and not _HTTP_URL.match(text["source_url"]):
            problems.append(Problem(file, rownum, "source_url", rec.get("source_url"),
                                    "source_url must be an http(s) address such as "
                                    "https://www.moi.gov.kw/..."))
            ok = False
        if not text["source"]:
            problems.append(Problem(file, rownum, "source", None,
                                    "name the source of the figure (body and document)"))
            ok = False
        key = (ind_id, period)
        if key in seen:
            problems.append(Problem(file, rownum, "period", period,
                                    f"{ind_id} {period} already given in row {seen[key]}"))
            ok = False
        else:
            seen[key] = rownum
        if ok:
            out.append({**text, "indicator_id": ind_id, "period": period, "unit": unit,
                        "value": value})
    if problems:
        raise DataValidationError(problems)
    df = pd.DataFrame(out, columns=list(OBS_COLUMNS)) if out else empty_observations()
    for col in OBS_COLUMNS:
        if col != "value":
            df[col] = df[col].astype("str").replace("", float("nan"))
    df["value"] = df["value"].astype("float64")
    return df


def merge_observations(
    stored: pd.DataFrame, new: pd.DataFrame, *, replace: bool = False, file: str = "input",
    rows: list[int] | None = None,
) -> tuple[pd.DataFrame, dict[str, int]]:
    """Combine stored and new observations (key: indicator_id, period).

    A new row equal to the stored one is ``unchanged``; a different one is an error unless
    ``replace`` is true. ``rows`` gives the input row numbers used in problem reports.

    Returns
    -------
    (pandas.DataFrame, dict)
        The merged table sorted by key, and counts ``added``, ``replaced``, ``unchanged``.

    Raises
    ------
    DataValidationError
        Listing every conflicting row when ``replace`` is false.

    Examples
    --------
    >>> old = pd.DataFrame({c: ["x"] for c in OBS_COLUMNS}).assign(value=[1.0])
    >>> new = old.assign(value=[2.0])
    >>> merge_observations(old, new, replace=True)[1]
    {'added': 0, 'replaced': 1, 'unchanged': 0}
    """
    key = ["indicator_id", "period"]
    old = stored.set_index(key)
    counts = {"added": 0, "replaced": 0, "unchanged": 0}
    problems = []
    keep = []
    rows = rows if rows is not None else list(range(2, len(new) + 2))
    for rownum, rec in zip(rows, new.to_dict("records"), strict=True):
        k = (rec["indicator_id"], rec["period"])
        if k not in old.index:
            counts["added"] += 1
            keep.append(rec)
            continue
        prev = old.loc[k]
        same = all(
            (pd.isna(prev[c]) and pd.isna(rec[c])) or prev[c] == rec[c]
            for c in OBS_COLUMNS if c not in key
        )
        if same:
            counts["unchanged"] += 1
        elif replace:
            counts["replaced"] += 1
            keep.append(rec)
        else:
            problems.append(Problem(file, rownum, "value", rec["value"],
                                    f"{k[0]} {k[1]} is already stored with value {prev['value']}"
                                    " from " + str(prev["source"]) + "; use --replace to"
                                    " overwrite"))
    if problems:
        raise DataValidationError(problems)
    new_keys = {(r["indicator_id"], r["period"]) for r in keep}
    rest = stored[[(a, b) not in new_keys
                   for a, b in zip(stored["indicator_id"], stored["period"], strict=True)]]
    parts = [p for p in (rest, pd.DataFrame(keep, columns=list(OBS_COLUMNS))) if len(p)]
    merged = pd.concat(parts, ignore_index=True) if parts else empty_observations()
    merged = merged.sort_values(key, kind="stable").reset_index(drop=True)
    return merged, counts


def format_observations(df: pd.DataFrame) -> bytes:
    """Serialise observations as UTF-8 CSV (whole numbers without '.0', empty = missing).

    Examples
    --------
    >>> df = pd.DataFrame({c: ["x"] for c in OBS_COLUMNS}).assign(value=[182.0])
    >>> format_observations(df).decode().splitlines()[1]
    'x,x,182,x,x,x,x,x'
    """
    def fmt(v: object) -> str:
        if isinstance(v, float):
            if math.isnan(v):
                return ""
            return str(int(v)) if v.is_integer() else repr(v)
        return "" if v is None or (isinstance(v, float) and math.isnan(v)) else str(v)

    buf = io.StringIO(newline="")
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(OBS_COLUMNS)
    for rec in df[list(OBS_COLUMNS)].to_dict("records"):
        writer.writerow([fmt(rec[c]) for c in OBS_COLUMNS])
    return buf.getvalue().encode("utf-8")


def import_observations(file: Path | str, *, replace: bool = False,
                        data_dir: Path | str | None = None) -> str:
    """Validate a completed workbook or CSV and store its rows; return a summary line.

    Everything is checked before anything is written. ``observations.csv`` is written
    atomically; if ``datapackage.json`` describes it, its hash and size are updated in the same
    all-or-nothing write.

    Raises
    ------
    DataValidationError
        With every problem (unknown ids, units, periods outside 2025-2028, duplicates,
        non-numeric values, missing sources, conflicts with stored rows); nothing is written.

    Examples
    --------
    Into a scratch copy of the data folder (the figure is illustrative):

    >>> import shutil, tempfile
    >>> tmp = Path(tempfile.mkdtemp())
    >>> _ = shutil.copytree(paths.data_dir() / "strategy", tmp / "strategy")
    >>> _ = (tmp / "in.csv").write_text("indicator_id,period,value,source\\n"
    ...                                 "A8.1,2025,3,illustrative\\n", encoding="utf-8")
    >>> import_observations(tmp / "in.csv", data_dir=tmp).split(";")[0]
    'in.csv: 1 added, 0 replaced, 0 unchanged'
    """
    root = paths.resolve_data_dir(data_dir)
    return _import_observations(Path(file), replace=replace, root=root, record=True)


def _import_observations(file: Path, *, replace: bool, root: Path, record: bool) -> str:
    """:func:`import_observations`; ``record`` False = a replay of a kept snapshot
    (:func:`tipanalysis.data.ingest.replay_ingests`): no new snapshot or decision."""
    # Read, merge and write under the data folder's lock: a concurrent import waits, then
    # merges into what this one stored (no lost update).
    with locked(root):
        data = read_entry_bytes(file) if record else None
        fw = load_framework(root)
        raw, rows = read_entry_file(file)
        new = validate_entries(raw, fw.indicators, fw.units, file=file.name, rows=rows)
        stored = load_observations(root, missing_ok=True)
        if stored is None:
            stored = empty_observations()
        merged, counts = merge_observations(stored, new, replace=replace,
                                            file=file.name, rows=rows)
        replaced = ([f"{counts['replaced']} observation(s) replaced by {file.name}"]
                    if counts["replaced"] else [])
        snapshot = None
        if data is not None:  # kept byte for byte, with the source URLs of its rows
            urls = sorted({str(u) for u in new["source_url"] if isinstance(u, str) and u})
            snapshot = (file, data, urls)
        target = store_observations(format_observations(merged), root, snapshot=snapshot,
                                    replaced=replaced)
    return (f"{file.name}: {counts['added']} added, {counts['replaced']} replaced, "
            f"{counts['unchanged']} unchanged; {len(merged)} observation(s) stored in {target}")


def _replay_import(file: Path, *, replace: bool, root: Path) -> str:
    """Replay a kept ``strategy import`` snapshot (see :func:`replay_ingests
    <tipanalysis.data.ingest.replay_ingests>`)."""
    return _import_observations(file, replace=replace, root=root, record=False)


register_replayer("strategy-import", _replay_import)


# --------------------------------------------------------------------------------------------
# fill-in workbook
# --------------------------------------------------------------------------------------------

_README_LINES = (
    ("Kuwait National Strategy 2025-2028: data entry workbook",
     "الاستراتيجية الوطنية 2025-2028: نموذج إدخال البيانات"),
    ("Fill one row per indicator and period in the 'observations' sheet.",
     "أدخل صفاً واحداً لكل مؤشر وفترة في ورقة observations."),
    ("indicator_id: an id from the 'indicators' sheet.", "indicator_id: رمز من ورقة indicators."),
    ("period: 2025, 2025-H1 or 2025-Q2 (calendar year, half or quarter; 2025-2028).",
     "period: 2025 أو 2025-H1 أو 2025-Q2 (سنة أو نصف سنة أو ربع سنة، 2025-2028)."),
    ("value: a number; count each person or case once; leave the row out if unknown (never 0).",
     "value: رقم؛ يحسب كل شخص أو قضية مرة واحدة؛ اترك الصف فارغاً إذا لم يكن الرقم معروفاً."),
    ("source: the body and document the figure comes from (required); source_url if public.",
     "source: الجهة والوثيقة مصدر الرقم (إلزامي)؛ source_url إن كان منشوراً."),
    ("Import with: tipanalysis strategy import FILE.xlsx",
     "الاستيراد: tipanalysis strategy import FILE.xlsx"),
)
_INDICATOR_SHEET_COLUMNS = (
    "indicator_id", "aim_id", "strand", "name_en", "name_ar", "unit", "unit_ar", "direction",
    "frequency", "definition", "data_source", "baseline_period", "baseline_value", "status",
)


def template_tables(fw: Framework) -> dict[str, pd.DataFrame]:
    """Return the sheets of the fill-in workbook as DataFrames (``indicators``, ``observations``).

    Only reportable indicators are listed; computed ones are filled by the workspace.

    Examples
    --------
    >>> sheets = template_tables(load_framework())
    >>> list(sheets["observations"].columns) == list(OBS_COLUMNS)
    True
    """
    ind = reportable(fw.indicators).rename(columns={"id": "indicator_id", "aim": "aim_id"})
    return {
        "indicators": ind[list(_INDICATOR_SHEET_COLUMNS)].reset_index(drop=True),
        "observations": pd.DataFrame(columns=list(OBS_COLUMNS)),
    }


def write_template(out: Path | str, data_dir: Path | str | None = None) -> Path:
    """Write the fill-in workbook for ministries to ``out`` (atomically); return its path.

    Sheets: ``README`` (instructions in English and Arabic), ``indicators`` (ids, names in both
    languages, units, baselines) and ``observations`` (header row, with a drop-down of ids).

    Examples
    --------
    >>> import tempfile
    >>> p = write_template(Path(tempfile.mkdtemp()) / "t.xlsx")
    >>> p.name
    't.xlsx'
    """
    out = Path(out)
    folders = [paths.resolve_data_dir(data_dir)]
    with contextlib.suppress(FileNotFoundError):  # no default data folder: nothing to protect
        folders.append(paths.resolve_data_dir(None))
    target = out.resolve()
    for folder in folders:
        if target.is_relative_to(folder.resolve()):
            raise ValueError(f"{out} is inside the data folder {folder}; write the template "
                             "somewhere else (the data folder holds only described data)")
    if out.suffix.lower() != ".xlsx":
        raise ValueError(f"{out}: the template is an .xlsx workbook; give a file name ending "
                         "in .xlsx")
    sheets = template_tables(load_framework(data_dir))
    return write_entry_workbook(out, sheets["indicators"], _README_LINES)


def __dir__() -> list[str]:
    # Tab completion shows the public API only, not pd, np or helpers.
    return list(__all__)
