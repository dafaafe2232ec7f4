"""A course of one's own: a standalone copy of the project with only some modules.

``python -m atelier_tools.selection 00 02 --dest ../mon-cours`` (``make selection
MODULES="00 02" DEST=../mon-cours``) writes a new project folder that holds:

* the chosen modules and their prerequisites (added with a message saying which and why);
* every file of the project except those of the other modules: a file outside ``src/`` and
  ``tests/`` whose name, or a folder's name on its path, starts with a removed module's id (notebook, exercises, quiz, notes
  and whatever per-module file the project gains later) is left out — no list of pages;
* the data files the kept notebooks need: a file of ``data/`` named in a removed module's
  notebooks and in none of the kept notebooks, library modules they import or book pages is
  left out, and ``data/MANIFEST.yml`` loses its entry;
* the catalogue and the pathways filtered (a pathway loses its steps on removed modules, with
  a comment saying so; a pathway left empty goes); in the other YAML files of ``data/``, list
  items that name a removed module (``- module: 03-…``) and its ids in inline lists go
  (:func:`prune_references`), and the build-time page generators are run once to check;
* hand-written links to a removed module's pages made plain text (:func:`unlink_removed`);

then runs the sync of the new project, so that ``_toc.yml``, the README and every generated
region say what its own catalogue says. Every page built from the catalogue follows at
``make book``. Hand-written texts that still name a removed module are listed, to reread.

One module per concept: :mod:`.choose` (the modules kept, the files of a module),
:mod:`.data` (the data files dropped), :mod:`.filters` (the YAML and Markdown rewritten) and
this one, the command that makes the copy (``python -m atelier_tools.selection``).
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import nbformat
import yaml

from atelier_ia.course import Catalogue, parse_catalogue
from atelier_ia.errors import AtelierError
from atelier_ia.fmt import NBSP

from .choose import CODE, SKIP, Selection, belongs_to, project_files, resolve
from .data import unused_data
from .filters import (
    filter_expected_outputs,
    filter_manifest,
    filter_modules,
    filter_pathways,
    filter_recalls,
    prune_references,
    unlink_removed,
)

__all__ = ["CODE", "SKIP", "Selection", "belongs_to", "filter_expected_outputs", "filter_manifest", "filter_modules",
           "filter_pathways", "filter_recalls", "main", "make_selection", "project_files", "prune_references", "resolve",
           "unlink_removed", "unused_data"]


# --------------------------------------------------------------------------- the selection


def _mentions(root: Path, files: list[str], sel: Selection, dropped_data: list[str]) -> list[str]:
    """« file:line » of hand-written text that still names a removed module or dropped file."""
    numbers = {mid[:2] for mid in sel.removed}
    names = sel.removed + [f[len("data/"):] for f in dropped_data]
    pattern = re.compile(r"\bmodules?\s+(\d\d)\b")
    out = []
    for f in files:
        if not f.endswith((".md", ".yml", ".ipynb", ".py")) or f.startswith(("src/", "data/course/modules.yml")):
            continue
        text = (root / f).read_text(encoding="utf-8", errors="replace")
        from ..sync import strip_regions  # generated regions are rewritten by the sync

        for n, line in enumerate(strip_regions(text).splitlines(), start=1):
            if line.lstrip().startswith("# make selection"):
                continue
            if any(name in line for name in names) or any(num in numbers for num in pattern.findall(line)):
                out.append(f"{f}:{n}")
    return out


def make_selection(root: Path, wanted: list[str], dest: Path, title: str | None = None, sync: bool = True,
                   log=print) -> Selection:
    """Write the project of the selected modules into ``dest`` (new or empty); return what was done."""
    root, dest = Path(root).resolve(), Path(dest).resolve()
    if dest == root or root in dest.parents:
        raise AtelierError(f"Le dossier de destination ({dest}) ne peut pas être dans le projet d'origine : choisissez par exemple DEST=../mon-cours.")
    if dest.exists() and any(dest.iterdir()):
        raise AtelierError(f"Le dossier de destination {dest} existe déjà et n'est pas vide : choisissez un nouveau dossier.")
    course = root / "data" / "course"
    modules_text = (course / "modules.yml").read_text(encoding="utf-8")
    pathways_text = (course / "parcours.yml").read_text(encoding="utf-8")
    cat = parse_catalogue(yaml.safe_load(modules_text), yaml.safe_load(pathways_text))
    sel = resolve(cat, wanted)
    files = project_files(root)
    dropped = [f for f in files if belongs_to(f, sel.removed)]
    dropped_data = unused_data(root, files, sel)
    sel.dropped_files = dropped + dropped_data
    gone = set(sel.dropped_files)
    removed = set(sel.removed)

    dest.mkdir(parents=True, exist_ok=True)
    for f in files:
        if f in gone:
            continue
        target = dest / f
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(root / f, target)
    rewrites = {
        "data/course/modules.yml": lambda t: filter_modules(t, removed),
        "data/course/parcours.yml": lambda t: filter_pathways(t, removed, sel),
        "data/MANIFEST.yml": lambda t: filter_manifest(t, {f[len("data/"):] for f in gone if f.startswith("data/")}),
        "tests/notebook_outputs.yml": lambda t: filter_expected_outputs(t, gone),
        "data/course/rappels.yml": lambda t: filter_recalls(t, removed),
    }
    for rel, fix in rewrites.items():
        path = dest / rel
        if path.is_file():
            path.write_text(fix(path.read_text(encoding="utf-8")), encoding="utf-8")
    handled = {"data/course/modules.yml", "data/course/parcours.yml", "data/MANIFEST.yml", "data/course/rappels.yml"}
    for rel in sorted(f for f in files if f.startswith("data/") and f.endswith((".yml", ".yaml")) and f not in gone and f not in handled):
        path = dest / rel
        text, n = prune_references(path.read_text(encoding="utf-8"), removed)
        if n:
            path.write_text(text, encoding="utf-8")
            sel.pathway_notes.append(f"{rel}{NBSP}: {n} référence{'s' if n > 1 else ''} à des modules retirés enlevée{'s' if n > 1 else ''} (à relire)")
    titles = {m.id: m.title for m in cat.modules}
    for rel in sorted(f for f in files if f.endswith((".md", ".ipynb")) and f not in gone and not f.startswith(("tests/", "src/"))):
        path = dest / rel
        raw = path.read_text(encoding="utf-8")
        if rel.endswith(".md"):
            text, n = unlink_removed(raw, removed, titles)
        else:
            nb = nbformat.reads(raw, as_version=4)
            n = 0
            for cell in nb.cells:
                if cell.cell_type == "markdown":
                    cell.source, k = unlink_removed(cell.source, removed, titles)
                    n += k
            text = nbformat.writes(nb) + "\n" if n else raw
        if n:
            path.write_text(text, encoding="utf-8")
            sel.pathway_notes.append(f"{rel}{NBSP}: {n} lien{'s' if n > 1 else ''} vers un module retiré remplacé{'s' if n > 1 else ''} par du texte (à relire)")
    if title:
        config = dest / "_config.yml"
        text = config.read_text(encoding="utf-8")
        config.write_text(re.sub(r"(?m)^title:.*$", "title: " + json.dumps(title, ensure_ascii=False), text, count=1), encoding="utf-8")
    # the new catalogue must be valid on its own (prerequisites present, pathways complete)
    new = parse_catalogue(yaml.safe_load((dest / "data/course/modules.yml").read_text(encoding="utf-8")),
                          yaml.safe_load((dest / "data/course/parcours.yml").read_text(encoding="utf-8")))
    if [m.id for m in new.modules] != sel.modules:
        raise AtelierError("Le catalogue filtré ne contient pas les modules attendus : le format de data/course/modules.yml "
                           "a changé ; signalez-le aux personnes qui maintiennent le cours.")
    if sync:
        env = dict(os.environ, PYTHONPATH=str(dest / "src"), ATELIER_IA_DATA=str(dest / "data"))
        proc = subprocess.run([sys.executable, "-m", "atelier_tools.sync"], cwd=dest, env=env, capture_output=True, text=True)
        if proc.returncode != 0:
            raise AtelierError("La mise à jour des pages générées (make sync) a échoué dans la sélection :\n" + proc.stderr[-2000:])
        # every page the book generates from data/ must build with the filtered data
        check = subprocess.run([sys.executable, "-c", "import tempfile, pathlib; from atelier_tools.book import generate; "
                                "generate(pathlib.Path(tempfile.mkdtemp()))"], cwd=dest, env=env, capture_output=True, text=True)
        if check.returncode != 0:
            last = (check.stderr.strip().splitlines() or ["?"])[-1]
            sel.problems.append(f"les pages générées ne se construisent pas encore{NBSP}: {last} — corrigez ce fichier, puis make book")
    sel.to_reread = _mentions(dest, [f for f in files if f not in gone], sel, dropped_data)
    _report(sel, cat, dest, log)
    return sel


def _report(sel: Selection, cat: Catalogue, dest: Path, log) -> None:
    title = {m.id: m.title for m in cat.modules}
    log(f"Nouveau projet{NBSP}: {dest}")
    log("Modules gardés{NBSP}: ".replace("{NBSP}", NBSP) + ", ".join(f"{m[:2]} « {title[m]} »" for m in sel.modules))
    for p, needers in sel.added.items():
        log(f"Ajouté{NBSP}: le module {p[:2]} « {title[p]} », prérequis de "
            + ", ".join(f"{n[:2]}" for n in needers) + ".")
    if sel.removed:
        log("Modules retirés{NBSP}: ".replace("{NBSP}", NBSP) + ", ".join(m[:2] for m in sel.removed)
            + f" ({len(sel.dropped_files)} fichiers non copiés).")
    for note in sel.pathway_notes:
        log(note + ".")
    texts = [m for m in sel.to_reread if not m.startswith("tests/")]
    tests = sorted({m.split(":")[0] for m in sel.to_reread if m.startswith("tests/")})
    if texts:
        log(f"Textes écrits à la main qui nomment encore un module retiré (à relire){NBSP}: " + ", ".join(texts) + ".")
    if tests:
        log(f"Tests qui nomment un module ou un fichier retiré (à adapter ou retirer avant make test){NBSP}: " + ", ".join(tests) + ".")
    for problem in sel.problems:
        log(f"ATTENTION{NBSP}: {problem}.")
    log(f"Ensuite{NBSP}: cd {dest} && make book")


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="python -m atelier_tools.selection",
                                     description="Copie du cours réduite aux modules choisis (et à leurs prérequis).")
    parser.add_argument("modules", nargs="*", help="numéros ou identifiants des modules, par exemple 00 02")
    parser.add_argument("--dest", required=True, type=Path, help="nouveau dossier du projet, par exemple ../mon-cours")
    parser.add_argument("--titre", default=None, help="titre du nouveau livre (title dans _config.yml)")
    args = parser.parse_args(argv)
    from atelier_ia.paths import repo_root

    wanted = [w for item in args.modules for w in re.split(r"[\s,]+", item) if w]
    try:
        make_selection(repo_root(), wanted, args.dest, args.titre)
    except AtelierError as exc:
        print(f"Erreur{NBSP}: {exc}", file=sys.stderr)
        return 1
    return 0
