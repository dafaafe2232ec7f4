"""The facts that describe a use under the AI Act, the risk tiers, the dates in force and the known cases.

The questions of :data:`FACTS` and their dependencies (:data:`REQUIRES`) are what the guide
asks; the known cultural cases are read from :data:`CASES_FILE`; the dates come from the
course's one calendar (:mod:`atelier_ia.datedfacts`).
"""

from __future__ import annotations

import yaml

from .. import datedfacts as _datedfacts
from ..errors import AtelierError, describe
from ..fmt import french_typography
from ..paths import data_file

__all__ = ["CASES", "CASES_FILE", "DATES", "FACTS", "REQUIRES", "TIERS", "case_facts"]


#: The yes/no facts that describe a use, with the question asked when one is missing. A fact is
#: asked only when the answer depends on it (the questions under « donnees_biometriques »,
#: « enseignement » or « prestations_publiques » only when that fact is True), in this order.
FACTS = {
    "dialogue_public": "Le système dialogue-t-il directement avec des personnes (visiteurs, usagers, public) ?",
    "genere_contenu": "Le système génère-t-il des images, des sons, des vidéos ou des textes de synthèse ?",
    "edition_assistee": (
        "Le système ne fait-il qu'aider à une mise en forme courante (transcription, correction, retouche) "
        "sans modifier substantiellement le contenu fourni ni son sens ?"
    ),
    "hypertrucage": (
        "Le contenu généré ressemble-t-il à des personnes, des lieux, des objets ou des événements réels, au point "
        "de pouvoir passer pour authentique (un « hypertrucage », ou deepfake, par exemple une voix imitée) ?"
    ),
    "oeuvre_artistique": (
        "Ce contenu fait-il partie d'une œuvre ou d'un programme manifestement artistique, créatif, satirique ou "
        "fictionnel ?"
    ),
    "texte_interet_public": (
        "Le texte généré est-il publié pour informer le public sur des questions d'intérêt public (actualité, "
        "vie de la cité) ?"
    ),
    "relecture_editoriale": (
        "Une personne relit-elle ce texte avant publication, et l'institution en assume-t-elle la responsabilité "
        "éditoriale ?"
    ),
    "donnees_biometriques": (
        "Le système analyse-t-il le corps des personnes (visage, voix, silhouette, démarche, empreintes) pour les "
        "reconnaître, les classer ou déduire leurs émotions ?"
    ),
    "reconnaissance_emotions": (
        "Le système déduit-il les émotions ou les intentions des personnes à partir de leur visage, de leur voix "
        "ou d'autres données biométriques ?"
    ),
    "travail_ou_enseignement": (
        "Les personnes observées sont-elles des membres du personnel sur leur lieu de travail, ou des élèves "
        "dans un établissement d'enseignement ?"
    ),
    "identification_biometrique": (
        "Le système sert-il à reconnaître qui est une personne à partir de ses traits (visage, voix…), que ce soit "
        "pour la retrouver parmi d'autres ou pour vérifier qu'elle est bien celle qu'elle prétend être ?"
    ),
    "verification_seule": (
        "Le système se limite-t-il à vérifier qu'une personne est bien celle qu'elle prétend être, en comparant "
        "ses traits à une seule référence qu'elle présente (la photo de sa carte d'abonnement, par exemple) ?"
    ),
    "identification_a_distance": (
        "Le système reconnaît-il les personnes sans démarche active de leur part (elles passent devant une "
        "caméra), en comparant leurs traits à ceux d'une base de données de référence ?"
    ),
    "usage_repressif": (
        "Le système est-il utilisé en temps réel, dans un lieu accessible au public, par les forces de l'ordre ou "
        "pour leur compte, afin de prévenir ou de poursuivre des infractions ?"
    ),
    "moissonnage_visages": (
        "La base de visages du système est-elle constituée ou enrichie en moissonnant sans cible des images de "
        "visages sur internet ou dans des vidéos de surveillance ?"
    ),
    "categorisation_biometrique": (
        "Le système range-t-il les personnes dans des catégories (âge, sexe, origine…) d'après leurs traits "
        "physiques, sans chercher à savoir qui elles sont ?"
    ),
    "categories_sensibles": (
        "Ces catégories visent-elles la race ou l'origine, les opinions politiques, l'appartenance syndicale, les "
        "convictions religieuses ou philosophiques, la vie sexuelle ou l'orientation sexuelle ?"
    ),
    "attributs_proteges": (
        "Ces catégories portent-elles sur d'autres caractéristiques protégées contre les discriminations "
        "(sexe, âge, handicap, couleur de peau, langue…) ?"
    ),
    "enseignement": (
        "Le système est-il utilisé dans un établissement d'enseignement ou de formation professionnelle, de tout "
        "niveau (école, conservatoire, école d'art, université, organisme de formation), pour ses élèves, ses "
        "étudiants ou ses candidats ?"
    ),
    "admission": (
        "Le système sert-il à décider de l'accès ou de l'admission, ou à répartir des personnes entre "
        "établissements ou cursus (concours d'entrée, affectation) ?"
    ),
    "evaluation_acquis": (
        "Le système sert-il à évaluer ce que les élèves ont appris (noter des devoirs, des exercices, des "
        "épreuves), y compris pour orienter la suite de leur apprentissage ?"
    ),
    "niveau_enseignement": (
        "Le système sert-il à déterminer le niveau d'enseignement qu'une personne recevra ou auquel elle pourra "
        "accéder (classement par niveau, par cycle) ?"
    ),
    "surveillance_examens": (
        "Le système surveille-t-il les élèves ou les candidats pendant des épreuves pour détecter la triche ou "
        "d'autres comportements interdits ?"
    ),
    "prestations_publiques": (
        "Le système sert-il, pour une autorité publique ou en son nom, à examiner si des personnes ont droit à une "
        "aide ou à un service public, ou à accorder, réduire, retirer ou récupérer cette aide ?"
    ),
    "aide_essentielle": (
        "Cette aide ou ce service relève-t-il de l'assistance publique essentielle, celle dont les personnes "
        "dépendent (soins de santé, sécurité sociale, aide sociale, aide au logement…) ?"
    ),
    "emploi": (
        "Le système sert-il à recruter, trier des candidatures, évaluer ou gérer le personnel ?"
    ),
    "derogation_6_3": (
        "Le fournisseur a-t-il établi et documenté que le système n'est pas à haut risque parce qu'il ne fait "
        "qu'une tâche procédurale étroite ou préparatoire, ou améliore un travail humain déjà achevé, sans peser "
        "sensiblement sur la décision (art. 6, paragraphes 3 et 4) ?"
    ),
    "profilage": (
        "Le système établit-il un profil des personnes, c'est-à-dire évalue-t-il ou prédit-il des aspects de leur "
        "personne (comportement, résultats, fiabilité, centres d'intérêt) ?"
    ),
    "images_intimes": (
        "Le système peut-il produire des images intimes d'une personne réelle sans son consentement ?"
    ),
}

