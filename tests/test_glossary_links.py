"""The first use of each glossary term in a module page becomes a glossary link, at build time
(atelier_tools.glossary_links), from the forms written once in data/course/glossaire-formes.yml."""

from __future__ import annotations

import pytest
from docutils import nodes
from sphinx import addnodes

from atelier_ia.errors import AtelierError
from atelier_tools import glossary_links as gl


def _para(*parts) -> nodes.paragraph:
    p = nodes.paragraph()
    for part in parts:
        p += nodes.Text(part) if isinstance(part, str) else part
    return p


def _explicit(text: str, target: str) -> addnodes.pending_xref:
    """What MyST writes for {term}`text <target>`."""
    ref = addnodes.pending_xref("", refdomain="std", reftype="term", reftarget=target, refexplicit=True)
    ref += nodes.inline(text, text, classes=["xref", "std", "std-term"])
    return ref


def _refs(tree, term=None):
    return [r for r in tree.findall(addnodes.pending_xref)
            if r["reftype"] == "term" and (term is None or r["reftarget"] == term)]


@pytest.fixture()
def page():
    doc = nodes.document(None, None)
    section = nodes.section()
    section += nodes.title("", "Jetons et entraînement")
    section += _para("Un modèle découpe le texte en ", nodes.literal("jeton", "jeton"), ".")
    section += _para("Avant l'entraînement, le texte est découpé en jetons ; chaque jeton reçoit un numéro.")
    section += _para("Le ", _explicit("RGPD", "RGPD"), " s'applique. Le RGPD protège les personnes.")
    section += _para("Relisez la fouille de textes", "\n", "et de données avant de passer au TDM.")  # MyST: a line break is its own text node
    section += _para("En considérant ce cas, lisez le considérant 105.")
    cell = nodes.container(classes=["cell"])
    cell += _para("Sortie : moissonnage de pages.")
    section += cell
    section += _para("Le moissonnage et le RGPD, encore l'entraînement.")
    doc += section
    return doc


def test_first_use_is_linked_and_the_next_ones_are_not(page):
    linked = gl.link_first_uses(page, "modules/04-donnees-et-droits")
    jetons = _refs(page, "jeton")
    assert len(jetons) == 1, "un seul lien par terme et par page"
    assert jetons[0].astext() == "jetons", "la forme du texte est gardée, le pluriel reconnu"
    assert jetons[0]["refdomain"] == "std" and jetons[0]["refdoc"] == "modules/04-donnees-et-droits"
    assert jetons[0][0]["classes"] == ["xref", "std", "std-term"], "le même nœud que le rôle {term}"
    second = jetons[0].parent
    assert "chaque jeton reçoit" in second.astext() and second.astext().count("jeton") == 2
    assert linked.index("entraînement") < linked.index("jeton"), "dans l'ordre de la page"


def test_elision_is_read_and_the_article_stays_outside_the_link(page):
    gl.link_first_uses(page, "modules/m")
    (ref,) = _refs(page, "entraînement")
    assert ref.astext() == "entraînement"
    before = ref.parent[ref.parent.index(ref) - 1]
    assert str(before).endswith("Avant l'")


def test_heading_code_and_cell_outputs_are_not_linked(page):
    gl.link_first_uses(page, "modules/m")
    title = next(page.findall(nodes.title))
    assert not list(title.findall(addnodes.pending_xref)), "pas de lien dans un titre"
    literal = next(page.findall(nodes.literal))
    assert not list(literal.findall(addnodes.pending_xref)), "pas de lien dans du code"
    cell = next(n for n in page.findall(nodes.container) if "cell" in n["classes"])
    assert not list(cell.findall(addnodes.pending_xref)), "pas de lien dans la sortie d'une cellule"
    (moisson,) = _refs(page, "moissonnage")
    assert moisson.parent.astext().startswith("Le moissonnage et"), "le premier emploi hors cellule"


def test_a_term_linked_by_hand_higher_up_is_not_linked_again(page):
    linked = gl.link_first_uses(page, "modules/m")
    rgpd = _refs(page, "RGPD")
    assert len(rgpd) == 1 and "RGPD" not in linked, "le {term} écrit à la main suffit"


