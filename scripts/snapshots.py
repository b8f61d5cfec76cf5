#!/usr/bin/env python
"""Record new input snapshots in ``data/snapshots/snapshots.json`` (never edit an old one).

A snapshot is a raw input kept byte for byte. This script lists files already copied into
``data/snapshots/`` in the manifest with their provenance (title, producer, source URLs,
licence, date read, how they were added), sha256 and size. It refuses to re-record a listed
file whose bytes changed: a changed input is a new snapshot under a new name.

Run from the repository root::

    .venv/bin/python scripts/snapshots.py add narratives/findings.csv \\
        --title "..." --producer "..." --source https://... --licence "..." \\
        --accessed 2026-12-05 --added-by "coded by the project (coder A)"
    .venv/bin/python scripts/snapshots.py check
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path

from tipanalysis.validate import atomic_write_bytes, check_snapshots, sha256_hash

REPO = Path(__file__).resolve().parent.parent
FOLDER = REPO / "data" / "snapshots"
MANIFEST = "snapshots.json"


def add(folder: Path, paths: Sequence[str], meta: dict) -> list[str]:
    """Add manifest entries for ``paths`` (relative to ``folder``); return what changed."""
    manifest = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
    entries = {e["path"]: e for e in manifest["snapshots"]}
    done = []
    for rel in paths:
        data = (folder / rel).read_bytes()
        digest = sha256_hash(data)
        if rel in entries:
            if entries[rel]["hash"] != digest:
                raise SystemExit(f"error: snapshots/{rel} is already recorded with other bytes; "
                                 "snapshots are immutable: add the new version under a new name")
            continue
        entries[rel] = {"path": rel, **meta, "bytes": len(data), "hash": digest}
        done.append(rel)
    manifest["snapshots"] = [entries[k] for k in sorted(entries)]
    text = json.dumps(manifest, indent=2, ensure_ascii=False) + "\n"
    atomic_write_bytes(folder / MANIFEST, text.encode("utf-8"))
    return done


def main(argv: Sequence[str] | None = None) -> int:
    """Command line; return the exit code."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--folder", type=Path, default=FOLDER)
    sub = parser.add_subparsers(dest="command", required=True)
    a = sub.add_parser("add", help="record files already copied into the snapshots folder")
    a.add_argument("paths", nargs="+")
    a.add_argument("--title", required=True)
    a.add_argument("--producer", required=True)
    a.add_argument("--source", action="append", required=True, dest="sources")
    a.add_argument("--licence", required=True)
    a.add_argument("--accessed", required=True)
    a.add_argument("--added", required=True)
    a.add_argument("--added-by", required=True)
    sub.add_parser("check", help="verify every snapshot against the manifest")
    args = parser.parse_args(argv)
    if args.command == "add":
        meta = {"title": args.title, "producer": args.producer, "sources": args.sources,
                "licence": args.licence, "accessed": args.accessed, "added": args.added,
                "added_by": args.added_by}
        for rel in add(args.folder, args.paths, meta):
            print(f"recorded snapshots/{rel}")
    problems = check_snapshots(args.folder)
    for problem in problems:
        print(f"error: {problem}", file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
