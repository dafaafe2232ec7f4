"""Paths by job (data/course/metiers.yml) and the positioning quiz (data/course/positionnement.yml)."""

from __future__ import annotations

import copy
import re
from pathlib import Path
from urllib.parse import urlparse

import pytest
import yaml

from atelier_ia import AtelierError
from atelier_ia.course import load_catalogue, parse_catalogue
from atelier_ia.paths import data_dir, repo_root
from atelier_tools import book, durations, metiers, privacy, progress, render, sync

CAT = load_catalogue()
ROOT = repo_root()
AUDS = metiers.load_audiences(CAT, strict=True)
POS = metiers.load_positioning(AUDS, CAT, strict=True)


def raw(name):
    return yaml.safe_load((data_dir() / "course" / name).read_text(encoding="utf-8"))


def catalogue_raw():
    return raw("modules.yml"), raw("parcours.yml")


# --------------------------------------------------------------------------- audiences


def test_at_least_six_audiences_each_with_steps_and_questions():
    assert len(AUDS) >= 6
    for a in AUDS:
        assert a.steps and a.questions and a.public
        assert not a.left_out, f"{a.id} cite des modules absents : {a.left_out}"


def test_every_step_names_an_available_module_and_existing_sections():
    data = raw("metiers.yml")
    for a, entry in zip(AUDS, data["metiers"]):
        assert [s.module.id for s in a.steps] == [e["module"] for e in entry["etapes"]]
        for st, e in zip(a.steps, entry["etapes"]):
            assert st.module.available
            ids = {s.id for s in durations.sections(ROOT / st.module.notebook)}
            assert set(e.get("sections", [])) <= ids
            assert [s.id for s in st.sections] == [s for s in [x.id for x in durations.sections(ROOT / st.module.notebook)]
                                                    if s in e.get("sections", [])]


def test_totals_are_the_sum_of_their_parts():
    data = raw("metiers.yml")
    for a, entry in zip(AUDS, data["metiers"]):
        expected = 0
        for e in entry["etapes"]:
            m = CAT.module(e["module"])
            if "sections" in e:
                secs = {s.id: s for s in durations.sections(ROOT / m.notebook)}
                part = sum(max(1, round(secs[sid].minutes)) for sid in e["sections"])
            else:
                part = m.teaching_minutes + m.exercise_minutes
            act = metiers.load_activity(m.id) if e.get("activite") else None
            expected += part + (act.minutes if act else 0)
        assert a.minutes == expected, a.id
        page = metiers.audience_page(a, CAT)
        assert f"**{render.duration(expected)}**" in page
        for st in a.steps:
            assert f"| {render.duration(st.minutes)} |" in page


def test_an_unknown_section_is_an_error_in_french():
    data = copy.deepcopy(raw("metiers.yml"))
    step = next(s for a in data["metiers"] for s in a["etapes"] if "sections" in s)
    step["sections"].append("section-disparue")
    with pytest.raises(AtelierError, match="la section « section-disparue » n'existe pas"):
        metiers.parse_audiences(data, CAT)


def test_a_module_missing_from_the_catalogue_is_left_out_unless_strict():
    data = copy.deepcopy(raw("metiers.yml"))
    data["metiers"][0]["etapes"].append({"module": "99-inconnu", "pourquoi": "Un module d'un autre fork."})
    auds = metiers.parse_audiences(data, CAT)
    assert auds[0].left_out == ("99-inconnu",)
    assert "99-inconnu" in metiers.audience_page(auds[0], CAT)
    with pytest.raises(AtelierError, match="n'est pas dans le catalogue"):
        metiers.parse_audiences(data, CAT, strict=True)


def test_a_fork_that_removes_a_module_still_builds_its_paths():
    modules, pathways = copy.deepcopy(catalogue_raw())
    gone = "07-ecosysteme-ouvert"
    assert any(s.module.id == gone for a in AUDS for s in a.steps)
    modules["modules"] = [m for m in modules["modules"] if m["id"] != gone]
    for p in pathways["parcours"]:
        p["modules"] = [m for m in p["modules"] if m != gone]
    cat = parse_catalogue(modules, pathways)
    auds = metiers.parse_audiences(raw("metiers.yml"), cat)
    for a in auds:
        assert gone not in a.module_ids
        assert f"</modules/{gone}>" not in metiers.audience_page(a, cat)
    pos = metiers.parse_positioning(raw("positionnement.yml"), auds, cat)
    assert all(gone not in ans.skip + ans.priority for q in pos.questions for ans in q.answers)


