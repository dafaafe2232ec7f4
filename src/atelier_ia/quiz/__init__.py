"""Quizzes: French multiple-choice questions stored as data, checked, and rendered.

A quiz lives in ``data/quiz/<module-id>.yml``. :func:`load_quiz` reads and validates it
(a malformed file raises :class:`~atelier_ia.AtelierError` naming the file, the question
and what is wrong). :func:`show_quiz` returns an object that renders

* in the static book: self-contained HTML with inline CSS and JavaScript (no network);
* with a live kernel (JupyterLab, Binder): ipywidgets whose feedback is computed in Python.

Both show each question's options in the same deterministic shuffled order
(:func:`display_order`), so the position of the right answer carries no information.
"""

from .model import LEVELS, MAX_OPTIONS, Option, Question, Quiz, Verdict, display_order, evaluate, load_quiz, parse_quiz
from .render import QuizView, quiz_html, show_quiz, tick_hint

__all__ = [
    "LEVELS",
    "MAX_OPTIONS",
    "Option",
    "Question",
    "Quiz",
    "QuizView",
    "Verdict",
    "display_order",
    "evaluate",
    "load_quiz",
    "parse_quiz",
    "quiz_html",
    "show_quiz",
    "tick_hint",
]
