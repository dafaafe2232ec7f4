"""The contributor's map: one table of commands, read from the Makefile, and every module of src/ named."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from atelier_ia.errors import AtelierError
from atelier_tools import commands, sync

ROOT = Path(__file__).resolve().parents[1]


def test_every_phony_target_is_in_the_table_with_its_comment():
    found = commands.read_makefile(ROOT / "Makefile")
    phony = next(line for line in (ROOT / "Makefile").read_text(encoding="utf-8").splitlines() if line.startswith(".PHONY:"))
    assert {c.target for c in found} == set(phony.split(":", 1)[1].split())
    rows = commands.table(found)
    for c in found:
        assert f"| `make {c.target}` | {c.text.replace('|', chr(92) + '|')}" in rows
    fast = next(c for c in found if c.target == "test-rapide")
    assert "90 secondes" in fast.text and "ni notebook" in fast.text
    selection = next(c for c in found if c.target == "selection")
    assert selection.examples and selection.examples[0].startswith('make selection MODULES="00 02"')


def test_readme_and_contributing_show_the_same_table():
    table = commands.table(commands.read_makefile(ROOT / "Makefile"))
    for name in ("README.md", "CONTRIBUTING.md"):
        text = (ROOT / name).read_text(encoding="utf-8")
        assert sync.region("commandes", table) in text, f"{name} : tableau des commandes périmé (lancez « make sync »)"


def test_an_undocumented_target_is_named_in_french(tmp_path):
    makefile = tmp_path / "Makefile"
    makefile.write_text(".PHONY: a b\n# Fait a.\na:\n\techo a\n\nb:\n\techo b\n", encoding="utf-8")
    with pytest.raises(AtelierError, match="la cible b n'a pas de commentaire"):
        commands.read_makefile(makefile)


def test_contributing_names_every_module_of_src():
    text = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    section = text[text.index("## Où vit le code"):]
    for package in ("atelier_ia", "atelier_tools"):
        base = ROOT / "src" / package
        names = [p.stem for p in base.glob("*.py") if p.stem != "__init__"]
        names += [p.name + "/" for p in base.iterdir() if (p / "__init__.py").is_file()]
        missing = [n for n in names if not re.search(rf"`{re.escape(n)}`", section)]
        assert not missing, f"CONTRIBUTING.md, « Où vit le code » : {package} {missing} manquent"
