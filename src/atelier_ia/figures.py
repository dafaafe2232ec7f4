"""The course's figure style, in one place: palette, font sizes, a figure that shows itself.

* :data:`PALETTE`: Okabe & Ito's eight colours, told apart with every common colour-vision
  deficiency (pair colour with a second cue — hatching, marker shape — when it carries meaning);
* :data:`FONT`: sizes in points, never below 10, so that projected figures stay readable;
* :func:`new_figure` makes a figure with this style, :func:`style_axes` labels an axes,
  :func:`finish` ends a figure drawn with pyplot in a notebook cell (closed, shown once),
  :func:`draw_pixels` paints a figure once and returns its pixels (what savefig would paint).

The figures made by :func:`new_figure` are :class:`CourseFigure` objects: they display as a
PNG image in any Jupyter kernel, including a fresh one where neither pyplot nor
``%matplotlib inline`` was ever run (a plain matplotlib ``Figure`` then prints as
``<Figure size 600x260 with 12 Axes>``), and they describe themselves in French in text form.
"""

from __future__ import annotations

import functools
import io
import sys

from .errors import AtelierError, describe
from .palette import COLOURS, FIGURE_COLOURS
from .validation import check_choice, check_int, check_real, check_text

__all__ = ["DPI", "FONT", "PALETTE", "CourseFigure", "draw_pixels", "finish", "new_figure", "style_axes"]

#: Okabe & Ito (2008), "Color Universal Design": safe for colour-blind readers (held by
#: :mod:`atelier_ia.palette`, the course's one palette).
PALETTE = FIGURE_COLOURS
#: Font sizes in points: ticks and legends, axis labels, titles.
FONT = {"tick": 10, "label": 11, "title": 12}
#: Resolution of the PNG a figure shows itself as (pixels per inch).
DPI = 100
_EDGE = COLOURS["encre"]
_GRID = COLOURS["grille"]


@functools.cache
def _course_figure_class():
    """Define :class:`CourseFigure` on first use: importing matplotlib takes a third of a second,
    which a notebook that draws nothing should not pay."""
    from matplotlib.figure import Figure

    class CourseFigure(Figure):
        """A matplotlib ``Figure`` that shows itself as a PNG image in Jupyter, with no backend set up.

        Made by :func:`new_figure`; ``figsize`` is (width, height) in inches.
        """

        def __init__(self, figsize=(6.5, 3.4), layout: str = "constrained"):
            if not isinstance(figsize, (tuple, list)) or len(figsize) != 2:
                raise AtelierError(f"« figsize » doit être un couple (largeur, hauteur) en pouces ; vous avez donné {describe(figsize)}.")
            width = check_real(figsize[0], "largeur (figsize[0])", 1, 30)
            height = check_real(figsize[1], "hauteur (figsize[1])", 1, 30)
            layout = check_choice(layout, "layout", ("constrained", "tight", "none"))
            super().__init__(figsize=(width, height), layout=layout)
            from matplotlib.backends.backend_agg import FigureCanvasAgg

            FigureCanvasAgg(self)  # a drawing canvas of its own: text sizes can be measured, with no pyplot

        def _repr_mimebundle_(self, include=None, exclude=None):
            from matplotlib.image import imsave

            buffer = io.BytesIO()
            imsave(buffer, draw_pixels(self, DPI)[0], format="png", dpi=DPI)  # the same file as savefig(format="png")
            return {"image/png": buffer.getvalue(), "text/plain": self._describe()}

        def _describe(self) -> str:
            title = self._suptitle.get_text() if self._suptitle is not None else ""
            if not title:
                title = next((ax.get_title() for ax in self.axes if ax.get_title()), "")
            return f"<Figure «\u00a0{title}\u00a0»>" if title else f"<Figure de {len(self.axes)} graphique(s)>"

    CourseFigure.__module__, CourseFigure.__qualname__ = __name__, "CourseFigure"
    return CourseFigure


def __getattr__(name: str):
    if name == "CourseFigure":
        return _course_figure_class()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def new_figure(nrows: int = 1, ncols: int = 1, width: float = 6.5, height: float = 3.4, axis: bool = True,
               squeeze: bool = True):
    """A figure in the course's style and its axes: ``(figure, axes)``.

    ``axes`` is a single axes for 1×1 (unless ``squeeze=False``), else a 2-D NumPy array
    ``[row, column]``. With
    ``axis=False`` the axes are hidden (grids of images turn them back on one by one).
    """
    nrows = check_int(nrows, "nrows", 1, 20)
    ncols = check_int(ncols, "ncols", 1, 40)
    width = check_real(width, "width", 1, 30, " (pouces)")
    height = check_real(height, "height", 1, 30, " (pouces)")
    if not isinstance(axis, bool):
        raise AtelierError(f"« axis » doit valoir True ou False ; vous avez donné {describe(axis)}.")
    if not isinstance(squeeze, bool):
        raise AtelierError(f"« squeeze » doit valoir True ou False ; vous avez donné {describe(squeeze)}.")
    single = squeeze and nrows == ncols == 1
    fig = _course_figure_class()(figsize=(width, height), layout="constrained")
    axes = fig.subplots(nrows, ncols, squeeze=single)
    for ax in [axes] if single else axes.flat:
        ax.tick_params(labelsize=FONT["tick"])
        if not axis:
            ax.set_axis_off()
    return fig, axes


