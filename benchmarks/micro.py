"""Micro-benchmarks run by ``make bench`` after the workspace figures.

Add one by decorating a function that returns the zero-argument callable to time (the set-up,
e.g. loading the panel, happens in the outer function and is not timed)::

    @register("indicators over the full panel", target_s=2.0)
    def _indicators():
        from tipanalysis import data, tiers
        panel = data.load_tiers()
        return lambda: tiers.indicators(panel)

``make bench`` reports the median of ``repeat`` calls against ``target_s`` (PASS/FAIL).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class Micro:
    """A named benchmark: ``setup()`` returns the callable that is timed."""

    name: str
    setup: Callable[[], Callable[[], object]]
    target_s: float
    repeat: int = 3


MICRO: list[Micro] = []


def register(name: str, target_s: float, repeat: int = 3):
    """Decorator adding a set-up function to :data:`MICRO`."""

    def decorate(setup: Callable[[], Callable[[], object]]):
        MICRO.append(Micro(name, setup, target_s, repeat))
        return setup

    return decorate


# --------------------------------------------------------------------------- benchmarks
@register("parse_tier on 20,000 labels", target_s=1.0)
def _parse_tier():
    from tipanalysis.tiers import parse_tier

    labels = ["Tier 2 Watch List", "Tier 1", "Tier III", "الفئة الثانية", 2.5, "Special Case"]
    labels = labels * (20_000 // len(labels))
    return lambda: [parse_tier(x) for x in labels]


@register("indicators over the full panel", target_s=0.05)
def _tier_indicators():
    from tipanalysis import data, tiers

    panel = data.load_tiers()
    return lambda: tiers.indicators(panel)


@register("bootstrap transition matrix, 2,000 replicates", target_s=2.0)
def _bootstrap_transitions():
    from tipanalysis import data, tiers

    panel = data.load_tiers()
    return lambda: tiers.bootstrap_transition_matrix(panel, n_boot=2000, seed=0)


@register("synthetic-control placebo loop, Prop 99 (39 units x 31 years)", target_s=5.0)
def _synth_placebo():
    from pathlib import Path

    import pandas as pd

    from tipanalysis import impact

    # Published validation panel (tests/data/impact); the full donor pool of 38 states.
    path = Path(__file__).resolve().parent.parent / "tests" / "data" / "impact"
    wide = pd.read_csv(path / "california_prop99.csv")
    panel = wide.melt(id_vars="Year", var_name="state", value_name="cigsale")
    return lambda: impact.synth_placebo(panel, "state", "Year", "cigsale", "California", 1989)


@register("synthetic-control placebo loop with ADH covariates, nested V (1 start)", target_s=5.0)
def _synth_placebo_adh():
    from pathlib import Path

    import pandas as pd

    from tipanalysis import impact

    path = Path(__file__).resolve().parent.parent / "tests" / "data" / "impact"
    wide = pd.read_csv(path / "california_prop99.csv")
    panel = wide.melt(id_vars="Year", var_name="state", value_name="cigsale")
    cov = pd.read_csv(path / "prop99_covariates_1980_1988.csv")
    means = cov.groupby("state")[["lnincome", "age15to24", "retprice"]].mean()
    beer = cov[cov["year"] >= 1984].groupby("state")[["beer"]].mean()
    predictors = pd.concat([means, beer], axis=1)
    return lambda: impact.synth_placebo(
        panel, "state", "Year", "cigsale", "California", 1989, predictors=predictors,
        outcome_lags=[1975, 1980, 1988], v="optimize", v_starts=1,
    )
