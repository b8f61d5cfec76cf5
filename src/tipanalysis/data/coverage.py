"""How complete the tier panel is, year by year, against the official counts that were sourced.

The panel (``data/tiers/tier_placements.csv``) has one row per country and TIP report year. For
each report year :func:`compute_coverage` counts the rows per tier, compares the total with the
number of countries the report assessed (``official_counts.csv``, measure ``countries_assessed``)
and lists the countries known to be missing (``known_gaps.csv``).

How the USA counts: the TIP Report has ranked the USA since the 2010 edition and the official
totals (e.g. 188 in 2021) include it. The USA is therefore counted in ``n_total`` like any other
country wherever the panel has a USA row; where it has none (2010-2015, Kelley/Heiss data never
include the USA) it appears in ``known_missing`` instead.
"""

from __future__ import annotations

from urllib.parse import urlsplit

import pandas as pd

from tipanalysis.core.errors import DataValidationError, Problem

__all__ = [
    "COMPLETENESS",
    "COVERAGE_COLUMNS",
    "NEAR_COMPLETE_MAX_MISSING",
    "compute_coverage",
    "source_domain",
]

#: Columns of the coverage table, in file order.
COVERAGE_COLUMNS: tuple[str, ...] = (
    "report_year", "n_tier1", "n_tier2", "n_tier2wl", "n_tier3", "n_special", "n_total",
    "official_total", "n_inferred", "completeness", "known_missing", "sources",
)
#: Completeness labels, from best to worst information. ``inferred``: every country of the
#: official total is there, but some placements are inferred (e.g. by elimination), not read.
COMPLETENESS: tuple[str, ...] = ("complete", "inferred", "near-complete", "partial",
                                 "unverified")
#: How many countries may be missing for a year to count as ``near-complete``.
NEAR_COMPLETE_MAX_MISSING = 2

_TIER_COLUMNS = {"1": "n_tier1", "2": "n_tier2", "2WL": "n_tier2wl", "3": "n_tier3"}


def source_domain(url: object) -> str:
    """Return the host of a source URL without a leading ``www.`` (empty for a missing URL).

    Examples
    --------
    >>> source_domain("https://www.ecoi.net/en/document/2111698.html")
    'ecoi.net'
    >>> source_domain("")
    ''
    """
    if not isinstance(url, str) or not url.strip():
        return ""
    host = urlsplit(url.strip()).netloc.lower()
    return host.removeprefix("www.")


def _check_columns(frame: pd.DataFrame, name: str, required: tuple[str, ...]) -> None:
    missing = [c for c in required if c not in frame.columns]
    if missing:
        raise DataValidationError(
            [Problem(name, None, c, None, "required column is missing") for c in missing]
        )


def _years(frame: pd.DataFrame, name: str) -> pd.Series:
    """Report years as integers; every unreadable value is reported, none is dropped."""
    years = pd.to_numeric(frame["report_year"], errors="coerce")
    bad = years.isna() | (years % 1 != 0)
    if bad.any():
        raise DataValidationError([
            Problem(name, pos + 2, "report_year", frame["report_year"].iloc[pos],
                    "report year is not a whole number")
            for pos in bad.to_numpy().nonzero()[0]
        ])
    return years.astype("int64")


def _classify(placements: pd.DataFrame) -> pd.Series:
    """Map each placement row to its count column (``n_tier1`` ... ``n_special``)."""
    status = placements["status"].astype("object")
    tier = placements["tier"].astype("object")
    out = tier.map(lambda t: _TIER_COLUMNS.get(str(t)) if isinstance(t, str) else None)
    special = status.eq("special")
    out = out.where(~special, "n_special")
    # A special case must have no tier, a ranked row must have a known one.
    bad = (special & tier.notna() & tier.astype(str).ne("")) | (~special & status.ne("ranked"))
    bad |= out.isna()
    if bad.any():
        problems = []
        for pos in bad.to_numpy().nonzero()[0]:
            problems.append(Problem(
                "placements", pos + 2, "tier", f"{tier.iloc[pos]!s}/{status.iloc[pos]!s}",
                "tier/status must be 1, 2, 2WL or 3 with status 'ranked', or empty with 'special'",
            ))
        raise DataValidationError(problems)
    return out


