"""The green-list watermark: embedded, detected, calibrated on human text, erased by edits."""

from __future__ import annotations

import copy
import math

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from atelier_ia import watermark as wm
from atelier_ia.corpus import fallback_corpus, load_author
from atelier_ia.errors import AtelierError
from atelier_ia.text import NGramModel, word_tokens

PROPERTY = settings(max_examples=25, deadline=None, derandomize=True, database=None, suppress_health_check=[HealthCheck.too_slow])
MARKED_TOKENS = 150  # the length at which the tests promise detection (delta = 2, gamma = 0.25)


@pytest.fixture(scope="module")
def model():
    """A word model with many choices at every step, as large models have.

    It is trained on a seeded random sequence of the words of the course's own text, so it
    needs neither the Littré nor luck: each word can be followed by almost any other.
    Measured before writing the tests: z ≥ 7.9 for 100 marked words over 90 seeds × keys.
    """
    words = sorted({t for t in word_tokens(fallback_corpus().text) if t[0].isalpha()})
    salad = " ".join(np.random.default_rng(0).choice(words, 20_000))
    return NGramModel(order=1, level="word").fit(salad)


@pytest.fixture(scope="module")
def course_model():
    """The course's own small text, order 1: few choices at many steps (low entropy)."""
    return NGramModel(order=1, level="word").fit(fallback_corpus().text)


@pytest.fixture(scope="module")
def human():
    """Passages of human text (the Littré's Victor Hugo, or the course's text without it)."""
    return wm.human_passages("Victor Hugo", n_tokens=100, max_passages=200)


# --------------------------------------------------------------------------- embedding and detection


@PROPERTY
@given(seed=st.integers(0, 2**32 - 1), key=st.integers(0, 10**9))
def test_marked_text_of_enough_words_is_always_detected(model, seed, key):
    text = wm.generate_watermarked(model, MARKED_TOKENS, seed=seed, delta=2.0, key=key)
    found = wm.detect(text, key=key)
    assert found.n_tokens >= MARKED_TOKENS - 5
    assert found.watermarked, found.explain()
    assert found.p_value < 1e-4


@PROPERTY
@given(seed=st.integers(0, 2**32 - 1), key=st.integers(0, 10**9))
def test_detection_needs_the_right_key(model, seed, key):
    text = wm.generate_watermarked(model, MARKED_TOKENS, seed=seed, key=key)
    assert wm.detect(text, key=key).watermarked
    assert not wm.detect(text, key=key + 1).watermarked


@PROPERTY
@given(seed=st.integers(0, 2**32 - 1))
def test_delta_zero_leaves_no_mark(model, seed):
    """The same generator without the bonus writes text the detector does not flag."""
    text = wm.generate_watermarked(model, MARKED_TOKENS, seed=seed, delta=0.0)
    assert not wm.detect(text).watermarked


def test_bonus_raises_the_share_of_green_words(model):
    plain = [wm.detect(wm.generate_watermarked(model, 200, seed=s, delta=0.0)) for s in range(10)]
    marked = [wm.detect(wm.generate_watermarked(model, 200, seed=s, delta=2.0)) for s in range(10)]

    def share(results):
        return sum(r.n_green for r in results) / sum(r.n_tokens for r in results)

    assert share(marked) > share(plain) + 0.15


def test_few_choices_make_a_weaker_mark(model, course_model):
    """Low entropy: when the model has one or two possible next words, the bonus changes little."""
    rich = np.mean([wm.detect(wm.generate_watermarked(model, 300, seed=s)).z for s in range(8)])
    poor = np.mean([wm.detect(wm.generate_watermarked(course_model, 300, seed=s)).z for s in range(8)])
    assert poor < rich - 3


@pytest.mark.usefixtures("littre")
def test_on_a_model_of_victor_hugo_the_mark_is_found_and_order_two_weakens_it():
    text = load_author("Victor Hugo").text
    one = NGramModel(order=1, level="word").fit(text)
    two = NGramModel(order=2, level="word").fit(text)
    z_one = [wm.detect(wm.generate_watermarked(one, 200, seed=s)).z for s in range(5)]
    z_two = [wm.detect(wm.generate_watermarked(two, 200, seed=s)).z for s in range(5)]
    assert min(z_one) > wm.DEFAULT_THRESHOLD
    assert np.mean(z_two) < np.mean(z_one) - 3  # order 2 mostly copies the quotations: little choice left


