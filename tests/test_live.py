"""Live demos: widget with a live kernel, a static face for the book, French errors."""

from __future__ import annotations

import ast
import json
import re
from html import unescape
from pathlib import Path

import matplotlib
import nbformat
import pandas as pd
import pytest
from matplotlib.figure import Figure

from atelier_ia import AtelierError, live
from atelier_ia.live import Choice, LiveDemo, Melody, Slider, static_html

matplotlib.use("Agg")


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


def test_widget_holds_the_first_state_without_capturing_output(monkeypatch):
    # A runner without a browser (nbclient, the book build) answers each captured output on the
    # kernel's request channel while it waits there for the cell's reply; the first state is
    # therefore written into the output widget's state, ready for the live notebook.
    import IPython

    class Formatter:
        def format(self, obj):
            return {"text/html": obj.data}, {}

    shell = type("Shell", (), {"display_formatter": Formatter()})()
    monkeypatch.setattr(IPython, "get_ipython", lambda: shell)
    out = LiveDemo(repeat, n=Slider(1, 5, value=3)).widget().children[1]
    assert [o["output_type"] for o in out.outputs] == ["display_data"]
    assert "lalala" in out.outputs[0]["data"]["text/html"] and not out.msg_id


def test_widget_shows_a_plain_matplotlib_figure_as_an_image(monkeypatch):
    # A plain Figure (not made by new_figure) would show as « <Figure size …> » text in a
    # kernel where pyplot never ran: the live demo shows it as a PNG image.
    import IPython
    from IPython.display import Image

    shown = []

    class Formatter:
        def format(self, obj):
            shown.append(obj)
            return {"image/png": obj.data, "text/plain": ""}, {}

    monkeypatch.setattr(IPython, "get_ipython", lambda: type("Shell", (), {"display_formatter": Formatter()})())
    out = LiveDemo(plot, n=Slider(2, 10, value=4), alt="Une droite.").widget().children[1]
    assert len(shown) == 1 and isinstance(shown[0], Image)
    import base64

    # in the output's state the image is base64 text, as in a display message
    assert base64.b64decode(out.outputs[0]["data"]["image/png"]).startswith(b"\x89PNG")


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


# --------------------------------------------------------------------------- precomputed grid


def echo(graine=0, mot="la", temperature=1.0):
    return f"{mot}-{graine}-{temperature}"


def grid_demo(**extra):
    return LiveDemo(
        echo,
        graine=Slider(0, 20, value=1, label="Graine"),
        mot=Choice(["la", "do", "ré"], label="Note"),
        temperature=Slider(0.1, 2.0, step=0.1, value=1.0, label="Température"),
        grid={"graine": [0, 1, 2], "mot": ["la", "ré"]},
        **extra,
    )


def templates(page):
    """The page's states as {key: inner HTML}, resolved the way the inline script resolves them."""
    states = json.loads(unescape(re.search(r'data-states="([^"]+)"', page).group(1)))
    bodies = dict(re.findall(r'<template data-state="(\d+)">(.*?)</template>', page, re.S))
    output = re.search(r'<div class="atelier-live-output"[^>]*data-key="([^"]*)">(.*?)</div><figcaption', page, re.S)
    bodies[str(states[output.group(1)])] = output.group(2)
    return {key: bodies[str(i)] for key, i in states.items()}


def test_grid_states_come_from_the_demo_function_itself():
    calls = []

    def spy(**kw):
        calls.append(kw)
        return echo(**kw)

    demo = LiveDemo(spy, graine=Slider(0, 20, value=1), mot=Choice(["la", "do", "ré"]),
                    grid={"graine": [0, 1, 2], "mot": ["la", "ré"]})
    states = demo.states()
    assert len(states) == 6
    for key, values in demo.grid_values():
        assert states[key] == static_html(echo(**values))
    # every setting of the grid was asked of the function (the initial one once, at start)
    asked = {(c["graine"], c["mot"]) for c in calls}
    assert asked == {(g, m) for g in (0, 1, 2) for m in ("la", "ré")}
    assert len(calls) == 6


def test_page_switches_between_every_state_and_stores_the_initial_one_once():
    demo = grid_demo()
    page = demo.static_html()
    resolved = templates(page)
    assert resolved == demo.states()
    assert resolved[demo.key(graine=2, mot="ré")] == static_html("ré-2-1.0")
    assert page.count("la-1-1.0") == 1  # the initial state is not repeated in a template


def test_identical_states_are_stored_once():
    demo = LiveDemo(lambda graine, mot: mot, graine=Slider(0, 5), mot=Choice(["a", "b"]),
                    grid={"graine": [0, 1, 2, 3], "mot": ["a", "b"]})
    page = demo.static_html()
    assert len(demo.states()) == 8
    assert page.count("<template") == 1  # « b » once; « a » is the visible initial state


