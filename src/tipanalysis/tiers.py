"""TIP Report tiers: labels, scores, indicators, the Watch List rule, transitions and forecasts.

The State Department places each government on Tier 1, Tier 2, the Tier 2 Watch List (``2WL``) or
Tier 3; a few countries are "Special Cases" with no tier. Tiers rate a government's *efforts*
against the minimum standards of the TVPA, not the size of the problem.

Contents (every analysis function takes the tidy tier panel and returns a DataFrame):

- labels: :func:`parse_tier`, :data:`TIER_ORDER`, :data:`TIER_DTYPE`;
- scores: :func:`tier_rank` (1-4), :func:`tier_score` (1, 2, 2.5, 3);
- :func:`indicators`: rank, score, previous tier, change, years on tier, Watch List run;
- :func:`watchlist_status`: the TVPA automatic downgrade, waivers and subparagraph (F), driven by
  :data:`WATCHLIST_RULES` (reading documented in ``docs/watchlist_rule.md``);
- :func:`peer_comparison`: a country against a peer group, year by year;
- :func:`transition_matrix`, :func:`bootstrap_transition_matrix`: tier-to-tier moves;
- :func:`forecast_markov`, :func:`forecast_watchlist_chain`, :func:`forecast_summary`: Markov
  forecasts (assumptions in :data:`FORECAST_ASSUMPTIONS`);
- :func:`ordered_logit`, :func:`predicted_probabilities`: a model of the tier (statsmodels is
  imported only there).
"""

from __future__ import annotations

import itertools
import numbers
import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

#: Tier labels from best to worst; the order of the categorical dtype.
TIER_ORDER: tuple[str, ...] = ("1", "2", "2WL", "3")
#: Label used by :func:`parse_tier` for the report's Special Cases (no tier).
SPECIAL = "special"
#: Ordered categorical dtype for the ``tier`` column: ``1 < 2 < 2WL < 3``.
TIER_DTYPE = pd.CategoricalDtype(list(TIER_ORDER), ordered=True)


class UnknownTierError(ValueError):
    """A tier label that :func:`parse_tier` does not recognise."""


_ROMAN = {"i": "1", "ii": "2", "iii": "3"}
# Arabic tables are in normalised form (see _normalise): alef forms -> ا, ى -> ي, ة -> ه.
_ARABIC_ORDINALS = {
    "الاولي": "1", "الاول": "1", "اولي": "1", "1": "1",
    "الثانيه": "2", "الثاني": "2", "ثانيه": "2", "2": "2",
    "الثالثه": "3", "الثالث": "3", "ثالثه": "3", "3": "3",
}
_ARABIC_TIER_WORDS = frozenset({"الفئه", "المستوي", "الدرجه", "فئه", "مستوي", "درجه"})
_ARABIC_CONNECTORS = frozenset({"من", "علي", "في", "ضمن"})
_ARABIC_WATCH = ("قائمه المراقبه", "المراقبه")
_ARABIC_SPECIAL = frozenset({"حاله خاصه", "حالات خاصه"})
# Bidi controls (LRM, RLM, ALM, embeddings, isolates) are invisible in copied Arabic text.
_INVISIBLE = dict.fromkeys([0x200E, 0x200F, 0x061C, *range(0x202A, 0x202F),
                            *range(0x2066, 0x206A), 0x200B, 0xFEFF])


def _normalise(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).casefold().translate(_INVISIBLE)
    text = re.sub("[\u064B-\u0652\u0640]", "", text)  # harakat and tatweel carry no meaning
    text = re.sub("[إأآٱ]", "ا", text).replace("ى", "ي").replace("ة", "ه")
    text = text.translate(str.maketrans("٠١٢٣٤٥٦٧٨٩", "0123456789"))
    text = re.sub(r"[\s_\-–—:/()\[\].,،]+", " ", text)
    return text.strip()


def _parse_arabic(text: str) -> str | None:
    words = [w for w in text.split() if w not in _ARABIC_TIER_WORDS | _ARABIC_CONNECTORS]
    if " ".join(words) in _ARABIC_SPECIAL:
        return SPECIAL
    rest = " ".join(words)
    watch = any(w in rest for w in _ARABIC_WATCH)
    for w in _ARABIC_WATCH:
        rest = rest.replace(w, " ")
    words = rest.split()
    if any(w not in _ARABIC_ORDINALS for w in words):
        return None  # an unknown word (e.g. "the fourth") must not be read as a tier
    digits = {_ARABIC_ORDINALS[w] for w in words}
    if watch and digits <= {"2"}:
        return "2WL"
    if not watch and len(digits) == 1 and len(words) == 1:
        return digits.pop()
    return None


