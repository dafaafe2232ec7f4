"""Modules talk through public names, and import each other without a cycle.

A private name (``_x``) is a module's own business: another module that imports it, or reads
``module._x``, breaks the day the owner renames it. An import written inside a function to
dodge a cycle hides the cycle instead of removing it. Both are found by reading the source
(``ast``), so the checks cost nothing at run time.
"""

from __future__ import annotations

import ast
from collections import deque
from pathlib import Path

SRC = Path(__file__).resolve().parents[1] / "src"


def _name(path: Path, root: Path) -> str:
    parts = list(path.relative_to(root).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _modules(root: Path) -> dict[str, ast.Module]:
    return {_name(p, root): ast.parse(p.read_text(encoding="utf-8"), str(p)) for p in sorted(root.rglob("*.py"))}


def _origin(module: str, is_package: bool, node: ast.ImportFrom) -> str:
    """The absolute name of the module ``node`` imports from."""
    if not node.level:
        return node.module or ""
    package = module.split(".") if is_package else module.split(".")[:-1]
    package = package[: len(package) - (node.level - 1)]
    return ".".join(package + ([node.module] if node.module else []))


def _packages(root: Path) -> set[str]:
    return {_name(p, root) for p in root.rglob("__init__.py")}


def private_imports(root: Path) -> list[str]:
    """``from m import _x`` and ``m._x`` (``m`` an imported module) across modules of ``root``."""
    modules, packages, found = _modules(root), _packages(root), []
    for name, tree in modules.items():
        imported = {}  # local name → module it stands for
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and node.module != "__future__":
                origin = _origin(name, name in packages, node)
                for alias in node.names:
                    if alias.name.startswith("_") and not alias.name.startswith("__"):
                        found.append(f"{name}:{node.lineno}: from {origin} import {alias.name}")
                    full = f"{origin}.{alias.name}"
                    if full in modules:
                        imported[alias.asname or alias.name] = full
            elif isinstance(node, ast.Import):
                for alias in node.names:
                    if alias.name in modules:
                        imported[alias.asname or alias.name] = alias.name
        for node in ast.walk(tree):
            if (isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) and node.value.id in imported
                    and node.attr.startswith("_") and not node.attr.startswith("__")):
                found.append(f"{name}:{node.lineno}: {node.value.id}.{node.attr}")
    return found


def import_cycles(root: Path) -> list[list[str]]:
    """Cycles between modules of ``root``, counting the imports written inside functions too.

    A package importing its own submodules (``__init__``) is not a cycle: Python runs the
    package first, and the submodule finds it half made, which is what packages are for."""
    modules, packages = _modules(root), _packages(root)
    edges: dict[str, set[str]] = {}
    for name, tree in modules.items():
        targets = set()
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and node.module != "__future__":
                origin = _origin(name, name in packages, node)
                for alias in node.names:
                    full = f"{origin}.{alias.name}"
                    targets.add(full if full in modules else origin)
            elif isinstance(node, ast.Import):
                targets.update(alias.name for alias in node.names)
        edges[name] = {t for t in targets if t in modules and t != name and not name.startswith(t + ".")}
    cycles = []
    for start in sorted(edges):
        for first in sorted(edges[start]):
            previous, queue = {first: None}, deque([first])
            while queue:
                here = queue.popleft()
                if here == start:
                    path = [here]
                    while previous[path[-1]] is not None:
                        path.append(previous[path[-1]])
                    cycle = [start, *reversed(path)]
                    if min(cycle[:-1]) == start:  # each cycle once, from its smallest module
                        cycles.append(cycle)
                    break
                for nxt in sorted(edges[here]):
                    if nxt not in previous:
                        previous[nxt] = here
                        queue.append(nxt)
    return cycles


def test_no_private_name_is_used_across_modules():
    found = private_imports(SRC)
    assert not found, ("Un module utilise un nom privé d'un autre (rendez-le public, avec une docstring, "
                       "ou gardez-le dans son module) :\n" + "\n".join(found))


def test_no_import_cycle_even_through_imports_inside_functions():
    cycles = import_cycles(SRC)
    assert not cycles, "Cycles d'import :\n" + "\n".join(" → ".join(c) for c in cycles)


def _write(root: Path, files: dict[str, str]) -> Path:
    for rel, text in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root


def test_the_checks_find_what_they_name(tmp_path):
    """Each check finds its defect in a small package, and leaves the allowed forms alone."""
    root = _write(tmp_path, {
        "pkg/__init__.py": "from .a import public\n",
        "pkg/a.py": "from . import b\n\ndef public():\n    return b._hidden + b.shown\n\ndef _own():\n    return _own\n",
        "pkg/b.py": "from .c import _secret\nfrom .c import shown as _alias\n\ndef later():\n    from .a import public\n    return public\n",
        "pkg/c.py": "_secret = 1\nshown = 2\n",
    })
    assert sorted(private_imports(root)) == ["pkg.a:4: b._hidden", "pkg.b:1: from pkg.c import _secret"]
    assert import_cycles(root) == [["pkg.a", "pkg.b", "pkg.a"]]
    (root / "pkg/b.py").write_text("from .c import shown\n", encoding="utf-8")
    assert import_cycles(root) == []
