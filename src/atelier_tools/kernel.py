"""Install the course's Jupyter kernel into the virtual environment, and JupyterLab in French.

Same as ``python -m ipykernel install --sys-prefix --name python3``, with the kernel's own
log level set to ERROR: ipykernel otherwise prints, once per notebook and during every
book build, a warning about TCP without encryption. The kernel only ever listens on
127.0.0.1 for the local client, so the warning tells a learner nothing they can act on.

It also sets JupyterLab's default interface language to French (the language pack
``jupyterlab-language-pack-fr-FR`` is in the ``lab`` extra) through the environment's
``overrides.json``, read by ``make lab`` and by Binder (``binder/postBuild`` runs this module).
A learner's own choice in « Paramètres › Langue » still wins.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

#: JupyterLab's settings overrides for the whole environment.
OVERRIDES = {"@jupyterlab/translation-extension:plugin": {"locale": "fr_FR"}}


def install_lab_settings(prefix: str | Path = sys.prefix) -> Path:
    """Merge :data:`OVERRIDES` into ``<prefix>/share/jupyter/lab/settings/overrides.json``."""
    path = Path(prefix) / "share" / "jupyter" / "lab" / "settings" / "overrides.json"
    path.parent.mkdir(parents=True, exist_ok=True)
    current = json.loads(path.read_text(encoding="utf-8")) if path.is_file() else {}
    for plugin, values in OVERRIDES.items():
        current.setdefault(plugin, {}).update(values)
    path.write_text(json.dumps(current, indent=1, ensure_ascii=False), encoding="utf-8")
    return path


def main() -> int:
    from ipykernel.kernelspec import install

    path = Path(install(prefix=sys.prefix, kernel_name="python3", display_name="Python 3"))
    spec_file = path / "kernel.json"
    spec = json.loads(spec_file.read_text(encoding="utf-8"))
    if "--log-level=ERROR" not in spec["argv"]:
        spec["argv"].append("--log-level=ERROR")
    spec_file.write_text(json.dumps(spec, indent=1), encoding="utf-8")
    install_lab_settings()
    return 0


if __name__ == "__main__":
    sys.exit(main())
