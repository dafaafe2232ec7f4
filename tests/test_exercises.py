"""Exercises: the checking framework, and every published solution passes its own check."""

from __future__ import annotations

import ast
import inspect
import re
import textwrap
from collections import Counter
from fractions import Fraction

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st
from notebook_tools import ROOT, exercise_labels, notebooks, read, run_cells, solutions, tagged

from atelier_ia import AtelierError, petitmodele
from atelier_ia.exercises import RESULTS, Feedback, check, known_exercises, normalise_text, pages, parse_letter, parse_number
from atelier_ia.quiz import load_quiz, show_quiz

EXERCISE_NOTEBOOKS = notebooks("exercises")


def test_placeholder_gets_a_kind_message():
    ids = known_exercises()
    assert ids, "aucune vérification d'exercice n'est enregistrée"
    result = check(ids[0], ...)
    assert not result.ok and "Remplacez" in result.message


@pytest.mark.parametrize("exercise_id", known_exercises())
def test_the_placeholder_gets_no_verdict_only_what_to_do(exercise_id):
    """The static book runs every check on « ... »: the page must not tell a reader who has not
    answered yet that she failed; it says what to do, and that running code needs JupyterLab."""
    result = check(exercise_id, ...)
    assert result.pending and not result.ok
    shown = result._repr_html_() + repr(result)
    assert "Pas encore" not in shown and "✘" not in shown and "À vous" in shown
    assert "JupyterLab" in result.message and "solution" in result.message


def test_bad_exercise_ids():
    with pytest.raises(AtelierError, match="identifiant de l'exercice"):
        check(1, 2)
    with pytest.raises(AtelierError, match="n'existe pas"):
        check("99-9", 2)


def test_feedback_renders_in_french():
    html = Feedback(False, "Essayez encore.")._repr_html_()
    assert "Pas encore" in html and "Essayez encore." in html
    assert "Réussi" in Feedback(True, "Bravo.")._repr_html_()


@pytest.mark.parametrize("exercise_id", known_exercises())
@pytest.mark.parametrize("wrong", [object(), None, "", -1, [], 10**9])
def test_checks_refuse_wrong_answers_without_crashing(exercise_id, wrong):
    result = check(exercise_id, wrong)
    assert isinstance(result, Feedback) and not result.ok
    assert not result.crashed, f"{exercise_id} : la vérification a planté sur {wrong!r} : {result.message}"
    assert result.message and result.message[0].isupper()


def test_a_crashing_checker_is_caught_by_the_robustness_test():
    """check() hides a checker's crash from the learner, but marks it for the tests above."""
    from atelier_ia.exercises import _REGISTRY

    def broken(answer):
        raise ZeroDivisionError

    _REGISTRY["99-1"] = broken
    try:
        result = check("99-1", 3)
    finally:
        del _REGISTRY["99-1"]
    assert not result.ok and result.crashed and "ZeroDivisionError" in result.message


def _module_of(path) -> str:
    return path.name.removesuffix("-exercices.ipynb")


def _python_labels(path) -> list[str]:
    """The labels of the exercises of a notebook that are done in JupyterLab, by writing Python."""
    from atelier_ia.exercises.pages import exercise_modes

    modes = exercise_modes(_module_of(path))
    return [label for label in exercise_labels(read(path)) if not modes[label.removeprefix("ex-")]]


@pytest.mark.parametrize("path", EXERCISE_NOTEBOOKS, ids=lambda p: p.name)
def test_every_exercise_has_answer_check_and_solution(path):
    nb = read(path)
    labels = exercise_labels(nb)
    assert len(labels) >= 2, "au moins deux exercices par notebook"
    sols = solutions(nb)
    for label in _python_labels(path):
        ident = label.removeprefix("ex-")
        assert label in sols, f"{label} : pas de solution en menu déroulant"
        tags = [t for c in nb.cells for t in c.get("metadata", {}).get("tags", [])]
        assert f"reponse-{label}" in tags, f"{label} : pas de cellule de réponse"
        assert f"verification-{label}" in tags, f"{label} : pas de cellule de vérification"
        assert ident in known_exercises(), f"{label} : pas de fonction de vérification"


