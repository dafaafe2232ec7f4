"""Tests of atelier_ia.diversity: cost of a language, diversity measures, collapse, probes."""

from __future__ import annotations

import copy
from collections import Counter

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from atelier_ia import AtelierError
from atelier_ia.diversity import (
    association_scores,
    collapse_melody,
    collapse_text,
    distinct_ngrams,
    diversity_profile,
    interval_counts,
    language_cost,
    load_parallel_texts,
    rare_survival,
    temperature_sweep,
    word_entropy,
)
from atelier_ia.text import BPETokenizer

CORPUS = "\n".join(
    f"Le {a} du {b} chante sous la {c} du soir." for a in ("chœur", "public", "poète", "régisseur")
    for b in ("théâtre", "musée", "festival") for c in ("lune", "pluie", "lampe")
) + "\nUne grue solitaire traverse la baie de Morlaix.\n"

TUNES = [[(60, 1.0), (62, 1.0), (64, 1.0), (60, 1.0), (67, 2.0), (None, 1.0), (65, 1.0), (64, 1.0)] * 3,
         [(67, 0.5), (65, 0.5), (64, 1.0), (62, 1.0), (60, 2.0), (72, 1.0), (71, 1.0), (69, 1.0)] * 3]


# -- 1. cost of a language

def test_parallel_texts_cover_regional_languages_and_french():
    table = load_parallel_texts()
    assert {"français", "anglais", "breton", "basque", "alsacien", "corse"} <= set(table.langue)
    assert (table.groupe == "langue régionale de France").sum() >= 5
    assert table.texte.str.len().min() > 80  # a whole article, not a title
    assert table.source.str.contains("udhr").all()


def test_language_cost_reference_ratio_is_one_and_french_bpe_favours_french():
    texts = {"français": "Les musées de la ville ouvrent leurs collections au public le dimanche.",
             "breton": "Digor eo mirdioù kêr d'an dud d'ar Sul."}
    bpe = BPETokenizer.train("Les musées de la ville ouvrent leurs collections au public. " * 30, vocab_size=300)
    table = language_cost(texts, bpe=bpe, multilingual=False).set_index("langue")
    assert table.loc["français", "× référence (BPE)"] == 1.0
    # trained on this very sentence, the French BPE needs far fewer tokens than bytes
    assert table.loc["français", "jetons (BPE du cours)"] < len(texts["français"].encode()) / 3
    assert "jetons (multilingue)" not in table


def test_language_cost_multilingual_counts_match_embeddings():
    from atelier_ia.embeddings import count_tokens

    table = language_cost({"français": "Bonjour à toutes et à tous.", "anglais": "Hello everyone."})
    assert table.set_index("langue").loc["anglais", "jetons (multilingue)"] == count_tokens("Hello everyone.")


def test_language_cost_does_not_mutate_and_refuses_bad_input():
    texts = load_parallel_texts()
    before = texts.copy()
    language_cost(texts.head(3), multilingual=True)
    pd.testing.assert_frame_equal(texts, before)
    with pytest.raises(AtelierError, match="référence"):
        language_cost({"anglais": "Hello"})
    with pytest.raises(AtelierError, match="dictionnaire"):
        language_cost("Bonjour")
    with pytest.raises(AtelierError, match="tokenizer"):
        language_cost({"français": "Bonjour"}, multilingual=False)
    with pytest.raises(AtelierError):
        language_cost({"français": ""})


# -- 2. homogenisation

def test_distinct_ngrams_counts_repeats():
    assert distinct_ngrams(["la mer la mer"], 1) == 0.5
    assert distinct_ngrams(["a b c", "d e f"], 2) == 1.0
    assert distinct_ngrams(["a b", "a b"], 2) == 0.5  # the same bigram in two texts
    assert distinct_ngrams(["seul"], 2) == 0.0  # no bigram at all


def test_entropy_is_log2_of_vocabulary_for_uniform_words():
    assert word_entropy(["un deux trois quatre"]) == pytest.approx(2.0)
    assert word_entropy(["encore encore encore"]) == pytest.approx(0.0)


def test_rare_survival():
    ref = ["la", "la", "mer", "grue", "baie"]
    assert rare_survival(["la", "grue"], ref) == pytest.approx(1 / 3)
    assert rare_survival(["la"], ref) == 0.0
    assert rare_survival(Counter({"mer": 2}), ref) == pytest.approx(1 / 3)
    with pytest.raises(AtelierError):
        rare_survival("la mer", ref)


