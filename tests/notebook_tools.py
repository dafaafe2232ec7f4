"""Helpers to read the course's notebooks in tests."""

from __future__ import annotations

import re
from pathlib import Path

import nbformat

ROOT = Path(__file__).resolve().parents[1]
SOLUTION = re.compile(r"^(`{3,})\{solution\}\s+(ex-[\d-]+)[^\n]*\n(.*?)^\1\s*$", re.S | re.M)
EXERCISE_LABEL = re.compile(r"\{exercise\}[^\n]*\n(?:\s*:[^\n]*\n)*?\s*:label:\s*(ex-[\d-]+)")
CODE = re.compile(r"```python\n(.*?)```", re.S)


def notebooks(folder: str) -> list[Path]:
    return sorted(p for p in (ROOT / folder).glob("*.ipynb"))


def read(path: Path):
    return nbformat.read(path, as_version=4)


def solutions(nb) -> dict[str, str]:
    """Exercise label → Python code of its solution (from ``{solution}`` directives)."""
    found = {}
    for cell in nb.cells:
        if cell.cell_type != "markdown":
            continue
        for _fence, label, body in SOLUTION.findall(cell.source):
            blocks = CODE.findall(body)
            if blocks:
                found[label] = blocks[0]
    return found


def exercise_labels(nb) -> list[str]:
    return [label for c in nb.cells if c.cell_type == "markdown" for label in EXERCISE_LABEL.findall(c.source)]


def tagged(nb, tag: str):
    return [c for c in nb.cells if tag in c.get("metadata", {}).get("tags", [])]


def run_cells(nb, replacements: dict[str, str], cwd: Path) -> dict:
    """Execute the code cells in one namespace; cells tagged with a key are replaced."""
    import os

    import matplotlib

    matplotlib.use("Agg")
    namespace: dict = {"__name__": "__main__"}
    old = os.getcwd()
    os.chdir(cwd)
    try:
        for cell in nb.cells:
            if cell.cell_type != "code":
                continue
            source = cell.source
            for tag in cell.get("metadata", {}).get("tags", []):
                if tag in replacements:
                    source = replacements[tag]
            source = "\n".join(ln for ln in source.splitlines() if not ln.lstrip().startswith(("%", "!")))
            exec(compile(source, f"<cell {cell.get('id')}>", "exec"), namespace)
    finally:
        os.chdir(old)
    return namespace
