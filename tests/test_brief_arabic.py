"""Issue 15: briefs an adviser can use. Arabic first, page 1 answers, right for every country.

The corrections table of the issue (a native reader's review) is held here as tests; the Latin
share of the Arabic brief is counted; every ranked country's brief is built in both languages.
"""

from __future__ import annotations

import csv
import html.parser
import re

import pytest

from tipanalysis import brief, countries, data, i18n, paths

ARABIC = re.compile("[\u0600-\u06ff]")
LATIN_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")
#: Proper names and codes that may stay in Latin script inside an Arabic page.
ALLOWED_LATIN = {"TIP", "TVPA", "GCC", "Cho", "3P", "p"}


_SKIP = frozenset({"style", "script", "code", "pre"})


class _Text(html.parser.HTMLParser):
    """Visible text of a page outside ``lang="en"`` elements, code, style and script."""

    def __init__(self) -> None:
        super().__init__()
        self.stack: list[bool] = []
        self.parts: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag in {"img", "br", "meta", "link", "input", "hr"}:
            return
        attrs = dict(attrs)
        skip = tag in _SKIP or attrs.get("lang") == "en" or "url" in (attrs.get("class") or "")
        self.stack.append(skip or (bool(self.stack) and self.stack[-1]))

    def handle_endtag(self, tag):
        if tag not in {"img", "br", "meta", "link", "input", "hr"} and self.stack:
            self.stack.pop()

    def handle_data(self, text):
        if not (self.stack and self.stack[-1]):
            self.parts.append(text)


def latin_share(page: str) -> tuple[float, list[str]]:
    """Share of Latin-script words among the words of an Arabic page (see _Text)."""
    body = page.split("<body", 1)[-1]
    body = body[body.index(">") + 1:] if "<body" in page else body
    parser = _Text()
    parser.feed(body)
    text = re.sub(r"https?://\S+", " ", " ".join(parser.parts))
    # Codes with digits ("A1.1", "2025-Q3") are not words of either language.
    words = re.findall(r"[^\s.,:;()«»،؛%–—/?!\"'-]+", text)
    latin = [w for w in words if LATIN_WORD.fullmatch(w) and w not in ALLOWED_LATIN]
    return (len(latin) / len(words) if words else 0.0), latin


@pytest.fixture(scope="module")
def kwt() -> dict[str, dict]:
    contexts = brief.build_contexts("KWT", ("en", "ar"))
    return {lang: {"context": c, "html": brief.render_html(c)} for lang, c in contexts.items()}


def _sentences(context: dict, section_id: str) -> list[str]:
    for section in context["page1"] + context["sections"]:
        if section["id"] == section_id:
            return section["sentences"] + section["notes"]
    raise KeyError(section_id)


def _all_text(context: dict) -> str:
    out = [context["title"], *context["caveats"]]
    for section in context["page1"] + context["sections"]:
        out += [section["title"], *section["sentences"], *section["notes"]]
        if section["table"]:
            out += [str(c) for row in section["table"]["rows"] for c in row]
    return "\n".join(out)


# ------------------------------------------------------------------ the corrections table
def test_placement_sentence_is_a_verbal_sentence(kwt):
    first = kwt["ar"]["context"]["headline"][0]
    assert first.startswith("صُنِّفت الكويت في تقرير الاتجار بالأشخاص لعام 2025 ضمن الفئة "
                            "الثانية، بعد أن كانت على قائمة المراقبة من الفئة الثانية في تقرير "
                            "عام 2024")
    assert kwt["en"]["context"]["headline"][0] == (
        "In the 2025 TIP Report, Kuwait was placed on Tier 2, up from the Tier 2 Watch List in "
        "the 2024 Report.")


def test_gcc_rank_names_the_leader_and_the_ties(kwt):
    text = _sentences(kwt["ar"]["context"], "compare")[0]
    assert text.startswith("تأتي الكويت في المرتبة الثانية بين دول المجلس الست")
    assert "بعد البحرين، بالتساوي مع الدول الأربع الأخرى" in text
    assert "العدد =" not in _all_text(kwt["ar"]["context"])
    en = _sentences(kwt["en"]["context"], "compare")[0]
    assert en == ("Kuwait ranks second among the six GCC states in the 2025 TIP Report, after "
                  "Bahrain, tied with the four other states.")


