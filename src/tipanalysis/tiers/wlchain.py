"""A Watch List chain whose states carry duration and waiver status, estimated state by state.

The plain chain (:func:`tipanalysis.tiers.forecast.forecast_watchlist_chain`) uses one
duration-free Watch List row and, once no waiver is left, moves the whole "stay on the Watch
List" probability to Tier 3. History does not support that: of the 99 country-years with no
waiver left and a next placement (data of the forecast branch), 33 went to Tier 3 and 66 to
Tier 2. This chain estimates the moves out of each Watch
List state from the country-years that were in that state.

States
------
Off the Watch List: ``(tier, q)`` with ``tier`` in 1, 2, 3 and ``q`` = the next Watch List run
falls under subparagraph (F). On the Watch List: ``("2WL", k, f)`` with ``k`` consecutive counted
Watch List years and ``f`` = this run falls under (F). Under the rule of the next report, a Watch
List state is in one of three *classes*:

- ``free``: the next report may keep it on the Watch List without a waiver (``k`` below the
  waiver-free limit);
- ``waiver``: the automatic downgrade applies next year but a waiver is still available;
- ``binding``: the automatic downgrade applies and no waiver is left (or (F) limits the run):
  the next report must place it on Tier 1, 2 or 3.

The waivers used are ``max(k - 2, 0)``; the class follows from ``k``, (F) and the rule table
(:data:`tipanalysis.tiers.WATCHLIST_RULES`), exactly as :func:`tipanalysis.tiers.watchlist_status`
classifies the observed country-years.

Estimation and shrinkage
------------------------
Each observed country-year on the Watch List with a ranked placement the next year is assigned
its state key ``(class, k, f)`` from :func:`tipanalysis.tiers.watchlist_status`. Then, with a
pseudo-count ``shrinkage`` (lambda, default 5 country-years):

- class row = (counts of the class + lambda * parent) / (n_class + lambda), where the parent is
  the pooled row of all *counted* Watch List years (for ``binding``: that row conditional on
  leaving the Watch List, since staying is impossible there);
- state row = (counts of the state + lambda * class row) / (n_state + lambda).

With ``shrinkage=0`` the rows are the raw shares of the country-years in each state (a state
with no observation takes its class row). Watch List years before the 2009 report (no automatic
downgrade, ``wl_consecutive`` 0) belong to no state of the forecast chain and are not used for
the Watch List rows. Tier 1, 2 and 3 rows are the plain first-order rows. No probability is moved
by assumption: a binding state's row contains no "stay" mass because no country-year in that
state stayed (the rule engine flags any that would).

Only numpy and pandas are used.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from tipanalysis.core.tierscale import TIER_DTYPE, TIER_ORDER
from tipanalysis.tiers.forecast import _chain_start, _future_rules
from tipanalysis.tiers.watchlist import WATCHLIST_RULES, _str_column, watchlist_status

__all__ = [
    "CLASSES",
    "DEFAULT_FIRST_YEAR",
    "DEFAULT_SHRINKAGE",
    "DURATION_ASSUMPTIONS",
    "country_key_counts",
    "default_years",
    "forecast_duration_chain",
    "forecast_summary",
    "rows_from_counts",
    "run_state",
    "state_rows",
    "state_table",
]

#: Classes of Watch List states (see the module docstring).
CLASSES: tuple[str, ...] = ("free", "waiver", "binding")
#: Default pseudo-count of the shrinkage of sparse states towards their class.
DEFAULT_SHRINKAGE = 5.0
#: First report year of the default estimation window. Chosen by the rolling-origin backtest
#: (``tipanalysis.tiers.backtest.choose_window``, ``make backtest``): on the origins every window
#: covers (2021-2024), the 2009-onward window has the best log score one and three reports
#: ahead, ahead of 2001-2025 and 2019 onward. 2009 is also the first report of the automatic
#: downgrade.
DEFAULT_FIRST_YEAR = 2009
_K_MAX = 4  # at most 2 waiver-free + 2 waiver years (2009-2018 rule)
_WL, _T3 = TIER_ORDER.index("2WL"), TIER_ORDER.index("3")

#: What the duration-aware chain assumes; shown next to every forecast that uses it.
DURATION_ASSUMPTIONS = (
    "Assumptions of the tier forecast: (1) Markov chain on an expanded state: the tier and, on "
    "the Watch List, the consecutive counted Watch List years, the waivers used and whether "
    "subparagraph (F) limits the run; (2) time-homogeneous: the transition probabilities "
    "estimated from the reports of the estimation window hold for the forecast years; (3) "
    "pooled: every country shares the same rows, so nothing specific to the country (laws, "
    "strategy, resources, diplomacy) enters; (4) policy changes - a new national strategy, "
    "amendments to the TVPA or to State's methodology - are ignored; (5) pairs are built only "
    "from consecutive report years with both placements known (data gaps and Special Cases are "
    "skipped, not modelled); (6) the moves out of each Watch List state (first year; downgrade "
    "due but waiver available; no waiver left) are estimated from the country-years that were "
    "in that state, shrunk towards their class with a stated pseudo-count; no probability is "
    "moved by assumption; (7) intervals come from resampling countries (percentile bootstrap) "
    "and cover estimation noise only, not model error; (8) the estimation window matters: see "
    "the window-sensitivity table."
)


# ---------------------------------------------------------------------------------------------
# State keys
# ---------------------------------------------------------------------------------------------
# Keys: 0..2 = tiers 1, 2, 3 (off the Watch List); then one key per (class, k, f).
_WL_KEYS = [(c, k, f) for c in CLASSES for k in range(1, _K_MAX + 1) for f in (False, True)]
N_KEYS = 3 + len(_WL_KEYS)
_KEY_INDEX = {key: 3 + i for i, key in enumerate(_WL_KEYS)}


def _key_label(i: int) -> str:
    if i < 3:
        return ("1", "2", "3")[i]
    c, k, f = _WL_KEYS[i - 3]
    return f"2WL:{c}:k{k}" + (":F" if f else "")


def _wl_class(k: int, f: bool, rule: pd.Series) -> str:
    """Class of the Watch List state (k, f) when the next report falls under ``rule``."""
    free, waivable = int(rule["max_consecutive_without_waiver"]), int(rule["max_waiver_years"])
    if f:
        return "binding"
    if k < free:
        return "free"
    return "waiver" if waivable - max(k - free, 0) > 0 else "binding"


def state_table(panel: pd.DataFrame, *, rules: pd.DataFrame = WATCHLIST_RULES) -> pd.DataFrame:
    """Every country-year with its chain state and the next year's placement.

    Returns
    -------
    DataFrame
        ``iso3``, ``report_year``, ``tier``, ``wl_class`` (``free``/``waiver``/``binding`` on a
        counted Watch List year, ``uncounted`` on a Watch List year before the 2009 report,
        missing off the Watch List), ``wl_consecutive``, ``f_limited``, ``key`` (state label,
        e.g. ``2WL:binding:k3``; missing for Special Cases and uncounted years), ``next_tier``
        (the placement in ``report_year + 1``, missing if that row is absent or a Special Case).

    Examples
    --------
    >>> p = pd.DataFrame({"iso3": ["X"] * 4, "report_year": [2021, 2022, 2023, 2024],
    ...                   "tier": ["2WL", "2WL", "2WL", "2"]})
    >>> s = state_table(p)
    >>> s["key"].tolist(), s["next_tier"].astype(str).tolist()[:3]
    (['2WL:free:k1', '2WL:waiver:k2', '2WL:binding:k3', '2'], ['2WL', '2WL', '2'])
    """
    s = watchlist_status(panel, rules=rules).reset_index(drop=True)
    tier = s["tier"].astype("object")
    cls = pd.Series(None, index=s.index, dtype="object")
    on = tier.eq("2WL").fillna(False).to_numpy(bool)
    counted = on & (s["wl_consecutive"].to_numpy() > 0)
    cls[on & ~counted] = "uncounted"
    down = s["auto_downgrade_next"].to_numpy(bool)
    left = s["waivers_remaining"].to_numpy(float)
    cls[counted & ~down] = "free"
    cls[counted & down & (left > 0)] = "waiver"
    cls[counted & down & ~(left > 0)] = "binding"
    keys = []
    for t, c, k, f in zip(tier, cls, s["wl_consecutive"], s["f_limited"], strict=True):
        if pd.isna(t):
            keys.append(None)
        elif t != "2WL":
            keys.append(t)
        elif c == "uncounted":
            keys.append(None)
        else:
            keys.append(_key_label(_KEY_INDEX[(c, min(int(k), _K_MAX), bool(f))]))
    nxt = s.groupby("iso3", sort=False)["tier"].shift(-1)
    gap = s.groupby("iso3", sort=False)["report_year"].shift(-1) != s["report_year"] + 1
    nxt = nxt.where(~gap)
    out = s[["iso3", "report_year", "tier"]].copy()
    out["wl_class"] = _str_column(list(cls))
    out["wl_consecutive"] = s["wl_consecutive"]
    out["f_limited"] = s["f_limited"]
    out["key"] = _str_column(keys)
    out["next_tier"] = pd.Categorical(nxt.astype("object"), dtype=TIER_DTYPE)
    return out


_LABEL_INDEX = {_key_label(i): i for i in range(N_KEYS)}


def country_key_counts(
    panel: pd.DataFrame,
    *,
    years: list[int] | range | None = None,
    countries: list[str] | None = None,
    rules: pd.DataFrame = WATCHLIST_RULES,
    table: pd.DataFrame | None = None,
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Per-country counts (n_countries, N_KEYS, 4) of moves out of each state.

    Also returns the first-order counts out of the Watch List (all Watch List years, counted or
    not) as a fallback, shape (n_countries, 4). A pair counts when both years are in ``years``.
    """
    tab = state_table(panel, rules=rules) if table is None else table
    if countries is not None:
        tab = tab[tab["iso3"].isin(list(countries))]
    if years is not None:
        ys = set(years)
        tab = tab[tab["report_year"].isin(ys) & (tab["report_year"] + 1).isin(ys)]
    iso_all, iso_idx = np.unique(tab["iso3"].to_numpy(dtype=object).astype(str),
                                 return_inverse=True)
    to = tab["next_tier"].cat.codes.to_numpy()
    frm = tab["tier"].cat.codes.to_numpy()
    keys = tab["key"].map(_LABEL_INDEX).to_numpy(dtype=float)
    ok = (to >= 0) & ~np.isnan(keys)
    counts = np.zeros((len(iso_all), N_KEYS, 4))
    np.add.at(counts, (iso_idx[ok], keys[ok].astype(int), to[ok]), 1.0)
    wl = (to >= 0) & (frm == _WL)
    wl_any = np.zeros((len(iso_all), 4))
    np.add.at(wl_any, (iso_idx[wl], to[wl]), 1.0)
    return iso_all, counts, wl_any


