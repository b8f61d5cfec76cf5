"""Build ``data/reference/countries.csv`` and ``data/reference/country_aliases.csv``.

Run from the repository root::

    .venv/bin/python scripts/build_reference.py [--shared-dir data/snapshots] \
        [--out-dir data/reference]

Inputs (all parsed, nothing executed):

* pycountry (Debian iso-codes): ISO 3166-1 codes, English names and the Arabic translation;
* the shared TIP tier files and the Cho 3P index file (``<shared>/tip_tiers/*.csv``): which
  countries the project needs, and how the TIP Report transcriptions spell them;
* a verbatim copy of ``inst/extdata/usaid_dos_regions.csv`` from the public repository
  ``CDCgov/SaviR`` (Apache licence) for the State Department regional bureau, cross-checked
  below against the bureau lists that state.gov publishes for NEA and SCA.

The output is deterministic (sorted rows, fixed columns, ``\\n`` line ends, UTF-8) and written
atomically. See ``data/reference/SOURCES.md`` for the sources and every judgement.
"""

from __future__ import annotations

import argparse
import csv
import gettext
import io
import re
import sys
import unicodedata
from collections import defaultdict
from collections.abc import Iterable
from pathlib import Path

import pycountry

from tipanalysis.validate import atomic_write_text

REPO_DIR = Path(__file__).resolve().parent.parent
TIER_FILES = (
    "all_countries_tiers.csv",
    "gcc_and_peers_verified.csv",
    "tiers_2016_2019_2025_more.csv",
    "tiers_2016_2025_additions.csv",
)
CHO_FILE = "cho_3p_index_2000_2013.csv"
COUNTRY_COLUMNS = ("iso3", "iso_numeric", "name_en", "name_ar", "tip_name", "region", "gcc", "note")
ALIAS_COLUMNS = ("alias", "iso3", "source")

