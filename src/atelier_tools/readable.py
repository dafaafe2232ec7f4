"""Rule: every output a reader meets in the book is readable by someone who does not code.

:func:`output_problems` reads one built page and lists, in the output areas of its code cells
(``<div class="cell_output">``, where demos, tables, quizzes and printed texts appear), what
a learner cannot read:

* a table cell cut by pandas (ending with « ... » or « … »): the meaning is often in the part cut;
* raw Markdown printed as text (``**gras**``, ``## titre``, a pipe table ``| a | b |``);
* pandas' footer (« Name: count, dtype: int64 », « Length: 12 »);
* a Python value instead of words: a cell that reads ``True``, ``False``, ``None`` or ``NaN``,
  an argument such as ``commercial=False``;
* the library's or a data file's name (``atelier_ia.law``, ``data/droits/archives.csv``).

:func:`fix` (run by :mod:`atelier_tools.book` on every page after the HTML is written) makes
the book's tables readable on a phone (390 px): every cell wraps its text, and a table wider than
the screen scrolls sideways inside its own frame, named for assistive technologies and announced
by a visible line (« Tableau large : faites-le défiler de côté. ») on narrow screens; printed
outputs wrap instead of running off the page.

``python -m atelier_tools.readable _build/html`` prints what it finds, page by page, and
exits with 1 if anything is found; ``tests/test_book.py`` runs it on every page of the book.
"""

from __future__ import annotations

import argparse
import re
import sys
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

from atelier_ia.assets import read
from atelier_ia.palette import stylesheet

__all__ = ["CSS", "KINDS", "Problem", "fix", "output_problems", "page_problems", "scan_book"]

#: What each kind of problem means for the reader (the messages of the check).
KINDS = {
    "coupée": "cellule de tableau coupée par pandas",
    "markdown": "Markdown brut affiché comme du texte",
    "pandas": "pied de tableau pandas",
    "python": "valeur Python au lieu de mots",
    "développeur": "nom de la bibliothèque ou d'un fichier de données",
}

_CUT = re.compile(r"(\.\.\.|…)$")
_BARE = {"True", "False", "None", "NaN", "nan", "NaT", "<NA>"}
_MARKDOWN = [
    re.compile(r"\*\*[^*\n]+\*\*"),
    re.compile(r"(?m)^[ \t]{0,3}#{1,6} \S"),
    re.compile(r"(?m)^[ \t]*\|.*\|.*\|[ \t]*$"),
    re.compile(r"(?m)^[ \t]*\|?[ \t]*:?-{3,}:?[ \t]*\|"),
]
_PANDAS = re.compile(r"\bdtype: \w+|\bName: [^\n,]*, dtype|\bLength: \d+, dtype")
_PYTHON = re.compile(r"\b\w+=(?:True|False|None)\b|(?<![\w«\"'])(?:True|False)(?![\w\"'»])")
_DEVELOPER = re.compile(r"\batelier_ia\.\w|\bdata/[\w./-]+\.(?:csv|ya?ml|json|txt|md)\b")


#: Added to every page's <head> (inline: the book loads nothing from elsewhere).
CSS = stylesheet(read("lecture.css", "atelier_tools", compact=True))  # static/lecture.css
_STYLE = f'<style id="atelier-lecture">{CSS}</style>'
_OLD_STYLE = re.compile(r'<style id="atelier-lecture">[^<]*</style>')
_WIDE_FROM = 4  # columns: from this many, a phone may need to scroll the table
_CONTAINER = re.compile(r'<div class="pst-scrollable-table-container">(\s*<table\b.*?</table>)', re.S)


def _label_container(match: re.Match) -> str:
    table = match.group(1)
    head = re.search(r"<thead>.*?</tr>", table, re.S)
    columns = len(re.findall(r"<th\b", head.group(0))) if head else 0
    caption = re.search(r"<caption\b[^>]*>(.*?)</caption>", table, re.S)
    name = " ".join(re.sub(r"<[^>]+>", " ", caption.group(1)).split()) if caption else ""
    name = (f"{name} : " if name else "") + f"tableau de {columns} colonnes (défilement horizontal possible)"
    hint = ('<p class="atelier-tableau-indice" aria-hidden="true">Tableau large\u00a0: faites-le défiler de côté.</p>'
            if columns >= _WIDE_FROM else "")
    return (f'{hint}<div class="pst-scrollable-table-container" role="region" tabindex="0" '
            f'aria-label="{name.replace(chr(34), "&quot;")}">{table}')


def fix(page_html: str) -> str:
    """The page with its tables labelled for phones and the reading CSS above (idempotent)."""
    page_html = _CONTAINER.sub(_label_container, page_html)
    if _OLD_STYLE.search(page_html):
        page_html = _OLD_STYLE.sub(lambda m: _STYLE, page_html, count=1)
    elif "</head>" in page_html:
        page_html = page_html.replace("</head>", _STYLE + "</head>", 1)
    return page_html


