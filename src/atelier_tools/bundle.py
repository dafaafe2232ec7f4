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
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import sysconfig
import tempfile
import zipfile
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from atelier_ia.errors import AtelierError
from atelier_ia.fmt import NBSP

NAME = "atelier-ia-culture-hors-ligne"
REQUIREMENTS = Path("binder/requirements.txt")
#: Files copied from the repository's root, when present.
LICENCES = ("LICENSE", "LICENSE-CONTENU.md")
#: Folders copied as they are (notebooks and data).
FOLDERS = ("modules", "exercises", "data")
_SKIP_PARTS = {"__pycache__", ".ipynb_checkpoints", ".DS_Store"}
_PIN = re.compile(r"^([A-Za-z0-9_.\-]+)==([^\s;]+)\s*(?:;\s*(.*))?$")
_STORED = {".whl", ".png", ".jpg", ".jpeg", ".gif", ".woff", ".woff2", ".zip", ".gz", ".wav", ".mp3"}


@dataclass
class PlatformReport:
    """What was downloaded for one target platform, and which pins had no wheel for it."""

    tag: str
    label: str
    pins: int = 0
    missing: list[str] = field(default_factory=list)


# --------------------------------------------------------------------------- platforms


def current_platform() -> str:
    """This machine's platform tag, as a wheel names it (``linux_x86_64`` → ``manylinux``)."""
    return sysconfig.get_platform().replace("-", "_").replace(".", "_")


def platform_label(tag: str) -> str:
    """A French name for a wheel platform tag (« Windows 64 bits », « macOS (Apple Silicon) »…)."""
    if tag.startswith("win"):
        return {"win_amd64": "Windows 64 bits (x86-64)", "win_arm64": "Windows ARM 64 bits", "win32": "Windows 32 bits"}.get(tag, f"Windows ({tag})")
    if tag.startswith("macosx"):
        m = re.match(r"macosx_(\d+)_(\d+)_(\w+)$", tag)
        if not m:
            return f"macOS ({tag})"
        major, minor, arch = m.groups()
        cpu = {"arm64": "processeur Apple", "x86_64": "processeur Intel", "universal2": "processeur Apple ou Intel"}.get(arch, arch)
        return f"macOS {major}{'.' + minor if minor != '0' else ''} ou plus récent, {cpu}"
    if "linux" in tag:
        return "Linux, processeur ARM 64 bits" if "aarch64" in tag else "Linux, processeur x86-64" if "x86_64" in tag else f"Linux ({tag})"
    return tag


def marker_environment(tag: str, python_version: str | None = None) -> dict[str, str]:
    """The PEP 508 marker environment of CPython ``python_version`` on the platform ``tag``."""
    from packaging.markers import default_environment

    env = dict(default_environment())
    if python_version:
        env["python_version"] = python_version
        env["python_full_version"] = python_version + ".0" if python_version.count(".") == 1 else python_version
    env["implementation_name"] = "cpython"
    env["platform_python_implementation"] = "CPython"
    if tag.startswith("win"):
        machine = {"win_amd64": "AMD64", "win_arm64": "ARM64", "win32": "x86"}.get(tag)
        env.update(sys_platform="win32", platform_system="Windows", os_name="nt")
    elif tag.startswith("macosx"):
        machine = "x86_64" if tag.endswith("x86_64") else "arm64" if tag.endswith(("arm64", "universal2")) else None
        env.update(sys_platform="darwin", platform_system="Darwin", os_name="posix")
    elif "linux" in tag:
        machine = "x86_64" if "x86_64" in tag else "aarch64" if "aarch64" in tag else None
        env.update(sys_platform="linux", platform_system="Linux", os_name="posix")
    else:
        machine = None
    if machine is None:
        raise AtelierError(
            f"Plateforme inconnue{NBSP}: « {tag} ». Donnez une étiquette de plateforme des paquets Python "
            "(« wheels »), par exemple win_amd64, macosx_14_0_arm64, macosx_13_0_x86_64 ou manylinux2014_x86_64."
        )
    env["platform_machine"] = machine
    return env


def pins_for(text: str, env: dict[str, str]) -> list[str]:
    """``name==version`` for every pin of a requirements text whose marker holds in ``env``."""
    from packaging.markers import Marker

    out = []
    for line in text.splitlines():
        m = _PIN.match(line.strip())
        if m and (not m.group(3) or Marker(m.group(3)).evaluate(env)):
            out.append(f"{m.group(1)}=={m.group(2)}")
    return out


