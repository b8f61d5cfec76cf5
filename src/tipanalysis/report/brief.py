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
    "build_sweep",
    "default_year",
    "inferred_count",
    "outlook_summaries",
    "peer_group",
    "placement",
    "ranked_countries",
    "render_html",
    "render_pdf",
    "strategy_review",
    "tier_phrase",
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


# --------------------------------------------------------------------------------- language
#: Verb and pronoun forms agreeing with the country (docs/arabic_style.md, "Country gender"):
#: field -> (feminine, masculine). English patterns ignore these fields.
_AGREE: dict[str, tuple[str, str]] = {
    "placed": ("صُنِّفت", "صُنِّف"), "was": ("كانت", "كان"), "kept": ("حافظت", "حافظ"),
    "comes": ("تأتي", "يأتي"), "leads": ("تتصدر", "يتصدر"), "came": ("وردت", "ورد"),
    "placed_juss": ("تُصنَّف", "يُصنَّف"), "got": ("حصلت", "حصل"), "ahead": ("وتتقدم", "ويتقدم"),
    "its": ("تصنيفها", "تصنيفه"), "its_rank": ("لتصنيفها", "لتصنيفه"), "for_it": ("لها", "له"),
}
_EN_NUMBER = {2: "two", 3: "three", 4: "four", 5: "five", 6: "six", 7: "seven", 8: "eight",
              9: "nine", 10: "ten"}
#: Definite feminine number adjectives («دول المجلس الست», «الدول الأربع الأخرى»).
_AR_DEF_F = {3: "الثلاث", 4: "الأربع", 5: "الخمس", 6: "الست", 7: "السبع", 8: "الثماني",
             9: "التسع", 10: "العشر"}
#: Definite masculine number adjectives («أهدافها التسعة»).
_AR_DEF_M = {3: "الثلاثة", 4: "الأربعة", 5: "الخمسة", 6: "الستة", 7: "السبعة", 8: "الثمانية",
             9: "التسعة", 10: "العشرة"}
_AR_WORD_F = {3: "ثلاث", 4: "أربع", 5: "خمس", 6: "ست", 7: "سبع", 8: "ثماني", 9: "تسع",
              10: "عشر"}


def agreement(iso3: str) -> dict[str, str]:
    """Arabic verb forms agreeing with the country's name (feminine unless listed masculine).

    Examples
    --------
    >>> agreement("KWT")["placed"], agreement("IRQ")["placed"]
    ('صُنِّفت', 'صُنِّف')
    """
    from tipanalysis.viz.sentences import is_masculine

    m = int(is_masculine(iso3))
    return {k: v[m] for k, v in _AGREE.items()}


def ordinal_en(n: int) -> str:
    """English ordinal: ``1st``... written as words up to ten.

    Examples
    --------
    >>> ordinal_en(2), ordinal_en(12), ordinal_en(23)
    ('second', '12th', '23rd')
    """
    words = {1: "first", 2: "second", 3: "third", 4: "fourth", 5: "fifth", 6: "sixth",
             7: "seventh", 8: "eighth", 9: "ninth", 10: "tenth"}
    if n in words:
        return words[n]
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def join_and(items: list[str], lang: str) -> str:
    """``a, b and c`` / «أ وب وج».

    Examples
    --------
    >>> join_and(["a", "b", "c"], "en"), join_and(["التحقيقات", "الإدانات"], "ar")
    ('a, b and c', 'التحقيقات والإدانات')
    """
    if lang == "ar":
        return " و".join(items)
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def _tie_phrase(others: list[str], all_rest: bool, lang: str) -> str:
    """Clause for the k other states sharing the rank (docs/arabic_style.md, b1)."""
    k = len(others)
    if k == 0:
        return ""
    if lang == "ar":
        if k == 1:
            return f"، بالتساوي مع {others[0]}"
        if k == 2:
            return f"، بالتساوي مع دولتين أخريين هما {others[0]} و{others[1]}"
        if k <= 10:
            return (f"، بالتساوي مع الدول {_AR_DEF_F[k]} الأخرى" if all_rest
                    else f"، بالتساوي مع {_AR_WORD_F[k]} دول أخرى")
        from tipanalysis.core.arabic import count_phrase

        return f"، بالتساوي مع {count_phrase(k, 'دولة', 'acc', words=False)} أخرى"
    if k == 1:
        return f", tied with {others[0]}"
    if k == 2:
        return f", tied with two other states, {others[0]} and {others[1]}"
    word = _EN_NUMBER.get(k, str(k))
    return f", tied with the {word} other states" if all_rest else f", tied with {k} other states"


def tier_phrase(tier: str, lang: str, after: str = "as") -> str:
    """A tier inside a sentence (docs/arabic_style.md, section 0).

    ``after="as"`` follows «ضمن» / "placed on"; ``after="prev"`` follows «بعد أن كانت».

    Examples
    --------
    >>> tier_phrase("2WL", "en"), tier_phrase("2WL", "ar", "prev")
    ('the Tier 2 Watch List', 'على قائمة المراقبة من الفئة الثانية')
    >>> tier_phrase("special", "ar", "prev")
    'ضمن الحالات الخاصة'
    """
    if tier == "special":
        return "ضمن الحالات الخاصة" if lang == "ar" else "a Special Case"
    label = tier_label(tier, lang)
    if lang == "en":
        return f"the {label}" if tier == "2WL" else label
    if after == "prev":
        return ("على " if tier == "2WL" else "ضمن ") + label
    return label


def _rank_ar(rank: int) -> str:
    from tipanalysis.core.arabic import ordinal

    return ordinal(rank, "f") if rank <= 10 else str(rank)


