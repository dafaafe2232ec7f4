"""Checks of the exercises of module 07 « Un écosystème ouvert et transparent ».

The learner's notebook (exercises/07-ecosysteme-ouvert-exercices.ipynb) uses the course
library exactly as below and reads the parameters from :data:`PARAMETRES`. Every expected
value is computed here with the same functions and seeds, or read from the course's data
(openness table, disclosure cases), never written by hand.
"""

from __future__ import annotations

from functools import lru_cache

from ..fmt import NBSP, french_number, french_percent
from . import Feedback, parse_number, register
from . import show_answer as _show

__all__ = [
    "AUTHOR",
    "NBSP",
    "PARAMETRES",
    "cases",
    "check_07_2",
    "edit_table",
    "first_share_lost",
    "generator",
    "osi_models",
]


#: Each exercise's parameters, written once: the notebook reads this dict.
PARAMETRES = {
    # the watermarked text whose mark the learner erases: length, bonus, seed, shares tried
    "07-2": {"mots": 120, "delta": 2, "graine": 4, "parts": (0, 0.1, 0.2, 0.3, 0.4, 0.5)},
    # three disclosure cases of data/ouverture/cas-mentions.yml, judged in this order
    "07-4": {"cas": ("cartel-photo-chateau", "installation-visages-inventes", "communique-fermeture")},
}
_P = PARAMETRES
AUTHOR = "Victor Hugo"  # the module's generator is trained on this author's Littré quotations


# --------------------------------------------------------------------------- data, cached


@lru_cache(maxsize=1)
def generator():
    from ..corpus import load_author
    from ..text import NGramModel

    return NGramModel(order=1, level="word").fit(load_author(AUTHOR).text)


@lru_cache(maxsize=1)
def edit_table():
    """The detector's verdict after replacing each share of words, as in the exercise."""
    from ..watermark import edit_curve, generate_watermarked

    p = _P["07-2"]
    text = generate_watermarked(generator(), length=p["mots"], seed=p["graine"], delta=p["delta"])
    return edit_curve(text, shares=list(p["parts"]), seed=p["graine"], vocabulary=generator())


def first_share_lost() -> float | None:
    """The smallest share of replaced words for which the detector no longer finds the mark."""
    table = edit_table()
    lost = table[~table["tatouage détecté"]]
    return float(lost["part des mots remplacés"].min()) if len(lost) else None


@lru_cache(maxsize=1)
def cases() -> dict:
    from ..disclosure import load_cases

    return {case["id"]: case for case in load_cases()}


@lru_cache(maxsize=1)
def osi_models() -> tuple[str, ...]:
    from ..openness import openness_table

    table = openness_table()
    return tuple(table.loc[table["conditions OSI réunies"], "modèle"])


# --------------------------------------------------------------------------- 07-1


# --------------------------------------------------------------------------- 07-2


@register("07-2")
def check_07_2(answer) -> Feedback:
    expected = first_share_lost()
    shares = list(_P["07-2"]["parts"])
    value = parse_number(answer)
    if value is None:
        return Feedback(False, (
            f"On attend une part de mots, un nombre entre 0 et 1 comme 0.3 (ou «{NBSP}30 %{NBSP}»), pas {_show(answer)}."
        ))
    if isinstance(answer, str) and answer.strip().endswith("%") or value > 1:
        value = value / 100
    if expected is None:  # pragma: no cover - the premise is checked by the tests
        return Feedback(False, "Le tatouage résiste à toutes les parts essayées : signalez-le à la personne formatrice.")
    if not any(abs(value - s) < 1e-9 for s in shares):
        listed = f"{NBSP}; ".join(french_number(s) for s in shares)
        return Feedback(False, f"Choisissez l'une des parts essayées par edit_curve : {listed}.")
    table = edit_table()
    z = {round(float(r["part des mots remplacés"]), 2): float(r["score z"]) for _, r in table.iterrows()}
    if abs(value - expected) < 1e-9:
        return Feedback(True, (
            f"Oui{NBSP}: à {french_percent(value, 0)} de mots remplacés, le score z tombe à {french_number(z[round(value, 2)], 1)}, "
            "sous le seuil de 4. Remarquez qu'il ne baisse pas régulièrement : remplacer des mots au hasard peut "
            "aussi créer, par chance, des paires vertes. Une marque de texte ne résiste pas à une réécriture sérieuse."
        ))
    if value < expected:
        return Feedback(False, (
            f"À {french_percent(value, 0)}, le détecteur trouve encore la marque (score z = "
            f"{french_number(z[round(value, 2)], 1)}). Regardez la colonne «{NBSP}tatouage détecté{NBSP}» : "
            "cherchez la première ligne où elle vaut «\u00a0non\u00a0»."
        ))
    return Feedback(False, (
        f"À {french_percent(value, 0)}, la marque a bien disparu, mais elle disparaît déjà plus tôt : cherchez la plus petite part "
        "pour laquelle «\u00a0tatouage détecté\u00a0» vaut «\u00a0non\u00a0»."
    ))


# --------------------------------------------------------------------------- 07-3


# --------------------------------------------------------------------------- 07-4


