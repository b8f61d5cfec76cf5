"""One translation table for every label and sentence pattern in English and Arabic.

``lang`` is always passed explicitly (from a notebook's parameters down to plots and briefs),
never read from a global. Patterns use :meth:`str.format` fields filled from the data.

Arabic text is stored as Unicode in logical order; matplotlib >= 3.11 shapes and orders it
itself, so nothing here pre-shapes it.
"""

from __future__ import annotations

__all__ = [
    "DIGITS",
    "FORM_FIELDS",
    "LANGS",
    "format_date",
    "format_number",
    "format_percent",
    "join_list",
    "keys",
    "t",
    "text_direction",
    "tier_label",
    "to_western_digits",
]

LANGS = ("en", "ar")

_TABLE: dict[str, dict[str, str]] = {
    # tiers
    "tier.1": {"en": "Tier 1", "ar": "الفئة الأولى"},
    "tier.2": {"en": "Tier 2", "ar": "الفئة الثانية"},
    "tier.2WL": {"en": "Tier 2 Watch List", "ar": "قائمة المراقبة من الفئة الثانية"},
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
        "ar": "{country}: الفئة في تقرير الاتجار بالأشخاص حسب سنة التقرير، والإجراءات "
              "التشريعية والمؤسسية",
    },
    "title.heatmap": {"en": "Tier placements: {group}", "ar": "التصنيف حسب الفئة: {group}"},
    "title.shares": {"en": "Tier shares: {group}", "ar": "توزيع الفئات: {group}"},
    "title.map": {"en": "TIP Report {year}: tier placements", "ar": "تقرير {year}: تصنيف الدول"},
    "legend.partial": {"en": "partial year (hatched)", "ar": "سنة غير مكتملة (مظللة)"},
    "legend.waiver": {"en": "waiver from automatic downgrade", "ar": "إعفاء من التخفيض التلقائي"},
    "legend.event": {"en": "legislative or institutional action", "ar": "إجراء تشريعي أو مؤسسي"},
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
    "coverage.inferred": {"en": "every country counted, some placements inferred",
                          "ar": "شاملة لجميع الدول، وبعض تصنيفاتها مستنتَجة"},
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


