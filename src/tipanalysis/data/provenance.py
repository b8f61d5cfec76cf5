"""Ingested inputs kept as immutable snapshots, and the decisions taken on them.

``add-tiers``, ``add-enforcement`` and ``strategy import`` keep the file they read, byte for
byte, under ``snapshots/ingest/<sequence>-<command>-<UTC time>/<file name>`` with an entry in
``snapshots/snapshots.json`` (sha256, size, source URL, date, the command line that added it
and the command's parameters), in the same all-or-nothing commit as the tables they change.
``--replace`` is recorded in ``snapshots/decisions.json`` (which rows it replaced, by which
command, when): a replay of the snapshots (:func:`tipanalysis.data.ingest.replay_ingests`)
applies the recorded decisions, so the tables are reproducible from the snapshots.

Writers also call :func:`refuse_edited` first: a folder whose files differ from the descriptor
(or whose snapshots differ from their manifest) is not written to, so nothing re-hashes a file
it did not write.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from tipanalysis.core.errors import DataValidationError, Problem
from tipanalysis.data import descriptor as validate
from tipanalysis.data import transaction

__all__ = ["ingest_entries", "read_decisions", "refuse_edited", "snapshot_files"]

INGEST = "ingest"
_MANIFEST_HEAD = {
    "title": "tipanalysis input snapshots",
    "description": "Immutable raw inputs from which scripts/build_data.py rebuilds data/. A "
                   "snapshot is never edited: a new input is a new file with its own entry.",
}


def refuse_edited(root: Path) -> None:
    """Raise if a described file or a snapshot differs from its recorded sha256/size.

    Raises
    ------
    DataIntegrityError
        Listing every such file, with what to do (restore it, or ``tipanalysis data accept-edits``).
    """
    problems = validate.verify_package(root)
    if (root / validate.SNAPSHOTS / validate.SNAPSHOT_MANIFEST).is_file():
        problems += validate.check_snapshots(root / validate.SNAPSHOTS)
    if problems:
        hint = ("the data folder does not match its descriptor, so nothing was written "
                "(a write would re-hash files this command did not write): restore the "
                "files (e.g. `git checkout data/`) or, if the edits are deliberate, record "
                "them with `tipanalysis data accept-edits --reason \"...\"`")
        raise validate.DataIntegrityError([*problems, Problem(
            validate.DESCRIPTOR, None, None, None, hint)])


def _read_json(path: Path, default: dict[str, Any]) -> dict[str, Any]:
    if not path.is_file():
        return dict(default)
    try:
        value = json.loads(path.read_text(encoding="utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError) as exc:
        raise DataValidationError([Problem(path.name, None, None, None,
                                           f"not valid JSON: {exc}")]) from None
    if not isinstance(value, dict):
        raise DataValidationError([Problem(path.name, None, None, None,
                                           "must be a JSON object")])
    return value


def _dump(value: Any) -> bytes:
    # The manifest's own format (that of scripts/snapshots.py): indent 2, non-ASCII kept.
    return (json.dumps(value, indent=2, ensure_ascii=False) + "\n").encode("utf-8")


def ingest_entries(snapshots: Path) -> list[dict[str, Any]]:
    """Manifest entries of ingested snapshots, in the order they were added."""
    manifest = _read_json(snapshots / validate.SNAPSHOT_MANIFEST, {"snapshots": []})
    entries = [e for e in manifest.get("snapshots") or []
               if isinstance(e, dict) and isinstance(e.get("ingest"), dict)]
    return sorted(entries, key=lambda e: int(e["ingest"].get("sequence", 0)))


def read_decisions(snapshots: Path) -> dict[str, dict[str, Any]]:
    """``{snapshot path: decision}`` from ``decisions.json`` (empty when there is none)."""
    value = _read_json(snapshots / validate.DECISIONS, {"decisions": []})
    return {d["snapshot"]: d for d in value.get("decisions") or []
            if isinstance(d, dict) and isinstance(d.get("snapshot"), str)}


def snapshot_files(
    root: Path,
    data: bytes,
    name: str,
    *,
    command: str,
    params: Mapping[str, Any],
    sources: Sequence[str],
    replaced: Sequence[str] = (),
) -> dict[str, bytes]:
    """Files to commit with an ingest: the snapshot, the manifest, and any decision.

    Parameters
    ----------
    root : Path
        Data folder (its ``snapshots/`` gets the new files).
    data : bytes
        The input exactly as read.
    name : str
        The input's file name (kept: tables cite it as ``source_file``).
    command : str
        ``add-tiers``, ``add-enforcement`` or ``strategy-import``.
    params : mapping
        What a replay needs besides the file (year, source URL, reported_by, new measures).
    sources : sequence of str
        Source URLs of the input.
    replaced : sequence of str
        Rows the command replaced (``--replace``); a decision is recorded when not empty.

    Returns
    -------
    dict
        ``{path relative to root: bytes}``.
    """
    folder = root / validate.SNAPSHOTS
    manifest = _read_json(folder / validate.SNAPSHOT_MANIFEST, {**_MANIFEST_HEAD,
                                                                "snapshots": []})
    entries = [e for e in manifest.get("snapshots") or [] if isinstance(e, dict)]
    sequence = 1 + max((int(e["ingest"].get("sequence", 0)) for e in entries
                        if isinstance(e.get("ingest"), dict)), default=0)
    now = dt.datetime.now(dt.UTC)
    safe = re.sub(r"[^\w.+-]", "_", name).lstrip(".") or "input"
    rel = f"{INGEST}/{sequence:04d}-{command}-{now.strftime('%Y%m%dT%H%M%SZ')}/{safe}"
    line = transaction.command_line()
    today = now.date().isoformat()
    entry = {
        "path": rel,
        "title": f"{command} input {name}",
        "producer": "entered with tipanalysis (see sources)",
        "sources": list(sources),
        "licence": "as published by the source",
        "accessed": today,
        "added": today,
        "added_by": line,
        "ingest": {"sequence": sequence, "command": command, "file_name": name, **params},
        "bytes": len(data),
        "hash": validate.sha256_hash(data),
    }
    manifest["snapshots"] = sorted([*entries, entry], key=lambda e: str(e.get("path")))
    prefix = f"{validate.SNAPSHOTS}/"
    files = {prefix + rel: data, prefix + validate.SNAPSHOT_MANIFEST: _dump(manifest)}
    if replaced:
        decisions = _read_json(folder / validate.DECISIONS, {
            "description": "Decisions taken when ingesting (--replace): applied when the "
                           "snapshots are replayed.", "decisions": []})
        decisions["decisions"] = [*(decisions.get("decisions") or []), {
            "snapshot": rel, "decision": "replace", "replaced": list(replaced),
            "command": line, "date": today}]
        files[prefix + validate.DECISIONS] = _dump(decisions)
    return files


def __dir__() -> list[str]:
    return list(__all__)
