"""Tables and documents as a learner reads them: the course's one way to show them.

* :func:`show_table` shows a pandas table (or a ``Series``) whole: no text is cut with
  « … », long texts wrap inside their cell, booleans read « oui » / « non », missing values
  « — », numbers are written the French way (:mod:`atelier_ia.fmt`), column labels are French
  (``count`` → « nombre », ``decision_humaine`` → « décision humaine »), and neither pandas'
  row numbers nor its « Name: …, dtype: … » footer is shown. A wide table scrolls sideways
  inside its own frame, which says so, never the page (phones, 390 px).
* :func:`show_document` shows a Markdown text written by the library (a charter, a data
  sheet, a council decision) as a formatted, wrapped document, instead of ``**`` and ``##``.
* :func:`install` (called when :mod:`atelier_ia` is imported in a notebook) makes every pandas
  table or ``Series`` that a cell displays go through :func:`show_table`, so the book, JupyterLab
  and Binder show all tables the same way without any code in the notebooks.
"""

from __future__ import annotations

import datetime as _dt
import html
import math
import numbers
import re

from .assets import read
from .errors import AtelierError, describe
from .fmt import NBSP, french_number
from .palette import stylesheet

__all__ = ["Document", "Table", "install", "show_document", "show_table", "table_html"]

#: Column names that pandas or English-named code write, as a French reader says them.
LABELS = {
    "count": "nombre",
    "proportion": "part",
    "index": "",
    "annee": "année",
    "decision_humaine": "décision humaine",
    "licence_normalisee": "licence normalisée",
    "autrice_ou_auteur": "autrice ou auteur",
    "prediction": "prédiction",
}

#: The frame's class, its CSS (embedded in each output, so JupyterLab shows the same as the book).
CSS = stylesheet(read("tableaux.css", compact=True))
_STYLE = f"<style>{CSS}</style>"

#: More rows than this are not shown (pandas shows 60 at most, too): the page stays light.
MAX_ROWS = 60

# A text longer than this gets a wider minimum width, so that it does not shrink to a word per line;
# one this short (a call number, a date) stays on one line.
_LONG = 40
_SHORT = 12
# From this many columns, a table may be wider than a phone: a line says it scrolls sideways.
_WIDE = 4
_HINT = f'<p class="atelier-tableau-indice" aria-hidden="true">Tableau large{NBSP}: faites-le défiler de côté.</p>'


def _label(name) -> str:
    if name is None:
        return ""
    text = str(name)
    if text in LABELS:
        return LABELS[text]
    return text.replace("_", " ")


def cell_text(value) -> str:
    """What a learner reads for one value of a table (a string; never cut)."""
    try:
        import numpy as np

        if isinstance(value, np.generic):
            value = value.item()
    except ImportError:  # pragma: no cover - numpy is a dependency
        pass
    if value is None:
        return "—"
    if isinstance(value, bool):
        return "oui" if value else "non"
    if isinstance(value, numbers.Integral):
        return str(value) if abs(value) < 10_000 else french_number(value)
    if isinstance(value, numbers.Real):
        if math.isnan(value):
            return "—"
        if float(value).is_integer() and abs(value) < 1e15:
            return cell_text(int(value))
        return french_number(round(float(value), 3))
    if isinstance(value, _dt.datetime):
        return value.strftime("%d/%m/%Y %H:%M") if (value.hour, value.minute) != (0, 0) else value.strftime("%d/%m/%Y")
    if isinstance(value, _dt.date):
        return value.strftime("%d/%m/%Y")
    if isinstance(value, (list, tuple, set, frozenset)):
        return ", ".join(cell_text(v) for v in value) if value else "—"
    try:
        import pandas as pd

        if value is pd.NaT or (not isinstance(value, str) and pd.isna(value)):
            return "—"
    except (ImportError, TypeError, ValueError):
        pass
    return str(value)


def _is_number(value) -> bool:
    return isinstance(value, numbers.Real) and not isinstance(value, bool) and not (
        isinstance(value, float) and math.isnan(value))


def _frame(data, columns, labels):
    import pandas as pd

    if isinstance(data, pd.Series):
        value_label = data.name if data.name is not None else "valeur"
        data = data.to_frame(name=value_label)
    if not isinstance(data, pd.DataFrame):
        raise AtelierError(f"show_table attend un tableau pandas (DataFrame) ou une série (Series) ; vous avez donné {describe(data)}.")
    if columns is not None:
        if not isinstance(columns, (list, tuple)) or not columns or not all(c in data.columns for c in columns):
            raise AtelierError(
                f"« columns » doit être une liste de colonnes du tableau ({', '.join(map(str, data.columns))}) ; "
                f"vous avez donné {describe(columns)}.")
        data = data[list(columns)]
    if labels is not None and not isinstance(labels, dict):
        raise AtelierError(f"« labels » doit être un dictionnaire {{colonne : libellé}} ; vous avez donné {describe(labels)}.")
    return data


