"""The text library: tokens, BPE (checked against the `tokenizers` library), n-grams, sampling."""

from __future__ import annotations

import json
from collections import Counter

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from atelier_ia import AtelierError
from atelier_ia.corpus import load_author
from atelier_ia.text import BPETokenizer, NGramModel, apply_temperature, char_tokens, join_words, sample_index, word_tokens

FABLE = load_author("La Fontaine").text


@pytest.fixture(scope="module")
def bpe():
    return BPETokenizer.train(FABLE, 600)


def test_word_tokens_keep_french_elisions():
    assert word_tokens("L'art d'aimer, c'est tout !") == ["L'", "art", "d'", "aimer", ",", "c'", "est", "tout", "!"]
    assert join_words(["L'", "art", "d'", "aimer", ",", "c'", "est", "tout", "!"]) == "L'art d'aimer, c'est tout\u00a0!"
    assert char_tokens("été") == ["é", "t", "é"]


def test_bpe_learns_frequent_pieces_and_round_trips(bpe):
    assert len(bpe) == 600 and len(bpe.merges) == 344
    sentence = "Le corbeau et le renard, qu'il était beau !"
    ids = bpe.encode(sentence)
    assert bpe.decode(ids) == sentence
    assert len(ids) < len(sentence.encode("utf-8")) / 2, "les fusions compriment le texte"
    assert "".join(bpe.tokens(sentence)) == sentence


def test_bpe_matches_the_tokenizers_library(bpe):
    """Same corpus, same byte-level pre-tokenisation: the learnt merges coincide."""
    from tokenizers import Tokenizer, models, pre_tokenizers, trainers

    reference = Tokenizer(models.BPE())
    reference.pre_tokenizer = pre_tokenizers.ByteLevel(add_prefix_space=False)
    trainer = trainers.BpeTrainer(vocab_size=600, initial_alphabet=pre_tokenizers.ByteLevel.alphabet(),
                                  show_progress=False, min_frequency=2)
    reference.train_from_iterator([FABLE], trainer)
    # undo the byte → printable-character mapping of byte-level BPE
    printable = [*range(33, 127), *range(161, 173), *range(174, 256)]
    chars, extra = {}, 0
    for b in range(256):
        if b in printable:
            chars[chr(b)] = b
        else:
            chars[chr(256 + extra)] = b
            extra += 1
    merges = json.loads(reference.to_str())["model"]["merges"]
    theirs = [bytes(chars[c] for c in a + b) for a, b in (m if isinstance(m, list) else m.split(" ") for m in merges)]
    ours = bpe.vocab[256:]
    n = 200
    assert len(set(ours[:n]) & set(theirs[:n])) / n >= 0.95
    sample = FABLE[:20_000]
    assert abs(len(bpe.encode(sample)) - len(reference.encode(sample).ids)) / len(bpe.encode(sample)) < 0.02


def test_bpe_on_a_tiny_text_says_it_stopped_early():
    tok = BPETokenizer.train("abab abab", 400)
    assert len(tok) < 400 and "fusions" in tok.notice


@pytest.mark.parametrize("bad", [("", 300), ("texte", 10), ("texte", "300"), (None, 300)])
def test_bpe_bad_input(bad):
    with pytest.raises(AtelierError):
        BPETokenizer.train(*bad)


@settings(max_examples=60, deadline=None)
@given(st.text(max_size=200))
def test_bpe_round_trips_any_unicode(bpe, text):
    assert bpe.decode(bpe.encode(text)) == text


@settings(max_examples=60, deadline=None)
@given(st.text(max_size=120))
def test_text_functions_never_crash_on_unicode(text):
    assert "".join(char_tokens(text)) == text
    word_tokens(text)
    model = NGramModel(2, "char").fit("Un petit texte pour apprendre. " * 3)
    model.next_distribution(text)
    if len(text) >= 2:
        assert model.perplexity(text) > 0
    model.generate(20, seed=1, prompt=text)


