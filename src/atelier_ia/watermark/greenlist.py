"""The green list and the embedding: which words are green after a given word, and a generator that prefers them.

Also the checks of the arguments that the detector and the edits share.
"""

from __future__ import annotations

import hashlib
import numbers

import numpy as np

from ..errors import AtelierError, describe
from ..fmt import french_number
from ..text import NGramModel, join_words, sample_index, word_tokens
from ..validation import check_int, check_real, check_seed, check_text

__all__ = ["DEFAULT_DELTA", "DEFAULT_GAMMA", "DEFAULT_KEY", "DEFAULT_THRESHOLD", "MAX_TOKENS", "MIN_TOKENS",
           "generate_watermarked", "green_share", "is_green"]

DEFAULT_GAMMA = 0.25      # share of green words (the paper's reference code uses 0.25)
DEFAULT_DELTA = 2.0       # bonus added to green logits
DEFAULT_KEY = 15485863    # any secret number or text; this one is only for the book
DEFAULT_THRESHOLD = 4.0   # z above which a text is declared watermarked (one-sided p ≈ 3 × 10⁻⁵)
MIN_TOKENS = 25           # below this many scored words, no verdict is given
MAX_TOKENS = 20_000       # longest text judged or generated (keeps every call under a second)


# --------------------------------------------------------------------------- checks


def check_gamma(gamma) -> float:
    return check_real(gamma, "gamma", 0.01, 0.99, hint=" (la part de mots « verts », par exemple 0.25)")


def _check_delta(delta) -> float:
    return check_real(delta, "delta", 0.0, 20.0, hint=" (le bonus ajouté aux mots verts, par exemple 2.0)")


def check_threshold(threshold) -> float:
    return check_real(threshold, "seuil", 0.0, 20.0, hint=" (le score z au-delà duquel on conclut au tatouage, par exemple 4.0)")


def check_key(key) -> bytes:
    """The secret key, hashed to 32 bytes: from a non-empty text or a natural number."""
    if isinstance(key, str):
        if not key.strip():
            raise AtelierError("La clé secrète « key » est vide : donnez un texte ou un nombre entier, par exemple 15485863.")
        if len(key) > 1000:
            raise AtelierError(f"La clé secrète « key » est trop longue ({len(key)} caractères) : 1000 au plus.")
        return hashlib.sha256(b"s:" + key.encode("utf-8")).digest()
    if isinstance(key, bool) or not isinstance(key, numbers.Integral) or not 0 <= key < 2**128:
        raise AtelierError(
            "La clé secrète « key » doit être un texte non vide ou un nombre entier positif "
            f"(par exemple 15485863) ; vous avez donné {describe(key)}."
        )
    return hashlib.sha256(b"i:" + str(int(key)).encode("ascii")).digest()


def check_model(model) -> NGramModel:
    if not isinstance(model, NGramModel):
        raise AtelierError(
            "« model » doit être un modèle de mots entraîné, créé par NGramModel(order=2, level=\"word\").fit(texte) ; "
            f"vous avez donné {describe(model)}."
        )
    if model.level != "word":
        raise AtelierError(
            "Le tatouage de ce cours travaille sur des mots : entraînez un modèle NGramModel(level=\"word\") "
            "plutôt qu'un modèle de caractères."
        )
    model.require_fitted()  # a model not fitted yet gets the library's French error
    return model


