"""The projection of every module, driven in Debian's Chromium with the keyboard alone, as a
trainer does in a room: next, previous, first, last, reveal an answer, start and pause the
activity's countdown, open the trainer's view. Each screen comes from a cell of the module's
notebook (or, for the activity, from its data file); no answer shows before the trainer asks;
nothing is requested from another host; text is at least 28 px at 1280×720 and 1920×1080; axe
finds no serious violation in the light and dark themes.

Screenshots: set ``ATELIER_CAPTURES=<folder>`` to save one image per kind of screen.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import nbformat
import pytest
from conftest import AFTER_COLLECTION, ROOT, background, book_html, chromium, collected, is_local, local_only, serving
from test_accessibility import SERIOUS, axe_script, run_axe

from atelier_ia.course import load_catalogue
from atelier_tools.render import duration

pytestmark = [pytest.mark.book, pytest.mark.browser]

CAT = load_catalogue()
MODULES = [m.id for m in CAT.available]
MIN_PX = 28
SHOTS = os.environ.get("ATELIER_CAPTURES")


def notebook_ids(module_id: str) -> set[str]:
    return {c.id for c in nbformat.read(ROOT / "modules" / f"{module_id}.ipynb", as_version=4).cells}


def open_context(browser, width=1280, height=720, scheme="light", seen=None, files=False):
    """A browser context that aborts every request leaving this machine (``files``: the built
    book's own files, ``file://``, are allowed too)."""
    ctx = browser.new_context(locale="fr-FR", viewport={"width": width, "height": height}, color_scheme=scheme)
    if not files:
        local_only(ctx, seen)
        return ctx

    def route(r):
        (r.continue_ if is_local(r.request.url) or r.request.url.startswith("file:") else r.abort)()

    ctx.route("**/*", route)
    return ctx


def visible_screens(page) -> list[dict]:
    return page.evaluate("""() => [...document.querySelectorAll('.proj-ecran')]
        .filter(s => !s.hidden && s.getBoundingClientRect().height > 0)
        .map(s => ({id: s.id, cell: s.dataset.cellId || null, source: s.dataset.source || null, kind: s.dataset.kind}))""")


def current(page) -> dict:
    shown = visible_screens(page)
    assert len(shown) == 1, f"un seul écran à la fois : {shown}"
    return shown[0]


def answer_visible(page) -> bool:
    return page.evaluate("""() => { const s = [...document.querySelectorAll('.proj-ecran')].find(x => !x.hidden);
        const r = s && s.querySelector('.proj-reponse');
        return !!(r && r.getBoundingClientRect().height > 0 && getComputedStyle(r).visibility !== 'hidden')
               || !!(s && s.classList.contains('proj-revele')); }""")


#: A page function: the smallest computed font size among the visible texts of the current
#: screen and footer, and where it is.
MIN_FONT_JS = """() => {
    let min = [1e9, ''];
    const roots = [...document.querySelectorAll('.proj-ecran:not([hidden]), .proj-pied')];
    for (const root of roots) {
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        if (!n.textContent.trim()) continue;
        const el = n.parentElement;
        if (el.closest('template, script, style, .proj-sr, svg')) continue;
        const r = el.getBoundingClientRect();
        if (r.width === 0 || r.height === 0) continue;
        const px = parseFloat(getComputedStyle(el).fontSize);
        if (px < min[0]) min = [px, el.tagName + ': ' + n.textContent.trim().slice(0, 50)];
      }
    }
    return min; }"""


def min_font_px_of_every_screen(page) -> list[tuple[int, int, float, str]]:
    """For each screen n of the projection: n, how many screens show once the page has gone to
    n (through its address, as a reload or the trainer's view does), and the smallest font
    size there; in one page function, not one round trip per key and measure."""
    return [tuple(row) for row in page.evaluate("""async () => {
        const measure = """ + MIN_FONT_JS + """;
        const total = document.querySelectorAll('.proj-ecran').length;
        const out = [];
        for (let n = 1; n <= total; n++) {
          if (location.hash !== '#' + n) {
            // the page's own hashchange handler, registered first, shows screen n before this one runs
            await new Promise(done => { window.addEventListener('hashchange', done, {once: true}); location.hash = '#' + n; });
          }
          const shown = [...document.querySelectorAll('.proj-ecran')]
            .filter(s => !s.hidden && s.getBoundingClientRect().height > 0).length;
          out.push([n, shown, ...measure()]);
        }
        return out; }""")]


def press_until_next(page, key: str, limit: int = 12) -> None:
    """Press ``key`` until the screen changes: on a screen taller than the window, « next »
    first scrolls down to what is not shown yet."""
    before = page.evaluate("location.hash")
    for _ in range(limit):
        page.keyboard.press(key)
        if page.evaluate("location.hash") != before:
            return
    raise AssertionError(f"la touche {key!r} ne mène pas à l'écran suivant après {before}")


def shot(page, name: str) -> None:
    if SHOTS:
        Path(SHOTS).mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(Path(SHOTS) / f"proj-{name}.png"))


