"""The « En bref, facile à lire » summary that opens every module (issue 16, item 3).

Each module has, right after its « Objectifs » cell, a Markdown cell of id ``en-bref`` that a
mediator can hand to anyone: 8 to 10 short sentences in easy-to-read French that give the
module's content in the body's own words, what a learner can remember (issue 24, item 6), not
its agenda: no « ce module », « nous verrons », « vous allez ».

The rules come from the European easy-to-read standards, « L'information pour tous. Règles
européennes pour une information facile à lire et à comprendre » (Inclusion Europe, 2009,
Pathways project; French version by the Unapei:
https://www.unapei.org/publication/linformation-pour-tous-regles-europeennes-pour-une-information-facile-a-lire-et-a-comprendre/),
as summarised by Inria (https://simulation-accessibilite.inria.fr/public/fr/methode-FALC.html:
« mots d'usage courant », « expression directe », « phrases courtes ») and by the Institut
Pasteur de Lille's digest of the same rules (choose words people know, explain the difficult
ones; no abbreviations, initials or acronyms; no percentages or big numbers; no special
characters; simple punctuation; short sentences, one per line). A machine can check only
the form; what this test checks, and the rule behind each check:

* 8 to 10 sentences, each on its own paragraph (« une phrase par ligne »);
* every sentence at most ``MAX_WORDS`` words (« phrases courtes »; some French digests of the
  rules say 12 to 15 words at most);
* one idea per sentence, approximated by at most one comma a sentence;
* no parentheses, brackets, semicolons, « etc. », per cent signs or special characters
  (« ponctuation simple », no footnote-like asides);
* numbers written as digits, not words (« 3 », not « trois »);
* no abbreviation unless the summary says what it stands for before or where it is first used;
* common words, approximated by word length: every word longer than ``MAX_LETTERS`` letters is
  in ``LONG_WORDS_ALLOWED`` with a reason, and the mean word length is at most
  ``MAX_MEAN_LETTERS`` (a frequency list such as the ``wordfreq`` package is not a dependency
  of the book, and long words are the rare ones in French).

A text is truly « FALC » only once people with an intellectual disability have read and
validated it; these summaries have not been, and the book does not show the FALC logo.

The checker fails on a long sentence (the checks below run this example):

>>> long = ("Ce module vous montre comment une commission de spécialistes a rédigé "
...         "un rapport remis au président.")
>>> [f for f in faults(summary([long] * 6)) if "mots" in f][0]
'phrase 1 : 16 mots, 15 au plus — « Ce module vous montre comment une commission de spécialistes a rédigé un rapport remis au président. »'
"""

from __future__ import annotations

import doctest
import re
import sys

import pytest
from notebook_tools import notebooks, read

HEADING = "## En bref, facile à lire"
CELL_ID = "en-bref"
MIN_SENTENCES, MAX_SENTENCES = 8, 10
# Words that announce the agenda instead of saying what to know (issue 24, item 6).
AGENDA = re.compile(r"\b(ce module|nous verrons|vous allez)\b", re.I)
MAX_WORDS = 15
MAX_COMMAS = 1
MAX_LETTERS = 12
MAX_MEAN_LETTERS = 6.0

# Words longer than MAX_LETTERS letters that a summary may use, each mapped to the reason no
# shorter common word will do (e.g. "apprentissage": "the name of the field, explained where
# used"). « intelligence » and « artificielle » have exactly 12 letters and need no entry.
# Empty on purpose: the eight summaries manage without a long word; add one only when a
# summary cannot avoid it.
LONG_WORDS_ALLOWED: dict[str, str] = {}

# Abbreviations a summary may use, with the words that must explain them in the same summary.
ABBREVIATIONS = {
    "IA": "intelligence artificielle",
}

NUMBER_WORDS = {
    "deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf", "dix", "onze", "douze",
    "treize", "quatorze", "quinze", "seize", "vingt", "trente", "quarante", "cinquante",
    "soixante", "cent", "cents", "mille",
}
FORBIDDEN = {
    "(": "parenthèse", ")": "parenthèse", "[": "crochet", "]": "crochet", ";": "point-virgule",
    "%": "pourcentage", "&": "caractère spécial", "§": "caractère spécial", "…": "points de suspension",
    "/": "barre oblique", "*": "caractère spécial", "`": "code",
}

