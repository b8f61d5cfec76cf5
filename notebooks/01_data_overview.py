# %% [markdown]
# # What is in the workspace: data, coverage and sources
#
# Every table below is loaded through `tipanalysis.data`, validated against
# `data/datapackage.json` on the way in. Each number traces to a public source; unknown values
# stay empty. Tiers rate a government's *efforts* against the TVPA minimum standards, not the
# size of the problem, and a report year covers April of the previous year to March.

# %% tags=["parameters"]
lang = "en"
country = "KWT"

# %%
# %matplotlib inline
# Figures lay themselves out (constrained layout): no second, cropping draw per figure.
# %config InlineBackend.print_figure_kwargs = {"bbox_inches": None}

from tipanalysis import countries, data, plots
from tipanalysis.viz.text import md

country = countries.to_iso3(country)  # any name or code ("Qatar", "QA"), as the runner does

# %% [markdown]
# ## The datasets

# %%
registry = data.datasets()
registry[["name", "title", "rows", "licence"]]

# %%
md(f"The workspace ships **{len(registry)} datasets**; each names its sources and "
         "licence in `data/datapackage.json` and is described field by field in `data/README.md`.")

# %% [markdown]
# ## Tier placements: how complete is each report year?

# %%
coverage = data.load_coverage()
plots.plot_coverage(coverage, lang).figure

# %%
coverage[["report_year", "n_total", "official_total", "completeness", "known_missing"]]

# %%
by_status = coverage["completeness"].value_counts()
partial_years = coverage.loc[coverage["completeness"] == "partial", "report_year"].tolist()
md(
    f"Of {len(coverage)} report years, {by_status.get('complete', 0)} are complete against an "
    f"official total, {by_status.get('near-complete', 0)} are within two countries of it, "
    f"and {by_status.get('unverified', 0)} have no sourced official total to check against. "
    + (f"Partial years ({', '.join(map(str, partial_years))}) are hatched in every chart."
       if partial_years else "No report year is partial.")
)

# %% [markdown]
# ## One country's placements, with their sources

# %%
tiers = data.load_tiers()
history = tiers[tiers["iso3"] == country][["report_year", "tier", "status", "waiver",
                                            "source_url"]]
history

# %%
first, last = history["report_year"].min(), history["report_year"].max()
missing = sorted(set(range(first, last + 1)) - set(history["report_year"]))
md(
    f"{countries.name(country, 'en')} has a placement for {len(history)} report years "
    f"({first}–{last}); years without one: {', '.join(map(str, missing)) or 'none'}. "
    f"Waivers from the automatic downgrade stated by a source: "
    f"{', '.join(map(str, history.loc[history['waiver'], 'report_year'])) or 'none'}."
)

# %% [markdown]
# ## Where the placements come from

# %%
sources = (tiers.assign(source=tiers["source_url"].str.extract(r"https?://([^/]+)")[0])
           .groupby("source", as_index=False).size().sort_values("size", ascending=False))
sources.head(12)

# %% [markdown]
# ## Kuwait: policy timeline and enforcement figures

# %%
timeline = data.load_timeline()
timeline.groupby("category", as_index=False).size()

# %%
enforcement = data.load_enforcement()
filled = enforcement.groupby("reported_by")["value"].agg(["size", "count"])
filled

# %%
md(
    f"The timeline holds {len(timeline)} dated events. Of {int(filled['size'].sum())} "
    f"enforcement cells, {int(filled['count'].sum())} carry a number; the rest stay empty "
    "because no readable source gave one (the quoted wording is kept beside each value)."
)

# %% [markdown]
# ## Boundaries for maps

# %%
boundaries = data.load_boundaries()
gulf = boundaries[boundaries["iso3"].isin(["BHR", "QAT", "KWT", "SGP"])][["iso3", "name"]]
gulf

# %%
md(f"Natural Earth 1:50m boundaries: {len(boundaries)} features; Bahrain, Qatar, Kuwait "
         "and Singapore are polygons at this scale.")