def test_controls_are_native_labelled_and_keyboard_operable():
    page = grid_demo().static_html()
    for cid in re.findall(r'<(?:input|select) id="([^"]+)"', page):
        assert f'<label for="{cid}">' in page, f"contrôle {cid} sans étiquette"
    slider = re.search(r'<input type="range" id="[^"]+-graine"[^>]*>', page).group(0)
    assert 'min="0" max="2"' in slider and 'aria-valuetext="1"' in slider and 'disabled' not in slider
    assert re.search(r'<select id="[^"]+-mot"[^>]*data-labels', page)
    assert 'aria-live="polite"' in page and "<fieldset" in page and "<legend>" in page


def test_control_left_out_of_the_grid_is_fixed_and_says_so():
    page = grid_demo().static_html()
    fixed = re.search(r'<div class="atelier-live-control" data-fixed="temperature">(.*?)</div>', page, re.S).group(1)
    assert "disabled" in fixed and "Fixé à 1 dans le livre" in fixed and "notebook" in fixed
    assert "aria-describedby" in fixed


def test_page_loads_nothing_from_any_host():
    page = grid_demo().static_html()
    assert "http" not in page and "<script src" not in page and "require" not in page
    assert page.count("<script>") == 1


def test_french_labels_for_decimal_grid_values():
    demo = LiveDemo(echo, temperature=Slider(0.1, 2.0, step=0.1, value=1.0), grid={"temperature": [0.5, 1, 1.5]})
    page = demo.static_html()
    labels = json.loads(unescape(re.search(r'data-labels="([^"]+)"', page).group(1)))
    assert labels == ["0,5", "1", "1,5"]
    assert demo.states()[demo.key(temperature=1.5)] == static_html("la-0-1.5")


def test_alt_text_can_describe_each_state():
    demo = LiveDemo(plot, n=Slider(2, 10, value=4), grid={"n": [2, 4, 6]}, alt=lambda n: f"Une droite de {n} points.")
    states = demo.states()
    assert 'alt="Une droite de 6 points."' in states[demo.key(n=6)]
    assert 'alt="Une droite de 2 points."' in states[demo.key(n=2)]


def test_figures_are_small_palette_pngs():
    demo = LiveDemo(plot, n=Slider(2, 10, value=4), grid={"n": [2, 4]}, alt="Une droite.", dpi=60)
    data = re.search(r"base64,([A-Za-z0-9+/=]+)", demo.states()["1"]).group(1)
    import base64

    png = base64.b64decode(data)
    assert png[25] == 3  # PNG colour type 3: palette
    assert len(png) < 15_000


def test_melody_travels_as_notes_with_its_description():
    notes = [(60, 1.0), (None, 0.5), (64, 0.5), (67, 2.0)]
    page = static_html(Melody(notes))
    sent = json.loads(unescape(re.search(r'data-notes="([^"]+)"', page).group(1)))
    assert sent == [[60, 1.0], [None, 0.5], [64, 0.5], [67, 2.0]]
    assert '<button type="button" class="atelier-play">' in page and "Mélodie de 3 notes" in page
    assert len(page) < 1000


def test_melody_refuses_bad_notes_in_french():
    with pytest.raises(AtelierError, match="MIDI|hauteur|note"):
        Melody([(300, 1.0)])


def test_tuple_results_show_each_part():
    demo = LiveDemo(lambda n: (plot(n), Melody([(60, 1.0), (62, 1.0)])), n=Slider(2, 4, value=2),
                    grid={"n": [2, 3]}, alt="Une droite.")
    state = demo.states()["1"]
    assert state.index("<img") < state.index("atelier-melody")


def test_live_widget_keeps_the_full_slider_range():
    demo = grid_demo()
    slider = demo.widget().children[0].children[0]
    assert (slider.min, slider.max) == (0, 20)  # the kernel is not limited to the book's grid


@pytest.mark.parametrize(
    "grid,expected",
    [
        ([0, 1], "doit être un dictionnaire"),
        ({"taille": [1, 2]}, "n'est pas un contrôle"),
        ({"graine": 3}, "au moins deux valeurs"),
        ({"graine": [1]}, "au moins deux valeurs"),
        ({"graine": [1, 30]}, "entre 0 et 20"),
        ({"graine": [1, 2.5]}, "nombres entiers"),
        ({"graine": [1, "2"]}, "entre 0 et 20"),
        ({"mot": ["la", "mi"]}, "n'est pas l'un des choix"),
        ({"graine": [0, 2]}, "valeur initiale"),
        ({"graine": [1, 2, 1]}, "deux fois"),
        ({"graine": list(range(21)), "temperature": [round(0.1 * k, 1) for k in range(1, 21)]}, "états"),
    ],
)
def test_bad_grid_declarations_get_a_french_error(grid, expected):
    with pytest.raises(AtelierError, match=expected):
        LiveDemo(echo, graine=Slider(0, 20, value=1), mot=Choice(["la", "do"]),
                 temperature=Slider(0.1, 2.0, step=0.1, value=1.0), grid=grid)


