"""Markov forecasts of the tier, with and without the Watch List rule.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from tipanalysis.core.tierscale import TIER_DTYPE, TIER_ORDER
from tipanalysis.tiers.transitions import bootstrap_transition_replicates, transition_matrix
from tipanalysis.tiers.watchlist import WATCHLIST_RULES, _rule_index, _str_column, watchlist_status

__all__ = [
    "FORECAST_ASSUMPTIONS",
    "forecast_markov",
    "forecast_summary",
    "forecast_watchlist_chain",
]

#: Tier labels from best to worst; the order of the categorical dtype.


# ---------------------------------------------------------------------------------------------
# Forecasts
# ---------------------------------------------------------------------------------------------

#: What the Markov forecasts assume; shown next to every forecast.
FORECAST_ASSUMPTIONS = (
    "Assumptions of the tier forecast: (1) first-order Markov chain: next year's tier depends "
    "only on this year's tier (and, in the Watch-List chain, on the consecutive Watch List years "
    "and waivers used); (2) time-homogeneous: the transition probabilities estimated from past "
    "reports hold for 2026-2028; (3) pooled: every country shares one transition matrix, so "
    "nothing specific to the country (laws, strategy, resources, diplomacy) enters; (4) policy "
    "changes - a new national strategy, amendments to the TVPA or to State's methodology - are "
    "ignored; (5) pairs are built only from consecutive report years with both placements "
    "known, so years missing from the panel (data gaps) and Special Cases are skipped rather "
    "than modelled, and partial years weight the countries that were sourced; (6) in the "
    "Watch-List chain a waiver is assumed to be granted whenever the statute still allows one "
    "(a stay on the Watch List then has its pooled probability); once no waiver is left the "
    "probability of staying moves to Tier 3 and the other moves keep theirs; (7) intervals "
    "come from resampling countries (percentile bootstrap) and cover estimation noise only, "
    "not model error."
)


def _as_matrix(P: object, states: tuple[str, ...]) -> np.ndarray:
    """A (k, k) float matrix from an array, a wide DataFrame or a long transition table."""
    if isinstance(P, pd.DataFrame) and {"from_tier", "to_tier", "prob"} <= set(P.columns):
        wide = P.pivot_table(index="from_tier", columns="to_tier", values="prob",
                             observed=False, dropna=False, aggfunc="first")
        wide = wide.reindex(index=list(states), columns=list(states))
        mat = wide.to_numpy(dtype=float, copy=True)
    else:
        mat = np.array(P, dtype=float)
    if mat.shape != (len(states), len(states)):
        raise ValueError(f"P must be {len(states)}x{len(states)}, got shape {mat.shape}")
    return mat


def _tier_column(labels: list[str], states: tuple[str, ...]) -> pd.Series | pd.Categorical:
    if tuple(states) == TIER_ORDER:
        return pd.Categorical(labels, dtype=TIER_DTYPE)
    return pd.Series(labels, dtype="str")


def forecast_markov(
    start: str | np.ndarray | list[float],
    P: object,
    horizon: int = 3,
    *,
    states: tuple[str, ...] = TIER_ORDER,
    start_year: int | None = None,
) -> pd.DataFrame:
    """Distribution over tiers ``horizon`` steps ahead of a plain Markov chain.

    Parameters
    ----------
    start : str or array
        The current tier (one of ``states``) or a probability vector over ``states``.
    P : array or DataFrame
        Transition matrix (rows = from, columns = to, ordered as ``states``), or the long output
        of :func:`transition_matrix`.
    horizon : int
        Number of report years ahead.
    states : tuple of str
        State labels; the tiers by default.
    start_year : int, optional
        Report year of ``start``; adds ``report_year`` = start_year + step.

    Returns
    -------
    DataFrame
        Long: ``step``, (``report_year``), ``tier``, ``prob``; the step-``s`` rows are the row
        of ``start`` in ``P`` to the power ``s`` (NaN once the chain can reach a state whose
        row of ``P`` is undefined).

    Examples
    --------
    >>> P = np.array([[0.9, 0.1], [0.5, 0.5]])
    >>> f = forecast_markov("a", P, horizon=2, states=("a", "b"))
    >>> f["prob"].round(4).tolist()
    [0.9, 0.1, 0.86, 0.14]
    """
    mat = _as_matrix(P, states)
    if isinstance(start, str):
        vec = np.zeros(len(states))
        vec[list(states).index(start)] = 1.0
    else:
        vec = np.asarray(start, dtype=float)
    # A row without observations (NaN) only matters if the chain can be in that state.
    undefined = np.isnan(mat).any(axis=1)
    mat = np.nan_to_num(mat)
    rows = []
    for _ in range(horizon):
        vec = np.full_like(vec, np.nan) if (vec[undefined] > 0).any() else vec @ mat
        rows.append(vec.copy())
    out = pd.DataFrame({"step": np.repeat(np.arange(1, horizon + 1), len(states))})
    if start_year is not None:
        out["report_year"] = start_year + out["step"]
    out["tier"] = _tier_column(list(states) * horizon, states)
    out["prob"] = np.concatenate(rows) if rows else np.array([])
    return out


class _WatchListChain:
    """Expanded state space: a tier plus consecutive Watch List years and the (F) flags.

    States: ``("1"|"2"|"3", q)`` with ``q`` = the next Watch List run falls under (F), and
    ``("2WL", k, f)`` with ``k`` consecutive counted Watch List years and ``f`` = this run falls
    under (F).
    """

    def __init__(self, k_max: int):
        self.states: list[tuple] = [(t, q) for t in ("1", "2", "3") for q in (False, True)]
        self.states += [("2WL", k, False) for k in range(1, k_max + 1)] + [("2WL", 1, True)]
        self.index = {s: i for i, s in enumerate(self.states)}
        self.tier = np.array([TIER_ORDER.index(s[0]) for s in self.states])

    def moves(self, rule: pd.Series) -> list[tuple[int, int, int, int]]:
        """(state, destination, from_tier, to_tier) for every base move under ``rule``."""
        free = int(rule["max_consecutive_without_waiver"])
        waivable = int(rule["max_waiver_years"])
        special_f = bool(rule["special_f"])
        out = []
        for a, s in enumerate(self.states):
            i = TIER_ORDER.index(s[0])
            for j, t in enumerate(TIER_ORDER):
                if s[0] != "2WL":
                    q = s[1]
                    dest = ("2WL", 1, q and special_f) if t == "2WL" else (t, q)
                else:
                    _, k, f = s
                    used_waiver = k > free
                    stay_allowed = not f and (k + 1 - free) <= waivable
                    if t == "2WL":
                        dest = ("2WL", k + 1, False) if stay_allowed else ("3", used_waiver)
                    elif t == "3":
                        dest = ("3", used_waiver)
                    else:
                        dest = (t, False)
                out.append((a, self.index[dest], i, j))
        return out

    def matrices(self, P: np.ndarray, rule: pd.Series) -> np.ndarray:
        """Expanded transition matrices for P of shape (B, 4, 4) -> (B, S, S)."""
        T = np.zeros((P.shape[0], len(self.states), len(self.states)))
        for a, b, i, j in self.moves(rule):
            T[:, a, b] += P[:, i, j]
        return T


def _chain_start(history: pd.DataFrame, rules: pd.DataFrame) -> tuple[int, tuple]:
    """(last report year, expanded state) of one country's history."""
    if history["iso3"].nunique() != 1:
        raise ValueError("history must hold the rows of exactly one country")
    status = watchlist_status(history, rules=rules).iloc[-1]
    if pd.isna(status["tier"]):
        raise ValueError(f"the last row ({status['report_year']}) has no tier (Special Case)")
    tier = str(status["tier"])
    if tier == "2WL":
        state: tuple = ("2WL", max(int(status["wl_consecutive"]), 1), bool(status["f_limited"]))
    else:
        state = (tier, bool(status["f_next_run"]))
    return int(status["report_year"]), state