def test_same_seed_and_key_give_the_same_text_and_verdict(model):
    a = wm.generate_watermarked(model, 80, seed=7, key="clé")
    b = wm.generate_watermarked(model, 80, seed=7, key="clé")
    assert a == b
    assert wm.detect(a, key="clé") == wm.detect(b, key="clé")
    assert a != wm.generate_watermarked(model, 80, seed=8, key="clé")


def test_detect_accepts_tokens_and_text_alike(model):
    text = wm.generate_watermarked(model, 120, seed=3)
    tokens = word_tokens(text)
    kept = list(tokens)
    assert wm.detect(tokens) == wm.detect(text)
    assert tokens == kept  # the caller's list is not modified


def test_z_score_follows_the_formula():
    tokens = ["le", "chat", "dort", "sur", "le", "chat", "qui", "dort"] * 10
    found = wm.detect(tokens, gamma=0.25, key=5, min_tokens=1, ignore_repeats=False)
    n = len(tokens) - 1
    green = sum(wm.is_green(a, b, 0.25, 5) for a, b in zip(tokens, tokens[1:]))
    assert (found.n_tokens, found.n_green) == (n, green)
    assert found.z == pytest.approx((green - 0.25 * n) / math.sqrt(n * 0.25 * 0.75))
    assert found.p_value == pytest.approx(0.5 * math.erfc(found.z / math.sqrt(2)))


def test_ignore_repeats_counts_each_pair_once():
    tokens = ["la", "mer", "la", "mer", "la", "mer"] * 10
    assert wm.detect(tokens, min_tokens=1).n_tokens == 2  # (la, mer) and (mer, la): the default
    assert wm.detect(tokens, ignore_repeats=False, min_tokens=1).n_tokens == len(tokens) - 1


def test_short_text_gets_no_verdict(model):
    text = wm.generate_watermarked(model, 12, seed=1, delta=10.0)
    found = wm.detect(text)
    assert not found.judged and not found.watermarked
    assert "Trop court" in found.verdict


def test_headline_opens_the_verdict_and_gives_its_numbers(model):
    """A demo shows ``headline``, the verdict's first sentence, built from the numbers, not cut from the text."""
    marked = wm.detect(wm.generate_watermarked(model, 150, seed=0, delta=4.0))
    plain = wm.detect(wm.generate_watermarked(model, 150, seed=0, delta=0.0))
    short = wm.detect(wm.generate_watermarked(model, 12, seed=1, delta=10.0))
    for found, start in ((marked, "Tatouage détecté"), (plain, "Pas de tatouage détecté"), (short, "Trop court pour juger")):
        assert found.headline.startswith(start) and found.verdict.startswith(found.headline + ". ")
        assert "." not in found.headline.replace(",", "")  # one sentence, no full stop of its own
    assert marked.watermarked and not plain.watermarked and not short.judged
    assert f"{marked.z:.2f}".replace(".", ",") in marked.headline
    assert f"au moins {short.min_tokens}" in short.headline


def test_green_list_covers_about_gamma_of_the_vocabulary(model):
    for gamma in (0.1, 0.25, 0.5):
        share = wm.green_share(model, "la", gamma=gamma)
        sd = math.sqrt(gamma * (1 - gamma) / len(model.vocab))
        assert abs(share - gamma) < 5 * sd


def test_explanation_is_french_and_says_what_z_means(model):
    text = wm.generate_watermarked(model, 200, seed=0)
    words = wm.detect(text).explain()
    assert "Score z" in words and "écarts types" in words and "Valeur p" in words
    assert "\u00a0:" in words and " :" not in words


# --------------------------------------------------------------------------- human text


