"""TIP Report tiers: parsing labels, the ordered tier type and (later) indicators over the panel.

The State Department places each government on Tier 1, Tier 2, the Tier 2 Watch List (``2WL``) or
Tier 3; a few countries are "Special Cases" with no tier. Tiers rate a government's *efforts*
against the minimum standards of the TVPA, not the size of the problem.
"""

from __future__ import annotations

import re
import unicodedata

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
_ARABIC_ORDINALS = {
    "الاولى": "1", "الاول": "1", "اولى": "1", "1": "1",
    "الثانية": "2", "الثاني": "2", "ثانية": "2", "2": "2",
    "الثالثة": "3", "الثالث": "3", "ثالثة": "3", "3": "3",
}
_ARABIC_TIER_WORDS = ("الفئة", "الفئه", "المستوى", "المستوي", "الدرجة", "الدرجه", "فئة", "مستوى")
_ARABIC_WATCH = ("قائمة المراقبة", "قائمه المراقبه", "المراقبة", "المراقبه")
_ARABIC_SPECIAL = ("حالة خاصة", "حالات خاصة", "حاله خاصه")


def _normalise(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).casefold()
    text = text.replace("\u0640", "")  # Arabic tatweel carries no meaning
    text = re.sub("[إأآ]", "ا", text)
    text = text.translate(str.maketrans("٠١٢٣٤٥٦٧٨٩", "0123456789"))
    text = re.sub(r"[\s_\-–—:/()\[\].,]+", " ", text)
    return text.strip()


def _parse_arabic(text: str) -> str | None:
    if any(w in text for w in _ARABIC_SPECIAL):
        return SPECIAL
    watch = any(w in text for w in _ARABIC_WATCH)
    rest = text
    for w in _ARABIC_WATCH:
        rest = rest.replace(w, " ")
    words = [w for w in rest.split() if w not in _ARABIC_TIER_WORDS and w not in ("من", "على", "-")]
    digits = {_ARABIC_ORDINALS[w] for w in words if w in _ARABIC_ORDINALS}
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
    if isinstance(label, (int, float)):
        numeric = {1.0: "1", 2.0: "2", 2.5: "2WL", 3.0: "3"}.get(float(label))
        if numeric is None:
            raise UnknownTierError(f"unknown tier label: {label!r} (numeric codes are 1, 2, 2.5, 3)")
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
