"""Checks of the exercises of module 00 « Prise en main ».

The learner's notebook (exercises/00-prise-en-main-exercices.ipynb) defines the same tiny
character model as the module notebook (``entrainer`` / ``generer``). The checks below
re-implement it with identical behaviour, so that every expected value is computed from
the training text ``data/textes/prise-en-main.txt`` and never written by hand.
"""

from __future__ import annotations

from collections import Counter
from functools import lru_cache

import numpy as np

from ..paths import data_file
from . import show_answer as _show, Feedback, register

NBSP = "\u00a0"

#: The title whose length exercise 00-1 asks for (a comedy by Molière).
TITLE_00_1 = "Le Malade imaginaire"
#: The letter whose most frequent successor exercise 00-2 asks for.
LETTER_00_2 = "d"
#: Parameters of the generation asked in exercise 00-3.
ORDER_00_3, LENGTH_00_3, SEED_00_3 = 3, 120, 2024
#: Parameters of the two generations compared in exercise 00-4.
ORDER_00_4, LENGTH_00_4, SEED_00_4 = 2, 100, 7


@lru_cache(maxsize=1)
def training_text() -> str:
    """The training text on one line, as the notebooks read it."""
    raw = data_file("textes/prise-en-main.txt").read_text(encoding="utf-8")
    return " ".join(raw.split())


def train(text: str, order: int) -> dict:
    """Count, for each context of ``order`` characters, the characters that follow it."""
    counts: dict = {}
    for i in range(len(text) - order):
        context = text[i : i + order]
        if context not in counts:
            counts[context] = Counter()
        counts[context][text[i + order]] += 1
    return counts


@lru_cache(maxsize=8)
def _model(order: int) -> dict:
    return train(training_text(), order)


def generate(counts: dict, length: int, seed: int) -> str:
    """Same algorithm, same random draws as ``generer`` in the notebooks."""
    rng = np.random.default_rng(seed)
    starts = [c for c in counts if c[0].isupper()]
    out = str(rng.choice(starts))
    order = len(out)
    while len(out) < length:
        following = counts.get(out[-order:])
        if not following:
            break
        letters = list(following)
        weights = np.array(list(following.values())) / sum(following.values())
        out += str(rng.choice(letters, p=weights))
    return out


@register("00-1")
def check_00_1(answer) -> Feedback:
    expected = len(TITLE_00_1)
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


@register("00-2")
def check_00_2(answer) -> Feedback:
    following = _model(1)[LETTER_00_2]
    expected, times = following.most_common(1)[0]
    if isinstance(answer, (list, tuple)) and answer:
        return Feedback(False, (
            f"Vous avez donné une liste ou un couple ({_show(answer)}). On attend le caractère seul, "
            f"entre guillemets{NBSP}: par exemple modele_1[\"{LETTER_00_2}\"].most_common(1)[0][0]."
        ))
    if not isinstance(answer, str):
        return Feedback(False, (
            f"On attend un caractère entre guillemets, comme \"x\", pas {_show(answer)}."
        ))
    if len(answer) != 1:
        return Feedback(False, (
            f"On attend un seul caractère entre guillemets, comme \"x\"{NBSP}; vous en avez donné "
            f"{len(answer)} ({_show(answer)})."
        ))
    if answer == expected:
        return Feedback(True, (
            f"Oui{NBSP}: dans le texte d'entraînement, «{NBSP}{LETTER_00_2}{NBSP}» est suivi {times} fois "
            f"par «{NBSP}{expected}{NBSP}». C'est ce que le modèle a appris, et c'est le choix qu'il fera "
            "le plus souvent après cette lettre."
        ))
    seen = following.get(answer, 0)
    if seen:
        return Feedback(False, (
            f"Le caractère «{NBSP}{answer}{NBSP}» suit bien «{NBSP}{LETTER_00_2}{NBSP}», mais seulement {seen} fois. Un autre caractère "
            f"le suit plus souvent{NBSP}: regardez le premier de la liste donnée par most_common."
        ))
    return Feedback(False, (
        f"Dans le texte d'entraînement, «{NBSP}{answer}{NBSP}» ne vient jamais juste après «{NBSP}{LETTER_00_2}{NBSP}». "
        f"Affichez modele_1[\"{LETTER_00_2}\"].most_common(3) et prenez le premier caractère."
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


@register("00-4")
def check_00_4(answer) -> Feedback:
    model = _model(ORDER_00_4)
    first = generate(model, LENGTH_00_4, SEED_00_4)
    second = generate(model, LENGTH_00_4, SEED_00_4)
    expected = first == second
    if isinstance(answer, np.bool_):
        answer = bool(answer)
    if not isinstance(answer, bool):
        return Feedback(False, (
            f"On attend True (vrai) ou False (faux), sans guillemets, pas {_show(answer)}. "
            f"Indice{NBSP}: texte_a == texte_b vaut True quand les deux textes sont identiques."
        ))
    if answer == expected:
        return Feedback(True, (
            f"Exact{NBSP}: avec la même graine, le même modèle et la même longueur, le tirage au sort "
            "refait exactement les mêmes choix. Changez la graine et le texte change."
        ))
    return Feedback(False, (
        "Ce n'est pas ce que montrent les deux textes. Affichez texte_a et texte_b l'un sous "
        "l'autre et comparez-les lettre à lettre, ou écrivez reponse_4 = texte_a == texte_b."
    ))