def test_no_human_passage_is_flagged_at_the_default_threshold(human):
    report = wm.false_positive_rate(human)
    assert report.n_texts >= 5
    assert report.n_flagged == 0, report.explain()


def _binomial_upper(n: int, p: float, alpha: float = 1e-4) -> int:
    """Smallest k with P(X > k) < alpha for X ~ Binomial(n, p)."""
    total, k = 0.0, 0
    while True:
        total += math.comb(n, k) * p**k * (1 - p) ** (n - k)
        if 1 - total < alpha:
            return k
        k += 1


@PROPERTY
@given(key=st.integers(0, 10**9), threshold=st.sampled_from([1.5, 2.0, 2.5]))
def test_human_text_is_flagged_no_more_than_the_stated_rate(human, key, threshold):
    report = wm.false_positive_rate(human, key=key, threshold=threshold)
    assert report.expected_rate == pytest.approx(0.5 * math.erfc(threshold / math.sqrt(2)))
    assert report.n_flagged <= _binomial_upper(report.n_texts, report.expected_rate), report.explain()


# --------------------------------------------------------------------------- edits erase the mark


@PROPERTY
@given(seed=st.integers(0, 2**32 - 1), edit_seed=st.integers(0, 1000))
def test_heavy_edits_lower_z_until_the_mark_is_lost(model, seed, edit_seed):
    text = wm.generate_watermarked(model, MARKED_TOKENS, seed=seed)
    before = wm.detect(text)
    light = wm.detect(wm.edit(text, 0.1, edit_seed, vocabulary=model))
    heavy = wm.detect(wm.edit(text, 0.9, edit_seed, vocabulary=model))
    assert before.watermarked
    assert heavy.z < light.z < before.z + 1e-9
    assert not heavy.watermarked


def test_edit_curve_falls(model):
    text = wm.generate_watermarked(model, 600, seed=2)
    curve = wm.edit_curve(text, shares=[0.0, 0.3, 0.6, 0.9], vocabulary=model)
    z = list(curve["score z"])
    assert z == sorted(z, reverse=True)
    assert curve["tatouage détecté"].iloc[0] and not curve["tatouage détecté"].iloc[-1]


def test_edit_replaces_the_asked_share_and_is_deterministic(model):
    text = wm.generate_watermarked(model, 200, seed=4)
    a, b = wm.edit(text, 0.5, 9, vocabulary=model), wm.edit(text, 0.5, 9, vocabulary=model)
    assert a == b
    before, after = word_tokens(text), word_tokens(a)
    words = [i for i, t in enumerate(before) if t[0].isalpha()]
    changed = sum(before[i] != after[i] for i in words) if len(before) == len(after) else None
    assert changed is not None and 0.35 * len(words) <= changed <= 0.5 * len(words) + 1
    assert wm.edit(text, 0.0, 9) == wm.edit(word_tokens(text), 0.0, 9)


def test_paraphrase_uses_synonyms_and_keeps_capitals():
    text = "Le grand musée ouvre ses salles. Grand public, grande joie : le spectacle est beau."
    out = wm.paraphrase(text, 1.0, 0)
    assert "vaste" in out.lower() and "Vaste" in out
    assert out != text
    assert wm.paraphrase(text, 0.0, 0) == wm.paraphrase(text, 0.0, 1)


# --------------------------------------------------------------------------- bad input

BAD = [None, "", "   ", 3.5, float("nan"), -1, True, [], {}, object()]


