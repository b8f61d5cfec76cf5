# %% [markdown]
# # Impact: Kuwait's earlier reforms, and the 2025–2028 strategy as a design
#
# A retrospective look at three reforms — the 2013 anti-trafficking law, the 2015 domestic
# workers law and the first national strategy (February 2018) — against the TIP tier history
# and the GCC, followed by the 2025–2028 strategy written down as a *pre-specified* design:
# what will be estimable after each coming report, and what data it needs.
#
# Read every number with its limits, which are printed next to it. Tiers rate a government's
# *efforts* against the TVPA minimum standards, not the prevalence of trafficking; a report year
# R covers 1 April R-1 to 31 March R; there is one treated country, few reports after each
# reform, and the reforms follow one another closely. Nothing here is a causal estimate.

# %% tags=["parameters"]
country = "KWT"
lang = "en"

# %%
# %matplotlib inline
# Figures lay themselves out (constrained layout): no second, cropping draw per figure.
# %config InlineBackend.print_figure_kwargs = {"bbox_inches": None}
import warnings

import numpy as np
import pandas as pd

from tipanalysis import countries, data, impact, tiers, viz
from tipanalysis.i18n import t, tier_label
from tipanalysis.viz.text import md

country = countries.to_iso3(country)  # any name or code ("Qatar", "QA"), as the runner does
warnings.filterwarnings("ignore", "small sample")  # the ITS sentence says it, with the bootstrap
# Plots apply the house settings (viz.RC: same run, same bytes; Arabic glyphs) themselves.
pd.set_option("display.max_colwidth", 120)
panel = data.load_tiers()
scores = panel.assign(score=tiers.tier_score(panel["tier"]))
own = scores[(scores["iso3"] == country) & scores["score"].notna()][
    ["report_year", "tier", "score"]].reset_index(drop=True)
name = countries.name(country, "en")
chart_name = countries.name(country, lang)  # chart titles and labels follow `lang`
first, last = int(own["report_year"].min()), int(panel["report_year"].max())

# %%
md(
    f"**{name}**: ranked in {len(own)} report years, {first}–{int(own['report_year'].max())}; "
    f"tier score 1 (Tier 1), 2 (Tier 2), 2.5 (Watch List), 3 (Tier 3): **higher is worse**."
    + ("" if country == "KWT" else
       f"\n\nThe shipped timeline is Kuwait's. For {name} the analysis uses Kuwait's reform "
       f"years as reference dates: it shows how {name}'s placements moved around them, not the "
       f"effect of {name}'s own reforms.")
)

# %% [markdown]
# ## 1. Timing: the first report that could reflect each reform
#
# A day- or month-dated event falls in exactly one reporting period. For events known only to
# the year we use the policy **"latest"** (report Y+1): nine of a calendar year's twelve months
# fall in that period, and dating a reform too early would credit it with changes that came
# before it. The earliest candidate year is shown next to it.

# %%
timeline = data.load_timeline()
events = impact.map_events_to_report_years(
    timeline[timeline["category"].isin(impact.EVENT_CATEGORIES)], policy="latest")
events.assign(event=events["event"].str.slice(0, 80))[
    ["event_id", "date", "category", "report_year", "report_year_earliest", "ambiguous", "event"]]

# %%
reforms = impact.reforms(timeline, policy="latest")  # the table the brief uses too
r13, r15, r18, r25 = reforms["report_year"].tolist()
reforms

# %%
ambiguous = events.loc[events["ambiguous"], "event_id"].tolist()
md(
    f"{len(events)} law, institution and strategy events fall in reports "
    f"{events['report_year'].min()}–{events['report_year'].max()}; {len(ambiguous)} are dated "
    f"only to the year ({', '.join(ambiguous)}) and placed by the \"latest\" policy. The 2013 "
    f"law entered into force on {reforms.loc['KWT-0009', 'date']}, two weeks before the end of "
    f"the {r13} reporting period: the {r13} report is the first that could reflect it, "
    f"{r13 + 1} the first whose whole period follows it. The domestic workers law is first "
    f"assessed in {r15}, the 2018 strategy in {r18}, and the 2025–2028 strategy "
    f"(launched {reforms.loc['KWT-0039', 'date']}) in the {r25} report, not yet published."
)

# %% [markdown]
# ## 2. Base rates: what the global transition matrix expected after each reform
#
# From the tier held in the report *before* each reform, the chance of an upgrade (or a
# downgrade) within two reports if the country moved like all countries have since 2001.

