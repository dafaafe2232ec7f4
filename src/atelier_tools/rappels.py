"""The « Rappel » cell of modules 01–07: the few notions of modules 00 and 02 a module uses.

``data/course/rappels.yml`` writes each notion once (a one-sentence definition, the module and
the section that teach it, its glossary entry) and lists, per module, the notions it recalls.
:mod:`atelier_tools.sync` fills the region ``rappel:<module id>`` of the notebook's cell of id
``rappel`` (right after « Prérequis ») with :func:`rappel_text`, so that a learner who starts
with this module finds what it needs without going back through the chain of prerequisites;
the catalogue's « prerequis_requis » says where going back is truly needed (issue 24, item 3).

A section is named by the id of the Markdown cell that opens it with a heading; the link text
is that heading, read from the notebook, so renaming a section renames every recall of it, and
the link's anchor is the one MyST gives that heading (``myst_heading_anchors`` in _config.yml).
In JupyterLab the link opens the notebook at its top.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import nbformat
import yaml

from atelier_ia.course import Catalogue, Module
from atelier_ia.errors import AtelierError, describe
from atelier_ia.fmt import french_typography
from atelier_ia.paths import data_dir, repo_root

ORIGIN = "data/course/rappels.yml"


@dataclass(frozen=True)
class Notion:
    id: str
    name: str
    definition: str
    module: str
    section: str
    term: str


def load(cat: Catalogue) -> tuple[dict[str, Notion], dict[str, tuple[str, ...]]]:
    """The notions by id, and the notions each module recalls; fails in French on bad data."""
    raw = yaml.safe_load((data_dir() / "course" / "rappels.yml").read_text(encoding="utf-8"))
    if not isinstance(raw, dict) or not isinstance(raw.get("notions"), list) or not isinstance(raw.get("modules"), dict):
        raise AtelierError(f"{ORIGIN} doit contenir une liste « notions » et un dictionnaire « modules ».")
    ids = {m.id for m in cat.modules}
    notions: dict[str, Notion] = {}
    for n, item in enumerate(raw["notions"], start=1):
        where = f"{ORIGIN}, notion {n}"
        keys = ("id", "nom", "definition", "module", "section", "glossaire")
        if not isinstance(item, dict) or not all(isinstance(item.get(k), str) and item[k].strip() for k in keys):
            raise AtelierError(f"{where} : chaque notion a un texte non vide pour {', '.join(keys)}.")
        if item["module"] not in ids:
            raise AtelierError(f"{where} : le module « {item['module']} » n'est pas dans le catalogue.")
        if item["id"] in notions:
            raise AtelierError(f"{where} : identifiant « {item['id']} » en double.")
        notions[item["id"]] = Notion(item["id"], item["nom"].strip(), item["definition"].strip(),
                                     item["module"], item["section"], item["glossaire"].strip())
    uses: dict[str, tuple[str, ...]] = {}
    for mid, listed in raw["modules"].items():
        if mid not in ids:
            raise AtelierError(f"{ORIGIN}, « modules » : le module « {mid} » n'est pas dans le catalogue.")
        if not isinstance(listed, list) or not listed or not all(x in notions for x in listed):
            raise AtelierError(f"{ORIGIN}, module « {mid} » : une liste non vide de notions parmi "
                               f"{', '.join(notions)} est attendue, pas {describe(listed)}.")
        uses[mid] = tuple(listed)
    return notions, uses


# Heading levels that get an anchor in the book: « myst_heading_anchors » of _config.yml.
ANCHOR_LEVELS = 3


def slugify(title: str) -> str:
    """The anchor MyST gives a heading (its default, GitHub-like slug: lower case, spaces to
    hyphens, punctuation dropped); written here so that the notebooks need no MyST at run time."""
    return re.sub(r"[^\w\- ]", "", title.lower().replace(" ", "-"))


@lru_cache(maxsize=None)
def _headings(module_id: str) -> dict[str, tuple[str, str]]:
    """(title, anchor) of the sections of a module notebook, by the id of the cell that opens them.

    Anchors are made unique in page order as MyST does (``-1``, ``-2``… after a repeat)."""
    nb = nbformat.read(repo_root() / "modules" / f"{module_id}.ipynb", as_version=4)
    out, seen = {}, set()
    for cell in nb.cells:
        if cell.cell_type != "markdown":
            continue
        fenced = False
        for n, line in enumerate(cell.source.split("\n")):
            if line.startswith(("```", "~~~", ":::")):
                fenced = not fenced
            m = None if fenced else re.match(r"^(#{1,6}) (.+)$", line)
            if not m or len(m.group(1)) > ANCHOR_LEVELS:
                continue
            title = m.group(2).strip()
            slug, i = slugify(title), 0
            while (slug if not i else f"{slug}-{i}") in seen:
                i += 1
            slug = slug if not i else f"{slug}-{i}"
            seen.add(slug)
            if n == 0 and len(m.group(1)) == 2:
                out[cell.get("id")] = (title, slug)
    return out


def section(notion: Notion) -> tuple[str, str]:
    """(heading, anchor) of the section that teaches ``notion``; an error if it is gone."""
    headings = _headings(notion.module)
    if notion.section not in headings:
        raise AtelierError(f"{ORIGIN}, notion « {notion.id} » : le module « {notion.module} » n'a pas de section "
                           f"d'identifiant « {notion.section} » (cellule Markdown qui commence par « ## »).")
    return headings[notion.section]


def section_title(notion: Notion) -> str:
    return section(notion)[0]


def rappel_text(cat: Catalogue, m: Module, notions: dict[str, Notion], listed: tuple[str, ...]) -> str:
    """The body of the region « rappel:<id> » of module ``m``."""
    homes = sorted({notions[n].module for n in listed})
    numbers = [cat.module(h).number for h in homes]
    said = " et ".join(numbers)
    which = f"les modules {said}" if len(numbers) > 1 else f"le module {said}"
    of = f"des modules {said}" if len(numbers) > 1 else f"du module {said}"
    lines = [f"Les notions {of} utiles ici, une phrase pour chacune, avec la section qui l'enseigne "
             f"et son entrée du glossaire :", ""]
    for nid in listed:
        n = notions[nid]
        home = cat.module(n.module)
        title, anchor = section(n)
        lines.append(f"- **{n.name}** : {n.definition} Voir le module {home.number}, section "
                     f"[« {title} »]({n.module}.ipynb#{anchor}), et le glossaire : {{term}}`{n.term}`.")
    required = [cat.module(p).number for p in m.required if p in homes]
    lines.append("")
    if required:
        lines.append(f"Le module {' et '.join(required)} reste nécessaire : ce rappel aide à retrouver ses notions, "
                     f"il ne le remplace pas.")
    else:
        lines.append(f"Avec ce rappel, vous pouvez commencer par ce module ; {which} restent conseillés, "
                     f"pas obligatoires." if len(numbers) > 1 else
                     f"Avec ce rappel, vous pouvez commencer par ce module ; {which} reste conseillé, pas obligatoire.")
    return french_typography("\n".join(lines))


def generators(cat: Catalogue) -> dict[str, str]:
    """Region name → text, for :func:`atelier_tools.sync.generators`."""
    notions, uses = load(cat)
    return {f"rappel:{mid}": rappel_text(cat, cat.module(mid), notions, listed) for mid, listed in uses.items()}
