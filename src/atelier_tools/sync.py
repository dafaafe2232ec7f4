"""Write what the catalogue says into the files read outside the book build.

Pages of the book include ``_generated/*.md`` at build time (see :mod:`atelier_tools.book`).
Files that people also read elsewhere — the README on the forge, the notebooks in
JupyterLab and Binder, ``_toc.yml``, ``LICENSE-CONTENU.md`` — hold *generated regions*::

    <!-- début : produit par make sync, ne pas modifier -->  (exact text below)
    ...
    <!-- fin -->

``python -m atelier_tools.sync`` rewrites them from ``data/course/modules.yml`` and
``_config.yml``; ``--check`` changes nothing and lists the stale files (a test runs it).
In a module notebook the sync also writes the title line (``# <titre>``) and the whole
« Durée » cell (id ``duree``), and fills the region of the « Prérequis » cell (id
``prerequis``) and of the « Rappel » cell (id ``rappel``, see :mod:`atelier_tools.rappels`), so that marking a module « disponible » is a one-line change followed by
``make sync`` (``make book`` runs it).
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import nbformat

from atelier_ia.course import Catalogue, load_catalogue
from atelier_ia.errors import AtelierError
from atelier_ia.paths import repo_root

from . import render

START = "<!-- début {name} : produit par « make sync » depuis le catalogue, ne pas modifier à la main -->"
END = "<!-- fin {name} -->"
_REGION = re.compile(r"<!-- début (?P<name>[\w:-]+) : produit par « make sync »[^>]*-->\n?(?P<body>.*?)<!-- fin (?P=name) -->", re.S)


def region(name: str, body: str) -> str:
    return f"{START.format(name=name)}\n{body.rstrip()}\n{END.format(name=name)}"


def fill_regions(text: str, generators: dict[str, str], where: str) -> str:
    """Replace the body of every region of ``text``; an unknown region name is an error."""

    def repl(m):
        name = m.group("name")
        if name not in generators:
            raise AtelierError(f"{where} : région générée inconnue « {name} » (connues : {', '.join(sorted(generators))}).")
        return region(name, generators[name])

    return _REGION.sub(repl, text)


def regions_in(text: str) -> list[tuple[int, int]]:
    """Spans of the generated regions of ``text`` (for tests that scan hand-written text)."""
    return [m.span() for m in _REGION.finditer(text)]


def strip_regions(text: str) -> str:
    return _REGION.sub("", text)


def generators(cat: Catalogue) -> dict[str, str]:
    url = render.repository_url()
    gens = {
        "carte-readme": "Au fil du catalogue (`data/course/modules.yml`)\u00a0:\n\n" + render.modules_table(cat, style="readme"),
        "depot": f"<{url}>",
        "binder": f"[Ouvrir le cours dans Binder]({render.binder_url('modules/00-prise-en-main.ipynb')})",
    }
    for m in cat.modules:
        gens[f"prerequis:{m.id}"] = render.prerequisites_text(cat, m)
        gens[f"suite:{m.id}"] = render.later_modules_text(cat, m) or "Ce module n'a pas encore de suite dans le catalogue."
    from . import rappels

    gens.update(rappels.generators(cat))  # the « Rappel » cell of modules 01–07 (data/course/rappels.yml)

    from atelier_ia.exercises import pages

    for m in cat.available:  # where each exercise is done, from data/quiz/<id>-exercices.yml
        gens[f"exercices-modes:{m.id}"] = pages.modes_summary(m.id)
        for ident, in_page in pages.exercise_modes(m.id).items():
            gens[f"mode-exercice:{ident}"] = pages.mode_label(in_page)
    return gens


def toc(cat: Catalogue) -> str:
    lines = [
        "# Table des matières du livre : produite depuis data/course/modules.yml par « make sync ».",
        "# Ne pas modifier à la main : changez le statut d'un module dans le catalogue.",
        "format: jb-book",
        "root: intro",
        "parts:",
        "  - caption: Modules",
        "    chapters:",
        *[f"      - file: modules/{m.id}" for m in cat.available],
        "  - caption: Exercices",
        "    chapters:",
        *[f"      - file: exercises/{m.id}-exercices" for m in cat.available],
        "  - caption: Annexes",
        "    chapters:",
        *[line for name in ANNEXES for line in _annex_lines(name, cat)],
    ]
    if (repo_root() / "annexes" / "fiches.md").is_file():  # handouts, written at build time (atelier_tools.handouts)
        lines += ["  - caption: Fiches à imprimer", "    chapters:", "      - file: annexes/fiches",
                  "        sections:", "          - glob: fiches/*"]
    return "\n".join(lines) + "\n"


ANNEXES = ("parcours", "positionnement", "metiers", "projets-ecoles-art", "guide-formateurs", "activites/index", "jupyterhub", "glossaire",
           "bibliographie", "licence", "attestation", "accessibilite", "faits-a-reverifier")


def _annex_lines(name: str, cat: Catalogue) -> list[str]:
    """Toc lines of one annex (none when its page does not exist); the paths by job and the
    group activities list one page per audience or per available module under their index."""
    if name == "metiers":  # the index « Parcours par métier » and one page per audience
        from . import metiers

        return metiers.toc_lines(cat)
    if not (repo_root() / "annexes" / f"{name}.md").is_file():
        return []
    lines = [f"      - file: annexes/{name}"]
    if name == "activites/index":
        from .activities import activity_docnames

        pages = activity_docnames(cat)
        if pages:
            lines += ["        sections:", *[f"          - file: {page}" for page in pages]]
    return lines


def _notebook(path: Path, cat: Catalogue, module, gens) -> tuple[str, str]:
    """Return (old, new) JSON text of a module notebook with its generated parts refreshed."""
    old = path.read_text(encoding="utf-8")
    nb = nbformat.reads(old, as_version=4)
    ids = {c.get("id"): c for c in nb.cells}
    where = path.relative_to(repo_root()).as_posix()
    for needed in ("titre", "duree", "prerequis"):
        if needed not in ids:
            raise AtelierError(f"{where} : il manque la cellule d'identifiant « {needed} » (voir CONTRIBUTING.md).")
    title = ids["titre"]
    lines = title.source.split("\n")
    lines[0] = f"# {module.title}"
    title.source = "\n".join(lines)
    ids["duree"].source = render.duration_cell(cat, module) + "\n" + f"<!-- {render.GENERATED_NOTICE} -->"
    pre = ids["prerequis"]
    if f"début prerequis:{module.id} " not in pre.source:
        raise AtelierError(f"{where} : la cellule « prerequis » doit contenir la région générée « prerequis:{module.id} ».")
    for cell in nb.cells:
        if cell.cell_type == "markdown":
            cell.source = fill_regions(cell.source, gens, where)
    new = nbformat.writes(nb) + "\n"
    return old, new


def plan(root: Path | None = None) -> dict[Path, tuple[str, str]]:
    """Every file the sync manages, with its current and its generated text."""
    root = root or repo_root()
    cat = load_catalogue()
    gens = generators(cat)
    if (root / "Makefile").is_file():  # the table of commands, from the Makefile's comments
        from .commands import read_makefile, table

        gens["commandes"] = table(read_makefile(root / "Makefile"))
    out: dict[Path, tuple[str, str]] = {}
    path = root / "_toc.yml"
    out[path] = (path.read_text(encoding="utf-8") if path.exists() else "", toc(cat))
    for name in ("README.md", "LICENSE-CONTENU.md", "CONTRIBUTING.md"):
        path = root / name
        old = path.read_text(encoding="utf-8")
        out[path] = (old, fill_regions(old, gens, name))
    from . import metiers

    out.update(metiers.stub_pages(root, cat))  # annexes/metiers/<id>.md, one per audience
    from . import ecoles

    out.update(ecoles.planned(root, cat))  # annexes/projets-ecoles-art.md, the art-school kit
    for m in cat.available:
        path = root / m.notebook
        out[path] = _notebook(path, cat, m, gens)
        path = root / m.exercises
        old = path.read_text(encoding="utf-8")
        nb = nbformat.reads(old, as_version=4)
        first = nb.cells[0]
        if first.cell_type == "markdown" and first.source.startswith("# "):
            lines = first.source.split("\n")
            lines[0] = f"# Exercices — {m.title}"  # the module's title, from the catalogue
            first.source = "\n".join(lines)
        for cell in nb.cells:
            if cell.cell_type == "markdown":
                cell.source = fill_regions(cell.source, gens, m.exercises)
        out[path] = (old, nbformat.writes(nb) + "\n")
    return out


def stale(root: Path | None = None) -> list[str]:
    root = root or repo_root()
    return [p.relative_to(root).as_posix() for p, (old, new) in plan(root).items() if old != new]


def main(argv=None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    root = repo_root()
    if argv == ["--check"]:
        late = stale(root)
        for name in late:
            print(f"pas à jour : {name} (lancez « make sync »)")
        return 1 if late else 0
    for path, (old, new) in plan(root).items():
        if old != new:
            path.write_text(new, encoding="utf-8")
            print(f"mis à jour : {path.relative_to(root).as_posix()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
