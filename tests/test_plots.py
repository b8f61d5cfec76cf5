"""Every public function of ``tipanalysis.plots`` on small SYNTHETIC frames, in English and Arabic.

The frames below are made up for these tests (a few report years, a few countries, invented
counts); they are not data and say nothing about any country. Each test checks what the figure
shows: titles and axis labels equal the translation table's strings, one bar / point / line per
data item, hatching on partial years, legend entries equal the tier or status labels.
"""

from __future__ import annotations

import math

import matplotlib
import numpy as np
import pandas as pd
import pytest

from tipanalysis import plots, strategy
from tipanalysis.i18n import t, tier_label
from tipanalysis.tiers import TIER_ORDER

matplotlib.use("Agg")

LANGS = ("en", "ar")
COVERAGE_TIERS = ("1", "2", "2WL", "3", "special")


def legend_texts(ax) -> list[str]:
    return [text.get_text() for text in ax.get_legend().get_texts()]


def bar_centres(ax) -> list[float]:
    return [round(p.get_x() + p.get_width() / 2, 6) for p in ax.patches]


# --------------------------------------------------------------------------------- coverage
@pytest.fixture
def coverage() -> pd.DataFrame:
    """SYNTHETIC coverage table: three report years, the middle one partial, one unverified."""
    return pd.DataFrame({
        "report_year": [2003, 2001, 2002],  # unsorted on purpose: the plot sorts by year
        "n_tier1": [10, 12, 11],
        "n_tier2": [40, 30, 35],
        "n_tier2wl": [20, 0, np.nan],  # 2001 had no Watch List; NaN counts as 0
        "n_tier3": [5, 23, 8],
        "n_special": [1, 0, 2],
        "completeness": ["unverified", "complete", "partial"],
    })


@pytest.mark.parametrize("lang", LANGS)
def test_plot_coverage_labels_bars_and_hatching(coverage, lang):
    ax = plots.plot_coverage(coverage, lang)
    assert ax.get_title() == t("title.coverage", lang)
    assert ax.get_xlabel() == t("axis.report_year", lang)
    assert ax.get_ylabel() == t("axis.countries", lang)
    assert legend_texts(ax) == [tier_label(k, lang) for k in COVERAGE_TIERS]
    assert t("legend.partial", lang) in ax.get_legend().get_title().get_text()
    # one bar per tier and year, drawn tier by tier over the sorted years
    assert len(ax.patches) == len(COVERAGE_TIERS) * 3
    assert bar_centres(ax) == [2001.0, 2002.0, 2003.0] * len(COVERAGE_TIERS)
    # partial and unverified years (2002, 2003) hatched, the complete year (2001) not
    hatched = {(round(p.get_x() + p.get_width() / 2), bool(p.get_hatch())) for p in ax.patches}
    assert hatched == {(2001, False), (2002, True), (2003, True)}
    # stacks reach the totals, which are written on top
    tops = {}
    for p in ax.patches:
        x = round(p.get_x() + p.get_width() / 2)
        tops[x] = max(tops.get(x, 0.0), p.get_y() + p.get_height())
    assert tops == {2001: 65.0, 2002: 56.0, 2003: 76.0}
    texts = [a.get_text() for a in ax.texts]
    assert [x for x in texts if x != "*"] == ["65", "56", "76"]
    assert texts.count("*") == 2


@pytest.mark.parametrize("lang", LANGS)
def test_plot_coverage_colours_follow_the_tiers(coverage, lang):
    ax = plots.plot_coverage(coverage, lang)
    expected = [matplotlib.colors.to_rgba(plots.TIER_COLORS[k]) for k in COVERAGE_TIERS
                for _ in range(3)]
    assert [p.get_facecolor() for p in ax.patches] == expected


# --------------------------------------------------------------------------------- timeline
@pytest.fixture
def history() -> pd.DataFrame:
    """SYNTHETIC history of one made-up country: every tier, one Special Case, one waiver."""
    return pd.DataFrame({
        "report_year": [2010, 2011, 2012, 2013, 2014, 2015],
        "tier": pd.Series(["3", "2WL", "2WL", None, "2", "1"], dtype="object"),
        "status": ["ranked", "ranked", "ranked", "special", "ranked", "ranked"],
        "waiver": [False, False, True, False, False, None],
    })


