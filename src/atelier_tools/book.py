"""Sphinx extension for the course book (listed in ``_config.yml``).

* When the configuration is read: the substitution ``{{ depot }}`` (the repository's URL,
  read from ``repository.url``, the one place it is set) for the pages that cite it.
* Before reading the sources: writes ``_generated/*.md`` from the catalogue, the pathways,
  the quiz files, the trainers' notes and the calendar of dated facts (course map, pathways, session plans, notes,
  answer keys, group activities without screens); pages include them, so the book always shows what ``data/`` says.
* While writing each HTML page: adds to its footer the RGAA mention « Accessibilité : non
  conforme », linked to the accessibility statement with a path relative to that page.
* After writing the HTML: applies the page rules, :mod:`atelier_tools.french_ui`
  (French interface), :mod:`atelier_tools.accessibility` (WCAG 2.1 A/AA, one search field),
  :mod:`atelier_tools.readable` (tables readable on a phone) and :mod:`atelier_tools.privacy`
  (no widget state, no thebe).
* Glossary (:mod:`atelier_tools.glossary_links`): once a module page is read, the first use of
  each glossary term in its prose becomes a link to the glossary; after the HTML is written,
  :mod:`atelier_tools.glossary_tips` makes every glossary link show its definition in place.
* Projection (:mod:`atelier_tools.projection`): while reading a notebook, each code cell's
  container gets the class ``atelier-cell-<cell id>``; after the HTML is written, each
  available module gets ``projection/<id>.html`` (one screen at a time, for a room), built from
  its cells' outputs on its page, and its page a link « Projeter ce module ».
* Printable handouts and answer keys (:mod:`atelier_tools.handouts`): written into ``fiches/``
  before the sources are read; after the HTML is written, each module's figure is copied
  into its handout.
"""

from __future__ import annotations

import html
from pathlib import Path

from atelier_ia.course import load_catalogue

from . import (
    accessibility,
    activities,
    calendar_pages,
    durations,
    french_ui,
    glossary_links,
    glossary_tips,
    privacy,
    progress,
    readable,
    render,
)

GENERATED = "_generated"
ACCESSIBILITY_DOC = accessibility.STATEMENT_DOC
ACCESSIBILITY_MENTION = accessibility.MENTION


def _handouts():
    """:mod:`atelier_tools.handouts` (printable handouts; imported here, apart from the other tools)."""
    from . import handouts

    return handouts


def _estimate_text() -> str:
    return durations.estimate_text()


def generate(srcdir: Path) -> dict[str, str]:
    """Write the generated Markdown files under ``srcdir/_generated``; return their texts."""
    cat = load_catalogue()
    files = {
        "carte.md": progress.course_map(cat),
        "tableau-modules.md": render.modules_table(cat),
        "parcours.md": render.pathways_markdown(cat),
        "chaines.md": render.prerequisite_chains(cat),
        "corriges.md": render.answer_keys(cat),
        "notes.md": render.trainer_notes(cat),
        "estimation.md": _estimate_text(),
        "attestation.md": progress.attestation_block(cat),
        "fiches.md": _handouts().index_list(cat),
    }
    files.update(_metiers_files(cat))
    from . import metiers

    files["accueil.md"] = render.start_here(cat, metiers.load_audiences(cat))  # the home page's first screen
    files.update(activities.generated_pages(cat))  # activites/<module>.md and activites/index.md
    files.update(calendar_pages.generated_pages())  # « Faits à revérifier », « Ce qui a changé dans cette édition »
    out = srcdir / GENERATED
    out.mkdir(parents=True, exist_ok=True)
    for name, text in files.items():
        path = out / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            path.write_text(text, encoding="utf-8")
    return files


