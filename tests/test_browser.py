"""A real browser (Debian's Chromium through Playwright) reads module 00's page."""

from __future__ import annotations

import pytest
from conftest import AFTER_COLLECTION, background, is_local, local_only

pytestmark = [pytest.mark.book, pytest.mark.browser]





@pytest.fixture()
def page(browser, book_server):
    context = browser.new_context(locale="fr-FR", viewport={"width": 1200, "height": 900})
    page = context.new_page()
    page.requests = []
    page.errors = []
    page.on("pageerror", lambda exc: page.errors.append(str(exc)))

    local_only(context, page.requests)
    yield page
    context.close()


def third_party(urls):
    return [u for u in urls if not is_local(u)]


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


# --------------------------------------------------------------------------- live demos in the static book

# For each module page: the demos in page order, and for each the controls to move (CSS
# selector inside the demo, then keys, or « select:<label> » for a list) and the settings
# that these moves reach, as the demo function takes them.
DEMOS = {
    "00-prise-en-main": [
        ("demo-curseurs", [("[id$=-ordre]", "ArrowRight,ArrowRight"), ("[id$=-graine]", "End")], {"ordre": 4, "graine": 5}),
    ],
    "01-rapport-commission-ia": [
        ("demo-chronologie", [("select", "select:France")], {"categorie": "France"}),
    ],
    "02-fonctionnement-ia-generative": [
        ("demo-temperature", [("[id$=-temperature]", "End")], {"temperature": 2.0}),
        ("demo-style", [("[id$=-auteur]", "select:Molière"), ("[id$=-graine]", "ArrowRight")], {"auteur": "Molière", "graine": 1}),
    ],
    "03-creation-artistique": [
        ("demo-diffusion", [("[id$=-etape]", "End"), ("[id$=-graine]", "ArrowRight")], {"etape": 100, "graine": 1}),
        ("demo-continuer", [("[id$=-corpus]", "select:chorals de Bach"), ("[id$=-temperature]", "ArrowLeft")],
         {"corpus": "chorals de Bach", "temperature": 0.5}),
        ("demo-qui", [("[id$=-graine]", "ArrowRight,ArrowRight,ArrowRight")], {"graine": 3}),
    ],
}

PROBE = """
import json as _json
_demo = Out[max(Out)]  # the demo cell's result (« _ » may be a learner's variable)
print("@@" + _json.dumps({"initial": _demo.render_state(), "moved": _demo.render_state(**%s)}))
"""


def python_states(module: str, demos, environ: dict | None = None) -> dict:
    """Run the module's notebook in a kernel up to each demo and ask that demo for its states.

    The book's pages were built by the same code; this is the state the Python function
    computes for the settings the browser reaches. ``environ``: the kernel's environment (by
    default this process's, when called).
    """
    import json
    import os

    import nbformat
    from conftest import ROOT
    from nbclient import NotebookClient

    path = ROOT / "modules" / f"{module}.ipynb"
    nb = nbformat.read(path, as_version=4)
    wanted = {cid: values for cid, _moves, values in demos}
    last = max(i for i, c in enumerate(nb.cells) if c.get("id") in wanted)
    cells = []
    for c in nb.cells[: last + 1]:
        if c.cell_type != "code" or "show_quiz" in c.source:
            continue
        cells.append(c)
        if c.get("id") in wanted:
            probe = nbformat.v4.new_code_cell(PROBE % repr(wanted[c.id]))
            probe.metadata["probe"] = c.id
            cells.append(probe)
    run = nbformat.v4.new_notebook(cells=cells, metadata=nb.metadata)
    environ = dict(os.environ if environ is None else environ)
    env = dict(environ, PYTHONPATH=os.pathsep.join([str(ROOT / "src"), environ.get("PYTHONPATH", "")]))
    client = NotebookClient(run, timeout=300, kernel_name="python3", resources={"metadata": {"path": str(path.parent)}})
    client.execute(env=env)  # this checkout's sources first, as for the book build
    out = {}
    for c in run.cells:
        if "probe" in c.metadata:
            text = "".join(o.get("text", "") for o in c.outputs if o.get("output_type") == "stream")
            out[c.metadata["probe"]] = json.loads(text.split("@@", 1)[1])
    return out


def normalised(page, html: str) -> str:
    """``html`` as this browser serialises it, to compare with what the page shows (tab stops
    left out on both sides: a wide table's frame carries its own)."""
    return page.evaluate("h => { const d = document.createElement('div'); d.innerHTML = h; d.querySelectorAll('[tabindex]')"
                         ".forEach(e => e.removeAttribute('tabindex')); return d.innerHTML; }", html)


def shown(output) -> str:
    """What a demo's output region holds, without the tab stops the book's theme adds to <pre>."""
    return output.evaluate("o => { const d = o.cloneNode(true); d.querySelectorAll('[tabindex]')"
                           ".forEach(e => e.removeAttribute('tabindex')); return d.innerHTML; }")


