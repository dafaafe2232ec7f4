"""The reader's progress, kept in their browser only: the course map's column and the
« attestation de suivi » page.

Saving is opt-in: the CNIL counts ``localStorage`` as a tracer, so nothing is written until the
reader turns on « Garder mes résultats dans ce navigateur » (the switch of
:func:`atelier_ia.quiz.render.keep_switch_html`, before the first quiz question of each module page, under the course
map and on the attestation page; its choice is kept under
:data:`~atelier_ia.quiz.render.PROGRESS_CHOICE_KEY`, and turning it off erases everything).
Then the quizzes of the static book (:mod:`atelier_ia.quiz.render`) write each question's last
result into one ``localStorage`` key, :data:`~atelier_ia.quiz.render.PROGRESS_KEY`. This
module writes, at build time, what reads it back:

* :func:`map_block`: under the course map, the switch, a table of the reader's progress per
  module and a note on privacy;
* :func:`attestation_block`: the switch, the form and printable sheet of ``annexes/attestation.md``.

Both embed the same JSON (:func:`catalogue_json`): every module's number and title from the
catalogue, and the keys and levels of its questions from the quiz files, so
that nothing a learner reads about a module is typed by hand, and a stale key (a question
removed since) never counts. All of it is inline HTML, CSS and JavaScript (the stylesheets and
scripts are files of ``atelier_tools/static``, inlined at build time): no request, nothing sent.
"""

from __future__ import annotations

import html
import json

from atelier_ia.assets import read
from atelier_ia.course import Catalogue
from atelier_ia.fmt import MONTHS, NBSP
from atelier_ia.palette import stylesheet
from atelier_ia.paths import data_dir
from atelier_ia.quiz import load_quiz
from atelier_ia.quiz.model import LEVELS
from atelier_ia.quiz.render import (
    COMPANIONS,
    KEEP_CSS,
    PROGRESS_KEY,
    PROGRESS_VERSION,
    keep_script,
    keep_switch_html,
    progress_slot,
)

from .render import module_link, modules_table, repository_url, themes_list

DATA_ID = "aip-data"


def quiz_files(module_id: str) -> list[str]:
    """The quiz ids whose questions count for a module, when the files exist: its end-of-module
    quiz, the questions asked next to its demos (``<id>-sans-code``) and the exercises answered in
    the page of its exercise notebook (``<id>-exercices``).

    The exercises count too: the book's quizzes record their answers under the module
    (:func:`atelier_ia.quiz.render.progress_slot`), each question has a level like the others,
    and a reader who did them has answered the module's questions; leaving them out made the map
    and the attestation ignore answers that the browser had kept."""
    return [q for q in (module_id, *(module_id + suffix for suffix in COMPANIONS))
            if (data_dir() / "quiz" / f"{q}.yml").is_file()]


def question_levels(module_id: str) -> dict[str, str]:
    """The storage key of every question that counts for ``module_id`` (file order) → its level
    (« rappel », « application » or « jugement », the ``niveau`` of the quiz file)."""
    levels = {}
    for quiz_id in quiz_files(module_id):
        quiz = load_quiz(quiz_id)
        levels.update({progress_slot(quiz.module, q.id)[1]: q.level for q in quiz.questions})
    return levels


def question_keys(module_id: str) -> list[str]:
    """The storage keys of every question that counts for ``module_id``, in file order."""
    return list(question_levels(module_id))


def quiz_totals(cat: Catalogue) -> dict[str, int]:
    """Number of questions per available module (the « sur N » of the course map)."""
    return {m.id: len(question_keys(m.id)) for m in cat.modules if m.available and quiz_files(m.id)}


def catalogue_json(cat: Catalogue) -> str:
    """Every module with quizzes: number, title, its questions' keys and their levels (in the
    order of :data:`LEVELS`, as indices), and the month names the page writes dates with
    (:data:`atelier_ia.fmt.MONTHS`). No duration: the attestation counts answers, and the
    time a reader spent is nothing the book can know."""
    modules = []
    for m in cat.modules:
        if m.available and quiz_files(m.id):
            levels = question_levels(m.id)
            modules.append({"id": m.id, "n": m.number, "title": m.title, "keys": list(levels),
                            "levels": [LEVELS.index(v) for v in levels.values()]})
    text = json.dumps({"key": PROGRESS_KEY, "v": PROGRESS_VERSION, "levels": list(LEVELS), "modules": modules,
                       "months": list(MONTHS)}, ensure_ascii=False)
    return text.replace("</", "<\\/")  # never closes the <script> that holds it


