"""``make fiches``: print the handouts, answer keys, group activities and session sheets of the built book to PDF.

Each page is printed from the book's own HTML (``_build/html``, made by ``make book``) by
Debian's Chromium, driven by Playwright (``executable_path``: no browser is downloaded), into
``_build/fiches/``: ``00-fiche.pdf``, ``00-corrige.pdf``, ``00-activite.pdf``…, and per session
plan of :mod:`atelier_tools.seances` ``seance-<id>-deroule.pdf`` (one page),
``seance-<id>-emargement.pdf`` and ``seance-<id>-evaluation.pdf``.
:func:`print_jobs` is the one list of what to print; the print stylesheet
``static/fiches.css`` is added to every page (the handouts already embed it).

    python -m atelier_tools.fiches [--html _build/html] [--out _build/fiches]
"""

from __future__ import annotations

import argparse
import shutil
import sys
from dataclasses import dataclass
from pathlib import Path

from atelier_ia.course import Catalogue, load_catalogue
from atelier_ia.errors import AtelierError
from atelier_ia.paths import repo_root

from . import handouts, printed

#: Chromium's options here, with nothing that reaches outside this machine (the tests use them too).
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
#: Debian's packages, in order of preference: the headless shell (the same Blink engine without a
#: browser window's machinery: about a fifth less CPU for the same page) then the full browser.
CHROMIUM_COMMANDS = ("chromium-headless-shell", "chromium", "chromium-browser")
MAX_PAGES = 2


@dataclass(frozen=True)
class PrintJob:
    page: str  # path of the built page, relative to the HTML folder
    pdf: str  # file name of the PDF
    what: str  # what it is, in French, for messages
    max_pages: int | None = MAX_PAGES  # handouts and answer keys: two A4 pages at most


def activity_page(module_id: str) -> str:
    """The built page of a module's group activity, where the activities helper puts it."""
    return f"annexes/activites/{module_id}.html"


def _activity_pages(cat: Catalogue) -> dict[str, str]:
    """module id → built page of its group activity: from ``atelier_tools.activities`` if it
    exists, else the conventional place."""
    try:
        from . import activities  # written separately; optional
    except ImportError:
        activities = None
    if activities is not None and hasattr(activities, "activity_pages"):
        found = {}
        for item in activities.activity_pages(cat):
            if isinstance(item, tuple):
                mid, page = item
            else:
                page = str(item)
                mid = Path(page).stem
            page = str(page)
            found[mid] = page if page.endswith(".html") else page + ".html"
        return found
    return {m.id: activity_page(m.id) for m in cat.available}


def print_jobs(html_dir: Path, cat: Catalogue | None = None) -> list[PrintJob]:
    """Every page to print, in order: per available module, its handout, its answer key, its
    review grid for the writing prompts (when it has some) and (when the built book has one)
    its group activity."""
    cat = cat or load_catalogue()
    acts = _activity_pages(cat)
    jobs = []
    for m in cat.available:
        jobs.append(PrintJob(f"{handouts.handout_doc(m.id)}.html", f"{m.number}-fiche.pdf", f"fiche du module {m.number}"))
        jobs.append(PrintJob(f"{handouts.answer_key_doc(m.id)}.html", f"{m.number}-corrige.pdf", f"corrigé du module {m.number}"))
        if handouts.has_writing_prompts(m):
            jobs.append(PrintJob(f"{handouts.review_doc(m.id)}.html", f"{m.number}-relecture.pdf",
                                 f"grille de relecture du module {m.number}"))
        act = acts.get(m.id)
        if act and (Path(html_dir) / act).is_file():
            # an activity carries cards to cut out: its length is the activity's own business
            jobs.append(PrintJob(act, f"{m.number}-activite.pdf", f"activité de groupe du module {m.number}", None))
    from . import seances  # per session plan: run-sheet and evaluation form (one page each), sign-in sheet

    for plan in seances.load_plans(cat):
        for kind, what in seances.PAGES.items():
            jobs.append(PrintJob(f"{seances.plan_doc(plan.id, kind)}.html", seances.pdf_name(plan.id, kind),
                                 f"{what} de la séance « {plan.title} »", 1 if kind != "emargement" else MAX_PAGES))
    return jobs


