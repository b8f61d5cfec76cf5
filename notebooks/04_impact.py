# %% tags=["parameters"]
country = "KWT"
lang = "en"

# %%
# Impact of Kuwait's earlier reforms, and the 2025-2028 strategy as a pre-specified design. Every
# heading, sentence and table label is written by the package in the notebook's `lang`
# (tipanalysis.core.i18n, keys nb04.*; sentences in tipanalysis.viz.impact_text), so a run with
# `-p lang ar` reads in Arabic. Every number in a sentence comes from the results above it.
# %matplotlib inline
# Figures lay themselves out (constrained layout): no second, cropping draw per figure.
# %config InlineBackend.print_figure_kwargs = {"bbox_inches": None}
import warnings

import pandas as pd
from IPython.display import display

from tipanalysis import countries, data, impact, tiers, viz
from tipanalysis.core.i18n import join_list, t
from tipanalysis.viz import impact_text as it
from tipanalysis.viz.labels import label_table
from tipanalysis.viz.text import esc, md

display(md(f"# {t('nb04.title', lang)}\n\n{t('nb04.intro', lang)}"))

# %%
country = countries.to_iso3(country)  # any name or code ("Qatar", "QA"), as the runner does
warnings.filterwarnings("ignore", "small sample")  # the ITS sentence says it, with the bootstrap
# Plots apply the house settings (viz.RC: same run, same bytes; Arabic glyphs) themselves.
pd.set_option("display.max_colwidth", 250)
panel = data.load_tiers()
scores = panel.assign(score=tiers.tier_score(panel["tier"]))
own = scores[(scores["iso3"] == country) & scores["score"].notna()][
    ["report_year", "tier", "score"]].reset_index(drop=True)
name = esc(countries.name(country, lang))  # data in Markdown: escaped
chart_name = countries.name(country, lang)
first, last = int(own["report_year"].min()), int(panel["report_year"].max())
md(t("nb04.ranked", lang, name=name, n_reports=it.counted(len(own), "تقرير", lang, "acc"),
     first=first, last=int(own["report_year"].max()))
   + ("" if country == "KWT" else "\n\n" + t("nb04.other_country", lang, name=name)))

# %%
display(md(f"## {t('nb04.h.timing', lang)}\n\n{t('nb04.timing.intro', lang)}"))
timeline = data.load_timeline()
events = impact.map_events_to_report_years(
    timeline[timeline["category"].isin(impact.EVENT_CATEGORIES)], policy="latest"
).reset_index(drop=True)
text = events["event_ar" if lang == "ar" else "event_short_en"]
label_table(events.assign(event=text, date=it.dates(events, lang)), lang, {
    "date": "col.date", "category": "col.category", "report_year": "nb04.col.report_year",
    "report_year_earliest": "nb04.col.earliest", "ambiguous": "nb04.col.year_only",
    "event": "col.event"}, flags=["ambiguous"], values={"category": "category"}
    ).set_index(t("col.date", lang))

# %%
reforms = impact.reforms(timeline, policy="latest")  # the table the brief uses too
r13, r15, r18, r25 = reforms["report_year"].tolist()
names_by_year = it.reform_names(reforms, lang)
label_table(reforms.assign(reform=[t(f"reform.{i}", lang) for i in reforms.index],
                           date=it.dates(reforms, lang)), lang,
            {"reform": "col.reform", "date": "col.date", "report_year": "col.first_report"}
            ).set_index(t("col.reform", lang))

# %%
dated = dict(zip(reforms.index, it.dates(reforms, lang), strict=True))
md(t("nb04.timing.read", lang, n_events=len(events), lo=events["report_year"].min(),
     hi=events["report_year"].max(), n_ambiguous=int(events["ambiguous"].sum()),
     date13=dated["KWT-0009"], r13=r13, r13_next=r13 + 1, r15=r15, r18=r18,
     date25=dated["KWT-0039"], r25=r25))