def parse_tier(label: object) -> str:
    """Return the canonical tier label for a spelling seen in reports, transcriptions or data sets.

    Parameters
    ----------
    label : str or number
        For example ``"Tier 2 Watch List"``, ``"Tier 2 WL"``, ``"2WL"``, ``"Watchlist"``,
        ``"Tier II"``, ``"Special Case"``, ``2.5``, ``3`` or an Arabic label such as
        ``"الفئة الثانية"``.

    Returns
    -------
    str
        One of ``"1"``, ``"2"``, ``"2WL"``, ``"3"`` or ``"special"``.

    Raises
    ------
    UnknownTierError
        If the label is empty, missing or not a known spelling; the message repeats the input.

    Examples
    --------
    >>> parse_tier("Tier 2 Watch List"), parse_tier(2.5), parse_tier("Tier III")
    ('2WL', '2WL', '3')
    >>> parse_tier("الفئة الأولى")
    '1'
    """
    if isinstance(label, bool) or label is None:
        raise UnknownTierError(f"unknown tier label: {label!r}")
    if isinstance(label, numbers.Real):  # also numpy integers and floats from pandas columns
        try:
            value = float(label)
        except OverflowError:
            value = float("nan")
        numeric = {1.0: "1", 2.0: "2", 2.5: "2WL", 3.0: "3"}.get(value)
        if numeric is None:
            raise UnknownTierError(
                f"unknown tier label: {label!r} (numeric codes are 1, 2, 2.5, 3)"
            )
        return numeric
    if not isinstance(label, str):
        raise UnknownTierError(f"unknown tier label: {label!r}")
    text = _normalise(label)
    if re.search("[\u0600-\u06ff]", text):
        parsed = _parse_arabic(text)
        if parsed is None:
            raise UnknownTierError(f"unknown tier label: {label!r}")
        return parsed
    text = re.sub(r"^(tier|level)\s*", "", text)
    text = text.replace("watch list", "watchlist").replace("wl", "watchlist")
    text = re.sub(r"\s+", " ", text).strip()
    if text in ("special", "special case", "special cases", "sc"):
        return SPECIAL
    if text in ("watchlist", "2 watchlist", "2watchlist", "ii watchlist", "2 5", "2.5"):
        return "2WL"
    if text in ("1", "2", "3"):
        return text
    if text in _ROMAN:
        return _ROMAN[text]
    raise UnknownTierError(
        f"unknown tier label: {label!r} (expected e.g. 'Tier 1', 'Tier 2', 'Tier 2 Watch List', "
        "'Tier 3' or 'Special Case')"
    )


# ---------------------------------------------------------------------------------------------
# Scores
# ---------------------------------------------------------------------------------------------

#: Ordinal rank of each tier (1 = best ... 4 = worst).
TIER_RANK: dict[str, int] = {"1": 1, "2": 2, "2WL": 3, "3": 4}
#: Conventional numeric score used in the literature (Watch List = 2.5).
TIER_SCORE: dict[str, float] = {"1": 1.0, "2": 2.0, "2WL": 2.5, "3": 3.0}


def _tier_codes(tier: object) -> np.ndarray:
    """Return category codes 0..3 (-1 for Special Cases / missing) of tier labels."""
    values = pd.Series(tier, copy=False) if not isinstance(tier, pd.Series) else tier
    if isinstance(values.dtype, pd.CategoricalDtype) and list(values.cat.categories) == list(
        TIER_ORDER
    ):
        return values.cat.codes.to_numpy()
    as_text = values.astype("object")
    missing = as_text.isna() | (as_text == SPECIAL)
    unknown = ~missing & ~as_text.isin(TIER_ORDER)
    if unknown.any():
        bad = as_text[unknown].iloc[0]
        raise UnknownTierError(
            f"unknown tier label: {bad!r} (expected one of {TIER_ORDER}, 'special' or missing)"
        )
    return pd.Categorical(as_text.where(~missing), dtype=TIER_DTYPE).codes


def _scalar_or_series(tier: object, table: np.ndarray) -> float | pd.Series:
    if isinstance(tier, pd.Series | pd.Categorical | np.ndarray | list | tuple):
        codes = _tier_codes(tier)
        out = np.where(codes >= 0, table[np.clip(codes, 0, 3)], np.nan)
        index = tier.index if isinstance(tier, pd.Series) else None
        return pd.Series(out, index=index, dtype="float64")
    if tier is None or (isinstance(tier, float) and np.isnan(tier)) or tier is pd.NA:
        return np.nan
    label = parse_tier(tier)
    return np.nan if label == SPECIAL else float(table[TIER_ORDER.index(label)])


def tier_rank(tier: object) -> float | pd.Series:
    """Ordinal rank of a tier: 1 (Tier 1), 2 (Tier 2), 3 (Watch List), 4 (Tier 3).

    Special Cases and missing tiers stay NaN; they are never given a number.

    Parameters
    ----------
    tier : str, Series, Categorical or list
        Canonical labels (``"1"``, ``"2"``, ``"2WL"``, ``"3"``); a scalar may be any spelling
        :func:`parse_tier` understands.

    Returns
    -------
    float or Series of float64

    Examples
    --------
    >>> tier_rank("2WL")
    3.0
    >>> tier_rank(["1", "3", None]).tolist()
    [1.0, 4.0, nan]
    """
    return _scalar_or_series(tier, np.array([1.0, 2.0, 3.0, 4.0]))