# --- State Department regional bureaus -------------------------------------------------------
SAVIR_URL = (
    "https://github.com/CDCgov/SaviR/blob/e17f2772e166d53e25baa3fe3fccf5bb9614be41/"
    "inst/extdata/usaid_dos_regions.csv"
)
# Verbatim copy of the file at SAVIR_URL (CDC, Apache licence); read 2026-11-28. "NA" there
# means "no region" (territories); XKS is that file's code for Kosovo.
SAVIR_DOS_REGIONS_CSV = """\
state_region,iso_alpha2,iso_alpha3
South and Central Asia,AF,AFG
Europe and Eurasia,AL,ALB
Near East (Middle East and Northern Africa),DZ,DZA
NA,AS,ASM
Europe and Eurasia,AD,AND
Sub-Saharan Africa,AO,AGO
NA,AI,AIA
Western Hemisphere,AG,ATG
Western Hemisphere,AR,ARG
Europe and Eurasia,AM,ARM
NA,AW,ABW
East Asia and the Pacific,AU,AUS
Europe and Eurasia,AT,AUT
Europe and Eurasia,AZ,AZE
Western Hemisphere,BS,BHS
Near East (Middle East and Northern Africa),BH,BHR
South and Central Asia,BD,BGD
Western Hemisphere,BB,BRB
Europe and Eurasia,BY,BLR
Europe and Eurasia,BE,BEL
Western Hemisphere,BZ,BLZ
Sub-Saharan Africa,BJ,BEN
NA,BM,BMU
South and Central Asia,BT,BTN
Western Hemisphere,BO,BOL
NA,BQ,BES
Europe and Eurasia,BA,BIH
Sub-Saharan Africa,BW,BWA
Western Hemisphere,BR,BRA
NA,VG,VGB
East Asia and the Pacific,BN,BRN
Europe and Eurasia,BG,BGR
Sub-Saharan Africa,BF,BFA
East Asia and the Pacific,MM,MMR
Sub-Saharan Africa,BI,BDI
Sub-Saharan Africa,CV,CPV
East Asia and the Pacific,KH,KHM
Sub-Saharan Africa,CM,CMR
Western Hemisphere,CA,CAN
NA,KY,CYM
Sub-Saharan Africa,CF,CAF
Sub-Saharan Africa,TD,TCD
Western Hemisphere,CL,CHL
NA,HK,HKG
East Asia and the Pacific,CN,CHN
Western Hemisphere,CO,COL
Sub-Saharan Africa,KM,COM
Sub-Saharan Africa,CG,COG
Sub-Saharan Africa,CD,COD
NA,CK,COK
Western Hemisphere,CR,CRI
Sub-Saharan Africa,CI,CIV
Europe and Eurasia,HR,HRV
Western Hemisphere,CU,CUB
NA,CW,CUW
Europe and Eurasia,CY,CYP
Europe and Eurasia,CZ,CZE
Europe and Eurasia,DK,DNK
Sub-Saharan Africa,DJ,DJI
Western Hemisphere,DM,DMA
Western Hemisphere,DO,DOM
Western Hemisphere,EC,ECU
Near East (Middle East and Northern Africa),EG,EGY
Western Hemisphere,SV,SLV
Sub-Saharan Africa,GQ,GNQ
Sub-Saharan Africa,ER,ERI
Europe and Eurasia,EE,EST
Sub-Saharan Africa,SZ,SWZ
Sub-Saharan Africa,ET,ETH
NA,FK,FLK
NA,FO,FRO
East Asia and the Pacific,FJ,FJI
Europe and Eurasia,FI,FIN
Europe and Eurasia,FR,FRA
NA,GF,GUF
NA,PF,PYF
Sub-Saharan Africa,GA,GAB
Sub-Saharan Africa,GM,GMB
Europe and Eurasia,GE,GEO
Europe and Eurasia,DE,DEU
Sub-Saharan Africa,GH,GHA
NA,GI,GIB
Europe and Eurasia,GR,GRC
NA,GL,GRL
Western Hemisphere,GD,GRD
NA,GP,GLP
NA,GU,GUM
Western Hemisphere,GT,GTM
NA,GG,GGY
Sub-Saharan Africa,GN,GIN
Sub-Saharan Africa,GW,GNB
Western Hemisphere,GY,GUY
Western Hemisphere,HT,HTI
Europe and Eurasia,VA,VAT
Western Hemisphere,HN,HND
Europe and Eurasia,HU,HUN
Europe and Eurasia,IS,ISL
South and Central Asia,IN,IND
East Asia and the Pacific,ID,IDN
Near East (Middle East and Northern Africa),IR,IRN
Near East (Middle East and Northern Africa),IQ,IRQ
Europe and Eurasia,IE,IRL
NA,IM,IMN
Near East (Middle East and Northern Africa),IL,ISR
Europe and Eurasia,IT,ITA
Western Hemisphere,JM,JAM
East Asia and the Pacific,JP,JPN
NA,JE,JEY
Near East (Middle East and Northern Africa),JO,JOR
South and Central Asia,KZ,KAZ
Sub-Saharan Africa,KE,KEN
East Asia and the Pacific,KI,KIR
East Asia and the Pacific,KR,KOR
East Asia and the Pacific,KP,PRK
Europe and Eurasia,XK,XKS
Near East (Middle East and Northern Africa),KW,KWT
South and Central Asia,KG,KGZ
East Asia and the Pacific,LA,LAO
Europe and Eurasia,LV,LVA
Near East (Middle East and Northern Africa),LB,LBN
Sub-Saharan Africa,LS,LSO
Sub-Saharan Africa,LR,LBR
Near East (Middle East and Northern Africa),LY,LBY
Europe and Eurasia,LI,LIE
Europe and Eurasia,LT,LTU
Europe and Eurasia,LU,LUX
NA,MO,MAC
Sub-Saharan Africa,MG,MDG
Sub-Saharan Africa,MW,MWI
East Asia and the Pacific,MY,MYS
South and Central Asia,MV,MDV
Sub-Saharan Africa,ML,MLI
Europe and Eurasia,MT,MLT
East Asia and the Pacific,MH,MHL
NA,MQ,MTQ
Sub-Saharan Africa,MR,MRT
Sub-Saharan Africa,MU,MUS
NA,YT,MYT
Western Hemisphere,MX,MEX
East Asia and the Pacific,FM,FSM
Europe and Eurasia,MD,MDA
Europe and Eurasia,MC,MCO
East Asia and the Pacific,MN,MNG
Europe and Eurasia,ME,MNE
NA,MS,MSR
Near East (Middle East and Northern Africa),MA,MAR
Sub-Saharan Africa,MZ,MOZ
Sub-Saharan Africa,NA,NAM
East Asia and the Pacific,NR,NRU
South and Central Asia,NP,NPL
Europe and Eurasia,NL,NLD
NA,NC,NCL
East Asia and the Pacific,NZ,NZL
Western Hemisphere,NI,NIC
Sub-Saharan Africa,NE,NER
Sub-Saharan Africa,NG,NGA
NA,NU,NIU
Europe and Eurasia,MK,MKD
NA,MP,MNP
Europe and Eurasia,NO,NOR
Near East (Middle East and Northern Africa),PS,PSE
Near East (Middle East and Northern Africa),OM,OMN
South and Central Asia,PK,PAK
East Asia and the Pacific,PW,PLW
Western Hemisphere,PA,PAN
East Asia and the Pacific,PG,PNG
Western Hemisphere,PY,PRY
Western Hemisphere,PE,PER
East Asia and the Pacific,PH,PHL
NA,PN,PCN
Europe and Eurasia,PL,POL
Europe and Eurasia,PT,PRT
NA,PR,PRI
Near East (Middle East and Northern Africa),QA,QAT
NA,RE,REU
Europe and Eurasia,RO,ROU
Europe and Eurasia,RU,RUS
Sub-Saharan Africa,RW,RWA
NA,BL,BLM
NA,SH,SHN
Western Hemisphere,KN,KNA
Western Hemisphere,LC,LCA
NA,MF,MAF
NA,PM,SPM
Western Hemisphere,VC,VCT
East Asia and the Pacific,WS,WSM
Europe and Eurasia,SM,SMR
Sub-Saharan Africa,ST,STP
Near East (Middle East and Northern Africa),SA,SAU
Sub-Saharan Africa,SN,SEN
Europe and Eurasia,RS,SRB
Sub-Saharan Africa,SC,SYC
Sub-Saharan Africa,SL,SLE
East Asia and the Pacific,SG,SGP
NA,SX,SXM
Europe and Eurasia,SK,SVK
Europe and Eurasia,SI,SVN
East Asia and the Pacific,SB,SLB
Sub-Saharan Africa,SO,SOM
Sub-Saharan Africa,ZA,ZAF
Sub-Saharan Africa,SS,SSD
Europe and Eurasia,ES,ESP
South and Central Asia,LK,LKA
Sub-Saharan Africa,SD,SDN
Western Hemisphere,SR,SUR
Europe and Eurasia,SE,SWE
Europe and Eurasia,CH,CHE
Near East (Middle East and Northern Africa),SY,SYR
East Asia and the Pacific,TW,TWN
South and Central Asia,TJ,TJK
East Asia and the Pacific,TH,THA
Europe and Eurasia,GB,GBR
East Asia and the Pacific,TL,TLS
Sub-Saharan Africa,TG,TGO
NA,TK,TKL
East Asia and the Pacific,TO,TON
Western Hemisphere,TT,TTO
Near East (Middle East and Northern Africa),TN,TUN
Europe and Eurasia,TR,TUR
South and Central Asia,TM,TKM
NA,TC,TCA
East Asia and the Pacific,TV,TUV
Sub-Saharan Africa,UG,UGA
Europe and Eurasia,UA,UKR
Near East (Middle East and Northern Africa),AE,ARE
Sub-Saharan Africa,TZ,TZA
United States,US,USA
NA,VI,VIR
Western Hemisphere,UY,URY
South and Central Asia,UZ,UZB
East Asia and the Pacific,VU,VUT
Western Hemisphere,VE,VEN
East Asia and the Pacific,VN,VNM
NA,WF,WLF
Near East (Middle East and Northern Africa),YE,YEM
Sub-Saharan Africa,ZM,ZMB
Sub-Saharan Africa,ZW,ZWE
"""
SAVIR_REGION_CODES = {
    "Sub-Saharan Africa": "AF",
    "East Asia and the Pacific": "EAP",
    "Europe and Eurasia": "EUR",
    "Near East (Middle East and Northern Africa)": "NEA",
    "South and Central Asia": "SCA",
    "Western Hemisphere": "WHA",
}
SAVIR_CODE_FIXES = {"XKS": "XKX"}  # SaviR writes Kosovo as XKS; this project uses XKX

