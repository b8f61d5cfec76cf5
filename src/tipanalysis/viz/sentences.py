"""Sentences that read a result, written in each language as its readers write it.

Arabic sentences follow ``docs/arabic_style.md``: verbal sentences, the verb agreeing with the
country (feminine by default, masculine for the names in :data:`MASCULINE`), counts agreeing
with their nouns (:mod:`tipanalysis.arabic`). Nothing here computes a result: every function
takes the numbers it states.
"""

from __future__ import annotations

import math
from collections.abc import Mapping

from tipanalysis.core.arabic import count_phrase

__all__ = ["MASCULINE", "is_masculine", "tracker_sentence", "watchlist_clock_sentence"]


def __dir__() -> list[str]:
    return __all__


#: Countries whose Arabic names take masculine agreement in current usage.
MASCULINE = frozenset({"IRQ", "JOR", "LBN", "SDN", "YEM", "MAR", "BRA", "PAK", "IND", "JPN",
                       "NPL", "KEN", "CHN", "VNM", "MEX", "PER", "CHL", "TCD", "NER"})


def is_masculine(iso3: str) -> bool:
    """True where the country's Arabic name takes masculine verbs (``صُنِّف العراق``).

    Examples
    --------
    >>> is_masculine("IRQ"), is_masculine("KWT")
    (True, False)
    """
    return iso3 in MASCULINE


def _years_en(n: int) -> str:
    return "one year" if n == 1 else f"{n} consecutive years"


def watchlist_clock_sentence(clock: Mapping[str, object], country: str, name: str,
                             lang: str = "en") -> str:
    """The Watch List clock of :func:`tipanalysis.evidence.watchlist_clock` in one passage.

    Parameters
    ----------
    clock : mapping
        ``report_year``, ``tier``, ``wl_consecutive``, ``waivers_used``,
        ``waivers_remaining``, ``auto_downgrade_next``.
    country : str
        ISO3 code (decides Arabic agreement).
    name : str
        The country's name in ``lang``.

    Examples
    --------
    >>> c = {"report_year": 2024, "tier": "2WL", "wl_consecutive": 3, "waivers_used": 1,
    ...      "waivers_remaining": 0.0, "auto_downgrade_next": True}
    >>> print(watchlist_clock_sentence(c, "KWT", "الكويت", "ar"))
    أمضت الكويت على قائمة المراقبة من الفئة الثانية ثلاثة أعوام متتالية حتى تقرير عام 2024، \
منها عامٌ واحد بموجب إعفاء من التخفيض التلقائي. وقد استنفدت الإعفاء المتاح، فإما أن يُرفع \
تصنيفها في تقرير عام 2025 وإما أن تُخفَّض تلقائياً إلى الفئة الثالثة.
    >>> print(watchlist_clock_sentence(c, "KWT", "Kuwait"))
    By the 2024 Report, Kuwait had spent 3 consecutive years on the Tier 2 Watch List, one of \
them under a waiver of the automatic downgrade. It has used its waiver: in the 2025 Report it \
must either move up or be downgraded automatically to Tier 3.
    """
    year, nxt = int(clock["report_year"]), int(clock["report_year"]) + 1
    run, used = int(clock["wl_consecutive"]), int(clock["waivers_used"])
    remaining = clock.get("waivers_remaining")
    no_waiver_left = remaining is not None and not (isinstance(remaining, float)
                                                    and math.isnan(remaining)) \
        and float(remaining) == 0
    m = is_masculine(country)
    if lang == "ar":
        spent, its = ("أمضى", "تصنيفه") if m else ("أمضت", "تصنيفها")
        if run == 0:
            verb = "لم يكن" if m else "لم تكن"
            return (f"{verb} {name} على قائمة المراقبة من الفئة الثانية في تقرير عام {year}، "
                    "فلا يسري عليها عدّاد التخفيض التلقائي." if not m else
                    f"{verb} {name} على قائمة المراقبة من الفئة الثانية في تقرير عام {year}، "
                    "فلا يسري عليه عدّاد التخفيض التلقائي.")
        if run == 1:
            listed = "يُدرج" if m else "تُدرج"
            first = (f"يُعدّ تقرير عام {year} أول تقرير {listed} فيه {name} على قائمة المراقبة "
                     "من الفئة الثانية في سلسلتها الحالية.")
            return first + (f" ولا يترتب على بقائ{'ه' if m else 'ها'} على القائمة في تقرير عام "
                            f"{nxt} أي تخفيض تلقائي.")
        years = count_phrase(run, "عام", "acc").replace(" أعوام", " أعوام متتالية")
        if run > 10:
            years = f"{run} عاماً متتالياً"
        waivers = {0: "دون أن يُستخدم أي إعفاء من التخفيض التلقائي",
                   1: "منها عامٌ واحد بموجب إعفاء من التخفيض التلقائي"}.get(
            used, "منها عامان بموجب إعفاء من التخفيض التلقائي")
        head = f"{spent} {name} على قائمة المراقبة من الفئة الثانية {years} حتى تقرير عام {year}، "
        if run == 2 and not no_waiver_left:
            tail = (f"وإذا لم يُرفع {its} في تقرير عام {nxt}، ف{'سيُخفَّض' if m else 'ستُخفَّض'} "
                    "تلقائياً إلى الفئة الثالثة ما لم يُمنح إعفاءً، وهو الإعفاء الوحيد المتاح.")
        elif no_waiver_left:
            used_up = "استنفد" if m else "استنفدت"
            down = "يُخفَّض" if m else "تُخفَّض"
            tail = (f"وقد {used_up} الإعفاء المتاح، فإما أن يُرفع {its} في تقرير عام {nxt} "
                    f"وإما أن {down} تلقائياً إلى الفئة الثالثة.")
        else:
            tail = f"ولا يزال لدي{'ه' if m else 'ها'} إعفاء متاح في تقرير عام {nxt}."
        return f"{head}{waivers}. {tail}"
    if run == 0:
        return (f"{name} was not on the Tier 2 Watch List in the {year} Report, so the "
                "automatic-downgrade clock is not running.")
    if run == 1:
        return (f"The {year} Report is the first of {name}'s current run on the Tier 2 Watch "
                f"List. Staying on the list in the {nxt} Report would carry no automatic "
                "downgrade.")
    waivers = {0: "without any waiver of the automatic downgrade",
               1: "one of them under a waiver of the automatic downgrade"}.get(
        used, f"{used} of them under waivers of the automatic downgrade")
    head = (f"By the {year} Report, {name} had spent {_years_en(run)} on the Tier 2 Watch List, "
            f"{waivers}.")
    if run == 2 and not no_waiver_left:
        tail = (f" If it is not upgraded in the {nxt} Report, it will be downgraded "
                "automatically to Tier 3 unless it receives a waiver, the only one available.")
    elif no_waiver_left:
        tail = (f" It has used its waiver: in the {nxt} Report it must either move up or be "
                "downgraded automatically to Tier 3.")
    else:
        tail = f" A waiver is still available for the {nxt} Report."
    return head + tail


