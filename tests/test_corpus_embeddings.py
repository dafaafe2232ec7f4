"""French corpora (Littré, fallback, a learner's file) and offline embeddings."""

from __future__ import annotations

import pytest

from atelier_ia import AtelierError, corpus
from atelier_ia.corpus import fallback_corpus, littre_available, load_author, load_text_file


def test_littre_is_installed_where_the_course_is_tested(littre):
    assert littre_available()  # the fixture skips outside CI, and fails in CI, when it is absent


@pytest.mark.parametrize("author", ["La Fontaine", "Molière", "Racine", "Corneille", "Voltaire", "Victor Hugo"])
def test_authors_have_real_quotations(author, littre):
    c = load_author(author)
    assert len(c.quotes) > 500 and "domaine public" in c.licence and not c.notice
    assert all("<" not in q and "&amp;" not in q for q in c.quotes[:200])


def test_known_line_of_la_fontaine(littre):
    assert any("Laridons" in q for q in load_author("La Fontaine").quotes)


def test_max_chars_keeps_whole_quotations_and_says_so(littre):
    c = load_author("Racine", max_chars=1000)
    assert len(c.text) <= 1000 and "citations gardées" in c.notice
    assert all(q in load_author("Racine").quotes for q in c.quotes)


def test_fallback_when_littre_is_missing(monkeypatch, tmp_path):
    monkeypatch.setattr(corpus, "LITTRE_FILE", tmp_path / "absent.dz")
    c = load_author("Molière")
    assert c.notice.startswith("Le dictionnaire Littré n'est pas installé") and c.licence == "CC BY 4.0"
    assert c.text == fallback_corpus().text


def test_unknown_author():
    with pytest.raises(AtelierError, match="Choisissez parmi"):
        load_author("Shakespeare")


def test_learner_file_ok(tmp_path):
    p = tmp_path / "poemes.txt"
    text = "Sous le pont Mirabeau coule la Seine. " * 10
    p.write_text(text, encoding="utf-8")
    assert load_text_file(p).text == text