_WORD = re.compile(r"[^\W_]+(?:['’-][^\W_]+)*")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")


def words(sentence: str) -> list[str]:
    """Words as a reader counts them: « l'IA » and « vous-même » are one word each."""
    return _WORD.findall(sentence)


def letters(word: str) -> int:
    return sum(ch.isalnum() for ch in word)


def parts(word: str) -> list[str]:
    """The pieces of an elided or hyphenated word: « l'apprentissage » → l, apprentissage."""
    return [p for p in re.split(r"['’-]", word) if p]


def sentences(source: str) -> list[str]:
    """The summary's sentences, the heading left out."""
    body = source.split("\n", 1)[1] if source.startswith(HEADING) else source
    return [s.strip() for s in _SENTENCE_END.split(body.strip()) if s.strip()]


def faults(source: str) -> list[str]:
    """Every easy-to-read rule the cell's Markdown breaks, in French, with the sentence."""
    out = []
    if not source.startswith(HEADING + "\n"):
        out.append(f"la cellule commence par « {HEADING} »")
    found = sentences(source)
    if not MIN_SENTENCES <= len(found) <= MAX_SENTENCES:
        out.append(f"{len(found)} phrases, il en faut de {MIN_SENTENCES} à {MAX_SENTENCES}")
    all_words = []
    for n, sentence in enumerate(found, 1):
        where = f"phrase {n} : "
        quoted = f" — « {sentence} »"
        ws = words(sentence)
        all_words += ws
        if len(ws) > MAX_WORDS:
            out.append(f"{where}{len(ws)} mots, {MAX_WORDS} au plus{quoted}")
        if sentence[-1] not in ".!?":
            out.append(f"{where}pas de point final{quoted}")
        if sentence.count(",") > MAX_COMMAS:
            out.append(f"{where}{sentence.count(',')} virgules, une idée par phrase{quoted}")
        for char, name in FORBIDDEN.items():
            if char in sentence:
                out.append(f"{where}{name} « {char} »{quoted}")
        if AGENDA.search(sentence):
            out.append(f"{where}annonce le programme « {AGENDA.search(sentence).group(0)} », dites le contenu{quoted}")
        if re.search(r"\betc\b", sentence, re.I):
            out.append(f"{where}« etc. »{quoted}")
        for word in ws:
            for part in parts(word):
                if part.lower() in NUMBER_WORDS:
                    out.append(f"{where}nombre en lettres « {part} », écrivez-le en chiffres{quoted}")
                if len(part) > MAX_LETTERS and part.lower() not in LONG_WORDS_ALLOWED:
                    out.append(f"{where}mot long « {part} » ({len(part)} lettres){quoted}")
                if len(part) >= 2 and part.isupper() and not part.isdigit():
                    meaning = ABBREVIATIONS.get(part)
                    said_before = " ".join(found[:n]).lower()
                    if meaning is None or meaning not in said_before:
                        out.append(f"{where}abréviation « {part} » non expliquée{quoted}")
    if all_words:
        mean = sum(letters(w) for w in all_words) / len(all_words)
        if mean > MAX_MEAN_LETTERS:
            out.append(f"longueur moyenne des mots {mean:.1f} lettres, {MAX_MEAN_LETTERS} au plus")
    return list(dict.fromkeys(out))


MODULES = notebooks("modules")


@pytest.mark.parametrize("path", MODULES, ids=lambda p: p.name)
def test_summary_comes_right_after_the_objectives(path):
    ids = [c.get("id") for c in read(path).cells]
    assert CELL_ID in ids, f"{path.name} : pas de cellule « {CELL_ID} »"
    assert ids.index(CELL_ID) == ids.index("objectifs") + 1, f"{path.name} : « {CELL_ID} » doit suivre « objectifs »"


