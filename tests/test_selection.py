"""A course of one's own (``make selection``): a standalone copy with only some modules,
whose book builds and shows only them."""

from __future__ import annotations

import os
import re
import sys
from pathlib import Path

import pytest
import yaml
from conftest import AFTER_COLLECTION, background, collected, run

from atelier_ia.course import load_catalogue
from atelier_ia.errors import AtelierError
from atelier_tools import selection
from atelier_tools.links import broken_internal_links

ROOT = Path(__file__).resolve().parents[1]


def test_prerequisites_are_added_with_the_modules_that_need_them():
    cat = load_catalogue()
    target = next(m for m in reversed(cat.modules) if m.prerequisites)  # a module with a prerequisite chain
    sel = selection.resolve(cat, [target.number])
    needed, todo = set(), [target.id]
    while todo:
        for p in cat.module(todo.pop()).prerequisites:
            needed.add(p)
            todo.append(p)
    assert set(sel.modules) == needed | {target.id}
    assert set(sel.added) == needed
    assert all(target.id in needers or any(n in needed for n in needers) for needers in sel.added.values())
    assert sel.removed == [m.id for m in cat.modules if m.id not in set(sel.modules)]


def test_unknown_or_missing_module_is_explained():
    cat = load_catalogue()
    with pytest.raises(AtelierError, match="Module inconnu"):
        selection.resolve(cat, ["99"])
    with pytest.raises(AtelierError, match="Aucun module choisi"):
        selection.resolve(cat, [])


def test_pathway_loses_removed_steps_with_a_note_and_empty_pathways_go():
    text = ("parcours:\n"
            "  - id: a\n    titre: \"A\"\n    modules: [00-x, 01-y]\n    conseil: \"c\"\n"
            "  - id: b\n    titre: \"B\"\n    modules: [01-y]\n    conseil: \"c\"\n")
    sel = selection.Selection(["00-x"])
    out = selection.filter_pathways(text, {"01-y"}, sel)
    data = yaml.safe_load(out)
    assert [p["id"] for p in data["parcours"]] == ["a"]
    assert data["parcours"][0]["modules"] == ["00-x"]
    assert "# make selection" in out and "01-y" in out.split("modules: [00-x]")[0]
    assert len(sel.pathway_notes) == 2


def test_manifest_entry_of_a_dropped_file_goes_and_the_others_stay():
    text = (ROOT / "data" / "MANIFEST.yml").read_text(encoding="utf-8")
    files = yaml.safe_load(text)["fichiers"]
    victim = next(k for k in files if k.startswith("quiz/"))
    out = yaml.safe_load(selection.filter_manifest(text, {victim}))["fichiers"]
    assert set(out) == set(files) - {victim}
    assert all(out[k] == files[k] for k in out)


def test_destination_inside_the_project_or_not_empty_is_refused(tmp_path):
    with pytest.raises(AtelierError, match="ne peut pas être dans le projet"):
        selection.make_selection(ROOT, ["00"], ROOT / "_build" / "copie", log=lambda *a: None)
    (tmp_path / "plein").mkdir()
    (tmp_path / "plein" / "x.txt").write_text("x", encoding="utf-8")
    with pytest.raises(AtelierError, match="pas vide"):
        selection.make_selection(ROOT, ["00"], tmp_path / "plein", log=lambda *a: None)


def _smallest_selection() -> str:
    """The smallest module that needs another one: the selection must bring its prerequisite."""
    return next(m for m in load_catalogue().modules if m.prerequisites).number


def _make_and_build(number: str, tmp: Path, environ: dict):
    """``make selection`` then ``make book`` in the copy, as a teacher types them (subprocesses, with
    the environment of the moment the job was queued); run in the background by conftest."""
    dest, out = tmp / "mon-cours", tmp / "livre"
    made = run([sys.executable, "-m", "atelier_tools.selection", number, "--dest", str(dest), "--titre", "Mon cours"],
               timeout=600, cwd=ROOT, env=environ)
    if made.returncode != 0:
        return made, None, None, dest, out
    env = dict(environ, PYTHONPATH=str(dest / "src"), ATELIER_IA_DATA=str(dest / "data"))
    check = run([sys.executable, "-m", "atelier_tools.sync", "--check"], timeout=600, cwd=dest, env=env)
    jb = Path(sys.executable).with_name("jupyter-book")
    proc = run([str(jb), "build", str(dest), "--path-output", str(out), "--warningiserror", "--nitpick",
                "--keep-going", "--builder", "html"], timeout=3600, cwd=dest, env=env)
    return made, check, proc, dest, out


def _job(tmp_path_factory, environ: dict | None = None):
    return background("livre d'une sélection", _make_and_build, _smallest_selection(),
                      tmp_path_factory.mktemp("selection"), dict(os.environ if environ is None else environ))


def _queue_selection(session):
    if collected(session, "test_book_of_a_selection_shows_only_its_modules"):
        _job(session.config._tmp_path_factory)


