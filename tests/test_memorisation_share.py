"""Share of copied n-grams (atelier_ia.memorisation.copied_ngram_share): behaviour, bad input,
properties."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from atelier_ia import AtelierError
from atelier_ia.memorisation import copied_ngram_share, longest_shared_run
from atelier_ia.text import NGramModel, word_tokens


def test_a_verbatim_copy_has_share_one_and_a_stranger_share_zero():
    source = "le corbeau et le renard"
    assert copied_ngram_share(source, [source], n=3) == 1.0
    assert copied_ngram_share("xyzxyzxyz", [source], n=3) == 0.0


def test_share_counts_positions_of_the_generated_sequence():
    # « le chat dort » has 9 letter 4-grams; « le c », « e ch », « cha », … « hat » are in
    # « le chat noir »: the first five (le c, e ch, " cha", chat, "hat ") are, the last four not.
    assert copied_ngram_share("le chat dort", "le chat noir", n=4) == pytest.approx(5 / 9)


def test_words_and_several_sources():
    gen = ["la", "nuit", "tombe", "sur", "la", "ville"]
    sources = [["la", "nuit", "tombe"], ["sur", "la", "ville"]]
    # bigrams of gen: la-nuit, nuit-tombe, tombe-sur, sur-la, la-ville → 4 of 5 found
    assert copied_ngram_share(gen, sources, n=2) == pytest.approx(4 / 5)


def test_longer_n_never_raises_the_share_of_a_copy_free_text():
    # A longer n is stricter: every copied (n+1)-gram contains a copied n-gram.
    source = "abracadabra"
    gen = "cadabracada"
    shares = [copied_ngram_share(gen, source, n=n) for n in range(1, 8)]
    assert all(a >= b for a, b in zip(shares, shares[1:]))


def test_a_higher_order_model_copies_more_of_its_training_text():
    # The module's claim: the longer the context, the more the model recites.
    text = ("Le musée ouvre ses portes à dix heures. Les visiteurs montent l'escalier de pierre. "
            "La gardienne salue chaque visiteur. Les tableaux du premier étage montrent le port. ") * 4
    source = word_tokens(text)
    low = NGramModel(order=1, level="word").fit(text).generate(length=80, seed=0)
    high = NGramModel(order=4, level="word").fit(text).generate(length=80, seed=0)
    assert copied_ngram_share(word_tokens(high), [source], n=5) >= copied_ngram_share(word_tokens(low), [source], n=5)
    assert longest_shared_run(word_tokens(high), [source]).length > longest_shared_run(word_tokens(low), [source]).length


@pytest.mark.parametrize("n", [0, -1, 1.5, "3", None, True])
def test_bad_n_is_refused_in_french(n):
    with pytest.raises(AtelierError):
        copied_ngram_share("abcdef", "abc", n=n)


@pytest.mark.parametrize("generated, sources", [
    (None, ["abc"]), ("abc", []), ("abc", None), ("abc", [["a", "b"]]), (["a"], "abc"), ("abc", [3]),
])
def test_bad_sequences_are_refused_in_french(generated, sources):
    with pytest.raises(AtelierError):
        copied_ngram_share(generated, sources, n=1)


def test_too_short_generated_sequence_says_what_to_do():
    with pytest.raises(AtelierError, match="plus longue"):
        copied_ngram_share("ab", "abc", n=5)


def test_unhashable_items_are_refused():
    with pytest.raises(AtelierError):
        copied_ngram_share([["a"], ["b"]], [[["a"], ["b"]]], n=1)


def test_inputs_are_not_mutated():
    gen, sources = ["a", "b", "c"], [["a", "b"], ["c"]]
    copied_ngram_share(gen, sources, n=1)
    assert gen == ["a", "b", "c"] and sources == [["a", "b"], ["c"]]


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet="abc ", min_size=3, max_size=40), st.text(alphabet="abc ", min_size=1, max_size=40),
       st.integers(min_value=1, max_value=3))
def test_share_is_a_proportion_and_one_for_a_substring(gen, source, n):
    share = copied_ngram_share(gen, [source], n=n)
    assert 0.0 <= share <= 1.0
    if len(gen) >= n:
        assert copied_ngram_share(gen, [gen + source], n=n) == 1.0
