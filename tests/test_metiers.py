"""Paths by job (data/course/metiers.yml) and the positioning quiz (data/course/positionnement.yml)."""

from __future__ import annotations

import copy
from urllib.parse import urlparse

import pytest
import yaml

from atelier_ia import AtelierError
from atelier_ia.course import load_catalogue, parse_catalogue
from atelier_ia.paths import data_dir, repo_root
from atelier_tools import book, durations, metiers, privacy, render, sync

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
    monkeypatch.setattr(metiers, "activities_dir", lambda: tmp_path / "activites")
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


def test_a_librarian_who_knows_the_basics_gets_the_library_path_without_module_00():
    qj, ij = _answer(path="bibliotheques-archives")
    qb, ib = _answer(skip="00-prise-en-main")
    s = metiers.suggest(POS, AUDS, CAT, {qj: [ij], qb: [ib]})
    lib = next(a for a in AUDS if a.id == "bibliotheques-archives")
    assert s.path == lib.id and s.chosen
    assert [f[0] for f in s.follow] == [m for m in lib.module_ids if m != "00-prise-en-main"]
    assert [k[0] for k in s.skip] == ["00-prise-en-main"]
    assert s.minutes == lib.minutes - next(st.minutes for st in lib.steps if st.module.id == "00-prise-en-main")


def test_no_answer_gives_the_default_path_whole():
    s = metiers.suggest(POS, AUDS, CAT, {})
    default = next(a for a in AUDS if a.id == POS.default)
    assert not s.chosen and s.path == default.id and not s.skip
    assert [f[0] for f in s.follow] == list(default.module_ids) and s.minutes == default.minutes


def test_a_priority_module_is_added_and_wins_over_skip():
    # a path without module 06, an answer that makes 06 a priority and one that says skip it
    aud = next(a for a in AUDS if "06-gouvernance-et-territoires" not in a.module_ids)
    answers = {}
    for q, i in (_answer(path=aud.id), _answer(priority="06-gouvernance-et-territoires"), _answer(skip="06-gouvernance-et-territoires")):
        answers.setdefault(q, []).append(i)
    s = metiers.suggest(POS, AUDS, CAT, answers)
    follow = {f[0]: f for f in s.follow}
    assert "06-gouvernance-et-territoires" in follow and follow["06-gouvernance-et-territoires"][2]
    assert follow["06-gouvernance-et-territoires"][1] == CAT.module("06-gouvernance-et-territoires").minutes
    assert [f[0] for f in s.follow][-1] == "06-gouvernance-et-territoires"
    assert "06-gouvernance-et-territoires" not in [k[0] for k in s.skip]


def test_the_quiz_page_is_self_contained_and_accessible():
    page = metiers.positioning_html(POS, AUDS, CAT)
    assert not privacy.third_party_resources(page) and not privacy.widget_leftovers(page)
    assert page.count("<fieldset") == page.count("<legend>") == len(POS.questions)
    assert page.count("<label>") == sum(len(q.answers) for q in POS.questions)
    assert 'aria-live="polite"' in page and "fetch(" not in page and "localStorage" not in page


# --------------------------------------------------------------------------- in a browser

def _third_party(urls):
    return [u for u in urls if not u.startswith("data:") and urlparse(u).hostname not in ("127.0.0.1", "localhost")]


@pytest.mark.book
@pytest.mark.browser
def test_positioning_quiz_in_the_browser(browser, book_server):
    context = browser.new_context(locale="fr-FR", viewport={"width": 1200, "height": 900})
    page = context.new_page()
    requests, errors = [], []
    page.on("request", lambda r: requests.append(r.url))
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    try:
        page.goto(f"{book_server}/annexes/positionnement.html", wait_until="networkidle")
        assert page.locator(".aip fieldset").count() == len(POS.questions)
        qj, ij = _answer(path="bibliotheques-archives")
        qb, ib = _answer(skip="00-prise-en-main")
        # keyboard: focus the radio button and press Space
        radio = page.locator(f'input[name="{qj}"][value="{ij}"]')
        radio.focus()
        page.keyboard.press("Space")
        assert radio.is_checked()
        page.locator(f'input[name="{qb}"][value="{ib}"]').check()
        page.get_by_role("button", name="Voir mon parcours").focus()
        page.keyboard.press("Enter")
        result = page.get_by_role("status")
        result.get_by_role("heading", name="Votre parcours").wait_for()
        text = " ".join(result.inner_text().split())

        s = metiers.suggest(POS, AUDS, CAT, {qj: [ij], qb: [ib]})
        lib = next(a for a in AUDS if a.id == s.path)
        assert lib.title in text
        href = result.get_by_role("link", name=lib.title).get_attribute("href")
        assert href.endswith(f"metiers/{lib.id}.html")
        items = result.locator("ol > li").all_inner_texts()
        assert len(items) == len(s.follow)
        for item, (mid, minutes, _, _) in zip(items, s.follow):
            m = CAT.module(mid)
            assert item.startswith(f"{m.number} {m.title}") and f"({render.duration(minutes)})" in item
        skipped = result.locator("ul > li").all_inner_texts()
        assert [x.split(" :")[0].split("\u00a0:")[0] for x in skipped] == [f"{CAT.module(m).number} {CAT.module(m).title}" for m, _ in s.skip]
        assert s.skip[0][1][0] in skipped[0]
        assert f"Temps total\u00a0: {render.duration(s.minutes)}" in result.inner_text()

        # the link leads to the audience page, which exists
        result.get_by_role("link", name=lib.title).click()
        page.wait_for_load_state("networkidle")
        assert page.locator("h1").first.inner_text().strip().startswith(lib.title)

        assert not errors, errors
        assert not _third_party(requests), _third_party(requests)
    finally:
        context.close()
