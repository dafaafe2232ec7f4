"""A green-list watermark for text, after Kirchenbauer et al. (ICML 2023).

The idea, on the course's own word-level n-gram model (:class:`atelier_ia.text.NGramModel`):

1. **Embedding.** Before choosing each word, the *previous* word and a secret key decide
   which words of the vocabulary are "green" (a share ``gamma`` of them) and which are "red".
   The generator adds ``delta`` to the logit (log-probability) of every green word, so it
   prefers green words without forbidding red ones (the paper's "soft" watermark).
2. **Detection.** Whoever holds the key re-computes, for every word of a text, whether it
   was green given the word before it, and counts the green words. A human writer, who does
   not know the key, picks a green word with probability ``gamma`` at each step: the count is
   a binomial variable. The z-score measures how far the count lies above that chance level:
   ``z = (green - gamma * T) / sqrt(T * gamma * (1 - gamma))`` for ``T`` scored words.
   Detection needs the key, not the model.

Design choice (stated for readers who compare with the paper's code): the split of the
vocabulary is made by a keyed hash of the pair (previous word, candidate word) turned into a
number in [0, 1); the candidate is green when that number is below ``gamma``. This splits any
vocabulary into a green share close to ``gamma``, and every word, even one the model never
saw, is green with probability exactly ``gamma`` for someone who does not know the key, so
the z-test on human text is calibrated.

Everything here is deterministic: the same seed and key give the same text and verdict.
"""

from __future__ import annotations

import hashlib
import math
import numbers
import re
from dataclasses import dataclass

import numpy as np
import pandas as pd

from .errors import AtelierError, describe
from .fmt import NBSP, french_number, french_percent
from .text import NGramModel, join_words, sample_index, word_tokens
from .validation import check_bool, check_int, check_real, check_seed, check_text

__all__ = [
    "DEFAULT_DELTA",
    "DEFAULT_GAMMA",
    "DEFAULT_KEY",
    "DEFAULT_THRESHOLD",
    "MIN_TOKENS",
    "Detection",
    "FalsePositiveReport",
    "detect",
    "edit",
    "edit_curve",
    "false_positive_rate",
    "generate_watermarked",
    "green_share",
    "human_passages",
    "is_green",
    "paraphrase",
]

DEFAULT_GAMMA = 0.25      # share of green words (the paper's reference code uses 0.25)
DEFAULT_DELTA = 2.0       # bonus added to green logits
DEFAULT_KEY = 15485863    # any secret number or text; this one is only for the book
DEFAULT_THRESHOLD = 4.0   # z above which a text is declared watermarked (one-sided p ≈ 3 × 10⁻⁵)
MIN_TOKENS = 25           # below this many scored words, no verdict is given
MAX_TOKENS = 20_000       # longest text judged or generated (keeps every call under a second)

_WORD_RE = re.compile(r"^[^\W\d_]")
_SUPERSCRIPT = str.maketrans("-0123456789", "⁻⁰¹²³⁴⁵⁶⁷⁸⁹")


# --------------------------------------------------------------------------- checks


def _check_gamma(gamma) -> float:
    return check_real(gamma, "gamma", 0.01, 0.99, hint=" (la part de mots « verts », par exemple 0.25)")


def _check_delta(delta) -> float:
    return check_real(delta, "delta", 0.0, 20.0, hint=" (le bonus ajouté aux mots verts, par exemple 2.0)")


def _check_threshold(threshold) -> float:
    return check_real(threshold, "seuil", 0.0, 20.0, hint=" (le score z au-delà duquel on conclut au tatouage, par exemple 4.0)")


def _check_key(key) -> bytes:
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


def _check_model(model) -> NGramModel:
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


def _check_tokens(text_or_tokens, what: str = "le texte à analyser") -> list[str]:
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


def _check_share(share) -> float:
    return check_real(share, "share", 0.0, 1.0, hint=" (la part des mots à remplacer, par exemple 0.3 pour 30 %)")


# --------------------------------------------------------------------------- the green list


