"""Accessibility of the built book: axe-core (WCAG 2.1 A and AA rules) on every page, the home
page's course map at 1280 px, and the book used with the keyboard alone.

axe-core is the copy shipped inside the pinned Python package axe-playwright-python (no
download at run time); it runs in Debian's Chromium through Playwright.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import AFTER_COLLECTION, background, book_html, chromium, collected, local_only, serving

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

    local_only(ctx)
    yield ctx
    ctx.close()


@pytest.fixture()
def page(context):
    p = context.new_page()
    p.errors = []
    p.on("pageerror", lambda exc: p.errors.append(str(exc)))
    return p


def run_axe(page, script: str, colours_only: bool = False) -> list[dict]:
    """axe-core's WCAG 2.1 A/AA rules on the page (``colours_only``: only those about colours,
    the rules a change of theme can change)."""
    if not page.evaluate("() => typeof window.axe === 'object'"):
        page.evaluate(script)
    # colours are measured once the theme's transitions (light → dark at load) have ended
    page.evaluate("() => Promise.race([Promise.all(document.getAnimations().map(a => a.finished.catch(() => null))),"
                  " new Promise(r => setTimeout(r, 3000))])")
    # axe leaves its « experimental » rules out unless asked: the WCAG ones among them (such as
    # label-content-name-mismatch, WCAG 2.5.3) are asked for by name.
    return page.evaluate(
        "([tags, colours]) => { const rules = axe.getRules(tags);"
        " const only = colours ? {type: 'rule', values: rules.filter(r => r.tags.includes('cat.color')).map(r => r.ruleId)}"
        " : {type: 'tag', values: tags};"
        " if (!only.values.length) throw new Error('aucune règle de couleur dans axe-core');"
        " return axe.run(document, {runOnly: only, resultTypes: ['violations'],"
        " rules: Object.fromEntries(rules.filter(r => r.tags.includes('experimental'))"
        ".map(r => [r.ruleId, {enabled: true}]))})"
        ".then(r => r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,"
        " nodes: v.nodes.map(n => ({target: n.target.join(' '), impact: n.impact}))}))); }",
        [AXE_TAGS, colours_only],
    )


def serious_violations(page, script: str, url: str, label: str, colours_only: bool = False) -> list[str]:
    page.goto(url, wait_until="load")
    found = []
    for v in run_axe(page, script, colours_only):
        for node in v["nodes"]:
            impact = node["impact"] or v["impact"]
            if impact in SERIOUS:
                found.append(f"{label} : {v['id']} ({impact}) {node['target']} — {v['help']}")
    return found


def dark_pages(pages: list[str]) -> list[str]:
    """The pages checked in the dark theme too: those with demos, quizzes and outputs."""
    return [r for r in pages if r.startswith("modules/")] + ["intro.html", "exercises/00-prise-en-main-exercices.html"]


#: axe runs on the pages in this many background jobs, each in its own Chromium (on two cores, three
#: parts leave less work for the end of the run than two).
AXE_JOBS = 3


def _axe_part(part: int) -> tuple[list[str], list[str]]:
    """Job ``part`` of ``AXE_JOBS``: axe on every ``AXE_JOBS``-th page of the built book, in the
    light theme, then on its share of the dark-theme pages (the rules about colours: the dark
    theme changes colours and nothing else); gives the pages checked and what axe found there."""
    html = book_html()
    pages = book_pages(html)
    light, dark = pages[part::AXE_JOBS], dark_pages(pages)[part::AXE_JOBS]
    script = axe_script()
    found, checked = [], []
    with serving(html) as base, chromium() as browser:
        ctx = browser.new_context(locale="fr-FR", viewport={"width": 1280, "height": 800})
        local_only(ctx)
        page = ctx.new_page()
        for rel in light:
            found += serious_violations(page, script, f"{base}/{rel}", rel)
            checked.append(rel)
        page.emulate_media(color_scheme="dark")
        for rel in dark:
            found += serious_violations(page, script, f"{base}/{rel}", f"{rel} (thème sombre)", colours_only=True)
            if page.evaluate("() => document.documentElement.dataset.theme") != "dark":
                found.append(f"{rel} : le thème sombre ne s'applique pas")
            checked.append(f"{rel} (thème sombre)")
        ctx.close()
    return checked, found


def _axe_jobs() -> list:
    return [background(f"axe-core {n + 1}/{AXE_JOBS}", _axe_part, n, after_book=True) for n in range(AXE_JOBS)]


def _queue_axe(session):
    if collected(session, "test_axe_core_finds_no_serious_violation_on_any_page"):
        _axe_jobs()


AFTER_COLLECTION.append(_queue_axe)


@pytest.mark.waits
def test_axe_core_finds_no_serious_violation_on_any_page(built_book):
    """Every page in the default (light) theme; the pages with demos, quizzes and outputs in
    the dark theme too (a reader's system setting chooses it). axe runs in background jobs
    while the other tests run."""
    pages = book_pages(built_book)
    assert {"intro.html", "search.html", "genindex.html", "annexes/bibliographie.html"} <= set(pages)
    checked, found = [], []
    for job in _axe_jobs():
        done, problems = job.result()
        checked += done
        found += problems
    expected = pages + [f"{rel} (thème sombre)" for rel in dark_pages(pages)]
    assert sorted(checked) == sorted(expected), "axe n'a pas lu toutes les pages du livre"
    assert not found, f"{len(found)} violation(s) graves ou critiques (axe-core, WCAG 2.1 A/AA) :\n" + "\n".join(found[:80])


def test_axe_finds_what_it_must_find(page, book_server):
    """The harness itself: a page with a known critical violation is reported."""
    page.goto(f"{book_server}/intro.html", wait_until="load")
    page.evaluate("() => { const i = document.createElement('img'); i.src = 'data:,'; "
                  "const b = document.createElement('button'); b.textContent = 'Ouvrir la carte'; "
                  "b.setAttribute('aria-label', 'Fermer'); document.querySelector('main').append(i, b); }")
    found = {(v["id"], v["impact"]) for v in run_axe(page, axe_script())}
    assert ("image-alt", "critical") in found
    assert ("label-content-name-mismatch", "serious") in found  # an « experimental » rule, asked for by name


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


# --------------------------------------------------------------------------- the keyboard alone

# The focused element, or the icon it holds (the theme draws the focus of the left column's
# « sub-pages » buttons around their chevron), shows an outline of 2 px or more, or a shadow.
FOCUS_SHOWN = """el => [el, ...el.children].some(e => { const s = getComputedStyle(e);
  return (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2) || (s.boxShadow && s.boxShadow !== 'none'); })"""


def tab_to(page, test_js: str, what: str, limit: int = 400, key: str = "Tab"):
    """Press Tab (or ``key``) until the focused element passes ``test_js`` (a JS function of
    the element); return it. Fails if ``limit`` presses do not get there."""
    for _ in range(limit):
        page.keyboard.press(key)
        if page.evaluate(f"() => {{ const el = document.activeElement; return !!el && ({test_js})(el); }}"):
            focused = page.evaluate_handle("() => document.activeElement")
            assert focused.evaluate(FOCUS_SHOWN), f"{what} : le focus clavier ne se voit pas (ni contour ni ombre)"
            return focused
    pytest.fail(f"{what} : inaccessible au clavier ({limit} appuis sur {key})")


def test_keyboard_alone_answers_a_quiz_question(page, book_server):
    from atelier_ia.quiz import load_quiz

    q = next(q for q in load_quiz("00-prise-en-main").questions if not q.multiple)
    wrong = next(i for i, o in enumerate(q.options) if not o.correct)
    right = next(i for i, o in enumerate(q.options) if o.correct)
    page.goto(f"{book_server}/modules/00-prise-en-main.html", wait_until="load")
    form = f'form[data-question="{q.id}"]'
    checked = f"() => [...document.querySelectorAll('{form} input')].findIndex(i => i.checked)"
    tab_to(page, f"el => el.matches('{form} input')", "première réponse du quiz")
    page.keyboard.press("Space")  # the focused (first) answer
    for _ in range(wrong):
        page.keyboard.press("ArrowDown")  # arrows move the choice within the group
    assert page.evaluate(checked) == wrong
    tab_to(page, f"el => el.matches('{form} button')", "bouton « Vérifier »", limit=12)
    page.keyboard.press("Enter")
    status = page.locator(f"{form} [role=status]")
    assert "Pas tout à fait" in status.inner_text() and q.options[wrong].feedback in status.inner_text()

    tab_to(page, f"el => el.matches('{form} input')", "retour aux réponses", limit=12, key="Shift+Tab")
    n = len(q.options)
    for _ in range((right - wrong) % n):
        page.keyboard.press("ArrowDown")
    assert page.evaluate(checked) == right
    tab_to(page, f"el => el.matches('{form} button')", "bouton « Vérifier »", limit=12)
    page.keyboard.press("Space")
    assert "Bonne réponse" in status.inner_text() and q.explanation in status.inner_text()
    assert not page.errors, page.errors


def demo_output(page, control) -> str:
    return control.evaluate("el => el.closest('figure.atelier-live').querySelector('.atelier-live-output').innerHTML")


@pytest.mark.parametrize("module, kind, keys", [
    ("00-prise-en-main", "input[type=range]", ["ArrowRight"]),
    ("01-rapport-commission-ia", "select", ["ArrowDown"]),
])
def test_keyboard_alone_moves_a_demo_control(page, book_server, module, kind, keys):
    page.goto(f"{book_server}/modules/{module}.html", wait_until="load")
    control = tab_to(page, f"el => el.matches('figure.atelier-live {kind}:not([disabled])')", f"{module} : réglage {kind}")
    before = demo_output(page, control)
    for key in keys:
        page.keyboard.press(key)
    assert demo_output(page, control) != before, f"{module} : {kind} bougé au clavier, la sortie n'a pas changé"
    assert not page.errors, page.errors


def test_keyboard_alone_plays_a_melody(page, book_server):
    page.goto(f"{book_server}/modules/03-creation-artistique.html", wait_until="load")
    button = tab_to(page, "el => el.matches('figure.atelier-live .atelier-play')", "bouton d'écoute", limit=800)
    label = button.evaluate("b => b.textContent")
    page.keyboard.press("Enter")
    assert button.evaluate("b => b.closest('.atelier-melody').dataset.playing") == "true"
    assert button.evaluate("b => b.textContent") != label  # « Écouter » becomes « Arrêter »
    page.keyboard.press("Space")
    assert button.evaluate("b => b.closest('.atelier-melody').dataset.playing") is None
    assert not page.errors, page.errors


def test_keyboard_alone_opens_solutions_code_and_menus(page, book_server):
    page.goto(f"{book_server}/exercises/00-prise-en-main-exercices.html", wait_until="load")
    button = tab_to(page, "el => el.matches('.solution .toggle-button')", "bouton d'une solution")
    solution = button.evaluate_handle("b => b.closest('.solution')")
    content = "s => { const c = s.querySelector('section'); return !!c && c.offsetHeight > 0; }"
    assert not solution.evaluate(content), "la solution est repliée au départ"
    assert button.get_attribute("aria-label") == "Cliquez pour afficher"  # the hint it shows, in French
    page.keyboard.press("Enter")
    assert solution.evaluate(content) and button.get_attribute("aria-expanded") == "true"
    assert button.get_attribute("aria-label") == "Cliquez pour masquer"

    page.goto(f"{book_server}/modules/00-prise-en-main.html", wait_until="load")
    summary = tab_to(page, "el => el.matches('.cell details > summary')", "« Afficher le code »")
    assert summary.evaluate("s => s.parentElement.open") is False
    page.keyboard.press("Enter")
    assert summary.evaluate("s => s.parentElement.open") is True

    page.keyboard.press("Shift+Tab")  # back to the top of the page: the page's buttons
    toggle = tab_to(page, "el => el.matches('.dropdown-launch-buttons .dropdown-toggle')", "menu « Lancer »",
                    key="Shift+Tab")
    page.keyboard.press("Enter")
    menu = page.locator(".dropdown-launch-buttons .dropdown-menu")
    assert menu.is_visible()
    page.keyboard.press("ArrowDown")
    assert page.evaluate("() => document.activeElement.matches('.dropdown-launch-buttons .dropdown-item')")
    page.keyboard.press("Escape")
    assert not menu.is_visible() and toggle.evaluate("t => t === document.activeElement")
    assert not page.errors, page.errors


def test_keyboard_alone_reaches_the_one_search_field(page, book_server):
    page.goto(f"{book_server}/intro.html", wait_until="load")
    tab_to(page, "el => el.matches('.search-button-field')", "recherche", limit=10)
    page.keyboard.press("Enter")
    field = page.locator("#pst-search-dialog input[type=search]")
    assert field.is_visible() and field.evaluate("f => f === document.activeElement")
    page.keyboard.type("droit")
    page.keyboard.press("Enter")
    page.wait_for_url("**/search.html?q=droit*")
    assert not page.errors, page.errors


def invisible_focus_stops(page, limit: int = 1500) -> tuple[int, list[str]]:
    """Tab through the whole page; the number of tab stops and those whose focus does not show."""
    found = page.evaluate("""([limit, shownSrc]) => {
        window.__stops = []; window.__seen = new Set();
        document.addEventListener('focusin', ev => {
            const el = ev.target; if (window.__seen.has(el)) return; window.__seen.add(el);
            const shown = eval(shownSrc)(el);
            if (!shown) window.__stops.push(el.outerHTML.slice(0, 120).replace(/\\s+/g, ' '));
        }); return true; }""", [limit, FOCUS_SHOWN])
    assert found
    count = 0
    for count in range(1, limit + 1):
        page.keyboard.press("Tab")
        if page.evaluate("() => document.activeElement === document.body || !document.hasFocus()"):
            break
    return count, page.evaluate("() => window.__stops")


@pytest.mark.parametrize("path", ["intro.html", "modules/00-prise-en-main.html", "exercises/00-prise-en-main-exercices.html"])
def test_every_tab_stop_shows_its_focus(page, book_server, path):
    page.goto(f"{book_server}/{path}", wait_until="load")
    count, hidden = invisible_focus_stops(page)
    assert count > 10, f"{path} : seulement {count} arrêts de tabulation"
    assert not hidden, f"{path} : focus clavier invisible sur :\n" + "\n".join(hidden)
