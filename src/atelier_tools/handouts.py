"""Printable handouts and answer keys: one page of each per available module, from one source.

Nothing here is written by hand for a module. A handout (« fiche ») takes:

* the module's number, title, durations and level from the catalogue ``data/course/modules.yml``;
* its objectives and key points from the notebook's « Objectifs » and « À retenir » cells
  (ids ``objectifs`` and ``a-retenir``), read at build time;
* one figure: the notebook's « Figure 1 », whose caption is the notebook's caption cell and
  whose image is copied, after the HTML is written, from the module's own page
  (:func:`insert_figures`), so no notebook is executed twice;
* the quiz ``data/quiz/<id>.yml`` without its answers (options in their displayed order, with
  empty boxes, no feedback, no explanation);
* its sources, the bibliography keys cited in « Pour aller plus loin », formatted from
  ``references.bib``;
* the module's address in the online book, from the one setting ``atelier_book_url``
  (``sphinx.config`` in ``_config.yml``).

A third page per module, the review grid (« grille de relecture »), serves peer review of
written answers in a room: each writing prompt of the module (the « À vous » paragraph of the
cell tagged ``ecriture``, read from the notebook) with its checklist and empty boxes, from
``data/ecriture/<id>.yml`` (:mod:`atelier_ia.writing`). The model answers stay in the book,
folded under each prompt.

The answer key (« corrigé ») takes the same quiz file: right answers, each question's level
(rappel, application, jugement: for the trainer, never on the learner's handout), explanation
and source.
The book extension (:mod:`atelier_tools.book`) writes these pages into ``fiches/`` (not kept in
git) before Sphinx reads its sources; ``_toc.yml`` lists them with a glob under the page
« Fiches à imprimer ». The print stylesheet ``fiches.css`` is embedded in each page, and
:mod:`atelier_tools.fiches` prints the pages to PDF.
"""

from __future__ import annotations

import html
import posixpath
import re
from functools import cache
from pathlib import Path

import nbformat
import yaml

from atelier_ia.course import Catalogue, Module
from atelier_ia.errors import AtelierError
from atelier_ia.fmt import NBSP
from atelier_ia.paths import repo_root

from . import render

#: Folder of the generated pages, relative to the book's source folder (in .gitignore).
FOLDER = "fiches"
CSS = Path(__file__).with_name("fiches.css")
_CITE = re.compile(r"\{cite(?::[a-z]+)?\}`([^`]+)`")
_FIGURE_CAPTION = re.compile(r"^\*?Figure[\s\u00a0]+1\b")
LETTERS = "ABCDEFGHIJ"
TITLE_CHARS = 90  # a source's title is cut after this many characters on a handout


def handout_doc(module_id: str) -> str:
    """Docname of a module's handout (``fiches/00-prise-en-main``)."""
    return f"{FOLDER}/{module_id}"


def answer_key_doc(module_id: str) -> str:
    return f"{FOLDER}/{module_id}-corrige"


def review_doc(module_id: str) -> str:
    """Docname of a module's review grid for its writing prompts (``fiches/07-…-relecture``)."""
    return f"{FOLDER}/{module_id}-relecture"


# --------------------------------------------------------------------------- settings


def book_url() -> str:
    """The online book's address: ONE setting, ``atelier_book_url`` under ``sphinx.config``."""
    config = yaml.safe_load((repo_root() / "_config.yml").read_text(encoding="utf-8"))
    url = (((config.get("sphinx") or {}).get("config") or {}).get("atelier_book_url") or "")
    if not re.match(r"^https://[^\s/]+/", url + "/"):
        raise AtelierError(
            "_config.yml : « sphinx.config.atelier_book_url » doit être l'adresse du livre en ligne "
            f"(https://…/) ; elle vaut « {url} ». Les fiches imprimées l'affichent."
        )
    return url.rstrip("/") + "/"


