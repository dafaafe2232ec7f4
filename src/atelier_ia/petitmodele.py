"""The tiny character model of module 00 « Prise en main », defined once.

Module 00 shows learners the two functions below in its cells (``fonction-entrainer``,
``fonction-generer``) so that they can read them; the exercises and their checks import them
from here. ``tests/test_exercises.py`` proves that the notebook's definitions and these are
the same code (same abstract syntax tree). Names stay French because learners read and call
them: ``entrainer`` (train) counts which character follows each context of ``ordre``
characters; ``generer`` (generate) writes a text by weighted random draws.
"""

from __future__ import annotations

import numbers
from collections import Counter

import numpy as np

from .errors import AtelierError, describe
from .validation import check_int, check_seed, check_text

__all__ = ["entrainer", "generer", "check_counts"]


def check_counts(comptes) -> dict:
    """``comptes`` as a trained model (made by ``entrainer``) that can start a text, else a French error."""
    if not isinstance(comptes, dict) or not all(isinstance(c, str) and c for c in comptes):
        raise AtelierError(
            f"«\u00a0comptes\u00a0» doit être un modèle fait par entrainer(texte, ordre), pas {describe(comptes)}. "
            "Entraînez d'abord un modèle, par exemple modele = entrainer(texte, 3), puis "
            "écrivez generer(modele, longueur=100, graine=0)."
        )
    for contexte, suivants in comptes.items():
        _check_following(contexte, suivants)
    if not any(c[0].isupper() for c in comptes):
        raise AtelierError(
            "Ce modèle ne sait pas commencer un texte\u00a0: aucun de ses contextes ne commence par une "
            "majuscule (texte d'entraînement trop court pour l'ordre choisi, ou sans majuscule). "
            "Entraînez-le sur un texte plus long, avec des phrases, ou choisissez un ordre plus petit."
        )
    return comptes


def _check_following(contexte, suivants) -> None:
    """The counts after one context: characters counted a whole number of times, never less than 0."""
    if not isinstance(suivants, dict):
        raise AtelierError(
            f"Après le contexte {contexte!r}, le modèle doit donner un Counter (caractère suivant\u00a0: nombre de "
            f"fois), pas {describe(suivants)}. Refaites le modèle avec entrainer(texte, ordre)."
        )
    for suivant, nombre in suivants.items():
        if not isinstance(suivant, str) or len(suivant) != 1:
            raise AtelierError(
                f"Après le contexte {contexte!r}, chaque suivant doit être un seul caractère, pas {describe(suivant)}. "
                "Refaites le modèle avec entrainer(texte, ordre)."
            )
        if isinstance(nombre, bool) or not isinstance(nombre, numbers.Integral) or nombre < 0:
            raise AtelierError(
                f"Après le contexte {contexte!r}, le compte du caractère {suivant!r} est {describe(nombre)}\u00a0: "
                "un compte est un nombre entier de fois, 0 ou plus. Corrigez ce compte (0 pour interdire ce "
                "caractère) ou refaites le modèle avec entrainer(texte, ordre)."
            )
    if suivants and not any(suivants.values()):
        raise AtelierError(
            f"Après le contexte {contexte!r}, tous les comptes valent 0\u00a0: le modèle ne peut rien tirer au sort. "
            "Laissez au moins un caractère compté une fois ou plus."
        )


def entrainer(texte, ordre):
    """Compte, pour chaque contexte de `ordre` caractères, ce qui le suit."""
    texte = check_text(texte, "le texte")
    ordre = check_int(ordre, "ordre", minimum=1)
    comptes = {}
    for i in range(len(texte) - ordre):
        contexte = texte[i : i + ordre]
        suivant = texte[i + ordre]
        if contexte not in comptes:
            comptes[contexte] = Counter()
        comptes[contexte][suivant] += 1
    return comptes


def generer(comptes, longueur, graine):
    """Écrit un texte de `longueur` caractères, chacun tiré au sort."""
    comptes = check_counts(comptes)
    longueur = check_int(longueur, "longueur", minimum=1, maximum=100_000)
    graine = check_seed(graine)
    hasard = np.random.default_rng(graine)
    debuts = [c for c in comptes if c[0].isupper()]
    sortie = str(hasard.choice(debuts))
    ordre = len(sortie)
    while len(sortie) < longueur:
        suivants = comptes.get(sortie[-ordre:])
        if not suivants:
            break
        poids = np.array(list(suivants.values())) / sum(suivants.values())
        sortie += str(hasard.choice(list(suivants), p=poids))
    return sortie
