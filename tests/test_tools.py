"""Project tools: notebook stripping, the book extension's generated pages, the benchmark."""

from __future__ import annotations

import sys
from pathlib import Path

import nbformat
import pytest

from atelier_ia import AtelierError
from atelier_ia.bench import run_measured
from atelier_ia.book import generate, translate_html
from atelier_ia.notebooks import dirty_cells, main, strip


def test_strip_removes_outputs_and_widget_state(tmp_path):
    nb = nbformat.v4.new_notebook()
    cell = nbformat.v4.new_code_cell("print(1)")
    cell.outputs = [nbformat.v4.new_output("stream", text="1\n")]
    cell.execution_count = 3
    nb.cells = [nbformat.v4.new_markdown_cell("# T"), cell]
    nb.metadata["widgets"] = {"state": {}}
    path = tmp_path / "n.ipynb"
    nbformat.write(nb, path)
    assert main(["check", str(path)]) == 1
    assert strip(path) is True
    clean = nbformat.read(path, as_version=4)
    assert dirty_cells(clean) == [] and "widgets" not in clean.metadata
    assert clean.cells[1].source == "print(1)"  # the code itself is kept
    assert strip(path) is False
    assert main(["check", str(path)]) == 0


def test_strip_rejects_unknown_target(tmp_path):
    with pytest.raises(AtelierError, match="ni un dossier ni un notebook"):
        strip_target = tmp_path / "absent"
        main(["strip", str(strip_target)])


def test_generated_pages(tmp_path):
    files = generate(tmp_path)
    assert (tmp_path / "_generated" / "carte.md").read_text(encoding="utf-8") == files["carte.md"]
    assert "Prise en main" in files["tableau-modules.md"]
    assert "Réponse" in files["corriges.md"]


def test_translate_html():
    assert translate_html('<button title="Toggle primary sidebar">Launch on Binder</button>') == (
        '<button title="Afficher ou masquer le menu">Lancer dans Binder</button>'
    )


def test_run_measured_reports_time_and_memory(tmp_path):
    wall, peak, code = run_measured([sys.executable, "-c", "x = bytearray(60 * 2**20); import time; time.sleep(0.3)"], tmp_path)
    assert code == 0 and wall >= 0.3 and peak >= 60

