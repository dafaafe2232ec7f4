"""Durations that hold (an estimate calibrated on difficulty) and session plans that fit by construction."""

from __future__ import annotations

import copy
import functools

import nbformat
import pytest
import yaml

from atelier_ia import AtelierError
from atelier_ia.course import load_catalogue
from atelier_ia.paths import data_dir, repo_root
from atelier_ia.quiz import load_quiz
from atelier_tools import durations, fiches, handouts, render, seances

CAT = load_catalogue()
ROOT = repo_root()
P = durations.params()

EASY = "Le chat dort. Il a faim. Tu lis. On joue. Le jour se lève. La nuit tombe."
DENSE = ("L'exception de fouille de textes et de données prévue par la directive européenne s'applique "
         "lorsque les titulaires de droits n'ont pas exprimé d'opposition appropriée, notamment par des "
         "procédés lisibles par machine, conformément aux dispositions réglementaires correspondantes.")


def _notebook(tmp_path, cells, name="n.ipynb"):
    nb = nbformat.v4.new_notebook()
    nb.cells = cells
    path = tmp_path / name
    nbformat.write(nb, path)
    return path


# --------------------------------------------------------------------------- reading speed


def test_lix_follows_its_definition():
    # 7 words, 2 sentences, 1 word of more than six letters (« longtemps »)
    assert durations.lix("Le chat dort. Il rêve très longtemps.") == pytest.approx(7 / 2 + 100 * 1 / 7)
    # a colon stays inside the sentence; code and links are not read
    text = "Un mot : deux mots `code_tres_long` et [lien](https://exemple.fr/tres-longue-adresse)."
    assert durations.lix(text) == pytest.approx(6 / 1 + 0)


def test_dense_legal_prose_is_read_slower_than_easy_prose():
    easy, dense = durations.lix(EASY), durations.lix(DENSE)
    assert easy < 30 < 50 < dense
    slow = durations.words_per_minute(dense)
    assert slow < durations.words_per_minute(easy)
    assert 120 <= slow <= 140, f"un texte juridique dense lu pour apprendre : environ 130 mots par minute, pas {slow}"
    # the mapping is the data file's, between its points
    (x0, y0), (x1, y1) = P.reading_points[0], P.reading_points[-1]
    assert durations.words_per_minute(x0 - 10) == y0 and durations.words_per_minute(x1 + 10) == y1
    mid = (x0 + x1) / 2
    assert durations.words_per_minute(mid) == pytest.approx((y0 + y1) / 2)


def test_estimate_parameters_say_their_sources():
    text = (data_dir() / "course" / "durees.yml").read_text(encoding="utf-8")
    for who in ("Carver", "Brysbaert", "Björnsson", "Anderson", "Convention du cours"):
        assert who in text
    assert P.tolerance == pytest.approx(0.10)
    shown = durations.estimate_text()
    assert "LIX" in shown and "Carver" in shown and "convention" in shown


def test_a_dense_notebook_takes_longer_than_an_easy_one(tmp_path):
    n = 300
    easy = _notebook(tmp_path, [nbformat.v4.new_markdown_cell("# Titre\n\n" + " ".join([EASY] * 20))], "a.ipynb")
    dense = _notebook(tmp_path, [nbformat.v4.new_markdown_cell("# Titre\n\n" + " ".join([DENSE] * 8))], "b.ipynb")
    (e,), (d,) = durations.sections(easy), durations.sections(dense)
    md_e = "# Titre\n\n" + " ".join([EASY] * 20)
    md_d = "# Titre\n\n" + " ".join([DENSE] * 8)
    assert e.minutes == pytest.approx(durations.words(md_e) / durations.words_per_minute(durations.lix(md_e)))
    assert d.minutes == pytest.approx(durations.words(md_d) / durations.words_per_minute(durations.lix(md_d)))
    assert d.minutes / durations.words(md_d) > e.minutes / durations.words(md_e) * 1.3
    assert n  # the two texts are long enough to be timed


def test_text_inside_an_admonition_is_read_but_code_is_not():
    md = "```{admonition} À retenir\n:class: tip\n\nUn modèle apprend des régularités.\n```\n\n```python\nx = 1 + 2\n```"
    assert durations.words(md) == len("À retenir Un modèle apprend des régularités".split())


# --------------------------------------------------------------------------- demos, quizzes


def test_demo_time_grows_with_its_controls():
    one = durations.demo_minutes("LiveDemo(f, graine=Slider(0, 5))")
    three = durations.demo_minutes("LiveDemo(f, a=Slider(0, 5), b=Slider(1, 3), c=Choice(['x', 'y']))")
    assert one == P.demo_base + P.demo_control
    assert three == P.demo_base + 3 * P.demo_control
    assert durations.demo_minutes("audio(melodie)") == P.listening


