"""Paths by job (``data/course/metiers.yml``) and the positioning quiz (``data/course/positionnement.yml``).

What an audience lists, and how its durations are computed, is told in
:mod:`atelier_tools.metiers.audiences`.

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
