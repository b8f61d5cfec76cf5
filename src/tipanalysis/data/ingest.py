"""Ingest new data: a TIP report's tier placements, enforcement figures.

Every ingest follows the same rule: read the input, check *everything* (names, labels, years,
URLs, duplicates, conflicts with the shipped data), and either write every affected file
atomically (the data file, any derived file, the hashes in ``datapackage.json``) or raise
:class:`~tipanalysis.core.errors.DataValidationError` listing every problem and write nothing.

Inputs:

- text as the report prints its "Tier Placements" pages (see :func:`parse_tier_text`);
- CSV (UTF-8 with or without BOM; Windows-1256 accepted for Arabic files) or XLSX (first and
  only sheet with data), read as strings by :func:`read_table`.
"""

from __future__ import annotations

import copy
import datetime as dt
import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any, Protocol

import pandas as pd

from tipanalysis.core import paths
from tipanalysis.core.errors import DataValidationError, Problem
from tipanalysis.data import descriptor as validate
from tipanalysis.data import loaders as _data
from tipanalysis.data import provenance, transaction
from tipanalysis.data.readers import ARABIC_LETTER as _ARABIC_LETTER
from tipanalysis.data.readers import (
    MAX_COUNT,
    cell_problems,
    decode_bytes,
    read_input_bytes,
    read_table,
    text_problems,
)

__all__ = [
    "FIRST_REPORT_YEAR",
    "SORT_ENFORCEMENT",
    "SORT_TIERS",
    "TIP_MEASURES",
    "add_enforcement",
    "add_tiers",
    "decode_bytes",
    "parse_tier_text",
    "read_table",
    "register_replayer",
    "replay_ingests",
]

# Invisible direction marks, common in text copied from Arabic documents; they carry no data.
_BIDI = re.compile("[\u200e\u200f\u061c\u202a-\u202e\u2066-\u2069]")
_URL = re.compile(r"^https?://[A-Za-z0-9.-]+\.[A-Za-z]{2,}(:[0-9]+)?(/\S*)?$")
FIRST_REPORT_YEAR = 2001

#: Sort order of the written files: that of ``scripts/build_data.py`` (stable sorts, so the
#: shipped order of ties is kept; ``iso3`` last only breaks ties between countries).
SORT_TIERS = ("iso3", "report_year")
SORT_ENFORCEMENT = ("reported_by", "period_start", "period_end", "measure", "iso3")
#: Measures the TIP Report gives for a country (``kuwait/enforcement.csv``).
TIP_MEASURES = ("investigations", "prosecutions", "convictions", "victims_identified",
                "victims_referred")


# --------------------------------------------------------------------------------------------
# the report's printed tier lists
# --------------------------------------------------------------------------------------------

_HEADINGS = {
    "tier 1": "1", "tier i": "1",
    "tier 2": "2", "tier ii": "2",
    "tier 2 watch list": "2WL", "tier 2 watchlist": "2WL", "tier ii watch list": "2WL",
    "tier 2wl": "2WL", "tier 2 wl": "2WL",
    "tier 3": "3", "tier iii": "3",
    "special cases": "special", "special case": "special",
}
_FURNITURE = [
    re.compile(r"^(page\s*)?[0-9]+(\s*(of|/)\s*[0-9]+)?$"),           # page numbers
    re.compile(r"^[-–—|\s]*[0-9]+[-–—|\s]*$"),                         # "- 12 -"
    re.compile(r"^([0-9]+\s*)?(\|\s*)?([0-9]{4}\s+)?trafficking in persons report"
               r"(\s+[0-9]{4})?(\s*(\||-|–)?\s*(june|july)?\s*[0-9]{0,4})?(\s*\|?\s*[0-9]+)?$"),
    re.compile(r"^tier placements$"),
]
_COLUMN_SPLIT = re.compile(r"\t+|\s{2,}")


def _heading(line: str) -> str | None:
    key = re.sub(r"\s+", " ", line.strip().rstrip(":").strip().casefold())
    key = re.sub(r"\s*\([0-9]+\)$", "", key)  # "TIER 1 (33)"
    return _HEADINGS.get(key)


def _is_furniture(cell: str) -> bool:
    key = re.sub(r"\s+", " ", cell.strip().casefold())
    return any(p.match(key) for p in _FURNITURE)


def parse_tier_text(text: str, *, file: str) -> pd.DataFrame:
    """Parse the report's printed "Tier Placements" list.

    Headings (``TIER 1``, ``TIER 2``, ``TIER 2 WATCH LIST``, ``TIER 3``, ``SPECIAL CASES``, any
    case, optional colon or count) open a section; the following lines hold country names, one
    per line or several per line where the printed columns were flattened (separated by a tab
    or two or more spaces). Blank lines and page furniture (page numbers, the running head
    "TRAFFICKING IN PERSONS REPORT") are ignored.

    Returns
    -------
    DataFrame
        ``country`` (as printed), ``tier`` (``1``, ``2``, ``2WL``, ``3`` or ``special``) and
        ``row`` (the line number in the text), in text order.

    Raises
    ------
    DataValidationError
        For every country name found before the first heading.

    Examples
    --------
    >>> text = "TIER 1\\nAustralia    Bahrain\\n\\nTier 2 Watch List\\nKuwait\\n12\\n"
    >>> parse_tier_text(text, file="2024.txt").values.tolist()
    [['Australia', '1', 2], ['Bahrain', '1', 2], ['Kuwait', '2WL', 5]]
    """
    records: list[tuple[str, str, int]] = []
    problems: list[Problem] = []
    tier: str | None = None
    for number, line in enumerate(text.splitlines(), start=1):
        line = _BIDI.sub("", line)
        if not line.strip() or _is_furniture(line):
            continue
        heading = _heading(line)
        if heading is not None:
            tier = heading
            continue
        for cell in _COLUMN_SPLIT.split(line.strip()):
            cell = cell.strip()
            if not cell or _is_furniture(cell):
                continue
            if _heading(cell) is not None:
                problems.append(Problem(file, number, "country", cell,
                                        "tier heading on a line with other text; put each "
                                        "heading on its own line"))
                continue
            if tier is None:
                problems.append(Problem(file, number, "country", cell,
                                        "country name before any tier heading"))
                continue
            records.append((cell, tier, number))
    if problems:
        raise DataValidationError(problems)
    frame = pd.DataFrame(records, columns=["country", "tier", "row"])
    frame["country"] = frame["country"].astype(str)
    frame["tier"] = frame["tier"].astype(str)
    frame["row"] = frame["row"].astype("int64")
    return frame


