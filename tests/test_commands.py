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
        for sub in (p for p in base.iterdir() if (p / "__init__.py").is_file()):  # and each module of a package
            inner = [p.stem for p in sub.glob("*.py")
                     if p.stem not in ("__init__", "__main__") and not p.stem.startswith("_") and not re.fullmatch(r"m\d\d", p.stem)]
            missing = [n for n in inner if not re.search(rf"`{re.escape(n)}`", section)]
            assert not missing, f"CONTRIBUTING.md, « Où vit le code » : {package}.{sub.name} {missing} manquent"


#: The longest a module of src/ may be: past it, a module mixes jobs and a newcomer cannot find
#: their way in it; split it by concept (as optout/, live/, aiact/, law/, watermark/, metiers/).
MAX_LINES = 450

#: Modules still over the limit, each with the length it may not exceed (it may only shrink) and
#: why it is not split yet. Remove an entry when its module is split.
TOO_LONG_FOR_NOW: dict[str, tuple[int, str]] = {
    "src/atelier_tools/activities.py": (536, "its CSS and JavaScript are moving to static/ (issue 25, point 4): split after"),
}


def _lines(path: Path) -> int:
    return len(path.read_text(encoding="utf-8").splitlines())


def test_no_module_of_src_is_longer_than_the_limit():
    too_long = {}
    for path in sorted((ROOT / "src").rglob("*.py")):
        name = path.relative_to(ROOT).as_posix()
        limit = TOO_LONG_FOR_NOW.get(name, (MAX_LINES, ""))[0]
        if _lines(path) > limit:
            too_long[name] = _lines(path)
    assert not too_long, (f"modules de plus de {MAX_LINES} lignes (ou plus longs que leur limite provisoire) : "
                          f"{too_long} ; découpez-les par sujet, comme atelier_ia/optout/")


def test_the_list_of_modules_too_long_for_now_is_current():
    for name, (limit, why) in TOO_LONG_FOR_NOW.items():
        path = ROOT / name
        assert why.strip(), name
        assert path.is_file(), f"{name} n'existe plus : retirez-le de TOO_LONG_FOR_NOW"
        assert _lines(path) > MAX_LINES, f"{name} a {_lines(path)} lignes : retirez-le de TOO_LONG_FOR_NOW"