# --------------------------------------------------------------------------------- sections
def _headline(rows: pd.DataFrame, year: int, lang: str, cname: str, timeline: pd.DataFrame | None,
              facts: dict[str, Any], agree: dict[str, str]) -> list[str]:
    """Sentences of the headline: tier, change from the previous report, waiver, announcement."""
    from tipanalysis.core.arabic import ordinal

    now = rows[rows["report_year"] == year].iloc[0]
    prev = rows[rows["report_year"] == year - 1]
    tier_now = placement(now["status"], now["tier"])
    tier_prev = placement(prev.iloc[0]["status"], prev.iloc[0]["tier"]) if len(prev) else None
    facts.update(year=year, tier=tier_now, prev_tier=tier_prev)
    fields = dict(agree, year=year, country=cname, prev_year=year - 1)
    if tier_now == "special":
        sentences = [t("headline.special", lang, **fields)]
    elif tier_prev is None:
        sentences = [t("headline.entered", lang, tier=tier_phrase(tier_now, lang), **fields)]
    else:
        from tipanalysis.core.tierscale import tier_rank

        if tier_prev == "special":
            change = "upgrade"
        else:
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
        if change == "same" and run < 2:  # pragma: no cover - same tier implies run >= 2
            run = 2
        sentences = [t(f"headline.{change}", lang, n=run, ordinal=ordinal(run),
                       ordinal_en=ordinal_en(run), tier=tier_phrase(tier_now, lang),
                       prev_tier=tier_phrase(tier_prev, lang, "prev"), **fields)]
    if bool(now.get("waiver")) and not pd.isna(now.get("waiver")):
        sentences.append(t("headline.waiver", lang))
    facts["basis"] = str(now["basis"]) if "basis" in now and pd.notna(now["basis"]) else None
    if facts["basis"] == "inferred":
        sentences.append(t("inferred.own", lang, country=cname, year=year))
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


def _narratives(memo: Memo, data_dir: Path | str | None) -> dict[str, pd.DataFrame]:
    return _once(memo, ("narratives",), lambda: {
        name: data.load_narratives(name, data_dir) for name in
        ("findings", "recommendations", "crosswalk", "domains", "figures")})


def _findings(sentences: list[str], iso3: str, year: int, lang: str, cname: str,
              facts: dict[str, Any], memo: Memo, data_dir: Path | str | None) -> None:
    """Why: the findings of the latest coded report (data/narratives/findings.csv)."""
    nar = _narratives(memo, data_dir)
    found = nar["findings"]
    found = found[(found["iso3"] == iso3) & (found["report_year"].astype(int) <= year)]
    if found.empty:
        sentences.append(t("brief.no_data", lang, country=cname))
        return
    coded = int(found["report_year"].astype(int).max())
    latest = found[found["report_year"].astype(int) == coded]
    overall = latest.loc[latest["domain"] == "overall", "direction"]
    key = overall.iloc[0] if len(overall) and overall.iloc[0] in ("yes", "no") else "unknown"
    sentences.append(t(f"findings.overall.{key}", lang, year=coded))
    labels = nar["domains"].set_index("domain")[f"label_{lang}"]
    order = nar["domains"].set_index("domain")["order"].astype(int)
    by_direction: dict[str, list[str]] = {}
    for row in latest[latest["domain"] != "overall"].itertuples():
        by_direction.setdefault(str(row.direction), []).append(str(row.domain))
    facts["findings"] = {"year": coded, "overall": key,
                         **{d: sorted(v, key=order.get) for d, v in sorted(by_direction.items())}}
    for direction in ("more", "fewer", "same", "none"):
        domains = sorted(by_direction.get(direction, []), key=order.get)
        if domains:
            names = [str(labels[d]) for d in domains]
            if lang == "en":
                names = [n[0].lower() + n[1:] for n in names]
            sentences.append(t(f"findings.{direction}", lang, domains=join_and(names, lang)))
    if coded < year:
        sentences.append(t("findings.lag", lang, year=year, coded=coded))


def _asks(section: dict, iso3: str, year: int, lang: str, cname: str, facts: dict[str, Any],
          memo: Memo, data_dir: Path | str | None) -> None:
    """What the latest coded report asks; for Kuwait, the aims and indicators that answer it."""
    from tipanalysis import evidence

    nar = _narratives(memo, data_dir)
    recs = nar["recommendations"]
    recs = recs[recs["report_year"].astype(int) <= year]
    latest = evidence.latest_year(recs, iso3)
    if latest is None:
        section["sentences"].append(t("brief.no_data", lang, country=cname))
        return
    own = recs[(recs["iso3"] == iso3) & (recs["report_year"].astype(int) == latest)].copy()
    own["rank"] = pd.to_numeric(own["rank"], errors="coerce")
    own = own.sort_values("rank", kind="stable").drop_duplicates("code")
    summary = dict(zip(own["code"], own[f"summary_{lang}"], strict=True))
    header = [t("col.ask_summary", lang)]
    if iso3 != "KWT":
        facts["asks"] = {"year": latest, "n": len(own)}
        section["sentences"] += [t("asks.listed", lang, year=latest, n=len(own)),
                                 t("asks.no_strategy", lang)]
        section["table"] = {"header": header, "rows": [[summary[c]] for c in own["code"]],
                            "class": "asks"}
        return
    fw, obs = _framework(memo, data_dir)
    asks = evidence.crosswalk_for(recs, nar["crosswalk"], iso3, latest)
    need = evidence.next_report_evidence(recs, nar["crosswalk"], fw.indicators, obs, iso3,
                                         latest, lang=lang)
    has = {(r.code, r.indicator): bool(r.has_data) for r in need.itertuples()}
    per_ask = asks.groupby("code", sort=False).agg(
        answered=("answered", "any"), explicit=("link", lambda s: (s == "explicit").any()))
    named = need[need["indicator"] != ""]
    facts["asks"] = {"year": latest, "n": len(per_ask), "answered": int(per_ask["answered"].sum()),
                     "explicit": int(per_ask["explicit"].sum()),
                     "unanswered": int((~per_ask["answered"]).sum()),
                     "indicators": int(named["indicator"].nunique()),
                     "with_data": int(named.loc[named["has_data"], "indicator"].nunique())}
    a = facts["asks"]
    explicit_phrase = (" صراحةً" if a["explicit"] == a["answered"] else
                       f"، منها {a['explicit']} استجابةً صريحة")
    section["sentences"].append(t("asks.read", lang, year=latest, n=a["n"],
                                  answered=a["answered"], explicit=a["explicit"],
                                  answered_phrase="لها جميعاً" if a["answered"] == a["n"]
                                  else f"لعدد {a['answered']} منها",
                                  explicit_phrase=explicit_phrase))
    if a["unanswered"]:
        section["sentences"].append(t("asks.unanswered", lang, k=a["unanswered"]))
    aims = fw.aims.set_index("id")[f"name_{lang}"]
    ind_names = fw.indicators.set_index("id")[f"name_{lang}"]
    rows = []
    for code in per_ask.index:
        first = True
        for r in asks[asks["code"] == code].itertuples():
            aim = str(r.aim) if isinstance(r.aim, str) and r.aim else ""
            ids = [i for i in str(r.indicators if isinstance(r.indicators, str) else "")
                   .split(";") if i]
            cells = [f"{ind_names.get(i, i)} ({t('asks.has_value' if has.get((code, i)) else 'asks.no_value', lang)})"  # noqa: E501
                     for i in ids]
            rows.append([summary[code] if first else "",
                         aims.get(aim, aim) if aim else t("asks.no_aim", lang),
                         "؛ ".join(cells) if lang == "ar" else "; ".join(cells)
                         if cells else t("asks.no_indicator", lang)])
            if not cells:
                rows[-1][2] = t("asks.no_indicator", lang)
            first = False
    section["table"] = {"header": [*header, t("col.aim", lang),
                                   t("col.evidence_indicator", lang)],
                        "rows": rows, "class": "asks"}
    section["notes"].append(t("asks.judgement", lang))


