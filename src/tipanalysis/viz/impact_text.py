"""Notebook 04's sentences and tables in the notebook's language (``lang``).

Every sentence is a pattern of :mod:`tipanalysis.core.i18n` (keys ``nb04.*``) filled with
numbers computed by :mod:`tipanalysis.impact`; nothing is translated at run time. Counts arrive
in the patterns as whole phrases, so the Arabic noun agrees with its number
(:func:`tipanalysis.core.arabic.count_phrase`) while the English says "3 reports". The reasons
an estimator gives for "not estimable" (:class:`~tipanalysis.impact.ImpactInputError` and its
subclasses) are written in Arabic from their type and numbers (:func:`reason`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

import numpy as np
import pandas as pd

from tipanalysis.core.arabic import count_phrase
from tipanalysis.core.i18n import join_list, t

__all__ = [
    "DESIGN_MEASURES",
    "base_rate_sentence",
    "cho_sentence",
    "coef_table",
    "count_below",
    "counted",
    "dates",
    "design_label",
    "did_rows",
    "did_sentence",
    "did_table",
    "enforcement_sentence",
    "event_study_sentence",
    "filled_table",
    "its_limits",
    "its_sentence",
    "needs",
    "plan_sentence",
    "reason",
    "reform_names",
    "schedule_table",
    "signed",
    "synth_sentence",
    "synth_table",
    "weights_table",
    "windows_sentence",
    "windows_table",
]

#: The English noun (singular, plural) for each Arabic noun :func:`counted` knows.
_EN_NOUNS: dict[str, tuple[str, str]] = {
    "تقرير": ("report", "reports"),
    "عام": ("year", "years"),
    "دولة": ("unit", "units"),
    "دولة مانحة": ("donor", "donors"),
    "مشاهدة": ("point", "points"),
    "صيغة": ("specification", "specifications"),
    "خانة": ("cell", "cells"),
    "مقياس": ("measure", "measures"),
    "انتقال": ("move", "moves"),
    "فترة": ("period", "periods"),
    "سنة تقرير": ("report year", "report years"),
}

#: Secondary outcomes of the design: TIP-reported enforcement measures.
DESIGN_MEASURES: tuple[str, ...] = ("prosecutions", "convictions", "investigations",
                                    "victims_identified")


def __dir__() -> list[str]:
    return list(__all__)


def counted(n: int, noun: str, lang: str, case: str = "nom") -> str:
    """``n`` of ``noun`` (an Arabic noun of :data:`_EN_NOUNS`) as a phrase in ``lang``.

    Examples
    --------
    >>> counted(3, "تقرير", "ar"), counted(3, "تقرير", "en"), counted(1, "تقرير", "en")
    ('ثلاثة تقارير', '3 reports', '1 report')
    >>> counted(5, "دولة مانحة", "ar"), counted(2, "دولة مانحة", "ar", "acc")
    ('خمس دول مانحة', 'دولتين مانحتين')
    """
    if lang == "ar":
        return count_phrase(int(n), noun, case)
    singular, plural = _EN_NOUNS[noun]
    return f"{int(n)} {singular if int(n) == 1 else plural}"


def signed(x: float, decimals: int = 2) -> str:
    """A number with its sign (``+0.50``, ``-1.00``), Western digits in both languages.

    Examples
    --------
    >>> signed(0.5), signed(-1), signed(0.1234, 3)
    ('+0.50', '-1.00', '+0.123')
    """
    return f"{float(x):+.{decimals}f}"


_PRE = re.compile(r"only (\d+) pre-intervention period\(s\) before (\S+?); at least (\d+) are "
                  r"needed")
_POST = re.compile(r"only (\d+) post-intervention period\(s\); at least (\d+) are needed")
_DONORS = re.compile(r"(\d+) donor\(s\); at least (\d+) are needed")
_EXACT = re.compile(r"exact fit with (\d+) residual df: no interval")
_FEW_POST = re.compile(r"only (\d+) post period\(s\)")


def reason(err: object, lang: str) -> str:
    """Why a design is not estimable, in ``lang``, from an estimator's error or its message.

    ``err`` is an :class:`~tipanalysis.impact.ImpactInputError` or the text
    :func:`tipanalysis.impact.attempt` returns for one (which carries the error as
    ``.error``). English keeps the estimator's own message; Arabic writes the known messages
    with their numbers, and any other by the type of the error.

    Examples
    --------
    >>> from tipanalysis.impact import TooFewPeriodsError
    >>> reason(TooFewPeriodsError("only 1 post-intervention period(s); at least 2 are needed"),
    ...        "ar")
    'لا يلي التدخل إلا فترة واحدة، ويلزم فترتان على الأقل'
    >>> reason("exact fit with 0 residual df: no interval", "en")
    'exact fit with 0 residual df: no interval'
    """
    text = str(err)
    if lang != "ar":
        return text
    match = _PRE.fullmatch(text)
    if match:
        n, at, m = match.groups()
        return t("nb04.reason.pre", lang, n=counted(int(n), "فترة", lang),
                 at=at.strip("'\"").removesuffix(".0"), m=counted(int(m), "فترة", lang))
    match = _POST.fullmatch(text) or _FEW_POST.fullmatch(text)
    if match:
        n = int(match.group(1))
        m = int(match.group(2)) if match.re is _POST else n + 1
        if match.re is _FEW_POST:
            return t("nb04.synth.few_post", lang, n_post=counted(n, "تقرير", lang))
        return t("nb04.reason.post", lang, n=counted(n, "فترة", lang),
                 m=counted(m, "فترة", lang))
    if text.startswith("a slope change needs"):
        return t("nb04.reason.slope", lang)
    match = _DONORS.fullmatch(text)
    if match:
        return t("nb04.reason.donors", lang, n=counted(int(match.group(1)), "دولة مانحة", lang),
                 m=counted(int(match.group(2)), "دولة مانحة", lang))
    match = _EXACT.fullmatch(text)
    if match:
        return t("nb04.reason.exact", lang, n=match.group(1))
    error = err if isinstance(err, BaseException) else getattr(err, "error", None)
    for cls in type(error).__mro__ if error is not None else ():
        key = f"nb04.reason.{cls.__name__}"
        try:
            return t(key, lang)
        except KeyError:
            continue
    return t("nb04.reason.ImpactInputError", lang)


def reform_names(reforms: pd.DataFrame, lang: str) -> dict[int, str]:
    """Report year -> short name of the reform first assessed in it (``nb04.short.<id>``).

    Examples
    --------
    >>> r = pd.DataFrame({"report_year": [2013, 2016]}, index=["KWT-0009", "KWT-0014"])
    >>> reform_names(r, "ar")
    {2013: 'قانون عام 2013', 2016: 'قانون عام 2015'}
    """
    return {int(y): t(f"nb04.short.{i}", lang) for i, y in reforms["report_year"].items()}


def count_below(p_values: Iterable[float], n_units: int, lang: str,
                alpha: float = 0.1) -> str:
    """How many placebo p-values are at most ``alpha``, or why none can be, in ``lang``.

    English is :func:`tipanalysis.impact.count_below`'s text.

    Examples
    --------
    >>> count_below([0.5, 0.17], 6, "ar").split("، ")[-1]
    'لأن أصغر قيمة ممكنة مع ست دول هي 1/6 = 0.17'
    >>> count_below([0.05, 0.5], 40, "en")
    '1 of 2 p-values are at most 0.1 (smallest attainable p-value 1/40 = 0.025)'
    """
    from tipanalysis import impact

    if lang != "ar":
        return impact.count_below(pd.Series(list(p_values), dtype=float), n_units, alpha)
    p = np.asarray(list(p_values), dtype=float)
    p = p[~np.isnan(p)]
    floor = impact.min_attainable_p(n_units)
    if floor > alpha:
        return t("nb04.below.none", lang, n=len(p), alpha=f"{alpha:g}", n_units=n_units,
                 units=counted(n_units, "دولة", lang, "acc"), floor=f"{floor:.2f}")
    return t("nb04.below.some", lang, k=int((p <= alpha).sum()), n=len(p), alpha=f"{alpha:g}",
             n_units=n_units, floor=f"{floor:.2g}")


def design_label(design: str, lang: str) -> str:
    """Display name of a design id of the strategy's schedule (``its_tier``, ``its_<measure>``).

    Examples
    --------
    >>> design_label("its_convictions", "en"), design_label("its_tier", "ar")
    ('ITS: TIP convictions', 'السلسلة الزمنية المتقطعة: درجة الفئة')
    """
    if design.startswith("its_") and design != "its_tier":
        return t("nb04.design.its_measure", lang,
                 measure=t(f"measure.{design.removeprefix('its_')}", lang))
    return t(f"nb04.design.{design}", lang)


def _more_reports(n: int) -> str:
    """«تقرير إضافي واحد», «تقريران إضافيان», «ثلاثة تقارير إضافية», «11 تقريراً إضافياً»."""
    if n == 1:
        return "تقرير إضافي واحد"
    if n == 2:
        return "تقريران إضافيان"
    phrase = count_phrase(n, "تقرير")
    return phrase + (" إضافياً" if 11 <= n % 100 <= 99 else " إضافية" if 3 <= n % 100 <= 10
                     else " إضافي")


_NEED_PATTERNS = (
    (re.compile(r"values for (.+) \(pre-period\)"), "nb04.needs.pre"),
    (re.compile(r"values for (.+) \(post-period\)"), "nb04.needs.post"),
    (re.compile(r"a value in each report (.+)"), "nb04.needs.each"),
)


def needs(text: str, lang: str) -> str:
    """The ``needs`` text of :func:`tipanalysis.impact.design_schedule`, in ``lang``.

    Examples
    --------
    >>> needs("values for 2019, 2020 (pre-period); 2 more post-period report(s)", "ar")
    'قيم لأعوام 2019، 2020 (قبل التدخل)؛ تقريران إضافيان بعد التدخل'
    >>> needs("a value in each report 2026-2029", "ar")
    'قيمة في كل تقرير من 2026 إلى 2029'
    """
    if lang != "ar" or not text:
        return text
    parts = []
    for part in text.split("; "):
        more = re.fullmatch(r"(\d+) more post-period report\(s\)", part)
        if more:
            parts.append(t("nb04.needs.more", lang, reports=_more_reports(int(more.group(1)))))
            continue
        for pattern, key in _NEED_PATTERNS:
            found = pattern.fullmatch(part)
            if found:
                value = found.group(1).replace(", ", "، ")
                if key == "nb04.needs.each" and "-" in value:
                    lo, hi = value.split("-")
                    value = f"{lo} إلى {hi}"
                parts.append(t(key, lang, years=value) if key != "nb04.needs.each"
                             else t(key, lang, span=value))
                break
        else:
            parts.append(part)
    return "؛ ".join(parts)


def schedule_table(schedule: pd.DataFrame, designs: Iterable[str], lang: str) -> pd.DataFrame:
    """Design x report year: estimable or not, with its post periods, and what it needs.

    Parameters
    ----------
    schedule : DataFrame
        :func:`tipanalysis.impact.design_schedule` with design ids as ``design``.
    designs : iterable of str
        Row order (ids, shown with :func:`design_label`).

    Examples
    --------
    >>> s = pd.DataFrame({"report_year": [2026, 2027], "design": ["its_tier"] * 2,
    ...                   "n_pre": [24, 24], "n_post": [1, 2], "estimable": [False, True],
    ...                   "needs": ["1 more post-period report(s)", ""]})
    >>> schedule_table(s, ["its_tier"], "ar").values.tolist()
    [[24, 'لا (1 بعد التدخل)', 'نعم (2 بعد التدخل)', '']]
    """
    designs = list(designs)
    last = schedule["report_year"].max()
    cell = [t("nb04.cell", lang, answer=t("yes" if ok else "no", lang), n_post=n)
            for ok, n in zip(schedule["estimable"], schedule["n_post"], strict=True)]
    plan = schedule.assign(cell=cell).pivot(index="design", columns="report_year",
                                            values="cell").loc[designs]
    plan.insert(0, t("nb04.col.n_pre", lang),
                schedule.groupby("design")["n_pre"].first().loc[designs])
    final = schedule[schedule["report_year"] == last].set_index("design")["needs"]
    plan[t("nb04.col.needs", lang, year=last)] = [needs(final.get(d, ""), lang)
                                                   for d in designs]
    plan.index = [design_label(d, lang) for d in designs]
    plan.index.name = t("nb04.col.design", lang)
    plan.columns.name = None
    return plan



# ------------------------------------------------------------------------------ dates, tables
def dates(frame: pd.DataFrame, lang: str) -> list[str]:
    """The ``date`` column as words, to the precision it was published with.

    Examples
    --------
    >>> dates(pd.DataFrame({"date": ["2013-03-17", "2015-06", "2010"]}), "ar")
    ['17 مارس 2013', 'يونيو 2015', '2010']
    """
    from tipanalysis.core.i18n import format_date

    return [format_date(str(d), lang, {1: "year", 2: "month"}.get(len(str(d).split("-")), "day"))
            for d in frame["date"]]


_COEF_COLUMNS = {"term": "col.term", "estimate": "col.estimate", "se": "col.std_err",
                 "ci_low": "col.ci_low", "ci_high": "col.ci_high", "p_value": "col.p_value"}


def coef_table(params: pd.DataFrame, lang: str) -> pd.DataFrame:
    """The coefficient table of an ITS fit (``ITSResult.params``), labelled in ``lang``.

    Examples
    --------
    >>> p = pd.DataFrame({"term": ["level_change"], "estimate": [-0.3333], "se": [0.19],
    ...                   "ci_low": [-0.75], "ci_high": [0.09], "p_value": [0.106]})
    >>> coef_table(p, "ar").index.tolist(), coef_table(p, "ar").columns.tolist()[:2]
    (['تغيّر المستوى'], ['التقدير', 'الخطأ المعياري'])
    """
    from tipanalysis.viz.labels import label_table

    out = params[[c for c in _COEF_COLUMNS if c in params]].copy()
    out["term"] = [t(f"nb04.term.{v}", lang) for v in out["term"]]
    return label_table(out.round(3), lang, {c: _COEF_COLUMNS[c] for c in out}).set_index(
        t("col.term", lang))


def windows_table(table: pd.DataFrame, lang: str) -> pd.DataFrame:
    """:func:`tipanalysis.impact.its_windows` labelled in ``lang``; reasons in ``lang``.

    Examples
    --------
    >>> w = pd.DataFrame({"reform": ["x"], "window": ["2003–2015"], "t0": [2013],
    ...                   "other reforms in window": [""], "n_pre": [10], "n_post": [3],
    ...                   "level_change": ["-0.33 [-0.75, +0.09]"],
    ...                   "slope_change": ["-0.11 [-0.19, -0.02]"],
    ...                   "problem": ["exact fit with 1 residual df: no interval"]})
    >>> windows_table(w, "ar").iloc[0, 0], windows_table(w, "ar").iloc[0, -1].split("،")[0]
    ('من 2003 إلى 2015', 'تطابق النموذج مع البيانات تطابقاً تاماً (درجات الحرية المتبقية 1)')
    """
    from tipanalysis.viz.labels import label_table

    later = table.get("other reforms in window", pd.Series("", index=table.index))
    out = table.assign(
        window=[_span(w, lang) for w in table["window"]],
        **{"other reforms in window": [join_list(str(v).split(", "), lang) if isinstance(v, str)
                                       else v for v in later]},
        problem=[reason(p, lang) if isinstance(p, str) else None
                 for p in table.get("problem", pd.Series(None, index=table.index))])
    columns = {"reform": "col.reform", "window": "nb04.col.window",
               "t0": "nb04.col.intervention", "other reforms in window":
               "nb04.col.later_reforms", "n_pre": "nb04.col.n_pre", "n_post": "nb04.col.n_post",
               "level_change": "nb04.term.level_change", "slope_change": "nb04.term.slope_change",
               "problem": "nb04.col.problem"}
    return label_table(out, lang, {c: k for c, k in columns.items() if c in out}).set_index(
        t("col.reform", lang))


def _span(text: object, lang: str) -> str:
    """``"2003–2015"`` as «من 2003 إلى 2015» in Arabic; unchanged in English."""
    parts = re.split("[–-]", str(text))
    return f"من {parts[0]} إلى {parts[1]}" if lang == "ar" and len(parts) == 2 else str(text)


def weights_table(weights: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Donor weights of a synthetic control, the donors named in ``lang``.

    Examples
    --------
    >>> weights_table(pd.DataFrame({"unit": ["CUB"], "weight": [0.3675]}), "ar").to_dict()
    {'الوزن': {'كوبا': 0.368}}
    """
    from tipanalysis import countries
    from tipanalysis.viz.labels import label_table

    out = weights.assign(unit=[countries.name(u, lang) for u in weights["unit"]])
    return label_table(out.round(3), lang, {"unit": "col.country", "weight": "nb04.col.weight"}
                       ).set_index(t("col.country", lang))


