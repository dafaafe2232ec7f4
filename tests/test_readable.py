"""The check that no output of the book is unreadable (atelier_tools.readable), on small pages."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from atelier_ia.live import static_html
from atelier_tools.readable import KINDS, output_problems, page_problems, scan_book

PAGES = Path(__file__).parent / "fixtures" / "sorties"


def kinds(problems) -> set[str]:
    return {p.kind for p in problems}


def test_a_cell_cut_by_pandas_and_a_python_boolean_fail():
    problems = page_problems(PAGES / "coupee.html")
    assert kinds(problems) == {"coupée", "python"}
    cut = next(p for p in problems if p.kind == "coupée")
    assert "date de naissan..." in cut.excerpt and KINDS["coupée"] in str(cut)


def test_raw_markdown_pandas_footer_and_developer_names_fail():
    problems = page_problems(PAGES / "markdown-brut.html")
    assert kinds(problems) == {"markdown", "pandas", "développeur", "python"}
    excerpts = " ".join(p.excerpt for p in problems)
    for expected in ("# Charte", "## Usages", "**reformuler**", "| colonne", "dtype: int64",
                     "atelier_ia.law", "data/droits/archives-personnes.csv", "commercial=False"):
        assert expected in excerpts, expected


def test_a_clean_page_passes_and_only_outputs_are_read():
    assert page_problems(PAGES / "propre.html") == []


def test_the_book_scan_names_each_page_with_its_problems(tmp_path):
    for page in PAGES.glob("*.html"):
        (tmp_path / page.name).write_text(page.read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "_static").mkdir()
    (tmp_path / "_static" / "ignore.html").write_text((PAGES / "coupee.html").read_text(encoding="utf-8"), encoding="utf-8")
    assert set(scan_book(tmp_path)) == {"coupee.html", "markdown-brut.html"}


def test_a_live_demo_table_passes():
    table = pd.DataFrame({"signal": ["robots.txt"], "réserve": [True],
                          "ce qu'il dit": ["Le fichier bloque GPTBot et CCBot sur tout le site, et onze autres robots " * 3]})
    page = f'<div class="cell_output">{static_html((table.set_index("signal"), "Verdict : réservé."))}</div>'
    assert output_problems(page) == []


def test_fix_labels_wide_tables_for_phones_and_adds_the_reading_css_once():
    from atelier_tools.readable import fix

    table = ('<div class="pst-scrollable-table-container"><table class="table"><thead><tr>'
             + "".join(f'<th class="head"><p>colonne {i}</p></th>' for i in range(6))
             + "</tr></thead><tbody><tr>" + "<td><p>texte</p></td>" * 6 + "</tr></tbody></table></div>")
    page = f"<html><head></head><body>{table}</body></html>"
    fixed = fix(page)
    assert 'role="region" tabindex="0" aria-label="tableau de 6 colonnes (défilement horizontal possible)"' in fixed
    assert "faites-le défiler de côté" in fixed and fixed.count('id="atelier-lecture"') == 1
    assert fix(fixed) == fixed  # idempotent: a page kept from an earlier build is not changed twice
    assert "faites-le défiler" not in fix(table.replace("".join(f'<th class="head"><p>colonne {i}</p></th>' for i in range(2, 6)), ""))
