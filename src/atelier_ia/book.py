"""Sphinx extension for the course book (listed in ``_config.yml``).

* Before reading the sources, writes ``_generated/*.md`` from the catalogue and the quiz
  files (course map, modules table, pathways, answer keys); pages include them, so the book
  always shows what ``data/`` says.
* After writing the HTML, translates the few interface strings that the theme leaves in
  English, so that every word a learner reads is French.
"""

from __future__ import annotations

import re
from pathlib import Path

from .course import load_catalogue, modules_table, pathways_markdown, themes_list
from .quiz import load_quiz

GENERATED = "_generated"

# Interface strings of sphinx-book-theme / pydata-sphinx-theme that have no French
# translation in the installed versions, and their French versions.
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


def _answer_keys(cat) -> str:
    parts = []
    for m in cat.available:
        quiz = load_quiz(m.id)
        parts.append(f"**Module {m.number} — {m.title}**\n")
        for n, q in enumerate(quiz.questions, start=1):
            right = " ; ".join(f"« {o.text} »" for o in q.options if o.correct)
            parts.append(f"{n}. **{q.text}**  \n   Réponse{'s' if q.multiple else ''}\u00a0: {right}.  \n"
                         f"   {q.explanation} *(Source\u00a0: {q.source})*")
        parts.append("")
    return "\n".join(parts)


def generate(srcdir: Path) -> dict[str, str]:
    """Write the generated Markdown files under ``srcdir/_generated``; return their texts."""
    cat = load_catalogue()
    files = {
        "carte.md": "**Les six thèmes**\n\n" + themes_list(cat) + "\n" + modules_table(cat),
        "tableau-modules.md": modules_table(cat),
        "parcours.md": pathways_markdown(cat),
        "corriges.md": _answer_keys(cat),
    }
    out = srcdir / GENERATED
    out.mkdir(exist_ok=True)
    for name, text in files.items():
        path = out / name
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            path.write_text(text, encoding="utf-8")
    return files


# Removed from every page: the widget state that myst-nb embeds (no widget renders in the
# book) and sphinx-thebe, which Jupyter Book 1 always adds (twice: a JavaScript error on
# every page) and which would fetch thebe from a CDN; the course launches Binder instead.
_REMOVE = re.compile(
    r'<script type="application/vnd\.jupyter\.widget-state\+json">.*?</script>'
    r'|<script type="text/x-thebe-config">.*?</script>'
    r'|<script>const THEBE_JS_URL[^<]*</script>'
    r'|<script[^>]*src="[^"]*sphinx-thebe\.js[^"]*"></script>'
    r'|<link[^>]*href="[^"]*sphinx-thebe\.css[^"]*" />',
    re.S,
)


def translate_html(text: str) -> str:
    """French interface strings; no widget state, no thebe (see ``_REMOVE``)."""
    for en, fr in TRANSLATIONS.items():
        text = text.replace(en, fr)
    return _REMOVE.sub("", text)


def _builder_inited(app):
    generate(Path(app.srcdir))


def _build_finished(app, exception):
    if exception is not None or app.builder.format != "html":
        return
    for page in Path(app.outdir).rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        new = translate_html(text)
        if new != text:
            page.write_text(new, encoding="utf-8")


def _register_bibliography_style():
    """A pybtex style that joins author names with « et » (the default writes "and")."""
    from pybtex.plugin import register_plugin
    from pybtex.style.formatting.plain import Style as Plain
    from pybtex.style.template import names, sentence

    class FrenchStyle(Plain):
        def format_names(self, role, as_sentence=True):
            formatted = names(role, sep=", ", sep2=" et ", last_sep=" et ")
            return sentence[formatted] if as_sentence else formatted

    register_plugin("pybtex.style.formatting", "atelier", FrenchStyle, force=True)


def setup(app):
    _register_bibliography_style()
    app.connect("builder-inited", _builder_inited)
    app.connect("build-finished", _build_finished)
    return {"version": "0.1", "parallel_read_safe": True, "parallel_write_safe": True}