_SYNTH_COLUMNS = {"estimate": "col.estimate", "pre_rmspe": "nb04.col.pre_rmspe",
                  "post_rmspe": "nb04.col.post_rmspe", "ratio": "nb04.col.ratio",
                  "rank": "col.rank", "p_value": "col.p_value",
                  "p_value_midrank": "nb04.col.p_midrank",
                  "p_value_defined_only": "nb04.col.p_defined", "n_ties": "nb04.col.n_ties",
                  "min_p": "nb04.col.min_p", "n_pre": "nb04.col.n_pre",
                  "n_post": "nb04.col.n_post", "n_donors": "nb04.col.n_donors",
                  "n_exact_pre": "nb04.col.n_exact_pre", "n_ratio_zero": "nb04.col.n_ratio_zero",
                  "n_ratio_inf": "nb04.col.n_ratio_inf"}


def synth_table(summary: pd.DataFrame, lang: str) -> pd.DataFrame:
    """``SynthResult.summary()`` as one labelled column (measure -> value), without the note.

    Examples
    --------
    >>> s = pd.DataFrame({"estimate": [0.2569], "p_value": [0.4591], "note": ["..."]})
    >>> synth_table(s, "ar").to_dict()
    {'القيمة': {'التقدير': '0.257', 'القيمة الاحتمالية': '0.459'}}
    """
    row = summary.iloc[0]
    values = [f"{int(row[c])}" if c in ("rank",) or c.startswith("n_") else f"{row[c]:.3f}"
              for c in _SYNTH_COLUMNS if c in row]
    index = [t(k, lang) for c, k in _SYNTH_COLUMNS.items() if c in row]
    return pd.DataFrame({t("col.value", lang): values}, index=pd.Index(index))


