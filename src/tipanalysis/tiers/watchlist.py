"""The Watch List rule engine: TVPA automatic downgrade, waivers and subparagraph (F).

The reading of the rule is documented in ``docs/watchlist_rule.md``.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from tipanalysis.core.tierscale import TIER_ORDER
from tipanalysis.tiers.panel import _check_panel, _sorted_panel

__all__ = [
    "WATCHLIST_RULES",
    "watchlist_status",
]

#: Tier labels from best to worst; the order of the categorical dtype.


# ---------------------------------------------------------------------------------------------
# Watch-list rule engine (TVPA section 110(b)(2)(D)-(F), 22 U.S.C. 7107(b)(2)(D)-(F))
# ---------------------------------------------------------------------------------------------

#: The automatic-downgrade rule by TIP report year, one row per period (statutory text, State
#: Department memoranda and the reading of each number: ``docs/watchlist_rule.md``).
#: ``max_consecutive_without_waiver`` is the number of consecutive counted Watch List years
#: after which the next report must place the country on Tier 3 unless waived;
#: ``max_waiver_years`` how many further Watch List years waivers can buy; ``special_f`` whether
#: subparagraph (F) (at most one Watch List year after waiver years and a Tier 3 placement) is in
#: force; ``basis`` what each number rests on; ``citation`` the sources (``; ``-separated URLs).
#: A rule with no automatic downgrade has NaN limits and counts no year.
WATCHLIST_RULES = pd.DataFrame(
    {
        "rule": ["pre-2009", "tvpra-2008", "tvpra-2019"],
        "first_report_year": [2001, 2009, 2019],
        "last_report_year": [2008, 2018, 9999],
        "max_consecutive_without_waiver": [np.nan, 2.0, 2.0],
        "max_waiver_years": [np.nan, 2.0, 1.0],
        "special_f": [False, False, True],
        "description": [
            "special watch list (TVPRA 2003, sec. 110(b)(2)(A)(iii)) but no automatic downgrade; "
            "the 2008 count starts with the 2009 report",
            "sec. 110(b)(2)(D) added by Pub. L. 110-457 sec. 107(a) (signed 23 Dec 2008): Tier 3 "
            "after 2 consecutive Watch List years counted from the 2009 report, waivable for up "
            "to 2 years (written plan, plan would be significant efforts, sufficient resources)",
            "as 2008 but the waiver covers only the following year (1 year); subparagraph (F) "
            "added by Pub. L. 115-425 sec. 203 (8 Jan 2019): after 2 years plus waiver years and "
            "a Tier 3 placement, at most 1 consecutive Watch List year",
        ],
        "basis": [
            "TVPRA 2003 text read; start year from State memoranda (2013, 2014, 2015, 2018)",
            "2 + 2: State memoranda quoting sec. 110(b)(2)(D) (2013, 2014, 2015, 2018); "
            "statutory text of (D) not read",
            "1 waiver year: State memoranda of 2019-2024 ('the following year', 'one additional "
            "year'); text of the amendment to (D)(ii) not read. (F): statutory text read",
        ],
        "citation": [
            "https://www.govinfo.gov/content/pkg/STATUTE-117/html/STATUTE-117-Pg2875.htm; "
            "http://www.state.gov/j/tip/rls/other/2013/211579.htm",
            "https://www.congress.gov/110/plaws/publ457/PLAW-110publ457.htm; "
            "http://www.state.gov/j/tip/rls/other/2013/211579.htm; "
            "https://www.state.gov/j/tip/rls/other/2014/262475.htm; "
            "https://www.state.gov/memorandum-of-justification-consistent-with-section-110b2d-of"
            "-the-trafficking-victims-protection-act-of-2000-tvpa/",
            "https://www.state.gov/memorandum-of-justification-consistent-with-section-110b2d-of"
            "-the-trafficking-victims-protection-act-of-2000-as-amended-tvpa/; "
            "https://gopher.mills.io/magical.fish/0/news/usstate/2023/08/2023-08%202023%20Memora"
            "ndum%20of%20Justification%20Consistent%20with%20Section%20110%28b%29%282%29%28D%29%2"
            "0of%20the%20Trafficking%20Victims%20Protection%20Act%20of%202000; "
            "https://self-law.org/code/statute-compilations/comps-15350/sec-203 (Pub. L. 115-425 "
            "sec. 203, 132 Stat. 5472); "
            "https://www.congress.gov/115/bills/s1862/BILLS-115s1862enr.htm (Pub. L. 115-427)",
        ],
    }
).astype({"rule": "str", "description": "str", "basis": "str", "citation": "str"})


def _rule_index(years: np.ndarray, rules: pd.DataFrame) -> np.ndarray:
    """Row of ``rules`` in force for each report year (-1 if none)."""
    first = rules["first_report_year"].to_numpy()
    last = rules["last_report_year"].to_numpy()
    hit = (years[:, None] >= first[None, :]) & (years[:, None] <= last[None, :])
    return np.where(hit.any(axis=1), hit.argmax(axis=1), -1)


def _str_column(values: list) -> pd.Series:
    """A ``str`` column with NaN (not the text "nan") for missing values."""
    return pd.Series(pd.array(values, dtype="str"))


_WL = TIER_ORDER.index("2WL")
_T3 = TIER_ORDER.index("3")


def watchlist_status(
    panel: pd.DataFrame,
    iso3: str | list[str] | None = None,
    *,
    rules: pd.DataFrame = WATCHLIST_RULES,
) -> pd.DataFrame:
    """Apply the TVPA Watch List rule (automatic downgrade, waivers, subparagraph (F)).

    For each country and report year the engine counts the consecutive Watch List years that
    count under the rule in force (years before the 2009 report never count; a report year
    without a row breaks the count), works out which of them needed a waiver, and whether the
    next report must place the country on Tier 3 unless it leaves the Watch List.

    Subparagraph (F) (in force from the 2019 report) is read as applying to the first Watch List
    run after a Watch List run that lasted beyond the waiver-free limit (i.e. used at least one
    waiver year) and ended in Tier 3 the next year; that run may last one year. See
    ``docs/watchlist_rule.md`` for the text and why this reading was chosen.

    Parameters
    ----------
    panel : DataFrame
        Tidy tier panel with ``iso3``, ``report_year``, ``tier`` and ``waiver`` (bool, a source
        states a waiver; treated as False when the column is absent).
    iso3 : str or list of str, optional
        Restrict the output to these countries.
    rules : DataFrame
        Rule table, by default :data:`WATCHLIST_RULES`.

    Returns
    -------
    DataFrame
        ``iso3``, ``report_year``, ``tier``, ``wl_consecutive`` (counted consecutive Watch List
        years, 0 off the Watch List), ``waiver_needed`` (this year is beyond the waiver-free
        limit), ``waiver_used`` (sourced), ``waiver_inferred`` (needed but not sourced),
        ``waivers_remaining`` (waiver years still available for the next report under the rule
        of that report; NaN off the Watch List or where no rule applies),
        ``auto_downgrade_next`` (the next report must place the country on Tier 3 unless it
        leaves the Watch List), ``f_limited`` (this Watch List run falls under (F)),
        ``f_next_run`` (the next Watch List run would fall under (F) where (F) is in force),
        ``rule``,
        ``rule_citation``, ``note`` (flags anything the rule makes impossible).

    Examples
    --------
    >>> p = pd.DataFrame({"iso3": ["XXA"] * 4, "report_year": [2009, 2010, 2011, 2012],
    ...                   "tier": ["2WL"] * 4, "waiver": [False, False, True, False]})
    >>> s = watchlist_status(p)
    >>> s[["wl_consecutive", "auto_downgrade_next", "waiver_inferred"]].values.tolist()
    [[1, False, False], [2, True, False], [3, True, False], [4, True, True]]
    >>> s["waivers_remaining"].tolist()
    [2.0, 2.0, 1.0, 0.0]
    """
    _check_panel(panel)
    data = panel if "waiver" in panel.columns else panel.assign(waiver=False)
    if iso3 is not None:
        wanted = [iso3] if isinstance(iso3, str) else list(iso3)
        data = data[data["iso3"].isin(wanted)]
    data = _sorted_panel(data)
    n = len(data)
    codes = data["tier"].cat.codes.to_numpy()
    years = data["report_year"].to_numpy().astype(int)
    iso = data["iso3"].to_numpy()
    sourced = data["waiver"].fillna(False).astype(bool).to_numpy()
    ridx = _rule_index(years, rules)
    ridx_next = _rule_index(years + 1, rules)
    limit_free = rules["max_consecutive_without_waiver"].to_numpy()
    limit_waiver = rules["max_waiver_years"].to_numpy()
    special_f = rules["special_f"].to_numpy()

    wl_consecutive = np.zeros(n, dtype=int)
    needed = np.zeros(n, dtype=bool)
    remaining = np.full(n, np.nan)
    downgrade_next = np.zeros(n, dtype=bool)
    f_limited = np.zeros(n, dtype=bool)
    f_next = np.zeros(n, dtype=bool)
    notes: list[str] = [""] * n

    k = 0  # counted consecutive Watch List years
    run_len = 0  # consecutive Watch List years (counted or not) in the current run
    run_used_waiver = False  # the current run went beyond the waiver-free limit
    run_f = False  # the current run is limited by (F)
    qualifies_f = False  # the last Watch List run used waivers and ended in Tier 3
    for i in range(n):
        new_country = i == 0 or iso[i] != iso[i - 1]
        gap = not new_country and years[i] != years[i - 1] + 1
        if new_country:
            k, run_len, run_used_waiver, run_f, qualifies_f = 0, 0, False, False, False
        msg: list[str] = []
        if gap:
            msg.append(f"no row for {years[i - 1] + 1}: counts restart")
            k, run_len, run_used_waiver, run_f = 0, 0, False, False
        r = ridx[i]
        counts = r >= 0 and not np.isnan(limit_free[r])
        if codes[i] == _WL:
            if run_len == 0:  # a new Watch List run starts
                run_f = bool(counts and special_f[r] and qualifies_f)
                qualifies_f = False
            run_len += 1
            k = k + 1 if counts else 0
            wl_consecutive[i] = k
            f_limited[i] = run_f
            if counts:
                free, waivable = int(limit_free[r]), int(limit_waiver[r])
                used = max(k - free, 0)
                needed[i] = used > 0
                run_used_waiver |= needed[i] or sourced[i]
                if run_f and k > 1:
                    msg.append(
                        f"impossible under (F): Watch List year {k} of a run that may last 1 "
                        "year (data error or misreading)"
                    )
                elif used > waivable:
                    msg.append(
                        f"impossible under {rules['rule'].iloc[r]}: Watch List year {k} needs "
                        f"{used} waiver years, at most {waivable} (data error or misreading)"
                    )
                rn = ridx_next[i]
                if run_f:
                    remaining[i] = 0.0
                    downgrade_next[i] = True
                    msg.append("(F): may not stay on the Watch List next year")
                elif rn >= 0 and not np.isnan(limit_free[rn]):
                    remaining[i] = max(int(limit_waiver[rn]) - used, 0)
                    downgrade_next[i] = k >= int(limit_free[rn])
                    if downgrade_next[i] and remaining[i] == 0:
                        msg.append("no waiver left: next report Tier 2 or better, or Tier 3")
            if sourced[i] and not needed[i]:
                msg.append("a source states a waiver that the rule does not require")
        else:
            if run_len > 0:  # a Watch List run just ended
                qualifies_f = bool(run_used_waiver and codes[i] == _T3 and not gap)
                if i > 0 and downgrade_next[i - 1] and codes[i] == _T3 and not gap:
                    msg.append("Tier 3 where the automatic downgrade applied")
            k, run_len, run_used_waiver, run_f = 0, 0, False, False
            if codes[i] < 0:
                msg.append("Special Case: no tier")
            if sourced[i]:
                msg.append("a source states a waiver on a row that is not on the Watch List")
        f_next[i] = qualifies_f
        notes[i] = "; ".join(msg)

    rule_names = rules["rule"].to_numpy(dtype=object)
    citations = rules["citation"].to_numpy(dtype=object)
    out = data[["iso3", "report_year", "tier"]].copy()
    out["wl_consecutive"] = wl_consecutive
    out["waiver_needed"] = needed
    out["waiver_used"] = sourced
    out["waiver_inferred"] = needed & ~sourced
    out["waivers_remaining"] = remaining
    out["auto_downgrade_next"] = downgrade_next
    out["f_limited"] = f_limited
    out["f_next_run"] = f_next
    out["rule"] = _str_column([rule_names[j] if j >= 0 else None for j in ridx])
    out["rule_citation"] = _str_column([citations[j] if j >= 0 else None for j in ridx])
    out["note"] = _str_column([m or None for m in notes])
    return out


def __dir__() -> list[str]:
    # Tab completion shows the public API only, not pd, np or helpers.
    return list(__all__)
