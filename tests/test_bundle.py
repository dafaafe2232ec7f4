"""The offline bundle (``make bundle``): one zip that installs and runs with no network.

The slow test builds the archive from the built book, unzips it, installs it into a fresh
virtual environment with pip forbidden to reach any index, and executes module 00 there with
that environment's own kernel. The quick tests check the pieces that decide what goes in.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest
from conftest import AFTER_COLLECTION, background, book_html, collected, run

from atelier_ia.errors import AtelierError
from atelier_tools import bundle

ROOT = Path(__file__).resolve().parents[1]
NB = "modules/00-prise-en-main.ipynb"


def offline_env(tmp: Path, environ: dict | None = None) -> dict[str, str]:
    """The environment of the install and the kernel: no package index, no pip configuration
    of this machine, an unreachable proxy for anything that would try the network anyway, and
    nothing that points at the repository's sources or data (``environ``: the environment it
    starts from, by default this process's)."""
    env = {k: v for k, v in (os.environ if environ is None else environ).items()
           if not k.startswith(("PIP_", "JUPYTER", "PYTHON", "ATELIER_IA", "VIRTUAL_ENV"))
           and k.lower() not in ("http_proxy", "https_proxy", "all_proxy", "no_proxy")}
    dead = "http://127.0.0.1:9"  # the discard port: nothing answers there
    env.update(PIP_NO_INDEX="1", PIP_CONFIG_FILE=os.devnull, PIP_DISABLE_PIP_VERSION_CHECK="1",
               http_proxy=dead, https_proxy=dead, HTTP_PROXY=dead, HTTPS_PROXY=dead, all_proxy=dead,
               HOME=str(tmp / "home"), JUPYTER_PLATFORM_DIRS="1", JUPYTER_CONFIG_DIR=str(tmp / "home" / "jupyter-config"),
               JUPYTER_DATA_DIR=str(tmp / "home" / "jupyter-data"), JUPYTER_RUNTIME_DIR=str(tmp / "home" / "jupyter-runtime"),
               MPLBACKEND="Agg")
    (tmp / "home").mkdir(exist_ok=True)
    return env


def _run(cmd, cwd, env, timeout):
    proc = run([str(c) for c in cmd], timeout=timeout, cwd=cwd, env=env)
    assert proc.returncode == 0, f"{' '.join(map(str, cmd))} a échoué :\n{proc.stdout[-3000:]}\n{proc.stderr[-3000:]}"
    return proc


def _build_install_and_run(tmp: Path, environ: dict):
    """``make bundle``, then what the LISEZ-MOI tells a user to do, all in subprocesses: unzip,
    a fresh venv, pip with no index, module 00 executed by that environment's own kernel. Run in
    the background by conftest once the book is built; the test reads the results. A failed step
    raises the AssertionError of ``_run``, which the test receives."""
    times = {}
    t = time.monotonic()
    archive = tmp / "hors-ligne.zip"
    _run([sys.executable, "-m", "atelier_tools.bundle", "--livre", book_html(), "--sortie", archive], ROOT, environ, 1800)
    times["archive (paquet du cours, téléchargement des wheels, zip)"] = time.monotonic() - t

    t = time.monotonic()
    with zipfile.ZipFile(archive) as zf:
        infos = {i.filename: i.file_size for i in zf.infolist()}
        zf.extractall(tmp / "x")
    base = tmp / "x" / bundle.NAME
    times["décompression"] = time.monotonic() - t

    env = offline_env(tmp, environ)
    venv = base / ".venv"
    py = venv / ("Scripts/python.exe" if os.name == "nt" else "bin/python")
    t = time.monotonic()
    _run([sys.executable, "-m", "venv", venv], base, env, 300)
    # the LISEZ-MOI's command; --no-compile only skips writing .pyc files, a third of the time here
    _run([py, "-m", "pip", "install", "--no-index", "--find-links", "wheels", "-r", "requirements.txt", "--no-compile"],
         base, env, 900)
    _run([py, "-m", "atelier_tools.kernel"], base, env, 120)
    times["environnement neuf et installation sans index"] = time.monotonic() - t

    # the kernel JupyterLab and nbconvert will start
    spec = _run([py, "-c", "import json; from jupyter_client.kernelspec import KernelSpecManager as K; "
                 "print(json.dumps(K().get_kernel_spec('python3').argv))"], base, env, 120)
    # the course package the environment imports
    where = _run([py, "-c", "import atelier_ia, atelier_ia.paths as p; print(atelier_ia.__file__); print(p.data_dir())"], base, env, 60)

    t = time.monotonic()
    jupyter = venv / ("Scripts/jupyter.exe" if os.name == "nt" else "bin/jupyter")
    _run([jupyter, "nbconvert", "--to", "notebook", "--execute", "--ExecutePreprocessor.kernel_name=python3",
          "--ExecutePreprocessor.timeout=120", "--output-dir", tmp / "out", NB], base, env, 600)
    times["exécution du module 00"] = time.monotonic() - t
    return infos, base, venv, spec, where, tmp / "out" / Path(NB).name, times