AFTER_COLLECTION.append(_queue_selection)


@pytest.mark.book
@pytest.mark.waits
def test_book_of_a_selection_shows_only_its_modules(tmp_path_factory):
    cat = load_catalogue()
    target = next(m for m in cat.modules if m.prerequisites)  # as _smallest_selection
    made, check, proc, dest, out = _job(tmp_path_factory).result()
    assert made.returncode == 0, made.stdout + made.stderr
    messages = made.stdout.splitlines()
    sel = selection.resolve(cat, [target.number])
    kept, removed = sel.modules, sel.removed
    assert target.prerequisites[0] in kept and removed
    assert any("prérequis de" in m and target.number in m for m in messages)

    # the copy is in sync with its own catalogue, and its data inventory is exact
    assert check.returncode == 0, check.stdout + check.stderr
    listed = set(yaml.safe_load((dest / "data" / "MANIFEST.yml").read_text(encoding="utf-8"))["fichiers"])
    present = {p.relative_to(dest / "data").as_posix() for p in (dest / "data").rglob("*") if p.is_file()}
    assert listed == present
    toc = (dest / "_toc.yml").read_text(encoding="utf-8")
    assert all(f"modules/{m}\n" in toc for m in kept) and not any(m in toc for m in removed)

    assert proc.returncode == 0, "La construction du livre de la sélection a échoué :\n" + proc.stdout[-5000:] + proc.stderr[-3000:]
    html = out / "_build" / "html"
    for m in kept:
        assert (html / "modules" / f"{m}.html").is_file() and (html / "exercises" / f"{m}-exercices.html").is_file()
    pages = sorted(html.rglob("*.html"))
    names = {p.relative_to(html).as_posix() for p in pages}
    assert not [n for n in names if any(m in n for m in removed)], "une page d'un module retiré a été construite"
    root_page = yaml.safe_load((dest / "_toc.yml").read_text(encoding="utf-8"))["root"]
    home = (html / f"{root_page}.html").read_text(encoding="utf-8")  # index.html only redirects there
    tables = [t for t in re.findall(r"<table.*?</table>", home, re.S) if 'href="modules/' in t]
    assert tables, "la carte du cours manque sur la page d'accueil"
    on_map = set(re.findall(r'href="modules/([^"#]+)\.html', tables[0]))
    assert on_map == set(kept), f"carte de la page d'accueil : {sorted(on_map)} au lieu de {kept}"
    assert not any(f"modules/{m}" in home for m in removed)
    assert "Mon cours" in home
    assert broken_internal_links(pages, html) == []


def test_files_of_a_removed_module_are_found_by_name_but_code_stays():
    removed = ["03-creation-artistique"]
    assert selection.belongs_to("modules/03-creation-artistique.ipynb", removed)
    assert selection.belongs_to("data/quiz/03-creation-artistique-sans-code.yml", removed)
    assert selection.belongs_to("data/fiches/03-creation-artistique/fiche.yml", removed)  # a folder per module
    assert not selection.belongs_to("data/course/notes/03-creation-artistiquex.yml", removed)
    assert not selection.belongs_to("src/atelier_ia/exercises/03-creation-artistique.py", removed)
    assert not selection.belongs_to("tests/test_03-creation-artistique.py", removed)


def test_references_to_removed_modules_leave_the_other_data_files():
    text = ("seances:\n"
            "  - id: s\n    sequences:\n"
            "      - module: 00-x\n"
            "      - activite: 03-y\n        sinon:\n          texte: \"t\"\n          minutes: 20\n"
            "      - quiz: 03-y-sans-code\n        texte: \"vote\"\n"
            "      - texte: \"fin\"\n        minutes: 5\n"
            "    prioritaire: [00-x, 03-y]\n")
    out, n = selection.prune_references(text, {"03-y"})
    data = yaml.safe_load(out)["seances"][0]
    # a group activity stays: the plan falls back on its « sinon » when the module is gone
    assert data["sequences"] == [{"module": "00-x"}, {"activite": "03-y", "sinon": {"texte": "t", "minutes": 20}},
                                 {"texte": "fin", "minutes": 5}]
    assert data["prioritaire"] == ["00-x"] and n == 2


def test_links_to_a_removed_module_become_plain_text():
    text = ("Le module {doc}`/modules/06-g` en propose un modèle ; voir {doc}`ces exercices </exercises/06-g-exercices>`,\n"
            "[la suite](06-g.ipynb), [ailleurs](../modules/06-g.ipynb#section) et {doc}`/modules/00-x` qui reste.")
    out, n = selection.unlink_removed(text, {"06-g"}, {"06-g": "Gouvernance"})
    assert n == 4
    assert out == ("Le module «\u00a0Gouvernance\u00a0» en propose un modèle ; voir ces exercices,\n"
                   "la suite, ailleurs et {doc}`/modules/00-x` qui reste.")
