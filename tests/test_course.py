"""The module catalogue and pathways: one validated source for the course map."""

from __future__ import annotations

import copy

import pytest
import yaml

from atelier_ia import AtelierError
from atelier_ia.course import load_catalogue, parse_catalogue
from atelier_ia.paths import data_dir, data_file
from atelier_tools.render import modules_table, pathways_markdown


def raw():
    base = data_dir() / "course"
    return (yaml.safe_load((base / "modules.yml").read_text(encoding="utf-8")),
            yaml.safe_load((base / "parcours.yml").read_text(encoding="utf-8")))


def test_catalogue_loads():
    cat = load_catalogue()
    assert cat.modules[0].id == "00-prise-en-main" and cat.modules[0].available
    assert set(cat.themes) == {1, 2, 3, 4, 5, 6}
    covered = {t for m in cat.modules for t in m.themes}
    assert covered == set(cat.themes), "chaque thème doit être servi par au moins un module"


def test_map_lists_every_module_with_durations():
    cat = load_catalogue()
    table = modules_table(cat)
    for m in cat.modules:
        assert m.title in table
    assert "{doc}`Prise en main </modules/00-prise-en-main>`" in table
    m = cat.module("00-prise-en-main")
    assert f"| {m.number} |" in table and f"{m.teaching_minutes}\u00a0min" in table


def test_pathway_durations_add_up():
    cat = load_catalogue()
    text = pathways_markdown(cat)
    for p in cat.pathways:
        assert p.title in text
        assert cat.pathway_minutes(p) == sum(cat.module(m).minutes for m in p.modules)


@pytest.mark.parametrize(
    "mutate,expected",
    [
        (lambda m, p: m["modules"][1].update(prerequis=["99-absent"]), "n'existe pas"),
        (lambda m, p: m["modules"][0].update(prerequis=["01-rapport-commission-ia"]), "doit venir avant"),
        (lambda m, p: m["modules"][0].update(minutes_cours="vingt"), "nombre entier de minutes"),
        (lambda m, p: m["modules"][0].update(statut="fini"), "statut"),
        (lambda m, p: m["modules"][0].update(themes=[9]), "numéros de thèmes"),
        (lambda m, p: m["modules"].append(dict(m["modules"][0])), "en double"),
        (lambda m, p: p["parcours"][0].update(modules=["99-absent"]), "pas dans le catalogue"),
        (lambda m, p: p["parcours"][0].update(modules=["03-creation-artistique"]), "demande"),
    ],
)
def test_bad_catalogue(mutate, expected):
    m, p = copy.deepcopy(raw())
    mutate(m, p)
    with pytest.raises(AtelierError, match=expected):
        parse_catalogue(m, p)


def test_unknown_module():
    with pytest.raises(AtelierError, match="pas dans le catalogue"):
        load_catalogue().module("42-rien")


@pytest.mark.parametrize("name", ["", "../pyproject.toml", "/etc/passwd", 3, "textes/absent.txt"])
def test_data_file_rejects_bad_names(name):
    with pytest.raises(AtelierError):
        data_file(name)


def test_data_file_finds_course_files():
    assert data_file("course/modules.yml").is_file()
