"""The accessibility corrections applied to every page after the build (fast, no browser);
tests/test_accessibility.py checks the built book with axe-core and the keyboard."""

from __future__ import annotations

from atelier_tools.accessibility import CSS, fix, fix_static

SEARCH = ('<button class="btn search-button-field search-button__button pst-js-only" title="Recherche" '
          'aria-label="Recherche" data-bs-placement="bottom"><span>Recherche</span><kbd>Ctrl</kbd>+<kbd>K</kbd></button>')
THEME = ('<button class="btn theme-switch-button" aria-label="Thème">'
         '<i class="theme-switch fa-solid fa-sun fa-lg" data-mode="light" title="Clair"></i></button>')
BIB = '<div role="list" class="citation-list"><div class="citation" id="id1" role="doc-biblioentry"><p>X</p></div></div>'
TABLE = ('<table class="table">\n<thead>\n<tr class="row-odd"><th class="head"><p></p></th>\n<th class="head"><p>A</p></th>\n'
         '</tr>\n</thead>\n<tbody>\n<tr class="row-even"><td><p>ligne</p></td>\n<td><p>1</p></td>\n</tr>\n</tbody>\n</table>')
HEADER = '<header id="pst-header" class="bd-header navbar">\n\n</header>'
TOC = ('<li class="toctree-l1 has-children"><a class="reference internal" href="annexes/metiers/index.html">Parcours par '
       'métier</a><details open="open"><summary><span class="toctree-toggle" role="presentation"><i class="fa"></i></span>'
       '</summary><ul></ul></details></li>')
PAGE = f"<html><head><title>t</title></head><body>{HEADER}{SEARCH}{THEME}{BIB}{TABLE}{TOC}" \
       '<details><summary aria-label="Toggle hidden content"><p>Afficher le code</p></summary></details></body></html>'


def test_fix_names_contain_visible_text_and_lists_have_items():
    out = fix(PAGE)
    assert 'aria-label="Recherche"' not in out and 'title="Recherche"' in out  # name from its visible text
    assert "<summary><p>Afficher le code</p></summary>" in out
    assert 'title="Clair"' not in out and '<i aria-hidden="true" class="theme-switch' in out
    assert 'role="doc-biblioentry"' not in out and 'role="listitem"' in out
    assert '<details open="open"><summary aria-label="Sous-pages de «\u00a0Parcours par métier\u00a0»">' in out
    assert '<th scope="row"><p>ligne</p></th>' in out and "<td><p>1</p></td>" in out
    assert '<header id="pst-header" class="bd-header navbar" hidden></header>' in out
    assert out.count(CSS) == 1 and out.index(CSS) < out.index("</head>")
    assert fix(out) == out  # applied twice (a rebuild of some pages), nothing changes
    older = out.replace(CSS, "#x{color:red}")  # a page kept from a build with older rules
    assert fix(older) == out


def test_fix_leaves_tables_with_a_corner_header_and_full_headers_alone():
    table = TABLE.replace('<th class="head"><p></p></th>', '<th class="head"><p>Nom</p></th>')
    assert fix(table) == table
    header = '<header id="pst-header" class="bd-header"><div class="bd-header__inner">x</div></header>'
    assert fix(header) == header


def test_fix_static_names_the_solution_toggle_in_french(tmp_path):
    static = tmp_path / "_static"
    static.mkdir()
    js = static / "togglebutton.js"
    js.write_text('x = `<button aria-label="Toggle hidden content">`;\n'
                  "button.dataset.toggleHint = toggleHintHide;\nbutton.dataset.toggleHint = toggleHintShow;\n",
                  encoding="utf-8")
    fix_static(tmp_path)
    fix_static(tmp_path)
    text = js.read_text(encoding="utf-8")
    assert "Toggle hidden content" not in text and 'aria-label="${toggleHintShow}"' in text
    assert text.count('setAttribute("aria-label", toggleHintHide)') == 1
    assert text.count('setAttribute("aria-label", toggleHintShow)') == 1