def tier_score(tier: object) -> float | pd.Series:
    """Conventional tier score: 1, 2, 2.5 (Watch List), 3; Special Cases stay NaN.

    Examples
    --------
    >>> tier_score("Tier 2 Watch List")
    2.5
    >>> tier_score(pd.Series(["2", "special"])).tolist()
    [2.0, nan]
    """
    return _scalar_or_series(tier, np.array([1.0, 2.0, 2.5, 3.0]))


# ---------------------------------------------------------------------------------------------
# Per country-year indicators
# ---------------------------------------------------------------------------------------------

_PANEL_COLUMNS = ("iso3", "report_year", "tier")


def _check_panel(panel: pd.DataFrame, columns: tuple[str, ...] = _PANEL_COLUMNS) -> None:
    missing = [c for c in columns if c not in panel.columns]
    if missing:
        raise ValueError(f"panel lacks column(s) {missing}; expected the tidy tier panel")
    if panel.duplicated(["iso3", "report_year"]).any():
        dup = panel.loc[panel.duplicated(["iso3", "report_year"]), ["iso3", "report_year"]]
        raise ValueError(f"panel has more than one row per iso3-year, e.g. {dup.iloc[0].tolist()}")


def _sorted_panel(panel: pd.DataFrame) -> pd.DataFrame:
    out = panel.sort_values(["iso3", "report_year"], kind="stable").reset_index(drop=True)
    out["tier"] = pd.Categorical.from_codes(_tier_codes(out["tier"]), dtype=TIER_DTYPE)
    return out


def indicators(panel: pd.DataFrame) -> pd.DataFrame:
    """Add per country-year indicators to the tidy tier panel.

    Parameters
    ----------
    panel : DataFrame
        One row per ``iso3`` and ``report_year`` with an ordered ``tier`` (NaN = Special Case).

    Returns
    -------
    DataFrame
        The panel sorted by iso3 and year, plus

        - ``rank`` (1-4) and ``score`` (1, 2, 2.5, 3), NaN for Special Cases;
        - ``prev_tier``: the tier in the previous report year (NaN when that year has no row
          or was a Special Case);
        - ``change``: ``upgrade``, ``downgrade``, ``same``, ``entered`` (first row, a row after a
          report year without a row, or the first ranked year after a Special Case) or
          ``special`` (no tier this year);
        - ``years_on_tier``: consecutive report years on the current tier, this one included (a
          year without a row breaks the run; Special Case years count as their own "tier");
        - ``wl_run``: ``years_on_tier`` if on the Watch List, else 0.

    Examples
    --------
    >>> p = pd.DataFrame({"iso3": ["KWT"] * 3, "report_year": [2016, 2017, 2019],
    ...                   "tier": ["2WL", "2WL", "2"]})
    >>> indicators(p)[["report_year", "change", "years_on_tier", "wl_run"]].values.tolist()
    [[2016, 'entered', 1, 1], [2017, 'same', 2, 2], [2019, 'entered', 1, 0]]
    """
    _check_panel(panel)
    out = _sorted_panel(panel)
    codes = out["tier"].cat.codes.to_numpy()
    iso = out["iso3"].to_numpy()
    year = out["report_year"].to_numpy()
    same_country = np.r_[False, iso[1:] == iso[:-1]]
    consecutive = same_country & np.r_[False, year[1:] - year[:-1] == 1]
    prev_codes = np.where(consecutive, np.r_[-1, codes[:-1]], -1)

    out["rank"] = np.where(codes >= 0, codes + 1.0, np.nan)
    out["score"] = np.where(codes >= 0, np.array([1.0, 2.0, 2.5, 3.0])[np.clip(codes, 0, 3)],
                            np.nan)
    out["prev_tier"] = pd.Categorical.from_codes(prev_codes, dtype=TIER_DTYPE)
    change = np.select(
        [codes < 0, prev_codes < 0, codes < prev_codes, codes > prev_codes],
        ["special", "entered", "upgrade", "downgrade"],
        default="same",
    )
    out["change"] = pd.Series(change, dtype="str")
    # A run breaks when the country, the tier (special counts as its own value) or the
    # consecutiveness of report years changes.
    new_run = ~consecutive | np.r_[True, codes[1:] != codes[:-1]]
    run_id = np.cumsum(new_run)
    out["years_on_tier"] = out.groupby(run_id).cumcount().to_numpy() + 1
    out["wl_run"] = np.where(codes == TIER_ORDER.index("2WL"), out["years_on_tier"], 0)
    return out


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


# ---------------------------------------------------------------------------------------------
# Peer comparison
# ---------------------------------------------------------------------------------------------


