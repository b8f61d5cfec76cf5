"""Core layer: where things are (paths), error types, translations and the tier scale.

Every other layer may import from here; this layer imports nothing from tipanalysis.
"""

from __future__ import annotations

import importlib

# Imported on first use: the runner and the CLI import this package and must stay light.
_EXPORTS: dict[str, str] = {
    "AmbiguousDateError": "tipanalysis.core.errors",
    "DataValidationError": "tipanalysis.core.errors",
    "DatePolicy": "tipanalysis.core.reportyear",
    "ImpactInputError": "tipanalysis.core.errors",
    "Problem": "tipanalysis.core.errors",
    "RANK_TABLE": "tipanalysis.core.tierscale",
    "SCORE_TABLE": "tipanalysis.core.tierscale",
    "SPECIAL": "tipanalysis.core.tierscale",
    "TIER_DTYPE": "tipanalysis.core.tierscale",
    "TIER_ORDER": "tipanalysis.core.tierscale",
    "TIER_RANK": "tipanalysis.core.tierscale",
    "TIER_SCORE": "tipanalysis.core.tierscale",
    "UnknownTierError": "tipanalysis.core.tierscale",
    "event_positions": "tipanalysis.core.reportyear",
    "map_events_to_report_years": "tipanalysis.core.reportyear",
    "parse_tier": "tipanalysis.core.tierscale",
    "report_year_of": "tipanalysis.core.reportyear",
    "tier_codes": "tipanalysis.core.tierscale",
    "tier_rank": "tipanalysis.core.tierscale",
    "tier_score": "tipanalysis.core.tierscale",
}
_SUBMODULES = frozenset(['arabic', 'errors', 'i18n', 'paths', 'reportyear', 'tierscale'])


def __getattr__(name: str) -> object:
    if name in _EXPORTS:
        value = getattr(importlib.import_module(_EXPORTS[name]), name)
        globals()[name] = value  # later lookups skip __getattr__
        return value
    if name in _SUBMODULES:
        return importlib.import_module(f"{__name__}.{name}")
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = sorted(set(_EXPORTS) | _SUBMODULES)


def __dir__() -> list[str]:
    return list(__all__)