def test_a_prerequisite_must_come_before_its_module():
    data = copy.deepcopy(raw("metiers.yml"))
    steps = data["metiers"][0]["etapes"]
    first = next(i for i, s in enumerate(steps) if s["module"] == "00-prise-en-main")
    steps.append(steps.pop(first))
    with pytest.raises(AtelierError, match="doit venir avant lui"):
        metiers.parse_audiences(data, CAT)


def test_activity_minutes_come_from_the_activity_file(tmp_path, monkeypatch):
    (tmp_path / "activites").mkdir()
    (tmp_path / "activites" / "04-donnees-et-droits.yml").write_text(
        "titre: Atelier réserve de droits\netapes:\n  - minutes: 10\n  - minutes: 15\n", encoding="utf-8")
    (tmp_path / "activites" / "03-creation-artistique.yml").write_text("titre: Sans durée\n", encoding="utf-8")
    monkeypatch.setattr(metiers.audiences, "activities_dir", lambda: tmp_path / "activites")
    act = metiers.load_activity("04-donnees-et-droits")
    assert act.minutes == 25 and act.title == "Atelier réserve de droits"
    assert metiers.load_activity("05-diversite-culturelle") is None
    with pytest.raises(AtelierError, match="durée de l'activité est introuvable"):
        metiers.load_activity("03-creation-artistique")
    m = CAT.module("04-donnees-et-droits")
    assert metiers.Step(m, "x", (), act).minutes == m.minutes + 25


def test_pages_are_generated_and_in_the_toc(tmp_path):
    files = book.generate(tmp_path)
    toc = sync.toc(CAT)
    index = files["metiers-index.md"]
    for a in AUDS:
        assert files[f"metier-{a.id}.md"] == metiers.audience_page(a, CAT)
        assert (tmp_path / "_generated" / f"metier-{a.id}.md").is_file()
        assert f"annexes/metiers/{a.id}" in toc and f"</annexes/metiers/{a.id}>" in index
        stub = (ROOT / "annexes" / "metiers" / f"{a.id}.md").read_text(encoding="utf-8")
        assert stub.startswith(f"# {a.title}\n") and f"_generated/metier-{a.id}.md" in stub
    assert "annexes/positionnement" in toc and "annexes/metiers/index" in toc
    assert "metiers/index" in (ROOT / "annexes" / "parcours.md").read_text(encoding="utf-8")


# --------------------------------------------------------------------------- positioning quiz


def test_positioning_has_ten_to_fifteen_questions_and_every_path_exists():
    assert 10 <= len(POS.questions) <= 15
    paths = {a.id for a in AUDS}
    named = {ans.path for q in POS.questions for ans in q.answers if ans.path}
    assert named <= paths and POS.default in paths
    assert named == paths, f"parcours qu'aucune réponse ne suggère : {paths - named}"
    available = {m.id for m in CAT.available}
    for q in POS.questions:
        for ans in q.answers:
            assert set(ans.skip + ans.priority) <= available
            assert not (ans.skip or ans.priority) or ans.reason


def test_too_few_questions_is_an_error():
    data = copy.deepcopy(raw("positionnement.yml"))
    data["questions"] = data["questions"][:9]
    with pytest.raises(AtelierError, match="de 10 à 15 questions"):
        metiers.parse_positioning(data, AUDS, CAT)


def _answer(path=None, skip=None, priority=None):
    """(question id, answer index) of the first answer with that effect, read from the data."""
    for q in POS.questions:
        for i, a in enumerate(q.answers):
            if (path is None or a.path == path) and (skip is None or skip in a.skip) and (priority is None or priority in a.priority):
                return q.id, i
    raise AssertionError(f"aucune réponse avec parcours={path} a_sauter={skip} prioritaire={priority}")


