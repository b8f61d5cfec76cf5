# %% [markdown]
# # Ranking: where a country stands in the TIP Report, how it got there, what may come next
#
# Tiers rate a government's *efforts* against the TVPA minimum standards, not the size of the
# trafficking problem. A report year covers April of the previous year to March of the report
# year. Years whose coverage in the shipped data is not complete are flagged in every table and
# hatched in every chart.

# %% tags=["parameters"]
country = "KWT"
lang = "en"

# %%
# %matplotlib inline
# Figures lay themselves out (constrained layout): no second, cropping draw per figure.
# %config InlineBackend.print_figure_kwargs = {"bbox_inches": None}
import pandas as pd
from IPython.display import display

from tipanalysis import countries, data, impact, maps, plots, tiers
from tipanalysis.i18n import t, tier_label
from tipanalysis.viz.text import md

country = countries.to_iso3(country)  # any name or code ("Qatar", "QA"), as the runner does

panel = data.load_tiers()
coverage = data.load_coverage()
name = countries.name(country, lang)
indicators = tiers.indicators(panel)
history = indicators[indicators["iso3"] == country]

# %% [markdown]
# ## Headline

# %%
latest = history.iloc[-1]
label = tier_label("special" if latest["status"] == "special" else latest["tier"], "en")
md(
    f"**{countries.name(country, 'en')}** is on **{label}** in the "
    f"{latest['report_year']} TIP Report ({latest['change']} from the previous report; "
    f"{latest['years_on_tier']} consecutive report year(s) on this tier)."
)

# %% [markdown]
# ## Tier timeline with policy events
# Events are placed inside the reporting period they fall in (a report year R covers April R-1
# to March R), so each sits just before the first placement it could influence. Numbers on the
# chart refer to the table below it. Circles mark years with a sourced waiver from the
# automatic downgrade.

# %%
events = impact.policy_events(data.load_timeline())  # laws, institutions, strategies; numbered
plots.plot_tier_timeline(history, events if country == "KWT" else None, country=country,
                         lang=lang).figure

# %%
events[["label", "date", "category", "event"]] if country == "KWT" else md(
    "The policy timeline shipped with the workspace covers Kuwait only.")

# %% [markdown]
# ## The Watch List rule, year by year
# From the 2009 report, two consecutive years on the Watch List send a country to Tier 3 in the
# next report unless the downgrade is waived (`docs/watchlist_rule.md` quotes the statute).
# `waiver_used` comes from a source; `waiver_inferred` is a waiver the rule makes certain.

# %%
rules = tiers.watchlist_status(panel, country)
rules[["report_year", "tier", "wl_consecutive", "auto_downgrade_next", "waiver_used",
       "waiver_inferred", "waivers_remaining", "rule"]].tail(12)

# %% [markdown]
# ## Against the GCC, the region and the world

# %%
gcc = countries.members("GCC")
order = [country, *[c for c in gcc if c != country]]
names = {iso: countries.name(iso, lang) for iso in order}  # only these are labelled
plots.plot_heatmap(panel[panel["report_year"] >= 2003], countries=order, names=names,
                   title=t("title.heatmap", lang, group=t("group.GCC", lang)), lang=lang).figure

# %%
versus_gcc = tiers.peer_comparison(panel, country, gcc, coverage=coverage)
versus_gcc[["report_year", "n", "tier", "rank_in_group", "percentile", "peer_mean_score",
            "completeness", "partial"]].tail(10)

# %%
region = countries.region_of(country)
groups = {"world": panel["iso3"].unique().tolist()}
if region:
    groups = {region: countries.members(region), **groups}
comparisons = {g: tiers.peer_comparison(panel, country, members, coverage=coverage)
               for g, members in groups.items()}
for g, comparison in comparisons.items():
    display(plots.plot_tier_shares(comparison, lang=lang,
                                   title=t("title.shares", lang, group=t(f"group.{g}", lang))
                                   ).figure)

# %%
last = pd.DataFrame({g: c.iloc[-1] for g, c in comparisons.items()}).T
last[["report_year", "n", "tier", "rank_in_group", "percentile", "peer_mean_score", "partial"]]

# %%
world = last.loc["world"]
same_tier = int((panel[panel["report_year"] == world["report_year"]]["tier"]
                 == world["tier"]).sum())
md(
    f"In {world['report_year']}, {countries.name(country, 'en')} ranked "
    f"{world['rank_in_group']:.0f} of {world['n']} countries in the world; {same_tier} "
    f"countries share its tier ({tier_label(world['tier'], 'en')}), and ties share the best "
    f"rank (lower scores are better). Peers' mean score: {world['peer_mean_score']:.2f} (an "
    "ordinal scale treated as interval)."
)

# %% [markdown]
# ## Maps

