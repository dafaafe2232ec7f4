"""Live demos: widget with a live kernel, a static face for the book, French errors."""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")
import pandas as pd
import pytest
from matplotlib.figure import Figure

from atelier_ia import AtelierError
from atelier_ia.live import Choice, LiveDemo, Slider


def repeat(word="la", n=2):
    return word * n


def plot(n=3):
    fig = Figure(figsize=(3, 2))
    fig.add_subplot().plot(range(n))
    return fig


def test_text_demo_has_widget_and_static_face():
    demo = LiveDemo(repeat, n=Slider(1, 5, value=3, label="Répétitions"), word=Choice(["la", "do"], label="Note"))
    bundle = demo._repr_mimebundle_()
    assert "application/vnd.jupyter.widget-view+json" in bundle
    assert "<pre" in bundle["text/html"] and "lalala" in bundle["text/html"]
    assert "Répétitions = 3" in bundle["text/html"] and "Binder" in bundle["text/html"]
    assert demo.initial() == "lalala"


def test_widget_reruns_function_when_control_moves():
    demo = LiveDemo(repeat, n=Slider(1, 5, value=1))
    box = demo.widget()
    slider = box.children[0].children[0]
    calls = []
    demo.func = lambda **kw: calls.append(kw) or "x"
    slider.value = 4
    assert calls == [{"n": 4}]


def test_figure_demo_embeds_png_with_alt_text():
    demo = LiveDemo(plot, n=Slider(2, 10, value=4), alt="Une droite qui monte.")
    html = demo.static_html()
    assert 'src="data:image/png;base64,' in html and 'alt="Une droite qui monte."' in html


def test_table_demo():
    demo = LiveDemo(lambda n: pd.DataFrame({"n": range(n)}), n=Slider(1, 3, value=2))
    assert "<table" in demo.static_html()


def test_figure_without_alt_is_refused():
    with pytest.raises(AtelierError, match="alt="):
        LiveDemo(plot, n=Slider(2, 10, value=4))


@pytest.mark.parametrize(
    "kwargs,expected",
    [
        (dict(min=5, max=1), "plus petit que le maximum"),
        (dict(min=0, max=10, step=0), "pas"),
        (dict(min=0, max=10, value=11), "sort de l'intervalle"),
        (dict(min="0", max=10), "doit être un nombre"),
    ],
)
def test_bad_slider(kwargs, expected):
    with pytest.raises(AtelierError, match=expected):
        Slider(**kwargs)


def test_bad_choice():
    with pytest.raises(AtelierError, match="au moins deux"):
        Choice(["seul"])
    with pytest.raises(AtelierError, match="n'est pas dans la liste"):
        Choice(["a", "b"], value="c")


def test_bad_demo_arguments():
    with pytest.raises(AtelierError, match="fonction"):
        LiveDemo("pas une fonction", n=Slider(0, 1))
    with pytest.raises(AtelierError, match="au moins un contrôle"):
        LiveDemo(repeat)
    with pytest.raises(AtelierError, match="pas de paramètre « taille »"):
        LiveDemo(repeat, taille=Slider(0, 1))
    with pytest.raises(AtelierError, match="Slider"):
        LiveDemo(repeat, n=3)


def test_failing_function_is_explained_in_french():
    def boom(n):
        return 1 / 0

    with pytest.raises(AtelierError, match="a échoué avec les valeurs"):
        LiveDemo(boom, n=Slider(0, 1))


def test_unsupported_result_type():
    with pytest.raises(AtelierError, match="texte, une figure matplotlib, un tableau pandas"):
        LiveDemo(lambda n: 42, n=Slider(0, 1))


def test_error_hides_traceback_in_ipython():
    err = AtelierError("Le corpus est vide.")
    assert err._render_traceback_() == ["\x1b[31mErreur\u00a0:\x1b[0m Le corpus est vide."]


def test_caption_writes_decimals_the_french_way():
    demo = LiveDemo(lambda t: f"{t}", t=Slider(0.1, 2.0, step=0.1, value=1.0, label="Température"))
    assert "Température = 1," not in demo.caption() and "Température = 1" in demo.caption()
    demo = LiveDemo(lambda t: f"{t}", t=Slider(0.1, 2.0, step=0.1, value=0.5, label="Température"))
    assert "Température = 0,5" in demo.caption()
