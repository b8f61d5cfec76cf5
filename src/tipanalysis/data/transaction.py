"""Locked, all-or-nothing writes to a data folder.

Every write to a data folder goes through this module:

- :func:`locked` takes the folder's exclusive lock (``.tipanalysis.lock``, with the
  :mod:`filelock` library). Another process that wants to write waits at most
  ``TIPANALYSIS_LOCK_TIMEOUT`` seconds (default 60), then fails with one line naming the lock
  file and the holder's pid and command (read from ``.tipanalysis.lock.owner``). So two
  concurrent ``add-tiers`` run one after the other: the second reads what the first wrote.
- :func:`commit` replaces several files as one change. Each new file is written to a temp file
  next to its target (``.<name>.tipanalysis-<txid>.tmp``, fsynced). Then a journal
  (``.tipanalysis-journal.json``) listing every target, its temp file and its sha256 is written
  atomically (temp, fsync, rename, fsync of the folder): **that rename is the commit point**.
  Then each temp file is renamed onto its target and the journal is removed.
- :func:`recover` runs whenever the lock is taken (and when a reader finds a journal): a
  journal left by a killed writer is rolled forward (its temp files renamed into place, every
  target checked against the journal's sha256); temp files of ours that no journal names were
  written before a commit point and are removed (rolled back). So after a kill at any instant
  the folder is in the old state or the new one once the next command has opened it.

``data validate`` ignores the lock, owner and journal files and our temp files; it completes an
interrupted commit first (taking the lock) when a journal is present.

Only the file names this module makes are ever removed: ``.<name>.tipanalysis-<txid>.tmp``,
and, from earlier versions of the package, ``.<name>.<8 characters>.tmp`` next to an existing
``<name>``.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import re
import shlex
import signal
import socket
import sys
import threading
import time
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

__all__ = [
    "JOURNAL",
    "LOCK",
    "OWNER",
    "DataLockTimeout",
    "InterruptedCommitError",
    "command_line",
    "commit",
    "is_own_file",
    "locked",
    "recover",
]

LOCK = ".tipanalysis.lock"
OWNER = ".tipanalysis.lock.owner"
JOURNAL = ".tipanalysis-journal.json"
#: Temp files this module writes: ``.<target name>.tipanalysis-<txid>.tmp``.
_TMP = re.compile(r"^\.(?P<name>.+)\.tipanalysis-[0-9a-z_]+\.tmp$")
#: Temp files of ``tempfile.mkstemp(prefix=".<name>.", suffix=".tmp")`` (earlier versions).
_LEGACY_TMP = re.compile(r"^\.(?P<name>.+)\.[a-z0-9_]{8}\.tmp$")
DEFAULT_TIMEOUT = 60.0
#: Test hook: ``TIPANALYSIS_CRASH_AT=<step>`` kills the process (SIGKILL) at that step of
#: :func:`commit` (``staged``, ``journal``, ``renamed-<k>``, ``renamed``); used by
#: tests/test_reliability.py and benchmarks/stress.py.
_CRASH_ENV = "TIPANALYSIS_CRASH_AT"

_process_locks: dict[str, tuple[threading.RLock, Any, list[int]]] = {}
_registry = threading.Lock()


class DataLockTimeout(TimeoutError):
    """Another process holds the data folder's lock for longer than the timeout."""


class InterruptedCommitError(OSError):
    """A journal names a commit that cannot be completed (its files were changed since)."""


def command_line() -> str:
    """The command that is running, as one shell-quoted line (for owner files and manifests)."""
    argv = list(sys.argv) or ["python"]
    if Path(argv[0]).name in ("tipanalysis", "cli.py", "__main__.py"):
        argv[0] = "tipanalysis"
    return shlex.join(argv)


def is_own_file(path: Path) -> bool:
    """True for the lock, owner and journal files and for temp files this module writes."""
    name = path.name
    if name in (LOCK, OWNER, JOURNAL):
        return True
    if _TMP.match(name):
        return True
    m = _LEGACY_TMP.match(name)
    return bool(m) and (path.parent / m.group("name")).exists()