# Official bureau lists used as a cross-check of SaviR (build fails if they disagree).
NEA_URL = "https://careers.state.gov/dosoffice/near-east-asian-affairs/"
NEA_STATE_GOV = {
    "DZA", "BHR", "EGY", "IRN", "IRQ", "ISR", "JOR", "KWT", "LBN", "LBY", "MAR", "OMN", "QAT",
    "SAU", "SYR", "TUN", "ARE", "YEM",
}
SCA_URL = (
    "https://www.webharvest.gov/congress116th/20210116015215/https://www.state.gov/"
    "bureaus-offices/under-secretary-for-political-affairs/bureau-of-south-and-central-asian-affairs/"
)
SCA_STATE_GOV = {
    "AFG", "BGD", "BTN", "IND", "KAZ", "KGZ", "MDV", "NPL", "PAK", "LKA", "TJK", "TKM", "UZB",
}

# Areas that SaviR leaves without a region, sourced one by one (State Department pages).
EXTRA_REGIONS = {
    "HKG": ("EAP", "region: EAP from the State Department fact sheet 'U.S. Relations With Hong "
                   "Kong' (Bureau of East Asian and Pacific Affairs), "
                   "https://2009-2017.state.gov/r/pa/ei/bgn/2747.htm"),
    "MAC": ("EAP", "region: EAP from the 'U.S.-Macau Policy Act Report' released by the Bureau of "
                   "East Asian and Pacific Affairs, "
                   "http://2001-2009.state.gov/p/eap/rls/rpt/35706.htm"),
    "CUW": ("WHA", "region: WHA from the State Department fact sheet 'U.S. Relations With "
                   "Curacao' (Bureau of Western Hemisphere Affairs, 2012), https://webarchive."
                   "library.unt.edu/web/20121014021856/http://www.state.gov/r/pa/ei/bgn/161154.htm"),
    "ABW": ("WHA", "region: WHA: the U.S. Consulate General Curacao, responsible for Aruba, "
                   "Curacao and Sint Maarten, reports to the Bureau of Western Hemisphere Affairs "
                   "(Dutch Caribbean Integrated Country Strategy, 2018, https://docslib.org/doc/"
                   "9916400/dutch-caribbean-integrated-country-strategy)"),
    "SXM": ("WHA", "region: WHA: the U.S. Consulate General Curacao, responsible for Aruba, "
                   "Curacao and Sint Maarten, reports to the Bureau of Western Hemisphere Affairs "
                   "(Dutch Caribbean Integrated Country Strategy, 2018, https://docslib.org/doc/"
                   "9916400/dutch-caribbean-integrated-country-strategy)"),
    "ANT": ("WHA", "region: WHA: 'Netherlands Antilles' is listed on the Bureau of Western "
                   "Hemisphere Affairs page (state.gov/p/wha, archived 2005-01-04, "
                   "https://web.archive.org/web/20050104232059/http://www.state.gov/p/wha/)"),
}
# Rows whose bureau a reader might not guess from geography: say so in the note.
JUDGEMENT_NOTES = {
    "EGY": "region: NEA although in Africa (state.gov NEA list)",
    "DZA": "region: NEA although in Africa (state.gov NEA list)",
    "LBY": "region: NEA although in Africa (state.gov NEA list)",
    "MAR": "region: NEA although in Africa (state.gov NEA list)",
    "TUN": "region: NEA although in Africa (state.gov NEA list)",
    "MRT": "region: AF, not NEA (SaviR; absent from the state.gov NEA list)",
    "SDN": "region: AF, not NEA (SaviR; absent from the state.gov NEA list)",
    "SSD": "region: AF (SaviR)",
    "DJI": "region: AF, not NEA (SaviR; absent from the state.gov NEA list)",
    "SOM": "region: AF, not NEA (SaviR; absent from the state.gov NEA list)",
    "COM": "region: AF, not NEA (SaviR; absent from the state.gov NEA list)",
    "ISR": "region: NEA (state.gov NEA list)",
    "PSE": "region: NEA (SaviR; 'Palestinian Territories' handled by NEA)",
    "IRN": "region: NEA, not SCA (state.gov NEA list)",
    "AFG": "region: SCA, not NEA (state.gov SCA list)",
    "PAK": "region: SCA (state.gov SCA list)",
    "KAZ": "region: SCA since 2006, formerly EUR (state.gov SCA list)",
    "KGZ": "region: SCA since 2006, formerly EUR (state.gov SCA list)",
    "TJK": "region: SCA since 2006, formerly EUR (state.gov SCA list)",
    "TKM": "region: SCA since 2006, formerly EUR (state.gov SCA list)",
    "UZB": "region: SCA since 2006, formerly EUR (state.gov SCA list)",
    "CYP": "region: EUR although in West Asia (SaviR)",
    "TUR": "region: EUR, not NEA (SaviR; absent from the state.gov NEA list)",
    "RUS": "region: EUR although mostly in Asia (SaviR)",
    "ARM": "region: EUR (SaviR; Caucasus)",
    "AZE": "region: EUR (SaviR; Caucasus)",
    "GEO": "region: EUR (SaviR; Caucasus)",
    "MNG": "region: EAP, not SCA (SaviR)",
    "MMR": "region: EAP, not SCA (SaviR)",
    "XKX": "region: EUR (SaviR, which writes Kosovo as XKS)",
}
NO_BUREAU_NOTES = {
    "USA": "region: empty: the United States is not covered by a State Department regional bureau",
}

