"""Report layer: the policy brief, the notebook runner and the command line.
"""

from __future__ import annotations

import importlib

# Imported on first use: the runner and the CLI import this package and must stay light.
_EXPORTS: dict[str, str] = {
    "EVENT_CATEGORIES": "tipanalysis.report.brief",
    "EVENT_TEXT_MAX": "tipanalysis.report.brief",
    "HORIZON_YEAR": "tipanalysis.report.brief",
    "LOGGER": "tipanalysis.report.brief",
    "Memo": "tipanalysis.report.brief",
    "PDF_IDENTIFIER": "tipanalysis.report.brief",
    "REFORM_EVENTS": "tipanalysis.report.brief",
    "STYLESHEET": "tipanalysis.report.brief",
    "TEMPLATE": "tipanalysis.report.brief",
    "build_context": "tipanalysis.report.brief",
    "build_contexts": "tipanalysis.report.brief",
    "build_parser": "tipanalysis.report.cli",
    "default_year": "tipanalysis.report.brief",
    "main": "tipanalysis.report.cli",
    "placement": "tipanalysis.report.brief",
    "render_html": "tipanalysis.report.brief",
    "render_pdf": "tipanalysis.report.brief",
    "write_brief": "tipanalysis.report.brief",
    "write_briefs": "tipanalysis.report.brief",
    "write_context": "tipanalysis.report.brief",
    "year_ranges": "tipanalysis.report.brief",
}
_SUBMODULES = frozenset(['brief', 'cli', 'run'])


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
