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
"""

from __future__ import annotations

import html
import json
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

import nbformat

from atelier_ia.assets import read
from atelier_ia.course import Catalogue, Module, load_catalogue
from atelier_ia.errors import AtelierError
from atelier_ia.fmt import NBSP
from atelier_ia.palette import stylesheet
from atelier_ia.paths import repo_root

from . import accessibility, render

FOLDER = "projection"
TAG = "projection"
TAG_NO = "projection-non"
LETTERS = "ABCD"
#: Template sections that are not projected (by cell id).
SKIPPED_SECTIONS = {"en-bref", "duree", "prerequis", "quiz", "pour-aller-plus-loin"}
LINK_TEXT = "Projeter ce module"

_SHOW_QUIZ = re.compile(r"show_quiz\(\s*[\"']([a-z0-9-]+)[\"'](?:\s*,\s*questions\s*=\s*\[([^\]]*)\])?")
_CAPTION = re.compile(r"^\*?Figure[\s\u00a0]+\d")
_COMMENT = re.compile(r"<!--.*?-->", re.S)
_CITE = re.compile(r"\{cite(?::[a-z]+)?\}`([^`]+)`")
_ROLE = re.compile(r"\{[a-z][a-z:-]*\}`([^`<]*?)\s*(?:<[^>`]*>)?`")


@dataclass(frozen=True)
class Screen:
    """One screen of a projection.

    ``kind``: titre, objectifs, section, figure, demo, cellule, question, activite, a-retenir.
    ``cell_id``: the notebook cell it comes from ('' for the activity, which comes from data).
    ``section``: id of the heading cell of the section it belongs to (its trainer's notes).
    """

    kind: str
    cell_id: str
    section: str
    title: str
    markdown: str = ""
    caption: str = ""
    quiz: str = ""
    question: str = ""


@dataclass
class Projection:
    module: Module
    screens: list[Screen] = field(default_factory=list)


# --------------------------------------------------------------------------- reading the notebook


def _lines(source: str) -> list[str]:
    return _COMMENT.sub("", source).strip().split("\n")


def _heading(source: str) -> tuple[int, str] | None:
    first = source.strip().split("\n", 1)[0]
    m = re.match(r"^(#{1,6})\s+(.*)$", first)
    return (len(m.group(1)), m.group(2).strip()) if m else None


def _body(source: str) -> str:
    lines = _lines(source)
    if lines and lines[0].startswith("#"):
        lines = lines[1:]
    return "\n".join(lines).strip()


def _first_paragraph(source: str) -> str:
    for block in re.split(r"\n\s*\n", _body(source)):
        if block.strip():
            return block.strip()
    return ""


def _tags(cell) -> set[str]:
    return set(cell.get("metadata", {}).get("tags", []) or [])


def _quiz_calls(source: str) -> list[tuple[str, list[str] | None]]:
    calls = []
    for m in _SHOW_QUIZ.finditer(source):
        ids = None if m.group(2) is None else re.findall(r"[\"']([a-z0-9-]+)[\"']", m.group(2))
        calls.append((m.group(1), ids))
    return calls


def read_cells(m: Module) -> list:
    path = repo_root() / m.notebook
    if not path.is_file():
        raise AtelierError(f"Projection du module {m.id} : le notebook {m.notebook} est introuvable.")
    return nbformat.read(path, as_version=4).cells


def extract_screens(m: Module, cells=None, activity: bool | None = None) -> list[Screen]:
    """The screens of a module, from its notebook cells (read from disk if not given) and data."""
    from atelier_ia.quiz import load_quiz

    cells = read_cells(m) if cells is None else cells
    if activity is None:
        from .activities import activity_path

        activity = activity_path(m.id).is_file()
    screens: list[Screen] = []
    section, section_title = "titre", m.title
    seen_ids = set()
    for i, cell in enumerate(cells):
        cid = cell.get("id") or ""
        if not cid:
            raise AtelierError(f"{m.notebook} : la cellule {i + 1} n'a pas d'identifiant (id) ; la projection en a besoin.")
        seen_ids.add(cid)
        tags = _tags(cell)
        if TAG_NO in tags:
            continue
        source = cell.source
        nxt = cells[i + 1] if i + 1 < len(cells) else None
        if cell.cell_type == "markdown":
            head = _heading(source)
            if head and head[0] <= 2:
                level, text = head
                section, section_title = cid, text
                if cid == "titre" or level == 1:
                    screens.append(Screen("titre", cid, cid, text, _first_paragraph(source)))
                elif cid == "objectifs":
                    screens.append(Screen("objectifs", cid, cid, text, _body(source)))
                elif cid == "a-retenir":
                    if activity:
                        screens.append(Screen("activite", "", cid, "Activité de groupe"))
                        activity = False
                    screens.append(Screen("a-retenir", cid, cid, text, _body(source)))
                elif cid in SKIPPED_SECTIONS and TAG not in tags:
                    continue
                else:
                    screens.append(Screen("section", cid, cid, text, _body(source) if TAG in tags else _first_paragraph(source)))
            elif TAG in tags:
                screens.append(Screen("cellule", cid, section, section_title, _body(source) if head else _COMMENT.sub("", source).strip()))
            continue
        if cell.cell_type != "code":
            continue
        calls = _quiz_calls(source)
        if calls:
            for quiz_id, ids in calls:
                quiz = load_quiz(quiz_id)
                for q in quiz.questions:
                    if ids is None or q.id in ids:
                        title = "Question sans code" if quiz_id.endswith("-sans-code") else "Quiz"
                        screens.append(Screen("question", cid, section, title, quiz=quiz_id, question=q.id))
            continue
        caption = ""
        if nxt is not None and nxt.cell_type == "markdown" and _CAPTION.match(nxt.source.strip()):
            caption = re.split(r"\n\s*\n", nxt.source.strip())[0]
        if "LiveDemo(" in source:
            screens.append(Screen("demo", cid, section, section_title, caption=caption))
        elif caption or TAG in tags:
            screens.append(Screen("figure", cid, section, section_title, caption=caption))
    if activity:  # a notebook without « À retenir »
        screens.append(Screen("activite", "", section, "Activité de groupe"))
    return screens


# --------------------------------------------------------------------------- Markdown to HTML


def _short_reference(key: str) -> str:
    from .handouts import short_reference

    return short_reference(key)


def markdown_html(text: str) -> str:
    """HTML of a cell's Markdown for a screen; MyST roles become plain text, citations « (Auteur, année) »."""
    from markdown_it import MarkdownIt

    text = _CITE.sub(lambda m: "(" + " ; ".join(_short_reference(k.strip()) for k in m.group(1).split(",")) + ")", text)
    text = _ROLE.sub(lambda m: m.group(1), text)
    text = "\n".join(line for line in text.split("\n") if not line.strip().startswith((":::", "```{", "```")))
    md = MarkdownIt("commonmark", {"html": True, "typographer": False}).enable("table")
    return md.render(text)


# --------------------------------------------------------------------------- outputs of the built page


def cell_outputs(page_html: str) -> dict[str, str]:
    """Output HTML of each code cell of a built module page, by cell id.

    The book extension marks each code cell's container with the class ``atelier-cell-<id>``.
    """
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(page_html, "html.parser")
    out = {}
    for div in soup.select("div.cell"):
        ids = [c[len("atelier-cell-"):] for c in div.get("class", []) if c.startswith("atelier-cell-")]
        output = div.select_one(".cell_output")
        if ids and output is not None:
            out[ids[0]] = output.decode_contents()
    return out


# --------------------------------------------------------------------------- rendering


def _squash(text: str) -> str:
    """Runs of ASCII white space become one space; no-break spaces stay (French typography)."""
    return re.sub(r"[ \t\r\n]+", " ", str(text)).strip()


def _esc(text: str) -> str:
    return html.escape(_squash(text), quote=False)


def _inline(text: str) -> str:
    """One line of Markdown (a question, an option), as inline HTML."""
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark").renderInline(_ROLE.sub(lambda m: m.group(1), _squash(text)))


def _section_notes(notes: dict | None) -> dict[str, dict]:
    return {s.get("section"): s for s in (notes or {}).get("sections", []) if isinstance(s, dict)}


def _question_screen(s: Screen, n: int) -> tuple[str, dict]:
    from atelier_ia.quiz import load_quiz, tick_hint

    q = load_quiz(s.quiz).question(s.question)
    correct = ' data-correct="true"'
    opts = "".join(
        f'<li class="proj-option" data-option="{LETTERS[k]}"{correct if o.correct else ""}>'
        f'<span class="proj-lettre" aria-hidden="true">{LETTERS[k]}</span>'
        f'<span class="proj-option-texte"><span class="proj-sr">Réponse {LETTERS[k]}{NBSP}: </span>{_inline(o.text)}</span></li>'
        for k, o in enumerate(q.options)
    )
    right = ", ".join(LETTERS[k] for k in sorted(q.correct_indices))
    hint = f'<p class="proj-consigne">{_esc(tick_hint(q))}</p>' if q.multiple else ""
    body = (
        f'<p class="proj-enonce">{_inline(q.text)}</p>{hint}'
        f'<ol class="proj-options" type="A">{opts}</ol>'
        f'<div class="proj-reponse" hidden><p><strong>Réponse{"s" if len(q.correct_indices) > 1 else ""}{NBSP}: {right}.</strong> '
        f"{_inline(q.explanation)}</p></div>"
    )
    trainer = {
        "reponse": right,
        "niveau": q.level,
        "explication": q.explanation,
        "retours": [{"lettre": LETTERS[k], "correct": o.correct, "texte": o.text, "retour": o.feedback}
                    for k, o in enumerate(q.options)],
        "source": q.source,
    }
    return body, trainer


def _activity_screen(m: Module) -> tuple[str, dict, int]:
    from .activities import STEPS, load_activity

    a = load_activity(m.id)
    steps = "".join(
        f'<li><strong>{_esc(STEPS.get(st.kind, st.kind))}{NBSP}: {_esc(st.title)}</strong> ({render.duration(st.minutes)})</li>'
        for st in a.steps
    )
    timer = (
        f'<div class="proj-minuteur" data-secondes="{a.duration * 60}" role="timer" aria-live="off">'
        f'<span class="proj-minuteur-temps">{a.duration:02d}:00</span>'
        f'<span class="proj-minuteur-etat">Minuteur arrêté{NBSP}: touche T pour lancer</span></div>'
    )
    # the countdown first: the room must see it even when the instructions run below the screen
    body = (
        timer + f'<p class="proj-activite-titre">{_esc(a.title)} <span class="proj-discret">({_esc(a.format_label.lower())})</span></p>'
        f"<p>{_esc(a.goal)}</p><ol class=\"proj-etapes\">{steps}</ol>"
    )
    trainer = {
        "consignes": [f"{STEPS.get(st.kind, st.kind)} ({st.minutes} min), {st.title} : {st.text}" for st in a.steps],
        "notes": list(a.notes),
        "materiel": list(a.material),
        "equipes": a.teams,
    }
    return body, trainer, a.duration


def screen_html(m: Module, s: Screen, n: int, total: int, outputs: dict[str, str]) -> tuple[str, dict]:
    """HTML of one screen and the trainer's data for it."""
    trainer: dict = {}
    parts = []
    if s.kind == "titre":
        parts.append(f'<p class="proj-surtitre">Atelier IA &amp; culture — module {m.number}</p>')
        parts.append(f"<h1>{_inline(s.title)}</h1>")
        parts.append(markdown_html(s.markdown))
    else:
        parts.append(f'<h2 id="ecran-{n}-titre">{_inline(s.title)}</h2>')
    if s.kind in ("objectifs", "a-retenir", "section", "cellule"):
        parts.append(markdown_html(s.markdown))
    elif s.kind in ("figure", "demo"):
        output = outputs.get(s.cell_id)
        if output is None:
            raise AtelierError(
                f"Projection du module {m.id} : la sortie de la cellule « {s.cell_id} » est introuvable dans la page "
                f"du module construite (modules/{m.id}.html)."
            )
        parts.append(f'<div class="proj-sortie">{output}</div>')
        if s.caption:
            parts.append(f'<div class="proj-legende">{markdown_html(s.caption)}</div>')
    elif s.kind == "question":
        body, trainer = _question_screen(s, n)
        parts.append(body)
    elif s.kind == "activite":
        body, trainer, _ = _activity_screen(m)
        parts.append(body)
    cell = f' data-cell-id="{html.escape(s.cell_id)}"' if s.cell_id else f' data-source="data/activites/{m.id}.yml"'
    label = f' aria-labelledby="ecran-{n}-titre"' if s.kind != "titre" else ' aria-label="Titre du module"'
    return (
        f'<section class="proj-ecran proj-type-{s.kind}" id="ecran-{n}" data-kind="{s.kind}" data-section="{html.escape(s.section)}"'
        f'{cell}{label} tabindex="0" hidden>' + "".join(parts) + "</section>",
        trainer,
    )


def page_html(m: Module, screens: list[Screen], outputs: dict[str, str], cat: Catalogue | None = None) -> str:
    """The whole projection page of a module (self-contained: CSS and JS inline)."""
    notes = render.load_notes(m.id)
    by_section = _section_notes(notes)
    total = len(screens)
    sections_html = []
    trainer_screens = []
    for n, s in enumerate(screens, start=1):
        body, extra = screen_html(m, s, n, total, outputs)
        sections_html.append(body)
        note = by_section.get(s.section, {})
        trainer_screens.append({
            "numero": n,
            "titre": s.title,
            "type": s.kind,
            "cellule": s.cell_id,
            "note": note.get("note", ""),
            "projeter": note.get("projeter", ""),
            **extra,
        })
    data = {
        "module": m.id,
        "titre": m.title,
        "minutes": m.teaching_minutes,
        "duree": render.duration(m.teaching_minutes),
        "ecrans": trainer_screens,
        "idees_recues": (notes or {}).get("idees_recues", []),
    }
    blob = json.dumps(data, ensure_ascii=False).replace("</", "<\\/")
    title = f"Projection{NBSP}: module {m.number}, {m.title}"
    help_text = "R{nb}réponse · T{nb}minuteur · N{nb}formateur".format(nb=NBSP)
    return (
        "<!DOCTYPE html>\n"
        f'<html lang="fr"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{_esc(title)}</title><style>{stylesheet(read('projection.css', 'atelier_tools'))}</style></head>"
        f'<body data-module="{m.id}">'
        f'<a class="proj-sr proj-lien-livre" href="../modules/{m.id}.html">Revenir au module dans le livre</a>'
        f'<main id="projection" class="proj-principal" aria-roledescription="présentation">{"".join(sections_html)}</main>'
        f'<div class="proj-pied"><span class="proj-compteur" aria-live="polite"></span>'
        f'<span class="proj-aide">{_esc(help_text)}</span>'
        # the RGAA mention every page of the book carries (atelier_tools.book), linked to the statement
        f'<footer class="bd-footer-content"><a class="atelier-accessibilite" href="../annexes/accessibilite.html">'
        f"{html.escape(accessibility.MENTION)}</a></footer></div>"
        f'<aside class="proj-formateur" hidden aria-label="Vue formateur"></aside>'
        f'<script type="application/json" id="projection-donnees">{blob}</script>'
        f"<script>{read('projection.js', 'atelier_tools')}</script></body></html>\n"
    )


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
    from . import french_ui, privacy

    for p in write_pages(outdir):  # then the rules every page of the book gets (atelier_tools.book)
        text = p.read_text(encoding="utf-8")
        p.write_text(privacy.clean(accessibility.fix(french_ui.translate(text))), encoding="utf-8")
        print(p)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
