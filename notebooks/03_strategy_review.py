# %% [markdown]
# # Kuwait's National Strategy 2025–2028: progress review
#
# Kuwait launched its National Strategy to Combat Trafficking in Persons and Smuggling of
# Migrants 2025–2028 on 20 April 2025. The National Committee said it would follow it "by
# conducting periodic reviews and measuring the progress achieved", but **no indicators,
# baselines or targets have been published**. This review uses the framework in
# `data/strategy/framework.json`: the strands and nine aims as published, and an indicator
# catalogue *proposed by this workspace*. Figures reported by ministries enter through
# `tipanalysis strategy template` / `tipanalysis strategy import`; until they do, most rows
# honestly read "no data yet".

# %% tags=["parameters"]
as_of = "2025-12-31"
lang = "en"

# %%
# %matplotlib inline
# Figures lay themselves out (constrained layout): no second, cropping draw per figure.
# %config InlineBackend.print_figure_kwargs = {"bbox_inches": None}
import pandas as pd

# Charts come from tipanalysis.plots, which applies its deterministic settings (plots.RC).
from tipanalysis import data, plots, strategy, tiers
from tipanalysis.viz.text import md

# %% [markdown]
# ## The framework: nine aims as published, mapped to four strands

# %%
fw = strategy.load_framework()
aims = fw.aims.set_index("id")[["name_ar", "name_en", "strand", "status", "strand_status"]]
aims

# %%
n_ind = fw.indicators.groupby("aim").size()
md(
    f"The strategy runs {fw.strategy['start_year']}–{fw.strategy['end_year']} under the title "
    f"\"{fw.strategy['title_en']}\". All {len(aims)} aims are worded as published (Arabic); "
    f"their assignment to strands is the workspace's proposal. The catalogue proposes "
    f"{len(fw.indicators)} indicators ({n_ind.min()}–{n_ind.max()} per aim), "
    f"{int(fw.indicators['baseline_value'].notna().sum())} with a cited baseline and "
    f"{int(fw.indicators['target_value'].notna().sum())} with an official target."
)

# %% [markdown]
# ## The ranking aim: chance of staying at Tier 2 or better through 2028
#
# Kuwait was placed on Tier 2 in the 2025 TIP Report (the cited baseline of indicator A9.1).
# The forecast comes from `tipanalysis.tiers.forecast_summary` (a Markov chain over all
# countries' tier moves with the Watch List rule); it is a model estimate, not an observation.

# %%
if hasattr(tiers, "forecast_summary"):
    panel = data.load_tiers()
    history = panel[panel["iso3"] == "KWT"]
    summaries = pd.concat([tiers.forecast_summary(history, panel, horizon=h) for h in (1, 2, 3)])
    outlook = strategy.ranking_outlook(strategy.outlook_from_forecast_summary(summaries))
else:
    outlook = None
outlook

# %%
if outlook is None or outlook.empty:
    text = "Forecast not available yet: the ranking aim is shown without it."
else:
    last = outlook.iloc[-1]
    text = (f"Probability that Kuwait stays at Tier 2 or better in every report through "
            f"{int(last['report_year'])}: {last['p_tier2_or_better']:.0%} "
            f"(95% interval {last['ci_low']:.0%}–{last['ci_high']:.0%}); for the next report "
            f"alone: {outlook.iloc[0]['p_tier2_or_better']:.0%}.")
md(text)

# %% [markdown]
# ## Review table at `as_of`
#
# Status rules: with a target, the share of the straight-line path from baseline to target
# achieved at the observed period — ≥ 90% on track, 60–90% at risk, < 60% off track. Without
# an official target (none is published) the status is "no target set"; without a value,
# "no data yet".

# %%
obs = strategy.load_observations()
reviewed = strategy.review(fw.indicators, obs, as_of=as_of, forecast=outlook)
strategy.review_table(reviewed, fw.strands, lang)

# %%
counts = reviewed["status"].value_counts()
md(
    f"At {as_of}, {len(reviewed) - counts.get('no-data', 0)} of {len(reviewed)} indicators "
    f"have a value ({len(obs)} observation(s) reported by ministries; the others are computed "
    f"by the workspace); {counts.get('no-data', 0)} have no data yet. "
    + ("No indicator can be judged on or off track, because no target has been set officially."
       if fw.indicators["target_value"].isna().all() else
       f"{int(reviewed['score'].notna().sum())} can be judged against a straight path to an "
       "official target.")
)