def _metiers_files(cat) -> dict[str, str]:
    """Paths by job, the positioning quiz and the session plans in several parts."""
    from . import metiers, seances

    auds = metiers.load_audiences(cat)
    pos = metiers.load_positioning(auds, cat)
    files = {f"metier-{a.id}.md": metiers.audience_page(a, cat) for a in auds}
    files["metiers-index.md"] = metiers.index_markdown(auds)
    files["positionnement.md"] = metiers.positioning_markdown(pos, auds, cat)
    files["positionnement-regles.md"] = metiers.positioning_table(pos, auds, cat)
    for plan in seances.load_plans(cat):
        files[f"plan-{plan.id}.md"], _ = seances.plan_markdown(plan, cat)
    files["plans-metiers.md"] = seances.audience_plans_markdown(cat)
    return files


def _config_inited(app, config):
    subs = dict(getattr(config, "myst_substitutions", {}) or {})
    subs["depot"] = f"<{render.repository_url()}>"
    config.myst_substitutions = subs
    # pydata-sphinx-theme 0.17 adds a search field in a top band that sphinx-book-theme does not
    # use (an empty band and a second search field): the left column keeps the only one.
    options = dict(getattr(config, "html_theme_options", {}) or {})
    options.setdefault("navbar_persistent", [])
    config.html_theme_options = options


def _builder_inited(app):
    generate(Path(app.srcdir))
    _handouts().write_pages(Path(app.srcdir), load_catalogue())


def _page_context(app, pagename, templatename, context, doctree):
    """Every page's footer (the theme's ``extra_footer``, set in ``_config.yml``) gets the RGAA
    mention, linked to the statement with a path relative to this page (``pathto``)."""
    pathto = context.get("pathto")
    if pathto is None or ACCESSIBILITY_DOC not in app.env.all_docs:
        return
    link = (f'<a class="atelier-accessibilite" href="{html.escape(pathto(ACCESSIBILITY_DOC))}">'
            f"{ACCESSIBILITY_MENTION}</a>")
    footer = context.get("theme_extra_footer") or ""
    context["theme_extra_footer"] = f"{footer}<br>{link}" if footer else link


def _mark_cells(app, doctree):
    from . import projection

    projection.mark_cells(app, doctree)


def _build_finished(app, exception):
    if exception is not None or app.builder.format != "html":
        return
    for module_id in _handouts().insert_figures(Path(app.outdir)):
        from sphinx.util import logging

        logging.getLogger(__name__).warning(
            f"fiche du module {module_id} : figure 1 introuvable dans la page du module (modules/{module_id}.html)")
    from atelier_ia.errors import AtelierError

    from . import projection

    try:
        projection.write_pages(Path(app.outdir))
    except AtelierError as exc:
        from sphinx.util import logging

        logging.getLogger(__name__).warning(f"projection : {exc}")
    for page in Path(app.outdir).rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        new = privacy.clean(readable.fix(accessibility.fix(french_ui.translate(text))))
        if new != text:
            page.write_text(new, encoding="utf-8")
    accessibility.fix_static(app.outdir)
    glossary_tips.add(app.outdir)  # glossary links show their definition in place


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


def notebooks_to_reread(app, env, added, changed, removed) -> list[str]:
    """Every notebook is read (so executed) again at each build, changed or not.

    A notebook's outputs depend on the course's library (the quiz's and the demos' HTML and
    scripts, the figures), which Sphinx does not track: without this, ``make book`` after an
    update of ``src/`` would keep last build's pages and their old scripts.
    """
    return sorted(d for d in env.found_docs if str(env.doc2path(d)).endswith(".ipynb") and d not in added | changed)


def setup(app):
    _register_bibliography_style()
    app.connect("env-get-outdated", notebooks_to_reread)
    app.add_config_value("atelier_book_url", "", "html", [str])  # the online book's address (printed handouts)
    app.connect("config-inited", _config_inited)
    app.connect("builder-inited", _builder_inited)
    app.connect("html-page-context", _page_context)
    app.connect("doctree-read", _mark_cells)
    app.connect("doctree-read", glossary_links.on_doctree_read)  # first use of each glossary term linked
    app.connect("build-finished", _build_finished)
    return {"version": "0.2", "parallel_read_safe": True, "parallel_write_safe": True}
