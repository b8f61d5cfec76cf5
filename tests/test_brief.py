"""Policy briefs: content from the data, escaping, bilingual parity, A4 PDF, determinism.

The Kuwait briefs are built once per module (about 4 s per language, PDF included) from the
shipped data; the other tests build what they need.
"""

from __future__ import annotations

import collections
import io
import json
import os
import re
import subprocess
import sys
import time
import unicodedata

import pandas as pd
import pypdf
import pytest

from tipanalysis import brief, cli, countries, data, i18n, paths, tiers

A4 = (595.28, 841.89)  # points
EASTERN_DIGITS = re.compile("[\u0660-\u0669\u06f0-\u06f9]")


@pytest.fixture(scope="module")
def kwt() -> dict[str, dict]:
    out = {}
    for lang, context in brief.build_contexts("KWT", ("en", "ar")).items():
        html = brief.render_html(context)
        out[lang] = {"context": context, "html": html, "pdf": brief.render_pdf(html)}
    return out


def pdf_text(pdf: bytes, mode: str = "plain") -> str:
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    text = "\n".join(p.extract_text(extraction_mode=mode) for p in reader.pages)
    return unicodedata.normalize("NFKC", text)  # Arabic presentation forms -> letters


def numbers(text: str) -> collections.Counter:
    # "Tier 1" is written as a word in Arabic ("الفئة الأولى"): its digit is not a figure.
    return collections.Counter(re.findall(r"\d+", re.sub(r"Tier [123]", "Tier", text)))


# ------------------------------------------------------------------------------ content
def test_headline_states_the_latest_tier_its_change_and_the_announcement(kwt):
    en, ar = kwt["en"]["context"], kwt["ar"]["context"]
    assert en["headline"] == [
        "In the 2025 TIP Report, Kuwait was placed on Tier 2, up from the Tier 2 Watch List in "
        "the 2024 Report.",
        "The placement was announced publicly on 30 September 2025.",
    ]
    assert ar["headline"][0] == ("صُنِّفت الكويت في تقرير الاتجار بالأشخاص لعام 2025 ضمن الفئة "
                                 "الثانية، بعد أن كانت على قائمة المراقبة من الفئة الثانية في "
                                 "تقرير عام 2024، في تحسّنٍ لتصنيفها.")
    assert ar["headline"][1] == "أُعلن هذا التصنيف رسمياً في 30 سبتمبر 2025."
    assert en["facts"]["change"] == "upgrade" and en["facts"]["year"] == 2025


def test_every_section_is_present_and_computed_for_kuwait(kwt):
    context = kwt["en"]["context"]
    assert [s["id"] for s in context["sections"]] == [
        "timeline", "compare", "map", "outlook", "strategy", "impact"]
    assert context["problems"] == []
    assert all(s["available"] for s in context["sections"])
    facts = context["facts"]
    # Kuwait 2003-2025: 23 report years, Tier 2 six times, Watch List 7, Tier 3 10 (codebook).
    assert facts["timeline"] == {"n": 23, "first": 2003, "last": 2025, "1": 0, "2": 6,
                                 "2WL": 7, "3": 10, "special": 0}
    assert facts["gcc"]["n"] == 6
    assert facts["outlook"]["last"] == 2028
    assert facts["strategy"]["n_target"] == 0  # no official targets are published
    assert [row[0] for row in facts["impact"]] == ["KWT-0009", "KWT-0014", "KWT-0021"]
    assert facts["impact_pending"][:2] == ["KWT-0039", 2026]


def test_gcc_rank_matches_the_tier_panel(kwt):
    panel = data.load_tiers()
    year = panel[(panel["report_year"] == 2025) & panel["iso3"].isin(countries.members("GCC"))]
    scores = tiers.tier_score(year["tier"]).to_numpy()
    kwt_score = tiers.tier_score(year.loc[year["iso3"] == "KWT", "tier"]).iloc[0]
    assert kwt["en"]["context"]["facts"]["gcc"]["rank"] == 1 + int((scores < kwt_score).sum())


