"""Quiz engine: validation of quiz files, answer checking, static and live rendering."""

from __future__ import annotations

import copy
import html
import re

import pytest
import yaml

from atelier_ia import AtelierError
from atelier_ia.quiz import QuizView, evaluate, load_quiz, parse_quiz, quiz_html, show_quiz
from atelier_ia.quiz.render import _inline

GOOD = {
    "module": "99-essai",
    "questions": [
        {
            "id": "une",
            "question": "Quelle couleur ?",
            "niveau": "rappel",
            "options": [
                {"texte": "Bleu", "correct": True, "retour": "Oui, bleu."},
                {"texte": "Rouge", "correct": False, "retour": "Non, pas rouge."},
            ],
            "explication": "Parce que.",
            "source": "Ce module",
        },
        {
            "id": "plusieurs",
            "question": "Lesquels sont des musées ?",
            "niveau": "application",
            "multiple": True,
            "options": [
                {"texte": "Le Louvre", "correct": True, "retour": "Le Louvre est un musée."},
                {"texte": "Orsay", "correct": True, "retour": "Orsay aussi."},
                {"texte": "La Seine", "correct": False, "retour": "La Seine est un fleuve."},
            ],
            "explication": "Deux musées parisiens.",
            "source": "https://www.louvre.fr",
        },
    ],
}


def broken(path: str, value):
    """A copy of GOOD with one field replaced (path like 'questions.0.options')."""
    data = copy.deepcopy(GOOD)
    keys = path.split(".")
    target = data
    for k in keys[:-1]:
        target = target[int(k)] if k.isdigit() else target[k]
    last = keys[-1]
    if value is KeyError:
        del target[int(last) if last.isdigit() else last]
    else:
        target[int(last) if last.isdigit() else last] = value
    return data


def test_good_quiz_parses():
    quiz = parse_quiz(GOOD, "essai.yml")
    assert [q.id for q in quiz.questions] == ["une", "plusieurs"]
    multi = quiz.questions[1]
    assert {multi.options[i].text for i in multi.correct_indices} == {"Le Louvre", "Orsay"}


@pytest.mark.parametrize(
    "path,value,expected",
    [
        ("questions", [], "liste non vide"),
        ("questions.0.options", [{"texte": "Seul", "correct": True, "retour": "x"}], "au moins deux"),
        ("questions.0.options.0.correct", False, "aucune option"),
        ("questions.0.options.1.correct", True, "multiple"),
        ("questions.0.options.1.retour", KeyError, "retour"),
        ("questions.0.options.1.retour", "   ", "retour"),
        ("questions.0.explication", KeyError, "explication"),
        ("questions.0.source", KeyError, "source"),
        ("questions.0.id", "Une Question", "minuscules"),
        ("questions.1.id", "une", "déjà utilisé"),
        ("questions.0.multiple", "oui", "true ou false"),
        ("questions.0.options.0.correct", "vrai", "true ou false"),
        ("questions.0.questoin", "faute de frappe", "inconnue"),
        ("questions.1.options.2.correct", True, "toutes les options"),
        ("questions.0.options.1.texte", "Bleu", "même texte"),
        ("questions.0.niveau", KeyError, "niveau"),
        ("questions.0.niveau", "facile", "rappel, application ou jugement"),
        ("questions.0.options", [{"texte": t, "correct": t == "A", "retour": "r"} for t in "ABCDE"], "4 au plus"),
    ],
)
def test_malformed_quiz_names_file_question_and_problem(path, value, expected):
    with pytest.raises(AtelierError) as err:
        parse_quiz(broken(path, value), "data/quiz/99-essai.yml")
    message = str(err.value)
    assert "data/quiz/99-essai.yml" in message
    assert expected in message
    if path.startswith("questions.0.") and path != "questions.0.id":
        assert "question 1" in message and "« une »" in message


def test_malformed_yaml_file_reports_line(tmp_path):
    bad = tmp_path / "quiz" / "99-essai.yml"
    bad.parent.mkdir()
    bad.write_text("module: 99-essai\nquestions:\n  - id: a\n    question: [non fermé\n", encoding="utf-8")
    with pytest.raises(AtelierError, match=r"YAML illisible \(ligne \d+"):
        load_quiz(bad)