# --------------------------------------------------------------------------------------------
# shared helpers
# --------------------------------------------------------------------------------------------


def _root(data_dir: Path | str | None) -> Path:
    return paths.resolve_data_dir(data_dir)


def _check_url(url: object, file: str) -> list[Problem]:
    if isinstance(url, str) and _URL.match(url.strip()):
        return cell_problems(url.strip(), file=file, row=None, column="source_url")
    return [Problem(file, None, "source_url", url,
                    "source must be an http(s) URL such as https://www.state.gov/...")]


def _columns(frame: pd.DataFrame, label: str, required: tuple[str, ...],
             optional: tuple[str, ...]) -> tuple[dict[str, str], list[Problem]]:
    """Map lower-cased wanted names to the file's spelling; report missing/unknown columns."""
    found: dict[str, str] = {}
    problems = []
    for col in frame.columns:
        key = str(col).strip().casefold()
        if key in found:
            problems.append(Problem(label, 1, str(col), col, "column appears twice"))
        elif key in required or key in optional:
            found[key] = str(col)
        else:
            problems.append(Problem(label, 1, str(col), col,
                                    f"unexpected column; expected {list(required + optional)}"))
    for key in required:
        if key not in found:
            problems.append(Problem(label, 1, key, None, "required column is missing"))
    return found, problems


def _resolve(names: list[str], rows: list[int], file: str, column: str, root: Path
             ) -> tuple[list[str | None], list[Problem]]:
    """Resolve names with :func:`countries.to_iso3_many`; problems carry the real row numbers.

    ``root`` is the data folder being written: its own alias table decides, not the default one.
    """
    from tipanalysis.data import countries

    try:
        return list(countries.to_iso3_many(names, file=file, column=column, first_row=0,
                                           data_dir=root)), []
    except DataValidationError as exc:
        problems = []
        for p in exc.problems:
            row = rows[p.row] if p.row is not None and 0 <= p.row < len(rows) else p.row
            problems.append(Problem(file, row, column, p.value, p.message))
    codes: list[str | None] = []
    for name in names:
        try:
            codes.append(countries.to_iso3(name, data_dir=root))
        except ValueError:
            codes.append(None)
    return codes, problems


def _not_yet_reported(problems: list[Problem], extra: list[Problem]) -> list[Problem]:
    """Problems of ``extra`` that say nothing new: not about a cell already reported, nor
    about a column already reported for the whole file (e.g. a bad year or URL)."""
    cells = {(p.row, p.column) for p in problems}
    whole = {p.column for p in problems if p.row is None or p.row == 1}  # 1 = the header
    return [p for p in extra if (p.row, p.column) not in cells and p.column not in whole]


def _latest_year(values: Any) -> int | None:
    """The largest four-digit year among string cells, or None."""
    years = [int(v) for v in values if isinstance(v, str) and re.fullmatch(r"[0-9]{4}", v)]
    return max(years) if years else None


def _raw_table(root: Path, path: str) -> tuple[pd.DataFrame, dict[str, Any], dict[str, Any]]:
    """Read a shipped CSV as strings after checking it; return (raw, resource, descriptor)."""
    descriptor = validate.read_descriptor(root)
    res = validate.resource(descriptor, path)
    raw = validate.read_raw_csv(root / res["path"], file=res["path"])
    problems = validate.check_table(raw, res["schema"], file=res["path"])
    if problems:
        raise DataValidationError(problems)
    return raw, res, descriptor


def _sorted_raw(raw: pd.DataFrame, schema: Mapping[str, Any], keys: tuple[str, ...]
                ) -> pd.DataFrame:
    """Sort a string table by typed key values (years as numbers), missing first."""
    fields = {f["name"]: f for f in schema["fields"]}

    def sort_key(col: pd.Series) -> pd.Series:
        ftype = fields[col.name].get("type", "string")
        if ftype in ("integer", "year", "number"):
            return pd.to_numeric(col.where(col.ne("")), errors="raise")
        return col

    return raw.sort_values(list(keys), key=sort_key, kind="stable", na_position="first")


def _csv_bytes(raw: pd.DataFrame, schema: Mapping[str, Any]) -> bytes:
    """Write a string table exactly: cells unchanged, schema column order, ``\\n`` endings."""
    return validate.format_csv(raw.fillna(""), {"fields": [
        {"name": f["name"], "type": "string"} for f in schema["fields"]]})


def _write_all(root: Path, descriptor: dict[str, Any], files: dict[str, bytes],
               extra: Mapping[str, bytes] | None = None) -> None:
    """Commit ``{resource path: bytes}``, the updated descriptor and ``extra`` files (the
    input's snapshot and manifest) as one change: all of them, or none (see
    :mod:`tipanalysis.data.transaction`). Only the hashes of files written here are computed,
    from the bytes written."""
    names = [validate.resource(descriptor, p)["name"] for p in files]
    contents = {n: files[p] for n, p in zip(names, files, strict=True)}
    new_descriptor = validate.update_hashes(descriptor, root, names, contents=contents)
    mapping: dict[str, bytes] = dict(files)
    mapping[validate.DESCRIPTOR] = validate.dump_descriptor(new_descriptor).encode()
    mapping.update(extra or {})
    transaction.commit(root, mapping)