def _clock(section: dict, panel: pd.DataFrame, iso3: str, lang: str, cname: str,
           facts: dict[str, Any], memo: Memo) -> None:
    from tipanalysis import evidence, tiers
    from tipanalysis.viz.sentences import watchlist_clock_sentence

    status = _once(memo, ("watchlist", int(panel["report_year"].max())),
                   lambda: tiers.watchlist_status(panel))
    clock = evidence.watchlist_clock(status, iso3)
    facts["clock"] = {k: clock[k] for k in ("report_year", "wl_consecutive", "waivers_used",
                                            "auto_downgrade_next")}
    section["sentences"].append(watchlist_clock_sentence(clock, iso3, cname, lang))


_ENF_MEASURES = ("investigations", "prosecutions", "convictions")


def _enf_value(row: Any, measure: str) -> tuple[float, str] | None:
    for unit in (("cases", "persons") if measure == "investigations" else ("persons", "cases")):
        value = row.get(f"{measure} [{unit}]")
        if value is not None and pd.notna(value):
            return float(value), unit
    return None


def _enf_part(measure: str, value: float, unit: str, lang: str, subject: str) -> str:
    from tipanalysis.core.arabic import count_phrase

    n = int(value)
    if lang == "en":
        noun = ("case" if n == 1 else "cases") if unit == "cases" else (
            "person" if n == 1 else "persons")
        if measure == "investigations":
            return f"{subject} investigated {n} {noun}" if n else f"{subject} investigated no cases"
        verb = {"prosecutions": "prosecuted", "convictions": "convicted"}[measure]
        if n == 0:
            return f"{subject} {verb} no one"
        return f"{subject} {verb} {n} {noun}" if unit == "persons" else (
            f"{subject} {verb} defendants in {n} cases")
    noun = "قضية" if unit == "cases" else "متهم"
    if measure == "investigations":
        if n == 0:
            return f"لم تحقق {subject} في أي قضية"
        return (f"حققت {subject} في {count_phrase(n, 'قضية', 'acc')}" if unit == "cases"
                else f"حققت {subject} مع {count_phrase(n, 'متهم', 'acc')}")
    if measure == "prosecutions":
        if n == 0:
            return f"لم تُحِل {subject} أي متهم إلى المحاكمة"
        return f"أحالت {subject} {count_phrase(n, noun, 'acc')} إلى المحاكمة"
    if n == 0:
        return "لم تصدر أي أحكام بالإدانة"
    return (f"صدرت أحكام بإدانة {count_phrase(n, 'متهم', 'acc')}" if unit == "persons"
            else f"صدرت أحكام بالإدانة في {count_phrase(n, 'قضية', 'acc')}")


def _enf_parts(row: Any, lang: str, subject: str) -> str:
    parts = []
    for measure in _ENF_MEASURES:
        hit = _enf_value(row, measure)
        if hit is not None:
            part = _enf_part(measure, *hit, lang, subject)
            parts.append(part if not parts else part.replace(f" {subject}", "", 1))
    if lang == "ar":
        return "، و".join(parts)
    return join_and(parts, "en")


def _enforcement(section: dict, iso3: str, year: int, lang: str, cname: str,
                 facts: dict[str, Any], memo: Memo, data_dir: Path | str | None) -> None:
    """TIP-reported and government-reported figures, each labelled, never added (model f)."""
    from tipanalysis import evidence

    source = (_once(memo, ("enforcement",), lambda: data.load_enforcement(data_dir))
              if iso3 == "KWT" else _narratives(memo, data_dir)["figures"])
    source = source[source["iso3"] == iso3]
    if source.empty:
        section["sentences"].append(t("enf.none", lang, country=cname))
        return
    side = evidence.enforcement_side_by_side(source, iso3)
    side = side[side["period_start"].astype(str).str.match(r"\d{4}-")]
    side = side[pd.to_datetime(side["period_start"]).dt.year < year]
    usable = side[[any(_enf_value(r, m) for m in _ENF_MEASURES)
                   for r in side.to_dict("records")]]
    tip = usable[usable["reported_by"] == "tip_report"]
    gov = usable[usable["reported_by"] == "government"]
    if tip.empty and gov.empty:
        section["sentences"].append(t("enf.none", lang, country=cname))
        return
    authorities = "the authorities" if lang == "en" else "السلطات"
    facts["enforcement"] = {}
    if len(tip):
        last = tip.iloc[-1].to_dict()
        tip_year = int(str(last["period_end"])[:4])
        facts["enforcement"]["tip"] = [tip_year, *(_enf_value(last, m) for m in _ENF_MEASURES)]
        text = _enf_parts(last, lang, authorities)
        section["sentences"].append(t("enf.tip", lang, year=tip_year, parts=text))
        conv = [(int(str(r["period_end"])[:4]), _enf_value(r, "convictions"))
                for r in tip.to_dict("records")]
        conv = [(y, v[0]) for y, v in conv if v is not None and v[1] == "persons"]
        if len(conv) >= 2:
            (y0, a), (y1, b) = conv[-2], conv[-1]
            trend = "rise" if b > a else "fall" if b < a else "flat"
            section["sentences"].append(t(f"enf.trend.{trend}", lang, a=int(a), b=int(b),
                                          y0=y0, y1=y1))
    if len(gov):
        last = gov.iloc[-1].to_dict()
        facts["enforcement"]["government"] = [str(last["period_start"])[:10],
                                              str(last["period_end"])[:10],
                                              *(_enf_value(last, m) for m in _ENF_MEASURES)]
        subject = "the competent authorities" if lang == "en" else "الجهات المختصة"
        section["sentences"] += [
            t("enf.gov", lang, country=cname, parts=_enf_parts(last, lang, subject),
              start=format_date(str(last["period_start"])[:10], lang),
              end=format_date(str(last["period_end"])[:10], lang)),
            t("enf.gov_caveat", lang)]
    rows = []
    for frame in (tip.tail(3), gov.tail(2)):
        for r in frame.to_dict("records"):
            cells = []
            for m in _ENF_MEASURES:
                hit = _enf_value(r, m)
                if hit is None:
                    cells.append("—")
                elif lang == "ar":
                    from tipanalysis.core.arabic import count_phrase

                    noun = "قضية" if hit[1] == "cases" else "شخص"
                    cells.append(count_phrase(int(hit[0]), noun, "acc", words=False)
                                 if hit[0] else "0")
                else:
                    cells.append(f"{int(hit[0])} {hit[1]}")
            period = (f"{format_date(str(r['period_start'])[:10], lang)} – "
                      f"{format_date(str(r['period_end'])[:10], lang)}")
            rows.append([t("enf.label.tip_report" if r["reported_by"] == "tip_report"
                          else "evidence.reporter.government", lang), period, *cells])
    section["table"] = {"header": [t("col.reported_by", lang), t("col.period", lang),
                                   *(t(f"col.{m}", lang) for m in _ENF_MEASURES)],
                        "rows": rows, "class": "enforcement"}


