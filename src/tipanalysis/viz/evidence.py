"""Figures of the coded TIP narratives: findings over time, asks over time, enforcement.

Each function draws what it is given (tables from :mod:`tipanalysis.evidence`), takes
``ax=None`` (a new Figure is made when no Axes is given) and returns the Axes. No pyplot, no
global matplotlib state: colours and fonts are set on the artists themselves.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

from tipanalysis.core.i18n import t
from tipanalysis.viz.figures import new_axes

__all__ = ["DIRECTION_COLORS", "coverage_table", "crosswalk_table", "enforcement_table",
           "next_report_table", "plot_asks", "plot_enforcement", "plot_findings",
           "tracker_table"]


def __dir__() -> list[str]:
    return __all__


#: Okabe-Ito colours: efforts up (blue), down (vermillion), flat (grey), none (black outline).
DIRECTION_COLORS: dict[str, str] = {
    "more": "#0072B2", "yes": "#0072B2",
    "fewer": "#D55E00", "no": "#D55E00",
    "same": "#BBBBBB",
    "none": "#000000",
    "not_stated": "#FFFFFF",
    "": "#F2F2F2",
}
_FONT = "DejaVu Sans"


def _style(ax: Any) -> None:
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    for label in [*ax.get_xticklabels(), *ax.get_yticklabels()]:
        label.set_fontfamily(_FONT)


def plot_findings(matrix: pd.DataFrame, *, ax: Any = None, lang: str = "en",
                  title: str | None = None) -> Any:
    """Domains x report years as coloured cells, one colour per direction code.

    Parameters
    ----------
    matrix : DataFrame
        :func:`tipanalysis.evidence.findings_matrix` (labelled rows, report-year columns).

    Examples
    --------
    >>> m = pd.DataFrame({2023: ["fewer", "no"], 2024: ["more", "no"]},
    ...                  index=["Investigations", "Overall"])
    >>> ax = plot_findings(m)
    >>> len(ax.patches), ax.get_xticklabels()[0].get_text()
    (4, '2023')
    """
    from matplotlib.patches import Patch, Rectangle

    ax = new_axes(ax, (max(4.0, 0.55 * len(matrix.columns) + 3.5), 0.35 * len(matrix) + 1.6))
    for i, (_, row) in enumerate(matrix.iterrows()):
        for j, code in enumerate(row):
            ax.add_patch(Rectangle((j, i), 0.95, 0.9,
                                   facecolor=DIRECTION_COLORS.get(code, "#F2F2F2"),
                                   edgecolor="#666666", linewidth=0.5))
    ax.set_xlim(0, len(matrix.columns))
    ax.set_ylim(len(matrix), 0)
    ax.set_xticks(np.arange(len(matrix.columns)) + 0.475,
                  [str(c) for c in matrix.columns], rotation=90)
    ax.set_yticks(np.arange(len(matrix)) + 0.45, list(matrix.index))
    ax.tick_params(length=0)
    for side in ("left", "bottom"):
        ax.spines[side].set_visible(False)
    handles = [Patch(facecolor=DIRECTION_COLORS[c], edgecolor="#666666",
                     label=t(f"evidence.direction.{c}", lang))
               for c in ("more", "same", "fewer", "none", "not_stated")]
    ax.legend(handles=handles, loc="upper left", bbox_to_anchor=(1.01, 1), frameon=False,
              prop={"family": _FONT, "size": 8})
    ax.set_title(title if title is not None else t("evidence.title.findings", lang),
                 loc="right" if lang == "ar" else "left", fontfamily=_FONT, fontsize=11)
    _style(ax)
    return ax


def plot_asks(recommendations: pd.DataFrame, tracker: pd.DataFrame, *, ax: Any = None,
              lang: str = "en", title: str | None = None) -> Any:
    """Which codes each report asked, as dots on a codes x years grid (tracker order).

    Years without a coded list are shaded, so "not asked" and "not known" never look alike.

    Examples
    --------
    >>> recs = pd.DataFrame({"report_year": [2021, 2023, 2023],
    ...                      "code": ["a", "a", "b"]})
    >>> tr = pd.DataFrame({"code": ["a", "b"], "label": ["Ask A", "Ask B"]})
    >>> ax = plot_asks(recs, tr)
    >>> len(ax.collections[0].get_offsets())
    3
    """
    ax = new_axes(ax, (7.5, 0.32 * max(len(tracker), 3) + 1.6))
    years = list(range(int(recommendations["report_year"].min()),
                       int(recommendations["report_year"].max()) + 1))
    coded = set(recommendations["report_year"].astype(int))
    rows = {code: i for i, code in enumerate(tracker["code"])}
    for j, year in enumerate(years):
        if year not in coded:
            ax.axvspan(j - 0.5, j + 0.5, color="#EEEEEE", zorder=0)
    asked = recommendations[recommendations["code"].isin(rows)]
    xs = [years.index(int(y)) for y in asked["report_year"]]
    ys = [rows[c] for c in asked["code"]]
    ax.scatter(xs, ys, s=60, color="#0072B2", zorder=2)
    ax.set_xticks(range(len(years)), [str(y) for y in years], rotation=90)
    labels = tracker["label"] if "label" in tracker else tracker["code"]
    ax.set_yticks(range(len(tracker)), list(labels))
    ax.set_ylim(len(tracker) - 0.5, -0.5)
    ax.set_xlim(-0.5, len(years) - 0.5)
    ax.grid(axis="y", color="#DDDDDD", linewidth=0.5, zorder=1)
    ax.set_title(title if title is not None else t("evidence.title.asks", lang),
                 loc="right" if lang == "ar" else "left", fontfamily=_FONT, fontsize=11)
    _style(ax)
    return ax


def plot_enforcement(table: pd.DataFrame, column: str, *, ax: Any = None, lang: str = "en",
                     title: str | None = None) -> Any:
    """One enforcement measure over time, TIP-reported and government-reported side by side.

    Parameters
    ----------
    table : DataFrame
        :func:`tipanalysis.evidence.enforcement_side_by_side`.
    column : str
        One ``measure [unit]`` column. The two reporters are drawn as separate bar series at
        the end of each reporting period and are never added together.

    Examples
    --------
    >>> tab = pd.DataFrame({"reported_by": ["tip_report", "government"],
    ...     "period_start": ["2016-04-01", "2023-04-01"],
    ...     "period_end": ["2017-03-31", "2023-12-31"],
    ...     "prosecutions [persons]": [15.0, 162.0]})
    >>> ax = plot_enforcement(tab, "prosecutions [persons]")
    >>> [round(p.get_height()) for p in ax.patches]
    [15, 162]
    """
    ax = new_axes(ax, (7.5, 3.2))
    data = table[table[column].notna()].copy()
    data["x"] = pd.to_datetime(data["period_end"], errors="coerce").dt.year
    colors = {"tip_report": "#0072B2", "government": "#E69F00"}
    for offset, (reporter, group) in zip((-0.2, 0.2), (("tip_report", data[
            data.reported_by == "tip_report"]), ("government", data[
            data.reported_by == "government"])), strict=True):
        if group.empty:
            continue
        ax.bar(group["x"] + offset, group[column], width=0.4, color=colors[reporter],
               label=t(f"evidence.reporter.{reporter}", lang))
        for x, v in zip(group["x"] + offset, group[column], strict=True):
            ax.annotate(f"{v:,.0f}", (x, v), ha="center", va="bottom", fontsize=8,
                        fontfamily=_FONT)
    ax.set_ylabel(title if title is not None else column, fontfamily=_FONT)
    if len(data):
        ax.legend(frameon=False, prop={"family": _FONT, "size": 8})
    ax.set_title(title if title is not None else column,
                 loc="right" if lang == "ar" else "left", fontfamily=_FONT, fontsize=11)
    _style(ax)
    return ax


# --------------------------------------------------------------------------------------------
# display tables: translated headers and cells, nothing computed
# --------------------------------------------------------------------------------------------


def _headers(frame: pd.DataFrame, columns: dict[str, str], lang: str) -> pd.DataFrame:
    return frame[list(columns)].rename(columns={c: t(k, lang) for c, k in columns.items()})


def coverage_table(coverage: pd.DataFrame, country: str, lang: str = "en") -> pd.DataFrame:
    """What was coded per report year, in ``lang``.

    Examples
    --------
    >>> cov = pd.DataFrame({"iso3": ["KWT"], "report_year": [2024], "findings": ["full"],
    ...     "figures": ["none_stated"], "recommendations": ["partial"], "reason": ["x"]})
    >>> coverage_table(cov, "KWT", "ar").iloc[0, 1:].tolist()
    ['كاملة', 'لم تُذكر أرقام', 'جزئية']
    """
    data = coverage[coverage["iso3"] == country].sort_values("report_year").copy()
    for column in ("findings", "figures", "recommendations"):
        data[column] = [t(f"status.coded.{v}", lang) for v in data[column]]
    return _headers(data, {"report_year": "col.report_year", "findings": "col.findings",
                           "figures": "col.figures", "recommendations": "col.recommendations"},
                    lang).reset_index(drop=True)


def tracker_table(tracker: pd.DataFrame, lang: str = "en") -> pd.DataFrame:
    """The recommendation tracker with translated headers and yes/no cells.

    Examples
    --------
    >>> tr = pd.DataFrame({"code": ["a"], "label": ["Ask"], "first_year": [2019],
    ...     "last_year": [2024], "years_asked": [4], "years_coded": [5], "in_latest": [True],
    ...     "longest_run": [3]})
    >>> tracker_table(tr, "en").columns.tolist()[:2]
    ['Ask', 'First asked']
    """
    data = tracker.assign(in_latest=[t("yes" if v else "no", lang) for v in tracker["in_latest"]])
    return _headers(data, {"label": "col.ask", "first_year": "col.first_year",
                           "last_year": "col.last_year", "years_asked": "col.years_asked",
                           "years_coded": "col.years_coded", "in_latest": "col.in_latest",
                           "longest_run": "col.longest_run"}, lang)


def crosswalk_table(asks: pd.DataFrame, codes: pd.DataFrame, aims: pd.DataFrame,
                    lang: str = "en") -> pd.DataFrame:
    """The latest report's asks with the strategy aims that answer them, in ``lang``.

    Examples
    --------
    >>> asks = pd.DataFrame({"code": ["x"], "aim": ["A2"], "link": ["explicit"],
    ...     "reason_en": ["because"], "reason_ar": ["لأن"]})
    >>> codes = pd.DataFrame({"code": ["x"], "label_en": ["Ask X"], "label_ar": ["طلب"]})
    >>> aims = pd.DataFrame({"id": ["A2"], "name_en": ["Referral"], "name_ar": ["الإحالة"]})
    >>> crosswalk_table(asks, codes, aims, "ar").iloc[0].tolist()
    ['طلب', 'الإحالة', 'استجابة صريحة', 'لأن']
    """
    label = codes.set_index("code")[f"label_{lang}"]
    aim = aims.set_index("id")[f"name_{lang}"]
    data = asks.assign(label=asks["code"].map(label),
                       aim=[aim.get(a, "—") if a else "—" for a in asks["aim"].fillna("")],
                       link=[t(f"link.{v}", lang) for v in asks["link"]],
                       reason=asks[f"reason_{lang}"])
    return _headers(data, {"label": "col.ask", "aim": "col.aim", "link": "col.link",
                           "reason": "col.reason"}, lang)


def next_report_table(evidence: pd.DataFrame, codes: pd.DataFrame, lang: str = "en"
                      ) -> pd.DataFrame:
    """Asks of the latest report with the indicators that would evidence them, in ``lang``.

    Examples
    --------
    >>> ev = pd.DataFrame({"code": ["x"], "indicator": ["A2.2"],
    ...     "indicator_name": ["Victims referred"], "has_data": [False]})
    >>> codes = pd.DataFrame({"code": ["x"], "label_en": ["Ask X"], "label_ar": ["طلب"]})
    >>> next_report_table(ev, codes).iloc[0].tolist()
    ['Ask X', 'A2.2 Victims referred', 'no']
    """
    label = codes.set_index("code")[f"label_{lang}"]
    data = evidence.assign(
        label=evidence["code"].map(label),
        indicator=[f"{i} {n}".strip() if i else "—"
                   for i, n in zip(evidence["indicator"], evidence["indicator_name"],
                                   strict=True)],
        has_data=[t("yes" if v else "no", lang) for v in evidence["has_data"]])
    return _headers(data, {"label": "col.ask", "indicator": "col.indicator",
                           "has_data": "col.has_data"}, lang)


def enforcement_table(table: pd.DataFrame, lang: str = "en") -> pd.DataFrame:
    """The side-by-side enforcement table with translated headers (missing stays empty).

    Examples
    --------
    >>> tab = pd.DataFrame({"reported_by": ["government"], "period_start": ["2023-04-01"],
    ...     "period_end": ["2023-12-31"], "prosecutions [persons]": [162.0]})
    >>> enforcement_table(tab, "ar").columns.tolist()
    ['المصدر', 'الفترة', 'الملاحقات القضائية (أشخاص)']
    """
    rename = {}
    for column in table.columns:
        if " [" in column:
            measure, unit = column[:-1].split(" [")
            rename[column] = f"{t(f'measure.{measure}', lang)} ({t(f'unit.{unit}', lang)})"
    start = pd.to_datetime(table["period_start"], errors="coerce").dt.strftime("%Y-%m-%d")
    end = pd.to_datetime(table["period_end"], errors="coerce").dt.strftime("%Y-%m-%d")
    period = [f"{s} – {e}" if pd.notna(s) and pd.notna(e) else "—"
              for s, e in zip(start, end, strict=True)]
    data = table.assign(reported_by=[t(f"evidence.reporter.{r}", lang)
                                     for r in table["reported_by"]], period=period)
    data = data.rename(columns=rename)
    keep = {"reported_by": "col.reported_by", "period": "col.period"}
    out = _headers(data, keep, lang)
    values = data[list(rename.values())].apply(
        lambda col: [f"{v:,.0f}" if pd.notna(v) else "—" for v in col])
    return pd.concat([out, values], axis=1)
