"""Shared test fixtures. The miniature data folder in ``tests/fixtures/data`` is SYNTHETIC."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

FIXTURE_DATA = Path(__file__).resolve().parent / "fixtures" / "data"


@pytest.fixture
def fixture_data() -> Path:
    """The synthetic miniature data folder (read-only: copy it before changing anything)."""
    return FIXTURE_DATA


@pytest.fixture
def data_copy(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A writable copy of the synthetic data folder, also set as ``TIPANALYSIS_DATA_DIR``."""
    target = tmp_path / "data"
    shutil.copytree(FIXTURE_DATA, target)
    monkeypatch.setenv("TIPANALYSIS_DATA_DIR", str(target))
    return target


@pytest.fixture
def snapshot() -> Callable[[Path], dict[str, bytes]]:
    """Return a function mapping every file under a folder to its bytes (to prove no write)."""

    def take(folder: Path) -> dict[str, bytes]:
        # The write lock (.tipanalysis.lock) is created by the first write attempt and kept;
        # it and its owner file are lock machinery, not data (README, "Data safety").
        return {p.relative_to(folder).as_posix(): p.read_bytes()
                for p in sorted(folder.rglob("*"))
                if p.is_file() and p.name not in (".tipanalysis.lock", ".tipanalysis.lock.owner")}

    return take


@pytest.fixture(autouse=True)
def private_cache(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
                  ) -> Path:
    """Keep the runner's duration record (``paths.cache_dir``) out of the user's home."""
    folder = tmp_path_factory.mktemp("cache")
    monkeypatch.setenv("TIPANALYSIS_CACHE_DIR", str(folder))
    return folder
