"""One locked environment: make, CI and Binder install the same exact versions."""

from __future__ import annotations

import re

from atelier_ia.paths import repo_root
from atelier_tools.lock import BINDER, LOCK, pins

ROOT = repo_root()


def _requirement_lines(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip() and not line.lstrip().startswith("#")]


def test_lock_pins_every_requirement_exactly():
    lines = _requirement_lines((ROOT / LOCK).read_text(encoding="utf-8"))
    loose = [line for line in lines if "==" not in line]
    assert lines and not loose, f"versions non verrouillées dans {LOCK} : {loose[:5]}"


def test_binder_installs_the_locked_versions():
    lock = pins((ROOT / LOCK).read_text(encoding="utf-8"))
    binder = pins((ROOT / BINDER).read_text(encoding="utf-8"))
    assert binder, "binder/requirements.txt est vide"
    locked: dict[str, set[str]] = {}
    for (name, _marker), version in lock.items():
        locked.setdefault(name, set()).add(version)
    differ = {name: (v, locked.get(name)) for (name, _m), v in binder.items() if v not in locked.get(name, set())}
    assert not differ, f"Binder et le verrou divergent (lancez « make lock ») : {differ}"
    for needed in ("jupyterlab", "ipywidgets", "numpy", "music21"):
        assert any(name == needed for name, _ in binder), f"{needed} manque dans binder/requirements.txt"


def test_make_and_ci_install_from_the_lock():
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert re.search(r"pip install .*-r \$\(LOCK\)", makefile)
    assert re.search(r"--no-deps .*-e \.", makefile), "le paquet du cours s'installe sans toucher aux versions verrouillées"
    assert "make test" in (ROOT / ".ci" / "run").read_text(encoding="utf-8")
