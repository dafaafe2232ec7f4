"""Render a quiz as static HTML (book) and as ipywidgets (live kernel)."""

from __future__ import annotations

import dataclasses
import html
import itertools
import re

from ..assets import read
from ..errors import AtelierError, describe
from ..palette import COLOURS, stylesheet
from ..validation import check_bool, check_text
from .model import Question, Quiz, evaluate, load_quiz

__all__ = [
    "COMPANIONS",
    "KEEP_CSS",
    "PROGRESS_CHOICE_KEY",
    "PROGRESS_KEY",
    "TXT",
    "QuizView",
    "tick_hint",
    "keep_script",
    "keep_switch_html",
    "progress_slot",
    "quiz_html",
    "show_quiz",
]

_counter = itertools.count(1)

#: The one localStorage key where the static book keeps the reader's last answer to each
#: question (in this browser only: nothing is ever sent). Its value is JSON::
#:
#:     {"v": 1, "modules": {"<module id>": {"q": {"<question key>": {"r": "ok", "d": "2026-12-01"}}}}}
#:
#: ``r`` is the last verdict (``ok``, ``partial`` or ``wrong``), ``d`` the reader's local date.
#: A value with another ``v`` is left untouched (a newer book may have written it).
#: Nothing is written there unless the reader has turned saving on (:data:`PROGRESS_CHOICE_KEY`).
PROGRESS_KEY = "atelier-ia-progression"
PROGRESS_VERSION = 1
#: Opt-in (the CNIL counts localStorage as a tracer: no storage without consent, except
#: the reader's own choice about it). This key holds ``"oui"`` once the reader turns on
#: « Garder mes résultats dans ce navigateur »; while it is absent, the quizzes write nothing.
#: Turning the switch off removes both keys.
PROGRESS_CHOICE_KEY = "atelier-ia-progression-choix"
PROGRESS_CHOICE_ON = "oui"
_NO_CODE = "-sans-code"
#: The quiz files that accompany a module's end-of-module quiz ``<id>.yml``: the questions asked
#: next to its demos (``<id>-sans-code.yml``) and the exercises answered in the page of its
#: exercise notebook (``<id>-exercices.yml``). Their questions belong to module ``<id>``.
COMPANIONS = (_NO_CODE, "-exercices")


def progress_slot(quiz_module: str, question_id: str) -> tuple[str, str]:
    """Where a question's result is kept: (module id, question key).

    The questions of ``<id>-sans-code.yml`` (asked next to the demos of module ``<id>``) count
    for module ``<id>``, under the key ``sans-code/<question id>``; those of
    ``<id>-exercices.yml`` (the exercises answered in the page) under ``exercices/<question id>``.
    """
    quiz_module = check_text(quiz_module, "l'identifiant du quiz")
    question_id = check_text(question_id, "l'identifiant de la question", allow_empty=True)
    for suffix in COMPANIONS:
        if quiz_module.endswith(suffix):
            return quiz_module[: -len(suffix)], f"{suffix[1:]}/{question_id}"
    return quiz_module, question_id
_HTML_ID = re.compile(r"^[A-Za-z][A-Za-z0-9_-]*$")
_URL = re.compile(r"https?://[^\s<>\"»]+[^\s<>\"».,;:)]")

# Every string a learner sees, in one place.
TXT = {
    "check": "Vérifier",
    "single": "Une seule réponse.",
    # a multiple-answer question says how many boxes to tick, from its data (tick_hint)
    "multiple": "Plusieurs réponses justes\u00a0: cochez-en {n}.",
    "tick": "cochez {n} réponses",
    "none": "Choisissez au moins une réponse, puis cliquez sur « Vérifier ».",
    "ok": "Bonne réponse\u00a0!",
    "partial": "C'est juste, mais incomplet\u00a0: il manque au moins une bonne réponse.",
    "wrong": "Pas tout à fait. Relisez les retours et réessayez.",
    "source": "Source\u00a0:",
    "why": "Pourquoi\u00a0:",
    "heading": "Question {n} sur {total}",
    "kept": "Rien n'est envoyé\u00a0; vos résultats ne sont gardés, dans ce navigateur seulement, que si vous l'activez.",
    # the opt-in switch (quiz note, course map, attestation)
    "keep": "Garder mes résultats dans ce navigateur",
    "keep_hint": "(désactiver efface vos résultats)",
    "keep_on": "Activé\u00a0: vos prochains résultats seront gardés dans ce navigateur, et nulle part ailleurs.",
    "keep_off": "Désactivé\u00a0: vos résultats sont effacés de ce navigateur, et plus rien n'y sera gardé.",
    "keep_refused": "Ce navigateur refuse le stockage local\u00a0: vos résultats ne peuvent pas y être gardés.",
}