@pytest.mark.parametrize("path", MODULES, ids=lambda p: p.name)
def test_summary_follows_the_easy_to_read_rules(path):
    cells = [c for c in read(path).cells if c.get("id") == CELL_ID]
    assert cells and cells[0].cell_type == "markdown", f"{path.name} : pas de cellule Markdown « {CELL_ID} »"
    found = faults(cells[0].source)
    assert not found, f"{path.name} :\n" + "\n".join(found)


def test_every_module_is_checked():
    assert len(MODULES) >= 8


# --- the checker itself ---------------------------------------------------------------

GOOD = [
    "On dit IA pour intelligence artificielle.",
    "Une IA fait des images, une autre fait de la musique.",
    "Une IA peut recopier une image de son entraînement.",
    "On le vérifie en cherchant l'exemple le plus proche.",
    "Un outil peut deviner l'auteur d'une phrase.",
    "Cet outil se trompe sur une phrase courte.",
    "La loi protège une œuvre créée par une personne.",
    "Les artistes peuvent refuser que leurs œuvres servent à entraîner une IA.",
]


def summary(lines: list[str]) -> str:
    return HEADING + "\n\n" + "\n\n".join(lines)


def test_a_good_summary_passes():
    assert faults(summary(GOOD)) == []


@pytest.mark.parametrize("bad, expected", [
    ("Ce module vous montre comment une commission de spécialistes a rédigé un très long rapport remis au président.",
     "mots, 15 au plus"),
    ("Vous voyez, avec un exemple, ce que dit la loi.", "virgules"),
    ("Vous voyez ce que dit la loi (en France).", "parenthèse"),
    ("Vous voyez la loi; puis vous agissez.", "point-virgule"),
    ("Vous voyez les images, les sons etc.", "etc."),
    ("Vous essayez trois petites IA.", "nombre en lettres"),
    ("Vous lisez les conseils de la CNIL.", "abréviation « CNIL »"),
    ("Vous découvrez l'interopérabilité des outils.", "mot long"),
    ("Vous voyez 40 % des textes.", "pourcentage"),
    ("Ce module parle de la loi.", "annonce le programme"),
    ("Nous verrons ce que dit la loi.", "annonce le programme"),
    ("Vous allez lire la loi.", "annonce le programme"),
])
def test_the_checker_fails_on_each_rule(bad, expected):
    found = faults(summary([*GOOD, bad]))
    assert any(expected in f for f in found), found


def test_an_abbreviation_must_be_explained_before_its_first_use():
    lines = [GOOD[1], GOOD[0], *GOOD[2:]]  # « l'IA » comes before « On dit IA pour… »
    assert any("abréviation « IA »" in f for f in faults(summary(lines)))


def test_the_checker_counts_sentences_and_needs_the_heading():
    assert any("phrases, il en faut" in f for f in faults(summary(GOOD[:5])))
    assert any("phrases, il en faut" in f for f in faults(summary(GOOD * 2)))
    assert any("commence par" in f for f in faults("## En bref\n\n" + "\n\n".join(GOOD)))


def test_long_common_words_push_the_mean_over_the_limit():
    heavy = ["Vous découvrez plusieurs exemples remarquables concernant différentes questions."] * 6
    found = faults(summary(heavy))
    assert not any("mot long" in f for f in found)  # no word over 12 letters, yet…
    assert any("longueur moyenne" in f for f in found), found


def test_an_allowed_long_word_passes_with_its_reason(monkeypatch):
    line = "Vous découvrez l'apprentissage des machines."
    assert any("mot long" in f for f in faults(summary([*GOOD, line])))
    monkeypatch.setitem(LONG_WORDS_ALLOWED, "apprentissage", "the name of the field, explained where used")
    assert faults(summary([*GOOD, line])) == []
    for word, reason in LONG_WORDS_ALLOWED.items():
        assert len(word) > MAX_LETTERS and word == word.lower() and reason.strip(), word


def test_the_docstring_example_holds():
    result = doctest.testmod(sys.modules[__name__], verbose=False)
    assert result.attempted >= 1 and result.failed == 0
