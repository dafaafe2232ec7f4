"""The built book: warnings as errors, French, nothing loaded from third-party hosts."""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest

from atelier_ia.course import load_catalogue
from atelier_ia.quiz import load_quiz
from atelier_tools import french_ui, privacy

pytestmark = pytest.mark.book

def pages(html: Path) -> list[Path]:
    """Built pages, without the redirect that Jupyter Book writes as index.html."""
    return sorted(
        p for p in html.rglob("*.html")
        if "_static" not in p.parts and not p.read_text(encoding="utf-8").startswith('<meta http-equiv="Refresh"')
    )


def test_every_page_of_the_toc_is_built(built_book):
    for m in load_catalogue().available:
        assert (built_book / m.notebook.replace(".ipynb", ".html")).is_file()
        assert (built_book / m.exercises.replace(".ipynb", ".html")).is_file()
    for name in ("parcours", "guide-formateurs", "glossaire", "bibliographie", "licence"):
        assert (built_book / "annexes" / f"{name}.html").is_file()


def test_no_resource_from_a_third_party_host(built_book):
    offenders = []
    for path in pages(built_book) + list((built_book / "_static").rglob("*.css")):
        for url in privacy.third_party_resources(path.read_text(encoding="utf-8", errors="replace")):
            offenders.append(f"{path.relative_to(built_book)} → {url}")
    assert not offenders, "ressources chargées depuis un autre hôte :\n" + "\n".join(offenders[:20])


def test_no_widget_machinery_in_any_page(built_book):
    for path in pages(built_book):
        left = privacy.widget_leftovers(path.read_text(encoding="utf-8"))
        assert not left, f"{path.name} : {left}"


def test_pages_are_french_and_stay_small(built_book):
    for path in pages(built_book):
        text = path.read_text(encoding="utf-8")
        assert re.search(r'<html[^>]*\blang="fr"', text), f"{path.name} : langue de la page"
        left = french_ui.english_leftovers(text)
        assert not left, f"{path.name} : texte d'interface en anglais {left}"
        size = path.stat().st_size
        for alt in re.findall(r'<img[^>]*\balt="([^"]*)"', text):
            assert alt.strip() and not alt.endswith((".png", ".svg", ".jpg")), f"{path.name} : image sans texte alternatif ({alt!r})"
        for src in re.findall(r'<img[^>]+src="([^"]+)"', text):
            if not src.startswith("data:"):
                target = (path.parent / src).resolve()
                assert target.is_file(), f"{path.name} : image manquante {src}"
                size += target.stat().st_size
        assert size <= 2 * 2**20, f"{path.name} pèse {size / 2**20:.1f} Mo (budget 2 Mo)"


def test_bibliography_reads_in_french(built_book):
    text = (built_book / "annexes" / "bibliographie.html").read_text(encoding="utf-8")
    citations = "".join(re.findall(r'<div class="citation".*?</div>', text, re.S))
    assert citations.count('class="citation"') >= 10
    plain = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", citations))
    assert "Anil R. Doshi et Oliver P. Hauser" in plain
    assert not re.search(r"(^|\. )In |visited on", plain)


def test_module_00_page_shows_quiz_and_live_demo(built_book):
    text = (built_book / "modules" / "00-prise-en-main.html").read_text(encoding="utf-8")
    shown = len(load_quiz("00-prise-en-main").questions) + len(load_quiz("00-prise-en-main-sans-code").questions)
    assert text.count('class="aiq-question"') == shown  # the module's quiz and its no-code questions
    assert 'class="atelier-live"' in text, "la démonstration interactive montre son état initial"


def test_course_map_and_answer_keys_come_from_the_data(built_book):
    index = html.unescape((built_book / "intro.html").read_text(encoding="utf-8")).replace("’", "'")
    for m in load_catalogue().modules:
        assert m.title in index, m.title
    guide = html.unescape((built_book / "annexes" / "guide-formateurs.html").read_text(encoding="utf-8")).replace("’", "'")
    def plain(text: str) -> str:  # markup, quotes and kinds of space removed on both sides
        text = re.sub(r"<[^>]+>", "", text)
        text = re.sub(r"[`*_«»“”\"'’]", "", text)
        return " ".join(text.replace("\u00a0", " ").replace("\u202f", " ").split())

    guide_text = plain(guide)
    for m in load_catalogue().available:
        for q in load_quiz(m.id).questions:
            assert plain(q.text) in guide_text, f"{m.id} : question absente du corrigé : {q.text}"
            for o in q.options:
                if o.correct:
                    assert plain(o.text) in guide_text, f"{m.id} : bonne réponse absente du corrigé : {o.text}"


def test_module_03_page_shows_filmstrip_samples_and_playable_melody(built_book):
    text = (built_book / "modules" / "03-creation-artistique.html").read_text(encoding="utf-8")
    audios = re.findall(r"<audio\b.*?</audio>", text, re.S)
    assert audios, "au moins une mélodie générée à écouter"
    for a in audios:
        assert 'src="data:audio/wav;base64,' in a and "http" not in a
    alts = " ".join(re.findall(r'<img[^>]*\balt="([^"]*)"', text)).lower()
    assert "débruit" in alts or "bruit" in alts, "la pellicule du débruitage est décrite"
    assert text.count("<img") >= 4


def test_no_broken_link_inside_the_book(built_book):
    """Every internal link of every page leads to a page and an anchor that exist (offline)."""
    from atelier_tools.links import broken_internal_links

    broken = broken_internal_links(pages(built_book), built_book)
    assert not broken, "liens internes cassés :\n" + "\n".join(broken[:20])


def test_every_page_footer_links_to_the_accessibility_statement(built_book):
    """The RGAA asks for « Accessibilité : non conforme » on every page, linked to the
    statement: the footer carries it, with a path relative to each page's folder."""
    from atelier_tools.book import ACCESSIBILITY_MENTION

    statement = (built_book / "annexes" / "accessibilite.html").resolve()
    assert statement.is_file()
    checked = set()
    for path in pages(built_book):
        text = path.read_text(encoding="utf-8")
        footer = re.search(r'<footer class="bd-footer-content">(.*?)</footer>', text, re.S)
        assert footer, f"{path.relative_to(built_book)} : pas de pied de page"
        links = re.findall(r'<a class="atelier-accessibilite" href="([^"]+)">([^<]+)</a>', footer.group(1))
        assert len(links) == 1, f"{path.relative_to(built_book)} : mention d'accessibilité absente du pied de page"
        href, label = links[0]
        assert html.unescape(label) == ACCESSIBILITY_MENTION == "Accessibilité\u00a0: non conforme"
        assert not re.match(r"[a-z]+:|/", href), f"{path.relative_to(built_book)} : lien non relatif {href}"
        href = html.unescape(href).split("#")[0]  # on the statement itself, Sphinx writes "#"
        target = (path.parent / href).resolve() if href else path.resolve()
        assert target == statement, f"{path.relative_to(built_book)} : {href} mène à {target}"
        checked.add(len(path.relative_to(built_book).parts) - 1)
    assert checked >= {0, 1, 2}, f"profondeurs vérifiées : {sorted(checked)}"


def test_no_output_a_reader_cannot_read(built_book):
    """No table cell cut by pandas, no raw Markdown, no pandas footer, Python value, library
    name or data file path in the output areas of any page (atelier_tools.readable)."""
    from atelier_tools.readable import scan_book

    found = scan_book(built_book)
    report = [f"{page} : {problem}" for page, problems in found.items() for problem in problems]
    assert not report, f"{len(report)} sortie(s) illisible(s) :\n" + "\n".join(report[:40])