class _Record:
    """What an ingest records besides the tables: its input as a snapshot (and decisions)."""

    def __init__(self, command: str, data: bytes, name: str, params: dict[str, Any],
                 sources: list[str]):
        self.command, self.data, self.name = command, data, name
        self.params, self.sources = params, sources

    def files(self, root: Path, replaced: list[str]) -> dict[str, bytes]:
        return provenance.snapshot_files(root, self.data, self.name, command=self.command,
                                         params=self.params, sources=self.sources,
                                         replaced=replaced)


def _input_bytes(path: Path) -> bytes:
    """The input as read, once: the snapshot is exactly these bytes."""
    try:
        return path.read_bytes()
    except FileNotFoundError:
        raise FileNotFoundError(f"no such file: {path}") from None
    except IsADirectoryError:
        raise DataValidationError([Problem(str(path), None, None, None,
                                           "is a folder; expected a file")]) from None


def _check_unchanged(path: Path, data: bytes) -> None:
    if path.read_bytes() != data:
        raise DataValidationError([Problem(str(path), None, None, None,
                                           "the input changed while it was being read; "
                                           "nothing was written: run the command again")])


# --------------------------------------------------------------------------------------------
# tiers
# --------------------------------------------------------------------------------------------


def _tier_input(path: Path, label: str) -> tuple[pd.DataFrame, list[Problem]]:
    """Read text, CSV or XLSX into ``country, tier (label as given), note, waiver, row``."""
    from tipanalysis.core.tierscale import parse_tier

    if path.suffix.lower() in (".xls", ".ods", ".xlsm", ".numbers"):
        raise DataValidationError([Problem(label, None, None, path.suffix,
                                           "unsupported file type; save as .xlsx or .csv")])
    if path.suffix.lower() in (".csv", ".xlsx"):
        table, label = read_table(path)
        found, problems = _columns(table, label, ("country", "tier"), ("note", "waiver"))
        if problems:
            return pd.DataFrame(), problems
        frame = pd.DataFrame({
            "country": table[found["country"]].str.replace(_BIDI, "", regex=True)
            .str.strip().to_numpy(),
            "tier_label": table[found["tier"]].str.replace(_BIDI, "", regex=True)
            .str.strip().to_numpy(),
            "note": table[found["note"]].str.strip().to_numpy()
            if "note" in found else [""] * len(table),
            "waiver": table[found["waiver"]].str.strip().str.casefold().to_numpy()
            if "waiver" in found else ["false"] * len(table),
            "row": table.index.to_numpy(),
        })
    else:
        text = decode_bytes(read_input_bytes(path, label=label), file=label)
        bad = text_problems(text, file=label)
        if bad:
            raise DataValidationError(bad)
        parsed = parse_tier_text(text, file=label)
        frame = pd.DataFrame({"country": parsed["country"], "tier_label": parsed["tier"],
                              "note": "", "waiver": "false", "row": parsed["row"]})
    problems = []
    tiers = []
    for value, row in zip(frame["tier_label"], frame["row"], strict=True):
        try:
            tiers.append(parse_tier(value))
        except ValueError as exc:
            problems.append(Problem(label, int(row), "tier", value, str(exc)))
            tiers.append(None)
    frame["tier"] = tiers
    for value, row in zip(frame["waiver"], frame["row"], strict=True):
        if value not in ("true", "false", ""):
            problems.append(Problem(label, int(row), "waiver", value,
                                    "waiver must be true, false or empty (= false)"))
    frame["waiver"] = frame["waiver"].replace("", "false")
    return frame, problems  # empty names are reported by the name resolution


def _allow_source_file(schema: Mapping[str, Any], name: str) -> dict[str, Any]:
    """Return the schema with ``name`` added to an ``enum`` on ``source_file``, if it has one.

    The shipped schema lists the source-pack files; an ingested file is a new source, and the
    descriptor must say so for the package to stay valid.
    """
    schema = copy.deepcopy(dict(schema))
    for field in schema["fields"]:
        enum = (field.get("constraints") or {}).get("enum")
        if field["name"] == "source_file" and enum is not None and name not in enum:
            field["constraints"]["enum"] = [*enum, name]
    return schema


def _english_name(name: str, iso3: str, reference: pd.DataFrame) -> str:
    """The ``country`` column keeps the source's English spelling; Arabic names and codes
    ("KWT", "414") get the reference TIP name (or English name)."""
    if not _ARABIC_LETTER.search(name) and not re.fullmatch(r"[A-Z]{2,3}|[0-9]{1,3}", name):
        return name
    row = reference[reference["iso3"] == iso3]
    for col in ("tip_name", "name_en"):
        if not row.empty and isinstance(row.iloc[0][col], str) and row.iloc[0][col]:
            return row.iloc[0][col]
    return iso3