def test_ties_half_weight_and_confidence_interval_wording(kwt):
    text = _all_text(kwt["ar"]["context"])
    assert "(تُحتسب حالات التساوي بنصف وزن)" in text and "المتساوية بالنصف" not in text
    assert "مجال ثقة 95%" in text and "فترة 95%" not in text


def test_indicator_count_sentence(kwt):
    text = _all_text(kwt["ar"]["context"])
    assert "اقترح فريق التحليل 20 مؤشراً، لم تُحدَّد لأيٍّ منها قيمة مستهدفة رسمية" in text
    assert "فهرس مساحة العمل" not in text


def test_titles_and_legislative_actions(kwt):
    ar = kwt["ar"]["context"]
    assert ar["title"] == "الكويت: موجز سياسات بشأن مكافحة الاتجار بالأشخاص"
    titles = [s["title"] for s in ar["page1"] + ar["sections"]]
    assert any("الإجراءات التشريعية والمؤسسية" in x for x in titles)
    assert "الأحداث السياسية" not in kwt["ar"]["html"]
    assert "حول" not in ar["title"]


def test_laws_are_cited_in_kuwaiti_style(kwt):
    with open(paths.REPO_DIR / "data" / "language" / "laws.csv", encoding="utf-8") as fh:
        laws = {r["law_id"]: r for r in csv.DictReader(fh)}
    for key, law in (("reform.KWT-0009", "KW-L-91-2013"), ("reform.KWT-0014", "KW-L-68-2015")):
        assert i18n.t(key, "ar") == laws[law]["citation_ar"]
        assert i18n.t(key, "en") == laws[law]["citation_en"]
    text = _all_text(kwt["ar"]["context"])
    assert "القانون رقم 91 لسنة 2013 في شأن مكافحة الاتجار بالأشخاص وتهريب المهاجرين" in text
    assert "91/2013" not in text


def test_glossary_terms_are_in_the_translation_table():
    with open(paths.REPO_DIR / "data" / "language" / "glossary.csv", encoding="utf-8") as fh:
        glossary = {r["term_id"]: r["term_ar"] for r in csv.DictReader(fh)}
    for key, term in (("term.som", "som"), ("term.nrm", "nrm"), ("term.tip", "tip"),
                      ("tier.2WL", "tier_2wl")):
        assert i18n.t(key, "ar") == glossary[term]
    assert glossary["pnc"].startswith(i18n.t("term.pnc", "ar"))
    assert i18n.t("term.ci95", "ar") == "مجال الثقة 95%"


# ------------------------------------------------------------------ Arabic as a first language
def test_arabic_brief_is_under_two_percent_latin(kwt):
    share, latin = latin_share(kwt["ar"]["html"])
    assert share <= 0.02, (share, latin[:30])


def test_latin_counter_counts_what_it_should():
    page = ('<body><p>كلمة عربية واحدة Latin</p><p lang="en" dir="ltr">English title</p>'
            '<code>abc123</code><p>https://example.org/x</p></body>')
    share, latin = latin_share(page)
    assert latin == ["Latin"] and share == pytest.approx(1 / 4)


def test_every_data_text_shown_in_the_arabic_brief_is_arabic(kwt):
    ar = kwt["ar"]["context"]
    for section in ar["page1"] + ar["sections"]:
        table = section["table"]
        if not table:
            continue
        for row in table["rows"]:
            for cell in row:
                text = str(cell)
                if re.fullmatch(r"[\d\s%().–—/-]*", text) or not text:
                    continue
                assert ARABIC.search(text), (section["id"], text)


def test_timeline_events_are_whole_texts_in_the_brief_language(kwt):
    timeline = data.load_timeline()
    by_id = timeline.set_index("event_id")
    for lang, column in (("ar", "event_ar"), ("en", "event_short_en")):
        context = kwt[lang]["context"]
        section = next(s for s in context["sections"] if s["id"] == "timeline")
        shown = [row[3] for row in section["table"]["rows"]]
        expected = [by_id.loc[e, column] for e in context["facts"]["events"]]
        assert shown == expected
        assert not any(s.endswith("…") for s in shown)


