"""Reader of a licence or legal-notice page written in plain language (not machine-readable)."""

from __future__ import annotations

import re

from ..fmt import french_typography
from .signal import Signal, text_arg

__all__ = ["read_licence_page"]

# --- licence page in plain language -----------------------------------------------------------

_RESERVATION_WORDS = [
    r"fouille de textes", r"text and data mining", r"\btdm\b", r"intelligence artificielle", r"\bia\b",
    r"entra[iî]nement", r"apprentissage automatique", r"machine learning", r"l\.\s?122-5-3", r"opt[- ]?out",
    r"moissonnage", r"aspiration", r"scraping", r"\bai\b", r"training",
]
_REFUSAL_WORDS = [r"interdit", r"réserv", r"s'oppose", r"oppos", r"refus", r"sans autorisation", r"prohibited", r"reserv", r"not permitted"]


def read_licence_page(text) -> Signal:
    """Read a licence or legal-notice page written in plain language.

    The reader spots a reservation about mining or AI in the wording, but such a page is
    **not** machine-readable: the Hamburg appeal court (10 December 2025, Kneschke v. LAION)
    held that a reservation in natural-language terms of use did not meet the machine-readable
    requirement for a download made in 2021, and left open what « machine-readable » requires today.
    """
    text = text_arg(text, "le texte de la page de licence")
    low = text.lower()
    topic = [w for w in _RESERVATION_WORDS if re.search(w, low)]
    refusal = [w for w in _REFUSAL_WORDS if re.search(w, low)]
    reserves = bool(topic and refusal)
    if reserves:
        says = "la page exprime, en langage courant, une réserve sur la fouille de textes et de données ou l'entraînement d'IA."
    elif topic:
        says = "la page parle d'IA ou de fouille sans formuler clairement de refus."
    else:
        says = "la page ne parle ni de fouille de textes et de données ni d'IA."
    problems = ["texte en langage courant : un robot ne peut pas le lire de façon fiable ; doublez-le d'un fichier TDMRep et d'un robots.txt."]
    return Signal("page de licence (langage courant)", True, False, reserves if topic else None, french_typography(says), [french_typography(p) for p in problems],
                  {"mots_repérés": len(topic)})
