"""Country names ↔ ISO 3166-1 alpha-3 codes, English and Arabic names, and groupings.

Resolution never guesses: a name resolves only when it matches, after normalisation, exactly one
entry of the reference (``data/reference/countries.csv``), the alias table
(``data/reference/country_aliases.csv``) or pycountry's ISO names (English and Arabic). Anything
else, including ambiguous short forms such as "Congo" or "Korea", raises
:class:`UnknownCountryError` naming the input and the closest known names.

Normalisation ignores case, accents, Arabic diacritics and tatweel, punctuation and spaces; it
reads "&" as "and" and "St"/"St." as "Saint", drops the word "the", unifies Arabic alef, ya and
ta marbuta forms and ignores the Arabic article "ال". Lookup tables are built on first use.

Every function takes an optional ``data_dir``: the data folder whose ``reference/`` tables are
read (default :func:`tipanalysis.core.paths.data_dir`). Callers that were given a data folder pass
it on, so that an alias added to that folder's ``country_aliases.csv`` is used. Tables are
cached per resolved reference folder.
"""

from __future__ import annotations

import difflib
import functools
import gettext
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
import pycountry

from tipanalysis.core import paths
from tipanalysis.core.errors import DataValidationError, Problem
from tipanalysis.data.readers import read_text_table

__all__ = [
    "UnknownCountryError",
    "gcc_members",
    "members",
    "name",
    "reference",
    "region_map",
    "region_of",
    "to_iso3",
    "to_iso3_many",
]

#: State Department regional bureaus used in the ``region`` column.
BUREAUS: tuple[str, ...] = ("AF", "EAP", "EUR", "NEA", "SCA", "WHA")

# Short forms that name more than one country: refuse rather than pick one.
_AMBIGUOUS: dict[str, tuple[str, ...]] = {
    "Congo": ("COG", "COD"),
    "الكونغو": ("COG", "COD"),
    "Korea": ("KOR", "PRK"),
    "كوريا": ("KOR", "PRK"),
    "Virgin Islands": ("VGB", "VIR"),
    "Saint Martin": ("MAF", "SXM"),
}

# Alpha-2 codes outside ISO 3166-1 proper (user-assigned / withdrawn).
_EXTRA_ALPHA2 = {"XK": "XKX", "AN": "ANT"}
# iso-codes translates Moldova's common name as "المالديف" (the Maldives): never index it.
_BAD_ARABIC = {("MDA", "المالديف")}

_APOSTROPHES = str.maketrans("", "", "'’‘`´ʼ\u0092")
_ARABIC_LETTERS = str.maketrans({"ة": "ه", "ى": "ي", "ی": "ي", "ک": "ك", "ـ": None})
_ARABIC = re.compile("[\u0600-\u06ff]")


class UnknownCountryError(ValueError):
    """A country name or code that cannot be resolved to exactly one ISO alpha-3 code."""


def _strip_article(token: str) -> str:
    """Drop the Arabic article from one word ("الكويت" → "كويت", "والهرسك" → "وهرسك")."""
    if token.startswith("وال") and len(token) > 4:
        return "و" + token[3:]
    if token.startswith("ال") and len(token) > 3:
        return token[2:]
    return token


def normalise(text: str) -> str:
    """Return the lookup key of a country name: the comparison used by :func:`to_iso3`.

    Parameters
    ----------
    text : str
        A country name in English or Arabic.

    Returns
    -------
    str
        Lower-case letters and digits only, without accents or spaces.

    Examples
    --------
    >>> normalise("St. Vincent & the Grenadines") == normalise("Saint Vincent and Grenadines")
    True
    >>> normalise("البوسنة و الهرسك") == normalise("البوسنة والهرسك")
    True
    """
    text = unicodedata.normalize("NFKC", text).casefold().translate(_APOSTROPHES)
    text = text.replace("&", " and ")
    # NFKD then dropping combining marks removes Latin accents and Arabic harakat/hamza seats.
    text = "".join(
        ch for ch in unicodedata.normalize("NFKD", text) if not unicodedata.combining(ch)
    )
    text = text.translate(_ARABIC_LETTERS)
    tokens = re.sub(r"[\W_]+", " ", text).split()
    tokens = ["saint" if t == "st" else t for t in tokens if t != "the"]
    return "".join(_strip_article(t) if _ARABIC.search(t) else t for t in tokens)


