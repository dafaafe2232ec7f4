"""Progress without tracking: quiz results kept in the reader's browser only, and only once
they turn « Garder mes résultats dans ce navigateur » on (opt-in: the CNIL counts localStorage
as a tracer); shown on the course map, printed on the « attestation de suivi », erased when the
switch is turned off, never sent."""

from __future__ import annotations

import datetime as dt
import json
import re
from urllib.parse import unquote_plus

import pytest
import yaml
from conftest import is_local, local_only

from atelier_ia.course import load_catalogue
from atelier_ia.paths import data_dir
from atelier_ia.quiz import load_quiz, quiz_html
from atelier_ia.quiz.render import PROGRESS_CHOICE_KEY, PROGRESS_KEY, TXT
from atelier_ia.timeline import french_date
from atelier_tools import privacy, progress

CAT = load_catalogue()
MODULE = "00-prise-en-main"
NAME = "Camille Zéphyrine Testelieu"
ORG = "Médiathèque de Trifouillis"


# --------------------------------------------------------------------------- build time


def _questions_in(path) -> int:
    return len(yaml.safe_load(path.read_text(encoding="utf-8"))["questions"])


def _quiz_files(module_id: str) -> list:
    """The end-of-module quiz, the questions next to the demos, the exercises answered in the page."""
    return [data_dir() / "quiz" / f"{module_id}{suffix}.yml" for suffix in ("", "-sans-code", "-exercices")]


def test_build_time_totals_match_the_quiz_files():
    """« sur N » counts the end-of-module quiz, the questions asked next to the demos and the
    exercises answered in the page."""
    totals = progress.quiz_totals(CAT)
    assert set(totals) == {m.id for m in CAT.available}
    for m in CAT.available:
        files = _quiz_files(m.id)
        assert totals[m.id] == sum(_questions_in(f) for f in files if f.is_file()), m.id
    carte = progress.course_map(CAT)
    for mid, n in totals.items():
        assert f'data-module="{mid}" data-total="{n}"' in carte
    blob = re.search(r'<script type="application/json" id="aip-data">(.*?)</script>', carte).group(1)
    data = json.loads(blob)
    assert data["key"] == PROGRESS_KEY
    # the page writes its dates with the library's month names (no second list in the script)
    assert [french_date(dt.date(2026, m, 2)).split()[1] for m in range(1, 13)] == data["months"]
    assert {d["id"]: len(d["keys"]) for d in data["modules"]} == totals
    for d in data["modules"]:
        assert len(set(d["keys"])) == len(d["keys"]), f"{d['id']} : deux questions partagent une clé"
        m = CAT.module(d["id"])
        assert d["title"] == m.title and "minutes" not in d, "aucune durée : le livre ne mesure pas le temps passé"
        files = _quiz_files(m.id)
        levels = [q["niveau"] for f in files if f.is_file() for q in yaml.safe_load(f.read_text(encoding="utf-8"))["questions"]]
        assert [data["levels"][i] for i in d["levels"]] == levels, m.id


def test_the_quiz_records_under_the_keys_the_map_counts():
    keys = set(progress.question_keys(MODULE))
    for quiz_id in (MODULE, f"{MODULE}-sans-code", f"{MODULE}-exercices"):
        page = quiz_html(load_quiz(quiz_id), "q")
        assert f'data-module="{MODULE}"' in page and PROGRESS_KEY in page
        found = set(re.findall(r'data-key="([^"]+)"', page))
        assert found and found <= keys, quiz_id


def test_answers_to_the_exercises_done_in_the_page_count_for_their_module():
    """An exercise answered in the book is recorded under its module: the map and the attestation
    count it, and the map says which exercises it counts."""
    for m in CAT.available:
        exercises = load_quiz(f"{m.id}-exercices").questions
        assert exercises, m.id
        keys = progress.question_levels(m.id)
        for q in exercises:
            assert keys[f"exercices/{q.id}"] == q.level, (m.id, q.id)
    assert "exercices qui se font dans la page" in progress.map_block(CAT)