def _timeline(section: dict, rows: pd.DataFrame, timeline: pd.DataFrame | None, year: int,
              lang: str, cname: str, facts: dict[str, Any], agree: dict[str, str],
              memo: Memo) -> None:
    from tipanalysis.core.arabic import count_phrase
    from tipanalysis.viz import plots

    labels = [placement(s, tr) for s, tr in zip(rows["status"], rows["tier"], strict=True)]
    counts = {k: labels.count(k) for k in ("1", "2", "2WL", "3", "special")}
    first, last = int(rows["report_year"].min()), int(rows["report_year"].max())
    facts["timeline"] = {"n": len(rows), "first": first, "last": last, **counts}
    parts = [t(f"timeline.part.{k}", lang, n=n, n_phrase=count_phrase(n, "تقرير"))
             for k, n in counts.items() if n]
    section["sentences"].append(t(
        "timeline.summary", lang, country=cname, n=len(rows), first=first, last=last,
        n_phrase=count_phrase(len(rows), "تقرير", "acc"),
        parts=("، و" if lang == "ar" else "; ").join(parts), **agree))
    waived = sorted(int(y) for y, w in zip(rows["report_year"], rows["waiver"], strict=True)
                    if pd.notna(w) and bool(w))
    if waived:
        facts["waivers"] = waived
        section["sentences"].append(t("timeline.waivers", lang, country=cname,
                                      years=join_and([str(y) for y in waived], lang), **agree))
    events = None
    if timeline is not None and len(timeline):
        events = policy_events(timeline, until=year + 1)
    if memo.get(("figures",), True):
        fig = plots.plot_tier_timeline(rows, event_lines(events), country=cname,
                                       lang=lang).figure
        fig.set_size_inches(8.5, 3.9)
        section["figure"] = _figure_uri(fig, "svg")
    section["figure_alt"] = t("title.timeline", lang, country=cname)
    if "basis" in rows.columns and rows["basis"].eq("inferred").any():
        facts["timeline"]["inferred"] = sorted(
            int(y) for y in rows.loc[rows["basis"].eq("inferred"), "report_year"])
        section["notes"].append(t("inferred.note.hollow", lang))
    if events is None or events.empty:
        section["notes"].append(t("timeline.no_events", lang, country=cname))
        return
    section["notes"].append(t("timeline.events", lang))
    facts["events"] = events["event_id"].tolist()
    column = "event_ar" if lang == "ar" else "event_short_en"
    table_rows = []
    for e in events.to_dict("records"):
        text = str(e.get(column) or "")
        if not text.strip() or (lang == "ar" and not data.ARABIC_LETTER.search(text)):
            raise ValueError(f"timeline event {e['event_id']} has no {column} text")
        table_rows.append([e["label"], format_date(e["date"], lang, e["date_precision"]),
                           t(f"category.{e['category']}", lang), text])
    section["table"] = {"header": [t(k, lang) for k in ("col.number", "col.date",
                                                        "col.category", "col.event")],
                        "rows": table_rows, "class": "events"}


def _ranked(panel: pd.DataFrame, members: list[str], year: int) -> pd.Series:
    """Tier rank (1 best) of the members ranked in ``year``."""
    from tipanalysis.core.tierscale import tier_rank

    rows = panel[(panel["report_year"] == year) & panel["iso3"].isin(members)
                 & panel["tier"].notna()]
    return pd.Series([tier_rank(str(x)) for x in rows["tier"]], index=rows["iso3"].tolist())


def _peer_sentence(key: str, panel: pd.DataFrame, iso3: str, members: list[str], year: int,
                   lang: str, cname: str, agree: dict[str, str], data_dir: Path | str | None,
                   **fields: object) -> tuple[int, int, list[str]]:
    """Competition rank of ``iso3`` among ``members``, the states ahead and the tied states."""
    from tipanalysis.core.arabic import count_phrase

    ranks = _ranked(panel, members, year)
    own = ranks[iso3]
    ahead = sorted(c for c, r in ranks.items() if r < own)
    tied = sorted(c for c, r in ranks.items() if r == own and c != iso3)
    rank, n = len(ahead) + 1, len(ranks)

    def names(codes: list[str]) -> list[str]:
        return [countries.name(c, lang, data_dir=data_dir) for c in codes]

    all_rest = rank + len(tied) == n
    tie = _tie_phrase(names(tied) if len(tied) <= 2 else tied, all_rest, lang)
    return rank, n, [t(key, lang, country=cname, rank=_rank_ar(rank), rank_en=ordinal_en(rank),
                       n=n, n_en=_EN_NUMBER.get(n, str(n)), n_word=_AR_DEF_F.get(n, str(n)),
                       n_phrase=count_phrase(n, "دولة", "acc"),
                       leaders=join_and(names(ahead), lang) if ahead else "", tie=tie, year=year,
                       **agree, **fields)]


