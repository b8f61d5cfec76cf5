"""Uninstall every distribution that the lock files do not name, so the venv is exactly the lock.

Run by ``make venv`` after ``pip install --no-deps -r requirements/lock.txt``; e.g.

    .venv/bin/python requirements/prune.py requirements/build.txt requirements/lock.txt

The editable ``tipanalysis`` itself is kept. Prints what it removes (nothing when in step).
"""

from __future__ import annotations

import re
import subprocess
import sys
from importlib import metadata
from pathlib import Path

KEEP = {"tipanalysis"}


def canonical(name: str) -> str:
    """PEP 503 normalised name: ``Jinja2`` and ``jinja2`` are one package."""
    return re.sub(r"[-_.]+", "-", name).lower()


def locked_names(files: list[Path]) -> set[str]:
    names = set()
    for file in files:
        for line in file.read_text(encoding="utf-8").splitlines():
            line = line.split("#", 1)[0].strip()
            if line:
                names.add(canonical(re.split(r"[=<>!~\[; ]", line, maxsplit=1)[0]))
    return names


def main(argv: list[str]) -> int:
    wanted = locked_names([Path(a) for a in argv]) | KEEP
    installed = {canonical(d.metadata["Name"]) for d in metadata.distributions()}
    extra = sorted(installed - wanted)
    if extra:
        print("removing packages not in the lock: " + " ".join(extra))
        subprocess.run([sys.executable, "-m", "pip", "uninstall", "-qq", "-y", *extra], check=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
