"""Where things live. Every path in the package is derived here, so notebooks run from any folder.

The data folder defaults to ``<repo>/data`` (the package is installed in editable mode from the
repository); set ``TIPANALYSIS_DATA_DIR`` to point the loaders at another copy, e.g. in tests.
"""

from __future__ import annotations

import os
from pathlib import Path

__all__ = [
    "PACKAGE_DIR",
    "REPORTS_ENV",
    "REPO_DIR",
    "cache_dir",
    "data_dir",
    "notebooks_dir",
    "reports_dir",
    "resolve_data_dir",
]

# This file is tipanalysis/core/paths.py; the package folder is one level up.
PACKAGE_DIR = Path(__file__).resolve().parent.parent
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


def resolve_data_dir(folder: Path | str | None = None) -> Path:
    """Return ``folder`` as a Path, or the default data folder (:func:`data_dir`) if None.

    The one place where a loader's ``data_dir=None`` argument becomes a folder.
    """
    return Path(folder) if folder is not None else data_dir()


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


def __dir__() -> list[str]:
    # Tab completion shows the public API only, not pd, np or helpers.
    return list(__all__)
