"""What the TIP Report found and asked: the coded narratives, tracked against the strategy.

Analyses layer (beside tiers, impact and strategy): DataFrames in, DataFrames out; the tables
come from :func:`tipanalysis.data.load_narratives`, the figures and display tables from
:mod:`tipanalysis.viz.evidence`, the sentences from :mod:`tipanalysis.viz.sentences`.
"""

from __future__ import annotations

from tipanalysis.evidence.narratives import (
    aims_without_asks,
    crosswalk_for,
    enforcement_side_by_side,
    findings_matrix,
    latest_year,
    next_report_evidence,
    recommendation_tracker,
    watchlist_clock,
)

__all__ = [
    "aims_without_asks",
    "crosswalk_for",
    "enforcement_side_by_side",
    "findings_matrix",
    "latest_year",
    "next_report_evidence",
    "recommendation_tracker",
    "watchlist_clock",
]


def __dir__() -> list[str]:
    return __all__
