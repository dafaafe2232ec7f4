"""Shared fixtures: the book built once per run, its loopback server, Chromium, the Littré.

The expected outputs of the notebooks' checked cells are applied by the pytest plugin
``atelier_tools.pytest_outputs`` (loaded from ``pyproject.toml``), so that a notebook run
alone is checked too.
"""

from __future__ import annotations

import concurrent.futures
import contextlib
import functools
import http.server
import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest
import yaml

from atelier_tools import pytest_outputs

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
# the test process idle for minutes, and the browser checks of every page after it would run one
# at a time. So the long jobs run in background threads while the tests that need nothing run:
#
# - the book build starts as soon as the tests are collected, in its own thread, at the normal
#   priority (the tests that read the book wait for it);
# - the other jobs (the demo states of test_browser.py, the selection's book, the offline archive,
#   axe on every page, the printed handouts…) share two threads that run at a lower priority on
#   Linux, so that they use the time the tests and the book build leave (measured: from the
#   book's end to the last job both cores are busy, and a third thread made the run slower);
#   a job that reads the book is started once the book is built (``after_book``).
#
# The tests that read a job's result carry the marker ``waits`` and run last, so that the other
# tests keep the machine busy while the jobs end.

_BOOK_POOL = concurrent.futures.ThreadPoolExecutor(max_workers=1, thread_name_prefix="atelier-livre")


def _lower_priority() -> None:
    """In a job thread: this thread, and the processes it starts, yield to the tests and the
    book build (Linux, where the priority of a thread is its own; elsewhere nothing changes)."""
    if sys.platform.startswith("linux"):
        try:
            os.setpriority(os.PRIO_PROCESS, threading.get_native_id(), 10)
        except OSError:
            pass


_JOB_POOL = concurrent.futures.ThreadPoolExecutor(max_workers=2, thread_name_prefix="atelier-travaux",
                                                  initializer=_lower_priority)
_JOBS: dict[str, concurrent.futures.Future] = {}
#: Done once every test module has queued its jobs: a job that reads the book never starts before
#: the jobs that do not (when the book is already built, ``ATELIER_LIVRE_CONSTRUIT``).
_QUEUED: concurrent.futures.Future = concurrent.futures.Future()


#: Functions of test modules called with the session once the book build has been queued: each
#: queues the long jobs its tests will read.
AFTER_COLLECTION: list = []


def collected(session, test_name: str) -> bool:
    """Whether this run collected the test function ``test_name`` (any of its parameters): an
    ``AFTER_COLLECTION`` hook queues a job only for a test that will read it."""
    return any(getattr(item, "originalname", None) == test_name for item in session.items)


def _relay(inner: concurrent.futures.Future, outer: concurrent.futures.Future) -> None:
    if inner.cancelled():
        outer.cancel()
    elif inner.exception() is not None:
        outer.set_exception(inner.exception())
    else:
        outer.set_result(inner.result())


def background(name: str, fn, *args, after_book: bool = False, **kwargs) -> concurrent.futures.Future:
    """Queue ``fn(*args, **kwargs)`` once under ``name`` (later calls return the same job).
    ``after_book``: the job reads the built book, and starts once the book build has ended."""
    if name in _JOBS:
        return _JOBS[name]
    book = _JOBS.get("livre", _QUEUED)
    if not after_book:
        _JOBS[name] = _JOB_POOL.submit(fn, *args, **kwargs)
        return _JOBS[name]
    outer: concurrent.futures.Future = concurrent.futures.Future()
    outer.set_running_or_notify_cancel()

    def start(_done):
        try:
            inner = _JOB_POOL.submit(fn, *args, **kwargs)
        except RuntimeError as exc:  # the run is over: the pool no longer takes jobs
            outer.set_exception(exc)
            return
        inner.add_done_callback(lambda f: _relay(f, outer))

    _JOBS[name] = outer
    book.add_done_callback(start)
    return outer


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
    for pool in (_BOOK_POOL, _JOB_POOL):
        pool.shutdown(wait=False, cancel_futures=True)
    for proc in list(_LIVE):
        proc.terminate()


def needs_book(item) -> bool:
    return "built_book" in getattr(item, "fixturenames", ()) or item.get_closest_marker("book") is not None


def pytest_collection_modifyitems(config, items):
    """The tests that need a built book run after all the others, and among them the tests that
    read a background job (marker ``waits``) run last; the order is otherwise kept."""
    items.sort(key=lambda item: (needs_book(item), item.get_closest_marker("waits") is not None))


def pytest_collection_finish(session):
    """Start the book build in the background as soon as a collected test needs it."""
    if session.config.option.collectonly:
        return
    if not os.environ.get("ATELIER_LIVRE_CONSTRUIT") and any("built_book" in getattr(item, "fixturenames", ())
                                                            for item in session.items):
        out = session.config._tmp_path_factory.mktemp("book")
        _JOBS["livre"] = _BOOK_POOL.submit(_build_book, out, dict(os.environ))
    for hook in AFTER_COLLECTION:
        hook(session)
    _QUEUED.set_result(None)


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
        _JOBS["livre"] = _BOOK_POOL.submit(_build_book, tmp_path_factory.mktemp("book"), dict(os.environ))
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


@contextlib.contextmanager
def serving(html: Path):
    """Serve ``html`` on a loopback port while the block runs; give its base URL."""
    handler = functools.partial(_QuietHandler, directory=str(html))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="session")
def book_server(built_book):
    """Serve the built book on a loopback port; yield its base URL."""
    with serving(built_book) as url:
        yield url


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


@contextlib.contextmanager
def chromium():
    """Debian's Chromium driven by Playwright (no browser download), headless, as ``make fiches``
    launches it (its headless shell when installed), for the calling thread (a job in the
    background launches its own)."""
    from atelier_ia.errors import AtelierError
    from atelier_tools.fiches import chromium as chromium_command

    try:
        exe, args = chromium_command()
    except AtelierError:
        pytest.fail("Chromium est introuvable : installez le paquet Debian « chromium » (.ci/run le fait).")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=exe, args=args)
        try:
            yield b
        finally:
            b.close()


@pytest.fixture(scope="module")
def browser():
    """Debian's Chromium, one per test module, with nothing that reaches outside this machine."""
    with chromium() as b:
        yield b


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