# %%
since = int(panel["report_year"].min())
display(md(f"## {t('nb04.h.base', lang)}\n\n{t('nb04.base.intro', lang, since=since)}"))
P = tiers.transition_matrix(panel)
# The baseline is the tier in the report before the reform; a country unranked then is left out.
usable = [y for y in reforms["report_year"] if y - 1 in set(own["report_year"])]
base = pd.concat([impact.base_rate_comparison(P, own, usable, horizon=2,
                                              targets=target).assign(target=target)
                  for target in ("upgrade", "downgrade")], ignore_index=True)
base.insert(0, "reform", base["reform_year"].map(names_by_year))
label_table(base.round(3), lang, {
    "reform": "col.reform", "target": "nb04.col.target", "baseline_year":
    "nb04.col.baseline_year", "baseline_tier": "col.baseline", "expected_prob":
    "nb04.col.expected", "observed": "col.observed"},
    tiers=["baseline_tier"], flags=["observed"], values={"target": "nb04.target"}
    ).set_index(t("col.reform", lang))

# %%
left_out = [names_by_year[y] for y in reforms["report_year"] if y not in usable]
basis = panel[panel["iso3"] == country].set_index("report_year")["basis"]
guessed = sorted(y for y in set(base["baseline_year"]) if basis.get(y) == "inferred")
md(it.base_rate_sentence(base, lang, r25=r25)
   + (" " + t("nb04.base.left_out", lang, name=name, reforms=join_list(left_out, lang))
      if left_out else "")
   + " " + t("nb04.base.pool", lang, name=name, lo=since, hi=last,
             n_moves=it.counted(int(P["count"].sum()), "انتقال", lang, "acc"))
   + (" " + t("nb04.base.inferred", lang, years=join_list([str(y) for y in guessed], lang))
      if guessed else ""))

# %%
display(md(f"## {t('nb04.h.its', lang)}\n\n{t('nb04.its.intro', lang)}"))
window = own[own["report_year"] < r15]
its_fit, its_error = impact.attempt(impact.fit_its, window, "report_year", "score", r13, maxlags=1)
its_error = its_error and t("nb04.not_estimable", lang, name=name,
                            reason=it.reason(its_error, lang))
md(its_error) if its_fit is None else it.coef_table(its_fit.params, lang)

# %%
if its_fit is None:
    display_fig = md(its_error)
else:
    ax = its_fit.plot(lang=lang,
                      title=t("impact.title.its_country", lang, country=chart_name, year=r13))
    ax.axhline(3, color="0.6", linewidth=0.6, linestyle=":")
    ax.figure.set_size_inches(7, 3.6)
    display_fig = ax.figure
display_fig

# %%
lags = its_fit.lag_sensitivity(lags=(0, 1, 2, 3)) if its_fit is not None else None
wild = (impact.its_wild_bootstrap(window, "score", "report_year", r13, n_boot=1999)
        .set_index("term")["p_value_wild"] if its_fit is not None else None)
md(its_error) if lags is None else label_table(lags.round(3), lang, {
    "maxlags": "nb04.col.lags", "term": "col.term", "estimate": "col.estimate",
    "std_err" if "std_err" in lags else "se": "col.std_err", "ci_low": "col.ci_low",
    "ci_high": "col.ci_high", "p_value": "col.p_value"}, values={"term": "nb04.term"}
    ).set_index(t("nb04.col.lags", lang))

# %%
md(its_error) if its_fit is None else md(
    it.its_sentence(its_fit, lags, wild, r13, lang) + "\n\n"
    + it.its_limits(its_fit, lang, name=name, kuwait=country == "KWT"))

# %%
display(md(t("nb04.its.windows.intro", lang)))
short = {y: names_by_year[y] for y in (r13, r15, r18)}
specs = [(short[r13], r13, r13, first, r15 - 1),
         (t("nb04.spec.first_full", lang, reform=short[r13]), r13, r13 + 1, first, r15 - 1),
         (short[r13], r13, r13, first, last), (short[r15], r15, r15, r13, r18 - 1),
         (short[r18], r18, r18, r15, last), (short[r18], r18, r18, first, last)]
