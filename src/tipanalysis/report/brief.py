"""Policy briefs in English and Arabic: data → context → HTML → PDF.

Three steps, each usable on its own:

- :func:`build_context` (one language) or :func:`build_contexts` (several, computing the
  numbers once) loads the data, calls the analysis functions (tiers, strategy, impact)
  and returns plain values: sentences built from the translation table
  (:mod:`tipanalysis.core.i18n`), tables, figures as data URIs and the numbers behind them
  (``context["facts"]``, the same in both languages);
- :func:`render_html` fills ``templates/brief.html.j2`` (jinja2, autoescape on, CSS inline,
  figures embedded): one self-contained file, ``lang``/``dir`` set, A4 print CSS;
- :func:`render_pdf` prints that HTML with WeasyPrint, byte-identical from run to run.

:func:`write_context` writes ``brief_<ISO3>_<lang>.html`` (and ``.pdf``) atomically;
:func:`write_brief` and :func:`write_briefs` build and write in one call.

A section whose analysis function is missing or fails says "not available in this build"
instead of inventing content; ``context["problems"]`` lists why, for maintainers.

Digits: Western digits in both languages (:data:`tipanalysis.core.i18n.DIGITS`), in text and charts.
matplotlib and WeasyPrint are imported inside the functions that need them.
"""

from __future__ import annotations

import base64
import contextlib
import hashlib
import json
import logging
import os
import warnings
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, TypeVar

import pandas as pd

from tipanalysis import data
from tipanalysis.core import i18n, paths
from tipanalysis.core.i18n import (
    format_date,
    format_number,
    format_percent,
    join_list,
    t,
    tier_label,
)
from tipanalysis.data import countries
from tipanalysis.data import descriptor as validate
from tipanalysis.impact.reforms import (
    EVENT_CATEGORIES,
    REFORM_EVENTS,
    event_lines,
    policy_events,
)

__all__ = [
    "EVENT_CATEGORIES",
    "EVENT_TEXT_MAX",
    "HORIZON_YEAR",
    "LOGGER",
    "PDF_IDENTIFIER",
    "REFORM_EVENTS",
    "STYLESHEET",
    "TEMPLATE",
    "Memo",
    "build_context",
    "build_contexts",
    "default_year",
    "placement",
    "render_html",
    "render_pdf",
    "write_brief",
    "write_briefs",
    "write_context",
    "year_ranges",
]

LOGGER = logging.getLogger(__name__)

#: Last report year of the 2025–2028 national strategy: the outlook's horizon.
HORIZON_YEAR = 2028
#: Timeline categories drawn on the tier chart and listed under it.
#: Kuwait's reforms whose base rates the impact section reports (event ids of the timeline).
#: Fixed PDF document identifier (WeasyPrint would otherwise derive one per run).
PDF_IDENTIFIER = b"tipanalysis-brief"
#: Longest event description shown in the events table (characters); longer ones are cut.
EVENT_TEXT_MAX = 100
TEMPLATE = "brief.html.j2"
STYLESHEET = "brief.css"

_T = TypeVar("_T")
#: Results shared by the languages of one :func:`build_contexts` call, keyed by what they are.
Memo = dict[tuple[Any, ...], Any]


def _once(memo: Memo, key: tuple[Any, ...], compute: Callable[[], _T]) -> _T:
    """``compute()``, or what it returned for ``key`` earlier in the same build."""
    if key not in memo:
        memo[key] = compute()
    return memo[key]


# --------------------------------------------------------------------------------- helpers
def placement(status: object, tier: object) -> str | None:
    """Return the tier label of a panel row: ``1``/``2``/``2WL``/``3``, ``special`` or ``None``.

    Examples
    --------
    >>> placement("ranked", "2WL"), placement("special", float("nan"))
    ('2WL', 'special')
    """
    if status == "special":
        return "special"
    if tier is None or (isinstance(tier, float) and tier != tier) or pd.isna(tier):
        return None
    return str(tier)


def default_year(panel: pd.DataFrame, iso3: str) -> int:
    """Return the latest report year with a placement (tier or Special Case) for ``iso3``.

    Examples
    --------
    >>> p = pd.DataFrame({"iso3": ["KWT", "KWT"], "report_year": [2024, 2025]})
    >>> default_year(p, "KWT")
    2025
    """
    years = panel.loc[panel["iso3"] == iso3, "report_year"]
    if years.empty:
        raise ValueError(f"no tier placement for {iso3!r} in the data")
    return int(years.max())


def year_ranges(years: list[int]) -> list[str]:
    """Compress sorted years into ranges: ``[2001, 2002, 2003, 2005]`` → ``2001–2003, 2005``.

    Examples
    --------
    >>> year_ranges([2001, 2002, 2003, 2005])
    ['2001–2003', '2005']
    """
    out: list[str] = []
    for year in sorted(years):
        if out and int(out[-1].split("–")[-1]) == year - 1:
            out[-1] = f"{out[-1].split('–')[0]}–{year}"
        else:
            out.append(str(year))
    return out