def test_profile_keys_and_reference():
    profile = diversity_profile(["Le chœur chante.", "Le public chante."], reference=CORPUS)
    assert profile["mots"] == 6 and profile["vocabulaire"] == 4
    assert 0 <= profile["mots rares conservés"] <= 1


def test_low_temperature_is_less_diverse_than_high_and_sweep_is_deterministic():
    from atelier_ia.corpus import fallback_corpus

    text = fallback_corpus().text
    a = temperature_sweep(text, temperatures=[0.2, 2.0], n_texts=10, length=15, seed=1)
    b = temperature_sweep(text, temperatures=[0.2, 2.0], n_texts=10, length=15, seed=1)
    pd.testing.assert_frame_equal(a, b)
    assert list(a.source) == ["corpus humain", "modèle", "modèle"]
    assert a.loc[1, "distinct-2"] < a.loc[2, "distinct-2"]
    assert a.loc[1, "entropie (bits)"] < a.loc[2, "entropie (bits)"]
    with pytest.raises(AtelierError):
        temperature_sweep(CORPUS, temperatures=[])
    with pytest.raises(AtelierError):
        temperature_sweep(CORPUS, temperatures=[float("nan")])


@settings(max_examples=25, deadline=None)
@given(st.lists(st.text(alphabet="abc ", min_size=1, max_size=30), min_size=1, max_size=6), st.integers(1, 3))
def test_distinct_is_a_share(texts, n):
    assert 0.0 <= distinct_ngrams(texts, n) <= 1.0
    assert word_entropy(texts) >= 0.0


# -- 3. collapse

def test_text_collapse_only_loses_rare_words_and_is_deterministic():
    run = collapse_text(CORPUS, generations=4, seed=0)
    again = collapse_text(CORPUS, generations=4, seed=0)
    pd.testing.assert_frame_equal(run.table, again.table)
    table = run.table
    assert list(table["génération"]) == [0, 1, 2, 3, 4]
    assert table.loc[0, "mots rares conservés"] == 1.0
    # a word a generation never wrote cannot come back: the vocabulary never grows
    assert table["vocabulaire"].is_monotonic_decreasing
    assert table.loc[4, "mots rares conservés"] < 1.0
    assert set(run.lost) <= set(w.lower() for w in CORPUS.replace(".", " ").split())
    assert len(run.corpora) == 5 and run.corpora[0] == CORPUS


def test_melody_collapse():
    before = copy.deepcopy(TUNES)
    run = collapse_melody(TUNES, generations=3, seed=0)
    assert TUNES == before
    assert run.table.loc[0, "intervalles distincts"] == len(interval_counts(TUNES))
    assert run.table["intervalles distincts"].is_monotonic_decreasing
    assert len(run.corpora[1]) == len(TUNES)


def test_interval_counts_skip_rests():
    assert interval_counts([[(60, 1.0), (None, 1.0), (64, 1.0), (62, 1.0)]]) == Counter({4: 1, -2: 1})


def test_collapse_refuses_bad_input():
    with pytest.raises(AtelierError):
        collapse_text("trop court", generations=2)
    with pytest.raises(AtelierError):
        collapse_text(CORPUS, generations=0)
    with pytest.raises(AtelierError):
        collapse_text(CORPUS, temperature=-1)
    with pytest.raises(AtelierError):
        collapse_melody("do ré mi")


# -- 4. associations

def test_association_scores_columns_and_sign():
    table = association_scores(["une reine", "un roi"], ["une femme", "elle"], ["un homme", "il"],
                               templates=["{}", "C'est {}."], names=("femme", "homme"))
    assert list(table.columns) == ["cible", "écart moyen", "écart min", "écart max", "plus proche de"]
    assert (table["écart min"] <= table["écart moyen"]).all() and (table["écart moyen"] <= table["écart max"]).all()
    reine, roi = table.set_index("cible")["écart moyen"]
    assert reine > roi  # grammatical gender alone already separates them


def test_association_refuses_bad_templates():
    with pytest.raises(AtelierError, match="gabarit"):
        association_scores(["artiste"], ["femme"], ["homme"], templates=["sans trou"])
    with pytest.raises(AtelierError):
        association_scores([], ["femme"], ["homme"])
    with pytest.raises(AtelierError):
        association_scores(["artiste"], ["femme"], ["homme"], names=("seul",))
