"""What every printed page of the book shares (« Fiches à imprimer »): the folder of the generated
pages and the print stylesheet.

The module handouts (:mod:`atelier_tools.handouts`) and the session sheets
(:mod:`atelier_tools.seances`) both read it; :mod:`atelier_tools.fiches` adds the same stylesheet
to every page it prints.
"""

from __future__ import annotations

from atelier_ia.assets import read
from atelier_ia.palette import stylesheet

__all__ = ["FOLDER", "handout_style", "print_css"]

#: Folder of the generated pages, relative to the book's source folder (in .gitignore).
FOLDER = "fiches"


def print_css() -> str:
    """The print stylesheet (``atelier_tools/static/fiches.css``), with the palette colours it uses."""
    return stylesheet(read("fiches.css", "atelier_tools"))


def handout_style() -> str:
    """The stylesheet as the first block of a generated Markdown page."""
    return "<style>\n" + print_css().strip() + "\n</style>\n"