@pytest.mark.parametrize("module_id", MODULES)
def test_keyboard_alone_drives_the_projection_of_every_module(browser, book_server, built_book, module_id):
    seen: list[str] = []
    ctx = open_context(browser, seen=seen)
    page = ctx.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.clock.install()  # the page's clock: the countdown is checked without waiting for it
    page.goto(f"{book_server}/projection/{module_id}.html")
    total = page.locator(".proj-ecran").count()
    assert total >= 8, f"{module_id} : {total} écrans seulement"
    ids = notebook_ids(module_id)
    assert current(page)["kind"] == "titre"
    kinds_shot: set[str] = set()
    keys = ["ArrowRight", "PageDown", " "]  # arrows, clicker, space bar
    for n in range(1, total + 1):
        screen = current(page)
        assert page.evaluate("location.hash") == f"#{n}"
        # every screen comes from a cell of the notebook, or from the activity's data file
        if screen["cell"] is not None:
            assert screen["cell"] in ids, f"{module_id}, écran {n} : cellule « {screen['cell']} » absente du notebook"
        else:
            assert screen["kind"] == "activite" and (ROOT / screen["source"]).is_file(), screen
        if screen["kind"] == "question":
            assert not answer_visible(page), f"{module_id}, écran {n} : la réponse se voit avant la touche R"
            assert page.locator(f"#{screen['id']} .proj-option").count() <= 4
            assert page.locator(f"#{screen['id']} .proj-lettre").all_inner_texts()[0] == "A"
            if "question" not in kinds_shot:
                shot(page, f"{module_id}-question-avant")
            page.keyboard.press("r")
            assert answer_visible(page)
            assert page.locator(f"#{screen['id']} .proj-option[data-correct]").first.evaluate(
                "e => getComputedStyle(e).borderColor") != page.locator(f"#{screen['id']} .proj-option:not([data-correct])").first.evaluate(
                "e => getComputedStyle(e).borderColor")
        if screen["kind"] == "activite":
            timer = page.locator(f"#{screen['id']} .proj-minuteur-temps")
            start = timer.inner_text()
            page.keyboard.press("t")
            page.clock.run_for(2300)  # 2.3 s of the page's time, its timers fired as they come
            running = timer.inner_text()
            assert running < start, f"le minuteur ne décompte pas ({start} → {running})"
            page.keyboard.press("t")  # pause
            paused = timer.inner_text()
            page.clock.run_for(1300)
            assert timer.inner_text() == paused, "le minuteur en pause avance encore"
        if screen["kind"] == "demo":
            assert page.locator(f"#{screen['id']} figure.atelier-live, #{screen['id']} img").count() >= 1
        if screen["kind"] not in kinds_shot:
            kinds_shot.add(screen["kind"])
            shot(page, f"{module_id}-{screen['kind']}")
        if n < total:
            press_until_next(page, keys[n % len(keys)])
    for _ in range(6):
        page.keyboard.press("ArrowRight")  # past the end: stays on the last screen
    assert page.evaluate("location.hash") == f"#{total}"
    page.keyboard.press("Home")
    assert current(page)["kind"] == "titre"
    page.keyboard.press("End")
    assert page.evaluate("location.hash") == f"#{total}"
    page.keyboard.press("ArrowLeft")
    page.keyboard.press("PageUp")
    assert page.evaluate("location.hash") == f"#{total - 2}"
    # the hash keeps the screen: a reload comes back to it
    page.reload()
    assert page.evaluate("location.hash") == f"#{total - 2}"
    assert len(visible_screens(page)) == 1
    assert errors == []
    outside = [u for u in seen if not is_local(u)]
    assert outside == [], f"requêtes vers un autre hôte : {outside}"
    ctx.close()