def _reference_dir(data_dir: Path | str | None) -> Path:
    """Return the folder holding the reference CSVs.

    A data folder without ``reference/`` (e.g. a test copy holding only tiers) falls back to the
    repository's shipped reference, which is static lookup data like pycountry's tables.
    """
    base = paths.resolve_data_dir(data_dir)
    # Resolved, so that one folder spelled two ways ("data", "./data") shares one cache entry.
    folder = (base / "reference").resolve()
    if not all((folder / f).exists() for f in ("countries.csv", "country_aliases.csv")):
        folder = (paths.REPO_DIR / "data" / "reference").resolve()
    if not (folder / "countries.csv").exists():
        raise FileNotFoundError(f"country reference not found: {folder / 'countries.csv'}")
    return folder


def _read_csv(path: Path) -> pd.DataFrame:
    # Only an empty cell is missing: "NA" (Namibia's alpha-2) must stay a string.
    return read_text_table(path)


@functools.cache
def _reference(folder: Path) -> pd.DataFrame:
    table = _read_csv(folder / "countries.csv")
    table["gcc"] = table["gcc"].map({"true": True, "false": False}).astype(bool)
    return table


def reference(data_dir: Path | str | None = None) -> pd.DataFrame:
    """Return the country reference table (one row per ISO alpha-3 code).

    Parameters
    ----------
    data_dir : path, optional
        Data folder; defaults to :func:`tipanalysis.core.paths.data_dir`.

    Returns
    -------
    pandas.DataFrame
        Columns ``iso3, iso_numeric, name_en, name_ar, tip_name, region, gcc, note``; text
        columns have dtype ``str`` with NaN where unknown, ``gcc`` is boolean.

    Examples
    --------
    >>> ref = reference()
    >>> ref.loc[ref.iso3 == "KWT", ["name_en", "region", "gcc"]].values.tolist()
    [['Kuwait', 'NEA', True]]
    """
    return _reference(_reference_dir(data_dir)).copy()


def _arabic_names() -> list[tuple[str, str]]:
    """Return ``(iso3, Arabic name)`` pairs from pycountry's translation of iso-codes."""
    arabic = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["ar"])
    pairs = []
    for country in pycountry.countries:
        for attr in ("name", "official_name", "common_name"):
            english = getattr(country, attr, None)
            translated = arabic.gettext(english) if english else None
            usable = translated and translated != english and _ARABIC.search(translated)
            if usable and (country.alpha_3, translated) not in _BAD_ARABIC:
                pairs.append((country.alpha_3, translated))
    return pairs


def _name_entries(table: pd.DataFrame) -> list[tuple[str, str]]:
    """Return every ``(iso3, name)`` pair known from the reference table and pycountry."""
    entries = []
    for column in ("name_en", "tip_name", "name_ar"):
        entries += [(i, n) for i, n in zip(table["iso3"], table[column], strict=True)
                    if isinstance(n, str)]
    known = set(table["iso3"])
    for country in [*pycountry.countries, pycountry.historic_countries.get(alpha_3="ANT")]:
        if country.alpha_3 in known:
            entries += [(country.alpha_3, getattr(country, attr))
                        for attr in ("name", "official_name", "common_name")
                        if getattr(country, attr, None)]
    return entries + [(i, n) for i, n in _arabic_names() if i in known]


@dataclass(frozen=True)
class _Index:
    """Lookup tables built from one reference folder."""

    aliases: dict[str, str]  # normalised alias -> iso3 (consulted first)
    names: dict[str, frozenset[str]]  # normalised name -> every iso3 it names
    labels: dict[str, str]  # normalised name -> a readable spelling, for error messages
    ambiguous: dict[str, tuple[str, ...]]
    alpha3: frozenset[str]
    alpha2: dict[str, str]
    numeric: dict[str, str]
    name_en: dict[str, str]


