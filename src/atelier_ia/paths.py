"""Where the course's files are.

The course runs from a clone of its repository (book build, tests, JupyterLab, Binder);
the data directory is found from the environment variable ``ATELIER_IA_DATA``, else from
the repository that holds this package, else by walking up from the current directory.
"""

from __future__ import annotations

import os
from pathlib import Path, PurePosixPath

from .errors import AtelierError, describe

__all__ = ["data_dir", "data_file", "repo_root"]

_MARKER = "MANIFEST.yml"


def _candidates():
    env = os.environ.get("ATELIER_IA_DATA")
    if env:
        yield Path(env)
    here = Path(__file__).resolve()
    for parent in here.parents:
        yield parent / "data"
    cwd = Path.cwd().resolve()
    for parent in [cwd, *cwd.parents]:
        yield parent / "data"


def data_dir() -> Path:
    """Return the course's ``data/`` directory (the one holding ``MANIFEST.yml``)."""
    for candidate in _candidates():
        if (candidate / _MARKER).is_file():
            return candidate
    raise AtelierError(
        "Le dossier data/ du cours est introuvable. Ouvrez le notebook depuis un clone du "
        "dépôt (il contient data/MANIFEST.yml) ou indiquez son chemin dans la variable "
        "d'environnement ATELIER_IA_DATA."
    )


def repo_root() -> Path:
    """Return the root of the course repository (the parent of ``data/``)."""
    return data_dir().parent


def data_file(name: str) -> Path:
    """Return the path of a file under ``data/``, checking that it exists.

    ``name`` is a relative path with forward slashes, e.g. ``"textes/prise-en-main.txt"``.
    """
    if not isinstance(name, str) or not name.strip():
        raise AtelierError(
            f"Le nom de fichier doit être un texte non vide, par exemple "
            f"\"textes/prise-en-main.txt\" ; vous avez donné {describe(name)}."
        )
    rel = PurePosixPath(name.strip())
    if rel.is_absolute() or ".." in rel.parts:
        raise AtelierError(
            f"« {name} » doit être un chemin relatif à l'intérieur de data/, sans « .. » : "
            "par exemple \"quiz/00-prise-en-main.yml\"."
        )
    path = data_dir().joinpath(*rel.parts)
    if not path.is_file():
        raise AtelierError(
            f"Le fichier data/{rel} n'existe pas. Vérifiez l'orthographe du nom ; "
            "la liste des fichiers disponibles est dans data/MANIFEST.yml."
        )
    return path