def peer_comparison(
    panel: pd.DataFrame,
    iso3: str,
    group: list[str] | tuple[str, ...] | set[str],
    *,
    years: list[int] | range | None = None,
    balanced: bool = False,
    coverage: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """Compare one country's placement with a peer group, report year by report year.

    The comparison set is ``group`` plus ``iso3``; only countries ranked that year (not Special
    Cases, not absent) count. Lower score is better. The country's ``rank_in_group`` is the
    competition rank (1 = best; tied countries share the best rank of the tie, "1224"), and its
    ``percentile`` the mid-rank share of peers it does better than: 100 x (peers with a worse
    score + half the peers with the same score) / peers.

    Parameters
    ----------
    panel : DataFrame
        Tidy tier panel.
    iso3 : str
        The focal country.
    group : list of str
        ISO3 codes of the peers (e.g. the GCC, a State Department region, or every country).
    years : list of int, optional
        Report years to keep (default: every year in which a member of the set has a row).
    balanced : bool
        Keep only peers ranked in every selected year (the focal country is always kept).
    coverage : DataFrame, optional
        Coverage table with ``report_year`` and ``completeness``; a year that is not
        ``complete`` (or has no coverage row) gets ``partial = True``.

    Returns
    -------
    DataFrame
        One row per report year: ``report_year``, ``n`` (ranked countries in the set),
        ``n_1``, ``n_2``, ``n_2WL``, ``n_3``, ``share_1`` ... ``share_3``, ``tier`` and ``score``
        of the country, ``rank_in_group``, ``n_tied`` (other countries with its score),
        ``percentile``, ``n_peers`` (ranked peers, country excluded), ``peer_mean_score``
        (excluding the country), ``completeness``, ``partial`` (nullable boolean, NA without a
        coverage table) and ``note``.

    Examples
    --------
    >>> p = pd.DataFrame({"iso3": ["KWT", "BHR", "QAT", "OMN"], "report_year": [2025] * 4,
    ...                   "tier": ["2", "1", "2", "2WL"]})
    >>> r = peer_comparison(p, "KWT", ["BHR", "QAT", "OMN"])
    >>> r[["n", "rank_in_group", "n_tied", "percentile", "peer_mean_score"]].values.tolist()
    [[4.0, 2.0, 1.0, 50.0, 1.8333333333333333]]
    """
    _check_panel(panel)
    members = set(group) | {iso3}
    data = _sorted_panel(panel[panel["iso3"].isin(members)])
    if years is not None:
        data = data[data["report_year"].isin(list(years))]
    ranked = data[data["tier"].notna()]
    all_years = sorted(set(data["report_year"]) if years is None else set(years))
    if balanced:
        n_years = ranked.groupby("iso3")["report_year"].nunique()
        keep = set(n_years.index[n_years == len(all_years)]) | {iso3}
        ranked = ranked[ranked["iso3"].isin(keep)]
    ranked = ranked.assign(score=tier_score(ranked["tier"]).to_numpy())

    counts = (
        ranked.groupby(["report_year", "tier"], observed=False).size().unstack("tier")
        .reindex(index=all_years, columns=list(TIER_ORDER), fill_value=0)
    )
    out = pd.DataFrame({"report_year": all_years})
    out["n"] = counts.sum(axis=1).to_numpy().astype(int)
    for t in TIER_ORDER:
        out[f"n_{t}"] = counts[t].to_numpy().astype(int)
    denominator = out["n"].where(out["n"] > 0).astype(float)  # NaN share when nobody is ranked
    for t in TIER_ORDER:
        out[f"share_{t}"] = out[f"n_{t}"] / denominator
    own = ranked[ranked["iso3"] == iso3].set_index("report_year")
    peers = ranked[ranked["iso3"] != iso3]
    tier_by_year = data[data["iso3"] == iso3].set_index("report_year")["tier"]
    out["tier"] = pd.Categorical(tier_by_year.reindex(all_years).to_numpy(), dtype=TIER_DTYPE)
    out["score"] = own["score"].reindex(all_years).to_numpy()
    rows = []
    for y, s in zip(all_years, out["score"], strict=True):
        peer_scores = peers.loc[peers["report_year"] == y, "score"].to_numpy()
        if np.isnan(s):
            rows.append((np.nan, np.nan, np.nan))
            continue
        better, tied = (peer_scores < s).sum(), (peer_scores == s).sum()
        worse = len(peer_scores) - better - tied
        pct = 100.0 * (worse + 0.5 * tied) / len(peer_scores) if len(peer_scores) else np.nan
        rows.append((better + 1.0, float(tied), pct))
    out[["rank_in_group", "n_tied", "percentile"]] = np.array(rows, dtype=float).reshape(-1, 3)
    by_year = peers.groupby("report_year")["score"]
    out["n_peers"] = by_year.size().reindex(all_years, fill_value=0).to_numpy()
    out["peer_mean_score"] = by_year.mean().reindex(all_years).to_numpy()
    notes = []
    for y in all_years:
        if y not in tier_by_year.index:
            notes.append(f"{iso3} has no row this year")
        elif pd.isna(tier_by_year[y]):
            notes.append(f"{iso3} is a Special Case this year")
        else:
            notes.append(None)
    if coverage is not None:
        comp = coverage.set_index("report_year")["completeness"].reindex(all_years)
        out["completeness"] = _str_column(comp.tolist())
        out["partial"] = pd.array((comp != "complete").to_numpy(), dtype="boolean")
        notes = [
            "; ".join(x for x in (n, None if c == "complete" else f"year coverage: {c}") if x)
            or None
            for n, c in zip(notes, comp.fillna("no coverage row"), strict=True)
        ]
    else:
        out["completeness"] = _str_column([None] * len(all_years))
        out["partial"] = pd.array([pd.NA] * len(all_years), dtype="boolean")
    out["note"] = _str_column(notes)
    return out


# ---------------------------------------------------------------------------------------------
# Transition matrices
# ---------------------------------------------------------------------------------------------


def _country_counts(
    panel: pd.DataFrame,
    *,
    years: list[int] | range | None = None,
    countries: list[str] | None = None,
) -> tuple[np.ndarray, np.ndarray]:
    """Per-country 4x4 counts of transitions between consecutive ranked report years.

    Returns ``(iso3 codes, counts)`` with ``counts`` of shape (n_countries, 4, 4).
    """
    _check_panel(panel)
    data = panel
    if countries is not None:
        data = data[data["iso3"].isin(list(countries))]
    data = _sorted_panel(data)
    if years is not None:
        data = data[data["report_year"].isin(list(years))]
    codes = data["tier"].cat.codes.to_numpy()
    year = data["report_year"].to_numpy()
    iso = data["iso3"].to_numpy()
    pair = (iso[1:] == iso[:-1]) & (year[1:] - year[:-1] == 1) & (codes[1:] >= 0) & (
        codes[:-1] >= 0
    )
    countries_out, country_idx = np.unique(iso, return_inverse=True)
    counts = np.zeros((len(countries_out), 4, 4), dtype=np.int64)
    np.add.at(counts, (country_idx[1:][pair], codes[:-1][pair], codes[1:][pair]), 1)
    return countries_out, counts


def _long_matrix(values: np.ndarray, name: str) -> pd.DataFrame:
    frm, to = np.meshgrid(np.arange(4), np.arange(4), indexing="ij")
    return pd.DataFrame(
        {
            "from_tier": pd.Categorical.from_codes(frm.ravel(), dtype=TIER_DTYPE),
            "to_tier": pd.Categorical.from_codes(to.ravel(), dtype=TIER_DTYPE),
            name: values.reshape(-1),
        }
    )


def _row_probabilities(counts: np.ndarray) -> np.ndarray:
    """Row-normalise (..., 4, 4) counts; rows without observations are NaN."""
    totals = counts.sum(axis=-1, keepdims=True)
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.where(totals > 0, counts / np.where(totals > 0, totals, 1), np.nan)


def transition_matrix(
    panel: pd.DataFrame,
    *,
    years: list[int] | range | None = None,
    countries: list[str] | None = None,
) -> pd.DataFrame:
    """Pooled tier-to-tier transition counts and probabilities between consecutive reports.

    A pair is a country ranked in report year ``y`` and in ``y + 1`` (both rows present, neither
    a Special Case). A Special Case or a missing year breaks the pair. With ``years`` only pairs
    whose two years are both in ``years`` count.

    Returns
    -------
    DataFrame
        16 rows (long format): ``from_tier``, ``to_tier``, ``count``, ``n_from`` (pairs starting
        on ``from_tier``) and ``prob`` = count / n_from (NaN when n_from is 0).

    Examples
    --------
    >>> p = pd.DataFrame({"iso3": ["A", "A", "A", "B", "B"],
    ...                   "report_year": [2020, 2021, 2022, 2020, 2021],
    ...                   "tier": ["2", "2WL", "2", "2", "2"]})
    >>> m = transition_matrix(p)
    >>> m[m["count"] > 0][["from_tier", "to_tier", "count", "prob"]].values.tolist()
    [['2', '2', 1, 0.5], ['2', '2WL', 1, 0.5], ['2WL', '2', 1, 1.0]]
    """
    _, counts = _country_counts(panel, years=years, countries=countries)
    total = counts.sum(axis=0)
    out = _long_matrix(total, "count")
    out["n_from"] = np.repeat(total.sum(axis=1), 4)
    out["prob"] = _row_probabilities(total).reshape(-1)
    return out


def bootstrap_transition_replicates(
    panel: pd.DataFrame,
    n_boot: int = 2000,
    seed: int = 0,
    *,
    years: list[int] | range | None = None,
    countries: list[str] | None = None,
) -> np.ndarray:
    """Bootstrap replicates of the transition matrix, resampling countries with replacement.

    Returns an array of shape (n_boot, 4, 4) of row probabilities (NaN rows where a replicate
    has no pair starting on that tier). Countries are the resampling unit, so the serial
    dependence of one country's placements is kept within each draw.

    Examples
    --------
    >>> p = pd.DataFrame({"iso3": ["A", "A", "B", "B"], "report_year": [1, 2, 1, 2],
    ...                   "tier": ["1", "1", "2", "2"]})
    >>> bootstrap_transition_replicates(p, n_boot=5, seed=1).shape
    (5, 4, 4)
    """
    _, counts = _country_counts(panel, years=years, countries=countries)
    m = len(counts)
    if m == 0:
        raise ValueError("no country in the panel has two consecutive ranked report years")
    rng = np.random.default_rng(seed)
    # How often each country is drawn in each replicate: a multinomial draw is the same as m
    # draws with replacement and lets one matrix product sum the counts.
    weights = rng.multinomial(m, np.full(m, 1.0 / m), size=n_boot)
    summed = (weights @ counts.reshape(m, 16)).reshape(n_boot, 4, 4)
    return _row_probabilities(summed)


def bootstrap_transition_matrix(
    panel: pd.DataFrame,
    n_boot: int = 2000,
    seed: int = 0,
    *,
    years: list[int] | range | None = None,
    countries: list[str] | None = None,
    level: float = 0.95,
) -> pd.DataFrame:
    """Transition probabilities with percentile bootstrap intervals (countries resampled).

    Returns
    -------
    DataFrame
        ``from_tier``, ``to_tier``, ``count``, ``n_from``, ``estimate`` (the pooled probability
        of :func:`transition_matrix`), ``ci_low``, ``ci_high`` (percentile interval at
        ``level``), ``n_boot`` (replicates with at least one pair from that tier) and ``note``.

    Examples
    --------
    >>> p = pd.DataFrame({"iso3": ["A", "A", "B", "B"], "report_year": [1, 2, 1, 2],
    ...                   "tier": ["1", "1", "1", "2"]})
    >>> b = bootstrap_transition_matrix(p, n_boot=200, seed=0)
    >>> b.loc[0, ["estimate", "ci_low", "ci_high"]].tolist()
    [0.5, 0.0, 1.0]
    """
    point = transition_matrix(panel, years=years, countries=countries)
    reps = bootstrap_transition_replicates(panel, n_boot, seed, years=years, countries=countries)
    alpha = (1.0 - level) / 2.0
    flat = reps.reshape(n_boot, 16)
    valid = ~np.isnan(flat)
    out = point.rename(columns={"prob": "estimate"})
    with np.errstate(all="ignore"):
        import warnings

        with warnings.catch_warnings():
            warnings.simplefilter("ignore", RuntimeWarning)  # all-NaN rows -> NaN interval
            out["ci_low"] = np.nanquantile(flat, alpha, axis=0)
            out["ci_high"] = np.nanquantile(flat, 1.0 - alpha, axis=0)
    out["n_boot"] = valid.sum(axis=0)
    out["note"] = _str_column(
        [None if v == n_boot else f"{n_boot - v} replicates without a pair from this tier"
         for v in out["n_boot"]]
    )
    return out


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
) -> pd.DataFrame:
    """Headline forecast probabilities with bootstrap intervals.

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
    >>> s = forecast_summary(p[p.iso3 == "B"], p, horizon=1, n_boot=50)
    >>> s.set_index("measure").loc["p_reach_tier1", "estimate"]
    np.float64(0.25)
    """
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


