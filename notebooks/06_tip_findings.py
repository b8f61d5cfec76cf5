# %% tags=["parameters"]
country = "KWT"
lang = "en"

# %%
# What the TIP Report found and asked. Every heading and sentence is written by the package in
# the notebook's `lang` (docs/arabic_style.md), so this notebook has no fixed prose. Data:
# data/narratives/ (codebook: data/README.md, "Narratives").
# %matplotlib inline
# %config InlineBackend.print_figure_kwargs = {"bbox_inches": None}

from IPython.display import display

from tipanalysis import countries, data, evidence, strategy, tiers
from tipanalysis.core.i18n import t
from tipanalysis.viz import evidence as ep
from tipanalysis.viz import sentences
from tipanalysis.viz.text import esc, md

iso3 = countries.to_iso3(country)
name = esc(countries.name(iso3, lang))  # data in Markdown: escaped
recs, findings, coverage, codes, domains, crosswalk, agreement = (
    data.load_narratives(table) for table in
    ("recommendations", "findings", "coverage", "codes", "domains", "crosswalk", "agreement"))
framework = strategy.load_framework()
display(md(f"# {t('nb06.title', lang, country=name)}\n\n{t('nb06.intro', lang)}"))

# %%
display(md(f"## {t('nb06.coverage', lang)}"))
counts = coverage[coverage["iso3"] == iso3]["findings"].value_counts()
display(md(t("nb06.coverage.read", lang, n_full=counts.get("full", 0),
                   n_partial=counts.get("partial", 0), n_missing=counts.get("not_found", 0))))
ep.coverage_table(coverage, iso3, lang)

# %%
display(md(f"## {t('nb06.findings', lang)}"))
matrix = evidence.findings_matrix(findings, iso3, domains=domains, lang=lang)
ep.plot_findings(matrix, lang=lang).figure if len(matrix) else md(
    t("nb06.none", lang, country=name))

# %%
overall = findings[(findings["iso3"] == iso3) & (findings["domain"] == "overall")
                   & (findings["direction"] != "not_stated")]
if len(overall):
    last = overall.sort_values("report_year").iloc[-1]
    display(md(t("nb06.findings.read", lang, year=last["report_year"],
                       overall=t(f"evidence.direction.{last['direction']}", lang))))

# %%
display(md(f"## {t('nb06.tracker', lang)}"))
tracker = evidence.recommendation_tracker(recs, iso3, codes=codes, since=2019, lang=lang)
for row in tracker.head(3).itertuples():
    display(md(sentences.tracker_sentence(row.label, row.years_asked, row.years_coded,
                                                row.last_year, lang)))
ep.tracker_table(tracker, lang)

# %%
country_recs = recs[(recs["iso3"] == iso3) & (recs["report_year"] >= 2019)]
ep.plot_asks(country_recs, tracker, lang=lang).figure if len(tracker) else None

# %%
display(md(f"## {t('nb06.crosswalk', lang)}"))
asks = evidence.crosswalk_for(recs, crosswalk, iso3)
if len(asks):
    per_ask = asks.groupby("code").agg(answered=("answered", "any"),
                                       explicit=("link", lambda s: (s == "explicit").any()))
    display(md(t("nb06.crosswalk.read", lang, n=len(per_ask),
                       year=evidence.latest_year(recs, iso3),
                       answered=int(per_ask["answered"].sum()),
                       explicit=int(per_ask["explicit"].sum()),
                       unanswered=int((~per_ask["answered"]).sum()))))
ep.crosswalk_table(asks, codes, framework.aims, lang)

# %%
display(md(f"## {t('nb06.next', lang)}"))
need = evidence.next_report_evidence(recs, crosswalk, framework.indicators,
                                     strategy.load_observations(), iso3, lang=lang)
with_data = need[need["indicator"] != ""]
display(md(t("nb06.next.read", lang, n=with_data["indicator"].nunique(),
                   with_data=with_data.loc[with_data["has_data"], "indicator"].nunique())))
ep.next_report_table(need, codes, lang)

# %%
display(md(f"## {t('nb06.clock', lang)}"))
panel = data.load_tiers()
clock = evidence.watchlist_clock(tiers.watchlist_status(panel), iso3)
current = panel[(panel["iso3"] == iso3) & (panel["report_year"] == clock["report_year"])]
md(sentences.watchlist_clock_sentence(clock, iso3, name, lang)
   + ("" if current["basis"].ne("inferred").all() else  # issue 13: say it is inferred
      " " + t("inferred.own", lang, country=name, year=clock["report_year"])))

# %%
display(md(f"## {t('nb06.enforcement', lang)}\n\n{t('nb06.enforcement.read', lang)}"))
side = evidence.enforcement_side_by_side(data.load_enforcement(), iso3)
ep.enforcement_table(side, lang)

# %%
column = "prosecutions [persons]"
ep.plot_enforcement(side, column, lang=lang,
                    title=f"{t('measure.prosecutions', lang)} ({t('unit.persons', lang)})"
                    ).figure if column in side else None

# %%
display(md(f"## {t('nb06.agreement', lang)}"))
rows = agreement.set_index("table")
display(md(t(
    "nb06.agreement.read", lang, years=rows.loc["findings", "report_years"].replace(",", ", "),
    pct_f=rows.loc["findings", "percent_agreement"], k_f=rows.loc["findings", "kappa"],
    pct_r=rows.loc["recommendations", "percent_agreement"],
    k_r=rows.loc["recommendations", "kappa"])))
