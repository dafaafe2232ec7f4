"""Exercises: the checking framework, and every published solution passes its own check."""

from __future__ import annotations

import ast
import inspect
import re
import textwrap

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from notebook_tools import ROOT, exercise_labels, notebooks, read, run_cells, solutions

from atelier_ia import AtelierError, petitmodele
from atelier_ia.exercises import RESULTS, Feedback, check, known_exercises, normalise_text, parse_letter, parse_number

EXERCISE_NOTEBOOKS = notebooks("exercises")


def test_placeholder_gets_a_kind_message():
    ids = known_exercises()
    assert ids, "aucune vérification d'exercice n'est enregistrée"
    result = check(ids[0], ...)
    assert not result.ok and "Remplacez" in result.message


@pytest.mark.parametrize("exercise_id", known_exercises())
def test_the_placeholder_gets_no_verdict_only_what_to_do(exercise_id):
    """The static book runs every check on « ... »: the page must not tell a reader who has not
    answered yet that she failed; it says what to do, and that running code needs JupyterLab."""
    result = check(exercise_id, ...)
    assert result.pending and not result.ok
    shown = result._repr_html_() + repr(result)
    assert "Pas encore" not in shown and "✘" not in shown and "À vous" in shown
    assert "JupyterLab" in result.message and "solution" in result.message


def test_bad_exercise_ids():
    with pytest.raises(AtelierError, match="identifiant de l'exercice"):
        check(1, 2)
    with pytest.raises(AtelierError, match="n'existe pas"):
        check("99-9", 2)


def test_feedback_renders_in_french():
    html = Feedback(False, "Essayez encore.")._repr_html_()
    assert "Pas encore" in html and "Essayez encore." in html
    assert "Réussi" in Feedback(True, "Bravo.")._repr_html_()


@pytest.mark.parametrize("exercise_id", known_exercises())
@pytest.mark.parametrize("wrong", [object(), None, "", -1, [], 10**9])
def test_checks_refuse_wrong_answers_without_crashing(exercise_id, wrong):
    result = check(exercise_id, wrong)
    assert isinstance(result, Feedback) and not result.ok
    assert not result.crashed, f"{exercise_id} : la vérification a planté sur {wrong!r} : {result.message}"
    assert result.message and result.message[0].isupper()


def test_a_crashing_checker_is_caught_by_the_robustness_test():
    """check() hides a checker's crash from the learner, but marks it for the tests above."""
    from atelier_ia.exercises import _REGISTRY

    def broken(answer):
        raise ZeroDivisionError

    _REGISTRY["99-1"] = broken
    try:
        result = check("99-1", 3)
    finally:
        del _REGISTRY["99-1"]
    assert not result.ok and result.crashed and "ZeroDivisionError" in result.message


@pytest.mark.parametrize("path", EXERCISE_NOTEBOOKS, ids=lambda p: p.name)
def test_every_exercise_has_answer_check_and_solution(path):
    nb = read(path)
    labels = exercise_labels(nb)
    assert len(labels) >= 2, "au moins deux exercices par notebook"
    sols = solutions(nb)
    for label in labels:
        ident = label.removeprefix("ex-")
        assert label in sols, f"{label} : pas de solution en menu déroulant"
        tags = [t for c in nb.cells for t in c.get("metadata", {}).get("tags", [])]
        assert f"reponse-{label}" in tags, f"{label} : pas de cellule de réponse"
        assert f"verification-{label}" in tags, f"{label} : pas de cellule de vérification"
        assert ident in known_exercises(), f"{label} : pas de fonction de vérification"


@pytest.mark.parametrize("path", EXERCISE_NOTEBOOKS, ids=lambda p: p.name)
def test_solutions_pass_their_checks_and_blank_answers_do_not(path):
    nb = read(path)
    labels = exercise_labels(nb)
    RESULTS.clear()
    run_cells(nb, {}, path.parent)
    for label in labels:
        assert not RESULTS[label.removeprefix("ex-")].ok, f"{label} : la réponse vide ne doit pas passer"
    RESULTS.clear()
    sols = solutions(nb)
    run_cells(nb, {f"reponse-{label}": sols[label] for label in labels}, path.parent)
    for label in labels:
        result = RESULTS[label.removeprefix("ex-")]
        assert result.ok, f"{label} : la solution publiée ne passe pas sa vérification : {result.message}"


# --------------------------------------------------------------------------- one definition


MODULE_00 = ROOT / "modules" / "00-prise-en-main.ipynb"