def test_generated_blocks_stay_one_html_block_and_load_nothing():
    carte = progress.map_block(CAT).split("\n\n")
    html_blocks = [b for b in carte if b.lstrip().startswith("<")]
    assert len(html_blocks) == 2  # the switch above the table, the script below it
    for block in (progress.attestation_block(CAT), *html_blocks):
        assert "\n\n" not in block.strip(), "une ligne vide couperait le bloc HTML en Markdown"
        assert not privacy.third_party_resources(block)


def test_every_switch_is_a_labelled_checkbox_that_warns_before_erasing():
    pages = {"carte": progress.map_block(CAT), "attestation": progress.attestation_block(CAT),
             "quiz": quiz_html(load_quiz(MODULE), "q")}
    for where, text in pages.items():
        switches = re.findall(r'<p class="ai-keep".*?</p>', text, re.S)
        assert len(switches) == 1, where
        sw = switches[0]
        box_id = re.search(r'id="([^"]+)"', sw).group(1)
        assert re.search(r'<label><input type="checkbox" role="switch"[^>]*> ' + re.escape(TXT["keep"]) + "</label>", sw), where
        assert f'aria-describedby="{box_id}-hint"' in sw and f'<span id="{box_id}-hint">' in sw, where
        assert "désactiver efface vos résultats" in sw, where
        assert 'role="status" aria-live="polite"' in sw, where
        assert "checked" not in sw, f"{where} : désactivé par défaut"
    # every quiz offers the choice before its questions (the page shows only its first switch)
    for quiz_id in (MODULE, f"{MODULE}-sans-code"):
        text = quiz_html(load_quiz(quiz_id), "q")
        assert text.index('class="ai-keep"') < text.index('class="aiq-question"'), quiz_id


# --------------------------------------------------------------------------- in a browser



def _today() -> str:
    return french_date(dt.date.today())


@pytest.fixture()
def context(browser):
    """A browser context that records every request (URL, method, body, headers)."""
    ctx = browser.new_context(locale="fr-FR", viewport={"width": 1280, "height": 900})
    ctx.sent = []
    ctx.on("request", lambda r: ctx.sent.append((r.url, r.method, r.post_data or "", json.dumps(r.headers))))

    local_only(ctx)
    yield ctx
    ctx.close()


def _page(ctx):
    page = ctx.new_page()
    page.errors = []
    page.on("pageerror", lambda exc: page.errors.append(str(exc)))
    return page


def _storage(page) -> dict:
    return json.loads(page.evaluate("JSON.stringify(localStorage)"))


def _ours(page) -> dict:
    """The course's entries in this browser's localStorage (the theme may keep its own)."""
    return {k: v for k, v in _storage(page).items() if k.startswith(PROGRESS_KEY)}


def _toggle_with_keyboard(page, box: str) -> str:
    """Focus the switch inside ``box`` (a CSS selector) and press Space; return its status."""
    switch = page.locator(f"{box} input[role=switch]")
    switch.scroll_into_view_if_needed()
    assert switch.is_visible(), "l'interrupteur est affiché"
    switch.focus()
    before = switch.is_checked()
    page.keyboard.press("Space")
    assert switch.is_checked() != before or "refuse" in page.locator(f"{box} .ai-keep-status").inner_text()
    return page.locator(f"{box} .ai-keep-status").inner_text()


def _answer_with_keyboard(page, quiz_id: str, right: bool):
    """Answer the first single-choice question of a quiz with Tab, Space and Enter only."""
    quiz = load_quiz(quiz_id)
    q = next(q for q in quiz.questions if not q.multiple)
    pick = next(i for i, o in enumerate(q.options) if o.correct == right)
    form = page.locator(f'form[data-key="{progress.progress_slot(quiz.module, q.id)[1]}"]')
    form.scroll_into_view_if_needed()
    form.locator("input").first.focus()
    for _ in range(pick):
        page.keyboard.press("ArrowDown")  # moves and checks within the radio group
    page.keyboard.press("Space")
    page.keyboard.press("Tab")  # out of the group: the « Vérifier » button
    assert page.evaluate("() => document.activeElement.textContent") == "Vérifier"
    page.keyboard.press("Enter")
    return form.get_by_role("status").inner_text()


