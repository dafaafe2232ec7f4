"""How long a module takes in a room: one documented estimate, computed from its content.

Every parameter lives in ``data/course/durees.yml``, with its source or the word « convention »
(the trainers' guide shows them, from :func:`estimate_text`):

* explanatory French read to learn: the speed depends on the text's difficulty. The LIX
  readability index (words per sentence + 100 × share of words of more than six letters) of the
  notebook's Markdown gives the words per minute, on a straight line between two points (an easy
  text at Carver's « learning » rate, a dense legal or technical text near his « memorising »
  rate, about 130 words a minute);
* each code cell: read it, run it, look at the result; a folded cell (``hide-input``): look at
  the result; a removed cell (``remove-input``, e.g. a quiz): nothing but what it shows;
* each live demonstration (``LiveDemo``): a base time plus a time per control (``Slider``,
  ``Choice``) to try it; each melody to listen to: a listening time;
* each quiz question: a time per question. ``show_quiz(name)`` counts the whole quiz,
  ``show_quiz(name, questions=[...])`` only the questions it shows;
* each exercise of the exercise notebook: a time by kind (no-code, code, writing, see
  :func:`exercise_kind`), plus reading its text.

Totals are rounded to 5 minutes. ``python -m atelier_tools.durations`` prints, per available
module, the catalogue's figures next to the estimate and, where a session timed the module in a
room (``minutes_mesurees`` in ``data/course/modules.yml``), the measured time and its gap to the
estimate. A test fails when the catalogue drifts more than the tolerance from the estimate.

One module per concept: :mod:`.reading` (parameters, reading a notebook, sections),
:mod:`.exercises` (the exercises) and :mod:`.report` (the catalogue against the estimate).
"""

from __future__ import annotations

from .exercises import Exercise, exercise_kind, exercise_minutes, exercises
from .reading import (
    EXERCISE_KINDS,
    ORIGIN,
    Params,
    Section,
    cell_minutes,
    demo_minutes,
    lix,
    notebook_lix,
    params,
    quiz_calls,
    sections,
    teaching_minutes,
    words,
    words_per_minute,
)
from .report import Measure, estimate_text, main, measures, report, within_tolerance

__all__ = ["EXERCISE_KINDS", "ORIGIN", "Exercise", "Measure", "Params", "Section", "cell_minutes", "demo_minutes",
           "estimate_text", "exercise_kind", "exercise_minutes", "exercises", "lix", "main", "measures", "notebook_lix",
           "params", "quiz_calls", "report", "sections", "teaching_minutes", "within_tolerance", "words",
           "words_per_minute"]