def peer_group(iso3: str, data_dir: Path | str | None = None) -> str:
    """The peer group of a country: ``GCC`` for its members, else its State Department region.

    Examples
    --------
    >>> peer_group("KWT"), peer_group("PHL"), peer_group("NGA")
    ('GCC', 'EAP', 'AF')
    """
    if iso3 in countries.members("GCC", data_dir=data_dir):
        return "GCC"
    return countries.region_of(iso3, data_dir=data_dir) or "world"


def _compare(section: dict, panel: pd.DataFrame, coverage: pd.DataFrame, iso3: str, year: int,
             lang: str, cname: str, facts: dict[str, Any], memo: Memo,
             data_dir: Path | str | None, agree: dict[str, str]) -> None:
    from tipanalysis import tiers
    from tipanalysis.core.arabic import count_phrase
    from tipanalysis.viz.labels import INFERRED_MARK

    def versus(group: str, members: list[str]) -> pd.DataFrame:
        return _once(memo, ("peers", iso3, year, group), lambda: tiers.peer_comparison(
            panel, iso3, [c for c in members if c != iso3], coverage=coverage))

    gcc = countries.members("GCC", data_dir=data_dir)
    group = peer_group(iso3, data_dir)
    facts["peer_group"] = group
    inferred_notes: list[str | None] = []  # how many of each group's placements are inferred
    own = panel[(panel["iso3"] == iso3) & (panel["report_year"] == year)]
    if own["tier"].isna().all():  # a Special Case has no tier, hence no rank
        section["sentences"].append(t("compare.unranked", lang, country=cname, year=year,
                                      **agree))
        groups: list[tuple[str, list[str]]] = []
    else:
        groups = []
        if group == "GCC":
            rank, n, text = _peer_sentence(
                "compare.gcc", panel, iso3, gcc, year, lang, cname, agree, data_dir)
            if rank == 1:
                rank, n, text = _peer_sentence(
                    "compare.gcc_first", panel, iso3, gcc, year, lang, cname, agree, data_dir)
            facts["gcc"] = {"n": n, "rank": rank}
            section["sentences"] += text
            gcc_row = versus("GCC", gcc)
            gcc_row = gcc_row[gcc_row["report_year"] == year].iloc[0]
            inferred_notes.append(inferred_count(
                "GCC", int(gcc_row["n"]), gcc_row["n_inferred"], year, lang, facts))
        region = countries.region_of(iso3, data_dir=data_dir)
        if region:
            groups.append((region, countries.members(region, data_dir=data_dir)))
        groups.append(("world", sorted(panel["iso3"].unique())))
    for name, members in groups:
        peers = versus(name, members)
        r = peers[peers["report_year"] == year].iloc[0]
        pct, mean = float(r["percentile"]) / 100, float(r["peer_mean_score"])
        where = (t("group_in.world", lang) if name == "world" else
                 t("group_in.region", lang, group=t(f"group.{name}", lang)))
        rank, n, text = _peer_sentence(
            "compare.group", panel, iso3, [*members, iso3], year, lang, cname, agree, data_dir,
            group=where, pct=format_percent(pct, lang), mean=format_number(mean, lang, 2))
        facts[f"group_{name}"] = {"n": int(r["n"]), "rank": int(r["rank_in_group"]),
                                  "pct": format_percent(pct), "mean": format_number(mean, "en", 2)}
        if (rank, n) != (int(r["rank_in_group"]), int(r["n"])):
            raise ValueError(f"rank of {iso3} in {name}: {rank}/{n} disagrees with "
                             f"peer_comparison {int(r['rank_in_group'])}/{int(r['n'])}")
        section["sentences"] += text
        inferred_notes.append(inferred_count(name, int(r["n"]), r["n_inferred"], year, lang,
                                              facts))
    if groups:
        section["notes"].append(t("compare.ties", lang))
    section["notes"] += [note for note in inferred_notes if note]
    status = _completeness(coverage, year)
    if status not in ("complete", "inferred"):  # inferred: every country is there, and the
        # notes above say how many placements of each group are inferred
        section["notes"].append(t("compare.partial", lang, year=year,
                                  status=t(f"coverage.{status}", lang)))
    if group == "GCC" or group == "world":
        table = []
        members = gcc if iso3 in gcc else [iso3, *gcc]
        marked = []
        for member in members:
            mine = panel[panel["iso3"] == member]
            cells = []
            for y in (year - 1, year):
                hit = mine[mine["report_year"] == y]
                cell = tier_label(placement(hit.iloc[0]["status"], hit.iloc[0]["tier"])
                                  if len(hit) else None, lang)
                if len(hit) and hit.iloc[0].get("basis") == "inferred":
                    cell = f"{cell} {INFERRED_MARK}"  # footnoted below the table
                    marked.append([member, y])
                cells.append(cell)
            table.append([countries.name(member, lang, data_dir=data_dir), *cells])
        if marked:
            facts["gcc_table_inferred"] = marked
            section["notes"].append(t("inferred.note", lang))
        section["table"] = {"header": [t("col.country", lang), f"{t('col.tier_prev', lang)} "
                                       f"({year - 1})", f"{t('col.tier_now', lang)} ({year})"],
                            "rows": table, "class": "gcc", "highlight": members.index(iso3)}
        return
    members = countries.members(group, data_dir=data_dir)
    now = panel[(panel["report_year"] == year) & panel["iso3"].isin(members)]
    labels = [placement(s, tr) for s, tr in zip(now["status"], now["tier"], strict=True)]
    rows = [[tier_label(k, lang), count_phrase(labels.count(k), "دولة", words=False)
             if lang == "ar" else str(labels.count(k))]
            for k in ("1", "2", "2WL", "3", "special") if labels.count(k)]
    section["table"] = {"header": [t("axis.tier", lang), t("axis.countries", lang)],
                        "rows": rows, "class": "region"}
    section["notes"].append(t("compare.region_table", lang, group=t(f"group.{group}", lang),
                              year=year))