def _figure_uri(fig: Any, fmt: str = "svg") -> str:
    """Return a matplotlib Figure as a ``data:`` URI; fixed metadata makes the bytes stable."""
    from tipanalysis.viz.figures import figure_bytes

    if fmt == "svg":
        raw = figure_bytes(fig, "svg", metadata={"Date": None})
        mime = "image/svg+xml"
    else:
        raw = figure_bytes(fig, "png", dpi=130, metadata={"Software": None})
        mime = "image/png"
    return f"data:{mime};base64,{base64.b64encode(raw).decode('ascii')}"


def _section(key: str, lang: str, **title_fields: object) -> dict[str, Any]:
    return {"id": key.split(".")[-1], "title": t(key, lang, **title_fields), "available": True,
            "sentences": [], "figure": None, "figure_alt": "", "table": None, "notes": []}


def _guarded(section: dict[str, Any], what: str, lang: str, problems: list[str],
             fill: Callable[[], None]) -> dict[str, Any]:
    """Run ``fill``; if an analysis function is missing or fails, say so instead of content."""
    try:
        fill()
    except Exception as exc:  # any failure of a collaborator degrades, never crashes the brief
        LOGGER.warning("brief section %s not available: %r", section["id"], exc)
        problems.append(f"{section['id']}: {type(exc).__name__}: {exc}")
        section.update(available=False, figure=None, table=None, notes=[],
                       sentences=[t("brief.unavailable", lang, what=t(what, lang))])
    return section


# --------------------------------------------------------------------------------- sections
def _headline(rows: pd.DataFrame, year: int, lang: str, cname: str, timeline: pd.DataFrame | None,
              facts: dict[str, Any]) -> list[str]:
    """Sentences of the headline: tier, change from the previous report, waiver, announcement."""
    now = rows[rows["report_year"] == year].iloc[0]
    prev = rows[rows["report_year"] == year - 1]
    tier_now = placement(now["status"], now["tier"])
    tier_prev = placement(prev.iloc[0]["status"], prev.iloc[0]["tier"]) if len(prev) else None
    facts.update(year=year, tier=tier_now, prev_tier=tier_prev)
    if tier_now == "special":
        sentences = [t("headline.special", lang, year=year, country=cname)]
    elif tier_prev is None or tier_prev == "special":
        sentences = [t("headline.entered", lang, year=year, country=cname,
                       tier=tier_label(tier_now, lang))]
    else:
        from tipanalysis.core.tierscale import tier_rank

        now_rank, prev_rank = tier_rank(tier_now), tier_rank(tier_prev)
        change = "same" if now_rank == prev_rank else (
            "upgrade" if now_rank < prev_rank else "downgrade")
        run = 1
        for y in range(year - 1, 0, -1):
            row = rows[rows["report_year"] == y]
            if row.empty or placement(row.iloc[0]["status"], row.iloc[0]["tier"]) != tier_now:
                break
            run += 1
        facts.update(change=change, years_on_tier=run)
        sentences = [t(f"headline.{change}", lang, year=year, country=cname, n=run,
                       tier=tier_label(tier_now, lang), prev_tier=tier_label(tier_prev, lang),
                       prev_year=year - 1)]
    if bool(now.get("waiver")) and not pd.isna(now.get("waiver")):
        sentences.append(t("headline.waiver", lang))
    announced = _announcement(timeline, year)
    if announced:
        facts["announced"] = announced
        sentences.append(t("brief.announced", lang, date=format_date(announced, lang)))
    return sentences


def _announcement(timeline: pd.DataFrame | None, year: int) -> str | None:
    """Day-precise date of a ``ranking`` event in the report year, if the timeline has one."""
    if timeline is None or timeline.empty:
        return None
    hits = timeline[(timeline["category"] == "ranking") & (timeline["date_precision"] == "day")
                    & timeline["date"].astype(str).str.startswith(str(year))]
    return str(hits["date"].iloc[0]) if len(hits) else None


def _timeline(section: dict, rows: pd.DataFrame, timeline: pd.DataFrame | None, year: int,
              lang: str, cname: str, facts: dict[str, Any]) -> None:
    from tipanalysis.viz import plots

    labels = [placement(s, tr) for s, tr in zip(rows["status"], rows["tier"], strict=True)]
    counts = {k: labels.count(k) for k in ("1", "2", "2WL", "3", "special")}
    first, last = int(rows["report_year"].min()), int(rows["report_year"].max())
    facts["timeline"] = {"n": len(rows), "first": first, "last": last, **counts}
    section["sentences"].append(t(
        "timeline.summary", lang, country=cname, n=len(rows), first=first, last=last,
        n1=counts["1"], n2=counts["2"], nwl=counts["2WL"], n3=counts["3"], ns=counts["special"]))
    events = None
    if timeline is not None and len(timeline):
        events = policy_events(timeline, until=year + 1)
    fig = plots.plot_tier_timeline(rows, event_lines(events), country=cname, lang=lang).figure
    fig.set_size_inches(8.5, 3.6)
    section["figure"] = _figure_uri(fig, "svg")
    section["figure_alt"] = t("title.timeline", lang, country=cname)
    if events is None or events.empty:
        section["notes"].append(t("timeline.no_events", lang))
        return
    section["notes"] += [t("timeline.events", lang), t("timeline.source_language", lang)]
    facts["events"] = events["event_id"].tolist()
    table_rows = []
    for e in events.itertuples():
        text = str(e.event)
        text = text if len(text) <= EVENT_TEXT_MAX else text[:EVENT_TEXT_MAX - 1].rstrip() + "…"
        table_rows.append([e.label, format_date(e.date, lang, e.date_precision),
                           t(f"category.{e.category}", lang), text])
    section["table"] = {"header": [t(k, lang) for k in ("col.number", "col.date",
                                                        "col.category", "col.event")],
                        "rows": table_rows, "source_language_col": 3, "class": "events"}