def test_caveats_box_says_effort_period_and_partial_coverage(kwt):
    caveats = kwt["en"]["context"]["caveats"]
    assert any("not the size of the trafficking problem" in c for c in caveats)
    assert any("April of the previous year" in c for c in caveats)
    # 79 of the 2025 placements are inferred by elimination, so the year is not 'complete'
    assert ("Coverage of the 2025 report in the data: every country counted, some placements "
            "inferred (188 of 188 countries assessed).") in caveats
    # 2017 and 2022 have inferred placements too: only 2021 is complete, row by row
    assert any(c.startswith("Report years whose coverage is not verified complete: "
                            "2001–2020, 2022–2025")
               for c in caveats)


def test_brief_says_how_many_peer_placements_are_inferred(kwt):
    # Issue 13: 79 of the 184 ranked placements of 2025 are inferred by elimination; none of the
    # six GCC placements and one of the 16 in the Near East region (data/tiers, basis column).
    sections = {lang: {s["id"]: s for s in kwt[lang]["context"]["sections"]}
                for lang in ("en", "ar")}
    en, ar = sections["en"]["compare"]["notes"], sections["ar"]["compare"]["notes"]
    assert kwt["en"]["context"]["facts"]["inferred"] == {"GCC": [6, 0], "NEA": [16, 1],
                                                         "world": [184, 79]}
    assert ("All 6 countries ranked in the GCC in the 2025 report have a placement stated "
            "directly by a source; none is inferred.") in en
    assert ("184 countries are ranked in the world in the 2025 report; the placements of 79 of "
            "them are inferred (by elimination or from another year's report), not stated "
            "directly by a source.") in en
    assert ("16 countries are ranked in the State Department's Near East region in the 2025 "
            "report; the placement of one of them is inferred (by elimination or from another "
            "year's report), not stated directly by a source.") in en
    assert ("في تقرير عام 2025، بلغ عدد الدول المصنَّفة في العالم 184 دولة، منها 79 دولة "
            "استُنتج تصنيفها بالاستبعاد أو من تقرير سنة أخرى، ولم ينص عليه مصدر صراحةً.") in ar
    assert ("تستند تصنيفات الدول المصنَّفة في دول مجلس التعاون في تقرير عام 2025، وعددها 6، "
            "كلها إلى مصادر تنص عليها صراحةً، ولا يوجد بينها تصنيف مستنتَج.") in ar
    # The GCC table's 2024 column: the UAE, Qatar and Saudi Arabia are inferred, marked '*'
    # with the footnote in the table's language; Kuwait's own placements are sourced.
    for lang in ("en", "ar"):
        compare = sections[lang]["compare"]
        rows = {r[0]: r[1:] for r in compare["table"]["rows"]}
        marked = sorted(name for name, cells in rows.items() if cells[0].endswith(" *"))
        assert marked == sorted(countries.name(c, lang) for c in ("ARE", "QAT", "SAU"))
        assert not any(cells[1].endswith("*") for cells in rows.values())
        assert i18n.t("inferred.note", lang) in compare["notes"]
        # The Gulf view's window holds two inferred 2025 placements (Israel, Ethiopia): hatched,
        # and the caption says what the hatching means.
        assert i18n.t("inferred.note.hatched", lang) in sections[lang]["map"]["notes"]
        # Kuwait's timeline has no inferred placement: no hollow-dot note.
        assert i18n.t("inferred.note.hollow", lang) not in sections[lang]["timeline"]["notes"]
    for lang in ("en", "ar"):
        html = kwt[lang]["html"]
        assert i18n.t("inferred.note", lang) in html.replace("&#39;", "'")
    assert kwt["en"]["context"]["facts"]["gcc_table_inferred"] == [
        ["ARE", 2024], ["QAT", 2024], ["SAU", 2024]]
    assert kwt["en"]["context"]["facts"]["map"]["inferred"] == 2
    # 2025 is 'inferred', not 'complete': no "missing countries" note in the comparison
    assert not any("missing countries" in n for n in en)


