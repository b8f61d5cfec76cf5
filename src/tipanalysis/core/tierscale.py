"""The tier scale: labels (:func:`parse_tier`), their order and dtype, ranks and scores.

The State Department places each government on Tier 1, Tier 2, the Tier 2 Watch List (``2WL``) or
Tier 3; a few countries are "Special Cases" with no tier. Every layer needs these labels, so they
live in the core.
"""

from __future__ import annotations

import numbers
import re
import unicodedata

import numpy as np
import pandas as pd

__all__ = [
    "RANK_TABLE",
    "SCORE_TABLE",
    "SPECIAL",
    "TIER_DTYPE",
    "TIER_ORDER",
    "TIER_RANK",
    "TIER_SCORE",
    "UnknownTierError",
    "parse_tier",
    "tier_codes",
    "tier_rank",
    "tier_score",
]

#: Tier labels from best to worst; the order of the categorical dtype.


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
    # A sign on a number is not a separator: "Tier -1" is not Tier 1 (_normalise drops dashes),
    # while "tier-2-watch-list" and "Tier – 2" still are spellings of a tier.
    if re.search(r"(^|\s)[-−+][\d٠-٩]", unicodedata.normalize("NFKC", label)):
        raise UnknownTierError(f"unknown tier label: {label!r} (a tier has no sign)")
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

#: TIER_RANK and TIER_SCORE as arrays indexed by category code (the order of TIER_ORDER), so that
#: vectorised code reads the one scale instead of re-typing it.
RANK_TABLE = np.array([float(TIER_RANK[t]) for t in TIER_ORDER])
SCORE_TABLE = np.array([TIER_SCORE[t] for t in TIER_ORDER])


def tier_codes(tier: object) -> np.ndarray:
    """Return category codes 0..3 (-1 for Special Cases / missing) of tier labels.

    Examples
    --------
    >>> tier_codes(["1", "2WL", None, "special"]).tolist()
    [0, 2, -1, -1]
    """
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
        codes = tier_codes(tier)
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
    return _scalar_or_series(tier, RANK_TABLE)


def tier_score(tier: object) -> float | pd.Series:
    """Conventional tier score: 1, 2, 2.5 (Watch List), 3; Special Cases stay NaN.

    Examples
    --------
    >>> tier_score("Tier 2 Watch List")
    2.5
    >>> tier_score(pd.Series(["2", "special"])).tolist()
    [2.0, nan]
    """
    return _scalar_or_series(tier, SCORE_TABLE)


def __dir__() -> list[str]:
    # Tab completion shows the public API only, not pd, np or helpers.
    return list(__all__)