#: A fact that only makes sense when another one is True (child → parent): answering True to
#: the child implies the parent; answering False to the parent makes the child irrelevant.
REQUIRES = {
    "edition_assistee": "genere_contenu",
    "hypertrucage": "genere_contenu",
    "texte_interet_public": "genere_contenu",
    "reconnaissance_emotions": "donnees_biometriques",
    "identification_biometrique": "donnees_biometriques",
    "verification_seule": "identification_biometrique",
    "identification_a_distance": "identification_biometrique",
    "usage_repressif": "identification_a_distance",
    "moissonnage_visages": "identification_biometrique",
    "categorisation_biometrique": "donnees_biometriques",
    "categories_sensibles": "categorisation_biometrique",
    "attributs_proteges": "categorisation_biometrique",
    "admission": "enseignement",
    "evaluation_acquis": "enseignement",
    "niveau_enseignement": "enseignement",
    "surveillance_examens": "enseignement",
    "aide_essentielle": "prestations_publiques",
    "images_intimes": "genere_contenu",
}

FACTS = {k: french_typography(v) for k, v in FACTS.items()}

#: The tiers, from the most to the least severe.
TIERS = {
    "interdit": "risque inacceptable : pratique interdite (art. 5)",
    "haut-risque": "haut risque (art. 6, paragraphe 2, et annexe III)",
    "transparence": "risque limité : obligations de transparence (art. 50)",
    "minimal": "risque minimal : pas d'obligation propre au règlement, hors la maîtrise de l'IA (art. 4)",
    "a-preciser": "à préciser : il manque une information pour conclure",
}