@pytest.mark.parametrize("path", EXERCISE_NOTEBOOKS, ids=lambda p: p.name)
def test_solutions_pass_their_checks_and_blank_answers_do_not(path):
    nb = read(path)
    labels = _python_labels(path)
    RESULTS.clear()
    run_cells(nb, {}, path.parent)
    for label in labels:
        assert not RESULTS[label.removeprefix("ex-")].ok, f"{label} : la réponse vide ne doit pas passer"
    RESULTS.clear()
    sols = solutions(nb)
    run_cells(nb, {f"reponse-{label}": sols[label] for label in labels}, path.parent)
    for label in labels:
        result = RESULTS[label.removeprefix("ex-")]
        assert result.ok, f"{label} : la solution publiée ne passe pas sa vérification : {result.message}"


# --------------------------------------------------------------------------- one definition


MODULE_00 = ROOT / "modules" / "00-prise-en-main.ipynb"


def _function_def(source: str, name: str) -> ast.FunctionDef:
    found = [n for n in ast.walk(ast.parse(source)) if isinstance(n, ast.FunctionDef) and n.name == name]
    assert len(found) == 1, f"{name} doit être défini une fois, trouvé {len(found)}"
    return found[0]


def _cell(nb, cell_id: str) -> str:
    return next(c.source for c in nb.cells if c.get("id") == cell_id)


@pytest.mark.parametrize("cell_id, name", [("fonction-entrainer", "entrainer"), ("fonction-generer", "generer")])
def test_module_00_shows_the_library_tiny_model_exactly(cell_id, name):
    """The code learners read in module 00 is the code the exercises and checks run."""
    shown = _function_def(_cell(read(MODULE_00), cell_id), name)
    library = _function_def(textwrap.dedent(inspect.getsource(getattr(petitmodele, name))), name)
    assert ast.dump(shown) == ast.dump(library), f"{name} : le module 00 et atelier_ia.petitmodele divergent"


def test_exercises_import_the_tiny_model_instead_of_copying_it():
    for path in EXERCISE_NOTEBOOKS:
        for cell in read(path).cells:
            if cell.cell_type == "code":
                assert "def entrainer" not in cell.source and "def generer" not in cell.source, path.name


@pytest.mark.parametrize("call, words", [
    (lambda m: petitmodele.generer(m, 50, "2024"), ["graine", "'2024'"]),
    (lambda m: petitmodele.generer(m, 50, -1), ["graine", "-1"]),
    (lambda m: petitmodele.generer(m, -5, 0), ["longueur", "-5"]),
    (lambda m: petitmodele.generer(m, 2.5, 0), ["longueur", "2.5"]),
    (lambda m: petitmodele.generer({}, 50, 0), ["majuscule"]),
    (lambda m: petitmodele.generer("abc", 50, 0), ["entrainer"]),
    (lambda m: petitmodele.entrainer("Le texte.", -1), ["ordre", "-1"]),
    (lambda m: petitmodele.entrainer("Le texte.", "3"), ["ordre", "'3'"]),
    (lambda m: petitmodele.entrainer(42, 2), ["texte", "42"]),
    (lambda m: petitmodele.generer(petitmodele.entrainer("Le", 5), 50, 0), ["majuscule"]),
])
def test_tiny_model_answers_bad_input_in_french(call, words):
    model = petitmodele.entrainer("Le chat dort. Le chien veille.", 2)
    with pytest.raises(AtelierError) as info:
        call(model)
    message = str(info.value)
    for word in words:
        assert word in message, message
    assert "Traceback" not in message and "must" not in message


def _with_count(model, context, char, count):
    """A copy of ``model`` where ``char`` after ``context`` is counted ``count`` times."""
    changed = {c: Counter(following) for c, following in model.items()}
    changed[context][char] = count
    return changed


@settings(max_examples=60, deadline=None, database=None)
@given(st.data(), st.integers(max_value=-1))
def test_tiny_model_refuses_a_negative_count(data, count):
    """A hand-edited model with a count below 0 is refused before any draw, in French, with the count."""
    model = petitmodele.entrainer("Le chat dort. Le chien veille.", 2)
    context = data.draw(st.sampled_from(sorted(model)))
    char = data.draw(st.sampled_from("ae .L"))
    bad = _with_count(model, context, char, count)
    for call in (lambda: petitmodele.check_counts(bad), lambda: petitmodele.generer(bad, 50, 0)):
        with pytest.raises(AtelierError) as info:
            call()
        message = str(info.value)
        assert str(count) in message and repr(context) in message and "0 ou plus" in message, message