def _timeout() -> float:
    try:
        return max(0.0, float(os.environ.get("TIPANALYSIS_LOCK_TIMEOUT", DEFAULT_TIMEOUT)))
    except ValueError:
        return DEFAULT_TIMEOUT


def _fsync_dir(folder: Path) -> None:
    with contextlib.suppress(OSError):  # not every file system lets a folder be fsynced
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def _crash_point(step: str) -> None:
    if os.environ.get(_CRASH_ENV) == step:
        os.kill(os.getpid(), signal.SIGKILL)


def _holder(root: Path) -> str:
    try:
        info = json.loads((root / OWNER).read_text(encoding="utf-8"))
        return (f"pid {int(info['pid'])} on {info.get('host', '?')}, running "
                f"{info.get('command', '?')!r} since {info.get('since', '?')}")
    except (OSError, ValueError, KeyError, TypeError):
        return "holder unknown"


@contextlib.contextmanager
def locked(data_dir: Path | str, *, timeout: float | None = None) -> Iterator[Path]:
    """Hold the exclusive write lock of ``data_dir`` (re-entrant within a process).

    On entry an interrupted commit is completed and stale temp files are removed
    (:func:`recover`).

    Raises
    ------
    DataLockTimeout
        When another process still holds the lock after ``timeout`` seconds (default
        ``TIPANALYSIS_LOCK_TIMEOUT`` or 60); the message names the lock file and the holder.

    Examples
    --------
    >>> import tempfile
    >>> d = Path(tempfile.mkdtemp())
    >>> with locked(d):
    ...     commit(d, {"a.txt": b"1"})
    >>> (d / "a.txt").read_bytes()
    b'1'
    """
    from filelock import FileLock, Timeout

    root = Path(data_dir).resolve()
    if not root.is_dir():
        raise NotADirectoryError(f"data folder {root} does not exist or is not a folder")
    # Per process: a forked child gets its own lock objects (filelock refuses an instance
    # inherited across fork, and the parent's holding of the lock is not the child's).
    key = f"{os.getpid()}:{root}"
    with _registry:
        if key not in _process_locks:
            flock = FileLock(str(root / LOCK), thread_local=False, preserve_lock_file=True)
            _process_locks[key] = (threading.RLock(), flock, [0])
        rlock, flock, depth = _process_locks[key]
    wait = _timeout() if timeout is None else timeout
    with rlock:
        if depth[0] == 0:
            try:
                flock.acquire(timeout=wait)
            except Timeout:
                raise DataLockTimeout(
                    f"data folder {root} is locked by another tipanalysis process "
                    f"({_holder(root)}); lock file {root / LOCK}; gave up after {wait:g} s "
                    "(TIPANALYSIS_LOCK_TIMEOUT): try again when it has finished") from None
            try:
                owner = {"pid": os.getpid(), "host": socket.gethostname(),
                         "command": command_line(),
                         "since": time.strftime("%Y-%m-%dT%H:%M:%S%z")}
                _write_file(root / OWNER, json.dumps(owner).encode("utf-8"), _txid())
                recover(root)
            except BaseException:
                flock.release()
                raise
        depth[0] += 1
        try:
            yield root
        finally:
            depth[0] -= 1
            if depth[0] == 0:
                with contextlib.suppress(OSError):
                    (root / OWNER).unlink()
                flock.release()


def holds_lock(data_dir: Path | str) -> bool:
    """True if this process holds the lock of ``data_dir``."""
    entry = _process_locks.get(f"{os.getpid()}:{Path(data_dir).resolve()}")
    return bool(entry and entry[2][0] > 0)


def _txid() -> str:
    return f"{time.time_ns():x}{os.getpid():x}"


def _mode_for(path: Path) -> int:
    try:
        return path.stat().st_mode & 0o777
    except FileNotFoundError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def _temp_name(target: Path, txid: str) -> Path:
    return target.parent / f".{target.name}.tipanalysis-{txid}.tmp"


def _write_temp(target: Path, data: bytes, txid: str) -> Path:
    tmp = _temp_name(target, txid)
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, _mode_for(target))
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
    return tmp


def _write_file(target: Path, data: bytes, txid: str) -> None:
    """One file, atomically: temp file, fsync, rename, fsync of the folder."""
    tmp = _write_temp(target, data, txid)
    try:
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
    _fsync_dir(target.parent)


