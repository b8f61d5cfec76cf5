# %% tags=["parameters"]
as_of = "2025-12-31"
lang = "en"

# %%
# Kuwait's National Strategy 2025-2028: progress review. Every heading, sentence and table label
# is written by the package in the notebook's `lang` (tipanalysis.core.i18n), so a run with
# `-p lang ar` reads in Arabic. Framework: data/strategy/framework.json (strands and aims as
# published; indicator catalogue proposed by the workspace). Ministries' figures enter through
# `tipanalysis strategy template` / `tipanalysis strategy import`.
# %matplotlib inline
# Figures lay themselves out (constrained layout): no second, cropping draw per figure.
# %config InlineBackend.print_figure_kwargs = {"bbox_inches": None}
import pandas as pd
from IPython.display import display

# Charts come from tipanalysis.plots, which applies its deterministic settings (plots.RC).
from tipanalysis import brief, data, plots, strategy, tiers
from tipanalysis.i18n import format_date, format_percent, t
from tipanalysis.viz.labels import label_table
from tipanalysis.viz.text import md

fw = strategy.load_framework()
display(md(
    f"# {t('nb03.title', lang)}\n\n"
    + t("nb03.intro", lang, name=t("reform.KWT-0039", lang),
        launched=format_date(fw.strategy["launched"], lang))))

# %%
display(md(f"## {t('nb03.h.framework', lang)}"))
strands = fw.strands.set_index("id")[f"name_{lang}"]
aims = fw.aims.assign(strand=fw.aims["strand"].map(strands))
label_table(aims, lang, {"id": "col.aim", f"name_{lang}": "col.name", "strand": "col.strand"}
            ).set_index(t("col.aim", lang))

# %%
n_ind = fw.indicators.groupby("aim").size()
md(t("nb03.framework.read", lang, n_aims=len(aims), n=len(fw.indicators),
     lo=n_ind.min(), hi=n_ind.max(),
     n_baseline=int(fw.indicators["baseline_value"].notna().sum()),
     n_target=int(fw.indicators["target_value"].notna().sum())))

# %%
display(md(f"## {t('nb03.h.ranking', lang)}\n\n{t('nb03.ranking.read', lang)}"))
if hasattr(tiers, "forecast_summary"):
    panel = data.load_tiers()
    # The same computation the policy brief reads (brief.strategy_review uses it too).
    summaries = pd.concat([s.reset_index() for s in brief.outlook_summaries(
        panel, "KWT", int(panel["report_year"].max()))])
    outlook = strategy.ranking_outlook(strategy.outlook_from_forecast_summary(summaries))
else:
    outlook = None
if outlook is not None:
    display(label_table(outlook.round(3), lang, {
        "report_year": "col.report_year",
        "p_tier2_or_better": "measure.p_tier2_or_better_every_report",
        "ci_low": "col.ci_low", "ci_high": "col.ci_high"}).set_index(t("col.report_year", lang)))

# %%
if outlook is None or outlook.empty:
    text = t("nb03.ranking.none", lang)
else:
    context = brief.build_context("KWT", lang, figures=False)
    section = next(s for s in context["sections"] if s["id"] == "outlook")
    text = "\n\n".join([section["sentences"][0], t(
        "nb03.ranking.next", lang, p=format_percent(outlook.iloc[0]["p_tier2_or_better"], lang))])
md(text)

# %%
display(md(f"## {t('nb03.h.review', lang)}\n\n{t('nb03.review.read', lang)}"))
obs = strategy.load_observations()
reviewed = strategy.review(fw.indicators, obs, as_of=as_of, forecast=outlook)
review = strategy.review_table(reviewed, fw.strands, lang)
review.index.name = None
review

# %%
# The count of indicators with a value is the brief's (facts["strategy"]["n_data"]).
counts = reviewed["status"].value_counts()
n_nodata = int(counts.get("no-data", 0))
md(t("strategy.status", lang, as_of=format_date(as_of, lang), n=len(reviewed),
     n_data=len(reviewed) - n_nodata, n_nodata=n_nodata)
   + (" " + t("strategy.no_targets", lang)
      if fw.indicators["target_value"].isna().all() else ""))

# %%
display(md(f"## {t('nb03.h.strands', lang)}"))
by_strand = strategy.strand_status_counts(reviewed, fw.strands, lang)
plots.plot_strand_status(by_strand, lang).figure

# %%
rolled = strategy.rollup(reviewed)
shown = rolled.assign(strand=rolled["strand"].map(
    lambda s: t("strand.overall", lang) if s == "overall" else strands.get(s, s)),
    status=rolled["status"].map(lambda s: strategy.status_label(s, lang)))
label_table(shown.round(2), lang, {"strand": "col.strand", "n_indicators": "col.indicators",
                                   "n_with_data": "col.with_data", "status": "col.status"}
            ).set_index(t("col.strand", lang))

# %%
overall = rolled.set_index("strand").loc["overall"]
md(t("nb03.overall", lang, n_scored=overall["n_scored"], n=overall["n_indicators"],
     status=strategy.status_label(overall["status"], lang)))

# %%
display(md(f"## {t('nb03.h.completeness', lang)}\n\n"
           f"{t('nb03.completeness.intro', lang)}"))
comp = strategy.completeness(fw.indicators, obs, as_of=as_of)
shares = strategy.completeness_shares(comp, lang)
plots.plot_completeness(shares, lang).figure

# %%
if comp.empty:
    text = t("nb03.not_started", lang, as_of=format_date(as_of, lang))
else:
    row = comp.iloc[-1]
    text = t("nb03.completeness", lang, year=row["year"],
             so_far="" if row["complete_year"] else t("nb03.so_far", lang),
             n_rep=row["n_reported"], n_ind=row["n_indicators"],
             share=format_percent(row["share_reported"] / 100, lang), n_src=row["n_sourced"],
             n_pub=row["n_public"])
md(text)

# %%
display(md(f"## {t('nb03.h.activities', lang)}\n\n{t('nb03.activities.intro', lang)}"))
timeline = data.load_timeline()
log = strategy.activities_log(timeline, end=as_of)
activity_counts = strategy.activity_counts(log)
activity_counts.index = [t("total", lang) if s == "total" else strands.get(s, s)
                         for s in activity_counts.index]
activity_counts.columns = [t("total", lang) if c == "total" else c
                           for c in activity_counts.columns]
activity_counts

# %%
texts = timeline.set_index("event_id")["event_ar" if lang == "ar" else "event_short_en"]
shown = log.assign(text=log["event_id"].map(texts),
                   strand=log["strand"].map(lambda s: strands.get(s, t("strand.unassigned",
                                                                      lang))),
                   date=[format_date(str(d), lang, "year" if len(str(d)) == 4 else "day")
                         for d in log["date"]])
label_table(shown, lang, {"date": "col.date", "activity_type": "col.activity",
                          "strand": "col.strand", "text": "col.event"},
            values={"activity_type": "activity"})

# %%
acts = log[log["is_activity"]]
md(t("nb03.activities", lang, n_act=len(acts), as_of=format_date(as_of, lang),
     n_log=len(log), n_un=int((acts["strand"] == "unassigned").sum())))

# %%
display(md(f"## {t('nb03.h.example', lang)}\n\n{t('nb03.example.read', lang)}"))
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

# %%
example = strategy.review(illustrative, illustrative_obs, as_of="2026-12-31")
label_table(example.assign(status=example["status"].map(
    lambda s: strategy.status_label(s, lang))), lang, {
    "value": "col.value", "expected": "col.expected_value", "progress": "col.progress",
    "path_ratio": "col.path_ratio", "status": "col.status"})
