"""The offline bundle: one zip archive a trainer carries to a venue without Wi-Fi.

``python -m atelier_tools.bundle`` (``make bundle``) packs, under one top folder:

* ``livre/``: the built HTML book (``make book`` first), readable offline;
* ``modules/``, ``exercises/``, ``data/``: the notebooks and their data;
* ``wheels/``: every wheel needed to install the course and JupyterLab at the locked
  versions (``binder/requirements.txt``: the runtime + lab subset resolved under
  ``requirements/lock.txt``), plus the course package itself, built as a wheel;
* ``requirements.txt``: those pins, with their markers, and the course package;
* ``LISEZ-MOI.txt``: one page in French, install steps for Linux, macOS and Windows;
* ``MANIFESTE.txt``: every file of the archive with its size (also written next to it);
* the licences.

By default the wheels are those of this machine's platform and Python version. Passing
``--plateformes "win_amd64 macosx_14_0_arm64"`` adds the wheels of other platforms (same
Python version): the markers of the lock are evaluated for each target platform here,
because pip evaluates them for the running interpreter, and every missing wheel is reported.

One module per concept: :mod:`.wheels` (platforms and wheels), :mod:`.texts` (read-me,
requirements, manifest) and this one, the archive itself.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import zipfile
from pathlib import Path, PurePosixPath

from atelier_ia.errors import AtelierError
from atelier_ia.fmt import NBSP

from .texts import LICENCES, NAME, crlf, lisez_moi, manifest_text, requirements_text, size_text
from .wheels import (
    PlatformReport,
    build_course_wheel,
    current_platform,
    download_wheels,
    marker_environment,
    pins_for,
    platform_label,
    supported_pythons,
    wheel_cache,
)

__all__ = ["FOLDERS", "LICENCES", "NAME", "REQUIREMENTS", "PlatformReport", "build_bundle", "build_course_wheel",
           "current_platform", "download_wheels", "lisez_moi", "main", "manifest_text", "marker_environment", "pins_for",
           "platform_label", "requirements_text", "supported_pythons", "wheel_cache"]

REQUIREMENTS = Path("binder/requirements.txt")
#: Folders copied as they are (notebooks and data).
FOLDERS = ("modules", "exercises", "data")
_SKIP_PARTS = {"__pycache__", ".ipynb_checkpoints", ".DS_Store"}
_STORED = {".whl", ".png", ".jpg", ".jpeg", ".gif", ".woff", ".woff2", ".zip", ".gz", ".wav", ".mp3"}



# --------------------------------------------------------------------------- bundle


def _files(folder: Path):
    for path in sorted(folder.rglob("*")):
        if path.is_file() and not (_SKIP_PARTS & set(path.relative_to(folder).parts)):
            yield path


def build_bundle(root: Path, html: Path | None = None, out: Path | None = None, platforms: list[str] | tuple = (),
                 log=print) -> Path:
    """Write the offline archive; return its path. ``html`` is the built book (default
    ``_build/html``), ``out`` the archive (default ``_build/atelier-ia-culture-hors-ligne.zip``)."""
    root = Path(root).resolve()
    html = Path(html) if html else root / "_build" / "html"
    out = Path(out) if out else root / "_build" / f"{NAME}.zip"
    if not (html / "index.html").is_file():
        raise AtelierError(
            f"Le livre n'est pas construit{NBSP}: {html / 'index.html'} est introuvable. "
            "Lancez d'abord «\u00a0make book\u00a0» (ou simplement «\u00a0make bundle\u00a0», qui le construit)."
        )
    req_path = root / REQUIREMENTS
    if not req_path.is_file():
        raise AtelierError(f"{REQUIREMENTS} est introuvable{NBSP}: lancez «\u00a0make lock\u00a0» pour le produire.")
    binder_text = req_path.read_text(encoding="utf-8")
    version = f"{sys.version_info.major}.{sys.version_info.minor}"
    here = current_platform()
    targets = [here] + [p for p in platforms if p and p != here]
    for tag in targets:
        marker_environment(tag)  # an unknown platform stops here, before any download

    with tempfile.TemporaryDirectory(prefix="atelier-bundle-") as tmp:
        wheels = Path(tmp) / "wheels"
        wheels.mkdir()
        log("fabrication du paquet du cours…")
        course = build_course_wheel(root, wheels)
        from packaging.markers import default_environment
        from packaging.utils import parse_wheel_filename

        cname, cversion, _, _ = parse_wheel_filename(course.name)
        reports = []
        for tag in targets:
            env = dict(default_environment()) if tag == here else marker_environment(tag, version)
            pins = pins_for(binder_text, env)
            log(f"paquets pour {platform_label(tag)} ({tag}){NBSP}: {len(pins)} versions verrouillées…")
            missing = download_wheels(pins, wheels, None if tag == here else tag, version)
            reports.append(PlatformReport(tag, platform_label(tag), len(pins), missing))
            if missing:
                log(f"ATTENTION{NBSP}: aucun paquet «{NBSP}wheel{NBSP}» pour {tag} (Python {version}) ne correspond à{NBSP}: "
                    + ", ".join(missing) + ". L'installation hors ligne échouera sur cette plateforme.")
        wheel_names = sorted(p.name for p in wheels.glob("*.whl"))
        wheels_size = sum(p.stat().st_size for p in wheels.glob("*.whl"))
        python = supported_pythons(wheel_names)

        members: list[tuple[str, Path | bytes]] = []
        members += [(f"livre/{p.relative_to(html).as_posix()}", p) for p in _files(html) if ".doctrees" not in p.parts]
        for folder in FOLDERS:
            members += [(p.relative_to(root).as_posix(), p) for p in _files(root / folder)]
        members += [(f"wheels/{name}", wheels / name) for name in wheel_names]
        members += [(name, root / name) for name in LICENCES if (root / name).is_file()]
        members.append(("requirements.txt", requirements_text(binder_text, f"{cname}=={cversion}").encode("utf-8")))
        members.append(("LISEZ-MOI.txt", crlf(lisez_moi(python, version, reports, len(wheel_names), wheels_size))))
        sizes = [(path, data.stat().st_size if isinstance(data, Path) else len(data)) for path, data in members]
        manifest = manifest_text(sizes + [("MANIFESTE.txt", 0)])
        members.append(("MANIFESTE.txt", crlf(manifest)))

        out.parent.mkdir(parents=True, exist_ok=True)
        partial = out.with_suffix(".zip.partiel")
        log(f"écriture de {out.name}…")
        with zipfile.ZipFile(partial, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=6) as zf:
            for path, data in members:
                arc = str(PurePosixPath(NAME) / path)
                stored = PurePosixPath(path).suffix.lower() in _STORED
                kind = zipfile.ZIP_STORED if stored else zipfile.ZIP_DEFLATED
                if isinstance(data, Path):
                    zf.write(data, arc, compress_type=kind)
                else:
                    zf.writestr(arc, data, compress_type=kind)
        partial.replace(out)
        out.with_name(f"{NAME}.manifeste.txt").write_text(manifest, encoding="utf-8")
    log(f"Archive hors ligne{NBSP}: {out} ({size_text(out.stat().st_size)}), {len(wheel_names)} paquets, {python}.")
    log(f"Liste des fichiers{NBSP}: {out.with_name(f'{NAME}.manifeste.txt')}")
    if any(r.missing for r in reports):
        log("Plateformes incomplètes{NBSP}: voir les lignes ATTENTION ci-dessus et le fichier LISEZ-MOI.txt.".replace("{NBSP}", NBSP))
    return out


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="python -m atelier_tools.bundle",
                                     description="Archive hors ligne du cours (livre, notebooks, données, paquets).")
    parser.add_argument("--livre", type=Path, default=None, help="dossier du livre construit (défaut : _build/html)")
    parser.add_argument("--sortie", type=Path, default=None, help=f"archive à écrire (défaut : _build/{NAME}.zip)")
    parser.add_argument("--plateformes", default="", help="autres plateformes, par exemple \"win_amd64 macosx_14_0_arm64 macosx_13_0_x86_64\"")
    args = parser.parse_args(argv)
    from atelier_ia.paths import repo_root

    try:
        build_bundle(repo_root(), args.livre, args.sortie, args.plateformes.split())
    except AtelierError as exc:
        print(f"Erreur{NBSP}: {exc}", file=sys.stderr)
        return 1
    return 0