def test_brief_of_a_country_whose_placement_is_inferred_says_so():
    # Italy 2025 is on none of the shipped lists but the Tier 2 complement (data/tiers note
    # 'derived-complement'); its 2018, 2022 and 2024 placements are inferred too.
    contexts = brief.build_contexts("ITA", figures=False)
    assert contexts["en"]["facts"]["basis"] == "inferred"
    assert contexts["en"]["facts"]["timeline"]["inferred"] == [2018, 2022, 2024, 2025]
    assert contexts["en"]["headline"][-1] == (
        "Italy's 2025 placement is inferred (by elimination or from another year's report): no "
        "source found states it directly.")
    assert contexts["ar"]["headline"][-1] == (
        "تصنيف إيطاليا في تقرير عام 2025 مستنتَج بالاستبعاد أو من تقرير سنة أخرى، إذ لم يُعثر "
        "على مصدر ينص عليه صراحةً.")
    for lang, context in contexts.items():
        timeline = next(s for s in context["sections"] if s["id"] == "timeline")
        assert i18n.t("inferred.note.hollow", lang) in timeline["notes"]


def access_dates() -> set[str]:
    descriptor = json.loads((paths.data_dir() / "datapackage.json").read_text(encoding="utf-8"))
    return {s["accessed"] for r in descriptor["resources"] for s in r.get("sources", [])}


def latest_access_date() -> str:
    return max(access_dates())


def test_sources_carry_access_dates(kwt):
    sources = kwt["ar"]["context"]["sources"]
    assert len(sources) >= 10
    # The sources annex is English (set left to right) in both briefs.
    assert all(re.fullmatch(r"accessed \d{1,2} [A-Z][a-z]+ \d{4}", s["accessed"])
               for s in sources)
    # Every date shown is a source's access date from datapackage.json, written in words.
    known = {"accessed " + i18n.format_date(day, "en") for day in access_dates()}
    assert {s["accessed"] for s in sources} <= known
    assert kwt["en"]["context"]["placement_source"]["url"].startswith("https://")


# ------------------------------------------------------------------------------ HTML
def test_html_sets_language_direction_and_is_self_contained(kwt):
    ar, en = kwt["ar"]["html"], kwt["en"]["html"]
    assert '<html lang="ar" dir="rtl">' in ar and '<html lang="en" dir="ltr">' in en
    for page in (ar, en):
        assert "<script" not in page and "<link" not in page
        assert re.findall(r'<img src="([a-z]+:[^;,"]+)', page) == [
            "data:image/svg+xml", "data:image/png", "data:image/svg+xml"]
        assert "size: A4" in page and "Noto Naskh Arabic" in page


def test_event_descriptions_are_the_projects_own_texts_in_each_language(kwt):
    # No machine translation: data/kuwait/timeline.csv holds the workspace's Arabic text.
    assert "<td>صادقت دولة الكويت على بروتوكول الأمم المتحدة" in kwt["ar"]["html"]
    assert "Kuwait ratified the UN Palermo Protocol" not in kwt["ar"]["html"]
    assert "<td>Kuwait ratified the UN Palermo Protocol (2000)" in kwt["en"]["html"]


def test_arabic_uses_western_digits_only(kwt):
    assert EASTERN_DIGITS.search(kwt["ar"]["html"]) is None
    assert "2025" in kwt["ar"]["context"]["report"]


def test_markup_in_country_and_event_names_comes_out_as_text(monkeypatch):
    evil = "<script>alert(1)</script>"
    real_name, real_timeline = countries.name, data.load_timeline

    def name(iso3: str, lang: str = "en", *, data_dir=None) -> str:
        return evil if iso3 == "KWT" else real_name(iso3, lang, data_dir=data_dir)

    def timeline(data_dir=None):
        table = real_timeline(data_dir)
        table.loc[table["event_id"] == "KWT-0009", "event_short_en"] = (
            '<img src=x onerror="alert(2)">')
        return table

    monkeypatch.setattr(countries, "name", name)
    monkeypatch.setattr(data, "load_timeline", timeline)
    monkeypatch.setattr(brief, "_map", lambda *args: None)  # not under test; saves a second
    page = brief.render_html(brief.build_context("KWT", "en"))
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "<script>alert" not in page
    assert "&lt;img src=x onerror=&#34;alert(2)&#34;&gt;" in page
    assert "<img src=x" not in page


