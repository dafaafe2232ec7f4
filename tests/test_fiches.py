"""Printable handouts, answer keys and group activities (``make fiches``).

The fast tests check the generated pages (from the catalogue, the notebooks and the quiz
files); the book tests print the built book with Debian's Chromium and read the PDFs back.
"""

from __future__ import annotations

import dataclasses
import html
import re
import unicodedata
from pathlib import Path

import pytest
from conftest import AFTER_COLLECTION, background, book_html

from atelier_ia.course import load_catalogue
from atelier_ia.errors import AtelierError
from atelier_ia.quiz import load_quiz
from atelier_tools import fiches, handouts

CATALOGUE = load_catalogue()
AVAILABLE = [m.id for m in CATALOGUE.available]


def squash(text: str) -> str:
    """Text with whitespace and hyphens removed and ligatures split, so that a sentence can be
    found in a PDF's text whatever its line breaks and hyphenation."""
    text = unicodedata.normalize("NFKC", text).replace("\u00ad", "")
    return re.sub(r"[\s\-\u2010\u2011]+", "", text).casefold()


def _long_enough(text: str) -> bool:
    return len(squash(text)) >= 30  # a short feedback (« Oui. ») could appear in another sentence


# --------------------------------------------------------------------------- generated pages (fast)


@pytest.mark.parametrize("module_id", AVAILABLE)
def test_handout_page_has_the_quiz_without_its_answers(module_id):
    m = CATALOGUE.module(module_id)
    page = html.unescape(handouts.handout_page(CATALOGUE, m))
    text = squash(page)
    assert squash(m.title) in text
    for q in load_quiz(module_id).questions:
        assert squash(q.text) in text, f"question absente de la fiche : {q.text}"
        for o in q.options:
            assert squash(o.text) in text
            if _long_enough(o.feedback):
                assert squash(o.feedback) not in text, f"retour visible sur la fiche : {o.feedback}"
        assert squash(q.explanation) not in text, f"explication visible sur la fiche : {q.explanation}"
    assert "☐" in page
    assert handouts.module_url(m) in page
    assert squash(handouts.objectives(m)) in text and squash(handouts.key_points(m)) in text


@pytest.mark.parametrize("module_id", AVAILABLE)
def test_a_link_to_another_module_still_leads_to_its_notebook_from_the_handout(module_id):
    """A « À retenir » that links to another module (« [module 06](06-….ipynb#…) ») keeps a link
    that works from the handout's folder: an unchanged link resolved nowhere and failed the build."""
    m = CATALOGUE.module(module_id)
    folder = handouts.repo_root() / handouts.FOLDER
    for part in (handouts.objectives(m), handouts.key_points(m)):
        for target in re.findall(r"\]\(([^)#\s]+\.ipynb)(?:#[^)\s]*)?\)", part):
            assert (folder / target).resolve().is_file(), f"{module_id} : lien {target} introuvable depuis {handouts.FOLDER}/"


@pytest.mark.parametrize("module_id", AVAILABLE)
def test_answer_key_page_gives_answers_explanations_and_sources(module_id):
    m = CATALOGUE.module(module_id)
    page = squash(html.unescape(handouts.answer_key_page(CATALOGUE, m)))
    for q in load_quiz(module_id).questions:
        for o in q.options:
            if o.correct:
                assert squash(o.text) in page
        assert squash(q.explanation) in page and squash(q.source) in page


def test_only_available_modules_get_pages():
    first = CATALOGUE.available[0]
    fork = dataclasses.replace(CATALOGUE, modules=tuple(
        dataclasses.replace(m, status="en préparation") if m.id == first.id else m for m in CATALOGUE.modules))
    names = handouts.pages(fork)
    assert f"fiches/{first.id}.md" not in names and f"fiches/{first.id}-corrige.md" not in names
    module_pages = [n for n in names if not n.startswith("fiches/seance-")]
    assert f"fiches/{first.id}-relecture.md" not in names
    assert len(module_pages) == 2 * len(fork.available) + sum(handouts.has_writing_prompts(m) for m in fork.available)
    # and, per session plan, its run-sheet, sign-in sheet and evaluation form
    from atelier_tools import seances

    assert len(names) - len(module_pages) == 3 * len(seances.load_plans(fork))
    assert first.id not in handouts.index_list(fork)


