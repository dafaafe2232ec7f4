"""Every notebook runs without error and its checked cells print what tests/notebook_outputs.yml says.

A full run (``make test``) executes each notebook once: the book build (the session fixture
``built_book``) runs every notebook of the table of contents and writes the executed copy to
``_build/jupyter_execute``; these tests read those copies. ``pytest modules/NN-….ipynb`` still
runs one notebook cell by cell with nbval, held to the same expectations by the plugin
``atelier_tools.pytest_outputs`` (the last tests below prove it).
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest
import yaml
from notebook_tools import ROOT, notebooks

from atelier_tools.notebooks import checked
from atelier_tools.pytest_outputs import WITH, WITHOUT, expected_text, load_expected, stdout_of

ALL = [p.relative_to(ROOT).as_posix() for p in notebooks("modules") + notebooks("exercises")]


def executed(built_book: Path, rel: str):
    """The notebook as the book build executed it, or (not in the table of contents) run now."""
    path = built_book.parent / "jupyter_execute" / rel
    if path.is_file():
        return nbformat.read(path, as_version=4)
    from nbclient import NotebookClient

    nb = nbformat.read(ROOT / rel, as_version=4)
    NotebookClient(nb, timeout=120, kernel_name="python3", resources={"metadata": {"path": str((ROOT / rel).parent)}}).execute()
    return nb


@pytest.mark.book
@pytest.mark.notebooks
@pytest.mark.parametrize("rel", ALL)
def test_notebook_runs_and_its_checked_cells_print_the_expected_output(built_book, rel):
    nb = executed(built_book, rel)
    table = load_expected(ROOT / "tests" / "notebook_outputs.yml")
    code = [c for c in nb.cells if c.cell_type == "code" and c.source.strip()]
    assert code and all(c.get("execution_count") for c in code), f"{rel} : des cellules n'ont pas été exécutées"
    errors = [o.get("ename") for c in code for o in c.outputs if o.get("output_type") == "error"]
    assert not errors, f"{rel} : erreurs {errors}"
    for cell in code:
        if not checked(cell):
            continue
        text, others = stdout_of(cell.outputs)
        assert not others, f"{rel}, cellule {cell.id} : sorties inattendues {others} (seul le texte imprimé est attendu)"
        assert text == expected_text(table, rel, cell.id), f"{rel}, cellule {cell.id} : sortie différente de l'attendue"


def _run_alone(rel: str, table: dict, tmp_path: Path, **env) -> subprocess.CompletedProcess:
    """``pytest <notebook>`` in a subprocess, as a contributor types it, with ``table`` as the
    expected outputs; ``-x`` stops at the first failing cell."""
    wrong = tmp_path / "sorties.yml"
    wrong.write_text(yaml.safe_dump(table, allow_unicode=True), encoding="utf-8")
    return subprocess.run([sys.executable, "-m", "pytest", rel, "-x", "-q", "-p", "no:randomly", "--sorties-attendues", str(wrong)],
                          cwd=ROOT, env=dict(os.environ, **env), capture_output=True, text=True, timeout=600)


@pytest.mark.notebooks
def test_a_wrong_expected_output_fails_when_the_notebook_runs_alone(tmp_path):
    table = load_expected(ROOT / "tests" / "notebook_outputs.yml")
    rel = "modules/00-prise-en-main.ipynb"
    cell_id = next(iter(table[rel]))
    table[rel][cell_id] = "une sortie qu'aucune cellule n'imprime\n"
    proc = _run_alone(rel, table, tmp_path)
    assert proc.returncode == 1, proc.stdout[-3000:] + proc.stderr[-2000:]
    assert "1 failed" in proc.stdout and "une sortie qu'aucune cellule n'imprime" in proc.stdout, proc.stdout[-3000:]


@pytest.mark.notebooks
def test_a_checked_cell_without_expectation_stops_a_notebook_run_alone(tmp_path):
    table = load_expected(ROOT / "tests" / "notebook_outputs.yml")
    rel = "modules/00-prise-en-main.ipynb"
    table[rel] = {}
    proc = _run_alone(rel, table, tmp_path)
    assert proc.returncode == 4 and "sans sortie attendue" in proc.stdout + proc.stderr, proc.stdout[-2000:] + proc.stderr[-2000:]


def _littre_table():
    return {"m.ipynb": {"c": {WITH: "avec\n", WITHOUT: "sans\n"}}, "n.ipynb": {"d": "toujours\n"}}


def test_without_the_littre_the_other_expectation_holds_outside_ci(monkeypatch, tmp_path):
    from atelier_ia import corpus

    monkeypatch.setattr(corpus, "LITTRE_FILE", tmp_path / "absent.dict.dz")
    monkeypatch.delenv("CI", raising=False)
    assert expected_text(_littre_table(), "m.ipynb", "c") == "sans\n"
    assert expected_text(_littre_table(), "n.ipynb", "d") == "toujours\n"


def test_in_ci_an_expectation_that_needs_the_littre_fails_without_it(monkeypatch, tmp_path):
    from atelier_ia import corpus

    monkeypatch.setattr(corpus, "LITTRE_FILE", tmp_path / "absent.dict.dz")
    monkeypatch.setenv("CI", "true")
    with pytest.raises(LookupError, match="en intégration continue, le dictionnaire Littré de Debian est requis"):
        expected_text(_littre_table(), "m.ipynb", "c")
    assert expected_text(_littre_table(), "n.ipynb", "d") == "toujours\n"


def test_with_the_littre_its_expectation_holds(monkeypatch, tmp_path):
    from atelier_ia import corpus

    present = tmp_path / "XMLittre.dict.dz"
    present.write_bytes(b"")
    monkeypatch.setattr(corpus, "LITTRE_FILE", present)
    monkeypatch.setenv("CI", "true")
    assert expected_text(_littre_table(), "m.ipynb", "c") == "avec\n"


def test_every_expectation_that_depends_on_the_littre_has_both_texts():
    for rel, cells in load_expected(ROOT / "tests" / "notebook_outputs.yml").items():
        for cell_id, text in cells.items():
            assert isinstance(text, str) or (isinstance(text, dict) and set(text) == {WITH, WITHOUT}), f"{rel}, {cell_id}"


@pytest.mark.notebooks
def test_in_ci_a_notebook_run_alone_refuses_to_start_without_the_littre(tmp_path):
    """The whole command fails before any cell runs, with the reason in French."""
    table = load_expected(ROOT / "tests" / "notebook_outputs.yml")
    rel = next(r for r, cells in table.items() if any(isinstance(t, dict) for t in cells.values()))
    proc = _run_alone(rel, table, tmp_path, CI="true", ATELIER_IA_LITTRE=str(tmp_path / "absent.dict.dz"))
    assert proc.returncode == 4, proc.stdout[-2000:] + proc.stderr[-2000:]
    assert "le dictionnaire Littré de Debian est requis" in proc.stdout + proc.stderr