def _future_rules(start_year: int, horizon: int, rules: pd.DataFrame) -> list[pd.Series]:
    years = np.arange(start_year + 1, start_year + horizon + 1)
    idx = _rule_index(years, rules)
    if (idx < 0).any() or rules["max_consecutive_without_waiver"].iloc[idx].isna().any():
        raise ValueError("the rule table has no automatic-downgrade rule for every forecast year")
    return [rules.iloc[j] for j in idx]


def _chain_run(history: pd.DataFrame, P: np.ndarray, horizon: int, rules: pd.DataFrame):
    """Per-step expanded distributions and the two path probabilities, for P of shape (B,4,4)."""
    start_year, state = _chain_start(history, rules)
    future = _future_rules(start_year, horizon, rules)
    k_max = int((rules["max_consecutive_without_waiver"] + rules["max_waiver_years"]).max())
    chain = _WatchListChain(max(k_max, state[1] if state[0] == "2WL" else 1))
    vec = np.zeros((P.shape[0], len(chain.states)))
    vec[:, chain.index[state]] = 1.0
    ok = vec.copy()  # mass that has stayed on Tier 2 or better in every forecast year
    not_hit = vec.copy()  # mass that has not yet reached Tier 1
    hit = np.zeros(P.shape[0])
    good = np.isin(chain.tier, [0, 1])
    tier1 = chain.tier == 0
    marginals = []
    for rule in future:
        T = chain.matrices(P, rule)
        vec = np.einsum("bs,bst->bt", vec, T)
        ok = np.einsum("bs,bst->bt", ok, T) * good
        not_hit = np.einsum("bs,bst->bt", not_hit, T)
        hit += not_hit[:, tier1].sum(axis=1)
        not_hit[:, tier1] = 0.0
        marginals.append(np.stack([vec[:, chain.tier == t].sum(axis=1) for t in range(4)], 1))
    return start_year, np.stack(marginals, axis=1), ok.sum(axis=1), hit


