"""Figures and display tables in English or Arabic: they draw what they are given.
"""

from __future__ import annotations

from tipanalysis.viz import impact_text, labels, text
from tipanalysis.viz.evidence import (
    DIRECTION_COLORS,
    coverage_table,
    crosswalk_table,
    enforcement_table,
    next_report_table,
    plot_asks,
    plot_enforcement,
    plot_findings,
    tracker_table,
)
from tipanalysis.viz.figures import (
    RC,
    figure_bytes,
    new_axes,
    new_figure,
    styled,
)
from tipanalysis.viz.forecast import (
    plot_outlook,
)
from tipanalysis.viz.impact import (
    plot_event_study,
    plot_its,
    plot_placebo_gaps,
    plot_synth,
)
from tipanalysis.viz.labels import INFERRED_MARK, has_inferred, label_table, term_label
from tipanalysis.viz.maps import (
    GULF_EXTENT,
    LABEL_OFFSETS,
    highlight_on_base,
    plot_tier_map,
    tier_map_frame,
    world_base,
)
from tipanalysis.viz.plots import (
    COMPLETENESS_COLORS,
    INFERRED_HATCH,
    INFERRED_HATCH_COLOR,
    STATUS_COLORS,
    TIER_COLORS,
    event_positions,
    plot_completeness,
    plot_coverage,
    plot_heatmap,
    plot_strand_status,
    plot_tier_shares,
    plot_tier_timeline,
)
from tipanalysis.viz.sentences import (
    MASCULINE,
    is_masculine,
    tracker_sentence,
    watchlist_clock_sentence,
)
from tipanalysis.viz.tables import (
    completeness_shares,
    label,
    review_table,
    strand_status_counts,
)
from tipanalysis.viz.text import esc, html_links, md, safe_markdown

__all__ = [
    "COMPLETENESS_COLORS",
    "DIRECTION_COLORS",
    "GULF_EXTENT",
    "INFERRED_HATCH",
    "INFERRED_HATCH_COLOR",
    "INFERRED_MARK",
    "LABEL_OFFSETS",
    "MASCULINE",
    "RC",
    "STATUS_COLORS",
    "TIER_COLORS",
    "completeness_shares",
    "coverage_table",
    "crosswalk_table",
    "enforcement_table",
    "esc",
    "event_positions",
    "evidence",
    "figure_bytes",
    "figures",
    "forecast",
    "has_inferred",
    "highlight_on_base",
    "html_links",
    "impact",
    "impact_text",
    "is_masculine",
    "label",
    "label_table",
    "labels",
    "maps",
    "md",
    "new_axes",
    "new_figure",
    "next_report_table",
    "plot_asks",
    "plot_completeness",
    "plot_coverage",
    "plot_enforcement",
    "plot_event_study",
    "plot_findings",
    "plot_heatmap",
    "plot_its",
    "plot_outlook",
    "plot_placebo_gaps",
    "plot_strand_status",
    "plot_synth",
    "plot_tier_map",
    "plot_tier_shares",
    "plot_tier_timeline",
    "plots",
    "review_table",
    "safe_markdown",
    "sentences",
    "strand_status_counts",
    "styled",
    "tables",
    "term_label",
    "text",
    "tier_map_frame",
    "tracker_sentence",
    "tracker_table",
    "watchlist_clock_sentence",
    "world_base",
]


def __dir__() -> list[str]:
    return list(__all__)