# Exact fits are flagged in the table ("problem"), not raised.
its_table = impact.its_windows(own, "report_year", "score", specs, (r13, r15, r18), maxlags=1)
it.windows_table(its_table, lang)

# %%
md(it.windows_sentence(its_table, lang))

# %%
display(md(f"## {t('nb04.h.peers', lang)}\n\n### {t('nb04.h.did', lang)}\n\n"
           f"{t('nb04.did.intro', lang)}"))
gcc = countries.members("GCC")
group = [country, *[c for c in gcc if c != country]]
# Years in which every state of the group is ranked.
gcc_panel = impact.balanced_panel(scores, "iso3", "report_year", "score", units=group,
                                  keep="times")
gcc_years = sorted(gcc_panel["report_year"].unique())
did = it.did_rows(gcc_panel, country, [(short[r13], r13, gcc_years[0], r15 - 1),
                                       (short[r18], r18, r15, last)], lang)
it.did_table(did, lang)

# %%
n_donors = len(group) - 1
# GCC placements of these years inferred rather than stated by a source (data/tiers, basis).
cells = panel[panel["iso3"].isin(group) & panel["report_year"].isin(gcc_years)]
guessed = cells[cells["basis"] == "inferred"].sort_values(["report_year", "iso3"])
md(it.did_sentence(did, name, n_donors, lang) + " " + t(
    "nb04.gcc_inferred" if len(guessed) else "nb04.gcc_inferred.none", lang, n=len(cells),
    k=len(guessed), cells=join_list([f"{countries.name(r.iso3, lang)} {r.report_year}"
                                     for r in guessed.itertuples()], lang)))

# %%
es, es_error = impact.attempt(impact.event_study, gcc_panel, "iso3", "report_year", "score",
                              country, r13)
if es is None:
    es_out = md(t("nb04.es_not_estimable", lang, reason=it.reason(es_error, lang)))
else:
    ax = viz.plot_event_study(es, lang=lang, title=t("impact.title.es_country", lang,
                                                      country=chart_name, year=r13 - 1))
    ax.figure.set_size_inches(7, 3.6)
    es_out = ax.figure
es_out

# %%
es_out if es is None else md(it.event_study_sentence(es, r13, (r15, r18), lang))

# %%
MIN_POST_SYNTH = 3
cho = data.load_cho_3p().dropna(subset=["p_total"])
cho = cho.assign(p_total=cho["p_total"].astype(float), year=cho["year"].astype(int))
display(md(f"### {t('nb04.h.cho', lang)}\n\n" + t(
    "nb04.cho.intro", lang, lo=cho["year"].min(), hi=cho["year"].max(),
    min_post=it.counted(MIN_POST_SYNTH, "فترة", lang))))
own_years = cho.loc[cho["iso3"] == country, "year"]
span = range(int(own_years.min()), 2014) if len(own_years) else range(0)
# Donors: every country with an index value in each year of the span.
cho_panel = impact.balanced_panel(cho, "iso3", "year", "p_total", times=span, keep="units")
cho_fit, cho_error = impact.attempt(impact.synth, cho_panel, "iso3", "year", "p_total",
                                    country, 2013)
cho_error = cho_error and t("nb04.not_estimable", lang, name=name,
                            reason=it.reason(cho_error, lang))
md(cho_error) if cho_fit is None else it.weights_table(cho_fit.weights.head(5), lang)

# %%
if cho_fit is not None:
    ax = cho_fit.plot(lang=lang, title=t("impact.title.cho_country", lang, country=chart_name))
    ax.figure.set_size_inches(7, 3.4)
    cho_out = ax.figure
else:
    cho_out = md(cho_error)
cho_out

# %%
md(cho_error) if cho_fit is None else md(it.cho_sentence(
    cho_fit, span, lang, date=dated["KWT-0009"], min_post=MIN_POST_SYNTH))

