"""A guide to the EU AI Act (Regulation (EU) 2024/1689) for cultural use cases.

A use is described either by a known case id (``"chatbot-visiteurs"``, ``"affiche-generee"``…,
see :data:`CASES`, read from ``data/gouvernance/aiact-cas.yml``) or by a small set of yes/no facts
(see :data:`FACTS`). :func:`assess` returns
an :class:`AIActAnswer`: the risk tier, the duties of the institution as *deployer* and of the
*provider*, the articles, the dates in force, and the artistic exception of art. 50(4) with its
limits, all in French. When a fact that decides the answer is missing, the answer carries
questions and no tier: the guide asks, it does not guess.

Dates are those of the regulation as amended by the « Digital Omnibus on AI » (Commission
proposal 19 Nov 2025, provisional agreement 7 May 2026, Parliament vote 16 June 2026, Council
adoption 29 June 2026; Regulation (EU) 2026/1744 according to secondary sources). The dates,
their wording and how sure we are of them are read from the course's one calendar,
``data/calendrier/faits-dates.yml`` (:mod:`atelier_ia.datedfacts`); whether a date has passed is
computed for the build date. Art. 50(2) applies from 2 Aug 2026; only systems placed on the market
before that day had until 2 Dec 2026.

The rules encoded here (state on 1 December 2026):

* Art. 5(1)(f): emotion recognition in the workplace or in education is prohibited (except for
  medical or safety reasons); the omnibus adds a ban on systems generating non-consensual
  intimate images or child sexual abuse material, from 2 Dec 2026.
* Art. 5(1)(e) untargeted scraping of facial images for a recognition database, (g) biometric
  categorisation that infers race, political opinions, trade-union membership, beliefs, sex life
  or orientation, and (h) real-time remote biometric identification in public spaces *for law
  enforcement* (only the police and those acting for them) are prohibited.
* Art. 6(2) and Annex III: point 1(a) remote biometric identification (1:1 verification excluded;
  GDPR art. 9 still applies), 1(b) biometric categorisation by protected characteristics, 1(c)
  emotion recognition, point 3 education and vocational training (admission, evaluation of
  learning outcomes, level of education, proctoring), point 4 employment (recruitment,
  selection, evaluation of staff), point 5(a) eligibility for essential public assistance
  benefits and services (whether a culture pass or an artists' grant is one, the text does not
  say: the guide asks and sends to legal advice) are high-risk, unless the provider documents
  the Art. 6(3) derogation (never with profiling); duties of deployers in Art. 26, fundamental
  rights impact assessment for bodies governed by public law in Art. 27; applicable from
  2 Dec 2027 (was 2 Aug 2026).
* Art. 50(1) providers: people are told they interact with an AI system (unless obvious);
  50(2) providers of generators: machine-readable marking of outputs, except assistive standard
  editing that does not substantially alter the input; 50(3) deployers of emotion recognition
  inform the people exposed; 50(4) deployers disclose deep fakes (limited for evidently
  artistic, creative, satirical or fictional works to a disclosure that does not hamper the
  work) and AI-generated text published to inform the public on matters of public interest
  (unless human review and editorial responsibility).
* Art. 4: AI literacy of staff, applicable since 2 Feb 2025, whatever the tier.

This is information, not legal advice: the official consolidated text prevails.
"""

from __future__ import annotations

import copy
import datetime as _dt
from dataclasses import dataclass, field

import yaml

from . import datedfacts as _datedfacts
from .errors import AtelierError, describe
from .fmt import french_date, french_typography
from .paths import data_file

__all__ = ["CASES", "CASES_FILE", "DATES", "FACTS", "REQUIRES", "TIERS", "AIActAnswer", "assess", "case_facts"]


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
_DATE_FACTS = {
    "entree-en-vigueur": "aiact-entree-en-vigueur",
    "art4-art5": "aiact-art4-art5",
    "art50-1-3-4": "aiact-art50-1-3-4",
    "art50-2": "aiact-art50-2",
    "interdiction-images-intimes": "aiact-interdiction-images-intimes",
    "annexe-iii": "aiact-annexe-iii",
    "annexe-i": "aiact-annexe-i",
}
DATES = {key: (_datedfacts.fact(fid).date.isoformat(), _datedfacts.fact(fid).what, _datedfacts.fact(fid).state)
         for key, fid in _DATE_FACTS.items()}

TIERS = {k: french_typography(v) for k, v in TIERS.items()}
DATES = {k: (iso, french_typography(what), state) for k, (iso, what, state) in DATES.items()}