def test_a_demo_moves_on_its_screen(browser, book_server):
    ctx = open_context(browser)
    page = ctx.new_page()
    page.goto(f"{book_server}/projection/02-fonctionnement-ia-generative.html")
    n = page.evaluate("() => [...document.querySelectorAll('.proj-ecran')].findIndex(s => s.querySelector('input[type=range]:not([disabled])')) + 1")
    assert n > 0
    page.goto(f"{book_server}/projection/02-fonctionnement-ia-generative.html#{n}")
    assert page.evaluate("location.hash") == f"#{n}"
    output = page.locator(f"#ecran-{n} .atelier-live-output").first
    before = output.inner_html()
    page.keyboard.press("Tab")
    for _ in range(10):
        if page.evaluate("document.activeElement.type") == "range":
            break
        page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.type") == "range"
    page.keyboard.press("ArrowRight")  # in a control, the arrow moves the control, not the screen
    assert page.evaluate("location.hash") == f"#{n}"
    assert output.inner_html() != before
    press_until_next(page, "PageDown")  # the clicker still moves on
    assert page.evaluate("location.hash") == f"#{n + 1}"
    ctx.close()


@pytest.mark.parametrize("width, height", [(1280, 720), (1920, 1080)])
def test_text_is_at_least_28px_on_every_screen(browser, book_server, width, height):
    ctx = open_context(browser, width, height)
    page = ctx.new_page()
    small = []
    for module_id in MODULES:
        page.goto(f"{book_server}/projection/{module_id}.html#1")
        shot(page, f"{module_id}-{width}x{height}")
        screens = min_font_px_of_every_screen(page)
        assert [n for n, _, _, _ in screens] == list(range(1, page.locator(".proj-ecran").count() + 1))
        for n, shown, px, where in screens:
            assert shown == 1, f"{module_id} écran {n} : {shown} écrans visibles au lieu d'un"
            if px < MIN_PX:
                small.append(f"{module_id} écran {n} : {px:g} px ({where})")
    assert small == [], "texte de moins de 28 px :\n" + "\n".join(small[:20])
    ctx.close()


def _axe_screens(scheme: str) -> list[str]:
    """A background job: axe on each kind of screen of every module's projection in ``scheme``
    (and on a question once its answer shows), in its own Chromium; gives what it found."""
    script = axe_script()
    problems = []
    with serving(book_html()) as base, chromium() as browser:
        ctx = open_context(browser, scheme=scheme)
        page = ctx.new_page()
        for module_id in MODULES:
            page.goto(f"{base}/projection/{module_id}.html#1")
            total = page.locator(".proj-ecran").count()
            done = set()
            for n in range(1, total + 1):
                kind = current(page)["kind"]
                checks = [kind] + (["question-reponse"] if kind == "question" else [])
                for label in checks:
                    if label in done:
                        continue
                    done.add(label)
                    if label == "question-reponse":
                        page.keyboard.press("r")
                    for v in run_axe(page, script):
                        if v["impact"] in SERIOUS:
                            problems.append(f"{module_id} écran {n} ({label}, {scheme}) : {v['id']} — "
                                            + "; ".join(t for node in v["nodes"][:3] for t in node["target"]))
                    if scheme == "dark" and module_id == MODULES[2]:
                        shot(page, f"{module_id}-{label}-sombre")
                if n < total:
                    press_until_next(page, "PageDown")
        ctx.close()
    return problems


SCHEMES = ["light", "dark"]


def _axe_screens_job(scheme: str):
    return background(f"axe-core, projection ({scheme})", _axe_screens, scheme, after_book=True)