def _compare(section: dict, panel: pd.DataFrame, coverage: pd.DataFrame, iso3: str, year: int,
             lang: str, cname: str, facts: dict[str, Any], memo: Memo,
             data_dir: Path | str | None) -> None:
    from tipanalysis import tiers

    def versus(group: str, members: list[str]) -> pd.DataFrame:
        return _once(memo, ("peers", iso3, year, group), lambda: tiers.peer_comparison(
            panel, iso3, [c for c in members if c != iso3], coverage=coverage))

    gcc = countries.members("GCC", data_dir=data_dir)
    comp = versus("GCC", gcc)
    row = comp[comp["report_year"] == year].iloc[0]
    region = countries.region_of(iso3, data_dir=data_dir)
    groups = ([(region, countries.members(region, data_dir=data_dir))] if region else []) + [
        ("world", sorted(panel["iso3"].unique()))]
    if pd.isna(row["rank_in_group"]):  # a Special Case has no tier, hence no rank
        section["sentences"].append(t("compare.unranked", lang, country=cname, year=year))
        groups = []
    else:
        facts["gcc"] = {"n": int(row["n"]), "rank": int(row["rank_in_group"])}
        section["sentences"].append(t("compare.gcc", lang, year=year, n=int(row["n"]),
                                      country=cname, rank=int(row["rank_in_group"])))
    for group, members in groups:
        peers = versus(group, members)
        r = peers[peers["report_year"] == year].iloc[0]
        pct, mean = float(r["percentile"]) / 100, float(r["peer_mean_score"])
        facts[f"group_{group}"] = {"n": int(r["n"]), "rank": int(r["rank_in_group"]),
                                   "pct": format_percent(pct), "mean": format_number(mean, "en", 2)}
        section["sentences"].append(t(
            "compare.group", lang, group=t(f"group.{group}", lang), country=cname,
            rank=int(r["rank_in_group"]), n=int(r["n"]), pct=format_percent(pct, lang),
            mean=format_number(mean, lang, 2)))
    status = _completeness(coverage, year)
    if status != "complete":
        section["notes"].append(t("compare.partial", lang, year=year,
                                  status=t(f"coverage.{status}", lang)))
    table = []
    members = gcc if iso3 in gcc else [iso3, *gcc]
    for member in members:
        own = panel[panel["iso3"] == member]
        cells = []
        for y in (year - 1, year):
            hit = own[own["report_year"] == y]
            cells.append(tier_label(placement(hit.iloc[0]["status"], hit.iloc[0]["tier"])
                                    if len(hit) else None, lang))
        table.append([countries.name(member, lang, data_dir=data_dir), *cells])
    section["table"] = {"header": [t("col.country", lang), f"{t('col.tier_prev', lang)} "
                                   f"({year - 1})", f"{t('col.tier_now', lang)} ({year})"],
                        "rows": table, "class": "gcc", "highlight": members.index(iso3)}


def _completeness(coverage: pd.DataFrame, year: int) -> str:
    hit = coverage.loc[coverage["report_year"] == year, "completeness"]
    return str(hit.iloc[0]) if len(hit) else "unverified"


def _map(section: dict, panel: pd.DataFrame, iso3: str, year: int, lang: str,
         data_dir: Path | str | None, memo: Memo) -> None:
    from tipanalysis.viz import maps

    frame = _once(memo, ("map", year), lambda: maps.tier_map_frame(
        data.load_boundaries(data_dir), panel[panel["report_year"] == year]))
    gcc = countries.members("GCC", data_dir=data_dir)
    if iso3 in gcc:
        names = {c: countries.name(c, lang, data_dir=data_dir) for c in gcc}
        fig = maps.plot_tier_map(frame, year=year, lang=lang, extent=maps.GULF_EXTENT,
                                 labels=names).figure
        fig.set_size_inches(6.2, 4.6)
    else:
        fig = maps.plot_tier_map(frame, year=year, lang=lang).figure
        fig.set_size_inches(8.5, 4.3)
    section["figure"] = _figure_uri(fig, "png")
    section["figure_alt"] = t("title.map", lang, year=year)
    section["notes"].append(t("map.caption", lang, year=year))