# --- GCC --------------------------------------------------------------------------------------
GCC = frozenset({"BHR", "KWT", "OMN", "QAT", "SAU", "ARE"})

# --- Codes outside ISO 3166-1 -----------------------------------------------------------------
EXTRA_COUNTRIES = {
    # iso3: (iso_numeric, name_en, name_ar, note)
    "XKX": ("", "Kosovo", "كوسوفو",
            "not in ISO 3166-1: XKX is the user-assigned code used by the EU and the IMF; no ISO "
            "numeric code; name_ar: common Arabic name (not in iso-codes)"),
}

# --- English names ---------------------------------------------------------------------------
# name_en is pycountry's common name, else its ISO short name; these two read badly or are
# ambiguous ("Congo" alone is refused by tipanalysis.countries.to_iso3).
EN_OVERRIDES = {
    "COG": ("Republic of the Congo",
            "name_en override: ISO short name 'Congo' is ambiguous with DR Congo"),
    "COD": ("Democratic Republic of the Congo",
            "name_en override: natural word order (ISO: 'Congo, The Democratic Republic of the')"),
}

# --- Arabic names ----------------------------------------------------------------------------
# name_ar is iso-codes' Arabic with diacritics removed and "و" attached to the next word; these
# rows use a more natural form for a Kuwaiti reader. Each reason goes to the row's note.
SHORT = "name_ar override: common short form"
AR_OVERRIDES = {
    "SAU": ("المملكة العربية السعودية", "name_ar override: full common form"),
    "OMN": ("عُمان", "name_ar override: damma kept so Oman is not read as Amman"),
    "BOL": ("بوليفيا", SHORT), "VEN": ("فنزويلا", SHORT), "IRN": ("إيران", SHORT),
    "KOR": ("كوريا الجنوبية", SHORT), "PRK": ("كوريا الشمالية", SHORT),
    "TWN": ("تايوان", SHORT), "LAO": ("لاوس", SHORT), "MDA": ("مولدوفا", SHORT),
    "SYR": ("سوريا", SHORT), "TZA": ("تنزانيا", SHORT), "VNM": ("فيتنام", SHORT),
    "RUS": ("روسيا", SHORT), "FSM": ("ميكرونيزيا", SHORT), "HUN": ("المجر", SHORT),
    "COD": ("جمهورية الكونغو الديمقراطية", SHORT), "COG": ("جمهورية الكونغو", SHORT),
    "VAT": ("الفاتيكان", SHORT),
    "VGB": ("جزر فيرجن البريطانية", SHORT), "VIR": ("جزر فيرجن الأمريكية", SHORT),
    "TUR": ("تركيا", "name_ar override: iso-codes has no Arabic for 'Türkiye'"),
    "LTU": ("ليتوانيا", "name_ar override: common spelling"),
    "SRB": ("صربيا", "name_ar override: common spelling"),
    "MNE": ("الجبل الأسود", "name_ar override: common Arabic name"),
    "TLS": ("تيمور الشرقية", "name_ar override: common Arabic name"),
    "CUW": ("كوراساو", "name_ar override: common spelling (Curaçao is one island)"),
    "MAC": ("ماكاو", "name_ar override: common spelling"),
}
HISTORIC_AR = {
    "ANT": ("جزر الأنتيل الهولندية",
            "name_ar: common Arabic name (iso-codes' iso3166-1 has no Arabic for this "
            "withdrawn code)"),
}