def test_non_utf8_file(tmp_path):
    bad = tmp_path / "essai.yml"
    bad.write_bytes("module: été".encode("latin-1"))
    with pytest.raises(AtelierError, match="UTF-8"):
        load_quiz(bad)


def test_unknown_module_quiz():
    with pytest.raises(AtelierError, match="introuvable"):
        load_quiz("98-inexistant")
    with pytest.raises(AtelierError, match="00-prise-en-main"):
        load_quiz("Pas un identifiant")


def test_evaluate_single_and_multiple():
    quiz = parse_quiz(GOOD)
    one, many = quiz.questions
    assert evaluate(one, [0]).ok
    wrong = evaluate(one, [1])
    assert not wrong.ok and "Non, pas rouge." in wrong.messages
    assert "Choisissez" in evaluate(one, []).headline
    partial = evaluate(many, [0])
    assert not partial.ok and "incomplet" in partial.headline
    assert not evaluate(many, [0, 1, 2]).ok
    right = evaluate(many, [1, 0])
    assert right.ok and right.messages[-1] == "Deux musées parisiens."
    with pytest.raises(AtelierError, match="numérotées de 0 à 2"):
        evaluate(many, [5])


def test_static_html_is_self_contained_and_french():
    page = quiz_html(parse_quiz(GOOD), quiz_id="q")
    assert "<script>" in page and "<style>" in page
    assert not re.search(r"<script[^>]+src=|<link[^>]+href=", page)  # nothing loaded
    for text in ("Vérifier", "Question 1 sur 2", "Plusieurs réponses justes\u00a0: cochez-en deux.", "Oui, bleu.", "Non, pas rouge."):
        assert text in page
    assert 'href="https://www.louvre.fr"' in page
    for english in ("Correct!", "Incorrect", "try again", "Submit", "Check"):
        assert english not in page


def test_static_html_escapes_text():
    data = broken("questions.0.question", "<b>gras</b> & <script>alert(1)</script>")
    page = quiz_html(parse_quiz(data), quiz_id="q")
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page


def test_widget_view_gives_feedback_like_the_static_one():
    view = QuizView(parse_quiz(GOOD))
    bundle = view._repr_mimebundle_()
    assert {"text/html", "text/plain", "application/vnd.jupyter.widget-view+json"} <= set(bundle)
    single, multiple = view.questions
    single.radio.value = 1
    assert not single.check().ok
    assert "Non, pas rouge." in single.feedback.value and "Pas tout à fait" in single.feedback.value
    single.radio.value = 0
    single.button.click()
    assert "Bonne réponse" in single.feedback.value
    multiple.boxes[0].value = True
    multiple.button.click()
    assert "incomplet" in multiple.feedback.value
    multiple.boxes[1].value = True
    assert multiple.check().ok


def test_every_course_quiz_loads_and_show_quiz_renders():
    from atelier_ia.course import load_catalogue

    for module in load_catalogue().available:
        quiz = load_quiz(module.id)
        assert len(quiz.questions) >= 5, f"{module.id} : au moins 5 questions"
        assert "text/html" in show_quiz(module.id)._repr_mimebundle_()


def test_quiz_source_file_is_plain_yaml_schema(tmp_path):
    path = tmp_path / "essai.yml"
    path.write_text(yaml.safe_dump(GOOD, allow_unicode=True), encoding="utf-8")
    assert load_quiz(path).module == "99-essai"


def _all_quizzes():
    from atelier_ia.paths import data_dir

    return [load_quiz(path.stem) for path in sorted((data_dir() / "quiz").glob("*.yml"))
            if not path.stem.endswith("-sans-code")]


def test_options_are_shuffled_so_position_tells_nothing():
    import yaml

    from atelier_ia.paths import data_dir

    positions = []
    for quiz in _all_quizzes():
        raw = yaml.safe_load((data_dir() / "quiz" / f"{quiz.module}.yml").read_text(encoding="utf-8"))
        for q, raw_q in zip(quiz.questions, raw["questions"]):
            # the same options, feedback still attached to its own option, only the order changes
            assert sorted((o.text, o.correct, o.feedback) for o in q.options) == sorted(
                (o["texte"].strip(), o["correct"], o["retour"].strip()) for o in raw_q["options"])
            positions.append(min(q.correct_indices))
    assert len(set(positions)) > 1, "la bonne réponse est toujours à la même place"
    assert max(positions.count(p) for p in set(positions)) < 0.6 * len(positions)