def forecast_watchlist_chain(
    history: pd.DataFrame,
    P: object,
    horizon: int = 3,
    *,
    rules: pd.DataFrame = WATCHLIST_RULES,
) -> pd.DataFrame:
    """Tier distribution for the next reports, respecting the Watch List rule.

    The chain's state is the tier plus, on the Watch List, the consecutive counted Watch List
    years (so the waivers used) and whether subparagraph (F) limits the run. Moves follow the
    pooled matrix ``P`` except that a country that may not stay on the Watch List (no waiver
    left, or an (F)-limited run) has its probability of staying moved to Tier 3; its other moves
    (up to Tier 1 or 2, down to Tier 3) keep their probabilities.

    Parameters
    ----------
    history : DataFrame
        Panel rows of one country (``iso3``, ``report_year``, ``tier``, ``waiver``); the chain
        starts from its last row.
    P : array or DataFrame
        4x4 tier transition matrix or the output of :func:`transition_matrix`.
    horizon : int
        Number of future reports.
    rules : DataFrame
        Rule table (default :data:`WATCHLIST_RULES`).

    Returns
    -------
    DataFrame
        ``step``, ``report_year``, ``tier``, ``prob``.

    Examples
    --------
    >>> h = pd.DataFrame({"iso3": ["X"] * 3, "report_year": [2022, 2023, 2024],
    ...                   "tier": ["2WL"] * 3, "waiver": [False, False, True]})
    >>> P = np.full((4, 4), 0.25)
    >>> f = forecast_watchlist_chain(h, P, horizon=1)
    >>> f["prob"].tolist()  # a 4th Watch List year is impossible after 2019: it goes to Tier 3
    [0.25, 0.25, 0.0, 0.5]
    """
    mat = _as_matrix(P, TIER_ORDER)[None]
    start_year, marginals, _, _ = _chain_run(history, mat, horizon, rules)
    out = pd.DataFrame({"step": np.repeat(np.arange(1, horizon + 1), 4)})
    out["report_year"] = start_year + out["step"]
    out["tier"] = pd.Categorical(list(TIER_ORDER) * horizon, dtype=TIER_DTYPE)
    out["prob"] = marginals[0].reshape(-1)
    return out