# %% [markdown]
# ## Status by strand

# %%
by_strand = strategy.strand_status_counts(reviewed, fw.strands, lang)
plots.plot_strand_status(by_strand, lang).figure

# %%
rolled = strategy.rollup(reviewed)
rolled[["strand", "n_indicators", "n_with_data", "n_scored", "n_no_data", "n_no_target",
        "score", "status"]]

# %%
overall = rolled.set_index("strand").loc["overall"]
md(
    f"Overall, {overall['n_scored']} of {overall['n_indicators']} indicators can be scored "
    f"against a path; the roll-up status is \"{strategy.status_label(overall['status'], 'en')}\". "
    "Scores average each strand's indicators (equal weights) and then the strands; indicators "
    "without data or without a target are excluded from the average and counted above."
)

# %% [markdown]
# ## Unified statistics and transparency: data completeness
#
# Per year, the share of the catalogue's reportable indicators with a reported value, with a
# value and a named source, and with a value and a public link. These are the measures of
# aims A6 (unify statistics) and A5 (transparency).

# %%
comp = strategy.completeness(fw.indicators, obs, as_of=as_of)
shares = strategy.completeness_shares(comp, lang)
plots.plot_completeness(shares, lang).figure

# %%
if comp.empty:
    text = f"The strategy period had not started by {as_of}: nothing to measure yet."
else:
    row = comp.iloc[-1]
    text = (f"In {row['year']}{'' if row['complete_year'] else ' (so far)'}, "
            f"{row['n_reported']} of {row['n_indicators']} reportable indicators have a "
            f"reported value ({row['share_reported']:.0f}%), {row['n_sourced']} with a named "
            f"source and {row['n_public']} with a public link.")
md(text)

# %% [markdown]
# ## Activities log from the timeline
#
# Events in `data/kuwait/timeline.csv` since 1 January 2025, classified by transparent keyword
# rules (`strategy.ACTIVITY_RULES`, `strategy.STRAND_RULES`); events that match no strand rule
# stay visible as "unassigned". Quarters marked `Q?` have only a year as published.

# %%
log = strategy.activities_log(data.load_timeline(), end=as_of)
strategy.activity_counts(log)

# %%
log[["date", "activity_type", "strand", "rule", "event"]]

# %%
acts = log[log["is_activity"]]
md(
    f"The timeline records {len(acts)} activities between 1 January 2025 and {as_of} "
    f"(of {len(log)} events); {int((acts['strand'] == 'unassigned').sum())} could not be "
    f"assigned to a strand. The timeline lists what public sources reported, so these counts "
    "are a lower bound, not a complete record of activities."
)

# %% [markdown]
# ## How a status is computed — ILLUSTRATIVE example
#
# The numbers in this section are **illustrative**, made up to show the rule; they are not
# data and are not stored in `data/`. An indicator with baseline 100 (2024) and target 200
# (2028), observed at 140 in 2026: half the time has passed, so 150 is expected; 40 of the
# expected 50 is 80% of the path, hence "at risk".

# %%
illustrative = pd.DataFrame({
    "id": ["X.1"], "aim": ["-"], "strand": ["prevention"],
    "name_en": ["Illustrative indicator"], "name_ar": ["مؤشر توضيحي"], "unit": ["persons"],
    "direction": ["higher"], "computed": [None], "baseline_period": ["2024"],
    "baseline_value": [100.0], "baseline_status": ["illustrative"], "target_period": ["2028"],
    "target_value": [200.0],
})
illustrative_obs = pd.DataFrame({
    "indicator_id": ["X.1"], "period": ["2026"], "value": [140.0], "unit": ["persons"],
    "source": ["illustrative"], "source_url": [None], "reported_by": [None], "note": [None],
})
strategy.review(illustrative, illustrative_obs, as_of="2026-12-31")[
    ["indicator_id", "value", "expected", "progress", "path_ratio", "status"]]