#: Dates in force, as amended in 2026: key → (ISO date, what applies, state of our sources). Read from
#: the course's one calendar, ``data/calendrier/faits-dates.yml`` (:mod:`atelier_ia.datedfacts`): the
#: date and its wording are written there once. Whether a date has passed is computed for the build
#: date by :func:`_date_line`, never stored.
DATE_FACTS = {
    "entree-en-vigueur": "aiact-entree-en-vigueur",
    "art4-art5": "aiact-art4-art5",
    "art50-1-3-4": "aiact-art50-1-3-4",
    "art50-2": "aiact-art50-2",
    "interdiction-images-intimes": "aiact-interdiction-images-intimes",
    "annexe-iii": "aiact-annexe-iii",
    "annexe-i": "aiact-annexe-i",
}
DATES = {key: (_datedfacts.fact(fid).date.isoformat(), _datedfacts.fact(fid).what, _datedfacts.fact(fid).state)
         for key, fid in DATE_FACTS.items()}

TIERS = {k: french_typography(v) for k, v in TIERS.items()}
DATES = {k: (iso, french_typography(what), state) for k, (iso, what, state) in DATES.items()}


def case_facts(case: str) -> dict:
    """The facts of a known case, as a new dict (changing it leaves :data:`CASES` intact)."""
    if not isinstance(case, str) or case not in CASES:
        raise AtelierError(french_typography(
            f"Cas inconnu : {describe(case)}. Les cas connus sont : {', '.join(CASES)}. "
            "Vous pouvez aussi décrire l'usage par des faits, par exemple "
            "assess({'genere_contenu': True, 'hypertrucage': False, ...})."
        ))
    return dict(CASES[case][1])


def check_facts(facts) -> dict:
    """Check a description and complete it: a fact answered True implies the fact it depends on."""
    if not isinstance(facts, dict):
        raise AtelierError(french_typography(
            f"Décrivez l'usage par un identifiant de cas (un texte, par exemple \"affiche-generee\") ou par un "
            f"dictionnaire de faits oui/non ; vous avez donné {describe(facts)}."
        ))
    clean = {}
    for key, value in facts.items():
        if key not in FACTS:
            raise AtelierError(french_typography(
                f"Fait inconnu : {describe(key)}. Les faits possibles sont : {', '.join(FACTS)}."
            ))
        if value is not None and not isinstance(value, bool):
            raise AtelierError(french_typography(
                f"Le fait « {key} » doit valoir True (oui), False (non) ou None (je ne sais pas) ; "
                f"vous avez donné {describe(value)}."
            ))
        clean[key] = value
    if clean.get("verification_seule") and clean.get("identification_a_distance"):
        raise AtelierError(french_typography(
            "Les faits « verification_seule » et « identification_a_distance » se contredisent : une simple "
            "vérification compare la personne à une seule référence qu'elle présente, une identification à distance "
            "la cherche dans une base. Mettez l'un des deux à False."
        ))
    for child, parent in REQUIRES.items():
        if clean.get(child) and clean.get(parent) is False:
            raise AtelierError(french_typography(
                f"Les faits se contredisent : « {child} » vaut True alors que « {parent} », dont il dépend, vaut "
                f"False. Corrigez l'un des deux (question : {FACTS[parent]})"
            ))
    changed = True
    while changed:  # a True answer implies the fact it depends on (emotions → biometric data…)
        changed = False
        for child, parent in REQUIRES.items():
            if clean.get(child) and clean.get(parent) is None:
                clean[parent] = True
                changed = True
    return clean


#: The file of known cases (read once, at import).
CASES_FILE = "gouvernance/aiact-cas.yml"


def _load_cases() -> dict:
    """Known cultural use cases from :data:`CASES_FILE`: id → (label, facts), each fact checked."""
    path = data_file(CASES_FILE)
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    items = data.get("cas") if isinstance(data, dict) else None
    if not isinstance(items, list) or not items:
        raise AtelierError(french_typography(f"{CASES_FILE} doit contenir une liste « cas » non vide."))
    cases = {}
    for item in items:
        if not isinstance(item, dict) or not {"id", "libelle", "faits", "source"} <= set(item):
            raise AtelierError(french_typography(
                f"Cas mal formé dans {CASES_FILE} : {describe(item)}. Chaque cas a un « id », un « libelle », "
                "des « faits » et une « source »."
            ))
        if item["id"] in cases:
            raise AtelierError(french_typography(f"Le cas « {item['id']} » figure deux fois dans {CASES_FILE}."))
        facts = check_facts(item["faits"])
        cases[item["id"]] = (french_typography(item["libelle"]), facts)
        CASE_NOTES[item["id"]] = (item["source"], french_typography(item["incertain"]) if item.get("incertain") else "")
    return cases


#: Per known case: (source in the regulation, why the guide cannot conclude, or "").
CASE_NOTES: dict = {}


CASES = _load_cases()
