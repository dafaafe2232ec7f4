"""Projection of a module (atelier_tools.projection): which cells make screens, in what order,
and what a screen shows before and after the trainer reveals an answer. No book build here;
the browser tests of the built projection are in tests/test_projection_browser.py."""

from __future__ import annotations

import re

import nbformat
import pytest

from atelier_ia.course import load_catalogue
from atelier_ia.errors import AtelierError
from atelier_ia.quiz import load_quiz
from atelier_tools import projection
from atelier_tools.activities import activity_path

CAT = load_catalogue()
MODULES = [m.id for m in CAT.available]


def md(cid, text, tags=()):
    c = nbformat.v4.new_markdown_cell(text)
    c.id = cid
    c.metadata["tags"] = list(tags)
    return c


def code(cid, text, tags=()):
    c = nbformat.v4.new_code_cell(text)
    c.id = cid
    c.metadata["tags"] = list(tags)
    return c


def small_notebook():
    return [
        md("titre", "# Un module\n\nPremière phrase du module.\n\nDeuxième paragraphe."),
        md("objectifs", "## Objectifs\n\n- **expliquer** une chose"),
        md("duree", "## Durée\n\n10 minutes."),
        md("partie", "## Une partie\n\nLe point clé de la partie.\n\nUn détail qui reste dans le livre."),
        code("calcul", "x = 1"),
        code("figure-a", "plot()"),
        md("legende-a", "*Figure 1 — Une légende.*\n\nUn commentaire."),
        code("demo-a", "LiveDemo(f, a=Slider(0, 1, 0.5))"),
        code("marquee", "print('montrez-moi')", tags=["projection"]),
        md("ecartee", "## Partie écartée\n\nTexte.", tags=["projection-non"]),
        md("remarque", "Une remarque à projeter.", tags=["projection"]),
        code("sans-code", 'show_quiz("02-fonctionnement-ia-generative-sans-code", questions=["titres-originaux"])'),
        md("a-retenir", "## À retenir\n\n- un point"),
        md("quiz", "## Quiz\n\nCochez."),
        code("quiz-cellule", 'show_quiz("02-fonctionnement-ia-generative")'),
        md("pour-aller-plus-loin", "## Pour aller plus loin\n\n- une source"),
    ]


def test_screens_follow_the_notebook_with_the_template_defaults():
    m = CAT.module("02-fonctionnement-ia-generative")
    screens = projection.extract_screens(m, small_notebook(), activity=True)
    kinds = [(s.kind, s.cell_id) for s in screens]
    n_quiz = len(load_quiz(m.id).questions)
    assert kinds[:9] == [
        ("titre", "titre"), ("objectifs", "objectifs"), ("section", "partie"), ("figure", "figure-a"),
        ("demo", "demo-a"), ("figure", "marquee"), ("cellule", "remarque"), ("question", "sans-code"),
        ("activite", ""),
    ]
    assert kinds[9] == ("a-retenir", "a-retenir")
    assert kinds[10:] == [("question", "quiz-cellule")] * n_quiz
    # neither the plain code cell, nor Durée, Quiz, Pour aller plus loin, nor the excluded cell
    ids = {s.cell_id for s in screens}
    assert not ids & {"calcul", "duree", "quiz", "pour-aller-plus-loin", "ecartee", "legende-a"}


def test_a_section_screen_shows_its_first_paragraph_and_a_figure_its_caption():
    m = CAT.module("02-fonctionnement-ia-generative")
    screens = {s.cell_id: s for s in projection.extract_screens(m, small_notebook(), activity=False)}
    assert screens["partie"].markdown == "Le point clé de la partie."
    assert screens["titre"].markdown == "Première phrase du module."
    assert screens["figure-a"].caption == "*Figure 1 — Une légende.*"
    assert screens["figure-a"].section == "partie" and screens["demo-a"].section == "partie"
    assert screens["sans-code"].question == "titres-originaux"
    assert "activite" not in {s.kind for s in screens.values()}


def test_a_cell_without_id_is_refused_in_french():
    m = CAT.module("00-prise-en-main")
    cell = md("x", "## Partie\n\nTexte.")
    del cell["id"]
    with pytest.raises(AtelierError, match="identifiant"):
        projection.extract_screens(m, [cell], activity=False)


