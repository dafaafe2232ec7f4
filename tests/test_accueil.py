"""The home page's first screen: where to start, and how long the course and each path take."""

from __future__ import annotations

import re

import pytest

from atelier_ia.course import load_catalogue
from atelier_ia.palette import COLOURS
from atelier_tools import metiers, render

CAT = load_catalogue()
ROOT = __import__("pathlib").Path(__file__).resolve().parents[1]


def _start():
    return render.start_here(CAT, metiers.load_audiences(CAT))


def test_first_screen_links_to_par_ou_commencer():
    text = _start()
    assert re.search(r"\{doc\}`[^`<]*Par où commencer[^`<]*</annexes/positionnement>`", text)
    assert (ROOT / "annexes" / "positionnement.md").is_file()


def test_first_screen_durations_are_the_catalogue_sums():
    text = _start()
    whole = sum(m.teaching_minutes + m.exercise_minutes for m in CAT.modules if m.status == "disponible")
    assert f"{render.duration(whole)} pour {len(CAT.available)} module" in text
    for p in CAT.pathways:
        minutes = sum(CAT.module(mid).teaching_minutes + CAT.module(mid).exercise_minutes for mid in p.modules)
        assert f"- {p.title}\u00a0: {render.duration(minutes)}" in text, p.id
    spans = sorted(a.minutes for a in metiers.load_audiences(CAT))
    assert f"de {render.duration(spans[0])} à {render.duration(spans[-1])}" in text


def test_home_page_includes_the_first_screen_before_anything_else_and_no_commands():
    intro = (ROOT / "intro.md").read_text(encoding="utf-8")
    first_heading = intro.index("\n## ")
    assert intro.index("_generated/accueil.md") < first_heading
    for dev in ("data/course/", "make lab", "make book", ".yml"):
        assert dev not in intro, dev


@pytest.mark.book
@pytest.mark.browser
@pytest.mark.parametrize("size", [(1366, 768), (390, 844)])
def test_par_ou_commencer_is_visible_without_scrolling(browser, book_server, size):
    from conftest import local_only

    ctx = browser.new_context(locale="fr-FR", viewport={"width": size[0], "height": size[1]})
    local_only(ctx)
    page = ctx.new_page()
    page.goto(f"{book_server}/intro.html", wait_until="load")
    link = page.locator(".atelier-accueil a[href*='positionnement']").first
    box = link.bounding_box()
    assert box is not None and box["height"] > 0
    if size == (1366, 768):  # the laptop: the link and the whole course's length on the first screen
        assert box["y"] + box["height"] <= size[1], box
        whole = page.locator(".atelier-accueil").inner_text()
        assert render.duration(render.course_minutes(CAT)).replace("\u00a0", " ") in whole.replace("\u00a0", " ")
    else:  # the phone: at least the link
        assert box["y"] + box["height"] <= size[1], box
    ctx.close()


# --------------------------------------------------------------------------- glossary in place


def test_glossary_defines_the_terms_a_non_jurist_meets():
    from atelier_tools import glossary_tips  # noqa: F401  (the module that shows them in place)

    text = (ROOT / "annexes" / "glossaire.md").read_text(encoding="utf-8")
    terms = set(re.findall(r"^(\S[^\n]*)\n  ", text, re.M))
    wanted = {"TDMRep", "robots.txt", "RGPD", "CPI", "Creative Commons", "droit moral", "droits voisins",
              "considérant", "prorogation", "base légale", "moissonnage"}
    assert not wanted - terms, sorted(wanted - terms)


def test_glossary_tips_read_definitions_and_link_pages_that_need_them(tmp_path):
    from atelier_tools import glossary_tips

    (tmp_path / "annexes").mkdir()
    (tmp_path / "annexes" / "glossaire.html").write_text(
        '<html><head></head><body><dl class="glossary"><dt id="term-RGPD">RGPD<a class="headerlink" href="#term-RGPD">#</a></dt>'
        "<dd><p>Règlement <em>européen</em> [Par16].</p></dd></dl></body></html>", encoding="utf-8")
    (tmp_path / "modules").mkdir()
    page = tmp_path / "modules" / "m.html"
    page.write_text('<html><head></head><body><a href="../annexes/glossaire.html#term-RGPD">RGPD</a></body></html>', encoding="utf-8")
    plain = tmp_path / "plain.html"
    plain.write_text("<html><head></head><body>rien</body></html>", encoding="utf-8")
    assert glossary_tips.add(tmp_path) == 1
    data = (tmp_path / "_static" / glossary_tips.DATA).read_text(encoding="utf-8")
    assert '"term-RGPD": {"terme": "RGPD", "definition": "Règlement européen."}' in data
    assert '<script defer src="../_static/glossaire.js"></script>' in page.read_text(encoding="utf-8")
    assert "glossaire.js" not in plain.read_text(encoding="utf-8")
    css = (tmp_path / "_static" / "glossaire.css").read_text(encoding="utf-8")
    assert css.endswith((glossary_tips.STATIC / "glossaire.css").read_text(encoding="utf-8"))
    assert f"--atelier-glossaire-fond:{COLOURS['glossaire-fond']}" in css, "les couleurs de la palette sont déclarées avec la feuille"
    assert glossary_tips.add(tmp_path) == 0, "une seconde passe ne rajoute rien"


@pytest.mark.book
@pytest.mark.browser
def test_glossary_link_shows_its_definition_on_hover_and_focus(browser, book_server):
    from conftest import local_only

    ctx = browser.new_context(locale="fr-FR", viewport={"width": 1366, "height": 768})
    local_only(ctx)
    page = ctx.new_page()
    page.goto(f"{book_server}/modules/04-donnees-et-droits.html", wait_until="load")
    link = page.locator("a.atelier-terme").first
    link.scroll_into_view_if_needed()
    tip = page.locator(f"#{link.get_attribute('aria-describedby')}")
    assert tip.is_hidden()
    link.hover()
    assert tip.is_visible() and len(tip.inner_text()) > 20
    page.mouse.move(0, 0)
    link.focus()
    assert tip.is_visible()
    page.keyboard.press("Escape")
    assert tip.is_hidden()
    assert page.url.endswith("04-donnees-et-droits.html"), "la page reste affichée"
    ctx.close()