def test_ngram_distribution_and_generation_are_deterministic():
    model = NGramModel(3, "char").fit(FABLE)
    dist = model.next_distribution("renar")
    assert dist.index[0] == "d" and abs(dist.sum() - 1) < 1e-9
    assert model.generate(150, seed=4) == model.generate(150, seed=4)
    assert model.generate(150, seed=4) != model.generate(150, seed=5)
    assert len(model.generate(150, seed=4, prompt="Le ")) == 153


def test_perplexity_prefers_the_authors_own_language(littre):
    model = NGramModel(3, "char").fit(FABLE[: len(FABLE) // 2])
    held_out = FABLE[len(FABLE) // 2 :][:3000]
    assert model.perplexity(held_out) < model.perplexity("Zyx qwv kkj pfft xz " * 20)


def test_word_model_generates_known_words():
    model = NGramModel(2, "word").fit(FABLE)
    words = set(word_tokens(FABLE))
    generated = word_tokens(model.generate(60, seed=2))
    assert generated and all(w in words for w in generated)


def test_temperature_follows_the_distribution_at_one_and_becomes_greedy():
    probs = np.array([0.5, 0.3, 0.2])
    assert np.allclose(apply_temperature(probs, 1.0), probs)
    assert apply_temperature(probs, 0)[0] == 1.0
    cold = apply_temperature(probs, 0.05)
    assert cold[0] > 0.999
    hot = apply_temperature(probs, 5.0)
    assert hot.max() - hot.min() < 0.1
    rng = np.random.default_rng(0)
    draws = Counter(sample_index(probs, rng) for _ in range(6000))
    freqs = np.array([draws[i] / 6000 for i in range(3)])
    assert np.abs(freqs - probs).max() < 0.03
    assert {sample_index(probs, rng, temperature=0) for _ in range(50)} == {0}
    assert {sample_index(probs, rng, top_k=1) for _ in range(50)} == {0}
    series = apply_temperature(pd.Series(probs, index=list("abc")), 0.5)
    assert list(series.index) == list("abc") and abs(series.sum() - 1) < 1e-9


@settings(max_examples=40, deadline=None)
@given(st.lists(st.floats(min_value=0.001, max_value=1), min_size=2, max_size=8), st.floats(min_value=0.01, max_value=5))
def test_temperature_keeps_the_ranking(values, t):
    out = apply_temperature(np.array(values), t)
    assert abs(out.sum() - 1) < 1e-9
    assert np.argmax(out) == np.argmax(values)


@pytest.mark.parametrize(
    "kwargs,expected",
    [
        (dict(order=0), "order"),
        (dict(order=7), "order"),
        (dict(level="phrase"), "level"),
        (dict(k=0), "lissage"),
    ],
)
def test_ngram_bad_parameters(kwargs, expected):
    with pytest.raises(AtelierError, match=expected):
        NGramModel(**kwargs)


def test_ngram_bad_use():
    with pytest.raises(AtelierError, match="pas encore entraîné"):
        NGramModel().generate()
    with pytest.raises(AtelierError, match="trop court"):
        NGramModel(4).fit("abc")
    model = NGramModel(2).fit(FABLE[:5000])
    with pytest.raises(AtelierError, match="température"):
        model.generate(10, temperature=-1)
    with pytest.raises(AtelierError, match="seed"):
        model.generate(10, seed="zéro")
    with pytest.raises(AtelierError, match="chaîne de caractères"):
        model.fit(42)


@pytest.mark.parametrize("text", ["_", "a_b", "snake_case_name", "__init__", " _ "])
def test_bpe_round_trips_underscores(bpe, text):
    """Regression: the chunk pattern once skipped « _ », which then vanished from the text."""
    assert bpe.decode(bpe.encode(text)) == text


def test_word_model_keeps_line_breaks_and_counts_parameters():
    assert word_tokens("Un vers.\nUn autre.") == ["Un", "vers", ".", "\n", "Un", "autre", "."]
    model = NGramModel(2, "word").fit(FABLE)
    assert "\n" in model.generate(200, seed=0)
    assert model.n_parameters == sum(len(v) for v in model._table(2).values()) > 1000


def test_bpe_new_tokens_follow_the_merges(bpe):
    assert bpe.new_tokens[0] == "".join(bpe.merges[0]) and len(bpe.new_tokens) == len(bpe.merges)
