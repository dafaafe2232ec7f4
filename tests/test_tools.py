"""Project tools: notebook stripping, the book extension's generated pages, the benchmark."""

from __future__ import annotations

import sys
from pathlib import Path

import nbformat
import pytest

from atelier_ia import AtelierError
from atelier_tools.bench import run_measured
from atelier_tools.book import generate
from atelier_tools.french_ui import translate
from atelier_tools.notebooks import dirty_cells, main, strip


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
    assert translate('<button title="Toggle primary sidebar">Launch on Binder</button>') == (
        '<button title="Afficher ou masquer le menu">Lancer dans Binder</button>'
    )


def test_french_ui_finds_english_outside_scripts():
    from atelier_tools.french_ui import english_leftovers

    assert english_leftovers("<p>Launch Binder</p><script>var s = 'Correct!';</script>") == ["Launch Binder"]
    assert english_leftovers(translate("<p>Launch Binder</p>")) == []


def test_privacy_flags_third_party_resources_not_links():
    from atelier_tools.privacy import clean, third_party_resources, widget_leftovers

    page = ('<a href="https://mybinder.org/">lien</a><script src="https://cdn.example/x.js"></script>'
            '<img src="_static/a.png"><link href="//fonts.example/f.css" rel="stylesheet">')
    assert third_party_resources(page) == ["https://cdn.example/x.js", "//fonts.example/f.css"]
    state = '<script type="application/vnd.jupyter.widget-state+json">{}</script>'
    assert widget_leftovers(state) and not widget_leftovers(clean(state))


def test_run_measured_reports_time_and_memory(tmp_path):
    wall, peak, code = run_measured([sys.executable, "-c", "x = bytearray(60 * 2**20); import time; time.sleep(0.3)"], tmp_path)
    assert code == 0 and wall >= 0.3 and peak >= 60



def test_link_check_finds_a_missing_page_and_a_missing_anchor(tmp_path):
    from atelier_tools.links import broken_internal_links

    (tmp_path / "a.html").write_text('<h1 id="haut">A</h1><a href="b.html#ici">b</a><a href="c.html">c</a>'
                                     '<a href="#haut">haut</a><a href="https://exemple.org/x">dehors</a>', encoding="utf-8")
    (tmp_path / "b.html").write_text('<p id="ailleurs">B</p>', encoding="utf-8")
    broken = broken_internal_links([tmp_path / "a.html", tmp_path / "b.html"], tmp_path)
    assert broken == ["a.html → b.html#ici", "a.html → c.html"]


def test_every_notebook_is_read_again_at_each_build():
    """An incremental ``make book`` must not keep a module page whose outputs the library
    would now write differently (e.g. an updated quiz script): every notebook is outdated."""
    from types import SimpleNamespace

    from atelier_tools.book import notebooks_to_reread

    env = SimpleNamespace(found_docs={"intro", "modules/00-prise-en-main", "exercises/00-prise-en-main-exercices",
                                      "annexes/glossaire"},
                          doc2path=lambda d: Path("/livre") / (d + (".md" if d in ("intro", "annexes/glossaire") else ".ipynb")))
    assert notebooks_to_reread(None, env, set(), set(), set()) == [
        "exercises/00-prise-en-main-exercices", "modules/00-prise-en-main"]
    assert notebooks_to_reread(None, env, set(), {"modules/00-prise-en-main"}, set()) == ["exercises/00-prise-en-main-exercices"]