# Policy brief (tipanalysis.brief). Arabic sentences follow docs/arabic_style.md: verbal
# sentences whose verb agrees with the country ({placed}, {was}, ... are filled by
# tipanalysis.report.brief with the feminine or masculine form), counts agreeing with their
# nouns (tipanalysis.core.arabic), Kuwaiti legal citations from data/language/laws.csv and the
# terms of data/language/glossary.csv. English ignores the Arabic-only fields.
_TABLE.update({
    "brief.title": {"en": "{country}: policy brief on combating trafficking in persons",
                    "ar": "{country}: موجز سياسات بشأن مكافحة الاتجار بالأشخاص"},
    "brief.report": {"en": "TIP Report {year}", "ar": "تقرير الاتجار بالأشخاص لعام {year}"},
    "brief.period": {
        "en": "The reporting period runs from 1 April {prev} to 31 March {year}.",
        "ar": "تمتد فترة التقرير من 1 أبريل {prev} إلى 31 مارس {year}.",
    },
    "brief.version": {
        "en": "Brief dated {date}, built from version {version} of the data package; "
              "fingerprint of its tier data:",
        "ar": "أُعدّ هذا الموجز بتاريخ {date} من الإصدار {version} من حزمة البيانات، "
              "وبصمة بيانات التصنيف فيه:",
    },
    "brief.announced": {"en": "The placement was announced publicly on {date}.",
                        "ar": "أُعلن هذا التصنيف رسمياً في {date}."},
    "brief.unavailable": {"en": "Not available in this build: {what}.",
                          "ar": "لا يتوفر هذا الجزء في هذا الإصدار: {what}."},
    "brief.no_data": {"en": "No data are available for {country} on this point.",
                      "ar": "لا تتوفر بيانات عن {country} في هذا الجانب."},
    "brief.generated": {
        "en": "Generated from the data package. Every sentence is built from the data with a "
              "fixed bilingual table of sentence patterns; nothing is machine-translated, and "
              "every Arabic data text is written and reviewed by the analysis team.",
        "ar": "أُعدّ هذا الموجز آلياً من حزمة البيانات؛ وكل جملة فيه مبنية من البيانات وفق "
              "جدول ثابت لأنماط الجمل باللغتين، دون أي ترجمة آلية، وقد كتب فريق التحليل "
              "النصوص العربية للبيانات وراجعها.",
    },
    "brief.digits": {"en": "Figures use Western digits (0-9) in both languages.",
                     "ar": "تُكتب الأرقام بالأرقام الغربية في اللغتين، كما في وسائل الإعلام "
                           "الرسمية الكويتية."},
    "brief.page": {"en": "Page", "ar": "صفحة"},
    "brief.of": {"en": "of", "ar": "من"},
    # section headings
    "sec.headline": {"en": "The placement and why", "ar": "التصنيف وأسبابه"},
    "sec.asks": {"en": "What the latest report asks, and the strategy's answer",
                 "ar": "ما يطلبه أحدث تقرير وما يقابله في الاستراتيجية الوطنية"},
    "sec.timeline": {"en": "Tier timeline, legislative and institutional actions",
                     "ar": "مسار التصنيف والإجراءات التشريعية والمؤسسية"},
    "sec.compare": {"en": "Comparison with peers", "ar": "المقارنة مع الدول النظيرة"},
    "sec.map": {"en": "Map", "ar": "الخريطة"},
    "sec.outlook": {"en": "Outlook to {last}", "ar": "الاحتمالات حتى عام {last}"},
    "sec.strategy": {"en": "National strategy: progress and data completeness",
                     "ar": "الاستراتيجية الوطنية: التقدم واكتمال البيانات"},
    "sec.impact": {"en": "Impact assessment: findings and limits",
                   "ar": "تقييم الأثر: النتائج وحدودها"},
    "sec.caveats": {"en": "Annex: methods and limits", "ar": "ملحق: المنهجية وحدودها"},
    "sec.sources": {"en": "Annex: sources", "ar": "ملحق: المصادر"},
    "sources.note": {"en": "Sources are listed as published, in English.",
                     "ar": "تُدرج المصادر كما نُشرت، وهي باللغة الإنجليزية."},
    # headline (models a1-a6)
    "headline.upgrade": {
        "en": "In the {year} TIP Report, {country} was placed on {tier}, up from {prev_tier} "
              "in the {prev_year} Report.",
        "ar": "{placed} {country} في تقرير الاتجار بالأشخاص لعام {year} ضمن {tier}، بعد أن "
              "{was} {prev_tier} في تقرير عام {prev_year}، في تحسّنٍ {its_rank}.",
    },
    "headline.downgrade": {
        "en": "In the {year} TIP Report, {country} was placed on {tier}, down from {prev_tier} "
              "in the {prev_year} Report.",
        "ar": "{placed} {country} في تقرير الاتجار بالأشخاص لعام {year} ضمن {tier}، بعد أن "
              "{was} {prev_tier} في تقرير عام {prev_year}، في تراجعٍ {its_rank}.",
    },
    "headline.same": {
        "en": "In the {year} TIP Report, {country} remained on {tier} for the {ordinal_en} "
              "consecutive year.",
        "ar": "{kept} {country} على {its} ضمن {tier} في تقرير الاتجار بالأشخاص لعام "
              "{year}، للعام {ordinal} على التوالي.",
    },
    "headline.entered": {
        "en": "In the {year} TIP Report, {country} was placed on {tier}; the data hold no "
              "placement for it in the {prev_year} Report.",
        "ar": "{placed} {country} في تقرير الاتجار بالأشخاص لعام {year} ضمن {tier}، ولا "
              "تتضمن البيانات المتاحة تصنيفاً {for_it} في تقرير عام {prev_year}.",
    },
    "headline.special": {
        "en": "In the {year} TIP Report, {country} was a Special Case and received no tier.",
        "ar": "{came} {country} ضمن الحالات الخاصة في تقرير الاتجار بالأشخاص لعام {year}، "
              "فلم {placed_juss} في أي فئة.",
    },
    "headline.waiver": {
        "en": "A source states that this placement was made under a waiver of the automatic "
              "downgrade.",
        "ar": "ويذكر أحد المصادر أن هذا التصنيف جاء بموجب إعفاء من التخفيض التلقائي.",
    },
    # findings of the latest coded report (data/narratives)
    "findings.overall.yes": {
        "en": "The {year} Report, the latest whose narrative the analysis team has coded, "
              "judged that the government was making increasing efforts.",
        "ar": "رأى تقرير عام {year}، وهو أحدث تقرير رمّز فريق التحليل نصّه، أن الحكومة "
              "تبذل جهوداً متزايدة.",
    },
    "findings.overall.no": {
        "en": "The {year} Report, the latest whose narrative the analysis team has coded, "
              "judged that the government was not making increasing efforts overall.",
        "ar": "رأى تقرير عام {year}، وهو أحدث تقرير رمّز فريق التحليل نصّه، أن الحكومة لا "
              "تبذل جهوداً متزايدة إجمالاً.",
    },
    "findings.overall.unknown": {
        "en": "The {year} Report is the latest whose narrative the analysis team has coded.",
        "ar": "تقرير عام {year} هو أحدث تقرير رمّز فريق التحليل نصّه.",
    },
    "findings.more": {"en": "It recorded more effort than the year before in {domains}.",
                      "ar": "وسجّل التقرير جهوداً أكثر من العام السابق في {domains}."},
    "findings.fewer": {"en": "It recorded less effort in {domains}.",
                       "ar": "وسجّل تراجعاً في الجهود في {domains}."},
    "findings.same": {"en": "It recorded continued effort, without a comparison, in {domains}.",
                      "ar": "وسجّل استمرار الجهود، دون مقارنة بالعام السابق، في {domains}."},
    "findings.none": {"en": "It recorded no effort in {domains}.",
                      "ar": "ولم يسجّل أي جهد في {domains}."},
    "findings.lag": {
        "en": "The narrative of the {year} Report has not been coded yet; the findings above "
              "are those of the {coded} Report.",
        "ar": "ولم يُرمَّز بعدُ نص تقرير عام {year}، فالنتائج أعلاه هي نتائج تقرير عام {coded}.",
    },
    # asks (data/narratives/recommendations.csv and crosswalk.csv)
    "asks.read": {
        "en": "The analysis team coded {n} prioritized recommendations of the {year} Report; "
              "the strategy's aims answer {answered} of them ({explicit} explicitly).",
        "ar": "رمّز فريق التحليل التوصيات ذات الأولوية في تقرير عام {year}، وعددها {n}، "
              "وتستجيب أهداف الاستراتيجية الوطنية {answered_phrase}، {explicit_phrase}.",
    },
    "asks.unanswered": {"en": "No aim answers {k} of them.",
                        "ar": "ولا يقابل أيُّ هدف من أهداف الاستراتيجية {k} منها."},
    "asks.judgement": {
        "en": "The links to the aims and indicators are the analysis team's judgement, not the "
              "Permanent National Committee's.",
        "ar": "والربط بين التوصيات والأهداف والمؤشرات من تقدير فريق التحليل، لا من تقدير "
              "اللجنة الوطنية الدائمة.",
    },
    "asks.no_strategy": {
        "en": "The strategy crosswalk covers Kuwait's national strategy only; the asks are "
              "listed without aims.",
        "ar": "يقتصر الربط بأهداف الاستراتيجية على الاستراتيجية الوطنية لدولة الكويت، فتُعرض "
              "التوصيات هنا دون أهداف.",
    },
    "asks.listed": {"en": "The {year} Report asked for {n} things the analysis team coded.",
                    "ar": "رمّز فريق التحليل التوصيات ذات الأولوية في تقرير عام {year}، "
                          "وعددها {n}."},
    "col.ask_summary": {"en": "What the Report asks", "ar": "ما يطلبه التقرير"},
    "col.evidence_indicator": {"en": "Indicator that would evidence it",
                               "ar": "المؤشر الذي يُثبت التقدم"},
    "asks.no_aim": {"en": "no aim", "ar": "لا يقابلها هدف"},
    "asks.no_indicator": {"en": "no indicator in the catalogue",
                          "ar": "لا يوجد مؤشر في الفهرس"},
    "asks.has_value": {"en": "value held", "ar": "تتوفر قيمة"},
    "asks.no_value": {"en": "no value yet", "ar": "لا قيمة بعد"},
    # enforcement (model f)
    "enf.tip": {"en": "According to the {year} TIP Report, in the reporting period {parts}.",
                "ar": "بحسب تقرير الاتجار بالأشخاص لعام {year}، {parts} خلال فترة التقرير."},
    "enf.gov": {
        "en": "According to figures the government of {country} published, {parts} between "
              "{start} and {end}.",
        "ar": "وبحسب ما أعلنته حكومة {country}، {parts} خلال الفترة من {start} إلى {end}.",
    },
    "enf.gov_caveat": {
        "en": "These are government figures, not verified by the Report, for a different "
              "period: they are not added to the Report's figures nor compared with them "
              "directly.",
        "ar": "وهذه أرقام حكومية لم يتحقق منها التقرير، وتختلف فترتها عن فترة التقرير، فلا "
              "تُجمع مع أرقامه ولا تُقارن بها مباشرة.",
    },
    "enf.trend.rise": {"en": "According to the Report, convictions rose from {a} in the {y0} "
                             "Report to {b} in the {y1} Report.",
                       "ar": "وبحسب التقرير، ارتفع عدد المُدانين من {a} في تقرير عام {y0} إلى "
                             "{b} في تقرير عام {y1}."},
    "enf.trend.fall": {"en": "According to the Report, convictions fell from {a} in the {y0} "
                             "Report to {b} in the {y1} Report.",
                       "ar": "وبحسب التقرير، انخفض عدد المُدانين من {a} في تقرير عام {y0} إلى "
                             "{b} في تقرير عام {y1}."},
    "enf.trend.flat": {"en": "According to the Report, convictions stayed at {a} in the {y0} "
                             "and {y1} Reports.",
                       "ar": "وبحسب التقرير، بقي عدد المُدانين عند {a} في تقريري عامي {y0} "
                             "و{y1}."},
    "enf.none": {"en": "No enforcement figures for {country} are coded in the data.",
                 "ar": "لا تتوفر في البيانات أرقام مرمَّزة عن إنفاذ القانون في {country}."},
    "enf.label.tip_report": {"en": "TIP-reported", "ar": "بحسب تقرير الاتجار بالأشخاص"},
    "col.investigations": {"en": "Investigations", "ar": "التحقيقات"},
    "col.prosecutions": {"en": "Prosecuted", "ar": "المحالون إلى المحاكمة"},
    "col.convictions": {"en": "Convicted", "ar": "المُدانون"},
    # timeline
    "timeline.summary": {
        "en": "{country} has a placement in {n} TIP Reports from {first} to {last}: {parts}.",
        "ar": "{placed} {country} في {n_phrase} من تقارير الاتجار بالأشخاص بين عامي {first} "
              "و{last}: {parts}.",
    },
    "timeline.part.1": {"en": "Tier 1 in {n}", "ar": "{n_phrase} ضمن الفئة الأولى"},
    "timeline.part.2": {"en": "Tier 2 in {n}", "ar": "{n_phrase} ضمن الفئة الثانية"},
    "timeline.part.2WL": {"en": "the Watch List in {n}",
                          "ar": "{n_phrase} على قائمة المراقبة من الفئة الثانية"},
    "timeline.part.3": {"en": "Tier 3 in {n}", "ar": "{n_phrase} ضمن الفئة الثالثة"},
    "timeline.part.special": {"en": "a Special Case in {n}",
                              "ar": "{n_phrase} ضمن الحالات الخاصة"},
    "timeline.waivers": {
        "en": "Waivers of the automatic downgrade: the {years} Reports.",
        "ar": "{got} {country} على إعفاء من التخفيض التلقائي في تقارير أعوام {years}.",
    },
    "timeline.events": {
        "en": "Green lines on the chart: laws, institutions and strategies, one line per "
              "reporting period, numbered as in this table.",
        "ar": "تشير الخطوط الخضراء في الرسم إلى القوانين والمؤسسات والاستراتيجيات، بخط واحد "
              "لكل فترة تقرير، وأرقامها هي أرقام هذا الجدول.",
    },
    "timeline.no_events": {
        "en": "The timeline of legislative and institutional actions covers Kuwait only; no "
              "data are available for {country} on this point.",
        "ar": "يقتصر جدول الإجراءات التشريعية والمؤسسية على دولة الكويت، ولا تتوفر بيانات عن "
              "{country} في هذا الجانب.",
    },
    "col.number": {"en": "No.", "ar": "الرقم"},
    "col.date": {"en": "Date", "ar": "التاريخ"},
    "col.category": {"en": "Type", "ar": "النوع"},
    "col.event": {"en": "Action", "ar": "الإجراء"},
    "col.country": {"en": "Country", "ar": "الدولة"},
    "col.tier_prev": {"en": "Previous report", "ar": "التقرير السابق"},
    "col.tier_now": {"en": "This report", "ar": "هذا التقرير"},
    "col.strand": {"en": "Strand", "ar": "المحور"},
    "col.indicators": {"en": "Indicators", "ar": "المؤشرات"},
    "col.with_data": {"en": "With data", "ar": "لها بيانات"},
    "col.status": {"en": "Status", "ar": "الحالة"},
    "col.reform": {"en": "Reform", "ar": "الإصلاح"},
    "col.first_report": {"en": "First report assessed", "ar": "أول تقرير يقيّمه"},
    "col.baseline": {"en": "Tier before", "ar": "الفئة قبله"},
    "col.expected": {"en": "Expected chance of an upgrade within two reports",
                     "ar": "الاحتمال المتوقع لرفع التصنيف خلال تقريرين"},
    "col.observed": {"en": "Observed", "ar": "ما حدث فعلاً"},
    "category.law": {"en": "law", "ar": "قانون"},
    "category.institution": {"en": "institution", "ar": "مؤسسة"},
    "category.strategy": {"en": "strategy", "ar": "استراتيجية"},
    "category.partnership": {"en": "partnership", "ar": "شراكة"},
    "category.ranking": {"en": "ranking", "ar": "تصنيف"},
    "category.other": {"en": "other", "ar": "أخرى"},
    # comparison (models b1-b3)
    "compare.gcc": {
        "en": "{country} ranks {rank_en} among the {n_en} GCC states in the {year} TIP Report, "
              "after {leaders}{tie}.",
        "ar": "{comes} {country} في المرتبة {rank} بين دول المجلس {n_word} في تقرير الاتجار "
              "بالأشخاص لعام {year} بعد {leaders}{tie}.",
    },
    "compare.gcc_first": {
        "en": "{country} leads the {n_en} GCC states in the {year} TIP Report{tie}.",
        "ar": "{leads} {country} دول المجلس {n_word} في تقرير الاتجار بالأشخاص لعام {year}{tie}.",
    },
    "compare.group": {
        "en": "{country} ranks {rank_en} of {n} ranked countries in {group}{tie}, and does "
              "better than {pct} of the others (ties count half); the mean tier score of the "
              "others is {mean} (1 = Tier 1, 3 = Tier 3).",
        "ar": "{comes} {country} في المرتبة {rank} من بين {n_phrase} مصنّفة في {group}{tie}، "
              "{ahead} على {pct} من الدول الأخرى (تُحتسب حالات التساوي بنصف وزن)، ويبلغ متوسط "
              "درجة الفئة لدى الدول الأخرى {mean} (الدرجة 1 للفئة الأولى و3 للفئة الثالثة).",
    },
    "compare.ties": {"en": "Tied states share a rank.",
                     "ar": "الدول المتساوية في الفئة تتشارك المرتبة نفسها."},
    "group_in.world": {"en": "the world", "ar": "العالم"},
    "group_in.region": {"en": "the State Department's {group} region",
                        "ar": "منطقة {group} بحسب تقسيم وزارة الخارجية الأمريكية"},
    "compare.unranked": {
        "en": "{country} has no tier in the {year} TIP Report (Special Case), so it has no rank "
              "among its peers.",
        "ar": "لم {placed_juss} {country} في أي فئة في تقرير الاتجار بالأشخاص لعام {year}، "
              "إذ وردت ضمن الحالات الخاصة، فلا مرتبة لها بين الدول النظيرة.",
    },
    "compare.region_table": {
        "en": "Placements in the {group} region, {year} Report.",
        "ar": "توزيع دول منطقة {group} على الفئات في تقرير عام {year}.",
    },
    "outlook.unranked": {
        "en": "No outlook: {country} has no tier in the {year} TIP Report (Special Case).",
        "ar": "لا تُحسب احتمالات لأن {country} لم تُصنَّف في أي فئة في تقرير الاتجار "
              "بالأشخاص لعام {year}.",
    },
    "compare.partial": {
        "en": "Coverage of the {year} report in the data: {status}; shares may change when "
              "missing countries are added.",
        "ar": "جاءت تغطية تقرير عام {year} في البيانات {status}، وقد تتغير النسب عند إضافة "
              "الدول الناقصة.",
    },
    "map.caption": {
        "en": "Tier placements in the {year} TIP Report; {country} is outlined in black. Grey: "
              "Special Case (no tier). Light grey with hatching: no placement in the data.",
        "ar": "تصنيف الدول في تقرير الاتجار بالأشخاص لعام {year}، وحدود {country} مبرزة "
              "باللون الأسود. اللون الرمادي: حالة خاصة دون فئة، والرمادي الفاتح المخطط: لا "
              "يرد تصنيف في البيانات.",
    },
    # outlook (model d)
    "outlook.main": {
        "en": "The probability that {country} {event_en} by the {last} Report is about {p} "
              "(95% confidence interval {lo} to {hi}). This is a pooled rate for any country "
              "with the same tier history, not a forecast specific to {country}: it takes no "
              "account of its national strategy or of anything else particular to it.",
        "ar": "يبلغ احتمال {event_ar} بحلول تقرير عام {last} نحو {p}، بمجال ثقة 95% يتراوح "
              "بين {lo} و{hi}. وهذا معدل مجمَّع لأي دولة مرّت بمسار التصنيف نفسه، وليس توقعاً "
              "يخص {country} تحديداً، إذ لا يأخذ في الحسبان استراتيجيتها الوطنية ولا أي ظرف "
              "خاص بها.",
    },
    "outlook.event.stay2": {"en": "stays on Tier 2 or better in every report",
                            "ar": "بقاء {country} في الفئة الثانية أو أفضل منها في كل التقارير"},
    "outlook.event.reach1": {"en": "reaches Tier 1", "ar": "ارتقاء {country} إلى الفئة الأولى"},
    "outlook.event.stay1": {"en": "is still on Tier 1", "ar": "بقاء {country} ضمن الفئة الأولى"},
    "outlook.second": {
        "en": "The pooled probability that it {event_en} by then is {p} ({lo} to {hi}).",
        "ar": "ويبلغ الاحتمال المجمَّع {event_ar} خلال المدة نفسها {p}، بمجال ثقة 95% يتراوح "
              "بين {lo} و{hi}.",
    },
    "outlook.final": {
        "en": "Pooled distribution in the {last} Report: Tier 1 {a}; Tier 2 {b}; the Watch "
              "List {c}; Tier 3 {d}.",
        "ar": "وتتوزع الاحتمالات المجمَّعة في تقرير عام {last} على النحو الآتي: الفئة الأولى "
              "{a}، والفئة الثانية {b}، وقائمة المراقبة {c}، والفئة الثالثة {d}.",
    },
    "outlook.assumptions": {
        "en": "A model estimate, not an observation: transition probabilities pooled over all "
              "countries since {since}, with Watch List states by duration and waivers; the same "
              "tier history gives the same figures for every country, it ignores anything "
              "specific to the country, including its national strategy, and the intervals "
              "cover estimation noise only.",
        "ar": "هذا تقدير من نموذج وليس رصداً: احتمالات انتقال مجمَّعة لكل الدول منذ عام {since} "
              "مع حالات قائمة المراقبة بحسب مدة البقاء عليها والإعفاءات؛ فيُعطي مسارُ التصنيف "
              "نفسه الأرقامَ نفسها لكل دولة، ولا يأخذ في الحسبان أي عامل خاص بالدولة، بما في ذلك "
              "استراتيجيتها الوطنية، ولا يعكس مجال الثقة إلا عدم اليقين في التقدير.",
    },
    # annex: estimation window and backtest of the outlook
    "sec.annex": {"en": "Annex: how far the outlook can be trusted",
                  "ar": "ملحق: إلى أي حد يمكن الوثوق بالتوقعات"},
    "annex.none": {"en": "No outlook, so no window table or backtest.",
                   "ar": "لا توجد توقعات، ولذلك لا يُعرض جدول نوافذ التقدير ولا الاختبار الرجعي."},
    "annex.windows": {
        "en": "The outlook's headline probabilities depend on the reports they are estimated "
              "from. The table gives them for three estimation windows; the outlook uses the "
              "reports from {first} onward, the window with the best score in the backtest. "
              "The spread between windows can exceed a single 95% confidence interval.",
        "ar": "تتوقف الاحتمالات الرئيسية للتوقعات على التقارير التي قُدّرت منها. ويعرض الجدول "
              "هذه الاحتمالات لثلاث نوافذ تقدير؛ وتعتمد التوقعات على التقارير منذ {first}، وهي "
              "نافذة التقدير التي حققت أفضل نتيجة في الاختبار الرجعي. وقد يتجاوز الفرق بين "
              "النوافذ عرضَ مجال الثقة 95% لأي منها.",
    },
    "annex.col.window": {"en": "Estimation window", "ar": "نافذة التقدير"},
    "annex.col.ok": {"en": "Tier 2 or better in every report through {last}",
                     "ar": "الفئة الثانية أو أفضل في كل التقارير حتى {last}"},
    "annex.col.tier1": {"en": "Tier 1 reached by {last}",
                        "ar": "بلوغ الفئة الأولى حتى {last}"},
    "annex.cell": {"en": "{p} (95% CI {lo} to {hi})",
                   "ar": "{p} (مجال الثقة 95%: من {lo} إلى {hi})"},
    "annex.window": {"en": "{first} to {last}", "ar": "من {first} إلى {last}"},
    "annex.default": {"en": "(used in the outlook)", "ar": "(المعتمدة في التوقعات)"},
    "annex.backtest": {
        "en": "Backtest: the forecast was refitted on the reports up to each year from {first} "
              "to {last} and scored on the next three reports. Its log score one report ahead is "
              "{m1}, against {p1} for “same tier as now” and {f1} for the plain transition "
              "matrix; three reports ahead {mn}, against {pn} and {fn} (higher is better).",
        "ar": "الاختبار الرجعي: أُعيد تقدير نموذج التوقعات من التقارير المتاحة حتى كل سنة من "
              "{first} إلى {last}، ثم قورنت توقعاته بالتقارير الثلاثة التالية. بلغت درجته "
              "اللوغاريتمية للتقرير التالي {m1}، مقابل {p1} لافتراض بقاء الفئة على حالها و{f1} "
              "لمصفوفة الانتقال البسيطة؛ وبلغت للتقرير الثالث {mn}، مقابل {pn} و{fn} (القيمة "
              "الأعلى أفضل).",
    },
    "annex.verdict.both": {
        "en": "It beats both baselines at every horizon.",
        "ar": "وتتفوق التوقعات على كلا المعيارين المرجعيين في كل آفاق التوقع.",
    },
    "annex.verdict.persistence": {
        "en": "It beats “same tier as now” at every horizon, but not the plain transition "
              "matrix at every horizon.",
        "ar": "وتتفوق التوقعات على افتراض بقاء الفئة على حالها في كل آفاق التوقع، لكنها لا "
              "تتفوق على مصفوفة الانتقال البسيطة في كل آفاق التوقع.",
    },
    "annex.verdict.not_persistence": {
        "en": "It does NOT beat “same tier as now” at every horizon: read the outlook with that "
              "in mind.",
        "ar": "ولا تتفوق التوقعات على افتراض بقاء الفئة على حالها في كل آفاق التوقع، "
              "فينبغي قراءتها مع مراعاة ذلك.",
    },
    "annex.scores": {
        "en": "Log score: the average natural logarithm of the probability the forecast gave "
              "to the tier that was then published, over every ranked country and year.",
        "ar": "الدرجة اللوغاريتمية: متوسط اللوغاريتم الطبيعي للاحتمال الذي أعطته التوقعات "
              "للفئة التي نُشرت فعلاً، لكل الدول المصنفة وكل السنوات.",
    },
    "outlook.past": {"en": "No outlook: the {year} TIP Report is at or after {last}.",
                     "ar": "لا تُحسب احتمالات لأن تقرير عام {year} يأتي في عام {last} أو بعده."},
    "outlook.axis": {"en": "Probability of Tier 2 or better in every report",
                     "ar": "احتمال البقاء في الفئة الثانية أو أفضل في كل التقارير"},
    "outlook.title": {"en": "{country}: pooled outlook to {last} (95% confidence interval)",
                      "ar": "{country}: الاحتمالات المجمَّعة حتى عام {last} (مجال الثقة 95%)"},
    "forecast.what": {"en": "tier outlook", "ar": "احتمالات التصنيف"},
    # strategy (model e)
    "strategy.only_kwt": {
        "en": "The strategy monitor covers Kuwait's national strategy only; no data are "
              "available for {country} on this point.",
        "ar": "يقتصر رصد الاستراتيجية على الاستراتيجية الوطنية لدولة الكويت، ولا تتوفر بيانات "
              "عن {country} في هذا الجانب.",
    },
    "strategy.intro": {
        "en": "The {name_en} was launched on {launched}; its {n_aims} aims are listed below.",
        "ar": "أُطلقت {name_ar} في {launched}، وتُعرض أهدافها {n_aims_word} أدناه.",
    },
    "strategy.indicators": {
        "en": "The analysis team proposed {n} indicators, {target_en}; {n_baseline} have a "
              "cited baseline.",
        "ar": "اقترح فريق التحليل {n_acc}، {target_ar}، و{baseline_ar}.",
    },
    "strategy.status": {
        "en": "By {as_of}, {n_data} of the {n} indicators have a value (reported by a ministry "
              "or computed by the analysis team); {n_nodata} have none yet.",
        "ar": "وحتى {as_of}، تتوفر قيمة لـ{n_data} من المؤشرات البالغ عددها {n}، أبلغت عنها "
              "جهة حكومية أو حسبها فريق التحليل، ولا تتوفر بعدُ أي قيمة لـ{n_nodata} منها.",
    },
    "strategy.no_targets": {
        "en": "No indicator can be judged on or off track: no official targets have been "
              "published.",
        "ar": "ولا يمكن الحكم على أي مؤشر بأنه على المسار أو خارجه، إذ لم تُنشر قيم مستهدفة "
              "رسمية.",
    },
    "strategy.completeness": {
        "en": "In {year}, {n_rep} of {n_ind} reportable indicators have a reported value "
              "({share}); {n_src} name a source and {n_pub} a public link.",
        "ar": "وفي عام {year}، أُبلغ عن قيمة لـ{n_rep} من أصل {n_ind} من المؤشرات القابلة "
              "للإبلاغ ({share})، يذكر {n_src} منها مصدراً، ويحيل {n_pub} إلى رابط منشور.",
    },
    "strategy.completeness_none": {
        "en": "In {year}, none of the {n_ind} reportable indicators has a reported value yet.",
        "ar": "ولم يُبلَّغ في عام {year} بعدُ عن قيمة لأيٍّ من المؤشرات القابلة للإبلاغ "
              "البالغ عددها {n_ind}.",
    },
    "strategy.what": {"en": "strategy review", "ar": "مراجعة الاستراتيجية"},
    "col.aim": {"en": "Strategy aim", "ar": "هدف الاستراتيجية"},
    # impact
    "impact.only_kwt": {
        "en": "The impact assessment covers Kuwait's reforms only; no data are available for "
              "{country} on this point.",
        "ar": "يقتصر تقييم الأثر على إصلاحات دولة الكويت، ولا تتوفر بيانات عن {country} في هذا "
              "الجانب.",
    },
    "impact.intro": {
        "en": "For each reform: the chance of an upgrade within two reports that the pooled "
              "transition matrix gives from the tier held before it, and what happened.",
        "ar": "يبيّن الجدول لكل إصلاح احتمالَ رفع التصنيف خلال تقريرين وفق مصفوفة الانتقال "
              "المجمَّعة انطلاقاً من الفئة السابقة له، وما حدث فعلاً.",
    },
    "impact.current": {
        "en": "The {reform} is first assessed in the {year} TIP Report; from {tier}, the base "
              "rate of a downgrade within two reports is {p}.",
        "ar": "ويُقيَّم أثر {reform} لأول مرة في تقرير الاتجار بالأشخاص لعام {year}؛ وانطلاقاً "
              "من {tier} يبلغ المعدل الأساسي لخفض التصنيف خلال تقريرين {p}.",
    },
    "impact.limits": {
        "en": "Limits: descriptive, not causal. There is one country, few reports after each "
              "reform and reforms close together; the base rates pool every country's moves, "
              "including this country's own; an upgrade after a reform does not show that the "
              "reform caused it.",
        "ar": "هذه نتائج وصفية وليست سببية: فالدولة واحدة، والتقارير بعد كل إصلاح قليلة، "
              "والإصلاحات متقاربة زمنياً، والمعدلات الأساسية تجمع تحركات كل الدول بما فيها هذه "
              "الدولة، ورفع التصنيف بعد إصلاح لا يثبت أن الإصلاح سببه.",
    },
    "impact.upgraded": {"en": "upgraded", "ar": "رُفع التصنيف"},
    "impact.not_upgraded": {"en": "no upgrade", "ar": "لم يُرفع التصنيف"},
    "impact.pending": {"en": "not yet observable", "ar": "لم يُرصد بعد"},
    "impact.what": {"en": "impact assessment", "ar": "تقييم الأثر"},
    # Kuwaiti legal citation (data/language/laws.csv; tests check they match)
    "reform.KWT-0009": {
        "en": "Law No. 91 of 2013 on Combating Trafficking in Persons and Smuggling of Migrants",
        "ar": "القانون رقم 91 لسنة 2013 في شأن مكافحة الاتجار بالأشخاص وتهريب المهاجرين"},
    "reform.KWT-0014": {"en": "Law No. 68 of 2015 on Domestic Workers",
                        "ar": "القانون رقم 68 لسنة 2015 في شأن العمالة المنزلية"},
    "reform.KWT-0021": {"en": "first national strategy (2018)",
                        "ar": "الاستراتيجية الوطنية الأولى لمنع الاتجار بالأشخاص وتهريب "
                              "المهاجرين (2018)"},
    "reform.KWT-0039": {"en": "National Strategy 2025-2028",
                        "ar": "الاستراتيجية الوطنية لمكافحة الاتجار بالأشخاص وتهريب المهاجرين "
                              "2025-2028"},
    # core terms (data/language/glossary.csv)
    "term.tip": {"en": "trafficking in persons", "ar": "الاتجار بالأشخاص"},
    "term.som": {"en": "smuggling of migrants", "ar": "تهريب المهاجرين"},
    "term.nrm": {"en": "national referral mechanism", "ar": "آلية الإحالة الوطنية"},
    "term.pnc": {"en": "Permanent National Committee", "ar": "اللجنة الوطنية الدائمة"},
    "term.waiver": {"en": "waiver (of the automatic downgrade)",
                    "ar": "الإعفاء من التخفيض التلقائي"},
    "term.ci95": {"en": "95% confidence interval", "ar": "مجال الثقة 95%"},
    # caveats and sources
    "caveat.coverage_checked": {
        "en": "Coverage of the {year} report in the data: {status} ({n} of {official} "
              "countries assessed).",
        "ar": "جاءت تغطية تقرير عام {year} في البيانات {status}، إذ تضم {n_phrase} من أصل "
              "{official} دولة قيّمها التقرير.",
    },
    "caveat.coverage_unverified": {
        "en": "Coverage of the {year} report in the data: {status} ({n} countries; no sourced "
              "official total).",
        "ar": "تضم بيانات تقرير عام {year} {n_phrase}، ولا يتوفر مجموع رسمي موثّق للتحقق من "
              "اكتمالها.",
    },
    "caveat.partial_years": {
        "en": "Report years whose coverage is not verified complete: {years}. Comparisons across "
              "countries in those years use the countries in the data.",
        "ar": "لم يُتحقق من اكتمال تغطية تقارير أعوام {years}، فتعتمد المقارنات بين الدول في "
              "تلك الأعوام على الدول الموجودة في البيانات.",
    },
    "caveat.sources": {
        "en": "Placements come partly from mirrors, replication data and news reports; every "
              "row names its source.",
        "ar": "تأتي بعض التصنيفات من نسخ منشورة وبيانات بحثية وتقارير إخبارية، ويذكر كل سطر "
              "مصدره.",
    },
    "source.accessed": {"en": "accessed {date}", "ar": "تاريخ الاطلاع: {date}"},
    "source.placement": {"en": "Source of the {year} placement", "ar": "مصدر تصنيف {year}"},
    # months (Gulf usage in Arabic)
    "month.1": {"en": "January", "ar": "يناير"},
    "month.2": {"en": "February", "ar": "فبراير"},
    "month.3": {"en": "March", "ar": "مارس"},
    "month.4": {"en": "April", "ar": "أبريل"},
    "month.5": {"en": "May", "ar": "مايو"},
    "month.6": {"en": "June", "ar": "يونيو"},
    "month.7": {"en": "July", "ar": "يوليو"},
    "month.8": {"en": "August", "ar": "أغسطس"},
    "month.9": {"en": "September", "ar": "سبتمبر"},
    "month.10": {"en": "October", "ar": "أكتوبر"},
    "month.11": {"en": "November", "ar": "نوفمبر"},
    "month.12": {"en": "December", "ar": "ديسمبر"},
    "list.sep": {"en": ", ", "ar": "، "},
})