def test_partial_quiz_counts_only_the_questions_it_shows(tmp_path):
    name = "04-donnees-et-droits-sans-code"
    whole = len(load_quiz(name).questions)
    assert whole > 2
    path = _notebook(tmp_path, [
        nbformat.v4.new_markdown_cell("# Titre"),
        nbformat.v4.new_code_cell(f'show_quiz("{name}", questions=["robots-tous", "herge-2054"])', metadata={"tags": ["remove-input"]}),
        nbformat.v4.new_markdown_cell("## Fin"),
        nbformat.v4.new_code_cell(f'show_quiz("{name}")', metadata={"tags": ["remove-input"]}),
    ])
    first, last = durations.sections(path)
    assert first.minutes == pytest.approx(durations.words("# Titre") / durations.words_per_minute(0) + 2 * P.quiz_question)
    assert last.minutes == pytest.approx(durations.words("## Fin") / durations.words_per_minute(0) + whole * P.quiz_question)


@pytest.mark.parametrize("module_id", ["03-creation-artistique", "04-donnees-et-droits", "07-ecosysteme-ouvert"])
def test_modules_with_partial_quizzes_count_no_phantom_minutes(module_id):
    """The issue's phantom minutes: each partial call counted the whole no-code quiz."""
    nb = nbformat.read(ROOT / CAT.module(module_id).notebook, as_version=4)
    calls = [c for cell in nb.cells if cell.cell_type == "code" for c in durations.quiz_calls(cell.source)]
    partial = [(name, n) for name, n in calls if name.endswith("-sans-code")]
    assert partial, f"{module_id} n'affiche plus de quiz partiel"
    shown = sum(n for _, n in partial)
    whole = len(load_quiz(f"{module_id}-sans-code").questions)
    if len(partial) > 1:
        assert shown < whole * len(partial)
    assert shown <= whole * (1 if len(partial) == 1 else len(partial))
    for name, n in partial:
        assert n <= len(load_quiz(name).questions)


# --------------------------------------------------------------------------- exercises


def test_exercise_kind_reads_the_statement_and_the_answer_cell():
    letter = 'reponse_1 = ...  # remplacez ... par "A", "B" ou "C"'
    assert durations.exercise_kind("**Expliquez un résultat.** Quelle phrase…", letter) == "sans-code"
    assert durations.exercise_kind("Combien de caractères…", 'reponse_1 = ...  # remplacez ... par len("…") avec le titre') == "code"
    assert durations.exercise_kind("**À vous de composer.** Rédigez la mention…", letter) == "redaction"
    assert durations.exercise_kind("Prédisez.", "reponse_2 = ...  # l'année (un nombre, par exemple 2030)") == "sans-code"


def test_the_course_has_every_kind_of_exercise_and_each_is_timed_by_its_kind():
    kinds = set()
    for m in CAT.available:
        for ex in durations.exercises(ROOT / m.exercises):
            kinds.add(ex.kind)
            assert ex.minutes >= P.exercise[ex.kind]
    assert kinds == set(durations.EXERCISE_KINDS)
    assert P.exercise["sans-code"] < P.exercise["code"] <= P.exercise["redaction"]


# --------------------------------------------------------------------------- catalogue and measures


def test_catalogue_within_ten_percent_of_the_estimate_read_now():
    lines, bad = durations.report(CAT, measured={})
    assert bad == 0, "durées à corriger dans data/course/modules.yml :\n" + "\n".join(lines)
    for m in CAT.available:
        t = durations.teaching_minutes(ROOT / m.notebook)
        assert abs(m.teaching_minutes - t) <= max(5, 0.10 * t)
    assert not durations.within_tolerance(100, 120) and durations.within_tolerance(110, 120)


def test_a_measured_time_is_reported_with_its_gap():
    data = yaml.safe_load((data_dir() / "course" / "modules.yml").read_text(encoding="utf-8"))
    data = copy.deepcopy(data)
    m = CAT.available[0]
    raw = next(x for x in data["modules"] if x["id"] == m.id)
    raw["minutes_mesurees"] = {"minutes": 95, "date": "2026-11-20", "lieu": "Médiathèque de Clairval"}
    meas = durations.measures(data)
    assert meas[m.id].minutes == 95
    lines, _ = durations.report(CAT, measured=meas)
    row = next(line for line in lines if line.startswith(f"| {m.id} "))
    est = durations.teaching_minutes(ROOT / m.notebook) + durations.exercise_minutes(ROOT / m.exercises)
    assert "Médiathèque de Clairval" in row and f"écart {95 - est:+d} min" in row
    raw["minutes_mesurees"] = {"minutes": "longtemps", "date": "2026-11-20", "lieu": "Clairval"}
    with pytest.raises(AtelierError, match="minutes"):
        durations.measures(data)


# --------------------------------------------------------------------------- plans

PLANS = seances.load_plans(CAT)
AUDIENCES = ("bibliotheques-archives", "mediation-publics", "spectacle-vivant-festivals", "collectivites", "ecoles-art")