def _shows_index(frame) -> bool:
    """pandas' row numbers (0, 1, 2…) say nothing to a learner; a named or labelled index does."""
    import pandas as pd

    index = frame.index
    if isinstance(index, pd.MultiIndex) or any(n is not None for n in index.names):
        return True
    if isinstance(index, pd.RangeIndex):
        return False
    return not pd.api.types.is_integer_dtype(index)


def table_html(data, columns=None, labels: dict | None = None, caption: str = "") -> str:
    """The HTML of :func:`show_table` (a framed ``<table>``, with its CSS)."""
    frame = _frame(data, columns, labels)
    if not isinstance(caption, str):
        raise AtelierError(f"« caption » doit être un texte ; vous avez donné {describe(caption)}.")
    labels = labels or {}
    with_index = _shows_index(frame)
    heads = []
    if with_index:
        names = [n for n in frame.index.names]
        heads += [labels.get(n, _label(n)) for n in names]
    heads += [labels.get(c, _label(c)) for c in frame.columns]
    total = len(frame)
    if total > MAX_ROWS:  # a page stays light; the reader is told how many rows are left out
        frame = frame.head(MAX_ROWS)
    rows = []
    for key, row in zip(frame.index, frame.itertuples(index=False, name=None)):
        cells = []
        if with_index:
            keys = key if isinstance(key, tuple) else (key,)
            cells += [f'<th scope="row">{html.escape(cell_text(k))}</th>' for k in keys]
        for value in row:
            text = cell_text(value)
            cls = (' class="atelier-nombre"' if _is_number(value) else ' class="atelier-long"' if len(text) > _LONG
                   else ' class="atelier-court"' if len(text) <= _SHORT else "")
            cells.append(f"<td{cls}>{html.escape(text)}</td>")
        rows.append("<tr>" + "".join(cells) + "</tr>")
    head = "".join(f'<th scope="col">{html.escape(h)}</th>' for h in heads)
    name = caption.strip() or f"Tableau de {total} ligne{'s' if total > 1 else ''}"
    caption_html = f"<caption>{html.escape(caption.strip())}</caption>" if caption.strip() else ""
    more = (f'<p class="atelier-tableau-suite">Les {MAX_ROWS} premières lignes sur {french_number(total)} sont montrées.</p>'
            if total > MAX_ROWS else "")
    hint = _HINT if len(heads) >= _WIDE else ""
    return (f'{_STYLE}{hint}<div class="atelier-tableau" role="region" tabindex="0" '
            f'aria-label="{html.escape(name)} (défilement horizontal possible)">'
            f'<table class="atelier-table">{caption_html}<thead><tr>{head}</tr></thead>'
            f'<tbody>{"".join(rows)}</tbody></table></div>{more}')


class Table:
    """A table shown whole (see :func:`show_table`); ``str()`` gives it as plain text."""

    def __init__(self, data, columns=None, labels=None, caption=""):
        self._html = table_html(data, columns, labels, caption)
        frame = _frame(data, columns, labels)
        labels = labels or {}
        lines = [" | ".join(labels.get(c, _label(c)) for c in frame.columns)]
        lines += [" | ".join(cell_text(v) for v in row) for row in frame.itertuples(index=False, name=None)]
        self._text = "\n".join(lines)

    def _repr_html_(self) -> str:
        return self._html

    def __str__(self) -> str:
        return self._text

    __repr__ = __str__


def show_table(data, columns=None, labels: dict | None = None, caption: str = "") -> Table:
    """Show a pandas table (or ``Series``) to a learner: whole texts, wrapped, French labels,
    « oui » / « non », no row numbers or pandas footer. ``columns`` picks and orders columns,
    ``labels`` renames some (``{"annee": "année de publication"}``), ``caption`` titles the table.
    """
    return Table(data, columns, labels, caption)


# ---------------------------------------------------------------------------------------------
# Documents written in Markdown by the library
# ---------------------------------------------------------------------------------------------

_INLINE = [
    (re.compile(r"\*\*(.+?)\*\*"), r"<strong>\1</strong>"),
    (re.compile(r"(?<![\w*])\*(?!\s)(.+?)(?<!\s)\*(?![\w*])"), r"<em>\1</em>"),
    (re.compile(r"`([^`]+)`"), r"<code>\1</code>"),
    (re.compile(r"\[([^\]]+)\]\((https?://[^)\s]+)\)"), r'<a href="\2">\1</a>'),
]
_BULLET = re.compile(r"^\s*[-*•]\s+(.*)$")
_NUMBERED = re.compile(r"^\s*(\d+)[.)]\s+(.*)$")
_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
_SEPARATOR = re.compile(r"^\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?$")


