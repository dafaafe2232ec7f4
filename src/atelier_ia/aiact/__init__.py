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

One module per concept: :mod:`.facts` (the facts asked, tiers, dates and known cases),
:mod:`.texts` (the fixed French texts), :mod:`.answer` (:class:`AIActAnswer`) and this one,
the classification itself (:func:`assess`).
"""

from __future__ import annotations

import copy
import datetime as _dt

from .. import datedfacts as _datedfacts
from ..errors import AtelierError, describe
from ..fmt import french_date, french_typography
from .answer import AIActAnswer
from .facts import CASE_NOTES, CASES, CASES_FILE, DATE_FACTS, DATES, FACTS, REQUIRES, TIERS, case_facts, check_facts
from .texts import (
    ARTISTIC_LIMITS,
    GDPR_BIOMETRICS,
    HIGH_RISK_DEPLOYER,
    HIGH_RISK_PROVIDER,
    HIGH_RISK_PUBLIC,
    LITERACY,
    OMNIBUS_NOTE,
    SCOPE,
)

__all__ = ["CASES", "CASES_FILE", "DATES", "FACTS", "REQUIRES", "TIERS", "AIActAnswer", "assess", "case_facts"]


def _french_date(iso: str) -> str:
    year, month, day = (int(x) for x in iso.split("-"))
    return french_date(_dt.date(year, month, day))


def _date_line(key: str) -> str:
    """« 2 août 2026 : <what> (applicable depuis le 2 août 2026) », the status computed for the build date."""
    iso, what, state = DATES[key]
    status = _datedfacts.status_text(DATE_FACTS[key])
    if state == "non vérifié":
        status += ", source non vérifiée au Journal officiel"
    return french_typography(f"{_french_date(iso)} : {what} ({status})")


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
        note_uncertain = CASE_NOTES[use][1]
    else:
        facts = copy.deepcopy(check_facts(use))
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
    answer.deployer_duties.append(LITERACY)
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
            answer.notes.append(french_typography(GDPR_BIOMETRICS))
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
                    answer.articles.append(french_typography("art. 6, paragraphe 3, dernier alinéa (profilage : toujours à haut risque)"))
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
            answer.deployer_duties += [french_typography(HIGH_RISK_DEPLOYER), french_typography(HIGH_RISK_PUBLIC)]
            answer.provider_duties.append(french_typography(HIGH_RISK_PROVIDER))
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
                answer.artistic_exception = ARTISTIC_LIMITS
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
        answer.notes.append(french_typography(SCOPE))
    answer.notes.append(french_typography(
        "Si l'institution développe le système, ou le met en service sous son propre nom, elle devient "
        "fournisseur et en porte aussi les obligations."
    ))
    answer.notes.append(OMNIBUS_NOTE)
    return answer
