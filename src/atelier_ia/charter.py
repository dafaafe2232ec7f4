"""An institution's AI charter and a procurement checklist, for cultural institutions.

:func:`charter_markdown` turns the answers a learner types in the book into a Markdown
document (sections: uses allowed, forbidden, to be declared; data; transparency to the public;
training; review), ready to be discussed and adopted by a council or a board;
:func:`decision_outline` gives the outline of that decision (« délibération » of a local
council, or decision of a board). :data:`PROCUREMENT_CRITERIA` is a checklist for buying an AI
tool (data location, training on our data, licences of outputs, accessibility, reversibility,
energy) and :func:`review_offer` applies it to a described offer.

Nothing here is legal advice; the templates are starting points to adapt.
"""

from __future__ import annotations

from .errors import AtelierError, describe
from .fmt import french_typography
from .validation import check_text

__all__ = ["CHARTER_SECTIONS", "PROCUREMENT_CRITERIA", "charter_markdown", "decision_outline", "review_offer"]


#: Section key → (title, guiding question shown when the learner left it empty).
CHARTER_SECTIONS = {
    "usages_autorises": ("Usages autorisés", "Quels usages les équipes peuvent-elles avoir sans demander ?"),
    "usages_interdits": ("Usages interdits", "Que s'interdit l'institution, quoi que permette la loi ?"),
    "usages_a_declarer": ("Usages à déclarer", "Quels usages doivent être signalés, à qui, avant de commencer ?"),
    "donnees": ("Données", "Quelles données ne doivent jamais entrer dans un outil (personnelles, non publiées, sous droits) ?"),
    "transparence": ("Transparence envers le public", "Comment le public sait-il qu'un contenu ou un service utilise l'IA ?"),
    "formation": ("Formation (maîtrise de l'IA, art. 4)", "Qui est formé, à quoi, et où garde-t-on la trace ?"),
    "revision": ("Révision", "Qui relit la charte, à quelle date, avec quel bilan ?"),
}

#: Procurement criteria: key → (question to ask the vendor, what a good answer looks like).
PROCUREMENT_CRITERIA = {
    "localisation_donnees": (
        "Où les données sont-elles hébergées et traitées ?",
        "dans l'Union européenne, sous-traitants listés, contrat conforme au RGPD",
    ),
    "entrainement_sur_nos_donnees": (
        "Le fournisseur entraîne-t-il ses modèles sur nos contenus et ceux du public ?",
        "non par défaut, ou seulement avec un accord écrit et révocable",
    ),
    "licence_des_resultats": (
        "Qui détient les droits sur les résultats, et le fournisseur garantit-il contre les réclamations ?",
        "droits cédés à l'institution, garantie contractuelle, liste des sources d'entraînement disponible",
    ),
    "accessibilite": (
        "L'outil et ses résultats sont-ils accessibles (RGAA, sous-titres, lecteurs d'écran) ?",
        "déclaration d'accessibilité, tests avec des personnes concernées",
    ),
    "reversibilite": (
        "Peut-on partir avec nos données et nos contenus, dans un format ouvert, sans frais cachés ?",
        "export complet en format ouvert, clause de réversibilité chiffrée",
    ),
    "energie": (
        "Le fournisseur publie-t-il l'énergie ou l'empreinte de son service, selon une méthode connue ?",
        "mesure publiée (par exemple selon l'AFNOR Spec 2314), fourchette et périmètre indiqués",
    ),
    "transparence_ia": (
        "Le fournisseur marque-t-il les contenus générés et signale-t-il l'IA au public (art. 50) ?",
        "marquage lisible par machine, mention visible prévue, calendrier de mise en conformité",
    ),
}

CHARTER_SECTIONS = {k: (french_typography(a), french_typography(b)) for k, (a, b) in CHARTER_SECTIONS.items()}
PROCUREMENT_CRITERIA = {k: (french_typography(a), french_typography(b)) for k, (a, b) in PROCUREMENT_CRITERIA.items()}

_ANSWERS = ("oui", "non", "inconnu")


def charter_markdown(institution: str, answers: dict, adopted_on: str = "") -> str:
    """The charter as Markdown text: one section per key of :data:`CHARTER_SECTIONS`.

    ``answers`` maps a section key to a text or a list of texts (one bullet each). An empty or
    missing section is kept, with its guiding question marked « À compléter ». ``answers`` is not
    modified.
    """
    institution = check_text(institution, "le nom de l'institution", min_chars=2)
    if not isinstance(answers, dict):
        raise AtelierError(french_typography(
            f"« answers » doit être un dictionnaire {{section : texte}}, par exemple "
            f"{{\"usages_interdits\": [\"générer le visage d'une personne réelle\"]}} ; vous avez donné {describe(answers)}."
        ))
    for key in answers:
        if key not in CHARTER_SECTIONS:
            raise AtelierError(french_typography(
                f"Section inconnue : {describe(key)}. Les sections sont : {', '.join(CHARTER_SECTIONS)}."
            ))
    if not isinstance(adopted_on, str):
        raise AtelierError(french_typography(f"« adopted_on » doit être une date écrite en texte ; vous avez donné {describe(adopted_on)}."))
    lines = [f"# Charte d'usage de l'intelligence artificielle — {institution}", ""]
    lines.append(french_typography(f"Adoptée le {adopted_on}." if adopted_on.strip() else "Projet, non encore adopté."))
    lines.append("")
    missing = 0
    for key, (title, question) in CHARTER_SECTIONS.items():
        lines += [f"## {title}", ""]
        value = answers.get(key, "")
        items = [value] if isinstance(value, str) else value
        if not isinstance(items, (list, tuple)):
            raise AtelierError(french_typography(
                f"La section « {key} » attend un texte ou une liste de textes ; vous avez donné {describe(value)}."
            ))
        items = [check_text(item, f"un élément de la section « {key} »", allow_empty=True).strip() for item in items]
        items = [item for item in items if item]
        if items:
            lines += [f"- {french_typography(item)}" for item in items]
        else:
            missing += 1
            lines.append(french_typography(f"*À compléter : {question}*"))
        lines.append("")
    lines.append(french_typography(
        "*Ce document est un modèle de travail ; il ne constitue pas un conseil juridique. Référence : "
        "règlement (UE) 2024/1689 sur l'intelligence artificielle, dans sa version consolidée.*"
    ))
    if missing:
        lines.append("")
        lines.append(french_typography(f"*{missing} section(s) à compléter avant l'adoption.*"))
    return "\n".join(lines) + "\n"