def test_display_order_is_a_stable_permutation_across_processes():
    import subprocess
    import sys

    from atelier_ia.quiz import display_order

    script = ("from atelier_ia.quiz import display_order; "
              "print([display_order('03-creation-artistique', f'q{k}', 5) for k in range(20)])")
    runs = {subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True,
                           env={**__import__("os").environ, "PYTHONHASHSEED": seed}).stdout for seed in ("1", "2")}
    assert len(runs) == 1
    orders = [display_order("03-creation-artistique", f"q{k}", 5) for k in range(20)]
    assert runs.pop().strip() == str(orders)
    assert all(sorted(o) == list(range(5)) for o in orders) and len(set(orders)) > 5


def test_html_and_widgets_show_the_same_order_and_grade_it():
    pytest.importorskip("ipywidgets")
    quiz = load_quiz("02-fonctionnement-ia-generative")
    html_text = quiz_html(quiz, "q")
    view = QuizView(quiz)
    for q, widget in zip(quiz.questions, view.questions):
        shown = [o.text for o in q.options]
        labels = [b.description for b in widget.boxes] if q.multiple else [t for t, _ in widget.radio.options]
        assert labels == shown
        form = html_text[html_text.index(f'data-question="{q.id}"'):]
        form = form[: form.index("</form>")]
        assert f'data-correct="{",".join(map(str, sorted(q.correct_indices)))}"' in form
        assert [html.unescape(t) for t in re.findall(r'<label><input[^>]*><span>(.*?)</span>', form)] == [
            html.unescape(re.sub(r"<[^>]+>", "", _inline(t))) for t in shown]
        assert evaluate(q, sorted(q.correct_indices)).ok


def test_results_are_kept_per_module_with_the_no_code_questions_apart():
    from atelier_ia.quiz.render import progress_slot

    assert progress_slot("02-fonctionnement-ia-generative", "jeton") == ("02-fonctionnement-ia-generative", "jeton")
    assert progress_slot("02-fonctionnement-ia-generative-sans-code", "jeton") == (
        "02-fonctionnement-ia-generative", "sans-code/jeton")
    page = quiz_html(load_quiz("02-fonctionnement-ia-generative-sans-code"), "q")
    assert 'data-module="02-fonctionnement-ia-generative"' in page
    assert "localStorage" in page and "catch(e)" in page  # a refused storage never breaks the quiz


# --------------------------------------------------------------------------- levels, options, cues


def _course_quizzes(no_code: bool):
    from atelier_ia.paths import data_dir

    return [load_quiz(p.stem) for p in sorted((data_dir() / "quiz").glob("*.yml")) if p.stem.endswith("-sans-code") == no_code]


def test_a_multiple_answer_question_says_how_many_to_tick_from_its_data():
    from atelier_ia.quiz import tick_hint

    data = copy.deepcopy(GOOD)
    data["questions"][1]["options"].append({"texte": "Beaubourg", "correct": True, "retour": "Un musée aussi."})
    quiz = parse_quiz(data)
    assert tick_hint(quiz.questions[0]) == "Une seule réponse."
    assert tick_hint(quiz.questions[1]) == "Plusieurs réponses justes\u00a0: cochez-en trois."
    assert tick_hint(quiz.questions[1], short=True) == "cochez trois réponses"
    assert "cochez-en trois" in quiz_html(quiz, "q")
    labels = QuizView(quiz).questions[1].widget.children[0].value
    assert "cochez-en trois" in labels
    for quiz in _course_quizzes(False) + _course_quizzes(True):
        for q in quiz.questions:
            # the count is generated: a hand-written one would go stale when an option changes
            assert "cochez" not in q.text.lower(), f"{quiz.module} ({q.id}) : ne recopiez pas le nombre de réponses à cocher"


