"""Build the ``narratives/`` tables of ``data/`` from the project's coded snapshots.

The TIP Report's country narratives are coded by the project (codebook in ``data/README.md``,
"Narratives"): each coded country-year gets a direction code for 13 domains (``findings``),
every figure its opening states (``figures``) and its prioritized recommendations as codes with
short summaries in the project's own words (``recommendations``). The coders' files are kept as
snapshots in ``data/snapshots/narratives/``; this step checks them against the codebook and writes
the shipped tables:

* ``findings.csv``: the first coding with every adjudicated disagreement applied (``adjudicated``
  says which rows changed, the adjudication note says why);
* ``recommendations.csv``, ``figures.csv``, ``coverage.csv``, ``sources.csv``;
* ``codes.csv``, ``domains.csv``: the codebook's vocabularies with Arabic labels;
* ``crosswalk.csv``: recommendation code -> strategy aim and indicators (the project's judgement);
* ``agreement.csv``: agreement of the independent second coding with the first, per table
  (percent and Cohen's kappa), computed from the two codings as they were made.

Nothing is guessed: an unknown code or domain, a direction outside the vocabulary, a row
without a source, a duplicate key, an Arabic field without Arabic letters or a coded
country-year missing a domain stops the build with file, row, column and value.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path

import numpy as np
import pandas as pd

from tipanalysis.errors import DataValidationError, Problem

FOLDER = "narratives"
GCC = ("ARE", "BHR", "KWT", "OMN", "QAT", "SAU")
DIRECTIONS = ("more", "fewer", "same", "none", "not_stated")
OVERALL = ("yes", "no", "not_stated")
REPORTERS = ("tip_report", "government")
UNITS = ("cases", "persons", "victims")
MEASURES = ("investigations", "prosecutions", "convictions", "acquittals", "victims_identified",
            "victims_referred", "victims_sheltered", "illegal_recruitment_referred",
            "officials_prosecuted", "persons_investigated", "cases_with_convictions", "other")
FINDINGS_STATUS = ("full", "partial", "not_found")
FIGURES_STATUS = ("coded", "none_stated", "not_found")
LINKS = ("explicit", "partial", "none")
SOURCE_KINDS = ("state_gov", "mirror", "press")

FINDINGS_COLUMNS = ("iso3", "report_year", "domain", "direction", "evidence", "source_url",
                    "coder")
FIGURES_COLUMNS = ("iso3", "report_year", "reported_by", "measure", "unit", "value", "law",
                   "period_start", "period_end", "summary", "source_url", "coder")
RECOMMENDATION_COLUMNS = ("iso3", "report_year", "code", "rank", "summary_en", "summary_ar",
                          "source_url", "coder")
COVERAGE_COLUMNS = ("iso3", "report_year", "findings", "figures", "recommendations", "reason",
                    "source_urls")
SOURCES_COLUMNS = ("url", "publisher", "title", "report_year", "iso3", "accessed", "kind")
CODES_COLUMNS = ("code", "label_en", "label_ar", "definition_en")
DOMAINS_COLUMNS = ("domain", "order", "label_en", "label_ar", "definition_en")
CROSSWALK_COLUMNS = ("code", "aim", "link", "indicators", "reason_en", "reason_ar")
ADJUDICATION_COLUMNS = ("table", "iso3", "report_year", "key", "first", "second", "resolved",
                        "note")
AGREEMENT_COLUMNS = ("table", "iso3", "report_years", "units", "agree", "percent_agreement",
                     "kappa", "note")

_URL = re.compile(r"^https?://\S+$")
_YEAR = re.compile(r"^(19|20)[0-9]{2}$")
_DATE = re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$")
_ARABIC = re.compile(r"[\u0600-\u06FF]")
_COUNT = re.compile(r"^[0-9]{1,7}$")  # whole, and below ten million: a larger count is a typo


def _read(path: Path, columns: Sequence[str]) -> pd.DataFrame:
    # problems name the file as it sits in the data folder: snapshots/narratives/...
    parts = path.parts
    label = "snapshots/" + "/".join(parts[parts.index(FOLDER):]) if FOLDER in parts \
        else path.name
    try:
        frame = pd.read_csv(path, dtype=str, keep_default_na=False, na_filter=False,
                            encoding="utf-8")
    except FileNotFoundError:
        raise DataValidationError([Problem(label, None, None, None, "file is missing")]) from None
    except (pd.errors.ParserError, UnicodeDecodeError) as exc:
        raise DataValidationError([Problem(label, None, None, None, f"unreadable: {exc}")])\
            from None
    if list(frame.columns) != list(columns):
        raise DataValidationError([Problem(label, 1, None, ",".join(frame.columns),
                                           f"unexpected header; expected {','.join(columns)}")])
    frame = frame.apply(lambda col: col.str.strip()) if len(frame) else frame
    frame["_line"] = range(2, len(frame) + 2)
    frame["_file"] = label
    return frame


def read_sheets(folder: Path, name: str, columns: Sequence[str]) -> list[pd.DataFrame]:
    """One table of every coding sheet under ``folder`` (``sheets/<batch>/<name>.csv``).

    One frame per sheet, in the order of the sheets' folder names; each row keeps its file and
    line for problem reports. Every sheet is checked whole, then :func:`combine` applies the
    later sheets.
    """
    batches = sorted(p for p in folder.iterdir() if p.is_dir()) if folder.is_dir() else []
    if not batches:
        raise DataValidationError([Problem(f"snapshots/{FOLDER}/sheets", None, None, None,
                                           "no coding sheet found")])
    return [_read(batch / f"{name}.csv", columns) for batch in batches]


def combine(frames: Sequence[pd.DataFrame], key: Sequence[str]) -> pd.DataFrame:
    """Concatenate sheets; a later sheet that codes a ``key`` replaces earlier rows for it.

    That is the only way a coded country-year changes (a gap-filling pass after a first pass),
    and the later sheet itself records it. For ``sources`` the key is the page.
    """
    out: list[pd.DataFrame] = []
    for frame in frames:
        again = set(map(tuple, frame[list(key)].values))
        out = [f.loc[[tuple(row) not in again for row in f[list(key)].values]] for f in out]
        out.append(frame)
    return pd.concat(out, ignore_index=True)


def _bad(frame: pd.DataFrame, column: str, ok, message: str) -> list[Problem]:
    return [Problem(file, int(line), column, value, message)
            for value, line, file in zip(frame[column], frame["_line"], frame["_file"],
                                         strict=True) if not ok(value)]


def _duplicates(frame: pd.DataFrame, key: Sequence[str]) -> list[Problem]:
    dup = frame[frame.duplicated(list(key), keep=False)]
    return [Problem(file, int(line), "+".join(key), "|".join(map(str, values)), "duplicate key")
            for line, file, values in zip(dup["_line"], dup["_file"],
                                          dup[list(key)].values.tolist(), strict=True)]


def _is_url(value: str) -> bool:
    return bool(_URL.match(value))


def _has_arabic(value: str) -> bool:
    return bool(_ARABIC.search(value))


def _common(frame: pd.DataFrame, years: tuple[int, int]) -> list[Problem]:
    first, last = years
    problems = _bad(frame, "iso3", lambda v: v in GCC, f"iso3 must be one of {', '.join(GCC)}")
    problems += _bad(frame, "report_year",
                     lambda v: bool(_YEAR.match(v)) and first <= int(v) <= last,
                     f"report_year must be a TIP report year {first}-{last}")
    return problems


def check_findings(frame: pd.DataFrame, domains: Iterable[str], years: tuple[int, int]
                   ) -> list[Problem]:
    """Problems of a findings table: vocabulary, sources, keys, all domains per country-year."""
    domains = tuple(domains)
    problems = _common(frame, years)
    problems += _bad(frame, "domain", lambda v: v in domains, "unknown domain")
    for overall, vocab in ((True, OVERALL), (False, DIRECTIONS)):
        part = frame[(frame["domain"] == "overall") == overall]
        problems += _bad(part, "direction", lambda v, vocab=vocab: v in vocab,
                         f"direction must be one of {', '.join(vocab)}")
    problems += _bad(frame, "source_url", _is_url, "source_url must be an http(s) URL")
    problems += _bad(frame, "coder", bool, "coder is empty")
    problems += _duplicates(frame, ("iso3", "report_year", "domain"))
    for (iso3, year), group in frame.groupby(["iso3", "report_year"], sort=True):
        missing = sorted(set(domains) - set(group["domain"]))
        if missing:
            problems.append(Problem(group["_file"].iloc[0], int(group["_line"].min()), "domain",
                                    ",".join(missing), f"{iso3} {year}: domains not coded"))
    return problems


def check_recommendations(frame: pd.DataFrame, codes: Iterable[str], years: tuple[int, int]
                          ) -> list[Problem]:
    """Problems of a recommendations table."""
    codes = tuple(codes)
    problems = _common(frame, years)
    problems += _bad(frame, "code", lambda v: v in codes, "unknown recommendation code")
    problems += _bad(frame, "rank", lambda v: v == "" or (v.isdigit() and 0 < int(v) < 100),
                     "rank must be empty or a whole number 1-99")
    problems += _bad(frame, "summary_en", bool, "summary_en is empty")
    problems += _bad(frame, "summary_ar", _has_arabic, "summary_ar has no Arabic letters")
    problems += _bad(frame, "source_url", _is_url, "source_url must be an http(s) URL")
    problems += _duplicates(frame, ("iso3", "report_year", "code", "rank"))
    return problems


def check_figures(frame: pd.DataFrame, years: tuple[int, int]) -> list[Problem]:
    """Problems of a figures table (whole counts below ten million, known measures and units)."""
    problems = _common(frame, years)
    problems += _bad(frame, "reported_by", lambda v: v in REPORTERS, "unknown reported_by")
    problems += _bad(frame, "measure", lambda v: v in MEASURES, "unknown measure")
    problems += _bad(frame, "unit", lambda v: v in UNITS, "unit must be cases, persons or victims")
    problems += _bad(frame, "value", lambda v: bool(_COUNT.match(v)),
                     "value must be a whole count below 10,000,000")
    for column in ("period_start", "period_end"):
        problems += _bad(frame, column, lambda v: v == "" or bool(_DATE.match(v)),
                         "must be empty or YYYY-MM-DD")
    problems += _bad(frame, "summary", bool, "summary is empty")
    problems += _bad(frame, "source_url", _is_url, "source_url must be an http(s) URL")
    problems += _duplicates(frame, ("iso3", "report_year", "reported_by", "measure", "unit",
                                    "period_start", "period_end", "summary"))
    return problems


def read_codebook(folder: Path) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The codebook's two vocabularies: recommendation codes and finding domains."""
    codes = _read(folder / "recommendation_codes.csv", CODES_COLUMNS)
    domains = _read(folder / "finding_domains.csv", DOMAINS_COLUMNS)
    problems = _duplicates(codes, ("code",)) + _duplicates(domains, ("domain",))
    problems += _bad(codes, "label_ar", _has_arabic, "label_ar has no Arabic letters")
    problems += _bad(domains, "label_ar", _has_arabic, "label_ar has no Arabic letters")
    if problems:
        raise DataValidationError(problems)
    return codes, domains