def _official_totals(official_counts: pd.DataFrame) -> pd.Series:
    _check_columns(official_counts, "official_counts", ("report_year", "measure", "value"))
    years = _years(official_counts, "official_counts")
    dup = pd.DataFrame({"y": years, "m": official_counts["measure"]}).duplicated(keep=False)
    if dup.any():
        raise DataValidationError([
            Problem("official_counts", pos + 2, "measure", official_counts["measure"].iloc[pos],
                    f"duplicate (report_year, measure) for {years.iloc[pos]}")
            for pos in dup.to_numpy().nonzero()[0]
        ])
    assessed = official_counts["measure"].eq("countries_assessed")
    values = pd.to_numeric(official_counts["value"], errors="coerce")
    bad = assessed & official_counts["value"].notna() & values.isna()
    if bad.any():
        raise DataValidationError([
            Problem("official_counts", pos + 2, "value", official_counts["value"].iloc[pos],
                    "countries_assessed is not a number")
            for pos in bad.to_numpy().nonzero()[0]
        ])
    keep = assessed & values.notna()
    return pd.Series(values[keep].to_numpy(), index=years[keep].to_numpy()).astype("int64")


def _known_missing(known_gaps: pd.DataFrame | None, present: set[tuple[str, int]]) -> pd.Series:
    """``;``-joined ISO3 codes per year, leaving out gaps that the panel has since filled."""
    if known_gaps is None or known_gaps.empty:
        return pd.Series(dtype="str")
    _check_columns(known_gaps, "known_gaps", ("report_year", "iso3"))
    years = _years(known_gaps, "known_gaps")
    gaps = pd.DataFrame({"report_year": years, "iso3": known_gaps["iso3"].astype(str)})
    still = [(c, y) not in present for c, y in zip(gaps["iso3"], gaps["report_year"], strict=True)]
    gaps = gaps[still]
    return gaps.groupby("report_year")["iso3"].agg(lambda s: ";".join(sorted(set(s))))


def _completeness(n_total: int, official: float) -> str:
    if pd.isna(official):
        return "unverified"
    if n_total == official:
        return "complete"
    if official - n_total <= NEAR_COMPLETE_MAX_MISSING:
        return "near-complete"
    return "partial"


