# %% [markdown]
# # Policy brief: English and Arabic, HTML and PDF
#
# Writes `brief_<country>_en` and `brief_<country>_ar` (HTML, and PDF when `pdf` is true) with
# `tipanalysis.brief`: the same code as `tipanalysis brief --country KWT --lang ar --pdf`. Every
# sentence is generated from the data through the bilingual sentence patterns of
# `tipanalysis.i18n`; nothing is machine-translated. The briefs go to `out`, or, when `out` is
# `None`, to the folder named by `TIPANALYSIS_REPORTS_DIR` (set by the report runner) or else
# the repository's `reports/`.

# %% tags=["parameters"]
country = "KWT"
lang = "en"
year = None
pdf = True
out = None

# %%
from pathlib import Path

import pandas as pd

from tipanalysis import brief, countries, paths
from tipanalysis.i18n import LANGS
from tipanalysis.viz.text import html_links, md

country = countries.to_iso3(country)  # any name or code ("Qatar", "QA"), as the runner does

out_dir = Path(out) if out else paths.reports_dir()  # the runner's staging folder under make
contexts = brief.build_contexts(country, LANGS, year=year)  # the numbers are computed once
written = [p for c in contexts.values() for p in brief.write_context(c, out_dir, pdf=pdf)]
# File names only: the folder differs between a runner's staging area and reports/.
pd.DataFrame({"file": [p.name for p in written],
              "kilobytes": [round(p.stat().st_size / 1024) for p in written]})

# %% [markdown]
# ## What the brief says (in the notebook's language)

# %%
context = contexts[lang]
md("\n\n".join([f"**{context['title']}** — {context['report']}", *context["headline"]]))

# %%
pd.DataFrame({"section": [s["title"] for s in context["sections"]],
              "available": [s["available"] for s in context["sections"]]})

# %%
md("Sections not available in this build: "
         + ("; ".join(context["problems"]) if context["problems"] else "none."))

# %% [markdown]
# ## Links
# The briefs sit next to this report when the runner writes them into the reports folder.

# %%
html_links(p.name for p in written)
