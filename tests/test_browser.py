"""A real browser (Debian's Chromium through Playwright) reads module 00's page."""

from __future__ import annotations

from urllib.parse import urlparse

import pytest

from conftest import chromium_path

pytestmark = [pytest.mark.book, pytest.mark.browser]

ARGS = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]


@pytest.fixture(scope="module")
def browser():
    exe = chromium_path()
    if exe is None:
        pytest.fail("Chromium est introuvable : installez le paquet Debian « chromium » (.ci/run le fait).")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=exe, args=ARGS)
        yield b
        b.close()


@pytest.fixture()
def page(browser, book_server):
    context = browser.new_context(locale="fr-FR", viewport={"width": 1200, "height": 900})
    page = context.new_page()
    page.requests = []
    page.errors = []
    page.on("pageerror", lambda exc: page.errors.append(str(exc)))

    def route(r):
        page.requests.append(r.request.url)
        host = urlparse(r.request.url).hostname
        if r.request.url.startswith("data:") or host in ("127.0.0.1", "localhost"):
            r.continue_()
        else:
            r.abort()

    context.route("**/*", route)
    yield page
    context.close()


def third_party(urls):
    return [u for u in urls if not u.startswith("data:") and urlparse(u).hostname not in ("127.0.0.1", "localhost")]


def test_quiz_answers_wrong_then_right_in_french(page, book_server, tmp_path_factory):
    from atelier_ia.quiz import load_quiz

    quiz = load_quiz("00-prise-en-main")
    q = next(q for q in quiz.questions if not q.multiple)
    wrong = next(i for i, o in enumerate(q.options) if not o.correct)
    right = next(i for i, o in enumerate(q.options) if o.correct)

    page.goto(f"{book_server}/modules/00-prise-en-main.html", wait_until="networkidle")
    form = page.locator(f'form[data-question="{q.id}"]')
    form.scroll_into_view_if_needed()
    # the page shows the options in the shuffled order of q.options (not the file's order)
    assert [t.strip() for t in form.locator("label").all_inner_texts()] == [o.text for o in q.options]
    form.locator("input").nth(wrong).check()
    form.get_by_role("button", name="Vérifier").click()
    status = form.get_by_role("status")
    assert "Pas tout à fait" in status.inner_text()
    assert q.options[wrong].feedback in status.inner_text()
    shot = tmp_path_factory.getbasetemp() / "quiz-mauvaise-reponse.png"
    form.screenshot(path=str(shot))

    form.locator("input").nth(right).check()
    form.get_by_role("button", name="Vérifier").click()
    text = status.inner_text()
    assert "Bonne réponse" in text and q.explanation in text
    assert q.options[wrong].feedback not in text

    multi = next((q for q in quiz.questions if q.multiple), None)
    if multi is not None:
        mform = page.locator(f'form[data-question="{multi.id}"]')
        first = sorted(multi.correct_indices)[0]
        mform.locator("input").nth(first).check()
        mform.get_by_role("button", name="Vérifier").click()
        assert "incomplet" in mform.get_by_role("status").inner_text()
        for i in sorted(multi.correct_indices)[1:]:
            mform.locator("input").nth(i).check()
        mform.get_by_role("button", name="Vérifier").click()
        assert "Bonne réponse" in mform.get_by_role("status").inner_text()

    assert not page.errors, page.errors
    assert not third_party(page.requests), third_party(page.requests)


def test_no_empty_widget_area_and_live_demo_visible(page, book_server):
    page.goto(f"{book_server}/modules/00-prise-en-main.html", wait_until="networkidle")
    assert page.locator(".jupyter-widgets, .widget-area, .jp-OutputArea-output:empty").count() == 0
    outputs = page.locator(".cell_output .output")
    for i in range(outputs.count()):
        box = outputs.nth(i).bounding_box()
        assert box and box["height"] > 5, f"zone de sortie vide (n° {i})"
    live = page.locator("figure.atelier-live")
    assert live.count() >= 1
    live.first.scroll_into_view_if_needed()
    assert live.first.bounding_box()["height"] > 40
    assert "Binder" in live.first.inner_text()
    assert not third_party(page.requests), third_party(page.requests)


@pytest.mark.parametrize("path", ["index.html", "exercises/00-prise-en-main-exercices.html", "annexes/guide-formateurs.html"])
def test_other_pages_load_nothing_from_third_parties(page, book_server, path):
    page.goto(f"{book_server}/{path}", wait_until="networkidle")
    assert page.locator("h1").count() >= 1
    assert not third_party(page.requests), third_party(page.requests)
    assert not page.errors, page.errors


def test_generated_melody_plays_offline(page, book_server):
    page.goto(f"{book_server}/modules/03-creation-artistique.html", wait_until="networkidle")
    audio = page.locator("audio").first
    audio.scroll_into_view_if_needed()
    duration = page.evaluate(
        """() => new Promise(resolve => {
            const a = document.querySelector('audio');
            if (a.readyState >= 1) { resolve(a.duration); return; }
            a.addEventListener('loadedmetadata', () => resolve(a.duration));
            a.addEventListener('error', () => resolve(-1));
            a.load();
        })"""
    )
    assert duration > 1, f"la mélodie ne se charge pas (durée {duration})"
    assert not third_party(page.requests), third_party(page.requests)
    assert not page.errors, page.errors
