"""Checks of the exercises of module 06 « Gouvernance et politiques culturelles territoriales ».

The learner's notebook (exercises/06-gouvernance-et-territoires-exercices.ipynb) uses the
course library (:mod:`atelier_ia.aiact`, :mod:`atelier_ia.footprint`, :mod:`atelier_ia.charter`)
and reads its parameters from :data:`PARAMETRES`. Expected values are computed with the same
functions, never written by hand.
"""

from __future__ import annotations

from ..fmt import NBSP
from . import Feedback, normalise_text, parse_number, register, waiting_for_answer
from . import show_answer as _show

__all__ = [
    "CHATBOT_FACTS",
    "NBSP",
    "OFFRES",
    "PARAMETRES",
    "check_06_2",
    "check_06_4",
]


#: Each exercise's parameters, written once: the notebook reads this dict.
PARAMETRES = {
    # a deep fake of a living public figure in a satirical show
    "06-1": {"spectacle": "revue satirique"},
    # a chatbot of the media library, described by facts
    "06-2": {"usage": "agent conversationnel qui conseille des livres"},
    # two fictional offers for an audio-guide tool
    "06-3": {"offre_a": "Audiolys", "offre_b": "Voxmusée"},
    # a festival's yearly generated images
    "06-4": {"images": 3000, "modele": "gourmand"},
    # AI-literacy record
    "06-5": {"service": "direction des affaires culturelles"},
}

#: The two fictional offers of exercise 06-3, criterion by criterion (see charter.PROCUREMENT_CRITERIA).
OFFRES = {
    "Audiolys": {
        "localisation_donnees": "oui", "entrainement_sur_nos_donnees": "non", "licence_des_resultats": "oui",
        "accessibilite": "oui", "reversibilite": "oui", "energie": "inconnu", "transparence_ia": "oui",
    },
    "Voxmusée": {
        "localisation_donnees": "oui", "entrainement_sur_nos_donnees": "oui", "licence_des_resultats": "oui",
        "accessibilite": "inconnu", "reversibilite": "oui", "energie": "inconnu", "transparence_ia": "oui",
    },
}

# the facts that describe the chatbot of exercise 06-2 (the solution builds the same dict)
CHATBOT_FACTS = {
    "dialogue_public": True, "genere_contenu": True, "edition_assistee": False, "hypertrucage": False,
    "texte_interet_public": False, "images_intimes": False, "donnees_biometriques": False, "enseignement": False,
    "prestations_publiques": False, "emploi": False,
}


@register("06-2")
def check_06_2(answer) -> Feedback:
    from ..aiact import TIERS, assess

    expected = assess(CHATBOT_FACTS).tier
    if answer is ...:
        return waiting_for_answer("On attend le niveau de risque que renvoie le guide.")
    if hasattr(answer, "tier") and hasattr(answer, "questions"):
        if answer.questions:
            return Feedback(False, (
                f"Le guide vous pose encore {len(answer.questions)} question(s){NBSP}: complétez les faits "
                f"(True ou False) jusqu'à ce que reponse.questions soit vide, puis rangez reponse.tier."
            ))
        answer = answer.tier
    text = normalise_text(answer)
    if not text:
        return Feedback(False, f"On attend un niveau de risque, par exemple \"minimal\"{NBSP}; vous avez donné {_show(answer)}.")
    known = {normalise_text(k): k for k in TIERS}
    if text not in known:
        listed = ", ".join(f"\"{k}\"" for k in TIERS)
        return Feedback(False, f"Niveau inconnu {_show(answer)}{NBSP}; le guide répond par l'un de{NBSP}: {listed}.")
    if known[text] == expected:
        return Feedback(True, (
            f"Oui{NBSP}: «{NBSP}{expected}{NBSP}». Un agent conversationnel qui dialogue avec le public relève de "
            "l'art. 50, paragraphe 1 (dire qu'on parle à une IA) et, s'il génère du texte, du marquage de "
            "l'art. 50, paragraphe 2, à la charge du fournisseur."
        ))
    return Feedback(False, (
        f"Pas tout à fait{NBSP}: vous avez trouvé «{NBSP}{known[text]}{NBSP}». Vérifiez les faits{NBSP}: l'agent "
        f"dialogue-t-il avec le public{NBSP}? génère-t-il du texte{NBSP}?"
    ))


@register("06-4")
def check_06_4(answer) -> Feedback:
    from ..footprint import usage_footprint

    p = PARAMETRES["06-4"]
    kwh = usage_footprint("image", p["images"])["energie_kwh"]
    expected = {"sobre": kwh.low, "moyen": kwh.central, "gourmand": kwh.high}[p["modele"]]
    number = parse_number(answer)
    if number is None:
        return Feedback(False, (
            f"On attend un nombre de kilowattheures, par exemple 12.5, pas {_show(answer)}. "
            f"Indice{NBSP}: usage_footprint(\"image\", {p['images']})[\"energie_kwh\"].high."
        ))
    if abs(number - expected) <= 0.05 * expected:
        return Feedback(True, (
            f"Oui{NBSP}: environ {_fr(expected)}{NBSP}kWh par an avec le modèle le moins efficace mesuré, contre "
            f"{_fr(kwh.low)}{NBSP}kWh avec le chiffre agrégé de la prépublication, qui n'est pas celui du modèle le "
            "plus sobre. C'est peu à l'échelle d'un bâtiment, mais l'écart entre modèles (au moins 8 fois dans cette "
            "étude, jusqu'à 46 fois dans celle de Bertazzini et al.) montre que le choix du modèle compte autant que "
            "le volume."
        ))
    if abs(number - expected * 1000) <= 0.05 * expected * 1000:
        return Feedback(False, f"Vous avez donné des wattheures{NBSP}: divisez par 1 000 pour des kilowattheures.")
    return Feedback(False, (
        f"Pas encore{NBSP}: {_show(answer)} kWh. Prenez le haut de la fourchette (modèle «{NBSP}gourmand{NBSP}») pour "
        f"{p['images']} images."
    ))


def _fr(value: float) -> str:
    return f"{value:.1f}".replace(".", ",")


