"""One palette: every colour of the course is written in ``atelier_ia/palette.py`` and nowhere else."""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd
import pytest

from atelier_ia import palette
from atelier_ia.errors import AtelierError
from atelier_ia.figures import PALETTE
from atelier_ia.palette import COLOURS, contrast, css_variables, stylesheet
from atelier_ia.quiz import load_quiz
from atelier_ia.quiz.render import quiz_html
from atelier_ia.tables import table_html

SRC = Path(__file__).resolve().parents[1] / "src"
HOME = SRC / "atelier_ia" / "palette.py"
# A colour literal: #rgb, #rgba, #rrggbb or #rrggbbaa (not an HTML entity « &#160; », not an id « #aip-nom »),
# or a CSS colour function.
_HEX = re.compile(r"(?<![&\w])#(?:[0-9a-fA-F]{8}|[0-9a-fA-F]{6}|[0-9a-fA-F]{3,4})(?![\w-])")
_FUNCTION = re.compile(r"\b(?:rgba?|hsla?)\(")
# Colours that are not ours: the markup of the Littré's pages, which corpus.py reads.
NOT_OURS = {("atelier_ia/corpus.py", "#0000CD"), ("atelier_ia/corpus.py", "#B22222")}


def _sources():
    for path in sorted(SRC.rglob("*")):
        if path.suffix in (".py", ".css", ".js") and path != HOME and "__pycache__" not in path.parts:
            yield path


def test_no_colour_is_written_outside_the_palette():
    found = []
    for path in _sources():
        rel = path.relative_to(SRC).as_posix()
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            literals = [m.group(0) for m in _HEX.finditer(line) if (rel, m.group(0)) not in NOT_OURS]
            literals += [m.group(0) for m in _FUNCTION.finditer(line)]
            found += [f"{rel}:{n}: {lit}" for lit in literals]
    assert not found, ("Couleurs écrites hors de atelier_ia/palette.py (ajoutez-les à la palette et lisez-les "
                       "de là : COLOURS[…] en Python, var(--atelier-…) en CSS) :\n" + "\n".join(found))


def test_the_check_finds_a_copied_colour():
    """The pattern above sees the literals a copy would bring back, and not ids or entities."""
    assert _HEX.findall("a{color:#0b5cad} b{outline:3px solid #e6a100;background:#fff}") == ["#0b5cad", "#e6a100", "#fff"]
    assert _HEX.findall('color="#1A1A1A80"') == ["#1A1A1A80"]
    assert not _HEX.findall('<a href="#aip-nom">&#160;</a> #carte-du-cours #add-on')
    assert _FUNCTION.search("background:rgba(127,127,127,.12)")


def test_every_stylesheet_names_colours_of_the_palette():
    """css_variables refuses an unknown ``--atelier-…`` name: every static file passes."""
    used = set()
    for path in _sources():
        if path.suffix in (".css", ".js"):
            text = path.read_text(encoding="utf-8")
            css_variables(text)
            used |= set(re.findall(r"var\(--atelier-([a-z0-9-]+)\)", text))
    assert {"bouton", "focus", "bord"} <= used


def test_one_button_blue_and_one_focus_colour_across_the_stylesheets():
    outlines, buttons = set(), set()
    for path in _sources():
        if path.suffix == ".css":
            text = path.read_text(encoding="utf-8")
            outlines |= set(re.findall(r"outline:\s*\d+px solid ([^;!}]+)", text))
            # the ring is drawn away from the control, on the page's background (its contrast is measured there)
            for rule in re.findall(r"[^{}]*:focus-visible[^{}]*\{[^}]*\}", text):
                if "outline:none" not in rule.replace(" ", ""):
                    assert re.search(r"outline-offset:\s*-?[2-9]", rule), (path.name, rule)
            buttons |= set(re.findall(r"\bbutton[^{}]*\{[^}]*\bbackground:\s*(var\([^)]*\))", text))
    assert outlines == {"var(--atelier-focus)"}
    assert buttons == {"var(--atelier-bouton)"}


def _theme_dark_background() -> str:
    """The book theme's dark page background, read from the installed pydata-sphinx-theme."""
    import pydata_sphinx_theme

    root = Path(pydata_sphinx_theme.__file__).parent
    css = "".join(p.read_text(encoding="utf-8", errors="replace") for p in root.rglob("pydata-sphinx-theme.css"))
    dark = re.search(r'html\[data-theme=(?:"dark"|dark)\]\{[^}]*?--pst-color-background:\s*(#[0-9a-fA-F]{6})', css)
    assert dark, "fond sombre du thème introuvable"
    return dark.group(1)


def test_the_focus_ring_is_visible_on_every_background():
    """WCAG 2.2, 1.4.11: a focus indicator contrasts at least 3:1 with what surrounds it."""
    focus = COLOURS["focus"]
    for background in (COLOURS["blanc"], COLOURS["fond-sombre"], _theme_dark_background()):
        assert contrast(focus, background) >= 3, background
    assert focus != COLOURS["bouton"], "le cadre du focus se distingue du bouton qu'il entoure"


def test_texts_on_the_palette_backgrounds_are_readable():
    """WCAG AA (4.5:1) for the texts the stylesheets write on the palette's own backgrounds."""
    pairs = [("blanc", "bouton"), ("blanc", "encre"), ("blanc", "discret"), ("blanc", "a-revoir"), ("blanc", "reussi"),
             ("accent-fond", "bouton"), ("reussi-fond", "reussi"), ("glossaire-fond", "encre"),
             ("fond-sombre", "texte-sombre"), ("fond-sombre", "discret-sombre"), ("fond-sombre", "accent-sombre"),
             ("accent-fond-sombre", "accent-sombre"), ("reussi-fond-sombre", "reussi-sombre"),
             ("glossaire-fond-sombre", "texte-sombre")]
    low = [(b, t, round(contrast(COLOURS[b], COLOURS[t]), 2)) for b, t in pairs if contrast(COLOURS[b], COLOURS[t]) < 4.5]
    assert not low


def test_figures_read_the_palette():
    assert dict(PALETTE) == dict(palette.FIGURE_COLOURS)
    assert all(COLOURS[name] == value for name, value in PALETTE.items())


def test_inlined_styles_declare_the_colours_they_use():
    """A quiz or a table in JupyterLab has no book stylesheet around it: its own <style> declares
    each palette colour it names."""
    for page in (quiz_html(load_quiz("00-prise-en-main"), quiz_id="aiq-palette"), table_html(pd.DataFrame({"a": [1, 2]}))):
        style = re.search(r"<style>(.*?)</style>", page, re.S).group(1)
        for name in set(re.findall(r"var\(--atelier-([a-z0-9-]+)\)", style)):
            assert f"--atelier-{name}:{COLOURS[name]}" in style
    assert "--atelier-focus:" in quiz_html(load_quiz("00-prise-en-main"), quiz_id="aiq-palette-2")


def test_stylesheet_declares_only_what_is_used():
    assert stylesheet("a{color:red}") == "a{color:red}"
    css = "a{color:var(--atelier-bouton)}b{outline-color:var(--atelier-bouton)}"
    assert stylesheet(css) == f":root{{--atelier-bouton:{COLOURS['bouton']}}}" + css


@pytest.mark.parametrize("call", [lambda: palette.colour("bleu-roi"), lambda: css_variables("a{color:var(--atelier-nulle)}"),
                                  lambda: css_variables(None), lambda: contrast("bleu", "#ffffff")])
def test_bad_input_is_explained_in_french(call):
    with pytest.raises(AtelierError) as err:
        call()
    assert re.search(r"palette|couleur|feuille de style", str(err.value))