def module_url(m: Module) -> str:
    return f"{book_url()}modules/{m.id}.html"


# --------------------------------------------------------------------------- notebook parts


def _cells(m: Module) -> list:
    path = repo_root() / m.notebook
    return nbformat.read(path, as_version=4).cells


#: The template's sections a handout reads: cell id → heading (a cell is found by either).
SECTIONS = {"objectifs": "Objectifs", "a-retenir": "À retenir", "pour-aller-plus-loin": "Pour aller plus loin"}


def _cell_body(m: Module, cell_id: str) -> str:
    """The Markdown of a notebook cell, without its first line (the heading)."""
    title = SECTIONS.get(cell_id, cell_id)
    heading = f"## {title}"
    for cell in _cells(m):
        if cell.get("id") == cell_id or (cell.cell_type == "markdown" and cell.source.strip().split("\n")[0].strip() == heading):
            lines = cell.source.strip().split("\n")
            if lines and lines[0].startswith("#"):
                lines = lines[1:]
            return "\n".join(lines).strip()
    raise AtelierError(
        f"{m.notebook} : il manque la section « {title} » (cellule d'identifiant « {cell_id} »), "
        "dont la fiche imprimable du module a besoin (voir CONTRIBUTING.md)."
    )


def objectives(m: Module) -> str:
    return _cell_body(m, "objectifs")


def key_points(m: Module) -> str:
    return _cell_body(m, "a-retenir")


def figure_caption(m: Module) -> str | None:
    """The Markdown caption of the module's « Figure 1 », or None if it has none."""
    for cell in _cells(m):
        if cell.cell_type == "markdown" and _FIGURE_CAPTION.match(cell.source.strip()):
            return cell.source.strip().split("\n\n")[0]  # the caption, not the comment after it
    return None


def source_keys(m: Module) -> list[str]:
    """Bibliography keys cited in the module's « Pour aller plus loin », in order, once each."""
    keys: list[str] = []
    for group in _CITE.findall(_cell_body(m, "pour-aller-plus-loin")):
        for key in (k.strip() for k in group.split(",")):
            if key and key not in keys:
                keys.append(key)
    return keys


@cache
def _bibliography():
    from pybtex.database import parse_file

    return parse_file(str(repo_root() / "references.bib"), bib_format="bibtex").entries


@cache
def _text_backend():
    """pybtex's plain-text backend, looked up once: each lookup scans every installed package's
    entry points (0.1 s, 290 times for the handouts)."""
    from pybtex.plugin import find_plugin

    return find_plugin("pybtex.backends", "text")()


@cache
def _latex_to_text(text: str) -> str:
    from pybtex.richtext import Text

    return " ".join(Text.from_latex(text).render(_text_backend()).split())


def _entry_authors(key: str):
    """The bibliography entry of ``key`` and « Nom », « Nom et Nom » or « Nom et al. » ("" if none)."""
    entries = _bibliography()
    if key not in entries:
        raise AtelierError(f"references.bib : pas de notice « {key} », citée par un module.")
    entry = entries[key]
    people = entry.persons.get("author") or entry.persons.get("editor") or []
    names = [_latex_to_text(" ".join(p.last_names) or str(p)) for p in people]
    if not names:
        return entry, ""
    if len(names) == 1:
        return entry, names[0]
    if len(names) == 2:
        return entry, f"{names[0]} et {names[1]}"
    return entry, f"{names[0]} et al."


def short_reference(key: str) -> str:
    """« Auteur, année » for a bibliography key (the title's start when there is no author)."""
    entry, who = _entry_authors(key)
    who = who or _latex_to_text(entry.fields.get("title", key))[:40]
    return f"{who}, {entry.fields.get('year', 's. d.')}"