def test_level_is_for_trainers_not_for_learners():
    from atelier_ia.course import load_catalogue
    from atelier_tools import handouts
    from atelier_tools.render import answer_keys

    cat = load_catalogue()
    m = cat.available[0]
    quiz = load_quiz(m.id)
    page = quiz_html(quiz, "q")
    printed = handouts.quiz_questions_html(m)
    key = handouts.answer_key_page(cat, m)
    guide = answer_keys(cat)
    for q in quiz.questions:
        assert f"(niveau\u00a0: {q.level})" in key, f"{q.id} : niveau absent du corrigé imprimable"
    assert f"*(niveau\u00a0: {quiz.questions[0].level})*" in guide
    for learner in (page, printed):
        assert "niveau\u00a0:" not in learner and "data-level" not in learner and "data-niveau" not in learner
        assert "fiche-niveau" not in learner


def test_every_course_question_has_at_most_four_options_and_a_level():
    from atelier_ia.quiz import LEVELS, MAX_OPTIONS

    assert MAX_OPTIONS == 4
    for quiz in _course_quizzes(False) + _course_quizzes(True):
        for q in quiz.questions:
            assert 2 <= len(q.options) <= 4 and q.level in LEVELS


def test_longest_option_measure_counts_ties_as_a_fraction():
    from fractions import Fraction

    from atelier_tools.quizstats import longest_option_credit, quiz_stats

    opt = lambda t, ok: {"texte": t, "correct": ok, "retour": "r"}  # noqa: E731
    assert longest_option_credit([opt("court", False), opt("la plus longue", True)]) == 1
    assert longest_option_credit([opt("juste", True), opt("la plus longue", False)]) == 0
    assert longest_option_credit([opt("abcd", True), opt("efgh", False), opt("ij", False)]) == Fraction(1, 2)
    stats = quiz_stats(GOOD, "99-essai")  # « Rouge » (5) beats « Bleu » (4); the multiple question is left out
    assert (stats.single, stats.longest, stats.applied, stats.questions) == (1, 0, 1, 2)


@pytest.mark.parametrize("kind", ["fin de module", "sans code", "exercices"])
def test_picking_the_longest_option_does_not_pay(kind):
    """Over the single-answer questions, « always tick the longest option » (ties: 1/k) wins at most
    35 % overall and 40 % in any module, for the end-of-module quizzes, the no-code ones and the
    exercises answered in the page, each kind apart."""
    from atelier_tools.quizstats import KINDS, MAX_LONGEST_MODULE, MAX_LONGEST_OVERALL, all_stats, overall_longest

    assert kind in KINDS
    stats = [s for s in all_stats() if s.kind == kind]
    assert stats, f"aucun quiz de la sorte « {kind} »"
    assert overall_longest(stats) <= MAX_LONGEST_OVERALL, f"la plus longue option gagne {overall_longest(stats):.0%} des questions"
    over = [f"{s.quiz} : {float(s.longest):g}/{s.single}" for s in stats if s.longest_share > MAX_LONGEST_MODULE]
    assert not over, "la plus longue option est trop souvent la bonne : " + ", ".join(over)


def test_end_of_module_quizzes_ask_mostly_application_and_judgement():
    from atelier_tools.quizstats import MIN_APPLIED_SHARE, all_stats

    low = [f"{s.quiz} : {s.applied}/{s.questions}" for s in all_stats() if s.kind == "fin de module" and s.applied_share < MIN_APPLIED_SHARE]
    assert not low, "moins de 60 % de questions d'application ou de jugement : " + ", ".join(low)


def test_exercises_answered_in_the_page_count_for_their_module_without_a_second_switch():
    """The questions of ``<id>-exercices.yml`` (exercise pages) are kept under their module, apart
    from the end-of-module and the no-code questions, and do not repeat the opt-in switch."""
    from atelier_ia.quiz.render import progress_slot

    assert progress_slot("05-diversite-culturelle-exercices", "ex-05-3") == ("05-diversite-culturelle", "exercices/ex-05-3")
    page = quiz_html(load_quiz("05-diversite-culturelle-exercices"), "q")
    assert 'data-module="05-diversite-culturelle"' in page and 'data-key="exercices/ex-05-3"' in page
    assert 'class="ai-keep"' in page and page.index('class="ai-keep"') < page.index('class="aiq-question"')
