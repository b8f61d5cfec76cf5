"""Monitor of Kuwait's National Strategy 2025-2028: framework, data entry, progress and review.

The strategy (launched 20 April 2025) names four strands and nine aims but publishes no
indicators, baselines or targets. ``data/strategy/framework.json`` holds the strategy as
published plus an indicator catalogue *proposed* by this workspace; every element says which.
Ministries report figures in a workbook (:func:`write_template`), which
:func:`import_observations` validates and stores in ``data/strategy/observations.csv``.

Progress and status (:func:`review`)
------------------------------------
For an indicator with a baseline (period ``b``, value ``B``) and a target (period ``t``, value
``T``), the straight path expects ``B + (T - B) * elapsed`` at the end of the observed period,
where ``elapsed`` is the share of months from the end of ``b`` to the end of ``t`` that have
passed (clipped to 0-1). ``progress = (value - B) / (T - B)`` is the share of the whole distance
covered; ``path_ratio = progress / elapsed`` is the share of the expected distance covered:

* ``on-track``  path_ratio >= 0.9
* ``at-risk``   0.6 <= path_ratio < 0.9
* ``off-track`` path_ratio < 0.6
* a target equal to the baseline ("hold the level") is on-track when the value is no worse than
  the baseline, off-track otherwise.

Without an observation the status is ``no-data``; with a value but no official target it is
``no target set`` (none is published, so this is what the shipped framework shows); with a
target but no dated baseline it is ``no baseline``. The thresholds are :data:`THRESHOLDS` and
can be passed explicitly.

Roll-up (:func:`rollup`): an indicator's score is its path_ratio clipped to 0-1; a strand's
score is the weighted mean over its scored indicators (weights equal by default); the overall
score is the weighted mean of the strand scores (equal by default). Indicators without a score
are excluded from the mean and counted in ``n_no_data`` / ``n_no_target``.

Periods are calendar periods within 2025-2028: ``2025`` (year), ``2025-H1`` (half),
``2025-Q2`` (quarter). For the TIP tier, the period is the report year.
"""

from __future__ import annotations

import csv
import io
import json
import math
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd

from tipanalysis import paths
from tipanalysis.errors import DataValidationError, Problem
from tipanalysis.i18n import t

FRAMEWORK_FILE = "strategy/framework.json"
OBSERVATIONS_FILE = "strategy/observations.csv"
#: Columns of ``observations.csv`` (primary key: indicator_id, period).
OBS_COLUMNS: tuple[str, ...] = (
    "indicator_id", "period", "value", "unit", "source", "source_url", "reported_by", "note",
)
#: Columns a completed workbook or CSV must have; the others in OBS_COLUMNS are optional.
REQUIRED_COLUMNS: tuple[str, ...] = ("indicator_id", "period", "value", "source")
#: First and last calendar year of the strategy; observation periods must fall inside.
FIRST_YEAR, LAST_YEAR = 2025, 2028
#: Minimum path_ratio for "on-track" and for "at-risk" (below: "off-track").
THRESHOLDS: Mapping[str, float] = {"on_track": 0.9, "at_risk": 0.6}
#: Every status :func:`review` can give, best first.
STATUSES: tuple[str, ...] = (
    "on-track", "at-risk", "off-track", "no target set", "no baseline", "no-data",
)
STRANDS_ORDER: tuple[str, ...] = ("prevention", "protection", "accountability", "coordination")
ELEMENT_STATUS = ("published", "proposed")
DIRECTIONS = ("higher", "lower")
COMPUTED_KINDS = ("share_public", "share_sourced", "forecast")
UNASSIGNED = "unassigned"

_PERIOD_RE = re.compile(r"^(\d{4})(?:-(H[12]|Q[1-4]))?$")
_INTERVAL_RE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})/(\d{4})-(\d{2})-(\d{2})$")
_ARABIC_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩٫", "0123456789.")
_NUMBER_RE = re.compile(r"^[+-]?(\d+(\.\d*)?|\.\d+)$")
_THOUSANDS_RE = re.compile(r"^[+-]?\d{1,3}([,٬]\d{3})+(\.\d+)?$")


# --------------------------------------------------------------------------------------------
# periods
# --------------------------------------------------------------------------------------------


def parse_period(label: object) -> tuple[pd.Period, pd.Period]:
    """Return the first and last month of a period label.

    Parameters
    ----------
    label : str or int
        ``"2025"`` (calendar year), ``"2025-H1"`` / ``"2025-H2"`` (half year), ``"2025-Q1"`` ...
        ``"2025-Q4"`` (quarter), or an ISO interval ``"2023-04-01/2023-12-31"`` (used by
        cited baselines, which keep the period their source states).

    Returns
    -------
    (pandas.Period, pandas.Period)
        Monthly periods of the first and last month covered.

    Raises
    ------
    ValueError
        If the label is not one of these forms.

    Examples
    --------
    >>> start, end = parse_period("2025-Q2")
    >>> str(start), str(end)
    ('2025-04', '2025-06')
    >>> [str(m) for m in parse_period("2023-04-01/2023-12-31")]
    ['2023-04', '2023-12']
    """
    text = str(label).strip().upper() if label is not None else ""
    match = _PERIOD_RE.match(text)
    if match:
        year, part = int(match.group(1)), match.group(2)
        first, last = {None: (1, 12), "H1": (1, 6), "H2": (7, 12)}.get(part, (0, 0))
        if part and part.startswith("Q"):
            q = int(part[1])
            first, last = 3 * q - 2, 3 * q
        return pd.Period(year=year, month=first, freq="M"), pd.Period(year=year, month=last,
                                                                       freq="M")
    match = _INTERVAL_RE.match(text)
    if match:
        start = pd.Timestamp(f"{match.group(1)}-{match.group(2)}-{match.group(3)}")
        end = pd.Timestamp(f"{match.group(4)}-{match.group(5)}-{match.group(6)}")
        if end < start:
            raise ValueError(f"period {label!r} ends before it starts")
        return start.to_period("M"), end.to_period("M")
    raise ValueError(
        f"unknown period {label!r}; write a calendar year ('2025'), half ('2025-H1') or "
        "quarter ('2025-Q2')"
    )


def _months(period: pd.Period) -> int:
    return period.year * 12 + period.month


def period_months(label: str) -> int:
    """Return how many months a period label covers.

    Examples
    --------
    >>> period_months("2025"), period_months("2025-H2"), period_months("2023-04-01/2023-12-31")
    (12, 6, 9)
    """
    first, last = parse_period(label)
    return _months(last) - _months(first) + 1


# --------------------------------------------------------------------------------------------
# framework
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Framework:
    """The parsed framework: strategy facts plus one table per element.

    Attributes
    ----------
    strategy : dict
        Title, dates, owner, statements (with their status and source URLs).
    strands, aims, indicators, units : pandas.DataFrame
        One row per element; ``indicators`` has flat ``baseline_*`` and ``target_*`` columns
        and the ``strand`` of its aim.
    """

    strategy: dict
    strands: pd.DataFrame
    aims: pd.DataFrame
    indicators: pd.DataFrame
    units: pd.DataFrame


