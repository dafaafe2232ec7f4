"""Checks of the exercises of module 04 « Données culturelles et droits ».

The learner's notebook (exercises/04-donnees-et-droits-exercices.ipynb) reads its parameters
from :data:`PARAMETRES`. Computed answers (the public-domain year, the reservation check) come
from the course library with these parameters, never written by hand. The two judgement
exercises (personal data in archives, reading a training-data summary) have an answer key
written here with the reason for every case: the key is the course's reading of the GDPR and
of the AI Office template, information and not legal advice.
"""

from __future__ import annotations

import numbers
import re

from ..errors import AtelierError, describe
from ..fmt import NBSP
from ..validation import check_text
from . import Feedback as _Feedback
from . import register
from . import show_answer as _show

__all__ = [
    "NBSP",
    "NOT_PERSONAL_04_3",
    "PARAMETRES",
    "PERSONAL_04_3",
    "check_own_reservation",
    "check_personal_records",
]



def _fr(text: str) -> str:
    """French typography for feedback: a no-break space before « : ; ! ? » and inside guillemets."""
    text = re.sub(r" ([:;!?])", NBSP + r"\1", text)
    return text.replace("\u00ab ", "\u00ab" + NBSP).replace(" \u00bb", NBSP + "\u00bb")


def Feedback(ok: bool, message: str) -> _Feedback:  # capitalised: the same call as the shared class
    """The shared :class:`Feedback`, with French typography applied to ``message``."""
    if not isinstance(ok, bool):
        raise AtelierError(f"« ok » vaut True ou False ; vous avez donné {describe(ok)}.")
    message = check_text(message, "message")
    return _Feedback(ok, _fr(message))

#: Each exercise's parameters, written once: the notebook reads this dict.
PARAMETRES = {
    # an illustrator who died in 1975 (not « morte pour la France »); her poster was published in 1936
    "04-1": {"annee_deces": 1975, "publication": 1936, "musique": False, "mort_pour_la_france": False},
    # the fictional archives of Saint-Aubin: how many records
    "04-3": {"notices": 14},
}

#: Records of data/droits/archives-personnes.csv that hold personal data of living people
#: (or people who may be alive), with the reason the feedback gives.
PERSONAL_04_3 = {
    "SA-2026-02": "un registre de 2019 avec noms, dates de naissance et courriels : des personnes vivantes, dont des mineurs",
    "SA-2026-03": "une photographie de 1998 avec des visages reconnaissables et des prénoms : un visage est une donnée personnelle",
    "SA-2026-04": "un entretien sonore de 2012 avec une personne née en 1931, peut-être vivante : voix, santé et engagement syndical (données sensibles, art. 9 du RGPD)",
    "SA-2026-06": "le nom et la fonction de la directrice en poste : une donnée personnelle, même professionnelle",
    "SA-2026-08": "un fichier d'abonnés avec adresses et historique des prêts",
    "SA-2026-10": "des messages signés avec l'adresse électronique de leurs auteurs",
    "SA-2026-12": "des photographies de 2022 où des comédiennes et comédiens sont reconnaissables",
    "SA-2026-13": "les coordonnées de particuliers prêteurs",
}
NOT_PERSONAL_04_3 = {
    "SA-2026-01": "une lettre d'un peintre mort en 1898 : le RGPD ne protège que les personnes vivantes (considérant 27)",
    "SA-2026-05": "une affiche sans personne représentée",
    "SA-2026-07": "un inventaire d'objets, après la mort du peintre en 1898",
    "SA-2026-09": "une carte postale de paysage, sans personnage",
    "SA-2026-11": "des totaux de fréquentation : des chiffres agrégés n'identifient personne",
    "SA-2026-14": "le carnet d'un peintre mort en 1898 et ses notes anciennes : personnes mortes depuis longtemps",
}


@register("04-2")
def check_own_reservation(answer) -> _Feedback:
    from ..optout import check_reservation

    if not isinstance(answer, (tuple, list)) or len(answer) != 2 or not all(isinstance(a, str) for a in answer):
        return Feedback(False, (
            "On attend deux textes entre parenthèses : (mon_tdmrep, mon_robots), le contenu de tdmrep.json puis celui "
            f"de robots.txt ; vous avez donné {_show(answer)}."
        ))
    result = check_reservation(answer[0], answer[1])
    if result.ok:
        return Feedback(True, (
            "Vos deux fichiers réservent la fouille sur tout le site, disent où demander une licence, bloquent les "
            "robots d'entraînement connus et laissent passer les moteurs de recherche. Sur un vrai site, datez leur mise en ligne."
        ))
    return Feedback(False, "À corriger" + NBSP + ": " + " ".join(result.missing))


def _cotes(answer):
    if isinstance(answer, str):
        items = answer.replace(";", ",").split(",")
    elif isinstance(answer, (list, tuple, set, frozenset)):
        items = list(answer)
    else:
        return None
    out = set()
    for item in items:
        if not isinstance(item, (str, numbers.Integral)) or isinstance(item, bool):
            return None
        text = str(item).strip().upper()
        if text.isdigit():  # « 2 » or 2 for SA-2026-02
            text = f"SA-2026-{int(text):02d}"
        if text:
            out.add(text)
    return out


@register("04-3")
def check_personal_records(answer) -> _Feedback:
    cotes = _cotes(answer)
    if not cotes:
        return Feedback(False, (
            "On attend une liste de cotes entre crochets, par exemple [\"SA-2026-02\", \"SA-2026-05\"] ; "
            f"vous avez donné {_show(answer)}."
        ))
    known = set(PERSONAL_04_3) | set(NOT_PERSONAL_04_3)
    unknown = sorted(cotes - known)
    if unknown:
        return Feedback(False, f"Cote(s) inconnue(s) : {', '.join(unknown)}. Les cotes vont de SA-2026-01 à SA-2026-14.")
    missed = sorted(set(PERSONAL_04_3) - cotes)
    extra = sorted(cotes - set(PERSONAL_04_3))
    if not missed and not extra:
        return Feedback(True, (
            f"Les {len(PERSONAL_04_3)} notices concernent des personnes vivantes ou qui peuvent l'être. La plus délicate "
            "est l'entretien SA-2026-04 : données sensibles (santé, syndicat). Les photographies, que le filtre par "
            "mots-clés ne voyait pas, en font partie."
        ))
    parts = []
    if missed:
        parts.append(f"Il manque {len(missed)} notice(s) ; par exemple {missed[0]} : {PERSONAL_04_3[missed[0]]}.")
    if extra:
        parts.append(f"En trop : {extra[0]}, {NOT_PERSONAL_04_3[extra[0]]}.")
    return Feedback(False, " ".join(parts))