def _score(key: bytes, previous: str, token: str) -> float:
    """A number in [0, 1) fixed by the key and the pair (previous, token), looking random."""
    digest = hashlib.blake2b(
        previous.encode("utf-8") + b"\x00" + token.encode("utf-8"), key=key, digest_size=8
    ).digest()
    return int.from_bytes(digest, "big") / 2**64


def _green_flags(key: bytes, previous: str, tokens, gamma: float) -> np.ndarray:
    return np.fromiter((_score(key, previous, t) < gamma for t in tokens), dtype=bool, count=len(tokens))


def is_green(previous: str, token: str, gamma: float = DEFAULT_GAMMA, key=DEFAULT_KEY) -> bool:
    """Whether ``token`` is on the green list drawn after ``previous`` (for this key and gamma)."""
    check_text(previous, "le mot précédent")
    check_text(token, "le mot")
    return bool(_score(_check_key(key), previous, token) < _check_gamma(gamma))


def green_share(model, previous: str, gamma: float = DEFAULT_GAMMA, key=DEFAULT_KEY) -> float:
    """The share of the model's vocabulary that is green after ``previous``: close to ``gamma``."""
    model = _check_model(model)
    check_text(previous, "le mot précédent")
    flags = _green_flags(_check_key(key), previous, model.vocab, _check_gamma(gamma))
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
    model = _check_model(model)
    length = check_int(length, "length", 1, MAX_TOKENS, hint=" (le nombre de mots à produire)")
    seed = check_seed(seed, "seed")
    gamma, delta = _check_gamma(gamma), _check_delta(delta)
    key_bytes = _check_key(key)
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


# --------------------------------------------------------------------------- detection


def _p_value(z: float) -> float:
    """One-sided p-value: the chance of a z at least this high on text written without the key."""
    return 0.5 * math.erfc(z / math.sqrt(2))


@dataclass(frozen=True)
class Detection:
    """What the detector found in a text: counts, z-score, p-value and a French verdict."""

    n_tokens: int        # words scored (each word after the first, judged with its predecessor)
    n_green: int         # how many of them are green
    gamma: float
    threshold: float
    min_tokens: int
    z: float
    p_value: float
    watermarked: bool    # True only when the text is long enough and z > threshold
    verdict: str
    ignore_repeats: bool = True  # each (previous word, word) pair counted once

    def __post_init__(self):
        n = check_int(self.n_tokens, "n_tokens", 0, hint=" (le nombre de mots examinés)")
        check_int(self.n_green, "n_green", 0, n, hint=" (le nombre de mots verts, au plus n_tokens)")
        _check_gamma(self.gamma)
        _check_threshold(self.threshold)
        check_int(self.min_tokens, "min_tokens", 1, MAX_TOKENS)
        check_real(self.z, "z")
        check_real(self.p_value, "p_value", 0.0, 1.0)
        check_bool(self.watermarked, "watermarked")
        check_text(self.verdict, "le verdict (verdict)")
        check_bool(self.ignore_repeats, "ignore_repeats")

    @property
    def expected_green(self) -> float:
        """How many green words a text written without the key would hold on average."""
        return self.gamma * self.n_tokens

    @property
    def judged(self) -> bool:
        """False when the text is too short for a verdict."""
        return self.n_tokens >= self.min_tokens

    def explain(self) -> str:
        """A French explanation of the numbers, for a learner."""
        sd = math.sqrt(self.n_tokens * self.gamma * (1 - self.gamma))
        lines = [
            f"Mots examinés{' (chaque paire de mots voisins comptée une fois)' if self.ignore_repeats else ''}"
            f"{NBSP}: {french_number(self.n_tokens)} ; mots verts{NBSP}: {french_number(self.n_green)} "
            f"({french_percent(self.n_green / self.n_tokens if self.n_tokens else 0)}).",
            f"Sans la clé, on attendrait en moyenne {french_number(self.expected_green, 1)} mots verts "
            f"(part γ = {french_percent(self.gamma, 0)}), à plus ou moins {french_number(sd, 1)} près (un écart type).",
            f"Score z = {french_number(self.z, 2)}{NBSP}: le nombre de mots verts est "
            + (f"au-dessus de la moyenne attendue de {french_number(self.z, 2)} {_sd_words(self.z)}." if self.z >= 0
               else f"en dessous de la moyenne attendue de {french_number(-self.z, 2)} {_sd_words(self.z)}."),
            f"Valeur p = {_french_p(self.p_value)}{NBSP}: c'est la probabilité qu'un texte écrit sans la clé "
            "ait au moins autant de mots verts par hasard.",
            self.verdict,
        ]
        return "\n".join(lines)

    def __str__(self) -> str:
        return self.explain()

    def as_dict(self) -> dict:
        """The numbers as a dictionary with French keys, for a table."""
        return {
            "mots examinés": self.n_tokens,
            "mots verts": self.n_green,
            "verts attendus sans clé": round(self.expected_green, 1),
            "score z": round(self.z, 2),
            "valeur p": self.p_value,
            "tatoué": self.watermarked,
            "verdict": self.verdict,
        }


