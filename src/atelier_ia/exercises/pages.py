"""Which exercises can be done in the page of the static book, and which need JupyterLab.

One source of truth: the quiz file ``data/quiz/<module id>-exercices.yml``. An exercise
``NN-k`` is answered **in the page** when that file has at least one question whose id is
``ex-NN-k`` or starts with ``ex-NN-k-`` (a matching task with three cases is three questions,
``ex-07-4-cartel``…); the exercise notebook then shows those questions with
``show_quiz("<module id>-exercices", questions=[…])`` right under the statement, and the
answer is checked in the browser. Every other exercise is answered in **JupyterLab** (or
Binder) by writing Python, and checked by :func:`atelier_ia.exercises.check`.

The labels that tell a learner which is which (at the top of the exercise page and on each
exercise) are written from this data by ``make sync`` (:mod:`atelier_tools.sync`), in the
generated regions ``exercices-modes:<module id>`` and ``mode-exercice:<NN-k>``; nobody types them.
"""

from __future__ import annotations

import json
import re
from fractions import Fraction
from pathlib import Path

import yaml

from ..errors import AtelierError, describe
from ..fmt import NBSP
from ..paths import data_dir, repo_root

__all__ = [
    "IN_PAGE",
    "IN_LAB",
    "exercise_ids",
    "exercise_modes",
    "exercise_notebook",
    "exercise_quiz_id",
    "in_page_questions",
    "mode_label",
    "modes_summary",
    "no_code_share",
]

_MODULE = re.compile(r"^\d\d-[a-z0-9-]+$")
_STATEMENT = re.compile(r"^`{3,}\{exercise\} (\d\d-\d+)\s*$", re.M)
_QUESTION = re.compile(r"^ex-(\d\d-\d+)(?:-[a-z0-9-]+)?$")

#: What each exercise says about where it is done (the first words are the ones the tests look for).
IN_PAGE = "Dans la page"
IN_LAB = "Dans JupyterLab"


def _module(module_id) -> str:
    if not isinstance(module_id, str) or not _MODULE.match(module_id):
        raise AtelierError(
            f"L'identifiant de module doit ressembler à \"00-prise-en-main\" ; vous avez donné {describe(module_id)}."
        )
    return module_id


def exercise_quiz_id(module_id: str) -> str:
    """The quiz holding the exercises of ``module_id`` answered in the page: ``<id>-exercices``."""
    return f"{_module(module_id)}-exercices"


def exercise_notebook(module_id: str) -> Path:
    """The exercise notebook of a module, ``exercises/<id>-exercices.ipynb``."""
    path = repo_root() / "exercises" / f"{_module(module_id)}-exercices.ipynb"
    if not path.is_file():
        raise AtelierError(f"Le notebook d'exercices exercises/{path.name} est introuvable ; vérifiez l'identifiant du module.")
    return path


def exercise_ids(module_id: str) -> list[str]:
    """The exercise ids (``"00-1"``…) of a module, in the order of its exercise notebook."""
    nb = json.loads(exercise_notebook(module_id).read_text(encoding="utf-8"))
    ids = []
    for cell in nb.get("cells", []):
        if cell.get("cell_type") == "markdown":
            source = "".join(cell.get("source", ""))
            ids += _STATEMENT.findall(source)
    return ids


def in_page_questions(module_id: str) -> dict[str, list[str]]:
    """Exercise id → ids of the questions of ``<id>-exercices.yml`` that answer it (file order).

    Empty when the module has no such file. A question whose id names no exercise is an error.
    """
    path = data_dir() / "quiz" / f"{exercise_quiz_id(module_id)}.yml"
    if not path.is_file():
        return {}
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    found: dict[str, list[str]] = {}
    for q in data.get("questions") or []:
        qid = q.get("id") if isinstance(q, dict) else None
        match = _QUESTION.match(qid) if isinstance(qid, str) else None
        if not match:
            raise AtelierError(
                f"data/quiz/{path.name} : la question {describe(qid)} doit avoir un identifiant de la forme "
                "« ex-NN-k » ou « ex-NN-k-mot », qui nomme l'exercice auquel elle répond."
            )
        found.setdefault(match.group(1), []).append(qid)
    return found


def exercise_modes(module_id: str) -> dict[str, bool]:
    """Exercise id → True when it is done in the page, False when it needs JupyterLab (notebook order)."""
    questions = in_page_questions(module_id)
    ids = exercise_ids(module_id)
    stray = sorted(set(questions) - set(ids))
    if stray:
        raise AtelierError(
            f"data/quiz/{exercise_quiz_id(module_id)}.yml : des questions répondent à des exercices absents du "
            f"notebook ({', '.join(stray)})."
        )
    return {ident: ident in questions for ident in ids}


def no_code_share(module_id: str) -> Fraction:
    """The share of a module's exercises done in the page, without writing code."""
    modes = exercise_modes(module_id)
    if not modes:
        raise AtelierError(f"Le notebook d'exercices du module {module_id} ne contient aucun exercice.")
    return Fraction(sum(modes.values()), len(modes))


def _list(ids: list[str]) -> str:
    names = [f"{i}" for i in ids]
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " et " + names[-1]


def mode_label(in_page: bool) -> str:
    """The line written at the top of an exercise (Markdown)."""
    if not isinstance(in_page, bool):
        raise AtelierError(f"mode_label attend True (dans la page) ou False (dans JupyterLab) ; vous avez donné {describe(in_page)}.")
    if in_page:
        return (f"**{IN_PAGE}**{NBSP}: répondez au quiz qui suit l'énoncé, sans écrire de code{NBSP}; "
                "la réponse est vérifiée tout de suite.")
    return (f"**{IN_LAB}** (ou Binder){NBSP}: cet exercice se fait en écrivant du Python, "
            "dans la cellule de réponse, puis en lançant la cellule de vérification.")


def modes_summary(module_id: str) -> str:
    """The paragraph at the top of an exercise page: which exercises are done where (Markdown)."""
    modes = exercise_modes(module_id)
    page = [i for i, ok in modes.items() if ok]
    lab = [i for i, ok in modes.items() if not ok]
    lines = []
    if page:
        lines.append(f"- **{IN_PAGE}**, sans rien installer ni écrire de code, {len(page)} exercice"
                     f"{'s' if len(page) > 1 else ''} sur {len(modes)}{NBSP}: {_list(page)}.")
    if lab:
        lines.append(f"- **{IN_LAB}** ou dans Binder (bouton en forme de fusée, en haut de la page), en "
                     f"écrivant du Python{NBSP}: {_list(lab)}.")
    return "\n".join(lines)