def style_axes(ax, xlabel: str = "", ylabel: str = "", title: str = "", grid: str | None = None):
    """Label ``ax`` with the course's font sizes, drop the top and right frame; returns ``ax``.

    ``grid`` is ``None``, ``"x"``, ``"y"`` or ``"both"``: light lines behind the data.
    """
    from matplotlib.axes import Axes

    if not isinstance(ax, Axes):
        raise AtelierError(f"« ax » doit être un graphique matplotlib (Axes) ; vous avez donné {describe(ax)}.")
    xlabel = check_text(xlabel, "l'étiquette de l'axe horizontal (xlabel)", allow_empty=True)
    ylabel = check_text(ylabel, "l'étiquette de l'axe vertical (ylabel)", allow_empty=True)
    title = check_text(title, "le titre (title)", allow_empty=True)
    if grid not in (None, "x", "y", "both"):
        raise AtelierError(f"« grid » vaut None, \"x\", \"y\" ou \"both\" ; vous avez donné {describe(grid)}.")
    if xlabel:
        ax.set_xlabel(xlabel, fontsize=FONT["label"])
    if ylabel:
        ax.set_ylabel(ylabel, fontsize=FONT["label"])
    if title:
        ax.set_title(title, fontsize=FONT["title"])
    ax.tick_params(labelsize=FONT["tick"])
    ax.spines[["top", "right"]].set_visible(False)
    if grid:
        ax.grid(axis=grid, color=_GRID, linewidth=0.6)
        ax.set_axisbelow(True)
    return ax


def draw_pixels(fig, dpi: int = DPI, tight: bool = False):
    """Paint ``fig`` at ``dpi`` in a single pass: ``(pixels, box)``.

    ``pixels`` is an RGBA array (rows from the top), what ``savefig(dpi=dpi)`` paints; with
    ``tight``, ``box`` is the region in inches that ``savefig(bbox_inches="tight")`` keeps
    (padding included), else ``None``. Faster than savefig, which lays out a figure that has
    a layout engine in a first pass that paints nothing, then paints it; ``canvas.draw()``
    lays out and paints at once.
    """
    import matplotlib as mpl
    import numpy as np
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    if not isinstance(fig, Figure):
        raise AtelierError(f"« fig » doit être une figure matplotlib ; vous avez donné {describe(fig)}.")
    dpi = check_int(dpi, "dpi", 10, 600, " (points par pouce)")
    if not isinstance(tight, bool):
        raise AtelierError(f"« tight » doit valoir True ou False ; vous avez donné {describe(tight)}.")
    canvas_before, dpi_before = fig.canvas, fig.dpi
    colours_before = fig.get_facecolor(), fig.get_edgecolor()
    canvas = canvas_before if isinstance(canvas_before, FigureCanvasAgg) else FigureCanvasAgg(fig)
    for prop in ("facecolor", "edgecolor"):  # what savefig paints the background with
        colour = mpl.rcParams[f"savefig.{prop}"]
        if not (isinstance(colour, str) and colour == "auto"):
            getattr(fig, f"set_{prop}")(colour)
    fig.set_dpi(dpi)
    try:
        canvas.draw()
        box = fig.get_tightbbox(canvas.get_renderer()).padded(mpl.rcParams["savefig.pad_inches"]) if tight else None
        return np.array(canvas.buffer_rgba()), box
    finally:
        fig.set_dpi(dpi_before)
        fig.set_facecolor(colours_before[0])
        fig.set_edgecolor(colours_before[1])
        if canvas is not canvas_before:
            fig.set_canvas(canvas_before)


def finish(fig):
    """End a figure: close it in pyplot (if pyplot made it) so that it is shown once, by the
    cell's last line; returns the figure. Figures of :func:`new_figure` need no closing."""
    from matplotlib.figure import Figure

    if not isinstance(fig, Figure):
        raise AtelierError(f"« fig » doit être une figure matplotlib ; vous avez donné {describe(fig)}.")
    pyplot = sys.modules.get("matplotlib.pyplot")
    if pyplot is not None and not isinstance(fig, _course_figure_class()):
        pyplot.close(fig)
    return fig