def _checks(module):
    return [c for c in POS.checks if c.module == module]


def _pick(check, right: bool) -> dict:
    """The answer to a knowledge question, right or wrong, as the form sends it (display order)."""
    return {check.name: [next(i for i, o in enumerate(check.question.options) if o.correct == right)]}


def _solo_minutes(aud, skipped=()):
    """A learner alone: the path's modules or sections, without the group activities."""
    return sum(st.module_minutes for st in aud.steps if st.module.id not in skipped)


def test_a_librarian_who_knows_the_basics_and_shows_it_gets_the_library_path_without_module_00():
    qj, ij = _answer(path="bibliotheques-archives")
    qb, ib = _answer(skip="00-prise-en-main")
    answers = {qj: [ij], qb: [ib]}
    for c in _checks("00-prise-en-main"):
        answers.update(_pick(c, right=True))
    s = metiers.suggest(POS, AUDS, CAT, answers)
    lib = next(a for a in AUDS if a.id == "bibliotheques-archives")
    assert s.path == lib.id and s.chosen
    assert [f.module for f in s.follow] == [m for m in lib.module_ids if m != "00-prise-en-main"]
    assert [k[0] for k in s.skip] == ["00-prise-en-main"]
    # the reasons say which answers drove it: the declaration, then the right answer
    reasons = s.skip[0][1]
    assert reasons[0] == POS.question(qb).answers[ib].reason
    assert reasons[1:] == tuple(f"Vous avez répondu juste à la question {c.number}." for c in _checks("00-prise-en-main"))
    assert s.minutes == _solo_minutes(lib, {"00-prise-en-main"})
    assert (s.right, s.answered) == (len(_checks("00-prise-en-main")),) * 2


def test_saying_is_not_enough_to_skip_a_module():
    qb, ib = _answer(skip="00-prise-en-main")
    [check] = _checks("00-prise-en-main")
    # unanswered: the module stays, and the reason names the question that would confirm
    s = metiers.suggest(POS, AUDS, CAT, {qb: [ib]})
    f = next(f for f in s.follow if f.module == "00-prise-en-main")
    assert not s.skip and f.reasons == (f"Vous pensiez pouvoir sauter ce module\u00a0: répondez à la question {check.number} pour le vérifier.",)
    # wrong: the module stays, and the reason quotes what was wrong (the misconception of the option)
    answers = {qb: [ib], **_pick(check, right=False)}
    s = metiers.suggest(POS, AUDS, CAT, answers)
    f = next(f for f in s.follow if f.module == "00-prise-en-main")
    wrong = check.question.options[answers[check.name][0]]
    assert not s.skip
    assert f.reasons[0] == f"Vous pensiez pouvoir sauter ce module, mais votre réponse à la question {check.number} n'était pas juste."
    assert f.reasons[1] == metiers.positioning._sentence(wrong.feedback) and "c'est" in f.reasons[1].lower()
    assert (s.right, s.answered) == (0, 1)


def test_a_wrong_answer_adds_the_sections_it_is_about_when_the_path_lacks_the_module():
    aud = next(a for a in AUDS if "04-donnees-et-droits" not in a.module_ids)
    [check] = _checks("04-donnees-et-droits")
    qj, ij = _answer(path=aud.id)
    s = metiers.suggest(POS, AUDS, CAT, {qj: [ij], **_pick(check, right=False)})
    f = next(f for f in s.follow if f.module == "04-donnees-et-droits")
    assert f.sections == check.sections and not f.priority
    assert f.minutes == sum(metiers.section_minutes(x) for x in check.sections)
    assert f.reasons[0] == f"Votre réponse à la question {check.number} n'était pas juste."


def test_no_answer_gives_the_default_path_whole_without_group_activities():
    s = metiers.suggest(POS, AUDS, CAT, {})
    default = next(a for a in AUDS if a.id == POS.default)
    assert not s.chosen and s.path == default.id and not s.skip
    assert [f.module for f in s.follow] == list(default.module_ids) and s.minutes == _solo_minutes(default)
    assert any(st.activity for st in default.steps), "le parcours par défaut a une activité de groupe, non comptée"


