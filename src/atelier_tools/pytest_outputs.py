"""The expected outputs of the notebooks' checked cells, for every way a notebook is tested.

Notebooks are stored without outputs, so a cell tagged ``nbval-check-output`` gets its
expected output from ``tests/notebook_outputs.yml`` (notebook path → cell id → text). This
module is a pytest plugin, loaded by ``pyproject.toml`` (``-p atelier_tools.pytest_outputs``):
``pytest modules/00-prise-en-main.ipynb`` alone holds the notebook to the same expectations as
a full run. ``tests/test_notebooks.py`` reads the same table to check the notebooks that the
book build executed.

A cell whose output depends on Debian's Littré (``stardict-xmlittre``, optional) has two
expectations, one per corpus: ``{avec-littre: …, sans-littre: …}``. Without the Littré the
second one holds, except in CI (``CI=true``), where the Littré is required.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

DEFAULT = Path("tests") / "notebook_outputs.yml"
WITH, WITHOUT = "avec-littre", "sans-littre"


def in_ci() -> bool:
    return os.environ.get("CI", "").lower() in ("1", "true", "yes")


def load_expected(path: Path) -> dict:
    import yaml

    return yaml.safe_load(path.read_text(encoding="utf-8")) or {}


def expected_text(table: dict, rel: str, cell_id: str) -> str:
    """The stdout a checked cell must print; a French ``LookupError`` when there is none
    (or when CI lacks the Littré that the expectation needs)."""
    text = table.get(rel, {}).get(cell_id)
    if text is None:
        raise LookupError(f"{rel}, cellule {cell_id} : étiquetée nbval-check-output mais sans sortie attendue "
                          f"dans tests/notebook_outputs.yml.")
    if isinstance(text, dict):
        from atelier_ia.corpus import littre_available

        if littre_available():
            return text[WITH]
        if in_ci():
            raise LookupError(f"{rel}, cellule {cell_id} : en intégration continue, le dictionnaire Littré de Debian "
                              f"est requis (sudo apt install stardict-xmlittre ; .ci/run l'installe).")
        return text[WITHOUT]
    return text


def stdout_of(outputs) -> tuple[str, list[str]]:
    """A cell's printed text, and the kinds of every other output it produced."""
    text, others = [], []
    for o in outputs:
        if o.get("output_type") == "stream" and o.get("name") == "stdout":
            text.append(o.get("text", ""))
        else:
            others.append(o.get("name") if o.get("output_type") == "stream" else o.get("output_type"))
    return "".join(text), others


def pytest_addoption(parser):
    parser.addoption("--sorties-attendues", default=None, metavar="FICHIER",
                     help="sorties attendues des cellules nbval-check-output (défaut : tests/notebook_outputs.yml)")


def table_path(config) -> Path:
    given = config.getoption("--sorties-attendues")
    return Path(given).resolve() if given else config.rootpath / DEFAULT


def pytest_collection_modifyitems(session, config, items):
    import nbformat

    table = None
    for item in items:
        cell = getattr(item, "cell", None)
        options = getattr(item, "options", None)
        if cell is not None and options is not None:
            item.add_marker(pytest.mark.notebooks)  # an nbval cell: make test-rapide leaves it out
        if cell is None or not options or not options.get("check"):
            continue
        if table is None:
            table = load_expected(table_path(config))
        rel = Path(str(item.fspath)).resolve().relative_to(config.rootpath).as_posix()
        try:
            text = expected_text(table, rel, cell.get("id"))
        except LookupError as error:
            raise pytest.UsageError(str(error)) from None
        cell.outputs = [nbformat.v4.new_output("stream", name="stdout", text=text)]
        cell.execution_count = 1  # nbval compares only cells that were "run"
