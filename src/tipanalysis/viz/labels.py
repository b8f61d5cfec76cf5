"""Tables shown in a notebook, labelled in the notebook's language.

A notebook run with ``lang="ar"`` shows Arabic headings, text and table labels: column names
come from the translation table, tier codes become tier names, flags become «نعم»/«لا», and
model terms («prev_tier[2WL]») are spelled out. Values are not changed, only how they read.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

import pandas as pd

from tipanalysis.core.i18n import t, tier_label

__all__ = ["INFERRED_MARK", "has_inferred", "label_table", "term_label"]

#: Footnote mark of a placement inferred rather than stated by a source (the same in both
#: languages); the note ``t("inferred.note", lang)`` explains it.
INFERRED_MARK = "*"

_TIERS = {"1", "2", "2WL", "3", "special"}


def __dir__() -> list[str]:
    return __all__


def _tier(value: object, lang: str) -> object:
    text = str(value)
    return tier_label(text, lang) if text in _TIERS else value


def has_inferred(frame: pd.DataFrame, column: str = "basis") -> bool:
    """Whether any row's ``basis`` is ``inferred`` (then a table shows the «*» note).

    Examples
    --------
    >>> has_inferred(pd.DataFrame({"basis": ["sourced", None]}))
    False
    """
    return column in frame.columns and bool(frame[column].astype("object").eq("inferred").any())


def term_label(term: str, lang: str = "en") -> str:
    """A model term in words: ``prev_tier[2WL]``, ``region[NEA]``, ``period[2019-]``, ``1|2``.

    Examples
    --------
    >>> term_label("prev_tier[2WL]", "ar")
    'الفئة السابقة: قائمة المراقبة من الفئة الثانية'
    >>> term_label("2|2WL", "en")
    'cut-point between Tier 2 and Tier 2 Watch List'
    """
    match = re.fullmatch(r"(\w+)\[(.+)\]", term)
    if match:
        kind, level = match.groups()
        if kind == "prev_tier":
            return t("term.prev_tier", lang, tier=tier_label(level, lang))
        if kind == "region":
            return t(f"group.{level}", lang)
        if kind == "period":
            return t("term.period", lang, period=level.rstrip("-") + (
                t("term.onwards", lang) if level.endswith("-") else ""))
    if "|" in term:
        low, high = term.split("|")
        return t("term.cutpoint", lang, low=tier_label(low, lang), high=tier_label(high, lang))
    return term


def label_table(frame: pd.DataFrame, lang: str, columns: Mapping[str, str], *,
                tiers: Iterable[str] = (), flags: Iterable[str] = (),
                terms: Iterable[str] = (), values: Mapping[str, str] | None = None,
                index: str | None = None, basis: Mapping[str, str] | None = None
                ) -> pd.DataFrame:
    """``frame`` restricted to ``columns`` (column -> translation key), labelled in ``lang``.

    ``tiers``: columns of tier codes; ``flags``: boolean columns; ``terms``: model terms;
    ``values``: column -> key prefix whose ``<prefix>.<value>`` names each value; ``index``:
    ``"tiers"`` when the index (and column names not in ``columns``) are tier codes;
    ``basis``: tier column -> the column of ``frame`` holding its ``basis`` as loaded
    (``sourced``/``inferred``): an inferred placement's label gets the mark «*» (explain it
    with the note ``t("inferred.note", lang)``, see :func:`has_inferred`).

    Examples
    --------
    >>> frame = pd.DataFrame({"tier": ["2", "2WL"], "basis": ["sourced", "inferred"]})
    >>> label_table(frame, "en", {"tier": "axis.tier"}, tiers=["tier"],
    ...             basis={"tier": "basis"})["Tier"].tolist()
    ['Tier 2', 'Tier 2 Watch List *']
    """
    out = frame[list(columns)].copy() if columns else frame.copy()
    for col in tiers:
        out[col] = out[col].map(lambda v: _tier(v, lang) if pd.notna(v) else "—")
    for col, source in (basis or {}).items():
        marked = frame[source].astype("object").eq("inferred").fillna(False).to_numpy(bool)
        out[col] = out[col].astype(object)  # a labelled categorical takes no new label
        out.loc[marked, col] = [f"{v} {INFERRED_MARK}" for v in out.loc[marked, col]]
    for col in flags:
        out[col] = out[col].map(lambda v: "—" if pd.isna(v) else t("yes" if bool(v) else "no",
                                                                     lang))
    for col in terms:
        out[col] = out[col].map(lambda v: term_label(str(v), lang))
    for col, prefix in (values or {}).items():
        out[col] = out[col].map(lambda v, p=prefix: t(f"{p}.{v}", lang) if pd.notna(v) else "—")
    if columns:
        out = out.rename(columns={c: t(k, lang) for c, k in columns.items()})
    out = out.astype(object).where(out.notna(), "—")  # an empty cell, not "NaN"
    if index == "tiers":
        out.index = [_tier(v, lang) for v in out.index]
        out.columns = [_tier(v, lang) for v in out.columns]
        out.index.name = None
        out.columns.name = None
    return out
