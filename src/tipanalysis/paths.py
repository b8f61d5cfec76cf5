"""Where things live. Every path in the package is derived here, so notebooks run from any folder.

The data folder defaults to ``<repo>/data`` (the package is installed in editable mode from the
repository); set ``TIPANALYSIS_DATA_DIR`` to point the loaders at another copy, e.g. in tests.
"""

from __future__ import annotations

import os
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
REPO_DIR = PACKAGE_DIR.parent.parent


def data_dir() -> Path:
    """Return the data folder (``$TIPANALYSIS_DATA_DIR`` or ``<repo>/data``)."""
    env = os.environ.get("TIPANALYSIS_DATA_DIR")
    if env:
        return Path(env).resolve()
    default = REPO_DIR / "data"
    if not default.is_dir():  # e.g. installed from a wheel: no repository around the package
        raise FileNotFoundError(
            f"no data folder at {default}: set TIPANALYSIS_DATA_DIR=/path/to/tipanalysis/data "
            "(or pass data_dir=... / --data-dir DIR)")
    return default


def notebooks_dir() -> Path:
    """Return the folder holding the numbered report notebooks."""
    return REPO_DIR / "notebooks"


def cache_dir() -> Path:
    """Return the folder for disposable run records (``$TIPANALYSIS_CACHE_DIR``, else
    ``$XDG_CACHE_HOME/tipanalysis``, else ``~/.cache/tipanalysis``); nothing in it affects results.
    """
    env = os.environ.get("TIPANALYSIS_CACHE_DIR")
    if env:
        return Path(env).resolve()
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "tipanalysis"


#: Set by the report runner for each kernel: where a notebook writes files of its own.
REPORTS_ENV = "TIPANALYSIS_REPORTS_DIR"


def reports_dir() -> Path:
    """Return the reports folder (``$TIPANALYSIS_REPORTS_DIR``, else ``<repo>/reports``).

    The runner points the variable at its staging folder, so that files a notebook writes
    (e.g. the briefs) are published together with the reports, or not at all.
    """
    env = os.environ.get(REPORTS_ENV)
    return Path(env).resolve() if env else REPO_DIR / "reports"