def test_tiny_model_accepts_a_zero_count_and_never_draws_it():
    """0 is how a learner forbids a character: the model still writes, without it after that context."""
    model = petitmodele.entrainer("Le chat dort. Le chien veille.", 2)
    assert model["Le"][" "] > 0
    forbidden = _with_count(model, "Le", " ", 0)
    forbidden["Le"]["x"] = 1
    text = petitmodele.generer(forbidden, 200, 0)
    assert "Le" in text and "Le " not in text
    with pytest.raises(AtelierError, match="tous les comptes valent 0"):
        petitmodele.check_counts(_with_count(forbidden, "Le", "x", 0))


@pytest.mark.parametrize("following", [[" ", "e"], Counter({" ": 1.5}), Counter({"ab": 1}), Counter({" ": True})])
def test_tiny_model_refuses_counts_of_the_wrong_kind(following):
    model = petitmodele.entrainer("Le chat dort. Le chien veille.", 2)
    model["Le"] = following
    with pytest.raises(AtelierError, match="'Le'") as info:
        petitmodele.check_counts(model)
    assert "entrainer(texte, ordre)" in str(info.value)


# --------------------------------------------------------------------------- parameters, titles


@pytest.mark.parametrize("path", EXERCISE_NOTEBOOKS, ids=lambda p: p.name)
def test_exercise_titles_carry_their_check_id(path):
    """The book says « Exercice (02-1) », as check("02-1", …) does, not a global number."""
    import re

    for cell in read(path).cells:
        if cell.cell_type == "markdown" and "{exercise}" in cell.source:
            head = re.match(r"^`{3,}\{exercise\} (\d\d-\d+)\n:label: ex-(\d\d-\d+)\n:nonumber:\n", cell.source)
            assert head and head.group(1) == head.group(2), cell.source[:80]


def _parameters(module: str) -> dict:
    import importlib

    return getattr(importlib.import_module(f"atelier_ia.exercises.m{module}"), "PARAMETRES", None)


#: Every available module of the catalogue (its two-digit number), so a new module is checked the day it opens.
AVAILABLE = [m.number for m in __import__("atelier_ia.course", fromlist=["load_catalogue"]).load_catalogue().available]


@pytest.mark.parametrize("module", AVAILABLE)
def test_exercise_parameters_are_written_once_and_quoted_in_the_statements(module):
    params = _parameters(module)
    assert params is not None, f"m{module}.PARAMETRES manque (un dictionnaire vide si les exercices n'ont ni graine, ni taille, ni consigne)"
    if not params:
        return
    path = next(p for p in EXERCISE_NOTEBOOKS if p.name.startswith(module))
    nb = read(path)
    setup = _cell(nb, "preparation")
    assert f"from atelier_ia.exercises.m{module} import" in setup and "PARAMETRES" in setup
    statements = {}
    for c in nb.cells:
        for label in exercise_labels(nbformat_like([c])):
            statements[label.removeprefix("ex-")] = c.source
    for ident, values in params.items():
        assert ident in statements, f"{ident} : PARAMETRES d'un exercice inconnu"
        body = " ".join(statements[ident].split())
        for key, value in values.items():
            for item in value if isinstance(value, tuple) else (value,):
                shown = str(item) if not isinstance(item, float) else str(item).replace(".", ",")
                assert shown in body, f"{ident} : {key}={item!r} n'apparaît pas dans l'énoncé"


def nbformat_like(cells):
    import nbformat

    nb = nbformat.v4.new_notebook()
    nb.cells = cells
    return nb


# --------------------------------------------------------------------------- normalisation policy


@pytest.mark.parametrize("typed, same_as", [
    ("« La Nuit étoilée »", "la nuit etoilee"),
    ("LA NUIT ÉTOILÉE !", "la nuit étoilée"),
    ("l’été", "l'ete"),
    ("  la\u00a0nuit\u202fétoilée\n", "la nuit étoilée"),
    ("“La Nuit étoilée.”", "La Nuit étoilée"),
])
def test_normalisation_ignores_case_accents_guillemets_punctuation_spaces(typed, same_as):
    assert normalise_text(typed) == normalise_text(same_as)


def test_normalisation_keeps_different_words_different():
    assert normalise_text("La Nuit étoilée") != normalise_text("La Nuit")
    assert normalise_text("pêche") == normalise_text("peche")  # accents are dropped on purpose