# --------------------------------------------------------------------------- wheels


def _pip(*args: str, quiet: bool = True) -> subprocess.CompletedProcess:
    cmd = [sys.executable, "-m", "pip", *args, "--disable-pip-version-check"] + (["--quiet"] if quiet else [])
    return subprocess.run(cmd, capture_output=True, text=True)


def _have_wheel(dest: Path, pin: str) -> bool:
    """True when ``dest`` already holds a pure-Python wheel of ``pin`` (usable on every platform)."""
    from packaging.utils import canonicalize_name, parse_wheel_filename

    name, version = pin.split("==")
    for whl in dest.glob("*.whl"):
        wname, wversion, _, tags = parse_wheel_filename(whl.name)
        if wname == canonicalize_name(name) and str(wversion) == version and all(t.platform == "any" for t in tags):
            return True
    return False


def wheel_cache() -> Path:
    """Where the wheels already downloaded wait for the next archive (``ATELIER_IA_WHEELS``, by
    default ``~/.cache/atelier-ia/wheels``): a locked version never changes, so it is fetched once."""
    return Path(os.environ.get("ATELIER_IA_WHEELS") or Path.home() / ".cache" / "atelier-ia" / "wheels")


def _wheel_pin(whl: Path) -> str:
    from packaging.utils import parse_wheel_filename

    name, version, _, _ = parse_wheel_filename(whl.name)
    return f"{name}=={version}"


def _canonical(pin: str) -> str:
    from packaging.utils import canonicalize_name
    from packaging.version import Version

    name, version = pin.split("==")
    return f"{canonicalize_name(name)}=={Version(version)}"


def _from_cache(todo: list[str], dest: Path, shelf: Path) -> list[str]:
    """Copy into ``dest`` the cached wheels of ``todo``; return the pins still to download."""
    wanted = {_canonical(p): p for p in todo}
    for whl in sorted(shelf.glob("*.whl")) if shelf.is_dir() else []:
        pin = wanted.pop(_wheel_pin(whl), None)
        if pin is not None:
            shutil.copy2(whl, dest / whl.name)
    return list(wanted.values())


def download_wheels(pins: list[str], dest: Path, platform: str | None = None, python_version: str | None = None,
                    cache: Path | None = None) -> list[str]:
    """Download the wheels of ``pins`` (no dependency resolution: the pins are a full lock)
    into ``dest``, for this machine or for ``platform``; return the pins that have no wheel.
    Wheels found in ``cache`` (one shelf per platform and Python version) are copied instead,
    and the downloaded ones are kept there."""
    missing: list[str] = []
    extra: list[str] = []
    ver = python_version or f"{sys.version_info.major}.{sys.version_info.minor}"
    if platform:
        nodot = ver.replace(".", "")
        extra = ["--platform", platform, "--python-version", ver, "--implementation", "cp", "--abi", f"cp{nodot}"]
    shelf = (cache if cache is not None else wheel_cache()) / f"{platform or current_platform()}-py{ver}"
    todo = _from_cache(list(pins), dest, shelf)
    fetched = {_canonical(p) for p in todo}
    for _ in range(len(pins) + 1):
        if not todo:
            break
        with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False, encoding="utf-8") as fh:
            fh.write("\n".join(todo) + "\n")
            req = fh.name
        try:
            proc = _pip("download", "--no-deps", "--only-binary=:all:", "-d", str(dest), "-r", req, *extra)
        finally:
            os.unlink(req)
        if proc.returncode == 0:
            break
        found = re.search(r"(?:No matching distribution found for|Could not find a version that satisfies the requirement) ([A-Za-z0-9_.\-]+==[^\s)]+)", proc.stderr)
        if not found or found.group(1) not in todo:
            raise AtelierError(
                "Le téléchargement des paquets a échoué (pip download). Vérifiez la connexion à l'index des "
                f"paquets, puis relancez. Fin du message de pip{NBSP}:\n" + proc.stderr[-2000:]
            )
        todo.remove(found.group(1))
        missing.append(found.group(1))
    try:
        shelf.mkdir(parents=True, exist_ok=True)
        for whl in dest.glob("*.whl"):
            if _wheel_pin(whl) in fetched:
                shutil.copy2(whl, shelf / whl.name)
    except OSError:  # a read-only home: the archive is still right, only slower next time
        pass
    # a pure-Python wheel already fetched (or built) for another platform serves this one too
    return [pin for pin in missing if not _have_wheel(dest, pin)]


