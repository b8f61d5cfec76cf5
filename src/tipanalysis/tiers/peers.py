"""A country against a peer group, report year by report year.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from tipanalysis.core.tierscale import TIER_DTYPE, TIER_ORDER, tier_score
from tipanalysis.tiers.panel import _check_panel, _sorted_panel
from tipanalysis.tiers.watchlist import _str_column

__all__ = [
    "peer_comparison",
]

#: Tier labels from best to worst; the order of the categorical dtype.


# ---------------------------------------------------------------------------------------------
# Peer comparison
# ---------------------------------------------------------------------------------------------


def peer_comparison(
    panel: pd.DataFrame,
    iso3: str,
    group: list[str] | tuple[str, ...] | set[str],
    *,
    years: list[int] | range | None = None,
    balanced: bool = False,
    coverage: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """Compare one country's placement with a peer group, report year by report year.

    The comparison set is ``group`` plus ``iso3``; only countries ranked that year (not Special
    Cases, not absent) count. Lower score is better. The country's ``rank_in_group`` is the
    competition rank (1 = best; tied countries share the best rank of the tie, "1224"), and its
    ``percentile`` the mid-rank share of peers it does better than: 100 x (peers with a worse
    score + half the peers with the same score) / peers.

    Parameters
    ----------
    panel : DataFrame
        Tidy tier panel.
    iso3 : str
        The focal country.
    group : list of str
        ISO3 codes of the peers (e.g. the GCC, a State Department region, or every country).
    years : list of int, optional
        Report years to keep (default: every year in which a member of the set has a row).
    balanced : bool
        Keep only peers ranked in every selected year (the focal country is always kept).
    coverage : DataFrame, optional
        Coverage table with ``report_year`` and ``completeness``; a year that is not
        ``complete`` (or has no coverage row) gets ``partial = True``.

    Returns
    -------
    DataFrame
        One row per report year: ``report_year``, ``n`` (ranked countries in the set),
        ``n_1``, ``n_2``, ``n_2WL``, ``n_3``, ``share_1`` ... ``share_3``, ``tier`` and ``score``
        of the country, ``rank_in_group``, ``n_tied`` (other countries with its score),
        ``percentile``, ``n_peers`` (ranked peers, country excluded), ``peer_mean_score``
        (excluding the country), ``completeness``, ``partial`` (nullable boolean, NA without a
        coverage table), ``note``, and from the panel's ``basis`` column (NA without one):
        ``basis`` of the country's own placement and ``n_inferred``, how many of the ``n``
        ranked placements of the set are ``inferred`` rather than stated by a source.

    Examples
    --------
    >>> p = pd.DataFrame({"iso3": ["KWT", "BHR", "QAT", "OMN"], "report_year": [2025] * 4,
    ...                   "tier": ["2", "1", "2", "2WL"]})
    >>> r = peer_comparison(p, "KWT", ["BHR", "QAT", "OMN"])
    >>> r[["n", "rank_in_group", "n_tied", "percentile", "peer_mean_score"]].values.tolist()
    [[4.0, 2.0, 1.0, 50.0, 1.8333333333333333]]
    """
    _check_panel(panel)
    members = set(group) | {iso3}
    data = _sorted_panel(panel[panel["iso3"].isin(members)])
    if years is not None:
        data = data[data["report_year"].isin(list(years))]
    ranked = data[data["tier"].notna()]
    all_years = sorted(set(data["report_year"]) if years is None else set(years))
    if balanced:
        n_years = ranked.groupby("iso3")["report_year"].nunique()
        keep = set(n_years.index[n_years == len(all_years)]) | {iso3}
        ranked = ranked[ranked["iso3"].isin(keep)]
    ranked = ranked.assign(score=tier_score(ranked["tier"]).to_numpy())

    counts = (
        ranked.groupby(["report_year", "tier"], observed=False).size().unstack("tier")
        .reindex(index=all_years, columns=list(TIER_ORDER), fill_value=0)
    )
    out = pd.DataFrame({"report_year": all_years})
    out["n"] = counts.sum(axis=1).to_numpy().astype(int)
    for t in TIER_ORDER:
        out[f"n_{t}"] = counts[t].to_numpy().astype(int)
    denominator = out["n"].where(out["n"] > 0).astype(float)  # NaN share when nobody is ranked
    for t in TIER_ORDER:
        out[f"share_{t}"] = out[f"n_{t}"] / denominator
    own = ranked[ranked["iso3"] == iso3].set_index("report_year")
    peers = ranked[ranked["iso3"] != iso3]
    tier_by_year = data[data["iso3"] == iso3].set_index("report_year")["tier"]
    out["tier"] = pd.Categorical(tier_by_year.reindex(all_years).to_numpy(), dtype=TIER_DTYPE)
    out["score"] = own["score"].reindex(all_years).to_numpy()
    rows = []
    for y, s in zip(all_years, out["score"], strict=True):
        peer_scores = peers.loc[peers["report_year"] == y, "score"].to_numpy()
        if np.isnan(s):
            rows.append((np.nan, np.nan, np.nan))
            continue
        better, tied = (peer_scores < s).sum(), (peer_scores == s).sum()
        worse = len(peer_scores) - better - tied
        pct = 100.0 * (worse + 0.5 * tied) / len(peer_scores) if len(peer_scores) else np.nan
        rows.append((better + 1.0, float(tied), pct))
    out[["rank_in_group", "n_tied", "percentile"]] = np.array(rows, dtype=float).reshape(-1, 3)
    by_year = peers.groupby("report_year")["score"]
    out["n_peers"] = by_year.size().reindex(all_years, fill_value=0).to_numpy()
    out["peer_mean_score"] = by_year.mean().reindex(all_years).to_numpy()
    notes = []
    for y in all_years:
        if y not in tier_by_year.index:
            notes.append(f"{iso3} has no row this year")
        elif pd.isna(tier_by_year[y]):
            notes.append(f"{iso3} is a Special Case this year")
        else:
            notes.append(None)
    if coverage is not None:
        comp = coverage.set_index("report_year")["completeness"].reindex(all_years)
        out["completeness"] = _str_column(comp.tolist())
        out["partial"] = pd.array((comp != "complete").to_numpy(), dtype="boolean")
        notes = [
            "; ".join(x for x in (n, None if c == "complete" else f"year coverage: {c}") if x)
            or None
            for n, c in zip(notes, comp.fillna("no coverage row"), strict=True)
        ]
    else:
        out["completeness"] = _str_column([None] * len(all_years))
        out["partial"] = pd.array([pd.NA] * len(all_years), dtype="boolean")
    out["note"] = _str_column(notes)
    if "basis" in data.columns:
        own_basis = data[data["iso3"] == iso3].set_index("report_year")["basis"]
        out["basis"] = _str_column(own_basis.reindex(all_years).tolist())
        guessed = ranked[ranked["basis"].astype("object").eq("inferred").fillna(False)
                         .astype(bool)]
        out["n_inferred"] = pd.array(guessed.groupby("report_year").size()
                                     .reindex(all_years, fill_value=0).to_numpy(),
                                     dtype="Int64")
    else:
        out["basis"] = _str_column([None] * len(all_years))
        out["n_inferred"] = pd.array([pd.NA] * len(all_years), dtype="Int64")
    return out


def __dir__() -> list[str]:
    # Tab completion shows the public API only, not pd, np or helpers.
    return list(__all__)
