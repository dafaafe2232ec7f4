"""The art-school kit (issue 24, item 4): project briefs that use the course's own tools, each
with a rubric, a workload in student hours written once and ECTS guidance; and, in module 03,
the artists' own practices (opt-out, style protection and its limits, commission clauses)."""

from __future__ import annotations

import importlib
import re

import pytest
from notebook_tools import ROOT, read

from atelier_ia.course import load_catalogue
from atelier_ia.errors import AtelierError
from atelier_tools import ecoles, sync

CAT = load_catalogue()
RAW, BRIEFS = ecoles.load(CAT)
PAGE = (ROOT / ecoles.PAGE).read_text(encoding="utf-8")
BIB = (ROOT / "references.bib").read_text(encoding="utf-8")
TOOL = re.compile(r"^(atelier_ia\.\w+) \(([\w, ]+)\)$")


def test_the_kit_page_is_in_the_book_and_up_to_date():
    assert "      - file: annexes/projets-ecoles-art" in sync.toc(CAT).splitlines()
    assert PAGE == ecoles.page(CAT), "lancez « make sync »"
    art = (ROOT / "data" / "course" / "metiers.yml").read_text(encoding="utf-8")
    assert "</annexes/projets-ecoles-art>" in art, "le parcours des écoles d'art renvoie au kit"


def test_the_three_briefs_of_the_issue_use_the_course_tools():
    used = {TOOL.match(t).group(1) for b in BRIEFS for t in b.tools}
    assert {"atelier_ia.provenance", "atelier_ia.optout", "atelier_ia.diversity"} <= used
    assert len(BRIEFS) >= 3


@pytest.mark.parametrize("brief", BRIEFS, ids=lambda b: b.id)
def test_every_tool_a_brief_names_exists(brief):
    for tool in brief.tools:
        m = TOOL.match(tool)
        assert m, f"« {tool} » : écrivez « atelier_ia.module (fonction, fonction) »"
        module = importlib.import_module(m.group(1))
        for name in (n.strip() for n in m.group(2).split(",")):
            assert callable(getattr(module, name, None)), f"{m.group(1)}.{name} n'existe pas"


@pytest.mark.parametrize("brief", BRIEFS, ids=lambda b: b.id)
def test_every_brief_is_on_the_page_with_its_rubric_workload_and_modules(brief):
    section = PAGE.split(f"({brief.id})=", 1)[1].split("\n(", 1)[0]
    assert f"## {brief.title}" in section
    levels = RAW["niveaux"]
    for criterion, texts in brief.rubric:
        row = next(line for line in section.splitlines() if line.startswith(f"| {criterion} |"))
        assert row.count(" | ") == len(levels), row
    assert f"{brief.hours}\u00a0heures, dont {brief.guided} encadrées et {brief.independent} en autonomie" in section
    for mid in brief.modules:
        assert f"</modules/{mid}>" in section
    assert brief.objectives and brief.deliverables and len(brief.rubric) >= 3


@pytest.mark.parametrize("brief", BRIEFS, ids=lambda b: b.id)
def test_the_credit_range_follows_the_ects_rule(brief):
    low, high = sorted(RAW["ects"]["heures_par_credit"])
    c1, c2 = ecoles.credits(brief.hours, [low, high])
    assert c1 <= c2
    assert abs(c1 - brief.hours / high) <= 0.25 and abs(c2 - brief.hours / low) <= 0.25
    assert (c1 * 2).is_integer() and (c2 * 2).is_integer()
    row = next(line for line in PAGE.splitlines() if f"<{brief.id}>`" in line and line.startswith("| "))
    assert f"| {brief.hours}\u00a0h |" in row


def test_the_ects_rule_is_sourced_to_the_users_guide():
    assert (low_high := RAW["ects"]["heures_par_credit"]) == [25, 30], low_high
    assert f"@misc{{{RAW['ects']['source']}," in BIB and "ECTS Users' Guide 2015" in BIB
    assert "{cite:p}`ects2015`" in PAGE


def test_a_rubric_row_without_a_text_per_level_is_refused(monkeypatch):
    broken = ecoles.yaml.safe_load((ROOT / "data" / "ecoles" / "projets.yml").read_text(encoding="utf-8"))
    broken["projets"][0]["grille"][0]["niveaux"] = ["un seul niveau"]
    monkeypatch.setattr(ecoles.yaml, "safe_load", lambda _text: broken)
    with pytest.raises(AtelierError, match="un texte par niveau"):
        ecoles.load(CAT)


def test_module_03_says_what_artists_do_and_what_the_tools_do_not_prevent():
    cells = {c.get("id"): c.source for c in read(ROOT / "modules" / "03-creation-artistique.ipynb").cells}
    text = cells["pratiques-artistes"]
    for key in ("adagp2024optout", "spawning2024guide", "shan2023glaze", "shan2024nightshade",
                "honig2024perturbations", "atlf2024clauses"):
        assert key in text and f"{{{key}," in BIB.replace("@misc{", "{").replace("@inproceedings{", "{"), key
    assert "n'empêchent pas" in text and "contourn" in text
    assert len(re.findall(r"^- ", text, re.M)) >= 5, "une liste de clauses pour les contrats de commande"