def _queue_axe_screens(session):
    if collected(session, "test_axe_finds_no_serious_violation_on_any_kind_of_screen"):
        for scheme in SCHEMES:
            _axe_screens_job(scheme)


AFTER_COLLECTION.append(_queue_axe_screens)


@pytest.mark.waits
@pytest.mark.parametrize("scheme", SCHEMES)
def test_axe_finds_no_serious_violation_on_any_kind_of_screen(built_book, scheme):
    problems = _axe_screens_job(scheme).result()
    assert problems == [], "\n".join(problems[:30])


@pytest.mark.parametrize("served", ["http", "file"])
def test_the_trainers_view_follows_the_projection(browser, book_server, built_book, served):
    """Key N opens the trainer's view; it follows every screen change, from the book's server
    and from the built files opened directly (file://)."""
    module_id = "02-fonctionnement-ia-generative"
    ctx = open_context(browser, files=served == "file")
    page = ctx.new_page()
    url = (f"{book_server}/projection/{module_id}.html" if served == "http"
           else (built_book / "projection" / f"{module_id}.html").as_uri())
    page.goto(url + "#1")
    with ctx.expect_page() as new:
        page.keyboard.press("n")
    trainer = new.value
    trainer.wait_for_load_state()
    heading = trainer.locator(".proj-formateur h1")
    assert "écran 1 sur" in heading.inner_text()
    # time spent, and time left in the module's teaching time from the catalogue
    m = CAT.module(module_id)
    clock = trainer.locator("#proj-temps").inner_text()
    match = re.search(r"Temps passé\u00a0: 00:0(\d) · reste (\d+):(\d\d) sur (.+) de cours", clock)
    assert match, clock
    assert match.group(4) == duration(m.teaching_minutes)
    assert int(match.group(2)) * 60 + int(match.group(3)) + int(match.group(1)) == pytest.approx(m.teaching_minutes * 60, abs=2)
    # the notes of data/course/notes/<module>.yml follow the section of the current screen
    from atelier_tools.render import load_notes

    section = load_notes(module_id)["sections"][0]
    k = page.evaluate(f"() => [...document.querySelectorAll('.proj-ecran')].findIndex(s => s.dataset.cellId === '{section['section']}') + 1")
    assert k > 1
    for _ in range(k - 1):
        press_until_next(page, "ArrowRight")
    trainer.wait_for_function(f"() => document.querySelector('.proj-formateur h1').textContent.includes('écran {k} sur')")
    assert " ".join(section["note"].split())[:60] in " ".join(trainer.locator(".proj-formateur").inner_text().split())
    page.keyboard.press("Home")
    # the first question: its screen number
    n = page.evaluate("() => [...document.querySelectorAll('.proj-ecran')].findIndex(s => s.dataset.kind === 'question') + 1")
    for _ in range(n - 1):
        press_until_next(page, "ArrowRight")
    trainer.wait_for_function(f"() => document.querySelector('.proj-formateur h1').textContent.includes('écran {n} sur')")
    text = trainer.locator(".proj-formateur").inner_text()
    assert "Réponse\u00a0:" in text and "pas encore affichée" in text
    # the feedback behind each option is in the trainer's view, never on the projected screen
    feedback = trainer.locator(".proj-formateur li").all_inner_texts()
    assert len(feedback) >= 3
    projected = page.locator(f"#ecran-{n}").inner_text()
    for line in feedback:
        assert line.split(" → ")[1][:30] not in projected
    # the section's note of data/course/notes is shown for the screens of its section
    page.keyboard.press("r")
    trainer.wait_for_function("() => document.querySelector('.proj-formateur').textContent.includes('(affichée)')")
    # keys pressed in the trainer's view drive the projection
    trainer.keyboard.press("ArrowRight")
    page.wait_for_function(f"() => location.hash === '#{n + 1}'")
    ctx.close()


def test_every_module_page_links_to_its_projection(built_book):
    for module_id in MODULES:
        text = (built_book / "modules" / f"{module_id}.html").read_text(encoding="utf-8")
        assert f'href="../projection/{module_id}.html"' in text
        assert (built_book / "projection" / f"{module_id}.html").is_file()