def _sd_words(z: float) -> str:
    """« écart type » agrees in number: singular below 2 in French."""
    return "écart type" if abs(z) < 2 else "écarts types"


def _french_p(p: float) -> str:
    if p >= 0.001:
        return french_number(p, 3)
    exponent = math.floor(math.log10(p)) if p > 0 else -300
    mantissa = p / 10**exponent if p > 0 else 0.0
    return f"{french_number(mantissa, 1)} × 10{str(exponent).translate(_SUPERSCRIPT)}"


def detect(
    text_or_tokens,
    gamma: float = DEFAULT_GAMMA,
    key=DEFAULT_KEY,
    threshold: float = DEFAULT_THRESHOLD,
    min_tokens: int = MIN_TOKENS,
    ignore_repeats: bool = True,
) -> Detection:
    """Count green words in a text and test whether there are more than chance allows.

    ``text_or_tokens`` is a text or a list of word tokens. The first word has no predecessor
    and is not scored. Texts with fewer than ``min_tokens`` scored words get no verdict.
    By default (``ignore_repeats=True``) each pair (previous word, word) counts once: a pair
    that comes back again and again (a refrain, a formula, « , et ») is one piece of evidence,
    not ten. Counting repeats (``False``, the plain formula of the paper) makes z too large on
    repetitive texts, with or without the key: false alarms become much more frequent than the
    p-value says. The authors' reference detector offers the same choice
    (``ignore_repeated_bigrams``).
    """
    tokens = _check_tokens(text_or_tokens)
    gamma, key_bytes = _check_gamma(gamma), _check_key(key)
    threshold = _check_threshold(threshold)
    min_tokens = check_int(min_tokens, "min_tokens", 1, MAX_TOKENS, hint=" (le nombre de mots en dessous duquel on ne juge pas)")
    if not isinstance(ignore_repeats, bool):
        raise AtelierError(f"« ignore_repeats » doit valoir True ou False ; vous avez donné {describe(ignore_repeats)}.")
    pairs = list(zip(tokens, tokens[1:]))
    if ignore_repeats:
        pairs = list(dict.fromkeys(pairs))
    n = len(pairs)
    green = sum(_score(key_bytes, a, b) < gamma for a, b in pairs)
    if n > 0:
        z = (green - gamma * n) / math.sqrt(n * gamma * (1 - gamma))
    else:
        z = 0.0
    p = _p_value(z)
    if n < min_tokens:
        verdict = (
            f"Trop court pour juger{NBSP}: {french_number(n)} mots examinés, il en faut au moins {french_number(min_tokens)}. "
            "Sur quelques mots, le hasard seul peut donner beaucoup de mots verts, et une ou deux retouches "
            "suffisent à les faire disparaître : aucune conclusion n'est possible."
        )
        marked = False
    elif z > threshold:
        verdict = (
            f"Tatouage détecté{NBSP}: z = {french_number(z, 2)} dépasse le seuil de {french_number(threshold, 1)}. "
            "Un texte écrit sans la clé aurait très rarement autant de mots verts."
        )
        marked = True
    else:
        verdict = (
            f"Pas de tatouage détecté{NBSP}: z = {french_number(z, 2)} ne dépasse pas le seuil de {french_number(threshold, 1)}. "
            "Cela ne prouve pas qu'un humain a écrit ce texte : il peut venir d'un autre outil, d'une autre clé, "
            "ou avoir été retouché."
        )
        marked = False
    return Detection(n, int(green), gamma, threshold, min_tokens, float(z), float(p), marked, verdict, ignore_repeats)


