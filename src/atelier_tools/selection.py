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
"""

from __future__ import annotations

import argparse
import ast
import json
import os
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

import nbformat
import yaml

from atelier_ia.course import Catalogue, parse_catalogue
from atelier_ia.errors import AtelierError
from atelier_ia.fmt import NBSP

#: Folders never copied (built or installed things, caches).
SKIP = {".git", ".venv", "_build", "_generated", "__pycache__", ".pytest_cache", ".hypothesis",
        ".ipynb_checkpoints", ".jupyter_cache", "build", ".cache"}
#: Folders whose files are code: kept whole, even when a file name carries a module's id.
CODE = ("src/", "tests/")
_IMPORT = re.compile(r"^\s*(?:from\s+(atelier_ia(?:\.\w+)*)\s+import\s+\(?([\w\s,]+)\)?|import\s+(atelier_ia(?:\.\w+)*))", re.M)


@dataclass
class Selection:
    """What a selection keeps, drops and tells."""

    modules: list[str]
    added: dict[str, list[str]] = field(default_factory=dict)  # prerequisite → modules that need it
    removed: list[str] = field(default_factory=list)
    dropped_files: list[str] = field(default_factory=list)
    pathway_notes: list[str] = field(default_factory=list)
    to_reread: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)


# --------------------------------------------------------------------------- choosing


def resolve(cat: Catalogue, wanted: list[str]) -> Selection:
    """The modules to keep, in catalogue order: those ``wanted`` (numbers « 02 » or ids) and,
    recursively, their prerequisites."""
    if not wanted:
        raise AtelierError(
            "Aucun module choisi : donnez leurs numéros, par exemple make selection MODULES=\"00 02\" DEST=../mon-cours."
        )
    by_number = {m.number: m.id for m in cat.modules}
    ids = {m.id for m in cat.modules}
    chosen = []
    for raw in wanted:
        key = raw.strip().rstrip(",")
        mid = by_number.get(key.zfill(2) if key.isdigit() else key) or (key if key in ids else None)
        if mid is None:
            raise AtelierError(
                f"Module inconnu{NBSP}: « {raw} ». Modules du catalogue{NBSP}: "
                + ", ".join(f"{m.number} ({m.id})" for m in cat.modules) + "."
            )
        if mid not in chosen:
            chosen.append(mid)
    keep = set(chosen)
    added: dict[str, list[str]] = {}
    todo = list(chosen)
    while todo:
        mid = todo.pop()
        for p in cat.module(mid).prerequisites:
            if p not in chosen:
                added.setdefault(p, []).append(mid)
            if p not in keep:
                keep.add(p)
                todo.append(p)
    order = [m.id for m in cat.modules]
    return Selection(sorted(keep, key=order.index), {k: sorted(v, key=order.index) for k, v in added.items()},
                     [m for m in order if m not in keep])


# --------------------------------------------------------------------------- files


def project_files(root: Path) -> list[str]:
    """The project's files (POSIX paths relative to ``root``): what git tracks or would track
    (``.gitignore`` respected); outside a git checkout, every file but the built ones."""
    try:
        out = subprocess.run(["git", "-C", str(root), "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
                             capture_output=True, text=True, check=True).stdout
        files = [f for f in out.split("\0") if f and (root / f).is_file()]
        if files:
            return sorted(set(files))
    except (OSError, subprocess.CalledProcessError):
        pass
    files = []
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = [d for d in dirnames if d not in SKIP and not d.endswith(".egg-info")]
        files += [Path(dirpath, f).relative_to(root).as_posix() for f in filenames if not f.endswith(".pyc")]
    return sorted(files)


def _belongs_to(path: str, module_ids: list[str]) -> str | None:
    """The module a non-code file belongs to by its name (``NN-id…``), if any."""
    if path.startswith(CODE):
        return None
    for name in path.split("/"):  # a file named after a module, or a folder named after one
        for mid in module_ids:
            if name.startswith(mid) and name[len(mid):len(mid) + 1] in ("", "-", ".", "_"):
                return mid
    return None


def _notebook_text(path: Path) -> str:
    try:
        nb = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return ""
    return "\n".join("".join(c.get("source", "")) for c in nb.get("cells", []))


def _library_closure(root: Path, sources: list[str]) -> set[Path]:
    """Files of ``src/atelier_ia`` imported, directly or not, by code in ``sources``."""
    lib = root / "src"

    def file_of(name: str) -> Path | None:
        base = lib.joinpath(*name.split("."))
        return base / "__init__.py" if (base / "__init__.py").is_file() else base.with_suffix(".py") if base.with_suffix(".py").is_file() else None

    def names_in_code(text: str) -> set[str]:
        found = set()
        for m in _IMPORT.finditer(text):
            if m.group(3):
                found.add(m.group(3))
            else:
                found.add(m.group(1))
                found |= {f"{m.group(1)}.{n.strip()}" for n in m.group(2).split(",") if n.strip()}
        return found

    todo = set().union(*(names_in_code(s) for s in sources)) if sources else set()
    seen: set[str] = set()
    files: set[Path] = set()
    while todo:
        name = todo.pop()
        if name in seen:
            continue
        seen.add(name)
        parts = name.split(".")
        for i in range(1, len(parts)):  # importing a.b.c runs a/__init__ and a/b/__init__
            todo.add(".".join(parts[:i]))
        path = file_of(name)
        if path is None:
            continue
        files.add(path)
        package = name if path.name == "__init__.py" else name.rsplit(".", 1)[0]
        try:
            tree = ast.parse(path.read_text(encoding="utf-8"))
        except SyntaxError:
            continue
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                todo |= {a.name for a in node.names if a.name.startswith("atelier_ia")}
            elif isinstance(node, ast.ImportFrom):
                if node.level:
                    base = package.split(".")
                    base = base[: len(base) - node.level + 1]
                    mod = ".".join(base + ([node.module] if node.module else []))
                else:
                    mod = node.module or ""
                if mod.startswith("atelier_ia"):
                    todo.add(mod)
                    todo |= {f"{mod}.{a.name}" for a in node.names}
    return files


def unused_data(root: Path, files: list[str], sel: Selection) -> list[str]:
    """Files of ``data/`` (outside ``data/course``) that only removed modules name."""
    kept_nb = [f for f in files if f.endswith(".ipynb") and _belongs_to(f, sel.modules)]
    removed_nb = [f for f in files if f.endswith(".ipynb") and _belongs_to(f, sel.removed)]
    kept_text = [_notebook_text(root / f) for f in kept_nb]
    code_cells = []
    for f in kept_nb:
        nb = json.loads((root / f).read_text(encoding="utf-8"))
        code_cells += ["".join(c.get("source", "")) for c in nb.get("cells", []) if c.get("cell_type") == "code"]
    # the exercise checks of a kept module are imported by name (atelier_ia.exercises.mNN)
    code_cells += [f"import atelier_ia.exercises.m{mid[:2]}" for mid in sel.modules]
    kept_text += [p.read_text(encoding="utf-8") for p in _library_closure(root, code_cells)]
    kept_text += [(root / f).read_text(encoding="utf-8", errors="replace") for f in files
                  if f.endswith((".md", ".py")) and not f.startswith(("src/atelier_ia/", "tests/")) and not _belongs_to(f, sel.removed)]
    removed_text = "\n".join(_notebook_text(root / f) for f in removed_nb)
    kept = "\n".join(kept_text)
    out = []
    for f in files:
        if not f.startswith("data/") or f.startswith("data/course/") or f == "data/MANIFEST.yml" or _belongs_to(f, sel.removed):
            continue
        rel = f[len("data/"):]
        if rel in removed_text and rel not in kept:
            out.append(f)
    return out


# --------------------------------------------------------------------------- YAML, kept as written


def _drop_blocks(text: str, start: re.Pattern, drop) -> str:
    """Remove from ``text`` each block that begins with a line matching ``start`` (group 1 =
    its key) and runs until the next such line or a line indented less; ``drop(key)`` decides."""
    lines = text.splitlines(keepends=True)
    out, skipping, indent = [], False, 0
    for line in lines:
        m = start.match(line)
        if m:
            indent = len(line) - len(line.lstrip())
            skipping = drop(m.group(1))
        elif skipping and line.strip() and (len(line) - len(line.lstrip())) < indent + 1 and not line.lstrip().startswith("#"):
            skipping = False
        if not skipping:
            out.append(line)
    return "".join(out)


def filter_manifest(text: str, dropped: set[str]) -> str:
    return _drop_blocks(text, re.compile(r"^  (?!\s)([^\s#][^:]*):\s*$"), lambda key: key.strip("'\"") in dropped)


def filter_modules(text: str, removed: set[str]) -> str:
    return _drop_blocks(text, re.compile(r"^  - id:\s*(\S+)\s*$"), lambda key: key.strip("'\"") in removed)


def filter_pathways(text: str, removed: set[str], sel: Selection) -> str:
    data = yaml.safe_load(text) or {}
    gone = set()
    notes = {}
    for p in data.get("parcours", []):
        lost = [m for m in p.get("modules", []) if m in removed]
        if lost and len(lost) == len(p.get("modules", [])):
            gone.add(p["id"])
            sel.pathway_notes.append(f"Parcours « {p['id']} »{NBSP}: retiré, aucun de ses modules n'est dans la sélection")
        elif lost:
            notes[p["id"]] = lost
            sel.pathway_notes.append(f"Parcours « {p['id']} »{NBSP}: étapes retirées{NBSP}: {', '.join(lost)}")
    text = _drop_blocks(text, re.compile(r"^  - id:\s*(\S+)\s*$"), lambda key: key.strip("'\"") in gone)
    out, current = [], None
    for line in text.splitlines(keepends=True):
        m = re.match(r"^  - id:\s*(\S+)", line)
        if m:
            current = m.group(1).strip("'\"")
        m = re.match(r"^(\s+)modules:\s*\[(.*)\]\s*$", line)
        if m and current in notes:
            kept = [x.strip() for x in m.group(2).split(",") if x.strip() and x.strip() not in removed]
            out.append(f"{m.group(1)}# make selection{NBSP}: modules retirés de ce parcours{NBSP}: {', '.join(notes[current])}\n")
            line = f"{m.group(1)}modules: [{', '.join(kept)}]\n"
        out.append(line)
    return "".join(out)


def filter_expected_outputs(text: str, dropped: set[str]) -> str:
    """``tests/notebook_outputs.yml`` without the notebooks that are not copied."""
    return _drop_blocks(text, re.compile(r"^(?!\s)([^\s#][^:]*):\s*$"), lambda key: key.strip("'\"") in dropped)


def filter_recalls(text: str, removed: set[str]) -> str:
    """``data/course/rappels.yml`` without the notions taught by a removed module, nor the removed
    modules' lists: a kept module recalls only what the selection still teaches."""
    data = yaml.safe_load(text) or {}
    gone = {n["id"] for n in data.get("notions", []) if isinstance(n, dict) and n.get("module") in removed}
    data["notions"] = [n for n in data.get("notions", []) if not (isinstance(n, dict) and n.get("id") in gone)]
    modules = {}
    for mid, listed in (data.get("modules") or {}).items():
        kept = [x for x in listed if x not in gone] if isinstance(listed, list) else listed
        if mid not in removed and kept:
            modules[mid] = kept
    data["modules"] = modules
    head = "".join(line for line in text.splitlines(keepends=True)[:4] if line.startswith("#"))
    return head + yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=120)


