"""Stylesheets and scripts kept as real files (``static/`` of a package), read to be inlined.

The library and the build tools write self-contained HTML (the book loads nothing from another
host, a notebook output carries its own style): their CSS and JavaScript live in
``atelier_ia/static`` and ``atelier_tools/static``, are shipped in the wheel
(``pyproject.toml``, package data) and are read here with :mod:`importlib.resources`.

A script that needs a value from Python (an element id, a storage key) holds a ``%(name)s``
placeholder that its caller fills in with ``%``; every other file is inlined as it is. Colours are
never written in these files: they name ``var(--atelier-…)``, declared by
:func:`atelier_ia.palette.stylesheet`.
"""

from __future__ import annotations

import functools
import re
from importlib import resources

from .errors import AtelierError
from .validation import check_bool, check_choice, check_text

__all__ = ["read"]

PACKAGES = ("atelier_ia", "atelier_tools")
_COMMENT = re.compile(r"/\*.*?\*/", re.S)


def read(name: str, package: str = "atelier_ia", compact: bool = False) -> str:
    """The text of ``static/<name>`` in ``package``; with ``compact``, a stylesheet's comments and
    line breaks are removed (each line stripped, then joined), for a one-line ``<style>``."""
    check_text(name, "le nom du fichier")
    check_choice(package, "package", PACKAGES)
    check_bool(compact, "compact")
    return _read(name, package, compact)


@functools.cache
def _read(name: str, package: str, compact: bool) -> str:
    path = resources.files(package).joinpath("static", name)
    if "/" in name or "\\" in name or not path.is_file():
        raise AtelierError(f"Le fichier « {name} » n'existe pas dans {package}/static ; "
                           "vérifiez son nom (il doit être livré avec le paquet, voir pyproject.toml).")
    text = path.read_text(encoding="utf-8")
    if compact:
        text = "".join(line.strip() for line in _COMMENT.sub("", text).splitlines())
    return text