@pytest.mark.parametrize("typed, value", [
    ("0,5", 0.5), ("0.5", 0.5), (" 12 ", 12.0), ("1\u202f234,5", 1234.5), ("1 234", 1234.0),
    ("50 %", 50.0), ("-3,25", -3.25), (7, 7.0), (2.5, 2.5),
])
def test_french_and_python_numbers_are_read(typed, value):
    assert parse_number(typed) == value


@pytest.mark.parametrize("typed", ["", "abc", "1,2,3", ",", True, None, [1], "12a", "1 23"])
def test_non_numbers_are_refused(typed):
    assert parse_number(typed) is None


def test_letters_of_a_multiple_choice():
    assert [parse_letter(x, "abc") for x in ("B", " b) ", "(c)", "a.", "d", "ab", 1)] == ["b", "b", "c", "a", None, None, None]


#: How a statement announces an exercise that asks to think rather than read an output back: it
#: opens with a bold verb of one of these kinds (predict, choose, explain, compare, apply, judge).
THINKING = ("Pariez", "Prédisez", "Choisissez", "Expliquez", "Comparez", "Appliquez", "À vous de composer",
            "Jugez", "Justifiez")


@pytest.mark.parametrize("module", AVAILABLE)
def test_at_least_half_of_the_exercises_make_people_think(module):
    path = next(p for p in EXERCISE_NOTEBOOKS if p.name.startswith(module))
    statements = [c.source for c in read(path).cells if c.cell_type == "markdown" and "{exercise}" in c.source]
    thinking = [s for s in statements if any(re.search(rf"\*\*{kind}\b", s) for kind in THINKING)]
    assert statements and 2 * len(thinking) >= len(statements), (
        f"exercices {module} : {len(thinking)} sur {len(statements)} demandent de prédire, choisir, expliquer ou comparer"
    )


def test_text_answers_holding_a_number_are_read_as_numbers():
    assert check("00-1", "20").ok and check("00-1", 20).ok
    assert check("02-3", "0").ok and check("02-3", "0,0").ok


# --------------------------------------------------------------------------- the no-code path (issue 22, point 5)


QUIZ_CALL = re.compile(r'^show_quiz\("(?P<quiz>[a-z0-9-]+)", questions=(?P<ids>\[[^\]]*\])\)$')


def _statements(nb) -> dict[str, str]:
    """Exercise id → the markdown of its ``{exercise}`` statement."""
    return {label.removeprefix("ex-"): c.source for c in nb.cells if c.cell_type == "markdown"
            for label in EXERCISE_LABEL_RE.findall(c.source)}


EXERCISE_LABEL_RE = re.compile(r"\{exercise\}[^\n]*\n(?:\s*:[^\n]*\n)*?\s*:label:\s*(ex-[\d-]+)")


@pytest.mark.parametrize("module", AVAILABLE)
def test_at_least_half_of_each_module_s_exercises_are_done_in_the_page(module):
    """Computed from the notebook (its exercises) and the quiz file (those answered in the page)."""
    path = next(p for p in EXERCISE_NOTEBOOKS if p.name.startswith(module))
    module_id = _module_of(path)
    modes = pages.exercise_modes(module_id)
    assert list(modes) == [label.removeprefix("ex-") for label in exercise_labels(read(path))]
    share = pages.no_code_share(module_id)
    assert share == Fraction(sum(modes.values()), len(modes))
    assert share >= Fraction(1, 2), (
        f"{module_id} : {sum(modes.values())} exercice(s) sur {len(modes)} se font dans la page ; il en faut au moins la moitié"
    )