def read_crosswalk(folder: Path, codes: Iterable[str], aims: Mapping[str, Iterable[str]]
                   ) -> pd.DataFrame:
    """The crosswalk, checked against the codebook and the strategy's aims and indicators."""
    codes = set(codes)
    frame = _read(folder / "crosswalk.csv", CROSSWALK_COLUMNS)
    problems = _bad(frame, "code", lambda v: v in codes, "unknown recommendation code")
    problems += _bad(frame, "link", lambda v: v in LINKS, f"link must be one of {LINKS}")
    problems += _bad(frame, "aim", lambda v: v == "" or v in aims, "unknown strategy aim")
    label = frame["_file"].iloc[0] if len(frame) else "crosswalk.csv"
    for line, aim, link, indicators in frame[["_line", "aim", "link", "indicators"]].values:
        known = set(aims.get(aim, ()))
        for ind in filter(None, indicators.split(";")):
            if ind not in known:
                problems.append(Problem(label, int(line), "indicators", ind,
                                        f"not an indicator of aim {aim or '(none)'}"))
        if (link == "none") != (aim == ""):
            problems.append(Problem(label, int(line), "link", link,
                                    "link 'none' goes with an empty aim, and only with one"))
    problems += _bad(frame, "reason_en", bool, "reason_en is empty")
    problems += _bad(frame, "reason_ar", _has_arabic, "reason_ar has no Arabic letters")
    problems += _duplicates(frame, ("code", "aim"))
    problems += [Problem(label, None, "code", code, "code has no crosswalk row")
                 for code in sorted(codes - set(frame["code"]))]
    if problems:
        raise DataValidationError(problems)
    return frame


