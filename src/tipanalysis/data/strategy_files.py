"""The strategy's files: framework.json, observations.csv, entry workbooks and the template.

Every read and write of the strategy monitor happens here; :mod:`tipanalysis.strategy` only
computes.
"""

from __future__ import annotations

__all__ = [
    "FRAMEWORK_FILE",
    "OBSERVATIONS_FILE",
    "OBS_COLUMNS",
    "REQUIRED_COLUMNS",
]

FRAMEWORK_FILE = "strategy/framework.json"
OBSERVATIONS_FILE = "strategy/observations.csv"
#: Columns of ``observations.csv`` (primary key: indicator_id, period).
OBS_COLUMNS: tuple[str, ...] = (
    "indicator_id", "period", "value", "unit", "source", "source_url", "reported_by", "note",
)
#: Columns a completed workbook or CSV must have; the others in OBS_COLUMNS are optional.
REQUIRED_COLUMNS: tuple[str, ...] = ("indicator_id", "period", "value", "source")
#: First and last calendar year of the strategy; observation periods must fall inside.


def __dir__() -> list[str]:
    # Tab completion shows the public API only, not pd, np or helpers.
    return list(__all__)
