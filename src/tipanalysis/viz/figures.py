"""Figures without pyplot: new Axes, the house settings (:data:`RC`) and stable bytes.

Every plot in :mod:`tipanalysis.viz` takes ``ax=None`` and returns the Axes it drew on; without
``ax`` it draws on a new :class:`matplotlib.figure.Figure`. :data:`RC` applies only while a plot
draws (:func:`styled`) and while a figure is saved (:func:`figure_bytes`): global ``rcParams``
are never changed, so a notebook's own settings stay as they were.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import TYPE_CHECKING, TypeVar

if TYPE_CHECKING:  # pragma: no cover
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

__all__ = ["RC", "figure_bytes", "new_axes", "styled"]

#: Matplotlib settings that make figures identical from run to run and readable in Arabic.
RC: dict[str, object] = {
    "svg.hashsalt": "tipanalysis",
    "font.family": "DejaVu Sans",
    "figure.dpi": 100,
    "savefig.dpi": 100,
    "axes.spines.top": False,
    "axes.spines.right": False,
}


_F = TypeVar("_F", bound=Callable)


def styled(func: _F) -> _F:
    """Run a plot function under :data:`RC` (a temporary ``rc_context``, never global)."""

    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        import matplotlib  # heavy; imported when a figure is drawn, not with the package

        with matplotlib.rc_context(RC):
            return func(*args, **kwargs)

    return wrapper  # type: ignore[return-value]


def new_axes(ax: Axes | None, figsize: tuple[float, float]) -> Axes:
    """Return ``ax``, or the Axes of a new Figure of ``figsize`` (constrained layout, no pyplot).

    Examples
    --------
    >>> new_axes(None, (4, 3)).figure.get_size_inches().tolist()
    [4.0, 3.0]
    """
    if ax is not None:
        return ax
    from matplotlib.figure import Figure

    return Figure(figsize=figsize, layout="constrained").add_subplot()


def figure_bytes(fig: Figure, fmt: str = "svg", **kwargs: object) -> bytes:
    """Serialise ``fig`` under :data:`RC` (fixed SVG hash salt: same figure, same bytes).

    Examples
    --------
    >>> ax = new_axes(None, (2, 2))
    >>> svg = figure_bytes(ax.figure, "svg", metadata={"Date": None})
    >>> svg == figure_bytes(ax.figure, "svg", metadata={"Date": None})
    True
    """
    import io

    import matplotlib

    buf = io.BytesIO()
    with matplotlib.rc_context(RC):
        fig.savefig(buf, format=fmt, **kwargs)
    return buf.getvalue()


def __dir__() -> list[str]:
    return list(__all__)
