"""``make liens``: the external links of the built book in one report, checked when a network
exists. These tests never reach the network (pytest-socket blocks it): the checking logic runs
on a fake fetch function."""

from __future__ import annotations

import json

import pytest

from atelier_tools import external_links as el

PAGE = """<!DOCTYPE html><html lang="fr"><body>
<a href="https://exemple.org/vivant">un lien <em>vivant</em></a>
<a href="https://exemple.org/mort">un lien mort</a>
<a href="https://exemple.org/tete">refuse HEAD</a>
<a class="btn" href="https://depot.example/x" aria-label="Dépôt des sources"><i class="fa"></i></a>
<a href="autre.html#ancre">page du livre</a><a href="mailto:a@b.fr">courriel</a>
<a href="http://127.0.0.1:8000/">local</a>
<script>var s = '<a href="https://dans-un-script.example">x</a>';</script>
</body></html>"""


def fake_fetch(url, method, timeout):
    if url.endswith("/mort"):
        return 404
    if url.endswith("/tete"):
        return 405 if method == "HEAD" else 200
    if "injoignable" in url:
        raise OSError("nom inconnu")
    return 200


@pytest.fixture()
def book(tmp_path):
    html = tmp_path / "html"
    (html / "sous").mkdir(parents=True)
    (html / "index.html").write_text('<meta http-equiv="Refresh" content="0; url=intro.html" />', encoding="utf-8")
    (html / "sous" / "page.html").write_text(PAGE, encoding="utf-8")
    (html / "intro.html").write_text('<a href="https://exemple.org/vivant">encore</a>', encoding="utf-8")
    return html


def test_collect_finds_every_external_link_with_its_page_and_text(book):
    links = el.collect(book)
    assert {(link.url, link.page, link.text) for link in links} == {
        ("https://exemple.org/vivant", "sous/page.html", "un lien vivant"),
        ("https://exemple.org/vivant", "intro.html", "encore"),
        ("https://exemple.org/mort", "sous/page.html", "un lien mort"),
        ("https://exemple.org/tete", "sous/page.html", "refuse HEAD"),
        ("https://depot.example/x", "sous/page.html", "Dépôt des sources"),  # an icon link: its aria-label
    }


def test_check_reports_a_broken_link_as_broken_and_falls_back_to_get(book):
    statuses = el.check_all([link.url for link in el.collect(book)] + ["https://injoignable.example/"], fetch=fake_fetch)
    assert statuses["https://exemple.org/vivant"].ok is True
    assert statuses["https://exemple.org/tete"].ok is True  # HEAD refused, GET answers
    assert statuses["https://exemple.org/mort"] == el.Status(False, 404, "cassé (404)")
    assert statuses["https://injoignable.example/"].ok is False
    assert "injoignable" in statuses["https://injoignable.example/"].label


def test_report_with_fake_network_lists_the_broken_link_and_fails(book, tmp_path, capsys):
    out = tmp_path / "rapport"
    assert el.main([str(book), "--sortie", str(out)], fetch=fake_fetch) == 1
    md = (out / el.REPORT_MD).read_text(encoding="utf-8")
    assert "## Adresses en échec" in md and "<https://exemple.org/mort>\u00a0: cassé (404)" in md
    data = json.loads((out / el.REPORT_JSON).read_text(encoding="utf-8"))
    dead = [d for d in data if d["url"] == "https://exemple.org/mort"]
    assert dead == [{"url": "https://exemple.org/mort", "page": "sous/page.html", "text": "un lien mort",
                     "ok": False, "code": 404, "etat": "cassé (404)"}]
    assert "https://exemple.org/mort" in capsys.readouterr().out


def test_without_network_the_report_lists_links_unchecked_and_succeeds(book, tmp_path, capsys):
    assert el.network_available() is False  # pytest-socket: no network during the tests
    out = tmp_path / "rapport"
    assert el.main([str(book), "--sortie", str(out)]) == 0
    assert "Pas de réseau" in capsys.readouterr().out
    md = (out / el.REPORT_MD).read_text(encoding="utf-8")
    assert md.count(el.NOT_CHECKED) == 4 and "en échec" not in md
    data = json.loads((out / el.REPORT_JSON).read_text(encoding="utf-8"))
    assert len(data) == 5 and all(d["ok"] is None for d in data)


def test_missing_book_is_a_french_error(tmp_path, capsys):
    assert el.main([str(tmp_path / "absent")]) == 2
    assert "make book" in capsys.readouterr().err


@pytest.mark.book
def test_collect_on_the_built_book(built_book, tmp_path):
    links = el.collect(built_book)
    pages = {link.page for link in links}
    assert "annexes/bibliographie.html" in pages, "les références de la bibliographie ont des liens"
    assert all(link.url.startswith(("http://", "https://")) for link in links)
    assert not any("127.0.0.1" in link.url or "localhost" in link.url for link in links)
    # the theme's repository button is listed on every page, with a text to recognise it
    repo = [link for link in links if link.url.startswith("https://github.com/atelier-ia-culture/atelier-ia-culture")]
    assert repo and all(link.text for link in repo)
    md, js = el.write_report(links, None, tmp_path)
    assert md.read_text(encoding="utf-8").count(el.NOT_CHECKED) == len({link.url for link in links})
    assert len(json.loads(js.read_text(encoding="utf-8"))) == len(links)
