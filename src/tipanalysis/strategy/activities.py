"""The activities log from the Kuwait timeline, and status labels.
"""

from __future__ import annotations

import pandas as pd

from tipanalysis.core.i18n import t
from tipanalysis.strategy.framework import FIRST_YEAR, STRANDS_ORDER, UNASSIGNED

__all__ = [
    "ACTIVITY_RULES",
    "CATEGORY_FALLBACK",
    "CATEGORY_FIRST",
    "STRAND_RULES",
    "activities_log",
    "activity_counts",
    "status_label",
]

# --------------------------------------------------------------------------------------------
# activities log from the timeline
# --------------------------------------------------------------------------------------------

#: Activity type by keyword in the event text, first match wins (order matters).
ACTIVITY_RULES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("agreement", ("agreement", "mou", "memorandum", "signed")),
    ("training", ("training", "course")),
    ("launch", ("launch",)),
    ("meeting", ("meeting", "met ", "received", "discussed", "talks")),
    ("awareness", ("awareness", "campaign", "world day")),
    ("workshop", ("workshop", "seminar", "lecture", "forum", "conference")),
)
#: Strand by keyword in the event text, after the category rule; first match wins.
STRAND_RULES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("prevention", ("awareness", "campaign", "world day", "recruitment", "inspection")),
    ("protection", ("shelter", "victim", "referral")),
    ("accountability", ("prosecut", "investigat", "convict", "court")),
    ("coordination", ("committee", "cooperation", "iom", "unodc", "agreement", "mou",
                      "seminar", "forum")),
)
#: Categories mapped to a strand before / after the keyword rules.
CATEGORY_FIRST = {"strategy": "coordination"}
CATEGORY_FALLBACK = {"partnership": "coordination"}


def _timeline_dates(timeline: pd.DataFrame) -> pd.DataFrame:
    """Add date_start / date_precision from ``date`` when the frame lacks them."""
    df = timeline.copy()
    if "date_precision" not in df.columns:
        lengths = df["date"].astype("str").str.len()
        df["date_precision"] = lengths.map({4: "year", 7: "month", 10: "day"})
    if "date_start" not in df.columns:
        df["date_start"] = df["date"].astype("str").map(
            lambda d: d + "-01-01" if len(d) == 4 else d + "-01" if len(d) == 7 else d)
    df["date_start"] = pd.to_datetime(df["date_start"])
    if "event_id" not in df.columns:
        df["event_id"] = [f"row{i + 2}" for i in range(len(df))]
    return df


def _first_rule(text: str, rules: tuple[tuple[str, tuple[str, ...]], ...]) -> tuple[str, str]:
    for name, words in rules:
        for word in words:
            if word in text:
                return name, word
    return "", ""


def activities_log(timeline: pd.DataFrame, *, start: str = f"{FIRST_YEAR}-01-01",
                   end: str | None = None) -> pd.DataFrame:
    """Classify timeline events from ``start`` into activity type and strand.

    Rules (transparent, in :data:`ACTIVITY_RULES` and :data:`STRAND_RULES`): the activity type
    is the first keyword group found in the lower-cased event text; events with none are kept
    with ``activity_type`` "other" and ``is_activity`` false. The strand is ``coordination`` for
    category ``strategy``; else the first keyword group found; else ``coordination`` for
    ``partnership``; else ``unassigned``. The ``rule`` column says which rule applied.

    Parameters
    ----------
    timeline : pandas.DataFrame
        Columns date, category, event, source_url (date_start, date_precision, event_id used
        when present).
    start, end : str
        ISO dates bounding ``date_start`` (inclusive).

    Returns
    -------
    pandas.DataFrame
        event_id, date, date_start, quarter (``2025-Q2``; ``2025-Q?`` when only the year is
        known), category, activity_type, is_activity, strand, rule, event, source_url.

    Examples
    --------
    >>> tl = pd.DataFrame({"date": ["2025-04-20"], "category": ["partnership"],
    ...                    "event": ["Minister discussed cooperation with UN"],
    ...                    "source_url": ["https://example.org"]})
    >>> activities_log(tl)[["quarter", "activity_type", "strand"]].values.tolist()
    [['2025-Q2', 'meeting', 'coordination']]
    """
    df = _timeline_dates(timeline)
    keep = df["date_start"] >= pd.Timestamp(start)
    if end is not None:
        keep &= df["date_start"] <= pd.Timestamp(end)
    df = df[keep].sort_values("date_start", kind="stable").reset_index(drop=True)
    rows = []
    for rec in df.to_dict("records"):
        text = str(rec["event"]).casefold()
        category = str(rec.get("category", ""))
        kind, kind_word = _first_rule(text, ACTIVITY_RULES)
        if category in CATEGORY_FIRST:
            strand, rule = CATEGORY_FIRST[category], f"category={category}"
        else:
            strand, word = _first_rule(text, STRAND_RULES)
            rule = f"keyword '{word}'" if strand else ""
            if not strand and category in CATEGORY_FALLBACK:
                strand, rule = CATEGORY_FALLBACK[category], f"category={category}"
        date = rec["date_start"]
        quarter = f"{date.year}-Q?" if rec["date_precision"] == "year" else \
            f"{date.year}-Q{(date.month - 1) // 3 + 1}"
        rows.append({
            "event_id": rec["event_id"], "date": rec["date"], "date_start": date,
            "quarter": quarter, "category": category, "activity_type": kind or "other",
            "is_activity": bool(kind),
            "activity_rule": f"keyword '{kind_word}'" if kind else "no activity keyword",
            "strand": strand or UNASSIGNED, "rule": rule or "no rule matched",
            "event": rec["event"], "source_url": rec.get("source_url"),
        })
    cols = ["event_id", "date", "date_start", "quarter", "category", "activity_type",
            "is_activity", "activity_rule", "strand", "rule", "event", "source_url"]
    out = pd.DataFrame(rows, columns=cols)
    for col in cols:
        if col not in ("date_start", "is_activity"):
            out[col] = out[col].astype("str")
    return out


def activity_counts(log: pd.DataFrame) -> pd.DataFrame:
    """Count activities (``is_activity``) by strand and quarter, with row and column totals.

    Examples
    --------
    >>> log = pd.DataFrame({"strand": ["coordination", "unassigned"],
    ...                     "quarter": ["2025-Q2", "2025-Q?"], "is_activity": [True, True]})
    >>> activity_counts(log).loc["total", "total"]
    np.int64(2)
    """
    acts = log[log["is_activity"]]
    table = pd.crosstab(acts["strand"], acts["quarter"], margins=True, margins_name="total")
    order = [s for s in (*STRANDS_ORDER, UNASSIGNED) if s in table.index] + ["total"]
    table = table.reindex(order, fill_value=0)
    table.columns.name, table.index.name = "quarter", "strand"
    return table


def status_label(status: str, lang: str = "en") -> str:
    """Return the display label of a status in ``lang`` ("en" or "ar").

    The labels live in the translation table (:mod:`tipanalysis.core.i18n`, keys
    ``status.<status>``) so that briefs, plots and tables share one wording.

    Parameters
    ----------
    status : str
        One of :data:`STATUSES`.
    lang : {"en", "ar"}

    Raises
    ------
    ValueError
        If ``lang`` is not "en" or "ar".
    KeyError
        If ``status`` is not one of :data:`STATUSES`.

    Examples
    --------
    >>> status_label("no-data"), status_label("on-track", "ar")
    ('no data yet', 'على المسار')
    """
    return t(f"status.{status}", lang)


def __dir__() -> list[str]:
    # Tab completion shows the public API only, not pd, np or helpers.
    return list(__all__)
