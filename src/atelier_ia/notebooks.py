"""Notebook hygiene: the course stores notebooks without outputs.

``python -m atelier_ia.notebooks strip modules exercises`` removes outputs, execution
counts and widget state; ``check`` lists the notebooks that still carry some.
"""

from __future__ import annotations

import sys
from pathlib import Path

from .errors import AtelierError


def _paths(targets):
    for target in targets:
        p = Path(target)
        if p.is_dir():
            yield from sorted(q for q in p.rglob("*.ipynb") if ".ipynb_checkpoints" not in q.parts)
        elif p.suffix == ".ipynb" and p.is_file():
            yield p
        else:
            raise AtelierError(f"« {target} » n'est ni un dossier ni un notebook .ipynb existant.")


def dirty_cells(nb) -> list[int]:
    """Indices of code cells that carry outputs or an execution count."""
    return [i for i, c in enumerate(nb.cells) if c.cell_type == "code" and (c.get("outputs") or c.get("execution_count") is not None)]


def strip(path: Path) -> bool:
    """Remove outputs, execution counts and widget state; return True if the file changed."""
    import nbformat

    nb = nbformat.read(path, as_version=4)
    changed = bool(dirty_cells(nb)) or "widgets" in nb.metadata
    for c in nb.cells:
        if c.cell_type == "code":
            c.outputs, c.execution_count = [], None
    nb.metadata.pop("widgets", None)
    if changed:
        nbformat.write(nb, path)
    return changed


def main(argv=None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if not argv or argv[0] not in {"strip", "check"}:
        print("Usage : python -m atelier_ia.notebooks strip|check DOSSIER_OU_NOTEBOOK…", file=sys.stderr)
        return 2
    import nbformat

    action, targets = argv[0], argv[1:] or ["modules", "exercises"]
    bad = 0
    for path in _paths(targets):
        if action == "strip":
            if strip(path):
                print(f"sorties retirées : {path}")
        elif dirty_cells(nbformat.read(path, as_version=4)):
            print(f"sorties présentes : {path}")
            bad += 1
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