def test_write_pages_removes_the_pages_of_a_withdrawn_module(tmp_path):
    stale = tmp_path / "fiches" / "99-retire.md"
    stale.parent.mkdir()
    stale.write_text("# ancien\n", encoding="utf-8")
    handouts.write_pages(tmp_path, CATALOGUE)
    assert not stale.exists()
    assert (tmp_path / "fiches" / f"{AVAILABLE[0]}.md").is_file()


def test_sources_come_from_the_bibliography():
    m = CATALOGUE.module(AVAILABLE[0])
    keys = handouts.source_keys(m)
    assert keys, "le module devrait citer au moins une source dans « Pour aller plus loin »"
    page = handouts.handout_page(CATALOGUE, m)
    for key in keys:
        assert handouts.reference(key) in page
    with pytest.raises(AtelierError, match="pas de notice"):
        handouts.reference("cle-qui-nexiste-pas")


def test_figure_is_copied_from_the_module_page(tmp_path):
    (tmp_path / "modules").mkdir()
    (tmp_path / "fiches").mkdir()
    (tmp_path / "modules" / "00-x.html").write_text(
        '<img alt="avant" src="../_images/a.png" /><p>texte</p>'
        '<div><img alt="Barres" src="../_images/b.png" /></div><p><em>Figure 1 — Des barres.</em></p>',
        encoding="utf-8")
    (tmp_path / "fiches" / "00-x.html").write_text(
        '<h1>Fiche</h1><div class="fiche-figure" data-module="00-x"></div>'
        '<div class="fiche-figure" data-module="01-sans-figure"></div>', encoding="utf-8")
    missing = handouts.insert_figures(tmp_path)
    page = (tmp_path / "fiches" / "00-x.html").read_text(encoding="utf-8")
    assert '<img alt="Barres" src="../_images/b.png" />' in page and "avant" not in page
    assert missing == ["01-sans-figure"]


def test_print_jobs_include_activities_only_when_built(tmp_path):
    first = AVAILABLE[0]
    jobs = fiches.print_jobs(tmp_path)
    assert [j.pdf for j in jobs[:2]] == [f"{first[:2]}-fiche.pdf", f"{first[:2]}-corrige.pdf"]
    assert not any(j.pdf.endswith("-activite.pdf") for j in jobs)
    page = tmp_path / fiches._activity_pages(CATALOGUE)[first]
    page.parent.mkdir(parents=True)
    page.write_text("<h1>Activité</h1>", encoding="utf-8")
    jobs = fiches.print_jobs(tmp_path)
    assert f"{first[:2]}-activite.pdf" in [j.pdf for j in jobs]
    module_jobs = [j for j in jobs if not j.pdf.startswith("seance-")]
    with_grid = sum(handouts.has_writing_prompts(CATALOGUE.module(m)) for m in AVAILABLE)
    assert len(module_jobs) == 2 * len(AVAILABLE) + with_grid + 1


def test_missing_book_is_explained_in_french(tmp_path):
    with pytest.raises(AtelierError, match="make book"):
        fiches.print_pages(tmp_path, tmp_path / "out")


def test_the_headless_shell_is_preferred_and_the_browser_told_to_be_headless(monkeypatch):
    installed = {"chromium": "/usr/bin/chromium", "chromium-headless-shell": "/usr/bin/chromium-headless-shell"}
    monkeypatch.setattr(fiches.shutil, "which", installed.get)
    exe, args = fiches.chromium()
    assert exe == "/usr/bin/chromium-headless-shell" and not any(a.startswith("--headless") for a in args)
    del installed["chromium-headless-shell"]
    exe, args = fiches.chromium()
    assert exe == "/usr/bin/chromium" and "--headless=new" in args
    assert "--disable-background-networking" in args  # no call home, whichever is used


def test_missing_chromium_is_explained_in_french(monkeypatch):
    monkeypatch.setattr(fiches.shutil, "which", lambda name: None)
    with pytest.raises(AtelierError, match="apt install chromium"):
        fiches.chromium()


# --------------------------------------------------------------------------- printed PDFs (slow)


def _print_all(out: Path):
    """A background job: every handout, answer key and activity of the built book, printed to
    PDF by its own Chromium, as ``make fiches`` does."""
    html = book_html()
    jobs = fiches.print_jobs(html)
    fiches.print_pages(html, out, jobs)
    return out, jobs


def _printing(tmp_path_factory):
    return background("impression des fiches", _print_all, tmp_path_factory.mktemp("fiches"), after_book=True)