# Strategy review (tipanalysis.strategy tables, tipanalysis.plots charts). ``status.<s>`` holds
# the display label of each status strategy.review can give (strategy.STATUSES).
_TABLE.update({
    "status.on-track": {"en": "on track", "ar": "على المسار"},
    "status.at-risk": {"en": "at risk", "ar": "معرض للخطر"},
    "status.off-track": {"en": "off track", "ar": "خارج المسار"},
    "status.no target set": {"en": "no target set", "ar": "لا يوجد هدف معتمد"},
    "status.no baseline": {"en": "no baseline", "ar": "لا يوجد خط أساس"},
    "status.no-data": {"en": "no data yet", "ar": "لا توجد بيانات بعد"},
    # review table headings ("col.strand" and "col.status" above serve the briefs too)
    "col.indicator": {"en": "Indicator", "ar": "المؤشر"},
    "col.period": {"en": "Period", "ar": "الفترة"},
    "col.value": {"en": "Value", "ar": "القيمة"},
    "col.baseline_value": {"en": "Baseline", "ar": "خط الأساس"},
    "col.change": {"en": "Change since baseline", "ar": "التغير منذ خط الأساس"},
    "col.note": {"en": "Note", "ar": "ملاحظة"},
    "strand.overall": {"en": "Overall", "ar": "الإجمالي"},
    "strand.unassigned": {"en": "unassigned", "ar": "غير مصنف"},
    "axis.year": {"en": "Year", "ar": "السنة"},
    "axis.n_indicators": {"en": "Number of indicators", "ar": "عدد المؤشرات"},
    "axis.share_reportable": {"en": "Share of reportable indicators (%)",
                              "ar": "نسبة المؤشرات القابلة للإبلاغ (%)"},
    "completeness.reported": {"en": "with a reported value", "ar": "لها قيمة مبلغ عنها"},
    "completeness.sourced": {"en": "with a value and a named source",
                             "ar": "لها قيمة ومصدر مسمى"},
    "completeness.public": {"en": "with a value and a public link",
                            "ar": "لها قيمة ورابط منشور"},
    "title.strand_status": {"en": "Indicator status by strand",
                            "ar": "حالة المؤشرات حسب المحور"},
    "title.completeness": {"en": "Data completeness by year",
                           "ar": "اكتمال البيانات حسب السنة"},
})


