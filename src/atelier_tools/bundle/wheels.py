"""Platforms and wheels of the offline bundle: the lock's pins for each target platform, downloaded once into a cache."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import sysconfig
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from atelier_ia.errors import AtelierError
from atelier_ia.fmt import NBSP

__all__ = ["PlatformReport", "build_course_wheel", "current_platform", "download_wheels", "marker_environment",
           "pins_for", "platform_label", "supported_pythons", "wheel_cache"]

_PIN = re.compile(r"^([A-Za-z0-9_.\-]+)==([^\s;]+)\s*(?:;\s*(.*))?$")


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
