"""Notebook 04's sentences in both languages (tipanalysis.viz.impact_text), from real results.

The Arabic is written from the translation table with agreeing counts; reasons an estimator
gives for "not estimable" are written in Arabic from the error's type and numbers.
"""

from __future__ import annotations

import warnings

import pandas as pd
import pytest

from tipanalysis import data, impact, tiers
from tipanalysis.core.arabic import count_phrase
from tipanalysis.impact.panels import Reason
from tipanalysis.viz import impact_text as it


@pytest.fixture(scope="module")
def kuwait() -> dict:
    panel = data.load_tiers()
    scores = panel.assign(score=tiers.tier_score(panel["tier"]))
    own = scores[(scores["iso3"] == "KWT") & scores["score"].notna()][
        ["report_year", "tier", "score"]].reset_index(drop=True)
    reforms = impact.reforms(data.load_timeline())
    return {"panel": panel, "own": own, "reforms": reforms}


# ------------------------------------------------------------------ reasons
def test_attempt_keeps_the_error_behind_its_message():
    frame = pd.DataFrame({"t": range(4), "y": [1.0, 2, 3, 4]})
    result, why = impact.attempt(impact.its, frame, "y", "t", 3)
    assert result is None and isinstance(why, Reason)
    assert why == "a slope change needs at least 2 post-intervention periods"
    assert isinstance(why.error, impact.TooFewPeriodsError)
    assert it.reason(why, "ar") == "يتطلب تقدير تغيّر الاتجاه فترتين على الأقل بعد التدخل"
    assert it.reason(why, "en") == why


@pytest.mark.parametrize(("error", "arabic"), [
    (impact.TooFewPeriodsError("only 2 pre-intervention period(s) before 2018; at least 3 are "
                               "needed"),
     "لا تسبق التدخل (2018) إلا فترتان، ويلزم ثلاث فترات على الأقل"),
    (impact.TooFewPeriodsError("only 1 post-intervention period(s); at least 2 are needed"),
     "لا يلي التدخل إلا فترة واحدة، ويلزم فترتان على الأقل"),
    (impact.ImpactInputError("1 donor(s); at least 2 are needed"),
     "لا تتوفر إلا دولة مانحة واحدة، ويلزم دولتان مانحتان على الأقل"),
    (impact.NoVariationError("outcome 'score' of 'KWT' does not vary over time"),
     "لا تتغير قيم النتيجة في هذه الفترة، فلا يمكن تقدير أي تغيّر"),
    (impact.MissingOutcomeError("outcome 'score' is missing for {'QAT': 1}"),
     "في قيم النتيجة نقص (أو أن بيانات الدول غير متوازنة)، ولا تُستكمل القيم الناقصة "
     "تلقائياً"),
    (impact.InterventionOutsideDataError("intervention at 2030 is outside the data"),
     "يقع موعد التدخل خارج الأعوام المرصودة"),
    (impact.AmbiguousDateError("2015 could be report 2015 or 2016"),
     "التاريخ غير دقيق بما يكفي لنسبته إلى فترة تقرير واحدة"),
    (impact.ImpactInputError("treated unit 'XXX' is not in the panel's 'iso3' column"),
     "لا تستوفي البيانات شروط هذا التصميم"),
])
def test_every_impact_error_has_an_arabic_reason(error, arabic):
    assert it.reason(error, "ar") == arabic
    assert it.reason(Reason(error), "ar") == arabic
    assert it.reason(error, "en") == str(error)


def test_schedule_needs_in_arabic():
    assert it.needs("values for 2023, 2024, 2025 (pre-period); a value in each report "
                    "2026-2029", "ar") == ("قيم لأعوام 2023، 2024، 2025 (قبل التدخل)؛ قيمة في "
                                           "كل تقرير من 2026 إلى 2029")
    assert it.needs("3 more post-period report(s)", "ar") == "ثلاثة تقارير إضافية بعد التدخل"
    assert it.needs("1 more post-period report(s)", "ar") == "تقرير إضافي واحد بعد التدخل"
    assert it.needs("3 more post-period report(s)", "en") == "3 more post-period report(s)"


# ------------------------------------------------------------------ counts and sentences
def test_counted_phrases_agree_in_arabic_and_pluralise_in_english():
    assert it.counted(5, "دولة مانحة", "ar") == "خمس دول مانحة"
    assert it.counted(110, "دولة مانحة", "ar") == "110 دول مانحة"
    assert it.counted(13, "مشاهدة", "ar") == "13 مشاهدة"
    assert it.counted(6, "مقياس", "ar") == "ستة مقاييس"
    assert it.counted(3891, "انتقال", "ar") == "3891 انتقالاً"
    assert count_phrase(2, "فترة", "acc") == "فترتين"
    assert it.counted(1, "دولة مانحة", "en") == "1 donor"
    assert it.counted(5, "دولة مانحة", "en") == "5 donors"


