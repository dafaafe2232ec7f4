"""The course's figure style and figures that show themselves in a fresh kernel."""

from __future__ import annotations

import numpy as np
import pytest

from atelier_ia import AtelierError
from atelier_ia.figures import DPI, FONT, PALETTE, CourseFigure, draw_pixels, finish, new_figure, style_axes


def test_figures_render_as_png_with_a_french_description():
    fig, ax = new_figure()
    style_axes(ax, "x", "y", "Mon titre", grid="y")
    bundle = fig._repr_mimebundle_()
    assert bundle["image/png"].startswith(b"\x89PNG")
    assert "Mon titre" in bundle["text/plain"]
    assert min(FONT.values()) >= 10
    assert len(set(PALETTE.values())) == len(PALETTE)


def _sample_figure():
    fig, ax = new_figure(width=4, height=2.5)
    ax.bar([1, 2, 3], [3, 1, 2], hatch="//")
    style_axes(ax, "temps", "hauteur", "Un titre", grid="y")
    fig.legend(["barres"], loc="outside right upper")
    return fig


def test_a_figure_shows_itself_as_the_png_savefig_writes():
    import io

    expected = io.BytesIO()
    _sample_figure().savefig(expected, format="png", dpi=DPI)
    assert _sample_figure()._repr_mimebundle_()["image/png"] == expected.getvalue()


def test_draw_pixels_paints_what_savefig_paints_and_finds_the_tight_box():
    import io

    from PIL import Image

    saved = io.BytesIO()
    _sample_figure().savefig(saved, format="png", dpi=60)
    fig = _sample_figure()
    pixels, box = draw_pixels(fig, 60, tight=True)
    assert np.array_equal(pixels, np.asarray(Image.open(saved)))
    assert fig.dpi == 100 and draw_pixels(fig, 60)[1] is None  # the figure keeps its own resolution
    tight = io.BytesIO()
    _sample_figure().savefig(tight, format="png", dpi=60, bbox_inches="tight")
    width, height = Image.open(tight).size
    assert abs(box.width * 60 - width) <= 1 and abs(box.height * 60 - height) <= 1
    with pytest.raises(AtelierError, match="figure matplotlib"):
        draw_pixels("figure")


def test_grid_and_squeeze():
    fig, axes = new_figure(2, 3, axis=False)
    assert axes.shape == (2, 3) and not axes[0, 0].axison
    fig, axes = new_figure(squeeze=False)
    assert axes.shape == (1, 1)


def test_finish_closes_pyplot_figures_only():
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig = plt.figure()
    assert finish(fig) is fig and not plt.fignum_exists(fig.number)
    own, _ = new_figure()
    assert finish(own) is own


@pytest.mark.parametrize("call,expected", [
    (lambda: new_figure(0), "nrows"),
    (lambda: new_figure(width=float("nan")), "width"),
    (lambda: style_axes("axes"), "ax"),
    (lambda: finish(None), "fig"),
])
def test_bad_input(call, expected):
    with pytest.raises(AtelierError, match=expected):
        call()


FRESH_KERNEL_CELLS = [
    "import numpy as np\nfrom atelier_ia.images import grid_figure\ngrid_figure(np.zeros((12, 8, 8)), ncols=6)",
    "from atelier_ia.music import pianoroll_figure\npianoroll_figure([(60, 1.0), (62, 0.5), (None, 0.5), (64, 2.0)])",
    "import sys\nprint('matplotlib.pyplot' in sys.modules)",
]


@pytest.mark.notebooks
def test_library_figures_show_as_images_in_a_fresh_kernel():
    """No %matplotlib inline, no pyplot: every library figure still reaches the page as a PNG."""
    nbformat = pytest.importorskip("nbformat")
    nbclient = pytest.importorskip("nbclient")
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_code_cell(src) for src in FRESH_KERNEL_CELLS]
    nbclient.NotebookClient(nb, timeout=120, kernel_name="python3").execute()
    for cell in nb.cells[:2]:
        kinds = [set(o.get("data", {})) for o in cell.outputs if o.output_type == "execute_result"]
        assert kinds and "image/png" in kinds[0], cell.outputs
        assert "<Figure size" not in str(cell.outputs)
    assert nb.cells[2].outputs[0]["text"].strip() == "False", "le test doit se passer de pyplot"


def test_every_library_figure_is_a_course_figure():
    from atelier_ia.images import filmstrip_figure, grid_figure, ideal_denoiser, nearest_figure, nearest_training, noising_figure
    from atelier_ia.music import pianoroll_figure

    images = np.linspace(-1, 1, 5 * 16).reshape(5, 4, 4)
    model = ideal_denoiser(images, steps=10)
    figures = [
        grid_figure(images),
        filmstrip_figure(model.trajectory(seed=0), n_frames=3),
        noising_figure(images[0]),
        nearest_figure(images[:2], images, nearest_training(images[:2], images)),
        pianoroll_figure([(60, 1.0), (64, 1.0)], prompt_length=1),
    ]
    for fig in figures:
        assert isinstance(fig, CourseFigure), type(fig)
        assert fig._repr_mimebundle_()["image/png"].startswith(b"\x89PNG")
