"""What the TIP Report found and asked: the coded narratives, tracked against the strategy.

Every function takes the tidy tables of ``data/narratives/`` (and, where needed, the strategy's
indicator catalogue or the tier panel's Watch List status) as DataFrames and returns a
DataFrame; none reads a file or draws. ``country`` is an ISO3 code throughout.

Years matter here: a report year whose recommendations were not found is *unknown*, not "not
asked", so runs of consecutive years are counted over coded years only, and a gap in the coded
years ends a run.
"""

from __future__ import annotations

import pandas as pd

__all__ = [
    "aims_without_asks",
    "crosswalk_for",
    "enforcement_side_by_side",
    "findings_matrix",
    "latest_year",
    "next_report_evidence",
    "recommendation_tracker",
    "watchlist_clock",
]


def __dir__() -> list[str]:
    return __all__


def _country(frame: pd.DataFrame, country: str) -> pd.DataFrame:
    out = frame[frame["iso3"] == country].copy()
    out["report_year"] = out["report_year"].astype(int)
    return out


def latest_year(recommendations: pd.DataFrame, country: str) -> int | None:
    """Latest report year with coded recommendations for ``country`` (None if none).

    Examples
    --------
    >>> recs = pd.DataFrame({"iso3": ["KWT", "KWT"], "report_year": [2021, 2024],
    ...                      "code": ["awareness", "nrm_implement"]})
    >>> latest_year(recs, "KWT"), latest_year(recs, "QAT")
    (2024, None)
    """
    years = _country(recommendations, country)["report_year"]
    return int(years.max()) if len(years) else None


def _longest_run(years: list[int], coded: list[int]) -> int:
    """Longest run of asks over consecutive *coded* years (an uncoded year ends a run)."""
    asked, best, run, prev = set(years), 0, 0, None
    for year in sorted(coded):
        contiguous = prev is not None and year == prev + 1
        run = (run + 1 if contiguous else 1) if year in asked else 0
        best = max(best, run)
        prev = year
    return best


def recommendation_tracker(recommendations: pd.DataFrame, country: str, *,
                           codes: pd.DataFrame | None = None, since: int | None = None,
                           lang: str = "en") -> pd.DataFrame:
    """Per recommendation code: when the Report asked it, how often, and whether it still does.

    Parameters
    ----------
    recommendations : DataFrame
        ``narratives/recommendations.csv`` (``iso3``, ``report_year``, ``code``, ``rank``).
    country : str
        ISO3 code.
    codes : DataFrame, optional
        ``narratives/codes.csv``; adds the label in ``lang``.
    since : int, optional
        Count only report years from this one on (e.g. 2019).

    Returns
    -------
    DataFrame
        One row per code asked at least once: ``code``, ``label`` (with ``codes``),
        ``first_year``, ``last_year``, ``years_asked``, ``years_coded`` (report years with a
        coded list in the window), ``share`` (years_asked / years_coded),
        ``in_latest`` (the latest coded report asks it), ``longest_run`` (consecutive coded
        report years), ``best_rank`` (highest place in a list, NaN if unknown), ``years``
        (the years, as text). Sorted: still asked first, then by years asked.

    Examples
    --------
    >>> recs = pd.DataFrame({"iso3": ["KWT"] * 5,
    ...     "report_year": [2019, 2019, 2021, 2023, 2024],
    ...     "code": ["prosecute_tip_law", "awareness", "prosecute_tip_law",
    ...              "prosecute_tip_law", "nrm_implement"], "rank": [1, 5, 1, 1, 3]})
    >>> t = recommendation_tracker(recs, "KWT")
    >>> t[["code", "years_asked", "years_coded", "in_latest", "longest_run"]].values.tolist()
    [['nrm_implement', 1, 4, True, 1], ['prosecute_tip_law', 3, 4, False, 1], \
['awareness', 1, 4, False, 1]]
    """
    recs = _country(recommendations, country)
    if since is not None:
        recs = recs[recs["report_year"] >= since]
    coded = sorted(recs["report_year"].unique().tolist())
    columns = ["code", "first_year", "last_year", "years_asked", "years_coded", "share",
               "in_latest", "longest_run", "best_rank", "years"]
    if codes is not None:
        columns.insert(1, "label")
    if not coded:
        return pd.DataFrame(columns=columns)
    latest = coded[-1]
    rows = []
    for code, group in recs.groupby("code", sort=True):
        years = sorted(group["report_year"].unique().tolist())
        ranks = pd.to_numeric(group.get("rank"), errors="coerce")
        rows.append({"code": code, "first_year": years[0], "last_year": years[-1],
                     "years_asked": len(years), "years_coded": len(coded),
                     "share": round(len(years) / len(coded), 3),
                     "in_latest": latest in years, "longest_run": _longest_run(years, coded),
                     "best_rank": ranks.min() if ranks is not None else float("nan"),
                     "years": ", ".join(map(str, years))})
    out = pd.DataFrame(rows)
    if codes is not None:
        out["label"] = out["code"].map(codes.set_index("code")[f"label_{lang}"])
    out = out[columns].sort_values(["in_latest", "years_asked", "last_year", "code"],
                                   ascending=[False, False, False, True], kind="stable")
    return out.reset_index(drop=True)