# %%
P = tiers.transition_matrix(panel)
names_by_year = dict(zip(reforms["report_year"], reforms["reform"], strict=True))
# The baseline is the tier in the report before the reform; a country unranked then is left out.
usable = [y for y in reforms["report_year"] if y - 1 in set(own["report_year"])]
base = pd.concat([impact.base_rate_comparison(P, own, usable, horizon=2,
                                              targets=target).assign(target=target)
                  for target in ("upgrade", "downgrade")], ignore_index=True)
base.insert(0, "reform", base["reform_year"].map(names_by_year))
# Whether the baseline placement is stated by a source or inferred (data/tiers, basis).
own_basis = panel[panel["iso3"] == country].set_index("report_year")["basis"]
base["baseline_basis"] = base["baseline_year"].map(own_basis)
inferred_base = [str(y) for y in sorted(set(
    base.loc[base["baseline_basis"] == "inferred", "baseline_year"]))]
base.round(3)

# %%
up = base[base["target"] == "upgrade"]
down_now = base.loc[(base["target"] == "downgrade") & (base["reform_year"] == r25),
                    "expected_prob"]
left_out = [names_by_year[y] for y in reforms["report_year"] if y not in usable]
read = "; ".join(
    f"{r.reform}: {r.expected_prob:.0%} expected from {tier_label(r.baseline_tier, 'en')} "
    f"({r.baseline_year}), "
    + ("not yet observable" if pd.isna(r.observed) else
       "upgraded" if r.observed else "no upgrade")
    for r in up.itertuples())

# %%
md(
    f"Chance of an upgrade within two reports — {read or 'no reform has a ranked baseline'}. "
    + (f"For the 2025–2028 strategy the base rate of a *downgrade* within two reports is "
       f"{down_now.iloc[0]:.0%}. " if len(down_now) else "")
    + (f"Left out ({name} not ranked in the report before): {'; '.join(left_out)}. "
       if left_out else "")
    + (f"Baselines inferred rather than stated by a source: {', '.join(inferred_base)}. "
       if inferred_base else "")
    + "The matrix pools "
    f"{int(P['count'].sum())} moves between consecutive reports of all countries, "
    f"2001–2025. **This is descriptive, not causal**: the base rate includes {name}'s own moves "
    "and the years after the reforms, and an upgrade that follows a reform does not show the "
    "reform caused it."
)

# %% [markdown]
# ## 3. Interrupted time series of the tier score
#
# Segmented OLS (level and slope change) with Newey–West errors (1 lag) around the 2013 law,
# on the reports up to the last one before the 2015 law is first assessed, so that the next
# reform does not enter the post-period.

# %%
window = own[own["report_year"] < r15]
its_fit, its_error = impact.attempt(impact.fit_its, window, "report_year", "score", r13, maxlags=1)
its_error = its_error and f"Not estimable for {name}: {its_error}"
md(its_error) if its_fit is None else its_fit.params.drop(columns=["scale", "model"]).round(3)

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
lags.round(3) if lags is not None else md(its_error)

# %%
if its_fit is not None:
    row, slope = its_fit.summary().loc["level_change"], its_fit.summary().loc["slope_change"]
    cf = its_fit.counterfactual()
    above = cf.loc[cf["post"], "counterfactual"].max()
    p_range = lags.groupby("term")["p_value"].agg(["min", "max"])
md(its_error) if its_fit is None else md(
    f"Level change at {r13}: {row['estimate']:+.2f} tier points (95% CI "
    f"{row['ci_low']:+.2f} to {row['ci_high']:+.2f}); slope change {slope['estimate']:+.3f} "
    f"per report. Across 0–3 Newey–West lags the p-value of the level change ranges "
    f"{p_range.loc['level_change', 'min']:.3f}–{p_range.loc['level_change', 'max']:.3f}, of "
    f"the slope change {p_range.loc['slope_change', 'min']:.3f}–"
    f"{p_range.loc['slope_change', 'max']:.3f}; with {int(row['n'])} points Newey–West is "
    "unreliable, and a wild bootstrap (restricted, Webb weights) gives p = "
    f"{wild['level_change']:.3f} for the level and {wild['slope_change']:.3f} for the slope "
    "change."
)

