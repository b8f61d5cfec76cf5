"""Completeness, progress against the straight path, review and roll-up.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Any

import pandas as pd

from tipanalysis.data.strategy_files import OBS_COLUMNS
from tipanalysis.strategy.framework import (
    FIRST_YEAR,
    LAST_YEAR,
    STATUSES,
    STRANDS_ORDER,
    THRESHOLDS,
    _months,
    parse_period,
    period_months,
    reportable,
)
from tipanalysis.strategy.outlook import ranking_outlook

__all__ = [
    "completeness",
    "computed_observations",
    "indicator_status",
    "review",
    "rollup",
]

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
    >>> from tipanalysis.strategy import empty_observations, load_framework
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
    >>> from tipanalysis.strategy import empty_observations, load_framework
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


def __dir__() -> list[str]:
    # Tab completion shows the public API only, not pd, np or helpers.
    return list(__all__)