# Impact charts (tipanalysis.impact.plot_*, notebook 04). English legends keep the wording the
# plot helpers had before they took ``lang``. Arabic spells comparisons out in words ("أو أقل")
# rather than "≤" / ">", whose mirrored glyphs read ambiguously in mixed-direction labels.
_TABLE.update({
    "impact.legend.observed": {"en": "observed", "ar": "القيم المرصودة"},
    "impact.legend.model": {"en": "model", "ar": "تقدير النموذج"},
    "impact.legend.counterfactual": {"en": "counterfactual", "ar": "المسار المتوقع دون التدخل"},
    "impact.legend.treated": {"en": "treated", "ar": "الوحدة المعالجة"},
    "impact.legend.synthetic": {"en": "synthetic", "ar": "النظير التركيبي"},
    "impact.legend.p_low": {"en": "placebo p <= 0.1", "ar": "قيمة p للاختبار الوهمي 0.1 أو أقل"},
    "impact.legend.p_high": {"en": "placebo p > 0.1", "ar": "قيمة p للاختبار الوهمي أكبر من 0.1"},
    "impact.axis.gap": {"en": "gap (treated - synthetic)",
                        "ar": "الفجوة (الوحدة المعالجة - النظير التركيبي)"},
    "impact.axis.rel_time": {"en": "periods relative to the intervention",
                             "ar": "الفترات نسبةً إلى التدخل"},
    "impact.axis.es_estimate": {"en": "treated - donor mean, vs reference",
                                "ar": "الفرق عن متوسط المانحين، مقارنةً بالمرجع"},
    # default titles of the plot helpers
    "impact.title.its": {"en": "Interrupted time series", "ar": "السلسلة الزمنية المتقطعة"},
    "impact.title.synth": {"en": "Synthetic control", "ar": "الضبط التركيبي"},
    "impact.title.placebo": {"en": "Placebo gaps", "ar": "فجوات الاختبار الوهمي"},
    "impact.title.event_study": {"en": "Event study", "ar": "دراسة الحدث"},
    # titles of notebook 04's charts
    "impact.title.its_country": {
        "en": "{country}: tier score around the {year} report (higher = worse)",
        "ar": "{country}: درجة الفئة حول تقرير {year} (الأعلى أسوأ)",
    },
    "impact.title.es_country": {
        "en": "{country} minus GCC mean, tier score, relative to {year}",
        "ar": "درجة الفئة: الفرق بين {country} ومتوسط دول مجلس التعاون، مقارنةً بتقرير "
              "{year}",
    },
    "impact.title.cho_country": {
        "en": "{country}: Cho 3P total, observed and synthetic",
        "ar": "{country}: مجموع مؤشر 3P لـ Cho، القيم المرصودة والنظير التركيبي",
    },
    "impact.title.synth_country": {
        "en": "{country}: tier score vs synthetic",
        "ar": "{country}: درجة الفئة مقارنةً بالنظير التركيبي",
    },
    "impact.title.placebo_shown": {
        "en": "Placebo gaps (pre-RMSPE ≤ {ratio}× treated shown)",
        "ar": "فجوات الاختبار الوهمي (المعروضة: خطأ ما قبل التدخل حتى {ratio} أضعاف)",
    },
})