# --- Aliases ------------------------------------------------------------------------------------
TIP_SPELLING = "TIP Report spelling (per the project issue)"
COMMON_EN = "common English usage"
COMMON_AR = "common Arabic usage"
HAND_ALIASES: tuple[tuple[str, str, str], ...] = (
    ("Korea, North", "PRK", TIP_SPELLING), ("Korea, South", "KOR", TIP_SPELLING),
    ("South Korea", "KOR", TIP_SPELLING), ("North Korea", "PRK", TIP_SPELLING),
    ("Burma", "MMR", TIP_SPELLING), ("Burma (Myanmar)", "MMR", TIP_SPELLING),
    ("Congo, Democratic Republic of the", "COD", TIP_SPELLING),
    ("Congo, Republic of the", "COG", TIP_SPELLING),
    ("Côte d'Ivoire", "CIV", TIP_SPELLING), ("Cote d'Ivoire", "CIV", TIP_SPELLING),
    ("The Bahamas", "BHS", TIP_SPELLING), ("The Gambia", "GMB", TIP_SPELLING),
    ("Micronesia", "FSM", TIP_SPELLING), ("Timor-Leste", "TLS", TIP_SPELLING),
    ("Taiwan", "TWN", TIP_SPELLING), ("Macau", "MAC", TIP_SPELLING),
    ("Hong Kong", "HKG", TIP_SPELLING), ("Curaçao", "CUW", TIP_SPELLING),
    ("Sint Maarten", "SXM", TIP_SPELLING), ("Kosovo", "XKX", TIP_SPELLING),
    ("Cabo Verde", "CPV", TIP_SPELLING), ("Eswatini", "SWZ", TIP_SPELLING),
    ("Türkiye", "TUR", TIP_SPELLING), ("Czechia", "CZE", TIP_SPELLING),
    ("North Macedonia", "MKD", TIP_SPELLING), ("St. Lucia", "LCA", TIP_SPELLING),
    ("St. Kitts and Nevis", "KNA", TIP_SPELLING),
    ("St. Vincent and the Grenadines", "VCT", TIP_SPELLING),
    ("Laos", "LAO", TIP_SPELLING), ("Russia", "RUS", TIP_SPELLING),
    ("Syria", "SYR", TIP_SPELLING), ("Vietnam", "VNM", TIP_SPELLING),
    ("Brunei", "BRN", TIP_SPELLING), ("Moldova", "MDA", TIP_SPELLING),
    ("Tanzania", "TZA", TIP_SPELLING), ("Iran", "IRN", TIP_SPELLING),
    ("Bolivia", "BOL", TIP_SPELLING), ("Venezuela", "VEN", TIP_SPELLING),
    ("United States", "USA", TIP_SPELLING),
    ("Congo (ROC)", "COG", COMMON_EN), ("Republic of the Congo", "COG", COMMON_EN),
    ("Congo-Brazzaville", "COG", COMMON_EN), ("Congo-Kinshasa", "COD", COMMON_EN),
    ("Democratic Republic of the Congo", "COD", COMMON_EN), ("DRC", "COD", COMMON_EN),
    ("DR Congo", "COD", COMMON_EN),
    ("Ivory Coast", "CIV", COMMON_EN), ("Hong Kong S.A.R.", "HKG", COMMON_EN),
    ("Hong Kong SAR", "HKG", COMMON_EN), ("China (Hong Kong)", "HKG", COMMON_EN),
    ("St Vincent & Gren", "VCT", COMMON_EN), ("Bosnia-Herzegovina", "BIH", COMMON_EN),
    ("Curacao", "CUW", COMMON_EN), ("Turkey", "TUR", COMMON_EN),
    ("Timor Leste", "TLS", COMMON_EN), ("East Timor", "TLS", COMMON_EN),
    ("Swaziland", "SWZ", COMMON_EN), ("Macedonia", "MKD", COMMON_EN),
    ("Czech Republic", "CZE", COMMON_EN), ("Cape Verde", "CPV", COMMON_EN),
    ("UAE", "ARE", COMMON_EN), ("UK", "GBR", COMMON_EN), ("Great Britain", "GBR", COMMON_EN),
    ("United States of America", "USA", COMMON_EN),
    ("Republic of Korea", "KOR", COMMON_EN), ("Myanmar", "MMR", COMMON_EN),
    ("Vatican", "VAT", COMMON_EN), ("Holy See", "VAT", COMMON_EN),
    ("Palestine", "PSE", COMMON_EN), ("Palestinian Territories", "PSE", COMMON_EN),
    ("Lao PDR", "LAO", COMMON_EN), ("Kyrgyz Republic", "KGZ", COMMON_EN),
    ("Slovak Republic", "SVK", COMMON_EN), ("Sao Tome and Principe", "STP", COMMON_EN),
    ("Saint Kitts and Nevis", "KNA", COMMON_EN), ("Saint Lucia", "LCA", COMMON_EN),
    ("Macao", "MAC", COMMON_EN), ("Gambia, The", "GMB", COMMON_EN),
    ("Bahamas, The", "BHS", COMMON_EN), ("Netherlands Antilles", "ANT", COMMON_EN),
    ("الإمارات", "ARE", COMMON_AR), ("السعودية", "SAU", COMMON_AR),
    ("بورما", "MMR", COMMON_AR), ("فلسطين", "PSE", COMMON_AR),
    ("الولايات المتحدة الأمريكية", "USA", COMMON_AR), ("أمريكا", "USA", COMMON_AR),
    ("بريطانيا", "GBR", COMMON_AR), ("الكونغو الديمقراطية", "COD", COMMON_AR),
    ("كوت ديفوار", "CIV", COMMON_AR), ("سوازيلاند", "SWZ", COMMON_AR),
    ("تشيكيا", "CZE", COMMON_AR), ("هونج كونج", "HKG", COMMON_AR),
    ("بيلاروسيا", "BLR", COMMON_AR), ("الفلبين", "PHL", COMMON_AR),
    ("المالديف", "MDV", COMMON_AR),
)

