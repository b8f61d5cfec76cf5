"""Kuwait's reforms and policy events: one table for notebooks 02 and 04 and the brief.

The timeline (``data.load_timeline()``) lists every dated event; the charts show the laws,
institutions and strategies (:data:`EVENT_CATEGORIES`), and the impact analyses use four of
them as reforms (:data:`REFORMS`).
"""

from __future__ import annotations

import math

import pandas as pd

from tipanalysis.core.reportyear import event_positions, map_events_to_report_years

__all__ = [
    "EVENT_CATEGORIES",
    "REFORMS",
    "REFORM_EVENTS",
    "event_lines",
    "policy_events",
    "reforms",
]

#: Timeline categories drawn on tier charts and listed in the brief.
EVENT_CATEGORIES: tuple[str, ...] = ("law", "institution", "strategy")
#: The reforms the impact analyses are about: timeline event id -> short English name.
REFORMS: dict[str, str] = {
    "KWT-0009": "2013 anti-trafficking law (Law 91/2013, in force)",
    "KWT-0014": "2015 domestic workers law (Law 68/2015)",
    "KWT-0021": "first national strategy (Resolution 261/2018)",
    "KWT-0039": "national strategy 2025–2028 (launch)",
}
#: Their event ids, oldest first.
REFORM_EVENTS: tuple[str, ...] = tuple(REFORMS)


def policy_events(timeline: pd.DataFrame, *, categories: tuple[str, ...] = EVENT_CATEGORIES,
                  until: float | None = None) -> pd.DataFrame:
    """The dated policy events of ``timeline``, placed on the report-year axis and numbered.

    Parameters
    ----------
    timeline : DataFrame
        ``data.load_timeline()`` (needs ``category`` and ``date_start``).
    categories : tuple of str
        Categories to keep (default :data:`EVENT_CATEGORIES`).
    until : float, optional
        Drop events placed after this position (e.g. ``year + 1`` in a brief for ``year``).

    Returns
    -------
    DataFrame
        The kept rows with ``x`` (position, :func:`~tipanalysis.core.reportyear.event_positions`)
        and ``label`` ("1", "2", ... in date order of the timeline).

    Examples
    --------
    >>> dates = pd.to_datetime(["2013-03-17", "2014-01-01", "2018-02-05"])
    >>> tl = pd.DataFrame({"category": ["law", "other", "strategy"], "date_start": dates})
    >>> policy_events(tl)[["x", "label"]].round(2).values.tolist()
    [[2012.96, '1'], [2017.85, '2']]
    """
    events = timeline[timeline["category"].isin(categories)
                      & timeline["date_start"].notna()].reset_index(drop=True)
    events = events.assign(x=event_positions(events["date_start"]))
    if until is not None:
        events = events[events["x"] <= until].reset_index(drop=True)
    return events.assign(label=[str(i + 1) for i in range(len(events))])


def event_lines(events: pd.DataFrame | None) -> pd.DataFrame | None:
    """One line per reporting period, labelled with its events' numbers ("12–17").

    Several events often fall in one period (2024–2025 has eleven); one line each would print
    their numbers on top of one another.

    Examples
    --------
    >>> ev = pd.DataFrame({"x": [2012.9, 2024.1, 2024.5], "label": ["1", "2", "3"]})
    >>> event_lines(ev).values.tolist()
    [[2012.9, '1'], [2024.1, '2–3']]
    """
    if events is None or events.empty:
        return None
    period = events["x"].apply(math.ceil)  # the report year whose period holds the event
    grouped = events.groupby(period, sort=True).agg(x=("x", "min"), first=("label", "first"),
                                                    last=("label", "last"))
    labels = [a if a == b else f"{a}–{b}" for a, b in zip(grouped["first"], grouped["last"],
                                                          strict=True)]
    return pd.DataFrame({"x": grouped["x"].to_numpy(), "label": labels})


def reforms(timeline: pd.DataFrame, *, policy: str = "latest") -> pd.DataFrame:
    """The :data:`REFORMS` with their dates and the first report that could reflect each.

    Returns
    -------
    DataFrame
        Indexed by ``event_id`` (in :data:`REFORMS` order): ``reform``, ``date``,
        ``report_year`` (by :func:`~tipanalysis.impact.map_events_to_report_years` and
        ``policy``).

    Examples
    --------
    >>> from tipanalysis import data
    >>> reforms(data.load_timeline())["report_year"].tolist()
    [2013, 2016, 2018, 2026]
    """
    events = map_events_to_report_years(
        timeline[timeline["event_id"].isin(list(REFORMS))], policy=policy)
    out = events.set_index("event_id").loc[list(REFORMS), ["date", "report_year"]]
    out.insert(0, "reform", [REFORMS[i] for i in out.index])
    return out


def __dir__() -> list[str]:
    return list(__all__)