# --------------------------------------------------------------------------- human text and false positives


def human_passages(author: str = "Victor Hugo", n_tokens: int = 100, max_passages: int = 200) -> list[str]:
    """Passages of human text of about ``n_tokens`` words each, to measure false positives.

    The Littré's quotations of ``author`` (:func:`atelier_ia.corpus.load_author`) are joined in
    order into passages; without the Littré, the course's own text is used instead.
    """
    from .corpus import load_author

    n_tokens = check_int(n_tokens, "n_tokens", 10, 5000, hint=" (la longueur de chaque passage, en mots)")
    max_passages = check_int(max_passages, "max_passages", 1, 10_000)
    corpus = load_author(author, max_chars=2_000_000)
    quotes = corpus.quotes or tuple(corpus.text.splitlines())
    passages, current = [], []
    for quote in quotes:
        current.extend(word_tokens(quote))
        if len(current) >= n_tokens:
            passages.append(join_words(current[:n_tokens]))
            current = []
            if len(passages) >= max_passages:
                break
    if not passages:
        raise AtelierError(f"Le texte de « {author} » est trop court pour former un passage de {n_tokens} mots.")
    return passages


@dataclass(frozen=True)
class FalsePositiveReport:
    """How often the detector wrongly flags texts written without the key."""

    n_texts: int        # texts long enough to be judged
    n_flagged: int      # of those, declared watermarked (false alarms)
    n_too_short: int    # texts left out because they were too short
    threshold: float
    expected_rate: float  # the rate the z-test promises at this threshold
    z_scores: tuple[float, ...]

    def __post_init__(self):
        n = check_int(self.n_texts, "n_texts", 0, hint=" (le nombre de textes jugés)")
        check_int(self.n_flagged, "n_flagged", 0, n, hint=" (le nombre de fausses alertes, au plus n_texts)")
        check_int(self.n_too_short, "n_too_short", 0)
        _check_threshold(self.threshold)
        check_real(self.expected_rate, "expected_rate", 0.0, 1.0)
        if isinstance(self.z_scores, (str, bytes)) or not isinstance(self.z_scores, (list, tuple)):
            raise AtelierError(f"« z_scores » doit être une liste de nombres ; vous avez donné {describe(self.z_scores)}.")
        object.__setattr__(self, "z_scores", tuple(check_real(z, "chaque élément de « z_scores »") for z in self.z_scores))

    @property
    def rate(self) -> float:
        """The share of judged human texts wrongly flagged."""
        return self.n_flagged / self.n_texts if self.n_texts else 0.0

    def explain(self) -> str:
        """A French summary of the measured and promised false-alarm rates."""
        lines = [
            f"Textes humains jugés{NBSP}: {french_number(self.n_texts)} (écartés car trop courts{NBSP}: {french_number(self.n_too_short)}).",
            f"Fausses alertes{NBSP}: {french_number(self.n_flagged)}, soit {french_percent(self.rate, 2)}.",
            f"Taux promis par le test au seuil z = {french_number(self.threshold, 1)}{NBSP}: {_french_p(self.expected_rate)} "
            f"({french_percent(self.expected_rate, 3)}).",
            "Un texte humain ne connaît pas la clé : chaque mot y est vert avec la probabilité γ, et le score z "
            "reste en général entre −2 et 2. Un seuil élevé rend les fausses alertes très rares, au prix de textes "
            "tatoués plus longs pour être reconnus.",
        ]
        return "\n".join(lines)

    def __str__(self) -> str:
        return self.explain()