def _require(obj: Mapping[str, Any], keys: tuple[str, ...], where: str, file: str,
             problems: list[Problem]) -> bool:
    ok = True
    for key in keys:
        if obj.get(key) in (None, ""):
            problems.append(Problem(file, None, f"{where}.{key}", obj.get(key),
                                    "required field is missing or empty"))
            ok = False
    return ok


def _check_dated_value(obj: Any, where: str, file: str, problems: list[Problem]) -> None:
    """Baselines and targets: a value needs a cited source; a period must parse."""
    if obj is None:
        return
    if not isinstance(obj, dict):
        problems.append(Problem(file, None, where, obj, "must be an object or null"))
        return
    value = obj.get("value")
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
        problems.append(Problem(file, None, f"{where}.value", value, "must be a number"))
    if not obj.get("source_url"):
        problems.append(Problem(file, None, f"{where}.source_url", None,
                                "a baseline or target needs a cited source"))
    if obj.get("period") is not None:
        try:
            parse_period(obj["period"])
        except ValueError as exc:
            problems.append(Problem(file, None, f"{where}.period", obj["period"], str(exc)))


def parse_framework(raw: Mapping[str, Any], *, file: str = FRAMEWORK_FILE) -> Framework:
    """Check the parsed framework JSON and return it as tables.

    Parameters
    ----------
    raw : dict
        The JSON document (see ``data/strategy/README.md`` for the fields).
    file : str
        Name used in problem reports.

    Returns
    -------
    Framework

    Raises
    ------
    DataValidationError
        Listing every problem: missing fields, unknown references (aim -> strand, indicator ->
        aim, unit), duplicate ids, aims without 1-3 indicators, baselines or targets without a
        source, targets set in the wrong direction, unknown status values.

    Examples
    --------
    >>> fw = parse_framework(json.loads(Path(paths.data_dir(), FRAMEWORK_FILE).read_text()))
    >>> len(fw.strands), len(fw.aims)
    (4, 9)
    """
    problems: list[Problem] = []
    if not isinstance(raw, Mapping):
        raise DataValidationError([Problem(file, None, None, None, "must be a JSON object")])
    for key in ("strategy", "strands", "aims", "indicators", "units"):
        if key not in raw:
            problems.append(Problem(file, None, key, None, "required section is missing"))
    if problems:
        raise DataValidationError(problems)

    def ids(section: str) -> list[str]:
        seen: list[str] = []
        for i, item in enumerate(raw[section]):
            if not isinstance(item, dict):
                problems.append(Problem(file, None, f"{section}[{i}]", item, "must be an object"))
                continue
            if item.get("id") in seen:
                problems.append(Problem(file, None, f"{section}[{i}].id", item.get("id"),
                                        "duplicate id"))
            seen.append(item.get("id"))
        return seen

    strand_ids, aim_ids, unit_ids = ids("strands"), ids("aims"), ids("units")
    ids("indicators")
    for i, s in enumerate(raw["strands"]):
        where = f"strands[{i}]"
        _require(s, ("id", "name_en", "name_ar", "status"), where, file, problems)
        if s.get("status") not in ELEMENT_STATUS:
            problems.append(Problem(file, None, f"{where}.status", s.get("status"),
                                    f"status must be one of {ELEMENT_STATUS}"))
    for i, a in enumerate(raw["aims"]):
        where = f"aims[{i}]"
        _require(a, ("id", "name_ar", "name_en", "status", "strand", "source_url"), where, file,
                 problems)
        if a.get("strand") not in strand_ids:
            problems.append(Problem(file, None, f"{where}.strand", a.get("strand"),
                                    "unknown strand"))
        for key in ("status", "strand_status"):
            if a.get(key) not in ELEMENT_STATUS:
                problems.append(Problem(file, None, f"{where}.{key}", a.get(key),
                                        f"must be one of {ELEMENT_STATUS}"))
    per_aim = dict.fromkeys(aim_ids, 0)
    for i, ind in enumerate(raw["indicators"]):
        where = f"indicators[{i}]"
        _require(ind, ("id", "aim", "status", "name_en", "name_ar", "definition", "unit",
                       "direction", "data_source", "frequency"), where, file, problems)
        if ind.get("aim") in per_aim:
            per_aim[ind["aim"]] += 1
        else:
            problems.append(Problem(file, None, f"{where}.aim", ind.get("aim"), "unknown aim"))
        if ind.get("unit") not in unit_ids:
            problems.append(Problem(file, None, f"{where}.unit", ind.get("unit"), "unknown unit"))
        if ind.get("direction") not in DIRECTIONS:
            problems.append(Problem(file, None, f"{where}.direction", ind.get("direction"),
                                    f"must be one of {DIRECTIONS}"))
        if ind.get("status") not in ELEMENT_STATUS:
            problems.append(Problem(file, None, f"{where}.status", ind.get("status"),
                                    f"must be one of {ELEMENT_STATUS}"))
        if ind.get("computed") not in (None, *COMPUTED_KINDS):
            problems.append(Problem(file, None, f"{where}.computed", ind.get("computed"),
                                    f"must be null or one of {COMPUTED_KINDS}"))
        _check_dated_value(ind.get("baseline"), f"{where}.baseline", file, problems)
        _check_dated_value(ind.get("target"), f"{where}.target", file, problems)
        target, baseline = ind.get("target"), ind.get("baseline")
        if isinstance(target, dict) and target.get("period") is None:
            problems.append(Problem(file, None, f"{where}.target.period", None,
                                    "a target needs a period"))
        if (isinstance(target, dict) and isinstance(baseline, dict)
                and isinstance(target.get("value"), (int, float))
                and isinstance(baseline.get("value"), (int, float))):
            gap = target["value"] - baseline["value"]
            if (gap < 0 and ind.get("direction") == "higher") or (
                    gap > 0 and ind.get("direction") == "lower"):
                problems.append(Problem(file, None, f"{where}.target.value", target["value"],
                                        "target lies on the wrong side of the baseline for "
                                        f"direction {ind.get('direction')!r}"))
    for aim, n in per_aim.items():
        if not 1 <= n <= 3:
            problems.append(Problem(file, None, "indicators", aim,
                                    f"each aim needs 1 to 3 indicators; this one has {n}"))
    if problems:
        raise DataValidationError(problems)
    return _framework_tables(raw)


def _framework_tables(raw: Mapping[str, Any]) -> Framework:
    strands = pd.DataFrame(raw["strands"])
    aims = pd.DataFrame(raw["aims"])
    units = pd.DataFrame(raw["units"])
    rows = []
    aim_strand = dict(zip(aims["id"], aims["strand"], strict=True))
    for ind in raw["indicators"]:
        row = {k: v for k, v in ind.items() if k not in ("baseline", "target")}
        row["strand"] = aim_strand[ind["aim"]]
        for part in ("baseline", "target"):
            obj = ind.get(part) or {}
            for key in ("period", "value", "status", "source_title", "source_url", "note"):
                row[f"{part}_{key}"] = obj.get(key)
        rows.append(row)
    indicators = pd.DataFrame(rows)
    for col in ("baseline_value", "target_value"):
        indicators[col] = pd.to_numeric(indicators[col]).astype("float64")
    for col in indicators.columns:
        if col not in ("baseline_value", "target_value"):
            indicators[col] = indicators[col].astype("str").where(indicators[col].notna())
    unit_ar = dict(zip(units["id"], units["name_ar"], strict=True))
    indicators["unit_ar"] = indicators["unit"].map(unit_ar)
    return Framework(dict(raw["strategy"]), strands, aims, indicators, units)