def _inline(text: str) -> str:
    text = html.escape(text, quote=False)
    for pattern, repl in _INLINE:
        text = pattern.sub(repl, text)
    return text


def _cells(line: str) -> list[str]:
    return [c.strip() for c in line.strip().strip("|").split("|")]


def document_html(markdown: str) -> str:
    """The HTML of :func:`show_document`: headings, paragraphs, lists and pipe tables."""
    if not isinstance(markdown, str) or not markdown.strip():
        raise AtelierError(f"show_document attend un texte Markdown non vide ; vous avez donné {describe(markdown)}.")
    out, para, items, kind = [], [], [], ""
    lines = markdown.splitlines()

    def flush():
        nonlocal para, items, kind
        if para:
            out.append("<p>" + " ".join(_inline(p) for p in para) + "</p>")
        if items:
            tag = "ol" if kind == "ol" else "ul"
            out.append(f"<{tag}>" + "".join(f"<li>{_inline(i)}</li>" for i in items) + f"</{tag}>")
        para, items, kind = [], [], ""

    i = 0
    while i < len(lines):
        line = lines[i]
        if not line.strip():
            flush()
        elif (m := _HEADING.match(line)):
            flush()
            cls = "atelier-document-titre" if len(m.group(1)) == 1 else "atelier-document-partie"
            out.append(f'<p class="{cls}">{_inline(m.group(2))}</p>')
        elif line.lstrip().startswith("|") and i + 1 < len(lines) and _SEPARATOR.match(lines[i + 1].strip()):
            flush()
            head = _cells(line)
            i += 2
            body = []
            while i < len(lines) and lines[i].lstrip().startswith("|"):
                body.append(_cells(lines[i]))
                i += 1
            heads = "".join(f'<th scope="col">{_inline(h)}</th>' for h in head)
            def cell(c):
                cls = ' class="atelier-long"' if len(c) > _LONG else ' class="atelier-court"' if len(c) <= _SHORT else ""
                return f"<td{cls}>{_inline(c)}</td>"

            rows = "".join("<tr>" + "".join(cell(c) for c in row) + "</tr>" for row in body)
            out.append((_HINT if len(head) >= _WIDE else "")
                       + f'<div class="atelier-tableau" role="region" tabindex="0" aria-label="Tableau (défilement horizontal possible)">'
                       f'<table class="atelier-table"><thead><tr>{heads}</tr></thead><tbody>{rows}</tbody></table></div>')
            continue
        elif (m := _BULLET.match(line)) and not para:
            if kind != "ul":
                flush()
            kind = "ul"
            items.append(m.group(1))
        elif (m := _NUMBERED.match(line)) and not para:
            if kind != "ol":
                flush()
            kind = "ol"
            items.append(m.group(2))
        elif items and line.startswith((" ", "\t")):
            items[-1] += " " + line.strip()
        else:
            if items:
                flush()
            para.append(line.strip())
        i += 1
    flush()
    return f'{_STYLE}<div class="atelier-document" lang="fr">{"".join(out)}</div>'


class Document:
    """A Markdown text shown formatted (see :func:`show_document`); ``str()`` gives the text."""

    def __init__(self, markdown: str):
        self._html = document_html(markdown)
        self.markdown = markdown

    def _repr_html_(self) -> str:
        return self._html

    def __str__(self) -> str:
        return self.markdown

    __repr__ = __str__


def show_document(markdown: str) -> Document:
    """Show a Markdown document written by the library (charter, data sheet, decision)
    formatted and wrapped; ``str()`` of the result gives back the Markdown to copy or save."""
    return Document(markdown)


# ---------------------------------------------------------------------------------------------
# Every table displayed in a notebook
# ---------------------------------------------------------------------------------------------

def _html_for_pandas(obj) -> str:
    return table_html(obj)


def install(shell=None) -> bool:
    """Make IPython show every pandas ``DataFrame`` and ``Series`` through :func:`show_table`.

    Called when :mod:`atelier_ia` is imported; outside IPython, it does nothing and returns False.
    Does not import pandas (the formatter waits for pandas' own import).
    """
    if shell is None:
        try:
            from IPython import get_ipython
        except ImportError:  # pragma: no cover - IPython comes with ipykernel
            return False
        shell = get_ipython()
    if shell is None or not hasattr(shell, "display_formatter"):
        return False
    formatter = shell.display_formatter.formatters["text/html"]
    # pandas names its classes « pandas.DataFrame » (recent versions) or by their defining module
    for module in ("pandas", "pandas.core.frame", "pandas.core.series"):
        formatter.for_type_by_name(module, "DataFrame", _html_for_pandas)
        formatter.for_type_by_name(module, "Series", _html_for_pandas)
    return True