_HARAKAT = re.compile("[\u064b-\u0652\u0670\u0640]")  # short vowels, shadda, sukun, tatweel


def clean_arabic(text: str) -> str:
    """Return iso-codes' Arabic without diacritics and with "و" attached to the next word.

    >>> clean_arabic("البوسنة و الهرسك")
    'البوسنة والهرسك'
    """
    text = _HARAKAT.sub("", unicodedata.normalize("NFC", text))
    text = re.sub(r"(^|\s)و\s+", r"\1و", text)  # the conjunction is written joined
    return re.sub(r"\s+", " ", text).strip()


def savir_regions(text: str = SAVIR_DOS_REGIONS_CSV) -> dict[str, str]:
    """Parse the SaviR file into ``{iso3: bureau code}``; rows without a bureau are left out."""
    regions = {}
    for row in csv.DictReader(io.StringIO(text)):
        code = SAVIR_REGION_CODES.get(row["state_region"])
        if code:
            regions[SAVIR_CODE_FIXES.get(row["iso_alpha3"], row["iso_alpha3"])] = code
    return regions


def check_regions(regions: dict[str, str]) -> None:
    """Fail if SaviR disagrees with the bureau lists published on state.gov (NEA, SCA)."""
    for code, official in (("NEA", NEA_STATE_GOV), ("SCA", SCA_STATE_GOV)):
        savir = {iso for iso, reg in regions.items() if reg == code} - {"PSE"}
        if savir != official:
            diff = sorted(savir ^ official)
            raise SystemExit(f"SaviR {code} list differs from state.gov: {diff}")