# %%
md(its_error) if its_fit is None else md(
    f"**Limits**: {int(row['n_pre'])} pre and only {int(row['n_post'])} post periods; the "
    "ordinal tier is treated as a number (Watch List = 2.5); "
    + (f"the counterfactual extends the pre-trend to {above:.2f}, beyond Tier 3 (3.0), the "
       "ceiling of the scale, so part of the 'change' is the ceiling, not the reform; "
       if above > 3 else "")
    + ("other measures fall in the same window (the government shelter from December "
       "2014); " if country == "KWT" else f"these are Kuwait's dates, not {name}'s reforms; ")
    + "tiers measure government effort as judged by the State Department."
)

# %% [markdown]
# The same model for each reform and two windows: *between reforms* (pre-period from the
# previous reform's first report, post-period up to the report before the next) and the whole
# series (longer, but every later reform is in the post-period). Rows that cannot be estimated
# say why.

# %%
specs = [("2013 law", r13, r13, first, r15 - 1), ("2013 law, first full period", r13, r13 + 1,
          first, r15 - 1), ("2013 law", r13, r13, first, last),
         ("2015 law", r15, r15, r13, r18 - 1), ("2018 strategy", r18, r18, r15, last),
         ("2018 strategy", r18, r18, first, last)]
# Exact fits are flagged in the table ("problem"), not raised.
its_table = impact.its_windows(own, "report_year", "score", specs, (r13, r15, r18), maxlags=1)
its_table.drop(columns="level", errors="ignore")

# %%
ok = its_table[its_table["problem"].isna()] if "problem" in its_table else its_table
md(
    f"{len(ok)} of {len(its_table)} specifications give an interval. "
    + (f"Level changes range {ok['level'].min():+.2f} to {ok['level'].max():+.2f} tier points "
       f"with {int(ok['n_post'].min())}–{int(ok['n_post'].max())} post periods. "
       if len(ok) else "")
    + "The short windows have too few post periods to separate a reform from noise in a "
    "four-valued score, and the long ones put several reforms in one post-period. None of "
    "these is the effect of a single reform."
)

# %% [markdown]
# ## 4. Peers: the GCC and a synthetic comparison
#
# ### Difference-in-differences and event study against the other GCC states
# With one treated country, standard errors are not valid; inference re-assigns the reform to
# each GCC state in turn (placebo in space). Only years in which all six states are ranked enter.

# %%
gcc = countries.members("GCC")
group = [country, *[c for c in gcc if c != country]]
# Years in which every state of the group is ranked.
gcc_panel = impact.balanced_panel(scores, "iso3", "report_year", "score", units=group,
                                  keep="times")
gcc_years = sorted(gcc_panel["report_year"].unique())
rows = []
for label, t0, start, end in [("2013 law", r13, gcc_years[0], r15 - 1),
                              ("2018 strategy", r18, r15, last)]:
    res, err = impact.attempt(impact.did_placebo, gcc_panel[gcc_panel["report_year"].between(
        start, end)], "iso3", "report_year", "score", country, t0)
    found = {"note": err} if res is None else res.iloc[0].drop("note").to_dict()
    rows.append({"reform": label, "window": f"{start}–{end}", **found})
did = pd.DataFrame(rows)
did.round(3)

# %%
# GCC placements of these years that are inferred rather than stated by a source (issue 13).
gcc_basis = panel[panel["iso3"].isin(group) & panel["report_year"].isin(gcc_years)]
gcc_inferred = gcc_basis[gcc_basis["basis"] == "inferred"].sort_values(["report_year", "iso3"])
md(
    f"The GCC panel holds {len(gcc_basis)} placements ({len(group)} states, "
    f"{gcc_years[0]}–{gcc_years[-1]}); "
    + (f"{len(gcc_inferred)} of them are inferred (by elimination or from another year's "
       "report) rather than stated by a source: "
       + ", ".join(f"{r.iso3} {r.report_year}" for r in gcc_inferred.itertuples())
       + ". They enter the estimates like the others; the GCC heatmap of notebook 02 "
       "hatches them." if len(gcc_inferred) else "every one is stated by a source.")
)

# %%
fmt = "; ".join(
    f"{r['reform']} ({r['window']}): {r['estimate']:+.2f} tier points relative to the peer "
    f"mean ({'worse' if r['estimate'] > 0 else 'better' if r['estimate'] < 0 else 'no change'}), "
    f"placebo p = {r['p_value']:.2f} (rank {int(r['rank'])} of {int(r['n_units'])}; "
    f"n_pre {int(r['n_pre'])}, n_post {int(r['n_post'])}, n_donors {int(r['n_donors'])})"
    for _, r in did.iterrows() if pd.notna(r.get("estimate")))
