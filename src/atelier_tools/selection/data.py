"""Which files of ``data/`` a selection drops: those that only the removed modules' notebooks name."""

from __future__ import annotations

import ast
import json
import re
from pathlib import Path

from .choose import Selection, belongs_to

__all__ = ["unused_data"]

_IMPORT = re.compile(r"^\s*(?:from\s+(atelier_ia(?:\.\w+)*)\s+import\s+\(?([\w\s,]+)\)?|import\s+(atelier_ia(?:\.\w+)*))", re.M)



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
    kept_nb = [f for f in files if f.endswith(".ipynb") and belongs_to(f, sel.modules)]
    removed_nb = [f for f in files if f.endswith(".ipynb") and belongs_to(f, sel.removed)]
    kept_text = [_notebook_text(root / f) for f in kept_nb]
    code_cells = []
    for f in kept_nb:
        nb = json.loads((root / f).read_text(encoding="utf-8"))
        code_cells += ["".join(c.get("source", "")) for c in nb.get("cells", []) if c.get("cell_type") == "code"]
    # the exercise checks of a kept module are imported by name (atelier_ia.exercises.mNN)
    code_cells += [f"import atelier_ia.exercises.m{mid[:2]}" for mid in sel.modules]
    kept_text += [p.read_text(encoding="utf-8") for p in _library_closure(root, code_cells)]
    kept_text += [(root / f).read_text(encoding="utf-8", errors="replace") for f in files
                  if f.endswith((".md", ".py")) and not f.startswith(("src/atelier_ia/", "tests/")) and not belongs_to(f, sel.removed)]
    removed_text = "\n".join(_notebook_text(root / f) for f in removed_nb)
    kept = "\n".join(kept_text)
    out = []
    for f in files:
        if not f.startswith("data/") or f.startswith("data/course/") or f == "data/MANIFEST.yml" or belongs_to(f, sel.removed):
            continue
        rel = f[len("data/"):]
        if rel in removed_text and rel not in kept:
            out.append(f)
    return out