# The coded TIP narratives (tipanalysis.evidence, notebook 06, the briefs).
_TABLE.update({
    "evidence.direction.more": {"en": "more effort than the year before",
                                "ar": "جهود أكثر من العام السابق"},
    "evidence.direction.fewer": {"en": "less effort", "ar": "جهود أقل"},
    "evidence.direction.same": {"en": "continued / no comparison",
                                "ar": "استمرار دون مقارنة"},
    "evidence.direction.none": {"en": "none", "ar": "لا شيء"},
    "evidence.direction.not_stated": {"en": "not stated in the text read",
                                      "ar": "لم يرد في النص المقروء"},
    "evidence.direction.yes": {"en": "increasing efforts", "ar": "جهود متزايدة"},
    "evidence.direction.no": {"en": "no increasing efforts", "ar": "لا جهود متزايدة"},
    "evidence.title.findings": {
        "en": "What each TIP Report found, by domain",
        "ar": "ما خلص إليه كل تقرير للاتجار بالأشخاص، حسب المجال",
    },
    "evidence.title.asks": {
        "en": "What each TIP Report asked (shaded: list not found)",
        "ar": "ما طلبه كل تقرير (المظلل: لم يُعثر على قائمة التوصيات)",
    },
    "evidence.reporter.tip_report": {"en": "TIP Report", "ar": "تقرير الاتجار بالأشخاص"},
    "evidence.reporter.government": {"en": "government-reported",
                                     "ar": "بيانات أعلنتها الحكومة"},
    # inferred placements
    "inferred.legend": {"en": "inferred placement, not stated by a source",
                        "ar": "تصنيف مستنتَج لم ينص عليه مصدر"},
    "inferred.note": {
        "en": "* Inferred placement: deduced by elimination from the year's other tier lists, "
              "or from another year's report; no source states it directly for that year.",
        "ar": "* تصنيف مستنتَج: استُنتج بالاستبعاد من قوائم الفئات الأخرى في السنة نفسها أو من "
              "تقرير سنة أخرى، ولا ينص عليه أي مصدر صراحةً لتلك السنة.",
    },
    "inferred.note.hatched": {
        "en": "Dark cross-hatching: placement inferred by elimination from the year's other "
              "tier lists, or from another year's report, not stated directly by a source.",
        "ar": "التظليل الشبكي الداكن: تصنيف مستنتَج بالاستبعاد من قوائم الفئات الأخرى في السنة "
              "نفسها أو من تقرير سنة أخرى، ولم ينص عليه مصدر صراحةً.",
    },
    "inferred.note.hollow": {
        "en": "Hollow dots: placement inferred by elimination from the year's other tier lists, "
              "or from another year's report, not stated directly by a source.",
        "ar": "النقاط المفرغة: تصنيف مستنتَج بالاستبعاد من قوائم الفئات الأخرى في السنة نفسها "
              "أو من تقرير سنة أخرى، ولم ينص عليه مصدر صراحةً.",
    },
    "inferred.count": {
        "en": "{n} countries are ranked in {group} in the {year} report; {k_en} inferred (by "
              "elimination or from another year's report), not stated directly by a source.",
        "ar": "في تقرير عام {year}، بلغ عدد الدول المصنَّفة في {group} {n_phrase}، منها "
              "{k_phrase} استُنتج تصنيفها بالاستبعاد أو من تقرير سنة أخرى، ولم ينص عليه مصدر "
              "صراحةً.",
    },
    "inferred.none": {
        "en": "All {n} countries ranked in {group} in the {year} report have a placement "
              "stated directly by a source; none is inferred.",
        "ar": "تستند تصنيفات الدول المصنَّفة في {group} في تقرير عام {year}، وعددها {n}، كلها "
              "إلى مصادر تنص عليها صراحةً، ولا يوجد بينها تصنيف مستنتَج.",
    },
    "inferred.group.GCC": {"en": "the GCC", "ar": "دول مجلس التعاون"},
    "col.n_inferred": {"en": "Inferred placements", "ar": "التصنيفات المستنتَجة"},
    "inferred.own": {
        "en": "{country}'s {year} placement is inferred (by elimination or from another year's "
              "report): no source found states it directly.",
        "ar": "تصنيف {country} في تقرير عام {year} مستنتَج بالاستبعاد أو من تقرير سنة أخرى، إذ "
              "لم يُعثر على مصدر ينص عليه صراحةً.",
    },
    "nb06.title": {"en": "{country}: what the TIP Report found and asked",
                   "ar": "{country}: ما خلص إليه تقرير الاتجار بالأشخاص وما أوصى به"},
    "nb06.intro": {
        "en": "The US State Department's country narratives are coded by the workspace: a "
              "direction for each domain of the government's efforts, every figure stated, "
              "and each prioritized recommendation as a code. Summaries are the workspace's "
              "own words; every row cites the page read.",
        "ar": "رمّز فريق التحليل التقارير القُطرية الصادرة عن وزارة الخارجية الأمريكية: اتجاه "
              "الجهود الحكومية في كل مجال، وكل رقم ورد فيها، وكل توصية ذات أولوية. والملخصات "
              "من صياغة الفريق، ويُحال كل سطر إلى الصفحة التي قُرئت.",
    },
    "nb06.coverage": {"en": "What could be coded", "ar": "ما أمكن ترميزه"},
    "nb06.coverage.read": {
        "en": "{n_full} report years coded in full, {n_partial} in part, {n_missing} not found. "
              "A year whose list was not found is unknown, never counted as 'not asked'.",
        "ar": "رُمِّزت {n_full} من سنوات التقرير كاملةً و{n_partial} جزئياً، ولم يُعثر على "
              "{n_missing}. والسنة التي لم يُعثر على قائمة توصياتها تُعدّ مجهولة، ولا تُحسب "
              "سنةً لم يُطلب فيها شيء.",
    },
    "nb06.findings": {"en": "What each report found", "ar": "ما خلص إليه كل تقرير"},
    "nb06.findings.read": {
        "en": "In the {year} Report the overall judgement was: {overall}.",
        "ar": "جاء الحكم العام في تقرير عام {year}: {overall}.",
    },
    "nb06.tracker": {"en": "What the Report keeps asking", "ar": "ما يكرر التقرير طلبه"},
    "nb06.crosswalk": {"en": "Which asks the 2025-2028 strategy answers",
                       "ar": "ما تستجيب له الاستراتيجية الوطنية 2025-2028 من التوصيات"},
    "nb06.crosswalk.read": {
        "en": "Of the {n} asks of the {year} Report, the strategy's aims answer {answered} "
              "({explicit} explicitly); {unanswered} find no aim. The links are the workspace's "
              "judgement, not the committee's.",
        "ar": "من توصيات تقرير عام {year} البالغ عددها {n}، تستجيب أهداف الاستراتيجية لـ"
              "{answered} منها ({explicit} استجابةً صريحة)، ولا يقابل {unanswered} منها أي "
              "هدف. وهذه الروابط من تقدير فريق التحليل لا من تقدير اللجنة.",
    },
    "nb06.next": {"en": "What the next report will look for",
                  "ar": "ما سيبحث عنه التقرير المقبل"},
    "nb06.next.read": {
        "en": "{with_data} of the {n} indicators that would evidence these asks have a value "
              "in the workspace.",
        "ar": "تتوفر في مساحة العمل قيمةٌ لـ{with_data} من أصل {n} من المؤشرات التي تُثبت "
              "التقدم في هذه التوصيات.",
    },
    "nb06.clock": {"en": "The Watch List clock", "ar": "عدّاد قائمة المراقبة"},
    "nb06.enforcement": {"en": "Enforcement: TIP-reported and government-reported",
                         "ar": "إنفاذ القانون: أرقام التقرير وأرقام الحكومة"},
    "nb06.enforcement.read": {
        "en": "The two sources are shown side by side and never added: their periods and "
              "definitions differ. An empty cell is a figure no source gave, not a zero.",
        "ar": "تُعرض أرقام المصدرين جنباً إلى جنب ولا تُجمع، لاختلاف فتراتهما وتعريفاتهما. "
              "والخانة الفارغة رقمٌ لم يذكره أي مصدر، وليست صفراً.",
    },
    "nb06.agreement": {"en": "How reliable is the coding?", "ar": "ما مدى موثوقية الترميز؟"},
    "nb06.agreement.read": {
        "en": "A second coder, blind to the first codes, coded {years} from the same pages: "
              "{pct_f}% agreement on findings (Cohen's kappa {k_f}) and {pct_r}% on "
              "recommendations (kappa {k_r}). Disagreements were resolved with a recorded note.",
        "ar": "رمّز مرمِّزٌ ثانٍ، دون اطلاع على الترميز الأول، سنوات {years} من الصفحات ذاتها: "
              "بلغت نسبة الاتفاق {pct_f}% في النتائج (معامل كوهين كابا {k_f}) و{pct_r}% في "
              "التوصيات (كابا {k_r}). وحُسمت مواضع الخلاف بملاحظة مسجلة.",
    },
    "nb06.none": {"en": "No coded narratives are available for {country}.",
                  "ar": "لا تتوفر تقارير مرمَّزة عن {country}."},
    "status.coded.full": {"en": "in full", "ar": "كاملة"},
    "status.coded.partial": {"en": "in part", "ar": "جزئية"},
    "status.coded.not_found": {"en": "not found", "ar": "لم يُعثر عليها"},
    "status.coded.coded": {"en": "coded", "ar": "مرمَّزة"},
    "status.coded.none_stated": {"en": "none stated", "ar": "لم تُذكر أرقام"},
    "col.report_year": {"en": "Report year", "ar": "سنة التقرير"},
    "col.findings": {"en": "Findings", "ar": "النتائج"},
    "col.figures": {"en": "Figures", "ar": "الأرقام"},
    "col.recommendations": {"en": "Recommendations", "ar": "التوصيات"},
    "col.ask": {"en": "Ask", "ar": "التوصية"},
    "col.first_year": {"en": "First asked", "ar": "أول طلب"},
    "col.last_year": {"en": "Last asked", "ar": "آخر طلب"},
    "col.years_asked": {"en": "Years asked", "ar": "عدد سنوات الطلب"},
    "col.years_coded": {"en": "Years coded", "ar": "السنوات المرمَّزة"},
    "col.in_latest": {"en": "In the latest report", "ar": "في أحدث تقرير"},
    "col.longest_run": {"en": "Longest run", "ar": "أطول تتابع"},
    "col.aim": {"en": "Strategy aim", "ar": "هدف الاستراتيجية"},
    "col.link": {"en": "Link", "ar": "الصلة"},
    "col.reason": {"en": "Why", "ar": "السبب"},
    "col.indicator": {"en": "Indicator", "ar": "المؤشر"},
    "col.has_data": {"en": "Value in the workspace", "ar": "قيمة متاحة"},
    "col.period": {"en": "Period", "ar": "الفترة"},
    "col.reported_by": {"en": "Source", "ar": "المصدر"},
    "link.explicit": {"en": "answered explicitly", "ar": "استجابة صريحة"},
    "link.partial": {"en": "answered in part", "ar": "استجابة جزئية"},
    "link.none": {"en": "no aim answers it", "ar": "لا يقابلها أي هدف"},
    "yes": {"en": "yes", "ar": "نعم"},
    "no": {"en": "no", "ar": "لا"},
    "measure.investigations": {"en": "investigations", "ar": "التحقيقات"},
    "measure.prosecutions": {"en": "prosecutions", "ar": "الملاحقات القضائية"},
    "measure.convictions": {"en": "convictions", "ar": "الإدانات"},
    "measure.victims_identified": {"en": "victims identified", "ar": "الضحايا المتعرَّف عليهم"},
    "unit.cases": {"en": "cases", "ar": "قضايا"},
    "unit.persons": {"en": "persons", "ar": "أشخاص"},
    "unit.unknown": {"en": "unit not stated", "ar": "وحدة غير محددة"},
})



