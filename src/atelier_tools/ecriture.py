"""Put the writing prompts' cells in the notebooks, from ``data/ecriture/<module-id>.yml``.

For each entry of a module's file, the prompt cell (``cellule``) gets the tag ``ecriture`` and
is followed by a code cell tagged ``remove-input`` that calls
:func:`atelier_ia.writing.show_model`. The script is idempotent and changes nothing else in
the notebook (it reads and writes the JSON as stored, one-space indent, so a merge stays
clean)::

    python -m atelier_tools.ecriture            # every module that has a file
    python -m atelier_tools.ecriture --check    # exit 1 and say what is missing, change nothing
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from atelier_ia.errors import AtelierError
from atelier_ia.paths import repo_root
from atelier_ia.writing import TAG, load_prompts

HIDE = "remove-input"


def cell_id(prompt_id: str) -> str:
    return f"ecriture-{prompt_id}"


def cell_source(prompt_id: str) -> list[str]:
    return ["from atelier_ia.writing import check_writing, show_model  # check_writing : pour vérifier votre texte\n", "\n", f'show_model("{prompt_id}")']


def _show_cell(prompt_id: str) -> dict:
    return {
        "cell_type": "code",
        "execution_count": None,
        "id": cell_id(prompt_id),
        "metadata": {"tags": [HIDE]},
        "outputs": [],
        "source": cell_source(prompt_id),
    }


def plan(nb: dict, module_id: str) -> list[str]:
    """Apply the module's entries to a notebook (a parsed JSON dict); return what changed."""
    changes = []
    cells = nb["cells"]
    for prompt in load_prompts(module_id):
        index = next((i for i, c in enumerate(cells) if c.get("id") == prompt.cell), None)
        if index is None:
            raise AtelierError(
                f"data/ecriture/{module_id}.yml, consigne « {prompt.id} » : le notebook n'a pas de "
                f"cellule d'identifiant « {prompt.cell} ». Corrigez « cellule »."
            )
        cell = cells[index]
        tags = cell.setdefault("metadata", {}).setdefault("tags", [])
        if TAG not in tags:
            tags.append(TAG)
            changes.append(f"étiquette « {TAG} » ajoutée à la cellule {prompt.cell}")
        wanted = cell_id(prompt.id)
        existing = next((i for i, c in enumerate(cells) if c.get("id") == wanted), None)
        if existing is not None and existing != index + 1:
            cells.pop(existing)
            changes.append(f"cellule {wanted} déplacée")
            index = next(i for i, c in enumerate(cells) if c.get("id") == prompt.cell)
            existing = None
        if existing is None:
            cells.insert(index + 1, _show_cell(prompt.id))
            changes.append(f"cellule {wanted} ajoutée après {prompt.cell}")
    return changes


def apply(path: Path, module_id: str, write: bool = True) -> list[str]:
    raw = path.read_text(encoding="utf-8")
    nb = json.loads(raw)
    changes = plan(nb, module_id)
    if changes and write:
        path.write_text(json.dumps(nb, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    return changes


def main(argv: list[str]) -> int:
    check = "--check" in argv
    root = repo_root()
    missing = 0
    for data in sorted((root / "data" / "ecriture").glob("*.yml")):
        notebook = root / "modules" / f"{data.stem}.ipynb"
        changes = apply(notebook, data.stem, write=not check)
        for change in changes:
            print(f"{notebook.relative_to(root)} : {change}")
        missing += len(changes)
    if check and missing:
        print("Lancez « python -m atelier_tools.ecriture » pour les ajouter.")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
