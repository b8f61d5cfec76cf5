"""TIP Report tiers: indicators, the Watch List rule, peers, transitions, forecasts, ordered logit.

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
from tipanalysis.tiers.forecast import (
    FORECAST_ASSUMPTIONS,
    forecast_markov,
    forecast_summary,
    forecast_watchlist_chain,
)
from tipanalysis.tiers.ordinal import (
    PERIODS,
    OrderedLogitResult,
    ordered_logit,
    predicted_probabilities,
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

__all__ = [
    "FORECAST_ASSUMPTIONS",
    "PERIODS",
    "RANK_TABLE",
    "SCORE_TABLE",
    "SPECIAL",
    "TIER_DTYPE",
    "TIER_ORDER",
    "TIER_RANK",
    "TIER_SCORE",
    "WATCHLIST_RULES",
    "OrderedLogitResult",
    "UnknownTierError",
    "bootstrap_transition_matrix",
    "bootstrap_transition_replicates",
    "forecast",
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
    "tier_codes",
    "tier_rank",
    "tier_score",
    "transition_matrix",
    "transitions",
    "watchlist",
    "watchlist_status",
]


def __dir__() -> list[str]:
    return list(__all__)