_LITERACY = french_typography(
    "Maîtrise de l'IA (art. 4, " + _datedfacts.status_text("aiact-art4-art5") + ", quel que soit le "
    "niveau de risque) : former les personnes qui utilisent le système pour l'institution, selon leur rôle, et "
    "garder une trace de ces formations. Depuis l'omnibus de 2026, " + _datedfacts.wording("art4") + "."
)
#: The note on the omnibus, from the calendar (its reference in the Official Journal and how sure it is).
_OMNIBUS_NOTE = french_typography(
    "Calendrier modifié par l'omnibus numérique (vote du Parlement européen le 16 juin 2026, adoption par le "
    "Conseil le 29 juin 2026) ; " + _datedfacts.fact("omnibus-journal-officiel").what + "."
)
_ARTISTIC_LIMITS = french_typography(
    "Exception artistique (art. 50, paragraphe 4) : pour une œuvre ou un programme manifestement artistique, "
    "créatif, satirique ou fictionnel, l'obligation se limite à signaler l'existence du contenu généré ou "
    "manipulé d'une manière qui ne gêne pas la présentation ni la jouissance de l'œuvre (programme de salle, "
    "générique, cartel). Ses limites : elle ne supprime pas l'information, elle en adapte la forme ; elle ne "
    "couvre ni un contenu informatif (un audioguide, une annonce) ni le marquage technique que doit le fournisseur "
    "(art. 50, paragraphe 2) ; elle ne dit rien du consentement de la personne imitée, de son droit à l'image et "
    "à la voix, ni du RGPD, qui restent entiers."
)


def _french_date(iso: str) -> str:
    year, month, day = (int(x) for x in iso.split("-"))
    return french_date(_dt.date(year, month, day))


@dataclass
class AIActAnswer:
    """The guide's answer for one use: everything a learner reads is in French."""

    label: str
    tier: str
    facts: dict
    articles: list = field(default_factory=list)
    deployer_duties: list = field(default_factory=list)
    provider_duties: list = field(default_factory=list)
    dates: list = field(default_factory=list)
    artistic_exception: str = ""
    questions: list = field(default_factory=list)
    notes: list = field(default_factory=list)

    @property
    def tier_label(self) -> str:
        return french_typography(TIERS[self.tier])

    @property
    def complete(self) -> bool:
        """True when the guide could conclude (no question left)."""
        return not self.questions

    def text(self) -> str:
        """The answer as plain French text."""
        lines = [self.label, "", french_typography(f"Niveau de risque : {self.tier_label}")]
        if self.questions:
            lines += ["", french_typography("Pour conclure, répondez d'abord à ces questions :")]
            lines += [f"  ? {q}" for q in self.questions]
        sections = [
            ("Articles", self.articles),
            ("Obligations de l'institution (déployeur)", self.deployer_duties),
            ("Obligations du fournisseur", self.provider_duties),
            ("Dates", self.dates),
            ("À noter", self.notes),
        ]
        for title, items in sections:
            if items:
                lines += ["", french_typography(f"{title} :")] + [f"  - {item}" for item in items]
        if self.artistic_exception:
            lines += ["", self.artistic_exception]
        lines += ["", french_typography("Information, pas un conseil juridique : le texte consolidé du règlement fait foi.")]
        return "\n".join(lines)

    def __str__(self) -> str:
        return self.text()


def case_facts(case: str) -> dict:
    """The facts of a known case, as a new dict (changing it leaves :data:`CASES` intact)."""
    if not isinstance(case, str) or case not in CASES:
        raise AtelierError(french_typography(
            f"Cas inconnu : {describe(case)}. Les cas connus sont : {', '.join(CASES)}. "
            "Vous pouvez aussi décrire l'usage par des faits, par exemple "
            "assess({'genere_contenu': True, 'hypertrucage': False, ...})."
        ))
    return dict(CASES[case][1])


def _check_facts(facts) -> dict:
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
        facts = _check_facts(item["faits"])
        cases[item["id"]] = (french_typography(item["libelle"]), facts)
        _CASE_NOTES[item["id"]] = (item["source"], french_typography(item["incertain"]) if item.get("incertain") else "")
    return cases


#: Per known case: (source in the regulation, why the guide cannot conclude, or "").
_CASE_NOTES: dict = {}


CASES = _load_cases()


