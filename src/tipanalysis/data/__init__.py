"""Data layer: the only code that reads or writes files under ``data/``.

Loaders (``load_*``) return validated tidy DataFrames; :mod:`~tipanalysis.data.descriptor`
validates against ``datapackage.json``; :mod:`~tipanalysis.data.readers` is the one CSV/workbook
reader; :mod:`~tipanalysis.data.countries` maps names to ISO3; :mod:`~tipanalysis.data.ingest`
adds rows; :mod:`~tipanalysis.data.coverage` computes the coverage table.
"""

from __future__ import annotations

# Submodules used as modules (tipanalysis.data.countries.name(...)).
from tipanalysis.data import countries, coverage, descriptor, ingest
from tipanalysis.data.loaders import (
    ALIASES,
    BOUNDARIES,
    CHO_3P,
    COUNTRIES,
    COVERAGE,
    ENFORCEMENT,
    GLOBAL_ENFORCEMENT,
    GSI,
    KNOWN_GAPS,
    OFFICIAL_COUNTS,
    REPORTED_BY,
    TIERS,
    TIMELINE,
    datasets,
    load_aliases,
    load_boundaries,
    load_cho_3p,
    load_countries,
    load_coverage,
    load_enforcement,
    load_global_enforcement,
    load_gsi,
    load_known_gaps,
    load_narratives,
    load_official_counts,
    load_table,
    load_tiers,
    load_timeline,
    split_antimeridian,
)
from tipanalysis.data.readers import (
    ARABIC_LETTER,
    cell_text,
    decode_bytes,
    read_csv_rows,
    read_table,
    read_text_table,
    read_workbook,
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

__all__ = [
    "ALIASES",
    "ARABIC_LETTER",
    "BOUNDARIES",
    "CHO_3P",
    "COUNTRIES",
    "COVERAGE",
    "ENFORCEMENT",
    "FRAMEWORK_FILE",
    "GLOBAL_ENFORCEMENT",
    "GSI",
    "KNOWN_GAPS",
    "OBSERVATIONS_FILE",
    "OBS_COLUMNS",
    "OFFICIAL_COUNTS",
    "REPORTED_BY",
    "REQUIRED_COLUMNS",
    "TIERS",
    "TIMELINE",
    "cell_text",
    "countries",
    "coverage",
    "datasets",
    "decode_bytes",
    "descriptor",
    "ingest",
    "load_aliases",
    "load_boundaries",
    "load_cho_3p",
    "load_countries",
    "load_coverage",
    "load_enforcement",
    "load_global_enforcement",
    "load_gsi",
    "load_known_gaps",
    "load_narratives",
    "load_observations",
    "load_official_counts",
    "load_table",
    "load_tiers",
    "load_timeline",
    "loaders",
    "read_csv_rows",
    "read_entry_file",
    "read_framework_json",
    "read_table",
    "read_text_table",
    "read_workbook",
    "readers",
    "split_antimeridian",
    "store_observations",
    "strategy_files",
    "write_entry_workbook",
]


def __dir__() -> list[str]:
    return list(__all__)
