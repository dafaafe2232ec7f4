"""Feedback on writing (issue 22, point 4): every writing prompt has a model answer and a checklist.

A writing prompt is an « À vous » Markdown cell of a module notebook that asks for a written
answer; it carries the tag ``ecriture``. Every other « À vous » cell (a manipulation, a bet
checked by the next cell, a code exercise) is listed under ``sans_ecriture`` in the module's
``data/ecriture/<id>.yml`` with its reason, so a new prompt cannot be left without feedback.
"""

from __future__ import annotations

import html
import re
from pathlib import Path

import nbformat
import pytest

from atelier_ia.course import load_catalogue
from atelier_ia.errors import AtelierError
from atelier_ia.writing import (
    MAX_CRITERIA,
    MIN_CRITERIA,
    TAG,
    all_prompts,
    check_writing,
    get_prompt,
    inline_markdown,
    load_prompts,
    parse_prompts,
    show_model,
    skipped_cells,
)
from atelier_tools import ecriture, fiches, handouts

ROOT = Path(__file__).resolve().parents[1]
MODULES = sorted(p.stem for p in (ROOT / "modules").glob("*.ipynb"))
PROMPTS = list(all_prompts())
CHECKABLE = [p for p in PROMPTS if p.checkable]


def _cells(path: Path):
    return nbformat.read(path, as_version=4).cells


def _a_vous_cells(path: Path) -> list[str]:
    return [c.id for c in _cells(path) if c.cell_type == "markdown" and "À vous" in c.source]


@pytest.mark.parametrize("module_id", MODULES)
def test_every_a_vous_cell_is_a_writing_prompt_or_listed_with_its_reason(module_id):
    cells = _cells(ROOT / "modules" / f"{module_id}.ipynb")
    tagged = {c.id for c in cells if TAG in c.metadata.get("tags", [])}
    entries = {p.cell for p in load_prompts(module_id)}
    skipped = {cell for cell, _ in skipped_cells(module_id) if not cell.startswith("exercices:")}
    a_vous = set(_a_vous_cells(ROOT / "modules" / f"{module_id}.ipynb"))
    assert tagged == entries, (
        f"{module_id} : cellules étiquetées « {TAG} » sans consigne dans data/ecriture : "
        f"{sorted(tagged - entries)} ; consignes dont la cellule n'est pas étiquetée : {sorted(entries - tagged)}"
    )
    assert not tagged & skipped, f"{module_id} : cellules à la fois consignes et « sans_ecriture » : {tagged & skipped}"
    assert a_vous <= tagged | skipped, (
        f"{module_id} : « À vous » sans réponse possible ni raison dans data/ecriture/{module_id}.yml : "
        f"{sorted(a_vous - tagged - skipped)}"
    )
    assert skipped <= a_vous, f"{module_id} : « sans_ecriture » cite des cellules absentes : {sorted(skipped - a_vous)}"
    for _, reason in skipped_cells(module_id):
        assert len(reason.split()) >= 4, f"{module_id} : raison trop courte dans « sans_ecriture » : {reason!r}"


@pytest.mark.parametrize("module_id", MODULES)
def test_exercise_a_vous_cells_are_accounted_for(module_id):
    path = ROOT / "exercises" / f"{module_id}-exercices.ipynb"
    if not path.is_file():
        pytest.fail(f"{path.name} manque")
    listed = {cell.split(":", 1)[1] for cell, _ in skipped_cells(module_id) if cell.startswith("exercices:")}
    assert set(_a_vous_cells(path)) == listed


def test_the_course_has_many_writing_prompts_and_some_checkers():
    assert len(PROMPTS) >= 40
    assert {p.module for p in PROMPTS} == set(MODULES)
    assert len(CHECKABLE) >= 10


@pytest.mark.parametrize("prompt", PROMPTS, ids=lambda p: p.id)
def test_each_prompt_has_a_short_model_answer_and_3_to_5_criteria(prompt):
    assert MIN_CRITERIA <= len(prompt.criteria) <= MAX_CRITERIA
    words = len(prompt.model.split())
    assert 30 <= words <= 180, f"{prompt.id} : la réponse possible compte {words} mots (un modèle, pas un essai)"
    assert len(set(prompt.criteria)) == len(prompt.criteria)


