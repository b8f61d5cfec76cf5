"""Pre-specified designs: what becomes estimable after each coming report.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

import pandas as pd

from tipanalysis.impact.errors import ImpactInputError

__all__ = [
    "design_schedule",
]


# --------------------------------------------------------------------------------------------
# Pre-specified designs: what becomes estimable after each coming report
# --------------------------------------------------------------------------------------------
def design_schedule(
    intervention_report_year: int,
    last_observed_year: int,
    horizon_years: Iterable[int],
    *,
    observed_years: Mapping[str, Iterable[int]],
    min_pre: int | Mapping[str, int] = 3,
    min_post: int | Mapping[str, int] = 2,
) -> pd.DataFrame:
    """Which designs can be estimated after each coming report, and what data they still need.

    A time-series or panel design needs an unbroken run of yearly values: the pre-period is the
    run of observed years that ends just before the intervention (a gap ends it), and the
    post-period is the run from the intervention year onwards. Report years after
    ``last_observed_year`` are assumed to supply a value (that is what the schedule plans for);
    years up to ``last_observed_year`` count only if observed. Nothing is estimated here.

    Parameters
    ----------
    intervention_report_year : int
        First report year whose reporting period holds the intervention (see
        :func:`report_year_of`).
    last_observed_year : int
        Last report year for which data exist now.
    horizon_years : iterable of int
        Coming report years to tabulate (e.g. ``[2026, 2027, 2028]``).
    observed_years : mapping of str to iterable of int
        For each design (a label), the years with a usable value, none after
        ``last_observed_year``.
    min_pre, min_post : int or mapping of str to int
        Periods needed before and from the intervention, for all designs or per design label.

    Returns
    -------
    DataFrame
        One row per report year and design (designs in the order given): ``report_year,
        design, n_pre, n_post, min_pre, min_post, estimable, missing_pre`` (years in the
        ``min_pre`` years before the intervention that have no value, ``", "``-joined) and
        ``needs`` (what must be found or published before that report's estimate exists).

    Raises
    ------
    ImpactInputError
        An observed year after ``last_observed_year``, a horizon year before the intervention,
        a threshold below 1 or a design missing from a threshold mapping.

    Examples
    --------
    Tiers observed every year 2003-2025; a count observed only in 2014, 2015, 2017 and 2023.
    The strategy is first assessed in the 2026 report:

    >>> obs = {"tiers": range(2003, 2026), "count": [2014, 2015, 2017, 2023]}
    >>> s = design_schedule(2026, 2025, [2026, 2027], observed_years=obs)
    >>> s[["report_year", "design", "n_pre", "n_post", "estimable"]].values.tolist()
    ... # doctest: +NORMALIZE_WHITESPACE
    [[2026, 'tiers', 23, 1, False], [2026, 'count', 0, 1, False],
     [2027, 'tiers', 23, 2, True], [2027, 'count', 0, 2, False]]
    >>> s.loc[3, "missing_pre"], s.loc[3, "needs"]
    ('2024, 2025', 'values for 2024, 2025 (pre-period); a value in each report 2026-2027')
    """
    t0, last = int(intervention_report_year), int(last_observed_year)
    horizon = [int(y) for y in horizon_years]
    early = [y for y in horizon if y < t0]
    if early:
        raise ImpactInputError(
            f"horizon year(s) {early} are before the intervention's first report {t0}")

    def threshold(value: int | Mapping[str, int], design: str, what: str) -> int:
        if isinstance(value, Mapping):
            if design not in value:
                raise ImpactInputError(f"{what} has no value for design {design!r}")
            value = value[design]
        if int(value) < 1:
            raise ImpactInputError(f"{what} must be at least 1, not {value!r}")
        return int(value)

    designs = {}
    for design, years in observed_years.items():
        seen = {int(y) for y in years}
        late = sorted(y for y in seen if y > last)
        if late:
            raise ImpactInputError(
                f"design {design!r} has values after the last observed year {last}: {late}")
        designs[design] = (seen, threshold(min_pre, design, "min_pre"),
                           threshold(min_post, design, "min_post"))
    rows = []
    for year in horizon:
        for design, (seen, need_pre, need_post) in designs.items():
            n_pre = 0
            while t0 - 1 - n_pre in seen:
                n_pre += 1
            n_post = 0
            while t0 + n_post <= year and (t0 + n_post > last or t0 + n_post in seen):
                n_post += 1
            missing = [y for y in range(t0 - need_pre, t0) if y not in seen]
            needs = []
            if missing:
                needs.append(f"values for {', '.join(map(str, missing))} (pre-period)")
            gaps = [y for y in range(t0, min(year, last) + 1) if y not in seen]
            if gaps:
                needs.append(f"values for {', '.join(map(str, gaps))} (post-period)")
            if year > last:
                first = max(t0, last + 1)
                span = str(year) if first == year else f"{first}-{year}"
                needs.append(f"a value in each report {span}")
            if n_post < need_post:
                needs.append(f"{need_post - n_post} more post-period report(s)")
            rows.append((year, design, n_pre, n_post, need_pre, need_post,
                         n_pre >= need_pre and n_post >= need_post, ", ".join(map(str, missing)),
                         "; ".join(needs)))
    return pd.DataFrame(rows, columns=["report_year", "design", "n_pre", "n_post", "min_pre",
                                       "min_post", "estimable", "missing_pre", "needs"])


def __dir__() -> list[str]:
    # Tab completion shows the public API only, not pd, np or helpers.
    return list(__all__)