def filled_table(tip: pd.DataFrame, lang: str) -> pd.DataFrame:
    """TIP-reported enforcement cells per measure: how many, how many filled, which years.

    Examples
    --------
    >>> tip = pd.DataFrame({"measure": ["convictions"] * 2, "report_year": [2020, 2021],
    ...                     "value": [5.0, None]})
    >>> filled_table(tip, "ar").values.tolist()
    [[2, 1, '2020']]
    """
    filled = tip.groupby("measure").agg(cells=("value", "size"), filled=("value", "count"))
    years = tip.dropna(subset=["value"]).groupby("measure")["report_year"].agg(
        lambda y: join_list(list(map(str, y)), lang))
    filled["years"] = years.reindex(filled.index).fillna("")
    filled.index = [t(f"measure.{m}", lang) for m in filled.index]
    filled.index.name = t("col.measure", lang)
    return filled.rename(columns={"cells": t("nb04.col.cells", lang),
                                  "filled": t("nb04.col.filled", lang),
                                  "years": t("nb04.col.years_filled", lang)})


# ------------------------------------------------------------------------------ sentences
def base_rate_sentence(base: pd.DataFrame, lang: str, *, r25: int) -> str:
    """What the base rates expected after each reform (upgrades), and the current downgrade rate.

    ``base``: :func:`tipanalysis.impact.base_rate_comparison` for both targets, with ``target``
    and ``reform`` (display name) columns.

    Examples
    --------
    >>> b = pd.DataFrame({"reform": ["x"], "reform_year": [2013], "baseline_year": [2012],
    ...                   "baseline_tier": ["3"], "expected_prob": [0.4657],
    ...                   "observed": [False], "target": ["upgrade"]})
    >>> base_rate_sentence(b, "en", r25=2026)
    'Chance of an upgrade within two reports — x: 47% expected from Tier 3 (2012), no upgrade.'
    """
    from tipanalysis.core.i18n import format_percent, tier_label

    up = base[base["target"] == "upgrade"]
    items = [t("nb04.base.item", lang, reform=r.reform, p=format_percent(r.expected_prob, lang),
               tier=tier_label(r.baseline_tier, lang), year=r.baseline_year,
               outcome=t("impact.pending" if pd.isna(r.observed) else "impact.upgraded"
                         if r.observed else "impact.not_upgraded", lang))
             for r in up.itertuples()]
    text = t("nb04.base.read", lang, items="؛ ".join(items) if lang == "ar" else
             "; ".join(items) if items else t("nb04.base.none", lang))
    down = base.loc[(base["target"] == "downgrade") & (base["reform_year"] == r25),
                    "expected_prob"]
    if len(down):
        text += " " + t("nb04.base.down", lang, p=format_percent(down.iloc[0], lang))
    return text


