# %% tags=["parameters"]
country = "KWT"
lang = "en"

# %%
# %matplotlib inline
# Figures lay themselves out (constrained layout): no second, cropping draw per figure.
# %config InlineBackend.print_figure_kwargs = {"bbox_inches": None}
# Ranking: where a country stands in the TIP Report, how it got there, what may come next.
# Every heading, sentence and table label is written by the package in the notebook's `lang`
# (tipanalysis.core.i18n; docs/arabic_style.md), so a run with `-p lang ar` reads in Arabic.
import pandas as pd
from IPython.display import display

from tipanalysis import brief, countries, data, impact, maps, plots, tiers
from tipanalysis.core.arabic import count_phrase
from tipanalysis.i18n import format_date, format_number, format_percent, t, tier_label
from tipanalysis.viz.labels import has_inferred, label_table
from tipanalysis.viz.text import md

country = countries.to_iso3(country)  # any name or code ("Qatar", "QA"), as the runner does

panel = data.load_tiers()
coverage = data.load_coverage()
name = countries.name(country, lang)
indicators = tiers.indicators(panel)
history = indicators[indicators["iso3"] == country]
year = int(panel["report_year"].max())

# %%
display(md(f"# {t('nb02.title', lang, country=name)}\n\n"
           f"{t('caveat.effort', lang)} {t('caveat.period', lang)} "
           f"{t('nb02.partial', lang)}"))

# %%
display(md(f"## {t('nb02.h.headline', lang)}"))
# The placement sentence of the policy brief (same sentence model, same data).
context = brief.build_context(country, lang, figures=False)
md(" ".join(context["headline"]))

# %%
display(md(f"## {t('sec.timeline', lang)}\n\n{t('nb02.timeline.read', lang)}"))
events = impact.policy_events(data.load_timeline())  # laws, institutions, strategies; numbered
display(plots.plot_tier_timeline(history, events if country == "KWT" else None,
                                 country=country, lang=lang).figure)
if has_inferred(history):  # placements inferred, not stated by a source: hollow dots
    display(md(t("inferred.note.hollow", lang)))

# %%
if country == "KWT":
    shown = events.assign(
        date=[format_date(d, lang, p) for d, p in zip(events["date"],
                                                            events["date_precision"],
                                                            strict=True)],
        text=events["event_ar" if lang == "ar" else "event_short_en"])
    display(label_table(shown, lang, {"label": "col.number", "date": "col.date",
                                      "category": "col.category", "text": "col.event"},
                        values={"category": "category"}).set_index(t("col.number", lang)))
else:
    display(md(t("timeline.no_events", lang, country=name)))

# %%
display(md(f"## {t('nb02.h.watchlist', lang)}\n\n{t('nb02.watchlist.read', lang)}"))
basis = panel[["iso3", "report_year", "basis"]]  # sourced / inferred, as loaded: marked "*"
rules = tiers.watchlist_status(panel, country).merge(basis, on=["iso3", "report_year"])
display(label_table(rules.tail(12), lang, {
    "report_year": "col.report_year", "tier": "axis.tier", "wl_consecutive": "col.wl_consecutive",
    "auto_downgrade_next": "col.auto_downgrade_next", "waiver_used": "col.waiver_used",
    "waiver_inferred": "col.waiver_inferred", "waivers_remaining": "col.waivers_remaining"},
    tiers=["tier"], flags=["auto_downgrade_next", "waiver_used", "waiver_inferred"],
    basis={"tier": "basis"}).set_index(t("col.report_year", lang)))
if has_inferred(rules.tail(12)):
    display(md(t("inferred.note", lang)))

# %%
display(md(f"## {t('nb02.h.peers', lang)}"))
gcc = countries.members("GCC")
order = [country, *[c for c in gcc if c != country]]
names = {iso: countries.name(iso, lang) for iso in order}  # only these are labelled
gcc_rows = panel[(panel["report_year"] >= 2003) & panel["iso3"].isin(order)]
display(plots.plot_heatmap(gcc_rows, countries=order, names=names,
                           title=t("title.heatmap", lang, group=t("group.GCC", lang)),
                           lang=lang).figure)
if has_inferred(gcc_rows):  # inferred placements are cross-hatched
    display(md(t("inferred.note.hatched", lang)))

# %%
PEER_COLUMNS = {"report_year": "col.report_year", "n": "col.n", "tier": "axis.tier",
                "rank_in_group": "col.rank", "percentile": "col.percentile",
                "peer_mean_score": "col.peer_mean", "n_inferred": "col.n_inferred",
                "completeness": "col.completeness", "partial": "col.partial"}
versus_gcc = tiers.peer_comparison(panel, country, gcc, coverage=coverage)
display(label_table(versus_gcc.tail(10).round(2), lang, PEER_COLUMNS, tiers=["tier"],
                    flags=["partial"], values={"completeness": "coverage"},
                    basis={"tier": "basis"}).set_index(t("col.report_year", lang)))
if has_inferred(versus_gcc.tail(10)):
    display(md(t("inferred.note", lang)))

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
last.index = [t(f"group.{g}", lang) for g in last.index]
display(label_table(last.round(2), lang,
                    {k: v for k, v in PEER_COLUMNS.items() if k != "completeness"},
                    tiers=["tier"], flags=["partial"], basis={"tier": "basis"}))
if has_inferred(last):
    display(md(t("inferred.note", lang)))

