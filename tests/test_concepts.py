"""One home per concept (data/course/concepts.yml): a concept is taught in one module, and every
module that recalls it links to the section that teaches it, instead of teaching it again.

What a reader relies on: a recall's link leads to a section that exists, in the home module; the
demonstration of a concept (its code) and its detailed explanation appear in the home module only;
a demonstration removed from a recalling module does not come back there.
"""

from __future__ import annotations

import re

import pytest
import yaml
from myst_parser.mdit_to_docutils.base import default_slugify
from notebook_tools import ROOT, read

CONCEPTS_FILE = ROOT / "data" / "course" / "concepts.yml"
MODULES = sorted((ROOT / "modules").glob("*.ipynb"))
HEADING = re.compile(r"^#{1,6}\s+(.+?)\s*$", re.M)
LEVELED_HEADING = re.compile(r"^(#{1,6})\s+(.+?)\s*$", re.M)
LINK = re.compile(r"\]\(([\w.-]+\.ipynb)#([^)\s]+)\)")
LABEL = re.compile(r"^\(([\w-]+)\)=[ \t]*$", re.M)
LABEL_LINK = re.compile(r"\]\(#([^)\s]+)\)")


def _concepts() -> list[dict]:
    return yaml.safe_load(CONCEPTS_FILE.read_text(encoding="utf-8"))["concepts"]


def _same(text: str) -> str:
    """A title compared with no-break spaces and runs of spaces made plain."""
    return " ".join(text.replace("\u00a0", " ").replace("\u202f", " ").split())


def _notebook(module: str):
    path = ROOT / "modules" / f"{module}.ipynb"
    assert path.is_file(), f"{CONCEPTS_FILE.name} : le module {module} n'existe pas"
    return read(path)


def _cells(nb, kind: str) -> list:
    return [c for c in nb.cells if c.cell_type == kind]


def _anchor_levels() -> int:
    """Heading levels MyST gives an anchor to in the book (« myst_heading_anchors » of _config.yml):
    a link to a deeper heading warns, and the build fails."""
    config = yaml.safe_load((ROOT / "_config.yml").read_text(encoding="utf-8"))
    return int(config["sphinx"]["config"]["myst_heading_anchors"])


def _anchors(nb) -> set[str]:
    return {default_slugify(title) for c in _cells(nb, "markdown")
            for hashes, title in LEVELED_HEADING.findall(c.source) if len(hashes) <= _anchor_levels()}


CONCEPTS = _concepts()
RECALLS = [(c["id"], r) for c in CONCEPTS for r in c.get("rappels") or []]


def test_the_file_has_one_entry_per_concept_with_every_field():
    ids = [c["id"] for c in CONCEPTS]
    assert len(ids) == len(set(ids)), f"concept en double : {ids}"
    for c in CONCEPTS:
        missing = {"id", "concept", "repetitions", "maison", "signatures_code", "signatures_texte", "rappels"} - set(c)
        assert not missing, f"{c.get('id')} : champs manquants {sorted(missing)}"
        assert {"module", "titre"} <= set(c["maison"]), c["id"]
        for r in c["rappels"] or []:
            assert {"module", "cellules", "retire", "fait"} <= set(r), (c["id"], r)
            assert r["module"] != c["maison"]["module"], f"{c['id']} : la maison ne se rappelle pas elle-même"
            assert r["cellules"] and r["fait"].strip(), (c["id"], r["module"])


@pytest.mark.parametrize("concept", CONCEPTS, ids=[c["id"] for c in CONCEPTS])
def test_the_home_section_exists(concept):
    home = concept["maison"]
    titles = [_same(t) for c in _cells(_notebook(home["module"]), "markdown") for t in HEADING.findall(c.source)]
    assert _same(home["titre"]) in titles, f"{home['module']} n'a pas de section « {home['titre']} »"


