"""The « Rappel » cell of modules 01–07 (issue 24, item 3): a learner who starts with any module
finds there the notions of modules 00 and 02 it uses, each with a link to the section that
teaches it and to the glossary; the catalogue says which prerequisites remain truly required."""

from __future__ import annotations

import re

import pytest
import yaml
from myst_parser.mdit_to_docutils.base import default_slugify
from notebook_tools import ROOT, read

from atelier_ia.course import load_catalogue, parse_catalogue
from atelier_ia.errors import AtelierError
from atelier_tools import rappels, sync

CAT = load_catalogue()
NOTIONS, USES = rappels.load(CAT)
LATER = [m for m in CAT.available if m.number >= "01"]
GLOSSARY = (ROOT / "annexes" / "glossaire.md").read_text(encoding="utf-8")
GLOSSARY_TERMS = set(re.findall(r"^(\S[^\n]*)\n  \S", GLOSSARY.split("```{glossary}", 1)[1], re.M))
LINK = re.compile(r"\[«\u00a0(?P<title>[^]]+)\u00a0»\]\((?P<target>[^)]+)\)")


def rappel_cell(module):
    cells = read(ROOT / module.notebook).cells
    ids = [c.get("id") for c in cells]
    assert "rappel" in ids, f"{module.notebook} : pas de cellule « rappel »"
    return ids, cells[ids.index("rappel")]


@pytest.mark.parametrize("module", LATER, ids=lambda m: m.id)
def test_every_later_module_opens_with_its_rappel_region(module):
    ids, cell = rappel_cell(module)
    assert ids.index("rappel") == ids.index("prerequis") + 1, "le Rappel suit « Prérequis »"
    assert cell.source.startswith("## Rappel\n")
    assert f"<!-- début rappel:{module.id} " in cell.source and f"<!-- fin rappel:{module.id} -->" in cell.source
    assert module.id in USES, f"{module.id} n'a pas de notions dans data/course/rappels.yml"


@pytest.mark.parametrize("module", LATER, ids=lambda m: m.id)
def test_the_generated_text_is_the_data(module):
    _, cell = rappel_cell(module)
    notions = [NOTIONS[n] for n in USES[module.id]]
    bullets = [line for line in cell.source.splitlines() if line.startswith("- **")]
    assert len(bullets) == len(notions)
    for line, n in zip(bullets, notions):
        assert line.startswith(f"- **{n.name}**\u00a0: ")
        assert rappels.french_typography(n.definition) in line
        assert f"{{term}}`{n.term}`" in line
        assert f"({n.module}.ipynb#" in line
    assert not sync.stale(), "lancez « make sync » : un fichier généré n'est plus à jour"


@pytest.mark.parametrize("module", LATER, ids=lambda m: m.id)
def test_every_rappel_link_leads_to_a_section_and_a_glossary_entry(module):
    """The link's anchor is the one MyST gives the heading (checked again on the built book by
    test_book's internal-link check)."""
    _, cell = rappel_cell(module)
    links = LINK.findall(cell.source)
    assert len(links) == len(USES[module.id])
    for title, target in links:
        page, _, anchor = target.partition("#")
        path = ROOT / "modules" / page
        assert path.is_file(), target
        assert anchor == default_slugify(title), f"{target} : l'ancre de « {title} » est « {default_slugify(title)} »"
        headings = [c.source.split("\n", 1)[0].lstrip("#").strip() for c in read(path).cells
                    if c.cell_type == "markdown" and c.source.startswith("## ")]
        assert title in headings, f"{target} n'a pas de section « {title} »"
    for term in re.findall(r"\{term\}`([^`]+)`", cell.source):
        assert term in GLOSSARY_TERMS, f"« {term} » n'est pas dans le glossaire"


def test_every_notion_is_taught_in_module_00_or_02_by_a_section_that_exists():
    for n in NOTIONS.values():
        assert n.module in ("00-prise-en-main", "02-fonctionnement-ia-generative"), n.id
        assert rappels.section_title(n)  # raises when the section id is gone
        assert n.term in GLOSSARY_TERMS, n.term


def test_required_prerequisites_are_prerequisites_and_say_so_in_the_rappel():
    for m in CAT.modules:
        assert set(m.required) <= set(m.prerequisites), m.id
    for m in LATER:
        _, cell = rappel_cell(m)
        if m.required:
            assert "reste nécessaire" in cell.source, m.id
        else:
            assert "conseill" in cell.source and "nécessaire" not in cell.source, m.id
    assert any(m.required for m in CAT.modules) and any(not m.required for m in LATER)


def test_a_required_prerequisite_outside_the_recommended_ones_is_refused():
    data = yaml.safe_load((ROOT / "data" / "course" / "modules.yml").read_text(encoding="utf-8"))
    paths = yaml.safe_load((ROOT / "data" / "course" / "parcours.yml").read_text(encoding="utf-8"))
    data["modules"][1]["prerequis_requis"] = ["07-ecosysteme-ouvert"]
    with pytest.raises(AtelierError, match="prerequis_requis"):
        parse_catalogue(data, paths)


def test_a_missing_section_is_a_french_error():
    n = next(iter(NOTIONS.values()))
    broken = rappels.Notion(n.id, n.name, n.definition, n.module, "section-disparue", n.term)
    with pytest.raises(AtelierError, match="section-disparue"):
        rappels.section_title(broken)


@pytest.mark.parametrize("module", LATER, ids=lambda m: m.id)
def test_the_prerequisites_say_which_are_needed_and_which_are_advice(module):
    pre = next(c.source for c in read(ROOT / module.notebook).cells if c.get("id") == "prerequis")
    for p in module.prerequisites:
        line = next(x for x in pre.splitlines() if x.startswith(f"- module {CAT.module(p).number},"))
        assert ("nécessaire" if p in module.required else "conseillé") in line, line
    assert ("Rappel" in pre) == any(p not in module.required for p in module.prerequisites)
