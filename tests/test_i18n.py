"""The translation table: both languages for every key, the same fields, one digit policy."""

from __future__ import annotations

import re
import string

import pytest

from tipanalysis import i18n
from tipanalysis.i18n import format_date, format_number, format_percent, t, tier_label

ARABIC_LETTER = re.compile("[\u060c\u061b\u0621-\u064a]")  # letters, Arabic comma and semicolon
EASTERN_DIGITS = re.compile("[\u0660-\u0669\u06f0-\u06f9]")


def fields(pattern: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(pattern) if name}


@pytest.mark.parametrize("key", i18n.keys())
def test_every_key_has_both_languages_with_the_same_fields(key):
    en, ar = t(key, "en"), t(key, "ar")
    assert en.strip() and ar.strip()
    # Only the documented language-specific forms (agreement, counted nouns) may differ.
    assert fields(en) ^ fields(ar) <= i18n.FORM_FIELDS.get(key, frozenset())
    assert ARABIC_LETTER.search(ar), f"{key}: Arabic entry has no Arabic letter"
    assert not ARABIC_LETTER.search(en), f"{key}: English entry has Arabic letters"


def test_arabic_entries_use_western_digits():
    assert i18n.DIGITS == "western"
    table_keys = i18n.keys()  # a function of the module, not dict.keys
    offending = [k for k in table_keys if EASTERN_DIGITS.search(t(k, "ar"))]
    assert offending == []


def test_patterns_fill_fields_and_reject_unknown_input():
    assert t("brief.report", "ar", year=2025) == "تقرير الاتجار بالأشخاص لعام 2025"
    assert t("brief.period", "en", prev=2024, year=2025) == (
        "The reporting period runs from 1 April 2024 to 31 March 2025.")
    with pytest.raises(ValueError, match="unknown language"):
        t("tier.1", "fr")
    with pytest.raises(KeyError, match="no translation"):
        t("no.such.key", "en")


def test_tier_labels():
    assert tier_label("2WL", "en") == "Tier 2 Watch List"
    assert tier_label("special", "ar") == "حالة خاصة"
    assert tier_label(float("nan"), "en") == "No placement in data"
    assert tier_label(None, "ar") == "لا يوجد تصنيف في البيانات"


@pytest.mark.parametrize(("iso", "lang", "precision", "expected"), [
    ("2025-09-30", "en", "day", "30 September 2025"),
    ("2025-09-30", "ar", "day", "30 سبتمبر 2025"),
    ("2015-06", "ar", "month", "يونيو 2015"),
    ("2018-02-05", "en", "month", "February 2018"),  # never more precise than the source
    ("2010", "en", "year", "2010"),
    ("2026-11-28", "ar", "day", "28 نوفمبر 2026"),
])
def test_format_date(iso, lang, precision, expected):
    assert format_date(iso, lang, precision) == expected


def test_numbers_are_written_the_same_way_in_both_languages():
    assert format_percent(0.5745, "en") == format_percent(0.5745, "ar") == "57%"
    assert format_percent(0.005, "ar") == "0%"
    assert format_number(2.125, "ar", 2) == format_number(2.125, "en", 2) == "2.12"
    assert i18n.to_western_digits("تقرير ٢٠٢٥ و۱۴") == "تقرير 2025 و14"
    with pytest.raises(ValueError):
        format_percent(0.5, "de")


def test_text_direction_and_list_separator():
    assert i18n.text_direction("ar") == "rtl" and i18n.text_direction("en") == "ltr"
    assert i18n.join_list(["2001–2016", "2018"], "ar") == "2001–2016، 2018"
    assert i18n.join_list(["2001–2016", "2018"], "en") == "2001–2016, 2018"


def test_one_key_per_wording():
    # A wording used in two roles lives under one key (e.g. the strategy tables reuse
    # "col.strand" and "col.status" of the briefs): no two keys carry the same English text.
    by_english: dict[str, list[str]] = {}
    table_keys = i18n.keys()  # a function of the module, not dict.keys
    for key in table_keys:
        by_english.setdefault(t(key, "en"), []).append(key)
    assert {en: ks for en, ks in by_english.items() if len(ks) > 1} == {}


def test_strategy_and_impact_chart_keys():
    assert t("status.no-data", "ar") == "لا توجد بيانات بعد"
    assert t("title.strand_status", "en") == "Indicator status by strand"
    assert t("impact.title.its_country", "ar", country="الكويت", year=2014) == (
        "الكويت: درجة الفئة حول تقرير 2014 (الأعلى أسوأ)")
    assert t("impact.title.placebo_shown", "en", ratio=5) == (
        "Placebo gaps (pre-RMSPE ≤ 5× treated shown)")
    # English legends keep the wording impact's plot helpers had before they took ``lang``
    assert [t(f"impact.legend.{k}", "en") for k in ("observed", "model", "counterfactual")] == [
        "observed", "model", "counterfactual"]