@pytest.mark.parametrize("concept_id,recall", RECALLS, ids=[f"{c}-{r['module'][:2]}" for c, r in RECALLS])
def test_a_recall_links_to_the_home_module_at_a_section_that_exists(concept_id, recall):
    concept = next(c for c in CONCEPTS if c["id"] == concept_id)
    home_module = concept["maison"]["module"]
    home_anchors = _anchors(_notebook(home_module))
    nb = _notebook(recall["module"])
    by_id = {c.get("id"): c for c in nb.cells}
    for cell_id in recall["cellules"]:
        assert cell_id in by_id, f"{recall['module']} : pas de cellule « {cell_id} »"
        links = LINK.findall(by_id[cell_id].source)
        home_links = [anchor for page, anchor in links if page == f"{home_module}.ipynb"]
        assert home_links, (f"{recall['module']}, cellule {cell_id} : le rappel de « {concept_id} » doit renvoyer "
                            f"au module {home_module} (lien [texte]({home_module}.ipynb#ancre))")
        for anchor in home_links:
            assert anchor in home_anchors, (f"{recall['module']}, cellule {cell_id} : l'ancre « {anchor} » n'est "
                                            f"celle d'aucune section de {home_module}")


@pytest.mark.parametrize("concept", CONCEPTS, ids=[c["id"] for c in CONCEPTS])
def test_the_demo_and_the_detailed_explanation_live_in_the_home_module_only(concept):
    home = concept["maison"]["module"]
    for kind, field in (("code", "signatures_code"), ("markdown", "signatures_texte")):
        for signature in concept[field] or []:
            where = [p.stem for p in MODULES
                     if any(signature in c.source for c in _cells(read(p), kind))]
            assert where == [home], (f"« {signature} » ({concept['id']}) doit se trouver dans les cellules "
                                     f"{'de code' if kind == 'code' else 'de texte'} du seul module {home} ; "
                                     f"trouvé dans : {where or 'aucun module'}")


@pytest.mark.parametrize("concept_id,recall", RECALLS, ids=[f"{c}-{r['module'][:2]}" for c, r in RECALLS])
def test_a_removed_demo_does_not_come_back(concept_id, recall):
    code = "\n".join(c.source for c in _cells(_notebook(recall["module"]), "code"))
    back = [name for name in recall["retire"] or [] if name in code]
    assert not back, f"{recall['module']} : {back} retiré(s) au profit de la maison de « {concept_id} »"


def test_the_file_is_listed_in_the_data_manifest():
    manifest = yaml.safe_load((ROOT / "data" / "MANIFEST.yml").read_text(encoding="utf-8"))
    assert "course/concepts.yml" in manifest["fichiers"]


HOMES_WITH_LABEL = [c for c in CONCEPTS if c["maison"].get("ancre")]


@pytest.mark.parametrize("concept", HOMES_WITH_LABEL, ids=[c["id"] for c in HOMES_WITH_LABEL])
def test_the_home_label_opens_the_home_section(concept):
    """The MyST label `(ancre)=` comes right before the home section's heading (in the same cell or
    in a cell of its own), so that the book gives the section that stable HTML id."""
    home = concept["maison"]
    lines = []
    for cell in _notebook(home["module"]).cells:
        lines += [x.strip() for x in cell.source.split("\n") if x.strip()] if cell.cell_type == "markdown" else ["<code>"]
    label = f"({home['ancre']})="
    assert lines.count(label) == 1, f"{home['module']} : l'étiquette {label} doit y être une fois"
    after = lines[lines.index(label) + 1]
    assert re.match(r"^#{1,6}\s", after) and _same(after.lstrip("#")) == _same(home["titre"]), (
        f"{home['module']} : l'étiquette {label} doit précéder le titre « {home['titre']} », pas « {after} »")


def test_every_link_to_a_label_names_a_label_of_the_course():
    labels = {name for p in MODULES for c in _cells(read(p), "markdown") for name in LABEL.findall(c.source)}
    for p in MODULES:
        for c in _cells(read(p), "markdown"):
            for target in LABEL_LINK.findall(c.source):
                assert target in labels, f"{p.name}, cellule {c.get('id')} : aucune étiquette ({target})= dans les modules"