# ---------------------------------------------------------------------------------------------
# Ordered logit
# ---------------------------------------------------------------------------------------------

#: Default periods of the ordered logit: the eras of the Watch List rule.
PERIODS: tuple[tuple[str, int, int], ...] = (
    ("2001-2008", 2001, 2008),
    ("2009-2018", 2009, 2018),
    ("2019-", 2019, 9999),
)


@dataclass
class OrderedLogitResult:
    """A fitted ordered logit of the tier on covariates.

    Attributes
    ----------
    coefficients : DataFrame
        ``term``, ``kind`` (``coef`` or ``cutpoint``), ``estimate``, ``std_err``, ``ci_low``,
        ``ci_high``, ``p_value``; cutpoints are on the latent scale (``1|2``, ``2|2WL``,
        ``2WL|3``), with standard errors only for the first (the others are reparametrised).
    fit : statsmodels OrderedResults
        The statsmodels result, for anything else.
    covariates, references, periods, regions, n : design information used to predict.
    """

    coefficients: pd.DataFrame
    fit: Any
    covariates: tuple[str, ...]
    columns: tuple[str, ...]
    references: dict[str, str]
    periods: tuple[tuple[str, int, int], ...]
    regions: Mapping[str, str] | None
    n: int


def _period_of(years: pd.Series, periods: tuple[tuple[str, int, int], ...]) -> pd.Series:
    labels = pd.Series(np.nan, index=years.index, dtype="object")
    for name, first, last in periods:
        labels[(years >= first) & (years <= last)] = name
    return labels


