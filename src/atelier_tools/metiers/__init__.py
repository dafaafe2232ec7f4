"""Paths by job (``data/course/metiers.yml``) and the positioning quiz (``data/course/positionnement.yml``).

An audience (« métier ») lists steps: a module of the catalogue, either whole or reduced to
some of its sections (the ``##`` heading cells of the notebook, named by cell id), plus,
optionally, the module's group activity (``data/activites/<module>.yml``). No duration is
typed in the data: a whole module takes the catalogue's minutes (teaching + exercises), a
section the estimate of :mod:`atelier_tools.durations` (rounded to the minute, at least one,
as in the trainers' notes), an activity the minutes of its file. A module that a fork removed
from the catalogue, or that is not « disponible », is left out of the pages (``strict=True``
makes it an error, for the tests of this repository).

The positioning quiz is rendered at build time into one self-contained HTML form: its data
and its few lines of script are inline, nothing is sent or stored. It asks what a learner does
and says they know, then knowledge questions (``data/quiz/positionnement.yml``, shown in no
module's quiz) that confirm or not what they said: a module is skipped only on right answers. :func:`suggest` computes
in Python what the page's script computes in the browser (the tests compare them).

One module per concept: :mod:`.audiences` (the data of the paths by job), :mod:`.pages`
(their pages), :mod:`.positioning` (the positioning quiz and its engine) and :mod:`.form`
(the quiz rendered as a form, and its rules as a table).
"""

from __future__ import annotations

from .audiences import (
    ORIGIN,
    Activity,
    Audience,
    Step,
    load_activity,
    load_audiences,
    parse_audiences,
    read_yaml,
    section_minutes,
    squash,
)
from .form import positioning_html, positioning_markdown, positioning_table
from .pages import activity_text, audience_page, index_markdown, stub_pages, toc_lines
from .positioning import (
    MAX_QUESTIONS,
    MIN_QUESTIONS,
    PORIGIN,
    TXT,
    Check,
    Followed,
    Positioning,
    Suggestion,
    load_positioning,
    parse_positioning,
    positioning_data,
    section_anchor,
    section_href,
    suggest,
)

__all__ = [
    "MAX_QUESTIONS", "MIN_QUESTIONS", "ORIGIN", "PORIGIN", "TXT",
    "Activity", "Audience", "Check", "Followed", "Positioning", "Step", "Suggestion",
    "activity_text", "audience_page", "index_markdown", "load_activity", "load_audiences", "load_positioning",
    "parse_audiences", "parse_positioning", "positioning_data", "positioning_html", "positioning_markdown",
    "positioning_table", "read_yaml", "section_anchor", "section_href", "section_minutes", "squash", "stub_pages",
    "suggest", "toc_lines",
]
