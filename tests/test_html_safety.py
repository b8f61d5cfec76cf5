"""Issue 16, item 5: data never becomes live HTML in a report or a brief.

A copy of the data gets ``<script>`` and ``<img onerror=...>`` in Kuwait's names (reference table
and tier placements; the descriptor's hashes are regenerated for the copy). The briefs written
from it, and (marked ``notebooks``, slow) every report notebook's HTML, must hold no script, no
``on...`` attribute and no ``javascript:`` link: the text shows, escaped.
"""

from __future__ import annotations

import ast
import csv
import io
import shutil
from html.parser import HTMLParser
from pathlib import Path

import pytest

from tipanalysis import cli, paths
from tipanalysis.data import descriptor
from tipanalysis.viz.text import esc, html_links, md, safe_markdown

SCRIPT = "<script>alert('tip')</script>"
IMG = "<img src=x onerror=alert(1)>"
LINK = "[click](javascript:alert(1))"


class LiveHTML(HTMLParser):
    """Collects what would run in a browser: script elements, on* attributes, javascript: URLs."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "script":
            self._in_script = True
        for name, value in attrs:
            if name.startswith("on"):
                self.found.append(f"<{tag} {name}={value!r}>")
            if name in ("href", "src", "action", "formaction") and value and \
                    value.strip().lower().startswith(("javascript:", "vbscript:", "data:text")):
                self.found.append(f"<{tag} {name}={value!r}>")

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self._in_script = False

    def handle_data(self, data: str) -> None:
        if self._in_script and "alert" in data:
            self.found.append(f"<script>{data[:60]}</script>")


def live_html(text: str) -> list[str]:
    parser = LiveHTML()
    parser.feed(text)
    parser.close()
    return parser.found


def hostile_data(root: Path) -> Path:
    """Copy the shipped data to ``root`` with hostile names for Kuwait; fix the hashes."""
    shutil.copytree(paths.data_dir(), root)
    changed = []
    for rel, column, value in (("reference/countries.csv", "name_en", f"Kuwait{SCRIPT}"),
                               ("reference/countries.csv", "name_ar", f"الكويت{IMG}"),
                               ("tiers/tier_placements.csv", "country", f"Kuwait{IMG}{LINK}")):
        path = root / rel
        rows = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8"), newline="")))
        j = rows[0].index(column)
        for row in rows[1:]:
            if row and row[0] == "KWT":
                row[j] = value
        buf = io.StringIO()
        csv.writer(buf, lineterminator="\n").writerows(rows)
        path.write_text(buf.getvalue(), encoding="utf-8")
        changed.append(rel)
    package = descriptor.read_descriptor(root)
    names = [r["name"] for r in package["resources"] if r["path"] in changed]
    package = descriptor.update_hashes(package, root, names)
    (root / descriptor.DESCRIPTOR).write_text(descriptor.dump_descriptor(package),
                                              encoding="utf-8")
    return root


@pytest.fixture(scope="module")
def hostile(tmp_path_factory) -> Path:
    return hostile_data(tmp_path_factory.mktemp("hostile") / "data")


def test_the_hostile_copy_is_valid_data(hostile):
    assert descriptor.validate_package(hostile) == []


def test_live_html_detector_sees_the_attacks():
    assert live_html(f"<p>{SCRIPT}</p>") and live_html(IMG)
    assert live_html('<a href="javascript:alert(1)">x</a>')
    assert live_html("<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>") == []


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_briefs_from_hostile_data_hold_no_live_html(hostile, tmp_path, capsys, lang):
    out = tmp_path / "out"
    code = cli.main(["brief", "--country", "KWT", "--lang", lang, "--data-dir", str(hostile),
                     "--out-dir", str(out)])
    assert code == 0, capsys.readouterr().err
    pages = list(out.glob("*.html"))
    assert pages
    for page in pages:
        assert live_html(page.read_text(encoding="utf-8")) == [], page.name


# --- the notebooks' one way to display data-derived text ---------------------------------------

def test_md_escapes_fields_and_neutralises_the_whole_text():
    out = md("**{name}** is on {tier}.", name=SCRIPT, tier=IMG).data
    assert "<" not in out and "**" in out
    assert "<" not in md(f"Kuwait {SCRIPT} {IMG}").data
    assert "](" not in md(f"see {LINK}").data
    assert "![" not in md("![x](http://e/x.png)").data
    assert esc("a\nb") == "a b"  # a value cannot start a heading or a list item
    assert "<script" not in html_links(["x<script>.html"]).data
    assert safe_markdown("p < 0.05") == "p &lt; 0.05"


def notebook_calls(path: Path) -> list[str]:
    """Calls in a notebook script of IPython's Markdown/HTML (which would render data raw)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("IPython"):
            found += [f"line {node.lineno}: imports {a.name}" for a in node.names
                      if a.name in ("Markdown", "HTML", "Latex", "SVG", "Javascript")]
    return found


@pytest.mark.parametrize("path", sorted(paths.notebooks_dir().glob("[0-9][0-9]_*.py")),
                         ids=lambda p: p.name)
def test_notebooks_display_text_only_through_md(path):
    assert notebook_calls(path) == []
    text = path.read_text(encoding="utf-8")
    assert "unsafe_allow_html" not in text and ".to_html(" not in text


# --- every report notebook, end to end (slow) ---------------------------------------------------

@pytest.mark.notebooks
def test_reports_from_hostile_data_hold_no_live_html(hostile, tmp_path, capsys):
    out = tmp_path / "reports"
    code = cli.main(["run", "--data-dir", str(hostile), "--out-dir", str(out), "--force",
                     "--no-progress"])
    assert code == 0, capsys.readouterr().err
    pages = sorted(out.rglob("*.html"))
    assert len(pages) >= 6
    for page in pages:
        assert live_html(page.read_text(encoding="utf-8")) == [], page.name