def _outlook(section: dict, panel: pd.DataFrame, iso3: str, year: int, lang: str, cname: str,
             facts: dict[str, Any], memo: Memo) -> None:
    from tipanalysis import tiers

    horizon = HORIZON_YEAR - year
    if horizon < 1:
        section["sentences"].append(t("outlook.past", lang, year=year, last=HORIZON_YEAR))
        return
    history = panel[panel["iso3"] == iso3]
    if history.sort_values("report_year")["tier"].isna().iloc[-1]:
        section["sentences"].append(t("outlook.unranked", lang, country=cname, year=year))
        return
    by_year = _once(memo, ("outlook", iso3, year), lambda: [
        tiers.forecast_summary(history, panel, horizon=h, n_boot=1000, seed=0)
        .set_index("measure") for h in range(1, horizon + 1)])
    last = by_year[-1]
    ok, hit = last.loc["p_tier2_or_better_every_report"], last.loc["p_reach_tier1"]
    pct = {k: format_percent(v) for k, v in {
        "p": ok["estimate"], "lo": ok["ci_low"], "hi": ok["ci_high"], "p1": hit["estimate"],
        "lo1": hit["ci_low"], "hi1": hit["ci_high"]}.items()}
    final = {k: format_percent(last.loc[f"p_tier{tier}_final", "estimate"])
             for k, tier in zip("abcd", ("1", "2", "2WL", "3"), strict=True)}
    window = tiers.default_years(panel)  # the estimation window chosen by the backtest
    since = window.start if window is not None else int(panel["report_year"].min())
    facts["outlook"] = {"last": HORIZON_YEAR, "since": since, **pct, **final}
    section["sentences"] += [
        t("outlook.main", lang, since=since, country=cname, last=HORIZON_YEAR, **pct),
        t("outlook.final", lang, last=HORIZON_YEAR, **final)]
    section["notes"].append(t("outlook.assumptions", lang))
    from tipanalysis.viz.forecast import plot_outlook

    section["figure"] = _figure_uri(plot_outlook(by_year, year, lang).figure, "svg")
    section["figure_alt"] = t("outlook.title", lang, country=cname, last=HORIZON_YEAR)


def _annex(section: dict, panel: pd.DataFrame, iso3: str, year: int, lang: str,
           facts: dict[str, Any], memo: Memo) -> None:
    """Estimation-window table and the backtest verdict of the outlook's forecast."""
    from tipanalysis import tiers

    horizon = HORIZON_YEAR - year
    history = panel[panel["iso3"] == iso3]
    if horizon < 1 or history.sort_values("report_year")["tier"].isna().iloc[-1]:
        section["sentences"].append(t("annex.none", lang))
        return
    windows = {k: v for k, v in tiers.BACKTEST_WINDOWS.items() if v < year - 1}
    sens = _once(memo, ("annex.windows", iso3, year), lambda: tiers.window_sensitivity(
        history, panel, windows=windows, horizon=horizon, n_boot=1000, seed=0))
    default = tiers.default_years(panel)
    rows, highlight = [], None

    def cell(r: pd.Series) -> str:
        return t("annex.cell", lang, p=format_percent(r["estimate"], lang),
                 lo=format_percent(r["ci_low"], lang), hi=format_percent(r["ci_high"], lang))

    for i, (name, first) in enumerate(windows.items()):
        w = sens[sens["window"] == name].set_index("measure")
        label = t("annex.window", lang, first=first, last=year)
        if default is not None and first == default.start:
            label, highlight = f"{label} {t('annex.default', lang)}", i
        rows.append([label, cell(w.loc["p_tier2_or_better_every_report"]),
                     cell(w.loc["p_reach_tier1"])])
    section["table"] = {"class": "windows", "rows": rows, "highlight": highlight,
                        "header": [t(k, lang, last=HORIZON_YEAR) for k in (
                            "annex.col.window", "annex.col.ok", "annex.col.tier1")]}
    first = default.start if default is not None else int(panel["report_year"].min())
    section["sentences"].append(t("annex.windows", lang, first=first, last=HORIZON_YEAR))
    fc = _once(memo, ("annex.backtest", year), lambda: tiers.backtest(  # 3 reports ahead
        panel, methods=("persistence", "first_order", "duration_chain"), horizon=3,
        windows={"window": first}))
    v = tiers.verdict(tiers.scores(fc), window="window").set_index("horizon")
    if v.empty:
        return
    h1, hn = v.index.min(), v.index.max()
    num = {f"{k}{h}": format_number(v.loc[hh, col], lang, 3)
           for h, hh in (("1", h1), ("n", hn))
           for k, col in (("m", "log_score"), ("p", "log_score_persistence"),
                          ("f", "log_score_first_order"))}
    origins = fc["origin"]
    facts["backtest"] = {"beats_persistence": bool(v["beats_persistence"].all()),
                         "beats_first_order": bool(v["beats_first_order"].all()),
                         **{k: round(float(v.loc[hh, c]), 3) for k, hh, c in (
                             ("log_score_1", h1, "log_score"),
                             ("log_score_persistence_1", h1, "log_score_persistence"))}}
    verdict = ("annex.verdict.both" if v["beats_first_order"].all() else
               "annex.verdict.persistence") if v["beats_persistence"].all() else \
        "annex.verdict.not_persistence"
    section["sentences"] += [
        t("annex.backtest", lang, first=int(origins.min()), last=int(origins.max()), **num),
        t(verdict, lang)]
    section["notes"].append(t("annex.scores", lang))


