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
              "وتستجيب أهداف الاستراتيجية الوطنية {answered_phrase}{explicit_phrase}.",
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
        "ar": "بلغ عدد توصيات تقرير عام {year} {n}؛ تقابل أهدافُ الاستراتيجية {answered} منها، "
              "صراحةً في {explicit}، ويبلغ عدد التوصيات التي لا يقابلها أي هدف {unanswered}. "
              "وهذه الروابط من تقدير فريق التحليل لا من تقدير اللجنة.",
    },
    "nb06.next": {"en": "What the next report will look for",
                  "ar": "ما سيبحث عنه التقرير المقبل"},
    "nb06.next.read": {
        "en": "{with_data} of the {n} indicators that would evidence these asks have a value "
              "in the workspace.",
        "ar": "ومن بين المؤشرات التي تُثبت التقدم في هذه التوصيات، وعددها {n}، يبلغ عدد "
              "المؤشرات التي تتوفر لها قيمة لدى فريق التحليل {with_data}.",
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

# notebook 04 (impact), run in either language: every heading, sentence and table label. Counts
# arrive as whole phrases ({n_reports}: "3 reports" / «ثلاثة تقارير», from
# tipanalysis.viz.impact_text.counted), so both languages use the same fields.
_TABLE.update({
    "nb04.gcc_inferred": {
        "en": "Of the panel's {n} placements, {k} are inferred (by elimination or from another "
              "year's report) rather than stated by a source: {cells}. They enter the estimates "
              "like the others; the GCC heatmap of notebook 02 hatches them.",
        "ar": "ومن بين تصنيفات هذه اللوحة، وعددها {n}، ثمة تصنيفات مستنتَجة بالاستبعاد أو من "
              "تقرير سنة أخرى لم ينص عليها مصدر صراحةً، وعددها {k}: {cells}. وتدخل هذه "
              "التصنيفات في التقدير كغيرها، ويميزها التظليل في الخريطة الحرارية لدول المجلس في "
              "الدفتر 02.",
    },
    "nb04.gcc_inferred.none": {
        "en": "Each of the panel's {n} placements is stated by a source; none is inferred.",
        "ar": "وتستند تصنيفات هذه اللوحة كلها، وعددها {n}، إلى مصادر تنص عليها صراحةً، ولا "
              "يوجد بينها تصنيف مستنتَج.",
    },
    "nb04.base.inferred": {
        "en": "Baselines inferred rather than stated by a source: {years}.",
        "ar": "أما خطوط الأساس المستنتَجة التي لم ينص عليها مصدر صراحةً فهي تصنيفات الأعوام: "
              "{years}.",
    },
    "nb04.title": {
        "en": "Impact: Kuwait's earlier reforms, and the 2025–2028 strategy as a design",
        "ar": "تقييم الأثر: إصلاحات دولة الكويت السابقة، وخطة تقييم الاستراتيجية الوطنية "
              "2025-2028",
    },
    "nb04.intro": {
        "en": "A retrospective look at three reforms — the 2013 anti-trafficking law, the 2015 "
              "domestic workers law and the first national strategy (February 2018) — against "
              "the TIP tier history and the GCC, followed by the 2025–2028 strategy written down "
              "as a *pre-specified* design: what will be estimable after each coming report, "
              "and what data it needs.\n\n"
              "Read every number with its limits, which are printed next to it. Tiers rate a "
              "government's *efforts* against the TVPA minimum standards, not the prevalence of "
              "trafficking; a report year R covers 1 April R-1 to 31 March R; there is one "
              "treated country, few reports after each reform, and the reforms follow one "
              "another closely. Nothing here is a causal estimate.",
        "ar": "تستعرض هذه الورقة بأثر رجعي ثلاثة إصلاحات، هي القانون رقم 91 لسنة 2013 في شأن "
              "مكافحة الاتجار بالأشخاص وتهريب المهاجرين، والقانون رقم 68 لسنة 2015 في شأن "
              "العمالة المنزلية، والاستراتيجية الوطنية الأولى لمنع الاتجار بالأشخاص وتهريب "
              "المهاجرين (فبراير 2018)، في ضوء مسار تصنيف الكويت في تقرير الاتجار بالأشخاص "
              "الصادر عن وزارة الخارجية الأمريكية ومقارنةً بدول مجلس التعاون لدول الخليج "
              "العربية، ثم تضع للاستراتيجية الوطنية لمكافحة الاتجار بالأشخاص وتهريب المهاجرين "
              "2025-2028 خطة تقييم *محددة مسبقاً*: ما الذي سيمكن تقديره بعد صدور كل تقرير مقبل، "
              "وما "
              "البيانات التي يتطلبها ذلك.\n\n"
              "ويُقرأ كل رقم مع حدوده المذكورة إلى جانبه. فالفئات تقيّم *جهود* الحكومة "
              "مقارنةً بالمعايير الدنيا للقضاء على الاتجار بالأشخاص التي يحددها قانون حماية "
              "ضحايا الاتجار الأمريكي لعام 2000، ولا تقيس مدى انتشار الاتجار بالأشخاص؛ ويغطي "
              "تقرير كل عام الفترة من 1 أبريل من العام السابق إلى 31 مارس من عام صدوره. "
              "والدولة التي شملها الإصلاح واحدة، والتقارير التي تلت كل إصلاح قليلة، "
              "والإصلاحات متلاحقة، فلا تتضمن هذه الورقة أي تقدير سببي.",
    },
    "nb04.ranked": {
        "en": "**{name}**: ranked in {n_reports}, {first}–{last}; tier score 1 (Tier 1), "
              "2 (Tier 2), 2.5 (Watch List), 3 (Tier 3): **higher is worse**.",
        "ar": "ورد تصنيف **{name}** في {n_reports}، من تقرير عام {first} إلى تقرير عام "
              "{last}. وتُحوَّل الفئة إلى درجة: 1 للفئة الأولى، و2 للفئة الثانية، و2.5 لقائمة "
              "المراقبة، و3 للفئة الثالثة؛ **فالدرجة الأعلى أسوأ**.",
    },
    "nb04.other_country": {
        "en": "The shipped timeline is Kuwait's. For {name} the analysis uses Kuwait's reform "
              "years as reference dates: it shows how {name}'s placements moved around them, "
              "not the effect of {name}'s own reforms.",
        "ar": "والجدول الزمني المرفق خاص بالكويت، فتستخدم التحليلات في حالة {name} سنوات "
              "إصلاحات الكويت تواريخَ مرجعية: فهي تبيّن كيف تحرك تصنيف {name} حول تلك "
              "السنوات، ولا تبيّن أثر إصلاحات {name} نفسها.",
    },
    # short names of the four reforms (the full citations are reform.<id>)
    "nb04.short.KWT-0009": {"en": "2013 law", "ar": "قانون عام 2013"},
    "nb04.short.KWT-0014": {"en": "2015 law", "ar": "قانون عام 2015"},
    "nb04.short.KWT-0021": {"en": "2018 strategy", "ar": "استراتيجية عام 2018"},
    "nb04.short.KWT-0039": {"en": "2025–2028 strategy", "ar": "استراتيجية 2025-2028"},
    "nb04.spec.first_full": {"en": "{reform}, first full period",
                             "ar": "{reform}، أول فترة كاملة بعده"},
    # 1. timing
    "nb04.h.timing": {"en": "1. Timing: the first report that could reflect each reform",
                      "ar": "1. التوقيت: أول تقرير يمكن أن يعكس كل إصلاح"},
    "nb04.timing.intro": {
        "en": "A day- or month-dated event falls in exactly one reporting period. For events "
              "known only to the year we use the policy **\"latest\"** (report Y+1): nine of a "
              "calendar year's twelve months fall in that period, and dating a reform too early "
              "would credit it with changes that came before it. The earliest candidate year is "
              "shown next to it.",
        "ar": "يقع الحدث المؤرخ باليوم أو بالشهر في فترة تقرير واحدة بعينها. أما الحدث الذي "
              "لا يُعرف من تاريخه إلا العام فيُنسب وفق قاعدة **«الأحدث»** إلى تقرير العام "
              "التالي، لأن تسعة من أشهر السنة الاثني عشر تقع في فترة ذلك التقرير، ولأن تقديم "
              "تاريخ الإصلاح يجعله يُنسب إليه تغيّرٌ سبقه. ويُذكر إلى جانبه أبكر تقرير ممكن.",
    },
    "nb04.timing.read": {
        "en": "{n_events} law, institution and strategy events fall in reports {lo}–{hi}; "
              "{n_ambiguous} dated only to the year (marked in the table) and placed by the "
              "\"latest\" policy. The 2013 law entered into force on {date13}, two weeks before "
              "the end of the {r13} reporting period: the {r13} report is the first that could "
              "reflect it, {r13_next} the first whose whole period follows it. The domestic "
              "workers law is first assessed in {r15}, the 2018 strategy in {r18}, and the "
              "2025–2028 strategy (launched {date25}) in the {r25} report, not yet published.",
        "ar": "تقع الأحداث التشريعية والمؤسسية والاستراتيجية، وعددها {n_events}، في تقارير "
              "الأعوام من {lo} إلى {hi}؛ ولا يُعرف من تاريخ {n_ambiguous} منها إلا العام، "
              "فنُسبت إلى التقارير وفق قاعدة «الأحدث» (وهي معلَّمة في الجدول). ودخل القانون رقم "
              "91 لسنة 2013 حيز النفاذ في {date13}، قبل نهاية فترة تقرير عام {r13} بأسبوعين: "
              "فتقرير عام {r13} أول تقرير يمكن أن يعكسه، وتقرير عام {r13_next} أول تقرير تقع "
              "فترته كلها بعده. ويُقيَّم قانون العمالة المنزلية لأول مرة في تقرير عام {r15}، "
              "واستراتيجية عام 2018 في تقرير عام {r18}، والاستراتيجية الوطنية 2025-2028 (التي "
              "أُطلقت في {date25}) في تقرير عام {r25} الذي لم يصدر بعد.",
    },
    "nb04.col.report_year": {"en": "First report that could reflect it",
                             "ar": "أول تقرير يمكن أن يعكسه"},
    "nb04.col.earliest": {"en": "Earliest candidate report", "ar": "أبكر تقرير ممكن"},
    "nb04.col.year_only": {"en": "Dated to the year only", "ar": "مؤرخ بالعام فقط"},
    # 2. base rates
    "nb04.h.base": {
        "en": "2. Base rates: what the global transition matrix expected after each reform",
        "ar": "2. المعدلات الأساسية: ما كانت تتوقعه مصفوفة الانتقال العالمية بعد كل إصلاح",
    },
    "nb04.base.intro": {
        "en": "From the tier held in the report *before* each reform, the chance of an upgrade "
              "(or a downgrade) within two reports if the country moved like all countries "
              "have since {since}.",
        "ar": "انطلاقاً من الفئة التي كانت للدولة في التقرير *السابق* لكل إصلاح، يُحسب احتمال "
              "رفع التصنيف (أو خفضه) خلال تقريرين لو تحركت الدولة كما تحركت الدول كلها منذ "
              "عام {since}.",
    },
    "nb04.base.item": {
        "en": "{reform}: {p} expected from {tier} ({year}), {outcome}",
        "ar": "{reform}: {p} انطلاقاً من {tier} في تقرير عام {year}، و{outcome}",
    },
    "nb04.base.read": {
        "en": "Chance of an upgrade within two reports — {items}.",
        "ar": "كان الاحتمال المتوقع لرفع التصنيف خلال تقريرين بعد كل إصلاح كما يلي: "
              "{items}.",
    },
    "nb04.base.none": {"en": "no reform has a ranked baseline",
                       "ar": "لا يسبق أيَّ إصلاح تصنيفٌ يُنطلق منه"},
    "nb04.base.down": {
        "en": "For the 2025–2028 strategy the base rate of a *downgrade* within two reports is "
              "{p}.",
        "ar": "أما الاستراتيجية الوطنية 2025-2028 فيبلغ المعدل الأساسي *لخفض* التصنيف خلال "
              "تقريرين بعدها {p}.",
    },
    "nb04.base.left_out": {
        "en": "Left out ({name} not ranked in the report before): {reforms}.",
        "ar": "واستُبعد ما يلي لعدم ورود تصنيف {name} في التقرير السابق له: {reforms}.",
    },
    "nb04.base.pool": {
        "en": "The matrix pools {n_moves} between consecutive reports of all countries, "
              "{lo}–{hi}. **This is descriptive, not causal**: the base rate includes {name}'s "
              "own moves and the years after the reforms, and an upgrade that follows a reform "
              "does not show the reform caused it.",
        "ar": "وتجمع المصفوفة {n_moves} بين تقارير متتالية لكل الدول من عام {lo} إلى عام "
              "{hi}. **وهذه نتائج وصفية لا سببية**: فالمعدل الأساسي يشمل تحركات {name} نفسها "
              "والأعوام التي تلت الإصلاحات، ورفع التصنيف بعد إصلاح ما لا يثبت أن الإصلاح "
              "سببه.",
    },
    "nb04.target.upgrade": {"en": "upgrade", "ar": "رفع التصنيف"},
    "nb04.target.downgrade": {"en": "downgrade", "ar": "خفض التصنيف"},
    "nb04.col.baseline_year": {"en": "Report before the reform", "ar": "التقرير السابق له"},
    "nb04.col.expected": {"en": "Expected probability within two reports",
                          "ar": "الاحتمال المتوقع خلال تقريرين"},
    "nb04.col.target": {"en": "Move", "ar": "التحرك"},
    # 3. interrupted time series
    "nb04.h.its": {"en": "3. Interrupted time series of the tier score",
                   "ar": "3. السلسلة الزمنية المتقطعة لدرجة الفئة"},
    "nb04.its.intro": {
        "en": "Segmented OLS (level and slope change) with Newey–West errors (1 lag) around the "
              "2013 law, on the reports up to the last one before the 2015 law is first "
              "assessed, so that the next reform does not enter the post-period.",
        "ar": "انحدار مجزأ بطريقة المربعات الصغرى العادية (تغيّر المستوى وتغيّر الاتجاه) "
              "بأخطاء معيارية من نوع نيوي-ويست (بفترة إبطاء واحدة) قبل القانون رقم 91 لسنة "
              "2013 وبعده، على التقارير التي تسبق أول تقرير يُقيَّم فيه قانون عام 2015، كي لا يدخل "
              "الإصلاح التالي فترة ما بعد التدخل.",
    },
    "nb04.not_estimable": {"en": "Not estimable for {name}: {reason}.",
                           "ar": "تعذّر التقدير في حالة {name}: {reason}."},
    "nb04.es_not_estimable": {"en": "Event study not estimable: {reason}.",
                              "ar": "تعذّر تقدير دراسة الحدث: {reason}."},
    "nb04.its.read": {
        "en": "Level change at {year}: {level} tier points (95% CI {lo} to {hi}); slope change "
              "{slope} per report. Across 0–3 Newey–West lags the p-value of the level change "
              "ranges {pl_lo}–{pl_hi}, of the slope change {ps_lo}–{ps_hi}; with {n_points} "
              "Newey–West is unreliable, and a wild bootstrap (restricted, Webb weights) gives "
              "p = {wild_level} for the level and {wild_slope} for the slope change.",
        "ar": "قُدِّر تغيّر المستوى عند تقرير عام {year} بمقدار {level} درجة (بمجال ثقة 95% "
              "يتراوح بين {lo} و{hi})، وتغيّر الاتجاه بمقدار {slope} درجة لكل تقرير. وتتراوح "
              "القيمة الاحتمالية لتغيّر المستوى، بفترات إبطاء نيوي-ويست من 0 إلى 3، بين "
              "{pl_lo} و{pl_hi}، ولتغيّر الاتجاه بين {ps_lo} و{ps_hi}. غير أن أخطاء نيوي-ويست "
              "لا يُعتمد عليها مع {n_points} فقط، ولذلك أُعيد الحساب بطريقة البوتستراب البري "
              "(المقيَّد، بأوزان ويب)، فكانت p = {wild_level} لتغيّر المستوى و{wild_slope} "
              "لتغيّر الاتجاه.",
    },
    "nb04.its.limits": {
        "en": "**Limits**: {n_pre} before and only {n_post} after the intervention; the "
              "ordinal tier is "
              "treated as a number (Watch List = 2.5); {ceiling}{window}tiers measure "
              "government effort as judged by the State Department.",
        "ar": "**الحدود**: {n_pre} قبل التدخل و{n_post} فقط بعده؛ وتُعامَل الفئة، وهي مقياس "
              "ترتيبي، معاملة الرقم (قائمة المراقبة = 2.5)؛ {ceiling}{window}والفئات تقيس جهود "
              "الحكومة كما تقدّرها وزارة الخارجية الأمريكية.",
    },
    "nb04.its.ceiling": {
        "en": "the counterfactual extends the pre-trend to {above}, beyond Tier 3 (3.0), the "
              "ceiling of the scale, so part of the 'change' is the ceiling, not the reform; ",
        "ar": "ويمدّ المسار المتوقع دون التدخل اتجاهَ ما قبل التدخل إلى {above}، أي إلى ما "
              "بعد الفئة الثالثة (3.0) التي هي سقف المقياس، فجزء من «التغير» يعود إلى هذا "
              "السقف لا إلى الإصلاح؛ ",
    },
    "nb04.its.window_kwt": {
        "en": "other measures fall in the same window (the government shelter from December "
              "2014); ",
        "ar": "وتقع في الفترة نفسها إجراءات أخرى (مركز الإيواء الحكومي منذ ديسمبر 2014)؛ ",
    },
    "nb04.its.window_other": {"en": "these are Kuwait's dates, not {name}'s reforms; ",
                              "ar": "وهذه تواريخ إصلاحات الكويت لا إصلاحات {name}؛ "},
    "nb04.its.windows.intro": {
        "en": "The same model for each reform and two windows: *between reforms* (pre-period "
              "from the previous reform's first report, post-period up to the report before the "
              "next) and the whole series (longer, but every later reform is in the "
              "post-period). Rows that cannot be estimated say why.",
        "ar": "يُقدَّر النموذج نفسه لكل إصلاح في نافذتين: نافذة *بين الإصلاحات* (تبدأ فترة ما "
              "قبل التدخل بأول تقرير يُقيَّم فيه الإصلاح السابق، وتنتهي فترة ما بعده بالتقرير "
              "السابق للإصلاح التالي)، والسلسلة كاملةً (وهي أطول، لكن كل إصلاح لاحق يقع في "
              "فترة ما بعد التدخل). ويُذكر السبب في كل سطر تعذّر تقديره.",
    },
    "nb04.its.windows.read": {
        "en": "{k} of {n_specs} give an interval. {range}The short windows have too few post "
              "periods to separate a reform from noise in a four-valued score, and the long "
              "ones put several reforms in one post-period. None of these is the effect of a "
              "single reform.",
        "ar": "أمكن حساب مجال الثقة في {k} من أصل {n_specs}. {range}فالنوافذ القصيرة لا تضم "
              "بعد التدخل من التقارير ما يكفي لتمييز أثر الإصلاح من التذبذب العارض في درجة "
              "لا تأخذ إلا أربع قيم، والنوافذ الطويلة تجمع عدة إصلاحات في فترة واحدة بعد "
              "التدخل. فلا تمثل أيٌّ من هذه التقديرات أثر إصلاح واحد.",
    },
    "nb04.its.windows.range": {
        "en": "Level changes range {lo} to {hi} tier points with {a}–{b} post periods. ",
        "ar": "وتتراوح تغيّرات المستوى بين {lo} و{hi} درجة، وعدد التقارير بعد التدخل بين {a} "
              "و{b}. ",
    },
    "nb04.window.between": {"en": "between reforms", "ar": "بين الإصلاحات"},
    "nb04.window.whole": {"en": "whole series", "ar": "السلسلة كاملةً"},
    "nb04.term.level_change": {"en": "level change", "ar": "تغيّر المستوى"},
    "nb04.term.slope_change": {"en": "slope change", "ar": "تغيّر الاتجاه"},
    "nb04.term.baseline_level": {"en": "level at the first period",
                                 "ar": "المستوى في الفترة الأولى"},
    "nb04.term.pre_trend": {"en": "trend before the intervention", "ar": "الاتجاه قبل التدخل"},
    "nb04.term.post_trend": {"en": "trend after the intervention", "ar": "الاتجاه بعد التدخل"},
    "nb04.col.lags": {"en": "Newey–West lags", "ar": "فترات إبطاء نيوي-ويست"},
    "nb04.col.spec": {"en": "Specification", "ar": "الصيغة"},
    "nb04.col.intervention": {"en": "Intervention report", "ar": "تقرير التدخل"},
    "nb04.col.start": {"en": "From", "ar": "من"},
    "nb04.col.end": {"en": "To", "ar": "إلى"},
    "nb04.col.n_pre": {"en": "Periods before", "ar": "الفترات قبل التدخل"},
    "nb04.col.n_post": {"en": "Periods after", "ar": "الفترات بعد التدخل"},
    "nb04.col.n_donors": {"en": "Donors", "ar": "الدول المانحة"},
    "nb04.col.n_units": {"en": "Units", "ar": "عدد الوحدات"},
    "nb04.col.later_reforms": {"en": "Later reforms in the post-period",
                               "ar": "إصلاحات لاحقة بعد التدخل"},
    "nb04.col.interval": {"en": "Estimate [95% CI]", "ar": "التقدير [مجال الثقة 95%]"},
    "nb04.col.problem": {"en": "Why no interval", "ar": "سبب غياب مجال الثقة"},
    "nb04.col.window": {"en": "Window", "ar": "النافذة"},
    "nb04.col.weight": {"en": "Weight", "ar": "الوزن"},
    "nb04.col.pre_rmspe": {"en": "Pre-period RMSPE", "ar": "خطأ التنبؤ قبل التدخل"},
    "nb04.col.post_rmspe": {"en": "Post-period RMSPE", "ar": "خطأ التنبؤ بعد التدخل"},
    "nb04.col.ratio": {"en": "RMSPE ratio", "ar": "نسبة خطأي التنبؤ"},
    "nb04.col.p_midrank": {"en": "p, ties at half weight",
                           "ar": "قيمة p باحتساب حالات التساوي بنصف وزن"},
    "nb04.col.p_defined": {"en": "p without exact fits", "ar": "قيمة p دون حالات التطابق التام"},
    "nb04.col.n_ties": {"en": "Ties", "ar": "حالات التساوي"},
    "nb04.col.min_p": {"en": "Smallest attainable p", "ar": "أصغر قيمة p ممكنة"},
    "nb04.col.n_exact_pre": {"en": "Exact pre-period fits", "ar": "حالات التطابق التام قبل التدخل"},
    "nb04.col.n_ratio_zero": {"en": "Ratio set to 0 (0/0)", "ar": "نسبة عُيِّنت صفراً (0/0)"},
    "nb04.col.n_ratio_inf": {"en": "Infinite ratio", "ar": "نسبة لا نهائية"},
    "nb04.col.reason": {"en": "Why not estimable", "ar": "سبب تعذّر التقدير"},
    # 4. peers
    "nb04.h.peers": {"en": "4. Peers: the GCC and a synthetic comparison",
                     "ar": "4. المقارنة بالنظراء: دول مجلس التعاون ونظير تركيبي"},
    "nb04.h.did": {
        "en": "Difference-in-differences and event study against the other GCC states",
        "ar": "الفروق المزدوجة ودراسة الحدث مقارنةً ببقية دول مجلس التعاون",
    },
    "nb04.did.intro": {
        "en": "With one treated country, standard errors are not valid; inference re-assigns "
              "the reform to each GCC state in turn (placebo in space). Only years in which all "
              "six states are ranked enter.",
        "ar": "لم يشمل الإصلاح إلا دولة واحدة، فلا تصح الأخطاء المعيارية المعتادة، ويقوم الاستدلال "
              "على إسناد الإصلاح إلى كل دولة من دول المجلس بالتناوب (اختبار وهمي مكاني). ولا تدخل "
              "التحليلَ إلا الأعوام التي صُنِّفت فيها دول المجلس الست جميعها.",
    },
    "nb04.did.item": {
        "en": "{reform} ({start}–{end}): {estimate} tier points relative to the peer mean "
              "({direction}), placebo p = {p} (rank {rank} of {n_units}; {n_pre} before, "
              "{n_post} after, {n_donors})",
        "ar": "{reform} (من {start} إلى {end}): {estimate} درجة مقارنةً بمتوسط النظراء "
              "({direction})، وقيمة p للاختبار الوهمي {p} (المرتبة {rank} من {n_units}؛ "
              "{n_pre} قبل التدخل و{n_post} بعده، و{n_donors})",
    },
    "nb04.did.read": {
        "en": "Change in {name}'s gap to the GCC mean — {items}. With {n_donors} the smallest "
              "attainable p-value is 1/{k} = {min_p}: this design can never show a "
              "conventionally significant difference, whatever happens. The GCC states "
              "reformed too (they are not untreated controls), and the 2018 window contains "
              "every later reform.",
        "ar": "تغيّرت الفجوة بين {name} ومتوسط دول المجلس على النحو الآتي: {items}. ومع "
              "{n_donors} لا يمكن أن تقل القيمة الاحتمالية عن 1/{k} = {min_p}، فلا يستطيع "
              "هذا التصميم أن يُظهر فرقاً ذا دلالة إحصائية بالمعايير المعتادة أياً كان ما "
              "يحدث. كما أن دول المجلس أجرت هي الأخرى إصلاحات (فليست مجموعة مقارنة لم يشملها "
              "أي إصلاح)، ونافذة عام 2018 تضم كل الإصلاحات اللاحقة.",
    },
    "nb04.did.none": {"en": "not estimable", "ar": "تعذّر التقدير"},
    "nb04.direction.worse": {"en": "worse", "ar": "أسوأ"},
    "nb04.direction.better": {"en": "better", "ar": "أفضل"},
    "nb04.direction.same": {"en": "no change", "ar": "دون تغيّر"},
    "nb04.es.read": {
        "en": "{n_reports} ({n_pre} before and {n_post} from {year}), {n_donors}, reference "
              "{ref}. The largest post-period coefficient is {big} in {big_year} (placebo p = "
              "{p}); for the post-period coefficients, {below}. Later reforms ({r15}, {r18}) sit "
              "inside this post-period, so the path is descriptive.",
        "ar": "تشمل دراسة الحدث {n_reports} ({n_pre} قبل التدخل و{n_post} ابتداءً من تقرير "
              "عام {year}) و{n_donors}، وتتخذ تقرير عام {ref} مرجعاً. ويبلغ أكبر معامل بعد "
              "التدخل {big} في تقرير عام {big_year} (قيمة p للاختبار الوهمي {p})؛ {below}. "
              "والإصلاحات اللاحقة (تقريرا عامي {r15} و{r18}) تقع داخل فترة ما بعد التدخل "
              "هذه، فالمسار وصفي.",
    },
    "nb04.below.none": {
        "en": "none of the {n} p-values can be at most {alpha}: with {units} the smallest "
              "attainable p-value is 1/{n_units} = {floor}",
        "ar": "ولا يمكن لأيٍّ من القيم الاحتمالية لمعاملات ما بعد التدخل، وعددها {n}، أن "
              "تبلغ {alpha} أو أقل، لأن أصغر قيمة ممكنة مع {units} هي 1/{n_units} = {floor}",
    },
    "nb04.below.some": {
        "en": "{k} of {n} p-values are at most {alpha} (smallest attainable p-value "
              "1/{n_units} = {floor})",
        "ar": "وبلغت {k} من أصل {n} من القيم الاحتمالية لمعاملات ما بعد التدخل {alpha} أو "
              "أقل (أصغر قيمة ممكنة 1/{n_units} = {floor})",
    },
    "nb04.h.cho": {"en": "Synthetic control on the Cho 3P policy index (2013 law)",
                   "ar": "الضبط التركيبي على مؤشر السياسات الثلاثي (3P) لتشو وزميليه (قانون عام "
                         "2013)"},
    "nb04.cho.intro": {
        "en": "The Cho, Dreher & Neumayer 3P index (prosecution + protection + prevention, "
              "3–15) is shipped for {lo}–{hi} only. Pre-specified rule of this notebook: a "
              "placebo p-value is reported only with **at least {min_post} after the "
              "intervention**.",
        "ar": "يجمع مؤشر السياسات الثلاثي (3P) الذي وضعه تشو ودريهر ونويمار درجات الملاحقة "
              "القضائية والحماية والوقاية (من 3 إلى 15)، ولا تغطي البيانات المرفقة منه إلا الأعوام "
              "من {lo} إلى {hi}. وتقضي قاعدة حُددت مسبقاً في هذه الورقة بألا تُذكر قيمة p للاختبار "
              "الوهمي إلا مع **{min_post} على الأقل بعد التدخل**.",
    },
    "nb04.cho.read": {
        "en": "Pre-period {start}–{pre_end} ({n_pre}, {n_donors} with every year): RMSPE "
              "{rmspe} points. The index ends in {end}, so there is **{n_post}** after the "
              "law: the {end} gap of {gap} is one year's deviation, in the year the law took "
              "effect ({date}), on a score that moves by whole points. One year cannot "
              "separate the law from noise, and a post/pre RMSPE ratio over a single year would "
              "only rank that deviation. **Not estimable under the rule (at least {min_post} "
              "after the intervention): no "
              "p-value is reported.**",
        "ar": "تمتد فترة ما قبل التدخل من {start} إلى {pre_end} ({n_pre}، و{n_donors} تتوفر قيمها "
              "في كل عام)، ويبلغ فيها جذر متوسط مربع خطأ التنبؤ {rmspe} نقطة. وينتهي المؤشر في عام "
              "{end}، فلا يتوفر بعد التدخل إلا **{n_post}**: ففجوة عام {end} البالغة {gap} انحرافُ "
              "عام واحد، في العام الذي دخل فيه القانون حيز النفاذ ({date})، على درجة لا تتحرك إلا "
              "بنقاط كاملة. ولا يكفي عام واحد لتمييز أثر القانون من التذبذب العارض، ونسبة خطأ "
              "التنبؤ بعد التدخل إلى ما قبله على عام واحد لا تفعل سوى ترتيب هذا الانحراف. "
              "**ويتعذّر التقدير وفق القاعدة ({min_post} على الأقل)، فلا تُذكر أي قيمة p.**",
    },
    "nb04.h.synth": {
        "en": "Where a synthetic control is estimable: the tier score against all countries",
        "ar": "حيث يمكن تقدير الضبط التركيبي: درجة الفئة مقارنةً بكل الدول",
    },
    "nb04.synth.intro": {
        "en": "Same reform and window as the ITS (reports up to the one before the 2015 law), "
              "donors = every country ranked in each of those reports. Placebos: each donor in "
              "turn gets its own synthetic control; the p-value is the treated unit's rank of "
              "the post/pre RMSPE ratio.",
        "ar": "يُستخدم هنا الإصلاح نفسه والنافذة نفسها المستخدمان في السلسلة الزمنية المتقطعة "
              "(التقارير السابقة لقانون عام 2015)، وتُعدّ دولةً مانحة كلُّ دولة صُنِّفت في كل "
              "تقرير من تلك التقارير. وفي الاختبار الوهمي يُبنى لكل دولة مانحة بدورها نظيرها "
              "التركيبي، والقيمة الاحتمالية هي مرتبة الدولة المعنية بين الجميع في نسبة جذر متوسط "
              "مربع خطأ التنبؤ بعد التدخل إلى ما قبله.",
    },
    "nb04.synth.few_post": {"en": "only {n_post}", "ar": "لا يتوفر بعد التدخل إلا {n_post}"},
    "nb04.synth.read": {
        "en": "Average post-period gap {estimate} tier points (pre-period RMSPE {pre}, post "
              "{post}); RMSPE ratio {ratio}, rank {rank} of {n_units}: **p = {p}** "
              "({n_pre} before, {n_post} after, {n_donors}). {n_exact} of {units} fit "
              "their pre-period exactly, so their ratio is undefined: {n_zero} (no post gap "
              "either, 0/0) are set to 0 and {n_inf} get an infinite ratio; leaving every exact "
              "fit out, p = {p_defined}. Ties count against {name} ({n_ties}; mid-rank p "
              "= {p_mid}). The smallest attainable p-value is 1/{n_units} = {min_p}. Limits: "
              "only {post_phrase} after the intervention, a four-valued ordinal outcome treated as "
              "a number (many exact ties), and donors that reformed too.",
        "ar": "بلغ متوسط الفجوة بعد التدخل {estimate} درجة (جذر متوسط مربع خطأ التنبؤ {pre} "
              "قبل التدخل و{post} بعده)، ونسبة الخطأين {ratio}، وجاءت مرتبة {name} {rank} من أصل "
              "{units}: **p = {p}** ({n_pre} قبل التدخل، و{n_post} بعده، و{n_donors}). "
              "وتطابقت {n_exact} من أصل {units} مع فترة ما قبل التدخل تطابقاً تاماً، فنسبتها "
              "غير معرّفة: عُيِّنت النسبة صفراً لـ{n_zero} منها (لا فجوة بعد التدخل أيضاً، "
              "0/0)، وأُعطيت {n_inf} منها نسبة لا نهائية؛ وباستبعاد كل حالات التطابق التام "
              "تكون p = {p_defined}. وتُحتسب حالات التساوي في غير صالح {name} "
              "({n_ties})؛ وإذا احتُسبت حالات التساوي بنصف وزن تكون p = {p_mid}. وأصغر قيمة p "
              "ممكنة هي 1/{n_units} = {min_p}. والحدود: {post_phrase} فقط بعد التدخل، ونتيجة "
              "ترتيبية لا تأخذ إلا أربع قيم تُعامَل معاملة الرقم (مع كثير من حالات التساوي "
              "التام)، ودول مانحة أجرت هي الأخرى إصلاحات.",
    },
    # 5. the 2025-2028 strategy as a design
    "nb04.h.design": {"en": "5. The 2025–2028 strategy as a pre-specified design",
                      "ar": "5. الاستراتيجية الوطنية 2025-2028: خطة تقييم محددة مسبقاً"},
    "nb04.design.intro": {
        "en": "Written down before any post-strategy report exists:\n\n"
              "- **intervention**: the strategy launch ({launched}), first assessed in the "
              "{r25} report; its last months (April–December {end_year}) fall in the {end} "
              "report, so the table runs to {end};\n"
              "- **primary outcome**: the tier score; ITS with level and slope change, "
              "Newey–West 1 lag, lags 0–3 shown; the {pre_end} and earlier reports are the "
              "pre-period;\n"
              "- **peers**: DiD and event study against the other GCC states, placebo-in-space "
              "p-values; synthetic control on the tier score only with at least {min_post} after "
              "the intervention;\n"
              "- **secondary outcomes**: TIP-reported prosecutions, convictions, investigations "
              "and victims identified (Poisson ITS), once the years before the strategy are "
              "filled;\n"
              "- thresholds below are the minimum for each method to run, not for a precise "
              "estimate.\n\n"
              "No indicators, targets or budget of the 2025–2028 strategy have been published.",
        "ar": "كُتبت هذه الخطة قبل صدور أي تقرير يلي الاستراتيجية:\n\n"
              "- **التدخل**: إطلاق الاستراتيجية ({launched})، ويُقيَّم لأول مرة في تقرير عام "
              "{r25}؛ وتقع أشهرها الأخيرة (من أبريل إلى ديسمبر {end_year}) في فترة تقرير عام "
              "{end}، ولذلك يمتد الجدول إلى عام {end}؛\n"
              "- **النتيجة الرئيسية**: درجة الفئة، بسلسلة زمنية متقطعة تقدّر تغيّر المستوى "
              "وتغيّر الاتجاه، بأخطاء نيوي-ويست بفترة إبطاء واحدة، مع عرض فترات الإبطاء من 0 "
              "إلى 3؛ وتشكّل التقاريرُ حتى تقرير عام {pre_end} فترةَ ما قبل التدخل؛\n"
              "- **النظراء**: الفروق المزدوجة ودراسة الحدث مقارنةً ببقية دول مجلس التعاون، "
              "بقيم احتمالية من الاختبار الوهمي المكاني؛ والضبط التركيبي على درجة الفئة لا "
              "يُقدَّر إلا مع {min_post} على الأقل بعد التدخل؛\n"
              "- **النتائج الثانوية**: أعداد الملاحقات القضائية والإدانات والتحقيقات والضحايا "
              "المتعرَّف عليهم كما يوردها تقرير الاتجار بالأشخاص (سلسلة زمنية متقطعة بنموذج "
              "بواسون)، متى اكتملت أرقام الأعوام السابقة للاستراتيجية؛\n"
              "- العتبات أدناه هي الحد الأدنى اللازم لتطبيق كل طريقة، لا للحصول على تقدير "
              "دقيق.\n\n"
              "ولم تُنشر أي مؤشرات أو قيم مستهدفة أو ميزانية للاستراتيجية الوطنية 2025-2028.",
    },
    "nb04.enforcement.read": {
        "en": "TIP-reported enforcement figures for {name}: {filled} of {cells} filled ({lo}–"
              "{hi} reports, {n_measures}); none for {empty} in any year.",
        "ar": "تتوفر عن {name} قيمٌ في {filled} من أصل {cells} مخصصة لأرقام إنفاذ القانون التي "
              "يوردها تقرير الاتجار بالأشخاص (تقارير الأعوام من {lo} إلى {hi}، و{n_measures})؛ ولم "
              "يرد في أي عام رقمٌ لما يلي: {empty}.",
    },
    "nb04.enforcement.none": {
        "en": "No TIP-reported enforcement series is shipped for {name} (the file covers "
              "Kuwait only).",
        "ar": "لا تتضمن البيانات المرفقة أرقام إنفاذ القانون الواردة في تقرير الاتجار "
              "بالأشخاص عن {name} (فالملف يقتصر على الكويت).",
    },
    "nb04.enforcement.government": {
        "en": " Government-reported figures (Kuwait, April–December 2023) are not comparable "
              "with the TIP's and are not used.",
        "ar": " أما الأرقام التي أعلنتها الحكومة (الكويت، من أبريل إلى ديسمبر 2023) فلا "
              "تُقارن بأرقام التقرير، ولا تُستخدم هنا.",
    },
    "measure.victims_referred": {"en": "victims referred", "ar": "الضحايا المحالون"},
    "measure.illegal_recruitment_referred": {
        "en": "illegal recruitment cases referred",
        "ar": "قضايا الاستقدام غير المشروع المحالة"},
    "nb04.col.cells": {"en": "Cells", "ar": "الخانات"},
    "nb04.col.filled": {"en": "Filled", "ar": "الخانات المملوءة"},
    "nb04.col.years_filled": {"en": "Years filled", "ar": "الأعوام التي لها قيمة"},
    "nb04.design.its_tier": {"en": "ITS: tier score",
                             "ar": "السلسلة الزمنية المتقطعة: درجة الفئة"},
    "nb04.design.did_gcc": {"en": "DiD / event study vs GCC: tier score",
                            "ar": "الفروق المزدوجة ودراسة الحدث مقارنةً بدول المجلس: درجة "
                                  "الفئة"},
    "nb04.design.synth_world": {"en": "synthetic control vs world: tier score",
                                "ar": "الضبط التركيبي مقارنةً بالعالم: درجة الفئة"},
    "nb04.design.its_measure": {"en": "ITS: TIP {measure}",
                                "ar": "السلسلة الزمنية المتقطعة: {measure} بحسب التقرير"},
    "nb04.cell": {"en": "{answer} ({n_post} post)", "ar": "{answer} ({n_post} بعد التدخل)"},
    "nb04.col.design": {"en": "Design", "ar": "التصميم"},
    "nb04.col.needs": {"en": "needs by {year}", "ar": "ما يلزم بحلول {year}"},
    "nb04.needs.pre": {"en": "values for {years} (pre-period)",
                       "ar": "قيم لأعوام {years} (قبل التدخل)"},
    "nb04.needs.post": {"en": "values for {years} (post-period)",
                        "ar": "قيم لأعوام {years} (بعد التدخل)"},
    "nb04.needs.each": {"en": "a value in each report {span}",
                        "ar": "قيمة في كل تقرير من {span}"},
    "nb04.needs.more": {"en": "{reports} more post-period report(s)",
                        "ar": "{reports} بعد التدخل"},
    "nb04.plan.read": {
        "en": "First report after which each design can be estimated: {items}{never} Even in "
              "{end} the ITS has at most {n_post} post periods against {n_pre} pre periods, and "
              "the GCC comparison cannot reach p < {min_p}.",
        "ar": "أول تقرير يمكن بعده تقدير كل تصميم: {items}{never} وحتى في عام {end} لن يتجاوز "
              "عدد التقارير بعد التدخل في السلسلة الزمنية المتقطعة {n_post} مقابل {n_pre} "
              "قبله، ولا يمكن أن تقل القيمة الاحتمالية في المقارنة مع دول المجلس عن {min_p}.",
    },
    "nb04.plan.item": {"en": "{design}: {year}", "ar": "{design} (تقرير عام {year})"},
    "nb04.plan.never": {
        "en": ". Not estimable by {end}: {designs} — the years just before the strategy must "
              "be found first (see *needs*).",
        "ar": ". ويتعذّر حتى عام {end} تقدير ما يلي: {designs}، إذ يجب أولاً العثور على أرقام "
              "الأعوام السابقة للاستراتيجية مباشرةً (انظر عمود *ما يلزم*).",
    },
    # 6. limits
    "nb04.h.limits": {"en": "6. Limits", "ar": "6. حدود التحليل"},
    "nb04.limits.first": {
        "en": "- **Effort, not prevalence.** {effort} A better tier after a reform means the "
              "State Department judged the government's efforts better, not that trafficking "
              "fell.\n"
              "- **Reporting periods.** {period} Reforms are placed in the first period that "
              "holds them; a report's narrative may still lag the reform.\n"
              "- **Partial coverage.** Of {n_years} report years, {complete} are complete "
              "against an official total, {inferred} complete with some placements inferred, "
              "{near} near-complete and {other} unverified or partial; the world transition "
              "matrix and the world donor pool use whatever rows "
              "exist in those years.",
        "ar": "- **الجهود لا الانتشار.** {effort} فتحسّن الفئة بعد إصلاح ما يعني أن وزارة "
              "الخارجية الأمريكية قدّرت جهود الحكومة تقديراً أفضل، لا أن الاتجار بالأشخاص "
              "تراجع.\n"
              "- **فترات التقرير.** {period} ويُنسب كل إصلاح إلى أول فترة يقع فيها، وقد يتأخر "
              "السرد القُطري للتقرير مع ذلك عن الإصلاح.\n"
              "- **التغطية الجزئية.** تتوزع سنوات التقرير الـ{n_years} كما يلي: {complete} "
              "مكتملة التغطية قياساً بمجموع رسمي، و{inferred} مكتملة العدد مع تصنيفات "
              "مستنتَجة، و{near} شبه مكتملة، و{other} غير متحقق منها أو جزئية؛ "
              "وتستخدم مصفوفة الانتقال العالمية ومجموعة الدول المانحة العالمية ما يتوفر من "
              "أسطر في تلك السنوات.",
    },
    "nb04.limits.second": {
        "en": "- **One treated unit.** Placebo-in-space inference is the honest option, and with "
              "{n_donors} its p-value cannot fall below 1/{k}.\n"
              "- **Few post periods, overlapping reforms.** Between 2013 and 2018 Kuwait changed "
              "laws and institutions almost every year, so no window isolates one reform.\n"
              "- **Ordinal outcome.** The tier score is a convention (Watch List = 2.5) with a "
              "floor and a ceiling; linear models extrapolate past them.\n",
        "ar": "- **دولة واحدة شملها الإصلاح.** يبقى الاستدلال بالاختبار الوهمي المكاني الخيارَ "
              "الأمين، ومع {n_donors} لا يمكن أن تقل قيمته الاحتمالية عن 1/{k}.\n"
              "- **فترات قليلة بعد التدخل وإصلاحات متداخلة.** بين عامي 2013 و2018 غيّرت "
              "الكويت قوانينها ومؤسساتها كل عام تقريباً، فلا تعزل أي نافذة إصلاحاً واحداً.\n"
              "- **نتيجة ترتيبية.** ليست درجة الفئة إلا اصطلاحاً (قائمة المراقبة = 2.5) له حد "
              "أدنى وحد أعلى، وتمتد النماذج الخطية بتقديراتها إلى ما بعدهما.\n",
    },
    "nb04.limits.sparse": {
        "en": "- **Sparse enforcement data.** {filled} of {cells} TIP enforcement cells for "
              "{name} are filled ({zeros} of them zero), from narratives only partly read; no "
              "count series is usable until the missing years are filled.",
        "ar": "- **شُح بيانات إنفاذ القانون.** لا يتوفر من أرقام إنفاذ القانون الواردة في "
              "التقرير عن {name} إلا {filled} من أصل {cells} (منها {zeros} أصفار)، مستخرجة من "
              "سرود قُطرية لم تُقرأ إلا جزئياً؛ ولا تصلح أي سلسلة أعداد للتحليل قبل استكمال "
              "الأعوام الناقصة.",
    },
    "nb04.limits.no_enforcement": {
        "en": "- **No enforcement data.** No TIP enforcement series is shipped for {name}.",
        "ar": "- **لا بيانات لإنفاذ القانون.** لا تتضمن البيانات المرفقة أرقام إنفاذ القانون "
              "الواردة في التقرير عن {name}.",
    },
    # why a design is not estimable (tipanalysis.impact.errors; viz.impact_text.reason)
    "nb04.reason.pre": {"en": "only {n} before {at}; at least {m} are needed",
                        "ar": "لا تسبق التدخل ({at}) إلا {n}، ويلزم {m} على الأقل"},
    "nb04.reason.post": {"en": "only {n} after the intervention; at least {m} are needed",
                         "ar": "لا يلي التدخل إلا {n}، ويلزم {m} على الأقل"},
    "nb04.reason.slope": {"en": "a slope change needs at least 2 post-intervention periods",
                          "ar": "يتطلب تقدير تغيّر الاتجاه فترتين على الأقل بعد التدخل"},
    "nb04.reason.donors": {"en": "{n}; at least {m} are needed",
                           "ar": "لا تتوفر إلا {n}، ويلزم {m} على الأقل"},
    "nb04.reason.exact": {"en": "exact fit with {n} residual df: no interval",
                          "ar": "تطابق النموذج مع البيانات تطابقاً تاماً (درجات الحرية "
                                "المتبقية {n})، فلا يُحسب مجال ثقة"},
    "nb04.reason.TooFewPeriodsError": {
        "en": "too few periods before or after the intervention",
        "ar": "عدد الفترات قبل التدخل أو بعده أقل مما يتطلبه التصميم"},
    "nb04.reason.NoVariationError": {
        "en": "the outcome does not vary, so nothing can be estimated",
        "ar": "لا تتغير قيم النتيجة في هذه الفترة، فلا يمكن تقدير أي تغيّر"},
    "nb04.reason.MissingOutcomeError": {
        "en": "the outcome has missing values (or the panel is unbalanced); nothing is imputed",
        "ar": "في قيم النتيجة نقص (أو أن بيانات الدول غير متوازنة)، ولا تُستكمل القيم "
              "الناقصة تلقائياً"},
    "nb04.reason.InterventionOutsideDataError": {
        "en": "the intervention falls outside the observed years",
        "ar": "يقع موعد التدخل خارج الأعوام المرصودة"},
    "nb04.reason.AmbiguousDateError": {
        "en": "the date is too coarse to place in one reporting period",
        "ar": "التاريخ غير دقيق بما يكفي لنسبته إلى فترة تقرير واحدة"},
    "nb04.reason.ImpactInputError": {
        "en": "the data do not meet the design's requirements",
        "ar": "لا تستوفي البيانات شروط هذا التصميم"},
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
        "en": "In {year}, {country} ranked {rank} of {n_phrase} in the world; {same_phrase} "
              "share its tier ({tier}), and tied countries share the best rank. The "
              "mean tier score of the others is {mean} (an ordinal scale treated as interval).",
        "ar": "في تقرير عام {year}، حلّ تصنيف {country} في المرتبة {rank} من بين {n_phrase} "
              "مصنفة في العالم، تشاركه في الفئة نفسها ({tier}) {same_phrase}، إذ تتشارك الدول "
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
