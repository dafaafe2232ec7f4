"""Choosing a selection: the modules kept (with their prerequisites), and which project files belong to a module."""

from __future__ import annotations

import os
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

from atelier_ia.course import Catalogue
from atelier_ia.errors import AtelierError
from atelier_ia.fmt import NBSP

__all__ = ["CODE", "SKIP", "Selection", "belongs_to", "project_files", "resolve"]

#: Folders never copied (built or installed things, caches).
SKIP = {".git", ".venv", "_build", "_generated", "__pycache__", ".pytest_cache", ".hypothesis",
        ".ipynb_checkpoints", ".jupyter_cache", "build", ".cache"}
#: Folders whose files are code: kept whole, even when a file name carries a module's id.
CODE = ("src/", "tests/")


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


def belongs_to(path: str, module_ids: list[str]) -> str | None:
    """The module a non-code file belongs to by its name (``NN-id…``), if any."""
    if path.startswith(CODE):
        return None
    for name in path.split("/"):  # a file named after a module, or a folder named after one
        for mid in module_ids:
            if name.startswith(mid) and name[len(mid):len(mid) + 1] in ("", "-", ".", "_"):
                return mid
    return None