def test_base_rates_read_from_the_computed_table(kuwait):
    own, reforms = kuwait["own"], kuwait["reforms"]
    P = tiers.transition_matrix(kuwait["panel"])
    usable = [y for y in reforms["report_year"] if y - 1 in set(own["report_year"])]
    base = pd.concat([impact.base_rate_comparison(P, own, usable, horizon=2, targets=target)
                      .assign(target=target) for target in ("upgrade", "downgrade")],
                     ignore_index=True)
    base.insert(0, "reform", base["reform_year"].map(it.reform_names(reforms, "ar")))
    text = it.base_rate_sentence(base, "ar", r25=2026)
    assert text.startswith("كان الاحتمال المتوقع لرفع التصنيف خلال تقريرين بعد كل إصلاح كما "
                           "يلي: قانون عام 2013: 47% انطلاقاً من الفئة الثالثة في تقرير عام "
                           "2012، ولم يُرفع التصنيف؛ ")
    assert "استراتيجية 2025-2028: 6% انطلاقاً من الفئة الثانية في تقرير عام 2025، ولم يُرصد " \
           "بعد." in text
    assert text.endswith("فيبلغ المعدل الأساسي *لخفض* التصنيف خلال تقريرين بعدها 31%.")


def test_its_sentence_states_the_small_sample_and_the_wild_bootstrap(kuwait):
    own = kuwait["own"]
    window = own[own["report_year"] < 2016]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        fit = impact.fit_its(window, "report_year", "score", 2013, maxlags=1)
        lags = fit.lag_sensitivity(lags=(0, 1, 2, 3))
    wild = pd.Series({"level_change": 0.380, "slope_change": 0.371})
    text = it.its_sentence(fit, lags, wild, 2013, "ar")
    assert text.startswith("قُدِّر تغيّر المستوى عند تقرير عام 2013 بمقدار -0.33 درجة (بمجال "
                           "ثقة 95% يتراوح بين -0.75 و+0.09)")
    assert "بين 0.069 و0.107" in text and "مع 13 مشاهدة فقط" in text
    assert text.endswith("فكانت p = 0.380 لتغيّر المستوى و0.371 لتغيّر الاتجاه.")
    limits = it.its_limits(fit, "ar", name="الكويت", kuwait=True)
    assert limits.startswith("**الحدود**: عشرة تقارير قبل التدخل وثلاثة تقارير فقط بعده")
    assert "إلى 3.55، أي إلى ما بعد الفئة الثالثة" in limits


def test_synth_sentence_keeps_every_limit_of_the_placebo_p():
    row = pd.Series({"estimate": 0.2569, "pre_rmspe": 0.1293, "post_rmspe": 0.3293,
                     "ratio": 2.5456, "rank": 51, "p_value": 0.4595, "n_donors": 110,
                     "n_pre": 10, "n_post": 3, "p_value_midrank": 0.4595,
                     "p_value_defined_only": 0.4054, "n_ties": 0, "n_exact_pre": 37,
                     "n_ratio_zero": 16, "n_ratio_inf": 21, "min_p": 1 / 111})
    ar = it.synth_sentence(row, "الكويت", "ar")
    assert "وجاءت مرتبة الكويت 51 من أصل 111 دولة: **p = 0.46**" in ar
    assert "وتطابقت 37 من أصل 111 دولة مع فترة ما قبل التدخل تطابقاً تاماً" in ar
    assert ("وتُحتسب حالات التساوي في غير صالح الكويت (لا توجد حالات تساوٍ)؛ وإذا احتُسبت "
            "حالات التساوي بنصف وزن تكون p = 0.46") in ar
    assert "وأصغر قيمة p ممكنة هي 1/111 = 0.009" in ar
    assert "و110 دول مانحة" in ar and "ثلاثة تقارير فقط بعد التدخل" in ar
    en = it.synth_sentence(row, "Kuwait", "en")
    assert "rank 51 of 111: **p = 0.46** (10 reports before, 3 reports after, 110 donors)" in en


def test_gcc_placebo_floor_is_stated_in_arabic():
    assert it.count_below([0.33, 1.0], 6, "ar") == (
        "ولا يمكن لأيٍّ من القيم الاحتمالية لمعاملات ما بعد التدخل، وعددها 2، أن تبلغ 0.1 أو "
        "أقل، لأن أصغر قيمة ممكنة مع ست دول هي 1/6 = 0.17")
    assert it.count_below([0.05, 0.5], 40, "ar") == (
        "وبلغت 1 من أصل 2 من القيم الاحتمالية لمعاملات ما بعد التدخل 0.1 أو أقل (أصغر قيمة "
        "ممكنة 1/40 = 0.025)")


def test_schedule_table_is_labelled_in_arabic():
    schedule = pd.DataFrame({
        "report_year": [2026, 2027, 2026, 2027],
        "design": ["its_tier"] * 2 + ["its_convictions"] * 2,
        "n_pre": [23, 23, 0, 0], "n_post": [1, 2, 1, 2], "estimable": [False, True, False, False],
        "needs": ["", "", "", "values for 2024, 2025 (pre-period)"]})
    plan = it.schedule_table(schedule, ["its_tier", "its_convictions"], "ar")
    assert plan.index.tolist() == ["السلسلة الزمنية المتقطعة: درجة الفئة",
                                   "السلسلة الزمنية المتقطعة: الإدانات بحسب التقرير"]
    assert plan.loc["السلسلة الزمنية المتقطعة: درجة الفئة", 2027] == "نعم (2 بعد التدخل)"
    assert plan.iloc[1, -1] == "قيم لأعوام 2024، 2025 (قبل التدخل)"
    assert it.plan_sentence(schedule, ["its_tier", "its_convictions"], 5, "ar").startswith(
        "أول تقرير يمكن بعده تقدير كل تصميم: السلسلة الزمنية المتقطعة: درجة الفئة (تقرير عام "
        "2027). ويتعذّر حتى عام 2027 تقدير ما يلي: السلسلة الزمنية المتقطعة: الإدانات بحسب "
        "التقرير،")