def progress_table(cat: Catalogue) -> str:
    """One row per module with quizzes: its score and last activity, filled in by the page's
    script from the browser's storage when the reader keeps their results (« — » without
    JavaScript)."""
    totals = quiz_totals(cat)
    rows = ["| N° | Module | Questions réussies (dernier essai) | Dernière activité |", "|---|---|---|---|"]
    for m in cat.modules:
        if m.id in totals:
            mid = html.escape(m.id)
            rows.append(f'| {m.number} | {module_link(m, "myst")} | <span class="aip-prog" data-module="{mid}" '
                        f'data-total="{totals[m.id]}">—</span> | <span class="aip-last" data-module="{mid}">—</span> |')
    return "\n".join(rows) + "\n"


# Shared by the map and the attestation: read the store safely, count, write French.
_COMMON_JS = "\n" + read("progression-commun.js", "atelier_tools")  # %(data_id)s, %(keep)s

_CSS = "\n" + read("progression.css", "atelier_tools")

_MAP_JS = "\n" + read("progression-carte.js", "atelier_tools")


# The status live regions (``.ai-keep-status``) stay rendered while empty: a live region hidden with display:none
# when its text changes is not announced by every screen reader.


def _script(body: str) -> str:
    return f"<script>{_COMMON_JS % {'data_id': DATA_ID, 'keep': keep_script()}}{body}</script>"


def _html_block(text: str) -> str:
    """Raw HTML as one Markdown HTML block: a blank line would end it, so none is left."""
    return "\n".join(line for line in text.splitlines() if line.strip()) + "\n"


#: What the course map says about the reader's results, depending on the switch.
MAP_STATE = {
    "not-kept": "Vos résultats ne sont pas gardés.",
    "kept": "Vos résultats sont gardés dans ce navigateur, et dans lui seul.",
}


def course_map(cat: Catalogue) -> str:
    """The home page's map: the themes, the modules (:mod:`atelier_tools.render`), then the
    reader's progress in each, filled in by the browser."""
    return "**Les six thèmes**\n\n" + themes_list(cat) + "\n" + modules_table(cat) + "\n" + map_block(cat)


def map_block(cat: Catalogue) -> str:
    """Markdown + raw HTML placed under the course map: the note, the switch, the table, the script
    (after the table, which it fills in)."""
    data = " ".join(f'data-{k}="{html.escape(v)}"' for k, v in MAP_STATE.items())
    return (
        f"**Votre progression.** Si vous le demandez, ce tableau compte, pour chaque module, les "
        f"questions de quiz réussies à votre dernier essai, sur toutes les questions du module{NBSP}: "
        f"celles du quiz de fin de module, celles, sans code, qui accompagnent les démonstrations, et "
        f"celles des exercices qui se font dans la page (les exercices faits dans JupyterLab ne sont pas comptés). "
        f"C'est désactivé par défaut{NBSP}: tant que vous n'activez pas «{NBSP}Garder mes résultats dans ce "
        f"navigateur{NBSP}», ici ou avant la première question de quiz d'un module, le livre n'écrit rien dans votre navigateur. "
        f"Activé, il y garde le résultat de votre dernier essai à chaque question et sa date, "
        f"sans rien envoyer{NBSP}; désactiver efface ces résultats. "
        f"L'{{doc}}`attestation de suivi </annexes/attestation>` les met en forme pour l'impression "
        f"et explique pourquoi rien n'est gardé sans votre accord.\n\n"
        + _html_block(
            f'<div class="aip-box" id="aip-carte" lang="fr" {data}><style>{stylesheet(_CSS + KEEP_CSS)}</style>\n'
            f'<p class="aip-state">{html.escape(MAP_STATE["not-kept"])}</p>\n'
            f"{keep_switch_html('aip-carte-garder')}\n"
            f'<p class="aip-unavailable" hidden>Ce navigateur refuse le stockage local (certains modes de '
            f"navigation privée le font){NBSP}: les quiz fonctionnent, mais aucun résultat ne peut être gardé.</p>\n"
            "</div>\n")
        + "\n" + progress_table(cat) + "\n"
        + _html_block(
            f'<script type="application/json" id="{DATA_ID}">{catalogue_json(cat)}</script>\n'
            f"{_script(_MAP_JS)}\n")
    )


# ----------------------------------------------------------------------------- attestation