@pytest.mark.parametrize("path", EXERCISE_NOTEBOOKS, ids=lambda p: p.name)
def test_every_no_code_exercise_is_checked_in_the_page(path):
    """An exercise done in the page shows, right after its statement and its demo, the quiz
    questions that answer it (and only those), and has no Python answer cell nor check."""
    module_id = _module_of(path)
    nb = read(path)
    questions = pages.in_page_questions(module_id)
    quiz = load_quiz(pages.exercise_quiz_id(module_id))  # the schema: levels, at most four options…
    assert sorted(q.id for q in quiz.questions) == sorted(q for ids in questions.values() for q in ids)
    tags = [t for c in nb.cells for t in c.get("metadata", {}).get("tags", [])]
    for ident, ids in questions.items():
        cells = tagged(nb, f"quiz-ex-{ident}")
        assert len(cells) == 1, f"{ident} : il faut une cellule étiquetée quiz-ex-{ident}"
        cell = cells[0]
        assert "remove-input" in cell.metadata.get("tags", []), f"{ident} : le livre doit masquer le code du quiz"
        call = QUIZ_CALL.match(cell.source.strip())
        assert call and call["quiz"] == pages.exercise_quiz_id(module_id), cell.source
        assert yaml.safe_load(call["ids"]) == ids, f"{ident} : la cellule ne montre pas les questions de l'exercice"
        assert "text/html" in show_quiz(call["quiz"], questions=ids)._repr_mimebundle_()
        assert f"reponse-ex-{ident}" not in tags and f"verification-ex-{ident}" not in tags, (
            f"{ident} : un exercice fait dans la page n'a pas de cellule de réponse en Python")
        assert ident not in known_exercises(), f"{ident} : vérification Python en trop (la page vérifie la réponse)"
        # the quiz sits between this statement and the next one
        order = [c.get("id") for c in nb.cells]
        start = next(i for i, c in enumerate(nb.cells) if c.cell_type == "markdown" and f":label: ex-{ident}\n" in c.source)
        nxt = next((i for i, c in enumerate(nb.cells) if i > start and c.cell_type == "markdown" and "{exercise}" in c.source), len(order))
        assert start < order.index(cell.get("id")) < nxt, f"{ident} : le quiz doit suivre l'énoncé de l'exercice"


@pytest.mark.parametrize("path", EXERCISE_NOTEBOOKS, ids=lambda p: p.name)
def test_the_page_and_each_exercise_say_where_it_is_done(path):
    """The labels come from the data (make sync writes them): the summary at the top of the page
    and the line at the top of each statement agree with the quiz file."""
    from atelier_tools.sync import region

    module_id = _module_of(path)
    nb = read(path)
    modes = pages.exercise_modes(module_id)
    title = nb.cells[0].source
    assert region(f"exercices-modes:{module_id}", pages.modes_summary(module_id)) in title, "résumé absent ou périmé (make sync)"
    in_page = [i for i, ok in modes.items() if ok]
    lab = [i for i, ok in modes.items() if not ok]
    summary = pages.modes_summary(module_id)
    assert all(i in summary for i in in_page + lab)
    assert f"{len(in_page)} exercice" in summary and f"sur {len(modes)}" in summary
    for ident, statement in _statements(nb).items():
        label = pages.mode_label(modes[ident])
        assert region(f"mode-exercice:{ident}", label) in statement, f"{ident} : étiquette absente ou périmée (make sync)"
        assert label.startswith(f"**{pages.IN_PAGE if modes[ident] else pages.IN_LAB}**")


def test_a_question_that_names_no_exercise_is_refused(tmp_path, monkeypatch):
    from atelier_ia import AtelierError

    (tmp_path / "quiz").mkdir()
    (tmp_path / "quiz" / "00-prise-en-main-exercices.yml").write_text(
        "module: 00-prise-en-main-exercices\nquestions:\n  - id: graine\n", encoding="utf-8")
    monkeypatch.setattr(pages, "data_dir", lambda: tmp_path)
    with pytest.raises(AtelierError, match="ex-NN-k"):
        pages.in_page_questions("00-prise-en-main")
    (tmp_path / "quiz" / "00-prise-en-main-exercices.yml").write_text(
        "module: 00-prise-en-main-exercices\nquestions:\n  - id: ex-00-9\n", encoding="utf-8")
    with pytest.raises(AtelierError, match="00-9"):
        pages.exercise_modes("00-prise-en-main")
    with pytest.raises(AtelierError, match="00-prise-en-main"):
        pages.exercise_quiz_id("Prise en main")


# The right option of a question on a demo's output is the one the course's own code computes.


def _right(quiz_id: str, qid: str) -> list[str]:
    return [o.text for o in load_quiz(quiz_id).question(qid).options if o.correct]


def _wrong(quiz_id: str, qid: str) -> list[str]:
    return [o.text for o in load_quiz(quiz_id).question(qid).options if not o.correct]


