"""TIP Report tiers: indicators, the Watch List rule, peers, transitions, forecasts, ordered logit.

Forecasts: the duration- and waiver-aware Watch List chain (:mod:`~tipanalysis.tiers.wlchain`,
the default of :func:`forecast_summary`) and its rolling-origin backtest
(:mod:`~tipanalysis.tiers.backtesting`: :func:`backtest`, :func:`scores`, :func:`verdict`,
:func:`window_sensitivity`).

The tier scale itself (:func:`parse_tier`, :data:`TIER_ORDER`, :data:`TIER_DTYPE`, ranks and
scores) lives in :mod:`tipanalysis.core.tierscale` and is re-exported here. Every analysis
function takes the tidy tier panel and returns a DataFrame.
"""

from __future__ import annotations

from tipanalysis.core.tierscale import (
    RANK_TABLE,
    SCORE_TABLE,
    SPECIAL,
    TIER_DTYPE,
    TIER_ORDER,
    TIER_RANK,
    TIER_SCORE,
    UnknownTierError,
    parse_tier,
    tier_codes,
    tier_rank,
    tier_score,
)
from tipanalysis.tiers.backtesting import (
    BACKTEST_METHODS,
    BACKTEST_WINDOWS,
    SCORE_FLOOR,
    backtest,
    choose_window,
    reliability,
    scores,
    verdict,
    window_sensitivity,
)
from tipanalysis.tiers.forecast import (
    FORECAST_ASSUMPTIONS,
    forecast_markov,
    forecast_summary,
    forecast_watchlist_chain,
)
from tipanalysis.tiers.ordinal import (
    PERIODS,
    WL_STATE_LEVELS,
    OrderedLogitResult,
    accuracy_vs_persistence,
    ordered_logit,
    predicted_probabilities,
    prev_wl_state,
)
from tipanalysis.tiers.panel import (
    indicators,
)
from tipanalysis.tiers.peers import (
    peer_comparison,
)
from tipanalysis.tiers.transitions import (
    bootstrap_transition_matrix,
    bootstrap_transition_replicates,
    transition_matrix,
)
from tipanalysis.tiers.watchlist import (
    WATCHLIST_RULES,
    watchlist_status,
)
from tipanalysis.tiers.wlchain import (
    CLASSES,
    DEFAULT_FIRST_YEAR,
    DEFAULT_SHRINKAGE,
    DURATION_ASSUMPTIONS,
    country_key_counts,
    default_years,
    forecast_duration_chain,
    rows_from_counts,
    run_state,
    state_rows,
    state_table,
)

__all__ = [
    "BACKTEST_METHODS",
    "BACKTEST_WINDOWS",
    "CLASSES",
    "DEFAULT_FIRST_YEAR",
    "DEFAULT_SHRINKAGE",
    "DURATION_ASSUMPTIONS",
    "FORECAST_ASSUMPTIONS",
    "PERIODS",
    "RANK_TABLE",
    "SCORE_FLOOR",
    "SCORE_TABLE",
    "SPECIAL",
    "TIER_DTYPE",
    "TIER_ORDER",
    "TIER_RANK",
    "TIER_SCORE",
    "WATCHLIST_RULES",
    "WL_STATE_LEVELS",
    "OrderedLogitResult",
    "UnknownTierError",
    "accuracy_vs_persistence",
    "backtest",
    "backtesting",
    "bootstrap_transition_matrix",
    "bootstrap_transition_replicates",
    "choose_window",
    "country_key_counts",
    "default_years",
    "forecast",
    "forecast_duration_chain",
    "forecast_markov",
    "forecast_summary",
    "forecast_watchlist_chain",
    "indicators",
    "ordered_logit",
    "ordinal",
    "panel",
    "parse_tier",
    "peer_comparison",
    "peers",
    "predicted_probabilities",
    "prev_wl_state",
    "reliability",
    "rows_from_counts",
    "run_state",
    "scores",
    "state_rows",
    "state_table",
    "tier_codes",
    "tier_rank",
    "tier_score",
    "transition_matrix",
    "transitions",
    "verdict",
    "watchlist",
    "watchlist_status",
    "window_sensitivity",
    "wlchain",
]


def __dir__() -> list[str]:
    return list(__all__)