def its_sentence(fit, lags: pd.DataFrame, wild: pd.Series, year: int, lang: str) -> str:
    """Level and slope change of an ITS fit, their p-value range over lags, wild bootstrap p.

    ``fit``: :class:`~tipanalysis.impact.ITSResult`; ``lags``: its ``lag_sensitivity()``;
    ``wild``: ``p_value_wild`` by term (:func:`tipanalysis.impact.its_wild_bootstrap`).
    """
    row, slope = fit.summary().loc["level_change"], fit.summary().loc["slope_change"]
    p_range = lags.groupby("term")["p_value"].agg(["min", "max"])
    return t("nb04.its.read", lang, year=year, level=signed(row["estimate"]),
             lo=signed(row["ci_low"]), hi=signed(row["ci_high"]),
             slope=signed(slope["estimate"], 3),
             pl_lo=f"{p_range.loc['level_change', 'min']:.3f}",
             pl_hi=f"{p_range.loc['level_change', 'max']:.3f}",
             ps_lo=f"{p_range.loc['slope_change', 'min']:.3f}",
             ps_hi=f"{p_range.loc['slope_change', 'max']:.3f}",
             n_points=counted(int(row["n"]), "مشاهدة", lang),
             wild_level=f"{wild['level_change']:.3f}", wild_slope=f"{wild['slope_change']:.3f}")


