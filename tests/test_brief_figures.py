"""Issue 15, figures at A4: timeline labels never overlap, the map highlights the country and
the Gulf view shows Bahrain with labels that do not overlap."""

from __future__ import annotations

import itertools

import pytest
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.text import Text

from tipanalysis import data
from tipanalysis.core.i18n import t
from tipanalysis.impact.reforms import event_lines, policy_events
from tipanalysis.viz import maps, plots


def _overlap(a, b) -> bool:
    return not (a.x1 <= b.x0 or b.x1 <= a.x0 or a.y1 <= b.y0 or b.y1 <= a.y0)


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_timeline_event_labels_overlap_neither_each_other_nor_the_title(lang):
    panel = data.load_tiers()
    rows = panel[panel["iso3"] == "KWT"]
    events = event_lines(policy_events(data.load_timeline(), until=2026))
    ax = plots.plot_tier_timeline(rows, events, country="KWT", lang=lang)
    fig = ax.figure
    fig.set_size_inches(8.5, 3.9)  # as in the brief
    canvas = FigureCanvasAgg(fig)
    canvas.draw()
    renderer = canvas.get_renderer()
    labels = [c for c in ax.texts if c.get_gid() == "event-label"]
    assert len(labels) == len(events)
    boxes = [x.get_window_extent(renderer) for x in labels]
    for a, b in itertools.combinations(boxes, 2):
        assert not _overlap(a, b)
    title = ax.title.get_window_extent(renderer)
    axes = ax.get_window_extent(renderer)
    for box in boxes:
        assert not _overlap(box, title)
        assert box.y1 <= axes.y1 + 1 and box.x1 <= axes.x1 + 1


@pytest.fixture(scope="module")
def frame():
    panel = data.load_tiers()
    return maps.tier_map_frame(data.load_boundaries(), panel[panel["report_year"] == 2025])


def test_gulf_view_rings_bahrain_and_keeps_labels_apart(frame):
    names = {c: c for c in ("ARE", "BHR", "KWT", "OMN", "QAT", "SAU")}
    ax = maps.plot_tier_map(frame, year=2025, extent=maps.GULF_EXTENT, labels=names,
                            highlight="KWT")
    fig = ax.figure
    fig.set_size_inches(7.4, 5.6)
    canvas = FigureCanvasAgg(fig)
    canvas.draw()
    renderer = canvas.get_renderer()
    texts = [x for x in ax.texts if x.get_text() in names]
    assert sorted(x.get_text() for x in texts) == sorted(names)
    boxes = [Text.get_window_extent(x, renderer) for x in texts]  # the text, not its arrow
    for a, b in itertools.combinations(boxes, 2):
        assert not _overlap(a, b)
    assert len(ax.collections) > 2  # rings drawn around the small states


def test_world_map_outlines_the_country(frame):
    base = maps.world_base(frame, year=2025)
    ax = maps.highlight_on_base(base, frame, "PHL")
    assert ax.lines and all(line.get_color() == "black" for line in ax.lines)


def test_map_caption_says_grey_is_special_case():
    for lang, word in (("en", "Grey: Special Case"), ("ar", "اللون الرمادي: حالة خاصة")):
        caption = t("map.caption", lang, year=2025, country="X")
        assert word in caption
    assert "no placement" not in t("map.caption", "en", year=2025, country="X").split(
        "Grey:")[1].split(".")[0]