n_donors = len(group) - 1
md(
    f"Change in {name}'s gap to the GCC mean — {fmt or 'not estimable'}. With {n_donors} "
    f"donors the smallest attainable p-value is 1/{n_donors + 1} = {1 / (n_donors + 1):.2f}: "
    "this design can never show a conventionally significant difference, whatever happens. "
    "The GCC states reformed too (they are not untreated controls), and the 2018 window "
    "contains every later reform."
)

# %%
es, es_error = impact.attempt(impact.event_study, gcc_panel, "iso3", "report_year", "score",
                              country, r13)
if es is None:
    es_out = md(f"Event study not estimable: {es_error}")
else:
    ax = viz.plot_event_study(es, lang=lang, title=t("impact.title.es_country", lang,
                                                      country=chart_name, year=r13 - 1))
    ax.figure.set_size_inches(7, 3.6)
    es_out = ax.figure
es_out

# %%
if es is not None:
    post = es[es["post"]]
    big = post.loc[post["estimate"].abs().idxmax()]
    text = (
        f"{len(es)} reports ({int(es['n_pre'].iloc[0])} before and {int(es['n_post'].iloc[0])} "
        f"from {r13}), {int(es['n_donors'].iloc[0])} donors, reference {r13 - 1}. The largest "
        f"post-period coefficient is {big['estimate']:+.2f} in {int(big['report_year'])} "
        f"(placebo p = {big['p_value']:.2f}); for the post-period coefficients, "
        f"{impact.count_below(post['p_value'], int(es['n_donors'].iloc[0]) + 1)}. "
        f"Later reforms ({r15}, {r18}) sit inside this post-period, so the path is descriptive."
    )
    display_text = md(text)
else:
    display_text = es_out
display_text

# %% [markdown]
# ### Synthetic control on the Cho 3P policy index (2013 law)
# The Cho, Dreher & Neumayer 3P index (prosecution + protection + prevention, 3–15) is shipped
# for 2000–2013 only. Pre-specified rule of this notebook: a placebo p-value is reported only
# with **at least three post periods**.

# %%
MIN_POST_SYNTH = 3
cho = data.load_cho_3p().dropna(subset=["p_total"])
cho = cho.assign(p_total=cho["p_total"].astype(float), year=cho["year"].astype(int))
own_years = cho.loc[cho["iso3"] == country, "year"]
span = range(int(own_years.min()), 2014) if len(own_years) else range(0)
# Donors: every country with an index value in each year of the span.
cho_panel = impact.balanced_panel(cho, "iso3", "year", "p_total", times=span, keep="units")
cho_fit, cho_error = impact.attempt(impact.synth, cho_panel, "iso3", "year", "p_total",
                                    country, 2013)
cho_error = cho_error and f"Not estimable for {name}: {cho_error}"
md(cho_error) if cho_fit is None else cho_fit.weights.head(5).round(3)

# %%
if cho_fit is not None:
    ax = cho_fit.plot(lang=lang, title=t("impact.title.cho_country", lang, country=chart_name))
    ax.figure.set_size_inches(7, 3.4)
    cho_out = ax.figure
else:
    cho_out = md(cho_error)
cho_out

# %%
post_gap = cho_fit.gaps.query("period == 'post'")["gap"] if cho_fit is not None else None
md(cho_error) if cho_fit is None else md(
    f"Pre-period {span.start}–2012 ({cho_fit.n_pre} years, {cho_fit.n_donors} "
    f"donors with every year): RMSPE {cho_fit.pre_rmspe:.2f} points. "
    f"The index ends in 2013, so there is **{cho_fit.n_post} post period**: the 2013 gap of "
    f"{post_gap.iloc[0]:+.2f} is one year's deviation, in the year the law took effect "
    f"({reforms.loc['KWT-0009', 'date']}), on a "
    "score that moves by whole points. One year cannot separate the law from noise, and a "
    "post/pre RMSPE ratio over a single year would only rank that deviation. **Not "
    f"estimable under the rule (≥ {MIN_POST_SYNTH} post periods): no p-value is reported.**"
)

