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

__all__ = ["RC", "figure_bytes", "new_axes", "new_figure", "styled"]

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


def new_figure(figsize: tuple[float, float], ncols: int = 1) -> tuple[Figure, list[Axes]]:
    """A new Figure with ``ncols`` Axes side by side, made under :data:`RC` (no pyplot).

    Examples
    --------
    >>> fig, axes = new_figure((8, 3), ncols=2)
    >>> len(axes), axes[0].spines["top"].get_visible()
    (2, False)
    """
    import matplotlib
    from matplotlib.figure import Figure

    with matplotlib.rc_context(RC):
        fig = Figure(figsize=figsize, layout="constrained")
        return fig, list(fig.subplots(1, ncols, squeeze=False)[0])


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