def _answer_by_click(page, quiz_id: str, nth: int, right: bool):
    """Answer the ``nth`` single-choice question of a quiz with the mouse; return its level."""
    quiz = load_quiz(quiz_id)
    q = [q for q in quiz.questions if not q.multiple][nth]
    pick = next(i for i, o in enumerate(q.options) if o.correct == right)
    form = page.locator(f'form[data-key="{progress.progress_slot(quiz.module, q.id)[1]}"]')
    form.scroll_into_view_if_needed()
    form.locator("input").nth(pick).check()
    form.get_by_role("button", name="Vérifier").click()
    form.get_by_role("status").wait_for()
    return q.level


@pytest.mark.book
@pytest.mark.browser
def test_progress_flows_from_quiz_to_map_to_attestation_then_is_erased(context, book_server):
    total = progress.quiz_totals(CAT)[MODULE]
    page = _page(context)
    # the reader turns saving on, under the course map
    page.goto(f"{book_server}/intro.html", wait_until="load")
    assert page.locator("#aip-carte .aip-state").inner_text() == "Vos résultats ne sont pas gardés."
    assert page.locator(f'.aip-prog[data-module="{MODULE}"]').inner_text() == "non gardés"
    assert "Activé" in _toggle_with_keyboard(page, "#aip-carte")
    assert _ours(page) == {PROGRESS_CHOICE_KEY: "oui"}, "seul le choix est gardé, aucun résultat"
    assert page.locator("#aip-carte .aip-state").inner_text().startswith("Vos résultats sont gardés")
    assert page.locator(f'.aip-prog[data-module="{MODULE}"]').inner_text().startswith("pas encore commencé")

    # the module page knows it: its switch is on, and its answers are recorded
    page.goto(f"{book_server}/modules/{MODULE}.html", wait_until="load")
    assert page.locator(".aiq-kept:visible").count() == 1, "la page dit une fois où vont les résultats"
    assert "Rien n'est envoyé" in page.locator(".aiq-kept:visible").inner_text()
    assert page.locator(".aiq .ai-keep:visible input[role=switch]").is_checked()
    assert "Bonne réponse" in _answer_with_keyboard(page, MODULE, right=True)
    assert "Pas tout à fait" in _answer_with_keyboard(page, f"{MODULE}-sans-code", right=False)
    answered_levels = [next(q for q in load_quiz(MODULE).questions if not q.multiple).level,
                       next(q for q in load_quiz(f"{MODULE}-sans-code").questions if not q.multiple).level]
    answered_levels.append(_answer_by_click(page, MODULE, 1, right=False))  # three questions of module 00

    stored = json.loads(page.evaluate(f"() => localStorage.getItem('{PROGRESS_KEY}')"))
    assert stored["v"] == 1
    assert list(stored["modules"]) == [MODULE]
    results = stored["modules"][MODULE]["q"]
    assert sorted(r["r"] for r in results.values()) == ["ok", "wrong", "wrong"]
    assert {r["d"] for r in results.values()} == {dt.date.today().isoformat()}

    # the course map: one right answer out of every question of the module, today
    page.goto(f"{book_server}/intro.html", wait_until="load")
    cell = page.locator(f'.aip-prog[data-module="{MODULE}"]')
    assert cell.inner_text() == f"1\u00a0question réussie sur {total}"
    assert page.locator(f'.aip-last[data-module="{MODULE}"]').inner_text() == _today()
    other = next(m.id for m in CAT.available if m.id != MODULE)
    assert page.locator(f'.aip-prog[data-module="{other}"]').inner_text().startswith("pas encore commencé")

    # the attestation: name typed on the keyboard; what was measured, and nothing else
    page.goto(f"{book_server}/annexes/attestation.html", wait_until="load")
    page.locator("#aip-nom").focus()
    page.keyboard.type(NAME)
    page.keyboard.press("Tab")
    page.keyboard.type(ORG)
    preview = page.locator("#aip-apercu")
    row = preview.locator(f'tr[data-module="{MODULE}"]')
    cells = [c.strip() for c in row.locator("th, td").all_inner_texts()]
    m = CAT.module(MODULE)
    levels = progress.question_levels(MODULE).values()
    by_level = [f"{answered_levels.count(lv)} sur {list(levels).count(lv)}" if lv in levels else "—"
                for lv in ("rappel", "application", "jugement")]
    assert cells == [m.number, m.title, f"3 sur {total}", "1", *by_level, _today()]
    assert [c.strip() for c in preview.locator("thead th").all_inner_texts()] == [
        "N°", "Module", "Questions répondues", "Réussies au dernier essai", "Rappel", "Application", "Jugement", "Dernière réponse"]
    assert preview.locator("tbody tr").count() == 1
    all_questions = sum(progress.quiz_totals(CAT).values())
    assert preview.locator("caption").inner_text() == f"3 questions répondues sur les {all_questions} questions du cours"
    text = preview.inner_text()
    table = preview.locator("table").inner_text().lower()
    for unknowable in ("durée", "suivi", "\u00a0h", "min"):
        assert unknowable not in table, f"l'attestation ne peut pas savoir : {unknowable}"
    assert NAME in text and ORG in text and f"produit le {_today()}" in text
    assert "ni un diplôme, ni une certification" in text

    # printed: only the sheet, on one A4 page
    page.emulate_media(media="print")
    assert page.locator("#aip-print").is_visible()
    assert NAME in page.locator("#aip-print").inner_text()
    assert not page.locator("main h1").first.is_visible()
    assert not page.locator(".bd-sidebar-primary").first.is_visible()
    pdf = page.pdf(format="A4")
    assert len(re.findall(rb"/Type\s*/Page(?!s)", pdf)) == 1
    page.emulate_media(media="screen")

    # the name is kept nowhere: not in storage, gone after a reload
    assert NAME not in page.evaluate("() => JSON.stringify(localStorage)")
    page.reload(wait_until="load")
    assert page.locator("#aip-nom").input_value() == ""

    # turning saving off, with the keyboard, erases: the status says so, nothing is left
    assert "désactiver efface vos résultats" in page.locator("#aip-attestation .ai-keep").inner_text()
    assert "résultats sont effacés" in _toggle_with_keyboard(page, "#aip-attestation")
    assert _ours(page) == {}
    assert "ne sont pas gardés" in page.locator("#aip-apercu").inner_text()
    page.goto(f"{book_server}/intro.html", wait_until="load")
    assert not page.locator("#aip-carte input[role=switch]").is_checked()
    assert page.locator(f'.aip-prog[data-module="{MODULE}"]').inner_text() == "non gardés"
    assert page.locator(f'.aip-last[data-module="{MODULE}"]').inner_text() == "—"
    assert not page.errors, page.errors

    # nothing was sent: every request went to the local server, none carried the name
    assert context.sent
    elsewhere = [url for url, *_ in context.sent if not is_local(url)]
    assert not elsewhere, elsewhere
    for word in (NAME, ORG, "Testelieu", "Trifouillis"):
        leaks = [url for url, method, body, headers in context.sent
                 if any(word in text or word in unquote_plus(text) for text in (url, body, headers))]
        assert not leaks, leaks


