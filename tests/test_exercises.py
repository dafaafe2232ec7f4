"""Exercises: the checking framework, and every published solution passes its own check."""

from __future__ import annotations

import pytest

from atelier_ia import AtelierError
from atelier_ia.exercises import RESULTS, Feedback, check, known_exercises
from notebook_tools import exercise_labels, notebooks, read, run_cells, solutions

EXERCISE_NOTEBOOKS = notebooks("exercises")


def test_placeholder_gets_a_kind_message():
    ids = known_exercises()
    assert ids, "aucune vérification d'exercice n'est enregistrée"
    result = check(ids[0], ...)
    assert not result.ok and "Remplacez" in result.message


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
    assert result.message and result.message[0].isupper()


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