def add_tiers(
    file: Path | str,
    *,
    year: int,
    source_url: str,
    replace: bool = False,
    data_dir: Path | str | None = None,
) -> str:
    """Add one TIP report year's tier placements to ``tiers/tier_placements.csv``.

    Reads the report's printed list (text, see :func:`parse_tier_text`) or a CSV/XLSX with
    columns ``country`` and ``tier`` (case-insensitive; optional ``note`` and ``waiver``).
    Every name is resolved with :func:`tipanalysis.data.countries.to_iso3_many` and every label with
    :func:`tipanalysis.tiers.parse_tier`. Then it checks the year (2001 to next year), the
    source URL, duplicates within the file (the same country twice, under any spelling) and
    conflicts with rows already shipped for that year: a different tier or status is refused
    unless ``replace``; a row with the same tier and status is skipped (the shipped row and its
    source are kept) and counted.

    If everything passes, it writes ``tiers/tier_placements.csv`` (sorted by report year then
    ISO3), ``tiers/coverage.csv`` (recomputed by :func:`tipanalysis.data.coverage.compute_coverage`)
    and the hashes in ``datapackage.json``, atomically. If anything fails it raises
    :class:`DataValidationError` with every problem, and writes nothing.

    Returns
    -------
    str
        One-paragraph summary of what was added, replaced and skipped.

    Examples
    --------
    >>> url = "https://www.state.gov/reports/2026-trafficking-in-persons-report/"
    >>> print(add_tiers("tip2026.txt", year=2026, source_url=url))  # doctest: +SKIP
    tip2026.txt: report year 2026: 188 added, 0 replaced, 0 identical skipped; wrote ...
    """
    root = _root(data_dir)
    path = Path(file)
    with transaction.locked(root):
        provenance.refuse_edited(root)
        data = _input_bytes(path)
        record = _Record("add-tiers", data, path.name,
                         {"year": year, "source_url": str(source_url).strip()},
                         [str(source_url).strip()])
        return _add_tiers(path, year=year, source_url=source_url, replace=replace, root=root,
                          record=record, data=data)


def _add_tiers(path: Path, *, year: int, source_url: str, replace: bool, root: Path,
               record: _Record | None, data: bytes | None = None,
               source_name: str | None = None) -> str:
    """:func:`add_tiers` under the lock; ``record`` None = replay (no new snapshot)."""
    from tipanalysis.data.coverage import compute_coverage

    label = str(path)
    source_name = source_name or path.name
    problems: list[Problem] = []
    this_year = dt.date.today().year
    if (not isinstance(year, int) or isinstance(year, bool)
            or not FIRST_REPORT_YEAR <= year <= this_year + 1):
        problems.append(Problem(label, None, "report_year", year,
                                f"report year must be between {FIRST_REPORT_YEAR} and "
                                f"{this_year + 1}"))
    problems += _check_url(source_url, label)
    try:
        frame, input_problems = _tier_input(path, label)
    except DataValidationError as exc:
        raise DataValidationError(problems + exc.problems) from None
    problems += input_problems
    if frame.empty and not input_problems:
        problems.append(Problem(label, None, None, None, "no placements found in the file"))
    if problems and frame.empty:
        raise DataValidationError(problems)

    rows = [int(r) for r in frame["row"]]
    codes, name_problems = _resolve(list(frame["country"]), rows, label, "country", root)
    problems += name_problems
    frame["iso3"] = codes

    first_row: dict[str, int] = {}
    duplicate_rows: set[int] = set()
    for iso3, row, name in zip(frame["iso3"], rows, frame["country"], strict=True):
        if pd.isna(iso3):
            continue
        if iso3 in first_row:
            problems.append(Problem(label, row, "country", name,
                                    f"{iso3} appears twice (first on row {first_row[iso3]})"))
            duplicate_rows.add(row)
        else:
            first_row[iso3] = row

    raw, res, descriptor = _raw_table(root, _data.TIERS)
    schema = res["schema"]
    latest = _latest_year(raw["report_year"])
    if latest is not None and isinstance(year, int) and year > latest + 1 \
            and not any(p.column == "report_year" for p in problems):
        problems.append(Problem(label, None, "report_year", year,
                                f"report year must be between {FIRST_REPORT_YEAR} and "
                                f"{latest + 1} (the data end in {latest})"))
    existing = raw[raw["report_year"] == str(year)]
    by_iso3 = {rec["iso3"]: (line, rec)
               for line, rec in zip(existing.index, existing.to_dict("records"), strict=True)}
    reference = _data.load_countries(root)
    new_rows: list[dict[str, str]] = []
    new_lines: list[int] = []
    replaced_lines: list[int] = []
    skipped = 0
    for rec in frame.to_dict("records"):
        # Rows already reported (unknown name or tier, repeated country) are not checked again.
        if pd.isna(rec["iso3"]) or pd.isna(rec["tier"]) or rec["row"] in duplicate_rows:
            continue
        special = rec["tier"] == "special"
        status = "special" if special else "ranked"
        tier = "" if special else rec["tier"]
        if rec["iso3"] in by_iso3:
            line, old = by_iso3[rec["iso3"]]
            if old["tier"] == tier and old["status"] == status:
                skipped += 1
                continue
            if not replace:
                shown = old["tier"] or old["status"]
                problems.append(Problem(
                    label, int(rec["row"]), "tier", rec["tier"],
                    f"conflicts with the shipped {year} placement of {rec['iso3']} "
                    f"({shown}, {res['path']} row {line}); use --replace to overwrite"))
                continue
            replaced_lines.append(line)
        new_rows.append({
            "iso3": rec["iso3"],
            "country": _english_name(rec["country"], rec["iso3"], reference),
            "report_year": str(year), "tier": tier, "status": status,
            "waiver": rec["waiver"], "source_url": source_url.strip(),
            "source_file": source_name, "basis": "sourced", "note": rec["note"],
        })
        new_lines.append(int(rec["row"]))
    if new_rows:
        schema = _allow_source_file(schema, source_name)
        candidate = pd.DataFrame(new_rows, columns=[f["name"] for f in schema["fields"]],
                                 dtype=str)
        candidate.index = pd.Index(new_lines, name="line")
        # The shipped schema has the last word (patterns, enums, booleans).
        problems += _not_yet_reported(problems, validate.check_table(candidate, schema,
                                                                      file=label))
    if problems:
        raise DataValidationError(problems)
    if not new_rows:
        return (f"{label}: report year {year}: nothing to add ({skipped} identical row(s) "
                "already shipped); no file was written")

    keep = raw.drop(index=replaced_lines)
    combined = pd.concat([keep, candidate], ignore_index=True)
    combined = _sorted_raw(combined, schema, SORT_TIERS).reset_index(drop=True)
    combined.index = pd.Index(range(2, len(combined) + 2), name="line")
    problems = validate.check_table(combined, schema, file=res["path"])
    if problems:  # e.g. a special case with a tier: should not happen, but never write it
        raise DataValidationError(problems)
    tiers_bytes = _csv_bytes(combined, schema)

    placements = validate.cast_table(combined, schema)
    official = _data.load_official_counts(root)
    gaps = _data.load_known_gaps(root)
    coverage = compute_coverage(placements, official, gaps)
    cov_res = validate.resource(descriptor, _data.COVERAGE)
    coverage_bytes = validate.format_csv(coverage, cov_res["schema"])
    cov_raw, cov_problems = validate.parse_csv_text(coverage_bytes.decode(), file=_data.COVERAGE)
    cov_problems += validate.check_table(cov_raw, cov_res["schema"], file=_data.COVERAGE)
    if cov_problems:
        raise DataValidationError(cov_problems)
    descriptor = copy.deepcopy(descriptor)
    validate.resource(descriptor, _data.TIERS)["schema"] = schema
    extra = {}
    if record is not None:
        if data is not None:
            _check_unchanged(path, data)
        replaced = [f"{raw.loc[line, 'iso3']} {year}: {raw.loc[line, 'tier'] or 'special'} "
                    f"replaced (was from {raw.loc[line, 'source_file']})"
                    for line in replaced_lines]
        extra = record.files(root, replaced)
    _write_all(root, descriptor, {_data.TIERS: tiers_bytes, _data.COVERAGE: coverage_bytes},
               extra)
    added = len(new_rows) - len(replaced_lines)
    return (f"{label}: report year {year}: {added} added, {len(replaced_lines)} replaced, "
            f"{skipped} identical skipped; wrote {_data.TIERS}, {_data.COVERAGE} and "
            f"{validate.DESCRIPTOR}")


