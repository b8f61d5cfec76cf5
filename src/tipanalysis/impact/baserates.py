"""Base rates: what the global transition matrix expected after a reform.
"""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np
import pandas as pd

from tipanalysis.impact._checks import _require_columns
from tipanalysis.impact.errors import ImpactInputError

__all__ = [
    "base_rate_comparison",
    "first_passage",
]


# --------------------------------------------------------------------------------------------
# Base rates from a transition matrix
# --------------------------------------------------------------------------------------------
def _transition_square(transitions: pd.DataFrame) -> pd.DataFrame:
    _require_columns(transitions, ["from_tier", "to_tier", "prob"], "transitions")
    prob = transitions["prob"].astype(float)
    row_all_nan = prob.isna().groupby(transitions["from_tier"].astype(str)).transform("all")
    if (prob.isna() & ~row_all_nan).any() or (prob < 0).any():
        raise ImpactInputError("transition probabilities must be non-negative and not missing")
    # A tier never left in the data (all NaN, as tiers.transition_matrix gives) becomes absorbing.
    transitions = transitions.assign(prob=prob.fillna(0.0))
    frm = transitions["from_tier"].astype(str)
    to = transitions["to_tier"].astype(str)
    states = list(dict.fromkeys([*frm, *to]))
    order = {s: i for i, s in enumerate(("1", "2", "2WL", "3"))}
    states.sort(key=lambda s: (order.get(s, len(order)), s))
    square = (pd.DataFrame({"f": frm, "t": to, "p": transitions["prob"].to_numpy(float)})
              .pivot_table(index="f", columns="t", values="p", aggfunc="sum")
              .reindex(index=states, columns=states).fillna(0.0))
    sums = square.sum(axis=1)
    present = sums[sums > 0]
    bad = present[(present - 1).abs() > 1e-6]
    if len(bad):
        raise ImpactInputError(
            f"transition rows must sum to 1; rows {bad.round(4).to_dict()} do not"
        )
    # A state never left in the data stays put (absorbing), so the matrix is stochastic.
    for s in sums.index[sums == 0]:
        square.loc[s, s] = 1.0
    return square


def first_passage(
    transitions: pd.DataFrame,
    start: str,
    targets: Iterable[str] | str = "upgrade",
    horizon: int = 2,
) -> pd.DataFrame:
    """Probability of reaching any target tier within 1..horizon reports (first passage).

    Targets are made absorbing and the matrix is raised to successive powers, so a path that
    reaches a target and later leaves it still counts as having reached it.

    Parameters
    ----------
    transitions : DataFrame
        Long table ``from_tier, to_tier, prob`` (one report to the next), e.g. from
        ``tipanalysis.tiers.transition_matrix``; each ``from_tier`` sums to one.
    start : str
        Tier at the reform (e.g. ``"2WL"``).
    targets : iterable of str or "upgrade" or "downgrade"
        ``"upgrade"`` = any better tier than ``start`` (order 1 < 2 < 2WL < 3).
    horizon : int
        Number of reports ahead.

    Returns
    -------
    DataFrame
        ``step, prob`` (cumulative probability of having reached a target by ``step``).

    Examples
    --------
    >>> tm = pd.DataFrame({"from_tier": ["2", "2", "2WL", "2WL"],
    ...                    "to_tier": ["2", "2WL", "2", "2WL"], "prob": [0.8, 0.2, 0.5, 0.5]})
    >>> first_passage(tm, "2WL", "upgrade", 2)["prob"].tolist()
    [0.5, 0.75]
    """
    square = _transition_square(transitions)
    states = list(square.index)
    start = str(start)
    if start not in states:
        raise ImpactInputError(f"start tier {start!r} is not in the transition table {states}")
    if horizon < 1:
        raise ImpactInputError("horizon must be at least 1 report")
    order = ["1", "2", "2WL", "3"]
    if isinstance(targets, str) and targets in ("upgrade", "downgrade"):
        if start not in order:
            raise ImpactInputError(f"'{targets}' needs a ranked start tier, not {start!r}")
        i = order.index(start)
        wanted = order[:i] if targets == "upgrade" else order[i + 1:]
        targets = [s for s in wanted if s in states]
    else:
        targets = [str(t) for t in ([targets] if isinstance(targets, str) else targets)]
        unknown = [t for t in targets if t not in states]
        if unknown:
            raise ImpactInputError(f"target tier(s) {unknown} are not in the transition table")
    P = square.to_numpy(float).copy()
    tidx = [states.index(t) for t in targets]
    for k in tidx:
        P[k] = 0.0
        P[k, k] = 1.0
    dist = np.zeros(len(states))
    dist[states.index(start)] = 1.0
    probs = []
    for _ in range(horizon):
        dist = dist @ P
        probs.append(float(dist[tidx].sum()) if tidx else 0.0)
    return pd.DataFrame({"step": range(1, horizon + 1), "prob": probs})


