"""French typography of the texts a learner reads: find and fix the usual faults.

Rules (see the course's style guide):
- a non-breaking space (U+00A0 or U+202F) before « ; : ! ? » and inside « guillemets » ;
- one apostrophe style in course text: the straight apostrophe ' (never U+2019).

A mark glued to the word before it is left alone: it is how an English title is written
(« BLOOM: A 176B-Parameter… »). Code is not text: inline `code`, fenced blocks, URLs and link targets, MyST roles
({cite}`key`), directive fences and options (``:label:``), HTML tags and comments, and
maths between $ signs are left alone. A colon between digits (9:30) or a « ! » that opens
a Markdown image is not punctuation either.

Run as a script to fix files in place (for the merge of files this branch does not own):

    python tests/typography.py exercises/02-fonctionnement-ia-generative.ipynb intro.md
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

from atelier_ia.fmt import NBSP, NNBSP

NON_BREAKING = NBSP + NNBSP
CURLY_APOSTROPHE = "\u2019"

# Spans that are not prose. Order matters: fenced blocks before inline code.
_PROTECTED = re.compile(
    r"^[ \t]*(`{3,}|~{3,})(?!\{)[^\n]*\n.*?^[ \t]*\1[ \t]*$"  # fenced code block
    r"|^[ \t]*(`{3,}|~{3,})\{code[\w-]*\}.*?^[ \t]*\2[ \t]*$"  # MyST code directive
    r"|^[ \t]*(?:`{3,}|~{3,}|:{3,})"  # directive fence: its title and body are prose
    r"|^[ \t]*:[A-Za-z][\w-]*:.*?$"  # directive option, e.g. :label: or :class:
    r"|`[^`\n]*`"  # inline code and the target of a MyST role
    r"|\{[a-z][\w:-]*\}"  # the role name itself, {cite}
    r"|<!--.*?-->"  # HTML comment
    r"|<[^<>\n]+>"  # HTML tag
    r"|\]\([^)\s]*\)"  # Markdown link target
    r"|(?:https?|ftp|mailto):[^\s<>)\]»]+"  # bare URL
    r"|\$[^$\n]+\$",  # inline maths
    re.S | re.M,
)

_HIGH = ";:!?"
# A high punctuation mark ends a word or a sentence when followed by one of these.
_AFTER_OK = set(" \t\n" + NON_BREAKING + "*_)]»\"'.,…") | {""}


def _prose_spans(text: str):
    """Yield (start, end) of the parts of `text` that are prose."""
    pos = 0
    for m in _PROTECTED.finditer(text):
        if m.start() > pos:
            yield pos, m.start()
        pos = m.end()
    if pos < len(text):
        yield pos, len(text)


def _faults_in_prose(prose: str) -> list[tuple[int, str]]:
    """(offset, description) of every fault in a piece of prose."""
    faults = []
    for i, ch in enumerate(prose):
        before = prose[i - 1] if i > 0 else ""
        after = prose[i + 1] if i + 1 < len(prose) else ""
        if ch in _HIGH:
            if after not in _AFTER_OK:
                continue  # 9:30, a URL remnant, ![image], ::
            if before not in " \t":
                continue  # attached (an English title, « BLOOM: A… ») or already non-breaking
            faults.append((i, f"espace insécable attendue avant « {ch} »"))
        elif ch == "«":
            if after not in NON_BREAKING and after != "\n":
                faults.append((i, "espace insécable attendue après « « »"))
        elif ch == "»":
            if before not in NON_BREAKING and before != "\n":
                faults.append((i, "espace insécable attendue avant « » »"))
        elif ch == CURLY_APOSTROPHE:
            faults.append((i, "apostrophe courbe ’ : le cours emploie l'apostrophe droite '"))
    return faults


def find_faults(text: str) -> list[str]:
    """Describe each typography fault of a Markdown text, with its surroundings."""
    found = []
    for start, end in _prose_spans(text):
        for offset, what in _faults_in_prose(text[start:end]):
            at = start + offset
            excerpt = text[max(0, at - 20) : at + 12].replace("\n", " ")
            found.append(f"{what} : «…{excerpt}…»")
    return found


def _fix_prose(prose: str) -> str:
    out = []
    for i, ch in enumerate(prose):
        before = prose[i - 1] if i > 0 else ""
        after = prose[i + 1] if i + 1 < len(prose) else ""
        if ch in _HIGH and after in _AFTER_OK and before in (" ", "\t") and out and out[-1] in " \t":
            out[-1] = NBSP
            out.append(ch)
        elif ch == "«" and after not in NON_BREAKING and after != "\n":
            out.append(ch)
            if after in " \t":
                out.append("\0")  # marks the space to replace
            else:
                out.append(NBSP)
        elif ch == "»" and before not in NON_BREAKING and before != "\n":
            if out and out[-1] in " \t":
                out[-1] = NBSP
            else:
                out.append(NBSP)
            out.append(ch)
        elif ch == CURLY_APOSTROPHE:
            out.append("'")
        else:
            out.append(ch)
    return re.sub("\0[ \t]", NBSP, "".join(out))


def fix_text(text: str) -> str:
    """The same Markdown text with its typography faults corrected; code left untouched."""
    pieces, pos = [], 0
    for start, end in _prose_spans(text):
        pieces.append(text[pos:start])
        pieces.append(_fix_prose(text[start:end]))
        pos = end
    pieces.append(text[pos:])
    return "".join(pieces)


# --- files -------------------------------------------------------------------------

_YAML_KEY = re.compile(r"^(\s*(?:-\s+)?[A-Za-z_][\w-]*:[ \t]*)(.*)$")


def fix_yaml_source(source: str) -> str:
    """Fix the string values of a YAML file, line by line, never the keys."""
    lines = []
    for line in source.splitlines(keepends=True):
        m = _YAML_KEY.match(line)
        if m:
            lines.append(m.group(1) + fix_text(m.group(2)) + line[m.end(2):])
        else:
            lines.append(fix_text(line))
    return "".join(lines)


def yaml_strings(data, keys=("question", "texte", "retour", "explication", "source",
                             "idee", "correction", "note", "projeter", "discussion")):
    """Every string a reader sees in a parsed quiz or notes file."""
    if isinstance(data, dict):
        for key, value in data.items():
            if isinstance(value, str) and key in keys:
                yield value
            elif not isinstance(value, str):
                yield from yaml_strings(value, keys)
    elif isinstance(data, list):
        for value in data:
            if isinstance(value, str):
                yield value
            else:
                yield from yaml_strings(value, keys)


def fix_file(path: Path) -> bool:
    """Fix one notebook (Markdown cells), YAML or Markdown file in place; True if changed."""
    path = Path(path)
    if path.suffix == ".ipynb":
        import nbformat

        nb = nbformat.read(path, as_version=4)
        changed = False
        for cell in nb.cells:
            if cell.cell_type == "markdown":
                fixed = fix_text(cell.source)
                if fixed != cell.source:
                    cell.source, changed = fixed, True
        if changed:
            nbformat.write(nb, path)
        return changed
    text = path.read_text(encoding="utf-8")
    if path.suffix in (".yml", ".yaml"):
        import yaml

        fixed = fix_yaml_source(text)
        if yaml.safe_load(fixed) is None and text.strip():
            raise ValueError(f"{path} : la correction a rendu le YAML vide")
    else:
        fixed = fix_text(text)
    if fixed != text:
        path.write_text(fixed, encoding="utf-8")
        return True
    return False


if __name__ == "__main__":
    for name in sys.argv[1:]:
        print(("corrigé : " if fix_file(Path(name)) else "inchangé : ") + name)