@pytest.mark.parametrize("prompt", PROMPTS, ids=lambda p: p.id)
def test_the_notebook_shows_the_model_right_after_the_prompt(prompt):
    cells = _cells(ROOT / "modules" / f"{prompt.module}.ipynb")
    index = next(i for i, c in enumerate(cells) if c.id == prompt.cell)
    after = cells[index + 1]
    assert after.cell_type == "code" and "remove-input" in after.metadata.get("tags", [])
    assert f'show_model("{prompt.id}")' in after.source


def test_the_cells_are_all_in_place():
    """The insertion script has nothing left to do (it would print what is missing)."""
    for module_id in MODULES:
        path = ROOT / "modules" / f"{module_id}.ipynb"
        assert ecriture.apply(path, module_id, write=False) == []


@pytest.mark.parametrize("prompt", PROMPTS[:3] + CHECKABLE[:2], ids=lambda p: p.id)
def test_model_is_folded_and_checklist_has_boxes(prompt):
    page = show_model(prompt.id)._repr_html_()
    before, details = page.split("<details>", 1)
    first_sentence = html.escape(prompt.model.split(".")[0].split("\n")[0][:40], quote=False)
    assert first_sentence[:20] not in before, "la réponse possible doit rester repliée"
    assert "<summary>" in details and "open" not in details.split(">", 1)[0]
    assert before.count('type="checkbox"') == len(prompt.criteria)
    # Plain HTML, readable in JupyterLab: no MyST role or directive, no script.
    assert not re.search(r"\{[a-z]+\}`|```|:::|<script", page)
    # The plain-text face does not reveal the model either.
    assert prompt.model[:30] not in repr(show_model(prompt.id))


@pytest.mark.parametrize("prompt", CHECKABLE, ids=lambda p: p.id)
def test_the_model_answer_passes_its_own_checks(prompt):
    report = check_writing(prompt.id, prompt.model)
    assert report.ok, f"{prompt.id} : {report.missing}"
    assert "Rien ne manque" in str(report)


@pytest.mark.parametrize("prompt", CHECKABLE, ids=lambda p: p.id)
def test_a_vague_text_misses_the_required_elements(prompt):
    report = check_writing(prompt.id, "Je ne sais pas trop, il faudrait y réfléchir.")
    assert not report.ok
    names = [e.name for e in prompt.elements]
    for name in names:
        assert any(m.startswith(name) and "introuvable" in m for m in report.missing), name
    assert "Complétez ce qui manque" in str(report)


def test_mention_checker_names_what_is_missing_in_french():
    # A mention that says what and with what, but not who did what, nor where it is shown.
    report = check_writing("07-mention", "Cette illustration a été générée par un outil d'IA à partir de photos anciennes de la ville.")
    missing = " ".join(report.missing)
    assert "ce qu'une personne a fait" in missing and "le support de la mention" in missing
    assert any(m.startswith("ce qui a été généré") for m in report.met)
    assert any(m.startswith("l'outil utilisé") for m in report.met)
    long_text = "mot " * 200
    assert any("raccourcissez de" in m for m in check_writing("07-mention", long_text).missing)


def test_date_checker_finds_a_year_and_accents_do_not_matter():
    good = "L'autrice est MORTE en 1960 ; l'affiche date de 1925. La PHOTOGRAPHIE diffusée est récente."
    assert check_writing("04-oeuvre", good).ok
    no_year = "L'autrice est morte il y a longtemps ; la photographie diffusée est récente."
    report = check_writing("04-oeuvre", no_year)
    assert [m for m in report.missing if m.startswith("une année")]


@pytest.mark.parametrize("bad", [None, 42, ["texte"], b"texte"])
def test_check_writing_refuses_what_is_not_a_text(bad):
    with pytest.raises(AtelierError, match="check_writing attend votre texte"):
        check_writing("07-mention", bad)