def check_tokens(text_or_tokens, what: str = "le texte à analyser") -> list[str]:
    """Word tokens of a text, or a list/tuple of tokens (copied, never modified)."""
    if isinstance(text_or_tokens, str):
        check_text(text_or_tokens, what)
        tokens = word_tokens(text_or_tokens)
    elif isinstance(text_or_tokens, (list, tuple)):
        if not text_or_tokens:
            raise AtelierError(f"{what[0].upper() + what[1:]} est une liste vide : donnez un texte ou une liste de mots.")
        bad = next((t for t in text_or_tokens if not isinstance(t, str) or not t), None)
        if bad is not None or any(not isinstance(t, str) for t in text_or_tokens):
            raise AtelierError(
                f"{what[0].upper() + what[1:]} doit être un texte ou une liste de mots (des textes non vides) ; "
                f"un élément vaut {describe(bad)}."
            )
        tokens = list(text_or_tokens)
    else:
        raise AtelierError(
            f"{what[0].upper() + what[1:]} doit être un texte (entre guillemets) ou une liste de mots ; "
            f"vous avez donné {describe(text_or_tokens)}."
        )
    if len(tokens) > MAX_TOKENS:
        raise AtelierError(
            f"{what[0].upper() + what[1:]} compte {french_number(len(tokens))} mots : {french_number(MAX_TOKENS)} au plus. "
            "Coupez-le en plusieurs morceaux."
        )
    return tokens


# --------------------------------------------------------------------------- the green list


def score(key: bytes, previous: str, token: str) -> float:
    """A number in [0, 1) fixed by the key and the pair (previous, token), looking random."""
    digest = hashlib.blake2b(
        previous.encode("utf-8") + b"\x00" + token.encode("utf-8"), key=key, digest_size=8
    ).digest()
    return int.from_bytes(digest, "big") / 2**64


def _green_flags(key: bytes, previous: str, tokens, gamma: float) -> np.ndarray:
    return np.fromiter((score(key, previous, t) < gamma for t in tokens), dtype=bool, count=len(tokens))


def is_green(previous: str, token: str, gamma: float = DEFAULT_GAMMA, key=DEFAULT_KEY) -> bool:
    """Whether ``token`` is on the green list drawn after ``previous`` (for this key and gamma)."""
    check_text(previous, "le mot précédent")
    check_text(token, "le mot")
    return bool(score(check_key(key), previous, token) < check_gamma(gamma))


def green_share(model, previous: str, gamma: float = DEFAULT_GAMMA, key=DEFAULT_KEY) -> float:
    """The share of the model's vocabulary that is green after ``previous``: close to ``gamma``."""
    model = check_model(model)
    check_text(previous, "le mot précédent")
    flags = _green_flags(check_key(key), previous, model.vocab, check_gamma(gamma))
    return float(flags.mean())


# --------------------------------------------------------------------------- embedding


def _biased(probs: np.ndarray, green: np.ndarray, delta: float) -> np.ndarray:
    """Add ``delta`` to the logits of green tokens and renormalise (softmax of the new logits)."""
    weights = probs * np.exp(delta * green)
    return weights / weights.sum()


def generate_watermarked(
    model,
    length: int = 200,
    seed: int = 0,
    gamma: float = DEFAULT_GAMMA,
    delta: float = DEFAULT_DELTA,
    key=DEFAULT_KEY,
    temperature: float = 1.0,
) -> str:
    """Generate ``length`` words with the model, nudged towards the green list at every step.

    At each step the model gives its probabilities for the next word; the previous word and
    the key decide which candidates are green; green logits get ``+delta``; a word is drawn.
    ``delta=0`` gives the model's ordinary text (same seed, no mark). Returns the text.
    """
    model = check_model(model)
    length = check_int(length, "length", 1, MAX_TOKENS, hint=" (le nombre de mots à produire)")
    seed = check_seed(seed, "seed")
    gamma, delta = check_gamma(gamma), _check_delta(delta)
    key_bytes = check_key(key)
    temperature = check_real(temperature, "temperature", 0.0, 10.0)
    rng = np.random.default_rng(seed)
    out: list[str] = ["\n"]
    cache: dict[tuple, np.ndarray] = {}
    for _ in range(length):
        context = tuple(out[-model.order:])  # it ends with the previous word
        candidates, probs = model.candidates(context)  # the model's own next-word distribution
        green = cache.get(context)
        if green is None:
            green = _green_flags(key_bytes, out[-1], candidates, gamma)
            if len(cache) < 50_000:
                cache[context] = green
        p = _biased(probs, green, delta) if delta > 0 else probs
        out.append(candidates[sample_index(p, rng, temperature)])
    return join_words(out[1:])
