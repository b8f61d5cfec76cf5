"""Errors raised by the impact estimators, one type per reason an input is unusable.
"""

from __future__ import annotations

# The base class and the date error live in the core (the report-year rule raises them).
from tipanalysis.core.errors import AmbiguousDateError, ImpactInputError

__all__ = [
    "AmbiguousDateError",
    "ImpactInputError",
    "InterventionOutsideDataError",
    "MissingOutcomeError",
    "NoVariationError",
    "TooFewPeriodsError",
]


# --------------------------------------------------------------------------------------------
# Errors
# --------------------------------------------------------------------------------------------
class TooFewPeriodsError(ImpactInputError):
    """Fewer pre- or post-intervention periods than the method needs."""


class NoVariationError(ImpactInputError):
    """The outcome (or a design column) does not vary, so nothing can be estimated."""


class MissingOutcomeError(ImpactInputError):
    """The outcome has missing values; impact methods never impute silently."""


class InterventionOutsideDataError(ImpactInputError):
    """The intervention time is not inside the observed time range."""


def __dir__() -> list[str]:
    # Tab completion shows the public API only, not pd, np or helpers.
    return list(__all__)