def prune_references(text: str, removed: set[str]) -> tuple[str, int]:
    """Remove from a YAML text (kept as written) what points at a removed module: a list item
    whose first key names one (``- module: 03-…``, ``- quiz: 03-…-sans-code``, with its nested
    lines) and the removed ids of inline lists (``[00-…, 03-…]``). A session plan's group
    activity (``- activite: 03-…`` with its ``sinon``) stays: without the module, the plan
    uses its fallback, so that every half-day keeps a group activity.
    Return the new text and the number of references removed."""
    ids = "|".join(re.escape(m) for m in sorted(removed, key=len, reverse=True))
    if not ids:
        return text, 0
    item = re.compile(rf"^(\s*)-\s+(?!activite:)[\w-]+:\s*[\"']?(?:{ids})(?:-[\w-]+)?[\"']?\s*$")
    out, count, skip_deeper = [], 0, None
    for line in text.splitlines(keepends=True):
        indent = len(line) - len(line.lstrip())
        if skip_deeper is not None:
            if not line.strip() or indent > skip_deeper:
                continue
            skip_deeper = None
        m = item.match(line)
        if m:
            skip_deeper, count = len(m.group(1)), count + 1
            continue

        def inline(mm):
            nonlocal count
            parts = [x for x in mm.group(1).split(",") if x.strip()]
            kept = [x.strip() for x in parts if x.strip().strip("'\"") not in removed]
            count += len(parts) - len(kept)
            return "[" + ", ".join(kept) + "]"

        if not line.lstrip().startswith("#"):
            line = re.sub(r"\[([^\[\]]*)\]", inline, line)
        out.append(line)
    return "".join(out), count