def _strategy(section: dict, iso3: str, year: int, lang: str, data_dir: Path | str | None,
              facts: dict[str, Any], memo: Memo) -> None:
    if iso3 != "KWT":
        section["sentences"].append(t("strategy.only_kwt", lang))
        return
    from tipanalysis import strategy

    as_of = f"{year}-12-31"

    def review() -> tuple[Any, pd.DataFrame, pd.DataFrame]:
        fw = strategy.load_framework(data_dir)
        obs = strategy.load_observations(data_dir)
        return fw, obs, strategy.review(fw.indicators, obs, as_of=as_of)

    fw, obs, reviewed = _once(memo, ("strategy", as_of), review)
    ind = fw.indicators
    n_target = int(ind["target_value"].notna().sum())
    n_nodata = int((reviewed["status"] == "no-data").sum())
    info = fw.strategy
    facts["strategy"] = {"n": len(ind), "n_target": n_target,
                         "n_baseline": int(ind["baseline_value"].notna().sum()),
                         "n_data": len(reviewed) - n_nodata, "n_nodata": n_nodata,
                         "as_of": as_of, "launched": info["launched"]}
    section["sentences"] += [
        t("strategy.intro", lang, start=info["start_year"], end=info["end_year"],
          launched=format_date(info["launched"], lang), n=len(ind), n_target=n_target,
          n_baseline=facts["strategy"]["n_baseline"]),
        t("strategy.status", lang, as_of=format_date(as_of, lang),
          n_data=facts["strategy"]["n_data"], n_nodata=n_nodata)]
    if n_target == 0:
        section["sentences"].append(t("strategy.no_targets", lang))
    comp = strategy.completeness(ind, obs, as_of=as_of)
    if len(comp):
        c = comp.iloc[-1]
        share = format_percent(float(c["share_reported"]) / 100, lang)
        facts["strategy"]["completeness"] = [int(c["year"]), int(c["n_reported"]),
                                             int(c["n_indicators"]), share]
        section["sentences"].append(t(
            "strategy.completeness", lang, year=int(c["year"]), n_rep=int(c["n_reported"]),
            n_ind=int(c["n_indicators"]), share=share, n_src=int(c["n_sourced"]),
            n_pub=int(c["n_public"])))
    names = dict(zip(fw.strands["id"], fw.strands[f"name_{lang}"], strict=True))
    rolled = strategy.rollup(reviewed)
    rolled = rolled[rolled["strand"] != "overall"]
    section["table"] = {
        "header": [t(k, lang) for k in ("col.strand", "col.indicators", "col.with_data",
                                        "col.status")],
        "rows": [[names.get(r.strand, r.strand), int(r.n_indicators), int(r.n_with_data),
                  strategy.status_label(r.status, lang)] for r in rolled.itertuples()],
        "class": "strands"}


def _impact(section: dict, panel: pd.DataFrame, timeline: pd.DataFrame | None, iso3: str,
            year: int, lang: str, facts: dict[str, Any], memo: Memo) -> None:
    if iso3 != "KWT" or timeline is None:
        section["sentences"].append(t("impact.only_kwt", lang))
        return
    from tipanalysis import impact, tiers

    events = impact.map_events_to_report_years(
        timeline[timeline["category"].isin(EVENT_CATEGORIES)], policy="latest")
    reforms = events.set_index("event_id").reindex(
        [e for e in REFORM_EVENTS if e in set(events["event_id"])])
    own = panel[(panel["iso3"] == iso3) & panel["tier"].notna()][["report_year", "tier"]]
    ranked = set(own["report_year"].astype(int))
    P = _once(memo, ("transitions", year), lambda: tiers.transition_matrix(panel))
    usable = [(eid, int(r)) for eid, r in reforms["report_year"].items() if int(r) - 1 in ranked]
    up = impact.base_rate_comparison(P, own, [r for _, r in usable], horizon=2,
                                     targets="upgrade").set_index("reform_year")
    section["sentences"].append(t("impact.intro", lang))
    rows, found = [], []
    for eid, first in usable:
        if first > year:
            continue
        r = up.loc[first]
        observed = ("impact.pending" if pd.isna(r["observed"]) else
                    "impact.upgraded" if bool(r["observed"]) else "impact.not_upgraded")
        found.append([eid, first, format_percent(r["expected_prob"]), observed])
        rows.append([t(f"reform.{eid}", lang), first,
                     f"{tier_label(str(r['baseline_tier']), lang)} ({int(r['baseline_year'])})",
                     format_percent(r["expected_prob"], lang), t(observed, lang)])
    facts["impact"] = found
    if rows:
        section["table"] = {"header": [t(k, lang) for k in (
            "col.reform", "col.first_report", "col.baseline", "col.expected", "col.observed")],
            "rows": rows, "class": "impact"}
    pending = [(eid, r) for eid, r in usable if r > year]
    if pending:
        eid, first = pending[-1]
        down = impact.base_rate_comparison(P, own, [first], horizon=2, targets="downgrade")
        d = down.iloc[0]
        facts["impact_pending"] = [eid, first, format_percent(d["expected_prob"])]
        section["sentences"].append(t(
            "impact.current", lang, reform=t(f"reform.{eid}", lang), year=first,
            tier=tier_label(str(d["baseline_tier"]), lang),
            p=format_percent(d["expected_prob"], lang)))
    section["notes"].append(t("impact.limits", lang))