def _date_line(key: str) -> str:
    """« 2 août 2026 : <what> (applicable depuis le 2 août 2026) », the status computed for the build date."""
    iso, what, state = DATES[key]
    status = _datedfacts.status_text(_DATE_FACTS[key])
    if state == "non vérifié":
        status += ", source non vérifiée au Journal officiel"
    return french_typography(f"{_french_date(iso)} : {what} ({status})")


_HIGH_RISK_DEPLOYER = (
    "Utiliser le système selon sa notice, confier la surveillance humaine à des personnes formées et "
    "compétentes, vérifier la pertinence des données d'entrée, conserver les journaux au moins six mois, "
    "signaler les incidents (art. 26)."
)
_HIGH_RISK_PUBLIC = (
    "Organisme de droit public ou chargé d'un service public : analyse d'impact sur les droits fondamentaux "
    "avant la mise en service (art. 27) et enregistrement de l'usage dans la base de l'UE (art. 26 et 49)."
)
_HIGH_RISK_PROVIDER = (
    "Système à haut risque : gestion des risques, qualité des données (biais), documentation technique, "
    "contrôle humain prévu dès la conception, évaluation de conformité et marquage CE, enregistrement dans la "
    "base de l'UE (art. 8 à 17, 43, 49)."
)
_GDPR_BIOMETRICS = (
    "Hors du règlement sur l'IA mais décisif : reconnaître une personne à partir de ses traits traite des données "
    "biométriques aux fins de l'identifier de façon unique, une catégorie de données que le RGPD interdit de "
    "traiter sauf exception (art. 9, consentement explicite le plus souvent). Associez votre délégué à la "
    "protection des données avant tout essai, et prévoyez une solution sans biométrie pour qui refuse."
)
_SCOPE = (
    "Ce que le guide ne couvre pas : les autres pratiques interdites (manipulation, exploitation des "
    "vulnérabilités, notation sociale, police prédictive : art. 5, paragraphe 1, points a à d), les autres "
    "domaines de l'annexe III (infrastructures critiques, crédit et assurance, police, migrations, justice et "
    "élections) et les produits de l'annexe I. Si votre usage s'en approche, vérifiez dans le texte."
)


