"""Every module page read in a real browser, on a laptop and on a phone (issue 23).

A learner must never lose meaning to the page's width: the page itself never scrolls sideways; a
table wider than its box sits in a labelled scroll region (« Tableau large : faites-le défiler de
côté ») rather than being clipped; a text output wraps; and, on a laptop, no line of the code a
learner is asked to read runs off its box at 1280 px. The static checks of what a page says (cut cells, raw
Markdown, developer strings) are in ``atelier_tools.readable`` (tests/test_book.py).
"""

from __future__ import annotations

import pytest

from atelier_ia.course import load_catalogue

MODULES = [m.id for m in load_catalogue().modules if m.available]
SIZES = {"ordinateur": (1366, 768), "téléphone": (390, 844)}

# What the page shows that is wider than its box, with the reason it is a fault.
MEASURE = """() => {
  const faults = [];
  const doc = document.documentElement;
  if (doc.scrollWidth > doc.clientWidth + 1)
    faults.push(`la page défile de côté (${doc.scrollWidth} px pour ${doc.clientWidth} px)`);
  const shown = el => el.offsetParent !== null && !el.closest('details:not([open])');
  document.querySelectorAll('main table').forEach((t, i) => {
    if (!shown(t)) return;
    const box = t.closest('.pst-scrollable-table-container') || t.parentElement;
    if (t.getBoundingClientRect().width <= box.clientWidth + 1) return;
    const style = getComputedStyle(box);
    const scrolls = ['auto', 'scroll'].includes(style.overflowX);
    const named = box.getAttribute('role') === 'region' && (box.getAttribute('aria-label') || '').trim();
    if (!scrolls || !named)
      faults.push(`tableau n° ${i + 1} plus large que sa boîte, sans défilement nommé : « ${t.innerText.slice(0, 60)} »`);
  });
  document.querySelectorAll('main .cell_output pre').forEach(pre => {
    if (shown(pre) && pre.scrollWidth > pre.clientWidth + 1)
      faults.push(`sortie coupée (${pre.scrollWidth} px pour ${pre.clientWidth} px) : « ${pre.innerText.slice(0, 60)} »`);
  });
  return faults;
}"""

# On a laptop, each shown line of code fits its box (folded code is not shown, so not measured).
CODE = """() => [...document.querySelectorAll('main .cell_input pre')]
  .filter(pre => pre.offsetParent !== null && !pre.closest('details:not([open])'))
  .filter(pre => pre.scrollWidth > pre.clientWidth + 1)
  .map(pre => `ligne de code trop longue (${pre.scrollWidth} px pour ${pre.clientWidth} px) : « ${
     pre.innerText.split('\\n').reduce((a, b) => b.length > a.length ? b : a, '').slice(0, 80)} »`)"""


@pytest.mark.book
@pytest.mark.browser
@pytest.mark.parametrize("size", SIZES, ids=list(SIZES))
@pytest.mark.parametrize("module", MODULES)
def test_module_page_loses_nothing_to_its_width(browser, book_server, module, size):
    from conftest import local_only

    width, height = SIZES[size]
    ctx = browser.new_context(locale="fr-FR", viewport={"width": width, "height": height})
    local_only(ctx)
    page = ctx.new_page()
    page.goto(f"{book_server}/modules/{module}.html", wait_until="load")
    faults = page.evaluate(MEASURE)
    if size == "ordinateur":  # the code box is narrowest on the smallest laptop screen
        page.set_viewport_size({"width": 1280, "height": 720})
        faults += page.evaluate(CODE)
    ctx.close()
    assert not faults, f"{module}, {size} ({width}×{height}) :\n" + "\n".join(faults)


@pytest.mark.book
@pytest.mark.browser
def test_the_measure_finds_a_clipped_table_and_a_long_code_line(browser, book_server):
    """The harness itself: a table too wide for an unnamed box, an output that does not wrap and a
    long code line are each reported."""
    ctx = browser.new_context(locale="fr-FR", viewport={"width": 390, "height": 844})
    page = ctx.new_page()
    page.goto(f"{book_server}/modules/{MODULES[0]}.html", wait_until="load")
    page.evaluate("""() => { const m = document.querySelector('main');
      const d = document.createElement('div'); d.style.overflowX = 'hidden'; d.style.width = '200px';
      d.innerHTML = '<table><tr><td style="white-space:nowrap">' + 'mot '.repeat(80) + '</td></tr></table>';
      const o = document.createElement('div'); o.className = 'cell_output';
      o.innerHTML = '<pre style="white-space:pre;overflow:hidden;width:200px">' + 'x'.repeat(300) + '</pre>';
      const c = document.createElement('div'); c.className = 'cell_input';
      c.innerHTML = '<pre style="white-space:pre;overflow:auto;width:200px">' + 'y = 1 + '.repeat(60) + '</pre>';
      m.prepend(d, o, c); }""")
    faults = page.evaluate(MEASURE) + page.evaluate(CODE)
    ctx.close()
    assert any("tableau" in f for f in faults), faults
    assert any("sortie coupée" in f for f in faults), faults
    assert any("ligne de code" in f for f in faults), faults