def compute_coverage(
    placements: pd.DataFrame,
    official_counts: pd.DataFrame,
    known_gaps: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """Count the tier panel per report year and rate its completeness against official totals.

    Parameters
    ----------
    placements : DataFrame
        The tier panel, with at least ``iso3``, ``report_year``, ``tier`` (``1``, ``2``,
        ``2WL``, ``3``; missing for Special Cases), ``status`` (``ranked``/``special``) and
        ``source_url``.
    official_counts : DataFrame
        ``report_year``, ``measure``, ``value``; only ``countries_assessed`` rows are used, as
        the official total of the year (it includes the USA and the Special Cases).
    known_gaps : DataFrame, optional
        ``report_year``, ``iso3`` of countries known to be in a report but missing from the
        panel. A gap that the panel has since filled is not listed.

    Returns
    -------
    DataFrame
        One row per report year (every year in ``placements`` or with an official total), with
        the columns of :data:`COVERAGE_COLUMNS`. ``completeness`` is ``complete`` when
        ``n_total`` equals the official total and no placement is inferred (``basis``
        column, when present), ``inferred`` when the total is reached but ``n_inferred``
        placements were inferred rather than read, ``near-complete`` when at most
        :data:`NEAR_COMPLETE_MAX_MISSING` countries are missing, ``partial`` otherwise and
        ``unverified`` when no official total was sourced. ``sources`` lists the distinct
        source domains of the year's rows, sorted and ``;``-joined.

    Raises
    ------
    DataValidationError
        On a missing column, an unknown tier or status, a duplicate (iso3, report_year) or
        (report_year, measure), or a year with more rows than its official total.

    Examples
    --------
    >>> panel = pd.DataFrame({"iso3": ["KWT", "QAT"], "report_year": [2025, 2025],
    ...                       "tier": ["2", None], "status": ["ranked", "special"],
    ...                       "source_url": ["https://www.a.org/x", "https://b.net/y"]})
    >>> counts = pd.DataFrame({"report_year": [2025], "measure": ["countries_assessed"],
    ...                        "value": [3]})
    >>> row = compute_coverage(panel, counts).iloc[0]
    >>> int(row["n_total"]), row["completeness"], row["sources"]
    (2, 'near-complete', 'a.org;b.net')
    """
    _check_columns(placements, "placements", ("iso3", "report_year", "tier", "status",
                                              "source_url"))
    years = _years(placements, "placements")
    dup = pd.DataFrame({"iso3": placements["iso3"], "y": years}).duplicated(keep=False)
    if dup.any():
        raise DataValidationError([
            Problem("placements", pos + 2, "iso3", placements["iso3"].iloc[pos],
                    f"duplicate (iso3, report_year) for {years.iloc[pos]}")
            for pos in dup.to_numpy().nonzero()[0]
        ])
    panel = pd.DataFrame({
        "report_year": years.to_numpy(),
        "column": _classify(placements).to_numpy(),
        "domain": placements["source_url"].map(source_domain).to_numpy(),
    })
    counts = pd.crosstab(panel["report_year"], panel["column"])
    counts = counts.reindex(columns=[*_TIER_COLUMNS.values(), "n_special"], fill_value=0)
    official = _official_totals(official_counts)
    all_years = sorted(set(counts.index) | set(official.index))
    out = counts.reindex(all_years, fill_value=0).astype("int64")
    out["n_total"] = out.sum(axis=1)
    out["official_total"] = official.reindex(all_years).astype("Int64")

    too_many = out["official_total"].notna() & (out["n_total"] > out["official_total"])
    if too_many.fillna(False).any():
        raise DataValidationError([
            Problem("placements", None, "report_year", int(y),
                    f"{out.at[y, 'n_total']} placements but the official total is "
                    f"{out.at[y, 'official_total']}; a row belongs to another year or country")
            for y in out.index[too_many.fillna(False).to_numpy()]
        ])
    # Placements not read on a page but inferred (the build's ``basis`` column): a year is
    # complete only when every row is directly sourced.
    inferred = (placements["basis"].eq("inferred") if "basis" in placements.columns
                else pd.Series(False, index=placements.index))
    out["n_inferred"] = (pd.Series(inferred.to_numpy(), index=years.to_numpy())
                         .groupby(level=0).sum().reindex(all_years, fill_value=0)
                         .astype("int64").to_numpy())
    out["completeness"] = [
        "inferred" if c == "complete" and k > 0 else c
        for c, k in zip((_completeness(n, o) for n, o in zip(
            out["n_total"], out["official_total"], strict=True)), out["n_inferred"],
            strict=True)
    ]
    present = set(zip(placements["iso3"].astype(str), years, strict=True))
    out["known_missing"] = _known_missing(known_gaps, present).reindex(all_years).fillna("")
    domains = panel[panel["domain"].ne("")].groupby("report_year")["domain"]
    out["sources"] = domains.agg(lambda s: ";".join(sorted(set(s)))).reindex(all_years).fillna("")
    out = out.rename_axis("report_year").reset_index()
    out["known_missing"] = out["known_missing"].replace("", pd.NA).astype("str")
    out["sources"] = out["sources"].replace("", pd.NA).astype("str")
    return out[list(COVERAGE_COLUMNS)]


def __dir__() -> list[str]:
    # Tab completion shows the public API only, not pd, np or helpers.
    return list(__all__)