def load_framework(data_dir: Path | str | None = None) -> Framework:
    """Read ``strategy/framework.json`` (JSON, never executed) and return it parsed.

    Examples
    --------
    >>> load_framework().indicators["id"].head(3).tolist()
    ['A1.1', 'A1.2', 'A1.3']
    """
    root = Path(data_dir) if data_dir is not None else paths.data_dir()
    path = root / FRAMEWORK_FILE
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as exc:
        raise DataValidationError([Problem(FRAMEWORK_FILE, exc.lineno, None, None,
                                           f"invalid JSON: {exc.msg}")]) from exc
    return parse_framework(raw, file=FRAMEWORK_FILE)


def reportable(indicators: pd.DataFrame) -> pd.DataFrame:
    """Return the indicators that ministries report (not computed by the workspace).

    Examples
    --------
    >>> len(reportable(load_framework().indicators))
    17
    """
    return indicators[indicators["computed"].isna()]


# --------------------------------------------------------------------------------------------
# observations: reading, validating, storing
# --------------------------------------------------------------------------------------------


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


def load_observations(data_dir: Path | str | None = None) -> pd.DataFrame:
    """Read ``strategy/observations.csv``; ``value`` is float, other columns ``str``.

    Examples
    --------
    >>> list(load_observations().columns)[:4]
    ['indicator_id', 'period', 'value', 'unit']
    """
    root = Path(data_dir) if data_dir is not None else paths.data_dir()
    path = root / OBSERVATIONS_FILE
    df = pd.read_csv(path, dtype="str", keep_default_na=False, na_values=[""],
                     encoding="utf-8")
    missing = [c for c in OBS_COLUMNS if c not in df.columns]
    if missing:
        raise DataValidationError([Problem(OBSERVATIONS_FILE, 1, c, None, "column missing")
                                   for c in missing])
    df = df[list(OBS_COLUMNS)]
    df["value"] = pd.to_numeric(df["value"]).astype("float64")
    return df


def _cell_text(value: object) -> str:
    """Cell as text; whole floats from spreadsheets lose their '.0' (2025.0 -> '2025')."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def read_entry_file(path: Path | str) -> tuple[pd.DataFrame, list[int]]:
    """Read a completed workbook (sheet ``observations``) or CSV (UTF-8 or Windows-1256).

    Returns
    -------
    (pandas.DataFrame, list of int)
        The rows as found (object cells: numbers stay numbers in XLSX, text in CSV), with
        lower-cased column names, and the row number of each as a person sees it (header = 1).
        Blank rows are dropped.

    Raises
    ------
    DataValidationError
        If the file cannot be read, has no ``observations`` sheet or misses a column.

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
        rows = _read_xlsx_rows(path)
    elif path.suffix.lower() in (".csv", ".txt"):
        rows = _read_csv_rows(path)
    else:
        raise DataValidationError([Problem(name, None, None, path.suffix,
                                           "expected an .xlsx or .csv file")])
    if not rows:
        raise DataValidationError([Problem(name, None, None, None, "the file is empty")])
    header = [_cell_text(h).lower() for h in rows[0]]
    missing = [c for c in REQUIRED_COLUMNS if c not in header]
    if missing:
        raise DataValidationError([Problem(name, 1, c, None, "required column is missing")
                                   for c in missing])
    records, numbers = [], []
    for i, row in enumerate(rows[1:], start=2):
        cells = list(row) + [None] * (len(header) - len(row))
        if all(_cell_text(c) == "" for c in cells):
            continue
        records.append({h: cells[j] for j, h in enumerate(header) if h in OBS_COLUMNS})
        numbers.append(i)
    frame = pd.DataFrame(records, columns=[c for c in OBS_COLUMNS if c in header], dtype=object)
    return frame, numbers


def _read_xlsx_rows(path: Path) -> list[list[object]]:
    import openpyxl  # heavy; only needed for workbooks

    try:
        wb = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises several types for a bad file
        raise DataValidationError([Problem(path.name, None, None, None,
                                           f"cannot read the workbook: {exc}")]) from exc
    try:
        if "observations" in wb.sheetnames:
            ws = wb["observations"]
        elif len(wb.sheetnames) == 1:
            ws = wb[wb.sheetnames[0]]
        else:
            raise DataValidationError([Problem(path.name, None, None, wb.sheetnames,
                                               "no sheet named 'observations'")])
        return [list(r) for r in ws.iter_rows(values_only=True)]
    finally:
        wb.close()


def _read_csv_rows(path: Path) -> list[list[object]]:
    data = path.read_bytes()
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        # Excel on Arabic Windows saves "CSV" as Windows-1256
        text = data.decode("cp1256")
    return [list(r) for r in csv.reader(io.StringIO(text, newline=""))]


