"""Rolling-origin backtest of the tier forecasts, scored against simple baselines.

For every origin ``Y`` (default 2012 to the last report year minus one) each method is fitted
on the reports of its estimation window up to ``Y`` only (pairs ``(y, y + 1)`` with both years
in ``[first_year, Y]``), and forecasts every country ranked in ``Y`` for ``Y + 1 .. Y + 3``. The
forecasts are scored against the placements that followed.

Methods
-------
``persistence``
    "Same tier as now", made probabilistic: the tier stays with probability ``s_h``, the share
    of training country-years whose tier ``h`` reports later was the same (a window too short
    for pairs ``h`` apart uses ``s_{h-1}``); the rest is spread evenly over the other three
    tiers. For the path event the probability is the training share
    of the event among country-years that started on Tier 1/2 (resp. Watch List/Tier 3).
``first_order``
    The plain first-order Markov chain (``P ** h``), no Watch List rule.
``wl_chain``
    The chain the workspace published before issue 14 (:func:`tipanalysis.tiers.
    forecast.forecast_watchlist_chain`): one duration-free Watch List row; with no waiver left, the
    probability of staying is moved to Tier 3.
``duration_chain``
    :mod:`tipanalysis.tiers.wlchain`: Watch List states with duration and waivers, rows estimated
    state by state.
``ordered_logit``
    :func:`tipanalysis.ordered_logit` (previous tier, region, period), one step ahead only.

Scores (per method, window and horizon): ``log_score`` = mean natural log of the probability
given to what happened (higher is better; probabilities are floored at :data:`SCORE_FLOOR` and
renormalised so that a zero does not give minus infinity; ``n_floored`` counts the forecasts
that needed it), ``brier`` = mean over forecasts of the sum over the four tiers of
(p - outcome)^2 (lower is better), ``accuracy`` = share whose most likely tier happened.
:func:`reliability` gives calibration (reliability-curve) tables.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np
import pandas as pd

from tipanalysis.core.tierscale import TIER_DTYPE, TIER_ORDER
from tipanalysis.tiers import wlchain
from tipanalysis.tiers.forecast import _as_matrix, _future_rules, _WatchListChain
from tipanalysis.tiers.ordinal import ordered_logit
from tipanalysis.tiers.transitions import transition_matrix
from tipanalysis.tiers.watchlist import WATCHLIST_RULES, watchlist_status

__all__ = [
    "BACKTEST_METHODS",
    "BACKTEST_WINDOWS",
    "SCORE_FLOOR",
    "backtest",
    "choose_window",
    "reliability",
    "scores",
    "verdict",
    "window_sensitivity",
]

#: Estimation windows compared (label -> first report year; the last is the origin).
BACKTEST_WINDOWS: dict[str, int] = {"2001-": 2001, "2009-": 2009, "2019-": 2019}
#: Methods scored by :func:`backtest`.
BACKTEST_METHODS: tuple[str, ...] = ("persistence", "first_order", "wl_chain", "duration_chain",
                            "ordered_logit")
#: Probability floor for the log score.
SCORE_FLOOR = 1e-3
_P = [f"p_{t}" for t in TIER_ORDER]


def _start_states(status: pd.DataFrame, year: int) -> pd.DataFrame:
    """Chain start state of every country ranked in ``year`` (from watchlist_status rows)."""
    s = status[(status["report_year"] == year) & status["tier"].notna()]
    states = []
    for tier, k, f, q in zip(s["tier"].astype(str), s["wl_consecutive"], s["f_limited"],
                             s["f_next_run"], strict=True):
        states.append(("2WL", max(int(k), 1), bool(f)) if tier == "2WL" else (tier, bool(q)))
    return pd.DataFrame({"iso3": s["iso3"].to_numpy(), "tier": s["tier"].astype(str).to_numpy(),
                         "state": states})


def _old_chain(state: tuple, P: np.ndarray, start_year: int, horizon: int,
               rules: pd.DataFrame) -> tuple[np.ndarray, float]:
    """Marginals (horizon, 4) and P(Tier 1/2 every year) of the published chain."""
    future = _future_rules(start_year, horizon, rules)
    k_max = int((rules["max_consecutive_without_waiver"] + rules["max_waiver_years"]).max())
    chain = _WatchListChain(max(k_max, state[1] if state[0] == "2WL" else 1))
    vec = np.zeros((1, len(chain.states)))
    vec[0, chain.index[state]] = 1.0
    ok = vec.copy()
    good = np.isin(chain.tier, [0, 1])
    out = []
    for rule in future:
        T = chain.matrices(P[None], rule)
        vec = np.einsum("bs,bst->bt", vec, T)
        ok = np.einsum("bs,bst->bt", ok, T) * good
        out.append([vec[0, chain.tier == t].sum() for t in range(4)])
    return np.array(out), float(ok.sum())


def _first_order(P: np.ndarray, tier: str, horizon: int) -> tuple[np.ndarray, float]:
    vec = np.eye(4)[TIER_ORDER.index(tier)]
    ok = vec * np.isin(np.arange(4), [0, 1])
    out = []
    for _ in range(horizon):
        vec = vec @ P
        ok = (ok @ P) * np.isin(np.arange(4), [0, 1])
        out.append(vec)
    return np.array(out), float(ok.sum())


def _point_matrix(panel: pd.DataFrame, years: range) -> np.ndarray:
    P = _as_matrix(transition_matrix(panel, years=years), TIER_ORDER)
    empty = np.isnan(P).any(axis=1)
    P[empty] = np.eye(4)[empty]  # as forecast_summary: a tier never left is absorbing
    return P


def _persistence_params(codes: pd.DataFrame, first: int, origin: int, horizon: int
                        ) -> tuple[np.ndarray, float, float]:
    """Stay shares s_h (h = 1..horizon) and path-event shares from good / bad starts."""
    s = np.full(horizon, np.nan)
    for h in range(1, horizon + 1):
        a = codes.loc[:, first:origin - h]
        b = codes.loc[:, first + h:origin]
        if a.shape[1] == 0:
            continue
        av, bv = a.to_numpy(), b.to_numpy()
        both = ~np.isnan(av) & ~np.isnan(bv)
        if both.sum():
            s[h - 1] = float((av[both] == bv[both]).mean())
    for h in range(1, horizon):  # no pair h reports apart in a short window: use h - 1
        if np.isnan(s[h]):
            s[h] = s[h - 1]
    good_bad = []
    starts = codes.loc[:, first:origin - horizon]
    if starts.shape[1]:
        st = starts.to_numpy()
        fut = [codes.loc[:, first + h:origin - horizon + h].to_numpy()
               for h in range(1, horizon + 1)]
        seen = ~np.isnan(st) & np.all([~np.isnan(f) for f in fut], axis=0)
        event = np.all([f <= 1 for f in fut], axis=0)
        for grp in (st <= 1, st >= 2):
            m = seen & grp
            good_bad.append(float(event[m].mean()) if m.sum() else np.nan)
    else:
        good_bad = [np.nan, np.nan]
    return s, good_bad[0], good_bad[1]


def _logit_one_step(panel: pd.DataFrame, first: int, origin: int, regions: Mapping[str, str],
                    start: pd.DataFrame) -> np.ndarray:
    """Ordered-logit probabilities for origin + 1 of the countries in ``start``."""
    import warnings

    fit_panel = panel[panel["report_year"].between(first, origin)]
    with warnings.catch_warnings():
        # Only the point estimates are used here; a singular Hessian (no standard errors) on a
        # short window does not matter.
        warnings.simplefilter("ignore")
        res = ordered_logit(fit_panel, regions=regions)
    cols = list(res.columns)
    periods = [p for p in res.periods if p[1] <= origin]
    target = next((p[0] for p in res.periods if p[1] <= origin + 1 <= p[2]), None)
    seen = {c[len("period["):-1] for c in cols if c.startswith("period[")}
    seen.add(res.references.get("period", ""))
    if target not in seen:  # a period the model has not seen: use the latest it has seen
        target = [p[0] for p in periods if p[0] in seen][-1]
    X = np.zeros((len(start), len(cols)))
    for i, (iso, tier) in enumerate(zip(start["iso3"], start["tier"], strict=True)):
        for name in (f"prev_tier[{tier}]", f"region[{regions.get(iso)}]", f"period[{target}]"):
            if name in cols:
                X[i, cols.index(name)] = 1.0
    known = np.array([iso in regions for iso in start["iso3"]])
    probs = np.asarray(res.fit.model.predict(res.fit.params, exog=X))
    probs[~known] = np.nan
    return probs


def backtest(
    panel: pd.DataFrame,
    *,
    origins: Sequence[int] | None = None,
    horizon: int = 3,
    windows: Mapping[str, int] | None = None,
    methods: Sequence[str] = BACKTEST_METHODS,
    regions: Mapping[str, str] | None = None,
    shrinkage: float = wlchain.DEFAULT_SHRINKAGE,
    rules: pd.DataFrame = WATCHLIST_RULES,
) -> pd.DataFrame:
    """Rolling-origin forecasts of every method for every country, origin, window and horizon.

    Parameters
    ----------
    panel : DataFrame
        Tidy tier panel.
    origins : sequence of int, optional
        Origins ``Y`` (default: 2012 to the last report year minus one).
    horizon : int
        Steps ahead (default 3).
    windows : mapping, optional
        Label -> first report year of the estimation window (default
        :data:`BACKTEST_WINDOWS`). A window is used at origin ``Y`` only if it holds at least
        two reports before ``Y``.
    methods : sequence of str
        Subset of :data:`BACKTEST_METHODS`; ``ordered_logit`` needs ``regions``.
    regions : mapping, optional
        iso3 -> region, for the ordered logit.

    Returns
    -------
    DataFrame
        One row per (method, window, origin, iso3, horizon): ``start_tier``, ``observed``
        (the placement in origin + horizon; missing if not ranked or not yet published),
        ``p_1``, ``p_2``, ``p_2WL``, ``p_3``, ``p_event`` (Tier 1/2 in every report from origin
        + 1 to origin + horizon, on the ``horizon`` row only) and ``event`` (what happened).
    """
    windows = dict(BACKTEST_WINDOWS if windows is None else windows)
    last = int(panel["report_year"].max())
    origins = list(range(2012, last)) if origins is None else list(origins)
    if "ordered_logit" in methods and regions is None:
        raise ValueError("the ordered_logit method needs regions (iso3 -> region)")
    status = watchlist_status(panel, rules=rules)
    table = wlchain.state_table(panel, rules=rules)
    ranked = status[status["tier"].notna()]
    codes = ranked.pivot(index="iso3", columns="report_year",
                         values="tier").apply(lambda c: c.cat.codes).astype(float)
    codes = codes.reindex(columns=range(int(panel["report_year"].min()), last + 1))
    codes = codes.where(codes >= 0)
    frames = []
    for origin in origins:
        start = _start_states(status, origin)
        if start.empty:
            continue
        obs = np.full((len(start), horizon), np.nan)
        for h in range(1, horizon + 1):
            if origin + h in codes.columns:
                obs[:, h - 1] = codes.reindex(start["iso3"])[origin + h].to_numpy()
        event = np.where(np.isnan(obs).any(axis=1), np.nan, np.all(obs <= 1, axis=1))
        for wname, first in windows.items():
            if origin - first < 2:
                continue
            years = range(first, origin + 1)
            fc: dict[str, tuple[np.ndarray, np.ndarray]] = {}
            if {"first_order", "wl_chain"} & set(methods):
                P = _point_matrix(panel, years)
            if "persistence" in methods:
                s, good, bad = _persistence_params(codes, first, origin, horizon)
                m = np.zeros((len(start), horizon, 4))
                ev = np.zeros(len(start))
                for i, t in enumerate(start["tier"]):
                    j = TIER_ORDER.index(t)
                    m[i] = ((1 - s) / 3)[:, None]
                    m[i, :, j] = s
                    ev[i] = good if j <= 1 else bad
                fc["persistence"] = (m, ev)
            if "first_order" in methods:
                res = [_first_order(P, t, horizon) for t in start["tier"]]
                fc["first_order"] = (np.stack([r[0] for r in res]),
                                     np.array([r[1] for r in res]))
            if "wl_chain" in methods:
                cache = {st: _old_chain(st, P, origin, horizon, rules)
                         for st in set(start["state"])}
                fc["wl_chain"] = (np.stack([cache[st][0] for st in start["state"]]),
                                  np.array([cache[st][1] for st in start["state"]]))
            if "duration_chain" in methods:
                _, counts, wl_any = wlchain.country_key_counts(panel, years=years,
                                                                rules=rules, table=table)
                rows, _ = wlchain.rows_from_counts(counts.sum(axis=0)[None],
                                                    wl_any.sum(axis=0)[None], shrinkage)
                cache = {}
                for st in set(start["state"]):
                    _, marg, ok, _ = wlchain.run_state(origin, st, rows, horizon, rules)
                    cache[st] = (marg[0], float(ok[0]))
                fc["duration_chain"] = (np.stack([cache[st][0] for st in start["state"]]),
                                        np.array([cache[st][1] for st in start["state"]]))
            if "ordered_logit" in methods:
                m = np.full((len(start), horizon, 4), np.nan)
                m[:, 0] = _logit_one_step(panel, first, origin, regions, start)
                fc["ordered_logit"] = (m, np.full(len(start), np.nan))
            for method, (m, ev) in fc.items():
                for h in range(1, horizon + 1):
                    f = pd.DataFrame({"method": method, "window": wname, "origin": origin,
                                      "iso3": start["iso3"].to_numpy(), "horizon": h,
                                      "start_tier": start["tier"].to_numpy()})
                    f["observed"] = pd.Categorical.from_codes(
                        np.nan_to_num(obs[:, h - 1], nan=-1).astype(int),
                        dtype=TIER_DTYPE)
                    for j, c in enumerate(_P):
                        f[c] = m[:, h - 1, j]
                    f["p_event"] = ev if h == horizon else np.nan
                    f["event"] = event if h == horizon else np.nan
                    frames.append(f)
    out = pd.concat(frames, ignore_index=True)
    out = out.astype({"method": "str", "window": "str", "iso3": "str", "start_tier": "str"})
    out.attrs.update(horizon=horizon, shrinkage=shrinkage, floor=SCORE_FLOOR)
    return out


def _scored(forecasts: pd.DataFrame) -> pd.DataFrame:
    f = forecasts[forecasts["observed"].notna() & forecasts[_P].notna().all(axis=1)].copy()
    P = f[_P].to_numpy(float)
    y = f["observed"].cat.codes.to_numpy()
    onehot = np.eye(4)[y]
    raw = P[np.arange(len(y)), y]
    Pf = np.maximum(P, SCORE_FLOOR)
    Pf = Pf / Pf.sum(axis=1, keepdims=True)
    f["log_p"] = np.log(Pf[np.arange(len(y)), y])
    f["floored"] = raw < SCORE_FLOOR
    f["brier"] = ((P - onehot) ** 2).sum(axis=1)
    f["hit"] = P.argmax(axis=1) == y
    return f


def scores(forecasts: pd.DataFrame, *, by: Sequence[str] = ("method", "window", "horizon"),
           origins: Sequence[int] | None = None) -> pd.DataFrame:
    """Log score, Brier score and accuracy of each method (tier distributions and path event).

    Parameters
    ----------
    forecasts : DataFrame
        Output of :func:`backtest`.
    by : columns to group by.
    origins : only these origins (e.g. the ones every window covers).

    Returns
    -------
    DataFrame
        ``by`` columns, ``n``, ``log_score``, ``brier``, ``accuracy``, ``n_floored`` for the
        tier distribution at each horizon, and ``n_event``, ``event_log_score``,
        ``event_brier`` for the path event (Tier 1/2 in every report to origin + horizon).
    """
    f = forecasts if origins is None else forecasts[forecasts["origin"].isin(list(origins))]
    s = _scored(f)
    out = s.groupby(list(by), sort=False).agg(
        n=("log_p", "size"), log_score=("log_p", "mean"), brier=("brier", "mean"),
        accuracy=("hit", "mean"), n_floored=("floored", "sum")).reset_index()
    e = f[f["event"].notna() & f["p_event"].notna()].copy()
    p = np.clip(e["p_event"].to_numpy(float), SCORE_FLOOR, 1 - SCORE_FLOOR)
    o = e["event"].to_numpy(float)
    e["e_log"] = np.where(o == 1, np.log(p), np.log(1 - p))
    e["e_brier"] = (e["p_event"].to_numpy(float) - o) ** 2
    if len(e):
        ev = e.groupby(list(by), sort=False).agg(
            n_event=("e_log", "size"), event_log_score=("e_log", "mean"),
            event_brier=("e_brier", "mean")).reset_index()
        out = out.merge(ev, on=list(by), how="left")
    else:
        out = out.assign(n_event=0, event_log_score=np.nan, event_brier=np.nan)
    return out


def reliability(forecasts: pd.DataFrame, *, bins: int = 10,
                by: Sequence[str] = ("method", "window", "horizon")) -> pd.DataFrame:
    """Reliability-curve table: forecast probabilities of every tier (one-vs-rest), binned.

    Returns
    -------
    DataFrame
        ``by`` columns, ``bin``, ``mean_forecast``, ``observed_share``, ``n`` (tier-forecasts in
        the bin). A calibrated method has ``observed_share`` close to ``mean_forecast``.
    """
    s = _scored(forecasts)
    P = s[_P].to_numpy(float)
    onehot = np.eye(4)[s["observed"].cat.codes.to_numpy()]
    long = pd.concat([s[list(by)]] * 4, ignore_index=True)
    long["p"] = P.T.reshape(-1)
    long["o"] = onehot.T.reshape(-1)
    long["bin"] = np.minimum((long["p"] * bins).astype(int), bins - 1)
    return long.groupby([*by, "bin"], sort=True).agg(
        mean_forecast=("p", "mean"), observed_share=("o", "mean"), n=("p", "size")).reset_index()


def choose_window(forecasts: pd.DataFrame, *, method: str = "duration_chain",
                  horizon: int = 1) -> pd.DataFrame:
    """Compare the windows of one method on the origins every window covers (log score).

    Returns
    -------
    DataFrame
        One row per window: ``window``, ``n``, ``log_score``, ``brier``, ``origins``
        (first-last), ``best`` (the highest log score).
    """
    f = forecasts[(forecasts["method"] == method) & (forecasts["horizon"] == horizon)
                  & forecasts["observed"].notna()]
    common = set.intersection(*[set(g["origin"]) for _, g in f.groupby("window")])
    s = scores(f[f["origin"].isin(common)], by=("window",))
    s["origins"] = f"{min(common)}-{max(common)}"
    s["best"] = s["log_score"] == s["log_score"].max()
    return s[["window", "n", "log_score", "brier", "origins", "best"]]


def verdict(score_table: pd.DataFrame, *, window: str, method: str = "duration_chain"
            ) -> pd.DataFrame:
    """Does ``method`` beat persistence and the plain first-order chain on the log score?

    Returns
    -------
    DataFrame
        One row per horizon: ``horizon``, the log scores of the method and both baselines,
        ``beats_persistence``, ``beats_first_order``, ``sentence`` (English, quotable).
    """
    s = score_table[score_table["window"] == window].set_index(["method", "horizon"])
    rows = []
    for h in sorted(s.index.get_level_values("horizon").unique()):
        if (method, h) not in s.index:
            continue
        m, per = s.loc[(method, h), "log_score"], s.loc[("persistence", h), "log_score"]
        fo = s.loc[("first_order", h), "log_score"]
        sentence = (f"{h} report(s) ahead, the {method.replace('_', ' ')} "
                    f"{'beats' if m > per else 'does NOT beat'} persistence on the log score "
                    f"({m:.3f} vs {per:.3f}) and "
                    f"{'beats' if m > fo else 'does not beat'} the plain first-order chain "
                    f"({fo:.3f}); n = {int(s.loc[(method, h), 'n'])}.")
        rows.append((h, m, per, fo, m > per, m > fo, sentence))
    return pd.DataFrame(rows, columns=["horizon", "log_score", "log_score_persistence",
                                       "log_score_first_order", "beats_persistence",
                                       "beats_first_order", "sentence"])


def window_sensitivity(
    history: pd.DataFrame,
    panel: pd.DataFrame,
    *,
    windows: Mapping[str, int] | None = None,
    horizon: int = 3,
    n_boot: int = 2000,
    seed: int = 0,
    shrinkage: float = wlchain.DEFAULT_SHRINKAGE,
    rules: pd.DataFrame = WATCHLIST_RULES,
) -> pd.DataFrame:
    """Headline forecast probabilities estimated on each window, side by side.

    Returns
    -------
    DataFrame
        One row per (measure, window): ``measure``, ``window``, ``first_year``, ``last_year``
        (of the estimation window), ``estimate``, ``ci_low``, ``ci_high``.
    """
    windows = dict(BACKTEST_WINDOWS if windows is None else windows)
    last = int(panel["report_year"].max())
    frames = []
    for name, first in windows.items():
        s = wlchain.forecast_summary(history, panel, horizon=horizon, n_boot=n_boot, seed=seed,
                                     years=range(first, last + 1), shrinkage=shrinkage,
                                     rules=rules)
        frames.append(pd.DataFrame({"measure": s["measure"], "window": name,
                                    "first_year": first, "last_year": last,
                                    "estimate": s["estimate"], "ci_low": s["ci_low"],
                                    "ci_high": s["ci_high"]}))
    out = pd.concat(frames, ignore_index=True).astype({"measure": "str", "window": "str"})
    out.attrs["forecast_years"] = (last + 1, last + horizon)
    return out


def __dir__() -> list[str]:
    # Tab completion shows the public API only, not pd, np or helpers.
    return list(__all__)