def reference(key: str) -> str:
    """« Auteur (année), *Titre* » for a bibliography key (Markdown)."""
    entry, who = _entry_authors(key)
    year = entry.fields.get("year", "s.{NBSP}d.").replace("{NBSP}", NBSP)
    title = _latex_to_text(entry.fields.get("title", key))
    if len(title) > TITLE_CHARS:  # long official titles: the book's bibliography gives them in full
        title = title[:TITLE_CHARS].rsplit(" ", 1)[0].rstrip(" ,;:(") + "…"
    return f"{who} ({year}), *{title}*" if who else f"*{title}* ({year})"


# --------------------------------------------------------------------------- writing prompts

_ROLE = re.compile(r"\{[a-z:]+\}`([^`<]+?)(?:\s*<[^>`]+>)?`")
_PROMPT = re.compile(r"\*\*À vous[^*]*\*\*\s*(.*?)(?:\n\s*\n|$)", re.S)


def prompt_text(m: Module, cell_id: str) -> str:
    """The « À vous » paragraph of a notebook cell, without its label and MyST roles (Markdown)."""
    for cell in _cells(m):
        if cell.get("id") == cell_id:
            found = _PROMPT.search(cell.source)
            if found:
                return _ROLE.sub(r"\1", re.sub(r"[ \t\r\n]+", " ", found.group(1)).strip())
    raise AtelierError(
        f"{m.notebook} : la cellule « {cell_id} », citée par data/ecriture/{m.id}.yml, n'a pas de "
        "paragraphe « **À vous :** ». Corrigez « cellule » dans le fichier de données."
    )


def _writing_prompts(m: Module):
    from atelier_ia.paths import data_dir
    from atelier_ia.writing import FOLDER, load_prompts

    if not (data_dir() / FOLDER / f"{m.id}.yml").is_file():
        return ()
    return load_prompts(m.id)


def review_grid_html(m: Module) -> str:
    """Each writing prompt of the module with its checklist, for peer review on paper."""
    from atelier_ia.writing import inline_markdown

    items = []
    for p in _writing_prompts(m):
        boxes = "".join(
            f"<li><span class=\"fiche-case\" aria-hidden=\"true\">☐</span> {inline_markdown(c)}</li>" for c in p.criteria
        )
        items.append(
            f"<li class=\"fiche-question\"><p><b>{inline_markdown(prompt_text(m, p.cell))}</b></p>"
            f"<ul class=\"fiche-options\">{boxes}</ul></li>"
        )
    return "<ol class=\"fiche-quiz fiche-grille\">" + "".join(items) + "</ol>\n" if items else ""


# --------------------------------------------------------------------------- pages


def handout_style() -> str:
    return "<style>\n" + CSS.read_text(encoding="utf-8").strip() + "\n</style>\n"


def _esc(text: str) -> str:
    return html.escape(" ".join(text.split()), quote=False)


def _header(m: Module, kind: str) -> str:
    return (
        f"<p class=\"fiche-entete\">Atelier IA &amp; culture — {kind} — module {m.number} — "
        f"{render.duration(m.teaching_minutes)} de cours, {render.duration(m.exercise_minutes)} d'exercices "
        f"— niveau{NBSP}: {m.level}</p>\n"
    )


def quiz_questions_html(m: Module) -> str:
    """The module's quiz as a printed form: questions, options A, B, C… with empty boxes."""
    from atelier_ia.quiz import load_quiz, tick_hint

    quiz = load_quiz(m.id)
    items = []
    for q in quiz.questions:
        opts = "".join(
            f"<li><span class=\"fiche-case\" aria-hidden=\"true\">☐</span> <b>{LETTERS[k]}.</b> {_esc(o.text)}</li>"
            for k, o in enumerate(q.options)
        )
        items.append(
            f"<li class=\"fiche-question\"><p><b>{_esc(q.text)}</b>"
            + (f" <i>({tick_hint(q, short=True)})</i>" if q.multiple else "") + "</p>"
            f"<ul class=\"fiche-options\">{opts}</ul></li>"
        )
    return "<ol class=\"fiche-quiz\">" + "".join(items) + "</ol>\n"


