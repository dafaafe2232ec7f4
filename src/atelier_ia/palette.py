"""The course's colours, written once: figures, stylesheets and handouts read them here.

This module is the only place in ``src/`` where a colour is written as a value (a test refuses
a hexadecimal colour anywhere else). Python code reads :data:`COLOURS` (or :data:`FIGURE_COLOURS`
for the data colours of a figure); a stylesheet names a colour ``var(--atelier-NAME)`` and the
code that inlines it calls :func:`stylesheet`, which declares the custom properties it uses.

Choices, checked by ``tests/test_palette.py``:

* the figures' data colours are Okabe & Ito's eight (2008, "Color Universal Design"), told apart
  with every common colour-vision deficiency;
* one button blue (``bouton``, white text on it at 6.7:1);
* one keyboard focus colour (``focus``), at least 3:1 (WCAG 2.2, 1.4.11 non-text contrast)
  against white, the book's dark background and the projection's dark background, and
  distinct from the button blue, so that a ring around a button stays visible;
* each ``…-sombre`` colour is the same role in a dark theme.
"""

from __future__ import annotations

import re
from types import MappingProxyType

from .errors import AtelierError, describe
from .validation import check_choice

__all__ = ["COLOURS", "FIGURE_COLOURS", "colour", "contrast", "css_variables", "stylesheet"]

#: Okabe & Ito's eight colours, the data colours of every figure (``figures.PALETTE``).
FIGURE_COLOURS = MappingProxyType({
    "bleu": "#0072B2",
    "orange": "#E69F00",
    "vert": "#009E73",
    "vermillon": "#D55E00",
    "rose": "#CC79A7",
    "ciel": "#56B4E9",
    "jaune": "#F0E442",
    "noir": "#000000",
})

#: Every colour of the course, by role. In CSS: ``var(--atelier-<name>)``.
COLOURS = MappingProxyType({
    **FIGURE_COLOURS,
    # Neutrals
    "blanc": "#ffffff",
    "encre": "#1a1a1a",          # text of a panel, edges of figure marks
    "discret": "#444444",        # secondary text
    "trait": "#555555",          # input borders, cutting lines, the attendance sheet's grid
    "bord-fort": "#707070",      # a table's header rule, the projection's option frames
    "bord": "#8a8a8a",           # boxes (quiz, forms, documents): 3.4:1 on white
    "grille": "#cccccc",         # figure grids, table rows
    "grille-fine": "#dddddd",    # minor grids, « unknown » cells
    "fond-doux": "#f2f2f2",      # a highlighted card
    "survol": "#7f7f7f1f",       # an option under the pointer (translucent grey)
    "ombre": "#00000040",        # a pop-up's shadow
    # Actions and states
    "bouton": "#0b5cad",         # buttons, links of the projection, a result's rule
    "focus": "#b35900",          # keyboard focus ring, everywhere
    "reussi": "#1b7837",         # right answer, exercise passed, kept
    "a-revoir": "#b35806",       # wrong or partial answer, exercise failed
    "a-faire": "#4a6a8a",        # exercise not tried yet
    "accent-fond": "#e3eef8",    # background of the projection's highlighted parts
    "reussi-fond": "#dff3e4",    # background of the revealed right answer
    # Glossary definitions (a note on the page)
    "glossaire-fond": "#fffbea",
    "glossaire-bord": "#8a6d00",
    # Dark themes (projection in a dark system theme, the book's dark theme)
    "fond-sombre": "#121417",
    "texte-sombre": "#f2f2f2",
    "discret-sombre": "#c4c4c4",
    "bord-sombre": "#9a9a9a",
    "accent-sombre": "#8cc4ff",
    "accent-fond-sombre": "#1d2b3a",
    "reussi-sombre": "#8ee0a4",
    "reussi-fond-sombre": "#173322",
    "glossaire-fond-sombre": "#2b2715",
    "glossaire-bord-sombre": "#e6c84a",
})

_VAR = re.compile(r"var\(--atelier-([a-z0-9-]+)\)")
_HEX = re.compile(r"#([0-9a-fA-F]{6})(?:[0-9a-fA-F]{2})?")


def colour(name: str) -> str:
    """The colour named ``name`` (``"bouton"``, ``"focus"``, ``"bleu"``…), as ``#rrggbb``."""
    return COLOURS[check_choice(name, "le nom de la couleur", tuple(COLOURS))]


def css_variables(css: str) -> str:
    """The ``:root`` rule declaring each ``--atelier-…`` colour that ``css`` uses (``""`` if none)."""
    if not isinstance(css, str):
        raise AtelierError("« css » doit être le texte d'une feuille de style.")
    names = list(dict.fromkeys(_VAR.findall(css)))
    unknown = [n for n in names if n not in COLOURS]
    if unknown:
        raise AtelierError(f"La feuille de style utilise une couleur absente de la palette : {', '.join(unknown)} ; "
                           "ajoutez-la à atelier_ia.palette.COLOURS ou corrigez son nom.")
    if not names:
        return ""
    return ":root{" + ";".join(f"--atelier-{n}:{COLOURS[n]}" for n in names) + "}"


def stylesheet(css: str) -> str:
    """``css`` preceded by the declarations of the palette colours it uses, ready to inline."""
    return css_variables(css) + css


def _luminance(hex_colour: str) -> float:
    match = _HEX.fullmatch(hex_colour) if isinstance(hex_colour, str) else None
    if not match:
        raise AtelierError(f"{describe(hex_colour)} n'est pas une couleur de la forme #rrggbb (par exemple palette.colour(\"bouton\")).")
    channels = [int(match.group(1)[i:i + 2], 16) / 255 for i in (0, 2, 4)]
    r, g, b = (c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(first: str, second: str) -> float:
    """WCAG contrast ratio (1 to 21) of two opaque colours given as ``#rrggbb``."""
    a, b = sorted((_luminance(first), _luminance(second)), reverse=True)
    return (a + 0.05) / (b + 0.05)
