"""Checks of the exercises of module 05 « Diversité culturelle et uniformisation ».

The learner's notebook (exercises/05-diversite-culturelle-exercices.ipynb) uses the course
library exactly as below and reads its parameters from :data:`PARAMETRES`. Expected values are
computed here with the same functions and seeds, never written by hand.
"""

from __future__ import annotations

import math
from functools import lru_cache

from ..fmt import NBSP
from . import Feedback, choice_check, parse_number, register, waiting_for_answer
from . import show_answer as _show

__all__ = [
    "LANGUAGE_05_1",
    "NBSP",
    "PARAMETRES",
    "RACINE_CHARS",
    "TEMPERATURES_05_2",
    "check_05_1",
    "check_05_2",
    "premium_05_1",
    "sweep_05_2",
]


#: Each exercise's parameters, written once: the notebook reads this dict, and a test checks
#: that each statement quotes these values.
PARAMETRES = {
    # the token premium of a regional language in the multilingual vocabulary
    "05-1": {"langue": "breton"},
    # which collection is the most varied (distinct-2) in a temperature sweep
    "05-2": {"textes": 10, "longueur": 30, "graine": 3},
    # can a lost word come back in a later generation?
    "05-3": {"generations": 4, "graine": 0},
    # choosing the words of an honest probe
    "05-4": {},
}
LANGUAGE_05_1 = PARAMETRES["05-1"]["langue"]
N_TEXTS_05_2, LENGTH_05_2, SEED_05_2 = (PARAMETRES["05-2"][k] for k in ("textes", "longueur", "graine"))
TEMPERATURES_05_2 = (0.3, 1.0, 2.0)
RACINE_CHARS = 20_000


@lru_cache(maxsize=1)
def premium_05_1() -> float:
    """Extra tokens of the language over French, in percent (multilingual vocabulary)."""
    from ..diversity import language_cost, load_parallel_texts

    table = language_cost(load_parallel_texts()).set_index("langue")
    return 100 * (table.loc[LANGUAGE_05_1, "jetons (multilingue)"] / table.loc["français", "jetons (multilingue)"] - 1)


@lru_cache(maxsize=1)
def sweep_05_2():
    from ..corpus import load_author
    from ..diversity import temperature_sweep

    text = load_author("Racine", max_chars=RACINE_CHARS).text
    return temperature_sweep(text, temperatures=list(TEMPERATURES_05_2), n_texts=N_TEXTS_05_2,
                             length=LENGTH_05_2, seed=SEED_05_2)


def _fr(x: float, digits: int = 0) -> str:
    return f"{x:.{digits}f}".replace(".", ",")


@register("05-1")
def check_05_1(answer) -> Feedback:
    expected = premium_05_1()
    if answer is ...:
        return waiting_for_answer()
    number = parse_number(answer)
    if number is None or not math.isfinite(number):
        return Feedback(False, f"On attend un nombre de pourcents, par exemple 25, pas {_show(answer)}.")
    if abs(number - expected) <= 1:
        return Feedback(True, (
            f"Exact{NBSP}: le {LANGUAGE_05_1} prend environ {_fr(expected)}{NBSP}% de jetons de plus que le français "
            "pour le même article. À budget égal, c'est autant de texte en moins que le modèle peut lire ou écrire."
        ))
    if abs(number - (100 + expected)) <= 1:
        return Feedback(False, (
            f"{_fr(number)}{NBSP}%, c'est le compte du {LANGUAGE_05_1} rapporté à celui du français. La question porte "
            "sur ce qu'il y a en plus : retranchez 100."
        ))
    if abs(number - expected / 100) <= 0.01 or abs(number - (1 + expected / 100)) <= 0.01:
        return Feedback(False, "Vous avez donné un rapport, pas un pourcentage : multipliez par 100 (et retranchez 100 si besoin).")
    return Feedback(False, (
        f"Ce n'est pas le bon écart. Divisez le nombre de jetons multilingues du {LANGUAGE_05_1} par celui du français, "
        "retranchez 1, puis multipliez par 100."
    ))


@register("05-2")
def check_05_2(answer) -> Feedback:
    table = sweep_05_2()
    labels = ["corpus humain"] + [f"température {_fr(t, 1)}" for t in TEMPERATURES_05_2]
    best = int(table["distinct-2"].to_numpy().argmax())
    values = {label: table["distinct-2"].iloc[i] for i, label in enumerate(labels)}
    letters = "abcd"
    summary = " ; ".join(f"{label} {_fr(v, 3)}" for label, v in values.items())
    options = {}
    for i, label in enumerate(labels):
        if i == best:
            options[letters[i]] = (True, (
                f"la ligne la plus variée est «{NBSP}{label}{NBSP}» (distinct-2{NBSP}: {summary}). Remarquez que les "
                "écarts sont petits : avec 10 textes de 30 mots, un autre jeu de graines peut changer l'ordre. "
                "Le module mesure 20 textes de 40 mots ; pour conclure, il faut plusieurs tirages, jamais un seul."
            ))
        else:
            options[letters[i]] = (False, (
                f"regardez la colonne distinct-2 du tableau{NBSP}: {summary}."
            ))
    return choice_check(answer, options)


