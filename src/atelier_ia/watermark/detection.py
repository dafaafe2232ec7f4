"""Detection: counting the green words of a text, the z-test, and the false positives on human text."""

from __future__ import annotations

import math
from dataclasses import dataclass

from ..errors import AtelierError, describe
from ..fmt import NBSP, french_number, french_percent
from ..text import join_words, word_tokens
from ..validation import check_bool, check_int, check_real, check_text
from .greenlist import (
    DEFAULT_GAMMA,
    DEFAULT_KEY,
    DEFAULT_THRESHOLD,
    MAX_TOKENS,
    MIN_TOKENS,
    check_gamma,
    check_key,
    check_threshold,
    check_tokens,
    score,
)

__all__ = ["Detection", "FalsePositiveReport", "detect", "false_positive_rate", "human_passages"]

_SUPERSCRIPT = str.maketrans("-0123456789", "⁻⁰¹²³⁴⁵⁶⁷⁸⁹")


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
        check_gamma(self.gamma)
        check_threshold(self.threshold)
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

    @property
    def headline(self) -> str:
        """The verdict in one short sentence without its full stop (« Tatouage détecté : z = 9,53 dépasse
        le seuil de 4,0 »): what a demo shows beside the numbers, instead of cutting ``verdict``."""
        return _headline(self.n_tokens, self.z, self.threshold, self.min_tokens, self.watermarked)

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


def _headline(n: int, z: float, threshold: float, min_tokens: int, marked: bool) -> str:
    """The verdict's first sentence, without its final full stop: judged or not, and why in numbers."""
    if n < min_tokens:
        return f"Trop court pour juger{NBSP}: {french_number(n)} mots examinés, il en faut au moins {french_number(min_tokens)}"
    if marked:
        return f"Tatouage détecté{NBSP}: z = {french_number(z, 2)} dépasse le seuil de {french_number(threshold, 1)}"
    return f"Pas de tatouage détecté{NBSP}: z = {french_number(z, 2)} ne dépasse pas le seuil de {french_number(threshold, 1)}"


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
    tokens = check_tokens(text_or_tokens)
    gamma, key_bytes = check_gamma(gamma), check_key(key)
    threshold = check_threshold(threshold)
    min_tokens = check_int(min_tokens, "min_tokens", 1, MAX_TOKENS, hint=" (le nombre de mots en dessous duquel on ne juge pas)")
    if not isinstance(ignore_repeats, bool):
        raise AtelierError(f"« ignore_repeats » doit valoir True ou False ; vous avez donné {describe(ignore_repeats)}.")
    pairs = list(zip(tokens, tokens[1:]))
    if ignore_repeats:
        pairs = list(dict.fromkeys(pairs))
    n = len(pairs)
    green = sum(score(key_bytes, a, b) < gamma for a, b in pairs)
    if n > 0:
        z = (green - gamma * n) / math.sqrt(n * gamma * (1 - gamma))
    else:
        z = 0.0
    p = _p_value(z)
    marked = n >= min_tokens and z > threshold
    if n < min_tokens:
        why = ("Sur quelques mots, le hasard seul peut donner beaucoup de mots verts, et une ou deux retouches "
               f"suffisent à les faire disparaître{NBSP}: aucune conclusion n'est possible.")
    elif marked:
        why = "Un texte écrit sans la clé aurait très rarement autant de mots verts."
    else:
        why = (f"Cela ne prouve pas qu'un humain a écrit ce texte{NBSP}: il peut venir d'un autre outil, d'une autre clé, "
               "ou avoir été retouché.")
    verdict = f"{_headline(n, z, threshold, min_tokens, marked)}. {why}"
    return Detection(n, int(green), gamma, threshold, min_tokens, float(z), float(p), marked, verdict, ignore_repeats)


# --------------------------------------------------------------------------- human text and false positives


def human_passages(author: str = "Victor Hugo", n_tokens: int = 100, max_passages: int = 200) -> list[str]:
    """Passages of human text of about ``n_tokens`` words each, to measure false positives.

    The Littré's quotations of ``author`` (:func:`atelier_ia.corpus.load_author`) are joined in
    order into passages; without the Littré, the course's own text is used instead.
    """
    from ..corpus import load_author

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
        check_threshold(self.threshold)
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
    gamma, threshold = check_gamma(gamma), check_threshold(threshold)
    check_key(key)
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