def parse_value(raw: object, unit: str) -> float:
    """Turn a reported cell into a number; raise ValueError with the reason.

    Accepts numbers, numeric text (Arabic-Indic digits, thousands separators ``1,234``), and for
    ``unit == "tier"`` a tier label such as ``"Tier 2 Watch List"`` (-> 2.5).

    Examples
    --------
    >>> parse_value("١٢٣", "persons"), parse_value("1,250", "persons")
    (123.0, 1250.0)
    >>> parse_value("Tier 2 Watch List", "tier")
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
            from tipanalysis.tiers import UnknownTierError, parse_tier

            try:
                label = parse_tier(_cell_text(raw))
            except UnknownTierError as exc:
                raise ValueError(str(exc)) from exc
            if label not in ("1", "2", "2WL", "3"):
                raise ValueError("a Special Case has no tier value") from None
            value = {"1": 1.0, "2": 2.0, "2WL": 2.5, "3": 3.0}[label]
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
    if unit == "tier" and value not in (1.0, 2.0, 2.5, 3.0):
        raise ValueError("a tier is 1, 2, 2.5 (Tier 2 Watch List) or 3")
    return value


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
            value = parse_value(rec.get("value"), unit)
        except ValueError as exc:
            problems.append(Problem(file, rownum, "value", rec.get("value"), str(exc)))
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
    from tipanalysis import validate

    root = Path(data_dir) if data_dir is not None else paths.data_dir()
    fw = load_framework(root)
    raw, rows = read_entry_file(file)
    new = validate_entries(raw, fw.indicators, fw.units, file=Path(file).name, rows=rows)
    target = root / OBSERVATIONS_FILE
    stored = load_observations(root) if target.is_file() else empty_observations()
    merged, counts = merge_observations(stored, new, replace=replace, file=Path(file).name,
                                        rows=rows)
    payload = format_observations(merged)
    writes: dict[Path, bytes] = {target: payload}
    descriptor_path = root / validate.DESCRIPTOR
    if descriptor_path.is_file():
        descriptor = validate.read_descriptor(root)
        names = [r.get("name") for r in descriptor.get("resources", [])
                 if r.get("path") == OBSERVATIONS_FILE]
        if names:
            updated = validate.update_hashes(descriptor, root, names,
                                             contents={names[0]: payload})
            writes[descriptor_path] = validate.dump_descriptor(updated).encode("utf-8")
    target.parent.mkdir(parents=True, exist_ok=True)
    validate.atomic_write_many(writes)
    return (f"{Path(file).name}: {counts['added']} added, {counts['replaced']} replaced, "
            f"{counts['unchanged']} unchanged; {len(merged)} observation(s) stored in {target}")


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
    import openpyxl
    from openpyxl.styles import Font
    from openpyxl.worksheet.datavalidation import DataValidation

    from tipanalysis import validate

    out = Path(out)
    sheets = template_tables(load_framework(data_dir))
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "README"
    for en, ar in _README_LINES:
        ws.append([en, ar])
    ws.column_dimensions["A"].width = 90
    ws.column_dimensions["B"].width = 80
    ind = sheets["indicators"]
    wsi = wb.create_sheet("indicators")
    wsi.append(list(ind.columns))
    for rec in ind.itertuples(index=False):
        wsi.append([None if pd.isna(v) else v for v in rec])
    wso = wb.create_sheet("observations")
    wso.append(list(OBS_COLUMNS))
    for sheet in (wsi, wso):
        sheet.freeze_panes = "A2"
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        for col in "ABCDEFGH":
            sheet.column_dimensions[col].width = 22
    ids = DataValidation(type="list", formula1=f"=indicators!$A$2:$A${len(ind) + 1}",
                         allow_blank=True)
    wso.add_data_validation(ids)
    ids.add("A2:A1000")
    wb.active = 2
    buf = io.BytesIO()
    wb.save(buf)
    out.parent.mkdir(parents=True, exist_ok=True)
    validate.atomic_write_bytes(out, buf.getvalue())
    return out


# --------------------------------------------------------------------------------------------
# completeness, progress, review, roll-up
# --------------------------------------------------------------------------------------------


def _as_of_month(as_of: str) -> pd.Period:
    """Last complete month at ``as_of``: a period counts once its last day has passed."""
    ts = pd.Timestamp(as_of)
    month = ts.to_period("M")
    return month if ts == month.end_time.normalize() else month - 1


def _with_bounds(obs: pd.DataFrame) -> pd.DataFrame:
    obs = obs.copy()
    bounds = [parse_period(p) for p in obs["period"]]
    obs["_first"] = [_months(a) for a, _ in bounds]
    obs["_last"] = [_months(b) for _, b in bounds]
    return obs


def _filled(col: pd.Series) -> pd.Series:
    return col.notna() & (col.astype("str").str.strip() != "")


def completeness(indicators: pd.DataFrame, observations: pd.DataFrame, *,
                 as_of: str) -> pd.DataFrame:
    """Per calendar year of the strategy up to ``as_of``: how many indicators have data.

    Denominator: reportable indicators (computed ones excluded). An indicator counts for a
    year when it has a value for a period inside that year that ended by ``as_of``;
    ``sourced`` also needs a named ``source``, ``public`` a ``source_url``.

    Returns
    -------
    pandas.DataFrame
        year, n_indicators, n_reported, n_sourced, n_public, share_reported, share_sourced,
        share_public (percent), complete_year (whether the year had ended by ``as_of``).

    Examples
    --------
    >>> ind = pd.DataFrame({"id": ["a", "b", "c", "d"], "computed": [None] * 4})
    >>> obs = pd.DataFrame({"indicator_id": ["a", "b"], "period": ["2025", "2025-Q1"],
    ...                     "value": [1.0, 2.0], "source": ["MOI", None],
    ...                     "source_url": [None, None]})
    >>> c = completeness(ind, obs, as_of="2025-12-31")
    >>> c[["share_reported", "share_sourced"]].iloc[0].tolist()
    [50.0, 25.0]
    """
    ids = set(reportable(indicators)["id"])
    cutoff = _months(_as_of_month(as_of))
    obs = observations[observations["indicator_id"].isin(ids) & observations["value"].notna()]
    obs = _with_bounds(obs) if len(obs) else obs.assign(_first=[], _last=[])
    obs = obs[obs["_last"] <= cutoff]
    last_year = min(pd.Timestamp(as_of).year, LAST_YEAR)
    rows = []
    for year in range(FIRST_YEAR, last_year + 1):
        in_year = obs[(obs["_first"] - 1) // 12 == year]
        n = len(ids)
        reported = in_year["indicator_id"].nunique()
        sourced = in_year.loc[_filled(in_year["source"]), "indicator_id"].nunique()
        public = in_year.loc[_filled(in_year["source_url"]), "indicator_id"].nunique()
        rows.append({
            "year": year, "n_indicators": n, "n_reported": reported, "n_sourced": sourced,
            "n_public": public,
            "share_reported": 100 * reported / n if n else math.nan,
            "share_sourced": 100 * sourced / n if n else math.nan,
            "share_public": 100 * public / n if n else math.nan,
            "complete_year": cutoff >= year * 12 + 12,
        })
    return pd.DataFrame(rows, columns=["year", "n_indicators", "n_reported", "n_sourced",
                                       "n_public", "share_reported", "share_sourced",
                                       "share_public", "complete_year"])


def computed_observations(indicators: pd.DataFrame, observations: pd.DataFrame, *,
                          as_of: str, forecast: pd.DataFrame | None = None) -> pd.DataFrame:
    """Values of the computed indicators (completeness shares; tier forecast if given).

    Completeness shares are given for calendar years that ended by ``as_of``. The forecast
    indicator takes ``p_tier2_or_better`` for the first report year after ``as_of``'s year.

    Examples
    --------
    >>> fw = load_framework()
    >>> computed_observations(fw.indicators, empty_observations(), as_of="2025-12-31")[
    ...     ["indicator_id", "period", "value"]].values.tolist()
    [['A5.1', '2025', 0.0], ['A6.1', '2025', 0.0]]
    """
    comp = completeness(indicators, observations, as_of=as_of)
    comp = comp[comp["complete_year"]]
    rows = []
    for ind in indicators[indicators["computed"].notna()].itertuples():
        if ind.computed in ("share_public", "share_sourced"):
            for rec in comp.itertuples():
                rows.append({"indicator_id": ind.id, "period": str(rec.year),
                             "value": float(getattr(rec, ind.computed)), "unit": ind.unit,
                             "source": "computed by tipanalysis from strategy/observations.csv"})
        elif ind.computed == "forecast" and forecast is not None and len(forecast):
            outlook = ranking_outlook(forecast)
            later = outlook[outlook["report_year"] > pd.Timestamp(as_of).year]
            if len(later):
                first = later.iloc[0]
                rows.append({"indicator_id": ind.id, "period": str(int(first["report_year"])),
                             "value": float(first["p_tier2_or_better"]), "unit": ind.unit,
                             "source": "tipanalysis.tiers forecast (model estimate)"})
    df = pd.DataFrame(rows, columns=list(OBS_COLUMNS))
    for col in OBS_COLUMNS:
        df[col] = df[col].astype("float64" if col == "value" else "str")
    return df


def indicator_status(value: float, baseline: float, target: float, elapsed: float,
                     direction: str, thresholds: Mapping[str, float] = THRESHOLDS
                     ) -> tuple[str, float, float]:
    """Status of one value against a straight path from baseline to target.

    Parameters
    ----------
    value, baseline, target : float
    elapsed : float
        Share (0-1) of the baseline-to-target time that has passed at the observed period.
    direction : {"higher", "lower"}
    thresholds : mapping
        ``on_track`` and ``at_risk`` minimum path ratios.

    Returns
    -------
    (status, progress, path_ratio)
        ``progress`` = share of the full distance covered; ``path_ratio`` = share of the
        distance expected by now (NaN if nothing was expected yet or the target equals the
        baseline).

    Examples
    --------
    Baseline 100, target 200, half the time gone, value 140: 40% of the distance against 50%
    expected -> path ratio 0.8 -> at risk.

    >>> indicator_status(140, 100, 200, 0.5, "higher")
    ('at-risk', 0.4, 0.8)
    """
    if target == baseline:
        better_or_equal = value >= baseline if direction == "higher" else value <= baseline
        return ("on-track" if better_or_equal else "off-track"), math.nan, math.nan
    progress = (value - baseline) / (target - baseline)
    if elapsed <= 0:
        return "no-data", progress, math.nan
    ratio = progress / elapsed
    if ratio >= thresholds["on_track"]:
        status = "on-track"
    elif ratio >= thresholds["at_risk"]:
        status = "at-risk"
    else:
        status = "off-track"
    return status, progress, ratio


#: Units that measure a level at a point in time, not a count over the period.
_STOCK_UNITS = ("tier", "places", "percent", "probability")
_REVIEW_COLUMNS = [
    "indicator_id", "aim", "strand", "name_en", "name_ar", "unit", "direction", "status",
    "period", "value", "source", "source_url", "baseline_period", "baseline_value",
    "baseline_status", "target_period", "target_value", "change", "pct_change", "elapsed",
    "expected", "progress", "path_ratio", "score", "note",
]


def _latest(obs: pd.DataFrame, cutoff: int) -> dict[str, dict]:
    """Per indicator the observation whose period ended last by ``cutoff``; ties -> longest."""
    obs = obs[obs["value"].notna()]
    if not len(obs):
        return {}
    obs = _with_bounds(obs)
    obs = obs[obs["_last"] <= cutoff]
    obs = obs.sort_values(["indicator_id", "_last", "_first"], ascending=[True, True, False])
    return {k: g.iloc[-1].to_dict() for k, g in obs.groupby("indicator_id", sort=False)}


def _change_since_baseline(ind: Mapping[str, Any], obs: Mapping[str, Any]
                           ) -> tuple[dict[str, float], list[str]]:
    """Change and % change since the baseline, with a note when period lengths differ."""
    base, value = ind.get("baseline_value"), float(obs["value"])
    if pd.isna(base):
        return {}, []
    out = {"change": value - base,
           "pct_change": 100 * (value - base) / base if base else math.nan}
    notes = []
    if isinstance(ind.get("baseline_period"), str) and ind["unit"] not in _STOCK_UNITS:
        b_len, o_len = period_months(ind["baseline_period"]), period_months(obs["period"])
        if b_len != o_len:  # counts over 9 months vs 12 months do not compare
            notes.append(f"baseline covers {b_len} months, value {o_len} months: "
                         "not directly comparable")
    return out, notes


def _path_status(ind: Mapping[str, Any], obs: Mapping[str, Any],
                 thresholds: Mapping[str, float]) -> dict[str, Any]:
    """Status of one observed indicator against its straight path (see module docstring)."""
    base, target = ind.get("baseline_value"), ind.get("target_value")
    if pd.isna(target):
        return {"status": "no target set"}
    if pd.isna(base) or not isinstance(ind.get("baseline_period"), str):
        return {"status": "no baseline"}
    b_end = _months(parse_period(ind["baseline_period"])[1])
    t_end = _months(parse_period(ind["target_period"])[1])
    elapsed = min(max((obs["_last"] - b_end) / (t_end - b_end), 0.0), 1.0) \
        if t_end > b_end else 1.0
    status, progress, ratio = indicator_status(float(obs["value"]), base, target, elapsed,
                                               ind["direction"], thresholds)
    out = {"status": status, "elapsed": elapsed, "progress": progress, "path_ratio": ratio,
           "expected": base + (target - base) * elapsed}
    if target == base:
        out["score"] = 1.0 if status == "on-track" else 0.0
    elif pd.notna(ratio):
        out["score"] = min(max(ratio, 0.0), 1.0)
    return out


def review(indicators: pd.DataFrame, observations: pd.DataFrame, *, as_of: str,
           forecast: pd.DataFrame | None = None,
           thresholds: Mapping[str, float] = THRESHOLDS) -> pd.DataFrame:
    """One row per indicator: latest value by ``as_of``, change since baseline, status.

    Parameters
    ----------
    indicators : pandas.DataFrame
        ``Framework.indicators`` (or a frame with the same columns, e.g. illustrative targets).
    observations : pandas.DataFrame
        Stored observations (columns :data:`OBS_COLUMNS`). Values of computed indicators are
        added by :func:`computed_observations`.
    as_of : str
        ISO date; only periods that ended by then count.
    forecast : pandas.DataFrame, optional
        Tier forecasts (report_year, p_tier2_or_better, ...) for indicator A9.2.
    thresholds : mapping
        See :data:`THRESHOLDS`.

    Returns
    -------
    pandas.DataFrame
        Columns: indicator_id, aim, strand, names, unit, direction, status (one of
        :data:`STATUSES`), period, value, source, baseline and target, change, pct_change,
        elapsed, expected, progress, path_ratio, score (path ratio clipped to 0-1), note.

    Examples
    --------
    >>> fw = load_framework()
    >>> r = review(fw.indicators, empty_observations(), as_of="2025-12-31")
    >>> r["status"].value_counts().to_dict()
    {'no-data': 18, 'no target set': 2}
    """
    reported_ids = set(reportable(indicators)["id"])
    own = observations[observations["indicator_id"].isin(reported_ids)]
    extra = computed_observations(indicators, observations, as_of=as_of, forecast=forecast)
    cutoff = _months(_as_of_month(as_of))
    forecast_ids = set(indicators.loc[indicators["computed"] == "forecast", "id"])
    is_forecast = extra["indicator_id"].isin(forecast_ids)
    latest = _latest(pd.concat([own, extra[~is_forecast]], ignore_index=True), cutoff)
    # a forecast is about a report still to come: its period is after as_of by design
    latest.update(_latest(extra[is_forecast], 10**9))
    rows = []
    for ind in indicators.to_dict("records"):
        row = {k: ind.get(k) for k in ("aim", "strand", "name_en", "name_ar", "unit",
                                       "direction", "baseline_period", "baseline_value",
                                       "baseline_status", "target_period", "target_value")}
        row["indicator_id"] = ind["id"]
        obs = latest.get(ind["id"])
        if obs is None:
            row["status"] = "no-data"
            rows.append(row)
            continue
        for key in ("period", "value", "source", "source_url"):
            row[key] = obs.get(key)
        change, notes = _change_since_baseline(ind, obs)
        row.update(change)
        row.update(_path_status(ind, obs, thresholds))
        if row["status"] == "no-data":
            notes.append("latest value is not later than the baseline")
        row["note"] = "; ".join(notes) if notes else None
        rows.append(row)
    df = pd.DataFrame(rows).reindex(columns=_REVIEW_COLUMNS)
    for col in ("period", "source", "source_url", "note", "baseline_status", "target_period",
                "baseline_period"):
        df[col] = df[col].astype("str").where(df[col].notna())
    for col in ("value", "change", "pct_change", "elapsed", "expected", "progress",
                "path_ratio", "score", "baseline_value", "target_value"):
        df[col] = pd.to_numeric(df[col]).astype("float64")
    return df


def _weighted(values: pd.Series, weights: pd.Series) -> float:
    ok = values.notna()
    total = weights[ok].sum()
    return float((values[ok] * weights[ok]).sum() / total) if ok.any() and total > 0 else math.nan


def _status_of_score(score: float, thresholds: Mapping[str, float]) -> str:
    if score >= thresholds["on_track"]:
        return "on-track"
    return "at-risk" if score >= thresholds["at_risk"] else "off-track"


def rollup(reviewed: pd.DataFrame, *, weights: Mapping[str, float] | None = None,
           strand_weights: Mapping[str, float] | None = None,
           thresholds: Mapping[str, float] = THRESHOLDS) -> pd.DataFrame:
    """Roll indicator scores up to strands and overall.

    Parameters
    ----------
    reviewed : pandas.DataFrame
        Output of :func:`review`.
    weights : mapping, optional
        Indicator id -> weight within its strand (default 1 for each).
    strand_weights : mapping, optional
        Strand id -> weight in the overall score (default 1 for each strand with a score).
    thresholds : mapping
        Applied to the rolled-up score as to a path ratio.

    Returns
    -------
    pandas.DataFrame
        One row per strand plus ``overall``: n_indicators, n_with_data, n_scored, n_no_data,
        n_no_target, one count per status, score (0-1, NaN when nothing is scored), status.

    Examples
    --------
    >>> r = pd.DataFrame({"strand": ["prevention", "prevention", "protection"],
    ...                   "indicator_id": ["a", "b", "c"],
    ...                   "status": ["on-track", "off-track", "no-data"],
    ...                   "score": [1.0, 0.4, float("nan")]})
    >>> rollup(r).set_index("strand").loc[["prevention", "overall"], "score"].tolist()
    [0.7, 0.7]
    """
    w = pd.Series(1.0, index=reviewed.index)
    if weights:
        w = reviewed["indicator_id"].map(lambda i: float(weights.get(i, 1.0)))
    present = list(reviewed["strand"].dropna().unique())
    strands = [s for s in STRANDS_ORDER if s in present] + \
        [s for s in present if s not in STRANDS_ORDER]
    rows = []

    def counts(frame: pd.DataFrame) -> dict[str, int]:
        out = {
            "n_indicators": len(frame),
            "n_with_data": int((frame["status"] != "no-data").sum()),
            "n_scored": int(frame["score"].notna().sum()),
            "n_no_data": int((frame["status"] == "no-data").sum()),
            "n_no_target": int((frame["status"] == "no target set").sum()),
        }
        out.update({f"n_{s}": int((frame["status"] == s).sum()) for s in STATUSES})
        return out

    def label(score: float, c: dict[str, int]) -> str:
        if pd.notna(score):
            return _status_of_score(score, thresholds)
        return "no-data" if c["n_with_data"] == 0 else "no target set"

    for strand in strands:
        frame = reviewed[reviewed["strand"] == strand]
        score = _weighted(frame["score"], w[frame.index])
        c = counts(frame)
        rows.append({"strand": strand, **c, "score": score, "status": label(score, c)})
    table = pd.DataFrame(rows)
    sw = table["strand"].map(lambda s: float((strand_weights or {}).get(s, 1.0)))
    overall_score = _weighted(table["score"], sw) if len(table) else math.nan
    c = counts(reviewed)
    table = pd.concat([table, pd.DataFrame([{"strand": "overall", **c, "score": overall_score,
                                             "status": label(overall_score, c)}])],
                      ignore_index=True)
    table["strand"] = table["strand"].astype("str")
    table["score"] = table["score"].astype("float64")
    return table


# --------------------------------------------------------------------------------------------
# ranking aim
# --------------------------------------------------------------------------------------------


def ranking_outlook(forecast: pd.DataFrame, *, first_year: int = FIRST_YEAR + 1,
                    last_year: int = LAST_YEAR) -> pd.DataFrame:
    """Probability that Kuwait is on Tier 2 or better in each TIP report through 2028.

    Parameters
    ----------
    forecast : pandas.DataFrame
        ``report_year``, ``p_tier2_or_better`` and optionally ``ci_low``, ``ci_high`` (as from
        ``tipanalysis.tiers.forecast_summary``), probabilities in 0-1.
    first_year, last_year : int
        Report years kept (default 2026-2028: 2025 is the cited baseline, Tier 2).

    Returns
    -------
    pandas.DataFrame
        report_year, p_tier2_or_better, ci_low, ci_high, sorted by year.

    Raises
    ------
    DataValidationError
        If a column is missing or a probability lies outside 0-1.

    Examples
    --------
    Illustrative numbers, not a forecast:

    >>> f = pd.DataFrame({"report_year": [2026, 2027, 2029], "p_tier2_or_better": [0.8, 0.7, 0.6]})
    >>> ranking_outlook(f)["report_year"].tolist()
    [2026, 2027]
    """
    problems = [Problem("forecast", None, c, None, "column missing")
                for c in ("report_year", "p_tier2_or_better") if c not in forecast.columns]
    if problems:
        raise DataValidationError(problems)
    df = forecast.copy()
    for col in ("ci_low", "ci_high"):
        if col not in df.columns:
            df[col] = math.nan
    df = df[["report_year", "p_tier2_or_better", "ci_low", "ci_high"]]
    df["report_year"] = df["report_year"].astype("int64")
    for col in ("p_tier2_or_better", "ci_low", "ci_high"):
        df[col] = pd.to_numeric(df[col]).astype("float64")
        bad = df[col].notna() & ~df[col].between(0, 1)
        problems += [Problem("forecast", int(i) + 2, col, v, "probability outside 0-1")
                     for i, v in df.loc[bad, col].items()]
    if problems:
        raise DataValidationError(problems)
    keep = df["report_year"].between(first_year, last_year)
    return df[keep].sort_values("report_year").reset_index(drop=True)


def outlook_from_forecast_summary(summaries: pd.DataFrame) -> pd.DataFrame:
    """Turn ``tiers.forecast_summary`` rows into the frame that :func:`ranking_outlook` takes.

    Uses the rows of measure ``p_tier2_or_better_every_report``: each run with horizon ``h``
    gives the probability of Tier 2 or better in *every* report from ``first_year`` to
    ``last_year``; ``report_year`` is ``last_year``. So the probability for 2028 is that of
    staying at Tier 2 or better in each report through 2028.

    Examples
    --------
    Illustrative numbers:

    >>> s = pd.DataFrame({"measure": ["p_tier2_or_better_every_report", "p_reach_tier1"],
    ...                   "first_year": [2026, 2026], "last_year": [2027, 2027],
    ...                   "estimate": [0.7, 0.1], "ci_low": [0.6, 0.0], "ci_high": [0.8, 0.2]})
    >>> outlook_from_forecast_summary(s)[["report_year", "p_tier2_or_better"]].values.tolist()
    [[2027.0, 0.7]]
    """
    rows = summaries[summaries["measure"] == "p_tier2_or_better_every_report"]
    out = pd.DataFrame({
        "report_year": rows["last_year"].astype("int64"),
        "first_year": rows["first_year"].astype("int64"),
        "p_tier2_or_better": rows["estimate"].astype("float64"),
        "ci_low": rows["ci_low"].astype("float64"),
        "ci_high": rows["ci_high"].astype("float64"),
    })
    return out.drop_duplicates("report_year").sort_values("report_year").reset_index(drop=True)


# --------------------------------------------------------------------------------------------
# activities log from the timeline
# --------------------------------------------------------------------------------------------

#: Activity type by keyword in the event text, first match wins (order matters).
ACTIVITY_RULES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("agreement", ("agreement", "mou", "memorandum", "signed")),
    ("training", ("training", "course")),
    ("launch", ("launch",)),
    ("meeting", ("meeting", "met ", "received", "discussed", "talks")),
    ("awareness", ("awareness", "campaign", "world day")),
    ("workshop", ("workshop", "seminar", "lecture", "forum", "conference")),
)
#: Strand by keyword in the event text, after the category rule; first match wins.
STRAND_RULES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("prevention", ("awareness", "campaign", "world day", "recruitment", "inspection")),
    ("protection", ("shelter", "victim", "referral")),
    ("accountability", ("prosecut", "investigat", "convict", "court")),
    ("coordination", ("committee", "cooperation", "iom", "unodc", "agreement", "mou",
                      "seminar", "forum")),
)
#: Categories mapped to a strand before / after the keyword rules.
CATEGORY_FIRST = {"strategy": "coordination"}
CATEGORY_FALLBACK = {"partnership": "coordination"}


def _timeline_dates(timeline: pd.DataFrame) -> pd.DataFrame:
    """Add date_start / date_precision from ``date`` when the frame lacks them."""
    df = timeline.copy()
    if "date_precision" not in df.columns:
        lengths = df["date"].astype("str").str.len()
        df["date_precision"] = lengths.map({4: "year", 7: "month", 10: "day"})
    if "date_start" not in df.columns:
        df["date_start"] = df["date"].astype("str").map(
            lambda d: d + "-01-01" if len(d) == 4 else d + "-01" if len(d) == 7 else d)
    df["date_start"] = pd.to_datetime(df["date_start"])
    if "event_id" not in df.columns:
        df["event_id"] = [f"row{i + 2}" for i in range(len(df))]
    return df


def _first_rule(text: str, rules: tuple[tuple[str, tuple[str, ...]], ...]) -> tuple[str, str]:
    for name, words in rules:
        for word in words:
            if word in text:
                return name, word
    return "", ""


def activities_log(timeline: pd.DataFrame, *, start: str = f"{FIRST_YEAR}-01-01",
                   end: str | None = None) -> pd.DataFrame:
    """Classify timeline events from ``start`` into activity type and strand.

    Rules (transparent, in :data:`ACTIVITY_RULES` and :data:`STRAND_RULES`): the activity type
    is the first keyword group found in the lower-cased event text; events with none are kept
    with ``activity_type`` "other" and ``is_activity`` false. The strand is ``coordination`` for
    category ``strategy``; else the first keyword group found; else ``coordination`` for
    ``partnership``; else ``unassigned``. The ``rule`` column says which rule applied.

    Parameters
    ----------
    timeline : pandas.DataFrame
        Columns date, category, event, source_url (date_start, date_precision, event_id used
        when present).
    start, end : str
        ISO dates bounding ``date_start`` (inclusive).

    Returns
    -------
    pandas.DataFrame
        event_id, date, date_start, quarter (``2025-Q2``; ``2025-Q?`` when only the year is
        known), category, activity_type, is_activity, strand, rule, event, source_url.

    Examples
    --------
    >>> tl = pd.DataFrame({"date": ["2025-04-20"], "category": ["partnership"],
    ...                    "event": ["Minister discussed cooperation with UN"],
    ...                    "source_url": ["https://example.org"]})
    >>> activities_log(tl)[["quarter", "activity_type", "strand"]].values.tolist()
    [['2025-Q2', 'meeting', 'coordination']]
    """
    df = _timeline_dates(timeline)
    keep = df["date_start"] >= pd.Timestamp(start)
    if end is not None:
        keep &= df["date_start"] <= pd.Timestamp(end)
    df = df[keep].sort_values("date_start", kind="stable").reset_index(drop=True)
    rows = []
    for rec in df.to_dict("records"):
        text = str(rec["event"]).casefold()
        category = str(rec.get("category", ""))
        kind, kind_word = _first_rule(text, ACTIVITY_RULES)
        if category in CATEGORY_FIRST:
            strand, rule = CATEGORY_FIRST[category], f"category={category}"
        else:
            strand, word = _first_rule(text, STRAND_RULES)
            rule = f"keyword '{word}'" if strand else ""
            if not strand and category in CATEGORY_FALLBACK:
                strand, rule = CATEGORY_FALLBACK[category], f"category={category}"
        date = rec["date_start"]
        quarter = f"{date.year}-Q?" if rec["date_precision"] == "year" else \
            f"{date.year}-Q{(date.month - 1) // 3 + 1}"
        rows.append({
            "event_id": rec["event_id"], "date": rec["date"], "date_start": date,
            "quarter": quarter, "category": category, "activity_type": kind or "other",
            "is_activity": bool(kind),
            "activity_rule": f"keyword '{kind_word}'" if kind else "no activity keyword",
            "strand": strand or UNASSIGNED, "rule": rule or "no rule matched",
            "event": rec["event"], "source_url": rec.get("source_url"),
        })
    cols = ["event_id", "date", "date_start", "quarter", "category", "activity_type",
            "is_activity", "activity_rule", "strand", "rule", "event", "source_url"]
    out = pd.DataFrame(rows, columns=cols)
    for col in cols:
        if col not in ("date_start", "is_activity"):
            out[col] = out[col].astype("str")
    return out


def activity_counts(log: pd.DataFrame) -> pd.DataFrame:
    """Count activities (``is_activity``) by strand and quarter, with row and column totals.

    Examples
    --------
    >>> log = pd.DataFrame({"strand": ["coordination", "unassigned"],
    ...                     "quarter": ["2025-Q2", "2025-Q?"], "is_activity": [True, True]})
    >>> activity_counts(log).loc["total", "total"]
    np.int64(2)
    """
    acts = log[log["is_activity"]]
    table = pd.crosstab(acts["strand"], acts["quarter"], margins=True, margins_name="total")
    order = [s for s in (*STRANDS_ORDER, UNASSIGNED) if s in table.index] + ["total"]
    table = table.reindex(order, fill_value=0)
    table.columns.name, table.index.name = "quarter", "strand"
    return table


def load_timeline(data_dir: Path | str | None = None) -> pd.DataFrame:
    """Read ``kuwait/timeline.csv`` as text columns (the shipped timeline).

    Raises
    ------
    FileNotFoundError
        If the shipped timeline is not there yet.

    Examples
    --------
    >>> list(load_timeline().columns)[:4]  # doctest: +SKIP
    ['event_id', 'date', 'date_precision', 'date_start']
    """
    root = Path(data_dir) if data_dir is not None else paths.data_dir()
    return pd.read_csv(root / "kuwait" / "timeline.csv", dtype="str", keep_default_na=False,
                       na_values=[""], encoding="utf-8")


def status_label(status: str, lang: str = "en") -> str:
    """Return the display label of a status in ``lang`` ("en" or "ar").

    The labels live in the translation table (:mod:`tipanalysis.i18n`, keys ``status.<status>``)
    so that briefs, plots and tables share one wording.

    Parameters
    ----------
    status : str
        One of :data:`STATUSES`.
    lang : {"en", "ar"}

    Raises
    ------
    ValueError
        If ``lang`` is not "en" or "ar".
    KeyError
        If ``status`` is not one of :data:`STATUSES`.

    Examples
    --------
    >>> status_label("no-data"), status_label("on-track", "ar")
    ('no data yet', 'على المسار')
    """
    return t(f"status.{status}", lang)


# --------------------------------------------------------------------------------------------
# display tables (chart-ready data in English or Arabic; drawing is left to tipanalysis.plots)
# --------------------------------------------------------------------------------------------

#: Short names this module used for its display labels -> keys of the i18n translation table
#: (the strings themselves live only there).
_LABEL_KEYS: Mapping[str, str] = {
    "indicator": "col.indicator",
    "strand": "col.strand",
    "period": "col.period",
    "value": "col.value",
    "baseline": "col.baseline_value",
    "change": "col.change",
    "status": "col.status",
    "note": "col.note",
    "overall": "strand.overall",
    "unassigned": "strand.unassigned",
    "n_indicators": "axis.n_indicators",
    "share": "axis.share_reportable",
    "year": "axis.year",
    "share_reported": "completeness.reported",
    "share_sourced": "completeness.sourced",
    "share_public": "completeness.public",
    "title.strands": "title.strand_status",
    "title.completeness": "title.completeness",
}


def label(key: str, lang: str = "en") -> str:
    """Return a display label of this module in ``lang`` ("en" or "ar"), from :func:`i18n.t`.

    Kept for callers of the short names (``"strand"``, ``"share"`` ...); new code can call
    ``tipanalysis.i18n.t`` with the table key directly.

    Examples
    --------
    >>> label("strand", "ar")
    'المحور'
    >>> label("title.completeness") == t("title.completeness", "en")
    True
    """
    return t(_LABEL_KEYS[key], lang)


def _strand_names(strands: pd.DataFrame, lang: str) -> dict[str, str]:
    names = dict(zip(strands["id"], strands[f"name_{lang}"], strict=True))
    names[UNASSIGNED] = label("unassigned", lang)
    names["overall"] = label("overall", lang)
    return names


def review_table(reviewed: pd.DataFrame, strands: pd.DataFrame, lang: str = "en"
                 ) -> pd.DataFrame:
    """The review as a display table: one row per indicator, headings and status in ``lang``.

    Examples
    --------
    >>> fw = load_framework()
    >>> t = review_table(review(fw.indicators, empty_observations(), as_of="2025-12-31"),
    ...                  fw.strands)
    >>> t.loc["A1.1", "Status"], t.loc["A1.1", "Baseline"]
    ('no data yet', '162 (2023-04-01/2023-12-31)')
    """
    names = _strand_names(strands, lang)

    def num(v: float) -> str:
        if pd.isna(v):
            return ""
        return f"{v:,.0f}" if float(v).is_integer() else f"{v:,.2f}"

    base = [
        "" if pd.isna(v) else f"{num(v)} ({p})" if isinstance(p, str) else f"{num(v)} (?)"
        for v, p in zip(reviewed["baseline_value"], reviewed["baseline_period"], strict=True)
    ]
    table = pd.DataFrame({
        label("indicator", lang): reviewed[f"name_{lang}"].to_numpy(),
        label("strand", lang): reviewed["strand"].map(names).to_numpy(),
        label("period", lang): reviewed["period"].fillna("").to_numpy(),
        label("value", lang): reviewed["value"].map(num).to_numpy(),
        label("baseline", lang): base,
        label("change", lang): reviewed["change"].map(num).to_numpy(),
        label("status", lang): reviewed["status"].map(lambda s: status_label(s, lang)).to_numpy(),
        label("note", lang): reviewed["note"].fillna("").to_numpy(),
    }, index=pd.Index(reviewed["indicator_id"].to_numpy(), name="id"))
    return table.astype("str")


def strand_status_counts(reviewed: pd.DataFrame, strands: pd.DataFrame, lang: str = "en"
                         ) -> pd.DataFrame:
    """Indicators per strand (rows) and status (columns, best first), labelled in ``lang``.

    Examples
    --------
    >>> fw = load_framework()
    >>> c = strand_status_counts(review(fw.indicators, empty_observations(),
    ...                                 as_of="2025-12-31"), fw.strands)
    >>> c.loc["Prevention", "no data yet"]
    np.int64(4)
    """
    table = pd.crosstab(reviewed["strand"], reviewed["status"])
    table = table.reindex(index=[s for s in strands["id"] if s in table.index],
                          columns=list(STATUSES), fill_value=0)
    names = _strand_names(strands, lang)
    table.index = [names[s] for s in table.index]
    table.columns = [status_label(s, lang) for s in table.columns]
    return table


def completeness_shares(comp: pd.DataFrame, lang: str = "en") -> pd.DataFrame:
    """The three completeness shares per year, with column labels in ``lang``.

    Examples
    --------
    >>> fw = load_framework()
    >>> completeness_shares(completeness(fw.indicators, empty_observations(),
    ...                                  as_of="2025-12-31")).iloc[0].tolist()
    [0.0, 0.0, 0.0]
    """
    cols = ["share_reported", "share_sourced", "share_public"]
    table = comp.set_index("year")[cols].astype("float64")
    table.columns = [label(c, lang) for c in cols]
    table.index.name = label("year", lang)
    return table