def findings_matrix(findings: pd.DataFrame, country: str, *,
                    domains: pd.DataFrame | None = None, lang: str = "en") -> pd.DataFrame:
    """Domains x report years table of direction codes (``""`` where a year was not coded).

    Rows follow the codebook's domain order when ``domains`` is given (then labelled in
    ``lang``); columns are the coded report years in order.

    Examples
    --------
    >>> f = pd.DataFrame({"iso3": ["KWT"] * 4, "report_year": [2023, 2023, 2024, 2024],
    ...                   "domain": ["investigations", "overall"] * 2,
    ...                   "direction": ["fewer", "no", "more", "no"]})
    >>> findings_matrix(f, "KWT").values.tolist()
    [['fewer', 'more'], ['no', 'no']]
    """
    data = _country(findings, country)
    table = data.pivot(index="domain", columns="report_year", values="direction")
    table = table.reindex(columns=sorted(table.columns)).fillna("")
    table.columns.name = None
    if domains is not None:
        order = domains.sort_values("order")
        table = table.reindex([d for d in order["domain"] if d in table.index])
        table.index = table.index.map(order.set_index("domain")[f"label_{lang}"])
    table.index.name = None
    return table


def crosswalk_for(recommendations: pd.DataFrame, crosswalk: pd.DataFrame, country: str,
                  year: int | None = None) -> pd.DataFrame:
    """The asks of one report (default: the latest coded) with the aims that answer them.

    Returns
    -------
    DataFrame
        One row per (ask, aim): ``code``, ``rank``, ``aim`` (empty where no aim answers it),
        ``link`` (explicit / partial / none), ``indicators``, ``answered`` (link is explicit
        or partial), ``reason_en``, ``reason_ar``.

    Examples
    --------
    >>> recs = pd.DataFrame({"iso3": ["KWT"] * 2, "report_year": [2024] * 2,
    ...                      "code": ["nrm_implement", "sponsorship_reform"], "rank": [1, 2]})
    >>> cw = pd.DataFrame({"code": ["nrm_implement", "sponsorship_reform"],
    ...     "aim": ["A2", ""], "link": ["explicit", "none"], "indicators": ["A2.2", ""],
    ...     "reason_en": ["x", "y"], "reason_ar": ["س", "ص"]})
    >>> crosswalk_for(recs, cw, "KWT")[["code", "aim", "answered"]].values.tolist()
    [['nrm_implement', 'A2', True], ['sponsorship_reform', '', False]]
    """
    recs = _country(recommendations, country)
    year = latest_year(recommendations, country) if year is None else year
    asks = recs[recs["report_year"] == year][["code", "rank"]]
    asks = asks.assign(rank=pd.to_numeric(asks["rank"], errors="coerce"))
    asks = asks.sort_values("rank", kind="stable").drop_duplicates("code")  # best place
    out = asks.merge(crosswalk, on="code", how="left", validate="one_to_many")
    out["answered"] = out["link"].isin(["explicit", "partial"])
    return out.sort_values(["rank", "code"], kind="stable").reset_index(drop=True)