def handout_page(cat: Catalogue, m: Module) -> str:
    """MyST Markdown of a module's printable handout."""
    parts = [
        f"# Fiche{NBSP}: {m.title}\n",
        handout_style(),
        _header(m, "fiche à imprimer"),
        "## Objectifs\n",
        objectives(m) + "\n",
        "## À retenir\n",
        key_points(m) + "\n",
    ]
    caption = figure_caption(m)
    if caption:
        parts += [
            "## Une figure du module\n",
            f"<div class=\"fiche-figure\" data-module=\"{m.id}\"></div>\n",
            caption + "\n",
            "<div class=\"fiche-fin-figure\"></div>\n",
        ]
    parts += [
        "## Quiz\n",
        "Cochez une case par question, sauf quand la question demande d'en cocher plusieurs. "
        "Le corrigé est une autre fiche.\n",
        quiz_questions_html(m),
    ]
    keys = source_keys(m)
    if keys:
        text = f"{NBSP};\n".join(reference(k) for k in keys)
        parts += ["## Sources\n", text + ("" if text.endswith("…*") else ".") + "\n"]
    url = module_url(m)
    parts += [
        "## Le module en ligne\n",
        f"<p class=\"fiche-lien\">Le module complet, avec ses démonstrations et ses exercices{NBSP}: "
        f"<a href=\"{html.escape(url)}\">{html.escape(url)}</a></p>\n",
    ]
    return "\n".join(parts)


def answer_key_page(cat: Catalogue, m: Module) -> str:
    """MyST Markdown of a module's answer key: right answers, explanation and source."""
    from atelier_ia.quiz import load_quiz

    quiz = load_quiz(m.id)
    items = []
    for q in quiz.questions:
        right = [f"<b>{LETTERS[k]}.</b> {_esc(o.text)}" for k, o in enumerate(q.options) if o.correct]
        if len(right) == 1:
            answer = f"<p class=\"fiche-reponse\"><b>Réponse{NBSP}:</b> {right[0]}</p>"
        else:
            answer = (f"<p class=\"fiche-reponse\"><b>Réponses{NBSP}:</b></p><ul class=\"fiche-options\">"
                      + "".join(f"<li><span class=\"fiche-case\" aria-hidden=\"true\">☑</span> {r}</li>" for r in right)
                      + "</ul>")
        items.append(
            f"<li class=\"fiche-question\"><p><b>{_esc(q.text)}</b> "
            f"<span class=\"fiche-niveau\">(niveau{NBSP}: {q.level})</span></p>{answer}"
            f"<p>{_esc(q.explanation)}</p>"
            f"<p class=\"fiche-source\">Source{NBSP}: {_esc(q.source)}</p></li>"
        )
    return "\n".join([
        f"# Corrigé{NBSP}: {m.title}\n",
        handout_style(),
        _header(m, "corrigé du quiz"),
        f"Les lettres sont celles de la {{doc}}`fiche du module </{handout_doc(m.id)}>`, "
        "qui présente les réponses dans le même ordre que le livre.\n",
        "<ol class=\"fiche-quiz\">" + "".join(items) + "</ol>\n",
    ])


def has_writing_prompts(m: Module) -> bool:
    return bool(_writing_prompts(m))


def review_page(cat: Catalogue, m: Module) -> str:
    """MyST Markdown of a module's review grid: each writing prompt with its checklist."""
    return "\n".join([
        f"# Grille de relecture{NBSP}: {m.title}\n",
        handout_style(),
        _header(m, "grille de relecture"),
        "Pour chaque consigne d'écriture du module, écrivez votre réponse sur une feuille, puis "
        f"échangez-la avec une autre personne{NBSP}: elle coche ce que votre texte fait, et vous dit "
        "ce qui manque. Une réponse possible pour chaque consigne se trouve, repliée, sous la "
        "consigne dans le livre en ligne.\n",
        review_grid_html(m),
    ])


