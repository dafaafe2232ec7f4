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
from ..embeddings import load_collection, search
from ..text import BPETokenizer, NGramModel, apply_temperature, word_tokens
from . import Feedback, choice_check, normalise_text, parse_number, register
from . import show_answer as _show

__all__ = [
    "AUTHOR",
    "CONTEXT_02_2",
    "LENGTH_02_3",
    "NBSP",
    "ORDER",
    "PARAMETRES",
    "PROMPT_02_3",
    "QUERY_02_4",
    "SEEDS_02_3",
    "VERSE_02_1",
    "char_model",
    "check_02_1",
    "check_02_2",
    "check_02_3",
    "check_02_4",
    "fables",
    "tokenizer",
]

NBSP = "\u00a0"

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
QUERY_02_4 = PARAMETRES["02-4"]["question"]


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


def _name(char: str) -> str:
    return {" ": "l'espace", "\n": "la fin de ligne"}.get(char, f"«{NBSP}{char}{NBSP}»")


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


@register("02-2")
def check_02_2(answer) -> Feedback:
    if isinstance(answer, (list, tuple)):
        return Feedback(False, (
            f"Vous avez donné une liste ou un couple ({_show(answer)}). On attend un seul caractère "
            f"entre guillemets{NBSP}: par exemple modele.next_distribution(\"{CONTEXT_02_2}\").index[0]."
        ))
    if not isinstance(answer, str):
        return Feedback(False, f"On attend un caractère entre guillemets, comme \"x\", pas {_show(answer)}.")
    if len(answer) != 1:
        return Feedback(False, (
            f"On attend un seul caractère entre guillemets, comme \"x\"{NBSP}; vous en avez donné "
            f"{len(answer)} ({_show(answer)}). Le modèle prédit un caractère à la fois."
        ))
    dist = char_model().next_distribution(CONTEXT_02_2)
    expected = dist.index[0]
    if answer == expected:
        return Feedback(True, (
            f"Bien prédit{NBSP}: après «{NBSP}{CONTEXT_02_2}{NBSP}», le modèle donne {dist.iloc[0]:.0%} des chances "
            f"à {_name(expected)}. Vous avez pensé au loup des fables{NBSP}; le modèle, lui, ne regarde que les "
            f"{ORDER} derniers caractères, «{NBSP}{CONTEXT_02_2[-ORDER:]}{NBSP}», et a compté ce qui les suit "
            f"dans les citations.".replace("%", f"{NBSP}%")
        ))
    if answer.lower() == expected.lower():
        return Feedback(False, f"Presque{NBSP}: attention aux majuscules. Recopiez le caractère tel que le tableau l'affiche.")
    if answer in dist.index:
        return Feedback(False, (
            f"Le modèle envisage bien {_name(answer)} après «{NBSP}{CONTEXT_02_2}{NBSP}», mais avec "
            f"{dist[answer]:.0%} des chances seulement. Un autre caractère est plus probable{NBSP}: "
            f"regardez le premier de la liste affichée. Quel animal des fables commence ainsi{NBSP}?".replace("%", f"{NBSP}%")
        ))
    return Feedback(False, (
        f"Après «{NBSP}{CONTEXT_02_2}{NBSP}», le modèle n'envisage jamais {_name(answer)}. Affichez "
        f"modele.next_distribution(\"{CONTEXT_02_2}\").head() et prenez le premier caractère."
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


@register("02-4")
def check_02_4(answer) -> Feedback:
    ranking = search(QUERY_02_4, k=3)
    top = ranking.titre.iloc[0]
    query_words = set(normalise_text(QUERY_02_4).split())
    notice = normalise_text(" ".join(str(v) for v in load_collection().loc[lambda d: d.titre == top].iloc[0].values))
    shared = sorted(w for w in query_words if len(w) > 3 and w in notice.split())
    common = (f"seul{'s' if len(shared) > 1 else ''} {', '.join(f'«{NBSP}{w}{NBSP}»' for w in shared)} "
              f"s'écri{'vent' if len(shared) > 1 else 't'} pareil dans les deux langues") if shared else "aucun mot ne s'écrit pareil dans les deux langues"
    return choice_check(answer, {
        "a": (False, (
            f"la recherche ne traduit rien et ne cherche pas de mots{NBSP}: {common}, et «{NBSP}starry{NBSP}», "
            f"«{NBSP}night{NBSP}», «{NBSP}sky{NBSP}» n'apparaissent pas dans la notice. Elle compare des plongements{NBSP}: "
            "des listes de nombres qui résument le sens de chaque texte."
        )),
        "b": (True, (
            f"le modèle de plongements résume chaque texte, question comme notice, par une liste de nombres "
            f"(un point dans un espace). Des textes de même sens, même dans deux langues, reçoivent des points "
            f"voisins{NBSP}: «{NBSP}{top}{NBSP}» est la notice la plus proche de la question. Le score sert à "
            f"classer, pas à certifier{NBSP}: la première réponse peut être fausse."
        )),
        "c": (False, (
            f"la recherche ne connaît pas la célébrité des œuvres{NBSP}: elle ne compare que le texte de la question "
            f"et celui des notices. Essayez une autre question, sur un tableau moins connu{NBSP}: le classement suit "
            "le sens, pas la renommée."
        )),
    })