def move(page, demo, moves):
    for selector, keys in moves:
        control = demo.locator(selector)
        if keys.startswith("select:"):
            control.select_option(label=keys.removeprefix("select:"))
        else:
            control.focus()  # keyboard only: the controls must work without a mouse
            for key in keys.split(","):
                page.keyboard.press(key)


def _demo_states(module: str, environ: dict | None = None):
    """The job that runs ``python_states`` for ``module`` in the background (queued once)."""
    import os

    return background(f"états des démonstrations de {module}", python_states, module, DEMOS[module],
                      dict(os.environ if environ is None else environ))


def _queue_demo_states(session):
    """After collection: each module whose demos are tested runs its notebook in the background
    while other tests run (the environment is the one of this moment, before any test changes
    it)."""
    import os

    environ = dict(os.environ)
    for item in session.items:
        if getattr(item, "originalname", None) == "test_every_demo_moves_offline_and_shows_what_python_computes":
            _demo_states(item.callspec.params["module"], environ)


AFTER_COLLECTION.append(_queue_demo_states)


@pytest.mark.waits
@pytest.mark.parametrize("module", list(DEMOS))
def test_every_demo_moves_offline_and_shows_what_python_computes(page, book_server, module, tmp_path_factory):
    expected = _demo_states(module).result()
    page.goto(f"{book_server}/modules/{module}.html", wait_until="networkidle")
    demos = page.locator("figure.atelier-live")
    assert demos.count() == len(DEMOS[module]), "une démonstration de plus ou de moins que prévu sur la page"
    shots = tmp_path_factory.getbasetemp()
    for n, (cid, moves, values) in enumerate(DEMOS[module]):
        demo = demos.nth(n)
        demo.scroll_into_view_if_needed()
        output = demo.locator(".atelier-live-output")
        assert output.get_attribute("aria-live") == "polite"
        for control in demo.locator("input[type=range]:not([disabled]), select:not([disabled])").all():
            cid_ = control.get_attribute("id")
            assert demo.locator(f'label[for="{cid_}"]').count() == 1, f"{cid} : contrôle {cid_} sans étiquette"
        before = shown(output)
        assert before == normalised(page, expected[cid]["initial"]), f"{cid} : l'état initial diffère de Python"
        demo.screenshot(path=str(shots / f"live-{cid}-avant.png"))
        move(page, demo, moves)
        after = shown(output)
        assert after != before, f"{cid} : la sortie n'a pas changé"
        assert after == normalised(page, expected[cid]["moved"]), f"{cid} : la sortie ne correspond pas au calcul Python pour {values}"
        demo.screenshot(path=str(shots / f"live-{cid}-apres.png"))
        if demo.locator(".atelier-play").count():
            demo.locator(".atelier-play").first.click()
            played = page.evaluate("() => window.atelierLive.last && window.atelierLive.last.notes")
            sent = demo.locator(".atelier-melody").first.get_attribute("data-notes")
            import json

            assert played == json.loads(sent) and len(played) == 24, "la mélodie jouée n'est pas celle de l'état affiché"
            assert demo.locator(".atelier-melody").first.get_attribute("data-playing") == "true"
    assert not page.errors, page.errors
    assert not third_party(page.requests), third_party(page.requests)


#: Every available module of the catalogue: a module that opens gets its demos moved here the
#: same day, even before it gets a hand-written case in DEMOS above.
ALL_MODULES = [m.id for m in __import__("atelier_ia.course", fromlist=["load_catalogue"]).load_catalogue().available]


@pytest.mark.parametrize("module", ALL_MODULES)
def test_every_control_of_every_demo_changes_its_output(page, book_server, module):
    """In the static book, every enabled control of every demo is labelled, operable with the
    keyboard, and changes what the demo shows (offline, no kernel, no request elsewhere)."""
    page.goto(f"{book_server}/modules/{module}.html", wait_until="networkidle")
    demos = page.locator("figure.atelier-live")
    for n in range(demos.count()):
        demo = demos.nth(n)
        demo.scroll_into_view_if_needed()
        output = demo.locator(".atelier-live-output")
        controls = demo.locator("input[type=range]:not([disabled]), select:not([disabled])").all()
        assert controls, f"{module}, démonstration {n + 1} : aucun réglage ne bouge dans le livre"
        for control in controls:
            cid = control.get_attribute("id")
            assert demo.locator(f'label[for="{cid}"]').count() == 1, f"{module} : contrôle {cid} sans étiquette"
            before = shown(output)
            control.focus()
            if control.evaluate("el => el.tagName") == "SELECT":
                options = control.locator("option").all()
                current = control.input_value()
                target = next(o.get_attribute("value") for o in options if o.get_attribute("value") != current)
                control.select_option(target)
            else:
                page.keyboard.press("End" if control.input_value() != control.get_attribute("max") else "Home")
            assert shown(output) != before, f"{module}, démonstration {n + 1} : le réglage {cid} ne change rien"
    assert not page.errors, page.errors
    assert not third_party(page.requests), third_party(page.requests)