def _job(tmp_path_factory, environ: dict | None = None):
    return background("archive hors ligne", _build_install_and_run, tmp_path_factory.mktemp("hors-ligne"),
                      dict(os.environ if environ is None else environ), after_book=True)


def _queue_bundle(session):
    if collected(session, "test_bundle_installs_without_network_and_runs_module_00"):
        _job(session.config._tmp_path_factory)


# queued before the other jobs that read the book: its steps (archive, fresh environment, install,
# module 00) run one after another on one core, and queued last they ran alone at the end of the run
AFTER_COLLECTION.insert(0, _queue_bundle)


@pytest.mark.book
@pytest.mark.bundle
@pytest.mark.waits
def test_bundle_installs_without_network_and_runs_module_00(built_book, tmp_path_factory):
    infos, base, venv, spec, where, executed_path, times = _job(tmp_path_factory).result()
    assert all(name.startswith(bundle.NAME + "/") for name in infos), "tout doit être rangé sous un seul dossier"
    for needed in ("livre/index.html", NB, "data/MANIFEST.yml", "requirements.txt", "LISEZ-MOI.txt",
                   "MANIFESTE.txt", "LICENSE", "LICENSE-CONTENU.md"):
        assert (base / needed).is_file(), f"{needed} manque dans l'archive"
    assert not list(base.glob("livre/.doctrees")), "les fichiers internes de Sphinx n'ont rien à faire dans l'archive"
    # the manifest lists every file of the archive with its size
    manifest = (base / "MANIFESTE.txt").read_text(encoding="utf-8-sig")
    listed = {}
    for line in manifest.splitlines()[3:]:
        size, path = line.split(maxsplit=1)
        listed[path] = int(size)
    actual = {name[len(bundle.NAME) + 1:]: size for name, size in infos.items()}
    actual.pop("MANIFESTE.txt")
    listed.pop("MANIFESTE.txt")
    assert listed == actual
    # the read-me states the Python version the wheels were downloaded for
    readme = (base / "LISEZ-MOI.txt").read_text(encoding="utf-8-sig")
    version = f"{sys.version_info.major}.{sys.version_info.minor}"
    assert f"CPython {version}" in readme and f"py -{version} -m venv" in readme
    assert "--no-index --find-links wheels -r requirements.txt" in readme

    # the kernel JupyterLab and nbconvert will start is this environment's Python
    argv0 = Path(json.loads(spec.stdout)[0])
    assert argv0.parent.parent == venv, f"le noyau python3 lance {argv0}, pas le Python de l'environnement neuf"
    # the course package is the installed wheel, not the repository's sources
    module_file, data = where.stdout.split("\n")[:2]
    assert Path(module_file).is_relative_to(venv) and Path(data) == base / "data"

    executed = json.loads(executed_path.read_text(encoding="utf-8"))
    code = [c for c in executed["cells"] if c["cell_type"] == "code"]
    assert code and all(c["execution_count"] for c in code), "toutes les cellules de code doivent avoir été exécutées"
    assert not [o for c in code for o in c["outputs"] if o["output_type"] == "error"]
    print("\n" + "\n".join(f"{name} : {secs:.0f} s" for name, secs in times.items()))


