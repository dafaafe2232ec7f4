"""Group activities without screens (data/activites/*.yml, atelier_tools.activities)."""

from __future__ import annotations

import copy
import dataclasses
import html
import re

import pytest
import yaml
from notebook_tools import ROOT

from atelier_ia import datedfacts
from atelier_ia.course import load_catalogue
from atelier_ia.datedfacts import french_date
from atelier_ia.errors import AtelierError
from atelier_tools import activities, sync

CAT = load_catalogue()
AVAILABLE = [m.id for m in CAT.available]
FILES = sorted((ROOT / "data" / "activites").glob("*.yml"))


def _raw(module_id: str) -> dict:
    return yaml.safe_load((ROOT / "data" / "activites" / f"{module_id}.yml").read_text(encoding="utf-8"))


def _parse(raw, module_id="04-donnees-et-droits"):
    return activities.parse_activity(raw, f"data/activites/{module_id}.yml", module_id)


# --- one valid activity per available module --------------------------------------------


def test_each_available_module_has_exactly_one_activity_file():
    claimed = {}
    for path in FILES:
        module = yaml.safe_load(path.read_text(encoding="utf-8")).get("module")
        claimed.setdefault(module, []).append(path.name)
    for mid in AVAILABLE:
        assert claimed.get(mid) == [f"{mid}.yml"], f"{mid} : fichiers d'activité {claimed.get(mid)}"
    unknown = set(claimed) - {m.id for m in CAT.modules}
    assert not unknown, f"activités pour des modules absents du catalogue : {unknown}"


@pytest.mark.parametrize("module_id", AVAILABLE)
def test_activity_is_valid_and_timed(module_id):
    a = activities.load_activity(module_id)
    assert a.module == module_id
    assert sum(s.minutes for s in a.steps) == a.duration
    assert [s.kind for s in a.steps][0] == "introduction" and a.steps[-1].kind == "debriefing"
    assert any(s.kind == "activite" for s in a.steps)
    assert a.debrief and a.messages and a.material and a.notes


@pytest.mark.parametrize("module_id", AVAILABLE)
def test_every_card_has_a_category_of_its_activity_and_a_source(module_id):
    a = activities.load_activity(module_id)
    keys = activities.bib_keys()
    if a.format == "tri":
        ids = {c.id for c in a.categories}
        assert len(a.cards) >= 6
        for card in a.cards:
            assert card.category in ids, card.text
            assert card.sources, card.text
            for s in card.sources:
                assert s in keys or s.startswith("https://") or (ROOT / s).is_file(), s
    else:
        for role in a.roles:
            real = [s for f in role.knows for s in f.sources if s != activities.SCENARIO]
            assert real, f"{role.who} : au moins un fait sourcé"
            for s in real:
                assert s in keys or s.startswith("https://") or (ROOT / s).is_file(), s


@pytest.mark.parametrize("module_id", AVAILABLE)
def test_no_card_text_reveals_its_category(module_id):
    a = activities.load_activity(module_id)
    for card in a.cards:
        for c in a.categories:
            assert c.label.lower() not in card.text.lower(), (card.number, c.label)
            assert c.id.replace("-", " ") not in card.text.lower(), (card.number, c.id)


@pytest.mark.parametrize("module_id", AVAILABLE)
def test_notes_point_to_cards_that_exist(module_id):
    a = activities.load_activity(module_id)
    for text in a.notes + a.debrief:
        for n in re.findall(r"cartes? (\d+)(?: et (\d+))?", text):
            for number in filter(None, n):
                assert 1 <= int(number) <= len(a.cards), (module_id, text)


def test_formats_vary_across_modules():
    formats = [activities.load_activity(mid).format for mid in AVAILABLE]
    assert len(set(formats)) >= 2
    sorts = [tuple(c.id for c in activities.load_activity(mid).categories) for mid in AVAILABLE]
    assert len({s for s in sorts if s}) >= 4, "les tris doivent employer des catégories différentes"