def unlink_removed(text: str, removed: set[str], titles: dict[str, str]) -> tuple[str, int]:
    """Turn the hand-written links to a removed module's pages into plain text: a MyST
    ``{doc}`` role (its own text, else the module's title in « ») and a Markdown link to the
    notebook (its text). A page of the book cannot link to a page that is not built."""
    ids = "|".join(re.escape(m) for m in sorted(removed, key=len, reverse=True))
    if not ids:
        return text, 0
    count = 0

    def role(m):
        nonlocal count
        count += 1
        mid = m.group("id")
        return m.group("text").strip() if m.group("text") else f"«{NBSP}{titles.get(mid, mid)}{NBSP}»"

    def link(m):
        nonlocal count
        count += 1
        return m.group(1)

    text = re.sub(rf"\{{doc\}}`(?:(?P<text>[^`<]*?)\s*<)?/?(?:\.\./)*(?:modules|exercises)/(?P<id>{ids})(?:-exercices)?(?:\.ipynb)?>?`",
                  role, text)
    text = re.sub(rf"\[([^\]]+)\]\((?:[./]*)(?:modules/|exercises/)?(?:{ids})(?:-exercices)?\.(?:ipynb|md|html)(?:#[^)]*)?\)",
                  link, text)
    return text, count


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
        from .sync import strip_regions  # generated regions are rewritten by the sync

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
    dropped = [f for f in files if _belongs_to(f, sel.removed)]
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


if __name__ == "__main__":
    sys.exit(main())
