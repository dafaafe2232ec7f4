"""Checks of the exercises of module 03 « IA et création artistique ».

The learner's notebook (exercises/03-creation-artistique-exercices.ipynb) uses the course
library exactly as below and reads the parameters from :data:`PARAMETRES`. Every expected value is computed here with the same functions and
the same seeds, never written by hand: a change in the library or the data carries over.
"""

from __future__ import annotations

import math
import numbers
from functools import lru_cache

from ..fmt import NBSP
from . import Feedback, parse_number, register
from . import show_answer as _show

__all__ = [
    "NBSP",
    "ORDER",
    "PARAMETRES",
    "attribution",
    "check_03_2",
    "check_03_3",
    "compositions",
    "corpus",
    "ideal_copies",
    "melody_model",
]


#: Each exercise's parameters, written once: the notebook reads this dict, and a test checks
#: that each exercise's statement quotes these values.
PARAMETRES = {
    # the ideal denoiser on abstract compositions: how many, which seeds
    "03-1": {"compositions": 200, "graine_compositions": 1, "generees": 6, "graine": 5},
    # the learner's own beginning, continued by the traditional-tunes model
    "03-2": {"notes_du_debut": 4, "notes_ajoutees": 16, "graine": 7},
    # « Qui a écrit ça ? » with two authors
    "03-3": {"auteurs": ("Molière", "Racine"), "par_auteur": 300, "graine": 0},
    # which tune does a generated melody copy from?
    "03-4": {"notes": 32, "graine": 5},
}
_P = PARAMETRES
N_COMPOSITIONS_03_1, SEED_COMPOSITIONS_03_1 = _P["03-1"]["compositions"], _P["03-1"]["graine_compositions"]
N_SAMPLES_03_1, SEED_SAMPLES_03_1 = _P["03-1"]["generees"], _P["03-1"]["graine"]
START_LENGTH_03_2, N_NOTES_03_2, SEED_03_2 = (_P["03-2"][k] for k in ("notes_du_debut", "notes_ajoutees", "graine"))
AUTHORS_03_3, PER_AUTHOR_03_3, SEED_03_3 = (_P["03-3"][k] for k in ("auteurs", "par_auteur", "graine"))

ORDER = 2  # order of the Markov melody models of the module


# --------------------------------------------------------------------------- data, cached


@lru_cache(maxsize=1)
def compositions():
    from ..images import abstract_compositions

    return abstract_compositions(N_COMPOSITIONS_03_1, seed=SEED_COMPOSITIONS_03_1)


@lru_cache(maxsize=1)
def ideal_copies():
    """(indices, distances) of the nearest training composition for each ideal sample."""
    from ..images import ideal_denoiser, nearest_training

    training = compositions()
    samples = ideal_denoiser(training).sample(N_SAMPLES_03_1, seed=SEED_SAMPLES_03_1)
    return nearest_training(samples, training)


def corpus(name: str):
    """The melody corpus ``name`` (one of :data:`atelier_ia.music.CORPORA`), loaded once."""
    from ..music import CORPORA
    from ..validation import check_choice

    return _corpus(check_choice(name, "name", list(CORPORA)))


@lru_cache(maxsize=2)
def _corpus(name: str):
    from ..music import load_corpus

    return load_corpus(name)


def melody_model(name: str):
    """The exercises' Markov model trained on the corpus ``name``, trained once."""
    from ..music import CORPORA
    from ..validation import check_choice

    return _melody_model(check_choice(name, "name", list(CORPORA)))


@lru_cache(maxsize=2)
def _melody_model(name: str):
    from ..music import MarkovMelody

    return MarkovMelody(order=ORDER).fit(_corpus(name))


@lru_cache(maxsize=1)
def attribution():
    from ..stylometry import train_attribution

    return train_attribution(AUTHORS_03_3, per_author=PER_AUTHOR_03_3, seed=SEED_03_3)


# --------------------------------------------------------------------------- helpers


def _as_int(value):
    """An integer from an int-like answer (int, NumPy integer, integral float), else None."""
    if isinstance(value, bool):
        return None
    if isinstance(value, numbers.Integral):
        return int(value)
    if isinstance(value, numbers.Real) and math.isfinite(value) and float(value).is_integer():
        return int(value)
    return None


def _as_number(value):
    """A finite real number from the answer (French text « 0,5 » too), else None."""
    value = parse_number(value)
    return value if value is not None and math.isfinite(value) else None


def _as_notes(value):
    """The answer as a list of (pitch, duration) pairs, or None if it is not shaped like one."""
    if not isinstance(value, (list, tuple)):
        return None
    notes = []
    for note in value:
        if not isinstance(note, (list, tuple)) or len(note) != 2:
            return None
        pitch, duration = note
        if pitch is not None and _as_int(pitch) is None:
            return None
        if _as_number(duration) is None:
            return None
        notes.append((None if pitch is None else _as_int(pitch), float(duration)))
    return notes


# --------------------------------------------------------------------------- 03-1


# --------------------------------------------------------------------------- 03-2