# %% [markdown]
# ### Where a synthetic control is estimable: the tier score against all countries
# Same reform and window as the ITS (reports up to the one before the 2015 law), donors = every
# country ranked in each of those reports. Placebos: each donor in turn gets its own synthetic
# control; the p-value is the treated unit's rank of the post/pre RMSPE ratio.

# %%
tier_span = range(first, r15)
# Donors: every country ranked in each of those reports.
world = impact.balanced_panel(scores, "iso3", "report_year", "score", times=tier_span)
synth_fit, synth_error = impact.attempt(impact.synth, world, "iso3", "report_year", "score",
                                        country, r13)
# The placebo loop runs once here; the figure and the text below reuse it.
summary = impact.attempt(synth_fit.summary)[0] if synth_fit is not None else None
if summary is not None and int(summary["n_post"].iloc[0]) < MIN_POST_SYNTH:
    synth_error = f"only {int(summary['n_post'].iloc[0])} post period(s)"
(md(f"Not estimable for {name}: {synth_error}") if synth_error
 else summary.drop(columns="note").round(3))

# %%
if synth_error is None:
    fig, (ax1, ax2) = viz.new_figure((11, 3.6), ncols=2)
    synth_fit.plot(ax=ax1, lang=lang,
                   title=t("impact.title.synth_country", lang, country=chart_name))
    synth_fit.plot_placebos(ax=ax2, max_pre_rmspe_ratio=5, lang=lang,
                            title=t("impact.title.placebo_shown", lang, ratio=5))
    synth_out = fig
else:
    synth_out = md(f"Not estimable for {name}: {synth_error}")
synth_out

# %%
s = summary.iloc[0] if synth_error is None else None
md(f"Not estimable for {name}: {synth_error}") if synth_error else md(
    f"Average post-period gap {s['estimate']:+.2f} tier points (pre-period RMSPE "
    f"{s['pre_rmspe']:.2f}, post {s['post_rmspe']:.2f}); RMSPE ratio {s['ratio']:.2f}, rank "
    f"{int(s['rank'])} of {int(s['n_donors']) + 1}: **p = {s['p_value']:.2f}** "
    f"(n_pre {int(s['n_pre'])}, n_post {int(s['n_post'])}, n_donors {int(s['n_donors'])}). "
    f"{int(s['n_exact_pre'])} of {int(s['n_donors']) + 1} units fit their pre-period "
    f"exactly, so their ratio is undefined: {int(s['n_ratio_zero'])} (no post gap either, "
    f"0/0) are set to 0 and {int(s['n_ratio_inf'])} get an infinite ratio; leaving every "
    f"exact fit out, p = {s['p_value_defined_only']:.2f}. Ties count against {name} "
    f"({int(s['n_ties'])} tie(s); mid-rank p = {s['p_value_midrank']:.2f}). The smallest "
    f"attainable p-value is 1/{int(s['n_donors']) + 1} = {s['min_p']:.3f}. Limits: three "
    "post periods, a four-valued ordinal outcome treated as a number (many exact ties), "
    "and donors that reformed too."
)

# %% [markdown]
# ## 5. The 2025–2028 strategy as a pre-specified design
#
# Written down before any post-strategy report exists:
#
# - **intervention**: the strategy launch (20 April 2025), first assessed in the 2026 report;
#   its last months (April–December 2028) fall in the 2029 report, so the table runs to 2029;
# - **primary outcome**: the tier score; ITS with level and slope change, Newey–West 1 lag,
#   lags 0–3 shown; the 2025 and earlier reports are the pre-period;
# - **peers**: DiD and event study against the other GCC states, placebo-in-space p-values;
#   synthetic control on the tier score only with ≥ 3 post periods;
# - **secondary outcomes**: TIP-reported prosecutions, convictions, investigations and victims
#   identified (Poisson ITS), once the years before the strategy are filled;
# - thresholds below are the minimum for each method to run, not for a precise estimate.
#
# No indicators, targets or budget of the 2025–2028 strategy have been published.

# %%
tip = data.load_enforcement(reported_by="tip_report")
tip = tip[tip["iso3"] == country]
filled = tip.groupby("measure").agg(cells=("value", "size"), filled=("value", "count"))
filled["years filled"] = tip.dropna(subset=["value"]).groupby("measure")["report_year"].agg(
    lambda y: ", ".join(map(str, y)))
filled.fillna({"years filled": ""})

