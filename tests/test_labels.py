"""Notebook tables: inferred placements carry the footnote mark (issue 13). SYNTHETIC frames."""

from __future__ import annotations

import pandas as pd
import pytest

from tipanalysis.i18n import t, tier_label
from tipanalysis.viz.labels import INFERRED_MARK, has_inferred, label_table


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_inferred_tier_cells_get_the_mark_and_sourced_ones_do_not(lang):
    # SYNTHETIC: three made-up years, the middle placement inferred, the last one missing.
    frame = pd.DataFrame({"report_year": [2020, 2021, 2022],
                          "tier": ["2", "2WL", None],
                          "basis": ["sourced", "inferred", None]})
    out = label_table(frame, lang, {"report_year": "col.report_year", "tier": "axis.tier"},
                      tiers=["tier"], basis={"tier": "basis"})
    assert out[t("axis.tier", lang)].tolist() == [
        tier_label("2", lang), f"{tier_label('2WL', lang)} {INFERRED_MARK}", "—"]
    assert list(out.columns) == [t("col.report_year", lang), t("axis.tier", lang)]
    assert has_inferred(frame) and not has_inferred(frame.iloc[[0, 2]])
    assert not has_inferred(frame.drop(columns="basis"))
    assert t("inferred.note", lang).startswith(INFERRED_MARK)
    # a categorical tier column, as the loaders and tiers.* return it
    typed = frame.assign(tier=pd.Categorical(frame["tier"], categories=["1", "2", "2WL", "3"],
                                             ordered=True))
    out = label_table(typed, lang, {"tier": "axis.tier"}, tiers=["tier"],
                      basis={"tier": "basis"})
    assert out[t("axis.tier", lang)].tolist()[1] == f"{tier_label('2WL', lang)} {INFERRED_MARK}"