@functools.cache
def _index(folder: Path) -> _Index:
    """Build the lookup tables for one reference folder (cached)."""
    table = _reference(folder)
    aliases = _read_csv(folder / "country_aliases.csv")
    alias_keys: dict[str, str] = {}
    for alias, iso3 in zip(aliases["alias"], aliases["iso3"], strict=True):
        key = normalise(alias)
        if alias_keys.setdefault(key, iso3) != iso3:
            raise ValueError(f"alias table: {alias!r} matches both {alias_keys[key]} and {iso3}")
    names: dict[str, set[str]] = {}
    labels: dict[str, str] = {}
    for iso3, text in [*_name_entries(table), *zip(aliases["iso3"], aliases["alias"], strict=True)]:
        key = normalise(text)
        if key:
            names.setdefault(key, set()).add(iso3)
            labels.setdefault(key, text)
    return _Index(
        aliases=alias_keys,
        names={k: frozenset(v) for k, v in names.items()},
        labels=labels,
        ambiguous={normalise(k): v for k, v in _AMBIGUOUS.items()},
        alpha3=frozenset(table["iso3"]),
        alpha2={c.alpha_2: c.alpha_3 for c in pycountry.countries} | _EXTRA_ALPHA2,
        numeric={n: i for i, n in zip(table["iso3"], table["iso_numeric"], strict=True)
                 if isinstance(n, str)},
        name_en=dict(zip(table["iso3"], table["name_en"], strict=True)),
    )


def _lookup(data_dir: Path | str | None = None) -> _Index:
    return _index(_reference_dir(data_dir))


def _candidates(key: str, index: _Index) -> str:
    close = difflib.get_close_matches(key, list(index.labels), n=3, cutoff=0.6)
    if not close:
        return "no close match"
    shown = [f"{index.labels[k]!r} ({'/'.join(sorted(index.names[k]))})" for k in close]
    return "closest: " + ", ".join(shown)


def _from_code(text: str, index: _Index) -> str | None:
    """Return the iso3 for an upper-case alpha-3/alpha-2 or a numeric code, else ``None``.

    Letter codes are read in upper case only, so that words such as "and" or "no" never are.
    """
    if re.fullmatch("[A-Z]{3}", text) and text in index.alpha3:
        return text
    if re.fullmatch("[A-Z]{2}", text):
        return index.alpha2.get(text)
    if re.fullmatch("[0-9]{1,3}", text):
        return index.numeric.get(text.zfill(3))
    return None


def to_iso3(name: str, *, data_dir: Path | str | None = None) -> str:
    """Return the ISO 3166-1 alpha-3 code for a country name or code.

    Parameters
    ----------
    name : str
        An ISO alpha-3, alpha-2 (upper case) or numeric code (incl. ``XKX`` Kosovo and ``ANT``
        Netherlands Antilles), or a name in English (TIP Report and data-set spellings such as
        "Korea, South", "Burma", "Cote d'Ivoire", "St. Lucia") or Arabic ("الكويت").
    data_dir : path, optional
        Data folder whose ``reference/`` tables (and aliases) are used; defaults to
        :func:`tipanalysis.core.paths.data_dir`.

    Returns
    -------
    str
        The alpha-3 code, e.g. ``"KWT"``.

    Raises
    ------
    UnknownCountryError
        If the input is empty, unknown or ambiguous ("Congo"); the message names the input and
        up to three close known names.

    Examples
    --------
    >>> to_iso3("Kuwait"), to_iso3("الكويت"), to_iso3("Korea, South"), to_iso3("414")
    ('KWT', 'KWT', 'KOR', 'KWT')
    >>> to_iso3("State of Kuwait", data_dir="tests/fixtures/data")  # doctest: +SKIP
    'KWT'
    """
    if not isinstance(name, str) or not name.strip():
        raise UnknownCountryError(f"missing, empty or non-text country name: {name!r}")
    index = _lookup(data_dir)
    text = name.strip()
    key = normalise(text)
    if key in index.aliases:
        return index.aliases[key]
    code = _from_code(text, index)
    if code is not None:
        return code
    if key in index.ambiguous:
        options = ", ".join(f"{i} ({index.name_en[i]})" for i in index.ambiguous[key])
        raise UnknownCountryError(f"ambiguous country name {name!r}: could be {options}")
    matches = index.names.get(key, frozenset())
    if len(matches) == 1:
        return next(iter(matches))
    if len(matches) > 1:
        raise UnknownCountryError(
            f"ambiguous country name {name!r}: matches {', '.join(sorted(matches))}"
        )
    raise UnknownCountryError(f"unknown country name {name!r}; {_candidates(key, index)}")