def its_limits(fit, lang: str, *, name: str, kuwait: bool) -> str:
    """The limits of an ITS fit: periods, the ordinal scale, its ceiling, overlapping events."""
    row = fit.summary().loc["level_change"]
    cf = fit.counterfactual()
    above = cf.loc[cf["post"], "counterfactual"].max()
    return t("nb04.its.limits", lang, n_pre=counted(int(row["n_pre"]), "تقرير", lang),
             n_post=counted(int(row["n_post"]), "تقرير", lang),
             ceiling=t("nb04.its.ceiling", lang, above=f"{above:.2f}") if above > 3 else "",
             window=t("nb04.its.window_kwt", lang) if kuwait else
             t("nb04.its.window_other", lang, name=name))


def windows_sentence(table: pd.DataFrame, lang: str) -> str:
    """How many ITS windows give an interval, and the range of their level changes.

    Examples
    --------
    >>> w = pd.DataFrame({"level": [-0.33, -0.8, None], "n_post": [3, 8, None],
    ...                   "problem": [None, None, "only 2 ..."]})
    >>> windows_sentence(w, "ar").split(". ")[0]
    'أمكن حساب مجال الثقة في 2 من أصل ثلاث صيغ'
    """
    ok = table[table["problem"].isna()] if "problem" in table else table
    rng = (t("nb04.its.windows.range", lang, lo=signed(ok["level"].min()),
             hi=signed(ok["level"].max()), a=int(ok["n_post"].min()),
             b=int(ok["n_post"].max())) if len(ok) else "")
    return t("nb04.its.windows.read", lang, k=len(ok),
             n_specs=counted(len(table), "صيغة", lang, "acc"), range=rng)