def false_positive_rate(
    human_texts,
    gamma: float = DEFAULT_GAMMA,
    key=DEFAULT_KEY,
    threshold: float = DEFAULT_THRESHOLD,
    min_tokens: int = MIN_TOKENS,
    ignore_repeats: bool = True,
) -> FalsePositiveReport:
    """Run the detector on texts written without the key and count false alarms."""
    if not isinstance(human_texts, (list, tuple)) or not human_texts:
        raise AtelierError(
            "« human_texts » doit être une liste non vide de textes écrits par des humains, par exemple "
            f"human_passages(\"Victor Hugo\") ; vous avez donné {describe(human_texts)}."
        )
    if len(human_texts) > 5000:
        raise AtelierError(f"Trop de textes ({french_number(len(human_texts))}) : 5 000 au plus.")
    gamma, threshold = _check_gamma(gamma), _check_threshold(threshold)
    _check_key(key)
    results = [detect(t, gamma, key, threshold, min_tokens, ignore_repeats) for t in human_texts]
    judged = [r for r in results if r.judged]
    return FalsePositiveReport(
        n_texts=len(judged),
        n_flagged=sum(r.watermarked for r in judged),
        n_too_short=len(results) - len(judged),
        threshold=threshold,
        expected_rate=_p_value(threshold),
        z_scores=tuple(r.z for r in judged),
    )


# --------------------------------------------------------------------------- edits that erase the mark

#: A few common French words and a near-synonym each, for :func:`paraphrase`.
_SYNONYMS = {
    "grand": "vaste", "grande": "vaste", "petit": "menu", "petite": "menue", "beau": "joli", "belle": "jolie",
    "homme": "individu", "hommes": "gens", "femme": "dame", "femmes": "dames", "jour": "journée", "jours": "journées",
    "nuit": "soirée", "temps": "époque", "monde": "univers", "vie": "existence", "cœur": "âme", "âme": "esprit",
    "dieu": "seigneur", "roi": "souverain", "mort": "trépas", "amour": "tendresse", "yeux": "regards",
    "main": "paume", "mains": "paumes", "chose": "objet", "choses": "objets", "pays": "contrée", "ville": "cité",
    "maison": "demeure", "toujours": "sans cesse", "jamais": "nullement", "souvent": "fréquemment",
    "rien": "néant", "tout": "chaque", "peu": "guère", "bien": "fort", "très": "fort", "aussi": "également",
    "mais": "cependant", "car": "puisque", "quand": "lorsque", "ainsi": "de la sorte", "encore": "toujours",
    "voir": "regarder", "dire": "affirmer", "faire": "accomplir", "aller": "partir", "venir": "arriver",
    "donner": "offrir", "prendre": "saisir", "savoir": "connaître", "vouloir": "désirer", "pouvoir": "réussir",
    "dit": "affirme", "fait": "accomplit", "peut": "sait", "veut": "désire", "voit": "aperçoit",
    "sont": "demeurent", "est": "reste", "était": "restait", "ont": "possèdent", "a": "possède",
    "doux": "suave", "triste": "morne", "heureux": "content", "vrai": "exact", "nouveau": "neuf",
    "ancien": "vieux", "vieux": "âgé", "jeune": "juvénile", "fort": "robuste", "mal": "douleur",
    "esprit": "intelligence", "public": "auditoire", "œuvre": "création", "œuvres": "créations",
    "spectacle": "représentation", "musée": "galerie", "livre": "ouvrage", "livres": "ouvrages",
    "texte": "écrit", "image": "illustration", "artiste": "créateur", "artistes": "créateurs",
    "culture": "civilisation", "lieu": "endroit", "lieux": "endroits", "salle": "pièce", "scène": "plateau",
}


def _word_positions(tokens: list[str]) -> list[int]:
    return [i for i, t in enumerate(tokens) if _WORD_RE.match(t)]