def decision_outline(body: str = "conseil municipal") -> str:
    """The outline of the decision adopting the charter, as Markdown text.

    ``body`` is ``"conseil municipal"``, ``"conseil départemental"``, ``"conseil régional"`` or
    ``"conseil d'administration"``.
    """
    bodies = ["conseil municipal", "conseil départemental", "conseil régional", "conseil d'administration"]
    if body not in bodies:
        raise AtelierError(french_typography(
            f"« body » doit être l'un de : {', '.join(bodies)} ; vous avez donné {describe(body)}."
        ))
    public = body != "conseil d'administration"
    act = "Délibération" if public else "Décision du conseil d'administration"
    lines = [
        f"# {act} portant adoption d'une charte d'usage de l'intelligence artificielle",
        "",
        "1. **Visas** : le règlement (UE) 2024/1689 sur l'intelligence artificielle, notamment ses articles 4 "
        "(maîtrise de l'IA) et 50 (transparence) ; le règlement général sur la protection des données ; "
        + ("le code général des collectivités territoriales ; " if public else "les statuts de l'établissement ; ")
        + "l'avis du comité social territorial (ou de l'instance de dialogue social).",
        "2. **Exposé des motifs** : les usages déjà constatés dans les services, les risques (données, droits, "
        "environnement, emploi), l'obligation de former les équipes, la demande du public.",
        "3. **Article 1** : la charte annexée est adoptée.",
        "4. **Article 2** : un ou une référente IA est désignée ; un registre des usages est tenu et présenté chaque année.",
        "5. **Article 3** : un plan de formation est mis en œuvre ; les attestations sont conservées.",
        "6. **Article 4** : la charte est révisée au plus tard dans deux ans, après un bilan public"
        + (" présenté en séance." if public else " présenté au conseil."),
        "7. **Article 5** : exécution et publication" + (" (affichage, site internet, recueil des actes)." if public else "."),
        "",
        "*Modèle indicatif, à adapter avec le service juridique : ce n'est pas un conseil juridique.*",
    ]
    return "\n".join(french_typography(line) for line in lines) + "\n"


def review_offer(name: str, answers: dict) -> dict:
    """Apply :data:`PROCUREMENT_CRITERIA` to an offer: ``answers`` maps each criterion to
    ``"oui"`` (meets the good answer), ``"non"`` or ``"inconnu"``; a missing criterion counts as
    ``"inconnu"``. Returns a new dict with the counts, the criteria to ask about and a verdict
    in French. ``answers`` is not modified.
    """
    name = check_text(name, "le nom de l'offre", min_chars=1)
    if not isinstance(answers, dict):
        raise AtelierError(french_typography(
            f"« answers » doit être un dictionnaire {{critère : \"oui\", \"non\" ou \"inconnu\"}} ; vous avez donné {describe(answers)}."
        ))
    clean = {}
    for key, value in answers.items():
        if key not in PROCUREMENT_CRITERIA:
            raise AtelierError(french_typography(f"Critère inconnu : {describe(key)}. Les critères sont : {', '.join(PROCUREMENT_CRITERIA)}."))
        if value not in _ANSWERS:
            raise AtelierError(french_typography(
                f"Le critère « {key} » attend \"oui\", \"non\" ou \"inconnu\" ; vous avez donné {describe(value)}."
            ))
        clean[key] = value
    status = {key: clean.get(key, "inconnu") for key in PROCUREMENT_CRITERIA}
    no = [k for k, v in status.items() if v == "non"]
    unknown = [k for k, v in status.items() if v == "inconnu"]
    if no:
        verdict = f"{name} : à écarter ou à renégocier ({len(no)} critère(s) non rempli(s) : {', '.join(no)})."
    elif unknown:
        verdict = f"{name} : incomplet, questions à poser au fournisseur sur {', '.join(unknown)}."
    else:
        verdict = f"{name} : tous les critères sont remplis ; vérifiez-les dans le contrat."
    return {
        "offre": name,
        "oui": sum(v == "oui" for v in status.values()),
        "non": len(no),
        "inconnu": len(unknown),
        "a_demander": [PROCUREMENT_CRITERIA[k][0] for k in unknown],
        "verdict": french_typography(verdict),
    }