def _calls(model):
    return {
        "generate_watermarked(model)": lambda v: wm.generate_watermarked(v),
        "generate_watermarked(length)": lambda v: wm.generate_watermarked(model, v),
        "generate_watermarked(seed)": lambda v: wm.generate_watermarked(model, 10, seed=v),
        "generate_watermarked(gamma)": lambda v: wm.generate_watermarked(model, 10, gamma=v),
        "generate_watermarked(delta)": lambda v: wm.generate_watermarked(model, 10, delta=v),
        "generate_watermarked(key)": lambda v: wm.generate_watermarked(model, 10, key=v),
        "detect(text)": lambda v: wm.detect(v),
        "detect(gamma)": lambda v: wm.detect("un texte assez long", gamma=v),
        "detect(key)": lambda v: wm.detect("un texte assez long", key=v),
        "detect(threshold)": lambda v: wm.detect("un texte assez long", threshold=v),
        "detect(min_tokens)": lambda v: wm.detect("un texte assez long", min_tokens=v),
        "detect(ignore_repeats)": lambda v: wm.detect("un texte", ignore_repeats=v),
        "false_positive_rate(texts)": lambda v: wm.false_positive_rate(v),
        "false_positive_rate([v])": lambda v: wm.false_positive_rate([v]),
        "edit(text)": lambda v: wm.edit(v),
        "edit(share)": lambda v: wm.edit("un texte à retoucher", v),
        "edit(seed)": lambda v: wm.edit("un texte à retoucher", 0.5, v),
        "edit(vocabulary)": lambda v: wm.edit("un texte à retoucher", 0.5, 0, v),
        "paraphrase(text)": lambda v: wm.paraphrase(v),
        "paraphrase(share)": lambda v: wm.paraphrase("un grand texte", v),
        "edit_curve(shares)": lambda v: wm.edit_curve("un texte à retoucher", shares=v),
        "is_green(previous)": lambda v: wm.is_green(v, "mot"),
        "green_share(model)": lambda v: wm.green_share(v, "la"),
        "human_passages(author)": lambda v: wm.human_passages(v),
        "human_passages(n_tokens)": lambda v: wm.human_passages("Victor Hugo", v),
    }


#: Values in BAD that are legitimate for one argument (a delta or a threshold of 3.5 is fine).
ALLOWED = {
    "generate_watermarked(delta)": [3.5],
    "detect(threshold)": [3.5],
    "detect(ignore_repeats)": [True],  # True is the default
    "edit(vocabulary)": [None],  # None means: words of the text itself
}


@pytest.mark.parametrize("bad", BAD, ids=repr)
def test_bad_input_raises_a_french_atelier_error(model, bad):
    for name, call in _calls(model).items():
        if any(bad is ok or (type(bad) is type(ok) and bad == ok) for ok in ALLOWED.get(name, [])):
            continue
        try:
            call(bad)
        except AtelierError as exc:
            assert any(w in str(exc) for w in ("doit", "vide", "inconnu", "trop")), (name, str(exc))
        except Exception as exc:  # any error: the point of the test
            pytest.fail(f"{name} avec {bad!r} lève {type(exc).__name__} au lieu d'AtelierError : {exc}")
        else:
            pytest.fail(f"{name} accepte {bad!r} sans erreur")


def test_char_model_and_untrained_model_are_refused():
    char = NGramModel(order=2, level="char").fit("un petit texte pour essayer le modèle de caractères.")
    with pytest.raises(AtelierError, match="mots"):
        wm.generate_watermarked(char, 10)
    with pytest.raises(AtelierError, match="entraîné"):
        wm.generate_watermarked(NGramModel(level="word"), 10)


def test_negative_and_huge_sizes_are_refused(model):
    for length in (0, -5, wm.MAX_TOKENS + 1):
        with pytest.raises(AtelierError):
            wm.generate_watermarked(model, length)
    with pytest.raises(AtelierError):
        wm.detect(["mot"] * (wm.MAX_TOKENS + 1))
    with pytest.raises(AtelierError):
        wm.edit("un texte", -0.1)
    with pytest.raises(AtelierError):
        wm.edit("un texte", 1.5)


def test_inputs_are_never_mutated(model):
    tokens = word_tokens(wm.generate_watermarked(model, 60, seed=5))
    texts = [" ".join(tokens)]
    vocab = ["mer", "ciel", "vent"]
    saved = copy.deepcopy((tokens, texts, vocab))
    wm.detect(tokens)
    wm.edit(tokens, 0.5, 0, vocabulary=vocab)
    wm.paraphrase(tokens, 0.5)
    wm.edit_curve(tokens, shares=[0.0, 0.5])
    wm.false_positive_rate(texts)
    assert (tokens, texts, vocab) == saved