def read_csv_rows(path: Path) -> list[dict[str, str]]:
    """Read a CSV file as a list of dicts of strings (nothing is converted)."""
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def tip_names(shared: Path) -> dict[str, str]:
    """Return ``{iso3: country}`` from the tier files, the spelling of the most recent report."""
    latest: dict[str, tuple[int, str]] = {}
    for name in TIER_FILES:
        for row in read_csv_rows(shared / "tip_tiers" / name):
            key = (int(row["report_year"]), row["country"])
            latest[row["iso3"]] = max(latest.get(row["iso3"], key), key)
    return {iso3: country for iso3, (_, country) in latest.items()}


def file_spellings(shared: Path) -> dict[tuple[str, str], set[str]]:
    """Return ``{(spelling, iso3): {file names}}`` for every name in the tier and Cho files."""
    found: dict[tuple[str, str], set[str]] = defaultdict(set)
    for name in (*TIER_FILES, CHO_FILE):
        for row in read_csv_rows(shared / "tip_tiers" / name):
            for column in ("country", "kelley_name"):
                if row.get(column):
                    found[(row[column], row["iso3"])].add(name)
    return found


def country_rows(shared: Path) -> list[dict[str, str]]:
    """Return one row per ISO 3166-1 country plus XKX and ANT, sorted by iso3."""
    arabic = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["ar"])
    regions = savir_regions()
    check_regions(regions)
    tips = tip_names(shared)
    rows = []
    for c in pycountry.countries:
        notes = []
        name_en = getattr(c, "common_name", c.name)
        if c.alpha_3 in EN_OVERRIDES:
            name_en, reason = EN_OVERRIDES[c.alpha_3]
            notes.append(reason)
        name_ar = clean_arabic(arabic.gettext(c.name))
        if c.alpha_3 in AR_OVERRIDES:
            name_ar, reason = AR_OVERRIDES[c.alpha_3]
            notes.append(f"{reason} (iso-codes: '{clean_arabic(arabic.gettext(c.name))}')")
        rows.append({"iso3": c.alpha_3, "iso_numeric": c.numeric,
                     "name_en": name_en, "name_ar": name_ar,
                     "notes": notes})
    for iso3, (numeric, name_en, name_ar, note) in EXTRA_COUNTRIES.items():
        rows.append({"iso3": iso3, "iso_numeric": numeric, "name_en": name_en,
                     "name_ar": name_ar, "notes": [note]})
    ant = pycountry.historic_countries.get(alpha_3="ANT")
    rows.append({"iso3": "ANT", "iso_numeric": ant.numeric, "name_en": ant.name,
                 "name_ar": HISTORIC_AR["ANT"][0],
                 "notes": [f"withdrawn from ISO 3166-1 ({ant.withdrawal_date}); code and numeric "
                           "from ISO 3166-3 (pycountry.historic_countries)",
                           HISTORIC_AR["ANT"][1]]})
    for row in rows:
        iso3 = row["iso3"]
        region = regions.get(iso3, "")
        if iso3 in EXTRA_REGIONS:
            region, source = EXTRA_REGIONS[iso3]
            row["notes"].append(source)
        row["notes"] += [n for n in (JUDGEMENT_NOTES.get(iso3), NO_BUREAU_NOTES.get(iso3)) if n]
        row.update(region=region, tip_name=tips.get(iso3, ""),
                   gcc="true" if iso3 in GCC else "false", note="; ".join(row.pop("notes")))
        if not re.search("[\u0600-\u06ff]", row["name_ar"]):
            raise SystemExit(f"{iso3}: no Arabic name ({row['name_ar']!r}); add an override")
    missing = set(tips) - {r["iso3"] for r in rows}
    missing |= {k[1] for k in file_spellings(shared)} - {r["iso3"] for r in rows}
    if missing:
        raise SystemExit(f"iso3 codes in the shared files but not in the reference: {missing}")
    return sorted(rows, key=lambda r: r["iso3"])