_NUMBERS = {2: "deux", 3: "trois", 4: "quatre", 5: "cinq"}


def tick_hint(question: Question, short: bool = False) -> str:
    """What a learner is told about how many options to tick, computed from the question's data.

    « Une seule réponse. » for a single-answer question; for a multiple-answer question with
    n right options, « Plusieurs réponses justes : cochez-en n. » (``short``: « cochez n réponses »,
    as printed on a handout).
    """
    if not isinstance(question, Question):
        raise AtelierError(f"tick_hint attend une question d'un quiz chargé avec load_quiz(...) ; vous avez donné {describe(question)}.")
    check_bool(short, "short")
    if not question.multiple:
        return TXT["single"]
    n = _NUMBERS.get(question.n_correct, str(question.n_correct))
    return TXT["tick" if short else "multiple"].format(n=n)


def _inline(text: str) -> str:
    """Escape text for HTML and turn bare URLs into plain links."""
    out, last = [], 0
    for m in _URL.finditer(text):
        out.append(html.escape(text[last:m.start()]))
        url = html.escape(m.group(0))
        out.append(f'<a href="{url}" rel="noopener">{url}</a>')
        last = m.end()
    out.append(html.escape(text[last:]))
    return "".join(out)


_CSS = "\n" + read("quiz.css")

#: Style of the opt-in switch (:func:`keep_switch_html`), wherever it is shown.
KEEP_CSS = "\n" + read("quiz-garder.css")

# The quiz's script (one per quiz; %(id)s, %(key)s, %(version)s and %(keep)s filled in by quiz_html).
_JS = "\n" + read("quiz.js")


# The opt-in switch, shared by the quiz note, the course map and the attestation page
# (atelier_tools.progress). Its box carries its status texts; the script unhides it.
_KEEP_JS = "\n" + read("quiz-garder.js")


def keep_script() -> str:
    """JavaScript defining ``aiKeepOn()`` and ``aiKeepSwitch(box, changed)`` (to paste inside a
    function or a ``<script>``)."""
    return _KEEP_JS % {"choice": '"' + PROGRESS_CHOICE_KEY + '"', "on": '"' + PROGRESS_CHOICE_ON + '"',
                       "key": '"' + PROGRESS_KEY + '"'}


def keep_switch_html(box_id: str, before: str = "") -> str:
    """The switch « Garder mes résultats dans ce navigateur »: a real checkbox (role ``switch``,
    keyboard-usable, labelled), the warning that turning it off erases, and a live status.

    ``before`` (already escaped HTML) is written just before the control, in the same element.
    The control stays hidden until the script (:func:`keep_script`) is there to make it work.
    """
    before = check_text(before, "« before »", allow_empty=True)
    if not isinstance(box_id, str) or not _HTML_ID.match(box_id):
        raise AtelierError(
            f"keep_switch_html attend un identifiant HTML (lettres, chiffres, tirets, en commençant par une lettre) ; "
            f"vous avez donné {describe(box_id)}."
        )
    data = " ".join(f'data-{k}="{html.escape(TXT["keep_" + k])}"' for k in ("on", "off", "refused"))
    return (
        f'<p class="ai-keep" id="{box_id}" {data}>{before}'
        f'<span class="ai-keep-control" hidden> <label><input type="checkbox" role="switch" autocomplete="off" '
        f'aria-describedby="{box_id}-hint"> {html.escape(TXT["keep"])}</label> '
        f'<span id="{box_id}-hint">{html.escape(TXT["keep_hint"])}</span></span>'
        f'<span class="ai-keep-status" role="status" aria-live="polite"></span></p>'
    )


