"""Checks of the exercises of module 00 « Prise en main ».

The exercise notebook (exercises/00-prise-en-main-exercices.ipynb) and these checks both use
the tiny character model of :mod:`atelier_ia.petitmodele` (the code module 00 shows), and both
read the exercises' parameters from :data:`PARAMETRES`, so that every expected value is
computed from the training text ``data/textes/prise-en-main.txt`` and never written by hand.
"""

from __future__ import annotations

from functools import lru_cache

import numpy as np

from ..fmt import NBSP
from ..paths import data_file
from ..petitmodele import entrainer, generer
from . import Feedback, parse_number, register
from . import show_answer as _show

__all__ = [
    "NBSP",
    "PARAMETRES",
    "TITLE_00_1",
    "check_00_1",
    "check_00_3",
    "generate",
    "training_text",
]


#: Each exercise's parameters, written once: the notebook's set-up cell imports this dict,
#: and a test checks that each exercise's statement quotes these values.
PARAMETRES = {
    "00-1": {"titre": "Le Malade imaginaire"},       # the comedy by Molière whose length is asked
    "00-2": {"lettre": "d"},                          # the letter whose usual successor is predicted
    "00-3": {"ordre": 3, "longueur": 120, "graine": 2024},
    "00-4": {"ordre": 2, "longueur": 100, "graine": 7},
}

TITLE_00_1 = PARAMETRES["00-1"]["titre"]
ORDER_00_3, LENGTH_00_3, SEED_00_3 = (PARAMETRES["00-3"][k] for k in ("ordre", "longueur", "graine"))


@lru_cache(maxsize=1)
def training_text() -> str:
    """The training text on one line, as the notebooks read it."""
    raw = data_file("textes/prise-en-main.txt").read_text(encoding="utf-8")
    return " ".join(raw.split())


@lru_cache(maxsize=8)
def _model(order: int) -> dict:
    return entrainer(training_text(), order)


def generate(counts: dict, length: int, seed: int) -> str:
    """The notebook's ``generer`` (kept under this name for the checks below)."""
    return generer(counts, length, seed)


@register("00-1")
def check_00_1(answer) -> Feedback:
    expected = len(TITLE_00_1)
    number = parse_number(answer) if isinstance(answer, str) else None
    if number is not None and number.is_integer():
        answer = int(number)  # « 20 » typed as a text is read as a number (normalisation policy)
    if isinstance(answer, str):
        return Feedback(False, (
            f"Vous avez donné un texte ({_show(answer)}). On attend un nombre{NBSP}: "
            f"écrivez len(\"{TITLE_00_1}\") pour que Python compte les caractères."
        ))
    if isinstance(answer, bool) or not isinstance(answer, (int, np.integer)):
        return Feedback(False, (
            f"On attend un nombre entier (le nombre de caractères), pas {_show(answer)}. "
            f"Indice{NBSP}: len(\"…\") renvoie la longueur d'un texte."
        ))
    answer = int(answer)
    if answer == expected:
        return Feedback(True, (
            f"Exact{NBSP}: «{NBSP}{TITLE_00_1}{NBSP}» compte {expected} caractères, espaces compris. "
            "Pour Python, un espace est un caractère comme un autre."
        ))
    if answer == len(TITLE_00_1.replace(" ", "")):
        return Feedback(False, (
            f"Presque{NBSP}: vous avez oublié les espaces. Ils comptent aussi comme des caractères{NBSP}; "
            "laissez len(…) faire le calcul."
        ))
    return Feedback(False, (
        f"Ce n'est pas le bon nombre (vous avez donné {answer}). Copiez le titre exactement entre "
        "guillemets, majuscules et espaces compris, et utilisez len(\"…\")."
    ))


@register("00-3")
def check_00_3(answer) -> Feedback:
    expected = generate(_model(ORDER_00_3), LENGTH_00_3, SEED_00_3)
    if not isinstance(answer, str):
        return Feedback(False, (
            f"On attend le texte produit par generer(…), pas {_show(answer)}. "
            f"Écrivez{NBSP}: reponse_3 = generer(modele_3, longueur={LENGTH_00_3}, graine={SEED_00_3})."
        ))
    if answer == expected:
        return Feedback(True, (
            f"C'est le bon texte. Avec la graine {SEED_00_3} et {ORDER_00_3} caractères de contexte, "
            f"tout le monde obtient exactement ce texte-là{NBSP}: c'est à cela que sert la graine."
        ))
    if len(answer) != LENGTH_00_3:
        return Feedback(False, (
            f"Votre texte compte {len(answer)} caractères au lieu de {LENGTH_00_3}. "
            f"Vérifiez la longueur demandée{NBSP}: longueur={LENGTH_00_3}."
        ))
    for order in range(1, 5):
        for seed in range(0, 21):
            if (order, seed) != (ORDER_00_3, SEED_00_3) and generate(_model(order), LENGTH_00_3, seed) == answer:
                return Feedback(False, (
                    f"Ce texte a été produit avec la graine {seed} et {order} caractère(s) de contexte. "
                    f"Il faut la graine {SEED_00_3} et le modèle à {ORDER_00_3} caractères{NBSP}: "
                    f"modele_3 = entrainer(texte, {ORDER_00_3})."
                ))
    return Feedback(False, (
        "Ce n'est pas le texte attendu. Exécutez d'abord la cellule de préparation en haut du "
        f"notebook, puis utilisez modele_3 = entrainer(texte, {ORDER_00_3}) et "
        f"generer(modele_3, longueur={LENGTH_00_3}, graine={SEED_00_3}), sans recopier le texte à la main."
    ))


