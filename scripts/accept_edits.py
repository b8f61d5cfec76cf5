#!/usr/bin/env python
"""Record deliberate edits of data files: update their sha256/size in ``datapackage.json``.

Loaders refuse a data file whose sha256 or size differs from the descriptor, and the ingest
commands refuse to write to such a folder. When an edit is deliberate, this script records it:
it checks the edited tables against their schema, updates the descriptor, and appends one line
(when, who, why, the command, each file's old and new sha256 and size) to
``accepted_edits.jsonl`` in the data folder, all in one locked, atomic commit.

Run from the repository root::

    .venv/bin/python scripts/accept_edits.py --reason "corrected KWT 2025 note (typo)"
    .venv/bin/python scripts/accept_edits.py --data-dir /tmp/d --reason "..." --who "A. Coder"
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from tipanalysis.core.errors import DataValidationError
from tipanalysis.data.descriptor import accept_edits


def main(argv: Sequence[str] | None = None) -> int:
    """Command line; return the exit code."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reason", required=True, help="why the files were edited")
    parser.add_argument("--who", default=None, help="who edited them (default: the user name)")
    parser.add_argument("--data-dir", type=Path, default=None,
                        help="data folder (default: TIPANALYSIS_DATA_DIR or data/)")
    args = parser.parse_args(argv)
    try:
        changed = accept_edits(args.reason, args.data_dir, who=args.who)
    except (DataValidationError, ValueError, OSError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    if not changed:
        print("no edited file: every file matches datapackage.json; nothing written")
    for path in changed:
        print(f"accepted the edit of {path} (logged in accepted_edits.jsonl)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
