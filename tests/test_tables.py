"""The course's one way to show a table or a document to a learner (atelier_ia.tables)."""

from __future__ import annotations

import re

import pandas as pd
import pytest

from atelier_ia import AtelierError
from atelier_ia.charter import charter_markdown, decision_outline
from atelier_ia.tables import install, show_document, show_table, table_html
from atelier_tools.readable import output_problems

LONG = ("Registre des entrées de l'hospice, avec le nom, l'adresse et la date de naissance de chaque "
        "personne admise entre 1921 et 1934, tenu par l'économe")


def as_output(fragment: str) -> str:
    """A built page holding ``fragment`` in a code cell's output area, as the book writes it."""
    return f'<html lang="fr"><body><div class="cell_output docutils container"><div class="output text_html">{fragment}</div></div></body></html>'


def plain(fragment: str) -> str:
    return re.sub(r"[ \t\n]+", " ", re.sub(r"<style>.*?</style>|<[^>]+>", " ", fragment)).strip()


def test_long_texts_are_whole_even_with_pandas_limits():
    table = pd.DataFrame({"cote": ["3 W 12"], "description": [LONG]})
    with pd.option_context("display.max_colwidth", 20):
        shown = show_table(table)._repr_html_()
    assert LONG in shown.replace("&#x27;", "'")
    assert not output_problems(as_output(shown))


def test_booleans_missing_values_and_numbers_read_in_french():
    table = pd.DataFrame({"indice trouvé": [True, False, None], "score": [0.8734, 1.5, float("nan")],
                          "visites": [125_000, 7, 2025]})
    text = plain(table_html(table))
    assert "oui" in text and "non" in text and "—" in text
    assert "True" not in text and "False" not in text and "NaN" not in text
    assert "0,873" in text and "1,5" in text
    assert "125\u202f000" in text and "2025" in text  # a year keeps its four digits together


def test_labels_are_french_and_pandas_row_numbers_and_footer_are_gone():
    counts = pd.Series(["autorisé", "à vérifier", "autorisé"], name="entrainement").value_counts()
    html = table_html(counts)
    text = plain(html)
    assert "nombre" in text and "count" not in text
    assert "dtype" not in text and "Name:" not in text
    assert re.search(r'<th scope="row">autorisé</th><td class="atelier-nombre">2</td>', html)
    frame = pd.DataFrame({"decision_humaine": [True], "annee": [1928]})
    heads = re.findall(r'<th scope="col">([^<]*)</th>', table_html(frame))
    assert heads == ["décision humaine", "année"]  # no column for pandas' row numbers 0, 1, 2…
    assert re.findall(r'<th scope="col">([^<]*)</th>', table_html(frame, labels={"annee": "année de publication"}))[1] == "année de publication"


def test_a_wide_table_scrolls_inside_a_labelled_frame():
    wide = pd.DataFrame({f"colonne {i}": [LONG] for i in range(6)})
    html = table_html(wide, caption="Six colonnes")
    frame = re.search(r'<div class="atelier-tableau" role="region" tabindex="0" aria-label="([^"]+)">', html)
    assert frame and "Six colonnes" in frame.group(1) and "défilement horizontal" in frame.group(1)
    assert "overflow-x:auto" in html and "white-space:normal" in html
    assert "faites-le défiler" in html  # the visible hint (shown on narrow screens)


def test_a_long_table_shows_its_first_rows_and_says_how_many_there_are():
    from atelier_ia.tables import MAX_ROWS

    html = table_html(pd.DataFrame({"numéro": range(MAX_ROWS + 25)}))
    assert html.count("<tr>") == MAX_ROWS + 1  # header row + the rows shown
    assert f"{MAX_ROWS} premières lignes sur {MAX_ROWS + 25}" in html


def test_bad_inputs_say_what_to_give():
    with pytest.raises(AtelierError, match="tableau pandas"):
        show_table([1, 2, 3])
    with pytest.raises(AtelierError, match="colonnes du tableau"):
        show_table(pd.DataFrame({"a": [1]}), columns=["b"])
    with pytest.raises(AtelierError, match="dictionnaire"):
        show_table(pd.DataFrame({"a": [1]}), labels=["b"])
    with pytest.raises(AtelierError, match="Markdown non vide"):
        show_document("  ")


def test_documents_are_rendered_not_printed_as_markdown():
    charte = charter_markdown("Musée de la ville", {"usages_autorises": ["reformuler un texte interne"]})
    for markdown in (charte, decision_outline("conseil municipal")):
        html = show_document(markdown)._repr_html_()
        assert not output_problems(as_output(html)), output_problems(as_output(html))
        assert "<strong>Visas</strong>" in html or "reformuler un texte interne" in html
        assert str(show_document(markdown)) == markdown  # the Markdown stays available to copy
    sheet = show_document("# Fiche\n\n## Composition\n\n| colonne | type |\n|---|---|\n| titre | texte |\n")._repr_html_()
    assert "<th scope=\"col\">colonne</th>" in sheet and ">texte</td>" in sheet
    assert '<p class="atelier-document-titre">Fiche</p>' in sheet
    wide = show_document("| a | b | c | d |\n|---|---|---|---|\n| 1 | 2 | 3 | 4 |\n")._repr_html_()
    assert "faites-le défiler" in wide and 'role="region"' in wide


def test_every_pandas_table_a_notebook_displays_goes_through_show_table():
    from IPython.core.interactiveshell import InteractiveShell

    shell = InteractiveShell.instance()
    assert install(shell)
    table = pd.DataFrame({"description": [LONG], "indice trouvé": [True]})
    data, _ = shell.display_formatter.format(table)
    assert 'class="atelier-tableau"' in data["text/html"] and ">oui<" in data["text/html"]
    data, _ = shell.display_formatter.format(table["indice trouvé"].value_counts())
    assert "dtype" not in plain(data["text/html"])