def test_sources_are_an_ltr_annex_after_the_body(kwt):
    page = kwt["ar"]["html"]
    assert page.index('id="sources"') > page.index('id="impact"')
    annex = page[page.index('id="sources"'):]
    assert '<ol lang="en" dir="ltr">' in annex
    assert "(".join([]) == "" and 'dir="ltr"' in page[page.index("<code"):][:40]


def test_page_numbers_read_in_arabic_order():
    css = (paths.PACKAGE_DIR / "templates" / "brief.css").read_text(encoding="utf-8")
    assert '"صفحة " counter(page) " من " counter(pages)' in css
    assert '" / "' not in css


def test_validation_rejects_an_event_without_arabic(tmp_path, monkeypatch):
    timeline = data.load_timeline().copy()
    timeline.loc[timeline.index[0], "event_ar"] = "Kuwait ratified the protocol"
    monkeypatch.setattr(data, "load_timeline", lambda *_a, **_k: timeline)
    context = brief.build_context("KWT", "ar")
    assert any("timeline" in p and "event_ar" in p for p in context["problems"])


# ------------------------------------------------------------------ page 1
def test_page_one_answers_the_five_points_in_both_languages(kwt):
    for lang in ("en", "ar"):
        context = kwt[lang]["context"]
        assert [s["id"] for s in context["page1"]] == ["headline", "asks", "clock",
                                                       "enforcement"]
        assert all(s["available"] for s in context["page1"]), context["problems"]
        asks = next(s for s in context["page1"] if s["id"] == "asks")
        assert len(asks["table"]["header"]) == 3 and asks["table"]["rows"]
        facts = context["facts"]
        assert facts["findings"]["year"] == 2024 and facts["asks"]["year"] == 2024
        assert facts["enforcement"]["tip"][0] == 2023
        assert facts["enforcement"]["government"][:2] == ["2023-04-01", "2023-12-31"]
        assert facts["data"]["version"] and len(facts["data"]["digest"]) == 12
        assert context["digest"] in kwt[lang]["html"]
    ar = _all_text(kwt["ar"]["context"])
    assert "بحسب تقرير الاتجار بالأشخاص لعام 2023" in ar
    assert "وبحسب ما أعلنته حكومة الكويت" in ar and "فلا تُجمع مع أرقامه" in ar
    assert "عدّاد التخفيض التلقائي" in ar
    en = _all_text(kwt["en"]["context"])
    assert "TIP-reported" in en and "government-reported" in en
    assert kwt["en"]["context"]["facts"] == kwt["ar"]["context"]["facts"]


# ------------------------------------------------------------------ every country
def _check_country(code: str, contexts: dict[str, dict]) -> None:
    gcc = countries.members("GCC")
    en, ar = contexts["en"], contexts["ar"]
    assert en["problems"] == [] and ar["problems"] == [], (code, en["problems"])
    assert en["facts"] == ar["facts"]
    facts = en["facts"]
    group = facts["peer_group"]
    compare_en = " ".join(_sentences(en, "compare"))
    if code in gcc:
        assert group == "GCC" and "GCC states" in compare_en
    else:
        assert "GCC" not in compare_en, code
        region = countries.region_of(code)
        assert group == (region or "world")
        if region:
            assert f"the State Department's {i18n.t(f'group.{region}', 'en')} region" in (
                compare_en)
    assert facts["map"]["highlight"] == code
    assert en["country"] in " ".join(_sentences(en, "map"))
    assert ar["country"] in " ".join(_sentences(ar, "map"))
    outlook_en = " ".join(_sentences(en, "outlook"))
    assert "pooled rate for any country with the same tier history" in outlook_en
    assert "معدل مجمَّع" in " ".join(_sentences(ar, "outlook"))
    if facts["tier"] == "1":
        assert facts["outlook"]["event"] == "stay1" and "reaches Tier 1" not in outlook_en
    if code != "KWT":
        for sid in ("strategy", "impact"):
            assert "no data are available for" in " ".join(_sentences(en, sid))
            assert "لا تتوفر بيانات" in " ".join(_sentences(ar, sid))
        assert "events" not in facts
    page = brief.render_html(ar)
    share, latin = latin_share(page)
    assert share <= 0.02, (code, share, latin[:10])