def build_course_wheel(root: Path, dest: Path) -> Path:
    """Build the course package (``atelier_ia`` and ``atelier_tools``) as a wheel in ``dest``,
    from a copy of the sources so that the repository gets no ``build/`` folder."""
    with tempfile.TemporaryDirectory(prefix="atelier-wheel-") as tmp:
        src = Path(tmp) / "src"
        for name in ("pyproject.toml", "README.md", "LICENSE"):
            if (root / name).is_file():
                shutil.copy2(root / name, Path(tmp) / name)
        shutil.copytree(root / "src", src, ignore=shutil.ignore_patterns("*.egg-info", "__pycache__", "*.pyc"))
        before = set(dest.glob("*.whl"))
        proc = _pip("wheel", "--no-deps", "-w", str(dest), tmp)
        if proc.returncode != 0:
            raise AtelierError("La fabrication du paquet du cours (pip wheel) a échoué" + NBSP + ":\n" + proc.stderr[-2000:])
    new = sorted(set(dest.glob("atelier_ia-*.whl")) - before) or sorted(dest.glob("atelier_ia-*.whl"))
    return new[-1]


def supported_pythons(wheels: list[str]) -> str:
    """The Python versions on which every wheel installs, read from the wheels' tags
    (« CPython 3.11 » when a compiled wheel targets 3.11 only)."""
    from packaging.utils import parse_wheel_filename

    exact: set[str] | None = None  # versions every version-specific wheel accepts
    floor = (3, 0)  # the newest minimum among abi3 wheels
    for name in wheels:
        tags = parse_wheel_filename(name)[3]
        if any(t.interpreter.startswith("py") for t in tags):
            continue
        versions = set()
        for t in tags:
            m = re.match(r"cp(\d)(\d+)$", t.interpreter)
            if m and t.abi == "abi3":
                floor = max(floor, (int(m.group(1)), int(m.group(2))))
            elif m:
                versions.add(f"{m.group(1)}.{m.group(2)}")
        if versions:
            exact = versions if exact is None else exact & versions
    if exact is not None:
        ok = sorted(v for v in exact if tuple(map(int, v.split("."))) >= floor)
        if not ok:
            raise AtelierError("Les paquets téléchargés ne visent aucune version commune de Python : relancez « make bundle ».")
        return " ou ".join(f"CPython {v}" for v in ok)
    return f"CPython {floor[0]}.{floor[1]} ou plus récent"


# --------------------------------------------------------------------------- texts


def _size(n: int) -> str:
    if n >= 1024 * 1024:
        return f"{n / 1024 / 1024:.1f}".replace(".", ",") + f"{NBSP}Mo"
    if n >= 1024:
        return f"{n / 1024:.0f}{NBSP}ko"
    return f"{n}{NBSP}o"


def requirements_text(binder_text: str, course_pin: str) -> str:
    pins = [line for line in binder_text.splitlines() if line.strip() and not line.lstrip().startswith("#")]
    return (
        "# Versions exactes du cours et de JupyterLab (tirées de requirements/lock.txt par « make lock »).\n"
        "# Installation sans connexion : python -m pip install --no-index --find-links wheels -r requirements.txt\n"
        + "\n".join(pins) + f"\n{course_pin}\n"
    )