@pytest.mark.parametrize("empty", ["", "   ", "..."])
def test_check_writing_refuses_an_empty_text(empty):
    with pytest.raises(AtelierError, match="Votre texte est vide"):
        check_writing("07-mention", empty)


def test_unknown_or_uncheckable_prompt_is_explained():
    with pytest.raises(AtelierError, match="inconnue.*07-mention"):
        check_writing("07-mentions", "texte")
    with pytest.raises(AtelierError, match="identifiant d'une consigne"):
        show_model(7)
    plain = next(p for p in PROMPTS if not p.checkable)
    with pytest.raises(AtelierError, match="pas de vérification automatique"):
        check_writing(plain.id, "Un texte.")
    with pytest.raises(AtelierError, match="ce module n'a pas de consigne"):
        load_prompts("99-inconnu")


@pytest.mark.parametrize("data, message", [
    ({"module": "07-x", "consignes": [{"id": "07-a", "cellule": "c", "modele": "m", "criteres": ["a", "b"]}]}, "de 3 à 5 critères"),
    ({"module": "07-x", "consignes": [{"id": "06-a", "cellule": "c", "modele": "m", "criteres": ["a", "b", "c"]}]}, "doit commencer par le numéro"),
    ({"module": "07-x", "consignes": [{"id": "07-a", "cellule": "c", "modele": " ", "criteres": ["a", "b", "c"]}]}, "« modele » doit être un texte non vide"),
    ({"module": "07-x", "consignes": [{"id": "07-a", "cellule": "c", "modele": "m", "criteres": ["a", "b", "c"],
                                       "verifications": {"elements": [{"nom": "x", "motifs": ["("]}]}}]}, "expression régulière invalide"),
    ({"module": "07-x", "consignes": [{"id": "07-a", "cellule": "c", "modele": "m", "criteres": ["a", "b", "c"],
                                       "verifications": {"mots_min": 50, "mots_max": 10}}]}, "« mots_min » dépasse"),
    ({"consignes": []}, "doit commencer par « module"),
])
def test_bad_data_files_are_explained_in_french(data, message):
    with pytest.raises(AtelierError, match=re.escape(message)):
        parse_prompts(data, "data/ecriture/07-x.yml")


@pytest.mark.parametrize("module_id", MODULES)
def test_review_grid_page_carries_every_checklist_without_the_answers(module_id):
    cat = load_catalogue()
    m = next((m for m in cat.available if m.id == module_id), None)
    if m is None:
        pytest.fail(f"{module_id} n'est pas disponible")
    page = handouts.review_page(cat, m)
    assert page.startswith(f"# Grille de relecture\u00a0: {m.title}")
    prompts = load_prompts(module_id)
    for prompt in prompts:
        assert handouts.prompt_text(m, prompt.cell)[:40] in page.replace("<b>", "").replace("</b>", "") or \
            inline_markdown(handouts.prompt_text(m, prompt.cell))[:40] in page
        for criterion in prompt.criteria:
            assert inline_markdown(criterion) in page
        assert inline_markdown(prompt.model.split("\n")[0].removeprefix("- "))[:40] not in page, "la grille ne donne pas la réponse"
    assert page.count("☐") == sum(len(p.criteria) for p in prompts)
    # The prompt is read from the notebook, without its label or MyST roles.
    assert "À vous" not in page and "{term}" not in page
    # The printed set and the list of handouts include it.
    assert f"{m.number}-relecture.pdf" in [j.pdf for j in fiches.print_jobs(ROOT / "_build" / "html", cat)]
    assert handouts.review_doc(module_id) in handouts.index_list(cat)


def test_prompt_text_is_read_from_the_notebook():
    cat = load_catalogue()
    m = cat.module("07-ecosysteme-ouvert")
    text = handouts.prompt_text(m, "mentions-lecture")
    assert text.startswith("parmi les contenus que votre structure a publiés")
    with pytest.raises(AtelierError, match="paragraphe"):
        handouts.prompt_text(m, "titre")


def test_get_prompt_finds_every_entry_once():
    ids = [p.id for p in PROMPTS]
    assert len(ids) == len(set(ids))
    assert all(get_prompt(i).id == i for i in ids)
