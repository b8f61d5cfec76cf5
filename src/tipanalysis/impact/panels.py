"""Panel preparation for the peer designs, and one way to try an estimate that may not exist.

The designs need balanced panels (every unit observed in every period); with one treated unit
and few reports, many specifications are simply not estimable, and a notebook should say why
rather than stop.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any, TypeVar

import numpy as np
import pandas as pd

from tipanalysis.impact.errors import ImpactInputError

__all__ = ["Reason", "attempt", "balanced_panel"]

_T = TypeVar("_T")


def balanced_panel(
    panel: pd.DataFrame,
    unit: str,
    time: str,
    outcome: str,
    *,
    units: Iterable[Any] | None = None,
    times: Iterable[Any] | None = None,
    keep: str = "units",
) -> pd.DataFrame:
    """Rows of ``panel`` that form a balanced panel of ``outcome`` (no missing cell).

    Parameters
    ----------
    panel : DataFrame
        Long panel with ``unit``, ``time`` and ``outcome`` columns.
    units, times : iterable, optional
        Restrict to these units / periods first (default: all).
    keep : {"units", "times"}
        What to keep whole: ``"units"`` keeps every period of ``times`` and drops the units
        missing any of them (a donor pool); ``"times"`` keeps every unit of ``units`` and drops
        the periods in which any of them is missing (a fixed peer group).

    Examples
    --------
    >>> p = pd.DataFrame({"u": list("aabbc"), "t": [1, 2, 1, 2, 1], "y": [1., 2, 3, None, 5]})
    >>> balanced_panel(p, "u", "t", "y", keep="units")["u"].unique().tolist()
    ['a']
    >>> balanced_panel(p, "u", "t", "y", units=["a", "c"], keep="times")["t"].tolist()
    [1, 1]
    """
    if keep not in ("units", "times"):
        raise ValueError(f"keep must be 'units' or 'times', not {keep!r}")
    rows = panel[panel[outcome].notna()]
    if units is not None:
        rows = rows[rows[unit].isin(list(units))]
    if times is not None:
        times = list(times)
        rows = rows[rows[time].isin(times)]
    if rows.empty:
        return rows
    counts = pd.crosstab(rows[unit], rows[time])
    if keep == "units":
        n_times = len(set(times)) if times is not None else counts.shape[1]
        whole = counts.index[(counts > 0).sum(axis=1).eq(n_times)]
        return rows[rows[unit].isin(whole)]
    n_units = len(set(units)) if units is not None else counts.shape[0]
    whole = counts.columns[(counts > 0).sum(axis=0).eq(n_units)]
    return rows[rows[time].isin(whole)]


class Reason(str):
    """The message of an :class:`~tipanalysis.impact.ImpactInputError`, with the error itself.

    A plain string to anyone who prints or compares it; ``.error`` keeps the type, so a
    notebook can say why in another language (:func:`tipanalysis.viz.impact_text.reason`).

    Examples
    --------
    >>> from tipanalysis.impact import NoVariationError
    >>> r = Reason(NoVariationError("flat"))
    >>> r == "flat", type(r.error).__name__
    (True, 'NoVariationError')
    """

    error: ImpactInputError

    def __new__(cls, error: ImpactInputError) -> Reason:
        self = super().__new__(cls, str(error))
        self.error = error
        return self


def attempt(func: Callable[..., _T], *args: Any, **kwargs: Any) -> tuple[_T | None, str | None]:
    """Call an estimator; return ``(result, None)``, or ``(None, reason)`` if not estimable.

    ``reason`` is the error's message as a :class:`Reason` (a ``str`` that keeps the error).

    Only :class:`~tipanalysis.impact.ImpactInputError` (a reason the design cannot be
    estimated) is caught; numpy's warnings about exact fits (0/0 variances) are silenced, as
    the tables flag those fits themselves.

    Examples
    --------
    >>> from tipanalysis.impact import its
    >>> d = pd.DataFrame({"t": range(4), "y": [1., 2, 3, 4]})
    >>> attempt(its, d, "y", "t", 3)
    (None, 'a slope change needs at least 2 post-intervention periods')
    """
    try:
        with np.errstate(invalid="ignore", divide="ignore"):
            return func(*args, **kwargs), None
    except ImpactInputError as err:
        return None, Reason(err)


def __dir__() -> list[str]:
    return list(__all__)
