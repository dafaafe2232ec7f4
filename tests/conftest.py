"""Shared fixtures: the book built once per run, its loopback server, Chromium, the Littré.

The expected outputs of the notebooks' checked cells are applied by the pytest plugin
``atelier_tools.pytest_outputs`` (loaded from ``pyproject.toml``), so that a notebook run
alone is checked too.
"""

from __future__ import annotations

import concurrent.futures
import functools
import http.server
import os
import shutil
import subprocess
import sys
import threading
from pathlib import Path

import pytest
import yaml

from atelier_tools import pytest_outputs
from atelier_tools.fiches import CHROMIUM_ARGS

ROOT = Path(__file__).resolve().parents[1]
EXPECTED = ROOT / "tests" / "notebook_outputs.yml"


def _remembered(safe_load):
    """``yaml.safe_load`` that parses each distinct text once per test run and hands out a deep
    copy of the result: the library reads the same quiz and course files hundreds of times in
    the tests (the pure-Python parser, 0.1 s a file). Same text, same result; a text that fails
    to parse fails again each time; a stream is parsed as before."""
    import copy

    parsed: dict[str, object] = {}

    def load(stream):
        if not isinstance(stream, str):
            return safe_load(stream)
        if stream not in parsed:
            parsed[stream] = safe_load(stream)
        return copy.deepcopy(parsed[stream])

    load.__wrapped__ = safe_load
    return load


yaml.safe_load = _remembered(yaml.safe_load)


def load_expected() -> dict:
    """``tests/notebook_outputs.yml``; the plugin ``atelier_tools.pytest_outputs`` applies it."""
    return pytest_outputs.load_expected(EXPECTED)


# --------------------------------------------------------------------------- work done in the background
#
# On a 2-core machine the book build (a subprocess: Sphinx and one kernel per notebook) would leave
# the test process idle for minutes. It starts as soon as the tests are collected, in one background
# thread, while the tests that need no book run; the tests that need it run last (see
# ``pytest_collection_modifyitems``). Later jobs queue behind it in the same thread (the demo states
# of test_browser.py, the selection's book of test_selection.py, the offline archive of
# test_bundle.py), so that at most two things compete for the two cores.

_BACKGROUND = concurrent.futures.ThreadPoolExecutor(max_workers=1, thread_name_prefix="atelier-tests")
_JOBS: dict[str, concurrent.futures.Future] = {}


#: Functions of test modules called with the session once the book build has been queued: each
#: queues the long jobs its tests will read.
AFTER_COLLECTION: list = []


def background(name: str, fn, *args, **kwargs) -> concurrent.futures.Future:
    """Queue ``fn(*args, **kwargs)`` once under ``name`` (later calls return the same job)."""
    if name not in _JOBS:
        _JOBS[name] = _BACKGROUND.submit(fn, *args, **kwargs)
    return _JOBS[name]


_LIVE: set[subprocess.Popen] = set()


def run(cmd: list[str], timeout: float, **kwargs) -> subprocess.CompletedProcess:
    """``subprocess.run(cmd, capture_output=True, text=True)`` for a background job: the process is
    stopped if the test run ends first (a failure with ``-x``, Ctrl+C), instead of keeping pytest
    waiting for it."""
    with subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, **kwargs) as proc:
        _LIVE.add(proc)
        try:
            out, err = proc.communicate(timeout=timeout)
        except subprocess.TimeoutExpired:
            proc.kill()
            out, err = proc.communicate()
            err += f"\n(arrêté au bout de {timeout:.0f}\u00a0s)"
        finally:
            _LIVE.discard(proc)
    return subprocess.CompletedProcess(cmd, proc.returncode, out, err)


def pytest_unconfigure(config):
    """Jobs not started are dropped, processes still running are stopped."""
    _BACKGROUND.shutdown(wait=False, cancel_futures=True)
    for proc in list(_LIVE):
        proc.terminate()


def needs_book(item) -> bool:
    return "built_book" in getattr(item, "fixturenames", ()) or item.get_closest_marker("book") is not None


def pytest_collection_modifyitems(config, items):
    """The tests that need a built book run after all the others (the order is otherwise kept)."""
    items.sort(key=needs_book)