def tracker_sentence(label: str, years_asked: int, years_coded: int, last_year: int,
                     lang: str = "en") -> str:
    """How often the Report asked for one thing, over the reports whose list was coded.

    Examples
    --------
    >>> print(tracker_sentence("إصلاح نظام الكفالة", 3, 5, 2023, "ar"))
    دعا التقرير إلى إصلاح نظام الكفالة في ثلاثة من تقاريره الخمسة التي رُمِّزت توصياتها، \
وآخرها تقرير عام 2023.
    >>> print(tracker_sentence("sponsorship reform", 5, 5, 2024))
    The Report asked for sponsorship reform in all 5 of its reports whose recommendations were \
coded, most recently in 2024.
    """
    if lang == "ar":
        words = {3: "الثلاثة", 4: "الأربعة", 5: "الخمسة", 6: "الستة", 7: "السبعة",
                 8: "الثمانية", 9: "التسعة", 10: "العشرة"}
        total = words.get(years_coded, f"الـ{years_coded}")
        if years_coded == 1:
            return (f"دعا التقرير إلى {label} في التقرير الوحيد الذي رُمِّزت توصياته، وهو "
                    f"تقرير عام {last_year}.")
        pool = ("تقريريه اللذين رُمِّزت توصياتهما" if years_coded == 2
                else f"تقاريره {total} التي رُمِّزت توصياتها")
        if years_asked == years_coded:
            return f"دعا التقرير إلى {label} في {pool} جميعها، وآخرها تقرير عام {last_year}."
        if years_asked == 1:
            return f"دعا التقرير إلى {label} في تقرير واحد من {pool}، هو تقرير عام {last_year}."
        count = count_phrase(years_asked, "تقرير").split(" ")[0] if years_asked <= 10 \
            else str(years_asked)
        if years_asked == 2:
            count = "تقريرين"
        return f"دعا التقرير إلى {label} في {count} من {pool}، وآخرها تقرير عام {last_year}."
    if years_asked == years_coded:
        return (f"The Report asked for {label} in all {years_coded} of its reports whose "
                f"recommendations were coded, most recently in {last_year}.")
    return (f"The Report asked for {label} in {years_asked} of the {years_coded} reports whose "
            f"recommendations were coded, most recently in {last_year}.")