def _question_html(quiz_id: str, q: Question, n: int, total: int, key: str) -> str:
    kind = "checkbox" if q.multiple else "radio"
    name = f"{quiz_id}-{q.id}"
    correct = ",".join(str(i) for i in sorted(q.correct_indices))
    parts = [
        f'<form class="aiq-question" data-question="{html.escape(q.id)}" data-key="{html.escape(key)}" data-correct="{correct}" '
        f'data-multiple="{str(q.multiple).lower()}" novalidate>',
        "<fieldset>",
        f'<legend><span class="aiq-num">{html.escape(TXT["heading"].format(n=n, total=total))}</span>'
        f"{_inline(q.text)}</legend>",
        f'<p class="aiq-hint">{html.escape(tick_hint(q))}</p>',
    ]
    for i, opt in enumerate(q.options):
        parts.append(
            f'<label><input type="{kind}" name="{name}" value="{i}"><span>{_inline(opt.text)}</span></label>'
        )
    parts.append(f'<button type="submit">{html.escape(TXT["check"])}</button>')
    parts.append('<div class="aiq-feedback" role="status" aria-live="polite">')
    parts.append('<p class="aiq-verdict" hidden></p>')
    for i, opt in enumerate(q.options):
        parts.append(f'<p class="aiq-retour" data-option="{i}" hidden>{_inline(opt.feedback)}</p>')
    parts.append(f'<p class="aiq-why" hidden><strong>{html.escape(TXT["why"])}</strong> {_inline(q.explanation)}</p>')
    parts.append(f'<p class="aiq-source" hidden>{html.escape(TXT["source"])} {_inline(q.source)}</p>')
    parts.append("</div></fieldset></form>")
    return "".join(parts)


def quiz_html(quiz: Quiz, quiz_id: str | None = None) -> str:
    """Self-contained HTML (inline CSS and JS, no network) that runs the quiz in a browser."""
    if not isinstance(quiz, Quiz):
        raise AtelierError("quiz_html attend un quiz chargé avec load_quiz(\"<identifiant du module>\").")
    if quiz_id is not None and (not isinstance(quiz_id, str) or not _HTML_ID.match(quiz_id)):
        raise AtelierError(
            f"« quiz_id » doit être None ou un identifiant HTML (lettres, chiffres, tirets, en commençant par une lettre) ; "
            f"vous avez donné {describe(quiz_id)}."
        )
    quiz_id = quiz_id or f"aiq-{quiz.module}-{next(_counter)}"
    total = len(quiz.questions)
    module = progress_slot(quiz.module, "")[0]
    body = "".join(_question_html(quiz_id, q, n, total, progress_slot(quiz.module, q.id)[1])
                   for n, q in enumerate(quiz.questions, start=1))
    data = " ".join(f'data-{k}="{html.escape(TXT[k])}"' for k in ("none", "ok", "partial", "wrong"))
    script = _JS % {"id": '"' + quiz_id + '"', "key": '"' + PROGRESS_KEY + '"', "version": PROGRESS_VERSION,
                    "keep": keep_script()}
    # Before the questions of every quiz, so that the choice comes before the page's first answer;
    # the script shows only the page's first switch (the others would repeat it).
    body = keep_switch_html(f"{quiz_id}-garder", before=f'<span class="aiq-kept">{html.escape(TXT["kept"])}</span>') + body
    return (
        f'<div class="aiq" id="{quiz_id}" lang="fr" data-module="{html.escape(module)}" {data}><style>{stylesheet(_CSS + KEEP_CSS)}</style>{body}'
        f"<script>{script}</script></div>"
    )


# ipywidgets gives each radio option a fixed height: a long option wraps onto the next one.
_LAB_CSS = read("quiz-jupyterlab.css")