#: What the printed sheet says it proves, and what it does not (the page explains at length).
SHEET = {
    "title": "Attestation de suivi d'une autoformation",
    "intro": ("a répondu, dans ce navigateur, aux questions d'autoévaluation du cours ouvert « Atelier IA & culture » "
              "comptées ci-dessous. Pour chaque module, le tableau donne les questions répondues sur celles que le "
              "module propose, en tout et par niveau, et celles réussies au dernier essai."),
    "caption": "{seen} question{s} répondue{s} sur les {total} questions du cours",
    "columns": ["N°", "Module", "Questions répondues", "Réussies au dernier essai", "Rappel", "Application",
                "Jugement", "Dernière réponse"],
    "of": "{seen} sur {total}",
    "levels": ("Niveaux des questions : rappel, retrouver un fait du module ; application, s'en servir dans une "
               "situation nouvelle ; jugement, peser une situation et choisir quoi faire."),
    "proves": ("Ce document atteste des réponses : ce navigateur a gardé le résultat du dernier essai à chacune de "
               "ces questions, et la personne a tapé elle-même son nom. Il peut figurer, avec d'autres "
               "pièces, dans le registre des mesures prises par un établissement pour la maîtrise de l'IA de ses "
               "équipes (article 4 du règlement européen sur l'IA)."),
    "not": ("Il ne vérifie pas l'identité de la personne et ne repose sur aucun examen surveillé. Il ne mesure ni "
            "le temps passé ni la lecture des modules : avoir répondu à des questions d'un module ne dit pas qu'il "
            "a été suivi en entier. Ce n'est ni un diplôme, ni une certification, ni un titre professionnel."),
    "made": "Document produit le {date} dans le navigateur de la personne, sans aucune transmission de données.",
    "empty": ("Aucun résultat de quiz n'est enregistré dans ce navigateur. Répondez aux quiz à la fin des "
              "modules, à côté des démonstrations ou sous les exercices, puis revenez sur cette page."),
    "off": ("Vos résultats ne sont pas gardés dans ce navigateur. Activez «\u00a0Garder mes résultats dans ce "
            "navigateur\u00a0» ci-dessus, répondez aux quiz des modules, puis revenez sur cette page."),
    "sign_person": "Signature de la personne",
    "sign_org": "Visa de l'établissement (facultatif)",
}

_SHEET_CSS = "\n" + read("attestation.css", "atelier_tools")

_SHEET_JS = "\n" + read("attestation.js", "atelier_tools")


def french(value):
    """No-break spaces before « : » and « ; » in a text, or in each text of a list."""
    if isinstance(value, list):
        return [french(v) for v in value]
    return value.replace(" : ", f"{NBSP}: ").replace(" ; ", f"{NBSP}; ")


def attestation_block(cat: Catalogue) -> str:
    """The raw HTML of the attestation page: the form, the live preview, the printed sheet."""
    texts = dict(SHEET)
    texts["course"] = f"Cours « Atelier IA & culture », textes sous licence CC BY 4.0{NBSP}: {repository_url()}"
    texts["unavailable"] = ("Ce navigateur refuse le stockage local (certains modes de navigation privée le font) : "
                            "aucun résultat de quiz n'a pu y être gardé.")
    texts = {k: french(v) for k, v in texts.items()}
    blob = json.dumps(texts, ensure_ascii=False).replace("</", "<\\/")
    return _html_block(
        f'<div class="aip-box" id="aip-attestation" lang="fr"><style>{stylesheet(_CSS + KEEP_CSS + _SHEET_CSS)}</style>\n'
        f"{keep_switch_html('aip-attestation-garder')}\n"
        f'<p><label for="aip-nom">Nom et prénom</label><br><input type="text" id="aip-nom" autocomplete="off" spellcheck="false"></p>\n'
        f'<p><label for="aip-etab">Établissement ou service (facultatif)</label><br><input type="text" id="aip-etab" autocomplete="off" spellcheck="false"></p>\n'
        f'<p><button type="button" id="aip-imprimer">Imprimer l\'attestation</button></p>\n'
        f'<h3 id="aip-apercu-titre">Aperçu</h3>\n'
        f'<div id="aip-apercu" aria-labelledby="aip-apercu-titre" role="region"><p>L\'attestation est produite '
        f"par JavaScript dans votre navigateur{NBSP}: activez-le pour la voir et l'imprimer.</p></div>\n"
        f'<script type="application/json" id="{DATA_ID}">{catalogue_json(cat)}</script>\n'
        f'<script type="application/json" id="aip-textes">{blob}</script>\n'
        f"{_script(_SHEET_JS)}\n"
        "</div>\n"
    )
