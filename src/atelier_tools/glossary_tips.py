"""Glossary links that show their definition in place (hover and keyboard focus).

After the HTML is written, :func:`add` reads the definitions from the built glossary page
(``annexes/glossaire.html``: Sphinx's ``<dt id="term-…">``/``<dd>``), writes them into
``_static/atelier-glossaire-data.js``, copies ``static/glossaire.css`` (preceded by the palette colours it uses) and ``static/glossaire.js``
next to it, and links the three files from every page that has a glossary link. The link still
leads to the glossary; nothing is fetched (the data is a script, so the book also works from disk).
A long definition is shown in place cut after its whole sentences up to :data:`TIP_WORDS` words
(``"suite": true``): the bubble then says that the rest is in the glossary, one click away.
"""

from __future__ import annotations

import html
import json
import os
import re
import shutil
from pathlib import Path

from atelier_ia.assets import read
from atelier_ia.palette import stylesheet

GLOSSARY = "annexes/glossaire.html"
STATIC = Path(__file__).with_name("static")
FILES = ("glossaire.css", "glossaire.js")
DATA = "atelier-glossaire-data.js"
_ENTRY = re.compile(r'<dt[^>]*\bid="(term-[^"]+)"[^>]*>(.*?)</dt>\s*<dd[^>]*>(.*?)</dd>', re.S)
_LINK = re.compile(r'href="[^"]*glossaire\.html#term-')
MARK = "<!-- atelier: définitions du glossaire -->"
#: Longest definition shown in place, in words: beyond, whole sentences up to this length (at least one).
TIP_WORDS = 60
_SENTENCE_END = re.compile(r"(?<=[.!?…])\s+(?=[A-ZÀ-ÖØ-Þ«(])")
_ABBREVIATION = re.compile(r"(?:\b(?:art|c|cf|p|n°)|\b[A-Z])\.$")  # « art. 6 », « L. 122-5-3 », « c. LAION »


def _plain(fragment: str) -> str:
    fragment = re.sub(r'<a class="headerlink".*?</a>', "", fragment, flags=re.S)
    fragment = re.sub(r"\s*\[[^\]]*\]", "", html.unescape(re.sub(r"<[^>]+>", "", fragment)))  # citations « [Ope20] »
    text = re.sub(r"[ \t\r\n]+", " ", fragment).strip()  # no-break spaces (« : », « … ») stay
    return text.replace(" ¶", "").strip()


def sentences(text: str) -> list[str]:
    """The sentences of a definition (a period after « art » or an initial does not end one)."""
    out: list[str] = []
    for piece in _SENTENCE_END.split(text):
        if out and _ABBREVIATION.search(out[-1]):
            out[-1] += " " + piece
        else:
            out.append(piece)
    return out


def short(text: str, words: int = TIP_WORDS) -> tuple[str, bool]:
    """``text`` cut after its whole sentences up to ``words`` words (at least the first one), and
    whether something was cut."""
    if len(text.split()) <= words:
        return text, False
    kept: list[str] = []
    for sentence in sentences(text):
        if kept and len(" ".join(kept + [sentence]).split()) > words:
            break
        kept.append(sentence)
    cut = " ".join(kept)
    return cut, cut != text


def definitions(glossary_html: str) -> dict[str, dict]:
    """``term-…`` anchor → {"terme", "definition"} for every entry of the built glossary page;
    a definition cut for the bubble also has ``"suite": True``."""
    out = {}
    for anchor, term, body in _ENTRY.findall(glossary_html):
        text, cut = short(_plain(body))
        out[anchor] = {"terme": _plain(term), "definition": text}
        if cut:
            out[anchor]["suite"] = True
    return out


def add(outdir) -> int:
    """Write the data and static files into ``outdir/_static`` and link them from every page with
    a glossary link; return the number of pages changed."""
    outdir = Path(outdir)
    page = outdir / GLOSSARY
    if not page.is_file():
        return 0
    defs = definitions(page.read_text(encoding="utf-8"))
    static = outdir / "_static"
    static.mkdir(exist_ok=True)
    (static / DATA).write_text("window.ATELIER_GLOSSAIRE = " + json.dumps(defs, ensure_ascii=False) + ";\n", encoding="utf-8")
    (static / "glossaire.css").write_text(stylesheet(read("glossaire.css", "atelier_tools")), encoding="utf-8")
    shutil.copyfile(STATIC / "glossaire.js", static / "glossaire.js")
    changed = 0
    for path in outdir.rglob("*.html"):
        text = path.read_text(encoding="utf-8")
        if MARK in text or not _LINK.search(text) or "</head>" not in text:
            continue
        rel = os.path.relpath(static, path.parent).replace(os.sep, "/")
        tags = (f'{MARK}<link rel="stylesheet" href="{rel}/glossaire.css">'
                f'<script defer src="{rel}/{DATA}"></script><script defer src="{rel}/glossaire.js"></script>')
        path.write_text(text.replace("</head>", tags + "</head>", 1), encoding="utf-8")
        changed += 1
    return changed
