"""A guide to the EU AI Act (Regulation (EU) 2024/1689) for cultural use cases.

A use is described either by a known case id (``"chatbot-visiteurs"``, ``"affiche-generee"``…,
see :data:`CASES`) or by a small set of yes/no facts (see :data:`FACTS`). :func:`assess` returns
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
* Art. 6(2) and Annex III: point 1(c) emotion recognition, point 4 employment (recruitment,
  selection, evaluation of staff) are high-risk; duties of deployers in Art. 26, fundamental
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
from dataclasses import dataclass, field

from . import datedfacts as _datedfacts
from .errors import AtelierError, describe
from .fmt import NBSP

__all__ = ["CASES", "DATES", "FACTS", "TIERS", "AIActAnswer", "assess", "case_facts"]


def _t(text: str) -> str:
    """French typography: no-break space before « : ; ? ! » and inside guillemets."""
    for mark in (":", ";", "?", "!"):
        text = text.replace(" " + mark, NBSP + mark)
    return text.replace("\u00ab ", "\u00ab" + NBSP).replace(" \u00bb", NBSP + "\u00bb")


#: The yes/no facts that describe a use, with the question asked when one is missing.
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
    "reconnaissance_emotions": (
        "Le système déduit-il les émotions ou les intentions des personnes à partir de leur visage, de leur voix "
        "ou d'autres données biométriques ?"
    ),
    "travail_ou_enseignement": (
        "Les personnes observées sont-elles des membres du personnel sur leur lieu de travail, ou des élèves "
        "dans un établissement d'enseignement ?"
    ),
    "emploi": (
        "Le système sert-il à recruter, trier des candidatures, évaluer ou gérer le personnel ?"
    ),
    "images_intimes": (
        "Le système peut-il produire des images intimes d'une personne réelle sans son consentement ?"
    ),
}

FACTS = {k: _t(v) for k, v in FACTS.items()}

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

TIERS = {k: _t(v) for k, v in TIERS.items()}
DATES = {k: (iso, _t(what), state) for k, (iso, what, state) in DATES.items()}

_MONTHS = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre",
           "novembre", "décembre"]

#: Known cultural use cases: id → (label, facts). Facts left out are irrelevant to the case.
CASES = {
    "chatbot-visiteurs": (
        "Agent conversationnel qui répond aux visiteurs sur le site d'un musée",
        {"dialogue_public": True, "genere_contenu": True, "edition_assistee": False, "hypertrucage": False,
         "texte_interet_public": False, "reconnaissance_emotions": False, "emploi": False, "images_intimes": False},
    ),
    "affiche-generee": (
        "Affiche de festival illustrée par un générateur d'images (visuel stylisé, sans personne réelle)",
        {"dialogue_public": False, "genere_contenu": True, "edition_assistee": False, "hypertrucage": False,
         "texte_interet_public": False, "reconnaissance_emotions": False, "emploi": False, "images_intimes": False},
    ),
    "audioguide-voix-clonee": (
        "Audioguide lu par la voix clonée d'un conservateur ou d'une comédienne réels",
        {"dialogue_public": False, "genere_contenu": True, "edition_assistee": False, "hypertrucage": True,
         "oeuvre_artistique": False, "texte_interet_public": False, "reconnaissance_emotions": False,
         "emploi": False, "images_intimes": False},
    ),
    "emotions-public": (
        "Caméras qui mesurent les émotions du public pendant un spectacle",
        {"dialogue_public": False, "genere_contenu": False, "reconnaissance_emotions": True,
         "travail_ou_enseignement": False, "emploi": False, "images_intimes": False},
    ),
    "emotions-personnel": (
        "Logiciel qui analyse l'humeur des agents d'accueil à partir de leur voix",
        {"dialogue_public": False, "genere_contenu": False, "reconnaissance_emotions": True,
         "travail_ou_enseignement": True, "emploi": False, "images_intimes": False},
    ),
    "tri-cv": (
        "Tri automatique des candidatures pour recruter une équipe de billetterie",
        {"dialogue_public": False, "genere_contenu": False, "reconnaissance_emotions": False, "emploi": True,
         "images_intimes": False},
    ),
    "sous-titres": (
        "Sous-titrage automatique (transcription fidèle) des captations de spectacles",
        {"dialogue_public": False, "genere_contenu": True, "edition_assistee": True, "hypertrucage": False,
         "texte_interet_public": False, "reconnaissance_emotions": False, "emploi": False, "images_intimes": False},
    ),
    "hypertrucage-spectacle": (
        "Hypertrucage (deepfake) d'une personnalité réelle dans une pièce de théâtre",
        {"dialogue_public": False, "genere_contenu": True, "edition_assistee": False, "hypertrucage": True,
         "oeuvre_artistique": True, "texte_interet_public": False, "reconnaissance_emotions": False,
         "emploi": False, "images_intimes": False},
    ),
    "communique-genere": (
        "Lettre d'information de la ville sur les travaux d'un théâtre, rédigée par un outil et publiée sans relecture",
        {"dialogue_public": False, "genere_contenu": True, "edition_assistee": False, "hypertrucage": False,
         "texte_interet_public": True, "relecture_editoriale": False, "reconnaissance_emotions": False,
         "emploi": False, "images_intimes": False},
    ),
}

_LITERACY = _t(
    "Maîtrise de l'IA (art. 4, " + _datedfacts.status_text("aiact-art4-art5") + ", quel que soit le "
    "niveau de risque) : former les personnes qui utilisent le système pour l'institution, selon leur rôle, et "
    "garder une trace de ces formations. Depuis l'omnibus de 2026, " + _datedfacts.wording("art4") + "."
)
#: The note on the omnibus, from the calendar (its reference in the Official Journal and how sure it is).
_OMNIBUS_NOTE = _t(
    "Calendrier modifié par l'omnibus numérique (vote du Parlement européen le 16 juin 2026, adoption par le "
    "Conseil le 29 juin 2026) ; " + _datedfacts.fact("omnibus-journal-officiel").what + "."
)
_ARTISTIC_LIMITS = _t(
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
    return f"{'1er' if day == 1 else day} {_MONTHS[month - 1]} {year}"


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
        return TIERS[self.tier]

    @property
    def complete(self) -> bool:
        """True when the guide could conclude (no question left)."""
        return not self.questions

    def text(self) -> str:
        """The answer as plain French text."""
        lines = [self.label, "", _t(f"Niveau de risque : {self.tier_label}")]
        if self.questions:
            lines += ["", _t("Pour conclure, répondez d'abord à ces questions :")]
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
                lines += ["", _t(f"{title} :")] + [f"  - {item}" for item in items]
        if self.artistic_exception:
            lines += ["", self.artistic_exception]
        lines += ["", _t("Information, pas un conseil juridique : le texte consolidé du règlement fait foi.")]
        return "\n".join(lines)

    def __str__(self) -> str:
        return self.text()


def case_facts(case: str) -> dict:
    """The facts of a known case, as a new dict (changing it leaves :data:`CASES` intact)."""
    if not isinstance(case, str) or case not in CASES:
        raise AtelierError(_t(
            f"Cas inconnu : {describe(case)}. Les cas connus sont : {', '.join(CASES)}. "
            "Vous pouvez aussi décrire l'usage par des faits, par exemple "
            "assess({'genere_contenu': True, 'hypertrucage': False, ...})."
        ))
    return dict(CASES[case][1])


def _check_facts(facts) -> dict:
    if not isinstance(facts, dict):
        raise AtelierError(_t(
            f"Décrivez l'usage par un identifiant de cas (un texte, par exemple \"affiche-generee\") ou par un "
            f"dictionnaire de faits oui/non ; vous avez donné {describe(facts)}."
        ))
    clean = {}
    for key, value in facts.items():
        if key not in FACTS:
            raise AtelierError(_t(
                f"Fait inconnu : {describe(key)}. Les faits possibles sont : {', '.join(FACTS)}."
            ))
        if value is not None and not isinstance(value, bool):
            raise AtelierError(_t(
                f"Le fait « {key} » doit valoir True (oui), False (non) ou None (je ne sais pas) ; "
                f"vous avez donné {describe(value)}."
            ))
        clean[key] = value
    return clean


def _date_line(key: str) -> str:
    """« 2 août 2026 : <what> (applicable depuis le 2 août 2026) », the status computed for the build date."""
    iso, what, state = DATES[key]
    status = _datedfacts.status_text(_DATE_FACTS[key])
    if state == "non vérifié":
        status += ", source non vérifiée au Journal officiel"
    return _t(f"{_french_date(iso)} : {what} ({status})")


def assess(use, label: str = "") -> AIActAnswer:
    """The AI Act answer for one use: a known case id (see :data:`CASES`) or a dict of facts.

    Facts are ``True``, ``False`` or ``None`` (unknown); a fact that decides the answer and is
    missing or ``None`` becomes a question, and the tier is then ``"a-preciser"``.
    """
    if isinstance(use, str):
        facts = case_facts(use)
        label = label or CASES[use][0]
    else:
        facts = _check_facts(use)
        facts = copy.deepcopy(facts)
    if not isinstance(label, str):
        raise AtelierError(_t(f"« label » doit être un texte qui nomme l'usage ; vous avez donné {describe(label)}."))
    answer = AIActAnswer(label=label or "Usage décrit par ses faits", tier="minimal", facts=dict(facts))
    ask = []

    def fact(name):
        value = facts.get(name)
        if value is None and name not in ask:
            ask.append(name)
        return value

    tiers = set()
    date_keys = []
    answer.articles.append("art. 4 (maîtrise de l'IA)")
    answer.deployer_duties.append(_LITERACY)
    date_keys.append("art4-art5")

    # --- prohibited practices (art. 5) and high risk (annex III)
    generates = fact("genere_contenu")
    if generates and fact("images_intimes"):
        tiers.add("interdit")
        answer.articles.append("art. 5 (pratique interdite ajoutée par l'omnibus de 2026)")
        answer.deployer_duties.append(_t("Ne pas utiliser un système qui produit des images intimes non consenties : interdit."))
        answer.provider_duties.append(_t("Ne pas mettre sur le marché un tel système."))
        date_keys.append("interdiction-images-intimes")
    emotions = fact("reconnaissance_emotions")
    if emotions:
        at_work = fact("travail_ou_enseignement")
        if at_work:
            tiers.add("interdit")
            answer.articles.append("art. 5, paragraphe 1, point f (reconnaissance des émotions au travail ou à l'école)")
            answer.deployer_duties.append(_t(
                "Ne pas utiliser ce système sur le personnel ou des élèves : c'est interdit depuis le 2 février 2025, "
                "sauf raisons médicales ou de sécurité."
            ))
            answer.provider_duties.append(_t("Ne pas mettre sur le marché un système destiné à cet usage."))
        elif at_work is False:
            tiers.add("haut-risque")
            answer.articles += ["art. 6, paragraphe 2, et annexe III, point 1 c (reconnaissance des émotions)",
                                "art. 26 (obligations des déployeurs)", "art. 50, paragraphe 3"]
            answer.deployer_duties += [
                _t("Informer les personnes exposées du fonctionnement du système (art. 50, paragraphe 3), et traiter "
                   "leurs données biométriques dans le respect du RGPD (une donnée sensible : consultez votre délégué "
                   "à la protection des données)."),
                _t("Utiliser le système selon sa notice, confier la surveillance humaine à des personnes formées, "
                   "conserver les journaux, signaler les incidents (art. 26)."),
                _t("Organisme de droit public ou chargé d'un service public : analyse d'impact sur les droits "
                   "fondamentaux avant la mise en service (art. 27)."),
            ]
            answer.provider_duties.append(_t(
                "Système à haut risque : gestion des risques, données, documentation, marquage CE, enregistrement dans "
                "la base de l'UE (art. 8 à 17, 43, 49)."
            ))
            date_keys += ["art50-1-3-4", "annexe-iii"]
    if fact("emploi"):
        tiers.add("haut-risque")
        answer.articles += ["art. 6, paragraphe 2, et annexe III, point 4 (emploi, gestion du personnel)",
                            "art. 26 (obligations des déployeurs)"]
        answer.deployer_duties += [
            _t("Utiliser le système selon sa notice, confier la surveillance humaine à des personnes formées et "
               "compétentes, vérifier la pertinence des données d'entrée, conserver les journaux au moins six mois "
               "(art. 26)."),
            _t("Informer les représentants du personnel et les personnes concernées avant la mise en service ; "
               "informer les candidates et candidats qu'un système à haut risque intervient dans la décision (art. 26)."),
            _t("Employeur public : analyse d'impact sur les droits fondamentaux (art. 27) et enregistrement de "
               "l'usage dans la base de l'UE (art. 26 et 49)."),
        ]
        answer.provider_duties.append(_t(
            "Système à haut risque : gestion des risques, qualité des données (biais), documentation technique, "
            "contrôle humain prévu dès la conception, évaluation de conformité et marquage CE, enregistrement "
            "(art. 8 à 17, 43, 49)."
        ))
        date_keys.append("annexe-iii")

    # --- transparency (art. 50)
    if fact("dialogue_public"):
        tiers.add("transparence")
        answer.articles.append("art. 50, paragraphe 1")
        answer.provider_duties.append(_t(
            "Concevoir le système pour que les personnes sachent qu'elles échangent avec une IA, sauf si c'est "
            "évident (art. 50, paragraphe 1)."
        ))
        answer.deployer_duties.append(_t(
            "Afficher clairement, dès le premier échange, que le public parle à une IA (bonne pratique qui rend "
            "effective l'obligation du fournisseur)."
        ))
        date_keys.append("art50-1-3-4")
    if generates:
        assistive = fact("edition_assistee")
        if assistive is False:
            tiers.add("transparence")
            answer.articles.append("art. 50, paragraphe 2")
            answer.provider_duties.append(_t(
                "Marquer les contenus générés dans un format lisible par machine et détectable (métadonnées, "
                "tatouage numérique), dans la mesure où c'est techniquement faisable (art. 50, paragraphe 2)."
            ))
            answer.deployer_duties.append(_t(
                "Ne pas retirer le marquage du fournisseur ; vérifier dans le contrat que l'outil le pose."
            ))
            date_keys.append("art50-2")
        elif assistive:
            answer.notes.append(_t(
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
                answer.deployer_duties.append(_t(
                    "Signaler que le contenu est généré ou manipulé, d'une manière qui ne gêne pas l'œuvre : "
                    "programme de salle, générique, cartel (art. 50, paragraphe 4, exception artistique)."
                ))
                answer.artistic_exception = _ARTISTIC_LIMITS
            elif artistic is False:
                answer.deployer_duties.append(_t(
                    "Indiquer clairement au public, dès la première écoute ou vue, que le contenu a été généré ou "
                    "manipulé par une IA (art. 50, paragraphes 4 et 5)."
                ))
                answer.notes.append(_t(
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
                answer.deployer_duties.append(_t(
                    "Indiquer que le texte a été généré par une IA, ou bien le faire relire et en assumer la "
                    "responsabilité éditoriale (art. 50, paragraphe 4)."
                ))
                date_keys.append("art50-1-3-4")
            elif reviewed:
                answer.notes.append(_t(
                    "Texte relu sous la responsabilité éditoriale de l'institution : pas d'obligation de mention au "
                    "titre de l'art. 50, paragraphe 4 (la transparence reste une bonne pratique)."
                ))

    answer.dates = [_date_line(k) for k in sorted(dict.fromkeys(date_keys), key=lambda k: DATES[k][0])]
    answer.questions = [_t(FACTS[name]) for name in ask]
    if ask:
        answer.tier = "a-preciser"
    else:
        for tier in ("interdit", "haut-risque", "transparence", "minimal"):
            if tier in tiers or tier == "minimal":
                answer.tier = tier
                break
    if not ask and answer.tier == "minimal":
        answer.notes.append(_t(
            "Aucune obligation propre au règlement pour cet usage, hormis la maîtrise de l'IA : le RGPD, le droit "
            "d'auteur et le droit du travail s'appliquent comme d'habitude."
        ))
    answer.notes.append(_t(
        "Si l'institution développe le système, ou le met en service sous son propre nom, elle devient "
        "fournisseur et en porte aussi les obligations."
    ))
    answer.notes.append(_OMNIBUS_NOTE)
    return answer