def alias_rows(shared: Path) -> list[dict[str, str]]:
    """Return the alias table: file spellings first, then the hand list; one row per alias."""
    sources: dict[str, set[str]] = defaultdict(set)
    targets: dict[str, str] = {}
    entries: Iterable[tuple[str, str, set[str]]] = [
        (alias, iso3, files) for (alias, iso3), files in file_spellings(shared).items()
    ] + [(alias, iso3, {source}) for alias, iso3, source in HAND_ALIASES]
    for alias, iso3, srcs in entries:
        if targets.setdefault(alias, iso3) != iso3:
            raise SystemExit(f"alias {alias!r} points to both {targets[alias]} and {iso3}")
        sources[alias] |= srcs
    return [{"alias": a, "iso3": targets[a], "source": "; ".join(sorted(sources[a]))}
            for a in sorted(targets)]


def write_csv_atomic(path: Path, columns: tuple[str, ...], rows: list[dict[str, str]]) -> None:
    """Write rows to ``path`` atomically (``tipanalysis.validate.atomic_write_text``)."""
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=columns, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    path.parent.mkdir(parents=True, exist_ok=True)
    atomic_write_text(path, buffer.getvalue())


def main(argv: list[str] | None = None) -> int:
    """Build both reference files; return the exit code."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared-dir", type=Path, default=REPO_DIR / "data" / "snapshots")
    parser.add_argument("--out-dir", type=Path, default=REPO_DIR / "data" / "reference")
    args = parser.parse_args(argv)
    countries = country_rows(args.shared_dir)
    aliases = alias_rows(args.shared_dir)
    unknown = {a["iso3"] for a in aliases} - {c["iso3"] for c in countries}
    if unknown:
        raise SystemExit(f"aliases point to codes missing from countries.csv: {unknown}")
    write_csv_atomic(args.out_dir / "countries.csv", COUNTRY_COLUMNS, countries)
    write_csv_atomic(args.out_dir / "country_aliases.csv", ALIAS_COLUMNS, aliases)
    print(f"wrote {len(countries)} countries and {len(aliases)} aliases to {args.out_dir}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