def test_durations_are_those_of_the_course_map_for_a_learner_alone():
    """A whole module lasts what the catalogue (the course map) says, whatever its path adds for a group."""
    for aud in AUDS:
        qj, ij = _answer(path=aud.id)
        s = metiers.suggest(POS, AUDS, CAT, {qj: [ij]})
        for f in s.follow:
            step = next(st for st in aud.steps if st.module.id == f.module)
            if not step.sections:
                assert f.minutes == CAT.module(f.module).minutes, (aud.id, f.module)
                assert render.duration(f.minutes) in progress.course_map(CAT)
            else:
                assert f.minutes == sum(metiers.section_minutes(x) for x in step.sections)
                assert f.sections == step.sections


def test_the_stated_priority_comes_first_after_its_own_prerequisites():
    """A mediator worried about rights: module 04 no longer comes last."""
    qj, ij = _answer(path="mediation-publics")
    qe = POS.stated
    ie = next(i for i, a in enumerate(POS.question(qe).answers) if "04-donnees-et-droits" in a.priority)
    s = metiers.suggest(POS, AUDS, CAT, {qj: [ij], qe: [ie]})
    order = [f.module for f in s.follow]
    prereqs = {"00-prise-en-main", "02-fonctionnement-ia-generative"}
    assert set(order[: order.index("04-donnees-et-droits")]) == prereqs
    # with its prerequisites known and shown, it is first
    answers = {qj: [ij], qe: [ie]}
    for mid in sorted(prereqs):
        q, i = _answer(skip=mid)
        answers.setdefault(q, []).append(i)
        for c in _checks(mid):
            answers.update(_pick(c, right=True))
    s = metiers.suggest(POS, AUDS, CAT, answers)
    assert s.follow[0].module == "04-donnees-et-droits" and s.follow[0].priority
    assert s.follow[0].reasons[0] == POS.question(qe).answers[ie].reason
    # every module comes after its prerequisites that are followed
    for k, f in enumerate(s.follow):
        before = [g.module for g in s.follow[:k]]
        assert all(p in before for p in CAT.module(f.module).prerequisites if p in [g.module for g in s.follow])


def test_reasons_read_as_sentences():
    sentences = [a.reason for q in POS.questions for a in q.answers if a.reason]
    sentences += [metiers.positioning._sentence(o.feedback) for c in POS.checks for o in c.question.options if not o.correct]
    sentences += [v for k, v in metiers.TXT.items() if k in ("confirmed", "declared_wrong", "declared_open", "wrong")]
    for text in sentences:
        assert text[0].isupper() and text.rstrip()[-1] in ".!?", text
    data = copy.deepcopy(raw("positionnement.yml"))
    answer = next(a for q in data["questions"] for a in q["reponses"] if a.get("raison"))
    answer["raison"] = "deux phrases collées. la seconde en minuscules"
    with pytest.raises(AtelierError, match="doit être une phrase"):
        metiers.parse_positioning(data, AUDS, CAT)


def test_knowledge_questions_are_real_questions_not_shown_in_the_modules():
    from atelier_ia.quiz import load_quiz

    assert 8 <= len(POS.checks) <= 12
    assert {c.module for c in POS.checks} == {m for q in POS.questions for a in q.answers for m in a.skip}, \
        "chaque module que l'on peut déclarer connaître a au moins une question qui le vérifie"
    shown = set()
    for path in sorted(data_dir().glob("quiz/*.yml")):
        if path.stem != "positionnement":
            shown |= {" ".join(q.text.split()) for q in load_quiz(path).questions}
    for c in POS.checks:
        assert " ".join(c.question.text.split()) not in shown, c.question.id
        assert len(c.question.options) <= 4 and c.question.level in ("rappel", "application", "jugement")
        assert sum(o.correct for o in c.question.options) == 1
    for nb in sorted(ROOT.glob("*/*.ipynb")):
        assert '"positionnement"' not in nb.read_text(encoding="utf-8") and "'positionnement'" not in nb.read_text(encoding="utf-8")


