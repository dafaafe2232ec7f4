"""How long a module takes in a room: one documented estimate, computed from its content.

The estimate (the trainers' guide quotes it):

* explanatory French read attentively: ``WORDS_PER_MINUTE`` words a minute (markdown
  cells, code comments excluded);
* each code cell: ``CODE_CELL_MINUTES`` (read it, run it, look at the result); a cell whose
  code is folded in the book (tag ``hide-input``): ``HIDDEN_CODE_MINUTES`` (look at the result);
  a cell whose code is removed (``remove-input``, e.g. a quiz): nothing but what it shows;
* each live demonstration (a ``LiveDemo`` or a melody to listen to): ``DEMO_MINUTES`` more,
  to try a few settings;
* each quiz question, in the module and in its no-code twin: ``QUIZ_QUESTION_MINUTES``;
* each exercise of the exercise notebook: ``EXERCISE_MINUTES``, plus reading its text.

Totals are rounded to the nearest 5 minutes. ``python -m atelier_tools.durations`` prints
the estimate of every available module next to the catalogue's figures; a test fails when
they drift apart by more than ``TOLERANCE``.
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass
from pathlib import Path

import nbformat

WORDS_PER_MINUTE = 150
CODE_CELL_MINUTES = 1.0
HIDDEN_CODE_MINUTES = 0.5
DEMO_MINUTES = 2.0
QUIZ_QUESTION_MINUTES = 1.0
EXERCISE_MINUTES = 5.0
TOLERANCE = 0.15  # catalogue within ±15 % (at least ±5 min) of the estimate

_DEMO = re.compile(r"\bLiveDemo\(|\baudio\(|\bshow_melody\(|\bplay\(")
_QUIZ = re.compile(r"show_quiz\(\s*[\"']([^\"']+)[\"']")
_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*|\d+", re.UNICODE)
_CODE_SPAN = re.compile(r"```.*?```|`[^`]*`|<!--.*?-->|\(https?://[^)]*\)", re.S)


def words(markdown: str) -> int:
    return len(_WORD.findall(_CODE_SPAN.sub(" ", markdown)))


def _quiz_questions(name: str) -> int:
    from atelier_ia.quiz import load_quiz

    return len(load_quiz(name).questions)


@dataclass(frozen=True)
class Section:
    id: str      # id of the cell holding the section's ``##`` heading
    title: str
    minutes: float


def cell_minutes(cell) -> float:
    src = cell.source
    if cell.cell_type == "markdown":
        return words(src) / WORDS_PER_MINUTE
    if cell.cell_type != "code":
        return 0.0
    tags = cell.get("metadata", {}).get("tags", [])
    minutes = 0.0 if "remove-input" in tags else HIDDEN_CODE_MINUTES if "hide-input" in tags else CODE_CELL_MINUTES
    if _DEMO.search(src):
        minutes += DEMO_MINUTES
    for name in _QUIZ.findall(src):
        minutes += QUIZ_QUESTION_MINUTES * _quiz_questions(name)
    return minutes


def sections(path: Path) -> list[Section]:
    """The ``##`` sections of a notebook with their estimated minutes (the title cell first)."""
    nb = nbformat.read(path, as_version=4)
    out: list[list] = []
    for cell in nb.cells:
        first = cell.source.lstrip().splitlines()[0] if cell.source.strip() else ""
        if cell.cell_type == "markdown" and (first.startswith("## ") or first.startswith("# ")) or not out:
            out.append([cell.get("id", ""), first.lstrip("# ").strip(), 0.0])
        out[-1][2] += cell_minutes(cell)
    return [Section(*s) for s in out]


def _round5(x: float) -> int:
    return max(5, int(5 * round(x / 5)))


def teaching_minutes(path: Path) -> int:
    return _round5(sum(s.minutes for s in sections(path)))


def exercise_minutes(path: Path) -> int:
    nb = nbformat.read(path, as_version=4)
    total = 0.0
    for cell in nb.cells:
        if cell.cell_type == "markdown":
            total += words(cell.source) / WORDS_PER_MINUTE
        elif cell.cell_type == "code":
            if re.search(r"\bcheck\(", cell.source):
                total += EXERCISE_MINUTES
            for name in _QUIZ.findall(cell.source):
                total += QUIZ_QUESTION_MINUTES * _quiz_questions(name)
    return _round5(total)


def within_tolerance(announced: int, estimated: int) -> bool:
    return abs(announced - estimated) <= max(5, TOLERANCE * estimated)


def main(argv=None) -> int:
    from atelier_ia.course import load_catalogue
    from atelier_ia.paths import repo_root

    root = repo_root()
    print("| module | cours (catalogue / estimé) | exercices (catalogue / estimé) |")
    print("|---|---|---|")
    bad = 0
    for m in load_catalogue().available:
        t = teaching_minutes(root / m.notebook)
        e = exercise_minutes(root / m.exercises)
        ok = within_tolerance(m.teaching_minutes, t) and within_tolerance(m.exercise_minutes, e)
        bad += not ok
        print(f"| {m.id} | {m.teaching_minutes} / {t} | {m.exercise_minutes} / {e} |{'' if ok else ' ← à corriger dans data/course/modules.yml'}")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