def _function_def(source: str, name: str) -> ast.FunctionDef:
    found = [n for n in ast.walk(ast.parse(source)) if isinstance(n, ast.FunctionDef) and n.name == name]
    assert len(found) == 1, f"{name} doit être défini une fois, trouvé {len(found)}"
    return found[0]


def _cell(nb, cell_id: str) -> str:
    return next(c.source for c in nb.cells if c.get("id") == cell_id)


@pytest.mark.parametrize("cell_id, name", [("fonction-entrainer", "entrainer"), ("fonction-generer", "generer")])
def test_module_00_shows_the_library_tiny_model_exactly(cell_id, name):
    """The code learners read in module 00 is the code the exercises and checks run."""
    shown = _function_def(_cell(read(MODULE_00), cell_id), name)
    library = _function_def(textwrap.dedent(inspect.getsource(getattr(petitmodele, name))), name)
    assert ast.dump(shown) == ast.dump(library), f"{name} : le module 00 et atelier_ia.petitmodele divergent"


def test_exercises_import_the_tiny_model_instead_of_copying_it():
    for path in EXERCISE_NOTEBOOKS:
        for cell in read(path).cells:
            if cell.cell_type == "code":
                assert "def entrainer" not in cell.source and "def generer" not in cell.source, path.name


@pytest.mark.parametrize("call, words", [
    (lambda m: petitmodele.generer(m, 50, "2024"), ["graine", "'2024'"]),
    (lambda m: petitmodele.generer(m, 50, -1), ["graine", "-1"]),
    (lambda m: petitmodele.generer(m, -5, 0), ["longueur", "-5"]),
    (lambda m: petitmodele.generer(m, 2.5, 0), ["longueur", "2.5"]),
    (lambda m: petitmodele.generer({}, 50, 0), ["majuscule"]),
    (lambda m: petitmodele.generer("abc", 50, 0), ["entrainer"]),
    (lambda m: petitmodele.entrainer("Le texte.", -1), ["ordre", "-1"]),
    (lambda m: petitmodele.entrainer("Le texte.", "3"), ["ordre", "'3'"]),
    (lambda m: petitmodele.entrainer(42, 2), ["texte", "42"]),
    (lambda m: petitmodele.generer(petitmodele.entrainer("Le", 5), 50, 0), ["majuscule"]),
])
def test_tiny_model_answers_bad_input_in_french(call, words):
    model = petitmodele.entrainer("Le chat dort. Le chien veille.", 2)
    with pytest.raises(AtelierError) as info:
        call(model)
    message = str(info.value)
    for word in words:
        assert word in message, message
    assert "Traceback" not in message and "must" not in message


def _plus_long_emprunt():
    """Module 00's own ``plus_long_emprunt``, executed from its cell."""
    from atelier_ia.validation import check_text

    fn = _function_def(_cell(read(MODULE_00), "emprunts"), "plus_long_emprunt")
    namespace = {"check_text": check_text}
    exec(compile(ast.Module(body=[fn], type_ignores=[]), "<emprunts>", "exec"), namespace)
    return namespace["plus_long_emprunt"]


@settings(max_examples=150, deadline=None, database=None)
@given(st.text("ab c", min_size=1, max_size=25), st.text("ab c", min_size=1, max_size=40))
def test_module_00_longest_copy_matches_the_library(generated, source):
    """Module 00's readable longest-copied-passage equals the library's (music.longest_shared_passage,
    applied to the same characters written as notes)."""
    from atelier_ia.music import longest_shared_passage

    found = _plus_long_emprunt()(generated, source)
    assert found in generated and found in source

    def as_notes(text):
        return [(60 + "ab c".index(ch), 1.0) for ch in text]

    length, _ = longest_shared_passage(as_notes(generated), [as_notes(source)])
    assert len(found) == length


def test_module_00_longest_copy_refuses_non_text():
    with pytest.raises(AtelierError, match="texte généré"):
        _plus_long_emprunt()(42, "abc")


# --------------------------------------------------------------------------- parameters, titles


@pytest.mark.parametrize("path", EXERCISE_NOTEBOOKS, ids=lambda p: p.name)
def test_exercise_titles_carry_their_check_id(path):
    """The book says « Exercice (02-1) », as check("02-1", …) does, not a global number."""
    import re

    for cell in read(path).cells:
        if cell.cell_type == "markdown" and "{exercise}" in cell.source:
            head = re.match(r"^`{3,}\{exercise\} (\d\d-\d+)\n:label: ex-(\d\d-\d+)\n:nonumber:\n", cell.source)
            assert head and head.group(1) == head.group(2), cell.source[:80]