@pytest.mark.parametrize("module_id", MODULES)
def test_every_module_has_the_screens_a_room_needs(module_id):
    m = CAT.module(module_id)
    cells = projection.read_cells(m)
    ids = {c.id for c in cells}
    screens = projection.extract_screens(m)
    kinds = [s.kind for s in screens]
    assert kinds[:2] == ["titre", "objectifs"]
    assert "a-retenir" in kinds and "section" in kinds
    assert ("activite" in kinds) == activity_path(module_id).is_file()
    for s in screens:
        assert s.cell_id in ids or s.kind == "activite"
    # every no-code question the notebook asks is projected, and every question of the module's quiz
    asked = {(q.id) for q in load_quiz(module_id).questions}
    assert asked <= {s.question for s in screens if s.quiz == module_id}
    sans_code = [s for s in screens if s.quiz.endswith("-sans-code")]
    assert sans_code, "au moins une question sans code"
    # every demo of the notebook makes a screen
    demos = {c.id for c in cells if c.cell_type == "code" and "LiveDemo(" in c.source and "projection-non" not in c.metadata.get("tags", [])}
    assert demos <= {s.cell_id for s in screens if s.kind == "demo"}


def test_a_question_screen_hides_its_answer_and_keeps_the_feedback_for_the_trainer():
    m = CAT.module("02-fonctionnement-ia-generative")
    s = projection.Screen("question", "sans-code", "partie", "Question sans code",
                          quiz="02-fonctionnement-ia-generative-sans-code", question="temperature-basse")
    body, trainer = projection.screen_html(m, s, 3, 10, {})
    q = load_quiz("02-fonctionnement-ia-generative-sans-code").question("temperature-basse")
    letters = re.findall(r'data-option="([A-D])"', body)
    assert letters == list("ABCD"[: len(q.options)])
    # the options are in the book's (shuffled) order
    texts = re.findall(r'class="proj-option-texte"><span class="proj-sr">Réponse [A-D]\u00a0: </span>(.*?)</span></li>', body)
    assert [t for t in texts] == [projection.pages._inline(o.text) for o in q.options]
    assert '<div class="proj-reponse" hidden>' in body
    # the distractors' feedback is not on the screen, only in the trainer's data
    for o in q.options:
        assert projection.pages._esc(o.feedback)[:40] not in body
    assert [r["retour"] for r in trainer["retours"]] == [o.feedback for o in q.options]
    right = "ABCD"[next(iter(q.correct_indices))]
    assert trainer["reponse"] == right


def test_markdown_turns_myst_roles_into_text():
    out = projection.markdown_html("Voir {term}`jeton <glossaire>` et {doc}`le guide </annexes/guide>`.")
    assert "{term}" not in out and "{doc}" not in out
    assert "jeton" in out and "le guide" in out


def test_cell_outputs_are_found_by_the_class_the_book_gives_them():
    page = ('<div class="cell docutils container atelier-cell-figure-a"><div class="cell_input">x</div>'
            '<div class="cell_output docutils container"><img src="../_images/a.png" alt="A"></div></div>'
            '<div class="cell docutils container"><div class="cell_output">sans id</div></div>')
    out = projection.cell_outputs(page)
    assert list(out) == ["figure-a"]
    assert '<img alt="A" src="../_images/a.png"/>' in out["figure-a"] or "../_images/a.png" in out["figure-a"]


def test_a_module_page_gets_its_link_once():
    m = CAT.module("00-prise-en-main")
    page = "<main><h1>Prise en main</h1><p>…</p><h1>Autre</h1></main>"
    once = projection.add_link(page, m)
    assert once.count(projection.LINK_TEXT) == 1
    assert 'href="../projection/00-prise-en-main.html"' in once
    assert projection.add_link(once, m) == once


def test_a_projection_page_carries_the_rgaa_mention_and_its_keys():
    from atelier_tools.book import ACCESSIBILITY_MENTION

    m = CAT.module("00-prise-en-main")
    screens = projection.extract_screens(m, small_notebook()[:4], activity=False)
    page = projection.page_html(m, screens, {})
    assert f'<a class="atelier-accessibilite" href="../annexes/accessibilite.html">{ACCESSIBILITY_MENTION}</a>' in page
    assert page.count('class="proj-ecran ') == len(screens) == 3
    assert '<html lang="fr">' in page and "http://" not in page and "https://" not in page


def test_a_link_to_a_module_leads_to_its_built_page_and_section():
    """A screen shows a module's text with its links (« À retenir » of 01 and 03 link to 06 and 04):
    from projection/, a link to a notebook must reach the built page, at the id the book gives the
    heading (an unchanged « NN-….ipynb#ancre » led nowhere)."""
    from atelier_tools.projection import markdown_html

    page = markdown_html("Voir le [module 06](06-gouvernance-et-territoires.ipynb#un-calendrier-modifié-en-2026), "
                         "le [module 04](04-donnees-et-droits.ipynb#mémorisation-quand-le-modèle-récite) "
                         "et le [module 05](05-diversite-culturelle.ipynb).")
    assert 'href="../modules/06-gouvernance-et-territoires.html#un-calendrier-modifie-en-2026"' in page
    assert 'href="../modules/04-donnees-et-droits.html#memorisation-quand-le-modele-recite"' in page
    assert 'href="../modules/05-diversite-culturelle.html"' in page
    assert ".ipynb" not in page
