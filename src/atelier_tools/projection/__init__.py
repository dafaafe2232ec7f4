"""« Projection »: each available module as screens for a room, built from its own cells.

Nothing is written twice. For a module, :func:`extract_screens` reads the notebook and its
data and lists the screens, in the notebook's order:

* the title (cell ``titre``) and the objectives (cell ``objectifs``);
* each section (a ``## `` heading cell, except the template's « En bref », « Durée »,
  « Prérequis », « Quiz », « Pour aller plus loin »): its heading and first paragraph;
* each figure (a code cell followed by its « Figure N » caption) and each demo (a code cell
  that builds a ``LiveDemo``): the cell's output, copied after the HTML is written from the
  module's own built page, so a demo moves as in the book and no notebook runs twice;
* each no-code question and each question of the end-of-module quiz (a cell calling
  ``show_quiz``): options lettered A–D in the book's order (:func:`atelier_ia.quiz.load_quiz`
  applies the book's deterministic shuffle); the answer and explanation show only when the
  trainer reveals them, and the feedback behind each distractor is in the trainer's view only;
* the group activity (``data/activites/<id>.yml``), with a countdown of its planned duration;
* « À retenir » (cell ``a-retenir``).

A cell tagged ``projection`` always makes a screen (a Markdown cell: all of it; a code cell:
its output); a cell tagged ``projection-non`` never does.

The trainer's view (key « N ») shows, for the current screen, the notes of its section
(``data/course/notes/<id>.yml``, keyed by the heading cell's id), the time spent and the time
left in the module's teaching time (catalogue ``data/course/modules.yml``). The two windows talk
with ``postMessage`` (works from ``file://`` too, since the trainer's window is opened by the
projection) and ``BroadcastChannel`` (same origin, served over http).

Pages: ``projection/<id>.html`` in the built book, written by :func:`write_pages` at the end of
the build (:mod:`atelier_tools.book`), with ``static/projection.css`` and ``static/projection.js``
inlined: the page loads nothing from any host. ``python -m atelier_tools.projection _build/html``
writes them again into a built book.

One module per concept: :mod:`.screens` (which cells make screens), :mod:`.pages` (the HTML
of a projection page) and this one, the pages written into the built book.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import nbformat

from atelier_ia.course import Catalogue, Module, load_catalogue
from atelier_ia.errors import AtelierError

from .pages import LETTERS, NBSP, cell_outputs, markdown_html, page_html, screen_html
from .screens import SKIPPED_SECTIONS, TAG, TAG_NO, Projection, Screen, extract_screens, read_cells

__all__ = ["FOLDER", "LETTERS", "LINK_TEXT", "NBSP", "SKIPPED_SECTIONS", "TAG", "TAG_NO", "Projection", "Screen",
           "add_link", "cell_outputs", "extract_screens", "main", "mark_cells", "markdown_html", "page_html",
           "projection_doc", "read_cells", "screen_html", "write_pages"]

FOLDER = "projection"
LINK_TEXT = "Projeter ce module"


# --------------------------------------------------------------------------- the built book


def projection_doc(module_id: str) -> str:
    return f"{FOLDER}/{module_id}.html"


def write_pages(outdir: Path, cat: Catalogue | None = None) -> list[Path]:
    """Write ``projection/<id>.html`` for each available module into a built book; link each
    module page to its projection. Return the pages written."""
    cat = cat or load_catalogue()
    outdir = Path(outdir)
    folder = outdir / FOLDER
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for m in cat.available:
        page = outdir / "modules" / f"{m.id}.html"
        if not page.is_file():
            raise AtelierError(f"Projection : la page construite {page} est introuvable ; construisez d'abord le livre (make book).")
        text = page.read_text(encoding="utf-8")
        screens = extract_screens(m)
        target = folder / f"{m.id}.html"
        target.write_text(page_html(m, screens, cell_outputs(text), cat), encoding="utf-8")
        written.append(target)
        linked = add_link(text, m)
        if linked != text:
            page.write_text(linked, encoding="utf-8")
    return written


_H1_END = re.compile(r"</h1>")


def add_link(page_html: str, m: Module) -> str:
    """The module page with « Projeter ce module » after its title (once)."""
    if 'class="atelier-projeter"' in page_html:
        return page_html
    link = (f'<p class="atelier-projeter"><a href="../{projection_doc(m.id)}">{LINK_TEXT}</a> '
            f"(plein écran, pour une salle{NBSP}; touche N{NBSP}: vue formateur)</p>")
    return _H1_END.sub(lambda mm: mm.group(0) + link, page_html, count=1)


def mark_cells(app, doctree) -> None:
    """Sphinx ``doctree-read``: give each code cell's container of a notebook the class
    ``atelier-cell-<cell id>``, so the projection finds its output in the built page."""
    from docutils import nodes

    docname = app.env.docname
    path = Path(app.env.doc2path(docname))
    if path.suffix != ".ipynb":
        return
    cells = nbformat.read(path, as_version=4).cells
    for node in doctree.findall(nodes.container):
        if node.get("nb_element") != "cell_code":
            continue
        index = node.get("cell_index")
        if isinstance(index, int) and 0 <= index < len(cells) and cells[index].get("id"):
            node["classes"].append(f"atelier-cell-{cells[index]['id']}")


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    outdir = Path(argv[0] if argv else "_build/html")
    from .. import accessibility, french_ui, privacy

    for p in write_pages(outdir):  # then the rules every page of the book gets (atelier_tools.book)
        text = p.read_text(encoding="utf-8")
        p.write_text(privacy.clean(accessibility.fix(french_ui.translate(text))), encoding="utf-8")
        print(p)
    return 0
