"""Notebooks stay thin: a few calls per cell (logic that a second notebook needs is package code).

Counts the code lines (not blank, not comments) of every code cell of every report notebook's
py:percent script; no kernel needed.
"""

from __future__ import annotations

import re

import pytest

from tipanalysis import paths

MAX_CODE_LINES = 15
SCRIPTS = sorted(paths.notebooks_dir().glob("[0-9][0-9]_*.py"))


def code_cells(text: str) -> list[tuple[int, list[str]]]:
    """(1-based cell number, code lines) of each code cell of a py:percent script."""
    heads = list(re.finditer(r"^# %%.*$", text, flags=re.M))
    cells = []
    for i, head in enumerate(heads):
        if "[markdown]" in head.group(0):
            continue
        end = heads[i + 1].start() if i + 1 < len(heads) else len(text)
        body = text[head.end():end].splitlines()
        cells.append((i + 1, [ln for ln in body if ln.strip() and not ln.lstrip().startswith("#")]))
    return cells


@pytest.mark.parametrize("script", SCRIPTS, ids=lambda p: p.name)
def test_no_cell_has_more_than_15_lines_of_code(script):
    long = [(n, len(lines)) for n, lines in code_cells(script.read_text(encoding="utf-8"))
            if len(lines) > MAX_CODE_LINES]
    assert long == []


def test_the_count_sees_a_long_cell():
    text = "# %% [markdown]\n# # T\n\n# %%\n" + "x = 1\n" * 16 + "# %%\ny = 2\n"
    assert [(n, len(c)) for n, c in code_cells(text)] == [(2, 16), (3, 1)]