def inferred_count(group: str, n: int, k: object, year: int, lang: str,
                    facts: dict[str, Any]) -> str | None:
    """How many of a peer group's ranked placements in ``year`` are inferred (issue 13).

    ``group`` is ``GCC``, ``world`` or a State Department region; ``n`` and ``k`` are the
    ``n`` and ``n_inferred`` of :func:`tipanalysis.tiers.peer_comparison`. Records ``[n, k]``
    in ``facts["inferred"][group]``; returns ``None`` when ``k`` is missing (no ``basis``).

    Examples
    --------
    >>> facts = {}
    >>> inferred_count("world", 184, 79, 2025, "en", facts).split(";")[0]
    '184 countries are ranked in the world in the 2025 report'
    >>> facts
    {'inferred': {'world': [184, 79]}}
    """
    from tipanalysis.core.arabic import count_phrase

    if pd.isna(k):  # a panel without the basis column: nothing to say
        return None
    k = int(k)
    facts.setdefault("inferred", {})[group] = [n, k]
    where = (t("inferred.group.GCC", lang) if group == "GCC" else t("group_in.world", lang)
             if group == "world" else t("group_in.region", lang, group=t(f"group.{group}", lang)))
    if k == 0:
        return t("inferred.none", lang, n=n, group=where, year=year)
    k_en = ("the placement of one of them is" if k == 1 else
            f"the placements of {k} of them are")
    return t("inferred.count", lang, n=n, n_phrase=count_phrase(n, "دولة", "acc", words=False),
             k_en=k_en, k_phrase=count_phrase(k, "دولة", words=False), group=where, year=year)


def _completeness(coverage: pd.DataFrame, year: int) -> str:
    hit = coverage.loc[coverage["report_year"] == year, "completeness"]
    return str(hit.iloc[0]) if len(hit) else "unverified"


def _map(section: dict, panel: pd.DataFrame, iso3: str, year: int, lang: str, cname: str,
         data_dir: Path | str | None, memo: Memo, facts: dict[str, Any]) -> None:
    from tipanalysis.viz import maps

    frame = _once(memo, ("map", year), lambda: maps.tier_map_frame(
        data.load_boundaries(data_dir), panel[panel["report_year"] == year]))
    gcc = countries.members("GCC", data_dir=data_dir)
    facts["map"] = {"highlight": iso3, "view": "gulf" if iso3 in gcc else "world"}
    section["notes"].append(t("map.caption", lang, year=year, country=cname))
    shown = frame
    if iso3 in gcc:  # the Gulf view shows only the countries in its window
        lon0, lon1, lat0, lat1 = maps.GULF_EXTENT
        shown = frame.cx[lon0:lon1, lat0:lat1]
    if shown["basis"].eq("inferred").any():
        facts["map"]["inferred"] = int(shown["basis"].eq("inferred").sum())
        section["notes"].append(t("inferred.note.hatched", lang))
    section["figure_alt"] = t("title.map", lang, year=year)
    if not memo.get(("figures",), True):
        return
    if iso3 in gcc:
        names = {c: countries.name(c, lang, data_dir=data_dir) for c in gcc}
        fig = maps.plot_tier_map(frame, year=year, lang=lang, extent=maps.GULF_EXTENT,
                                 labels=names, highlight=iso3).figure
        fig.set_size_inches(7.4, 5.6)
        section["class"] = "gulf"
    else:  # the world drawn once per year and language; each brief adds its country
        base = _once(memo, ("map_base", year, lang), lambda: maps.world_base(
            frame, year=year, lang=lang))
        fig = maps.highlight_on_base(base, frame, iso3).figure
    section["figure"] = _figure_uri(fig, "png")


#: Bootstrap replicates of every outlook; the notebooks use the same (:func:`outlook_summaries`).
N_BOOT = 2000


def outlook_summaries(panel: pd.DataFrame, iso3: str, year: int,
                      horizon_year: int = HORIZON_YEAR) -> list[pd.DataFrame]:
    """``forecast_summary`` for each report from ``year + 1`` to ``horizon_year``.

    The one computation of the outlook that the brief and notebooks 02 and 03 read, so they
    state the same interval: ``n_boot`` = :data:`N_BOOT`, seed 0, the panel up to ``year``.
    """
    from tipanalysis import tiers

    panel = panel[panel["report_year"] <= year]
    history = panel[panel["iso3"] == iso3]
    return [tiers.forecast_summary(history, panel, horizon=h, n_boot=N_BOOT, seed=0)
            .set_index("measure") for h in range(1, horizon_year - year + 1)]


def _outlook_memo(memo: Memo, panel: pd.DataFrame, iso3: str, year: int
                  ) -> list[pd.DataFrame]:
    """:func:`outlook_summaries`, once per tier history (the pooled rate depends on no more)."""
    history = panel[panel["iso3"] == iso3].sort_values("report_year")
    signature = tuple(map(tuple, history[["report_year", "tier", "status", "waiver"]]
                          .astype(str).to_numpy()))
    return _once(memo, ("outlook", year, signature),
                 lambda: outlook_summaries(panel, iso3, year))


def _outlook(section: dict, panel: pd.DataFrame, iso3: str, year: int, lang: str, cname: str,
             facts: dict[str, Any], memo: Memo, agree: dict[str, str]) -> None:
    horizon = HORIZON_YEAR - year
    if horizon < 1:
        section["sentences"].append(t("outlook.past", lang, year=year, last=HORIZON_YEAR))
        return
    history = panel[panel["iso3"] == iso3].sort_values("report_year")
    if history["tier"].isna().iloc[-1]:
        section["sentences"].append(t("outlook.unranked", lang, country=cname, year=year,
                                      **agree))
        return
    by_year = _outlook_memo(memo, panel, iso3, year)
    last = by_year[-1]
    tier_now = str(history["tier"].iloc[-1])

    def pct(measure: str) -> dict[str, str]:
        r = last.loc[measure]
        return {"p": format_percent(r["estimate"], lang), "lo": format_percent(r["ci_low"], lang),
                "hi": format_percent(r["ci_high"], lang)}

    def event(key: str) -> dict[str, str]:
        return {"event_en": t(f"outlook.event.{key}", "en"),
                "event_ar": t(f"outlook.event.{key}", "ar", country=cname)}

    if tier_now == "1":
        main, second = ("stay1", "p_tier1_final"), None
    else:
        main, second = ("stay2", "p_tier2_or_better_every_report"), ("reach1", "p_reach_tier1")
    from tipanalysis import tiers

    window = tiers.default_years(panel)  # the estimation window chosen by the backtest
    since = window.start if window is not None else int(panel["report_year"].min())
    final = {k: format_percent(last.loc[f"p_tier{tier}_final", "estimate"], lang)
             for k, tier in zip("abcd", ("1", "2", "2WL", "3"), strict=True)}
    facts["outlook"] = {"last": HORIZON_YEAR, "since": since, "event": main[0],
                        **{k: format_percent(v) for k, v in zip(
                            ("p", "lo", "hi"), last.loc[main[1], ["estimate", "ci_low",
                                                                   "ci_high"]], strict=True)},
                        **{k: format_percent(last.loc[f"p_tier{tier}_final", "estimate"])
                           for k, tier in zip("abcd", ("1", "2", "2WL", "3"), strict=True)}}
    sentences = [t("outlook.main", lang, country=cname, last=HORIZON_YEAR, **event(main[0]),
                   **pct(main[1]))]
    if second is not None:
        p1 = pct(second[1])
        facts["outlook"].update(p1=format_percent(last.loc[second[1], "estimate"]))
        second_event = event(second[0])
        if lang == "ar":  # the event follows «الاحتمال المجمَّع» as a genitive: «لارتقاء»
            second_event["event_ar"] = "ل" + second_event["event_ar"]
        sentences.append(t("outlook.second", lang, **second_event, **p1))
    sentences.append(t("outlook.final", lang, last=HORIZON_YEAR, **final))
    section["sentences"] += sentences
    section["notes"].append(t("outlook.assumptions", lang, since=since))
    if not memo.get(("figures",), True):
        return
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