def did_rows(panel: pd.DataFrame, treated: str,
             windows: Iterable[tuple[str, int, int, int]], lang: str) -> pd.DataFrame:
    """One placebo-in-space DiD per (reform, intervention, start, end) window of ``panel``.

    A window that cannot be estimated keeps its row, with the reason (in ``lang``) as ``note``.
    """
    from tipanalysis import impact

    rows = []
    for label, t0, start, end in windows:
        res, err = impact.attempt(impact.did_placebo, panel[panel["report_year"].between(
            start, end)], "iso3", "report_year", "score", treated, t0)
        found = {"note": reason(err, lang)} if res is None else res.iloc[0].drop(
            "note").to_dict()
        rows.append({"reform": label, "start": start, "end": end, **found})
    return pd.DataFrame(rows)


_DID_COLUMNS = {"reform": "col.reform", "start": "nb04.col.start", "end": "nb04.col.end",
                "estimate": "col.estimate", "p_value": "col.p_value", "rank": "col.rank",
                "n_units": "nb04.col.n_units", "n_pre": "nb04.col.n_pre",
                "n_post": "nb04.col.n_post", "n_donors": "nb04.col.n_donors",
                "p_value_midrank": "nb04.col.p_midrank", "n_ties": "nb04.col.n_ties",
                "min_p": "nb04.col.min_p", "note": "nb04.col.reason"}