@pytest.mark.parametrize("lang", LANGS)
def test_plot_tier_timeline_points_legend_and_events(history, lang):
    events = pd.DataFrame({"x": [2011.4, 2013.9], "label": ["1", "2"]})
    ax = plots.plot_tier_timeline(history, events, country="Testland", lang=lang)
    assert ax.get_title() == t("title.timeline", lang, country="Testland")
    assert ax.get_xlabel() == t("axis.report_year", lang)
    assert [x.get_text() for x in ax.get_yticklabels()] == [tier_label(k, lang)
                                                           for k in TIER_ORDER]
    assert legend_texts(ax) == [*(tier_label(k, lang) for k in TIER_ORDER),
                                tier_label("special", lang), t("legend.waiver", lang)]
    # one scatter per tier, then Special Cases, then the waiver ring
    points = [len(c.get_offsets()) for c in ax.collections]
    assert points == [1, 1, 2, 1, 1, 1]  # Tier 1, 2, 2WL, 3, special, waiver
    waiver_xy = ax.collections[-1].get_offsets()
    assert waiver_xy.tolist() == [[2012.0, float(TIER_ORDER.index("2WL"))]]
    # the step line runs through every report year; event lines and labels, one per event
    step = ax.get_lines()[0]
    assert list(step.get_xdata()) == list(history["report_year"])
    vlines = [ln for ln in ax.get_lines()[1:] if list(ln.get_xdata()) in ([2011.4] * 2,
                                                                           [2013.9] * 2)]
    assert len(vlines) == len(events)
    assert [a.get_text() for a in ax.texts] == ["1", "2"]


@pytest.mark.parametrize("lang", LANGS)
def test_plot_tier_timeline_without_events_special_or_waiver(history, lang):
    plain = history[history["status"] == "ranked"].assign(waiver=False)
    ax = plots.plot_tier_timeline(plain, None, country="X", lang=lang)
    assert legend_texts(ax) == [tier_label(k, lang) for k in TIER_ORDER]
    assert len(ax.get_lines()) == 1 and len(ax.texts) == 0


def test_event_positions_place_dates_inside_the_reporting_period():
    dates = pd.Series(pd.to_datetime(["2012-04-01", "2013-03-31", "2013-04-01", "2018-10-01"]))
    x = plots.event_positions(dates).tolist()
    assert x[0] == 2012.0  # first day of report year 2013's period: right after 2012's dot
    assert 2012.99 < x[1] < 2013.0  # last day of that period: just before 2013's dot
    assert x[2] == 2013.0
    assert x[3] == pytest.approx(2018 + 183 / 365.25)


# --------------------------------------------------------------------------------- heatmap
@pytest.fixture
def panel() -> pd.DataFrame:
    """SYNTHETIC panel: three made-up countries over three report years, with gaps."""
    return pd.DataFrame({
        "iso3": ["AAA", "AAA", "AAA", "BBB", "BBB", "CCC"],
        "report_year": [2020, 2021, 2022, 2020, 2022, 2021],
        "tier": pd.Series(["1", "2", "2WL", "3", None, "2"], dtype="object"),
        "status": ["ranked", "ranked", "ranked", "ranked", "special", "ranked"],
    })


@pytest.mark.parametrize("lang", LANGS)
def test_plot_heatmap_grid_labels_and_legend(panel, lang):
    names = {"AAA": "Aland", "BBB": "Bland"}  # CCC has no name: its code is shown
    ax = plots.plot_heatmap(panel, countries=["BBB", "AAA", "CCC"], names=names,
                             title="Synthetic title", lang=lang)
    assert ax.get_title() == "Synthetic title"
    assert ax.get_xlabel() == t("axis.report_year", lang)
    assert [x.get_text() for x in ax.get_xticklabels()] == ["2020", "2021", "2022"]
    assert [x.get_text() for x in ax.get_yticklabels()] == ["Bland", "Aland", "CCC"]
    assert legend_texts(ax) == [*(tier_label(k, lang) for k in (*TIER_ORDER, "special")),
                                t("tier.missing", lang)]
    grid = np.asarray(ax.images[0].get_array().filled(np.nan), dtype=float)
    code = {k: float(i) for i, k in enumerate((*TIER_ORDER, "special"))}
    nan = math.nan
    expected = np.array([
        [code["3"], nan, code["special"]],  # BBB
        [code["1"], code["2"], code["2WL"]],  # AAA
        [nan, code["2"], nan],  # CCC
    ])
    np.testing.assert_array_equal(grid, expected)


# --------------------------------------------------------------------------------- shares
@pytest.fixture
def comparison() -> pd.DataFrame:
    """SYNTHETIC tier shares of a made-up group: three years, the last one partial."""
    return pd.DataFrame({
        "report_year": [2021, 2022, 2023],
        "n": [6, 6, 5],
        "share_1": [0.5, 1 / 3, 0.2],
        "share_2": [0.5, 1 / 3, 0.4],
        "share_2WL": [0.0, 1 / 6, 0.4],
        "share_3": [0.0, 1 / 6, np.nan],
        "partial": [False, False, True],
    })


