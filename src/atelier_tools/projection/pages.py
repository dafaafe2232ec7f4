"""A projection page: Markdown to HTML, the outputs of the built module page, each screen, the whole page."""

from __future__ import annotations

import html
import json
import re

import nbformat

from atelier_ia.assets import read
from atelier_ia.course import Catalogue, Module
from atelier_ia.errors import AtelierError
from atelier_ia.fmt import NBSP
from atelier_ia.palette import stylesheet
from atelier_ia.paths import repo_root

from .. import accessibility, render
from .screens import Screen

__all__ = ["LETTERS", "NBSP", "cell_outputs", "markdown_html", "page_html", "screen_html"]

LETTERS = "ABCD"

_CITE = re.compile(r"\{cite(?::[a-z]+)?\}`([^`]+)`")
_ROLE = re.compile(r"\{[a-z][a-z:-]*\}`([^`<]*?)\s*(?:<[^>`]*>)?`")


# --------------------------------------------------------------------------- Markdown to HTML


def _short_reference(key: str) -> str:
    from ..handouts import short_reference

    return short_reference(key)


#: A link to a module notebook as the modules write it (« [module 06](06-….ipynb#ancre) »).
_MODULE_LINK = re.compile(r"\]\((\d\d-[\w-]+)\.ipynb(?:#([^)\s]*))?\)")


def _heading_id(module_id: str, anchor: str) -> str:
    """The id the built page gives the heading whose MyST anchor is ``anchor`` (docutils' rule,
    applied to the heading's text): the page in the book is HTML, not the notebook."""
    from docutils.nodes import make_id

    from ..rappels import slugify

    path = repo_root() / "modules" / f"{module_id}.ipynb"
    if path.is_file():
        for cell in nbformat.read(path, as_version=4).cells:
            if cell.cell_type != "markdown":
                continue
            for level, title in re.findall(r"^(#{1,3})\s+(.+?)\s*$", cell.source, re.M):
                if slugify(title) == anchor:
                    return make_id(re.sub(r"[`*_]", "", _ROLE.sub(lambda m: m.group(1), title)))
    return make_id(anchor)


def _book_links(text: str) -> str:
    """Links to module notebooks made links to the built pages, from ``projection/``."""
    def href(m: re.Match) -> str:
        page, anchor = m.group(1), m.group(2)
        return f"](../modules/{page}.html" + (f"#{_heading_id(page, anchor)}" if anchor else "") + ")"

    return _MODULE_LINK.sub(href, text)


def markdown_html(text: str) -> str:
    """HTML of a cell's Markdown for a screen; MyST roles become plain text, citations « (Auteur, année) »,
    links to module notebooks lead to the built pages."""
    from markdown_it import MarkdownIt

    text = _book_links(text)
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
    from ..activities import STEPS, load_activity

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
