"""The table of ``make`` commands, read from the Makefile's own comments.

Each target of ``.PHONY`` is documented by the comment lines just above it (a ``VAR ?=`` line
may sit between); a comment line indented by three spaces (``#   make selection …``) is an
example of use. ``make sync`` writes the table into the README and CONTRIBUTING.md (region
``commandes``), so the Makefile is the one place a command is described.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from atelier_ia.errors import AtelierError

_TARGET = re.compile(r"^([a-z][\w-]*)\s*:(?!=)")
_VARIABLE = re.compile(r"^[A-Z_]+\s*[?:]?=")


@dataclass
class Command:
    target: str
    text: str
    examples: list[str] = field(default_factory=list)


def read_makefile(path: Path) -> list[Command]:
    """The documented targets of ``.PHONY``, in the Makefile's order; a French error names an
    undocumented one."""
    lines = path.read_text(encoding="utf-8").splitlines()
    phony = next((line.split(":", 1)[1].split() for line in lines if line.startswith(".PHONY:")), [])
    found, missing = [], []
    for i, line in enumerate(lines):
        m = _TARGET.match(line)
        if not m or m.group(1) not in phony:
            continue
        j = i - 1
        while j >= 0 and _VARIABLE.match(lines[j]):
            j -= 1
        block = []
        while j >= 0 and lines[j].startswith("#"):
            block.insert(0, lines[j])
            j -= 1
        if not block:
            missing.append(m.group(1))
            continue
        text = " ".join(b[1:].strip() for b in block if not b.startswith("#   "))
        examples = [b[4:].strip() for b in block if b.startswith("#   ") and b[4:].strip().startswith("make ")]
        found.append(Command(m.group(1), text, examples))
    if missing:
        raise AtelierError(f"Makefile : la cible {', '.join(missing)} n'a pas de commentaire juste au-dessus d'elle ; "
                           f"écrivez-y ce qu'elle fait (il alimente le tableau des commandes du README).")
    return found


def table(commands: list[Command]) -> str:
    """A Markdown table: the command, then what it does (with its examples)."""
    rows = ["| Commande | Effet |", "|---|---|"]
    for c in commands:
        text = c.text.replace("|", "\\|")
        if c.examples:
            text += " Exemple" + ("s" if len(c.examples) > 1 else "") + " : " + " ; ".join(f"`{e}`" for e in c.examples) + "."
        rows.append(f"| `make {c.target}` | {text} |")
    return "\n".join(rows) + "\n"
