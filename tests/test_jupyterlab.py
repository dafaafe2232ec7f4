"""A real client: JupyterLab from the project's environment, driven by Debian's Chromium.

A self-learner opens the notebooks in JupyterLab (``make lab``) or Binder, not in the book.
This test starts JupyterLab on 127.0.0.1 (its own process, stopped at the end), opens module 00
and exercises/00, runs every cell and reads the page as the learner sees it: no error output,
no raw MyST markup, no solution visible before the learner opens it, a quiz that answers in
French, a live demo whose output follows its slider; then it opens every other notebook and
reads it the same way, without running it. The app is loaded once, in one browser page: each test
opens its notebook there, then closes its tab and stops its kernel. Screenshots go to /tmp/lab-*.png.
"""

from __future__ import annotations

import json
import os
import re
import secrets
import socket
import subprocess
import sys
import time
import urllib.request

import pytest
from conftest import ROOT

pytestmark = [pytest.mark.browser]


#: MyST markup that must never reach a learner's eyes (rendered text of markdown cells).
RAW_MYST = re.compile(
    r"\{(?:term|cite|cite:[a-z]+|ref|numref|doc|eq|exercise|solution|note|tip|warning|admonition|"
    r"glue|dropdown|figure|index)\}|:label:|:class:|:nonumber:|```|^:::"
    # what JupyterLab-MyST writes in place of a directive or a role it does not know
    r"|Unknown (?:Directive|Role)", re.M)

#: JupyterLab user settings for the test: no news pop-up, every cell kept in the page, no autosave.
SETTINGS = {
    "@jupyterlab/docmanager-extension/plugin.jupyterlab-settings": {"autosave": False},
    "@jupyterlab/apputils-extension/notification.jupyterlab-settings": {"fetchNews": "false", "checkForUpdates": False},
    "@jupyterlab/notebook-extension/tracker.jupyterlab-settings": {"windowingMode": "none"},
}


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def lab(tmp_path_factory):
    """JupyterLab serving a copy of the course's notebooks; yields its base URL and token.

    The server never sees the repository's own notebooks: a run must not save outputs into them.
    """
    import shutil

    home = tmp_path_factory.mktemp("lab")
    served = home / "cours"
    for folder in ("modules", "exercises"):
        (served / folder).mkdir(parents=True)
        for nb in (ROOT / folder).glob("*.ipynb"):
            shutil.copy2(nb, served / folder / nb.name)
    (served / "data").symlink_to(ROOT / "data", target_is_directory=True)
    for name, value in SETTINGS.items():
        path = home / "settings" / name.replace("/", os.sep, 1)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(value), encoding="utf-8")
    port, token = _free_port(), secrets.token_hex(16)
    env = dict(os.environ,
               PYTHONPATH=os.pathsep.join([str(ROOT / "src"), os.environ.get("PYTHONPATH", "")]).rstrip(os.pathsep),
               JUPYTERLAB_SETTINGS_DIR=str(home / "settings"),
               JUPYTERLAB_WORKSPACES_DIR=str(home / "workspaces"),
               JUPYTER_RUNTIME_DIR=str(home / "runtime"))
    log = open(home / "lab.log", "w", encoding="utf-8")
    proc = subprocess.Popen(
        [sys.executable, "-m", "jupyter", "lab", "--no-browser", "--ip", "127.0.0.1", "--port", str(port),
         f"--ServerApp.token={token}", "--allow-root", f"--ServerApp.root_dir={served}",
         "--LabApp.expose_app_in_browser=True", "--LabApp.news_url=",
         "--ServerApp.open_browser=False"],
        cwd=served, env=env, stdout=log, stderr=subprocess.STDOUT,
    )
    try:
        base = f"http://127.0.0.1:{port}"
        for _ in range(240):
            if proc.poll() is not None:
                pytest.fail("JupyterLab s'est arrêté au démarrage :\n" + (home / "lab.log").read_text()[-3000:])
            try:
                urllib.request.urlopen(f"{base}/api/status?token={token}", timeout=1)
                break
            except OSError:
                time.sleep(0.25)
        else:
            pytest.fail("JupyterLab n'a pas répondu en 60 secondes.")
        yield base, token
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=10)
        log.close()




PANEL_JS = "[...window.jupyterapp.shell.widgets('main')].find(w => w.context && w.context.path === path)"