def to_iso3_many(
    names: Iterable[str],
    *,
    file: str | None = None,
    column: str = "country",
    first_row: int = 2,
    data_dir: Path | str | None = None,
) -> list[str]:
    """Resolve every name, or raise one error listing every name that does not resolve.

    Parameters
    ----------
    names : iterable of str
        Country names or codes, in file order.
    file : str, optional
        File the names come from, for the error report (default ``"<input>"``).
    column : str
        Column the names come from.
    first_row : int
        Line number of the first name in the file (2 when line 1 is the header).
    data_dir : path, optional
        Data folder whose reference tables are used (see :func:`to_iso3`).

    Returns
    -------
    list of str
        Alpha-3 codes, one per input, in order.

    Raises
    ------
    tipanalysis.errors.DataValidationError
        With one :class:`~tipanalysis.core.errors.Problem` (file, row, column, value, message) per
        unresolved name.

    Examples
    --------
    >>> to_iso3_many(["Kuwait", "Burma"], file="tiers.csv")
    ['KWT', 'MMR']
    """
    codes: list[str] = []
    problems: list[Problem] = []
    for offset, value in enumerate(names):
        try:
            codes.append(to_iso3(value, data_dir=data_dir))
        except UnknownCountryError as exc:
            problems.append(Problem(file or "<input>", first_row + offset, column, value, str(exc)))
    if problems:
        raise DataValidationError(problems)
    return codes


def _row(iso3: str, data_dir: Path | str | None) -> pd.Series:
    table = _reference(_reference_dir(data_dir))
    match = table[table["iso3"] == iso3]
    if match.empty:
        raise UnknownCountryError(f"unknown ISO alpha-3 code: {iso3!r}")
    return match.iloc[0]


def name(iso3: str, lang: str = "en", *, data_dir: Path | str | None = None) -> str:
    """Return the English (``lang="en"``) or Arabic (``"ar"``) name of a country.

    ``data_dir`` selects the reference folder, as for :func:`to_iso3`.

    Examples
    --------
    >>> name("KWT"), name("KWT", "ar")
    ('Kuwait', 'الكويت')
    """
    column = {"en": "name_en", "ar": "name_ar"}.get(lang)
    if column is None:
        raise ValueError(f"unknown language {lang!r}; expected 'en' or 'ar'")
    return str(_row(iso3, data_dir)[column])


def region_of(iso3: str, *, data_dir: Path | str | None = None) -> str | None:
    """Return the State Department bureau code (e.g. ``"NEA"``) or ``None`` if none is sourced.

    ``data_dir`` selects the reference folder, as for :func:`to_iso3`.

    Examples
    --------
    >>> region_of("KWT"), region_of("USA")
    ('NEA', None)
    """
    region = _row(iso3, data_dir)["region"]
    return region if isinstance(region, str) else None


def region_map(*, data_dir: Path | str | None = None) -> dict[str, str]:
    """Return iso3 -> State Department bureau for every country with a sourced region.

    Examples
    --------
    >>> region_map()["KWT"]
    'NEA'
    """
    table = _reference(_reference_dir(data_dir))
    sourced = table[table["region"].notna()]
    return dict(zip(sourced["iso3"], sourced["region"], strict=True))


def gcc_members(*, data_dir: Path | str | None = None) -> list[str]:
    """Return the six GCC member states, sorted.

    ``data_dir`` selects the reference folder, as for :func:`to_iso3`.

    Examples
    --------
    >>> gcc_members()
    ['ARE', 'BHR', 'KWT', 'OMN', 'QAT', 'SAU']
    """
    table = _reference(_reference_dir(data_dir))
    return sorted(table.loc[table["gcc"], "iso3"])


def members(group: str, *, data_dir: Path | str | None = None) -> list[str]:
    """Return the sorted alpha-3 codes of a group.

    Parameters
    ----------
    group : str
        ``"GCC"``, a bureau code (``"AF"``, ``"EAP"``, ``"EUR"``, ``"NEA"``, ``"SCA"``,
        ``"WHA"``) or ``"world"`` (every code in the reference, territories included);
        case-insensitive.
    data_dir : path, optional
        Data folder whose reference table is used (see :func:`to_iso3`).

    Examples
    --------
    >>> "KWT" in members("NEA"), len(members("GCC"))
    (True, 6)
    """
    table = _reference(_reference_dir(data_dir))
    wanted = group.strip().upper()
    if wanted == "GCC":
        return gcc_members(data_dir=data_dir)
    if wanted == "WORLD":
        return sorted(table["iso3"])
    if wanted in BUREAUS:
        return sorted(table.loc[table["region"] == wanted, "iso3"])
    raise ValueError(f"unknown group {group!r}; expected 'GCC', 'world' or one of {BUREAUS}")


def __dir__() -> list[str]:
    # Tab completion shows the public API only, not pd, np or helpers.
    return list(__all__)
