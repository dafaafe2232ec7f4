"""The locked environment: one file of exact versions for make, CI and Binder.

``python -m atelier_tools.lock`` (``make lock``) resolves ``pyproject.toml`` with uv into
``requirements/lock.txt`` (exact versions, for every platform and Python ≥ 3.11, with
markers), keeping the versions already locked when they still fit; ``--upgrade``
(``make upgrade``) takes the newest allowed. It then writes ``binder/requirements.txt``, the
subset Binder needs (the course and JupyterLab), resolved *under the lock as constraints*, so
that every version Binder installs is the locked one. A test fails when the two disagree.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

LOCK = Path("requirements/lock.txt")
BINDER = Path("binder/requirements.txt")
_PIN = re.compile(r"^([A-Za-z0-9_.\-]+)==([^\s;]+)\s*(?:;\s*(.*))?$")

BINDER_HEADER = (
    "# Binder (repo2docker) et JupyterHub : produit par « make lock » depuis requirements/lock.txt,\n"
    "# ne pas modifier à la main. Le paquet du cours est installé par binder/postBuild.\n"
)


def pins(text: str) -> dict[tuple[str, str], str]:
    """(normalised name, marker) → version, for every ``name==version`` line of a requirements file."""
    out = {}
    for line in text.splitlines():
        m = _PIN.match(line.strip())
        if m:
            name = re.sub(r"[-_.]+", "-", m.group(1)).lower()
            out[(name, (m.group(3) or "").strip())] = m.group(2)
    return out


def _uv() -> list[str]:
    return [str(Path(sys.executable).with_name("uv"))]


def compile_lock(root: Path, upgrade: bool = False) -> None:
    common = ["pip", "compile", "--universal", "--python-version", "3.11", "--no-header", "--quiet"]
    cmd = _uv() + common + ["pyproject.toml", "--extra", "dev", "-o", str(LOCK)]
    if upgrade:
        cmd.append("--upgrade")
    subprocess.run(cmd, cwd=root, check=True)
    out = subprocess.run(
        _uv() + common + ["pyproject.toml", "--extra", "lab", "--constraint", str(LOCK), "--no-annotate"],
        cwd=root, check=True, capture_output=True, text=True,
    ).stdout
    (root / BINDER).write_text(BINDER_HEADER + out, encoding="utf-8")


def main(argv=None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    from atelier_ia.paths import repo_root

    compile_lock(repo_root(), upgrade="--upgrade" in argv)
    print(f"écrits : {LOCK} et {BINDER}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