@pytest.mark.parametrize("lang", LANGS)
def test_plot_tier_shares_bars_hatching_and_counts(comparison, lang):
    ax = plots.plot_tier_shares(comparison, title="Synthetic group", lang=lang)
    assert ax.get_title() == "Synthetic group"
    assert ax.get_xlabel() == t("axis.report_year", lang)
    assert ax.get_ylabel() == t("axis.share", lang)
    assert legend_texts(ax) == [tier_label(k, lang) for k in TIER_ORDER]
    assert t("legend.partial", lang) in ax.get_legend().get_title().get_text()
    assert len(ax.patches) == len(TIER_ORDER) * len(comparison)
    hatched = sorted({round(p.get_x() + p.get_width() / 2) for p in ax.patches
                      if p.get_hatch()})
    assert hatched == [2023]
    assert [a.get_text() for a in ax.texts] == ["6", "6", "5*"]
    heights = [p.get_height() for p in ax.patches]
    assert heights[:3] == pytest.approx([0.5, 1 / 3, 0.2])  # Tier 1 bars come first
    assert ax.get_ylim() == pytest.approx((0, 1.08))


# --------------------------------------------------------------------------------- strategy
@pytest.fixture
def strands() -> pd.DataFrame:
    """SYNTHETIC strands table (two strands; names made up)."""
    return pd.DataFrame({"id": ["prevention", "protection"],
                         "name_en": ["Prevent", "Protect"], "name_ar": ["الوقاية", "الحماية"]})


@pytest.fixture
def reviewed() -> pd.DataFrame:
    """SYNTHETIC review output: five indicators with made-up statuses."""
    return pd.DataFrame({
        "strand": ["prevention", "prevention", "protection", "protection", "protection"],
        "status": ["on-track", "no-data", "at-risk", "no-data", "no-data"],
    })


@pytest.mark.parametrize("lang", LANGS)
def test_plot_strand_status_bars_widths_colours_and_legend(reviewed, strands, lang):
    counts = strategy.strand_status_counts(reviewed, strands, lang)
    ax = plots.plot_strand_status(counts, lang)
    assert ax.get_title() == t("title.strand_status", lang)
    assert ax.get_xlabel() == t("axis.n_indicators", lang)
    assert legend_texts(ax) == [t(f"status.{s}", lang) for s in strategy.STATUSES]
    assert [x.get_text() for x in ax.get_yticklabels()] == list(strands[f"name_{lang}"])
    # one bar per strand and status, drawn status by status, widths equal to the counts
    assert len(ax.patches) == len(strands) * len(strategy.STATUSES)
    widths = np.array([p.get_width() for p in ax.patches]).reshape(len(strategy.STATUSES), 2)
    np.testing.assert_array_equal(widths.T, counts.to_numpy(dtype=float))
    # stacked: each strand's bars end at its number of indicators
    ends = {round(p.get_y() + p.get_height() / 2): p.get_x() + p.get_width()
            for p in ax.patches}
    assert ends == {0: 2.0, 1: 3.0}
    colours = [p.get_facecolor() for p in ax.patches[::2]]
    assert colours == [matplotlib.colors.to_rgba(plots.STATUS_COLORS[s])
                       for s in strategy.STATUSES]
    assert ax.yaxis_inverted()  # first strand at the top


def test_plot_strand_status_unknown_column_is_grey():
    counts = pd.DataFrame({"on track": [1], "something else": [2]}, index=["S"])
    ax = plots.plot_strand_status(counts, "en")
    assert ax.patches[0].get_facecolor() == matplotlib.colors.to_rgba(
        plots.STATUS_COLORS["on-track"])
    assert ax.patches[1].get_facecolor() == matplotlib.colors.to_rgba("#999999")


@pytest.mark.parametrize("lang", LANGS)
def test_plot_completeness_bars_labels_and_legend(lang):
    comp = pd.DataFrame({  # SYNTHETIC completeness counts for two years
        "year": [2025, 2026], "share_reported": [0.0, 50.0], "share_sourced": [0.0, 25.0],
        "share_public": [0.0, 12.5]})
    shares = strategy.completeness_shares(comp, lang)
    ax = plots.plot_completeness(shares, lang)
    assert ax.get_title() == t("title.completeness", lang)
    assert ax.get_xlabel() == t("axis.year", lang)
    assert ax.get_ylabel() == t("axis.share_reportable", lang)
    assert legend_texts(ax) == [t(k, lang) for k in ("completeness.reported",
                                                     "completeness.sourced",
                                                     "completeness.public")]
    assert [x.get_text() for x in ax.get_xticklabels()] == ["2025", "2026"]
    assert len(ax.patches) == 3 * 2
    heights = np.array([p.get_height() for p in ax.patches]).reshape(3, 2)
    np.testing.assert_array_equal(heights.T, shares.to_numpy())
    # each year's group is centred on its tick
    centres = np.array(bar_centres(ax)).reshape(3, 2)
    np.testing.assert_allclose(centres.mean(axis=0), [0.0, 1.0])
    # every bar is labelled, 0% included, so an empty year is not a blank chart
    assert sorted(a.get_text() for a in ax.texts) == sorted(
        ["0%", "0%", "0%", "50%", "25%", "12%"])
    assert ax.get_ylim() == (0.0, 100.0)