def _caveats(coverage: pd.DataFrame, year: int, lang: str, facts: dict[str, Any]) -> list[str]:
    out = [t("caveat.effort", lang), t("caveat.period", lang)]
    row = coverage[coverage["report_year"] == year]
    if len(row):
        r = row.iloc[0]
        status = t(f"coverage.{r['completeness']}", lang)
        if pd.notna(r["official_total"]):
            out.append(t("caveat.coverage_checked", lang, year=year, status=status,
                         n=int(r["n_total"]), official=int(r["official_total"])))
        else:
            out.append(t("caveat.coverage_unverified", lang, year=year, status=status,
                         n=int(r["n_total"])))
    partial = sorted(int(y) for y in coverage.loc[coverage["completeness"] != "complete",
                                                  "report_year"] if int(y) <= year)
    if partial:
        facts["partial_years"] = partial
        out.append(t("caveat.partial_years", lang, years=join_list(year_ranges(partial), lang)))
    out.append(t("caveat.sources", lang))
    return out


def _descriptor(data_dir: Path | str | None) -> dict[str, Any]:
    return validate.read_descriptor(data_dir)  # the data layer reads; the brief only cites


def _sources(descriptor: dict[str, Any], names: list[str], lang: str) -> list[dict[str, str]]:
    """Distinct sources of the resources the brief uses, with their access dates."""
    seen: dict[tuple[str, str], dict[str, str]] = {}
    for resource in descriptor.get("resources", []):
        if resource.get("name") not in names:
            continue
        for src in resource.get("sources", []):
            key = (str(src.get("title", "")), str(src.get("path", "")))
            if key not in seen:
                accessed = src.get("accessed")
                seen[key] = {"title": key[0], "url": key[1], "accessed":
                             t("source.accessed", lang, date=format_date(accessed, lang))
                             if accessed else ""}
    return list(seen.values())


def _digest(descriptor: dict[str, Any]) -> str:
    for resource in descriptor.get("resources", []):
        if resource.get("path") == "tiers/tier_placements.csv":
            return str(resource.get("hash", "")).removeprefix("sha256:")[:12]
    return hashlib.sha256(json.dumps(descriptor, sort_keys=True).encode()).hexdigest()[:12]


# --------------------------------------------------------------------------------- public API
def build_context(country: str, lang: str = "en", year: int | None = None,
                  data_dir: Path | str | None = None) -> dict[str, Any]:
    """Compute everything a brief shows, in ``lang``: sentences, tables, figures and facts.

    Parameters
    ----------
    country : str
        ISO3 code or a country name (resolved with :func:`tipanalysis.data.countries.to_iso3`).
    lang : {"en", "ar"}
    year : int, optional
        TIP report year; default the latest year with a placement for the country. Data of
        later report years are ignored, so a brief for an earlier year reads as it would have.
    data_dir : path, optional
        Data folder (default the repository's ``data/``).

    Returns
    -------
    dict
        ``lang``, ``dir``, ``iso3``, ``country``, ``year``, ``title``, ``subtitle``,
        ``headline`` (sentences), ``sections`` (list of dicts with ``title``, ``available``,
        ``sentences``, ``figure`` data URI, ``table``, ``notes``), ``caveats``, ``sources``,
        ``facts`` (the numbers, identical in both languages), ``problems`` (why a section is
        not available, in English, for maintainers), ``created`` (fixed PDF date).

    See Also
    --------
    build_contexts : the same for several languages, computing the numbers once.

    Examples
    --------
    >>> ctx = build_context("KWT", "ar")  # doctest: +SKIP
    >>> ctx["facts"]["tier"], ctx["dir"]  # doctest: +SKIP
    ('2', 'rtl')
    """
    return build_contexts(country, (lang,), year=year, data_dir=data_dir)[lang]


def build_contexts(country: str, langs: tuple[str, ...] = i18n.LANGS, year: int | None = None,
                   data_dir: Path | str | None = None) -> dict[str, dict[str, Any]]:
    """The brief's context (see :func:`build_context`) in each language of ``langs``.

    Data are read and the language-free numbers (forecast bootstrap, map frame, strategy
    review) computed once for all languages; sentences and figures are made per language.
    ``context["facts"]`` is therefore the same object's values in every language.

    Examples
    --------
    >>> contexts = build_contexts("KWT")  # doctest: +SKIP
    >>> contexts["ar"]["facts"] == contexts["en"]["facts"]  # doctest: +SKIP
    True
    """
    unknown = [lang for lang in langs if lang not in i18n.LANGS]
    if unknown:
        raise ValueError(f"unknown language {unknown[0]!r}; expected one of {i18n.LANGS}")
    iso3 = countries.to_iso3(country, data_dir=data_dir)
    memo: Memo = {}
    return {lang: _build(iso3, lang, year, data_dir, memo) for lang in dict.fromkeys(langs)}