# Notebook 02 (ranking), run in either language: every heading, sentence and table label.
_TABLE.update({
    "nb02.title": {"en": "{country}: where it stands in the TIP Report, how it got there, what "
                         "may come next",
                   "ar": "{country}: التصنيف في تقرير الاتجار بالأشخاص، ومساره، واحتمالاته"},
    "nb02.partial": {
        "en": "Years whose coverage in the shipped data is not complete are flagged in every "
              "table and hatched in every chart.",
        "ar": "وتُميَّز في كل جدول السنواتُ التي لم تكتمل تغطيتها في البيانات، وتُظلَّل في كل "
              "رسم بخطوط مائلة.",
    },
    "nb02.h.headline": {"en": "Headline", "ar": "الخلاصة"},
    "nb02.timeline.read": {
        "en": "Actions are placed inside the reporting period they fall in (a report year R "
              "covers April R-1 to March R), so each sits just before the first placement it "
              "could influence. Numbers on the chart refer to the table below it. Circles mark "
              "years with a sourced waiver of the automatic downgrade.",
        "ar": "يوضع كل إجراء داخل فترة التقرير التي وقع فيها (تغطي سنة التقرير الفترة من أبريل "
              "من السنة السابقة إلى مارس من سنة التقرير)، فيأتي قبل أول تصنيف يمكن أن يتأثر به. "
              "وتحيل الأرقام في الرسم إلى الجدول الذي يليه، وتدل الدوائر على السنوات التي مُنح "
              "فيها إعفاء موثّق من التخفيض التلقائي.",
    },
    "nb02.h.watchlist": {"en": "The Watch List rule, year by year",
                         "ar": "قاعدة قائمة المراقبة عاماً بعام"},
    "nb02.watchlist.read": {
        "en": "From the 2009 report, two consecutive years on the Watch List send a country to "
              "Tier 3 in the next report unless the downgrade is waived. A sourced waiver is one "
              "a source states; an inferred waiver is one the rule makes certain.",
        "ar": "منذ تقرير عام 2009، يؤدي بقاء الدولة عامين متتاليين على قائمة المراقبة إلى "
              "خفض تصنيفها إلى الفئة الثالثة في التقرير التالي ما لم تُمنح إعفاءً من التخفيض "
              "التلقائي. والإعفاء الموثّق هو ما يذكره مصدر، والإعفاء المستنتج هو ما تجعله "
              "القاعدة مؤكداً.",
    },
    "nb02.h.peers": {"en": "Against the GCC, the region and the world",
                     "ar": "المقارنة مع دول مجلس التعاون والإقليم والعالم"},
    "nb02.h.maps": {"en": "Maps", "ar": "الخرائط"},
    "nb02.h.transitions": {"en": "How countries move between tiers",
                           "ar": "كيف تنتقل الدول بين الفئات"},
    "nb02.transitions.read": {
        "en": "Counts and probabilities over consecutive report years in which a country is "
              "ranked in both; Special Cases and absences break a run. Intervals: 2,000 "
              "bootstrap replicates over countries.",
        "ar": "تُحسب الأعداد والاحتمالات على سنوات التقرير المتتالية التي صُنِّفت فيها الدولة "
              "في كلتيهما، وتقطع الحالاتُ الخاصة والغيابُ التتابع. ويستند مجال الثقة إلى 2000 "
              "عينة معادة من الدول.",
    },
    "nb02.from_wl": {
        "en": "From the Watch List, {up} of moves were up to Tier 2 (95% confidence interval "
              "{lo} to {hi}) and {down} down to Tier 3, over {n} observed transitions.",
        "ar": "من قائمة المراقبة، كانت {up} من الانتقالات صعوداً إلى الفئة الثانية (بمجال ثقة "
              "95% يتراوح بين {lo} و{hi})، و{down} منها نزولاً إلى الفئة الثالثة، من أصل {n} "
              "انتقالاً مرصوداً.",
    },
    "nb02.world": {
        "en": "In {year}, {country} ranked {rank} of {n} countries in the world; {same} "
              "countries share its tier ({tier}), and tied countries share the best rank. The "
              "mean tier score of the others is {mean} (an ordinal scale treated as interval).",
        "ar": "في تقرير عام {year}، حلّ تصنيف {country} في المرتبة {rank} من بين {n_ar} "
              "مصنفة في العالم، تشاركه في الفئة نفسها ({tier}) {same_ar}، إذ تتشارك الدول "
              "المتساوية أفضل مرتبة. ويبلغ متوسط درجة الفئة لدى الدول الأخرى {mean} (وهو "
              "مقياس ترتيبي يُعامَل هنا معاملة المقياس الكمي).",
    },
    "nb02.logit.accuracy": {
        "en": "In sample the model predicts {model}% of placements correctly, against "
              "{persistence}% for “same tier as last year”.",
        "ar": "يتنبأ النموذج داخل العينة بالتصنيف الصحيح في {model}% من الحالات، مقابل "
              "{persistence}% لافتراض بقاء الدولة في فئة العام السابق.",
    },
    "nb02.logit.beats": {
        "en": "It beats persistence. It ignores the Watch List rule, so it can give probability "
              "to a Watch List year the rule makes impossible.",
        "ar": "وهو بذلك يتفوق على افتراض الثبات. غير أنه لا يأخذ بقاعدة قائمة المراقبة، فقد "
              "يُسند احتمالاً إلى سنة على القائمة تجعلها القاعدة مستحيلة.",
    },
    "nb02.logit.not_beats": {
        "en": "It does not beat persistence, so it is shown as a description, not as a better "
              "forecast. It ignores the Watch List rule, so it can give probability to a Watch "
              "List year the rule makes impossible.",
        "ar": "وهو بذلك لا يتفوق على افتراض الثبات، فيُعرض وصفاً لا توقعاً أفضل. كما أنه لا يأخذ "
              "بقاعدة قائمة المراقبة، فقد يُسند احتمالاً إلى سنة على القائمة تجعلها القاعدة "
              "مستحيلة.",
    },
    "nb02.h.outlook": {"en": "Outlook to 2028", "ar": "الاحتمالات حتى عام 2028"},
    "nb02.h.logit": {"en": "Ordered logit: tier on the previous tier, region and period",
                     "ar": "نموذج الانحدار اللوجستي الترتيبي: الفئة بحسب الفئة السابقة والمنطقة "
                           "والفترة"},
    "nb02.logit.read": {
        "en": "The model is fitted on {n} country-years. Each row above gives {country}'s "
              "predicted probabilities for a year, from its previous tier, region and period, "
              "next to the tier it received; large gaps between the two flag years the model "
              "does not explain.",
        "ar": "قُدِّر النموذج على {n} من سنوات الدول. ويعطي كل سطر أعلاه الاحتمالات المتوقعة "
              "لتصنيف {country} في عام ما، انطلاقاً من الفئة السابقة والمنطقة والفترة، إلى "
              "جانب الفئة الفعلية؛ والفجوات الكبيرة بينهما تدل على سنوات لا يفسرها النموذج.",
    },
    "term.prev_tier": {"en": "previous tier: {tier}", "ar": "الفئة السابقة: {tier}"},
    "term.period": {"en": "period {period}", "ar": "الفترة {period}"},
    "term.onwards": {"en": " onwards", "ar": " وما بعدها"},
    "term.cutpoint": {"en": "cut-point between {low} and {high}",
                      "ar": "حد الفصل بين {low} و{high}"},
    "term.kind.coef": {"en": "coefficient", "ar": "معامل"},
    "term.kind.cutpoint": {"en": "cut-point", "ar": "حد فصل"},
    "col.term": {"en": "Term", "ar": "الحد"},
    "col.kind": {"en": "Kind", "ar": "النوع"},
    "col.estimate": {"en": "Estimate", "ar": "التقدير"},
    "col.std_err": {"en": "Standard error", "ar": "الخطأ المعياري"},
    "col.ci_low": {"en": "95% CI, low", "ar": "الحد الأدنى لمجال الثقة 95%"},
    "col.ci_high": {"en": "95% CI, high", "ar": "الحد الأعلى لمجال الثقة 95%"},
    "col.p_value": {"en": "p-value", "ar": "القيمة الاحتمالية"},
    "col.wl_consecutive": {"en": "Consecutive Watch List years",
                           "ar": "الأعوام المتتالية على قائمة المراقبة"},
    "col.auto_downgrade_next": {"en": "Automatic downgrade next", "ar": "تخفيض تلقائي تالٍ"},
    "col.waiver_used": {"en": "Sourced waiver", "ar": "إعفاء موثّق"},
    "col.waiver_inferred": {"en": "Inferred waiver", "ar": "إعفاء مستنتج"},
    "col.waivers_remaining": {"en": "Waivers remaining", "ar": "الإعفاءات المتبقية"},
    "col.n": {"en": "Countries ranked", "ar": "الدول المصنفة"},
    "col.rank": {"en": "Rank", "ar": "المرتبة"},
    "col.percentile": {"en": "Does better than (%)", "ar": "يتقدم على (%)"},
    "col.peer_mean": {"en": "Peers' mean score", "ar": "متوسط درجة النظراء"},
    "col.completeness": {"en": "Coverage", "ar": "التغطية"},
    "col.partial": {"en": "Partial year", "ar": "سنة غير مكتملة"},
    "col.group": {"en": "Group", "ar": "المجموعة"},
    "col.measure": {"en": "Measure", "ar": "المقياس"},
    "col.predicted": {"en": "Predicted tier", "ar": "الفئة المتوقعة"},
    "col.p_observed": {"en": "Probability of the tier received",
                       "ar": "احتمال الفئة الفعلية"},
    "col.p_tier.1": {"en": "Probability of Tier 1", "ar": "احتمال الفئة الأولى"},
    "col.p_tier.2": {"en": "Probability of Tier 2", "ar": "احتمال الفئة الثانية"},
    "col.p_tier.2WL": {"en": "Probability of the Watch List", "ar": "احتمال قائمة المراقبة"},
    "col.p_tier.3": {"en": "Probability of Tier 3", "ar": "احتمال الفئة الثالثة"},
    "measure.p_tier2_or_better_every_report": {
        "en": "Tier 2 or better in every report",
        "ar": "الفئة الثانية أو أفضل في كل التقارير",
    },
    "measure.p_reach_tier1": {"en": "Tier 1 reached in some report",
                              "ar": "الارتقاء إلى الفئة الأولى"},
    "measure.p_tier1_final": {"en": "Tier 1 in the last report",
                              "ar": "الفئة الأولى في التقرير الأخير"},
    "measure.p_tier2_final": {"en": "Tier 2 in the last report",
                              "ar": "الفئة الثانية في التقرير الأخير"},
    "measure.p_tier2WL_final": {"en": "Watch List in the last report",
                                "ar": "قائمة المراقبة في التقرير الأخير"},
    "measure.p_tier3_final": {"en": "Tier 3 in the last report",
                              "ar": "الفئة الثالثة في التقرير الأخير"},
})

