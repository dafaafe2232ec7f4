"""References of the handouts, read from ``references.bib``: « Auteur, année » and « Auteur (année), *Titre* »."""

from __future__ import annotations

from functools import cache

from atelier_ia.errors import AtelierError
from atelier_ia.fmt import NBSP
from atelier_ia.paths import repo_root

__all__ = ["TITLE_CHARS", "reference", "short_reference"]

TITLE_CHARS = 90  # a source's title is cut after this many characters on a handout


@cache
def _bibliography():
    from pybtex.database import parse_file

    return parse_file(str(repo_root() / "references.bib"), bib_format="bibtex").entries


@cache
def _text_backend():
    """pybtex's plain-text backend, looked up once: each lookup scans every installed package's
    entry points (0.1 s, 290 times for the handouts)."""
    from pybtex.plugin import find_plugin

    return find_plugin("pybtex.backends", "text")()


@cache
def _latex_to_text(text: str) -> str:
    from pybtex.richtext import Text

    return " ".join(Text.from_latex(text).render(_text_backend()).split())


def _entry_authors(key: str):
    """The bibliography entry of ``key`` and « Nom », « Nom et Nom » or « Nom et al. » ("" if none)."""
    entries = _bibliography()
    if key not in entries:
        raise AtelierError(f"references.bib : pas de notice « {key} », citée par un module.")
    entry = entries[key]
    people = entry.persons.get("author") or entry.persons.get("editor") or []
    names = [_latex_to_text(" ".join(p.last_names) or str(p)) for p in people]
    if not names:
        return entry, ""
    if len(names) == 1:
        return entry, names[0]
    if len(names) == 2:
        return entry, f"{names[0]} et {names[1]}"
    return entry, f"{names[0]} et al."


def short_reference(key: str) -> str:
    """« Auteur, année » for a bibliography key (the title's start when there is no author)."""
    entry, who = _entry_authors(key)
    who = who or _latex_to_text(entry.fields.get("title", key))[:40]
    return f"{who}, {entry.fields.get('year', 's. d.')}"


def reference(key: str) -> str:
    """« Auteur (année), *Titre* » for a bibliography key (Markdown)."""
    entry, who = _entry_authors(key)
    year = entry.fields.get("year", "s.{NBSP}d.").replace("{NBSP}", NBSP)
    title = _latex_to_text(entry.fields.get("title", key))
    if len(title) > TITLE_CHARS:  # long official titles: the book's bibliography gives them in full
        title = title[:TITLE_CHARS].rsplit(" ", 1)[0].rstrip(" ,;:(") + "…"
    return f"{who} ({year}), *{title}*" if who else f"*{title}* ({year})"