# ------------------------------------------------------------------------------ PDF
def test_pdf_is_a4_with_two_to_four_pages(kwt):
    for lang in ("en", "ar"):
        reader = pypdf.PdfReader(io.BytesIO(kwt[lang]["pdf"]))
        # Page 1 (answers), analyses, the annex of methods and sources.
        assert 3 <= len(reader.pages) <= 7
        for page in reader.pages:
            box = page.mediabox
            assert float(box.width) == pytest.approx(A4[0], abs=1)
            assert float(box.height) == pytest.approx(A4[1], abs=1)


def test_pdf_text_layer_holds_the_arabic_headline(kwt):
    marks = re.compile("[\u064b-\u0652]")  # short vowels and shadda: not always extracted
    text = marks.sub("", pdf_text(kwt["ar"]["pdf"]))
    words = re.findall(r"[\u0600-\u06ff]+", marks.sub("", kwt["ar"]["context"]["headline"][0]))
    assert len(words) >= 8
    missing = [w for w in words if w not in text]
    assert len(missing) <= 1, missing  # a word with shadda may be extracted as ligatures
    assert "2025" in text


def test_both_languages_carry_the_same_figures(kwt):
    assert kwt["en"]["context"]["facts"] == kwt["ar"]["context"]["facts"]
    # Arabic prose spells counts of 1-10 as words (docs/arabic_style.md): compare percentages.
    def pct(pdf: bytes) -> collections.Counter:
        found = re.findall(r"\d+%|%\d+", pdf_text(pdf, "layout"))  # RTL may extract «%57»
        return collections.Counter(x.strip("%") for x in found)

    en, ar = pct(kwt["en"]["pdf"]), pct(kwt["ar"]["pdf"])
    assert sum(en.values()) > 15
    assert set(en) == set(ar)


def test_figure_comparison_can_fail():
    assert numbers("Tier 2 Watch List: 57%") != numbers("الفئة الثانية: 58%")


def test_same_inputs_give_identical_html_and_pdf(kwt, monkeypatch):
    again = brief.render_html(brief.build_context("KWT", "ar"))
    assert again == kwt["ar"]["html"]
    # A day later, and with a caller's own SOURCE_DATE_EPOCH: still the same bytes (font
    # subsets are stamped with the clock unless the brief fixes the epoch).
    clock = time.time() + 86_400
    monkeypatch.setattr(time, "time", lambda: clock)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    assert brief.render_pdf(again) == kwt["ar"]["pdf"]
    assert os.environ["SOURCE_DATE_EPOCH"] == "1700000000"  # restored afterwards
    reader = pypdf.PdfReader(io.BytesIO(kwt["ar"]["pdf"]))
    stamp = latest_access_date().replace("-", "")  # the data's access date, not the clock
    assert reader.metadata["/CreationDate"] == f"D:{stamp}000000Z"
    assert reader.metadata["/ModDate"] == f"D:{stamp}000000Z"


# ------------------------------------------------------------------------------ other inputs
def test_another_country_builds_from_the_command_line(tmp_path, capsys):
    assert cli.main(["brief", "--country", "QAT", "--lang", "ar", "--pdf",
                     "--out", str(tmp_path)]) == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == ["brief_QAT_ar.html", "brief_QAT_ar.pdf"]
    page = (tmp_path / "brief_QAT_ar.html").read_text(encoding="utf-8")
    assert "قطر" in page and "يقتصر رصد الاستراتيجية على الاستراتيجية الوطنية لدولة الكويت" in page
    reader = pypdf.PdfReader(tmp_path / "brief_QAT_ar.pdf")
    assert 2 <= len(reader.pages) <= 6
    assert "brief_QAT_ar.pdf" in capsys.readouterr().out