def did_table(did: pd.DataFrame, lang: str) -> pd.DataFrame:
    """:func:`did_rows` labelled in ``lang``.

    Examples
    --------
    >>> d = pd.DataFrame({"reform": ["x"], "start": [2005], "end": [2015], "estimate": [0.3]})
    >>> did_table(d, "ar").columns.tolist(), did_table(d, "ar").index.tolist()
    (['من', 'إلى', 'التقدير'], ['x'])
    """
    from tipanalysis.viz.labels import label_table

    return label_table(did.round(3), lang, {c: k for c, k in _DID_COLUMNS.items() if c in did}
                       ).set_index(t("col.reform", lang))


def did_sentence(did: pd.DataFrame, name: str, n_donors: int, lang: str) -> str:
    """The DiD estimates with their placebo p-values, and what the design can never show.

    Examples
    --------
    >>> d = pd.DataFrame({"reform": ["x"], "start": [2005], "end": [2015], "estimate": [0.3],
    ...                   "p_value": [1 / 6], "rank": [1], "n_units": [6], "n_pre": [8],
    ...                   "n_post": [3], "n_donors": [5]})
    >>> did_sentence(d, "Kuwait", 5, "en")[:125]
    "Change in Kuwait's gap to the GCC mean — x (2005–2015): +0.30 tier points relative to the \
peer mean (worse), placebo p = 0.17"
    """
    items = []
    for _, r in did.iterrows():
        if pd.isna(r.get("estimate")):
            continue
        direction = "worse" if r["estimate"] > 0 else "better" if r["estimate"] < 0 else "same"
        items.append(t("nb04.did.item", lang, reform=r["reform"], start=int(r["start"]),
                       end=int(r["end"]), estimate=signed(r["estimate"]),
                       direction=t(f"nb04.direction.{direction}", lang),
                       p=f"{r['p_value']:.2f}", rank=int(r["rank"]), n_units=int(r["n_units"]),
                       n_pre=counted(int(r["n_pre"]), "تقرير", lang),
                       n_post=counted(int(r["n_post"]), "تقرير", lang),
                       n_donors=counted(int(r["n_donors"]), "دولة مانحة", lang)))
    return t("nb04.did.read", lang, name=name,
             items=("؛ " if lang == "ar" else "; ").join(items) or t("nb04.did.none", lang),
             n_donors=counted(n_donors, "دولة مانحة", lang), k=n_donors + 1,
             min_p=f"{1 / (n_donors + 1):.2f}")


def event_study_sentence(es: pd.DataFrame, year: int, later: tuple[int, int], lang: str) -> str:
    """Size of the event study, its largest post-period coefficient and what p can reach."""
    post = es[es["post"]]
    big = post.loc[post["estimate"].abs().idxmax()]
    n_donors = int(es["n_donors"].iloc[0])
    return t("nb04.es.read", lang, n_reports=counted(len(es), "تقرير", lang),
             n_pre=int(es["n_pre"].iloc[0]), n_post=int(es["n_post"].iloc[0]), year=year,
             n_donors=counted(n_donors, "دولة مانحة", lang), ref=year - 1,
             big=signed(big["estimate"]), big_year=int(big["report_year"]),
             p=f"{big['p_value']:.2f}", below=count_below(post["p_value"], n_donors + 1, lang),
             r15=later[0], r18=later[1])


def cho_sentence(fit, span: range, lang: str, *, date: str, min_post: int) -> str:
    """The synthetic control on the Cho 3P index over ``span``: its fit, post year, no p-value."""
    post_gap = fit.gaps.query("period == 'post'")["gap"]
    end = span[-1]
    return t("nb04.cho.read", lang, start=span.start, pre_end=end - 1, end=end,
             n_pre=counted(fit.n_pre, "عام", lang),
             n_donors=counted(fit.n_donors, "دولة مانحة", lang), rmspe=f"{fit.pre_rmspe:.2f}",
             n_post=counted(fit.n_post, "عام", lang), gap=signed(post_gap.iloc[0]),
             date=date, min_post=counted(min_post, "فترة", lang))