def assess(use, label: str = "") -> AIActAnswer:
    """The AI Act answer for one use: a known case id (see :data:`CASES`) or a dict of facts.

    Facts are ``True``, ``False`` or ``None`` (unknown); a fact that decides the answer and is
    missing or ``None`` becomes a question, and the tier is then ``"a-preciser"``: the guide never
    reads an unknown fact as « non », so an unknown use is never filed as ``"minimal"``.
    """
    note_uncertain = ""
    if isinstance(use, str):
        facts = case_facts(use)
        label = label or CASES[use][0]
        note_uncertain = _CASE_NOTES[use][1]
    else:
        facts = copy.deepcopy(_check_facts(use))
    if not isinstance(label, str):
        raise AtelierError(french_typography(f"« label » doit être un texte qui nomme l'usage ; vous avez donné {describe(label)}."))
    answer = AIActAnswer(label=label or "Usage décrit par ses faits", tier="minimal", facts=dict(facts))
    ask = []

    def fact(name):
        value = facts.get(name)
        if value is None and name not in ask:
            ask.append(name)
        return value

    tiers = set()
    date_keys = []
    annex_iii = []  # the Annex III points this use falls under, before the art. 6(3) derogation
    answer.articles.append("art. 4 (maîtrise de l'IA)")
    answer.deployer_duties.append(_LITERACY)
    date_keys.append("art4-art5")

    def prohibited(article, deployer, provider="Ne pas mettre sur le marché un système destiné à cet usage."):
        tiers.add("interdit")
        answer.articles.append(article)
        answer.deployer_duties.append(french_typography(deployer))
        answer.provider_duties.append(french_typography(provider))

    # --- prohibited practices (art. 5), generated content
    generates = fact("genere_contenu")
    if generates and fact("images_intimes"):
        prohibited("art. 5 (pratique interdite ajoutée par l'omnibus de 2026)",
                   "Ne pas utiliser un système qui produit des images intimes non consenties : interdit.",
                   "Ne pas mettre sur le marché un tel système.")
        date_keys.append("interdiction-images-intimes")

    # --- biometrics: art. 5(1)(e)(f)(g)(h), annex III point 1
    biometric = fact("donnees_biometriques")
    if biometric:
        if fact("reconnaissance_emotions"):
            at_work = fact("travail_ou_enseignement")
            if at_work:
                prohibited(
                    "art. 5, paragraphe 1, point f (reconnaissance des émotions au travail ou à l'école)",
                    "Ne pas utiliser ce système sur le personnel ou des élèves : c'est interdit depuis le 2 février "
                    "2025, sauf raisons médicales ou de sécurité.")
            elif at_work is False:
                annex_iii.append("annexe III, point 1 c (reconnaissance des émotions)")
                answer.articles.append("art. 50, paragraphe 3")
                answer.deployer_duties.append(french_typography(
                    "Informer les personnes exposées du fonctionnement du système (art. 50, paragraphe 3), et traiter "
                    "leurs données dans le respect du RGPD (consultez votre délégué à la protection des données)."))
                date_keys.append("art50-1-3-4")
        if fact("identification_biometrique"):
            answer.notes.append(french_typography(_GDPR_BIOMETRICS))
            if fact("moissonnage_visages"):
                prohibited(
                    "art. 5, paragraphe 1, point e (base de reconnaissance faciale par moissonnage non ciblé)",
                    "Ne pas constituer ni enrichir une base de visages en moissonnant internet ou des vidéos de "
                    "surveillance : interdit depuis le 2 février 2025. Une base de visages doit venir de personnes "
                    "informées, pour une finalité précise (RGPD).")
            only_verification = fact("verification_seule")
            if only_verification:
                answer.notes.append(french_typography(
                    "Vérification un à un (la personne est-elle celle qu'elle dit être ?) : exclue de l'annexe III, "
                    "point 1 a, seconde phrase. Ce n'est donc pas, à ce titre, un système à haut risque ; le RGPD "
                    "(art. 9) s'applique entièrement."))
            elif only_verification is False:
                remote = fact("identification_a_distance")
                if remote:
                    annex_iii.append("annexe III, point 1 a (identification biométrique à distance)")
                    if fact("usage_repressif"):
                        prohibited(
                            "art. 5, paragraphe 1, point h (identification biométrique à distance en temps réel "
                            "dans l'espace public, à des fins répressives)",
                            "Interdit aux forces de l'ordre, sauf trois exceptions strictes (recherche de victimes "
                            "ou de personnes disparues, menace imminente, suspect d'une infraction grave), chacune "
                            "autorisée au préalable par une autorité judiciaire ou indépendante, dans le cadre "
                            "d'une loi nationale (art. 5, paragraphes 2 et 3).",
                            "Ne pas fournir un système à cette fin hors du cadre des art. 5 et 26.")
                    else:
                        answer.notes.append(french_typography(
                            "L'interdiction de l'art. 5, paragraphe 1, point h, ne vise que les forces de l'ordre "
                            "(identification en temps réel dans l'espace public, à des fins répressives) : elle ne "
                            "concerne pas un musée, une salle ou une ville qui reconnaît son public pour d'autres "
                            "fins. Cet usage reste à haut risque (annexe III, point 1 a) et soumis au RGPD."))
                elif remote is False:
                    answer.notes.append(french_typography(
                        "Identification avec la participation active de la personne (elle pose son doigt ou son "
                        "visage sur un lecteur) : ce n'est pas une identification « à distance » au sens de "
                        "l'art. 3, point 41, et l'annexe III, point 1 a, ne la vise pas. La frontière est fine : "
                        "faites-vous confirmer ce point par un juriste ; le RGPD (art. 9) s'applique entièrement."))
        if fact("categorisation_biometrique"):
            sensitive = fact("categories_sensibles")
            if sensitive:
                prohibited(
                    "art. 5, paragraphe 1, point g (catégorisation biométrique selon des caractéristiques sensibles)",
                    "Ne pas utiliser un système qui déduit de leur corps l'origine, les opinions, l'appartenance "
                    "syndicale, les convictions, la vie ou l'orientation sexuelles des personnes : interdit depuis "
                    "le 2 février 2025.")
            elif sensitive is False:
                if fact("attributs_proteges"):
                    annex_iii.append("annexe III, point 1 b (catégorisation biométrique)")
                    answer.notes.append(french_typography(
                        "L'âge, le sexe, le handicap, la couleur de peau ou la langue sont des caractéristiques "
                        "protégées contre les discriminations (Charte des droits fondamentaux de l'UE, art. 21) : "
                        "les déduire du corps des personnes relève de l'annexe III, point 1 b. Les images traitées "
                        "restent des données personnelles (RGPD) : consultez votre délégué à la protection des "
                        "données."))
                answer.articles.append("art. 50, paragraphe 3")
                answer.deployer_duties.append(french_typography(
                    "Informer les personnes exposées au système de catégorisation biométrique de son "
                    "fonctionnement (art. 50, paragraphe 3)."))
                date_keys.append("art50-1-3-4")

    # --- education and vocational training (annex III point 3)
    if fact("enseignement"):
        for name, point in (("admission", "3 a (accès, admission, affectation)"),
                            ("evaluation_acquis", "3 b (évaluation des acquis)"),
                            ("niveau_enseignement", "3 c (niveau d'enseignement)"),
                            ("surveillance_examens", "3 d (surveillance des épreuves)")):
            if fact(name):
                annex_iii.append(f"annexe III, point {point}")
        if any(a.startswith("annexe III, point 3") for a in annex_iii):
            answer.deployer_duties.append(french_typography(
                "Informer les élèves, étudiants ou candidats qu'un système à haut risque intervient dans les "
                "décisions qui les concernent, et garder une personne qui puisse revoir chaque décision (art. 26)."))

    # --- public assistance benefits and services (annex III point 5 a)
    if fact("prestations_publiques"):
        essential = fact("aide_essentielle")
        if essential:
            annex_iii.append("annexe III, point 5 a (aides et services publics essentiels)")
        elif essential is False:
            answer.notes.append(french_typography(
                "Une aide qui ne relève pas de l'assistance publique essentielle n'est pas visée par l'annexe III, "
                "point 5 a ; le RGPD (art. 22, décision entièrement automatisée) et le droit administratif "
                "(motivation des décisions) s'appliquent toujours."))
        else:
            answer.notes.append(french_typography(
                "L'annexe III, point 5 a, vise les systèmes qui décident, pour une autorité publique, de l'accès à "
                "l'« assistance publique essentielle » ; le considérant 58 cite les soins de santé, la sécurité "
                "sociale, l'aide sociale et l'aide au logement. Le règlement ne dit pas si une aide culturelle en "
                "fait partie : le guide ne peut pas le décider à votre place. Demandez l'avis du service juridique ; "
                "en attendant, appliquez par prudence les garanties d'un système à haut risque (surveillance "
                "humaine, information des personnes, voie de recours)."))

    # --- employment (annex III point 4)
    if fact("emploi"):
        annex_iii.append("annexe III, point 4 (emploi, gestion du personnel)")
        answer.deployer_duties.append(french_typography(
            "Informer les représentants du personnel et les personnes concernées avant la mise en service ; "
            "informer les candidates et candidats qu'un système à haut risque intervient dans la décision (art. 26)."))

    # --- high risk, unless the art. 6(3) derogation applies (never with profiling)
    if annex_iii:
        answer.articles += [f"art. 6, paragraphe 2, et {point}" for point in annex_iii]
        high = "interdit" not in tiers
        if high:
            derogation = fact("derogation_6_3")
            if derogation:
                profiling = fact("profilage")
                if profiling:
                    answer.articles.append("art. 6, paragraphe 3, dernier alinéa (profilage : toujours à haut risque)")
                elif profiling is False:
                    high = False
                    answer.articles.append("art. 6, paragraphes 3 et 4 (dérogation)")
                    answer.deployer_duties.append(french_typography(
                        "Demander au fournisseur l'évaluation qu'il a documentée (art. 6, paragraphe 4) et vérifier "
                        "qu'il a enregistré le système (art. 49, paragraphe 2). Si votre usage dépasse la tâche "
                        "décrite, la dérogation tombe."))
                else:
                    high = False
            elif derogation is None:
                high = False
        if high:
            tiers.add("haut-risque")
            answer.articles.append("art. 26 (obligations des déployeurs)")
            answer.deployer_duties += [french_typography(_HIGH_RISK_DEPLOYER), french_typography(_HIGH_RISK_PUBLIC)]
            answer.provider_duties.append(french_typography(_HIGH_RISK_PROVIDER))
            date_keys.append("annexe-iii")

    # --- transparency (art. 50)
    if fact("dialogue_public"):
        tiers.add("transparence")
        answer.articles.append("art. 50, paragraphe 1")
        answer.provider_duties.append(french_typography(
            "Concevoir le système pour que les personnes sachent qu'elles échangent avec une IA, sauf si c'est "
            "évident (art. 50, paragraphe 1)."
        ))
        answer.deployer_duties.append(french_typography(
            "Afficher clairement, dès le premier échange, que le public parle à une IA (bonne pratique qui rend "
            "effective l'obligation du fournisseur)."
        ))
        date_keys.append("art50-1-3-4")
    if "art. 50, paragraphe 3" in answer.articles:
        tiers.add("transparence")
    if generates:
        assistive = fact("edition_assistee")
        if assistive is False:
            tiers.add("transparence")
            answer.articles.append("art. 50, paragraphe 2")
            answer.provider_duties.append(french_typography(
                "Marquer les contenus générés dans un format lisible par machine et détectable (métadonnées, "
                "tatouage numérique), dans la mesure où c'est techniquement faisable (art. 50, paragraphe 2)."
            ))
            answer.deployer_duties.append(french_typography(
                "Ne pas retirer le marquage du fournisseur ; vérifier dans le contrat que l'outil le pose."
            ))
            date_keys.append("art50-2")
        elif assistive:
            answer.notes.append(french_typography(
                "Aide à la mise en forme qui ne change pas substantiellement le contenu : exemptée du marquage de "
                "l'art. 50, paragraphe 2. Une traduction automatique, qui produit un texte nouveau, se discute : "
                "vérifiez la qualité avec une personne, surtout pour l'accessibilité."
            ))
        deepfake = fact("hypertrucage")
        if deepfake:
            tiers.add("transparence")
            answer.articles.append("art. 50, paragraphe 4 (hypertrucages)")
            artistic = fact("oeuvre_artistique")
            if artistic:
                answer.deployer_duties.append(french_typography(
                    "Signaler que le contenu est généré ou manipulé, d'une manière qui ne gêne pas l'œuvre : "
                    "programme de salle, générique, cartel (art. 50, paragraphe 4, exception artistique)."
                ))
                answer.artistic_exception = _ARTISTIC_LIMITS
            elif artistic is False:
                answer.deployer_duties.append(french_typography(
                    "Indiquer clairement au public, dès la première écoute ou vue, que le contenu a été généré ou "
                    "manipulé par une IA (art. 50, paragraphes 4 et 5)."
                ))
                answer.notes.append(french_typography(
                    "Hors du règlement mais indispensable : le consentement écrit de la personne dont la voix ou "
                    "l'image est imitée (droit de la personnalité, RGPD), et les droits des artistes-interprètes."
                ))
            date_keys.append("art50-1-3-4")
        public_text = fact("texte_interet_public")
        if public_text:
            reviewed = fact("relecture_editoriale")
            if reviewed is False:
                tiers.add("transparence")
                answer.articles.append("art. 50, paragraphe 4 (textes d'intérêt public)")
                answer.deployer_duties.append(french_typography(
                    "Indiquer que le texte a été généré par une IA, ou bien le faire relire et en assumer la "
                    "responsabilité éditoriale (art. 50, paragraphe 4)."
                ))
                date_keys.append("art50-1-3-4")
            elif reviewed:
                answer.notes.append(french_typography(
                    "Texte relu sous la responsabilité éditoriale de l'institution : pas d'obligation de mention au "
                    "titre de l'art. 50, paragraphe 4 (la transparence reste une bonne pratique)."
                ))

    answer.articles = list(dict.fromkeys(answer.articles))
    answer.deployer_duties = list(dict.fromkeys(answer.deployer_duties))
    answer.dates = [_date_line(k) for k in sorted(dict.fromkeys(date_keys), key=lambda k: DATES[k][0])]
    answer.questions = [FACTS[name] for name in ask]
    if ask:
        answer.tier = "a-preciser"
        if note_uncertain:
            answer.notes.insert(0, note_uncertain)
    else:
        answer.tier = next((t for t in ("interdit", "haut-risque", "transparence") if t in tiers), "minimal")
    if answer.tier == "minimal":
        if biometric:
            answer.notes.append(french_typography(
                "Aucune obligation propre au règlement sur l'IA pour cet usage, hormis la maîtrise de l'IA. Mais "
                "filmer ou enregistrer des personnes reste un traitement de données personnelles : le RGPD "
                "s'applique (information, durée de conservation, analyse d'impact si le dispositif est étendu)."))
        else:
            answer.notes.append(french_typography(
                "Aucune obligation propre au règlement pour cet usage, hormis la maîtrise de l'IA : le RGPD, le droit "
                "d'auteur et le droit du travail s'appliquent comme d'habitude."
            ))
        answer.notes.append(french_typography(_SCOPE))
    answer.notes.append(french_typography(
        "Si l'institution développe le système, ou le met en service sous son propre nom, elle devient "
        "fournisseur et en porte aussi les obligations."
    ))
    answer.notes.append(_OMNIBUS_NOTE)
    return answer