def _parameters(module: str) -> dict:
    import importlib

    return getattr(importlib.import_module(f"atelier_ia.exercises.m{module}"), "PARAMETRES", None)


#: Every available module of the catalogue (its two-digit number), so a new module is checked the day it opens.
AVAILABLE = [m.number for m in __import__("atelier_ia.course", fromlist=["load_catalogue"]).load_catalogue().available]


@pytest.mark.parametrize("module", AVAILABLE)
def test_exercise_parameters_are_written_once_and_quoted_in_the_statements(module):
    params = _parameters(module)
    assert params is not None, f"m{module}.PARAMETRES manque (un dictionnaire vide si les exercices n'ont ni graine, ni taille, ni consigne)"
    if not params:
        return
    path = next(p for p in EXERCISE_NOTEBOOKS if p.name.startswith(module))
    nb = read(path)
    setup = _cell(nb, "preparation")
    assert f"from atelier_ia.exercises.m{module} import" in setup and "PARAMETRES" in setup
    statements = {}
    for c in nb.cells:
        for label in exercise_labels(nbformat_like([c])):
            statements[label.removeprefix("ex-")] = c.source
    for ident, values in params.items():
        assert ident in statements, f"{ident} : PARAMETRES d'un exercice inconnu"
        body = " ".join(statements[ident].split())
        for key, value in values.items():
            for item in value if isinstance(value, tuple) else (value,):
                shown = str(item) if not isinstance(item, float) else str(item).replace(".", ",")
                assert shown in body, f"{ident} : {key}={item!r} n'apparaît pas dans l'énoncé"


def nbformat_like(cells):
    import nbformat

    nb = nbformat.v4.new_notebook()
    nb.cells = cells
    return nb


# --------------------------------------------------------------------------- normalisation policy


@pytest.mark.parametrize("typed, same_as", [
    ("« La Nuit étoilée »", "la nuit etoilee"),
    ("LA NUIT ÉTOILÉE !", "la nuit étoilée"),
    ("l’été", "l'ete"),
    ("  la\u00a0nuit\u202fétoilée\n", "la nuit étoilée"),
    ("“La Nuit étoilée.”", "La Nuit étoilée"),
])
def test_normalisation_ignores_case_accents_guillemets_punctuation_spaces(typed, same_as):
    assert normalise_text(typed) == normalise_text(same_as)


def test_normalisation_keeps_different_words_different():
    assert normalise_text("La Nuit étoilée") != normalise_text("La Nuit")
    assert normalise_text("pêche") == normalise_text("peche")  # accents are dropped on purpose


@pytest.mark.parametrize("typed, value", [
    ("0,5", 0.5), ("0.5", 0.5), (" 12 ", 12.0), ("1\u202f234,5", 1234.5), ("1 234", 1234.0),
    ("50 %", 50.0), ("-3,25", -3.25), (7, 7.0), (2.5, 2.5),
])
def test_french_and_python_numbers_are_read(typed, value):
    assert parse_number(typed) == value


@pytest.mark.parametrize("typed", ["", "abc", "1,2,3", ",", True, None, [1], "12a", "1 23"])
def test_non_numbers_are_refused(typed):
    assert parse_number(typed) is None


def test_letters_of_a_multiple_choice():
    assert [parse_letter(x, "abc") for x in ("B", " b) ", "(c)", "a.", "d", "ab", 1)] == ["b", "b", "c", "a", None, None, None]


#: How a statement announces an exercise that asks to think rather than read an output back: it
#: opens with a bold verb of one of these kinds (predict, choose, explain, compare, apply, judge).
THINKING = ("Pariez", "Prédisez", "Choisissez", "Expliquez", "Comparez", "Appliquez", "À vous de composer",
            "Jugez", "Justifiez")


@pytest.mark.parametrize("module", AVAILABLE)
def test_at_least_half_of_the_exercises_make_people_think(module):
    path = next(p for p in EXERCISE_NOTEBOOKS if p.name.startswith(module))
    statements = [c.source for c in read(path).cells if c.cell_type == "markdown" and "{exercise}" in c.source]
    thinking = [s for s in statements if any(re.search(rf"\*\*{kind}\b", s) for kind in THINKING)]
    assert statements and 2 * len(thinking) >= len(statements), (
        f"exercices {module} : {len(thinking)} sur {len(statements)} demandent de prédire, choisir, expliquer ou comparer"
    )


def test_text_answers_holding_a_number_are_read_as_numbers():
    assert check("00-1", "20").ok and check("00-1", 20).ok
    assert check("02-3", "0").ok and check("02-3", "0,0").ok