def kappa(first: Sequence[str], second: Sequence[str]) -> float:
    """Cohen's kappa of two codings of the same units (statsmodels' estimator).

    Examples
    --------
    >>> round(kappa(["a", "a", "b", "b"], ["a", "b", "b", "b"]), 3)
    0.5
    """
    from statsmodels.stats.inter_rater import cohens_kappa

    labels = sorted(set(first) | set(second))
    table = pd.crosstab(pd.Categorical(first, labels), pd.Categorical(second, labels),
                        dropna=False).to_numpy()
    if table.shape == (1, 1):  # one category only: kappa is undefined
        return float("nan")
    return float(cohens_kappa(table, return_results=False))


def agreement(first: pd.DataFrame, second: pd.DataFrame, codes: Iterable[str]) -> pd.DataFrame:
    """Agreement of a second, independent coding with the first, per table.

    ``findings``: every (report year, domain) both coded; ``recommendations``: every
    (report year, code of the codebook) both coded, as present or absent in that year's list
    (so the many codes neither coder used count as agreement; positive agreement is noted).
    """
    rows = []
    f1, f2 = first["findings"], second["findings"]
    key = ["iso3", "report_year", "domain"]
    both = f1.merge(f2, on=key, suffixes=("_1", "_2"))
    if len(both):
        agree = int((both["direction_1"] == both["direction_2"]).sum())
        rows.append({"table": "findings", "iso3": ",".join(sorted(both["iso3"].unique())),
                     "report_years": ",".join(sorted(both["report_year"].unique())),
                     "units": len(both), "agree": agree,
                     "percent_agreement": round(100 * agree / len(both), 1),
                     "kappa": round(kappa(both["direction_1"], both["direction_2"]), 3),
                     "note": "units: country-year x domain; categories: the direction codes"})
    r1, r2 = first["recommendations"], second["recommendations"]
    years = sorted(set(map(tuple, r2[["iso3", "report_year"]].values))
                   & set(map(tuple, r1[["iso3", "report_year"]].values)))
    if years:
        codes = sorted(codes)
        a, b = [], []
        for iso3, year in years:
            s1 = set(r1[(r1.iso3 == iso3) & (r1.report_year == year)]["code"])
            s2 = set(r2[(r2.iso3 == iso3) & (r2.report_year == year)]["code"])
            a += ["asked" if c in s1 else "not asked" for c in codes]
            b += ["asked" if c in s2 else "not asked" for c in codes]
        agree = sum(x == y for x, y in zip(a, b, strict=True))
        pos = sum(x == y == "asked" for x, y in zip(a, b, strict=True))
        either = sum("asked" in (x, y) for x, y in zip(a, b, strict=True))
        rows.append({"table": "recommendations", "iso3": ",".join(sorted({i for i, _ in years})),
                     "report_years": ",".join(y for _, y in years), "units": len(a),
                     "agree": agree, "percent_agreement": round(100 * agree / len(a), 1),
                     "kappa": round(kappa(a, b), 3),
                     "note": (f"units: country-year x codebook code (asked or not); positive "
                              f"agreement {pos} of {either} codes either coder used")})
    return pd.DataFrame(rows, columns=list(AGREEMENT_COLUMNS))