def test_earlier_year_reads_as_it_would_have(monkeypatch):
    monkeypatch.setattr(brief, "_map", lambda *args: None)
    context = brief.build_context("KWT", "en", year=2019)
    assert context["headline"][0] == ("In the 2019 TIP Report, Kuwait was placed on Tier 2, up "
                                      "from the Tier 2 Watch List in the 2018 Report.")
    assert context["facts"]["timeline"]["last"] == 2019
    assert context["facts"]["outlook"]["last"] == 2028


def test_year_without_placement_is_refused():
    with pytest.raises(ValueError, match="no tier placement for KWT in the TIP Report 2001"):
        brief.build_context("KWT", "en", year=2001)


def test_missing_forecast_degrades_honestly(monkeypatch):
    monkeypatch.delattr(tiers, "forecast_summary")
    monkeypatch.setattr(brief, "_map", lambda *args: None)
    context = brief.build_context("KWT", "ar")
    outlook = next(s for s in context["sections"] if s["id"] == "outlook")
    assert not outlook["available"]
    assert outlook["sentences"] == ["لا يتوفر هذا الجزء في هذا الإصدار: احتمالات التصنيف."]
    assert outlook["figure"] is None
    assert any(p.startswith("outlook: AttributeError") for p in context["problems"])
    assert "outlook" not in context["facts"]


# ------------------------------------------------------------------------------ helpers
def test_year_ranges_and_default_year():
    assert brief.year_ranges([2016, 2001, 2002, 2003, 2018, 2019]) == [
        "2001–2003", "2016", "2018–2019"]
    panel = pd.DataFrame({"iso3": ["KWT", "KWT", "QAT"], "report_year": [2024, 2025, 2023]})
    assert brief.default_year(panel, "QAT") == 2023
    with pytest.raises(ValueError, match="no tier placement"):
        brief.default_year(panel, "OMN")


def test_write_brief_leaves_no_temporary_files(tmp_path, monkeypatch):
    monkeypatch.setattr(brief, "_map", lambda *args: None)
    written = brief.write_brief("KWT", "en", tmp_path)
    assert [p.name for p in written] == ["brief_KWT_en.html"]
    assert [p.name for p in tmp_path.iterdir()] == ["brief_KWT_en.html"]