# The course's keys are refused as a browser in strict private mode refuses storage (the
# theme's own keys still work, so that an error of the theme cannot hide one of ours).
_REFUSE_STORAGE = """
(() => {
  for (const name of ["getItem", "setItem", "removeItem"]) {
    const original = Storage.prototype[name];
    Storage.prototype[name] = function (key, ...rest) {
      if (key === "%s" || key === "%s") throw new DOMException("Stockage refusé", "SecurityError");
      return original.call(this, key, ...rest);
    };
  }
})();
""" % (PROGRESS_KEY, PROGRESS_CHOICE_KEY)


@pytest.mark.book
@pytest.mark.browser
def test_a_browser_that_refuses_storage_still_gives_quiz_feedback(context, book_server):
    context.add_init_script(_REFUSE_STORAGE)
    page = _page(context)
    page.goto(f"{book_server}/modules/{MODULE}.html", wait_until="load")
    assert page.evaluate(f"() => {{ try {{ localStorage.getItem('{PROGRESS_KEY}'); return false; }} catch (e) {{ return true; }} }}")
    assert "refuse le stockage" in _toggle_with_keyboard(page, ".aiq .ai-keep:visible")
    assert not page.locator(".aiq .ai-keep:visible input[role=switch]").is_checked(), "l'interrupteur ne reste pas activé"
    assert "Bonne réponse" in _answer_with_keyboard(page, MODULE, right=True)

    page.goto(f"{book_server}/intro.html", wait_until="load")
    assert page.locator("#aip-carte .aip-unavailable").is_visible()
    assert page.locator(f'.aip-prog[data-module="{MODULE}"]').inner_text() == "non gardés"
    assert "refuse le stockage" in _toggle_with_keyboard(page, "#aip-carte")

    page.goto(f"{book_server}/annexes/attestation.html", wait_until="load")
    page.locator("#aip-nom").fill(NAME)
    text = page.locator("#aip-apercu").inner_text()
    assert NAME in text and "refuse le stockage" in text
    assert not page.errors, page.errors