def chromium() -> tuple[str, list[str]]:
    """The Chromium to print with and its options: Debian's headless shell if installed, else its
    Chromium in headless mode."""
    found = [(name, shutil.which(name)) for name in CHROMIUM_COMMANDS]
    name, exe = next(((n, e) for n, e in found if e), (None, None))
    if exe is None:
        raise AtelierError(
            "Chromium est introuvable : « make fiches » imprime les fiches avec le navigateur Chromium de "
            "Debian ou d'Ubuntu. Installez-le avec « sudo apt install chromium », puis relancez « make fiches »."
        )
    # the shell is headless by nature (and refuses --headless=new); the browser is told to be
    return exe, list(CHROMIUM_ARGS) if name == "chromium-headless-shell" else ["--headless=new", *CHROMIUM_ARGS]


def _print(browser, page_file: Path, target: Path, css: str) -> Path:
    """One page to one A4 PDF, read from disk; nothing is fetched from another host."""
    page = browser.new_page()
    try:
        page.route("http*://**", lambda route: route.abort())
        page.goto(page_file.as_uri(), wait_until="load")
        page.add_style_tag(content=css)
        page.emulate_media(media="print")
        page.evaluate("document.fonts.ready.then(() => true)")
        page.pdf(path=str(target), format="A4", prefer_css_page_size=True, print_background=True)
    finally:
        page.close()
    return target


def print_pages(html_dir: Path, out_dir: Path, jobs: list[PrintJob] | None = None) -> list[Path]:
    """Print ``jobs`` (default :func:`print_jobs`) from ``html_dir`` into ``out_dir`` with Debian's
    Chromium; return the PDFs."""
    html_dir, out_dir = Path(html_dir).resolve(), Path(out_dir)
    if not (html_dir / "index.html").is_file():
        raise AtelierError(
            f"Le livre construit est introuvable dans {html_dir} : lancez d'abord « make book » "
            "(« make fiches » le fait pour vous)."
        )
    jobs = print_jobs(html_dir) if jobs is None else jobs
    missing = [j.page for j in jobs if not (html_dir / j.page).is_file()]
    if missing:
        raise AtelierError(
            f"Pages absentes du livre construit : {', '.join(missing)}. Reconstruisez le livre avec « make book »."
        )
    css = printed.print_css()
    out_dir.mkdir(parents=True, exist_ok=True)
    exe, args = chromium()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=exe, args=args)
        try:
            written = [_print(browser, html_dir / job.page, out_dir / job.pdf, css) for job in jobs]
        finally:
            browser.close()
    return written


def pdf_pages(path: Path) -> int:
    """Number of pages of a PDF written by Chromium (counted without a PDF library)."""
    import re

    data = Path(path).read_bytes()
    return len(re.findall(rb"/Type\s*/Page(?![a-zA-Z])", data))


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="python -m atelier_tools.fiches",
                                     description="Imprime en PDF les fiches, corrigés et activités du livre construit.")
    parser.add_argument("--html", type=Path, default=repo_root() / "_build" / "html", help="dossier du livre construit")
    parser.add_argument("--out", type=Path, default=repo_root() / "_build" / "fiches", help="dossier des PDF")
    args = parser.parse_args(argv)
    try:
        jobs = print_jobs(args.html)
        written = print_pages(args.html, args.out, jobs)
    except AtelierError as exc:
        print(exc, file=sys.stderr)
        return 1
    too_long = []
    for job, path in zip(jobs, written):
        n = pdf_pages(path)
        print(f"{path.name} — {job.what} — {n} page{'s' if n > 1 else ''}")
        if job.max_pages is not None and n > job.max_pages:
            too_long.append(path.name)
    print(f"{len(written)} fichiers PDF dans {args.out}")
    if too_long:
        print(f"Attention : trop de pages pour {', '.join(too_long)} (au plus {MAX_PAGES} pour une fiche, un corrigé ou "
              "une feuille d'émargement, une pour un déroulé ou une évaluation de séance).", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
