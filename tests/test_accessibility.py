"""Accessibility of the built book: axe-core (WCAG 2.1 A and AA rules) on every page, the home
page's course map at 1280 px, and the book used with the keyboard alone.

axe-core is the copy shipped inside the pinned Python package axe-playwright-python (no
download at run time); it runs in Debian's Chromium through Playwright.
"""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urlparse

import pytest

pytestmark = [pytest.mark.book, pytest.mark.browser]

AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
SERIOUS = ("serious", "critical")


def axe_script() -> str:
    import axe_playwright_python

    return Path(axe_playwright_python.__file__).with_name("axe.min.js").read_text(encoding="utf-8")


def book_pages(html: Path) -> list[str]:
    """Every page a reader can open (search and index included), relative to the book's root;
    not the theme's files, not the redirect Jupyter Book writes as index.html."""
    return sorted(
        p.relative_to(html).as_posix() for p in html.rglob("*.html")
        if "_static" not in p.parts and not p.read_text(encoding="utf-8").startswith('<meta http-equiv="Refresh"')
    )


@pytest.fixture()
def context(browser):
    ctx = browser.new_context(locale="fr-FR", viewport={"width": 1280, "height": 800})

    def route(r):
        host = urlparse(r.request.url).hostname
        if r.request.url.startswith("data:") or host in ("127.0.0.1", "localhost"):
            r.continue_()
        else:
            r.abort()

    ctx.route("**/*", route)
    yield ctx
    ctx.close()


@pytest.fixture()
def page(context):
    p = context.new_page()
    p.errors = []
    p.on("pageerror", lambda exc: p.errors.append(str(exc)))
    return p


def run_axe(page, script: str) -> list[dict]:
    if not page.evaluate("() => typeof window.axe === 'object'"):
        page.evaluate(script)
    # axe leaves its « experimental » rules out unless asked: the WCAG ones among them (such as
    # label-content-name-mismatch, WCAG 2.5.3) are asked for by name.
    return page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations'],"
        " rules: Object.fromEntries(axe.getRules(tags).filter(r => r.tags.includes('experimental'))"
        ".map(r => [r.ruleId, {enabled: true}]))})"
        ".then(r => r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,"
        " nodes: v.nodes.map(n => ({target: n.target.join(' '), impact: n.impact}))})))",
        AXE_TAGS,
    )


def test_axe_core_finds_no_serious_violation_on_any_page(page, built_book, book_server):
    script = axe_script()
    found = []
    checked = book_pages(built_book)
    assert {"intro.html", "search.html", "genindex.html", "annexes/bibliographie.html"} <= set(checked)
    for rel in checked:
        page.goto(f"{book_server}/{rel}", wait_until="load")
        for v in run_axe(page, script):
            for node in v["nodes"]:
                impact = node["impact"] or v["impact"]
                if impact in SERIOUS:
                    found.append(f"{rel} : {v['id']} ({impact}) {node['target']} — {v['help']}")
    assert not found, f"{len(found)} violation(s) graves ou critiques (axe-core, WCAG 2.1 A/AA) :\n" + "\n".join(found[:80])


def test_axe_finds_what_it_must_find(page, book_server):
    """The harness itself: a page with a known critical violation is reported."""
    page.goto(f"{book_server}/intro.html", wait_until="load")
    page.evaluate("() => { const i = document.createElement('img'); i.src = 'data:,'; "
                  "document.querySelector('main').appendChild(i); }")
    assert any(v["id"] == "image-alt" and v["impact"] == "critical" for v in run_axe(page, axe_script()))


def test_home_page_course_map_fits_1280px_and_has_one_search(page, book_server):
    page.goto(f"{book_server}/intro.html", wait_until="load")
    assert page.viewport_size["width"] == 1280
    tables = page.locator("main table")
    assert tables.count() >= 1, "la carte du cours est un tableau de la page d'accueil"
    for i in range(tables.count()):
        sizes = tables.nth(i).evaluate(
            "t => { const c = t.closest('.pst-scrollable-table-container') || t.parentElement;"
            " return [c.scrollWidth, c.clientWidth, t.getBoundingClientRect().width]; }")
        assert sizes[0] <= sizes[1], f"tableau n° {i + 1} : défilement horizontal caché ({sizes[0]} > {sizes[1]} px)"
    assert page.evaluate("() => document.documentElement.scrollWidth <= document.documentElement.clientWidth")
    # one search control, no empty band above the page
    searches = page.locator("input[type=search], .search-button, .search-button-field, form.bd-search")
    visible = [searches.nth(i) for i in range(searches.count()) if searches.nth(i).is_visible()]
    assert len(visible) == 1, f"{len(visible)} commandes de recherche visibles (une attendue)"
    assert page.locator("header.bd-header").count() == 0 or not page.locator("header.bd-header").is_visible()
    assert not page.errors, page.errors