def apply_adjudication(findings: pd.DataFrame, adjudication: pd.DataFrame) -> pd.DataFrame:
    """Apply resolved disagreements to the first coding's findings; flag the changed rows."""
    out = findings.copy()
    out["adjudicated"] = "false"
    part = adjudication[adjudication["table"] == "findings"]
    index = {(r.iso3, r.report_year, r.domain): i for i, r in out.iterrows()}
    problems = []
    for rec in part.to_dict("records"):
        i = index.get((rec["iso3"], rec["report_year"], rec["key"]))
        if i is None or out.at[i, "direction"] != rec["first"]:
            problems.append(Problem(rec["_file"], int(rec["_line"]), "first", rec["first"],
                                    "does not match the first coding of this country-year-domain"))
            continue
        if rec["resolved"] != rec["first"]:
            out.at[i, "direction"] = rec["resolved"]
            out.at[i, "adjudicated"] = "true"
    if problems:
        raise DataValidationError(problems)
    return out


def build_narratives(snapshots: Path, aims: Mapping[str, Iterable[str]],
                     years: tuple[int, int]) -> dict[str, pd.DataFrame]:
    """Read, check and assemble every narratives table; ``{file name: frame}``."""
    folder = snapshots / FOLDER
    codes, domains = read_codebook(folder)
    sheets = {name: read_sheets(folder / "sheets", name, columns)
              for name, columns in (("findings", FINDINGS_COLUMNS),
                                    ("recommendations", RECOMMENDATION_COLUMNS),
                                    ("figures", FIGURES_COLUMNS), ("coverage", COVERAGE_COLUMNS),
                                    ("sources", SOURCES_COLUMNS))}
    second = {"findings": _read(folder / "second_coding" / "findings.csv", FINDINGS_COLUMNS),
              "recommendations": _read(folder / "second_coding" / "recommendations.csv",
                                       RECOMMENDATION_COLUMNS)}
    adjudication = _read(folder / "adjudication.csv", ADJUDICATION_COLUMNS)
    problems = check_findings(second["findings"], domains["domain"], years)
    problems += check_recommendations(second["recommendations"], codes["code"], years)
    for frame in sheets["findings"]:  # every sheet whole, before later ones replace rows
        problems += check_findings(frame, domains["domain"], years)
    for frame in sheets["recommendations"]:
        problems += check_recommendations(frame, codes["code"], years)
    for frame in sheets["figures"]:
        problems += check_figures(frame, years)
    for coverage in sheets["coverage"]:
        problems += _common(coverage, years)
        problems += _bad(coverage, "findings", lambda v: v in FINDINGS_STATUS, "unknown status")
        problems += _bad(coverage, "recommendations", lambda v: v in FINDINGS_STATUS,
                         "unknown status")
        problems += _bad(coverage, "figures", lambda v: v in FIGURES_STATUS, "unknown status")
        problems += _bad(coverage, "reason", bool, "reason is empty")
        problems += _duplicates(coverage, ("iso3", "report_year"))
    for sources in sheets["sources"]:
        problems += _bad(sources, "url", _is_url, "url must be an http(s) URL")
        problems += _bad(sources, "kind", lambda v: v in SOURCE_KINDS, "unknown kind")
        problems += _duplicates(sources, ("url", "report_year", "iso3"))
    findings, recs, figures, coverage = (
        combine(sheets[name], ["iso3", "report_year"])
        for name in ("findings", "recommendations", "figures", "coverage"))
    sources = combine(sheets["sources"], ["url", "iso3", "report_year"])
    problems += _bad(adjudication, "table", lambda v: v in ("findings", "recommendations"),
                     "table must be findings or recommendations")
    problems += _bad(adjudication, "note", bool, "every resolution needs a note")
    # every coded country-year is in the coverage table, and says what it is
    covered = set(map(tuple, coverage[["iso3", "report_year"]].values))
    for name, frame in (("findings", findings), ("recommendations", recs),
                        ("figures", figures)):
        for iso3, year in sorted(set(map(tuple, frame[["iso3", "report_year"]].values))
                                 - covered):
            problems.append(Problem(f"snapshots/{FOLDER}/sheets", None, "report_year",
                                    f"{iso3} {year}",
                                    f"coded in {name} but missing from coverage.csv"))
    if problems:
        raise DataValidationError(problems)
    crosswalk = read_crosswalk(folder, codes["code"], aims)
    # agreement of the two codings as they were made, before any disagreement is resolved
    agreed = agreement({"findings": findings, "recommendations": recs}, second, codes["code"])
    findings = apply_adjudication(findings, adjudication)
    out = {
        "findings.csv": findings,
        "recommendations.csv": recs,
        "figures.csv": figures,
        "coverage.csv": coverage,
        "sources.csv": sources,
        "codes.csv": codes,
        "domains.csv": domains,
        "crosswalk.csv": crosswalk,
        "agreement.csv": agreed,
    }
    sort = {"findings.csv": ["iso3", "report_year", "_order"],
            "recommendations.csv": ["iso3", "report_year", "_rank", "code"],
            "figures.csv": ["iso3", "report_year", "reported_by", "measure", "period_start"],
            "coverage.csv": ["iso3", "report_year"], "sources.csv": ["iso3", "report_year", "url"],
            "codes.csv": [], "domains.csv": [], "crosswalk.csv": [], "agreement.csv": []}
    order = dict(zip(domains["domain"], range(len(domains)), strict=True))
    for name, frame in out.items():
        frame = frame.copy()
        frame["_order"] = frame["domain"].map(order) if "domain" in frame else 0
        frame["_rank"] = (pd.to_numeric(frame["rank"], errors="coerce").fillna(np.inf)
                          if "rank" in frame else 0)
        if sort[name]:
            frame = frame.sort_values(sort[name], kind="stable")
        out[name] = frame.drop(columns=[c for c in ("_line", "_file", "_order", "_rank")
                                        if c in frame])
        out[name] = out[name].reset_index(drop=True)
    return out