@register("03-2")
def check_03_2(answer) -> Feedback:
    notes = _as_notes(answer)
    total = START_LENGTH_03_2 + N_NOTES_03_2
    if notes is None:
        return Feedback(False, (
            f"On attend une mélodie{NBSP}: une liste de notes (hauteur, durée), comme celle que renvoie "
            f"modele_airs.generate(…), pas {_show(answer)}."
        ))
    if not notes:
        return Feedback(False, "La mélodie est vide. Rangez dans reponse_2 le résultat de modele_airs.generate(…).")
    if len(notes) == N_NOTES_03_2:
        return Feedback(False, (
            f"Votre mélodie compte {N_NOTES_03_2} notes{NBSP}: il manque votre début. Passez-le au modèle avec "
            f"start=mon_debut{NBSP}; la mélodie renvoyée commence alors par vos {START_LENGTH_03_2} notes."
        ))
    if len(notes) != total:
        return Feedback(False, (
            f"Votre mélodie compte {len(notes)} notes au lieu de {total} ({START_LENGTH_03_2} notes de début "
            f"et {N_NOTES_03_2} notes générées). Vérifiez mon_debut et n_notes={N_NOTES_03_2}."
        ))
    start = notes[:START_LENGTH_03_2]
    if all(p is None for p, _ in start):
        return Feedback(False, f"Votre début ne contient que des silences{NBSP}: écrivez au moins une vraie note.")
    trad = melody_model("trad")
    expected = trad.generate(n_notes=N_NOTES_03_2, seed=SEED_03_2, start=start)
    if notes == expected:
        return Feedback(True, (
            f"Bravo, c'est votre mélodie{NBSP}: vos {START_LENGTH_03_2} premières notes, puis {N_NOTES_03_2} notes "
            f"choisies par le modèle avec la graine {SEED_03_2}. Changez de graine ou de début pour en "
            f"entendre d'autres{NBSP}: le tri entre les essais vous revient."
        ))
    for seed in range(0, 31):
        if seed != SEED_03_2 and trad.generate(n_notes=N_NOTES_03_2, seed=seed, start=start) == notes:
            return Feedback(False, (
                f"Cette suite a été tirée avec la graine {seed}. L'énoncé demande la graine {SEED_03_2}{NBSP}: "
                f"seed={SEED_03_2}."
            ))
    bach = melody_model("bach")
    try:
        if bach.generate(n_notes=N_NOTES_03_2, seed=SEED_03_2, start=start) == notes:
            return Feedback(False, (
                f"Cette suite vient du modèle des chorals de Bach{NBSP}: l'énoncé demande celui des airs "
                "traditionnels, modele_airs."
            ))
    except Exception:  # the beginning may be out of the chorales' range: not this mistake
        pass
    return Feedback(False, (
        f"Cette mélodie ne correspond pas à votre début continué par modele_airs avec la graine {SEED_03_2}. "
        f"Écrivez reponse_2 = modele_airs.generate(n_notes={N_NOTES_03_2}, seed={SEED_03_2}, start=mon_debut), "
        "sans modifier la mélodie ensuite."
    ))


# --------------------------------------------------------------------------- 03-3


@register("03-3")
def check_03_3(answer) -> Feedback:
    game = attribution()
    accuracy, chance = 100 * game.accuracy, 100 * game.chance
    expected = accuracy - chance
    number = _as_number(answer)
    if number is None:
        return Feedback(False, (
            f"On attend un nombre de points de pourcentage, par exemple 12, pas {_show(answer)}. "
            f"Indice{NBSP}: round(100 * (jeu.accuracy - jeu.chance))."
        ))
    if abs(number - expected) <= 0.5 + 1e-9:
        return Feedback(True, (
            f"Exact{NBSP}: {_fr(accuracy)}{NBSP}% de bonnes réponses contre {_fr(chance, 0)}{NBSP}% au hasard, soit "
            f"environ {round(expected)} points de mieux. C'est réel, mais l'outil se trompe encore souvent, "
            f"et le test ne porte que sur {len(game.test)} citations."
        ))
    if abs(number - accuracy) <= 0.5 + 1e-9:
        return Feedback(False, (
            f"{_fr(number, 0)}, c'est la part de bonnes réponses. La question porte sur l'écart avec le hasard{NBSP}: "
            "retranchez jeu.chance à jeu.accuracy avant de multiplier par 100."
        ))
    if abs(number - game.accuracy) < 1e-9 or abs(number - (game.accuracy - game.chance)) <= 0.005 + 1e-9:
        return Feedback(False, (
            f"Vous avez donné une fraction ({_show(answer)}). Exprimez l'écart en points de pourcentage{NBSP}: "
            "multipliez par 100, puis arrondissez avec round(…)."
        ))
    if abs(number - chance) <= 0.5 + 1e-9:
        return Feedback(False, (
            f"{_fr(number, 0)}{NBSP}%, c'est le score du hasard avec deux noms. On demande de combien le modèle "
            "fait mieux que lui."
        ))
    return Feedback(False, (
        f"Ce n'est pas l'écart attendu (vous avez donné {_show(answer)}). Calculez "
        "round(100 * (jeu.accuracy - jeu.chance)) après avoir exécuté la cellule d'entraînement."
    ))


def _fr(x: float, digits: int = 1) -> str:
    """A number with a decimal comma."""
    return f"{x:.{digits}f}".replace(".", ",")


# --------------------------------------------------------------------------- 03-4


