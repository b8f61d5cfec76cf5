"""One translation table for every label and sentence pattern in English and Arabic.

``lang`` is always passed explicitly (from a notebook's parameters down to plots and briefs),
never read from a global. Patterns use :meth:`str.format` fields filled from the data.

Arabic text is stored as Unicode in logical order; matplotlib >= 3.11 shapes and orders it
itself, so nothing here pre-shapes it.
"""

from __future__ import annotations

LANGS = ("en", "ar")

_TABLE: dict[str, dict[str, str]] = {
    # tiers
    "tier.1": {"en": "Tier 1", "ar": "الفئة الأولى"},
    "tier.2": {"en": "Tier 2", "ar": "الفئة الثانية"},
    "tier.2WL": {"en": "Tier 2 Watch List", "ar": "قائمة المراقبة للفئة الثانية"},
    "tier.3": {"en": "Tier 3", "ar": "الفئة الثالثة"},
    "tier.special": {"en": "Special Case", "ar": "حالة خاصة"},
    "tier.missing": {"en": "No placement in data", "ar": "لا يوجد تصنيف في البيانات"},
    # axes and titles
    "axis.report_year": {"en": "TIP Report year", "ar": "سنة تقرير الاتجار بالأشخاص"},
    "axis.countries": {"en": "Countries", "ar": "عدد الدول"},
    "axis.share": {"en": "Share of countries ranked", "ar": "نسبة الدول المصنفة"},
    "axis.tier": {"en": "Tier", "ar": "الفئة"},
    "title.coverage": {
        "en": "Countries with a placement in the shipped data, by report year",
        "ar": "عدد الدول المصنفة في البيانات حسب سنة التقرير",
    },
    "title.timeline": {
        "en": "{country}: TIP Report tier by report year, with policy events",
        "ar": "{country}: الفئة في تقرير الاتجار بالأشخاص حسب سنة التقرير مع الأحداث",
    },
    "title.heatmap": {"en": "Tier placements: {group}", "ar": "التصنيف حسب الفئة: {group}"},
    "title.shares": {"en": "Tier shares: {group}", "ar": "توزيع الفئات: {group}"},
    "title.map": {"en": "TIP Report {year}: tier placements", "ar": "تقرير {year}: تصنيف الدول"},
    "legend.partial": {"en": "partial year (hatched)", "ar": "سنة غير مكتملة (مظللة)"},
    "legend.waiver": {"en": "waiver from automatic downgrade", "ar": "إعفاء من التخفيض التلقائي"},
    "legend.event": {"en": "policy event", "ar": "حدث سياسي"},
    "group.GCC": {"en": "GCC", "ar": "دول مجلس التعاون"},
    "group.world": {"en": "World", "ar": "العالم"},
    "group.AF": {"en": "Africa", "ar": "أفريقيا"},
    "group.EAP": {"en": "East Asia and Pacific", "ar": "شرق آسيا والمحيط الهادئ"},
    "group.EUR": {"en": "Europe and Eurasia", "ar": "أوروبا وأوراسيا"},
    "group.NEA": {"en": "Near East", "ar": "الشرق الأدنى"},
    "group.SCA": {"en": "South and Central Asia", "ar": "جنوب ووسط آسيا"},
    "group.WHA": {"en": "Western Hemisphere", "ar": "نصف الكرة الغربي"},
    "coverage.complete": {"en": "complete", "ar": "مكتملة"},
    "coverage.near-complete": {"en": "near-complete", "ar": "شبه مكتملة"},
    "coverage.partial": {"en": "partial", "ar": "جزئية"},
    "coverage.unverified": {"en": "total not verified", "ar": "المجموع غير متحقق منه"},
    "caveat.effort": {
        "en": "Tiers rate a government's efforts against the TVPA minimum standards, "
              "not the size of the trafficking problem.",
        "ar": "تقيّم الفئات جهود الحكومة مقارنةً بالمعايير الدنيا لقانون حماية ضحايا الاتجار، "
              "ولا تقيس حجم ظاهرة الاتجار بالأشخاص.",
    },
    "caveat.period": {
        "en": "A report year covers April of the previous year to March of the report year.",
        "ar": "تغطي سنة التقرير الفترة من أبريل من السنة السابقة إلى مارس من سنة التقرير.",
    },
}


def t(key: str, lang: str = "en", **fields: object) -> str:
    """Return the label or sentence ``key`` in ``lang``, with ``fields`` filled in.

    Examples
    --------
    >>> t("tier.2WL", "en")
    'Tier 2 Watch List'
    >>> t("title.map", "ar", year=2025)
    'تقرير 2025: تصنيف الدول'
    """
    if lang not in LANGS:
        raise ValueError(f"unknown language {lang!r}; expected one of {LANGS}")
    try:
        entry = _TABLE[key]
    except KeyError:
        raise KeyError(f"no translation for {key!r}") from None
    return entry[lang].format(**fields) if fields else entry[lang]


def tier_label(tier: object, lang: str = "en") -> str:
    """Return the display name of a tier label (``1``, ``2``, ``2WL``, ``3``, ``special``).

    Examples
    --------
    >>> tier_label("3", "ar")
    'الفئة الثالثة'
    """
    if tier is None or (isinstance(tier, float) and tier != tier):
        return t("tier.missing", lang)
    return t(f"tier.{tier}", lang)


def keys() -> list[str]:
    """Return every key of the translation table (tests check both languages are present)."""
    return sorted(_TABLE)


def text_direction(lang: str) -> str:
    """Return ``"rtl"`` for Arabic and ``"ltr"`` otherwise."""
    return "rtl" if lang == "ar" else "ltr"
