"""Rule: the book loads nothing from another host and embeds no widget machinery.

A reader's browser must make no request to a third party (privacy, offline sessions), and no
ipywidget may show as an empty box. :func:`clean` removes, after the HTML is written, the
widget state that myst-nb embeds (no widget renders in the static book: every live demo
carries its own static face) and sphinx-thebe, which Jupyter Book 1 always adds (a
JavaScript error on every page, and thebe would be fetched from a CDN; the course launches
Binder instead). :func:`third_party_resources` and :func:`widget_leftovers` find what must
not be there (the book test runs them on every page).
"""

from __future__ import annotations

import re
from urllib.parse import urlparse

__all__ = ["clean", "third_party_resources", "widget_leftovers"]

_REMOVE = re.compile(
    r'<script type="application/vnd\.jupyter\.widget-state\+json">.*?</script>'
    r'|<script type="text/x-thebe-config">.*?</script>'
    r'|<script>const THEBE_JS_URL[^<]*</script>'
    r'|<script[^>]*src="[^"]*sphinx-thebe\.js[^"]*"></script>'
    r'|<link[^>]*href="[^"]*sphinx-thebe\.css[^"]*" />',
    re.S,
)

_RESOURCE = re.compile(
    r"<(?:script|img|iframe|audio|video|source|embed|track)\b[^>]*?\bsrc=[\"']([^\"']+)"
    r"|<link\b[^>]*?\bhref=[\"']([^\"']+)"
    r"|url\(\s*[\"']?([^\"')]+)"
    r"|@import\s+[\"']([^\"']+)",
    re.I,
)

_WIDGET = re.compile(
    r"application/vnd\.jupyter\.widget-(?:view|state)\+json|thebe|require\.js|@jupyter-widgets/html-manager"
    r"|\b(?:VBox|HBox|IntSlider|FloatSlider|Output)\(",
    re.I,
)


def clean(html: str) -> str:
    """The page without embedded widget state and without sphinx-thebe."""
    return _REMOVE.sub("", html)


def _external(url: str) -> bool:
    url = url.strip()
    if url.startswith("//"):
        url = "https:" + url
    parsed = urlparse(url)
    return parsed.scheme in ("http", "https") and (parsed.hostname or "") not in ("127.0.0.1", "localhost", "::1")


def third_party_resources(text: str) -> list[str]:
    """URLs of resources (scripts, styles, images, media, fonts) a page or stylesheet loads
    from another host. Plain links (``<a href>``) are not resources and are allowed."""
    found = []
    for m in _RESOURCE.finditer(text):
        url = next(g for g in m.groups() if g)
        if _external(url):
            found.append(url)
    return found


def widget_leftovers(html: str) -> list[str]:
    """Widget views, widget state, thebe or widget reprs left in a page."""
    return sorted(set(_WIDGET.findall(html)))