def pytest_collection_finish(session):
    """Start the book build in the background as soon as a collected test needs it."""
    if session.config.option.collectonly:
        return
    if not os.environ.get("ATELIER_LIVRE_CONSTRUIT") and any("built_book" in getattr(item, "fixturenames", ())
                                                            for item in session.items):
        out = session.config._tmp_path_factory.mktemp("book")
        background("livre", _build_book, out, dict(os.environ))
    for hook in AFTER_COLLECTION:
        hook(session)


def _build_book(out: Path, env: dict) -> tuple[subprocess.CompletedProcess, Path]:
    jb = Path(sys.executable).with_name("jupyter-book")
    return run(
        [str(jb), "build", str(ROOT), "--path-output", str(out), "--warningiserror", "--nitpick", "--keep-going", "--builder", "html"],
        # The bound only stops a hung kernel: on a shared 2-core machine (seven jobs at once) the
        # build took over 15 minutes.
        timeout=3600, cwd=ROOT, env=env,
    ), out


def book_html(tmp_path_factory=None) -> Path:
    """The built book's html folder (``ATELIER_LIVRE_CONSTRUIT``, or the background build, waited
    for); a French failure when it does not build. Background jobs queued after the build call it."""
    ready = os.environ.get("ATELIER_LIVRE_CONSTRUIT")
    if ready:
        html = Path(ready).resolve()
        if not (html / "index.html").is_file():
            pytest.fail(f"ATELIER_LIVRE_CONSTRUIT={ready} : pas de livre construit (index.html) dans ce dossier.")
        return html
    if "livre" not in _JOBS:  # (a job queued after collection always finds the build queued before it)
        background("livre", _build_book, tmp_path_factory.mktemp("book"), dict(os.environ))
    proc, out = _JOBS["livre"].result()
    if proc.returncode != 0:
        pytest.fail("La construction du livre a échoué :\n" + proc.stdout[-6000:] + proc.stderr[-6000:])
    html = out / "_build" / "html"
    assert (html / "index.html").is_file()
    return html


@pytest.fixture(scope="session")
def built_book(tmp_path_factory) -> Path:
    """The whole book built once (warnings as errors) into a temporary folder, by the background
    job started after collection.

    ``ATELIER_LIVRE_CONSTRUIT=_build/html`` reuses a book already built (by ``make book``) instead,
    to rerun the browser tests while working on them."""
    return book_html(tmp_path_factory)


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture(scope="session")
def book_server(built_book):
    """Serve the built book on a loopback port; yield its base URL."""
    handler = functools.partial(_QuietHandler, directory=str(built_book))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


def chromium_path() -> str | None:
    return shutil.which("chromium") or shutil.which("chromium-browser")


@pytest.fixture
def littre():
    """Tests that read the Debian Littré: skipped with a French reason where it is absent,
    except in CI (``CI=true``), where ``.ci/run`` installs it and its absence is a failure."""
    from atelier_ia.corpus import littre_available

    if not littre_available():
        message = ("le dictionnaire Littré de Debian n'est pas installé (sudo apt install stardict-xmlittre) : "
                   "ce test lit ses citations")
        if pytest_outputs.in_ci():
            pytest.fail("En intégration continue, " + message + " ; .ci/run devait l'installer.")
        pytest.skip("Test ignoré : " + message + ".")


@pytest.fixture(scope="module")
def browser():
    """Debian's Chromium driven by Playwright (no browser download), one per test module,
    headless, with nothing that reaches outside this machine: the options of ``make fiches``."""
    exe = chromium_path()
    if exe is None:
        pytest.fail("Chromium est introuvable : installez le paquet Debian « chromium » (.ci/run le fait).")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=exe, args=CHROMIUM_ARGS)
        yield b
        b.close()


def is_local(url: str) -> bool:
    """A request that stays on this machine (the book's loopback server, or inline data)."""
    from urllib.parse import urlparse

    return url.startswith("data:") or urlparse(url).hostname in ("127.0.0.1", "localhost")


def local_only(context, seen: list | None = None) -> None:
    """Abort every request of a Playwright browser context that would leave this machine;
    ``seen`` (when given) receives every requested URL, aborted or not."""

    def route(r):
        if seen is not None:
            seen.append(r.request.url)
        if is_local(r.request.url):
            r.continue_()
        else:
            r.abort()

    context.route("**/*", route)