def _queue_printing(session):
    if any("printed" in getattr(item, "fixturenames", ()) for item in session.items):
        _printing(session.config._tmp_path_factory)


AFTER_COLLECTION.append(_queue_printing)


@pytest.fixture(scope="module")
def printed(built_book, tmp_path_factory):
    """Every handout, answer key and activity of the built book, printed to PDF in the background."""
    return _printing(tmp_path_factory).result()


def _read(path):
    from pypdf import PdfReader

    reader = PdfReader(str(path))
    return reader, squash("\n".join(p.extract_text() or "" for p in reader.pages))


@pytest.mark.book
@pytest.mark.browser
@pytest.mark.waits
@pytest.mark.parametrize("module_id", AVAILABLE)
def test_printed_handout(printed, module_id):
    out, _ = printed
    m = CATALOGUE.module(module_id)
    path = out / f"{m.number}-fiche.pdf"
    assert path.is_file()
    reader, text = _read(path)
    assert 1 <= len(reader.pages) <= fiches.MAX_PAGES, f"{path.name} : {len(reader.pages)} pages"
    assert squash(m.title) in text
    for q in load_quiz(module_id).questions:
        assert squash(q.text) in text, f"{path.name} : question absente : {q.text}"
        for o in q.options:
            if _long_enough(o.feedback):
                assert squash(o.feedback) not in text, f"{path.name} : retour imprimé : {o.feedback}"
        assert squash(q.explanation) not in text, f"{path.name} : explication imprimée"
    assert squash(handouts.module_url(m)) in text
    assert sum(len(p.images) for p in reader.pages) >= 1, f"{path.name} : la figure du module manque"
    # nothing of the theme (menus, the print table of contents « Contenu ») before or inside the header
    assert text.startswith(squash(f"Fiche : {m.title} Atelier IA & culture")), f"{path.name} : début inattendu"


@pytest.mark.book
@pytest.mark.browser
@pytest.mark.waits
@pytest.mark.parametrize("module_id", AVAILABLE)
def test_printed_answer_key(printed, module_id):
    out, _ = printed
    m = CATALOGUE.module(module_id)
    path = out / f"{m.number}-corrige.pdf"
    reader, text = _read(path)
    assert 1 <= len(reader.pages) <= fiches.MAX_PAGES, f"{path.name} : {len(reader.pages)} pages"
    assert text.startswith(squash(f"Corrigé : {m.title} Atelier IA & culture")), f"{path.name} : début inattendu"
    for q in load_quiz(module_id).questions:
        for o in q.options:
            if o.correct:
                assert squash(o.text) in text, f"{path.name} : bonne réponse absente : {o.text}"


@pytest.mark.book
@pytest.mark.browser
@pytest.mark.waits
@pytest.mark.parametrize("module_id", AVAILABLE)
def test_printed_review_grid(printed, module_id):
    """The review grid of the writing prompts prints on two pages at most, with every criterion."""
    from atelier_ia.writing import load_prompts

    out, _ = printed
    m = CATALOGUE.module(module_id)
    path = out / f"{m.number}-relecture.pdf"
    reader, text = _read(path)
    assert 1 <= len(reader.pages) <= fiches.MAX_PAGES, f"{path.name} : {len(reader.pages)} pages"
    assert text.startswith(squash(f"Grille de relecture : {m.title} Atelier IA & culture")), f"{path.name} : début inattendu"
    for prompt in load_prompts(module_id):
        for criterion in prompt.criteria:
            plain = criterion.replace("`", "")
            assert squash(plain)[:50] in text, f"{path.name} : critère absent : {criterion}"


@pytest.mark.book
@pytest.mark.browser
@pytest.mark.waits
def test_printed_activities_have_their_title(printed, built_book):
    out, jobs = printed
    for job in jobs:
        if job.pdf.endswith("-activite.pdf"):
            reader, text = _read(out / job.pdf)
            title = re.search(r"<h1>(.*?)<", (built_book / job.page).read_text(encoding="utf-8"), re.S).group(1)
            assert len(reader.pages) >= 1 and text.startswith(squash(html.unescape(title))), job.pdf


@pytest.mark.book
@pytest.mark.browser
@pytest.mark.waits
def test_page_counter_agrees_with_pypdf(printed):
    from pypdf import PdfReader

    out, jobs = printed
    for job in jobs:
        assert fiches.pdf_pages(out / job.pdf) == len(PdfReader(str(out / job.pdf)).pages)
