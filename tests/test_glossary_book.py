"""In the built book, every glossary term that a module page's prose uses is a glossary link at its
first use, and that link shows its definition in place (atelier_tools.glossary_links at reading,
atelier_tools.glossary_tips after writing)."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from atelier_ia.course import load_catalogue
from atelier_tools import glossary_links, glossary_tips

_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr"}
#: What is not running prose, as the transform skips it: headings, code, math, tables, captions,
#: admonition titles, the cells (source and outputs), and any link other than a glossary one.
_SKIP_TAGS = {"h1", "h2", "h3", "h4", "h5", "h6", "code", "pre", "kbd", "samp", "script", "style", "table",
              "figcaption", "dt", "abbr", "svg", "button", "nav", "template", "a"}
_SKIP_CLASSES = {"cell", "math", "admonition-title", "topic-title", "sidebar-title", "rubric", "headerlink"}
_GLOSSARY_HREF = re.compile(r"glossaire\.html#(term-[^\"'#]+)$")


class _Prose(HTMLParser):
    """Walks a page's article; records, in order, ("link", anchor) for a glossary link and
    ("text", data) for running prose outside any link."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, bool, bool]] = []  # (tag, skipped, in article)
        self.events: list[tuple[str, str]] = []

    def _state(self) -> tuple[bool, bool]:
        return (self.stack[-1][1], self.stack[-1][2]) if self.stack else (False, False)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        skipped, article = self._state()
        classes = set((attrs.get("class") or "").split())
        article = article or "bd-article" in classes
        if tag == "a" and not skipped:
            found = _GLOSSARY_HREF.search(attrs.get("href") or "")
            if found and article:
                self.events.append(("link", found.group(1)))
        skipped = skipped or tag in _SKIP_TAGS or bool(classes & _SKIP_CLASSES)
        if tag not in _VOID:
            self.stack.append((tag, skipped, article))

    def handle_startendtag(self, tag, attrs):
        if tag == "a":
            self.handle_starttag(tag, attrs)
            self.handle_endtag(tag)

    def handle_endtag(self, tag):
        for i in range(len(self.stack) - 1, -1, -1):
            if self.stack[i][0] == tag:
                del self.stack[i:]
                return

    def handle_data(self, data):
        skipped, article = self._state()
        if article and not skipped and data.strip():
            self.events.append(("text", data))


def unlinked_first_uses(page_html: str, anchors: dict[str, str], matcher) -> tuple[list[str], set[str]]:
    """Terms whose first use in the page's prose is plain text (with its context), and the terms linked."""
    walker = _Prose()
    walker.feed(page_html)
    seen: set[str] = set()
    faults = []
    for kind, value in walker.events:
        if kind == "link":
            seen.add(anchors.get(value, value))
            continue
        for start, end, term in matcher.find(value):
            if term not in seen:
                faults.append(f"« {value[start:end]} » ({term}) dans « …{value[max(0, start - 50):end + 30].strip()}… »")
                seen.add(term)
    return faults, seen


@pytest.fixture(scope="module")
def glossary(built_book):
    defs = glossary_tips.definitions((built_book / glossary_tips.GLOSSARY).read_text(encoding="utf-8"))
    terms = {t.lower(): t for t in glossary_links.glossary_terms()}
    anchors = {anchor: terms.get(d["terme"].lower(), d["terme"]) for anchor, d in defs.items()}
    data = (built_book / "_static" / glossary_tips.DATA).read_text(encoding="utf-8")
    shown = set(json.loads(data.split("=", 1)[1].strip().rstrip(";")))
    return anchors, shown


def _module_pages(built_book: Path) -> list[Path]:
    return [built_book / m.notebook.replace(".ipynb", ".html") for m in load_catalogue().available]


@pytest.mark.book
def test_every_glossary_term_is_linked_at_its_first_use_in_each_module(built_book, glossary):
    anchors, _ = glossary
    matcher = glossary_links.default_matcher()
    report = []
    for page in _module_pages(built_book):
        faults, linked = unlinked_first_uses(page.read_text(encoding="utf-8"), anchors, matcher)
        assert len(linked) >= 10, f"{page.name} : seulement {len(linked)} termes du glossaire reliés"
        report += [f"{page.name} : {f}" for f in faults]
    assert not report, "premier emploi d'un terme du glossaire sans lien :\n" + "\n".join(report)


@pytest.mark.book
def test_every_glossary_link_of_a_module_shows_its_definition_in_place(built_book, glossary):
    anchors, shown = glossary
    for page in _module_pages(built_book):
        text = page.read_text(encoding="utf-8")
        links = set(re.findall(r'href="[^"]*glossaire\.html#(term-[^"]+)"', text))
        assert links, f"{page.name} : aucun lien vers le glossaire"
        assert not links - shown, f"{page.name} : liens sans définition sur place {sorted(links - shown)}"
        assert glossary_tips.MARK in text and "glossaire.js" in text, f"{page.name} : script des définitions absent"
        assert all(a in anchors for a in links)


def test_a_page_with_one_form_late_and_a_link_early_passes_and_plain_first_use_fails():
    """The check above catches what it must: a first use left as plain text, not a later one."""
    matcher = glossary_links.default_matcher()
    anchors = {"term-RGPD": "RGPD"}
    good = ('<article class="bd-article"><p>Le <a href="../annexes/glossaire.html#term-RGPD">RGPD</a>'
            " s'applique ; le RGPD encore.</p><h2>Le RGPD</h2></article>")
    bad = ('<article class="bd-article"><h2>RGPD</h2><p>Le RGPD, <code>RGPD</code>, puis le '
           '<a href="../annexes/glossaire.html#term-RGPD">RGPD</a>.</p></article>')
    assert unlinked_first_uses(good, anchors, matcher) == ([], {"RGPD"})
    faults, _ = unlinked_first_uses(bad, anchors, matcher)
    assert len(faults) == 1 and "« RGPD » (RGPD)" in faults[0]