# %%
md(
    (f"TIP-reported enforcement figures for {name}: {int(filled['filled'].sum())} of "
     f"{int(filled['cells'].sum())} cells filled ({tip['report_year'].min()}–"
     f"{tip['report_year'].max()} reports, {filled.index.size} measures); none for "
     f"{', '.join(filled.index[filled['filled'] == 0])} in any year." if len(tip) else
     f"No TIP-reported enforcement series is shipped for {name} (the file covers Kuwait only).")
    + " Government-reported figures (Kuwait, April–December 2023) are not comparable with the "
    "TIP's and are not used."
)

# %%
MEASURES = ["prosecutions", "convictions", "investigations", "victims_identified"]
observed = {"ITS: tier score": own["report_year"],
            "DiD / event study vs GCC: tier score": gcc_years,
            "synthetic control vs world: tier score": own["report_year"],
            **{f"ITS: TIP {m}": tip.loc[(tip["measure"] == m) & tip["value"].notna(),
                                        "report_year"] for m in MEASURES}}
min_pre = {d: 2 if d.startswith("DiD") else 3 for d in observed}
min_post = {d: 1 if d.startswith("DiD") else MIN_POST_SYNTH if d.startswith("synth") else 2
            for d in observed}
horizon = range(r25, r25 + 4)
schedule = impact.design_schedule(r25, last, horizon, observed_years=observed,
                                  min_pre=min_pre, min_post=min_post)

# %%
cells = schedule.assign(cell=np.where(schedule["estimable"], "yes", "no")
                        + " (" + schedule["n_post"].astype(str) + " post)")
plan = cells.pivot(index="design", columns="report_year", values="cell").loc[list(observed)]
plan.insert(0, "n_pre", cells.groupby("design")["n_pre"].first())
plan[f"needs by {horizon[-1]}"] = cells[cells["report_year"] == horizon[-1]].set_index(
    "design")["needs"]
plan

# %%
first_ok = schedule[schedule["estimable"]].groupby("design")["report_year"].min()
never = [d for d in observed if d not in first_ok.index]
md(
    "First report after which each design can be estimated: "
    + "; ".join(f"{d}: {y}" for d, y in first_ok.items())
    + (f". Not estimable by {horizon[-1]}: {', '.join(never)} — the years just before the "
       "strategy must be found first (see *needs*)." if never else ".")
    + f" Even in {horizon[-1]} the ITS has at most {int(schedule['n_post'].max())} post "
    f"periods against {int(schedule['n_pre'].max())} pre periods, and the GCC comparison "
    f"cannot reach p < {1 / (n_donors + 1):.2f}."
)

# %% [markdown]
# ## 6. Limits

# %%
coverage = data.load_coverage()
levels = coverage["completeness"].value_counts()
md(
    f"- **Effort, not prevalence.** {t('caveat.effort', 'en')} A better tier after a reform "
    "means the State Department judged the government's efforts better, not that trafficking "
    "fell.\n"
    f"- **Reporting periods.** {t('caveat.period', 'en')} Reforms are placed in the first "
    "period that holds them; a report's narrative may still lag the reform.\n"
    f"- **Partial coverage.** Of {len(coverage)} report years, {levels.get('complete', 0)} are "
    f"complete with every placement sourced, {levels.get('inferred', 0)} count every country "
    f"with inferred ones ({coverage['n_inferred'].sum()} rows), {levels.get('near-complete', 0)} "
    f"near-complete and {levels.get('unverified', 0) + levels.get('partial', 0)} unverified "
    "or partial; the world "
    "transition matrix and the world donor pool use whatever rows exist in those years."
)

# %%
values = tip["value"].dropna()
md(
    f"- **One treated unit.** Placebo-in-space inference is the honest option, and with "
    f"{n_donors} GCC donors its p-value cannot fall below 1/{n_donors + 1}.\n"
    "- **Few post periods, overlapping reforms.** Between 2013 and 2018 Kuwait changed laws "
    "and institutions almost every year, so no window isolates one reform.\n"
    "- **Ordinal outcome.** The tier score is a convention (Watch List = 2.5) with a floor and "
    "a ceiling; linear models extrapolate past them.\n"
    + (f"- **Sparse enforcement data.** {len(values)} of {len(tip)} TIP enforcement cells for "
       f"{name} are filled ({int((values == 0).sum())} of them zero), from narratives only "
       "partly read; no count series is usable until the missing years are filled."
       if len(tip) else
       f"- **No enforcement data.** No TIP enforcement series is shipped for {name}.")
)