def _design(
    panel: pd.DataFrame,
    covariates: tuple[str, ...],
    regions: Mapping[str, str] | None,
    periods: tuple[tuple[str, int, int], ...],
    levels: dict[str, list[str]] | None = None,
) -> tuple[pd.DataFrame, pd.DataFrame, dict[str, list[str]]]:
    """Rows usable for the model and their dummy-coded design (reference level dropped)."""
    data = indicators(panel)
    data = data[data["tier"].notna()]
    if "prev_tier" in covariates:
        data = data[data["prev_tier"].notna()]
    factors: dict[str, pd.Series] = {}
    for cov in covariates:
        if cov == "prev_tier":
            factors[cov] = data["prev_tier"].astype("object")
        elif cov == "region":
            if regions is None:
                raise ValueError("covariate 'region' needs a regions mapping iso3 -> region")
            factors[cov] = data["iso3"].map(dict(regions))
        elif cov == "period":
            factors[cov] = _period_of(data["report_year"], periods)
        else:
            raise ValueError(f"unknown covariate {cov!r} (prev_tier, region, period)")
    keep = pd.concat(factors, axis=1).notna().all(axis=1)
    data = data[keep]
    if levels is None:
        levels = {}
        for cov, values in factors.items():
            observed = set(values[keep])
            if cov == "prev_tier":
                levels[cov] = [t for t in TIER_ORDER if t in observed]
            elif cov == "period":
                levels[cov] = [p[0] for p in periods if p[0] in observed]
            else:
                levels[cov] = sorted(observed)
    columns = {}
    for cov, values in factors.items():
        for level in levels[cov][1:]:  # the first level is the reference
            columns[f"{cov}[{level}]"] = (values[keep] == level).astype(float).to_numpy()
    return data, pd.DataFrame(columns, index=data.index), levels