# %%
boundaries = data.load_boundaries()
complete = coverage.loc[coverage["completeness"].isin(["complete", "near-complete"]), "report_year"]
map_year = int(complete.max())
frame = maps.tier_map_frame(boundaries, panel[panel["report_year"] == map_year])
maps.plot_tier_map(frame, year=map_year, lang=lang).figure

# %%
maps.plot_tier_map(frame, year=map_year, lang=lang, extent=maps.GULF_EXTENT,
                   labels={iso: names[iso] for iso in gcc}).figure

# %% [markdown]
# ## How countries move between tiers
# Counts and probabilities over consecutive report years in which a country is ranked in both;
# Special Cases and absences break a run. Intervals: 2,000 bootstrap replicates over countries.

# %%
transitions = tiers.bootstrap_transition_matrix(panel, n_boot=2000, seed=0)
transitions.pivot(index="from_tier", columns="to_tier", values="estimate").round(3)

# %%
from_wl = transitions[transitions["from_tier"] == "2WL"].set_index("to_tier")
md(
    f"From the Watch List, {from_wl.loc['2', 'estimate']:.0%} of moves were up to Tier 2 "
    f"(95% interval {from_wl.loc['2', 'ci_low']:.0%}–{from_wl.loc['2', 'ci_high']:.0%}) and "
    f"{from_wl.loc['3', 'estimate']:.0%} down to Tier 3, over "
    f"{int(from_wl['count'].sum())} observed transitions."
)

# %% [markdown]
# ## Outlook to 2028

# %%
country_history = panel[panel["iso3"] == country]
path = tiers.forecast_duration_chain(country_history, panel, years=tiers.default_years(panel))
path.pivot(index="report_year", columns="tier", values="prob").round(3)

# %%
summary = tiers.forecast_summary(country_history, panel, n_boot=2000, seed=0)
summary[["measure", "first_year", "last_year", "estimate", "ci_low", "ci_high"]].round(3)

# %%
headline = summary.set_index("measure")
md(
    f"If countries keep moving between tiers as they have since "
    f"{summary.attrs['window'][0]} (the estimation window chosen by the backtest), the chance "
    "that "
    f"{countries.name(country, 'en')} stays at Tier 2 or better in every report through "
    f"{int(headline.loc['p_tier2_or_better_every_report', 'last_year'])} is "
    f"{headline.loc['p_tier2_or_better_every_report', 'estimate']:.0%} (95% interval "
    f"{headline.loc['p_tier2_or_better_every_report', 'ci_low']:.0%}–"
    f"{headline.loc['p_tier2_or_better_every_report', 'ci_high']:.0%}); the chance of reaching "
    f"Tier 1 by then is {headline.loc['p_reach_tier1', 'estimate']:.0%}.\n\n"
    f"**What the model assumes.** {summary.attrs['assumptions']}"
)

# %% [markdown]
# ### Estimation window and backtest
# The same headline probabilities estimated from three windows, and the rolling-origin backtest
# (fit on reports up to Y, forecast Y+1 to Y+3, Y = 2012–2024) against persistence and the plain
# first-order chain (`make backtest`).

# %%
sensitivity = tiers.window_sensitivity(country_history, panel, n_boot=500)
sensitivity.pivot(index="measure", columns="window", values="estimate").round(3)

# %%
forecasts = tiers.backtest(panel, methods=("persistence", "first_order", "duration_chain"))
verdicts = tiers.verdict(tiers.scores(forecasts), window="2009-")
md("\n\n".join(verdicts["sentence"]))

# %% [markdown]
# ## Ordered logit: predicting the tier from the previous tier, region and period
# A prediction model, not a model of what determines the tier. Standard errors are clustered
# by country.

# %%
model = tiers.ordered_logit(panel)  # regions: State Department bureaus of the shipped reference
model.coefficients.round(3)

# %%
predicted = tiers.predicted_probabilities(model, panel, country)
predicted.tail(10).round(3)

# %%
accuracy = tiers.accuracy_vs_persistence(model, panel).set_index("method")
beats = accuracy.loc["model", "accuracy"] > accuracy.loc["persistence", "accuracy"]
md(
    f"In sample the model predicts {accuracy.loc['model', 'accuracy']:.1%} of placements "
    f"correctly, against {accuracy.loc['persistence', 'accuracy']:.1%} for \"same tier as last "
    f"year\": it {'beats' if beats else 'does not beat'} persistence. It ignores the Watch List "
    "rule, so it can give probability to a Watch List year the rule makes impossible. "
    f"The model is fitted on {model.n} country-years. Each row above gives "
    f"{countries.name(country, 'en')}'s predicted probabilities for a year, from its previous "
    "tier, region and period, next to the tier it received; large gaps between the two flag "
    "years the model does not explain."
)
