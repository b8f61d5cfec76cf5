"""Display tables of the strategy review (chart-ready data in English or Arabic).

Drawing is left to :mod:`tipanalysis.viz.plots`; the computation to :mod:`tipanalysis.strategy`.
"""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd

from tipanalysis.core.i18n import t
from tipanalysis.strategy.activities import status_label
from tipanalysis.strategy.framework import STATUSES, UNASSIGNED

__all__ = [
    "completeness_shares",
    "label",
    "review_table",
    "strand_status_counts",
]

# --------------------------------------------------------------------------------------------
# display tables (chart-ready data in English or Arabic; drawing is left to tipanalysis.plots)
# --------------------------------------------------------------------------------------------

#: Short names this module used for its display labels -> keys of the i18n translation table
#: (the strings themselves live only there).
_LABEL_KEYS: Mapping[str, str] = {
    "indicator": "col.indicator",
    "strand": "col.strand",
    "period": "col.period",
    "value": "col.value",
    "baseline": "col.baseline_value",
    "change": "col.change",
    "status": "col.status",
    "note": "col.note",
    "overall": "strand.overall",
    "unassigned": "strand.unassigned",
    "n_indicators": "axis.n_indicators",
    "share": "axis.share_reportable",
    "year": "axis.year",
    "share_reported": "completeness.reported",
    "share_sourced": "completeness.sourced",
    "share_public": "completeness.public",
    "title.strands": "title.strand_status",
    "title.completeness": "title.completeness",
}


def label(key: str, lang: str = "en") -> str:
    """Return a display label of this module in ``lang`` ("en" or "ar"), from :func:`i18n.t`.

    Kept for callers of the short names (``"strand"``, ``"share"`` ...); new code can call
    ``tipanalysis.core.i18n.t`` with the table key directly.

    Examples
    --------
    >>> label("strand", "ar")
    'المحور'
    >>> label("title.completeness") == t("title.completeness", "en")
    True
    """
    return t(_LABEL_KEYS[key], lang)


def _strand_names(strands: pd.DataFrame, lang: str) -> dict[str, str]:
    names = dict(zip(strands["id"], strands[f"name_{lang}"], strict=True))
    names[UNASSIGNED] = label("unassigned", lang)
    names["overall"] = label("overall", lang)
    return names


def review_table(reviewed: pd.DataFrame, strands: pd.DataFrame, lang: str = "en"
                 ) -> pd.DataFrame:
    """The review as a display table: one row per indicator, headings and status in ``lang``.

    Examples
    --------
    >>> from tipanalysis.strategy import completeness, empty_observations, load_framework, review
    >>> fw = load_framework()
    >>> t = review_table(review(fw.indicators, empty_observations(), as_of="2025-12-31"),
    ...                  fw.strands)
    >>> t.loc["A1.1", "Status"], t.loc["A1.1", "Baseline"]
    ('no data yet', '162 (2023-04-01/2023-12-31)')
    """
    names = _strand_names(strands, lang)

    def num(v: float) -> str:
        if pd.isna(v):
            return ""
        return f"{v:,.0f}" if float(v).is_integer() else f"{v:,.2f}"

    base = [
        "" if pd.isna(v) else f"{num(v)} ({p})" if isinstance(p, str) else f"{num(v)} (?)"
        for v, p in zip(reviewed["baseline_value"], reviewed["baseline_period"], strict=True)
    ]
    table = pd.DataFrame({
        label("indicator", lang): reviewed[f"name_{lang}"].to_numpy(),
        label("strand", lang): reviewed["strand"].map(names).to_numpy(),
        label("period", lang): reviewed["period"].fillna("").to_numpy(),
        label("value", lang): reviewed["value"].map(num).to_numpy(),
        label("baseline", lang): base,
        label("change", lang): reviewed["change"].map(num).to_numpy(),
        label("status", lang): reviewed["status"].map(lambda s: status_label(s, lang)).to_numpy(),
        label("note", lang): reviewed["note"].fillna("").to_numpy(),
    }, index=pd.Index(reviewed["indicator_id"].to_numpy(), name="id"))
    return table.astype("str")


def strand_status_counts(reviewed: pd.DataFrame, strands: pd.DataFrame, lang: str = "en"
                         ) -> pd.DataFrame:
    """Indicators per strand (rows) and status (columns, best first), labelled in ``lang``.

    Examples
    --------
    >>> from tipanalysis.strategy import completeness, empty_observations, load_framework, review
    >>> fw = load_framework()
    >>> c = strand_status_counts(review(fw.indicators, empty_observations(),
    ...                                 as_of="2025-12-31"), fw.strands)
    >>> c.loc["Prevention", "no data yet"]
    np.int64(4)
    """
    table = pd.crosstab(reviewed["strand"], reviewed["status"])
    table = table.reindex(index=[s for s in strands["id"] if s in table.index],
                          columns=list(STATUSES), fill_value=0)
    names = _strand_names(strands, lang)
    table.index = [names[s] for s in table.index]
    table.columns = [status_label(s, lang) for s in table.columns]
    return table


def completeness_shares(comp: pd.DataFrame, lang: str = "en") -> pd.DataFrame:
    """The three completeness shares per year, with column labels in ``lang``.

    Examples
    --------
    >>> from tipanalysis.strategy import completeness, empty_observations, load_framework, review
    >>> fw = load_framework()
    >>> completeness_shares(completeness(fw.indicators, empty_observations(),
    ...                                  as_of="2025-12-31")).iloc[0].tolist()
    [0.0, 0.0, 0.0]
    """
    cols = ["share_reported", "share_sourced", "share_public"]
    table = comp.set_index("year")[cols].astype("float64")
    table.columns = [label(c, lang) for c in cols]
    table.index.name = label("year", lang)
    return table


def __dir__() -> list[str]:
    # Tab completion shows the public API only, not pd, np or helpers.
    return list(__all__)
