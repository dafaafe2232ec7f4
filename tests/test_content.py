"""Content tests: table of contents, notebook hygiene, module template, data manifest."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from conftest import load_expected
from notebook_tools import ROOT, notebooks, read

from atelier_ia.course import load_catalogue
from atelier_ia.quiz import load_quiz
from atelier_tools.notebooks import checked

CATALOGUE = load_catalogue()
ALL_NOTEBOOKS = notebooks("modules") + notebooks("exercises")
TEMPLATE = ["Objectifs", "Durée", "Prérequis", "À retenir", "Quiz", "Pour aller plus loin"]


def toc_files() -> list[str]:
    toc = yaml.safe_load((ROOT / "_toc.yml").read_text(encoding="utf-8"))
    files = [toc["root"]]

    def walk(node):
        if isinstance(node, dict):
            if "file" in node:
                files.append(node["file"])
            for v in node.values():
                walk(v)
        elif isinstance(node, list):
            for v in node:
                walk(v)

    walk(toc.get("parts", []))
    return files


def resolve(entry: str) -> Path | None:
    for suffix in (".md", ".ipynb"):
        if (ROOT / (entry + suffix)).is_file():
            return ROOT / (entry + suffix)
    return None


def test_every_toc_entry_exists():
    missing = [f for f in toc_files() if resolve(f) is None]
    assert not missing, f"fichiers du sommaire introuvables : {missing}"


def test_every_page_is_in_the_toc():
    listed = {resolve(f) for f in toc_files()}
    pages = set(ALL_NOTEBOOKS) | set((ROOT / "annexes").glob("*.md"))
    orphans = sorted(str(p.relative_to(ROOT)) for p in pages - listed)
    assert not orphans, f"pages absentes de _toc.yml : {orphans}"


def test_catalogue_matches_files():
    listed = set(toc_files())
    for m in CATALOGUE.modules:
        nb, ex = ROOT / m.notebook, ROOT / m.exercises
        if m.available:
            assert nb.is_file() and ex.is_file(), f"{m.id} est « disponible » : notebook et exercices attendus"
            assert m.notebook.removesuffix(".ipynb") in listed and m.exercises.removesuffix(".ipynb") in listed
            assert (ROOT / m.quiz).is_file(), f"{m.id} : quiz {m.quiz} attendu"
        else:
            assert not nb.exists(), f"{m.id} a un notebook : passez son statut à « disponible »"
    ids = {m.id for m in CATALOGUE.modules}
    for nb in notebooks("modules"):
        assert nb.stem in ids, f"{nb.name} n'est pas dans data/course/modules.yml"


@pytest.mark.parametrize("path", ALL_NOTEBOOKS, ids=lambda p: p.name)
def test_notebook_stored_without_outputs(path):
    nb = read(path)
    for cell in nb.cells:
        if cell.cell_type == "code":
            assert cell.outputs == [], f"{path.name}, cellule {cell.id} : sorties enregistrées (make clean-notebooks)"
            assert cell.execution_count is None, f"{path.name}, cellule {cell.id} : compteur d'exécution enregistré"
    assert "widgets" not in nb.metadata
    assert nb.metadata.get("kernelspec", {}).get("name") == "python3"
    assert all(c.get("id") for c in nb.cells), "chaque cellule doit avoir un identifiant (nbformat 4.5)"


def headings(nb, level: int) -> list[str]:
    marker = "#" * level + " "
    out = []
    for cell in nb.cells:
        if cell.cell_type == "markdown":
            in_fence = False
            for line in cell.source.splitlines():
                if line.startswith("```"):
                    in_fence = not in_fence
                elif not in_fence and line.startswith(marker):
                    out.append(line[len(marker):].strip())
    return out


@pytest.mark.parametrize("path", notebooks("modules"), ids=lambda p: p.name)
def test_module_follows_the_template(path):
    nb = read(path)
    first = nb.cells[0]
    assert first.cell_type == "markdown" and first.source.startswith("# "), "le notebook commence par son titre"
    assert first.source.splitlines()[0][2:].strip() == CATALOGUE.module(path.stem).title
    h2 = headings(nb, 2)
    positions = []
    for section in TEMPLATE:
        assert section in h2, f"{path.name} : section « ## {section} » manquante"
        positions.append(h2.index(section))
    assert positions == sorted(positions), f"{path.name} : sections du modèle dans le désordre"
    body = h2[h2.index("Prérequis") + 1 : h2.index("À retenir")]
    assert len(body) >= 2, "le corps du module compte au moins deux sections"
    quiz_cells = [c for c in nb.cells if c.cell_type == "code" and f'show_quiz("{path.stem}")' in c.source]
    assert quiz_cells and "remove-input" in quiz_cells[0].metadata.get("tags", []), "une cellule de quiz, code masqué"


@pytest.mark.parametrize("path", notebooks("modules"), ids=lambda p: p.name)
def test_module_states_its_duration_from_the_catalogue(path):
    nb = read(path)
    module = CATALOGUE.module(path.stem)
    text = "\n".join(c.source for c in nb.cells if c.cell_type == "markdown")
    section = text.split("## Durée", 1)[1].split("\n## ", 1)[0]
    assert str(module.teaching_minutes) in section and str(module.exercise_minutes) in section


def test_every_data_file_is_in_the_manifest():
    manifest = yaml.safe_load((ROOT / "data" / "MANIFEST.yml").read_text(encoding="utf-8"))["fichiers"]
    on_disk = {p.relative_to(ROOT / "data").as_posix() for p in (ROOT / "data").rglob("*") if p.is_file()}
    assert not on_disk - set(manifest), f"fichiers absents de data/MANIFEST.yml : {sorted(on_disk - set(manifest))}"
    assert not set(manifest) - on_disk, f"fichiers listés mais absents : {sorted(set(manifest) - on_disk)}"
    for name, entry in manifest.items():
        for key in ("origine", "fabrication", "licence"):
            assert isinstance(entry.get(key), str) and entry[key].strip(), f"{name} : « {key} » manquant"


def test_checked_notebook_outputs_have_expectations():
    expected = load_expected()
    marked = {}
    for path in ALL_NOTEBOOKS:
        rel = path.relative_to(ROOT).as_posix()
        for cell in read(path).cells:
            if checked(cell):
                marked.setdefault(rel, set()).add(cell.id)
    assert marked, "au moins une sortie déterministe vérifiée par nbval"
    for rel, ids in marked.items():
        assert set(expected.get(rel, {})) == ids, f"{rel} : attentes de tests/notebook_outputs.yml ≠ cellules marquées"
    assert set(expected) <= set(marked)


def test_no_test_plumbing_in_what_learners_read():
    """nbval's markers live in cell tags: a comment like ``# NBVAL_CHECK_OUTPUT`` would show in
    the book, in JupyterLab and in Binder."""
    found = [f"{p.relative_to(ROOT).as_posix()} ({c.id})" for p in ALL_NOTEBOOKS for c in read(p).cells
             if c.cell_type == "code" and re.search(r"#\s*(NBVAL|PYTEST_VALIDATE)_", c.source)]
    assert not found, f"marqueurs nbval en commentaire (utilisez l'étiquette nbval-check-output) : {found}"


def bib_keys() -> set[str]:
    return set(re.findall(r"@\w+\{([^,\s]+),", (ROOT / "references.bib").read_text(encoding="utf-8")))


def test_every_citation_has_a_bibliography_entry():
    keys = bib_keys()
    texts = [p.read_text(encoding="utf-8") for p in [ROOT / "intro.md", *(ROOT / "annexes").glob("*.md")]]
    texts += ["\n".join(c.source for c in read(p).cells) for p in ALL_NOTEBOOKS]
    cited = {k.strip() for t in texts for group in re.findall(r"\{cite(?::\w+)?\}`([^`]+)`", t) for k in group.split(",")}
    assert cited, "le cours cite ses sources"
    assert not cited - keys, f"clés de citation absentes de references.bib : {sorted(cited - keys)}"


def learner_texts():
    """(where, text) for every French text a learner reads, without code."""
    for m in CATALOGUE.available:
        quiz = load_quiz(m.id)
        for q in quiz.questions:
            for text in (q.text, q.explanation, *(o.text for o in q.options), *(o.feedback for o in q.options)):
                yield f"{m.quiz} ({q.id})", text
    for path in ALL_NOTEBOOKS:
        for cell in read(path).cells:
            if cell.cell_type == "markdown":
                text = re.sub(r"```.*?```", "", cell.source, flags=re.S)
                text = re.sub(r"`[^`]*`", "", text)
                text = re.sub(r"^\s*:[a-z-]+:.*$", "", text, flags=re.M)  # directive options
                text = re.sub(r"\]\([^)]*\)|https?://\S+", "", text)
                yield f"{path.name} ({cell.id})", text




#: What a visible code cell of a module may hold: the cells the text asks to read meet this
#: bound; anything longer (lists of data, regular expressions, display calls) is folded with
#: the tag « hide-input » or « remove-input ». The width of a line is checked, in the modules
#: and the exercises, by tests/test_code_lines.py.
VISIBLE_CODE_MAX_LINES = 21
_FOLDED = {"hide-input", "remove-input", "hide-cell", "remove-cell"}


@pytest.mark.parametrize("module", CATALOGUE.available, ids=lambda m: m.id)
def test_visible_code_is_short(module):
    too_long = []
    for cell in read(ROOT / module.notebook).cells:
        if cell.cell_type != "code" or _FOLDED & set(cell.metadata.get("tags", [])):
            continue
        lines = cell.source.split("\n")
        if len(lines) > VISIBLE_CODE_MAX_LINES:
            too_long.append(f"{cell.get('id')} : {len(lines)} lignes")
    assert not too_long, f"code visible à raccourcir ou à replier (hide-input) : {too_long}"