def test_a_form_across_a_line_break_and_an_abbreviation_are_one_term(page):
    linked = gl.link_first_uses(page, "modules/m")
    (fouille,) = _refs(page, "fouille de textes et de données")
    assert fouille.astext() == "fouille de textes\net de données"
    assert linked.count("fouille de textes et de données") == 1, "« TDM », plus loin, n'est pas relié une seconde fois"


def test_a_word_that_is_another_word_after_some_words_is_left(page):
    gl.link_first_uses(page, "modules/m")
    (ref,) = _refs(page, "considérant")
    assert ref.parent.astext().startswith("En considérant ce cas, lisez le ")


def test_a_word_followed_by_words_that_give_it_another_sense_is_left():
    matcher = gl.Matcher([gl.Term("modèle", ("modèle",), not_before=("de charte",))])
    text = "Un modèle de\ncharte, puis un modèle de langue."
    found = [(start, term) for start, _, term in matcher.find(text)]
    assert found == [(text.index("modèle de langue"), "modèle")]


def test_an_explicit_link_further_down_does_not_stop_the_first_use():
    doc = nodes.document(None, None)
    doc += _para("Le corpus est choisi.")
    doc += _para("Voir ", _explicit("corpus", "corpus"), ".")
    assert gl.link_first_uses(doc, "modules/m") == ["corpus"]
    assert len(_refs(doc, "corpus")) == 2


def test_whole_words_only():
    matcher = gl.Matcher([gl.Term("jeton", ("jeton",)), gl.Term("TDM", ("TDM",))])
    assert [t for _, _, t in matcher.find("surjetons, jetonnage, TDMRep, TDM.")] == ["TDM"]
    assert [t for _, _, t in matcher.find("Jetons, l’jeton")] == ["jeton", "jeton"]


def test_forms_file_covers_the_glossary_exactly_and_each_form_names_one_term():
    terms = gl.load_terms()
    assert sorted(t.term for t in terms) == sorted(gl.glossary_terms()), "une entrée par terme du glossaire"
    matcher = gl.Matcher(terms)
    for t in terms:
        for form in t.forms:
            found = list(matcher.find(form))
            assert [(0, len(form), t.term)] == found, f"la forme « {form} » doit désigner « {t.term} »"


def test_forms_file_without_forms_fails_in_french(tmp_path):
    bad = tmp_path / "formes.yml"
    bad.write_text("termes:\n  jeton: {}\n", encoding="utf-8")
    with pytest.raises(AtelierError, match="« jeton » doit avoir une liste « formes »"):
        gl.load_terms(bad)


def test_a_long_definition_is_cut_after_whole_sentences_for_the_bubble():
    from atelier_tools import glossary_tips

    first = "La loi le permet (art. L. 122-5-3 du CPI, cf. c. LAION) à toute personne."
    long = " ".join([first] + ["Une phrase de plus pour allonger la définition du terme."] * 12)
    text, cut = glossary_tips.short(long, words=30)
    assert cut and text.startswith(first) and text.endswith(".")
    assert len(text.split()) <= 30 and text in long, "des phrases entières, prises au début"
    assert glossary_tips.short(first, words=5) == (first, False), "une seule phrase n'est jamais coupée, même longue"
    assert glossary_tips.sentences(first + " Et une autre.") == [first, "Et une autre."], "« art. », « L. », « c. » ne finissent pas une phrase"
    assert glossary_tips.short("Court.", words=30) == ("Court.", False)
    html = ('<dl><dt id="term-x">x</dt><dd><p>' + long + "</p></dd>"
            '<dt id="term-y">y</dt><dd><p>Court.</p></dd></dl>')
    defs = glossary_tips.definitions(html)
    assert defs["term-x"]["suite"] is True and len(defs["term-x"]["definition"].split()) <= glossary_tips.TIP_WORDS
    assert "suite" not in defs["term-y"]


def test_the_bubble_keeps_french_no_break_spaces():
    from atelier_tools import glossary_tips

    html = '<dl><dt id="term-x">x</dt><dd><p>Un nom\n(\u00ab\u00a0User-agent\u00a0\u00bb)\u00a0: une demande.</p></dd></dl>'
    text = glossary_tips.definitions(html)["term-x"]["definition"]
    assert text == "Un nom (\u00ab\u00a0User-agent\u00a0\u00bb)\u00a0: une demande."