# %%
display(md(f"### {t('nb04.h.synth', lang)}\n\n{t('nb04.synth.intro', lang)}"))
# Donors: every country ranked in each of those reports.
world = impact.balanced_panel(scores, "iso3", "report_year", "score", times=range(first, r15))
synth_fit, synth_error = impact.attempt(impact.synth, world, "iso3", "report_year", "score",
                                        country, r13)
# The placebo loop runs once here; the figure and the text below reuse it.
summary = impact.attempt(synth_fit.summary)[0] if synth_fit is not None else None
if summary is not None and int(summary["n_post"].iloc[0]) < MIN_POST_SYNTH:
    synth_error = f"only {int(summary['n_post'].iloc[0])} post period(s)"
synth_error = synth_error and t("nb04.not_estimable", lang, name=name,
                                reason=it.reason(synth_error, lang))
md(synth_error) if synth_error else it.synth_table(summary, lang)

# %%
if synth_error is None:
    fig, (ax1, ax2) = viz.new_figure((11, 3.6), ncols=2)
    synth_fit.plot(ax=ax1, lang=lang,
                   title=t("impact.title.synth_country", lang, country=chart_name))
    synth_fit.plot_placebos(ax=ax2, max_pre_rmspe_ratio=5, lang=lang,
                            title=t("impact.title.placebo_shown", lang, ratio=5))
    synth_out = fig
else:
    synth_out = md(synth_error)
synth_out

# %%
md(synth_error) if synth_error else md(it.synth_sentence(summary.iloc[0], name, lang))

# %%
display(md(f"## {t('nb04.h.design', lang)}\n\n" + t(
    "nb04.design.intro", lang, launched=dated["KWT-0039"], r25=r25, pre_end=r25 - 1,
    end_year=r25 + 2, end=r25 + 3, min_post=it.counted(MIN_POST_SYNTH, "فترة", lang))))
tip = data.load_enforcement(reported_by="tip_report")
tip = tip[tip["iso3"] == country]
it.filled_table(tip, lang)

# %%
md((it.enforcement_sentence(tip, name, lang) if len(tip) else
    t("nb04.enforcement.none", lang, name=name)) + t("nb04.enforcement.government", lang))

# %%
observed = {"its_tier": own["report_year"], "did_gcc": gcc_years,
            "synth_world": own["report_year"],
            **{f"its_{m}": tip.loc[(tip["measure"] == m) & tip["value"].notna(), "report_year"]
               for m in it.DESIGN_MEASURES}}
min_pre = {d: 2 if d == "did_gcc" else 3 for d in observed}
min_post = {d: 1 if d == "did_gcc" else MIN_POST_SYNTH if d == "synth_world" else 2
            for d in observed}
schedule = impact.design_schedule(r25, last, range(r25, r25 + 4), observed_years=observed,
                                  min_pre=min_pre, min_post=min_post)
it.schedule_table(schedule, observed, lang)

# %%
md(it.plan_sentence(schedule, list(observed), n_donors, lang))

# %%
display(md(f"## {t('nb04.h.limits', lang)}"))
levels = data.load_coverage()["completeness"].value_counts()
values = tip["value"].dropna()
md(t("nb04.limits.first", lang, effort=t("caveat.effort", lang),
     period=t("caveat.period", lang), n_years=int(levels.sum()),
     complete=levels.get("complete", 0), inferred=levels.get("inferred", 0),
     near=levels.get("near-complete", 0),
     other=levels.get("unverified", 0) + levels.get("partial", 0)) + "\n"
   + t("nb04.limits.second", lang, n_donors=it.counted(n_donors, "دولة مانحة", lang),
       k=n_donors + 1)
   + (t("nb04.limits.sparse", lang, name=name, filled=len(values), cells=len(tip),
        zeros=int((values == 0).sum())) if len(tip) else
      t("nb04.limits.no_enforcement", lang, name=name)))