def _build(iso3: str, lang: str, year: int | None, data_dir: Path | str | None,
           memo: Memo) -> dict[str, Any]:
    full = _once(memo, ("tiers",), lambda: data.load_tiers(data_dir))
    year = default_year(full, iso3) if year is None else int(year)
    panel = full[full["report_year"] <= year]
    rows = panel[panel["iso3"] == iso3].sort_values("report_year")
    if not (rows["report_year"] == year).any():
        raise ValueError(f"no tier placement for {iso3} in the TIP Report {year}")
    coverage = _once(memo, ("coverage",), lambda: data.load_coverage(data_dir))
    coverage = coverage[coverage["report_year"] <= year]
    timeline = (_once(memo, ("timeline",), lambda: data.load_timeline(data_dir))
                if iso3 == "KWT" else None)
    cname = countries.name(iso3, lang, data_dir=data_dir)
    facts: dict[str, Any] = {"iso3": iso3}
    problems: list[str] = []

    timeline_sec = _section("sec.timeline", lang)
    _guarded(timeline_sec, "sec.timeline", lang, problems,
             lambda: _timeline(timeline_sec, rows, timeline, year, lang, cname, facts))
    compare_sec = _section("sec.compare", lang)
    _guarded(compare_sec, "sec.compare", lang, problems,
             lambda: _compare(compare_sec, panel, coverage, iso3, year, lang, cname, facts,
                              memo, data_dir))
    map_sec = _section("sec.map", lang)
    _guarded(map_sec, "sec.map", lang, problems,
             lambda: _map(map_sec, panel, iso3, year, lang, data_dir, memo))
    outlook_sec = _section("sec.outlook", lang, last=HORIZON_YEAR)
    _guarded(outlook_sec, "forecast.what", lang, problems,
             lambda: _outlook(outlook_sec, panel, iso3, year, lang, cname, facts, memo))
    strategy_sec = _section("sec.strategy", lang)
    _guarded(strategy_sec, "strategy.what", lang, problems,
             lambda: _strategy(strategy_sec, iso3, year, lang, data_dir, facts, memo))
    annex_sec = _section("sec.annex", lang)
    _guarded(annex_sec, "forecast.what", lang, problems,
             lambda: _annex(annex_sec, panel, iso3, year, lang, facts, memo))
    impact_sec = _section("sec.impact", lang)
    _guarded(impact_sec, "impact.what", lang, problems,
             lambda: _impact(impact_sec, panel, timeline, iso3, year, lang, facts, memo))

    descriptor = _once(memo, ("descriptor",), lambda: _descriptor(data_dir))
    used = ["tier_placements", "coverage", "countries", "countries_50m"]
    used += ["kuwait_timeline", "strategy_framework", "strategy_observations"] * (iso3 == "KWT")
    own = rows[rows["report_year"] == year].iloc[0]
    accessed = sorted(s.get("accessed", "") for r in descriptor.get("resources", [])
                      for s in r.get("sources", []) if s.get("accessed"))
    return {
        "lang": lang, "dir": i18n.text_direction(lang), "iso3": iso3, "country": cname,
        "year": year, "title": t("brief.title", lang, country=cname),
        "report": t("brief.report", lang, year=year),
        "period": t("brief.period", lang, prev=year - 1, year=year),
        "headline_title": t("sec.headline", lang),
        "headline": _headline(rows, year, lang, cname, timeline, facts),
        "sections": [timeline_sec, compare_sec, map_sec, outlook_sec, strategy_sec, impact_sec],
        "annex": annex_sec,
        "caveats_title": t("sec.caveats", lang),
        "caveats": _caveats(coverage, year, lang, facts),
        "sources_title": t("sec.sources", lang),
        "placement_source": {"label": t("source.placement", lang, year=year),
                             "url": "" if pd.isna(own["source_url"]) else str(own["source_url"])},
        "sources": _sources(descriptor, used, lang),
        "generated": t("brief.generated", lang, digest=_digest(descriptor)),
        "digits": t("brief.digits", lang),
        "facts": facts, "problems": problems,
        "created": (accessed[-1] if accessed else "2000-01-01") + "T00:00:00Z",
    }


def render_html(context: dict[str, Any]) -> str:
    """Render a context as one self-contained HTML page (autoescaped, CSS inline).

    Examples
    --------
    >>> page = render_html(build_context("KWT", "ar"))  # doctest: +SKIP
    >>> '<html lang="ar" dir="rtl">' in page  # doctest: +SKIP
    True
    """
    import jinja2
    import markupsafe

    env = jinja2.Environment(loader=jinja2.PackageLoader("tipanalysis", "templates"),
                             autoescape=True, trim_blocks=True, lstrip_blocks=True,
                             keep_trailing_newline=True, undefined=jinja2.StrictUndefined)
    css = (paths.PACKAGE_DIR / "templates" / STYLESHEET).read_text(encoding="utf-8")
    if "</" in css:  # would end the <style> element early
        raise ValueError(f"{STYLESHEET} must not contain '</'")
    # The stylesheet is the package's own file, not data: insert it unescaped, since entities
    # are not decoded inside <style> (an escaped '"DejaVu Sans"' is no font name at all).
    return env.get_template(TEMPLATE).render(css=markupsafe.Markup(css), **context)


