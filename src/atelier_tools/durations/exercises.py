"""The exercises of a module's exercise notebook: their kind (no-code, code, writing) and their minutes."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import nbformat

from .reading import lix, notebook_markdown, params, prose, quiz_calls, whole_minutes, words, words_per_minute

__all__ = ["Exercise", "exercise_kind", "exercise_minutes", "exercises"]


# --------------------------------------------------------------------------- exercises

_BOLD_LEAD = re.compile(r"^\s*\*\*([^*]+)\*\*")
_WRITING = re.compile(r"\b(?:R[ée]digez|composer)\b|\b[ÉE]crivez (?:la|le|les|un|une) ", re.I)
_PLACEHOLDER = re.compile(r"=\s*\.\.\.\s*#\s*(?:remplacez\s*\.\.\.\s*par\s*)?(.*)$", re.M)
_CODE_ANSWER = re.compile(r"[\w\]\)][\(\[]|\b[a-z_]\w*\.[a-z_]\w*")


def exercise_kind(statement: str, answer_cell: str) -> str:
    """« redaction » when the statement asks to write (« Écrivez la… », « Rédigez », « composer »),
    « code » when the answer to type is Python (a call, an index, an attribute: what the comment
    after the answer cell's ``= ...`` asks for, before any « par exemple »), or when the cell has
    no ``= ...`` to fill in (the learner writes the code), else
    « sans-code » (a letter, a number, a list of values read after running the given cells)."""
    if _WRITING.search(prose(statement)):
        return "redaction"
    m = _PLACEHOLDER.search(answer_cell)
    if m is None:
        return "code"  # no placeholder: the learner writes the cell
    wanted = re.split(r",?\s*par exemple", m.group(1))[0]
    wanted = re.sub(r'"[^"]*"|«[^»]*»', "", wanted)
    return "code" if _CODE_ANSWER.search(wanted) else "sans-code"


@dataclass(frozen=True)
class Exercise:
    id: str
    kind: str
    minutes: float  # its kind's minutes plus reading its statement


_EXERCISE_ID = re.compile(r"^\s*`{3,}\{exercise\}\s*(\S+)")


def exercises(path: Path) -> list[Exercise]:
    """The exercises of an exercise notebook, with their kind and minutes."""
    nb = nbformat.read(path, as_version=4)
    wpm = words_per_minute(lix(notebook_markdown(nb)))
    out, statement, ex_id = [], None, None
    for cell in nb.cells:
        m = _EXERCISE_ID.match(cell.source) if cell.cell_type == "markdown" else None
        if m:
            statement, ex_id = cell.source, m.group(1)
            continue
        tags = cell.get("metadata", {}).get("tags", [])
        if cell.cell_type == "code" and ex_id and any(t == f"reponse-ex-{ex_id}" for t in tags):
            kind = exercise_kind(statement, cell.source)
            out.append(Exercise(ex_id, kind, params().exercise[kind] + words(statement) / wpm))
            ex_id = None
        elif cell.cell_type == "code" and ex_id and f"quiz-ex-{ex_id}" in tags:
            # done in the page: a no-code exercise, each question after the first one adds a quiz question's time
            extra = max(sum(n for _, n in quiz_calls(cell.source)) - 1, 0) * params().quiz_question
            out.append(Exercise(ex_id, "sans-code", params().exercise["sans-code"] + extra + words(statement) / wpm))
            ex_id = None
    return out


def exercise_minutes(path: Path) -> int:
    """The exercise notebook: its exercises (by kind), reading its other text, and its quizzes."""
    nb = nbformat.read(path, as_version=4)
    wpm = words_per_minute(lix(notebook_markdown(nb)))
    listed = exercises(path)
    total = sum(e.minutes for e in listed)
    for cell in nb.cells:
        if cell.cell_type == "markdown" and not _EXERCISE_ID.match(cell.source):
            if not cell.source.lstrip().startswith(("````{solution}", "```{solution}")):
                total += words(cell.source) / wpm
        elif cell.cell_type == "code" and not any(t.startswith("quiz-ex-") for t in cell.get("metadata", {}).get("tags", [])):
            total += sum(n for _, n in quiz_calls(cell.source)) * params().quiz_question  # in-page exercises counted above
    return whole_minutes(total)