#: What JupyterLab or JupyterLab-MyST draws for a markdown cell it has rendered.
RENDERED = ".jp-RenderedMarkdown, .jp-RenderedMySTMarkdown, .myst"


def _js(body: str) -> str:
    """A page function of the notebook's path, where PANEL is the notebook's panel."""
    return "(path) => { const panel = " + PANEL_JS + "; " + body.replace("PANEL", "panel") + " }"


@pytest.fixture(scope="module")
def lab_page(browser, lab):
    """JupyterLab loaded once in a fresh workspace (no tab restored), for every test of the module.

    Each test opens its notebook in this app and closes it at the end (:func:`_open`, :func:`_close`),
    as a learner opens one notebook after another: loading the whole app costs a few seconds a time.
    """
    base, token = lab
    context = browser.new_context(locale="fr-FR", viewport={"width": 1280, "height": 1000})
    page = context.new_page()
    page.on("dialog", lambda d: d.dismiss())
    page.goto(f"{base}/lab/workspaces/atelier?reset&token={token}")
    page.wait_for_function("() => window.jupyterapp && window.jupyterapp.restored.then(() => true)", timeout=90_000)
    yield page
    context.close()


def _open(page, notebook: str, kernel: bool = True) -> str:
    """Open ``notebook`` in the app of ``page`` (and nothing else); return a CSS selector of its panel.
    ``kernel=False`` opens it as JupyterLab's « Notebook (no kernel) » does, to read it."""
    page.notebook = notebook
    panel_id = page.evaluate(
        "async ([path, kernel]) => { for (const w of [...window.jupyterapp.shell.widgets('main')]) if (w.context) w.dispose();"
        " const args = kernel ? {path} : {path, factory: 'Notebook', kernelPreference: {shouldStart: false, shouldReuse: false}};"
        " const panel = await window.jupyterapp.commands.execute('docmanager:open', args);"
        " await panel.context.ready; window.jupyterapp.shell.activateById(panel.id); return panel.id; }", [notebook, kernel])
    return f"#{panel_id}"


def _open_and_run(page, notebook: str):
    """Open ``notebook`` in JupyterLab, run all its cells, wait for the kernel; return the panel's selector."""
    panel = _open(page, notebook)
    page.wait_for_selector(f"{panel} .jp-Cell", timeout=90_000)
    page.wait_for_function(_js(
        "const k = panel && panel.sessionContext.session && panel.sessionContext.session.kernel;"
        " return !!k && k.status === 'idle';"), arg=notebook, timeout=90_000)
    page.evaluate(_js("window.jupyterapp.shell.activateById(panel.id);"
                      " window.jupyterapp.commands.execute('notebook:run-all-cells'); return true;"), notebook)
    try:
        page.wait_for_function(_js(
            "const code = panel.content.widgets.filter(c => c.model.type === 'code');"
            " return code.every(c => c.model.executionCount !== null"
            " && !c.node.querySelector('.jp-InputPrompt').textContent.includes('*'))"
            " && panel.sessionContext.session.kernel.status === 'idle';"),
            arg=notebook, timeout=180_000, polling=100)
    except Exception:
        _shot(page, "echec")
        waiting = page.evaluate(_js(
            "return panel.content.widgets.filter(c => c.model.type === 'code' && c.model.executionCount === null)"
            ".map(c => c.model.id);"), notebook)
        pytest.fail(f"{notebook} : cellules jamais exécutées {waiting} ; erreurs : {_errors(page)}")
    page.evaluate(_js("window.jupyterapp.commands.execute('notebook:render-all-markdown'); return true;"), notebook)
    return panel


def _close(page, lab):
    """Close the notebook's panel (without saving), then stop its kernel through the server's REST API."""
    page.evaluate(_js(
        "if (!panel) return true; const started = panel.sessionContext.ready.catch(() => null);"
        " return Promise.race([started, new Promise(r => setTimeout(r, 30000))])"
        ".then(() => { panel.dispose(); return true; });"), page.notebook)  # a kernel still starting would outlive its DELETE
    base, token = lab
    sessions = json.load(urllib.request.urlopen(f"{base}/api/sessions?token={token}", timeout=10))
    for session in sessions:
        if session.get("path") == page.notebook:
            request = urllib.request.Request(f"{base}/api/sessions/{session['id']}?token={token}", method="DELETE")
            urllib.request.urlopen(request, timeout=20)