def test_section_anchors_follow_docutils():
    sec = durations.Section("x", "Tirer au sort\u00a0: échantillonnage et température", 3.0)
    assert metiers.section_anchor(sec) == "tirer-au-sort-echantillonnage-et-temperature"


def test_a_priority_module_is_added_and_wins_over_skip():
    # a path without module 06, an answer that makes 06 a priority and one that says skip it
    aud = next(a for a in AUDS if "06-gouvernance-et-territoires" not in a.module_ids)
    answers = {}
    for q, i in (_answer(path=aud.id), _answer(priority="06-gouvernance-et-territoires"), _answer(skip="06-gouvernance-et-territoires")):
        answers.setdefault(q, []).append(i)
    s = metiers.suggest(POS, AUDS, CAT, answers)
    follow = {f.module: f for f in s.follow}
    assert "06-gouvernance-et-territoires" in follow and follow["06-gouvernance-et-territoires"].priority
    assert follow["06-gouvernance-et-territoires"].minutes == CAT.module("06-gouvernance-et-territoires").minutes
    assert [f.module for f in s.follow][-1] == "06-gouvernance-et-territoires"
    assert "06-gouvernance-et-territoires" not in [k[0] for k in s.skip]


def test_the_quiz_page_is_self_contained_and_accessible():
    page = metiers.positioning_html(POS, AUDS, CAT)
    assert not privacy.third_party_resources(page) and not privacy.widget_leftovers(page)
    assert page.count("<fieldset") == page.count("<legend>") == len(POS.questions) + len(POS.checks)
    assert page.count("<label>") == sum(len(q.answers) for q in POS.questions) + sum(len(c.question.options) for c in POS.checks)
    assert 'aria-live="polite"' in page
    for word in ("fetch(", "XMLHttpRequest", "sendBeacon", "WebSocket", "localStorage", "sessionStorage", "indexedDB",
                 "document.cookie", "<form action", 'method="post"'):
        assert word not in page, f"la page du questionnaire ne doit ni envoyer ni garder : {word}"
    # the right answers are not printed under the form, in the rules for paper
    rules = metiers.positioning_table(POS, AUDS, CAT)
    for c in POS.checks:
        right = next(o for o in c.question.options if o.correct)
        assert right.text not in rules


# --------------------------------------------------------------------------- in a browser

def _third_party(urls):
    return [u for u in urls if not u.startswith("data:") and urlparse(u).hostname not in ("127.0.0.1", "localhost")]


def _check_radio(page, name, index):
    box = page.locator(f'input[name="{name}"][value="{index}"]')
    box.scroll_into_view_if_needed()
    box.check()