def test_unsettled_law_is_sorted_as_not_yet_known():
    a = activities.load_activity("04-donnees-et-droits")
    labels = {c.label for c in a.categories}
    assert "On ne sait pas encore" in labels
    open_cards = [c for c in a.cards if a.category(c.category).label == "On ne sait pas encore"]
    assert len(open_cards) >= 3
    for card in open_cards:  # a pending case or text is named, with the day its status was known (the calendar's)
        named = {f.known_on for f in datedfacts.followed_in(card.justification)}
        assert named, f"aucune affaire ni aucun texte suivis par le calendrier : {card.text}"
        text = " ".join(card.justification.split())  # every kind of space, one plain one
        assert any(f"au {french_date(day)}" in text for day in named), card.text


# --- validation: errors name the file and the field --------------------------------------


def test_steps_that_do_not_add_up_are_refused():
    raw = _raw("04-donnees-et-droits")
    raw["deroule"][1]["minutes"] += 5
    with pytest.raises(AtelierError, match=r"data/activites/04-donnees-et-droits\.yml.*deroule.*minutes"):
        _parse(raw)


@pytest.mark.parametrize("mutate, field", [
    (lambda r: r["cartes"][2].update(categorie="peut-etre"), "categorie"),
    (lambda r: r["cartes"][0].pop("source"), "source"),
    (lambda r: r["cartes"][0].update(source="cle-inconnue-2099"), "source"),
    (lambda r: r["cartes"][0].update(source="scénario"), "scénario"),
    (lambda r: r["cartes"][1].update(texte="Ce qui est autorisé par la loi."), "dévoile"),
    (lambda r: r.update(format="quiz"), "format"),
    (lambda r: r.update(module="05-diversite-culturelle"), "module"),
    (lambda r: r["deroule"].pop(0), "introduction"),
])
def test_a_broken_file_gets_a_french_message_naming_file_and_field(mutate, field):
    raw = copy.deepcopy(_raw("04-donnees-et-droits"))
    mutate(raw)
    with pytest.raises(AtelierError) as err:
        _parse(raw)
    message = str(err.value)
    assert "data/activites/04-donnees-et-droits.yml" in message and field in message, message


def test_a_role_play_needs_roles_with_what_they_know():
    raw = copy.deepcopy(_raw("06-gouvernance-et-territoires"))
    raw["roles"][0]["sait"] = []
    with pytest.raises(AtelierError, match="rôle 1.*sait"):
        activities.parse_activity(raw, "data/activites/06-gouvernance-et-territoires.yml", "06-gouvernance-et-territoires")


# --- rendering ------------------------------------------------------------------------


def _split(page: str) -> tuple[str, str]:
    sheet, cards = page.split("## Cartes à imprimer et découper", 1)
    return sheet, cards


@pytest.mark.parametrize("module_id", AVAILABLE)
def test_the_page_holds_every_card_the_debrief_and_the_timing(module_id):
    m = CAT.module(module_id)
    a = activities.load_activity(module_id)
    page = activities.activity_markdown(m, a)
    sheet, printable = _split(page)
    for card in a.cards:
        assert html.escape(card.text, quote=False) in printable, card.text
        assert activities._opening(card.text).replace("|", "\\|") in sheet  # and its opening words in the answer table
    for role in a.roles:
        assert html.escape(role.who, quote=False) in printable
        for fact in role.knows:
            assert html.escape(fact.text, quote=False) in printable
    for question in a.debrief:
        assert question in sheet
    for step in a.steps:
        assert step.title in sheet
    assert f"**{activities.duration(a.duration)}**" in sheet  # the total row
    assert "@media print" in printable and "break-inside:avoid" in printable and "dashed" in printable


@pytest.mark.parametrize("module_id", [mid for mid in AVAILABLE if activities.load_activity(mid).format == "tri"])
def test_the_printed_cards_do_not_carry_the_expected_answer(module_id):
    a = activities.load_activity(module_id)
    page = activities.activity_markdown(CAT.module(module_id), a)
    sheet, printable = _split(page)
    cards = re.findall(r'<div class="atelier-carte">(.*?)</div>', printable, re.S)
    assert len(cards) == len(a.cards)
    for body in cards:
        for c in a.categories:
            assert html.escape(c.label, quote=False) not in body
    table = sheet.split("### Réponses attendues", 1)[1]
    for card in a.cards:  # the expected category is in the facilitator's table, on the card's row
        row = next(line for line in table.splitlines() if line.startswith(f"| {card.number} |"))
        assert f"| {a.category(card.category).label} |" in row