# Notebook 03 (strategy review), run in either language.
_TABLE.update({
    "nb03.title": {"en": "Kuwait's National Strategy 2025-2028: progress review",
                   "ar": "الاستراتيجية الوطنية لدولة الكويت 2025-2028: مراجعة التقدم"},
    "nb03.intro": {
        "en": "Kuwait launched its {name} on {launched}. The Permanent National Committee said "
              "it would follow it \"by conducting periodic reviews and measuring the progress "
              "achieved\", but no indicators, baselines or targets have been published. This "
              "review uses the strategy's strands and nine aims as published, and an indicator "
              "catalogue proposed by the analysis team. Figures reported by ministries enter "
              "through the entry workbook; until they do, most rows read \"no data yet\".",
        "ar": "أطلقت دولة الكويت {name} في {launched}. وأعلنت اللجنة الوطنية الدائمة أنها "
              "ستتابع تنفيذها «بإجراء مراجعات دورية وقياس التقدم المحرز»، غير أنه لم تُنشر أي "
              "مؤشرات أو خطوط أساس أو قيم مستهدفة. وتعتمد هذه المراجعة محاور الاستراتيجية "
              "وأهدافها التسعة كما نُشرت، وفهرساً للمؤشرات اقترحه فريق التحليل. وتدخل الأرقام "
              "التي تبلّغ عنها الوزارات عبر مصنف الإدخال، وإلى أن يحدث ذلك تبقى معظم الأسطر "
              "بلا بيانات.",
    },
    "nb03.h.framework": {"en": "The framework: nine aims as published, mapped to four strands",
                         "ar": "الإطار: الأهداف التسعة كما نُشرت موزعةً على أربعة محاور"},
    "nb03.framework.read": {
        "en": "All {n_aims} aims are worded as published (Arabic); their assignment to strands "
              "is the analysis team's proposal. The catalogue proposes {n} indicators ({lo} to "
              "{hi} per aim), {n_baseline} with a cited baseline and {n_target} with an "
              "official target.",
        "ar": "صيغت الأهداف كلها كما نُشرت بالعربية، أما توزيعها على المحاور فمن اقتراح فريق "
              "التحليل. ويقترح الفهرس {n} مؤشراً (بين {lo} و{hi} لكل هدف)، منها {n_baseline} "
              "بخط أساس موثّق و{n_target} بقيمة مستهدفة رسمية.",
    },
    "nb03.h.ranking": {"en": "The ranking aim: chance of staying at Tier 2 or better through 2028",
                       "ar": "هدف التصنيف: احتمال البقاء في الفئة الثانية أو أفضل حتى عام 2028"},
    "nb03.ranking.read": {
        "en": "Kuwait was placed on Tier 2 in the 2025 TIP Report (the cited baseline of "
              "indicator A9.1). The probabilities are the pooled rates of the policy brief, a "
              "model estimate, not an observation.",
        "ar": "صُنِّفت الكويت ضمن الفئة الثانية في تقرير الاتجار بالأشخاص لعام 2025، وهو خط "
              "الأساس الموثّق للمؤشر الأول من مؤشرات الهدف التاسع. والاحتمالات أدناه هي "
              "المعدلات المجمَّعة نفسها الواردة في موجز السياسات، وهي تقدير من نموذج وليست "
              "رصداً.",
    },
    "nb03.ranking.none": {"en": "Forecast not available yet: the ranking aim is shown without it.",
                          "ar": "لا تتوفر الاحتمالات بعد، فيُعرض هدف التصنيف دونها."},
    "nb03.ranking.next": {
        "en": "For the next report alone, the pooled probability of Tier 2 or better is {p}.",
        "ar": "وللتقرير المقبل وحده، يبلغ الاحتمال المجمَّع للفئة الثانية أو أفضل {p}.",
    },
    "nb03.h.review": {"en": "Review table", "ar": "جدول المراجعة"},
    "nb03.review.read": {
        "en": "Status rules: with a target, the share of the straight-line path from baseline "
              "to target achieved at the observed period: 90% or more on track, 60% to 90% at "
              "risk, under 60% off track. Without an official target (none is published) the "
              "status is \"no target set\"; without a value, \"no data yet\".",
        "ar": "قواعد الحالة: إذا وُجدت قيمة مستهدفة، تُحسب نسبة ما تحقق من المسار المستقيم بين "
              "خط الأساس والقيمة المستهدفة في الفترة المرصودة، فتكون الحالة «على المسار» عند "
              "90% فأكثر، و«معرض للخطر» بين 60% و90%، و«خارج المسار» دون 60%. وإذا لم تُحدَّد "
              "قيمة مستهدفة رسمية (ولم يُنشر أي منها) فالحالة «لا يوجد هدف معتمد»، وإذا لم "
              "تتوفر قيمة فالحالة «لا توجد بيانات بعد».",
    },
    "nb03.h.strands": {"en": "Status by strand", "ar": "الحالة حسب المحور"},
    "nb03.overall": {
        "en": "Overall, {n_scored} of {n} indicators can be scored against a path; the roll-up "
              "status is \"{status}\". Scores average each strand's indicators (equal weights) "
              "and then the strands; indicators without data or without a target are excluded "
              "from the average and counted above.",
        "ar": "إجمالاً، يمكن قياس {n_scored} من أصل {n} من المؤشرات على المسار، والحالة "
              "الإجمالية «{status}». وتُحسب الدرجة بمتوسط مؤشرات كل محور (بأوزان متساوية) ثم "
              "بمتوسط المحاور، وتُستبعد من المتوسط المؤشرات التي لا بيانات لها أو لا قيمة "
              "مستهدفة لها، وتُعدّ في الجدول أعلاه.",
    },
    "nb03.h.completeness": {"en": "Unified statistics and transparency: data completeness",
                            "ar": "توحيد الإحصاءات والشفافية: اكتمال البيانات"},
    "nb03.completeness.intro": {
        "en": "Per year, the share of the catalogue's reportable indicators with a reported "
              "value, with a value and a named source, and with a value and a public link: the "
              "measures of aims A6 (unify statistics) and A5 (transparency).",
        "ar": "لكل عام: نسبة المؤشرات القابلة للإبلاغ في الفهرس التي لها قيمة مبلّغ عنها، "
              "والتي لها قيمة ومصدر مسمّى، والتي لها قيمة ورابط منشور؛ وهي مقاييس الهدف السادس "
              "(توحيد الإحصاءات) والهدف الخامس (الشفافية).",
    },
    "nb03.completeness": {
        "en": "In {year}{so_far}, {n_rep} of {n_ind} reportable indicators have a reported "
              "value ({share}), {n_src} with a named source and {n_pub} with a public link.",
        "ar": "في عام {year}{so_far}، أُبلغ عن قيمة لـ{n_rep} من أصل {n_ind} من المؤشرات "
              "القابلة للإبلاغ ({share})، منها {n_src} بمصدر مسمّى و{n_pub} برابط منشور.",
    },
    "nb03.so_far": {"en": " (so far)", "ar": " (حتى الآن)"},
    "nb03.not_started": {
        "en": "The strategy period had not started by {as_of}: nothing to measure yet.",
        "ar": "لم تكن فترة الاستراتيجية قد بدأت في {as_of}، فلا شيء يُقاس بعد.",
    },
    "nb03.h.activities": {"en": "Activities log from the timeline",
                          "ar": "سجل الأنشطة من الجدول الزمني"},
    "nb03.activities.intro": {
        "en": "Actions of the timeline since 1 January 2025, classified by transparent keyword "
              "rules; actions that match no strand rule stay visible as \"unassigned\". "
              "Quarters marked with a question mark have only a year as published.",
        "ar": "إجراءات الجدول الزمني منذ 1 يناير 2025، مصنفةً وفق قواعد كلمات مفتاحية معلنة؛ "
              "وتبقى الإجراءات التي لا تطابق أي محور ظاهرةً بوصفها «غير مصنف». والأرباع "
              "المعلَّمة بعلامة استفهام لم يُنشر منها إلا العام.",
    },
    "nb03.activities": {
        "en": "The timeline records {n_act} activities between 1 January 2025 and {as_of} (of "
              "{n_log} actions); {n_un} could not be assigned to a strand. The timeline lists "
              "what public sources reported, so these counts are a lower bound, not a complete "
              "record of activities.",
        "ar": "يسجل الجدول الزمني {n_act} من الأنشطة بين 1 يناير 2025 و{as_of} (من أصل {n_log} "
              "من الإجراءات)، وتعذّر إسناد {n_un} منها إلى محور. ولأن الجدول يسرد ما أوردته "
              "المصادر العامة، فهذه الأعداد حدٌّ أدنى وليست سجلاً كاملاً للأنشطة.",
    },
    "nb03.h.example": {"en": "How a status is computed: an illustrative example",
                       "ar": "كيف تُحسب الحالة: مثال توضيحي"},
    "nb03.example.read": {
        "en": "The numbers in this section are illustrative, made up to show the rule; they are "
              "not data. An indicator with baseline 100 (2024) and target 200 (2028), observed "
              "at 140 in 2026: half the time has passed, so 150 is expected; 40 of the expected "
              "50 is 80% of the path, hence \"at risk\".",
        "ar": "الأرقام في هذا القسم توضيحية وُضعت لشرح القاعدة، وليست بيانات. مؤشر خط أساسه "
              "100 (2024) وقيمته المستهدفة 200 (2028)، ورُصد عند 140 في عام 2026: مضى نصف "
              "المدة فالمتوقع 150، وتحقق 40 من الخمسين المتوقعة أي 80% من المسار، فالحالة "
              "«معرض للخطر».",
    },
    "activity.agreement": {"en": "agreement", "ar": "اتفاقية"},
    "activity.training": {"en": "training", "ar": "تدريب"},
    "activity.launch": {"en": "launch", "ar": "إطلاق"},
    "activity.meeting": {"en": "meeting", "ar": "اجتماع"},
    "activity.awareness": {"en": "awareness", "ar": "توعية"},
    "activity.workshop": {"en": "workshop", "ar": "ورشة عمل"},
    "activity.other": {"en": "other activity", "ar": "نشاط آخر"},
    "col.activity": {"en": "Activity", "ar": "النشاط"},
    "col.quarter": {"en": "Quarter", "ar": "الربع"},
    "col.name": {"en": "Name", "ar": "الاسم"},
    "col.expected_value": {"en": "Expected", "ar": "المتوقع"},
    "col.progress": {"en": "Progress", "ar": "التقدم"},
    "col.path_ratio": {"en": "Share of the path", "ar": "نسبة المسار"},
    "total": {"en": "total", "ar": "المجموع"},
})