def _errors(page) -> list[str]:
    return page.evaluate(_js(
        "return panel.content.widgets.filter(c => c.model.type === 'code')"
        ".flatMap(c => c.model.outputs.toJSON().filter(o => o.output_type === 'error')"
        ".map(o => c.model.id + ': ' + o.ename + ': ' + o.evalue));"), page.notebook)


def _markdown_text(page) -> list[str]:
    """What a reader sees of each markdown cell of the open notebook (innerText skips collapsed content)."""
    return page.evaluate(_js(
        "return [...panel.node.querySelectorAll('.jp-MarkdownCell')]"
        f".map(c => {{ const r = c.querySelector('{RENDERED}');"
        " return r ? r.innerText : c.innerText; });"), page.notebook)


def _shot(page, name: str):
    page.screenshot(path=f"/tmp/lab-{name}.png")


def test_module_00_runs_reads_and_its_widgets_answer(lab_page, lab):
    from atelier_ia.quiz import load_quiz

    started = time.monotonic()
    page = lab_page
    panel = _open_and_run(page, "modules/00-prise-en-main.ipynb")
    try:
        assert _errors(page) == [], "une cellule du module 00 échoue dans JupyterLab"
        menus = page.locator("#jp-MainMenu .lm-MenuBar-itemLabel").all_inner_texts()
        assert "Fichier" in menus and "File" not in menus, (
            f"l'interface de JupyterLab n'est pas en français (menus : {menus}) : "
            "make venv installe le paquet de langue et python -m atelier_tools.kernel le choisit")
        texts = _markdown_text(page)
        assert len(texts) > 10 and all(t.strip() for t in texts), "des cellules de texte ne sont pas rendues"
        raw = [m.group(0) + " dans : " + t[:80] for t in texts for m in [RAW_MYST.search(t)] if m]
        assert raw == [], f"balisage MyST brut visible : {raw[:3]}"
        _shot(page, "module-00-debut")

        # the live demo: moving the « Graine » slider changes the generated text
        slider = page.locator(panel).locator(".widget-slider", has_text="Graine").first
        slider.scroll_into_view_if_needed()
        demo = slider.locator("xpath=ancestor::div[contains(@class,'widget-vbox')][1]")
        output = demo.locator(".widget-output")
        before = output.inner_text()
        assert before.strip(), "la démonstration montre un premier texte"
        slider.locator(".noUi-handle").first.focus()
        page.keyboard.press("ArrowRight")
        page.wait_for_function("([el, old]) => el.innerText !== old && el.innerText.trim() !== ''",
                               arg=[output.element_handle(), before], timeout=30_000)
        _shot(page, "module-00-curseur")

        # the quiz: a wrong answer, then the right one, both answered in French
        quiz = load_quiz("00-prise-en-main")
        index = next(i for i, q in enumerate(quiz.questions) if not q.multiple)
        q = quiz.questions[index]
        wrong = next(i for i, o in enumerate(q.options) if not o.correct)
        right = next(i for i, o in enumerate(q.options) if o.correct)
        buttons = page.locator(panel).get_by_role("button", name="Vérifier")  # no-code questions come first, the module's quiz last
        button = buttons.nth(buttons.count() - len(quiz.questions) + index)
        box = button.locator("xpath=..")
        box.scroll_into_view_if_needed()
        box.locator("input[type=radio]").nth(wrong).check()
        button.click()
        page.wait_for_function("el => el.innerText.includes('Pas tout à fait')", arg=box.element_handle(), timeout=15_000)
        _shot(page, "module-00-quiz-faux")
        box.locator("input[type=radio]").nth(right).check()
        button.click()
        page.wait_for_function("el => el.innerText.includes('Bonne réponse')", arg=box.element_handle(), timeout=15_000)
        assert "Pas tout à fait" not in box.inner_text()
        _shot(page, "module-00-quiz-juste")
        # a long option wraps inside its own line box instead of running over the next option
        labels = page.locator(f"{panel} .widget-radio-box label")
        assert labels.count() >= len(quiz.questions)
        overflowing = page.evaluate(
            "panel => [...document.querySelectorAll(panel + ' .widget-radio-box label')]"
            ".filter(l => l.scrollHeight > l.clientHeight + 1).map(l => l.innerText.slice(0, 60))", panel)
        assert overflowing == [], f"des réponses du quiz débordent sur la suivante dans JupyterLab : {overflowing}"
    finally:
        _close(page, lab)
    print(f"module 00 dans JupyterLab : {time.monotonic() - started:.0f} s")