def _shrink(counts: np.ndarray, parent: np.ndarray, lam: float) -> np.ndarray:
    """(counts + lam * parent) / (n + lam); the parent where there is nothing (n + lam = 0)."""
    n = counts.sum(axis=-1, keepdims=True)
    d = n + lam
    return np.where(d > 0, (counts + lam * parent) / np.where(d > 0, d, 1.0), parent)


def rows_from_counts(counts: np.ndarray, wl_any: np.ndarray, shrinkage: float
                      ) -> tuple[np.ndarray, np.ndarray]:
    """Shrunk rows (B, N_KEYS, 4) from summed counts (B, N_KEYS, 4) and fallback (B, 4).

    Returns the rows and a (B, N_KEYS) code of how each row was obtained: 0 own or class data,
    1 parent only (class empty), 2 first-order Watch List row only, 3 no data at all
    (free/waiver: absorbing; binding: Tier 3).
    """
    lam = float(shrinkage)
    B = counts.shape[0]
    rows = np.zeros_like(counts, dtype=float)
    how = np.zeros((B, N_KEYS), dtype=int)
    eye = np.eye(4)

    def normalise(c: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        tot = c.sum(axis=-1, keepdims=True)
        return np.where(tot > 0, c / np.where(tot > 0, tot, 1), np.nan), tot[..., 0]

    # Tiers 1, 2, 3: first-order rows (a tier never left: absorbing).
    for i in range(3):
        r, n = normalise(counts[:, i])
        t = (0, 1, 3)[i]
        rows[:, i] = np.where(n[:, None] > 0, r, eye[t])
        how[:, i] = np.where(n > 0, 0, 3)
    wl_idx = np.arange(3, N_KEYS)
    counted = counts[:, wl_idx].sum(axis=1)  # (B, 4): all counted Watch List moves
    fallback = wl_any
    for cls in CLASSES:
        members = [_KEY_INDEX[(cls, k, f)] for k in range(1, _K_MAX + 1) for f in (False, True)]
        par_counts, fb_counts = counted.copy(), fallback.copy()
        if cls == "binding":
            par_counts[:, _WL] = 0.0
            fb_counts[:, _WL] = 0.0
        parent, n_par = normalise(par_counts)
        fb, n_fb = normalise(fb_counts)
        default = eye[_T3] if cls == "binding" else eye[_WL]
        parent = np.where(n_par[:, None] > 0, parent,
                          np.where(n_fb[:, None] > 0, fb, default[None]))
        how_parent = np.where(n_par > 0, 1, np.where(n_fb > 0, 2, 3))
        crow = _shrink(counts[:, members].sum(axis=1), parent, lam)
        chow = np.where(counts[:, members].sum(axis=(1, 2)) > 0, 0, how_parent)
        for m in members:
            rows[:, m] = _shrink(counts[:, m], crow, lam)
            how[:, m] = chow
    return rows, how


def state_rows(
    panel: pd.DataFrame,
    *,
    years: list[int] | range | None = None,
    countries: list[str] | None = None,
    shrinkage: float = DEFAULT_SHRINKAGE,
    rules: pd.DataFrame = WATCHLIST_RULES,
) -> pd.DataFrame:
    """Estimated transition rows of every chain state, with the counts they rest on.

    Returns
    -------
    DataFrame
        One row per state key (``1``, ``2``, ``3``, ``2WL:<class>:k<k>[:F]``): ``key``,
        ``wl_class``, ``n`` (observed moves out of the state), ``n_class``, ``count_<t>`` and
        ``prob_<t>`` for the four tiers (``prob`` after shrinkage), ``note``.

    Examples
    --------
    >>> p = pd.DataFrame({"iso3": ["X"] * 4 + ["Y"] * 4,
    ...                   "report_year": [2021, 2022, 2023, 2024] * 2,
    ...                   "tier": ["2WL", "2WL", "2WL", "2", "2WL", "2WL", "2WL", "3"]})
    >>> r = state_rows(p, shrinkage=0).set_index("key")
    >>> r.loc["2WL:binding:k3", ["prob_2", "prob_3", "n"]].tolist()
    [0.5, 0.5, 2.0]
    """
    _, counts, wl_any = country_key_counts(panel, years=years, countries=countries,
                                            rules=rules)
    total, fb = counts.sum(axis=0)[None], wl_any.sum(axis=0)[None]
    rows, how = rows_from_counts(total, fb, shrinkage)
    labels = [_key_label(i) for i in range(N_KEYS)]
    cls = [None] * 3 + [c for c, _, _ in _WL_KEYS]
    n = total[0].sum(axis=1)
    n_class = np.array([n[i] if i < 3 else sum(
        n[_KEY_INDEX[(cls[i], k, f)]] for k in range(1, _K_MAX + 1) for f in (False, True))
        for i in range(N_KEYS)])
    notes = {0: None, 1: "class has no observation: pooled counted Watch List row",
             2: "no counted Watch List move: first-order Watch List row",
             3: "no observation at all: absorbing (binding: Tier 3)"}
    out = pd.DataFrame({"key": labels, "wl_class": cls, "n": n, "n_class": n_class})
    for j, t in enumerate(TIER_ORDER):
        out[f"count_{t}"] = total[0, :, j]
    for j, t in enumerate(TIER_ORDER):
        out[f"prob_{t}"] = rows[0, :, j]
    out["note"] = [notes[h] for h in how[0]]
    out = out.astype({"key": "str"})
    out["wl_class"] = _str_column(cls)
    out["note"] = _str_column(list(out["note"]))
    return out


def default_years(panel: pd.DataFrame) -> range | None:
    """The default estimation window: :data:`DEFAULT_FIRST_YEAR` to the panel's last report.

    None (all years) when the panel ends before it holds two such reports.

    Examples
    --------
    >>> default_years(pd.DataFrame({"report_year": [2001, 2025]}))
    range(2009, 2026)
    """
    last = int(panel["report_year"].max())
    return range(DEFAULT_FIRST_YEAR, last + 1) if last > DEFAULT_FIRST_YEAR else None


# ---------------------------------------------------------------------------------------------
# The chain
# ---------------------------------------------------------------------------------------------
class _DurationChain:
    """Expanded states and their transition matrices built from state rows."""

    def __init__(self) -> None:
        self.states: list[tuple] = [(t, q) for t in ("1", "2", "3") for q in (False, True)]
        self.states += [("2WL", k, False) for k in range(1, _K_MAX + 1)] + [("2WL", 1, True)]
        self.index = {s: i for i, s in enumerate(self.states)}
        self.tier = np.array([TIER_ORDER.index(s[0]) for s in self.states])

    def matrices(self, rows: np.ndarray, rule: pd.Series) -> np.ndarray:
        """(B, S, S) transition matrices for the year whose report falls under ``rule``."""
        free = int(rule["max_consecutive_without_waiver"])
        special_f = bool(rule["special_f"])
        S = len(self.states)
        T = np.zeros((rows.shape[0], S, S))
        for a, s in enumerate(self.states):
            if s[0] != "2WL":
                row = rows[:, ("1", "2", "3").index(s[0])]
                q = s[1]
                for j, t in enumerate(TIER_ORDER):
                    dest = ("2WL", 1, q and special_f) if t == "2WL" else (t, q)
                    T[:, a, self.index[dest]] += row[:, j]
                continue
            _, k, f = s
            cls = _wl_class(k, f, rule)
            row = rows[:, _KEY_INDEX[(cls, k, f)]]
            if cls == "binding" and np.any(row[:, _WL] > 0):
                raise ValueError(f"state {s} may not stay on the Watch List but its row does")
            used_waiver = k > free
            for j, t in enumerate(TIER_ORDER):
                if t == "2WL":
                    if cls == "binding":
                        continue
                    dest = ("2WL", min(k + 1, _K_MAX), False)
                elif t == "3":
                    dest = ("3", used_waiver)
                else:
                    dest = (t, False)
                T[:, a, self.index[dest]] += row[:, j]
        return T


def _run(history: pd.DataFrame, rows: np.ndarray, horizon: int, rules: pd.DataFrame):
    """Per-step tier marginals (B, horizon, 4), P(Tier 1/2 every year), P(reach Tier 1)."""
    start_year, state = _chain_start(history, rules)
    return run_state(start_year, state, rows, horizon, rules)


def run_state(start_year: int, state: tuple, rows: np.ndarray, horizon: int,
               rules: pd.DataFrame):
    """As :func:`_run`, from an expanded state in ``start_year``."""
    if state[0] == "2WL":
        state = ("2WL", 1, True) if state[2] else ("2WL", min(state[1], _K_MAX), False)
    future = _future_rules(start_year, horizon, rules)
    chain = _DurationChain()
    B = rows.shape[0]
    vec = np.zeros((B, len(chain.states)))
    vec[:, chain.index[state]] = 1.0
    ok, not_hit, hit = vec.copy(), vec.copy(), np.zeros(B)
    good, tier1 = np.isin(chain.tier, [0, 1]), chain.tier == 0
    marginals = []
    for rule in future:
        T = chain.matrices(rows, rule)
        vec = np.einsum("bs,bst->bt", vec, T)
        ok = np.einsum("bs,bst->bt", ok, T) * good
        not_hit = np.einsum("bs,bst->bt", not_hit, T)
        hit += not_hit[:, tier1].sum(axis=1)
        not_hit[:, tier1] = 0.0
        marginals.append(np.stack([vec[:, chain.tier == t].sum(axis=1) for t in range(4)], 1))
    return start_year, np.stack(marginals, axis=1), ok.sum(axis=1), hit


def forecast_duration_chain(
    history: pd.DataFrame,
    panel: pd.DataFrame,
    horizon: int = 3,
    *,
    years: list[int] | range | None = None,
    countries: list[str] | None = None,
    shrinkage: float = DEFAULT_SHRINKAGE,
    rules: pd.DataFrame = WATCHLIST_RULES,
) -> pd.DataFrame:
    """Tier distribution for the next reports from the duration- and waiver-aware chain.

    Parameters
    ----------
    history : DataFrame
        Panel rows of one country; the chain starts from its last row.
    panel : DataFrame
        Panel the state rows are estimated from (optionally restricted to ``years`` and
        ``countries``).
    horizon, shrinkage, rules
        Number of future reports; pseudo-count of the shrinkage; rule table.

    Returns
    -------
    DataFrame
        ``step``, ``report_year``, ``tier``, ``prob``.

    Examples
    --------
    >>> p = pd.DataFrame({"iso3": ["X"] * 4 + ["Y"] * 4,
    ...                   "report_year": [2021, 2022, 2023, 2024] * 2,
    ...                   "tier": ["2WL", "2WL", "2WL", "2", "2WL", "2WL", "2WL", "3"]})
    >>> h = p[p.iso3 == "X"].iloc[:3]  # third Watch List year in 2023, no waiver left
    >>> forecast_duration_chain(h, p, horizon=1, shrinkage=0)["prob"].tolist()
    [0.0, 0.5, 0.0, 0.5]
    """
    _, counts, wl_any = country_key_counts(panel, years=years, countries=countries,
                                            rules=rules)
    rows, _ = rows_from_counts(counts.sum(axis=0)[None], wl_any.sum(axis=0)[None], shrinkage)
    start_year, marginals, _, _ = _run(history, rows, horizon, rules)
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
    shrinkage: float = DEFAULT_SHRINKAGE,
    rules: pd.DataFrame = WATCHLIST_RULES,
    level: float = 0.95,
) -> pd.DataFrame:
    """Headline probabilities of the duration-aware chain with country-bootstrap intervals.

    Same columns and measures as :func:`tipanalysis.tiers.forecast_summary`;
    ``attrs["assumptions"]`` holds :data:`DURATION_ASSUMPTIONS`, ``attrs["window"]`` the first
    and last report years the rows were estimated from.

    Examples
    --------
    >>> p = pd.DataFrame({"iso3": ["A"] * 3 + ["B"] * 3, "report_year": [2023, 2024, 2025] * 2,
    ...                   "tier": ["2", "2", "1", "2", "2", "2"]})
    >>> s = forecast_summary(p[p.iso3 == "B"], p, horizon=1, n_boot=50)
    >>> float(s.set_index("measure").loc["p_reach_tier1", "estimate"])
    0.25
    """
    _, counts, wl_any = country_key_counts(panel, years=years, countries=countries,
                                            rules=rules)
    m = len(counts)
    if m == 0:
        raise ValueError("no country in the panel has two consecutive ranked report years")
    rng = np.random.default_rng(seed)
    weights = rng.multinomial(m, np.full(m, 1.0 / m), size=n_boot)
    boot_counts = (weights @ counts.reshape(m, -1)).reshape(n_boot, N_KEYS, 4)
    boot_wl = weights @ wl_any
    all_counts = np.concatenate([counts.sum(axis=0)[None], boot_counts])
    all_wl = np.concatenate([wl_any.sum(axis=0)[None], boot_wl])
    rows, how = rows_from_counts(all_counts, all_wl, shrinkage)
    start_year, marginals, ok, hit = _run(history, rows, horizon, rules)
    measures = {
        "p_tier2_or_better_every_report": ok,
        "p_reach_tier1": hit,
        **{f"p_tier{t}_final": marginals[:, -1, j] for j, t in enumerate(TIER_ORDER)},
    }
    alpha = (1.0 - level) / 2.0
    out = pd.DataFrame(
        [(name, start_year + 1, start_year + horizon, v[0], np.quantile(v[1:], alpha),
          np.quantile(v[1:], 1 - alpha), n_boot) for name, v in measures.items()],
        columns=["measure", "first_year", "last_year", "estimate", "ci_low", "ci_high",
                 "n_boot"])
    out["measure"] = out["measure"].astype("str")
    note = (f"Watch List chain with duration and waiver states (shrinkage {shrinkage:g}); "
            "see attrs['assumptions']")
    absorbing = [("1", "2", "3")[i] for i in range(3) if how[0, i] == 3]
    if absorbing:
        note += f"; no observed move from tier(s) {', '.join(absorbing)}: treated as absorbing"
    out["note"] = _str_column([note] * len(out))
    yrs = sorted(set(panel["report_year"])) if years is None else sorted(years)
    out.attrs["assumptions"] = DURATION_ASSUMPTIONS
    out.attrs["window"] = (int(yrs[0]), int(yrs[-1])) if yrs else None
    out.attrs["shrinkage"] = float(shrinkage)
    return out


def __dir__() -> list[str]:
    # Tab completion shows the public API only, not pd, np or helpers.
    return list(__all__)
