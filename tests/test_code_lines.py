"""No line of code a reader sees runs off its box (issue 23, point 2).

At 1280 px the book's code box holds about 78 characters of its monospaced font; a longer line
is cut or needs a horizontal scroll, and a reader who does not program loses its end — often
the comment that explains it. Every line of a code cell the book shows (not folded or removed
by ``hide-input``, ``remove-input``, ``hide-cell`` or ``remove-cell``) in the modules and the
exercise notebooks keeps to PEP 8's 79 characters: a trailing comment goes on its own line
above the code, a long call is broken after its opening parenthesis. This is the one place
where that width is written.
"""

from __future__ import annotations

import pytest
from notebook_tools import ROOT, notebooks, read

#: PEP 8's limit, and what the code box shows at 1280 px without scrolling.
MAX_CHARS = 79
#: The tags that fold or remove a cell's code in the book (see _config.yml and CONTRIBUTING.md).
FOLDED = {"hide-input", "remove-input", "hide-cell", "remove-cell"}
NOTEBOOKS = notebooks("modules") + notebooks("exercises")


def long_lines(nb, limit: int = MAX_CHARS) -> list[str]:
    """« cell id, line n: length: text » for each too long line of a code cell the book shows."""
    found = []
    for cell in nb.cells:
        if cell.cell_type != "code" or FOLDED & set(cell.get("metadata", {}).get("tags", [])):
            continue
        for number, line in enumerate(cell.source.split("\n"), start=1):
            if len(line) > limit:
                found.append(f"cellule {cell.get('id')}, ligne {number} ({len(line)} caractères) : {line}")
    return found


def test_the_check_finds_a_long_line_in_a_shown_cell_only():
    import nbformat

    long = "x = 1  # " + "é" * (MAX_CHARS - 8)
    nb = nbformat.v4.new_notebook(cells=[
        nbformat.v4.new_code_cell("y = 2\n" + long, id="montree"),
        nbformat.v4.new_code_cell(long, id="repliee", metadata={"tags": ["hide-input"]}),
        nbformat.v4.new_markdown_cell(long, id="texte"),
        nbformat.v4.new_code_cell("z = 3  # " + "é" * (MAX_CHARS - 9), id="juste"),
    ])
    assert long_lines(nb) == [f"cellule montree, ligne 2 ({MAX_CHARS + 1} caractères) : {long}"]


def test_both_folders_are_checked():
    assert {p.parent.name for p in NOTEBOOKS} == {"modules", "exercises"}


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.relative_to(ROOT).as_posix())
def test_every_shown_code_line_fits_the_code_box(path):
    found = long_lines(read(path))
    assert not found, (
        f"{path.relative_to(ROOT).as_posix()} : {len(found)} ligne(s) de code visible de plus de "
        f"{MAX_CHARS} caractères (commentaire sur sa propre ligne au-dessus, appel coupé après "
        "la parenthèse ouvrante) :\n" + "\n".join(found))