def test_exercises_00_run_and_hide_their_solutions(lab_page, lab):
    sys.path.insert(0, str(ROOT / "tests"))
    from notebook_tools import read, solutions

    path = ROOT / "exercises" / "00-prise-en-main-exercices.ipynb"
    sols = solutions(read(path))
    page = lab_page
    panel = _open_and_run(page, "exercises/00-prise-en-main-exercices.ipynb")
    try:
        assert _errors(page) == [], "une cellule des exercices 00 échoue dans JupyterLab"
        texts = _markdown_text(page)
        raw = [m.group(0) + " dans : " + t[:80] for t in texts for m in [RAW_MYST.search(t)] if m]
        assert raw == [], f"balisage MyST brut visible : {raw[:3]}"
        seen = "\n".join(texts)
        assert "Exercice" in seen or "Exercise" in seen
        for label in ("00-1", "00-2", "00-3", "00-4"):
            assert f"({label})" in seen, f"le titre de l'exercice {label} porte son numéro de vérification"
        whole = page.locator(panel).inner_text()  # code, outputs and text as displayed
        solution_lines = {label: [ln for ln in code.strip().splitlines() if ln.startswith("reponse_")][0] for label, code in sols.items()}
        from atelier_ia.exercises.pages import exercise_modes

        in_lab = [ident for ident, in_page in exercise_modes("00-prise-en-main").items() if not in_page]
        assert len(solution_lines) == len(in_lab) >= 1  # one Python solution per exercise done in JupyterLab
        for label, line in solution_lines.items():
            assert line not in whole, f"{label} : la solution se lit avant d'être demandée ({line!r})"
        # the check cells answer the placeholder kindly, in French
        assert page.locator(panel).get_by_text("Remplacez « ... » par votre réponse").count() == len(in_lab)
        _shot(page, "exercices-00")

        # the learner asks for the first solution: it opens and shows the code
        summary = page.locator(panel).get_by_text(re.compile(r"Solution")).first
        summary.scroll_into_view_if_needed()
        summary.click()
        page.wait_for_function("([panel, line]) => document.querySelector(panel).innerText.includes(line)",
                               arg=[panel, solution_lines["ex-00-1"]], timeout=10_000)
        _shot(page, "exercices-00-solution")
    finally:
        _close(page, lab)


OTHERS = sorted(p.relative_to(ROOT).as_posix() for folder in ("modules", "exercises")
                for p in (ROOT / folder).glob("*.ipynb") if not p.name.startswith("00-"))


@pytest.mark.parametrize("notebook", OTHERS)
def test_other_notebooks_read_without_markup_or_visible_solutions(lab_page, lab, notebook):
    """The text of every other notebook, as opened (not run): formatted, solutions folded."""
    sys.path.insert(0, str(ROOT / "tests"))
    from notebook_tools import read, solutions

    page = lab_page
    try:
        panel = _open(page, notebook, kernel=False)  # read, not run: no kernel to start
        page.wait_for_function(_js(  # every markdown cell rendered, not only the first ones
            "const md = panel.content.widgets.filter(c => c.model.type === 'markdown');"
            f" return md.length > 3 && md.every(c => c.node.querySelector('{RENDERED}'));"),
            arg=notebook, timeout=30_000, polling=100)
        assert page.evaluate(_js("return !panel.sessionContext.session;"), notebook), "un noyau a démarré pour une lecture"
        texts = _markdown_text(page)
        raw = [m.group(0) + " dans : " + t[:80] for t in texts for m in [RAW_MYST.search(t)] if m]
        assert raw == [], f"balisage MyST brut visible : {raw[:3]}"
        whole = page.locator(panel).inner_text()
        for label, code in solutions(read(ROOT / notebook)).items():
            line = [ln for ln in code.strip().splitlines() if ln.startswith("reponse_")][0]
            assert line not in whole, f"{label} : la solution se lit avant d'être demandée ({line!r})"
        _shot(page, notebook.replace("/", "-").split("-")[0] + "-" + notebook.split("/")[-1].split("-")[0])
    finally:
        _close(page, lab)