def synth_sentence(s: pd.Series, name: str, lang: str) -> str:
    """A synthetic control's p-value with every limit: exact fits, ties, smallest p.

    ``s``: the row of ``SynthResult.summary()``.
    """
    n_units = int(s["n_donors"]) + 1
    return t("nb04.synth.read", lang, name=name, estimate=signed(s["estimate"]),
             pre=f"{s['pre_rmspe']:.2f}", post=f"{s['post_rmspe']:.2f}",
             ratio=f"{s['ratio']:.2f}", rank=int(s["rank"]), n_units=n_units,
             units=counted(n_units, "دولة", lang, "acc"), p=f"{s['p_value']:.2f}",
             n_pre=counted(int(s["n_pre"]), "تقرير", lang),
             n_post=counted(int(s["n_post"]), "تقرير", lang),
             n_donors=counted(int(s["n_donors"]), "دولة مانحة", lang),
             n_exact=int(s["n_exact_pre"]), n_zero=int(s["n_ratio_zero"]),
             n_inf=int(s["n_ratio_inf"]), p_defined=f"{s['p_value_defined_only']:.2f}",
             n_ties=_ties(int(s["n_ties"]), lang), p_mid=f"{s['p_value_midrank']:.2f}",
             min_p=f"{s['min_p']:.3f}", post_phrase=counted(int(s["n_post"]), "تقرير", lang))


def _ties(n: int, lang: str) -> str:
    """«لا توجد حالات تساوٍ» / «عددها 3»; "0 tie(s)" / "3 tie(s)"."""
    if lang != "ar":
        return f"{n} tie(s)"
    return "لا توجد حالات تساوٍ" if n == 0 else f"عددها {n}"


def enforcement_sentence(tip: pd.DataFrame, name: str, lang: str) -> str:
    """How many TIP-reported enforcement cells are filled, and the measures never reported.

    Examples
    --------
    >>> tip = pd.DataFrame({"measure": ["convictions", "investigations"],
    ...                     "report_year": [2020, 2020], "value": [5.0, None]})
    >>> enforcement_sentence(tip, "Kuwait", "en")
    'TIP-reported enforcement figures for Kuwait: 1 of 2 cells filled (2020–2020 reports, \
2 measures); none for investigations in any year.'
    """
    filled = tip.groupby("measure")["value"].count()
    empty = [t(f"measure.{m}", lang) for m in filled.index[filled == 0]]
    return t("nb04.enforcement.read", lang, name=name, filled=int(tip["value"].notna().sum()),
             cells=counted(len(tip), "خانة", lang, "acc"),
             lo=int(tip["report_year"].min()), hi=int(tip["report_year"].max()),
             n_measures=counted(len(filled), "مقياس", lang),
             empty=join_list(empty, lang) if lang == "ar" else ", ".join(empty))


def plan_sentence(schedule: pd.DataFrame, designs: list[str], n_donors: int, lang: str) -> str:
    """The first report after which each design is estimable, and what stays out of reach.

    Examples
    --------
    >>> s = pd.DataFrame({"report_year": [2026, 2027], "design": ["its_tier"] * 2,
    ...                   "n_pre": [24, 24], "n_post": [1, 2], "estimable": [False, True]})
    >>> plan_sentence(s, ["its_tier"], 5, "en")[:60]
    'First report after which each design can be estimated: ITS: '
    """
    first_ok = schedule[schedule["estimable"]].groupby("design")["report_year"].min()
    end = int(schedule["report_year"].max())
    never = [design_label(d, lang) for d in designs if d not in first_ok.index]
    sep = "؛ " if lang == "ar" else "; "
    items = sep.join(t("nb04.plan.item", lang, design=design_label(d, lang),
                       year=int(first_ok[d])) for d in designs if d in first_ok.index)
    return t("nb04.plan.read", lang, items=items, end=end,
             never=t("nb04.plan.never", lang, end=end, designs=sep.join(never)) if never
             else ".", n_post=int(schedule["n_post"].max()), n_pre=int(schedule["n_pre"].max()),
             min_p=f"{1 / (n_donors + 1):.2f}")
