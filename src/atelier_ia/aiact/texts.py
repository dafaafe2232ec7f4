"""The fixed French texts of the AI Act guide: duties of high-risk uses, AI literacy, the artistic exception, scope."""

from __future__ import annotations

from .. import datedfacts as _datedfacts
from ..fmt import french_typography

__all__ = ["ARTISTIC_LIMITS", "GDPR_BIOMETRICS", "HIGH_RISK_DEPLOYER", "HIGH_RISK_PROVIDER", "HIGH_RISK_PUBLIC",
           "LITERACY", "OMNIBUS_NOTE", "SCOPE"]


LITERACY = french_typography(
    "Maîtrise de l'IA (art. 4, " + _datedfacts.status_text("aiact-art4-art5") + ", quel que soit le "
    "niveau de risque) : former les personnes qui utilisent le système pour l'institution, selon leur rôle, et "
    "garder une trace de ces formations. Depuis l'omnibus de 2026, " + _datedfacts.wording("art4") + "."
)
#: The note on the omnibus, from the calendar (its reference in the Official Journal and how sure it is).
OMNIBUS_NOTE = french_typography(
    "Calendrier modifié par l'omnibus numérique (vote du Parlement européen le 16 juin 2026, adoption par le "
    "Conseil le 29 juin 2026) ; " + _datedfacts.fact("omnibus-journal-officiel").what + "."
)
ARTISTIC_LIMITS = french_typography(
    "Exception artistique (art. 50, paragraphe 4) : pour une œuvre ou un programme manifestement artistique, "
    "créatif, satirique ou fictionnel, l'obligation se limite à signaler l'existence du contenu généré ou "
    "manipulé d'une manière qui ne gêne pas la présentation ni la jouissance de l'œuvre (programme de salle, "
    "générique, cartel). Ses limites : elle ne supprime pas l'information, elle en adapte la forme ; elle ne "
    "couvre ni un contenu informatif (un audioguide, une annonce) ni le marquage technique que doit le fournisseur "
    "(art. 50, paragraphe 2) ; elle ne dit rien du consentement de la personne imitée, de son droit à l'image et "
    "à la voix, ni du RGPD, qui restent entiers."
)



HIGH_RISK_DEPLOYER = (
    "Utiliser le système selon sa notice, confier la surveillance humaine à des personnes formées et "
    "compétentes, vérifier la pertinence des données d'entrée, conserver les journaux au moins six mois, "
    "signaler les incidents (art. 26)."
)
HIGH_RISK_PUBLIC = (
    "Organisme de droit public ou chargé d'un service public : analyse d'impact sur les droits fondamentaux "
    "avant la mise en service (art. 27) et enregistrement de l'usage dans la base de l'UE (art. 26 et 49)."
)
HIGH_RISK_PROVIDER = (
    "Système à haut risque : gestion des risques, qualité des données (biais), documentation technique, "
    "contrôle humain prévu dès la conception, évaluation de conformité et marquage CE, enregistrement dans la "
    "base de l'UE (art. 8 à 17, 43, 49)."
)
GDPR_BIOMETRICS = (
    "Hors du règlement sur l'IA mais décisif : reconnaître une personne à partir de ses traits traite des données "
    "biométriques aux fins de l'identifier de façon unique, une catégorie de données que le RGPD interdit de "
    "traiter sauf exception (art. 9, consentement explicite le plus souvent). Associez votre délégué à la "
    "protection des données avant tout essai, et prévoyez une solution sans biométrie pour qui refuse."
)
SCOPE = (
    "Ce que le guide ne couvre pas : les autres pratiques interdites (manipulation, exploitation des "
    "vulnérabilités, notation sociale, police prédictive : art. 5, paragraphe 1, points a à d), les autres "
    "domaines de l'annexe III (infrastructures critiques, crédit et assurance, police, migrations, justice et "
    "élections) et les produits de l'annexe I. Si votre usage s'en approche, vérifiez dans le texte."
)
