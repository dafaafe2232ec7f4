"""Paragraphs a reader can hold: no paragraph of a module's text over about 120 words.

A paragraph is counted as the reader sees it in the book: MyST roles reduced to their text
({cite}`key` shows as a short reference and counts as nothing, {term}`jeton <jeton>` as
« jeton »), links to their text, inline code to its text, HTML comments and tags left out. A
list item is a paragraph of its own; headings, tables, code blocks and the option lines of a
directive are not prose; the body of a directive (an admonition, an exercise) is read as
paragraphs like the rest of the cell.
"""

from __future__ import annotations

import re

import pytest
from notebook_tools import ROOT, notebooks, read

LIMIT = 120
MODULES = notebooks("modules")

_FENCE = re.compile(r"^\s*(`{3,}|~{3,}|:{3,})\s*(\{[\w:-]+\})?(.*)$")
_PROSE_DIRECTIVES_EXCLUDED = {"{code-cell}", "{code}", "{code-block}", "{math}", "{list-table}", "{csv-table}",
                              "{table}", "{figure}", "{image}", "{raw}"}
_OPTION = re.compile(r"^\s*:[\w-]+:")
_HEADING = re.compile(r"^\s{0,3}#{1,6}\s")
_TABLE_ROW = re.compile(r"^\s*\|")
_ITEM = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+")
_SILENT_ROLES = re.compile(r"\{(?:cite(?::\w+)?|footcite|bibliography)\}`[^`]*`")
_ROLE = re.compile(r"\{[\w:-]+\}`([^`]*)`")
_IMAGE = re.compile(r"!\[[^\]]*\]\([^)]*\)")
_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
_FOOTNOTE = re.compile(r"\[\^[^\]]+\]")
_CODE = re.compile(r"`([^`\n]*)`")
_COMMENT = re.compile(r"<!--.*?-->", re.S)
_TAG = re.compile(r"</?[A-Za-z][^>\n]*>")
_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*|\d+", re.UNICODE)


def _role_text(match: re.Match) -> str:
    """{term}`jeton <jeton>` → « jeton » ; {ref}`la partie 2 <sec>` → « la partie 2 »."""
    inner = match.group(1)
    shown = re.match(r"(.*?)\s*<[^<>]*>\s*$", inner, re.S)
    return shown.group(1) if shown else inner


def visible_text(markdown: str) -> str:
    """The words of a piece of Markdown as the book shows them."""
    text = _COMMENT.sub(" ", markdown)
    text = _SILENT_ROLES.sub(" ", text)
    text = _ROLE.sub(_role_text, text)
    text = _IMAGE.sub(" ", text)
    text = _LINK.sub(lambda m: m.group(1), text)
    text = _FOOTNOTE.sub(" ", text)
    text = _CODE.sub(lambda m: m.group(1), text)
    return _TAG.sub(" ", text)


def word_count(markdown: str) -> int:
    return len(_WORD.findall(visible_text(markdown)))


def paragraphs(markdown: str) -> list[str]:
    """The paragraphs of a Markdown cell (each list item on its own), without headings, tables,
    code blocks and directive options; the body of a prose directive counts as paragraphs."""
    found: list[list[str]] = []
    current: list[str] = []
    stack: list[tuple[str, bool]] = []  # open fences: (marker, is prose)
    after_opening = False

    def close():
        nonlocal current
        if current:
            found.append(current)
        current = []

    for line in _COMMENT.sub("", markdown).splitlines():
        fence = _FENCE.match(line)
        if fence:
            marker, directive, rest = fence.groups()
            closes = stack and marker[0] == stack[-1][0][0] and len(marker) >= len(stack[-1][0]) \
                and not directive and not rest.strip()
            if closes:
                close()
                stack.pop()
                after_opening = False
                continue
            if not stack or stack[-1][1]:
                close()
                prose = bool(directive) and directive not in _PROSE_DIRECTIVES_EXCLUDED
                stack.append((marker, prose))
                after_opening = True
                continue
        if stack and not stack[-1][1]:
            continue  # inside a code block or a table directive
        if after_opening and _OPTION.match(line):
            continue  # :class: tip, :label: ex-1…
        after_opening = False
        if not line.strip() or _HEADING.match(line) or _TABLE_ROW.match(line):
            close()
            continue
        if _ITEM.match(line):
            close()
            current.append(_ITEM.sub("", line, count=1))
            continue
        current.append(re.sub(r"^\s*>\s?", "", line))
    close()
    return ["\n".join(lines) for lines in found]


def long_paragraphs(path) -> list[tuple[str, int, str]]:
    """(cell id, words, first words) of each paragraph over the limit in a notebook."""
    out = []
    for cell in read(path).cells:
        if cell.cell_type != "markdown":
            continue
        for paragraph in paragraphs(cell.source):
            n = word_count(paragraph)
            if n > LIMIT:
                out.append((cell.get("id", "?"), n, " ".join(visible_text(paragraph).split()[:10])))
    return out


# --------------------------------------------------------------------------- the counter itself


def test_roles_count_as_the_words_the_reader_sees():
    assert word_count("Un {term}`jeton <jeton>` coûte {cite}`rapport2025` peu.") == 4
    assert word_count("Voir [le module 04](04-donnees-et-droits.ipynb#memorisation).") == 4
    assert word_count("L'entraînement du `modele`<!-- note -->.") == 3


def test_items_tables_code_and_options_are_split_or_left_out():
    cell = ("## Titre de section\n\nPremier paragraphe\nsur deux lignes.\n\n- un point\n- deux points\n\n"
            "| a | b |\n|---|---|\n| c | d |\n\n```python\nx = 1\n```\n\n"
            "```{admonition} À retenir\n:class: tip\nLe corps compte.\n```\n")
    assert [word_count(p) for p in paragraphs(cell)] == [5, 2, 2, 3]


def test_a_long_paragraph_is_caught_and_a_list_of_short_items_is_not():
    sentence = "Le théâtre publie sa brochure de saison avec des images générées. "  # 11 words
    assert word_count(sentence) == 11
    assert [word_count(p) for p in paragraphs(sentence * 12)] == [132]
    assert max(word_count(p) for p in paragraphs("\n".join("- " + sentence * 2 for _ in range(6)))) == 22


# --------------------------------------------------------------------------- the modules


@pytest.mark.parametrize("path", MODULES, ids=[p.stem[:2] for p in MODULES])
def test_paragraphs_stay_under_the_limit(path):
    found = long_paragraphs(path)
    assert not found, (
        f"{path.relative_to(ROOT).as_posix()} : {len(found)} paragraphe(s) de plus de {LIMIT} mots ; "
        "coupez-les en paragraphes qui disent chacun une chose, ou en courte liste :\n"
        + "\n".join(f"  cellule {cell} : {n} mots — « {start}… »" for cell, n, start in found)
    )