def test_the_index_lists_every_activity_with_format_and_duration():
    files = activities.generated_pages(CAT)
    index = files["activites/index.md"]
    for mid in AVAILABLE:
        a = activities.load_activity(mid)
        row = next(line for line in index.splitlines() if f"</annexes/activites/{mid}>" in line)
        assert a.format_label in row and activities.duration(a.duration) in row
        assert f"activites/{mid}.md" in files


def test_stub_pages_include_their_generated_page():
    for mid in AVAILABLE:
        stub = (ROOT / "annexes" / "activites" / f"{mid}.md").read_text(encoding="utf-8")
        assert f"_generated/activites/{mid}.md" in stub
    assert "_generated/activites/index.md" in (ROOT / "annexes" / "activites" / "index.md").read_text(encoding="utf-8")


def test_toc_lists_activity_pages_of_available_modules_only():
    toc = yaml.safe_load(sync.toc(CAT))
    annexes = next(p for p in toc["parts"] if p["caption"] == "Annexes")["chapters"]
    entry = next(c for c in annexes if c["file"] == "annexes/activites/index")
    assert [s["file"] for s in entry["sections"]] == [f"annexes/activites/{mid}" for mid in AVAILABLE]
    # a fork that sets a module back to « en préparation » loses its activity page in the toc
    gone = AVAILABLE[3]
    modules = tuple(dataclasses.replace(m, status="en préparation") if m.id == gone else m for m in CAT.modules)
    smaller = dataclasses.replace(CAT, modules=modules)
    assert f"annexes/activites/{gone}" not in sync.toc(smaller)
    assert gone not in dict(activities.activity_pages(smaller))
    assert f"activites/{gone}.md" not in activities.generated_pages(smaller)


def test_activity_pages_for_the_printer():
    pages = activities.activity_pages(CAT)
    assert [mid for mid, _ in pages] == AVAILABLE
    for mid, path in pages:
        assert path == f"annexes/activites/{mid}.html"


# --- in the built book ------------------------------------------------------------------


@pytest.mark.book
def test_activity_pages_are_in_the_built_book(built_book):
    index = built_book / "annexes" / "activites" / "index.html"
    assert index.is_file()
    for mid, path in activities.activity_pages(CAT):
        page = built_book / path
        assert page.is_file(), path
        text = html.unescape(page.read_text(encoding="utf-8"))
        a = activities.load_activity(mid)
        assert "Débriefing" in text and "@media print" in text
        for card in a.cards:
            assert card.text in text, card.text
        for role in a.roles:
            assert role.who in text
        assert f'href="{mid}.html' in index.read_text(encoding="utf-8")  # the index links to the page


def test_a_source_from_a_module_left_out_of_a_selection_is_dropped_not_fatal(monkeypatch):
    """A copy made by « make selection » keeps a card whose other sources remain; a card whose
    only source is gone, or a notebook of a module still in the catalogue that is missing, fails."""
    from atelier_ia.errors import AtelierError
    from atelier_tools.activities import _sources

    kept = _sources({"source": ["modules/00-prise-en-main.ipynb", "modules/99-hors-selection.ipynb"]}, "carte", set())
    assert kept == ("modules/00-prise-en-main.ipynb",)
    with pytest.raises(AtelierError, match="n'existe pas"):
        _sources({"source": "modules/99-hors-selection.ipynb"}, "carte", set())
    import atelier_tools.activities as activities

    monkeypatch.setattr(activities, "_catalogue_ids", lambda: {"00-prise-en-main", "99-hors-selection"})
    with pytest.raises(AtelierError, match="n'existe pas"):  # still in the catalogue: its notebook must exist
        _sources({"source": ["modules/00-prise-en-main.ipynb", "modules/99-hors-selection.ipynb"]}, "carte", set())
