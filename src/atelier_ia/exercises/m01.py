"""Checks of the exercises of module 01 « Le rapport de la Commission de l'IA et la culture ».

The learner's notebook (exercises/01-rapport-commission-ia-exercices.ipynb) loads
``data/rapport/recommandations.csv`` into a pandas table called ``recos``. Four exercises of
five are questions of understanding and judgement, answered in the page: they live in
``data/quiz/01-rapport-commission-ia-exercices.yml`` (see :mod:`atelier_ia.exercises.pages`).
Exercise 01-2 asks for a list computed with pandas; its expected value is computed from the
data file, never written by hand.
"""

from __future__ import annotations

import numbers
import re
from functools import lru_cache

from ..fmt import NBSP
from ..paths import data_file
from . import Feedback, register
from . import show_answer as _show

__all__ = [
    "DIRECT_LINK",
    "NBSP",
    "PARAMETRES",
    "PRIORITY_YES",
    "check_01_2",
    "recommendations",
]


#: The exercises of module 01 read the data file as it is: no seed, size or prompt to share.
PARAMETRES: dict = {}

#: Value of the column ``prioritaire`` for the seven priority recommendations.
PRIORITY_YES = "oui"
#: Value of the column ``culture`` for the recommendations in direct link with culture.
DIRECT_LINK = "lien direct"


def _fr(text: str) -> str:
    """French typography: a non-breaking space before « : ; ? ! » and inside guillemets."""
    text = re.sub(r" ([:;!?])", NBSP + r"\1", text)
    return text.replace("« ", "«" + NBSP).replace(" »", NBSP + "»")


@lru_cache(maxsize=1)
def recommendations():
    """The recommendations table, read as the notebooks read it."""
    import pandas as pd

    return pd.read_csv(data_file("rapport/recommandations.csv"))


# --- questions answered by letters ---------------------------------------------------------


# --- 01-2: a list computed with pandas -----------------------------------------------------

def _as_int(value):
    """An integer from an int-like answer (int, numpy integer, integral float), else None."""
    if isinstance(value, bool):
        return None
    if isinstance(value, numbers.Integral):
        return int(value)
    if isinstance(value, numbers.Real) and float(value).is_integer():
        return int(value)
    return None


def _numbers(answer):
    """A list of whole numbers from a list-like answer, or a Feedback explaining the problem."""
    if isinstance(answer, str):
        return Feedback(False, _fr(
            f"Vous avez donné un texte ({_show(answer)}). On attend une liste de numéros, par exemple [3, 14], "
            "ou list(tableau[\"numero\"])."
        ))
    if _as_int(answer) is not None:
        return Feedback(False, _fr(
            f"Vous avez donné un seul nombre ({_show(answer)}). On attend une liste, entre crochets, même si elle "
            "ne contient qu'un numéro : par exemple [3]."
        ))
    if type(answer).__module__.startswith("pandas") and hasattr(answer, "columns"):
        return Feedback(False, _fr(
            "Vous avez donné un tableau entier. Gardez seulement la colonne des numéros : list(tableau[\"numero\"])."
        ))
    if isinstance(answer, (dict, bytes)) or not hasattr(answer, "__iter__"):
        return Feedback(False, _fr(f"On attend une liste de numéros, par exemple [3, 14], pas {_show(answer)}."))
    try:
        items = list(answer)
    except Exception:
        return Feedback(False, _fr(f"On attend une liste de numéros, par exemple [3, 14], pas {_show(answer)}."))
    if len(items) > 1000:
        return Feedback(False, _fr(f"Votre liste est bien trop longue : le tableau compte {len(recommendations())} recommandations."))
    found = []
    for item in items:
        if isinstance(item, str) and item.strip().isdigit():
            return Feedback(False, _fr(
                f"Votre liste contient des textes ({_show(item)}). Écrivez les numéros sans guillemets, par exemple [3, 14]."
            ))
        value = _as_int(item)
        if value is None:
            return Feedback(False, _fr(f"Votre liste contient {_show(item)}, qui n'est pas un numéro de recommandation."))
        found.append(value)
    return found


@register("01-2")
def check_01_2(answer) -> Feedback:
    table = recommendations()
    priority = table["prioritaire"] == PRIORITY_YES
    direct = table["culture"] == DIRECT_LINK
    expected = sorted(int(n) for n in table.loc[priority & direct, "numero"])
    only_priority = sorted(int(n) for n in table.loc[priority, "numero"])
    only_direct = sorted(int(n) for n in table.loc[direct, "numero"])
    either = sorted(int(n) for n in table.loc[priority | direct, "numero"])
    given = _numbers(answer)
    if isinstance(given, Feedback):
        return given
    if not given:
        return Feedback(False, _fr(
            "La liste est vide. Gardez les lignes qui vérifient les deux conditions à la fois, chacune entre "
            "parenthèses et reliées par & ."
        ))
    valid = set(int(n) for n in table["numero"])
    unknown = sorted(set(given) - valid)
    if unknown:
        return Feedback(False, _fr(f"Les numéros {unknown} n'existent pas : les recommandations vont de {min(valid)} à {max(valid)}."))
    if len(given) != len(set(given)):
        return Feedback(False, _fr("Certains numéros apparaissent deux fois. Gardez chaque numéro une seule fois."))
    given = sorted(given)
    numbers_text = ", ".join(str(n) for n in expected)
    if given == expected:
        return Feedback(True, _fr(
            f"Exact : {numbers_text}. Des quatre recommandations en lien direct avec la culture, une seule est "
            "prioritaire : l'infrastructure qui relie développeurs d'IA et détenteurs de données patrimoniales."
        ))
    if given == only_priority:
        return Feedback(False, _fr(
            "Ce sont les sept recommandations prioritaires. Ajoutez la seconde condition : culture == \"lien direct\"."
        ))
    if given == only_direct:
        return Feedback(False, _fr(
            "Ce sont les recommandations en lien direct avec la culture. Ajoutez la seconde condition : "
            "prioritaire == \"oui\"."
        ))
    if given == either:
        return Feedback(False, _fr(
            "Vous avez gardé les lignes qui vérifient l'une OU l'autre condition (|). On veut les deux à la fois : &."
        ))
    return Feedback(False, _fr(
        f"Pas tout à fait (vous avez donné {given}). Gardez les lignes où prioritaire vaut «{NBSP}{PRIORITY_YES}{NBSP}» "
        f"et où culture vaut «{NBSP}{DIRECT_LINK}{NBSP}», puis leur colonne numero."
    ))