def index_list(cat: Catalogue) -> str:
    """Markdown list of the handouts and answer keys, for the page « Fiches à imprimer »."""
    lines = []
    for m in cat.available:
        lines.append(
            f"- Module {m.number}, {m.title}{NBSP}: {{doc}}`fiche </{handout_doc(m.id)}>`, "
            f"{{doc}}`corrigé </{answer_key_doc(m.id)}>`"
            + (f", {{doc}}`grille de relecture </{review_doc(m.id)}>`" if has_writing_prompts(m) else "")
        )
    from . import seances

    lines += seances.index_lines(cat)
    return "\n".join(lines) + "\n"


def pages(cat: Catalogue) -> dict[str, str]:
    """Every generated page: path relative to the book's source folder → text."""
    out = {}
    for m in cat.available:
        out[f"{handout_doc(m.id)}.md"] = handout_page(cat, m)
        out[f"{answer_key_doc(m.id)}.md"] = answer_key_page(cat, m)
        if has_writing_prompts(m):
            out[f"{review_doc(m.id)}.md"] = review_page(cat, m)
    from . import seances  # each session plan's run-sheet, sign-in sheet and evaluation form

    out.update(seances.pages(cat))
    return out


def write_pages(srcdir: Path, cat: Catalogue) -> dict[str, str]:
    """Write the pages under ``srcdir/fiches`` (removing pages of modules no longer available)."""
    texts = pages(cat)
    folder = srcdir / FOLDER
    folder.mkdir(parents=True, exist_ok=True)
    for old in folder.glob("*.md"):
        if f"{FOLDER}/{old.name}" not in texts:
            old.unlink()
    for rel, text in texts.items():
        path = srcdir / rel
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            path.write_text(text, encoding="utf-8")
    return texts


# --------------------------------------------------------------------------- after the HTML is written

_PLACEHOLDER = re.compile(r'<div class="fiche-figure" data-module="([a-z0-9-]+)"></div>')
_CAPTION_HTML = re.compile(r"<p><em>Figure(?:\s|&nbsp;|\u00a0)+1\b")
_IMG = re.compile(r"<img\b[^>]*>")


def figure_img(outdir: Path, module_id: str, from_page: str) -> str | None:
    """The ``<img>`` of Figure 1 on the module's built page, its ``src`` made relative to ``from_page``."""
    page = outdir / "modules" / f"{module_id}.html"
    if not page.is_file():
        return None
    text = page.read_text(encoding="utf-8")
    cap = _CAPTION_HTML.search(text)
    if not cap:
        return None
    imgs = list(_IMG.finditer(text, max(0, cap.start() - 4000), cap.start()))
    if not imgs:
        return None
    tag = imgs[-1].group(0)
    src = re.search(r'src="([^"]+)"', tag)
    if not src or src.group(1).startswith(("data:", "http:", "https:")):
        return tag
    target = posixpath.normpath(posixpath.join("modules", src.group(1)))
    rel = posixpath.relpath(target, posixpath.dirname(from_page))
    return tag.replace(f'src="{src.group(1)}"', f'src="{rel}"')


def insert_figures(outdir: Path) -> list[str]:
    """Fill the figure placeholders of the built handouts; return the modules whose figure was not found."""
    missing = []
    folder = Path(outdir) / FOLDER
    for page in sorted(folder.glob("*.html")) if folder.is_dir() else []:
        text = page.read_text(encoding="utf-8")
        rel_page = page.relative_to(outdir).as_posix()

        def fill(match):
            img = figure_img(Path(outdir), match.group(1), rel_page)
            if img is None:
                missing.append(match.group(1))
                return match.group(0)
            return f'<div class="fiche-figure" data-module="{match.group(1)}">{img}</div>'

        new = _PLACEHOLDER.sub(fill, text)
        if new != text:
            page.write_text(new, encoding="utf-8")
    return missing