def _framework(memo: Memo, data_dir: Path | str | None) -> tuple[Any, pd.DataFrame]:
    from tipanalysis import strategy

    return _once(memo, ("framework",), lambda: (strategy.load_framework(data_dir),
                                                strategy.load_observations(data_dir)))


def strategy_review(panel: pd.DataFrame, year: int, data_dir: Path | str | None = None,
                    summaries: list[pd.DataFrame] | None = None) -> pd.DataFrame:
    """The strategy review at the end of ``year`` that the brief and notebook 03 both read.

    The ranking aim's indicator takes the pooled outlook of :func:`outlook_summaries`, as in
    notebook 03, so both count the same indicators with a value.
    """
    from tipanalysis import strategy

    fw = strategy.load_framework(data_dir)
    obs = strategy.load_observations(data_dir)
    if summaries is None:
        summaries = outlook_summaries(panel, "KWT", year)
    joined = pd.concat([s.reset_index() for s in summaries])
    outlook = strategy.ranking_outlook(strategy.outlook_from_forecast_summary(joined))
    return strategy.review(fw.indicators, obs, as_of=f"{year}-12-31", forecast=outlook)


def _strategy(section: dict, panel: pd.DataFrame, iso3: str, year: int, lang: str, cname: str,
              data_dir: Path | str | None, facts: dict[str, Any], memo: Memo) -> None:
    if iso3 != "KWT":
        section["sentences"].append(t("strategy.only_kwt", lang, country=cname))
        return
    from tipanalysis import strategy
    from tipanalysis.core.arabic import count_phrase

    as_of = f"{year}-12-31"
    fw, obs = _framework(memo, data_dir)
    reviewed = _once(memo, ("strategy", year), lambda: strategy_review(
        panel, year, data_dir, _outlook_memo(memo, panel, "KWT", year)))
    ind = fw.indicators
    n, n_target = len(ind), int(ind["target_value"].notna().sum())
    n_baseline = int(ind["baseline_value"].notna().sum())
    n_nodata = int((reviewed["status"] == "no-data").sum())
    info = fw.strategy
    facts["strategy"] = {"n": n, "n_target": n_target, "n_baseline": n_baseline,
                         "n_data": len(reviewed) - n_nodata, "n_nodata": n_nodata,
                         "as_of": as_of, "launched": info["launched"], "n_aims": len(fw.aims)}
    if n_target == 0:
        target_ar, target_en = ("لم تُحدَّد لأيٍّ منها قيمة مستهدفة رسمية",
                                "none of which has an official target")
    else:
        target_ar = f"حُدِّدت لـ{n_target} منها قيم مستهدفة رسمية"
        target_en = f"{n_target} of which have an official target"
    baseline_ar = (f"يستند {count_phrase(n_baseline, 'مؤشر')} منها إلى خط أساس موثّق"
                   if n_baseline else "لا يستند أيٌّ منها إلى خط أساس موثّق")
    section["sentences"] += [
        t("strategy.intro", lang, name_en=t("reform.KWT-0039", "en"),
          name_ar=t("reform.KWT-0039", "ar"), launched=format_date(info["launched"], lang),
          n_aims=len(fw.aims), n_aims_word=_AR_DEF_M.get(len(fw.aims), str(len(fw.aims)))),
        t("strategy.indicators", lang, n=n, n_acc=count_phrase(n, "مؤشر", "acc"),
          target_en=target_en, target_ar=target_ar, n_baseline=n_baseline,
          baseline_ar=baseline_ar),
        t("strategy.status", lang, as_of=format_date(as_of, lang), n=n,
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
            "strategy.completeness" if int(c["n_reported"]) else "strategy.completeness_none",
            lang, year=int(c["year"]), n_rep=int(c["n_reported"]),
            n_ind=int(c["n_indicators"]), share=share, n_src=int(c["n_sourced"]),
            n_pub=int(c["n_public"])))
    aim_of = ind.set_index("id")["aim"]
    has = reviewed.assign(aim=reviewed["indicator_id"].map(aim_of),
                          ok=reviewed["status"] != "no-data")
    rows = []
    for a in fw.aims.itertuples():
        mine = has[has["aim"] == a.id]
        rows.append([str(getattr(a, f"name_{lang}")), len(mine), int(mine["ok"].sum())])
    section["table"] = {
        "header": [t(k, lang) for k in ("col.aim", "col.indicators", "col.with_data")],
        "rows": rows, "class": "aims"}


def _impact(section: dict, panel: pd.DataFrame, timeline: pd.DataFrame | None, iso3: str,
            year: int, lang: str, cname: str, facts: dict[str, Any], memo: Memo) -> None:
    if iso3 != "KWT" or timeline is None:
        section["sentences"].append(t("impact.only_kwt", lang, country=cname))
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
    from tipanalysis.core.arabic import count_phrase

    out = [t("caveat.effort", lang), t("caveat.period", lang)]
    row = coverage[coverage["report_year"] == year]
    if len(row):
        r = row.iloc[0]
        status = t(f"coverage.{r['completeness']}", lang)
        if pd.notna(r["official_total"]):
            out.append(t("caveat.coverage_checked", lang, year=year, status=status,
                         n=int(r["n_total"]), official=int(r["official_total"]),
                         n_phrase=count_phrase(int(r["n_total"]), "دولة")))
        else:
            out.append(t("caveat.coverage_unverified", lang, year=year, status=status,
                         n=int(r["n_total"]),
                         n_phrase=count_phrase(int(r["n_total"]), "دولة")))
    partial = sorted(int(y) for y in coverage.loc[coverage["completeness"] != "complete",
                                                  "report_year"] if int(y) <= year)
    if partial:
        facts["partial_years"] = partial
        out.append(t("caveat.partial_years", lang, years=join_list(year_ranges(partial), lang)))
    out += [t("caveat.sources", lang), t("outlook.assumptions", lang,
                                         since=int(coverage["report_year"].min()))]
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
                  data_dir: Path | str | None = None, *, figures: bool = True
                  ) -> dict[str, Any]:
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
    return build_contexts(country, (lang,), year=year, data_dir=data_dir, figures=figures)[lang]


