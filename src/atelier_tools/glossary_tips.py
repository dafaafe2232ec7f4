"""Glossary links that show their definition in place (hover and keyboard focus).

After the HTML is written, :func:`add` reads the definitions from the built glossary page
(``annexes/glossaire.html``: Sphinx's ``<dt id="term-…">``/``<dd>``), writes them into
``_static/atelier-glossaire-data.js``, copies ``static/glossaire.js`` and ``static/glossaire.css``
(preceded by the palette colours it uses) next to it, and links the three files from every page
that has a glossary link. The link still leads to the glossary; nothing is fetched (the data is a
script, so the book also works from disk).
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


def _plain(fragment: str) -> str:
    fragment = re.sub(r'<a class="headerlink".*?</a>', "", fragment, flags=re.S)
    fragment = re.sub(r"\s*\[[^\]]*\]", "", html.unescape(re.sub(r"<[^>]+>", "", fragment)))  # citations « [Ope20] »
    text = re.sub(r"\s+", " ", fragment).strip()
    return text.replace(" ¶", "").strip()


def definitions(glossary_html: str) -> dict[str, dict[str, str]]:
    """``term-…`` anchor → {"terme", "definition"} for every entry of the built glossary page."""
    out = {}
    for anchor, term, body in _ENTRY.findall(glossary_html):
        out[anchor] = {"terme": _plain(term), "definition": _plain(body)}
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
