#!/usr/bin/env python
"""Record deliberate edits of data files: ``tipanalysis data accept-edits``, kept as a script.

A thin wrapper of the command line (:mod:`tipanalysis.report.cli`): it checks the edited tables
against their schema, updates their sha256/size in ``datapackage.json`` and appends one line
(when, who, why, the command, each file's old and new sha256 and size) to
``accepted_edits.jsonl`` in the data folder, all in one locked, atomic commit.

Run from the repository root (the two lines are equivalent)::

    .venv/bin/python scripts/accept_edits.py --reason "corrected KWT 2025 note (typo)"
    .venv/bin/tipanalysis data accept-edits --reason "corrected KWT 2025 note (typo)"
    .venv/bin/python scripts/accept_edits.py --data-dir /tmp/d --reason "..." --who "A. Coder"
"""

from __future__ import annotations

import sys
from collections.abc import Sequence

from tipanalysis.report import cli


def main(argv: Sequence[str] | None = None) -> int:
    """Run ``tipanalysis data accept-edits`` with ``argv``; return the exit code."""
    return cli.main(["data", "accept-edits", *(sys.argv[1:] if argv is None else argv)])


if __name__ == "__main__":
    sys.exit(main())
