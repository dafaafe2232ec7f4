"""Checks of the exercises of module 02 « Comment fonctionne l'IA générative ».

The learner's notebook (exercises/02-fonctionnement-ia-generative-exercices.ipynb) trains,
in its preparation cell, the same tokenizer and the same character model as below: it imports
:func:`tokenizer`, :func:`char_model` and :data:`PARAMETRES` from this file. Every expected value is computed here with the library
(:mod:`atelier_ia.text`, :mod:`atelier_ia.embeddings`) and never written by hand, so the
checks stay right if the corpus changes (for instance when the Littré is not installed and
the course's fallback text is used instead).
"""

from __future__ import annotations

from functools import lru_cache

import numpy as np

from ..corpus import load_author
from ..fmt import NBSP
from ..text import BPETokenizer, NGramModel, apply_temperature, word_tokens
from . import Feedback, parse_number, register
from . import show_answer as _show

__all__ = [
    "AUTHOR",
    "CONTEXT_02_2",
    "LENGTH_02_3",
    "NBSP",
    "ORDER",
    "PARAMETRES",
    "PROMPT_02_3",
    "SEEDS_02_3",
    "VERSE_02_1",
    "char_model",
    "check_02_1",
    "check_02_3",
    "fables",
    "tokenizer",
]


#: The corpus of the exercises and how the notebook's preparation cell trains on it.
AUTHOR = "La Fontaine"
BPE_QUOTES, BPE_VOCAB = 2500, 400
ORDER = 3
#: Each exercise's parameters, written once: the notebook's cells read this dict, and a test
#: checks that each exercise's statement quotes these values.
PARAMETRES = {
    # the line of verse to tokenize (La Fontaine, « Le Loup et l'Agneau »)
    "02-1": {"vers": "La raison du plus fort est toujours la meilleure."},
    # the context whose most probable next character is predicted
    "02-2": {"contexte": "Le lou"},
    # the generation used to test a temperature (two seeds must agree)
    "02-3": {"debut": "Le loup", "longueur": 80, "graine_1": 1, "graine_2": 2},
    # the query searched by meaning in the course's collection
    "02-4": {"question": "a starry night sky over a village"},
}
VERSE_02_1 = PARAMETRES["02-1"]["vers"]
CONTEXT_02_2 = PARAMETRES["02-2"]["contexte"]
PROMPT_02_3 = PARAMETRES["02-3"]["debut"] + " "
LENGTH_02_3 = PARAMETRES["02-3"]["longueur"]
SEEDS_02_3 = (PARAMETRES["02-3"]["graine_1"], PARAMETRES["02-3"]["graine_2"])


@lru_cache(maxsize=1)
def fables():
    return load_author(AUTHOR)


@lru_cache(maxsize=1)
def tokenizer() -> BPETokenizer:
    """The notebook's ``bpe``: trained on the first quotations, 400 tokens."""
    return BPETokenizer.train("\n".join(fables().quotes[:BPE_QUOTES]), vocab_size=BPE_VOCAB)


@lru_cache(maxsize=1)
def char_model() -> NGramModel:
    """The notebook's ``modele``: characters, order 3, all the quotations."""
    return NGramModel(order=ORDER, level="char").fit(fables().text)


def _is_int(value) -> bool:
    return isinstance(value, (int, np.integer)) and not isinstance(value, (bool, np.bool_))


