"""Internal links of the built book, checked offline: every link to a page of the book points
at a file that exists and, for an anchor, at an id that exists on that page."""

from __future__ import annotations

import html
import re
from pathlib import Path
from urllib.parse import unquote, urlparse

__all__ = ["broken_internal_links"]

_HREF = re.compile(r'<a\b[^>]*\bhref="([^"]+)"')
_ID = re.compile(r'\bid="([^"]+)"')


def broken_internal_links(pages: list[Path], root: Path) -> list[str]:
    """« page → link » for every internal link of ``pages`` that leads nowhere."""
    ids: dict[Path, set[str]] = {}
    broken = []
    for page in pages:
        for href in _HREF.findall(page.read_text(encoding="utf-8")):
            href = html.unescape(href)
            url = urlparse(href)
            if url.scheme or href.startswith(("//", "mailto:", "javascript:")):
                continue  # an external link: a plain link, not checked offline
            target = (page.parent / unquote(url.path)).resolve() if url.path else page.resolve()
            if url.path and not target.exists():
                broken.append(f"{page.relative_to(root)} → {href}")
                continue
            if url.fragment and target.suffix == ".html":
                if target not in ids:
                    ids[target] = set(_ID.findall(target.read_text(encoding="utf-8")))
                if url.fragment not in ids[target]:
                    broken.append(f"{page.relative_to(root)} → {href}")
    return broken
