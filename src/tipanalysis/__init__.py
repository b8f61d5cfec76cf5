"""tipanalysis: a research and policy-evaluation workspace on trafficking in persons.

Submodules are imported on first use (``tipanalysis.data``, ``tipanalysis.tiers`` ...) so that
``import tipanalysis`` stays cheap; heavy libraries (geopandas, statsmodels, matplotlib) are
imported only by the functions that need them.
"""

from __future__ import annotations

import importlib
from typing import Any

__version__ = "0.1.0"

_SUBMODULES = {
    "brief",
    "cli",
    "countries",
    "data",
    "errors",
    "i18n",
    "impact",
    "ingest",
    "maps",
    "paths",
    "plots",
    "run",
    "strategy",
    "tiers",
    "validate",
}


def __getattr__(name: str) -> Any:
    if name in _SUBMODULES:
        return importlib.import_module(f"{__name__}.{name}")
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = sorted(_SUBMODULES | {"__version__"})
