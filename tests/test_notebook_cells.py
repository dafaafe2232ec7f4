"""Notebooks a reader can follow, read without executing them (issue 25, point 7).

A code cell the book shows must not rely on a name (variable, function, import) defined only in
cells whose code the book hides: ``remove-input`` and ``remove-cell`` take the code out of the
page, ``hide-input`` and ``hide-cell`` fold it behind « Montrer le code ». A reader who meets
``jeu.guess(pastiche)`` must have seen where ``jeu`` and ``pastiche`` come from, or find the
import in the cell itself. The analysis is static (``ast``): for each code cell, the names it
binds (assignment, ``for``, ``with``, ``import``, ``def``, ``class``, arguments, comprehension
variables) and the names it reads.
"""

from __future__ import annotations

import ast
import builtins

import nbformat
import pytest
from IPython.core.inputtransformer2 import TransformerManager
from notebook_tools import ROOT, notebooks, read

#: The tags that hide a cell's code from the book's reader (see _config.yml and CONTRIBUTING.md).
HIDDEN = {"remove-input", "remove-cell", "hide-input", "hide-cell"}
#: Names every cell may read: Python's builtins and what IPython puts in the namespace.
GIVEN = set(dir(builtins)) | {"display", "get_ipython", "In", "Out", "exit", "quit"}
NOTEBOOKS = notebooks("modules") + notebooks("exercises")


_SCOPES = (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda, ast.ClassDef,
           ast.ListComp, ast.SetComp, ast.DictComp, ast.GeneratorExp)


def _binds(node) -> set[str]:
    """The names one node binds in the scope where it stands."""
    if isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store):
        return {node.id}
    if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
        return {node.name}
    if isinstance(node, (ast.Import, ast.ImportFrom)):
        return {(alias.asname or alias.name).split(".")[0] for alias in node.names}
    if isinstance(node, ast.arg):
        return {node.arg}
    if isinstance(node, ast.ExceptHandler) and node.name:
        return {node.name}
    return set()


def _top_level(node):
    """The nodes of the cell's own scope: not inside a function, a class or a comprehension."""
    for child in ast.iter_child_nodes(node):
        yield child
        if not isinstance(child, _SCOPES):
            yield from _top_level(child)


def bound_and_read(source: str) -> tuple[set[str], set[str], list[str]]:
    """What a cell defines for the next cells, every name it binds anywhere, and the names it reads."""
    tree = ast.parse(TransformerManager().transform_cell(source))  # « %matplotlib inline » becomes Python
    defines = set().union(*(_binds(n) for n in _top_level(tree)))
    bound = set().union(*(_binds(n) for n in ast.walk(tree)))
    used = [n.id for n in ast.walk(tree) if isinstance(n, ast.Name) and isinstance(n.ctx, ast.Load)]
    return defines, bound, list(dict.fromkeys(used))


def hidden_only_names(nb) -> list[str]:
    """« cell: name (defined in hidden cell …) » for each visible cell reading a name only hidden cells define."""
    shown: set[str] = set()
    hidden: dict[str, str] = {}  # name → first hidden cell that defines it
    found = []
    for number, cell in enumerate(nb.cells):
        if cell.cell_type != "code":
            continue
        defines, bound, used = bound_and_read(cell.source)
        tags = set(cell.get("metadata", {}).get("tags", []))
        where = cell.get("id") or f"n° {number}"
        if tags & HIDDEN:
            for name in defines - shown:
                hidden.setdefault(name, f"{cell.get('id')} ({', '.join(sorted(tags & HIDDEN))})")
            continue
        for name in used:
            if name in hidden and name not in bound and name not in shown and name not in GIVEN:
                found.append(f"cellule « {where} » : « {name} » n'est défini que dans la cellule masquée {hidden[name]}")
        shown |= defines
    return found


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_visible_cells_use_no_name_defined_only_in_a_hidden_cell(path):
    found = hidden_only_names(read(path))
    assert not found, (
        f"{path.relative_to(ROOT)} : une cellule visible utilise un nom que le livre ne montre pas. Montrez la "
        "cellule qui le définit (si elle est courte et vaut d'être lue), déplacez la définition dans la cellule "
        "visible ou importez le nom depuis atelier_ia dans cette cellule :\n" + "\n".join(found))