def test_too_heavy_static_face_is_refused(monkeypatch):
    monkeypatch.setattr(live, "MAX_STATIC_BYTES", 2000)
    demo = LiveDemo(lambda n: "x" * 500 * n, n=Slider(1, 5, value=1), grid={"n": [1, 2, 3, 4, 5]})
    with pytest.raises(AtelierError, match="Réduisez la grille"):
        demo._repr_mimebundle_()


def test_bad_dpi_and_alt():
    with pytest.raises(AtelierError, match="dpi"):
        LiveDemo(echo, graine=Slider(0, 2), dpi=1000)
    with pytest.raises(AtelierError, match="alt"):
        LiveDemo(echo, graine=Slider(0, 2), alt=3)


def test_a_jupyter_server_kernel_skips_the_books_states(monkeypatch):
    calls = []
    demo = LiveDemo(lambda n: calls.append(n) or f"n={n}", n=Slider(1, 5, value=1), grid={"n": [1, 2, 3]})
    monkeypatch.setenv("JPY_SESSION_NAME", "modules/00-prise-en-main.ipynb")
    bundle = demo._repr_mimebundle_()
    assert calls == [1] and "<template" not in bundle["text/html"] and "disabled" in bundle["text/html"]
    assert "application/vnd.jupyter.widget-view+json" in bundle
    monkeypatch.delenv("JPY_SESSION_NAME")
    bundle = demo._repr_mimebundle_()  # the book build: every state, computed by the same function
    assert calls == [1, 2, 3] and bundle["text/html"].count("<template") == 2


# --------------------------------------------------------------------------- no-code twins


ROOT = Path(__file__).resolve().parents[1]
NO_CODE_MODULES = [m.id for m in __import__("atelier_ia.course", fromlist=["load_catalogue"]).load_catalogue().available]


def quiz_calls(nb, quiz_id):
    """(cell index, question ids or None) for each show_quiz("<quiz_id>", ...) cell."""
    found = []
    for i, c in enumerate(nb.cells):
        if c.cell_type != "code" or "show_quiz" not in c.source:
            continue
        for node in ast.walk(ast.parse(c.source)):
            if isinstance(node, ast.Call) and getattr(node.func, "id", "") == "show_quiz" and node.args[0].value == quiz_id:
                kw = {k.arg: ast.literal_eval(k.value) for k in node.keywords}
                assert "remove-input" in c.metadata.get("tags", []), f"{quiz_id} : cellule de quiz sans remove-input"
                found.append((i, kw.get("questions")))
    return found


@pytest.mark.parametrize("module", NO_CODE_MODULES)
def test_no_code_quiz_sits_after_a_demo_and_shows_every_question_once(module):
    from atelier_ia.quiz import load_quiz

    quiz = load_quiz(f"{module}-sans-code")
    assert quiz.module == f"{module}-sans-code" and len(quiz.questions) >= 2
    nb = nbformat.read(ROOT / "modules" / f"{module}.ipynb", as_version=4)
    calls = quiz_calls(nb, f"{module}-sans-code")
    assert calls, f"{module} : aucune cellule show_quiz(\"{module}-sans-code\")"
    shown = []
    for index, questions in calls:
        shown += questions or [q.id for q in quiz.questions]
        # the folded model answer of a writing prompt (cells « ecriture-… ») is not a step between demo and quiz
        flow = [(i, c) for i, c in enumerate(nb.cells[:index]) if not str(c.get("id", "")).startswith("ecriture-")]
        before = [c for _, c in flow[-5:] if c.cell_type == "code"]
        assert any("LiveDemo(" in c.source for c in before), f"{module} : quiz sans code loin de toute démonstration"
    assert sorted(shown) == sorted(q.id for q in quiz.questions)


def test_show_quiz_can_show_some_questions_of_a_file():
    from atelier_ia.quiz import show_quiz

    view = show_quiz("03-creation-artistique-sans-code", questions=["corpus-copie"])
    assert [q.id for q in view.quiz.questions] == ["corpus-copie"]
    with pytest.raises(AtelierError, match="n'a pas de question « inconnue »"):
        show_quiz("03-creation-artistique-sans-code", questions=["inconnue"])
    with pytest.raises(AtelierError, match="liste d'identifiants"):
        show_quiz("03-creation-artistique-sans-code", questions="corpus-copie")
