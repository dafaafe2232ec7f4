"""Charter template, decision outline and procurement review: behaviour, bad input, no mutation."""

from __future__ import annotations

import copy

import pytest

from atelier_ia import AtelierError
from atelier_ia.charter import CHARTER_SECTIONS, PROCUREMENT_CRITERIA, charter_markdown, decision_outline, review_offer


def test_charter_has_every_section_and_marks_missing_ones():
    text = charter_markdown("Médiathèque de Figeac", {"usages_interdits": ["générer le visage d'une personne réelle"]})
    for title, _ in CHARTER_SECTIONS.values():
        assert f"## {title}" in text
    assert "- générer le visage d'une personne réelle" in text
    assert text.count("À compléter") == len(CHARTER_SECTIONS) - 1
    assert "Projet, non encore adopté" in text
    assert "conseil juridique" in text


def test_charter_complete_and_dated():
    answers = {key: "une règle" for key in CHARTER_SECTIONS}
    text = charter_markdown("Théâtre", answers, adopted_on="12 mars 2027")
    assert "À compléter" not in text and "à compléter avant" not in text
    assert "Adoptée le 12 mars 2027" in text


def test_charter_does_not_mutate_answers():
    answers = {"donnees": ["  pas de données personnelles  ", ""]}
    before = copy.deepcopy(answers)
    charter_markdown("Musée", answers)
    assert answers == before


@pytest.mark.parametrize("bad", [None, ["donnees"], {"inconnue": "x"}, {"donnees": 3}])
def test_charter_bad_answers(bad):
    with pytest.raises(AtelierError):
        charter_markdown("Musée", bad)


def test_charter_bad_institution():
    with pytest.raises(AtelierError):
        charter_markdown("", {})


def test_decision_outline_public_and_board():
    council = decision_outline("conseil municipal")
    board = decision_outline("conseil d'administration")
    assert council.startswith("# Délibération")
    assert "code général des collectivités territoriales" in council
    assert "statuts" in board and "code général" not in board
    with pytest.raises(AtelierError):
        decision_outline("assemblée générale")


def test_review_offer_verdicts():
    all_yes = {k: "oui" for k in PROCUREMENT_CRITERIA}
    assert review_offer("A", all_yes)["non"] == 0
    assert "tous les critères" in review_offer("A", all_yes)["verdict"]
    partial = review_offer("B", {"energie": "non"})
    assert partial["non"] == 1 and partial["inconnu"] == len(PROCUREMENT_CRITERIA) - 1
    assert "écarter" in partial["verdict"]
    unknown = review_offer("C", {k: "oui" for k in list(PROCUREMENT_CRITERIA)[:-1]})
    assert "questions" in unknown["verdict"] and len(unknown["a_demander"]) == 1


def test_review_offer_bad_input_and_no_mutation():
    answers = {"energie": "oui"}
    review_offer("A", answers)
    assert answers == {"energie": "oui"}
    with pytest.raises(AtelierError, match="Critère inconnu"):
        review_offer("A", {"prix": "oui"})
    with pytest.raises(AtelierError, match="inconnu"):
        review_offer("A", {"energie": "peut-être"})
    with pytest.raises(AtelierError):
        review_offer("A", "oui")


def test_typography_of_texts():
    text = charter_markdown("Musée", {}) + decision_outline() + review_offer("A", {})["verdict"]
    assert " :" not in text and " ?" not in text and " ;" not in text
