"""Rule: every word of the book's interface is French.

sphinx-book-theme and pydata-sphinx-theme leave a few interface strings in English in the
installed versions. :func:`translate` replaces them after the HTML is written;
:func:`english_leftovers` finds any that remain (the book test runs it on every page).
"""

from __future__ import annotations

import re

__all__ = ["TRANSLATIONS", "english_leftovers", "translate"]

TRANSLATIONS = {
    'aria-label="Main"': 'aria-label="Navigation principale"',
    'alt="Binder logo"': 'alt="Logo de Binder"',
    "Launch on Binder": "Lancer dans Binder",
    "Launch Binder": "Lancer dans Binder",
    "Launch interactive content": "Lancer le contenu interactif",
    "Search this book...": "Rechercher dans ce livre…",
    "Toggle primary sidebar": "Afficher ou masquer le menu",
    "Toggle secondary sidebar": "Afficher ou masquer la table des matières de la page",
    "Source repository": "Dépôt des sources",
    "Download this page": "Télécharger cette page",
    "Download source file": "Télécharger le fichier source",
    "Print to PDF": "Imprimer en PDF",
    "Fullscreen mode": "Plein écran",
    "Back to top": "Retour en haut",
    "Skip to main content": "Aller au contenu principal",
    "Show code cell source": "Afficher le code",
    "Hide code cell source": "Masquer le code",
    "Show code cell outputs": "Afficher le résultat",
    "Hide code cell outputs": "Masquer le résultat",
}

# Visible English that must never reach a reader (theme strings above, plus jupyterquiz's
# and ipywidgets' defaults that the course replaces).
_ENGLISH = re.compile(
    "|".join(re.escape(k) for k in TRANSLATIONS if not k.startswith(("aria-", "alt=")))
    + r"|Type numeric answer here|Correct!|Incorrect -- try again|Check answer|Copy to clipboard",
)
_TAGS = re.compile(r"<script\b.*?</script>|<style\b.*?</style>|<!--.*?-->", re.S)


def translate(html: str) -> str:
    """The page with the theme's English interface strings replaced by French ones."""
    for en, fr in TRANSLATIONS.items():
        html = html.replace(en, fr)
    return html


def english_leftovers(html: str) -> list[str]:
    """English interface strings still present in a page (outside scripts and styles)."""
    return sorted(set(_ENGLISH.findall(_TAGS.sub(" ", html))))