@pytest.mark.book
@pytest.mark.browser
def test_an_unreadable_stored_value_is_replaced_not_fatal(context, book_server):
    page = _page(context)
    page.goto(f"{book_server}/intro.html", wait_until="load")
    page.evaluate(f"() => localStorage.setItem('{PROGRESS_CHOICE_KEY}', 'oui')")
    page.evaluate(f"() => localStorage.setItem('{PROGRESS_KEY}', '{{pas du JSON')")
    page.reload(wait_until="load")
    assert page.locator(f'.aip-prog[data-module="{MODULE}"]').inner_text().startswith("pas encore commencé")
    page.goto(f"{book_server}/modules/{MODULE}.html", wait_until="load")
    assert "Bonne réponse" in _answer_with_keyboard(page, MODULE, right=True)
    stored = json.loads(page.evaluate(f"() => localStorage.getItem('{PROGRESS_KEY}')"))
    assert list(stored["modules"]) == [MODULE]
    assert not page.errors, page.errors


# --------------------------------------------------------------------------- opt-in


@pytest.mark.book
@pytest.mark.browser
def test_with_saving_off_answering_writes_nothing(context, book_server):
    """The default: quizzes give their feedback as before and nothing reaches localStorage."""
    page = _page(context)
    page.goto(f"{book_server}/modules/{MODULE}.html", wait_until="load")
    switch = page.locator(".aiq .ai-keep:visible input[role=switch]")
    assert switch.count() == 1 and switch.is_visible() and not switch.is_checked()
    before = _storage(page)
    assert "Bonne réponse" in _answer_with_keyboard(page, MODULE, right=True)
    assert "Pas tout à fait" in _answer_with_keyboard(page, f"{MODULE}-sans-code", right=False)
    after = _storage(page)
    assert after == before, f"rien n'est écrit sans accord : {after}"
    assert not any(k.startswith(PROGRESS_KEY) for k in after)
    assert page.evaluate("document.cookie") == ""
    # the map and the attestation have nothing to show, and say why
    page.goto(f"{book_server}/intro.html", wait_until="load")
    assert page.locator("#aip-carte .aip-state").inner_text() == "Vos résultats ne sont pas gardés."
    page.goto(f"{book_server}/annexes/attestation.html", wait_until="load")
    assert "ne sont pas gardés" in page.locator("#aip-apercu").inner_text()
    assert _ours(page) == {}
    assert not page.errors, page.errors