@pytest.mark.book
@pytest.mark.browser
def test_positioning_quiz_in_the_browser(browser, book_server, built_book):
    """A mediator worried about rights, who says she knows the basics and the language models and
    answers the knowledge questions: one right, one wrong, one not answered."""
    context = browser.new_context(locale="fr-FR", viewport={"width": 1200, "height": 900})
    page = context.new_page()
    requests, errors = [], []
    page.on("request", lambda r: requests.append((r.url, r.method)))
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    try:
        page.goto(f"{book_server}/annexes/positionnement.html", wait_until="networkidle")
        assert page.locator(".aip fieldset").count() == len(POS.questions) + len(POS.checks)
        storage = "() => JSON.stringify([Object.keys(localStorage), Object.keys(sessionStorage), document.cookie])"
        storage_before = page.evaluate(storage)
        qj, ij = _answer(path="mediation-publics")
        qe = POS.stated
        ie = next(i for i, a in enumerate(POS.question(qe).answers) if "04-donnees-et-droits" in a.priority)
        qb, ib = _answer(skip="00-prise-en-main")
        qm, im = _answer(skip="02-fonctionnement-ia-generative")
        qd, id_ = _answer(skip="05-diversite-culturelle")
        answers = {qj: [ij], qe: [ie], qb: [ib], qm: [im], qd: [id_]}
        # keyboard: focus the radio button and press Space
        radio = page.locator(f'input[name="{qj}"][value="{ij}"]')
        radio.focus()
        page.keyboard.press("Space")
        assert radio.is_checked()
        for q, i in ((qe, ie), (qb, ib), (qm, im), (qd, id_)):
            _check_radio(page, q, i)
        right_00 = _pick(_checks("00-prise-en-main")[0], right=True)
        wrong_02 = _pick(_checks("02-fonctionnement-ia-generative")[0], right=False)   # 05's stays unanswered
        for name, [i] in {**right_00, **wrong_02}.items():
            _check_radio(page, name, i)
        answers.update(right_00)
        answers.update(wrong_02)
        page.get_by_role("button", name="Voir mon parcours").focus()
        page.keyboard.press("Enter")
        result = page.get_by_role("status")
        result.get_by_role("heading", name="Votre parcours").wait_for()

        s = metiers.suggest(POS, AUDS, CAT, answers)
        aud = next(a for a in AUDS if a.id == s.path)
        assert s.path == "mediation-publics" and aud.title in result.inner_text()
        assert result.locator(".aip-score").inner_text() == "Questions de connaissances\u00a0: 1 juste sur 2 répondues."

        # order: the stated priority first, after its followed prerequisite (00 is known and shown)
        items = result.locator("ol > li")
        shown = [items.nth(k).get_attribute("data-module") for k in range(items.count())]
        assert shown == [f.module for f in s.follow]
        assert shown[:2] == ["02-fonctionnement-ia-generative", "04-donnees-et-droits"], shown
        assert "00-prise-en-main" not in shown and [k[0] for k in s.skip] == ["00-prise-en-main"]

        for k, f in enumerate(s.follow):
            item = items.nth(k)
            text = item.inner_text()
            m = CAT.module(f.module)
            # durations: those of the course map for a whole module, without any group activity
            assert text.startswith(f"{m.number} {m.title} ({render.duration(f.minutes)})"), text
            if not f.sections:
                assert f.minutes == m.minutes
            for reason in f.reasons:
                assert reason in text
            # reasons read as sentences: a capital after each full stop
            assert not re.search(r"[.!?] [a-zàâçéèêëîïôûù]", text), text
            # a partial module links to the sections meant, and each anchor exists in the built page
            links = item.locator(".aip-sections a")
            assert links.count() == len(f.sections)
            for j, sec in enumerate(f.sections):
                href = links.nth(j).get_attribute("href")
                assert href == metiers.section_href(m, sec)
                target = (built_book / "annexes" / href).resolve()
                page_path, anchor = str(target).split("#")
                assert f'id="{anchor}"' in Path(page_path).read_text(encoding="utf-8"), href
        two = result.locator('li[data-module="02-fonctionnement-ia-generative"]').inner_text()
        assert f"({render.duration(CAT.module('02-fonctionnement-ia-generative').minutes)})" in two
        [c02] = [c for c in POS.checks if c.name in wrong_02]
        assert f"mais votre réponse à la question {c02.number} n'était pas juste." in two
        four = result.locator('li[data-module="04-donnees-et-droits"]').inner_text()
        assert "prioritaire" in four and POS.question(qe).answers[ie].reason in four
        five = result.locator('li[data-module="05-diversite-culturelle"]').inner_text()
        assert "répondez à la question" in five
        skipped = result.locator("ul > li").inner_text()
        assert "Vous avez répondu juste à la question" in skipped
        assert f"Temps total\u00a0: {render.duration(s.minutes)}." in result.inner_text()
        assert s.minutes == sum(f.minutes for f in s.follow)
        assert "activités de groupe" in result.locator(".aip-solo").inner_text()

        # nothing stored by the quiz (the theme keeps its own display settings), nothing sent
        assert page.evaluate(storage) == storage_before

        # a section link leads to its heading
        first = next(f for f in s.follow if f.sections)
        result.locator(f'li[data-module="{first.module}"] .aip-sections a').first.click()
        page.wait_for_load_state("load")
        anchor = metiers.section_anchor(first.sections[0])
        assert page.url.endswith("#" + anchor) and page.locator(f"#{anchor}").count() == 1

        assert not errors, errors
        assert not _third_party([u for u, _ in requests]), _third_party([u for u, _ in requests])
        assert all(method == "GET" for _, method in requests)
    finally:
        context.close()