def test_exercise_00_2_right_option_is_the_most_frequent_successor_of_d():
    from atelier_ia.exercises.m00 import PARAMETRES, training_text
    from atelier_ia.petitmodele import entrainer

    letter = PARAMETRES["00-2"]["lettre"]
    top = entrainer(training_text(), 1)[letter].most_common(1)[0][0]
    (right,) = _right("00-prise-en-main-exercices", "ex-00-2")
    assert f"«\u00a0{top}\u00a0»" in right
    assert all(f"«\u00a0{top}\u00a0»" not in w for w in _wrong("00-prise-en-main-exercices", "ex-00-2"))


def test_exercise_02_2_right_option_is_the_model_s_most_probable_character():
    from atelier_ia.exercises.m02 import PARAMETRES, char_model

    top = char_model().next_distribution(PARAMETRES["02-2"]["contexte"]).index[0]
    (right,) = _right("02-fonctionnement-ia-generative-exercices", "ex-02-2")
    assert right.startswith(f"«\u00a0{top}\u00a0»")


def test_exercise_02_4_right_option_explains_the_search_shown():
    from atelier_ia.embeddings import search
    from atelier_ia.exercises.m02 import PARAMETRES

    assert "Nuit étoilée" in search(PARAMETRES["02-4"]["question"], k=3)["titre"].iloc[0]


def test_exercise_03_1_the_ideal_denoiser_copies():
    from atelier_ia.exercises.m03 import ideal_copies

    _indices, distances = ideal_copies()
    assert round(float(max(distances)), 2) == 0.0  # the quiz says the six distances (shown rounded) are zero


def test_exercise_03_4_the_melody_copies_a_long_passage():
    from atelier_ia.exercises.m03 import PARAMETRES, corpus, melody_model
    from atelier_ia.music import longest_shared_passage

    p = PARAMETRES["03-4"]
    length, _ = longest_shared_passage(melody_model("trad").generate(n_notes=p["notes"], seed=p["graine"]), corpus("trad"))
    assert length >= 8, "la question dit que la mélodie recopie un long passage"


def test_exercise_04_1_right_option_is_the_computed_year():
    from atelier_ia.exercises.m04 import PARAMETRES
    from atelier_ia.law import public_domain_year

    p = PARAMETRES["04-1"]
    year = public_domain_year(p["annee_deces"], publication_year=p["publication"], music=p["musique"],
                              mort_pour_la_france=p["mort_pour_la_france"])
    (right,) = _right("04-donnees-et-droits-exercices", "ex-04-1")
    assert f"1er janvier {year}" in right
    assert all(str(year) not in w for w in _wrong("04-donnees-et-droits-exercices", "ex-04-1"))


def test_exercise_06_3_right_option_is_the_offer_without_a_blocking_criterion():
    from atelier_ia.charter import review_offer
    from atelier_ia.exercises.m06 import OFFRES, PARAMETRES

    a, b = PARAMETRES["06-3"]["offre_a"], PARAMETRES["06-3"]["offre_b"]
    (right,) = _right("06-gouvernance-et-territoires-exercices", "ex-06-3")
    assert right.startswith(b) and review_offer(b, OFFRES[b])["non"] == 0 < review_offer(a, OFFRES[a])["non"]


def test_exercise_07_1_right_option_meets_the_osi_definition():
    from atelier_ia.exercises.m07 import osi_models

    meets = [m.split(" (")[0] for m in osi_models()]
    (right,) = _right("07-ecosysteme-ouvert-exercices", "ex-07-1")
    assert any(right.startswith(m) for m in meets)
    assert not any(w.startswith(m) for w in _wrong("07-ecosysteme-ouvert-exercices", "ex-07-1") for m in meets)


def test_exercise_07_4_right_options_follow_the_cases_file():
    from atelier_ia.exercises.m07 import PARAMETRES, cases

    said = {"required": "claire et visible", "recommended": "Pas d'obligation", "required_text": "texte d'intérêt public"}
    questions = pages.in_page_questions("07-ecosysteme-ouvert")["07-4"]
    assert len(questions) == len(PARAMETRES["07-4"]["cas"])
    for qid, case_id in zip(questions, PARAMETRES["07-4"]["cas"]):
        assert case_id in load_quiz("07-ecosysteme-ouvert-exercices").question(qid).text
        (right,) = _right("07-ecosysteme-ouvert-exercices", qid)
        assert said[cases()[case_id]["expected"]] in right, qid