def aims_without_asks(recommendations: pd.DataFrame, crosswalk: pd.DataFrame,
                      aims: pd.DataFrame, country: str, year: int | None = None
                      ) -> pd.DataFrame:
    """Strategy aims that answer none of the asks of a report (default: the latest coded).

    Examples
    --------
    >>> recs = pd.DataFrame({"iso3": ["KWT"], "report_year": [2024], "code": ["awareness"],
    ...                      "rank": [1]})
    >>> cw = pd.DataFrame({"code": ["awareness"], "aim": ["A8"], "link": ["explicit"]})
    >>> aims = pd.DataFrame({"id": ["A8", "A9"], "name_en": ["Awareness", "Ranking"]})
    >>> aims_without_asks(recs, cw, aims, "KWT")["id"].tolist()
    ['A9']
    """
    asked = crosswalk_for(recommendations, crosswalk, country, year)
    used = set(asked.loc[asked["answered"], "aim"])
    return aims[~aims["id"].isin(used)].reset_index(drop=True)


def next_report_evidence(recommendations: pd.DataFrame, crosswalk: pd.DataFrame,
                         indicators: pd.DataFrame, observations: pd.DataFrame, country: str,
                         year: int | None = None, *, lang: str = "en") -> pd.DataFrame:
    """For each ask of the latest report: the indicators that would evidence progress.

    ``has_data`` says whether the workspace holds a value for the indicator: a reported
    observation, or a baseline value in the catalogue. An ask no aim answers, or whose aim has
    no indicator for it, gets one row with an empty ``indicator``.

    Examples
    --------
    >>> recs = pd.DataFrame({"iso3": ["KWT"] * 2, "report_year": [2024] * 2,
    ...                      "code": ["nrm_implement", "sponsorship_reform"], "rank": [1, 2]})
    >>> cw = pd.DataFrame({"code": ["nrm_implement", "sponsorship_reform"],
    ...     "aim": ["A2", ""], "link": ["explicit", "none"], "indicators": ["A2.2", ""],
    ...     "reason_en": ["x", "y"], "reason_ar": ["س", "ص"]})
    >>> ind = pd.DataFrame({"id": ["A2.2"], "name_en": ["Victims referred"],
    ...                     "baseline_value": [float("nan")]})
    >>> obs = pd.DataFrame({"indicator_id": ["A2.2"], "value": [12.0]})
    >>> out = next_report_evidence(recs, cw, ind, obs, "KWT")
    >>> out[["code", "indicator", "has_data"]].values.tolist()
    [['nrm_implement', 'A2.2', True], ['sponsorship_reform', '', False]]
    """
    asks = crosswalk_for(recommendations, crosswalk, country, year)
    observed = set(observations.loc[observations["value"].notna(), "indicator_id"])
    baseline = (set(indicators.loc[indicators["baseline_value"].notna(), "id"])
                if "baseline_value" in indicators else set())
    names = indicators.set_index("id")[f"name_{lang}"]
    rows = []
    for code, group in asks.groupby("code", sort=False):
        ids = sorted({i for cell in group["indicators"].fillna("") for i in cell.split(";")
                      if i})
        rank = group["rank"].iloc[0]
        for ind in ids or [""]:
            rows.append({"code": code, "rank": rank, "indicator": ind,
                         "indicator_name": names.get(ind, ""),
                         "has_data": bool(ind) and (ind in observed or ind in baseline)})
    return pd.DataFrame(rows, columns=["code", "rank", "indicator", "indicator_name",
                                       "has_data"])


