"""Notebook hygiene: the course stores notebooks without outputs.

``python -m atelier_tools.notebooks strip modules exercises`` removes outputs, execution
counts and widget state; ``check`` lists the notebooks that still carry some.
"""

from __future__ import annotations

import sys
from pathlib import Path

from atelier_ia.errors import AtelierError


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


def checked(cell) -> bool:
    """Whether nbval compares this cell's output (tag ``nbval-check-output``; the comment
    ``# NBVAL_CHECK_OUTPUT`` is refused by a content test because learners would read it)."""
    return cell.cell_type == "code" and (
        "nbval-check-output" in cell.get("metadata", {}).get("tags", []) or "# NBVAL_CHECK_OUTPUT" in cell.source
    )


def _run_checked(path: Path, env: dict | None = None) -> dict[str, str]:
    import nbformat
    from nbclient import NotebookClient

    nb = nbformat.read(path, as_version=4)
    client = NotebookClient(nb, timeout=300, kernel_name="python3", resources={"metadata": {"path": str(path.parent)}})
    client.execute(**({"env": env} if env is not None else {}))
    found = {}
    for cell in nb.cells:
        if checked(cell):
            found[cell.id] = "".join(o.get("text", "") for o in cell.outputs if o.get("output_type") == "stream")
    return found


def expected_outputs(path: Path) -> dict[str, str | dict[str, str]]:
    """Execute a notebook; return cell id → stdout text of the cells tagged ``nbval-check-output``.

    A notebook that reads the Littré (``atelier_ia.corpus``) is run a second time as if the
    Littré were absent; a cell whose output differs then gets both texts,
    ``{avec-littre: …, sans-littre: …}`` (see :mod:`atelier_tools.pytest_outputs`).
    Used to (re)write ``tests/notebook_outputs.yml`` after a deliberate change: read the
    diff before committing it, since it is what the tests will hold the notebook to.
    """
    import os

    from atelier_ia.corpus import littre_available
    from atelier_tools.pytest_outputs import WITH, WITHOUT

    found: dict[str, str | dict[str, str]] = dict(_run_checked(path))
    if found and "atelier_ia.corpus" in path.read_text(encoding="utf-8"):
        if not littre_available():
            raise AtelierError("Ce notebook lit le Littré : installez-le (sudo apt install stardict-xmlittre) "
                               "pour écrire les sorties attendues avec et sans lui.")
        env = dict(os.environ, ATELIER_IA_LITTRE=str(path.parent / "littre-absent.dict.dz"))
        for cid, text in _run_checked(path, env).items():
            if text != found[cid]:
                found[cid] = {WITH: found[cid], WITHOUT: text}
    return found


def main(argv=None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if not argv or argv[0] not in {"strip", "check", "expected"}:
        print("Usage : python -m atelier_tools.notebooks strip|check|expected DOSSIER_OU_NOTEBOOK…", file=sys.stderr)
        return 2
    import nbformat

    if argv[0] == "expected":
        import yaml

        from atelier_ia.paths import repo_root

        root = repo_root()
        target = root / "tests" / "notebook_outputs.yml"
        # Only the notebooks named are re-executed; the others keep their expectations.
        table = (yaml.safe_load(target.read_text(encoding="utf-8")) or {}) if target.exists() else {}
        for path in _paths(argv[1:] or [root / "modules", root / "exercises"]):
            found = expected_outputs(path.resolve())
            rel = path.resolve().relative_to(root).as_posix()
            if found:
                table[rel] = found
            else:
                table.pop(rel, None)
        header = "# Sorties attendues des cellules étiquetées « nbval-check-output » (les notebooks sont\n# enregistrés sans sorties). Régénérer : python -m atelier_tools.notebooks expected\n"
        target.write_text(header + yaml.safe_dump(table, allow_unicode=True, sort_keys=True, width=200), encoding="utf-8")
        print(f"écrit : {target}")
        return 0

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