def forecast_summary(
    history: pd.DataFrame,
    panel: pd.DataFrame,
    *,
    horizon: int = 3,
    n_boot: int = 2000,
    seed: int = 0,
    years: list[int] | range | None = None,
    countries: list[str] | None = None,
    rules: pd.DataFrame = WATCHLIST_RULES,
    level: float = 0.95,
    chain: str = "duration",
    shrinkage: float | None = None,
) -> pd.DataFrame:
    """Headline forecast probabilities with bootstrap intervals.

    ``chain="duration"`` (default) delegates to :func:`tipanalysis.tiers.wlchain.forecast_summary`:
    Watch List states with duration and waivers, rows estimated state by state (``shrinkage``
    pseudo-count, default :data:`tipanalysis.tiers.wlchain.DEFAULT_SHRINKAGE`), and with
    ``years`` None the estimation window chosen by the backtest
    (:func:`tipanalysis.tiers.wlchain.default_years`: 2009 onward). ``chain="markov"`` is the
    earlier chain described below (one duration-free Watch List row, all report years by
    default).

    The transition matrix is estimated from ``panel`` (optionally restricted to ``years`` and
    ``countries``) and the Watch-List chain (:func:`forecast_watchlist_chain`) is run from the
    last row of ``history``. Each bootstrap replicate of the matrix (countries resampled) is
    pushed through the chain, so the intervals carry the estimation uncertainty of ``P``.
    Replicate rows with no pair are filled with the pooled estimate.

    Returns
    -------
    DataFrame
        One row per measure: ``p_tier2_or_better_every_report`` (Tier 1 or 2 in every report
        from start + 1 to start + horizon), ``p_reach_tier1`` (Tier 1 in at least one of them)
        and ``p_tier{1,2,2WL,3}_final`` (distribution in the last report); columns ``measure``,
        ``first_year``, ``last_year``, ``estimate``, ``ci_low``, ``ci_high``, ``n_boot``,
        ``note``. ``DataFrame.attrs["assumptions"]`` holds :data:`FORECAST_ASSUMPTIONS`.

    Examples
    --------
    >>> p = pd.DataFrame({"iso3": ["A"] * 3 + ["B"] * 3, "report_year": [2023, 2024, 2025] * 2,
    ...                   "tier": ["2", "2", "1", "2", "2", "2"]})
    >>> s = forecast_summary(p[p.iso3 == "B"], p, horizon=1, n_boot=50, chain="markov")
    >>> s.set_index("measure").loc["p_reach_tier1", "estimate"]
    np.float64(0.25)
    """
    if chain == "duration":
        from tipanalysis.tiers import wlchain  # wlchain builds on this module's chain helpers

        return wlchain.forecast_summary(
            history, panel, horizon=horizon, n_boot=n_boot, seed=seed,
            years=wlchain.default_years(panel) if years is None else years,
            countries=countries, rules=rules, level=level,
            shrinkage=wlchain.DEFAULT_SHRINKAGE if shrinkage is None else shrinkage)
    if chain != "markov":
        raise ValueError(f"chain must be 'duration' or 'markov', got {chain!r}")
    point = _as_matrix(transition_matrix(panel, years=years, countries=countries), TIER_ORDER)
    reps = bootstrap_transition_replicates(panel, n_boot, seed, years=years, countries=countries)
    reps = np.where(np.isnan(reps), point[None], reps)
    # A tier nobody left in the data has no row: treat it as absorbing and say so.
    empty = np.isnan(point).any(axis=1)
    point[empty] = np.eye(4)[empty]
    reps[:, empty] = np.eye(4)[empty]
    mats = np.concatenate([point[None], reps])
    start_year, marginals, ok, hit = _chain_run(history, mats, horizon, rules)
    measures = {
        "p_tier2_or_better_every_report": ok,
        "p_reach_tier1": hit,
        **{f"p_tier{t}_final": marginals[:, -1, j] for j, t in enumerate(TIER_ORDER)},
    }
    alpha = (1.0 - level) / 2.0
    rows = [
        (name, start_year + 1, start_year + horizon, v[0], np.quantile(v[1:], alpha),
         np.quantile(v[1:], 1 - alpha), n_boot)
        for name, v in measures.items()
    ]
    out = pd.DataFrame(rows, columns=["measure", "first_year", "last_year", "estimate",
                                      "ci_low", "ci_high", "n_boot"])
    out["measure"] = out["measure"].astype("str")
    note = "Markov chain with Watch List rule; see attrs['assumptions']"
    if empty.any():
        absorbing = ", ".join(np.array(TIER_ORDER)[empty])
        note += f"; no observed move from tier(s) {absorbing}: treated as absorbing"
    out["note"] = _str_column([note] * len(out))
    out.attrs["assumptions"] = FORECAST_ASSUMPTIONS
    return out


def __dir__() -> list[str]:
    # Tab completion shows the public API only, not pd, np or helpers.
    return list(__all__)