class _QuestionWidget:
    """ipywidgets view of one question; feedback computed by :func:`evaluate`."""

    def __init__(self, q: Question, n: int, total: int):
        import ipywidgets as w

        self.question = q
        labels = [o.text for o in q.options]
        title = w.HTML(
            f"<p><small>{html.escape(TXT['heading'].format(n=n, total=total))}</small><br>"
            f"<strong>{_inline(q.text)}</strong><br><em>{html.escape(tick_hint(q))}</em></p>"
        )
        if q.multiple:
            self.boxes = [w.Checkbox(value=False, description=t, indent=False, layout=w.Layout(width="auto")) for t in labels]
            choices = w.VBox(self.boxes)
        else:
            self.radio = w.RadioButtons(options=[(t, i) for i, t in enumerate(labels)], value=None, layout=w.Layout(width="auto"))
            choices = self.radio
        self.button = w.Button(description=TXT["check"], button_style="primary")
        self.feedback = w.HTML()
        self.button.on_click(lambda _b: self.check())
        self.widget = w.VBox([title, choices, self.button, self.feedback], layout=w.Layout(border=f"1px solid {COLOURS['bord']}", padding="0 1em 1em", margin="0 0 1em"))

    def chosen(self) -> list[int]:
        if self.question.multiple:
            return [i for i, b in enumerate(self.boxes) if b.value]
        return [] if self.radio.value is None else [self.radio.value]

    def check(self):
        verdict = evaluate(self.question, self.chosen())
        colour = COLOURS["reussi"] if verdict.ok else COLOURS["a-revoir"]
        mark = "✔" if verdict.ok else "✘"
        lines = [f'<p style="border-left:.35em solid {colour};padding-left:.5em"><strong>{mark} {html.escape(verdict.headline)}</strong></p>']
        lines += [f"<p>{_inline(m)}</p>" for m in verdict.messages]
        if verdict.ok:
            lines.append(f"<p><small>{html.escape(TXT['source'])} {_inline(self.question.source)}</small></p>")
        self.feedback.value = "".join(lines)
        return verdict


class QuizView:
    """Displays a quiz: ipywidgets with a live kernel, self-contained HTML in the static book."""

    def __init__(self, quiz: Quiz):
        if not isinstance(quiz, Quiz):
            raise AtelierError("QuizView attend un quiz chargé avec load_quiz(\"<identifiant du module>\").")
        self.quiz = quiz
        self._widgets = None

    @property
    def questions(self) -> list[_QuestionWidget]:
        if self._widgets is None:
            total = len(self.quiz.questions)
            self._widgets = [_QuestionWidget(q, n, total) for n, q in enumerate(self.quiz.questions, start=1)]
        return self._widgets

    def _repr_mimebundle_(self, include=None, exclude=None):
        import ipywidgets as w

        style = w.HTML(f"<style>{_LAB_CSS}</style>", layout=w.Layout(height="0px", margin="0"))
        box = w.VBox([style, *(q.widget for q in self.questions)])
        box.add_class("aiq-lab")
        bundle = dict(box._repr_mimebundle_() or {})
        bundle["text/html"] = quiz_html(self.quiz)
        bundle["text/plain"] = f"Quiz du module {self.quiz.module} ({len(self.quiz.questions)} questions)"
        return bundle


def show_quiz(module_id: str, questions: list[str] | None = None) -> QuizView:
    """Load ``data/quiz/<module_id>.yml`` and return a displayable quiz.

    Put it alone in a cell (tagged ``remove-input`` so the book hides the code). ``questions``
    (a list of question ids) shows only those questions, in that order: a file's questions can
    then sit next to the demo each one is about.
    """
    quiz = load_quiz(module_id)
    if questions is not None:
        if not isinstance(questions, (list, tuple)) or not questions:
            raise AtelierError("show_quiz : « questions » doit être une liste d'identifiants de questions, par exemple [\"graine\"].")
        quiz = dataclasses.replace(quiz, questions=tuple(quiz.question(q) for q in questions))
    return QuizView(quiz)