@contextlib.contextmanager
def _deterministic_pdf() -> Iterator[None]:
    """Make WeasyPrint's embedded font subsets identical between runs.

    WeasyPrint subsets fonts with fontTools here (HarfBuzz-Subset is not installed), and
    fontTools stamps each subset's ``head`` table with the current time unless
    ``SOURCE_DATE_EPOCH`` is set. Fix the epoch while printing, and keep the fontTools path even
    where HarfBuzz-Subset is installed (that path is not checked for determinism); then restore.
    """
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)  # "HarfBuzz-Subset will be required"
        import weasyprint.pdf.fonts as fonts

    saved_subset, saved_epoch = fonts.harfbuzz_subset, os.environ.get("SOURCE_DATE_EPOCH")
    log = logging.getLogger("weasyprint")
    saved_level = log.level
    fonts.harfbuzz_subset = None
    os.environ["SOURCE_DATE_EPOCH"] = "0"
    log.setLevel(logging.ERROR)  # silences the "fontTools instead of HarfBuzz" notice
    try:
        yield
    finally:
        fonts.harfbuzz_subset = saved_subset
        log.setLevel(saved_level)
        if saved_epoch is None:
            os.environ.pop("SOURCE_DATE_EPOCH", None)
        else:
            os.environ["SOURCE_DATE_EPOCH"] = saved_epoch


def render_pdf(html: str) -> bytes:
    """Print the brief's HTML to an A4 PDF with WeasyPrint; same HTML → same bytes.

    Dates come from the page's ``dcterms.created``/``dcterms.modified`` meta tags (fixed by
    :func:`build_context`), the identifier is :data:`PDF_IDENTIFIER`.

    Examples
    --------
    >>> pdf = render_pdf(render_html(build_context("KWT", "en")))  # doctest: +SKIP
    >>> pdf[:5]  # doctest: +SKIP
    b'%PDF-'
    """
    with _deterministic_pdf():
        from weasyprint import HTML

        return HTML(string=html, base_url=str(paths.PACKAGE_DIR / "templates")).write_pdf(
            pdf_identifier=PDF_IDENTIFIER)


def write_context(context: dict[str, Any], out_dir: Path | str, pdf: bool = False
                  ) -> list[Path]:
    """Write a built context as ``brief_<ISO3>_<lang>.html`` (and ``.pdf`` if ``pdf``).

    Each file is written to a temporary file in ``out_dir`` and renamed into place, so a
    reader never sees half a brief. Returns the paths written.

    Examples
    --------
    >>> write_context(build_context("KWT", "ar"), "reports", pdf=True)  # doctest: +SKIP
    [PosixPath('reports/brief_KWT_ar.html'), PosixPath('reports/brief_KWT_ar.pdf')]
    """
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    html = render_html(context)
    stem = f"brief_{context['iso3']}_{context['lang']}"
    written = [out / f"{stem}.html"]
    pdf_bytes = render_pdf(html) if pdf else None  # render first: no file if printing fails
    validate.atomic_write_bytes(written[0], html.encode("utf-8"))
    if pdf_bytes is not None:
        written.append(out / f"{stem}.pdf")
        validate.atomic_write_bytes(written[1], pdf_bytes)
    return written


def write_brief(country: str, lang: str, out_dir: Path | str, year: int | None = None,
                pdf: bool = False, data_dir: Path | str | None = None) -> list[Path]:
    """Build the brief in ``lang`` and write it with :func:`write_context`.

    Examples
    --------
    >>> write_brief("KWT", "ar", "reports", pdf=True)  # doctest: +SKIP
    [PosixPath('reports/brief_KWT_ar.html'), PosixPath('reports/brief_KWT_ar.pdf')]
    """
    return write_context(build_context(country, lang, year=year, data_dir=data_dir), out_dir,
                         pdf=pdf)


def write_briefs(country: str, out_dir: Path | str, *, langs: tuple[str, ...] = i18n.LANGS,
                 year: int | None = None, pdf: bool = True,
                 data_dir: Path | str | None = None) -> list[Path]:
    """Write the brief in every language of ``langs`` (default English and Arabic).

    Examples
    --------
    >>> [p.name for p in write_briefs("QAT", "/tmp/briefs")]  # doctest: +SKIP
    ['brief_QAT_en.html', 'brief_QAT_en.pdf', 'brief_QAT_ar.html', 'brief_QAT_ar.pdf']
    """
    contexts = build_contexts(country, langs, year=year, data_dir=data_dir)
    return [p for context in contexts.values() for p in write_context(context, out_dir, pdf=pdf)]


def __dir__() -> list[str]:
    # Tab completion shows the public API only, not pd, np or helpers.
    return list(__all__)