@pytest.mark.parametrize(
    "content,expected",
    [
        (b"", "vide"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00", "binaire"),
        ("Été à Arles, fête des lumières. ".encode("latin-1") * 10, "UTF-8"),
        (b"court", "au moins 200"),
    ],
)
def test_learner_file_bad(tmp_path, content, expected):
    p = tmp_path / "texte.txt"
    p.write_bytes(content)
    with pytest.raises(AtelierError, match=expected):
        load_text_file(p)


def test_learner_file_too_big_is_refused_not_cut(tmp_path):
    p = tmp_path / "gros.txt"
    p.write_text("a" * 3000, encoding="utf-8")
    with pytest.raises(AtelierError, match="rien n'est coupé"):
        load_text_file(p, max_bytes=1000)
    with pytest.raises(AtelierError, match="introuvable"):
        load_text_file(tmp_path / "absent.txt")
    with pytest.raises(AtelierError, match="dossier"):
        load_text_file(tmp_path)


def test_embeddings_capture_meaning_across_languages():
    from atelier_ia.embeddings import similarity

    same = similarity("Le musée ouvre le dimanche.", "The museum opens on Sundays.")
    other = similarity("Le musée ouvre le dimanche.", "Il pleut sur la mer.")
    assert same > 0.7 and same > other + 0.3
    assert similarity("voiture", "automobile") > 0.8


def test_token_counts_and_map():
    from atelier_ia.embeddings import count_tokens, semantic_map, subword_tokens

    assert count_tokens("Bonjour") >= 1 and "".join(subword_tokens("le théâtre")).replace("▁", " ").strip() == "le théâtre"
    table = semantic_map(["peinture", "sculpture", "opéra", "symphonie"])
    assert list(table.columns) == ["texte", "x", "y"] and len(table) == 4
    assert table.equals(semantic_map(["peinture", "sculpture", "opéra", "symphonie"]))


@pytest.mark.parametrize("bad", [[], "", [""], [3], None])
def test_embeddings_bad_input(bad):
    from atelier_ia.embeddings import embed

    with pytest.raises(AtelierError):
        embed(bad)


def test_search_in_a_given_collection():
    import pandas as pd

    from atelier_ia.embeddings import search

    items = pd.DataFrame({"titre": ["A", "B", "C"], "texte": ["Un tableau de nénuphars peint à Giverny.",
                                                              "Une cathédrale gothique à Reims.",
                                                              "Un opéra de Bizet créé à Paris."]})
    top = search("water lilies painting", k=1, collection=items)
    assert top.loc[0, "titre"] == "A"
    with pytest.raises(AtelierError):
        search("", collection=items)
    with pytest.raises(AtelierError):
        search("opéra", k=0, collection=items)


def test_semantic_map_figure_draws_every_word_with_one_style_per_group():
    import pandas as pd

    from atelier_ia.embeddings import semantic_map_figure
    from atelier_ia.figures import CourseFigure

    table = pd.DataFrame({"texte": ["vin", "bière", "opéra", "danse"], "x": [0.0, 0.1, 1.0, 1.1],
                          "y": [0.0, 0.05, 1.0, 0.9], "famille": ["boisson", "boisson", "art", "art"]})
    fig = semantic_map_figure(table, group="famille", title="Essai")
    ax = fig.axes[0]
    assert isinstance(fig, CourseFigure)
    assert sorted(t.get_text() for t in ax.texts) == sorted(table.texte)
    assert [t.get_text() for t in ax.get_legend().get_texts()] == ["boisson", "art"]
    colours = {tuple(c.get_facecolor()[0]) for c in ax.collections}
    assert len(colours) == 2 and ax.get_title() == "Essai"
    with pytest.raises(AtelierError, match="colonne"):
        semantic_map_figure(table, group="époque")


def test_semantic_map_labels_do_not_overlap_once_the_layout_makes_room_for_them():
    """Labels near the right edge widen the layout, which moves the points: the labels placed
    before that must be placed again (module 02's map had « opéra » over « concert »)."""
    import itertools

    import pandas as pd

    from atelier_ia.embeddings import semantic_map_figure

    words = ["peinture", "sculpture", "dessin", "painting", "opéra", "symphonie", "concert", "chanson",
             "théâtre", "danse", "comédienne", "mise en scène", "cathédrale", "château", "musée", "monument",
             "roman", "poésie", "bibliothèque", "novel"]
    # positions close to module 02's map of these words (rounded), where the bug showed
    xy = [(-0.6, -0.185), (-0.267, 0.272), (-0.49, -0.173), (-0.648, -0.21), (0.385, 0.012), (0.381, -0.213),
          (0.295, -0.006), (0.153, -0.382), (0.26, 0.154), (0.147, -0.222), (0.19, -0.004), (0.123, -0.123),
          (0.0, 0.458), (-0.017, 0.256), (-0.127, 0.476), (-0.067, 0.544), (0.099, -0.166), (0.03, -0.366),
          (0.137, 0.176), (0.017, -0.295)]
    table = pd.DataFrame({"texte": words, "x": [p[0] for p in xy], "y": [p[1] for p in xy],
                          "famille": [f for f in "abcde" for _ in range(4)]})
    fig = semantic_map_figure(table, group="famille", title="Carte du sens")
    fig.canvas.draw()  # the layout a reader sees
    boxes = {t.get_text(): t.get_window_extent() for t in fig.axes[0].texts}
    assert sorted(boxes) == sorted(words)
    overlapping = [(a, b) for (a, x), (b, y) in itertools.combinations(boxes.items(), 2) if x.overlaps(y)]
    assert overlapping == []
    outside = [a for a, box in boxes.items() if not fig.bbox.contains(box.x0, box.y0) or not fig.bbox.contains(box.x1, box.y1)]
    assert outside == []