def test_marker_environment_per_platform_picks_the_platform_only_pins():
    text = "colorama==0.4.6 ; sys_platform == 'win32'\nappnope==1.0.0 ; sys_platform == 'darwin'\nnumpy==2.0.0\n"
    assert bundle.pins_for(text, bundle.marker_environment("win_amd64", "3.11")) == ["colorama==0.4.6", "numpy==2.0.0"]
    assert bundle.pins_for(text, bundle.marker_environment("macosx_11_0_arm64", "3.11")) == ["appnope==1.0.0", "numpy==2.0.0"]
    assert bundle.pins_for(text, bundle.marker_environment("manylinux2014_x86_64", "3.11")) == ["numpy==2.0.0"]
    assert bundle.marker_environment("macosx_10_9_x86_64")["platform_machine"] == "x86_64"
    with pytest.raises(AtelierError, match="Plateforme inconnue"):
        bundle.marker_environment("amiga_68k")


def test_supported_python_is_read_from_the_wheel_tags():
    wheels = ["numpy-2.4.6-cp311-cp311-manylinux_2_27_x86_64.whl", "psutil-7.2.2-cp36-abi3-manylinux2010_x86_64.whl",
              "anyio-4.16.0-py3-none-any.whl"]
    assert bundle.supported_pythons(wheels) == "CPython 3.11"
    assert bundle.supported_pythons(wheels[1:]) == "CPython 3.6 ou plus récent"


def test_bundle_without_a_built_book_says_to_run_make_book(tmp_path):
    with pytest.raises(AtelierError, match="make book"):
        bundle.build_bundle(ROOT, tmp_path / "pas-de-livre", tmp_path / "x.zip", log=lambda *a: None)


def test_a_pin_without_wheel_for_a_platform_is_reported_and_the_others_still_come(monkeypatch, tmp_path):
    calls = []

    def fake_pip(*args, quiet=True):
        todo = Path(args[args.index("-r") + 1]).read_text(encoding="utf-8").split()
        calls.append(todo)
        if "scipy==1.17.1" in todo:
            return subprocess.CompletedProcess(args, 1, "", "ERROR: No matching distribution found for scipy==1.17.1\n")
        return subprocess.CompletedProcess(args, 0, "", "")

    monkeypatch.setattr(bundle.wheels, "_pip", fake_pip)
    missing = bundle.download_wheels(["numpy==2.0.0", "scipy==1.17.1", "six==1.17.0"], tmp_path, "macosx_13_0_x86_64", "3.11",
                                     cache=tmp_path / "cache")
    assert missing == ["scipy==1.17.1"]
    assert calls[-1] == ["numpy==2.0.0", "six==1.17.0"]
    report = bundle.PlatformReport("macosx_13_0_x86_64", bundle.platform_label("macosx_13_0_x86_64"), 3, missing)
    readme = bundle.lisez_moi("CPython 3.11", "3.11", [report], 2, 1000)
    assert "INCOMPLET, il manque scipy==1.17.1" in readme and "processeur Intel" in readme


def test_a_cached_wheel_is_not_downloaded_again_and_a_downloaded_one_is_kept(monkeypatch, tmp_path):
    cache, dest = tmp_path / "cache", tmp_path / "wheels"
    shelf = cache / "macosx_13_0_x86_64-py3.11"
    shelf.mkdir(parents=True)
    dest.mkdir()
    (shelf / "six-1.17.0-py2.py3-none-any.whl").write_bytes(b"six")
    calls = []

    def fake_pip(*args, quiet=True):
        todo = Path(args[args.index("-r") + 1]).read_text(encoding="utf-8").split()
        calls.append(todo)
        (dest / "numpy-2.0.0-cp311-cp311-macosx_10_9_x86_64.whl").write_bytes(b"numpy")
        return subprocess.CompletedProcess(args, 0, "", "")

    monkeypatch.setattr(bundle.wheels, "_pip", fake_pip)
    assert bundle.download_wheels(["numpy==2.0.0", "Six==1.17.0"], dest, "macosx_13_0_x86_64", "3.11", cache=cache) == []
    assert calls == [["numpy==2.0.0"]], "six est déjà dans le cache : seul numpy est téléchargé"
    assert (dest / "six-1.17.0-py2.py3-none-any.whl").read_bytes() == b"six"
    assert (shelf / "numpy-2.0.0-cp311-cp311-macosx_10_9_x86_64.whl").read_bytes() == b"numpy"
    calls.clear()
    assert bundle.download_wheels(["numpy==2.0.0"], tmp_path, "macosx_13_0_x86_64", "3.11", cache=cache) == []
    assert calls == [], "tout est dans le cache : aucun téléchargement"
