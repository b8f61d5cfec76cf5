"""Impact assessment: did a reform change what followed it?

* timing: dates -> TIP report years (the rule itself is :mod:`tipanalysis.core.reportyear`);
* interrupted time series (:mod:`~tipanalysis.impact.timeseries`);
* difference-in-differences with placebo inference, event study (:mod:`~tipanalysis.impact.did`);
* synthetic control (:mod:`~tipanalysis.impact.synthetic`);
* what placebo inference can say: ties, minimum attainable p, exact pre-period fits
  (:mod:`~tipanalysis.impact.inference`);
* base rates (:mod:`~tipanalysis.impact.baserates`) and the design schedule
  (:mod:`~tipanalysis.impact.design`).

Only pandas and numpy are imported here; scipy and statsmodels inside the functions.
Plots of these results are in :mod:`tipanalysis.viz.impact`.
"""

from __future__ import annotations

import importlib

from tipanalysis.core.reportyear import (
    DatePolicy,
    event_positions,
    map_events_to_report_years,
    report_year_of,
)
from tipanalysis.impact.baserates import (
    base_rate_comparison,
    first_passage,
)
from tipanalysis.impact.design import (
    design_schedule,
)
from tipanalysis.impact.did import (
    did_placebo,
    did_placebo_effects,
    event_study,
)
from tipanalysis.impact.errors import (
    AmbiguousDateError,
    ImpactInputError,
    InterventionOutsideDataError,
    MissingOutcomeError,
    NoVariationError,
    TooFewPeriodsError,
)
from tipanalysis.impact.inference import (
    count_below,
    exact_fit_report,
    min_attainable_p,
    rank_p_value,
    ratio_status,
)
from tipanalysis.impact.panels import (
    Reason,
    attempt,
    balanced_panel,
)
from tipanalysis.impact.reforms import (
    EVENT_CATEGORIES,
    REFORM_EVENTS,
    REFORMS,
    event_lines,
    policy_events,
    reforms,
)
from tipanalysis.impact.synthetic import (
    SynthResult,
    synth,
    synth_placebo,
    synth_placebo_gaps,
    synth_summary,
    synth_weights,
    synthetic_control,
)
from tipanalysis.impact.timeseries import (
    SMALL_SAMPLE,
    Family,
    ITSResult,
    fit_its,
    its,
    its_comparative,
    its_counterfactual,
    its_lag_sensitivity,
    its_wild_bootstrap,
    its_windows,
)

# Backward compatibility: the plot helpers moved to tipanalysis.viz.impact (layering);
# resolved lazily so that importing impact never imports the viz layer.
_COMPAT: dict[str, str] = {
    "plot_event_study": "tipanalysis.viz.impact",
    "plot_its": "tipanalysis.viz.impact",
    "plot_placebo_gaps": "tipanalysis.viz.impact",
    "plot_synth": "tipanalysis.viz.impact",
}


def __getattr__(name: str) -> object:
    if name in _COMPAT:
        return getattr(importlib.import_module(_COMPAT[name]), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")

__all__ = [
    "EVENT_CATEGORIES",
    "REFORMS",
    "REFORM_EVENTS",
    "SMALL_SAMPLE",
    "AmbiguousDateError",
    "DatePolicy",
    "Family",
    "ITSResult",
    "ImpactInputError",
    "InterventionOutsideDataError",
    "MissingOutcomeError",
    "NoVariationError",
    "Reason",
    "SynthResult",
    "TooFewPeriodsError",
    "attempt",
    "balanced_panel",
    "base_rate_comparison",
    "baserates",
    "count_below",
    "design",
    "design_schedule",
    "did",
    "did_placebo",
    "did_placebo_effects",
    "errors",
    "event_lines",
    "event_positions",
    "event_study",
    "exact_fit_report",
    "first_passage",
    "fit_its",
    "inference",
    "its",
    "its_comparative",
    "its_counterfactual",
    "its_lag_sensitivity",
    "its_wild_bootstrap",
    "its_windows",
    "map_events_to_report_years",
    "min_attainable_p",
    "panels",
    "policy_events",
    "rank_p_value",
    "ratio_status",
    "reforms",
    "report_year_of",
    "synth",
    "synth_placebo",
    "synth_placebo_gaps",
    "synth_summary",
    "synth_weights",
    "synthetic",
    "synthetic_control",
    "timeseries",
]


def __dir__() -> list[str]:
    return list(__all__)