def build_contexts(country: str, langs: tuple[str, ...] = i18n.LANGS, year: int | None = None,
                   data_dir: Path | str | None = None, *, memo: Memo | None = None,
                   figures: bool = True) -> dict[str, dict[str, Any]]:
    """The brief's context (see :func:`build_context`) in each language of ``langs``.

    Data are read and the language-free numbers (forecast bootstrap, map frame, strategy
    review) computed once for all languages; sentences and figures are made per language.
    Pass the same ``memo`` (a dict) to several calls to share that work between countries
    (:func:`build_sweep`); ``figures=False`` leaves the charts out (checks of the text only).
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
    memo = {} if memo is None else memo
    memo[("figures",)] = figures
    return {lang: _build(iso3, lang, year, data_dir, memo) for lang in dict.fromkeys(langs)}


def ranked_countries(year: int | None = None, data_dir: Path | str | None = None) -> list[str]:
    """ISO3 codes of the countries with a tier in the report ``year`` (default the latest)."""
    panel = data.load_tiers(data_dir)
    year = int(panel["report_year"].max()) if year is None else year
    rows = panel[(panel["report_year"] == year) & panel["tier"].notna()]
    return sorted(rows["iso3"].unique().tolist())


def build_sweep(codes: list[str], langs: tuple[str, ...] = i18n.LANGS, *,
                figures: bool = True, data_dir: Path | str | None = None
                ) -> Iterator[tuple[str, dict[str, dict[str, Any]]]]:
    """Build the brief of every country of ``codes``, sharing data and pooled results."""
    memo: Memo = {}
    for code in codes:
        yield code, build_contexts(code, langs, data_dir=data_dir, memo=memo, figures=figures)


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
    agree = agreement(iso3)
    facts: dict[str, Any] = {"iso3": iso3}
    problems: list[str] = []

    def section(key: str, what: str, fill: Callable[[dict], None], **title: object) -> dict:
        sec = _section(key, lang, **title)
        return _guarded(sec, what, lang, problems, lambda: fill(sec))

    headline = _headline(rows, year, lang, cname, timeline, facts, agree)
    why = section("sec.headline", "sec.headline", lambda s: _findings(
        s["sentences"], iso3, year, lang, cname, facts, memo, data_dir))
    why["sentences"] = headline + why["sentences"]
    page1 = [
        why,
        section("sec.asks", "sec.asks", lambda s: _asks(
            s, iso3, year, lang, cname, facts, memo, data_dir)),
        section("nb06.clock", "nb06.clock", lambda s: _clock(
            s, panel, iso3, lang, cname, facts, memo)),
        section("nb06.enforcement", "nb06.enforcement", lambda s: _enforcement(
            s, iso3, year, lang, cname, facts, memo, data_dir)),
    ]
    sections = [
        section("sec.timeline", "sec.timeline", lambda s: _timeline(
            s, rows, timeline, year, lang, cname, facts, agree, memo)),
        section("sec.compare", "sec.compare", lambda s: _compare(
            s, panel, coverage, iso3, year, lang, cname, facts, memo, data_dir, agree)),
        section("sec.map", "sec.map", lambda s: _map(
            s, panel, iso3, year, lang, cname, data_dir, memo, facts)),
        section("sec.outlook", "forecast.what", lambda s: _outlook(
            s, panel, iso3, year, lang, cname, facts, memo, agree), last=HORIZON_YEAR),
        section("sec.strategy", "strategy.what", lambda s: _strategy(
            s, panel, iso3, year, lang, cname, data_dir, facts, memo)),
        section("sec.impact", "impact.what", lambda s: _impact(
            s, panel, timeline, iso3, year, lang, cname, facts, memo)),
    ]
    annex = section("sec.annex", "forecast.what", lambda s: _annex(
        s, panel, iso3, year, lang, facts, memo))
    descriptor = _once(memo, ("descriptor",), lambda: _descriptor(data_dir))
    used = ["tier_placements", "coverage", "countries", "countries_50m"]
    used += ["kuwait_timeline", "strategy_framework", "strategy_observations"] * (iso3 == "KWT")
    own = rows[rows["report_year"] == year].iloc[0]
    accessed = sorted(s.get("accessed", "") for r in descriptor.get("resources", [])
                      for s in r.get("sources", []) if s.get("accessed"))
    dated = accessed[-1] if accessed else "2000-01-01"
    version = str(descriptor.get("version", ""))
    facts["data"] = {"version": version, "digest": _digest(descriptor), "date": dated}
    return {
        "lang": lang, "dir": i18n.text_direction(lang), "iso3": iso3, "country": cname,
        "year": year, "title": t("brief.title", lang, country=cname),
        "report": t("brief.report", lang, year=year),
        "period": t("brief.period", lang, prev=year - 1, year=year),
        "version": t("brief.version", lang, date=format_date(dated, lang), version=version),
        "digest": _digest(descriptor),
        "headline": headline,
        "page1": page1,
        "sections": sections,
        "annex": annex,
        "caveats_title": t("sec.caveats", lang),
        "caveats": _caveats(coverage, year, lang, facts),
        "sources_title": t("sec.sources", lang),
        "sources_note": t("sources.note", lang),
        "placement_source": {"label": t("source.placement", "en", year=year),
                             "url": "" if pd.isna(own["source_url"]) else str(own["source_url"])},
        "sources": _sources(descriptor, used, "en"),
        "generated": t("brief.generated", lang),
        "digits": t("brief.digits", lang),
        "page_label": t("brief.page", lang), "page_of": t("brief.of", lang),
        "facts": facts, "problems": problems,
        "created": dated + "T00:00:00Z",
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
