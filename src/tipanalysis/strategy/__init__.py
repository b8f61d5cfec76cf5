"""Monitor of Kuwait's National Strategy 2025-2028: framework, entries, progress and review.

Nothing here reads or writes files: that is :mod:`tipanalysis.data.strategy_files`.
"""

from __future__ import annotations

import importlib

# One typed timeline for every notebook (it was a second, untyped reader here).
from tipanalysis.data.loaders import (
    load_timeline,
)
from tipanalysis.data.strategy_files import (
    FRAMEWORK_FILE,
    OBS_COLUMNS,
    OBSERVATIONS_FILE,
    REQUIRED_COLUMNS,
    load_observations,
    read_entry_file,
    read_framework_json,
    store_observations,
    write_entry_workbook,
)
from tipanalysis.strategy.activities import (
    ACTIVITY_RULES,
    CATEGORY_FALLBACK,
    CATEGORY_FIRST,
    STRAND_RULES,
    activities_log,
    activity_counts,
    status_label,
)
from tipanalysis.strategy.entries import (  # noqa: F401
    empty_observations,
    format_observations,
    import_observations,
    merge_observations,
    parse_reported_value,
    parse_value,
    template_tables,
    validate_entries,
    write_template,
)
from tipanalysis.strategy.framework import (
    COMPUTED_KINDS,
    DIRECTIONS,
    ELEMENT_STATUS,
    FIRST_YEAR,
    LAST_YEAR,
    STATUSES,
    STRANDS_ORDER,
    THRESHOLDS,
    UNASSIGNED,
    Framework,
    load_framework,
    parse_framework,
    parse_period,
    period_months,
    reportable,
)
from tipanalysis.strategy.outlook import (
    outlook_from_forecast_summary,
    ranking_outlook,
)
from tipanalysis.strategy.progress import (
    completeness,
    computed_observations,
    indicator_status,
    review,
    rollup,
)

# Backward compatibility: the display tables moved to tipanalysis.viz.tables (layering);
# resolved lazily so that importing strategy never imports the viz layer.
_COMPAT: dict[str, str] = {
    "completeness_shares": "tipanalysis.viz.tables",
    "label": "tipanalysis.viz.tables",
    "review_table": "tipanalysis.viz.tables",
    "strand_status_counts": "tipanalysis.viz.tables",
}


def __getattr__(name: str) -> object:
    if name in _COMPAT:
        return getattr(importlib.import_module(_COMPAT[name]), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")

__all__ = [
    "ACTIVITY_RULES",
    "CATEGORY_FALLBACK",
    "CATEGORY_FIRST",
    "COMPUTED_KINDS",
    "DIRECTIONS",
    "ELEMENT_STATUS",
    "FIRST_YEAR",
    "FRAMEWORK_FILE",
    "LAST_YEAR",
    "OBSERVATIONS_FILE",
    "OBS_COLUMNS",
    "REQUIRED_COLUMNS",
    "STATUSES",
    "STRANDS_ORDER",
    "STRAND_RULES",
    "THRESHOLDS",
    "UNASSIGNED",
    "Framework",
    "activities",
    "activities_log",
    "activity_counts",
    "completeness",
    "computed_observations",
    "empty_observations",
    "entries",
    "format_observations",
    "framework",
    "import_observations",
    "indicator_status",
    "load_framework",
    "load_observations",
    "load_timeline",
    "merge_observations",
    "outlook",
    "outlook_from_forecast_summary",
    "parse_framework",
    "parse_period",
    "parse_reported_value",
    "period_months",
    "progress",
    "ranking_outlook",
    "read_entry_file",
    "read_framework_json",
    "reportable",
    "review",
    "rollup",
    "status_label",
    "store_observations",
    "template_tables",
    "validate_entries",
    "write_entry_workbook",
    "write_template",
]


def __dir__() -> list[str]:
    return list(__all__)