#: Fields that only one language of a key uses: Arabic verb forms agreeing with the country
#: (tipanalysis.report.brief.agreement), counted-noun phrases (tipanalysis.core.arabic) and the
#: English forms they replace. Tests allow exactly these differences between the languages.
FORM_FIELDS: dict[str, frozenset[str]] = {
    "asks.read": frozenset({"answered", "answered_phrase", "explicit", "explicit_phrase"}),
    "nb03.framework.read": frozenset({"n_aims"}),
    "caveat.coverage_checked": frozenset({"n", "n_phrase"}),
    "caveat.coverage_unverified": frozenset({"n", "n_phrase", "status"}),
    "compare.gcc": frozenset({"comes", "n_en", "n_word", "rank", "rank_en"}),
    "compare.gcc_first": frozenset({"leads", "n_en", "n_word"}),
    "compare.group": frozenset({"ahead", "comes", "n", "n_phrase", "rank", "rank_en"}),
    "compare.unranked": frozenset({"placed_juss"}),
    "inferred.count": frozenset({"k_en", "k_phrase", "n", "n_phrase"}),
    "headline.downgrade": frozenset({"its_rank", "placed", "was"}),
    "headline.entered": frozenset({"for_it", "placed"}),
    "headline.same": frozenset({"its", "kept", "ordinal", "ordinal_en"}),
    "headline.special": frozenset({"came", "placed_juss"}),
    "headline.upgrade": frozenset({"its_rank", "placed", "was"}),
    "outlook.event.reach1": frozenset({"country"}),
    "outlook.event.stay1": frozenset({"country"}),
    "outlook.event.stay2": frozenset({"country"}),
    "outlook.main": frozenset({"event_ar", "event_en"}),
    "outlook.second": frozenset({"event_ar", "event_en"}),
    "strategy.indicators": frozenset({"baseline_ar", "n", "n_acc", "n_baseline", "target_ar",
                                      "target_en"}),
    "strategy.intro": frozenset({"n_aims", "n_aims_word", "name_ar", "name_en"}),
    "timeline.part.1": frozenset({"n", "n_phrase"}),
    "timeline.part.2": frozenset({"n", "n_phrase"}),
    "timeline.part.2WL": frozenset({"n", "n_phrase"}),
    "timeline.part.3": frozenset({"n", "n_phrase"}),
    "timeline.part.special": frozenset({"n", "n_phrase"}),
    "timeline.summary": frozenset({"n", "n_phrase", "placed"}),
    "timeline.waivers": frozenset({"country", "got"}),
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


#: Digit policy: Western digits (0-9) in both languages, as Kuwaiti official media commonly use,
#: in text and charts alike (matplotlib draws Western digits). ``to_western_digits`` normalises
#: any Arabic-Indic digits that enter from a source.
DIGITS = "western"
_EASTERN = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")


def to_western_digits(text: str) -> str:
    """Replace Arabic-Indic (and Persian) digits by Western digits.

    Examples
    --------
    >>> to_western_digits("٢٠٢٥")
    '2025'
    """
    return text.translate(_EASTERN)


def format_date(iso: str, lang: str = "en", precision: str = "day") -> str:
    """Return an ISO date (``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``) as words, to ``precision``.

    Parameters
    ----------
    iso : str
        The date as published.
    precision : {"day", "month", "year"}
        The precision of the source; a coarser date is never written more precisely.

    Examples
    --------
    >>> format_date("2025-09-30", "en"), format_date("2025-09-30", "ar")
    ('30 September 2025', '30 سبتمبر 2025')
    >>> format_date("2025-04", "en", "month")
    'April 2025'
    """
    parts = [int(p) for p in str(iso)[:10].split("-")]
    if precision == "year" or len(parts) == 1:
        return str(parts[0])
    month = t(f"month.{parts[1]}", lang)
    if precision == "month" or len(parts) == 2:
        return f"{month} {parts[0]}"
    return f"{parts[2]} {month} {parts[0]}"


def format_percent(p: float, lang: str = "en") -> str:
    """Return a probability (0-1) as a whole percentage with Western digits.

    Examples
    --------
    >>> format_percent(0.5745, "en"), format_percent(0.5745, "ar")
    ('57%', '57%')
    """
    if lang not in LANGS:
        raise ValueError(f"unknown language {lang!r}; expected one of {LANGS}")
    return f"{100 * float(p):.0f}%"


def format_number(x: float, lang: str = "en", decimals: int = 0) -> str:
    """Return a number with ``decimals`` decimals and Western digits (same in both languages).

    Examples
    --------
    >>> format_number(2.4166, "ar", 2)
    '2.42'
    """
    if lang not in LANGS:
        raise ValueError(f"unknown language {lang!r}; expected one of {LANGS}")
    return f"{float(x):.{decimals}f}"


def join_list(items: list[str], lang: str = "en") -> str:
    """Join items with the language's list separator (Arabic comma in Arabic).

    Examples
    --------
    >>> join_list(["2019", "2023"], "ar")
    '2019، 2023'
    """
    return t("list.sep", lang).join(items)


def __dir__() -> list[str]:
    # Tab completion shows the public API only, not pd, np or helpers.
    return list(__all__)