def _sha256(data: bytes) -> str:
    return "sha256:" + hashlib.sha256(data).hexdigest()


def _inside(root: Path, rel: str) -> Path:
    p = Path(rel)
    if p.is_absolute() or ".." in p.parts or not p.parts:
        raise ValueError(f"{rel!r} is not a relative path inside the data folder {root}")
    return root / p


def commit(data_dir: Path | str, files: Mapping[str, bytes]) -> None:
    """Replace ``{path relative to data_dir: bytes}`` as one change: all files or none.

    Takes the lock if this process does not hold it yet. After a kill at any instant, the next
    :func:`locked` / :func:`recover` leaves either every old file or every new one.
    """
    root = Path(data_dir).resolve()
    with locked(root):
        txid = _txid()
        staged: list[tuple[str, Path, Path, bytes]] = []
        try:
            for rel, data in files.items():
                target = _inside(root, rel)
                target.parent.mkdir(parents=True, exist_ok=True)
                staged.append((rel, target, _write_temp(target, bytes(data), txid),
                               bytes(data)))
            _crash_point("staged")
            journal = {"txid": txid, "pid": os.getpid(), "files": [
                {"path": rel, "temp": tmp.relative_to(root).as_posix(), "hash": _sha256(data),
                 "bytes": len(data)} for rel, _, tmp, data in staged]}
            _write_file(root / JOURNAL, json.dumps(journal, indent=1).encode("utf-8"), txid)
        except BaseException:
            for _, _, tmp, _ in staged:
                with contextlib.suppress(OSError):
                    tmp.unlink()
            raise
        _crash_point("journal")
        _roll_forward(root, journal)


def _roll_forward(root: Path, journal: Mapping[str, Any]) -> None:
    parents = set()
    for k, entry in enumerate(journal["files"], start=1):
        target = _inside(root, entry["path"])
        tmp = _inside(root, entry["temp"])
        if tmp.exists():
            os.replace(tmp, target)
            parents.add(target.parent)
        else:  # renamed before the kill: the target must be the journal's new file
            try:
                data = target.read_bytes()
            except FileNotFoundError:
                data = None
            if data is None or _sha256(data) != entry["hash"]:
                raise InterruptedCommitError(
                    f"{root / JOURNAL}: an interrupted write cannot be completed: "
                    f"{entry['path']} is neither the old nor the new version (changed since); "
                    "restore the data folder (e.g. git checkout data/) and remove the journal")
        _crash_point(f"renamed-{k}")
    for parent in parents:
        _fsync_dir(parent)
    _crash_point("renamed")
    (root / JOURNAL).unlink()
    _fsync_dir(root)


def recover(data_dir: Path | str) -> list[str]:
    """Complete an interrupted commit and remove stale temp files; return what was done.

    Must run under :func:`locked` (which calls it). Only files whose names this module makes
    are removed (see the module docstring).
    """
    root = Path(data_dir).resolve()
    done: list[str] = []
    journal_path = root / JOURNAL
    if journal_path.exists():
        try:
            journal = json.loads(journal_path.read_text(encoding="utf-8"))
            if not isinstance(journal, dict) or not isinstance(journal.get("files"), list):
                raise ValueError("no 'files' list")
        except (ValueError, UnicodeDecodeError) as exc:
            raise InterruptedCommitError(f"{journal_path}: unreadable journal ({exc}); "
                                         "restore the data folder and remove it") from None
        _roll_forward(root, journal)
        done.append(f"completed an interrupted write of {len(journal['files'])} file(s)")
    stale = [p for p in root.rglob(".*.tmp") if p.is_file() and is_own_file(p)]
    for path in stale:
        with contextlib.suppress(FileNotFoundError):
            path.unlink()
    if stale:
        done.append(f"removed {len(stale)} temp file(s) left by an interrupted write")
    return done


def pending(data_dir: Path | str) -> bool:
    """True if an interrupted commit waits to be completed (a journal is present)."""
    return (Path(data_dir) / JOURNAL).exists()


def __dir__() -> list[str]:
    return list(__all__)