def _ordered_logit_start(endog: np.ndarray, exog: np.ndarray, k_levels: int
                         ) -> np.ndarray | None:
    """Maximum-likelihood parameters of the ordered logit, in statsmodels' parametrisation.

    The covariates are dummies, so the rows fall into few distinct (covariates, tier) cells:
    the log-likelihood is summed over those cells with their counts, with its analytic gradient.
    Parameters are ``(coefficients, first cutpoint, log of the increments between cutpoints)``
    as in ``OrderedModel``. Returns None (statsmodels' own start) when the optimiser fails,
    some tier is never observed or the estimates diverge (no interior maximum).
    """
    from scipy.optimize import minimize

    endog = np.asarray(endog, dtype=np.int64)
    exog = np.asarray(exog, dtype=float).reshape(len(endog), -1)
    if len(endog) == 0 or np.bincount(endog, minlength=k_levels).min() == 0:
        return None
    cells, counts = np.unique(np.column_stack([exog, endog]), axis=0, return_counts=True)
    x, y, w = cells[:, :-1], cells[:, -1].astype(np.int64), counts / len(endog)
    k, rows = x.shape[1], np.arange(len(y))

    def negloglike(theta: np.ndarray) -> tuple[float, np.ndarray]:
        increments = np.exp(theta[k + 1:])
        cuts = np.r_[-np.inf, theta[k], theta[k] + np.cumsum(increments), np.inf]
        eta = x @ theta[:k]
        upp, low = cuts[y + 1] - eta, cuts[y] - eta
        cdf_upp, cdf_low = 1.0 / (1.0 + np.exp(-upp)), 1.0 / (1.0 + np.exp(-low))
        pdf_upp, pdf_low = cdf_upp * (1.0 - cdf_upp), cdf_low * (1.0 - cdf_low)
        prob = np.maximum(cdf_upp - cdf_low, 1e-300)
        # d log p / d cut_j for the finite cutpoints j = 1 .. k_levels - 1
        d_cut = np.zeros((len(y), k_levels + 1))
        d_cut[rows, y + 1] += pdf_upp / prob
        d_cut[rows, y] -= pdf_low / prob
        d_cut = d_cut[:, 1:-1]
        grad_beta = -((pdf_upp - pdf_low) / prob) @ (x * w[:, None])
        g_cut = w @ d_cut
        # cut_m = theta_k + sum_{i < m} exp(theta_{k+i}): chain rule to the increments
        g_inc = np.array([g_cut[i:].sum() for i in range(1, k_levels - 1)]) * increments
        grad = np.r_[grad_beta, g_cut.sum(), g_inc]
        return -float(w @ np.log(prob)), -grad

    freq = np.bincount(endog, minlength=k_levels).cumsum()[:-1] / len(endog)
    start_cuts = np.log(freq / (1.0 - freq))
    start = np.r_[np.zeros(k), start_cuts[0], np.log(np.diff(start_cuts))]
    with np.errstate(over="ignore", divide="ignore", invalid="ignore"):
        res = minimize(negloglike, start, jac=True, method="BFGS",
                       options={"gtol": 1e-10, "maxiter": 5000})
    # Huge values mean separation (no finite maximum): leave those to statsmodels as before.
    if (not np.all(np.isfinite(res.x)) or np.max(np.abs(res.jac)) > 1e-7
            or np.max(np.abs(res.x)) > 30):
        return None
    return res.x


