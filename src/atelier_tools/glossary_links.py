"""Every glossary term of a module page linked at its first use, at build time.

The notebooks are not changed: when Sphinx has read a module page (``doctree-read``),
:func:`link_first_uses` finds, in the page's running prose, the first occurrence of each
glossary term under one of its forms (``data/course/glossaire-formes.yml``, the one place where
the variants are written) and wraps it in the same cross-reference as a ``{term}`` role. Sphinx
then resolves it like any other, and :mod:`atelier_tools.glossary_tips` shows its definition in
place. A term already linked by a ``{term}`` role written higher in the page is left alone; so
are headings, links, code, literals, math, tables, figure captions and the cells' outputs.

Reading a form (also stated in the data file): the first letter in either case, the rest as
written; an optional final « s »; a straight apostrophe also matches « ’ », a space any space; the
form is a whole word (« l'entraînement » is found, « surentraînement » is not).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml
from docutils import nodes
from sphinx import addnodes

from atelier_ia.errors import AtelierError

ROOT = Path(__file__).resolve().parents[2]
FORMS = ROOT / "data" / "course" / "glossaire-formes.yml"
GLOSSARY = ROOT / "annexes" / "glossaire.md"
#: Pages whose prose is linked: the modules (exercises keep their own explicit links).
PAGES = "modules/"
#: Classes of the inner node, as the ``{term}`` role writes them.
CLASSES = ["xref", "std", "std-term"]
_SKIP = (nodes.title, nodes.subtitle, nodes.rubric, nodes.reference, addnodes.pending_xref, nodes.literal,
         nodes.literal_block, nodes.doctest_block, nodes.math, nodes.math_block, nodes.raw, nodes.caption,
         nodes.legend, nodes.table, nodes.comment, nodes.target, nodes.citation, nodes.citation_reference,
         nodes.footnote_reference, nodes.term, nodes.abbreviation, nodes.image, nodes.substitution_definition,
         nodes.field_name, addnodes.toctree)


@dataclass(frozen=True)
class Term:
    """A glossary term and the forms under which the modules write it."""

    term: str
    forms: tuple[str, ...]
    not_after: tuple[str, ...] = ()
    not_before: tuple[str, ...] = ()


def glossary_terms(text: str | None = None) -> list[str]:
    """The terms of the ``{glossary}`` block of ``annexes/glossaire.md``, in its order."""
    text = GLOSSARY.read_text(encoding="utf-8") if text is None else text
    if "```{glossary}" not in text:
        raise AtelierError("Le glossaire n'a pas de bloc « ```{glossary} » : impossible d'en lire les termes.")
    block = text.split("```{glossary}", 1)[1].split("```", 1)[0]
    return re.findall(r"^(\S[^\n]*)\n  \S", block, re.M)


def load_terms(path: Path | str = FORMS) -> list[Term]:
    """Read the forms file; fail in French on an entry without a list of forms."""
    data = yaml.safe_load(Path(path).read_text(encoding="utf-8")) or {}
    terms = []
    for term, entry in (data.get("termes") or {}).items():
        forms = (entry or {}).get("formes")
        if not isinstance(forms, list) or not all(isinstance(f, str) and f.strip() for f in forms):
            raise AtelierError(f"{Path(path).name} : le terme « {term} » doit avoir une liste « formes » de textes "
                               "(une liste vide s'il ne doit être relié qu'à la main).")
        entry = entry or {}
        terms.append(Term(str(term), tuple(forms), tuple(entry.get("sauf_apres") or ()), tuple(entry.get("sauf_avant") or ())))
    return terms


def _key(text: str) -> str:
    """What two spellings of one form have in common (case of the first letter, apostrophe, spaces)."""
    text = re.sub(r"\s+", " ", text.replace("\u2019", "'"))
    return text[:1].lower() + text[1:]


def _form_pattern(form: str, plural: bool = True) -> str:
    first, rest = form[0], form[1:]
    head = f"[{re.escape(first.upper())}{re.escape(first.lower())}]" if first.upper() != first.lower() else re.escape(first)
    body = "".join("['\u2019]" if c in "'\u2019" else r"\s+" if c == " " else re.escape(c) for c in rest)
    return head + body + ("s?" if plural else "")


class Matcher:
    """Finds the forms of a set of terms in a text, longest form first at each place."""

    def __init__(self, terms: list[Term]):
        self.terms = {t.term: t for t in terms}
        self._owner: dict[str, str] = {}
        forms = []
        for t in terms:
            for form in t.forms:
                for spelling in (form, form + "s"):
                    self._owner.setdefault(_key(spelling), t.term)
                forms.append(form)
        forms.sort(key=len, reverse=True)
        self.regex = re.compile(r"(?<![\w-])(?:" + "|".join(_form_pattern(f) for f in forms) + r")(?![\w-])") if forms else None

    def term_of(self, found: str) -> str:
        return self._owner.get(_key(found)) or self._owner[_key(found)[:-1]]

    def find(self, text: str):
        """``(start, end, term)`` for each form found in ``text``, in order, none overlapping."""
        if self.regex is None:
            return
        for m in self.regex.finditer(text):
            term = self.term_of(m.group(0))
            before, after = text[:m.start()], text[m.end():]
            if any(re.search(rf"(?<![\w-]){_form_pattern(w, plural=False)}\s+$", before) for w in self.terms[term].not_after):
                continue
            if any(re.match(rf"\s+{_form_pattern(w, plural=False)}(?![\w-])", after) for w in self.terms[term].not_before):
                continue
            yield m.start(), m.end(), term


@lru_cache(maxsize=1)
def default_matcher() -> Matcher:
    return Matcher(load_terms())


def _skipped(node: nodes.Node) -> bool:
    parent = node.parent
    while parent is not None:
        if isinstance(parent, _SKIP):
            return True
        if isinstance(parent, nodes.container) and "cell" in parent.get("classes", []):
            return True  # a code cell: its source and its outputs
        parent = parent.parent
    return False


def term_reference(text: str, term: str, docname: str) -> addnodes.pending_xref:
    """The node a ``{term}`` role writes: Sphinx resolves it to the glossary entry."""
    ref = addnodes.pending_xref("", refdomain="std", reftype="term", reftarget=term, refexplicit=True,
                                refwarn=True, refdoc=docname)
    ref += nodes.inline(text, text, classes=list(CLASSES))
    return ref


def _merge_texts(doctree: nodes.Node) -> None:
    """Join neighbouring text nodes (MyST writes a line break of the source as its own text node),
    so that a form written across two lines, « droits⏎voisins », is found as in the page."""
    for element in doctree.findall(nodes.Element):
        children = element.children
        if not any(isinstance(a, nodes.Text) and isinstance(b, nodes.Text) for a, b in zip(children, children[1:])):
            continue
        merged: list[nodes.Node] = []
        for child in children:
            if merged and isinstance(child, nodes.Text) and isinstance(merged[-1], nodes.Text):
                merged[-1] = nodes.Text(str(merged[-1]) + str(child))
            else:
                merged.append(child)
        element[:] = merged


def link_first_uses(doctree: nodes.Node, docname: str, matcher: Matcher | None = None) -> list[str]:
    """Wrap the first use of each glossary term in the page's prose in a term reference; return
    the terms linked, in page order. A term linked by a ``{term}`` role higher up is not linked again."""
    matcher = matcher or default_matcher()
    by_lower = {t.lower(): t for t in matcher.terms}
    done: set[str] = set()
    linked: list[str] = []
    _merge_texts(doctree)
    candidates = list(doctree.findall(lambda n: isinstance(n, (nodes.Text, addnodes.pending_xref))))
    for node in candidates:
        if isinstance(node, addnodes.pending_xref):
            if node.get("reftype") == "term":
                done.add(by_lower.get(str(node.get("reftarget", "")).lower(), node.get("reftarget")))
            continue
        if node.parent is None or _skipped(node):
            continue
        text = str(node)
        pieces: list[nodes.Node] = []
        cursor = 0
        for start, end, term in matcher.find(text):
            if term in done:
                continue
            done.add(term)
            linked.append(term)
            if start > cursor:
                pieces.append(nodes.Text(text[cursor:start]))
            pieces.append(term_reference(text[start:end], term, docname))
            cursor = end
        if pieces:
            if cursor < len(text):
                pieces.append(nodes.Text(text[cursor:]))
            parent = node.parent
            index = next(i for i, child in enumerate(parent.children) if child is node)
            parent[index:index + 1] = pieces
    return linked


def on_doctree_read(app, doctree) -> None:
    """``doctree-read`` hook (registered by :mod:`atelier_tools.book`): module pages only."""
    docname = app.env.docname
    if not docname.startswith(PAGES):
        return
    app.env.note_dependency(str(FORMS))
    link_first_uses(doctree, docname)