def base_rate_comparison(
    transitions: pd.DataFrame,
    path: pd.DataFrame,
    reform_years: Iterable[int],
    *,
    horizon: int = 2,
    targets: str = "upgrade",
) -> pd.DataFrame:
    """Compare what happened after each reform with what the transition matrix expected.

    Parameters
    ----------
    transitions : DataFrame
        ``from_tier, to_tier, prob`` (see :func:`first_passage`).
    path : DataFrame
        A country's tiers: ``report_year, tier`` (e.g. Kuwait's rows of the tier panel).
    reform_years : iterable of int
        Report year in which each reform is first assessed (see :func:`report_year_of`); the
        baseline tier is the one in the report *before* it, and the horizon counts reports from
        that baseline.
    horizon : int
        Reports ahead (2 = "within two reports").
    targets : {"upgrade", "downgrade"}

    Returns
    -------
    DataFrame
        ``reform_year, baseline_year, baseline_tier, expected_prob, observed, reports_seen,
        note`` where ``observed`` is True/False, or missing when fewer than ``horizon`` later
        reports exist and no target was reached yet.

    Examples
    --------
    >>> tm = pd.DataFrame({"from_tier": ["2", "2", "2WL", "2WL"],
    ...                    "to_tier": ["2", "2WL", "2", "2WL"], "prob": [0.8, 0.2, 0.5, 0.5]})
    >>> path = pd.DataFrame({"report_year": [2020, 2021, 2022], "tier": ["2WL", "2WL", "2"]})
    >>> row = base_rate_comparison(tm, path, [2021]).iloc[0]
    >>> float(row["expected_prob"]), bool(row["observed"])
    (0.75, True)
    """
    _require_columns(path, ["report_year", "tier"], "path")
    order = ["1", "2", "2WL", "3"]
    tiers = path.dropna(subset=["tier"]).assign(tier=lambda d: d["tier"].astype(str))
    by_year = dict(zip(tiers["report_year"].astype(int), tiers["tier"], strict=True))
    rows = []
    for reform in reform_years:
        base_year = int(reform) - 1
        if base_year not in by_year:
            raise ImpactInputError(
                f"no tier for report {base_year}, the baseline of the reform assessed in {reform}")
        base = by_year[base_year]
        expected = float(first_passage(transitions, base, targets, horizon)["prob"].iloc[-1])
        i = order.index(base)
        better = set(order[:i]) if targets == "upgrade" else set(order[i + 1:])
        later = [by_year.get(base_year + s) for s in range(1, horizon + 1)]
        seen = [t for t in later if t is not None]
        hit = any(t in better for t in seen)
        observed: bool | float = hit if (hit or len(seen) == horizon) else np.nan
        note = "" if len(seen) == horizon else f"only {len(seen)} of {horizon} later reports seen"
        rows.append((int(reform), base_year, base, expected, observed, len(seen), note))
    return pd.DataFrame(rows, columns=["reform_year", "baseline_year", "baseline_tier",
                                       "expected_prob", "observed", "reports_seen", "note"])


def __dir__() -> list[str]:
    # Tab completion shows the public API only, not pd, np or helpers.
    return list(__all__)
