"""Rule: every page of the book passes axe-core's WCAG 2.1 A/AA rules and reads well at 1280 px.

The installed themes and extensions write a few things that assistive technologies read
badly; :func:`fix` corrects them after the HTML is written (``tests/test_accessibility.py``
runs axe-core on every page):

* buttons whose ``aria-label`` hides their visible text (WCAG 2.5.3, « label in name »):
  the search field button (its visible text « Recherche Ctrl+K » becomes its name), the code
  cells' « Afficher le code » toggles (an English ``aria-label`` replaced their French text),
  the theme button (Font Awesome turns its icons' titles into text that its name « Thème »
  does not contain; the icons are decorative, the button keeps its tooltip « Thème »);
* the left column's buttons that open a part's sub-pages (a ``<summary>`` holding only an
  icon) have no name (WCAG 4.1.2): each is named after its part, « Sous-pages de « … » »;
* the bibliography: sphinxcontrib-bibtex gives each entry the deprecated ARIA role
  ``doc-biblioentry`` inside a ``role="list"``, which then has no list items; each entry
  becomes a ``listitem``;
* a Markdown table whose top-left header cell is empty has row labels in its first column:
  they become row headers (``<th scope="row">``), so each value has a header (WCAG 1.3.1);
* sphinx-togglebutton's button that opens a solution is named in English (« Toggle hidden
  content »): :func:`fix_static` names it with the French hint it shows;
* buttons whose keyboard focus does not show (the solution toggles, the page's buttons):
  the CSS below draws it (WCAG 2.4.7);
* the empty band at the top of every page (pydata-sphinx-theme's header, which
  sphinx-book-theme does not use; :mod:`atelier_tools.book` empties it) is hidden, so one
  search field remains, in the left column;
* in the dark theme, the captions of HTML outputs (grey on the output's light background);
* the home page's course map (ten columns) gets the whole width of the page at 1280 px
  instead of a hidden horizontal scroll.
"""

from __future__ import annotations

import re

from atelier_ia.assets import read
from atelier_ia.fmt import NBSP
from atelier_ia.palette import stylesheet

__all__ = ["CSS", "MENTION", "STATEMENT_DOC", "fix", "fix_static"]

#: The accessibility statement; the RGAA asks every page to link to it, with the conformity
#: status, usually in the footer (the book's pages and the projection pages).
STATEMENT_DOC = "annexes/accessibilite"
MENTION = f"Accessibilité{NBSP}: non conforme"

#: Added to every page's <head> (inline: the book loads nothing from elsewhere).
CSS = stylesheet(read("accessibilite.css", "atelier_tools", compact=True))  # static/accessibilite.css
_STYLE = f'<style id="atelier-accessibilite">{CSS}</style>'
_OLD_STYLE = re.compile(r'<style id="atelier-accessibilite">[^<]*</style>')

_SEARCH_BUTTON = re.compile(r'(<button class="[^"]*\bsearch-button-field\b[^"]*"[^>]*?) aria-label="[^"]*"')
_THEME_ICON = re.compile(r'<i class="(theme-switch [^"]*)"([^>]*?) title="[^"]*"></i>')
_TOC_TOGGLE = re.compile(
    r'(<a class="[^"]*\breference internal\b[^"]*" href="[^"]*">([^<]+)</a><details\b[^>]*>)<summary>'
    r'(?=<span class="toctree-toggle")')
_TABLE = re.compile(r'<table class="table">.*?</table>', re.S)
_EMPTY_CORNER = re.compile(r'<thead>\s*<tr[^>]*>\s*<th class="head">(?:<p>\s*</p>)?\s*</th>')
_FIRST_CELL = re.compile(r'(<tr\b[^>]*>\s*)<td>(.*?)</td>', re.S)
_EMPTY_HEADER = re.compile(r'(<header id="pst-header"[^>]*)>(\s*)</header>')


def fix(html: str) -> str:
    """The page with the accessibility corrections above applied (idempotent)."""
    html = _SEARCH_BUTTON.sub(r"\1", html)
    html = html.replace('<summary aria-label="Toggle hidden content">', "<summary>")
    html = _THEME_ICON.sub(r'<i aria-hidden="true" class="\1"\2></i>', html)
    html = html.replace('role="doc-biblioentry"', 'role="listitem"')
    html = _TOC_TOGGLE.sub(lambda m: f'{m.group(1)}<summary aria-label="Sous-pages de {_quoted(m.group(2))}">', html)
    html = _TABLE.sub(_row_headers, html)
    html = _EMPTY_HEADER.sub(lambda m: m.group(0) if " hidden" in m.group(1) else f"{m.group(1)} hidden></header>", html)
    if _OLD_STYLE.search(html):  # a page kept from an earlier build: today's rules
        html = _OLD_STYLE.sub(lambda m: _STYLE, html, count=1)
    elif "</head>" in html:
        html = html.replace("</head>", _STYLE + "</head>", 1)
    return html


def _quoted(title: str) -> str:
    return f"«\u00a0{' '.join(title.split())}\u00a0»"


def _row_headers(match: re.Match) -> str:
    table = match.group(0)
    if not _EMPTY_CORNER.search(table) or "<tbody>" not in table:
        return table
    head, body = table.split("<tbody>", 1)
    return head + "<tbody>" + _FIRST_CELL.sub(r'\1<th scope="row">\2</th>', body)


#: Theme scripts copied into ``_static`` that write English names into the page.
STATIC_FIXES = {
    # its button's name follows the hint it shows (« Cliquez pour afficher / masquer »)
    "togglebutton.js": [
        ('aria-label="Toggle hidden content"', 'aria-label="${toggleHintShow}"'),
        ("button.dataset.toggleHint = toggleHintHide;",
         'button.dataset.toggleHint = toggleHintHide; button.setAttribute("aria-label", toggleHintHide);'),
        ("button.dataset.toggleHint = toggleHintShow;",
         'button.dataset.toggleHint = toggleHintShow; button.setAttribute("aria-label", toggleHintShow);'),
    ],
}


def fix_static(outdir) -> None:
    """Apply :data:`STATIC_FIXES` to the built book's ``_static`` folder."""
    from pathlib import Path

    for name, replacements in STATIC_FIXES.items():
        path = Path(outdir) / "_static" / name
        if not path.is_file():
            continue
        text = new = path.read_text(encoding="utf-8")
        for old, fixed in replacements:
            if fixed not in new:
                new = new.replace(old, fixed)
        if new != text:
            path.write_text(new, encoding="utf-8")