# --------------------------------------------------------------------------------------------
# enforcement
# --------------------------------------------------------------------------------------------

_ENF_OPTIONAL = ("iso3", "country", "report_year", "period_start", "period_end", "quote",
                 "source_title")
_COUNT_UNITS = ("cases", "persons")
#: Spelling of a measure name (that of the shipped measures and the descriptor's pattern).
_MEASURE_NAME = re.compile(r"[a-z][a-z0-9_]*")


def _check_new_measures(new_measures: Mapping[str, str], label: str) -> list[Problem]:
    """Check the names and definitions of measures the caller declares as new."""
    problems = []
    for name, definition in new_measures.items():
        if not isinstance(name, str) or not _MEASURE_NAME.fullmatch(name):
            problems.append(Problem(label, None, "measure", name,
                                    "a new measure name is lower-case letters, digits and '_', "
                                    "starting with a letter (e.g. shelter_admissions)"))
        if not isinstance(definition, str) or not definition.strip() \
                or "\n" in definition.strip():
            problems.append(Problem(label, None, "measure", name,
                                    "a new measure needs a one-line definition (what is counted, "
                                    "over which period), e.g. --new-measure NAME \"DEFINITION\""))
    return problems


def _define_measures(schema: Mapping[str, Any], entries: Mapping[str, str]) -> dict[str, Any]:
    """Return the schema with new measures allowed and defined on its ``measure`` field.

    Each name is added to an ``enum`` constraint if the field has one (else the file would not
    validate), and ``"name (...): definition"`` is appended to the field's description, which
    is the descriptor's codebook of measures.

    Examples
    --------
    >>> schema = {"fields": [{"name": "measure", "description": "convictions",
    ...                       "constraints": {"enum": ["convictions"]}}]}
    >>> field = _define_measures(schema, {"exits": "exits (government; unit persons): left"})
    >>> field["fields"][0]["constraints"]["enum"], field["fields"][0]["description"]
    (['convictions', 'exits'], 'convictions. exits (government; unit persons): left.')
    """
    schema = copy.deepcopy(dict(schema))
    for field in schema["fields"]:
        if field["name"] != "measure":
            continue
        enum = (field.get("constraints") or {}).get("enum")
        if enum is not None:
            field["constraints"]["enum"] = [*enum, *(n for n in entries if n not in enum)]
        text = str(field.get("description") or "").rstrip()
        if text and not text.endswith("."):
            text += "."
        added = " ".join(e if e.endswith(".") else f"{e}." for e in entries.values())
        field["description"] = f"{text} {added}".strip()
    return schema


