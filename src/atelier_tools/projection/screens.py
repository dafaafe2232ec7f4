"""Which cells of a module's notebook become screens of its projection, in what order."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import nbformat

from atelier_ia.course import Module
from atelier_ia.errors import AtelierError
from atelier_ia.paths import repo_root

__all__ = ["SKIPPED_SECTIONS", "TAG", "TAG_NO", "Projection", "Screen", "extract_screens", "read_cells"]

TAG = "projection"
TAG_NO = "projection-non"
#: Template sections that are not projected (by cell id).
SKIPPED_SECTIONS = {"en-bref", "duree", "prerequis", "quiz", "pour-aller-plus-loin"}

_SHOW_QUIZ = re.compile(r"show_quiz\(\s*[\"']([a-z0-9-]+)[\"'](?:\s*,\s*questions\s*=\s*\[([^\]]*)\])?")
_CAPTION = re.compile(r"^\*?Figure[\s\u00a0]+\d")
_COMMENT = re.compile(r"<!--.*?-->", re.S)


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
        from ..activities import activity_path

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