def watchlist_clock(status: pd.DataFrame, country: str) -> dict:
    """The Watch List clock of a country in its latest report year, as plain values.

    Parameters
    ----------
    status : DataFrame
        Output of :func:`tipanalysis.tiers.watchlist_status` for the panel.

    Returns
    -------
    dict
        ``report_year``, ``tier``, ``wl_consecutive``, ``waivers_used`` (sourced or inferred
        waiver years in the current run), ``waivers_remaining`` (NaN off the Watch List),
        ``auto_downgrade_next`` (a next Watch List placement is barred: Tier 3 unless it
        moves up), ``rule_citation``.

    Examples
    --------
    >>> s = pd.DataFrame({"iso3": ["KWT"] * 3, "report_year": [2022, 2023, 2024],
    ...     "tier": ["2WL"] * 3, "wl_consecutive": [1, 2, 3],
    ...     "waiver_used": [False, False, True], "waiver_inferred": [False] * 3,
    ...     "waivers_remaining": [1.0, 1.0, 0.0], "auto_downgrade_next": [False, True, True],
    ...     "rule_citation": ["22 U.S.C. 7107(b)(2)(D)"] * 3})
    >>> c = watchlist_clock(s, "KWT")
    >>> c["wl_consecutive"], c["waivers_used"], c["auto_downgrade_next"]
    (3, 1, True)
    """
    rows = _country(status, country).sort_values("report_year")
    if rows.empty:
        raise KeyError(f"no tier placement for {country!r}")
    last = rows.iloc[-1]
    run = int(last["wl_consecutive"])
    current = rows.tail(run) if run else rows.iloc[0:0]
    used = int((current["waiver_used"].astype(bool) | current["waiver_inferred"].astype(bool))
               .sum())
    return {"report_year": int(last["report_year"]), "tier": last["tier"],
            "wl_consecutive": run, "waivers_used": used,
            "waivers_remaining": last["waivers_remaining"],
            "auto_downgrade_next": bool(last["auto_downgrade_next"]),
            "rule_citation": last.get("rule_citation", "")}


def enforcement_side_by_side(enforcement: pd.DataFrame, country: str = "KWT",
                             measures: tuple[str, ...] = ("investigations", "prosecutions",
                                                          "convictions",
                                                          "victims_identified")
                             ) -> pd.DataFrame:
    """TIP-reported and government-reported figures next to each other, never summed.

    One row per (period, reporter); one column per ``measure [unit]`` so that persons and
    cases never share a column. Missing stays NaN.

    Examples
    --------
    >>> e = pd.DataFrame({"iso3": ["KWT"] * 3, "reported_by": ["tip_report", "government",
    ...     "tip_report"], "report_year": [2017, None, 2023],
    ...     "period_start": ["2016-04-01", "2023-04-01", "2022-04-01"],
    ...     "period_end": ["2017-03-31", "2023-12-31", "2023-03-31"],
    ...     "measure": ["prosecutions"] * 3, "unit": ["persons"] * 3, "value": [15, 162, 0]})
    >>> enforcement_side_by_side(e)["prosecutions [persons]"].tolist()
    [15.0, 0.0, 162.0]
    """
    data = enforcement[(enforcement["iso3"] == country)
                       & enforcement["measure"].isin(measures)].copy()
    data["column"] = data["measure"] + " [" + data["unit"].astype(str) + "]"
    keys = ["reported_by", "period_start", "period_end"]
    table = data.pivot_table(index=keys, columns="column", values="value", aggfunc="first",
                             dropna=False)
    table = table.dropna(how="all").reset_index()
    table.columns.name = None
    table["period_start"] = table["period_start"].astype(str)
    return table.sort_values(["period_start", "reported_by"],
                             ascending=[True, False]).reset_index(drop=True)