def add_enforcement(
    file: Path | str,
    *,
    source_url: str,
    reported_by: str,
    replace: bool = False,
    new_measures: Mapping[str, str] | None = None,
    data_dir: Path | str | None = None,
) -> str:
    """Add enforcement / protection figures to ``kuwait/enforcement.csv``.

    The input (CSV or XLSX) has the enforcement columns: ``iso3`` or ``country`` (or both,
    which must agree), ``measure``, ``unit``, ``value`` and optionally ``report_year``,
    ``period_start``, ``period_end``, ``quote``, ``source_title``. ``reported_by`` and
    ``source_url`` apply to every row. Checks: names resolve, measure and unit are ones the
    schema allows, values are non-negative numbers (whole numbers for cases/persons) or empty
    (= not published), ``report_year`` is given for TIP-report figures and empty for
    government figures, periods are ISO dates with start ≤ end, no key appears twice, and no
    shipped row with the same key has a different unit or value unless ``replace`` (identical
    rows are skipped and counted). Writes the file and ``datapackage.json`` atomically, or
    nothing.

    A measure is known if it is one of :data:`TIP_MEASURES` or already in the file for the
    same ``reported_by``. Any other measure is refused (file, row, value) unless it is
    declared in ``new_measures``: then its rows are added and the measure is recorded in
    ``datapackage.json`` in the same atomic write (added to the ``measure`` field's ``enum``
    if it has one; ``"name (reported_by; unit ...): definition"`` appended to the field's
    description). A declared measure must be new and used by at least one row.

    Parameters
    ----------
    file : path
        CSV or XLSX input.
    source_url : str
        http(s) URL of the source, stored on every row.
    reported_by : {"tip_report", "government"}
        Who published the figures.
    replace : bool
        Overwrite shipped rows with the same key and a different unit or value.
    new_measures : mapping of str to str, optional
        ``{measure name: one-line definition}`` of measures to add to the data.
    data_dir : path, optional
        Data folder to update (default :func:`tipanalysis.core.paths.data_dir`); its own country
        reference resolves the names.

    Returns
    -------
    str
        Summary of what was added, replaced, skipped and defined.

    Examples
    --------
    >>> url = "https://www.state.gov/reports/2025-trafficking-in-persons-report/kuwait/"
    >>> print(add_enforcement("kwt_2025.csv", reported_by="tip_report",
    ...                       source_url=url))  # doctest: +SKIP
    kwt_2025.csv: 5 added, 0 replaced, 0 identical skipped; wrote kuwait/enforcement.csv ...
    >>> print(add_enforcement(
    ...     "pam_2024.csv", reported_by="government", source_url=url,
    ...     new_measures={"shelter_exits": "Women who left the PAM shelter in the period"},
    ... ))  # doctest: +SKIP
    pam_2024.csv: 1 added, ...; new measure(s) shelter_exits recorded in datapackage.json ...
    """
    root = _root(data_dir)
    path = Path(file)
    with transaction.locked(root):
        provenance.refuse_edited(root)
        data = _input_bytes(path)
        record = _Record("add-enforcement", data, path.name,
                         {"reported_by": reported_by, "source_url": str(source_url).strip(),
                          "new_measures": dict(new_measures or {})},
                         [str(source_url).strip()])
        return _add_enforcement(path, source_url=source_url, reported_by=reported_by,
                                replace=replace, new_measures=new_measures, root=root,
                                record=record, data=data)