@pytest.mark.book
@pytest.mark.browser
def test_the_switch_under_every_module_quiz_records_then_erases(context, book_server):
    """On every module page: one switch, before the first quiz question; on, an answer is kept for
    that module; off, everything is erased, and the next answer is not kept."""
    page = _page(context)
    for m in CAT.available:
        page.goto(f"{book_server}/{m.notebook.replace('.ipynb', '.html')}", wait_until="load")
        assert page.locator(".ai-keep:visible").count() == 1, m.id
        assert "Activé" in _toggle_with_keyboard(page, ".aiq .ai-keep:visible"), m.id
        _answer_with_keyboard(page, m.id, right=True)
        stored = json.loads(_ours(page)[PROGRESS_KEY])
        assert list(stored["modules"]) == [m.id]
        assert list(stored["modules"][m.id]["q"].values())[0]["r"] == "ok", m.id
        assert "effacés" in _toggle_with_keyboard(page, ".aiq .ai-keep:visible"), m.id
        assert _ours(page) == {}, m.id
        _answer_with_keyboard(page, m.id, right=False)
        assert _ours(page) == {}, f"{m.id} : désactivé, plus rien n'est écrit"
    assert not page.errors, page.errors


@pytest.mark.book
@pytest.mark.browser
def test_the_map_follows_a_switch_turned_off_in_another_tab(context, book_server):
    page, other = _page(context), _page(context)
    page.goto(f"{book_server}/intro.html", wait_until="load")
    _toggle_with_keyboard(page, "#aip-carte")
    other.goto(f"{book_server}/modules/{MODULE}.html", wait_until="load")
    assert other.locator(".aiq .ai-keep:visible input[role=switch]").is_checked()
    _answer_with_keyboard(other, MODULE, right=True)
    page.wait_for_function(f"document.querySelector('.aip-prog[data-module=\"{MODULE}\"]').textContent.startsWith('1')")
    _toggle_with_keyboard(other, ".aiq .ai-keep:visible")
    page.wait_for_function("!document.querySelector('#aip-carte input[role=switch]').checked")
    assert page.locator(f'.aip-prog[data-module="{MODULE}"]').inner_text() == "non gardés"
    assert _ours(page) == {}
    assert not page.errors and not other.errors, page.errors + other.errors


@pytest.mark.book
@pytest.mark.browser
def test_the_switch_comes_before_the_first_question_and_keeps_answers_over_a_reload(context, book_server):
    """A module page offers the choice before its first question; turned on there, an answer
    survives a reload and the switch stays on."""
    page = _page(context)
    m = CAT.available[-1]
    page.goto(f"{book_server}/{m.notebook.replace('.ipynb', '.html')}", wait_until="load")
    before_first = page.evaluate("""() => {
        const sw = [...document.querySelectorAll('.aiq .ai-keep')].find(e => e.offsetParent !== null);
        const q = document.querySelector('form.aiq-question');
        return !!(sw && q && (sw.compareDocumentPosition(q) & Node.DOCUMENT_POSITION_FOLLOWING));
    }""")
    assert before_first, "l'interrupteur précède la première question de la page"
    assert "Activé" in _toggle_with_keyboard(page, ".aiq .ai-keep:visible")
    _answer_with_keyboard(page, m.id, right=True)
    page.reload(wait_until="load")
    assert page.locator(".aiq .ai-keep:visible input[role=switch]").is_checked()
    stored = json.loads(_ours(page)[PROGRESS_KEY])
    assert list(stored["modules"][m.id]["q"].values())[0]["r"] == "ok"
    assert not page.errors, page.errors