def lisez_moi(python: str, version: str, reports: list[PlatformReport], n_wheels: int, wheels_size: int) -> str:
    """The one-page French read-me of the bundle (plain text, read in Notepad as well as in a terminal)."""
    s = NBSP
    short = version
    covered = "\n".join(
        f"  - {r.label} ({r.tag})" + (f"{s}: COMPLET" if not r.missing else f"{s}: INCOMPLET, il manque {', '.join(r.missing)}")
        for r in reports
    )
    warn = ""
    if any(r.missing for r in reports):
        warn = ("\nATTENTION" + s + ": sur une plateforme marquée INCOMPLET, l'installation sans connexion échouera ;\n"
                "installez-y les paquets manquants avec une connexion, ou utilisez une autre machine.\n")
    return f"""ATELIER IA & CULTURE — VERSION HORS LIGNE
=========================================

Ce dossier contient tout le cours pour l'utiliser sans connexion à Internet{s}:

  livre/             le livre, à lire dans un navigateur (livre/index.html)
  modules/           les notebooks des modules
  exercises/         les notebooks d'exercices
  data/              les données du cours (inventaire et licences{s}: data/MANIFEST.yml)
  wheels/            {n_wheels} paquets Python ({_size(wheels_size)}), aux versions verrouillées du cours
  requirements.txt   la liste des versions exactes à installer
  MANIFESTE.txt      la liste de tous les fichiers, avec leur taille
  LICENSE, LICENSE-CONTENU.md   les licences

Python nécessaire{s}: {python} (les paquets compilés ne servent qu'à cette version).
Python lui-même n'est pas dans l'archive{s}: installez-le avant la séance (python.org).
Plateformes couvertes par les paquets{s}:
{covered}
Sur un autre système, seul le livre sert hors ligne{s}: préparez une archive pour ce système
avec «\u00a0make bundle PLATEFORMES=…\u00a0» (voir CONTRIBUTING.md dans le dépôt du cours).
{warn}
1. LIRE LE LIVRE, SANS RIEN INSTALLER
   Ouvrez livre/index.html dans votre navigateur (double-clic). Le livre ne charge rien
   depuis Internet{s}: démonstrations et quiz fonctionnent hors ligne.

2. INSTALLER, UNE FOIS, SANS CONNEXION
   Décompressez l'archive, puis ouvrez un terminal dans le dossier décompressé.

   Linux et macOS (Terminal){s}:
       python{short} -m venv .venv
       . .venv/bin/activate
       python -m pip install --no-index --find-links wheels -r requirements.txt
       python -m atelier_tools.kernel

   Windows (PowerShell ; la commande « make » n'est pas nécessaire){s}:
       py -{short} -m venv .venv
       .venv\\Scripts\\Activate.ps1
       python -m pip install --no-index --find-links wheels -r requirements.txt
       python -m atelier_tools.kernel
   Si PowerShell refuse d'exécuter Activate.ps1, tapez d'abord
       Set-ExecutionPolicy -Scope Process -ExecutionPolicy Bypass
   (pour cette fenêtre seulement) ; dans l'Invite de commandes, activez avec
   .venv\\Scripts\\activate.bat

   La dernière commande enregistre le noyau Python du cours et met JupyterLab en français.

3. TRAVAILLER DANS LES NOTEBOOKS
   Dans le dossier, environnement activé (étape 2, deuxième ligne){s}:
       jupyter lab
   JupyterLab s'ouvre dans le navigateur{s}; ouvrez modules/00-prise-en-main.ipynb et
   exécutez les cellules avec Maj+Entrée. Ctrl+C deux fois dans le terminal pour arrêter.
   Gardez le dossier .venv à l'intérieur du dossier décompressé{s}: le cours y retrouve
   ses données.

4. LICENCES
   Textes du cours{s}: CC BY 4.0 (LICENSE-CONTENU.md){s}; code{s}: MIT (LICENSE){s};
   données{s}: licence de chaque fichier dans data/MANIFEST.yml{s}; chaque paquet de
   wheels/ garde sa propre licence, indiquée dans ses métadonnées.
   Si vous redistribuez ce dossier, citez «{s}Atelier IA & culture{s}» et ses licences.
"""


def manifest_text(entries: list[tuple[str, int]]) -> str:
    total = sum(size for _, size in entries)
    lines = [f"Contenu de l'archive {NAME}.zip{NBSP}: {len(entries)} fichiers, {_size(total)} en tout (avant compression).",
             "Taille en octets, puis chemin.", ""]
    lines += [f"{size:>12}  {path}" for path, size in sorted(entries)]
    return "\n".join(lines) + "\n"


def _crlf(text: str) -> bytes:
    """UTF-8 with a byte-order mark and Windows line ends, so that Notepad shows it right."""
    return ("\ufeff" + text.replace("\r\n", "\n").replace("\n", "\r\n")).encode("utf-8")


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
        members.append(("LISEZ-MOI.txt", _crlf(lisez_moi(python, version, reports, len(wheel_names), wheels_size))))
        sizes = [(path, data.stat().st_size if isinstance(data, Path) else len(data)) for path, data in members]
        manifest = manifest_text(sizes + [("MANIFESTE.txt", 0)])
        members.append(("MANIFESTE.txt", _crlf(manifest)))

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
    log(f"Archive hors ligne{NBSP}: {out} ({_size(out.stat().st_size)}), {len(wheel_names)} paquets, {python}.")
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


if __name__ == "__main__":
    sys.exit(main())