def test_one_scheduler_only():
    assert not hasattr(render, "session_plan") and not hasattr(render, "SESSION_FORMATS")
    assert {"formation-3h", "journee", "trois-demi-journees", "cafe-ia-mediatheque"} <= {p.id for p in PLANS}


@pytest.mark.parametrize("plan", PLANS, ids=lambda p: p.id)
def test_each_plan_fits_its_slots_with_a_group_activity_per_half_day(plan):
    for part in plan.parts:
        used = seances.check_fit(plan, part)
        assert used <= part.length <= seances.MAX_PART
        assert any(i.group for i in part.items), f"{plan.id}, « {part.title} » : pas d'activité de groupe"


def test_the_three_hour_plan_gives_module_00_its_group_activity():
    plan = next(p for p in PLANS if p.id == "formation-3h")
    assert sum(p.length for p in plan.parts) == 180
    acts = [i for part in plan.parts for i in part.items if i.real_activity]
    assert any(i.module.id == "00-prise-en-main" for i in acts)


@pytest.mark.parametrize("audience", AUDIENCES)
def test_each_audience_has_a_half_day_plan_with_a_pause(audience):
    plan = next((p for p in PLANS if p.audience == audience), None)
    assert plan is not None, f"pas de demi-journée pour le métier « {audience} »"
    (part,) = plan.parts
    assert part.length == 210 and plan.pause > 0
    rows, used = seances.schedule(plan, part)
    assert any(item is None for _, _, _, item in rows), "une demi-journée de 3 h 30 a une pause"
    assert any(i.real_activity for i in part.items)
    text = seances.audience_plans_markdown(CAT)
    assert f"/annexes/metiers/{audience}>" in text and plan.title in text


def _plan_data(sequences, length=100):
    return {"seances": [{"id": "essai", "titre": "Essai", "public": "Un groupe", "pause": 15, "pause_toutes": 90,
                         "ordinateurs": True, "parties": [{"titre": "Matin", "debut": "9:00", "duree": length,
                                                           "sequences": sequences}]}]}


ACTIVITY = {"activite": "00-prise-en-main", "sinon": {"texte": "Discussion", "minutes": 20}}


def test_a_plan_that_overflows_is_refused_and_says_what_to_cut():
    data = _plan_data([{"module": "00-prise-en-main"}, {"module": "02-fonctionnement-ia-generative"}, ACTIVITY,
                       {"texte": "Bilan", "minutes": 10}])
    with pytest.raises(AtelierError) as err:
        seances.parse_plans(data, CAT)
    msg = str(err.value)
    assert "de trop" in msg and "Retirez" in msg and "exercices du module" in msg and "activité de groupe" in msg
    # with the exercises in self-study and a longer slot, the same plan fits
    data["seances"][0]["parties"][0]["sequences"][:2] = [{"module": "00-prise-en-main", "exercices": False},
                                                         {"module": "02-fonctionnement-ia-generative", "exercices": False}]
    data["seances"][0]["parties"][0]["duree"] = 240
    (plan,) = seances.parse_plans(data, CAT)
    text, used = seances.plan_markdown(plan, CAT)
    assert used[0] <= 240 and "exercices des modules 00 et 02 se font après la séance" in text


def test_a_half_day_without_group_activity_is_refused():
    with pytest.raises(AtelierError, match="activité de groupe"):
        seances.parse_plans(_plan_data([{"texte": "Exposé", "minutes": 60}]), CAT)


# --------------------------------------------------------------------------- printed pages


@functools.cache
def _pages() -> dict[str, str]:
    return handouts.pages(CAT)


@functools.cache
def _jobs() -> dict:
    return {j.pdf: j for j in fiches.print_jobs(ROOT / "_build" / "html", CAT)}


@pytest.mark.parametrize("plan", PLANS, ids=lambda p: p.id)
def test_each_plan_has_its_run_sheet_sign_in_sheet_and_evaluation(plan):
    pages = _pages()
    run = pages[f"{seances.runsheet_doc(plan.id)}.md"]
    sign = pages[f"{seances.signin_doc(plan.id)}.md"]
    form = pages[f"{seances.evaluation_doc(plan.id)}.md"]
    assert "| À projeter | À distribuer |" in run
    for part in plan.parts:
        assert part.title in run
        for item in part.items:
            assert item.project in run
    assert "émargement" in sign and sign.count("\n| ") >= plan.participants + 1
    assert sign.count("Signature —") == len(plan.parts)
    assert "anonyme" in form and form.count("fiche-question") >= 5
    jobs = _jobs()
    for kind in seances.PAGES:
        job = jobs[seances.pdf_name(plan.id, kind)]
        assert job.page == f"{seances.page_doc(plan.id, kind)}.html"
    assert jobs[seances.pdf_name(plan.id, "deroule")].max_pages == 1
    assert seances.pdf_name(plan.id, "evaluation") in "\n".join(seances.prepare_list(plan))