def _add_enforcement(path: Path, *, source_url: str, reported_by: str, replace: bool,
                     new_measures: Mapping[str, str] | None, root: Path,
                     record: _Record | None, data: bytes | None = None) -> str:
    """:func:`add_enforcement` under the lock; ``record`` None = replay (no new snapshot)."""
    label = str(path)
    problems: list[Problem] = _check_url(source_url, label)
    new_measures = dict(new_measures or {})
    problems += _check_new_measures(new_measures, label)
    if reported_by not in _data.REPORTED_BY:
        problems.append(Problem(label, None, "reported_by", reported_by,
                                f"must be one of {list(_data.REPORTED_BY)}"))
    try:
        table, label = read_table(path)
    except DataValidationError as exc:
        raise DataValidationError(problems + exc.problems) from None
    found, col_problems = _columns(table, label, ("measure", "unit", "value"), _ENF_OPTIONAL)
    if "iso3" not in found and "country" not in found:
        col_problems.append(Problem(label, 1, "iso3", None,
                                    "a column 'iso3' or 'country' is required"))
    if col_problems:
        raise DataValidationError(problems + col_problems)
    if table.empty:
        raise DataValidationError([*problems, Problem(label, None, None, None, "no rows")])

    def col(name: str) -> list[str]:
        if name not in found:
            return [""] * len(table)
        return [v.strip() for v in table[found[name]]]

    rows = [int(r) for r in table.index]
    iso3 = col("iso3")
    if "country" in found:
        codes, name_problems = _resolve(col("country"), rows, label, "country", root)
        problems += name_problems
        for i, code in enumerate(codes):
            if iso3[i] and code and iso3[i] != code:
                problems.append(Problem(label, rows[i], "iso3", iso3[i],
                                        f"does not match country {col('country')[i]!r} ({code})"))
            elif not iso3[i]:
                iso3[i] = code or ""
    else:  # codes must be known countries, not just three capital letters
        _, code_problems = _resolve(iso3, rows, label, "iso3", root)
        problems += code_problems
    raw, res, descriptor = _raw_table(root, _data.ENFORCEMENT)
    known_measures = sorted(set(TIP_MEASURES)
                            | set(raw.loc[raw["reported_by"].eq(reported_by), "measure"]))
    measures = col("measure")
    values = col("value")
    units = col("unit")
    report_years = col("report_year")
    starts, ends = col("period_start"), col("period_end")
    for name in new_measures:
        if name in known_measures:
            problems.append(Problem(label, None, "measure", name,
                                    f"declared as new but already known for "
                                    f"reported_by={reported_by!r}; do not declare it"))
        elif name not in measures:
            problems.append(Problem(label, None, "measure", name,
                                    "declared as new but no row of the file uses it"))
    known_years = [_latest_year(raw["report_year"]) if "report_year" in raw else None]
    tiers_res = [r for r in descriptor.get("resources", []) if r.get("path") == _data.TIERS]
    if tiers_res and (root / _data.TIERS).is_file():
        known_years.append(_latest_year(
            validate.read_raw_csv(root / _data.TIERS, file=_data.TIERS)["report_year"]))
    known_years = [y for y in known_years if y is not None]
    latest = max(known_years) if known_years else dt.date.today().year
    last_allowed = latest + 1
    for i, row in enumerate(rows):
        if report_years[i] and (not re.fullmatch(r"[0-9]{4}", report_years[i])
                                or not FIRST_REPORT_YEAR <= int(report_years[i])
                                <= last_allowed):
            problems.append(Problem(label, row, "report_year", report_years[i],
                                    f"report year must be between {FIRST_REPORT_YEAR} and "
                                    f"{last_allowed} (the data's latest report year + 1)"))
        if measures[i] and measures[i] not in known_measures \
                and measures[i] not in new_measures:
            problems.append(Problem(
                label, row, "measure", measures[i],
                f"unknown measure for reported_by={reported_by!r}; known: "
                f"{', '.join(known_measures)}. To add it, declare it with its definition: "
                f"--new-measure {measures[i]} \"DEFINITION\" (new_measures= in Python)"))
        problems += _check_count(values, i, units[i], label, row)
        if reported_by == "tip_report" and not report_years[i]:
            problems.append(Problem(label, row, "report_year", "",
                                    "TIP-report figures need the report year"))
        if reported_by == "government" and report_years[i]:
            problems.append(Problem(label, row, "report_year", report_years[i],
                                    "government figures have no TIP report year; leave empty"))
        if starts[i] and ends[i] and starts[i] > ends[i]:
            problems.append(Problem(label, row, "period_end", ends[i],
                                    f"period ends before it starts ({starts[i]})"))

    schema = res["schema"]
    added_measures = [m for m in new_measures if m not in known_measures]
    if added_measures:
        entries = {}
        for m in added_measures:
            # The rows' own units are recorded with the definition: they are what the data say.
            used = sorted({u for u, x in zip(units, measures, strict=True) if x == m and u})
            entries[m] = f"{m} ({reported_by}; unit {'/'.join(used)}): {new_measures[m].strip()}"
        schema = _define_measures(schema, entries)
    names = [f["name"] for f in schema["fields"]]
    cells = {"iso3": iso3, "reported_by": [reported_by] * len(rows),
             "report_year": report_years, "period_start": starts, "period_end": ends,
             "measure": measures, "unit": units, "value": values,
             "source_title": col("source_title"), "source_url": [source_url.strip()] * len(rows),
             "quote": col("quote")}
    unknown = [n for n in names if n not in cells]
    if unknown:
        raise DataValidationError([Problem(res["path"], 1, n, None,
                                           "schema column that add-enforcement cannot fill")
                                   for n in unknown])
    for field in schema["fields"]:
        name = field["name"]
        if (field.get("constraints") or {}).get("required") and name in _ENF_OPTIONAL \
                and name not in found and not (name == "iso3" and "country" in found):
            problems.append(Problem(label, 1, name, None,
                                    f"required column is missing ({res['path']} requires "
                                    f"{name} on every row)"))
    candidate = pd.DataFrame({n: cells[n] for n in names}, dtype=str)
    candidate.index = pd.Index(rows, name="line")
    # Types, enums (measure, unit), minimum, patterns and duplicate keys, per the schema.
    problems += _not_yet_reported(problems, validate.check_table(candidate, schema, file=label))

    keys = validate.table_keys(schema)
    key = keys[0] if keys else list(SORT_ENFORCEMENT)
    shipped = {tuple(r[k] for k in key): (line, r)
               for line, r in zip(raw.index, raw.to_dict("records"), strict=True)}
    compare = [c for c in ("report_year", "unit", "value") if c in names]
    keep_rows, keep_lines, replaced, skipped = [], [], [], 0
    for line, rec in zip(candidate.index, candidate.to_dict("records"), strict=True):
        k = tuple(rec[c] for c in key)
        if k in shipped:
            old_line, old = shipped[k]
            if all(_same(old[c], rec[c], c) for c in compare):
                skipped += 1
                continue
            if not replace:
                problems.append(Problem(
                    label, int(line), "value", rec["value"],
                    f"conflicts with {res['path']} row {old_line} (unit {old['unit']!r}, "
                    f"value {old['value']!r}); use --replace to overwrite"))
                continue
            replaced.append(old_line)
        keep_rows.append(rec)
        keep_lines.append(int(line))
    if problems:
        raise DataValidationError(problems)
    if not keep_rows:
        return (f"{label}: nothing to add ({skipped} identical row(s) already shipped); "
                "no file was written")
    new = pd.DataFrame(keep_rows, columns=names, dtype=str)
    combined = pd.concat([raw.drop(index=replaced), new], ignore_index=True)
    sort_keys = tuple(k for k in SORT_ENFORCEMENT if k in names)
    combined = _sorted_raw(combined, schema, sort_keys).reset_index(drop=True)
    combined.index = pd.Index(range(2, len(combined) + 2), name="line")
    final = validate.check_table(combined, schema, file=res["path"])
    if final:
        raise DataValidationError(final)
    if added_measures:  # the definition is written with the rows, or not at all
        descriptor = copy.deepcopy(descriptor)
        validate.resource(descriptor, _data.ENFORCEMENT)["schema"] = schema
    extra = {}
    if record is not None:
        if data is not None:
            _check_unchanged(path, data)
        replaced_rows = [
            f"{raw.loc[line, 'iso3']} {raw.loc[line, 'reported_by']} {raw.loc[line, 'measure']} "
            f"{raw.loc[line, 'period_start']}..{raw.loc[line, 'period_end']}: value "
            f"{raw.loc[line, 'value']!r} replaced" for line in replaced]
        extra = record.files(root, replaced_rows)
    _write_all(root, descriptor, {_data.ENFORCEMENT: _csv_bytes(combined, schema)}, extra)
    defined = (f"; new measure(s) {', '.join(added_measures)} recorded in {validate.DESCRIPTOR} "
               "(add them to the codebook data/README.md)" if added_measures else "")
    return (f"{label}: {len(keep_rows) - len(replaced)} added, {len(replaced)} replaced, "
            f"{skipped} identical skipped; wrote {_data.ENFORCEMENT} and {validate.DESCRIPTOR}"
            f"{defined}")


class Replayer(Protocol):
    """Re-applies one kept snapshot to ``root`` without recording a new one; returns its
    summary line (see :func:`register_replayer`)."""

    def __call__(self, file: Path, *, replace: bool, root: Path) -> str: ...


#: Replayers of ingest commands implemented above the data layer (``strategy-import``).
_REPLAYERS: dict[str, Replayer] = {}