# %%
world = comparisons["world"].iloc[-1]
same_tier = int((panel.loc[panel["report_year"] == world["report_year"], "tier"]
                 == world["tier"]).sum())  # countries tied with it
n_world, n_same = (count_phrase(k, "دولة", words=False) if lang == "ar" else f"{k} countries"
                   for k in (int(world["n"]), same_tier))  # Arabic number agreement
md(t("nb02.world", lang, year=int(world["report_year"]), country=name,
     rank=int(world["rank_in_group"]), n_phrase=n_world, same_phrase=n_same,
     tier=tier_label(world["tier"], lang), mean=format_number(world["peer_mean_score"], lang, 2))
   + " " + brief.inferred_count("world", int(world["n"]), world["n_inferred"],
                                int(world["report_year"]), lang, {}))

# %%
display(md(f"## {t('nb02.h.maps', lang)}"))
boundaries = data.load_boundaries()
complete = coverage.loc[coverage["completeness"].isin(["complete", "near-complete"]), "report_year"]
map_year = int(complete.max())
frame = maps.tier_map_frame(boundaries, panel[panel["report_year"] == map_year])
display(maps.plot_tier_map(frame, year=map_year, lang=lang, highlight=country).figure)
if has_inferred(frame):
    display(md(t("inferred.note.hatched", lang)))

# %%
maps.plot_tier_map(frame, year=map_year, lang=lang, extent=maps.GULF_EXTENT,
                   labels={iso: names[iso] for iso in gcc},
                   highlight=country if country in gcc else None).figure

# %%
display(md(f"## {t('nb02.h.transitions', lang)}\n\n{t('nb02.transitions.read', lang)}"))
transitions = tiers.bootstrap_transition_matrix(panel, n_boot=2000, seed=0)
label_table(transitions.pivot(index="from_tier", columns="to_tier", values="estimate").round(3),
            lang, {}, index="tiers")

# %%
from_wl = transitions[transitions["from_tier"] == "2WL"].set_index("to_tier")
md(t("nb02.from_wl", lang, up=format_percent(from_wl.loc["2", "estimate"], lang),
     lo=format_percent(from_wl.loc["2", "ci_low"], lang),
     hi=format_percent(from_wl.loc["2", "ci_high"], lang),
     down=format_percent(from_wl.loc["3", "estimate"], lang),
     n=int(from_wl["count"].sum())))

# %%
display(md(f"## {t('nb02.h.outlook', lang)}"))
country_history = panel[panel["iso3"] == country]
# The Watch List chain with duration and waiver states, on the backtest's window.
path = tiers.forecast_duration_chain(country_history, panel, years=tiers.default_years(panel))
table = path.pivot(index="report_year", columns="tier", values="prob").round(3)
table.index.name = None
label_table(table, lang, {}, index="tiers")

# %%
# The same computation the policy brief reads (same bootstrap, same interval), and the brief's
# own sentences about it.
by_year = brief.outlook_summaries(panel, country, year)
summary = by_year[-1].reset_index()
label_table(summary.round(3), lang, {"measure": "col.measure", "estimate": "col.estimate",
                                     "ci_low": "col.ci_low", "ci_high": "col.ci_high"},
            values={"measure": "measure"}).set_index(t("col.measure", lang))

# %%
outlook = next(s for s in context["sections"] if s["id"] == "outlook")
md("\n\n".join(outlook["sentences"] + outlook["notes"]))

# %%
# Estimation window and backtest: the brief's annex (same computation, same sentences).
annex = context["annex"]
display(md(f"### {annex['title']}"))
if annex.get("table"):
    display(pd.DataFrame(annex["table"]["rows"], columns=annex["table"]["header"]))
md("\n\n".join(annex["sentences"] + annex["notes"]))

# %%
display(md(f"## {t('nb02.h.logit', lang)}"))
model = tiers.ordered_logit(panel)  # regions: State Department bureaus of the shipped reference
label_table(model.coefficients.round(3), lang, {
    "term": "col.term", "kind": "col.kind", "estimate": "col.estimate", "std_err": "col.std_err",
    "ci_low": "col.ci_low", "ci_high": "col.ci_high", "p_value": "col.p_value"},
    terms=["term"], values={"kind": "term.kind"}).set_index(t("col.term", lang))

# %%
predicted = (tiers.predicted_probabilities(model, panel, country).tail(10).round(3)
             .merge(basis[basis["iso3"] == country], on="report_year", how="left"))
display(label_table(predicted, lang, {
    "report_year": "col.report_year", "tier": "axis.tier", "prev_tier": "col.tier_prev",
    **{f"p_{k}": f"col.p_tier.{k}" for k in ("1", "2", "2WL", "3")},
    "predicted": "col.predicted", "p_observed": "col.p_observed"},
    tiers=["tier", "prev_tier", "predicted"], basis={"tier": "basis"}
).set_index(t("col.report_year", lang)))
if has_inferred(predicted):
    display(md(t("inferred.note", lang)))

# %%
accuracy = tiers.accuracy_vs_persistence(model, panel).set_index("method")["accuracy"]
beats = accuracy["model"] > accuracy["persistence"]
md(t("nb02.logit.accuracy", lang, model=format_number(100 * accuracy["model"], lang, 1),
     persistence=format_number(100 * accuracy["persistence"], lang, 1))
   + " " + t("nb02.logit.beats" if beats else "nb02.logit.not_beats", lang)
   + " " + t("nb02.logit.read", lang, n=model.n, country=name))