@dataclass(frozen=True)
class Problem:
    kind: str      # a key of KINDS
    excerpt: str   # the text concerned, shortened for the report

    def __str__(self) -> str:
        return f"{KINDS[self.kind]} : « {self.excerpt} »"


class _Outputs(HTMLParser):
    """Collects, inside output areas, each table cell's text and each output's whole text."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []          # open tags
        self.output_depth: int | None = None  # depth of the open cell_output div, if any
        self.skip = 0                        # inside <script>/<style>
        self.cell: list[str] | None = None
        self.cells: list[str] = []
        self.texts: list[list[str]] = []

    def handle_starttag(self, tag, attrs):
        if tag in {"br", "img", "input", "meta", "link", "hr", "source", "wbr", "col", "area", "base", "embed", "param", "track"}:
            if tag == "br" and self.output_depth is not None:
                self.handle_data("\n")
            return
        self.stack.append(tag)
        classes = (dict(attrs).get("class") or "").split()
        if self.output_depth is None and tag == "div" and "cell_output" in classes:
            self.output_depth = len(self.stack)
            self.texts.append([])
        if tag in {"script", "style", "template"}:
            self.skip += 1
        if self.output_depth is not None and tag in {"td", "th"}:
            self.cell = []
        if self.output_depth is not None and tag in {"p", "li", "div", "tr", "pre", "h1", "h2", "h3", "h4", "dt", "dd"}:
            self.handle_data("\n")

    def handle_endtag(self, tag):
        if tag not in self.stack:
            return
        while self.stack:
            open_tag = self.stack.pop()
            if open_tag in {"script", "style", "template"}:
                self.skip -= 1
            if open_tag in {"td", "th"} and self.cell is not None:
                self.cells.append(" ".join("".join(self.cell).split()))
                self.cell = None
            if self.output_depth is not None and len(self.stack) < self.output_depth:
                self.output_depth = None
            if open_tag == tag:
                break
        if self.output_depth is not None and tag in {"p", "li", "div", "tr", "td", "th"}:
            self.handle_data("\n" if tag != "td" and tag != "th" else " ")

    def handle_data(self, data):
        if self.output_depth is None or self.skip:
            return
        self.texts[-1].append(data)
        if self.cell is not None:
            self.cell.append(data)


def _short(text: str, width: int = 90) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[:width - 1] + "…"


def output_problems(page_html: str) -> list[Problem]:
    """What a reader cannot read in the output areas of one HTML page (empty list: nothing)."""
    parser = _Outputs()
    parser.feed(page_html)
    parser.close()
    found: list[Problem] = []
    for cell in parser.cells:
        if _CUT.search(cell):
            found.append(Problem("coupée", _short(cell[-90:])))
        elif cell in _BARE:
            found.append(Problem("python", cell))
    for parts in parser.texts:
        text = "".join(parts)
        for pattern in _MARKDOWN:
            for m in pattern.finditer(text):
                found.append(Problem("markdown", _short(text[m.start():m.start() + 90].splitlines()[0] if text[m.start():].strip() else m.group(0))))
        for pattern, kind in ((_PANDAS, "pandas"), (_DEVELOPER, "développeur")):
            for m in pattern.finditer(text):
                found.append(Problem(kind, _short(_around(text, m))))
        for m in _PYTHON.finditer(text):
            if m.group(0) not in parser.cells:  # a bare cell is reported once, above
                found.append(Problem("python", _short(_around(text, m))))
    return list(dict.fromkeys(found))


def _around(text: str, m: re.Match, width: int = 40) -> str:
    return text[max(0, m.start() - width):m.end() + width]


def page_problems(path: Path) -> list[Problem]:
    return output_problems(Path(path).read_text(encoding="utf-8"))


def scan_book(html_dir: Path) -> dict[str, list[Problem]]:
    """Every built page of the book (``_static`` left out) with its problems, if it has any."""
    html_dir = Path(html_dir)
    result = {}
    for path in sorted(html_dir.rglob("*.html")):
        if "_static" in path.parts:
            continue
        problems = page_problems(path)
        if problems:
            result[str(path.relative_to(html_dir))] = problems
    return result


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description="Sorties illisibles dans les pages du livre construit.")
    parser.add_argument("html", nargs="?", default="_build/html", help="dossier du livre construit")
    args = parser.parse_args(argv)
    found = scan_book(Path(args.html))
    for page, problems in found.items():
        print(f"{page} :")
        for p in problems:
            print(f"  - {p}")
    counts = {k: sum(1 for ps in found.values() for p in ps if p.kind == k) for k in KINDS}
    print("Total : " + ", ".join(f"{KINDS[k]} : {n}" for k, n in counts.items()))
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
