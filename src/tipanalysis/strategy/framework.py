"""The strategy's framework (strands, aims, indicators, units) and its calendar periods.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd

from tipanalysis.core.errors import DataValidationError, Problem
from tipanalysis.data.strategy_files import FRAMEWORK_FILE, read_framework_json

__all__ = [
    "COMPUTED_KINDS",
    "DIRECTIONS",
    "ELEMENT_STATUS",
    "FIRST_YEAR",
    "LAST_YEAR",
    "STATUSES",
    "STRANDS_ORDER",
    "THRESHOLDS",
    "UNASSIGNED",
    "Framework",
    "load_framework",
    "parse_framework",
    "parse_period",
    "period_months",
    "reportable",
]

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
    >>> from tipanalysis.data import read_framework_json
    >>> fw = parse_framework(read_framework_json())
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
    raw = read_framework_json(data_dir)
    return parse_framework(raw, file=FRAMEWORK_FILE)


def reportable(indicators: pd.DataFrame) -> pd.DataFrame:
    """Return the indicators that ministries report (not computed by the workspace).

    Examples
    --------
    >>> len(reportable(load_framework().indicators))
    17
    """
    return indicators[indicators["computed"].isna()]


def __dir__() -> list[str]:
    # Tab completion shows the public API only, not pd, np or helpers.
    return list(__all__)