@pytest.mark.parametrize("lang", LANGS)
def test_plot_completeness_before_the_strategy_starts(lang):
    empty = strategy.completeness_shares(
        pd.DataFrame(columns=["year", "share_reported", "share_sourced", "share_public"]),
        lang)
    ax = plots.plot_completeness(empty, lang)
    assert len(ax.patches) == 0 and ax.get_title() == t("title.completeness", lang)


def test_every_public_plot_function_is_tested():
    # A new plot function must be added to this module: this list is the plots.py API.
    public = sorted(name for name, obj in vars(plots).items()
                    if callable(obj) and not name.startswith("_")
                    and getattr(obj, "__module__", "") == plots.__name__)
    assert public == ["event_positions", "plot_completeness", "plot_coverage", "plot_heatmap",
                      "plot_strand_status", "plot_tier_shares", "plot_tier_timeline"]


# --------------------------------------------------------------------------------- inferred
# Issue 13: a placement inferred rather than stated by a source (``basis``) is drawn apart.
@pytest.fixture
def inferred_panel() -> pd.DataFrame:
    """SYNTHETIC panel: two made-up countries, two report years; AAA 2021 is inferred."""
    return pd.DataFrame({
        "iso3": ["AAA", "AAA", "BBB", "BBB"],
        "report_year": [2020, 2021, 2020, 2021],
        "tier": pd.Series(["2", "2", "2", "1"], dtype="object"),
        "status": ["ranked"] * 4,
        "waiver": [False] * 4,
        "basis": ["sourced", "inferred", "sourced", "sourced"],
    })


@pytest.mark.parametrize("lang", LANGS)
def test_plot_heatmap_hatches_only_inferred_cells(inferred_panel, lang):
    ax = plots.plot_heatmap(inferred_panel, countries=["AAA", "BBB"], names={}, title="S",
                             lang=lang)
    marks = [p for p in ax.patches if p.get_gid() == "inferred"]
    # one hatched cell: AAA (row 0) in 2021 (column 1); the sourced Tier 2 cells are plain
    assert [(p.get_x(), p.get_y()) for p in marks] == [(0.5, -0.5)]
    assert marks[0].get_hatch() == plots.INFERRED_HATCH
    assert all(not p.get_hatch() for p in ax.patches if p.get_gid() != "inferred")
    assert legend_texts(ax)[-1] == t("inferred.legend", lang)
    # without the basis column nothing is marked and the legend has no such entry
    plain = plots.plot_heatmap(inferred_panel.drop(columns="basis"), countries=["AAA", "BBB"],
                               names={}, title="S", lang=lang)
    assert not any(p.get_gid() == "inferred" for p in plain.patches)
    assert t("inferred.legend", lang) not in legend_texts(plain)


@pytest.mark.parametrize("lang", LANGS)
def test_plot_tier_timeline_draws_inferred_placements_hollow(inferred_panel, lang):
    ax = plots.plot_tier_timeline(inferred_panel, country="AAA", lang=lang)
    tier2 = ax.collections[TIER_ORDER.index("2")]
    hollow = next(c for c in ax.collections if c.get_gid() == "inferred")
    # the sourced 2020 dot is filled with Tier 2's colour, the inferred 2021 one is white
    assert tier2.get_offsets().tolist() == [[2020.0, 1.0]]
    assert tier2.get_facecolor()[0].tolist() == list(matplotlib.colors.to_rgba(
        plots.TIER_COLORS["2"]))
    assert hollow.get_offsets().tolist() == [[2021.0, 1.0]]
    assert hollow.get_facecolor()[0].tolist() == [1.0, 1.0, 1.0, 1.0]
    assert hollow.get_edgecolor()[0].tolist() == list(matplotlib.colors.to_rgba(
        plots.TIER_COLORS["2"]))
    assert legend_texts(ax)[-1] == t("inferred.legend", lang)


@pytest.mark.parametrize("lang", LANGS)
def test_plot_coverage_hatches_inferred_years_apart(coverage, lang):
    cov = coverage.assign(completeness=["unverified", "complete", "inferred"])
    ax = plots.plot_coverage(cov, lang)
    hatch = {round(p.get_x() + p.get_width() / 2): p.get_hatch() for p in ax.patches}
    assert hatch == {2001: None, 2002: "xx", 2003: "//"}
    assert legend_texts(ax)[-1] == t("coverage.inferred", lang)