def _pick(positions: list[int], share: float, seed: int) -> list[int]:
    rng = np.random.default_rng(seed)
    k = int(round(share * len(positions)))
    if k == 0:
        return []
    return sorted(int(i) for i in rng.choice(positions, size=k, replace=False))


def edit(text_or_tokens, share: float = 0.3, seed: int = 0, vocabulary=None) -> str:
    """Replace a share of the words by other words, drawn with a seed; returns the new text.

    ``vocabulary`` is a model (its vocabulary is used) or a list of words; by default, words
    are taken from the text itself, shuffled. Punctuation is kept. The input is not modified.
    """
    tokens = _check_tokens(text_or_tokens, "le texte à retoucher")
    share, seed = _check_share(share), check_seed(seed, "seed")
    if vocabulary is None:
        pool = sorted({t for t in tokens if _WORD_RE.match(t)})
    elif isinstance(vocabulary, NGramModel):
        pool = [t for t in _check_model(vocabulary).vocab if _WORD_RE.match(t)]
    elif isinstance(vocabulary, (list, tuple)) and vocabulary and all(isinstance(w, str) and w.strip() for w in vocabulary):
        pool = sorted(set(vocabulary))
    else:
        raise AtelierError(
            "« vocabulary » doit être un modèle de mots entraîné, une liste de mots non vide, ou None "
            f"(les mots du texte lui-même) ; vous avez donné {describe(vocabulary)}."
        )
    out = list(tokens)
    positions = _word_positions(out)
    if not positions or not pool:
        return join_words(out)
    rng = np.random.default_rng([seed, 1])
    for i in _pick(positions, share, seed):
        choice = pool[int(rng.integers(len(pool)))]
        if choice == out[i] and len(pool) > 1:
            choice = pool[(pool.index(choice) + 1) % len(pool)]
        out[i] = choice
    return join_words(out)


def paraphrase(text_or_tokens, share: float = 0.3, seed: int = 0) -> str:
    """Replace up to a share of the words by a near-synonym from a small French list.

    Only words that have a synonym in the list can change, so the share actually replaced can
    be lower than asked: a crude stand-in for a person or a tool that rewrites the text.
    """
    tokens = _check_tokens(text_or_tokens, "le texte à reformuler")
    share, seed = _check_share(share), check_seed(seed, "seed")
    out = list(tokens)
    positions = _word_positions(out)
    replaceable = [i for i in positions if out[i].lower() in _SYNONYMS]
    wanted = int(round(share * len(positions)))
    chosen = _pick(replaceable, min(1.0, wanted / len(replaceable)) if replaceable else 0.0, seed)
    for i in chosen:
        new = _SYNONYMS[out[i].lower()]
        out[i] = new[:1].upper() + new[1:] if out[i][:1].isupper() else new
    return join_words(out)


def edit_curve(
    text_or_tokens,
    shares=(0.0, 0.1, 0.2, 0.3, 0.5, 0.7),
    seed: int = 0,
    gamma: float = DEFAULT_GAMMA,
    key=DEFAULT_KEY,
    threshold: float = DEFAULT_THRESHOLD,
    vocabulary=None,
) -> pd.DataFrame:
    """The detector's z-score after replacing more and more words: how edits erase the mark.

    Replacing one word changes two scored pairs (the word itself and the word after it), so
    the mark fades faster than the share of replaced words.
    """
    tokens = _check_tokens(text_or_tokens, "le texte à retoucher")
    if not isinstance(shares, (list, tuple)) or not shares or len(shares) > 50:
        raise AtelierError(
            f"« shares » doit être une liste de 1 à 50 parts entre 0 et 1, par exemple [0, 0.1, 0.3] ; vous avez donné {describe(shares)}."
        )
    rows = []
    for share in shares:
        edited = edit(tokens, share, seed, vocabulary)
        found = detect(edited, gamma, key, threshold)
        rows.append({
            "part des mots remplacés": _check_share(share),
            "mots verts": found.n_green,
            "mots examinés": found.n_tokens,
            "score z": round(found.z, 2),
            "tatouage détecté": found.watermarked,
        })
    return pd.DataFrame(rows)