@register("02-1")
def check_02_1(answer) -> Feedback:
    if isinstance(answer, (list, tuple)):
        if answer and list(answer) == tokenizer().tokens(VERSE_02_1):
            return Feedback(False, (
                f"C'est bien la liste des jetons du vers{NBSP}! On attend leur nombre{NBSP}: "
                "entourez-la de len(…), par exemple len(bpe.tokens(vers))."
            ))
        return Feedback(False, (
            f"Vous avez donné une liste ({_show(answer)}). On attend un nombre entier{NBSP}: "
            "len(bpe.tokens(vers)) compte les jetons du vers."
        ))
    if isinstance(answer, str) and parse_number(answer) is not None and parse_number(answer).is_integer():
        answer = int(parse_number(answer))
    if isinstance(answer, str):
        return Feedback(False, (
            f"Vous avez donné un texte ({_show(answer)}). On attend un nombre, sans guillemets{NBSP}: "
            "len(bpe.tokens(vers)) compte les jetons du vers."
        ))
    if not _is_int(answer):
        return Feedback(False, (
            f"On attend un nombre entier (le nombre de jetons), pas {_show(answer)}. "
            f"Indice{NBSP}: len(bpe.tokens(vers))."
        ))
    answer = int(answer)
    expected = len(tokenizer().encode(VERSE_02_1))
    if answer == expected:
        return Feedback(True, (
            f"Exact{NBSP}: le découpeur entraîné sur La Fontaine coupe ce vers en {expected} jetons, "
            f"pour {len(VERSE_02_1)} caractères. Les mots fréquents restent entiers, les autres sont "
            "coupés en morceaux."
        ))
    if answer < 0:
        return Feedback(False, "Un nombre de jetons ne peut pas être négatif. Comptez-les avec len(bpe.tokens(vers)).")
    if answer == len(VERSE_02_1):
        return Feedback(False, (
            f"Vous avez donné {answer}{NBSP}: c'est le nombre de caractères du vers. Le découpeur BPE en regroupe "
            f"plusieurs par jeton{NBSP}: comptez len(bpe.tokens(vers))."
        ))
    if answer == len(word_tokens(VERSE_02_1)):
        return Feedback(False, (
            f"Vous avez donné {answer}{NBSP}: c'est le nombre de mots et de signes de ponctuation. Le découpeur BPE coupe "
            f"certains mots en plusieurs morceaux{NBSP}: comptez len(bpe.tokens(vers))."
        ))
    if answer == len(VERSE_02_1.encode("utf-8")):
        return Feedback(False, (
            f"Vous avez donné {answer}{NBSP}: c'est le nombre d'octets du vers, avant toute fusion. Comptez plutôt les "
            f"jetons du découpeur entraîné{NBSP}: len(bpe.tokens(vers))."
        ))
    direction = "trop" if answer > expected else "pas assez"
    return Feedback(False, (
        f"Ce n'est pas le bon nombre ({answer}, c'est {direction}). Vérifiez que la variable vers "
        "contient exactement le vers de l'énoncé, puis écrivez reponse_1 = len(bpe.tokens(vers))."
    ))


@register("02-3")
def check_02_3(answer) -> Feedback:
    if isinstance(answer, str) and parse_number(answer) is not None:
        answer = parse_number(answer)
    if isinstance(answer, str):
        return Feedback(False, (
            f"Vous avez donné un texte ({_show(answer)}). On attend un nombre, sans guillemets{NBSP}: "
            "la température choisie."
        ))
    if parse_number(answer) is None or not np.isfinite(parse_number(answer)):
        return Feedback(False, f"On attend un nombre (une température), pas {_show(answer)}.")
    t = float(answer)
    if t < 0:
        return Feedback(False, "Une température ne peut pas être négative. Essayez des valeurs entre 0 et 2.")
    if t > 10:
        return Feedback(False, (
            f"Une température de {answer}, c'est énorme{NBSP}: le tirage serait presque uniforme, donc "
            "très variable. Cherchez plutôt du côté des petites valeurs."
        ))
    model = char_model()
    probs = apply_temperature(model.next_distribution(CONTEXT_02_2), t)
    always_top = bool(probs.iloc[0] == 1.0)
    texts = [model.generate(length=LENGTH_02_3, seed=s, temperature=t, prompt=PROMPT_02_3) for s in SEEDS_02_3]
    same = texts[0] == texts[1]
    if always_top and same and t == 0:
        return Feedback(True, (
            f"Exact{NBSP}: à température 0, le modèle prend toujours le caractère le plus probable. "
            f"La graine ne sert plus à rien, et le texte tourne en rond. C'est le choix «{NBSP}glouton{NBSP}»."
        ))
    if always_top or same:
        return Feedback(False, (
            f"Presque{NBSP}: à {answer}, le tirage est déjà presque toujours le même. Une seule valeur "
            f"rend le choix du plus probable absolument certain{NBSP}: laquelle{NBSP}?"
        ))
    if t == 1:
        return Feedback(False, (
            f"À température 1, le tirage suit exactement les probabilités apprises{NBSP}: deux graines "
            "donnent deux textes différents. Essayez plus bas."
        ))
    if t > 1:
        return Feedback(False, (
            f"Au-dessus de 1, la température ajoute du hasard{NBSP}: c'est l'inverse de ce qu'on cherche. "
            "Essayez des valeurs plus petites que 1."
        ))
    return Feedback(False, (
        f"À {answer}, les deux graines donnent encore deux textes différents. Baissez encore la "
        "température, jusqu'à ce que le hasard disparaisse complètement."
    ))