def test_importing_brief_loads_neither_matplotlib_nor_weasyprint():
    code = ("import sys, tipanalysis.brief; "
            "print(sorted(m for m in ('matplotlib', 'weasyprint') if m in sys.modules))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            check=True)
    assert result.stdout.strip() == "[]"


def test_special_case_country_says_so_instead_of_ranking(monkeypatch):
    monkeypatch.setattr(brief, "_map", lambda *args: None)
    context = brief.build_context("LBY", "en", year=2025)  # a Special Case in 2025
    assert context["problems"] == []
    assert context["headline"] == [
        "In the 2025 TIP Report, Libya was a Special Case and received no tier."]
    by_id = {s["id"]: s for s in context["sections"]}
    assert by_id["compare"]["sentences"] == [
        "Libya has no tier in the 2025 TIP Report (Special Case), so it has no rank among its "
        "peers."]
    assert by_id["outlook"]["sentences"] == [
        "No outlook: Libya has no tier in the 2025 TIP Report (Special Case)."]


def test_build_contexts_shares_the_numbers_and_matches_single_language_builds(kwt, monkeypatch):
    calls = []
    forecast = tiers.forecast_summary

    def counting(*args, **kwargs):
        calls.append(kwargs["horizon"])
        return forecast(*args, **kwargs)

    monkeypatch.setattr(tiers, "forecast_summary", counting)
    alone = brief.build_context("KWT", "ar")
    assert calls == [1, 2, 3]  # TIP Reports 2026, 2027, 2028 after the 2025 placement
    # Both languages from one call: the bootstrap runs once per horizon, not once per language,
    # and each context is exactly what a single-language build gives.
    calls.clear()
    both = brief.build_contexts("KWT", ("en", "ar", "en"))
    assert calls == [1, 2, 3]
    assert list(both) == ["en", "ar"]
    assert both["ar"] == alone
    assert both["en"]["facts"] == both["ar"]["facts"] == kwt["en"]["context"]["facts"]
    with pytest.raises(ValueError, match="unknown language 'fr'"):
        brief.build_contexts("KWT", ("en", "fr"))


def test_write_context_names_files_by_country_and_language(kwt, tmp_path):
    written = brief.write_context(kwt["ar"]["context"], tmp_path)
    assert [p.name for p in written] == ["brief_KWT_ar.html"]
    assert written[0].read_text(encoding="utf-8") == kwt["ar"]["html"]


def test_svg_figures_draw_text_as_outlines(kwt):
    # WeasyPrint draws SVG <text> glyph by glyph, without bidi or shaping: Arabic labels
    # would print reversed and unjoined. matplotlib's default (svg.fonttype "path") avoids it.
    import base64

    figures = [s["figure"] for s in kwt["ar"]["context"]["sections"]
               if s["figure"] and s["figure"].startswith("data:image/svg+xml")]
    assert len(figures) == 2  # the tier timeline and the outlook
    for uri in figures:
        svg = base64.b64decode(uri.split(",", 1)[1]).decode("utf-8")
        assert "<path" in svg and "<text" not in svg


def test_stylesheet_is_inserted_verbatim_and_the_pdf_uses_its_fonts(kwt):
    # Entities are not decoded inside <style>: an escaped stylesheet loses every quoted font
    # name, and the brief printed in the default serif.
    css = (paths.PACKAGE_DIR / "templates" / brief.STYLESHEET).read_text(encoding="utf-8")
    assert '"DejaVu Sans"' in css
    assert css in kwt["en"]["html"]
    for lang in ("en", "ar"):
        reader = pypdf.PdfReader(io.BytesIO(kwt[lang]["pdf"]))
        fonts = {str(font["/BaseFont"]).split("+")[-1] for page in reader.pages
                 for font in page["/Resources"]["/Font"].values()}
        assert fonts and all(f.startswith("DejaVu-Sans") for f in fonts), (lang, fonts)


def test_stylesheet_that_could_end_the_style_element_is_refused(kwt, monkeypatch, tmp_path):
    (tmp_path / "templates").mkdir()
    (tmp_path / "templates" / brief.STYLESHEET).write_text(
        "p { color: red } </style><script>x()</script>")
    monkeypatch.setattr(paths, "PACKAGE_DIR", tmp_path)
    with pytest.raises(ValueError, match="must not contain"):
        brief.render_html(kwt["en"]["context"])


def test_annex_shows_the_window_table_and_the_backtest_verdict(kwt):
    for lang in ("en", "ar"):
        annex = kwt[lang]["context"]["annex"]
        assert annex["available"] and len(annex["table"]["rows"]) == 3
        assert annex["table"]["highlight"] == 1  # 2009 onward, the window the outlook uses
        assert len(annex["sentences"]) == 3
        assert 'id="annex"' in kwt[lang]["html"]
    ar = kwt["ar"]["context"]["annex"]
    text = " ".join([*ar["sentences"], *ar["notes"], *ar["table"]["header"],
                     *(c for row in ar["table"]["rows"] for c in row)])
    assert "مجال الثقة 95%" in text and "نافذة التقدير" in text
    assert not re.search("[A-Za-z]", text)  # no English in the Arabic annex
    # the table is window_sensitivity's, and the verdict agrees with the facts
    panel = data.load_tiers()
    sens = tiers.window_sensitivity(panel[panel["iso3"] == "KWT"], panel, n_boot=1000, seed=0)
    ok = sens[(sens["measure"] == "p_tier2_or_better_every_report")
              & (sens["window"] == "2009-")]["estimate"].iloc[0]
    assert kwt["en"]["context"]["annex"]["table"]["rows"][1][1].startswith(f"{ok:.0%}")
    facts = kwt["en"]["context"]["facts"]["backtest"]
    verdict = kwt["en"]["context"]["annex"]["sentences"][-1]
    assert ("beats both" in verdict) == (facts["beats_persistence"]
                                         and facts["beats_first_order"])
    assert kwt["en"]["context"]["facts"]["outlook"]["since"] == 2009
