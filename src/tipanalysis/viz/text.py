"""Markdown and HTML built from data, made safe to display: no live HTML, no links from data.

A country name, a note or a quote comes from a file anyone can edit. Put into a notebook's
``Markdown(f"...{name}...")`` as is, ``<script>`` in a name becomes a live script in the report
HTML, and ``[x](javascript:...)`` a live link. :func:`md` is the one way the notebooks display
text: every field is HTML-escaped and its Markdown syntax neutralised, and the whole text has its
raw HTML and link/image syntax neutralised (the notebooks' own templates use neither).

Examples
--------
>>> md("**{name}** is on {tier}.", name="<script>x</script>", tier="Tier 2").data
'**&lt;script&gt;x&lt;/script&gt;** is on Tier 2.'
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable
from typing import Any
from urllib.parse import quote

__all__ = [
    "esc",
    "html_links",
    "md",
    "safe_markdown",
]

# Characters with a meaning in (GitHub-flavoured) Markdown or MathJax; a backslash makes each
# a literal character.
_MD_SPECIAL = re.compile(r"([\\`*_\[\]()!#|~$])")


def esc(value: Any) -> str:
    """A data value as inline Markdown text: HTML-escaped, Markdown syntax made literal.

    Newlines become spaces (a value cannot start a heading or a list).

    Examples
    --------
    >>> esc("<img src=x onerror=alert(1)>")
    '&lt;img src=x onerror=alert\\\\(1\\\\)&gt;'
    >>> esc("[click](javascript:alert(1))")
    '\\\\[click\\\\]\\\\(javascript:alert\\\\(1\\\\)\\\\)'
    """
    text = " ".join(str(value).splitlines()) if value is not None else ""
    return html.escape(_MD_SPECIAL.sub(r"\\\1", text), quote=False)


def safe_markdown(text: str) -> str:
    """Neutralise raw HTML and link or image syntax in a whole Markdown text.

    ``<`` becomes ``&lt;`` (no tag can open; autolinks ``<http://...>`` are shown as text), and
    ``](`` / ``![`` lose their meaning, so no link or image is made. Emphasis, headings, lists
    and tables keep working.

    Examples
    --------
    >>> safe_markdown("**Kuwait** <script>alert(1)</script> [x](javascript:alert(1))")
    '**Kuwait** &lt;script>alert(1)&lt;/script> [x]\\\\(javascript:alert(1))'
    """
    text = str(text).replace("<", "&lt;")
    text = text.replace("](", "]\\(").replace("![", "!\\[")
    return re.sub(r"^\[([^\]]*)\]:", r"\\[\1]:", text, flags=re.MULTILINE)  # reference links


def md(template: Any, /, **fields: Any) -> Any:
    """An IPython ``Markdown`` object from a template and data fields, safe to display.

    ``template`` is filled with ``str.format`` after every field has been escaped with
    :func:`esc`; without fields it is the text itself. Either way the result goes through
    :func:`safe_markdown`, so a value that reached the text some other way (an f-string, a
    sentence built elsewhere) cannot carry HTML or a link either.

    Examples
    --------
    >>> md("Not estimable for {name}: {err}", name="Qatar", err="too few years").data
    'Not estimable for Qatar: too few years'
    """
    from IPython.display import Markdown

    text = str(template)
    if fields:
        text = text.format(**{k: esc(v) for k, v in fields.items()})
    return Markdown(safe_markdown(text))


def html_links(names: Iterable[str]) -> Any:
    """An IPython ``HTML`` list of links to files next to the report (names escaped, quoted).

    Examples
    --------
    >>> html_links(['b"><script>.html']).data
    '<ul><li><a href="b%22%3E%3Cscript%3E.html">b&quot;&gt;&lt;script&gt;.html</a></li></ul>'
    """
    from IPython.display import HTML

    items = "".join(f'<li><a href="{quote(str(n))}">{html.escape(str(n))}</a></li>'
                    for n in names)
    return HTML(f"<ul>{items}</ul>")


def __dir__() -> list[str]:
    return list(__all__)