def _notebook(*cells):
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_code_cell(source, metadata={"tags": tags} if tags else {}, id=f"c{i}")
                for i, (source, tags) in enumerate(cells)]
    return nb


def test_the_analysis_finds_a_hidden_definition_and_accepts_a_visible_one():
    """The check above can fail: a folded import, a removed variable; a re-import or a local name passes."""
    nb = _notebook(
        ("%matplotlib inline\nimport pandas as pd\nfrom atelier_ia.aiact import assess\nrecos = 3", ["hide-input"]),
        ("secret = 1", ["remove-input"]),
        ("print(recos, secret)", []),                                  # two names seen nowhere
        ("from atelier_ia.aiact import assess\nassess('x')", []),        # imported again: fine
        ("def f(pd):\n    return [secret for secret in pd]\nprint(len(f([])))", []),  # local names
        ("pd.DataFrame()", []),
    )
    assert hidden_only_names(nb) == [
        "cellule « c2 » : « recos » n'est défini que dans la cellule masquée c0 (hide-input)",
        "cellule « c2 » : « secret » n'est défini que dans la cellule masquée c1 (remove-input)",
        "cellule « c5 » : « pd » n'est défini que dans la cellule masquée c0 (hide-input)",
    ]


# --------------------------------------------------------------------------- no demo parses the library's prose

#: The ways a cell could cut a text at one of its words.
_CUTS = {"split", "rsplit", "partition", "rpartition", "index", "rindex", "find", "rfind"}


def library_line_starts() -> set[str]:
    """Every line start the library writes: the first line of each string literal of atelier_ia, and
    each line after a line break in it (« Limites : », « Ce qui décide : »…)."""
    starts = set()
    for path in (ROOT / "src" / "atelier_ia").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                starts |= {line.strip() for line in node.value.split("\n") if line.strip()}
    return starts


def _is_heading(literal: str, starts: set[str]) -> bool:
    """A French heading of the library's output: a capitalised word or more that begins one of its lines."""
    word = literal.strip(" :\n\u00a0")
    return len(word) >= 4 and word[0].isupper() and any(line.startswith(word) for line in starts)


def prose_cuts(source: str, starts: set[str]) -> list[str]:
    """The calls of a cell that cut a text at a heading the library writes, as « .split("Limites") »."""
    found = []
    for node in ast.walk(ast.parse(TransformerManager().transform_cell(source))):
        if (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr in _CUTS
                and node.args and isinstance(node.args[0], ast.Constant) and isinstance(node.args[0].value, str)
                and _is_heading(node.args[0].value, starts)):
            found.append(f".{node.func.attr}({node.args[0].value!r})")
    return found


@pytest.fixture(scope="module")
def starts():
    return library_line_starts()


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_no_demo_cuts_the_library_prose_at_a_heading(path, starts):
    """Rewording a sentence of atelier_ia must not break a demo: a cell reads the structured field
    (``verdict``, ``explain(limits=False)``, ``headline``…), never a piece of the French text."""
    found = [f"cellule « {cell.get('id')} » : {cut}" for cell in read(path).cells if cell.cell_type == "code"
             for cut in prose_cuts(cell.source, starts)]
    assert not found, (f"{path.relative_to(ROOT)} découpe le texte français de la bibliothèque ; lisez plutôt le "
                       "champ qu'elle donne (ajoutez-en un à atelier_ia s'il manque) :\n" + "\n".join(found))


def test_the_prose_check_finds_a_cut_at_limites_and_spares_other_splits(starts):
    assert any(line.startswith("Limites") for line in starts)  # the heading of PublicDomainResult.explain
    assert prose_cuts('print(bolero.explain().split("Limites")[0])', starts) == [".split('Limites')"]
    assert prose_cuts('tete, _, reste = r.explain().partition("Ce qui décide :")', starts) == [".partition('Ce qui décide :')"]
    assert prose_cuts('m, e = f"{x:.1e}".split("e")\nmots = texte.split()\nlignes = t.split("\\n\\n")', starts) == []