def register_replayer(command: str, replayer: Replayer) -> None:
    """Let :func:`replay_ingests` replay snapshots recorded by ``command``.

    Parameters
    ----------
    command : str
        The ``ingest.command`` of manifest entries, e.g. ``strategy-import``.
    replayer : callable
        ``replayer(file, replace=..., root=...) -> str``: applies the snapshot ``file`` to the
        data folder ``root`` (whose lock the replay holds), with ``replace`` when a ``--replace``
        decision was recorded for it; records no snapshot or decision.
    """
    if command in ("add-tiers", "add-enforcement"):
        raise ValueError(f"{command} is replayed by tipanalysis.data.ingest itself")
    _REPLAYERS[command] = replayer


def replay_ingests(data_dir: Path | str | None, snapshots: Path | str) -> list[str]:
    """Re-apply the ingested snapshots of ``snapshots`` to ``data_dir``; return the summaries.

    ``data_dir`` holds the tables built from the base snapshots (``scripts/build_data.py``);
    ``snapshots`` is a snapshots folder whose manifest lists ingested inputs (entries with an
    ``ingest`` record). Each is applied in the order it was added, with its recorded parameters
    and, where ``decisions.json`` records one, its ``--replace`` decision; then the ingest
    snapshots, the manifest and the decisions are copied, in the same commit as the last table.
    The result is byte for byte the folder the ingest commands produced (tests check it, from
    ``scripts/build_data.py`` output too). ``add-tiers``, ``add-enforcement`` and
    ``strategy-import`` snapshots are replayed (the last by the replayer that
    :mod:`tipanalysis.strategy` registers with :func:`register_replayer` when it is imported:
    the strategy layer sits above this one); a command without a replayer is refused before
    anything is written.

    Parameters
    ----------
    data_dir : Path or str or None
        Data folder built from the base snapshots; written under its lock.
    snapshots : Path or str
        Snapshots folder with ``snapshots.json`` (and ``decisions.json``).

    Returns
    -------
    list of str
        The summary line of each replayed ingest, in order.

    Raises
    ------
    DataIntegrityError
        If a snapshot differs from its manifest entry.
    DataValidationError
        If an entry names a command without a replayer, or an ingest fails as it would have
        when it was first run.
    """

    root = _root(data_dir)
    snapshots = Path(snapshots)
    decisions = provenance.read_decisions(snapshots)
    entries = provenance.ingest_entries(snapshots)
    known = ("add-tiers", "add-enforcement", *_REPLAYERS)
    unknown = [Problem(f"{validate.SNAPSHOTS}/{validate.SNAPSHOT_MANIFEST}", None, "ingest",
                       e["ingest"].get("command"),
                       f"snapshot {e['path']}: no replayer for this command (known: "
                       f"{', '.join(known)}; `strategy-import` is registered by importing "
                       "tipanalysis.strategy)")
               for e in entries if e["ingest"].get("command") not in known]
    if unknown:
        raise DataValidationError(unknown)
    done = []
    with transaction.locked(root):
        for entry in entries:
            info = entry["ingest"]
            file = snapshots / entry["path"]
            if validate.sha256_hash(file.read_bytes()) != entry["hash"]:
                raise validate.DataIntegrityError([Problem(
                    f"{validate.SNAPSHOTS}/{entry['path']}", None, None, None,
                    "snapshot differs from its manifest entry; it cannot be replayed")])
            replace = entry["path"] in decisions
            if info.get("command") == "add-tiers":
                done.append(_add_tiers(file, year=int(info["year"]),
                                       source_url=info["source_url"], replace=replace,
                                       root=root, record=None,
                                       source_name=info.get("file_name")))
            elif info.get("command") == "add-enforcement":
                done.append(_add_enforcement(file, source_url=info["source_url"],
                                             reported_by=info["reported_by"], replace=replace,
                                             new_measures=info.get("new_measures") or {},
                                             root=root, record=None))
            else:
                done.append(_REPLAYERS[info.get("command")](file, replace=replace, root=root))
        copies: dict[str, bytes] = {}
        for path in sorted((snapshots / provenance.INGEST).rglob("*")):
            if path.is_file() and not transaction.is_own_file(path):
                rel = path.relative_to(snapshots).as_posix()
                copies[f"{validate.SNAPSHOTS}/{rel}"] = path.read_bytes()
        for name in (validate.SNAPSHOT_MANIFEST, validate.DECISIONS):
            if (snapshots / name).is_file():
                copies[f"{validate.SNAPSHOTS}/{name}"] = (snapshots / name).read_bytes()
        transaction.commit(root, copies)
    return done


def _check_count(values: list[str], i: int, unit: str, label: str, row: int) -> list[Problem]:
    """Check ``values[i]``; normalise thousands separators ("1,234" → "1234") in place."""
    value = values[i]
    if not value:
        return []  # not published: stays missing
    text = value.replace(",", "") if re.fullmatch(r"[0-9]{1,3}(,[0-9]{3})+(\.[0-9]+)?",
                                                  value) else value
    if not re.fullmatch(r"-?[0-9]+(\.[0-9]+)?", text):
        return [Problem(label, row, "value", value, "not a number")]
    number = float(text)
    if number < 0:
        return [Problem(label, row, "value", value, "a count cannot be negative")]
    if unit in _COUNT_UNITS and not number.is_integer():
        return [Problem(label, row, "value", value, f"a count of {unit} must be a whole number")]
    if unit in _COUNT_UNITS and number > MAX_COUNT:
        return [Problem(label, row, "value", value,
                        f"implausibly large count of {unit} (above {MAX_COUNT:,}); check the "
                        "figure")]
    if number > 1e15:
        return [Problem(label, row, "value", value, "implausibly large number")]
    values[i] = text
    return []


def _same(old: str, new: str, column: str) -> bool:
    if column == "value" and old and new:
        try:
            return float(old) == float(new)
        except ValueError:
            return old == new
    return old == new


def __dir__() -> list[str]:
    # Tab completion shows the public API only, not pd, np or helpers.
    return list(__all__)