def test_every_ranked_country_builds_in_both_languages():
    codes = brief.ranked_countries()
    assert len(codes) > 150
    for code, contexts in brief.build_sweep(codes, figures=False):
        _check_country(code, contexts)


@pytest.mark.parametrize("code", ["PHL", "NGA", "QAT", "BHR"])
def test_briefs_with_figures_for_other_countries(code):
    _check_country(code, brief.build_contexts(code))


# ------------------------------------------------------------------ one set of numbers
def test_brief_and_notebooks_read_the_same_results(kwt):
    from tipanalysis import tiers

    panel = data.load_tiers()
    # Notebook 02 computes forecast_summary(history, panel, n_boot=2000, seed=0), horizon 3.
    nb02 = tiers.forecast_summary(panel[panel["iso3"] == "KWT"], panel, n_boot=2000,
                                  seed=0).set_index("measure")
    row = nb02.loc["p_tier2_or_better_every_report"]
    facts = kwt["en"]["context"]["facts"]["outlook"]
    assert (facts["p"], facts["lo"], facts["hi"]) == tuple(
        i18n.format_percent(row[k]) for k in ("estimate", "ci_low", "ci_high"))
    # Notebook 03 reviews the indicators with the pooled outlook: same count with a value.
    reviewed = brief.strategy_review(panel, 2025)
    n_data = len(reviewed) - int((reviewed["status"] == "no-data").sum())
    assert kwt["en"]["context"]["facts"]["strategy"]["n_data"] == n_data
    for name in ("02_ranking.py", "03_strategy_review.py"):
        source = (paths.REPO_DIR / "notebooks" / name).read_text(encoding="utf-8")
        assert "brief.outlook_summaries" in source or "brief.strategy_review" in source, name


# ------------------------------------------------------------------ notebooks with lang=ar
def notebook_text(path) -> str:
    """Everything a reader sees in an executed notebook's outputs (no code, no images)."""
    import nbformat

    nb = nbformat.read(path, as_version=4)
    parts = []
    for cell in nb.cells:
        if cell.cell_type == "markdown":
            parts.append(f"<p>{cell.source}</p>")
        for out in cell.get("outputs", []):
            bundle = out.get("data", {})
            if "text/html" in bundle:
                parts.append(bundle["text/html"])
            elif "text/markdown" in bundle:
                parts.append(f"<p>{bundle['text/markdown']}</p>")
            elif "text/plain" in bundle and not any(k.startswith("image/") for k in bundle):
                parts.append(f"<p>{bundle['text/plain']}</p>")
            elif out.get("output_type") == "stream":
                parts.append(f"<p>{out.get('text', '')}</p>")
    return "<body>" + "\n".join(parts) + "</body>"


#: Notebooks whose text, headings and table labels are written from the translation table.
ARABIC_NOTEBOOKS = {"02_ranking": {"country": "KWT", "lang": "ar"},
                    "03_strategy_review": {"lang": "ar"},
                    "04_impact": {"country": "KWT", "lang": "ar"},
                    "06_tip_findings": {"country": "KWT", "lang": "ar"}}


@pytest.mark.notebooks
@pytest.mark.parametrize("stem", sorted(ARABIC_NOTEBOOKS))
def test_notebook_run_in_arabic_is_under_two_percent_latin(stem, tmp_path):
    from tipanalysis import run

    notebook = paths.notebooks_dir() / f"{stem}.ipynb"
    [result] = run.run_notebooks([notebook], ARABIC_NOTEBOOKS[stem], out=tmp_path,
                                 progress=False)
    assert result.ok, str(result.error)
    share, latin = latin_share(notebook_text(tmp_path / f"{stem}.ipynb"))
    assert share <= 0.02, (share, sorted(set(latin))[:40])