def ordered_logit(
    panel: pd.DataFrame,
    *,
    covariates: tuple[str, ...] = ("prev_tier", "region", "period"),
    regions: Mapping[str, str] | None = None,
    periods: tuple[tuple[str, int, int], ...] = PERIODS,
) -> OrderedLogitResult:
    """Ordered logit of the tier (1 < 2 < 2WL < 3) on dummy-coded covariates.

    Uses ``statsmodels.miscmodels.ordinal_model.OrderedModel`` with ``distr="logit"`` and no
    constant (the cutpoints play its role). Each factor is dummy-coded with its first level as
    reference: Tier 1 for ``prev_tier``, the alphabetically first region, the first period.
    Rows need a ranked tier, a ranked previous-year tier (if ``prev_tier`` is used) and a region
    (if ``region`` is used). Positive coefficients push towards worse tiers.

    Parameters
    ----------
    panel : DataFrame
        Tidy tier panel.
    covariates : tuple of str
        Any of ``prev_tier``, ``region``, ``period``.
    regions : mapping, optional
        iso3 -> region (e.g. State Department bureau); required for ``region``.
    periods : tuple of (label, first_year, last_year)
        Period bins, by default the Watch List rule eras :data:`PERIODS`.

    Returns
    -------
    OrderedLogitResult

    Examples
    --------
    >>> rng = np.random.default_rng(0)
    >>> tiers = rng.choice(list(TIER_ORDER), size=(60, 6))
    >>> p = pd.DataFrame({"iso3": np.repeat([f"C{i}" for i in range(60)], 6),
    ...                   "report_year": np.tile(np.arange(2010, 2016), 60),
    ...                   "tier": tiers.ravel()})
    >>> r = ordered_logit(p, covariates=("prev_tier",))
    >>> r.coefficients["term"].tolist()
    ['prev_tier[2]', 'prev_tier[2WL]', 'prev_tier[3]', '1|2', '2|2WL', '2WL|3']
    """
    from statsmodels.miscmodels.ordinal_model import OrderedModel

    covariates = tuple(covariates)
    data, exog, levels = _design(panel, covariates, regions, periods)
    endog = pd.Series(pd.Categorical(data["tier"].astype("object"), dtype=TIER_DTYPE),
                      index=data.index)
    model = OrderedModel(endog, exog, distr="logit")
    # statsmodels' BFGS still decides convergence (on the full data) and computes the standard
    # errors; from the maximum found on the grouped data it stops at once instead of taking
    # ~70 numerical-gradient steps (about 1.2 s on the shipped panel).
    fit = model.fit(start_params=_ordered_logit_start(model.endog, model.exog, model.k_levels),
                    method="bfgs", disp=False, maxiter=2000)
    k = exog.shape[1]
    params = np.asarray(fit.params)
    bse = np.asarray(fit.bse)
    ci = np.asarray(fit.conf_int())
    pvalues = np.asarray(fit.pvalues)
    cuts = model.transform_threshold_params(params)[1:-1]
    labels = [f"{a}|{b}" for a, b in itertools.pairwise(TIER_ORDER)]
    coef = pd.DataFrame(
        {
            "term": list(exog.columns) + labels,
            "kind": ["coef"] * k + ["cutpoint"] * 3,
            "estimate": np.r_[params[:k], cuts],
            "std_err": np.r_[bse[:k], bse[k], np.nan, np.nan],
            "ci_low": np.r_[ci[:k, 0], ci[k, 0], np.nan, np.nan],
            "ci_high": np.r_[ci[:k, 1], ci[k, 1], np.nan, np.nan],
            "p_value": np.r_[pvalues[:k], np.nan, np.nan, np.nan],
        }
    ).astype({"term": "str", "kind": "str"})
    references = {cov: levels[cov][0] for cov in covariates}
    return OrderedLogitResult(coef, fit, covariates, tuple(exog.columns), references,
                              tuple(periods), regions, len(endog))


def predicted_probabilities(
    result: OrderedLogitResult, panel: pd.DataFrame, iso3: str
) -> pd.DataFrame:
    """Predicted tier probabilities of one country, year by year, next to its observed tier.

    Returns
    -------
    DataFrame
        ``report_year``, ``tier`` (observed), ``prev_tier``, ``p_1``, ``p_2``, ``p_2WL``,
        ``p_3`` (rows sum to 1), ``predicted`` (most likely tier) and ``p_observed`` (the
        probability the model gave to what happened). Years the model cannot use (no
        previous-year tier, no region) are left out.

    Examples
    --------
    >>> rng = np.random.default_rng(0)
    >>> p = pd.DataFrame({"iso3": np.repeat([f"C{i}" for i in range(60)], 6),
    ...                   "report_year": np.tile(np.arange(2010, 2016), 60),
    ...                   "tier": rng.choice(list(TIER_ORDER), size=360)})
    >>> r = ordered_logit(p, covariates=("prev_tier",))
    >>> pp = predicted_probabilities(r, p, "C0")
    >>> bool(np.allclose(pp[["p_1", "p_2", "p_2WL", "p_3"]].sum(axis=1), 1.0))
    True
    """
    rows = panel[panel["iso3"] == iso3]
    data, exog, _ = _design(rows, result.covariates, result.regions, result.periods,
                            levels=_levels_of(result))
    exog = exog.reindex(columns=list(result.columns), fill_value=0.0)
    probs = np.asarray(result.fit.model.predict(result.fit.params, exog=exog.to_numpy()))
    out = data[["report_year", "tier", "prev_tier"]].reset_index(drop=True)
    for j, t in enumerate(TIER_ORDER):
        out[f"p_{t}"] = probs[:, j]
    out["predicted"] = pd.Categorical.from_codes(probs.argmax(axis=1), dtype=TIER_DTYPE)
    codes = out["tier"].cat.codes.to_numpy()
    out["p_observed"] = probs[np.arange(len(out)), codes]
    return out


def _levels_of(result: OrderedLogitResult) -> dict[str, list[str]]:
    """Factor levels (reference first) recovered from the fitted design's column names."""
    levels: dict[str, list[str]] = {}
    for cov in result.covariates:
        rest = [c[len(cov) + 1:-1] for c in result.columns if c.startswith(f"{cov}[")]
        levels[cov] = [result.references[cov], *rest]
    return levels
